"""FI-REPEALED-LAW (seloste/lint/rules/repealed_law.py): no reference to the repealed henkilötietolaki."""

from __future__ import annotations

import re

import pytest
from lint_helpers import findings

from seloste.lint.rules import repealed_law

ID = "FI-REPEALED-LAW"

# (the text of security.intro, which starts at line 7, column 11; (words quoted, column) of each finding)
REPEALED = [
    ("henkilötietolain 26 §:n mukaisesti", [("henkilötietolain 26 §:n", 11)]),
    ("Henkilötietolaki (523/1999) 8.1 § 1 kohta", [("Henkilötietolaki (523/1999) 8.1 §", 11)]),
    ("lain 523/1999 mukaan ja HetiL:n", [("523/1999", 16), ("HetiL", 35)]),
    ("henkilötietolaissa ja henkilötietolakiin", [("henkilötietolaissa", 11), ("henkilötietolakiin", 33)]),
    ("tietosuojalainsäädännön ja henkilötietolainsäädännön mukaisesti", []),
    ("tietosuojalain (1050/2018) mukaisesti", []),
    # as a Swedish or English translation names it
    ("enligt personuppgiftslagen (523/1999) 10 §", [("personuppgiftslagen (523/1999) 10 §", 18)]),
    ("under the Personal Data Act (523/1999)", [("the Personal Data Act (523/1999)", 17)]),
    ("enligt dataskyddslagen (1050/2018)", []),
]


@pytest.mark.parametrize("text, expected", REPEALED, ids=[case[0][:30] for case in REPEALED])
def test_repealed_law_references(text, expected):
    problems = findings(repealed_law, f"security:\n  intro: \"{text}\"\n")
    assert [(p.code, p.line, p.column, re.search("”(.*)”", p.message).group(1)) for p in problems] == [
        (ID, 7, column, words) for words, column in expected]


def test_repealed_law_inside_a_folded_text_is_placed_at_its_own_line():
    body = ("rights:\n  intro: >-\n    Rekisteröidyllä on oikeus tarkastaa tietonsa\n"
            "    henkilötietolain\n      26 §:n mukaan. Lisäksi henkilötietolain 29 § koskee korjaamista.\n")
    problems = findings(repealed_law, body)
    assert [(p.code, p.line, p.column) for p in problems] == [(ID, 9, 5), (ID, 10, 30)]
    assert "(tarkastusoikeus: GDPR 15 artikla)" in problems[0].hint
    assert "henkilötietolain 26 §:n" in problems[0].message


def test_the_lint_settings_are_not_text():
    body = "lint:\n  ignore:\n    - rule: GDPR-13-1-b\n      reason: Henkilötietolain 10 § ei enää koske meitä.\n"
    assert findings(repealed_law, body) == []
