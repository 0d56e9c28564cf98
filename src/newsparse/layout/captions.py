"""Photo captions and the credits glued to them.

A caption is a short text printed under a photo; its photographer credit
is often glued to its end (``某公司车间一角。本报特约记者 钱九 摄``) or put
in parentheses. [`parse_caption()`][newsparse.parse_caption] splits the two.
[`is_caption_shaped()`][newsparse.layout.captions.is_caption_shaped] says whether a block is short
enough, and has few
enough sentences, to be a caption when it stands after a photo.

>>> c = parse_caption("某公司车间一角。本报特约记者 钱九 摄")
>>> c.text.text, [(x.name, x.role.value, x.title) for x in c.byline.credits]
('某公司车间一角。', [('钱九', 'photographer', '本报特约记者')])
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

import regex
from attrs import evolve, frozen

from newsparse.errors import str_argument
from newsparse.layout.bylines import (
    MAX_BYLINE,
    Byline,
    DatelineMatch,
    parse_byline,
    parse_dateline,
)
from newsparse.layout.headlines import Piece
from newsparse.layout.marks import lead_marks_at
from newsparse.model import Span

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "CAPTION_POINTERS",
    "CREDIT_HINT",
    "CaptionParts",
    "is_caption_shaped",
    "may_hold_credit",
    "parse_caption",
]

_SPLIT = regex.compile(r"(?<=[。！？!?”」』）)])|[ ]++|[（(](?=[^（()）]{2,40}+[)）][ ]?+$)")
_SENTENCE_END = re.compile("[。！？!?]")
# punctuation that cannot open a caption (opening quotes and brackets can)
_STARTS_CUT: Final = regex.compile(r"[\p{P}--[“「『《（(【]]", flags=regex.V1)
# a photo credit names what was done: 摄 (photographed), 图 (picture)
CREDIT_HINT: Final = "摄攝图圖"
"""A photo credit names what was done: 摄 (photographed), 图 (picture)."""
_CREDIT_HINT: Final = re.compile(f"[{CREDIT_HINT}]")
MAX_CAPTION: Final = 80
CAPTION_POINTERS: Final = "▲△▼▽"
"""Marks a paper prints before a caption to point at its photo (``▲游客在公园赏花。``).

A short line opening with one of them is a caption wherever it stands, with or
without a photo gap before it: the mark says what the gap would. Other bullets
(``■``, ``●``) open list items and intertitles, and say nothing of a photo.
The pointer is a layout mark: [`parse_caption()`][newsparse.parse_caption] leaves it
out of the caption's text.
"""
_POINTED: Final = re.compile(f"[{CAPTION_POINTERS}]+[ ]*")
# where a photo credit ends (摄): the next article's dateline may follow at once
_MAX_RUN_ON_TRIES: Final = 4  # credit ends tried per line (linear on any line)
_CREDIT_END: Final = regex.compile(r"[摄攝](?:影)?+[ ]?+(?=\S)")
"""A caption is at most this many characters (credit excluded)."""
MAX_SENTENCES: Final = 2


@frozen
class CaptionParts:
    """A caption's text and the photo credit printed with it (or ``None``).

    ``next_dateline`` is the dateline of the next article when an extraction
    ran it on after the credit, on the same line (its offsets relative to
    the line; the paragraph goes on from its ``rest``).
    """

    text: Piece | None
    byline: Byline | None
    byline_span: Span | None
    next_dateline: DatelineMatch | None = None


def may_hold_credit(line: str) -> bool:
    """Whether a photo credit can be printed in ``line``: it names 摄 or 图.

    A line for which this is false is all text for [`parse_caption()`][newsparse.parse_caption].

    >>> may_hold_credit("游人在海边嬉戏（本报记者 赵六 摄）"), may_hold_credit("游人在海边嬉戏。")
    (True, False)
    """
    return _CREDIT_HINT.search(line) is not None


@str_argument("line")
def parse_caption(line: str) -> CaptionParts:
    """Split a caption line into its text and a trailing photo credit.

    Offsets are relative to ``line``. A line without a credit is all text.

    >>> parse_caption("北普陀山上，玉兰吸引众多游人。").byline is None
    True
    >>> c = parse_caption("游人在海边嬉戏（本报记者 赵六 摄）")
    >>> c.text.text, c.byline.credits[0].name, c.byline_span
    ('游人在海边嬉戏', '赵六', Span(start=7, end=18))

    A caption, its credit and the next article's dateline on one line:

    >>> c = parse_caption("学生在操场上练习。本报记者赵六摄本报讯（记者赵六）近日，...")
    >>> c.text.text, c.byline_span, c.next_dateline.tag.text, c.next_dateline.rest
    ('学生在操场上练习。', Span(start=9, end=16), '本报讯', 25)

    A pointer at the photo (``▲``, see ``layout.captions.CAPTION_POINTERS``) is not text:

    >>> parse_caption("▲游客在公园赏花。").text
    Piece(text='游客在公园赏花。', span=Span(start=1, end=9))
    """
    end = len(line.rstrip())
    pointed = _POINTED.match(line) if line[:1] in CAPTION_POINTERS else None
    start = 0 if pointed is None else pointed.end()
    if not may_hold_credit(line):
        return (
            CaptionParts(Piece(line[start:end], Span(start, end)), None, None)
            if end > start
            else CaptionParts(None, None, None)
        )
    run_on = _run_on(line, end)
    if run_on is not None:
        return run_on
    tail_end = end
    for tail_start in _credit_tails(line, end):
        # parse_byline reads a credit in parentheses too; its spans are moved to ``line``
        by = _shifted(parse_byline(line[tail_start:tail_end]), tail_start)
        if by is None or not by.is_photo_credit:
            continue
        text_end = tail_start
        while text_end > start and line[text_end - 1] == " ":
            text_end -= 1
        if text_end == start:
            continue
        return CaptionParts(
            Piece(line[start:text_end], Span(start, text_end)), by, Span(tail_start, tail_end)
        )
    if end <= start:
        return CaptionParts(None, None, None)
    return CaptionParts(Piece(line[start:end], Span(start, end)), None, None)


def _credit_tails(line: str, end: int) -> Iterator[int]:
    """Where a photo credit may start in ``line[:end]``: after a sentence, a blank or a ``（``.

    Only tails short enough for a byline (``MAX_BYLINE`` characters after
    their lead marks) are given, so that [`parse_caption()`][newsparse.parse_caption]
    copies and parses a bounded text at each cut: linear on any line.

    >>> line = "游人在海边嬉戏。本报记者 赵六 摄"
    >>> [line[k:] for k in _credit_tails(line, len(line))]
    ['本报记者 赵六 摄', '赵六 摄', '摄']
    """
    for m in _SPLIT.finditer(line, 0, end):
        cut = m.end() if m.group() == "" or m.group()[0] == " " else m.start()
        if cut <= 0 or cut >= end:
            continue
        if line[cut] in "（(" and line[end - 1] not in ")）":
            continue
        if end - lead_marks_at(line, cut).end > MAX_BYLINE:
            continue  # too long for a byline: not copied (linear on long lines)
        yield cut


def _run_on(line: str, end: int) -> CaptionParts | None:
    """A caption and credit followed on the same line by a dateline (``…摄本报讯…``)."""
    reach = min(end, MAX_CAPTION + MAX_BYLINE)
    for k, m in enumerate(_CREDIT_END.finditer(line, 0, reach)):
        if k == _MAX_RUN_ON_TRIES:
            break
        nxt = parse_dateline(line, m.end())
        if nxt is None:
            continue
        head = parse_caption(line[: m.end()])
        if head.byline is not None and head.byline.is_photo_credit:
            return evolve(head, next_dateline=nxt)
    return None


def _shifted(byline: Byline | None, offset: int) -> Byline | None:
    if byline is None:
        return None
    return Byline(
        tuple(
            evolve(c, span=Span(c.span.start + offset, c.span.end + offset)) for c in byline.credits
        )
    )


@str_argument("text")
def is_caption_shaped(text: str) -> bool:
    """Whether a block is short enough to be a photo caption.

    At most [`MAX_CAPTION`][newsparse.layout.captions.MAX_CAPTION] characters and
    [`MAX_SENTENCES`][newsparse.layout.captions.MAX_SENTENCES]
    sentences, and it does not start with punctuation (a paragraph cut in two
    starts its second half anywhere).

    >>> is_caption_shaped("东湖森林公园内，李花在枝头争相绽放。")
    True
    >>> is_caption_shaped("，散发着清新自然的香气。")
    False
    """
    body = text.strip()
    if not body or len(body) > MAX_CAPTION:
        return False
    if _STARTS_CUT.match(body):
        return False
    return len(_SENTENCE_END.findall(body.rstrip("。！？!?"))) < MAX_SENTENCES
