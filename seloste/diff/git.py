"""The policy folder as it stands in a git revision: its files read in one ``git cat-file``."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pathlib
import subprocess
import types

from seloste import project
from seloste.diff.model import Side
from seloste.diff.model import SideError
from seloste.load import MAX_BYTES
from seloste.load import is_register_id
from seloste.load import too_large_problem
from seloste.problem import Problem
from seloste.translations.document import translation_of


@dataclasses.dataclass(frozen=True)
class Repository:
    """The git repository that holds the policy folder, and where the folder is in it."""

    top: pathlib.Path
    folder: str  # the policy folder relative to ``top``, POSIX style; "" for the top itself

    @classmethod
    def find(cls, policy_dir: pathlib.Path) -> Repository:
        """The repository around ``policy_dir`` (or the working folder). Raises :class:`SideError`."""
        start = policy_dir if policy_dir.is_dir() else pathlib.Path.cwd()
        try:
            top = pathlib.Path(git(["rev-parse", "--show-toplevel"], start).decode("utf-8").strip()).resolve()
        except SideError:
            raise SideError(f"'{project.shown_path(start)}' ei ole git-tietovarastossa; "
                            "anna vertailtavaksi kaksi tiedostoa tai kaksi kansiota") from None
        folder = pathlib.Path(os.path.relpath(policy_dir.resolve(), top))
        if folder.parts and folder.parts[0] == "..":
            raise SideError(f"rekisterikansio '{policy_dir}' ei ole git-tietovarastossa {top}")
        return cls(top, "" if str(folder) == "." else folder.as_posix())

    def commit(self, revision: str) -> str:
        """The commit id ``revision`` names. Raises :class:`SideError`."""
        if not revision or revision.startswith("-"):
            raise SideError(f"'{revision}' ei ole git-revisio")
        try:
            return git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], self.top).decode().strip()
        except SideError:
            raise SideError(f"'{revision}' ei ole git-revisio eikä olemassa oleva tiedosto tai kansio") from None

    def blobs(self, revision: str) -> list[tuple[str, str]]:
        """``(path in the repository, blob id)`` of each policy file in ``revision``, by name."""
        pathspec = f"{self.folder}/" if self.folder else "."
        listing = git(["ls-tree", "-z", self.commit(revision), "--", pathspec], self.top)
        found = []
        for entry in listing.decode("utf-8", "surrogateescape").split("\0"):
            if not entry:
                continue
            meta, path = entry.split("\t", 1)
            mode, kind, blob = meta.split()
            name = path.rsplit("/", 1)[-1]
            if kind == "blob" and mode in ("100644", "100755") and name.endswith(project.POLICY_SUFFIXES) \
                    and not name.startswith("."):
                found.append((path, blob))
        return sorted(found)

    def sizes(self, blob_ids: list[str]) -> dict[str, int]:
        """The size of each blob, from one ``git cat-file --batch-check`` (nothing read)."""
        if not blob_ids:
            return {}
        output = git(["cat-file", "--batch-check"], self.top, "".join(f"{b}\n" for b in blob_ids).encode())
        return {blob: int(line.split()[2]) for blob, line in zip(blob_ids, output.decode("ascii").splitlines())}

    def read(self, blob_ids: list[str]) -> dict[str, bytes]:
        """The contents of the blobs, read in one ``git cat-file --batch``."""
        if not blob_ids:
            return {}
        output = git(["cat-file", "--batch"], self.top, "".join(f"{b}\n" for b in blob_ids).encode())
        contents, offset = {}, 0
        for blob in blob_ids:
            end = output.index(b"\n", offset)
            header = output[offset:end].split()
            size = int(header[2])
            contents[blob] = output[end + 1:end + 1 + size]
            offset = end + 1 + size + 1
        return contents

    def side(self, revision: str, skip: dict[str, str] | None = None) -> Side:
        """The policy folder as it stands in ``revision``. Raises :class:`SideError`.

        ``skip`` maps register ids to blob ids: a register whose blob is the same is left out.
        """
        blobs = [(path, blob) for path, blob in self.blobs(revision)
                 if not skip or skip.get(stem(path)) != blob]
        # A file larger than the loader takes is not read: its size is asked first.
        sizes = self.sizes([blob for _, blob in blobs])
        contents = self.read([blob for _, blob in blobs if sizes[blob] <= MAX_BYTES])
        registers: dict = {}
        problems: list[Problem] = []
        failed: set = set()
        translations = []
        for path, blob in blobs:
            shown, register_id = f"{revision}:{path}", stem(path)
            if translation_of(path.rsplit("/", 1)[-1]) is not None:
                translations.append((path, blob))
                continue
            if not is_register_id(register_id):
                problems.append(project.file_name_problem(shown, path.rsplit("/", 1)[-1]))
                continue
            if blob not in contents:
                problems.append(too_large_problem(shown, sizes[blob]))
                failed.add(register_id)
                continue
            register, found = project.register_from_source(register_id, shown, contents[blob])
            problems.extend(found)
            if register is None:
                failed.add(register_id)
                continue
            if register_id in registers:
                problems.append(project.duplicate_id_problem(shown, register_id, registers[register_id].path))
                continue
            registers[register_id] = register
        _give_translations(registers, [(f"{revision}:{path}", path, contents.get(blob)) for path, blob in translations])
        return Side(revision, registers, problems, failed)


def _give_translations(registers: dict, files: list[tuple[str, str, bytes | None]]) -> None:
    """Give each register its translations among ``files`` (shown path, path, contents). A
    translation that does not load is passed over: the diff compares what would be published,
    and a translation's own problems are validate's."""
    from seloste.translations.document import load_translation

    found: dict = {}
    for shown, path, content in files:
        register_id, language = translation_of(path.rsplit("/", 1)[-1])
        if content is None or register_id not in registers:
            continue
        translation, _ = load_translation(content, shown, register_id, language)
        if translation is not None:
            found.setdefault(register_id, {})[language] = translation
    for register_id, own in found.items():
        registers[register_id].translations = types.MappingProxyType(dict(sorted(own.items())))


def stem(path: str) -> str:
    """The register id a policy file's path names."""
    return path.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def git(args: list[str], cwd: pathlib.Path, stdin: bytes | None = None) -> bytes:
    """Run git; returns its standard output. Raises :class:`SideError` when git fails or is missing."""
    try:
        result = subprocess.run(["git", *args], cwd=str(cwd), input=stdin, capture_output=True, check=False)
    except OSError as exc:
        raise SideError(f"git-ohjelmaa ei voi käynnistää: {exc.strerror or exc}") from None
    if result.returncode != 0:
        raise SideError(result.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} epäonnistui")
    return result.stdout


def blob_id(content: bytes) -> str:
    """The id git gives a file of these bytes (its blob's SHA-1)."""
    return hashlib.sha1(b"blob %d\0" % len(content) + content).hexdigest()
