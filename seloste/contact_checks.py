"""What makes an e-mail address, a web address, a phone number or a Y-tunnus one that works.

Each check answers in Finnish: validation (:mod:`seloste.validate_contact`) refuses contact
details that would be published broken, and lint's format rules ask the same of the links
written in texts (``mailto:``, ``https:``, ``tel:``).
"""

from __future__ import annotations

import re
import urllib.parse

from stdnum.fi import ytunnus

_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LOCAL_PART = re.compile(rf"^{_ATOM}(?:\.{_ATOM})*$")
_HOST_LABEL = re.compile(r"^[^\W_](?:[\w-]*[^\W_])?$")
_TOP_LEVEL = re.compile(r"^(?:[^\W\d_]{2,63}|xn--[a-z0-9-]+)$", re.IGNORECASE)
_PHONE_SHAPE = re.compile(r"^(?:\+|\(?0|1)[0-9 ()/–-]*[0-9]$")
# A note after the number in words, as notices write it: "029 525 0800 (vaihde)".
_PHONE_NOTE = re.compile(r"\s*\([^()\d]*\)$")
BUSINESS_ID = re.compile(r"^(?P<body>\d{6,7})\s*[-–]?\s*(?P<check>\d)$")
VAT_NUMBER = re.compile(r"^FI\s*(?P<body>\d{7})(?P<check>\d)$", re.IGNORECASE)

EMAIL_HINT = "sähköpostiosoite on muotoa nimi@esimerkki.fi"
WEB_HINT = "verkko-osoite on muotoa https://esimerkki.fi/sivu"


def is_host_name(host: str) -> bool:
    """True for a host name of dot-separated labels ending in a top-level domain."""
    labels = host.split(".")
    return (len(labels) >= 2 and all(_HOST_LABEL.match(label) for label in labels)
            and bool(_TOP_LEVEL.match(labels[-1])))


def is_email(address: str) -> bool:
    """True for an address of the form local@domain.tld."""
    local, at, domain = address.rpartition("@")
    return bool(at) and bool(_LOCAL_PART.match(local)) and is_host_name(domain)


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


def phone_note(value: str) -> tuple[str, str]:
    """A phone field's value as its number and the words of its note, without the parentheses:
    ``("029 525 0800", "vaihde")``; the note is "" when there is none."""
    match = _PHONE_NOTE.search(value)
    if match is None:
        return value, ""
    return value[:match.start()], match.group().strip()[1:-1].strip()


def phone_problem(number: str, note_allowed: bool = False) -> str:
    """What is wrong with a phone number, in Finnish, or "" when nothing is. With
    ``note_allowed`` (a phone field), a note in words after it ("(vaihde)") is no part of it."""
    if note_allowed:
        number = _PHONE_NOTE.sub("", number)
    digits = re.sub(r"\D", "", number)
    if not _PHONE_SHAPE.match(number):
        return "puhelinnumerossa saa olla vain numeroita, välilyöntejä ja väliviivoja, ja se alkaa + tai 0"
    if number.startswith("+358") and digits[3:4] == "0":
        return "maatunnuksen +358 jälkeen suuntanumeron etunolla jätetään pois (+358 40 …)"
    if not 5 <= len(digits) <= 15:
        return f"puhelinnumerossa on {len(digits)} numeroa; numeroita on 5–15"
    return ""


def business_id_problem(written: str) -> tuple[str, str] | None:
    """(message, hint) of what is wrong with a Y-tunnus (or a VAT number written in its place),
    or None when it is one: its form, or its check digit (python-stdnum)."""
    match = VAT_NUMBER.match(written) or BUSINESS_ID.match(written)
    if match is None:
        return (f"”{written}” ei ole Y-tunnus",
                "Y-tunnus on muotoa 1234567-8 (seitsemän numeroa, väliviiva ja tarkistusnumero)")
    body = match.group("body").rjust(7, "0")  # an old six-digit ID has a leading zero
    if not ytunnus.is_valid(f"{body}-{match.group('check')}"):
        return (f"Y-tunnuksen ”{written}” tarkistusnumero ei täsmää",
                "tarkista tunnus yritys- ja yhteisötietojärjestelmästä (ytj.fi)")
    return None
