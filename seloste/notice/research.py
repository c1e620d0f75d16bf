"""A research register (tutkimusrekisteri): the study's responsible leader, its parties and
their roles, and what happens to the data after the study.

A part of :class:`~seloste.notice.builder.Builder` (which inherits :class:`Research`); the
layouts give the topic a section of its own, shown only in a register that has it.
"""

from __future__ import annotations

from seloste import markup
from seloste.blocks import Field
from seloste.blocks import Fields
from seloste.blocks import Paragraph
from seloste.blocks import Table
from seloste.notice.contact import contact_line
from seloste.notice.words import text_words


class Research:
    """The Builder's method for the research topic."""

    def _research(self, value: dict) -> list:
        labels = self.labels
        self.record_frame("research", value)
        middle: list = []
        if "leader" in value:
            leader = value["leader"]
            shown = ", ".join(leader[part] for part in ("name", "title", "phone", "email") if part in leader)
            self.record("research", "research_leader", "leader", leader["name"], shown)
            middle.append(Fields((Field(labels["research_leader"], contact_line(leader)),)))
        if "parties" in value:
            role = labels["research_role"].lower()
            for party in value["parties"]:
                self.record("research", "research_party", party["name"], party["name"], party["name"],
                            ((role, party["role"]),))
            rows = tuple((markup.plain(party["name"]), markup.plain(party["role"])) for party in value["parties"])
            middle.append(Table((labels["research_party"], labels["research_role"]), rows, labels["research_parties"]))
        if "after_study" in value:
            after = value["after_study"]
            statement = self.words["statements"][f"after_study_{after['action']}"]
            words = f"{statement} {text_words(after['text'])}" if "text" in after else statement
            self.record("research", "after_study", "after_study", "", words)
            middle.append(Paragraph(markup.plain(statement)))
            if "text" in after:
                middle.append(Paragraph(markup.markdown(after["text"])))
        return self.framed(value, middle)
