"""The cache of earlier results never serves stale or damaged output.

Each test builds with a cache, changes one thing the output depends on, and builds again
with the same cache: the output must be what a build without any cache gives, and must
differ from before (so the change was one the cache had to notice).
"""

from __future__ import annotations

import hashlib
import json
import pathlib
import shutil

import pytest

from conftest import register_files
from conftest import snapshot
from seloste import blocks
from seloste import cache
from seloste import lint
from seloste import notice
from seloste import pages
from seloste import produce
from seloste import project
from seloste import render
from seloste import resources
from seloste import validate

REGISTER = "genetta-asiakasrekisteri.yaml"
REGISTER_FILES = register_files(pathlib.Path(__file__).parent.parent / "policy") + register_files(
    pathlib.Path(__file__).parent / "fixtures")


def _forget_in_process() -> None:
    """Drop what this process memoised, so that only the cache on disk can carry results over."""
    for function in (pages._environment, pages._stylesheet_context, validate.boolean_keys, validate._validator):
        function.cache_clear()
    resources.forget()


@pytest.fixture
def build(run_cli, project, monkeypatch):
    """Build ``project`` into a fresh folder; returns that folder's files.

    ``build(cached=False)`` is the truth: no cache is read or written.
    """
    counter = iter(range(1000))
    monkeypatch.chdir(project)

    def run(cached: bool = True, code: int = 0) -> dict[str, bytes]:
        _forget_in_process()
        output = project / f"output-{next(counter)}"
        args = ["build", "--policy", "policy", "--output", str(output)] + ([] if cached else ["--no-cache"])
        result = run_cli(*args)
        assert result.code == code, result.stderr
        return snapshot(output) if output.exists() else {}

    yield run
    _forget_in_process()


def _copy(monkeypatch, tmp_path, module, attribute: str, source: pathlib.Path) -> pathlib.Path:
    """Point ``module.attribute`` at a scratch copy of ``source``; returns the copy."""
    target = tmp_path / "copies" / source.name
    if source.is_dir():
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    monkeypatch.setattr(module, attribute, target)
    return target


def _replace(path: pathlib.Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _change_template(monkeypatch, tmp_path, project):
    folder = _copy(monkeypatch, tmp_path, resources, "TEMPLATES_DIR", resources.TEMPLATES_DIR)
    _replace(folder / "notice.txt.j2", "{{", "MUUTETTU POHJA\n{{")


def _change_stylesheet(monkeypatch, tmp_path, project):
    folder = _copy(monkeypatch, tmp_path, resources, "TEMPLATES_DIR", resources.TEMPLATES_DIR)
    with open(folder / "style.css", "a", encoding="utf-8") as handle:
        handle.write("\nbody{color:#111}\n")


def _change_layout(monkeypatch, tmp_path, project):
    folder = _copy(monkeypatch, tmp_path, resources, "DATA_DIR", resources.DATA_DIR)
    layout = folder / "layouts" / "henkilotietolaki.yaml"
    text = layout.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.strip().startswith("title:") and "  " in line)
    _replace(layout, title, title.rstrip() + " (muutettu)")


def _change_phrases(monkeypatch, tmp_path, project):
    folder = _copy(monkeypatch, tmp_path, resources, "DATA_DIR", resources.DATA_DIR)
    phrases = folder / "fi.yaml"
    label = notice.phrases("fi")["labels"]["postal_address"]
    _replace(phrases, label, label + " (muutettu)")


def _change_schema(monkeypatch, tmp_path, project):
    # A schema that no longer allows the register's name to be this long: the cached
    # "valid" result must not stand.
    copied = _copy(monkeypatch, tmp_path, resources, "SCHEMA_PATH", resources.SCHEMA_PATH)
    schema = json.loads(copied.read_text(encoding="utf-8"))
    schema["properties"]["name"] = {"allOf": [schema["properties"]["name"]], "maxLength": 5}
    copied.write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding="utf-8")


def _change_code(monkeypatch, tmp_path, project):
    # New library code: its source differs, and so does what it writes.
    folder = _copy(monkeypatch, tmp_path, resources, "PACKAGE_DIR", resources.PACKAGE_DIR)
    with open(folder / "render.py", "a", encoding="utf-8") as handle:
        handle.write("\n# a new version\n")
    finish = render._finish
    monkeypatch.setattr(render, "_finish", lambda text: finish(text + "\nUUSI VERSIO"))


def _change_dependencies(monkeypatch, tmp_path, project):
    # Another version of an installed library (here Markdown) that writes differently.
    installed = cache._distributions()
    monkeypatch.setattr(cache, "_distributions", lambda: installed + ["Markdown-99.0.dist-info"])
    from seloste.markup import write_markdown

    escape = write_markdown.escape_markdown
    monkeypatch.setattr(write_markdown, "escape_markdown", lambda value: escape(value).replace("Oy", "Oy."))


def _change_input(monkeypatch, tmp_path, project):
    _replace(project / "policy" / REGISTER, "Paljetie 4 A 1", "Paljetie 5 B 2")


def _rename_input(monkeypatch, tmp_path, project):
    (project / "policy" / REGISTER).rename(project / "policy" / "uusi-nimi.yaml")


CHANGES = [
    ("template", _change_template),
    ("stylesheet", _change_stylesheet),
    ("layout data file", _change_layout),
    ("phrases data file", _change_phrases),
    ("schema", _change_schema),
    ("library code", _change_code),
    ("installed library", _change_dependencies),
    ("input register", _change_input),
    ("input file name", _rename_input),
]


@pytest.mark.parametrize("change", [c[1] for c in CHANGES], ids=[c[0] for c in CHANGES])
def test_a_change_to_anything_the_output_depends_on_is_never_served_from_the_cache(
        change, build, monkeypatch, tmp_path, project):
    before = build()
    with monkeypatch.context() as served:
        served.setattr(render, "render_notice_files", _must_not_run)
        assert build() == before  # served from the cache
    change(monkeypatch, tmp_path, project)
    expected_code = 1 if change is _change_schema else 0
    truth = build(cached=False, code=expected_code)
    assert build(code=expected_code) == truth
    assert truth != before


def test_the_cache_is_used_and_gives_the_same_bytes_as_no_cache(build, monkeypatch, private_cache):
    truth = build(cached=False)
    assert not any(private_cache.rglob("*")), "--no-cache must not write the cache"
    assert build() == truth
    # Now every result comes from the cache: nothing may be loaded, validated or rendered.
    monkeypatch.setattr(project, "_load_and_validate", _must_not_run)
    monkeypatch.setattr(render, "render_notice_files", _must_not_run)
    monkeypatch.setattr(render, "render_index", _must_not_run)
    monkeypatch.setattr(lint, "run", _must_not_run)
    assert build() == truth


def test_problems_from_the_cache_name_the_file_as_it_is_called_now(run_cli, project, monkeypatch):
    monkeypatch.chdir(project)
    policy = project / "policy"
    broken = (policy / REGISTER).read_text(encoding="utf-8").replace("layout: henkilotietolaki", "layout: tuntematon")
    for name in ("vanha.yaml", "uusi.yaml", "vanha.yaml"):
        for path in list(policy.iterdir()):
            path.unlink()
        (policy / name).write_text(broken, encoding="utf-8")
        _forget_in_process()
        result = run_cli("validate", "--policy", "policy", "--format", "json")
        assert result.code == 1
        assert {problem["path"] for problem in json.loads(result.stdout)} == {f"policy/{name}"}


@pytest.mark.parametrize("command", ["build", "check", "lint"])
def test_lint_findings_follow_the_lint_configuration_and_the_register(command, run_cli, project, monkeypatch):
    monkeypatch.chdir(project)
    run_cli("build", "--policy", "policy", "--output", "output", "--no-cache")

    def lint_output(*extra: str) -> str:
        _forget_in_process()
        result = run_cli(command, "--policy", "policy", "--output", "output", *extra)
        # Leave out build's count of files written: only the findings are compared.
        return "".join(line for line in (result.stdout + result.stderr).splitlines(True) if "tiedostoa" not in line)

    before = lint_output()
    assert "GDPR-13-1-b" in before
    with monkeypatch.context() as served:
        served.setattr(lint, "run", _must_not_run)
        assert lint_output() == before  # from the cache
    (project / "lint.yaml").write_text("rules:\n  GDPR-13-1-b: off\n", encoding="utf-8")
    configured = lint_output()
    assert "GDPR-13-1-b" not in configured
    assert configured == lint_output("--no-cache")
    if command != "check":  # check would report the changed register's stale output instead
        _replace(project / "policy" / REGISTER, "name: Genetta-asiakasrekisteri", "name: Henkilötietolaki 10 §")
        changed = lint_output()
        assert changed != configured
        assert changed == lint_output("--no-cache")


def test_lint_with_the_cache_finds_what_lint_finds(tmp_path, monkeypatch):
    store = cache.Cache(tmp_path, "d" * 64)
    registers, problems = project.load_registers(project.with_translations(REGISTER_FILES), cache=store)
    assert [problem.code for problem in problems] == ["T601"] and registers  # the bilingual fixture's stale one
    expected = lint.run(registers)
    assert expected
    assert produce.lint_registers(registers, cache=store) == expected  # linted and kept
    registers, _ = project.load_registers(project.with_translations(REGISTER_FILES), cache=store)
    monkeypatch.setattr(lint, "run", _must_not_run)
    assert produce.lint_registers(registers, cache=store) == expected  # from the cache


def test_nothing_from_the_cache_is_unpickled_or_unmarshalled(build, project, monkeypatch, private_cache):
    import marshal
    import pickle

    build()
    _change_input(monkeypatch, None, project)
    truth = build(cached=False)
    for module, name in ((marshal, "load"), (marshal, "loads"), (pickle, "load"), (pickle, "loads")):
        monkeypatch.setattr(module, name, _must_not_run)
    assert build() == truth
    assert build() == truth  # warm: everything from the cache, still without code from it
    kinds = {path.name for fingerprint in private_cache.iterdir() if fingerprint.is_dir() for path in fingerprint.iterdir()}
    assert kinds == {"CACHEDIR.TAG", "loaded", "problems", "rendered"}


def test_after_one_change_only_that_register_is_laid_out_again(build, project, monkeypatch):
    build()
    _change_input(monkeypatch, None, project)
    truth = build(cached=False)
    laid_out = []
    build_notice = notice.build_notice
    monkeypatch.setattr(notice, "build_notice", lambda *args: laid_out.append(args[0]) or build_notice(*args))
    assert build() == truth
    assert laid_out == [REGISTER.removesuffix(".yaml")]


def test_the_index_entry_kept_for_a_notice_comes_back_whole_or_not_at_all(build, project):
    registers, _ = project_module_load(project)
    entry = notice.build_notice(registers[0].id, registers[0].data).index_entry()
    assert blocks.IndexEntry.from_dict(json.loads(json.dumps(entry.as_dict()))) == entry
    damaged = [{**entry.as_dict(), "name": 5}, {**entry.as_dict(), "labels": ["a"]}, {"id": entry.id},
               {**entry.as_dict(), "extra": ""}, None, "text"]
    assert [blocks.IndexEntry.from_dict(value) for value in damaged] == [None] * len(damaged)


def project_module_load(folder):
    return project.load_registers(sorted((folder / "policy").glob("*.yaml")))


def _must_not_run(*args, **kwargs):
    raise AssertionError("the cache should have answered")


def _truncate(path: pathlib.Path, entries: dict) -> None:
    path.write_bytes(entries[path][: len(entries[path]) // 2])


def _flip_a_byte(path: pathlib.Path, entries: dict) -> None:
    content = bytearray(entries[path])
    content[len(content) // 2] ^= 0x01
    path.write_bytes(bytes(content))


def _empty(path: pathlib.Path, entries: dict) -> None:
    path.write_bytes(b"")


def _content_changed_digest_kept(path: pathlib.Path, entries: dict) -> None:
    # Still the right layout, key and sizes: only the digest can tell.
    check, _, payload = entries[path].partition(b"\n")
    path.write_bytes(check + b"\n" + payload.replace(b'"value":', b'"value": ', 1))


def _rehash(path: pathlib.Path, header: dict, rest: bytes) -> None:
    payload = json.dumps(header).encode() + b"\n" + rest
    path.write_bytes(hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)


def _rehashed_nonsense(path: pathlib.Path, entries: dict) -> None:
    # Digest, key and layout are right; the value is not what the reader expects.
    _rehash(path, {"key": path.name, "value": {"document": 5, "problems": "x"}, "blobs": [1]}, b"x")


def _rehashed_wrong_sizes(path: pathlib.Path, entries: dict) -> None:
    # Digest and key are right; the sizes of the stored files do not add up.
    _, _, payload = entries[path].partition(b"\n")
    header, _, rest = payload.partition(b"\n")
    fields = json.loads(header)
    _rehash(path, {**fields, "blobs": [size + 1 for size in fields["blobs"]] or [1]}, rest)


def _another_keys_entry(path: pathlib.Path, entries: dict) -> None:
    # An intact entry, but for another key: it must not be taken for this one.
    paths = sorted(entries)
    path.write_bytes(entries[paths[(paths.index(path) + 1) % len(paths)]])


CORRUPTIONS = [
    ("truncated", _truncate),
    ("one byte flipped", _flip_a_byte),
    ("empty", _empty),
    ("content changed, digest kept", _content_changed_digest_kept),
    ("valid digest, nonsense value", _rehashed_nonsense),
    ("valid digest, wrong sizes", _rehashed_wrong_sizes),
    ("another key's entry", _another_keys_entry),
]


@pytest.mark.parametrize("corrupt", [c[1] for c in CORRUPTIONS], ids=[c[0] for c in CORRUPTIONS])
def test_a_damaged_cache_entry_is_ignored_and_written_anew(corrupt, build, private_cache):
    truth = build(cached=False)
    assert build() == truth
    entries = {path: path.read_bytes() for path in private_cache.rglob("*")
               if path.is_file() and path.name != cache.TAG_NAME}
    assert {path.parent.name for path in entries} >= {"loaded", "rendered"}
    for path in entries:
        corrupt(path, entries)
    damaged = {path: path.read_bytes() for path in entries}
    assert build() == truth
    rewritten = {path for path in entries if path.read_bytes() != damaged[path]}
    assert rewritten == set(entries)
    assert build() == truth


def test_an_unwritable_cache_folder_only_costs_time(build, monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv(cache.ENVIRONMENT_VARIABLE, str(blocker))
    assert build() == build(cached=False)


FINGERPRINTED = [
    ("package source", lambda mp, tmp: _copy(mp, tmp, resources, "PACKAGE_DIR", resources.PACKAGE_DIR) / "notice" / "builder.py"),
    ("template", lambda mp, tmp: _copy(mp, tmp, resources, "TEMPLATES_DIR", resources.TEMPLATES_DIR) / "_blocks.html.j2"),
    ("data file", lambda mp, tmp: _copy(mp, tmp, resources, "DATA_DIR", resources.DATA_DIR) / "authorities.yaml"),
    ("schema", lambda mp, tmp: _copy(mp, tmp, resources, "SCHEMA_PATH", resources.SCHEMA_PATH)),
]


@pytest.mark.parametrize("locate", [c[1] for c in FINGERPRINTED], ids=[c[0] for c in FINGERPRINTED])
def test_the_fingerprint_covers_every_file_the_output_depends_on(locate, monkeypatch, tmp_path):
    path = locate(monkeypatch, tmp_path)
    before = cache.fingerprint()
    assert cache.fingerprint() == before
    with open(path, "ab") as handle:
        handle.write(b" ")
    assert cache.fingerprint() != before


def test_folders_of_other_fingerprints_are_removed_but_not_a_strangers_folder(tmp_path):
    old = cache.Cache(tmp_path, "0" * 64)
    old.put("rendered", old.key("rendered", "x"), {"a.txt": "a"})
    stale = tmp_path / ("0" * 20)
    assert (stale / cache.TAG_NAME).read_bytes().startswith(b"Signature: 8a477f597d28d172789f06886806bc55")
    stranger = tmp_path / ("1" * 20)  # named like a fingerprint, but this tool did not make it
    (stranger / "rendered").mkdir(parents=True)
    forged = tmp_path / ("2" * 20)  # a tag that is not this tool's
    forged.mkdir()
    (forged / cache.TAG_NAME).write_bytes(b"Signature: 8a477f597d28d172789f06886806bc55\n")
    kept = tmp_path / "not-ours"
    kept.mkdir()
    store = cache.Cache(tmp_path, "f" * 64)
    store.put("rendered", store.key("rendered", "x"), {"a.txt": "a"})
    assert not stale.exists()
    assert kept.exists() and stranger.exists() and forged.exists()
    assert store.get("rendered", store.key("rendered", "x")) == ({"a.txt": "a"}, [])


@pytest.mark.parametrize("path", REGISTER_FILES, ids=[path.name for path in REGISTER_FILES])
def test_a_document_comes_back_from_the_cache_exactly_as_loaded(path, tmp_path):
    from seloste.load import load_text

    document, problems = load_text(path.read_bytes(), path.name, validate.boolean_keys())
    store = cache.Cache(tmp_path, "e" * 64)
    store.put_loaded("k", (document, problems))
    again, again_problems = store.get_loaded("k")
    assert again == document
    assert list(again.positions) == list(document.positions)
    assert list(again.key_positions) == list(document.key_positions)
    assert again_problems == problems


def test_a_document_whose_positions_do_not_fit_its_data_is_not_kept(tmp_path):
    from seloste.load import load_text

    document, problems = load_text(b"name: x\n", "x.yaml")
    document.positions[("elsewhere",)] = (9, 9)
    store = cache.Cache(tmp_path, "e" * 64)
    store.put_loaded("k", (document, problems))
    assert store.get_loaded("k") is None


def test_translation_checks_come_from_the_cache_and_follow_the_file_s_lines(tmp_path, monkeypatch):
    from seloste.translations import checks

    folder = tmp_path / "policy"
    shutil.copytree(pathlib.Path(__file__).parent / "fixtures", folder, ignore=shutil.ignore_patterns("*.po"))
    paths = project.with_translations([folder / "kaksikielinen-kunta.yaml"])
    store = cache.Cache(tmp_path / "cache", "e" * 64)
    _, first = project.load_registers(paths, cache=store)
    stale = [problem for problem in first if problem.code == "T601"]
    assert len(stale) == 1
    with monkeypatch.context() as patch:
        patch.setattr(checks, "translation_problems", _must_not_run)
        _, again = project.load_registers(paths, cache=store)
        assert again == first  # judged once, then from the cache
    translation = folder / "kaksikielinen-kunta.sv.yaml"
    translation.write_text("# a line more at the top\n" + translation.read_text(encoding="utf-8"), encoding="utf-8")
    _, moved = project.load_registers(paths, cache=store)
    assert [problem.line for problem in moved if problem.code == "T601"] == [stale[0].line + 1]
