"""Texts without Markdown are read directly: exactly as the parser would read them.

``markup.markdown`` skips Python-Markdown for a one-line text with no character that begins
any syntax the parser keeps. These tests hold that shortcut to the parser's own verdict on
thousands of generated texts, most of them made to sit on the edge (list markers, numbers,
spaces at the ends, characters next to the excluded ones).
"""

from __future__ import annotations

import random

import pytest

from seloste import markup
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


def texts(count: int, seed: int):
    r = random.Random(seed)
    for _ in range(count):
        yield "".join(r.choice(PIECES) for _ in range(r.randint(1, 8)))


EDGES = [
    "1. kohta", "1) kohta", "- kohta", "-kohta", "+ kohta", "+kohta", "# Otsikko", "#Otsikko",
    "Otsikko\n===", "a\nb", "a  ", " a", "a ", "a  b", "ÄÖ å", "§ 8", "8 §", "http://a.fi",
    "a@b.fi", "---", "a!", "!a", "(a)", "a | b", "=", "==", "a = b", "100 %", "😀", "e\u0301",
    "a\u00a0b", "a\u2028b", "a\x00b", "", " ", "a\tb",
]


@pytest.mark.parametrize("seed", range(4))
def test_the_shortcut_reads_every_text_as_the_parser_does(seed):
    taken = 0
    for source in texts(2500, seed):
        fast = markup.markdown(source)
        slow = parse._parsed(source)
        assert (fast.blocks, fast.links) == (slow.blocks, slow.links), repr(source)
        taken += fast is not slow
    assert taken > 300  # the shortcut was taken often enough for the comparison to mean something


@pytest.mark.parametrize("source", EDGES)
def test_edge_cases_read_as_the_parser_reads_them(source):
    fast = markup.markdown(source)
    slow = parse._parsed(source)
    assert (fast.blocks, fast.links, fast.source) == (slow.blocks, slow.links, slow.source)


@pytest.mark.parametrize("source", ["Asiakkaan nimi ja osoite", "Tiedot säilytetään 6 vuotta (kirjanpitolaki 2:10 §).",
                                    "1986 alkaen", "Yhteyshenkilö: Anna Esimerkki, puh. 040 123 4567"])
def test_plain_words_skip_the_parser(source, monkeypatch):
    def refuse(_):
        raise AssertionError("the parser was asked")

    monkeypatch.setattr(parse, "_parsed", refuse)
    assert markup.to_text(markup.markdown(source)) == source


@pytest.mark.parametrize("source", ["*a*", "a_b_", "[a](https://a.fi)", "<https://a.fi>", "a &amp; b", "- a",
                                    "a\nb", "a  ", "a\\*", "`a`"])
def test_markdown_goes_through_the_parser(source, monkeypatch):
    asked = []
    parsed = parse._parsed
    monkeypatch.setattr(parse, "_parsed", lambda text: asked.append(text) or parsed(text))
    markup.markdown(source)
    assert asked == [source]
