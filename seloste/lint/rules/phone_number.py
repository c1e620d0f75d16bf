"""Phone numbers are well-formed (GDPR 12(1)).

A number starts with ``+`` and a country code, or with ``0`` and an area or operator code
(``09 123 4567``, ``040 123 4567``, ``+358 40 123 4567``; service numbers may start with 1),
holds only digits, spaces, hyphens, parentheses and slashes, and has 5 to 15 digits. After
``+358`` the leading 0 is dropped. Checked in every ``phone`` field and every ``tel:`` link.

PASS:
    controller:
      name: Esimerkki Oy
      phone: 029 566 6700
FAIL:
    controller:
      name: Esimerkki Oy
      phone: +358 040 123 4567
"""

from __future__ import annotations

import re

from seloste.lint.finding import problem_at
from seloste.lint.finding import problem_at_position
from seloste.lint.source import link_targets
from seloste.lint.source import text_positions
from seloste.lint.source import values_under_key
from seloste.problem import WARNING

ID = "FORMAT-PHONE"
TITLE = "Phone numbers are well-formed"
REFERENCE = "GDPR 12(1)"
LEVEL = WARNING

_SHAPE = re.compile(r"^(?:\+|\(?0|1)[0-9 ()/–-]*[0-9]$")


def phone_problem(number: str) -> str:
    """What is wrong with a phone number, in Finnish, or "" when nothing is."""
    digits = re.sub(r"\D", "", number)
    if not _SHAPE.match(number):
        return "puhelinnumerossa saa olla vain numeroita, välilyöntejä ja väliviivoja, ja se alkaa + tai 0"
    if number.startswith("+358") and digits[3:4] == "0":
        return "maatunnuksen +358 jälkeen suuntanumeron etunolla jätetään pois (+358 40 …)"
    if not 5 <= len(digits) <= 15:
        return f"puhelinnumerossa on {len(digits)} numeroa; numeroita on 5–15"
    return ""


# A note after the number in words, as notices write it: "029 525 0800 (vaihde)".
_NOTE = re.compile(r"\s*\([^()\d]*\)$")


def check(register):
    for path, value in values_under_key(register, "phone"):
        hint = phone_problem(_NOTE.sub("", value.strip()))
        if hint:
            yield problem_at(register, path, ID, LEVEL, f"{REFERENCE}: puhelinnumero ”{value}” on virheellinen", hint)
    for path, span, target in link_targets(register, ("tel:",)):
        hint = phone_problem(target[len("tel:"):])
        if hint:
            position = text_positions(register, path, [span])[0]
            yield problem_at_position(register, position, ID, LEVEL,
                                      f"{REFERENCE}: puhelinlinkin numero ”{target}” on virheellinen", hint)
