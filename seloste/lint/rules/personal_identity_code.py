"""No personal identity code (henkilötunnus) in the notice.

A notice may name "henkilötunnus" as a category of data, but must never show one: a
published code identifies a person for good. Anything shaped like a code (DDMMYY, a century
sign, three digits and a valid check character) in any text is reported. The message does
not repeat the code, so that it does not spread to logs.

PASS:
    data_categories:
      items:
        - Henkilötunnus
FAIL:
    data_categories:
      items:
        - Henkilötunnus (esim. 131052-308T)
"""

from __future__ import annotations

import re

from stdnum.fi import hetu

from seloste.lint.finding import problem_at_position
from seloste.lint.source import all_text
from seloste.lint.source import text_positions
from seloste.lint.source import texts
from seloste.problem import ERROR

ID = "FI-HETU"
TITLE = "No personal identity code in the notice"
REFERENCE = "Tietosuojalaki 29 §"
LEVEL = ERROR
READS_TEXTS = True  # also run on each translation of the register (seloste.lint.translations)

_CANDIDATE = re.compile(
    r"(?<![0-9A-Za-z])(?P<day>\d{2})(?P<month>\d{2})(?P<year>\d{2})(?P<sign>[-+A-FU-Y])"
    r"(?P<number>\d{3})(?P<check>[0-9A-Y])(?![0-9A-Za-z])",
    re.IGNORECASE,
)


def is_personal_identity_code(match: re.Match) -> bool:
    """True when a candidate is a possible code: a real date of birth, an individual number that
    can be issued (002–899, or 900–999 for a temporary code) and the right check character
    (python-stdnum's ``stdnum.fi.hetu``)."""
    return hetu.is_valid(match.group(0).upper(), allow_temporary=True)


def check(register):
    if not _CANDIDATE.search(all_text(register)):
        return
    for path, value in texts(register):
        matches = [match for match in _CANDIDATE.finditer(value) if is_personal_identity_code(match)]
        if not matches:
            continue
        for position in text_positions(register, path, [match.span() for match in matches]):
            yield problem_at_position(register, position, ID, LEVEL,
                                      f"{REFERENCE}: tekstissä on henkilötunnus (sarake {position[1]}); "
                                      "selosteessa ei saa julkaista henkilötunnusta",
                                      "poista tunnus; tietoryhmänä voi mainita sanan 'henkilötunnus'")
