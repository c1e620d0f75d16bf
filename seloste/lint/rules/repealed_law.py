"""No reference to the repealed Personal Data Act, henkilötietolaki 523/1999.

Tietosuojalaki 1050/2018 repealed henkilötietolaki on 1 January 2019, and since 25 May 2018
the GDPR decides what a notice must tell. A notice that cites the old act ("henkilötietolain
26 §:n mukainen oikeus") points its reader to law that no longer applies. Every occurrence in
the register's texts is reported at its own line; comments in the file are not text.

PASS:
    rights:
      intro: Rekisteröidyllä on oikeus saada pääsy tietoihinsa (GDPR 15 artikla).
FAIL:
    rights:
      intro: Rekisteröidyllä on henkilötietolain 26 §:n mukainen tarkastusoikeus.
"""

from __future__ import annotations

import re

from seloste.lint.finding import problem_at_position
from seloste.lint.finding import short
from seloste.lint.source import all_text
from seloste.lint.source import text_positions
from seloste.lint.source import texts
from seloste.problem import ERROR

ID = "FI-REPEALED-LAW"
TITLE = "No reference to the repealed Personal Data Act (523/1999)"
REFERENCE = "Tietosuojalaki 1050/2018"
LEVEL = ERROR
READS_TEXTS = True  # also run on each translation of the register (seloste.lint.translations)

# The act by name in any inflection (but not "henkilötietolainsäädäntö", legislation in
# general), in Finnish, Swedish ("personuppgiftslagen") or English ("the Personal Data Act"),
# with its number and first section if given; or its number or abbreviation alone.
_REFERENCE = re.compile(
    r"(?:\bhenkilötietola(?:ki|i(?!nsäädän))\w*|\bpersonuppgiftslag\w*|\b(?:the\s+)?Personal\s+Data\s+Act\b)"
    r"(?:\s*\(\s*523/1999\s*\))?"
    r"(?:\s+(?P<section>\d+)(?:\.\d+)?\s*§(?::\w+)?)?"
    r"|\b523/1999\b"
    r"|\bHetiL\b",
    re.IGNORECASE,
)
# Words without which _REFERENCE cannot match: most notices have none of them.
_QUICK_WORDS = ("henkilötietola", "523/1999", "hetil", "personuppgiftslag", "personal data act")
# Where the sections a notice typically cites went in the GDPR.
_SUCCESSORS = {
    "8": "käsittelyn oikeusperusteet: GDPR 6 artikla",
    "10": "rekisteriseloste: nyt informointi GDPR 13 ja 14 artiklan mukaan",
    "24": "informointi: GDPR 13 ja 14 artikla",
    "26": "tarkastusoikeus: GDPR 15 artikla",
    "29": "tietojen oikaisu: GDPR 16 artikla",
    "30": "kielto-oikeus: vastustamisoikeus GDPR 21 artiklan mukaan",
}


def check(register):
    everything = all_text(register).lower()
    if not any(word in everything for word in _QUICK_WORDS):
        return
    for path, value in texts(register):
        matches = list(_REFERENCE.finditer(value))
        if not matches:
            continue
        positions = text_positions(register, path, [match.span() for match in matches])
        for match, position in zip(matches, positions):
            successor = _SUCCESSORS.get(match.group("section") or "")
            hint = "henkilötietolaki kumottiin 1.1.2019; viittaa EU:n tietosuoja-asetukseen (GDPR) ja tietosuojalakiin"
            if successor:
                hint += f" ({successor})"
            yield problem_at_position(register, position, ID, LEVEL,
                                      f"{REFERENCE}: viittaus kumottuun henkilötietolakiin (523/1999): "
                                      f"”{short(match.group(0))}”", hint)
