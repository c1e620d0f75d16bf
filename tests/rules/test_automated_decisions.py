"""GDPR-13-2-f (seloste/lint/rules/automated_decisions.py): automated decisions are stated either way."""

from __future__ import annotations

import pytest
from lint_helpers import findings
from lint_helpers import located

from seloste.lint.rules import automated_decisions

ID = "GDPR-13-2-f"

CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param("", [(3, 1)], id="missing: at the controller key"),
    pytest.param("automated_decisions:\n  none: false\n", [(6, 1)], id="says nothing: at its key"),
    pytest.param("automated_decisions:\n  none: true\n  items:\n    - Esikarsinta\n", [(7, 9)],
                 id="none and items: at the none value"),
    pytest.param("automated_decisions:\n  none: true\n", [], id="none"),
    pytest.param("automated_decisions:\n  intro: Hakemukset esikarsitaan automaattisesti.\n", [], id="text"),
    pytest.param("automated_decisions:\n  intro: Ei.\n", [(7, 10)], id="a text that says nothing: at it"),
    pytest.param("automated_decisions:\n  intro: Kyllä.\n  items:\n    - On\n", [(7, 10)],
                 id="intro and items that say nothing together: at the first"),
    pytest.param("automated_decisions:\n  items:\n    - Etuuden laskenta\n  notes: Päätöksen voi pyytää uudelleen käsiteltäväksi.\n",
                 [], id="a short item in a description that says something"),
    pytest.param("automated_decisions:\n  none: Ei tehdä.\n", [(7, 9)], id="an own none sentence that says nothing"),
    pytest.param("automated_decisions:\n  none: Päätöksiä ei tehdä automaattisesti.\n", [], id="an own none sentence"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(automated_decisions, body) == [(ID, line, column) for line, column in expected]


def test_a_description_that_says_nothing_is_quoted_with_what_to_write():
    (problem,) = findings(automated_decisions, "automated_decisions:\n  intro: Ei.\n")
    assert problem.message == ("GDPR 13(2)(f): kohdan 'automated_decisions' teksti ei kerro, tehdäänkö automaattisia "
                               "päätöksiä tai profilointia: ”Ei.”")
    assert problem.hint.startswith("kirjoita 'none: true', jos automaattisia päätöksiä")
