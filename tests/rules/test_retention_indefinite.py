"""GDPR-13-2-a-indefinite (seloste/lint/rules/retention_indefinite.py): data kept indefinitely has a period."""

from __future__ import annotations

import pytest
from lint_helpers import findings
from lint_helpers import located

from seloste.lint.rules import retention_indefinite

ID = "GDPR-13-2-a-indefinite"


def intro(text: str) -> str:
    """A retention intro at line 7, its text from column 10."""
    return f"retention:\n  intro: {text}\n"


def item(period: str, text: str = "Asiakastiedot") -> str:
    """A retention item at lines 8-9, its period from column 15."""
    return f"retention:\n  items:\n    - text: {text}\n      period: {period}\n"


CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param(intro("Tietoja säilytetään toistaiseksi."), [(7, 30)], id="until further notice: at the words"),
    pytest.param(intro("Tietoja ei poisteta automaattisesti."), [(7, 18)], id="not deleted automatically"),
    pytest.param(intro("Tietoja ei koskaan poisteta."), [(7, 18)], id="never deleted"),
    pytest.param(intro("Tiedot säilytetään määräämättömän ajan."), [(7, 29)],
                 id="for an indefinite time ('ajan' there is no period)"),
    pytest.param(intro("Rekisterin tiedot säilytetään ilman määräaikaa."), [(7, 40)], id="without a time limit"),
    pytest.param(item("toistaiseksi"), [(9, 15)], id="an item's period"),
    pytest.param(item("säilytetään", "Lokit toistaiseksi"), [(8, 19)], id="an item's text"),
    pytest.param(intro("Tietoja säilytetään toistaiseksi, niin kauan kuin on tarpeen."), [(7, 30)],
                 id="'as long as needed' is no criterion"),
    pytest.param("retention:\n  notes:\n    - Hakemukset kaksi vuotta.\n    - Varmuuskopiot toistaiseksi.\n", [(9, 21)],
                 id="each paragraph read by itself"),
    pytest.param("retention:\n  intro:\n    - table:\n        columns: [Tieto, Aika]\n        rows:\n"
                 "          - [Lokit, 12 kk]\n          - [Varmuuskopiot, toistaiseksi]\n", [(12, 29)],
                 id="each table row read by itself"),
    pytest.param(item("toistaiseksi, kuitenkin enintään kaksi vuotta asiakkuuden päättymisestä"), [], id="a duration given"),
    pytest.param(item("toistaiseksi, kunnes asiakas peruuttaa suostumuksensa"), [], id="an event given"),
    pytest.param(item("toistaiseksi, tiedot poistetaan pyynnöstä"), [], id="deleted on request"),
    pytest.param(intro("Tietoja ei poisteta automaattisesti, vaan ne poistetaan asiakkuuden päätyttyä."), [],
                 id="deleted when the customer relationship ends"),
    pytest.param(intro("Tietoja säilytetään toistaiseksi 31.12.2026 asti."), [], id="a date given"),
    pytest.param(item("toistaiseksi, kirjanpitolain mukaisesti"), [], id="the law that sets it"),
    pytest.param(item("toistaiseksi", "Jäsentiedot jäsenyyden ajan"), [], id="the item's text gives the period"),
    pytest.param(item("pysyvästi", "Pöytäkirjat"), [], id="permanently is a period"),
    pytest.param(item("kaksi vuotta haun päättymisestä"), [], id="an ordinary period"),
    pytest.param(intro("Säilytämme tietoja vain niin kauan kuin on tarpeen."), [], id="nothing indefinite said"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(retention_indefinite, body) == [(ID, line, column) for line, column in expected]


def test_the_message_quotes_the_words_and_the_hint_shows_a_period():
    (problem,) = findings(retention_indefinite, intro("Tietoja ei poisteta automaattisesti."))
    assert problem.message == ("GDPR 13(2)(a): tietoja sanotaan säilytettävän ”ei poisteta” kertomatta säilytysaikaa "
                               "tai perustetta, jolla se määräytyy: ”Tietoja ei poisteta automaattisesti.”")
    assert "'kaksi vuotta asiakkuuden päättymisestä'" in problem.hint
