"""The complaint section names the supervisory authority (GDPR 13(2)(d)).

The law asks for the right to complain; naming the authority and its contact details tells
the reader where to turn. ``authority: tietosuojavaltuutettu`` adds them from
``seloste/data/authorities.yaml``; a text of the register's own that names the authority
also passes.

PASS:
    complaint:
      authority: tietosuojavaltuutettu
FAIL:
    complaint:
      notes: Valituksen voi tehdä myös sähköisesti.
"""

from __future__ import annotations

from seloste.lint.finding import problem_at
from seloste.lint.source import texts
from seloste.problem import INFO
from seloste.resources import authorities

ID = "GDPR-13-2-d-authority"
TITLE = "The supervisory authority is named"
REFERENCE = "GDPR 13(2)(d)"
LEVEL = INFO


def check(register):
    topic = register.data.get("complaint")
    if topic is None or "authority" in topic:
        return
    known = authorities()
    words = [entry["name"].lower() for entry in known.values()] + ["tietosuojavaltuute"]
    written = " ".join(value.lower() for path, value in texts(register) if path[:1] == ("complaint",))
    if any(word in written for word in words):
        return
    first_id, first = next(iter(known.items()))
    yield problem_at(register, ("complaint",), ID, LEVEL,
                     f"{REFERENCE}: valvontaviranomaista ei nimetä",
                     f"lisää 'authority: {first_id}', niin selosteeseen tulevat viranomaisen yhteystiedot "
                     f"({first['name']})", key=True)
