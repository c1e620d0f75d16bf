"""Who else gets or handles the data: recipients, processors and transfers outside the EU/EEA.

A part of :class:`~seloste.notice.builder.Builder` (which inherits :class:`Parties`): one
method a topic, each laying the topic out into blocks and recording the items the diff
compares, with the Builder's own helpers for a topic's frame (intro, ``none``, notes).
"""

from __future__ import annotations

from seloste import markup
from seloste.blocks import Table
from seloste.notice.words import text_words


def _md(value: str) -> markup.Text:
    return markup.markdown(value)


def _plain(value: str) -> markup.Text:
    return markup.plain(value)


class Parties:
    """The Builder's methods for recipients, processors and transfers."""

    def _recipient(self, item) -> str:
        if isinstance(item, str):
            return item
        return item["text"] + (f": {item['purpose']}" if "purpose" in item else "")

    @staticmethod
    def _recipient_purpose(item) -> tuple:
        return () if isinstance(item, str) or "purpose" not in item else (("tarkoitus", text_words(item["purpose"])),)

    def _recipients(self, value: dict) -> list:
        self._record_frame("recipients", value, "recipients_none")
        self._record_items("recipients", "recipient", value, self._recipient_purpose)
        return self._simple_list(value, "recipients_none", describe=self._recipient)

    def _processors(self, value: dict) -> list:
        self._record_frame("processors", value)
        self._record_items("processors", "processor", value, self._recipient_purpose)
        return self._simple_list(value, describe=self._recipient)

    def _transfers(self, value: dict) -> list:
        labels = self.labels

        def settings(item):
            shown = [(labels["country"].lower(), item["country"])] if "country" in item else []
            shown.append((labels["safeguard"].lower(), self.words["safeguards"][item["safeguard"]]))
            if "copy" in item:
                shown.append((labels["copy"].lower(), text_words(item["copy"])))
            return tuple(shown)

        self._record_frame("transfers", value, "transfers_none")
        self._record_items("transfers", "transfer", value, settings)
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
                rows.append((_md(item["text"]), *country, _md(safeguard)))
            columns = (labels["recipient"], labels["country"]) if countries else (labels["transfer"],)
            middle.append(Table((*columns, labels["safeguard"]), tuple(rows)))
        return self._framed(value, middle, "transfers_none")
