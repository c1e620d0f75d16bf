"""A VAT number written where the business ID belongs is shown in its Y-tunnus form (GDPR 13(1)(a)).

The Finnish VAT number is ``FI`` and the eight digits of the Y-tunnus without the hyphen:
``FI 26953774`` is the VAT form of ``2695377-4``. Where the notice labels a value as the
Y-tunnus, the Y-tunnus form is the one readers and registers look up.

PASS:
    controller:
      name: Esimerkki Oy
      business_id: 2695377-4
      email: tietosuoja@esimerkki.fi
FAIL:
    controller:
      name: Esimerkki Oy
      business_id: FI 26953774
      email: tietosuoja@esimerkki.fi
"""

from __future__ import annotations

from seloste.lint.finding import problem_at
from seloste.contact_checks import VAT_NUMBER
from seloste.lint.source import texts
from seloste.problem import INFO

ID = "FI-VAT"
TITLE = "A VAT number in place of the business ID is shown as a Y-tunnus"
REFERENCE = "GDPR 13(1)(a)"
LEVEL = INFO


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
        match = VAT_NUMBER.match(value.strip())
        if match:
            business_id = f"{match.group('body')}-{match.group('check')}"
            yield problem_at(register, path, ID, LEVEL,
                             f"{REFERENCE}: Y-tunnuksen kohdalla on arvonlisäverotunniste ”{value.strip()}”; "
                             f"Y-tunnus on {business_id}",
                             f"kirjoita Y-tunnus muodossa {business_id}; arvonlisäverotunnisteen voi antaa omana "
                             "rivinään kohdassa 'fields'")
