"""The notice says whether providing the data is a statutory or contractual requirement (GDPR 13(2)(e)).

``provision_requirement: {kind: ...}`` with ``statutory``, ``contractual``,
``contract_prerequisite``, ``voluntary`` or ``mixed`` renders the standard sentence. Article
14 has no such point: a register whose every listed source is other than the person
(``origin: other``) passes without it.

PASS:
    provision_requirement:
      kind: contract_prerequisite
      consequences: Ilman tietoja sopimusta ei voida tehdä.
FAIL:
    complaint:
      authority: tietosuojavaltuutettu
"""

from __future__ import annotations

from seloste.lint.finding import declares
from seloste.lint.finding import missing_topic
from seloste.problem import ERROR

ID = "GDPR-13-2-e"
TITLE = "Whether providing the data is required by law or contract is told"
REFERENCE = "GDPR 13(2)(e)"
LEVEL = ERROR
FACTS = ("provision_requirement",)  # a text that declares these states the point


def check(register):
    if "provision_requirement" in register.data or declares(register, *FACTS) or _only_other_sources(register):
        return
    yield missing_topic(register, "provision_requirement", ID, LEVEL,
                        f"{REFERENCE}: ei kerrota, onko tietojen antaminen lakisääteinen tai sopimukseen "
                        "perustuva vaatimus eikä mitä seuraa, jos tietoja ei anneta",
                        "'kind:' (statutory, contractual, contract_prerequisite, voluntary tai mixed) ja 'consequences:'")


def _only_other_sources(register) -> bool:
    items = (register.data.get("sources") or {}).get("items", [])
    return bool(items) and all(isinstance(item, dict) and item.get("origin") == "other" for item in items)
