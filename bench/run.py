#!/usr/bin/env python3
"""Benchmark the build on this machine: ``.venv/bin/python bench/run.py [--quick]``.

Every figure is the median of repeated whole-process runs (``subprocess``, wall clock), each
with its peak memory (max RSS, from ``os.wait4``). Everything runs on a copy of the code,
templates, schema and policy taken at the start, in temporary folders: edits made meanwhile
do not disturb the figures, and the project's ``output/`` and ``.seloste-cache/`` are never
touched.

- cold ``build.py`` on the shipped ``policy/`` against the import floor
  ``python -c "import yaml, jinja2, jsonschema, markdown"``, run in alternation;
- ``build.py --help``;
- 1,000 registers (copies of the shipped ones under distinct ids): full build into an empty
  folder, rebuild and ``check`` with nothing changed, rebuild after one register changed,
  each with and without the cache of earlier results;
- time per stage per register, from one instrumented in-process build without the cache;
- pandoc converting the seed's Markdown to HTML, for reference.

Not part of the test run; the targets it compares against are those of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import pathlib
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BUILD = str(ROOT / "build.py")  # replaced by the copy's build.py in main()
SNAPSHOT = ("build.py", "seloste", "templates", "schema", "policy")
FLOOR = [PYTHON, "-c", "import yaml, jinja2, jsonschema, markdown"]
PLAIN_NAME = re.compile(r"(?m)^name: [^\"'\n].*$")  # a register's name, unquoted: safe to append to
TARGETS = {  # name: (limit, unit)
    "cold build / import floor": (1.25, "×"),
    "--help": (0.050, "s"),
    "full build": (3.0, "s"),
    "check, nothing changed": (2.0, "s"),
    "rebuild, one register changed": (1.5, "s"),
    "peak memory": (150.0, "MB"),
}


def run(command: list[str], env: dict | None = None, cwd: pathlib.Path = ROOT) -> tuple[float, float]:
    """Run ``command`` to its end; returns (wall seconds, max RSS in MB). Raises on failure."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stderr.close()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {process.returncode}:\n{stderr.decode(errors='replace')[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def environment(cache_dir: pathlib.Path) -> dict:
    """The environment of a measured run: its own cache, and Python's compiled modules kept
    (as a user's Python keeps them, even where this shell says not to)."""
    inherited = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    return {**inherited, "SELOSTE_CACHE_DIR": str(cache_dir)}


def median(samples: list[tuple[float, float]]) -> tuple[float, float]:
    """Median time and the highest peak memory of the samples."""
    return statistics.median(t for t, _ in samples), max(m for _, m in samples)


def machine() -> list[str]:
    model = "unknown CPU"
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return [
        f"date: {time.strftime('%Y-%m-%d %H:%M %Z')}",
        f"machine: {os.cpu_count()} CPUs ({model}), {platform.system()} {platform.release()}",
        f"python: {platform.python_version()} ({PYTHON})",
        f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}",
    ]


# --- scenarios --------------------------------------------------------------------------------

def cold_build(rounds: int, work: pathlib.Path) -> dict:
    """A copy of the shipped policy/ into an empty folder, alternating with the import floor:
    with nothing changed since the last run, with one register edited, and with an empty cache."""
    policy = work / "shipped-policy"
    shutil.copytree(pathlib.Path(BUILD).parent / "policy", policy)
    editable = next(path for path in sorted(policy.iterdir()) if PLAIN_NAME.search(path.read_text(encoding="utf-8")))
    cache = work / "cache-shipped"

    def build(output: str, cache_dir: pathlib.Path) -> tuple[float, float]:
        return run([PYTHON, BUILD, "--policy", str(policy), "--output", str(work / output)], environment(cache_dir),
                   cwd=work)

    build("warm-up", cache)
    floor, unchanged, edited, empty = [], [], [], []
    for index in range(rounds):
        floor.append(run(FLOOR))
        unchanged.append(build(f"shipped-{index}-unchanged", cache))
        floor.append(run(FLOOR))
        change_one(editable, index)
        edited.append(build(f"shipped-{index}-edited", cache))
        floor.append(run(FLOOR))
        empty.append(build(f"shipped-{index}-empty", work / f"cache-empty-{index}"))
    return {"floor": median(floor), "nothing changed": median(unchanged),
            "one register edited": median(edited), "cache empty": median(empty)}


def make_registers(count: int, folder: pathlib.Path) -> list[pathlib.Path]:
    """``count`` copies of the shipped registers, as ``<id>-<n>.yaml``, each with its translations
    (``<id>-<n>.sv.yaml``); returns the registers' paths."""
    folder.mkdir()
    policy = pathlib.Path(BUILD).parent / "policy"
    shipped = sorted(path for path in policy.iterdir() if path.suffix in (".yaml", ".yml") and "." not in path.stem)
    made = []
    for number in range(count):
        source = shipped[number % len(shipped)]
        target = folder / f"{source.stem}-{number:04d}.yaml"
        shutil.copyfile(source, target)
        for translation in sorted(policy.glob(f"{source.stem}.*.yaml")):
            language = translation.name[len(source.stem) + 1:].split(".")[0]
            shutil.copyfile(translation, folder / f"{source.stem}-{number:04d}.{language}.yaml")
        made.append(target)
    return made


def change_one(path: pathlib.Path, mark: int) -> None:
    """Change one register's name (a visible change that every output file shows)."""
    text = path.read_text(encoding="utf-8")
    changed, count = PLAIN_NAME.subn(lambda m: f"{m.group(0)} {mark}", text, count=1)
    if not count:
        raise RuntimeError(f"no plain 'name:' line to change in {path}")
    path.write_text(changed, encoding="utf-8")


def many_registers(count: int, rounds: int, work: pathlib.Path) -> dict:
    policy = work / "many-policy"
    registers = make_registers(count, policy)
    editable = next(path for path in registers if PLAIN_NAME.search(path.read_text(encoding="utf-8")))
    results: dict = {}

    def build(output: pathlib.Path, cache: pathlib.Path, *extra: str) -> tuple[float, float]:
        return run([PYTHON, BUILD, "build", "--policy", str(policy), "--output", str(output), *extra],
                   environment(cache), cwd=work)

    def check(output: pathlib.Path, cache: pathlib.Path, *extra: str) -> tuple[float, float]:
        return run([PYTHON, BUILD, "check", "--policy", str(policy), "--output", str(output), *extra],
                   environment(cache), cwd=work)

    # Without the cache every run takes the whole time: fewer rounds of those.
    for label, extra, label_rounds in (("cache", (), rounds), ("no cache", ("--no-cache",), max(1, rounds - 2))):
        cache = work / f"many-cache-{label.replace(' ', '-')}"
        full_empty, full_warm, again, checks, one = [], [], [], [], []
        for index in range(label_rounds):
            # A first build with an empty cache fills it; then the same into another empty folder.
            shutil.rmtree(cache, ignore_errors=True)
            full_empty.append(build(work / f"many-{label}-{index}-a", cache, *extra))
            output = work / f"many-{label}-{index}-b"
            full_warm.append(build(output, cache, *extra))
            again.append(build(output, cache, *extra))
            checks.append(check(output, cache, *extra))
            change_one(editable, index if not extra else 100 + index)
            one.append(build(output, cache, *extra))
            shutil.rmtree(work / f"many-{label}-{index}-a")
        if extra:
            results["full build, no cache"] = median(full_empty)
        else:
            results["full build, cache empty"] = median(full_empty)
            results["full build, cache warm"] = median(full_warm)
        results[f"rebuild, nothing changed ({label})"] = median(again)
        results[f"check, nothing changed ({label})"] = median(checks)
        results[f"rebuild, one register changed ({label})"] = median(one)
    return results


def stages(count: int, work: pathlib.Path, policy: pathlib.Path | None = None) -> tuple[dict, int]:
    """Seconds per stage of one in-process build without the cache, and the register count:
    of ``count`` copies of the shipped registers, or of the registers in ``policy``."""
    sys.path.insert(0, str(pathlib.Path(BUILD).parent))
    from seloste import cli
    from seloste import lint
    from seloste import notice
    from seloste import output
    from seloste import project
    from seloste import render
    from seloste import validate

    totals: dict[str, float] = {}

    def timed(name, function):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                totals[name] = totals.get(name, 0.0) + time.perf_counter() - start
        return wrapper

    patches = [
        (project, "load_text", "load"), (validate, "validate_document", "validate"), (lint, "run", "lint"),
        (notice, "build_notice", "notice"), (render, "render_notice_files", "render"),
        (render, "render_index", "render"), (output.Staging, "add", "write"), (output.Staging, "finish", "write"),
    ]
    originals = [(module, attribute, getattr(module, attribute)) for module, attribute, _ in patches]
    if policy is None:
        policy = work / "stages-policy"
        make_registers(count, policy)
    try:
        for module, attribute, name in patches:
            setattr(module, attribute, timed(name, getattr(module, attribute)))
        start = time.perf_counter()
        with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
            # In this process (--jobs 1), where the stages are timed.
            code = cli.main(["build", "--no-cache", "--jobs", "1", "--policy", str(policy),
                             "--output", str(work / "stages-output")])
        totals["whole build"] = time.perf_counter() - start
    finally:
        for module, attribute, function in originals:
            setattr(module, attribute, function)
    if code != 0:
        raise RuntimeError(f"instrumented build exited {code}")
    return totals, count


def pandoc(rounds: int) -> str:
    executable = shutil.which("pandoc")
    source = ROOT / "output" / "fi" / "genetta-asiakasrekisteri.md"
    if not executable or not source.exists():
        return "pandoc: not installed" if not executable else f"pandoc: {source} missing"
    version = subprocess.run([executable, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    seconds, memory = median([run([executable, str(source), "-o", os.devnull]) for _ in range(rounds)])
    return f"{version}, {source.relative_to(ROOT)} to HTML: {seconds * 1000:.0f} ms, {memory:.0f} MB"


# --- report -----------------------------------------------------------------------------------

def verdict(name: str, value: float) -> str:
    limit, unit = TARGETS[name]
    if value <= limit:
        return f"met (target ≤ {limit:g} {unit})"
    return f"MISSED by {value - limit:.3g} {unit} ({value / limit:.2f} × the target ≤ {limit:g} {unit})"


def copy_project(work: pathlib.Path) -> pathlib.Path:
    """A copy of what a build reads, so that edits made during the run do not change it."""
    target = work / "project"
    target.mkdir()
    for name in SNAPSHOT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", ".*"))
        else:
            shutil.copyfile(source, target / name)
    return target


def main() -> int:
    global BUILD
    parser = argparse.ArgumentParser(description="Benchmark build.py on this machine.")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (a rough look, not for BENCHMARKS.md)")
    parser.add_argument("--registers", type=int, default=1000, help="how many generated registers (default: 1000)")
    args = parser.parse_args()
    rounds_small, rounds_large = (5, 2) if args.quick else (21, 5)

    for line in machine():
        print(line)
    with tempfile.TemporaryDirectory(prefix="seloste-bench-") as folder:
        work = pathlib.Path(folder)
        BUILD = str(copy_project(work) / "build.py")
        print(f"\n== shipped policy/, cold process, median of {rounds_small} (alternating with the floor)")
        cold = cold_build(rounds_small, work)
        floor = cold["floor"][0]
        print(f"import floor (yaml, jinja2, jsonschema, markdown): {floor * 1000:6.0f} ms  {cold['floor'][1]:5.0f} MB")
        for label in ("nothing changed", "one register edited", "cache empty"):
            seconds, memory = cold[label]
            print(f"build.py, {label:<19}: {seconds * 1000:6.0f} ms  {memory:5.0f} MB  "
                  f"ratio {seconds / floor:.2f}: {verdict('cold build / import floor', seconds / floor)}")

        print(f"\n== build.py --help, median of {rounds_small}")
        seconds, memory = median([run([PYTHON, BUILD, "--help"]) for _ in range(rounds_small)])
        print(f"--help: {seconds * 1000:.0f} ms  {memory:.0f} MB: {verdict('--help', seconds)}")

        print(f"\n== {args.registers} registers, median of {rounds_large} ({max(1, rounds_large - 2)} without the cache)")
        peaks = {"from the cache": 0.0, "doing every stage": 0.0}
        for label, (seconds, memory) in many_registers(args.registers, rounds_large, work).items():
            worked = label.endswith(("cache empty", "no cache)", "no cache"))
            group = "doing every stage" if worked else "from the cache"
            peaks[group] = max(peaks[group], memory)
            target = next((name for name in TARGETS if label.startswith(name)), None)
            judged = f": {verdict(target, seconds)}" if target else ""
            print(f"{label:<42} {seconds:6.2f} s  {memory:5.0f} MB{judged}")
        for group, peak in peaks.items():
            print(f"peak memory, runs {group}: {peak:.0f} MB: {verdict('peak memory', peak)}")

        print(f"\n== time per stage, one in-process build of {args.registers} registers without the cache")
        totals, count = stages(args.registers, work)
        for name in ("load", "validate", "lint", "notice", "render", "write", "whole build"):
            seconds = totals.get(name, 0.0)
            print(f"{name:<12} {seconds:6.2f} s in all  {seconds / count * 1000:6.2f} ms per register")

    print("\n== reference")
    print(pandoc(rounds_small))
    print(f"\nload average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
