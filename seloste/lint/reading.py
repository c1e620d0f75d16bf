"""What a text of the register says, read as the notice shows it: whether it says anything,
its words as written, and whether it names a law.

Rules ask these of the texts they check; each question is answered here once.
"""

from __future__ import annotations

import re


# Words that answer yes or no, or only say that something is: a text of nothing but these
# says nothing ("Kyllä.", "Ei ole.", "On").
_EMPTY_WORDS = frozenset({"kyllä", "ei", "on", "ole", "joo", "juu", "yes", "no", "true", "false", "ok", "x"})


def says_nothing(*values) -> bool:
    """True when the texts ``values`` (text fields, or free content: a paragraph or a list of
    blocks) say nothing together: two words or fewer, or only words that answer yes or no,
    unless a word names a right ("Vastustamisoikeus").

    Words are read from the parse the notice shows, without markup or link targets; a
    number counts as a word. Every rule that asks whether a text tells its point asks here.
    """
    words = [word for value in values for word in _said_words(value)]
    if any(_NAMES_A_RIGHT.search(word) for word in words):
        return False  # "Vastustamisoikeus": a right named tells that the data subject has it
    return len(words) <= 2 or all(word.casefold() in _EMPTY_WORDS for word in words)


# A word that names a right ("oikeus", "tarkastusoikeus", "oikeuden"): a list of the rights by
# name tells the data subject that they have them (GDPR 13(2)(b) asks for their existence).
_NAMES_A_RIGHT = re.compile(r"oikeu", re.IGNORECASE)


def _said_words(value) -> list[str]:
    """The words a text field or free content shows, in order, without markup or link targets."""
    from seloste.markup import markdown

    found: list[str] = []

    def inline(nodes):
        for node in nodes:
            if node[0] == "#text":
                found.extend(re.findall(r"\w+", node[1]))
            elif node[0] != "br":
                inline(node[2])

    for text in strings_of(value):
        for block in markdown(text).blocks:
            if block[0] == "p":
                inline(block[2])
            else:
                for entry in block[2]:
                    inline(entry[2])
    return found


def strings_of(value) -> list[str]:
    """Every text of a text field or free content, as written: its paragraphs, list entries,
    headings, field labels and values, and table captions, columns and cells, in order."""
    if isinstance(value, str):
        return [value]
    found: list[str] = []
    for block in value if isinstance(value, list) else ():
        if isinstance(block, str):
            found.append(block)
        elif "text" in block:  # a paragraph that declares its facts
            found.append(block["text"])
        elif "list" in block:
            found.extend(entry if isinstance(entry, str) else entry["text"] for entry in block["list"])
        elif "heading" in block:
            found.append(block["heading"])
        elif "fields" in block:
            found.extend(part for entry in block["fields"] for part in (entry["label"], entry["value"]))
        elif "table" in block:
            table = block["table"]
            found.extend([table["caption"]] if "caption" in table else [])
            found.extend(table["columns"])
            found.extend(cell for row in table["rows"] for cell in (row["cells"] if isinstance(row, dict) else row))
    return found


def words_of(value) -> str:
    """A text field or free content as written, on one line: to quote it in a message."""
    return " ".join(" ".join(text.split()) for text in strings_of(value))


# An act by name: a compound ending in laki in any case ("kirjanpitolain", "arkistolakiin"),
# or "Laki ...sta" (Laki naisten ja miesten välisestä tasa-arvosta); a statute number
# (1336/1997, (EU) 2016/679); or a section sign.
_LAW = re.compile(
    r"\w{2,}la(?:ki|in|kia|kiin|issa|ista|illa|iksi|kina|eissa|eista|eilla|kien|it)\b"
    r"|\bla(?:ki|in|kia|kiin|issa|ista|illa)\s+(?:\w+\s+){0,4}?\w+(?:sta|stä)\b"
    r"|\b\d{1,4}/(?:1[89]|20)\d{2}\b"
    r"|§",
    re.IGNORECASE,
)


def names_law(*values) -> bool:
    """True when any of the texts ``values`` (text fields or free content) names an act, a
    statute number or a section: "kirjanpitolain", "1336/1997", "10 §"."""
    return any(_LAW.search(words_of(value)) for value in values if value)
