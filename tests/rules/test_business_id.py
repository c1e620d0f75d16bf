"""FI-YTUNNUS (seloste/lint/rules/business_id.py): the business ID is well-formed, its check digit right."""

from __future__ import annotations

import pytest
from lint_helpers import located

from seloste.lint.rules import business_id

ID = "FI-YTUNNUS"

# (business_id value, whether it is reported); the value stands at line 5, column 16.
VALUES = [
    ("2695377-4", False), ("2925676-3", False), ("0245974-7", False), ("0215403-8", False),
    ("26953774", False), ("2695377–4", False), ("245974-7", False),
    ("1234567-8", True), ("2695377-5", True), ("Y-tunnus puuttuu", True),
    ("FI 26953774", False), ("FI26953774", False), ("FI 12345678", True),
]


@pytest.mark.parametrize("value, reported", VALUES, ids=[case[0] for case in VALUES])
def test_business_ids(value, reported):
    head = f"layout: gdpr\nname: R\ncontroller:\n  name: Oy\n  business_id: {value}\n  email: a@b.fi\n"
    assert located(business_id, "", head) == ([(ID, 5, 16)] if reported else [])


LABELLED = "  fields:\n    - label: {label}\n      value: 1234567-8\n"


@pytest.mark.parametrize("label, expected", [("Y-tunnus", [(ID, 8, 14)]), ("ALV-tunnus", [])],
                         ids=["labelled Y-tunnus", "labelled otherwise"])
def test_a_value_labelled_as_the_business_id_is_checked(label, expected):
    assert located(business_id, LABELLED.format(label=label)) == expected


def test_the_register_s_own_word_for_the_business_id_label_is_not_an_id():
    assert located(business_id, "wording:\n  labels:\n    business_id: y-tunnus\n") == []
