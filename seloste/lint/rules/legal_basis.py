"""Every purpose of processing names its legal basis (GDPR 13(1)(c), 14(1)(c)).

Each purpose is written as an item with ``text`` and ``legal_basis``, one or more of the
bases of GDPR 6(1): ``consent``, ``contract``, ``legal_obligation``, ``vital_interests``,
``public_task``, ``legitimate_interests``. A purpose written as plain text has no basis and
is reported at its own line.

PASS:
    purposes:
      items:
        - text: Laskutus
          legal_basis: contract
FAIL:
    purposes:
      items:
        - Laskutus
"""

from __future__ import annotations

from seloste.facts import BASES
from seloste.lint.finding import declares
from seloste.lint.finding import missing_topic
from seloste.lint.finding import problem_at
from seloste.lint.finding import purpose_bases
from seloste.lint.finding import purposes
from seloste.lint.finding import short
from seloste.problem import ERROR

ID = "GDPR-13-1-c"
TITLE = "Every purpose of processing has a legal basis"
REFERENCE = "GDPR 13(1)(c)"
LEVEL = ERROR
FACTS = tuple(sorted(BASES))  # a text that declares these states the point

_BASES = "consent, contract, legal_obligation, vital_interests, public_task tai legitimate_interests"


def check(register):
    if declares(register, *FACTS):
        return  # the register tells its legal bases in its own words, for the purposes it names there
    topic = register.data.get("purposes")
    if topic is None:
        yield missing_topic(register, "purposes", ID, LEVEL,
                            f"{REFERENCE}: käsittelyn tarkoituksia ja niiden oikeusperusteita ei kerrota",
                            "'items:', jossa kukin tarkoitus muodossa '- text: ...' ja 'legal_basis: ...'")
        return
    items = purposes(register)
    if not items:
        yield problem_at(register, ("purposes",), ID, LEVEL,
                         f"{REFERENCE}: käsittelyn tarkoituksia ei ole lueteltu kohtina, joten niiden "
                         "oikeusperusteet puuttuvat",
                         "kirjoita tarkoitukset kohdan 'items:' alle muodossa '- text: ...' ja 'legal_basis: ...'",
                         key=True)
        return
    for index, item in items:
        if purpose_bases(register, index):  # its own, or one stated for every purpose at once
            continue
        text = item if isinstance(item, str) else item["text"]
        how = "kirjoita kohta muodossa 'text: ...' ja lisää " if isinstance(item, str) else "lisää "
        yield problem_at(register, ("purposes", "items", index), ID, LEVEL,
                         f"{REFERENCE}: käsittelytarkoitukselta puuttuu oikeusperuste: ”{short(text)}”",
                         f"{how}'legal_basis:' ({_BASES})")
