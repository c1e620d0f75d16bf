"""The strict loader: which parser runs, characters YAML cannot carry, syntax errors in Finnish."""

from __future__ import annotations

import pytest
import yaml

from seloste import load
from seloste import yaml_parser
from seloste.load import load_text

BASE = "layout: gdpr\nname: Testi\ncontroller:\n  name: X\n"


def _problems(source: str | bytes) -> list[tuple[str, int, int]]:
    data = source.encode("utf-8") if isinstance(source, str) else source
    _, problems = load_text(data, "t.yaml")
    return [(p.code, p.line, p.column) for p in problems]


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="this PyYAML was built without libyaml")
def test_the_c_parser_is_used_when_pyyaml_has_it():
    assert load._Parser is yaml._yaml.CParser


CHARACTER_CASES = [
    # (id, YAML, expected problems, words in the message)
    ("lone surrogate escape", 'name: "a\\ud800b"\n', [("Y013", 1, 7)], ["U+D800"]),
    ("NUL escape", 'name: "a\\x00b"\n', [("Y013", 1, 7)], ["U+0000"]),
    ("escape sequence for the terminal", 'name: "\\e[31mpunainen"\n', [("Y013", 1, 7)], ["U+001B"]),
    ("control character in a key", '"a\\x07": b\n', [("Y013", 1, 1)], ["U+0007"]),
    ("raw control character in the file", "layout: gdpr\nname: a\x07b\n", [("Y013", 2, 8)], ["U+0007"]),
    ("raw NUL after multi-byte letters", "name: ää\x00\n", [("Y013", 1, 9)], ["U+0000"]),
]


@pytest.mark.parametrize("name,source,expected,words", CHARACTER_CASES, ids=[c[0] for c in CHARACTER_CASES])
def test_characters_that_cannot_be_shown_are_errors_at_their_place(name, source, expected, words):
    document, problems = load_text(source.encode("utf-8"), "t.yaml")
    assert document is None
    assert [(p.code, p.line, p.column) for p in problems] == expected
    for word in words:
        assert word in problems[0].message


def test_an_escaped_surrogate_pair_is_one_character_as_in_json():
    document, problems = load_text(b'name: "\\ud83d\\ude00 ja \\u00e4"\n', "t.yaml")
    assert problems == []
    assert document.data == {"name": "\U0001F600 ja \u00e4"}


SYNTAX_CASES = [
    # (id, YAML, line, column, words in the message)
    ("colon and space inside a value", "a: b: c\n", 1, 5, ["kaksoispiste"]),
    ("indented too far", "a: 1\n  b: 2\n", 2, 4, ["kaksoispiste"]),
    ("unclosed flow sequence", "a: [x\nb: 1\n", 2, 2, ["']'"]),
    ("unclosed flow mapping", "a: {b: c\n", 2, 1, ["'}'"]),
    ("character that cannot start a value", "a: @x\n", 1, 4, ["'@'"]),
    ("backtick cannot start a value", "a: `x`\n", 1, 4, ["'`'"]),
    ("indentation out of step", "a: x\n  b: y\n", 2, 4, ["kaksoispiste"]),
    ("key deeper than its siblings", "a:\n  b: 1\n   c: 2\n", 3, 5, ["kaksoispiste"]),
    ("list item among keys", "a: b\n- c\n", 2, 1, ["sisennys"]),
    ("key among list items", "a:\n  - x\n  y: 2\n", 3, 3, ["sisennys"]),
    ("line without a colon", "a: b\nc\nd: e\n", 3, 1, ["kaksoispiste"]),
    ("unknown escape", 'a: "x\\qy"\n', 1, 7, ["\\q"]),
    ("short hexadecimal escape", 'a: "\\x4"\n', 1, 7, ["\\x"]),
    ("unclosed quote", "a: 'x\n", 2, 1, ["lainausmerk"]),
    ("document separator inside quotes", 'a: "x\n---\ny"\n', 2, 1, ["lainausmerk"]),
    ("text after a block scalar indicator", "a: | x\n", 1, 6, ["|"]),
    ("sequence entry after a key on one line", "a: - b\n", 1, 4, ["- "]),
    ("stray closing brace", "a: }\n", 1, 4, ["'}'"]),
    ("ampersand alone", "a: &\n", 1, 5, ["&"]),
    ("undefined tag handle", "a: !x!y z\n", 1, 4, ["tagi"]),
    ("content after the document", "[a, b]]\n", 1, 7, ["YAML-dokumentin jälkeen"]),
]


@pytest.mark.parametrize("name,source,line,column,words", SYNTAX_CASES, ids=[c[0] for c in SYNTAX_CASES])
def test_syntax_errors_are_explained_in_finnish(name, source, line, column, words):
    document, problems = load_text(source.encode("utf-8"), "t.yaml")
    assert document is None
    assert [(p.code, p.line, p.column) for p in problems] == [("Y001", line, column)]
    message = problems[0].message
    assert message.startswith("YAML-syntaksivirhe: ")
    # Translated: none of PyYAML's or libyaml's English words are left.
    for english in ("expected", "found", "allowed", "mapping", "scalar", "while"):
        assert english not in message
    for word in words:
        assert word in message + " " + problems[0].hint
    assert problems[0].hint


TAB_CASES = [
    # (id, YAML, data): tabs between tokens, as libyaml reads them, whichever parser runs
    ("tab after a value", "name: Testi\t\n", {"name": "Testi"}),
    ("tab after the colon", "name:\tTesti\n", {"name": "Testi"}),
    ("tab inside a value", "name: Testi\tOy\n", {"name": "Testi\tOy"}),
    ("tab before a comment", "name: Testi \t# huom\n", {"name": "Testi"}),
    ("tab after a quoted value", "name: 'Testi'\t\n", {"name": "Testi"}),
    ("tab after a list item", "items:\n  - a\t\n  - b\n", {"items": ["a", "b"]}),
    ("tab in a flow list", "items: [a,\tb]\n", {"items": ["a", "b"]}),
    ("tab before a folded line break", "name: Testi\t\n  jatkuu\n", {"name": "Testi jatkuu"}),
    ("no final line break", "name: Testi", {"name": "Testi"}),
]


@pytest.mark.parametrize("name,source,data", TAB_CASES, ids=[c[0] for c in TAB_CASES])
@pytest.mark.parametrize("parser", ["default", "pure-Python"])
def test_tabs_between_words_read_alike_with_either_parser(name, source, data, parser, monkeypatch):
    if parser == "pure-Python":
        monkeypatch.setattr(load, "_Parser", load.PurePythonParser)
    document, problems = load_text(source.encode("utf-8"), "t.yaml")
    assert problems == []
    assert document.data == data


@pytest.mark.parametrize("source,code,line,column", [
    ("a: 1\n\t\nb: 2\n", "Y002", 2, 1),
    ("a:\n  \tb: 1\n", "Y002", 2, 3),
    ("a:\n-\tb\n", "Y001", 2, 2),
], ids=["line of only a tab", "tab after spaces", "tab after a dash"])
def test_tab_indentation_is_refused_alike_with_either_parser(source, code, line, column, monkeypatch):
    for parser in (load._Parser, load.PurePythonParser):
        monkeypatch.setattr(load, "_Parser", parser)
        document, problems = load_text(source.encode("utf-8"), "t.yaml")
        assert document is None
        assert [(p.code, p.line, p.column) for p in problems] == [(code, line, column)]
        assert "sarka" in problems[0].message  # sarkain, sarkaimella


def test_an_unknown_syntax_message_is_kept_as_written():
    assert yaml_parser.finnish_syntax_message("something new happened") == ("something new happened", "")


ALL_CASES = (
    [(c[0], c[1]) for c in CHARACTER_CASES]
    + [(c[0], c[1]) for c in SYNTAX_CASES]
    + [
        ("valid", BASE),
        ("duplicate keys", BASE + "name: toinen\ncontroller: {}\n"),
        ("alias", "a: &x 1\nb: *x\n"),
        ("tag", "a: !foo 1\n"),
        ("merge key", "a:\n  <<: {b: 1}\n"),
        ("flow nesting bomb", "a: " + "[" * 100_000),
        ("block nesting bomb", "".join(" " * depth + "k:\n" for depth in range(200))),
        ("unknown directive", "a: x\n%x\n"),
        ("two documents", BASE + "---\nb: 1\n"),
    ]
)


@pytest.mark.parametrize("name,source", ALL_CASES, ids=[c[0] for c in ALL_CASES])
def test_the_pure_python_parser_gives_the_same_results(name, source, monkeypatch):
    data = source.encode("utf-8")
    with_default = load_text(data, "t.yaml", frozenset({"none"}))
    monkeypatch.setattr(load, "_Parser", load.PurePythonParser)
    with_python = load_text(data, "t.yaml", frozenset({"none"}))
    assert _comparable(with_python) == _comparable(with_default)


def _comparable(result):
    document, problems = result
    return (None if document is None else (document.data, document.positions, document.key_positions)), problems
