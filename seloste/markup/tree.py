"""The tree a text field is read into: :class:`Text`, its block and inline nodes.

A node is ``("#text", str)`` or ``(tag, attributes, children)``, the tags those of
:data:`seloste.markup.parse.ALLOWED_TAGS`, attributes a sorted tuple of pairs. A text's blocks
are paragraphs (``p``) and lists (``ul``, ``ol``); a list item (``li``) holds the inline nodes
of its own line, then the blocks under it, if any: its further paragraphs and its sub-lists,
at most :data:`MAX_LIST_DEPTH` lists deep (:func:`item_parts`). Every writer
(:mod:`.write_html`, :mod:`.write_text`, :mod:`.write_markdown`) and every reader of a text's words and links works
from this tree only.
"""

from __future__ import annotations

import re


BLOCK_TAGS = frozenset({"p", "ul", "ol"})
# How many lists deep a text may go: a list, its sub-lists and theirs. A notice reads no deeper,
# and every format can still show each level by its indentation.
MAX_LIST_DEPTH = 3


class Text:
    """One field's content: a list of block nodes (paragraphs and lists)."""

    __slots__ = ("blocks", "source", "links", "deep_list")

    def __init__(self, blocks: tuple, source: str, links: tuple = (), deep_list: bool = False):
        self.blocks = blocks
        self.source = source
        # Every link the Markdown parser found, in order, as (target as parsed, kept by the
        # sanitizer): validation and lint read links here, from the parse the notice is made of.
        self.links = links
        # A list more than MAX_LIST_DEPTH lists deep: the tree keeps it as a paragraph of its
        # words under the item above it, so validation reports it (S119) rather than let its
        # shape vanish.
        self.deep_list = deep_list

    def __repr__(self) -> str:
        return f"Text({self.source!r})"

    @property
    def inline(self) -> tuple:
        """The content as inline nodes: one paragraph unwrapped, several joined by a space."""
        parts: list = []
        for block in self.blocks:
            if parts:
                parts.append(_SPACE)
            parts.extend(_flat(block))
        return tuple(parts)


_SPACE = ("#text", " ")


def item_parts(item) -> tuple[tuple, tuple]:
    """A list item's own line (its inline nodes) and the blocks under it (its further
    paragraphs and sub-lists, in order; () for an item of one line)."""
    children = item[2]
    for index, node in enumerate(children):
        if node[0] in BLOCK_TAGS:
            return children[:index], children[index:]
    return children, ()


def _flat(block) -> list:
    """A block's inline nodes: a list's items, and everything under each, one after another."""
    if block[0] == "p":
        return list(block[2])
    parts: list = []
    for index, item in enumerate(block[2]):
        if index:
            parts.append(_SPACE)
        line, under = item_parts(item)
        pieces = [piece for piece in (list(line), *(_flat(sub) for sub in under)) if piece]
        for number, piece in enumerate(pieces):
            if number:
                parts.append(_SPACE)
            parts.extend(piece)
    return parts


def plain(value: str) -> Text:
    """A plain field: the words as written, never interpreted."""
    return Text((("p", (), (("#text", value),)),), value)


def words(nodes) -> str:
    """The words of inline nodes without markup, a link's target after its label."""
    parts = []
    for node in nodes:
        if node[0] == "#text":
            parts.append(node[1])
        elif node[0] == "br":
            parts.append(" ")
        elif node[0] == "a":
            label = words(node[2])
            target = shown_target(node)
            parts.append(label if target is None else f"{label} ({target})")
        else:
            parts.append(words(node[2]))
    return "".join(parts)


def shown_target(link) -> str | None:
    """A link's target as text shows it after the label ("mailto:" and "tel:" dropped), or None
    when the label already says it, or when it is a place on the same page (``#oikeudet``),
    which means nothing on paper: its label says where it goes ("kohta 8")."""
    label = words(link[2])
    href = dict(link[1]).get("href", "")
    bare = re.sub(r"^(mailto|tel):", "", href)
    return None if href in (label, "") or bare == label or href.startswith("#") else bare
