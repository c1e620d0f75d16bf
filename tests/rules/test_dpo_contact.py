"""GDPR-13-1-b (seloste/lint/rules/dpo_contact.py): the data protection officer's contact details."""

from __future__ import annotations

import pytest
from lint_helpers import findings
from lint_helpers import located

from seloste.lint.rules import dpo_contact

ID = "GDPR-13-1-b"

CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param("", [(3, 1)], id="missing: at the controller key"),
    pytest.param("dpo:\n  name: Tietosuojavastaava\n", [(6, 1)], id="no contact details: at the dpo key"),
    pytest.param("dpo:\n  email: dpo@esimerkki.fi\n", [], id="email"),
    pytest.param("dpo:\n  none: true\n", [], id="none appointed"),
    pytest.param("dpo:\n  none: Yhdistys ei ole nimittänyt tietosuojavastaavaa.\n", [], id="none in the register's own words"),
    pytest.param("dpo:\n  none: Ei ole.\n", [(7, 9)], id="an own none sentence that says nothing: at it"),
    pytest.param("dpo:\n  none: true\n  email: dpo@esimerkki.fi\n", [(7, 9)], id="none and contact details: at none"),
    pytest.param("dpo:\n  none: true\n  notes: Tietosuojavastaavaa ei ole nimitetty.\n", [],
                 id="none, and notes that agree"),
    pytest.param("dpo:\n  name: Tietosuojavastaavaa ei ole nimitetty\n", [(7, 9)],
                 id="the name says none is appointed: at those words"),
    pytest.param("dpo:\n  name: Ei nimetty\n  email: info@esimerkki.fi\n", [(7, 9)],
                 id="a name that denies an appointment is no contact, whatever else is given"),
    pytest.param("dpo:\n  name: Ei\n", [(7, 9)], id="a name that is only a no"),
    pytest.param("dpo:\n  notes: >-\n    Meillä ei ole\n    tietosuojavastaavaa.\n", [(8, 12)],
                 id="notes saying there is none: at the words, on their own line"),
    pytest.param("dpo:\n  email: info@esimerkki.fi\n  notes: Yhtiö ei ole velvollinen nimittämään tietosuojavastaavaa.\n",
                 [(8, 16)], id="not required, so not appointed"),
    pytest.param("dpo:\n  email: dpo@esimerkki.fi\n  notes: Tietosuojavastaava ei ole tavoitettavissa heinäkuussa.\n",
                 [], id="a DPO away in July is still a DPO"),
    pytest.param("dpo:\n  email: dpo@esimerkki.fi\n  notes: Varahenkilöä ei ole nimetty. Tietosuojavastaavan tavoittaa "
                 "sähköpostilla.\n", [], id="someone else not appointed"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(dpo_contact, body) == [(ID, line, column) for line, column in expected]


def test_the_hint_says_to_write_none():
    (missing,) = findings(dpo_contact, "")
    assert "'none: true', jos tietosuojavastaavaa ei ole nimitetty (GDPR 37)" in missing.hint
    (said,) = findings(dpo_contact, "dpo:\n  name: Tietosuojavastaavaa ei ole nimitetty\n")
    assert said.message == ("GDPR 13(1)(b): tietosuojavastaavan kohta sanoo, ettei tietosuojavastaavaa ole nimitetty, "
                            "joten se ei ole tietosuojavastaavan yhteystieto: ”Tietosuojavastaavaa ei ole nimitetty”")
    assert said.hint.startswith("kirjoita kohdan 'dpo' alle pelkkä 'none: true'")
