"""Repeated blocks: a paragraph printed twice, or the tail of one printed again.

Extraction tools sometimes emit a text block twice, or emit the end of a
paragraph a second time as a block of its own. [`find_repeats()`][newsparse.find_repeats] finds
the blocks that repeat an earlier block whole or repeat its tail. Text that
the page really repeats inside different sentences is not a repeat: only a
whole block counts.

Comparison ignores blanks. A tail repeat must be at least
[`MIN_TAIL`][newsparse.layout.dedup.MIN_TAIL] characters long. The search is linear in the total
text
length: candidates are looked up by their last characters.

>>> first = "甲乙丙丁戊己庚辛壬癸子丑寅卯。"
>>> r = find_repeats([first, "其他。", first[3:], "其他。"])
>>> [(x.index, x.of, x.reason, x.offset) for x in r]
[(2, 0, 'tail_repeat', 3), (3, 1, 'duplicate', 0)]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from attrs import frozen

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["MIN_TAIL", "Repeat", "find_repeats", "repeats_of"]

MIN_TAIL: Final = 12
"""Shortest block (in characters) that counts as a repeated tail."""


@frozen
class Repeat:
    """Block ``index`` repeats block ``of`` from character ``offset`` to its end.

    ``reason`` is ``"duplicate"`` (the whole block) or ``"tail_repeat"``.
    """

    index: int
    of: int
    reason: str
    offset: int


_SCAN: Final = 8
"""Blocks sharing an ending that are compared one by one; past this many, by suffix hash."""
_MOD: Final = (1 << 61) - 1
_BASE: Final = 1_000_003


class _Bucket:
    """The earlier blocks that share the same last characters, past ``_SCAN`` of them.

    A repeated tail is found by comparing it with each earlier block of its
    ending while they are few (a plain list of indices, most endings hold
    one block); past ``_SCAN`` of them, a bucket indexes every suffix of every
    block in it by its hash (one entry per character, so the index stays
    linear in the text), and a tail is looked up by its own hash.
    """

    __slots__ = ("index", "members")

    def __init__(self, members: list[int], squashed: Sequence[str], min_tail: int) -> None:
        self.members = members
        self.index: dict[tuple[int, int], int] = {}
        for k in members:
            _index_suffixes(self.index, k, squashed[k], min_tail)

    def add(self, j: int, squashed: Sequence[str], min_tail: int) -> None:
        self.members.append(j)
        _index_suffixes(self.index, j, squashed[j], min_tail)

    def find(self, text: str, squashed: Sequence[str]) -> int | None:
        """The first earlier block that ends with ``text`` and is longer."""
        j = self.index.get((len(text), _hash(text)))
        if j is None:
            return None
        if squashed[j].endswith(text) and len(squashed[j]) > len(text):
            return j
        return _first_longer(self.members, text, squashed)  # a hash collision (never seen)


def _first_longer(members: Sequence[int], text: str, squashed: Sequence[str]) -> int | None:
    """The first of ``members`` whose block ends with ``text`` and is longer."""
    for j in members:
        earlier = squashed[j]
        if len(earlier) > len(text) and earlier.endswith(text):
            return j
    return None


def _hash(text: str) -> int:
    """A polynomial hash of ``text`` read from its end (the same fold as the suffix index)."""
    h = 0
    for ch in reversed(text):
        h = (h * _BASE + ord(ch)) % _MOD
    return h


def _index_suffixes(index: dict[tuple[int, int], int], j: int, text: str, min_tail: int) -> None:
    """Index the proper suffixes of ``text`` of at least ``min_tail`` characters (first wins)."""
    h = 0
    n = len(text)
    for k in range(n - 1, 0, -1):
        h = (h * _BASE + ord(text[k])) % _MOD
        length = n - k
        if length >= min_tail:
            index.setdefault((length, h), j)


def find_repeats(texts: Sequence[str], *, min_tail: int = MIN_TAIL) -> list[Repeat]:
    """Find the blocks that repeat an earlier block, whole or its tail.

    ``offset`` is the offset in the earlier block (blanks removed) where the
    repeated part starts. Linear in the total text, however many blocks
    share an ending.

    >>> find_repeats(["同样的话。", "同样的话。"])[0].reason
    'duplicate'
    >>> find_repeats(["很短。", "短。"])
    []
    """
    return [
        Repeat(i, of, reason, offset)
        for i, of, reason, offset in repeats_of(["".join(t.split()) for t in texts], min_tail)
    ]


def repeats_of(
    squashed: Sequence[str], min_tail: int = MIN_TAIL
) -> list[tuple[int, int, str, int]]:
    """[`find_repeats()`][newsparse.find_repeats] on texts already without blanks, as tuples.

    ``(index, of, reason, offset)``, as the fields of ``Repeat``; the page
    pipeline calls it with the texts it has squashed already. One pass, no
    call a block: an ending shared by at most ``_SCAN`` blocks is a list.

    >>> repeats_of(["甲乙丙丁戊己庚辛壬癸子丑。", "丙丁戊己庚辛壬癸子丑。"], 10)
    [(1, 0, 'tail_repeat', 2)]
    """
    seen: dict[str, int] = {}
    by_tail: dict[str, list[int]] = {}
    indexed: dict[str, _Bucket] = {}  # the endings shared by more than _SCAN blocks
    out: list[tuple[int, int, str, int]] = []
    for i, text in enumerate(squashed):
        if not text:
            continue
        first = seen.get(text)
        if first is not None:
            out.append((i, first, "duplicate", 0))
            continue
        long = len(text) >= min_tail
        key = text[-min_tail:]
        members = by_tail.get(key) if long else None
        if members is not None:
            bucket = indexed.get(key)
            j = (
                _first_longer(members, text, squashed)
                if bucket is None
                else bucket.find(text, squashed)
            )
            if j is not None:
                out.append((i, j, "tail_repeat", len(squashed[j]) - len(text)))
                continue
        seen[text] = i
        if not long:
            continue
        if members is None:
            by_tail[key] = [i]
        elif key in indexed:
            indexed[key].add(i, squashed, min_tail)
        else:
            members.append(i)
            if len(members) > _SCAN:
                indexed[key] = _Bucket(members, squashed, min_tail)
    return out
