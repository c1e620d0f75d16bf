"""A translators' PO file read strictly: every entry with its line, or every problem at its line.

polib reads PO files leniently: a string without its closing quote, or a line it does not
know, may be taken as something else or passed over. Before polib parses a file, each of its
lines is checked here (a comment, a keyword with one quoted string, a quoted continuation), so
that a damaged file is reported line by line and never half read (T611). The file must be
UTF-8 and say its language in its header (T612); an entry has no plural forms.
"""

from __future__ import annotations

import dataclasses
import re

from seloste.load import unprintable_character
from seloste.problem import ERROR
from seloste.problem import Problem
from seloste.resources import translation_languages

_STRING = r'"(?:[^"\\]|\\[\\"ntrvbf])*"'
_KEYWORD = re.compile(rf"^(?:#~\s*)?(?:msgctxt|msgid|msgid_plural|msgstr(?:\[[0-9]+\])?)\s+{_STRING}$")
_CONTINUATION = re.compile(rf"^(?:#~\s*)?{_STRING}$")
_PREVIOUS = re.compile(rf"^#~?\|\s*(?:(?:msgctxt|msgid|msgid_plural)\s+)?{_STRING}$")
# Characters Python's str.splitlines (which polib uses) reads as line breaks, besides "\n" and "\r".
_OTHER_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_CHARSET = re.compile(r"charset=([\w.:-]+)", re.IGNORECASE)


@dataclasses.dataclass(frozen=True)
class PoEntry:
    """One translation of a PO file: ``msgctxt``, ``msgid`` and ``msgstr``, whether it is marked
    ``fuzzy``, and the lines of its ``msgctxt`` (or ``msgid``) and its ``msgstr``."""

    line: int
    msgstr_line: int
    context: str | None
    msgid: str
    msgstr: str
    fuzzy: bool


@dataclasses.dataclass(frozen=True)
class PoCatalog:
    """A PO file's language (its header's ``Language``) and its entries, in the file's order."""

    path: str
    language: str
    entries: tuple[PoEntry, ...]


def read_po(source: bytes, shown: str) -> tuple[PoCatalog | None, list[Problem]]:
    """A PO file's bytes as a :class:`PoCatalog`, or None and every problem at its line (T611,
    T612). Obsolete entries (``#~``) are passed over."""
    import polib

    if source.startswith(b"\xef\xbb\xbf"):
        source = source[3:]
    try:
        text = source.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = source[:exc.start].count(b"\n") + 1
        return None, [_problem(shown, line, exc.start - source.rfind(b"\n", 0, exc.start),
                               f"tiedosto ei ole UTF-8-merkistöä: virheellinen tavu 0x{source[exc.start]:02X}",
                               "tallenna PO-tiedosto UTF-8-merkistönä")]
    lines = text.split("\n")
    problems = [problem for number, line in enumerate(lines, start=1) for problem in _line_problems(shown, number, line)]
    if problems:
        return None, problems
    try:
        catalog = polib.pofile(text if "\n" in text else text + "\n")
    except (OSError, ValueError) as exc:
        found = re.search(r"line (\d+)", str(exc))
        return None, [_problem(shown, int(found[1]) if found else 1, 1, "rivi ei sovi PO-tiedoston rakenteeseen",
                               "katso rivi ja sitä edeltävät rivit: msgctxt, msgid ja msgstr tulevat tässä järjestyksessä")]
    language, problems = _language(shown, catalog.metadata, lines)
    entries = []
    for entry in catalog:
        if entry.obsolete:
            continue
        line = _keyword_line(lines, max(entry.linenum or 1, 1), ("msgctxt", "msgid"))
        if entry.msgid_plural:
            problems.append(_problem(shown, line, 1, "merkinnällä on monikkomuotoja (msgid_plural)",
                                     "selosteen tekstit käännetään kukin yhtenä tekstinä"))
            continue
        bad = unprintable_character(entry.msgstr)
        msgstr_line = _keyword_line(lines, line, ("msgstr",))
        if bad is not None:
            problems.append(_problem(shown, msgstr_line, 1, f"käännöksessä on merkki U+{ord(bad):04X}, jota ei voi näyttää",
                                     "poista ohjausmerkki käännöksestä"))
            continue
        entries.append(PoEntry(line, msgstr_line, entry.msgctxt, entry.msgid, entry.msgstr, "fuzzy" in entry.flags))
    if problems:
        return None, problems
    return PoCatalog(shown, language, tuple(entries)), []


def _problem(shown: str, line: int, column: int, message: str, hint: str) -> Problem:
    return Problem(shown, line, column, "T611", ERROR, message, hint)


def _line_problems(shown: str, number: int, line: str) -> list[Problem]:
    other = _OTHER_BREAKS.search(line)
    if other:
        return [_problem(shown, number, other.start() + 1, f"rivillä on merkki U+{ord(other.group()):04X}, joka katkaisee rivin",
                         "poista merkki; rivinvaihto kirjoitetaan merkkijonoon muodossa \\n")]
    stripped = line.strip()
    if not stripped or (stripped.startswith("#") and not stripped.startswith(("#|", "#~"))):
        return []
    if stripped.startswith("#~") and not stripped[2:].strip():
        return []
    if stripped.startswith(("#|", "#~|")):
        matched = _PREVIOUS.match(stripped.replace("#~|", "#|", 1))
    else:
        matched = _KEYWORD.match(stripped) or _CONTINUATION.match(stripped)
    if matched:
        return []
    column = len(line) - len(line.lstrip()) + 1
    return [_problem(shown, number, column, "rivi ei ole PO-muotoa",
                     'rivi on kommentti (#), avainsana ja lainausmerkeissä oleva teksti (msgstr "…") tai tekstin '
                     'jatko lainausmerkeissä; lainausmerkki tekstin sisällä kirjoitetaan \\"')]


def _keyword_line(lines: list[str], start: int, keywords: tuple[str, ...]) -> int:
    """The number of the first line from ``start`` (1-based) that starts with one of ``keywords``."""
    for number in range(start, len(lines) + 1):
        if lines[number - 1].lstrip().startswith(keywords):
            return number
    return start


def _language(shown: str, metadata: dict, lines: list[str]) -> tuple[str, list[Problem]]:
    line = next((number for number, text in enumerate(lines, start=1) if '"Language:' in text), 1)
    language = metadata.get("Language", "").strip()
    problems = []
    charset = _CHARSET.search(metadata.get("Content-Type", ""))
    if charset and charset[1].lower().replace("_", "-") not in ("utf-8", "utf8"):
        at = next((number for number, text in enumerate(lines, start=1) if '"Content-Type:' in text), 1)
        problems.append(_problem(shown, at, 1, f"PO-tiedoston merkistö on {charset[1]}, ei UTF-8",
                                 "tallenna PO-tiedosto UTF-8-merkistönä ja kirjoita otsakkeeseen charset=UTF-8"))
    if language not in translation_languages():
        said = f"kieli '{language}' ei ole selosteen käännöskieli" if language else "PO-tiedoston otsake ei kerro kieltä"
        problems.append(Problem(shown, line, 1, "T612", ERROR, said,
                                f"otsakkeessa on oltava rivi \"Language: sv\\n\"; kielet: {', '.join(translation_languages())}"))
    return language, problems
