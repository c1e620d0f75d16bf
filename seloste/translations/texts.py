"""The texts of a register that a translation gives, where each stands, and a translation applied.

A text's place is its *path*: the keys and list indexes from the top of the register down to
it, joined by dots, indexes counted from 0 (``purposes.items.0.text``, ``name``,
``section_titles.tarkoitukset``, ``wording.labels.updated``, ``data_categories.groups.1.items.0``).
Keys of a valid register are names of the schema, section ids and phrase names, none of them
with a dot or all digits, so a path reads back into its keys and indexes one way only.

Which strings are texts is read from the schema, so that a field added to it follows: a
string whose schema is a text (``x-markdown``, ``$defs/text``) or a one-line text (the pattern of
``$defs/plain``, which labels, notes and headings share), unless the schema marks the field, or
one it is inside, ``x-translate: false`` (a Y-tunnus, a phone number, the version, the place of
an own section, lint's settings). Identifiers, enums, dates, e-mail and web addresses have
schemas of their own and are never texts; nor is an empty text ("" leaves a label out), which
has no words.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import typing

from seloste.contact_checks import phone_note
from seloste.resources import schema

# A text's path in a register: keys (str) and list indexes (int).
Path = tuple

SOURCE_HASH_LENGTH = 12


@dataclasses.dataclass(frozen=True)
class Field:
    """One translatable text of a register.

    ``path`` is its keys and indexes; ``text`` the Finnish text; ``titles`` the Finnish names
    of the steps to it (the schema's titles, ``kohta 2`` for an index, a key the register
    chooses as itself); ``markdown`` whether the text takes Markdown, else it is one line.
    A phone's note in words (``09 123 4500 (vaihde)``, a field marked ``x-translate: note``)
    is a text of its own: ``text`` is the note's words and ``number`` what stands before it.
    """

    path: Path
    text: str
    titles: tuple[str, ...]
    markdown: bool
    number: str = ""  # a phone's note: the number it is written after ("09 123 4500")

    @property
    def key(self) -> str:
        """The path in the notation of translation files (``purposes.items.0.text``)."""
        return path_key(self.path)


def source_hash(text: str) -> str:
    """The SHA-256 of ``text`` (UTF-8), its first 12 hex digits: what a translation names as its
    ``source``, so that a changed Finnish text shows its translation is stale."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:SOURCE_HASH_LENGTH]


def path_key(path: Path) -> str:
    """``("purposes", "items", 0, "text")`` as ``purposes.items.0.text``."""
    return ".".join(str(part) for part in path)


def parse_key(key: str) -> Path:
    """``purposes.items.0.text`` as ``("purposes", "items", 0, "text")``: a part of digits is an index."""
    return tuple(int(part) if part.isdigit() else part for part in key.split("."))


def translatable_fields(data: dict) -> dict[str, Field]:
    """Every translatable text of a valid register, by its path key, in the register's order."""
    found: dict[str, Field] = {}
    _walk(data, schema(), (), (), found)
    return found


def translatable_texts(data: dict) -> dict[str, str]:
    """Every translatable text of a valid register: ``{path: Finnish text}``, in the register's order."""
    return {key: field.text for key, field in translatable_fields(data).items()}


def translation_texts(translation) -> dict[str, str]:
    """The translated texts of a translation by path: of a
    :class:`~seloste.translations.document.TranslationDocument` or of a translation file's data."""
    texts = getattr(translation, "texts", None)
    if texts is not None and not isinstance(translation, dict):
        return dict(texts)
    entries = translation.get("texts") if isinstance(translation, typing.Mapping) else None
    if not isinstance(entries, typing.Mapping):
        return {}
    return {key: entry["text"] for key, entry in entries.items()
            if isinstance(entry, typing.Mapping) and isinstance(entry.get("text"), str)}


def translated(data: dict, translation) -> dict:
    """A deep copy of a valid register's ``data`` with each translatable text replaced by its
    translation (a :class:`~seloste.translations.document.TranslationDocument` or a translation
    file's data); a text without one stays as it is.

    Only texts are replaced: a translation for a path that is no text of the register is left
    unused, so a translation never adds, removes or changes a fact.
    """
    texts = translation_texts(translation)
    result = copy.deepcopy(data)
    for key, field in translatable_fields(data).items():
        if key in texts:
            parent = result
            for part in field.path[:-1]:
                parent = parent[part]
            parent[field.path[-1]] = f"{field.number} ({texts[key]})" if field.number else texts[key]
    return result


def _walk(value, node: dict, path: Path, titles: tuple, found: dict) -> None:
    node = _resolved(node)
    if node.get("x-translate") is False:
        return
    if node.get("x-translate") == "note":
        if isinstance(value, str):
            number, note = phone_note(value)
            if note:
                field = Field(path, note, titles + ("huomautus",), False, number)
                found[field.key] = field
        return
    if "anyOf" in node:
        branch = _branch(value, node["anyOf"])
        if branch is not None:
            _walk(value, branch, path, titles, found)
        return
    if isinstance(value, dict):
        properties = node.get("properties", {})
        others = node.get("additionalProperties")
        for key, sub in value.items():
            if key in properties:
                _walk(sub, properties[key], path + (key,), titles + (_resolved(properties[key]).get("title", key),), found)
            elif isinstance(others, dict):  # a name the register chooses: a section id, a phrase
                _walk(sub, others, path + (key,), titles + (key,), found)
    elif isinstance(value, list):
        items = node.get("items")
        if isinstance(items, dict):
            for index, sub in enumerate(value):
                _walk(sub, items, path + (index,), titles + (f"kohta {index + 1}",), found)
    elif isinstance(value, str) and value and _is_text(node):
        field = Field(path, value, titles, bool(node.get("x-markdown")))
        found[field.key] = field


def _is_text(node: dict) -> bool:
    return bool(node.get("x-markdown")) or (node.get("type") == "string"
                                            and node.get("pattern") == schema()["$defs"]["plain"]["pattern"])


def _resolved(node: dict) -> dict:
    """The node with its ``$ref`` replaced by the definition, the node's own keywords over it."""
    while "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[1]
        node = {**schema()["$defs"][name], **{key: value for key, value in node.items() if key != "$ref"}}
    return node


def _branch(value, branches: list) -> dict | None:
    """The branch of an ``anyOf`` that a valid value is: the first whose kind fits it."""
    for branch in branches:
        branch = _resolved(branch)
        if _fits(value, branch):
            return branch
    return None


def _fits(value, node: dict) -> bool:
    if "anyOf" in node:
        return _branch(value, node["anyOf"]) is not None
    if "enum" in node:
        return value in node["enum"]
    kind = node.get("type")
    if isinstance(value, bool):
        return kind == "boolean"
    if isinstance(value, str):
        return kind == "string"
    if isinstance(value, list):
        return kind == "array"
    if isinstance(value, dict):
        if kind != "object" or not set(node.get("required", ())) <= set(value):
            return False
        return node.get("additionalProperties") is not False or set(value) <= set(node.get("properties", {}))
    return False
