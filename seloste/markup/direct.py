"""Texts read without the Markdown parser, where the parser's reading is certain.

Most text fields are a line or a few of words, some with ``*emphasis*``, ``**strong
emphasis**``, a ``code`` span, a backslash escape or a hard line break (two spaces at a line's
end). For those the tree is built here, as the parser would build it, in one pass over the
text: the parser takes time for every such element, and more than linear time for thousands
of them in one paragraph. Anything else (links, lists, entities, underscores, emphasis that
touches other marks) goes to the parser. ``tests/test_markup_direct.py`` holds every reading
here to the parser's own on thousands of generated texts made to sit on the edges.
"""

from __future__ import annotations

import re

from seloste.markup.tree import Text

# Characters that begin some Markdown the parser keeps: emphasis, code, links, autolinks,
# entities, escapes.
_SYNTAX = r"\\`*_\[\]<>&"

# A line of a paragraph: it neither starts with a space nor begins a list ("- x", "* x").
_LINE = re.compile(r"(?![ \t]|[-+*](?:[ \t]|$)).+")

_TOKEN = re.compile(
    rf"(?P<text>[^{_SYNTAX}]+)"
    # A backslash before one of these characters is the character itself.
    r"|\\(?P<escaped>[-\\`*_{}\[\]()>#+.!])"
    # A code span between single backticks; its content neither starts nor ends with a space
    # or a backtick.
    r"|`(?P<code>[^\s`](?:[^`]*[^\s`])?)`(?!`)"
    # Emphasis around words that neither start nor end with a space and hold no syntax, with
    # no other asterisk or backslash right beside it.
    rf"|(?<![*\\])(?P<mark>\*\*?)(?P<emphasised>[^\s{_SYNTAX}](?:[^{_SYNTAX}]*[^\s{_SYNTAX}])?)(?P=mark)(?!\*)"
)
_TAGS = {"*": "em", "**": "strong"}


def read(source: str) -> Text | None:
    """``source`` read as the parser would read it, or None where that is not certain."""
    if not source or not source.replace("\n", "").isprintable():
        return None
    lines = source.split("\n")
    nodes: list = []
    words: list[str] = []  # the text since the last element, joined when one comes
    for number, line in enumerate(lines):
        last = number == len(lines) - 1
        broken = not last and line.endswith("  ")
        if broken:
            line = line[:-2]
        elif last:
            line = line.rstrip(" ")  # the paragraph ends at its last word
        if not _LINE.fullmatch(line) or line.endswith((" ", "\\")):
            return None
        if number and not _after_break(nodes, words):
            words.append(" ")
        at = 0
        while at < len(line):
            token = _TOKEN.match(line, at)
            if token is None:
                return None
            kind = token.lastgroup
            if kind == "text":
                words.append(token.group("text"))
            elif kind == "escaped":
                words.append(token.group("escaped"))
            else:
                if words:
                    nodes.append(("#text", "".join(words)))
                    words = []
                if kind == "code":
                    nodes.append(("code", (), (("#text", token.group("code")),)))
                else:
                    nodes.append((_TAGS[token.group("mark")], (), (("#text", token.group("emphasised")),)))
            at = token.end()
        if broken:
            if words:
                nodes.append(("#text", "".join(words)))
                words = []
            nodes.append(("br", (), ()))
    if words:
        nodes.append(("#text", "".join(words)))
    return Text((("p", (), tuple(nodes)),), source)


def _after_break(nodes: list, words: list) -> bool:
    """True when the line before ended in a hard break, so the line end is no space."""
    return not words and bool(nodes) and nodes[-1][0] == "br"
