"""Joint controllers tell the essence of their arrangement (GDPR 26(2)).

Where two or more controllers decide together on the purposes and means of processing, the
essence of their arrangement is made available to the data subject: who answers the data
subject's requests and who gives the information of Articles 13 and 14. A register that lists
``joint_controllers`` tells it in ``arrangement``.

PASS:
    joint_controllers:
      items:
        - name: Kumppanikoulu Oy
      arrangement: Rekisteröityjen pyyntöihin vastaa Esimerkki Oy.
FAIL:
    joint_controllers:
      items:
        - name: Kumppanikoulu Oy
"""

from __future__ import annotations

from seloste.lint.finding import problem_at
from seloste.problem import WARNING

ID = "GDPR-26-2"
TITLE = "Joint controllers tell the essence of their arrangement"
REFERENCE = "GDPR 26(2)"
LEVEL = WARNING


def check(register):
    topic = register.data.get("joint_controllers")
    if topic is not None and "arrangement" not in topic:
        yield problem_at(register, ("joint_controllers",), ID, LEVEL,
                         f"{REFERENCE}: yhteisrekisterinpitäjien järjestelyn keskeistä sisältöä ei kerrota",
                         "lisää kohtaan 'joint_controllers' 'arrangement:', joka kertoo, kuka vastaa "
                         "rekisteröityjen pyyntöihin ja mihin rekisteröity voi ottaa yhteyttä", key=True)
