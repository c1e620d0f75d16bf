"""Texts read without the Markdown parser, where the parser's reading is certain.

Most text fields are one line of words, some with a word or two in ``*emphasis*`` or
``**strong emphasis**``. For those the tree is built here, as the parser would build it, in
one pass; anything else (links, code, line breaks, lists, escapes, emphasis in any other
position) goes to the parser. ``tests/test_markup_direct.py`` holds every reading here to the
parser's own on thousands of generated texts made to sit on the edges.
"""

from __future__ import annotations

import re

from seloste.markup.tree import Text

# A character that begins some Markdown the parser keeps: emphasis, code, links, autolinks,
# entities, escapes.
_SYNTAX = r"\\`*_\[\]<>&"

# One line, neither starting nor ending with a space, that cannot begin a list ("- x"), with
# no syntax but asterisks, which are read below.
_LINE = re.compile(r"(?![-+ ])[^\\`_\[\]<>&]*(?<! )")

# Emphasis around words that neither start nor end with a space and hold no syntax, with no
# other asterisk right beside it (the parser reads it so wherever it stands, within a word
# too: "a*b*"; marks that touch, "*a**b*", it pairs its own way).
_EMPHASIS = re.compile(rf"(?<!\*)(\*\*?)([^\s{_SYNTAX}](?:[^{_SYNTAX}]*[^\s{_SYNTAX}])?)\1(?!\*)")
_TAGS = {"*": "em", "**": "strong"}


def read(source: str) -> Text | None:
    """``source`` read as the parser would read it, or None where that is not certain."""
    if not source or not source.isprintable() or not _LINE.fullmatch(source):
        return None
    if "*" not in source:
        return Text((("p", (), (("#text", source),)),), source)
    nodes: list = []
    at = 0
    for match in _EMPHASIS.finditer(source):
        if "*" in source[at:match.start()]:
            return None
        if match.start() > at:
            nodes.append(("#text", source[at:match.start()]))
        nodes.append((_TAGS[match.group(1)], (), (("#text", match.group(2)),)))
        at = match.end()
    if "*" in source[at:]:
        return None
    if at < len(source):
        nodes.append(("#text", source[at:]))
    return Text((("p", (), tuple(nodes)),), source)
