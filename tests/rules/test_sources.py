"""GDPR-14-2-f (seloste/lint/rules/sources.py): the sources of the data are told."""

from __future__ import annotations

import pytest
from lint_helpers import located

from seloste.lint.rules import sources

ID = "GDPR-14-2-f"

CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param("", [(3, 1)], id="missing: at the controller key"),
    pytest.param("data_categories:\n  items:\n    - Nimi\n", [(6, 1)], id="missing: at the data_categories key"),
    pytest.param("sources:\n  items: []\n", [(6, 1)], id="says nothing: at its key"),
    pytest.param("sources:\n  intro: Tiedot saadaan rekisteröidyltä.\n", [], id="text"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(sources, body) == [(ID, line, column) for line, column in expected]
