"""Stage 5, output: write the rendered files, or check that ``output/`` already holds them.

Everything is rendered in memory first. Then ``output/`` is surveyed: what each file holds
now, what the manifest lists, leftovers of an interrupted run. A symbolic link anywhere the
tool would read, write or remove is refused before anything changes (see
:class:`seloste.files.Tree`). Writing is all or nothing: every changed file is written to a
temporary file beside its target and flushed to disk; only when all are written are they
renamed into place (``os.replace``), their folders flushed, and the manifest written last.
Unchanged files are not touched. The manifest records which files the tool wrote, so it
never deletes a file it did not write (a ``CNAME`` or ``.nojekyll`` stays), and removes the
files of a register that is gone; a file it cannot remove stays listed, to be tried again.
"""

from __future__ import annotations

import dataclasses
import errno
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
    names = sorted({*(name for name in files if name != MANIFEST), *also})
    listing = "".join(f"{name}\n" for name in names)
    return {**files, MANIFEST: (_MANIFEST_HEADER + listing).encode("utf-8")}


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


def _survey(tree: Tree, files: dict[str, bytes], output_dir: pathlib.Path) -> Plan:
    """Compare the rendered ``files`` with what ``output_dir`` holds; raises :class:`_Refused`."""
    write, unchanged = [], []
    for name, content in sorted(files.items()):
        (unchanged if _read(tree, output_dir, name) == content else write).append(name)
    listed = _manifest_names(tree, output_dir)
    remove = []
    for name in listed:
        if name in files:
            continue
        try:
            kind = tree.kind(name)
        except OSError as exc:
            raise _Refused(_os_problem(output_dir, name, exc, "tulostiedostoa ei voi lukea")) from None
        if kind == "link":
            raise _Refused(_os_problem(output_dir, name, SymbolicLink(name), ""))
        if kind == "file":
            remove.append(name)
    folders = sorted({name.rpartition("/")[0] for name in (*files, *listed)})
    leftovers = []
    for folder in folders:
        try:
            leftovers.extend(tree.temporaries(folder))
        except OSError as exc:
            raise _Refused(_os_problem(output_dir, folder, exc, "kansiota ei voi lukea")) from None
    return Plan(write, unchanged, sorted(remove), leftovers)


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


def check(files: dict[str, bytes], output_dir: pathlib.Path) -> list[Problem]:
    """Problems for every file in ``output_dir`` that is stale, missing or extra, and for
    temporary files an interrupted build left."""
    try:
        tree = _open(output_dir, create=False)
        if tree is None:
            current = Plan(sorted(files), [], [])
        else:
            with tree:
                current = _survey(tree, files, output_dir)
    except _Refused as refused:
        return [refused.problem]
    problems = []
    for name in current.write:
        exists = tree is not None and _exists(output_dir, name)
        code, what = ("C401", "on vanhentunut") if exists else ("C402", "puuttuu")
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
    nothing = Plan([], sorted(files), [])
    try:
        tree = _open(output_dir, create=True)
    except _Refused as refused:
        return nothing, [refused.problem]
    with tree:
        try:
            current = _survey(tree, files, output_dir)
        except _Refused as refused:
            _undo(tree, [])
            return nothing, [refused.problem]
        content = [name for name in current.write if name != MANIFEST]
        temporary: dict[str, str] = {}
        name = ""
        try:
            for name in content:
                if tree.kind(name) == "folder":
                    raise IsADirectoryError(21, "Is a directory", name)
                temporary[name] = tree.write_temporary(name.rpartition("/")[0], files[name])
        except OSError as exc:
            _undo(tree, list(temporary.values()))
            return nothing, [_os_problem(output_dir, name, exc, "tulostiedostoa ei voi kirjoittaa")]
        # Every new file is on disk: now rename them into place, flush their folders, remove
        # what no register makes, and last of all replace the manifest.
        for name, temp in temporary.items():
            tree.replace(temp, name)
        for folder in sorted({name.rpartition("/")[0] for name in temporary}):
            tree.sync(folder)
        problems, kept = [], []
        for name in current.remove:
            try:
                tree.remove(name)
            except OSError as exc:
                kept.append(name)
                problems.append(Problem(_shown(output_dir, name), 0, 0, "W302", ERROR,
                                        f"vanhaa tiedostoa ei voi poistaa: {os_error_text(exc)}",
                                        "poista se käsin tai korjaa oikeudet; se pysyy luettelossa ja "
                                        "seuraava koonti yrittää uudelleen"))
        for name in current.leftovers:
            try:
                tree.remove(name)
            except OSError:
                pass  # check reports it; the next build tries again
        manifest = with_manifest(files, kept)[MANIFEST] if kept else files.get(MANIFEST)
        if manifest is not None and (MANIFEST in current.write or kept):
            try:
                tree.replace(tree.write_temporary("", manifest), MANIFEST)
                tree.sync("")
            except OSError as exc:
                problems.append(_os_problem(output_dir, MANIFEST, exc, "luetteloa ei voi kirjoittaa"))
    return current, problems


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


__all__ = ["MANIFEST", "TEMP_PREFIX", "Plan", "check", "with_manifest", "write"]
