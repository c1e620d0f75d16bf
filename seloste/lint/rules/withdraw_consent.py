"""Where consent is a legal basis, the right to withdraw it is told (GDPR 13(2)(c), 14(2)(d)).

PASS:
    purposes:
      items:
        - text: Uutiskirje
          legal_basis: consent
    rights:
      items:
        - right: withdraw_consent
FAIL:
    purposes:
      items:
        - text: Uutiskirje
          legal_basis: consent
    rights:
      items:
        - right: access
"""

from __future__ import annotations

from seloste.lint.finding import legal_bases
from seloste.lint.finding import missing_topic_position
from seloste.lint.finding import problem_at_position
from seloste.lint.finding import purposes
from seloste.lint.finding import right_kinds
from seloste.problem import ERROR

ID = "GDPR-13-2-c"
TITLE = "The right to withdraw consent is told where consent is a basis"
REFERENCE = "GDPR 13(2)(c)"
LEVEL = ERROR


def check(register):
    consent = [("purposes", "items", index, "legal_basis") for index, item in purposes(register)
               if "consent" in legal_bases(item)]
    if "consent" in legal_bases(register.data.get("purposes")):  # a basis of every purpose
        consent.insert(0, ("purposes", "legal_basis"))
    if not consent or "withdraw_consent" in right_kinds(register):
        return
    line, _ = register.document.position(consent[0])
    if "rights" in register.data:
        position = register.document.position(("rights",), key=True)
    else:
        position = missing_topic_position(register, "rights")
    yield problem_at_position(register, position, ID, LEVEL,
                              f"{REFERENCE}: käsittelyn oikeusperuste on suostumus (rivi {line}), mutta oikeutta "
                              "peruuttaa suostumus ei kerrota",
                              "lisää kohdan 'rights' alle 'items:'-luetteloon '- right: withdraw_consent'")
