"""Work skipped for unchanged inputs: a content-addressed cache beside the stages.

:mod:`seloste.project` asks it before loading and validating a register file (keyed by the
file's bytes and the path shown in problems), before linting a register (keyed by that file
and the project's rule levels) and before rendering one (keyed by its id and that file); it
A stale entry would be a wrong notice, so every key also covers a *fingerprint* of
everything else the result depends on:

- every file of the ``seloste`` package: the code of every stage and lint rule, and its
  ``data/`` (layouts, phrases, authorities);
- ``templates/`` and ``schema/register.schema.json``;
- the Python version and the installed distributions (Jinja, Markdown, nh3, PyYAML, ...).

Entries live under ``.seloste-cache/<fingerprint>/`` in the project folder (git-ignored),
or in ``$SELOSTE_CACHE_DIR``. Each file starts with the SHA-256 of its content and names
its own key; a file that is truncated, edited or misplaced is ignored and written anew.

The cache has the trust of the code: what it holds is published. So it is used only when
its folder, and the fingerprint folder in it, belong to the user and nobody else can write
to them (see :func:`distrust`); nothing in it is ever unpickled or run; only regular files
are read from it. Each fingerprint folder the tool makes holds a ``CACHEDIR.TAG`` (the Cache
Directory Tagging convention) naming seloste, and only such folders are removed when a new
fingerprint is first written: a stranger's folder in a shared ``$SELOSTE_CACHE_DIR`` stays.
Nothing here raises on a cache that cannot be read or written: the work is then simply done
again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import pathlib
import stat
import sys
import tempfile
import weakref

from seloste import files
from seloste import resources

from seloste.cached_document import document_from_json
from seloste.cached_document import document_to_json
from seloste.load import Document
from seloste.problem import WARNING
from seloste.problem import Problem

ENVIRONMENT_VARIABLE = "SELOSTE_CACHE_DIR"
DEFAULT_NAME = ".seloste-cache"  # in the project: the working folder the commands run in
_FINGERPRINT_LENGTH = 20  # hex digits of the fingerprint that name its folder
_MAX_ENTRY_BYTES = 256 * 1024 * 1024  # far beyond any entry (a 1 MiB register renders to a few MB)
TAG_NAME = "CACHEDIR.TAG"
TAG = (b"Signature: 8a477f597d28d172789f06886806bc55\n"
       b"# This file is a cache directory tag created by seloste.\n"
       b"# For information about cache directory tags, see https://bford.info/cachedir/\n")


def distrust(folder: pathlib.Path) -> str | None:
    """Why ``folder`` cannot hold the cache (in Finnish), or None when it can (or does not exist).

    A folder that is a symbolic link, that another user owns, or that group or others may
    write to could hold entries someone else planted.
    """
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"kansiota ei voi lukea ({exc.strerror})"
    if stat.S_ISLNK(info.st_mode):
        return "kansio on symbolinen linkki"
    if not stat.S_ISDIR(info.st_mode):
        return "se ei ole kansio"
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        return "kansio on toisen käyttäjän"
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return "muutkin käyttäjät voivat kirjoittaa kansioon"
    return None


def default_folder() -> pathlib.Path:
    """Where the cache lives: ``$SELOSTE_CACHE_DIR`` if set, else ``.seloste-cache`` in the
    project (the working folder), never inside the installed tool."""
    configured = os.environ.get(ENVIRONMENT_VARIABLE)
    return pathlib.Path(configured) if configured else pathlib.Path.cwd() / DEFAULT_NAME


def fingerprint() -> str:
    """The SHA-256 (hex) of everything besides a register that shapes its output.

    Reads the package, the templates, the schema and the data folder where the modules that
    use them look for them now (:mod:`seloste.resources`), so a test that points them
    elsewhere gets another fingerprint.
    """
    digest = hashlib.sha256()
    digest.update(f"python {sys.version} {sys.implementation.cache_tag}\n".encode())
    for name in _distributions():
        digest.update(f"distribution {name}\n".encode())
    # A project's own templates come first: each folder is read under its own label.
    templates = [(f"templates{index}", folder) for index, folder in enumerate(resources.template_dirs())]
    for label, path in (("package", resources.PACKAGE_DIR), *templates,
                        ("data", resources.DATA_DIR), ("schema", resources.SCHEMA_PATH)):
        for relative, content in _files(path):
            digest.update(f"{label} {relative} {len(content)}\n".encode())
            digest.update(content)
    return digest.hexdigest()


def _distributions() -> list[str]:
    """The installed distributions with their versions, as their metadata folders are named."""
    found = set()
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        found.update(name for name in names if name.endswith((".dist-info", ".egg-info")))
    return sorted(found)


def _files(path: pathlib.Path) -> list[tuple[str, bytes]]:
    """Every file at or under ``path`` (bytecode excluded) with its bytes, in a stable order."""
    if path.is_file():
        return [(path.name, path.read_bytes())]
    found = []
    for root, folders, names in os.walk(path):
        folders[:] = sorted(folder for folder in folders if folder != "__pycache__")
        for name in sorted(names):
            if not name.endswith((".pyc", ".pyo")):
                full = pathlib.Path(root, name)
                found.append((full.relative_to(path).as_posix(), full.read_bytes()))
    return found


class Cache:
    """Entries of one fingerprint in one folder; see the module docstring."""

    def __init__(self, folder: pathlib.Path, fingerprint_hex: str):
        self.root = folder
        self.fingerprint = fingerprint_hex
        self.folder = folder / fingerprint_hex[:_FINGERPRINT_LENGTH]
        self._pruned = False
        self._ready: set[pathlib.Path] = set()
        # id(document): (a weak reference to it, the key it was loaded under), for as long as the
        # document lives: a build that streams its registers holds one at a time.
        self._sources: dict[int, tuple[weakref.ref, str]] = {}

    @classmethod
    def open(cls, folder: pathlib.Path | None = None) -> tuple["Cache | None", list[Problem]]:
        """The cache in ``folder`` (default: :func:`default_folder`) for the code as it is now.

        Returns None and a warning (K501) instead when the folder cannot be trusted.
        """
        folder = folder or default_folder()
        reason = distrust(folder)
        cache = None
        if reason is None:
            cache = cls(folder, fingerprint())
            reason = distrust(cache.folder)
        if reason is None:
            return cache, []
        return None, [Problem(str(folder), 0, 0, "K501", WARNING,
                              f"välimuistia ei käytetä: {reason}",
                              "käytä omaa kansiota, johon vain sinä voit kirjoittaa (SELOSTE_CACHE_DIR), "
                              "tai aja --no-cache; kaikki tehdään nyt alusta")]

    def key(self, kind: str, *parts: str | bytes) -> str:
        """A key for a result of ``kind`` computed from ``parts`` under this fingerprint."""
        digest = hashlib.sha256(f"{self.fingerprint}\n{kind}\n".encode())
        for part in parts:
            data = part.encode("utf-8") if isinstance(part, str) else part
            digest.update(f"{len(data)}\n".encode())
            digest.update(data)
        return digest.hexdigest()

    def get(self, kind: str, key: str) -> tuple[object, list[bytes]] | None:
        """The value and blobs stored under ``key``, or None when there are none or they cannot
        be trusted (wrong digest, wrong key, not the layout :meth:`put` writes)."""
        try:
            raw = files.read_regular(self.folder / kind / key, _MAX_ENTRY_BYTES, follow=False)
        except OSError:
            return None
        check, newline, payload = raw.partition(b"\n")
        if not newline or check != hashlib.sha256(payload).hexdigest().encode("ascii"):
            return None
        header, newline, rest = payload.partition(b"\n")
        try:
            entry = json.loads(header)
            sizes = entry["blobs"]
            if entry["key"] != key or sum(sizes) != len(rest) or any(size < 0 for size in sizes):
                return None
        except (ValueError, TypeError, KeyError):
            return None
        blobs, start = [], 0
        for size in sizes:
            blobs.append(rest[start:start + size])
            start += size
        return entry.get("value"), blobs

    def put(self, kind: str, key: str, value, blobs: list[bytes] = ()) -> None:
        """Store a JSON-able ``value`` and some bytes under ``key``, atomically.

        A value JSON cannot hold, or a failure to write, leaves the entry unwritten.
        """
        try:
            header = json.dumps({"key": key, "value": value, "blobs": [len(blob) for blob in blobs]},
                                ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        except (TypeError, ValueError, UnicodeEncodeError):
            return
        payload = b"".join([header, b"\n", *blobs])
        folder = self.folder / kind
        temporary = None
        try:
            self._prepare(folder)
            handle, temporary = tempfile.mkstemp(prefix=files.TEMP_PREFIX, dir=folder)
            with open(handle, "wb") as stream:
                stream.write(hashlib.sha256(payload).hexdigest().encode("ascii") + b"\n" + payload)
            os.replace(temporary, folder / key)
        except OSError:
            if temporary is not None:
                try:
                    os.unlink(temporary)
                except OSError:
                    pass

    def _prepare(self, folder: pathlib.Path) -> None:
        """Make the cache's folders as the user's own (mode 700), the fingerprint folder tagged;
        raises OSError when one of them exists but cannot be trusted."""
        if folder in self._ready:
            return
        self._prune()
        for path in (self.root, self.folder, folder):
            if path in self._ready:
                continue
            try:
                os.mkdir(path, 0o700)
                made = True
            except FileExistsError:
                made = False
            reason = distrust(path)
            if reason is not None:
                raise PermissionError(reason)
            if made and path == self.folder:
                (path / TAG_NAME).write_bytes(TAG)
            self._ready.add(path)

    def _prune(self) -> None:
        """Remove the folders of other fingerprints that this tool made (they hold its tag):
        their entries can never be used again. Any other folder is left alone."""
        if self._pruned:
            return
        self._pruned = True
        try:
            others = [entry for entry in self.root.iterdir()
                      if entry.name != self.folder.name and _is_fingerprint_folder(entry)]
        except OSError:
            return
        import shutil

        for entry in others:
            shutil.rmtree(entry, ignore_errors=True)

    # --- the results that project.py keeps ---------------------------------------------------

    def get_loaded(self, key: str) -> tuple[Document | None, list[Problem]] | None:
        """A register file's loaded document (None if unusable) and problems, or None on a miss."""
        entry = self.get("loaded", key)
        try:
            value, (text,) = entry
            problems = [Problem(**problem) for problem in value["problems"]]
            document = document_from_json(value["document"], text.decode("utf-8")) if value["document"] else None
        except (TypeError, ValueError, KeyError):
            return None
        if document is not None:
            self._remember(document, key)
        return document, problems

    def put_loaded(self, key: str, loaded: tuple[Document | None, list[Problem]]) -> None:
        """Keep what loading and validating a register file gave: (document, problems).

        The document is kept only when it has no errors: a register with errors is never used.
        """
        document, problems = loaded
        usable = document is not None and not any(problem.is_error for problem in problems)
        stored = document_to_json(document) if usable else None
        if usable and stored is None:
            return  # a document this module cannot store exactly: load it again next time
        if usable:
            self._remember(document, key)
        self.put("loaded", key, {"document": stored, "problems": [dataclasses.asdict(p) for p in problems]},
                 [document.text.encode("utf-8") if usable else b""])

    def _remember(self, document: Document, key: str) -> None:
        identity = id(document)
        self._sources[identity] = (weakref.ref(document, lambda _ref: self._sources.pop(identity, None)), key)

    def source_key(self, document: Document) -> str | None:
        """The key ``document`` was loaded under in this run (it depends on nothing else), or None."""
        known = self._sources.get(id(document))
        return known[1] if known and known[0]() is document else None

    def get_problems(self, key: str) -> list[Problem] | None:
        """Problems kept under ``key``, or None on a miss."""
        entry = self.get("problems", key)
        try:
            value, _ = entry
            return [Problem(**problem) for problem in value]
        except (TypeError, ValueError):
            return None

    def put_problems(self, key: str, problems: list[Problem]) -> None:
        """Keep problems (of lint, for one register)."""
        self.put("problems", key, [dataclasses.asdict(problem) for problem in problems])

    def get_rendered(self, key: str) -> tuple[dict[str, bytes], object] | None:
        """Rendered files by output path and what was kept with them, or None on a miss."""
        entry = self.get("rendered", key)
        try:
            value, contents = entry
            names = value["names"]
            if len(names) != len(contents) or not all(isinstance(name, str) for name in names):
                return None
            return dict(zip(names, contents)), value.get("with")
        except (TypeError, ValueError, KeyError):
            return None

    def put_rendered(self, key: str, rendered: tuple[dict[str, bytes], object]) -> None:
        """Keep rendered files by output path, and with them a JSON-able value (or None)."""
        files, kept = rendered
        self.put("rendered", key, {"names": list(files), "with": kept}, list(files.values()))


def _is_fingerprint_folder(entry: pathlib.Path) -> bool:
    """True for a folder this tool made for a fingerprint: its name and its tag say so."""
    if len(entry.name) != _FINGERPRINT_LENGTH or any(c not in "0123456789abcdef" for c in entry.name):
        return False
    if entry.is_symlink() or not entry.is_dir() or distrust(entry) is not None:
        return False
    try:
        return files.read_regular(entry / TAG_NAME, len(TAG), follow=False) == TAG
    except OSError:
        return False
