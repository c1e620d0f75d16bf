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
from seloste.lint.finding import legal_bases
from seloste.lint.finding import problem_at
from seloste.lint.finding import purposes
from seloste.lint.finding import short
from seloste.problem import ERROR

ID = "GDPR-13-1-d"
TITLE = "A legitimate interest used as the basis is described"
REFERENCE = "GDPR 13(1)(d)"
LEVEL = ERROR
FACTS = ("legitimate_interest",)  # a text that declares these states the point


def check(register):
    topic = register.data.get("purposes")
    if declares(register, *FACTS):
        return  # the interest is told in the register's own words
    if "legitimate_interests" in legal_bases(topic) and "legitimate_interest" not in topic:
        yield problem_at(register, ("purposes", "legal_basis"), ID, LEVEL,
                         f"{REFERENCE}: kaikkien tarkoitusten oikeusperusteena on oikeutettu etu, mutta etua ei kuvata",
                         "lisää kohtaan 'purposes' 'legitimate_interest:', mikä rekisterinpitäjän tai kolmannen "
                         "osapuolen oikeutettu etu on")
    for index, item in purposes(register):
        if "legitimate_interests" in legal_bases(item) and "legitimate_interest" not in item:
            yield problem_at(register, ("purposes", "items", index, "legal_basis"), ID, LEVEL,
                             f"{REFERENCE}: oikeusperusteena on oikeutettu etu, mutta etua ei kuvata: "
                             f"”{short(item['text'])}”",
                             "lisää kohtaan 'legitimate_interest:', mikä rekisterinpitäjän tai kolmannen "
                             "osapuolen oikeutettu etu on")
