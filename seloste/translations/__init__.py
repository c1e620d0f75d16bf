"""Translations of a register's own texts into the other languages its notice is published in.

The facts are written once, in the Finnish register (``policy/<id>.yaml``); a translation gives
only its texts, so it can never change a fact. A register lists its languages
(``languages: [fi, sv, en]``, its own first); the translation into ``sv`` is the file
``policy/<id>.sv.yaml`` beside it (``schema/translation.schema.json``)::

    language: sv
    texts:
      purposes.items.0.text:       # the text's path in the register (texts.py)
        source: 3f2a9c1d0b7e        # SHA-256 of the Finnish text it translates, 12 hex digits
        text: Skötsel av kundrelationen

The modules, in the order they build on one another:

- :mod:`.texts`: which strings of a register are texts (read from the schema), their paths,
  :func:`source_hash`, and :func:`translated`;
- :mod:`.document`: a translation file's name and its contents loaded strictly (positions)
  and checked against its schema (:class:`TranslationDocument`);
- :mod:`.checks`: a translation against its register: stale, moved, unknown, missing (T601–T606);
- the translators' exchange format, gettext PO (``build.py translations export|import``):
  :mod:`.po_file` (a PO file read strictly, every entry with its line), :mod:`.po_export`,
  :mod:`.po_import` (the translation files a PO file makes), :mod:`.writing` (translation files
  written atomically into the policy folder) and :mod:`.exchange` (the two commands, for the CLI).

The API the rest of the tool calls:

- ``translatable_texts(data) -> dict[path, text]``: every text of a valid register by path
  (``purposes.items.0.text``), in the register's order;
- ``translated(data, translation) -> data``: a deep copy of a valid register's data with each
  text replaced by its translation (a :class:`TranslationDocument` or a translation file's
  data); nothing else is added, removed or changed;
- ``source_hash(text) -> str``: what a translation's ``source`` names;
- :func:`seloste.project.load_registers` gives each valid :class:`~seloste.project.Register`
  its ``translations`` (``{language: TranslationDocument}``, read-only), with the problems of
  every translation file among the files it loads. A notice is published in the languages of
  the register's ``languages``; a translation in another language is only warned of (T606).
"""

from seloste.translations.document import Entry
from seloste.translations.document import TranslationDocument
from seloste.translations.document import translation_of
from seloste.translations.texts import source_hash
from seloste.translations.texts import translatable_texts
from seloste.translations.texts import translated

__all__ = ["Entry", "TranslationDocument", "source_hash", "translatable_texts", "translated", "translation_of"]
