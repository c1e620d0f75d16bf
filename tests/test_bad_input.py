"""Bad input through the real command line: every mistake at its line, output/ never touched.

Each case adds files to a project whose output/ already holds a good build, runs
``build.py build --format json`` and checks the exit code, each problem's code, line and
column, and that output/ is byte for byte what it was. Every case runs twice: with the parser
PyYAML has (libyaml where present) and with the pure-Python one.
"""

from __future__ import annotations

import errno
import io
import json
import os
import re
import shutil
from contextlib import redirect_stderr
from contextlib import redirect_stdout

import pytest
from conftest import POLICY
from conftest import ROOT
from conftest import snapshot

from seloste import load
from seloste.files import Tree
from seloste.problem import os_error_text
from seloste.validate import boolean_keys
from seloste.validate import schema

BASE = "layout: gdpr\nname: Testirekisteri\ncontroller:\n  name: Esimerkki Oy\n"
TARGET = "policy/testi.yaml"
KEPT = "output/ jätettiin ennalleen virheiden vuoksi\n"

BILLION_LAUGHS = (
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + "".join(f"{b}: &{b} [{', '.join(['*' + a] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi"))
)


def _block_nesting(depth: int) -> str:
    return "".join(" " * level + "k:\n" for level in range(depth)) + " " * depth + "k: arvo\n"


# (id, YAML or bytes of policy/testi.yaml, [(code, line, column)], words in the first message or hint)
CASES = [
    ("yaml syntax error", BASE.replace("name: Testirekisteri", "name: Huom: tärkeä"),
     [("Y001", 2, 11)], ["kaksoispiste", "lainausmerkkeihin"]),
    ("unclosed quote", BASE + 'data_subjects:\n  intro: "Asiakkaat\n',
     [("Y001", 7, 1)], ["lainausmerk"]),
    ("tab indentation", BASE.replace("  name: Esimerkki Oy", "\tname: Esimerkki Oy"),
     [("Y002", 4, 1)], ["sarkaimella"]),
    ("tab after spaces", BASE.replace("  name: Esimerkki Oy", "  \tname: Esimerkki Oy"),
     [("Y002", 4, 3)], ["sarkaimella"]),
    ("duplicate key at top level", BASE + "name: Toinen nimi\n",
     [("Y003", 5, 1)], ["'name'", "rivillä 2 sarakkeessa 1"]),
    ("duplicate key nested", BASE + "  name: Toinen Oy\n",
     [("Y003", 5, 3)], ["'name'", "rivillä 4 sarakkeessa 3"]),
    ("duplicate key quoted differently", BASE + '"layout": gdpr\n',
     [("Y003", 5, 1)], ["'layout'", "rivillä 1 sarakkeessa 1"]),
    ("unknown key with a suggestion", BASE + "  bussiness_id: 1234567-8\n",
     [("S101", 5, 3)], ["'bussiness_id'", "tarkoititko 'business_id'?"]),
    ("misspelt required key", BASE.replace("controller:", "contoller:"),
     [("S102", 1, 1), ("S101", 3, 1)], ["'controller'", "lisää rivi"]),
    ("wrong type", BASE.replace("name: Testirekisteri", "name: [Testi, rekisteri]"),
     [("S103", 2, 7)], ["tekstiä", "luettelo"]),
    ("mapping where text is expected", BASE + "  phone:\n    work: 040 123\n",
     [("S103", 6, 5)], ["tekstiä", "avain–arvo"]),
    ("missing required field", BASE.replace("name: Testirekisteri\n", ""),
     [("S102", 1, 1)], ["'name'"]),
    ("empty value", BASE.replace("name: Testirekisteri", "name:"),
     [("S106", 2, 6)], ["tyhjä"]),
    ("enum lists the allowed values", BASE.replace("layout: gdpr", "layout: gpdr"),
     [("S104", 1, 9)], ["gdpr, henkilotietolaki", "tarkoititko 'gdpr'?"]),
    ("empty file", b"", [("Y011", 1, 1)], ["tyhjä"]),
    ("only comments", "# yaml-language-server: $schema=../schema/register.schema.json\n\n# tyhjä\n",
     [("Y011", 1, 1)], ["tyhjä"]),
    ("top level is a list", "- layout: gdpr\n- name: Testi\n", [("Y012", 1, 1)], ["avain–arvo"]),
    ("top level is text", "Testirekisteri\n", [("Y012", 1, 1)], ["avain–arvo"]),
    ("two documents", BASE + "---\nname: Toinen\n", [("Y007", 5, 1)], ["'---'"]),
    ("alias bomb", BILLION_LAUGHS, [("Y004", 1, 4)], ["'&a'"]),
    ("alias", BASE + "data_subjects:\n  intro: *nimi\n", [("Y004", 6, 10)], ["'*nimi'"]),
    ("merge key", BASE + "dpo:\n  <<: {name: Tiina}\n", [("Y005", 6, 3)], ["'<<'"]),
    ("python object tag", BASE.replace("name: Testirekisteri", "name: !!python/object/apply:os.system [ls]"),
     [("Y006", 2, 7)], ["'!!python/object/apply:os.system'"]),
    ("custom tag", BASE.replace("name: Testirekisteri", "name: !foo Testirekisteri"),
     [("Y006", 2, 7)], ["'!foo'"]),
    ("str tag is refused too", BASE.replace("name: Testirekisteri", "name: !!str 00100"),
     [("Y006", 2, 7)], ["'!!str'"]),
    ("flow nesting bomb", "name: " + "[" * 100_000, [("Y008", 1, 47)], ["40"]),
    ("block nesting bomb", _block_nesting(5_000)[:900_000], [("Y008", 42, 42)], ["40"]),
    ("oversized file", BASE + "# " + "x" * (1024 * 1024) + "\n", [("Y009", 1, 1)], ["1048576"]),
    ("latin-1 bytes", BASE.replace("Testirekisteri", "Jäsenrekisteri").encode("latin-1"),
     [("Y010", 2, 8)], ["UTF-8", "0xE4", "20 tavua tiedoston alusta"]),
    ("utf-16 file", BASE.encode("utf-16"), [("Y010", 1, 1)], ["UTF-8", "0xFF"]),
    ("raw control character", BASE.replace("Testirekisteri", "Testi\x07rekisteri"),
     [("Y013", 2, 12)], ["U+0007"]),
    ("escaped control character", BASE.replace("name: Testirekisteri", 'name: "\\e[31mTesti"'),
     [("Y013", 2, 7)], ["U+001B"]),
    ("escaped lone surrogate", BASE.replace("name: Testirekisteri", 'name: "Testi\\ud800"'),
     [("Y013", 2, 7)], ["U+D800"]),
    ("a list as a key", BASE + "? [a, b]\n: c\n", [("Y001", 5, 3)], ["avaimen"]),
    ("a sub-item indented under an item", BASE + "data_subjects:\n  items:\n    - Asiakkaat\n      - Yritysasiakkaat\n",
     [("Y014", 8, 7)], ["jatkoksi", "samaan sisennykseen"]),
    ("a dash starting a line of an unquoted text", BASE + "data_subjects:\n  intro: Rekisteröidyt ovat\n    - asiakkaita\n",
     [("Y014", 7, 5)], ["viivalla"]),
    ("yes where a boolean is expected", BASE + "transfers:\n  none: yes\n",
     [("S103", 6, 9)], ["true tai false", "'yes'"]),
    ("quoted true where a boolean is expected", BASE + 'transfers:\n  none: "true"\n',
     [("S103", 6, 9)], ["ilman lainausmerkkejä"]),
    ("impossible date", BASE + "updated: 2024-02-30\n", [("S105", 5, 10)], ["'2024-02-30'"]),
    ("date in the Finnish way", BASE + "updated: 31.5.2024\n", [("S105", 5, 10)], ["VVVV-KK-PP", "2024-05-31"]),
    ("javascript link in a Markdown field", BASE + "  notes: Katso [ohje](javascript:alert(1)).\n",
     [("S107", 5, 10)], ["javascript:alert(1)"]),
    ("data link in a Markdown field", BASE + "data_subjects:\n  intro: '[kuva](data:text/html;base64,PHA+)'\n",
     [("S107", 6, 10)], ["data:text/html;base64,PHA+"]),
    ("javascript link in a Markdown field", BASE + "  notes: Katso [tästä](JavaScript:alert(1))\n",
     [("S107", 5, 10)], ["JavaScript:alert(1)"]),
    ("javascript website", BASE + "  website: javascript:alert(1)\n", [("S107", 5, 12)], ["https://"]),
    ("data website", BASE + "  website: data:text/html,moi\n", [("S107", 5, 12)], ["https://"]),
]

# (id, file name or None for policy/testi.yaml, code, words)
NAME_CASES = [
    ("register id with two dots", "testi..yaml", "F201", ["testi..yaml"]),
    ("register id with dots inside", "a..b.yaml", "F201", ["a..b.yaml"]),
    ("register id in uppercase", "Testi.yaml", "F201", ["Testi.yaml"]),
    ("register id with a space", "testi rekisteri.yaml", "F201", ["testi rekisteri.yaml"]),
    ("register id with an underscore", "testi_rekisteri.yaml", "F201", ["pienillä kirjaimilla"]),
]


@pytest.fixture(scope="module")
def built_project(tmp_path_factory):
    """A project whose output/ holds a good build of policy/."""
    from seloste.cli import main

    root = tmp_path_factory.mktemp("built")
    shutil.copytree(POLICY, root / "policy")
    with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
        code = main(["build", "--no-cache", "--policy", str(root / "policy"), "--output", str(root / "output")])
    assert code == 0
    return root


@pytest.fixture(params=["default parser", "pure-Python parser"])
def parser(request, monkeypatch):
    if request.param == "pure-Python parser":
        monkeypatch.setattr(load, "_Parser", load.PurePythonParser)
    return request.param


@pytest.fixture
def built(built_project, tmp_path, parser):
    """A fresh copy of the built project, and a snapshot of its output/."""
    shutil.copytree(built_project, tmp_path / "p")
    root = tmp_path / "p"
    return root, snapshot(root / "output")


def _build(run_cli, root, *extra):
    return run_cli("build", "--policy", "policy", "--output", "output", *extra, cwd=root)


def _found(result) -> list[tuple[str, str, int, int]]:
    return [(p["path"], p["code"], p["line"], p["column"]) for p in json.loads(result.stdout)]


@pytest.mark.parametrize("name,source,expected,words", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_reported_at_its_place_and_output_is_untouched(name, source, expected, words, built, run_cli):
    root, before = built
    (root / TARGET).write_bytes(source if isinstance(source, bytes) else source.encode("utf-8"))

    result = _build(run_cli, root, "--format", "json")

    assert (result.code, result.stderr) == (1, KEPT)
    assert _found(result) == [(TARGET, *problem) for problem in sorted(expected, key=lambda p: p[1:])]
    first = json.loads(result.stdout)[0]
    for word in words:
        assert word in first["message"] + " " + first["hint"]
    assert snapshot(root / "output") == before


@pytest.mark.parametrize("name,filename,code,words", NAME_CASES, ids=[c[0] for c in NAME_CASES])
def test_unsafe_register_ids_are_refused(name, filename, code, words, built, run_cli):
    root, before = built
    (root / "policy" / filename).write_text(BASE, encoding="utf-8")

    result = _build(run_cli, root, "--format", "json")

    assert (result.code, result.stderr) == (1, KEPT)
    assert _found(result) == [(f"policy/{filename}", code, 0, 0)]
    problem = json.loads(result.stdout)[0]
    for word in words:
        assert word in problem["message"] + " " + problem["hint"]
    assert snapshot(root / "output") == before


def test_a_policy_file_linked_from_outside_the_folder_is_refused(built, run_cli):
    root, before = built
    outside = root / "muualla.yaml"
    outside.write_text(BASE, encoding="utf-8")
    (root / "policy" / "linkki.yaml").symlink_to(outside)

    result = _build(run_cli, root, "--format", "json")

    assert (result.code, result.stderr) == (1, KEPT)
    assert _found(result) == [("policy/linkki.yaml", "F202", 0, 0)]
    assert snapshot(root / "output") == before


def test_a_link_inside_the_policy_folder_is_read(built, run_cli):
    root, _ = built
    (root / "policy" / "kopio.yaml").symlink_to("genetta-asiakasrekisteri.yaml")

    result = _build(run_cli, root, "--format", "json")

    assert (result.code, result.stdout) == (0, "[]\n")
    assert (root / "output" / "fi" / "kopio.txt").exists()


def test_every_problem_of_every_file_is_reported_sorted_by_place(built, run_cli):
    root, before = built
    (root / "policy" / "b.yaml").write_text(
        BASE.replace("layout: gdpr", "layout: gpdr") + "updated: 2024-13-01\n  # virhe\n", encoding="utf-8")
    (root / "policy" / "a.yaml").write_text(
        BASE + "transfers:\n  none: on\nname: Toinen\n", encoding="utf-8")
    (root / "policy" / "c.yaml").write_text("nimi: [\n", encoding="utf-8")

    result = _build(run_cli, root, "--format", "json")

    assert (result.code, result.stderr) == (1, KEPT)
    assert _found(result) == [
        ("policy/a.yaml", "S103", 6, 9),
        ("policy/a.yaml", "Y003", 7, 1),
        ("policy/b.yaml", "S104", 1, 9),
        ("policy/b.yaml", "S105", 5, 10),
        ("policy/c.yaml", "Y001", 2, 1),
    ]
    assert snapshot(root / "output") == before


def test_text_format_is_compiler_style_with_a_hint_line(built, run_cli):
    root, before = built
    (root / TARGET).write_text(BASE + "name: Toinen\n  bussiness_id: 1\n", encoding="utf-8")

    result = _build(run_cli, root, "--format", "text")

    assert result.code == 1
    assert result.stdout == (
        "policy/testi.yaml:5:1: error [Y003] avain 'name' toistuu; se on jo rivillä 2 sarakkeessa 1\n"
        "    hint: yhdistä arvot yhden avaimen alle; YAML ei salli samaa avainta kahdesti\n"
        "policy/testi.yaml:6:15: error [Y001] YAML-syntaksivirhe: kaksoispiste ja välilyönti aloittaisivat tässä "
        "uuden avaimen\n"
        "    hint: jos kaksoispiste kuuluu arvoon, laita koko arvo lainausmerkkeihin; muuten tarkista rivin sisennys\n"
    )
    assert result.stderr == KEPT + "2 virhettä, 0 varoitusta, 0 huomautusta\n"
    assert snapshot(root / "output") == before


def test_github_format_is_one_workflow_command_a_problem(built, run_cli):
    root, _ = built
    (root / TARGET).write_text(BASE + "  website: data:x,y\nupdated: 2024-02-30\n", encoding="utf-8")

    result = _build(run_cli, root, "--format", "github")

    assert result.code == 1
    assert result.stdout.splitlines() == [
        "::error file=policy/testi.yaml,line=5,col=12,title=S107::'data:x,y' ei ole verkko-osoite "
        "(kohdassa controller.website) (hint: verkko-osoite alkaa https:// tai http://)",
        "::error file=policy/testi.yaml,line=6,col=10,title=S105::'2024-02-30' ei ole olemassa oleva päivämäärä "
        "(kohdassa updated) (hint: kirjoita päivämäärä muodossa VVVV-KK-PP, esim. 2024-05-31)",
    ]
    assert result.stderr == KEPT + "2 virhettä, 0 varoitusta, 0 huomautusta\n"


def test_github_format_is_chosen_under_github_actions(built, run_cli, monkeypatch):
    root, _ = built
    (root / TARGET).write_bytes(b"")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    from seloste.cli import main

    out, err = io.StringIO(), io.StringIO()
    monkeypatch.chdir(root)
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["build", "--policy", "policy", "--output", "output"])
    assert code == 1
    assert out.getvalue() == (
        "::error file=policy/testi.yaml,line=1,col=1,title=Y011::tiedosto on tyhjä "
        "(hint: rekisterin kuvaus alkaa esimerkiksi riveillä 'layout:' ja 'name:')\n"
    )


def test_json_format_is_a_list_of_objects_with_every_field(built, run_cli):
    root, _ = built
    (root / TARGET).write_text(BASE.replace("layout: gdpr", "layout: gpdr"), encoding="utf-8")

    result = _build(run_cli, root, "--format", "json")

    assert result.code == 1
    assert json.loads(result.stdout) == [{
        "path": TARGET,
        "line": 1,
        "column": 9,
        "code": "S104",
        "level": "error",
        "message": "arvo 'gpdr' ei ole sallittu (kohdassa layout); sallitut arvot: gdpr, henkilotietolaki",
        "hint": "tarkoititko 'gdpr'?",
    }]


# Valid input that PyYAML's defaults would change: it must come out exactly as written.
KEPT_CASES = [
    # (id, YAML, text that must appear as a line of the .txt, JSON path, value)
    ("byte order mark", b"\xef\xbb\xbf" + BASE.encode(), "Testirekisteri", ("name",), "Testirekisteri"),
    ("postal code with leading zeros", BASE + "  postal_address: '00100'\n",
     "Postiosoite:\t00100", ("controller", "postal_address"), "00100"),
    ("postal code unquoted", BASE + "  postal_address: 00100\n",
     "Postiosoite:\t00100", ("controller", "postal_address"), "00100"),
    ("postal code that is a number", BASE + "  visiting_address: 80130\n",
     "Käyntiosoite:\t80130", ("controller", "visiting_address"), "80130"),
    ("no as text", BASE.replace("name: Testirekisteri", "name: no"), "no", ("name",), "no"),
    ("yes as text", BASE + "  visiting_address: yes\n", "Käyntiosoite:\tyes", ("controller", "visiting_address"), "yes"),
    ("on as text", BASE + "data_subjects:\n  items:\n    - on\n", "- on", ("data_subjects", "items", 0), "on"),
    ("version number", BASE.replace("name: Testirekisteri", "name: 1.10"), "1.10", ("name",), "1.10"),
    ("ISO date in a text field", BASE.replace("name: Testirekisteri", "name: 2024-05-31"),
     "2024-05-31", ("name",), "2024-05-31"),
    # (Plain text fields: a phone or a Y-tunnus written so would be validation's error, S125-S126.)
    ("octal-looking number", BASE + "  visiting_address: 0o17\n", "Käyntiosoite:\t0o17",
     ("controller", "visiting_address"), "0o17"),
    ("null and tilde as text", BASE + "  visiting_address: null\n  postal_address: ~\n",
     "Käyntiosoite:\tnull", ("controller", "postal_address"), "~"),
    ("float-like text", BASE + "  visiting_address: 1e3\n", "Käyntiosoite:\t1e3", ("controller", "visiting_address"), "1e3"),
    ("sexagesimal-looking text", BASE + "  visiting_address: 12:30\n", "Käyntiosoite:\t12:30",
     ("controller", "visiting_address"), "12:30"),
    ("escaped surrogate pair as JSON writes it", BASE.replace("name: Testirekisteri", 'name: "Testi \\ud83d\\ude00"'),
     "Testi \U0001F600", ("name",), "Testi \U0001F600"),
    ("Windows line ends", BASE.replace("\n", "\r\n"), "Testirekisteri", ("name",), "Testirekisteri"),
]


@pytest.mark.parametrize("name,source,line,path,value", KEPT_CASES, ids=[c[0] for c in KEPT_CASES])
def test_values_are_kept_exactly_as_written(name, source, line, path, value, built, run_cli):
    root, _ = built
    (root / TARGET).write_bytes(source if isinstance(source, bytes) else source.encode("utf-8"))

    result = _build(run_cli, root, "--format", "json")

    assert (result.code, result.stdout) == (0, "[]\n"), result.stdout
    assert line in (root / "output" / "fi" / "testi.txt").read_text(encoding="utf-8").split("\n")
    data = json.loads((root / "output" / "fi" / "testi.json").read_text(encoding="utf-8"))["register"]
    for part in path:
        data = data[part]
    assert data == value


def test_a_failed_write_leaves_output_as_it_was_and_no_temporary_files(built, run_cli, monkeypatch):
    root, before = built
    (root / "policy" / "uusi.yaml").write_text(BASE, encoding="utf-8")
    policy = root / "policy" / "genetta-asiakasrekisteri.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("Kontaktihistoria", "Yhteyshistoria"),
                      encoding="utf-8")
    real_write = Tree.write_temporary
    calls = []

    def failing_write(tree, folder, content, flush=True):
        calls.append(folder)
        if len(calls) == 3:
            raise OSError(28, "No space left on device", folder)
        return real_write(tree, folder, content, flush)

    monkeypatch.setattr(Tree, "write_temporary", failing_write)

    result = _build(run_cli, root, "--format", "json")

    assert result.code == 2
    assert "kirjoitettu" not in result.stderr
    problems = [p for p in json.loads(result.stdout) if p["path"].startswith("output/")]
    assert [(p["code"], p["line"], p["column"]) for p in problems] == [("W301", 0, 0)]
    assert problems[0]["message"] == "tulostiedostoa ei voi kirjoittaa: levy on täynnä"
    assert not problems[0]["path"].rsplit("/", 1)[-1].startswith(".")  # names the file, not the temporary one
    assert len(calls) == 3
    assert snapshot(root / "output") == before
    assert not (root / "output" / "fi" / "uusi.html").exists()
    leftovers = [p for p in (root / "output").rglob("*") if ".tmp-" in p.name]
    assert leftovers == []

    monkeypatch.setattr(Tree, "write_temporary", real_write)
    assert _build(run_cli, root).code == 0
    assert (root / "output" / "fi" / "uusi.html").exists()


def test_a_folder_where_a_file_goes_stops_the_build_before_anything_changes(built, run_cli):
    root, _ = built
    (root / "policy" / "uusi.yaml").write_text(BASE, encoding="utf-8")
    (root / "output" / "fi" / "uusi.md").mkdir()
    before = snapshot(root / "output")

    result = _build(run_cli, root, "--format", "json")

    assert result.code == 2
    problems = [p for p in json.loads(result.stdout) if p["path"].startswith("output/")]
    assert [(p["path"], p["code"], p["line"], p["column"]) for p in problems] == [("output/fi/uusi.md", "W301", 0, 0)]
    assert snapshot(root / "output") == before
    assert sorted(p.name for p in (root / "output" / "fi").iterdir() if p.name.startswith("uusi")) == ["uusi.md"]


@pytest.mark.parametrize("number,words", [
    (errno.ENOSPC, "levy on täynnä"),
    (errno.EACCES, "ei käyttöoikeutta"),
    (errno.EROFS, "levylle ei voi kirjoittaa"),
    (errno.EISDIR, "paikalla on kansio"),
    (errno.ENOENT, "tiedostoa tai kansiota ei ole"),
    (errno.EXDEV, os.strerror(errno.EXDEV)),
], ids=lambda value: errno.errorcode.get(value, value) if isinstance(value, int) else "")
def test_input_and_output_errors_are_told_in_finnish(number, words):
    assert os_error_text(OSError(number, os.strerror(number), "x")) == words


def test_a_key_is_boolean_everywhere_or_nowhere_in_the_schema():
    # The loader reads true/false as a boolean by the key's name alone.
    booleans = boolean_keys()

    def clashes(node):
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                branches = [sub, *sub.get("anyOf", [])] if isinstance(sub, dict) else []
                if name in booleans and not any(branch.get("type") == "boolean" for branch in branches):
                    yield name
            for value in node.values():
                yield from clashes(value)
        elif isinstance(node, list):
            for value in node:
                yield from clashes(value)

    assert booleans and list(clashes(schema())) == []


def test_an_alias_bomb_is_refused_before_anything_expands():
    # The loader stops at the first anchor, so the nine-fold nesting is never built.
    from seloste.load import load_text

    document, problems = load_text(BILLION_LAUGHS.encode(), "t.yaml")
    assert document is None
    assert [(p.code, p.line, p.column) for p in problems] == [("Y004", 1, 4)]


def test_the_nesting_bomb_neither_recurses_nor_crashes():
    from seloste.load import load_text

    for source in ("a: " + "[" * 100_000, "a: " + "{a: " * 50_000, _block_nesting(1_000)):
        document, problems = load_text(source.encode(), "t.yaml")
        assert document is None
        assert [p.code for p in problems] == ["Y008"]


def test_every_problem_code_is_documented_and_every_documented_code_is_used():
    used = set()
    for module in sorted((ROOT / "seloste").rglob("*.py")):
        used |= set(re.findall(r"\"([A-Z][0-9]{3})\"", module.read_text(encoding="utf-8")))
    documented = set(re.findall(r"^\| ([A-Z][0-9]{3}) \|", (ROOT / "docs" / "problem-codes.md").read_text(encoding="utf-8"),
                                re.MULTILINE))
    assert used == documented


def test_every_schema_keyword_has_a_finnish_message():
    # validate.py words each of these for people; a keyword added to the schema without a
    # translation would reach the editor as jsonschema's English (S199).
    translated = {"type", "enum", "required", "additionalProperties", "minLength", "minItems", "pattern",
                  "format", "anyOf", "oneOf", "x-markdown", "x-url", "uniqueItems"}
    structure = {"$schema", "$id", "$defs", "$ref", "title", "description", "properties", "items", "default",
                 "enumDescriptions",  # help for editors beside "enum", never an error
                 "x-translate",  # which texts a translation gives (seloste.translations), never an error
                 "examples", "$comment"}
    found = set()

    def walk(node, under_names=False):
        if isinstance(node, dict):
            for key, value in node.items():
                if not under_names:
                    found.add(key)
                walk(value, under_names=key in ("properties", "$defs") and not under_names)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema())
    assert found - structure <= translated
