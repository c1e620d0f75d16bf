"""One sentence a line in the Markdown output: where a sentence ends, and that the split is invisible."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from seloste import markup
from seloste.markup import split_sentences

SPLITS = [
    ("two sentences", "Tiedot kerätään lomakkeella. Ne säilytetään.", ["Tiedot kerätään lomakkeella.", "Ne säilytetään."]),
    ("question and exclamation", "Mitä? Ei mitään! Kyllä.", ["Mitä?", "Ei mitään!", "Kyllä."]),
    ("esim.", "Tiedot saadaan esim. Kelalta. Ne tarkistetaan.", ["Tiedot saadaan esim. Kelalta.", "Ne tarkistetaan."]),
    ("mm.", "Tietoihin kuuluvat mm. Nimi ja osoite.", ["Tietoihin kuuluvat mm. Nimi ja osoite."]),
    ("ns. at the start", "Ns. Evästeet tallennetaan. Ne poistuvat.", ["Ns. Evästeet tallennetaan.", "Ne poistuvat."]),
    ("section sign", "Käsittely perustuu lain 8 §. Tietoja ei luovuteta.", ["Käsittely perustuu lain 8 §. Tietoja ei luovuteta."]),
    ("ordinal before a lowercase word", "Katso 1. kohta. Se koskee laskutusta.", ["Katso 1. kohta.", "Se koskee laskutusta."]),
    ("ordinal before a capital", "Muutos tuli voimaan 1. Tammikuuta.", ["Muutos tuli voimaan 1. Tammikuuta."]),
    ("sentence starting with an ordinal", "Lue ohje. 2. Kohta kertoo lisää.", ["Lue ohje.", "2. Kohta kertoo lisää."]),
    ("initial", "Yhteyshenkilö on A. Virtanen.", ["Yhteyshenkilö on A. Virtanen."]),
    ("quotation", 'Hän sanoi näin. "Tiedot ovat turvassa."', ["Hän sanoi näin.", '"Tiedot ovat turvassa."']),
    ("parenthesis", "Tietoja ei siirretä. (Poikkeukset alla.)", ["Tietoja ei siirretä.", "(Poikkeukset alla.)"]),
    ("lowercase after a full stop", "Tiedot ks. liite. tämä jatkuu.", ["Tiedot ks. liite. tämä jatkuu."]),
    ("no full stop at the end", "Yksi lause ilman pistettä", ["Yksi lause ilman pistettä"]),
]


@pytest.mark.parametrize(("text", "expected"), [case[1:] for case in SPLITS], ids=[case[0] for case in SPLITS])
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


PARAGRAPHS = [
    ("plain sentences", "Tiedot kerätään lomakkeella. Ne säilytetään viisi vuotta. Sen jälkeen ne poistetaan."),
    ("abbreviations", "Keräämme mm. nimen, esim. osoitteen ja ns. asiakasnumeron. Lain 8 §. Näin on."),
    ("sentence starting with a list-like number", "Lue ohje. 1. Kohta koskee laskutusta. 2) Toinen kohta."),
    ("emphasis and a link", "Lue *tarkemmin* [ohjeesta](https://example.fi/ohje). Kysy **meiltä**. Kiitos."),
    ("characters Markdown would read", "Hinta on 5 * 2 € [arvio]. <Huom> Tämä_ei_ole korostus. # Ei otsikko."),
    ("a dash after a full stop", "Tiedot säilytetään. - Ei luettelo. + Eikä tämä."),
]


@pytest.mark.parametrize("source", [case[1] for case in PARAGRAPHS], ids=[case[0] for case in PARAGRAPHS])
def test_sentence_lines_render_as_the_unsplit_paragraph(source):
    text = markup.markdown(source)
    written = markup.to_markdown(text)
    sentences = len(split_sentences(markup.to_text(text)))
    assert written.count("\n") == sentences - 1, written  # one sentence a line
    unsplit = written.replace("\n", " ")
    parser = MarkdownIt("commonmark")
    # A line break inside a paragraph is a soft break, which HTML shows as a space.
    assert parser.render(written).replace("\n", " ") == parser.render(unsplit).replace("\n", " ")
    assert parser.render(written).count("<p>") == 1


# The splitter as it was first written, searching the whole text since the last split for an
# abbreviation before each candidate end (quadratic in a paragraph of abbreviations): the
# reference that the linear one must agree with.
_REFERENCE_END = re.compile(r"(?<=[.!?]) (?=[\"”'(]?[A-ZÅÄÖ0-9])")
_REFERENCE_NO_END = re.compile(
    r"(?:^|[\s(])(?:esim|mm|ns|ym|yms|jne|ks|vrt|eli|n|s|ts|tms|em|ao|huom|nro|puh|klo|os|kpl|v|ed|engl|ruots|lat|oy|ab|ry|ltd|inc|co|§|\d+|[A-ZÅÄÖ])\.$",
    re.IGNORECASE,
)


def reference_split(value: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _REFERENCE_END.finditer(value):
        head = value[start:match.start()]
        if _REFERENCE_NO_END.search(head):
            continue
        pieces.append(head)
        start = match.end()
    pieces.append(value[start:])
    return pieces


ABBREVIATIONS = ["esim", "mm", "ns", "ym", "yms", "jne", "ks", "vrt", "eli", "n", "s", "ts", "tms", "em", "ao",
                 "huom", "nro", "puh", "klo", "os", "kpl", "v", "ed", "engl", "ruots", "lat", "oy", "ab", "ry",
                 "ltd", "inc", "co", "§"]
PIECES = st.one_of(
    st.sampled_from(ABBREVIATIONS).flatmap(lambda word: st.sampled_from([word, word.upper(), word.capitalize()])),
    st.sampled_from(["Tiedot", "kerätään", "Kelalta", "lain", "Ärrä", "öljy", "A", "b", "Ö", "xesim", "esimx"]),
    st.sampled_from([". ", ".", " ", "  ", "! ", "? ", "(", "\"", "”", "'", "\n", "\t", "\u00a0", "8", "12", "2024"]),
    st.text(alphabet="aäA.!? (\n0§", max_size=4),
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_split_agrees_with_the_reference(value):
    assert split_sentences(value) == reference_split(value)


def test_split_agrees_with_the_reference_on_every_abbreviation():
    for abbreviation in ABBREVIATIONS:
        for word in (abbreviation, abbreviation.upper(), f"x{abbreviation}", f"({abbreviation}"):
            for before in ("", " ", "Se on ", "Se on\n", "Se (", "Lue. "):
                for after in (" Kela", " kela", " 1", " (Kela", " ”Kela"):
                    value = f"{before}{word}.{after}. Toinen."
                    assert split_sentences(value) == reference_split(value), value
