"""A register's notice in each language it is published in (``languages``).

The register's own language is its data as written; each other language is that data with
its texts replaced by the register's translation into it (:func:`seloste.translations.translated`:
only texts change, never a fact), laid out with that language's own words
(:func:`seloste.notice.build_notice`). A register without ``languages`` has one notice, as
it always had.
"""

from __future__ import annotations

import dataclasses

from seloste import resources


def published_languages(data: dict) -> list[str]:
    """The languages a valid register's notice is published in, its own first."""
    return list(data.get("languages") or [resources.source_language(data)])


def notices(register) -> list[tuple[object, dict]]:
    """(notice, data) of ``register`` in each language it is published in, its own first.

    A translated notice's data is the translated data, marked as of that language (its
    ``wording``, ``section_titles`` and ``title`` are then its own words in it). Every page of a
    register in several languages names all of them (:attr:`~seloste.blocks.Notice.languages`).
    """
    from seloste.notice import build_notice
    from seloste.translations import translated

    languages = published_languages(register.data)
    names = tuple((code, resources.phrases(code)["page"]["language_name"]) for code in languages)
    found = []
    for code in languages:
        if code == resources.source_language(register.data):
            data = register.data
        else:
            data = {**translated(register.data, register.translations[code]), "language": code}
        notice = build_notice(register.id, data, code)
        found.append((dataclasses.replace(notice, languages=names) if len(names) > 1 else notice, data))
    return found
