"""What a notice is made of: sections of blocks (paragraph, list, fields, heading, table),
the :class:`Notice` the templates present and the :class:`IndexEntry` the index page lists.

:mod:`seloste.notice` lays a register out into these; :mod:`seloste.render` presents them.
"""

from __future__ import annotations

import dataclasses

from seloste import markup


@dataclasses.dataclass(frozen=True)
class Paragraph:
    text: markup.Text
    kind: str = "paragraph"


@dataclasses.dataclass(frozen=True)
class BulletList:
    entries: tuple  # of markup.Text
    ordered: bool = False
    kind: str = "list"


@dataclasses.dataclass(frozen=True)
class Field:
    label: str
    value: markup.Text


@dataclasses.dataclass(frozen=True)
class Fields:
    entries: tuple  # of Field
    kind: str = "fields"


@dataclasses.dataclass(frozen=True)
class Heading:
    """A sub-heading; the plain-text form adds ``suffix`` (a group name reads "Asiakastiedot:")."""

    text: str
    suffix: str = ""
    kind: str = "heading"


@dataclasses.dataclass(frozen=True)
class Table:
    """A table; without ``header`` its header row is left out (Markdown, which must have one,
    gets empty header cells)."""

    columns: tuple  # of str
    rows: tuple  # of tuples of markup.Text
    caption: str = ""
    header: bool = True
    kind: str = "table"


@dataclasses.dataclass(frozen=True)
class Section:
    id: str
    number: str
    title: str
    blocks: tuple

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}" if self.number else self.title


@dataclasses.dataclass(frozen=True)
class Change:
    date: str
    text: str


@dataclasses.dataclass(frozen=True)
class Item:
    """One comparable item of a notice: a purpose, a data category, a contact field, an intro...

    The notice builder records one as it lays each out; the diff pairs and compares them.
    """

    topic: str
    kind: str
    key: str  # identity: the source text of a text item, a fixed name otherwise
    name: str  # as the summary names it ("" for an intro or notes)
    text: str = ""  # the words compared for a wording fix
    attributes: tuple = ()  # ((label, shown value), ...)
    group: str = ""  # the group or list it is in: a data-category group, a group of data subjects, a list's lead-in

    @property
    def content(self) -> tuple:
        return self.key, self.text, self.attributes


@dataclasses.dataclass(frozen=True)
class Notice:
    """Everything a template needs to present one register."""

    id: str
    language: str
    title: str
    name: str
    controller: str
    updated: str  # ISO date or ""
    updated_display: str  # as the notice's language writes it, e.g. 31.5.2024
    sections: tuple
    history: tuple  # of Change
    labels: dict
    page: dict  # the words of the page around the notice (the phrases' ``page``)
    items: tuple = ()  # of Item: what the diff compares, recorded as the blocks were laid out
    subtitle: str = ""
    preamble: tuple = ()  # blocks before the first section
    closing: tuple = ()  # blocks after the last section
    version: str = ""  # shown beside the date
    updated_position: str = "top"  # where the date line is: under the title (top) or at the end
    # The languages the notice is published in, each (language, its name in itself), when
    # more than one: the page links to each (hreflang) and offers a switch between them.
    languages: tuple = ()

    def index_entry(self) -> "IndexEntry":
        """What the index page shows of this notice."""
        return IndexEntry(self.id, self.language, self.name, self.controller, self.updated,
                          self.updated_display, self.labels)


@dataclasses.dataclass(frozen=True)
class IndexEntry:
    """One notice as the index page lists it: names, date and the labels it uses, all text.

    It is all the index template sees of a notice, and what the cache keeps for it, so that
    the index can be made anew when one register changes without laying out the others.
    """

    id: str
    language: str
    name: str
    controller: str
    updated: str
    updated_display: str
    labels: dict

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, value) -> "IndexEntry | None":
        """The entry :meth:`as_dict` gave, or None when ``value`` is not one (a damaged cache entry)."""
        if not isinstance(value, dict) or set(value) != {field.name for field in dataclasses.fields(cls)}:
            return None
        labels = value["labels"]
        if not all(isinstance(value[name], str) for name in value if name != "labels") or not (
                isinstance(labels, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in labels.items())):
            return None
        return cls(**value)
