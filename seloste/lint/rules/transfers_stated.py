"""Transfers are stated as ``none: true`` or as items, not only in free text (GDPR 13(1)(f)).

Free text cannot be checked for the country and the safeguard of each transfer; items can,
and ``none: true`` renders the standard sentence.

PASS:
    transfers:
      items:
        - text: Sähköpostipalvelu
          country: Yhdysvallat
          safeguard: adequacy_decision
FAIL:
    transfers:
      intro: Tietoja ei pääsääntöisesti siirretä EU:n ulkopuolelle.
"""

from __future__ import annotations

from seloste.lint.finding import problem_at
from seloste.lint.finding import statement
from seloste.problem import WARNING

ID = "GDPR-13-1-f-text"
TITLE = "Transfers are stated as items or none, not only in free text"
REFERENCE = "GDPR 13(1)(f)"
LEVEL = WARNING


def check(register):
    if statement(register, "transfers") == "text":
        yield problem_at(register, ("transfers",), ID, LEVEL,
                         f"{REFERENCE}: siirrot EU:n tai ETA:n ulkopuolelle kerrotaan vain vapaana tekstinä",
                         "kirjoita 'none: true', jos tietoja ei siirretä, tai siirrot kohtina (text, country, safeguard)",
                         key=True)
