"""Register shapes of real Finnish notices: groups of data subjects with their own data and
retention, recipient lists with their own lead-ins, sub-processor tables, transfer policies,
joint controllers and research registers. Each is laid out, rendered and compared here."""

from __future__ import annotations

import pytest
from lint_helpers import MINIMAL
from lint_helpers import register_from

from seloste import diff
from seloste import markup
from seloste.blocks import Table
from seloste.notice import build_notice
from seloste.render import render_html
from seloste.render import render_markdown
from seloste.render import render_text


def _notice(body: str, head: str = MINIMAL):
    register = register_from(head + body)
    return build_notice(register.id, register.data)


def _blocks(notice, section_id: str) -> tuple:
    return next(section.blocks for section in notice.sections if section.id == section_id)


def _cells(table: Table) -> list[list[str]]:
    return [[markup.to_text(cell, inline=True) for cell in row] for row in table.rows]


def _changes(old: str, new: str) -> list[tuple[str, bool]]:
    before, after = register_from(MINIMAL + old), register_from(MINIMAL + new)
    return [(change.summary, change.material) for change in diff.register_changes(before.data, after.data)]


def _texts(notice) -> list[str]:
    return [rendered.decode() for rendered in (render_html(notice), render_markdown(notice), render_text(notice))]


# --- a transfer policy without a country ----------------------------------------------------

POLICY = ("transfers:\n  items:\n    - text: Tietoja siirretään vain maihin, joilla on komission riittävyyspäätös.\n"
          "      safeguard: adequacy_decision\n")
CLOUD = "    - text: Pilvipalvelu\n      country: Yhdysvallat\n      safeguard: standard_contractual_clauses\n"


def test_a_list_of_transfer_policies_alone_has_no_country_column():
    (table,) = _blocks(_notice(POLICY), "siirrot")
    assert table.columns == ("Siirto", "Suojatoimi")
    assert _cells(table) == [["Tietoja siirretään vain maihin, joilla on komission riittävyyspäätös.",
                              "Euroopan komission tietosuojan riittävyyttä koskeva päätös (GDPR 45)"]]


def test_a_transfer_policy_beside_transfers_with_a_country_shows_a_dash():
    (table,) = _blocks(_notice(POLICY + CLOUD), "siirrot")
    assert table.columns == ("Vastaanottaja", "Maa", "Suojatoimi")
    assert [row[:2] for row in _cells(table)] == [
        ["Tietoja siirretään vain maihin, joilla on komission riittävyyspäätös.", "–"], ["Pilvipalvelu", "Yhdysvallat"]]


def test_the_country_column_s_header_is_the_register_s_own_word():
    notice = _notice(POLICY + "wording:\n  labels:\n    transfer: Siirtojen periaate\n")
    for text in _texts(notice):
        assert "Siirtojen periaate" in text


def test_a_transfer_policy_is_compared_without_a_country():
    assert _changes(POLICY, POLICY.replace("adequacy_decision", "standard_contractual_clauses")) == [
        ("Tietojen siirrot EU:n tai ETA:n ulkopuolelle: muutettu siirto EU:n tai ETA:n ulkopuolelle ”Tietoja siirretään "
         "vain maihin, joilla on komission riittävyyspäätös.” (suojatoimi: Euroopan komission tietosuojan riittävyyttä "
         "koskeva päätös (GDPR 45) → Euroopan komission hyväksymät vakiosopimuslausekkeet (GDPR 46(2)(c)))", True)]
    assert _changes(POLICY, POLICY + CLOUD) == [
        ("Tietojen siirrot EU:n tai ETA:n ulkopuolelle: lisätty siirto EU:n tai ETA:n ulkopuolelle ”Pilvipalvelu” "
         "(maa: Yhdysvallat; suojatoimi: Euroopan komission hyväksymät vakiosopimuslausekkeet (GDPR 46(2)(c)))", True)]


def test_a_transfer_policy_still_names_its_safeguard():
    from seloste.load import load_text
    from seloste.validate import boolean_keys
    from seloste.validate import validate_document

    text = MINIMAL + "transfers:\n  items:\n    - text: Vain riittävyyspäätöksen maihin.\n"
    document, problems = load_text(text.encode(), "x.yaml", boolean_keys())
    assert problems == []
    assert [(p.code, p.line) for p in validate_document(document)] == [("S102", 8)]


# --- recipients and processors with a role, location and safeguard --------------------------

PROCESSORS = ("processors:\n  items:\n    - text: Kide Oy\n      role: Ylläpito\n      location: Suomi\n"
              "    - text: Northwind Inc.\n      location: Yhdysvallat\n      safeguard: standard_contractual_clauses\n"
              "    - Laskutuspalvelu\n")


def test_processors_with_a_role_location_or_safeguard_are_a_table_with_a_column_for_each():
    notice = _notice("recipients:\n  none: true\n" + PROCESSORS)
    table = _blocks(notice, "vastaanottajat")[-1]
    assert table.columns == ("Käsittelijä", "Tehtävä", "Sijainti", "Suojatoimi")
    assert _cells(table) == [
        ["Kide Oy", "Ylläpito", "Suomi", "–"],
        ["Northwind Inc.", "–", "Yhdysvallat", "Euroopan komission hyväksymät vakiosopimuslausekkeet (GDPR 46(2)(c))"],
        ["Laskutuspalvelu", "–", "–", "–"]]


def test_a_recipient_s_purpose_is_a_column_of_its_table_and_only_used_columns_are_shown():
    notice = _notice("recipients:\n  items:\n    - text: Verohallinto\n      purpose: verotus\n"
                     "    - text: Pankki\n      location: EU/ETA\n")
    (table,) = _blocks(notice, "vastaanottajat")
    assert table.columns == ("Vastaanottaja", "Tarkoitus", "Sijainti")
    assert _cells(table) == [["Verohallinto", "verotus", "–"], ["Pankki", "–", "EU/ETA"]]


def test_recipients_without_a_role_location_or_safeguard_stay_a_list():
    notice = _notice("recipients:\n  items:\n    - text: Verohallinto\n      purpose: verotus\n    - Kela\n")
    (listed,) = _blocks(notice, "vastaanottajat")
    assert listed.kind == "list"
    assert [markup.to_text(entry, inline=True) for entry in listed.entries] == ["Verohallinto: verotus", "Kela"]


def test_the_sub_processor_table_s_headers_are_phrases_the_register_may_replace():
    wording = "wording:\n  labels:\n    processor: Alihankkija\n    role: Palvelu\n    location: Maa tai alue\n"
    notice = _notice("recipients:\n  none: true\n" + PROCESSORS + wording)
    assert _blocks(notice, "vastaanottajat")[-1].columns == ("Alihankkija", "Palvelu", "Maa tai alue", "Suojatoimi")
    for text in _texts(notice):
        assert "Alihankkija" in text and "Maa tai alue" in text


def test_a_processor_s_new_location_or_safeguard_is_material():
    moved = PROCESSORS.replace("location: Suomi", "location: Intia")
    assert _changes(PROCESSORS, moved) == [
        ("Tietojen vastaanottajat: muutettu henkilötietojen käsittelijä ”Kide Oy” (sijainti: Suomi → Intia)", True)]
    dropped = PROCESSORS.replace("      safeguard: standard_contractual_clauses\n", "")
    assert _changes(PROCESSORS, dropped) == [
        ("Tietojen vastaanottajat: muutettu henkilötietojen käsittelijä ”Northwind Inc.” (suojatoimi: Euroopan "
         "komission hyväksymät vakiosopimuslausekkeet (GDPR 46(2)(c)) → –)", True)]


# --- several recipient lists, each with its own lead-in -------------------------------------

GROUPS = ("recipients:\n  groups:\n    - intro: 'Tietoja luovutetaan viranomaisille:'\n      items:\n"
          "        - Verohallinto\n        - text: Kela\n          purpose: etuudet\n"
          "    - intro: 'Tietoja luovutetaan yhteistyökumppaneille:'\n      items:\n"
          "        - text: Tilitoimisto Oy\n          location: Suomi\n"
          "  items:\n    - Tilintarkastaja\n")


def test_each_recipient_list_follows_its_own_lead_in_and_chooses_list_or_table_for_itself():
    blocks = _blocks(_notice(GROUPS), "vastaanottajat")
    assert [block.kind for block in blocks] == ["list", "paragraph", "list", "paragraph", "table"]
    assert [markup.to_text(entry, inline=True) for entry in blocks[0].entries] == ["Tilintarkastaja"]
    assert markup.to_text(blocks[1].text) == "Tietoja luovutetaan viranomaisille:"
    assert [markup.to_text(entry, inline=True) for entry in blocks[2].entries] == ["Verohallinto", "Kela: etuudet"]
    assert markup.to_text(blocks[3].text) == "Tietoja luovutetaan yhteistyökumppaneille:"
    assert blocks[4].columns == ("Vastaanottaja", "Sijainti") and _cells(blocks[4]) == [["Tilitoimisto Oy", "Suomi"]]
    for text in _texts(_notice(GROUPS)):
        assert text.index("viranomaisille:") < text.index("Verohallinto") < text.index("yhteistyökumppaneille:")


def test_processors_have_lists_with_lead_ins_too():
    notice = _notice("recipients:\n  none: true\nprocessors:\n  groups:\n    - intro: 'Postitus:'\n      items: [Posti Oy]\n")
    assert [block.kind for block in _blocks(notice, "vastaanottajat")][-2:] == ["paragraph", "list"]


def test_a_recipient_added_to_a_list_is_reported_in_its_list_and_is_material():
    added = GROUPS.replace("        - Verohallinto\n", "        - Verohallinto\n        - Tulli\n")
    assert _changes(GROUPS, added) == [
        ("Tietojen vastaanottajat: lisätty vastaanottaja ”Tulli” (ryhmä ”Tietoja luovutetaan viranomaisille:”)", True)]


def test_a_recipient_moved_to_another_list_is_a_move():
    moved = GROUPS.replace("        - Verohallinto\n", "").replace("  items:\n    - Tilintarkastaja\n",
                                                                     "  items:\n    - Tilintarkastaja\n    - Verohallinto\n")
    assert _changes(GROUPS, moved) == [
        ("Tietojen vastaanottajat: siirretty vastaanottaja ”Verohallinto” (pois ryhmästä ”Tietoja luovutetaan "
         "viranomaisille:”)", False)]


def test_a_reworded_lead_in_is_material_and_moves_none_of_its_recipients():
    reworded = GROUPS.replace("luovutetaan viranomaisille:", "luovutetaan lain perusteella viranomaisille:")
    assert _changes(GROUPS, reworded) == [
        ("Tietojen vastaanottajat: muutettu luettelon johdanto (”Tietoja luovutetaan viranomaisille:” → ”Tietoja "
         "luovutetaan lain perusteella viranomaisille:”)", True)]


def test_a_renamed_data_group_moves_none_of_its_data():
    before = "data_categories:\n  groups:\n    - name: Perustiedot\n      items: [Nimi, Osoite]\n"
    assert _changes(before, before.replace("Perustiedot", "Perus- ja yhteystiedot")) == [
        ("Käsiteltävät henkilötiedot: muutettu tietoryhmä ”Perustiedot” (”Perustiedot” → ”Perus- ja yhteystiedot”)",
         False)]


# --- groups of data subjects, each with its own data and retention ---------------------------

SUBJECTS = ("data_subjects:\n  groups:\n    - name: Hakijat\n      intro: Avointa paikkaa hakeneet.\n"
            "      data:\n        - Nimi\n        - text: Terveydentila\n          special_category: health\n"
            "          condition: b\n"
            "      retention:\n        - text: Hakemukset\n          period: kuusi kuukautta\n"
            "    - name: Suosittelijat\n      data: [Nimi, Puhelinnumero]\n      retention: Poistetaan hakijan mukana.\n"
            "    - name: Haastattelijat\n      retention:\n        - Poistetaan haun jälkeen.\n")


def test_each_group_of_data_subjects_is_a_sub_heading_with_its_data_and_retention():
    blocks = _blocks(_notice(SUBJECTS), "rekisteroidyt")
    shown = [(block.kind, block.text if block.kind == "heading" else
              markup.to_text(block.text) if block.kind == "paragraph" else
              [markup.to_text(entry, inline=True) for entry in block.entries] if block.kind == "list" else
              [(field.label, markup.to_text(field.value, inline=True)) for field in block.entries]
              if block.kind == "fields" else (block.columns, _cells(block))) for block in blocks]
    assert shown == [
        ("heading", "Hakijat"),
        ("paragraph", "Avointa paikkaa hakeneet."),
        ("paragraph", "Käsiteltävät tiedot:"),
        ("list", ["Nimi", "Terveydentila (erityinen henkilötietoryhmä: terveystiedot, käsittelyn edellytys GDPR 9(2)(b))"]),
        ("table", (("Tiedot", "Säilytysaika"), [["Hakemukset", "kuusi kuukautta"]])),
        ("heading", "Suosittelijat"),
        ("paragraph", "Käsiteltävät tiedot:"),
        ("list", ["Nimi", "Puhelinnumero"]),
        ("fields", [("Säilytysaika", "Poistetaan hakijan mukana.")]),
        ("heading", "Haastattelijat"),
        ("paragraph", "Säilytysaika:"),
        ("list", ["Poistetaan haun jälkeen."]),
    ]
    markdown = render_markdown(_notice(SUBJECTS)).decode()
    assert "### Hakijat\n" in markdown and "### Suosittelijat\n" in markdown


def test_a_group_s_lead_in_is_a_phrase_the_register_may_replace():
    notice = _notice(SUBJECTS + "wording:\n  labels:\n    subject_data: Keräämme seuraavat tiedot\n")
    for text in _texts(notice):
        assert "Keräämme seuraavat tiedot:" in text


def test_data_after_groups_in_the_same_section_gets_its_own_sub_heading():
    legacy = MINIMAL.replace("layout: gdpr", "layout: henkilotietolaki")
    common = "data_categories:\n  items: [Asiointikieli]\n"
    blocks = _blocks(_notice(SUBJECTS + common, legacy), "tietosisalto")
    heading = next(index for index, block in enumerate(blocks) if block.kind == "heading" and block.text == "Käsiteltävät tiedot")
    assert [markup.to_text(entry, inline=True) for entry in blocks[heading + 1].entries] == ["Asiointikieli"]
    plain = "data_subjects:\n  items: [Asiakkaat]\n"  # without groups: as before, no sub-heading
    assert [block.kind for block in _blocks(_notice(plain + common, legacy), "tietosisalto")] == ["list", "list"]


@pytest.mark.parametrize("edit, expected", [
    (lambda text: text.replace("      data: [Nimi, Puhelinnumero]", "      data: [Nimi, Puhelinnumero, Sähköposti]"),
     [("Rekisteröityjen ryhmät: lisätty tieto ”Sähköposti” (ryhmä ”Suosittelijat”)", True)]),
    (lambda text: text.replace("      data: [Nimi, Puhelinnumero]", "      data: [Puhelinnumero]"),
     [("Rekisteröityjen ryhmät: poistettu tieto ”Nimi” (ryhmä ”Suosittelijat”)", False)]),
    (lambda text: text.replace("condition: b", "condition: h"),
     [("Rekisteröityjen ryhmät: muutettu tieto ”Terveydentila” (ryhmä ”Hakijat”; erityinen henkilötietoryhmä: "
       "terveystiedot, käsittelyn edellytys GDPR 9(2)(b) → terveystiedot, käsittelyn edellytys GDPR 9(2)(h))", True)]),
    (lambda text: text.replace("kuusi kuukautta", "kaksi vuotta"),
     [("Rekisteröityjen ryhmät: muutettu säilytysaika ”Hakemukset” (ryhmä ”Hakijat”; säilytysaika: kuusi kuukautta → "
       "kaksi vuotta)", True)]),
    (lambda text: text.replace("Poistetaan hakijan mukana.", "Poistetaan vuoden kuluttua."),
     [("Rekisteröityjen ryhmät: muutettu säilytysaika ”Poistetaan hakijan mukana.” (ryhmä ”Suosittelijat”; "
       "”Poistetaan hakijan mukana.” → ”Poistetaan vuoden kuluttua.”)", True)]),
    (lambda text: text.replace("Avointa paikkaa hakeneet.", "Avointa paikkaa hakeneet ja haastatellut."),
     [("Rekisteröityjen ryhmät: muutettu ryhmän johdanto ”Hakijat” (”Avointa paikkaa hakeneet.” → ”Avointa paikkaa "
       "hakeneet ja haastatellut.”)", True)]),
    (lambda text: text + "    - name: Harjoittelijat\n      data: [Nimi]\n",
     [("Rekisteröityjen ryhmät: lisätty rekisteröityjen ryhmä ”Harjoittelijat”", True),
      ("Rekisteröityjen ryhmät: lisätty tieto ”Nimi” (ryhmä ”Harjoittelijat”)", True)]),
    (lambda text: text.replace("name: Suosittelijat", "name: Hakijoiden suosittelijat"),
     [("Rekisteröityjen ryhmät: muutettu rekisteröityjen ryhmä ”Suosittelijat” (”Suosittelijat” → ”Hakijoiden "
       "suosittelijat”)", False)]),
], ids=["data added", "data removed", "special category changed", "period changed", "retention text changed",
        "intro changed", "group added", "group renamed"])
def test_a_change_in_a_group_of_data_subjects_is_reported_in_its_group(edit, expected):
    assert _changes(SUBJECTS, edit(SUBJECTS)) == expected


def test_the_same_data_of_two_groups_is_two_facts():
    # "Nimi" leaves the applicants and stays with the references: no move, one removal in its group.
    removed = SUBJECTS.replace("        - Nimi\n        - text: Terveydentila", "        - text: Terveydentila")
    assert _changes(SUBJECTS, removed) == [("Rekisteröityjen ryhmät: poistettu tieto ”Nimi” (ryhmä ”Hakijat”)", False)]
    # Data that goes from one group to another is new data of that group: material.
    moved = SUBJECTS.replace("data: [Nimi, Puhelinnumero]", "data: [Nimi]").replace(
        "    - name: Haastattelijat\n", "    - name: Haastattelijat\n      data: [Puhelinnumero]\n")
    assert _changes(SUBJECTS, moved) == [
        ("Rekisteröityjen ryhmät: poistettu tieto ”Puhelinnumero” (ryhmä ”Suosittelijat”)", False),
        ("Rekisteröityjen ryhmät: lisätty tieto ”Puhelinnumero” (ryhmä ”Haastattelijat”)", True)]


# --- joint controllers (GDPR 26) -------------------------------------------------------------

JOINT = ("joint_controllers:\n  items:\n    - name: Kumppani Oy\n      business_id: 2718282-8\n"
         "      contact: tietosuoja@kumppani.example\n    - name: Kaupunki\n      contact:\n        name: Ville\n"
         "        email: ville@kaupunki.example\n  arrangement: Pyyntöihin vastaa Oy.\n")


def _fields(block) -> list[tuple[str, str]]:
    return [(field.label, markup.to_text(field.value, inline=True)) for field in block.entries]


@pytest.mark.parametrize("layout", ["gdpr", "henkilotietolaki"])
def test_joint_controllers_follow_the_controller_under_their_own_sub_heading(layout):
    notice = _notice(JOINT, MINIMAL.replace("layout: gdpr", f"layout: {layout}"))
    blocks = _blocks(notice, "rekisterinpitaja")
    assert [block.kind for block in blocks] == ["fields", "heading", "fields", "fields", "paragraph", "paragraph"]
    assert blocks[1].text == "Yhteisrekisterinpitäjät"
    assert _fields(blocks[2]) == [("Rekisterinpitäjä", "Kumppani Oy"), ("Y-tunnus", "2718282-8"),
                                  ("Yhteystiedot", "tietosuoja@kumppani.example")]
    assert _fields(blocks[3]) == [("Rekisterinpitäjä", "Kaupunki"), ("Yhteystiedot", "Ville, ville@kaupunki.example")]
    assert [markup.to_text(block.text) for block in blocks[4:]] == ["Järjestelyn keskeinen sisältö:",
                                                                    "Pyyntöihin vastaa Oy."]


def test_the_joint_controllers_labels_are_their_own():
    notice = _notice(JOINT + "wording:\n  labels:\n    name: Yhdistys\n    joint_controller: Toinen rekisterinpitäjä\n")
    blocks = _blocks(notice, "rekisterinpitaja")
    assert blocks[0].entries[0].label == "Yhdistys" and blocks[2].entries[0].label == "Toinen rekisterinpitäjä"


@pytest.mark.parametrize("edit, expected", [
    (lambda text: text.replace("2718282-8", "2718283-6"),
     [("Rekisterinpitäjä: muutettu yhteisrekisterinpitäjä ”Kumppani Oy” (y-tunnus: 2718282-8 → 2718283-6)", True)]),
    (lambda text: text.replace("ville@", "v.ille@"),
     [("Rekisterinpitäjä: muutettu yhteisrekisterinpitäjä ”Kaupunki” (yhteystiedot: Ville, ville@kaupunki.example → "
       "Ville, v.ille@kaupunki.example)", True)]),
    (lambda text: text.replace("  arrangement:", "    - name: Kolmas Oy\n  arrangement:"),
     [("Rekisterinpitäjä: lisätty yhteisrekisterinpitäjä ”Kolmas Oy”", True)]),
    (lambda text: text.replace("Pyyntöihin vastaa Oy.", "Pyyntöihin vastaa kaupunki."),
     [("Rekisterinpitäjä: muutettu yhteisrekisterinpitäjyyden järjestely (”Pyyntöihin vastaa Oy.” → ”Pyyntöihin "
       "vastaa kaupunki.”)", True)]),
], ids=["business id", "contact", "controller added", "arrangement"])
def test_a_change_of_joint_controllers_is_material(edit, expected):
    assert _changes(JOINT, edit(JOINT)) == expected


# --- research registers ----------------------------------------------------------------------

RESEARCH = ("research:\n  leader:\n    name: Liisa Laine\n    email: liisa@yliopisto.example\n  parties:\n"
            "    - name: Yliopisto\n      role: Toteuttaja\n    - name: Havu Oy\n      role: Analyysi\n"
            "  after_study:\n    action: archived\n    text: Tietoarkistoon ilman tunnistetietoja.\n")


@pytest.mark.parametrize("layout, before", [("gdpr", "tietosuojavastaava"), ("henkilotietolaki", "rekisterinpitaja")])
def test_a_study_has_a_section_of_its_own_near_the_controller(layout, before):
    head = MINIMAL.replace("layout: gdpr", f"layout: {layout}") + "dpo:\n  email: t@b.fi\n"
    ids = [section.id for section in _notice(RESEARCH, head).sections]
    assert ids[ids.index(before) + 1] == "tutkimus"
    assert "tutkimus" not in [section.id for section in _notice("", head).sections]


def test_a_study_shows_its_leader_parties_and_what_happens_to_the_data_after_it():
    notice = _notice(RESEARCH)
    section = next(section for section in notice.sections if section.id == "tutkimus")
    assert section.title == "Tieteellinen tutkimus"
    leader, parties, action, text = section.blocks
    assert _fields(leader) == [("Tutkimuksen vastuullinen johtaja", "Liisa Laine, liisa@yliopisto.example")]
    assert (parties.caption, parties.columns) == ("Tutkimuksen osapuolet", ("Osapuoli", "Tehtävä tutkimuksessa"))
    assert _cells(parties) == [["Yliopisto", "Toteuttaja"], ["Havu Oy", "Analyysi"]]
    assert markup.to_text(action.text) == "Tutkimusaineisto arkistoidaan tutkimuksen päätyttyä."
    assert markup.to_text(text.text) == "Tietoarkistoon ilman tunnistetietoja."


@pytest.mark.parametrize("action, sentence", [("destroyed", "Tutkimusaineisto hävitetään tutkimuksen päätyttyä."),
                                              ("anonymised", "Tutkimusaineisto anonymisoidaan tutkimuksen päätyttyä")])
def test_each_action_after_the_study_has_its_standard_sentence(action, sentence):
    for text in _texts(_notice(RESEARCH.replace("archived", action))):
        assert sentence in text


def test_the_sentence_after_the_study_is_a_phrase_the_register_may_replace():
    own = "wording:\n  statements:\n    after_study_archived: Aineisto siirretään arkistoon.\n"
    for text in _texts(_notice(RESEARCH + own)):
        assert "Aineisto siirretään arkistoon." in text and "arkistoidaan" not in text


@pytest.mark.parametrize("edit, expected", [
    (lambda text: text.replace("liisa@", "laine@"),
     [("Tieteellinen tutkimus: muutettu tutkimuksen vastuullinen johtaja ”Liisa Laine” (”Liisa Laine, "
       "liisa@yliopisto.example” → ”Liisa Laine, laine@yliopisto.example”)", True)]),
    (lambda text: text.replace("  after_study:", "    - name: Kaupunki\n      role: Rekrytointi\n  after_study:"),
     [("Tieteellinen tutkimus: lisätty tutkimuksen osapuoli ”Kaupunki” (tehtävä tutkimuksessa: Rekrytointi)", True)]),
    (lambda text: text.replace("    - name: Havu Oy\n      role: Analyysi\n", ""),
     [("Tieteellinen tutkimus: poistettu tutkimuksen osapuoli ”Havu Oy” (tehtävä tutkimuksessa: Analyysi)", False)]),
    (lambda text: text.replace("role: Analyysi", "role: Analyysi ja raportointi"),
     [("Tieteellinen tutkimus: muutettu tutkimuksen osapuoli ”Havu Oy” (tehtävä tutkimuksessa: Analyysi → Analyysi ja "
       "raportointi)", True)]),
    (lambda text: text.replace("archived", "destroyed"),
     [("Tieteellinen tutkimus: muutettu aineiston käsittely tutkimuksen jälkeen (”Tutkimusaineisto arkistoidaan "
       "tutkimuksen päätyttyä. Tietoarkistoon …” → ”Tutkimusaineisto hävitetään tutkimuksen päätyttyä. "
       "Tietoarkistoon …”)", True)]),
], ids=["leader", "party added", "party removed", "role changed", "action changed"])
def test_a_change_of_a_study_is_classed(edit, expected):
    assert _changes(RESEARCH, edit(RESEARCH)) == expected


def test_an_own_order_of_sections_may_leave_out_the_study_s_section_only_while_there_is_no_study():
    from seloste.load import load_text
    from seloste.resources import layouts
    from seloste.validate import boolean_keys
    from seloste.validate import validate_document

    order = [section["id"] for section in layouts()["gdpr"]["sections"] if section["id"] != "tutkimus"]
    shape = "section_order: [" + ", ".join(order) + "]\n"

    def problems(body):
        document, found = load_text((MINIMAL + shape + body).encode(), "x.yaml", boolean_keys())
        assert found == []
        return [(problem.code, problem.line, "'tutkimus'" in problem.message) for problem in validate_document(document)]

    assert problems("") == []
    assert problems(RESEARCH) == [("S116", 6, True)]


def test_an_own_section_may_have_the_id_of_the_study_s_section_while_there_is_no_study():
    from seloste.load import load_text
    from seloste.validate import boolean_keys
    from seloste.validate import validate_document

    own = ("sections:\n  - id: tutkimus\n    title: Tutkimuksesta\n    content: Tietoja käytetään myös tutkimukseen.\n"
           "  - id: lisaa\n    title: Lisää\n    after: tutkimus\n    content: Lisätietoja.\n")

    def problems(body):
        document, found = load_text((MINIMAL + own + body).encode(), "x.yaml", boolean_keys())
        assert found == []
        return [(problem.code, problem.line) for problem in validate_document(document)]

    assert problems("") == []
    notice = _notice(own)
    assert [section.id for section in notice.sections][-2:] == ["tutkimus", "lisaa"]
    assert [section.title for section in notice.sections][-2:] == ["Tutkimuksesta", "Lisää"]
    assert problems(RESEARCH) == [("S110", 7)]
