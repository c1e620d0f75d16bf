"""GDPR-13-2-e-consequences (seloste/lint/rules/provision_consequences.py): what follows if data is not given."""

from __future__ import annotations

import pytest
from lint_helpers import located

from seloste.lint.rules import provision_consequences

ID = "GDPR-13-2-e-consequences"

CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param("provision_requirement:\n  kind: contract_prerequisite\n", [(7, 9)], id="not told: at the kind value"),
    pytest.param("provision_requirement:\n  kind: statutory\n  consequences: Palkkaa ei voida maksaa.\n", [],
                 id="told"),
    pytest.param("provision_requirement:\n  kind: voluntary\n", [], id="voluntary"),
    pytest.param("", [], id="no requirement: another rule's finding"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(provision_consequences, body) == [(ID, line, column) for line, column in expected]
