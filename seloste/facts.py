"""The facts a free text can declare that it states (``states:``), and the topic each belongs to.

A paragraph, list, list item, table row, heading or own section of a register may say which
GDPR points its words state: ``states: [access, erasure]`` on a paragraph that tells both
rights. Lint then counts those points as stated, and the diff classes a change of that text
under the topic. The schema lists the same names (``$defs/fact``; a test keeps the two equal);
this module says what each one means to lint and the diff.
"""

from __future__ import annotations

from seloste.load import as_list

# fact -> the topic of the register it belongs to (where the diff reports a change to its text).
TOPIC_OF: dict[str, str] = {
    # the rights of GDPR 15-21 and 7(3), and the complaint (13(2)(d))
    "access": "rights",
    "rectification": "rights",
    "erasure": "rights",
    "restriction": "rights",
    "objection": "rights",
    "portability": "rights",
    "withdraw_consent": "rights",
    "complaint": "complaint",
    # the legal bases of GDPR 6(1), and the legitimate interest itself (13(1)(d))
    "consent": "purposes",
    "contract": "purposes",
    "legal_obligation": "purposes",
    "vital_interests": "purposes",
    "public_task": "purposes",
    "legitimate_interests": "purposes",
    "legitimate_interest": "purposes",
    # the other points of GDPR 13 and 14, and the statements that there is none
    "controller": "controller",
    "dpo": "dpo",
    "no_dpo": "dpo",
    "purposes": "purposes",
    "data_subjects": "data_subjects",
    "data_categories": "data_categories",
    "sources": "sources",
    "recipients": "recipients",
    "no_recipients": "recipients",
    "processors": "processors",
    "transfers": "transfers",
    "no_transfers": "transfers",
    "retention": "retention",
    "security": "security",
    "provision_requirement": "provision_requirement",
    "automated_decisions": "automated_decisions",
    "no_automated_decisions": "automated_decisions",
}

RIGHTS = frozenset(fact for fact, topic in TOPIC_OF.items() if topic == "rights")
BASES = frozenset({"consent", "contract", "legal_obligation", "vital_interests", "public_task", "legitimate_interests"})


def block_facts(block) -> tuple[str, ...]:
    """The facts a content block, list entry, table row or own section declares ((): none)."""
    return tuple(as_list(block.get("states"))) if isinstance(block, dict) else ()


def stated(data: dict) -> dict[str, list[tuple]]:
    """Every fact the register's texts declare, with the path of each block that declares it,
    in file order: ``{"erasure": [("rights", "intro", 0)]}``. The first layer's own words
    (``first_layer``) sum the notice up: what they declare is not told by the notice itself."""
    found: dict[str, list[tuple]] = {}

    def walk(value, path):
        if isinstance(value, dict):
            for fact in block_facts(value):
                found.setdefault(fact, []).append(path)
            for key, sub in value.items():
                if key not in ("states", "lint", "wording", "first_layer"):
                    walk(sub, (*path, key))
        elif isinstance(value, list):
            for index, sub in enumerate(value):
                walk(sub, (*path, index))

    walk(data, ())
    return found


def fact_names() -> dict[str, str]:
    """Each fact's name in Finnish, as the schema's help text gives it (``erasure`` ->
    ``oikeus tietojen poistamiseen (GDPR 17)``)."""
    from seloste.resources import schema

    definition = schema()["$defs"]["fact"]
    return dict(zip(definition["enum"], definition["enumDescriptions"]))
