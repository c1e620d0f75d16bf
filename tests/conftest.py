"""Shared fixtures: the project's folders, a CLI runner, and the golden-file update flag."""

from __future__ import annotations

import dataclasses
import io
import os
import pathlib
import subprocess
import shutil
import sys
from contextlib import redirect_stderr
from contextlib import redirect_stdout

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
POLICY = ROOT / "policy"
FIXTURES = TESTS / "fixtures"
GOLDEN = TESTS / "golden"


def leaves(value, prefix: tuple = ()):
    """(path, value) of every value of a register's data that is no mapping or list."""
    if isinstance(value, dict):
        for key, sub in value.items():
            yield from leaves(sub, prefix + (key,))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            yield from leaves(sub, prefix + (index,))
    else:
        yield prefix, value


def register_files(folder: pathlib.Path) -> list[pathlib.Path]:
    """The register files of ``folder``, sorted: its ``*.yaml`` but the translations beside them
    (``<id>.<lang>.yaml``)."""
    from seloste.translations import translation_of

    return sorted(path for path in folder.glob("*.yaml") if not translation_of(path.name))


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite output/ and tests/golden from the current code (the run still fails)")


@dataclasses.dataclass
class Result:
    code: int
    stdout: str
    stderr: str


class _BinaryStdout(io.StringIO):
    """A text buffer with a .buffer, as sys.stdout has."""

    def __init__(self):
        super().__init__()
        self.buffer = io.BytesIO()

    def getvalue(self):
        return super().getvalue() + self.buffer.getvalue().decode("utf-8")


@pytest.fixture
def run_cli(monkeypatch):
    """Run ``build.py`` in-process with arguments; returns exit code, stdout and stderr."""
    from seloste.cli import main

    def run(*args: str, cwd: pathlib.Path | None = None) -> Result:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
        out, err = _BinaryStdout(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main(list(args))
        return Result(code, out.getvalue(), err.getvalue())

    return run


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch) -> pathlib.Path:
    """An empty cache of earlier results (seloste.cache) for each test, never the project's own."""
    folder = tmp_path_factory.mktemp("seloste-cache")
    monkeypatch.setenv("SELOSTE_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def project(tmp_path):
    """A scratch project: a copy of policy/ and an empty output/ in a temporary folder."""
    shutil.copytree(POLICY, tmp_path / "policy")
    (tmp_path / "output").mkdir()
    return tmp_path


def snapshot(folder: pathlib.Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes, to prove nothing changed."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def skip_unless_required(reason: str) -> None:
    """Skip the test because a tool (Chromium, Java, vnu.jar) is missing; raises pytest's Skipped.

    With ``SELOSTE_REQUIRE_BROWSER=1`` (as ``.ci/run`` sets) a missing tool fails the test
    instead (raises pytest's Failed), so that CI never passes by skipping the quality gates.
    """
    if os.environ.get("SELOSTE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (required because SELOSTE_REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(reason)


sys.path.insert(0, str(ROOT))


def git(repo: pathlib.Path, *args: str) -> str:
    """Run git in ``repo``; its standard output."""
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def commit(repo: pathlib.Path, message: str) -> None:
    """Commit everything in ``repo``."""
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", message)
