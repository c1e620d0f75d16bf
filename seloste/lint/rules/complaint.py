"""The right to lodge a complaint with a supervisory authority is told (GDPR 13(2)(d), 14(2)(e)).

``complaint:`` renders the standard sentence; ``authority: tietosuojavaltuutettu`` adds the
Finnish authority's contact details, kept as data in ``seloste/data/authorities.yaml``.

PASS:
    complaint:
      authority: tietosuojavaltuutettu
FAIL:
    rights:
      items:
        - right: access
"""

from __future__ import annotations

from seloste.lint.finding import declares
from seloste.lint.finding import missing_topic
from seloste.problem import ERROR

ID = "GDPR-13-2-d"
TITLE = "The right to complain to a supervisory authority is told"
REFERENCE = "GDPR 13(2)(d)"
LEVEL = ERROR
FACTS = ("complaint",)  # a text that declares these states the point


def check(register):
    if "complaint" in register.data or declares(register, *FACTS):
        return
    yield missing_topic(register, "complaint", ID, LEVEL,
                        f"{REFERENCE}: oikeutta tehdä valitus valvontaviranomaiselle ei kerrota",
                        "'authority: tietosuojavaltuutettu'; selosteeseen tulee vakiolause ja "
                        "valvontaviranomaisen yhteystiedot")
