"""The notice tells the six rights of GDPR 13(2)(b) and 14(2)(c).

Access (GDPR 15), rectification (16), erasure (17), restriction (18), objection (21) and
portability (20) are each listed under ``rights`` as ``- right: <kind>``; without a ``text``
of its own a right gets a standard sentence. The finding names the missing rights. A right whose text
says nothing ("Kyllä.", "On.", a text of one or two words) is listed but not told: it counts
as missing, and a finding at its text says why (the right to withdraw consent is
GDPR-13-2-c's). Where a right does not apply (portability when no processing rests on
consent or contract, for example), silence the rule in the register and give the reason.

PASS:
    rights:
      items:
        - right: access
        - right: rectification
        - right: erasure
        - right: restriction
        - right: objection
        - right: portability
FAIL:
    rights:
      items:
        - right: access
        - right: rectification
"""

from __future__ import annotations

from seloste.lint.finding import missing_topic
from seloste.lint.finding import problem_at
from seloste.lint.finding import right_kinds
from seloste.lint.finding import right_text
from seloste.lint.finding import silent_right
from seloste.lint.finding import silent_rights
from seloste.problem import ERROR
from seloste.resources import phrases

ID = "GDPR-13-2-b"
TITLE = "The rights of access, rectification, erasure, restriction, objection and portability are told"
REFERENCE = "GDPR 13(2)(b)"
LEVEL = ERROR
FACTS = ("access", "rectification", "erasure", "restriction", "objection", "portability")  # declared in a text, they are told

REQUIRED_RIGHTS = FACTS


def check(register):
    told = right_kinds(register)
    silent = [(index, item) for index, item in silent_rights(register) if item["right"] != "withdraw_consent"]
    missing = [kind for kind in REQUIRED_RIGHTS if kind not in told]
    if missing:
        yield _missing(register, missing, {item["right"]: index for index, item in reversed(silent)})
    for index, _item in silent:
        yield silent_right(register, index, ID, LEVEL, REFERENCE)


def _missing(register, missing: list[str], silent: dict[str, int]):
    """The finding that ``missing`` rights are not told; ``silent`` maps a kind listed without
    saying anything to its item's index."""
    names = phrases()["right_names"]
    listed = ", ".join(f"{names[kind]} ({kind})" for kind in missing)
    absent = [kind for kind in missing if kind not in silent]
    lines = ", ".join(f"'- right: {kind}'" for kind in absent)
    if "rights" not in register.data:
        return missing_topic(register, "rights", ID, LEVEL,
                             f"{REFERENCE}: rekisteröidyn oikeuksia ei kerrota; puuttuu {listed}", f"'items:', jossa {lines}")
    said = [(kind, register.document.position(right_text(register, silent[kind])[0])[0])
            for kind in missing if kind in silent]
    message = f"{REFERENCE}: rekisteröidyn oikeuksista puuttuu {listed}"
    if said:
        message += " (" + "; ".join(f"oikeuden {kind} teksti rivillä {line} ei kerro mitään" for kind, line in said) + ")"
    hints = []
    if absent:
        hints.append(f"lisää kohdan 'rights' alle 'items:'-luetteloon {lines}; ilman omaa tekstiä selosteeseen tulee "
                     "vakiolause")
    if said:
        hints.append(f"kirjoita {'oikeuden' if len(said) == 1 else 'oikeuksien'} "
                     f"{', '.join(kind for kind, _ in said)} tekstiksi kokonainen lause siitä, mitä oikeus antaa ja "
                     "miten sitä käytetään (ks. havainto tekstin kohdalla)")
    return problem_at(register, ("rights",), ID, LEVEL, message, "; ".join(hints), key=True)
