"""GDPR-13-2-b (seloste/lint/rules/rights.py): the six rights of GDPR 13(2)(b) are told."""

from __future__ import annotations

import pytest
from lint_helpers import findings
from lint_helpers import located

from seloste.lint.rules import rights

ID = "GDPR-13-2-b"
THREE = "rights:\n  items:\n    - right: access\n    - right: erasure\n    - right: objection\n"
SIX = THREE + "    - right: rectification\n    - right: restriction\n    - right: portability\n"

CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param("", [(3, 1)], id="missing: at the controller key"),
    pytest.param("rights:\n  intro: Sinulla on oikeuksia.\n", [(6, 1)], id="text only: at the rights key"),
    pytest.param(THREE, [(6, 1)], id="three missing: one finding at the rights key"),
    pytest.param(SIX, [], id="all six"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(rights, body) == [(ID, line, column) for line, column in expected]


def test_the_finding_names_only_the_missing_rights():
    (problem,) = findings(rights, THREE)
    for kind in ("rectification", "restriction", "portability"):
        assert kind in problem.message
    for kind in ("(access)", "(erasure)", "(objection)"):
        assert kind not in problem.message
