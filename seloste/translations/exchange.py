"""The translators' exchange as the command line runs it: a policy folder's texts out as a PO
file, a PO file's translations back into its translation files.

Decided here, printed by :mod:`seloste.cli`: which registers an export takes, and that nothing
is written while any problem that the exchange does not itself put right stands (a register
or translation file that does not load, a PO file that does not parse, an entry for no text).
"""

from __future__ import annotations

import dataclasses
import pathlib

from seloste import files
from seloste import project
from seloste.problem import ERROR
from seloste.problem import Problem
from seloste.problem import counted
from seloste.problem import os_error_text
from seloste.translations.checks import STATE_CODES
from seloste.translations.checks import review
from seloste.translations.po_export import export_po
from seloste.translations.po_file import read_po
from seloste.translations.po_import import ImportPlan
from seloste.translations.po_import import plan_import
from seloste.translations.texts import translatable_fields
from seloste.translations.writing import write_files

# A PO file may hold the texts of many registers, each up to the loader's 1 MiB.
MAX_PO_BYTES = 64 * 1024 * 1024


@dataclasses.dataclass
class Export:
    """A PO file's bytes (None when it cannot be made), the problems, and a line a register
    telling how many of its texts are translated."""

    content: bytes | None
    problems: list[Problem]
    summary: list[str]


def export_translations(policy_dir: pathlib.Path, named: list[str], language: str) -> Export:
    """The PO file of the texts to translate into ``language``: of the registers ``named``
    (files, a translation file naming its register), or else of every register of
    ``policy_dir`` that lists ``language`` in ``languages``. Problems of the translations
    themselves (stale, missing ...) are what the file is for, and do not keep it from being made."""
    if named:
        paths, problems = project.with_translations([pathlib.Path(name) for name in named]), []
    else:
        paths, problems = project.discover(policy_dir)
    registers, found = project.load_registers(paths, None if named else policy_dir)
    problems = problems + found
    if _blocking(registers, problems):
        return Export(None, _not_state(problems), [])
    chosen = registers if named else [register for register in registers
                                      if language in register.data.get("languages", [])]
    summary = []
    for register in sorted(chosen, key=lambda register: register.id):
        translation = register.translations.get(language)
        state = review(translatable_fields(register.data), translation.entries if translation else {})
        texts = len(state.current) + len(state.stale) + len(state.moved) + len(state.missing)
        summary.append(f"{register.id}: {counted(texts, 'teksti', 'tekstiä')}, {len(state.missing)} kääntämättä, "
                       f"{len(state.stale)} muuttunut (fuzzy)")
    return Export(export_po(chosen, language), _not_state(problems), summary)


def write_po(path: pathlib.Path, content: bytes) -> list[Problem]:
    """Write an exported PO file to ``path`` atomically (T616 when it cannot be written)."""
    return write_files(path.parent, {path.name: content}, {path.name: project.shown_path(path)})


def import_translations(po_path: pathlib.Path, policy_dir: pathlib.Path) -> ImportPlan:
    """Read the PO file at ``po_path`` and write its translations into the translation files of
    ``policy_dir``'s registers. With any error (T617 the file cannot be read, T611–T614, T604,
    a translation the register's schema refuses, T616), nothing is changed."""
    shown = project.shown_path(po_path)
    try:
        source = files.read_regular(po_path, MAX_PO_BYTES)
    except OSError as exc:
        why = f"tämä ei ole tavallinen tiedosto vaan {files.kind_of(exc)}" if isinstance(exc, files.NotRegularFile) \
            else "tiedosto on liian suuri" if isinstance(exc, files.TooLarge) else os_error_text(exc)
        return ImportPlan(problems=[Problem(shown, 0, 0, "T617", ERROR, f"PO-tiedostoa ei voi lukea: {why}",
                                            "anna kääntäjältä saadun .po-tiedoston polku")])
    catalog, problems = read_po(source, shown)
    if catalog is None:
        return ImportPlan(problems=problems)
    paths, problems = project.discover(policy_dir)
    registers, found = project.load_registers(paths, policy_dir)
    failed = {path.name.rsplit(".", 1)[0] for path in paths} - {register.id for register in registers}
    plan = plan_import(catalog, registers, failed, problems + found)
    plan.problems = [problem for problem in problems if problem.is_error] + plan.problems
    if not any(problem.is_error for problem in plan.problems) and plan.files:
        plan.problems += write_files(policy_dir, plan.files, plan.shown)
    return plan


def _blocking(registers: list, problems: list[Problem]) -> bool:
    """Whether a file did not load: an error that is no state of a translation (T601–T606) nor
    a problem of a loaded translation's texts (a link a translator put right in the PO file)."""
    loaded = {translation.path for register in registers for translation in register.translations.values()}
    return any(problem.is_error and problem.code not in STATE_CODES and problem.path not in loaded
               for problem in problems)


def _not_state(problems: list[Problem]) -> list[Problem]:
    return [problem for problem in problems if problem.code not in STATE_CODES]
