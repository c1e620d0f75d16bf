"""What a diff reports: the two sides compared, each change, the text diff's rows and hunks."""

from __future__ import annotations

import dataclasses

ADDED = "added"
REMOVED = "removed"
CHANGED = "changed"
MOVED = "moved"
ALL = frozenset({ADDED, REMOVED, CHANGED})
VERBS = {ADDED: "lisätty", REMOVED: "poistettu", CHANGED: "muutettu", MOVED: "siirretty"}

NOUNS = {
    "register": "seloste",
    "controller_field": "yhteystieto",
    "dpo_field": "tietosuojavastaavan yhteystieto",
    "joint_controller": "yhteisrekisterinpitäjä",
    "arrangement": "yhteisrekisterinpitäjyyden järjestely",
    "research_leader": "tutkimuksen vastuullinen johtaja",
    "research_party": "tutkimuksen osapuoli",
    "after_study": "aineiston käsittely tutkimuksen jälkeen",
    "intro": "johdanto",
    "notes": "lisätiedot",
    "group_intro": "tietoryhmän johdanto",
    "list_intro": "luettelon johdanto",
    "purpose": "käsittelyn tarkoitus",
    "register_basis": "kaikkien tarkoitusten oikeusperuste",
    "data_subject": "rekisteröityjen ryhmä",
    "subject_group": "rekisteröityjen ryhmä",
    "subject_intro": "ryhmän johdanto",
    "data_group": "tietoryhmä",
    "data_category": "tieto",
    "source": "tietolähde",
    "recipient": "vastaanottaja",
    "processor": "henkilötietojen käsittelijä",
    "transfer": "siirto EU:n tai ETA:n ulkopuolelle",
    "none": "toteamus",
    "security_item": "suojauskeino",
    "retention_item": "säilytysaika",
    "right": "oikeus",
    "authority": "valvontaviranomainen",
    "provision_kind": "vaatimuksen laji",
    "provision_consequences": "seuraukset",
    "automated_decision": "automaattinen päätöksenteko",
    "custom_section": "oma luku",
    "stated": "teksti",
    "left_behind": "käännös",
    "language": "kieli",
    "translation": "käännös",
    "preamble": "alkuteksti",
    "closing": "lopputeksti",
    "first_layer_part": "tiivistelmän osa",
    "title": "otsikko",
    "register_name": "rekisterin nimi",
    "layout": "rakenne",
    "updated": "päivämäärä",
    "version": "versio",
    "history_entry": "merkintä",
}


class SideError(Exception):
    """One side of a diff cannot be read at all (no such revision, not a git repository...).

    The message is Finnish and names what was asked for.
    """


@dataclasses.dataclass
class Side:
    """One version of the policy folder: its valid registers by id, and the problems of the rest."""

    label: str
    registers: dict
    problems: list
    failed: set = dataclasses.field(default_factory=set)  # ids of registers that did not validate


@dataclasses.dataclass(frozen=True)
class Change:
    """One change of a register, in the words the summary uses."""

    section: str  # the section's title in the notice
    topic: str  # the schema's top-level key, "register" or a meta key
    kind: str  # what changed: purpose, data_category, intro, ...
    action: str  # added, removed, changed or moved
    name: str  # the item, as the notice shows it ("" for a section's intro or notes)
    detail: str  # old and new value, group, position
    material: bool

    @property
    def rule(self) -> str:
        """The rule's stable id, ``topic.kind.action``."""
        return f"{self.topic}.{self.kind}.{self.action}"

    @property
    def description(self) -> str:
        """The change without its section: ``lisätty tieto ”Syntymäaika” (ryhmä ”Asiakastiedot”)``."""
        text = f"{VERBS[self.action]} {NOUNS.get(self.kind, self.kind)}"
        if self.name:
            text += f" ”{self.name}”"
        if self.detail:
            text += f" ({self.detail})"
        return text

    @property
    def summary(self) -> str:
        """``Rekisterin tietosisältö: lisätty tieto ”Syntymäaika” (ryhmä ”Asiakastiedot”)``."""
        return f"{self.section}: {self.description}"

    def as_dict(self) -> dict:
        return {
            "section": self.section, "topic": self.topic, "kind": self.kind, "action": self.action,
            "name": self.name, "detail": self.detail, "class": "material" if self.material else "editorial",
            "rule": self.rule, "summary": self.summary,
        }


@dataclasses.dataclass(frozen=True)
class Row:
    """One paragraph of the text diff.

    ``op`` is equal, delete, insert, change (``segments`` hold the words: (op, text) pairs with
    op equal, delete or insert), moved_from or moved_to.
    """

    op: str
    text: str
    segments: tuple = ()

    @property
    def old_text(self) -> str:
        """The paragraph as it was ("" for an inserted one)."""
        if self.op == "change":
            return "".join(text for op, text in self.segments if op != "insert")
        return "" if self.op in ("insert", "moved_to") else self.text

    @property
    def new_text(self) -> str:
        """The paragraph as it is ("" for a deleted one)."""
        if self.op == "change":
            return "".join(text for op, text in self.segments if op != "delete")
        return "" if self.op in ("delete", "moved_from") else self.text

    def as_dict(self) -> dict:
        if self.op == "change":
            return {"op": self.op, "old": self.old_text, "new": self.new_text,
                    "segments": [list(segment) for segment in self.segments]}
        return {"op": self.op, "text": self.text}


@dataclasses.dataclass(frozen=True)
class Hunk:
    """Changed paragraphs with a paragraph of context, under the heading of their section."""

    section: str
    rows: tuple


@dataclasses.dataclass
class RegisterDiff:
    """What changed in one register."""

    id: str
    name: str
    status: str  # added, removed or changed
    old_path: str
    new_path: str
    changes: list
    hunks: list
    # the rendered text of each other language compared: {language: [Hunk, ...]}, changed ones only
    language_hunks: dict = dataclasses.field(default_factory=dict)

    @property
    def material(self) -> int:
        return sum(change.material for change in self.changes)

    @property
    def editorial(self) -> int:
        return len(self.changes) - self.material

    def as_dict(self) -> dict:
        return {
            "id": self.id, "name": self.name, "status": self.status,
            "old_path": self.old_path or None, "new_path": self.new_path or None,
            "material": self.material, "editorial": self.editorial,
            "changes": [change.as_dict() for change in self.changes],
            "text_diff": [{"section": hunk.section, "rows": [row.as_dict() for row in hunk.rows]}
                          for hunk in self.hunks],
            "text_diff_by_language": {
                code: [{"section": hunk.section, "rows": [row.as_dict() for row in hunk.rows]} for hunk in hunks]
                for code, hunks in self.language_hunks.items()},
        }


@dataclasses.dataclass
class Report:
    """Every changed register between two sides, and the problems found on the way."""

    old: str
    new: str
    registers: list
    problems: list

    @property
    def material(self) -> int:
        return sum(register.material for register in self.registers)

    @property
    def editorial(self) -> int:
        return sum(register.editorial for register in self.registers)

    @property
    def changed(self) -> bool:
        return bool(self.registers)

    def as_dict(self) -> dict:
        return {
            "old": self.old, "new": self.new, "changed": self.changed,
            "material": self.material, "editorial": self.editorial,
            "registers": [register.as_dict() for register in self.registers],
            "problems": [problem.as_dict() for problem in sorted(self.problems)],
        }
