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

from seloste.markup import direct
from seloste.markup.links import SAFE_SCHEMES
from seloste.markup.tree import Text
from seloste.markup.tree import words

ALLOWED_TAGS = frozenset({"p", "ul", "ol", "li", "em", "strong", "a", "code", "br"})
_BLOCK_TAGS = frozenset({"p", "ul", "ol"})


def markdown(source: str) -> Text:
    """A Markdown text field parsed into a :class:`~seloste.markup.tree.Text`.

    Most fields are one line of words with no Markdown in them: those are read directly (the
    parser would give the same paragraph, ``tests/test_markup_direct.py`` compares the two on
    thousands of texts); the rest go through the parser, cached, since registers repeat phrases.
    """
    return direct.read(source) or _parsed(source)


@functools.lru_cache(maxsize=8192)
def _parsed(source: str) -> Text:
    converter = _converter()
    converter.reset()
    converted = converter.convert(source)
    blocks, nested = _TreeBuilder.build(_sanitize(converted))
    return Text(blocks, source, _links(converted, blocks) if "<a " in converted else (), nested)


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
    return converter


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


class _TreeBuilder(html.parser.HTMLParser):
    """Reads the sanitized HTML fragment back into nodes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root: list = []
        self.stack: list = [("#root", {}, self.root)]
        self.nested = False  # a list inside a list item, which the tree keeps as one line of words

    @classmethod
    def build(cls, fragment: str) -> tuple[tuple, bool]:
        """The blocks of an HTML fragment, and whether it had a list inside a list item."""
        builder = cls()
        builder.feed(fragment)
        builder.close()
        return _freeze(_normalise_blocks(builder.root)), builder.nested

    def handle_starttag(self, tag, attrs):
        if tag in ("ul", "ol") and any(node[0] == "li" for node in self.stack):
            self.nested = True
        node = (tag, dict(attrs), [])
        self.stack[-1][2].append(node)
        if tag != "br":
            self.stack.append(node)

    def handle_endtag(self, tag):
        if tag != "br" and len(self.stack) > 1 and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_data(self, data):
        self.stack[-1][2].append(("#text", data))


def _normalise_blocks(nodes: list) -> list:
    """Top-level nodes as blocks: stray inline content goes into a paragraph, soft breaks become spaces."""
    blocks: list = []
    loose: list = []
    for node in nodes:
        if node[0] in _BLOCK_TAGS:
            if loose:
                blocks.append(("p", {}, _block_inline(loose)))
                loose = []
            if node[0] == "p":
                blocks.append(("p", {}, _block_inline(node[2])))
            else:
                items = [("li", {}, _block_inline(_unwrap_paragraphs(li[2]))) for li in node[2] if li[0] == "li"]
                blocks.append((node[0], {}, items))
        elif node[0] == "#text" and not node[1].strip():
            continue
        else:
            loose.append(node)
    if loose:
        blocks.append(("p", {}, _block_inline(loose)))
    return blocks


def _block_inline(nodes: list) -> list:
    """A paragraph's or list item's inline nodes, without line breaks at its very end."""
    return _without_trailing_breaks(_inline(nodes))


def _without_trailing_breaks(nodes: list) -> list:
    # A break at the end of a block breaks nothing; Markdown would show its backslash.
    nodes = list(nodes)
    while nodes:
        last = nodes[-1]
        if last[0] == "br":
            nodes.pop()
        elif last[0] == "#text":
            if last[1].rstrip(" "):
                nodes[-1] = ("#text", last[1].rstrip(" "))
                break
            nodes.pop()
        elif last[0] == "code":
            if words(last[2]).strip():
                break
            nodes.pop()
        else:
            nodes[-1] = (last[0], last[1], _without_trailing_breaks(last[2]))
            break
    return nodes


def _unwrap_paragraphs(nodes: list) -> list:
    out: list = []
    for node in nodes:
        if node[0] == "p":
            if out:
                out.append(("#text", " "))
            out.extend(node[2])
        elif node[0] in ("ul", "ol"):
            # A nested list inside a list item: keep its words inline.
            for item in node[2]:
                if item[0] == "li":
                    out.append(("#text", " "))
                    out.extend(_unwrap_paragraphs(item[2]))
        else:
            out.append(node)
    return out


def _inline(nodes: list) -> list:
    out: list = []
    for index, node in enumerate(nodes):
        if node[0] == "#text":
            value = node[1]
            if index and nodes[index - 1][0] == "br":
                value = value.lstrip("\n")  # the line end after <br> is the break itself, not a space
            value = value.replace("\n", " ")
            if index == 0:
                value = value.lstrip(" ")
            if index == len(nodes) - 1:
                value = value.rstrip(" ")
            if value:
                out.append(("#text", value))
        else:
            out.append((node[0], node[1], _inline(node[2]) if node[0] != "br" else []))
    return out


def _freeze(nodes: list) -> tuple:
    return tuple(
        node if node[0] == "#text" else (node[0], tuple(sorted(node[1].items())), _freeze(node[2]))
        for node in nodes
    )


def link_targets(source: str) -> list[str]:
    """The target of every link the parser finds in a text field's source, in order."""
    if "](" not in source and "<" not in source:
        return []  # no link can start without one of these
    return [target for target, _ in markdown(source).links]


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
