"""Stage 2, validate (continued): contact details that would be published broken.

An e-mail address that is no address (it would become a ``mailto:`` link that goes nowhere),
a web address that is no address, a phone number that cannot be dialled and a Y-tunnus whose
check digit is wrong are errors of the register, at their value, with the hint of what to
write (:mod:`seloste.contact_checks`). Links written in texts are lint's (FORMAT-*).
"""

from __future__ import annotations

from seloste import contact_checks
from seloste.load import Document
from seloste.problem import ERROR
from seloste.problem import Problem

# Keys outside the notice's contact details: their words are settings or the register's own
# wording of labels (``wording.labels.email`` is the word "Sähköposti", not an address).
_NOT_CONTACT = frozenset({"wording", "lint"})


def problems(document: Document) -> list[Problem]:
    """S123 e-mail, S124 web address, S125 phone number, S126 Y-tunnus: every contact value
    of the register that would not work as written."""
    found: list[Problem] = []

    def problem(path, code, message, hint):
        line, column = document.position(path)
        found.append(Problem(document.path, line, column, code, ERROR, message, hint))

    for path, key, value in contact_values(document.data):
        written = value.strip()
        if key in ("email", "website") and (not written or any(character.isspace() for character in written)):
            continue  # the schema's error already (S106, S108)
        if key == "website" and not written.lower().startswith(("http://", "https://")):
            continue  # not a web address at all: the schema's error (S107)
        if key == "email" and not contact_checks.is_email(written):
            problem(path, "S123", f"sähköpostiosoite ”{written}” ei ole sähköpostiosoite", contact_checks.EMAIL_HINT)
        elif key == "website" and not contact_checks.is_web_address(written):
            problem(path, "S124", f"verkko-osoite ”{written}” ei ole verkko-osoite", contact_checks.WEB_HINT)
        elif key == "phone":
            hint = contact_checks.phone_problem(written, note_allowed=True)
            if hint:
                problem(path, "S125", f"puhelinnumero ”{written}” ei ole puhelinnumero", hint)
        elif key == "business_id":
            wrong = contact_checks.business_id_problem(written)
            if wrong:
                problem(path, "S126", *wrong)
    return found


def contact_values(data, path: tuple = ()):
    """(path, key, value) of every e-mail, website, phone and Y-tunnus value, and of each
    label–value line labelled "Y-tunnus" (key ``business_id``); lint's FI-VAT reads the same."""
    if isinstance(data, dict):
        for key, value in data.items():
            if not path and key in _NOT_CONTACT:
                continue
            if key in ("email", "website", "phone", "business_id") and isinstance(value, str):
                yield (*path, key), key, value
            elif (key == "value" and isinstance(value, str) and isinstance(data.get("label"), str)
                  and "y-tunnus" in data["label"].lower()):
                yield (*path, key), "business_id", value
            else:
                yield from contact_values(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from contact_values(value, (*path, index))
