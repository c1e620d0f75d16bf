"""Work a notice's formats share is done once: the HTML of each text for its page and its fragment."""

from __future__ import annotations

from conftest import POLICY

from seloste import first_layer
from seloste import markup
from seloste import pages
from seloste import render
from seloste.notice import build_notice
from seloste.project import load_register


def test_the_page_and_the_fragment_write_each_text_once(monkeypatch):
    register, _ = load_register(POLICY / "genetta-asiakasrekisteri.yaml")
    notice = build_notice(register.id, register.data)
    written = []
    real = markup.to_html
    monkeypatch.setattr(pages.markup, "to_html", lambda text, inline=False: written.append(text) or real(text, inline=inline))
    alone = render.render_html(notice)
    page_only = len(written)
    written.clear()
    # The first layer is a page of its own, with texts of its own; the count is of the two.
    monkeypatch.setattr(first_layer, "render_first_layer", lambda *args: {})
    files = render.render_notice_files(notice, register.data)
    assert page_only > 20 and len(written) == page_only
    assert files[f"fi/{notice.id}.html"] == alone
    written.clear()
    render.render_fragment(notice)  # outside a notice's rendering, nothing is remembered
    assert len(written) == page_only


def test_each_block_is_made_once_for_the_page_and_the_fragment(monkeypatch):
    register, _ = load_register(POLICY / "genetta-asiakasrekisteri.yaml")
    notice = build_notice(register.id, register.data)
    made = []
    real = pages._once

    def counted(block, macro):
        return real(block, lambda b: made.append(b) or macro(b))

    monkeypatch.setattr(pages, "_once", counted)
    pages.forget()  # the environments are made anew with the counting function
    try:
        blocks = len(notice.preamble) + len(notice.closing) + sum(len(section.blocks) for section in notice.sections)
        alone = render.render_html(notice)
        assert len(made) == blocks > 10
        made.clear()
        files = render.render_notice_files(notice, register.data)
        assert len(made) == blocks  # the fragment used the page's
        assert files[f"fi/{notice.id}.html"] == alone
    finally:
        monkeypatch.undo()
        pages.forget()
