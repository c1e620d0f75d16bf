"""The tree written out as CommonMark: every character a reader could take for syntax escaped,
one sentence a line inside paragraphs (semantic line breaks)."""

from __future__ import annotations

import re
import unicodedata

from seloste.markup.sentences import split_sentences
from seloste.markup.tree import Text
from seloste.markup.tree import item_parts
from seloste.markup.tree import words

_MD_ESCAPE = re.compile(r"([\\`*_\[\]<>&~|])")
_LINE_START = re.compile(r"^([ \t]*)(?:([#>+=-])|(\d{1,9})([.)]))")
# Any whitespace but a line break: CommonMark readers strip Unicode spaces (no-break space,
# ideographic space ...) from the ends of paragraphs, headings and table cells, not only " ".
_EDGE_SPACE = re.compile(r"^[^\S\n]+|[^\S\n]+$")


def escape_markdown(value: str) -> str:
    """Escape text so that a CommonMark (or GFM) parser shows it literally on one line."""
    return _MD_ESCAPE.sub(r"\\\1", value)


def _protect_edges(value: str) -> str:
    """Whitespace at the very start or end of a paragraph survives as character references."""
    return _EDGE_SPACE.sub(lambda m: "".join(f"&#{ord(c)};" for c in m.group(0)), value)


def plain_markdown(value: str) -> str:
    """A plain field as CommonMark that shows it literally wherever a template puts it.

    Besides what :func:`escape_markdown` escapes, every ``#`` is escaped (a heading would take
    a trailing ``#`` run for its closing sequence) and whitespace at either end is kept as
    character references (headings, table cells and ``**`` emphasis drop or refuse it).
    """
    return _protect_edges(escape_markdown(value).replace("#", "\\#"))


def to_markdown(text: Text, inline: bool = False) -> str:
    """The text as CommonMark: one sentence a line inside paragraphs (semantic line breaks)."""
    if inline:
        return _md_inline(text.inline, split=False)
    return "\n\n".join(_md_block(block) for block in text.blocks)


def _md_block(block) -> str:
    if block[0] == "p":
        return _md_inline(block[2], split=True)
    lines = []
    for number, item in enumerate(block[2], start=1):
        bullet = f"{number}." if block[0] == "ol" else "-"
        line, under = item_parts(item)
        shown = f"{bullet} {_md_inline(line, split=False)}"
        if under:
            lines.append(_md_item_with_blocks(shown if line else bullet, bool(line), len(bullet) + 1, under))
        else:
            lines.append(shown)
    return "\n".join(lines)


def _md_item_with_blocks(first: str, has_line: bool, width: int, under: tuple) -> str:
    """A list item (its ``first`` line, which ``has_line`` unless it is the marker alone) and
    the blocks under it, each line of them indented to the item's words (``width``), as
    CommonMark reads a list item's content: a sub-list right under the line above it, a
    paragraph after a blank line. A sub-list that starts with an empty item comes after a
    blank line too, below words: an empty item cannot interrupt a paragraph, and its marker
    under the line would make that line a heading."""
    parts = [first]
    previous = "line"
    for block in under:
        starts_empty = block[0] != "p" and bool(block[2]) and not item_parts(block[2][0])[0]
        apart = block[0] == "p" or previous != "line" or starts_empty and has_line
        parts.append("\n\n" if apart else "\n")
        parts.append(_md_block(block))
        previous = block[0]
    indent = " " * width
    return "\n".join(indent + row if index and row else row
                     for index, row in enumerate("".join(parts).split("\n")))


def to_markdown_cell(text: Text) -> str:
    """The text as the content of a pipe-table cell: on one line, with every pipe escaped.

    A table splits its rows into cells before any inline Markdown is read, so a pipe in a code
    span or a link target would end the cell, and a hard line break would end the row (it
    becomes a space, as in the plain text).
    """
    return _md_inline(text.inline, split=False, cell=True)


def _md_inline(nodes, split: bool, cell: bool = False) -> str:
    joined = _protect_edges(_join_emphasis(_md_parts(nodes, split, cell)))
    return "\n".join(_escape_line_start(line) for line in joined.split("\n"))


def _md_parts(nodes, split: bool, cell: bool, within: frozenset = frozenset()) -> list:
    """Markdown for inline nodes: strings, and :class:`_Emphasis` whose marks are decided later."""
    parts: list = []
    for node in nodes:
        if node[0] == "#text":
            pieces = split_sentences(node[1]) if split else [node[1]]
            parts.append("\n".join(escape_markdown(piece) for piece in pieces))
        elif node[0] == "br":
            parts.append(" " if cell else "\\\n")
        elif node[0] in ("em", "strong"):
            inner = _md_parts(node[2], split=False, cell=cell, within=within | {node[0]})
            # Emphasis inside the same emphasis adds nothing, and its marks would run together.
            if node[0] in within:
                parts.extend(inner)
            else:
                parts.append(_Emphasis("*" if node[0] == "em" else "**", inner))
        elif node[0] == "code":
            content = words(node[2])
            if not content.strip():
                # CommonMark has no empty code span, and one of only spaces shows fewer of them.
                parts.append(escape_markdown(content))
                continue
            fence = "`" * (max((len(run) for run in re.findall(r"`+", content)), default=0) + 1)
            pad = " " if content.startswith("`") or content.endswith("`") or content.startswith(" ") else ""
            if cell:
                content = content.replace("|", "\\|")
            parts.append(f"{fence}{pad}{content}{pad}{fence}")
        elif node[0] == "a":
            href = dict(node[1]).get("href", "")
            # Inside <...> CommonMark reads backslash escapes: double each backslash so that the
            # address is the one the HTML links to.
            target = (href.replace("\\", "\\\\").replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
                      .replace("\n", "%0A"))
            if cell:
                target = target.replace("|", "%7C")
            parts.append(f"[{_md_inline(node[2], split=False, cell=cell)}](<{target}>)")
        else:
            parts.extend(_md_parts(node[2], split=False, cell=cell, within=within))
    return parts


class _Emphasis(tuple):
    """``(mark, parts)``: emphasis whose marks are written only where CommonMark would read them."""

    def __new__(cls, mark: str, parts: list):
        return super().__new__(cls, (mark, parts))


def _join_emphasis(parts: list) -> str:
    """The parts joined; an emphasis keeps its ``*`` marks only if they open and close there.

    CommonMark reads ``*`` as emphasis only when the run is left-flanking (to open) or
    right-flanking (to close), which depends on the characters on both sides: ``C**:**``
    stays literal. Where the marks would not be read, the words go without them, so that
    no asterisk appears that the editor did not write.
    """
    pending = [part for part in reversed(parts) if part]  # the parts still to join, the next one last
    out = ""
    while pending:
        part = pending.pop()
        if not isinstance(part, _Emphasis):
            out += part
            continue
        mark, inner_parts = part
        inner = _join_emphasis(inner_parts)
        before = out[-1] if out else " "
        following = pending[-1] if pending else " "
        after = (following[0] if isinstance(following, _Emphasis) else following)[0]  # an emphasis opens with its mark
        opens = inner and not _md_space(inner[0]) and (not _md_punctuation(inner[0]) or _md_space(before)
                                                       or _md_punctuation(before))
        closes = inner and not _md_space(inner[-1]) and (not _md_punctuation(inner[-1]) or _md_space(after)
                                                         or _md_punctuation(after))
        # Marks right beside another emphasis's join its run ("**a****b**", "*a *b**"); only
        # one emphasis around a whole one of the other kind ("***a***") reads back as written.
        lead = len(inner) - len(inner.lstrip("*"))
        trail = len(inner) - len(inner.rstrip("*")) if _ends_in_delimiter(inner) else 0
        nested = (lead == trail and lead + len(mark) == 3) if lead or trail else True
        apart = nested and not _ends_in_delimiter(out) and after != "*"
        if opens and closes and apart:
            out += f"{mark}{inner}{mark}"
        else:
            # Without its marks, the words (and any emphasis within) are read here, among
            # their real neighbours.
            pending.extend(part for part in reversed(inner_parts) if part)
    return out


def _ends_in_delimiter(markdown: str) -> bool:
    """True when ``markdown`` ends with a ``*`` that is not backslash-escaped."""
    if not markdown.endswith("*"):
        return False
    index = len(markdown) - 2
    while index >= 0 and markdown[index] == "\\":  # the backslashes before it, without copying the text
        index -= 1
    return (len(markdown) - 2 - index) % 2 == 0


def _md_space(character: str) -> bool:
    """CommonMark's Unicode whitespace."""
    return character in "\t\n\x0b\x0c\r " or unicodedata.category(character) == "Zs"


def _md_punctuation(character: str) -> bool:
    """CommonMark's Unicode punctuation: ASCII punctuation and the P and S categories."""
    return unicodedata.category(character)[0] in "PS"


def _escape_line_start(line: str) -> str:
    match = _LINE_START.match(line)
    if not match:
        return line
    # Up to three spaces may come before a heading, list or setext underline.
    cut = match.end(1) if match.group(2) else match.end(3)
    return line[:cut] + "\\" + line[cut:]
