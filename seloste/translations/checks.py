"""A register's translations against the register: what is current, stale, moved, unknown or missing.

Each translation names the hash of the Finnish text it translates (``source``). Against the
register's texts now (:func:`seloste.translations.texts.translatable_fields`) an entry is

- *current*: its path is a text whose hash is its ``source``;
- *moved*: its ``source`` is the hash of the text at another path that has no current
  translation of its own (an item was inserted before it, a section was moved): T605;
- *stale*: its path is a text, but the text changed since: T601, a warning (it still renders);
- *unknown*: its path is no text of the register (removed, or mistyped): T604.

A text that no entry translates is *missing* (T602) in a language the register lists in
``languages``; a listed language without a translation file is T603. Every translated text is
also checked as the Finnish text at its path is (the register's schema: Markdown links, one-line
fields, nested lists), by validating the translated register: the same link rules as the source.
"""

from __future__ import annotations

import dataclasses
import difflib
import pathlib

from seloste.load import Document
from seloste.problem import ERROR
from seloste.problem import WARNING
from seloste.problem import Problem
from seloste.translations.agreement import agreement_problems
from seloste.translations.document import TranslationDocument
from seloste.translations.document import file_name
from seloste.translations.document import language_words
from seloste.translations.texts import Field
from seloste.translations.texts import source_hash
from seloste.translations.texts import translatable_fields
from seloste.translations.texts import translated

# What a translation says of its register now, which exporting and importing PO files put
# right: these never keep a PO file from being written or read.
STATE_CODES = frozenset({"T601", "T602", "T603", "T604", "T605", "T606"})


@dataclasses.dataclass(frozen=True)
class Review:
    """A translation's entries sorted against the register's texts now (paths, in order)."""

    current: tuple[str, ...]
    stale: tuple[str, ...]
    moved: dict  # the entry's path -> the path of the text it translates now
    unknown: tuple[str, ...]
    missing: tuple[str, ...]


def review(fields: dict[str, Field], entries) -> Review:
    """Sort ``entries`` (path -> :class:`~seloste.translations.document.Entry`) against the
    register's translatable ``fields``."""
    hashes = {key: source_hash(field.text) for key, field in fields.items()}
    current = [key for key, entry in entries.items() if hashes.get(key) == entry.source]
    done = set(current)
    stale, unknown, moved = [], [], {}
    for key, entry in entries.items():
        if key in done:
            continue
        target = next((other for other, digest in hashes.items()
                       if digest == entry.source and other != key and other not in done), None)
        if target is not None:
            moved[key] = target
            done.add(target)
        elif key in hashes:
            stale.append(key)
        else:
            unknown.append(key)
    # A text is translated by a current or stale entry at its path, or one moved there; an entry
    # at its path that translates another text does not translate it.
    translated_now = {*current, *stale, *moved.values()}
    missing = [key for key in fields if key not in translated_now]
    return Review(tuple(current), tuple(stale), moved, tuple(unknown), tuple(missing))


def translation_problems(register_data: dict, register_path: str, translation: TranslationDocument) -> list[Problem]:
    """The problems of one loaded translation against its valid register, at their places in the
    translation file: T606 (a language the register does not list), T601, T604, T605, and the
    register schema's problems of the translated texts."""
    found: list[Problem] = []
    language = translation.language
    if language not in register_data.get("languages", []):
        line, column = translation.document.position(("language",))
        found.append(Problem(translation.path, line, column, "T606", WARNING,
                             f"rekisteriä ei julkaista kielellä {language_words(language)}",
                             f"lisää {language} rekisterin kohtaan languages, tai poista tiedosto"))
    fields = translatable_fields(register_data)
    sorted_out = review(fields, translation.entries)
    for key in sorted_out.stale:
        line, column = translation.position(key, "source")
        found.append(Problem(
            translation.path, line, column, "T601", WARNING,
            f"suomenkielinen teksti kohdassa {key} on muuttunut käännöksen jälkeen",
            f"katso muutos: git log -p -- {register_path}; korjaa käännös ja merkitse "
            f"source: {source_hash(fields[key].text)}, tai vie teksti kääntäjälle: "
            f"seloste translations export --language {language}"))
    for key, target in sorted_out.moved.items():
        line, column = translation.position(key)
        now = f"kohdassa {key} on nyt toinen teksti" if key in fields else f"kohtaa {key} ei enää ole"
        found.append(Problem(translation.path, line, column, "T605", ERROR,
                             f"käännös on tekstille, joka on nyt kohdassa {target}; {now}",
                             f"siirrä käännös avaimelle {target}"))
    for key in sorted_out.unknown:
        line, column = translation.position(key)
        close = difflib.get_close_matches(key, list(fields), n=1, cutoff=0.6)
        found.append(Problem(translation.path, line, column, "T604", ERROR,
                             f"rekisterissä ei ole käännettävää tekstiä kohdassa {key}",
                             f"tarkoititko '{close[0]}'?" if close
                             else "teksti on poistettu rekisteristä tai sitä ei käännetä; poista käännös"))
    found.extend(agreement_problems(fields, translation, sorted_out.current))
    positions = {fields[key].path: translation.position(key, "text") for key in translation.entries if key in fields}
    found.extend(text_problems(register_data, translation.texts, translation.path, positions))
    return found


def text_problems(register_data: dict, texts: dict[str, str], shown: str, positions: dict) -> list[Problem]:
    """The register schema's problems of translated ``texts`` (path -> text), each at the place
    ``positions`` gives its path (a register path tuple -> line and column), in file ``shown``:
    a translation's Markdown and links are checked as the Finnish text's are."""
    from seloste.validate import validate_document

    fields = translatable_fields(register_data)
    used = {key: text for key, text in texts.items() if key in fields and fields[key].path in positions}
    if not used:
        return []
    document = Document(shown, translated(register_data, {"texts": {key: {"text": text} for key, text in used.items()}}),
                        positions, positions)
    return validate_document(document)


def missing_problems(register_data: dict, register_document: Document, register_id: str,
                     translations: dict[str, TranslationDocument], unusable: set) -> list[Problem]:
    """T603 for a language the register lists without a translation file, and T602 for each text
    without a translation in a language it lists, at the text in the register. A language whose
    file could not be used (``unusable``) has its file's problems instead."""
    found: list[Problem] = []
    own = register_data.get("language", "fi")
    fields = None
    folder = pathlib.PurePath(register_document.path).parent
    for index, language in enumerate(register_data.get("languages", [])):
        if language == own or language in unusable:
            continue
        translation = translations.get(language)
        target = str(folder / file_name(register_id, language))
        export = f"seloste translations export --language {language} {register_document.path}"
        if translation is None:
            line, column = register_document.position(("languages", index))
            found.append(Problem(register_document.path, line, column, "T603", ERROR,
                                 f"seloste julkaistaan kielellä {language_words(language)}, mutta käännöstiedostoa "
                                 f"{target} ei ole",
                                 f"vie tekstit kääntäjälle: {export}, ja tuo käännökset: "
                                 "seloste translations import TIEDOSTO.po"))
            continue
        fields = translatable_fields(register_data) if fields is None else fields
        for key in review(fields, translation.entries).missing:
            line, column = register_document.position(fields[key].path)
            found.append(Problem(register_document.path, line, column, "T602", ERROR,
                                 f"tekstillä {key} ei ole käännöstä kielelle {language_words(language)}",
                                 f"lisää käännös tiedostoon {translation.path}, tai vie teksti kääntäjälle: {export}"))
    return found
