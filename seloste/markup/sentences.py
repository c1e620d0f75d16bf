"""A paragraph split into sentences: Finnish abbreviations, numbers and initials do not end one."""

from __future__ import annotations

import re

# A sentence ends at . ! ? followed by one space and a capital letter or digit, unless the
# word before is a known abbreviation, a number (an ordinal: "1. kohta"), an initial or §.
_SENTENCE_END = re.compile(r"(?<=[.!?]) (?=[\"”'(]?[A-ZÅÄÖ0-9])")
# The word before a candidate end is the run of characters up to it that are not whitespace
# or "(": only that word is matched, so the split takes time linear in the paragraph.
_WORD_BEFORE_END = re.compile(r"[^\s(]+")
_NO_SENTENCE_END = re.compile(
    r"(?:esim|mm|ns|ym|yms|jne|ks|vrt|eli|n|s|ts|tms|em|ao|huom|nro|puh|klo|os|kpl|v|ed|engl|ruots|lat|oy|ab|ry|ltd|inc|co|§|\d+|[A-ZÅÄÖ])\.",
    re.IGNORECASE,
)


def split_sentences(value: str) -> list[str]:
    """Split a paragraph's text into sentences (Finnish abbreviations do not end one)."""
    pieces: list[str] = []
    start = 0
    # The words in order, read alongside the candidates: each character is looked at once.
    words = _WORD_BEFORE_END.finditer(value)
    word = None
    for match in _SENTENCE_END.finditer(value):
        end = match.start()  # a candidate follows a full stop, "!" or "?": a word ends here
        while word is None or word.end() < end:
            word = next(words)
        if _NO_SENTENCE_END.fullmatch(value, word.start(), end):
            continue
        pieces.append(value[start:end])
        start = match.end()
    pieces.append(value[start:])
    return pieces
