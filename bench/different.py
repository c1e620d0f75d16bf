#!/usr/bin/env python3
"""Build times for *different* registers, as users meet them:
``.venv/bin/python bench/different.py [--counts 1000 10000] [--rounds N]``.

For each count, a seeded generator (bench/generate.py) writes that many different registers
(varied names, texts, list lengths and shapes; no two alike, so no in-process memo answers for
another). Then, each a whole-process run on a copy of the code taken at the start (wall clock,
peak memory from ``os.wait4``, as bench/run.py measures), the median of ``--rounds``:

- a full build with the cache empty (what CI does on a fresh clone), and with ``--no-cache``;
- a full build into an empty folder with the cache warm, ``check`` with nothing changed, and a
  rebuild after one register is edited (cache warm);

and the growth from the first count to the last. The figures go into BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import pathlib
import shutil
import statistics
import sys
import tempfile

from generate import registers
from run import PYTHON
from run import copy_project
from run import environment
from run import machine
from run import run
from run import stages

TARGETS = {1000: {"cache empty": 3.0, "check, cache empty": 3.0, "cache warm": 1.0, "one register edited": 0.5},
           10000: {"cache empty": 30.0}}
# Peak memory is of the largest process (os.wait4): with several processes (--jobs), each
# worker holds one register at a time, as the main process does.
MEMORY_TARGET = {10000: 300}  # MB


def measure(count: int, rounds: int, work: pathlib.Path, build: str) -> dict:
    policy = work / f"policy-{count}"
    policy.mkdir()
    for register_id, text in registers(count):
        (policy / f"{register_id}.yaml").write_text(text, encoding="utf-8")
    edited = policy / "rekisteri-00000.yaml"

    def command(name, output, cache, *extra):
        # In the work folder: no templates/ there to stand in for the copy's own.
        return run([PYTHON, build, name, "--policy", str(policy), "--output", str(output), *extra], environment(cache),
                   cwd=work)

    results: dict = {name: [] for name in ("cache empty", "cache empty, one process", "no cache", "cache warm",
                                           "check, cache empty", "check, cache warm", "one register edited")}
    for index in range(rounds):
        cache = work / f"cache-{count}-{index}"
        results["cache empty"].append(command("build", work / f"out-{count}-{index}-a", cache))
        results["cache empty, one process"].append(command("build", work / f"out-{count}-{index}-d",
                                                           work / f"cache-d-{count}-{index}", "--jobs", "1"))
        shutil.rmtree(work / f"cache-d-{count}-{index}", ignore_errors=True)
        results["cache warm"].append(command("build", work / f"out-{count}-{index}-b", cache))
        results["check, cache warm"].append(command("check", work / f"out-{count}-{index}-b", cache))
        results["check, cache empty"].append(command("check", work / f"out-{count}-{index}-b", work / f"cache-c-{count}-{index}"))
        text = edited.read_text(encoding="utf-8")
        edited.write_text(text.replace("\nname: ", f"\nname: Muokattu {index} ", 1), encoding="utf-8")
        results["one register edited"].append(command("build", work / f"out-{count}-{index}-b", cache))
        if index == 0 or count <= 1000:
            results["no cache"].append(command("build", work / f"out-{count}-{index}-c", cache, "--no-cache"))
        for name in ("a", "c", "d"):
            shutil.rmtree(work / f"out-{count}-{index}-{name}", ignore_errors=True)
        shutil.rmtree(work / f"cache-c-{count}-{index}", ignore_errors=True)
    return {name: (statistics.median(s for s, _ in samples), max(m for _, m in samples))
            for name, samples in results.items() if samples}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print("\n".join(machine()))
    with tempfile.TemporaryDirectory() as folder:
        work = pathlib.Path(folder)
        build = str(copy_project(work) / "build.py")
        found = {}
        for count in args.counts:
            found[count] = measure(count, args.rounds if count <= 1000 else 1, work, build)
            print(f"\n{count} different registers (median of {args.rounds if count <= 1000 else 1}):")
            print("| | time | peak memory | target | |\n| --- | ---: | ---: | --- | --- |")
            for name, (seconds, memory) in found[count].items():
                target = TARGETS.get(count, {}).get(name)
                verdict = "" if target is None else ("met" if seconds <= target else f"missed by {seconds - target:.1f} s")
                print(f"| {name} | {seconds:.2f} s | {memory:.0f} MB | {f'≤ {target:g} s' if target else ''} | {verdict} |")
        first = args.counts[0]
        totals, _ = stages(first, work, work / f"policy-{first}")
        print(f"\ntime per stage, one in-process build of {first} different registers without the cache (--jobs 1):")
        print("| stage | in all | per register |\n| --- | ---: | ---: |")
        for name, seconds in totals.items():
            print(f"| {name} | {seconds:.2f} s | {seconds / first * 1000:.2f} ms |")
        if len(args.counts) > 1:
            first, last = args.counts[0], args.counts[-1]
            for name in ("cache empty", "no cache"):
                if name in found[first] and name in found[last]:
                    print(f"growth {first} → {last}, {name}: {found[last][name][0] / found[first][name][0]:.1f} × time, "
                          f"{found[last][name][1] / found[first][name][1]:.1f} × memory")
    return 0


if __name__ == "__main__":
    sys.exit(main())
