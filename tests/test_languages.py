"""The tool's own words in each of its languages: phrases, dates, the authority, the layouts'
titles and the words of the pages, all data, asked for by language."""

from __future__ import annotations

import re

import pytest
from conftest import register_files
from conftest import FIXTURES
from conftest import POLICY
from lint_helpers import MINIMAL
from lint_helpers import register_from

from seloste import project
from seloste import resources
from seloste.notice import build_notice
from seloste.notice.words import display_date
from seloste.notice.words import finnish_date
from seloste.render import render_index
from seloste.render import render_notice_files

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


# --- the layouts' titles -----------------------------------------------------------------------

def _layout_words(layout: dict):
    """(where, key, words) of the title and every section title and sub-heading of a layout."""
    yield layout["id"], "title", layout["title"]
    for section in layout["sections"]:
        yield section["id"], "title", section["title"]
        for placement in section["topics"]:
            for key in ("heading", "heading_after_groups"):
                if key in placement:
                    yield f"{section['id']}/{placement['topic']}", key, placement[key]


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_title_and_heading_of_every_layout_is_in_every_language(language):
    for layout_id, finnish in resources.layouts().items():
        translated = resources.layouts(language)[layout_id]
        words = list(_layout_words(translated))
        assert [where for where, _, _ in words] == [where for where, _, _ in _layout_words(finnish)]
        assert [(where, key) for (where, key, word), (_, _, fi) in zip(words, _layout_words(finnish))
                if not word.strip() or word == fi] == []


def test_the_layouts_of_finnish_are_as_they_were_without_the_other_languages():
    keys = [path[-1] for path, _ in _leaves(resources.layouts()) if isinstance(path[-1], str)]
    assert "title" in keys and "heading_after_groups" in keys
    assert [key for key in keys if key.rsplit("_", 1)[-1] in resources.LANGUAGES] == []
    assert resources.layouts() is resources.layouts("fi")
    gdpr = resources.layouts()["gdpr"]
    assert (gdpr["title"], gdpr["sections"][0]) == ("TIETOSUOJASELOSTE", {
        "id": "rekisterinpitaja", "title": "Rekisterinpitäjä",
        "topics": [{"topic": "controller"}, {"topic": "joint_controllers", "heading": "Yhteisrekisterinpitäjät"}]})


@pytest.mark.parametrize("language, title, first", [
    ("sv", "DATASKYDDSBESKRIVNING", "Personuppgiftsansvarig"),
    ("en", "PRIVACY NOTICE", "Controller"),
])
def test_a_layout_in_another_language_has_the_same_sections_in_its_words(language, title, first):
    layout = resources.layouts(language)["gdpr"]
    assert (layout["title"], layout["sections"][0]["title"]) == (title, first)
    assert [section["id"] for section in layout["sections"]] == [section["id"] for section in resources.layouts()["gdpr"]["sections"]]
    with pytest.raises(ValueError):
        resources.layouts("de")


def _register(text: str):
    return register_from(MINIMAL + text)


def test_a_register_s_own_wording_is_of_its_own_language_only():
    register = _register("wording:\n  labels:\n    updated: Laadittu\n")
    assert resources.register_phrases(register.data)["labels"]["updated"] == "Laadittu"
    assert resources.register_phrases(register.data, "fi")["labels"]["updated"] == "Laadittu"
    assert resources.register_phrases(register.data, "sv") is resources.phrases("sv")
    assert build_notice(register.id, register.data, "en").labels["updated"] == "Updated"


def test_a_register_s_own_titles_and_headings_are_of_its_own_language_only():
    register = _register("section_titles:\n  rekisterinpitaja: Yhdistyksen yhteystiedot\n"
                         "dpo:\n  email: tsv@esimerkki.fi\n"
                         "rights:\n  items: [{right: access}]\n"
                         "within:\n  dpo: {section: rekisterinpitaja, heading: Tietosuojavastaavamme}\n"
                         "  complaint: oikeudet\n")
    finnish = {section["id"]: section for section in resources.register_sections(register.data)}
    assert resources.register_sections(register.data, "fi") == list(finnish.values())
    assert finnish["rekisterinpitaja"]["title"] == "Yhdistyksen yhteystiedot"
    assert finnish["rekisterinpitaja"]["topics"][-1] == {"topic": "dpo", "heading": "Tietosuojavastaavamme"}
    swedish = {section["id"]: section for section in resources.register_sections(register.data, "sv")}
    assert list(swedish) == list(finnish)  # the register's shape stays
    assert swedish["rekisterinpitaja"]["title"] == "Personuppgiftsansvarig"
    assert swedish["rekisterinpitaja"]["topics"][-1] == {"topic": "dpo", "heading": "Dataskyddsombudets kontaktuppgifter"}
    assert swedish["oikeudet"]["topics"][-1] == {"topic": "complaint",
                                                  "heading": "Rätt att inge klagomål till en tillsynsmyndighet"}


# --- a notice in another language: none of the tool's Finnish words left -----------------------

REGISTERS = sorted([*register_files(FIXTURES), *register_files(POLICY)])


def _finnish_words(language: str) -> set[str]:
    """Every word the tool itself writes in Finnish that it writes otherwise in ``language``:
    the phrases (labels also as the notice writes them in lower case), the layouts' titles and
    headings, the authority's details and the words of the pages."""
    finnish = dict(_leaves({key: value for key, value in resources.phrases("fi").items() if key != "formats"}))
    other = dict(_leaves(resources.phrases(language)))
    words = {value for path, value in finnish.items() if value and value != other[path]}
    words |= {value.lower() for path, value in finnish.items() if path[0] == "labels" and value}
    words |= {word for layout in resources.layouts().values() for _, _, word in _layout_words(layout)}
    for authority, details in resources.authorities().items():
        # The English address keeps the Finnish street and box, as the authority writes it.
        words |= {value for key, value in details.items() if value not in resources.authorities(language)[authority][key]}
    return words


# Finnish words that are names, not words of the page: the ids and links of sections, the
# anchors of the contents and the history, which stay the same in every language; in the
# JSON-LD, the ids of its nodes (which name the sections they stand for).
_NAMES = re.compile(r' (?:id|href|aria-labelledby)="[^"]*"|"@id": "[^"]*"')


def _rendered(path, language: str) -> dict[str, str]:
    register, problems = project.load_register(path)
    assert register is not None, problems
    notice = build_notice(register.id, register.data, language)
    files = render_notice_files(notice, register.data)
    files["index.html"] = render_index([notice.index_entry()], language)
    return {name: content.decode("utf-8") for name, content in files.items() if not name.endswith(".json")}


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
@pytest.mark.parametrize("path", REGISTERS, ids=lambda path: path.stem)
def test_a_notice_in_another_language_has_none_of_the_tool_s_finnish_words(path, language):
    source = " ".join(path.read_text(encoding="utf-8").split())  # the register's own texts are Finnish
    words = sorted(word for word in _finnish_words(language) if word not in source)
    found = {}
    for name, content in _rendered(path, language).items():
        assert name == "index.html" or name.startswith(f"{language}/")
        shown = _NAMES.sub("", content)
        left = [word for word in words if re.search(rf"(?<![\w/]){re.escape(word)}(?![\w/])", shown)]
        if left:
            found[name] = left
    assert found == {}


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_a_notice_in_another_language_writes_its_page_and_dates_in_that_language(language):
    rendered = _rendered(POLICY / "esimerkki-rekrytointirekisteri.yaml", language)
    page = resources.phrases(language)["page"]
    html = rendered[f"{language}/esimerkki-rekrytointirekisteri.html"]
    assert f'<html lang="{language}">' in html and f'<article class="seloste" lang="{language}">' in html
    # a page in another language goes back to its own language's index beside it (sv/index.html)
    assert f'aria-label="{page["site"]}"><a href="index.html">{page["all_notices"]}</a>' in html
    assert f'<p>{page["other_formats"]}: <a href=' in html and f'type="text/plain">{page["text_format"]}</a>' in html
    assert f"<h1>{page['index_title']}</h1>" in rendered["index.html"]
    assert 'updated: "2025-03-01"' in POLICY.joinpath("esimerkki-rekrytointirekisteri.yaml").read_text(encoding="utf-8")
    assert f'<time datetime="2025-03-01">{display_date("2025-03-01", language)}</time>' in html
