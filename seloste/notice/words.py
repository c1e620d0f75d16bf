"""How a register's settings and texts read: in the notice, and in the items the diff compares.

Each is written here once: the notice shows a purpose's legal bases, a data category's
special category or a source's origin in these words, and the diff names a changed setting in
the same words.
"""

from __future__ import annotations

import json

from seloste import markup
from seloste import resources
from seloste.load import as_list


def display_date(iso: str, language: str) -> str:
    """An ISO date (``2024-05-01``) as ``language`` writes it, by the ``formats`` of its phrases:
    ``1.5.2024`` in Finnish and Swedish, ``1 May 2024`` in English. Raises ValueError for a
    language the tool has no phrases for."""
    year, month, day = iso.split("-")
    formats = resources.phrases(language)["formats"]
    return formats["date"].format(day=int(day), month=int(month), month_name=formats["months"][int(month) - 1],
                                  year=year)


def finnish_date(iso: str) -> str:
    """``2024-05-01`` as Finnish writes it: ``1.5.2024`` (:func:`display_date` in Finnish)."""
    return display_date(iso, "fi")


def item_text(item) -> str:
    """An item's text: the item itself, or its ``text``."""
    return item if isinstance(item, str) else item["text"]


def legal_basis_names(purpose: dict, words: dict) -> list[str]:
    """The names of a purpose's legal bases, as written in order, each with its own note and
    law (``Suostumus (GDPR 6(1)(a)), tietyissä tapauksissa``); [] for none."""
    return [legal_basis_name(basis, words) for basis in as_list(purpose.get("legal_basis"))]


def legal_basis_name(basis, words: dict) -> str:
    """One legal basis as the notice names it: a plain basis (``consent``) by its name, a
    qualified one (``{basis: consent, note: ..., law: ...}``) with its note and law after it."""
    if isinstance(basis, str):
        return words["legal_bases"][basis]
    name = words["legal_bases"][basis["basis"]]
    if "note" in basis:
        name += f", {basis['note']}"
    if "law" in basis:
        name += f" ({words['labels']['law'].lower()}: {basis['law']})"
    return name


def none_sentence(value: dict, statement: str, words: dict) -> str:
    """What the notice says for a topic's ``none``: the register's own sentence, or the
    standard one (``statements.<statement>`` of ``words``)."""
    return value["none"] if isinstance(value["none"], str) else words["statements"][statement]


def special_category_note(category: dict, words: dict) -> str:
    """A data category's special category and its condition: ``terveystiedot, käsittelyn edellytys
    GDPR 9(2)(h)``; "" when it has none."""
    if "special_category" not in category:
        return ""
    note = words["special_categories"][category["special_category"]]
    if "condition" in category:
        condition = words["formats"]["condition"].format(label=words["labels"]["condition"], letter=category["condition"])
        note += f", {condition}"
    return note


def source_notes(source: dict, words: dict) -> list[str]:
    """What the notice says of a source beside its text: its origin and whether it is public."""
    labels = words["labels"]
    notes = [labels[f"origin_{source['origin']}"]] if "origin" in source else []
    if source.get("public"):
        notes.append(labels["public_source"])
    return [note for note in notes if note]  # a register may leave a note out ("" in its wording)


# --- the words of an item, as the diff compares them -----------------------------------------

def text_words(source) -> str:
    """A text field's words without markup, on one line."""
    if isinstance(source, bool) or source is None:
        return ""
    return " ".join(markup.to_text(markup.markdown(source), inline=True).split())


def content_words(value) -> str:
    """Free content (one paragraph or a list of blocks) as words on one line."""
    if isinstance(value, str):
        return text_words(value)
    parts = []
    for block in value or []:
        if isinstance(block, str):
            parts.append(text_words(block))
        elif "text" in block:  # a paragraph that declares its facts
            parts.append(text_words(block["text"]))
        elif "list" in block:
            parts.extend(text_words(entry if isinstance(entry, str) else entry["text"]) for entry in block["list"])
        elif "heading" in block:
            parts.append(block["heading"])
        elif "fields" in block:
            parts.extend(f"{entry['label']}: {text_words(entry['value'])}" for entry in block["fields"])
        elif "table" in block:
            table = block["table"]
            parts.extend([table.get("caption", ""), *table["columns"]])
            parts.extend(text_words(cell) for row in table["rows"] for cell in (row["cells"] if isinstance(row, dict) else row))
    return " ".join(part for part in parts if part)


def content_source(value) -> str:
    """Free content as it was written, in one string: a change of markup alone shows here."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def shorten(text: str, limit: int) -> str:
    """The text on one line, cut at a word before ``limit`` characters with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",.;:") + "…"


# --- texts that declare the facts they state (``states:``) -----------------------------------

def split_stated(value) -> tuple[object, list[tuple[tuple, str, str]]]:
    """Free content without the parts that declare facts, and those parts.

    Each part is (facts, words, source): a paragraph, list, table, fields or heading block
    with ``states``, a list entry or table row with ``states``, or a heading with ``states``
    together with the blocks under it up to the next heading. The rest of the content is
    returned in its own shape, so content with no ``states`` comes back as it was.
    """
    from seloste.facts import block_facts

    if isinstance(value, str) or not value:
        return value, []
    kept: list = []
    parts: list[tuple[tuple, list]] = []  # (facts, blocks) in order
    under: tuple | None = None  # the facts of the heading the blocks are under
    for block in value:
        facts = block_facts(block)
        if isinstance(block, dict) and "heading" in block:
            under = facts or None
        if facts:
            parts.append((facts, [block]))
        elif under is not None:
            parts[-1][1].append(block)
        elif isinstance(block, dict) and "list" in block and any(block_facts(entry) for entry in block["list"]):
            kept.append({**block, "list": [entry for entry in block["list"] if not block_facts(entry)]})
            parts.extend(((block_facts(entry)), [entry]) for entry in block["list"] if block_facts(entry))
        elif isinstance(block, dict) and "table" in block and any(block_facts(row) for row in block["table"]["rows"]):
            table = block["table"]
            kept.append({"table": {**table, "rows": [row for row in table["rows"] if not block_facts(row)]}})
            parts.extend((block_facts(row), [{"list": row["cells"]}]) for row in table["rows"] if block_facts(row))
        else:
            kept.append(block)
    return kept, [(facts, content_words(_plain_blocks(blocks)), content_source(blocks)) for facts, blocks in parts]


def _plain_blocks(blocks: list) -> list:
    """Tagged blocks in the shapes :func:`content_words` reads (a tagged paragraph or entry as
    its text, a tagged row as a list of its cells)."""
    return [block["text"] if isinstance(block, dict) and "text" in block else block for block in blocks]
