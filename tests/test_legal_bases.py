"""A legal basis as notices state it: a plain basis, or one qualified by a note and its law
(``{basis: legal_obligation, note: tietyissä tapauksissa, law: ...}``), in the notice, lint and the diff."""

from __future__ import annotations

import copy

import pytest
from conftest import FIXTURES
from lint_helpers import MINIMAL
from lint_helpers import located
from lint_helpers import register_from

from seloste import diff
from seloste import project
from seloste.lint.finding import basis_names
from seloste.lint.rules import legal_basis
from seloste.lint.rules import legitimate_interest
from seloste.lint.rules import withdraw_consent
from seloste.notice import build_notice
from seloste.notice.words import legal_basis_name
from seloste.render import render_html
from seloste.render import render_markdown
from seloste.render import render_text
from seloste.resources import phrases

QUALIFIED = FIXTURES / "opiston-opiskelijarekisteri.yaml"


@pytest.mark.parametrize("basis, name", [
    ("consent", "Suostumus (GDPR 6(1)(a))"),
    ({"basis": "consent"}, "Suostumus (GDPR 6(1)(a))"),
    ({"basis": "consent", "note": "tietyissä tapauksissa"}, "Suostumus (GDPR 6(1)(a)), tietyissä tapauksissa"),
    ({"basis": "legal_obligation", "law": "Kirjanpitolaki (1336/1997)"},
     "Lakisääteinen velvoite (GDPR 6(1)(c)) (laki: Kirjanpitolaki (1336/1997))"),
    ({"basis": "public_task", "note": "osittain", "law": "Laki X"},
     "Yleistä etua koskeva tehtävä tai julkisen vallan käyttö (GDPR 6(1)(e)), osittain (laki: Laki X)"),
], ids=["plain", "qualified by nothing", "a note", "a law", "a note and a law"])
def test_a_basis_is_named_with_its_note_and_law(basis, name):
    assert legal_basis_name(basis, phrases()) == name


def test_a_qualified_basis_counts_as_its_basis_for_lint():
    assert basis_names(["contract", {"basis": "consent", "note": "joskus"}]) == ["contract", "consent"]
    assert basis_names({"basis": "public_task"}) == ["public_task"]


QUALIFIED_CONSENT = "purposes:\n  items:\n    - text: A\n      legal_basis: {basis: consent, note: joskus}\n"


@pytest.mark.parametrize("rule, body, expected", [
    (legal_basis, QUALIFIED_CONSENT, []),
    (legal_basis, "purposes:\n  legal_basis: [{basis: contract, note: pääosin}]\n  items: [A, B]\n", []),
    (withdraw_consent, QUALIFIED_CONSENT, [(6, 1)]),  # consent, however qualified, needs its right
    (legitimate_interest, "purposes:\n  items:\n    - text: A\n      legal_basis:\n"
                          "        - {basis: legitimate_interests, note: osittain}\n", [(10, 9)]),
], ids=["a basis", "a basis for every purpose", "consent", "legitimate interest"])
def test_lint_reads_a_qualified_basis(rule, body, expected):
    assert located(rule, body) == [(rule.ID, line, column) for line, column in expected]


def test_a_plain_basis_renders_as_it_did_and_a_qualified_one_with_its_words():
    register = register_from(MINIMAL + QUALIFIED_CONSENT)
    plain = register_from(MINIMAL + "purposes:\n  items:\n    - text: A\n      legal_basis: consent\n")
    qualified_text = render_text(build_notice(register.id, register.data)).decode()
    plain_text = render_text(build_notice(plain.id, plain.data)).decode()
    assert "A\tSuostumus (GDPR 6(1)(a)), joskus\n" in qualified_text
    assert "A\tSuostumus (GDPR 6(1)(a))\n" in plain_text
    notice = build_notice(register.id, register.data)
    for rendered in (render_html(notice), render_markdown(notice)):
        assert "Suostumus (GDPR 6(1)(a)), joskus".encode() in rendered


def test_a_changed_note_of_a_basis_is_a_material_change_of_its_purpose():
    register, problems = project.load_register(QUALIFIED)
    assert register is not None, problems
    old = register.data
    new = copy.deepcopy(old)
    new["purposes"]["items"][1]["legal_basis"][1]["note"] = "aina"
    [change] = diff.register_changes(old, new)
    assert (change.kind, change.action, change.material) == ("purpose", "changed", True)
    assert "Lakisääteinen velvoite (GDPR 6(1)(c)), tietyissä tapauksissa → " in change.detail
    assert change.detail.endswith("Lakisääteinen velvoite (GDPR 6(1)(c)), aina")
