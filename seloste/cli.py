"""The command line: parse arguments, call the library, print results, choose the exit code.

Only this module prints or exits. Heavy libraries are imported inside the commands so that
``python build.py --help`` starts fast.

Exit codes: 0 clean, 1 problems or stale output, 2 usage or I/O error.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import sys

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2

FORMATS = ("auto", "text", "github", "json")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build.py",
        description="Build Finnish privacy notices (tietosuojaseloste) from the YAML registers in policy/.",
        epilog="Exit codes: 0 clean, 1 problems or stale output, 2 usage or I/O error.",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--policy", metavar="DIR", default="policy", help="folder of register files (default: policy)")
    common.add_argument("--output", metavar="DIR", default="output", help="folder of generated files (default: output)")
    common.add_argument("--format", choices=FORMATS, default="auto",
                        help="how to print problems: text, github (workflow annotations), json; "
                             "auto = github under GitHub Actions, else text")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("build", parents=[common], help="validate every register and write output/ (the default)")
    commands.add_parser("check", parents=[common], help="exit 1 if output/ is stale, missing or has extra files")
    validate = commands.add_parser("validate", parents=[common], help="report every problem in the given files (default: all)")
    validate.add_argument("files", nargs="*", metavar="FILE")
    textconv = commands.add_parser("textconv", parents=[common],
                                   help="print a register file's notice as plain text (for git diff)")
    textconv.add_argument("file", metavar="FILE")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv.insert(0, "build")
    args = _parser().parse_args(argv)
    if args.command is None:
        args.command = "build"
    handler = {
        "build": _build,
        "check": _check,
        "validate": _validate,
        "textconv": _textconv,
    }[args.command]
    try:
        return handler(args)
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


def _format(args) -> str:
    if args.format != "auto":
        return args.format
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _report(args, problems) -> int:
    """Print problems; return the exit code they call for."""
    from seloste.problem import count_summary
    from seloste.problem import format_problems
    from seloste.project import IO_CODES

    sys.stdout.write(format_problems(problems, _format(args)))
    if problems and _format(args) != "json":
        print(count_summary(problems), file=sys.stderr)
    if any(problem.code in IO_CODES for problem in problems):
        return EXIT_USAGE
    return EXIT_PROBLEMS if any(problem.is_error for problem in problems) else EXIT_OK


def _load(args, files: list[str] | None = None):
    from seloste import project

    policy_dir = pathlib.Path(args.policy)
    if files:
        paths = [pathlib.Path(name) for name in files]
        problems = []
    else:
        paths, problems = project.discover(policy_dir)
    registers, found = project.load_registers(paths, policy_dir)
    return registers, problems + found


def _build(args) -> int:
    from seloste import output
    from seloste import project

    registers, problems = _load(args)
    if any(problem.is_error for problem in problems):
        print("output/ jätettiin ennalleen virheiden vuoksi", file=sys.stderr)
        return _report(args, problems)
    files = project.render_site(registers)
    plan, write_problems = output.write(files, pathlib.Path(args.output))
    problems += write_problems
    if not write_problems:
        print(f"{len(registers)} rekisteriä: {len(plan.write)} tiedostoa kirjoitettu, "
              f"{len(plan.unchanged)} ennallaan, {len(plan.remove)} poistettu", file=sys.stderr)
    return _report(args, problems)


def _check(args) -> int:
    from seloste import output
    from seloste import project

    registers, problems = _load(args)
    if not any(problem.is_error for problem in problems):
        problems += output.check(project.render_site(registers), pathlib.Path(args.output))
    if not any(problem.is_error for problem in problems):
        print(f"output/ on ajan tasalla ({len(registers)} rekisteriä)", file=sys.stderr)
    return _report(args, problems)


def _validate(args) -> int:
    registers, problems = _load(args, args.files)
    if not problems:
        print(f"{len(registers)} rekisteriä, ei virheitä", file=sys.stderr)
    return _report(args, problems)


def _textconv(args) -> int:
    from seloste import project
    from seloste.notice import build_notice
    from seloste.render import render_text

    path = pathlib.Path(args.file)
    register, problems = project.load_register(path)
    if register is None:
        return _report(args, problems)
    sys.stdout.buffer.write(render_text(build_notice(register.id, register.data)))
    return EXIT_OK
