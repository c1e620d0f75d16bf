"""Translations of a register's own texts into the other languages its notice is published in.

- :mod:`.texts`: which strings of a register are texts (read from the schema), their paths,
  :func:`source_hash`, and :func:`translated`.
"""

from seloste.translations.texts import source_hash
from seloste.translations.texts import translatable_texts
from seloste.translations.texts import translated

__all__ = ["source_hash", "translatable_texts", "translated"]
