"""Wording fixes: a change of punctuation, capitals, spacing, markup or a typo, not of meaning."""

from __future__ import annotations

import re
import typing

from seloste import markup

from seloste.notice.words import shorten

if typing.TYPE_CHECKING:
    from seloste.blocks import Item

WORD = re.compile(r"\w+")
_SHIELDED = re.compile(r"\d|@")
_SHIELDED_TOKEN = re.compile(r"\d|@|://|^www\.")


def same_characters(old: str, new: str) -> bool:
    """True when two values differ only in spacing."""
    return old.split() == new.split()


def is_wording_fix(before: Item, after: Item, spelling: bool = True) -> bool:
    """True when a text changed only in punctuation, capitals, spacing, markup, a split or joined
    word, or (with ``spelling``) spelling: the same words in the same order, each changed one by
    at most one letter (two in words of seven letters or more), no number, address or link target
    changed."""
    old_source = dict(before.attributes).get("source", before.key)
    new_source = dict(after.attributes).get("source", after.key)
    if markup.link_targets(old_source) != markup.link_targets(new_source):
        return False
    if _shielded(before.text) != _shielded(after.text):
        return False
    old_words, new_words = WORD.findall(before.text.casefold()), WORD.findall(after.text.casefold())
    if old_words == new_words or "".join(old_words) == "".join(new_words):
        return True
    if len(old_words) != len(new_words) or not spelling:
        return False
    for old_word, new_word in zip(old_words, new_words):
        if old_word == new_word:
            continue
        if _SHIELDED.search(old_word) or _SHIELDED.search(new_word):
            return False
        typos = 1 if max(len(old_word), len(new_word)) < 7 else 2
        if _edit_distance(old_word, new_word, typos) > typos:
            return False
    return True


def _shielded(text: str) -> list[str]:
    """The numbers, addresses and links of a text, which a wording fix may not change."""
    return [token.strip(".,;:!?()\"'”") for token in text.split() if _SHIELDED_TOKEN.search(token)]


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance with adjacent transpositions (a swapped pair of letters is one typo),
    exact up to ``limit``; ``limit + 1`` for anything more.

    Only the band of ``limit`` cells either side of the diagonal is computed (Ukkonen): an
    alignment that strays further costs more than ``limit``. Time ``O(len(a) * limit)``.
    """
    far = limit + 1
    if abs(len(a) - len(b)) > limit:
        return far
    width = 2 * limit + 1
    # row[d] is the distance between a[:i] and b[:i + d - limit]; far outside the strings.
    earlier: list[int] = []
    row = [min(d - limit, far) if 0 <= d - limit <= len(b) else far for d in range(width)]
    for i in range(1, len(a) + 1):
        current = [far] * width
        for d in range(width):
            j = i + d - limit
            if j < 0 or j > len(b):
                continue
            if j == 0:
                current[d] = min(i, far)
                continue
            best = row[d] + (a[i - 1] != b[j - 1])
            if d + 1 < width and row[d + 1] + 1 < best:
                best = row[d + 1] + 1
            if d and current[d - 1] + 1 < best:
                best = current[d - 1] + 1
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1] and earlier[d] + 1 < best:
                best = earlier[d] + 1
            current[d] = min(best, far)
        earlier, row = row, current
    return row[len(b) - len(a) + limit]


def excerpt(old: str, new: str, context: int = 3) -> str:
    """The changed words of a text with a few words around them: ``”… kauan, kun se …” → ”… kauan kuin se …”``."""
    a, b = old.split(), new.split()
    if not a:
        return f"lisätty ”{shorten(new, 100)}”"
    if not b:
        return f"poistettu ”{shorten(old, 100)}”"
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1

    def piece(words: list[str]) -> str:
        first, last = max(0, start - context), len(words) - max(0, end - context)
        shown = " ".join(words[first:last])
        return ("… " if first else "") + shorten(shown, 100) + (" …" if last < len(words) else "")

    return f"”{piece(a)}” → ”{piece(b)}”"
