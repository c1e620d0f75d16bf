"""Stage 4, render: notices into files, in memory, through the Jinja templates.

The templates of ``templates/`` are read through the environments of :mod:`seloste.pages`.
Templates are files of the project; register data only ever reaches them as values, never
as template source.
"""

from __future__ import annotations

import hashlib
import json

from seloste import resources
from seloste.blocks import IndexEntry
from seloste.blocks import Notice
from seloste.pages import environment
from seloste.pages import stylesheet_context
from seloste.site import Site

NO_SITE = Site()


def _finish(text: str) -> bytes:
    """LF line ends, no trailing spaces after the last line, exactly one final newline."""
    return (text.replace("\r\n", "\n").rstrip("\n") + "\n").encode("utf-8")


def render_text(notice: Notice) -> bytes:
    """The notice as plain text."""
    return _finish(environment("txt").get_template("notice.txt.j2").render(notice=notice))


def render_markdown(notice: Notice) -> bytes:
    """The notice as Markdown."""
    return _finish(environment("md").get_template("notice.md.j2").render(notice=notice))


def render_html(notice: Notice, site: Site = NO_SITE, versions: list[dict] = ()) -> bytes:
    """The notice as a standalone HTML page; with its ``versions`` (the summaries of
    :func:`seloste.versions.history_files`), a list of them and the way to its change log."""
    listed, history = [], {}
    if versions:
        from seloste.changelog import words
        from seloste.notice.words import display_date

        history = words(notice.language)
        listed = [(entry["slug"], entry["date"], history["version"].format(date=display_date(entry["date"], notice.language)))
                  for entry in reversed(versions)]
    return render_page("notice.html.j2", f"{notice.language}/{notice.id}.html", site, notice.language,
                       notice=notice, versions=listed, history=history)


def render_page(template: str, path: str, site: Site, language: str, **context) -> bytes:
    """A standalone page of ``template`` at ``path`` under ``output/``, in ``language``: the
    page frame's stylesheet and the project's settings (:func:`site_context`) with ``context``."""
    page = environment("html").get_template(template)
    return _finish(page.render(language=language, **context, **stylesheet_context("style.css"), **site_context(site, path)))


def render_fragment(notice: Notice, site: Site = NO_SITE) -> bytes:
    """The notice body alone, for a CMS to include in its own page; with the project's
    ``fragments`` settings, its ids prefixed and its root in the scoped stylesheet's class."""
    from seloste.fragments import prefixed

    html = environment("html").get_template("fragment.html.j2").render(notice=notice, site=site)
    return _finish(prefixed(html, notice.id, site))


def site_context(site: Site, path: str) -> dict:
    """What ``_page.html.j2`` needs of the project's settings for the page at ``path`` under
    ``output/``: the settings, the canonical address, the way up to ``output/`` and the
    organisation's stylesheet with its hash."""
    import markupsafe

    from seloste.pages import style_hash

    return {"site": site, "canonical": f"{site.base_url}{path}" if site.base_url else "",
            "root": "../" * path.count("/"),
            # The organisation's own file, not register data (seloste.config refuses "</" in it).
            "site_stylesheet": markupsafe.Markup(site.stylesheet),
            "site_style_hash": style_hash(site.stylesheet) if site.stylesheet else ""}


def render_json(notice: Notice, data: dict, text: bytes) -> bytes:
    """The validated register as JSON, citing the schema and the SHA-256 of the rendered text."""
    document = {
        "schema": "../schema/register.schema.json",
        "id": notice.id,
        "language": notice.language,
        "updated": notice.updated or None,
        "text_sha256": hashlib.sha256(text).hexdigest(),
        "register": data,
    }
    return _finish(json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False))


def render_index(entries: list[IndexEntry], language: str = "fi", languages: tuple = (), site: Site = NO_SITE) -> bytes:
    """An index page: every notice (its :class:`IndexEntry`) with its controller and date, the
    page's own words (its title) in ``language``; each notice's labels are its own. The Finnish
    index is ``index.html``, another language's ``<language>/index.html`` (:func:`index_path`);
    with several ``languages`` ((language, its name) each) the page links to the others."""
    from seloste.index import groups

    prefix = "" if language == "fi" else "../"
    others = [(code, name, prefix + index_path(code)) for code, name in languages]
    return render_page("index.html.j2", index_path(language), site, language, groups=groups(entries),
                       page=resources.phrases(language)["page"], prefix=prefix, languages=others if len(others) > 1 else [])


def index_path(language: str) -> str:
    """Where the index page of ``language`` is under ``output/``."""
    return "index.html" if language == "fi" else f"{language}/index.html"


def render_indexes(entries: list[IndexEntry], site: Site = NO_SITE) -> dict[str, bytes]:
    """The index page of each language some notice is in (Finnish always), keyed by path."""
    by_language: dict[str, list[IndexEntry]] = {"fi": []}
    for entry in entries:
        by_language.setdefault(entry.language, []).append(entry)
    order = [code for code in resources.LANGUAGES if code in by_language]
    names = tuple((code, resources.phrases(code)["page"]["language_name"]) for code in order)
    return {index_path(code): render_index(by_language[code], code, names, site) for code in order}


# What each notice's file names add to its id: a register id must leave room for the longest.
NOTICE_SUFFIXES = (".html", ".fragment.html", ".md", ".txt", ".json", ".jsonld")
# The first layer's page and fragment, in the notice's own folder (<language>/<id>/).
FIRST_LAYER_PAGE = "first-layer.html"
FIRST_LAYER_FRAGMENT = "first-layer.fragment.html"


def render_notice_files(notice: Notice, data: dict, site: Site = NO_SITE, versions: list[dict] = ()) -> dict[str, bytes]:
    """Every file of one notice, keyed by its path under ``output/``: one per
    :data:`NOTICE_SUFFIXES` (the JSON-LD in the Data Privacy Vocabulary, :mod:`seloste.dpv`,
    among them), and its first layer in its own folder (:mod:`seloste.first_layer`); the page
    lists its ``versions`` (see :func:`render_html`)."""
    from seloste.pages import html_once

    base = f"{notice.language}/{notice.id}"
    text = render_text(notice)
    with html_once():  # the page and the fragment show the same texts
        page, fragment = render_html(notice, site, versions), render_fragment(notice, site)
    files = {
        f"{base}.html": page,
        f"{base}.fragment.html": fragment,
        f"{base}.md": render_markdown(notice),
        f"{base}.txt": text,
        f"{base}.json": render_json(notice, data, text),
    }
    if site.linked_data:
        from seloste.dpv import render_jsonld

        files[f"{base}.jsonld"] = render_jsonld(notice, data, site)
    assert all(name[len(base):] in NOTICE_SUFFIXES for name in files)
    if site.first_layer:
        from seloste.first_layer import render_first_layer

        files.update(render_first_layer(notice, data, site))  # in the notice's own folder, as its versions
    return files


def render_site(notices: list[tuple[Notice, dict]], site: Site = NO_SITE) -> dict[str, bytes]:
    """All output files of a project, keyed by path under ``output/``."""
    files: dict[str, bytes] = {}
    for notice, data in notices:
        files.update(render_notice_files(notice, data, site))
    entries = [notice.index_entry() for notice, _ in notices]
    return site_files(files, render_indexes(entries, site), site, entries)


def site_files(notice_files: dict[str, bytes], indexes: dict[str, bytes], site: Site = NO_SITE,
               entries: list[IndexEntry] = (), histories: list = ()) -> dict[str, bytes]:
    """The whole site from every notice's files and the index pages, keyed by path, sorted;
    with the project's settings, its logo, the fragments' stylesheet and ``sitemap.xml``; with
    versions, the site's feeds of material changes from ``histories`` (each notice's
    :class:`IndexEntry` and the summary of its versions, :func:`seloste.versions.history_files`)."""
    from seloste.fragments import SCOPED_STYLESHEET
    from seloste.fragments import scoped_stylesheet

    files = {**notice_files, **indexes, "schema/register.schema.json": resources.SCHEMA_PATH.read_bytes()}
    if site.logo_name:
        files[site.logo_path] = site.logo
    if site.fragment_stylesheet:
        files[SCOPED_STYLESHEET] = scoped_stylesheet()
    if site.versions:
        from seloste.changelog import render_site_feeds

        files.update(render_site_feeds([(entry.language, entry.id, entry.name, entry.controller, versions)
                                        for entry, versions in histories], site))
    if site.base_url:
        from seloste.sitemap import sitemap

        files["sitemap.xml"] = sitemap(site.base_url, list(indexes), entries, histories, site.first_layer)
    return dict(sorted(files.items()))
