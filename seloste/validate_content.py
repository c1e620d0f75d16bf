"""Stage 2, validate (continued): what the schema cannot say about a register's texts and words.

A table row's number of cells against its columns (S114), ``none:`` written as a yes or no
word (S103), the register's own ``wording`` against the phrases it replaces (S120, S106),
the columns a register chooses for its purposes table against what its purposes say (S121),
the first of its ``languages`` against its own language (S123), and the suggestion of the
allowed key or value a mistaken one likely means.
"""

from __future__ import annotations

import difflib

from seloste.load import Document
from seloste.problem import ERROR
from seloste.problem import Problem
from seloste.resources import data_file
from seloste.resources import phrases


def problems(document: Document) -> list[Problem]:
    """The checks of this module, in one list."""
    return [*_table_problems(document), *_yes_or_no_as_words(document), *_wording_problems(document),
            *_purpose_table_problems(document), *_language_problems(document)]


def _language_problems(document: Document) -> list[Problem]:
    """S127 for ``languages`` whose first is not the register's own ``language`` (fi): the facts
    are written in that language, and the others are translations of its texts."""
    data = document.data if isinstance(document.data, dict) else {}
    languages, own = data.get("languages"), data.get("language", "fi")
    if not isinstance(languages, list) or not languages or languages[0] == own or not isinstance(own, str):
        return []
    line, column = document.position(("languages", 0))
    return [Problem(document.path, line, column, "S127", ERROR,
                    f"ensimmäisen julkaisukielen on oltava rekisterin oma kieli '{own}', ei '{languages[0]}'",
                    f"kirjoita languages: [{own}, ...]; muut kielet ovat käännöksiä rekisterin {own}-kielisistä "
                    "teksteistä")]


# The keys of a purpose that each column of the purposes table shows, and what they are in words.
_PURPOSE_COLUMNS = {
    "legal_basis": (("legal_basis", "legitimate_interest", "law"), "oikeusperuste"),
    "data": (("data",), "käsiteltävät tiedot"),
    "retention": (("retention",), "säilytysaika"),
}


def _purpose_table_problems(document: Document) -> list[Problem]:
    """S121 for a purposes table (``purposes.table``) without the purpose column, or without a
    column whose words a purpose has: those words would not be shown. (An unknown column is
    the schema's S104.)"""
    purposes = document.data.get("purposes") if isinstance(document.data, dict) else None
    columns = purposes.get("table") if isinstance(purposes, dict) else None
    if not isinstance(columns, list):
        return []
    found = []
    line, column = document.position(("purposes", "table"), key=True)
    if "purpose" not in columns and all(name in ("purpose", *_PURPOSE_COLUMNS) for name in columns):
        found.append(Problem(document.path, line, column, "S121", ERROR,
                             "tarkoitusten taulukosta puuttuu sarake 'purpose', joten tarkoitukset eivät näkyisi",
                             "lisää 'purpose' kohtaan purposes.table"))
    items = purposes.get("items") if isinstance(purposes.get("items"), list) else []
    for name, (keys, words) in _PURPOSE_COLUMNS.items():
        if name in columns:
            continue
        for index, item in enumerate(items):
            key = next((key for key in keys if isinstance(item, dict) and key in item), None)
            if key is None:
                continue
            at_line, at_column = document.position(("purposes", "items", index, key), key=True)
            found.append(Problem(document.path, at_line, at_column, "S121", ERROR,
                                 f"tarkoituksen tieto '{key}' ({words}) ei näkyisi, koska tarkoitusten "
                                 f"taulukossa ei ole saraketta '{name}'",
                                 f"lisää '{name}' kohtaan purposes.table tai poista tieto '{key}'"))
            break  # one finding a column: adding the column shows every purpose's words
    return found


# Labels a register may leave out of its notice: the notes after a source, and the labels of
# contact details (the values then stand as lines of an address, as many notices write them).
_MAY_BE_LEFT_OUT = frozenset({"origin_data_subject", "origin_other", "public_source", "name", "business_id",
                              "postal_address", "visiting_address", "phone", "email", "website", "contact_person",
                              "dpo_name", "authority"})


def _wording_problems(document: Document) -> list[Problem]:
    """S120 for a key of ``wording`` that names no phrase of the register's language."""
    wording = document.data.get("wording") if isinstance(document.data, dict) else None
    if not isinstance(wording, dict):
        return []
    known = phrases("fi")  # Finnish, the one language the schema allows
    found = []
    for group, entries in wording.items():
        if group not in known or not isinstance(entries, dict):
            continue  # the schema's error (S101, S103)
        for key, value in entries.items():
            if value == "" and key in known[group] and key not in _MAY_BE_LEFT_OUT:
                line, column = document.position(("wording", group, key))
                found.append(Problem(document.path, line, column, "S106", ERROR,
                                     f"arvo on tyhjä (kohdassa wording.{group}.{key})",
                                     "kirjoita oma sana; tyhjäksi voi jättää vain lähteen merkinnän ja "
                                     f"yhteystietojen nimikkeet ({', '.join(sorted(_MAY_BE_LEFT_OUT))})"))
            if key not in known[group]:
                line, column = document.position(("wording", group, key), key=True)
                allowed = sorted(known[group])
                found.append(Problem(document.path, line, column, "S120", ERROR,
                                     f"kohdassa wording.{group} ei ole sanaa '{key}'",
                                     suggestion(key, allowed, "keys") or f"sanat: {', '.join(allowed)}"))
    return found


# Words that mean yes or no, which the loader keeps as text (only true and false are yes and no).
_YES_OR_NO = frozenset({"yes", "no", "y", "n", "on", "off", "kyllä", "ei", "joo", "true", "false"})


def _yes_or_no_as_words(document: Document) -> list[Problem]:
    """S103 for ``none: yes`` or ``none: kyllä``: ``none`` takes true or a whole sentence of the
    register's own, and a yes or no written as a word would otherwise be shown as that sentence."""
    found = []
    for topic, value in document.data.items() if isinstance(document.data, dict) else ():
        written = value.get("none") if isinstance(value, dict) else None
        if isinstance(written, str) and written.strip().casefold() in _YES_OR_NO:
            line, column = document.position((topic, "none"))
            found.append(Problem(document.path, line, column, "S103", ERROR,
                                 f"'{written}' ei ole true tai false eikä oma lause (kohdassa {topic}.none)",
                                 "kirjoita none: true (ilman lainausmerkkejä) tai kokonainen oma lause"))
    return found


def suggestion(word: str, allowed: list[str], kind: str) -> str | None:
    """The hint naming the allowed key or value (``kind``: keys, values) that ``word`` likely
    means (:func:`nearest`); None when nothing is close."""
    meant = nearest(word, allowed, kind)
    if meant is None:
        return None
    if meant != data_file("aliases.yaml")[kind].get(word.strip().casefold()):
        return f"tarkoititko '{meant}'?"
    what = "avaimet" if kind == "keys" else "arvot"
    return f"tarkoititko '{meant}'? ({what} kirjoitetaan englanniksi)"


def nearest(word: str, allowed: list[str], kind: str) -> str | None:
    """The allowed key or value (``kind``: keys, values) that ``word`` likely means: the English
    word for a Finnish one (``seloste/data/aliases.yaml``), else the closest spelling."""
    english = data_file("aliases.yaml")[kind].get(word.strip().casefold())
    if english in allowed:
        return english
    close = difflib.get_close_matches(word, allowed, n=1, cutoff=0.6)
    return close[0] if close else None


def _table_problems(document: Document) -> list[Problem]:
    """S114 for a table row with more or fewer cells than the table has columns."""
    problems = []

    def walk(node, path):
        if isinstance(node, dict):
            table = node.get("table")
            if isinstance(table, dict) and isinstance(table.get("columns"), list) and isinstance(table.get("rows"), list):
                columns = len(table["columns"])
                for index, row in enumerate(table["rows"]):
                    row = row.get("cells") if isinstance(row, dict) else row  # a row that declares its facts
                    if isinstance(row, list) and len(row) != columns:
                        line, column = document.position((*path, "table", "rows", index))
                        problems.append(Problem(
                            document.path, line, column, "S114", ERROR,
                            f"taulukon rivillä on {len(row)} {'solu' if len(row) == 1 else 'solua'}, "
                            f"mutta sarakkeita on {columns}",
                            "kirjoita riville yhtä monta solua kuin on sarakeotsikoita; tyhjän solun voi "
                            "kirjoittaa muodossa \"\""))
            for key, value in node.items():
                walk(value, (*path, key))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, (*path, index))

    walk(document.data, ())
    return problems
