"""A project's policy folder, through the stages: find, load, validate, lay out, render.

This is what the CLI commands share. Nothing here prints or exits; each step returns data
and a list of problems.
"""

from __future__ import annotations

import dataclasses
import json
import os
import pathlib
import types
import typing

from seloste import files
from seloste.load import POLICY_SUFFIXES
from seloste.load import MAX_BYTES
from seloste.load import Document
from seloste.load import is_register_id
from seloste.load import load_text
from seloste.load import too_large_problem
from seloste.output import IO_CODES as _OUTPUT_IO_CODES
from seloste.problem import ERROR
from seloste.problem import Problem
from seloste.problem import os_error_text

if typing.TYPE_CHECKING:
    from seloste.cache import Cache

# Problem codes that mean the tool could not read or write, not that the input is wrong.
IO_CODES = frozenset({"F203", "F205", "T616", "T617"}) | _OUTPUT_IO_CODES


@dataclasses.dataclass
class Register:
    """One validated register: its id (the file stem), its file and its data.

    ``translations`` are its loaded translation files by language (read-only), given by
    :func:`load_registers`: every one that is schema-valid, also in a language the register
    does not list in ``languages`` (which the register's notices are published in).
    """

    id: str
    path: str
    document: Document
    translations: typing.Mapping = dataclasses.field(default_factory=lambda: types.MappingProxyType({}))

    @property
    def data(self) -> dict:
        return self.document.data


def shown_path(path: pathlib.Path) -> str:
    """A path as the user should see it: relative to the working folder where possible.

    Only the folders are resolved, not the file: a symbolic link is shown as itself, not
    as the file it points to.
    """
    absolute = path.absolute()
    try:
        return str((absolute.parent.resolve() / absolute.name).relative_to(pathlib.Path.cwd().resolve()))
    except ValueError:
        return str(path)


def discover(policy_dir: pathlib.Path) -> tuple[list[pathlib.Path], list[Problem]]:
    """The policy files in ``policy_dir`` (not its sub-folders), sorted by name."""
    try:
        entries = sorted(policy_dir.iterdir())
    except OSError as exc:
        return [], [Problem(shown_path(policy_dir), 0, 0, "F203", ERROR,
                            f"rekisterikansiota ei voi lukea: {os_error_text(exc)}")]
    return [entry for entry in entries if entry.suffix in POLICY_SUFFIXES and not entry.name.startswith(".")], []


def load_register(path: pathlib.Path, policy_dir: pathlib.Path | None = None,
                  cache: Cache | None = None) -> tuple[Register | None, list[Problem]]:
    """Load and validate one policy file. Returns the register (None if unusable) and problems."""
    shown = shown_path(path)
    stem = path.name.rsplit(".", 1)[0]
    if not is_register_id(stem):
        return None, [file_name_problem(shown, path.name)]
    if len(stem) > max_register_id_length():
        return None, [id_too_long_problem(shown, stem)]
    source, problems = read_inside(path, shown, policy_dir)
    if source is None:
        return None, problems
    return register_from_source(stem, shown, source, cache)


def read_inside(path: pathlib.Path, shown: str, policy_dir: pathlib.Path | None) -> tuple[bytes | None, list[Problem]]:
    """:func:`read_policy_file`, refusing a symbolic link to outside the policy folder (F202)."""
    if path.is_symlink():
        folder = pathlib.Path(os.path.realpath(policy_dir or path.parent))
        target = pathlib.Path(os.path.realpath(path))
        if folder not in target.parents:
            return None, [Problem(shown, 0, 0, "F202", ERROR,
                                  "tiedosto on symbolinen linkki rekisterikansion ulkopuolelle",
                                  "kopioi tiedosto kansioon linkin sijaan")]
    return read_policy_file(path, shown)


def read_policy_file(path: pathlib.Path, shown: str) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a YAML file the user wrote, or None and the problem that says why not.

    Only a regular file is read (a FIFO, device or socket is refused without being read),
    and its size is checked before reading (:data:`seloste.load.MAX_BYTES`).
    """
    try:
        return files.read_regular(path, MAX_BYTES), []
    except files.TooLarge as exc:
        return None, [too_large_problem(shown, exc.size)]
    except files.NotRegularFile as exc:
        return None, [Problem(shown, 0, 0, "F205", ERROR, f"tämä ei ole tavallinen tiedosto vaan {files.kind_of(exc)}",
                              "rekisterikansiossa saa olla vain tavallisia YAML-tiedostoja")]
    except OSError as exc:
        return None, [Problem(shown, 0, 0, "F203", ERROR, f"tiedostoa ei voi lukea: {os_error_text(exc)}",
                              "tarkista tiedoston oikeudet ja että polku on olemassa")]


# The longest file name most filesystems take (ext4, APFS, NTFS: 255 bytes; ids are ASCII).
_NAME_MAX = 255


def max_register_id_length() -> int:
    """How long a register id may be: every output file name made of it must fit the filesystem."""
    from seloste.render import NOTICE_SUFFIXES

    return _NAME_MAX - max(len(suffix) for suffix in NOTICE_SUFFIXES)


def id_too_long_problem(shown: str, stem: str) -> Problem:
    """S113: a register id (file name) too long for the output files' names."""
    limit = max_register_id_length()
    return Problem(shown, 0, 0, "S113", ERROR,
                   f"rekisterin tunnus (tiedoston nimi) on {len(stem)} merkkiä, enintään {limit}",
                   "lyhennä tiedoston nimeä: tulostiedostojen nimet eivät muuten mahdu levylle")


def file_name_problem(shown: str, name: str) -> Problem:
    """The problem of a policy file whose name is not a register id (nor a translation's name)."""
    from seloste.resources import translation_languages

    register_id, dot, language = name.rsplit(".", 1)[0].rpartition(".")
    hint = "nimeä tiedosto pienillä kirjaimilla a–z, numeroilla ja väliviivoilla, esim. asiakasrekisteri.yaml"
    if dot and is_register_id(register_id):
        hint = (f"käännöstiedoston nimi on rekisterin tunnus ja käännöksen kieli ({', '.join(translation_languages())}), "
                f"esim. {register_id}.{translation_languages()[0]}.yaml; '{language}' ei ole käännöskieli")
    return Problem(shown, 0, 0, "F201", ERROR, f"tiedoston nimi '{name}' ei kelpaa rekisterin tunnukseksi", hint)


def duplicate_id_problem(shown: str, register_id: str, first: str) -> Problem:
    """F204: a second file with the id (file stem) of ``first``."""
    return Problem(shown, 0, 0, "F204", ERROR, f"rekisterin tunnus '{register_id}' on jo tiedostolla {first}",
                   "kahdella tiedostolla ei voi olla samaa nimeä (.yaml ja .yml)")


def register_from_source(stem: str, shown: str, source: bytes,
                         cache: Cache | None = None) -> tuple[Register | None, list[Problem]]:
    """Load and validate one register from its file's bytes (read from disk or from git).

    Returns the register (None if unusable) and the problems, reported at ``shown``. With a
    ``cache``, bytes loaded before at the same path by the same code are not parsed again.
    """
    key = cache.key("loaded", shown, source) if cache else ""
    document, problems = _cached(cache and cache.get_loaded, cache and cache.put_loaded, key,
                                 lambda: _load_and_validate(shown, source))
    if document is None or any(problem.is_error for problem in problems):
        return None, problems
    return Register(stem, shown, document), problems


def _load_and_validate(shown: str, source: bytes):
    from seloste.validate import boolean_keys
    from seloste.validate import validate_document

    document, problems = load_text(source, shown, boolean_keys())
    if document is None:
        return None, problems
    return document, problems + validate_document(document)


def load_registers(paths: list[pathlib.Path], policy_dir: pathlib.Path | None = None,
                   cache: Cache | None = None, translations: bool = True) -> tuple[list[Register], list[Problem]]:
    """Load and validate every file; every problem of every file is returned.

    A file named ``<id>.<lang>.yaml`` is a translation (:mod:`seloste.translations`): each valid
    register is given its translations among ``paths`` in the same folder, checked against it
    (with ``translations=False`` they are passed over, unread).
    """
    from seloste.translations.document import translation_of

    registers, problems = [], []
    seen: dict[str, str] = {}
    attempted: dict[tuple, Register | None] = {}  # (folder, id) of every register file: its register
    for path in paths:
        if translation_of(path.name) is not None:
            continue
        register, found = load_register(path, policy_dir, cache)
        problems.extend(found)
        attempted.setdefault((_folder(path), path.name.rsplit(".", 1)[0]), register)
        if register is None:
            continue
        if register.id in seen:
            problems.append(duplicate_id_problem(register.path, register.id, seen[register.id]))
            continue
        seen[register.id] = register.path
        registers.append(register)
    if translations:
        problems.extend(_load_translations([path for path in paths if translation_of(path.name)], attempted,
                                           policy_dir))
    return registers, problems


def _folder(path: pathlib.Path) -> str:
    return os.path.normpath(os.path.abspath(path.parent))


def _load_translations(paths: list[pathlib.Path], attempted: dict,
                       policy_dir: pathlib.Path | None) -> list[Problem]:
    """Read and check the translation files; give each valid register its own. Returns the problems."""
    from seloste.translations.checks import missing_problems
    from seloste.translations.checks import translation_problems
    from seloste.translations.document import load_translation
    from seloste.translations.document import translation_of

    problems: list[Problem] = []
    found: dict[tuple, dict] = {}
    unusable: dict[tuple, set] = {}
    first: dict[tuple, str] = {}
    for path in paths:
        register_id, language = translation_of(path.name)
        key, shown = (_folder(path), register_id), shown_path(path)
        if key not in attempted:
            problems.append(orphan_problem(shown, register_id, [other for folder, other in attempted if folder == key[0]]))
            continue
        if (key, language) in first:
            problems.append(Problem(shown, 0, 0, "T609", ERROR,
                                    f"rekisterin '{register_id}' käännös kielelle {language} on jo tiedostossa "
                                    f"{first[key, language]}", "yhdistä käännökset yhteen tiedostoon ja poista toinen"))
            continue
        first[key, language] = shown
        source, read_problems = read_inside(path, shown, policy_dir)
        translation, loaded = (None, read_problems) if source is None else load_translation(source, shown, register_id,
                                                                                          language)
        problems.extend(loaded)
        if translation is None:
            unusable.setdefault(key, set()).add(language)
        else:
            found.setdefault(key, {})[language] = translation
    for key, register in attempted.items():
        if register is None:
            continue  # its own problems say why; its translations cannot be judged against it
        own = found.get(key, {})
        for translation in own.values():
            problems.extend(translation_problems(register.data, register.path, translation))
        problems.extend(missing_problems(register.data, register.document, register.id, own, unusable.get(key, set())))
        register.translations = types.MappingProxyType(dict(sorted(own.items())))
    return problems


def orphan_problem(shown: str, register_id: str, register_ids: list[str]) -> Problem:
    """T607: a translation file of a register that has no file of its own."""
    import difflib

    close = difflib.get_close_matches(register_id, register_ids, n=1, cutoff=0.6)
    return Problem(shown, 0, 0, "T607", ERROR, f"käännöksen rekisteriä '{register_id}' ei ole",
                   f"tarkoititko '{close[0]}'? (tiedoston nimi on rekisterin tunnus ja kieli)" if close
                   else f"käännös on rekisterin {register_id}.yaml vieressä; lisää rekisteri tai poista käännös")


def with_translations(paths: list[pathlib.Path]) -> list[pathlib.Path]:
    """The files named, each with its family: a register's translation files beside it, and a
    translation's register; so that naming either checks them together."""
    from seloste.resources import translation_languages
    from seloste.translations.document import translation_of

    family: list[pathlib.Path] = []
    for path in paths:
        named = translation_of(path.name)
        if named is not None:
            candidates = [path.with_name(named[0] + suffix) for suffix in POLICY_SUFFIXES] + [path]
        else:
            stem = path.name.rsplit(".", 1)[0]
            candidates = [path] + [path.with_name(f"{stem}.{language}{suffix}")
                                   for language in translation_languages() for suffix in POLICY_SUFFIXES]
        family.extend(candidate for candidate in candidates
                      if (candidate == path or os.path.lexists(candidate)) and candidate not in family)
    return family


def lint_registers(registers: list[Register], config=None, cache: Cache | None = None) -> list[Problem]:
    """Lint's findings on every register (see :func:`seloste.lint.run`), sorted.

    With a ``cache``, a register loaded from the same file, code and lint configuration
    before is not linted again. Lint's rules look at one register at a time, so its findings
    for one register are the same whatever other registers there are.
    """
    from seloste import lint
    from seloste.lint.translations import check_translations

    def linted(register):  # the register, and the words of each translation of it
        return lint.run([register], config) + check_translations(register, config)

    if cache is None:
        return sorted(problem for register in registers for problem in linted(register))
    levels = json.dumps(config.levels if config is not None else {}, sort_keys=True)
    found: list[Problem] = []
    for register in registers:
        source = cache.source_key(register.document)
        key = cache.key("linted", source, register.id, register.path, levels, *_translations_key(register)) if source else ""
        found.extend(_cached(cache.get_problems, cache.put_problems, key, lambda: linted(register)))
    return sorted(found)


def _translations_key(register: Register) -> list[str]:
    """What a register's translations add to the key of its cached results: each file, by
    language, with its path (lint's findings name it) and its data (the notice shows it)."""
    return [json.dumps([code, document.path, document.data], ensure_ascii=False, sort_keys=True)
            for code, document in register.translations.items()]


def _cached(get, put, key: str, compute):
    """What ``get(key)`` finds, or else ``compute()``, kept with ``put(key, value)``.

    Without a cache (``get`` None) or a key, the value is simply computed.
    """
    found = get(key) if get and key else None
    if found is None:
        found = compute()
        if put and key:
            put(key, found)
    return found


def render_site(registers: list[Register], cache: Cache | None = None, site=None) -> dict[str, bytes]:
    """Every output file of the registers, in memory, with the manifest; ``site`` is what the
    project's settings add to the pages (:class:`seloste.site.Site`).

    With a ``cache``, a register rendered before from the same file by the same code and
    templates is not rendered again, nor is the index page when no register changed.
    """
    from seloste import render
    from seloste import languages
    from seloste.blocks import IndexEntry
    from seloste.output import with_manifest
    from seloste.site import Site

    site = site or Site()
    if cache is None:
        return with_manifest(render.render_site([pair for register in registers for pair in languages.notices(register)],
                                                site))
    files: dict[str, bytes] = {}
    entries: list[IndexEntry] = []
    keys = []

    def usable(rendered):  # files and the index entry of each language, or None for a miss or damage
        if rendered is None or not isinstance(rendered[1], list):
            return None
        found = [IndexEntry.from_dict(entry) for entry in rendered[1]]
        return None if not found or None in found else (rendered[0], found)

    def rendered_anew(register):
        made: dict[str, bytes] = {}
        laid_out = languages.notices(register)
        for notice, data in laid_out:
            made.update(render.render_notice_files(notice, data, site))
        return made, [notice.index_entry() for notice, _data in laid_out]

    for register in registers:
        # The loaded document depends on nothing but its source key; other data is keyed by itself.
        source = cache.source_key(register.document) or json.dumps(register.data, ensure_ascii=False)
        key = cache.key("rendered", register.id, source, site.key(), *_translations_key(register))
        keys.append(key)
        rendered, found = _cached(lambda k: usable(cache.get_rendered(k)),
                                  lambda k, value: cache.put_rendered(k, (value[0], [e.as_dict() for e in value[1]])),
                                  key, lambda: rendered_anew(register))
        files.update(rendered)
        entries.extend(found)

    def cached_index(key):
        found = cache.get_rendered(key)
        return found if found is not None and "index.html" in found[0] else None

    index_files, _ = _cached(cached_index, cache.put_rendered, cache.key("index", *keys),
                             lambda: (render.render_indexes(entries, site), None))
    return with_manifest(render.site_files(files, index_files, site, entries))
