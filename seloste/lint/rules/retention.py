"""The retention period, or the criteria that set it, is given (GDPR 13(2)(a), 14(2)(a)).

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

from seloste.lint.finding import has_text
from seloste.lint.finding import missing_topic_position
from seloste.lint.finding import problem_at
from seloste.lint.finding import problem_at_position
from seloste.lint.finding import topic_before
from seloste.problem import ERROR

ID = "GDPR-13-2-a"
TITLE = "The retention period or its criteria are given"
REFERENCE = "GDPR 13(2)(a)"
LEVEL = ERROR


def check(register):
    topic = register.data.get("retention")
    if topic is None:
        yield problem_at_position(register, missing_topic_position(register, "retention"), ID, LEVEL,
                                  f"{REFERENCE}: säilytysaikaa tai sen määräytymisperusteita ei kerrota",
                                  f"lisää kohdan '{topic_before(register, 'retention')}' jälkeen 'retention:' ja "
                                  "sen alle säilytysajat kohtina (text, period)")
    elif not topic.get("items") and not has_text(topic):
        yield problem_at(register, ("retention",), ID, LEVEL,
                         f"{REFERENCE}: kohta 'retention' ei kerro säilytysaikaa",
                         "kirjoita säilytysajat kohtina (text, period) tai 'intro:'-tekstinä", key=True)
