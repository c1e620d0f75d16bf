"""Text fields as a tiny document tree, and that tree written out as HTML, Markdown or plain text.

A register has two kinds of text (the schema says which field is which):

- *plain* fields (names, addresses, titles) are shown exactly as written;
- *text* fields accept inline Markdown: emphasis, links, ``- `` lists (with sub-lists and an
  item's further paragraphs, indented four spaces under it).

Each text is read once (:mod:`.parse`, or :mod:`.direct` for a text with no Markdown in it;
with a register's ``autolink: true``, :mod:`.addresses` makes its bare addresses links)
into a :class:`~.tree.Text`, and everything else works from that tree: its links for
validation, lint and diff (:mod:`.links` says which may be published), and the three writers,
so a text reads the same in every format. :mod:`.write_html` escapes everything it did not build
itself, :mod:`.write_markdown` backslash-escapes every character a CommonMark parser could take
for syntax and writes a sentence a line (:mod:`.sentences`), :mod:`.write_text` keeps the words
without markup.
"""

from seloste.markup.links import SAFE_SCHEMES
from seloste.markup.links import is_safe_url
from seloste.markup.links import link_problem
from seloste.markup.links import link_titles_in_source
from seloste.markup.parse import ALLOWED_TAGS
from seloste.markup.parse import link_targets
from seloste.markup.parse import literal_source
from seloste.markup.parse import markdown
from seloste.markup.parse import may_have_links
from seloste.markup.sentences import split_sentences
from seloste.markup.write_html import to_html
from seloste.markup.write_markdown import escape_markdown
from seloste.markup.write_markdown import plain_markdown
from seloste.markup.write_markdown import to_markdown
from seloste.markup.write_markdown import to_markdown_cell
from seloste.markup.write_text import to_text
from seloste.markup.tree import MAX_LIST_DEPTH
from seloste.markup.tree import Text
from seloste.markup.tree import plain

__all__ = [
    "ALLOWED_TAGS", "MAX_LIST_DEPTH", "SAFE_SCHEMES", "Text", "escape_markdown", "is_safe_url", "link_problem",
    "link_targets", "link_titles_in_source", "literal_source", "markdown", "may_have_links", "plain", "plain_markdown",
    "split_sentences", "to_html", "to_markdown", "to_markdown_cell", "to_text",
]
