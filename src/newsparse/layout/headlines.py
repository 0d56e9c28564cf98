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
from newsparse.errors import str_argument
from newsparse.layout.marks import LEAD_CHARS, lead_marks, lead_marks_at
from newsparse.layout.vocab import CLOSED_ENDINGS, TITLE_LABELS
from newsparse.model import Span

__all__ = [
    "HEADLINE_STOPS",
    "MAX_HEADLINE",
    "TITLE_FIELD_STARTS",
    "HeadlineParts",
    "Piece",
    "is_headline_shaped",
    "labelled_title",
    "site_suffix",
    "split_headline",
    "title_after_dateline",
]

DASH: Final = r"(?:[—─―‒–]{1,3}+|-{2,3}+|－{1,2}+)"
_DASH_CHARS: Final = "—─―‒–-－"  # the characters a DASH starts with
_ANY_DASH: Final = re.compile(f"[{re.escape(_DASH_CHARS)}]")  # (the standard engine: one class)
_KICKER_BREAK: Final = regex.compile(rf"{DASH}[ ]++")
_SUB_START: Final = regex.compile(rf"[ ]++{DASH}(?=\S)")
_DASH_ONLY: Final = regex.compile(rf"{DASH}")
HEADLINE_STOPS: Final = "。；;，,"
"""Sentence punctuation that a headline line does not contain."""
# A Han character of the unified block or of extension A (a plain class: the standard engine).
_HAN_CHAR: Final = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
# A genre or position label before the title, with a colon: ``特写：…`` (the kicker).
_TITLE_LABEL: Final = regex.compile(
    r"(?P<label>"
    + "|".join(sorted(map(regex.escape, TITLE_LABELS), key=len, reverse=True))
    + r")[ ]?+[:：][ ]?+"
)
MAX_HEADLINE: Final = 60
"""A headline line is at most this long (its marks and blanks aside)."""


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


Range = tuple[int, int]
"""A range ``(start, end)`` of a line."""
Ranges = tuple[Range | None, Range | None, Range | None]
"""The ranges of a headline line's kicker, headline and subheadline (``headline_ranges``)."""


def _trimmed(line: str, start: int, end: int) -> Range | None:
    """The range ``start:end`` of ``line`` without blanks at its ends (``None`` if empty)."""
    while start < end and line[start] == " ":
        start += 1
    while end > start and line[end - 1] == " ":
        end -= 1
    return None if start >= end else (start, end)


def _piece(line: str, part: Range | None) -> Piece | None:
    return None if part is None else Piece(line[part[0] : part[1]], Span(*part))


@str_argument("line")
def split_headline(line: str) -> HeadlineParts:
    """Split a headline line into kicker, headline and subheadline.

    Markdown ``#`` marks and bullets in front are skipped. Offsets are into
    ``line``.

    >>> split_headline("## ——锦州开展实践活动纪实").subheadline.text
    '锦州开展实践活动纪实'
    >>> split_headline("### 军民共建结硕果").headline.span
    Span(start=4, end=11)

    A genre or position label before a colon (``特写：``, ``头条:``) is the
    kicker:

    >>> parts = split_headline("特写：江边的早市 灯火通明")
    >>> parts.kicker.text, parts.headline.text
    ('特写', '江边的早市 灯火通明')
    """
    return headline_parts(line)


def headline_parts(line: str) -> HeadlineParts:
    """The parts of a headline line, as ``split_headline()`` reads them (no argument check).

    >>> headline_parts("某市推动科技发展—— 向创新型城市迈进").kicker.text
    '某市推动科技发展'
    """
    kicker, head, sub = headline_ranges(line)
    return HeadlineParts(_piece(line, kicker), _piece(line, head), _piece(line, sub))


def headline_ranges(line: str, start: int | None = None) -> Ranges:
    """The kicker, headline and subheadline of a headline line as ranges of it, blanks trimmed.

    What ``headline_parts()`` reads, without a ``Piece`` made for each part:
    the call of assembly, once a heading line. ``start`` is where the line's
    marks end (``lead_marks(line).end``), if the caller read them already.
    Each pattern is tried only where the line holds what it needs: a dash, a
    blank, a colon.

    >>> headline_ranges("某市推动科技发展—— 向创新型城市迈进")
    ((0, 8), (11, 19), None)
    >>> headline_ranges("## ——锦州开展实践活动纪实", 3)
    (None, None, (5, 15))
    """
    if start is None:
        start = lead_marks(line).end
    end = len(line)
    kicker: Range | None = None
    sub: Range | None = None
    lead = _DASH_ONLY.match(line, start) if line[start : start + 1] in _DASH_CHARS else None
    if lead is not None:
        return None, None, _trimmed(line, lead.end(), end)
    # (a sub-line and a kicker break both stand at a blank and a dash: most lines hold neither)
    spaced = " " in line and _ANY_DASH.search(line) is not None
    m = _SUB_START.search(line, start) if spaced else None
    if m is not None:
        dash = _DASH_ONLY.search(line, m.start())
        sub_start = dash.end() if dash is not None else m.end()
        sub = _trimmed(line, sub_start, end)
        end = m.start()
    label = _TITLE_LABEL.match(line, start, end) if ":" in line or "：" in line else None
    k = _KICKER_BREAK.search(line, start, end) if spaced else None
    if label is not None and label.end() < end:
        kicker = _trimmed(line, start, label.end("label"))
        start = label.end()
    elif k is not None and k.start() > start:
        kicker = _trimmed(line, start, k.start())
        start = k.end()
    if start < end and line[start] != " " and line[end - 1] != " ":
        return kicker, (start, end), sub  # (most headlines: no blank at either end to trim)
    return kicker, _trimmed(line, start, end), sub


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

    A word that ends on such a character closes the line (``参与``, ``方向``):

    >>> is_headline_shaped("清扫街巷 居民共参与"), is_headline_shaped("企业与高校携手向")
    (True, False)
    """
    # (marks read only where a line opens with one: most lines have none)
    body = (text[lead_marks_at(text, 0).end :] if text[:1] in LEAD_CHARS else text).strip()
    if not body or len(body) > MAX_HEADLINE:
        return False
    for stop in HEADLINE_STOPS:  # (a substring test each: C scans, cheaper than a class)
        if stop in body:
            return False
    if body[-1] in OPEN_HEADLINE_ENDS and not body.endswith(CLOSED_ENDINGS):
        return False
    first = body[0]  # (most headlines open with a Han character: no scan)
    return (
        "\u4e00" <= first <= "\u9fff"
        or "\u3400" <= first <= "\u4dbf"
        or _HAN_CHAR.search(body) is not None
    )


def labelled_title(text: str) -> bool:
    """Whether a line is a title after a genre or position label (``特写：江边的早市``).

    Such a line is a heading, whatever words its title holds (``记者``, a
    name): a byline never opens with a label and a colon.

    >>> labelled_title("特写：记者眼中的早市"), labelled_title("特写"), labelled_title("记者：张三")
    (True, False, False)
    """
    start = lead_marks(text).end
    m = _TITLE_LABEL.match(text, start)
    return m is not None and m.end() < len(text) and is_headline_shaped(text[m.end() :])


_TITLE_FIELD: Final = regex.compile(r"[题題][ ]?+[:：][ ]?+")
TITLE_FIELD_STARTS: Final = "题題"
"""The characters an agency's title field (``题：``) starts with."""


@str_argument("text")
def title_after_dateline(text: str, pos: int) -> tuple[Span, Span] | None:
    """An agency's title after its dateline: ``新华社X地X月X日电 题：…`` to the line's end.

    Agency copy prints the story's title after the dateline, labelled
    ``题：``; returns the spans of the label and of the title (offsets into
    ``text``, from ``pos`` where the dateline ends), or ``None``.

    >>> text = "新华社江城3月5日电 题：春到江城——一座老城的新生"
    >>> label, title = title_after_dateline(text, 11)
    >>> text[label.start : label.end], text[title.start : title.end]
    ('题：', '春到江城——一座老城的新生')
    >>> title_after_dateline("新华社江城3月5日电 题记里写着，春天来了。", 11) is None
    True
    """
    m = _TITLE_FIELD.match(text, pos) if text[pos : pos + 1] in TITLE_FIELD_STARTS else None
    if m is None:
        return None
    end = len(text.rstrip())
    if end <= m.end() or not is_headline_shaped(text[m.end() : end]):
        return None
    return Span(m.start(), m.end()), Span(m.end(), end)


# A web page title's site part: ``_新闻中心_江城网``, `` - 江城网``, ``|江城日报客户端``.
_SITE_PARTS: Final = regex.compile(
    r"(?:(?:[ ]?+[_\uff3f|\uff5c]|[ ]-)[ ]?+[^_\uff3f|\uff5c ]{1,16}+){1,3}+$"
)
_SITE_WORD: Final = regex.compile(
    r"(?:网|網|频道|頻道|新闻|新聞|在线|在線|报|報|客户端|客戶端|网站|網站|中心|门户|門戶)$"
    r"|\.(?:com|cn|net|org)"
)


@str_argument("text")
def site_suffix(text: str) -> int | None:
    """Where a web page title's site part starts (``标题_新闻中心_江城网``), or ``None``.

    A page title names the site after the headline, behind ``_``, ``|`` or
    `` - ``; the last part is a site's name (``…网``, ``…报``, ``…频道``,
    an address).

    >>> t = "江城新桥通车_新闻中心_江城网"
    >>> t[: site_suffix(t)]
    '江城新桥通车'
    >>> site_suffix("早安江城|假期开门红"), site_suffix("江城新桥通车")
    (None, None)
    """
    m = _SITE_PARTS.search(text)
    if m is None or m.start() == 0:
        return None
    last = regex.split(r"[_\uff3f|\uff5c]|[ ]-", m.group())[-1].strip()
    if _SITE_WORD.search(last) is None:
        return None
    start: int = m.start()
    return start
