"""Data kept "until further notice" has a period or a criterion too (GDPR 13(2)(a), 5(1)(e)).

A retention text that says the data is kept indefinitely ("toistaiseksi", "määräämättömän
ajan", "ilman määräaikaa") or is not deleted ("tietoja ei poisteta automaattisesti") tells no
retention period unless the same text gives one: a duration ("kaksi vuotta", "12 kk"), a date,
an event that ends it ("kunnes", "asiakkuuden päättymisestä", "suostumuksen peruuttamiseen
asti", "pyynnöstä") or the law that sets it. Each text under ``retention`` is read by
itself: an intro or notes paragraph, a list entry, a table row, and an item with its period.
"Pysyvästi" (permanently, as archives keep records) is a period and passes. A warning, not an
error: the words are read, and a period in other words is not recognised.

PASS:
    retention:
      items:
        - text: Asiakastiedot
          period: toistaiseksi, kuitenkin enintään kaksi vuotta asiakkuuden päättymisestä
FAIL:
    retention:
      intro: Tietoja säilytetään toistaiseksi.
"""

from __future__ import annotations

import re

from seloste.lint.finding import problem_at_position
from seloste.lint.finding import short
from seloste.lint.reading import names_law
from seloste.lint.source import text_positions
from seloste.problem import WARNING

ID = "GDPR-13-2-a-indefinite"
TITLE = "Data kept indefinitely or not deleted has a period or criterion"
REFERENCE = "GDPR 13(2)(a)"
LEVEL = WARNING

_INDEFINITE = re.compile(
    r"\btoistaiseksi\b"
    r"|\bikuisesti\b"
    r"|\brajoituksetta\b"
    r"|\b(?:määräämättömän|määrittelemättömän|rajoittamattoman|rajattoman)\s+ajan\b"
    r"|\bilman\s+(?:määräaikaa|säilytysaikaa|aikarajaa|takarajaa)\b"
    r"|\bsäilytysaikaa\s+ei\s+ole\s+(?:määritelty|määritetty|määrätty|rajattu|asetettu)\b"
    r"|\bei(?:kä)?\s+(?:\w+\s+){0,2}?(?:poisteta|hävitetä|tuhota|anonymisoida)\b",
    re.IGNORECASE,
)
# What ends or sets the period: a duration, a date or year, or an event.
_PERIOD = re.compile(
    r"\b(?:vuo(?:si|de|tt|sia|sien|sit|rokau)\w*|kuukau\w*|kk|viik(?:ko|on|oa|ot)\w*|päiv(?:ä|än|ää|ien|iä)\w*"
    r"|vrk|tunti\w*|tunnin|\d+\s*v)\b"
    r"|\b\d{1,2}\.\d{1,2}\.(?:\d{4})?|\b(?:19|20)\d{2}\b"
    r"|\b(?:kunnes|asti|saakka|kuluttua|kuluessa|jälkeen|aikana|ajan|ajaksi|päät(?:ty|yt)\w*|lop(?:et|pu|ut)\w*"
    r"|lakkaa\w*|lakat\w*|peru(?:u|t)\w*|pyynnöstä|pyydettäessä|pyytää|pyytämällä|voimassa\w*|kestä\w*)\b",
    re.IGNORECASE,
)


def check(register):
    topic = register.data.get("retention")
    if not isinstance(topic, dict):
        return
    for unit in _units(topic):
        for path, text in unit:
            match = _INDEFINITE.search(text)
            if match is None:
                continue
            if _tells_a_period(unit):
                break
            whole = " ".join(" ".join(text.split()) for _path, text in unit)
            (position,) = text_positions(register, path, [match.span()])
            yield problem_at_position(
                register, position, ID, LEVEL,
                f"{REFERENCE}: tietoja sanotaan säilytettävän ”{match.group(0)}” kertomatta säilytysaikaa tai "
                f"perustetta, jolla se määräytyy: ”{short(whole)}”",
                "kirjoita, kuinka kauan tietoja säilytetään (esim. 'kaksi vuotta asiakkuuden päättymisestä') tai mikä "
                "ratkaisee säilytysajan (esim. 'kunnes rekisteröity peruuttaa suostumuksensa' tai 'kirjanpitolain "
                "mukaisen ajan'); tietoja ei saa säilyttää pidempään kuin käsittelyn tarkoitus vaatii (GDPR 5(1)(e))")
            break


def _tells_a_period(unit: list[tuple[tuple, str]]) -> bool:
    """True when a text of ``unit`` gives a duration, date, event or law beside its indefinite words."""
    rest = [_INDEFINITE.sub(" ", text) for _path, text in unit]  # "määräämättömän ajan" is no "ajan"
    return any(_PERIOD.search(text) for text in rest) or names_law(*rest)


def _units(topic: dict) -> list[list[tuple[tuple, str]]]:
    """The texts of ``retention`` that are read each by itself, as lists of (path, text)."""
    units: list[list[tuple[tuple, str]]] = []
    for part in ("intro", "items", "notes"):
        value = topic.get(part)
        if part == "items":
            for index, item in enumerate(value or []):
                path = ("retention", "items", index)
                units.append([(path, item)] if isinstance(item, str) else
                             [(path + ("text",), item["text"]), (path + ("period",), item["period"])])
        elif isinstance(value, str):
            units.append([(("retention", part), value)])
        elif isinstance(value, list):
            units.extend(_block_units(("retention", part), value))
    return units


def _block_units(path: tuple, blocks: list) -> list[list[tuple[tuple, str]]]:
    units = []
    for index, block in enumerate(blocks):
        at = path + (index,)
        if isinstance(block, str):
            units.append([(at, block)])
        elif "list" in block:
            units.extend([(at + ("list", entry), text)] for entry, text in enumerate(block["list"]))
        elif "fields" in block:
            units.extend([(at + ("fields", entry, "label"), field["label"]), (at + ("fields", entry, "value"), field["value"])]
                         for entry, field in enumerate(block["fields"]))
        elif "table" in block:
            units.extend([(at + ("table", "rows", row, cell), text) for cell, text in enumerate(cells)]
                         for row, cells in enumerate(block["table"]["rows"]))
    return units
