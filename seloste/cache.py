"""Work skipped for unchanged inputs: a content-addressed cache beside the stages.

:mod:`seloste.project` asks it before loading and validating a register file (keyed by the
file's bytes and the path shown in problems) and before rendering a register (keyed by its
id and validated data); it also keeps Jinja's compiled templates. A stale entry would be a
wrong notice, so every key also covers a *fingerprint* of everything else the result
depends on:

- the source of the ``seloste`` package, its ``data/`` (layouts, phrases, authorities) and
  every other file in it;
- ``templates/`` and ``schema/register.schema.json``;
- the Python version and the installed distributions (Jinja, Markdown, nh3, PyYAML, ...).

Entries live under ``.seloste-cache/<fingerprint>/`` in the project folder (git-ignored),
or in ``$SELOSTE_CACHE_DIR``. Each file starts with the SHA-256 of its content and names
its own key; a file that is truncated, edited or misplaced is ignored and written anew.
Folders of other fingerprints are removed when a new one is first written. Nothing here
raises on a cache that cannot be read or written: the work is then simply done again.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import os
import pathlib
import shutil
import sys

from seloste.load import Document
from seloste.problem import Problem

ENVIRONMENT_VARIABLE = "SELOSTE_CACHE_DIR"
PACKAGE_DIR = pathlib.Path(__file__).resolve().parent
DEFAULT_DIR = PACKAGE_DIR.parent / ".seloste-cache"
_FINGERPRINT_LENGTH = 20  # hex digits of the fingerprint that name its folder


def default_folder() -> pathlib.Path:
    """Where the cache lives: ``$SELOSTE_CACHE_DIR`` if set, else ``.seloste-cache`` in the project."""
    configured = os.environ.get(ENVIRONMENT_VARIABLE)
    return pathlib.Path(configured) if configured else DEFAULT_DIR


def fingerprint() -> str:
    """The SHA-256 (hex) of everything besides a register that shapes its output.

    Reads the package, the templates, the schema and the data folder where the modules that
    use them look for them now (``render.TEMPLATES_DIR``, ``render.SCHEMA_PATH``,
    ``notice.DATA_DIR``), so a test that points them elsewhere gets another fingerprint.
    """
    from seloste import notice
    from seloste import render

    digest = hashlib.sha256()
    digest.update(f"python {sys.version} {sys.implementation.cache_tag}\n".encode())
    for name in _distributions():
        digest.update(f"distribution {name}\n".encode())
    for label, path in (("package", PACKAGE_DIR), ("templates", render.TEMPLATES_DIR),
                        ("data", notice.DATA_DIR), ("schema", render.SCHEMA_PATH)):
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

    @classmethod
    def open(cls, folder: pathlib.Path | None = None) -> "Cache":
        """The cache in ``folder`` (default: :func:`default_folder`) for the code as it is now."""
        return cls(folder or default_folder(), fingerprint())

    def template_bytecode_cache(self, environment: str):
        """A ``jinja2.BytecodeCache`` that keeps compiled templates here (imports Jinja).

        ``environment`` names the Jinja environment that uses it: code compiled with
        autoescape (HTML) differs from code compiled without, for the same template file.
        """
        import jinja2

        cache = self

        def key(bucket) -> str:
            return cache.key("template", environment, bucket.key)

        class _CompiledTemplates(jinja2.BytecodeCache):
            def load_bytecode(self, bucket) -> None:
                value = cache.get("templates", key(bucket))
                if isinstance(value, dict) and value.get("checksum") == bucket.checksum:
                    try:
                        # Jinja checks the magic number and source checksum inside as well.
                        bucket.bytecode_from_string(base64.b64decode(value["code"], validate=True))
                    except (KeyError, TypeError, ValueError):
                        bucket.reset()

            def dump_bytecode(self, bucket) -> None:
                code = base64.b64encode(bucket.bytecode_to_string()).decode("ascii")
                cache.put("templates", key(bucket), {"checksum": bucket.checksum, "code": code})

        return _CompiledTemplates()

    def key(self, kind: str, *parts: str | bytes) -> str:
        """A key for a result of ``kind`` computed from ``parts`` under this fingerprint."""
        digest = hashlib.sha256(f"{self.fingerprint}\n{kind}\n".encode())
        for part in parts:
            data = part.encode("utf-8") if isinstance(part, str) else part
            digest.update(f"{len(data)}\n".encode())
            digest.update(data)
        return digest.hexdigest()

    def get(self, kind: str, key: str):
        """The value stored under ``key``, or None when there is none or it cannot be trusted."""
        try:
            raw = (self.folder / kind / key).read_bytes()
        except OSError:
            return None
        check, newline, payload = raw.partition(b"\n")
        if not newline or check != hashlib.sha256(payload).hexdigest().encode("ascii"):
            return None
        try:
            entry = json.loads(payload)
        except ValueError:
            return None
        if not isinstance(entry, dict) or entry.get("key") != key:
            return None
        return entry.get("value")

    def put(self, kind: str, key: str, value) -> None:
        """Store a JSON-able ``value`` under ``key``, atomically; a failure to write is ignored."""
        try:
            payload = json.dumps({"key": key, "value": value}, ensure_ascii=False,
                                 separators=(",", ":")).encode("utf-8")
        except (TypeError, ValueError, UnicodeEncodeError):
            return
        folder = self.folder / kind
        temporary = folder / f".{key}.tmp-{os.getpid()}"
        try:
            self._prune()
            folder.mkdir(parents=True, exist_ok=True)
            with open(temporary, "wb") as handle:
                handle.write(hashlib.sha256(payload).hexdigest().encode("ascii") + b"\n" + payload)
            os.replace(temporary, folder / key)
        except OSError:
            try:
                temporary.unlink()
            except OSError:
                pass

    def _prune(self) -> None:
        """Remove the folders of other fingerprints: their entries can never be used again."""
        if self._pruned:
            return
        self._pruned = True
        try:
            others = [entry for entry in self.root.iterdir()
                      if entry.is_dir() and entry.name != self.folder.name
                      and len(entry.name) == _FINGERPRINT_LENGTH and all(c in "0123456789abcdef" for c in entry.name)]
        except OSError:
            return
        for entry in others:
            shutil.rmtree(entry, ignore_errors=True)

    # --- the results that project.py keeps ---------------------------------------------------

    def get_loaded(self, key: str) -> tuple[Document | None, list[Problem]] | None:
        """A register file's loaded document (None if unusable) and problems, or None on a miss."""
        value = self.get("loaded", key)
        try:
            document = _document_from_json(value["document"]) if value["document"] is not None else None
            return document, [Problem(**problem) for problem in value["problems"]]
        except (KeyError, TypeError, ValueError):
            return None

    def put_loaded(self, key: str, document: Document | None, problems: list[Problem]) -> None:
        """Keep what loading and validating a register file gave."""
        self.put("loaded", key, {
            "document": _document_to_json(document) if document is not None else None,
            "problems": [dataclasses.asdict(problem) for problem in problems],
        })

    def get_files(self, key: str) -> dict[str, bytes] | None:
        """Rendered files by output path, or None on a miss."""
        value = self.get("rendered", key)
        try:
            return {name: text.encode("utf-8") for name, text in value.items()}
        except (AttributeError, TypeError, UnicodeEncodeError):
            return None

    def put_files(self, key: str, files: dict[str, bytes]) -> None:
        """Keep rendered files (UTF-8 text, as every rendered file is)."""
        try:
            self.put("rendered", key, {name: content.decode("utf-8") for name, content in files.items()})
        except UnicodeDecodeError:
            return


def _document_to_json(document: Document) -> dict:
    fields = {field.name: getattr(document, field.name) for field in dataclasses.fields(document)}
    for name in ("positions", "key_positions"):
        fields[name] = [[list(path), line, column] for path, (line, column) in fields[name].items()]
    return fields


def _document_from_json(value: dict) -> Document:
    fields = dict(value)
    for name in ("positions", "key_positions"):
        fields[name] = {tuple(path): (line, column) for path, line, column in fields[name]}
    return Document(**fields)
