"""Text fields in the three formats: what Markdown does, what stays literal, how it is escaped."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from seloste import markup

CASES = [
    # (id, source, html, text)
    ("plain", "Tavallinen kappale.", "<p>Tavallinen kappale.</p>", "Tavallinen kappale."),
    ("emphasis", "*tärkeä* ja **hyvin tärkeä**", "<p><em>tärkeä</em> ja <strong>hyvin tärkeä</strong></p>",
     "tärkeä ja hyvin tärkeä"),
    # A link whose label does not say its target carries it for the print stylesheet, as text shows it.
    ("link", "[tietosuoja](https://tietosuoja.fi)",
     '<p><a href="https://tietosuoja.fi" data-target="https://tietosuoja.fi">tietosuoja</a></p>',
     "tietosuoja (https://tietosuoja.fi)"),
    ("bare link", "<https://tietosuoja.fi>", '<p><a href="https://tietosuoja.fi">https://tietosuoja.fi</a></p>',
     "https://tietosuoja.fi"),
    ("mail link with a label", "[kirjaamo](mailto:kirjaamo@example.fi)",
     '<p><a href="mailto:kirjaamo@example.fi" data-target="kirjaamo@example.fi">kirjaamo</a></p>',
     "kirjaamo (kirjaamo@example.fi)"),
    ("mail link", "<tietosuoja@om.fi>", None, "tietosuoja@om.fi"),
    ("list", "Tiedot:\n\n- Nimi\n- Osoite", "<p>Tiedot:</p><ul><li>Nimi</li><li>Osoite</li></ul>",
     "Tiedot:\n\n- Nimi\n- Osoite"),
    ("soft break", "rivi yksi\nrivi kaksi", "<p>rivi yksi rivi kaksi</p>", "rivi yksi rivi kaksi"),
    ("raw html stays text", "<b>x</b> <script>alert(1)</script>",
     "<p>&lt;b&gt;x&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>", "<b>x</b> <script>alert(1)</script>"),
    ("heading stays text", "# Otsikko", "<p># Otsikko</p>", "# Otsikko"),
    ("ordinal stays text", "1. tammikuuta 2019 alkaen", "<p>1. tammikuuta 2019 alkaen</p>", "1. tammikuuta 2019 alkaen"),
    ("image stays text", "![kuva](https://example.fi/a.png)", None, "![kuva](https://example.fi/a.png)"),
    ("reference definition stays", "[1]: https://example.fi", "<p>[1]: https://example.fi</p>", "[1]: https://example.fi"),
    ("quote stays text", "> lainaus", "<p>&gt; lainaus</p>", "> lainaus"),
]


@pytest.mark.parametrize("name,source,html,text", CASES, ids=[c[0] for c in CASES])
def test_markdown_field_in_html_and_text(name, source, html, text):
    parsed = markup.markdown(source)
    if html is not None:
        assert markup.to_html(parsed) == html
    assert markup.to_text(parsed) == text


def _commonmark_text(source: str) -> str:
    tokens = MarkdownIt("commonmark").parse(source)
    words = []
    for token in tokens:
        if token.type == "inline":
            for child in token.children:
                if child.type in ("text", "code_inline"):
                    words.append(child.content)
                elif child.type == "softbreak":
                    words.append(" ")
    return "".join(words)


@pytest.mark.parametrize("value", [
    "*ei korostus*", "_ei_", "# ei otsikko", "1. ei luettelo", "- ei luettelo", "+ ei", "> ei lainaus",
    "[ei](linkki)", "`ei koodi`", "a | b", "<b>ei</b>", "&amp; pysyy", "\\ kenoviiva", "=====",
    "  reunat  ", "~~~", "Oy Ab. Toinen lause. 3) kolmas",
], ids=lambda v: v)
def test_plain_text_stays_literal_in_markdown(value):
    assert _commonmark_text(markup.to_markdown(markup.plain(value))) == value


@pytest.mark.parametrize("url,safe", [
    ("https://a.fi", True), ("http://a.fi", True), ("mailto:a@a.fi", True), ("tel:+358401234567", True),
    ("#oikeudet", True), ("javascript:alert(1)", False), ("JavaScript:alert(1)", False),
    ("data:text/html,x", False), ("vbscript:x", False), ("//evil.example", False), ("file:///etc/passwd", False),
    ("sivu.html", False),
])
def test_only_safe_link_schemes(url, safe):
    assert markup.is_safe_url(url) is safe


def test_links_are_read_from_the_parse_that_renders_them():
    source = "[a](javascript:x) ja <data:text/html,y> ja [b]( https://ok.fi ) ja `[c](https://code.fi)`"
    # <data:…> is not an autolink to the parser (it stays text), nor is a link in a code span
    assert markup.link_targets(source) == ["javascript:x", "https://ok.fi"]
    assert markup.markdown(source).links == (("javascript:x", False), ("https://ok.fi", True))


def test_sanitizer_drops_unsafe_links_that_validation_would_have_reported():
    parsed = markup.markdown("[a](javascript:alert(1))")
    assert "javascript" not in markup.to_html(parsed)


def test_link_targets_keep_balanced_parentheses():
    assert markup.link_targets("[x](javascript:alert(1))") == ["javascript:alert(1)"]
