"""A page as the preview serves it: the published page, the preview's panel above the notice
(the register's problems, each linking to its line in the editor, and what the edit changes
against the revision), and the script that reloads the page when the project changes.

Everything in the panel comes from registers and is escaped. The page's own policy is kept and
widened only by what the preview needs from its own server: its script, its stylesheet and
the question whether anything changed.
"""

from __future__ import annotations

import html
import os
import re
import urllib.parse

from seloste.problem import ERROR
from seloste.problem import WARNING

LEVEL_WORDS = {ERROR: "virhe", WARNING: "varoitus"}
_POLICY = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")')
_BODY = re.compile(r"<body[^>]*>")


def editor_link(path: str, line: int, column: int) -> str:
    """A link that opens ``path`` at its line in VS Code (``vscode://file/…:line:column``)."""
    absolute = os.path.abspath(path).replace(os.sep, "/")
    return f"vscode://file{'' if absolute.startswith('/') else '/'}{urllib.parse.quote(absolute)}:{max(line, 1)}:{max(column, 1)}"


def panel(entry, problems: list, against: str) -> str:
    """The panel of one register (``entry`` of the state, or None for the index page)."""
    parts = ['<aside class="seloste-preview" lang="fi" aria-label="Esikatselu">',
             f"<p><strong>Esikatselu</strong> ({html.escape(entry.path) if entry else 'kaikki selosteet'}): "
             "sivu päivittyy, kun tallennat.</p>"]
    if entry is not None and not entry.valid:
        parts.append('<p class="error">Rekisterissä on virheitä: alla näkyy sen viimeisin kelvollinen versio.</p>'
                     if entry.files else '<p class="error">Rekisterissä on virheitä, eikä siitä ole vielä kelvollista versiota.</p>')
    shown = [problem for problem in sorted(problems) if problem.level in LEVEL_WORDS]
    parts.append(f"<h2>Ongelmat ({len(shown)})</h2>")
    if shown:
        parts.append("<ul>")
        for problem in shown:
            where = f"{problem.path}:{problem.line}:{problem.column}"
            link = f'<a href="{html.escape(editor_link(problem.path, problem.line, problem.column))}">{html.escape(where)}</a>'
            hint = f'<br><span class="hint">{html.escape(problem.hint)}</span>' if problem.hint else ""
            parts.append(f'<li class="{problem.level}">{link}: {LEVEL_WORDS[problem.level]} [{html.escape(problem.code)}] '
                         f"{html.escape(problem.message)}{hint}</li>")
        parts.append("</ul>")
    else:
        parts.append("<p>Ei virheitä eikä varoituksia.</p>")
    if entry is not None:
        parts.append(f"<h2>Muutokset verrattuna versioon {html.escape(against)}</h2>")
        changes = entry.changes.changes if entry.changes is not None else []
        if changes:
            parts.append("<ul>")
            for change in sorted(changes, key=lambda change: not change.material):
                word = '<span class="material">olennainen</span>' if change.material else "toimituksellinen"
                parts.append(f"<li>{word}: {html.escape(change.summary)}</li>")
            parts.append("</ul>")
        else:
            parts.append("<p>Ei muutoksia.</p>")
    parts.append("</aside>")
    return "\n".join(parts)


def preview_page(page: bytes | None, panel_html: str, generation: int, title: str) -> bytes:
    """``page`` (a published HTML page, or None when there is none yet) with the panel and the
    preview's script; its policy widened to the preview's own files."""
    if page is None:
        text = ('<!DOCTYPE html>\n<html lang="fi">\n<head>\n<meta charset="utf-8">\n'
                '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'">\n'
                f"<title>{html.escape(title)}</title>\n</head>\n<body>\n<main>\n<h1>{html.escape(title)}</h1>\n</main>\n</body>\n</html>\n")
    else:
        text = page.decode("utf-8")

    def policy(match) -> str:
        directives = [directive.strip() for directive in match.group(2).split(";") if directive.strip()]
        widened = []
        for directive in directives:
            name = directive.split(" ", 1)[0]
            widened.append(directive.replace("style-src ", "style-src 'self' ", 1) if name == "style-src" else directive)
        if not any(directive.startswith("style-src") for directive in directives):
            widened.append("style-src 'self'")
        widened += ["script-src 'self'", "connect-src 'self'"]
        return f"{match.group(1)}{'; '.join(widened)}{match.group(3)}"

    text = _POLICY.sub(policy, text, count=1)
    text = text.replace("<html ", f'<html data-seloste-generation="{generation}" ', 1)
    text = text.replace("</head>", '<link rel="stylesheet" href="/__seloste/preview.css">\n'
                                   '<script src="/__seloste/preview.js" defer></script>\n</head>', 1)
    text = _BODY.sub(lambda match: f"{match.group()}\n{panel_html}", text, count=1)
    return text.encode("utf-8")
