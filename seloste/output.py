"""Stage 5, output: write the rendered files, or check that ``output/`` already holds them.

Everything is rendered in memory first. Writing is all or nothing: every changed file is
first written to a temporary file beside its target; only when all of them are written are
they renamed into place (``os.replace``). Unchanged files are not touched. A manifest records
which files the tool wrote, so it never deletes a file it did not write (a ``CNAME`` or
``.nojekyll`` stays), and removes the files of a register that is gone.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import pathlib

from seloste.problem import ERROR
from seloste.problem import Problem
from seloste.problem import os_error_text

MANIFEST = ".seloste-manifest"
_MANIFEST_HEADER = "# Files written by seloste (python build.py). Do not edit; other files here are left alone.\n"


@dataclasses.dataclass
class Plan:
    """What a build would do to ``output/``."""

    write: list[str]  # new or changed files
    unchanged: list[str]
    remove: list[str]  # files the tool wrote earlier that no register produces any more


def with_manifest(files: dict[str, bytes]) -> dict[str, bytes]:
    """``files`` plus the manifest that lists them."""
    listing = "".join(f"{name}\n" for name in sorted(files) if name != MANIFEST)
    return {**files, MANIFEST: (_MANIFEST_HEADER + listing).encode("utf-8")}


def read_manifest(output_dir: pathlib.Path) -> list[str]:
    """The files an earlier build wrote, from the manifest (empty when there is none)."""
    try:
        text = (output_dir / MANIFEST).read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return []
    return [line for line in text.splitlines() if line and not line.startswith("#") and _is_inside(line)]


def _is_inside(name: str) -> bool:
    parts = pathlib.PurePosixPath(name).parts
    return bool(parts) and not name.startswith("/") and ".." not in parts


def plan(files: dict[str, bytes], output_dir: pathlib.Path) -> Plan:
    """Compare the rendered ``files`` with what ``output_dir`` holds."""
    write, unchanged = [], []
    for name, content in sorted(files.items()):
        target = output_dir / name
        try:
            current = target.read_bytes()
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            current = None
        (unchanged if current == content else write).append(name)
    remove = [name for name in read_manifest(output_dir) if name not in files and (output_dir / name).is_file()]
    return Plan(write, unchanged, sorted(remove))


def check(files: dict[str, bytes], output_dir: pathlib.Path) -> list[Problem]:
    """Problems for every file in ``output_dir`` that is stale, missing or extra."""
    current = plan(files, output_dir)
    problems = []
    for name in current.write:
        exists = (output_dir / name).exists()
        code, what = ("C401", "on vanhentunut") if exists else ("C402", "puuttuu")
        problems.append(Problem(_shown(output_dir, name), 0, 0, code, ERROR, f"tiedosto {what}",
                                "aja 'python build.py' ja lisää muutokset versionhallintaan"))
    for name in current.remove:
        problems.append(Problem(_shown(output_dir, name), 0, 0, "C403", ERROR,
                                "tiedosto on ylimääräinen: mikään rekisteri ei enää tuota sitä",
                                "aja 'python build.py', joka poistaa sen"))
    return problems


def write(files: dict[str, bytes], output_dir: pathlib.Path) -> tuple[Plan, list[Problem]]:
    """Bring ``output_dir`` up to date with ``files``, all or nothing.

    Returns the plan that was carried out and problems (an I/O error leaves every file as it was).
    """
    current = plan(files, output_dir)
    temporary: list[tuple[pathlib.Path, pathlib.Path]] = []
    created: list[pathlib.Path] = []
    name = ""
    try:
        for name in current.write:
            target = output_dir / name
            if target.is_dir():
                # os.replace could not put a file there; find out before anything is renamed.
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
            _make_folders(target.parent, created)
            temp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
            temporary.append((temp, target))
            _write_file(temp, files[name])
    except OSError as exc:
        for temp, _ in temporary:
            _remove_quietly(temp)
        for folder in reversed(created):
            folder.rmdir()
        return Plan([], current.unchanged + current.write, []), [
            Problem(_shown(output_dir, name), 0, 0, "W301", ERROR,
                    f"tulostiedostoa ei voi kirjoittaa: {os_error_text(exc)}",
                    "tarkista, että kansioon saa kirjoittaa ja levyllä on tilaa; mitään ei muutettu")]
    # Renames within one folder are atomic; the manifest, listed last, is renamed last.
    ordered = sorted(temporary, key=lambda pair: pair[1].name == MANIFEST)
    for temp, target in ordered:
        os.replace(temp, target)
    problems = []
    for name in current.remove:
        try:
            (output_dir / name).unlink()
        except OSError as exc:
            problems.append(Problem(_shown(output_dir, name), 0, 0, "W302", ERROR,
                                    f"vanhaa tiedostoa ei voi poistaa: {os_error_text(exc)}"))
    return current, problems


def _make_folders(folder: pathlib.Path, created: list[pathlib.Path]) -> None:
    """Create ``folder`` and its missing parents, noting each one made (to undo on failure)."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
        created.append(path)


def _write_file(path: pathlib.Path, content: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(content)


def _remove_quietly(path: pathlib.Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def _shown(output_dir: pathlib.Path, name: str) -> str:
    path = pathlib.Path(name)
    if not path.is_absolute():
        path = output_dir / name
    try:
        return str(path.relative_to(pathlib.Path.cwd()))
    except ValueError:
        return str(path)
