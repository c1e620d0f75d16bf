"""Texts read without the Markdown parser, where the parser's reading is certain.

``tests/test_markup_direct.py`` holds every reading here to the parser's own on thousands of
generated texts made to sit on the edges.
"""

from __future__ import annotations

import re

from seloste.markup.tree import Text
from seloste.markup.tree import plain


def read(source: str) -> Text | None:
    """``source`` read as the parser would read it, or None where that is not certain."""
    if source and source.isprintable() and _WITHOUT_MARKDOWN.fullmatch(source):
        return plain(source)
    return None


# Printable (no line break, tab or other control, no space but " "), neither starting nor
# ending with a space, no character that any Markdown syntax the parser keeps begins with
# (emphasis, code, links, autolinks, entities, escapes), and not the start of a list ("- x").
_WITHOUT_MARKDOWN = re.compile(r"(?![-+ ])[^\\`*_\[\]<>&]*(?<! )")
