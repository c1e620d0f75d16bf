"""Special categories of data name their Article 9(2) condition (GDPR 9).

Data revealing health, ethnic origin, beliefs, trade-union membership, genetic or biometric
data or sex life may be processed only under one of the conditions of GDPR 9(2)(a–j); a
data category marked ``special_category`` names it in ``condition``.

PASS:
    data_categories:
      items:
        - text: Terveydentilaa koskevat tiedot
          special_category: health
          condition: b
FAIL:
    data_categories:
      items:
        - text: Terveydentilaa koskevat tiedot
          special_category: health
"""

from __future__ import annotations

from seloste.lint.finding import problem_at
from seloste.lint.finding import short
from seloste.problem import ERROR
from seloste.resources import phrases

ID = "GDPR-9-2"
TITLE = "Special categories of data name their Article 9(2) condition"
REFERENCE = "GDPR 9(2)"
LEVEL = ERROR


def check(register):
    topic = register.data.get("data_categories") or {}
    places = [(("data_categories", "items", index), item) for index, item in enumerate(topic.get("items", []))]
    for group_index, group in enumerate(topic.get("groups", [])):
        places += [(("data_categories", "groups", group_index, "items", index), item)
                   for index, item in enumerate(group["items"])]
    for group_index, group in enumerate((register.data.get("data_subjects") or {}).get("groups", [])):
        places += [(("data_subjects", "groups", group_index, "data", index), item)
                   for index, item in enumerate(group.get("data", []))]
    for path, item in places:
        if isinstance(item, dict) and "special_category" in item and "condition" not in item:
            kind = phrases()["special_categories"][item["special_category"]]
            yield problem_at(register, path + ("special_category",), ID, LEVEL,
                             f"{REFERENCE}: erityiseen henkilötietoryhmään ({kind}) kuuluvan tiedon käsittelyn "
                             f"edellytystä ei kerrota: ”{short(item['text'])}”",
                             "lisää 'condition:' ja GDPR 9(2):n kohdan kirjain a–j, esim. 'a' (nimenomainen "
                             "suostumus) tai 'b' (työoikeudelliset velvoitteet)")
