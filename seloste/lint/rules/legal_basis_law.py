"""A legal obligation or a public task names the law it rests on (GDPR 6(3)).

Where the basis of a purpose is ``legal_obligation`` (GDPR 6(1)(c)) or ``public_task``
(6(1)(e)), the basis is laid down by Union or Member State law, and the notice says which:
``law`` on the purpose or on ``purposes`` (for every purpose), or the act named in the
purpose's text (a name such as "kirjanpitolain", a number such as 1336/1997, or a §). A
basis stated for every purpose is reported once, unless every purpose names its law; its law
may also be named in the intro or notes of ``purposes``. A warning: the words are read, and
a law named in other words is not recognised.

PASS:
    purposes:
      items:
        - text: Kirjanpito
          legal_basis: legal_obligation
          law: Kirjanpitolaki (1336/1997)
FAIL:
    purposes:
      items:
        - text: Kirjanpito
          legal_basis: legal_obligation
"""

from __future__ import annotations

from seloste.lint.finding import problem_at
from seloste.lint.finding import short
from seloste.lint.finding import stated_bases
from seloste.lint.reading import names_law
from seloste.lint.reading import strings_of
from seloste.lint.source import value_at
from seloste.load import as_list
from seloste.problem import WARNING
from seloste.resources import phrases

ID = "GDPR-6-3"
TITLE = "A legal obligation or public task names its law"
REFERENCE = "GDPR 6(3)"
LEVEL = WARNING

_BY_LAW = ("legal_obligation", "public_task")
_HINT = ("lisää {where} 'law:' ja laki, johon {basis} perustuu, nimellä ja numerolla, esim. "
         "'law: Kirjanpitolaki (1336/1997)'; pykälä tarkentaa (esim. '3 luku 10 §')")


def check(register):
    topic = register.data.get("purposes") or {}
    if "law" in topic:
        return
    by_path: dict[tuple, list] = {}
    for stated in stated_bases(register):
        if stated.basis in _BY_LAW and stated.article == "6(1)":
            by_path.setdefault(stated.path, []).append(stated)
    for path, bases in by_path.items():
        names = " ja ".join(_name(stated.basis) for stated in bases)
        if bases[0].every_purpose:
            if _every_purpose_names_law(topic) or names_law(topic.get("intro"), topic.get("notes")):
                continue
            yield problem_at(register, path, ID, LEVEL,
                             f"{REFERENCE}: kaikkien tarkoitusten oikeusperusteena on {names}, mutta lakia, johon "
                             "se perustuu, ei kerrota",
                             _HINT.format(where="kohtaan 'purposes'", basis="käsittely"))
        elif bases[0].declared:
            if names_law(*strings_of(_declaring(register, path))):
                continue
            yield problem_at(register, path, ID, LEVEL,
                             f"{REFERENCE}: tekstin mukaan oikeusperusteena on {names}, mutta lakia, johon se "
                             "perustuu, ei kerrota",
                             "kirjoita tekstiin laki nimellä ja numerolla, esim. 'kirjanpitolaki (1336/1997)', tai "
                             + _HINT.format(where="kohtaan 'purposes'", basis="käsittely"))
        elif bases[0].purpose is not None:
            item = topic["items"][bases[0].purpose]
            if _names_its_law(item):
                continue
            text = item if isinstance(item, str) else item["text"]
            yield problem_at(register, path, ID, LEVEL,
                             f"{REFERENCE}: oikeusperusteena on {names}, mutta lakia, johon se perustuu, ei kerrota: "
                             f"”{short(text)}”",
                             _HINT.format(where="kohtaan", basis="tämä käsittely"))


def _declaring(register, path: tuple) -> list:
    """The blocks a text that declares its facts is made of: the block at ``path``, with the
    blocks under it when it is a sub-heading or an own section."""
    block = value_at(register.data, path)
    if isinstance(block, dict) and "content" in block:  # an own section
        return [block["title"], *as_list(block["content"])]
    if isinstance(block, dict) and "heading" in block:
        siblings = value_at(register.data, path[:-1])
        under = []
        for following in siblings[path[-1] + 1:]:
            if isinstance(following, dict) and "heading" in following:
                break
            under.append(following)
        return [block, *under]
    if isinstance(block, dict) and "cells" in block:
        return block["cells"]
    return [block]


def _names_its_law(item) -> bool:
    if isinstance(item, str):
        return names_law(item)
    return "law" in item or names_law(item["text"])


def _every_purpose_names_law(topic: dict) -> bool:
    items = topic.get("items", [])
    return bool(items) and all(_names_its_law(item) for item in items)


def _name(basis: str) -> str:
    """A basis's standard name with a small first letter: "lakisääteinen velvoite (GDPR 6(1)(c))"."""
    name = phrases()["legal_bases"][basis]
    return name[0].lower() + name[1:]
