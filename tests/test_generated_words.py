"""The words the notice adds around a register's own (table headers, an item's annotation, the
date line): each may be the register's own, or left out where the notice still reads."""

from __future__ import annotations

import pytest
from lint_helpers import MINIMAL
from lint_helpers import register_from

from seloste.notice import build_notice
from seloste.render import render_html
from seloste.render import render_markdown
from seloste.render import render_text

PURPOSES = ("purposes:\n  items:\n    - text: Laskutus\n      legal_basis: contract\n"
            "      data: Nimi\n      retention: kuusi vuotta\n")
RETENTION = "retention:\n  items:\n    - text: Laskut\n      period: kuusi vuotta\n"
TRANSFERS = ("transfers:\n  items:\n    - text: Pilvipalvelu\n      country: Yhdysvallat\n"
             "      safeguard: standard_contractual_clauses\n")
# Each generated table, the labels of its headers and the words they stand in the standard phrases.
TABLES = [
    pytest.param(PURPOSES, {"purpose": "Käsittelyn tarkoitus", "legal_basis": "Oikeusperuste", "data": "Tiedot",
                            "period": "Säilytysaika"}, id="purposes"),
    pytest.param(RETENTION, {"data": "Tiedot", "period": "Säilytysaika"}, id="retention"),
    pytest.param(TRANSFERS, {"recipient": "Vastaanottaja", "country": "Maa", "safeguard": "Suojatoimi"},
                 id="transfers"),
]


def _formats(body: str) -> tuple[str, str, str]:
    register = register_from(MINIMAL + body)
    notice = build_notice(register.id, register.data)
    return render_html(notice).decode(), render_markdown(notice).decode(), render_text(notice).decode()


@pytest.mark.parametrize("body, headers", TABLES)
def test_each_header_of_a_generated_table_is_replaced_by_the_register_s_own_label(body, headers):
    own = {key: f"Oma{index}" for index, key in enumerate(headers)}
    wording = "wording:\n  labels:\n" + "".join(f"    {key}: {word}\n" for key, word in own.items())
    html, md, text = _formats(wording + body)
    assert "<thead><tr>" + "".join(f'<th scope="col">{word}</th>' for word in own.values()) + "</tr></thead>" in html
    assert "| " + " | ".join(own.values()) + " |\n| ---" in md
    assert "\t".join(own.values()) + "\n" in text
    for standard in headers.values():
        assert f'<th scope="col">{standard}</th>' not in html


@pytest.mark.parametrize("body, headers", TABLES)
def test_each_generated_table_may_leave_its_header_row_out(body, headers):
    topic = body.split(":", 1)[0]
    html, md, text = _formats(body.replace(f"{topic}:\n", f"{topic}:\n  table_header: false\n", 1))
    shown_html, _, shown_text = _formats(body)
    assert "<thead>" in shown_html and "<thead>" not in html and "<tbody>" in html
    columns = len(headers)
    assert "|" + "  |" * columns + "\n|" + " --- |" * columns + "\n" in md  # Markdown must have a header row
    assert "\t".join(headers.values()) + "\n" in shown_text
    assert "\t".join(headers.values()) not in text
    first_cell = body.split("text: ", 1)[1].split("\n", 1)[0]
    assert f"\n\n{first_cell}\t" in text  # the rows stay, the header line is gone


# --- an item's own note in place of the one the notice makes -------------------------------

SOURCE = "sources:\n  items:\n    - text: Hakija itse\n      origin: data_subject\n      public: true\n"
CATEGORY = ("data_categories:\n  items:\n    - text: Terveystiedot\n      special_category: health\n"
            "      condition: h\n")


@pytest.mark.parametrize("body, generated", [
    (SOURCE, "Hakija itse (rekisteröity itse, julkinen lähde)"),
    (CATEGORY, "Terveystiedot (erityinen henkilötietoryhmä: terveystiedot, käsittelyn edellytys GDPR 9(2)(h))"),
], ids=["source", "data category"])
def test_an_item_s_own_note_replaces_the_generated_one_or_leaves_it_out(body, generated):
    item = generated.split(" (", 1)[0]
    for rendered in _formats(body):
        assert generated in rendered
    for rendered in _formats(body + "      note: oma sana\n"):
        assert f"{item} (oma sana)" in rendered and generated not in rendered
    html, md, text = _formats(body + '      note: ""\n')
    assert f"- {item}\n" in text and f"- {item}\n" in md and f"<li>{item}</li>" in html


def test_an_own_note_keeps_the_facts_for_lint_and_the_diff_names_it():
    from seloste import diff
    from seloste.lint.rules import special_category_condition

    without_condition = CATEGORY.replace("      condition: h\n", "") + "      note: terveys\n"
    assert [p.code for p in special_category_condition.check(register_from(MINIMAL + without_condition))] == [
        special_category_condition.ID]
    old = register_from(MINIMAL + SOURCE).data
    new = register_from(MINIMAL + SOURCE + "      note: hakija\n").data
    [change] = diff.register_changes(old, new)
    assert (change.kind, change.action, change.material) == ("source", "changed", True)
    assert change.detail == "merkintä: – → hakija"
    left_out = register_from(MINIMAL + SOURCE + '      note: ""\n').data
    [change] = diff.register_changes(new, left_out)
    assert change.detail == "merkintä: hakija → ei merkintää"


# --- the date line: its labels, the version beside the date, its place -----------------------

DATED = 'updated: "2026-01-02"\nversion: "2.1"\nclosing: Loppusana.\nhistory:\n  - date: "2026-01-02"\n    text: Uusi.\n'


def test_the_version_is_shown_beside_the_date_with_its_label():
    html, md, text = _formats(DATED)
    assert '<p class="updated">Päivitetty: <time datetime="2026-01-02">2.1.2026</time> – Versio: 2.1</p>' in html
    assert "\n\nPäivitetty: 2.1.2026 – Versio: 2.1\n\n" in md
    assert text.startswith("TIETOSUOJASELOSTE\n\nPäivitetty: 2.1.2026 – Versio: 2.1\n\n1. Rekisterinpitäjä\n")
    own = _formats(DATED + "wording:\n  labels: {updated: Laadittu, version: Painos}\n")[2]
    assert "\n\nLaadittu: 2.1.2026 – Painos: 2.1\n\n" in own
    assert "\n\nVersio: 2.1\n\n" in _formats('version: "2.1"\n')[2]  # a version without a date


def test_the_date_line_may_stand_at_the_end_after_the_closing_before_the_history():
    html, md, text = _formats(DATED + "updated_position: end\n")
    assert text.startswith("TIETOSUOJASELOSTE\n\n1. Rekisterinpitäjä\n")
    assert "Loppusana.\n\nPäivitetty: 2.1.2026 – Versio: 2.1\n\nMuutoshistoria\n" in text
    assert "Loppusana.\n\nPäivitetty: 2.1.2026 – Versio: 2.1\n\n## Muutoshistoria\n" in md
    assert html.index("Loppusana.") < html.index('<p class="updated">') < html.index('id="muutoshistoria"')
    assert _formats(DATED + "updated_position: top\n") == _formats(DATED)  # the default


def test_a_changed_version_is_an_editorial_change_named_under_its_label():
    from seloste import diff

    old = register_from(MINIMAL + DATED).data
    new = register_from(MINIMAL + DATED.replace('"2.1"', '"2.2"')).data
    [change] = diff.register_changes(old, new)
    assert (change.section, change.kind, change.action, change.material) == ("Versio", "version", "changed", False)
    assert "2.1" in change.detail and "2.2" in change.detail
