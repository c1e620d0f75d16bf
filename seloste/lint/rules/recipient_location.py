"""A recipient or processor located outside the EU/EEA names its safeguard (GDPR 13(1)(f), 14(1)(f)).

A recipient or processor whose ``location`` is outside the EU and the EEA receives a transfer
to a third country, and the notice tells its safeguard (``safeguard``: adequacy decision,
standard contractual clauses...), as a transfer would. A location is inside when it names the
EU, the EEA or their member states (``seloste/data/eea.yaml``), alone or joined by "/", ",",
"ja" or "tai"; anything else is read as outside.

PASS:
    processors:
      items:
        - text: Postituspalvelu Oy
          location: EU/ETA
        - text: Pilvipalvelu Inc.
          location: Yhdysvallat
          safeguard: standard_contractual_clauses
FAIL:
    processors:
      items:
        - text: Pilvipalvelu Inc.
          location: Yhdysvallat
"""

from __future__ import annotations

import functools
import re

from seloste.lint.finding import problem_at
from seloste.lint.finding import short
from seloste.problem import WARNING
from seloste.resources import data_file

ID = "GDPR-13-1-f-location"
TITLE = "Recipients and processors outside the EU/EEA name their safeguard"
REFERENCE = "GDPR 13(1)(f)"
LEVEL = WARNING

_JOINS = re.compile(r"\s*(?:/|,|\bja\b|\btai\b)\s*")
_WHO = {"recipients": "vastaanottaja", "processors": "käsittelijä"}


@functools.lru_cache(maxsize=1)
def _inside_names() -> frozenset:
    return frozenset(name.casefold() for name in data_file("eea.yaml")["names"])


def inside_eea(location: str) -> bool:
    """True when ``location`` names only the EU, the EEA or their member states."""
    parts = [part for part in _JOINS.split(location.casefold().strip()) if part]
    return bool(parts) and all(part in _inside_names() for part in parts)


def listed(register, topic: str):
    """(path, item) of every item of a list topic, including the items of its groups."""
    value = register.data.get(topic) or {}
    for index, item in enumerate(value.get("items", [])):
        yield (topic, "items", index), item
    for group_index, group in enumerate(value.get("groups", [])):
        for index, item in enumerate(group["items"]):
            yield (topic, "groups", group_index, "items", index), item


def check(register):
    for topic, who in _WHO.items():
        for path, item in listed(register, topic):
            if not isinstance(item, dict) or "location" not in item or "safeguard" in item:
                continue
            if not inside_eea(item["location"]):
                yield problem_at(register, path + ("location",), ID, LEVEL,
                                 f"{REFERENCE}: {who} ”{short(item['text'])}” sijaitsee EU:n tai ETA:n ulkopuolella "
                                 f"({item['location']}), mutta siirron suojatoimea ei kerrota",
                                 "lisää kohtaan 'safeguard:' siirron peruste, esim. standard_contractual_clauses tai "
                                 "adequacy_decision; jos tiedot pysyvät EU:ssa tai ETA:ssa, kirjoita sijainniksi EU/ETA")
