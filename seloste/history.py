"""The history of each register in git: the states its files were left in, commit by commit.

A register's *state* is its file and its translation files as a commit on the first-parent
line of ``HEAD`` left them (the line of the main branch, where merged work arrives in one
step). One ``git log`` of the policy folder gives every state of every register; nothing is
read from the files yet (:mod:`seloste.versions` reads only what it has not made before).

The history is a fact of the repository, not of the machine: the same commits give the same
states anywhere. A folder that is not in a git repository, or a shallow clone (which lacks
the older commits), has no history: :func:`read_history` says why.
"""

from __future__ import annotations

import dataclasses
import datetime
import pathlib

from seloste.diff.git import Repository
from seloste.diff.git import git
from seloste.diff.model import SideError
from seloste.load import POLICY_SUFFIXES
from seloste.load import is_register_id
from seloste.translations.document import translation_of

_NO_BLOB = "0" * 40


@dataclasses.dataclass(frozen=True)
class State:
    """A register's files as one commit left them."""

    commit: str
    date: str  # the commit's date in UTC, YYYY-MM-DD
    files: tuple  # ((file name, blob id), ...): the register's own file first, then its translations by name

    @property
    def key(self) -> tuple:
        """What the state is made of, without the commit: equal keys are equal files."""
        return self.files


@dataclasses.dataclass
class History:
    """Every register's states, oldest first, by register id; or why there are none."""

    states: dict
    repository: Repository | None = None
    reason: str = ""  # why the project has no history ("" when it has)

    def of(self, register_id: str) -> list[State]:
        return self.states.get(register_id, [])


def read_history(policy_dir: pathlib.Path) -> History:
    """The states of every register in the policy folder's git history (see the module)."""
    try:
        repository = Repository.find(policy_dir)
    except SideError:
        return History({}, None, "rekisterikansio ei ole git-tietovarastossa")
    try:
        shallow = git(["rev-parse", "--is-shallow-repository"], repository.top).decode().strip() == "true"
        if shallow:
            return History({}, None, "git-tietovarasto on matala klooni (shallow clone), josta puuttuu vanhempi historia")
        if not git(["rev-parse", "--verify", "--quiet", "HEAD"], repository.top).strip():
            return History({}, repository, "")
        log = git(["log", "--first-parent", "--reverse", "--no-renames", "--raw", "--no-abbrev",
                   "--diff-merges=first-parent", "--format=%x01%H %ct", "--",
                   f"{repository.folder}/" if repository.folder else "."], repository.top)
    except SideError as exc:
        if "does not have any commits" in str(exc) or "unknown revision" in str(exc):
            return History({}, repository, "")  # a repository without commits: nothing published yet
        return History({}, None, f"git-historiaa ei voi lukea: {exc}")
    return History(_states(log.decode("utf-8", "surrogateescape"), repository.folder), repository, "")


def _states(log: str, folder: str) -> dict:
    """Each register's states from ``git log --raw`` of the policy folder."""
    prefix = f"{folder}/" if folder else ""
    tree: dict[str, str] = {}  # file name in the folder -> blob id
    states: dict[str, list[State]] = {}
    for chunk in log.split("\x01")[1:]:
        lines = chunk.splitlines()
        commit, timestamp = lines[0].split()
        date = datetime.datetime.fromtimestamp(int(timestamp), datetime.timezone.utc).strftime("%Y-%m-%d")
        touched = set()
        for line in lines[1:]:
            if not line.startswith(":") or "\t" not in line:
                continue
            meta, path = line.split("\t", 1)
            fields = meta.split()
            if not path.startswith(prefix) or "/" in path[len(prefix):]:
                continue
            name = path[len(prefix):]
            if fields[3] == _NO_BLOB or fields[1] not in ("100644", "100755"):
                tree.pop(name, None)
            else:
                tree[name] = fields[3]
            if (register_id := _register_of(name)) is not None:
                touched.add(register_id)
        for register_id in sorted(touched):
            files = _files_of(register_id, tree)
            previous = states.get(register_id)
            if files is None or (previous and previous[-1].files == files):
                continue
            states.setdefault(register_id, []).append(State(commit, date, files))
    return states


def _register_of(name: str) -> str | None:
    """The register id a file of the policy folder belongs to (its own file or a translation)."""
    if name.startswith(".") or not name.endswith(POLICY_SUFFIXES):
        return None
    translation = translation_of(name)
    if translation is not None:
        return translation[0]
    stem = name.rsplit(".", 1)[0]
    return stem if is_register_id(stem) else None


def _files_of(register_id: str, tree: dict[str, str]) -> tuple | None:
    """The register's own file and its translations in ``tree``; None without its own file."""
    own = [f"{register_id}{suffix}" for suffix in POLICY_SUFFIXES if f"{register_id}{suffix}" in tree]
    if not own:
        return None
    translations = sorted(name for name in tree if (found := translation_of(name)) and found[0] == register_id)
    return tuple((name, tree[name]) for name in own[:1] + translations)
