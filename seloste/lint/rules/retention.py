"""The retention period, or the criteria that set it, is given (GDPR 13(2)(a), 14(2)(a)).

A retention period given for every purpose (``retention`` of each purpose item) gives it too.

PASS:
    retention:
      items:
        - text: Hakemukset
          period: kaksi vuotta haun päättymisestä
FAIL:
    security:
      intro: Tiedot suojataan.
"""

from __future__ import annotations

from seloste.lint.finding import declares
from seloste.lint.finding import has_text
from seloste.lint.finding import missing_topic
from seloste.lint.finding import problem_at
from seloste.lint.finding import retention_of_every_purpose
from seloste.problem import ERROR

ID = "GDPR-13-2-a"
TITLE = "The retention period or its criteria are given"
REFERENCE = "GDPR 13(2)(a)"
LEVEL = ERROR
FACTS = ("retention",)  # a text that declares these states the point


def check(register):
    topic = register.data.get("retention")
    if declares(register, *FACTS) or retention_of_every_purpose(register):
        return
    if topic is None:
        yield missing_topic(register, "retention", ID, LEVEL,
                            f"{REFERENCE}: säilytysaikaa tai sen määräytymisperusteita ei kerrota",
                            "säilytysajat kohtina (text, period)")
    elif not topic.get("items") and not has_text(topic):
        yield problem_at(register, ("retention",), ID, LEVEL,
                         f"{REFERENCE}: kohta 'retention' ei kerro säilytysaikaa",
                         "kirjoita säilytysajat kohtina (text, period) tai 'intro:'-tekstinä", key=True)
