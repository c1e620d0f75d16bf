"""The diff in every language a register is published in: languages published or withdrawn,
translations corrected or left behind, and the text each language's readers see."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import FIXTURES
from conftest import commit
from conftest import git
from markdown_it import MarkdownIt

REGISTER = "kaksikielinen-kunta"


@pytest.fixture
def repo(tmp_path):
    """A git repository whose HEAD holds the bilingual fixture and its Swedish translation."""
    (tmp_path / "policy").mkdir()
    for suffix in (".yaml", ".sv.yaml"):
        shutil.copy(FIXTURES / f"{REGISTER}{suffix}", tmp_path / "policy" / f"{REGISTER}{suffix}")
    git(tmp_path, "init", "-q")
    commit(tmp_path, "bilingual")
    return tmp_path


def _edit(repo, suffix: str, old: str, new: str) -> None:
    path = repo / "policy" / f"{REGISTER}{suffix}"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _report(run_cli, repo, *args) -> dict:
    result = run_cli("diff", "--format", "json", *args, cwd=repo)
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)


def _changes(report) -> list[dict]:
    return [change for register in report["registers"] for change in register["changes"]]


def test_a_corrected_translation_is_a_change_of_its_language_with_its_text_diff(run_cli, repo):
    _edit(repo, ".sv.yaml", "text: Indrivning av förseningsavgifter", "text: Indrivning av avgifter för sena lån")
    report = _report(run_cli, repo)
    [change] = _changes(report)
    assert change["rule"] == "translations.translation.changed" and change["class"] == "material"
    assert change["name"] == "sv: purposes.items.1.text"
    assert change["detail"].startswith("Käsittelyn tarkoitukset")  # the field's place, in Finnish
    [register] = report["registers"]
    assert register["text_diff"] == []  # the Finnish page reads as before
    rows = [row for hunk in register["text_diff_by_language"]["sv"] for row in hunk["rows"]]
    changed = [row for row in rows if row["op"] == "change"]
    assert len(changed) == 1 and "avgifter för sena lån" in changed[0]["new"]
    assert "förseningsavgifter" in changed[0]["old"]


def test_a_translation_corrected_only_in_punctuation_is_editorial(run_cli, repo):
    _edit(repo, ".sv.yaml", "text: Indrivning av förseningsavgifter", "text: Indrivning av förseningsavgifter.")
    [change] = _changes(_report(run_cli, repo))
    assert change["rule"] == "translations.translation.changed" and change["class"] == "editorial"


def test_a_finnish_change_left_behind_is_found_against_a_git_revision(run_cli, repo):
    # the translation of HEAD translates the old text: after the edit it is left behind
    _edit(repo, ".yaml", "Myöhästymismaksujen periminen", "Myöhästymis- ja korvausmaksujen periminen")
    rules = {change["rule"]: change for change in _changes(_report(run_cli, repo))}
    assert rules["translations.left_behind.changed"]["name"] == "sv: purposes.items.1.text"
    assert rules["translations.left_behind.changed"]["class"] == "material"


def test_withdrawing_a_language_is_material_and_its_text_shown_as_removed(run_cli, repo):
    _edit(repo, ".yaml", "languages: [fi, sv]", "languages: [fi]")
    report = _report(run_cli, repo)
    [change] = _changes(report)
    assert change["rule"] == "translations.language.removed" and change["class"] == "material"
    assert "ruotsi (sv)" in change["name"]
    rows = [row for hunk in report["registers"][0]["text_diff_by_language"]["sv"] for row in hunk["rows"]]
    assert rows and all(row["op"] == "delete" for row in rows)


def test_publishing_a_new_language_is_material(run_cli, repo):
    _edit(repo, ".yaml", "languages: [fi, sv]", "languages: [fi]")
    commit(repo, "Finnish only")
    _edit(repo, ".yaml", "languages: [fi]", "languages: [fi, sv]")
    report = _report(run_cli, repo)
    [change] = _changes(report)
    assert change["rule"] == "translations.language.added" and change["class"] == "material"
    rows = [row for hunk in report["registers"][0]["text_diff_by_language"]["sv"] for row in hunk["rows"]]
    assert any("Strandby stads biblioteksregister" in row["text"] for row in rows if row["op"] == "insert")


def test_every_format_shows_each_language_text_diff_under_its_own_heading(run_cli, repo):
    _edit(repo, ".sv.yaml", "text: Indrivning av förseningsavgifter", "text: Indrivning av avgifter för sena lån")
    text = run_cli("diff", cwd=repo).stdout
    assert "Tekstin muutokset, kieli: ruotsi (sv)" in text and "{+avgifter för sena lån+}" in text
    markdown = run_cli("diff", "--format", "markdown", cwd=repo).stdout
    details = [token.content for token in MarkdownIt().parse(markdown) if token.type == "html_block"]
    assert any("kieli: ruotsi (sv)" in block for block in details)
    page = run_cli("diff", "--format", "html", cwd=repo).stdout
    assert "<h3>Tekstin muutokset, kieli: ruotsi (sv)</h3>" in page and "<ins>avgifter för sena lån</ins>" in page


def test_a_broken_translation_in_a_revision_is_passed_over_without_a_traceback(run_cli, repo):
    (repo / "policy" / f"{REGISTER}.sv.yaml").write_text("language: sv\ntexts: [\n", encoding="utf-8")
    commit(repo, "broken translation")
    shutil.copy(FIXTURES / f"{REGISTER}.sv.yaml", repo / "policy" / f"{REGISTER}.sv.yaml")
    result = run_cli("diff", "--format", "json", cwd=repo)
    assert result.code == 0 and "Traceback" not in result.stderr
    register = json.loads(result.stdout)["registers"][0]
    # HEAD's Swedish page could not be made: the working tree's is shown as new text
    assert register["text_diff_by_language"]["sv"]
    assert not register["text_diff"]
