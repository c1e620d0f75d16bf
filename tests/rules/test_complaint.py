"""GDPR-13-2-d (seloste/lint/rules/complaint.py): the right to complain to an authority is told."""

from __future__ import annotations

import pytest
from lint_helpers import findings
from lint_helpers import located

from seloste.lint.rules import complaint

ID = "GDPR-13-2-d"
AFTER_RIGHTS = "retention:\n  intro: Vuoden.\nrights:\n  intro: Oikeudet.\n"

CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param("", [(3, 1)], id="missing: at the controller key"),
    pytest.param(AFTER_RIGHTS, [(8, 1)], id="missing: at the rights key"),
    pytest.param("complaint:\n  authority: tietosuojavaltuutettu\n", [], id="told"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(complaint, body) == [(ID, line, column) for line, column in expected]


def test_the_hint_names_the_topic_to_add_it_after():
    (problem,) = findings(complaint, AFTER_RIGHTS)
    assert "kohdan 'rights' jälkeen" in problem.hint
