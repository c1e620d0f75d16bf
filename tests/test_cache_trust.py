"""The cache has the trust of the code: a folder someone else could write to is not used.

What the cache holds is published, so a cache folder that is a link, belongs to another user
or is writable by group or others is refused with a warning (K501), and the build goes on
without it, giving what a build without any cache gives. Inside a trusted folder only regular
files are read, and nothing is ever unpickled.
"""

from __future__ import annotations

import os
import pathlib

import pytest
from conftest import snapshot

from seloste import cache


@pytest.fixture
def build(run_cli, project, monkeypatch):
    """Build ``project`` into a fresh folder; returns (files, stderr)."""
    counter = iter(range(1000))
    monkeypatch.chdir(project)

    def run(*extra: str):
        output = project / f"output-{next(counter)}"
        result = run_cli("build", "--policy", "policy", "--output", str(output), *extra)
        assert result.code == 0, result.stdout + result.stderr
        return snapshot(output), result.stderr

    return run


def _use(monkeypatch, folder: pathlib.Path) -> pathlib.Path:
    monkeypatch.setenv(cache.ENVIRONMENT_VARIABLE, str(folder))
    return folder


UNTRUSTED = [
    ("writable by everyone", lambda f: (f.mkdir(), f.chmod(0o777)), "muutkin käyttäjät"),
    ("writable by the group", lambda f: (f.mkdir(), f.chmod(0o770)), "muutkin käyttäjät"),
    ("a link", lambda f: (f.parent.joinpath("real").mkdir(), f.symlink_to(f.parent / "real")), "symbolinen linkki"),
]


@pytest.mark.parametrize("make,reason", [(m, r) for _, m, r in UNTRUSTED], ids=[i for i, _, _ in UNTRUSTED])
def test_an_untrusted_cache_folder_is_refused_with_a_warning(build, monkeypatch, tmp_path, make, reason):
    folder = _use(monkeypatch, tmp_path / "shared-cache")
    make(folder)
    truth, _ = build("--no-cache")
    files, stderr = build()
    assert files == truth
    assert "warning [K501] välimuistia ei käytetä" in stderr and reason in stderr
    assert list(folder.resolve().iterdir()) == []  # nothing was written there


def test_a_cache_folder_of_another_user_is_refused(build, monkeypatch, tmp_path, private_cache):
    build()  # fills the cache as its owner
    entries = snapshot(private_cache)
    owner = os.stat(private_cache).st_uid
    monkeypatch.setattr(cache.os, "geteuid", lambda: owner + 1)
    truth, _ = build("--no-cache")
    files, stderr = build()
    assert files == truth
    assert "[K501]" in stderr and "toisen käyttäjän" in stderr
    assert snapshot(private_cache) == entries


def test_a_fingerprint_folder_planted_writable_by_others_is_refused(build, monkeypatch, private_cache):
    planted = private_cache / cache.fingerprint()[:20]
    planted.mkdir()
    planted.chmod(0o777)
    _, stderr = build()
    assert "[K501]" in stderr
    assert list(planted.iterdir()) == []


def test_a_new_cache_is_the_users_own_and_tagged(build, monkeypatch, tmp_path):
    folder = _use(monkeypatch, tmp_path / "new" / "cache")
    (tmp_path / "new").mkdir()
    build()
    assert folder.stat().st_mode & 0o777 == 0o700
    fingerprint = folder / cache.fingerprint()[:20]
    assert fingerprint.stat().st_mode & 0o777 == 0o700
    tag = (fingerprint / cache.TAG_NAME).read_bytes()
    assert tag.startswith(b"Signature: 8a477f597d28d172789f06886806bc55\n")  # bford.info/cachedir
    assert all(entry.stat().st_mode & 0o077 == 0 for entry in folder.rglob("*") if entry.is_dir())


@pytest.mark.parametrize("plant", ["fifo", "link"])
def test_an_entry_that_is_not_a_regular_file_is_ignored_without_hanging(build, private_cache, tmp_path, plant):
    truth, _ = build("--no-cache")
    build()
    entries = [path for path in private_cache.rglob("*") if path.is_file() and path.parent.name == "rendered"]
    assert entries
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_bytes(entries[0].read_bytes())
    for entry in entries:
        entry.unlink()
        if plant == "fifo":
            os.mkfifo(entry)
        else:
            entry.symlink_to(elsewhere)
    files, _ = build()
    assert files == truth


def test_a_cache_folder_that_is_a_file_only_costs_time(build, monkeypatch, tmp_path):
    folder = _use(monkeypatch, tmp_path / "a-file")
    folder.write_text("not a folder")
    truth, _ = build("--no-cache")
    files, stderr = build()
    assert files == truth and "[K501]" in stderr
    assert folder.read_text() == "not a folder"


def test_no_cache_reads_and_writes_no_cache(build, monkeypatch, tmp_path):
    folder = _use(monkeypatch, tmp_path / "never")
    build("--no-cache")
    assert not folder.exists()

