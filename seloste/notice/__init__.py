"""The notice as a model: a validated register laid out into numbered sections of blocks.

This is the one place where a section's structure is decided; the three format templates only
present the blocks made here (paragraph, list, fields, heading, table). The layout (section
titles, order, numbering) and the phrases, in the notice's language, come from
:mod:`seloste.resources`; each topic is laid out in :mod:`.builder` (the purposes in
:mod:`.purposes`, others in the modules it inherits from, such as :mod:`.parties`), which also
records the items the diff compares; how a setting or a text reads is in :mod:`.words`.
"""

from __future__ import annotations

from seloste.blocks import Change
from seloste.blocks import Heading
from seloste.blocks import Notice
from seloste.blocks import Section
from seloste.notice.builder import Builder
from seloste.notice.words import content_source
from seloste.notice.words import content_words
from seloste.notice.words import display_date
from seloste.notice.words import finnish_date
from seloste.notice.words import legal_basis_names
from seloste.notice.words import source_notes
from seloste.notice.words import special_category_note
from seloste.resources import authorities
from seloste.resources import layouts
from seloste.resources import phrases
from seloste.resources import register_phrases
from seloste.resources import register_sections
from seloste.resources import source_language
from seloste.resources import topic_order

__all__ = [
    "TOPICS", "authorities", "build_notice", "display_date", "finnish_date", "layouts", "legal_basis_names", "phrases",
    "source_notes", "special_category_note",
]

# Every topic a layout can place: the schema's top-level topics, less those about the notice
# itself; the register's name is the topic "register_name".
_ABOUT_THE_NOTICE = frozenset({"layout", "language", "title", "updated", "version", "sections", "history"})
TOPICS = tuple("register_name" if key == "name" else key for key in topic_order() if key not in _ABOUT_THE_NOTICE)


def build_notice(register_id: str, data: dict, language: str | None = None) -> Notice:
    """Lay a validated register out into a :class:`Notice` whose own words (labels, standard
    sentences, titles, the authority, dates, the page's words) are in ``language``, by default
    the register's own. The register's own words for them (``wording``, ``section_titles``,
    ``title``) are of its own language and stand only in a notice of that language; its texts
    are shown as written. ValueError for a language the tool has no words in."""
    own = language in (None, source_language(data))
    language = source_language(data) if language is None else language
    words = register_phrases(data, language)
    layout = layouts(language)[data["layout"]]
    builder = Builder(data, words, language)
    builder.record("title", "title", "title", "", data.get("title", ""))
    builder.record("layout", "layout", "layout", "", data["layout"])
    updated = data.get("updated", "")
    if updated:
        builder.record("updated", "updated", "updated", "", display_date(updated, language))
    if "version" in data:
        builder.record("version", "version", "version", "", data["version"])
    history = tuple(Change(display_date(c["date"], language), c["text"]) for c in data.get("history", []))
    for change in history:
        entry = f"{change.date}: {change.text}"
        builder.record("history", "history_entry", entry, entry, entry)

    custom_after: dict[str, list] = {}
    for section in data.get("sections", []):
        custom_after.setdefault(section.get("after", ""), []).append(section)

    planned: list[tuple[str, str, list]] = []
    for section in register_sections(data, language):
        blocks: list = []
        shown = ""  # the last topic of the section that had blocks
        for placement in section["topics"]:
            topic_blocks = builder.topic(placement["topic"])
            # A topic that shares its section with an earlier one gets its own sub-heading; so
            # does one that would otherwise read as part of the earlier topic's last group.
            heading = placement.get("heading") or (placement.get("heading_after_groups")
                                                   if shown in builder.under_groups else None)
            if topic_blocks and blocks and heading:
                blocks.append(Heading(heading))
            blocks.extend(topic_blocks)
            shown = placement["topic"] if topic_blocks else shown
        if blocks:
            planned.append((section["id"], section["title"], blocks))
        planned.extend(_custom_sections(builder, custom_after.pop(section["id"], []), custom_after))
    # Sections without "after" (and nothing else is left over: validation checks "after").
    planned.extend(_custom_sections(builder, custom_after.pop("", []), custom_after))
    while custom_after:  # after a section this layout does not have (a diff across layouts)
        planned.extend(_custom_sections(builder, custom_after.pop(next(iter(custom_after))), custom_after))

    numbered = data.get("numbered", layout.get("numbered", False))
    sections = tuple(
        Section(section_id, str(number) if numbered else "", title, tuple(blocks))
        for number, (section_id, title, blocks) in enumerate(planned, start=1)
    )
    preamble, closing = tuple(builder.framing("preamble")), tuple(builder.framing("closing"))
    # The first layer's own words are not on this page, but data subjects read them: the diff
    # compares them as the register's other texts.
    if "first_layer" in data:
        from seloste.first_layer import words as first_layer_words

        layer_words = first_layer_words(language)
        for part, value in data["first_layer"].items():  # one item a part, whatever it declares
            builder.record("first_layer", "first_layer_part", part, layer_words["intro_name" if part == "intro" else part],
                           content_words(value), (("source", content_source(value)),))
    labels = words["labels"]
    return Notice(
        id=register_id,
        language=language,
        title=data["title"] if own and "title" in data else layout["title"],
        name=data["name"],
        controller=data["controller"]["name"],
        updated=updated,
        updated_display=display_date(updated, language) if updated else "",
        sections=sections,
        history=history,
        labels=labels,
        page=words["page"],
        items=tuple(builder.items),
        subtitle=data.get("subtitle", ""),
        preamble=preamble,
        closing=closing,
        version=data.get("version", ""),
        updated_position=data.get("updated_position", "top"),
    )


def _custom_sections(builder: Builder, sections: list, after: dict) -> list:
    """The register's own sections, each followed by the own sections placed after it."""
    planned = []
    for custom in sections:
        planned.append((custom["id"], custom["title"], builder.custom_section(custom)))
        planned.extend(_custom_sections(builder, after.pop(custom["id"], []), after))
    return planned
