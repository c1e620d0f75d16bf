"""The legitimate interest is described where it is the legal basis (GDPR 13(1)(d), 14(2)(b)).

A purpose whose basis is ``legitimate_interests`` (GDPR 6(1)(f)) says in
``legitimate_interest`` whose interest it is and what it is.

PASS:
    purposes:
      items:
        - text: Suoramarkkinointi
          legal_basis: legitimate_interests
          legitimate_interest: Asiakkaille tiedottaminen uusista palveluista.
FAIL:
    purposes:
      items:
        - text: Suoramarkkinointi
          legal_basis: legitimate_interests
"""

from __future__ import annotations

from seloste.lint.finding import declares
from seloste.lint.finding import problem_at
from seloste.lint.finding import short
from seloste.lint.finding import stated_bases
from seloste.problem import ERROR

ID = "GDPR-13-1-d"
TITLE = "A legitimate interest used as the basis is described"
REFERENCE = "GDPR 13(1)(d)"
LEVEL = ERROR
FACTS = ("legitimate_interest",)  # a text that declares these states the point

_WHAT = "mikä rekisterinpitäjän tai kolmannen osapuolen oikeutettu etu on"


def check(register):
    if declares(register, *FACTS):
        return  # the interest is told in the register's own words
    told = set()
    for stated in stated_bases(register):
        if stated.basis != "legitimate_interests" or stated.path in told:
            continue
        told.add(stated.path)
        if stated.every_purpose:
            topic = register.data["purposes"]
            if "legitimate_interest" not in topic:
                yield problem_at(register, stated.path, ID, LEVEL,
                                 f"{REFERENCE}: kaikkien tarkoitusten oikeusperusteena on oikeutettu etu, mutta etua "
                                 "ei kuvata",
                                 f"lisää kohtaan 'purposes' 'legitimate_interest:', {_WHAT}")
        elif stated.declared:
            topic = register.data.get("purposes") or {}
            if "legitimate_interest" not in topic and not any(
                    isinstance(item, dict) and "legitimate_interest" in item for item in topic.get("items", [])):
                yield problem_at(register, stated.path, ID, LEVEL,
                                 f"{REFERENCE}: tekstin mukaan oikeusperusteena on oikeutettu etu (states: "
                                 "legitimate_interests), mutta etua ei kuvata",
                                 f"kerro tekstissä, {_WHAT}, ja lisää sen 'states:'-luetteloon legitimate_interest")
        elif stated.purpose is not None:
            item = register.data["purposes"]["items"][stated.purpose]
            if isinstance(item, str):  # a basis read from the purpose's text
                yield problem_at(register, stated.path, ID, LEVEL,
                                 f"{REFERENCE}: oikeusperusteena on oikeutettu etu, mutta etua ei kuvata: ”{short(item)}”",
                                 f"kirjoita kohta muodossa 'text: ...' ja lisää 'legitimate_interest:', {_WHAT}")
            elif "legitimate_interest" not in item:
                yield problem_at(register, stated.path, ID, LEVEL,
                                 f"{REFERENCE}: oikeusperusteena on oikeutettu etu, mutta etua ei kuvata: "
                                 f"”{short(item['text'])}”",
                                 f"lisää kohtaan 'legitimate_interest:', {_WHAT}")
