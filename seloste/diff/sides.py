"""The two sides of a diff named on the command line: files, folders or git revisions."""

from __future__ import annotations

import os
import pathlib

from seloste import project
from seloste.diff.git import Repository
from seloste.diff.git import stem
from seloste.diff.model import Side
from seloste.diff.model import SideError

WORKING_TREE = "työhakemisto"


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
            new_id = stem(new_path.name)
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
        return Side(project.shown_path(path), {}, problems, {stem(path.name)})
    return Side(project.shown_path(path), {register.id: register}, problems)


def folder_side(folder: pathlib.Path, label: str | None = None) -> Side:
    """The registers of a policy folder on disk, each with its translations (the diff names a
    translation a change left behind; the translations' own problems are validate's)."""
    from seloste.translations.document import translation_of

    paths, problems = project.discover(folder)
    registers, found = project.load_registers(paths, folder)
    found = [problem for problem in found if not problem.code.startswith("T6")]
    valid = {register.id: register for register in registers}
    failed = {stem(path.name) for path in paths if translation_of(path.name) is None} - set(valid)
    return Side(label or project.shown_path(folder), valid, problems + found, failed)
