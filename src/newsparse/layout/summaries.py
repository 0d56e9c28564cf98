"""Key-points boxes: the ``核心提示`` label and the summary paragraphs after it.

A feature may open with a box of summary paragraphs under a label
(``SUMMARY_LABELS``), printed alone
(``### 核心提示``), in brackets (``【内容提要】``) or glued before the first
summary paragraph (``核心提示：…``). ``parse_label()`` reads the label;
assembly puts the lines after it in the article's summary until a photo gap,
a headline, a dateline or a byline ends the box.

>>> parse_label("【核心提示】全市投资增长。")
Label(start=0, end=6, rest=6)
>>> parse_label("核心内容") is None
True
>>> parse_label("亮点"), parse_label("亮点纷呈的一年") is None
(Label(start=0, end=2, rest=2), True)
"""

from __future__ import annotations

from typing import Final, NamedTuple

import regex

from newsparse.errors import str_argument
from newsparse.layout.vocab import LONE_SUMMARY_LABELS, SUMMARY_LABELS

__all__ = ["LABEL_STARTS", "Label", "parse_label"]


class Label(NamedTuple):
    """A summary label at the start of a line, offsets relative to the line.

    ``start``/``end`` delimit the label as printed (brackets kept, the colon
    and blanks after it not); ``rest`` is where the summary text starts.
    """

    start: int
    end: int
    rest: int


_LABEL: Final = regex.compile(
    r"[【\[]?+(?:"
    + "|".join(sorted(map(regex.escape, SUMMARY_LABELS), key=len, reverse=True))
    + r"|(?:"
    + "|".join(sorted(map(regex.escape, LONE_SUMMARY_LABELS), key=len, reverse=True))
    + r")(?=[】\]]?+[ ]*+(?:[:：]|$)))[】\]]?+[ ]?+[:：]?+[ ]?+"
)

# the characters a label starts with: a bracket or a label's first character
LABEL_STARTS = frozenset("【[" + "".join(w[0] for w in (*SUMMARY_LABELS, *LONE_SUMMARY_LABELS)))


@str_argument("line")
def parse_label(line: str, pos: int = 0) -> Label | None:
    """The summary label at ``pos`` of ``line`` (after the line's lead marks), if any.

    >>> parse_label("### 核心提示", 4)
    Label(start=4, end=8, rest=8)
    >>> parse_label("核心提示：全市投资增长。")
    Label(start=0, end=4, rest=5)
    """
    if pos >= len(line) or line[pos] not in LABEL_STARTS:
        return None  # (most lines: no label can start there)
    m = _LABEL.match(line, pos)
    if m is None:
        return None
    printed = line[m.start() : m.end()].rstrip(" :：")
    return Label(m.start(), m.start() + len(printed), m.end())
