"""NOTICE-UPDATED (seloste/lint/rules/updated_date.py): the notice shows when it last changed."""

from __future__ import annotations

import pytest
from lint_helpers import located

from seloste.lint.rules import updated_date

ID = "NOTICE-UPDATED"
HISTORY = 'history:\n  - date: "2024-06-01"\n    text: Muutos.\n'

CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param("", [(2, 1)], id="missing: at the name key"),
    pytest.param('updated: "2024-01-01"\n' + HISTORY, [(6, 10)], id="older than the history: at its value"),
    pytest.param('updated: "2024-06-01"\n' + HISTORY, [], id="as new as the history"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(updated_date, body) == [(ID, line, column) for line, column in expected]
