"""Texts read without the Markdown parser, where the parser's reading is certain.

Most text fields are a line or a few of words, some with ``*emphasis*``, ``**strong
emphasis**``, a ``code`` span, a backslash escape or a hard line break (two spaces at a line's
end). For those the tree is built here, as the parser would build it, in one pass over the
text: the parser takes time for every such element, and more than linear time for thousands
of them in one paragraph. Anything else (lists, numeric character references, links to
addresses that need escaping, emphasis that touches other marks) goes to the parser.
``tests/test_markup_direct.py`` holds every reading here to the parser's own on thousands of
generated texts made to sit on the edges.
"""

from __future__ import annotations

import html
import re

from seloste.markup.tree import Text

# Characters that begin some Markdown the parser keeps: emphasis, code, links, autolinks,
# entities, escapes.
_SYNTAX = r"\\`*_\[\]<>&"
# The characters of an ordinary web address (after its scheme): none that a link's target
# must escape, and "&" where it cannot begin a character reference ("?a=1&b=2", not "&amp;").
_ADDRESS = r"(?:[A-Za-z0-9/.:@%?=+,;~!$'-]|&(?![A-Za-z0-9]*;|#))+"
# Words that neither start nor end with a space and hold no syntax.
_WORDS = rf"[^\s{_SYNTAX}](?:[^{_SYNTAX}]*[^\s{_SYNTAX}])?"

# A line of a paragraph: it does not begin a list ("- x", "* x"); only a later line may start
# with spaces.
_LINE = re.compile(r"(?![ \t]*[-+*](?:[ \t]|$)).+")

_TOKEN = re.compile(
    rf"(?P<text>[^{_SYNTAX}]+)"
    # A backslash before one of these characters is the character itself.
    r"|\\(?P<escaped>[-\\`*_{}\[\]()>#+.!])"
    # A named character reference ("&amp;"), and "&" before anything that could not begin one
    # (the parser's reading of numeric references and of unknown names is left to it).
    r"|(?P<reference>&[A-Za-z][A-Za-z0-9]*;)|(?P<ampersand>&(?![A-Za-z0-9#]))"
    # A code span between single backticks; its content neither starts nor ends with a space
    # or a backtick.
    r"|`(?P<code>[^\s`](?:[^`]*[^\s`])?)`(?!`)"
    # Emphasis around words that neither start nor end with a space and hold no syntax, not
    # right after another asterisk or a backslash (an asterisk after it leaves the rest of
    # the line to the parser); underscores only where no letter or digit touches them on the
    # outside (within a word they are the word's own).
    rf"|(?<![*\\])(?P<star>\*\*?)(?P<starred>{_WORDS})(?P=star)"
    rf"|(?<![\w*\\])(?P<underscore>__?)(?P<underscored>{_WORDS})(?P=underscore)(?![\w*])"
    # A link to an address of ordinary characters, its label words without syntax; not after
    # "!" (an image, which stays as written).
    rf"|(?<!!)\[(?P<label>{_WORDS})\]\((?P<target>(?:https?://|mailto:|tel:|#){_ADDRESS})\)"
    # An address in angle brackets, shown as it is.
    rf"|<(?P<autolink>https?://{_ADDRESS})>"
)
_TAGS = {"*": "em", "**": "strong", "_": "em", "__": "strong"}


def read(source: str) -> Text | None:
    """``source`` read as the parser would read it, or None where that is not certain."""
    if not source or not source.replace("\n", "").isprintable():
        return None
    lines = source.rstrip("\n").split("\n")  # a text block's last line end ends no line of words
    nodes: list = []
    words: list[str] = []  # the text since the last element, joined when one comes
    links: list = []

    def flush() -> None:
        text = "".join(words)
        # Spaces alone between a hard break and an element are no text to the parser.
        if text and not (nodes and nodes[-1][0] == "br" and not text.strip(" ")):
            nodes.append(("#text", text))
        words.clear()

    broken = False  # the line before ended in a hard break: its line end is no space
    for number, line in enumerate(lines):
        if number and not broken:
            words.append(" ")
        last = number == len(lines) - 1
        broken = not last and line.endswith("  ")
        line = line[:-2] if broken else line.rstrip(" ") if last else line  # the paragraph ends at its last word
        if not _LINE.fullmatch(line) or line.endswith((" ", "\\")) or not number and line.startswith(" "):
            return None
        at = 0
        while at < len(line):
            token = _TOKEN.match(line, at)
            if token is None:
                return None
            if token["text"] is not None:
                words.append(token["text"])
            elif token["escaped"] is not None:
                words.append(token["escaped"])
            elif token["ampersand"] is not None:
                words.append("&")
            elif token["reference"] is not None:
                character = html.unescape(token["reference"])
                if character == token["reference"] or not character.isprintable():
                    return None  # no such name, or a character the sanitizer may change
                words.append(character)
            else:
                flush()
                nodes.append(_element(token, links))
            at = token.end()
        if broken:
            flush()
            nodes.append(("br", (), ()))
    flush()
    return Text((("p", (), tuple(nodes)),), source, tuple(links))


def _element(token: re.Match, links: list) -> tuple:
    """The node of a code span, an emphasis or a link (whose target is added to ``links``)."""
    if token["code"] is not None:
        return ("code", (), (("#text", token["code"]),))
    if token["target"] is not None:
        links.append((token["target"], True))
        return ("a", (("href", token["target"]),), (("#text", token["label"]),))
    if token["autolink"] is not None:
        links.append((token["autolink"], True))
        return ("a", (("href", token["autolink"]),), (("#text", token["autolink"]),))
    mark = token["star"] or token["underscore"]
    return (_TAGS[mark], (), (("#text", token["starred"] or token["underscored"]),))
