"""Where data is used for direct marketing, the right to object to it is told (GDPR 21(2)–(3)).

The right to object to processing for direct marketing is unconditional: once the person
objects, the data is no longer used for it. It must be brought to the person's attention
explicitly and separately from other information (GDPR 21(4)). A purpose that speaks of
direct marketing ("suoramarkkinointi" or "suoramainonta" in any inflection or compound, in
its text or legitimate interest) asks for ``- right: objection`` whose text speaks of direct
marketing too. The standard sentence does; an own text (or the register's own standard
sentence, ``wording.rights.objection``) that does not is reported at that text.

PASS:
    purposes:
      items:
        - text: Suoramarkkinointi asiakkaille
          legal_basis: legitimate_interests
          legitimate_interest: Asiakkaille tiedottaminen uusista tuotteista.
    rights:
      items:
        - right: objection
FAIL:
    purposes:
      items:
        - text: Suoramarkkinointi asiakkaille
          legal_basis: legitimate_interests
          legitimate_interest: Asiakkaille tiedottaminen uusista tuotteista.
    rights:
      items:
        - right: objection
          text: Voit vastustaa käsittelyä, joka perustuu oikeutettuun etuun.
"""

from __future__ import annotations

import re

from seloste.lint.finding import missing_topic_position
from seloste.lint.finding import problem_at
from seloste.lint.finding import problem_at_position
from seloste.lint.finding import purposes
from seloste.lint.finding import right_kinds
from seloste.lint.finding import right_text
from seloste.lint.finding import rights
from seloste.lint.finding import short
from seloste.lint.finding import silent_rights
from seloste.lint.reading import words_of
from seloste.lint.source import text_positions
from seloste.problem import ERROR
from seloste.resources import phrases

ID = "GDPR-21-2"
TITLE = "The right to object to direct marketing is told where data is used for it"
REFERENCE = "GDPR 21(2)–(3)"
LEVEL = ERROR

_DIRECT_MARKETING = re.compile(r"suora[- ]?markkinoi|suoramainon", re.IGNORECASE)
# In the objection right's own words, marketing of any kind it speaks of ("sähköpostimarkkinoinnissa
# ... voi milloin tahansa poistaa tietonsa") is the direct marketing the right is about.
_MARKETING = re.compile(r"markkinoi|mainon", re.IGNORECASE)
_SENTENCE = ("Rekisteröidyllä on oikeus milloin tahansa vastustaa tietojensa käsittelyä suoramarkkinointia varten, "
             "jolloin tietoja ei enää käsitellä tähän tarkoitukseen (GDPR 21(2)–(3)).")
_APART = "kerro se selvästi ja muista tiedoista erillään (GDPR 21(4))"


def check(register):
    mention = _first_mention(register)
    if mention is None:
        return
    line = mention[0]
    objections = [index for index, item in rights(register) if item["right"] == "objection"]
    if "objection" not in right_kinds(register):
        yield _not_told(register, line, [index for index, _item in silent_rights(register) if index in objections])
        return
    told = [index for index in objections if index not in {i for i, _item in silent_rights(register)}]
    if not told or any(_MARKETING.search(words_of(right_text(register, index)[1])) for index in told):
        return  # told in words lint cannot read here, or told
    path, text = right_text(register, told[0])
    yield problem_at(register, path, ID, LEVEL,
                     f"{REFERENCE}: tietoja käytetään suoramarkkinointiin (rivi {line}), mutta vastustamisoikeuden "
                     f"teksti ei kerro, että suoramarkkinointia saa vastustaa milloin tahansa: ”{short(words_of(text))}”",
                     _fix(path))


def _first_mention(register) -> tuple[int, int] | None:
    """The (line, column) of the first words about direct marketing in a purpose, or None."""
    topic = register.data.get("purposes")
    places = []
    if isinstance(topic, dict) and "legitimate_interest" in topic:
        places.append((("purposes", "legitimate_interest"), topic["legitimate_interest"]))
    for index, item in purposes(register):
        path = ("purposes", "items", index)
        if isinstance(item, str):
            places.append((path, item))
        else:
            places.append((path + ("text",), item["text"]))
            if "legitimate_interest" in item:
                places.append((path + ("legitimate_interest",), item["legitimate_interest"]))
    found = []
    for path, text in places:
        match = _DIRECT_MARKETING.search(text)
        if match is not None:
            found.append(text_positions(register, path, [match.span()])[0])
    return min(found) if found else None


def _standard_covers() -> bool:
    return bool(_DIRECT_MARKETING.search(phrases()["rights"]["objection"]))


def _not_told(register, line: int, silent: list[int]):
    if "rights" in register.data:
        position = register.document.position(("rights",), key=True)
    else:
        position = missing_topic_position(register, "rights")
    message = (f"{REFERENCE}: tietoja käytetään suoramarkkinointiin (rivi {line}), mutta oikeutta vastustaa "
               "suoramarkkinointia ei kerrota")
    if silent:
        said = register.document.position(right_text(register, silent[0])[0])[0]
        message += f" (vastustamisoikeuden teksti rivillä {said} ei kerro mitään)"
        hint = f"kirjoita vastustamisoikeuden tekstiksi esim. ”{_SENTENCE}”; {_APART}"
    elif _standard_covers():
        hint = ("lisää kohdan 'rights' alle 'items:'-luetteloon '- right: objection'; ilman omaa tekstiä selosteeseen "
                "tulee vakiolause, joka kertoo myös oikeudesta vastustaa suoramarkkinointia")
    else:
        hint = (f"lisää kohdan 'rights' alle '- right: objection' ja sen 'text:'-kohtaan esim. ”{_SENTENCE}” "
                f"(vakiolause ei mainitse suoramarkkinointia); {_APART}")
    return problem_at_position(register, position, ID, LEVEL, message, hint)


def _fix(path: tuple) -> str:
    """What to write where the objection right's words leave out direct marketing."""
    if path[0] == "wording":
        where = "kohdan wording.rights.objection lauseeseen"
        instead = ", tai poista oma lause, jolloin selosteeseen tulee vakiolause, joka kertoo siitä" if _standard_covers() else ""
    elif path[-1] == "text":
        where = "tekstiin"
        instead = ", tai poista 'text:', jolloin selosteeseen tulee vakiolause, joka kertoo siitä" if _standard_covers() else ""
    else:  # the standard sentence itself leaves it out
        where, instead = "oikeudelle 'text:' ja siihen", " (vakiolause ei mainitse suoramarkkinointia)"
    return f"lisää {where} esim. ”{_SENTENCE}”{instead}; {_APART}"
