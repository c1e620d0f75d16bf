"""Web links written in texts are well-formed (GDPR 12(1)).

An ``http:`` or ``https:`` link in a text goes to a host name of dot-separated labels ending in
a top-level domain (and a port that is a number, if any). The ``website`` fields themselves
are checked by validation (S124).

PASS:
    controller:
      name: Esimerkki Oy
      notes: "Lue lisää [verkkosivuiltamme](https://esimerkki.fi/tietosuoja)."
FAIL:
    controller:
      name: Esimerkki Oy
      notes: "Lue lisää [verkkosivuiltamme](https://esimerkki/tietosuoja)."
"""

from __future__ import annotations

from seloste.contact_checks import WEB_HINT
from seloste.contact_checks import is_web_address
from seloste.lint.finding import problem_at_position
from seloste.lint.source import link_targets
from seloste.lint.source import text_positions
from seloste.problem import ERROR

ID = "FORMAT-URL"
TITLE = "Web links in texts are well-formed"
REFERENCE = "GDPR 12(1)"
LEVEL = ERROR
READS_TEXTS = True  # also run on each translation of the register (seloste.lint.translations)


def check(register):
    for path, span, target in link_targets(register, ("http://", "https://")):
        if not is_web_address(target):
            position = text_positions(register, path, [span])[0]
            yield problem_at_position(register, position, ID, LEVEL,
                                      f"{REFERENCE}: linkin osoite ”{target}” on virheellinen", WEB_HINT)
