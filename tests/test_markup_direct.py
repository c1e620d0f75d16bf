"""Texts read directly, without the parser: exactly as the parser would read them.

``markup.markdown`` skips Python-Markdown for a one-line text of words and simple emphasis.
These tests hold that shortcut to the parser's own verdict on thousands of generated texts,
most of them made to sit on the edge (list markers, numbers, spaces at the ends, asterisks in
every position, characters next to the excluded ones).
"""

from __future__ import annotations

import random

import pytest

from seloste import markup
from seloste.markup import direct
from seloste.markup import parse

# Characters chosen to probe the edges: what starts a list or a heading in some Markdown,
# what the shortcut excludes, spaces and separators of every kind, and ordinary words.
PIECES = [
    "a", "Ä", "ö", "sana", "Tieto", "1", "12", "1986", ".", ",", ":", ";", "!", "?", "(", ")",
    "-", "+", "#", "=", "|", "~", "^", "/", "%", "§", "€", "@", "'", '"', "”", "–", "—",
    " ", "  ", "   ", "    ", "\t", "\n", "\n\n", "\u00a0", "\u2028", "\u3000", "\x00", "\x7f",
    "*", "_", "`", "[", "]", "<", ">", "&", "\\", "{", "}", "$", "©", "😀", "e\u0301",
    "- ", "+ ", "* ", "1. ", "1) ", "# ", "> ", "---", "===", "&amp;", "http://a.fi", "a@b.fi",
]
# Emphasis in and out of place: marks before and after words, punctuation and spaces.
EMPHASIS = [
    "*", "**", "***", "*sana*", "**sana**", "*a b*", "**a b**", " *a* ", "(*a*)", "*a*.", "*a*,", "a*b*",
    "*a*b", "* a*", "*a *", "***a***", "*a **b** c*", "**a *b* c**", "*a* *b*", "*a**b*", "*(a)*", "*a.*",
    "*.*", "*1*", "**1.**", "*ä*", " ", " ", ".", "(", ")", "a", "sana", "_", "!", "?", ":", "-", "a\n",
]
# Code spans, escapes and line ends among words and emphasis.
ELEMENTS = [
    "\n   ", "  \n  ", "  \n ", "`", "``", "`a`", "`a b`", "` a`", "`a `", "`*a*`", "`<a>&`", "`\\`", "``a``", "\\", "\\*", "\\`", "\\\\",
    "\\_", "\\-", "\\.", "\\a", "\\ ", "\\#", "\n", "\n\n", "  \n", "   \n", " \n", "\n ", "\n- ", "\n* ",
    "\n1. ", "*a*", "**a**", "*", "a", "sana", " ", " ", ".", "(", ")", "-", "#", "&", "_", "<", "[x]", "!",
]
# Links and underscores, in and out of place.
LINKS = [
    "_a_", "__a__", "_a b_", "a_b_", "_a_b", "_a", "__", "_", "[a](https://a.fi)", "[a b](#x)", "[a](#)",
    "[a](mailto:a@b.fi)", "[a](tel:+358401)", "[a](http://a.fi/x?y=1&z=2)", "[a](https://a.fi/(x))",
    "[a](javascript:x)", "[a](a.fi)", "[a]( https://a.fi)", "[*a*](https://a.fi)", '[a](https://a.fi "t")',
    "[a](https://a.fi/%20x)", "[a](https://a.fi/'x)", "[a](https://a.fi/x!)", "[a](https://a.fi/x.)",
    "[", "]", "](", ")", "(", "!", "[a]", "[a][b]", "[]", "a", "sana", " ", " ", ".", ",", "*a*", "`a`", "\\_",
    "<https://a.fi>", "<http://a.fi/x?y=1&z=2>", "<https://a.fi/&amp;>", "<https://a.fi/ x>", "<a.fi>", "<mailto:a@b.fi>",
    "<a@b.fi>", "<", ">", "&", "&amp;", "[a](https://a.fi/?a=1&b=2)", "[a](https://a.fi/&amp;x)", "<https://a.fi/<x>",
    "&lt;", "&gt;", "&quot;", "&#228;", "&#x41;", "&#X41;", "&nbsp;", "&foo;", "&#0;", "&#65535;", "&#1114112;", "&AMP;",
    "&amp", "&;", "&#;", "&#x;", "&not", "&notin;", "&auml;", "&#8232;", "&#x1F600;", "&#128;",
    "[a](https://a.fi/?a&b;c)", "<https://a.fi/?a=1&b=2>", "[a](https://a.fi/?a=1&#b)", "[a](https://a.fi/&)",
    "[a](https://a.fi/?x=1&amp=2)", "[a](https://a.fi/?x&not=1)", "[a](https://a.fi/?x&a)",
]


EDGES = [
    "1. kohta", "1) kohta", "- kohta", "-kohta", "+ kohta", "+kohta", "# Otsikko", "#Otsikko",
    "Otsikko\n===", "a\nb", "a  ", " a", "a ", "a  b", "ÄÖ å", "§ 8", "8 §", "http://a.fi",
    "a@b.fi", "---", "a!", "!a", "(a)", "a | b", "=", "==", "a = b", "100 %", "😀", "e\u0301",
    "a\u00a0b", "a\u2028b", "a\x00b", "", " ", "a\tb",
    "*a*", "**a**", "***a***", "*a* ja *b*", "**Huom.** Tiedot", "(*a*)", "*a*.", "a*b*", "*a*b", "* a*",
    "*a **b** c*", "**a**b", "*a*\n*b*", "*a\nb*", "- *a*", "*a* ", "*[a](https://a.fi)*", "*a_b*",
]


def texts(count: int, seed: int, pieces=PIECES, most: int = 8):
    r = random.Random(seed)
    for _ in range(count):
        yield "".join(r.choice(pieces) for _ in range(r.randint(1, most)))


# (pieces, most pieces a text, kinds of node the direct readings must have made among them)
FAMILIES = {
    "words": (PIECES, 8, set()),
    "emphasis": (EMPHASIS, 6, {"em", "strong"}),
    "links, autolinks and underscores": (LINKS, 6, {"a", "em", "strong"}),
    "code, escapes and line breaks": (ELEMENTS, 7, {"code", "br", "em", "strong"}),
}


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("family", FAMILIES)
def test_every_text_read_directly_is_read_as_the_parser_reads_it(family, seed):
    pieces, most, kinds = FAMILIES[family]
    taken = 0
    made: set = set()
    for source in texts(2000, seed, pieces, most):
        fast = direct.read(source)
        if fast is None:
            continue
        slow = parse._parsed(source)
        assert (fast.blocks, fast.links) == (slow.blocks, slow.links), repr(source)
        taken += 1
        made.update(node[0] for block in fast.blocks for node in block[2])
    # The direct reading was taken often enough, and made every kind of node, for the
    # comparison to mean something.
    assert taken > 150 and kinds <= made


@pytest.mark.parametrize("source", EDGES)
def test_edge_cases_read_as_the_parser_reads_them(source):
    fast = markup.markdown(source)
    slow = parse._parsed(source)
    assert (fast.blocks, fast.links, fast.source) == (slow.blocks, slow.links, slow.source)


@pytest.mark.parametrize("source, tags", [("*a*", ["em"]), ("**a**", ["strong"]), ("*a* ja **b**.", ["em", "strong"]),
                                          ("Tiedot (*ks. liite*) ovat", ["em"]), ("`a` ja \\*", ["code"]),
                                          ("rivi  \nrivi\nrivi", ["br"]), ("[a](https://a.fi) _b_", ["a", "em"])])
def test_simple_markup_is_read_directly(source, tags):
    text = direct.read(source)
    assert [node[0] for node in text.blocks[0][2] if node[0] != "#text"] == tags


@pytest.mark.parametrize("source", ["Asiakkaan nimi ja osoite", "Tiedot säilytetään 6 vuotta (kirjanpitolaki 2:10 §).",
                                    "1986 alkaen", "Yhteyshenkilö: Anna Esimerkki, puh. 040 123 4567"])
def test_plain_words_skip_the_parser(source, monkeypatch):
    def refuse(_):
        raise AssertionError("the parser was asked")

    monkeypatch.setattr(parse, "_parsed", refuse)
    parse._read.cache_clear()
    assert markup.to_text(markup.markdown(source)) == source


@pytest.mark.parametrize("source", ["***a***", "*a **b** c*", "<a@b.fi>", "[a](https://a.fi/&amp;x)", "a &#228; b", "a &foo; b", "- a",
                                    "a\n\nb", "a \nb", "\\a", "``a``", "a\n* b",
                                    "[a](javascript:x)", "[a](a.fi)", "a_b_", "[a](https://a.fi/(x))"])
def test_markdown_goes_through_the_parser(source, monkeypatch):
    asked = []
    parsed = parse._parsed
    monkeypatch.setattr(parse, "_parsed", lambda text: asked.append(text) or parsed(text))
    parse._read.cache_clear()
    markup.markdown(source)
    assert asked == [source]


def test_a_text_is_read_once_for_every_stage_that_reads_it(monkeypatch):
    reads = []
    read = parse.direct.read
    monkeypatch.setattr(parse.direct, "read", lambda text: reads.append(text) or read(text))
    parse._read.cache_clear()
    source = "Tiedot luovutetaan *vain* pyynnöstä."
    first, again = markup.markdown(source), markup.markdown(source)
    assert first is again and reads == [source]
    assert markup.markdown(source, autolink=True) is first  # no address in it: the same reading


@pytest.mark.parametrize("seed", range(2))
@pytest.mark.parametrize("family", ["words", "links, autolinks and underscores"])
def test_bare_addresses_are_found_alike_in_either_reading(family, seed):
    # A register's autolink: true finds bare addresses in the tree's words, whichever reader
    # made the tree.
    from seloste.markup import addresses

    pieces, most, _ = FAMILIES[family]
    linked = 0
    for source in texts(2000, seed, pieces + ["https://a.fi/x", "b@c.fi", " (https://a.fi).", "mailto:b@c.fi"], most):
        fast = direct.read(source)
        if fast is None:
            continue
        slow = addresses.linked(parse._parsed(source))
        assert (addresses.linked(fast).blocks, addresses.linked(fast).links) == (slow.blocks, slow.links), repr(source)
        linked += slow is not parse._parsed(source)
    assert linked > 20
