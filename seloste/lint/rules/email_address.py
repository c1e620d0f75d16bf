"""E-mail links written in texts are well-formed (GDPR 12(1)).

A ``mailto:`` link in a text (``[kirjoita](mailto:...)``, ``<nimi@esimerkki.fi>``, or a bare
address where the register has ``autolink: true``) goes to a working address of the form
local@domain.tld. The ``email`` fields themselves are checked by validation (S123): an
address that would be published broken stops the build.

PASS:
    controller:
      name: Esimerkki Oy
      notes: "Kirjoita [tietosuojavastaavalle](mailto:tietosuoja@esimerkki.fi)."
FAIL:
    controller:
      name: Esimerkki Oy
      notes: "Kirjoita [tietosuojavastaavalle](mailto:tietosuoja(at)esimerkki.fi)."
"""

from __future__ import annotations

from seloste.contact_checks import EMAIL_HINT
from seloste.contact_checks import is_email
from seloste.lint.finding import problem_at_position
from seloste.lint.source import link_targets
from seloste.lint.source import text_positions
from seloste.problem import ERROR

ID = "FORMAT-EMAIL"
TITLE = "E-mail links in texts are well-formed"
REFERENCE = "GDPR 12(1)"
LEVEL = ERROR
READS_TEXTS = True  # also run on each translation of the register (seloste.lint.translations)


def check(register):
    for path, span, target in link_targets(register, ("mailto:",)):
        addresses = target[len("mailto:"):].split("?", 1)[0].split(",")
        if all(is_email(address) for address in addresses):
            continue
        position = text_positions(register, path, [span])[0]
        yield problem_at_position(register, position, ID, LEVEL,
                                  f"{REFERENCE}: sähköpostilinkin osoite ”{target}” on virheellinen", EMAIL_HINT)
