"""GDPR-13-1-f-text (seloste/lint/rules/transfers_stated.py): transfers as items or none, not free text."""

from __future__ import annotations

import pytest
from lint_helpers import located

from seloste.lint.rules import transfers_stated

ID = "GDPR-13-1-f-text"

CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param("transfers:\n  notes: Ei siirretä.\n", [(6, 1)], id="text only: at the transfers key"),
    pytest.param("transfers:\n  none: true\n  notes: Ei siirretä.\n", [], id="none and text"),
    pytest.param("", [], id="missing: another rule's finding"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(transfers_stated, body) == [(ID, line, column) for line, column in expected]
