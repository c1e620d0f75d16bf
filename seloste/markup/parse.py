"""Markdown text fields read into the tree: Python-Markdown, the nh3 allow-list, then nodes.

Python-Markdown runs with raw HTML, images, headings, reference links and other block syntax
switched off; its HTML goes through the nh3 allow-list sanitizer and is read back into
:class:`~seloste.markup.tree.Text` nodes. A text with no Markdown in it is read directly
(:mod:`seloste.markup.direct`), as the parser would read it.
"""

from __future__ import annotations

import functools
import html.parser
import re

from seloste.markup import addresses
from seloste.markup import direct
from seloste.markup import read_html
from seloste.markup.links import SAFE_SCHEMES
from seloste.markup.tree import Text

ALLOWED_TAGS = frozenset({"p", "ul", "ol", "li", "em", "strong", "a", "code", "br"})


def markdown(source: str, autolink: bool = False) -> Text:
    """A Markdown text field parsed into a :class:`~seloste.markup.tree.Text`.

    Most fields are one line of words with no Markdown in them: those are read directly (the
    parser would give the same paragraph, ``tests/test_markup_direct.py`` compares the two on
    thousands of texts); the rest go through the parser. The tree is kept for the next reading
    of the same text (validation, the notice and lint each read every text).
    With ``autolink`` (a register's ``autolink: true``), bare web and e-mail addresses in the
    words are links too (:mod:`seloste.markup.addresses`).
    """
    return _read(source, bool(autolink and addresses.may_hold(source)))


# A register's texts are read by validation, by the notice and by lint: each is read once, and
# a tree is never changed once made, so the three share it.
@functools.lru_cache(maxsize=4096)
def _read(source: str, with_addresses: bool) -> Text:
    if with_addresses:
        return _with_addresses(source)
    return direct.read(source) or _parsed(source)


def may_have_links(source: str, autolink: bool = False) -> bool:
    """False where :func:`markdown` can find no link in ``source``: none starts without "](" or
    "<", nor, with ``autolink``, a bare address without "://" or "@"."""
    return "](" in source or "<" in source or autolink and addresses.may_hold(source)


@functools.lru_cache(maxsize=8192)
def _with_addresses(source: str) -> Text:
    return addresses.linked(direct.read(source) or _parsed(source))


@functools.lru_cache(maxsize=8192)
def _parsed(source: str) -> Text:
    converter = _converter()
    converter.reset()
    try:
        converted = converter.convert(source)
        blocks, deep = read_html.blocks(_sanitize(converted))
    except RecursionError:
        # Lists nested hundreds deep are more than the parser can follow: far deeper than a
        # notice shows, so the text is its words in one paragraph, flagged as a list too deep
        # (validation reports S119 at it; nothing is built from it).
        _converter.cache_clear()  # a parser stopped half-way is not used again
        return Text((("p", (), (("#text", " ".join(source.split())),)),), source, (), True)
    return Text(blocks, source, _links(converted, blocks) if "<a " in converted else (), deep)


class _Targets(html.parser.HTMLParser):
    """The ``href`` of every link in an HTML fragment, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.found.append(dict(attrs).get("href") or "")


def _links(converted: str, blocks: tuple) -> tuple:
    """(target, kept) for each link the parser made, ``kept`` False where the sanitizer dropped it."""
    reader = _Targets()
    reader.feed(converted)
    reader.close()
    kept: list = []

    def walk(nodes):
        for node in nodes:
            if node[0] == "a":
                kept.append(dict(node[1]).get("href"))
            if node[0] != "#text":
                walk(node[2])

    walk(blocks)
    if len(kept) != len(reader.found):  # the sanitizer removed a link as a whole
        survivors = set(kept)
        return tuple((target, target in survivors) for target in reader.found)
    return tuple((target, href is not None) for target, href in zip(reader.found, kept))


@functools.lru_cache(maxsize=1)
def _converter():
    import markdown as python_markdown

    converter = python_markdown.Markdown(extensions=[], output_format="html")
    # Raw HTML would pass through as markup: switch it off so it stays text.
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    # Block syntax that does not belong inside a notice's paragraph, and syntax that hides
    # text (reference definitions vanish from the output): keep it all literal instead.
    for name in ("code", "hashheader", "setextheader", "hr", "olist", "quote", "reference"):
        converter.parser.blockprocessors.deregister(name)
    for name in ("reference", "image_link", "image_reference", "short_reference", "short_image_ref"):
        converter.inlinePatterns.deregister(name)
    # Just above the paragraph, which would otherwise take the list into its words.
    converter.parser.blockprocessors.register(_list_after_line(converter.parser), "list_after_line", 12)
    # Just above the indented content of a list item, which would otherwise take the item in.
    converter.parser.blockprocessors.register(_item_after_indented(converter.parser), "item_after_indented", 95)
    return converter


def _item_after_indented(parser):
    """A block processor that ends a list item's indented content where a line less indented
    starts a list item.

    Python-Markdown gives an indented block (an item's further paragraph) to the item above
    it whole, even the lines after it that start an item of an outer list (``- a``, an
    indented paragraph, then ``- b`` right under it): those would be nested under ``a``.
    CommonMark ends the content there, and so does this: the block is split at that line.
    Python-Markdown's levels are four spaces each.
    """
    from markdown.blockprocessors import ListIndentProcessor

    item = re.compile(r"^( *)[*+-][ ]+\S", re.MULTILINE)

    class ItemAfterIndented(ListIndentProcessor):
        def test(self, parent, block):
            return super().test(parent, block) and self._end(block) is not None

        def run(self, parent, blocks):
            block = blocks.pop(0)
            end = self._end(block)
            blocks[:0] = [block[:end - 1], block[end:]]

        def _end(self, block):
            level = (len(block) - len(block.lstrip(" "))) // self.tab_length
            return next((match.start() for match in item.finditer(block, 1)
                         if len(match.group(1)) // self.tab_length < level), None)

    return ItemAfterIndented(parser)


def _list_after_line(parser):
    """A block processor that ends a paragraph where a list starts on the next line.

    Python-Markdown starts a list only after a blank line; CommonMark, and notices pasted from
    elsewhere, also start one right under a paragraph's line (``Tiedot saadaan:`` then ``- x``).
    The block is split there: the lines before are the paragraph, the rest is read again from
    the list on. A block that starts with a list item is the list's own (it runs first).
    """
    from markdown.blockprocessors import BlockProcessor

    # A list item's line as Python-Markdown reads one, with words on it (an empty item does not
    # end a paragraph in CommonMark either).
    item = re.compile(r"^[ ]{0,3}[*+-][ ]+\S", re.MULTILINE)

    class ListAfterLine(BlockProcessor):
        def test(self, parent, block):
            return item.search(block, 1) is not None

        def run(self, parent, blocks):
            block = blocks.pop(0)
            start = item.search(block, 1).start()
            blocks[:0] = [block[:start - 1], block[start:]]

    return ListAfterLine(parser)


def _sanitize(fragment: str) -> str:
    import nh3

    return nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS),
        attributes={"a": {"href"}},
        url_schemes=set(SAFE_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


def link_targets(source: str, autolink: bool = False) -> list[str]:
    """The target of every link the parser finds in a text field's source, in order (with
    ``autolink``, bare addresses too)."""
    if not may_have_links(source, autolink):
        return []
    return [target for target, _ in markdown(source, autolink).links]


# Python-Markdown's backslash escapes; it has none for "<" and "&", nor for a tab, which it
# expands to spaces: those are written as character references instead.
_SOURCE_ESCAPE = re.compile(r"([\\`*_{}\[\]()>#+\-.!])")
_SOURCE_REFERENCES = {"&": "&amp;", "<": "&lt;", "\t": "&#9;"}


def literal_source(value: str) -> str:
    """Markdown source that :func:`markdown` reads back as exactly ``value``.

    For building a text field from plain words (a law's name, a label) and Markdown.
    """
    escaped = _SOURCE_ESCAPE.sub(r"\\\1", value)
    return re.sub("[&<\t]", lambda m: _SOURCE_REFERENCES[m.group()], escaped)
