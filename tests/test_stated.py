"""Texts that declare the facts they state (``states:``): the schema, the notice, validation and the diff."""

from __future__ import annotations

import copy

import pytest
from conftest import FIXTURES

from seloste import diff
from seloste import facts
from seloste import project
from seloste.load import load_text
from seloste.notice import build_notice
from seloste.render import render_html
from seloste.render import render_markdown
from seloste.render import render_text
from seloste.resources import schema
from seloste.validate import validate_document

TAGGED = FIXTURES / "merkitty-teksti.yaml"
BOOLEANS = frozenset({"none", "public", "ordered", "numbered"})


def _data() -> dict:
    register, problems = project.load_register(TAGGED)
    assert register is not None, [p.format_text() for p in problems]
    return copy.deepcopy(register.data)


def _without_states(value):
    """The same content written without any ``states``: tagged paragraphs, entries and rows
    in their plain shapes."""
    if isinstance(value, dict):
        if set(value) == {"text", "states"}:
            return value["text"]
        if set(value) == {"cells", "states"}:
            return value["cells"]
        return {key: _without_states(sub) for key, sub in value.items() if key != "states"}
    if isinstance(value, list):
        return [_without_states(sub) for sub in value]
    return value


def _problems(text: str):
    document, problems = load_text(text.encode(), "policy/x.yaml", BOOLEANS)
    assert not problems, problems
    return validate_document(document)


def test_the_schema_names_exactly_the_facts_lint_and_the_diff_know():
    definition = schema()["$defs"]["fact"]
    assert definition["enum"] == list(facts.TOPIC_OF)
    assert len(definition["enumDescriptions"]) == len(definition["enum"])
    assert all(definition["enumDescriptions"])
    assert set(facts.TOPIC_OF.values()) <= set(schema()["properties"])  # each fact belongs to a topic of the register


def test_declaring_facts_changes_no_word_of_the_notice():
    tagged = _data()
    plain = _without_states(tagged)
    assert plain != tagged
    for render in (render_html, render_markdown, render_text):
        assert render(build_notice("x", tagged)) == render(build_notice("x", plain))


def test_every_place_a_fact_can_be_declared_is_found_with_its_path():
    found = facts.stated(_data())
    assert found["no_dpo"] == [("dpo", "notes", 0)]
    assert found["recipients"] == [("sections", 0)]  # a whole own section
    assert found["retention"] == [("sections", 1, "content", 0, "table", "rows", 0),
                                  ("sections", 1, "content", 0, "table", "rows", 1)]
    assert found["provision_requirement"] == [("sections", 2, "content", 0)]  # a heading
    assert found["no_automated_decisions"] == [("sections", 2, "content", 3, "list", 0)]  # a list entry
    assert found["erasure"] == [("rights", "intro", 0)]
    assert set(found) >= {"access", "rectification", "restriction", "objection", "portability", "complaint",
                          "contract", "legal_obligation", "legitimate_interests", "legitimate_interest"}


def test_a_fact_declared_only_in_the_first_layer_is_not_told_by_the_notice():
    data = _data()
    data["first_layer"] = {"rights": [{"text": "Voit siirtää tietosi toiseen palveluun.", "states": ["portability"]}]}
    found = facts.stated(data)
    assert ("first_layer", "rights", 0) not in [path for paths in found.values() for path in paths]
    assert found == facts.stated(_data())


def test_a_single_fact_may_be_written_without_brackets():
    assert facts.block_facts({"text": "x", "states": "erasure"}) == ("erasure",)
    assert facts.block_facts({"text": "x", "states": ["erasure", "access"]}) == ("erasure", "access")
    assert facts.block_facts("x") == ()


_REGISTER = """\
layout: gdpr
name: Testi
controller: {name: Testi Oy}
purposes:
  intro:
%s
"""


@pytest.mark.parametrize("block, code, hint", [
    ("    - {text: Peruste on sopimus., states: sopimus}", "S104", "tarkoititko 'contract'?"),
    ("    - {text: Voit pyytää tietosi., states: [acces]}", "S104", "tarkoititko 'access'?"),
    ("    - {text: Kaksi kertaa., states: [access, access]}", "S118", ""),
    ("    - {text: Ei mitään., states: []}", "S106", ""),
    ("    - {list: [{text: Kohta, states: retension}]}", "S104", "tarkoititko 'retention'?"),
    ("    - {table: {columns: [A, B], rows: [{cells: [a], states: retention}]}}", "S114", ""),
    ("    - {table: {columns: [A], rows: [{cells: [a], states: säilytys}]}}", "S104", "tarkoititko 'retention'?"),
], ids=["finnish word", "misspelt", "twice", "empty", "list entry", "row cells counted", "row's fact"])
def test_a_mistaken_declaration_is_named_at_its_place(block, code, hint):
    problems = _problems(_REGISTER % block)
    assert [problem.code for problem in problems] == [code]
    assert problems[0].line == 6
    assert hint in problems[0].hint


def test_an_own_section_may_follow_an_own_section_written_before_it():
    text = """\
layout: gdpr
name: Testi
controller: {name: Testi Oy}
sections:
  - {id: ensin, title: Ensin, after: rekisterinpitaja, content: Yksi.}
  - {id: sitten, title: Sitten, after: ensin, content: Kaksi.}
  - {id: vaarin, title: Väärin, after: viimeinen, content: Kolme.}
  - {id: viimeinen, title: Viimeinen, content: Neljä.}
"""
    problems = _problems(text)
    assert [(problem.code, problem.line) for problem in problems] == [("S111", 7)]
    document, _ = load_text(text.replace("  - {id: vaarin, title: Väärin, after: viimeinen, content: Kolme.}\n", "")
                            .encode(), "policy/x.yaml", BOOLEANS)
    ids = [section.id for section in build_notice("x", document.data).sections]
    assert ids.index("sitten") == ids.index("ensin") + 1 == ids.index("rekisterinpitaja") + 2
    assert ids[-1] == "viimeinen"


# --- the diff ---------------------------------------------------------------------------------

def _changes(edit):
    old = _data()
    new = copy.deepcopy(old)
    edit(new)
    return diff.register_changes(old, new)


def test_a_change_to_a_text_that_declares_rights_is_a_material_change_of_the_rights():
    def edit(data):
        data["rights"]["intro"][0]["text"] = data["rights"]["intro"][0]["text"].replace(
            "ja saada antamasi tiedot koneluettavassa muodossa", "")
    [change] = _changes(edit)
    assert (change.section, change.topic, change.kind, change.action, change.material) == (
        "Rekisteröidyn oikeudet", "rights", "stated", "changed", True)


def test_a_change_inside_an_own_section_is_classed_by_the_facts_it_declares():
    def edit(data):
        data["sections"][1]["content"][0]["table"]["rows"][0]["cells"][1] = "Kymmenen vuotta"
    [change] = _changes(edit)
    assert (change.section, change.topic, change.kind, change.material) == (
        "Kauanko tietoja säilytetään", "retention", "stated", True)
    assert "Kymmenen vuotta" in change.detail


def test_declaring_another_fact_is_a_material_change_named_in_words():
    def edit(data):
        data["rights"]["intro"][1]["states"] = ["complaint", "withdraw_consent"]
    [change] = _changes(edit)
    assert change.material and change.action == "changed"
    assert "oikeus peruuttaa suostumus" in change.detail


def test_an_untagged_paragraph_beside_tagged_ones_is_still_its_topic_s_intro():
    def edit(data):
        data["purposes"]["intro"][0] = "Käytämme tietoja vain tilausten toimittamiseen."
    [change] = _changes(edit)
    assert (change.kind, change.topic, change.material) == ("intro", "purposes", True)


def test_a_register_without_declarations_records_the_same_items_as_before():
    # Content without "states" is one item, as it always was: its words and its source.
    data = _without_states(_data())
    notice = build_notice("x", data)
    assert not [item for item in notice.items if item.kind == "stated"]
    intro = next(item for item in notice.items if item.topic == "rights" and item.kind == "intro")
    assert intro.text.startswith("Sinulla on oikeus saada tietää") and intro.text.endswith("toimistolle.")


# --- lint -----------------------------------------------------------------------------------

from lint_helpers import MINIMAL  # noqa: E402
from lint_helpers import findings  # noqa: E402

from seloste.lint import RULES  # noqa: E402
from seloste.lint import matrix  # noqa: E402

_TAGGED_SECTION = """\
sections:
  - id: oma
    title: Oma luku
    content:
      - text: Tämä kappale kertoo asian omin sanoin.
        states: %s
"""
_RULES_WITH_FACTS = [rule for rule in RULES if getattr(rule, "FACTS", ())]


def test_rules_that_a_declared_fact_satisfies_say_which_facts():
    assert {rule.ID for rule in _RULES_WITH_FACTS} >= {
        "GDPR-13-2-d", "GDPR-13-1-e", "GDPR-13-1-f", "GDPR-13-2-f", "GDPR-13-2-e", "GDPR-14-2-f", "GDPR-14-1-d",
        "GDPR-13-1-d", "GDPR-13-1-a", "GDPR-13-1-b", "GDPR-13-1-c", "GDPR-13-2-a", "GDPR-13-2-b", "GDPR-13-2-c"}
    assert all(set(rule.FACTS) <= set(facts.TOPIC_OF) for rule in _RULES_WITH_FACTS)


_PROVOKE = {  # what makes the rule ask for its point at all
    "GDPR-13-1-d": "purposes:\n  legal_basis: legitimate_interests\n  items: [Markkinointi]\n",
    "GDPR-13-2-c": "purposes:\n  legal_basis: consent\n  items: [Uutiskirje]\n",
}
_TOGETHER = {"GDPR-13-2-b"}  # rules whose facts state the point only all together
_HEAD = {  # a register whose head lacks the point
    "GDPR-13-1-a": "layout: gdpr\nname: R\ncontroller:\n  name: Oy\n  business_id: 2695377-4\n",
}


@pytest.mark.parametrize("rule", _RULES_WITH_FACTS, ids=lambda rule: rule.ID)
def test_a_point_declared_in_the_register_s_own_text_is_stated(rule):
    provoke = _PROVOKE.get(rule.ID, "")
    head = _HEAD.get(rule.ID, MINIMAL)
    without = findings(rule, provoke + _TAGGED_SECTION % "security", head)
    assert without, "the point must be missing when no text declares it"
    for states in ([list(rule.FACTS)] if rule.ID in _TOGETHER else rule.FACTS):
        assert findings(rule, provoke + _TAGGED_SECTION % states, head) == [], states
    if rule.ID in _TOGETHER:
        assert findings(rule, provoke + _TAGGED_SECTION % list(rule.FACTS[1:]), head)


def test_a_declared_none_beside_listed_items_is_a_contradiction():
    body = "transfers:\n  items: [{text: Palvelu, country: Yhdysvallat, safeguard: standard_contractual_clauses}]\n" + \
        _TAGGED_SECTION % "no_transfers"
    transfers = next(rule for rule in RULES if rule.ID == "GDPR-13-1-f")
    [problem] = findings(transfers, body)
    assert "none: true" in problem.message


def test_the_matrix_shows_a_point_stated_in_the_register_s_own_text():
    from lint_helpers import register_from
    from lint_helpers import MINIMAL

    register = register_from(MINIMAL + _TAGGED_SECTION % "[no_transfers, complaint]")
    page = matrix.render_matrix([register], []).decode()
    assert page.count("✓ tekstissä") == 2
    assert "tietoja ei siirretä EU:n tai ETA:n ulkopuolelle" in page


def _rule(rule_id):
    return next(rule for rule in RULES if rule.ID == rule_id)


def _at(rule_id, body):
    return [(problem.line, problem.message) for problem in findings(_rule(rule_id), body)]


def test_a_declared_legitimate_interest_basis_still_asks_what_the_interest_is():
    [(line, message)] = _at("GDPR-13-1-d", _TAGGED_SECTION % "legitimate_interests")
    assert line == 10 and "states: legitimate_interests" in message  # at the paragraph that declares it
    assert _at("GDPR-13-1-d", _TAGGED_SECTION % "[legitimate_interests, legitimate_interest]") == []


def test_a_declared_legal_obligation_still_asks_for_its_law():
    [(line, message)] = _at("GDPR-6-3", _TAGGED_SECTION % "legal_obligation")
    assert line == 10 and "lakia" in message
    with_law = (_TAGGED_SECTION % "legal_obligation").replace("asian omin sanoin.", "kirjanpitolain (1336/1997) mukaan.")
    assert _at("GDPR-6-3", with_law) == []


def test_a_declared_consent_still_asks_for_the_right_to_withdraw_it():
    [(_line, message)] = _at("GDPR-13-2-c", _TAGGED_SECTION % "consent")
    assert "suostumus (rivi 10)" in message
    assert _at("GDPR-13-2-c", _TAGGED_SECTION % "[consent, withdraw_consent]") == []


def test_a_declared_none_for_the_dpo_stands_beside_a_none_sentence_only_once():
    body = "dpo:\n  none: true\n" + _TAGGED_SECTION % "no_dpo"
    assert _at("GDPR-13-1-b", body) == []
