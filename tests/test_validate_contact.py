"""Contact details that would be published broken are errors of validation (S123–S126)."""

from __future__ import annotations

import pytest

from seloste.load import load_text
from seloste.validate import boolean_keys
from seloste.validate import validate_document

HEAD = "layout: gdpr\nname: R\ncontroller:\n  name: Oy\n"


def _found(body: str) -> list[tuple[str, int, int]]:
    document, problems = load_text((HEAD + body).encode(), "policy/r.yaml", boolean_keys())
    assert problems == []
    return [(problem.code, problem.line, problem.column) for problem in validate_document(document)]


# (a line under controller (line 5), the code it gives or None); the value starts at column 10-16
FIELDS = [
    ("  email: tietosuoja@esimerkki.fi", None),
    ("  email: info.kahvilapapu.example", ("S123", 5, 10)),
    ("  email: a..b@esimerkki.fi", ("S123", 5, 10)),
    ("  email: a@b", ("S123", 5, 10)),
    ("  website: https://esimerkki.fi/tietosuoja", None),
    ("  website: https://esimerkki/tietosuoja", ("S124", 5, 12)),
    ("  website: https://esimerkki.fi:x/", ("S124", 5, 12)),
    ("  phone: 029 566 6700", None),
    ("  phone: 029 525 0800 (vaihde)", None),
    ("  phone: 040 ABC", ("S125", 5, 10)),
    ("  phone: +358 040 123 4567", ("S125", 5, 10)),
    ("  phone: 0123", ("S125", 5, 10)),
    ("  business_id: 2695377-4", None),
    ("  business_id: 26953774", None),
    ("  business_id: 245974-7", None),
    ("  business_id: FI 26953774", None),
    ("  business_id: 1234567-8", ("S126", 5, 16)),
    ("  business_id: 2695377-5", ("S126", 5, 16)),
    ("  business_id: Y-tunnus puuttuu", ("S126", 5, 16)),
    ("  business_id: FI 12345678", ("S126", 5, 16)),
]


@pytest.mark.parametrize("line, expected", FIELDS, ids=[case[0].strip() for case in FIELDS])
def test_a_contact_value_that_would_not_work_is_an_error_at_it(line, expected):
    assert _found(line + "\n") == ([expected] if expected else [])


def test_every_contact_of_the_register_is_checked_and_all_in_one_run():
    body = ("  email: a@b\n  contact_person:\n    name: Maija\n    email: maija(at)esimerkki.fi\n"
            "  fields:\n    - label: Y-tunnus\n      value: 1234567-8\n    - label: ALV-tunnus\n      value: 1234567-8\n"
            "dpo:\n  phone: 040 ABC\n")
    assert _found(body) == [("S123", 5, 10), ("S123", 8, 12), ("S126", 11, 14), ("S125", 15, 10)]


def test_the_register_s_own_words_for_the_labels_are_no_contact_details():
    assert _found("wording:\n  labels:\n    email: Sähköpostiosoite\n    business_id: y-tunnus\n") == []


def test_the_hint_says_what_to_write():
    document, _ = load_text((HEAD + "  email: info.kahvilapapu.example\n").encode(), "r.yaml", boolean_keys())
    [problem] = validate_document(document)
    assert "nimi@esimerkki.fi" in problem.hint and "info.kahvilapapu.example" in problem.message


def test_a_value_the_schema_refuses_is_reported_once():
    assert [code for code, _line, _column in _found("  email: a b@esimerkki.fi\n")] == ["S108"]
    assert [code for code, _line, _column in _found("  website: esimerkki.fi\n")] == ["S107"]


def test_an_ignore_of_the_check_that_moved_to_validation_says_where_it_went():
    from seloste import lint

    assert "S126" in lint.closest_rule_hint("FI-YTUNNUS")


def test_where_bare_addresses_are_links_a_broken_field_is_reported_once():
    document, _ = load_text(("layout: gdpr\nautolink: true\n" + HEAD.split("\n", 1)[1]
                             + "  email: a..b@esimerkki.fi\n  website: https://esimerkki/x\n").encode(),
                            "r.yaml", boolean_keys())
    assert [problem.code for problem in validate_document(document)] == ["S123", "S124"]


# --- every mistake in one run -------------------------------------------------------------

def test_a_misspelt_key_hides_none_of_the_mistakes_under_it():
    body = "purposess:\n  items:\n    - text: Laskutus\n      legal_basis: sopimus\n    - {text: X, legal_bases: y}\n"
    found = _found(body)
    assert found[0] == ("S101", 5, 1)
    assert ("S104", 8, 20) in found  # sopimus, read as purposes.items[0].legal_basis
    assert ("S101", 9, 17) in found  # legal_bases, an unknown key of a purpose


def test_a_finnish_key_is_read_as_the_key_it_names():
    found = _found("tarkoitukset:\n  items:\n    - {text: Laskutus, legal_basis: sopimus}\n")
    assert [code for code, _line, _column in found] == ["S101", "S104"]


def test_a_key_that_is_also_written_right_is_not_read_twice():
    found = _found("purposes:\n  items: [Laskutus]\npurposess:\n  items: [{text: X, legal_basis: sopimus}]\n")
    assert [code for code, _line, _column in found] == ["S101"]
