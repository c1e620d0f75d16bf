"""The data protection officer's contact details are given (GDPR 13(1)(b), 14(1)(b)).

A warning, not an error: only some controllers must appoint a data protection officer
(GDPR 37). A controller without one silences this rule in the register with the reason.

PASS:
    dpo:
      name: Tietosuojavastaava
      email: tietosuoja@esimerkki.fi
FAIL:
    dpo:
      name: Tietosuojavastaava
"""

from __future__ import annotations

from seloste.lint.finding import missing_topic
from seloste.lint.finding import problem_at
from seloste.problem import WARNING

ID = "GDPR-13-1-b"
TITLE = "The data protection officer's contact details are given"
REFERENCE = "GDPR 13(1)(b)"
LEVEL = WARNING

_CONTACT_KEYS = ("email", "phone", "postal_address", "fields")
_NO_DPO_HINT = ("jos tietosuojavastaavaa ei ole nimitetty (GDPR 37), ohita tarkistus rekisterin kohdassa "
                f"'lint: ignore:' ('rule: {ID}' ja 'reason:')")


def check(register):
    dpo = register.data.get("dpo")
    if dpo is None:
        yield missing_topic(register, "dpo", ID, LEVEL, f"{REFERENCE}: tietosuojavastaavan yhteystietoja ei kerrota",
                            f"'email:' tai 'phone:'; {_NO_DPO_HINT}")
        return
    if not any(key in dpo for key in _CONTACT_KEYS):
        yield problem_at(register, ("dpo",), ID, LEVEL,
                         f"{REFERENCE}: tietosuojavastaavan yhteystiedot puuttuvat",
                         "lisää kohtaan 'dpo' 'email:', 'phone:' tai 'postal_address:'", key=True)
