"""NOTICE-REF-NUMBER (seloste/lint/rules/reference_numbers.py): a reference linked to a section has its number."""

from __future__ import annotations

import pytest
from lint_helpers import findings
from lint_helpers import located

from seloste.lint.rules import reference_numbers

ID = "NOTICE-REF-NUMBER"
# After MINIMAL: 1 rekisterinpitaja, 2 rekisterin-nimi, 3 tarkoitukset, 4 oikeudet, 5 valitusoikeus.
BODY = "purposes:\n  items: [Laskutus]\nrights:\n  items:\n    - right: access\ncomplaint:\n  intro: {intro}\n"


def _body(intro: str) -> str:
    return BODY.format(intro=intro)


CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param(_body("Ks. [kohta 4](#oikeudet)."), [], id="the section's number"),
    pytest.param(_body("Ks. [kohta 3](#oikeudet) ja [kohdassa 4](#tarkoitukset) mainitut."), [(12, 15), (12, 39)],
                 id="numbers that are another section's: each at its words"),
    pytest.param(_body("Ks. [kohta 4](#oikeudt)."), [(12, 15)], id="a section the notice does not have"),
    pytest.param(_body("Ks. [kohta 6](#muutoshistoria).") + 'history:\n  - date: "2024-01-01"\n    text: Uusi.\n',
                 [(12, 15)], id="a section without a number"),
    pytest.param("numbered: false\n" + _body("Ks. [kohta 4](#oikeudet)."), [(13, 15)], id="an unnumbered notice"),
    pytest.param(_body("Ks. [oikeudet](#oikeudet) ja kohta 3."), [], id="a link without a number, a number without a link"),
    pytest.param(_body("Ks. [kohta 3](https://esimerkki.fi/kohta)."), [], id="a link elsewhere"),
    pytest.param(_body("Ks. `[kohta 3](#oikeudet)`."), [], id="in code"),
    pytest.param("complaint:\n  intro: >-\n    Jos oikeuksiasi\n    ([kohta\n    4](#oikeudet)) ei toteuteta.\n"
                 "rights:\n  items:\n    - right: access\n", [(9, 7)], id="words over lines: at their first line"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(reference_numbers, body) == [(ID, line, column) for line, column in expected]


def test_the_hint_gives_the_reference_with_the_number_the_section_has_now():
    (problem,) = findings(reference_numbers, _body("Ks. [kohdassa 3](#oikeudet) kerrotut oikeudet."))
    assert problem.message.endswith("viittaus ”kohdassa 3” vie lukuun 'oikeudet', jonka numero on 4")
    assert problem.hint == "kirjoita [kohdassa 4](#oikeudet)"
    (problem,) = findings(reference_numbers, _body("Ks. [kohta 4](#oikeudt)."))
    assert problem.hint == "tarkoititko '#oikeudet'?"


def test_a_topic_moved_into_another_section_changes_the_numbers_after_it():
    body = "within:\n  purposes: rekisterinpitaja\n" + _body("Ks. [kohta 4](#oikeudet).")
    (problem,) = findings(reference_numbers, body)
    assert problem.hint == "kirjoita [kohta 3](#oikeudet)"


def test_a_section_numbered_in_its_own_title_has_that_number():
    body = ("numbered: false\nsection_titles:\n  oikeudet: 7. Oikeutesi\n" + _body("Ks. [kohta 7](#oikeudet)."))
    assert findings(reference_numbers, body) == []
