"""The tool's own words in each of its languages: phrases, dates, the authority, the layouts'
titles and the words of the pages, all data, asked for by language."""

from __future__ import annotations

import pytest

from seloste import resources
from seloste.notice.words import display_date
from seloste.notice.words import finnish_date

# --- dates ----------------------------------------------------------------------------------

DATES = [
    ("fi", "2024-05-01", "1.5.2024"),
    ("fi", "2024-12-31", "31.12.2024"),
]


@pytest.mark.parametrize("language, iso, shown", DATES, ids=lambda value: str(value))
def test_a_date_reads_as_its_language_writes_it(language, iso, shown):
    assert display_date(iso, language) == shown


def test_the_finnish_date_is_the_finnish_case_of_display_date():
    for month in range(1, 13):
        iso = f"2024-{month:02}-0{month % 9 + 1}"
        assert finnish_date(iso) == display_date(iso, "fi") == f"{month % 9 + 1}.{month}.2024"


def test_a_language_without_phrases_is_refused():
    with pytest.raises(ValueError, match="'de'"):
        display_date("2024-05-01", "de")
    with pytest.raises(ValueError, match="'de'"):
        resources.phrases("de")
