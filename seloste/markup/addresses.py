"""Bare web and e-mail addresses in a text's words made links, for a register that asks so.

A register with ``autolink: true`` has ``https://esimerkki.fi/sivu`` and
``tietosuoja@esimerkki.fi`` written as they are shown as links, as GitHub's Markdown shows
them. The addresses are found in the words of the tree the parse gives (after escapes and
character references, as a reader sees them), never inside a link or a code span, and become
the same link nodes ``<https://…>`` gives: the tree's writers, validation and lint see no
difference. Punctuation after an address (``.``, ``,``, ``)`` without its ``(``, quotes) is
no part of it.
"""

from __future__ import annotations

import re

from seloste.markup.tree import Text

# A web address: http or https, then anything but whitespace, the characters a link target
# may not hold (``"<>`` and the backtick), brackets and backslashes; not inside a word or
# another address.
_WEB = r"(?<![\w@/.+-])https?://[^\s\"<>`\[\]\\\x00-\x1f\x7f]+"
# An e-mail address, with or without "mailto:" before it: ASCII only, so that a word of
# Finnish letters is never cut to its ASCII end.
_MAIL = r"(?<![\w.+%/-])(?:mailto:)?[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?![\w-])"
_ADDRESS = re.compile(f"(?P<web>{_WEB})|(?P<mail>{_MAIL})", re.IGNORECASE)
# What ends a sentence or a quotation after an address rather than belonging to it.
_TRAILING = ".,:;!?'*_~”’»…"


def may_hold(source: str) -> bool:
    """False where ``source`` can hold no bare address (no "://", no "@")."""
    return "://" in source or "@" in source


def linked(text: Text) -> Text:
    """``text`` with each bare address in its words a link (``text`` itself when it has none).

    :attr:`~seloste.markup.tree.Text.links` lists the new links among the parser's in the
    order they are written.
    """
    if not may_hold(text.source):
        return text
    parsed = iter(text.links)
    # The parser's links pair with the tree's link nodes one by one, unless the sanitizer took
    # a link out whole; then the new ones go after the parser's.
    paired = _count_links(text.blocks) == len(text.links)
    links: list = []
    found = []

    def walk(nodes) -> tuple:
        out: list = []
        for node in nodes:
            if node[0] == "#text":
                out.extend(_split(node[1], links, found))
            elif node[0] == "a":
                if paired:
                    links.append(next(parsed))
                out.append(node)
            elif node[0] in ("code", "br"):
                out.append(node)
            else:
                out.append((node[0], node[1], walk(node[2])))
        return tuple(out)

    blocks = walk(text.blocks)
    if not found:
        return text
    if not paired:
        links[:0] = text.links
    return Text(blocks, text.source, tuple(links), text.deep_list)


def _split(words: str, links: list, found: list) -> list:
    """The nodes of a run of words: text, and a link for each address in it."""
    nodes: list = []
    at = 0
    for match in _ADDRESS.finditer(words):
        address = _without_trailing(match.group())
        if match["web"] is not None and not re.match(r"https?://[^/?#]", address, re.IGNORECASE):
            continue  # nothing after the scheme
        if match.start() > at:
            nodes.append(("#text", words[at:match.start()]))
        target = address if match["web"] is not None or address.lower().startswith("mailto:") else f"mailto:{address}"
        nodes.append(("a", (("href", target),), (("#text", address),)))
        links.append((target, True))
        found.append(target)
        at = match.start() + len(address)
    if not nodes:
        return [("#text", words)]
    if at < len(words):
        nodes.append(("#text", words[at:]))
    return nodes


def _without_trailing(address: str) -> str:
    """The address without the punctuation after it: ``.``, ``,``, quotes and a ``)`` that
    closes no ``(`` of the address (``https://fi.wikipedia.org/wiki/A_(b)`` keeps its own)."""
    while address:
        last = address[-1]
        if last in _TRAILING or last == ")" and address.count(")") > address.count("("):
            address = address[:-1]
        else:
            break
    return address


def _count_links(nodes) -> int:
    count = 0
    for node in nodes:
        if node[0] == "a":
            count += 1
        elif node[0] != "#text":
            count += _count_links(node[2])
    return count
