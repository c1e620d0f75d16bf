"""Golden files: every register's HTML, Markdown and text, compared byte for byte and whole.

``pytest --update-golden`` rewrites tests/golden/ from the current output and still fails,
so that a changed golden file is always a reviewed, committed change.
"""

from __future__ import annotations

import pathlib

import pytest
from conftest import FIXTURES
from conftest import GOLDEN
from conftest import POLICY

from seloste import project
from seloste.notice import build_notice
from seloste.render import render_notice_files

REGISTER_FILES = sorted(POLICY.glob("*.yaml")) + sorted(FIXTURES.glob("*.yaml"))
SUFFIXES = (".html", ".md", ".txt")


def _rendered(path: pathlib.Path) -> dict[str, bytes]:
    register, problems = project.load_register(path)
    assert register is not None, problems
    files = render_notice_files(build_notice(register.id, register.data), register.data)
    return {pathlib.PurePosixPath(name).name: content for name, content in files.items()
            if name.endswith(SUFFIXES) and not name.endswith(".fragment.html")}


@pytest.mark.parametrize("path", REGISTER_FILES, ids=lambda p: p.stem)
def test_register_matches_its_golden_files(path, request):
    rendered = _rendered(path)
    folder = GOLDEN / path.stem
    if request.config.getoption("--update-golden"):
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            old.unlink()
        for name, content in rendered.items():
            (folder / name).write_bytes(content)
        pytest.fail(f"golden files of {path.stem} rewritten; review and commit them, then run again")
    expected = {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.is_dir() else {}
    assert sorted(expected) == sorted(rendered), "missing or extra golden files"
    for name in rendered:
        assert rendered[name] == expected[name], f"{path.stem}/{name} differs from its golden file"


def test_every_golden_folder_belongs_to_a_register():
    stems = {path.stem for path in REGISTER_FILES}
    assert {folder.name for folder in GOLDEN.iterdir()} == stems
