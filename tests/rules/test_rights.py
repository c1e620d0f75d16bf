"""GDPR-13-2-b (seloste/lint/rules/rights.py): the six rights of GDPR 13(2)(b) are told."""

from __future__ import annotations

import pytest
from lint_helpers import findings
from lint_helpers import located

from seloste.lint.rules import rights

ID = "GDPR-13-2-b"
THREE = "rights:\n  items:\n    - right: access\n    - right: erasure\n    - right: objection\n"
SIX = THREE + "    - right: rectification\n    - right: restriction\n    - right: portability\n"
# The five other rights, after an access right (with its text) at lines 8-9.
FIVE = ("    - right: erasure\n    - right: objection\n    - right: rectification\n    - right: restriction\n"
        "    - right: portability\n")


def access(text: str) -> str:
    """The six rights, the right of access (line 8) with ``text`` (line 9, column 13)."""
    return f"rights:\n  items:\n    - right: access\n      text: {text}\n" + FIVE


CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param("", [(3, 1)], id="missing: at the controller key"),
    pytest.param("rights:\n  intro: Sinulla on oikeuksia.\n", [(6, 1)], id="text only: at the rights key"),
    pytest.param(THREE, [(6, 1)], id="three missing: one finding at the rights key"),
    pytest.param(SIX, [], id="all six"),
    pytest.param(access("Kyllä."), [(6, 1), (9, 13)], id="a yes: missing at the rights key, and at its text"),
    pytest.param(access("Ei ole."), [(6, 1), (9, 13)], id="two words: missing, and at its text"),
    pytest.param(access("Kyllä, kyllä, on."), [(6, 1), (9, 13)], id="only yes words: missing, and at its text"),
    pytest.param(access("'[Kyllä](https://esimerkki.fi/oikeudet/tarkastus)'"), [(6, 1), (9, 13)],
                 id="a link's address is no words"),
    pytest.param(access("[On.]"), [(6, 1), (9, 13)], id="free content that says nothing"),
    pytest.param(access("Voit pyytää nähtäväksi tietosi kirjaamosta."), [], id="a real sentence"),
    pytest.param(access("Tarkastusoikeus GDPR 15."), [], id="three words"),
    pytest.param(access("[Voit tarkastaa tietosi., {list: [kirjaamossa]}]"), [], id="free content with words"),
    pytest.param(SIX + "    - right: other\n", [(14, 14)], id="another right without text: at its kind"),
    pytest.param(SIX + "    - right: withdraw_consent\n      text: Kyllä.\n", [],
                 id="withdraw consent is GDPR-13-2-c's"),
    pytest.param("wording:\n  rights:\n    access: Kyllä.\n" + SIX, [(9, 1), (8, 13)],
                 id="the register's own standard sentence says nothing: at the rights key and at the wording"),
    pytest.param("wording:\n  rights:\n    access: Voit pyytää nähdä tietosi.\n" + SIX, [],
                 id="the register's own standard sentence"),
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


def test_a_right_that_says_nothing_is_named_missing_and_its_text_says_why():
    missing, at_text = findings(rights, access("Kyllä."))
    assert "oikeus saada pääsy tietoihin (access)" in missing.message
    assert "oikeuden access teksti rivillä 9 ei kerro mitään" in missing.message
    assert "'- right: access'" not in missing.hint and "kokonainen lause" in missing.hint
    assert at_text.message == ("GDPR 13(2)(b): teksti ei kerro oikeudesta mitään, joten oikeus saada pääsy "
                               "tietoihin (access) jää kertomatta: ”Kyllä.”")
    assert "kokonainen lause" in at_text.hint and "poista 'text:'" in at_text.hint
    assert "”Rekisteröidyllä on oikeus saada tietää" in at_text.hint  # the standard sentence, word for word


def test_a_right_named_in_one_word_is_told():
    body = "rights:\n  items:\n" + "".join(f"    - right: {kind}\n      text: {text}\n" for kind, text in (
        ("access", "Tarkastusoikeus"), ("rectification", "Oikaisuoikeus"), ("erasure", "Poisto-oikeus"),
        ("restriction", "Rajoitusoikeus"), ("objection", "Vastustamisoikeus"), ("portability", "Siirto-oikeus")))
    assert located(rights, body) == []
    assert located(rights, body.replace("Vastustamisoikeus", "Kyllä")) != []
