"""The tool's own words in each of its languages: phrases, dates, the authority, the layouts'
titles and the words of the pages, all data, asked for by language."""

from __future__ import annotations

import pytest

from seloste import resources
from seloste.notice.words import display_date
from seloste.notice.words import finnish_date

OTHER_LANGUAGES = [language for language in resources.LANGUAGES if language != "fi"]


# --- phrases ---------------------------------------------------------------------------------

def _leaves(value, path=()):
    """(path, value) of every text in nested phrases; a list's entries by their index."""
    if isinstance(value, dict):
        for key, entry in value.items():
            yield from _leaves(entry, (*path, key))
    elif isinstance(value, list):
        for index, entry in enumerate(value):
            yield from _leaves(entry, (*path, index))
    else:
        yield path, value


def _shape(value):
    """The keys of nested phrases, recursively; a list by its length."""
    if isinstance(value, dict):
        return {key: _shape(entry) for key, entry in value.items()}
    if isinstance(value, list):
        return len(value)
    return type(value).__name__


def test_the_languages_are_finnish_swedish_and_english():
    assert resources.LANGUAGES == ("fi", "sv", "en")


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_phrase_of_finnish_is_in_the_language_and_nothing_else(language):
    assert _shape(resources.phrases(language)) == _shape(resources.phrases("fi"))


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_a_phrase_is_empty_only_where_the_finnish_one_is(language):
    finnish = dict(_leaves(resources.phrases("fi")))
    empty = [path for path, value in _leaves(resources.phrases(language)) if not value.strip() and finnish[path].strip()]
    assert empty == []
    assert [path for path, value in finnish.items() if not value.strip()] == [("rights", "other")]


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_the_phrases_of_a_language_are_its_own_not_finnish_copied(language):
    finnish = dict(_leaves(resources.phrases("fi")))
    # Formats that may be alike: Swedish writes a date as Finnish does.
    alike = {("formats", "date"), ("formats", "condition")}
    same = [path for path, value in _leaves(resources.phrases(language))
            if value and value == finnish[path] and path not in alike]
    assert same == []


def test_the_phrases_of_finnish_are_its_phrases_without_an_argument():
    assert resources.phrases() is resources.phrases("fi")


@pytest.mark.parametrize("language", resources.LANGUAGES)
def test_each_language_names_itself_in_its_own_words(language):
    assert resources.phrases(language)["page"]["language_name"] == {"fi": "suomi", "sv": "svenska", "en": "English"}[language]


# --- dates ----------------------------------------------------------------------------------

DATES = [
    ("fi", "2024-05-01", "1.5.2024"),
    ("fi", "2024-12-31", "31.12.2024"),
    ("sv", "2024-05-01", "1.5.2024"),
    ("sv", "2024-12-31", "31.12.2024"),
    ("en", "2024-05-01", "1 May 2024"),
    ("en", "2024-12-31", "31 December 2024"),
    ("en", "2025-01-09", "9 January 2025"),
]


@pytest.mark.parametrize("language, iso, shown", DATES, ids=lambda value: str(value))
def test_a_date_reads_as_its_language_writes_it(language, iso, shown):
    assert display_date(iso, language) == shown


def test_the_finnish_date_is_the_finnish_case_of_display_date():
    for month in range(1, 13):
        iso = f"2024-{month:02}-0{month % 9 + 1}"
        assert finnish_date(iso) == display_date(iso, "fi") == f"{month % 9 + 1}.{month}.2024"


def test_a_language_without_phrases_is_refused():
    with pytest.raises(ValueError, match="'de'"):
        display_date("2024-05-01", "de")
    with pytest.raises(ValueError, match="'de'"):
        resources.phrases("de")


# --- the supervisory authority -----------------------------------------------------------------

AUTHORITY_FIELDS = ("name", "visiting_address", "postal_address", "phone", "email", "website")


@pytest.mark.parametrize("language", resources.LANGUAGES)
def test_every_authority_has_every_detail_in_every_language(language):
    found = resources.authorities(language)
    assert sorted(found) == sorted(resources.authorities())
    for details in found.values():
        assert tuple(details) == AUTHORITY_FIELDS
        assert all(value.strip() for value in details.values())


@pytest.mark.parametrize("language, name, postal_address", [
    ("fi", "Tietosuojavaltuutetun toimisto", "PL 800, 00531 Helsinki"),
    ("sv", "Dataombudsmannens byrå", "PB 800, 00531 Helsingfors"),
    ("en", "Office of the Data Protection Ombudsman", "PL 800, 00531 Helsinki, Finland"),
])
def test_the_finnish_authority_is_named_and_addressed_as_each_language_writes_it(language, name, postal_address):
    details = resources.authorities(language)["tietosuojavaltuutettu"]
    assert (details["name"], details["postal_address"]) == (name, postal_address)


def test_the_authorities_of_finnish_are_the_authorities_without_an_argument():
    assert resources.authorities() == resources.authorities("fi")
    assert resources.authorities()["tietosuojavaltuutettu"]["visiting_address"] == "Lintulahdenkuja 4, 00530 Helsinki"
