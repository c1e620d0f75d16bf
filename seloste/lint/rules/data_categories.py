"""Where data is not only collected from the person, the categories of data are told (GDPR 14(1)(d)).

Data comes from elsewhere when a source says ``origin: other``, and may do when the notice
names no sources at all; then the notice lists the categories of personal data concerned, in
``data_categories`` or for each group of data subjects (``data_subjects.groups[].data``).

PASS:
    sources:
      items:
        - text: Suosittelijat
          origin: other
    data_categories:
      items:
        - Suosittelijan arvio hakijasta
FAIL:
    sources:
      items:
        - text: Suosittelijat
          origin: other
"""

from __future__ import annotations

from seloste.lint.finding import declares
from seloste.lint.finding import has_text
from seloste.lint.finding import missing_topic
from seloste.lint.finding import problem_at
from seloste.problem import ERROR

ID = "GDPR-14-1-d"
TITLE = "Categories of data are told where data comes from elsewhere"
REFERENCE = "GDPR 14(1)(d)"
LEVEL = ERROR
FACTS = ("data_categories",)  # a text that declares these states the point


def data_from_elsewhere(register) -> bool:
    """True when the register names no sources, or a source other than the person."""
    sources = register.data.get("sources")
    if sources is None:
        return True
    return any(isinstance(item, dict) and item.get("origin") == "other" for item in sources.get("items", []))


def check(register):
    if not data_from_elsewhere(register) or declares(register, *FACTS):
        return
    topic = register.data.get("data_categories")
    groups = (register.data.get("data_subjects") or {}).get("groups", [])
    if any("data" in group for group in groups):
        return  # told group by group of data subjects
    why = ("tietoja saadaan muualta kuin rekisteröidyltä itseltään" if "sources" in register.data
           else "tietolähteitä ei kerrota")
    if topic is None:
        yield missing_topic(register, "data_categories", ID, LEVEL,
                            f"{REFERENCE}: käsiteltäviä henkilötietoryhmiä ei kerrota, vaikka {why}",
                            "tiedot kohtina tai ryhminä ('groups:')")
    elif not topic.get("items") and not topic.get("groups") and not has_text(topic):
        yield problem_at(register, ("data_categories",), ID, LEVEL,
                         f"{REFERENCE}: kohta 'data_categories' ei kerro käsiteltäviä tietoja",
                         "lisää tiedot kohtina ('items:') tai ryhminä ('groups:')", key=True)
