"""The sanitized HTML of a text field read back into the tree's nodes (:mod:`.tree`).

:mod:`.parse` turns a text into HTML with Python-Markdown and cleans it with nh3; this module
reads that fragment back: blocks at the top, inline nodes inside them, soft line breaks as
spaces and no line break at a block's very end.
"""

from __future__ import annotations

import html.parser

from seloste.markup.tree import words

_BLOCK_TAGS = frozenset({"p", "ul", "ol"})


def blocks(fragment: str) -> tuple[tuple, bool]:
    """The blocks of a sanitized HTML fragment, and whether it had a list inside a list item."""
    return _TreeBuilder.build(fragment)


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
