"""Automated decision-making and profiling are stated either way (GDPR 13(2)(f), 14(2)(g)).

``automated_decisions`` says ``none: true`` (a standard sentence), or describes the
decisions, their logic and consequences. ``none: true`` with items contradicts itself. A
description that says nothing ("Ei.", "Kyllä.", one or two words in all), or an own ``none``
sentence that says nothing, does not tell it either.

PASS:
    automated_decisions:
      none: true
FAIL:
    automated_decisions:
      none: true
      items:
        - Hakemusten automaattinen esikarsinta
"""

from __future__ import annotations

from seloste.lint.finding import stated_either_way
from seloste.problem import ERROR

ID = "GDPR-13-2-f"
TITLE = "Automated decision-making and profiling are stated either way"
REFERENCE = "GDPR 13(2)(f)"
LEVEL = ERROR
FACTS = ("automated_decisions", "no_automated_decisions")  # a text that declares these states the point

_HINT = ("'none: true', jos automaattisia päätöksiä tai profilointia ei ole, tai niiden kuvaus, "
         "logiikka ja merkitys rekisteröidylle")


def check(register):
    yield from stated_either_way(
        register, "automated_decisions", ID, LEVEL,
        missing=(f"{REFERENCE}: ei kerrota, tehdäänkö automaattisia päätöksiä tai profilointia", _HINT),
        empty=(f"{REFERENCE}: kohta 'automated_decisions' ei kerro, tehdäänkö automaattisia päätöksiä",
               f"kirjoita {_HINT}"),
        contradiction=(f"{REFERENCE}: 'none: true' sanoo, ettei automaattisia päätöksiä tehdä, mutta niitä "
                       "on lueteltu",
                       "poista 'none: true' tai luettelo"),
        nothing=(f"{REFERENCE}: kohdan 'automated_decisions' teksti ei kerro, tehdäänkö automaattisia päätöksiä "
                 "tai profilointia",
                 "kirjoita 'none: true', jos automaattisia päätöksiä tai profilointia ei ole (selosteeseen tulee "
                 "vakiolause), tai kokonaisin lausein päätösten kuvaus, logiikka ja merkitys rekisteröidylle"))
