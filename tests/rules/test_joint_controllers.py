"""GDPR-26-2 (seloste/lint/rules/joint_controllers.py): joint controllers tell the essence of their arrangement."""

from __future__ import annotations

import pytest
from lint_helpers import located

from seloste.lint.rules import joint_controllers

ID = "GDPR-26-2"
JOINT = "joint_controllers:\n  items:\n    - name: Kumppani Oy\n"

CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param(JOINT, [(6, 1)], id="no arrangement: at the joint_controllers key"),
    pytest.param(JOINT + "  intro: Käsittelemme tietoja yhdessä.\n", [(6, 1)], id="an intro is no arrangement"),
    pytest.param(JOINT + "  arrangement: Pyyntöihin vastaa Oy.\n", [], id="an arrangement"),
    pytest.param("", [], id="no joint controllers"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(joint_controllers, body) == [(ID, line, column) for line, column in expected]
