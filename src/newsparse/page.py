r"""``parse_page()``: the stages composed into one pass over a page.

The stages, each a module of its own::

    normalize ─► classify lines ─► articles ─► reflow ─► dedup ─► figures ─► Page
    (text)       (columns, headlines,          (reflow)  (dedup)  (quantities,
                  bylines, captions)                               dates)

Every character of the input ends in exactly one block of ``Page.blocks``
(an article field, a page credit, a removed repeat, layout marks, or an
``unclassified`` block), so nothing is lost silently.

>>> page = parse_page(
...     "城市脚步 JIAOBU\n\n工业投资增长16.8%\n\n"
...     "本报讯 记者张三报道 今年上半年，全市完成投资59.1亿元。\n\n李四 本报记者 张三"
... )
>>> art = page.articles[0]
>>> art.column.name, art.headline.text, art.dateline.text
('城市脚步', '工业投资增长16.8%', '本报讯')
>>> [(c.name, c.role.value) for c in art.credits]
[('张三', 'reporter'), ('李四', 'correspondent')]
>>> art.body[0].text
'今年上半年，全市完成投资59.1亿元。'
"""

from __future__ import annotations

import enum
import functools
from typing import TYPE_CHECKING, TypeVar

import regex
from attrs import define, evolve, field

from newsparse.errors import InputTooLargeError
from newsparse.figures.dates import extract_dates_of
from newsparse.figures.quantities import extract_quantities
from newsparse.layout.bylines import (
    Byline,
    DatelineMatch,
    parse_byline,
    parse_dateline,
    parse_page_credit,
)
from newsparse.layout.captions import (
    CaptionParts,
    is_caption_shaped,
    may_hold_credit,
    parse_caption,
)
from newsparse.layout.columns import parse_column
from newsparse.layout.dedup import find_repeats
from newsparse.layout.headlines import DASH, is_headline_shaped, split_headline
from newsparse.layout.marks import BULLETS, lead_marks
from newsparse.layout.reflow import join_pieces
from newsparse.model import (
    Article,
    Block,
    BlockKind,
    Caption,
    Column,
    Credit,
    CreditRole,
    Page,
    RemovalReason,
    Removed,
    Span,
)
from newsparse.text import Line, NormalizedText, normalize

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from newsparse.model import DateMention, Quantity

__all__ = ["MAX_CHARS", "PHOTO_GAP", "parse_page", "photo_gap_of"]

PHOTO_GAP = 2
"""Blank lines in a row that mark where a photo stood, on a page that puts
one blank line between blocks (see [`photo_gap_of()`][newsparse.page.photo_gap_of])."""

MAX_CHARS = 2_000_000
"""Default input size limit of [`parse_page()`][newsparse.parse_page], in characters.

A printed page is 5,000 to 30,000 characters. Memory grows linearly with
the input: about 30 bytes a character on real pages and up to about 400 on
hostile ones (see the *Performance* page of the documentation), so the default keeps one call under
about 1 GB whatever the input; raise it, or pass ``max_chars=None``, for
larger texts."""

_LABEL = regex.compile(
    r"[【\[]?+(?:核心提示|核心提要|内容提要|編者按|编者按|导读|導讀)[】\]]?+[ ]?+[:：]?+[ ]?+"
)
# A short line without sentence punctuation at its end may be a headline even
# with commas inside ("天更蓝，水更清"); it counts as one only before a dateline
# or byline.
_WEAK_HEADING = regex.compile(r"[^。；;]{2,50}+(?<![。；;，,、：:的和与及])")
_NON_BLANK = regex.compile(r"[^ ]++")
_MARK_CHARS = frozenset("#" + BULLETS + "—─―‒–-－:：|/·•*_=~～ ")
# A line with content: a Han character or a word of two letters (a lone page
# number or a row of marks is not).
_CONTENT = regex.compile(r"\p{Han}|\p{L}{2}")
_DASH_END = regex.compile(rf"{DASH}$")
_DASH_START = regex.compile(rf"{DASH}")


def photo_gap_of(lines: Sequence[Line]) -> int:
    r"""Blank lines that mark a photo on this page: one more than between blocks.

    Pages put one blank line between blocks, some none, some two; a photo
    leaves more. The usual gap is the most frequent one.

    >>> from newsparse.text import normalize
    >>> photo_gap_of(normalize("甲\n\n乙\n\n丙\n\n\n\n丁").lines)
    2
    >>> photo_gap_of(normalize("甲\n乙\n丙\n\n丁").lines)
    1
    """
    counts: dict[int, int] = {}
    for line in lines[1:]:
        counts[line.gap] = counts.get(line.gap, 0) + 1
    if not counts:
        return PHOTO_GAP
    usual = max(sorted(counts), key=lambda g: counts[g])
    return usual + 1 if usual != 1 else PHOTO_GAP


class _Shape(enum.Enum):
    COLUMN = "column"
    PAGE_CREDIT = "page_credit"
    LABEL = "label"
    DATELINE = "dateline"
    BYLINE = "byline"
    CREDIT = "credit"
    CAPTION_CREDIT = "caption_credit"
    HEADING = "heading"
    TEXT = "text"
    JUNK = "junk"


@define
class _Cap:
    piece: tuple[int, int]
    credits: list[Credit] = field(factory=list)


@define
class _Art:
    start_line: int
    column: Column | None = None
    kicker: tuple[int, int] | None = None
    headline: tuple[int, int] | None = None
    subheadline: tuple[int, int] | None = None
    dateline: tuple[int, int] | None = None
    level: int | None = None
    credits: list[Credit] = field(factory=list)
    summary: list[tuple[int, int]] = field(factory=list)
    # body items: ("p", piece) or ("s", piece); "b" marks a break (no reflow across)
    body: list[tuple[str, tuple[int, int]]] = field(factory=list)
    captions: list[_Cap] = field(factory=list)
    photo: bool = False
    last_line: int = 0
    closed: bool = False


class _Parser:
    def __init__(self, nt: NormalizedText) -> None:
        self.nt = nt
        self.lines = nt.lines
        self.blocks: list[Block] = []
        self.page_credits: list[Credit] = []
        self.unclassified: list[Block] = []
        self.articles: list[_Art] = []
        self.shapes: list[_Shape] = []
        self.pending_caps: list[_Cap] = []
        self.photo_gap = photo_gap_of(nt.lines)
        self.weak: set[int] = set()  # line starts of headlines with a comma inside
        self.heads: list[bool] = []
        # each line's parses, keyed by the line's offset in the normalized text
        self.page_credits_of: dict[int, Byline | None] = {}
        self.datelines_of: dict[int, DatelineMatch | None] = {}
        self.bylines_of: dict[int, Byline | None] = {}
        self.captions_of: dict[int, CaptionParts] = {}
        self.after_caps: list[int] | None = None  # see after_captions()

    # -- pieces ---------------------------------------------------------------
    def piece(self, line: Line, start: int, end: int) -> tuple[int, int] | None:
        text = line.text
        while start < end and text[start] == " ":
            start += 1
        while end > start and text[end - 1] == " ":
            end -= 1
        if start >= end:
            return None
        return (line.start + start, line.start + end)

    def text_of(self, piece: tuple[int, int]) -> str:
        return self.nt.text[piece[0] : piece[1]]

    def span_of(self, piece: tuple[int, int]) -> Span:
        return self.nt.source_span(piece[0], piece[1])

    def emit(self, kind: BlockKind, piece: tuple[int, int] | None) -> Block | None:
        if piece is None:
            return None
        block = Block(kind, self.text_of(piece), (self.span_of(piece),))
        self.blocks.append(block)
        if kind is BlockKind.UNCLASSIFIED:
            self.unclassified.append(block)
        return block

    def emit_rest(self, line: Line, claimed: Sequence[tuple[int, int]]) -> None:
        """Emit what a line's claimed ranges leave: layout marks or unclassified text."""
        pos = 0
        for s, e in sorted(claimed):
            self._leftover(line, pos, s)
            pos = max(pos, e)
        self._leftover(line, pos, len(line.text))

    def _leftover(self, line: Line, start: int, end: int) -> None:
        if start >= end:
            return
        chunk = line.text[start:end]
        if not chunk.strip():
            return
        if all(ch in _MARK_CHARS for ch in chunk):
            # one markup block per run of non-blank marks
            for m in _NON_BLANK.finditer(chunk):
                self.emit(BlockKind.MARKUP, self.piece(line, start + m.start(), start + m.end()))
        else:
            self.emit(BlockKind.UNCLASSIFIED, self.piece(line, start, end))

    def credits_of(self, line: Line, byline: Byline, offset: int = 0) -> list[Credit]:
        out = []
        for c in byline.credits:
            span = self.nt.source_span(
                line.start + offset + c.span.start, line.start + offset + c.span.end
            )
            out.append(Credit(c.name, c.role, c.title, span))
        return out

    # -- line parses, each computed once per line ------------------------------
    def page_credit(self, line: Line) -> Byline | None:
        if line.start not in self.page_credits_of:
            self.page_credits_of[line.start] = parse_page_credit(line.text)
        return self.page_credits_of[line.start]

    def dateline(self, line: Line) -> DatelineMatch | None:
        if line.start not in self.datelines_of:
            self.datelines_of[line.start] = parse_dateline(line.text)
        return self.datelines_of[line.start]

    def byline(self, line: Line) -> Byline | None:
        if line.start not in self.bylines_of:
            self.bylines_of[line.start] = parse_byline(line.text)
        return self.bylines_of[line.start]

    def caption(self, line: Line) -> CaptionParts:
        if line.start not in self.captions_of:
            self.captions_of[line.start] = parse_caption(line.text)
        return self.captions_of[line.start]

    # -- line shapes ----------------------------------------------------------
    def shape_of(self, line: Line) -> _Shape:
        text = line.text
        if not _CONTENT.search(text):
            return _Shape.JUNK
        if self.page_credit(line) is not None:
            return _Shape.PAGE_CREDIT
        col = parse_column(text)
        if col is not None and col.pinyin is not None:
            return _Shape.COLUMN
        if _LABEL.match(text, lead_marks(text).end):
            return _Shape.LABEL
        if self.dateline(line) is not None:
            return _Shape.DATELINE
        by = self.byline(line)
        if by is not None:
            return _Shape.CREDIT if by.is_photo_credit else _Shape.BYLINE
        if may_hold_credit(text) and self.caption(line).byline is not None:
            return _Shape.CAPTION_CREDIT
        if is_headline_shaped(text):
            return _Shape.HEADING
        if _WEAK_HEADING.fullmatch(text):
            self.weak.add(line.start)
        return _Shape.TEXT

    def caption_like(self, i: int) -> bool:
        """A block that stands after a photo and is short: a caption candidate."""
        shape = self.shapes[i]
        if shape in (_Shape.CREDIT, _Shape.CAPTION_CREDIT):
            return True
        line = self.lines[i]
        return shape is _Shape.TEXT and line.gap >= self.photo_gap and is_caption_shaped(line.text)

    def is_sub_line(self, i: int) -> bool:
        text = self.lines[i].text
        return self.shapes[i] is _Shape.HEADING and bool(
            _DASH_START.match(text, lead_marks(text).end)
        )

    def next_sig(self, i: int) -> int | None:
        j = i + 1
        while j < len(self.lines) and (self.caption_like(j) or self.is_sub_line(j)):
            j += 1
        return j if j < len(self.lines) else None

    def prev_sig(self, i: int) -> int | None:
        j = i - 1
        while j >= 0 and (self.caption_like(j) or self.shapes[j] is _Shape.JUNK):
            j -= 1
        return j if j >= 0 else None

    def column_candidate_ok(self, i: int) -> bool:
        j = self.next_sig(i)
        return j is not None and self.shapes[j] is _Shape.HEADING and not self.is_sub_line(j)

    def opens_article(self, i: int) -> bool:
        """Whether the byline at ``i`` stands at the top of an article (text follows)."""
        nxt = self.next_sig(i)
        if nxt is None:
            return False
        if self.shapes[nxt] is _Shape.TEXT and self.lines[nxt].start in self.weak:
            after = self.next_sig(nxt)  # a headline-like line: does an article start there?
            if after is not None and self.shapes[after] in (_Shape.DATELINE, _Shape.BYLINE):
                return False
        return self.shapes[nxt] in (
            _Shape.TEXT,
            _Shape.LABEL,
            _Shape.DATELINE,
            _Shape.CAPTION_CREDIT,
        )

    def closing_byline(self, i: int) -> bool:
        """A byline that ends an article: text, not a headline, stands before it."""
        j = i - 1
        while j >= 0 and (self.caption_like(j) or self.shapes[j] is _Shape.JUNK):
            j -= 1
        return j >= 0 and self.shapes[j] in (_Shape.TEXT, _Shape.DATELINE, _Shape.CAPTION_CREDIT)

    def decide_headlines(self) -> list[bool]:
        n = len(self.lines)
        heads = [False] * n
        last_level: int | None = None
        for i in range(n):
            if self.lines[i].start in self.weak and self.shapes[i] is _Shape.TEXT:
                # a headline with a comma inside: only a dateline or byline after it tells
                nxt = self.next_sig(i)
                heads[i] = nxt is not None and (
                    self.shapes[nxt] in (_Shape.DATELINE, _Shape.LABEL)
                    or (self.shapes[nxt] is _Shape.BYLINE and self.opens_article(nxt))
                )
                if heads[i]:
                    self.shapes[i] = _Shape.HEADING
                continue
            if self.shapes[i] is not _Shape.HEADING or self.is_sub_line(i):
                continue
            text = self.lines[i].text
            level = lead_marks(text).level
            prev = self.prev_sig(i)
            nxt = self.next_sig(i)
            decided: bool | None = None
            if prev is None or self.shapes[prev] in (_Shape.COLUMN, _Shape.PAGE_CREDIT):
                decided = True
            elif heads[prev] and _DASH_END.search(self.lines[prev].text):
                decided = True  # the line before was a kicker line
            elif self.shapes[prev] in (_Shape.BYLINE, _Shape.CREDIT) and self.closing_byline(prev):
                decided = True
            elif level is not None and last_level is not None and level != last_level:
                # markdown levels: a deeper heading inside an article is an intertitle,
                # a higher one starts an article; the same level is decided as usual
                decided = level < last_level
            if decided is None:
                if nxt is not None and self.shapes[nxt] in (
                    _Shape.DATELINE,
                    _Shape.BYLINE,
                    _Shape.LABEL,
                ):
                    decided = True
                elif (
                    nxt is not None
                    and self.shapes[nxt] is _Shape.HEADING
                    and _DASH_END.search(text)
                ):
                    decided = True  # a kicker line ending with a dash
                elif i + 1 < n and self.lines[i + 1].gap >= self.photo_gap:
                    decided = True  # photos follow: the headline of a photo story
                else:
                    decided = False
            heads[i] = decided
            if decided and level is not None:
                last_level = level
        return heads

    def classify(self) -> None:
        """Give every line a shape, then decide which heading lines are headlines."""
        self.shapes = [self.shape_of(line) for line in self.lines]
        # a column name printed without its Latin part counts only before a headline
        for i, line in enumerate(self.lines):
            if self.shapes[i] is _Shape.HEADING:
                col = parse_column(line.text)
                if col is not None and col.pinyin is None and self.column_candidate_ok(i):
                    self.shapes[i] = _Shape.COLUMN
        self.heads = self.decide_headlines()

    # -- the main pass --------------------------------------------------------
    def run(self) -> None:
        lines = self.lines
        heads = list(self.heads)

        cur: _Art | None = None
        column: Column | None = None
        column_before: Column | None = None
        column_first: bool = False  # the next article is the first under `column`
        summary_mode = False
        kicker_line: tuple[int, int] | None = None
        last_was_caption = False

        for i, line in enumerate(lines):
            shape = self.shapes[i]
            text = line.text
            photo_gap = line.gap >= self.photo_gap
            if photo_gap:
                summary_mode = False
                if cur is not None and cur.headline is not None and not cur.body:
                    cur.photo = True
            this_is_caption = False

            if shape is _Shape.JUNK:
                self.emit(BlockKind.UNCLASSIFIED, self.piece(line, 0, len(text)))
                continue

            if shape is _Shape.PAGE_CREDIT:
                by = self.page_credit(line)
                if by is not None:
                    self.page_credits.extend(self.credits_of(line, by))
                self.emit(BlockKind.PAGE_CREDIT, self.piece(line, 0, len(text)))
                summary_mode = False
                continue

            if shape is _Shape.COLUMN:
                col = parse_column(text)
                if col is not None:
                    span = self.nt.source_span(
                        line.start + col.span.start, line.start + col.span.end
                    )
                    column_before = self.settle_column(column, column_before)
                    column = evolve(col, span=span)
                    column_first = True
                    self.column_first_art = None
                    self.emit(BlockKind.COLUMN, self.piece(line, col.span.start, col.span.end))
                    self.emit_rest(line, [(col.span.start, col.span.end)])
                if cur is not None:
                    cur.closed = True
                summary_mode = False
                continue

            if shape is _Shape.HEADING and heads[i]:
                parts = split_headline(text)
                # a kicker printed on a line of its own, ending with a dash
                if (
                    parts.subheadline is None
                    and parts.headline is not None
                    and _DASH_END.search(text)
                    and i + 1 < len(lines)
                    and self.shapes[i + 1] is _Shape.HEADING
                ):
                    m = _DASH_END.search(text)
                    assert m is not None
                    kstart = lead_marks(text).end
                    kicker_line = self.piece(line, kstart, m.start())
                    self.emit(BlockKind.KICKER, kicker_line)
                    self.emit_rest(line, [(kstart, m.start())])
                    heads[i + 1] = True
                    continue
                level = lead_marks(text).level
                column = self.settle_column(column, column_before)
                if (
                    column is not None
                    and column.level is not None
                    and level is not None
                    and level < column.level
                ):
                    column = None
                    column_before = None
                art = _Art(start_line=i, column=column, level=level)
                self.articles.append(art)
                if column_first:
                    column_first = False
                    self.column_first_art = art
                cur = art
                art.captions.extend(self.pending_caps)
                self.pending_caps = []
                claimed = []
                if kicker_line is not None:
                    art.kicker = kicker_line
                    kicker_line = None
                for kind, part in (
                    (BlockKind.KICKER, parts.kicker),
                    (BlockKind.HEADLINE, parts.headline),
                    (BlockKind.SUBHEADLINE, parts.subheadline),
                ):
                    if part is None:
                        continue
                    pc = self.piece(line, part.span.start, part.span.end)
                    self.emit(kind, pc)
                    claimed.append((part.span.start, part.span.end))
                    if kind is BlockKind.KICKER:
                        art.kicker = pc
                    elif kind is BlockKind.HEADLINE:
                        art.headline = pc
                    else:
                        art.subheadline = pc
                self.emit_rest(line, claimed)
                art.last_line = i
                summary_mode = False
                last_was_caption = False
                continue

            if (
                shape is _Shape.HEADING
                and self.is_sub_line(i)
                and cur is not None
                and cur.subheadline is None
                and not cur.body
                and not cur.summary
            ):
                parts = split_headline(text)
                if parts.subheadline is not None:
                    pc = self.piece(line, parts.subheadline.span.start, parts.subheadline.span.end)
                    cur.subheadline = pc
                    self.emit(BlockKind.SUBHEADLINE, pc)
                    self.emit_rest(
                        line, [(parts.subheadline.span.start, parts.subheadline.span.end)]
                    )
                    cur.last_line = i
                    continue

            if shape is _Shape.LABEL:
                m = _LABEL.match(text, lead_marks(text).end)
                assert m is not None
                if cur is None:
                    cur = self.new_headless(i, column)
                label_end = m.end()
                lab = text[m.start() : m.end()].rstrip(" :：")
                self.emit(
                    BlockKind.SUMMARY_LABEL, self.piece(line, m.start(), m.start() + len(lab))
                )
                claimed = [(m.start(), m.start() + len(lab))]
                rest = self.piece(line, label_end, len(text))
                if rest is not None:
                    cur.summary.append(rest)
                    claimed.append((label_end, len(text)))
                self.emit_rest(line, claimed)
                summary_mode = True
                cur.last_line = i
                continue

            if shape is _Shape.DATELINE:
                d = self.dateline(line)
                assert d is not None
                if cur is None or cur.body or cur.dateline is not None or cur.closed:
                    cur = self.new_headless(i, column)
                summary_mode = False
                cur.dateline = self.piece(line, d.tag.span.start, d.tag.span.end)
                self.emit(BlockKind.DATELINE, cur.dateline)
                claimed = [(d.tag.span.start, d.tag.span.end)]
                if d.byline is not None and d.byline_span is not None:
                    cur.credits.extend(self.credits_of(line, d.byline))
                    self.emit(
                        BlockKind.BYLINE, self.piece(line, d.byline_span.start, d.byline_span.end)
                    )
                    claimed.append((d.byline_span.start, d.byline_span.end))
                rest = self.piece(line, d.rest, len(text))
                if rest is not None:
                    cur.body.append(("p", rest))
                    claimed.append((d.rest, len(text)))
                self.emit_rest(line, claimed)
                cur.last_line = i
                last_was_caption = False
                continue

            if shape in (_Shape.BYLINE, _Shape.CREDIT):
                by = self.byline(line)
                assert by is not None
                credits = self.credits_of(line, by)
                if shape is _Shape.CREDIT and last_was_caption:
                    target = (
                        self.pending_caps[-1]
                        if self.pending_caps
                        else (cur.captions[-1] if cur is not None and cur.captions else None)
                    )
                    if target is not None:
                        target.credits.extend(credits)
                        self.emit(BlockKind.CREDIT, self.piece(line, 0, len(text)))
                        continue
                if cur is None and all(c.role is CreditRole.EDITOR for c in credits):
                    # the editors named above the first article are the page's
                    self.page_credits.extend(credits)
                    self.emit(BlockKind.PAGE_CREDIT, self.piece(line, 0, len(text)))
                    continue
                if cur is None:
                    cur = self.new_headless(i, column)
                cur.credits.extend(credits)
                self.emit(
                    BlockKind.BYLINE if shape is _Shape.BYLINE else BlockKind.CREDIT,
                    self.piece(line, 0, len(text)),
                )
                if cur.body or cur.summary or shape is _Shape.CREDIT:
                    cur.closed = True
                cur.last_line = i
                summary_mode = False
                last_was_caption = False
                continue

            # captions: glued credit, or a short block after a photo
            is_photo_story_text = (
                cur is not None
                and not cur.body
                and cur.dateline is None
                and cur.headline is not None
                and cur.last_line == i - 1
                and not any(c.role.value == "reporter" for c in cur.credits)
            )
            if shape is _Shape.CAPTION_CREDIT or (
                photo_gap
                and shape in (_Shape.TEXT, _Shape.HEADING)
                and is_caption_shaped(text)
                and not is_photo_story_text
            ):
                cp = self.caption(line)
                if cp.text is not None:
                    cap = _Cap(self.piece(line, cp.text.span.start, cp.text.span.end) or (0, 0))
                    claimed = [(cp.text.span.start, cp.text.span.end)]
                    if cp.byline is not None and cp.byline_span is not None:
                        cap.credits.extend(self.credits_of(line, cp.byline))
                        self.emit(
                            BlockKind.CREDIT,
                            self.piece(line, cp.byline_span.start, cp.byline_span.end),
                        )
                        claimed.append((cp.byline_span.start, cp.byline_span.end))
                    self.emit_rest(line, claimed)
                    if self.caption_opens_next(i) or cur is None or cur.closed:
                        self.pending_caps.append(cap)
                    else:
                        cur.captions.append(cap)
                        if cur.headline is not None and not cur.body:
                            cur.photo = True
                        cur.last_line = i
                    summary_mode = False
                    last_was_caption = True
                    this_is_caption = True
                    continue

            last_was_caption = this_is_caption
            if shape is _Shape.HEADING and not heads[i]:
                if cur is None:
                    cur = self.new_headless(i, column)
                if summary_mode:
                    summary_mode = False
                pc = self.piece(line, lead_marks(text).end, len(text))
                if pc is not None:
                    cur.body.append(("s", pc))
                self.emit_rest(line, [(lead_marks(text).end, len(text))])
                cur.last_line = i
                continue

            # ordinary text
            if cur is None or (cur.closed and not summary_mode):
                cur = self.new_headless(i, column)
            pc = self.piece(line, 0, len(text))
            if pc is not None:
                if summary_mode:
                    cur.summary.append(pc)
                else:
                    cur.body.append(("p", pc))
            cur.last_line = i
        # captions that wait for a headline that never came
        if self.pending_caps:
            if cur is None:
                cur = self.new_headless(len(lines) - 1, column)
            cur.captions.extend(self.pending_caps)
            self.pending_caps = []

    column_first_art: _Art | None = None

    def settle_column(self, column: Column | None, before: Column | None) -> Column | None:
        """The column for the next article: a photo column covers one photo story only."""
        first = self.column_first_art
        if first is None:
            return column
        self.column_first_art = None
        if _is_photo_story(first):
            return before
        return column

    def after_captions(self, i: int) -> int:
        """The first line at or after ``i`` that is not caption-like (``len(lines)`` if none).

        Computed for every line in one backward pass on first use, during
        ``run()`` when the shapes are final: asking it for each caption of a
        long run of captions stays linear (a forward scan per caption was
        quadratic).
        """
        if self.after_caps is None:
            n = len(self.lines)
            after = [n] * (n + 1)
            for k in range(n - 1, -1, -1):
                after[k] = after[k + 1] if self.caption_like(k) else k
            self.after_caps = after
        return self.after_caps[min(i, len(self.lines))]

    def caption_opens_next(self, i: int) -> bool:
        """Whether the captions at ``i`` stand before the headline of the next article."""
        j = self.after_captions(i + 1)
        if j >= len(self.lines):
            return False
        return self.shapes[j] is _Shape.HEADING and self.heads[j]

    def new_headless(self, i: int, column: Column | None) -> _Art:
        art = _Art(start_line=i, column=column)
        art.captions.extend(self.pending_caps)
        self.pending_caps = []
        self.articles.append(art)
        return art


def _is_photo_story(art: _Art) -> bool:
    """A photo story: photos, text about them, a photo credit, no dateline nor writer."""
    if art.dateline is not None:
        return False
    writers = {CreditRole.REPORTER, CreditRole.CORRESPONDENT}
    if any(c.role in writers for c in art.credits):
        return False
    return (
        art.photo
        or bool(art.captions)
        or any(c.role is CreditRole.PHOTOGRAPHER for c in art.credits)
    )


_Item = TypeVar("_Item", "Quantity", "DateMention")


def _build_text(
    parser: _Parser, pieces: Sequence[tuple[tuple[int, int], int]]
) -> tuple[str, list[int]]:
    """Text of joined pieces and, for each character, its normalized offset."""
    text = parser.nt.text
    chunks: list[str] = []
    offs: list[int] = []
    for (a, b), skip in pieces:
        chunks.append(text[a + skip : b])
        offs.extend(range(a + skip, b))
    return "".join(chunks), offs


def _spans_of(parser: _Parser, pieces: Sequence[tuple[tuple[int, int], int]]) -> tuple[Span, ...]:
    return tuple(parser.span_of((a + skip, b)) for (a, b), skip in pieces if a + skip < b)


def parse_page(
    text: str, *, date: dt.date | None = None, max_chars: int | None = MAX_CHARS
) -> Page:
    """Parse the raw text of one newspaper page into a [`Page`][newsparse.model.Page].

    ``date`` is the page's date; relative dates (``今年``, ``7月29日``)
    resolve against it. Without it the page's date is inferred from its
    explicit dates and ``Page.date_inferred`` is set.

    Any ``str`` up to ``max_chars`` characters gives a ``Page`` (an empty
    one for empty input); a longer one raises
    [`InputTooLargeError`][newsparse.errors.InputTooLargeError] (pass ``max_chars=None``
    to lift the limit, default ``MAX_CHARS``); a non-``str`` raises
    ``TypeError``.

    >>> parse_page("正文。" * 10, max_chars=5)
    Traceback (most recent call last):
    ...
    newsparse.errors.InputTooLargeError: input of 30 characters exceeds the limit of 5 characters

    >>> parse_page("").articles
    ()
    >>> parse_page(b"x")
    Traceback (most recent call last):
    ...
    TypeError: parse_page() expects the page text as str, got bytes
    """
    if not isinstance(text, str):
        msg = f"parse_page() expects the page text as str, got {type(text).__name__}"
        raise TypeError(msg)
    if max_chars is not None and len(text) > max_chars:
        raise InputTooLargeError(len(text), max_chars)
    parser = _Parser(normalize(text))
    parser.classify()
    parser.run()
    return _assemble(parser, date)


def _assemble(parser: _Parser, date: dt.date | None) -> Page:
    nt = parser.nt
    blocks = parser.blocks
    removed: list[Removed] = []

    # 1. reflow body paragraphs of every article (subheads break a run)
    art_paras: list[list[tuple[str, list[tuple[tuple[int, int], int]], str]]] = []
    for art in parser.articles:
        items: list[tuple[str, list[tuple[tuple[int, int], int]], str]] = []
        run: list[tuple[int, int]] = []

        def flush_run(
            run: list[tuple[int, int]],
            items: list[tuple[str, list[tuple[tuple[int, int], int]], str]],
        ) -> None:
            for j in join_pieces([parser.text_of(p) for p in run]):
                parts = [(run[idx], skip) for idx, skip in j.parts]
                items.append(("p", parts, j.text))
            run.clear()

        for kind, pc in art.body:
            if kind == "p":
                run.append(pc)
            else:
                flush_run(run, items)
                items.append(("s", [(pc, 0)], parser.text_of(pc)))
        flush_run(run, items)
        art_paras.append(items)

    # 2. repeats across the page: paragraphs (in reading order) and captions
    flat: list[tuple[int, int]] = []  # (article index, item index)
    flat_texts: list[str] = []
    for ai, items in enumerate(art_paras):
        for ii, (kind, _parts, ptext) in enumerate(items):
            if kind == "p":
                flat.append((ai, ii))
                flat_texts.append(ptext)
    drop: set[tuple[int, int]] = set()
    for rep in find_repeats(flat_texts):
        ai, ii = flat[rep.index]
        oi, oj = flat[rep.of]
        drop.add((ai, ii))
        parts = art_paras[ai][ii][1]
        of_parts = art_paras[oi][oj][1]
        rtext = art_paras[ai][ii][2]
        reason = RemovalReason.DUPLICATE if rep.reason == "duplicate" else RemovalReason.TAIL_REPEAT
        repeats = _repeat_spans(parser, of_parts, rep.offset)
        spans = _spans_of(parser, parts)
        removed.append(Removed(rtext, spans, reason, repeats))
        blocks.append(Block(BlockKind.REMOVED, rtext, spans))
        _doubled_blocks(parser, parts, blocks)

    # 4. articles (built once their figures are known)
    pending: list[functools.partial[Article]] = []
    figure_texts: list[tuple[str, list[int]]] = []
    for ai, art in enumerate(parser.articles):
        body: list[Block] = []
        figure_sources: list[tuple[str, list[int]]] = []
        for ii, (kind, parts, ptext) in enumerate(art_paras[ai]):
            if (ai, ii) in drop:
                continue
            bk = BlockKind.PARAGRAPH if kind == "p" else BlockKind.SUBHEAD
            block = Block(bk, ptext, _spans_of(parser, parts))
            body.append(block)
            blocks.append(block)
            _doubled_blocks(parser, parts, blocks)
            figure_sources.append(_build_text(parser, parts))
        summary: list[Block] = []
        for j in join_pieces([parser.text_of(p) for p in art.summary]):
            parts = [(art.summary[idx], skip) for idx, skip in j.parts]
            block = Block(BlockKind.SUMMARY, j.text, _spans_of(parser, parts))
            summary.append(block)
            blocks.append(block)
            _doubled_blocks(parser, parts, blocks)
            figure_sources.append(_build_text(parser, parts))
        captions: list[Caption] = []
        for cap in art.captions:
            ctext = parser.text_of(cap.piece)
            cspan = parser.span_of(cap.piece)
            captions.append(Caption(ctext, tuple(_merge_credits(cap.credits)), (cspan,)))
            blocks.append(Block(BlockKind.CAPTION, ctext, (cspan,)))
            figure_sources.append(_build_text(parser, [(cap.piece, 0)]))
        fields: dict[str, Block | None] = {}
        for name, field_kind in (
            ("kicker", BlockKind.KICKER),
            ("headline", BlockKind.HEADLINE),
            ("subheadline", BlockKind.SUBHEADLINE),
            ("dateline", BlockKind.DATELINE),
        ):
            pc = getattr(art, name)
            fields[name] = (
                None if pc is None else Block(field_kind, parser.text_of(pc), (parser.span_of(pc),))
            )
            if pc is not None and name != "dateline":
                figure_sources.append(_build_text(parser, [(pc, 0)]))
        first = nt.lines[art.start_line].span.start if nt.lines else 0
        last = nt.lines[art.last_line].span.end if nt.lines else 0
        figure_texts.append(_join_sources(figure_sources))
        pending.append(
            functools.partial(
                Article,
                span=Span(first, max(first, last)),
                column=art.column,
                kicker=fields["kicker"],
                headline=fields["headline"],
                subheadline=fields["subheadline"],
                dateline=fields["dateline"],
                credits=tuple(_merge_credits(art.credits)),
                summary=tuple(summary),
                body=tuple(body),
                captions=tuple(captions),
            )
        )

    # 3. figures and dates, one pass over each article's texts; the page date
    # is inferred from all of them when it is not given
    page_date, found_dates = extract_dates_of([t for t, _ in figure_texts], date)
    inferred = date is None and page_date is not None
    articles: list[Article] = []
    for ai, (ftext, offs) in enumerate(figure_texts):
        # bare numbers (no unit, no measure word) state no amount: not an article's figure
        quantities = [q for q in _map_items(parser, extract_quantities(ftext), offs) if q.unit]
        dates = _map_items(parser, found_dates[ai], offs)
        quantities.sort(key=_item_order)
        dates.sort(key=_item_order)
        articles.append(pending[ai](quantities=tuple(quantities), dates=tuple(dates)))
    blocks.sort(key=_block_order)
    return Page(
        text=nt.source,
        articles=tuple(articles),
        credits=tuple(_merge_credits(parser.page_credits)),
        removed=tuple(removed),
        unclassified=tuple(parser.unclassified),
        blocks=tuple(blocks),
        date=page_date,
        date_inferred=inferred,
    )


def _item_order(item: Quantity | DateMention) -> tuple[int, int]:
    return (item.span.start, item.span.end)


def _block_order(block: Block) -> tuple[int, int]:
    """Where a block starts and ends in the input (``Block.span`` without a new Span)."""
    spans = block.spans
    return (spans[0].start, spans[-1].end) if spans else (0, 0)


def _doubled_blocks(
    parser: _Parser, parts: Sequence[tuple[tuple[int, int], int]], blocks: list[Block]
) -> None:
    for (a, _b), skip in parts:
        if skip:
            pc = (a, a + skip)
            blocks.append(Block(BlockKind.DOUBLED, parser.text_of(pc), (parser.span_of(pc),)))


def _repeat_spans(
    parser: _Parser, parts: Sequence[tuple[tuple[int, int], int]], offset: int
) -> tuple[Span, ...]:
    """Input spans of an earlier paragraph from its ``offset``-th non-blank character."""
    text, offs = _build_text(parser, parts)
    count = 0
    start_idx = len(offs)
    for k, ch in enumerate(text):
        if ch.isspace():
            continue
        if count == offset:
            start_idx = k
            break
        count += 1
    if start_idx >= len(offs):
        return ()
    out: list[Span] = []
    run_start = offs[start_idx]
    prev = run_start
    for k in range(start_idx + 1, len(offs)):
        if offs[k] != prev + 1:
            out.append(parser.nt.source_span(run_start, prev + 1))
            run_start = offs[k]
        prev = offs[k]
    out.append(parser.nt.source_span(run_start, prev + 1))
    return tuple(out)


def _merge_credits(credits: Sequence[Credit]) -> list[Credit]:
    """Drop repeated (name, role) pairs, keeping the first mention and its title."""
    seen: set[tuple[str, str]] = set()
    out: list[Credit] = []
    for c in credits:
        key = (c.name, c.role.value)
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out


def _join_sources(sources: Sequence[tuple[str, list[int]]]) -> tuple[str, list[int]]:
    """An article's texts joined by line breaks, with each character's offset.

    A separator has offset -1, so that a match spanning two texts is dropped.
    """
    texts: list[str] = []
    offs: list[int] = []
    for text, text_offs in sources:
        if not text:
            continue
        if texts:
            texts.append("\n")
            offs.append(-1)
        texts.append(text)
        offs.extend(text_offs)
    return "".join(texts), offs


def _map_items(parser: _Parser, items: Sequence[_Item], offs: Sequence[int]) -> list[_Item]:
    """Move items found in an article's joined text to spans of the input."""
    out: list[_Item] = []
    for item in items:
        s, e = item.span.start, item.span.end
        if e <= s or e > len(offs) or -1 in offs[s:e]:
            continue
        out.append(item.with_span(parser.nt.source_span(offs[s], offs[e - 1] + 1)))
    return out
