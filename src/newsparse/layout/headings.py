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

from attrs import frozen

from newsparse.chars import SENTENCE_ENDS
from newsparse.layout.bylines import Byline, parse_author
from newsparse.layout.lines import ClassifiedLine, Shape, photo_gap_of
from newsparse.layout.reflow import ends_open
from newsparse.model import FurnitureKind

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "LOOKED_PAST_AFTER",
    "LOOKED_PAST_BEFORE",
    "TitleBlocks",
    "caption_like",
    "decide_headings",
    "next_significant",
    "title_blocks",
    "verse_lines",
]

_OPENERS = (Shape.DATELINE, Shape.BYLINE, Shape.LABEL)  # what follows a headline
_TOP = (Shape.COLUMN, Shape.PAGE_CREDIT)  # what may stand above a first headline
_CLOSED_BY = (Shape.TEXT, Shape.DATELINE, Shape.CAPTION_CREDIT)  # what a closing byline ends
_OPENS_ON = (Shape.TEXT, Shape.LABEL, Shape.DATELINE, Shape.CAPTION_CREDIT)
# Shapes the decisions look past, besides captions and credits: looking back
# (lines without content), looking ahead (sub-lines are looked past apart).
LOOKED_PAST_BEFORE = frozenset({Shape.JUNK, Shape.JUMP, Shape.FURNITURE})
LOOKED_PAST_AFTER = frozenset({Shape.JUMP, Shape.FURNITURE})
_MAX_TITLE_LINES = 3  # lines of a title block above an edition line: kickers and the headline
_MAX_TITLE = 60  # a title line is at most this long


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
        self.forced: frozenset[int] = frozenset()
        self.solid = _solid_paragraphs(lines)

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
        if self.shapes[prev] in (Shape.BYLINE, Shape.CREDIT, Shape.CLOSING):
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
        if k < len(self.lines) and self.lines[k].line.gap >= self.photo_gap:
            return True
        # on a page that sets paragraphs solid, a heading set apart by blank lines opens an article
        return (
            self.solid
            and k < len(self.lines)
            and self.lines[k].line.gap > 0 < self.lines[i].line.gap
        )

    def decide(self, i: int) -> None:
        """Decide line ``i`` (every line before it decided)."""
        line = self.lines[i]
        shape = self.shapes[i]
        if i in self.forced:
            self.heads[i] = True  # a title block above an edition line
            return
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


@frozen
class TitleBlocks:
    """What the edition lines of an e-paper export say of the lines above them.

    ``heads`` are headlines, ``kickers`` title lines above a headline,
    ``subs`` title lines under it, ``authors`` author lines (bare names read
    as the article's writers).
    """

    heads: frozenset[int]
    kickers: frozenset[int]
    authors: dict[int, Byline]
    subs: frozenset[int] = frozenset()


def _is_edition(line: ClassifiedLine) -> bool:
    return line.shape is Shape.FURNITURE and line.furniture is FurnitureKind.EDITION


def _title_line(line: ClassifiedLine) -> bool:
    """A line that may be a title: heading-shaped, or short text without a sentence end."""
    if line.shape is Shape.HEADING:
        return not line.dash_start
    return line.shape is Shape.TEXT and len(line.text) <= _MAX_TITLE and ends_open(line.text)


def title_blocks(lines: Sequence[ClassifiedLine]) -> TitleBlocks:
    r"""Title blocks above edition lines: e-paper exports print title, author, source line.

    Right above an edition line (``《人民日报》（2025年10月20日 第 04 版）``)
    stands the article's author line (a byline, or names alone), and above
    it the title: its last line the headline, a line above it its kicker.
    One pass over the edition lines, a few lines back from each.

    >>> from newsparse.layout.lines import classify_lines
    >>> from newsparse.text import normalize
    >>> page = "旧文。\n引题的一行\n主题的一行\n林晓岚\n《某报》（2025年1月2日 第03版）\n正文。"
    >>> tb = title_blocks(classify_lines(normalize(page).lines))
    >>> sorted(tb.heads), sorted(tb.kickers), [c.name for c in tb.authors[3].credits]
    ([2], [1], ['林晓岚'])
    """
    heads: set[int] = set()
    kickers: set[int] = set()
    authors: dict[int, Byline] = {}
    for e, line in enumerate(lines):
        if not _is_edition(line) or e == 0:
            continue
        k = e - 1
        above = lines[k]
        if above.shape in (Shape.BYLINE, Shape.CREDIT):
            k -= 1
        elif above.shape in (Shape.TEXT, Shape.HEADING):
            author = parse_author(above.text)
            if author is not None and k > 0 and _title_line(lines[k - 1]):
                authors[k] = author
                k -= 1
        if k < 0 or not _title_line(lines[k]):
            continue
        heads.add(k)
        for j in range(k - 1, max(k - _MAX_TITLE_LINES, -1), -1):
            if not _title_line(lines[j]) or lines[j + 1].line.gap:
                break
            kickers.add(j)
    subs = _three_line_titles(lines, heads, kickers)
    return TitleBlocks(frozenset(heads), frozenset(kickers), authors, frozenset(subs))


def _three_line_titles(
    lines: Sequence[ClassifiedLine], heads: set[int], kickers: set[int]
) -> set[int]:
    """Title lines set solid right above a dateline: kicker, headline, subheadline.

    Where a page prints a title's lines with no blank line between them and
    the dateline right under them, three lines are 引题, 主题 and 副题, two
    are 引题 and 主题 (one line is decided as any headline).
    """
    subs: set[int] = set()
    for d, line in enumerate(lines):
        if line.shape is not Shape.DATELINE or line.line.gap:
            continue
        run: list[int] = []
        j = d - 1
        while j >= 0 and len(run) < _MAX_TITLE_LINES and _title_line(lines[j]):
            run.append(j)
            if lines[j].line.gap:
                break
            j -= 1
        if len(run) < 2 or (j >= 0 and lines[j + 1].line.gap == 0 and _title_line(lines[j])):
            continue
        run.reverse()  # top to bottom
        kickers.add(run[0])
        heads.add(run[1])
        subs.update(run[2:])
    return subs


def _solid_paragraphs(lines: Sequence[ClassifiedLine]) -> bool:
    r"""Whether the page sets its paragraphs solid: most text lines follow text with no blank line.

    >>> from newsparse.layout.lines import classify_lines
    >>> from newsparse.text import normalize
    >>> _solid_paragraphs(classify_lines(normalize("标题\n\n甲。\n乙。\n丙。").lines))
    True
    >>> _solid_paragraphs(classify_lines(normalize("标题\n\n甲。\n\n乙。\n\n丙。").lines))
    False
    """
    solid = apart = 0
    for k in range(1, len(lines)):
        if lines[k].shape is Shape.TEXT and lines[k - 1].shape is Shape.TEXT:
            if lines[k].line.gap:
                apart += 1
            else:
                solid += 1
    return solid >= 2 and solid > 2 * apart


_VERSE_SHAPES = frozenset({Shape.HEADING, Shape.TEXT, Shape.COLUMN})
_MIN_STANZA = 4  # lines of a poem set solid (a title block has at most three)
_MIN_LINES = 2  # lines of a stanza of a poem
_MAX_VERSE = 24  # a line of verse is at most this long
_SOLID_RATIO = 5  # a page with blank lines before fewer than a fifth of its lines is set solid


def verse_lines(lines: Sequence[ClassifiedLine]) -> set[int]:
    r"""The lines of poems: stanzas set solid on a page that puts blank lines between blocks.

    A stanza is a run of short lines with no blank line between them
    (heading- or text-shaped, no sub-line): four lines or more, or two or
    three of like length. A poem is a stanza of at least four lines, or
    stanzas one blank line apart, four lines or more in all: a title block
    set solid has at most three lines, and the next title block stands only
    after an article. On a page that sets its paragraphs solid, only a poem
    of two stanzas or more, set apart by blank lines, is verse.

    >>> from newsparse.layout.lines import classify_lines
    >>> from newsparse.text import normalize
    >>> page = "江边\n\n吴二\n\n江水慢慢地流\n柳枝轻轻地摇\n我站在码头\n等白鹭飞过\n\n正文。"
    >>> sorted(verse_lines(classify_lines(normalize(page).lines)))
    [2, 3, 4, 5]
    >>> couplets = "山那边\n是海\n\n海那边\n是家\n\n正文。"
    >>> sorted(verse_lines(classify_lines(normalize(couplets).lines)))
    [0, 1, 2, 3]
    """
    n = len(lines)
    # on a page (mostly) set solid adjacency says little: only stanzas set apart tell
    stanzas = 2 if sum(1 for c in lines if c.line.gap) * _SOLID_RATIO < n else 1
    out: set[int] = set()
    poem: list[tuple[int, int]] = []  # the stanzas of the poem being read
    i = 0
    while i <= n:
        j = i
        while (
            j < n
            and lines[j].shape in _VERSE_SHAPES
            and len(lines[j].text) <= _MAX_VERSE
            and not lines[j].dash_start
            and (j == i or lines[j].line.gap == 0)
        ):
            j += 1
        stanza = _stanza(lines, i, j)
        if stanza and poem and poem[-1][1] == i and lines[i].line.gap == 1:
            poem.append((i, j))  # a stanza right after the last one, one blank line between
            i = j
            continue
        if len(poem) >= stanzas and sum(b - a for a, b in poem) >= _MIN_STANZA:
            for a, b in poem:
                out.update(range(a, b))
        poem = [(i, j)] if stanza else []
        i = max(j, i + 1)
    return out


def _stanza(lines: Sequence[ClassifiedLine], i: int, j: int) -> bool:
    """Whether lines ``i`` to ``j`` may be a stanza: four lines, or two or three of like length.

    A title over its author line (a long line, a short one) is no stanza, nor
    are short sentences, each with its full stop.
    """
    if j - i >= _MIN_STANZA:
        return True
    texts = [lines[k].text for k in range(i, j)]
    sizes = [len(t) for t in texts]
    return (
        j - i >= _MIN_LINES
        and max(sizes) <= 2 * min(sizes)
        and not all(t[-1] in SENTENCE_ENDS for t in texts)
    )


def _heads_nothing(lines: Sequence[ClassifiedLine]) -> bool:
    r"""A page of heading-shaped lines only (``今年上`` / ``半年``): no headline heads nothing.

    Short input has no article under its "titles": its lines are text (a
    poem's lines stay verse, a markdown heading stays a heading).

    >>> from newsparse.layout.lines import classify_lines
    >>> from newsparse.text import normalize
    >>> _heads_nothing(classify_lines(normalize("今年上\n半年").lines))
    True
    >>> _heads_nothing(classify_lines(normalize("标题\n\n正文，正文。").lines))
    False
    """
    return (
        bool(lines)
        and all(c.shape is Shape.HEADING and c.marks.level is None for c in lines)
        and not verse_lines(lines)
    )


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
    if _heads_nothing(lines):
        return [c._replace(shape=Shape.TEXT, parse=None) for c in lines]
    blocks = title_blocks(lines)
    lines = [
        c._replace(shape=Shape.BYLINE, parse=blocks.authors[i]) if i in blocks.authors else c
        for i, c in enumerate(lines)
    ]
    verse = verse_lines(lines) - blocks.heads - blocks.kickers - blocks.subs
    for i in verse:
        if i - 1 not in verse and i >= 2 and lines[i - 1].shape is Shape.HEADING:
            poet = parse_author(lines[i - 1].text)  # a name alone between title and poem
            if poet is not None:
                lines[i - 1] = lines[i - 1]._replace(shape=Shape.BYLINE, parse=poet)
    for i in verse:
        lines[i] = lines[i]._replace(shape=Shape.VERSE, parse=None)
    shapes = [c.shape for c in lines]
    for i in blocks.heads | blocks.kickers | blocks.subs:
        shapes[i] = Shape.HEADING
    nxt = next_significant(lines, shapes)
    if _columns(lines, shapes, nxt):  # (a column is significant where its heading was)
        nxt = next_significant(lines, shapes)
    gap = photo_gap_of([c.line for c in lines]) if photo_gap is None else photo_gap
    state = _Pass(lines, shapes, nxt, gap)
    state.forced = (blocks.heads | blocks.kickers) - blocks.subs
    state.run()
    out = []
    for i, c in enumerate(lines):
        if i in blocks.subs:
            out.append(c._replace(shape=Shape.HEADING, sub=True))
        elif state.heads[i]:
            out.append(c._replace(shape=shapes[i], head=True, kicker=i in blocks.kickers))
        else:
            out.append(c if shapes[i] is c.shape else c._replace(shape=shapes[i]))
    return out
