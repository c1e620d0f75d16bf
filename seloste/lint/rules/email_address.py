"""Email addresses are well-formed (GDPR 12(1)).

Contact details that do not work defeat the notice's purpose: the reader cannot exercise
a right or ask a question. Checked in every ``email`` field and every ``mailto:`` link.

PASS:
    controller:
      name: Esimerkki Oy
      email: tietosuoja@esimerkki.fi
FAIL:
    controller:
      name: Esimerkki Oy
      email: tietosuoja(at)esimerkki.fi
"""

from __future__ import annotations

import re

from seloste.lint.finding import problem_at
from seloste.lint.finding import problem_at_position
from seloste.lint.rules.web_address import is_host_name
from seloste.lint.source import link_targets
from seloste.lint.source import text_positions
from seloste.lint.source import values_under_key
from seloste.problem import ERROR

ID = "FORMAT-EMAIL"
TITLE = "Email addresses are well-formed"
REFERENCE = "GDPR 12(1)"
LEVEL = ERROR

_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LOCAL_PART = re.compile(rf"^{_ATOM}(?:\.{_ATOM})*$")
_HINT = "sähköpostiosoite on muotoa nimi@esimerkki.fi"


def is_email(address: str) -> bool:
    """True for an address of the form local@domain.tld."""
    local, at, domain = address.rpartition("@")
    return bool(at) and bool(_LOCAL_PART.match(local)) and is_host_name(domain)


def check(register):
    for path, value in values_under_key(register, "email"):
        if not is_email(value):
            yield problem_at(register, path, ID, LEVEL, f"{REFERENCE}: sähköpostiosoite ”{value}” on virheellinen", _HINT)
    for path, span, target in link_targets(register, ("mailto:",)):
        addresses = target[len("mailto:"):].split("?", 1)[0].split(",")
        if all(is_email(address) for address in addresses):
            continue
        position = text_positions(register, path, [span])[0]
        yield problem_at_position(register, position, ID, LEVEL,
                                  f"{REFERENCE}: sähköpostilinkin osoite ”{target}” on virheellinen", _HINT)
