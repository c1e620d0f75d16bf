"""The recipients are named, or the notice says there are none (GDPR 13(1)(e), 14(1)(e)).

``recipients`` lists the recipients or categories of recipients as items, or says
``none: true`` when data is disclosed to no one. ``none: true`` with items contradicts itself.

PASS:
    recipients:
      items:
        - text: Verohallinto
          purpose: lakisääteiset ilmoitukset
FAIL:
    recipients:
      none: true
      items:
        - Verohallinto
"""

from __future__ import annotations

from seloste.lint.finding import missing_topic
from seloste.lint.finding import problem_at
from seloste.lint.finding import statement
from seloste.problem import ERROR

ID = "GDPR-13-1-e"
TITLE = "Recipients are named, or stated to be none"
REFERENCE = "GDPR 13(1)(e)"
LEVEL = ERROR

_HINT = "lisää vastaanottajat tai vastaanottajaryhmät kohtina 'items:' tai 'none: true', jos tietoja ei luovuteta"


def check(register):
    state = statement(register, "recipients")
    if state == "missing":
        yield missing_topic(register, "recipients", ID, LEVEL,
                            f"{REFERENCE}: ei kerrota, kenelle tietoja luovutetaan tai ettei niitä luovuteta",
                            _HINT.removeprefix("lisää "))
    elif state == "empty":
        yield problem_at(register, ("recipients",), ID, LEVEL,
                         f"{REFERENCE}: kohta 'recipients' ei kerro vastaanottajia eikä sitä, ettei tietoja luovuteta",
                         _HINT, key=True)
    elif state == "contradiction":
        yield problem_at(register, ("recipients", "none"), ID, LEVEL,
                         f"{REFERENCE}: 'none: true' sanoo, ettei tietoja luovuteta, mutta vastaanottajia on lueteltu",
                         "poista 'none: true' tai vastaanottajien luettelo")
