"""GDPR-13-1-e (seloste/lint/rules/recipients.py): recipients are named, or stated to be none."""

from __future__ import annotations

import pytest
from lint_helpers import located

from seloste.lint.rules import recipients

ID = "GDPR-13-1-e"

CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param("", [(3, 1)], id="missing: at the controller key"),
    pytest.param("recipients:\n  none: false\n", [(6, 1)], id="says nothing: at its key"),
    pytest.param("recipients:\n  none: true\n  items:\n    - Verohallinto\n", [(7, 9)],
                 id="none and items: at the none value"),
    pytest.param("recipients:\n  none: true\n", [], id="none"),
    pytest.param("recipients:\n  intro: Ei luovuteta.\n", [], id="text"),
    pytest.param("recipients:\n  groups:\n    - intro: 'Viranomaisille:'\n      items: [Verohallinto]\n", [],
                 id="items in a group"),
    pytest.param("recipients:\n  none: true\n  groups:\n    - intro: 'Viranomaisille:'\n      items: [Verohallinto]\n",
                 [(7, 9)], id="none and a group: at the none value"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(recipients, body) == [(ID, line, column) for line, column in expected]
