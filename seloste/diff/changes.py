"""The changes between two versions of a register's data, entry by entry, each named and classed."""

from __future__ import annotations

import collections

from seloste import sequences
from seloste.blocks import Item
from seloste.diff.model import CHANGED
from seloste.diff.model import MOVED
from seloste.diff.model import REMOVED
from seloste.diff.model import ADDED
from seloste.diff.model import Change
from seloste.diff.rules import EXACT_KINDS
from seloste.diff.rules import GROUP_IDENTITY
from seloste.diff.rules import GROUP_NAMERS
from seloste.diff.rules import MATERIAL
from seloste.diff.rules import NAMED_KINDS
from seloste.diff.rules import TEXT_KINDS
from seloste.diff.wording import WORD
from seloste.facts import TOPIC_OF
from seloste.diff.wording import excerpt
from seloste.diff.wording import is_wording_fix
from seloste.diff.wording import same_characters
from seloste.notice.words import shorten
from seloste.resources import register_phrases
from seloste.resources import register_sections
from seloste.resources import source_language


# Attributes an entry is compared by but that no change names: the text as written (a change
# there alone is "muotoilu") and the facts a text declares (named by "kertoo").
_HIDDEN = frozenset({"source", "states"})


# The notice's own facts, reported before its sections in this order.
_ABOUT_THE_NOTICE = ("title", "updated", "version", "layout", "preamble")


def register_changes(old: dict, new: dict) -> list[Change]:
    """Every change between two versions of one register's data, in the order of the notice."""
    from seloste.notice import build_notice

    return changes_between(old, new, build_notice("x", old), build_notice("x", new))


def changes_between(old: dict, new: dict, old_notice, new_notice) -> list[Change]:
    """:func:`register_changes`, given the notices the two versions lay out into."""
    old_sections, new_sections = _sections(old), _sections(new)
    order = {section.id: index for index, section in enumerate(new_notice.sections)}
    order_old = {section.id: index for index, section in enumerate(old_notice.sections)}
    changes: list[tuple[tuple, Change]] = []
    old_entries, new_entries = old_notice.items, new_notice.items
    old_by_topic, new_by_topic = collections.defaultdict(list), collections.defaultdict(list)
    for found, by_topic in ((old_entries, old_by_topic), (new_entries, new_by_topic)):
        for entry in found:
            by_topic[entry.topic].append(entry)
    ranks = _topic_ranks(new)

    def topic_rank(topic: str) -> int:
        return ranks.get(topic, len(ranks) + (topic == "history"))

    topics = sorted({e.topic for e in old_entries} | {e.topic for e in new_entries}, key=topic_rank)
    for topic in topics:
        sections = new_sections if topic in new_by_topic else old_sections
        section_id, title = sections.get(topic, ("", _meta_title(topic, new)))
        rank = order.get(section_id, order_old.get(section_id, -1 if topic in _ABOUT_THE_NOTICE else 999))
        for index, change in enumerate(_compare_entries(old_by_topic.get(topic, []), new_by_topic.get(topic, []), title)):
            changes.append(((rank, topic_rank(topic), index), change))
    return [change for _, change in sorted(changes, key=lambda pair: pair[0])]


def _topic_ranks(data: dict) -> dict[str, int]:
    """The order of topics that share a section: the notice's own facts (title, date, layout)
    first, then the topics in the order the register's layout places them; the register's own
    sections and its history come after these."""
    ranks = {topic: rank for rank, topic in enumerate(_ABOUT_THE_NOTICE)}
    for section in register_sections(data):
        for placement in section["topics"]:
            ranks.setdefault(placement["topic"], len(ranks))
    return ranks


def _meta_title(topic: str, data: dict) -> str:
    from seloste.first_layer import words as first_layer_words

    labels = register_phrases(data)["labels"]
    return {"title": "Otsikko", "layout": "Rakenne", "updated": labels["updated"], "version": labels["version"],
            "history": labels["history"], "preamble": "Alkuteksti", "closing": "Lopputeksti",
            "first_layer": first_layer_words(source_language(data))["name"]}.get(topic, topic)


def _sections(data: dict) -> dict:
    """Topic (or custom section id) -> (section id, section title), from the register's layout."""
    found = {}
    for section in register_sections(data):
        for placement in section["topics"]:
            found[placement["topic"]] = (section["id"], section["title"])
    for section in data.get("sections", []):
        found[f"section:{section['id']}"] = (section["id"], section["title"])
    return found


def _compare_entries(old: list[Item], new: list[Item], section: str) -> list[Change]:
    """The changes between two lists of one topic's entries."""
    renames = _group_renames(old, new)
    index_pairs, removed, added = _match(old, new, renames)
    pairs = [(old[i], new[j]) for i, j in index_pairs]
    changes: list[Change] = []
    for entry in removed:
        changes.append(_change(section, entry, REMOVED, entry.name, _attributes(entry)))
    for entry in added:
        changes.append(_change(section, entry, ADDED, entry.name, _attributes(entry)))
    renamed = _renamed_groups(old, new, pairs) | set(renames.items())
    for before, after in pairs:
        if before.content != after.content:
            changes.append(_changed(section, before, after))
        if before.group != after.group and (before.group, after.group) not in renamed:
            changes.append(Change(section, after.topic, after.kind, MOVED, shorten(after.name, 80),
                                  _group_move(before.group, after.group), False))
    changes.extend(_moves(index_pairs, old, new, section))
    return changes


def _group_renames(old: list[Item], new: list[Item]) -> dict[str, str]:
    """Old name -> new name of each group whose entries are part of what they are
    (``GROUP_IDENTITY``) and whose naming entry (``GROUP_NAMERS``) was reworded."""
    old_names = [entry for entry in old if entry.kind in GROUP_NAMERS]
    new_names = [entry for entry in new if entry.kind in GROUP_NAMERS]
    if not old_names or not new_names:
        return {}
    pairs, _, _ = _match(old_names, new_names)
    return {old_names[i].key: new_names[j].key for i, j in pairs if old_names[i].key != new_names[j].key}


def _renamed_groups(old: list[Item], new: list[Item], pairs: list) -> set:
    """(old name, new name) of each group that was renamed rather than emptied: every entry of
    it that is still there went to one group, which the old side did not have, and the new side
    has no group of the old name. Its entries did not move (a list of recipients is named by
    its lead-in, whose rewording would otherwise move every entry)."""
    old_groups, new_groups = {entry.group for entry in old}, {entry.group for entry in new}
    targets = collections.defaultdict(set)
    for before, after in pairs:
        if before.group != after.group:
            targets[before.group].add(after.group)
    return {(name, target) for name, (target, *others) in targets.items()
            if not others and name and target and name not in new_groups and target not in old_groups}


def _group_move(old: str, new: str) -> str:
    if old and new:
        return f"ryhmästä ”{old}” ryhmään ”{new}”"
    return f"ryhmään ”{new}”" if new else f"pois ryhmästä ”{old}”"


def _attributes(entry: Item) -> str:
    parts = [f"{label}: {value}" for label, value in entry.attributes if label not in _HIDDEN]
    if entry.group:
        parts.insert(0, f"ryhmä ”{entry.group}”")
    if not entry.name and entry.text:
        parts.insert(0, f"”{shorten(entry.text, 80)}”")
    return "; ".join(parts)


def _change(section: str, entry: Item, action: str, name: str, detail: str, wording_fix: bool = False) -> Change:
    topic = "section" if entry.topic.startswith("section:") else entry.topic  # every own section shares one rule
    if entry.kind == "stated":  # a text that declares its facts is classed by the first fact's topic
        topic = TOPIC_OF[_facts(entry)[0]]
    material = action in MATERIAL.get((topic, entry.kind), ()) and not wording_fix
    return Change(section, topic, entry.kind, action, shorten(name, 80), detail, material)


def _changed(section: str, before: Item, after: Item) -> Change:
    parts = []
    text_changed = before.key != after.key or before.text != after.text
    if text_changed:
        if before.text.split() != after.text.split():
            parts.append(excerpt(before.text, after.text))
        else:  # the words are the same; markup or spacing changed
            parts.append("muotoilu")
    old_attributes, new_attributes = dict(before.attributes), dict(after.attributes)
    attributes_changed = False
    for label in dict.fromkeys([*old_attributes, *new_attributes]):
        if label in _HIDDEN:
            if label == "source" and old_attributes.get(label) != new_attributes.get(label) and not text_changed:
                parts.append("muotoilu")
            continue
        if old_attributes.get(label) != new_attributes.get(label):
            attributes_changed = True
            parts.append(f"{label}: {old_attributes.get(label) or '–'} → {new_attributes.get(label) or '–'}")
    if after.kind in EXACT_KINDS:
        wording_fix = same_characters(before.text, after.text)
    else:
        wording_fix = is_wording_fix(before, after, spelling=after.kind not in NAMED_KINDS)
    wording_fix = wording_fix and not attributes_changed
    if (after.topic, after.kind) in GROUP_IDENTITY:  # the same words may be another group's
        parts.insert(0, f"ryhmä ”{after.group}”")
    name = after.name if after.name == before.name or not after.name else before.name
    return _change(section, after, CHANGED, name, "; ".join(parts), wording_fix)


def _moves(index_pairs: list, old: list[Item], new: list[Item], section: str) -> list[Change]:
    """Entries that kept their list but changed places: the ones outside the longest common order.

    Works on positions, not on the entries themselves: a list may repeat an item word for word.
    """
    changes = []
    lists = collections.defaultdict(list)
    for i, j in index_pairs:
        before, after = old[i], new[j]
        if before.group == after.group and after.kind in TEXT_KINDS | {"right"}:
            lists[(after.kind, after.group)].append((i, j))
    place_old: dict[int, int] = {}
    place_new: dict[int, int] = {}
    for (kind, group), members in lists.items():
        members.sort()
        keep = sequences.longest_increasing([j for _, j in members])
        if len(keep) == len(members):
            continue
        if not place_old:
            # 1-based places among the entries of each one list, as the notice numbers them.
            place_old, place_new = _places(old), _places(new)
        for i, j in members:
            if j in keep:
                continue
            entry = new[j]
            changes.append(Change(section, entry.topic, entry.kind, MOVED, shorten(entry.name, 80),
                                  f"kohdasta {place_old[i]} kohtaan {place_new[j]}", False))
    return changes


def _places(entries: list[Item]) -> dict[int, int]:
    """Each entry's 1-based place among the entries of its kind and group."""
    counts: collections.Counter = collections.Counter()
    places = {}
    for index, entry in enumerate(entries):
        counts[(entry.kind, entry.group)] += 1
        places[index] = counts[(entry.kind, entry.group)]
    return places


def _match(old: list[Item], new: list[Item], renames: dict | None = None):
    """Pair old and new entries: same kind and key first, then text items by similar wording;
    an entry whose group is part of it (``GROUP_IDENTITY``) only within its group, an old
    group's name read through ``renames``.

    Returns (index pairs (i, j) of old[i] and new[j], removed, added), each in the order of the entries.
    """
    renames = renames or {}

    def own_group(entry: Item, side: dict) -> str:
        return side.get(entry.group, entry.group) if (entry.topic, entry.kind) in GROUP_IDENTITY else ""

    waiting = collections.defaultdict(collections.deque)  # (kind, key, group) -> unmatched new entries, in order
    for j, entry in enumerate(new):
        waiting[(entry.kind, entry.key, own_group(entry, {}))].append(j)
    pairs: list[tuple[int, int]] = []
    unmatched_old = []
    for i, entry in enumerate(old):
        same = waiting.get((entry.kind, entry.key, own_group(entry, renames)))
        if same:
            pairs.append((i, same.popleft()))
        else:
            unmatched_old.append(i)
    paired_new = {j for _, j in pairs}
    unmatched_new = [j for j in range(len(new)) if j not in paired_new]
    candidates = []
    buckets = collections.defaultdict(lambda: ([], []))  # (kind, own group) -> (old indices, new indices)
    for i in unmatched_old:
        if old[i].kind in TEXT_KINDS:
            buckets[(old[i].kind, own_group(old[i], renames))][0].append(i)
    for j in unmatched_new:
        if new[j].kind in TEXT_KINDS:
            buckets[(new[j].kind, own_group(new[j], {}))][1].append(j)
    for olds, news in buckets.values():
        if not olds or not news:
            continue
        old_wordings, new_wordings = [_Wording(old[i].text) for i in olds], [_Wording(new[j].text) for j in news]
        for rank, i in enumerate(olds):
            for other in range(*window(rank, len(olds), len(news))):
                ratio = old_wordings[rank].similar(new_wordings[other])
                if ratio is not None:
                    candidates.append((-ratio, i, news[other]))
    used_old, used_new = set(), set()
    for _, i, j in sorted(candidates):
        if i not in used_old and j not in used_new:
            pairs.append((i, j))
            used_old.add(i)
            used_new.add(j)
    removed = [old[i] for i in unmatched_old if i not in used_old]
    added = [new[j] for j in unmatched_new if j not in used_new]
    return sorted(pairs), removed, added


# Unmatched entries of a kind (and inserted paragraphs, for a deleted one) compared for similar
# wording: a band of those nearest an entry's own place, as wide as keeps a list to about _PAIRS
# comparisons, between _NARROWEST and _WINDOW on either side. That is every pair in lists of up
# to 50 entries, and a number of comparisons linear in the length of longer ones.
_PAIRS = 2_500
_WINDOW = 50
_NARROWEST = 3


def window(rank: int, count: int, others: int, low: int = 0) -> tuple[int, int]:
    """The range of the ``others`` (from ``low`` on) compared with the ``rank``-th of ``count``."""
    half = min(_WINDOW, max(_NARROWEST, _PAIRS // (2 * count)))
    if others - low <= 2 * half + 1:
        return low, others
    start = min(max(rank * others // count - half, low), others - 2 * half - 1)
    return start, start + 2 * half + 1


class _Wording:
    """An entry's words, casefolded, as :func:`_match` compares them."""

    __slots__ = ("side", "words")

    def __init__(self, text: str):
        text = text.casefold()
        self.side = sequences.Side(text)
        self.words = set(WORD.findall(text))

    def similar(self, other: _Wording) -> float | None:
        """How alike the two texts are, or None when they are not alike enough to pair.

        They pair when 60 % of the characters match, or when the words of one are all among the
        other's ("Tilastointi" -> "Tilastointi ja raportointi" is the same item, extended).
        Cheap upper bounds of the ratio rule most pairs out before it is computed.
        """
        extended = self.words and other.words and (self.words <= other.words or other.words <= self.words)
        return sequences.similarity(self.side, other.side, 0.0 if extended else 0.6)


def _facts(entry: Item) -> list[str]:
    """The facts a ``stated`` entry declares (recorded as its hidden ``states`` attribute)."""
    return dict(entry.attributes)["states"].split()
