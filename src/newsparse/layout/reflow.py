"""Joining paragraphs that a page break, a photo or a sidebar cut in two.

A block that ends without closing punctuation continues in the next text
block of its article, however many captions, photos or boxes stand between
them. The join adds no space. Where the character at the cut is printed on
both sides (``…党员干部`` / ``部变…``) it is kept once.

>>> [j.parts for j in join_pieces(["营造科技创新", "浓厚氛围，全市发展。", "新段落。"])]
[((0, 0), (1, 0)), ((2, 0),)]
>>> join_pieces(["党员干部", "部变上访为下访。"])[0].text
'党员干部变上访为下访。'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import regex
from attrs import frozen

from newsparse.chars import CLAUSE_ENDS, CLOSING_MARKS
from newsparse.layout.headlines import DASH
from newsparse.layout.vocab import NOTE_SIGNATURES

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["Joined", "ends_open", "is_editor_note", "join_pieces", "joins_of"]

_HAN: Final = regex.compile(r"\p{Han}")
_EDITOR_NOTE: Final = regex.compile(
    rf"{DASH}[ ]?+(?:"
    + "|".join(sorted(map(regex.escape, NOTE_SIGNATURES), key=len, reverse=True))
    + r")[ ]?+[)）]?+$"
)
# The longest signature _EDITOR_NOTE reads (a dash of three, a blank, the signature,
# a blank, a parenthesis, a final line break): it is searched for in that tail only.
_NOTE_REACH = 3 + 1 + max(map(len, NOTE_SIGNATURES)) + 3


def is_editor_note(text: str) -> bool:
    """Whether a block is an editor's note: text signed ``——编者`` at its end.

    The signature ends the paragraph (``ends_open`` is false after it).

    >>> is_editor_note("本版今起推出系列报道，敬请关注。——编者")
    True
    >>> is_editor_note("（本文有删节）——編者"), is_editor_note("他是一名编者。")
    (True, False)
    """
    return _EDITOR_NOTE.search(text, max(len(text) - _NOTE_REACH, 0)) is not None


def ends_open(text: str) -> bool:
    """Whether a block ends mid-sentence (no closing punctuation at its end).

    A closing quote or bracket closes the sentence only after closing
    punctuation (``说。”``), not after a word (``“锦绣之州”``).

    >>> ends_open("营造科技创新"), ends_open("他说。"), ends_open("素有“锦绣之州”")
    (True, False, True)
    >>> ends_open("“为民办实事。”"), ends_open("敬请关注——编者")
    (False, False)
    """
    body = text.rstrip()
    if not body:
        return False
    i = len(body) - 1
    while i >= 0 and body[i] in CLOSING_MARKS:
        i -= 1
    if i < 0:
        return False
    if body[i] in CLAUSE_ENDS or is_editor_note(body):
        return False
    return not (body[i] == "." and body[max(0, i - 2) : i + 1] == "...")


def doubled_at_cut(before: str, after: str) -> bool:
    """Whether the character at a cut is printed on both sides of it.

    Only a Han character counts, and not when the text before already ends
    on a doubled pair (``一件件`` is a real reduplication).

    >>> doubled_at_cut("党员干部", "部变"), doubled_at_cut("天天", "天亮"), doubled_at_cut("3", "3")
    (True, False, False)
    """
    if not before or not after or before[-1] != after[0]:
        return False
    if not _HAN.match(after[0]):
        return False
    return not (len(before) >= 2 and before[-2] == before[-1])


@frozen
class Joined:
    """A paragraph made of one or more pieces.

    ``parts`` lists ``(index, skip)`` pairs: the piece index and how many of
    its leading characters were dropped as a doubled character at the cut.
    """

    parts: tuple[tuple[int, int], ...]
    text: str


def join_pieces(pieces: Sequence[str]) -> list[Joined]:
    """Join consecutive text pieces where the first ends mid-sentence.

    >>> [j.text for j in join_pieces(["甲乙", "丙。", "丁。"])]
    ['甲乙丙。', '丁。']
    """
    return [Joined(parts, text) for parts, text in joins_of(pieces)]


# Characters that close a block for certain when they end it (most paragraphs end so):
# a clause end not behind a closing mark. ends_open decides every other ending.
_CLOSED_ENDS: Final = frozenset(CLAUSE_ENDS) - frozenset(CLOSING_MARKS) - {"."}


def joins_of(pieces: Sequence[str]) -> list[tuple[tuple[tuple[int, int], ...], str]]:
    """[`join_pieces()`][newsparse.join_pieces] as plain tuples ``(parts, text)``.

    What the page pipeline calls (one tuple a paragraph, no object). A piece
    whose last character closes a sentence (``。``) closes its paragraph
    without a call of ``ends_open``.

    >>> joins_of(["营造科技创新", "浓厚氛围。", "新段落。"])
    [(((0, 0), (1, 0)), '营造科技创新浓厚氛围。'), (((2, 0),), '新段落。')]
    """
    out: list[tuple[tuple[tuple[int, int], ...], str]] = []
    parts: list[tuple[int, int]] = []
    buf: list[str] = []
    closed = True
    for i, piece in enumerate(pieces):
        if not closed:
            skip = 1 if doubled_at_cut(buf[-1], piece) else 0
            parts.append((i, skip))
            buf.append(piece[skip:])
        else:
            if parts:
                out.append((tuple(parts), "".join(buf)))
            parts = [(i, 0)]
            buf = [piece]
        last = buf[-1]
        closed = last[-1:] in _CLOSED_ENDS or not ends_open(last)
    if parts:
        out.append((tuple(parts), "".join(buf)))
    return out
