"""The tree written out as plain text: the words without markup."""

from __future__ import annotations

from seloste.markup.tree import Text
from seloste.markup.tree import item_parts
from seloste.markup.tree import words


def to_text(text: Text, inline: bool = False) -> str:
    """The words without markup: one paragraph or list item a line, blocks apart by a blank
    line; what is under a list item (its further paragraphs, its sub-lists) is indented to
    the item's words."""
    if inline:
        return words(text.inline)
    return "\n\n".join(_text_block(block) for block in text.blocks)


def _text_block(block) -> str:
    if block[0] == "p":
        return words(block[2])
    lines = []
    for number, item in enumerate(block[2], start=1):
        bullet = f"{number}." if block[0] == "ol" else "-"
        line, under = item_parts(item)
        lines.append(f"{bullet} {words(line)}")
        indent = " " * (len(bullet) + 1)
        lines.extend(indent + shown for sub in under for shown in _text_block(sub).split("\n"))
    return "\n".join(lines)
