"""Stage 3, lint: legal rules over validated registers (GDPR Articles 13 and 14, Finnish law).

Validation says whether a register file is well-formed; lint says whether the notice tells
what the law requires. Each rule is a module in :mod:`seloste.lint.rules` with a stable
``ID``, a ``TITLE``, the legal ``REFERENCE`` its messages cite, a default ``LEVEL`` and a
``check(register)`` that yields :class:`~seloste.problem.Problem` objects. :data:`RULES`
is the explicit registry: a rule that is not listed here does not run.

Two settings change what a rule reports:

- a register silences a rule for itself with ``lint: {ignore: [{rule: ID, reason: ...}]}``;
  the silenced rule and its reason are shown as an ``info`` line;
- a project's ``lint.yaml`` sets a rule's level (``error``, ``warning``, ``info`` or ``off``)
  for every register (see :func:`load_config`).

Nothing here prints or exits: :func:`run` returns problems.
"""

from __future__ import annotations

import dataclasses
import pathlib

from seloste.lint.finding import problem_at
from seloste.lint.rules import automated_decisions
from seloste.lint.rules import complaint
from seloste.lint.rules import complaint_authority
from seloste.lint.rules import controller_contact
from seloste.lint.rules import data_categories
from seloste.lint.rules import direct_marketing_objection
from seloste.lint.rules import dpo_contact
from seloste.lint.rules import email_address
from seloste.lint.rules import joint_controllers
from seloste.lint.rules import legacy_layout
from seloste.lint.rules import legal_basis
from seloste.lint.rules import legal_basis_law
from seloste.lint.rules import legitimate_interest
from seloste.lint.rules import personal_identity_code
from seloste.lint.rules import phone_number
from seloste.lint.rules import provision_consequences
from seloste.lint.rules import provision_requirement
from seloste.lint.rules import reference_numbers
from seloste.lint.rules import recipients
from seloste.lint.rules import recipients_named
from seloste.lint.rules import recipient_location
from seloste.lint.rules import repealed_law
from seloste.lint.rules import retention
from seloste.lint.rules import retention_indefinite
from seloste.lint.rules import rights
from seloste.lint.rules import sources
from seloste.lint.rules import special_category_condition
from seloste.lint.rules import transfer_safeguard_copy
from seloste.lint.rules import transfers
from seloste.lint.rules import transfers_stated
from seloste.lint.rules import unlinked_references
from seloste.lint.rules import updated_date
from seloste.lint.rules import vat_number
from seloste.lint.rules import web_address
from seloste.lint.rules import withdraw_consent
from seloste.problem import ERROR
from seloste.problem import INFO
from seloste.problem import LEVELS
from seloste.problem import WARNING
from seloste.problem import Problem

# The registry, in the order of the notice: GDPR 13/14 point by point, then Finnish law and
# the form of identifiers and contact details. IDs are stable and never reused.
RULES = (
    controller_contact,
    joint_controllers,
    dpo_contact,
    legal_basis,
    legitimate_interest,
    legal_basis_law,
    recipients,
    recipients_named,
    transfers,
    transfers_stated,
    transfer_safeguard_copy,
    recipient_location,
    retention,
    retention_indefinite,
    rights,
    withdraw_consent,
    direct_marketing_objection,
    complaint,
    complaint_authority,
    provision_requirement,
    provision_consequences,
    automated_decisions,
    data_categories,
    sources,
    special_category_condition,
    repealed_law,
    legacy_layout,
    personal_identity_code,
    vat_number,
    email_address,
    phone_number,
    web_address,
    updated_date,
    reference_numbers,
    unlinked_references,
)

OFF = "off"
SEVERITIES = (*LEVELS, OFF)
CONFIG_FILE = "lint.yaml"

# Codes of findings about lint's own settings (not rules: they cannot be silenced).
UNKNOWN_IGNORE = "LINT-IGNORE"
CONFIG_PROBLEM = "LINT-CONFIG"


def rule_ids() -> list[str]:
    """The ID of every registered rule, in registry order."""
    return [rule.ID for rule in RULES]


@dataclasses.dataclass(frozen=True)
class LintConfig:
    """Project settings: a level (or ``off``) per rule ID, overriding the rule's own ``LEVEL``."""

    levels: dict = dataclasses.field(default_factory=dict)

    def level_of(self, rule) -> str:
        """The level ``rule`` reports at in this project, or ``off``."""
        return self.levels.get(rule.ID, rule.LEVEL)


def load_config(path: pathlib.Path, shown: str | None = None) -> tuple[LintConfig, list[Problem]]:
    """Read a project's ``lint.yaml``; a missing file gives the defaults.

    The file maps rule IDs to levels under ``rules:``::

        rules:
          GDPR-13-1-b: off        # no DPO is required of this organisation
          FI-LEGACY-LAYOUT: info

    Returns the config and the problems found in the file (unknown rules, unknown levels);
    entries with problems are left out of the config.
    """
    from seloste.config import read_small_file

    shown = shown or str(path)
    document, problems = read_small_file(path, shown, CONFIG_PROBLEM, "tarkistusten asetustiedosto")
    if document is None:
        return LintConfig(), problems
    data = document.data
    unknown_keys = sorted(set(data) - {"rules"})
    for key in unknown_keys:
        line, column = document.position((key,), key=True)
        problems.append(Problem(shown, line, column, CONFIG_PROBLEM, ERROR,
                                f"tuntematon asetus '{key}' tarkistusten asetuksissa",
                                "tiedostossa on vain kohta 'rules:', jonka alla tarkistuksen tunnus: taso"))
    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        line, column = document.position(("rules",))
        problems.append(Problem(shown, line, column, CONFIG_PROBLEM, ERROR,
                                "kohdan 'rules' on oltava avain–arvo-pareja: tarkistuksen tunnus: taso",
                                "esim. 'GDPR-13-1-b: warning'"))
        return LintConfig(), problems
    known = set(rule_ids())
    levels = {}
    for rule_id, level in rules.items():
        if rule_id not in known:
            line, column = document.position(("rules", rule_id), key=True)
            problems.append(Problem(shown, line, column, CONFIG_PROBLEM, ERROR,
                                    f"tuntematon tarkistus '{rule_id}'", closest_rule_hint(rule_id)))
        elif level not in SEVERITIES:
            line, column = document.position(("rules", rule_id))
            problems.append(Problem(shown, line, column, CONFIG_PROBLEM, ERROR,
                                    f"tarkistuksen {rule_id} taso '{level}' ei ole sallittu",
                                    f"sallitut tasot: {', '.join(SEVERITIES)}"))
        else:
            levels[rule_id] = level
    return LintConfig(levels), sorted(problems)


# Checks that left lint for validation: their findings now stop the build, so nothing can
# silence them; an ignore or a level naming one says where the check went.
MOVED_TO_VALIDATION = {"FI-YTUNNUS": "S126"}


def closest_rule_hint(rule_id: str) -> str:
    import difflib

    if rule_id in MOVED_TO_VALIDATION:
        return (f"tarkistus {rule_id} on nyt rekisterin validointia ({MOVED_TO_VALIDATION[rule_id]}): virheellinen "
                "tunnus estää koonnin, joten sitä ei ohiteta; korjaa tunnus ja poista tämä rivi")

    by_upper = {known.upper(): known for known in rule_ids()}
    close = difflib.get_close_matches(rule_id.upper(), list(by_upper), n=1, cutoff=0.6)
    return f"tarkoititko '{by_upper[close[0]]}'?" if close else "tarkistusten tunnukset: docs/rules.md"


def check_register(register, config: LintConfig | None = None) -> list[Problem]:
    """Every finding of every rule on one register, with its silencing and the project levels.

    Returns problems sorted by position. A rule the register silences reports one ``info``
    line with the reason instead of its findings; an ignore naming no known rule is a warning.
    """
    config = config or LintConfig()
    ignored = _ignores(register)
    known = set(rule_ids())
    found: list[Problem] = []
    for index, (rule_id, _reason) in ignored.items():
        if rule_id not in known:
            found.append(problem_at(register, ("lint", "ignore", index, "rule"), UNKNOWN_IGNORE, WARNING,
                                    f"tuntematon tarkistus '{rule_id}' kohdassa lint.ignore; ohitus ei vaikuta mihinkään",
                                    closest_rule_hint(rule_id)))
    silenced = {rule_id: index for index, (rule_id, _reason) in ignored.items()}
    for rule in RULES:
        level = config.level_of(rule)
        if level == OFF:
            continue
        problems = list(rule.check(register))
        if rule.ID in silenced:
            index = silenced[rule.ID]
            reason = ignored[index][1]
            state = "" if problems else " (tarkistus ei nyt löytäisi mitään; ohituksen voi poistaa)"
            found.append(problem_at(register, ("lint", "ignore", index), rule.ID, INFO,
                                    f"{rule.REFERENCE}: tarkistus {rule.ID} on ohitettu tässä rekisterissä{state}. "
                                    f"Perustelu: {reason}"))
            continue
        found.extend(dataclasses.replace(problem, level=level) if problem.level != level else problem
                     for problem in problems)
    return sorted(found)


def run(registers, config: LintConfig | None = None) -> list[Problem]:
    """Lint every register (:class:`seloste.project.Register`); returns all findings, sorted."""
    problems: list[Problem] = []
    for register in registers:
        problems.extend(check_register(register, config))
    return sorted(problems)


def _ignores(register) -> dict[int, tuple[str, str]]:
    settings = register.data.get("lint", {})
    entries = settings.get("ignore", []) if isinstance(settings, dict) else []
    return {index: (entry["rule"], entry["reason"]) for index, entry in enumerate(entries)}
