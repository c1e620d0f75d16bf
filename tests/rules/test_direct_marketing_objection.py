"""GDPR-21-2 (seloste/lint/rules/direct_marketing_objection.py): the right to object to direct marketing."""

from __future__ import annotations

import pytest
from lint_helpers import findings
from lint_helpers import located

from seloste.lint.rules import direct_marketing_objection

ID = "GDPR-21-2"


def purpose(text: str = "Suoramarkkinointi", interest: str = "Tiedottaminen uusista tuotteista.") -> str:
    """One purpose at lines 6-10, its text at line 8 from column 13."""
    return (f"purposes:\n  items:\n    - text: {text}\n      legal_basis: legitimate_interests\n"
            f"      legitimate_interest: {interest}\n")


def objection(text: str = "") -> str:
    """Rights at line 11, the objection right at line 13, its text at line 14 from column 13."""
    return "rights:\n  items:\n    - right: objection\n" + (f"      text: {text}\n" if text else "")


ACCESS = "rights:\n  items:\n    - right: access\n"
OWN_STANDARD = "wording:\n  rights:\n    objection: Voit vastustaa käsittelyä, joka perustuu oikeutettuun etuun.\n"

CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param(purpose(), [(6, 1)], id="no rights: at the purposes key"),
    pytest.param(purpose() + ACCESS, [(11, 1)], id="no objection: at the rights key"),
    pytest.param(purpose() + objection(), [], id="the standard sentence speaks of direct marketing"),
    pytest.param(purpose() + objection("Voit vastustaa oikeutettuun etuun perustuvaa käsittelyä."), [(14, 13)],
                 id="an own text without direct marketing: at it"),
    pytest.param(purpose() + objection("Voit milloin tahansa kieltää suoramarkkinoinnin."), [],
                 id="an own text about direct marketing"),
    pytest.param(purpose() + objection("Voit kieltää suoramainonnan ja etämyynnin."), [], id="direct advertising"),
    pytest.param(purpose() + objection("Sähköpostimarkkinoinnista voit poistaa tietosi milloin tahansa."), [],
                 id="an own text about marketing by e-mail"),
    pytest.param(purpose() + objection("Kyllä."), [(11, 1)], id="an objection right that says nothing is not told"),
    pytest.param(purpose() + objection("Voit vastustaa käsittelyä.")
                 + "    - right: objection\n      text: Suoramarkkinoinnin voi kieltää milloin tahansa.\n", [],
                 id="one of two objection rights speaks of it"),
    pytest.param(OWN_STANDARD + purpose() + objection(), [(8, 16)],
                 id="the register's own standard sentence without it: at the wording"),
    pytest.param(purpose("Tietojen käyttö suoramarkkinoinnissa") + ACCESS, [(11, 1)], id="an inflected form"),
    pytest.param(purpose("Sähköpostisuoramarkkinointi") + ACCESS, [(11, 1)], id="a compound"),
    pytest.param(purpose("Markkinointi", "Asiakkaiden suoramarkkinointi.") + ACCESS, [(11, 1)],
                 id="in the legitimate interest"),
    pytest.param("purposes:\n  items:\n    - Suora markkinointi\n" + ACCESS, [(9, 1)], id="a plain purpose, two words"),
    pytest.param(purpose("Markkinointi sähköpostitse") + ACCESS, [], id="marketing that does not say direct"),
    pytest.param(purpose("Asiakassuhteen hoitaminen") + ACCESS, [], id="no direct marketing"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(direct_marketing_objection, body) == [(ID, line, column) for line, column in expected]


def test_the_message_gives_the_purpose_s_line_and_the_hint_what_to_write():
    (missing,) = findings(direct_marketing_objection, purpose() + ACCESS)
    assert missing.message == ("GDPR 21(2)–(3): tietoja käytetään suoramarkkinointiin (rivi 8), mutta oikeutta "
                               "vastustaa suoramarkkinointia ei kerrota")
    assert "'- right: objection'" in missing.hint and "vakiolause, joka kertoo myös" in missing.hint
    (unsaid,) = findings(direct_marketing_objection, purpose() + objection("Voit vastustaa käsittelyä."))
    assert "”Rekisteröidyllä on oikeus milloin tahansa vastustaa tietojensa käsittelyä suoramarkkinointia varten" in unsaid.hint
    assert "GDPR 21(4)" in unsaid.hint and "poista 'text:'" in unsaid.hint


def test_the_hint_says_so_when_the_standard_sentence_leaves_direct_marketing_out(monkeypatch):
    from seloste.lint.rules import direct_marketing_objection as rule

    standard = {"rights": {"objection": "Rekisteröidyllä on oikeus vastustaa käsittelyä (GDPR 21)."}}
    monkeypatch.setattr(rule, "phrases", lambda language="fi": standard)
    (missing,) = findings(direct_marketing_objection, purpose() + ACCESS)
    assert "(vakiolause ei mainitse suoramarkkinointia)" in missing.hint
