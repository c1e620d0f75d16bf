"""Where the safeguard is a contract or rules, the notice says how to get a copy (GDPR 13(1)(f)).

For transfers under GDPR 46 or 47 (standard contractual clauses, binding corporate rules,
codes of conduct, certification) the notice tells how to obtain a copy of the safeguards or
where they are available: ``copy``. An adequacy decision (GDPR 45) needs no copy.

PASS:
    transfers:
      items:
        - text: Pilvipalvelu
          country: Yhdysvallat
          safeguard: standard_contractual_clauses
          copy: Jäljennöksen saa tietosuojavastaavalta.
FAIL:
    transfers:
      items:
        - text: Pilvipalvelu
          country: Yhdysvallat
          safeguard: standard_contractual_clauses
"""

from __future__ import annotations

from seloste.lint.finding import problem_at
from seloste.problem import WARNING
from seloste.resources import phrases

ID = "GDPR-13-1-f-copy"
TITLE = "Transfers under GDPR 46 or 47 say how to get a copy of the safeguards"
REFERENCE = "GDPR 13(1)(f)"
LEVEL = WARNING

_NEEDS_COPY = ("standard_contractual_clauses", "binding_corporate_rules", "code_of_conduct", "certification")


def check(register):
    topic = register.data.get("transfers") or {}
    for index, item in enumerate(topic.get("items", [])):
        if item["safeguard"] in _NEEDS_COPY and "copy" not in item:
            name = phrases()["safeguards"][item["safeguard"]]
            yield problem_at(register, ("transfers", "items", index, "safeguard"), ID, LEVEL,
                             f"{REFERENCE}: ei kerrota, mistä saa jäljennöksen suojatoimista ({name})",
                             "lisää siirtoon 'copy:', esim. 'Jäljennöksen saa tietosuojavastaavalta.'")
