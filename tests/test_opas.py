"""docs/opas.md, the guide for legal staff: every message they may meet is in it, in Finnish."""

from __future__ import annotations

import re

from conftest import ROOT
from markdown_it import MarkdownIt

from seloste import lint

GUIDE = ROOT / "docs" / "opas.md"


def _guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def test_every_problem_code_is_explained_in_the_guide():
    codes = re.findall(r"^\| ([A-Z][0-9]{3}) ", (ROOT / "docs" / "problem-codes.md").read_text(encoding="utf-8"), re.M)
    assert len(codes) > 70
    missing = [code for code in codes if f"`{code}`" not in _guide()]
    assert missing == []


def test_every_lint_rule_and_lint_s_own_codes_are_explained_in_the_guide():
    ids = [*lint.rule_ids(), lint.UNKNOWN_IGNORE, lint.CONFIG_PROBLEM, "LINT-BASELINE"]
    missing = [rule_id for rule_id in ids if f"`{rule_id}`" not in _guide()]
    assert missing == []


def test_the_guide_is_commonmark_without_raw_html_and_linked_from_the_readme():
    tokens = MarkdownIt("commonmark").parse(_guide())
    assert not [token for token in tokens if token.type == "html_block"]
    assert not [child for token in tokens for child in (token.children or []) if child.type == "html_inline"]
    assert "(docs/opas.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
