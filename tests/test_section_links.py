"""A link to a section on the page (``[kohta 4](#tarkoitukset)``), as each format shows it: a
link on the page and in Markdown, its words alone in the text and on paper."""

from __future__ import annotations

from lint_helpers import MINIMAL
from lint_helpers import register_from

from seloste.notice import build_notice
from seloste.render import render_html
from seloste.render import render_markdown
from seloste.render import render_text

BODY = "purposes:\n  items: [Laskutus]\nretention:\n  intro: Säilytysajat ovat [kohdassa 3](#tarkoitukset).\n"


def test_a_link_to_a_section_is_its_words_in_the_text_and_a_link_elsewhere():
    register = register_from(MINIMAL + BODY)
    notice = build_notice(register.id, register.data)
    assert "\n\nSäilytysajat ovat kohdassa 3.\n" in render_text(notice).decode()
    html = render_html(notice).decode()
    assert '<p>Säilytysajat ovat <a href="#tarkoitukset">kohdassa 3</a>.</p>' in html  # no data-target: paper shows the words
    assert 'id="tarkoitukset"' in html
    assert "Säilytysajat ovat [kohdassa 3](<#tarkoitukset>)." in render_markdown(notice).decode()


def test_a_link_elsewhere_still_shows_its_address_in_the_text():
    register = register_from(MINIMAL + "retention:\n  intro: Ks. [ohje](https://esimerkki.fi/ohje).\n")
    assert "Ks. ohje (https://esimerkki.fi/ohje)." in render_text(build_notice(register.id, register.data)).decode()
