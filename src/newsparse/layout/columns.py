"""Column markers (栏目): ``锦州脚步 JIAOBU``, ``■ 图说 TUSHUO``, ``## 图说``, ``城市印象``.

A column marker is a short line: an optional markdown ``#`` level or
bullet, a Chinese name of two to eight Han characters, and optionally the
Latin (pinyin or English) part in capitals. Without the Latin part a short
name is only a *candidate*: the page parser accepts it when the line that
follows is a headline or photos (see [`newsparse.page`][newsparse.page]).

>>> parse_column("锦州脚步 JIAOBU")
Column(name='锦州脚步', pinyin='JIAOBU', span=Span(start=0, end=11), level=None)
>>> parse_column("## 图说 TUSHUO").level
2
>>> parse_column("城市印象").pinyin is None
True
>>> parse_column("工业固投同比增长16.8%") is None
True
"""

from __future__ import annotations

from typing import Final

import regex
from attrs import frozen

from newsparse.errors import str_argument
from newsparse.layout.marks import LEAD_CHARS, NO_MARKS, lead_marks_at
from newsparse.model import Column, Span

__all__ = [
    "SeriesTag",
    "is_column_candidate",
    "parse_column",
    "parse_column_prefix",
    "parse_series_tag",
]

_BODY: Final = regex.compile(
    r"(?P<name>\p{Han}{2,8}+)(?:[ ]?+(?P<latin>[A-Z][A-Z]++(?:[ ][A-Z]++){0,3}+))?+[ ]*+"
)
_MAX_BARE: Final = 6  # a column name printed without its Latin part is at most this long


@str_argument("line")
def parse_column(line: str) -> Column | None:
    """Parse a column marker line; ``None`` when the line is not one.

    The span covers the name and the Latin part (marks excluded), as
    offsets into ``line``.

    >>> parse_column("■ 图说 TUSHUO")
    Column(name='图说', pinyin='TUSHUO', span=Span(start=2, end=11), level=None)
    >>> parse_column("行走锦州XINGZOU").name
    '行走锦州'
    >>> parse_column("本报讯 记者崔治报道") is None
    True
    """
    # (lead_marks(line), without a call on a line without marks: most lines)
    marks = lead_marks_at(line, 0) if line and line[0] in LEAD_CHARS else NO_MARKS
    m = _BODY.fullmatch(line, marks.end)
    if m is None:
        return None
    latin = m.group("latin")
    name = m.group("name")
    if latin is None and len(name) > _MAX_BARE:
        return None
    end = m.end("latin") if latin else m.end("name")
    return Column(name, latin, Span(m.start("name"), end), marks.level)


@str_argument("line")
def is_column_candidate(line: str) -> bool:
    """Whether a line can be a column marker only from context (no Latin part).

    >>> is_column_candidate("城市印象"), is_column_candidate("锦州脚步 JIAOBU")
    (True, False)
    """
    col = parse_column(line)
    return col is not None and col.pinyin is None


# A headline's trailing tag in full-width parentheses: the e-paper's text for
# the column logo printed beside the title. Part markers and picture marks are
# not tags: they stay in the headline.
_TAG: Final = regex.compile(r"（(?P<name>[^（）]{2,40}+)）$")
_NOT_TAG: Final = regex.compile(
    r"[上中下续續完]|[之其]?+[一二三四五六七八九十百0-9０-９]{1,3}+|[组組多附]?+[图圖]|[视視]频|[視视]頻|图文|圖文"
)


@frozen
class SeriesTag:
    """A series or genre tag at the end of a headline, and where it starts in it."""

    start: int
    column: Column


@str_argument("headline")
def parse_series_tag(headline: str) -> SeriesTag | None:
    """The trailing full-width parenthesized series or genre tag of a headline, if any.

    ``start`` is where the tag's opening parenthesis stands; the column's
    span covers the name inside it (offsets into ``headline``).

    >>> t = parse_series_tag("一座老城焕发新生（“十四五”的文化印记）")
    >>> t.start, t.column.name, t.column.pinyin
    (8, '“十四五”的文化印记', None)
    >>> parse_series_tag("小巷里，一盏不灭的灯（编辑手记）").column.name
    '编辑手记'
    >>> parse_series_tag("老街的故事（上）") is None, parse_series_tag("新馆开放（组图）") is None
    (True, True)
    >>> parse_series_tag("（人民时评）") is None
    True
    """
    m = _TAG.search(headline)
    if m is None or m.start() == 0 or _NOT_TAG.fullmatch(m.group("name")):
        return None
    return SeriesTag(m.start(), Column(m.group("name"), None, Span(m.start("name"), m.end("name"))))


_PREFIX: Final = regex.compile(r"(?P<name>\p{Han}(?:[ ]?+\p{Han}){1,5}+)[ ]?+[／/\\][ ]?+(?=\S{4})")


@str_argument("headline")
def parse_column_prefix(headline: str) -> SeriesTag | None:
    r"""A column name printed before the headline with a slash: ``黑白集／…``, ``花 絮\…``.

    ``start`` is where the headline proper starts; the column's span covers
    the name (offsets into ``headline``). A colon is not read this way: it
    opens a quotation headline (``某某：…``).

    >>> t = parse_column_prefix("黑白集／补充保费新制引热议")
    >>> t.column.name, t.start
    ('黑白集', 4)
    >>> parse_column_prefix("专家：要稳住就业") is None
    True
    """
    m = _PREFIX.match(headline)
    if m is None:
        return None
    name = m.group("name").replace(" ", "")
    return SeriesTag(m.end(), Column(name, None, Span(m.start("name"), m.end("name"))))
