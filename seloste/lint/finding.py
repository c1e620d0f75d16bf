"""What every lint rule needs: where a thing stands in the register file, and its texts.

Rules ask questions of a validated register's data; this module turns their answers into
:class:`~seloste.problem.Problem` objects at the right line and column. A finding inside a
long text (a repealed law named in the third line of a folded paragraph) is placed at its
own line by looking the words up in the file's source.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator

from seloste import resources
from seloste.load import as_list
from seloste.problem import Problem

# The register's top-level topics in the order a notice tells them (the schema's order).
# A missing topic is reported at the nearest topic before it that the register has.
TOPIC_ORDER = resources.topic_order()
# Settings, not notice text: never scanned for words (an ignore's reason may quote the law).
# Top-level keys whose values lint does not read as the notice's texts: its own settings, and
# the register's own wording of labels and names (``wording.labels.website`` is the word
# before a web address, not one).
_NOT_TEXT = frozenset({"lint", "wording"})


def problem_at(register, path: tuple, code: str, level: str, message: str, hint: str = "",
               key: bool = False) -> Problem:
    """A problem at the value (or, with ``key``, the key) found at ``path`` in the register."""
    line, column = register.document.position(path, key=key)
    return Problem(register.path, line, column, code, level, message, hint)


def problem_at_position(register, position: tuple[int, int], code: str, level: str, message: str,
                        hint: str = "") -> Problem:
    """A problem at an explicit (line, column) of the register's file."""
    return Problem(register.path, position[0], position[1], code, level, message, hint)


def missing_topic_position(register, topic: str) -> tuple[int, int]:
    """Where to report that ``topic`` is missing: the key of the nearest earlier topic present.

    Returns (line, column); the first key of the file when no earlier topic is present.
    """
    return register.document.position((_topic_before(register, topic),), key=True)


def missing_topic(register, topic: str, code: str, level: str, message: str, contents: str) -> Problem:
    """The problem that ``topic`` is missing, at :func:`missing_topic_position`, hinting to add
    ``topic:`` after the nearest earlier topic with ``contents`` under it."""
    before = _topic_before(register, topic)
    line, column = register.document.position((before,), key=True)
    return Problem(register.path, line, column, code, level, message,
                   f"lisää kohdan '{before}' jälkeen '{topic}:' ja sen alle {contents}")


def _topic_before(register, topic: str) -> str:
    data = register.data
    index = TOPIC_ORDER.index(topic) if topic in TOPIC_ORDER else len(TOPIC_ORDER)
    for name in reversed(TOPIC_ORDER[:index]):
        if name in data:
            return name
    return next(iter(data))


def has_text(value: dict, *names: str) -> bool:
    """True when ``value`` has any of the content keys ``names`` (default intro and notes)."""
    return any(name in value for name in (names or ("intro", "notes")))


def purposes(register) -> list[tuple[int, object]]:
    """(index, item) of every purpose item; an item is a str or a dict."""
    topic = register.data.get("purposes")
    if not isinstance(topic, dict):
        return []
    return list(enumerate(topic.get("items", [])))


def legal_bases(item) -> list[str]:
    """The legal bases a purpose item names (none for a purpose written as plain text); given
    the ``purposes`` topic itself, the bases it names for every purpose."""
    return as_list(item.get("legal_basis")) if isinstance(item, dict) else []


def right_kinds(register) -> set[str]:
    """The kinds of rights (``access``, ``erasure``, ...) the register lists."""
    topic = register.data.get("rights")
    if not isinstance(topic, dict):
        return set()
    return {item["right"] for item in topic.get("items", []) if isinstance(item, dict) and "right" in item}


def _per_register(function):
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


@_per_register
def texts(register) -> tuple[tuple[tuple, str], ...]:
    """(path, text) of every text value of the notice, in file order; settings are left out."""
    found: list[tuple[tuple, str]] = []

    def walk(value, path):
        if isinstance(value, str):
            found.append((path, value))
        elif isinstance(value, dict):
            for key, sub in value.items():
                if path or key not in _NOT_TEXT:
                    walk(sub, path + (key,))
        elif isinstance(value, list):
            for index, sub in enumerate(value):
                walk(sub, path + (index,))

    walk(register.data, ())
    return tuple(found)


@_per_register
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
    value = _value_at(register.data, path)
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


def _value_at(data, path: tuple):
    value = data
    for part in path:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return None
    return value


@_per_register
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


@_per_register
def _links(register) -> tuple:
    """(path, span in the text, target) of every link, as the parse that renders the notice reads them."""
    from seloste.markup import markdown

    found = []
    for path, value in texts(register):
        if "](" not in value and "<" not in value:
            continue
        cursor = 0
        for target, _ in markdown(value).links:
            start = value.find(target, cursor)
            if start < 0:
                continue  # written with escapes: no span to point at
            cursor = start + len(target)
            found.append((path, (start, cursor), target))
    return tuple(found)


def short(text: str, length: int = 60) -> str:
    """A text cut to ``length`` characters on one line, for quoting in a message."""
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= length else one_line[: length - 1].rstrip() + "…"


def stated_either_way(register, topic: str, code: str, level: str, *, missing: tuple, empty: tuple,
                      contradiction: tuple):
    """The finding, if any, on a topic that must say either what there is or ``none: true``.

    ``missing`` (no such key), ``empty`` (the key says nothing) and ``contradiction``
    (``none: true`` and items) are each the (message, hint) of that finding.
    """
    state = statement(register, topic)
    if state == "missing":
        yield missing_topic(register, topic, code, level, *missing)
    elif state == "empty":
        yield problem_at(register, (topic,), code, level, *empty, key=True)
    elif state == "contradiction":
        yield problem_at(register, (topic, "none"), code, level, *contradiction)


def statement(register, topic: str) -> str:
    """How a register states a topic that may be "none": ``missing`` (no such key),
    ``contradiction`` (``none: true``, or its own sentence, and items), ``none``, ``items`` (in its list
    or its lists of ``groups``), ``text`` (intro or notes only) or ``empty`` (the key says nothing)."""
    value = register.data.get(topic)
    if value is None:
        return "missing"
    listed = value.get("items") or any(group["items"] for group in value.get("groups", []))
    if value.get("none") is True or isinstance(value.get("none"), str):  # true, or said in own words
        return "contradiction" if listed else "none"
    if listed:
        return "items"
    return "text" if has_text(value) else "empty"
