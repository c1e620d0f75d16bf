"""Lint's findings as a one-page compliance matrix: registers × GDPR points, in HTML.

``python build.py lint --format html`` prints this page, for a data protection officer to
open in a browser. Each row is a register, each column a legal reference of the rules
(GDPR 13(1)(a), ...); a cell is passed, or shows the worst finding (info, warning, error)
with every message in its ``title``. The findings are also listed under the table, so the
page says everything without hovering. Rendered through ``templates/lint-matrix.html.j2``
with autoescape on; the output depends only on its input.
"""

from __future__ import annotations

from seloste.facts import fact_names
from seloste.lint import RULES
from seloste.lint.finding import stated_facts
from seloste.problem import ERROR
from seloste.problem import INFO
from seloste.problem import WARNING
from seloste.problem import count_summary

TEMPLATE = "lint-matrix.html.j2"
STYLESHEET = "lint-matrix.css"

_STATES = {  # worst level -> (CSS class, cell text)
    None: ("pass", "✓ kunnossa"),
    INFO: ("note", "i huomautus"),
    WARNING: ("warn", "! varoitus"),
    ERROR: ("fail", "✗ virhe"),
}
_RANK = {None: 0, INFO: 1, WARNING: 2, ERROR: 3}
_LEVEL_NAMES = {ERROR: "virhe", WARNING: "varoitus", INFO: "huomautus"}
# What each reference asks, in the words of the readers of the page (column header tooltips).
POINTS = {
    "GDPR 13(1)(a)": "Rekisterinpitäjän nimi, yhteystiedot ja Y-tunnus",
    "GDPR 26(2)": "Yhteisrekisterinpitäjien järjestelyn keskeinen sisältö",
    "GDPR 13(1)(b)": "Tietosuojavastaavan yhteystiedot",
    "GDPR 13(1)(c)": "Käsittelyn tarkoitukset ja oikeusperusteet",
    "GDPR 13(1)(d)": "Oikeutettu etu",
    "GDPR 6(3)": "Laki, johon lakisääteinen velvoite tai yleisen edun tehtävä perustuu",
    "GDPR 13(1)(e)": "Vastaanottajat",
    "GDPR 13(1)(f)": "Siirrot EU:n tai ETA:n ulkopuolelle",
    "GDPR 13(2)(a)": "Säilytysaika",
    "GDPR 13(2)(b)": "Rekisteröidyn oikeudet",
    "GDPR 13(2)(c)": "Suostumuksen peruuttaminen",
    "GDPR 21(2)–(3)": "Oikeus vastustaa suoramarkkinointia",
    "GDPR 13(2)(d)": "Valitusoikeus valvontaviranomaiselle",
    "GDPR 13(2)(e)": "Tietojen antamisen vaatimus ja seuraukset",
    "GDPR 13(2)(f)": "Automaattinen päätöksenteko ja profilointi",
    "GDPR 14(1)(d)": "Henkilötietoryhmät",
    "GDPR 14(2)(f)": "Tietolähteet",
    "GDPR 9(2)": "Erityisten henkilötietoryhmien käsittelyn edellytys",
    "Tietosuojalaki 1050/2018": "Ei viittauksia kumottuun henkilötietolakiin",
    "GDPR 13–14": "Tietosuoja-asetuksen mukainen rakenne",
    "Tietosuojalaki 29 §": "Ei henkilötunnuksia",
    "GDPR 12(1)": "Toimivat yhteystiedot, päiväys ja viittaukset lukuihin",
}


def columns(rules=RULES) -> list[tuple[str, list]]:
    """(reference, rules citing it) in registry order: the matrix's columns."""
    grouped: dict[str, list] = {}
    for rule in rules:
        grouped.setdefault(rule.REFERENCE, []).append(rule)
    return list(grouped.items())


def render_matrix(registers, findings, rules=RULES) -> bytes:
    """The standalone HTML page of the matrix for ``registers`` and their lint ``findings``."""
    from seloste.pages import html_template
    from seloste.pages import stylesheet_context

    grouped = columns(rules)
    rows = []
    for register in sorted(registers, key=lambda r: (r.data["name"].casefold(), r.id)):
        own = sorted(problem for problem in findings if problem.path == register.path)
        cells = []
        declared = stated_facts(register)
        for _reference, cited_by in grouped:
            codes = {rule.ID for rule in cited_by}
            told = [fact for rule in cited_by for fact in getattr(rule, "FACTS", ()) if fact in declared]
            cells.append(_cell([problem for problem in own if problem.code in codes], told))
        rows.append({
            "anchor": f"rekisteri-{register.id}",
            "name": register.data["name"],
            "path": register.path,
            "cells": cells,
            "findings": [{"line": problem.line, "level_name": _LEVEL_NAMES[problem.level], "code": problem.code,
                          "message": problem.message} for problem in own],
        })
    html = html_template(TEMPLATE).render(
        registers=registers,
        summary=count_summary(findings),
        columns=[{"reference": reference, "titles": POINTS.get(reference, reference)} for reference, _ in grouped],
        rows=rows,
        language="fi",
        **stylesheet_context(STYLESHEET),
    )
    return (html.rstrip("\n") + "\n").encode("utf-8")


def _cell(problems, told: list[str]) -> dict:
    """A cell: the worst finding, or passed; ``told`` are the facts the register's own texts
    declare for this point (``states:``), which a passed cell names."""
    worst = max((problem.level for problem in problems), key=_RANK.__getitem__, default=None)
    state, label = _STATES[worst]
    if problems:
        title = "\n".join(f"rivi {problem.line}: {problem.message}" for problem in problems)
    elif told:
        label = "✓ tekstissä"
        title = "Kerrotaan rekisterin omassa tekstissä: " + ", ".join(dict.fromkeys(fact_names()[fact] for fact in told))
    else:
        title = "Ei havaintoja"
    return {"state": state, "label": label, "title": title}
