"""Work grows linearly with the input: counted for inputs of size N and 4N, never timed.

Two counters. For the sentence splitter, the characters handed to every regular expression
of ``seloste.markup`` (a search over the whole text since the last split is what made it
quadratic). For the rest, the lines of Python executed in ``seloste`` and ``difflib`` while
a paragraph is written out or two registers are compared; the count stops at a cap, so
quadratic code fails the test quickly instead of running for minutes.

Linear work gives a ratio near 4 between 4N and N; quadratic work near 16.
"""

from __future__ import annotations

import pathlib
import random
import re
import sys

import pytest

import seloste
from seloste import diff
from seloste import markup
from seloste.markup import direct
from seloste import project

LINEAR = 5.0  # the most that 4N may cost over N
CAP = 20_000_000  # lines of Python: far beyond what the bounded code needs
PACKAGE = str(pathlib.Path(seloste.__file__).parent)  # every module of the package, diff/ and markup/ too


class _Scanned:
    """A compiled pattern that adds up the characters each search of it is given to look through."""

    def __init__(self, pattern: re.Pattern, counter: list):
        self._pattern, self._counter = pattern, counter

    def __getattr__(self, name):
        method = getattr(self._pattern, name)
        if name not in ("search", "match", "fullmatch", "finditer", "findall"):
            return method

        def scan(string, pos=0, endpos=sys.maxsize):
            self._counter[0] += max(0, min(endpos, len(string)) - pos)
            return method(string, pos, endpos)

        return scan


def scanned(monkeypatch, function, *args) -> int:
    """Characters that ``seloste.markup``'s regular expressions search while ``function`` runs."""
    counter = [0]
    with monkeypatch.context() as patch:
        for name, value in vars(markup).items():
            if isinstance(value, re.Pattern):
                patch.setattr(markup, name, _Scanned(value, counter))
        function(*args)
    return counter[0]


class _CapReached(Exception):
    pass


def lines_run(function, *args) -> int:
    """Lines of Python run in ``seloste`` and ``difflib`` while ``function`` runs, up to :data:`CAP`."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
            if count > CAP:
                raise _CapReached
        return local

    def calls(frame, event, arg):
        filename = frame.f_code.co_filename
        return local if filename.startswith(PACKAGE) or filename.endswith("difflib.py") else None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        function(*args)
    except _CapReached:
        return CAP + 1
    finally:
        sys.settrace(previous)
    return count


def assert_linear(small: int, large: int) -> None:
    assert small <= CAP and large <= CAP, f"work beyond the cap: {small} for N, {large} for 4N"
    assert large <= LINEAR * small, f"work for 4N is {large / small:.1f} times the work for N ({small} → {large})"


# --- the sentence splitter --------------------------------------------------------------------

def abbreviations(size: int) -> str:
    """One sentence of ``size`` abbreviations, each followed by a capital: not one of them ends it."""
    pieces = ["esim. Kela", "ks. A.", "mm. Verohallinto", "vrt. 8 §.", "ns. Evästeet", "n. 5 kpl.", "1. Kohta"]
    return "Tiedot " + " ".join(pieces[number % len(pieces)] for number in range(size)) + " loppuun."


def test_splitting_a_paragraph_of_abbreviations_is_linear(monkeypatch):
    small, large = abbreviations(300), abbreviations(1200)
    assert markup.split_sentences(large) == [large]
    assert_linear(scanned(monkeypatch, markup.split_sentences, small),
                  scanned(monkeypatch, markup.split_sentences, large))


def test_markdown_of_a_paragraph_full_of_emphasis_is_linear():
    def work(count):
        text = markup.markdown(" ".join(f"*sana{number}* ja **toinen{number}**," for number in range(count)))
        return lines_run(markup.to_markdown, text)

    assert_linear(work(500), work(2000))


ELEMENTS = ["*sana{n}*", "_sana{n}_", "`koodi{n}`", "a\\* {n}", "sana &amp; {n}", "<https://a.example/{n}>",
            "[linkki](https://a.example/?a={n}&b=2)", "rivi {n}  \nrivi"]


@pytest.mark.parametrize("element", ELEMENTS)
def test_reading_a_paragraph_dense_with_inline_elements_is_linear(element):
    def work(count):
        source = " ".join(element.format(n=number) for number in range(count))
        # Read directly (the parser, outside the package, would not be counted).
        assert direct.read(source) is not None
        return lines_run(markup.markdown, source)

    assert_linear(work(500), work(2000))


# --- the diff ---------------------------------------------------------------------------------

REGISTER = """\
layout: gdpr
name: Kasvutesti
controller:
  name: Esimerkki Oy
  email: tietosuoja@esimerkki.example
purposes:
  items:
{purposes}
sections:
  - id: lisatietoja
    title: Lisätietoja
    content:
{paragraphs}
"""


def register(purposes: list[str], paragraphs: list[str]):
    source = REGISTER.format(
        purposes="\n".join(f"    - text: {text}\n      legal_basis: contract" for text in purposes),
        paragraphs="\n".join(f"      - {text}" for text in paragraphs))
    found, problems = project.register_from_source("kasvutesti", "kasvutesti.yaml", source.encode("utf-8"))
    assert found is not None, problems
    return found


def compare(before, after) -> diff.Report:
    return diff.compare(diff.Side("vanha", {"kasvutesti": before}, []), diff.Side("uusi", {"kasvutesti": after}, []))


WORDS = ["tieto", "asiakas", "palvelu", "sopimus", "lasku", "viesti", "lomake", "tunnus", "loki", "pyyntö",
         "päätös", "arvio", "raportti", "tilaus", "maksu", "ja", "tai", "sekä", "vain", "myös", "kun", "jos"]


def words(rng: random.Random, count: int) -> list[str]:
    return [rng.choice(WORDS) for _ in range(count)]


def edited(rng: random.Random, text: str, every: int) -> str:
    """``text`` with one word in ``every`` changed."""
    changed = text.split(" ")
    for at in range(rng.randrange(every), len(changed), every):
        changed[at] = rng.choice(WORDS) + "x"
    return " ".join(changed)


def test_a_one_letter_change_in_a_long_word_is_linear():
    rng = random.Random(1)

    def one_word(length):
        word = "".join(rng.choice("abcdefghijklmnopqrstuvwxyzäö") for _ in range(length))
        changed = word[:length // 2] + ("x" if word[length // 2] != "x" else "y") + word[length // 2 + 1:]
        return (register([f"Tieto {word}"], ["Kappale."]), register([f"Tieto {changed}"], ["Kappale."]))

    small, large = one_word(8192), one_word(4 * 8192)
    assert_linear(lines_run(compare, *small), lines_run(compare, *large))
    report = compare(*large)
    assert [change.action for change in report.registers[0].changes] == ["changed"]
    assert not report.registers[0].changes[0].material  # one letter: a wording fix


def differing_everywhere(count: int):
    """Two registers of ``count`` purposes and ``count`` paragraphs, every one of them edited."""
    rng = random.Random(count)
    purposes = [" ".join([f"Tarkoitus{number}", *words(rng, 8)]) for number in range(count)]
    paragraphs = [" ".join(words(rng, 20)) + "." for _ in range(count)]
    return (register(purposes, paragraphs),
            register([edited(rng, text, 5) for text in purposes], [edited(rng, text, 7) for text in paragraphs]))


def test_diff_of_registers_that_differ_everywhere_is_linear():
    small, large = differing_everywhere(60), differing_everywhere(240)
    assert_linear(lines_run(compare, *small), lines_run(compare, *large))
    report = compare(*large)
    changes = report.registers[0].changes
    assert sum(change.kind == "purpose" and change.action == "changed" for change in changes) == 240
    rows = [row for hunk in report.registers[0].hunks for row in hunk.rows]
    assert sum(row.op == "change" for row in rows) >= 480  # every purpose and paragraph, word by word


def long_paragraph(words_in_it: int, rng: random.Random) -> str:
    """Sentences of a few common words, about ``words_in_it`` of them in all."""
    sentences, count = [], 0
    while count < words_in_it:
        length = rng.randint(6, 16)
        sentences.append(" ".join(words(rng, length)).capitalize() + ".")
        count += length
    return " ".join(sentences)


def test_diff_of_one_long_paragraph_changed_everywhere_is_linear():
    def pair(count):
        rng = random.Random(count)
        text = long_paragraph(count, rng)
        return register(["Tarkoitus"], [text]), register(["Tarkoitus"], [edited(rng, text, 40)])

    small, large = pair(1500), pair(6000)
    assert_linear(lines_run(compare, *small), lines_run(compare, *large))
    report = compare(*large)
    rows = [row for hunk in report.registers[0].hunks for row in hunk.rows]
    assert [row.op for row in rows if row.op != "equal"] == ["change"]  # shown word by word



# --- the index page ---------------------------------------------------------------------------

def test_grouping_the_index_by_controller_is_linear():
    from seloste.blocks import IndexEntry
    from seloste.index import groups

    def entries(count):
        return [IndexEntry(id=f"r{number}", language="fi", name=f"Rekisteri {number}", controller=f"Yhteisö {number} ry",
                           updated="2026-01-01", updated_display="1.1.2026", labels={})
                for number in range(count)]

    small, large = entries(300), entries(1200)
    assert len(groups(large)) == 1200
    assert_linear(lines_run(groups, small), lines_run(groups, large))
