"""The diff's report (see :mod:`seloste.diff`) as text, Markdown, JSON or HTML.

Text is for a terminal (ANSI colours only when asked), Markdown for a pull-request comment or
a CI job summary, JSON for other tools and HTML a standalone page. Every value from a register
is escaped for the format it goes into. Nothing here prints.
"""

from __future__ import annotations

import html
import json
import re

from seloste import markup
from seloste.diff import ADDED
from seloste.diff import CHANGED
from seloste.diff import REMOVED
from seloste.diff import RegisterDiff
from seloste.diff import Report
from seloste.diff import Row


def format_report(report: Report, fmt: str, colour: bool = False) -> str:
    """The report as ``text`` (ANSI colours if ``colour``), ``markdown``, ``json`` or ``html``."""
    if fmt == "json":
        return json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return _markdown(report)
    if fmt == "html":
        return _html(report)
    return _text(report, colour)


NO_CHANGES = "Ei muutoksia"
_CLASS_WORDS = {True: "olennainen", False: "toimituksellinen"}
_STATUS_WORDS = {ADDED: "lisätty", REMOVED: "poistettu", CHANGED: "muutettu"}
LEGEND = "- poistettu, + lisätty, ~ muutettu ([-vanha-]{+uusi+}), < siirretty pois, > siirretty tähän"
_MD_LEGEND = ("Merkit: `-` poistettu, `+` lisätty, `~` muutettu (`[-vanha-]{+uusi+}`), `<` siirretty pois,"
              " `>` siirretty tähän")
_PREFIX = {"equal": " ", "delete": "-", "insert": "+", "change": "~", "moved_from": "<", "moved_to": ">"}


def headline(report: Report) -> str:
    """``Olennaisia muutoksia: 3 · toimituksellisia: 1 · muuttuneita selosteita: 1`` or ``Ei muutoksia``."""
    if not report.changed:
        return f"{NO_CHANGES} ({report.old} → {report.new})."
    return f"{_counts(report)} ({report.old} → {report.new})"


def _counts(report: Report, strong=lambda text: text) -> str:
    """The counts of a report's changes, the material ones put in ``strong``."""
    return (f"{strong(f'Olennaisia muutoksia: {report.material}')} · toimituksellisia: {report.editorial}"
            f" · muuttuneita selosteita: {len(report.registers)}")


def _register_title(register: RegisterDiff) -> str:
    """``Name (policy/x.yaml): muutettu; olennaisia 1, toimituksellisia 0``."""
    paths = register.new_path or register.old_path
    if register.old_path and register.new_path and _file_name(register.old_path) != _file_name(register.new_path):
        paths = f"{register.old_path} → {register.new_path}"
    return (f"{register.name} ({paths}): {_STATUS_WORDS[register.status]};"
            f" olennaisia {register.material}, toimituksellisia {register.editorial}")


def _text_diffs(register: RegisterDiff) -> list[tuple[str, list]]:
    """``(heading, hunks)`` of each language whose text changed: the register's own first."""
    from seloste.resources import language_name

    found = [("Tekstin muutokset", register.hunks)] if register.hunks else []
    return found + [(f"Tekstin muutokset, kieli: {language_name(code)} ({code})", hunks)
                    for code, hunks in register.language_hunks.items()]


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _diff_line(row: Row, style=None) -> str:
    """One row of the text diff as a line with its prefix (``style(kind, text)`` adds colour)."""
    style = style or (lambda kind, text: text)
    if row.op == "change":
        body = "".join(text if op == "equal" else style(op, "[-" + text + "-]" if op == "delete" else "{+" + text + "+}")
                       for op, text in row.segments)
        return f"~ {body}"
    return style(row.op, f"{_PREFIX[row.op]} {row.text}")


_COLOURS = {"delete": "31", "insert": "32", "moved_from": "35", "moved_to": "36", "heading": "1", "hunk": "36",
            "material": "1;33"}


def _text(report: Report, colour: bool) -> str:
    def style(kind: str, text: str) -> str:
        if not colour or kind not in _COLOURS:
            return text
        return f"\x1b[{_COLOURS[kind]}m{text}\x1b[0m"

    lines = [style("heading", headline(report))]
    for register in report.registers:
        lines += ["", style("heading", _register_title(register))]
        for change in register.changes:
            word = _CLASS_WORDS[change.material]
            lines.append(f"  {style('material', word) if change.material else word}: {change.summary}")
        for heading, hunks in _text_diffs(register):
            lines += ["", f"{heading} ({LEGEND})"]
            for hunk in hunks:
                lines.append(style("hunk", f"@@ {hunk.section}"))
                lines.extend(_diff_line(row, style) for row in hunk.rows)
    return "\n".join(lines) + "\n"


def _md_cell(text: str) -> str:
    return markup.escape_markdown(" ".join(text.split()))


def _markdown(report: Report) -> str:
    title = f"Selosteiden muutokset: {report.old} → {report.new}"
    lines = [f"## {_md_cell(title)}", ""]
    if not report.changed:
        lines.append(f"{NO_CHANGES}.")
    else:
        lines.append(_counts(report, lambda text: f"**{text}**"))
        lines += ["", "| Seloste | Luku | Muutos | Laji |", "| --- | --- | --- | --- |"]
        for register in report.registers:
            for change in register.changes:
                kind = "**olennainen**" if change.material else "toimituksellinen"
                lines.append(f"| {_md_cell(register.name)} | {_md_cell(change.section)} |"
                             f" {_md_cell(change.description)} | {kind} |")
    if report.problems:
        lines += ["", "**Huomautukset**", ""]
        lines += [f"- {_md_cell(f'{p.path}:{p.line}: {p.level} [{p.code}] {p.message}')}" for p in sorted(report.problems)]
    for register, heading, hunks in [(r, h, k) for r in report.registers for h, k in _text_diffs(r)]:
        body = "\n".join(
            line for hunk in hunks for line in [f"@@ {hunk.section}", *(_diff_line(row) for row in hunk.rows)])
        fence = "`" * max(3, max((len(run) for run in re.findall(r"`+", body)), default=0) + 1)
        summary = html.escape(f"{heading}: {register.name} ({register.id})", quote=False)
        lines += ["", "<details>", f"<summary>{summary}</summary>", "", _MD_LEGEND, "",
                  f"{fence}diff", body, fence, "", "</details>"]
    return "\n".join(lines) + "\n"


def _html(report: Report) -> str:
    """The standalone page: ``templates/diff.html.j2`` on the one base page, with its CSP."""
    import markupsafe

    from seloste.pages import html_template
    from seloste.pages import stylesheet_context

    # The counts are numbers and fixed words: only the <strong> is markup.
    counts = (f"{NO_CHANGES}." if not report.changed
              else markupsafe.Markup(_counts(report, lambda text: f"<strong>{markupsafe.escape(text)}</strong>")))
    registers = [{"title": _register_title(register), "texts": _text_diffs(register),
                  "changes": [{"section": change.section, "description": change.description,
                               "material": change.material, "kind": _CLASS_WORDS[change.material]}
                              for change in register.changes]}
                 for register in report.registers]
    page = html_template("diff.html.j2").render(
        title=f"Selosteiden muutokset: {report.old} → {report.new}", counts=counts,
        problems=sorted(report.problems), registers=registers, language="fi",
        **stylesheet_context("diff.css"))
    return page.rstrip("\n") + "\n"
