"""FORMAT-EMAIL (seloste/lint/rules/email_address.py): email addresses are well-formed."""

from __future__ import annotations

import pytest
from lint_helpers import located

from seloste.lint.rules import email_address

ID = "FORMAT-EMAIL"
HEAD = "layout: gdpr\nname: R\ncontroller:\n  name: Oy\n  postal_address: PL 1\n"

CASES = [
    # (line 6 of the register, column of the finding on it or None)
    ('notes: "[kirjoita](mailto:tietosuoja(at)esimerkki.fi)"', 22),
    ('notes: "[kirjoita](mailto:tietosuoja@esimerkki.fi?subject=Tietopyyntö)"', None),
    # an e-mail link written as its address: found at the address
    ('notes: "Kirjoita <tietosuoja..x@esimerkki.fi>."', 21),
    ('notes: "Kirjoita <tietosuoja@esimerkki.fi>."', None),
]


@pytest.mark.parametrize("line, column", CASES, ids=[case[0] for case in CASES])
def test_findings_and_their_positions(line, column):
    assert located(email_address, "", f"{HEAD}  {line}\n") == ([(ID, 6, column)] if column else [])


@pytest.mark.parametrize("autolink, found", [("true", [(ID, 7, 20)]), ("false", [])])
def test_a_bare_address_is_checked_where_the_register_makes_it_a_link(autolink, found):
    head = f"layout: gdpr\nautolink: {autolink}\nname: R\ncontroller:\n  name: Oy\n  postal_address: PL 1\n"
    assert located(email_address, '  notes: "Kirjoita tietosuoja..x@esimerkki.fi."\n', head) == found

