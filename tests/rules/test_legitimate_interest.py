"""GDPR-13-1-d (seloste/lint/rules/legitimate_interest.py): a legitimate interest used as basis is described."""

from __future__ import annotations

import pytest
from lint_helpers import located

from seloste.lint.rules import legitimate_interest

ID = "GDPR-13-1-d"
PURPOSE = "purposes:\n  items:\n    - text: A\n      legal_basis: {basis}\n"

CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param(PURPOSE.format(basis="[contract, legitimate_interests]"), [(9, 20)],
                 id="not described: at the legal_basis value"),
    pytest.param(PURPOSE.format(basis="legitimate_interests") + "      legitimate_interest: Tiedottaminen.\n", [],
                 id="described"),
    pytest.param(PURPOSE.format(basis="contract"), [], id="another basis"),
    pytest.param("purposes:\n  legal_basis: legitimate_interests\n  items:\n    - A\n", [(7, 16)],
                 id="for every purpose, not described: at its basis"),
    pytest.param("purposes:\n  legal_basis: legitimate_interests\n  legitimate_interest: Tiedottaminen.\n"
                 "  items:\n    - A\n", [], id="for every purpose, described"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(legitimate_interest, body) == [(ID, line, column) for line, column in expected]
