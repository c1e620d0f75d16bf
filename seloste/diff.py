"""Stage 6, diff: what changed in the notices between two versions of the policy folder.

Each side (a git revision, the working tree, a file or a folder) is loaded and validated on its
own and rendered with the current code. For every register added, removed or changed the
report holds:

- the changes, found by comparing the registers' structured data item by item (not YAML
  lines), each named in Finnish under the title of its section and classed *material* or
  *editorial* by the rules of ``docs/diff.md`` (the table :data:`MATERIAL` below);
- the rendered plain text compared paragraph by paragraph, word by word inside a changed
  paragraph, a paragraph that only moved shown as a move.

:func:`seloste.diff_format.format_report` writes a report as text, Markdown, JSON or HTML.
Nothing here prints.
"""

from __future__ import annotations

import collections
import dataclasses
import hashlib
import json
import os
import pathlib
import re
import subprocess

from seloste import markup
from seloste import project
from seloste import sequences
from seloste.load import is_register_id
from seloste.problem import WARNING
from seloste.problem import Problem

WORKING_TREE = "työhakemisto"

ADDED = "added"
REMOVED = "removed"
CHANGED = "changed"
MOVED = "moved"
_ALL = frozenset({ADDED, REMOVED, CHANGED})
_VERBS = {ADDED: "lisätty", REMOVED: "poistettu", CHANGED: "muutettu", MOVED: "siirretty"}

# Which actions on which kind of entry are material: (topic, kind) -> actions. Everything else,
# every move and every change that is only a wording fix (see _is_wording_fix) is editorial.
# docs/diff.md explains each row.
MATERIAL: dict[tuple[str, str], frozenset] = {
    ("register", "register"): frozenset({ADDED, REMOVED}),
    ("controller", "controller_field"): _ALL,
    ("controller", "notes"): _ALL,
    ("dpo", "dpo_field"): _ALL,
    ("dpo", "notes"): _ALL,
    ("purposes", "purpose"): frozenset({ADDED, CHANGED}),
    ("purposes", "intro"): _ALL,
    ("purposes", "notes"): _ALL,
    ("data_categories", "data_category"): frozenset({ADDED, CHANGED}),
    ("data_categories", "group_intro"): _ALL,
    ("data_categories", "intro"): _ALL,
    ("data_categories", "notes"): _ALL,
    ("sources", "source"): frozenset({ADDED, CHANGED}),
    ("sources", "intro"): _ALL,
    ("sources", "notes"): _ALL,
    ("recipients", "recipient"): frozenset({ADDED, CHANGED}),
    ("recipients", "none"): frozenset({REMOVED}),
    ("recipients", "intro"): _ALL,
    ("recipients", "notes"): _ALL,
    ("processors", "processor"): frozenset({ADDED, CHANGED}),
    ("processors", "intro"): _ALL,
    ("processors", "notes"): _ALL,
    ("transfers", "transfer"): frozenset({ADDED, CHANGED}),
    ("transfers", "none"): frozenset({REMOVED}),
    ("transfers", "intro"): _ALL,
    ("transfers", "notes"): _ALL,
    ("retention", "retention_item"): _ALL,
    ("retention", "intro"): _ALL,
    ("retention", "notes"): _ALL,
    ("rights", "right"): frozenset({REMOVED, CHANGED}),
    ("rights", "intro"): _ALL,
    ("rights", "notes"): _ALL,
    ("complaint", "authority"): frozenset({REMOVED, CHANGED}),
    ("complaint", "intro"): _ALL,
    ("complaint", "notes"): _ALL,
    ("data_subjects", "data_subject"): frozenset({ADDED}),
    ("provision_requirement", "provision_kind"): frozenset({CHANGED}),
    ("provision_requirement", "provision_consequences"): _ALL,
    ("automated_decisions", "automated_decision"): frozenset({ADDED, CHANGED}),
    ("automated_decisions", "none"): frozenset({REMOVED}),
    ("automated_decisions", "intro"): _ALL,
    ("automated_decisions", "notes"): _ALL,
    # An own section is free text that can tell anything (cookies, profiling, a new disclosure).
    ("section", "custom_section"): _ALL,
}

# Kinds whose identity is their text: unmatched ones are paired by similar wording.
_TEXT_KINDS = frozenset({
    "purpose", "data_subject", "data_category", "data_group", "source", "recipient", "processor",
    "transfer", "security_item", "retention_item", "automated_decision", "history_entry",
})
# Identity and contact details: every change counts, however small.
_EXACT_KINDS = frozenset({"controller_field", "dpo_field", "authority", "layout", "updated"})
# Entries that name an organisation or a country: one letter may be another company ("Google LLC"
# and "Google LLP"), so only punctuation, capitals, spacing and markup count as a wording fix.
_NAMED_KINDS = frozenset({"recipient", "processor", "transfer"})

_NOUNS = {
    "register": "seloste",
    "controller_field": "yhteystieto",
    "dpo_field": "tietosuojavastaavan yhteystieto",
    "intro": "johdanto",
    "notes": "lisätiedot",
    "group_intro": "tietoryhmän johdanto",
    "purpose": "käsittelyn tarkoitus",
    "data_subject": "rekisteröityjen ryhmä",
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
    "title": "otsikko",
    "register_name": "rekisterin nimi",
    "layout": "rakenne",
    "updated": "päivämäärä",
    "history_entry": "merkintä",
}

_TOPIC_ORDER = (
    "title", "updated", "layout", "controller", "dpo", "register_name", "purposes", "provision_requirement",
    "data_subjects", "data_categories", "sources", "recipients", "transfers", "processors", "security",
    "retention", "rights", "automated_decisions", "complaint",
)


class SideError(Exception):
    """One side of a diff cannot be read at all (no such revision, not a git repository...).

    The message is Finnish and names what was asked for.
    """


# --- the two sides --------------------------------------------------------------------------

@dataclasses.dataclass
class Side:
    """One version of the policy folder: its valid registers by id, and the problems of the rest."""

    label: str
    registers: dict
    problems: list
    failed: set = dataclasses.field(default_factory=set)  # ids of registers that did not validate


def load_sides(old: str | None, new: str | None, policy_dir: pathlib.Path) -> tuple[Side, Side]:
    """The two sides named on the command line.

    Two existing files, or two existing folders, are compared as they are. Otherwise ``old`` and
    ``new`` are git revisions: ``old`` defaults to ``HEAD`` and ``new`` to the working tree, and
    each side is ``policy_dir`` as it stands in that revision. Raises :class:`SideError`.
    """
    if old is not None and new is not None and os.path.exists(old) and os.path.exists(new):
        old_path, new_path = pathlib.Path(old), pathlib.Path(new)
        if old_path.is_file() and new_path.is_file():
            old_side, new_side = file_side(old_path), file_side(new_path)
            # Two files are one register in two versions, whatever their names.
            new_id = _stem(new_path.name)
            old_side.registers = {new_id: register for register in old_side.registers.values()}
            old_side.failed = {new_id} if old_side.failed else set()
            return old_side, new_side
        if old_path.is_dir() and new_path.is_dir():
            return folder_side(old_path), folder_side(new_path)
        raise SideError(f"'{old}' ja '{new}' on oltava joko kaksi tiedostoa tai kaksi kansiota")
    repository = Repository.find(policy_dir)
    old_side = repository.side(old or "HEAD")
    new_side = folder_side(policy_dir, WORKING_TREE) if new is None else repository.side(new)
    return old_side, new_side


def file_side(path: pathlib.Path) -> Side:
    """One register file as a side of its own."""
    register, problems = project.load_register(path)
    if register is None:
        return Side(project.shown_path(path), {}, problems, {_stem(path.name)})
    return Side(project.shown_path(path), {register.id: register}, problems)


def folder_side(folder: pathlib.Path, label: str | None = None) -> Side:
    """The registers of a policy folder on disk."""
    paths, problems = project.discover(folder)
    registers, found = project.load_registers(paths, folder)
    valid = {register.id: register for register in registers}
    failed = {_stem(path.name) for path in paths} - set(valid)
    return Side(label or project.shown_path(folder), valid, problems + found, failed)


@dataclasses.dataclass(frozen=True)
class Repository:
    """The git repository that holds the policy folder, and where the folder is in it."""

    top: pathlib.Path
    folder: str  # the policy folder relative to ``top``, POSIX style; "" for the top itself

    @classmethod
    def find(cls, policy_dir: pathlib.Path) -> Repository:
        """The repository around ``policy_dir`` (or the working folder). Raises :class:`SideError`."""
        start = policy_dir if policy_dir.is_dir() else pathlib.Path.cwd()
        try:
            top = pathlib.Path(_git(["rev-parse", "--show-toplevel"], start).decode("utf-8").strip()).resolve()
        except SideError:
            raise SideError(f"'{project.shown_path(start)}' ei ole git-tietovarastossa; "
                            "anna vertailtavaksi kaksi tiedostoa tai kaksi kansiota") from None
        folder = pathlib.Path(os.path.relpath(policy_dir.resolve(), top))
        if folder.parts and folder.parts[0] == "..":
            raise SideError(f"rekisterikansio '{policy_dir}' ei ole git-tietovarastossa {top}")
        return cls(top, "" if str(folder) == "." else folder.as_posix())

    def commit(self, revision: str) -> str:
        """The commit id ``revision`` names. Raises :class:`SideError`."""
        if not revision or revision.startswith("-"):
            raise SideError(f"'{revision}' ei ole git-revisio")
        try:
            return _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], self.top).decode().strip()
        except SideError:
            raise SideError(f"'{revision}' ei ole git-revisio eikä olemassa oleva tiedosto tai kansio") from None

    def blobs(self, revision: str) -> list[tuple[str, str]]:
        """``(path in the repository, blob id)`` of each policy file in ``revision``, by name."""
        pathspec = f"{self.folder}/" if self.folder else "."
        listing = _git(["ls-tree", "-z", self.commit(revision), "--", pathspec], self.top)
        found = []
        for entry in listing.decode("utf-8", "surrogateescape").split("\0"):
            if not entry:
                continue
            meta, path = entry.split("\t", 1)
            mode, kind, blob = meta.split()
            name = path.rsplit("/", 1)[-1]
            if kind == "blob" and mode in ("100644", "100755") and name.endswith(project.POLICY_SUFFIXES) \
                    and not name.startswith("."):
                found.append((path, blob))
        return sorted(found)

    def read(self, blob_ids: list[str]) -> dict[str, bytes]:
        """The contents of the blobs, read in one ``git cat-file --batch``."""
        if not blob_ids:
            return {}
        output = _git(["cat-file", "--batch"], self.top, "".join(f"{b}\n" for b in blob_ids).encode())
        contents, offset = {}, 0
        for blob in blob_ids:
            end = output.index(b"\n", offset)
            header = output[offset:end].split()
            size = int(header[2])
            contents[blob] = output[end + 1:end + 1 + size]
            offset = end + 1 + size + 1
        return contents

    def side(self, revision: str, skip: dict[str, str] | None = None) -> Side:
        """The policy folder as it stands in ``revision``. Raises :class:`SideError`.

        ``skip`` maps register ids to blob ids: a register whose blob is the same is left out.
        """
        blobs = [(path, blob) for path, blob in self.blobs(revision)
                 if not skip or skip.get(_stem(path)) != blob]
        contents = self.read([blob for _, blob in blobs])
        registers: dict = {}
        problems: list[Problem] = []
        failed: set = set()
        for path, blob in blobs:
            shown, stem = f"{revision}:{path}", _stem(path)
            if not is_register_id(stem):
                problems.append(project.file_name_problem(shown, path.rsplit("/", 1)[-1]))
                continue
            register, found = project.register_from_source(stem, shown, contents[blob])
            problems.extend(found)
            if register is None:
                failed.add(stem)
                continue
            if stem in registers:
                problems.append(project.duplicate_id_problem(shown, stem, registers[stem].path))
                continue
            registers[stem] = register
        return Side(revision, registers, problems, failed)


def _stem(path: str) -> str:
    return path.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def _git(args: list[str], cwd: pathlib.Path, stdin: bytes | None = None) -> bytes:
    """Run git; returns its standard output. Raises :class:`SideError` when git fails or is missing."""
    try:
        result = subprocess.run(["git", *args], cwd=str(cwd), input=stdin, capture_output=True, check=False)
    except OSError as exc:
        raise SideError(f"git-ohjelmaa ei voi käynnistää: {exc.strerror or exc}") from None
    if result.returncode != 0:
        raise SideError(result.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} epäonnistui")
    return result.stdout


def blob_id(content: bytes) -> str:
    """The id git gives a file of these bytes (its blob's SHA-1)."""
    return hashlib.sha1(b"blob %d\0" % len(content) + content).hexdigest()


# --- the report -----------------------------------------------------------------------------

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
        text = f"{_VERBS[self.action]} {_NOUNS.get(self.kind, self.kind)}"
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


def compare(old: Side, new: Side) -> Report:
    """Compare two sides register by register. Returns the report (problems of both sides included)."""
    from seloste.notice import build_notice
    from seloste.render import render_text

    registers = []
    problems = list(old.problems) + list(new.problems)
    # A register that did not validate on either side cannot be compared: its problems say why.
    for register_id in sorted((set(old.registers) | set(new.registers)) - old.failed - new.failed):
        before, after = old.registers.get(register_id), new.registers.get(register_id)
        if before and after and before.data == after.data:
            continue  # the same data renders to the same text
        old_notice = build_notice(before.id, before.data) if before else None
        new_notice = build_notice(after.id, after.data) if after else None
        old_text = render_text(old_notice).decode("utf-8") if old_notice else ""
        new_text = render_text(new_notice).decode("utf-8") if new_notice else ""
        hunks = text_diff(old_text, new_text, _headings(old_notice) | _headings(new_notice))
        if before and after:
            changes = _register_changes(before.data, after.data, old_notice, new_notice)
            if not changes and not hunks:
                continue
            status = CHANGED
            if old_text != new_text:
                problems.extend(_updated_warning(before, after, old.label))
        else:
            present = after or before
            status = ADDED if after else REMOVED
            changes = [Change(_NOUNS["register"].capitalize(), "register", "register", status,
                              present.data["name"], "", True)]
        registers.append(RegisterDiff(
            register_id, (after or before).data["name"], status,
            before.path if before else "", after.path if after else "", changes, hunks))
    return Report(old.label, new.label, registers, problems)


def _headings(notice) -> set:
    if notice is None:
        return set()
    found = {section.heading for section in notice.sections}
    if notice.history:
        found.add(notice.labels["history"])
    return found


def _updated_warning(before, after, against: str) -> list[Problem]:
    """A warning when the text changed but ``updated`` did not."""
    old_date, new_date = before.data.get("updated"), after.data.get("updated")
    if old_date != new_date:
        return []
    hint = "merkitse muutospäivä riville 'updated: \"VVVV-KK-PP\"' ja kuvaa muutos muutoshistoriaan (history)"
    if new_date is None:
        return [Problem(after.path, 0, 0, "D101", WARNING,
                        f"selosteen teksti on muuttunut (verrattuna versioon {against}), "
                        "mutta siinä ei ole päivämäärää (updated)", hint)]
    line, column = after.document.position(("updated",), key=True)
    return [Problem(after.path, line, column, "D101", WARNING,
                    f"selosteen teksti on muuttunut (verrattuna versioon {against}), "
                    f"mutta päivämäärä {new_date} on ennallaan", hint)]


def head_warnings(registers: list, policy_dir: pathlib.Path) -> list[Problem]:
    """For ``check``: a warning for each register whose text changed since ``HEAD`` while its
    ``updated`` did not. Returns [] outside a git repository or when git cannot tell."""
    from seloste.notice import build_notice
    from seloste.render import render_text

    try:
        repository = Repository.find(policy_dir)
        same: dict[str, str] = {}
        for register in registers:
            try:
                same[register.id] = blob_id(pathlib.Path(register.path).read_bytes())
            except OSError:
                continue
        head = repository.side("HEAD", skip=same)
    except SideError:
        return []
    problems = []
    for register in registers:
        before = head.registers.get(register.id)
        if before is None or before.data == register.data:
            continue
        old_text = render_text(build_notice(before.id, before.data))
        if old_text != render_text(build_notice(register.id, register.data)):
            problems.extend(_updated_warning(before, register, "HEAD"))
    return problems


# --- comparing the data ---------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class _Entry:
    """One comparable item of a register: a purpose, a data category, a contact field, an intro..."""

    topic: str
    kind: str
    key: str  # identity: the source text of a text item, a fixed name otherwise
    name: str  # as the summary names it ("" for an intro or notes)
    text: str = ""  # the words compared for a wording fix
    attributes: tuple = ()  # ((label, shown value), ...)
    group: str = ""  # the data-category group

    @property
    def content(self) -> tuple:
        return self.key, self.text, self.attributes


def register_changes(old: dict, new: dict) -> list[Change]:
    """Every change between two versions of one register's data, in the order of the notice."""
    from seloste.notice import build_notice

    return _register_changes(old, new, build_notice("x", old), build_notice("x", new))


def _register_changes(old: dict, new: dict, old_notice, new_notice) -> list[Change]:
    """:func:`register_changes`, given the notices the two versions lay out into."""
    old_sections, new_sections = _sections(old), _sections(new)
    order = {section.id: index for index, section in enumerate(new_notice.sections)}
    order_old = {section.id: index for index, section in enumerate(old_notice.sections)}
    changes: list[tuple[tuple, Change]] = []
    old_entries, new_entries = _entries(old), _entries(new)
    old_by_topic, new_by_topic = collections.defaultdict(list), collections.defaultdict(list)
    for entries, by_topic in ((old_entries, old_by_topic), (new_entries, new_by_topic)):
        for entry in entries:
            by_topic[entry.topic].append(entry)
    topics = sorted({e.topic for e in old_entries} | {e.topic for e in new_entries}, key=_topic_rank)
    for topic in topics:
        sections = new_sections if topic in new_by_topic else old_sections
        section_id, title = sections.get(topic, ("", _meta_title(topic, new)))
        rank = order.get(section_id, order_old.get(section_id, -1 if topic in ("title", "updated", "layout") else 999))
        for index, change in enumerate(_compare_entries(old_by_topic.get(topic, []), new_by_topic.get(topic, []), title)):
            changes.append(((rank, _topic_rank(topic), index), change))
    return [change for _, change in sorted(changes, key=lambda pair: pair[0])]


def _topic_rank(topic: str) -> int:
    if topic in _TOPIC_ORDER:
        return _TOPIC_ORDER.index(topic)
    return len(_TOPIC_ORDER) + (1 if topic == "history" else 0)


def _meta_title(topic: str, data: dict) -> str:
    from seloste.notice import phrases

    labels = phrases(data.get("language", "fi"))["labels"]
    return {"title": "Otsikko", "layout": "Rakenne", "updated": labels["updated"],
            "history": labels["history"]}.get(topic, topic)


def _sections(data: dict) -> dict:
    """Topic (or custom section id) -> (section id, section title), from the register's layout."""
    from seloste.notice import layouts

    found = {}
    for section in layouts()[data["layout"]]["sections"]:
        for placement in section["topics"]:
            found[placement["topic"]] = (section["id"], section["title"])
    for section in data.get("sections", []):
        found[f"section:{section['id']}"] = (section["id"], section["title"])
    return found


def _words(source) -> str:
    """A text field's words without markup, on one line."""
    if isinstance(source, bool) or source is None:
        return ""
    return " ".join(markup.to_text(markup.markdown(source), inline=True).split())


def _content_words(value) -> str:
    """Free content (one paragraph or a list of blocks) as words on one line."""
    if isinstance(value, str):
        return _words(value)
    parts = []
    for block in value or []:
        if isinstance(block, str):
            parts.append(_words(block))
        elif "list" in block:
            parts.extend(_words(entry) for entry in block["list"])
        elif "heading" in block:
            parts.append(block["heading"])
        elif "fields" in block:
            parts.extend(f"{entry['label']}: {_words(entry['value'])}" for entry in block["fields"])
        elif "table" in block:
            table = block["table"]
            parts.extend([table.get("caption", ""), *table["columns"]])
            parts.extend(_words(cell) for row in table["rows"] for cell in row)
    return " ".join(part for part in parts if part)


def _content_source(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _entries(data: dict) -> list[_Entry]:
    """Every comparable entry of a register."""
    from seloste.notice import authorities
    from seloste.notice import finnish_date
    from seloste.notice import legal_basis_names
    from seloste.notice import phrases
    from seloste.notice import source_notes
    from seloste.notice import special_category_note

    words = phrases(data.get("language", "fi"))
    labels = words["labels"]
    found: list[_Entry] = []

    def add(topic, kind, key, name="", text="", attributes=(), group=""):
        found.append(_Entry(topic, kind, key, name, text, tuple(attributes), group))

    def frame(topic, value, statement=""):
        if value.get("none") and statement:
            sentence = words["statements"][statement]
            add(topic, "none", "none", sentence, sentence)
        for part in ("intro", "notes"):
            if part in value:
                add(topic, part, part, "", _content_words(value[part]), (("source", _content_source(value[part])),))

    def text_items(topic, kind, value, describe=lambda item: ()):
        for item in value.get("items", []):
            source = item if isinstance(item, str) else item["text"]
            add(topic, kind, source, _words(source), _words(source), describe(item))

    add("title", "title", "title", "", data.get("title", ""))
    add("layout", "layout", "layout", "", data["layout"])
    if "updated" in data:
        add("updated", "updated", "updated", "", finnish_date(data["updated"]))
    add("register_name", "register_name", "name", "", data["name"])
    for change in data.get("history", []):
        entry = f"{finnish_date(change['date'])}: {change['text']}"
        add("history", "history_entry", entry, entry, entry)

    controller = data["controller"]
    for key in ("name", "business_id", "postal_address", "visiting_address", "phone", "email", "website"):
        if key in controller:
            add("controller", "controller_field", key, labels[key], controller[key])
    if "contact_person" in controller:
        person = controller["contact_person"]
        shown = ", ".join(person[part] for part in ("name", "title", "phone", "email") if part in person)
        add("controller", "controller_field", "contact_person", labels["contact_person"], shown)
    for field in controller.get("fields", []):
        add("controller", "controller_field", f"field:{field['label']}", field["label"], _words(field["value"]))
    frame("controller", controller)

    if "dpo" in data:
        dpo = data["dpo"]
        for key in ("name", "phone", "postal_address", "email"):
            if key in dpo:
                add("dpo", "dpo_field", key, labels["dpo_name" if key == "name" else key], dpo[key])
        for field in dpo.get("fields", []):
            add("dpo", "dpo_field", f"field:{field['label']}", field["label"], _words(field["value"]))
        frame("dpo", dpo)

    if "purposes" in data:
        def purpose(item):
            if isinstance(item, str):
                return ()
            bases = "; ".join(legal_basis_names(item, words))
            return tuple((label, value) for label, value in (
                (labels["legal_basis"].lower(), bases),
                (labels["legitimate_interest"].lower(), _words(item.get("legitimate_interest"))),
                (labels["law"].lower(), item.get("law", ""))) if value)

        frame("purposes", data["purposes"])
        text_items("purposes", "purpose", data["purposes"], purpose)

    def category(item):
        note = "" if isinstance(item, str) else special_category_note(item, words)
        return ((labels["special_category"], note),) if note else ()

    if "data_categories" in data:
        value = data["data_categories"]
        frame("data_categories", value)
        for group in value.get("groups", []):
            add("data_categories", "data_group", group["name"], group["name"], group["name"])
            if "intro" in group:
                add("data_categories", "group_intro", f"group:{group['name']}", group["name"],
                    _content_words(group["intro"]), (("source", _content_source(group["intro"])),))
            for item in group["items"]:
                source = item if isinstance(item, str) else item["text"]
                add("data_categories", "data_category", source, _words(source), _words(source), category(item), group["name"])
        for item in value.get("items", []):
            source = item if isinstance(item, str) else item["text"]
            add("data_categories", "data_category", source, _words(source), _words(source), category(item))

    for topic, kind in (("data_subjects", "data_subject"), ("security", "security_item")):
        if topic in data:
            frame(topic, data[topic])
            text_items(topic, kind, data[topic])

    if "sources" in data:
        def source_attributes(item):
            notes = [] if isinstance(item, str) else source_notes(item, words)
            return (("lähde", ", ".join(notes)),) if notes else ()

        frame("sources", data["sources"])
        text_items("sources", "source", data["sources"], source_attributes)

    def recipient(item):
        return () if isinstance(item, str) or "purpose" not in item else (("tarkoitus", _words(item["purpose"])),)

    if "recipients" in data:
        frame("recipients", data["recipients"], "recipients_none")
        text_items("recipients", "recipient", data["recipients"], recipient)
    if "processors" in data:
        frame("processors", data["processors"])
        text_items("processors", "processor", data["processors"], recipient)
    if "transfers" in data:
        def transfer(item):
            shown = [(labels["country"].lower(), item["country"]),
                     (labels["safeguard"].lower(), words["safeguards"][item["safeguard"]])]
            if "copy" in item:
                shown.append((labels["copy"].lower(), _words(item["copy"])))
            return tuple(shown)

        frame("transfers", data["transfers"], "transfers_none")
        text_items("transfers", "transfer", data["transfers"], transfer)

    if "retention" in data:
        frame("retention", data["retention"])
        text_items("retention", "retention_item", data["retention"],
                   lambda item: () if isinstance(item, str) else ((labels["period"].lower(), _words(item["period"])),))

    if "rights" in data:
        frame("rights", data["rights"])
        for item in data["rights"]["items"] if "items" in data["rights"] else []:
            kind = item["right"]
            text = _content_words(item["text"]) if "text" in item else words["rights"].get(kind, "")
            name = words["right_names"][kind] if kind != "other" else _shorten(text, 60)
            key = kind if kind != "other" else f"other:{text}"
            add("rights", "right", key, name, text)

    if "complaint" in data:
        complaint = data["complaint"]
        if "authority" in complaint:
            authority = authorities()[complaint["authority"]]["name"]
            add("complaint", "authority", "authority", authority, authority)
        frame("complaint", complaint)

    if "provision_requirement" in data:
        value = data["provision_requirement"]
        statement = words["statements"][f"provision_{value['kind']}"]
        add("provision_requirement", "provision_kind", "kind", "", statement)
        if "consequences" in value:
            add("provision_requirement", "provision_consequences", "consequences", "", _words(value["consequences"]))
        frame("provision_requirement", value)

    if "automated_decisions" in data:
        frame("automated_decisions", data["automated_decisions"], "automated_decisions_none")
        text_items("automated_decisions", "automated_decision", data["automated_decisions"])

    for section in data.get("sections", []):
        add(f"section:{section['id']}", "custom_section", section["id"], section["title"],
            _content_words(section["content"]), (("source", _content_source(section["content"])),))
    return found


def _compare_entries(old: list[_Entry], new: list[_Entry], section: str) -> list[Change]:
    """The changes between two lists of one topic's entries."""
    index_pairs, removed, added = _match(old, new)
    pairs = [(old[i], new[j]) for i, j in index_pairs]
    changes: list[Change] = []
    for entry in removed:
        changes.append(_change(section, entry, REMOVED, entry.name, _attributes(entry)))
    for entry in added:
        changes.append(_change(section, entry, ADDED, entry.name, _attributes(entry)))
    for before, after in pairs:
        if before.content != after.content:
            changes.append(_changed(section, before, after))
        if before.group != after.group:
            changes.append(Change(section, after.topic, after.kind, MOVED, _shorten(after.name, 80),
                                  _group_move(before.group, after.group), False))
    changes.extend(_moves(index_pairs, old, new, section))
    return changes


def _group_move(old: str, new: str) -> str:
    if old and new:
        return f"ryhmästä ”{old}” ryhmään ”{new}”"
    return f"ryhmään ”{new}”" if new else f"pois ryhmästä ”{old}”"


def _attributes(entry: _Entry) -> str:
    parts = [f"{label}: {value}" for label, value in entry.attributes if label != "source"]
    if entry.group:
        parts.insert(0, f"ryhmä ”{entry.group}”")
    if not entry.name and entry.text:
        parts.insert(0, f"”{_shorten(entry.text, 80)}”")
    return "; ".join(parts)


def _change(section: str, entry: _Entry, action: str, name: str, detail: str, wording_fix: bool = False) -> Change:
    topic = "section" if entry.topic.startswith("section:") else entry.topic  # every own section shares one rule
    material = action in MATERIAL.get((topic, entry.kind), ()) and not wording_fix
    return Change(section, topic, entry.kind, action, _shorten(name, 80), detail, material)


def _changed(section: str, before: _Entry, after: _Entry) -> Change:
    parts = []
    text_changed = before.key != after.key or before.text != after.text
    if text_changed:
        if before.text.split() != after.text.split():
            parts.append(_excerpt(before.text, after.text))
        else:  # the words are the same; markup or spacing changed
            parts.append("muotoilu")
    old_attributes, new_attributes = dict(before.attributes), dict(after.attributes)
    attributes_changed = False
    for label in dict.fromkeys([*old_attributes, *new_attributes]):
        if label == "source":
            if old_attributes.get(label) != new_attributes.get(label) and not text_changed:
                parts.append("muotoilu")
            continue
        if old_attributes.get(label) != new_attributes.get(label):
            attributes_changed = True
            parts.append(f"{label}: {old_attributes.get(label) or '–'} → {new_attributes.get(label) or '–'}")
    if after.kind in _EXACT_KINDS:
        wording_fix = _same_characters(before.text, after.text)
    else:
        wording_fix = _is_wording_fix(before, after, spelling=after.kind not in _NAMED_KINDS)
    wording_fix = wording_fix and not attributes_changed
    name = after.name if after.name == before.name or not after.name else before.name
    return _change(section, after, CHANGED, name, "; ".join(parts), wording_fix)


def _moves(index_pairs: list, old: list[_Entry], new: list[_Entry], section: str) -> list[Change]:
    """Entries that kept their list but changed places: the ones outside the longest common order.

    Works on positions, not on the entries themselves: a list may repeat an item word for word.
    """
    changes = []
    lists = collections.defaultdict(list)
    for i, j in index_pairs:
        before, after = old[i], new[j]
        if before.group == after.group and after.kind in _TEXT_KINDS | {"right"}:
            lists[(after.kind, after.group)].append((i, j))
    place_old: dict[int, int] = {}
    place_new: dict[int, int] = {}
    for (kind, group), members in lists.items():
        members.sort()
        keep = sequences.longest_increasing([j for _, j in members])
        if len(keep) == len(members):
            continue
        if not place_old:
            # 1-based places among the entries of each one list, as the notice numbers them.
            place_old, place_new = _places(old), _places(new)
        for i, j in members:
            if j in keep:
                continue
            entry = new[j]
            changes.append(Change(section, entry.topic, entry.kind, MOVED, _shorten(entry.name, 80),
                                  f"kohdasta {place_old[i]} kohtaan {place_new[j]}", False))
    return changes


def _places(entries: list[_Entry]) -> dict[int, int]:
    """Each entry's 1-based place among the entries of its kind and group."""
    counts: collections.Counter = collections.Counter()
    places = {}
    for index, entry in enumerate(entries):
        counts[(entry.kind, entry.group)] += 1
        places[index] = counts[(entry.kind, entry.group)]
    return places


def _match(old: list[_Entry], new: list[_Entry]):
    """Pair old and new entries: same kind and key first, then text items by similar wording.

    Returns (index pairs (i, j) of old[i] and new[j], removed, added), each in the order of the entries.
    """
    waiting = collections.defaultdict(collections.deque)  # (kind, key) -> unmatched new entries, in order
    for j, entry in enumerate(new):
        waiting[(entry.kind, entry.key)].append(j)
    pairs: list[tuple[int, int]] = []
    unmatched_old = []
    for i, entry in enumerate(old):
        same = waiting.get((entry.kind, entry.key))
        if same:
            pairs.append((i, same.popleft()))
        else:
            unmatched_old.append(i)
    paired_new = {j for _, j in pairs}
    unmatched_new = [j for j in range(len(new)) if j not in paired_new]
    candidates = []
    for kind in _TEXT_KINDS:
        olds = [i for i in unmatched_old if old[i].kind == kind]
        news = [j for j in unmatched_new if new[j].kind == kind]
        if not olds or not news:
            continue
        old_wordings, new_wordings = [_Wording(old[i].text) for i in olds], [_Wording(new[j].text) for j in news]
        for rank, i in enumerate(olds):
            for other in range(*_window(rank, len(olds), len(news))):
                ratio = old_wordings[rank].similar(new_wordings[other])
                if ratio is not None:
                    candidates.append((-ratio, i, news[other]))
    used_old, used_new = set(), set()
    for _, i, j in sorted(candidates):
        if i not in used_old and j not in used_new:
            pairs.append((i, j))
            used_old.add(i)
            used_new.add(j)
    removed = [old[i] for i in unmatched_old if i not in used_old]
    added = [new[j] for j in unmatched_new if j not in used_new]
    return sorted(pairs), removed, added


# Unmatched entries of a kind (and inserted paragraphs, for a deleted one) compared for similar
# wording: a band of those nearest an entry's own place, as wide as keeps a list to about _PAIRS
# comparisons, between _NARROWEST and _WINDOW on either side. That is every pair in lists of up
# to 50 entries, and a number of comparisons linear in the length of longer ones.
_PAIRS = 2_500
_WINDOW = 50
_NARROWEST = 3


def _window(rank: int, count: int, others: int, low: int = 0) -> tuple[int, int]:
    """The range of the ``others`` (from ``low`` on) compared with the ``rank``-th of ``count``."""
    half = min(_WINDOW, max(_NARROWEST, _PAIRS // (2 * count)))
    if others - low <= 2 * half + 1:
        return low, others
    start = min(max(rank * others // count - half, low), others - 2 * half - 1)
    return start, start + 2 * half + 1


class _Wording:
    """An entry's words, casefolded, as :func:`_match` compares them."""

    __slots__ = ("side", "words")

    def __init__(self, text: str):
        text = text.casefold()
        self.side = sequences.Side(text)
        self.words = set(_WORD.findall(text))

    def similar(self, other: _Wording) -> float | None:
        """How alike the two texts are, or None when they are not alike enough to pair.

        They pair when 60 % of the characters match, or when the words of one are all among the
        other's ("Tilastointi" -> "Tilastointi ja raportointi" is the same item, extended).
        Cheap upper bounds of the ratio rule most pairs out before it is computed.
        """
        extended = self.words and other.words and (self.words <= other.words or other.words <= self.words)
        return sequences.similarity(self.side, other.side, 0.0 if extended else 0.6)


# --- wording fixes --------------------------------------------------------------------------

_WORD = re.compile(r"\w+")
_SHIELDED = re.compile(r"\d|@")
_SHIELDED_TOKEN = re.compile(r"\d|@|://|^www\.")


def _same_characters(old: str, new: str) -> bool:
    """True when two values differ only in spacing."""
    return old.split() == new.split()


def _is_wording_fix(before: _Entry, after: _Entry, spelling: bool = True) -> bool:
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
    old_words, new_words = _WORD.findall(before.text.casefold()), _WORD.findall(after.text.casefold())
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


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",.;:") + "…"


def _excerpt(old: str, new: str, context: int = 3) -> str:
    """The changed words of a text with a few words around them: ``”… kauan, kun se …” → ”… kauan kuin se …”``."""
    a, b = old.split(), new.split()
    if not a:
        return f"lisätty ”{_shorten(new, 100)}”"
    if not b:
        return f"poistettu ”{_shorten(old, 100)}”"
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1

    def piece(words: list[str]) -> str:
        first, last = max(0, start - context), len(words) - max(0, end - context)
        shown = " ".join(words[first:last])
        return ("… " if first else "") + _shorten(shown, 100) + (" …" if last < len(words) else "")

    return f"”{piece(a)}” → ”{piece(b)}”"


# --- comparing the text ---------------------------------------------------------------------

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
        old_lines, new_lines = [], []
        for line in a[i1:i2]:
            if moved_from[line]:
                moved_from[line] -= 1
                old_lines.append(Row("moved_from", line))
            else:
                old_lines.append(Row("delete", line))
        for line in b[j1:j2]:
            if moved_to[line]:
                moved_to[line] -= 1
                new_lines.append(Row("moved_to", line))
            else:
                new_lines.append(Row("insert", line))
        rows.extend(_pair(old_lines, new_lines))
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
            for k in range(*_window(rank, len(old_rows), len(new_rows), low=j)):
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
