"""The notice tells where the data comes from (GDPR 14(2)(f)).

A notice that names no sources leaves open whether data is obtained from elsewhere; then
GDPR 14 asks for the source, and whether it is publicly available (``public: true``).

PASS:
    sources:
      items:
        - text: Hakija itse
          origin: data_subject
FAIL:
    data_categories:
      items:
        - Nimi
"""

from __future__ import annotations

from seloste.lint.finding import declares
from seloste.lint.finding import has_text
from seloste.lint.finding import missing_topic
from seloste.lint.finding import problem_at
from seloste.problem import ERROR

ID = "GDPR-14-2-f"
TITLE = "The sources of the data are told"
REFERENCE = "GDPR 14(2)(f)"
LEVEL = ERROR
FACTS = ("sources",)  # a text that declares these states the point


def check(register):
    topic = register.data.get("sources")
    if declares(register, *FACTS):
        return
    if topic is None:
        yield missing_topic(register, "sources", ID, LEVEL, f"{REFERENCE}: ei kerrota, mistä henkilötiedot saadaan",
                            "lähteet kohtina ('text:', 'origin: data_subject' tai 'origin: other')")
    elif not topic.get("items") and not has_text(topic):
        yield problem_at(register, ("sources",), ID, LEVEL,
                         f"{REFERENCE}: kohta 'sources' ei kerro tietolähteitä",
                         "lisää lähteet kohtina ('items:')", key=True)
