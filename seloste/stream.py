"""``build`` and ``check`` over a whole project, one register at a time.

Each register goes through every stage (load, validate, its translations, lint, render) and
its files go straight to ``output/``'s staging area (:class:`seloste.output.Staging`), so a
build holds one register at a time and, of the others, only a small summary: the problems
found, lint's findings, each notice's index entry and the key its files are cached under.
The index pages, the site's own files and the manifest come last. Writing is all or nothing
as before: the first error of any register stops the rendering, undoes what was staged, and
the remaining registers are still read for their problems, so that one run reports them all.
"""

from __future__ import annotations

import dataclasses
import pathlib
import typing

from seloste import project
from seloste.output import Plan
from seloste.output import Staging
from seloste.output import check_problems
from seloste.output import manifest_of
from seloste.problem import INFO
from seloste.problem import Problem

if typing.TYPE_CHECKING:
    from seloste.cache import Cache
    from seloste.config import ProjectConfig


@dataclasses.dataclass
class Outcome:
    """What a run did: the registers it could use (``(id, shown path)`` each), every problem
    (output's among them), lint's errors and warnings (for a build only when it has no
    errors), and for a build what it wrote (None when it wrote nothing)."""

    registers: list[tuple[str, str]]
    problems: list[Problem]
    lint: list[Problem]
    plan: Plan | None = None


def run(policy_dir: pathlib.Path, output_dir: pathlib.Path, settings: ProjectConfig, lint_config,
        cache: Cache | None = None, writing: bool = True, known: list[Problem] = ()) -> Outcome:
    """Build ``output_dir`` from the registers of ``policy_dir`` (or with ``writing`` off, as
    ``check`` does, find what a build would change). ``known`` are problems found before (the
    settings'): with an error among them, nothing is written either."""
    from seloste import config
    from seloste import produce

    paths, problems = project.discover(policy_dir)
    problems[:0] = known
    staging = Staging(output_dir, writing) if not any(problem.is_error for problem in problems) else None
    outcome = Outcome([], problems, [])
    entries: list = []
    keys: list[str] = []
    for register, found in project.each_register(paths, policy_dir, cache):
        if register is not None:
            found = found + config.language_problems(settings, [register])
        problems.extend(found)
        if register is None:
            continue
        outcome.registers.append((register.id, register.path))
        if staging is not None and any(problem.is_error for problem in found):
            staging.abandon()  # nothing is written when any register has an error
            staging = None
        if writing and staging is None:
            continue  # a build with errors reports them, not lint's findings
        outcome.lint.extend(finding for finding in produce.lint_register(register, lint_config, cache)
                            if finding.level != INFO)
        if staging is None:
            continue
        files, index_entries, key = produce.render_register(register, settings.site, cache)
        for name, content in sorted(files.items()):
            staging.add(name, content)
        entries.extend(index_entries)
        keys.append(key)
    if staging is not None and any(problem.is_error for problem in problems):
        staging.abandon()
        staging = None
    if staging is None:
        if writing:
            outcome.lint = []
        return outcome
    _finish(staging, outcome, entries, keys, settings, cache)
    return outcome


def _finish(staging: Staging, outcome: Outcome, entries: list, keys: list[str], settings, cache) -> None:
    """The index pages, the site's own files and the manifest; then the staged files into place."""
    from seloste import produce
    from seloste import render

    indexes = produce.render_indexes(entries, keys, settings.site, cache)
    own = render.site_files({}, indexes, settings.site, entries)
    for name, content in own.items():
        staging.add(name, content)
    plan, problems = staging.finish(manifest_of(staging.names))
    outcome.problems.extend(problems)
    if staging.writing:
        outcome.plan = None if problems else plan
    elif not problems:
        outcome.problems.extend(check_problems(plan, staging.output_dir))
