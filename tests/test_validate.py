"""Schema errors explained for people: the shape the editor meant, at the line they wrote it."""

from __future__ import annotations

import pytest

from seloste.load import load_text
from seloste.validate import boolean_keys
from seloste.validate import validate_document

BASE = "layout: gdpr\nname: Testi\ncontroller:\n  name: X\n"

CASES = [
    # (id, extra YAML, code, line, column, words in the message or hint)
    ("enum in a one-or-many field", "purposes:\n  items:\n    - text: A\n      legal_basis: contrakt\n",
     "S104", 8, 20, ["'contrakt'", "tarkoititko 'contract'?"]),
    ("bad value inside a list", "purposes:\n  items:\n    - text: A\n      legal_basis: [consent, 5]\n",
     "S104", 8, 30, ["'5'", "legal_basis[2]"]),
    ("object item without its text", "purposes:\n  items:\n    - {}\n", "S102", 7, 7, ["'text'"]),
    ("string where a list is wanted", "sections:\n  - id: a\n    title: A\n    content:\n      - list: ei lista\n",
     "S103", 9, 15, ["luettelo"]),
    ("number-like item is fine as text but a mapping is not", "data_subjects:\n  items:\n    - {a: b}\n",
     "S103", 7, 7, ["tekstiä"]),
]


@pytest.mark.parametrize("name,extra,code,line,column,words", CASES, ids=[c[0] for c in CASES])
def test_errors_point_at_the_shape_the_editor_meant(name, extra, code, line, column, words):
    document, problems = load_text((BASE + extra).encode(), "t.yaml", boolean_keys())
    assert problems == []
    found = validate_document(document)
    assert [(p.code, p.line, p.column) for p in found] == [(code, line, column)]
    text = found[0].message + " " + found[0].hint
    for word in words:
        assert word in text
