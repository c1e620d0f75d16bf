"""Register shapes of real Finnish notices: groups of data subjects with their own data and
retention, recipient lists with their own lead-ins, sub-processor tables, transfer policies,
joint controllers and research registers. Each is laid out, rendered and compared here."""

from __future__ import annotations

import pytest
from lint_helpers import MINIMAL
from lint_helpers import register_from

from seloste import diff
from seloste import markup
from seloste.blocks import Table
from seloste.notice import build_notice
from seloste.render import render_html
from seloste.render import render_markdown
from seloste.render import render_text


def _notice(body: str, head: str = MINIMAL):
    register = register_from(head + body)
    return build_notice(register.id, register.data)


def _blocks(notice, section_id: str) -> tuple:
    return next(section.blocks for section in notice.sections if section.id == section_id)


def _cells(table: Table) -> list[list[str]]:
    return [[markup.to_text(cell, inline=True) for cell in row] for row in table.rows]


def _changes(old: str, new: str) -> list[tuple[str, bool]]:
    before, after = register_from(MINIMAL + old), register_from(MINIMAL + new)
    return [(change.summary, change.material) for change in diff.register_changes(before.data, after.data)]


def _texts(notice) -> list[str]:
    return [rendered.decode() for rendered in (render_html(notice), render_markdown(notice), render_text(notice))]


# --- a transfer policy without a country ----------------------------------------------------

POLICY = ("transfers:\n  items:\n    - text: Tietoja siirretään vain maihin, joilla on komission riittävyyspäätös.\n"
          "      safeguard: adequacy_decision\n")
CLOUD = "    - text: Pilvipalvelu\n      country: Yhdysvallat\n      safeguard: standard_contractual_clauses\n"


def test_a_list_of_transfer_policies_alone_has_no_country_column():
    (table,) = _blocks(_notice(POLICY), "siirrot")
    assert table.columns == ("Siirto", "Suojatoimi")
    assert _cells(table) == [["Tietoja siirretään vain maihin, joilla on komission riittävyyspäätös.",
                              "Euroopan komission tietosuojan riittävyyttä koskeva päätös (GDPR 45)"]]


def test_a_transfer_policy_beside_transfers_with_a_country_shows_a_dash():
    (table,) = _blocks(_notice(POLICY + CLOUD), "siirrot")
    assert table.columns == ("Vastaanottaja", "Maa", "Suojatoimi")
    assert [row[:2] for row in _cells(table)] == [
        ["Tietoja siirretään vain maihin, joilla on komission riittävyyspäätös.", "–"], ["Pilvipalvelu", "Yhdysvallat"]]


def test_the_country_column_s_header_is_the_register_s_own_word():
    notice = _notice(POLICY + "wording:\n  labels:\n    transfer: Siirtojen periaate\n")
    for text in _texts(notice):
        assert "Siirtojen periaate" in text


def test_a_transfer_policy_is_compared_without_a_country():
    assert _changes(POLICY, POLICY.replace("adequacy_decision", "standard_contractual_clauses")) == [
        ("Tietojen siirrot EU:n tai ETA:n ulkopuolelle: muutettu siirto EU:n tai ETA:n ulkopuolelle ”Tietoja siirretään "
         "vain maihin, joilla on komission riittävyyspäätös.” (suojatoimi: Euroopan komission tietosuojan riittävyyttä "
         "koskeva päätös (GDPR 45) → Euroopan komission hyväksymät vakiosopimuslausekkeet (GDPR 46(2)(c)))", True)]
    assert _changes(POLICY, POLICY + CLOUD) == [
        ("Tietojen siirrot EU:n tai ETA:n ulkopuolelle: lisätty siirto EU:n tai ETA:n ulkopuolelle ”Pilvipalvelu” "
         "(maa: Yhdysvallat; suojatoimi: Euroopan komission hyväksymät vakiosopimuslausekkeet (GDPR 46(2)(c)))", True)]


def test_a_transfer_policy_still_names_its_safeguard():
    from seloste.load import load_text
    from seloste.validate import boolean_keys
    from seloste.validate import validate_document

    text = MINIMAL + "transfers:\n  items:\n    - text: Vain riittävyyspäätöksen maihin.\n"
    document, problems = load_text(text.encode(), "x.yaml", boolean_keys())
    assert problems == []
    assert [(p.code, p.line) for p in validate_document(document)] == [("S102", 8)]
