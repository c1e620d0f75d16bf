"""Contact details as the notice shows them: label–value lines, address lines, links."""

from __future__ import annotations

from seloste import markup
from seloste.blocks import Fields
from seloste.blocks import Paragraph


def field_blocks(entries: list) -> list:
    """Contact fields as blocks: label–value lines, and the values whose label the register
    leaves out (``wording.labels.postal_address: ""``) as lines of one paragraph, as an
    address is written."""
    blocks: list = []
    run: list = []
    for entry in entries:
        if entry.label:
            run.append(entry)
            continue
        if run:
            blocks.append(Fields(tuple(run)))
            run = []
        nodes = [node for block in entry.value.blocks for node in block[2]]
        if blocks and isinstance(blocks[-1], Paragraph):  # the line after another unlabelled one
            previous = blocks[-1].text
            blocks[-1] = Paragraph(markup.Text(((previous.blocks[0][0], (), (*previous.blocks[0][2], ("br", (), ()), *nodes)),),
                                               previous.source + "\n" + entry.value.source))
        else:
            blocks.append(Paragraph(markup.Text((("p", (), tuple(nodes)),), entry.value.source)))
    if run:
        blocks.append(Fields(tuple(run)))
    return blocks


def email_link(address: str) -> markup.Text:
    """An e-mail address as a ``mailto:`` link."""
    return markup.Text((("p", (), (("a", (("href", f"mailto:{address}"),), (("#text", address),)),)),), address)


def web_link(url: str) -> markup.Text:
    """A web address as a link to itself."""
    return markup.Text((("p", (), (("a", (("href", url),), (("#text", url),)),)),), url)


def contact_line(contact: dict) -> markup.Text:
    """A contact person (or a data protection officer) on one line: name, title, phone and
    e-mail (a link), those it has."""
    words = ", ".join(contact[key] for key in ("name", "title", "phone") if key in contact)
    nodes: list = [("#text", words)] if words else []
    if "email" in contact:
        nodes += [("#text", ", ")] if words else []
        nodes += email_link(contact["email"]).inline
    return markup.Text((("p", (), tuple(nodes)),), contact.get("name", contact.get("email", "")))
