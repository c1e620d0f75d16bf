"""GDPR-13-1-c (seloste/lint/rules/legal_basis.py): every purpose of processing names its legal basis."""

from __future__ import annotations

import pytest
from lint_helpers import findings
from lint_helpers import located

from seloste.lint.rules import legal_basis

ID = "GDPR-13-1-c"
PLAIN = "purposes:\n  items:\n    - Laskutus\n    - Markkinointi\n"

CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param("", [(3, 1)], id="missing: at the controller key"),
    pytest.param("purposes:\n  intro: Tietoja käytetään moneen.\n", [(6, 1)], id="no items: at the purposes key"),
    pytest.param(PLAIN, [(8, 7), (9, 7)], id="plain text items: each at its own line"),
    pytest.param("purposes:\n  items:\n    - A\n    - text: B\n    - text: C\n      legal_basis: [consent]\n",
                 [(8, 7), (9, 7)], id="only the items without a basis"),
    pytest.param("purposes:\n  items:\n    - text: A\n      legal_basis: contract\n", [], id="a basis"),
    pytest.param("purposes:\n  legal_basis: [legal_obligation, contract]\n  items:\n    - A\n    - text: B\n", [],
                 id="a basis for every purpose"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(legal_basis, body) == [(ID, line, column) for line, column in expected]


def test_a_purpose_without_a_basis_is_quoted():
    assert "”Laskutus”" in findings(legal_basis, PLAIN)[0].message
