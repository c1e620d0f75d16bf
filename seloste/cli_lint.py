"""The ``lint`` command: lint's findings, as text, JSON, GitHub annotations or the matrix
page, against a baseline of accepted findings or writing one (``seloste.lint.baseline``)."""

from __future__ import annotations

import pathlib
import sys

from seloste import cli


def lint(args) -> int:
    from seloste import produce
    from seloste.problem import count_summary

    if args.list_rules:
        from seloste.lint.docs import rules_markdown

        sys.stdout.write(rules_markdown())
        return cli.EXIT_OK
    registers, problems = cli._load(args, args.files)
    config, config_problems = cli._lint_config(args)
    findings = produce.lint_registers(registers, config, cli._cache(args))
    if args.update_baseline is not None:
        return _write_baseline(args, problems + config_problems, findings)
    if args.baseline is not None:
        findings, baseline_problems = _without_baseline(args, findings)
        config_problems = config_problems + baseline_problems
    problems = problems + config_problems + findings
    if cli._format(args) == "html":
        from seloste.lint.matrix import render_matrix
        from seloste.problem import format_problems

        sys.stdout.flush()
        sys.stdout.buffer.write(render_matrix(registers, problems))
        sys.stderr.write(format_problems([p for p in problems if p.path not in {r.path for r in registers}], "text"))
        if problems:
            print(count_summary(problems), file=sys.stderr)
        code = cli._exit_code(problems)
    else:
        if not problems:
            print(f"{cli._registers(len(registers))}, ei havaintoja", file=sys.stderr)
        code = cli._report(args, problems)
    return cli._strictly(args, problems, code)


def _baseline_path(args, given: str) -> pathlib.Path:
    from seloste.lint import baseline

    return pathlib.Path(given) if given else pathlib.Path(args.policy).parent / baseline.FILE_NAME


def _write_baseline(args, problems, findings) -> int:
    """``lint --update-baseline``: today's findings into the baseline file (not while a
    register does not load: its findings would be missing from the file)."""
    from seloste import files
    from seloste import project
    from seloste.lint import baseline
    from seloste.problem import counted

    if problems:
        return cli._report(args, problems)
    path = _baseline_path(args, args.update_baseline)
    try:
        files.write_atomically(path, baseline.dump(findings))
    except OSError as exc:
        print(f"{project.shown_path(path)}: perustasoa ei voi kirjoittaa: {exc.strerror or exc}", file=sys.stderr)
        return cli.EXIT_USAGE
    kept = [finding for finding in findings if finding.level != "info"]
    print(f"{project.shown_path(path)}: {counted(len(kept), 'havainto', 'havaintoa')} perustasoon", file=sys.stderr)
    return cli.EXIT_OK


def _without_baseline(args, findings):
    """``lint --baseline``: the findings the baseline does not accept, and the problems of reading it."""
    from seloste import project
    from seloste.lint import baseline
    from seloste.problem import counted

    path = _baseline_path(args, args.baseline)
    shown = project.shown_path(path)
    accepted, problems = baseline.load(path, shown)
    if problems:
        return findings, problems
    new, known = baseline.apply(findings, accepted, shown)
    if known:
        print(f"perustaso ({shown}): {counted(known, 'havainto', 'havaintoa')} jätetty pois", file=sys.stderr)
    return new, []
