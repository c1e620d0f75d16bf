"""Schema errors explained for people: the shape the editor meant, at the line they wrote it."""

from __future__ import annotations

import json

import pytest

from seloste.load import load_text
from seloste.validate import boolean_keys
from seloste.validate import validate_document

BASE = "layout: gdpr\nname: Testi\ncontroller:\n  name: X\n"

CASES = [
    # (id, extra YAML, code, line, column, words in the message or hint)
    ("enum in a one-or-many field", "purposes:\n  items:\n    - text: A\n      legal_basis: contrakt\n",
     "S104", 8, 20, ["'contrakt'", "tarkoititko 'contract'?"]),
    ("bad value inside a list", "purposes:\n  items:\n    - text: A\n      legal_basis: [consent, 5]\n",
     "S104", 8, 30, ["'5'", "legal_basis[2]"]),
    ("object item without its text", "purposes:\n  items:\n    - {}\n", "S102", 7, 7, ["'text'"]),
    ("string where a list is wanted", "sections:\n  - id: a\n    title: A\n    content:\n      - list: ei lista\n",
     "S103", 9, 15, ["luettelo"]),
    ("number-like item is fine as text but a mapping is not", "data_subjects:\n  items:\n    - {a: b}\n",
     "S103", 7, 7, ["tekstiä"]),
    ("a list where a section id is wanted", "sections:\n  - id: [a]\n    title: A\n    content: x\n",
     "S103", 6, 9, ["tekstiä"]),
    ("a list four levels deep", 'purposes:\n  intro: |-\n    Tiedot:\n\n    - nimi\n        - etunimi\n'
     '            - kutsumanimi\n                - lempinimi\n',
     "S119", 6, 10, ["yli 3 tason", "yhtenä rivinä", "enintään 3 tasoa"]),
    ("a section omitted twice", "omit_sections:\n  - rekisterin-nimi\n  - rekisterin-nimi\n",
     "S118", 7, 5, ["'rekisterin-nimi'"]),
]

# Checks beyond the schema: the register's own shape of its layout (seloste/validate_sections.py).
SHAPE_CASES = [
    ("own title for a section the layout lacks", "section_titles:\n  rekisterinpitja: Oma\n",
     "S115", 6, 3, ["'rekisterinpitja'", "tarkoititko 'rekisterinpitaja'?"]),
    ("omitting a section the layout lacks", "omit_sections:\n  - dpo\n", "S115", 6, 5, ["'dpo'", "tietosuojavastaava"]),
    ("ordering a section the layout lacks", "section_order:\n  - rekisterinpitaja\n  - tarkoitus\n"
     "omit_sections: [tietosuojavastaava, rekisterin-nimi, rekisteroidyt, tiedot, tietolahteet, vastaanottajat,"
     " siirrot, sailytysaika, antamisen-vaatimus, automaattinen-paatoksenteko, tietoturva, oikeudet, valitusoikeus,"
     " tarkoitukset]\n", "S115", 7, 5, ["'tarkoitus'", "tarkoititko 'tarkoitukset'?"]),
    ("an order that leaves sections out", "section_order:\n  - rekisterinpitaja\n",
     "S116", 5, 1, ["'tietosuojavastaava'", "'valitusoikeus'", "omit_sections"]),
    ("omitting a section the register has data for", "dpo:\n  email: a@b.fi\nomit_sections:\n  - tietosuojavastaava\n",
     "S117", 8, 5, ["'tietosuojavastaava'", "(dpo)"]),
    ("yes as a word where none wants true or a sentence", "transfers:\n  none: kyllä\n", "S103", 6, 9,
     ["'kyllä'", "none: true"]),
    ("no as a word where the DPO's none wants true or a sentence", "dpo:\n  none: ei\n", "S103", 6, 9,
     ["'ei'", "none: true"]),
    ("own words for a label that does not exist", "wording:\n  labels:\n    busines_id: Y-tunnus\n",
     "S120", 7, 5, ["'busines_id'", "business_id"]),
    ("a label left out that must be shown", 'wording:\n  labels:\n    period: ""\n',
     "S106", 7, 13, ["wording.labels.period", "origin_data_subject", "postal_address"]),
    ("languages that do not start with the register's own", "languages: [sv, fi]\n", "S127", 5, 13,
     ["'fi'", "'sv'", "languages: [fi"]),
    ("a language of no notice", "languages: [fi, de]\n", "S104", 5, 17, ["'de'", "fi, sv, en"]),
    ("a language twice", "languages: [fi, sv, sv]\n", "S118", 5, 21, ["'sv'"]),
    ("an own section after an omitted one", "omit_sections:\n  - rekisterin-nimi\nsections:\n  - id: oma\n"
     "    title: Oma\n    content: x\n    after: rekisterin-nimi\n", "S111", 11, 12, ["'rekisterin-nimi'", "omit_sections"]),
]


@pytest.mark.parametrize("text", [
    "Tiedot:\n\n- nimi\n    - etunimi\n    - sukunimi\n- osoite\n",
    "- nimi\n    - etunimi\n        - kutsumanimi\n",
    "- nimi\n\n    Nimi tarkistetaan väestötietojärjestelmästä.\n\n- osoite\n",
], ids=["sub-list", "three levels", "an item's own paragraph"])
def test_a_list_up_to_three_levels_deep_is_valid(text):
    document, problems = load_text((BASE + f"purposes:\n  intro: {json.dumps(text)}\n").encode(), "t.yaml",
                                   boolean_keys())
    assert problems == [] and validate_document(document) == []


@pytest.mark.parametrize("languages", ["[fi]", "[fi, sv, en]", "[fi, en]"])
def test_languages_that_start_with_finnish_are_valid(languages):
    document, problems = load_text(f"{BASE}languages: {languages}\n".encode(), "t.yaml", boolean_keys())
    assert problems == []
    assert validate_document(document) == []


def test_the_register_name_section_may_be_omitted_while_the_name_stays():
    document, problems = load_text((BASE + "omit_sections:\n  - rekisterin-nimi\n").encode(), "t.yaml", boolean_keys())
    assert problems == [] and validate_document(document) == []


@pytest.mark.parametrize("name,extra,code,line,column,words", CASES + SHAPE_CASES,
                         ids=[c[0] for c in CASES + SHAPE_CASES])
def test_errors_point_at_the_shape_the_editor_meant(name, extra, code, line, column, words):
    document, problems = load_text((BASE + extra).encode(), "t.yaml", boolean_keys())
    assert problems == []
    found = validate_document(document)
    assert [(p.code, p.line, p.column) for p in found] == [(code, line, column)]
    text = found[0].message + " " + found[0].hint
    for word in words:
        assert word in text


def _reported_with(schema_root: dict, document) -> list:
    """What validation reports when the validator is built over ``schema_root``."""
    import jsonschema

    from seloste import validate

    base = jsonschema.Draft202012Validator
    cls = jsonschema.validators.extend(base, {"x-markdown": validate._link_problems, "x-url": validate._url_problems})
    validator = cls(schema_root, format_checker=base.FORMAT_CHECKER)
    return sorted(set(p for e in validator.iter_errors(document.data) for p in validate._translate(e, document)))


INLINING_CASES = CASES + [
    ("unknown keys and a bad date", "updated: 2024-02-30\npurposes:\n  items:\n    - txt: A\n  bogus: 1\n", "", 0, 0, []),
    ("unsafe link, wrong types", "recipients:\n  items:\n    - '[x](javascript:y)'\n  none: kyllä\n", "", 0, 0, []),
    ("a reference with its own minItems", "security:\n  intro:\n    - fields: []\n", "", 0, 0, []),
]


@pytest.mark.parametrize("name,extra,code,line,column,words", INLINING_CASES, ids=[c[0] for c in INLINING_CASES])
def test_the_schema_without_references_reports_exactly_what_the_schema_does(name, extra, code, line, column, words):
    import json

    from seloste.validate import _without_refs
    from seloste.validate import schema

    inlined = _without_refs(schema())
    assert '"$ref"' not in json.dumps(inlined)
    document, _ = load_text((BASE + extra).encode(), "t.yaml", boolean_keys())
    expected = _reported_with(schema(), document)
    assert expected
    assert _reported_with(inlined, document) == expected


@pytest.mark.parametrize("link", [
    '[lomake](https://example.fi "Avaa lomake")',
    "[lomake](https://example.fi 'Avaa lomake')",
    "[lomake](https://example.fi (Avaa lomake))",
    '[lomake](<https://example.fi/a%20b> "Avaa lomake")',
], ids=["double quotes", "single quotes", "parentheses", "angle brackets"])
def test_a_link_title_that_would_vanish_is_reported(link):
    from seloste import markup

    text = f"Oikeuksia voi käyttää {link}."
    assert "Avaa lomake" not in markup.to_text(markup.markdown(text))  # what would be lost
    document, problems = load_text((BASE + f"rights:\n  notes: {json.dumps(text)}\n").encode(), "t.yaml", boolean_keys())
    assert problems == []
    found = validate_document(document)
    assert [(p.code, p.line, p.column) for p in found] == [("S112", 6, 10)]
    assert "Avaa lomake" in found[0].message


def test_parentheses_that_are_part_of_the_text_are_not_a_title():
    text = "[lomake](https://example.fi/a_(b)) (maksuton)"
    document, _ = load_text((BASE + f"rights:\n  notes: '{text}'\n").encode(), "t.yaml", boolean_keys())
    assert validate_document(document) == []


VANISHING_LINKS = [
    # (id, the link as written, words in the message)
    ("https without a host", "[lomake](https:javascript:alert(1))", ["https:javascript:alert(1)", "katoaisi"]),
    ("https with only a port", "[lomake](https::443)", ["https::443", "katoaisi"]),
    ("a double quote that would break out", '[lomake](<https://example.fi/" onclick="x>)', ["lainausmerkki"]),
    ("a space", "[lomake](<https://example.fi/a b>)", ["välilyönti"]),
    ("an unclosed angle bracket", "[lomake](<#x)", ["'<#x'", "ei ole sallittu"]),
    ("an angle bracket inside", "[lomake](#x<y)", ["kulmasulje"]),
    ("a tab", "[lomake](<https://example.fi/a\tb>)", ["välilyönti"]),
    ("a disallowed scheme in upper case", "[lomake](JAVASCRIPT:x)", ["ei ole sallittu"]),
    ("a data address", "[lomake](data:text/html,x)", ["ei ole sallittu"]),
]


@pytest.mark.parametrize("link,words", [(c[1], c[2]) for c in VANISHING_LINKS], ids=[c[0] for c in VANISHING_LINKS])
def test_a_link_the_notice_could_not_carry_is_an_error_at_its_line(link, words):
    from seloste import markup

    text = f"Oikeuksia voi käyttää {link}."
    document, problems = load_text((BASE + f"rights:\n  notes: {json.dumps(text)}\n").encode(), "t.yaml", boolean_keys())
    assert problems == []
    found = validate_document(document)
    assert [(p.code, p.line, p.column) for p in found] == [("S107", 6, 10)]
    for word in words:
        assert word in found[0].message + found[0].hint
    assert markup.markdown(text).links  # the parser did read a link there


@pytest.mark.parametrize("text", [
    "Älä kirjoita `[x](javascript:y)` tekstiin.",
    "Osoite <javascript:alert(1)> näkyy sellaisenaan.",
    r"Ei linkki: \[x](javascript:y)",
], ids=["code span", "not an autolink", "escaped bracket"])
def test_what_the_notice_shows_as_text_is_not_judged_as_a_link(text):
    from seloste import markup

    document, _ = load_text((BASE + f"rights:\n  notes: {json.dumps(text)}\n").encode(), "t.yaml", boolean_keys())
    assert validate_document(document) == []
    assert markup.markdown(text).links == ()
    assert "javascript" in markup.to_text(markup.markdown(text))  # shown as written, not as a link


@pytest.mark.parametrize("written,address", [
    (r"[a](https://example.fi/a\b)", "https://example.fi/a\\b"),
    (r"[a](https://example.fi/a\\b)", "https://example.fi/a\\b"),
    (r"[a](https://example.fi/a\(b)", None),
    (r"[a](<https://example.fi/a\)b>)", None),
    (r"[a](https://example.fi/a\\-b)", None),
    (r"<https://example.fi/a\b\c>", "https://example.fi/a\\b\\c"),
], ids=["lone backslash", "escaped backslash", "escaped parenthesis", "escaped in angle brackets",
        "escaped backslash before punctuation", "autolink"])
def test_a_target_with_backslashes_is_the_same_address_in_every_format(written, address):
    import markdown_it
    from markdown_it.common.normalize_url import normalizeLink

    from seloste import markup

    text = markup.markdown(f"Katso {written}.")
    html_target = [target for target, _ in text.links][0]
    if address is not None:
        assert html_target == address
    commonmark = markdown_it.MarkdownIt("commonmark").parse(markup.to_markdown(text))
    links = [child.attrs["href"] for token in commonmark if token.children for child in token.children
             if child.type == "link_open"]
    assert links == [normalizeLink(html_target)]  # the address a browser goes to, %-encoded alike
    assert html_target in markup.to_text(text)  # after the label, or as the label


SILENT = [
    # (id, extra YAML, [(code, line, column)]): each used to pass and render something else
    ("table row with too few cells",
     "sections:\n  - id: oma\n    title: Oma\n    content:\n      - table:\n          columns: [A, B]\n"
     "          rows:\n            - [x]\n            - [x, y]\n", [("S114", 12, 15)]),
    ("table row with too many cells",
     "sections:\n  - id: oma\n    title: Oma\n    content:\n      - table:\n          columns: [A]\n"
     "          rows:\n            - [x, y, z]\n", [("S114", 12, 15)]),
    ("a right whose text is an empty list", "rights:\n  items:\n    - right: access\n      text: []\n",
     [("S106", 8, 13)]),
    ("complaint intro as an empty list", "complaint:\n  intro: []\n", [("S106", 6, 10)]),
]


@pytest.mark.parametrize("extra,expected", [(c[1], c[2]) for c in SILENT], ids=[c[0] for c in SILENT])
def test_what_would_vanish_or_misrender_is_an_error(extra, expected):
    document, problems = load_text((BASE + extra).encode(), "t.yaml", boolean_keys())
    assert problems == []
    found = validate_document(document)
    assert [(p.code, p.line, p.column) for p in found] == expected
    if expected[0][0] == "S114":
        assert "sarakkeita on" in found[0].message


@pytest.mark.parametrize("extra,words", [
    ("tarkoitukset:\n  items:\n    - text: A\n", "tarkoititko 'purposes'? (avaimet kirjoitetaan englanniksi)"),
    ("purposes:\n  items:\n    - text: A\n      legal_basis: suostumus\n",
     "tarkoititko 'consent'? (arvot kirjoitetaan englanniksi)"),
    ("rights:\n  items:\n    - right: Tarkastusoikeus\n", "tarkoititko 'access'?"),
    ("dpo:\n  name: T\n  sähköposti: a@b.fi\n", "tarkoititko 'email'?"),
    ("purposes:\n  items:\n    - text: A\n      legal_basis: sopimukseen\n", ""),  # no guess from afar
], ids=["key", "legal basis", "right, capitalised", "nested key", "nothing close"])
def test_finnish_words_suggest_the_english_key_or_value(extra, words):
    document, problems = load_text((BASE + extra).encode(), "t.yaml", boolean_keys())
    assert problems == []
    found = validate_document(document)
    assert len(found) == 1
    assert found[0].hint.startswith(words) if words else "tarkoititko" not in found[0].hint


def test_every_alias_names_a_key_or_value_the_schema_has():
    from seloste.resources import data_file
    from seloste.validate import schema

    text = json.dumps(schema())
    aliases = data_file("aliases.yaml")
    for kind in ("keys", "values"):
        for finnish, english in aliases[kind].items():
            assert finnish == finnish.casefold()
            assert f'"{english}"' in text, (kind, finnish, english)


def test_autolink_is_true_or_false():
    document, problems = load_text(("layout: gdpr\nautolink: kyllä\nname: Testi\ncontroller:\n  name: X\n").encode(),
                                   "t.yaml", boolean_keys())
    assert problems == []
    assert [(p.code, p.line, p.column) for p in validate_document(document)] == [("S103", 2, 11)]


@pytest.mark.parametrize("autolink", ["true", "false"])
def test_with_bare_addresses_as_links_an_unsafe_link_is_still_refused(autolink):
    text = "Katso [lomake](javascript:alert(1)), https://example.fi ja javascript:alert(2) <data:text/html,x>."
    source = f"layout: gdpr\nautolink: {autolink}\nname: Testi\ncontroller:\n  name: X\nrights:\n  notes: {json.dumps(text)}\n"
    document, problems = load_text(source.encode(), "t.yaml", boolean_keys())
    assert problems == []
    found = validate_document(document)
    assert [(p.code, p.line) for p in found] == [("S107", 7)]
    assert "javascript:alert(1)" in found[0].message
