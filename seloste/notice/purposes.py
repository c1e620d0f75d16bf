"""The purposes topic laid out: its purposes as a list or a table, their legal bases, and the
items the diff compares (:class:`~seloste.notice.builder.Builder` calls :func:`lay_out`).

The purposes are a table when the register chooses its columns (``table``), or when any
purpose has a legal basis, the data it uses or its retention; the table then has the purpose
and each of those columns that some purpose fills.
"""

from __future__ import annotations

from seloste import markup
from seloste.blocks import BulletList
from seloste.blocks import Field
from seloste.blocks import Fields
from seloste.blocks import Table
from seloste.notice.words import item_text
from seloste.notice.words import legal_basis_names
from seloste.notice.words import text_words

# The columns of the purposes table in their default order, each with the label of its header
# (seloste/data/fi.yaml, or the register's wording).
COLUMNS = {"purpose": "purpose", "legal_basis": "legal_basis", "data": "data", "retention": "period"}
# The keys of a purpose whose words each column shows (the purpose's text is always shown).
COLUMN_KEYS = {"legal_basis": ("legal_basis", "legitimate_interest", "law"), "data": ("data",),
               "retention": ("retention",)}


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
            (labels["law"].lower(), item.get("law", "")),
            (labels["data"].lower(), text_words(item.get("data"))),
            (labels["period"].lower(), text_words(item.get("retention")))) if shown)

    builder.record_frame("purposes", value)
    # A basis for every purpose (each purpose's own adds to it), shown after the intro.
    middle: list = []
    if "legal_basis" in value:
        builder.record("purposes", "register_basis", "legal_basis", labels["legal_basis"], "", settings(value))
        middle.append(Fields((Field(labels["legal_basis"], basis(builder, value)),)))
    builder.record_items("purposes", "purpose", value, settings)
    items = value.get("items", [])
    columns = table_columns(value)
    if not columns:
        middle.extend([BulletList(tuple(builder._md(item_text(item)) for item in items))] if items else [])
        return builder.framed(value, middle)
    rows = tuple(tuple(_cell(builder, item, column) for column in columns) for item in items)
    middle.append(Table(tuple(labels[COLUMNS[column]] for column in columns), rows,
                        header=value.get("table_header", True)))
    return builder.framed(value, middle)


def table_columns(value: dict) -> tuple[str, ...]:
    """The columns of the purposes table: the register's own (``table``), or the purpose and
    each column some purpose fills; () when the purposes are a plain list."""
    if "table" in value:
        return tuple(value["table"])
    items = [item for item in value.get("items", []) if isinstance(item, dict)]
    # A law alone, without a basis, has never made a table: the list stays as it was.
    filled = [column for column, keys in COLUMN_KEYS.items()
              if any(key in item for item in items for key in keys if key != "law")]
    return ("purpose", *filled) if filled else ()


def _cell(builder, item, column: str) -> markup.Text:
    if column == "purpose":
        return builder._md(item_text(item))
    if isinstance(item, str):
        return markup.plain("–")
    if column == "legal_basis":
        return basis(builder, item)
    return builder._md(item[column]) if column in item else markup.plain("–")


def basis(builder, item: dict) -> markup.Text:
    """A purpose's (or every purpose's) legal bases, with the law and the legitimate interest."""
    labels = builder.labels
    shown = "; ".join(markup.literal_source(part) for part in legal_basis_names(item, builder.words)) or "–"
    if "law" in item:
        shown += f" ({markup.literal_source(labels['law'].lower())}: {markup.literal_source(item['law'])})"
    if "legitimate_interest" in item:
        return builder._md(f"{shown}. {markup.literal_source(labels['legitimate_interest'])}: {item['legitimate_interest']}")
    return builder._md(shown)
