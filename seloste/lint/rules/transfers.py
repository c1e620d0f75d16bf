"""Transfers outside the EU/EEA are stated either way (GDPR 13(1)(f), 14(1)(f)).

``transfers`` says ``none: true``, or lists each transfer with its country and safeguard
(adequacy decision, standard contractual clauses, binding corporate rules...).
``none: true`` with items contradicts itself.

PASS:
    transfers:
      none: true
FAIL:
    transfers:
      none: false
"""

from __future__ import annotations

from seloste.lint.finding import stated_either_way
from seloste.problem import ERROR

ID = "GDPR-13-1-f"
TITLE = "Transfers outside the EU/EEA are stated either way"
REFERENCE = "GDPR 13(1)(f)"
LEVEL = ERROR
FACTS = ("transfers", "no_transfers")  # a text that declares these states the point

_HINT = "'none: true', jos tietoja ei siirretä, tai siirrot kohtina (text, country, safeguard)"


def check(register):
    yield from stated_either_way(
        register, "transfers", ID, LEVEL,
        missing=(f"{REFERENCE}: ei kerrota, siirretäänkö tietoja EU:n tai ETA:n ulkopuolelle", _HINT),
        empty=(f"{REFERENCE}: kohta 'transfers' ei kerro, siirretäänkö tietoja EU:n tai ETA:n ulkopuolelle",
               f"kirjoita {_HINT}"),
        contradiction=(f"{REFERENCE}: 'none: true' sanoo, ettei tietoja siirretä, mutta siirtoja on lueteltu",
                       "poista 'none: true' tai siirtojen luettelo"))
