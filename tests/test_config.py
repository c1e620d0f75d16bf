"""``seloste.yaml``: the project's settings, checked against their schema, each problem at its line."""

from __future__ import annotations

import shutil

from conftest import FIXTURES


def _project(tmp_path, settings: str | None):
    policy = tmp_path / "policy"
    policy.mkdir(parents=True)
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
    assert "seloste.yaml:1:17: error [P701] arvo 'de' ei ole sallittu" in result.stdout  # at the value itself
    assert "seloste.yaml:2:1: error [P701] tuntematon avain 'kieli'" in result.stdout


def _problems(run_cli, project) -> list[str]:
    result = run_cli("validate", cwd=project)
    return [line for line in result.stdout.splitlines() if "[P701]" in line]


def test_every_setting_that_would_publish_broken_is_an_error_at_its_line_in_one_run(run_cli, tmp_path):
    settings = (
        "organisation:\n"
        "  name: Strandby stad\n"
        "  business_id: 1234567-2\n"      # a wrong check digit
        "  email: kirjaamo.strandby.example\n"
        "  logo: logo.svg\n"               # no such file
        "base_url: https://tietosuoja.strandby.example\n"  # no final slash
        "stylesheet: ../muualla.css\n"     # outside the project
    )
    found = _problems(run_cli, _project(tmp_path, settings))
    # the schema's problems first: the files and check digits are judged once the shape is right
    assert [line.split(" error ")[0] for line in found] == ["seloste.yaml:4:10:", "seloste.yaml:6:11:"]
    fixed = settings.replace("tietosuoja.strandby.example", "tietosuoja.strandby.example/")
    (tmp_path / "seloste.yaml").write_text(fixed.replace("kirjaamo.", "kirjaamo@"), encoding="utf-8")
    found = _problems(run_cli, tmp_path)
    assert [line.split(": error")[0] for line in found] == ["seloste.yaml:3:16", "seloste.yaml:5:9", "seloste.yaml:7:13"]
    assert "tarkistusnumero" in found[0] or "tarkiste" in found[0]


def test_a_stylesheet_that_could_end_the_page_s_style_element_is_refused(run_cli, tmp_path):
    project = _project(tmp_path, "stylesheet: brand.css\n")
    (project / "brand.css").write_text("body{color:red}</style><script>alert(1)</script>", encoding="utf-8")
    found = _problems(run_cli, project)
    assert len(found) == 1 and "seloste.yaml:1:13: error [P701]" in found[0] and "'</'" in found[0]


def test_rule_levels_may_be_set_in_the_settings_but_not_in_two_places(run_cli, tmp_path):
    from conftest import POLICY

    project = _project(tmp_path, None)
    shutil.copy(POLICY / "genetta-asiakasrekisteri.yaml", project / "policy" / "genetta.yaml")
    assert "FI-LEGACY-LAYOUT" in run_cli("lint", "--format", "json", cwd=project).stdout
    (project / "seloste.yaml").write_text("lint:\n  rules:\n    FI-LEGACY-LAYOUT: off\n    GDPR-13-1-x: off\n",
                                          encoding="utf-8")
    found = _problems(run_cli, project)
    assert len(found) == 1 and "seloste.yaml:4:5: error [P701] tuntematon tarkistus 'GDPR-13-1-x'" in found[0]
    (project / "seloste.yaml").write_text("lint:\n  rules:\n    FI-LEGACY-LAYOUT: off\n", encoding="utf-8")
    assert "FI-LEGACY-LAYOUT" not in run_cli("lint", "--format", "json", cwd=project).stdout  # the project's level
    (project / "lint.yaml").write_text("rules:\n  FI-LEGACY-LAYOUT: info\n", encoding="utf-8")
    found = _problems(run_cli, project)
    assert len(found) == 1 and "seloste.yaml:1:1: error [P701]" in found[0] and "lint.yaml" in found[0]


def test_the_first_layer_and_the_json_ld_can_be_left_out_and_come_back(run_cli, tmp_path):
    project = _project(tmp_path, "base_url: https://tietosuoja.strandby.example/\nfirst_layer: false\nlinked_data: false\n")
    assert run_cli("build", cwd=project).code == 0
    output = project / "output"
    published = sorted(path.relative_to(output).as_posix() for path in output.rglob("*") if path.is_file())
    assert "fi/kunta.html" in published and "sv/kunta.html" in published
    assert not [name for name in published if "first-layer" in name or name.endswith(".jsonld")]
    assert "first-layer" not in (output / "sitemap.xml").read_text(encoding="utf-8")
    assert run_cli("check", cwd=project).code == 0
    (project / "seloste.yaml").write_text("base_url: https://tietosuoja.strandby.example/\n", encoding="utf-8")
    assert run_cli("check", cwd=project).code == 1  # the files the settings now ask for are missing
    assert run_cli("build", cwd=project).code == 0
    for name in ("fi/kunta/first-layer.html", "sv/kunta/first-layer.fragment.html", "fi/jasenet.jsonld", "sv/kunta.jsonld"):
        assert (output / name).is_file(), name
    assert "https://tietosuoja.strandby.example/sv/kunta/first-layer.html" in (output / "sitemap.xml").read_text(encoding="utf-8")


def test_the_switches_are_true_or_false_only(run_cli, tmp_path):
    found = _problems(run_cli, _project(tmp_path, "first_layer: ei\n"))
    assert [line.split(" error ")[0] for line in found] == ["seloste.yaml:1:14:"]
