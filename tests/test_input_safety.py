"""Reading what the user wrote: only regular files, sizes before bytes, every escape a problem.

Through the real command line (in-process, and as git runs it for ``textconv``): a FIFO,
socket, link loop or huge sparse file in policy/, and Unicode escapes beyond U+10FFFF in a
register or lint.yaml, end in a Finnish problem at their place, never a hang or a traceback.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys

import pytest
from conftest import POLICY
from conftest import ROOT

from seloste import load

REGISTER = "genetta-asiakasrekisteri"
BASE = "layout: gdpr\nname: Testirekisteri\ncontroller:\n  name: Esimerkki Oy\n"


@pytest.fixture(params=["default parser", "pure-Python parser"])
def parser(request, monkeypatch):
    if request.param == "pure-Python parser":
        monkeypatch.setattr(load, "_Parser", load.PurePythonParser)
    return request.param


def _json(result) -> list[tuple[str, str, int, int]]:
    return [(p["path"].rsplit("/", 1)[-1], p["code"], p["line"], p["column"]) for p in json.loads(result.stdout)]


def _run(run_cli, project, command, *extra):
    return run_cli(command, "--policy", "policy", "--output", "output", "--format", "json", *extra, cwd=project)


@pytest.mark.parametrize("command", ["build", "validate", "lint", "check"])
def test_a_fifo_in_policy_is_refused_without_being_read(run_cli, project, command):
    os.mkfifo(project / "policy" / "putki.yaml")  # opening it for reading would wait forever
    result = _run(run_cli, project, command)
    assert result.code == 2
    assert ("putki.yaml", "F205", 0, 0) in _json(result)
    assert "nimetty putki" in result.stdout


def test_a_socket_in_policy_is_refused(run_cli, tmp_path):
    (tmp_path / "p").mkdir()  # a short path: socket names are limited to about 100 bytes
    shutil.copytree(POLICY, tmp_path / "p" / "policy")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "p" / "policy" / "s.yaml"))
        result = _run(run_cli, tmp_path / "p", "validate")
    finally:
        server.close()
    assert result.code == 2
    assert ("s.yaml", "F205", 0, 0) in _json(result)


def test_a_fifo_named_on_the_command_line_and_to_textconv_is_refused(run_cli, project):
    os.mkfifo(project / "policy" / "putki.yaml")
    for command in ("validate", "lint"):
        result = run_cli(command, "--format", "json", "policy/putki.yaml", cwd=project)
        assert (result.code, _json(result)) == (2, [("putki.yaml", "F205", 0, 0)]), command
    result = run_cli("textconv", "policy/putki.yaml", cwd=project)
    assert result.code == 2 and "F205" in result.stdout


def test_a_huge_file_is_refused_by_its_size_before_it_is_read(run_cli, project):
    huge = project / "policy" / "valtava.yaml"
    with open(huge, "wb") as handle:
        handle.truncate(64 * 1024 ** 3)  # sparse: reading it first would take minutes and 64 GiB
    result = _run(run_cli, project, "validate")
    assert result.code == 1
    assert ("valtava.yaml", "Y009", 1, 1) in _json(result)
    assert f"{64 * 1024 ** 3} tavua" in result.stdout


def test_a_fifo_as_lint_yaml_is_refused(run_cli, project):
    os.mkfifo(project / "lint.yaml")
    result = _run(run_cli, project, "lint")
    assert ("lint.yaml", "LINT-CONFIG", 0, 0) in _json(result)
    assert result.code == 1


@pytest.mark.parametrize("command", ["build", "validate", "lint"])
def test_a_link_loop_in_policy_is_a_problem(run_cli, project, command):
    (project / "policy" / "silmukka.yaml").symlink_to("silmukka.yaml")
    result = _run(run_cli, project, command)
    assert result.code == 2
    assert ("silmukka.yaml", "F203", 0, 0) in _json(result)


def test_a_policy_folder_that_loops_is_a_problem(run_cli, tmp_path):
    (tmp_path / "policy").symlink_to("policy")
    result = run_cli("validate", "--policy", "policy", "--format", "json", cwd=tmp_path)
    assert (result.code, _json(result)) == (2, [("policy", "F203", 0, 0)])


ESCAPES = ["\\U00110000", "\\UFFFFFFFF", "\\U7FFFFFFF", "\\Ud800dc00"]


@pytest.mark.parametrize("escape", ESCAPES[:3])
@pytest.mark.parametrize("command", ["build", "validate", "lint", "check"])
def test_an_escape_beyond_unicode_is_a_problem_in_every_command(run_cli, project, parser, escape, command):
    (project / "policy" / "testi.yaml").write_text(BASE + f'purposes:\n  intro: "Alku {escape} loppu"\n',
                                                   encoding="utf-8")
    result = _run(run_cli, project, command)
    assert result.code == 1, result.stdout
    assert ("testi.yaml", "Y001", 6, 16) in _json(result)
    assert "U+10FFFF" in result.stdout


@pytest.mark.parametrize("escape", ESCAPES[:3])
def test_an_escape_beyond_unicode_in_lint_yaml_is_a_problem(run_cli, project, parser, escape):
    (project / "lint.yaml").write_text(f'rules:\n  "{escape}": off\n', encoding="utf-8")
    result = _run(run_cli, project, "lint")
    assert ("lint.yaml", "Y001", 2, 4) in _json(result)


@pytest.mark.parametrize("escape", ESCAPES[:3])
def test_textconv_and_diff_of_a_file_with_an_escape_beyond_unicode(run_cli, project, parser, escape):
    bad = project / "policy" / "testi.yaml"
    bad.write_text(BASE + f'purposes:\n  intro: "{escape}"\n', encoding="utf-8")
    result = run_cli("textconv", str(bad), cwd=project)
    assert result.code == 0
    assert result.stdout == bad.read_text(encoding="utf-8")  # shown as it is, for git
    assert "[Y001]" in result.stderr
    good = project / "policy" / f"{REGISTER}.yaml"
    result = run_cli("diff", str(good), str(bad), cwd=project)
    assert result.code == 1
    assert "Y001" in result.stderr and "Traceback" not in result.stderr


def _git(cwd, *args) -> subprocess.CompletedProcess:
    environment = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.fi",
                   "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.fi", "GIT_PAGER": "cat"}
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, env=environment)


def test_git_diff_log_and_show_keep_working_on_any_committed_file(tmp_path):
    """git's textconv runs build.py on every revision; a broken one must not break git."""
    repo = tmp_path / "repo"
    (repo / "policy").mkdir(parents=True)
    shutil.copy(ROOT / ".gitattributes", repo / ".gitattributes")
    assert _git(repo, "init", "-q").returncode == 0
    _git(repo, "config", "diff.seloste.textconv", f"{sys.executable} {ROOT / 'build.py'} textconv")
    register = repo / "policy" / f"{REGISTER}.yaml"
    register.write_bytes((POLICY / f"{REGISTER}.yaml").read_bytes())
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "hyvä")
    versions = [b'name: "\\U00110000"\n', b"\xff\xfe not utf-8\n", b"", b"a: &x 1\nb: *x\n",
                b'name: "\\UFFFFFFFF"\n' * 1000]
    for number, content in enumerate(versions):
        register.write_bytes(content)
        _git(repo, "commit", "-q", "-a", "-m", f"rikki {number}")
    for args in (["log", "-p"], ["show"], ["diff", "HEAD~5", "HEAD"], ["show", "HEAD~4"]):
        result = _git(repo, *args)
        assert result.returncode == 0, (args, result.stderr)
        assert b"Traceback" not in result.stderr and b"Traceback" not in result.stdout
    assert "Kontaktihistoria".encode() in _git(repo, "log", "-p").stdout  # the good version, as its notice


def test_diff_over_a_history_of_broken_files_reports_them_and_never_follows_a_link(tmp_path):
    repo = tmp_path / "repo"
    (repo / "policy").mkdir(parents=True)
    assert _git(repo, "init", "-q").returncode == 0
    register = repo / "policy" / f"{REGISTER}.yaml"
    register.write_bytes((POLICY / f"{REGISTER}.yaml").read_bytes())
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "hyvä")
    register.write_bytes(b"\xff\xfe" * 10)
    (repo / "policy" / "iso.yaml").write_bytes(b"a" * (3 * 1024 * 1024))
    (repo / "policy" / "linkki.yaml").symlink_to("/etc/passwd")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "rikki")
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "diff", "HEAD~1", "HEAD", "--format", "json"],
                            cwd=repo, capture_output=True, timeout=120)
    assert b"Traceback" not in result.stderr
    problems = {(p["path"], p["code"]) for p in json.loads(result.stdout)["problems"]}
    assert (f"HEAD:policy/{REGISTER}.yaml", "Y010") in problems
    assert ("HEAD:policy/iso.yaml", "Y009") in problems
    assert b"root:" not in result.stdout + result.stderr  # the link's target was never read
    assert result.returncode == 1


def test_a_committed_file_too_large_to_load_is_not_read_out_of_git(tmp_path, monkeypatch):
    from seloste.diff.git import Repository

    repo = tmp_path / "repo"
    (repo / "policy").mkdir(parents=True)
    assert _git(repo, "init", "-q").returncode == 0
    (repo / "policy" / f"{REGISTER}.yaml").write_bytes((POLICY / f"{REGISTER}.yaml").read_bytes())
    (repo / "policy" / "iso.yaml").write_bytes(b"a: b\n" * (load.MAX_BYTES // 5 + 1))
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "iso")
    asked: list = []
    read = Repository.read
    monkeypatch.setattr(Repository, "read", lambda self, blobs: asked.extend(blobs) or read(self, blobs))
    side = Repository.find(repo / "policy").side("HEAD")
    big = _git(repo, "rev-parse", "HEAD:policy/iso.yaml").stdout.decode().strip()
    assert big not in asked and len(asked) == 1  # only the register that fits was read
    assert [(p.path, p.code) for p in side.problems] == [("HEAD:policy/iso.yaml", "Y009")]
    assert set(side.registers) == {REGISTER} and side.failed == {"iso"}
