"""FI-HETU (seloste/lint/rules/personal_identity_code.py): no personal identity code in the notice."""

from __future__ import annotations

import re

import pytest
from lint_helpers import findings

from seloste.lint.rules import personal_identity_code

ID = "FI-HETU"

# (the text of a data category at line 8, after `    - "`; column of each code found on that line)
CODES = [
    ("131052-308T", [8]),
    ("Tunnus 131052-308t.", [15]),
    ("010594Y9032", [8]),
    ("131052-308X", []),     # wrong check character
    ("310252-308T", []),     # no such date
    ("131052Q308T", []),     # no such century sign
    ("puh. 0400 382382", []),
    ("a131052-308T", []),    # part of a longer word
    ("131052-002X", [8]),    # the first individual number issued
    ("131052-9993", [8]),    # a temporary code (900–999)
    ("131052-001W", []),     # individual numbers 000 and 001 are never issued
    ("131052-308T ja 010594Y9032", [8, 23]),
]


def _body(text: str) -> str:
    return f"data_categories:\n  items:\n    - \"{text}\"\n"


@pytest.mark.parametrize("text, columns", CODES, ids=[case[0] for case in CODES])
def test_findings_and_their_positions(text, columns):
    problems = findings(personal_identity_code, _body(text))
    assert [(p.code, p.line, p.column) for p in problems] == [(ID, 8, column) for column in columns]
    shown = [word.rstrip(".").upper() for word in text.split() if re.search(r"\d", word)]
    for problem in problems:  # the message does not spread the code to logs
        assert not any(code in problem.message.upper() for code in shown)
