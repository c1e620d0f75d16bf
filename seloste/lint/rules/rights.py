"""The notice tells the six rights of GDPR 13(2)(b) and 14(2)(c).

Access (GDPR 15), rectification (16), erasure (17), restriction (18), objection (21) and
portability (20) are each listed under ``rights`` as ``- right: <kind>``; without a ``text``
of its own a right gets a standard sentence. The finding names the missing rights. Where a
right does not apply (portability when no processing rests on consent or contract, for
example), silence the rule in the register and give the reason.

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
from seloste.resources import phrases
from seloste.problem import ERROR

ID = "GDPR-13-2-b"
TITLE = "The rights of access, rectification, erasure, restriction, objection and portability are told"
REFERENCE = "GDPR 13(2)(b)"
LEVEL = ERROR

REQUIRED_RIGHTS = ("access", "rectification", "erasure", "restriction", "objection", "portability")


def check(register):
    missing = [kind for kind in REQUIRED_RIGHTS if kind not in right_kinds(register)]
    if not missing:
        return
    names = phrases()["right_names"]
    listed = ", ".join(f"{names[kind]} ({kind})" for kind in missing)
    lines = ", ".join(f"'- right: {kind}'" for kind in missing)
    if "rights" in register.data:
        yield problem_at(register, ("rights",), ID, LEVEL,
                         f"{REFERENCE}: rekisteröidyn oikeuksista puuttuu {listed}",
                         f"lisää kohdan 'rights' alle 'items:'-luetteloon {lines}; ilman omaa tekstiä "
                         "selosteeseen tulee vakiolause", key=True)
    else:
        yield missing_topic(register, "rights", ID, LEVEL,
                            f"{REFERENCE}: rekisteröidyn oikeuksia ei kerrota; puuttuu {listed}", f"'items:', jossa {lines}")
