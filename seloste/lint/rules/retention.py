"""The retention period, or the criteria that set it, is given (GDPR 13(2)(a), 14(2)(a)).

A retention period given for every purpose (``retention`` of each purpose item) gives it too.
It is given in ``retention``, or group by group (``data_subjects.groups[].retention``); then
every group without ``retention`` of its own is the gap, unless ``retention`` tells it for all.

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
    groups = (register.data.get("data_subjects") or {}).get("groups", [])
    if topic is None and any("retention" in group for group in groups):
        # Told group by group: each group without its own retention is the gap.
        for index, group in enumerate(groups):
            if "retention" not in group:
                yield problem_at(register, ("data_subjects", "groups", index, "name"), ID, LEVEL,
                                 f"{REFERENCE}: ryhmän ”{group['name']}” tietojen säilytysaikaa ei kerrota",
                                 "lisää ryhmään 'retention:' tai kerro yhteinen säilytysaika kohdassa 'retention'")
    elif topic is None:
        yield missing_topic(register, "retention", ID, LEVEL,
                            f"{REFERENCE}: säilytysaikaa tai sen määräytymisperusteita ei kerrota",
                            "säilytysajat kohtina (text, period)")
    elif not topic.get("items") and not has_text(topic):
        yield problem_at(register, ("retention",), ID, LEVEL,
                         f"{REFERENCE}: kohta 'retention' ei kerro säilytysaikaa",
                         "kirjoita säilytysajat kohtina (text, period) tai 'intro:'-tekstinä", key=True)
