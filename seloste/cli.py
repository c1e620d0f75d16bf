"""The command line: parse arguments, call the library, print results, choose the exit code.

Only this module prints or exits. Heavy libraries are imported inside the commands so that
``python build.py --help`` starts fast.

Exit codes: 0 clean, 1 problems or stale output, 2 usage or I/O error.
"""

from __future__ import annotations

import os
import pathlib
import sys

from seloste.cli_parser import parser
from seloste.problem import INFO
from seloste.problem import counted

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2

def _registers(count: int) -> str:
    return counted(count, "rekisteri", "rekisteriä")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version"):
        argv.insert(0, "build")
    args = parser().parse_args(argv)
    if args.command is None:
        args.command = "build"
    handler = {
        "build": _build,
        "check": _check,
        "validate": _validate,
        "textconv": _textconv,
        "diff": _diff,
        "lint": _lint,
        "translations": _translations,
        "init": _init,
        "new": _new,
        "serve": _serve,
    }[args.command]
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130


def run() -> int:
    """The command line as a program runs it: :func:`main` with streams that survive any
    locale, a closed stdout and a reader that stops early, and an I/O failure nothing else
    caught reported in Finnish (exit 2) rather than as a traceback."""
    from seloste import console
    from seloste.problem import one_line
    from seloste.problem import os_error_text

    with console.guarded():
        try:
            return main()
        except OSError as exc:
            where = f"{one_line(os.fsdecode(exc.filename))}: " if exc.filename else ""
            print(f"seloste: {where}tiedostoa ei voi lukea tai kirjoittaa: {os_error_text(exc)}", file=sys.stderr)
            return EXIT_USAGE


def _init(args) -> int:
    from seloste import cli_project

    return cli_project.init(args)


def _new(args) -> int:
    from seloste import cli_project

    return cli_project.new(args)


def _serve(args) -> int:
    from seloste import cli_serve

    return cli_serve.serve(args)


def _format(args) -> str:
    if args.format != "auto":
        return args.format
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _report(args, problems) -> int:
    """Print problems; return the exit code they call for."""
    from seloste.problem import count_summary
    from seloste.problem import format_problems

    sys.stdout.write(format_problems(problems, _format(args)))
    if problems and _format(args) != "json":
        print(count_summary(problems), file=sys.stderr)
    return _exit_code(problems)


def _load(args, files: list[str] | None = None):
    from seloste import config
    from seloste import project

    policy_dir = pathlib.Path(args.policy)
    if files:  # each with its translations, or its register: they are checked together
        paths = project.with_translations([pathlib.Path(name) for name in files])
        problems = []
    else:
        paths, problems = project.discover(policy_dir)
    # Files named on the command line are judged in their own folders, not against --policy.
    registers, found = project.load_registers(paths, None if files else policy_dir, _cache(args))
    settings, setting_problems = _settings(args)
    return registers, problems + found + setting_problems + config.language_problems(settings, registers)


def _settings(args):
    """The project's settings (``seloste.yaml``) and their problems, read once per command."""
    from seloste import config

    if getattr(args, "settings", None) is None:
        args.settings = config.load_config(pathlib.Path(args.policy))
    return args.settings


def _cache(args):
    """The cache of earlier runs' results, opened once per command; None with ``--no-cache``."""
    if getattr(args, "no_cache", True):
        return None
    if getattr(args, "cache", None) is None:
        from seloste.cache import Cache
        from seloste.problem import format_problems

        args.cache, warnings = Cache.open()
        sys.stderr.write(format_problems(warnings, "github" if _format(args) == "github" else "text"))
        if args.cache is None:
            args.no_cache = True
    return args.cache


def _build(args) -> int:
    outcome = _stream(args, writing=True)
    if any(problem.is_error for problem in outcome.problems) and outcome.plan is None and not _output_problems(outcome):
        print("output/ jätettiin ennalleen virheiden vuoksi", file=sys.stderr)
    if outcome.plan is not None:
        plan = outcome.plan
        print(f"{_registers(len(outcome.registers))}: {counted(len(plan.write), 'tiedosto', 'tiedostoa')} kirjoitettu, "
              f"{len(plan.unchanged)} ennallaan, {len(plan.remove)} poistettu", file=sys.stderr)
    return _report(args, outcome.problems)


def _check(args) -> int:
    outcome = _stream(args, writing=False)
    problems = outcome.problems + _updated_warnings(args, outcome.registers)
    if not any(problem.is_error for problem in problems):
        print(f"output/ on ajan tasalla ({_registers(len(outcome.registers))})", file=sys.stderr)
    return _strictly(args, problems, _report(args, problems))


def _stream(args, writing: bool):
    """Every register of the project through every stage (:mod:`seloste.stream`); lint's
    findings are printed on stderr, as build and check never fail on them."""
    from seloste import stream

    settings, setting_problems = _settings(args)
    config, config_problems = _lint_config(args)
    outcome = stream.run(pathlib.Path(args.policy), pathlib.Path(args.output), settings, config,
                         _cache(args), writing, setting_problems, getattr(args, "jobs", 0))
    _print_lint(args, [problem for problem in config_problems if problem.level != INFO] + outcome.lint)
    return outcome


def _output_problems(outcome) -> bool:
    from seloste.output import IO_CODES

    return any(problem.code in IO_CODES for problem in outcome.problems)


def _strictly(args, problems, code: int) -> int:
    """With ``--strict``, a warning fails the command as an error does."""
    from seloste.problem import WARNING

    if code == EXIT_OK and getattr(args, "strict", False) and any(problem.level == WARNING for problem in problems):
        return EXIT_PROBLEMS
    return code


def _lint_config(args):
    from seloste import config

    named = pathlib.Path(args.config) if getattr(args, "config", None) else None
    return config.lint_config(_settings(args)[0], pathlib.Path(args.policy), named)


def _print_lint(args, findings) -> None:
    """Print lint's errors and warnings on stderr for build and check, which never fail on them."""
    from seloste.problem import count_summary
    from seloste.problem import format_problems

    if not findings:
        return
    sys.stderr.write(format_problems(findings, "github" if _format(args) == "github" else "text"))
    print(f"lint: {count_summary(findings)} (eivät estä koontia; katso seloste lint)", file=sys.stderr)


def _translations(args) -> int:
    from seloste.problem import format_problems
    from seloste.translations import exchange

    if args.action == "import":
        plan = exchange.import_translations(pathlib.Path(args.file), pathlib.Path(args.policy))
        code = _report(args, plan.problems)
        if any(problem.is_error for problem in plan.problems):
            print("käännöstiedostoja ei muutettu virheiden vuoksi", file=sys.stderr)
        else:
            print(f"{counted(len(plan.files), 'käännöstiedosto', 'käännöstiedostoa')} kirjoitettu, "
                  f"{len(plan.unchanged)} ennallaan", file=sys.stderr)
        return code
    export = exchange.export_translations(pathlib.Path(args.policy), args.files, args.language)
    problems = export.problems
    if export.content is not None and args.output:
        problems = problems + exchange.write_po(pathlib.Path(args.output), export.content)
    elif export.content is not None:
        sys.stdout.flush()
        sys.stdout.buffer.write(export.content)
    # stdout is the PO file: problems and the counts go to stderr. A PO file made is a success:
    # the problems of the translations it carries are for the translators to put right.
    sys.stderr.write(format_problems(problems, _format(args)) if problems else "")
    for line in export.summary:
        print(line, file=sys.stderr)
    if export.content is None:
        return max(_exit_code(problems), EXIT_PROBLEMS)
    return EXIT_USAGE if _exit_code(problems) == EXIT_USAGE else EXIT_OK


def _lint(args) -> int:
    from seloste import cli_lint

    return cli_lint.lint(args)


def _exit_code(problems) -> int:
    """2 when the tool could not read or write, 1 for any error, else 0."""
    from seloste.project import IO_CODES

    if any(problem.code in IO_CODES for problem in problems):
        return EXIT_USAGE
    return EXIT_PROBLEMS if any(problem.is_error for problem in problems) else EXIT_OK


def _validate(args) -> int:
    registers, problems = _load(args, args.files)
    if not problems:
        print(f"{_registers(len(registers))}, ei virheitä", file=sys.stderr)
    return _strictly(args, problems, _report(args, problems))


def _textconv(args) -> int:
    from seloste import project
    from seloste.notice import build_notice
    from seloste.problem import format_problems
    from seloste.render import render_text

    from seloste.translations.document import translation_of

    path = pathlib.Path(args.file)
    register, problems = (None, []) if translation_of(path.name) else project.load_register(path)
    if register is None:
        # git runs this for every revision it shows: a register that does not load (mid-edit,
        # or from an old revision), or a translation file, is shown as it is, so that `git diff`
        # still works.
        source, unreadable = project.read_policy_file(path, project.shown_path(path))
        if source is None:
            return _report(args, problems or unreadable)
        sys.stderr.write(format_problems(problems, "text"))
        sys.stdout.buffer.write(source)
        return EXIT_OK
    sys.stdout.buffer.write(render_text(build_notice(register.id, register.data)))
    return EXIT_OK


def _updated_warnings(args, registers) -> list:
    """Warnings for registers (``(id, path)`` each) whose text changed since HEAD while
    ``updated`` did not ([] outside git)."""
    from seloste import diff

    return diff.head_warnings(registers, pathlib.Path(args.policy), _cache(args))


def _diff(args) -> int:
    from seloste import diff
    from seloste.diff_format import format_report
    from seloste.problem import format_problems

    try:
        old, new = diff.load_sides(args.old, args.new, pathlib.Path(args.policy))
    except diff.SideError as exc:
        print(f"diff: {exc}", file=sys.stderr)
        return EXIT_USAGE
    report = diff.compare(old, new)
    colour = args.format == "text" and _stdout_is_terminal() and not os.environ.get("NO_COLOR")
    sys.stdout.flush()
    sys.stdout.buffer.write(format_report(report, args.format, colour=colour).encode("utf-8"))
    if args.format == "text":
        sys.stderr.write(format_problems(report.problems, "text"))
    if any(problem.is_error for problem in report.problems):
        return EXIT_PROBLEMS
    if args.fail_on == "material" and report.material:
        return EXIT_PROBLEMS
    return EXIT_OK


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty()
