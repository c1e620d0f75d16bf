"""Translators' PO files back into translation files (``build.py translations import``).

Each entry (``msgctxt`` = register id and path) sets the translation of that text in
``policy/<id>.<lang>.yaml``, the file made when there is none:

- a translated entry is written with the hash of its ``msgid`` as its ``source``: the Finnish
  text the translator saw (a PO file exported before the text changed makes a stale
  translation, T601, as it should);
- a ``fuzzy`` entry is not reviewed: it keeps the ``source`` it had, so it stays stale; one
  with no earlier translation is not taken (T615, a warning);
- an empty ``msgstr`` removes the translation at that path (an export leaves one empty only
  where there is none, or where the translation there belongs to a text that moved);
- a translation written at the path its text moved to leaves the path it was at, when that
  path is no text of the register.

A file keeps its order and its opening comments; new paths go after the path before them in
the register. A file whose translations do not change is not written, so an export and an
import change nothing. Every problem is found before anything is written: an entry for a
register or path that does not exist, a text the register's schema refuses (a link, a line
break in a one-line field), or a translation file that does not load means nothing is written.
"""

from __future__ import annotations

import dataclasses
import difflib
import pathlib

from seloste.problem import ERROR
from seloste.problem import WARNING
from seloste.problem import Problem
from seloste.translations.checks import text_problems
from seloste.translations.document import SUFFIXES
from seloste.translations.document import file_name
from seloste.translations.document import load_translation
from seloste.translations.po_file import PoCatalog
from seloste.translations.po_file import PoEntry
from seloste.translations.texts import source_hash
from seloste.translations.texts import translatable_fields
from seloste.translations.writing import MODELINE
from seloste.translations.writing import leading_comments
from seloste.translations.writing import translation_yaml


@dataclasses.dataclass
class ImportPlan:
    """What an import would write: file name in the policy folder -> bytes, and how each is
    shown; the files that stay as they are; the problems (with an error, nothing is written)."""

    files: dict[str, bytes] = dataclasses.field(default_factory=dict)
    shown: dict[str, str] = dataclasses.field(default_factory=dict)
    unchanged: list[str] = dataclasses.field(default_factory=list)
    problems: list[Problem] = dataclasses.field(default_factory=list)


def plan_import(catalog: PoCatalog, registers: list, failed: set[str], loading_problems: list[Problem]) -> ImportPlan:
    """The translation files ``catalog`` makes of the valid ``registers`` (with their
    translations), whose folder's other register files (``failed``, by id) did not load;
    ``loading_problems`` are the folder's problems, of which those of a translation file the
    import would rewrite keep it from being written."""
    plan = ImportPlan()
    by_id = {register.id: register for register in registers}
    wanted: dict[str, list[tuple[PoEntry, str]]] = {}
    seen: dict[str, int] = {}
    for entry in catalog.entries:
        named = _named(catalog, entry, by_id, failed, seen, plan.problems)
        if named is not None:
            wanted.setdefault(named[0], []).append((entry, named[1]))
    for register_id, entries in wanted.items():
        _plan_register(catalog, by_id[register_id], entries, loading_problems, plan)
    plan.problems.sort()
    return plan


def _named(catalog: PoCatalog, entry: PoEntry, by_id: dict, failed: set, seen: dict,
           problems: list) -> tuple[str, str] | None:
    """The register id and path an entry's ``msgctxt`` names, or None and its problem."""
    shown, line = catalog.path, entry.line
    if entry.context in seen:
        problems.append(Problem(shown, line, 1, "T614", ERROR,
                                f"merkintä '{entry.context}' on jo rivillä {seen[entry.context]}",
                                "poista toinen merkinnöistä: kullakin tekstillä on yksi käännös"))
        return None
    seen[entry.context] = line
    register_id, colon, key = (entry.context or "").partition(":")
    if not colon or not key:
        problems.append(Problem(shown, line, 1, "T613", ERROR,
                                "merkinnän msgctxt ei ole muotoa rekisterin-tunnus:tekstin.paikka",
                                "vie tekstit komennolla seloste translations export, joka kirjoittaa msgctxt:n"))
        return None
    register = by_id.get(register_id)
    if register is None:
        if register_id in failed:
            hint = "korjaa rekisterin virheet ensin (seloste validate)"
            message = f"rekisteri '{register_id}' ei kelpaa, joten sen käännöksiä ei voi tuoda"
        else:
            close = difflib.get_close_matches(register_id, list(by_id), n=1, cutoff=0.6)
            hint = f"tarkoititko '{close[0]}'?" if close else f"rekisterit: {', '.join(sorted(by_id)) or '–'}"
            message = f"rekisteriä '{register_id}' ei ole"
        problems.append(Problem(shown, line, 1, "T613", ERROR, message, hint))
        return None
    fields = translatable_fields(register.data)
    if key not in fields:
        close = difflib.get_close_matches(key, list(fields), n=1, cutoff=0.6)
        problems.append(Problem(shown, line, 1, "T604", ERROR,
                                f"rekisterissä '{register_id}' ei ole käännettävää tekstiä kohdassa {key}",
                                f"tarkoititko '{close[0]}'?" if close else "vie tekstit uudelleen: rekisteri on muuttunut"))
        return None
    return register_id, key


def _plan_register(catalog: PoCatalog, register, entries: list[tuple[PoEntry, str]],
                   loading_problems: list[Problem], plan: ImportPlan) -> None:
    language = catalog.language
    translation = register.translations.get(language)
    folder = pathlib.PurePath(register.path).parent
    name = pathlib.PurePath(translation.path).name if translation else file_name(register.id, language)
    shown = str(folder / name)
    if translation is None:  # a file that is there but did not load is not replaced
        siblings = {str(folder / f"{register.id}.{language}{suffix}") for suffix in SUFFIXES}
        unusable = [problem for problem in loading_problems if problem.path in siblings and problem.is_error]
        if unusable:
            plan.problems.extend(unusable)
            return
    fields = translatable_fields(register.data)
    before = {key: (entry.source, entry.text) for key, entry in (translation.entries if translation else {}).items()}
    after = dict(before)
    positions, taken = {}, {}
    for entry, key in entries:
        if not entry.msgstr:
            after.pop(key, None)
        elif entry.fuzzy:
            if key not in before:
                plan.problems.append(Problem(catalog.path, entry.line, 1, "T615", WARNING,
                                             f"merkintä {entry.context} on merkitty fuzzy eikä sillä ole aiempaa "
                                             "käännöstä, joten sitä ei tuotu",
                                             "tarkista käännös ja poista fuzzy-merkintä, niin se tuodaan"))
                continue
            after[key] = (before[key][0], entry.msgstr)
        else:
            source = source_hash(entry.msgid)
            after[key] = (source, entry.msgstr)
            for other, (other_source, other_text) in list(after.items()):  # the path it moved from
                if other != key and other not in fields and (other_source, other_text) == (source, entry.msgstr):
                    del after[other]
        if entry.msgstr and key in after:
            positions[fields[key].path] = (entry.msgstr_line, 1)
            taken[key] = entry.msgstr
    plan.problems.extend(text_problems(register.data, taken, catalog.path, positions))
    ordered = _in_order(after, before, list(fields))
    if list(ordered.items()) == list(before.items()):
        plan.unchanged.append(shown)
        return
    if translation is None and not ordered:
        return
    header = leading_comments(translation.document.text) if translation else MODELINE
    content = translation_yaml(language, ordered, header)
    written, problems = load_translation(content, shown, register.id, language)
    if written is None or {key: (e.source, e.text) for key, e in written.entries.items()} != ordered:
        plan.problems.append(Problem(shown, 0, 0, "T611", ERROR, "käännöksiä ei voi kirjoittaa YAML-tiedostoksi "
                                     "sellaisinaan", "; ".join(problem.message for problem in problems)))
        return
    plan.files[name] = content
    plan.shown[name] = shown


def _in_order(after: dict, before: dict, order: list[str]) -> dict:
    """``after``'s entries: those of ``before`` in the file's order, each new path after the
    path before it in the register (``order``) that the file has, or first."""
    keys = [key for key in before if key in after]
    rank = {key: index for index, key in enumerate(order)}
    for key in sorted((key for key in after if key not in before), key=lambda key: rank.get(key, len(rank))):
        earlier = [index for index, other in enumerate(keys) if rank.get(other, -1) < rank.get(key, len(rank))
                   and other in rank]
        keys.insert(earlier[-1] + 1 if earlier else 0, key)
    return {key: after[key] for key in keys}
