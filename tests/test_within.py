"""A topic inside another topic's section (``within``): its blocks, its sub-heading, the
numbers of the sections left, validation of what it names, and the diff's section names."""

from __future__ import annotations

import pytest
from lint_helpers import MINIMAL
from lint_helpers import register_from

from seloste import diff
from seloste.blocks import Heading
from seloste.load import load_text
from seloste.notice import build_notice
from seloste.render import render_text
from seloste.validate import boolean_keys
from seloste.validate import validate_document

BODY = ("dpo:\n  email: tietosuoja@oy.fi\nrights:\n  items:\n    - right: access\n"
        "complaint:\n  authority: tietosuojavaltuutettu\nautomated_decisions:\n  none: true\n")


def _sections(body: str, head: str = MINIMAL):
    register = register_from(head + body + BODY)
    return {section.id: section for section in build_notice(register.id, register.data).sections}


def test_a_topic_moves_to_the_end_of_another_section_under_the_title_of_the_one_it_left():
    sections = _sections("within:\n  complaint: oikeudet\n")
    assert "valitusoikeus" not in sections
    blocks = sections["oikeudet"].blocks
    assert blocks[1] == Heading("Oikeus tehdä valitus valvontaviranomaiselle")
    assert blocks[2].text.source.startswith("Rekisteröidyllä on oikeus tehdä valitus")
    assert [s.number for s in sections.values()] == [str(n) for n in range(1, len(sections) + 1)]


def test_its_sub_heading_is_the_register_s_own_or_none_and_topics_come_in_the_order_written():
    sections = _sections("within:\n  automated_decisions: {section: oikeudet, heading: ''}\n"
                         "  complaint: {section: oikeudet, heading: Valitus}\n")
    kinds = [(block.kind, getattr(block, "text", None)) for block in sections["oikeudet"].blocks]
    assert [kind for kind, _ in kinds] == ["paragraph", "paragraph", "heading", "paragraph", "fields"]
    assert kinds[1][1].source.startswith("Rekisteröityä koskevia päätöksiä ei tehdä")  # no heading of its own
    assert kinds[2][1] == "Valitus"


def test_a_topic_keeps_its_sub_heading_and_takes_the_section_s_own_title():
    sections = _sections("within:\n  processors: tietolahteet\n"
                         "processors:\n  items: [Palvelintoimittaja]\nsources:\n  items: [Hakija]\n")
    assert Heading("Henkilötietojen käsittelijät") in sections["tietolahteet"].blocks
    own = _sections("section_titles:\n  valitusoikeus: Valitusoikeus\nwithin:\n  complaint: oikeudet\n")
    assert Heading("Valitusoikeus") in own["oikeudet"].blocks


def test_the_section_a_topic_left_may_be_omitted_but_not_one_it_moves_into():
    assert "valitusoikeus" not in _sections("within:\n  complaint: oikeudet\nomit_sections: [valitusoikeus]\n")
    assert _problems("within:\n  complaint: oikeudet\nomit_sections: [oikeudet]\n" + BODY) == [
        ("S122", 7, 14), ("S117", 8, 17)]


def _problems(body: str) -> list[tuple]:
    document, problems = load_text((MINIMAL + body).encode(), "r.yaml", boolean_keys())
    assert not problems
    return [(p.code, p.line, p.column) for p in validate_document(document)]


@pytest.mark.parametrize("body, expected", [
    ("within:\n  complaint: oikeudet\n", []),
    ("within:\n  valitusoikeus: oikeudet\n", [("S122", 7, 3)]),
    ("within:\n  complaint: oikeudt\n", [("S115", 7, 14)]),
    ("within:\n  complaint: {section: oikeudt}\n", [("S115", 7, 24)]),
    ("within:\n  complaint: valitusoikeus\n", [("S122", 7, 14)]),
    ("within:\n  complaint: {heading: Valitus}\n", [("S102", 7, 3)]),
], ids=["valid", "unknown topic", "unknown section", "unknown section in the long form", "its own section",
        "no section"])
def test_what_within_names_is_checked_against_the_layout(body, expected):
    assert _problems(body) == expected


def test_an_unknown_topic_is_suggested_by_its_finnish_name_and_a_section_by_its_spelling():
    document, _ = load_text((MINIMAL + "within:\n  valitusoikeus: oikeudt\n").encode(), "r.yaml", boolean_keys())
    hints = [problem.hint for problem in validate_document(document)]
    assert hints == ["tarkoititko 'complaint'? (avaimet kirjoitetaan englanniksi)", "tarkoititko 'oikeudet'?"]


def test_the_diff_names_a_change_under_the_section_where_the_text_now_is():
    old = register_from(MINIMAL + "within:\n  complaint: oikeudet\n" + BODY).data
    new = register_from(MINIMAL + "within:\n  complaint: oikeudet\n"
                        + BODY.replace("authority: tietosuojavaltuutettu", "intro: Voit valittaa.")).data
    sections = {change.section for change in diff.register_changes(old, new)}
    assert sections == {"Rekisteröidyn oikeudet"}


def test_a_register_without_within_is_laid_out_as_before():
    register = register_from(MINIMAL + BODY)
    text = render_text(build_notice(register.id, register.data)).decode()
    assert "\n\n6. Oikeus tehdä valitus valvontaviranomaiselle\n\n" in text
