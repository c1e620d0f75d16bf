"""``build.py diff``: what changed in a notice, material changes told apart from editorial ones."""

from __future__ import annotations

import base64
import hashlib
import json
import pathlib
import re
import shutil
import subprocess
import sys

import pytest
from conftest import FIXTURES
from conftest import POLICY
from conftest import ROOT
from conftest import commit
from conftest import git
from markdown_it import MarkdownIt

from seloste import diff

SEED = "genetta-asiakasrekisteri.yaml"

# (tag, replacements in the seed's YAML, summary lines the diff must print, material?)
HISTORY = [
    ("typo", [("kauan, kun se on", "kauan kuin se on")],
     ["toimituksellinen: Tietojen säilytysaika: muutettu johdanto (”… tietoja säilytetään niin kauan, kun se on "
      "tietojen …” → ”… tietoja säilytetään niin kauan kuin se on tietojen …”)"], False),
    ("category", [("        - Yritys\n", "        - Yritys\n        - Syntymäaika\n")],
     ["olennainen: Rekisterin tietosisältö: lisätty tieto ”Syntymäaika” (ryhmä ”Asiakastiedot”)"], True),
    ("recipient-transfer",
     [("transfers:\n  none: true\n",
       "transfers:\n  items:\n    - text: Pilvipalvelun tarjoaja\n      country: Yhdysvallat\n"
       "      safeguard: standard_contractual_clauses\n"),
      ("    tai voimassa olevan lainsäädännön asettamissa rajoissa.\n",
       "    tai voimassa olevan lainsäädännön asettamissa rajoissa.\n  items:\n    - Perintätoimisto\n")],
     ["olennainen: Tietojen säännönmukaiset luovutukset: lisätty vastaanottaja ”Perintätoimisto”",
      "olennainen: Tietojen säännönmukaiset luovutukset: poistettu toteamus ”Tietoja ei siirretä EU:n tai ETA:n "
      "ulkopuolelle.”",
      "olennainen: Tietojen säännönmukaiset luovutukset: lisätty siirto EU:n tai ETA:n ulkopuolelle ”Pilvipalvelun "
      "tarjoaja” (maa: Yhdysvallat; suojatoimi: Euroopan komission hyväksymät vakiosopimuslausekkeet (GDPR 46(2)(c)))"],
     True),
    ("retention",
     [("säilytetään niin kauan kuin se on tietojen\n    käyttötarkoituksen tai voimassaolevan lainsäädännön "
       "asettamien vaatimusten vuoksi tarpeen.", "säilytetään viisi vuotta asiakkuuden päättymisestä.")],
     ["olennainen: Tietojen säilytysaika: muutettu johdanto (”… tallennettuja tietoja säilytetään niin kauan kuin se "
      "on tietojen käyttötarkoituksen tai…” → ”… tallennettuja tietoja säilytetään viisi vuotta asiakkuuden "
      "päättymisestä.”)"], True),
    ("right", [("    - right: objection\n", "    - right: objection\n      REMOVE\n")],
     ["olennainen: Rekisteröidyn oikeudet: poistettu oikeus ”vastustamisoikeus”"], True),
    ("reorder",
     [("    - Asiakassuhteen hoitaminen ja kehittäminen\n    - Laskutus, maksujen valvonta ja perintä\n",
       "    - Laskutus, maksujen valvonta ja perintä\n    - Asiakassuhteen hoitaminen ja kehittäminen\n")],
     ["toimituksellinen: Henkilötietojen käsittelyn tarkoitus: siirretty käsittelyn tarkoitus ”Laskutus, maksujen "
      "valvonta ja perintä” (kohdasta 4 kohtaan 3)"], False),
]
IDS = [case[0] for case in HISTORY]


def _apply(text: str, replacements) -> str:
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    if "      REMOVE\n" in text:  # drop the marked right and its text
        start = text.index("    - right: objection\n")
        text = text[:start] + text[text.index("  notes:", start):]
    return text


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> pathlib.Path:
    """A git repository whose commits, tagged, each make one change to the seed register."""
    repo = tmp_path_factory.mktemp("history")
    (repo / "policy").mkdir()
    shutil.copy(POLICY / SEED, repo / "policy" / SEED)
    git(repo, "init", "-q")
    commit(repo, "seed")
    git(repo, "tag", "seed")
    text = (repo / "policy" / SEED).read_text(encoding="utf-8")
    for tag, replacements, _, _ in HISTORY:
        text = _apply(text, replacements)
        (repo / "policy" / SEED).write_text(text, encoding="utf-8")
        commit(repo, tag)
        git(repo, "tag", tag)
    return repo


def _d101(side: str, against: str) -> str:
    return (f"{side}:policy/{SEED}:0:0: warning [D101] selosteen teksti on muuttunut (verrattuna versioon "
            f"{against}), mutta siinä ei ole päivämäärää (updated)\n"
            "    hint: merkitse muutospäivä riville 'updated: \"VVVV-KK-PP\"' ja kuvaa muutos muutoshistoriaan (history)\n")


@pytest.mark.parametrize(("tag", "summary", "material"), [(c[0], c[2], c[3]) for c in HISTORY], ids=IDS)
def test_each_change_is_named_with_its_section_and_class(run_cli, history, tag, summary, material):
    result = run_cli("diff", f"{tag}~1", tag, cwd=history)
    assert result.code == 0
    assert result.stderr == _d101(tag, f"{tag}~1")
    lines = result.stdout.split("\n")
    changes = [line.strip() for line in lines if line.startswith("  olennainen: ") or line.startswith("  toimituksellinen: ")]
    assert changes == summary
    count = len(summary) if material else 0
    assert lines[0] == (f"Olennaisia muutoksia: {count} · toimituksellisia: {len(summary) - count}"
                        f" · muuttuneita selosteita: 1 ({tag}~1 → {tag})")


@pytest.mark.parametrize(("tag", "material"), [(c[0], c[3]) for c in HISTORY], ids=IDS)
def test_fail_on_material_exits_1_only_for_material_changes(run_cli, history, tag, material):
    result = run_cli("diff", f"{tag}~1", tag, "--fail-on", "material", "--format", "json", cwd=history)
    assert result.code == (1 if material else 0)
    report = json.loads(result.stdout)
    classes = {change["class"] for change in report["registers"][0]["changes"]}
    assert classes == ({"material"} if material else {"editorial"})
    assert result.stderr == ""


@pytest.mark.parametrize(("tag", "expected"), [
    ("typo", ["@@ 8. Tietojen säilytysaika", "  8. Tietojen säilytysaika",
              "~ Asiakasrekisteriin tallennettuja tietoja säilytetään niin kauan[-, kun-]{+ kuin+} se on tietojen "
              "käyttötarkoituksen tai voimassaolevan lainsäädännön asettamien vaatimusten vuoksi tarpeen.",
              "  9. Rekisteröidyn oikeudet"]),
    ("reorder", ["@@ 3. Henkilötietojen käsittelyn tarkoitus", "  - Tuotteiden ja palveluiden tarjoaminen ja toimitus",
                 "> - Laskutus, maksujen valvonta ja perintä", "  - Asiakassuhteen hoitaminen ja kehittäminen",
                 "< - Laskutus, maksujen valvonta ja perintä", "  - Liiketoiminnan kehittäminen"]),
    ("category", ["@@ 4. Rekisterin tietosisältö", "  - Yritys", "+ - Syntymäaika", "  - Asiakasnumero"]),
], ids=["word level inside a paragraph", "reordering is a move", "added line"])
def test_text_diff_shows_words_moves_and_lines(run_cli, history, tag, expected):
    result = run_cli("diff", f"{tag}~1", tag, cwd=history)
    assert result.code == 0, result.stderr
    body = result.stdout.split("< siirretty pois, > siirretty tähän)\n", 1)[1]
    assert body.rstrip("\n").split("\n") == expected


@pytest.mark.parametrize("args", [("seed", "seed"), ("reorder", "reorder"), ()], ids=["seed", "last", "clean tree"])
def test_identical_sides_report_no_change(run_cli, history, args):
    result = run_cli("diff", *args, "--fail-on", "material", cwd=history)
    old, new = (args or ("HEAD", "työhakemisto"))
    assert (result.code, result.stdout, result.stderr) == (0, f"Ei muutoksia ({old} → {new}).\n", "")


def test_unchanged_registers_are_not_rendered(monkeypatch):
    from seloste import render

    def refuse(notice):
        raise AssertionError(f"rendered {notice.id}")

    monkeypatch.setattr(render, "render_text", refuse)
    report = diff.compare(diff.folder_side(FIXTURES), diff.folder_side(FIXTURES))
    assert report.registers == [] and report.old == report.new


def test_working_tree_against_head_and_a_span_of_commits(run_cli, history, tmp_path):
    work = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(history), str(work)], check=True)
    policy = work / "policy" / SEED
    policy.write_text(policy.read_text(encoding="utf-8").replace("        - Nimi\n", ""), encoding="utf-8")
    result = run_cli("diff", "--format", "json", cwd=work)
    assert result.code == 0
    report = json.loads(result.stdout)
    assert (report["old"], report["new"]) == ("HEAD", "työhakemisto")
    assert [c["summary"] for c in report["registers"][0]["changes"]] == [
        "Rekisterin tietosisältö: poistettu tieto ”Nimi” (ryhmä ”Asiakastiedot”)"]
    assert report["registers"][0]["new_path"] == f"policy/{SEED}"

    whole = json.loads(run_cli("diff", "seed", "HEAD", "--format", "json", cwd=work).stdout)
    # The typo fix and the new retention period are one change of the same paragraph.
    assert whole["material"] == 6 and whole["editorial"] == 1


def test_markdown_parses_with_the_table_first_and_the_text_diff_in_details(run_cli, history):
    result = run_cli("diff", "seed", "HEAD", "--format", "markdown", cwd=history)
    assert result.code == 0 and result.stderr == ""
    tokens = MarkdownIt("commonmark").enable("table").parse(result.stdout)
    kinds = [token.type for token in tokens]
    assert kinds.index("table_open") < kinds.index("html_block") < kinds.index("fence")
    cells = [token.content for token in tokens if token.type == "inline"]
    assert "lisätty tieto ”Syntymäaika” (ryhmä ”Asiakastiedot”)" in cells
    assert "**olennainen**" in cells
    rows = sum(token.type == "tr_open" for token in tokens)
    assert rows == 1 + 7  # the header and one row a change
    details = [token.content for token in tokens if token.type == "html_block"]
    assert details[0].startswith("<details>\n<summary>Tekstin muutokset: Genetta-asiakasrekisteri")
    assert details[-1] == "</details>\n"
    fence = next(token for token in tokens if token.type == "fence")
    assert fence.info == "diff"
    assert "+ - Syntymäaika\n" in fence.content
    assert "**Huomautukset**" in result.stdout  # the missing `updated` date


def test_markdown_fence_outlasts_backticks_in_the_text(tmp_path, run_cli):
    old, new = tmp_path / "vanha.yaml", tmp_path / "uusi.yaml"
    old.write_text((FIXTURES / "kaikki-kentat.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    # A name is shown literally, backticks and all.
    new.write_text(old.read_text(encoding="utf-8").replace("name: Kaikkien kenttien rekisteri",
                                                           "name: Kaikkien ````kenttien```` rekisteri"), encoding="utf-8")
    result = run_cli("diff", str(old), str(new), "--format", "markdown")
    tokens = MarkdownIt("commonmark").parse(result.stdout)
    fences = [token for token in tokens if token.type == "fence"]
    assert len(fences) == 1 and "~ Kaikkien {+````+}kenttien{+````+} rekisteri\n" in fences[0].content
    assert tokens[-1].content == "</details>\n"


def test_html_is_a_standalone_escaped_page(history, run_cli, tmp_path):
    policy = tmp_path / "policy"
    shutil.copytree(POLICY, policy)
    seed = policy / SEED
    changed = tmp_path / "uusi"
    changed.mkdir()
    (changed / SEED).write_text(seed.read_text(encoding="utf-8").replace("        - Nimi\n", "        - <b>Nimi</b>\n"),
                                encoding="utf-8")
    result = run_cli("diff", str(policy), str(changed), "--format", "html")
    assert result.code == 0, result.stderr
    page = result.stdout
    assert page.startswith('<!DOCTYPE html>\n<html lang="fi">\n<head>\n<meta charset="utf-8">')
    assert page.endswith("</html>\n")
    assert "<b>" not in page
    assert "<p>- <ins>&lt;b&gt;</ins>Nimi<ins>&lt;/b&gt;</ins></p>" in page
    assert '<td class="material">olennainen</td>' in page
    assert re.search(r"<p><strong>Olennaisia muutoksia: [0-9]+</strong> · toimituksellisia: [0-9]+ ·", page)
    policy_line = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page).group(1)
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert policy_line == (f"default-src 'none'; style-src 'sha256-{digest}'; base-uri 'none'; "
                           "form-action 'none'")


def test_json_shape(run_cli, history):
    result = run_cli("diff", "category~1", "category", "--format", "json", cwd=history)
    report = json.loads(result.stdout)
    assert set(report) == {"old", "new", "changed", "material", "editorial", "registers", "problems"}
    (register,) = report["registers"]
    assert {key: register[key] for key in ("id", "status", "old_path", "new_path", "material", "editorial")} == {
        "id": "genetta-asiakasrekisteri", "status": "changed", "old_path": f"category~1:policy/{SEED}",
        "new_path": f"category:policy/{SEED}", "material": 1, "editorial": 0}
    assert register["changes"] == [{
        "section": "Rekisterin tietosisältö", "topic": "data_categories", "kind": "data_category",
        "action": "added", "name": "Syntymäaika", "detail": "ryhmä ”Asiakastiedot”", "class": "material",
        "rule": "data_categories.data_category.added",
        "summary": "Rekisterin tietosisältö: lisätty tieto ”Syntymäaika” (ryhmä ”Asiakastiedot”)"}]
    assert register["text_diff"] == [{"section": "4. Rekisterin tietosisältö", "rows": [
        {"op": "equal", "text": "- Yritys"}, {"op": "insert", "text": "- Syntymäaika"},
        {"op": "equal", "text": "- Asiakasnumero"}]}]
    assert [problem["code"] for problem in report["problems"]] == ["D101"]


def test_file_against_file_compares_one_register_whatever_the_names(run_cli, tmp_path):
    old, new = tmp_path / "vanha.yaml", tmp_path / "uusi.yaml"
    old.write_text((FIXTURES / "kaikki-kentat.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    new.write_text(old.read_text(encoding="utf-8").replace("phone: 03 565 611", "phone: 03 565 612")
                   .replace('updated: "2025-06-01"', 'updated: "2025-07-01"'), encoding="utf-8")
    result = run_cli("diff", str(old), str(new), "--fail-on", "material", cwd=tmp_path)
    assert result.code == 1
    assert result.stderr == ""
    assert result.stdout.split("\n")[2:6] == [
        "Kaikkien kenttien rekisteri (vanha.yaml → uusi.yaml): muutettu; olennaisia 1, toimituksellisia 1",
        "  toimituksellinen: Päivitetty: muutettu päivämäärä (”1.6.2025” → ”1.7.2025”)",
        "  olennainen: Rekisterinpitäjä: muutettu yhteystieto ”Puhelin” (”03 565 611” → ”03 565 612”)",
        "",
    ]


def test_folder_against_folder_reports_added_and_removed_registers(run_cli, tmp_path):
    old, new = tmp_path / "vanha", tmp_path / "uusi"
    old.mkdir()
    new.mkdir()
    shutil.copy(POLICY / SEED, old / SEED)
    shutil.copy(FIXTURES / "kaikki-kentat.yaml", new / "kaikki-kentat.yaml")
    result = run_cli("diff", str(old), str(new), "--format", "json", "--fail-on", "material", cwd=tmp_path)
    assert result.code == 1
    report = json.loads(result.stdout)
    assert [(r["id"], r["status"], r["old_path"], r["new_path"]) for r in report["registers"]] == [
        ("genetta-asiakasrekisteri", "removed", f"vanha/{SEED}", None),
        ("kaikki-kentat", "added", None, "uusi/kaikki-kentat.yaml"),
    ]
    assert [c["summary"] for r in report["registers"] for c in r["changes"]] == [
        "Seloste: poistettu seloste ”Genetta-asiakasrekisteri (\"Asiakasrekisteri\")”",
        "Seloste: lisätty seloste ”Kaikkien kenttien rekisteri”",
    ]
    rows = report["registers"][1]["text_diff"][0]["rows"]
    assert rows[0] == {"op": "insert", "text": "TIETOSUOJAILMOITUS"} and {row["op"] for row in rows} == {"insert"}


@pytest.mark.parametrize(("args", "message"), [
    (("eiole",), "diff: 'eiole' ei ole git-revisio eikä olemassa oleva tiedosto tai kansio\n"),
    (("--", "-x"), "diff: '-x' ei ole git-revisio\n"),
    (("policy", f"policy/{SEED}"), f"diff: 'policy' ja 'policy/{SEED}' on oltava joko kaksi tiedostoa tai kaksi kansiota\n"),
], ids=["unknown revision", "option-like revision", "file against folder"])
def test_unusable_sides_are_usage_errors(run_cli, history, args, message):
    result = run_cli("diff", *args, cwd=history)
    assert (result.code, result.stdout, result.stderr) == (2, "", message)


def test_revisions_outside_git_are_a_usage_error(run_cli, project):
    result = run_cli("diff", cwd=project)
    assert result.code == 2 and result.stdout == ""
    assert result.stderr.startswith("diff: '") and result.stderr.endswith(
        "' ei ole git-tietovarastossa; anna vertailtavaksi kaksi tiedostoa tai kaksi kansiota\n")


def test_a_side_that_fails_validation_is_reported_as_problems(run_cli, history, tmp_path):
    work = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(history), str(work)], check=True)
    (work / "policy" / SEED).write_text("layout: gdpr\nname: [\n", encoding="utf-8")
    result = run_cli("diff", cwd=work)
    assert result.code == 1
    assert result.stdout == "Ei muutoksia (HEAD → työhakemisto).\n"
    assert result.stderr.startswith(f"policy/{SEED}:3:1: error [Y001] YAML-syntaksivirhe")


def test_colour_only_on_a_terminal_without_no_color(run_cli, history, monkeypatch):
    from seloste import cli

    plain = run_cli("diff", "category~1", "category", cwd=history).stdout
    assert "\x1b[" not in plain
    monkeypatch.setattr(cli, "_stdout_is_terminal", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    coloured = run_cli("diff", "category~1", "category", cwd=history).stdout
    assert "\x1b[32m+ - Syntymäaika\x1b[0m" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain
    monkeypatch.setenv("NO_COLOR", "1")
    assert run_cli("diff", "category~1", "category", cwd=history).stdout == plain


def test_textconv_shows_the_notice_in_git_diff(history, tmp_path):
    work = tmp_path / "textconv"
    subprocess.run(["git", "clone", "-q", str(history), str(work)], check=True)
    (work / ".gitattributes").write_text((ROOT / ".gitattributes").read_text(encoding="utf-8"), encoding="utf-8")
    command = f'"{sys.executable}" "{ROOT / "build.py"}" textconv'
    output = subprocess.run(["git", "-c", f"diff.seloste.textconv={command}", "diff", "typo~1", "typo"],
                            cwd=work, check=True, capture_output=True, text=True).stdout
    changed = [line for line in output.split("\n") if line[:1] in ("+", "-") and not line.startswith(("+++", "---"))]
    assert changed == [
        "-Asiakasrekisteriin tallennettuja tietoja säilytetään niin kauan, kun se on tietojen käyttötarkoituksen tai "
        "voimassaolevan lainsäädännön asettamien vaatimusten vuoksi tarpeen.",
        "+Asiakasrekisteriin tallennettuja tietoja säilytetään niin kauan kuin se on tietojen käyttötarkoituksen tai "
        "voimassaolevan lainsäädännön asettamien vaatimusten vuoksi tarpeen.",
    ]
    assert " 8. Tietojen säilytysaika" in output
