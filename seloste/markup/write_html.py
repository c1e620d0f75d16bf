"""The tree written out as an HTML fragment: everything escaped that the writer did not build."""

from __future__ import annotations

import html

from seloste.markup.tree import Text
from seloste.markup.tree import item_parts
from seloste.markup.tree import shown_target


def to_html(text: Text, inline: bool = False) -> str:
    """The text as an HTML fragment (block elements unless ``inline``)."""
    return _html_nodes(text.inline if inline else text.blocks)


def _html_nodes(nodes) -> str:
    parts = []
    for node in nodes:
        if node[0] == "#text":
            parts.append(html.escape(node[1], quote=False))
        elif node[0] == "br":
            parts.append("<br>")
        elif node[0] == "li":
            line, under = item_parts(node)
            shown = _html_nodes(line)
            if any(block[0] == "p" for block in under):
                shown = f"<p>{shown}</p>"  # the item's paragraphs, its first among them
            parts.append(f"<li>{shown}{_html_nodes(under)}</li>")
        else:
            pairs = node[1]
            target = shown_target(node) if node[0] == "a" else None
            if target is not None:
                # The print stylesheet shows it after the link, as the plain text does.
                pairs = (*pairs, ("data-target", target))
            attributes = "".join(f' {key}="{html.escape(value, quote=True)}"' for key, value in pairs)
            parts.append(f"<{node[0]}{attributes}>{_html_nodes(node[2])}</{node[0]}>")
    return "".join(parts)
