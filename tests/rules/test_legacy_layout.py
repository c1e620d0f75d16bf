"""FI-LEGACY-LAYOUT (seloste/lint/rules/legacy_layout.py): the GDPR layout, not the repealed act's."""

from __future__ import annotations

import pytest
from lint_helpers import located

from seloste.lint.rules import legacy_layout

ID = "FI-LEGACY-LAYOUT"
REST = "name: R\ncontroller:\n  name: Oy\n  email: a@b.fi\n"

CASES = [
    # (the whole register, (line, column) of each finding)
    pytest.param("layout: henkilotietolaki\n" + REST, [(1, 9)], id="henkilotietolaki: at the layout value"),
    pytest.param("layout: gdpr\n" + REST, [], id="gdpr"),
]


@pytest.mark.parametrize("register, expected", CASES)
def test_findings_and_their_positions(register, expected):
    assert located(legacy_layout, "", register) == [(ID, line, column) for line, column in expected]
