"""The rules' documentation, generated from the rule modules: ``docs/rules.md``.

Each rule module's docstring says why the rule exists and shows a passing and a failing
piece of a register after ``PASS:`` and ``FAIL:``. :func:`rule_examples` reads them (the
tests run both examples) and :func:`rules_markdown` writes the whole document, which
``python build.py lint --list-rules`` prints.
"""

from __future__ import annotations

import dataclasses
import inspect
import textwrap

from seloste.lint import CONFIG_FILE
from seloste.lint import CONFIG_PROBLEM
from seloste.lint import RULES
from seloste.lint import SEVERITIES
from seloste.lint import UNKNOWN_IGNORE
from seloste.lint import baseline


@dataclasses.dataclass(frozen=True)
class RuleDoc:
    """A rule's docstring in parts: summary line, description, and the two YAML examples."""

    summary: str
    description: str
    passing: str
    failing: str


def rule_examples(rule) -> RuleDoc:
    """The parts of ``rule``'s docstring; raises ValueError if PASS: or FAIL: is missing."""
    lines = inspect.cleandoc(rule.__doc__ or "").splitlines()
    try:
        pass_at = lines.index("PASS:")
        fail_at = lines.index("FAIL:")
    except ValueError:
        raise ValueError(f"{rule.__name__}: the docstring needs a PASS: and a FAIL: example") from None
    if not 0 < pass_at < fail_at:
        raise ValueError(f"{rule.__name__}: PASS: must come before FAIL:, after the summary")
    summary = lines[0].strip()
    description = "\n".join(lines[1:pass_at]).strip()
    return RuleDoc(summary, description, _block(lines[pass_at + 1:fail_at]), _block(lines[fail_at + 1:]))


def _block(lines: list[str]) -> str:
    return textwrap.dedent("\n".join(lines)).strip("\n") + "\n"


def rules_markdown() -> str:
    """The Markdown text of ``docs/rules.md``: an overview table and one section per rule."""
    out = [
        "# Lint rules",
        "",
        "<!-- Generated from seloste/lint/rules/ by `python build.py lint --list-rules > docs/rules.md`;",
        "     tests/test_lint.py fails when this file is out of date. Do not edit by hand. -->",
        "",
        "`python build.py lint [--strict] [FILE…]` checks validated registers against GDPR Articles 13",
        "and 14 and Finnish law. Every message is Finnish and starts with the legal reference it is",
        "about. `lint` exits 1 on errors, and with `--strict` on warnings too; `build` and `check`",
        "show lint's errors and warnings on stderr but never fail because of them. `--format` takes",
        "`text`, `github`, `json` or `html` (a one-page compliance matrix of registers and GDPR points).",
        "",
        "## Silencing a rule in one register",
        "",
        "A rule that does not apply to a register is silenced in that register's file, with the",
        "reason written down; `lint` then shows the rule as silenced, with its reason, as an `info` line:",
        "",
        "```yaml",
        "lint:",
        "  ignore:",
        "    - rule: GDPR-13-2-b",
        "      reason: Käsittely ei perustu suostumukseen eikä sopimukseen, joten siirto-oikeutta (GDPR 20) ei ole.",
        "```",
        "",
        f"An ignore naming a rule that does not exist is reported as `{UNKNOWN_IGNORE}` (warning).",
        "",
        "## Project-wide levels",
        "",
        f"`{CONFIG_FILE}` next to the policy folder (or the file given with `lint --config FILE`) sets",
        f"a rule's level for every register: {', '.join(f'`{level}`' for level in SEVERITIES)}.",
        "",
        "```yaml",
        "rules:",
        "  GDPR-13-1-b: off",
        "  FI-LEGACY-LAYOUT: info",
        "```",
        "",
        f"Unknown rules, unknown levels and other mistakes in that file are reported as `{CONFIG_PROBLEM}`.",
        "",
        "## A baseline",
        "",
        f"`lint --update-baseline` writes today's findings into `{baseline.FILE_NAME}` beside the policy folder;",
        "`lint --baseline` then reports only the findings that are not in it. A missing or broken",
        f"baseline is `{baseline.CODE}` (error); a baseline entry that no longer occurs is `{baseline.CODE}` (info).",
        "",
        "## Points told in the register's own text",
        "",
        "A paragraph, list, list entry, table row, sub-heading or own section may declare the GDPR",
        "points it states (`states: [access, erasure]`, the names of the schema's `$defs/fact`). The",
        "rules below that say so count such a text as stating their point, and the compliance matrix",
        "marks the point \"✓ tekstissä\".",
        "",
        "## Rules",
        "",
        "| ID | level | reference | rule |",
        "| --- | --- | --- | --- |",
    ]
    for rule in RULES:
        out.append(f"| [{rule.ID}](#{rule.ID.lower()}) | {rule.LEVEL} | {rule.REFERENCE} | {rule.TITLE} |")
    for rule in RULES:
        doc = rule_examples(rule)
        out += [
            "",
            f"### {rule.ID}",
            "",
            f"**{rule.TITLE}.** Reference: {rule.REFERENCE}. Level: `{rule.LEVEL}`. "
            f"Module: `seloste/lint/rules/{rule.__name__.rsplit('.', 1)[1]}.py`.",
            "",
            doc.summary,
        ]
        if doc.description:
            out += ["", doc.description]
        if getattr(rule, "FACTS", ()):
            out += ["", "A text of the register's own that declares "
                    + " or ".join(f"`states: {fact}`" for fact in rule.FACTS) + " also states the point."]
        out += ["", "Passes:", "", "```yaml", doc.passing.rstrip("\n"), "```", "",
                "Fails:", "", "```yaml", doc.failing.rstrip("\n"), "```"]
    return "\n".join(out) + "\n"
