"""Every published version of a notice, at a permanent address, and what changed in each.

With ``versions: true`` in ``seloste.yaml``, each register's states in git
(:mod:`seloste.history`) and its file as it is now are laid out, in every language they are
published in, with the current code. A *version* of a notice in one language is a text of
it that differs from the one before: a commit that changes nothing the notice says in that
language (a comment, the other language's translation) makes no new version of it. A state
that does not validate was never published, so it is not a version either.

A version's date is the notice's own ``updated`` date, else the date of the commit that made
it; its name (*slug*) is that date, with ``-2``, ``-3``... for a later version of the same
date. The files of a version, under ``<language>/<id>/``, depend only on the register's
texts in history and their order, never on a commit id or on when the build runs: the file
as it is now, not yet committed, makes the same version as it will once committed (when it
has an ``updated`` date; without one it has no date of its own before it is committed).

Each version's changes against the one before are the diff's (:mod:`seloste.diff`): their
material and editorial classes are the reviewer's, worded for the data subject by
:mod:`seloste.changelog`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing

from seloste.history import State
from seloste.load import MAX_BYTES
from seloste.project import Register
from seloste.project import cached

if typing.TYPE_CHECKING:
    from seloste.cache import Cache
    from seloste.history import History
    from seloste.site import Site


@dataclasses.dataclass(frozen=True)
class Version:
    """One version of a notice in one language."""

    slug: str  # its name in <language>/<id>/: the date, "-2"... for a later one of the same date
    date: str  # YYYY-MM-DD
    notice: object  # the seloste.blocks.Notice
    data: dict  # the register's data in the notice's language
    text: bytes  # the notice as plain text
    source_sha256: str  # of the register's own file in that version
    changes: tuple = ()  # the diff's Changes against the version before (none for the first)
    first: bool = False  # the first version in this language

    @property
    def material(self) -> list:
        return [change for change in self.changes if change.material]

    @property
    def editorial(self) -> int:
        return len(self.changes) - len(self.material)


def folder(language: str, register_id: str) -> str:
    """Where a notice's versions, change log and feed are under ``output/``."""
    return f"{language}/{register_id}"


def history_files(register: Register, history: History, site: Site,
                  cache: Cache | None = None) -> tuple[dict[str, bytes], dict]:
    """The version pages, change log and feed of ``register`` (as it is now), and a summary: ``{language: [{slug, date, material, editorial, first}, ...]}``
    (oldest first) for the notice page, the site's feed and the sitemap.

    With a ``cache``, a history made before from the same states, the same file now and the
    same code is not made again: its key needs no file of the history to be read."""
    from seloste.produce import translations_key

    states = history.of(register.id)

    def made():
        found = versions_by_language(register, states, history)
        return _files(register, found, site), _summary(found)

    if cache is None:
        return made()
    key = cache.key("history", register.id, site.key(), json.dumps([[s.date, s.files] for s in states]),
                    hashlib.sha256(_source(register)).hexdigest(), *translations_key(register))
    files, summary = cached(lambda k: _usable(cache.get_rendered(k)),
                            lambda k, value: cache.put_rendered(k, (value[0], [value[1]])), key, made)
    return files, summary


def _usable(found):
    if found is None or not isinstance(found[1], list) or len(found[1]) != 1 or not isinstance(found[1][0], dict):
        return None
    return found[0], found[1][0]


def versions_by_language(register: Register, states: list[State], history: History) -> dict[str, list[Version]]:
    """Every version of the register's notice in each language, oldest first (see the module)."""
    from seloste import languages
    from seloste.diff.changes import changes_between
    from seloste.render import render_text

    found: dict[str, list[Version]] = {}
    for date, state_register in _states(register, states, history):
        for notice, data in languages.notices(state_register):
            text = render_text(notice)
            earlier = found.setdefault(notice.language, [])
            if earlier and earlier[-1].text == text:
                continue
            when = data.get("updated") or date
            if not when:
                continue  # the file now, without a date of its own: not a version until committed
            slug = _slug(when, earlier)
            changes = tuple(changes_between(earlier[-1].data, data, earlier[-1].notice, notice)) if earlier else ()
            earlier.append(Version(slug, when, notice, data, text, hashlib.sha256(_source(state_register)).hexdigest(), changes,
                                   not earlier))
    return {code: versions for code, versions in found.items() if versions}


def _slug(date: str, earlier: list[Version]) -> str:
    taken = {version.slug for version in earlier}
    if date not in taken:
        return date
    number = 2
    while f"{date}-{number}" in taken:
        number += 1
    return f"{date}-{number}"


def _source(register: Register) -> bytes:
    """The register's own file as it was read (its text, UTF-8)."""
    return register.document.text.encode("utf-8")


def _states(register: Register, states: list[State], history: History):
    """``(commit date, register)`` of each state that loads and validates, then the register
    as it is now (with no date of its own)."""
    from seloste import project
    from seloste.translations.document import load_translation
    from seloste.translations.document import translation_of

    if states and history.repository is not None:
        blobs = sorted({blob for state in states for _name, blob in state.files})
        sizes = history.repository.sizes(blobs)
        contents = history.repository.read([blob for blob in blobs if sizes[blob] <= MAX_BYTES])
        for state in states:
            (own_name, own_blob), *translations = state.files
            if own_blob not in contents:
                continue
            shown = f"{state.commit[:12]}:{own_name}"
            loaded, _problems = project.register_from_source(register.id, shown, contents[own_blob])
            if loaded is None:
                continue
            own_translations = {}
            for name, blob in translations:
                language = translation_of(name)[1]
                if blob in contents:
                    translation, _ = load_translation(contents[blob], f"{state.commit[:12]}:{name}", register.id, language)
                    if translation is not None:
                        own_translations[language] = translation
            loaded.translations = types.MappingProxyType(own_translations)
            yield state.date, loaded
    yield "", register


def _files(register: Register, found: dict[str, list[Version]], site: Site) -> dict[str, bytes]:
    from seloste import changelog

    files: dict[str, bytes] = {}
    for language, versions in found.items():
        base = folder(language, register.id)
        for version in versions:
            files[f"{base}/{version.slug}.html"] = changelog.render_version_page(version, register.id, site)
            files[f"{base}/{version.slug}.txt"] = version.text
            files[f"{base}/{version.slug}.json"] = render_version_json(version, register.id)
        files[f"{base}/index.html"] = changelog.render_history_page(versions, register.id, site)
        files[f"{base}/feed.atom"] = changelog.render_notice_feed(versions, register.id, site)
    return files


def render_version_json(version: Version, register_id: str) -> bytes:
    """A version's register as JSON, with the SHA-256 of its text and of its file, so that a
    record of consent can cite exactly the version a person saw."""
    from seloste.render import _finish

    document = {
        "schema": "../../schema/register.schema.json",
        "id": register_id,
        "language": version.notice.language,
        "version": version.slug,
        "date": version.date,
        "text_sha256": hashlib.sha256(version.text).hexdigest(),
        "source_sha256": version.source_sha256,
        "register": version.data,
    }
    return _finish(json.dumps(document, ensure_ascii=False, indent=2))


def _summary(found: dict[str, list[Version]]) -> dict:
    from seloste.changelog import summary_entry

    return {language: [summary_entry(version) for version in versions] for language, versions in found.items()}
