"""GDPR-13-1-a (seloste/lint/rules/controller_contact.py): the controller is named with contact details."""

from __future__ import annotations

import pytest
from lint_helpers import MINIMAL
from lint_helpers import located

from seloste.lint.rules import controller_contact

ID = "GDPR-13-1-a"
HEAD = "layout: gdpr\nname: R\ncontroller:\n  name: Oy\n"

CASES = [
    # (the whole register, (line, column) of each finding)
    pytest.param(HEAD + "  contact_person:\n    name: Maija\n", [(3, 1)], id="a person without contact details"),
    pytest.param(HEAD + "  website: https://esimerkki.fi\n", [(3, 1)], id="a website only"),
    pytest.param(HEAD + "  contact_person:\n    name: Maija\n    phone: 040 123 4567\n", [], id="the person's phone"),
    pytest.param(HEAD + "  fields:\n    - label: Puhelin\n      value: 040 123 4567\n", [], id="a labelled phone"),
    pytest.param(MINIMAL, [], id="email"),
]


@pytest.mark.parametrize("register, expected", CASES)
def test_findings_and_their_positions(register, expected):
    assert located(controller_contact, "", register) == [(ID, line, column) for line, column in expected]
