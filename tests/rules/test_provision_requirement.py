"""GDPR-13-2-e (seloste/lint/rules/provision_requirement.py): whether providing the data is required."""

from __future__ import annotations

import pytest
from lint_helpers import located

from seloste.lint.rules import provision_requirement

ID = "GDPR-13-2-e"

CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param("", [(3, 1)], id="missing: at the controller key"),
    pytest.param("sources:\n  items:\n    - Rekisteröity itse\n", [(6, 1)], id="missing: at the sources key"),
    pytest.param("sources:\n  items:\n    - text: Väestötietojärjestelmä\n      origin: other\n", [],
                 id="only other sources (GDPR 14)"),
    pytest.param("provision_requirement:\n  kind: voluntary\n", [], id="told"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(provision_requirement, body) == [(ID, line, column) for line, column in expected]
