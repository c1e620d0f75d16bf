"""The command line as a user meets it: default command, help, textconv, exit codes."""

from __future__ import annotations

import subprocess
import sys

from conftest import POLICY
from conftest import ROOT


def test_no_command_means_build(run_cli, project):
    result = run_cli("--policy", str(project / "policy"), "--output", str(project / "output"))
    assert result.code == 0
    assert (project / "output" / "fi" / "genetta-asiakasrekisteri.txt").exists()
    assert "tiedostoa kirjoitettu" in result.stderr


def test_help_lists_every_command_and_needs_no_heavy_imports():
    code = (
        "import sys, io, contextlib\n"
        "from seloste.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    try: main(['--help'])\n"
        "    except SystemExit: pass\n"
        "heavy = sorted(m for m in ('jinja2', 'jsonschema', 'markdown', 'nh3', 'yaml') if m in sys.modules)\n"
        "print(out.getvalue()); print('HEAVY', heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    for command in ("build", "check", "validate", "lint", "diff", "textconv"):
        assert command in result.stdout
    assert "HEAVY []" in result.stdout


def test_usage_error_exits_2(run_cli):
    try:
        run_cli("frobnicate")
    except SystemExit as exit:
        assert exit.code == 2
    else:
        raise AssertionError("argparse should have exited")


def test_textconv_prints_the_rendered_text(run_cli):
    result = run_cli("textconv", str(POLICY / "genetta-asiakasrekisteri.yaml"))
    assert result.code == 0
    assert result.stdout.startswith("TIETOSUOJASELOSTE (Henkilötietolaki 10 § ja 24 §)\n")


def test_textconv_of_a_broken_file_prints_it_as_is_so_git_diff_keeps_working(run_cli, tmp_path):
    broken = tmp_path / "rikki.yaml"
    broken.write_text("name: [\n", encoding="utf-8")
    result = run_cli("textconv", str(broken))
    assert result.code == 0
    assert result.stdout == "name: [\n"
    assert "[Y001]" in result.stderr


def test_a_named_file_linked_within_its_own_folder_is_accepted(run_cli, tmp_path):
    folder = tmp_path / "muualla"
    folder.mkdir()
    (folder / "alkuperainen.yaml").write_bytes((POLICY / "genetta-asiakasrekisteri.yaml").read_bytes())
    (folder / "linkki.yaml").symlink_to(folder / "alkuperainen.yaml")
    result = run_cli("validate", "--no-cache", str(folder / "linkki.yaml"))
    assert result.code == 0, result.stdout
    outside = tmp_path / "toinen"
    outside.mkdir()
    (outside / "linkki.yaml").symlink_to(folder / "alkuperainen.yaml")
    result = run_cli("validate", "--no-cache", str(outside / "linkki.yaml"))
    assert result.code == 1
    assert "[F202]" in result.stdout
