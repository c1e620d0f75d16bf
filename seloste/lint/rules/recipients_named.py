"""Recipients are named as items, not only in free text (GDPR 13(1)(e), 14(1)(e)).

A paragraph such as "data is not usually disclosed" leaves the reader guessing who may get
the data. The notice names the recipients or their categories as items, or says
``none: true``.

PASS:
    recipients:
      intro: Tietoja luovutetaan vain lain perusteella.
      items:
        - Verohallinto
FAIL:
    recipients:
      intro: Tietoja ei pääsääntöisesti luovuteta kolmansille osapuolille.
"""

from __future__ import annotations

from seloste.lint.finding import problem_at
from seloste.lint.finding import statement
from seloste.problem import WARNING

ID = "GDPR-13-1-e-text"
TITLE = "Recipients are named as items, not only in free text"
REFERENCE = "GDPR 13(1)(e)"
LEVEL = WARNING


def check(register):
    if statement(register, "recipients") == "text":
        yield problem_at(register, ("recipients",), ID, LEVEL,
                         f"{REFERENCE}: vastaanottajat kerrotaan vain vapaana tekstinä",
                         "nimeä vastaanottajat tai vastaanottajaryhmät kohtina 'items:' tai kirjoita 'none: true', "
                         "jos tietoja ei luovuteta", key=True)
