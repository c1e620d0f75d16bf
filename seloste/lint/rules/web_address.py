"""Web addresses are well-formed (GDPR 12(1)).

An address has a scheme (``https://``), a host name with a dot and a top-level domain, and
nothing that a browser would refuse. Checked in every ``website`` field and every
``http(s):`` link.

PASS:
    controller:
      name: Esimerkki Oy
      website: https://esimerkki.fi/tietosuoja
FAIL:
    controller:
      name: Esimerkki Oy
      website: https://esimerkki..fi
"""

from __future__ import annotations

import re
import urllib.parse

from seloste.lint.finding import problem_at
from seloste.lint.finding import problem_at_position
from seloste.lint.source import link_targets
from seloste.lint.source import text_positions
from seloste.lint.source import values_under_key
from seloste.problem import ERROR

ID = "FORMAT-URL"
TITLE = "Web addresses are well-formed"
REFERENCE = "GDPR 12(1)"
LEVEL = ERROR

_HOST_LABEL = re.compile(r"^[^\W_](?:[\w-]*[^\W_])?$")
_TOP_LEVEL = re.compile(r"^(?:[^\W\d_]{2,63}|xn--[a-z0-9-]+)$", re.IGNORECASE)
_HINT = "verkko-osoite on muotoa https://esimerkki.fi/sivu"


def is_host_name(host: str) -> bool:
    """True for a host name of dot-separated labels ending in a top-level domain."""
    labels = host.split(".")
    return (len(labels) >= 2 and all(_HOST_LABEL.match(label) for label in labels)
            and bool(_TOP_LEVEL.match(labels[-1])))


def is_web_address(url: str) -> bool:
    """True for an http(s) URL with a valid host name (and port, if any)."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return False
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or re.search(r"\s", url):
        return False
    return parts.hostname == "localhost" or is_host_name(parts.hostname)


def check(register):
    for path, value in values_under_key(register, "website"):
        if not is_web_address(value):
            yield problem_at(register, path, ID, LEVEL, f"{REFERENCE}: verkko-osoite ”{value}” on virheellinen", _HINT)
    for path, span, target in link_targets(register, ("http://", "https://")):
        if not is_web_address(target):
            position = text_positions(register, path, [span])[0]
            yield problem_at_position(register, position, ID, LEVEL,
                                      f"{REFERENCE}: linkin osoite ”{target}” on virheellinen", _HINT)
