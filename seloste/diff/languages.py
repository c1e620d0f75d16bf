"""What a change does to the notice in each language the register is published in.

The facts are written once, so the changes the report lists are the register's, found in its
Finnish notice (:mod:`.changes`). What is left to each other language is its text:

- a language the register now publishes, or no longer publishes, is a change of its own,
  material: a page appears or goes;
- a translation that changed while its Finnish text did not (a translator's correction) is a
  change of that language, material unless it is only a wording fix: its readers are told
  something new;
- a Finnish text that changed while its translation still translates the old one is *left
  behind*, material: the pages no longer say the same;
- each language's rendered text is compared as the Finnish one is (:func:`language_hunks`),
  so a reviewer reads what a Swedish reader will read.
"""

from __future__ import annotations

from seloste import resources
from seloste.blocks import Item
from seloste.diff.model import ADDED
from seloste.diff.model import CHANGED
from seloste.diff.model import REMOVED
from seloste.diff.model import Change
from seloste.diff.rules import MATERIAL
from seloste.diff.wording import is_wording_fix

SECTION = "Käännökset"


def translated_languages(register) -> list[str]:
    """The languages other than its own that ``register`` (or None) is published in."""
    if register is None:
        return []
    return list(register.data.get("languages", [])[1:])


def same_translations(before, after) -> bool:
    """True when the two versions publish the same languages with the same translated texts."""
    if translated_languages(before) != translated_languages(after):
        return False
    return all(_texts(before, code) == _texts(after, code) for code in translated_languages(after))


def language_changes(before, after) -> list[Change]:
    """The changes of :mod:`this module <seloste.diff.languages>` between two versions of one
    register (each with its translations), in the order of the languages and their texts."""
    old_languages, new_languages = translated_languages(before), translated_languages(after)
    found = [_language(code, REMOVED) for code in old_languages if code not in new_languages]
    found += [_language(code, ADDED) for code in new_languages if code not in old_languages]
    found += _translation_changes(before, after, [code for code in new_languages if code in old_languages])
    return found + left_behind(before, after)


def left_behind(before, after) -> list[Change]:
    """A change for each translation of ``after`` whose Finnish text differs from ``before``
    and which still translates the text of ``before``."""
    from seloste.translations import source_hash
    from seloste.translations import translatable_texts
    from seloste.translations.texts import translatable_fields

    old, new = translatable_texts(before.data), translatable_texts(after.data)
    fields = translatable_fields(after.data)
    found = []
    for code in translated_languages(after):
        translation = after.translations.get(code)
        if translation is None:
            continue
        for key, text in new.items():
            entry = translation.entries.get(key)
            if entry is None or old.get(key, text) == text or entry.source != source_hash(old[key]):
                continue
            found.append(Change(SECTION, "translations", "left_behind", CHANGED, f"{code}: {key}",
                                f"{_field(fields[key])}: suomenkielinen teksti muuttui, mutta {code}-käännös "
                                f"kääntää yhä vanhaa tekstiä (tiedosto {translation.path})", True))
    return found


def language_texts(register) -> dict[str, tuple[str, set]]:
    """``{language: (rendered plain text, its section headings)}`` of each language other than
    its own that ``register`` (or None) is published in and has a translation file for."""
    from seloste.languages import notices
    from seloste.render import render_text

    if register is None or not any(code in register.translations for code in translated_languages(register)):
        return {}
    found = {}
    for notice, data in notices(_published(register))[1:]:
        headings = {section.heading for section in notice.sections}
        if notice.history:
            headings.add(notice.labels["history"])
        found[data["language"]] = (render_text(notice).decode("utf-8"), headings)
    return found


def _published(register):
    """``register`` publishing only the languages it has a translation file for (the build
    refuses the others; a diff shows what there is)."""
    import dataclasses

    languages = [code for code in register.data.get("languages", [])
                 if code == register.data.get("language", "fi") or code in register.translations]
    if languages == register.data.get("languages"):
        return register
    data = {**register.data, "languages": languages}
    return dataclasses.replace(register, document=dataclasses.replace(register.document, data=data))


def _language(code: str, action: str) -> Change:
    name = f"{resources.language_name(code)} ({code})"
    detail = "seloste julkaistaan nyt myös tällä kielellä" if action == ADDED else "selostetta ei enää julkaista tällä kielellä"
    return Change(SECTION, "translations", "language", action, name, detail,
                  action in MATERIAL[("translations", "language")])


def _translation_changes(before, after, languages: list[str]) -> list[Change]:
    from seloste.translations import translatable_texts
    from seloste.translations.texts import translatable_fields

    old_finnish, new_finnish = translatable_texts(before.data), translatable_texts(after.data)
    fields = translatable_fields(after.data)
    found = []
    for code in languages:
        old, new = _texts(before, code), _texts(after, code)
        for key, text in new.items():
            if key not in old or key not in fields or old[key] == text or old_finnish.get(key) != new_finnish.get(key):
                continue
            fix = is_wording_fix(Item("translations", "translation", old[key], key, old[key]),
                                 Item("translations", "translation", text, key, text))
            material = CHANGED in MATERIAL[("translations", "translation")] and not fix
            found.append(Change(SECTION, "translations", "translation", CHANGED, f"{code}: {key}",
                                f"{_field(fields[key])}: käännös muuttui, suomenkielinen teksti ei", material))
    return found


def _field(field) -> str:
    """The text's place in Finnish: ``Käsittelyn tarkoitukset › kohta 1 › Teksti``."""
    return " › ".join(field.titles)


def _texts(register, code: str) -> dict[str, str]:
    translation = register.translations.get(code) if register is not None else None
    if translation is None:
        return {}
    return {key: entry.text for key, entry in translation.entries.items()}
