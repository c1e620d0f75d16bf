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

from seloste.lint.finding import missing_topic
from seloste.lint.finding import problem_at
from seloste.lint.finding import statement
from seloste.problem import ERROR

ID = "GDPR-13-1-f"
TITLE = "Transfers outside the EU/EEA are stated either way"
REFERENCE = "GDPR 13(1)(f)"
LEVEL = ERROR

_HINT = "'none: true', jos tietoja ei siirretä, tai siirrot kohtina (text, country, safeguard)"


def check(register):
    state = statement(register, "transfers")
    if state == "missing":
        yield missing_topic(register, "transfers", ID, LEVEL,
                            f"{REFERENCE}: ei kerrota, siirretäänkö tietoja EU:n tai ETA:n ulkopuolelle", _HINT)
    elif state == "empty":
        yield problem_at(register, ("transfers",), ID, LEVEL,
                         f"{REFERENCE}: kohta 'transfers' ei kerro, siirretäänkö tietoja EU:n tai ETA:n ulkopuolelle",
                         f"kirjoita {_HINT}", key=True)
    elif state == "contradiction":
        yield problem_at(register, ("transfers", "none"), ID, LEVEL,
                         f"{REFERENCE}: 'none: true' sanoo, ettei tietoja siirretä, mutta siirtoja on lueteltu",
                         "poista 'none: true' tai siirtojen luettelo")
