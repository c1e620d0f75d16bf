"""A loaded :class:`~seloste.load.Document` as the cache stores it: JSON, without its text.

Positions are kept as flat lists of numbers in document order and laid out as a table of
paths only when something first asks where a value stands (most cached registers are never
asked: their lint findings and output come from the cache too).
"""

from __future__ import annotations

import collections.abc
import dataclasses

from seloste.load import Document


def _tree_paths(data) -> tuple[list[tuple], list[tuple]]:
    """The path of every value and of every mapping key in ``data``, in document order.

    These are the paths the loader records positions for; the key strings in them are the
    data's own, so that paths cost no memory of their own.
    """
    values: list[tuple] = []
    keys: list[tuple] = []

    def walk(node, path: tuple) -> None:
        values.append(path)
        if isinstance(node, dict):
            for name, child in node.items():
                keys.append(path + (name,))
                walk(child, path + (name,))
        elif isinstance(node, list):
            for index, child in enumerate(node):
                walk(child, path + (index,))

    walk(data, ())
    return values, keys


def document_to_json(document: Document) -> dict | None:
    """The document without its text, positions as flat lists in document order; None when its
    positions are not exactly one for each value and key of its data, in that order."""
    values, keys = _tree_paths(document.data)
    if list(document.positions) != values or list(document.key_positions) != keys:
        return None
    fields = {field.name: getattr(document, field.name) for field in dataclasses.fields(document)}
    del fields["text"]
    fields["positions"] = [number for position in document.positions.values() for number in position]
    fields["key_positions"] = [number for position in document.key_positions.values() for number in position]
    return fields


def document_from_json(value: dict, text: str) -> Document:
    """The document :func:`document_to_json` stored; raises ValueError if it does not fit."""
    fields = dict(value)
    values, keys = _count_paths(fields["data"])
    for name, count in (("positions", values), ("key_positions", keys)):
        numbers = fields[name]
        if not isinstance(numbers, list) or len(numbers) != 2 * count:
            raise ValueError(f"{name} do not fit the data")
        fields[name] = _Positions(fields["data"], numbers, keys=name == "key_positions")
    return Document(**fields, text=text)


def _count_paths(data) -> tuple[int, int]:
    """How many values and mapping keys ``data`` has (what :func:`_tree_paths` would list)."""
    if isinstance(data, dict):
        values, keys, children = 1, len(data), data.values()
    elif isinstance(data, list):
        values, keys, children = 1, 0, data
    else:
        return 1, 0
    for child in children:
        more_values, more_keys = _count_paths(child)
        values, keys = values + more_values, keys + more_keys
    return values, keys


class _Positions(collections.abc.Mapping):
    """Positions read from the cache, laid out as a dict only when first asked for.

    Most cached registers are never asked where anything stands (their lint findings and
    output come from the cache too); this saves the time and memory of the paths.
    """

    __slots__ = ("_data", "_numbers", "_keys", "_table")

    def __init__(self, data, numbers: list, keys: bool):
        self._data = data
        self._numbers = numbers
        self._keys = keys
        self._table: dict | None = None

    def _built(self) -> dict:
        if self._table is None:
            values, keys = _tree_paths(self._data)
            numbers = self._numbers
            self._table = {path: (numbers[2 * i], numbers[2 * i + 1])
                           for i, path in enumerate(keys if self._keys else values)}
            self._numbers = None
        return self._table

    def __getitem__(self, path):
        return self._built()[path]

    def __contains__(self, path) -> bool:
        return path in self._built()

    def __iter__(self):
        return iter(self._built())

    def __len__(self) -> int:
        return len(self._built())

    def __repr__(self) -> str:
        return repr(self._built())
