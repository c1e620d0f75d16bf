"""Where consent is a legal basis, the right to withdraw it is told (GDPR 13(2)(c), 14(2)(d)).

Consent is a basis when a purpose names it, when every purpose rests on it
(``purposes.legal_basis: consent``), or when a special category of data is processed on
explicit consent (``condition: a``, GDPR 9(2)(a)). A right to withdraw consent whose text
says nothing ("Kyllä.") is listed but not told: it does not count, and a finding at its text
says why.

PASS:
    purposes:
      items:
        - text: Uutiskirje
          legal_basis: consent
    rights:
      items:
        - right: withdraw_consent
FAIL:
    purposes:
      items:
        - text: Uutiskirje
          legal_basis: consent
    rights:
      items:
        - right: access
"""

from __future__ import annotations

from seloste.lint.finding import missing_topic_position
from seloste.lint.finding import problem_at_position
from seloste.lint.finding import right_kinds
from seloste.lint.finding import right_text
from seloste.lint.finding import silent_right
from seloste.lint.finding import silent_rights
from seloste.lint.finding import stated_bases
from seloste.problem import ERROR

ID = "GDPR-13-2-c"
TITLE = "The right to withdraw consent is told where consent is a basis"
REFERENCE = "GDPR 13(2)(c)"
LEVEL = ERROR
FACTS = ("withdraw_consent",)  # a text that declares it states the point


def check(register):
    silent = [index for index, item in silent_rights(register) if item["right"] == "withdraw_consent"]
    consent = [stated for stated in stated_bases(register) if stated.basis == "consent"]
    if consent and "withdraw_consent" not in right_kinds(register):
        yield _not_told(register, consent[0], silent)
    for index in silent:
        yield silent_right(register, index, ID, LEVEL, REFERENCE)


def _not_told(register, consent, silent: list[int]):
    line, _ = register.document.position(consent.path)
    if "rights" in register.data:
        position = register.document.position(("rights",), key=True)
    else:
        position = missing_topic_position(register, "rights")
    if consent.article == "9(2)(a)":
        basis = f"erityisen henkilötietoryhmän käsittelyn edellytys on nimenomainen suostumus (GDPR 9(2)(a), rivi {line})"
    else:
        basis = f"käsittelyn oikeusperuste on suostumus (rivi {line})"
    message = f"{REFERENCE}: {basis}, mutta oikeutta peruuttaa suostumus ei kerrota"
    hint = "lisää kohdan 'rights' alle 'items:'-luetteloon '- right: withdraw_consent'"
    if silent:
        said = register.document.position(right_text(register, silent[0])[0])[0]
        message += f" (oikeuden withdraw_consent teksti rivillä {said} ei kerro mitään)"
        hint = ("kirjoita oikeuden withdraw_consent tekstiksi kokonainen lause siitä, että suostumuksen voi peruuttaa "
                "milloin tahansa ja miten (ks. havainto tekstin kohdalla)")
    return problem_at_position(register, position, ID, LEVEL, message, hint)
