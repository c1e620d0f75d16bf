"""FORMAT-URL (seloste/lint/rules/web_address.py): web addresses are well-formed."""

from __future__ import annotations

import pytest
from lint_helpers import located

from seloste.lint.rules import web_address

ID = "FORMAT-URL"
HEAD = "layout: gdpr\nname: R\ncontroller:\n  name: Oy\n  postal_address: PL 1\n"

CASES = [
    # (line 6 of the register, column of the finding on it or None)
    ('notes: "[sivu](https://esimerkki..fi/a)"', 18),
    ('notes: "[sivu](#oikeudet) ja [toinen](https://esimerkki.fi)"', None),
    ('notes: "Ei linkki: `[sivu](https://esimerkki..fi/a)`"', None),  # a code span shows the words
    ('notes: "[sivu](<https://esimerkki.fi/a%20b>)"', None),  # the target, not its first word
    ('notes: "[kirjoita](mailto:tietosuoja(at)esimerkki.fi)"', None),  # another rule's scheme
]


@pytest.mark.parametrize("line, column", CASES, ids=[case[0] for case in CASES])
def test_findings_and_their_positions(line, column):
    assert located(web_address, "", f"{HEAD}  {line}\n") == ([(ID, 6, column)] if column else [])


def test_a_link_in_a_long_text_is_placed_at_its_line():
    body = "rights:\n  notes: >-\n    Lue lisää\n    [sivultamme](https://esimerkki..fi).\n"
    assert located(web_address, body) == [(ID, 9, 18)]


def test_the_register_s_own_word_for_the_website_label_is_not_an_address():
    assert located(web_address, "wording:\n  labels:\n    website: Verkkosivu\n") == []


@pytest.mark.parametrize("autolink, found", [("true", [(ID, 7, 17)]), ("false", [])])
def test_a_bare_address_is_checked_where_the_register_makes_it_a_link(autolink, found):
    head = f"layout: gdpr\nautolink: {autolink}\nname: R\ncontroller:\n  name: Oy\n  postal_address: PL 1\n"
    assert located(web_address, '  notes: "Katso https://esimerkki..fi/a."\n', head) == found

