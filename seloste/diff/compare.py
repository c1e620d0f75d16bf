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
from seloste.diff.languages import language_changes
from seloste.diff.languages import language_texts
from seloste.diff.languages import same_translations
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
        if before and after and before.data == after.data and same_translations(before, after):
            continue  # the same data and translations render to the same texts
        old_notice = build_notice(before.id, before.data) if before else None
        new_notice = build_notice(after.id, after.data) if after else None
        old_text = render_text(old_notice).decode("utf-8") if old_notice else ""
        new_text = render_text(new_notice).decode("utf-8") if new_notice else ""
        hunks = text_diff(old_text, new_text, _headings(old_notice) | _headings(new_notice))
        languages = _language_hunks(before, after)
        if before and after:
            changes = changes_between(before.data, after.data, old_notice, new_notice) + language_changes(before, after)
            if not changes and not hunks and not languages:
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
            before.path if before else "", after.path if after else "", changes, hunks, languages))
    return Report(old.label, new.label, registers, problems)


def _language_hunks(before, after) -> dict:
    """The rendered text of each other language compared, for those whose text changed."""
    old, new = language_texts(before), language_texts(after)
    found = {}
    for code in [*new, *(code for code in old if code not in new)]:
        old_text, old_headings = old.get(code, ("", set()))
        new_text, new_headings = new.get(code, ("", set()))
        hunks = text_diff(old_text, new_text, old_headings | new_headings)
        if hunks:
            found[code] = hunks
    return found


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


def head_warnings(registers: list, policy_dir: pathlib.Path, cache=None) -> list[Problem]:
    """For ``check``: a warning for each register (``(id, shown path)`` each) whose text
    changed since ``HEAD`` while its ``updated`` did not. Returns [] outside a git repository
    or when git cannot tell. Only the registers whose file differs from ``HEAD``'s are read
    again."""
    from seloste import project
    from seloste.notice import build_notice
    from seloste.render import render_text

    try:
        repository = Repository.find(policy_dir)
        same: dict[str, str] = {}
        for register_id, path in registers:
            try:
                same[register_id] = blob_id(pathlib.Path(path).read_bytes())
            except OSError:
                continue
        head = repository.side("HEAD", skip=same)
    except SideError:
        return []
    problems = []
    for register_id, path in registers:
        before = head.registers.get(register_id)
        if before is None:
            continue
        register, _problems = project.load_register(pathlib.Path(path), cache=cache)
        if register is None or before.data == register.data:
            continue
        old_text = render_text(build_notice(before.id, before.data))
        if old_text != render_text(build_notice(register.id, register.data)):
            problems.extend(_updated_warning(before, register, "HEAD"))
    return problems
