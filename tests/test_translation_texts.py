"""Which strings of a register are texts to translate, their paths and hashes, and a translation applied."""

from __future__ import annotations

import copy
import hashlib

import pytest
from conftest import leaves
from conftest import register_files
from conftest import FIXTURES
from conftest import POLICY

from seloste import project
from seloste.resources import schema
from seloste.translations import source_hash
from seloste.translations import translatable_texts
from seloste.translations import translated
from seloste.translations.texts import parse_key
from seloste.translations.texts import path_key
from seloste.translations.texts import translatable_fields

REGISTERS = register_files(FIXTURES) + register_files(POLICY)

# Every field of the fixtures (which together use every field of the schema) that holds no
# words, by its path without list indexes. Everything else that is a non-empty string is a text.
NOT_TEXT = {
    # settings and identifiers
    "layout", "language", "languages", "updated", "updated_position", "version", "section_order",
    "omit_sections", "sections.id", "sections.after", "within.provision_requirement",
    "within.automated_decisions.section", "within.complaint.section", "lint.ignore.rule", "lint.ignore.reason",
    # enums
    "complaint.authority", "complaint.authority_fields", "provision_requirement.kind", "purposes.table",
    "purposes.legal_basis", "purposes.items.legal_basis", "purposes.items.legal_basis.basis",
    "data_categories.items.special_category", "data_categories.items.condition",
    "data_categories.groups.items.special_category", "data_categories.groups.items.condition",
    "data_subjects.groups.data.special_category", "data_subjects.groups.data.condition",
    "sources.items.origin", "transfers.items.safeguard", "processors.items.safeguard", "rights.items.right",
    "research.after_study.action", "dpo.notes.states", "purposes.intro.states", "rights.intro.states",
    "sections.states", "sections.content.states", "sections.content.list.states",
    "sections.content.table.rows.states",
    # dates, e-mail and web addresses, phone numbers, Y-tunnus
    "history.date", "controller.email", "controller.website", "controller.contact_person.email",
    "dpo.email", "research.leader.email", "joint_controllers.items.contact.email", "controller.phone",
    "controller.contact_person.phone", "dpo.phone", "research.leader.phone", "controller.business_id",
    "joint_controllers.items.business_id",
}




def _field_name(path: tuple) -> str:
    return ".".join(part for part in path if isinstance(part, str))


def _data(path):
    register, problems = project.load_register(path)
    assert register is not None, problems
    return register.data


@pytest.mark.parametrize("path", REGISTERS, ids=lambda p: p.stem)
def test_every_string_that_holds_words_is_a_text_and_nothing_else_is(path):
    data = _data(path)
    texts = translatable_texts(data)
    expected = {path_key(leaf): value for leaf, value in leaves(data)
                if isinstance(value, str) and value and _field_name(leaf) not in NOT_TEXT}
    assert texts == expected
    assert list(texts) == list(expected), "in the register's order"


def test_the_fixtures_have_every_kind_of_field_that_is_not_a_text():
    seen = {_field_name(leaf) for path in REGISTERS for leaf, value in leaves(_data(path)) if isinstance(value, str)}
    assert NOT_TEXT <= seen


def _marked_not_translated(node, where: str, found: set, mark=False) -> None:
    if isinstance(node, dict):
        if node.get("x-translate") is mark or node.get("x-translate") == mark:
            found.add(where)
        for key, value in node.items():
            if key in ("properties", "$defs"):
                for name, sub in value.items():
                    _marked_not_translated(sub, f"{where}.{name}".lstrip("."), found, mark)
            elif isinstance(value, (dict, list)):
                _marked_not_translated(value, where, found, mark)
    elif isinstance(node, list):
        for value in node:
            _marked_not_translated(value, where, found, mark)


def test_the_schema_marks_the_one_line_fields_that_hold_no_words():
    found: set = set()
    _marked_not_translated(schema(), "", found)
    assert found == {"version", "controller.business_id", "lint", "joint_controller.business_id", "section.after"}
    notes: set = set()
    _marked_not_translated(schema(), "", notes, "note")
    assert notes == {"controller.phone", "dpo.phone", "contact.phone"}  # only a phone's note is a text
    plain = schema()["$defs"]["plain"]
    assert "x-translate" not in plain and "x-translate" not in schema()["$defs"]["text"]


def test_a_field_added_to_the_schema_follows_without_a_change_here(monkeypatch):
    from seloste.translations import texts

    grown = copy.deepcopy(schema())
    grown["properties"]["motto"] = {"$ref": "#/$defs/plain", "title": "Tunnuslause"}
    grown["properties"]["code"] = {"type": "string", "pattern": "^[A-Z]+$"}
    monkeypatch.setattr(texts, "schema", lambda: grown)
    data = {"layout": "gdpr", "name": "Testi", "controller": {"name": "X"}, "motto": "Yhdessä", "code": "ABC"}
    assert translatable_texts(data) == {"name": "Testi", "controller.name": "X", "motto": "Yhdessä"}
    assert translatable_fields(data)["motto"].titles == ("Tunnuslause",)


def test_own_sentences_labels_and_headings_are_texts_and_true_or_an_empty_label_is_not():
    data = {"layout": "gdpr", "name": "Testi", "controller": {"name": "X", "phone": "09 123"},
            "transfers": {"none": "Tietoja ei siirretä."}, "recipients": {"none": True},
            "wording": {"labels": {"updated": "Laadittu", "business_id": ""}},
            "section_titles": {"tarkoitukset": "Mihin tietoja käytetään"},
            "within": {"complaint": {"section": "oikeudet", "heading": "Valitus"}, "processors": "vastaanottajat"}}
    assert translatable_texts(data) == {
        "name": "Testi", "controller.name": "X", "transfers.none": "Tietoja ei siirretä.",
        "wording.labels.updated": "Laadittu", "section_titles.tarkoitukset": "Mihin tietoja käytetään",
        "within.complaint.heading": "Valitus"}


def test_a_field_is_named_by_the_schema_s_finnish_titles_and_says_whether_it_takes_markdown():
    fields = translatable_fields(_data(FIXTURES / "kaikki-kentat.yaml"))
    assert fields["purposes.items.1.text"].titles == ("Käsittelyn tarkoitukset", "Luettelo", "kohta 2", "Tarkoitus")
    assert fields["purposes.items.1.text"].markdown is True
    assert fields["purposes.items.1.law"].markdown is False
    assert fields["purposes.items.1.text"].path == ("purposes", "items", 1, "text")


@pytest.mark.parametrize("key, path", [
    ("name", ("name",)),
    ("purposes.items.0.text", ("purposes", "items", 0, "text")),
    ("data_categories.groups.12.items.3", ("data_categories", "groups", 12, "items", 3)),
    ("wording.labels.business_id", ("wording", "labels", "business_id")),
    ("section_titles.rekisterin-nimi", ("section_titles", "rekisterin-nimi")),
], ids=lambda value: value if isinstance(value, str) else "")
def test_a_path_is_its_keys_and_indexes_from_0_joined_by_dots(key, path):
    assert path_key(path) == key
    assert parse_key(key) == path


@pytest.mark.parametrize("text", ["Asiakassuhteen hoitaminen", "Skötsel – ”citat”\nrad två", "€"])
def test_the_source_hash_is_the_first_12_hex_digits_of_the_text_s_sha_256(text):
    assert source_hash(text) == hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    assert len(source_hash(text)) == 12 and set(source_hash(text)) <= set("0123456789abcdef")


def test_a_changed_text_has_another_hash():
    assert source_hash("Asiakassuhteen hoitaminen") != source_hash("Asiakassuhteen hoitaminen.")


def _facts(data) -> list:
    """Every value of a register that is not a text, with its path; and the shape of the whole."""
    texts = {field.path for field in translatable_fields(data).values()}
    return [(leaf, value) for leaf, value in leaves(data) if leaf not in texts]


@pytest.mark.parametrize("path", REGISTERS, ids=lambda p: p.stem)
def test_a_translation_replaces_every_text_and_no_fact(path):
    data = _data(path)
    before = copy.deepcopy(data)
    translation = {"language": "sv", "texts": {key: {"source": source_hash(text), "text": f"SV {key}"}
                                               for key, text in translatable_texts(data).items()}}
    result = translated(data, translation)
    assert data == before, "the register's own data is not changed"
    assert _facts(result) == _facts(data)
    assert [leaf for leaf, _ in leaves(result)] == [leaf for leaf, _ in leaves(data)]
    assert translatable_texts(result) == {key: f"SV {key}" for key in translatable_texts(data)}


def test_a_translation_of_no_text_adds_removes_and_changes_nothing():
    data = _data(FIXTURES / "kaikki-kentat.yaml")
    translation = {"texts": {"layout": {"source": "0" * 12, "text": "henkilotietolaki"},
                             "controller.business_id": {"source": "0" * 12, "text": "1234567-8"},
                             "purposes.items.9.text": {"source": "0" * 12, "text": "Uusi"},
                             "motto": {"source": "0" * 12, "text": "Ny"}}}
    assert translated(data, translation) == data


def test_a_text_without_a_translation_stays_finnish():
    data = _data(FIXTURES / "kaikki-kentat.yaml")
    result = translated(data, {"texts": {"name": {"source": "0" * 12, "text": "Alla fält"}}})
    assert result["name"] == "Alla fält"
    assert {key: text for key, text in translatable_texts(result).items() if key != "name"} == {
        key: text for key, text in translatable_texts(data).items() if key != "name"}


def test_a_phone_s_note_in_words_is_a_text_of_its_own_and_its_number_a_fact():
    data = {**_data(POLICY / "esimerkki-rekrytointirekisteri.yaml")}
    data["controller"] = {**data["controller"], "phone": "09 123 4500 (vaihde)"}
    fields = translatable_fields(data)
    assert (fields["controller.phone"].text, fields["controller.phone"].number) == ("vaihde", "09 123 4500")
    assert fields["controller.phone"].titles == ("Rekisterinpitäjä", "Puhelin", "huomautus")
    assert "dpo.phone" not in fields  # a number alone holds no words
    swedish = translated(data, {"texts": {"controller.phone": {"text": "växel"}}})
    assert swedish["controller"]["phone"] == "09 123 4500 (växel)"
