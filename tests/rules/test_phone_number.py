"""FORMAT-PHONE (seloste/lint/rules/phone_number.py): phone numbers are well-formed."""

from __future__ import annotations

import pytest
from lint_helpers import located

from seloste.lint.rules import phone_number

ID = "FORMAT-PHONE"
HEAD = "layout: gdpr\nname: R\ncontroller:\n  name: Oy\n  postal_address: PL 1\n"

CASES = [
    # (line 6 of the register, column of the finding on it or None)
    ('notes: "[soita](tel:+358401234567)"', None),
    ('notes: "[soita](tel:+3580401234567)"', 19),
]


@pytest.mark.parametrize("line, column", CASES, ids=[case[0] for case in CASES])
def test_findings_and_their_positions(line, column):
    assert located(phone_number, "", f"{HEAD}  {line}\n") == ([(ID, 6, column)] if column else [])

