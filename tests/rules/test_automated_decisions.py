"""GDPR-13-2-f (seloste/lint/rules/automated_decisions.py): automated decisions are stated either way."""

from __future__ import annotations

import pytest
from lint_helpers import located

from seloste.lint.rules import automated_decisions

ID = "GDPR-13-2-f"

CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param("", [(3, 1)], id="missing: at the controller key"),
    pytest.param("automated_decisions:\n  none: false\n", [(6, 1)], id="says nothing: at its key"),
    pytest.param("automated_decisions:\n  none: true\n  items:\n    - Esikarsinta\n", [(7, 9)],
                 id="none and items: at the none value"),
    pytest.param("automated_decisions:\n  none: true\n", [], id="none"),
    pytest.param("automated_decisions:\n  intro: Hakemukset esikarsitaan automaattisesti.\n", [], id="text"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(automated_decisions, body) == [(ID, line, column) for line, column in expected]
