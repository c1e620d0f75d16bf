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

from seloste.lint.finding import stated_either_way
from seloste.problem import ERROR

ID = "GDPR-13-1-e"
TITLE = "Recipients are named, or stated to be none"
REFERENCE = "GDPR 13(1)(e)"
LEVEL = ERROR
FACTS = ("recipients", "no_recipients")  # a text that declares these states the point

_HINT = "lisää vastaanottajat tai vastaanottajaryhmät kohtina 'items:' tai 'none: true', jos tietoja ei luovuteta"


def check(register):
    yield from stated_either_way(
        register, "recipients", ID, LEVEL,
        missing=(f"{REFERENCE}: ei kerrota, kenelle tietoja luovutetaan tai ettei niitä luovuteta",
                 _HINT.removeprefix("lisää ")),
        empty=(f"{REFERENCE}: kohta 'recipients' ei kerro vastaanottajia eikä sitä, ettei tietoja luovuteta",
               _HINT),
        contradiction=(f"{REFERENCE}: 'none: true' sanoo, ettei tietoja luovuteta, mutta vastaanottajia on lueteltu",
                       "poista 'none: true' tai vastaanottajien luettelo"))
