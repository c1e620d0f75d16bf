"""What a loaded register gives: lint's findings and its output files, with the cache.

One register at a time, so that a build can stream its registers (:mod:`seloste.stream`);
:func:`lint_registers` and :func:`render_site` do the same for a list of them (the preview,
``lint`` and the tests).
"""

from __future__ import annotations

import json
import typing

from seloste.project import Register
from seloste.project import cached
from seloste.problem import Problem

if typing.TYPE_CHECKING:
    from seloste.blocks import IndexEntry
    from seloste.cache import Cache
    from seloste.site import Site


def lint_register(register: Register, config=None, cache: Cache | None = None) -> list[Problem]:
    """Lint's findings on one register and the words of each translation of it (see
    :func:`seloste.lint.run`).

    With a ``cache``, a register loaded from the same file, code and lint configuration
    before is not linted again. Lint's rules look at one register at a time, so its findings
    for one register are the same whatever other registers there are.
    """
    def linted():  # lint's 29 rules are imported only when a register is linted anew
        from seloste import lint
        from seloste.lint.translations import check_translations

        return lint.run([register], config) + check_translations(register, config)

    if cache is None:
        return linted()
    levels = json.dumps(config.levels if config is not None else {}, sort_keys=True)
    source = cache.source_key(register.document)
    key = cache.key("linted", source, register.id, register.path, levels, *translations_key(register)) if source else ""
    return cached(cache.get_problems, cache.put_problems, key, linted)


def lint_registers(registers: list[Register], config=None, cache: Cache | None = None) -> list[Problem]:
    """Lint's findings on every register (:func:`lint_register`), sorted."""
    return sorted(problem for register in registers for problem in lint_register(register, config, cache))


def translations_key(register: Register) -> list[str]:
    """What a register's translations add to the key of its cached results: each file, by
    language, with its path (lint's findings name it), its data (the notice shows it) and its
    text (lint's findings stand at its lines)."""
    return [json.dumps([code, document.path, document.data, document.document.text], ensure_ascii=False, sort_keys=True)
            for code, document in register.translations.items()]


def render_register(register: Register, site: Site, cache: Cache | None = None, versions: dict | None = None
                    ) -> tuple[dict[str, bytes], list[IndexEntry], str]:
    """The output files of one register in every language it is published in, the index
    entry of each, and the key they are cached under ("" without a ``cache``). ``versions``
    are its versions by language, which its pages list (:func:`seloste.versions.history_files`).

    With a ``cache``, a register rendered before from the same file by the same code and
    templates is not rendered again.
    """
    from seloste.blocks import IndexEntry

    def rendered_anew():
        from seloste import languages
        from seloste import render

        made: dict[str, bytes] = {}
        laid_out = languages.notices(register)
        for notice, data in laid_out:
            made.update(render.render_notice_files(notice, data, site, (versions or {}).get(notice.language, ())))
        return made, [notice.index_entry() for notice, _data in laid_out]

    if cache is None:
        return (*rendered_anew(), "")

    def usable(rendered):  # files and the index entry of each language, or None for a miss or damage
        if rendered is None or not isinstance(rendered[1], list):
            return None
        found = [IndexEntry.from_dict(entry) for entry in rendered[1]]
        return None if not found or None in found else (rendered[0], found)

    # The loaded document depends on nothing but its source key; other data is keyed by itself.
    source = cache.source_key(register.document) or json.dumps(register.data, ensure_ascii=False)
    key = cache.key("rendered", register.id, source, site.key(), *translations_key(register),
                    *([json.dumps(versions, ensure_ascii=False, sort_keys=True)] if versions else []))
    files, entries = cached(lambda k: usable(cache.get_rendered(k)),
                            lambda k, value: cache.put_rendered(k, (value[0], [e.as_dict() for e in value[1]])),
                            key, rendered_anew)
    return files, entries, key


def render_indexes(entries: list[IndexEntry], keys: list[str], site: Site,
                   cache: Cache | None = None) -> dict[str, bytes]:
    """The index pages of the notices ``entries``; with a ``cache`` (and the ``keys`` of every
    register's rendering, :func:`render_register`), not made again when no register changed."""
    from seloste import render

    if cache is None:
        return render.render_indexes(entries, site)

    def cached_index(key):
        found = cache.get_rendered(key)
        return found if found is not None and "index.html" in found[0] else None

    files, _ = cached(cached_index, cache.put_rendered, cache.key("index", *keys),
                      lambda: (render.render_indexes(entries, site), None))
    return files


def render_site(registers: list[Register], cache: Cache | None = None, site: Site | None = None) -> dict[str, bytes]:
    """Every output file of the registers, in memory, with the manifest; ``site`` is what the
    project's settings add to the pages (:class:`seloste.site.Site`)."""
    from seloste import render
    from seloste.output import with_manifest
    from seloste.site import Site

    site = site or Site()
    files: dict[str, bytes] = {}
    entries: list[IndexEntry] = []
    keys = []
    for register in registers:
        made, found, key = render_register(register, site, cache)
        files.update(made)
        entries.extend(found)
        keys.append(key)
    return with_manifest(render.site_files(files, render_indexes(entries, keys, site, cache), site, entries))
