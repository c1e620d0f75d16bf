"""Any terminal, any pipe: the real ``build.py`` process under odd locales and streams.

A Latin-1 terminal, a closed stdout or stderr, a reader that stops after one line: never a
traceback, and the exit status still says what was found (1 with errors, never 0). Every
problem is one line (two with its hint) whatever its quoted text holds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import register_files
from conftest import POLICY
from conftest import ROOT

from seloste.problem import Problem
from seloste.problem import format_problems

BUILD = str(ROOT / "build.py")
BASE = "layout: gdpr\nname: Testirekisteri\ncontroller:\n  name: Esimerkki Oy\n"


@pytest.fixture
def bad_project(tmp_path):
    """A policy folder with one register and 3,000 problems, more than a pipe holds (537 kB),
    each in a key with an en dash (which Latin-1 lacks)."""
    policy = tmp_path / "policy"
    policy.mkdir()
    items = "".join(f"    - text: Tarkoitus {number}\n      tuntematon–avain-{number}: x\n" for number in range(3000))
    (policy / "testi.yaml").write_text(BASE + "purposes:\n  items:\n" + items, encoding="utf-8")
    return tmp_path


def _environment(**extra) -> dict:
    environment = {key: value for key, value in os.environ.items()
                   if not key.startswith(("LC_", "PYTHONIOENCODING", "GITHUB_"))}
    return {**environment, **extra}


def _shell(command: str, cwd, **extra) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", f"set -o pipefail; {command}"], cwd=cwd, capture_output=True,
                          env=_environment(**extra), timeout=120)


def test_a_latin1_terminal_gets_escapes_not_a_traceback(bad_project):
    result = subprocess.run([sys.executable, BUILD, "validate", "--no-cache"], cwd=bad_project, capture_output=True,
                            env=_environment(PYTHONIOENCODING="latin-1", LANG="fi_FI.ISO-8859-1"), timeout=120)
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr
    first = result.stdout.split(b"\n")[0].decode("latin-1")
    assert "tuntematon\\u2013avain-0" in first  # the en dash, which Latin-1 lacks, as an escape
    assert result.stdout.count(b"\n") == 6000
    assert "3000 virhettä" in result.stderr.decode("latin-1")  # what Latin-1 has is written as itself


@pytest.mark.parametrize("closed", [">&-", "2>&-", ">&- 2>&-"])
def test_a_closed_stream_is_no_traceback_and_the_status_stays(bad_project, closed):
    result = _shell(f"{sys.executable} {BUILD} validate --no-cache {closed}; echo status=$? > status", bad_project)
    assert (bad_project / "status").read_text() == "status=1\n"
    assert b"Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["validate", "build", "lint", "check"])
@pytest.mark.parametrize("reader", ["head -1", "true"], ids=["head", "gone at once"])
def test_a_reader_that_stops_early_leaves_the_status_and_no_traceback(bad_project, command, reader):
    # ``true`` has closed its end before build.py writes a byte: every write meets a broken pipe.
    result = _shell(f"{sys.executable} {BUILD} {command} --no-cache | {reader}", bad_project)
    assert result.returncode == 1  # pipefail: build.py's own status, not the reader's
    assert result.stdout.count(b"\n") == (1 if reader.startswith("head") else 0)
    assert b"Traceback" not in result.stderr and b"BrokenPipe" not in result.stderr
    assert b"Exception ignored" not in result.stderr


def test_a_reader_that_stops_early_on_a_clean_project_is_status_0(tmp_path):
    (tmp_path / "policy").mkdir()
    for path in register_files(POLICY):
        (tmp_path / "policy" / path.name).write_bytes(path.read_bytes())
    result = _shell(f"{sys.executable} {BUILD} textconv policy/genetta-asiakasrekisteri.yaml | head -c 10", tmp_path)
    assert result.returncode == 0
    assert len(result.stdout) == 10
    assert b"Traceback" not in result.stderr
    result = _shell(f"{sys.executable} {BUILD} textconv policy/genetta-asiakasrekisteri.yaml | true", tmp_path)
    assert result.returncode == 0 and result.stderr == b""


def test_textconv_and_diff_through_a_short_reader(tmp_path):
    (tmp_path / "policy").mkdir()
    for path in register_files(POLICY):
        (tmp_path / "policy" / path.name).write_bytes(path.read_bytes())
    old, new = "policy/genetta-asiakasrekisteri.yaml", "policy/esimerkki-rekrytointirekisteri.yaml"
    for reader in ("head -1", "true"):
        result = _shell(f"{sys.executable} {BUILD} diff {old} {new} --fail-on material | {reader}", tmp_path)
        assert result.returncode == 1  # the material change still fails the command
        assert b"Traceback" not in result.stderr and b"Exception ignored" not in result.stderr


QUOTED = [
    ("line feed", "a\nb", "a\\nb"),
    ("carriage return", "a\rb", "a\\rb"),
    ("escape sequence", "a\x1b[2Jb", "a\\x1b[2Jb"),
    ("line separator", "a\u2028b", "a\\u2028b"),
    ("paragraph separator", "a\u2029b", "a\\u2029b"),
    ("next line", "a\x85b", "a\\x85b"),
    ("right-to-left override", "a\u202eb", "a\\u202eb"),
    ("tab", "a\tb", "a\\tb"),
]


@pytest.mark.parametrize("text,shown", [(t, s) for _, t, s in QUOTED], ids=[i for i, _, _ in QUOTED])
def test_quoted_text_never_breaks_a_problem_over_lines(text, shown):
    problem = Problem(f"policy/{text}.yaml", 3, 1, "S101", "error", f"tuntematon avain '{text}'", f"vihje {text}")
    printed = format_problems([problem], "text")
    assert printed.count("\n") == 2
    assert printed == f"policy/{shown}.yaml:3:1: error [S101] tuntematon avain '{shown}'\n    hint: vihje {shown}\n"
    github = format_problems([problem], "github")
    assert github.count("\n") == 1 and "\r" not in github and "\u2028" not in github.replace("\u2028", "")
    assert json.loads(format_problems([problem], "json"))[0]["message"] == f"tuntematon avain '{text}'"


def test_a_key_with_a_line_break_is_one_problem_line_through_the_cli(tmp_path):
    (tmp_path / "policy").mkdir()
    (tmp_path / "policy" / "testi.yaml").write_text(BASE + '"väärä\\navain": x\n', encoding="utf-8")
    result = subprocess.run([sys.executable, BUILD, "validate", "--no-cache"], cwd=tmp_path, capture_output=True,
                            env=_environment(), timeout=60)
    lines = result.stdout.decode().splitlines()
    assert result.returncode == 1
    assert len(lines) == 2 and "väärä\\navain" in lines[0] and lines[1].startswith("    hint: ")


def test_nbsp_and_finnish_letters_stay_as_they_are():
    problem = Problem("policy/ä.yaml", 1, 1, "S101", "error", "5\u00a0000 € – ääkköset", "")
    assert problem.format_text() == "policy/ä.yaml:1:1: error [S101] 5\u00a0000 € – ääkköset"


def test_github_annotations_escape_commas_colons_and_percent_in_properties_and_data():
    problem = Problem("policy/a,b:c%.yaml", 2, 3, "S101", "error", "arvo 50 % ja a,b: x\nrivi", "")
    assert problem.format_github() == (
        "::error file=policy/a%2Cb%3Ac%25.yaml,line=2,col=3,title=S101::arvo 50 %25 ja a,b: x%0Arivi")


def test_counts_read_as_finnish_in_the_singular_and_plural():
    from seloste.problem import count_summary

    def problems(*levels):
        return [Problem("a.yaml", 1, 1, "S101", level, "x") for level in levels]

    assert count_summary(problems("error", "warning", "info")) == "1 virhe, 1 varoitus, 1 huomautus"
    assert count_summary(problems("error", "error")) == "2 virhettä, 0 varoitusta, 0 huomautusta"


def test_every_reporter_is_a_format_of_every_command():
    from seloste import cli_parser
    from seloste.problem import REPORTERS

    assert cli_parser.FORMATS == ("auto", *REPORTERS)
    for command in ("build", "check", "validate", "lint"):
        for fmt in REPORTERS:
            args = cli_parser.parser().parse_args([command, "--format", fmt])
            assert args.format == fmt
    assert cli_parser.parser().parse_args(["lint", "--format", "html"]).format == "html"
