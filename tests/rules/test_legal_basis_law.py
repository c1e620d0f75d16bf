"""GDPR-6-3 (seloste/lint/rules/legal_basis_law.py): a legal obligation or public task names its law."""

from __future__ import annotations

import pytest
from lint_helpers import findings
from lint_helpers import located

from seloste.lint.rules import legal_basis_law

ID = "GDPR-6-3"
# One purpose, its basis at line 9, column 20.
PURPOSE = "purposes:\n  items:\n    - text: {text}\n      legal_basis: {basis}\n"
# A basis for every purpose at line 7, column 16.
EVERY = "purposes:\n  legal_basis: legal_obligation\n"


def purpose(basis: str = "legal_obligation", text: str = "Kirjanpito") -> str:
    return PURPOSE.format(text=text, basis=basis)


CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param(purpose(), [(9, 20)], id="a legal obligation without its law: at the basis"),
    pytest.param(purpose("public_task", "Palvelun järjestäminen"), [(9, 20)], id="a public task without its law"),
    pytest.param(purpose("[contract, legal_obligation]"), [(9, 20)], id="among other bases"),
    pytest.param(purpose("[legal_obligation, public_task]"), [(9, 20)], id="both: one finding"),
    pytest.param(purpose() + "      law: Kirjanpitolaki (1336/1997)\n", [], id="its law given"),
    pytest.param("purposes:\n  law: Kirjanpitolaki (1336/1997)\n  items:\n    - text: Kirjanpito\n"
                 "      legal_basis: legal_obligation\n", [], id="a law given for every purpose"),
    pytest.param(purpose(text="Kirjanpito kirjanpitolain mukaan"), [], id="an act named in the text"),
    pytest.param(purpose(text="Selvitys tasa-arvolain (609/1986) nojalla"), [], id="an act with its number"),
    pytest.param(purpose(text="Selvitys valintaperusteista (609/1986)"), [], id="a statute number"),
    pytest.param(purpose(text="Arkistointi 10 §:n mukaisesti"), [], id="a section"),
    pytest.param(purpose(text="Laki naisten ja miesten välisestä tasa-arvosta edellyttää selvityksen"), [],
                 id="an act's title starting with Laki"),
    pytest.param(purpose(text="Lakisääteisten velvoitteiden hoitaminen"), [(9, 20)],
                 id="'lakisääteinen' names no law"),
    pytest.param(purpose(text="Käsittely perustuu lakiin"), [(9, 20)], id="'a law' is not which law"),
    pytest.param(purpose("contract"), [], id="another basis"),
    pytest.param(EVERY + "  items:\n    - Kirjanpito\n", [(7, 16)], id="for every purpose, no law: at that basis"),
    pytest.param(EVERY + "  intro: Käsittely perustuu kirjanpitolakiin.\n  items:\n    - Kirjanpito\n", [],
                 id="for every purpose, the law in the intro"),
    pytest.param(EVERY + "  items:\n    - Kirjanpito (kirjanpitolaki)\n    - text: Verotus\n"
                 "      law: Verotusmenettelylaki (1558/1995)\n", [], id="for every purpose, each purpose names its law"),
    pytest.param(EVERY + "  items:\n    - Kirjanpito (kirjanpitolaki)\n    - Verotus\n", [(7, 16)],
                 id="for every purpose, one purpose without"),
    pytest.param("purposes:\n  intro: Kirjanpitolaki velvoittaa.\n  items:\n    - text: Kirjanpito\n"
                 "      legal_basis: legal_obligation\n", [(10, 20)],
                 id="a purpose's own basis is not told by the intro"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(legal_basis_law, body) == [(ID, line, column) for line, column in expected]


def test_the_message_names_the_basis_and_the_purpose_and_the_hint_shows_a_law():
    (problem,) = findings(legal_basis_law, purpose("[legal_obligation, public_task]"))
    assert problem.message == (
        "GDPR 6(3): oikeusperusteena on lakisääteinen velvoite (GDPR 6(1)(c)) ja yleistä etua koskeva tehtävä tai "
        "julkisen vallan käyttö (GDPR 6(1)(e)), mutta lakia, johon se perustuu, ei kerrota: ”Kirjanpito”")
    assert "'law: Kirjanpitolaki (1336/1997)'" in problem.hint
