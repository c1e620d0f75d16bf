"""The data protection officer's contact details are given (GDPR 13(1)(b), 14(1)(b)).

A warning, not an error: only some controllers must appoint a data protection officer
(GDPR 37). A controller without one says so with ``dpo: {none: true}`` (a standard
sentence) or its own sentence in place of ``true``. A DPO entry whose words say that none is
appointed ("Tietosuojavastaavaa ei ole nimitetty") gives no contact: it is reported at those
words, with the hint to write ``none:``. ``none`` with contact details contradicts itself.

PASS:
    dpo:
      name: Tietosuojavastaava
      email: tietosuoja@esimerkki.fi
FAIL:
    dpo:
      name: Tietosuojavastaava
"""

from __future__ import annotations

import re

from seloste.lint.finding import declares
from seloste.lint.finding import missing_topic
from seloste.lint.finding import problem_at
from seloste.lint.finding import problem_at_position
from seloste.lint.finding import short
from seloste.lint.reading import says_nothing
from seloste.lint.source import text_positions
from seloste.lint.source import texts
from seloste.problem import WARNING

ID = "GDPR-13-1-b"
TITLE = "The data protection officer's contact details are given"
REFERENCE = "GDPR 13(1)(b)"
LEVEL = WARNING
FACTS = ("dpo", "no_dpo")  # a text that declares these states the point

_CONTACT_KEYS = ("email", "phone", "postal_address", "fields")
_NONE_HINT = "'none: true', jos tietosuojavastaavaa ei ole nimitetty (GDPR 37); selosteeseen tulee sitä kertova vakiolause"
# Words that say no DPO is appointed: "tietosuojavastaavaa ei ole" or "ei (ole)
# tietosuojavastaavaa", or nothing but a no ("Ei", "Ei ole"); and a verb of appointing denied
# ("ei ole nimitetty", "emme ole nimenneet", "ei tarvitse nimittää"), in the DPO's name or in a
# sentence that speaks of the DPO ("Varahenkilöä ei ole nimetty" is about someone else).
_NO_DPO = re.compile(r"\btietosuojavastaavaa\s+ei\b|\bei\s+(?:ole\s+)?tietosuojavastaavaa\b|^\W*ei(?:\s+ole)?\W*$",
                     re.IGNORECASE)
_NOT_APPOINTED = re.compile(
    r"\b(?:en|et|ei|emme|ette|eivät)\s+(?:ole\s+)?(?:(?:velvollinen|velvollisia|velvoitettu|tarvitse)\s+)?"
    r"(?:nimit|nime|aseta|asett)\w*",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def check(register):
    dpo = register.data.get("dpo")
    if declares(register, *FACTS) and not (dpo and dpo.get("none")):
        return  # the register tells its DPO's contact, or that none is appointed, in its own words
    if dpo is None:
        yield missing_topic(register, "dpo", ID, LEVEL, f"{REFERENCE}: tietosuojavastaavan yhteystietoja ei kerrota",
                            f"'email:' tai 'phone:', tai {_NONE_HINT}")
        return
    none = dpo.get("none")
    if none is True or isinstance(none, str):
        yield from _none_stated(register, dpo)
        return
    said = list(_not_appointed(register))
    if said:
        yield from said
    elif not any(key in dpo for key in _CONTACT_KEYS):
        yield problem_at(register, ("dpo",), ID, LEVEL,
                         f"{REFERENCE}: tietosuojavastaavan yhteystiedot puuttuvat",
                         f"lisää kohtaan 'dpo' 'email:', 'phone:' tai 'postal_address:', tai kirjoita {_NONE_HINT}",
                         key=True)


def _none_stated(register, dpo: dict):
    """``none`` said: a contradiction with contact details, or an own sentence that says nothing."""
    if any(key in dpo for key in ("name", *_CONTACT_KEYS)):
        yield problem_at(register, ("dpo", "none"), ID, LEVEL,
                         f"{REFERENCE}: 'none' sanoo, ettei tietosuojavastaavaa ole nimitetty, mutta tietosuojavastaavan "
                         "yhteystietoja on annettu",
                         "poista 'none:', jos tietosuojavastaava on nimitetty; muuten poista yhteystiedot")
    elif isinstance(dpo["none"], str) and says_nothing(dpo["none"]):
        yield problem_at(register, ("dpo", "none"), ID, LEVEL,
                         f"{REFERENCE}: oma lause ei kerro, onko tietosuojavastaava nimitetty: ”{short(dpo['none'])}”",
                         "kirjoita 'none: true' (selosteeseen tulee vakiolause) tai kokonainen oma lause, esim. "
                         "'none: Yhdistys ei ole nimittänyt tietosuojavastaavaa.'")


def _not_appointed(register):
    """A finding at each text under ``dpo`` whose words say no DPO is appointed."""
    for path, value in texts(register):
        if path[0] != "dpo" or path[1] == "none":
            continue
        match = _says_none_appointed(value, about_the_dpo=path == ("dpo", "name"))
        if match is None:
            continue
        (position,) = text_positions(register, path, [match.span()])
        yield problem_at_position(register, position, ID, LEVEL,
                                  f"{REFERENCE}: tietosuojavastaavan kohta sanoo, ettei tietosuojavastaavaa ole "
                                  f"nimitetty, joten se ei ole tietosuojavastaavan yhteystieto: ”{short(value)}”",
                                  "kirjoita kohdan 'dpo' alle pelkkä 'none: true' (selosteeseen tulee vakiolause) tai "
                                  "oma lause 'none: ...' ja poista tämä teksti ja muut kohdan tiedot")


def _says_none_appointed(value: str, about_the_dpo: bool):
    """The match of words in ``value`` that say no DPO is appointed, or None."""
    match = _NO_DPO.search(value)
    if match is not None:
        return match
    for match in _NOT_APPOINTED.finditer(value):
        start = max((end.end() for end in _SENTENCE_END.finditer(value, 0, match.start())), default=0)
        stop = next((end.start() for end in _SENTENCE_END.finditer(value, match.end())), len(value))
        if about_the_dpo or "tietosuojavastaav" in value[start:stop].lower():
            return match
    return None
