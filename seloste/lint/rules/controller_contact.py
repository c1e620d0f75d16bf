"""The controller is named with contact details (GDPR 13(1)(a), 14(1)(a)).

The notice must say who the controller is and how to reach it: a postal or visiting
address, a phone number or an email address, of the controller or of its contact person.
A website alone is not a contact detail.

PASS:
    controller:
      name: Esimerkki Oy
      postal_address: PL 1, 00100 Helsinki
      email: tietosuoja@esimerkki.fi
FAIL:
    controller:
      name: Esimerkki Oy
      website: https://esimerkki.fi
"""

from __future__ import annotations

from seloste.lint.finding import declares
from seloste.lint.finding import problem_at
from seloste.problem import ERROR

ID = "GDPR-13-1-a"
TITLE = "The controller's identity and contact details are given"
REFERENCE = "GDPR 13(1)(a)"
LEVEL = ERROR
FACTS = ("controller",)  # a text that declares these states the point

_CONTACT_KEYS = ("postal_address", "visiting_address", "phone", "email")
# Words in a label-value line's label that make it a contact detail.
_CONTACT_LABELS = ("osoite", "puhelin", "sähköposti", "yhteys")


def check(register):
    controller = register.data["controller"]
    if any(key in controller for key in _CONTACT_KEYS) or declares(register, *FACTS):
        return
    person = controller.get("contact_person", {})
    if "phone" in person or "email" in person:
        return
    if any(word in field["label"].lower() for field in controller.get("fields", []) for word in _CONTACT_LABELS):
        return
    yield problem_at(register, ("controller",), ID, LEVEL,
                     f"{REFERENCE}: rekisterinpitäjän yhteystiedot puuttuvat",
                     "lisää kohtaan 'controller' esim. 'postal_address:', 'email:' tai 'phone:'", key=True)
