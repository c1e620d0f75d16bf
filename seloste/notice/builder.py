"""Each topic of a register laid out into blocks, and the items the diff compares recorded as it goes.

One method a topic (``_rights`` lays out ``rights``; the purposes topic, which is laid out as a
list or a table, has its own module, :mod:`.purposes`); each records the topic's items
(:class:`~seloste.blocks.Item`) in the order the diff reports them: a topic's statement, intro
and notes first, then its items. The topics of other modules of this package
(:mod:`.parties`: joint controllers, recipients, processors, transfers; :mod:`.subjects`: data
subjects; :mod:`.research`: a study) are methods the Builder inherits.
"""

from __future__ import annotations

from seloste import markup
from seloste.load import as_list
from seloste.blocks import BulletList
from seloste.blocks import Field
from seloste.blocks import Fields
from seloste.blocks import Heading
from seloste.blocks import Item
from seloste.blocks import Paragraph
from seloste.blocks import Table
from seloste.notice import purposes
from seloste.notice.parties import Parties
from seloste.notice.research import Research
from seloste.notice.subjects import Subjects
from seloste.notice.contact import contact_line
from seloste.notice.contact import email_link
from seloste.notice.contact import field_blocks
from seloste.notice.contact import web_link
from seloste.notice.words import content_source
from seloste.notice.words import content_words
from seloste.notice.words import item_text
from seloste.notice.words import none_sentence
from seloste.notice.words import shorten
from seloste.notice.words import split_stated
from seloste.notice.words import source_notes
from seloste.notice.words import special_category_note
from seloste.notice.words import text_words
from seloste.facts import fact_names
from seloste.resources import authorities


def _plain(value: str) -> markup.Text:
    return markup.plain(value)


class Builder(Parties, Subjects, Research):
    """Lays a register's topics out; joint controllers, recipients, processors and transfers are
    in :mod:`.parties`, the data subjects and their groups in :mod:`.subjects`, a study in
    :mod:`.research`."""

    def __init__(self, data: dict, words: dict, language: str = "fi"):
        self.data = data
        self.words = words
        self.language = language  # of the tool's own words: ``words``, the authority's details
        self.labels = words["labels"]
        self.items: list[Item] = []
        self.autolink = data.get("autolink") is True  # bare addresses in texts are links
        self.under_groups: set[str] = set()  # topics whose blocks end under their last group's sub-heading

    def _md(self, value: str) -> markup.Text:
        """A text field of this register, read as its settings say."""
        return markup.markdown(value, self.autolink)

    def topic(self, name: str) -> list:
        if name == "register_name":
            self.record("register_name", "register_name", "name", "", self.data["name"])
            return [Paragraph(_plain(self.data["name"]))]
        value = self.data.get(name)
        if value is None:
            return []
        return getattr(self, f"_{name}")(value)

    # the items -------------------------------------------------------------------------------

    def record(self, topic, kind, key, name="", text="", attributes=(), group="") -> None:
        self.items.append(Item(topic, kind, key, name, text, tuple(attributes), group))

    def record_frame(self, topic: str, value: dict, statement: str = "") -> None:
        """A topic's statement ("no recipients"), intro and notes."""
        if value.get("none") and statement:
            sentence = self._none_sentence(value, statement)
            self.record(topic, "none", "none", sentence, sentence)
        for part in ("intro", "notes"):
            if part in value:
                self.record_content(topic, part, part, "", value[part])

    def record_content(self, topic: str, kind: str, key: str, name: str, value) -> None:
        """Free content as one item, and each of its parts that declares its facts as an item of
        its own (kind ``stated``), named by those facts; content without such parts is recorded
        exactly as before they existed."""
        kept, stated = split_stated(value)
        if kept or not stated:
            self.record(topic, kind, key, name, content_words(kept), (("source", content_source(kept)),))
        names = fact_names()
        for facts, words, source in stated:
            told = ", ".join(names[fact] for fact in facts)
            self.record(topic, "stated", words, words, words,
                        (("kertoo", told), ("source", source), ("states", " ".join(facts))))

    def _none_sentence(self, value: dict, statement: str) -> str:
        """What the notice says for ``none``: the register's own sentence, or the standard one."""
        return none_sentence(value, statement, self.words)

    def record_items(self, topic: str, kind: str, value: dict, describe=lambda item: ()) -> None:
        for item in value.get("items", []):
            source = item_text(item)
            self.record(topic, kind, source, text_words(source), text_words(source), describe(item))

    # content shared by every topic -----------------------------------------------------------

    def content(self, value) -> list:
        """Free content: one Markdown paragraph, or a list of blocks."""
        if isinstance(value, str):
            return [Paragraph(self._md(value))]
        blocks: list = []
        for block in value:
            if isinstance(block, str):
                blocks.append(Paragraph(self._md(block)))
            elif "text" in block:  # a paragraph that declares its facts
                blocks.append(Paragraph(self._md(block["text"])))
            elif "list" in block:
                blocks.append(BulletList(tuple(self._md(item_text(entry)) for entry in block["list"]), block.get("ordered", False)))
            elif "heading" in block:
                blocks.append(Heading(block["heading"]))
            elif "fields" in block:
                blocks.append(self._fields(block["fields"]))
            elif "table" in block:
                table = block["table"]
                rows = tuple(tuple(self._md(cell) for cell in (row["cells"] if isinstance(row, dict) else row))
                             for row in table["rows"])
                blocks.append(Table(tuple(table["columns"]), rows, table.get("caption", "")))
        return blocks

    def framing(self, part: str) -> list:
        """The register's ``preamble`` or ``closing``: free content around the sections."""
        if part not in self.data:
            return []
        value = self.data[part]
        self.record_content(part, part, part, "", value)
        return self.content(value)

    def custom_section(self, section: dict) -> list:
        """One of the register's own sections."""
        content = section["content"]
        if "states" in section:  # the whole section declares its facts: it is one part that does
            content = [{"heading": section["title"], "states": section["states"]}, *as_list(content)]
        self.record_content(f"section:{section['id']}", "custom_section", section["id"], section["title"], content)
        return self.content(section["content"])

    def _fields(self, entries) -> Fields:
        return Fields(tuple(Field(entry["label"], self._md(entry["value"])) for entry in entries))

    def framed(self, value: dict, middle: list, statement: str = "") -> list:
        blocks = self.content(value["intro"]) if "intro" in value else []
        if value.get("none") and statement:
            blocks.append(Paragraph(_plain(self._none_sentence(value, statement))))
        blocks.extend(middle)
        if "notes" in value:
            blocks.extend(self.content(value["notes"]))
        return blocks

    def _simple_list(self, value: dict, statement: str = "", describe=item_text) -> list:
        items = value.get("items", [])
        middle = [BulletList(tuple(self._md(describe(item)) for item in items))] if items else []
        return self.framed(value, middle, statement)

    def _contact_fields(self, topic: str, value: dict, keys: tuple, label_keys: dict) -> list:
        """A contact's own fields, each a field of the notice and an item of the diff."""
        entries = []
        for key in keys:
            if key not in value:
                continue
            label = self.labels[label_keys.get(key, key)]
            shown = email_link(value[key]) if key == "email" else web_link(value[key]) if key == "website" else _plain(value[key])
            entries.append(Field(label, shown))
            self.record(topic, f"{topic}_field", key, label, value[key])
        return entries

    def _extra_fields(self, topic: str, value: dict) -> list:
        for field in value.get("fields", []):
            self.record(topic, f"{topic}_field", f"field:{field['label']}", field["label"], text_words(field["value"]))
        return list(self._fields(value.get("fields", [])).entries)

    # topics ----------------------------------------------------------------------------------

    def _controller(self, value: dict) -> list:
        keys = ("name", "business_id", "postal_address", "visiting_address", "phone", "email", "website")
        entries = self._contact_fields("controller", value, keys, {})
        if "contact_person" in value:
            person = value["contact_person"]
            entries.append(Field(self.labels["contact_person"], contact_line(person)))
            shown = ", ".join(person[part] for part in ("name", "title", "phone", "email") if part in person)
            self.record("controller", "controller_field", "contact_person", self.labels["contact_person"], shown)
        entries.extend(self._extra_fields("controller", value))
        self.record_frame("controller", value)
        blocks = field_blocks(entries)
        if "notes" in value:
            blocks.extend(self.content(value["notes"]))
        return blocks

    def _dpo(self, value: dict) -> list:
        entries = self._contact_fields("dpo", value, ("name", "phone", "postal_address", "email"), {"name": "dpo_name"})
        entries.extend(self._extra_fields("dpo", value))
        self.record_frame("dpo", value, "dpo_none")
        blocks: list = [Paragraph(_plain(self._none_sentence(value, "dpo_none")))] if value.get("none") else []
        blocks.extend(field_blocks(entries))
        if "notes" in value:
            blocks.extend(self.content(value["notes"]))
        return blocks

    def _purposes(self, value: dict) -> list:
        return purposes.lay_out(self, value)

    def _data_category(self, item, group: str = "", topic: str = "data_categories") -> str:
        note = "" if isinstance(item, str) else special_category_note(item, self.words)
        source = item_text(item)
        facts = ((self.labels["special_category"], note),) if note else ()
        self.record(topic, "data_category", source, text_words(source), text_words(source),
                    facts + _own_note_attribute(item), group)
        shown = self.labels["special_category"] + ": " + note if note else ""
        shown = item["note"] if isinstance(item, dict) and "note" in item else shown
        return f"{source} ({markup.literal_source(shown)})" if shown else source

    def _data_categories(self, value: dict) -> list:
        self.record_frame("data_categories", value)
        middle: list = []
        for group in value.get("groups", []):
            name = group["name"]
            self.record("data_categories", "data_group", name, name, name)
            middle.append(Heading(name, suffix=":"))
            if "intro" in group:
                self.record_content("data_categories", "group_intro", f"group:{name}", name, group["intro"])
                middle.extend(self.content(group["intro"]))
            middle.append(BulletList(tuple(self._md(self._data_category(item, name)) for item in group["items"])))
        if value.get("items"):
            middle.append(BulletList(tuple(self._md(self._data_category(item)) for item in value["items"])))
        return self.framed(value, middle)

    def _sources(self, value: dict) -> list:
        def notes(item):
            return [] if isinstance(item, str) else source_notes(item, self.words)

        def describe(item):
            found = [item["note"]] if isinstance(item, dict) and "note" in item else notes(item)
            found = [note for note in found if note]
            return item_text(item) + (f" ({markup.literal_source(', '.join(found))})" if found else "")

        def facts(item):
            return ((("lähde", ", ".join(notes(item))),) if notes(item) else ()) + _own_note_attribute(item)

        self.record_frame("sources", value)
        self.record_items("sources", "source", value, facts)
        return self._simple_list(value, describe=describe)

    def _security(self, value: dict) -> list:
        self.record_frame("security", value)
        self.record_items("security", "security_item", value)
        return self._simple_list(value)

    def _retention(self, value: dict) -> list:
        self.record_frame("retention", value)
        self._record_retention("retention", value.get("items", []))
        return self.framed(value, self._retention_list(value.get("items", []), value.get("table_header", True)))

    def _record_retention(self, topic: str, items: list, group: str = "") -> None:
        period = self.labels["period"].lower()
        for item in items:
            source = item_text(item)
            self.record(topic, "retention_item", source, text_words(source), text_words(source),
                        () if isinstance(item, str) else ((period, text_words(item["period"])),), group)

    def _retention_list(self, items: list, header: bool = True) -> list:
        """Retention items as a list, or as a table of data and period when any names its period."""
        if not items:
            return []
        if not any(isinstance(item, dict) for item in items):
            return [BulletList(tuple(self._md(item) for item in items))]
        rows = tuple(
            (self._md(item), _plain("–")) if isinstance(item, str) else (self._md(item["text"]), self._md(item["period"]))
            for item in items
        )
        return [Table((self.labels["data"], self.labels["period"]), rows, header=header)]

    def _rights(self, value: dict) -> list:
        self.record_frame("rights", value)
        middle: list = []
        for item in value.get("items", []):
            kind = item["right"]
            text = content_words(item["text"]) if "text" in item else self.words["rights"].get(kind, "")
            name = self.words["right_names"][kind] if kind != "other" else shorten(text, 60)
            self.record("rights", "right", kind if kind != "other" else f"other:{text}", name, text)
            if "text" in item:
                middle.extend(self.content(item["text"]))
            elif self.words["rights"].get(kind):
                middle.append(Paragraph(_plain(self.words["rights"][kind])))
        return self.framed(value, middle)

    def _complaint(self, value: dict) -> list:
        if "intro" in value:
            blocks = self.content(value["intro"])
        else:
            blocks = [Paragraph(_plain(self.words["statements"]["complaint"]))]
        if "authority" in value:
            authority = authorities(self.language)[value["authority"]]
            shown = (("näytetään", ", ".join(value["authority_fields"])),) if "authority_fields" in value else ()
            self.record("complaint", "authority", "authority", authority["name"], authority["name"], shown)
            labels = self.labels
            card = {
                "name": Field(labels["authority"], _plain(authority["name"])),
                "visiting_address": Field(labels["visiting_address"], _plain(authority["visiting_address"])),
                "postal_address": Field(labels["postal_address"], _plain(authority["postal_address"])),
                "phone": Field(labels["phone"], _plain(authority["phone"])),
                "email": Field(labels["email"], email_link(authority["email"])),
                "website": Field(labels["website"], web_link(authority["website"])),
            }
            blocks.extend(field_blocks([card[key] for key in value.get("authority_fields", card)]))
        self.record_frame("complaint", value)
        if "notes" in value:
            blocks.extend(self.content(value["notes"]))
        return blocks

    def _provision_requirement(self, value: dict) -> list:
        statement = self.words["statements"][f"provision_{value['kind']}"]
        self.record("provision_requirement", "provision_kind", "kind", "", statement)
        middle = [Paragraph(_plain(statement))]
        if "consequences" in value:
            self.record("provision_requirement", "provision_consequences", "consequences", "",
                        text_words(value["consequences"]))
            middle.append(Paragraph(self._md(value["consequences"])))
        self.record_frame("provision_requirement", value)
        return self.framed(value, middle)

    def _automated_decisions(self, value: dict) -> list:
        self.record_frame("automated_decisions", value, "automated_decisions_none")
        self.record_items("automated_decisions", "automated_decision", value)
        return self._simple_list(value, "automated_decisions_none")


def _own_note_attribute(item) -> tuple:
    """An item's own annotation (``note``, which replaces the one the notice makes of its facts),
    as the diff names it: ``("merkintä", words)``, ``"ei merkintää"`` for one left out."""
    if isinstance(item, str) or "note" not in item:
        return ()
    return (("merkintä", item["note"] or "ei merkintää"),)
