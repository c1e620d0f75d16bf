"""The sanitized HTML of a text field read back into the tree's nodes (:mod:`.tree`).

:mod:`.parse` turns a text into HTML with Python-Markdown and cleans it with nh3; this module
reads that fragment back: blocks at the top, inline nodes inside them, soft line breaks as
spaces and no line break at a block's very end. A list item keeps what is under it (its further
paragraphs and sub-lists) down to :data:`~.tree.MAX_LIST_DEPTH` lists; a list deeper than that
is kept as a paragraph of its words under the item above it, and reported.
"""

from __future__ import annotations

import html.parser
import re

from seloste.markup.tree import BLOCK_TAGS
from seloste.markup.tree import MAX_LIST_DEPTH
from seloste.markup.tree import words

_LIST_TAGS = frozenset({"ul", "ol"})


def blocks(fragment: str) -> tuple[tuple, bool]:
    """The blocks of a sanitized HTML fragment, and whether it had a list more than
    :data:`~.tree.MAX_LIST_DEPTH` lists deep."""
    return _TreeBuilder.build(fragment)


class _TreeBuilder(html.parser.HTMLParser):
    """Reads the sanitized HTML fragment back into nodes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root: list = []
        self.stack: list = [("#root", {}, self.root)]
        self.deep = False  # a list too deep to keep, which the tree keeps as a paragraph under its item

    @classmethod
    def build(cls, fragment: str) -> tuple[tuple, bool]:
        """The blocks of an HTML fragment, and whether it had a list too deep to keep."""
        builder = cls()
        builder.feed(fragment)
        builder.close()
        return _freeze(_normalise_blocks(builder.root)), builder.deep

    def handle_starttag(self, tag, attrs):
        if tag in _LIST_TAGS and sum(node[0] in _LIST_TAGS for node in self.stack) >= MAX_LIST_DEPTH:
            self.deep = True
        node = (tag, dict(attrs), [])
        self.stack[-1][2].append(node)
        if tag != "br":
            self.stack.append(node)

    def handle_endtag(self, tag):
        if tag != "br" and len(self.stack) > 1 and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_data(self, data):
        self.stack[-1][2].append(("#text", data))


def _normalise_blocks(nodes: list, depth: int = 0) -> list:
    """Nodes as blocks, ``depth`` lists deep: stray inline content goes into a paragraph, soft
    breaks become spaces."""
    blocks: list = []
    loose: list = []
    indented = depth > 0
    for node in nodes:
        if node[0] in BLOCK_TAGS:
            if loose:
                blocks.append(("p", {}, _block_inline(loose, indented)))
                loose = []
            if node[0] == "p":
                blocks.append(("p", {}, _block_inline(node[2], indented)))
            elif depth >= MAX_LIST_DEPTH:  # too deep to keep (S119): its words under the item
                blocks.append(("p", {}, _block_inline(_unwrap_paragraphs([node]), indented)))
            else:
                blocks.append(_list(node, depth + 1))
        elif node[0] == "#text" and not node[1].strip():
            continue
        else:
            loose.append(node)
    if loose:
        blocks.append(("p", {}, _block_inline(loose, indented)))
    return blocks


def _list(node: tuple, depth: int) -> tuple:
    """A list ``depth`` lists deep, with its items.

    A list at the top whose items are each one paragraph is read as it always was, each item
    its line alone; in any other list, each item keeps its paragraphs and sub-lists apart.
    """
    items = [li[2] for li in node[2] if li[0] == "li"]
    kept = depth > 1 or any(sum(child[0] == "p" for child in item) > 1 or any(child[0] in _LIST_TAGS for child in item)
                            for item in items)
    return (node[0], {}, [_item(item, depth) if kept else ("li", {}, _block_inline(_unwrap_paragraphs(item)))
                          for item in items])


def _item(nodes: list, depth: int) -> tuple:
    """A list item ``depth`` lists deep: its line, then the blocks under it."""
    start = next((index for index, node in enumerate(nodes) if node[0] in BLOCK_TAGS), len(nodes))
    line, rest = nodes[:start], nodes[start:]
    if not words(line).strip() and rest and rest[0][0] == "p":  # a loose item: its first paragraph is its line
        line, rest = rest[0][2], rest[1:]
    return ("li", {}, _block_inline(line, indented=True) + _normalise_blocks(rest, depth))


def _block_inline(nodes: list, indented: bool = False) -> list:
    """A paragraph's or list item's inline nodes, without line breaks at its very end.

    ``indented``: the block is under a list item, whose later lines are indented to it; that
    indentation is no part of the words (a top-level text keeps the spaces it always had).
    """
    return _without_trailing_breaks(_inline(nodes, indented))


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
        elif node[0] in _LIST_TAGS:
            # A list inside a list item: keep its words inline.
            for item in node[2]:
                if item[0] == "li":
                    out.append(("#text", " "))
                    out.extend(_unwrap_paragraphs(item[2]))
        else:
            out.append(node)
    return out


def _inline(nodes: list, indented: bool = False) -> list:
    out: list = []
    for index, node in enumerate(nodes):
        if node[0] == "#text":
            value = _LINE_INDENT.sub("\n", node[1]) if indented else node[1]
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
            out.append((node[0], node[1], _inline(node[2], indented) if node[0] != "br" else []))
    return out


_LINE_INDENT = re.compile(r"\n[ \t]+")


def _freeze(nodes: list) -> tuple:
    return tuple(
        node if node[0] == "#text" else (node[0], tuple(sorted(node[1].items())), _freeze(node[2]))
        for node in nodes
    )
