"""The rendered text of two notices compared paragraph by paragraph, and word by word inside one."""

from __future__ import annotations

import collections
import re

from seloste import sequences
from seloste.diff.changes import window
from seloste.diff.model import Hunk
from seloste.diff.model import Row

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
_WORD_OR_MARK = re.compile(r"\w+|[^\w\s]")


def text_diff(old: str, new: str, headings: set, context: int = 1) -> list[Hunk]:
    """The rendered texts compared paragraph by paragraph, in hunks with ``context`` paragraphs
    around each change, each under the heading of the section it is in."""
    rows = _rows([line for line in old.split("\n") if line.strip()], [line for line in new.split("\n") if line.strip()])
    if all(row.op == "equal" for row in rows):
        return []
    sections, current = [], ""
    for row in rows:
        if row.op in ("equal", "insert", "change", "moved_to"):
            line = row.new_text
            if line in headings or not current:
                current = line
        sections.append(current)
    changed = [index for index, row in enumerate(rows) if row.op != "equal"]
    hunks: list[Hunk] = []
    start = None
    for position, index in enumerate(changed):
        if start is None:
            start = max(0, index - context)
        following = changed[position + 1] if position + 1 < len(changed) else None
        if following is None or following - index > 2 * context + 1:
            end = min(len(rows), index + context + 1)
            hunks.append(Hunk(sections[start], tuple(rows[start:end])))
            start = None
    return hunks


def _rows(a: list[str], b: list[str]) -> list[Row]:
    opcodes = sequences.opcodes(a, b)
    gone = collections.Counter(a[i] for tag, i1, i2, _, _ in opcodes if tag in ("delete", "replace") for i in range(i1, i2))
    came = collections.Counter(b[j] for tag, _, _, j1, j2 in opcodes if tag in ("insert", "replace") for j in range(j1, j2))
    moved_from, moved_to = gone & came, gone & came
    rows: list[Row] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            rows.extend(Row("equal", line) for line in a[i1:i2])
            continue
        old_lines = _marked(a[i1:i2], moved_from, "moved_from", "delete")
        new_lines = _marked(b[j1:j2], moved_to, "moved_to", "insert")
        rows.extend(_pair(old_lines, new_lines))
    return rows


def _marked(lines: list[str], moved: collections.Counter, moved_op: str, op: str) -> list[Row]:
    """The lines as rows: those still counted in ``moved`` as moves (each count used once)."""
    rows = []
    for line in lines:
        if moved[line]:
            moved[line] -= 1
            rows.append(Row(moved_op, line))
        else:
            rows.append(Row(op, line))
    return rows


def _pair(old_rows: list[Row], new_rows: list[Row]) -> list[Row]:
    """Deleted and inserted paragraphs of one block, a similar pair shown as one changed paragraph.

    One paragraph replaced by one is a change when a quarter of its words stayed; among several,
    a paragraph pairs with the most similar later one of which half stayed.
    """
    out: list[Row] = []
    j = 0
    one_for_one = len(old_rows) == len(new_rows) == 1
    inserted = {k: _words_and_marks(row.text) for k, row in enumerate(new_rows) if row.op == "insert"}
    for rank, row in enumerate(old_rows):
        best, best_ratio = None, 0.25 if one_for_one else 0.5
        if row.op == "delete":
            words = _words_and_marks(row.text)
            for k in range(*window(rank, len(old_rows), len(new_rows), low=j)):
                if k in inserted:
                    ratio = sequences.similarity(words, inserted[k], best_ratio)
                    if ratio is not None:
                        best, best_ratio = k, ratio
        if best is None:
            out.append(row)
            continue
        out.extend(new_rows[j:best])
        out.append(Row("change", "", word_diff(row.text, new_rows[best].text)))
        j = best + 1
    out.extend(new_rows[j:])
    return out


def _words_and_marks(text: str) -> sequences.Side:
    return sequences.Side(_WORD_OR_MARK.findall(text))


def word_diff(old: str, new: str) -> tuple:
    """Two versions of a paragraph as (op, text) segments, op equal, delete or insert.

    A space or punctuation mark alone between two changes joins them, so a rewritten phrase
    reads as one deletion and one insertion.
    """
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    pieces: list[tuple[str, str, str]] = []  # (op, old text, new text)
    for tag, i1, i2, j1, j2 in sequences.opcodes(a, b):
        pieces.append(("equal" if tag == "equal" else "change", "".join(a[i1:i2]), "".join(b[j1:j2])))
    for index in range(1, len(pieces) - 1):
        op, text, _ = pieces[index]
        if op == "equal" and len(text) <= 2 and not text.strip(" ").isalnum() \
                and pieces[index - 1][0] == "change" and pieces[index + 1][0] == "change":
            pieces[index] = ("change", text, text)
    segments: list[tuple[str, str]] = []
    deleted = inserted = ""
    for op, old_text, new_text in pieces + [("equal", "", "")]:
        if op == "change":
            deleted += old_text
            inserted += new_text
            continue
        if deleted:
            segments.append(("delete", deleted))
        if inserted:
            segments.append(("insert", inserted))
        deleted = inserted = ""
        if old_text:
            segments.append(("equal", old_text))
    return tuple(segments)
