"""What lint's rules share: the facts a register states, and problems at their place in the file.

Rules ask questions of a validated register's data here, each question answered in one place:
whether a text says anything (:func:`says_nothing`), which legal bases the register states
(:func:`stated_bases`) and which rights (:func:`right_kinds`), whether a topic that may be
"none" is stated either way (:func:`statement`). The answers become
:class:`~seloste.problem.Problem` objects at the right line and column; where words stand
inside a text is :mod:`seloste.lint.source`'s.
"""

from __future__ import annotations

import dataclasses

from seloste import facts
from seloste import resources
from seloste.lint.reading import says_nothing
from seloste.lint.reading import words_of
from seloste.lint.source import per_register
from seloste.load import as_list
from seloste.problem import Problem

# The register's top-level topics in the order a notice tells them (the schema's order).
# A missing topic is reported at the nearest topic before it that the register has.
TOPIC_ORDER = resources.topic_order()


def problem_at(register, path: tuple, code: str, level: str, message: str, hint: str = "",
               key: bool = False) -> Problem:
    """A problem at the value (or, with ``key``, the key) found at ``path`` in the register."""
    line, column = register.document.position(path, key=key)
    return Problem(register.path, line, column, code, level, message, hint)


def problem_at_position(register, position: tuple[int, int], code: str, level: str, message: str,
                        hint: str = "") -> Problem:
    """A problem at an explicit (line, column) of the register's file."""
    return Problem(register.path, position[0], position[1], code, level, message, hint)


def missing_topic_position(register, topic: str) -> tuple[int, int]:
    """Where to report that ``topic`` is missing: the key of the nearest earlier topic present.

    Returns (line, column); the first key of the file when no earlier topic is present.
    """
    return register.document.position((_topic_before(register, topic),), key=True)


def missing_topic(register, topic: str, code: str, level: str, message: str, contents: str) -> Problem:
    """The problem that ``topic`` is missing, at :func:`missing_topic_position`, hinting to add
    ``topic:`` after the nearest earlier topic with ``contents`` under it."""
    before = _topic_before(register, topic)
    line, column = register.document.position((before,), key=True)
    return Problem(register.path, line, column, code, level, message,
                   f"lisää kohdan '{before}' jälkeen '{topic}:' ja sen alle {contents}")


def _topic_before(register, topic: str) -> str:
    data = register.data
    index = TOPIC_ORDER.index(topic) if topic in TOPIC_ORDER else len(TOPIC_ORDER)
    for name in reversed(TOPIC_ORDER[:index]):
        if name in data:
            return name
    return next(iter(data))


def has_text(value: dict, *names: str) -> bool:
    """True when ``value`` has any of the content keys ``names`` (default intro and notes)."""
    return any(name in value for name in (names or ("intro", "notes")))


def purposes(register) -> list[tuple[int, object]]:
    """(index, item) of every purpose item; an item is a str or a dict."""
    topic = register.data.get("purposes")
    if not isinstance(topic, dict):
        return []
    return list(enumerate(topic.get("items", [])))


@dataclasses.dataclass(frozen=True)
class StatedBasis:
    """A legal basis the register states: which, where, and for what.

    ``basis`` is a key of GDPR 6(1) (``consent``, ``contract``, ``legal_obligation``,
    ``vital_interests``, ``public_task``, ``legitimate_interests``); ``article`` is ``6(1)``,
    or ``9(2)(a)`` for the explicit consent a special category of data rests on (a consent too,
    GDPR 13(2)(c)). ``purpose`` is the index of the purpose item it is stated for, None when
    it is stated for every purpose (``every_purpose``) or for none in particular.
    """

    basis: str
    path: tuple
    purpose: int | None = None
    every_purpose: bool = False
    article: str = "6(1)"
    declared: bool = False  # told in a text of the register's own that declares it (states:), at ``path``


@per_register
def stated_bases(register) -> tuple[StatedBasis, ...]:
    """Every legal basis the register states: those for every purpose (``purposes.legal_basis``),
    each purpose's own, then the explicit consent (``condition: a``) of a special category of
    data, then those of any further source in :data:`_BASIS_SOURCES`.

    Every rule that asks which legal bases a register states asks here, so that another source
    of the same facts (tags on free text, say) is added in that one place.
    """
    return tuple(stated for source in _BASIS_SOURCES for stated in source(register))


def _bases_of_purposes(register) -> list[StatedBasis]:
    found: list[StatedBasis] = []
    topic = register.data.get("purposes")
    if isinstance(topic, dict):
        found += [StatedBasis(basis, ("purposes", "legal_basis"), every_purpose=True)
                  for basis in basis_names(topic.get("legal_basis"))]
    for index, item in purposes(register):
        if isinstance(item, dict):
            found += [StatedBasis(basis, ("purposes", "items", index, "legal_basis"), index)
                      for basis in basis_names(item.get("legal_basis"))]
    return found


def retention_of_every_purpose(register) -> bool:
    """True when every purpose item states its own retention (``retention`` of the item, shown
    in the purposes table): the retention is then stated, purpose by purpose."""
    items = purposes(register)
    return bool(items) and all(isinstance(item, dict) and "retention" in item for _index, item in items)


def basis_names(value) -> list[str]:
    """The bases a ``legal_basis`` names: each a name, or a qualified basis
    (``{basis: consent, note: ...}``) counted as its ``basis``."""
    return [basis["basis"] if isinstance(basis, dict) else basis for basis in as_list(value)]


def _explicit_consents(register) -> list[StatedBasis]:
    return [StatedBasis("consent", path + ("condition",), article="9(2)(a)") for path, category in data_categories(register)
            if isinstance(category, dict) and category.get("condition") == "a"]


def _declared_bases(register) -> list[StatedBasis]:
    declared = stated_facts(register)
    return [StatedBasis(basis, path, declared=True) for basis in facts.BASES for path in declared.get(basis, ())]


# Where the register states its legal bases, in the order stated_bases returns them.
_BASIS_SOURCES = (_bases_of_purposes, _explicit_consents, _declared_bases)


def purpose_bases(register, index: int) -> list[StatedBasis]:
    """The GDPR 6(1) bases stated for the purpose item at ``index``: those for every purpose
    and its own (:func:`stated_bases`)."""
    return [stated for stated in stated_bases(register)
            if stated.article == "6(1)" and (stated.every_purpose or stated.purpose == index)]


def data_categories(register) -> list[tuple[tuple, object]]:
    """(path, item) of every data category, those of the groups first, then the topic's own."""
    topic = register.data.get("data_categories")
    if not isinstance(topic, dict):
        return []
    found = [(("data_categories", "groups", group_index, "items", index), item)
             for group_index, group in enumerate(topic.get("groups", []))
             for index, item in enumerate(group.get("items", []))]
    return found + [(("data_categories", "items", index), item) for index, item in enumerate(topic.get("items", []))]


def rights(register) -> list[tuple[int, dict]]:
    """(index, item) of every right listed under ``rights``."""
    topic = register.data.get("rights")
    if not isinstance(topic, dict):
        return []
    return [(index, item) for index, item in enumerate(topic.get("items", [])) if isinstance(item, dict)]


def right_text(register, index: int) -> tuple[tuple, object]:
    """(path, text) of what the notice says for the right at ``index``: its own ``text``; else
    the register's own sentence for its kind (``wording.rights``); else the standard sentence,
    at the item's ``right``. The text is free content or a str ("" for no sentence at all)."""
    item = register.data["rights"]["items"][index]
    if "text" in item:
        return ("rights", "items", index, "text"), item["text"]
    kind = item["right"]
    own = (register.data.get("wording") or {}).get("rights") or {}
    if kind in own:
        return ("wording", "rights", kind), own[kind]
    return ("rights", "items", index, "right"), resources.phrases(register.data.get("language", "fi"))["rights"].get(kind, "")


def silent_rights(register) -> list[tuple[int, dict]]:
    """(index, item) of every listed right whose text (own or standard) says nothing
    (:func:`says_nothing`): the notice lists it without telling it."""
    return [(index, item) for index, item in rights(register) if says_nothing(right_text(register, index)[1])]


def silent_right(register, index: int, code: str, level: str, reference: str) -> Problem:
    """The finding at the text of the listed right at ``index`` that says nothing: why it does
    not count, and what to write instead (a whole sentence, or the standard one)."""
    path, text = right_text(register, index)
    kind = register.data["rights"]["items"][index]["right"]
    language = register.data.get("language", "fi")
    name = f"{resources.phrases(language)['right_names'][kind]} ({kind})"
    standard = resources.phrases(language)["rights"].get(kind, "")
    instead = f", jolloin selosteeseen tulee vakiolause ”{standard}”" if standard else ""
    what = "mitä oikeus antaa rekisteröidylle ja miten sitä käytetään"
    if path[-1] == "right":  # no sentence at all
        return problem_at(register, path, code, level,
                          f"{reference}: {name} on lueteltu ilman tekstiä, joten selosteessa ei lue siitä mitään",
                          f"lisää oikeudelle 'text:' ja siihen kokonainen lause siitä, {what}")
    if path[0] == "wording":
        said = f"oma vakiolause (wording.rights.{kind})"
        fix = f"kirjoita kohtaan wording.rights.{kind} kokonainen lause siitä, {what}, tai poista se{instead}"
    else:
        said = "teksti"
        fix = f"kirjoita tekstiksi kokonainen lause siitä, {what}, tai poista 'text:'{instead}"
    return problem_at(register, path, code, level,
                      f"{reference}: {said} ei kerro oikeudesta mitään, joten {name} jää kertomatta: "
                      f"”{short(words_of(text))}”", fix)


def right_kinds(register) -> set[str]:
    """The kinds of rights (``access``, ``erasure``, ...) the register tells: each listed under
    ``rights`` with words that say something (its own text, or the standard sentence), and those
    of any further source in :data:`_RIGHT_SOURCES`.

    A right whose text says nothing ("Kyllä.") is listed, not told: it is left out here, and
    :func:`silent_rights` names it. Every rule that asks which rights a register states asks
    here, so that another source of the same facts is added in that one place.
    """
    return {kind for source in _RIGHT_SOURCES for kind in source(register)}


def _listed_rights(register) -> set[str]:
    silent = {index for index, _item in silent_rights(register)}
    return {item["right"] for index, item in rights(register) if index not in silent}


def _declared_rights(register) -> set[str]:
    """The rights a text of the register's own declares it tells (``states: [access, erasure]``)."""
    return {fact for fact in stated_facts(register) if fact in facts.RIGHTS}


# Where the register states its rights.
_RIGHT_SOURCES = (_listed_rights, _declared_rights)


def short(text: str, length: int = 60) -> str:
    """A text cut to ``length`` characters on one line, for quoting in a message."""
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= length else one_line[: length - 1].rstrip() + "…"


def stated_either_way(register, topic: str, code: str, level: str, *, missing: tuple, empty: tuple,
                      contradiction: tuple, nothing: tuple | None = None):
    """The finding, if any, on a topic that must say either what there is or ``none: true``.

    ``missing`` (no such key), ``empty`` (the key says nothing) and ``contradiction``
    (``none: true`` and items) are each the (message, hint) of that finding. With ``nothing``,
    a (message, hint) too, words that say nothing (:func:`says_nothing`) are reported as well:
    the register's own ``none`` sentence, or its description (intro, items and notes
    together), at the first of them; the message is followed by the words quoted.
    """
    state = statement(register, topic)
    if state == "missing":
        yield missing_topic(register, topic, code, level, *missing)
    elif state == "empty":
        yield problem_at(register, (topic,), code, level, *empty, key=True)
    elif state == "contradiction":
        yield problem_at(register, (topic, "none"), code, level, *contradiction)
    elif nothing is None:
        return
    value = register.data.get(topic)
    if value is None:
        return  # stated only in a text that declares it (states:)
    if state == "none" and isinstance(value.get("none"), str):
        parts = [((topic, "none"), value["none"])]
    elif state in ("items", "text"):
        parts = [((topic, key), value[key]) for key in ("intro",) if key in value]
        parts += [((topic, "items", index), item) for index, item in enumerate(value.get("items", []))]
        parts += [((topic, key), value[key]) for key in ("notes",) if key in value]
    else:
        return
    if says_nothing(*(text for _path, text in parts)):
        said = " ".join(words_of(text) for _path, text in parts)
        yield problem_at(register, parts[0][0], code, level, f"{nothing[0]}: ”{short(said)}”", nothing[1])


def statement(register, topic: str) -> str:
    """How a register states a topic that may be "none": ``missing`` (no such key),
    ``contradiction`` (``none: true``, or its own sentence, and items), ``none``, ``items`` (in its list
    or its lists of ``groups``), ``text`` (intro or notes only) or ``empty`` (the key says nothing).

    A text anywhere that declares the topic (``states: transfers``) or that there is none
    (``states: no_transfers``) states it as items or as none do."""
    value = register.data.get(topic)
    said_none = declares(register, f"no_{topic}")
    listed = value is not None and (value.get("items") or any(group["items"] for group in value.get("groups", [])))
    if value is None or not (value.get("none") or listed):
        if said_none:
            return "none"
        if declares(register, topic):
            return "items"
    if value is None:
        return "missing"
    if value.get("none") is True or isinstance(value.get("none"), str) or said_none:  # true, or said in own words
        return "contradiction" if listed else "none"
    if listed:
        return "items"
    return "text" if has_text(value) else "empty"


@per_register
def stated_facts(register) -> dict[str, list[tuple]]:
    """Every fact the register's texts declare (``states:``), with the paths that declare it."""
    return facts.stated(register.data)


def declares(register, *names: str) -> bool:
    """True when a text of the register declares any of the facts ``names`` (``states:``)."""
    found = stated_facts(register)
    return any(name in found for name in names)
