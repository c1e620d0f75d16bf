"""A register's ``autolink`` setting through the stages: the notice it renders, in each format.

Bare addresses are links only in a register with ``autolink: true``; without the key, or with
``false``, every byte of the notice is what it always was. The markup itself (which addresses,
the punctuation after them) is tested in ``tests/test_markup.py``.
"""

from __future__ import annotations

import pytest
from conftest import FIXTURES
from markdown_it import MarkdownIt

from seloste import project
from seloste.notice import build_notice
from seloste.render import render_notice_files

SOURCE = (FIXTURES / "kuntosali-jasenrekisteri.yaml").read_text(encoding="utf-8")
OPT_IN = "autolink: true\n"


def _rendered(source: str) -> dict[str, str]:
    register, problems = project.register_from_source("testi", "policy/testi.yaml", source.encode("utf-8"))
    assert register is not None and [p for p in problems if p.is_error] == [], problems
    files = render_notice_files(build_notice(register.id, register.data), register.data)
    return {suffix: files[f"fi/testi.{suffix}"].decode("utf-8") for suffix in ("html", "md", "txt")}


def test_the_fixture_opts_in():
    assert OPT_IN in SOURCE


@pytest.mark.parametrize("setting", ["", "autolink: false\n"], ids=["without the key", "false"])
def test_without_the_setting_bare_addresses_are_text(setting):
    rendered = _rendered(SOURCE.replace(OPT_IN, setting))
    assert 'href="https://sali.example/tietosuoja"' not in rendered["html"]
    assert "osoitteessa https://sali.example/tietosuoja." in rendered["html"]
    assert "](<https://sali.example/tietosuoja>)" not in rendered["md"]
    if setting:
        assert rendered == _rendered(SOURCE.replace(OPT_IN, ""))  # false is the same as no key


def test_with_the_setting_bare_addresses_are_links_in_every_format():
    rendered = _rendered(SOURCE)
    html = rendered["html"]
    assert '<a href="https://sali.example/tietosuoja">https://sali.example/tietosuoja</a>.' in html
    assert '<a href="mailto:asiakaspalvelu@sali.example">asiakaspalvelu@sali.example</a>, tai' in html
    links = [child.attrs["href"] for token in MarkdownIt("commonmark").parse(rendered["md"]) if token.children
             for child in token.children if child.type == "link_open"]
    assert "https://sali.example/tietosuoja" in links and "mailto:asiakaspalvelu@sali.example" in links
    # in plain text each address once, with the punctuation after it
    assert "osoitteessa https://sali.example/tietosuoja.\n" in rendered["txt"]
    assert "(ks. https://sali.example/tietoturva)\n" in rendered["txt"]
    assert "sali.example/tietosuoja (" not in rendered["txt"]


def test_the_setting_changes_nothing_but_the_links():
    with_links, without = _rendered(SOURCE), _rendered(SOURCE.replace(OPT_IN, ""))
    assert with_links["txt"] == without["txt"]
    assert with_links["html"] != without["html"]
