"""The embeddable fragments (``output/<language>/<id>.fragment.html``) as a project's
``fragments`` settings make them.

With ``id_prefix``, every id in a fragment, and every link and reference to it within the
fragment, takes ``<prefix>-<register id>-`` in front: two notices embedded on one page then
have no id in common (their sections are ``oikeudet`` in both); and its sections are not
named landmarks, which two notices would name alike. With ``stylesheet: true``,
the fragment's root takes the class of ``output/fragment.css``, whose rules reach nothing
outside it. Without the settings a fragment is as it always was.
"""

from __future__ import annotations

import re

from seloste.site import Site

SCOPED_STYLESHEET = "fragment.css"
SCOPE_CLASS = "seloste-fragment"
_TAG = re.compile(r"<[a-z][^<>]*>")  # text never holds a "<": every match is a tag
_SECTION_NAME = re.compile(r'<section aria-labelledby="[^"]*">')
_ID = re.compile(r'(\sid=")([^"]+)"')
_REFERENCE = re.compile(r'(\s(?:href="#|aria-labelledby="|aria-describedby="|headers="))([^"]+)"')


def prefixed(html: str, register_id: str, site: Site) -> str:
    """``html`` (a fragment) with the ids and class the settings ask for."""
    if site.fragment_stylesheet:
        html = html.replace('<article class="seloste"', f'<article class="seloste {SCOPE_CLASS}"', 1)
    if not site.fragment_prefix:
        return html
    prefix = f"{site.fragment_prefix}-{register_id}-"
    # Two notices on one page would name their sections alike ("1. Rekisterinpitäjä"): as
    # landmarks of the host page they would clash, so an embedded notice's sections are none.
    html = _SECTION_NAME.sub("<section>", html)
    ids = {match.group(2) for tag in _TAG.findall(html) for match in _ID.finditer(tag)}

    def reference(match) -> str:
        renamed = " ".join(f"{prefix}{target}" if target in ids else target for target in match.group(2).split(" "))
        return f'{match.group(1)}{renamed}"'

    def tag(match) -> str:
        text = _ID.sub(lambda m: f'{m.group(1)}{prefix}{m.group(2)}"', match.group())
        return _REFERENCE.sub(reference, text)

    return _TAG.sub(tag, html)


def scoped_stylesheet() -> bytes:
    """``output/fragment.css``: the project's ``templates/fragment.css`` or the tool's."""
    from seloste import resources

    return resources.template_file(SCOPED_STYLESHEET).read_bytes()
