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

import regex

from newsparse.layout.marks import lead_marks
from newsparse.model import Column, Span

__all__ = ["is_column_candidate", "parse_column"]

_BODY = regex.compile(
    r"(?P<name>\p{Han}{2,8}+)(?:[ ]?+(?P<latin>[A-Z][A-Z]++(?:[ ][A-Z]++){0,3}+))?+[ ]*+"
)
_MAX_BARE = 6  # a column name printed without its Latin part is at most this long


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
    marks = lead_marks(line)
    m = _BODY.fullmatch(line, marks.end)
    if m is None:
        return None
    latin = m.group("latin")
    name = m.group("name")
    if latin is None and len(name) > _MAX_BARE:
        return None
    end = m.end("latin") if latin else m.end("name")
    return Column(name, latin, Span(m.start("name"), end), marks.level)


def is_column_candidate(line: str) -> bool:
    """Whether a line can be a column marker only from context (no Latin part).

    >>> is_column_candidate("城市印象"), is_column_candidate("锦州脚步 JIAOBU")
    (True, False)
    """
    col = parse_column(line)
    return col is not None and col.pinyin is None
