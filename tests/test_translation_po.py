"""The translators' PO files: what an export holds, what an import writes, and what it refuses."""

from __future__ import annotations

import pytest
from conftest import snapshot
from translation_helpers import REGISTER
from translation_helpers import SWEDISH
from translation_helpers import policy
from translation_helpers import translation_yaml

from seloste import project
from seloste.translations import source_hash

HEADER = """\
# Tietosuojaselosteiden tekstit käännettäviksi: sv (ruotsi).
# msgctxt on rekisterin tunnus ja tekstin paikka rekisterissä, msgid suomenkielinen teksti.
# fuzzy: suomenkielinen teksti on muuttunut käännöksen jälkeen; tarkista käännös ja poista merkintä.
# Tuo käännökset: seloste translations import TIEDOSTO.po
msgid ""
msgstr ""
"Project-Id-Version: seloste\\n"
"Language: sv\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"X-Source-Language: fi\\n"
"""

EXPORTED = HEADER + """
#. Luku: Rekisterin nimi
#. Kenttä: Rekisterin nimi (yksi rivi)
#: policy/rek.yaml:3
msgctxt "rek:name"
msgid "Asiakasrekisteri"
msgstr "Kundregister"

#. Luku: Rekisterinpitäjä
#. Kenttä: Rekisterinpitäjä › Rekisterinpitäjän nimi (yksi rivi)
#: policy/rek.yaml:6
msgctxt "rek:controller.name"
msgid "Esimerkki Oy"
msgstr ""

#. Luku: Henkilötietojen käsittelyn tarkoitukset ja oikeusperusteet
#. Kenttä: Käsittelyn tarkoitukset › Johdanto (Markdown)
#: policy/rek.yaml:9
msgctxt "rek:purposes.intro"
msgid "Käsittelemme tietoja [verkkosivuillamme](https://esimerkki.fi) kerrotuin tavoin."
msgstr "Vi behandlar uppgifter så som vi berättar [på vår webbplats](https://esimerkki.fi)."

#. Luku: Henkilötietojen käsittelyn tarkoitukset ja oikeusperusteet
#. Kenttä: Käsittelyn tarkoitukset › Luettelo › kohta 1 › Tarkoitus (Markdown)
#: policy/rek.yaml:11
#, fuzzy
msgctxt "rek:purposes.items.0.text"
msgid "Asiakassuhteen hoitaminen"
msgstr "Skötsel av kundrelationen"

#. Luku: Henkilötietojen käsittelyn tarkoitukset ja oikeusperusteet
#. Kenttä: Käsittelyn tarkoitukset › Luettelo › kohta 2 (Markdown)
#: policy/rek.yaml:13
msgctxt "rek:purposes.items.1"
msgid "Suoramarkkinointi"
msgstr "Direktmarknadsföring"
"""


def _partly_translated(tmp_path):
    texts = {key: text for key, text in SWEDISH.items() if key != "controller.name"}
    return policy(tmp_path, sv=translation_yaml(texts, sources={"purposes.items.0.text": "Asiakassuhteen hoito"}))


def test_an_export_has_an_entry_a_text_with_its_place_its_finnish_and_its_translation(tmp_path, run_cli):
    _partly_translated(tmp_path)
    result = run_cli("translations", "export", "--language", "sv", cwd=tmp_path)
    assert result.code == 0
    assert result.stdout == EXPORTED
    assert result.stderr == "rek: 5 tekstiä, 1 kääntämättä, 1 muuttunut (fuzzy)\n"


def test_an_export_is_the_same_bytes_each_time_and_to_a_file_as_to_stdout(tmp_path, run_cli):
    _partly_translated(tmp_path)
    first = run_cli("translations", "export", "--language", "sv", cwd=tmp_path)
    result = run_cli("translations", "export", "--language", "sv", "--output", "sv.po", cwd=tmp_path)
    assert (result.code, result.stdout) == (0, "")
    assert (tmp_path / "sv.po").read_text(encoding="utf-8") == first.stdout


def test_an_export_takes_the_registers_that_list_the_language_or_those_named(tmp_path, run_cli):
    policy_dir = policy(tmp_path)
    (policy_dir / "muu.yaml").write_text(REGISTER.replace("languages: [fi, sv]\n", ""), encoding="utf-8")
    listed = run_cli("translations", "export", "--language", "sv", cwd=tmp_path)
    assert 'msgctxt "rek:name"' in listed.stdout and '"muu:' not in listed.stdout
    named = run_cli("translations", "export", "--language", "en", "policy/muu.yaml", cwd=tmp_path)
    assert named.code == 0
    assert 'msgctxt "muu:name"' in named.stdout and '"rek:' not in named.stdout
    assert '"Language: en\\n"' in named.stdout


def test_a_translation_whose_text_moved_is_exported_at_the_text_s_new_place(tmp_path, run_cli):
    register = REGISTER.replace("    - text: Asiakassuhteen hoitaminen", "    - Laskutus\n    - text: Asiakassuhteen hoitaminen")
    old = {"purposes.items.0.text": "Skötsel av kundrelationen", "purposes.items.1": "Direktmarknadsföring"}
    policy(tmp_path, register, sv=translation_yaml({**SWEDISH, **old}))
    exported = run_cli("translations", "export", "--language", "sv", "--output", "sv.po", cwd=tmp_path)
    assert exported.code == 0
    text = (tmp_path / "sv.po").read_text(encoding="utf-8")
    assert 'msgctxt "rek:purposes.items.0"\nmsgid "Laskutus"\nmsgstr ""' in text
    assert 'msgctxt "rek:purposes.items.1.text"\nmsgid "Asiakassuhteen hoitaminen"\nmsgstr "Skötsel av kundrelationen"' in text
    assert 'msgctxt "rek:purposes.items.2"\nmsgid "Suoramarkkinointi"\nmsgstr "Direktmarknadsföring"' in text
    (tmp_path / "sv.po").write_text(text.replace('msgid "Laskutus"\nmsgstr ""', 'msgid "Laskutus"\nmsgstr "Fakturering"'),
                                    encoding="utf-8")
    assert run_cli("translations", "import", "sv.po", cwd=tmp_path).code == 0
    result = run_cli("validate", cwd=tmp_path)
    assert (result.code, result.stdout) == (0, "")
    assert "purposes.items.0.text:" not in (tmp_path / "policy" / "rek.sv.yaml").read_text(encoding="utf-8")


def test_an_import_makes_the_translation_file_that_an_export_and_import_then_leave_byte_for_byte(tmp_path, run_cli):
    policy_dir = policy(tmp_path)
    exported = run_cli("translations", "export", "--language", "sv", cwd=tmp_path).stdout
    for key, text in SWEDISH.items():
        finnish = exported.split(f'msgctxt "rek:{key}"\n', 1)[1]
        exported = exported.replace(f'msgctxt "rek:{key}"\n' + finnish.split("msgstr")[0] + 'msgstr ""',
                                    f'msgctxt "rek:{key}"\n' + finnish.split("msgstr")[0] + f'msgstr "{text}"', 1)
    (tmp_path / "sv.po").write_text(exported, encoding="utf-8")
    result = run_cli("translations", "import", "sv.po", cwd=tmp_path)
    assert (result.code, result.stdout, result.stderr) == (0, "", "1 käännöstiedosto kirjoitettu, 0 ennallaan\n")
    written = (policy_dir / "rek.sv.yaml").read_bytes()
    assert written.decode("utf-8") == translation_yaml(SWEDISH)  # the shape legal staff write by hand
    assert run_cli("validate", cwd=tmp_path).code == 0
    before = snapshot(policy_dir)
    stat = (policy_dir / "rek.sv.yaml").stat()
    again = run_cli("translations", "export", "--language", "sv", cwd=tmp_path).stdout
    (tmp_path / "sv.po").write_text(again, encoding="utf-8")
    result = run_cli("translations", "import", "sv.po", cwd=tmp_path)
    assert (result.code, result.stderr) == (0, "0 käännöstiedostoa kirjoitettu, 1 ennallaan\n")
    assert snapshot(policy_dir) == before
    assert (policy_dir / "rek.sv.yaml").stat().st_mtime_ns == stat.st_mtime_ns
    assert run_cli("translations", "export", "--language", "sv", cwd=tmp_path).stdout == again


def test_an_import_keeps_the_file_s_order_and_comments_and_puts_a_new_text_after_the_one_before_it(tmp_path, run_cli):
    texts = {key: SWEDISH[key] for key in ("purposes.items.1", "name", "purposes.intro")}
    written = translation_yaml(texts).replace("language: sv\n", "# Tarkistanut: Kaisa\nlanguage: sv\n")
    policy_dir = policy(tmp_path, sv=written)
    (tmp_path / "sv.po").write_text(HEADER + '\nmsgctxt "rek:controller.name"\nmsgid "Esimerkki Oy"\nmsgstr "Exempel Ab"\n'
                                    '\nmsgctxt "rek:purposes.items.0.text"\nmsgid "Asiakassuhteen hoitaminen"\n'
                                    'msgstr "Skötsel"\n', encoding="utf-8")
    assert run_cli("translations", "import", "sv.po", cwd=tmp_path).code == 0
    text = (policy_dir / "rek.sv.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/translation.schema.json\n# Tarkistanut: Kaisa\n")
    keys = [line.strip().rstrip(":") for line in text.splitlines() if line.startswith("  ") and not line.startswith("    ")]
    assert keys == ["purposes.items.1", "name", "controller.name", "purposes.intro", "purposes.items.0.text"]


def test_an_imported_translation_names_the_finnish_text_the_translator_saw(tmp_path, run_cli):
    policy(tmp_path, sv=translation_yaml(SWEDISH))
    (tmp_path / "sv.po").write_text(HEADER + '\nmsgctxt "rek:name"\nmsgid "Vanha nimi"\nmsgstr "Gammalt namn"\n',
                                    encoding="utf-8")
    assert run_cli("translations", "import", "sv.po", cwd=tmp_path).code == 0
    registers, problems = project.load_registers(*[project.discover(tmp_path / "policy")[0]])
    assert registers[0].translations["sv"].entries["name"].source == source_hash("Vanha nimi")
    assert [p.code for p in problems] == ["T601"]


def test_a_fuzzy_entry_stays_stale_and_one_with_no_earlier_translation_is_not_taken(tmp_path, run_cli):
    stale = translation_yaml(SWEDISH, sources={"name": "Vanha nimi"})
    policy_dir = policy(tmp_path, sv=stale.replace("  controller.name:\n    source: c8f90250002a\n    text: Exempel Ab\n", ""))
    (tmp_path / "sv.po").write_text(HEADER + '\n#, fuzzy\nmsgctxt "rek:name"\nmsgid "Asiakasrekisteri"\n'
                                    'msgstr "Kundregistret"\n\n#, fuzzy\nmsgctxt "rek:controller.name"\n'
                                    'msgid "Esimerkki Oy"\nmsgstr "Exempel Ab"\n', encoding="utf-8")
    result = run_cli("translations", "import", "sv.po", cwd=tmp_path)
    assert result.code == 0
    assert result.stdout.startswith("sv.po:20:1: warning [T615]")
    [register], _ = project.load_registers(project.discover(policy_dir)[0])
    assert register.translations["sv"].entries["name"].text == "Kundregistret"
    assert register.translations["sv"].entries["name"].source == source_hash("Vanha nimi")
    assert "controller.name" not in register.translations["sv"].entries


def test_an_empty_translation_removes_the_one_at_its_path(tmp_path, run_cli):
    policy_dir = policy(tmp_path, sv=translation_yaml(SWEDISH))
    (tmp_path / "sv.po").write_text(HEADER + '\nmsgctxt "rek:name"\nmsgid "Asiakasrekisteri"\nmsgstr ""\n', encoding="utf-8")
    assert run_cli("translations", "import", "sv.po", cwd=tmp_path).code == 0
    assert "  name:" not in (policy_dir / "rek.sv.yaml").read_text(encoding="utf-8")


def test_a_text_of_several_lines_is_written_as_a_block_and_reads_back_the_same(tmp_path, run_cli):
    register = REGISTER.replace("  intro: Käsittelemme tietoja [verkkosivuillamme](https://esimerkki.fi) kerrotuin tavoin.",
                                "  intro: |-\n    Käsittelemme tietoja:\n    - verkossa\n    - paperilla")
    policy_dir = policy(tmp_path, register)
    (tmp_path / "sv.po").write_text(HEADER + '\nmsgctxt "rek:purposes.intro"\nmsgid ""\n"Käsittelemme tietoja:\\n"\n'
                                    '"- verkossa\\n"\n"- paperilla"\nmsgstr ""\n"Vi behandlar: \\"uppgifter\\"\\n"\n'
                                    '"- på nätet\\n"\n"- på papper"\n', encoding="utf-8")
    assert run_cli("translations", "import", "sv.po", cwd=tmp_path).code == 0
    text = (policy_dir / "rek.sv.yaml").read_text(encoding="utf-8")
    assert '    text: |-\n      Vi behandlar: "uppgifter"\n      - på nätet\n      - på papper\n' in text
    [register], _ = project.load_registers(project.discover(policy_dir)[0])
    assert register.translations["sv"].texts == {"purposes.intro": 'Vi behandlar: "uppgifter"\n- på nätet\n- på papper'}


ENTRY = '\nmsgctxt "rek:name"\nmsgid "Asiakasrekisteri"\nmsgstr "Kundregister"\n'
BROKEN = [
    ("an unterminated string", HEADER + '\nmsgctxt "rek:name"\nmsgid "Asiakasrekisteri\nmsgstr "Kundregister"\n'
     '\nmsgctxt "rek:controller.name"\nmsgid "Esimerkki Oy"\nmsgstr Exempel\n',
     [(15, 1, "T611"), (20, 1, "T611")]),
    ("a quote inside a string", HEADER + '\nmsgctxt "rek:name"\nmsgid "Asiakas"rekisteri"\nmsgstr ""\n', [(15, 1, "T611")]),
    ("a line of no PO", HEADER + "\nthis is not po\n", [(14, 1, "T611")]),
    ("entries out of order", HEADER + '\nmsgstr "x"\nmsgctxt "rek:name"\n', [(14, 1, "T611")]),
    ("not UTF-8", None, [(16, 19, "T611")]),
    ("plural forms", HEADER + '\nmsgctxt "rek:name"\nmsgid "a"\nmsgid_plural "b"\nmsgstr[0] "c"\n', [(14, 1, "T611")]),
    ("no language", HEADER.replace('"Language: sv\\n"\n', "") + ENTRY, [(1, 1, "T612")]),
    ("a language of no notice", HEADER.replace("Language: sv", "Language: de") + ENTRY, [(8, 1, "T612")]),
    ("another charset", HEADER.replace("charset=UTF-8", "charset=ISO-8859-1") + ENTRY, [(10, 1, "T611")]),
    ("unknown register and path, no context, twice", HEADER + '\nmsgctxt "rekk:name"\nmsgid "a"\nmsgstr "b"\n'
     '\nmsgctxt "rek:purposes.items.0.txt"\nmsgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "b"\n' + ENTRY + ENTRY,
     [(14, 1, "T613"), (18, 1, "T604"), (22, 1, "T613"), (29, 1, "T614")]),
    ("an unsafe link and a line break in a one-line text", HEADER +
     '\nmsgctxt "rek:purposes.intro"\nmsgid "x"\nmsgstr "[här](javascript:alert)"\n'
     '\nmsgctxt "rek:name"\nmsgid "Asiakasrekisteri"\nmsgstr "Kund\\nregister"\n',
     [(16, 1, "S107"), (20, 1, "S108")]),
    ("a control character", HEADER + '\nmsgctxt "rek:name"\nmsgid "a"\nmsgstr "\x07"\n', [(16, 1, "T611")]),
]


@pytest.mark.parametrize("name, content, expected", BROKEN, ids=[case[0] for case in BROKEN])
def test_a_po_file_with_problems_reports_each_at_its_line_and_changes_nothing(tmp_path, run_cli, name, content, expected):
    policy_dir = policy(tmp_path, sv=translation_yaml({"name": "Kundregister"}))
    source = content.encode("utf-8") if content is not None else (HEADER + ENTRY).encode("utf-8").replace(
        b"Kundregister", b"Kundregist\xe4r")
    (tmp_path / "sv.po").write_bytes(source)
    before = snapshot(policy_dir)
    result = run_cli("translations", "import", "sv.po", "--format", "json", cwd=tmp_path)
    import json

    found = json.loads(result.stdout)
    assert [(p["line"], p["column"], p["code"]) for p in found] == expected
    assert all(p["path"] == "sv.po" for p in found)
    assert result.code == 1
    assert "käännöstiedostoja ei muutettu" in result.stderr
    assert snapshot(policy_dir) == before


def test_an_entry_for_a_register_that_does_not_load_is_refused_and_nothing_changes(tmp_path, run_cli):
    policy_dir = policy(tmp_path, sv=translation_yaml({"name": "Kundregister"}))
    (policy_dir / "muu.yaml").write_text("layout: gdpr\n", encoding="utf-8")
    (tmp_path / "sv.po").write_text(HEADER + '\nmsgctxt "muu:name"\nmsgid "a"\nmsgstr "b"\n' + ENTRY.replace(
        "Kundregister", "Kundregistret"), encoding="utf-8")
    before = snapshot(policy_dir)
    result = run_cli("translations", "import", "sv.po", cwd=tmp_path)
    assert result.code == 1
    assert "[T613] rekisteri 'muu' ei kelpaa" in result.stdout and "seloste validate" in result.stdout
    assert snapshot(policy_dir) == before


def test_a_translation_file_that_does_not_load_is_not_replaced(tmp_path, run_cli):
    policy_dir = policy(tmp_path, sv="language: sv\ntexts:\n  name: [\n")
    (tmp_path / "sv.po").write_text(HEADER + ENTRY, encoding="utf-8")
    before = snapshot(policy_dir)
    result = run_cli("translations", "import", "sv.po", cwd=tmp_path)
    assert result.code == 1
    assert "policy/rek.sv.yaml:" in result.stdout and "[Y001]" in result.stdout
    assert snapshot(policy_dir) == before


def test_an_export_refuses_while_a_register_does_not_load(tmp_path, run_cli):
    policy(tmp_path, REGISTER.replace("layout: gdpr", "layout: gpdr"))
    result = run_cli("translations", "export", "--language", "sv", cwd=tmp_path)
    assert (result.code, result.stdout) == (1, "")
    assert "[S104]" in result.stderr


@pytest.mark.parametrize("args", [
    ("translations",),
    ("translations", "export"),
    ("translations", "export", "--language", "fi"),
], ids=["no action", "no language", "the register's own language"])
def test_a_command_line_that_is_not_understood_exits_2(tmp_path, run_cli, args):
    policy(tmp_path)
    with pytest.raises(SystemExit) as exited:
        run_cli(*args, cwd=tmp_path)
    assert exited.value.code == 2


@pytest.mark.parametrize("args, code", [
    (("translations", "import", "puuttuu.po"), "T617"),
    (("translations", "import", "policy"), "T617"),
    (("translations", "export", "--language", "sv", "--output", "puuttuva-kansio/sv.po"), "T616"),
], ids=["no such PO file", "a folder", "an output folder that is not there"])
def test_a_file_that_cannot_be_read_or_written_exits_2(tmp_path, run_cli, args, code):
    policy(tmp_path)
    before = snapshot(tmp_path / "policy")
    result = run_cli(*args, cwd=tmp_path)
    assert result.code == 2
    assert f"[{code}]" in result.stdout + result.stderr
    assert snapshot(tmp_path / "policy") == before


def test_exit_codes_0_for_a_clean_exchange_and_1_for_problems(tmp_path, run_cli):
    policy(tmp_path, sv=translation_yaml(SWEDISH))
    assert run_cli("translations", "export", "--language", "sv", "--output", "sv.po", cwd=tmp_path).code == 0
    assert run_cli("translations", "import", "sv.po", cwd=tmp_path).code == 0
    (tmp_path / "sv.po").write_text(HEADER + '\nmsgctxt "rek:nimi"\nmsgid "a"\nmsgstr "b"\n', encoding="utf-8")
    assert run_cli("translations", "import", "sv.po", cwd=tmp_path).code == 1


def test_a_po_file_written_by_polib_s_own_writer_is_read_back(tmp_path, run_cli):
    import polib

    policy_dir = policy(tmp_path)
    catalog = polib.POFile()
    catalog.metadata = {"Language": "sv", "Content-Type": "text/plain; charset=UTF-8"}
    for key, text in SWEDISH.items():
        finnish = dict(zip(SWEDISH, ("Asiakasrekisteri", "Esimerkki Oy", None, "Asiakassuhteen hoitaminen",
                                     "Suoramarkkinointi")))[key]
        if finnish:
            catalog.append(polib.POEntry(msgctxt=f"rek:{key}", msgid=finnish, msgstr=text))
    catalog.save(str(tmp_path / "sv.po"))
    assert run_cli("translations", "import", "sv.po", cwd=tmp_path).code == 0
    [register], problems = project.load_registers(project.discover(policy_dir)[0])
    assert [p.code for p in problems] == ["T602"]
    assert len(register.translations["sv"].entries) == 4
