"""``tools/wordratio.py``: the measure of how closely a rendered notice keeps an original's words."""

from __future__ import annotations

import importlib.util

from conftest import ROOT

spec = importlib.util.spec_from_file_location("wordratio", ROOT / "tools" / "wordratio.py")
wordratio = importlib.util.module_from_spec(spec)
spec.loader.exec_module(wordratio)


def test_the_same_words_in_any_case_and_spacing_give_one():
    assert wordratio.ratio("Rekisterin NIMI:\n  Asiakasrekisteri", "rekisterin nimi asiakasrekisteri") == 1.0


def test_a_changed_and_a_missing_word_lower_the_ratio_by_their_share():
    original = "yksi kaksi kolme neljä"
    assert wordratio.ratio(original, "yksi kaksi kolme viisi") == 0.75
    assert wordratio.ratio(original, "yksi kaksi kolme") == 6 / 7


def test_free_text_and_structured_words_are_counted_apart():
    data = {"layout": "gdpr", "name": "Asiakasrekisteri", "purposes": {"intro": "kolme sanaa tässä",
            "items": [{"text": "Laskutus", "legal_basis": "contract"}]},
            "rights": {"items": [{"right": "access", "text": "oma teksti"}]},
            "sections": [{"id": "x", "title": "Oma luku", "content": ["vapaa teksti"]}]}
    # structured: the name and the purpose (1 + 1); free: the intro (3), the right's own text (2), the own
    # section's title and content (2 + 2)
    assert wordratio.word_counts(data) == (2, 9)
    # framing words are not facts: a preamble and the register's own section titles
    framed = {**data, "preamble": "neljä sanaa johdannossa tässä", "section_titles": {"tarkoitukset": "Miksi"}}
    assert wordratio.word_counts(framed) == (2, 14)


def test_words_of_a_text_that_declares_its_facts_count_as_read_by_lint():
    data = {"layout": "gdpr", "name": "Asiakasrekisteri",
            "rights": {"intro": [{"text": "voit pyytää tietosi", "states": ["access"]}, "vapaa kappale",
                                 {"heading": "Poisto", "states": "erasure"}, "alla oleva", {"heading": "Muu"}, "vapaa"]},
            "sections": [{"id": "x", "title": "Oma luku", "states": "retention", "content": ["kuusi vuotta"]}]}
    # tagged: the name (1), the tagged paragraph (3), the tagged heading and the paragraph under it
    # (1 + 2), the tagged section's title and content (2 + 2); free: the untagged paragraph (2), the
    # untagged heading and the paragraph under it (1 + 1)
    assert wordratio.word_counts(data) == (11, 4)
