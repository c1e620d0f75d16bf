"""The tree a text field is read into: :class:`Text`, its block and inline nodes.

A node is ``("#text", str)`` or ``(tag, attributes, children)``, the tags those of
:data:`seloste.markup.parse.ALLOWED_TAGS`, attributes a sorted tuple of pairs. Every writer
(:mod:`.write_html`, :mod:`.write_text`, :mod:`.write_markdown`) and every reader of a text's words and links works
from this tree only.
"""

from __future__ import annotations

import re


class Text:
    """One field's content: a list of block nodes (paragraphs and lists)."""

    __slots__ = ("blocks", "source", "links", "nested_list")

    def __init__(self, blocks: tuple, source: str, links: tuple = (), nested_list: bool = False):
        self.blocks = blocks
        self.source = source
        # Every link the Markdown parser found, in order, as (target as parsed, kept by the
        # sanitizer): validation and lint read links here, from the parse the notice is made of.
        self.links = links
        # A list inside a list item: the tree keeps its words on the item's line, so
        # validation reports it (S119) rather than let its shape vanish.
        self.nested_list = nested_list

    def __repr__(self) -> str:
        return f"Text({self.source!r})"

    @property
    def inline(self) -> tuple:
        """The content as inline nodes: one paragraph unwrapped, several joined by a space."""
        parts: list = []
        for block in self.blocks:
            if parts:
                parts.append(("#text", " "))
            if block[0] == "p":
                parts.extend(block[2])
            else:
                for index, item in enumerate(block[2]):
                    if index:
                        parts.append(("#text", " "))
                    parts.extend(item[2])
        return tuple(parts)


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
    when the label already says it."""
    label = words(link[2])
    href = dict(link[1]).get("href", "")
    bare = re.sub(r"^(mailto|tel):", "", href)
    return None if href in (label, "") or bare == label else bare
