"""Who else decides on, gets or handles the data: joint controllers, recipients, processors and
transfers outside the EU/EEA.

A part of :class:`~seloste.notice.builder.Builder` (which inherits :class:`Parties`): one
method a topic, each laying the topic out into blocks and recording the items the diff
compares, with the Builder's own helpers for a topic's frame (intro, ``none``, notes).
"""

from __future__ import annotations

from seloste import markup
from seloste.blocks import BulletList
from seloste.blocks import Field
from seloste.blocks import Fields
from seloste.blocks import Paragraph
from seloste.blocks import Table
from seloste.notice.contact import contact_line
from seloste.notice.words import content_words
from seloste.notice.words import item_text
from seloste.notice.words import shorten
from seloste.notice.words import text_words



def _plain(value: str) -> markup.Text:
    return markup.plain(value)


# A recipient or processor with any of these is shown in a table; the label of each column.
_TABLE_KEYS = frozenset({"role", "location", "safeguard"})
_COLUMN_LABELS = {"purpose": "disclosure_purpose", "role": "role", "location": "location", "safeguard": "safeguard"}


class Parties:
    """The Builder's methods for joint controllers, recipients, processors and transfers."""

    def _joint_controllers(self, value: dict) -> list:
        """Each other controller as label–value lines, then the essence of the arrangement
        (GDPR 26(2)) after its lead-in."""
        labels = self.labels
        self.record_frame("joint_controllers", value)
        middle: list = []
        for item in value["items"]:
            entries = [Field(labels["joint_controller"], _plain(item["name"]))]
            shown = []
            if "business_id" in item:
                entries.append(Field(labels["business_id"], _plain(item["business_id"])))
                shown.append((labels["business_id"].lower(), item["business_id"]))
            contact = item.get("contact")
            if isinstance(contact, dict):
                entries.append(Field(labels["joint_contact"], contact_line(contact)))
                shown.append((labels["joint_contact"].lower(),
                              ", ".join(contact[part] for part in ("name", "title", "phone", "email") if part in contact)))
            elif contact:
                entries.append(Field(labels["joint_contact"], self._md(contact)))
                shown.append((labels["joint_contact"].lower(), text_words(contact)))
            self.record("joint_controllers", "joint_controller", item["name"], item["name"], item["name"], shown)
            middle.append(Fields(tuple(entries)))
        if "arrangement" in value:
            self.record_content("joint_controllers", "arrangement", "arrangement", "", value["arrangement"])
            middle.append(Paragraph(_plain(f"{labels['arrangement']}:")))
            middle.extend(self.content(value["arrangement"]))
        return self.framed(value, middle)

    def _recipient(self, item) -> str:
        if isinstance(item, str):
            return item
        return item["text"] + (f": {item['purpose']}" if "purpose" in item else "")

    def _recipient_settings(self, item) -> tuple:
        """A recipient's or processor's settings as the diff names them: purpose, role, location, safeguard."""
        if isinstance(item, str):
            return ()
        labels = self.labels
        shown = (("tarkoitus", text_words(item.get("purpose"))), (labels["role"].lower(), item.get("role", "")),
                 (labels["location"].lower(), item.get("location", "")),
                 (labels["safeguard"].lower(), self.words["safeguards"][item["safeguard"]] if "safeguard" in item else ""))
        return tuple((label, value) for label, value in shown if value)

    def _recipients(self, value: dict) -> list:
        self.record_frame("recipients", value, "recipients_none")
        self.record_items("recipients", "recipient", value, self._recipient_settings)
        middle = self._recipient_list(value.get("items", []), self.labels["recipient"])
        middle.extend(self._recipient_groups("recipients", "recipient", value, self.labels["recipient"]))
        return self.framed(value, middle, "recipients_none")

    def _processors(self, value: dict) -> list:
        self.record_frame("processors", value)
        self.record_items("processors", "processor", value, self._recipient_settings)
        middle = self._recipient_list(value.get("items", []), self.labels["processor"])
        middle.extend(self._recipient_groups("processors", "processor", value, self.labels["processor"]))
        return self.framed(value, middle)

    def _recipient_groups(self, topic: str, kind: str, value: dict, first: str) -> list:
        """Each list of ``groups`` after its own lead-in (after the list of ``items``). A list is
        named by its lead-in's words (its entries are reported in it), and its lead-in is
        compared by its place."""
        blocks: list = []
        for number, group in enumerate(value.get("groups", []), start=1):
            name = shorten(content_words(group["intro"]), 60)
            self.record_content(topic, "list_intro", f"group:{number}", "", group["intro"])
            for item in group["items"]:
                source = item_text(item)
                self.record(topic, kind, source, text_words(source), text_words(source),
                            self._recipient_settings(item), name)
            blocks.extend(self.content(group["intro"]))
            blocks.extend(self._recipient_list(group["items"], first))
        return blocks

    def _recipient_list(self, items: list, first: str) -> list:
        """Recipients or processors as a list; as a table (a sub-processor table) when any of them
        has a role, location or safeguard, with a column for each of those that any of them has."""
        if not items:
            return []
        if not any(isinstance(item, dict) and _TABLE_KEYS & set(item) for item in items):
            return [BulletList(tuple(self._md(self._recipient(item)) for item in items))]
        labels = self.labels
        keys = [key for key in ("purpose", "role", "location", "safeguard")
                if any(isinstance(item, dict) and key in item for item in items)]
        columns = (first, *(labels[_COLUMN_LABELS[key]] for key in keys))
        rows = []
        for item in items:
            item = {"text": item} if isinstance(item, str) else item
            cells = [self._md(item["text"])]
            for key in keys:
                if key not in item:
                    cells.append(_plain("–"))
                elif key == "safeguard":
                    cells.append(_plain(self.words["safeguards"][item[key]]))
                else:
                    cells.append(self._md(item[key]) if key == "purpose" else _plain(item[key]))
            rows.append(tuple(cells))
        return [Table(columns, tuple(rows))]

    def _transfers(self, value: dict) -> list:
        labels = self.labels

        def settings(item):
            shown = [(labels["country"].lower(), item["country"])] if "country" in item else []
            shown.append((labels["safeguard"].lower(), self.words["safeguards"][item["safeguard"]]))
            if "copy" in item:
                shown.append((labels["copy"].lower(), text_words(item["copy"])))
            return tuple(shown)

        self.record_frame("transfers", value, "transfers_none")
        self.record_items("transfers", "transfer", value, settings)
        items = value.get("items", [])
        middle = []
        # A transfer that states a policy has no country: "–" beside transfers that have one,
        # and a list of policies alone has no country column (and heads its first "Siirto").
        countries = any("country" in item for item in items)
        if items:
            rows = []
            for item in items:
                safeguard = markup.literal_source(self.words["safeguards"][item["safeguard"]])
                if "copy" in item:
                    safeguard += f". {markup.literal_source(labels['copy'])}: {item['copy']}"
                country = (_plain(item.get("country", "–")),) if countries else ()
                rows.append((self._md(item["text"]), *country, self._md(safeguard)))
            columns = (labels["recipient"], labels["country"]) if countries else (labels["transfer"],)
            middle.append(Table((*columns, labels["safeguard"]), tuple(rows), header=value.get("table_header", True)))
        return self.framed(value, middle, "transfers_none")
