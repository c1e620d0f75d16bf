"""``check`` and ``diff`` warn when a notice's text changed but its date (``updated``) did not."""

from __future__ import annotations

import pathlib
import shutil

import pytest
from conftest import FIXTURES
from conftest import POLICY
from conftest import commit
from conftest import git

SEED = POLICY.joinpath("genetta-asiakasrekisteri.yaml").name


# --- the updated date -----------------------------------------------------------------------

def _dated_repo(tmp_path: pathlib.Path) -> pathlib.Path:
    repo = tmp_path / "dated"
    (repo / "policy").mkdir(parents=True)
    (repo / "output").mkdir()
    shutil.copy(FIXTURES / "kaikki-kentat.yaml", repo / "policy" / "kaikki-kentat.yaml")
    git(repo, "init", "-q")
    commit(repo, "first")
    return repo


def _edit(path: pathlib.Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


UPDATED = [
    ("text changed, date kept", [("Tilastointi", "Tilastointi ja raportointi")],
     "policy/kaikki-kentat.yaml:9:1: warning [D101] selosteen teksti on muuttunut (verrattuna versioon HEAD), "
     "mutta päivämäärä 2025-06-01 on ennallaan\n"
     "    hint: merkitse muutospäivä riville 'updated: \"VVVV-KK-PP\"' ja kuvaa muutos muutoshistoriaan (history)\n"),
    ("text and date changed", [("Tilastointi", "Tilastointi ja raportointi"), ('"2025-06-01"\ncontroller', '"2025-07-01"\ncontroller')],
     ""),
    ("only lint settings changed", [("Esimerkki ohituksesta.", "Toinen perustelu.")], ""),
]


@pytest.mark.parametrize(("edits", "warning"), [case[1:] for case in UPDATED], ids=[case[0] for case in UPDATED])
def test_check_warns_when_the_text_changed_but_updated_did_not(run_cli, tmp_path, edits, warning):
    repo = _dated_repo(tmp_path)
    for old, new in edits:
        _edit(repo / "policy" / "kaikki-kentat.yaml", old, new)
    assert run_cli("build", cwd=repo).code == 0
    result = run_cli("check", "--format", "text", cwd=repo)
    assert result.code == 0  # a warning does not fail check
    assert result.stdout == warning
    diff_result = run_cli("diff", cwd=repo)
    assert diff_result.stderr == warning
    assert diff_result.code == 0


def test_check_outside_git_does_not_compare(run_cli, project):
    _edit(project / "policy" / SEED, "        - Nimi\n", "")
    assert run_cli("build", "--policy", str(project / "policy"), "--output", str(project / "output")).code == 0
    result = run_cli("check", "--policy", str(project / "policy"), "--output", str(project / "output"))
    assert result.code == 0
    assert "D101" not in result.stdout + result.stderr
