"""The business ID (Y-tunnus) is well-formed and its check digit is right (GDPR 13(1)(a)).

A Y-tunnus is seven digits, a hyphen and a check digit (python-stdnum's ``stdnum.fi.ytunnus``
checks it). Written without the hyphen, with an en dash or, for an old ID, with six digits,
it is still checked. Checked in ``business_id`` and in label–value lines labelled "Y-tunnus".

PASS:
    controller:
      name: Esimerkki Oy
      business_id: 2925676-3
      email: tietosuoja@esimerkki.fi
FAIL:
    controller:
      name: Esimerkki Oy
      business_id: 1234567-8
      email: tietosuoja@esimerkki.fi
"""

from __future__ import annotations

import re

from stdnum.fi import ytunnus

from seloste.lint.finding import problem_at
from seloste.lint.source import texts
from seloste.problem import ERROR

ID = "FI-YTUNNUS"
TITLE = "The business ID (Y-tunnus) is valid"
REFERENCE = "GDPR 13(1)(a)"
LEVEL = ERROR

_BUSINESS_ID = re.compile(r"^(?P<body>\d{6,7})\s*[-–]?\s*(?P<check>\d)$")
VAT_NUMBER = re.compile(r"^FI\s*(?P<body>\d{7})(?P<check>\d)$", re.IGNORECASE)


def business_id_values(register):
    """(path, value) of every value written as a Y-tunnus: ``business_id`` and lines labelled so."""
    for path, value in texts(register):
        if path[-1] == "business_id":
            yield path, value
        elif path[-1] == "value" and "y-tunnus" in _label(register.data, path).lower():
            yield path, value


def _label(data, path) -> str:
    entry = data
    for part in path[:-1]:
        entry = entry[part]
    label = entry.get("label", "") if isinstance(entry, dict) else ""
    return label if isinstance(label, str) else ""


def check(register):
    for path, value in business_id_values(register):
        written = value.strip()
        match = VAT_NUMBER.match(written) or _BUSINESS_ID.match(written)
        if match is None:
            yield problem_at(register, path, ID, LEVEL,
                             f"{REFERENCE}: ”{written}” ei ole Y-tunnus",
                             "Y-tunnus on muotoa 1234567-8 (seitsemän numeroa, väliviiva ja tarkistusnumero)")
            continue
        body = match.group("body").rjust(7, "0")  # an old six-digit ID has a leading zero
        if not ytunnus.is_valid(f"{body}-{match.group('check')}"):
            yield problem_at(register, path, ID, LEVEL,
                             f"{REFERENCE}: Y-tunnuksen ”{written}” tarkistusnumero ei täsmää",
                             "tarkista tunnus yritys- ja yhteisötietojärjestelmästä (ytj.fi)")
