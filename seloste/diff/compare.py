"""Two sides compared register by register into a :class:`~seloste.diff.model.Report`."""

from __future__ import annotations

import pathlib

from seloste.diff.changes import changes_between
from seloste.diff.git import Repository
from seloste.diff.git import blob_id
from seloste.diff.model import ADDED
from seloste.diff.model import CHANGED
from seloste.diff.model import NOUNS
from seloste.diff.model import REMOVED
from seloste.diff.model import Change
from seloste.diff.model import RegisterDiff
from seloste.diff.model import Report
from seloste.diff.model import Side
from seloste.diff.model import SideError
from seloste.diff.text import text_diff
from seloste.diff.translations import left_behind
from seloste.problem import WARNING
from seloste.problem import Problem


def compare(old: Side, new: Side) -> Report:
    """Compare two sides register by register. Returns the report (problems of both sides included)."""
    from seloste.notice import build_notice
    from seloste.render import render_text

    registers = []
    problems = list(old.problems) + list(new.problems)
    # A register that did not validate on either side cannot be compared: its problems say why.
    for register_id in sorted((set(old.registers) | set(new.registers)) - old.failed - new.failed):
        before, after = old.registers.get(register_id), new.registers.get(register_id)
        if before and after and before.data == after.data:
            continue  # the same data renders to the same text
        old_notice = build_notice(before.id, before.data) if before else None
        new_notice = build_notice(after.id, after.data) if after else None
        old_text = render_text(old_notice).decode("utf-8") if old_notice else ""
        new_text = render_text(new_notice).decode("utf-8") if new_notice else ""
        hunks = text_diff(old_text, new_text, _headings(old_notice) | _headings(new_notice))
        if before and after:
            changes = changes_between(before.data, after.data, old_notice, new_notice) + left_behind(before, after)
            if not changes and not hunks:
                continue
            status = CHANGED
            if old_text != new_text:
                problems.extend(_updated_warning(before, after, old.label))
        else:
            present = after or before
            status = ADDED if after else REMOVED
            changes = [Change(NOUNS["register"].capitalize(), "register", "register", status,
                              present.data["name"], "", True)]
        registers.append(RegisterDiff(
            register_id, (after or before).data["name"], status,
            before.path if before else "", after.path if after else "", changes, hunks))
    return Report(old.label, new.label, registers, problems)


def _headings(notice) -> set:
    if notice is None:
        return set()
    found = {section.heading for section in notice.sections}
    if notice.history:
        found.add(notice.labels["history"])
    return found


def _updated_warning(before, after, against: str) -> list[Problem]:
    """A warning when the text changed but ``updated`` did not."""
    old_date, new_date = before.data.get("updated"), after.data.get("updated")
    if old_date != new_date:
        return []
    hint = "merkitse muutospäivä riville 'updated: \"VVVV-KK-PP\"' ja kuvaa muutos muutoshistoriaan (history)"
    if new_date is None:
        return [Problem(after.path, 0, 0, "D101", WARNING,
                        f"selosteen teksti on muuttunut (verrattuna versioon {against}), "
                        "mutta siinä ei ole päivämäärää (updated)", hint)]
    line, column = after.document.position(("updated",), key=True)
    return [Problem(after.path, line, column, "D101", WARNING,
                    f"selosteen teksti on muuttunut (verrattuna versioon {against}), "
                    f"mutta päivämäärä {new_date} on ennallaan", hint)]


def head_warnings(registers: list, policy_dir: pathlib.Path) -> list[Problem]:
    """For ``check``: a warning for each register whose text changed since ``HEAD`` while its
    ``updated`` did not. Returns [] outside a git repository or when git cannot tell."""
    from seloste.notice import build_notice
    from seloste.render import render_text

    try:
        repository = Repository.find(policy_dir)
        same: dict[str, str] = {}
        for register in registers:
            try:
                same[register.id] = blob_id(pathlib.Path(register.path).read_bytes())
            except OSError:
                continue
        head = repository.side("HEAD", skip=same)
    except SideError:
        return []
    problems = []
    for register in registers:
        before = head.registers.get(register.id)
        if before is None or before.data == register.data:
            continue
        old_text = render_text(build_notice(before.id, before.data))
        if old_text != render_text(build_notice(register.id, register.data)):
            problems.extend(_updated_warning(before, register, "HEAD"))
    return problems
