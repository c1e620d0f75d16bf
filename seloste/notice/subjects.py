"""The data subjects: the groups of people the register is about, and the groups that have
their own data and retention, each under a sub-heading of its name.

A part of :class:`~seloste.notice.builder.Builder` (which inherits :class:`Subjects`). A
group's data categories and retention are recorded under ``data_subjects`` with the group's
name, so the diff reports a change in its group; a data category is laid out as in
``data_categories`` and a retention list as in ``retention``.
"""

from __future__ import annotations

from seloste import markup
from seloste.blocks import BulletList
from seloste.blocks import Field
from seloste.blocks import Fields
from seloste.blocks import Heading
from seloste.blocks import Paragraph
from seloste.notice.words import item_text



class Subjects:
    """The Builder's method for the data subjects."""

    def _data_subjects(self, value: dict) -> list:
        self.record_frame("data_subjects", value)
        self.record_items("data_subjects", "data_subject", value)
        items = value.get("items", [])
        middle: list = [BulletList(tuple(self._md(item_text(item)) for item in items))] if items else []
        for group in value.get("groups", []):
            middle.extend(self._subject_group(group))
        if value.get("groups"):
            self.under_groups.add("data_subjects")
        return self.framed(value, middle)

    def _subject_group(self, group: dict) -> list:
        """One group of data subjects: its name as a sub-heading, its intro, its data after a
        lead-in, and its retention (one text as a label–value line, or a list or table)."""
        name, labels = group["name"], self.labels
        self.record("data_subjects", "subject_group", name, name, name)
        blocks: list = [Heading(name)]
        if "intro" in group:
            self.record_content("data_subjects", "subject_intro", f"group:{name}", name, group["intro"])
            blocks.extend(self.content(group["intro"]))
        if "data" in group:
            blocks.append(Paragraph(markup.plain(f"{labels['subject_data']}:")))
            blocks.append(BulletList(tuple(self._md(self._data_category(item, name, "data_subjects")) for item in group["data"])))
        retention = group.get("retention")
        if isinstance(retention, str):
            self._record_retention("data_subjects", [retention], name)
            blocks.append(Fields((Field(labels["period"], self._md(retention)),)))
        elif retention:
            self._record_retention("data_subjects", retention, name)
            shown = self._retention_list(retention)
            if shown[0].kind == "list":  # a table's own header names the period
                blocks.append(Paragraph(markup.plain(f"{labels['period']}:")))
            blocks.extend(shown)
        return blocks
