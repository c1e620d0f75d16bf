"""A notice's first layer: the short page of a layered notice (WP260), from the register's facts.

It tells who the controller is and how to reach them (and the data protection officer), why
the data is processed and on what legal basis, the processing with the most impact on the
person (special categories of data, disclosures, transfers outside the EU/EEA, automated
decisions, each with the notice's own "none" sentence where the register states one), and the
person's rights and how to use them, the complaint to the authority included. Each part links
to the sections of the full notice it sums up, and the page ends with a link to every section.

The words around the facts are in ``seloste/data/first_layer.yaml``; the facts are named in the
notice's own words (legal bases, rights, special categories, safeguards, standard sentences:
the phrases of its language with the register's ``wording``). A register can write any part
in its own words (``first_layer: {intro, controller, purposes, impact, rights}``); its links
to the full notice stay. Two files per notice, beside its version pages:
``<language>/<id>/first-layer.html`` and ``first-layer.fragment.html`` (the body alone, for a
CMS; with the project's base URL its links are absolute).
"""

from __future__ import annotations

import dataclasses

from seloste import markup
from seloste import resources
from seloste.blocks import BulletList
from seloste.blocks import Field
from seloste.blocks import Fields
from seloste.blocks import Notice
from seloste.blocks import Paragraph
from seloste.load import as_list
from seloste.notice.contact import contact_line
from seloste.notice.contact import email_link
from seloste.notice.contact import web_link
from seloste.notice.words import item_text
from seloste.notice.words import legal_basis_name
from seloste.notice.words import none_sentence
from seloste.site import Site

# The parts a register can write in its own words (``first_layer``), in the page's order.
PARTS = ("controller", "purposes", "impact", "rights")
# The topics whose sections each part may sum up; a part links to those it tells of.
PART_TOPICS = {
    "controller": ("controller", "joint_controllers", "dpo"),
    "purposes": ("purposes",),
    "impact": ("data_categories", "data_subjects", "recipients", "processors", "transfers", "automated_decisions"),
    "rights": ("rights", "complaint"),
}


@dataclasses.dataclass(frozen=True)
class Part:
    """One part of the first layer: its heading, its blocks and the full sections it sums up
    (``((title, section id), ...)``)."""

    id: str
    heading: str
    blocks: tuple
    more: tuple


@dataclasses.dataclass(frozen=True)
class FirstLayer:
    notice: Notice
    heading: str
    intro: tuple  # of blocks
    parts: tuple  # of Part
    sections: tuple  # every section of the full notice: ((title, section id), ...)


def words(language: str) -> dict:
    """The first layer's own words in ``language``."""
    return resources.data_file("first_layer.yaml")[resources.known_language(language)]


def first_layer(notice: Notice, data: dict) -> FirstLayer:
    """The first layer of ``notice``, laid out from ``data``, the register as published in the
    notice's language."""
    from seloste.notice.builder import Builder

    own = words(notice.language)
    notice_words = resources.register_phrases(data, notice.language)
    builder = Builder(data, notice_words, notice.language)  # the register's texts as the notice reads them
    layer = _Layer(data, notice_words, own, builder, notice.language)
    written = data.get("first_layer", {})
    shown = {section.id for section in notice.sections}
    placed: dict[str, list] = {}
    for section in resources.register_sections(data, notice.language):
        if section["id"] in shown:
            for placement in section["topics"]:
                placed.setdefault(placement["topic"], []).append(section["id"])
    titles = {section.id: section.title for section in notice.sections}
    parts = []
    for name in PARTS:
        blocks, told = layer.part(name)
        if name in written:  # the register's own words; the links stay those of its facts, if any
            blocks, told = builder.content(written[name]), told or set(PART_TOPICS[name])
        ids = list(dict.fromkeys(section_id for topic in PART_TOPICS[name] if topic in told
                                 for section_id in placed.get(topic, ())))
        if blocks:
            parts.append(Part(name, own[name], tuple(blocks), tuple((titles[section_id], section_id) for section_id in ids)))
    intro = builder.content(written["intro"]) if "intro" in written else [Paragraph(markup.plain(own["intro"]))]
    return FirstLayer(notice, own["title"].format(name=notice.name), tuple(intro), tuple(parts),
                      tuple((section.heading, section.id) for section in notice.sections))


class _Layer:
    """Each part of the first layer made from the register's facts."""

    def __init__(self, data: dict, notice_words: dict, own: dict, builder, language: str):
        self.data, self.words, self.own, self.builder, self.language = data, notice_words, own, builder, language
        self.labels = notice_words["labels"]
        self.autolink = data.get("autolink") is True
        self.told: set[str] = set()  # the topics the part being made tells of

    def part(self, name: str) -> tuple[list, set]:
        """The blocks of the part ``name`` made from the facts, and the topics they tell of."""
        self.told = set()
        return getattr(self, name)(), self.told

    def md(self, value: str) -> markup.Text:
        """A text field of the register, read as the full notice reads it."""
        return markup.markdown(value, self.autolink)

    def _sentence(self, template: str, **values) -> Paragraph:
        return Paragraph(markup.plain(template.format(**values)))

    def _none(self, topic: str, statement: str) -> Paragraph | None:
        """The notice's sentence for a topic the register says is empty (``none``), or None."""
        value = self.data.get(topic, {})
        return Paragraph(markup.plain(none_sentence(value, statement, self.words))) if value.get("none") else None

    def _entries(self, items) -> BulletList:
        return BulletList(tuple(self.md(item_text(item)) for item in items))

    def controller(self) -> list:
        controller = self.data["controller"]
        blocks: list = [self._sentence(self.own["controller_line"], name=controller["name"])]
        self.told.add("controller")
        entries = []
        person = controller.get("contact_person", {})
        for key, value in (("email", person.get("email") or controller.get("email")), ("phone", controller.get("phone"))):
            if value:
                entries.append(Field(self.labels[key], email_link(value) if key == "email" else markup.plain(value)))
        if "website" in controller:
            entries.append(Field(self.labels["website"], web_link(controller["website"])))
        if entries:
            blocks.append(Fields(tuple(entries)))
        joint = self.data.get("joint_controllers", {}).get("items", [])
        if joint:
            self.told.add("joint_controllers")
            blocks.append(Paragraph(markup.plain(self.own["joint"])))
            blocks.append(BulletList(tuple(markup.plain(party["name"]) for party in joint)))
        dpo = self.data.get("dpo")
        if dpo:
            self.told.add("dpo")
            if any(key in dpo for key in ("name", "email", "phone")):
                blocks.append(Fields((Field(self.own["dpo"], contact_line(dpo)),)))
            elif dpo.get("none"):
                blocks.append(self._none("dpo", "dpo_none"))
        return blocks

    def _bases(self, value: dict) -> str:
        """A purpose's (or the register's) legal bases by name, with the law they rest on."""
        names = ", ".join(legal_basis_name(basis, self.words) for basis in as_list(value.get("legal_basis")))
        return names + (f" ({self.labels['law'].lower()}: {value['law']})" if "law" in value else "")

    def purposes(self) -> list:
        purposes = self.data.get("purposes")
        if not purposes:
            return []
        self.told.add("purposes")
        entries = []
        for item in purposes.get("items", []):
            text = self.md(item_text(item))
            extra = []
            if isinstance(item, dict) and "legal_basis" in item:
                extra.append(f"{self.own['basis']}: {self._bases(item)}")
            if isinstance(item, dict) and "legitimate_interest" in item:
                extra.append(self.own["legitimate_interest"].format(interest=markup.to_text(self.md(item["legitimate_interest"]), inline=True)))
            nodes = text.inline + ((("#text", " (" + "; ".join(extra) + ")"),) if extra else ())
            entries.append(markup.Text((("p", (), nodes),), text.source))
        blocks: list = [BulletList(tuple(entries))] if entries else []
        if not entries and "intro" in purposes:
            blocks.extend(self.builder.content(purposes["intro"]))
        if "legal_basis" in purposes:
            blocks.append(self._sentence(self.own["bases"], bases=self._bases(purposes)))
        if "legitimate_interest" in purposes:
            blocks.append(Paragraph(self.md(purposes["legitimate_interest"])))
        return blocks

    def impact(self) -> list:
        blocks: list = []
        special = []
        for topic, category in _data_categories(self.data):
            if isinstance(category, dict) and "special_category" in category:
                special.append(self.words["special_categories"][category["special_category"]])
                self.told.add(topic)
        if special:
            blocks.append(self._sentence(self.own["special"], categories=", ".join(dict.fromkeys(special))))
        recipients = self.data.get("recipients", {})
        told = [*recipients.get("items", []), *(item for group in recipients.get("groups", []) for item in group["items"])]
        if told:
            blocks += [Paragraph(markup.plain(self.own["recipients"])), self._entries(told)]
        blocks += self._told("recipients", told, self._none("recipients", "recipients_none"))
        transfers = self._transfers()
        if transfers:
            blocks += [Paragraph(markup.plain(self.own["transfers"])), BulletList(tuple(transfers))]
        blocks += self._told("transfers", transfers, self._none("transfers", "transfers_none"))
        automated = self.data.get("automated_decisions")
        if automated and automated.get("items"):
            blocks += [Paragraph(markup.plain(self.own["automated"])), self._entries(automated["items"])]
        elif automated and not automated.get("none"):
            blocks.append(Paragraph(markup.plain(self.own["automated_told"])))
        if automated:
            blocks += self._told("automated_decisions", automated.get("items"), self._none("automated_decisions", "automated_decisions_none"))
        return blocks

    def _told(self, topic: str, found, none: Paragraph | None) -> list:
        """Marks ``topic`` as told when something ``found`` of it, or its "none" sentence, is
        shown; the sentence is the block to add when nothing is found."""
        if found or none:
            self.told.add(topic)
        return [none] if none and not found else []

    def _transfers(self) -> list:
        """Each transfer outside the EU/EEA: the register's transfers, and the recipients and
        processors it names with a safeguard, each with its country and safeguard."""
        found = []
        for item in self.data.get("transfers", {}).get("items", []):
            found.append(self._transfer(item["text"], item.get("country", ""), item["safeguard"]))
        for topic in ("recipients", "processors"):
            value = self.data.get(topic, {})
            for item in [*value.get("items", []), *(entry for group in value.get("groups", []) for entry in group["items"])]:
                if isinstance(item, dict) and "safeguard" in item:
                    found.append(self._transfer(item["text"], item.get("location", ""), item["safeguard"]))
                    self.told.add(topic)
        return found

    def _transfer(self, text: str, country: str, safeguard: str) -> markup.Text:
        nodes = self.md(text).inline
        where = f" ({country})" if country else ""
        return markup.Text((("p", (), (*nodes, ("#text", f"{where}: {self.words['safeguards'][safeguard]}"))),), text)

    def rights(self) -> list:
        rights = self.data.get("rights", {})
        self.told.add("rights")
        kinds = [item["right"] for item in rights.get("items", []) if item["right"] != "other"]
        names = [self.words["right_names"][kind] for kind in dict.fromkeys(kinds)]
        if names:
            blocks: list = [Paragraph(markup.plain(self.own["rights_list"])), BulletList(tuple(markup.plain(name) for name in names))]
        else:
            blocks = [Paragraph(markup.plain(self.own["rights_general"]))]
        contact = _rights_contact(self.data)
        if contact:
            label = self.own["how"].split("{contact}")
            blocks.append(Paragraph(markup.Text((("p", (), (("#text", label[0]), *contact, ("#text", label[1]))),),
                                                self.own["how"])))
        else:
            blocks.append(Paragraph(markup.plain(self.own["how_general"])))
        complaint = self.data.get("complaint")
        if complaint is not None:
            self.told.add("complaint")
            if "authority" in complaint:
                authority = resources.authorities(self.language)[complaint["authority"]]
                before, after = self.own["complaint"].split("{authority}")
                link = ("a", (("href", authority["website"]),), (("#text", authority["name"]),))
                blocks.append(Paragraph(markup.Text((("p", (), (("#text", before), link, ("#text", after))),), authority["name"])))
            else:
                blocks.append(Paragraph(markup.plain(self.own["complaint_general"])))
        return blocks


def _rights_contact(data: dict) -> tuple:
    """Where a person asks to use their rights, as inline nodes: the controller's contact
    person's e-mail, the controller's, the data protection officer's, or the controller's
    phone; () when the register gives none of them."""
    controller = data["controller"]
    for address in (controller.get("contact_person", {}).get("email"), controller.get("email"), data.get("dpo", {}).get("email")):
        if address:
            return email_link(address).inline
    if "phone" in controller:
        return (("#text", controller["phone"]),)
    return ()


def _data_categories(data: dict) -> list:
    """Every data category of the register, each with its topic: the list of data categories
    and its groups', and the data of each group of data subjects."""
    categories = data.get("data_categories", {})
    return [*(("data_categories", item) for item in categories.get("items", [])),
            *(("data_categories", item) for group in categories.get("groups", []) for item in group["items"]),
            *(("data_subjects", item) for group in data.get("data_subjects", {}).get("groups", []) for item in group.get("data", []))]


def render_first_layer(notice: Notice, data: dict, site: Site) -> dict[str, bytes]:
    """The first layer's page and fragment, keyed by path under ``output/``."""
    from seloste.pages import environment
    from seloste.render import _finish
    from seloste.render import render_page

    from seloste.fragments import prefixed
    from seloste.render import FIRST_LAYER_FRAGMENT
    from seloste.render import FIRST_LAYER_PAGE

    layer = first_layer(notice, data)
    base = f"{notice.language}/{notice.id}"
    page = render_page("first-layer.html.j2", f"{base}/{FIRST_LAYER_PAGE}", site, notice.language,
                       layer=layer, notice=notice, full=f"../{notice.id}.html", words=words(notice.language))
    full = f"{site.base_url}{base}.html" if site.base_url else f"../{notice.id}.html"
    fragment = environment("html").get_template("first-layer.fragment.html.j2").render(
        layer=layer, notice=notice, full=full, words=words(notice.language))
    return {f"{base}/{FIRST_LAYER_PAGE}": page,
            f"{base}/{FIRST_LAYER_FRAGMENT}": _finish(prefixed(fragment, notice.id, site))}
