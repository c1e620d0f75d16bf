"""Translation files written: their YAML, and their replacement in the policy folder, atomically.

A file is written as legal staff would write it: the modeline (or the comments the file began
with), ``language``, and under ``texts`` each path with its ``source`` and ``text``, a text of
several lines as a block (``|-``). Before anything is replaced, every file is written to a
temporary file beside it; then each replaces its file (``os.replace``), so a file is either
the old one or the new one, never half written. Nothing is written outside the policy folder,
and a symbolic link there is not written through.
"""

from __future__ import annotations

import pathlib

import yaml

from seloste.files import Tree
from seloste.problem import ERROR
from seloste.problem import Problem
from seloste.problem import os_error_text
from seloste.translations.document import MODELINE


class _Dumper(yaml.SafeDumper):
    """YAML as legal staff write it: a text of several lines as a literal block."""


def _represent_text(dumper, value: str):
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _represent_text)


def translation_yaml(language: str, entries: dict[str, tuple[str, str]], header: str = MODELINE) -> bytes:
    """A translation file's bytes: ``header`` (comment lines), ``language`` and ``entries``
    (path -> (source, text)) in their order."""
    data = {"language": language, "texts": {key: {"source": source, "text": text} for key, (source, text) in entries.items()}}
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False,
                     width=1 << 30)
    return (header.rstrip("\n") + "\n" + body).encode("utf-8") if header else body.encode("utf-8")


def leading_comments(text: str) -> str:
    """The comment lines a file begins with (its modeline and what follows it), as written."""
    lines = []
    for line in text.split("\n"):
        if not line.lstrip().startswith("#"):
            break
        lines.append(line)
    return "\n".join(lines)


def write_files(policy_dir: pathlib.Path, files: dict[str, bytes], shown: dict[str, str]) -> list[Problem]:
    """Write ``files`` (a name in ``policy_dir`` -> its bytes), each atomically; ``shown`` names
    each as the user sees it. Returns T616 problems: when one is found before the files are
    replaced (a link in the way, a full disk), none of them was."""
    problems: list[Problem] = []
    temporaries: dict[str, str] = {}
    try:
        with Tree.open(policy_dir) as tree:
            for name in files:
                kind = tree.kind(name)
                if kind not in (None, "file"):
                    problems.append(_problem(shown[name], "paikalla on symbolinen linkki" if kind == "link"
                                             else "paikalla on kansio tai erikoistiedosto"))
            if problems:
                return problems
            try:
                for name, content in files.items():
                    temporaries[name] = tree.write_temporary("", content)
            except OSError:
                for temporary in temporaries.values():
                    tree.remove(temporary)
                raise
            for name, temporary in temporaries.items():
                tree.replace(temporary, name)
            tree.sync("")
    except OSError as exc:
        name = next(iter(files), "")
        problems.append(_problem(shown.get(name, str(policy_dir)), os_error_text(exc)))
    return problems


def _problem(shown: str, why: str) -> Problem:
    return Problem(shown, 0, 0, "T616", ERROR, f"käännöstiedostoa ei voi kirjoittaa: {why}",
                   "tarkista kansion oikeudet ja levytila")
