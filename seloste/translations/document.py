"""A translation file: its name beside its register, and its contents loaded and checked alone.

``policy/<id>.<lang>.yaml`` (or ``.yml``) is the translation of register ``<id>`` into
``<lang>``, a language of the schema's ``languages`` other than a register's own (fi). It is
read with the strict loader of the registers (every value with its line and column) and
checked against ``schema/translation.schema.json``; what it says of its register is judged in
:mod:`seloste.translations.checks`.
"""

from __future__ import annotations

import dataclasses
import functools
import types

from seloste.load import POLICY_SUFFIXES
from seloste.load import Document
from seloste.load import is_register_id
from seloste.load import load_text
from seloste.problem import ERROR
from seloste.problem import Problem
from seloste.resources import language_name
from seloste.resources import translation_languages
from seloste.resources import translation_schema

SUFFIXES = POLICY_SUFFIXES  # a translation is a policy file too
MODELINE = "# yaml-language-server: $schema=../schema/translation.schema.json"


@dataclasses.dataclass(frozen=True)
class Entry:
    """One translated text: the hash of the Finnish text it translates, and the translation."""

    source: str
    text: str


@dataclasses.dataclass(frozen=True)
class TranslationDocument:
    """A loaded, schema-valid translation file of register ``register_id`` into ``language``.

    ``document`` is the loaded file (its data and the position of every value); ``entries``
    its translations by path, in the file's order (read-only).
    """

    register_id: str
    language: str
    document: Document

    @property
    def path(self) -> str:
        """The file as the user sees it (``policy/x.sv.yaml``)."""
        return self.document.path

    @property
    def data(self) -> dict:
        return self.document.data

    @functools.cached_property
    def entries(self) -> types.MappingProxyType:
        return types.MappingProxyType({key: Entry(value["source"], value["text"])
                                       for key, value in self.document.data["texts"].items()})

    @property
    def texts(self) -> dict[str, str]:
        """The translated texts by path."""
        return {key: entry.text for key, entry in self.entries.items()}

    def position(self, key: str, field: str | None = None) -> tuple[int, int]:
        """Where the entry of path ``key`` stands (its key), or its ``source`` or ``text`` value."""
        if field is None:
            return self.document.position(("texts", key), key=True)
        return self.document.position(("texts", key, field))


def translation_of(file_name: str) -> tuple[str, str] | None:
    """``(register id, language)`` when ``file_name`` names a translation file
    (``asiakasrekisteri.sv.yaml``), else None."""
    stem, dot, suffix = file_name.rpartition(".")
    if not dot or f".{suffix}" not in SUFFIXES:
        return None
    register_id, dot, language = stem.rpartition(".")
    if dot and language in translation_languages() and is_register_id(register_id):
        return register_id, language
    return None


def file_name(register_id: str, language: str) -> str:
    """The name of register ``register_id``'s translation file into ``language``."""
    return f"{register_id}.{language}.yaml"


def language_words(language: str) -> str:
    """``sv (ruotsi)``: a language's code and its Finnish name, as messages name it."""
    return f"{language} ({language_name(language)})"


@functools.lru_cache(maxsize=1)
def _validator():
    import jsonschema

    return jsonschema.Draft202012Validator(translation_schema())


def schema_problems(document: Document) -> list[Problem]:
    """Every problem of a loaded translation file against ``schema/translation.schema.json``,
    worded as a register's are (S101 an unknown key, S102 a missing one ...); T610 a ``source``
    that is not 12 hex digits."""
    from seloste.validate import explain
    from seloste.validate_fast import is_valid_translation

    if is_valid_translation(document.data):
        return []  # the fast engine's yes; its no is worded by jsonschema's errors below
    found: list[Problem] = []
    for error in _validator().iter_errors(document.data):
        path = tuple(error.absolute_path)
        if error.validator == "pattern" and path[-1:] == ("source",):
            line, column = document.position(path)
            found.append(Problem(document.path, line, column, "T610", ERROR,
                                 f"lähdetekstin tunniste '{error.instance}' ei ole 12 heksamerkkiä (0–9, a–f)",
                                 "tunniste on suomenkielisen tekstin SHA-256-tiivisteen alku; "
                                 "seloste translations import kirjoittaa sen itse"))
        else:
            found.extend(explain(error, document))
    return sorted(set(found))


def load_translation(source: bytes, shown: str, register_id: str,
                     language: str) -> tuple[TranslationDocument | None, list[Problem]]:
    """Load one translation file's bytes strictly and check it against its schema and its name.

    Returns the translation (None when it cannot be used) and the problems, reported at
    ``shown``: the loader's (Y...), the schema's (S..., T610), and T608 for a ``language``
    other than the one its name gives.
    """
    document, problems = load_text(source, shown)
    if document is None:
        return None, problems
    problems = problems + schema_problems(document)
    if any(problem.is_error for problem in problems):
        return None, problems
    written = document.data["language"]
    if written != language:
        line, column = document.position(("language",))
        return None, problems + [Problem(
            shown, line, column, "T608", ERROR,
            f"tiedoston nimen mukaan käännös on kielelle {language_words(language)}, mutta language on '{written}'",
            f"korjaa kohta language tai nimeä tiedosto {file_name(register_id, written)}")]
    return TranslationDocument(register_id, language, document), problems
