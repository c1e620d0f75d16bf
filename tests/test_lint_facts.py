"""What lint's rules ask of a register, in one place each (seloste/lint/finding.py): whether a
text says anything, which legal bases and which rights the register states.

A further source of the same facts (tags on free text, say) is added to ``_BASIS_SOURCES`` or
``_RIGHT_SOURCES``; these tests add one and see every rule that asks take it in.
"""

from __future__ import annotations

import pytest
from lint_helpers import MINIMAL
from lint_helpers import codes
from lint_helpers import register_from

from seloste import lint
from seloste.lint import finding
from seloste.lint.finding import StatedBasis
from seloste.lint.finding import stated_bases
from seloste.lint.reading import says_nothing


@pytest.mark.parametrize("values, expected", [
    (("Kyllä.",), True),
    (("Ei.",), True),
    (("On",), True),
    (("Ei ole.",), True),
    (("Kyllä, kyllä, on, ei ole.",), True),
    (("GDPR 15",), True),
    (("-",), True),
    (("**Kyllä**",), True),
    (("[Ei](https://esimerkki.fi/tietosuoja/oikeudet/tarkastus)",), True),
    ((["Kyllä.", {"list": ["On."]}],), True),
    (("Kyllä.", "On."), True),
    (("Kyllä.", "Voit tarkastaa"), False),
    (("Voit tarkastaa tietosi.",), False),
    (("Etuuden laskenta tehdään automaattisesti.",), False),
    (([{"heading": "Oikeus"}, {"fields": [{"label": "Tarkastus", "value": "kirjaamossa"}]}],), False),
    (([{"table": {"columns": ["Oikeus"], "rows": [["Tarkastus kirjaamossa"]]}}],), False),
], ids=lambda value: repr(value)[:40])
def test_says_nothing(values, expected):
    assert says_nothing(*values) is expected


def test_stated_bases_reads_every_purpose_each_purpose_and_explicit_consent_in_order():
    register = register_from(MINIMAL + (
        "purposes:\n  legal_basis: contract\n  items:\n    - A\n    - text: B\n      legal_basis: [consent, legal_obligation]\n"
        "data_categories:\n  items:\n    - text: Terveystiedot\n      special_category: health\n      condition: a\n"))
    assert stated_bases(register) == (
        StatedBasis("contract", ("purposes", "legal_basis"), every_purpose=True),
        StatedBasis("consent", ("purposes", "items", 1, "legal_basis"), 1),
        StatedBasis("legal_obligation", ("purposes", "items", 1, "legal_basis"), 1),
        StatedBasis("consent", ("data_categories", "items", 0, "condition"), article="9(2)(a)"),
    )


# A register whose one purpose has no basis of its own and whose rights are not told.
PLAIN = MINIMAL + "purposes:\n  intro: Tietoja käsitellään.\n  items:\n    - Uutiskirje\nrights:\n  intro: Oikeudet.\n"


def test_a_legal_basis_from_another_source_reaches_every_rule_that_asks(monkeypatch):
    before = codes(lint.run([register_from(PLAIN)]))
    assert "GDPR-13-1-c" in before and "GDPR-13-2-c" not in before and "GDPR-13-1-d" not in before

    def tagged(register):  # as tags on the purpose's text would state them
        return [StatedBasis("consent", ("purposes", "items", 0), 0),
                StatedBasis("legitimate_interests", ("purposes", "items", 0), 0),
                StatedBasis("legal_obligation", ("purposes", "items", 0), 0)]

    monkeypatch.setattr(finding, "_BASIS_SOURCES", (*finding._BASIS_SOURCES, tagged))
    after = codes(lint.run([register_from(PLAIN)]))
    assert "GDPR-13-1-c" not in after  # the purpose has a basis now
    assert "GDPR-13-2-c" in after  # consent without its withdrawal
    assert "GDPR-13-1-d" in after  # a legitimate interest not described
    assert "GDPR-6-3" in after  # a legal obligation without its law


def test_a_right_from_another_source_reaches_every_rule_that_asks(monkeypatch):
    consent = MINIMAL + "purposes:\n  legal_basis: consent\n  items:\n    - Suoramarkkinointi\nrights:\n  intro: Oikeudet.\n"
    assert {"GDPR-13-2-b", "GDPR-13-2-c", "GDPR-21-2"} <= set(codes(lint.run([register_from(consent)])))

    def tagged(register):
        return {"access", "rectification", "erasure", "restriction", "objection", "portability", "withdraw_consent"}

    monkeypatch.setattr(finding, "_RIGHT_SOURCES", (*finding._RIGHT_SOURCES, tagged))
    assert not {"GDPR-13-2-b", "GDPR-13-2-c", "GDPR-21-2"} & set(codes(lint.run([register_from(consent)])))
