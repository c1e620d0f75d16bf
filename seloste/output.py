"""Stage 5, output: write the rendered files, or check that ``output/`` already holds them.

Files come one at a time (:class:`Staging`), each compared with what ``output/`` holds. A
symbolic link anywhere the tool would read, write or remove is refused (see
:class:`seloste.files.Tree`). Writing is all or nothing: every changed file is written to a
temporary file beside its target as it comes; when all are written they are flushed to disk
together, renamed into place (``os.replace``), their folders flushed, and the manifest
written last; a refusal or an error on the way removes the temporary files instead.
Unchanged files are not touched. The manifest records which files the tool wrote, so it
never deletes a file it did not write (a ``CNAME`` or ``.nojekyll`` stays), and removes the
files of a register that is gone; a file it cannot remove stays listed, to be tried again.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import pathlib

from seloste.files import TEMP_PREFIX
from seloste.files import NotAFolder
from seloste.files import NotRegularFile
from seloste.files import SymbolicLink
from seloste.files import Tree
from seloste.files import kind_of
from seloste.problem import ERROR
from seloste.problem import Problem
from seloste.problem import os_error_text

MANIFEST = ".seloste-manifest"
_MANIFEST_HEADER = "# Files written by seloste (python build.py). Do not edit; other files here are left alone.\n"
# Problem codes of this module that mean the tool could not read or write output/.
IO_CODES = frozenset({"W301", "W302", "W303", "W304", "W305", "W306"})


@dataclasses.dataclass
class Plan:
    """What a build would do to ``output/``."""

    write: list[str]  # new or changed files
    unchanged: list[str]
    remove: list[str]  # files the tool wrote earlier that no register produces any more
    leftovers: list[str] = dataclasses.field(default_factory=list)  # temporary files of an interrupted run


class _Refused(Exception):
    """``output/`` cannot be used as it is; carries the problem that says why."""

    def __init__(self, problem: Problem):
        self.problem = problem


def with_manifest(files: dict[str, bytes], also: list[str] = ()) -> dict[str, bytes]:
    """``files`` plus the manifest that lists them (and the names in ``also``)."""
    return {**files, MANIFEST: manifest_of([name for name in files if name != MANIFEST], also)}


def manifest_of(names, also=()) -> bytes:
    """The manifest listing the files ``names`` (and ``also``)."""
    listing = "".join(f"{name}\n" for name in sorted({*names, *also}))
    return (_MANIFEST_HEADER + listing).encode("utf-8")


def _manifest_names(tree: Tree, output_dir: pathlib.Path) -> list[str]:
    """The files an earlier build wrote, from the manifest (empty when there is none)."""
    raw = _read(tree, output_dir, MANIFEST)
    if raw is None:
        return []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _Refused(Problem(_shown(output_dir, MANIFEST), 0, 0, "W306", ERROR,
                               "luettelo tuotetuista tiedostoista ei ole UTF-8-tekstiä",
                               "palauta tiedosto versionhallinnasta (git checkout -- "
                               f"{_shown(output_dir, MANIFEST)}); mitään ei muutettu")) from None
    return [line for line in text.splitlines() if line and not line.startswith("#") and _is_inside(line)]


def _is_inside(name: str) -> bool:
    parts = pathlib.PurePosixPath(name).parts
    return bool(parts) and not name.startswith("/") and ".." not in parts and "." not in name.split("/")


def _read(tree: Tree, output_dir: pathlib.Path, name: str) -> bytes | None:
    """What file ``name`` holds now (None if missing); a link or an unreadable file is refused."""
    try:
        return tree.read(name)
    except NotRegularFile as exc:
        if exc.strerror == "folder":
            return None  # a folder where a file goes: writing it reports the problem
        raise _Refused(Problem(_shown(output_dir, name), 0, 0, "W305", ERROR,
                               f"tulostiedoston paikalla on {kind_of(exc)}",
                               "poista se; tulostekansioon kuuluvat vain tavalliset tiedostot")) from None
    except OSError as exc:
        raise _Refused(_os_problem(output_dir, name, exc, "tulostiedostoa ei voi lukea")) from None


def _os_problem(output_dir: pathlib.Path, name: str, exc: OSError, what: str) -> Problem:
    """The problem for an OS error met at ``name`` while doing ``what``."""
    if isinstance(exc, SymbolicLink):
        return Problem(_shown(output_dir, exc.name), 0, 0, "W304", ERROR,
                       "tulostekansiossa on symbolinen linkki; sen kautta ei lueta, kirjoiteta eikä poisteta",
                       "korvaa linkki tavallisella kansiolla tai tiedostolla; mitään ei muutettu")
    if isinstance(exc, NotAFolder):
        shown = _shown(output_dir, exc.name) if exc.name else str(output_dir)
        return Problem(shown, 0, 0, "W303", ERROR, "tämän pitäisi olla kansio, mutta se on tiedosto",
                       "siirrä tiedosto pois tai anna toinen tulostekansio (--output); mitään ei muutettu")
    hint = ("lyhennä tulostekansion polkua (--output); mitään ei muutettu" if exc.errno == errno.ENAMETOOLONG
            else "tarkista, että kansioon saa kirjoittaa ja levyllä on tilaa; mitään ei muutettu")
    return Problem(_shown(output_dir, name), 0, 0, "W301", ERROR, f"{what}: {os_error_text(exc)}", hint)


def _open(output_dir: pathlib.Path, create: bool) -> Tree | None:
    """``output_dir`` as a :class:`Tree`; None when it does not exist and ``create`` is off."""
    try:
        return Tree.open(output_dir, create=create)
    except FileNotFoundError:
        if create:
            raise _Refused(_os_problem(output_dir, "", FileNotFoundError(2, "No such file"),
                                       "tulostekansiota ei voi luoda")) from None
        return None
    except OSError as exc:
        raise _Refused(_os_problem(output_dir, "", exc, "tulostekansiota ei voi avata")) from None


class Staging:
    """``output/`` brought up to date one file at a time, all or nothing.

    Each file :meth:`add`-ed is compared with what ``output/`` holds; when writing, a changed
    file goes at once to a temporary file beside its target, so that no more than one file's
    bytes is held. :meth:`finish` then moves every temporary file into place, removes what no
    register makes any more and writes the manifest last; :meth:`abandon` (or a refusal on
    the way) removes the temporary files and the folders this run made, leaving ``output/``
    as it was. Without ``writing`` (``check``), nothing is written and :meth:`finish`
    returns what is stale, missing or extra.
    """

    def __init__(self, output_dir: pathlib.Path, writing: bool):
        self.output_dir, self.writing = output_dir, writing
        self.names: list[str] = []
        self.write: list[str] = []
        self.unchanged: list[str] = []
        self.temporary: dict[str, str] = {}
        self.leftovers: list[str] = []
        self.problem: Problem | None = None  # the refusal that stopped the run
        self._folders: set[str] = set()
        self._made: list[pathlib.Path] = []  # output/ and its parents, when this run makes them
        self._opened = False
        self.tree: Tree | None = None

    def _open(self) -> None:
        """Open ``output/`` (made if missing, when writing) at the first file."""
        self._opened = True
        if self.writing:
            folder = self.output_dir.absolute()
            while not os.path.lexists(folder) and folder != folder.parent:
                self._made.append(folder)
                folder = folder.parent
        try:
            self.tree = _open(self.output_dir, create=self.writing)
        except _Refused as refused:
            self.problem = refused.problem

    def add(self, name: str, content: bytes) -> None:
        """File ``name`` (a path under ``output/``) is to hold ``content``."""
        self.names.append(name)
        if not self._opened:
            self._open()
        if self.problem is not None:
            return
        if self.tree is None:  # check, and there is no output/: everything is missing
            self.write.append(name)
            return
        try:
            self._add(name, content)
        except _Refused as refused:
            self._stop(refused.problem)
        except OSError as exc:
            self._stop(_os_problem(self.output_dir, name, exc, "tulostiedostoa ei voi kirjoittaa"))

    def _add(self, name: str, content: bytes) -> None:
        self._survey_folder(name.rpartition("/")[0])
        if _read(self.tree, self.output_dir, name) == content:
            self.unchanged.append(name)
            return
        self.write.append(name)
        if self.writing and name != MANIFEST:
            if self.tree.kind(name) == "folder":
                raise IsADirectoryError(21, "Is a directory", name)
            # Flushed to disk all at once before they are moved into place (see _carry_out).
            self.temporary[name] = self.tree.write_temporary(name.rpartition("/")[0], content, flush=False)

    def _survey_folder(self, folder: str) -> None:
        """Note the temporary files an interrupted run left in ``folder``, before this run adds its own."""
        if folder in self._folders:
            return
        self._folders.add(folder)
        try:
            self.leftovers.extend(self.tree.temporaries(folder))
        except OSError as exc:
            raise _Refused(_os_problem(self.output_dir, folder, exc, "kansiota ei voi lukea")) from None

    def _stop(self, problem: Problem) -> None:
        self.problem = problem
        self.abandon()

    def abandon(self) -> None:
        """Undo what this run wrote: ``output/`` is left as it was (not there, if it was not)."""
        if self.tree is not None:
            _undo(self.tree, list(self.temporary.values()))
            self.temporary.clear()
            self.tree.close()
            self.tree = None
        for folder in self._made:
            try:
                folder.rmdir()
            except OSError:
                break
        self._made = []

    def _removals(self) -> list[str]:
        """The files the manifest lists that no register makes now; raises :class:`_Refused`."""
        listed = _manifest_names(self.tree, self.output_dir)
        made = set(self.names)
        remove = []
        for name in listed:
            if name in made:
                continue
            try:
                kind = self.tree.kind(name)
            except OSError as exc:
                raise _Refused(_os_problem(self.output_dir, name, exc, "tulostiedostoa ei voi lukea")) from None
            if kind == "link":
                raise _Refused(_os_problem(self.output_dir, name, SymbolicLink(name), ""))
            if kind == "file":
                remove.append(name)
        for folder in sorted({name.rpartition("/")[0] for name in listed}):
            self._survey_folder(folder)
        return sorted(remove)

    def finish(self, manifest: bytes | None) -> tuple[Plan, list[Problem]]:
        """Carry the run out (or, for ``check``, say what it would do) with the manifest of
        every file added; returns the plan and the problems."""
        if manifest is not None:
            self.add(MANIFEST, manifest)
        elif not self._opened:
            self._open()
        nothing = Plan([], sorted(self.names), [])
        if self.problem is not None:
            self.abandon()
            return nothing, [self.problem]
        if self.tree is None:
            return Plan(sorted(self.write), [], []), []
        try:
            remove = self._removals()
        except _Refused as refused:
            self.abandon()
            return nothing, [refused.problem]
        plan = Plan(sorted(self.write), sorted(self.unchanged), remove, sorted(self.leftovers))
        if not self.writing:
            self.tree.close()
            return plan, []
        with self.tree:
            problems = self._carry_out(plan, manifest)
        self.tree = None
        return plan, problems

    def _carry_out(self, plan: Plan, manifest: bytes | None) -> list[Problem]:
        # Every new file is on disk: now rename them into place, flush their folders, remove
        # what no register makes, and last of all replace the manifest.
        tree = self.tree
        if self.temporary:
            os.sync()  # one flush of every new file's bytes, before any is renamed into place
        for name, temp in self.temporary.items():
            tree.replace(temp, name)
        for folder in sorted({name.rpartition("/")[0] for name in self.temporary}):
            tree.sync(folder)
        problems, kept = [], []
        for name in plan.remove:
            try:
                tree.remove(name)
            except OSError as exc:
                kept.append(name)
                problems.append(Problem(_shown(self.output_dir, name), 0, 0, "W302", ERROR,
                                        f"vanhaa tiedostoa ei voi poistaa: {os_error_text(exc)}",
                                        "poista se käsin tai korjaa oikeudet; se pysyy luettelossa ja "
                                        "seuraava koonti yrittää uudelleen"))
        for name in plan.leftovers:
            try:
                tree.remove(name)
            except OSError:
                pass  # check reports it; the next build tries again
        if kept:
            manifest = manifest_of([name for name in self.names if name != MANIFEST], kept)
        if manifest is not None and (MANIFEST in plan.write or kept):
            try:
                tree.replace(tree.write_temporary("", manifest), MANIFEST)
                tree.sync("")
            except OSError as exc:
                problems.append(_os_problem(self.output_dir, MANIFEST, exc, "luetteloa ei voi kirjoittaa"))
        return problems


def _staged(files: dict[str, bytes], output_dir: pathlib.Path, writing: bool) -> tuple[Plan, list[Problem]]:
    staging = Staging(output_dir, writing)
    for name, content in sorted(files.items()):
        if name != MANIFEST:
            staging.add(name, content)
    return staging.finish(files.get(MANIFEST))


def check(files: dict[str, bytes], output_dir: pathlib.Path) -> list[Problem]:
    """Problems for every file in ``output_dir`` that is stale, missing or extra, and for
    temporary files an interrupted build left."""
    current, problems = _staged(files, output_dir, writing=False)
    return problems or check_problems(current, output_dir)


def check_problems(current: Plan, output_dir: pathlib.Path) -> list[Problem]:
    """C401–C404 for what a build would still do (``current``, from :meth:`Staging.finish`)."""
    problems = []
    for name in current.write:
        code, what = ("C401", "on vanhentunut") if _exists(output_dir, name) else ("C402", "puuttuu")
        problems.append(Problem(_shown(output_dir, name), 0, 0, code, ERROR, f"tiedosto {what}",
                                "aja 'seloste build' ja lisää muutokset versionhallintaan"))
    for name in current.remove:
        problems.append(Problem(_shown(output_dir, name), 0, 0, "C403", ERROR,
                                "tiedosto on ylimääräinen: mikään rekisteri ei enää tuota sitä",
                                "aja 'seloste build', joka poistaa sen"))
    for name in current.leftovers:
        problems.append(Problem(_shown(output_dir, name), 0, 0, "C404", ERROR,
                                "keskeytyneen koonnin väliaikainen tiedosto",
                                "aja 'seloste build', joka poistaa sen"))
    return problems


def _exists(output_dir: pathlib.Path, name: str) -> bool:
    return (output_dir / name).is_file() or (output_dir / name).is_symlink()


def write(files: dict[str, bytes], output_dir: pathlib.Path) -> tuple[Plan, list[Problem]]:
    """Bring ``output_dir`` up to date with ``files``, all or nothing.

    Returns the plan that was carried out and problems: a refused or failed write leaves every
    file as it was; a stale file that cannot be removed stays in the manifest.
    """
    return _staged(files, output_dir, writing=True)


def _undo(tree: Tree, temporaries: list[str]) -> None:
    """Remove the temporary files and the folders this run made, leaving output/ as it was."""
    for temp in temporaries:
        try:
            tree.remove(temp)
        except OSError:
            pass
    for folder in reversed(tree.created):
        try:
            tree.remove_folder(folder)
        except OSError:
            pass


def _shown(output_dir: pathlib.Path, name: str) -> str:
    path = pathlib.Path(name)
    if not path.is_absolute():
        path = output_dir / name
    try:
        return str(path.relative_to(pathlib.Path.cwd()))
    except ValueError:
        return str(path)


__all__ = ["MANIFEST", "TEMP_PREFIX", "Plan", "Staging", "check", "manifest_of", "with_manifest", "write"]
