"""build and check stream the registers: one held at a time, the same files as rendering all
of them in memory, and all or nothing when a later register has an error."""

from __future__ import annotations

import gc
import json
import shutil
import weakref

import pytest

from conftest import POLICY
from conftest import snapshot

from seloste import config
from seloste import produce
from seloste import stream
from seloste.output import MANIFEST
from seloste.stream import FEW
from seloste.project import discover
from seloste.project import load_registers

REGISTER = "genetta-asiakasrekisteri"


def _copies(policy, count: int) -> None:
    text = (POLICY / f"{REGISTER}.yaml").read_text(encoding="utf-8")
    for number in range(count):
        (policy / f"rekisteri-{number:02d}.yaml").write_text(
            text.replace("Asiakasrekisteri", f"Asiakasrekisteri {number}"), encoding="utf-8")


@pytest.mark.parametrize("cache", [False, True], ids=["no cache", "cache"])
def test_a_build_holds_one_register_at_a_time(project, run_cli, monkeypatch, cache):
    monkeypatch.setenv("SELOSTE_CACHE_DIR", str(project / "cache"))
    _copies(project / "policy", 12)
    alive: list = []
    most = []
    real = produce.render_register

    def watched(register, site, cache=None, versions=None):
        gc.collect()
        most.append(sum(ref() is not None for ref in alive))
        alive.extend((weakref.ref(register), weakref.ref(register.document)))
        return real(register, site, cache, versions)

    monkeypatch.setattr(produce, "render_register", watched)
    options = () if cache else ("--no-cache",)
    result = run_cli("build", *options, "--policy", str(project / "policy"), "--output", str(project / "output"))
    assert result.code == 0, result.stderr
    assert len(most) == 14
    # no register rendered earlier, nor its loaded document, is still held when the next one is
    assert max(most) == 0


def test_the_streamed_build_writes_what_rendering_them_all_gives(project, run_cli):
    _copies(project / "policy", 3)
    assert run_cli("build", "--no-cache", "--policy", str(project / "policy"),
                   "--output", str(project / "output")).code == 0
    paths, _ = discover(project / "policy")
    registers, problems = load_registers(paths, project / "policy")
    assert len(registers) == 5 and not [problem for problem in problems if problem.is_error]
    assert snapshot(project / "output") == produce.render_site(registers)


def test_an_error_in_the_last_register_leaves_output_as_it_was(project, run_cli):
    policy, output = project / "policy", project / "output"
    _copies(policy, 5)
    assert run_cli("build", "--policy", str(policy), "--output", str(output)).code == 0
    before = snapshot(output)
    for name in ("rekisteri-00.yaml", "rekisteri-03.yaml"):  # an edit that is staged, then discarded
        path = policy / name
        path.write_text(path.read_text(encoding="utf-8").replace("Asiakasrekisteri", "Muutettu"), encoding="utf-8")
    (policy / "zz-viimeinen.yaml").write_text("name: [\n", encoding="utf-8")
    result = run_cli("build", "--no-cache", "--policy", str(policy), "--output", str(output), "--format", "json")
    assert result.code == 1
    assert {problem["path"].rpartition("/")[2] for problem in json.loads(result.stdout)} == {"zz-viimeinen.yaml"}
    assert snapshot(output) == before  # nor any temporary file left
    assert "jätettiin ennalleen" in result.stderr


def test_a_build_with_errors_does_not_make_the_output_folder(project, run_cli):
    policy, output = project / "policy", project / "out" / "site"
    shutil.rmtree(project / "output")
    (policy / "zz-viimeinen.yaml").write_text("name: [\n", encoding="utf-8")
    assert run_cli("build", "--policy", str(policy), "--output", str(output)).code == 1
    assert not (project / "out").exists()


def test_check_streams_too_and_names_every_stale_file(project, run_cli):
    policy, output = project / "policy", project / "output"
    _copies(policy, 2)
    assert run_cli("build", "--policy", str(policy), "--output", str(output)).code == 0
    path = policy / "rekisteri-01.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Asiakasrekisteri", "Muutettu"), encoding="utf-8")
    (output / "fi" / "rekisteri-00.md").unlink()
    result = run_cli("check", "--policy", str(policy), "--output", str(output), "--format", "json")
    assert result.code == 1
    found = {(problem["code"], problem["path"].rpartition("/")[2]) for problem in json.loads(result.stdout)}
    assert ("C402", "rekisteri-00.md") in found
    assert {("C401", f"rekisteri-01{suffix}") for suffix in (".html", ".fragment.html", ".md", ".txt", ".json")} <= found
    assert ("C401", "index.html") in found
    assert not any(name == MANIFEST for _, name in found)


def test_stream_run_reports_the_registers_it_used(project):
    settings, _ = config.load_config(project / "policy")
    outcome = stream.run(project / "policy", project / "output", settings, None, writing=False)
    assert sorted(register_id for register_id, _ in outcome.registers) == sorted(
        path.stem for path in POLICY.glob("*.yaml") if path.stem.count(".") == 0)
    assert outcome.plan is None


def test_registers_spread_over_processes_give_the_same_files(project, run_cli):
    policy = project / "policy"
    _copies(policy, 9)
    outputs = []
    for jobs in ("1", "3"):
        output = project / f"output-{jobs}"
        result = run_cli("build", "--no-cache", "--jobs", jobs, "--policy", str(policy), "--output", str(output))
        assert result.code == 0, result.stderr
        outputs.append(snapshot(output))
    assert outputs[0] == outputs[1] and len([name for name in outputs[0] if name.endswith('.md')]) >= 11


def test_an_error_found_by_a_worker_process_leaves_output_as_it_was(project, run_cli):
    policy, output = project / "policy", project / "output"
    _copies(policy, 6)
    assert run_cli("build", "--policy", str(policy), "--output", str(output)).code == 0
    before = snapshot(output)
    path = policy / "rekisteri-02.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Asiakasrekisteri", "Muutettu"), encoding="utf-8")
    (policy / "rekisteri-04.yaml").write_text("name: [\n", encoding="utf-8")
    result = run_cli("build", "--no-cache", "-j", "2", "--policy", str(policy), "--output", str(output),
                     "--format", "json")
    assert result.code == 1
    assert {problem["path"].rpartition("/")[2] for problem in json.loads(result.stdout)} == {"rekisteri-04.yaml"}
    assert snapshot(output) == before


def test_the_number_of_processes_is_checked(capsys):
    from seloste.cli_parser import parser

    for wrong in ("0", "kaksi", "1000"):
        with pytest.raises(SystemExit) as exit:
            parser().parse_args(["build", "--jobs", wrong])
        assert exit.value.code == 2
        assert "prosessien määrä on 1–256" in capsys.readouterr().err
    assert parser().parse_args(["check", "-j", "3"]).jobs == 3


def test_a_few_registers_are_done_in_one_process():
    assert stream.workers(FEW - 1) == 1
    assert stream.workers(5, jobs=2) == 2
    assert stream.workers(1, jobs=4) == 1


def test_an_interrupted_build_leaves_no_temporary_file(project, run_cli, monkeypatch):
    policy, output = project / "policy", project / "output"
    _copies(policy, 4)
    assert run_cli("build", "--policy", str(policy), "--output", str(output)).code == 0
    before = snapshot(output)
    for name in ("rekisteri-00.yaml", "rekisteri-01.yaml", "rekisteri-02.yaml"):
        path = policy / name
        path.write_text(path.read_text(encoding="utf-8").replace("Asiakasrekisteri", "Muutettu"), encoding="utf-8")
    real, calls = produce.render_register, []

    def interrupted(register, site, cache=None, versions=None):
        calls.append(register.id)
        if register.id == "rekisteri-02":  # rekisteri-00 and -01's changed files are staged by now
            raise KeyboardInterrupt
        return real(register, site, cache, versions)

    monkeypatch.setattr(produce, "render_register", interrupted)
    with pytest.raises(KeyboardInterrupt):
        stream.run(policy, output, config.load_config(policy)[0], None, writing=True)
    assert calls[-3:] == ["rekisteri-00", "rekisteri-01", "rekisteri-02"]
    assert snapshot(output) == before


def test_a_second_file_of_the_same_id_stops_the_build(project, run_cli):
    policy, output = project / "policy", project / "output"
    assert run_cli("build", "--policy", str(policy), "--output", str(output)).code == 0
    before = snapshot(output)
    _copies(policy, 1)
    (policy / "rekisteri-00.yml").write_bytes((policy / "rekisteri-00.yaml").read_bytes())
    result = run_cli("build", "--no-cache", "--policy", str(policy), "--output", str(output), "--format", "json")
    assert result.code == 1
    assert [(problem["code"], problem["path"].rpartition("/")[2]) for problem in json.loads(result.stdout)] == [
        ("F204", "rekisteri-00.yml")]
    assert snapshot(output) == before
