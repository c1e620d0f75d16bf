"""``lint --update-baseline`` and ``lint --baseline``: only findings that are new fail."""

from __future__ import annotations

import json

from conftest import ROOT

from seloste.lint import baseline


def _remove_date(project):
    example = project / "policy" / "esimerkki-rekrytointirekisteri.yaml"
    example.write_text(example.read_text(encoding="utf-8").replace('updated: "2025-03-01"\n', ""), encoding="utf-8")


def test_the_baseline_holds_today_s_findings_and_then_only_new_ones_fail(run_cli, project):
    plain = run_cli("lint", cwd=project)
    assert plain.code == 1  # the seed has errors
    written = run_cli("lint", "--update-baseline", cwd=project)
    assert written.code == 0 and "havaintoa perustasoon" in written.stderr
    document = json.loads((project / baseline.FILE_NAME).read_text(encoding="utf-8"))
    assert {entry["file"] for entry in document["findings"]} == {"policy/genetta-asiakasrekisteri.yaml"}
    listed = json.loads(run_cli("lint", "--format", "json", cwd=project).stdout)
    findings = listed["problems"] if isinstance(listed, dict) else listed
    assert sum(entry["count"] for entry in document["findings"]) == len(
        [finding for finding in findings if finding["level"] != "info"])
    clean = run_cli("lint", "--baseline", "--strict", cwd=project)
    assert clean.code == 0 and "jätetty pois" in clean.stderr
    _remove_date(project)
    new = run_cli("lint", "--baseline", "--strict", cwd=project)
    assert new.code == 1
    assert "esimerkki-rekrytointirekisteri.yaml" in new.stdout and "NOTICE-UPDATED" in new.stdout
    seed_lines = [line for line in new.stdout.splitlines() if line.startswith("policy/genetta")]
    assert seed_lines and all("[FI-VAT]" in line for line in seed_lines)  # only the info, never in a baseline


def test_a_finding_is_known_by_its_words_not_its_line(run_cli, project):
    run_cli("lint", "--update-baseline", cwd=project)
    seed = project / "policy" / "genetta-asiakasrekisteri.yaml"
    seed.write_text("# a comment that moves every line down\n" + seed.read_text(encoding="utf-8"), encoding="utf-8")
    assert run_cli("lint", "--baseline", cwd=project).code == 0


def test_a_fixed_finding_is_named_so_that_the_baseline_can_shrink(run_cli, project):
    run_cli("lint", "--update-baseline", cwd=project)
    seed = project / "policy" / "genetta-asiakasrekisteri.yaml"
    seed.write_text(seed.read_text(encoding="utf-8").replace("layout: henkilotietolaki", "layout: gdpr"),
                    encoding="utf-8")
    result = run_cli("lint", "--baseline", cwd=project)
    assert "[LINT-BASELINE] perustason havainto ei enää toistu" in result.stdout
    assert "FI-LEGACY-LAYOUT" in result.stdout


def test_the_same_findings_give_the_same_bytes(run_cli, project):
    run_cli("lint", "--update-baseline", cwd=project)
    first = (project / baseline.FILE_NAME).read_bytes()
    run_cli("lint", "--update-baseline", cwd=project)
    assert (project / baseline.FILE_NAME).read_bytes() == first
    assert first.endswith(b"\n") and json.loads(first)["version"] == 1


def test_a_missing_or_broken_baseline_is_an_error_not_a_pass(run_cli, project):
    missing = run_cli("lint", "--baseline", cwd=project)
    assert missing.code == 1 and "perustasotiedostoa ei ole" in missing.stdout
    (project / baseline.FILE_NAME).write_text("[1, 2]", encoding="utf-8")
    broken = run_cli("lint", "--baseline", cwd=project)
    assert broken.code == 1 and "ei ole lintin perustaso" in broken.stdout


def test_no_baseline_is_written_while_a_register_does_not_load(run_cli, project):
    (project / "policy" / "rikki.yaml").write_text("layout: gdpr\nname: [\n", encoding="utf-8")
    result = run_cli("lint", "--update-baseline", cwd=project)
    assert result.code == 1 and not (project / baseline.FILE_NAME).exists()


def test_the_project_s_own_lint_passes_on_its_committed_baseline(run_cli):
    result = run_cli("lint", "--baseline", "--strict", cwd=ROOT)
    assert result.code == 0, result.stdout
