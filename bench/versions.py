#!/usr/bin/env python3
"""The cost of versions (``versions: true``) for a register with many commits:
``.venv/bin/python bench/versions.py [--commits 50] [--rounds 5]``.

A scratch git repository holds the shipped register ``genetta-asiakasrekisteri`` and
``--commits`` commits that change it (a data category added, a wording changed, a new date,
by turns), so that every commit is a version of its own. Each a whole-process run of the
copy of the code taken at the start (wall clock, peak memory, as bench/run.py measures), the
median of ``--rounds``:

- a build with versions, cache empty (CI's first build on a fresh clone) and with ``--no-cache``;
- the same with the cache warm, into an empty folder;
- a rebuild after one more commit, cache warm;
- the same register built without versions, for comparison.
"""

from __future__ import annotations

import argparse
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile

from run import PYTHON
from run import ROOT
from run import copy_project
from run import environment
from run import machine
from run import run

REGISTER = "genetta-asiakasrekisteri"


def git(repo: pathlib.Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid", *args], cwd=repo,
                   check=True, capture_output=True)


def change(text: str, number: int) -> str:
    """The register's text after the ``number``-th commit: a change of its own each time."""
    day = f"2026-{1 + number // 28:02d}-{1 + number % 28:02d}"
    lines = [line for line in text.splitlines() if not line.startswith("updated:")]
    text = "\n".join(lines) + f'\nupdated: "{day}"\n'
    if number % 2:
        return text.replace("        - Kontaktihistoria\n", f"        - Kontaktihistoria\n        - Lisätieto {number}\n", 1)
    return text.replace("Asiakasrekisteri", f"Asiakasrekisteri ({number})", 1)


def repository(folder: pathlib.Path, commits: int) -> pathlib.Path:
    repo = folder / "history"
    (repo / "policy").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    (repo / "seloste.yaml").write_text("versions: true\n", encoding="utf-8")
    register = repo / "policy" / f"{REGISTER}.yaml"
    text = (ROOT / "policy" / f"{REGISTER}.yaml").read_text(encoding="utf-8")
    for number in range(commits):
        text = change(text, number)
        register.write_text(text, encoding="utf-8")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", f"change {number}")
    return repo


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--commits", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    print("\n".join(machine()))
    with tempfile.TemporaryDirectory() as temporary:
        work = pathlib.Path(temporary)
        build = str(copy_project(work) / "build.py")
        repo = repository(work, args.commits)
        plain = work / "plain"
        shutil.copytree(repo / "policy", plain / "policy")

        def command(project, name, output, cache, *extra):
            return run([PYTHON, build, name, "--policy", str(project / "policy"), "--output", str(output), *extra],
                       environment(cache), cwd=project)

        results: dict = {name: [] for name in ("versions, cache empty", "versions, no cache", "versions, cache warm",
                                               "versions, one more commit (cache warm)", "no versions, cache empty",
                                               "no versions, cache warm")}
        for index in range(args.rounds):
            cache = work / f"cache-{index}"
            results["versions, cache empty"].append(command(repo, "build", work / f"out-{index}-a", cache))
            written = len(list((work / f"out-{index}-a" / "fi" / REGISTER).glob("*.txt")))
            results["versions, no cache"].append(command(repo, "build", work / f"out-{index}-c", cache, "--no-cache"))
            results["versions, cache warm"].append(command(repo, "build", work / f"out-{index}-b", cache))
            register = repo / "policy" / f"{REGISTER}.yaml"
            register.write_text(change(register.read_text(encoding="utf-8"), args.commits + index), encoding="utf-8")
            git(repo, "commit", "-q", "-am", f"one more {index}")
            results["versions, one more commit (cache warm)"].append(command(repo, "build", work / f"out-{index}-b", cache))
            plain_cache = work / f"plain-cache-{index}"
            results["no versions, cache empty"].append(command(plain, "build", work / f"plain-{index}-a", plain_cache))
            results["no versions, cache warm"].append(command(plain, "build", work / f"plain-{index}-b", plain_cache))
            for name in ("a", "b", "c"):
                shutil.rmtree(work / f"out-{index}-{name}", ignore_errors=True)
        print(f"\none register, {args.commits} commits (median of {args.rounds}):")
        print("| | time | peak memory |\n| --- | ---: | ---: |")
        for name, samples in results.items():
            print(f"| {name} | {statistics.median(s for s, _ in samples):.2f} s | {max(m for _, m in samples):.0f} MB |")
        print(f"versions written by the last cache-empty build: {written}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
