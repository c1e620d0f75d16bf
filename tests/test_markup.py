"""Text fields in the three formats: what Markdown does, what stays literal, how it is escaped."""

from __future__ import annotations

import html.parser

import pytest
from markdown_it import MarkdownIt
from markdown_it.common.normalize_url import normalizeLink

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


# --- what is under a list item: sub-lists and further paragraphs ---------------------------------

def _shape_from_tokens(tokens) -> list:
    """The lists of CommonMark tokens as shapes: ``(tag, items)``, an item a tuple of its
    paragraphs' words and its sub-lists, in order."""
    stack: list = [[]]
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open", "list_item_open"):
            stack.append([])
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            items = stack.pop()
            stack[-1].append(("ol" if token.type.startswith("ordered") else "ul", tuple(items)))
        elif token.type == "list_item_close":
            children = stack.pop()
            stack[-1].append(tuple(children))
        elif token.type == "inline" and len(stack) > 1:
            words = [child.content if child.type in ("text", "code_inline") else " " for child in token.children
                     if child.type in ("text", "code_inline", "softbreak", "hardbreak")]
            stack[-1].append(" ".join("".join(words).split()))
    return stack[0]


class _HtmlShape(html.parser.HTMLParser):
    """The lists of an HTML fragment as the same shapes."""

    def __init__(self):
        super().__init__()
        self.stack: list = [[]]
        self.words = ""

    def _flush(self):
        if self.words.strip() and len(self.stack) > 1:
            self.stack[-1].append(" ".join(self.words.split()))
        self.words = ""

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self.words += " "
        if tag in ("ul", "ol", "li", "p"):
            self._flush()
        if tag in ("ul", "ol", "li"):
            self.stack.append([])

    def handle_endtag(self, tag):
        if tag in ("ul", "ol", "li", "p"):
            self._flush()
        if tag in ("ul", "ol"):
            items = self.stack.pop()
            self.stack[-1].append((tag, tuple(items)))
        elif tag == "li":
            children = self.stack.pop()
            self.stack[-1].append(tuple(children))

    def handle_data(self, data):
        self.words += data


def _html_shape(fragment: str) -> list:
    reader = _HtmlShape()
    reader.feed(fragment)
    reader.close()
    return reader.stack[0]


NESTED = [
    # (id, source, the lists' shape, plain text)
    ("sub-list", "- a\n    - b\n    - c\n- d",
     [("ul", (("a", ("ul", (("b",), ("c",)))), ("d",)))], "- a\n  - b\n  - c\n- d"),
    ("three levels", "Tiedot:\n\n- a\n    - b\n        - c\n- d",
     [("ul", (("a", ("ul", (("b", ("ul", (("c",),))),))), ("d",)))], "Tiedot:\n\n- a\n  - b\n    - c\n- d"),
    ("an item's own paragraph", "- a\n\n    Toinen kappale. Ja lause.\n\n- d",
     [("ul", (("a", "Toinen kappale. Ja lause."), ("d",)))], "- a\n  Toinen kappale. Ja lause.\n- d"),
    ("paragraph, then sub-list", "- a\n\n    jatko\n\n    - b\n\n- c",
     [("ul", (("a", "jatko", ("ul", (("b",),))), ("c",)))], "- a\n  jatko\n  - b\n- c"),
    ("sub-list, then paragraph", "- a\n    - b\n\n    jatko\n\n- c",
     [("ul", (("a", ("ul", (("b",),)), "jatko"), ("c",)))], "- a\n  - b\n  jatko\n- c"),
    ("an outer item right after an item's paragraph", "- a\n    - b\n\n    jatko\n- c\n    - d",
     [("ul", (("a", ("ul", (("b",),)), "jatko"), ("c", ("ul", (("d",),)))))], "- a\n  - b\n  jatko\n- c\n  - d"),
    ("an item right after a sub-item's paragraph", "- a\n    - b\n\n        jatko\n    - c",
     [("ul", (("a", ("ul", (("b", "jatko"), ("c",)))),))], "- a\n  - b\n    jatko\n  - c"),
    ("markup under an item", "- *a*\n    - [b](https://example.fi) `c`\n    - rivi  \n        toinen",
     [("ul", (("a", ("ul", (("b c",), ("rivi toinen",)))),))],
     "- a\n  - b (https://example.fi) c\n  - rivi toinen"),
]


@pytest.mark.parametrize("name,source,shape,text", NESTED, ids=[c[0] for c in NESTED])
def test_what_is_under_a_list_item_keeps_its_shape_in_every_format(name, source, shape, text):
    assert _shape_from_tokens(MarkdownIt("commonmark").parse(source)) == shape  # as CommonMark reads it
    parsed = markup.markdown(source)
    assert not parsed.deep_list
    assert _html_shape(markup.to_html(parsed)) == shape
    written = markup.to_markdown(parsed)
    assert "<" not in written.replace("](<", "")  # no raw HTML
    tokens = MarkdownIt("commonmark").parse(written)
    assert [(t.type, t.content) for t in tokens if t.type == "html_block"] == []
    assert _shape_from_tokens(tokens) == shape, written
    assert markup.to_text(parsed) == text


def test_a_sub_list_in_html_is_inside_its_item():
    parsed = markup.markdown("- a\n    - b\n- c")
    assert markup.to_html(parsed) == "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>"
    parsed = markup.markdown("- a\n\n    jatko\n\n- c")
    assert markup.to_html(parsed) == "<ul><li><p>a</p><p>jatko</p></li><li>c</li></ul>"


def test_a_sub_list_in_markdown_is_indented_to_its_items_words():
    parsed = markup.markdown("- a\n    - b\n        - c\n- d")
    assert markup.to_markdown(parsed) == "- a\n  - b\n    - c\n- d"


def test_an_ordered_list_indents_what_is_under_an_item_past_its_number():
    # Markdown text keeps "1." literal (an ordinal, a date): ordered lists come from `list:` with
    # `ordered: true`, whose tree the writers show as any other.
    items = tuple(("li", (), (("#text", f"kohta {number}"),)) for number in range(1, 10))
    under = ("li", (), (("#text", "kohta 10"), ("ul", (), (("li", (), (("#text", "alakohta"),)),))))
    text = markup.Text((("ol", (), (*items, under)),), "")
    written = markup.to_markdown(text)
    assert written.endswith("\n10. kohta 10\n    - alakohta")
    assert _shape_from_tokens(MarkdownIt("commonmark").parse(written)) == _html_shape(markup.to_html(text))
    assert markup.to_text(text).endswith("\n10. kohta 10\n    - alakohta")


def test_a_nested_list_shown_on_one_line_keeps_its_words_in_order():
    # A list entry, a field's value or a table cell shows a text on one line.
    parsed = markup.markdown("- a\n    - b\n\n    jatko\n\n- c")
    assert markup.to_text(parsed, inline=True) == "a b jatko c"
    assert markup.to_html(parsed, inline=True) == "a b jatko c"


def test_a_list_deeper_than_the_limit_is_kept_as_words_and_flagged():
    parsed = markup.markdown("- a\n    - b\n        - c\n            - d\n- e")
    assert markup.MAX_LIST_DEPTH == 3 and parsed.deep_list
    assert markup.to_text(parsed) == "- a\n  - b\n    - c\n      d\n- e"
    assert not markup.markdown("- a\n    - b\n        - c\n- e").deep_list


def test_a_list_item_of_one_paragraph_reads_as_it_always_has():
    # Loose items of one paragraph each: the same tree (and bytes) as before lists could nest.
    assert markup.markdown("- a\n\n- b").blocks == (
        ("ul", (), (("li", (), (("#text", " "), ("#text", "a"))), ("li", (), (("#text", " "), ("#text", "b"))))),)


# --- a list right under a paragraph's line ------------------------------------------------------

def _blocks_from_tokens(tokens) -> list:
    """The top-level blocks of CommonMark tokens: ("p", words) and ("ul", [item words])."""
    found: list = []
    depth = 0
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            if depth == 0:
                found.append(("ul", []))
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif token.type == "inline":
            words = " ".join(_commonmark_text_of(token).split())
            if depth:
                found[-1][1].append(words)
            else:
                found.append(("p", words))
    return found


def _commonmark_text_of(token) -> str:
    return "".join(child.content if child.type in ("text", "code_inline") else " " for child in token.children
                   if child.type in ("text", "code_inline", "softbreak", "hardbreak"))


LIST_AFTER_LINE = [
    # (id, source, html, text)
    ("dashes", "Tiedot saadaan:\n- asiakkaalta\n- rekisteristä",
     "<p>Tiedot saadaan:</p><ul><li>asiakkaalta</li><li>rekisteristä</li></ul>",
     "Tiedot saadaan:\n\n- asiakkaalta\n- rekisteristä"),
    ("asterisks after two lines", "Tiedot saadaan\nseuraavista lähteistä:\n* asiakkaalta\n* rekisteristä",
     "<p>Tiedot saadaan seuraavista lähteistä:</p><ul><li>asiakkaalta</li><li>rekisteristä</li></ul>",
     "Tiedot saadaan seuraavista lähteistä:\n\n- asiakkaalta\n- rekisteristä"),
    ("a paragraph after it", "Tiedot:\n- nimi\n\nMuita tietoja ei kerätä.",
     "<p>Tiedot:</p><ul><li>nimi</li></ul><p>Muita tietoja ei kerätä.</p>",
     "Tiedot:\n\n- nimi\n\nMuita tietoja ei kerätä."),
    ("under a list item", "- asiakkaat\n\n    Heistä kerätään:\n    - nimi\n    - osoite",
     "<ul><li><p>asiakkaat</p><p>Heistä kerätään:</p><ul><li>nimi</li><li>osoite</li></ul></li></ul>",
     "- asiakkaat\n  Heistä kerätään:\n  - nimi\n  - osoite"),
]


@pytest.mark.parametrize("name,source,html,text", LIST_AFTER_LINE, ids=[c[0] for c in LIST_AFTER_LINE])
def test_a_list_right_under_a_line_ends_the_paragraph_in_every_format(name, source, html, text):
    parsed = markup.markdown(source)
    assert markup.to_html(parsed) == html
    assert markup.to_text(parsed) == text
    written = markup.to_markdown(parsed)
    assert _blocks_from_tokens(MarkdownIt("commonmark").parse(written)) == \
        _blocks_from_tokens(MarkdownIt("commonmark").parse(source)), written


@pytest.mark.parametrize("source,html", [
    ("Tiedot:\n-\njatkuu", "<p>Tiedot: - jatkuu</p>"),  # an empty item ends no paragraph
    ("Tiedot:\n\\- ei kohta", "<p>Tiedot: - ei kohta</p>"),
    ("Tiedot:\n    - sisennetty", "<p>Tiedot:     - sisennetty</p>"),  # four spaces: the line goes on
    ("Tiedot:\n1. kohta", "<p>Tiedot: 1. kohta</p>"),  # "1." stays text
    ("Kesto -\n-30 päivää", "<p>Kesto - -30 päivää</p>"),
], ids=["empty item", "escaped", "indented four", "number", "no space after the dash"])
def test_a_line_that_starts_no_list_item_goes_on_with_the_paragraph(source, html):
    assert markup.to_html(markup.markdown(source)) == html


# --- bare addresses as links (a register's autolink: true) ----------------------------------------

def _links_in_commonmark(source: str) -> list:
    """(href, label) of every link a CommonMark reader finds in ``source``."""
    found = []
    for token in MarkdownIt("commonmark").parse(source):
        children = token.children or []
        for index, child in enumerate(children):
            if child.type == "link_open":
                found.append((child.attrs["href"], children[index + 1].content))
    return found


def test_bare_addresses_stay_text_unless_the_register_asks():
    source = "Katso https://example.fi/tietosuoja tai kirjoita info@example.fi."
    for parsed in (markup.markdown(source), markup.markdown(source, autolink=False)):
        assert parsed.links == ()
        assert markup.to_html(parsed) == f"<p>{source}</p>"
    assert not markup.may_have_links(source) and markup.may_have_links(source, autolink=True)
    assert markup.link_targets(source) == []
    assert markup.link_targets(source, autolink=True) == ["https://example.fi/tietosuoja", "mailto:info@example.fi"]


ADDRESSES = [
    # (id, source, html, text)
    ("web address", "Katso https://example.fi/x.",
     '<p>Katso <a href="https://example.fi/x">https://example.fi/x</a>.</p>', "Katso https://example.fi/x."),
    ("e-mail address", "Kirjoita info@example.fi, niin vastaamme.",
     '<p>Kirjoita <a href="mailto:info@example.fi">info@example.fi</a>, niin vastaamme.</p>',
     "Kirjoita info@example.fi, niin vastaamme."),
    ("in parentheses", "(ks. https://example.fi/a)",
     '<p>(ks. <a href="https://example.fi/a">https://example.fi/a</a>)</p>', "(ks. https://example.fi/a)"),
    ("its own parentheses", "Ks. https://fi.wikipedia.org/wiki/Tieto_(käsite).",
     '<p>Ks. <a href="https://fi.wikipedia.org/wiki/Tieto_(käsite)">https://fi.wikipedia.org/wiki/Tieto_(käsite)</a>.</p>',
     "Ks. https://fi.wikipedia.org/wiki/Tieto_(käsite)."),
    ("quoted, then a question", "Onko se ”https://example.fi/?q=1&r=2”?",
     '<p>Onko se ”<a href="https://example.fi/?q=1&amp;r=2">https://example.fi/?q=1&amp;r=2</a>”?</p>',
     "Onko se ”https://example.fi/?q=1&r=2”?"),
    ("mailto written out", "mailto:info@example.fi!",
     '<p><a href="mailto:info@example.fi">mailto:info@example.fi</a>!</p>', "mailto:info@example.fi!"),
    ("in emphasis and a list", "Tiedot:\n- **https://example.fi**\n    - *info@example.fi*;",
     '<p>Tiedot:</p><ul><li><strong><a href="https://example.fi">https://example.fi</a></strong><ul><li><em>'
     '<a href="mailto:info@example.fi">info@example.fi</a></em>;</li></ul></li></ul>',
     "Tiedot:\n\n- https://example.fi\n  - info@example.fi;"),
]


@pytest.mark.parametrize("name,source,html,text", ADDRESSES, ids=[c[0] for c in ADDRESSES])
def test_a_bare_address_is_a_link_in_every_format_without_the_punctuation_after_it(name, source, html, text):
    parsed = markup.markdown(source, autolink=True)
    assert markup.to_html(parsed) == html
    assert markup.to_text(parsed) == text  # the address once, not "address (address)"
    targets = [target for target, kept in parsed.links if kept]
    # a CommonMark reader %-encodes what an address needs encoded, as a browser does
    assert [href for href, _ in _links_in_commonmark(markup.to_markdown(parsed))] == [normalizeLink(t) for t in targets]
    assert [label for _, label in _links_in_commonmark(markup.to_markdown(parsed))] == \
        [target.removeprefix("mailto:") if not source.startswith("mailto:") else target for target in targets]


@pytest.mark.parametrize("source", [
    "`https://example.fi` ja `info@example.fi`",  # code stays code
    "ftp://example.fi ja file:///etc/passwd ja javascript:alert(1) ja data:text/html,x",
    "www.example.fi ja example.fi",  # no scheme, no link
    "https:// ja http://. ja https://)",
    "käyttäjä@example.fi",  # not cut to its ASCII end
    "nimi@localhost ja @nimi ja nimi@",
    "xhttps://example.fi",
], ids=["code", "other schemes", "no scheme", "nothing after the scheme", "finnish letters", "no domain", "in a word"])
def test_what_is_no_bare_address_stays_text(source):
    parsed = markup.markdown(source, autolink=True)
    assert parsed.links == ()
    assert "<a" not in markup.to_html(parsed)


def test_a_link_keeps_its_label_and_unsafe_links_stay_refused():
    source = "[https://example.fi](https://example.fi), <https://a.fi>, [a](javascript:x) ja https://b.fi"
    parsed = markup.markdown(source, autolink=True)
    assert parsed.links == (("https://example.fi", True), ("https://a.fi", True), ("javascript:x", False),
                            ("https://b.fi", True))
    assert markup.to_html(parsed).count("<a") == 4 and "javascript" not in markup.to_html(parsed)
    assert markup.markdown("<javascript:alert(1)>", autolink=True).links == ()
