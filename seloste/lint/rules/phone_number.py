"""Phone links written in texts are well-formed (GDPR 12(1)).

A ``tel:`` link in a text starts with ``+`` and a country code, or with ``0`` and an area or
operator code, holds only digits, spaces, hyphens, parentheses and slashes, and has 5 to 15
digits; after ``+358`` the leading 0 is dropped. The ``phone`` fields themselves are checked
by validation (S125).

PASS:
    controller:
      name: Esimerkki Oy
      notes: "[Soita meille](tel:+358295666700)."
FAIL:
    controller:
      name: Esimerkki Oy
      notes: "[Soita meille](tel:+3580295666700)."
"""

from __future__ import annotations

from seloste.contact_checks import phone_problem
from seloste.lint.finding import problem_at_position
from seloste.lint.source import link_targets
from seloste.lint.source import text_positions
from seloste.problem import WARNING

ID = "FORMAT-PHONE"
TITLE = "Phone links in texts are well-formed"
REFERENCE = "GDPR 12(1)"
LEVEL = WARNING
READS_TEXTS = True  # also run on each translation of the register (seloste.lint.translations)


def check(register):
    for path, span, target in link_targets(register, ("tel:",)):
        hint = phone_problem(target[len("tel:"):])
        if hint:
            position = text_positions(register, path, [span])[0]
            yield problem_at_position(register, position, ID, LEVEL,
                                      f"{REFERENCE}: puhelinlinkin numero ”{target}” on virheellinen", hint)
