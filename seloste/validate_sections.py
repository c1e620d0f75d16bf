"""Stage 2, validate (continued): what the schema cannot say about a register's sections.

The register's own shape of its layout (``section_titles``, ``section_order``,
``omit_sections``, ``within``) and its own sections (``sections``: unique ids, ``after`` a
section of the layout or an own section written before it) against the layout it names.
"""

from __future__ import annotations

import difflib

from seloste.load import Document
from seloste.problem import ERROR
from seloste.problem import Problem
from seloste.resources import layouts
from seloste.resources import unused_optional
from seloste.validate_content import suggestion


def problems(document: Document) -> list[Problem]:
    """Checks a schema cannot express: the register's own shape of its layout, and custom
    section ids and placements against the layout."""
    data = document.data
    layout = layouts().get(data.get("layout")) if isinstance(data.get("layout"), str) else None
    if layout is None:
        return []
    found = _shape_problems(document, layout) + _within_problems(document, layout)
    sections = data.get("sections")
    if not isinstance(sections, list):
        return found
    layout_ids = [section["id"] for section in layout["sections"]]
    omitted = data.get("omit_sections") if isinstance(data.get("omit_sections"), list) else []
    # An own section may have the id of an optional section the register does not have.
    seen = {section["id"] for section in layout["sections"] if not unused_optional(section, data)} | {"muutoshistoria"}
    own_ids = {section.get("id") for section in sections if isinstance(section, dict) and isinstance(section.get("id"), str)}
    earlier: set = set()  # own sections written before this one: it may come after them
    for index, section in enumerate(sections):
        if not isinstance(section, dict):
            continue
        section_id = section.get("id")
        if isinstance(section_id, str) and section_id in seen:
            line, column = document.position(("sections", index, "id"))
            found.append(Problem(document.path, line, column, "S110", ERROR,
                                 f"luvun tunnus '{section_id}' on jo käytössä",
                                 "anna jokaiselle omalle luvulle oma tunnus, joka ei ole rakenteen luvun tunnus"))
        if isinstance(section_id, str):  # anything else is the schema's error (S103)
            seen.add(section_id)
        after = section.get("after")
        if isinstance(after, str) and after in own_ids and after not in earlier:
            line, column = document.position(("sections", index, "after"))
            found.append(Problem(document.path, line, column, "S111", ERROR,
                                 f"oma luku '{after}' on kirjoitettu vasta tämän luvun jälkeen tai se on tämä luku",
                                 "oma luku voi tulla vain rakenteen luvun tai aiemmin kirjoitetun oman luvun "
                                 "jälkeen; siirrä luku kohdassa 'sections' sen luvun jälkeen, jonka perään se tulee"))
        elif isinstance(after, str) and after not in layout_ids and after not in own_ids:
            line, column = document.position(("sections", index, "after"))
            close = difflib.get_close_matches(after, layout_ids, n=1, cutoff=0.6)
            found.append(Problem(document.path, line, column, "S111", ERROR,
                                 f"rakenteessa '{layout['id']}' ei ole lukua '{after}'",
                                 f"tarkoititko '{close[0]}'?" if close else f"luvut: {', '.join(layout_ids)}"))
        elif after in omitted:
            line, column = document.position(("sections", index, "after"))
            found.append(Problem(document.path, line, column, "S111", ERROR,
                                 f"luku '{after}' on jätetty pois (omit_sections), joten oma luku ei voi tulla sen jälkeen",
                                 "sijoita oma luku toisen luvun jälkeen tai poista luku kohdasta 'omit_sections'"))
        if isinstance(section_id, str):
            earlier.add(section_id)
    return found


def _shape_problems(document: Document, layout: dict) -> list[Problem]:
    """The register's own titles, order and omitted sections against its layout.

    S115: a section id the layout does not have. S116: an order that leaves a section out (an
    optional one only when the register has data for it).
    S117: an omitted section whose topics the register has data for (it would not be shown).
    """
    data = document.data
    layout_ids = [section["id"] for section in layout["sections"]]
    problems = []

    def unknown(path: tuple, section_id, key: bool = False):
        if not isinstance(section_id, str) or section_id in layout_ids:
            return
        line, column = document.position(path, key=key)
        close = difflib.get_close_matches(section_id, layout_ids, n=1, cutoff=0.6)
        problems.append(Problem(document.path, line, column, "S115", ERROR,
                                f"rakenteessa '{layout['id']}' ei ole lukua '{section_id}'",
                                f"tarkoititko '{close[0]}'?" if close else f"luvut: {', '.join(layout_ids)}"))

    titles = data.get("section_titles")
    if isinstance(titles, dict):
        for section_id in titles:
            unknown(("section_titles", section_id), section_id, key=True)
    omitted = data.get("omit_sections") if isinstance(data.get("omit_sections"), list) else []
    for index, section_id in enumerate(omitted):
        unknown(("omit_sections", index), section_id)
    order = data.get("section_order")
    if isinstance(order, list):
        for index, section_id in enumerate(order):
            unknown(("section_order", index), section_id)
        # An optional section (only a research register has one) may go unlisted while it is empty.
        unused = {section["id"] for section in layout["sections"] if unused_optional(section, data)}
        missing = [section_id for section_id in layout_ids
                   if section_id not in order and section_id not in omitted and section_id not in unused]
        if missing:
            line, column = document.position(("section_order",), key=True)
            problems.append(Problem(document.path, line, column, "S116", ERROR,
                                    f"lukujen järjestyksestä puuttuu {', '.join(repr(m) for m in missing)}",
                                    "luettele kohdassa 'section_order' jokainen rakenteen luku kerran, "
                                    "tai jätä luku pois kohdassa 'omit_sections'"))
    for index, section_id in enumerate(omitted):
        section = next((s for s in layout["sections"] if s["id"] == section_id), None)
        if section is None:
            continue
        # The register's name may go unshown: it stays in the index and the page title. A topic
        # the register moves into another section (within) is not left out with this one.
        moved = data.get("within") if isinstance(data.get("within"), dict) else {}
        stated = [placement["topic"] for placement in section["topics"]
                  if placement["topic"] in data and placement["topic"] not in moved]
        if stated:
            line, column = document.position(("omit_sections", index))
            problems.append(Problem(document.path, line, column, "S117", ERROR,
                                    f"luku '{section_id}' on jätetty pois, mutta rekisterissä on sen tietoja "
                                    f"({', '.join(stated)}); ne eivät näkyisi selosteessa",
                                    "poista luku kohdasta 'omit_sections' tai poista sen tiedot"))
    return problems


def _within_problems(document: Document, layout: dict) -> list[Problem]:
    """The topics the register moves into other sections (``within``) against its layout.

    S122: a topic the notice does not have, a topic moved into the section it is in, or into a
    section the register omits. S115: a section the layout does not have.
    """
    within = document.data.get("within")
    if not isinstance(within, dict):
        return []
    homes = {placement["topic"]: section["id"] for section in layout["sections"] for placement in section["topics"]}
    layout_ids = [section["id"] for section in layout["sections"]]
    omitted = document.data.get("omit_sections") if isinstance(document.data.get("omit_sections"), list) else []
    problems = []
    for topic, target in within.items():
        section_id = target.get("section") if isinstance(target, dict) else target
        path = ("within", topic) if isinstance(target, str) else ("within", topic, "section")
        if topic not in homes:
            line, column = document.position(("within", topic), key=True)
            problems.append(Problem(document.path, line, column, "S122", ERROR,
                                    f"selosteessa ei ole aihetta '{topic}', jonka voisi siirtää toiseen lukuun",
                                    suggestion(topic, sorted(homes), "keys") or f"aiheet: {', '.join(homes)}"))
        if not isinstance(section_id, str):
            continue  # the schema's error (S102, S103)
        line, column = document.position(path)
        if section_id not in layout_ids:
            close = difflib.get_close_matches(section_id, layout_ids, n=1, cutoff=0.6)
            problems.append(Problem(document.path, line, column, "S115", ERROR,
                                    f"rakenteessa '{layout['id']}' ei ole lukua '{section_id}'",
                                    f"tarkoititko '{close[0]}'?" if close else f"luvut: {', '.join(layout_ids)}"))
        elif homes.get(topic) == section_id:
            problems.append(Problem(document.path, line, column, "S122", ERROR,
                                    f"aihe '{topic}' on jo luvussa '{section_id}'",
                                    "nimeä toinen luku tai poista rivi kohdasta 'within'"))
        elif section_id in omitted:
            problems.append(Problem(document.path, line, column, "S122", ERROR,
                                    f"luku '{section_id}' on jätetty pois (omit_sections), joten aihe '{topic}' ei "
                                    "näkyisi siinä",
                                    "siirrä aihe toiseen lukuun tai poista luku kohdasta 'omit_sections'"))
    return problems
