"""One sentence a line in the Markdown output: where a sentence ends, and that the split is invisible."""

from __future__ import annotations

import pytest
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
