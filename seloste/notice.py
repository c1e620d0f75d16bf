"""The notice as a model: a validated register laid out into numbered sections of blocks.

This is the one place where a section's structure is decided; the three format templates only
present the blocks made here (paragraph, list, fields, heading, table). The layout (section
titles, order, numbering) and the Finnish phrases come from :mod:`seloste.resources`.
"""

from __future__ import annotations


from seloste import markup
from seloste.blocks import BulletList
from seloste.blocks import Change
from seloste.blocks import Field
from seloste.blocks import Fields
from seloste.blocks import Heading
from seloste.blocks import Notice
from seloste.blocks import Paragraph
from seloste.blocks import Section
from seloste.blocks import Table
from seloste.resources import authorities
from seloste.resources import layouts
from seloste.resources import phrases
from seloste.resources import topic_order

# Every topic a layout can place: the schema's top-level topics, less those about the notice
# itself; the register's name is the topic "register_name".
_ABOUT_THE_NOTICE = frozenset({"layout", "language", "title", "updated", "sections", "history"})
TOPICS = tuple("register_name" if key == "name" else key for key in topic_order() if key not in _ABOUT_THE_NOTICE)


# --- building -------------------------------------------------------------------------------

def build_notice(register_id: str, data: dict) -> Notice:
    """Lay a validated register out into a :class:`Notice`."""
    language = data.get("language", "fi")
    words = phrases(language)
    layout = layouts()[data["layout"]]
    builder = _Builder(data, words)

    custom_after: dict[str, list] = {}
    for section in data.get("sections", []):
        custom_after.setdefault(section.get("after", ""), []).append(section)

    planned: list[tuple[str, str, list]] = []
    for section in layout["sections"]:
        blocks: list = []
        for placement in section["topics"]:
            topic_blocks = builder.topic(placement["topic"])
            # A topic that shares its section with an earlier one gets its own sub-heading.
            if topic_blocks and blocks and placement.get("heading"):
                blocks.append(Heading(placement["heading"]))
            blocks.extend(topic_blocks)
        if blocks:
            planned.append((section["id"], section["title"], blocks))
        planned.extend(_custom_sections(builder, custom_after.pop(section["id"], [])))
    # Sections without "after" (and nothing else is left over: validation checks "after").
    planned.extend(_custom_sections(builder, [c for leftover in custom_after.values() for c in leftover]))

    numbered = data.get("numbered", layout.get("numbered", False))
    sections = tuple(
        Section(section_id, str(number) if numbered else "", title, tuple(blocks))
        for number, (section_id, title, blocks) in enumerate(planned, start=1)
    )
    updated = data.get("updated", "")
    return Notice(
        id=register_id,
        language=language,
        title=data.get("title", layout["title"]),
        name=data["name"],
        controller=data["controller"]["name"],
        updated=updated,
        updated_display=finnish_date(updated) if updated else "",
        sections=sections,
        history=tuple(Change(finnish_date(c["date"]), c["text"]) for c in data.get("history", [])),
        labels=words["labels"],
    )


def _custom_sections(builder, sections: list) -> list:
    return [(custom["id"], custom["title"], builder.content(custom["content"])) for custom in sections]


def finnish_date(iso: str) -> str:
    """``2024-05-01`` as Finnish writes it: ``1.5.2024``."""
    year, month, day = iso.split("-")
    return f"{int(day)}.{int(month)}.{year}"


def _md(value: str) -> markup.Text:
    return markup.markdown(value)


def _plain(value: str) -> markup.Text:
    return markup.plain(value)


def _item_text(item) -> str:
    return item if isinstance(item, str) else item["text"]


def as_list(value) -> list:
    """A value that may be written as one item or a list, as a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


# How an item's settings read in the notice; the diff names a changed setting in the same words.

def legal_basis_names(purpose: dict, words: dict) -> list[str]:
    """The names of a purpose's legal bases, as written in order; [] for none."""
    return [words["legal_bases"][basis] for basis in as_list(purpose.get("legal_basis"))]


def special_category_note(category: dict, words: dict) -> str:
    """A data category's special category and its condition: ``terveystiedot, käsittelyn edellytys
    GDPR 9(2)(h)``; "" when it has none."""
    if "special_category" not in category:
        return ""
    note = words["special_categories"][category["special_category"]]
    if "condition" in category:
        note += f", {words['labels']['condition']}({category['condition']})"
    return note


def source_notes(source: dict, words: dict) -> list[str]:
    """What the notice says of a source beside its text: its origin and whether it is public."""
    labels = words["labels"]
    notes = [labels[f"origin_{source['origin']}"]] if "origin" in source else []
    if source.get("public"):
        notes.append(labels["public_source"])
    return notes


class _Builder:
    def __init__(self, data: dict, words: dict):
        self.data = data
        self.words = words
        self.labels = words["labels"]

    def topic(self, name: str) -> list:
        if name == "register_name":
            return [Paragraph(_plain(self.data["name"]))]
        value = self.data.get(name)
        if value is None:
            return []
        return getattr(self, f"_{name}")(value)

    # content shared by every topic -----------------------------------------------------------

    def content(self, value) -> list:
        """Free content: one Markdown paragraph, or a list of blocks."""
        if isinstance(value, str):
            return [Paragraph(_md(value))]
        blocks: list = []
        for block in value:
            if isinstance(block, str):
                blocks.append(Paragraph(_md(block)))
            elif "list" in block:
                blocks.append(BulletList(tuple(_md(entry) for entry in block["list"]), block.get("ordered", False)))
            elif "heading" in block:
                blocks.append(Heading(block["heading"]))
            elif "fields" in block:
                blocks.append(self._fields(block["fields"]))
            elif "table" in block:
                table = block["table"]
                blocks.append(Table(tuple(table["columns"]), tuple(tuple(_md(cell) for cell in row) for row in table["rows"]),
                                    table.get("caption", "")))
        return blocks

    def _fields(self, entries) -> Fields:
        return Fields(tuple(Field(entry["label"], _md(entry["value"])) for entry in entries))

    def _framed(self, value: dict, middle: list, statement: str = "") -> list:
        blocks = self.content(value["intro"]) if "intro" in value else []
        if value.get("none") and statement:
            blocks.append(Paragraph(_plain(self.words["statements"][statement])))
        blocks.extend(middle)
        if "notes" in value:
            blocks.extend(self.content(value["notes"]))
        return blocks

    def _simple_list(self, value: dict, statement: str = "", describe=_item_text) -> list:
        items = value.get("items", [])
        middle = [BulletList(tuple(_md(describe(item)) for item in items))] if items else []
        return self._framed(value, middle, statement)

    # topics ----------------------------------------------------------------------------------

    def _controller(self, value: dict) -> list:
        labels = self.labels
        entries = [Field(labels["name"], _plain(value["name"]))]
        for key in ("business_id", "postal_address", "visiting_address", "phone"):
            if key in value:
                entries.append(Field(labels[key], _plain(value[key])))
        if "email" in value:
            entries.append(Field(labels["email"], _email(value["email"])))
        if "website" in value:
            entries.append(Field(labels["website"], _link(value["website"])))
        if "contact_person" in value:
            entries.append(Field(labels["contact_person"], _contact(value["contact_person"])))
        entries.extend(self._fields(value.get("fields", [])).entries)
        blocks: list = [Fields(tuple(entries))]
        if "notes" in value:
            blocks.extend(self.content(value["notes"]))
        return blocks

    def _dpo(self, value: dict) -> list:
        labels = self.labels
        entries = []
        if "name" in value:
            entries.append(Field(labels["dpo_name"], _plain(value["name"])))
        for key in ("phone", "postal_address"):
            if key in value:
                entries.append(Field(labels[key], _plain(value[key])))
        if "email" in value:
            entries.append(Field(labels["email"], _email(value["email"])))
        entries.extend(self._fields(value.get("fields", [])).entries)
        blocks: list = [Fields(tuple(entries))] if entries else []
        if "notes" in value:
            blocks.extend(self.content(value["notes"]))
        return blocks

    def _purposes(self, value: dict) -> list:
        items = value.get("items", [])
        if not any(isinstance(item, dict) and ("legal_basis" in item or "legitimate_interest" in item) for item in items):
            return self._simple_list(value)
        rows = []
        for item in items:
            if isinstance(item, str):
                rows.append((_md(item), _plain("–")))
                continue
            basis = "; ".join(markup.literal_source(part) for part in legal_basis_names(item, self.words)) or "–"
            if "law" in item:
                basis += f" ({markup.literal_source(self.labels['law'].lower())}: {markup.literal_source(item['law'])})"
            cell = _md(basis)
            if "legitimate_interest" in item:
                cell = _md(f"{basis}. {markup.literal_source(self.labels['legitimate_interest'])}: {item['legitimate_interest']}")
            rows.append((_md(item["text"]), cell))
        table = Table((self.labels["purpose"], self.labels["legal_basis"]), tuple(rows))
        return self._framed(value, [table])

    def _data_subjects(self, value: dict) -> list:
        return self._simple_list(value)

    def _data_category(self, item) -> str:
        if isinstance(item, str):
            return item
        text = item["text"]
        note = special_category_note(item, self.words)
        if note:
            text += f" ({markup.literal_source(self.labels['special_category'] + ': ' + note)})"
        return text

    def _data_categories(self, value: dict) -> list:
        middle: list = []
        for group in value.get("groups", []):
            middle.append(Heading(group["name"], suffix=":"))
            if "intro" in group:
                middle.extend(self.content(group["intro"]))
            middle.append(BulletList(tuple(_md(self._data_category(item)) for item in group["items"])))
        if value.get("items"):
            middle.append(BulletList(tuple(_md(self._data_category(item)) for item in value["items"])))
        return self._framed(value, middle)

    def _sources(self, value: dict) -> list:
        def describe(item):
            if isinstance(item, str):
                return item
            notes = source_notes(item, self.words)
            return item["text"] + (f" ({markup.literal_source(', '.join(notes))})" if notes else "")

        return self._simple_list(value, describe=describe)

    def _recipient(self, item) -> str:
        if isinstance(item, str):
            return item
        return item["text"] + (f": {item['purpose']}" if "purpose" in item else "")

    def _recipients(self, value: dict) -> list:
        return self._simple_list(value, "recipients_none", describe=self._recipient)

    def _processors(self, value: dict) -> list:
        return self._simple_list(value, describe=self._recipient)

    def _transfers(self, value: dict) -> list:
        items = value.get("items", [])
        middle = []
        if items:
            labels = self.labels
            rows = []
            for item in items:
                safeguard = markup.literal_source(self.words["safeguards"][item["safeguard"]])
                if "copy" in item:
                    safeguard += f". {markup.literal_source(labels['copy'])}: {item['copy']}"
                rows.append((_md(item["text"]), _plain(item["country"]), _md(safeguard)))
            middle.append(Table((labels["recipient"], labels["country"], labels["safeguard"]), tuple(rows)))
        return self._framed(value, middle, "transfers_none")

    def _security(self, value: dict) -> list:
        return self._simple_list(value)

    def _retention(self, value: dict) -> list:
        items = value.get("items", [])
        if not any(isinstance(item, dict) for item in items):
            return self._simple_list(value)
        rows = tuple(
            (_md(item), _plain("–")) if isinstance(item, str) else (_md(item["text"]), _md(item["period"]))
            for item in items
        )
        return self._framed(value, [Table((self.labels["data"], self.labels["period"]), rows)])

    def _rights(self, value: dict) -> list:
        middle: list = []
        for item in value.get("items", []):
            if "text" in item:
                middle.extend(self.content(item["text"]))
            elif self.words["rights"].get(item["right"]):
                middle.append(Paragraph(_plain(self.words["rights"][item["right"]])))
        return self._framed(value, middle)

    def _complaint(self, value: dict) -> list:
        if "intro" in value:
            blocks = self.content(value["intro"])
        else:
            blocks = [Paragraph(_plain(self.words["statements"]["complaint"]))]
        if "authority" in value:
            authority = authorities()[value["authority"]]
            labels = self.labels
            blocks.append(Fields((
                Field(labels["authority"], _plain(authority["name"])),
                Field(labels["visiting_address"], _plain(authority["visiting_address"])),
                Field(labels["postal_address"], _plain(authority["postal_address"])),
                Field(labels["phone"], _plain(authority["phone"])),
                Field(labels["email"], _email(authority["email"])),
                Field(labels["website"], _link(authority["website"])),
            )))
        if "notes" in value:
            blocks.extend(self.content(value["notes"]))
        return blocks

    def _provision_requirement(self, value: dict) -> list:
        middle = [Paragraph(_plain(self.words["statements"][f"provision_{value['kind']}"]))]
        if "consequences" in value:
            middle.append(Paragraph(_md(value["consequences"])))
        return self._framed(value, middle)

    def _automated_decisions(self, value: dict) -> list:
        return self._simple_list(value, "automated_decisions_none")


def _email(address: str) -> markup.Text:
    return markup.Text((("p", (), (("a", (("href", f"mailto:{address}"),), (("#text", address),)),)),), address)


def _link(url: str) -> markup.Text:
    return markup.Text((("p", (), (("a", (("href", url),), (("#text", url),)),)),), url)


def _contact(contact: dict) -> markup.Text:
    nodes: list = [("#text", contact["name"] + (f", {contact['title']}" if "title" in contact else ""))]
    if "phone" in contact:
        nodes.append(("#text", f", {contact['phone']}"))
    if "email" in contact:
        nodes.append(("#text", ", "))
        nodes.append(("a", (("href", f"mailto:{contact['email']}"),), (("#text", contact["email"]),)))
    return markup.Text((("p", (), tuple(nodes)),), contact["name"])
