"""GDPR-13-1-f-copy (seloste/lint/rules/transfer_safeguard_copy.py): how to get a copy of the safeguards."""

from __future__ import annotations

import pytest
from lint_helpers import located

from seloste.lint.rules import transfer_safeguard_copy

ID = "GDPR-13-1-f-copy"
TRANSFER = "transfers:\n  items:\n    - text: A\n      country: B\n      safeguard: {safeguard}\n"

CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param(TRANSFER.format(safeguard="binding_corporate_rules"), [(10, 18)],
                 id="no copy: at the safeguard value"),
    pytest.param(TRANSFER.format(safeguard="standard_contractual_clauses") + "      copy: Tietosuojavastaavalta.\n",
                 [], id="a copy"),
    pytest.param(TRANSFER.format(safeguard="adequacy_decision"), [], id="an adequacy decision needs none"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(transfer_safeguard_copy, body) == [(ID, line, column) for line, column in expected]
