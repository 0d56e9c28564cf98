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

from typing import TYPE_CHECKING, Final

import regex
from attrs import frozen

from newsparse.chars import SENTENCE_ENDS
from newsparse.layout.bylines import Byline, parse_author
from newsparse.layout.lines import ClassifiedLine, Shape, opens_with_report, photo_gap_of
from newsparse.layout.reflow import ends_open
from newsparse.model import Column, FurnitureKind

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "LOOKED_PAST_AFTER",
    "LOOKED_PAST_BEFORE",
    "TitleBlocks",
    "caption_flags",
    "caption_like",
    "decide_headings",
    "next_significant",
    "page_title_run",
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
_MIN_HEAD_HAN = 3  # Han characters of a headline under a kicker at the top of a page
_HAN = regex.compile(r"\p{Han}")
_LAST_SPACE = "\u3000"  # no character after it is whitespace (a Han character never is)


_CAPTION_SHAPES = frozenset({Shape.CREDIT, Shape.CAPTION_CREDIT})
# Where a headline decision writes into a classified line (its fields by name, read once):
# a headline's line is made from its fields' list with no Python call (``_replace`` makes two).
_SHAPE, _HEAD, _KICKER = (ClassifiedLine._fields.index(f) for f in ("shape", "head", "kicker"))
_new = tuple.__new__


def caption_flags(lines: Sequence[ClassifiedLine], shapes: Sequence[Shape]) -> list[bool]:
    r"""For each line whether it is a caption candidate: a photo credit, or text after a photo.

    One vector a page (``shapes`` the lines' shapes as decided so far): the
    decisions read it instead of asking line by line.

    >>> from newsparse.layout.lines import classify_lines
    >>> from newsparse.text import normalize
    >>> lines = classify_lines(normalize("甲乙。\n\n乙丙。\n\n\n\n图片说明。").lines)
    >>> caption_flags(lines, [c.shape for c in lines])
    [False, False, True]
    """
    credits, text = _CAPTION_SHAPES, Shape.TEXT
    return [
        shape in credits or (shape is text and line.caption_shaped)
        for line, shape in zip(lines, shapes, strict=True)
    ]


def caption_like(line: ClassifiedLine, shape: Shape) -> bool:
    r"""A caption candidate: a photo credit, or short text standing after a photo.

    The flag of one line (see ``caption_flags``).

    >>> from newsparse.layout.lines import classify_lines
    >>> from newsparse.text import normalize
    >>> line = classify_lines(normalize("甲乙。\n\n乙丙。\n\n\n\n图片说明。").lines)[2]
    >>> caption_like(line, line.shape)
    True
    """
    return caption_flags((line,), (shape,))[0]


def next_significant(
    lines: Sequence[ClassifiedLine],
    shapes: Sequence[Shape],
    caps: Sequence[bool] | None = None,
) -> list[int | None]:
    r"""For each line, the next line that is not a caption, credit or sub-line (one backward pass).

    ``caps`` are the lines' caption flags (``caption_flags``), if already known.

    >>> from newsparse.layout.lines import classify_lines
    >>> from newsparse.text import normalize
    >>> lines = classify_lines(normalize("标题\n\n本报记者 赵六 摄\n\n正文，正文。").lines)
    >>> next_significant(lines, [c.shape for c in lines])
    [2, 2, None]
    """
    if caps is None:
        caps = caption_flags(lines, shapes)
    n = len(lines)
    out: list[int | None] = [None] * n
    after: int | None = None
    heading, past = Shape.HEADING, LOOKED_PAST_AFTER
    for j in range(n - 1, -1, -1):
        out[j] = after
        shape = shapes[j]
        if not (caps[j] or (shape is heading and lines[j].dash_start) or shape in past):
            after = j
    return out


def _columns(
    lines: Sequence[ClassifiedLine],
    shapes: list[Shape],
    nxt: Sequence[int | None],
    titles: frozenset[int] = frozenset(),
) -> bool:
    """A bare column name (no Latin part) counts as a column only before a headline.

    A line of a title block (``titles``: set solid above its dateline) is a
    title line, not a column. Returns whether a line became a column.
    """
    changed = False
    heading = Shape.HEADING
    for i, line in enumerate(lines):
        if shapes[i] is not heading or i in titles:
            continue
        col = line.parse  # (the column the heading may be: ``line.column``)
        if not isinstance(col, Column) or col.pinyin is not None:
            continue
        j = nxt[i]
        if j is not None and shapes[j] is heading and not lines[j].dash_start:
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
        caps: list[bool],
    ) -> None:
        self.lines = lines
        self.shapes = shapes
        self.caps = caps  # caption flags; a line the pass makes a heading is none
        self.nxt = nxt
        self.prev: list[int | None] = [None] * len(lines)
        self.heads = [False] * len(lines)
        self.last_level: int | None = None
        self.photo_gap = photo_gap
        self.forced: frozenset[int] = frozenset()
        self.kickers: set[int] = set()  # kicker lines the pass found
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
        """A headline with a comma inside: only a dateline, label or opening byline tells.

        So does a photo under the page's first line: a caption with its credit
        (or a photo's gap) right after it.
        """
        if self.prev[i] is None and self.photo_under(i) and _HAN.search(self.lines[i].line.text):
            return True
        nxt = self.nxt[i]
        if nxt is None:
            return False
        shape = self.shapes[nxt]
        return shape in (Shape.DATELINE, Shape.LABEL) or (
            shape is Shape.BYLINE and self.opens_article(nxt)
        )

    def photo_under(self, i: int) -> bool:
        """Whether a photo stands right under line ``i``: its gap, or a caption with its credit."""
        k = i + 1
        if k >= len(self.lines):
            return False
        return self.lines[k].line.gap >= self.photo_gap or self.shapes[k] is Shape.CAPTION_CREDIT

    def top_kicker(self, i: int) -> bool:
        """Whether the line before heading ``i`` is a kicker with a comma at the top of the page.

        A short line without a sentence end (``上午，记者在江边看到…``), first on
        the page, right above a heading, is that headline's kicker.
        """
        prev = self.prev[i]
        if prev is None or self.prev[prev] is not None or self.heads[prev]:
            return False
        if len(_HAN.findall(self.lines[i].line.text)) < _MIN_HEAD_HAN:
            return False  # a date or a number cut off a paragraph is no headline
        line = self.lines[prev]
        kicker = self.shapes[prev] is Shape.TEXT and line.weak and not line.dash_start
        return kicker and _HAN.search(line.line.text) is not None

    def from_before(self, i: int, level: int | None) -> bool | None:
        """What the line before decides (``None``: it decides nothing)."""
        prev = self.prev[i]
        if prev is None or self.shapes[prev] in _TOP:
            return True
        # (top_kicker needs a line before that is first on the page: most headings have none)
        if self.prev[prev] is None and not self.heads[prev] and self.top_kicker(i):
            self.shapes[prev] = Shape.HEADING
            self.caps[prev] = False
            self.heads[prev] = True
            self.kickers.add(prev)
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

    def run(self) -> None:
        """Decide every line in order, carrying the previous significant line forward.

        A text line with a comma inside is a headline as ``weak_head`` says; a
        heading (no sub-line) as the line before says (``from_before``), else
        as the lines after say (``from_after``); a line of a title block above
        an edition line (``forced``) is one.
        """
        lines, shapes, caps, heads, prev = self.lines, self.shapes, self.caps, self.heads, self.prev
        forced, past = self.forced, LOOKED_PAST_BEFORE
        text, heading = Shape.TEXT, Shape.HEADING
        last: int | None = None
        for i, line in enumerate(lines):
            prev[i] = last
            shape = shapes[i]
            if i in forced:
                heads[i] = True  # a title block above an edition line
            elif shape is text and line.weak:
                if line.dash_start and last is not None and heads[last]:
                    shapes[i] = shape = heading  # a sub-line with a comma, under its headline
                    caps[i] = False
                elif self.weak_head(i):
                    heads[i] = True
                    shapes[i] = shape = heading
                    caps[i] = False
            elif shape is heading and not line.dash_start:
                level = line.marks.level
                decided = self.from_before(i, level)
                heads[i] = self.from_after(i) if decided is None else decided
                if heads[i] and level is not None:
                    self.last_level = level
            if not (caps[i] or shape in past):
                last = i


@frozen
class TitleBlocks:
    """What the edition lines of an e-paper export say of the lines above them.

    ``heads`` are headlines, ``kickers`` title lines above a headline,
    ``subs`` title lines under it, ``authors`` author lines (bare names read
    as the article's writers); ``solid`` the lines of title blocks set solid
    above their dateline or repeated by the page title (title lines, never a
    bare column name).
    """

    heads: frozenset[int]
    kickers: frozenset[int]
    authors: dict[int, Byline]
    subs: frozenset[int] = frozenset()
    solid: frozenset[int] = frozenset()


def _title_line(line: ClassifiedLine) -> bool:
    """A line that may be a title: heading-shaped, or short text without a sentence end."""
    if line.shape is Shape.HEADING:
        return not line.dash_start
    text = line.line.text
    return line.shape is Shape.TEXT and len(text) <= _MAX_TITLE and ends_open(text)


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
    edition, furniture = FurnitureKind.EDITION, Shape.FURNITURE
    for e, line in enumerate(lines):
        if line.parse is not edition or line.shape is not furniture or e == 0:
            continue  # (an edition line: furniture of that kind)
        k = e - 1
        above = lines[k]
        if above.shape in (Shape.BYLINE, Shape.CREDIT):
            k -= 1
        elif above.shape in (Shape.TEXT, Shape.HEADING):
            author = parse_author(above.line.text)
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
    solid: set[int] = set()
    subs = _three_line_titles(lines, heads, kickers, solid)
    run = page_title_run(lines)
    if run is not None:  # the page title says: headline and subheadline, no kicker
        for group in (heads, kickers, subs):
            group.difference_update(run)
        heads.add(run[0])
        subs.update(run[1:])
        solid.update(run)
    return TitleBlocks(
        frozenset(heads), frozenset(kickers), authors, frozenset(subs), frozenset(solid)
    )


_BYLINE_OVER: Final = frozenset({Shape.TEXT, Shape.DATELINE})
"""What a byline line under a title opens: the body, or its dateline."""


def _opens_body(line: ClassifiedLine) -> bool:
    """A line that opens an article's body: a dateline, or a lead byline (``记者X报道：``)."""
    if line.shape is Shape.DATELINE:
        return True
    return line.shape is Shape.TEXT and opens_with_report(line.line.text)


def page_title_run(lines: Sequence[ClassifiedLine]) -> list[int] | None:
    r"""The title lines a web copy's page title repeats, joined (its first line), if any.

    A web copy prints the page's title first, then the article's title block;
    where the page title is two or three title lines below set solid, joined
    with their breaks lost, those lines are the headline and its subheadline
    (a page title names the article by its headline, never by a kicker).
    Each line starts at most three comparisons: linear.

    >>> from newsparse.layout.lines import classify_lines
    >>> from newsparse.text import normalize
    >>> page = "江城新桥通车两岸往来更便捷\n\n第2版(要闻)\n\n江城新桥通车\n两岸往来更便捷\n本报讯 …"
    >>> page_title_run(classify_lines(normalize(page).lines))
    [2, 3]
    """
    if not lines or lines[0].shape is not Shape.HEADING:
        return None
    target = "".join(lines[0].line.text.split())
    first = target[:1]
    for i in range(1, len(lines)):
        lead = lines[i].line.text[:1]
        if lead != first and (lead > _LAST_SPACE or not lead.isspace()):
            continue  # (joined, the line would not start the page title: most lines)
        joined = ""
        run: list[int] = []
        for j in range(i, min(i + _MAX_TITLE_LINES, len(lines))):
            if not _title_line(lines[j]) or (j > i and lines[j].line.gap):
                break
            joined += "".join(lines[j].line.text.split())
            run.append(j)
            if not target.startswith(joined):
                break
            if joined == target and len(run) > 1:
                return run
    return None


def _three_line_titles(
    lines: Sequence[ClassifiedLine], heads: set[int], kickers: set[int], solid: set[int]
) -> set[int]:
    r"""Title lines set solid right above a dateline: kicker, headline, subheadline.

    Where a page prints a title's lines with no blank line between them and
    the dateline right under them (or the lead byline of a paper that leaves
    its dateline out: ``记者X报道：…``, or a byline line of its own over the
    body or the dateline), three lines are 引题, 主题 and 副题,
    two are 引题 and 主题 (one line is decided as any headline). A last line
    that starts with a dash is a 副题 whatever the count: above it, one line
    is the 主题, two are 引题 and 主题.

    >>> from newsparse.layout.lines import classify_lines
    >>> from newsparse.text import normalize
    >>> page = "工业投资稳步增长\n——前三季度增长百分之六，高于全国\n本报讯 今年以来，投资增长。"
    >>> heads, kickers, solid = set(), set(), set()
    >>> _three_line_titles(classify_lines(normalize(page).lines), heads, kickers, solid)
    {1}
    >>> heads, kickers
    ({0}, set())
    """
    subs: set[int] = set()
    last = len(lines) - 1
    for d, line in enumerate(lines):
        if line.line.gap or not (
            _opens_body(line)
            or (line.shape is Shape.BYLINE and d < last and lines[d + 1].shape in _BYLINE_OVER)
        ):
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
        solid.update(run)
        while len(run) > 1 and lines[run[-1]].dash_start:
            subs.add(run.pop())  # a sub-line (``——…``) is a subheadline wherever it stands
        if len(run) == 1:
            heads.add(run[0])
            continue
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
    text = Shape.TEXT  # (a local: an enum member read by attribute costs a lookup each time)
    for k in range(1, len(lines)):
        if lines[k].shape is text and lines[k - 1].shape is text:
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
    gaps = [c.line.gap for c in lines]
    # on a page (mostly) set solid adjacency says little: only stanzas set apart tell
    stanzas = 2 if (n - gaps.count(0)) * _SOLID_RATIO < n else 1
    verse_shapes, longest = _VERSE_SHAPES, _MAX_VERSE
    fits = [  # a line that may be verse: short, heading- or text-shaped, no sub-line
        c.shape in verse_shapes and len(c.line.text) <= longest and not c.dash_start for c in lines
    ]
    out: set[int] = set()
    poem: list[tuple[int, int]] = []  # the stanzas of the poem being read
    i = 0
    while i <= n:
        j = i
        while j < n and fits[j] and (j == i or gaps[j] == 0):
            j += 1
        stanza = j - i >= _MIN_LINES and _stanza(lines, i, j)
        if stanza and poem and poem[-1][1] == i and gaps[i] == 1:
            poem.append((i, j))  # a stanza right after the last one, one blank line between
            i = j
            continue
        if poem and len(poem) >= stanzas and sum(b - a for a, b in poem) >= _MIN_STANZA:
            for a, b in poem:
                out.update(range(a, b))
        poem = [(i, j)] if stanza else []
        i = j if j > i else i + 1
    return out


def _stanza(lines: Sequence[ClassifiedLine], i: int, j: int) -> bool:
    """Whether lines ``i`` to ``j`` may be a stanza: four lines, or two or three of like length.

    A title over its author line (a long line, a short one) is no stanza, nor
    are short sentences, each with its full stop.
    """
    if j - i >= _MIN_STANZA:
        return True
    texts = [lines[k].line.text for k in range(i, j)]
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
    if not lines:
        return False
    for c in lines:  # (a loop: the first line not a heading ends it, no generator resumed)
        if c.shape is not Shape.HEADING or c.marks.level is not None:
            return False
    return not verse_lines(lines)


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
    titled = blocks.heads | blocks.kickers | blocks.subs
    authors = blocks.authors
    lines = (
        [
            c._replace(shape=Shape.BYLINE, parse=authors[i]) if i in authors else c
            for i, c in enumerate(lines)
        ]
        if authors
        else list(lines)
    )
    verse = verse_lines(lines) - titled
    for i in verse:
        if i - 1 not in verse and i >= 2 and lines[i - 1].shape is Shape.HEADING:
            poet = parse_author(lines[i - 1].line.text)  # a name alone between title and poem
            if poet is not None:
                lines[i - 1] = lines[i - 1]._replace(shape=Shape.BYLINE, parse=poet)
    for i in verse:
        lines[i] = lines[i]._replace(shape=Shape.VERSE, parse=None)
    shapes = [c.shape for c in lines]
    for i in titled:
        shapes[i] = Shape.HEADING
    caps = caption_flags(lines, shapes)  # (a column, where a heading was, is no caption either)
    nxt = next_significant(lines, shapes, caps)
    if _columns(lines, shapes, nxt, blocks.solid):  # a column is significant where its heading was
        nxt = next_significant(lines, shapes, caps)
    gap = photo_gap_of([c.line for c in lines]) if photo_gap is None else photo_gap
    state = _Pass(lines, shapes, nxt, gap, caps)
    state.forced = (blocks.heads | blocks.kickers) - blocks.subs
    state.run()
    return _decided(lines, shapes, state.heads, blocks.subs, blocks.kickers | state.kickers)


def _decided(
    lines: list[ClassifiedLine],
    shapes: list[Shape],
    heads: list[bool],
    subs: frozenset[int],
    kickers: frozenset[int] | set[int],
) -> list[ClassifiedLine]:
    """The lines with the decisions written in: those the decisions changed are replaced."""
    out = list(lines)
    for i, c in enumerate(lines):
        if i in subs:
            out[i] = c._replace(shape=Shape.HEADING, sub=True)
        elif heads[i]:  # (``_replace(shape=, head=True, kicker=)``, the tuple made in C)
            fields = list(c)
            fields[_SHAPE] = shapes[i]
            fields[_HEAD] = True
            fields[_KICKER] = i in kickers
            out[i] = _new(ClassifiedLine, fields)
        elif shapes[i] is not c.shape:
            out[i] = c._replace(shape=shapes[i])
    return out
