"""The command line's arguments: every command, its options and their help.

The commands themselves are :mod:`seloste.cli` (and ``cli_*`` beside it). The program is named
as it was started: ``seloste`` when installed, ``build.py`` in this repository.
"""

from __future__ import annotations

import argparse

from seloste import __version__
from seloste.problem import REPORTERS

# ``--format`` for problems: auto and the reporters' names; lint adds its compliance matrix.
FORMATS = ("auto", *REPORTERS)
LINT_FORMATS = (*FORMATS, "html")


def parser() -> argparse.ArgumentParser:
    """The parser of the whole command line."""
    parser = argparse.ArgumentParser(
        description="Build Finnish privacy notices (tietosuojaseloste) from the YAML registers in policy/.",
        epilog="Exit codes: 0 clean, 1 problems or stale output, 2 usage or I/O error.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    common = _common(FORMATS, "how to print problems: text, github (workflow annotations), json; "
                              "auto = github under GitHub Actions, else text")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    build = commands.add_parser("build", parents=[common], help="validate every register and write output/ (the default)")
    check = commands.add_parser("check", parents=[common], help="exit 1 if output/ is stale, missing or has extra files")
    for streamed in (build, check):
        streamed.add_argument("--jobs", "-j", type=_jobs, default=0, metavar="N",
                              help="processes to spread the registers over (default: one per CPU "
                                   "from 64 registers up, else 1); the output is the same")
    validate = commands.add_parser("validate", parents=[common], help="report every problem in the given files (default: all)")
    validate.add_argument("files", nargs="*", metavar="FILE")
    for strict in (check, validate):
        strict.add_argument("--strict", action="store_true",
                            help="exit 1 on warnings too (a stale translation, say), not only on errors")
    textconv = commands.add_parser("textconv", parents=[common],
                                   help="print a register file's notice as plain text (for git diff); "
                                        "a file that does not load is printed as it is, with its problems on stderr")
    textconv.add_argument("file", metavar="FILE")
    diff = commands.add_parser(
        "diff", help="show what changed in the notices, material changes first (default: HEAD against the working tree)",
        description="Compare two versions of the registers: git revisions (OLD defaults to HEAD, NEW to the "
                    "working tree), two policy files or two policy folders.")
    diff.add_argument("old", nargs="?", metavar="OLD", help="a git revision, a policy file or a policy folder")
    diff.add_argument("new", nargs="?", metavar="NEW", help="a git revision, a policy file or a policy folder")
    diff.add_argument("--policy", metavar="DIR", default="policy", help="folder of register files (default: policy)")
    diff.add_argument("--format", choices=("text", "markdown", "json", "html"), default="text",
                      help="text (coloured on a terminal unless NO_COLOR is set), markdown (for a pull request "
                           "comment), json, or html (a standalone page)")
    diff.add_argument("--fail-on", choices=("never", "material"), default="never",
                      help="material = exit 1 when there is a material change (default: never)")
    lint = commands.add_parser(
        "lint", parents=[_common(LINT_FORMATS, "text, github (workflow annotations), json, or html (a one-page "
                                               "compliance matrix); auto = github under GitHub Actions, else text")],
        help="check registers against GDPR Articles 13 and 14 and Finnish law (default: all)")
    lint.add_argument("files", nargs="*", metavar="FILE")
    lint.add_argument("--strict", action="store_true", help="exit 1 on warnings too, not only on errors")
    lint.add_argument("--baseline", nargs="?", const="", metavar="FILE",
                      help="report only findings not in the baseline (default: lint-baseline.json beside the policy folder)")
    lint.add_argument("--update-baseline", nargs="?", const="", metavar="FILE",
                      help="write today's findings into the baseline file and exit 0")
    lint.add_argument("--config", metavar="FILE",
                      help="rule levels (default: lint.yaml in the folder that holds the policy folder)")
    lint.add_argument("--list-rules", action="store_true",
                      help="print the rules' documentation (docs/rules.md, Markdown) and exit")
    _translation_parser(commands)
    _project_parser(commands)
    return parser


def _project_parser(commands) -> None:
    """``init`` and ``new``: an organisation's notices repository, and a register in it."""
    init = commands.add_parser(
        "init", help="make a notices repository: settings, policy/ with an example register, the GitHub workflow, "
                     "pre-commit, git attributes, editor settings and the schemas (refuses to overwrite anything)")
    init.add_argument("folder", nargs="?", default=".", metavar="DIR", help="where (default: the working folder)")
    init.add_argument("--organisation", required=True, metavar="NAME", help="the organisation's name, e.g. 'Esimerkki Oy'")
    init.add_argument("--business-id", metavar="Y-TUNNUS", help="its Y-tunnus, e.g. 1234567-8")
    init.add_argument("--postal-address", metavar="ADDRESS")
    init.add_argument("--email", metavar="ADDRESS", help="where data subjects write")
    init.add_argument("--phone", metavar="NUMBER")
    init.add_argument("--website", metavar="URL")
    init.add_argument("--languages", metavar="fi,sv", help="the languages every notice is published in")
    init.add_argument("--base-url", metavar="URL", help="where output/ is published (https://…/)")
    init.add_argument("--format", choices=FORMATS, default="auto", help="how to print problems")
    new = commands.add_parser(
        "new", help="add policy/ID.yaml, a register to fill in, with the organisation's details from seloste.yaml")
    new.add_argument("id", metavar="ID", help="the register's id: its file name, e.g. rekrytointirekisteri")
    new.add_argument("--name", help="the register's name (default: from the id)")
    new.add_argument("--controller", metavar="NAME",
                     help="the controller's name, when seloste.yaml gives no organisation (default: its organisation)")
    new.add_argument("--policy", metavar="DIR", default="policy", help="folder of register files (default: policy)")
    new.add_argument("--format", choices=FORMATS, default="auto", help="how to print problems")
    serve = commands.add_parser(
        "serve", help="a live preview on this machine: the notices as published, their problems and changes, "
                      "updated on every save")
    serve.add_argument("--port", type=int, default=8000, help="the port (default: 8000; 0: any free one)")
    serve.add_argument("--host", default="127.0.0.1", help="the address (default: 127.0.0.1, this machine only)")
    serve.add_argument("--public", action="store_true", help="allow an address other machines can reach")
    serve.add_argument("--against", default="HEAD", metavar="REVISION",
                       help="the git revision the changes are shown against (default: HEAD)")
    serve.add_argument("--policy", metavar="DIR", default="policy", help="folder of register files (default: policy)")


def _translation_parser(commands) -> None:
    """``translations export`` and ``translations import``: the translators' PO files."""
    from seloste.resources import translation_languages

    options = argparse.ArgumentParser(add_help=False)
    options.add_argument("--policy", metavar="DIR", default="policy", help="folder of register files (default: policy)")
    options.add_argument("--format", choices=FORMATS, default="auto", help="how to print problems (as for validate)")
    # Accepted as every command accepts it; the translation commands read their files anew anyway.
    options.add_argument("--no-cache", action="store_true", help="read every file anew (they always do)")
    translations = commands.add_parser(
        "translations", help="the translators' exchange: a register's texts out as a PO file, their translations back in")
    actions = translations.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", parents=[options],
                                help="write the texts to translate into LANGUAGE as a gettext PO file (stdout)")
    export.add_argument("--language", required=True, choices=translation_languages())
    export.add_argument("files", nargs="*", metavar="FILE",
                        help="register files (default: every register whose languages include LANGUAGE)")
    export.add_argument("--output", metavar="FILE", help="write the PO file to FILE instead of stdout")
    imported = actions.add_parser("import", parents=[options],
                                  help="write a PO file's translations into policy/<id>.<language>.yaml")
    imported.add_argument("file", metavar="FILE.po")


def _jobs(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 256:
        raise argparse.ArgumentTypeError(f"prosessien määrä on 1–256, ei '{text}'")
    return int(text)


def _common(formats: tuple, format_help: str) -> argparse.ArgumentParser:
    """The options every project command takes, with ``--format`` choosing among ``formats``."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--policy", metavar="DIR", default="policy", help="folder of register files (default: policy)")
    common.add_argument("--output", metavar="DIR", default="output", help="folder of generated files (default: output)")
    common.add_argument("--format", choices=formats, default="auto", help=format_help)
    common.add_argument("--no-cache", action="store_true",
                        help="neither use nor keep results of earlier runs for unchanged inputs "
                             "(kept in .seloste-cache/, or in $SELOSTE_CACHE_DIR)")
    return common
