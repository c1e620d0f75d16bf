"""Versions from git history (``versions: true``): permanent addresses, the change log, the
Atom feeds and the sitemap, the same bytes from a fresh clone, and the current version only
(said so) where there is no history."""

from __future__ import annotations

import hashlib
import json
import pathlib
import shutil
import xml.etree.ElementTree as ElementTree

import feedparser
import pytest
import yaml
from conftest import POLICY
from conftest import commit
from conftest import git
from conftest import snapshot

from seloste.changelog import plain_changes
from seloste.diff import register_changes

REGISTER = "genetta-asiakasrekisteri"
NOTICE = f"fi/{REGISTER}"
ATOM = "{http://www.w3.org/2005/Atom}"
SETTINGS = "versions: true\nbase_url: https://tietosuoja.esimerkki.example/\n"


def _edit(path: pathlib.Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _date(path: pathlib.Path, date: str) -> None:
    text = path.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("updated:")]
    path.write_text("\n".join(lines) + f'\nupdated: "{date}"\n', encoding="utf-8")


@pytest.fixture
def repository(tmp_path) -> pathlib.Path:
    """A project in git whose register has three commits: first published, then a data
    category added (material), then a wording fix (editorial)."""
    repo = tmp_path / "projekti"
    (repo / "policy").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    (repo / "seloste.yaml").write_text(SETTINGS, encoding="utf-8")
    register = repo / "policy" / f"{REGISTER}.yaml"
    shutil.copyfile(POLICY / f"{REGISTER}.yaml", register)
    _date(register, "2026-01-05")
    commit(repo, "first")
    _edit(register, "        - Kontaktihistoria\n", "        - Kontaktihistoria\n        - Syntymäaika\n")
    _date(register, "2026-02-01")
    commit(repo, "a data category")
    _edit(register, "kerätään ja talletetaan", "kerätään ja tallennetaan")
    _date(register, "2026-03-01")
    commit(repo, "wording")
    return repo


def _build(run_cli, repo: pathlib.Path, *extra: str):
    return run_cli("build", "--policy", str(repo / "policy"), "--output", str(repo / "output"), *extra)


def _data_at(repo: pathlib.Path, revision: str) -> dict:
    return yaml.safe_load(git(repo, "show", f"{revision}:policy/{REGISTER}.yaml"))


def test_three_commits_give_three_versions_with_their_texts(repository, run_cli):
    result = _build(run_cli, repository)
    assert result.code == 0, result.stderr
    output = repository / "output"
    versions = sorted(path.name for path in (output / NOTICE).glob("*.txt"))
    assert versions == ["2026-01-05.txt", "2026-02-01.txt", "2026-03-01.txt"]
    # The latest version is the notice in force; each version's JSON cites its text's SHA-256.
    assert (output / NOTICE / "2026-03-01.txt").read_bytes() == (output / f"{NOTICE}.txt").read_bytes()
    for name in versions:
        text = (output / NOTICE / name).read_bytes()
        cited = json.loads((output / NOTICE / name.replace(".txt", ".json")).read_text(encoding="utf-8"))
        assert cited["text_sha256"] == hashlib.sha256(text).hexdigest()
        assert cited["version"] == cited["date"] == name.removesuffix(".txt")
        assert cited["register"]["updated"] == cited["date"]
    first = json.loads((output / NOTICE / "2026-01-05.json").read_text(encoding="utf-8"))
    assert first["register"] == _data_at(repository, "HEAD~2")
    assert "Syntymäaika" not in (output / NOTICE / "2026-01-05.txt").read_text(encoding="utf-8")
    assert "Syntymäaika" in (output / NOTICE / "2026-02-01.txt").read_text(encoding="utf-8")
    page = (output / f"{NOTICE}.html").read_text(encoding="utf-8")
    for slug in ("2026-01-05", "2026-02-01", "2026-03-01"):
        assert f'href="{REGISTER}/{slug}.html"' in page


def test_the_change_log_follows_the_diff_s_classes(repository, run_cli):
    assert _build(run_cli, repository).code == 0
    page = (repository / "output" / NOTICE / "index.html").read_text(encoding="utf-8")
    sections = page.split("<section")[1:]
    assert [section.split('id="versio-', 1)[1].split('"', 1)[0] for section in sections] == \
        ["2026-03-01", "2026-02-01", "2026-01-05"]  # the latest first
    for section, (old, new) in zip(sections, (("HEAD~1", "HEAD"), ("HEAD~2", "HEAD~1"))):
        changes = register_changes(_data_at(repository, old), _data_at(repository, new))
        material = [change for change in changes if change.material]
        listed = [item.split("</li>")[0] for item in section.split("<li>")[1:]]
        assert listed == [text.replace('"', "&#34;") for text in plain_changes(material, "fi")]
        editorial = len(changes) - len(material)
        assert f"korjauksia ({editorial})" in section
    assert material and "Syntymäaika" in listed[0]  # the data category added is material
    assert "ensimmäinen julkaistu versio" in sections[-1]
    for jargon in ("HEAD", "policy/", ".yaml", "data_category", "D101"):
        assert jargon not in page


def _atom_problems(path: pathlib.Path) -> list[str]:
    """What RFC 4287 requires of a feed and its entries, checked on the parsed XML."""
    feed = ElementTree.parse(path).getroot()
    problems = []
    if feed.tag != f"{ATOM}feed":
        return ["not an Atom feed"]
    entries = feed.findall(f"{ATOM}entry")
    for name in ("id", "title", "updated"):
        if len(feed.findall(f"{ATOM}{name}")) != 1:
            problems.append(f"feed has not one {name}")
    if not feed.findall(f"{ATOM}author") and not all(entry.findall(f"{ATOM}author") for entry in entries):
        problems.append("no author")
    for entry in entries:
        for name in ("id", "title", "updated"):
            if len(entry.findall(f"{ATOM}{name}")) != 1:
                problems.append(f"entry has not one {name}")
        if not entry.findall(f"{ATOM}link[@rel='alternate']") and entry.find(f"{ATOM}content") is None:
            problems.append("entry has neither an alternate link nor content")
    ids = [element.text for element in feed.iter(f"{ATOM}id")]
    if len(ids) != len(set(ids)):
        problems.append("ids repeat")
    return problems


def test_the_feeds_are_valid_atom_of_the_material_changes(repository, run_cli):
    assert _build(run_cli, repository).code == 0
    output = repository / "output"
    for name in (f"{NOTICE}/feed.atom", "feed.atom"):
        assert _atom_problems(output / name) == []
        parsed = feedparser.parse((output / name).read_bytes())
        assert not parsed.bozo, parsed.bozo_exception
        # The first version and the one with a material change; not the wording fix.
        assert [entry.link.rsplit("/", 1)[1] for entry in parsed.entries] == ["2026-02-01.html", "2026-01-05.html"]
        assert parsed.entries[0].updated.startswith("2026-02-01")
        assert "Syntymäaika" in parsed.entries[0].summary
        assert all(entry.link.startswith("https://tietosuoja.esimerkki.example/fi/") for entry in parsed.entries)


def test_the_sitemap_lists_every_version(repository, run_cli):
    assert _build(run_cli, repository).code == 0
    root = ElementTree.parse(repository / "output" / "sitemap.xml").getroot()
    found = {url.findtext("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
             url.findtext("{http://www.sitemaps.org/schemas/sitemap/0.9}lastmod") for url in root}
    base = f"https://tietosuoja.esimerkki.example/{NOTICE}"
    for slug in ("2026-01-05", "2026-02-01", "2026-03-01"):
        assert found[f"{base}/{slug}.html"] == slug
    assert found[f"{base}/index.html"] == "2026-03-01"


def test_a_fresh_clone_builds_the_same_bytes(repository, run_cli, tmp_path):
    assert _build(run_cli, repository).code == 0
    clone = tmp_path / "klooni"
    git(tmp_path, "clone", "-q", str(repository), str(clone))
    assert _build(run_cli, clone, "--no-cache").code == 0
    assert snapshot(clone / "output") == snapshot(repository / "output")


def test_committing_the_file_as_it_is_changes_no_output(repository, run_cli):
    register = repository / "policy" / f"{REGISTER}.yaml"
    _edit(register, "        - Syntymäaika\n", "")
    _date(register, "2026-04-01")
    assert _build(run_cli, repository).code == 0
    before = snapshot(repository / "output")
    assert "2026-04-01.html" in {name.rsplit("/", 1)[-1] for name in before}
    commit(repository, "the data category removed")
    result = run_cli("check", "--policy", str(repository / "policy"), "--output", str(repository / "output"))
    assert result.code == 0, result.stderr
    assert _build(run_cli, repository).code == 0
    assert snapshot(repository / "output") == before


def test_a_second_version_of_one_date_gets_its_own_address(repository, run_cli):
    register = repository / "policy" / f"{REGISTER}.yaml"
    _edit(register, "        - Syntymäaika\n", "")  # updated stays 2026-03-01
    commit(repository, "the same date again")
    assert _build(run_cli, repository).code == 0
    folder = repository / "output" / NOTICE
    assert (folder / "2026-03-01-2.txt").read_bytes() == (repository / "output" / f"{NOTICE}.txt").read_bytes()
    assert "Syntymäaika" in (folder / "2026-03-01.txt").read_text(encoding="utf-8")


def test_a_commit_that_does_not_validate_is_no_version(repository, run_cli):
    register = repository / "policy" / f"{REGISTER}.yaml"
    good = register.read_text(encoding="utf-8")
    register.write_text(good.replace("name:", "nimi:", 1), encoding="utf-8")
    commit(repository, "broken")
    register.write_text(good, encoding="utf-8")
    commit(repository, "fixed")
    assert _build(run_cli, repository).code == 0
    assert len(list((repository / "output" / NOTICE).glob("*.txt"))) == 3


@pytest.mark.parametrize("kind", ["shallow clone", "no git"])
def test_without_history_the_current_version_only_and_it_says_so(repository, run_cli, tmp_path, kind):
    if kind == "shallow clone":
        project = tmp_path / "matala"
        git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repository}", str(project))
    else:
        project = tmp_path / "ei-gitia"
        shutil.copytree(repository, project, ignore=shutil.ignore_patterns(".git"))
    result = _build(run_cli, project)
    assert result.code == 0, result.stderr
    assert "seloste.yaml:1:1: warning [P703]" in result.stdout and "vain nykyiset" in result.stdout
    assert sorted(path.name for path in (project / "output" / NOTICE).glob("*.txt")) == ["2026-03-01.txt"]


def test_without_the_setting_no_versions_are_published(repository, run_cli):
    (repository / "seloste.yaml").write_text("base_url: https://tietosuoja.esimerkki.example/\n", encoding="utf-8")
    assert _build(run_cli, repository).code == 0
    output = repository / "output"
    # The notice's folder holds its first layer only: no version, change log or feed.
    assert sorted(path.name for path in (output / NOTICE).iterdir()) == ["first-layer.fragment.html", "first-layer.html"]
    assert not (output / "feed.atom").exists()
    assert "Muutoshistoria" not in (output / f"{NOTICE}.html").read_text(encoding="utf-8")


def test_a_warm_cache_reads_nothing_of_the_history(repository, run_cli, monkeypatch):
    from seloste.diff.git import Repository

    assert _build(run_cli, repository).code == 0
    before = snapshot(repository / "output")
    shutil.rmtree(repository / "output")

    def refused(*_args):
        raise AssertionError("history read again")

    monkeypatch.setattr(Repository, "read", refused)
    assert _build(run_cli, repository).code == 0
    assert snapshot(repository / "output") == before


def test_a_translation_changed_alone_is_a_version_of_that_language_only(tmp_path, run_cli):
    repo = tmp_path / "kunta"
    git(tmp_path, "init", "-q", "-b", "main", str(repo))
    (repo / "seloste.yaml").write_text("versions: true\n", encoding="utf-8")
    shutil.copytree(POLICY, repo / "policy")
    (repo / "policy" / f"{REGISTER}.yaml").unlink()
    commit(repo, "first")
    translation = repo / "policy" / "esimerkki-rekrytointirekisteri.sv.yaml"
    text = translation.read_text(encoding="utf-8")
    start = text.index("text: ", text.index("purposes.intro")) + len("text: ")
    translation.write_text(text[:start] + "Ändrad. " + text[start:], encoding="utf-8")
    commit(repo, "Swedish wording")
    result = _build(run_cli, repo)
    assert result.code == 0, result.stderr
    output = repo / "output"
    counts = {code: len(list((output / code / "esimerkki-rekrytointirekisteri").glob("*.txt"))) for code in ("fi", "sv", "en")}
    assert counts == {"fi": 1, "sv": 2, "en": 1}
    assert _atom_problems(output / "sv" / "feed.atom") == []
    assert "Ändringshistorik" in (output / "sv" / "esimerkki-rekrytointirekisteri" / "index.html").read_text(encoding="utf-8")
