"""GDPR-13-1-b (seloste/lint/rules/dpo_contact.py): the data protection officer's contact details."""

from __future__ import annotations

import pytest
from lint_helpers import located

from seloste.lint.rules import dpo_contact

ID = "GDPR-13-1-b"

CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param("", [(3, 1)], id="missing: at the controller key"),
    pytest.param("dpo:\n  name: Tietosuojavastaava\n", [(6, 1)], id="no contact details: at the dpo key"),
    pytest.param("dpo:\n  email: dpo@esimerkki.fi\n", [], id="email"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(dpo_contact, body) == [(ID, line, column) for line, column in expected]
