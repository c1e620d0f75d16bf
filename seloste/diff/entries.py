"""A register's comparable entries."""

from __future__ import annotations

import dataclasses
import json

from seloste import markup
from seloste.diff.wording import shorten


@dataclasses.dataclass(frozen=True)
class Entry:
    """One comparable item of a register: a purpose, a data category, a contact field, an intro..."""

    topic: str
    kind: str
    key: str  # identity: the source text of a text item, a fixed name otherwise
    name: str  # as the summary names it ("" for an intro or notes)
    text: str = ""  # the words compared for a wording fix
    attributes: tuple = ()  # ((label, shown value), ...)
    group: str = ""  # the data-category group

    @property
    def content(self) -> tuple:
        return self.key, self.text, self.attributes


def _words(source) -> str:
    """A text field's words without markup, on one line."""
    if isinstance(source, bool) or source is None:
        return ""
    return " ".join(markup.to_text(markup.markdown(source), inline=True).split())


def _content_words(value) -> str:
    """Free content (one paragraph or a list of blocks) as words on one line."""
    if isinstance(value, str):
        return _words(value)
    parts = []
    for block in value or []:
        if isinstance(block, str):
            parts.append(_words(block))
        elif "list" in block:
            parts.extend(_words(entry) for entry in block["list"])
        elif "heading" in block:
            parts.append(block["heading"])
        elif "fields" in block:
            parts.extend(f"{entry['label']}: {_words(entry['value'])}" for entry in block["fields"])
        elif "table" in block:
            table = block["table"]
            parts.extend([table.get("caption", ""), *table["columns"]])
            parts.extend(_words(cell) for row in table["rows"] for cell in row)
    return " ".join(part for part in parts if part)


def _content_source(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def entries(data: dict) -> list[Entry]:
    """Every comparable entry of a register."""
    from seloste.notice import authorities
    from seloste.notice import finnish_date
    from seloste.notice import legal_basis_names
    from seloste.notice import phrases
    from seloste.notice import source_notes
    from seloste.notice import special_category_note

    words = phrases(data.get("language", "fi"))
    labels = words["labels"]
    found: list[Entry] = []

    def add(topic, kind, key, name="", text="", attributes=(), group=""):
        found.append(Entry(topic, kind, key, name, text, tuple(attributes), group))

    def frame(topic, value, statement=""):
        if value.get("none") and statement:
            sentence = words["statements"][statement]
            add(topic, "none", "none", sentence, sentence)
        for part in ("intro", "notes"):
            if part in value:
                add(topic, part, part, "", _content_words(value[part]), (("source", _content_source(value[part])),))

    def text_items(topic, kind, value, describe=lambda item: ()):
        for item in value.get("items", []):
            source = item if isinstance(item, str) else item["text"]
            add(topic, kind, source, _words(source), _words(source), describe(item))

    add("title", "title", "title", "", data.get("title", ""))
    add("layout", "layout", "layout", "", data["layout"])
    if "updated" in data:
        add("updated", "updated", "updated", "", finnish_date(data["updated"]))
    add("register_name", "register_name", "name", "", data["name"])
    for change in data.get("history", []):
        entry = f"{finnish_date(change['date'])}: {change['text']}"
        add("history", "history_entry", entry, entry, entry)

    controller = data["controller"]
    for key in ("name", "business_id", "postal_address", "visiting_address", "phone", "email", "website"):
        if key in controller:
            add("controller", "controller_field", key, labels[key], controller[key])
    if "contact_person" in controller:
        person = controller["contact_person"]
        shown = ", ".join(person[part] for part in ("name", "title", "phone", "email") if part in person)
        add("controller", "controller_field", "contact_person", labels["contact_person"], shown)
    for field in controller.get("fields", []):
        add("controller", "controller_field", f"field:{field['label']}", field["label"], _words(field["value"]))
    frame("controller", controller)

    if "dpo" in data:
        dpo = data["dpo"]
        for key in ("name", "phone", "postal_address", "email"):
            if key in dpo:
                add("dpo", "dpo_field", key, labels["dpo_name" if key == "name" else key], dpo[key])
        for field in dpo.get("fields", []):
            add("dpo", "dpo_field", f"field:{field['label']}", field["label"], _words(field["value"]))
        frame("dpo", dpo)

    if "purposes" in data:
        def purpose(item):
            if isinstance(item, str):
                return ()
            bases = "; ".join(legal_basis_names(item, words))
            return tuple((label, value) for label, value in (
                (labels["legal_basis"].lower(), bases),
                (labels["legitimate_interest"].lower(), _words(item.get("legitimate_interest"))),
                (labels["law"].lower(), item.get("law", ""))) if value)

        frame("purposes", data["purposes"])
        text_items("purposes", "purpose", data["purposes"], purpose)

    def category(item):
        note = "" if isinstance(item, str) else special_category_note(item, words)
        return ((labels["special_category"], note),) if note else ()

    if "data_categories" in data:
        value = data["data_categories"]
        frame("data_categories", value)
        for group in value.get("groups", []):
            add("data_categories", "data_group", group["name"], group["name"], group["name"])
            if "intro" in group:
                add("data_categories", "group_intro", f"group:{group['name']}", group["name"],
                    _content_words(group["intro"]), (("source", _content_source(group["intro"])),))
            for item in group["items"]:
                source = item if isinstance(item, str) else item["text"]
                add("data_categories", "data_category", source, _words(source), _words(source), category(item), group["name"])
        for item in value.get("items", []):
            source = item if isinstance(item, str) else item["text"]
            add("data_categories", "data_category", source, _words(source), _words(source), category(item))

    for topic, kind in (("data_subjects", "data_subject"), ("security", "security_item")):
        if topic in data:
            frame(topic, data[topic])
            text_items(topic, kind, data[topic])

    if "sources" in data:
        def source_attributes(item):
            notes = [] if isinstance(item, str) else source_notes(item, words)
            return (("lähde", ", ".join(notes)),) if notes else ()

        frame("sources", data["sources"])
        text_items("sources", "source", data["sources"], source_attributes)

    def recipient(item):
        return () if isinstance(item, str) or "purpose" not in item else (("tarkoitus", _words(item["purpose"])),)

    if "recipients" in data:
        frame("recipients", data["recipients"], "recipients_none")
        text_items("recipients", "recipient", data["recipients"], recipient)
    if "processors" in data:
        frame("processors", data["processors"])
        text_items("processors", "processor", data["processors"], recipient)
    if "transfers" in data:
        def transfer(item):
            shown = [(labels["country"].lower(), item["country"]),
                     (labels["safeguard"].lower(), words["safeguards"][item["safeguard"]])]
            if "copy" in item:
                shown.append((labels["copy"].lower(), _words(item["copy"])))
            return tuple(shown)

        frame("transfers", data["transfers"], "transfers_none")
        text_items("transfers", "transfer", data["transfers"], transfer)

    if "retention" in data:
        frame("retention", data["retention"])
        text_items("retention", "retention_item", data["retention"],
                   lambda item: () if isinstance(item, str) else ((labels["period"].lower(), _words(item["period"])),))

    if "rights" in data:
        frame("rights", data["rights"])
        for item in data["rights"]["items"] if "items" in data["rights"] else []:
            kind = item["right"]
            text = _content_words(item["text"]) if "text" in item else words["rights"].get(kind, "")
            name = words["right_names"][kind] if kind != "other" else shorten(text, 60)
            key = kind if kind != "other" else f"other:{text}"
            add("rights", "right", key, name, text)

    if "complaint" in data:
        complaint = data["complaint"]
        if "authority" in complaint:
            authority = authorities()[complaint["authority"]]["name"]
            add("complaint", "authority", "authority", authority, authority)
        frame("complaint", complaint)

    if "provision_requirement" in data:
        value = data["provision_requirement"]
        statement = words["statements"][f"provision_{value['kind']}"]
        add("provision_requirement", "provision_kind", "kind", "", statement)
        if "consequences" in value:
            add("provision_requirement", "provision_consequences", "consequences", "", _words(value["consequences"]))
        frame("provision_requirement", value)

    if "automated_decisions" in data:
        frame("automated_decisions", data["automated_decisions"], "automated_decisions_none")
        text_items("automated_decisions", "automated_decision", data["automated_decisions"])

    for section in data.get("sections", []):
        add(f"section:{section['id']}", "custom_section", section["id"], section["title"],
            _content_words(section["content"]), (("source", _content_source(section["content"])),))
    return found
