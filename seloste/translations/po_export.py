"""The texts of registers as a gettext PO file for translators (``build.py translations export``).

One entry a translatable text, in the register's order, registers by id:

- ``msgctxt``: the register's id and the text's path, ``genetta-asiakasrekisteri:purposes.items.0``;
- ``msgid``: the Finnish text; ``msgstr``: its translation, empty when there is none;
- ``#.``: the notice's section (``Luku``) and the field (``Kenttä``) in Finnish, and whether
  the text takes Markdown or is one line; ``#:`` the text's line in the register;
- ``#, fuzzy`` when the Finnish text changed since it was translated (stale, T601).

A translation whose text moved to another path (T605) is given at the path the text is at now,
so that importing the file puts it there. The file has no dates (the same registers and
translations make the same bytes) and breaks no line: a line of a text is a line of the file,
and a comment is never cut mid-phrase.
"""

from __future__ import annotations

from seloste.resources import register_sections
from seloste.translations.checks import review
from seloste.translations.document import language_words
from seloste.translations.texts import translatable_fields

PROJECT = "seloste"


def context(register_id: str, key: str) -> str:
    """An entry's ``msgctxt``: ``<register id>:<path>``."""
    return f"{register_id}:{key}"


def export_po(registers: list, language: str) -> bytes:
    """The PO file (UTF-8 bytes) of every translatable text of ``registers`` (valid
    :class:`~seloste.project.Register` s with their translations) into ``language``."""
    import polib

    catalog = polib.POFile(wrapwidth=0)
    catalog.header = "\n".join((
        f"Tietosuojaselosteiden tekstit käännettäviksi: {language_words(language)}.",
        "msgctxt on rekisterin tunnus ja tekstin paikka rekisterissä, msgid suomenkielinen teksti.",
        "fuzzy: suomenkielinen teksti on muuttunut käännöksen jälkeen; tarkista käännös ja poista merkintä.",
        "Tuo käännökset: seloste translations import TIEDOSTO.po"))
    catalog.metadata = {
        "Project-Id-Version": PROJECT,
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": "fi",
    }
    for register in sorted(registers, key=lambda register: register.id):
        for entry in _entries(register, language):
            catalog.append(entry)
    text = str(catalog)
    return (text if text.endswith("\n") else text + "\n").encode("utf-8")


def _entries(register, language: str) -> list:
    import polib

    translation = register.translations.get(language)
    entries = translation.entries if translation is not None else {}
    fields = translatable_fields(register.data)
    state = review(fields, entries)
    current, stale = set(state.current), set(state.stale)
    moved_here = {target: entries[key].text for key, target in state.moved.items()}
    sections = _section_titles(register.data)
    found = []
    for key, field in fields.items():
        if key in current:
            msgstr, fuzzy = entries[key].text, False
        elif key in moved_here:
            msgstr, fuzzy = moved_here[key], False
        elif key in stale:
            msgstr, fuzzy = entries[key].text, True
        else:
            msgstr, fuzzy = "", False
        section = sections.get(_topic(field.path))
        kind = "Markdown" if field.markdown else "yksi rivi"
        comment = "\n".join(([f"Luku: {section}"] if section else []) + [f"Kenttä: {' › '.join(field.titles)} ({kind})"])
        line, _ = register.document.position(field.path)
        occurrences = [(register.path, str(line))] if not any(c.isspace() for c in register.path) else []
        found.append(polib.POEntry(msgctxt=context(register.id, key), msgid=field.text, msgstr=msgstr,
                                   comment=comment, occurrences=occurrences, flags=["fuzzy"] if fuzzy else []))
    return found


def _topic(path: tuple) -> str | tuple:
    """The topic a path is in (``name`` is the topic ``register_name``); an own section by its index."""
    if path[0] == "sections" and len(path) > 1:
        return ("sections", path[1])
    return "register_name" if path[0] == "name" else path[0]


def _section_titles(data: dict) -> dict:
    """The title of the notice's section of each topic, and of each own section by its index."""
    titles: dict = {}
    for section in register_sections(data):
        for placement in section["topics"]:
            titles.setdefault(placement["topic"], section["title"])
    for index, section in enumerate(data.get("sections", [])):
        titles[("sections", index)] = section["title"]
    return titles
