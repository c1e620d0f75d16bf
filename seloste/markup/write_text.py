"""The tree written out as plain text: the words without markup."""

from __future__ import annotations

from seloste.markup.tree import Text
from seloste.markup.tree import words


def to_text(text: Text, inline: bool = False) -> str:
    """The words without markup: one paragraph or list item a line, blocks apart by a blank line."""
    if inline:
        return words(text.inline)
    return "\n\n".join(_text_block(block) for block in text.blocks)


def _text_block(block) -> str:
    if block[0] == "p":
        return words(block[2])
    lines = []
    for number, item in enumerate(block[2], start=1):
        bullet = f"{number}." if block[0] == "ol" else "-"
        lines.append(f"{bullet} {words(item[2])}")
    return "\n".join(lines)
