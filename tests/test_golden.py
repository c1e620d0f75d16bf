"""Golden files: every register's output compared byte for byte and whole.

- The registers in ``policy/`` have their golden files in the committed ``output/`` itself:
  every file a build would write, the manifest and the index included (``build.py check`` in
  a test).
- The test fixtures in ``tests/fixtures/`` have theirs in ``tests/golden/<id>/`` (HTML,
  Markdown and text).

``pytest --update-golden`` rewrites both from the current code and still fails, so that a
changed golden file is always a reviewed, committed change.
"""

from __future__ import annotations

import pathlib

import pytest
from conftest import register_files
from conftest import FIXTURES
from conftest import GOLDEN
from conftest import POLICY
from conftest import ROOT

from seloste import output
from seloste import produce
from seloste import project
from seloste import languages
from seloste.render import render_notice_files

OUTPUT = ROOT / "output"
FIXTURE_FILES = register_files(FIXTURES)
SUFFIXES = (".html", ".md", ".txt")


def test_committed_output_is_the_golden_output_of_policy(request):
    paths, problems = project.discover(POLICY)
    registers, found = project.load_registers(paths, POLICY)
    assert problems + [p for p in found if p.is_error] == []
    files = produce.render_site(registers)
    if request.config.getoption("--update-golden"):
        _, write_problems = output.write(files, OUTPUT)
        assert write_problems == []
        pytest.fail("output/ rewritten; review and commit it, then run again")
    assert [f"{p.path} [{p.code}]" for p in output.check(files, OUTPUT)] == []


def _rendered(path: pathlib.Path) -> dict[str, bytes]:
    """The fixture's notice files by golden name: ``x.html`` in its own language, ``x.sv.html``
    in another it is published in (from its translation beside it)."""
    registers, problems = project.load_registers(project.with_translations([path]), path.parent)
    assert len(registers) == 1 and not [problem for problem in problems if problem.is_error], problems
    found = {}
    for number, (notice, data) in enumerate(languages.notices(registers[0])):
        for name, content in render_notice_files(notice, data).items():
            if name.endswith(SUFFIXES) and not name.endswith(".fragment.html"):
                stem, suffix = pathlib.PurePosixPath(name).name.rsplit(".", 1)
                found[f"{stem}.{suffix}" if number == 0 else f"{stem}.{notice.language}.{suffix}"] = content
    return found


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.stem)
def test_fixture_matches_its_golden_files(path, request):
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


def test_every_golden_folder_belongs_to_a_fixture():
    assert {folder.name for folder in GOLDEN.iterdir()} == {path.stem for path in FIXTURE_FILES}
