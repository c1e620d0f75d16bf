"""The index page's order: notices sorted by name as Finnish and Swedish sort them, grouped by
their controller when the project publishes the notices of more than one."""

from __future__ import annotations

# Finnish and Swedish sort å, ä and ö after z, in that order (and ü as y, æ as ä, ø as ö).
# "{", "|" and "}" come right after "z" in Unicode's order.
_LAST = str.maketrans({"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}", "ü": "y"})


def sort_key(text: str) -> str:
    """``text`` as it sorts in a Finnish or Swedish list."""
    return text.casefold().translate(_LAST)


def groups(entries: list) -> list[tuple[str, list]]:
    """``(controller, its notices)`` in order; one group with no name when every notice has
    the same controller."""
    ordered = sorted(entries, key=lambda entry: (sort_key(entry.name), entry.id))
    by_controller: dict[str, list] = {}
    for entry in ordered:
        by_controller.setdefault(entry.controller, []).append(entry)
    if len(by_controller) <= 1:
        return [("", ordered)]
    order = sorted(by_controller, key=lambda name: (sort_key(name), name))
    return [(controller, by_controller[controller]) for controller in order]
