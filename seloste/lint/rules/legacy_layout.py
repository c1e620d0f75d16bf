"""The notice is not laid out as the repealed act's register description (GDPR 13–14).

``layout: henkilotietolaki`` keeps the nine sections of a register description under
henkilötietolaki 10 §. The GDPR asks for other information (Articles 13 and 14), which the
``gdpr`` layout orders and titles.

PASS:
    layout: gdpr
FAIL:
    layout: henkilotietolaki
"""

from __future__ import annotations

from seloste.lint.finding import problem_at
from seloste.problem import WARNING

ID = "FI-LEGACY-LAYOUT"
TITLE = "The notice uses the GDPR layout, not the repealed act's"
REFERENCE = "GDPR 13–14"
LEVEL = WARNING


def check(register):
    if register.data["layout"] == "henkilotietolaki":
        yield problem_at(register, ("layout",), ID, LEVEL,
                         f"{REFERENCE}: rakenne 'henkilotietolaki' noudattaa kumotun henkilötietolain "
                         "rekisteriselostetta",
                         "käytä rakennetta 'layout: gdpr', jonka luvut vastaavat tietosuoja-asetuksen 13 ja 14 artiklaa")
