"""The purposes topic laid out: its purposes as a list or a table, their legal bases, and the
items the diff compares (:class:`~seloste.notice.builder.Builder` calls :func:`lay_out`)."""

from __future__ import annotations

from seloste import markup
from seloste.blocks import BulletList
from seloste.blocks import Field
from seloste.blocks import Fields
from seloste.blocks import Table
from seloste.notice.words import item_text
from seloste.notice.words import legal_basis_names
from seloste.notice.words import text_words


def lay_out(builder, value: dict) -> list:
    """The blocks of ``purposes``, recording its items in ``builder`` as they are laid out."""
    labels = builder.labels

    def settings(item):
        if isinstance(item, str):
            return ()
        bases = "; ".join(legal_basis_names(item, builder.words))
        return tuple((label, shown) for label, shown in (
            (labels["legal_basis"].lower(), bases),
            (labels["legitimate_interest"].lower(), text_words(item.get("legitimate_interest"))),
            (labels["law"].lower(), item.get("law", ""))) if shown)

    builder.record_frame("purposes", value)
    # A basis for every purpose (each purpose's own adds to it), shown after the intro.
    middle: list = []
    if "legal_basis" in value:
        builder.record("purposes", "register_basis", "legal_basis", labels["legal_basis"], "", settings(value))
        middle.append(Fields((Field(labels["legal_basis"], basis(builder, value)),)))
    builder.record_items("purposes", "purpose", value, settings)
    items = value.get("items", [])
    if not any(isinstance(item, dict) and ("legal_basis" in item or "legitimate_interest" in item) for item in items):
        middle.extend([BulletList(tuple(markup.markdown(item_text(item)) for item in items))] if items else [])
        return builder.framed(value, middle)
    rows = [(markup.markdown(item), markup.plain("–")) if isinstance(item, str)
            else (markup.markdown(item["text"]), basis(builder, item)) for item in items]
    middle.append(Table((labels["purpose"], labels["legal_basis"]), tuple(rows)))
    return builder.framed(value, middle)


def basis(builder, item: dict) -> markup.Text:
    """A purpose's (or every purpose's) legal bases, with the law and the legitimate interest."""
    labels = builder.labels
    shown = "; ".join(markup.literal_source(part) for part in legal_basis_names(item, builder.words)) or "–"
    if "law" in item:
        shown += f" ({markup.literal_source(labels['law'].lower())}: {markup.literal_source(item['law'])})"
    if "legitimate_interest" in item:
        return markup.markdown(f"{shown}. {markup.literal_source(labels['legitimate_interest'])}: {item['legitimate_interest']}")
    return markup.markdown(shown)
