#!/usr/bin/env python3
"""How closely a rendered notice keeps the words of an original one, and how much of it is structured.

``python tools/wordratio.py ORIGINAL.txt RENDERED.txt [--register REGISTER.yaml]``

- *word ratio*: the lower-cased word tokens (``\\w+``) of the two texts compared with
  ``difflib.SequenceMatcher(autojunk=False).ratio()``: 1.0 when the rendered notice says word
  for word what the original says, in the same order;
- with ``--register``, the *structured or tagged share*: of the words in the register's strings, those
  outside free text (``intro``, ``notes``, the register's own ``sections``, a right's own
  ``text``) and outside the words that frame the notice (``preamble``, ``closing``, ``subtitle``,
  ``section_titles``, ``wording``), or inside a text that declares its facts (``states:``): the
  words lint and the diff read as facts.

For measuring how well a notice moved in as it stands; it reads the files and writes nothing.
"""

from __future__ import annotations

import argparse
import difflib
import pathlib
import re
import sys

import yaml

# Free text, and the words that frame the notice rather than state its facts; and a right's own "text".
FREE_TEXT = frozenset({"intro", "notes", "sections", "preamble", "closing", "subtitle", "section_titles", "wording"})
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def ratio(original: str, rendered: str) -> float:
    return difflib.SequenceMatcher(None, words(original), words(rendered), autojunk=False).ratio()


def word_counts(value, free: bool = False, key: str = "", parent: str = "") -> tuple[int, int]:
    """(words in structured fields, words in free text) of a register's data."""
    if isinstance(value, str):
        count = len(words(value))
        return (0, count) if free else (count, 0)
    structured = loose = 0
    if isinstance(value, dict):
        tagged = "states" in value  # a text that declares the facts it states is read by lint
        for child_key, child in value.items():
            in_free = not tagged and (free or child_key in FREE_TEXT or (parent == "rights" and child_key == "text"))
            if child_key in ("layout", "language", "lint", "id", "after", "legal_basis", "right", "origin",
                             "kind", "authority", "safeguard", "special_category", "condition", "action", "section_order",
                             "omit_sections", "numbered", "states", "updated_position", "within"):
                continue  # settings, not words of the notice
            s, f = word_counts(child, in_free, child_key, key)
            structured, loose = structured + s, loose + f
    elif isinstance(value, list):
        under_tagged = False  # blocks under a sub-heading that declares its facts are read with it
        for child in value:
            if isinstance(child, dict) and "heading" in child:
                under_tagged = "states" in child
            s, f = word_counts(child, free and not under_tagged, key, parent)
            structured, loose = structured + s, loose + f
    return structured, loose


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("original", type=pathlib.Path)
    parser.add_argument("rendered", type=pathlib.Path)
    parser.add_argument("--register", type=pathlib.Path, help="the register the rendered notice was made from")
    args = parser.parse_args()
    original = args.original.read_text(encoding="utf-8")
    rendered = args.rendered.read_text(encoding="utf-8")
    print(f"word ratio: {ratio(original, rendered):.3f} ({len(words(original))} words against {len(words(rendered))})")
    if args.register:
        data = yaml.safe_load(args.register.read_text(encoding="utf-8"))
        structured, loose = word_counts(data)
        total = structured + loose
        print(f"structured or tagged share: {structured / total if total else 0:.2f} ({structured} of {total} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
