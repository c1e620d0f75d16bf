"""``sitemap.xml`` (sitemaps.org 0.9) of a site whose address is known (``base_url``): every
index page, every notice page and its first layer, each notice with the date it was last
changed; with versions, each notice's change log and every version's page, with its date."""

from __future__ import annotations

from xml.sax.saxutils import escape

from seloste.render import FIRST_LAYER_PAGE


def sitemap(base_url: str, index_paths: list[str], entries: list, histories: list = (), first_layers: bool = True) -> bytes:
    """The sitemap of the index pages at ``index_paths``, the notices of ``entries`` (and their
    ``first_layers``) and the versions of ``histories`` (an index entry and the summaries of
    its versions each)."""
    pages = {path: "" for path in index_paths}
    pages.update({f"{entry.language}/{entry.id}.html": entry.updated for entry in entries})
    if first_layers:
        pages.update({f"{entry.language}/{entry.id}/{FIRST_LAYER_PAGE}": entry.updated for entry in entries})
    for entry, versions in histories:
        if versions:
            pages[f"{entry.language}/{entry.id}/index.html"] = versions[-1]["date"]
        pages.update({f"{entry.language}/{entry.id}/{version['slug']}.html": version["date"] for version in versions})
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for path, updated in sorted(pages.items()):
        modified = f"<lastmod>{escape(updated)}</lastmod>" if updated else ""
        lines.append(f"<url><loc>{escape(base_url + path)}</loc>{modified}</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")
