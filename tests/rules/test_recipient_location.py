"""GDPR-13-1-f-location (seloste/lint/rules/recipient_location.py): a recipient or processor outside
the EU/EEA names its safeguard."""

from __future__ import annotations

import pytest
from lint_helpers import located

from seloste.lint.rules import recipient_location

ID = "GDPR-13-1-f-location"


def _item(topic: str, location: str, extra: str = "") -> str:
    return f"{topic}:\n  items:\n    - text: Palvelu Oy\n      location: {location}\n{extra}"


CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param(_item("processors", "Yhdysvallat"), [(9, 17)], id="processor outside: at its location"),
    pytest.param(_item("recipients", "Intia"), [(9, 17)], id="recipient outside: at its location"),
    pytest.param(_item("processors", "Yhdysvallat", "      safeguard: standard_contractual_clauses\n"), [],
                 id="outside with a safeguard"),
    pytest.param(_item("processors", "EU/ETA"), [], id="EU/ETA"),
    pytest.param(_item("processors", "Suomi ja Ruotsi"), [], id="member states joined"),
    pytest.param(_item("processors", "euroopan talousalue"), [], id="any capitals"),
    pytest.param(_item("processors", "Suomi ja Yhdysvallat"), [(9, 17)], id="one part outside"),
    pytest.param("processors:\n  items:\n    - Palvelu Oy\n    - text: Posti\n      role: Postitus\n", [],
                 id="no location"),
    pytest.param("recipients:\n  groups:\n    - intro: 'Kumppaneille:'\n      items:\n        - text: A Oy\n"
                 "          location: EU/ETA\n        - text: B Inc.\n          location: Kanada\n", [(13, 21)],
                 id="in a group: at its location"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(recipient_location, body) == [(ID, line, column) for line, column in expected]


def test_the_message_names_the_recipient_and_its_location():
    from lint_helpers import findings

    (problem,) = findings(recipient_location, _item("processors", "Yhdysvallat"))
    assert problem.message == ("GDPR 13(1)(f): käsittelijä ”Palvelu Oy” sijaitsee EU:n tai ETA:n ulkopuolella "
                               "(Yhdysvallat), mutta siirron suojatoimea ei kerrota")
