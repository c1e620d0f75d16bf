"""Two sequences compared within a bound on the work: their matching blocks, opcodes and similarity.

The diff compares paragraphs (lines of the rendered text), words and characters with
:class:`difflib.SequenceMatcher`. Its work grows with the product of the two lengths, and more:
every block it finds is searched for again in what is left around it. So:

- up to :data:`LIMIT` (the product of the two lengths) SequenceMatcher is used as it is: every
  ordinary paragraph and notice compares exactly as it always has;
- beyond it the common start and end are matched as they stand; what is left in between, if
  still beyond the limit, is anchored on the elements that occur exactly once on each side (the
  longest chain of them in the same order on both, as patience diff does; runs of elements where
  no single one is found once), and each stretch between two anchors is compared the same way,
  up to :data:`DEPTH` levels. A stretch still beyond the limit at the last level counts as
  replaced as a whole.

The work beyond the limit is then at most proportional to ``DEPTH`` times the two lengths times
the longest run tried, plus SequenceMatcher on stretches each within the limit: near-linear,
with a bound.
"""

from __future__ import annotations

import collections
import difflib

LIMIT = 1 << 18  # the largest product of two lengths that SequenceMatcher compares as a whole
SHORT = 1 << 12  # sides whose product of lengths is at most this are compared without a bound first
DEPTH = 4  # levels of anchoring beyond the limit
RUNS = (1, 4, 16)  # lengths of the runs tried as anchors, shortest first


def opcodes(a, b) -> list[tuple[str, int, int, int, int]]:
    """What turns ``a`` into ``b``, as :meth:`difflib.SequenceMatcher.get_opcodes` gives it."""
    if len(a) * len(b) <= LIMIT:
        return difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    found: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    for block_i, block_j, size in [*matching_blocks(a, b), (len(a), len(b), 0)]:
        tag = "replace" if i < block_i and j < block_j else "delete" if i < block_i else "insert" if j < block_j else ""
        if tag:
            found.append((tag, i, block_i, j, block_j))
        i, j = block_i + size, block_j + size
        if size:
            found.append(("equal", block_i, i, block_j, j))
    return found


def ratio(a, b) -> float:
    """How alike ``a`` and ``b`` are, from 0 to 1: twice the matched elements over both lengths,
    :meth:`difflib.SequenceMatcher.ratio` within the limit."""
    if len(a) * len(b) <= LIMIT:
        return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    matched = sum(size for _, _, size in matching_blocks(a, b))
    return 2.0 * matched / (len(a) + len(b))


class Side:
    """One side of many comparisons: its elements, how often each occurs, and (made when first
    needed) the bit mask of each element's positions."""

    __slots__ = ("elements", "counts", "_masks")

    def __init__(self, elements):
        self.elements = elements
        self.counts = collections.Counter(elements)
        self._masks = None

    def __len__(self) -> int:
        return len(self.elements)

    @property
    def masks(self) -> dict:
        if self._masks is None:
            masks: dict = {}
            for position, element in enumerate(self.elements):
                masks[element] = masks.get(element, 0) | 1 << position
            self._masks = masks
        return self._masks


def similarity(a: Side, b: Side, least: float) -> float | None:
    """How alike ``a`` and ``b`` are when it is at least ``least``, else None.

    Twice the length of the longest common subsequence over both lengths, from 0 to 1, within
    the limit; :func:`ratio` beyond it. Two upper bounds, each cheaper than the measure itself,
    rule most pairs out first: the shorter length and, for all but short sides (where the
    subsequence costs no more), the elements the two have in common.
    """
    total = len(a) + len(b)
    if not total:
        return 1.0
    if least > 0 and 2.0 * min(len(a), len(b)) / total < least:
        return None
    if least > 0 and len(a) * len(b) > SHORT:
        small, large = (a.counts, b.counts) if len(a.counts) <= len(b.counts) else (b.counts, a.counts)
        shared = sum(min(count, large[element]) for element, count in small.items() if element in large)
        if 2.0 * shared / total < least:
            return None
    if len(a) * len(b) <= LIMIT:
        found = 2.0 * common_subsequence(a.elements, b.elements, b.masks) / total
    else:
        found = ratio(a.elements, b.elements)
    return found if found >= least else None


def common_subsequence(a, b, masks: dict | None = None) -> int:
    """The length of the longest common subsequence of ``a`` and ``b`` (``masks``: as
    :attr:`Side.masks` gives them for ``b``).

    Bit-parallel (Allison and Dix; Hyyrö): one pass over ``a`` with ``len(b)``-bit integers.
    """
    if masks is None:
        masks = Side(b).masks
    row = (1 << len(b)) - 1
    for element in a:
        matched = row & masks.get(element, 0)
        row = (row + matched) | (row - matched)
    return len(b) - bin(row & ((1 << len(b)) - 1)).count("1")


def matching_blocks(a, b) -> list[tuple[int, int, int]]:
    """``(i, j, size)`` for each run ``a[i:i + size] == b[j:j + size]``, in order, adjacent runs joined."""
    if len(a) * len(b) <= LIMIT:
        return [tuple(block) for block in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()[:-1]]
    found: list[tuple[int, int, int]] = []
    _blocks(a, b, 0, len(a), 0, len(b), DEPTH, found)
    joined: list[tuple[int, int, int]] = []
    for i, j, size in found:
        if joined and joined[-1][0] + joined[-1][2] == i and joined[-1][1] + joined[-1][2] == j:
            joined[-1] = (joined[-1][0], joined[-1][1], joined[-1][2] + size)
        else:
            joined.append((i, j, size))
    return joined


def _blocks(a, b, a_low: int, a_high: int, b_low: int, b_high: int, depth: int, found: list) -> None:
    """The matching blocks of ``a[a_low:a_high]`` and ``b[b_low:b_high]``, appended to ``found`` in order."""
    start = 0
    while a_low + start < a_high and b_low + start < b_high and a[a_low + start] == b[b_low + start]:
        start += 1
    end = 0
    while a_high - end > a_low + start and b_high - end > b_low + start and a[a_high - end - 1] == b[b_high - end - 1]:
        end += 1
    if start:
        found.append((a_low, b_low, start))
    a_low, b_low, a_high, b_high = a_low + start, b_low + start, a_high - end, b_high - end
    if a_low < a_high and b_low < b_high:
        if (a_high - a_low) * (b_high - b_low) <= LIMIT:
            matcher = difflib.SequenceMatcher(None, a[a_low:a_high], b[b_low:b_high], autojunk=False)
            found.extend((a_low + i, b_low + j, size) for i, j, size in matcher.get_matching_blocks()[:-1])
        elif depth:
            i, j = a_low, b_low
            for anchor_i, anchor_j, size in _anchors(a, b, a_low, a_high, b_low, b_high):
                _blocks(a, b, i, anchor_i, j, anchor_j, depth - 1, found)
                found.append((anchor_i, anchor_j, size))
                i, j = anchor_i + size, anchor_j + size
            _blocks(a, b, i, a_high, j, b_high, depth - 1, found)
    if end:
        found.append((a_high, b_high, end))


def _anchors(a, b, a_low: int, a_high: int, b_low: int, b_high: int) -> list[tuple[int, int, int]]:
    """Runs ``(i, j, size)`` found once in each range, the longest chain of them in the same order.

    Single elements first; where none is found once on each side (a text of few distinct
    words), runs of :data:`RUNS` elements.
    """
    for size in RUNS:
        if a_high - a_low < size or b_high - b_low < size:
            break
        a_runs = [tuple(a[i:i + size]) for i in range(a_low, a_high - size + 1)]
        b_runs = [tuple(b[j:j + size]) for j in range(b_low, b_high - size + 1)]
        a_counts, b_counts = collections.Counter(a_runs), collections.Counter(b_runs)
        where_b = {run: b_low + j for j, run in enumerate(b_runs) if b_counts[run] == 1}
        pairs = [(a_low + i, where_b[run]) for i, run in enumerate(a_runs) if a_counts[run] == 1 and run in where_b]
        if not pairs:
            continue
        chain = longest_increasing([j for _, j in pairs])
        anchors: list[tuple[int, int, int]] = []
        for i, j in pairs:
            if j in chain and (not anchors or (i >= anchors[-1][0] + size and j >= anchors[-1][1] + size)):
                anchors.append((i, j, size))
        return anchors
    return []


def longest_increasing(values: list[int]) -> set[int]:
    """The values of one longest strictly increasing subsequence of distinct ``values``.

    Each value extends the longest subsequence before it that ends lower, the one ending first
    among equals; of the longest, the one ending first is returned. ``O(n log n)``.
    """
    if not values:
        return set()
    ranks = {value: rank for rank, value in enumerate(sorted(values), start=1)}
    tree = [(0, 0)] * (len(values) + 1)  # prefix maxima of (length, -position), a Fenwick tree
    before: list[int] = []
    best_length, best_end = 0, 0
    for position, value in enumerate(values):
        rank, found = ranks[value] - 1, (0, 1)
        while rank:
            found = max(found, tree[rank])
            rank -= rank & -rank
        length = found[0] + 1
        before.append(-found[1] if found[0] else -1)
        if length > best_length:
            best_length, best_end = length, position
        rank = ranks[value]
        while rank <= len(values):
            tree[rank] = max(tree[rank], (length, -position))
            rank += rank & -rank
    chain: set[int] = set()
    position = best_end
    while position >= 0:
        chain.add(values[position])
        position = before[position]
    return chain

