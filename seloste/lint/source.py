"""Where words stand in a register's file: the notice's texts, their links, and the line and
column of any words inside a text.

Lint's rules read the notice's texts here (:func:`texts`, one walk of the register, settings
left out) and place a finding inside a long text (a repealed law named in the third line of
a folded paragraph) at its own line by looking the words up in the file's source
(:func:`text_positions`). :func:`per_register` remembers an answer for the register lint is
working through.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator

# Top-level keys whose values lint does not read as the notice's texts: its own settings, and
# the register's own wording of labels and names (``wording.labels.website`` is the word
# before a web address, not one).
_NOT_TEXT = frozenset({"lint", "wording"})
# Fields that are an address themselves, which the notice links and the rules check as such:
# never read for links in them (with ``autolink: true`` each would be one, found twice).
_ADDRESS_FIELDS = frozenset({"email", "website"})


def per_register(function):
    """Remember ``function``'s answer for the register it was last asked about.

    Many rules ask the same question of one register in a row (its texts, its links, where
    its nodes stand), and lint goes through registers one at a time.
    """
    last: dict = {}

    @functools.wraps(function)
    def remembered(register):
        document = register.document
        if last.get("document") is not document:
            last.clear()
            last["answer"] = function(register)
            last["document"] = document
        return last["answer"]

    return remembered


@per_register
def texts(register) -> tuple[tuple[tuple, str], ...]:
    """(path, text) of every text value of the notice, in file order; settings are left out."""
    found: list[tuple[tuple, str]] = []

    def walk(value, path):
        if isinstance(value, str):
            found.append((path, value))
        elif isinstance(value, dict):
            for key, sub in value.items():
                if (path or key not in _NOT_TEXT) and key != "states":  # the facts a text declares are names
                    walk(sub, path + (key,))
        elif isinstance(value, list):
            for index, sub in enumerate(value):
                walk(sub, path + (index,))

    walk(register.data, ())
    return tuple(found)


@per_register
def all_text(register) -> str:
    """Every text of the notice in one string (lines apart), to rule out a search quickly."""
    return "\n".join(value for _path, value in texts(register))


def text_positions(register, path: tuple, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The (line, column) in the file of each ``value[start:end]`` span of the text at ``path``.

    The words are looked up in the source from where the value starts, allowing any line
    break or indentation between words (folded and multi-line scalars). A span that cannot
    be found (written with escapes, say) is placed at the start of the value.
    """
    document = register.document
    value = value_at(register.data, path)
    start = document.position(path)
    source = document.text
    if not source or not isinstance(value, str):
        return [start for _ in spans]
    index = _source_index(register)
    cursor = index.offset(start)
    limit = index.next_offset_after(cursor)
    found = []
    for begin, end in spans:
        pattern = _words_pattern(value[begin:end])
        match = pattern.search(source, cursor, limit) if pattern else None
        if match is None:
            found.append(start)
            continue
        found.append(index.position(match.start()))
        cursor = match.end()
    return found


def value_at(data, path: tuple):
    """The value at ``path`` in the register's data (None when there is none)."""
    value = data
    for part in path:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return None
    return value


@per_register
def _source_index(register) -> "_SourceIndex":
    document = register.document
    return _SourceIndex(document.text, [*document.positions.values(), *document.key_positions.values()])


def _words_pattern(fragment: str) -> re.Pattern | None:
    words = fragment.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(word) for word in words))


class _SourceIndex:
    """Line starts and the offsets of every recorded node of one source text."""

    def __init__(self, source: str, positions: list):
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", source)]
        self.length = len(source)
        self.node_offsets = sorted(self.offset(position) for position in positions)

    def offset(self, position: tuple[int, int]) -> int:
        line, column = position
        line = min(max(line, 1), len(self.line_starts))
        return min(self.line_starts[line - 1] + max(column, 1) - 1, self.length)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def next_offset_after(self, offset: int) -> int:
        """The offset of the first recorded node after ``offset`` (the end of the value there)."""
        index = bisect.bisect_right(self.node_offsets, offset)
        return self.node_offsets[index] if index < len(self.node_offsets) else self.length


def values_under_key(register, key: str) -> Iterator[tuple[tuple, str]]:
    """(path, value) of every text value stored under a mapping key named ``key``."""
    for path, value in texts(register):
        if path and path[-1] == key:
            yield path, value


def link_targets(register, scheme: tuple[str, ...]) -> Iterator[tuple[tuple, tuple[int, int], str]]:
    """(path, (start, end), target) of every Markdown link in the notice's texts whose
    target starts with one of ``scheme`` (``"mailto:"``, ``"tel:"``, ``"https://"`` ...)."""
    for path, span, target in _links(register):
        if target.lower().startswith(scheme):
            yield path, span, target


@per_register
def _links(register) -> tuple:
    """(path, span in the text, target) of every link, as the parse that renders the notice reads them."""
    from seloste.markup import markdown
    from seloste.markup import may_have_links

    autolink = register.data.get("autolink") is True
    found = []
    for path, value in texts(register):
        if path[-1] in _ADDRESS_FIELDS or not may_have_links(value, autolink):
            continue
        cursor = 0
        for target, _ in markdown(value, autolink).links:
            written = _as_written(value, target, cursor)
            if written is None:
                continue  # written with escapes: no span to point at
            start, cursor = written
            found.append((path, (start, cursor), target))
    return tuple(found)


def _as_written(value: str, target: str, cursor: int) -> tuple[int, int] | None:
    """(start, end) of a link's target in its text from ``cursor`` on: the target, or for an
    e-mail link written as its address (``<a@b.fi>``) the address; None when it is not there."""
    for written in (target, target[len("mailto:"):] if target.lower().startswith("mailto:") else None):
        start = value.find(written, cursor) if written else -1
        if start >= 0:
            return start, start + len(written)
    return None
