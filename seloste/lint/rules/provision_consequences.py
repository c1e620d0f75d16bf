"""Where the data must be provided, the notice says what follows if it is not (GDPR 13(2)(e)).

PASS:
    provision_requirement:
      kind: statutory
      consequences: Ilman tietoja palkkaa ei voida maksaa.
FAIL:
    provision_requirement:
      kind: contract_prerequisite
"""

from __future__ import annotations

from seloste.lint.finding import problem_at
from seloste.problem import WARNING

ID = "GDPR-13-2-e-consequences"
TITLE = "The consequences of not providing required data are told"
REFERENCE = "GDPR 13(2)(e)"
LEVEL = WARNING


def check(register):
    topic = register.data.get("provision_requirement")
    if topic is None or topic["kind"] == "voluntary" or "consequences" in topic:
        return
    yield problem_at(register, ("provision_requirement", "kind"), ID, LEVEL,
                     f"{REFERENCE}: ei kerrota, mitä seuraa, jos vaadittuja tietoja ei anneta",
                     "lisää 'consequences:', esim. 'Ilman yhteystietoja hakemusta ei voida käsitellä.'")
