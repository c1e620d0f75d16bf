"""Translations a change left behind: a Finnish text that changed while its translation in a
language the register is published in still translates the old one.

The other pages would go on telling the old text, so each such translation is a change of
its own in the report, material: the register's Finnish notice and its Swedish one no longer
say the same.
"""

from __future__ import annotations

from seloste.diff.model import CHANGED
from seloste.diff.model import Change


def left_behind(before, after) -> list[Change]:
    """A change for each translation of ``after`` (a register with its translations) whose
    Finnish text differs from ``before`` and which still translates the text of ``before``."""
    from seloste.translations import source_hash
    from seloste.translations import translatable_texts

    old, new = translatable_texts(before.data), translatable_texts(after.data)
    listed = set(after.data.get("languages", [])[1:])
    found = []
    for code, translation in sorted(after.translations.items()):
        if code not in listed:
            continue
        for key, text in new.items():
            entry = translation.entries.get(key)
            if entry is None or old.get(key, text) == text or entry.source != source_hash(old[key]):
                continue
            found.append(Change("Käännökset", "translations", "left_behind", CHANGED, f"{code}: {key}",
                                f"suomenkielinen teksti muuttui, mutta {code}-käännös kääntää yhä vanhaa tekstiä "
                                f"(tiedosto {translation.path})", True))
    return found
