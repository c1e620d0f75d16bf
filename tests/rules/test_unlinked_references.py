"""NOTICE-REF-LINK (seloste/lint/rules/unlinked_references.py): a reference to a section by number is a link."""

from __future__ import annotations

import pytest
from lint_helpers import findings
from lint_helpers import located

from seloste.lint.rules import unlinked_references

ID = "NOTICE-REF-LINK"
# After MINIMAL: 1 rekisterinpitaja, 2 rekisterin-nimi, 3 tarkoitukset, 4 oikeudet, 5 valitusoikeus.
BODY = "purposes:\n  items: [Laskutus]\nrights:\n  items:\n    - right: access\ncomplaint:\n  intro: {intro}\n"


def _body(intro: str) -> str:
    return BODY.format(intro=intro)


CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param(_body("Ks. [kohta 4](#oikeudet)."), [], id="linked"),
    pytest.param(_body("Ks. kohta 4 ja kohdassa 3 mainitut."), [(12, 14), (12, 25)], id="each number at its words"),
    pytest.param(_body("Kohdassa 4 kerrotaan."), [(12, 10)], id="at the start of a sentence"),
    pytest.param(_body("Ks. kohta 4.2 tai kohta 4,5."), [], id="a number that goes on"),
    pytest.param(_body("Ks. `kohta 4`."), [], id="in code"),
    pytest.param("numbered: false\n" + _body("Ks. kohta 4."), [], id="an unnumbered notice"),
    pytest.param("numbered: false\nsection_titles:\n  oikeudet: 4. Oikeutesi\n" + _body("Ks. kohta 4."), [(15, 14)],
                 id="numbered in its own titles"),
    pytest.param("purposes:\n  items:\n    - text: >-\n        Laskutus, josta\n        kohdassa 3\n"
                 "rights:\n  items:\n    - right: access\n", [(10, 9)], id="in a folded item: at its own line"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(unlinked_references, body) == [(ID, line, column) for line, column in expected]


def test_the_hint_shows_the_link_to_the_section_that_has_the_number():
    (problem,) = findings(unlinked_references, _body("Oikeutesi kohdassa 4."))
    assert problem.message.startswith("GDPR 12(1): viittaus ”kohdassa 4” on pelkkä numero")
    assert problem.hint.startswith("kirjoita se linkiksi lukuun, jonka numero on nyt 4: [kohdassa 4](#oikeudet)")


def test_a_number_no_section_has_is_named_in_the_hint():
    (problem,) = findings(unlinked_references, _body("Ks. kohta 9."))
    assert problem.hint.startswith("selosteessa ei ole kohtaa 9 (kohdat 1–5)")
