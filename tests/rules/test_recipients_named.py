"""GDPR-13-1-e-text (seloste/lint/rules/recipients_named.py): recipients as items, not only free text."""

from __future__ import annotations

import pytest
from lint_helpers import located

from seloste.lint.rules import recipients_named

ID = "GDPR-13-1-e-text"

CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param("recipients:\n  intro: Ei luovuteta.\n", [(6, 1)], id="text only: at the recipients key"),
    pytest.param("recipients:\n  none: true\n  intro: Ei luovuteta.\n", [], id="none and text"),
    pytest.param("recipients:\n  intro: Vain lain perusteella.\n  items:\n    - Verohallinto\n", [],
                 id="text and items"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(recipients_named, body) == [(ID, line, column) for line, column in expected]
