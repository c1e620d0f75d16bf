"""The diff's rules: what counts as a change of which kind, what is material, what is a wording fix."""

from __future__ import annotations

import copy

import pytest
from conftest import FIXTURES
from conftest import ROOT

from seloste import diff
from seloste.blocks import Item
from seloste.diff.wording import is_wording_fix
from seloste.load import load_text


# --- classification rules -------------------------------------------------------------------

def _base() -> dict:
    document, problems = load_text((FIXTURES / "kaikki-kentat.yaml").read_bytes(), "kaikki-kentat.yaml",
                                   frozenset({"none", "public", "ordered"}))
    assert not problems
    return document.data


def _set(path, value):
    def edit(data):
        *parents, last = path
        for key in parents:
            data = data[key]
        if value is _DELETE:
            del data[last]
        else:
            data[last] = value
    return edit


def _append(path, value):
    def edit(data):
        for key in path:
            data = data[key]
        data.append(value)
    return edit


def _both(first, second):
    def edit(data):
        first(data)
        second(data)
    return edit


_DELETE = object()

# (id, edit of the kaikki-kentat fixture, expected (summary, material) of each change)
RULES = [
    ("legal basis changed", _set(("purposes", "items", 1, "legal_basis"), "legal_obligation"),
     [("Henkilötietojen käsittelyn tarkoitukset ja oikeusperusteet: muutettu käsittelyn tarkoitus ”Palvelun "
       "järjestäminen” (oikeusperuste: Yleistä etua koskeva tehtävä tai julkisen vallan käyttö (GDPR 6(1)(e)) → "
       "Lakisääteinen velvoite (GDPR 6(1)(c)))", True)]),
    ("purpose removed", _set(("purposes", "items"), ["Tilastointi"]),
     [("Henkilötietojen käsittelyn tarkoitukset ja oikeusperusteet: poistettu käsittelyn tarkoitus ”Palvelun "
       "järjestäminen” (oikeusperuste: Yleistä etua koskeva tehtävä tai julkisen vallan käyttö (GDPR 6(1)(e)); "
       "laki: Sosiaalihuoltolaki (1301/2014))", False),
      ("Henkilötietojen käsittelyn tarkoitukset ja oikeusperusteet: poistettu käsittelyn tarkoitus ”Palautteen "
       "käsittely” (oikeusperuste: Oikeutettu etu (GDPR 6(1)(f)); Suostumus (GDPR 6(1)(a)); oikeutettu etu: Palvelun "
       "kehittäminen.)", False)]),
    ("purpose reworded", _set(("purposes", "items", 0), "Tilastointi ja raportointi"),
     [("Henkilötietojen käsittelyn tarkoitukset ja oikeusperusteet: muutettu käsittelyn tarkoitus ”Tilastointi” "
       "(”Tilastointi” → ”Tilastointi ja raportointi”)", True)]),
    ("purpose typo fixed", _set(("purposes", "items", 2, "text"), "Palautteen käsitely"),
     [("Henkilötietojen käsittelyn tarkoitukset ja oikeusperusteet: muutettu käsittelyn tarkoitus ”Palautteen "
       "käsittely” (”Palautteen käsittely” → ”Palautteen käsitely”)", False)]),
    ("emphasis only", _set(("purposes", "items", 0), "*Tilastointi*"),
     [("Henkilötietojen käsittelyn tarkoitukset ja oikeusperusteet: muutettu käsittelyn tarkoitus ”Tilastointi” "
       "(muotoilu)", False)]),
    ("special category condition", _set(("data_categories", "groups", 0, "items", 1, "condition"), "a"),
     [("Käsiteltävät henkilötiedot: muutettu tieto ”Terveydentila” (erityinen henkilötietoryhmä: terveystiedot, "
       "käsittelyn edellytys GDPR 9(2)(h) → terveystiedot, käsittelyn edellytys GDPR 9(2)(a))", True)]),
    ("category removed", _set(("data_categories", "items"), []),
     [("Käsiteltävät henkilötiedot: poistettu tieto ”Asiointikieli”", False)]),
    ("category moved into a group", _both(_set(("data_categories", "items"), []),
                                          _append(("data_categories", "groups", 0, "items"), "Asiointikieli")),
     [("Käsiteltävät henkilötiedot: siirretty tieto ”Asiointikieli” (ryhmään ”Perustiedot”)", False)]),
    ("new source", _append(("sources", "items"), "Luottotietorekisteristä"),
     [("Tietolähteet: lisätty tietolähde ”Luottotietorekisteristä”", True)]),
    ("source now public", _set(("sources", "items", 0), {"text": "Asiakkaalta itseltään", "public": True}),
     [("Tietolähteet: muutettu tietolähde ”Asiakkaalta itseltään” (lähde: – → julkinen lähde)", True)]),
    ("new processor", _append(("processors", "items"), "Postituspalvelu"),
     [("Tietojen vastaanottajat: lisätty henkilötietojen käsittelijä ”Postituspalvelu”", True)]),
    ("recipient removed", _set(("recipients", "items"), ["Kelalle"]),
     [("Tietojen vastaanottajat: poistettu vastaanottaja ”Verohallinnolle” (tarkoitus: verotusta varten)", False)]),
    ("recipient name one letter changed", _set(("recipients", "items", 0), "Kelallle"),
     [("Tietojen vastaanottajat: muutettu vastaanottaja ”Kelalle” (”Kelalle” → ”Kelallle”)", True)]),
    ("recipient name capitals only", _set(("recipients", "items", 0), "KELALLE"),
     [("Tietojen vastaanottajat: muutettu vastaanottaja ”Kelalle” (”Kelalle” → ”KELALLE”)", False)]),
    ("transfer safeguard changed", _set(("transfers", "items", 0, "safeguard"), "adequacy_decision"),
     [("Tietojen siirrot EU:n tai ETA:n ulkopuolelle: muutettu siirto EU:n tai ETA:n ulkopuolelle ”Pilvipalvelu” "
       "(suojatoimi: Euroopan komission hyväksymät vakiosopimuslausekkeet (GDPR 46(2)(c)) → Euroopan komission "
       "tietosuojan riittävyyttä koskeva päätös (GDPR 45))", True)]),
    ("transfers stopped", _set(("transfers",), {"none": True}),
     [("Tietojen siirrot EU:n tai ETA:n ulkopuolelle: poistettu johdanto (”Tietoja siirretään”)", True),
      ("Tietojen siirrot EU:n tai ETA:n ulkopuolelle: poistettu lisätiedot (”Siirtoja arvioidaan säännöllisesti.”)", True),
      ("Tietojen siirrot EU:n tai ETA:n ulkopuolelle: poistettu siirto EU:n tai ETA:n ulkopuolelle ”Pilvipalvelu” "
       "(maa: Yhdysvallat; suojatoimi: Euroopan komission hyväksymät vakiosopimuslausekkeet (GDPR 46(2)(c)); "
       "jäljennös suojatoimista: Jäljennöksen saa kirjaamosta.)", False),
      ("Tietojen siirrot EU:n tai ETA:n ulkopuolelle: lisätty toteamus ”Tietoja ei siirretä EU:n tai ETA:n "
       "ulkopuolelle.”", False)]),
    ("longer retention", _set(("retention", "items", 1, "period"), "pysyvästi"),
     [("Tietojen säilytysaika: muutettu säilytysaika ”Asiakirjat” (säilytysaika: arkistolain mukaan → pysyvästi)", True)]),
    ("retention number changed", _set(("retention", "items", 0), "Lokit kaksi vuotta"),
     [("Tietojen säilytysaika: muutettu säilytysaika ”Lokit vuoden” (”Lokit vuoden” → ”Lokit kaksi vuotta”)", True)]),
    ("right added", _append(("rights", "items"), {"right": "portability"}),
     [("Rekisteröidyn oikeudet: lisätty oikeus ”oikeus siirtää tiedot järjestelmästä toiseen”", False)]),
    ("right narrowed", _set(("rights", "items", 0, "text"), "Voit tarkastaa tietosi kerran vuodessa."),
     [("Rekisteröidyn oikeudet: muutettu oikeus ”oikeus saada pääsy tietoihin” (”Voit tarkastaa tietosi.” → "
       "”Voit tarkastaa tietosi kerran vuodessa.”)", True)]),
    ("rights reordered", _set(("rights", "items"), [{"right": "erasure"}, {"right": "access", "text": "Voit tarkastaa tietosi."}]),
     [("Rekisteröidyn oikeudet: siirretty oikeus ”oikeus tietojen poistamiseen” (kohdasta 2 kohtaan 1)", False)]),
    ("controller email", _set(("controller", "email"), "kirjaamo@example.com"),
     [("Rekisterinpitäjä: muutettu yhteystieto ”Sähköposti” (”kirjaamo@example.fi” → ”kirjaamo@example.com”)", True)]),
    ("controller name spacing", _set(("controller", "name"), "Esimerkkikaupunki "),
     [("Rekisterinpitäjä: muutettu yhteystieto ”Rekisterinpitäjä” (muotoilu)", False)]),
    ("dpo removed", _set(("dpo",), _DELETE), None),
    ("no dpo appointed any more", _set(("dpo",), {"none": True}),
     [*(("Tietosuojavastaavan yhteystiedot: poistettu tietosuojavastaavan yhteystieto ”" + label + "”", True)
        for label in ("Nimi", "Puhelin", "Postiosoite", "Sähköposti", "Vastaanotto")),
      ("Tietosuojavastaavan yhteystiedot: poistettu lisätiedot (”Tietosuojavastaavaan voi ottaa yhteyttä kaikissa "
       "tietosuoja-asioissa.”)", True),
      ("Tietosuojavastaavan yhteystiedot: lisätty toteamus ”Rekisterinpitäjä ei ole nimittänyt tietosuojavastaavaa. "
       "Tietosuojaa koskevissa…”", False)]),
    ("security rewritten", _set(("security", "intro"), "Tiedot suojataan salauksella ja pääsynhallinnalla."),
     [("Tietoturva: muutettu johdanto (”Tiedot suojataan.” → ”Tiedot suojataan salauksella ja pääsynhallinnalla.”)",
       False)]),
    ("data subjects added", _append(("data_subjects", "items"), "Omaisia"),
     [("Rekisteröityjen ryhmät: lisätty rekisteröityjen ryhmä ”Omaisia”", True)]),
    ("provision requirement eased", _set(("provision_requirement", "kind"), "voluntary"),
     [("Tietojen antamisen vaatimus: muutettu vaatimuksen laji (”Henkilötietojen antaminen perustuu lakiin.” → "
       "”Henkilötietojen antaminen on vapaaehtoista.”)", True)]),
    ("automated decision added", _append(("automated_decisions", "items"), "Luottoluokitus"),
     [("Automaattinen päätöksenteko ja profilointi: lisätty automaattinen päätöksenteko ”Luottoluokitus”", True)]),
    ("complaint removed", _set(("complaint",), _DELETE), None),
    ("custom section", _set(("sections", 0, "content"), "Käytämme välttämättömiä evästeitä."),
     [("Evästeet: muutettu oma luku ”Evästeet” (”Käytämme evästeitä.” → ”Käytämme välttämättömiä evästeitä.”)", True)]),
    ("custom section typo fixed", _set(("sections", 0, "content"), "Käytämme evästeitä"),
     [("Evästeet: muutettu oma luku ”Evästeet” (”Käytämme evästeitä.” → ”Käytämme evästeitä”)", False)]),
    ("custom section added", _append(("sections",), {"id": "seuranta", "title": "Seuranta",
                                                      "content": "Seuraamme verkkokäyttäytymistä mainontaa varten."}),
     [("Seuranta: lisätty oma luku ”Seuranta”", True)]),
    ("custom section removed", _set(("sections",), _DELETE),
     [("Evästeet: poistettu oma luku ”Evästeet”", True)]),
    ("title and layout", _set(("layout",), "henkilotietolaki"),
     [("Rakenne: muutettu rakenne (”gdpr” → ”henkilotietolaki”)", False)]),
    ("history entry", _append(("history",), {"date": "2025-07-01", "text": "Lisätty evästeet."}),
     [("Muutoshistoria: lisätty merkintä ”1.7.2025: Lisätty evästeet.”", False)]),
    ("link target in a text", _set(("rights", "notes"), "Oikeuksia voi käyttää [lomakkeella](https://example.fi/b)."),
     [("Rekisteröidyn oikeudet: muutettu lisätiedot (”Oikeuksia voi käyttää kirjaamon kautta.” → ”Oikeuksia voi "
       "käyttää lomakkeella (https://example.fi/b).”)", True)]),
]


@pytest.mark.parametrize(("edit", "expected"), [case[1:] for case in RULES], ids=[case[0] for case in RULES])
def test_classification(edit, expected):
    old = _base()
    new = copy.deepcopy(old)
    edit(new)
    changes = diff.register_changes(old, new)
    if expected is None:  # a whole topic removed: every change of it is material
        assert changes and all(change.material for change in changes), changes
        return
    assert [(change.summary, change.material) for change in changes] == expected


WORDING = [
    ("case and punctuation", "Tiedot, jotka annetaan", "tiedot jotka annetaan.", True),
    ("joined word", "Asiakasrekisterin käyttöoikeus", "Asiakasrekisterinkäyttöoikeus", True),
    ("one letter", "niin kauan kun", "niin kauan kuin", True),
    ("swapped letters", "tiedot säilytetään", "tideot säilytetään", True),  # short word: only a transposition is one edit
    ("two letters in a long word", "käyttötarkoitus", "käytötarkoitos", True),
    ("number", "6 vuotta", "5 vuotta", False),
    ("word added", "tietoja luovuteta", "tietoja ei luovuteta", False),
    ("word replaced", "kaksi vuotta", "kolme vuotta", False),
    ("two letters in a short word", "vuosi", "vuodet", False),
    ("address", "info@a.fi", "info@b.fi", False),
]


@pytest.mark.parametrize(("old", "new", "fix"), [case[1:] for case in WORDING], ids=[case[0] for case in WORDING])
def test_wording_fix(old, new, fix):
    before = Item("purposes", "purpose", old, old, old)
    after = Item("purposes", "purpose", new, new, new)
    assert is_wording_fix(before, after) is fix


@pytest.mark.parametrize(("old", "new", "segments"), [
    ("a b c", "a x c", (("equal", "a "), ("delete", "b"), ("insert", "x"), ("equal", " c"))),
    ("yksi kaksi kolme neljä", "yksi viisi, kuusi neljä",
     (("equal", "yksi "), ("delete", "kaksi kolme"), ("insert", "viisi, kuusi"), ("equal", " neljä"))),
    ("sama", "sama", (("equal", "sama"),)),
], ids=["one word", "a phrase reads as one change", "same"])
def test_word_diff(old, new, segments):
    assert diff.word_diff(old, new) == segments


def test_every_material_rule_is_documented():
    documented = (ROOT / "docs" / "diff.md").read_text(encoding="utf-8")
    for topic, kind in diff.MATERIAL:
        assert f"`{topic}`" in documented, topic
        assert f"`{kind}`" in documented, kind


def test_a_repeated_item_that_moves_is_placed_by_its_own_position():
    old, new = _base(), _base()
    old["security"]["items"] = ["Salaus", "Lokitus", "Salaus"]
    new["security"]["items"] = ["Salaus", "Salaus", "Lokitus"]
    changes = diff.register_changes(old, new)
    assert [(change.summary, change.material) for change in changes] == [
        ("Tietoturva: siirretty suojauskeino ”Salaus” (kohdasta 3 kohtaan 2)", False)]


def test_changes_are_named_under_the_register_s_own_titles_and_its_framing_is_material():
    document, problems = load_text((FIXTURES / "oma-rakenne.yaml").read_bytes(), "oma-rakenne.yaml",
                                   frozenset({"none", "public", "ordered", "numbered"}))
    assert not problems
    old = document.data
    new = copy.deepcopy(old)
    new["closing"] = "Hallitus tarkistaa selosteen joka toinen vuosi."
    new["preamble"] = "Kerromme tässä, miten käsittelemme jäsenten tietoja."
    new["purposes"]["items"].append({"text": "Tapahtumista tiedottaminen", "legal_basis": "consent"})
    changes = diff.register_changes(old, new)
    assert [(change.section, change.kind, change.action, change.material) for change in changes] == [
        ("Alkuteksti", "preamble", "changed", True),  # before every section, as in the notice
        ("Mihin tietojasi käytämme", "purpose", "added", True),  # the register's own title
        ("Lopputeksti", "closing", "changed", True),  # after every section
    ]


def test_a_changed_basis_for_every_purpose_is_a_material_change_of_each_purpose_s_basis():
    document, problems = load_text((FIXTURES / "oma-rakenne.yaml").read_bytes(), "oma-rakenne.yaml",
                                   frozenset({"none", "public", "ordered", "numbered"}))
    old = document.data
    new = copy.deepcopy(old)
    new["purposes"]["legal_basis"] = ["contract", "legal_obligation"]
    [change] = diff.register_changes(old, new)
    assert (change.section, change.kind, change.action, change.material) == (
        "Mihin tietojasi käytämme", "register_basis", "changed", True)
    assert "Oikeutettu etu (GDPR 6(1)(f))" in change.detail  # the basis as it was, in the notice's words
