"""Lint's text rules on a register's translations: a reference to the repealed act, a
personal identity code or a broken link is as wrong in Swedish or English as in Finnish.

Each translation is read as the register it translates, its texts replaced by the translated
ones (:func:`seloste.translations.translated`), and each translated text placed at its own
line of the translation file, so that a finding stands where the translator wrote it. Only
the rules that read words (``READS_TEXTS``) run: the facts are the register's, checked once.
"""

from __future__ import annotations

import dataclasses

from seloste.load import Document


def translated_registers(register) -> list:
    """``register`` as each of its translations reads it, placed in the translation's file."""
    from seloste.translations import translated
    from seloste.translations.texts import path_key
    from seloste.translations.texts import translatable_fields

    found = []
    for code, translation in register.translations.items():
        file = translation.document
        positions, keys = {}, {}
        for key, field in translatable_fields(register.data).items():
            if key in translation.entries:
                positions[field.path] = file.position(("texts", path_key(field.path), "text"))
                keys[field.path] = file.position(("texts", path_key(field.path)), key=True)
        # Only the translated texts are the translation's words; every other string (a phone,
        # a Y-tunnus, a text left untranslated) is the register's, already read there.
        data = {**_only(translated(register.data, translation), set(positions)), "language": code}
        document = Document(file.path, data, positions, keys, file.text)
        found.append(dataclasses.replace(register, path=file.path, document=document))
    return found


def _only(value, kept: set, path: tuple = ()):
    """``value`` with every string not at a path of ``kept`` made empty; its shape as it was."""
    if isinstance(value, dict):
        return {key: _only(sub, kept, (*path, key)) for key, sub in value.items()}
    if isinstance(value, list):
        return [_only(sub, kept, (*path, index)) for index, sub in enumerate(value)]
    return value if not isinstance(value, str) or path in kept else ""


def check_translations(register, config=None) -> list:
    """The findings of the text rules on each translation of ``register``, at their place in
    the translation file, with the project's levels."""
    from seloste.lint import OFF
    from seloste.lint import RULES
    from seloste.lint import LintConfig

    config = config or LintConfig()
    found = []
    for translated_register in translated_registers(register):
        for rule in RULES:
            level = config.level_of(rule)
            if not getattr(rule, "READS_TEXTS", False) or level == OFF:
                continue
            found.extend(dataclasses.replace(problem, level=level) for problem in rule.check(translated_register))
    return sorted(found)
