"""Writing output/: all or nothing, only changed files, never a file the tool did not write."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import FIXTURES
from conftest import ROOT
from conftest import snapshot

from seloste.output import MANIFEST


def _build(run_cli, project):
    return run_cli("build", "--policy", str(project / "policy"), "--output", str(project / "output"))


def _check(run_cli, project):
    return run_cli("check", "--policy", str(project / "policy"), "--output", str(project / "output"))


def test_build_writes_every_format_and_the_index(run_cli, project):
    result = _build(run_cli, project)
    assert result.code == 0, result.stdout
    written = set(snapshot(project / "output"))
    for suffix in (".html", ".fragment.html", ".md", ".txt", ".json"):
        assert f"fi/genetta-asiakasrekisteri{suffix}" in written
    assert {"index.html", MANIFEST, "schema/register.schema.json"} <= written


def test_check_passes_after_a_build_and_names_stale_missing_and_extra_files(run_cli, project):
    _build(run_cli, project)
    assert _check(run_cli, project).code == 0

    policy = project / "policy" / "genetta-asiakasrekisteri.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("Kontaktihistoria", "Yhteyshistoria"), encoding="utf-8")
    (project / "output" / "fi" / "genetta-asiakasrekisteri.md").unlink()
    result = _check(run_cli, project)
    assert result.code == 1
    assert "genetta-asiakasrekisteri.txt:0:0: error [C401]" in result.stdout
    assert "genetta-asiakasrekisteri.md:0:0: error [C402]" in result.stdout

    _build(run_cli, project)
    policy.rename(project / "policy" / "toinen.yaml")
    result = _check(run_cli, project)
    assert result.code == 1
    assert "genetta-asiakasrekisteri.html:0:0: error [C403]" in result.stdout


def test_unchanged_files_are_not_rewritten(run_cli, project):
    _build(run_cli, project)
    target = project / "output" / "fi" / "genetta-asiakasrekisteri.html"
    os.utime(target, (1_000_000, 1_000_000))
    result = _build(run_cli, project)
    assert result.code == 0
    assert target.stat().st_mtime == 1_000_000
    assert "0 tiedostoa kirjoitettu" in result.stderr


def test_removed_register_files_go_but_user_files_stay(run_cli, project):
    (project / "output" / "CNAME").write_text("tietosuoja.example.fi\n")
    (project / "output" / ".nojekyll").write_text("")
    (project / "output" / "fi").mkdir()
    (project / "output" / "fi" / "oma-sivu.html").write_text("<p>oma</p>\n")
    (project / "policy" / "kopio.yaml").write_bytes((project / "policy" / "genetta-asiakasrekisteri.yaml").read_bytes())
    _build(run_cli, project)
    assert (project / "output" / "fi" / "kopio.html").exists()

    (project / "policy" / "kopio.yaml").unlink()
    result = _build(run_cli, project)
    assert result.code == 0
    files = snapshot(project / "output")
    assert not any(name.startswith("fi/kopio.") for name in files)
    assert files["CNAME"] == b"tietosuoja.example.fi\n"
    assert ".nojekyll" in files and "fi/oma-sivu.html" in files
    assert "kopio" not in files[MANIFEST].decode()
    assert _check(run_cli, project).code == 0


def test_invalid_register_leaves_output_exactly_as_it_was(run_cli, project):
    _build(run_cli, project)
    before = snapshot(project / "output")
    policy = project / "policy" / "genetta-asiakasrekisteri.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("layout: henkilotietolaki", "layout: hetl"), encoding="utf-8")
    result = _build(run_cli, project)
    assert result.code == 1
    assert "[S104]" in result.stdout and "sallitut arvot: gdpr, henkilotietolaki" in result.stdout
    assert snapshot(project / "output") == before


def test_output_is_identical_across_hash_seeds_time_zones_and_locales(tmp_path):
    outputs = []
    for number, env in enumerate([
        {"PYTHONHASHSEED": "1", "TZ": "UTC", "LC_ALL": "C"},
        {"PYTHONHASHSEED": "4242", "TZ": "Pacific/Kiritimati", "LC_ALL": "C.UTF-8", "LANG": "fi_FI.UTF-8"},
    ]):
        out = tmp_path / f"out{number}"
        subprocess.run(
            [sys.executable, str(ROOT / "build.py"), "--policy", str(FIXTURES), "--output", str(out)],
            check=True, cwd=ROOT, env={**os.environ, **env}, capture_output=True,
        )
        outputs.append(snapshot(out))
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 5
