"""Valid input with hostile text: it comes out exactly as written, never as markup or code.

Each test renders a register twice: once with a neutral placeholder word in a field, once
with the text under test. The second rendering must be the first with the placeholder
replaced by the text: literally in the .txt, as element text when the .html is parsed back
with html.parser, and as inline text when markdown-it-py (CommonMark with tables) reads the
.md. So the text lands in the same element, and nothing else on the page changes.
"""

from __future__ import annotations

import html.parser
import json
import re

import pytest
from hypothesis import assume
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from seloste import markup
from seloste import project
from seloste.notice import build_notice
from seloste.render import render_notice_files

TEMPLATE = """\
layout: gdpr
name: {name}
controller:
  name: {controller}
  notes: {markdown}
data_categories:
  groups:
    - name: {group}
      items:
        - Nimi
security:
  notes:
    - heading: {heading}
    - table:
        caption: {caption}
        columns: [{column}, Toinen]
        rows: [[solu, toinen]]
    - fields:
        - label: {label}
          value: arvo
purposes:
  items:
    - text: Laskutus
      legal_basis: legal_obligation
      law: {law}
"""

# One neutral word a field: letters only, none inside another, nothing any format escapes.
PLACEHOLDERS = {
    "name": "Paikkayksi",
    "controller": "Paikkakaksi",
    "group": "Paikkakolme",
    "caption": "Paikkanelja",
    "label": "Paikkaviisi",
    "column": "Paikkakuusi",
    "heading": "Paikkaseitseman",
    "law": "Paikkakahdeksan",
    "markdown": "Paikkayhdeksan",
}
PLAIN_FIELDS = ("name", "controller", "group", "caption", "label", "column", "heading", "law")


def _render(values: dict[str, str]) -> dict[str, str]:
    """The .txt, .html and .md of the register with ``values`` in its fields (YAML scalars as JSON)."""
    fields = {**PLACEHOLDERS, **values}
    source = TEMPLATE.format(**{key: json.dumps(value, ensure_ascii=False) for key, value in fields.items()})
    register, problems = project.register_from_source("testi", "policy/testi.yaml", source.encode("utf-8"))
    assert register is not None, problems
    files = render_notice_files(build_notice(register.id, register.data), register.data)
    return {suffix: files[f"fi/testi.{suffix}"].decode("utf-8") for suffix in ("txt", "html", "md")}


class _ElementTexts(html.parser.HTMLParser):
    """Every element's whole text (its own and its children's), in the order the elements end.

    A ``<br>`` counts as one space.
    """

    VOID = frozenset({"meta", "link", "br", "hr", "img", "input", "wbr", "col", "source"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[list] = []
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "br" and self.open:
            self.open[-1][1] += " "  # a line break reads as a space, as in the plain text
        elif tag not in self.VOID:
            self.open.append([tag, ""])

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        name, text = self.open.pop()
        assert name == tag, f"<{name}> closed by </{tag}>"
        self.found.append((tag, text))
        if self.open:
            self.open[-1][1] += text

    def handle_data(self, data):
        if self.open:
            self.open[-1][1] += data


class _BlockRuns(html.parser.HTMLParser):
    """The words between block boundaries (a paragraph, a list, a list item), in order: an item's
    own line apart from its sub-list's items."""

    BLOCKS = frozenset({"div", "p", "ul", "ol", "li"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.runs: list[str] = [""]

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self.runs[-1] += " "
        elif tag in self.BLOCKS:
            self.runs.append("")

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self.runs.append("")

    def handle_data(self, data):
        self.runs[-1] += data


def html_words(fragment: str) -> str:
    """The words of an HTML fragment, blocks apart by a space."""
    reader = _BlockRuns()
    reader.feed(fragment)
    reader.close()
    return " ".join(run for run in reader.runs if run)


def html_texts(page: str) -> list[tuple[str, str]]:
    parser = _ElementTexts()
    parser.feed(page)
    parser.close()
    assert parser.open == []
    return parser.found


_COMMONMARK = MarkdownIt("commonmark").enable("table")


def markdown_texts(source: str) -> list[tuple[str, str]]:
    """(block tag, inline text) for every inline run, as a CommonMark reader sees the Markdown."""
    tokens = _COMMONMARK.parse(source)
    found = []
    for index, token in enumerate(tokens):
        if token.type != "inline":
            continue
        words = []
        for child in token.children or ():
            if child.type in ("text", "code_inline"):
                words.append(child.content)
            elif child.type == "softbreak":
                words.append(" ")
            elif child.type in ("strong_open", "strong_close", "em_open", "em_close", "link_open", "link_close"):
                continue  # formatting around words; a link's brackets lost would still show
            else:
                words.append(f"<{child.type}>")  # markup the text made: never expected
        found.append((tokens[index - 1].tag, "".join(words)))
    return found


def assert_literal(field: str, value: str) -> None:
    """``value`` in ``field`` renders as the placeholder did, with the placeholder replaced."""
    placeholder = PLACEHOLDERS[field]
    baseline, rendered = _render({}), _render({field: value})

    assert rendered["txt"] == baseline["txt"].replace(placeholder, value)

    expected_html = [(tag, text.replace(placeholder, value)) for tag, text in html_texts(baseline["html"])]
    assert html_texts(rendered["html"]) == expected_html

    expected_md = [(tag, text.replace(placeholder, value)) for tag, text in markdown_texts(baseline["md"])]
    assert markdown_texts(rendered["md"]) == expected_md


def test_every_placeholder_reaches_every_format():
    rendered = _render({})
    for field in PLAIN_FIELDS + ("markdown",):
        word = PLACEHOLDERS[field]
        assert word in rendered["txt"], field
        assert any(word in text for _, text in html_texts(rendered["html"])), field
        assert any(word in text for _, text in markdown_texts(rendered["md"])), field


# --- hostile text, case by case ---------------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"


def test_script_in_a_markdown_field_is_escaped_in_html_and_literal_in_text():
    rendered = _render({"markdown": f"Katso {SCRIPT} tästä."})
    assert "<script" not in rendered["html"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered["html"]
    assert f"Katso {SCRIPT} tästä." in rendered["txt"].split("\n")
    assert ("p", f"Katso {SCRIPT} tästä.") in markdown_texts(rendered["md"])


@pytest.mark.parametrize("field", PLAIN_FIELDS)
def test_script_in_a_plain_field_is_escaped_in_html_and_literal_in_text(field):
    rendered = _render({field: SCRIPT})
    assert "<script" not in rendered["html"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered["html"]
    assert_literal(field, SCRIPT)


TEMPLATE_SYNTAX = ["{{ 7*7 }}", "{% raw %}", "{% endraw %}", "{# kommentti #}", "${7*7}", "{{ config }}"]


@pytest.mark.parametrize("value", TEMPLATE_SYNTAX, ids=TEMPLATE_SYNTAX)
@pytest.mark.parametrize("field", ("markdown",) + PLAIN_FIELDS)
def test_template_syntax_appears_as_written_in_every_format(field, value):
    if field == "markdown":
        rendered = _render({"markdown": value})
        assert value in rendered["txt"].split("\n")
        assert ("p", value) in html_texts(rendered["html"])
        assert ("p", value) in markdown_texts(rendered["md"])
        assert "49" not in rendered["txt"] + rendered["html"] + rendered["md"]
    else:
        assert_literal(field, value)


MARKDOWN_SYNTAX = [
    "*tähti*", "**lihava**", "_alaviiva_", "__kaksi__", "# otsikko", "## ", "#", "Otsikko #", "Otsikko ##",
    "C#", "1. kohta", "1) kohta", "2024. vuosi", "- viiva", "+ plus", "* tähti", "> lainaus", "---", "===",
    "***", "~~~", "```", "`koodi`", "``", "[x](y)", "![kuva](k.png)", "[viite]: https://a.fi", "<b>",
    "<https://a.fi>", "a | b", "|", "&amp;", "&#35;", "&", "\\", "\\*", "a\\", "  reunat  ", "\u00a0reunat\u00a0",
    "\u3000", " ", "\t", "Oy. Toinen lause. 3. kolmas", "A. B", "Loppu.  Alku", "tavuviiva-", "=",
    "    neljä välilyöntiä", "a  ", "x<y>z", "[", "]", "*", "_", "!",
]


@pytest.mark.parametrize("value", MARKDOWN_SYNTAX, ids=[repr(v) for v in MARKDOWN_SYNTAX])
@pytest.mark.parametrize("field", PLAIN_FIELDS)
def test_markdown_syntax_in_a_plain_field_stays_literal(field, value):
    assert_literal(field, value)


# --- any text at all ----------------------------------------------------------------------------

ANY_TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\ufeff\ufffe\uffff"),
    min_size=1,
)


@settings(max_examples=200, deadline=None)
@given(value=ANY_TEXT, field=st.sampled_from(("name", "controller", "group", "caption", "label")))
def test_any_text_in_a_plain_field_comes_out_literally_in_every_format(value, field):
    assert_literal(field, value)


# --- Markdown in table cells --------------------------------------------------------------------

CELLS = [
    # (id, Markdown in a table cell, the cell's words in Markdown and HTML, the cell in plain text)
    ("pipe in code", "`a|b`", "a|b", "a|b"),
    ("pipe in a link target", "[haku](https://a.fi/?q=a|b)", "haku", "haku (https://a.fi/?q=a|b)"),
    ("hard line break", "rivi  \ntoinen", "rivi toinen", "rivi toinen"),
    ("list", "- yksi\n- kaksi", "yksi kaksi", "yksi kaksi"),
    ("pipe in text", "a | b", "a | b", "a | b"),
    ("emphasis around a pipe", "*a | b*", "a | b", "a | b"),
]


@pytest.mark.parametrize("name,source,words,text", CELLS, ids=[c[0] for c in CELLS])
def test_markdown_in_a_table_cell_keeps_the_table_whole(name, source, words, text):
    yaml_source = TEMPLATE.format(**{key: json.dumps(value, ensure_ascii=False) for key, value in PLACEHOLDERS.items()})
    yaml_source = yaml_source.replace("rows: [[solu, toinen]]", f"rows: [[{json.dumps(source)}, toinen]]")
    register, problems = project.register_from_source("testi", "policy/testi.yaml", yaml_source.encode("utf-8"))
    assert register is not None, problems
    files = render_notice_files(build_notice(register.id, register.data), register.data)
    for cells in (
        [text for tag, text in markdown_texts(files["fi/testi.md"].decode("utf-8")) if tag == "td"],
        [text for tag, text in html_texts(files["fi/testi.html"].decode("utf-8")) if tag == "td"],
    ):
        assert [words, "toinen"] in [cells[index:index + 2] for index in range(len(cells))]
    assert f"{text}\ttoinen" in files["fi/testi.txt"].decode("utf-8").split("\n")


def test_a_hard_line_break_is_one_space_in_plain_text():
    text = markup.markdown("rivi  \ntoinen")
    assert markup.to_html(text) == "<p>rivi<br>toinen</p>"
    assert markup.to_text(text) == "rivi toinen"


# --- Markdown text fields: the same words in every format ------------------------------------------

def _words(value: str) -> str:
    return " ".join(value.split())


RICH = [
    # (id, Markdown source of a text field)
    ("strong punctuation after a letter", "|C**:**"),
    ("emphasis starting with punctuation after a letter", "Bb=C*&Bb*Bb~"),
    ("emphasis around brackets", "[=>\\<\n=C*]*"),
    ("emphasis around nothing but a line break", "a *  \n*>Bb"),
    ("strong around a line break", "**[  \n**|["),
    ("code of only a tab", "1.=`\t`~`"),
    ("code of only a line end", "C\t>C`\n`"),
    ("hash line after a line break", "**:  \n[  \n #"),
    ("equals line after a line break", "#  \n ="),
    ("dash line after a line break", "Teksti  \n -"),
    ("a sub-list", "- a\n    - *b*\n        - `c`\n- d"),
    ("an item's own paragraph", "- a\n\n    Toinen. Kolmas lause.\n\n    - b\n- c"),
    ("emphasis as usual", "Tämä on *tärkeä* ja **hyvin tärkeä**; (*huom*) ja *\"lainaus\"*."),
]


@pytest.mark.parametrize("name,source", RICH, ids=[c[0] for c in RICH])
def test_a_text_field_reads_the_same_words_in_html_and_markdown(name, source):
    text = markup.markdown(source)
    in_html = html_words(markup.to_html(text))
    in_markdown = " ".join(t for _, t in markdown_texts(markup.to_markdown(text)))
    assert _words(in_markdown.replace("<hardbreak>", " ")) == _words(in_html)
    # the plain text's lines without their list markers
    assert _words(re.sub(r"(?m)^ *- ", "", markup.to_text(text))) == _words(in_html)


def test_a_line_break_at_the_end_of_a_paragraph_is_dropped():
    for source in ("rivi  \n", "*rivi  \n*", "rivi  \n\n- kohta  \n"):
        text = markup.markdown(source)
        assert "<br>" not in markup.to_html(text)
        assert "\\" not in markup.to_markdown(text)


MARKDOWN_PIECES = [
    "*", "**", "_", "`", "[", "]", "(", ")", "https://a.fi", "<", ">", "&", "|", "\\", "#", "1.", "- ", "\n", "\n\n",
    "  \n", " ", "a", "Bb", ". ", "! ", "C", "~", "=", "+", "&amp;", "<b>", "mailto:x@y.fi", "\t", "9)", ":", "ä", "\u00a0",
    # what goes under a list item: sub-lists and further paragraphs, indented
    "\n    - ", "\n        - ", "\n\n    ", "\n    ",
]


@settings(max_examples=200, deadline=None)
@given(source=st.lists(st.sampled_from(MARKDOWN_PIECES), min_size=1, max_size=14).map("".join))
def test_any_markdown_reads_the_same_words_in_html_and_markdown(source):
    assume(source.strip() and all(markup.link_problem(t, kept) is None for t, kept in markup.markdown(source).links))
    text = markup.markdown(source)
    in_html = html_words(markup.to_html(text))
    in_markdown = " ".join(t for _, t in markdown_texts(markup.to_markdown(text)) if t)
    assert _words(in_markdown.replace("<hardbreak>", " ")) == _words(in_html)


def test_lists_nested_hundreds_deep_are_a_problem_at_their_text_not_a_crash(tmp_path):
    deep = "".join("    " * level + "- a\n" for level in range(300))
    text = markup.markdown(deep)
    assert text.deep_list and markup.to_text(text).startswith("- a - a - a")
    # the parser is whole again for the next text
    assert markup.markdown("- yksi\n    - kaksi\n").blocks[0][0] == "ul"
    policy = tmp_path / "policy"
    policy.mkdir()
    body = "".join("    " + "    " * level + "- a\n" for level in range(300))
    (policy / "r.yaml").write_text(f"layout: gdpr\nname: R\ncontroller:\n  name: Oy\npurposes:\n  intro: |\n{body}")
    register, problems = project.load_register(policy / "r.yaml")
    assert register is None and [(problem.code, problem.line) for problem in problems] == [("S119", 6)]
