"""The lint stage: the registry, every rule's examples, silencing, levels, the CLI and its formats.

Each rule's own cases, with the line and column of each finding, are in tests/rules/test_<rule>.py.
"""

from __future__ import annotations

import json
import pkgutil
import re

import pytest
from conftest import POLICY
from conftest import ROOT
from lint_helpers import MINIMAL
from lint_helpers import codes
from lint_helpers import register_from

from seloste import lint
from seloste.lint import rules as rules_package
from seloste.lint.docs import rule_examples
from seloste.lint.docs import rules_markdown
from seloste.lint.matrix import POINTS
from seloste.problem import ERROR
from seloste.problem import INFO
from seloste.problem import LEVELS
from seloste.problem import WARNING
from seloste.project import Register

SEED = POLICY / "genetta-asiakasrekisteri.yaml"
EXAMPLE = POLICY / "esimerkki-rekrytointirekisteri.yaml"
# Keys the schema requires, added to a rule's docstring example when it leaves them out.
REQUIRED = {
    "layout": "layout: gdpr\n",
    "name": "name: Esimerkki\n",
    "controller": "controller:\n  name: Esimerkki Oy\n  email: tietosuoja@esimerkki.fi\n",
}


def example_register(example: str) -> Register:
    """A docstring example as a register: the required keys it leaves out come first."""
    missing = "".join(text for key, text in REQUIRED.items() if not re.search(rf"^{key}:", example, re.MULTILINE))
    return register_from(missing + example)


# --- the registry ---------------------------------------------------------------------------

def test_rule_ids_are_unique():
    assert len(lint.rule_ids()) == len(set(lint.rule_ids()))


def test_every_rule_module_is_registered():
    modules = {f"{rules_package.__name__}.{info.name}" for info in pkgutil.iter_modules(rules_package.__path__)}
    assert modules == {rule.__name__ for rule in lint.RULES}


def test_every_rule_module_has_its_own_test_module():
    modules = {info.name for info in pkgutil.iter_modules(rules_package.__path__)}
    tested = {path.stem.removeprefix("test_") for path in (ROOT / "tests" / "rules").glob("test_*.py")}
    assert modules == tested, "each seloste/lint/rules/<name>.py has tests/rules/test_<name>.py, and only those"


@pytest.mark.parametrize("rule", lint.RULES, ids=lambda rule: rule.ID)
def test_rule_module_has_its_parts(rule):
    assert re.fullmatch(r"[A-Z0-9]+(-[A-Za-z0-9]+)+", rule.ID)
    assert rule.TITLE and rule.REFERENCE
    assert rule.LEVEL in LEVELS
    assert callable(rule.check)
    assert rule.REFERENCE in POINTS, "the compliance matrix needs a Finnish name for this reference"


# --- every rule passes its PASS: example and fires on its FAIL: example ---------------------

@pytest.mark.parametrize("rule", lint.RULES, ids=lambda rule: rule.ID)
def test_rule_passes_its_passing_example(rule):
    register = example_register(rule_examples(rule).passing)
    assert list(rule.check(register)) == []


@pytest.mark.parametrize("rule", lint.RULES, ids=lambda rule: rule.ID)
def test_rule_fires_on_its_failing_example_at_a_line_citing_its_reference(rule):
    example = rule_examples(rule).failing
    register = example_register(example)
    problems = list(rule.check(register))
    assert problems, f"{rule.ID} did not fire on its FAIL: example"
    lines = register.document.text.count("\n") + 1
    for problem in problems:
        assert problem.code == rule.ID
        assert problem.level == rule.LEVEL
        assert problem.message.startswith(f"{rule.REFERENCE}: ")
        assert 1 <= problem.line <= lines and problem.column >= 1
        assert problem.hint


@pytest.mark.parametrize("rule", lint.RULES, ids=lambda rule: rule.ID)
def test_every_registered_rule_fires_through_run(rule):
    register = example_register(rule_examples(rule).failing)
    assert rule.ID in codes(lint.run([register]))


# --- silencing and levels --------------------------------------------------------------------

IGNORE_DPO = "lint:\n  ignore:\n    - rule: GDPR-13-1-b\n      reason: Yhdistyksen ei tarvitse nimittää tietosuojavastaavaa.\n"


def test_a_register_silences_a_rule_for_itself_and_lint_shows_the_reason():
    silenced = register_from(MINIMAL + IGNORE_DPO, "a.yaml")
    other = register_from(MINIMAL, "b.yaml")
    problems = lint.run([silenced, other])
    dpo = [p for p in problems if p.code == "GDPR-13-1-b"]
    assert [(p.path, p.level) for p in dpo] == [("a.yaml", INFO), ("b.yaml", WARNING)]
    assert dpo[0].line == 8
    assert "Perustelu: Yhdistyksen ei tarvitse nimittää tietosuojavastaavaa." in dpo[0].message
    assert dpo[0].message.startswith("GDPR 13(1)(b): ")


def test_an_ignore_that_silences_nothing_says_so():
    register = register_from(MINIMAL + "dpo:\n  email: dpo@esimerkki.fi\n" + IGNORE_DPO)
    (silenced,) = [p for p in lint.run([register]) if p.code == "GDPR-13-1-b"]
    assert silenced.level == INFO and "ohituksen voi poistaa" in silenced.message


def test_an_ignore_of_an_unknown_rule_is_a_warning_at_its_line():
    register = register_from(MINIMAL + "lint:\n  ignore:\n    - rule: GDPR-13-1-x\n      reason: Kirjoitusvirhe.\n")
    (unknown,) = [p for p in lint.run([register]) if p.code == lint.UNKNOWN_IGNORE]
    assert (unknown.level, unknown.line, unknown.column) == (WARNING, 8, 13)
    assert "GDPR-13-1-x" in unknown.message


def test_project_config_changes_levels_and_turns_rules_off(tmp_path):
    config_file = tmp_path / "lint.yaml"
    config_file.write_text("rules:\n  GDPR-13-1-b: error\n  NOTICE-UPDATED: off\n", encoding="utf-8")
    config, problems = lint.load_config(config_file)
    assert problems == []
    found = lint.run([register_from(MINIMAL)], config)
    assert [p.level for p in found if p.code == "GDPR-13-1-b"] == [ERROR]
    assert "NOTICE-UPDATED" not in codes(found)
    assert "NOTICE-UPDATED" in codes(lint.run([register_from(MINIMAL)]))


def test_project_config_mistakes_are_reported_at_their_lines(tmp_path):
    config_file = tmp_path / "lint.yaml"
    config_file.write_text("rules:\n  GDPR-13-1-B: off\n  GDPR-13-1-b: fatal\nrule: {}\n", encoding="utf-8")
    config, problems = lint.load_config(config_file, "lint.yaml")
    assert config.levels == {}
    assert [(p.line, p.code, p.level) for p in problems] == [
        (2, lint.CONFIG_PROBLEM, ERROR), (3, lint.CONFIG_PROBLEM, ERROR), (4, lint.CONFIG_PROBLEM, ERROR)]
    assert problems[0].hint == "tarkoititko 'GDPR-13-1-b'?"


def test_a_missing_config_file_gives_the_defaults(tmp_path):
    assert lint.load_config(tmp_path / "lint.yaml") == (lint.LintConfig(), [])


# --- the command line --------------------------------------------------------------------------

# The seed's gaps, as issue 4 lists them: (code, level, article cited in the message).
SEED_GAPS = [
    ("FI-REPEALED-LAW", ERROR, "523/1999"),
    ("GDPR-13-1-c", ERROR, "GDPR 13(1)(c)"),
    ("GDPR-13-2-b", ERROR, "GDPR 13(2)(b)"),
    ("GDPR-13-2-d", ERROR, "GDPR 13(2)(d)"),
    ("GDPR-13-2-e", ERROR, "GDPR 13(2)(e)"),
    ("GDPR-13-2-f", ERROR, "GDPR 13(2)(f)"),
    ("GDPR-13-1-b", WARNING, "GDPR 13(1)(b)"),
]


def test_lint_reports_the_seeds_gaps_each_at_a_line_of_the_file(run_cli):
    result = run_cli("lint", "--format", "json", str(SEED.relative_to(ROOT)), cwd=ROOT)
    assert result.code == 1
    assert result.stderr == ""
    problems = json.loads(result.stdout)
    lines = SEED.read_text(encoding="utf-8").splitlines()
    for code, level, article in SEED_GAPS:
        found = [p for p in problems if p["code"] == code]
        assert found, f"{code} not reported"
        for problem in found:
            assert problem["path"] == "policy/genetta-asiakasrekisteri.yaml"
            assert problem["level"] == level
            assert article in problem["message"]
            assert 1 <= problem["line"] <= len(lines) and lines[problem["line"] - 1].strip()
    purposes = [p["line"] for p in problems if p["code"] == "GDPR-13-1-c"]
    assert [lines[line - 1].strip()[:2] for line in purposes] == ["- "] * 6
    for problem in (p for p in problems if p["code"] == "FI-REPEALED-LAW"):
        at = lines[problem["line"] - 1][problem["column"] - 1:]
        assert re.match(r"henkilötietola", at, re.IGNORECASE), at


def test_the_modern_example_passes_lint_strict(run_cli):
    result = run_cli("lint", "--strict", str(EXAMPLE.relative_to(ROOT)), cwd=ROOT)
    assert (result.code, result.stdout, result.stderr) == (0, "", "1 rekisteri, ei havaintoja\n")


def test_lint_text_output_and_strict_exit_on_warnings(run_cli, tmp_path):
    path = tmp_path / "vain-varoitus.yaml"
    # the example in Finnish only (its translations are not copied with it)
    path.write_text(EXAMPLE.read_text(encoding="utf-8").replace("updated: \"2025-03-01\"\n", "")
                    .replace("languages: [fi, sv, en]\n", ""), encoding="utf-8")
    result = run_cli("lint", "--format", "text", str(path), cwd=tmp_path)
    assert result.code == 0
    # at the key before where the date would stand: the register's name
    name_line = path.read_text(encoding="utf-8").splitlines().index("name: Esimerkki Oy:n rekrytointirekisteri") + 1
    assert result.stdout.startswith(f"vain-varoitus.yaml:{name_line}:1: warning [NOTICE-UPDATED] GDPR 12(1): ")
    assert "\n    hint: " in result.stdout
    assert result.stderr == "0 virhettä, 1 varoitus, 0 huomautusta\n"
    strict = run_cli("lint", "--strict", "--format", "text", str(path), cwd=tmp_path)
    assert (strict.code, strict.stdout, strict.stderr) == (1, result.stdout, result.stderr)


def test_lint_github_format(run_cli):
    result = run_cli("lint", "--format", "github", str(SEED.relative_to(ROOT)), cwd=ROOT)
    assert result.code == 1
    lines = result.stdout.splitlines()
    assert all(line.startswith(("::error file=", "::warning file=", "::notice file=")) for line in lines)
    assert any(line.startswith("::warning file=policy/genetta-asiakasrekisteri.yaml,line=11,col=1,title=GDPR-13-1-b::")
               for line in lines)


def test_lint_reads_the_project_config_next_to_the_policy_folder(run_cli, project):
    (project / "lint.yaml").write_text("rules:\n  GDPR-13-1-b: off\n  NOTICE-UPDATED: off\n", encoding="utf-8")
    result = run_cli("lint", "--format", "json", "--strict", "policy/esimerkki-rekrytointirekisteri.yaml", cwd=project)
    assert (result.code, result.stdout) == (0, "[]\n")
    (project / "lint.yaml").write_text("rules:\n  GDPR-13-1-b: error\n", encoding="utf-8")
    without_dpo = re.sub(r"\ndpo:\n.*?\n(?=purposes:)", "\n", EXAMPLE.read_text(encoding="utf-8"), flags=re.DOTALL)
    without_dpo = without_dpo.replace("languages: [fi, sv, en]\n", "")  # Finnish only: no translations to match
    for translation in (project / "policy").glob("esimerkki-rekrytointirekisteri.*.yaml"):
        translation.unlink()
    (project / "policy" / "esimerkki-rekrytointirekisteri.yaml").write_text(without_dpo, encoding="utf-8")
    result = run_cli("lint", "--format", "json", "policy/esimerkki-rekrytointirekisteri.yaml", cwd=project)
    assert result.code == 1
    assert [(p["code"], p["level"]) for p in json.loads(result.stdout)] == [("GDPR-13-1-b", ERROR)]


def test_lint_config_option_and_its_problems(run_cli, project):
    (project / "oma.yaml").write_text("rules:\n  EI-OLE: off\n", encoding="utf-8")
    result = run_cli("lint", "--config", "oma.yaml", "--format", "json", "policy/esimerkki-rekrytointirekisteri.yaml",
                     cwd=project)
    assert result.code == 1
    assert [(p["path"], p["line"], p["code"]) for p in json.loads(result.stdout)] == [("oma.yaml", 2, lint.CONFIG_PROBLEM)]


def test_lint_html_is_an_accessible_escaped_compliance_matrix(run_cli, project):
    hostile = (project / "policy" / "esimerkki-rekrytointirekisteri.yaml")
    hostile.write_text(hostile.read_text(encoding="utf-8").replace(
        "name: Esimerkki Oy:n rekrytointirekisteri", 'name: "<script>alert(1)</script> & rekisteri"')
        .replace("languages: [fi, sv, en]\n", ""), encoding="utf-8")
    for translation in (project / "policy").glob("esimerkki-rekrytointirekisteri.*.yaml"):
        translation.unlink()  # Finnish only: a renamed register would make its translations stale
    result = run_cli("lint", "--format", "html", cwd=project)
    assert result.code == 1  # the seed has errors
    assert result.stderr == "16 virhettä, 4 varoitusta, 1 huomautus\n"
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"fi\">")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; rekisteri" in page
    header = re.search(r"<thead>(.*?)</thead>", page, re.DOTALL).group(1)
    references = list(dict.fromkeys(rule.REFERENCE for rule in lint.RULES))
    assert header.count('<th scope="col">') == 1 + len(references)
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", page, re.DOTALL)
    assert len(rows) == 2
    seed_row = next(row for row in rows if "Genetta" in row)
    example_row = next(row for row in rows if "rekisteri" in row and row is not seed_row)
    assert example_row.count('class="pass"') == len(references)
    cells = dict(zip(references, re.findall(r'<td class="(\w+)" title="([^"]*)"', seed_row, re.DOTALL)))
    assert cells["GDPR 13(1)(c)"][0] == "fail" and "rivi 29: GDPR 13(1)(c): " in cells["GDPR 13(1)(c)"][1]
    assert cells["GDPR 13(1)(b)"][0] == "warn"
    assert cells["GDPR 13(1)(f)"] == ("pass", "Ei havaintoja")
    assert "rivi 123: virhe <code>GDPR-13-2-b</code>" in page


def test_build_and_check_show_lint_findings_without_failing(run_cli, project):
    build = run_cli("build", cwd=project)
    assert build.code == 0 and build.stdout == ""
    assert "policy/genetta-asiakasrekisteri.yaml:29:7: error [GDPR-13-1-c]" in build.stderr
    assert "lint: 16 virhettä, 4 varoitusta, 0 huomautusta (eivät estä koontia" in build.stderr
    assert "[FI-VAT]" not in build.stderr  # info stays in lint's own report
    check = run_cli("check", cwd=project)
    assert check.code == 0 and check.stdout == ""
    assert "lint: 16 virhettä" in check.stderr and check.stderr.endswith("output/ on ajan tasalla (2 rekisteriä)\n")


def test_list_rules_prints_the_rules_documentation(run_cli):
    result = run_cli("lint", "--list-rules")
    assert (result.code, result.stdout, result.stderr) == (0, rules_markdown(), "")


def test_committed_rules_documentation_is_current():
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(), "run: python build.py lint --list-rules > docs/rules.md"


def test_rules_documentation_shows_every_rule_with_its_examples():
    text = rules_markdown()
    for rule in lint.RULES:
        assert f"\n### {rule.ID}\n" in text
        assert rule_examples(rule).failing in text


@pytest.mark.parametrize("command", ["validate", "lint"], ids=["validate", "lint"])
def test_other_commands_keep_their_format_option_beside_lints(run_cli, command):
    result = run_cli(command, "--format", "json", str(EXAMPLE.relative_to(ROOT)), cwd=ROOT)
    assert (result.code, result.stdout) == (0, "[]\n")
