"""GDPR-13-2-c (seloste/lint/rules/withdraw_consent.py): the right to withdraw consent where consent is a basis."""

from __future__ import annotations

import pytest
from lint_helpers import findings
from lint_helpers import located

from seloste.lint.rules import withdraw_consent

ID = "GDPR-13-2-c"
PURPOSE = "purposes:\n  items:\n    - text: A\n      legal_basis: {basis}\n"
CONSENT = PURPOSE.format(basis="consent")
RIGHTS = "rights:\n  items:\n    - right: {right}\n"
# A special category processed on explicit consent, its condition at line 13 after a purpose.
EXPLICIT = ("data_categories:\n  items:\n    - text: Terveystiedot\n      special_category: health\n"
            "      condition: a\n")

CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param(CONSENT, [(6, 1)], id="no rights: at the purposes key"),
    pytest.param(CONSENT + RIGHTS.format(right="access"), [(10, 1)], id="not among the rights: at the rights key"),
    pytest.param(CONSENT + RIGHTS.format(right="withdraw_consent"), [], id="told"),
    pytest.param(PURPOSE.format(basis="contract"), [], id="no consent"),
    pytest.param("purposes:\n  legal_basis: consent\n  items:\n    - A\n", [(6, 1)],
                 id="consent for every purpose, no rights: at the purposes key"),
    pytest.param("purposes:\n  legal_basis: consent\n  items:\n    - A\n" + RIGHTS.format(right="withdraw_consent"), [],
                 id="consent for every purpose, told"),
    pytest.param(CONSENT + RIGHTS.format(right="withdraw_consent") + "      text: Kyllä.\n", [(10, 1), (13, 13)],
                 id="its text says nothing: not told, at the rights key, and at its text"),
    pytest.param(CONSENT + RIGHTS.format(right="withdraw_consent") + "      text: Voit peruuttaa suostumuksesi.\n", [],
                 id="its text is a sentence"),
    pytest.param(PURPOSE.format(basis="contract") + RIGHTS.format(right="withdraw_consent") + "      text: On.\n",
                 [(13, 13)], id="no consent: only at its text"),
    pytest.param(PURPOSE.format(basis="[contract, consent]"), [(6, 1)], id="consent among a purpose's bases"),
    pytest.param(PURPOSE.format(basis="contract") + EXPLICIT, [(10, 1)],
                 id="explicit consent to a special category (GDPR 9(2)(a)), no rights: at the data categories key"),
    pytest.param(PURPOSE.format(basis="contract") + EXPLICIT + RIGHTS.format(right="withdraw_consent"), [],
                 id="explicit consent to a special category, told"),
    pytest.param(PURPOSE.format(basis="contract") + EXPLICIT.replace("condition: a", "condition: b"), [],
                 id="a special category on another condition"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(withdraw_consent, body) == [(ID, line, column) for line, column in expected]


def test_the_message_gives_the_line_of_the_consent():
    (problem,) = findings(withdraw_consent, CONSENT)
    assert "(rivi 9)" in problem.message


def test_a_right_to_withdraw_that_says_nothing_is_not_told_and_its_text_says_why():
    not_told, at_text = findings(withdraw_consent, CONSENT + RIGHTS.format(right="withdraw_consent") + "      text: Kyllä.\n")
    assert "(oikeuden withdraw_consent teksti rivillä 13 ei kerro mitään)" in not_told.message
    assert "'- right: withdraw_consent'" not in not_told.hint and "kokonainen lause" in not_told.hint
    assert at_text.message.startswith("GDPR 13(2)(c): teksti ei kerro oikeudesta mitään, joten oikeus peruuttaa "
                                      "suostumus (withdraw_consent) jää kertomatta")


def test_explicit_consent_to_a_special_category_is_named_in_the_message():
    (problem,) = findings(withdraw_consent, PURPOSE.format(basis="contract") + EXPLICIT)
    assert "nimenomainen suostumus (GDPR 9(2)(a), rivi 14)" in problem.message
