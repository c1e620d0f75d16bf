"""The fast validator (jsonschema-rs) and jsonschema agree on every register: every fixture,
every bad-input case, and values made to probe where two regex engines could differ."""

from __future__ import annotations

import copy

import pytest
from conftest import FIXTURES
from conftest import POLICY
from conftest import register_files
from test_bad_input import CASES
from test_bad_input import KEPT_CASES

from seloste import validate
from seloste import validate_fast
from seloste.load import load_text

REGISTERS = register_files(FIXTURES) + register_files(POLICY)


def _agree(data) -> bool:
    autolink = isinstance(data, dict) and data.get("autolink") is True
    slow = not any(True for _ in validate._validator(autolink).iter_errors(data))
    fast = validate_fast.is_valid(data, autolink)
    assert fast is not None, "jsonschema-rs is a pinned dependency"
    return fast == slow


@pytest.mark.parametrize("path", REGISTERS, ids=lambda path: path.stem)
def test_both_engines_agree_on_every_fixture(path):
    document, problems = load_text(path.read_bytes(), path.name, validate.boolean_keys())
    assert document is not None, problems
    assert validate_fast.is_valid(document.data, document.data.get("autolink") is True)  # each fixture is valid
    assert _agree(document.data)


@pytest.mark.parametrize("source", [case[1] for case in CASES + KEPT_CASES], ids=[case[0] for case in CASES + KEPT_CASES])
def test_both_engines_agree_on_every_bad_input_case(source):
    document, _ = load_text(source.encode("utf-8") if isinstance(source, str) else source, "x.yaml",
                            validate.boolean_keys())
    if document is not None:
        assert _agree(document.data)


def _example():
    document, _ = load_text((POLICY / "esimerkki-rekrytointirekisteri.yaml").read_bytes(), "x.yaml",
                            validate.boolean_keys())
    assert _agree(document.data) and validate_fast.is_valid(document.data)
    return document.data


PROBES = {
    # a one-line text or an id with a final line end: Python's "$" matches before it
    "one-line text ending in a line end": ("controller", "name", "Esimerkki Oy\n"),
    "one-line text with a line end inside": ("controller", "name", "Esimerkki\nOy"),
    "one-line text with a line separator": ("controller", "name", "Esimerkki\u2028Oy"),
    "one-line text with NEL": ("controller", "name", "Esimerkki\u0085Oy"),
    "date ending in a line end": ("updated", None, "2025-03-01\n"),
    "date that does not exist": ("updated", None, "2025-02-30"),
    "date with non-ASCII digits": ("updated", None, "２０２５-03-01"),
    "web address not http": ("controller", "website", "ftp://esimerkki.example/"),
    "link with an unsafe scheme": ("controller", "notes", "Katso [tämä](javascript:alert(1))."),
    "link with a title": ("controller", "notes", 'Katso [tämä](https://esimerkki.example "otsikko").'),
    "list nested four deep": ("controller", "notes", "- a\n  - b\n    - c\n      - d\n"),
    "phone with a space only": ("controller", "phone", " "),
}


@pytest.mark.parametrize("name", PROBES)
def test_both_engines_agree_where_they_could_differ(name):
    key, sub, value = PROBES[name]
    data = copy.deepcopy(_example())
    if sub is None:
        data[key] = value
    else:
        data[key][sub] = value
    assert _agree(data)
    data["autolink"] = True
    assert _agree(data)


def test_a_pattern_s_end_is_read_by_rust_as_python_reads_it():
    assert validate_fast.rust_pattern("^[a-z]+$") == "^[a-z]+\\n?$"
    assert validate_fast.rust_pattern("^a\\$") == "^a\\$"
    assert validate_fast.rust_pattern("^a") == "^a"


TRANSLATIONS = sorted(FIXTURES.glob("*.??.yaml")) + sorted(POLICY.glob("*.??.yaml"))


def _translation_variants(data: dict) -> list:
    first = next(iter(data["texts"]))
    variants = [data]
    for change in ("unknown key", "no language", "short source", "source ending in a line end", "text a number",
                   "no texts"):
        broken = copy.deepcopy(data)
        if change == "unknown key":
            broken["comment"] = "x"
        elif change == "no language":
            del broken["language"]
        elif change == "short source":
            broken["texts"][first]["source"] = "abc"
        elif change == "source ending in a line end":
            broken["texts"][first]["source"] += "\n"
        elif change == "text a number":
            broken["texts"][first]["text"] = 5
        else:
            del broken["texts"]
        variants.append(broken)
    return variants


@pytest.mark.parametrize("path", TRANSLATIONS, ids=lambda path: path.name)
def test_both_engines_agree_on_every_translation_file_and_its_broken_variants(path):
    from seloste.translations.document import _validator

    assert len(TRANSLATIONS) >= 3
    document, problems = load_text(path.read_bytes(), path.name)
    assert document is not None, problems
    verdicts = []
    for data in _translation_variants(document.data):
        slow = not any(True for _ in _validator().iter_errors(data))
        assert validate_fast.is_valid_translation(data) == slow
        verdicts.append(slow)
    # Python's $ matches before a final line end, and so does the rewritten pattern Rust is given
    assert verdicts == [True, False, False, False, True, False, False]
