"""output/ against links, faults and interruptions: nothing outside it is touched, nothing is lost.

Each case starts from a project whose output/ holds a good build, plants something (a link,
a FIFO, a file where a folder goes, an undecodable manifest) or injects a fault at the
operating-system boundary, runs the real command line and checks the exit code, the problem
codes, that output/ is byte for byte what it was and that the files outside it are too.
"""

from __future__ import annotations

import errno
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time

import pytest
from conftest import POLICY
from conftest import ROOT
from conftest import snapshot

from seloste import files
from seloste import output
from seloste.files import Tree
from seloste.output import MANIFEST
from seloste.render import NOTICE_SUFFIXES

REGISTER = "genetta-asiakasrekisteri"


def _build(run_cli, project, *extra):
    return run_cli("build", "--policy", str(project / "policy"), "--output", str(project / "output"),
                   "--format", "json", *extra)


def _check(run_cli, project):
    return run_cli("check", "--policy", str(project / "policy"), "--output", str(project / "output"),
                   "--format", "json")


def _codes(result) -> list[str]:
    return [problem["code"] for problem in json.loads(result.stdout)]


def _edit(project):
    policy = project / "policy" / f"{REGISTER}.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("Kontaktihistoria", "Yhteyshistoria"),
                      encoding="utf-8")


@pytest.fixture
def built(run_cli, project):
    """A project with a good build in output/, an edit waiting, and a folder beside it."""
    assert _build(run_cli, project).code == 0
    _edit(project)
    outside = project / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("not the tool's\n", encoding="utf-8")
    return project, snapshot(project / "output"), outside


def _refused(run_cli, project, outside, outside_before, code):
    result = _build(run_cli, project)
    assert result.code == 2, result.stdout
    assert _codes(result) == [code]
    assert "Traceback" not in result.stderr
    assert snapshot(outside) == outside_before
    return result


LINKS = [
    ("a subfolder", "fi", lambda out: out),
    ("a file", f"fi/{REGISTER}.txt", lambda out: out / "keep.txt"),
    ("the manifest", MANIFEST, lambda out: out / "keep.txt"),
    ("the schema folder", "schema", lambda out: out),
    ("a file that did not exist yet", "fi/uusi.html", lambda out: out / "keep.txt"),
]


@pytest.mark.parametrize("name,target", [(n, t) for _, n, t in LINKS], ids=[i for i, _, _ in LINKS])
def test_a_link_under_output_is_refused_before_anything_is_written(built, run_cli, name, target):
    project, _, outside = built
    if name == "fi/uusi.html":
        (project / "policy" / "uusi.yaml").write_bytes((POLICY / f"{REGISTER}.yaml").read_bytes())
    path = project / "output" / name
    if path.is_dir():
        for child in sorted(path.rglob("*"), reverse=True):
            child.unlink() if child.is_file() else child.rmdir()
        path.rmdir()
    elif path.exists():
        path.unlink()
    path.symlink_to(target(outside))
    before = snapshot(project / "output")
    outside_before = snapshot(outside)
    result = _refused(run_cli, project, outside, outside_before, "W304")
    problem = json.loads(result.stdout)[0]
    assert problem["path"].endswith(name)
    assert "symbolinen linkki" in problem["message"]
    assert snapshot(project / "output") == before
    assert path.is_symlink()
    # check refuses it too, without reading through it
    assert [p["code"] for p in json.loads(_check(run_cli, project).stdout)] == ["W304"]


def test_a_manifest_entry_that_is_a_link_is_neither_followed_nor_removed(built, run_cli):
    project, _, outside = built
    (project / "output" / "fi" / "vanha.txt").symlink_to(outside / "keep.txt")
    manifest = project / "output" / MANIFEST
    manifest.write_text(manifest.read_text(encoding="utf-8") + "fi/vanha.txt\n", encoding="utf-8")
    outside_before = snapshot(outside)
    _refused(run_cli, project, outside, outside_before, "W304")
    assert (project / "output" / "fi" / "vanha.txt").is_symlink()


def test_a_link_loop_in_output_is_refused(built, run_cli):
    project, _, outside = built
    loop = project / "output" / "fi" / f"{REGISTER}.md"
    loop.unlink()
    loop.symlink_to(loop.name)
    outside_before = snapshot(outside)
    _refused(run_cli, project, outside, outside_before, "W304")


def test_a_temporary_name_planted_as_a_link_is_not_written_through(built, run_cli):
    # Temporary files used to be named after the target and the process id: predictable.
    project, _, outside = built
    planted = project / "output" / "fi" / f".{REGISTER}.txt.tmp-{os.getpid()}"
    planted.symlink_to(outside / "keep.txt")
    outside_before = snapshot(outside)
    assert _build(run_cli, project).code == 0
    assert snapshot(outside) == outside_before
    assert planted.is_symlink()


def test_temporary_files_are_new_unpredictable_and_share_one_prefix(tmp_path):
    with Tree.open(tmp_path) as tree:
        names = {tree.write_temporary("", b"x") for _ in range(20)}
    assert len(names) == 20
    assert all(name.startswith(files.TEMP_PREFIX) and len(name) == len(files.TEMP_PREFIX) + 16 for name in names)
    assert all((tmp_path / name).read_bytes() == b"x" for name in names)


def test_leftovers_of_an_interrupted_run_are_reported_by_check_and_removed_by_build(built, run_cli):
    project, _, _ = built
    assert _build(run_cli, project).code == 0
    leftover = project / "output" / "fi" / f"{files.TEMP_PREFIX}0123456789abcdef"
    leftover.write_bytes(b"half a page")
    result = _check(run_cli, project)
    assert result.code == 1
    assert _codes(result) == ["C404"]
    assert _build(run_cli, project).code == 0
    assert not leftover.exists()
    assert _check(run_cli, project).code == 0


def test_a_link_named_like_a_leftover_is_not_removed_nor_followed(built, run_cli):
    project, _, outside = built
    link = project / "output" / "fi" / f"{files.TEMP_PREFIX}0123456789abcdef"
    link.symlink_to(outside / "keep.txt")
    assert _build(run_cli, project).code == 0
    assert link.is_symlink() and (outside / "keep.txt").exists()


def test_files_and_folders_are_on_disk_before_the_manifest_is_replaced(built, run_cli, monkeypatch):
    project, _, _ = built
    (project / "policy" / "uusi.yaml").write_bytes((POLICY / f"{REGISTER}.yaml").read_bytes())
    events = []
    real_fsync, real_replace, real_sync = os.fsync, os.replace, os.sync
    monkeypatch.setattr(files.os, "fsync", lambda fd: events.append(("fsync", fd)) or real_fsync(fd))
    monkeypatch.setattr(files.os, "replace",
                        lambda a, b, **kw: events.append(("replace", b)) or real_replace(a, b, **kw))
    monkeypatch.setattr(output.os, "sync", lambda: events.append(("sync", None)) or real_sync())
    assert _build(run_cli, project, "--no-cache").code == 0
    replaced = [name for kind, name in events if kind == "replace"]
    assert replaced[-1] == MANIFEST and f"{REGISTER}.txt" in replaced and "uusi.txt" in replaced
    manifest_at = events.index(("replace", MANIFEST))
    # every file written, then all of them flushed to disk at once before the first rename;
    # then the folders synced; all before the manifest
    first_rename = next(index for index, event in enumerate(events) if event[0] == "replace")
    assert [kind for kind, _ in events[:first_rename]] == ["sync"]
    fsyncs_before = [e for e in events[:manifest_at] if e[0] == "fsync"]
    # each folder a file was renamed in (output/, fi/ and the new register's own folder
    # fi/uusi/, where its first layer is), the manifest's temporary file
    assert len(fsyncs_before) == 3 + 1
    assert events[manifest_at - 1][0] == "fsync"  # the manifest's own temporary file
    assert events[-1][0] == "fsync"  # and output/ itself after the rename


def test_a_removal_that_fails_keeps_its_record_and_the_next_build_retries(built, run_cli, monkeypatch):
    project, _, _ = built
    (project / "policy" / f"{REGISTER}.yaml").unlink()
    real_remove = Tree.remove

    def refuse(tree, name):
        if name.startswith(f"fi/{REGISTER}."):
            raise PermissionError(errno.EACCES, "Permission denied", name)
        real_remove(tree, name)

    monkeypatch.setattr(Tree, "remove", refuse)
    result = _build(run_cli, project)
    assert result.code == 2
    assert _codes(result) == ["W302"] * len(NOTICE_SUFFIXES)  # each file of the notice beside its folder
    listed = (project / "output" / MANIFEST).read_text(encoding="utf-8")
    assert f"fi/{REGISTER}.html\n" in listed and f"fi/{REGISTER}.txt\n" in listed
    assert "seuraava koonti yrittää uudelleen" in json.loads(result.stdout)[0]["hint"]
    assert set(_codes(_check(run_cli, project))) >= {"C403"}

    monkeypatch.setattr(Tree, "remove", real_remove)
    assert _build(run_cli, project).code == 0
    assert not (project / "output" / "fi" / f"{REGISTER}.html").exists()
    assert f"{REGISTER}." not in (project / "output" / MANIFEST).read_text(encoding="utf-8")
    assert _check(run_cli, project).code == 0


def test_output_that_is_a_regular_file_is_a_problem(run_cli, project):
    (project / "output").rmdir()
    (project / "output").write_text("a file where the folder goes\n")
    result = _build(run_cli, project)
    assert result.code == 2
    assert _codes(result) == ["W303"]
    assert (project / "output").read_text() == "a file where the folder goes\n"
    assert _codes(_check(run_cli, project)) == ["W303"]


def test_a_subfolder_that_is_a_file_is_a_problem(built, run_cli):
    project, _, _ = built
    for child in (project / "output" / "schema").iterdir():
        child.unlink()
    (project / "output" / "schema").rmdir()
    (project / "output" / "schema").write_text("x")
    before = snapshot(project / "output")
    result = _build(run_cli, project)
    assert (result.code, _codes(result)) == (2, ["W303"])
    assert snapshot(project / "output") == before


def test_a_fifo_in_place_of_an_output_file_is_refused_without_hanging(built, run_cli):
    project, _, _ = built
    target = project / "output" / "fi" / f"{REGISTER}.txt"
    target.unlink()
    os.mkfifo(target)
    result = _build(run_cli, project)
    assert (result.code, _codes(result)) == (2, ["W305"])
    assert "FIFO" in json.loads(result.stdout)[0]["message"]
    assert _codes(_check(run_cli, project)) == ["W305"]


def test_an_unreadable_output_file_is_a_problem(built, run_cli, monkeypatch):
    project, before, _ = built
    real_read = files.read_regular

    def unreadable(path, limit=None, **kw):
        if str(path) == f"{REGISTER}.html":
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_read(path, limit, **kw)

    monkeypatch.setattr(files, "read_regular", unreadable)
    result = _build(run_cli, project)
    assert (result.code, _codes(result)) == (2, ["W301"])
    assert "ei voi lukea: ei käyttöoikeutta" in json.loads(result.stdout)[0]["message"]
    assert snapshot(project / "output") == before


def test_a_manifest_that_is_not_utf8_stops_the_build(built, run_cli):
    project, _, _ = built
    manifest = project / "output" / MANIFEST
    manifest.write_bytes(manifest.read_bytes() + b"fi/\xff\xfe.html\n")
    before = snapshot(project / "output")
    result = _build(run_cli, project)
    assert (result.code, _codes(result)) == (2, ["W306"])
    assert "git checkout" in json.loads(result.stdout)[0]["hint"]
    assert snapshot(project / "output") == before


def test_read_only_output_is_a_problem_and_nothing_changes(built, run_cli, monkeypatch):
    project, before, _ = built

    def read_only(tree, folder, content, flush=True):
        raise OSError(errno.EROFS, "Read-only file system", folder)

    monkeypatch.setattr(Tree, "write_temporary", read_only)
    result = _build(run_cli, project)
    assert (result.code, _codes(result)) == (2, ["W301"])
    assert json.loads(result.stdout)[0]["message"].endswith("levylle ei voi kirjoittaa")
    assert snapshot(project / "output") == before


def test_a_folder_made_by_another_build_at_the_same_moment_is_used(built, run_cli, monkeypatch):
    project, _, _ = built
    (project / "policy" / "uusi.yaml").write_bytes((POLICY / f"{REGISTER}.yaml").read_bytes())
    shutil.rmtree(project / "output" / "fi")
    real_mkdir = os.mkdir

    def racing_mkdir(path, mode=0o777, *, dir_fd=None):
        real_mkdir(path, mode, dir_fd=dir_fd)  # the other build wins the race
        raise FileExistsError(errno.EEXIST, "File exists", path)

    monkeypatch.setattr(files.os, "mkdir", racing_mkdir)
    result = _build(run_cli, project)
    assert result.code == 0, result.stdout
    assert (project / "output" / "fi" / "uusi.html").is_file()


def test_a_failed_write_removes_the_folders_it_made(built, run_cli, monkeypatch):
    project, before, _ = built
    (project / "policy" / "uusi.yaml").write_bytes((POLICY / f"{REGISTER}.yaml").read_bytes())
    real_write = Tree.write_temporary
    calls = []

    def failing(tree, folder, content, flush=True):
        calls.append(folder)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device", folder)
        return real_write(tree, folder, content, flush)

    for child in (project / "output" / "schema").iterdir():
        child.unlink()
    (project / "output" / "schema").rmdir()
    before = snapshot(project / "output")
    monkeypatch.setattr(Tree, "write_temporary", failing)
    result = _build(run_cli, project)
    assert result.code == 2
    assert snapshot(project / "output") == before
    assert not (project / "output" / "schema").exists()


def test_a_register_id_too_long_for_the_filesystem_is_refused_by_validate_and_build(run_cli, project):
    from seloste.project import max_register_id_length

    longest = "a" * max_register_id_length()
    (project / "policy" / f"{longest}.yaml").write_bytes((POLICY / f"{REGISTER}.yaml").read_bytes())
    assert _build(run_cli, project).code == 0  # the longest id that fits
    assert (project / "output" / "fi" / f"{longest}.fragment.html").is_file()
    (project / "policy" / f"{longest}.yaml").rename(project / "policy" / f"{longest}b.yaml")
    before = snapshot(project / "output")
    for command in ("build", "validate"):
        result = run_cli(command, "--policy", str(project / "policy"), "--output", str(project / "output"),
                         "--format", "json")
        assert (result.code, _codes(result)) == (1, ["S113"]), command
    assert snapshot(project / "output") == before


def test_every_suffix_leaves_room_in_a_file_name():
    from seloste.project import max_register_id_length

    assert all(max_register_id_length() + len(suffix) <= 255 for suffix in NOTICE_SUFFIXES)
    assert max_register_id_length() >= 200


_INTERRUPTED = """
import pathlib, sys
sys.path.insert(0, {root!r})
from seloste.cli import main
sys.exit(main(["build", "--no-cache", "--policy", sys.argv[1], "--output", sys.argv[2]]))
"""


def test_killing_a_build_at_any_moment_leaves_old_or_new_files_and_no_temporaries(tmp_path, run_cli):
    """kill -9 at random moments: every file is whole, old or new; the next build cleans up."""
    policy = tmp_path / "policy"
    policy.mkdir()
    source = (POLICY / f"{REGISTER}.yaml").read_text(encoding="utf-8")
    for number in range(30):
        (policy / f"rekisteri-{number:02d}.yaml").write_text(source, encoding="utf-8")
    out = tmp_path / "output"
    assert run_cli("build", "--no-cache", "--policy", str(policy), "--output", str(out)).code == 0
    old = snapshot(out)
    for number in range(30):
        (policy / f"rekisteri-{number:02d}.yaml").write_text(source.replace("Kontaktihistoria", f"Historia {number}"),
                                                             encoding="utf-8")
    (policy / "uusi.yaml").write_text(source, encoding="utf-8")
    assert run_cli("build", "--no-cache", "--policy", str(policy), "--output", str(tmp_path / "new")).code == 0
    new = snapshot(tmp_path / "new")
    script = _INTERRUPTED.format(root=str(ROOT))
    started = time.monotonic()
    full = subprocess.run([sys.executable, "-c", script, str(policy), str(tmp_path / "timing")], capture_output=True)
    duration = time.monotonic() - started
    assert full.returncode == 0
    rng = random.Random(20261201)
    for _ in range(12):
        process = subprocess.Popen([sys.executable, "-c", script, str(policy), str(out)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.0, duration * 1.1))
        process.send_signal(signal.SIGKILL)
        process.wait()
        now = snapshot(out)
        for name, content in now.items():
            if name.rsplit("/", 1)[-1].startswith(files.TEMP_PREFIX):
                continue  # a leftover: the next build removes it
            assert content in (old.get(name), new.get(name)), name
        assert set(old) <= set(now)  # nothing of the old site is lost before the new one is whole
    assert run_cli("build", "--no-cache", "--policy", str(policy), "--output", str(out)).code == 0
    assert snapshot(out) == new
    assert not [name for name in snapshot(out) if files.TEMP_PREFIX in name]


def test_output_check_reads_nothing_through_a_link_in_a_folder_it_lists(built, run_cli):
    project, _, outside = built
    (project / "output" / "fi" / f"{REGISTER}.json").unlink()
    (project / "output" / "fi" / f"{REGISTER}.json").symlink_to(outside / "keep.txt")
    problems = output.check({f"fi/{REGISTER}.json": b"x"}, project / "output")
    assert [p.code for p in problems] == ["W304"]


def test_an_output_path_too_long_for_the_filesystem_is_a_problem(run_cli, project):
    long_folder = project / ("x" * 300)
    result = run_cli("build", "--policy", str(project / "policy"), "--output", str(long_folder), "--format", "json")
    assert (result.code, _codes(result)) == (2, ["W301"])
    problem = json.loads(result.stdout)[0]
    assert problem["message"].endswith("nimi on liian pitkä") and "--output" in problem["hint"]
