"""The purposes as one table: purpose, legal basis, data and retention, in the columns the
register chooses (``purposes.table``), with their own words in the headers."""

from __future__ import annotations

import copy

import pytest
from conftest import FIXTURES
from lint_helpers import MINIMAL
from lint_helpers import located
from lint_helpers import register_from

from seloste import diff
from seloste import markup
from seloste import project
from seloste.blocks import Table
from seloste.lint.rules import retention
from seloste.load import load_text
from seloste.notice import build_notice
from seloste.render import render_html
from seloste.render import render_markdown
from seloste.render import render_text
from seloste.validate import boolean_keys
from seloste.validate import validate_document

TABLE = FIXTURES / "opiston-opiskelijarekisteri.yaml"


def _table(body: str) -> Table:
    register = register_from(MINIMAL + body)
    notice = build_notice(register.id, register.data)
    [section] = [section for section in notice.sections if section.id == "tarkoitukset"]
    return next(block for block in section.blocks if block.kind == "table")


def _cells(table: Table) -> list[list[str]]:
    return [[markup.to_text(cell, inline=True) for cell in row] for row in table.rows]


def test_without_a_choice_the_table_has_the_purpose_and_each_column_a_purpose_fills():
    table = _table("purposes:\n  items:\n    - text: A\n      retention: vuosi\n    - B\n")
    assert table.columns == ("Käsittelyn tarkoitus", "Säilytysaika")
    assert _cells(table) == [["A", "vuosi"], ["B", "–"]]


def test_the_register_chooses_the_columns_and_their_order():
    table = _table("purposes:\n  table: [purpose, retention, data, legal_basis]\n  items:\n"
                   "    - text: A\n      legal_basis: contract\n      data: Nimi\n      retention: vuosi\n"
                   "    - text: B\n")
    assert table.columns == ("Käsittelyn tarkoitus", "Säilytysaika", "Tiedot", "Oikeusperuste")
    assert _cells(table) == [["A", "vuosi", "Nimi", "Sopimus tai sopimusta edeltävät toimet (GDPR 6(1)(b))"],
                             ["B", "–", "–", "–"]]


def test_a_chosen_table_is_a_table_even_of_plain_purposes():
    assert _cells(_table("purposes:\n  table: [purpose, data]\n  items: [A]\n")) == [["A", "–"]]


def test_the_headers_are_the_register_s_own_words():
    table = _table("wording:\n  labels: {purpose: Mihin, data: Mitä, period: Kuinka kauan}\n"
                   "purposes:\n  items:\n    - text: A\n      data: Nimi\n      retention: vuosi\n")
    assert table.columns == ("Mihin", "Mitä", "Kuinka kauan")


def test_every_format_shows_the_columns():
    register, problems = project.load_register(TABLE)
    assert register is not None, problems
    notice = build_notice(register.id, register.data)
    text = render_text(notice).decode()
    assert "Mihin tietoja käytämme\tMitä tietoja\tOikeusperuste\tSäilytysaika\n" in text  # its own headers
    assert "\tSähköpostiosoite\tSuostumus (GDPR 6(1)(a)), vain kirjeen tilanneiden osalta\t" in text
    assert "| Mihin tietoja käytämme | Mitä tietoja | Oikeusperuste | Säilytysaika |" in render_markdown(notice).decode()
    assert '<th scope="col">Säilytysaika</th>' in render_html(notice).decode()


def _problems(body: str) -> list[tuple]:
    document, problems = load_text((MINIMAL + body).encode(), "r.yaml", boolean_keys())
    assert not problems
    return [(p.code, p.line, p.column) for p in validate_document(document)]


@pytest.mark.parametrize("body, expected", [
    ("purposes:\n  table: [purpose, data]\n  items:\n    - text: A\n      data: Nimi\n", []),
    ("purposes:\n  table: [data]\n  items:\n    - text: A\n      data: Nimi\n", [("S121", 7, 3)]),
    ("purposes:\n  table: [purpose]\n  items:\n    - A\n    - text: B\n      retention: vuosi\n"
     "    - text: C\n      retention: kaksi\n", [("S121", 11, 7)]),  # once, at the first purpose it hides
    ("purposes:\n  table: [purpose, data]\n  items:\n    - text: A\n      law: Laki\n", [("S121", 10, 7)]),
    ("purposes:\n  table: [tarkoitus]\n  items: [A]\n", [("S104", 7, 11)]),  # the unknown column only
], ids=["every column shown", "no purpose column", "a retention not shown", "a law not shown", "unknown column"])
def test_a_table_that_would_hide_words_is_s121(body, expected):
    assert _problems(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("purposes:\n  items:\n    - text: A\n      retention: vuosi\n    - text: B\n      retention: kaksi\n", []),
    ("purposes:\n  items:\n    - text: A\n      retention: vuosi\n    - text: B\n", [(6, 1)]),
], ids=["every purpose", "one purpose without"])
def test_a_retention_given_for_every_purpose_is_a_stated_retention(body, expected):
    assert located(retention, body) == [(retention.ID, line, column) for line, column in expected]


def test_a_changed_retention_of_a_purpose_is_material_and_named():
    register, problems = project.load_register(TABLE)
    assert register is not None, problems
    old = register.data
    new = copy.deepcopy(old)
    new["purposes"]["items"][3]["retention"] = "vuoden tilauksen päättymisestä"
    new["purposes"]["items"][0]["data"] = "Nimi ja yhteystiedot"
    changes = diff.register_changes(old, new)
    assert [(change.kind, change.action, change.material) for change in changes] == [
        ("purpose", "changed", True), ("purpose", "changed", True)]
    # named in the register's own words for the data (wording.labels.data)
    assert "mitä tietoja: Nimi, yhteystiedot ja valitut kurssit → Nimi ja yhteystiedot" in changes[0].detail
    assert "säilytysaika: kunnes tilaaja peruu tilauksensa → vuoden tilauksen päättymisestä" in changes[1].detail
