"""The notice shows when it last changed (GDPR 12(1)).

A reader, and a supervisory authority, should see whether the notice is current: give
``updated``, and keep it no older than the newest ``history`` entry.

PASS:
    updated: "2025-01-15"
    history:
      - date: "2025-01-15"
        text: Säilytysajat tarkennettu.
FAIL:
    history:
      - date: "2025-01-15"
        text: Säilytysajat tarkennettu.
"""

from __future__ import annotations

from seloste.lint.finding import missing_topic_position
from seloste.lint.finding import problem_at
from seloste.lint.finding import problem_at_position
from seloste.problem import WARNING

ID = "NOTICE-UPDATED"
TITLE = "The notice shows when it last changed"
REFERENCE = "GDPR 12(1)"
LEVEL = WARNING


def check(register):
    data = register.data
    newest = max((change["date"] for change in data.get("history", [])), default="")
    if "updated" not in data:
        yield problem_at_position(register, missing_topic_position(register, "updated"), ID, LEVEL,
                                  f"{REFERENCE}: selosteesta ei näe, milloin sitä on viimeksi muutettu",
                                  f"lisää 'updated: \"{newest or 'VVVV-KK-PP'}\"' (päivä, jona selostetta viimeksi muutettiin)")
    elif newest > data["updated"]:
        yield problem_at(register, ("updated",), ID, LEVEL,
                         f"{REFERENCE}: päivitetty {data['updated']} on vanhempi kuin muutoshistorian uusin "
                         f"muutos {newest}",
                         f"korjaa 'updated: \"{newest}\"'")
