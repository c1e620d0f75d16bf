"""What the two rules on numbered cross-references share: the references a notice's texts make
to its sections ("ks. kohta 8", "kohdassa 2 mainitulle"), and the numbers its sections have.

A reference is linked when it is the words of a link to a section on the page
(``[kohta 8](#oikeudet)``): the link names the section, so its number can be checked against
the number the section has now (:mod:`.rules.reference_numbers`). An unlinked one names only a
number, which goes stale when a section is added, moved or left out
(:mod:`.rules.unlinked_references`).

The numbers are the notice's own: the register is laid out (:func:`seloste.notice.build_notice`)
to know which sections it shows and how they are numbered, since that is decided in one place.
"""

from __future__ import annotations

import dataclasses
import re

from seloste.lint.source import all_text
from seloste.lint.source import text_positions
from seloste.lint.source import texts

# "kohta" in the cases a reference to a section takes, then its number: "kohta 8", "kohdassa 2",
# "kohtaan 3", "kohdista 4" ... A number that goes on ("kohta 8.2", "kohta 8,5") is not one.
_REFERENCE = re.compile(
    r"\b(koh(?:ta|taa|taan|tana|dan|dassa|dasta|dalla|dalta|dalle|daksi|dat|tien|tia|dissa|dista|tiin))"
    r"\s+([0-9]+)(?![0-9]|[.,][0-9])",
    re.IGNORECASE,
)
_MAYBE = re.compile(r"koh[td]", re.IGNORECASE)
# A section title that carries its own number: "3. Henkilötietojen käsittelyn tarkoitus".
_NUMBERED_TITLE = re.compile(r"([0-9]+)\.\s")


@dataclasses.dataclass(frozen=True)
class Reference:
    """One reference to a section by its number, where it stands in the register file."""

    words: str  # as the notice shows them: "kohdassa 2"
    number: str  # "2"
    section: str | None  # the id it links to (``#tarkoitukset`` -> "tarkoitukset"), or None
    position: tuple[int, int]  # (line, column) in the file


@dataclasses.dataclass(frozen=True)
class Numbering:
    """The notice's sections as references meet them: every id it shows, and each one's number."""

    ids: tuple[str, ...]
    numbers: dict  # section id -> its number, for the sections that have one

    @property
    def numbered(self) -> bool:
        """True when the notice numbers its sections, by its layout or in its own titles."""
        return bool(self.numbers)

    def section_numbered(self, number: str) -> str | None:
        """The id of the section whose number is ``number``, or None."""
        return next((section_id for section_id, has in self.numbers.items() if has == number), None)


def references(register) -> list[Reference]:
    """Every reference to a section by number in the notice's texts, in file order."""
    if not _MAYBE.search(all_text(register)):
        return []
    from seloste.markup import markdown

    found = []
    for path, value in texts(register):
        if not _MAYBE.search(value):
            continue
        made = []  # (words, number, section) in the order the text says them
        _collect(markdown(value).blocks, None, made)
        cursor, spans = 0, []
        for words, _number, _section in made:
            match = re.compile(r"\s+".join(re.escape(part) for part in words.split())).search(value, cursor)
            spans.append((match.start(), match.end()) if match else (0, 0))
            cursor = match.end() if match else cursor
        for (words, number, section), position in zip(made, text_positions(register, path, spans)):
            found.append(Reference(" ".join(words.split()), number, section, position))
    return found


def _collect(nodes, section: str | None, found: list) -> None:
    """The references in a text's tree: in plain words (``section`` None) and in the words of a
    link to a place on the page (``section`` its id). Code spans and other links are not read."""
    for node in nodes:
        if node[0] == "#text":
            found.extend((match.group(0), match.group(2), section) for match in _REFERENCE.finditer(node[1]))
        elif node[0] == "a":
            href = dict(node[1]).get("href", "")
            if href.startswith("#") and section is None:
                _collect(node[2], href[1:], found)
        elif node[0] not in ("code", "br"):
            _collect(node[2], section, found)


_LAST: dict = {}


def numbering(register) -> Numbering:
    """The sections of the register's notice, as it is laid out, and their numbers."""
    if _LAST.get("document") is register.document:
        return _LAST["numbering"]
    from seloste.notice import build_notice

    sections = build_notice(register.id, register.data).sections
    numbers = {}
    for section in sections:
        own = _NUMBERED_TITLE.match(section.title)
        if section.number or own:
            numbers[section.id] = section.number or own.group(1)
    ids = tuple(section.id for section in sections) + (("muutoshistoria",) if register.data.get("history") else ())
    _LAST.clear()
    _LAST.update(document=register.document, numbering=Numbering(ids, numbers))
    return _LAST["numbering"]
