"""A lint baseline: the findings a project has accepted for now, so that only new ones fail.

An organisation moving hundreds of notices in cannot fix every gap before its first green
build. ``lint --update-baseline`` writes today's findings into ``lint-baseline.json`` (beside
the policy folder, committed); ``lint --baseline`` then reports only findings that are not in
it, and names each baseline entry that no longer occurs, so the file shrinks as gaps are
fixed. A finding is known by its file, rule and message, not its line: editing a register
above a gap does not make the gap new. The file is sorted JSON: the same findings give the
same bytes.
"""

from __future__ import annotations

import collections
import json
import pathlib

from seloste.problem import INFO
from seloste.problem import Problem

FILE_NAME = "lint-baseline.json"
CODE = "LINT-BASELINE"
_VERSION = 1


def _key(problem: Problem) -> tuple[str, str, str]:
    return problem.path, problem.code, problem.message


def dump(findings: list[Problem]) -> bytes:
    """The baseline file of ``findings`` (their counts by file, rule and message)."""
    counts = collections.Counter(_key(problem) for problem in findings if problem.level != INFO)
    entries = [{"file": path, "rule": code, "message": message, "count": count}
               for (path, code, message), count in sorted(counts.items())]
    text = json.dumps({"version": _VERSION, "findings": entries}, ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def load(path: pathlib.Path, shown: str) -> tuple[collections.Counter, list[Problem]]:
    """The accepted findings of a baseline file (by file, rule and message), and the problems
    of reading it: a file that is missing, is not a baseline or has entries of the wrong shape."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return collections.Counter(), [Problem(shown, 0, 0, CODE, "error", "perustasotiedostoa ei ole",
                                               "luo se komennolla seloste lint --update-baseline")]
    except OSError as exc:
        return collections.Counter(), [Problem(shown, 0, 0, "F203", "error",
                                               f"perustasotiedostoa ei voi lukea: {exc.strerror or exc}")]
    try:
        document = json.loads(raw.decode("utf-8"))
        entries = document["findings"]
        accepted = collections.Counter()
        for entry in entries:
            accepted[(str(entry["file"]), str(entry["rule"]), str(entry["message"]))] += int(entry["count"])
    except (UnicodeDecodeError, ValueError, KeyError, TypeError):
        return collections.Counter(), [Problem(shown, 1, 1, CODE, "error", "tiedosto ei ole lintin perustaso",
                                               "kirjoita se uudelleen komennolla seloste lint --update-baseline")]
    return accepted, []


def apply(findings: list[Problem], accepted: collections.Counter, shown: str) -> tuple[list[Problem], int]:
    """The findings that are not in the baseline, an info for each baseline entry that no longer
    occurs (at the baseline file), and how many findings the baseline accepted."""
    left = collections.Counter(accepted)
    new: list[Problem] = []
    known = 0
    for problem in findings:
        key = _key(problem)
        if problem.level != INFO and left[key] > 0:
            left[key] -= 1
            known += 1
        else:
            new.append(problem)
    for (path, code, message), count in sorted(left.items()):
        if count > 0:
            times = f" ({count} kertaa)" if count > 1 else ""
            new.append(Problem(shown, 0, 0, CODE, INFO,
                               f"perustason havainto ei enää toistu{times}: {path} [{code}] {message}",
                               "päivitä perustaso komennolla seloste lint --update-baseline"))
    return new, known
