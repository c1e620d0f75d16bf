"""Pages in several languages: hreflang alternates, the language switch and an index per language."""

from __future__ import annotations

import dataclasses

from conftest import POLICY

from seloste import project
from seloste.notice import build_notice
from seloste.render import render_html
from seloste.render import render_indexes

EXAMPLE = POLICY / "esimerkki-rekrytointirekisteri.yaml"
ALL = (("fi", "suomi"), ("sv", "svenska"), ("en", "English"))


def _notice(language, languages=ALL):
    register, _ = project.load_register(EXAMPLE)
    return dataclasses.replace(build_notice(register.id, register.data, language), languages=languages)


def test_a_page_names_each_of_its_languages_and_switches_between_them():
    page = render_html(_notice("sv")).decode()
    for code in ("fi", "sv", "en"):
        assert f'<link rel="alternate" hreflang="{code}" href="../{code}/esimerkki-rekrytointirekisteri.html">' in page
    assert '<html lang="sv">' in page
    assert '<strong aria-current="page" lang="sv">svenska</strong>' in page
    assert '<a href="../en/esimerkki-rekrytointirekisteri.html" hreflang="en" lang="en">English</a>' in page
    assert '<a href="index.html">' in page  # the Swedish index, beside the Swedish pages


def test_a_page_in_one_language_has_no_switch():
    page = render_html(_notice("fi", ())).decode()
    assert "hreflang" not in page and 'class="languages"' not in page
    assert '<a href="../index.html">' in page


def test_each_language_has_its_index_linking_to_its_notices_and_the_other_indexes():
    entries = [_notice(code).index_entry() for code in ("fi", "sv")]
    pages = {path: page.decode() for path, page in render_indexes(entries).items()}
    assert sorted(pages) == ["index.html", "sv/index.html"]
    assert 'href="fi/esimerkki-rekrytointirekisteri.html"' in pages["index.html"]
    assert 'href="../sv/esimerkki-rekrytointirekisteri.html"' in pages["sv/index.html"]
    assert '<html lang="sv">' in pages["sv/index.html"]
    assert '<link rel="alternate" hreflang="sv" href="sv/index.html">' in pages["index.html"]
    assert '<a href="../index.html" hreflang="fi" lang="fi">suomi</a>' in pages["sv/index.html"]


def test_a_finnish_only_site_has_its_one_index_as_before():
    pages = render_indexes([_notice("fi", ()).index_entry()])
    assert list(pages) == ["index.html"] and b"hreflang" not in pages["index.html"]
