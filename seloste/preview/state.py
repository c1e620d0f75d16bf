"""The project as the preview holds it: every register's notice files, problems and changes.

:meth:`State.refresh` is given the files that changed. A register file or one of its
translations reloads that register alone: it is validated, linted, rendered and compared with
the revision again, and the index pages are made anew from every register's entries. A change
of the settings or the templates reloads everything. A register that stops validating keeps
the files of its last good version, so the preview never goes blank; its problems say why.
"""

from __future__ import annotations

import dataclasses
import pathlib
import threading

from seloste.problem import Problem


@dataclasses.dataclass
class Entry:
    """One register in the preview."""

    id: str
    path: str  # the register file as the user sees it
    files: dict = dataclasses.field(default_factory=dict)  # its last good notice files, by output path
    index_entries: list = dataclasses.field(default_factory=list)
    problems: list = dataclasses.field(default_factory=list)  # validation's and lint's, now
    valid: bool = False  # whether the files are of the register as it is now
    changes: object = None  # the diff's RegisterDiff against the revision, or None


def register_id(path: str) -> str:
    """The register a policy file, translation file or notice file belongs to, by its name:
    ``policy/x.sv.yaml``, ``fi/x.fragment.html`` -> ``x``."""
    return path.rsplit("/", 1)[-1].split(".", 1)[0]


class State:
    """The project of ``policy_dir`` in memory, compared with git revision ``against``."""

    def __init__(self, policy_dir: pathlib.Path, against: str = "HEAD"):
        self.policy_dir = policy_dir
        self.against = against
        self.lock = threading.Lock()
        self.generation = 0
        self.entries: dict[str, Entry] = {}
        self.project_problems: list[Problem] = []
        self.site_files: dict[str, bytes] = {}
        self._revision = None
        self.refresh(None)

    # --- what the server reads ---------------------------------------------------------------

    def file(self, name: str) -> bytes | None:
        """The output file ``name`` (``fi/x.html``) as the build would write it, or None."""
        with self.lock:
            if name in self.site_files:
                return self.site_files[name]
        entry = self.entry_of(name)
        return entry.files.get(name) if entry is not None else None

    def entry_of(self, name: str) -> Entry | None:
        """The register whose notice file ``name`` (``<language>/<id>.<suffix>``, or a file of
        its own folder, ``<language>/<id>/first-layer.html``) is, also when it has no files yet
        (it has never been valid)."""
        language, _, file_name = name.partition("/")
        folder, _, inner = file_name.partition("/")
        if not language or "/" in inner:
            return None
        with self.lock:
            return self.entries.get(folder if inner else register_id(file_name))

    # --- changes --------------------------------------------------------------------------------

    def refresh(self, changed: set | None) -> None:
        """Reload what ``changed`` (paths) touches; None: everything."""
        from seloste import project
        from seloste.translations.document import translation_of

        paths, found = project.discover(self.policy_dir)
        ids = {register_id(path.name): path for path in paths if translation_of(path.name) is None}
        if changed is None or any(not self._is_policy(path) for path in changed):
            from seloste import pages

            todo = set(ids)
            pages.forget()  # a template or stylesheet may be what changed
            self._load_settings()
        else:
            todo = {register_id(pathlib.Path(path).name) for path in changed}
        with self.lock:
            for gone in set(self.entries) - set(ids):
                del self.entries[gone]
        registers = self._reload(sorted(todo & set(ids)), paths, found)
        self._compare(registers)
        self._make_index()
        with self.lock:
            self.generation += 1

    def _is_policy(self, path) -> bool:
        path = pathlib.Path(path).resolve()
        return path.parent == self.policy_dir.resolve() and path.name.endswith((".yaml", ".yml"))

    def _load_settings(self) -> None:
        from seloste import config

        self.settings, problems = config.load_config(self.policy_dir)
        self.lint_config, lint_problems = config.lint_config(self.settings, self.policy_dir)
        self.project_problems = problems + lint_problems

    def _reload(self, register_ids: list[str], paths: list, found: list) -> list:
        from seloste import config
        from seloste import produce
        from seloste import project
        from seloste.translations.document import translation_of

        wanted = set(register_ids)
        family = [path for path in paths if register_id(path.name) in wanted]
        registers, problems = project.load_registers(family, self.policy_dir)
        problems += [problem for problem in found if register_id(problem.path) in wanted]
        problems += config.language_problems(self.settings, registers)
        valid = {register.id: register for register in registers}
        own_files = {register_id(path.name): project.shown_path(path) for path in family
                     if translation_of(path.name) is None}
        for identity in register_ids:
            shown = own_files.get(identity, identity)
            own = [problem for problem in problems if register_id(problem.path) == identity]
            with self.lock:
                entry = self.entries.setdefault(identity, Entry(identity, shown))
            entry.path = shown
            register = valid.get(identity)
            if register is None or any(problem.is_error for problem in own):
                entry.problems, entry.valid = sorted(own), False
                continue
            files, index_entries, _key = produce.render_register(register, self.settings.site)
            findings = produce.lint_register(register, self.lint_config)
            with self.lock:
                entry.files, entry.index_entries = files, index_entries
                entry.problems, entry.valid = sorted(own + findings), True
        return [valid[identity] for identity in register_ids if identity in valid]

    def _compare(self, registers: list) -> None:
        """Each reloaded register against the revision (the diff's report of it)."""
        from seloste.diff import Side
        from seloste.diff import compare

        revision = self._revision_side()
        for register in registers:
            entry = self.entries.get(register.id)
            if entry is None or revision is None or not entry.valid:
                continue
            before = revision.registers.get(register.id)
            old = Side(revision.label, {register.id: before} if before else {}, [])
            report = compare(old, Side("työhakemisto", {register.id: register}, []))
            entry.changes = report.registers[0] if report.registers else None

    def _revision_side(self):
        """The policy folder in the revision compared against, read once (None outside git)."""
        from seloste.diff import Repository
        from seloste.diff import SideError

        if self._revision is None:
            try:
                self._revision = Repository.find(self.policy_dir).side(self.against)
            except SideError:
                self._revision = False
        return self._revision or None

    def _make_index(self) -> None:
        from seloste import render

        with self.lock:
            entries = [index for entry in self.entries.values() for index in entry.index_entries]
        self.site_files = render.site_files({}, render.render_indexes(entries, self.settings.site),
                                            self.settings.site, entries)
