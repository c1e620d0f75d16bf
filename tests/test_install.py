"""The tool as an organisation installs it: a wheel in a virtual environment of its own, and a
notices repository that holds none of this project's code, with the pre-commit hooks.

Slow (a minute or two: the wheel's dependencies come from the package index, as they do for
every user), so it runs once, in one test per stage on a shared scratch machine.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT

SOURCES = ("seloste", "schema", "templates", "pyproject.toml", "README.md", ".pre-commit-hooks.yaml")


def _run(args, cwd, env=None, check=True):
    result = subprocess.run([str(arg) for arg in args], cwd=str(cwd), capture_output=True, text=True,
                            env={**os.environ, "GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@example.org",
                                 "GIT_COMMITTER_NAME": "a", "GIT_COMMITTER_EMAIL": "a@example.org", **(env or {})},
                            check=False, timeout=900)
    if check:
        assert result.returncode == 0, f"{args}: {result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def machine(tmp_path_factory):
    """This project's sources as a git repository of their own, its wheel installed in a fresh
    virtual environment, and an empty git repository for the notices."""
    root = tmp_path_factory.mktemp("install")
    source = root / "seloste-src"
    source.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(ROOT / name, source / name)
    _run(["git", "init", "-q"], source)
    _run(["git", "add", "-A"], source)
    _run(["git", "commit", "-q", "-m", "seloste"], source)
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", root / "dist", source], root)
    [wheel] = (root / "dist").glob("seloste-*.whl")
    _run([sys.executable, "-m", "venv", root / "venv"], root)
    _run([root / "venv" / "bin" / "pip", "install", "-q", wheel], root)
    notices = root / "notices"
    notices.mkdir()
    _run(["git", "init", "-q", "-b", "main"], notices)
    return {"root": root, "source": source, "seloste": root / "venv" / "bin" / "seloste", "notices": notices}


def test_the_wheel_carries_the_schema_templates_and_phrases(machine):
    result = _run([machine["seloste"], "--version"], machine["notices"])
    assert result.stdout.strip().startswith("seloste ")
    site = _run([machine["root"] / "venv" / "bin" / "python", "-c",
                 "import seloste.resources as r; print(r.SCHEMA_PATH); print(r.TEMPLATES_DIR); "
                 "print(r.DATA_DIR / 'preview' / 'preview.js'); print(r.DATA_DIR / 'scaffold' / 'notices.yml')"],
                machine["notices"])
    schema, templates, *data = site.stdout.split()
    assert all(pathlib.Path(path).is_file() for path in data)
    assert "site-packages" in schema and pathlib.Path(schema).is_file()
    assert (pathlib.Path(templates) / "notice.html.j2").is_file()


def test_init_new_build_and_check_in_a_repository_without_this_project_s_code(machine):
    seloste, notices = machine["seloste"], machine["notices"]
    _run([seloste, "init", "--organisation", "Kahvila Papu Oy", "--business-id", "2925676-3",
          "--email", "info@kahvilapapu.example"], notices)
    _run([seloste, "new", "rekrytointirekisteri"], notices)
    _run([seloste, "build"], notices)
    _run([seloste, "check"], notices)
    _run([seloste, "lint", "--baseline"], notices)
    assert not (notices / "build.py").exists() and not (notices / "seloste").exists()
    assert (notices / "output" / "fi" / "rekrytointirekisteri.html").is_file()
    assert not (notices / ".seloste-cache").exists() or (notices / ".seloste-cache" / "CACHEDIR.TAG").is_file()
    _run(["git", "add", "-A"], notices)
    _run(["git", "commit", "-q", "-m", "Tietosuojaselosteet"], notices)


def test_the_pre_commit_hooks_of_this_repository_run_there(machine):
    seloste, notices = machine["seloste"], machine["notices"]
    if not (notices / "output").is_dir():
        pytest.skip("the notices repository was not built")
    env = {"PRE_COMMIT_HOME": str(machine["root"] / "pre-commit-home")}
    pre_commit = [sys.executable, "-m", "pre_commit", "try-repo", machine["source"]]
    passed = _run([*pre_commit, "seloste-check", "--all-files"], notices, env)
    assert "seloste check" in passed.stdout and "Passed" in passed.stdout
    # a register edited without rebuilding: the hook fails, naming the stale files
    register = notices / "policy" / "rekrytointirekisteri.yaml"
    register.write_text(register.read_text(encoding="utf-8").replace("Asiakassuhteen hoitaminen", "Rekrytointi"),
                        encoding="utf-8")
    _run(["git", "add", "-A"], notices)
    failed = _run([*pre_commit, "seloste-check", "--all-files"], notices, env, check=False)
    assert failed.returncode == 1 and "Failed" in failed.stdout and "[C401]" in failed.stdout
    _run([seloste, "build"], notices)
