"""Which link targets may be published, and link titles, which a notice would not show."""

from __future__ import annotations

import re

SAFE_SCHEMES = ("https", "http", "mailto", "tel")

# Characters a link target may not hold as they are: they end it, or break out of it, in one
# of the formats (spaces in Markdown and text, double quotes and angle brackets where a
# target is quoted); write them %-encoded (%20, %22).
_UNSAFE_IN_TARGET = re.compile(r"[\s\"<>`]|[\x00-\x1f\x7f]")


def link_problem(target: str, kept: bool) -> str | None:
    """Why a link target cannot be published ("scheme", "invalid", "characters"), or None."""
    if not is_safe_url(target):
        return "scheme"
    if _UNSAFE_IN_TARGET.search(target):
        return "characters"
    if not kept:
        return "invalid"
    return None


_LINK_TITLE = re.compile(
    r"\]\(\s*(?:<[^<>\n]*>|(?:[^()\s<>]|\([^()\s]*\))*)\s+(\"[^\"]*\"|'[^']*'|\([^()]*\))\s*\)"
)


def link_titles_in_source(source: str) -> list[str]:
    """Link titles as written (``[x](target "title")``): words a notice would not show.

    The sanitizer keeps only a link's target, so validation reports a title instead of
    letting its words vanish.
    """
    return _LINK_TITLE.findall(source)


def is_safe_url(url: str) -> bool:
    """True for http, https, mailto and tel URLs and for links to an anchor on the page (``#x``)."""
    if url.startswith("#"):
        return True
    scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", url)
    return bool(scheme) and scheme.group(1).lower() in SAFE_SCHEMES
