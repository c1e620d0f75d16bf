"""What a translated text keeps of its Finnish text: its e-mail addresses, the sites its links
go to and its numbers (T618, a warning).

A translation gives words, never facts; but a text can hold a fact in its words: a period
("5 vuotta"), a law's number, an address to write to. A translation that names an e-mail
address the Finnish text does not, leaves out one it names, links to another site, or states a
number the Finnish text does not, tells its readers something else. A number written out in
words ("fem år") or a date written in the language's own way ("1 March 2025") adds no number,
and a link to another page of the same site (the Swedish page) is the same site, and the minutes of
"9:00" for "klo 9" are none: none of these is reported.
"""

from __future__ import annotations

import re
import urllib.parse

from seloste.problem import WARNING
from seloste.problem import Problem

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
NUMBER = re.compile(r"\d+")
_ADDRESS = re.compile(rf"{EMAIL.pattern}|\b(?:https?://|www\.)[^\s)>\]]+")


def differences(source: str, text: str, markdown: bool) -> list[str]:
    """What ``text`` (a translation) does not keep of ``source`` (its Finnish text), in Finnish."""
    found = []
    old_mail, new_mail = set(EMAIL.findall(source)), set(EMAIL.findall(text))
    found += [f"sähköpostiosoite {address} puuttuu" for address in sorted(old_mail - new_mail)]
    found += [f"sähköpostiosoitetta {address} ei ole suomenkielisessä tekstissä" for address in sorted(new_mail - old_mail)]
    if markdown:
        added_sites = sorted(_sites(text) - _sites(source))
        found += [f"linkki sivustolle {site}, jolle suomenkielinen teksti ei linkitä" for site in added_sites]
    added_numbers = sorted(set(_numbers(text)) - set(_numbers(source)), key=int)
    if added_numbers:
        found.append(f"{'luku' if len(added_numbers) == 1 else 'luvut'} {', '.join(added_numbers)}, "
                     f"{'jota' if len(added_numbers) == 1 else 'joita'} suomenkielisessä tekstissä ei ole")
    return found


def agreement_problems(fields: dict, translation, keys) -> list[Problem]:
    """T618 for each entry of ``translation`` at ``keys`` (current translations of ``fields``)
    that does not keep what its Finnish text states, at the entry's text."""
    found = []
    for key in keys:
        field, entry = fields[key], translation.entries[key]
        lost = differences(field.text, entry.text, field.markdown)
        if not lost:
            continue
        line, column = translation.position(key, "text")
        found.append(Problem(
            translation.path, line, column, "T618", WARNING,
            f"käännös kohdassa {key} ei vastaa suomenkielistä tekstiä: {'; '.join(lost)}",
            "käännös kertoo tosiasiat samoin kuin suomenkielinen teksti: samat luvut, sähköpostiosoitteet "
            "ja linkitetyt sivustot; korjaa käännös tai suomenkielinen teksti"))
    return found


def _sites(text: str) -> set[str]:
    from seloste.markup import link_targets

    sites = set()
    for target in link_targets(text, autolink=True):
        parts = urllib.parse.urlsplit(target)
        if not parts.scheme and target.startswith("www."):  # a bare address
            parts = urllib.parse.urlsplit(f"//{target}")
        if parts.scheme in ("http", "https", "") and parts.hostname:
            sites.add(parts.hostname.removeprefix("www."))
    return sites


def _numbers(text: str) -> list[str]:
    """The numbers of ``text`` outside its addresses, without leading zeros; zeros alone (the
    minutes of "9.00") are no number of their own."""
    numbers = (number.lstrip("0") for number in NUMBER.findall(_ADDRESS.sub(" ", _link_targets_removed(text))))
    return [number for number in numbers if number]


def _link_targets_removed(text: str) -> str:
    """``text`` without the targets of its Markdown links, ``[words](target)``."""
    return re.sub(r"\]\([^)]*\)", "]", text)
