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
import os
import pathlib
import sys
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
        cache: Cache | None = None, writing: bool = True, known: list[Problem] = (), jobs: int = 0) -> Outcome:
    """Build ``output_dir`` from the registers of ``policy_dir`` (or with ``writing`` off, as
    ``check`` does, find what a build would change). ``known`` are problems found before (the
    settings'): with an error among them, nothing is written either. ``jobs`` is the number of
    processes to spread the registers over (0: see :func:`workers`)."""
    paths, problems = project.discover(policy_dir)
    problems[:0] = known
    found, tasks = project.plan_registers(paths)
    problems.extend(found)
    history = _history(policy_dir, settings, problems)
    staging = Staging(output_dir, writing) if not any(problem.is_error for problem in problems) else None
    outcome = Outcome([], problems, [])
    entries: list = []
    keys: list[str] = []
    histories: list = []
    seen: dict[str, str] = {}
    job = _Job(policy_dir, settings, lint_config, cache, history)
    try:
        for summary, found, lint, rendered in _results(tasks, job, workers(len(tasks), jobs)):
            taken = summary and project.id_taken(*summary, seen)
            found = found + [taken] if taken else found
            problems.extend(found)
            if staging is not None and any(problem.is_error for problem in found):
                staging.abandon()  # nothing is written when any register has an error
                staging = None
            if summary is None or taken:
                continue
            outcome.registers.append(summary)
            outcome.lint.extend(lint)
            if staging is None:
                continue
            files, index_entries, key, versions = rendered
            for name, content in sorted(files.items()):
                staging.add(name, content)
            entries.extend(index_entries)
            keys.append(key)
            if versions is not None:
                histories.extend((entry, versions.get(entry.language, [])) for entry in index_entries)
    except BaseException:  # interrupted (Ctrl-C) or failed: no temporary file stays behind
        if staging is not None:
            staging.abandon()
        raise
    if staging is None:
        if writing and any(problem.is_error for problem in problems):
            outcome.lint = []  # a build with errors reports them, not lint's findings
        return outcome
    _finish(staging, outcome, entries, keys, settings, cache, histories)
    return outcome


def _history(policy_dir: pathlib.Path, settings: ProjectConfig, problems: list[Problem]):
    """The registers' history in git when the project publishes versions (None when it does
    not); a warning in ``problems`` when there is none to read."""
    if not settings.site.versions:
        return None
    from seloste.config import FILE_NAME
    from seloste.history import read_history
    from seloste.problem import WARNING

    history = read_history(policy_dir)
    if history.reason:
        path = policy_dir.parent / FILE_NAME
        try:  # at the setting's line (the settings were read and checked before, so it is there)
            lines = path.read_text(encoding="utf-8").splitlines()
            line = next((number for number, text in enumerate(lines, 1) if text.startswith("versions:")), 0)
        except (OSError, UnicodeDecodeError):
            line = 0
        problems.append(Problem(project.shown_path(path), line, 1 if line else 0, "P703", WARNING,
                                f"selosteiden aiempia versioita ei koottu, vain nykyiset: {history.reason}",
                                "koko historia tarvitaan: git clone ilman --depth-valintaa tai git fetch --unshallow; "
                                "GitHub Actionsissa actions/checkout-vaiheeseen fetch-depth: 0"))
    return history


@dataclasses.dataclass
class _Job:
    """What the work on every register needs besides the register."""

    policy_dir: pathlib.Path
    settings: ProjectConfig
    lint_config: object
    cache: Cache | None
    history: object = None  # seloste.history.History when the project publishes versions


_JOB: _Job | None = None  # the job of the worker processes, set before they start


def _work(task: tuple) -> tuple:
    """One register through every stage: its ``(id, shown path)`` (None if unusable), its
    problems, lint's errors and warnings, and ``(files, index entries, cache key, versions)``
    (None when it has an error; versions None when the project publishes none)."""
    from seloste import config
    from seloste import produce

    job = _JOB
    path, family = task
    register, problems = project.load_task(path, family, job.policy_dir, job.cache)
    if register is None:
        return None, problems, [], None
    problems = problems + config.language_problems(job.settings, [register])
    lint = [finding for finding in produce.lint_register(register, job.lint_config, job.cache) if finding.level != INFO]
    if any(problem.is_error for problem in problems):
        return (register.id, register.path), problems, lint, None
    history_files, versions = {}, None
    if job.history is not None:
        from seloste.versions import history_files as made

        history_files, versions = made(register, job.history, job.settings.site, job.cache)
    files, entries, key = produce.render_register(register, job.settings.site, job.cache, versions)
    return (register.id, register.path), problems, lint, ({**files, **history_files}, entries, key, versions)


# Below this many registers, starting worker processes costs more than it saves.
FEW = 64


def workers(count: int, jobs: int = 0) -> int:
    """How many processes to spread ``count`` registers over: ``jobs`` if given, else one for
    each CPU this process may use, and one for a few registers or where processes cannot be
    forked (not Linux)."""
    if not sys.platform.startswith("linux"):
        return 1
    if jobs:
        return max(1, min(jobs, count))
    if count < FEW:
        return 1
    return max(1, len(os.sched_getaffinity(0)))


def _results(tasks: list[tuple], job: _Job, processes: int) -> typing.Iterator[tuple]:
    """:func:`_work` on each task, in order: in this process, or spread over ``processes``."""
    global _JOB

    _JOB = job
    try:
        if processes <= 1:
            yield from map(_work, tasks)
            return
        import collections
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(processes) as pool:
            # In order, a few registers at a time to each worker, so the output is the same bytes;
            # and no more than a few batches a worker ahead of the writing, so that results read
            # from the cache faster than they are written do not pile up in memory.
            batches = (tasks[start:start + BATCH] for start in range(0, len(tasks), BATCH))
            pending: collections.deque = collections.deque()
            for batch in batches:
                pending.append(pool.apply_async(_work_batch, (batch,)))
                if len(pending) >= AHEAD * processes:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()
    finally:
        _JOB = None


BATCH = 4  # registers a worker takes at a time
AHEAD = 4  # batches a worker may be ahead of the writing


def _work_batch(batch: list[tuple]) -> list[tuple]:
    return [_work(task) for task in batch]


def _finish(staging: Staging, outcome: Outcome, entries: list, keys: list[str], settings, cache,
            histories: list) -> None:
    """The index pages, the site's own files and the manifest; then the staged files into place."""
    from seloste import produce
    from seloste import render

    indexes = produce.render_indexes(entries, keys, settings.site, cache)
    own = render.site_files({}, indexes, settings.site, entries, histories)
    for name, content in own.items():
        staging.add(name, content)
    plan, problems = staging.finish(manifest_of(staging.names))
    outcome.problems.extend(problems)
    if staging.writing:
        outcome.plan = None if problems else plan
    elif not problems:
        outcome.problems.extend(check_problems(plan, staging.output_dir))
