"""GDPR-13-1-f (seloste/lint/rules/transfers.py): transfers outside the EU/EEA are stated either way."""

from __future__ import annotations

import pytest
from lint_helpers import located

from seloste.lint.rules import transfers

ID = "GDPR-13-1-f"
ITEMS = "  items:\n    - text: A\n      country: B\n      safeguard: derogation\n"

CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param("", [(3, 1)], id="missing: at the controller key"),
    pytest.param("transfers:\n  none: false\n", [(6, 1)], id="says nothing: at its key"),
    pytest.param("transfers:\n  none: true\n" + ITEMS, [(7, 9)], id="none and items: at the none value"),
    pytest.param("transfers:\n  none: true\n", [], id="none"),
    pytest.param("transfers:\n  none: Tietoja ei viedä Suomen ulkopuolelle.\n", [], id="none in the register's own words"),
    pytest.param("transfers:\n  none: Ei siirretä.\n" + ITEMS, [(7, 9)], id="none in own words and items: at the none value"),
    pytest.param("transfers:\n" + ITEMS, [], id="items"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(transfers, body) == [(ID, line, column) for line, column in expected]
