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

from typing import TYPE_CHECKING

from attrs import frozen

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["MIN_TAIL", "Repeat", "find_repeats"]

MIN_TAIL = 12
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


def _squash(text: str) -> str:
    return "".join(text.split())


def find_repeats(texts: Sequence[str], *, min_tail: int = MIN_TAIL) -> list[Repeat]:
    """Find the blocks that repeat an earlier block, whole or its tail.

    ``offset`` is the offset in the earlier block (blanks removed) where the
    repeated part starts.

    >>> find_repeats(["同样的话。", "同样的话。"])[0].reason
    'duplicate'
    >>> find_repeats(["很短。", "短。"])
    []
    """
    seen: dict[str, int] = {}
    by_tail: dict[str, list[int]] = {}
    squashed: list[str] = []
    out: list[Repeat] = []
    for i, raw in enumerate(texts):
        text = _squash(raw)
        squashed.append(text)
        if not text:
            continue
        if text in seen:
            out.append(Repeat(i, seen[text], "duplicate", 0))
            continue
        key = text[-min_tail:]
        found = False
        if len(text) >= min_tail:
            for j in by_tail.get(key, ()):
                earlier = squashed[j]
                if len(earlier) > len(text) and earlier.endswith(text):
                    out.append(Repeat(i, j, "tail_repeat", len(earlier) - len(text)))
                    found = True
                    break
        if found:
            continue
        seen[text] = i
        if len(text) >= min_tail:
            by_tail.setdefault(key, []).append(i)
    return out
