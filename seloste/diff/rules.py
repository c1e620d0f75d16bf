"""Which changes are material: the table of ``docs/diff.md``, and the kinds of entry it speaks of."""

from __future__ import annotations

from seloste.diff.model import ADDED
from seloste.diff.model import CHANGED
from seloste.diff.model import REMOVED

ALL = frozenset({ADDED, REMOVED, CHANGED})

# Which actions on which kind of entry are material: (topic, kind) -> actions. Everything else,
# every move and every change that is only a wording fix (see is_wording_fix) is editorial.
# docs/diff.md explains each row.
MATERIAL: dict[tuple[str, str], frozenset] = {
    ("register", "register"): frozenset({ADDED, REMOVED}),
    ("controller", "controller_field"): ALL,
    ("controller", "notes"): ALL,
    ("joint_controllers", "joint_controller"): ALL,
    ("joint_controllers", "arrangement"): ALL,
    ("joint_controllers", "intro"): ALL,
    ("joint_controllers", "notes"): ALL,
    ("dpo", "dpo_field"): ALL,
    ("research", "research_leader"): ALL,
    ("research", "research_party"): frozenset({ADDED, CHANGED}),
    ("research", "after_study"): ALL,
    ("research", "intro"): ALL,
    ("research", "notes"): ALL,
    ("dpo", "notes"): ALL,
    ("dpo", "none"): frozenset({REMOVED}),
    ("purposes", "purpose"): frozenset({ADDED, CHANGED}),
    ("purposes", "register_basis"): ALL,
    ("purposes", "intro"): ALL,
    ("purposes", "notes"): ALL,
    ("data_categories", "data_category"): frozenset({ADDED, CHANGED}),
    ("data_categories", "group_intro"): ALL,
    ("data_categories", "intro"): ALL,
    ("data_categories", "notes"): ALL,
    ("sources", "source"): frozenset({ADDED, CHANGED}),
    ("sources", "intro"): ALL,
    ("sources", "notes"): ALL,
    ("recipients", "recipient"): frozenset({ADDED, CHANGED}),
    ("recipients", "none"): frozenset({REMOVED}),
    ("recipients", "intro"): ALL,
    ("recipients", "notes"): ALL,
    ("recipients", "list_intro"): ALL,
    ("processors", "processor"): frozenset({ADDED, CHANGED}),
    ("processors", "intro"): ALL,
    ("processors", "notes"): ALL,
    ("processors", "list_intro"): ALL,
    ("transfers", "transfer"): frozenset({ADDED, CHANGED}),
    ("transfers", "none"): frozenset({REMOVED}),
    ("transfers", "intro"): ALL,
    ("transfers", "notes"): ALL,
    ("retention", "retention_item"): ALL,
    ("retention", "intro"): ALL,
    ("retention", "notes"): ALL,
    ("rights", "right"): frozenset({REMOVED, CHANGED}),
    ("rights", "intro"): ALL,
    ("rights", "notes"): ALL,
    ("complaint", "authority"): frozenset({REMOVED, CHANGED}),
    ("complaint", "intro"): ALL,
    ("complaint", "notes"): ALL,
    ("data_subjects", "data_subject"): frozenset({ADDED}),
    # A group of data subjects with its own data and retention: a new group, new or changed
    # data of a group, any change to its retention or to the text about it.
    ("data_subjects", "subject_group"): frozenset({ADDED}),
    ("data_subjects", "subject_intro"): ALL,
    ("data_subjects", "data_category"): frozenset({ADDED, CHANGED}),
    ("data_subjects", "retention_item"): ALL,
    ("provision_requirement", "provision_kind"): frozenset({CHANGED}),
    ("provision_requirement", "provision_consequences"): ALL,
    ("automated_decisions", "automated_decision"): frozenset({ADDED, CHANGED}),
    ("automated_decisions", "none"): frozenset({REMOVED}),
    ("automated_decisions", "intro"): ALL,
    ("automated_decisions", "notes"): ALL,
    # An own section is free text that can tell anything (cookies, profiling, a new disclosure);
    # so is the text before the first section and after the last.
    ("section", "custom_section"): ALL,
    ("preamble", "preamble"): ALL,
    ("closing", "closing"): ALL,
    # The first layer's own words (first_layer) are what many data subjects read first.
    ("first_layer", "first_layer_part"): ALL,
    # A text that declares the facts it states ("states:") is classed by the first fact's topic:
    # a change to it is material wherever that topic's statements are.
    ("controller", "stated"): ALL,
    ("purposes", "stated"): ALL,
    ("dpo", "stated"): ALL,
    ("data_subjects", "stated"): frozenset({ADDED}),
    ("data_categories", "stated"): ALL,
    ("sources", "stated"): ALL,
    ("recipients", "stated"): ALL,
    ("processors", "stated"): ALL,
    ("transfers", "stated"): ALL,
    ("retention", "stated"): ALL,
    ("rights", "stated"): ALL,
    ("complaint", "stated"): ALL,
    ("provision_requirement", "stated"): ALL,
    ("automated_decisions", "stated"): ALL,
    # A Finnish text changed while a published translation of it did not: the languages differ.
    ("translations", "left_behind"): ALL,
    # A language published or withdrawn: a page of the notice appears or goes.
    ("translations", "language"): frozenset({ADDED, REMOVED}),
    # A translation corrected while its Finnish text stayed: that language's readers are told
    # something new, unless it is only a wording fix.
    ("translations", "translation"): frozenset({CHANGED}),
}

# Kinds whose identity is their text: unmatched ones are paired by similar wording.
TEXT_KINDS = frozenset({
    "purpose", "data_subject", "subject_group", "data_category", "data_group", "source", "recipient", "processor",
    "transfer", "security_item", "retention_item", "automated_decision", "history_entry", "stated", "research_party",
})
# Identity and contact details: every change counts, however small.
EXACT_KINDS = frozenset({"controller_field", "dpo_field", "joint_controller", "research_leader", "authority",
                         "layout", "updated", "version"})
# Entries that name an organisation or a country: one letter may be another company ("Google LLC"
# and "Google LLP"), so only punctuation, capitals, spacing and markup count as a wording fix.
NAMED_KINDS = frozenset({"recipient", "processor", "transfer", "research_party"})
# Entries whose group is part of what they are: the same data of another group of people is
# another fact. They are paired only within their group (a renamed group, its naming entry
# paired by wording, is the same group), and never move between groups.
GROUP_IDENTITY = frozenset({("data_subjects", "data_category"), ("data_subjects", "retention_item")})
# The kinds of entry that name those groups (their key is the group's name).
GROUP_NAMERS = frozenset({"subject_group"})
