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
from seloste.validate_contact import contact_values
from seloste.problem import INFO

ID = "FI-VAT"
TITLE = "A VAT number in place of the business ID is shown as a Y-tunnus"
REFERENCE = "GDPR 13(1)(a)"
LEVEL = INFO


def check(register):
    for path, kind, value in contact_values(register.data):
        if kind != "business_id":
            continue
        match = VAT_NUMBER.match(value.strip())
        if match:
            business_id = f"{match.group('body')}-{match.group('check')}"
            yield problem_at(register, path, ID, LEVEL,
                             f"{REFERENCE}: Y-tunnuksen kohdalla on arvonlisäverotunniste ”{value.strip()}”; "
                             f"Y-tunnus on {business_id}",
                             f"kirjoita Y-tunnus muodossa {business_id}; arvonlisäverotunnisteen voi antaa omana "
                             "rivinään kohdassa 'fields'")
