"""A notice's history for the data subject: its version pages, its change log and the Atom
feeds of material changes (RFC 4287), for one notice and for the whole site.

The change log names each change in plain words of the notice's language
(``seloste/data/history.yaml``): material changes one by one, as "<section>: <what>
”<item>”", editorial ones as a count. Nothing of the reviewer's report is shown: no file, no
rule, no revision.
"""

from __future__ import annotations

import typing
from xml.sax.saxutils import escape
from xml.sax.saxutils import quoteattr

from seloste import resources
from seloste.notice.words import display_date

if typing.TYPE_CHECKING:
    from seloste.site import Site
    from seloste.versions import Version

FEED_NAME = "feed.atom"
# A site's feed lists this many of the latest material changes.
SITE_FEED_ENTRIES = 200


def words(language: str) -> dict:
    """The words of the history pages and feeds in ``language``."""
    return resources.data_file("history.yaml")[resources.known_language(language)]


def plain_changes(changes, language: str) -> list[str]:
    """Each change in the data subject's words: ``Käsittelyn tarkoitukset: lisätty käsittelyn
    tarkoitus ”Markkinointi”``."""
    own = words(language)
    found = []
    for change in changes:
        text = f"{own['verbs'][change.action]} {own['nouns'].get(change.kind, change.kind)}"
        if change.name:
            text += f" ”{change.name}”"
        found.append(f"{change.section}: {text}" if change.section else text)
    return found


def entry_parts(entry: dict, language: str) -> tuple[str, list[str], str]:
    """What the change log says of one version (a summary's entry, see
    :func:`summary_entry`): a lead ("Olennaiset muutokset:", or the whole story of a first
    version), the material changes, and the count of editorial ones ("" for none)."""
    own = words(language)
    if entry["first"]:
        return own["first"], [], ""
    if entry["material"]:
        tail = own["also_editorial"].format(count=entry["editorial"]) if entry["editorial"] else ""
        return own["material"], list(entry["material"]), tail
    if entry["editorial"]:
        return own["only_editorial"].format(count=entry["editorial"]), [], ""
    return own["no_changes"], [], ""


def entry_lines(entry: dict, language: str) -> list[str]:
    """:func:`entry_parts` as lines of text, for a feed."""
    lead, items, tail = entry_parts(entry, language)
    return [lead, *(f"– {item}" for item in items), *([tail] if tail else [])]


def summary_entry(version: Version) -> dict:
    """What the notice page, the change log and the feeds need of a version (JSON-able)."""
    return {"slug": version.slug, "date": version.date, "first": version.first,
            "material": plain_changes(version.material, version.notice.language), "editorial": version.editorial}


def _page(template: str, path: str, site: Site, language: str, **context) -> bytes:
    from seloste.render import render_page

    return render_page(template, path, site, language, words=words(language), **context)


def render_version_page(version: Version, register_id: str, site: Site) -> bytes:
    """A version's page: the notice as it was, saying which version it is, with the way to
    the notice in force and to the change log. Nothing on it changes when a later version comes."""
    language = version.notice.language
    date = display_date(version.date, language)
    own = words(language)
    return _page("version.html.j2", f"{language}/{register_id}/{version.slug}.html", site, language,
                 notice=version.notice, slug=version.slug, heading=own["version"].format(date=date),
                 note=own["version_note"].format(date=date))


def render_history_page(versions: list[Version], register_id: str, site: Site) -> bytes:
    """A notice's change log: every version, the latest first, each with what changed in it."""
    latest = versions[-1].notice
    language = latest.language
    own = words(language)
    entries = [{"slug": version.slug, "date": version.date,
                "heading": own["version"].format(date=display_date(version.date, language)),
                "parts": entry_parts(summary_entry(version), language)} for version in reversed(versions)]
    return _page("history.html.j2", f"{language}/{register_id}/index.html", site, language,
                 notice=latest, entries=entries, heading=own["history_of"].format(name=latest.name))


def render_notice_feed(versions: list[Version], register_id: str, site: Site) -> bytes:
    """The Atom feed of a notice's material changes (its first version among them)."""
    latest = versions[-1].notice
    language = latest.language
    controller = latest.index_entry().controller
    entries = [(version.date, register_id, version.slug, latest.name, controller, entry_lines(summary_entry(version), language))
               for version in reversed(versions) if version.first or version.material]
    base = f"{language}/{register_id}/"
    return _feed(language, words(language)["feed"].format(name=latest.name), f"{base}{FEED_NAME}", entries, site,
                 controller)


def site_feed_path(language: str) -> str:
    """Where the site's feed of ``language`` is under ``output/`` (beside its index page)."""
    return FEED_NAME if language == "fi" else f"{language}/{FEED_NAME}"


def render_site_feeds(notices: list[tuple[str, str, str, str, dict]], site: Site) -> dict[str, bytes]:
    """The site's feed of each language: the latest material changes of every notice.
    ``notices`` are ``(language, register id, notice's name, controller, summary of its
    versions)`` (see :func:`seloste.versions.history_files`)."""
    by_language: dict[str, list] = {}
    for language, register_id, name, controller, versions in notices:
        for entry in versions:
            if entry["first"] or entry["material"]:
                by_language.setdefault(language, []).append(
                    (entry["date"], register_id, entry["slug"], name, controller, entry_lines(entry, language)))
    feeds = {}
    for language in [code for code in resources.LANGUAGES if code in by_language]:
        entries = sorted(by_language[language], key=lambda e: (e[0], e[1], e[2]), reverse=True)[:SITE_FEED_ENTRIES]
        feeds[site_feed_path(language)] = _feed(language, words(language)["site_feed"], site_feed_path(language),
                                                entries, site, site.organisation)
    return feeds


def _feed(language: str, title: str, path: str, entries: list[tuple], site: Site, author: str) -> bytes:
    """An Atom feed at ``path`` under ``output/``; each entry ``(date, register id, slug, name,
    controller, lines)``. Ids are the pages' addresses when the site's is known, else names
    made from the paths (``urn:uuid:``), the same on every build."""
    from seloste.render import _finish

    root = "../" * path.count("/")

    def address(target: str) -> str:
        return site.base_url + target if site.base_url else root + target

    updated = max((entry[0] for entry in entries), default="1970-01-01")
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(language)}>',
             f"<id>{escape(site.permanent_id(path))}</id>",
             f"<title>{escape(title)}</title>",
             f"<updated>{updated}T00:00:00Z</updated>",
             f'<link rel="self" type="application/atom+xml" href={quoteattr(address(path))}/>']
    if author:
        lines.append(f"<author><name>{escape(author)}</name></author>")
    for date, register_id, slug, name, controller, text in entries:
        target = f"{language}/{register_id}/{slug}.html"
        lines += ["<entry>",
                  f"<id>{escape(site.permanent_id(target))}</id>",
                  f"<title>{escape(name)} – {escape(words(language)['version'].format(date=display_date(date, language)))}</title>",
                  f"<updated>{date}T00:00:00Z</updated>",
                  f'<link rel="alternate" type="text/html" href={quoteattr(address(target))}/>',
                  f"<author><name>{escape(controller or author or name)}</name></author>",
                  f"<summary type=\"text\">{escape(chr(10).join(text))}</summary>",
                  "</entry>"]
    lines.append("</feed>")
    return _finish("\n".join(lines))
