"""Kicker (引题), headline (主题) and subheadline (副题) from a headline line.

In the extracted text a space stands where the printed headline broke its
line. So ``A—— B`` (a dash, then the break) is kicker ``A`` and headline
``B``; a part that starts with a dash (``A ——B``, or a line of its own) is
the subheadline, dashes stripped; ``A——B`` with no space is one headline
with a dash inside. A space with no dash keeps the line whole.

>>> parts = split_headline("某市推动科技发展—— 向创新型城市迈进")
>>> parts.kicker.text, parts.headline.text, parts.subheadline
('某市推动科技发展', '向创新型城市迈进', None)
>>> parts = split_headline("校地融合 共育科技企业 ——写在签约之际")
>>> parts.headline.text, parts.subheadline.text
('校地融合 共育科技企业', '写在签约之际')
>>> split_headline("英雄的原型——老战士讲党课").headline.text
'英雄的原型——老战士讲党课'
"""

from __future__ import annotations

import re
from typing import Final

import regex
from attrs import frozen

from newsparse.chars import OPEN_HEADLINE_ENDS
from newsparse.layout.marks import lead_marks
from newsparse.model import Span

__all__ = ["HeadlineParts", "Piece", "is_headline_shaped", "split_headline"]

DASH: Final = r"(?:[—─―‒–]{1,3}+|-{2,3}+|－{1,2}+)"
_KICKER_BREAK: Final = regex.compile(rf"{DASH}[ ]++")
_SUB_START: Final = regex.compile(rf"[ ]++{DASH}(?=\S)")
_DASH_ONLY: Final = regex.compile(rf"{DASH}")
# Sentence punctuation that a headline line does not contain.
_NOT_IN_HEADLINE = re.compile("[。；;，,]")
# Characters that cannot end a headline: the line was cut mid-sentence.
_MAX_HEADLINE: Final = 60


@frozen
class Piece:
    """A piece of text with its span (offsets into the string parsed).

    >>> Piece("标题", Span(0, 2)).text
    '标题'
    """

    text: str
    span: Span


@frozen
class HeadlineParts:
    """The parts of one headline line; any of them may be ``None``."""

    kicker: Piece | None
    headline: Piece | None
    subheadline: Piece | None


def _piece(line: str, start: int, end: int) -> Piece | None:
    while start < end and line[start] == " ":
        start += 1
    while end > start and line[end - 1] == " ":
        end -= 1
    if start >= end:
        return None
    return Piece(line[start:end], Span(start, end))


def split_headline(line: str) -> HeadlineParts:
    """Split a headline line into kicker, headline and subheadline.

    Markdown ``#`` marks and bullets in front are skipped. Offsets are into
    ``line``.

    >>> split_headline("## ——锦州开展实践活动纪实").subheadline.text
    '锦州开展实践活动纪实'
    >>> split_headline("### 军民共建结硕果").headline.span
    Span(start=4, end=11)
    """
    start = lead_marks(line).end
    end = len(line)
    kicker: Piece | None = None
    sub: Piece | None = None
    lead = _DASH_ONLY.match(line, start)
    if lead is not None:
        sub = _piece(line, lead.end(), end)
        return HeadlineParts(None, None, sub)
    m = _SUB_START.search(line, start)
    if m is not None:
        dash = _DASH_ONLY.search(line, m.start())
        sub_start = dash.end() if dash is not None else m.end()
        sub = _piece(line, sub_start, end)
        end = m.start()
    k = _KICKER_BREAK.search(line, start, end)
    if k is not None and k.start() > start:
        kicker = _piece(line, start, k.start())
        start = k.end()
    head = _piece(line, start, end)
    return HeadlineParts(kicker, head, sub)


def is_headline_shaped(text: str) -> bool:
    """Whether a line looks like a headline or an intertitle by its form alone.

    A headline is short, has no sentence punctuation inside (``。，；``) and
    does not end on a character that leaves a sentence open (``的``, ``和``,
    ``、``...), which is how a paragraph cut by a page break ends.

    >>> is_headline_shaped("工业固投同比增长16.8%")
    True
    >>> is_headline_shaped("锦州高新区企业、高校与政府签订协议和")
    False
    >>> is_headline_shaped("今年以来,锦州市为培育壮大新动能产业")
    False
    """
    body = text[lead_marks(text).end :].strip()
    if not body or len(body) > _MAX_HEADLINE:
        return False
    if _NOT_IN_HEADLINE.search(body):
        return False
    if body[-1] in OPEN_HEADLINE_ENDS:
        return False
    return any("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in body)
