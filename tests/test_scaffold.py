"""``seloste init`` and ``seloste new``: an organisation's notices repository, and a register in it."""

from __future__ import annotations

import json

import pytest

from seloste import project
from seloste import scaffold

ORGANISATION = ("--organisation", "Kahvila Papu Oy", "--business-id", "2925676-3",
                "--email", "info@kahvilapapu.example", "--website", "https://kahvilapapu.example/")
EXPECTED = {
    "seloste.yaml", "requirements.txt", "lint-baseline.json", "README.md", "policy/asiakasrekisteri.yaml",
    ".github/workflows/notices.yml", ".github/dependabot.yml", ".pre-commit-config.yaml", ".gitattributes",
    ".gitignore", ".vscode/settings.json", ".vscode/extensions.json", ".vscode/tasks.json",
    "schema/register.schema.json", "schema/translation.schema.json", "schema/project.schema.json",
}


def _files(folder) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}


def test_init_makes_a_repository_whose_notices_build_and_lint_clean(run_cli, tmp_path):
    result = run_cli("init", *ORGANISATION, str(tmp_path))
    assert result.code == 0, result.stderr
    assert _files(tmp_path) == EXPECTED
    settings = (tmp_path / "seloste.yaml").read_text(encoding="utf-8")
    assert 'name: "Kahvila Papu Oy"' in settings and 'business_id: "2925676-3"' in settings
    register = (tmp_path / "policy" / "asiakasrekisteri.yaml").read_text(encoding="utf-8")
    assert 'name: "Kahvila Papu Oy"' in register and 'email: "info@kahvilapapu.example"' in register
    lint = run_cli("lint", "--baseline", "--strict", cwd=tmp_path)
    assert lint.code == 0, lint.stdout  # green from day one
    built = run_cli("build", cwd=tmp_path)
    assert built.code == 0
    assert run_cli("check", cwd=tmp_path).code == 0
    assert (tmp_path / "output" / "fi" / "asiakasrekisteri.html").is_file()
    # A new project publishes its versions; outside git (not yet committed) the current one, said so.
    assert "versions: true" in settings and "[P703]" in built.stdout
    published = sorted(path.name for path in (tmp_path / "output" / "fi" / "asiakasrekisteri").glob("*.html"))
    assert len(published) == 4 and "index.html" in published and "first-layer.html" in published  # a version, the log
    page = (tmp_path / "output" / "fi" / "asiakasrekisteri.html").read_text(encoding="utf-8")
    assert "<title>Asiakasrekisteri – TIETOSUOJASELOSTE – Kahvila Papu Oy</title>" in page


def test_init_gives_editors_the_schemas_and_git_the_textconv(run_cli, tmp_path):
    run_cli("init", *ORGANISATION, str(tmp_path))
    settings = json.loads((tmp_path / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    schemas = settings["yaml.schemas"]
    assert schemas["schema/register.schema.json"] == ["policy/*.yaml", "policy/*.yml"]
    assert schemas["schema/project.schema.json"] == ["seloste.yaml"]
    for name in schemas:
        assert (tmp_path / name).is_file()
    assert "policy/*.yaml diff=seloste" in (tmp_path / ".gitattributes").read_text(encoding="utf-8")
    assert 'git config diff.seloste.textconv "seloste textconv"' in (tmp_path / "README.md").read_text(encoding="utf-8")
    assert ".seloste-cache/" in (tmp_path / ".gitignore").read_text(encoding="utf-8")


def test_init_gives_legal_staff_a_task_that_starts_the_preview(run_cli, tmp_path):
    import re

    run_cli("init", *ORGANISATION, str(tmp_path))
    tasks = json.loads((tmp_path / ".vscode" / "tasks.json").read_text(encoding="utf-8"))["tasks"]
    [preview] = [task for task in tasks if task.get("args") == ["serve"]]
    assert preview["command"].endswith("/.venv/bin/seloste") and preview["isBackground"] is True
    # the check task's problem matcher reads the tool's own lines
    [check] = [task for task in tasks if "problemMatcher" in task and isinstance(task["problemMatcher"], dict)]
    pattern = check["problemMatcher"]["pattern"]
    match = re.match(pattern["regexp"], "policy/a.yaml:12:3: error [S101] tuntematon avain 'x'")
    assert match and match.group(pattern["line"]) == "12" and match.group(pattern["code"]) == "S101"


def test_init_refuses_to_overwrite_anything_and_then_writes_nothing(run_cli, tmp_path):
    (tmp_path / ".gitignore").write_text("omat/\n", encoding="utf-8")
    result = run_cli("init", *ORGANISATION, str(tmp_path))
    assert result.code == 1 and ".gitignore" in result.stderr
    assert _files(tmp_path) == {".gitignore"}
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "omat/\n"


def test_init_refuses_organisation_details_that_would_publish_broken(run_cli, tmp_path):
    result = run_cli("init", "--organisation", "Kahvila Papu Oy", "--business-id", "2925676-4",
                     "--email", "info.kahvilapapu.example", str(tmp_path))
    assert result.code == 1
    assert "[P701]" in result.stdout and "info.kahvilapapu.example" in result.stdout
    assert _files(tmp_path) == set()


def test_new_adds_a_register_with_the_organisation_s_details(run_cli, tmp_path):
    run_cli("init", *ORGANISATION, "--languages", "fi", str(tmp_path))
    result = run_cli("new", "rekrytointirekisteri", "--name", "Rekrytointirekisteri", cwd=tmp_path)
    assert result.code == 0, result.stderr
    path = tmp_path / "policy" / "rekrytointirekisteri.yaml"
    register, problems = project.load_register(path)
    assert problems == [] and register is not None
    assert register.data["name"] == "Rekrytointirekisteri"
    assert register.data["controller"] == {"name": "Kahvila Papu Oy", "business_id": "2925676-3",
                                           "email": "info@kahvilapapu.example", "website": "https://kahvilapapu.example/"}
    before = path.read_bytes()
    again = run_cli("new", "rekrytointirekisteri", cwd=tmp_path)
    assert again.code == 1 and "on jo olemassa" in again.stderr and path.read_bytes() == before


def test_new_lists_the_languages_the_project_requires(run_cli, tmp_path):
    run_cli("init", *ORGANISATION, "--languages", "fi,sv", str(tmp_path))
    assert run_cli("new", "palaute", cwd=tmp_path).code == 0
    register, _ = project.load_register(tmp_path / "policy" / "palaute.yaml")
    assert register.data["languages"] == ["fi", "sv"]
    # the Swedish texts are yet to be translated: that is an error, with the way to do it
    result = run_cli("validate", cwd=tmp_path)
    assert result.code == 1 and "[T603]" in result.stdout and "translations export" in result.stdout


@pytest.mark.parametrize("register_id", ["Isot-Kirjaimet", "väärä", "ala_viiva", "a" * 300])
def test_new_refuses_an_id_that_is_no_register_id(run_cli, tmp_path, register_id):
    result = run_cli("new", "--controller", "Esimerkki Oy", register_id, cwd=tmp_path)
    assert result.code == 2 and "ei kelpaa rekisterin tunnukseksi" in result.stderr
    assert not (tmp_path / "policy").exists()


def test_new_without_an_organisation_asks_for_the_controller(run_cli, tmp_path):
    result = run_cli("new", "asiakkaat", cwd=tmp_path)
    assert result.code == 2 and "--controller" in result.stderr
    assert run_cli("new", "--controller", "Esimerkki Oy", "asiakkaat", cwd=tmp_path).code == 0
    register, problems = project.load_register(tmp_path / "policy" / "asiakkaat.yaml")
    assert register.data["controller"] == {"name": "Esimerkki Oy"}


def test_values_are_written_as_strings_never_read_as_yaml_or_templates():
    name = 'Oy "Lainaus" & {{ x }}: #kommentti\\'
    text = scaffold.register_file("a", name, {"name": name})
    from seloste.load import load_text

    document, problems = load_text(text.encode("utf-8"), "a.yaml")
    assert problems == [] and document.data["name"] == name and document.data["controller"]["name"] == name


def test_the_tool_is_required_from_where_it_was_installed(monkeypatch):
    class Distribution:
        def __init__(self, direct):
            self.direct = direct

        def read_text(self, name):
            return json.dumps(self.direct) if self.direct is not None else None

    import importlib.metadata

    for direct, expected in [
        ({"url": "https://github.com/esimerkki/seloste", "vcs_info": {"vcs": "git", "commit_id": "a" * 40}},
         "seloste @ git+https://github.com/esimerkki/seloste@" + "a" * 40),
        ({"url": "https://example.org/seloste-0.1.0-py3-none-any.whl", "archive_info": {}},
         "seloste @ https://example.org/seloste-0.1.0-py3-none-any.whl"),
        ({"url": "file:///home/me/seloste", "dir_info": {"editable": True}}, "seloste==0.1.0"),
        (None, "seloste==0.1.0"),
    ]:
        monkeypatch.setattr(importlib.metadata, "distribution", lambda name, d=direct: Distribution(d))
        assert scaffold.tool_requirement()[0] == expected
    config = scaffold.pre_commit_config("seloste @ git+https://github.com/esimerkki/seloste@" + "a" * 40)
    import yaml

    [repo] = yaml.safe_load(config)["repos"]
    assert repo["repo"] == "https://github.com/esimerkki/seloste" and repo["rev"] == "a" * 40
    assert [hook["id"] for hook in repo["hooks"]] == list(scaffold.HOOKS)
