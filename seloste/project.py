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
    document, problems = cached(cache and cache.get_loaded, cache and cache.put_loaded, key,
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
    """Load and validate every file; every problem of every file is returned (see
    :func:`each_register`)."""
    registers, problems = [], []
    for register, found in each_register(paths, policy_dir, cache, translations):
        problems.extend(found)
        if register is not None:
            registers.append(register)
    return registers, problems


def each_register(paths: list[pathlib.Path], policy_dir: pathlib.Path | None = None,
                  cache: Cache | None = None, translations: bool = True
                  ) -> typing.Iterator[tuple[Register | None, list[Problem]]]:
    """Each register file of ``paths`` loaded and validated, one at a time, with its problems
    (the register is None when it is unusable, or when its id is already taken).

    A file named ``<id>.<lang>.yaml`` is a translation (:mod:`seloste.translations`): each valid
    register is given its translations among ``paths`` in the same folder, checked against it
    (with ``translations=False`` they are passed over, unread). Only one register is held at
    a time; the problems of translation files that belong to no register come first.
    """
    problems, tasks = plan_registers(paths, translations)
    if problems:
        yield None, problems
    seen: dict[str, str] = {}
    for path, family in tasks:
        register, problems = load_task(path, family, policy_dir, cache)
        yield take_id(register, problems, seen)


def plan_registers(paths: list[pathlib.Path], translations: bool = True) -> tuple[list[Problem], list[tuple]]:
    """What :func:`each_register` will load: the problems of translation files that belong to
    no register, and ``(path, its translation files)`` for each register file in order (the
    files are None when the translations are passed over, or when an earlier file of the same
    id is the one they are judged by)."""
    from seloste.translations.document import translation_of

    own = [path for path in paths if translation_of(path.name) is None]
    family: dict[tuple, list] = {}  # (folder, id) of every register file: its translation files
    for path in own:
        family.setdefault((_folder(path), path.name.rsplit(".", 1)[0]), [])
    problems = _sort_translations([path for path in paths if translation_of(path.name)], family) if translations else []
    tasks = []
    for path in own:
        key = (_folder(path), path.name.rsplit(".", 1)[0])
        tasks.append((path, family.pop(key, None) if translations else None))
    return problems, tasks


def load_task(path: pathlib.Path, family: list | None, policy_dir: pathlib.Path | None = None,
              cache: Cache | None = None) -> tuple[Register | None, list[Problem]]:
    """One register of :func:`plan_registers`, loaded and validated, with its translations."""
    register, problems = load_register(path, policy_dir, cache)
    if family is not None:
        problems = problems + _load_translations(family, register, policy_dir, cache)
    return register, problems


def take_id(register: Register | None, problems: list[Problem], seen: dict[str, str]
            ) -> tuple[Register | None, list[Problem]]:
    """The register, or None and a problem when a register of its id came before (``seen``:
    each id taken, with its file)."""
    if register is None:
        return None, problems
    taken = id_taken(register.id, register.path, seen)
    return (None, problems + [taken]) if taken else (register, problems)


def id_taken(register_id: str, shown: str, seen: dict[str, str]) -> Problem | None:
    """The problem when a register of this id came before; else None, and the id is taken."""
    if register_id in seen:
        return duplicate_id_problem(shown, register_id, seen[register_id])
    seen[register_id] = shown
    return None


def _folder(path: pathlib.Path) -> str:
    return os.path.normpath(os.path.abspath(path.parent))


def _sort_translations(paths: list[pathlib.Path], family: dict) -> list[Problem]:
    """Give each register file in ``family`` its translation files among ``paths`` (by language);
    returns the problems of those that belong to none (T607) or repeat a language (T609)."""
    from seloste.translations.document import translation_of

    problems: list[Problem] = []
    first: dict[tuple, str] = {}
    for path in paths:
        register_id, language = translation_of(path.name)
        key, shown = (_folder(path), register_id), shown_path(path)
        if key not in family:
            problems.append(orphan_problem(shown, register_id, [other for folder, other in family if folder == key[0]]))
            continue
        if (key, language) in first:
            problems.append(Problem(shown, 0, 0, "T609", ERROR,
                                    f"rekisterin '{register_id}' käännös kielelle {language} on jo tiedostossa "
                                    f"{first[key, language]}", "yhdistä käännökset yhteen tiedostoon ja poista toinen"))
            continue
        first[key, language] = shown
        family[key].append((path, shown, language))
    return problems


def _load_translations(paths: list[tuple], register: Register | None, policy_dir: pathlib.Path | None,
                       cache: Cache | None = None) -> list[Problem]:
    """Read and check a register's translation files (``(path, shown, language)`` each); give
    a valid ``register`` its own. Returns the problems."""
    from seloste.translations.checks import missing_problems
    from seloste.translations.checks import translation_problems
    from seloste.translations.document import load_translation

    problems: list[Problem] = []
    found: dict[str, object] = {}
    unusable: set[str] = set()
    for path, shown, language in paths:
        source, read_problems = read_inside(path, shown, policy_dir)
        translation, loaded = (None, read_problems) if source is None else load_translation(source, shown, register_id_of(path),
                                                                                          language)
        problems.extend(loaded)
        if translation is None:
            unusable.add(language)
        else:
            found[language] = translation
    if register is None:
        return problems  # its own problems say why; its translations cannot be judged against it

    def judged():
        checked = [problem for translation in found.values()
                   for problem in translation_problems(register.data, register.path, translation)]
        return checked + missing_problems(register.data, register.document, register.id, found, unusable)

    # They depend on the register (its source key), each translation file's path and text (the
    # problems stand at its lines), and on which languages' files are unusable: with a cache,
    # they are not judged again.
    source = cache.source_key(register.document) if cache else None
    key = cache.key("translated", source, register.id, register.path, *sorted(unusable),
                    *(json.dumps([language, translation.path, translation.document.text], ensure_ascii=False)
                      for language, translation in sorted(found.items()))) if source else ""
    problems.extend(cached(cache and cache.get_problems, cache and cache.put_problems, key, judged))
    register.translations = types.MappingProxyType(dict(sorted(found.items())))
    return problems


def register_id_of(path: pathlib.Path) -> str:
    """The register a translation file belongs to, by its name."""
    from seloste.translations.document import translation_of

    return translation_of(path.name)[0]


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


def cached(get, put, key: str, compute):
    """What ``get(key)`` finds, or else ``compute()``, kept with ``put(key, value)``.

    Without a cache (``get`` None) or a key, the value is simply computed.
    """
    found = get(key) if get and key else None
    if found is None:
        found = compute()
        if put and key:
            put(key, found)
    return found
