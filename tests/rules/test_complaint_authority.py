"""GDPR-13-2-d-authority (seloste/lint/rules/complaint_authority.py): the supervisory authority is named."""

from __future__ import annotations

import pytest
from lint_helpers import located

from seloste.lint.rules import complaint_authority

ID = "GDPR-13-2-d-authority"

CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param("complaint:\n  notes: Valituksen voi tehdä myös sähköisesti.\n", [(6, 1)],
                 id="not named: at the complaint key"),
    pytest.param("complaint:\n  intro: Voit valittaa tietosuojavaltuutetulle.\n", [], id="named in the text"),
    pytest.param("complaint:\n  authority: tietosuojavaltuutettu\n", [], id="authority"),
    pytest.param("", [], id="no complaint topic: another rule's finding"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(complaint_authority, body) == [(ID, line, column) for line, column in expected]
