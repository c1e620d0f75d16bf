"""``seloste.yaml``: the languages every register of the project must be published in."""

from __future__ import annotations

import shutil

from conftest import FIXTURES


def _project(tmp_path, settings: str | None):
    policy = tmp_path / "policy"
    policy.mkdir()
    shutil.copy(FIXTURES / "kaksikielinen-kunta.yaml", policy / "kunta.yaml")
    shutil.copy(FIXTURES / "kaksikielinen-kunta.sv.yaml", policy / "kunta.sv.yaml")
    shutil.copy(FIXTURES / "gdpr-jasenrekisteri.yaml", policy / "jasenet.yaml")
    if settings is not None:
        (tmp_path / "seloste.yaml").write_text(settings, encoding="utf-8")
    return tmp_path


def test_a_register_not_in_a_required_language_is_an_error_at_the_register(run_cli, tmp_path):
    project = _project(tmp_path, "languages: [fi, sv]\n")
    result = run_cli("validate", cwd=project)
    assert result.code == 1
    found = [line for line in result.stdout.splitlines() if "[P702]" in line]
    assert len(found) == 1 and found[0].startswith("policy/jasenet.yaml:") and "kielellä sv" in found[0]
    assert "languages: [fi, sv]" in result.stdout  # the hint says what to write
    assert run_cli("build", cwd=project).code == 1 and not (project / "output").exists()


def test_without_the_setting_each_register_says_its_own_languages(run_cli, tmp_path):
    assert run_cli("validate", cwd=_project(tmp_path, None)).code == 0


def test_a_mistake_in_the_settings_is_named_at_its_line(run_cli, tmp_path):
    result = run_cli("validate", cwd=_project(tmp_path, "languages: [fi, de]\nkieli: sv\n"))
    assert result.code == 1
    assert "seloste.yaml:1:12: error [P701]" in result.stdout
    assert "seloste.yaml:2:1: error [P701] tuntematon asetus 'kieli'" in result.stdout
