r"""Heading decisions: which lines are headlines and columns, read from their neighbours.

A heading-shaped line is a headline when it opens an article: first on the
page or after a column, after a kicker line or a closing byline, before a
dateline, byline or summary label, or before a photo gap (a photo story). A
short line with a comma inside (``天更蓝，水更清``) is one only before a
dateline, a label or a byline that opens an article. A bare column name
(``城市印象``) is a column only before a headline. Captions, photo credits and
sub-lines (``——…``) between them are looked past.

Each decision needs the next and the previous significant line: both come
from one pass over the page (``next_significant()`` backward,
the previous one carried forward), so the stage is linear however long a run
of captions and credits is.

>>> from newsparse.layout.lines import classify_lines
>>> from newsparse.text import normalize
>>> page = "城市印象\n\n空气质量持续好转\n\n本报讯 今年以来，全市空气质量好转。"
>>> [(c.shape.value, c.head) for c in decide_headings(classify_lines(normalize(page).lines))]
[('column', False), ('heading', True), ('dateline', False)]
>>> page = "天更蓝，水更清\n\n本报讯 今年以来，全市空气质量好转。"
>>> [(c.shape.value, c.head) for c in decide_headings(classify_lines(normalize(page).lines))]
[('heading', True), ('dateline', False)]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsparse.layout.lines import ClassifiedLine, Shape, photo_gap_of

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "LOOKED_PAST_AFTER",
    "LOOKED_PAST_BEFORE",
    "caption_like",
    "decide_headings",
    "next_significant",
]

_OPENERS = (Shape.DATELINE, Shape.BYLINE, Shape.LABEL)  # what follows a headline
_TOP = (Shape.COLUMN, Shape.PAGE_CREDIT)  # what may stand above a first headline
_CLOSED_BY = (Shape.TEXT, Shape.DATELINE, Shape.CAPTION_CREDIT)  # what a closing byline ends
_OPENS_ON = (Shape.TEXT, Shape.LABEL, Shape.DATELINE, Shape.CAPTION_CREDIT)
# Shapes the decisions look past, besides captions and credits: looking back
# (lines without content), looking ahead (sub-lines are looked past apart).
LOOKED_PAST_BEFORE = frozenset({Shape.JUNK, Shape.JUMP})
LOOKED_PAST_AFTER = frozenset({Shape.JUMP})


def caption_like(line: ClassifiedLine, shape: Shape) -> bool:
    r"""A caption candidate: a photo credit, or short text standing after a photo.

    >>> from newsparse.layout.lines import classify_lines
    >>> from newsparse.text import normalize
    >>> line = classify_lines(normalize("甲乙。\n\n乙丙。\n\n\n\n图片说明。").lines)[2]
    >>> caption_like(line, line.shape)
    True
    """
    if shape in (Shape.CREDIT, Shape.CAPTION_CREDIT):
        return True
    return shape is Shape.TEXT and line.caption_shaped


def next_significant(lines: Sequence[ClassifiedLine], shapes: Sequence[Shape]) -> list[int | None]:
    r"""For each line, the next line that is not a caption, credit or sub-line (one backward pass).

    >>> from newsparse.layout.lines import classify_lines
    >>> from newsparse.text import normalize
    >>> lines = classify_lines(normalize("标题\n\n本报记者 赵六 摄\n\n正文，正文。").lines)
    >>> next_significant(lines, [c.shape for c in lines])
    [2, 2, None]
    """
    n = len(lines)
    out: list[int | None] = [None] * n
    after: int | None = None
    for j in range(n - 1, -1, -1):
        out[j] = after
        shape = shapes[j]
        sub = shape is Shape.HEADING and lines[j].dash_start
        if not (caption_like(lines[j], shape) or sub or shape in LOOKED_PAST_AFTER):
            after = j
    return out


def _columns(
    lines: Sequence[ClassifiedLine], shapes: list[Shape], nxt: Sequence[int | None]
) -> bool:
    """A bare column name (no Latin part) counts as a column only before a headline.

    Returns whether a line became a column.
    """
    changed = False
    for i, line in enumerate(lines):
        if shapes[i] is not Shape.HEADING:
            continue
        col = line.column
        if col is None or col.pinyin is not None:
            continue
        j = nxt[i]
        if j is not None and shapes[j] is Shape.HEADING and not lines[j].dash_start:
            shapes[i] = Shape.COLUMN
            changed = True
    return changed


class _Pass:
    """The state of the headline pass: shapes as decided so far, heads, levels."""

    def __init__(
        self,
        lines: Sequence[ClassifiedLine],
        shapes: list[Shape],
        nxt: list[int | None],
        photo_gap: int,
    ) -> None:
        self.lines = lines
        self.shapes = shapes
        self.nxt = nxt
        self.prev: list[int | None] = [None] * len(lines)
        self.heads = [False] * len(lines)
        self.last_level: int | None = None
        self.photo_gap = photo_gap

    def opens_article(self, i: int) -> bool:
        """Whether the byline at ``i`` stands at the top of an article (text follows)."""
        nxt = self.nxt[i]
        if nxt is None:
            return False
        if self.shapes[nxt] is Shape.TEXT and self.lines[nxt].weak:
            after = self.nxt[nxt]  # a headline-like line: does an article start there?
            if after is not None and self.shapes[after] in (Shape.DATELINE, Shape.BYLINE):
                return False
        return self.shapes[nxt] in _OPENS_ON

    def weak_head(self, i: int) -> bool:
        """A headline with a comma inside: only a dateline, label or opening byline tells."""
        nxt = self.nxt[i]
        if nxt is None:
            return False
        shape = self.shapes[nxt]
        return shape in (Shape.DATELINE, Shape.LABEL) or (
            shape is Shape.BYLINE and self.opens_article(nxt)
        )

    def from_before(self, i: int, level: int | None) -> bool | None:
        """What the line before decides (``None``: it decides nothing)."""
        prev = self.prev[i]
        if prev is None or self.shapes[prev] in _TOP:
            return True
        if self.heads[prev] and self.lines[prev].dash_end is not None:
            return True  # the line before was a kicker line
        if self.shapes[prev] in (Shape.BYLINE, Shape.CREDIT):
            before = self.prev[prev]
            if before is not None and self.shapes[before] in _CLOSED_BY:
                return True  # a byline that closed the article before
        if level is not None and self.last_level is not None and level != self.last_level:
            # markdown levels: a deeper heading inside an article is an intertitle,
            # a higher one starts an article; the same level is decided as usual
            return level < self.last_level
        return None

    def from_after(self, i: int) -> bool:
        """What the lines after decide."""
        nxt = self.nxt[i]
        if nxt is not None and self.shapes[nxt] in _OPENERS:
            return True
        if (
            nxt is not None
            and self.shapes[nxt] is Shape.HEADING
            and self.lines[i].dash_end is not None
        ):
            return True  # a kicker line ending with a dash
        k = i + 1
        return k < len(self.lines) and self.lines[k].line.gap >= self.photo_gap

    def decide(self, i: int) -> None:
        """Decide line ``i`` (every line before it decided)."""
        line = self.lines[i]
        shape = self.shapes[i]
        if shape is Shape.TEXT and line.weak:
            self.heads[i] = self.weak_head(i)
            if self.heads[i]:
                self.shapes[i] = Shape.HEADING
        elif shape is Shape.HEADING and not line.dash_start:
            level = line.marks.level
            decided = self.from_before(i, level)
            self.heads[i] = self.from_after(i) if decided is None else decided
            if self.heads[i] and level is not None:
                self.last_level = level

    def run(self) -> None:
        """Decide every line in order, carrying the previous significant line forward."""
        last: int | None = None
        for i, line in enumerate(self.lines):
            self.prev[i] = last
            self.decide(i)
            shape = self.shapes[i]
            if not (caption_like(line, shape) or shape in LOOKED_PAST_BEFORE):
                last = i


def decide_headings(
    lines: Sequence[ClassifiedLine], photo_gap: int | None = None
) -> list[ClassifiedLine]:
    r"""The lines with their final shapes and headline decisions (``head``).

    Bare column names before a headline become columns; text lines with a
    comma inside that open an article become headings; ``head`` is set on
    every headline. ``photo_gap`` is the page's (by default read from the lines).

    >>> from newsparse.layout.lines import classify_lines
    >>> from newsparse.text import normalize
    >>> page = normalize("标题\n\n正文，正文。\n\n小标题\n\n正文。")
    >>> [c.head for c in decide_headings(classify_lines(page.lines))]
    [True, False, False, False]
    """
    shapes = [c.shape for c in lines]
    nxt = next_significant(lines, shapes)
    if _columns(lines, shapes, nxt):  # (a column is significant where its heading was)
        nxt = next_significant(lines, shapes)
    gap = photo_gap_of([c.line for c in lines]) if photo_gap is None else photo_gap
    state = _Pass(lines, shapes, nxt, gap)
    state.run()
    return [
        c._replace(shape=shapes[i], head=True)
        if state.heads[i]
        else (c if shapes[i] is c.shape else c._replace(shape=shapes[i]))
        for i, c in enumerate(lines)
    ]
