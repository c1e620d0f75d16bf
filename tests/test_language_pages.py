"""Pages in several languages: hreflang alternates, the language switch and an index per language."""

from __future__ import annotations

import dataclasses

from conftest import POLICY

from seloste import project
from seloste.notice import build_notice
from seloste.render import render_html
from seloste.render import render_indexes

EXAMPLE = POLICY / "esimerkki-rekrytointirekisteri.yaml"
ALL = (("fi", "suomi"), ("sv", "svenska"), ("en", "English"))


def _notice(language, languages=ALL):
    register, _ = project.load_register(EXAMPLE)
    return dataclasses.replace(build_notice(register.id, register.data, language), languages=languages)


def test_a_page_names_each_of_its_languages_and_switches_between_them():
    page = render_html(_notice("sv")).decode()
    for code in ("fi", "sv", "en"):
        assert f'<link rel="alternate" hreflang="{code}" href="../{code}/esimerkki-rekrytointirekisteri.html">' in page
    assert '<html lang="sv">' in page
    assert '<strong aria-current="page" lang="sv">svenska</strong>' in page
    assert '<a href="../en/esimerkki-rekrytointirekisteri.html" hreflang="en" lang="en">English</a>' in page
    assert '<a href="index.html">' in page  # the Swedish index, beside the Swedish pages


def test_a_page_in_one_language_has_no_switch():
    page = render_html(_notice("fi", ())).decode()
    assert "hreflang" not in page and 'class="languages"' not in page
    assert '<a href="../index.html">' in page


def test_each_language_has_its_index_linking_to_its_notices_and_the_other_indexes():
    entries = [_notice(code).index_entry() for code in ("fi", "sv")]
    pages = {path: page.decode() for path, page in render_indexes(entries).items()}
    assert sorted(pages) == ["index.html", "sv/index.html"]
    assert 'href="fi/esimerkki-rekrytointirekisteri.html"' in pages["index.html"]
    assert 'href="../sv/esimerkki-rekrytointirekisteri.html"' in pages["sv/index.html"]
    assert '<html lang="sv">' in pages["sv/index.html"]
    assert '<link rel="alternate" hreflang="sv" href="sv/index.html">' in pages["index.html"]
    assert '<a href="../index.html" hreflang="fi" lang="fi">suomi</a>' in pages["sv/index.html"]


def test_a_finnish_only_site_has_its_one_index_as_before():
    pages = render_indexes([_notice("fi", ()).index_entry()])
    assert list(pages) == ["index.html"] and b"hreflang" not in pages["index.html"]


# --- the bilingual fixture: a stale translation, and what a missing one does -----------------

import re  # noqa: E402
import shutil  # noqa: E402

from conftest import FIXTURES  # noqa: E402

BILINGUAL = FIXTURES / "kaksikielinen-kunta.yaml"


def test_a_stale_translation_is_a_warning_at_its_line_and_still_published(run_cli, tmp_path):
    policy = tmp_path / "policy"
    policy.mkdir()
    for name in ("kaksikielinen-kunta.yaml", "kaksikielinen-kunta.sv.yaml"):
        shutil.copy(FIXTURES / name, policy / name)
    result = run_cli("validate", cwd=tmp_path)
    assert result.code == 0
    stale = [line for line in result.stdout.splitlines() if "[T601]" in line]
    assert len(stale) == 1 and stale[0].startswith("policy/kaksikielinen-kunta.sv.yaml:")
    assert "retention.items.0.period" in stale[0]
    built = run_cli("build", cwd=tmp_path)
    assert built.code == 0
    swedish = (tmp_path / "output" / "sv" / "kaksikielinen-kunta.txt").read_text(encoding="utf-8")
    assert "tre år efter det senaste lånet" in swedish and "Lagringstid" in swedish
    assert (tmp_path / "output" / "sv" / "index.html").is_file()


def test_a_missing_translation_stops_the_build_and_leaves_output_as_it_was(run_cli, tmp_path):
    policy = tmp_path / "policy"
    policy.mkdir()
    shutil.copy(BILINGUAL, policy / BILINGUAL.name)
    translation = (FIXTURES / "kaksikielinen-kunta.sv.yaml").read_text(encoding="utf-8")
    without = re.sub(r"  data_categories\.items\.1:\n    source: \w+\n    text: [^\n]*\n", "", translation)
    assert without != translation
    (policy / "kaksikielinen-kunta.sv.yaml").write_text(without, encoding="utf-8")
    (tmp_path / "output").mkdir()
    result = run_cli("build", cwd=tmp_path)
    assert result.code == 1
    assert "[T602]" in result.stdout and "data_categories" in result.stdout
    assert list((tmp_path / "output").iterdir()) == []  # no page shows Finnish in place of Swedish


def test_lint_reads_the_words_of_each_translation_at_their_line(run_cli, tmp_path):
    policy = tmp_path / "policy"
    policy.mkdir()
    shutil.copy(BILINGUAL, policy / BILINGUAL.name)
    translation = (FIXTURES / "kaksikielinen-kunta.sv.yaml").read_text(encoding="utf-8")
    changed = translation.replace("text: Indrivning av förseningsavgifter",
                                  "text: Indrivning av förseningsavgifter enligt personuppgiftslagen")
    assert changed != translation
    (policy / "kaksikielinen-kunta.sv.yaml").write_text(changed, encoding="utf-8")
    line = changed.splitlines().index("    text: Indrivning av förseningsavgifter enligt personuppgiftslagen") + 1
    result = run_cli("lint", cwd=tmp_path)
    repealed = [row for row in result.stdout.splitlines() if "[FI-REPEALED-LAW]" in row]
    assert repealed == [row for row in repealed if row.startswith(f"policy/kaksikielinen-kunta.sv.yaml:{line}:")]
    assert len(repealed) == 1 and "personuppgiftslagen" in repealed[0]
    # the facts are the register's, checked once: no rule about them speaks of the translation
    assert not [row for row in result.stdout.splitlines()
                if row.startswith("policy/kaksikielinen-kunta.sv.yaml") and "GDPR-13" in row]


def test_diff_names_a_translation_that_a_finnish_change_left_behind(run_cli, tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    for folder in (old, new):
        folder.mkdir()
        shutil.copy(FIXTURES / "kaksikielinen-kunta.sv.yaml", folder / "kaksikielinen-kunta.sv.yaml")
    finnish = BILINGUAL.read_text(encoding="utf-8")
    # the translation was made of the period as it was; the new version changes the period again
    (old / BILINGUAL.name).write_text(finnish.replace("lainasta tai maksusta", "lainasta"), encoding="utf-8")
    (new / BILINGUAL.name).write_text(finnish.replace("lainasta tai maksusta", "lainasta tai palautuksesta"),
                                      encoding="utf-8")
    result = run_cli("diff", "--format", "json", str(old), str(new), cwd=tmp_path)
    import json

    report = json.loads(result.stdout)
    changes = [change for register in report["registers"] for change in register["changes"]]
    behind = [change for change in changes if change["rule"] == "translations.left_behind.changed"]
    assert len(behind) == 1 and behind[0]["class"] == "material"
    assert behind[0]["name"] == "sv: retention.items.0.period"
    # a Finnish change whose translation was updated too leaves nothing behind
    (old / BILINGUAL.name).write_text(finnish, encoding="utf-8")
    again = json.loads(run_cli("diff", "--format", "json", str(old), str(new), cwd=tmp_path).stdout)
    assert not [change for register in again["registers"] for change in register["changes"]
                if change["rule"].startswith("translations.")]


def test_strict_validate_and_check_fail_on_a_stale_translation(run_cli, tmp_path):
    policy = tmp_path / "policy"
    policy.mkdir()
    for name in ("kaksikielinen-kunta.yaml", "kaksikielinen-kunta.sv.yaml"):
        shutil.copy(FIXTURES / name, policy / name)
    assert run_cli("build", cwd=tmp_path).code == 0
    for command in ("validate", "check"):
        assert run_cli(command, cwd=tmp_path).code == 0
        strict = run_cli(command, "--strict", cwd=tmp_path)
        assert strict.code == 1 and "[T601]" in strict.stdout


def test_a_finding_in_the_register_s_own_words_is_not_repeated_in_its_translation(run_cli, tmp_path):
    policy = tmp_path / "policy"
    policy.mkdir()
    shutil.copy(FIXTURES / "kaksikielinen-kunta.sv.yaml", policy / "kaksikielinen-kunta.sv.yaml")
    # a phone is no text: it is not translated, and a finding in it belongs to the register alone
    (policy / BILINGUAL.name).write_text(BILINGUAL.read_text(encoding="utf-8").replace(
        "  email: kirjasto@rantala.example\n", "  email: kirjasto@rantala.example\n  phone: 09 123 456 (henkilötietolaki)\n"),
        encoding="utf-8")
    result = run_cli("lint", cwd=tmp_path)
    repealed = [row for row in result.stdout.splitlines() if "[FI-REPEALED-LAW]" in row]
    assert len(repealed) == 1 and repealed[0].startswith("policy/kaksikielinen-kunta.yaml:")
