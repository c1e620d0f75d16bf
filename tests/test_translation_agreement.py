"""T618: a translation keeps the facts its Finnish text states in words: numbers, e-mail
addresses and the sites it links to."""

from __future__ import annotations

import pytest
from conftest import POLICY
from translation_helpers import REGISTER
from translation_helpers import SWEDISH
from translation_helpers import policy
from translation_helpers import translation_yaml

from seloste import project
from seloste.translations.agreement import differences

RETENTION = REGISTER + "retention:\n  intro: Tiedot säilytetään 5 vuotta. Kysy osoitteesta tietosuoja@esimerkki.fi\n"
RETENTION_FI = "Tiedot säilytetään 5 vuotta. Kysy osoitteesta tietosuoja@esimerkki.fi"


def _problems(tmp_path, text: str) -> list:
    texts = {**SWEDISH, "retention.intro": text}
    policy_dir = policy(tmp_path, RETENTION, sv=translation_yaml(texts, sources={"retention.intro": RETENTION_FI}))
    paths, _ = project.discover(policy_dir)
    _, problems = project.load_registers(paths, policy_dir)
    return [problem for problem in problems if problem.code == "T618"]


def test_a_translation_stating_another_number_is_a_warning_at_its_text(tmp_path):
    [problem] = _problems(tmp_path, "Uppgifterna sparas i 3 år. Fråga på tietosuoja@esimerkki.fi")
    assert (problem.path.rsplit("/", 1)[-1], problem.level) == ("rek.sv.yaml", "warning")
    assert (problem.line, problem.column) == (21, 11)  # the entry's text, the last of the file
    assert "retention.intro" in problem.message and "luku 3," in problem.message


def test_a_translation_leaving_out_or_changing_an_e_mail_address_is_a_warning(tmp_path):
    [problem] = _problems(tmp_path, "Uppgifterna sparas i 5 år. Fråga på dataskydd@esimerkki.fi")
    assert "sähköpostiosoite tietosuoja@esimerkki.fi puuttuu" in problem.message
    assert "sähköpostiosoitetta dataskydd@esimerkki.fi ei ole" in problem.message


def test_a_translation_that_keeps_the_facts_in_its_own_words_is_not_reported(tmp_path):
    assert _problems(tmp_path, "Uppgifterna sparas i fem år. Fråga på tietosuoja@esimerkki.fi") == []
    assert _problems(tmp_path, "Uppgifterna sparas i 5 år. Fråga på tietosuoja@esimerkki.fi") == []


@pytest.mark.parametrize("source, text, expected", [
    # another page of the same site is the same site; another site is not
    ("Lue [sivuilta](https://esimerkki.fi/tietosuoja).", "Läs [här](https://www.esimerkki.fi/sv/dataskydd).", []),
    ("Lue [sivuilta](https://esimerkki.fi/tietosuoja).", "Läs [här](https://toinen.example/sv).",
     ["linkki sivustolle toinen.example, jolle suomenkielinen teksti ei linkitä"]),
    # the minutes of a time and a date written the language's way add no number
    ("Arkisin klo 9–16", "Weekdays 9:00–16:00", []),
    ("Päivitetty 1.3.2025", "Updated 1 March 2025", []),
    # numbers inside addresses are the address's
    ("Lue [sivuilta](https://esimerkki.fi/2024/ohje).", "Read [the page](https://esimerkki.fi/2025/guide).", []),
    ("Säilytämme 6 kuukautta ja 2 vuotta.", "We keep it for 6 months and 12 years.",
     ["luku 12, jota suomenkielisessä tekstissä ei ole"]),
    ("Säilytämme 6 kuukautta.", "We keep it for 7 or 8 months.", ["luvut 7, 8, joita suomenkielisessä tekstissä ei ole"]),
])
def test_differences(source, text, expected):
    assert differences(source, text, markdown=True) == expected


def test_the_shipped_translations_keep_their_facts():
    paths, _ = project.discover(POLICY)
    registers, problems = project.load_registers(paths, POLICY)
    assert any(register.translations for register in registers)
    assert [problem for problem in problems if problem.code == "T618"] == []
