"""FI-VAT (seloste/lint/rules/vat_number.py): a VAT number in place of the business ID is shown as a Y-tunnus."""

from __future__ import annotations

import pytest
from lint_helpers import findings
from lint_helpers import located

from seloste.lint.rules import vat_number

ID = "FI-VAT"

# (business_id value, whether it is reported); the value stands at line 5, column 16.
# (A wrong check digit or form is validation's error, S126: such a register does not reach lint.)
VALUES = [
    ("FI 26953774", True), ("FI26953774", True), ("fi 26953774", True),
    ("2695377-4", False), ("0245974-7", False),
]


@pytest.mark.parametrize("value, reported", VALUES, ids=[case[0] for case in VALUES])
def test_vat_numbers(value, reported):
    head = f"layout: gdpr\nname: R\ncontroller:\n  name: Oy\n  business_id: {value}\n  email: a@b.fi\n"
    assert located(vat_number, "", head) == ([(ID, 5, 16)] if reported else [])


def test_vat_number_is_shown_in_its_business_id_form_also_in_a_labelled_line():
    body = "  fields:\n    - label: Y-tunnus\n      value: FI 26953774\n"
    problems = findings(vat_number, body)
    assert [(p.code, p.line, p.column) for p in problems] == [(ID, 8, 14)]
    assert problems[0].message.endswith("Y-tunnus on 2695377-4")
