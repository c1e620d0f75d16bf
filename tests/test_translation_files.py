"""Translation files beside their register: found, loaded with positions, checked, each problem at its place."""

from __future__ import annotations

import shutil

import pytest
from conftest import POLICY
from translation_helpers import FINNISH
from translation_helpers import REGISTER
from translation_helpers import SWEDISH
from translation_helpers import policy
from translation_helpers import translation_yaml

from seloste import project
from seloste.translations import TranslationDocument
from seloste.translations import source_hash
from seloste.translations import translation_of


def _load(policy_dir):
    paths, problems = project.discover(policy_dir)
    registers, found = project.load_registers(paths, policy_dir)
    return registers, problems + found


def _found(problems) -> list:
    return [(p.path.rsplit("/", 1)[-1], p.line, p.column, p.code, p.level) for p in sorted(problems)]


@pytest.mark.parametrize("name, expected", [
    ("asiakasrekisteri.sv.yaml", ("asiakasrekisteri", "sv")),
    ("asiakasrekisteri.en.yml", ("asiakasrekisteri", "en")),
    ("a-1.sv.yaml", ("a-1", "sv")),
    ("asiakasrekisteri.yaml", None),
    ("asiakasrekisteri.fi.yaml", None),  # the register's own language is the register
    ("asiakasrekisteri.de.yaml", None),  # no notice is published in German
    ("Asiakasrekisteri.sv.yaml", None),
    (".sv.yaml", None),
    ("asiakasrekisteri.sv.json", None),
])
def test_a_translation_file_is_named_by_its_register_and_language(name, expected):
    assert translation_of(name) == expected


def test_each_valid_register_is_given_its_translations_read_only(tmp_path):
    policy_dir = policy(tmp_path, sv=translation_yaml(SWEDISH))
    registers, problems = _load(policy_dir)
    assert problems == []
    [register] = registers
    translation = register.translations["sv"]
    assert isinstance(translation, TranslationDocument)
    assert (translation.register_id, translation.language) == ("rek", "sv")
    assert translation.texts == SWEDISH
    assert translation.entries["name"].source == source_hash("Asiakasrekisteri")
    with pytest.raises(TypeError):
        register.translations["en"] = translation
    with pytest.raises(TypeError):
        translation.entries["name"] = None


def test_every_value_of_a_translation_file_has_its_line_and_column(tmp_path):
    policy_dir = policy(tmp_path, sv=translation_yaml(SWEDISH))
    [register], _ = _load(policy_dir)
    translation = register.translations["sv"]
    assert translation.position("name") == (4, 3)
    assert translation.position("name", "source") == (5, 13)
    assert translation.position("name", "text") == (6, 11)
    assert translation.position("purposes.items.1", "text") == (18, 11)


def test_registers_without_languages_or_translations_load_as_before():
    registers, problems = _load(POLICY)
    assert [p for p in problems if p.code.startswith("T")] == []
    by_id = {register.id: register for register in registers}
    assert by_id["genetta-asiakasrekisteri"].translations == {}  # the seed: Finnish only, as it was
    assert sorted(by_id["esimerkki-rekrytointirekisteri"].translations) == ["en", "sv"]


def test_a_stale_translation_is_a_warning_at_its_source_with_the_new_hash_and_how_to_see_the_change(tmp_path):
    stale = translation_yaml(SWEDISH, sources={"purposes.items.0.text": "Asiakassuhteen hoito"})
    _, problems = _load(policy(tmp_path, sv=stale))
    assert _found(problems) == [("rek.sv.yaml", 14, 13, "T601", "warning")]
    assert "purposes.items.0.text" in problems[0].message
    assert source_hash("Asiakassuhteen hoitaminen") in problems[0].hint
    assert "git log -p -- " in problems[0].hint and "rek.yaml" in problems[0].hint


def test_a_text_without_a_translation_is_an_error_at_the_text_in_the_register(tmp_path):
    partial = {key: text for key, text in SWEDISH.items() if key not in ("controller.name", "purposes.items.1")}
    _, problems = _load(policy(tmp_path, sv=translation_yaml(partial)))
    assert _found(problems) == [("rek.yaml", 6, 9, "T602", "error"), ("rek.yaml", 13, 7, "T602", "error")]
    assert "controller.name" in problems[0].message and "sv (ruotsi)" in problems[0].message
    assert "translations export --language sv" in problems[0].hint


def test_a_listed_language_without_a_translation_file_is_an_error_at_the_language(tmp_path):
    _, problems = _load(policy(tmp_path, REGISTER.replace("[fi, sv]", "[fi, sv, en]"), sv=translation_yaml(SWEDISH)))
    assert _found(problems) == [("rek.yaml", 4, 21, "T603", "error")]
    assert "rek.en.yaml" in problems[0].message


def test_a_translation_of_no_text_is_an_error_with_the_nearest_path(tmp_path):
    texts = {**SWEDISH, "purposes.items.0.txt": "Skötsel", "controller.business_id": "1234567-8",
             "retention.items.0": "Ett år"}
    _, problems = _load(policy(tmp_path, sv=translation_yaml(texts, sources={"purposes.items.0.txt": "x",
                                                                                "controller.business_id": "y",
                                                                                "retention.items.0": "z"})))
    assert _found(problems) == [("rek.sv.yaml", 19, 3, "T604", "error"), ("rek.sv.yaml", 22, 3, "T604", "error"),
                                ("rek.sv.yaml", 25, 3, "T604", "error")]
    assert "tarkoititko 'purposes.items.0.text'?" in problems[0].hint
    assert "controller.business_id" in problems[1].message
    assert "poista käännös" in problems[2].hint


def test_a_translation_whose_text_moved_names_the_path_it_is_at_now(tmp_path):
    # An item inserted before the others: each translation's text is one place further on.
    register = REGISTER.replace("    - text: Asiakassuhteen hoitaminen", "    - Laskutus\n    - text: Asiakassuhteen hoitaminen")
    old = {"purposes.items.0.text": "Skötsel av kundrelationen", "purposes.items.1": "Direktmarknadsföring"}
    texts = {key: text for key, text in SWEDISH.items() if key not in old} | old
    _, problems = _load(policy(tmp_path, register, sv=translation_yaml(texts)))
    assert _found(problems) == [("rek.sv.yaml", 13, 3, "T605", "error"), ("rek.sv.yaml", 16, 3, "T605", "error"),
                                ("rek.yaml", 11, 7, "T602", "error")]
    assert "purposes.items.1.text" in problems[0].message and "purposes.items.1.text" in problems[0].hint
    assert "purposes.items.2" in problems[1].hint
    assert "purposes.items.0" in problems[2].message


def test_a_translation_of_a_language_the_register_does_not_list_is_a_warning(tmp_path):
    _, problems = _load(policy(tmp_path, sv=translation_yaml(SWEDISH), en=translation_yaml(SWEDISH, "en")))
    assert _found(problems) == [("rek.en.yaml", 2, 11, "T606", "warning")]


def test_a_translation_of_a_register_that_does_not_exist_is_an_error(tmp_path):
    policy_dir = policy(tmp_path, sv=translation_yaml(SWEDISH))
    (policy_dir / "rekk.sv.yaml").write_text(translation_yaml(SWEDISH), encoding="utf-8")
    (policy_dir / "muu.en.yaml").write_text(translation_yaml(SWEDISH, "en"), encoding="utf-8")
    _, problems = _load(policy_dir)
    assert _found(problems) == [("muu.en.yaml", 0, 0, "T607", "error"), ("rekk.sv.yaml", 0, 0, "T607", "error")]
    assert "tarkoititko 'rek'?" in problems[1].hint


def test_a_translation_of_an_invalid_register_is_not_judged_against_it(tmp_path):
    _, problems = _load(policy(tmp_path, REGISTER.replace("layout: gdpr", "layout: gpdr"), sv="language: sv\n"))
    assert [p.code for p in problems] == ["S104", "S102"]


def test_the_language_written_in_the_file_is_the_one_its_name_gives(tmp_path):
    _, problems = _load(policy(tmp_path, sv=translation_yaml(SWEDISH, "en")))
    assert _found(problems) == [("rek.sv.yaml", 2, 11, "T608", "error")]
    assert "rek.en.yaml" in problems[0].hint


def test_two_files_for_one_language_are_an_error(tmp_path):
    policy_dir = policy(tmp_path, sv=translation_yaml(SWEDISH))
    shutil.copy(policy_dir / "rek.sv.yaml", policy_dir / "rek.sv.yml")
    _, problems = _load(policy_dir)
    assert _found(problems) == [("rek.sv.yml", 0, 0, "T609", "error")]


@pytest.mark.parametrize("text, expected", [
    ("language: sv\ntexts:\n  name:\n    source: 12345\n    text: Kundregister\n", [(4, 13, "T610")]),
    ("language: sv\ntexts:\n  name:\n    sorce: dcecda984d93\n    text: Kundregister\n",
     [(3, 3, "S102"), (4, 5, "S101")]),
    ("language: sv\n", [(1, 1, "S102")]),
    ("language: de\ntexts: {}\n", [(1, 11, "S104")]),
    ("language: sv\ntexts:\n  name: Kundregister\n", [(3, 9, "S103")]),
    ("language: sv\ntexts:\n  name:\n    source: dcecda984d93\n    text: ''\n", [(5, 11, "S106")]),
    ("language: sv\nlanguage: sv\ntexts: {}\n", [(2, 1, "Y003")]),
    ("language: sv\ntexts: {name: &a {source: dcecda984d93, text: x}}\n", [(2, 15, "Y004")]),
], ids=["short source", "misspelt key", "no texts", "unknown language", "a text without its source",
        "empty translation", "duplicate key", "anchor"])
def test_a_translation_file_is_read_as_strictly_as_a_register(tmp_path, text, expected):
    _, problems = _load(policy(tmp_path, REGISTER.replace("[fi, sv]", "[fi]"), sv=text))
    assert [(p.line, p.column, p.code) for p in problems if p.path.endswith("rek.sv.yaml")] == expected


def test_markdown_and_links_of_a_translation_are_checked_as_the_finnish_text_s_at_its_line(tmp_path):
    texts = {**SWEDISH, "purposes.intro": "Se [webbplatsen](javascript:alert)", "name": '"Kund\\nregister"'}
    _, problems = _load(policy(tmp_path, sv=translation_yaml(texts)))
    assert _found(problems) == [("rek.sv.yaml", 6, 11, "S108", "error"), ("rek.sv.yaml", 12, 11, "S107", "error")]
    assert "javascript:alert" in problems[1].message


def test_every_problem_of_every_translation_is_reported_in_one_run(tmp_path):
    texts = {"name": "Kundregister", "purposes.intro": "'[x](javascript:y)'", "purposes.items.7": "Ny"}
    policy_dir = policy(tmp_path, REGISTER.replace("[fi, sv]", "[fi, sv, en]"),
                        sv=translation_yaml(texts, sources={"name": "Vanha nimi", "purposes.items.7": "z"}),
                        en=translation_yaml({"name": "Customer register"}, "en"))
    (policy_dir / "orpo.sv.yaml").write_text("language: sv\n", encoding="utf-8")
    _, problems = _load(policy_dir)
    assert sorted({p.code for p in problems}) == ["S107", "T601", "T602", "T604", "T607"]
    assert len([p for p in problems if p.code == "T602"]) == 3 + 4  # sv: 3 texts, en: 4


def test_a_register_named_on_the_command_line_is_checked_with_its_translations(tmp_path, run_cli):
    policy_dir = policy(tmp_path, sv=translation_yaml({"name": "Kundregister"}))
    for named in ("policy/rek.yaml", "policy/rek.sv.yaml"):
        result = run_cli("validate", named, cwd=tmp_path)
        assert result.code == 1
        assert [line.split(" [")[1].split("]")[0] for line in result.stdout.splitlines()
                if not line.startswith("    ")] == ["T602"] * 4, named
    (policy_dir / "rek.sv.yaml").write_text(translation_yaml(SWEDISH), encoding="utf-8")
    result = run_cli("validate", "policy/rek.sv.yaml", cwd=tmp_path)
    assert (result.code, result.stdout) == (0, "")
    assert "1 rekisteri, ei virheitä" in result.stderr


def test_a_stale_translation_does_not_stop_the_build_and_a_missing_one_does(tmp_path, run_cli):
    stale = translation_yaml(SWEDISH, sources={"name": "Vanha nimi"})
    policy(tmp_path, sv=stale)
    (tmp_path / "output").mkdir()
    result = run_cli("build", "--no-cache", cwd=tmp_path)
    assert result.code == 0, result.stdout
    assert "[T601]" in result.stdout
    assert (tmp_path / "output" / "fi" / "rek.html").exists()
    policy(tmp_path, sv=translation_yaml({"name": "Kundregister"}))
    result = run_cli("build", "--no-cache", cwd=tmp_path)
    assert result.code == 1
    assert "output/ jätettiin ennalleen" in result.stderr


def test_diff_does_not_repeat_the_problems_of_translations(tmp_path, run_cli):
    from conftest import commit
    from conftest import git

    policy(tmp_path, sv=translation_yaml({"name": "Kundregister"}))
    git(tmp_path, "init", "-q")
    commit(tmp_path, "alku")
    result = run_cli("diff", cwd=tmp_path)
    assert result.code == 0
    assert "T60" not in result.stdout + result.stderr and "F201" not in result.stdout + result.stderr


def test_textconv_shows_a_translation_file_as_it_is(tmp_path, run_cli):
    text = translation_yaml(SWEDISH)
    policy(tmp_path, sv=text)
    result = run_cli("textconv", "policy/rek.sv.yaml", cwd=tmp_path)
    assert (result.code, result.stdout, result.stderr) == (0, text, "")


def test_the_finnish_text_is_the_source_every_hash_names():
    assert source_hash(FINNISH["purposes.items.1"]) == source_hash("Suoramarkkinointi")


def test_the_translation_schema_is_valid_with_finnish_help_and_the_register_s_languages():
    import jsonschema

    from seloste.resources import translation_languages
    from seloste.resources import translation_schema

    jsonschema.Draft202012Validator.check_schema(translation_schema())
    assert translation_schema()["properties"]["language"]["enum"] == list(translation_languages()) == ["sv", "en"]
    nodes = [translation_schema(), *translation_schema()["properties"].values(),
             *translation_schema()["$defs"]["translation"]["properties"].values()]
    assert all(node.get("title") and node.get("description") for node in nodes)


@pytest.mark.parametrize("name", ["rek.de.yaml", "rek.fi.yaml"])
def test_a_file_named_as_a_translation_into_no_translation_language_says_which_there_are(tmp_path, name):
    policy_dir = policy(tmp_path, sv=translation_yaml(SWEDISH))
    (policy_dir / name).write_text(translation_yaml(SWEDISH), encoding="utf-8")
    _, problems = _load(policy_dir)
    assert _found(problems) == [(name, 0, 0, "F201", "error")]
    assert "(sv, en)" in problems[0].hint and "rek.sv.yaml" in problems[0].hint


def test_a_phone_s_note_must_be_translated_and_its_translation_is_checked_as_a_phone(tmp_path):
    register = REGISTER.replace("  business_id: 2695377-4\n", "  business_id: 2695377-4\n  phone: 09 123 4500 (vaihde)\n")
    _, problems = _load(policy(tmp_path, register, sv=translation_yaml(SWEDISH)))
    assert _found(problems) == [("rek.yaml", 8, 10, "T602", "error")]
    assert "controller.phone" in problems[0].message
    texts = {**SWEDISH, "controller.phone": "växel 2"}  # a note has no digits
    _, problems = _load(policy(tmp_path, register, sv=translation_yaml(texts, sources={"controller.phone": "vaihde"})))
    assert sorted((p.path.rsplit("/", 1)[-1], p.code) for p in problems) == [("rek.sv.yaml", "S125"),
                                                                            ("rek.sv.yaml", "T618")]
    texts = {**SWEDISH, "controller.phone": "växel"}
    registers, problems = _load(policy(tmp_path, register, sv=translation_yaml(texts, sources={"controller.phone": "vaihde"})))
    assert problems == []
    from seloste.languages import notices
    from seloste.render import render_text

    swedish = render_text(notices(registers[0])[1][0]).decode()
    assert "09 123 4500 (växel)" in swedish and "vaihde" not in swedish
