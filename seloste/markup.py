"""Text fields as a tiny document tree, and that tree written out as HTML, Markdown or plain text.

A register has two kinds of text (the schema says which field is which):

- *plain* fields (names, addresses, titles) are shown exactly as written;
- *text* fields accept inline Markdown: emphasis, links, ``- `` lists.

Markdown goes through Python-Markdown with raw HTML, images, headings, reference links and
other block syntax switched off, then through the nh3 allow-list sanitizer, then into a tree
of :data:`Node` tuples. The three writers below work from that tree only, so a text reads the
same in every format: HTML escapes everything it did not build itself, the Markdown writer
backslash-escapes every character a CommonMark parser could take for syntax, and the text
writer keeps the words without markup.
"""

from __future__ import annotations

import functools
import html
import html.parser
import re
import unicodedata

# A node is ("#text", str) or (tag, attributes, children).
ALLOWED_TAGS = frozenset({"p", "ul", "ol", "li", "em", "strong", "a", "code", "br"})
SAFE_SCHEMES = ("https", "http", "mailto", "tel")
_BLOCK_TAGS = frozenset({"p", "ul", "ol"})


class Text:
    """One field's content: a list of block nodes (paragraphs and lists)."""

    __slots__ = ("blocks", "source", "links")

    def __init__(self, blocks: tuple, source: str, links: tuple = ()):
        self.blocks = blocks
        self.source = source
        # Every link the Markdown parser found, in order, as (target as parsed, kept by the
        # sanitizer): validation and lint read links here, from the parse the notice is made of.
        self.links = links

    def __repr__(self) -> str:
        return f"Text({self.source!r})"

    @property
    def inline(self) -> tuple:
        """The content as inline nodes: one paragraph unwrapped, several joined by a space."""
        parts: list = []
        for block in self.blocks:
            if parts:
                parts.append(("#text", " "))
            if block[0] == "p":
                parts.extend(block[2])
            else:
                for index, item in enumerate(block[2]):
                    if index:
                        parts.append(("#text", " "))
                    parts.extend(item[2])
        return tuple(parts)


def plain(value: str) -> Text:
    """A plain field: the words as written, never interpreted."""
    return Text((("p", (), (("#text", value),)),), value)


def markdown(source: str) -> Text:
    """A Markdown text field parsed into a :class:`Text`.

    Most fields are one line of words with no Markdown in them: those are read directly (the
    parser would give the same paragraph, ``tests/test_markup_plain.py`` compares the two on
    thousands of texts); the rest go through the parser, cached, since registers repeat phrases.
    """
    if source and source.isprintable() and _WITHOUT_MARKDOWN.fullmatch(source):
        return plain(source)
    return _parsed(source)


# Printable (no line break, tab or other control, no space but " "), neither starting nor
# ending with a space, no character that any Markdown syntax the parser keeps begins with
# (emphasis, code, links, autolinks, entities, escapes), and not the start of a list ("- x").
_WITHOUT_MARKDOWN = re.compile(r"(?![-+ ])[^\\`*_\[\]<>&]*(?<! )")


@functools.lru_cache(maxsize=8192)
def _parsed(source: str) -> Text:
    converter = _converter()
    converter.reset()
    converted = converter.convert(source)
    blocks = _TreeBuilder.build(_sanitize(converted))
    return Text(blocks, source, _links(converted, blocks) if "<a " in converted else ())


class _Targets(html.parser.HTMLParser):
    """The ``href`` of every link in an HTML fragment, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.found.append(dict(attrs).get("href") or "")


def _links(converted: str, blocks: tuple) -> tuple:
    """(target, kept) for each link the parser made, ``kept`` False where the sanitizer dropped it."""
    reader = _Targets()
    reader.feed(converted)
    reader.close()
    kept: list = []

    def walk(nodes):
        for node in nodes:
            if node[0] == "a":
                kept.append(dict(node[1]).get("href"))
            if node[0] != "#text":
                walk(node[2])

    walk(blocks)
    if len(kept) != len(reader.found):  # the sanitizer removed a link as a whole
        survivors = set(kept)
        return tuple((target, target in survivors) for target in reader.found)
    return tuple((target, href is not None) for target, href in zip(reader.found, kept))


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


@functools.lru_cache(maxsize=1)
def _converter():
    import markdown as python_markdown

    converter = python_markdown.Markdown(extensions=[], output_format="html")
    # Raw HTML would pass through as markup: switch it off so it stays text.
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    # Block syntax that does not belong inside a notice's paragraph, and syntax that hides
    # text (reference definitions vanish from the output): keep it all literal instead.
    for name in ("code", "hashheader", "setextheader", "hr", "olist", "quote", "reference"):
        converter.parser.blockprocessors.deregister(name)
    for name in ("reference", "image_link", "image_reference", "short_reference", "short_image_ref"):
        converter.inlinePatterns.deregister(name)
    return converter


def _sanitize(fragment: str) -> str:
    import nh3

    return nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS),
        attributes={"a": {"href"}},
        url_schemes=set(SAFE_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


class _TreeBuilder(html.parser.HTMLParser):
    """Reads the sanitized HTML fragment back into nodes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root: list = []
        self.stack: list = [("#root", {}, self.root)]

    @classmethod
    def build(cls, fragment: str) -> tuple:
        builder = cls()
        builder.feed(fragment)
        builder.close()
        return _freeze(_normalise_blocks(builder.root))

    def handle_starttag(self, tag, attrs):
        node = (tag, dict(attrs), [])
        self.stack[-1][2].append(node)
        if tag != "br":
            self.stack.append(node)

    def handle_endtag(self, tag):
        if tag != "br" and len(self.stack) > 1 and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_data(self, data):
        self.stack[-1][2].append(("#text", data))


def _normalise_blocks(nodes: list) -> list:
    """Top-level nodes as blocks: stray inline content goes into a paragraph, soft breaks become spaces."""
    blocks: list = []
    loose: list = []
    for node in nodes:
        if node[0] in _BLOCK_TAGS:
            if loose:
                blocks.append(("p", {}, _block_inline(loose)))
                loose = []
            if node[0] == "p":
                blocks.append(("p", {}, _block_inline(node[2])))
            else:
                items = [("li", {}, _block_inline(_unwrap_paragraphs(li[2]))) for li in node[2] if li[0] == "li"]
                blocks.append((node[0], {}, items))
        elif node[0] == "#text" and not node[1].strip():
            continue
        else:
            loose.append(node)
    if loose:
        blocks.append(("p", {}, _block_inline(loose)))
    return blocks


def _block_inline(nodes: list) -> list:
    """A paragraph's or list item's inline nodes, without line breaks at its very end."""
    return _without_trailing_breaks(_inline(nodes))


def _without_trailing_breaks(nodes: list) -> list:
    # A break at the end of a block breaks nothing; Markdown would show its backslash.
    nodes = list(nodes)
    while nodes:
        last = nodes[-1]
        if last[0] == "br":
            nodes.pop()
        elif last[0] == "#text":
            if last[1].rstrip(" "):
                nodes[-1] = ("#text", last[1].rstrip(" "))
                break
            nodes.pop()
        elif last[0] == "code":
            if _text_inline(last[2]).strip():
                break
            nodes.pop()
        else:
            nodes[-1] = (last[0], last[1], _without_trailing_breaks(last[2]))
            break
    return nodes


def _unwrap_paragraphs(nodes: list) -> list:
    out: list = []
    for node in nodes:
        if node[0] == "p":
            if out:
                out.append(("#text", " "))
            out.extend(node[2])
        elif node[0] in ("ul", "ol"):
            # A nested list inside a list item: keep its words inline.
            for item in node[2]:
                if item[0] == "li":
                    out.append(("#text", " "))
                    out.extend(_unwrap_paragraphs(item[2]))
        else:
            out.append(node)
    return out


def _inline(nodes: list) -> list:
    out: list = []
    for index, node in enumerate(nodes):
        if node[0] == "#text":
            value = node[1]
            if index and nodes[index - 1][0] == "br":
                value = value.lstrip("\n")  # the line end after <br> is the break itself, not a space
            value = value.replace("\n", " ")
            if index == 0:
                value = value.lstrip(" ")
            if index == len(nodes) - 1:
                value = value.rstrip(" ")
            if value:
                out.append(("#text", value))
        else:
            out.append((node[0], node[1], _inline(node[2]) if node[0] != "br" else []))
    return out


def _freeze(nodes: list) -> tuple:
    return tuple(
        node if node[0] == "#text" else (node[0], tuple(sorted(node[1].items())), _freeze(node[2]))
        for node in nodes
    )


def link_targets(source: str) -> list[str]:
    """The target of every link the parser finds in a text field's source, in order."""
    if "](" not in source and "<" not in source:
        return []  # no link can start without one of these
    return [target for target, _ in markdown(source).links]


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


# --- HTML -----------------------------------------------------------------------------------

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
        else:
            pairs = node[1]
            target = _shown_target(node) if node[0] == "a" else None
            if target is not None:
                # The print stylesheet shows it after the link, as the plain text does.
                pairs = (*pairs, ("data-target", target))
            attributes = "".join(f' {key}="{html.escape(value, quote=True)}"' for key, value in pairs)
            parts.append(f"<{node[0]}{attributes}>{_html_nodes(node[2])}</{node[0]}>")
    return "".join(parts)


def _shown_target(link) -> str | None:
    """A link's target as text shows it after the label ("mailto:" and "tel:" dropped), or None
    when the label already says it."""
    label = _text_inline(link[2])
    href = dict(link[1]).get("href", "")
    bare = re.sub(r"^(mailto|tel):", "", href)
    return None if href in (label, "") or bare == label else bare


# --- plain text -----------------------------------------------------------------------------

def to_text(text: Text, inline: bool = False) -> str:
    """The words without markup: one paragraph or list item a line, blocks apart by a blank line."""
    if inline:
        return _text_inline(text.inline)
    return "\n\n".join(_text_block(block) for block in text.blocks)


def _text_block(block) -> str:
    if block[0] == "p":
        return _text_inline(block[2])
    lines = []
    for number, item in enumerate(block[2], start=1):
        bullet = f"{number}." if block[0] == "ol" else "-"
        lines.append(f"{bullet} {_text_inline(item[2])}")
    return "\n".join(lines)


def _text_inline(nodes) -> str:
    parts = []
    for node in nodes:
        if node[0] == "#text":
            parts.append(node[1])
        elif node[0] == "br":
            parts.append(" ")
        elif node[0] == "a":
            label = _text_inline(node[2])
            target = _shown_target(node)
            parts.append(label if target is None else f"{label} ({target})")
        else:
            parts.append(_text_inline(node[2]))
    return "".join(parts)


# --- Markdown -------------------------------------------------------------------------------

_MD_ESCAPE = re.compile(r"([\\`*_\[\]<>&~|])")
_LINE_START = re.compile(r"^([ \t]*)(?:([#>+=-])|(\d{1,9})([.)]))")
# Any whitespace but a line break: CommonMark readers strip Unicode spaces (no-break space,
# ideographic space ...) from the ends of paragraphs, headings and table cells, not only " ".
_EDGE_SPACE = re.compile(r"^[^\S\n]+|[^\S\n]+$")
# A sentence ends at . ! ? followed by one space and a capital letter or digit, unless the
# word before is a known abbreviation, a number (an ordinal: "1. kohta"), an initial or §.
_SENTENCE_END = re.compile(r"(?<=[.!?]) (?=[\"”'(]?[A-ZÅÄÖ0-9])")
# The word before a candidate end is the run of characters up to it that are not whitespace
# or "(": only that word is matched, so the split takes time linear in the paragraph.
_WORD_BEFORE_END = re.compile(r"[^\s(]+")
_NO_SENTENCE_END = re.compile(
    r"(?:esim|mm|ns|ym|yms|jne|ks|vrt|eli|n|s|ts|tms|em|ao|huom|nro|puh|klo|os|kpl|v|ed|engl|ruots|lat|oy|ab|ry|ltd|inc|co|§|\d+|[A-ZÅÄÖ])\.",
    re.IGNORECASE,
)


def escape_markdown(value: str) -> str:
    """Escape text so that a CommonMark (or GFM) parser shows it literally on one line."""
    return _MD_ESCAPE.sub(r"\\\1", value)


def _protect_edges(value: str) -> str:
    """Whitespace at the very start or end of a paragraph survives as character references."""
    return _EDGE_SPACE.sub(lambda m: "".join(f"&#{ord(c)};" for c in m.group(0)), value)


def plain_markdown(value: str) -> str:
    """A plain field as CommonMark that shows it literally wherever a template puts it.

    Besides what :func:`escape_markdown` escapes, every ``#`` is escaped (a heading would take
    a trailing ``#`` run for its closing sequence) and whitespace at either end is kept as
    character references (headings, table cells and ``**`` emphasis drop or refuse it).
    """
    return _protect_edges(escape_markdown(value).replace("#", "\\#"))


# Python-Markdown's backslash escapes; it has none for "<" and "&", nor for a tab, which it
# expands to spaces: those are written as character references instead.
_SOURCE_ESCAPE = re.compile(r"([\\`*_{}\[\]()>#+\-.!])")
_SOURCE_REFERENCES = {"&": "&amp;", "<": "&lt;", "\t": "&#9;"}


def literal_source(value: str) -> str:
    """Markdown source that :func:`markdown` reads back as exactly ``value``.

    For building a text field from plain words (a law's name, a label) and Markdown.
    """
    escaped = _SOURCE_ESCAPE.sub(r"\\\1", value)
    return re.sub("[&<\t]", lambda m: _SOURCE_REFERENCES[m.group()], escaped)


def to_markdown(text: Text, inline: bool = False) -> str:
    """The text as CommonMark: one sentence a line inside paragraphs (semantic line breaks)."""
    if inline:
        return _md_inline(text.inline, split=False)
    return "\n\n".join(_md_block(block) for block in text.blocks)


def _md_block(block) -> str:
    if block[0] == "p":
        return _md_inline(block[2], split=True)
    lines = []
    for number, item in enumerate(block[2], start=1):
        bullet = f"{number}." if block[0] == "ol" else "-"
        lines.append(f"{bullet} {_md_inline(item[2], split=False)}")
    return "\n".join(lines)


def to_markdown_cell(text: Text) -> str:
    """The text as the content of a pipe-table cell: on one line, with every pipe escaped.

    A table splits its rows into cells before any inline Markdown is read, so a pipe in a code
    span or a link target would end the cell, and a hard line break would end the row (it
    becomes a space, as in the plain text).
    """
    return _md_inline(text.inline, split=False, cell=True)


def _md_inline(nodes, split: bool, cell: bool = False) -> str:
    joined = _protect_edges(_join_emphasis(_md_parts(nodes, split, cell)))
    return "\n".join(_escape_line_start(line) for line in joined.split("\n"))


def _md_parts(nodes, split: bool, cell: bool, within: frozenset = frozenset()) -> list:
    """Markdown for inline nodes: strings, and :class:`_Emphasis` whose marks are decided later."""
    parts: list = []
    for node in nodes:
        if node[0] == "#text":
            pieces = split_sentences(node[1]) if split else [node[1]]
            parts.append("\n".join(escape_markdown(piece) for piece in pieces))
        elif node[0] == "br":
            parts.append(" " if cell else "\\\n")
        elif node[0] in ("em", "strong"):
            inner = _md_parts(node[2], split=False, cell=cell, within=within | {node[0]})
            # Emphasis inside the same emphasis adds nothing, and its marks would run together.
            if node[0] in within:
                parts.extend(inner)
            else:
                parts.append(_Emphasis("*" if node[0] == "em" else "**", inner))
        elif node[0] == "code":
            content = _text_inline(node[2])
            if not content.strip():
                # CommonMark has no empty code span, and one of only spaces shows fewer of them.
                parts.append(escape_markdown(content))
                continue
            fence = "`" * (max((len(run) for run in re.findall(r"`+", content)), default=0) + 1)
            pad = " " if content.startswith("`") or content.endswith("`") or content.startswith(" ") else ""
            if cell:
                content = content.replace("|", "\\|")
            parts.append(f"{fence}{pad}{content}{pad}{fence}")
        elif node[0] == "a":
            href = dict(node[1]).get("href", "")
            # Inside <...> CommonMark reads backslash escapes: double each backslash so that the
            # address is the one the HTML links to.
            target = (href.replace("\\", "\\\\").replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
                      .replace("\n", "%0A"))
            if cell:
                target = target.replace("|", "%7C")
            parts.append(f"[{_md_inline(node[2], split=False, cell=cell)}](<{target}>)")
        else:
            parts.extend(_md_parts(node[2], split=False, cell=cell, within=within))
    return parts


class _Emphasis(tuple):
    """``(mark, parts)``: emphasis whose marks are written only where CommonMark would read them."""

    def __new__(cls, mark: str, parts: list):
        return super().__new__(cls, (mark, parts))


def _join_emphasis(parts: list) -> str:
    """The parts joined; an emphasis keeps its ``*`` marks only if they open and close there.

    CommonMark reads ``*`` as emphasis only when the run is left-flanking (to open) or
    right-flanking (to close), which depends on the characters on both sides: ``C**:**``
    stays literal. Where the marks would not be read, the words go without them, so that
    no asterisk appears that the editor did not write.
    """
    pending = [part for part in reversed(parts) if part]  # the parts still to join, the next one last
    out = ""
    while pending:
        part = pending.pop()
        if not isinstance(part, _Emphasis):
            out += part
            continue
        mark, inner_parts = part
        inner = _join_emphasis(inner_parts)
        before = out[-1] if out else " "
        following = pending[-1] if pending else " "
        after = (following[0] if isinstance(following, _Emphasis) else following)[0]  # an emphasis opens with its mark
        opens = inner and not _md_space(inner[0]) and (not _md_punctuation(inner[0]) or _md_space(before)
                                                       or _md_punctuation(before))
        closes = inner and not _md_space(inner[-1]) and (not _md_punctuation(inner[-1]) or _md_space(after)
                                                         or _md_punctuation(after))
        # Marks right beside another emphasis's join its run ("**a****b**", "*a *b**"); only
        # one emphasis around a whole one of the other kind ("***a***") reads back as written.
        lead = len(inner) - len(inner.lstrip("*"))
        trail = len(inner) - len(inner.rstrip("*")) if _ends_in_delimiter(inner) else 0
        nested = (lead == trail and lead + len(mark) == 3) if lead or trail else True
        apart = nested and not _ends_in_delimiter(out) and after != "*"
        if opens and closes and apart:
            out += f"{mark}{inner}{mark}"
        else:
            # Without its marks, the words (and any emphasis within) are read here, among
            # their real neighbours.
            pending.extend(part for part in reversed(inner_parts) if part)
    return out


def _ends_in_delimiter(markdown: str) -> bool:
    """True when ``markdown`` ends with a ``*`` that is not backslash-escaped."""
    if not markdown.endswith("*"):
        return False
    index = len(markdown) - 2
    while index >= 0 and markdown[index] == "\\":  # the backslashes before it, without copying the text
        index -= 1
    return (len(markdown) - 2 - index) % 2 == 0


def _md_space(character: str) -> bool:
    """CommonMark's Unicode whitespace."""
    return character in "\t\n\x0b\x0c\r " or unicodedata.category(character) == "Zs"


def _md_punctuation(character: str) -> bool:
    """CommonMark's Unicode punctuation: ASCII punctuation and the P and S categories."""
    return unicodedata.category(character)[0] in "PS"


def _escape_line_start(line: str) -> str:
    match = _LINE_START.match(line)
    if not match:
        return line
    # Up to three spaces may come before a heading, list or setext underline.
    cut = match.end(1) if match.group(2) else match.end(3)
    return line[:cut] + "\\" + line[cut:]


def split_sentences(value: str) -> list[str]:
    """Split a paragraph's text into sentences (Finnish abbreviations do not end one)."""
    pieces: list[str] = []
    start = 0
    # The words in order, read alongside the candidates: each character is looked at once.
    words = _WORD_BEFORE_END.finditer(value)
    word = None
    for match in _SENTENCE_END.finditer(value):
        end = match.start()  # a candidate follows a full stop, "!" or "?": a word ends here
        while word is None or word.end() < end:
            word = next(words)
        if _NO_SENTENCE_END.fullmatch(value, word.start(), end):
            continue
        pieces.append(value[start:end])
        start = match.end()
    pieces.append(value[start:])
    return pieces
