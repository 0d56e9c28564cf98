r"""Assembly: classified lines into article drafts, one handler per line shape.

``assemble()`` walks the lines once; ``HANDLERS`` maps each
``Shape`` to the handler that reads a line of
that shape into the ``Assembly`` state (the article being built, the
column over it, whether a summary box is open, captions waiting for their
article). Every handler emits the blocks its line holds, so that every
character of the page ends in exactly one block.

>>> from newsparse.layout.headings import decide_headings
>>> from newsparse.layout.lines import classify_lines
>>> from newsparse.text import normalize
>>> nt = normalize("工业投资增长\n\n本报讯 今年以来，投资增长。\n\n本报记者 张三")
>>> out = assemble(nt, decide_headings(classify_lines(nt.lines)))
>>> draft = out.drafts[0]
>>> nt.text[slice(*draft.headline)], [c.name for c in draft.credits]
('工业投资增长', ['张三'])
>>> [b.kind.value for b in out.blocks]
['headline', 'dateline', 'byline']
"""

from __future__ import annotations

import enum
import re
from typing import TYPE_CHECKING, Final, NamedTuple

import regex
from attrs import evolve

from newsparse.chars import LAYOUT_MARKS
from newsparse.errors import unchecked
from newsparse.layout.bylines import (
    Byline,
    DatelineMatch,
    parse_byline,
    parse_closing,
    parse_editor_fields,
    parse_tail,
)
from newsparse.layout.captions import parse_caption
from newsparse.layout.columns import parse_column_prefix, parse_series_tag
from newsparse.layout.furniture import editor_names, editors_page, merge_editions, parse_edition
from newsparse.layout.headings import caption_flags
from newsparse.layout.headlines import (
    TITLE_FIELD_STARTS,
    Range,
    headline_ranges,
    is_headline_shaped,
    site_suffix,
    title_after_dateline,
)
from newsparse.layout.headlines import Piece as Piece_
from newsparse.layout.lines import LEAD_REPORT, ClassifiedLine, Shape, photo_gap_of
from newsparse.layout.reflow import ends_open, is_editor_note
from newsparse.layout.vocab import LONE_SUMMARY_LABELS
from newsparse.model import (
    Block,
    BlockKind,
    Column,
    Credit,
    CreditRole,
    Edition,
    Furniture,
    FurnitureKind,
    Span,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from newsparse.layout.bylines import ClosingMatch
    from newsparse.text import Line, NormalizedText

__all__ = [
    "HANDLERS",
    "Assembly",
    "CaptionDraft",
    "Draft",
    "Item",
    "ItemKind",
    "Piece",
    "assemble",
    "page_editors",
]

# The entry points this module calls on the lines of a page (a ``str`` by construction),
# without the argument check that costs a call each time (``errors.unchecked``).
_parse_byline: Final = unchecked(parse_byline)
_parse_closing: Final = unchecked(parse_closing)
_parse_editor_fields: Final = unchecked(parse_editor_fields)
_parse_tail: Final = unchecked(parse_tail)
_parse_caption: Final = unchecked(parse_caption)
_parse_column_prefix: Final = unchecked(parse_column_prefix)
_parse_series_tag: Final = unchecked(parse_series_tag)
_editor_names: Final = unchecked(editor_names)
_editors_page: Final = unchecked(editors_page)
_parse_edition: Final = unchecked(parse_edition)
_site_suffix: Final = unchecked(site_suffix)
_title_after_dateline: Final = unchecked(title_after_dateline)

_NON_BLANK: Final = regex.compile(r"[^ ]++")
# What every line or block reads, bound once: an enum member read by attribute costs a
# lookup through its class each time (about as much as a call).
_UNCLASSIFIED: Final = BlockKind.UNCLASSIFIED
_MARKS: Final = "".join(sorted(LAYOUT_MARKS))
_new: Final = tuple.__new__  # a NamedTuple made from its fields' tuple, with no Python call
_TOKEN: Final = regex.compile(r"\S++")


class Piece(NamedTuple):
    """A range of the normalized text: ``start`` to ``end``."""

    start: int
    end: int


class ItemKind(enum.Enum):
    """What a body item of a draft is: a paragraph piece or an intertitle."""

    PARAGRAPH = "paragraph"
    SUBHEAD = "subhead"
    VERSE = "verse"  # a line of a poem: a paragraph of its own, never joined


_PARAGRAPH: Final = ItemKind.PARAGRAPH
_SUBHEAD: Final = ItemKind.SUBHEAD


class Item(NamedTuple):
    """One body item of a draft, before reflow."""

    kind: ItemKind
    piece: Piece


class CaptionDraft:
    """A caption's text and the credits printed with it or after it."""

    __slots__ = ("credits", "piece")

    def __init__(self, piece: Piece) -> None:
        self.piece = piece
        self.credits: list[Credit] = []


class Draft:
    """An article as assembly builds it: pieces of the normalized text, credits, captions.

    ``start_line``/``last_line`` are the indices of its first and last lines;
    ``photo`` records that photos stood between its headline and its body;
    ``closed`` that a closing byline or credit ended it; ``points`` that its
    summary is a box of key points (each line one, never joined).

    The state classes of this module are plain classes with ``__slots__``
    (not attrs): the compiled build makes them native classes.
    """

    __slots__ = (
        "body",
        "captions",
        "closed",
        "column",
        "credits",
        "dateline",
        "headline",
        "kicker",
        "last_line",
        "level",
        "photo",
        "points",
        "start_line",
        "subheadline",
        "summary",
    )

    def __init__(
        self, start_line: int, column: Column | None = None, level: int | None = None
    ) -> None:
        self.start_line = start_line
        self.column = column
        self.level = level
        self.kicker: Piece | None = None
        self.headline: Piece | None = None
        self.subheadline: Piece | None = None
        self.dateline: Piece | None = None
        self.credits: list[Credit] = []
        self.summary: list[Piece] = []
        self.body: list[Item] = []
        self.captions: list[CaptionDraft] = []
        self.photo = False
        self.last_line = 0
        self.closed = False
        self.points = False  # the summary is a box of key points, each a line of its own


class Assembly:
    """The state of the assembly pass and what it has built so far.

    ``cur`` is the article being built; ``column`` the column over it and
    ``column_before`` the one before a photo column; ``column_first`` that
    the next headline is the first under ``column`` (``column_first_art``
    that article, once it exists); ``summary_mode`` that a key-points box
    is open; ``kicker`` a kicker printed on a line of its own, waiting for
    its headline on the next line (``force_head``); ``last_was_caption``
    that the last text read was a caption (a credit after it is the
    caption's); ``pending_caps`` captions waiting for their article;
    ``editors`` the editor lines, each the 版 it is for (see
    ``furniture.editors_page``) and its people; ``after_edition`` that an
    edition line opened the article (its key points follow); ``points_box``
    that the open summary box is labelled as key points (亮点);
    ``may_caption`` for each line whether it may be a caption (``_caption_facts``).
    """

    __slots__ = (
        "after_caps",
        "after_edition",
        "blocks",
        "column",
        "column_before",
        "column_first",
        "column_first_art",
        "cur",
        "drafts",
        "editions",
        "editors",
        "force_head",
        "furniture",
        "kicker",
        "last_was_caption",
        "lines",
        "may_caption",
        "nt",
        "page_credits",
        "pending_caps",
        "photo_gap",
        "points_box",
        "summary_mode",
        "unclassified",
    )

    def __init__(
        self,
        nt: NormalizedText,
        lines: Sequence[ClassifiedLine],
        photo_gap: int,
        after_caps: list[int],
        may_caption: list[bool] | None = None,
    ) -> None:
        self.nt = nt
        self.lines = lines
        self.photo_gap = photo_gap
        self.after_caps = after_caps
        self.may_caption = _caption_facts(lines)[1] if may_caption is None else may_caption
        self.blocks: list[Block] = []
        self.unclassified: list[Block] = []
        self.page_credits: list[Credit] = []
        self.drafts: list[Draft] = []
        self.cur: Draft | None = None
        self.column: Column | None = None
        self.column_before: Column | None = None
        self.column_first = False
        self.column_first_art: Draft | None = None
        self.summary_mode = False
        self.kicker: Piece | None = None
        self.force_head = False
        self.last_was_caption = False
        self.pending_caps: list[CaptionDraft] = []
        self.furniture: list[Furniture] = []
        self.editions: list[Edition] = []
        self.editors: list[tuple[str | None, list[Credit]]] = []
        self.after_edition = False
        self.points_box = False

    # -- blocks -------------------------------------------------------------------------
    def piece(self, line: Line, start: int, end: int) -> Piece | None:
        """The range ``start:end`` of a line in the normalized text, blanks trimmed."""
        text = line.text
        if start < end and text[start] != " " and text[end - 1] != " ":  # (most: no blank)
            # (a tuple made as a Piece: no Python-level constructor call)
            return _new(Piece, (line.start + start, line.start + end))
        while start < end and text[start] == " ":
            start += 1
        while end > start and text[end - 1] == " ":
            end -= 1
        return None if start >= end else _new(Piece, (line.start + start, line.start + end))

    def emit_at(self, kind: BlockKind, line: Line, start: int, end: int) -> Piece | None:
        r"""Record the range ``start:end`` of a line as a block, blanks trimmed; its piece.

        Every block of a line is recorded here (the one place that makes
        them): nothing for a range of blanks; the block made is
        ``blocks[-1]`` (for a caller that keeps it, as furniture does).

        >>> from newsparse.layout.lines import classify_lines
        >>> from newsparse.text import normalize
        >>> nt = normalize("甲\n\n乙丙 丁")
        >>> st, line = Assembly(nt, classify_lines(nt.lines), 2, []), nt.lines[1]
        >>> st.emit_at(BlockKind.HEADLINE, line, 0, 3), st.emit_at(BlockKind.MARKUP, line, 2, 3)
        (Piece(start=2, end=4), None)
        >>> [(b.kind.value, b.text) for b in st.blocks]
        [('headline', '乙丙')]
        """
        text = line.text
        if start < end and text[start] != " " and text[end - 1] != " ":  # (most: no blank)
            a = line.start + start
            b = line.start + end
        else:
            pc = self.piece(line, start, end)
            if pc is None:
                return None
            a, b = pc
        nt = self.nt
        block = Block(kind, nt.text[a:b], nt.source_spans(a, b))
        self.blocks.append(block)
        if kind is _UNCLASSIFIED:
            self.unclassified.append(block)
        return _new(Piece, (a, b))

    def emit_line(self, kind: BlockKind, line: Line) -> None:
        """Record a whole line as one block."""
        self.emit_at(kind, line, 0, len(line.text))

    def emit_rest(self, line: Line, claimed: Sequence[tuple[int, int]]) -> None:
        """Emit what a line's claimed ranges leave: layout marks or unclassified text.

        What is left between the ranges is mostly nothing or a blank: only
        the rest that holds more than blanks is read (``_leftover``).
        """
        text = line.text
        pos = 0
        for s, e in claimed if len(claimed) < 2 else sorted(claimed):
            # (most claimed ranges abut, or a blank stands between them)
            if s > pos and not text[pos:s].isspace():
                self._leftover(line, pos, s)
            pos = max(pos, e)
        if pos < len(text) and not text[pos:].isspace():
            self._leftover(line, pos, len(text))

    def _leftover(self, line: Line, start: int, end: int) -> None:
        chunk = line.text[start:end]
        if start >= end or not chunk.strip():
            return
        if not chunk.strip(_MARKS):  # (all layout marks)
            # one markup block per run of non-blank marks
            for m in _NON_BLANK.finditer(chunk):
                self.emit_at(BlockKind.MARKUP, line, start + m.start(), start + m.end())
        else:
            self.emit_at(BlockKind.UNCLASSIFIED, line, start, end)

    def credits_of(self, line: Line, byline: Byline) -> list[Credit]:
        """A parsed byline's credits with spans of the input."""
        src = self.nt.source_span
        at = line.start
        out = []
        for c in byline.credits:  # (a loop: most bylines name one or two people)
            span = c.span
            out.append(Credit(c.name, c.role, c.title, src(at + span.start, at + span.end)))
        return out

    # -- articles -----------------------------------------------------------------------
    def new_headless(self, i: int) -> Draft:
        """Start an article without a headline at line ``i`` (waiting captions join it)."""
        art = Draft(start_line=i, column=self.column)
        art.captions.extend(self.pending_caps)
        self.pending_caps = []
        self.drafts.append(art)
        self.cur = art
        return art

    def current(self, i: int) -> Draft:
        """The article being built, or a new headless one."""
        return self.cur if self.cur is not None else self.new_headless(i)

    def settle_column(self) -> Column | None:
        """The column for the next article: a photo column covers one photo story only."""
        first = self.column_first_art
        if first is None:
            return self.column
        self.column_first_art = None
        return self.column_before if _is_photo_story(first) else self.column

    def caption_opens_next(self, i: int) -> bool:
        """Whether the captions at ``i`` stand before the headline of the next article."""
        j = self.after_caps[min(i + 1, len(self.lines))]
        return j < len(self.lines) and self.lines[j].shape is Shape.HEADING and self.lines[j].head


def _column_at(col: Column, span: Span) -> Column:
    """The column with its span in the input (made anew: ``evolve`` reads the fields each time).

    >>> _column_at(Column("图说", None, Span(0, 2)), Span(5, 7)).span
    Span(start=5, end=7)
    """
    return Column(col.name, col.pinyin, span, col.level)


def _is_photo_story(art: Draft) -> bool:
    """A photo story: photos, text about them, a photo credit, no dateline nor writer."""
    if art.dateline is not None:
        return False
    for c in art.credits:  # (a loop: no set of members hashed, no generator resumed)
        if c.role is CreditRole.REPORTER or c.role is CreditRole.CORRESPONDENT:
            return False
    return (
        art.photo
        or bool(art.captions)
        or any(c.role is CreditRole.PHOTOGRAPHER for c in art.credits)
    )


# -- handlers, one per shape ------------------------------------------------------------


def on_junk(st: Assembly, cl: ClassifiedLine) -> None:
    """A line without content is unclassified, whole."""
    st.emit_line(BlockKind.UNCLASSIFIED, cl.line)


def on_jump(st: Assembly, cl: ClassifiedLine) -> None:
    """A jump line (``（下转第三版）``): a block of its own."""
    st.emit_line(BlockKind.JUMP, cl.line)


def on_furniture(st: Assembly, cl: ClassifiedLine) -> None:
    """Page furniture: a block of its own; edition lines tell the page, editor lines its editors.

    An edition line under a title (as e-paper exports print one under each
    article's title and author line) opens the article's key points.
    """
    kind = cl.parse  # (``cl.furniture``: a furniture line's parse)
    assert isinstance(kind, FurnitureKind)
    line = cl.line
    if st.emit_at(BlockKind.FURNITURE, line, 0, len(line.text)) is None:
        return
    block = st.blocks[-1]
    st.furniture.append(Furniture(kind, block.text, block.spans))
    if kind in (FurnitureKind.EDITION, FurnitureKind.HEADER):
        edition = _parse_edition(line.text)
        if edition is not None:
            st.editions.append(edition)
    if kind is FurnitureKind.EDITORS:
        src = st.nt.source_span
        people = [
            Credit(name, CreditRole.EDITOR, None, src(line.start + a, line.start + b))
            for name, a, b in _editor_names(line.text)
        ]
        st.editors.append((_editors_page(line.text), people))
    elif kind in (FurnitureKind.HEADER, FurnitureKind.EDITION):
        fields = _parse_editor_fields(line.text)  # a running head naming the editors
        if fields is not None:
            st.editors.append((None, st.credits_of(line, fields)))
    st.summary_mode = False
    st.after_edition = kind is FurnitureKind.EDITION and st.cur is not None and not st.cur.body


def page_editors(st: Assembly) -> list[Credit]:
    r"""The people of the editor lines that are for this page.

    A line for no 版 in particular, or for ``本版``, is this page's; one for
    another 版 (``一版责编`` on 版 03) is furniture only.

    >>> from newsparse.text import normalize
    >>> nt = normalize("《江畔日报》（2025年1月2日 第 03 版）\n一版责编：甲乙\n三版责编：丙丁")
    >>> from newsparse.layout.headings import decide_headings
    >>> from newsparse.layout.lines import classify_lines
    >>> [c.name for c in page_editors(assemble(nt, decide_headings(classify_lines(nt.lines))))]
    ['丙丁']
    """
    edition = merge_editions(st.editions)
    page = None if edition is None or edition.page is None else edition.page.lstrip("0")
    out: list[Credit] = []
    for which, people in st.editors:
        if which is None or which == "本" or (page is not None and which == page):
            out.extend(people)
    return out


def on_page_credit(st: Assembly, cl: ClassifiedLine) -> None:
    """A credit for the whole page (``本版图片由…摄``): the page's credits."""
    if cl.byline is not None:
        st.page_credits.extend(st.credits_of(cl.line, cl.byline))
    st.emit_line(BlockKind.PAGE_CREDIT, cl.line)
    st.summary_mode = False


def on_column(st: Assembly, cl: ClassifiedLine) -> None:
    """A column marker: the column of the articles after it; it closes the article before."""
    col = cl.column
    line = cl.line
    if col is not None:
        span = st.nt.source_span(line.start + col.span.start, line.start + col.span.end)
        first = st.column_first_art  # (none waiting: the column stays, see settle_column)
        st.column_before = st.column if first is None else st.settle_column()
        st.column = _column_at(col, span)
        st.column_first = True
        st.column_first_art = None
        st.emit_at(BlockKind.COLUMN, line, col.span.start, col.span.end)
        st.emit_rest(line, [(col.span.start, col.span.end)])
    if st.cur is not None:
        st.cur.closed = True
    st.summary_mode = False


def on_label(st: Assembly, cl: ClassifiedLine) -> None:
    """A summary label: the lines after it (and its own text) are the summary.

    A point marked by a bullet (``● …``, an empty label) opens or continues a
    box of key points above an article's body; inside the body it is text.
    """
    lab = cl.label
    assert lab is not None
    line = cl.line
    point = lab.start == lab.end
    if point and st.cur is not None and (st.cur.dateline is not None or _has_body(st, st.cur)):
        # inside a body a bulleted line is an intertitle (``● 坚持规划先行``) or text
        if is_headline_shaped(line.text[lab.rest :]):
            on_heading(st, cl._replace(shape=Shape.HEADING, head=False))
        else:
            on_text(st, cl._replace(shape=Shape.TEXT))
        return
    cur = st.current(cl.number)
    if point:
        cur.points = True
    st.emit_at(BlockKind.SUMMARY_LABEL, line, lab.start, lab.end)
    claimed = [(lab.start, lab.end)]
    rest = st.piece(line, lab.rest, len(line.text))
    if rest is not None:
        cur.summary.append(rest)
        claimed.append((lab.rest, len(line.text)))
    st.emit_rest(line, claimed)
    st.summary_mode = True
    # a box of key points (亮点) rather than of prose (核心提示)
    st.points_box = point or line.text[lab.start : lab.end].strip("【】[] ") in LONE_SUMMARY_LABELS
    cur.last_line = cl.number


def on_dateline(st: Assembly, cl: ClassifiedLine) -> None:
    """A dateline opens an article's body (a new article if the current one has one).

    An editor's note printed above the dateline (``……——编者``) is the article's
    own first paragraph, not a body that the dateline would end.
    """
    d = cl.parse  # (a dateline line's parse: ``cl.dateline`` without the property's call)
    assert isinstance(d, DatelineMatch)
    _open_body(st, cl, d, [])


def _opens_article(st: Assembly) -> bool:
    """Whether a dateline read now opens a new article."""
    cur = st.cur
    if cur is None or cur.dateline is not None or cur.closed:
        return True
    return _has_body(st, cur) if cur.body else False


def _open_body(
    st: Assembly, cl: ClassifiedLine, d: DatelineMatch, claimed: list[tuple[int, int]]
) -> None:
    """Read the dateline ``d`` of line ``cl``, its byline and the text after it.

    ``claimed`` holds the ranges of the line already read (a caption before it).
    """
    line = cl.line
    cur = st.new_headless(cl.number) if _opens_article(st) else st.cur
    assert cur is not None
    st.summary_mode = False
    cur.dateline = st.emit_at(BlockKind.DATELINE, line, d.tag.span.start, d.tag.span.end)
    claimed.append((d.tag.span.start, d.tag.span.end))
    if d.byline is not None and d.byline_span is not None:
        cur.credits.extend(st.credits_of(line, d.byline))
        st.emit_at(BlockKind.BYLINE, line, d.byline_span.start, d.byline_span.end)
        claimed.append((d.byline_span.start, d.byline_span.end))
    agency = cur.headline is None and line.text[d.rest : d.rest + 1] in TITLE_FIELD_STARTS
    title = _title_after_dateline(line.text, d.rest) if agency else None
    if title is not None:  # 新华社X地X日电 题：…: the article's title, the text on the next line
        label, head = title
        st.emit_at(BlockKind.MARKUP, line, label.start, label.end)
        cur.headline = st.emit_at(BlockKind.HEADLINE, line, head.start, head.end)
        claimed.extend(((label.start, label.end), (head.start, head.end)))
    text = line.text
    end = len(text)
    tail = _parse_closing(text) if title is None and text[-1:] in ")）" else None
    if _closes_text(tail, d.rest):  # (a brief: dateline, text and credits on one line)
        assert tail is not None
        end = tail.start
        _closing_credits(st, cur, line, tail, claimed)
    rest = None if title is not None else st.piece(line, d.rest, end)
    if rest is not None:
        cur.body.append(_new(Item, (_PARAGRAPH, rest)))
        claimed.append((d.rest, end))
    st.emit_rest(line, claimed)
    cur.last_line = cl.number
    st.last_was_caption = False


def on_verse(st: Assembly, cl: ClassifiedLine) -> None:
    """A line of a poem: a paragraph of its own in the current article."""
    cur = st.cur
    if cur is None or cur.closed:
        cur = st.new_headless(cl.number)
    st.summary_mode = False
    st.last_was_caption = False
    pc = st.piece(cl.line, cl.marks.end, len(cl.line.text))
    if pc is not None:
        cur.body.append(Item(ItemKind.VERSE, pc))
    st.emit_rest(cl.line, [(cl.marks.end, len(cl.line.text))])
    cur.last_line = cl.number


def _has_body(st: Assembly, cur: Draft) -> bool:
    """Whether the draft has body paragraphs other than editor's notes."""
    text = st.nt.text
    for it in cur.body:  # noqa: SIM110 - a loop, no generator resumed (hot path)
        if not is_editor_note(text[it.piece.start : it.piece.end]):
            return True
    return False


def _above_edition(st: Assembly, i: int) -> bool:
    """Whether an edition line follows line ``i``."""
    nxt = i + 1
    # (an edition line's parse is its kind: ``furniture`` without the property's call)
    return nxt < len(st.lines) and st.lines[nxt].parse is FurnitureKind.EDITION


def on_closing(st: Assembly, cl: ClassifiedLine) -> None:
    """Closing credits in parentheses: the article's dateline (if it has none) and credits."""
    c = cl.closing
    assert c is not None
    line = cl.line
    cur = st.current(cl.number)
    claimed = []
    if c.tag is not None and cur.dateline is None:
        cur.dateline = st.emit_at(BlockKind.DATELINE, line, c.tag.span.start, c.tag.span.end)
        claimed.append((c.tag.span.start, c.tag.span.end))
    _closing_credits(st, cur, line, c, claimed)
    st.emit_rest(line, claimed)
    if cur.body or cur.summary:  # (under a bare headline: its byline, the body to come)
        cur.closed = True
    cur.last_line = cl.number
    st.summary_mode = False
    st.last_was_caption = False


def _closing_credits(
    st: Assembly, cur: Draft, line: Line, c: ClosingMatch, claimed: list[tuple[int, int]]
) -> None:
    """The credits of closing parentheses, and the byline block of their names.

    The byline block runs from the parenthesis (``（本报记者 X）``, ``（編輯：X）``)
    or, with a dateline inside, from the title after it to the closing
    parenthesis; the opening parenthesis before a dateline is a layout mark.
    """
    credits = st.credits_of(line, c.byline)
    cur.credits.extend(credits)
    if not credits:
        return
    text = line.text
    last = max(x.span.end for x in c.byline.credits)
    close = text.find(")", last)
    close = text.find("）", last) if close < 0 else close
    end = len(text) if close < 0 else close + 1
    if c.tag is None:
        start = c.start
    else:
        start = min(x.span.start for x in c.byline.credits)
        while start > c.tag.span.end and text[start - 1] != " ":
            start -= 1  # the title in front of the first name
        st.emit_at(BlockKind.MARKUP, line, c.start, c.start + 1)
        claimed.append((c.start, c.start + 1))
    st.emit_at(BlockKind.BYLINE, line, start, end)
    claimed.append((start, end))


def _closes_text(tail: ClosingMatch | None, start: int) -> bool:
    """Whether ``tail`` holds only credits (``（记者 X）``), printed after text past ``start``."""
    return tail is not None and tail.whole and tail.tag is None and tail.start > start


def on_byline(st: Assembly, cl: ClassifiedLine) -> None:
    """A byline or photo credit: the article's credits (a caption's, after a caption)."""
    by = cl.parse  # (``cl.byline``: a byline or credit line's parse)
    assert isinstance(by, Byline)
    line = cl.line
    credit = cl.shape is Shape.CREDIT
    credits = st.credits_of(line, by)
    if credit and st.last_was_caption:
        cur = st.cur
        target = (
            st.pending_caps[-1]
            if st.pending_caps
            else (cur.captions[-1] if cur is not None and cur.captions else None)
        )
        if target is not None:
            target.credits.extend(credits)
            st.emit_line(BlockKind.CREDIT, line)
            return
    if st.cur is None and all(c.role is CreditRole.EDITOR for c in credits):
        # the editors named above the first article are the page's
        st.page_credits.extend(credits)
        st.emit_line(BlockKind.PAGE_CREDIT, line)
        return
    cur = st.cur if st.cur is not None else st.new_headless(cl.number)  # (st.current)
    if not credit and (cur.body or cur.closed) and _above_edition(st, cl.number):
        # an author line over a source line opens an article (e-paper exports)
        cur = st.new_headless(cl.number)
    cur.credits.extend(credits)
    st.emit_line(BlockKind.CREDIT if credit else BlockKind.BYLINE, line)
    if cur.body or cur.summary or credit:
        cur.closed = True
    cur.last_line = cl.number
    st.summary_mode = False
    st.last_was_caption = False


def _headline(st: Assembly, cl: ClassifiedLine) -> None:
    """A headline line opens an article (a kicker line waits for its headline)."""
    line, text, i = cl.line, cl.line.text, cl.number
    kicker, head, sub = headline_ranges(text, cl.marks.end)  # (the line's marks, read once)
    nxt = i + 1
    if cl.kicker or (
        sub is None
        and head is not None
        and cl.dash_end is not None
        and nxt < len(st.lines)
        and st.lines[nxt].shape is Shape.HEADING
    ):
        # a kicker printed on a line of its own, ending with a dash, or above
        # its headline in a title block
        kstart = cl.marks.end
        kend = len(text) if cl.dash_end is None else cl.dash_end
        st.kicker = st.emit_at(BlockKind.KICKER, line, kstart, kend)
        st.emit_rest(line, [(kstart, kend)])
        st.force_head = True
        return
    level = cl.marks.level
    if st.column_first_art is not None:  # (else the column stays: settle_column)
        st.column = st.settle_column()
    col = st.column
    if col is not None and col.level is not None and level is not None and level < col.level:
        st.column = None
        st.column_before = None
    art = Draft(start_line=i, column=st.column, level=level)
    st.drafts.append(art)
    if st.column_first:
        st.column_first = False
        st.column_first_art = art
    st.cur = art
    art.captions.extend(st.pending_caps)
    st.pending_caps = []
    if st.kicker is not None:
        art.kicker = st.kicker
        st.kicker = None
    claimed: list[tuple[int, int]] = []
    headline = _series_tag(st, art, line, head, claimed)
    if kicker is not None:
        art.kicker = _title_part(st, line, BlockKind.KICKER, kicker, claimed)
    if headline is not None:
        art.headline = _title_part(st, line, BlockKind.HEADLINE, headline, claimed)
    if sub is not None:
        art.subheadline = _title_part(st, line, BlockKind.SUBHEADLINE, sub, claimed)
    st.emit_rest(line, claimed)
    art.last_line = i
    st.summary_mode = False
    st.last_was_caption = False


def _title_part(
    st: Assembly, line: Line, kind: BlockKind, part: Range, claimed: list[tuple[int, int]]
) -> Piece | None:
    """Emit one part of a headline line (kicker, headline, subheadline); its range."""
    claimed.append(part)
    return st.emit_at(kind, line, part[0], part[1])


def _series_tag(
    st: Assembly, art: Draft, line: Line, head: Range | None, claimed: list[tuple[int, int]]
) -> Range | None:
    """A series tag after the headline: this article's column; the headline without it.

    ``head`` is the headline's range of the line, and so is what it returns.
    """
    if head is None:
        return None
    text, (start, end) = line.text, head
    if _TITLE_EXTRAS.search(text, start, end) is None and not text.endswith(_TAG_ENDS, start, end):
        return head  # (most headlines: no remnant, site part, column prefix nor tag)
    headline = _trim_remnants(st, line, Piece_(text[start:end], Span(start, end)))
    headline = _column_prefix(st, art, line, headline, claimed)
    tag = _parse_series_tag(headline.text)
    if tag is None:
        return headline.span.start, headline.span.end
    a = headline.span.start + tag.column.span.start
    b = headline.span.start + tag.column.span.end
    art.column = _column_at(tag.column, st.nt.source_span(line.start + a, line.start + b))
    st.emit_at(BlockKind.COLUMN, line, a, b)
    for k in (a - 1, b):  # the tag's parentheses: layout marks
        st.emit_at(BlockKind.MARKUP, line, k, k + 1)
    claimed.append((a - 1, b + 1))
    return headline.span.start, headline.span.start + tag.start


# What a headline holds where one of the rules of _series_tag applies: a table rule or an
# image link (_REMNANTS), a site part's separator (headlines.site_suffix), a column
# prefix's slash (columns.parse_column_prefix), a closing parenthesis at its end
# (columns.parse_series_tag). Each part the rules cut off holds its own of these.
# (one class of the standard engine, ``-`` for `` -`` and ``!`` for ``![``: a search as
# cheap as two substring tests; the closing parenthesis a test of the end)
_TITLE_EXTRAS: Final = re.compile(r"[|_\uff3f\uff5c／/\\!-]")
_TAG_ENDS: Final = ("）", "）\n")

# What a web page leaves after a title: table rules and empty image links (``| |||``, ``![]()``).
_REMNANTS: Final = regex.compile(r"(?:[ ]*+(?:\|++|!\[[^\]]{0,40}+\]\([^)]{0,200}+\)))++[ ]*+$")


def _trim_remnants(st: Assembly, line: Line, headline: Piece_) -> Piece_:
    """A headline without the markup remnants after it (they become markup blocks).

    Nor with a web page title's site part (``_新闻中心_江城网``): header furniture.
    """
    m = _REMNANTS.search(headline.text)
    if m is not None and m.start() > 0:
        a = headline.span.start + m.start()
        for tok in _TOKEN.finditer(line.text[a : headline.span.end]):
            st.emit_at(BlockKind.MARKUP, line, a + tok.start(), a + tok.end())
        headline = Piece_(headline.text[: m.start()].rstrip(), Span(headline.span.start, a))
    cut = _site_suffix(headline.text)
    if cut is None:
        return headline
    a = headline.span.start + cut
    if st.emit_at(BlockKind.FURNITURE, line, a, headline.span.end) is not None:
        block = st.blocks[-1]
        st.furniture.append(Furniture(FurnitureKind.HEADER, block.text, block.spans))
    return Piece_(headline.text[:cut].rstrip(), Span(headline.span.start, a))


def _column_prefix(
    st: Assembly, art: Draft, line: Line, headline: Piece_, claimed: list[tuple[int, int]]
) -> Piece_:
    """A column name before the headline with a slash (``黑白集／…``): this article's column."""
    pre = _parse_column_prefix(headline.text)
    if pre is None:
        return headline
    a = headline.span.start + pre.column.span.start
    b = headline.span.start + pre.column.span.end
    art.column = _column_at(pre.column, st.nt.source_span(line.start + a, line.start + b))
    st.emit_at(BlockKind.COLUMN, line, a, b)
    start = headline.span.start + pre.start
    claimed.append((a, b))
    return Piece_(headline.text[pre.start :], Span(start, headline.span.end))


def _sub_line(st: Assembly, cl: ClassifiedLine) -> bool:
    """A sub-line (``——…``), or a title line set under the headline, is its subheadline."""
    cur = st.cur
    if not (cl.sub_line or cl.sub) or cur is None or cur.subheadline is not None:
        return False
    if cur.body or cur.summary:
        return False
    _, head, sub = headline_ranges(cl.line.text, cl.marks.end)
    part = sub if cl.sub_line else head
    if part is None:
        return False
    cur.subheadline = st.emit_at(BlockKind.SUBHEADLINE, cl.line, part[0], part[1])
    st.emit_rest(cl.line, [part])
    cur.last_line = cl.number
    return True


def _caption(st: Assembly, cl: ClassifiedLine) -> bool:
    """A caption: a glued photo credit, or a short block after a photo.

    Where the photos are gone (an e-paper export), text that says what the
    picture shows (``图为…``) and has its photo credit on the next line is
    a caption too.
    """
    cur, i = st.cur, cl.number
    nxt = i + 1
    credit_next = nxt < len(st.lines) and st.lines[nxt].shape is Shape.CREDIT  # (may_caption)
    if cl.shape is not Shape.CAPTION_CREDIT and not (credit_next and _captions_a_photo(st, cl)):
        if not cl.caption_shaped:
            return False
        photo_story_text = (
            cur is not None
            and not cur.body
            and cur.dateline is None
            and cur.headline is not None
            and cur.last_line == i - 1
            and not any(c.role is CreditRole.REPORTER for c in cur.credits)
        )
        if photo_story_text:
            return False
    cp = cl.caption if cl.caption is not None else _parse_caption(cl.line.text)
    if cp.text is None:
        return False
    line = cl.line
    cap = CaptionDraft(st.piece(line, cp.text.span.start, cp.text.span.end) or Piece(0, 0))
    claimed = [(cp.text.span.start, cp.text.span.end)]
    if cp.byline is not None and cp.byline_span is not None:
        cap.credits.extend(st.credits_of(line, cp.byline))
        st.emit_at(BlockKind.CREDIT, line, cp.byline_span.start, cp.byline_span.end)
        claimed.append((cp.byline_span.start, cp.byline_span.end))
    if cp.next_dateline is not None:  # …摄本报讯…: the caption of the article it opens
        if _opens_article(st):
            st.pending_caps.append(cap)
        elif cur is not None:
            cur.captions.append(cap)
        _open_body(st, cl, cp.next_dateline, claimed)
        return True
    st.emit_rest(line, claimed)
    if st.caption_opens_next(i) or cur is None or cur.closed:
        st.pending_caps.append(cap)
    else:
        cur.captions.append(cap)
        if cur.headline is not None and not cur.body:
            cur.photo = True
        cur.last_line = i
    st.summary_mode = False
    st.last_was_caption = True
    return True


_PICTURE: Final = regex.compile(r"[图圖][为為中示]|[左右上下]图|[左右上下]圖")


def _captions_a_photo(st: Assembly, cl: ClassifiedLine) -> bool:
    """Text that says what a picture shows, its photo credit on the next line."""
    nxt = cl.number + 1
    return (
        nxt < len(st.lines)
        and st.lines[nxt].shape is Shape.CREDIT
        and cl.shape is Shape.TEXT
        and cl.line.gap < st.photo_gap  # after a photo's gap it is a photo story's text
        and _PICTURE.search(cl.line.text) is not None
    )


def on_heading(st: Assembly, cl: ClassifiedLine) -> None:
    """A heading line: a headline, a subheadline, a caption, or an intertitle."""
    head = cl.head or st.force_head
    st.force_head = False
    if head:
        _headline(st, cl)
        return
    if (cl.dash_start or cl.sub) and _sub_line(st, cl):  # (a sub-line starts with its dash)
        return
    if st.may_caption[cl.number] and _caption(st, cl):
        return
    st.last_was_caption = False
    cur = st.cur if st.cur is not None else st.new_headless(cl.number)  # (st.current)
    st.summary_mode = False
    start = cl.marks.end
    pc = st.piece(cl.line, start, len(cl.line.text))
    if pc is not None:
        cur.body.append(Item(ItemKind.SUBHEAD, pc))
    st.emit_rest(cl.line, [(start, len(cl.line.text))])
    cur.last_line = cl.number


def on_text(st: Assembly, cl: ClassifiedLine) -> None:
    """Text: a caption after a photo, a summary paragraph in a box, or a body paragraph."""
    if st.may_caption[cl.number] and _caption(st, cl):
        return
    st.last_was_caption = False
    cur = st.cur
    if cur is None or (cur.closed and not st.summary_mode):
        cur = st.new_headless(cl.number)
    line = cl.line
    text = line.text
    if st.after_edition or st.summary_mode:  # (else _key_points has nothing to do)
        _key_points(st, cur, text)
    end = len(text)
    # (a lead byline opens with a bracket, or the first paragraph of an article without
    # dateline: a body that ends with a paragraph is past it)
    body = cur.body
    lead = text[:1] in _LEAD_OPENS or (
        cur.dateline is None and (not body or body[-1].kind is _SUBHEAD)
    )
    start = _lead_credits(st, cur, cl) if lead else 0
    # a paragraph that ends on a sentence end or a quote has no byline after it
    last = text[-1:]
    signed = None if last in _NO_TAIL_ENDS else _parse_tail(text)
    if signed is not None:
        # a byline after the last sentence: …治理一下。 本报记者 李四 整理
        end = signed[0]
        cur.credits.extend(st.credits_of(line, signed[1]))
        st.emit_at(BlockKind.BYLINE, line, end, len(text))
    tail = _parse_closing(text) if last in ")）" else None  # (closing credits end the line)
    if _closes_text(tail, 0):
        # credits in parentheses after the last sentence: （记者 黄翠林）
        assert tail is not None
        end = tail.start
        claimed = [(0, end)]
        _closing_credits(st, cur, line, tail, claimed)
        st.emit_rest(line, claimed)
    elif tail is not None and not tail.whole:
        cur.credits.extend(st.credits_of(line, tail.byline))  # the note stays text
    if start < end and text[start] != " " and text[end - 1] != " ":  # (st.piece, no blank)
        pc: Piece | None = _new(Piece, (line.start + start, line.start + end))
    else:
        pc = st.piece(line, start, end)
    if pc is not None:
        if st.summary_mode:
            cur.summary.append(pc)
        else:
            body.append(_new(Item, (_PARAGRAPH, pc)))  # (an Item, made as a tuple)
    cur.last_line = cl.number


# A bracketed lead byline: (大公報記者 張帆), 【記者X／台北報導】, or in the
# tortoise-shell brackets (U+3014, U+3015) some Taiwanese papers print
_LEAD_PARENS = regex.compile(
    r"[（(](?P<by>[^（()）]{2,40}+)[)）]|\u3014(?P<by>[^\u3014\u3015]{2,40}+)\u3015"
    r"|【(?P<by>[^【】]{2,40}+)】"
)


# the first characters of the _LEAD_PARENS alternatives
_LEAD_OPENS: Final = "（(\u3014【"
# what a byline after the last sentence never ends with (``bylines.parse_tail``): marks and quotes
_NO_TAIL_ENDS: Final = "。！？!?，,、“”「」『』：:；;"


def _only_subheads(body: Sequence[Item]) -> bool:
    """Whether a draft's body holds intertitles only, or nothing yet (its first paragraph comes).

    >>> _only_subheads([]), _only_subheads([Item(ItemKind.PARAGRAPH, Piece(0, 2))])
    (True, False)
    """
    for item in body:  # noqa: SIM110 - a loop, no generator resumed per item (hot path)
        if item.kind is not ItemKind.SUBHEAD:
            return False
    return True


def _moved(byline: Byline, offset: int) -> Byline:
    """A byline parsed from a part of a line, its spans moved to the line."""
    return Byline(
        tuple(
            evolve(c, span=Span(c.span.start + offset, c.span.end + offset)) for c in byline.credits
        )
    )


def _lead_credits(st: Assembly, cur: Draft, cl: ClassifiedLine) -> int:
    """A byline in brackets opening a paragraph (``(大公報記者 張帆)「…``, ``【記者X／台北報導】``).

    So is a byline ending in ``报道`` and a colon that opens an article's first
    paragraph without a dateline (``周一、记者吴二报道：…``, the 本报讯 left out),
    also under an intertitle-shaped line the headline pass left in the body.

    Returns where the paragraph's text starts.
    """
    text = cl.line.text
    m = _LEAD_PARENS.match(text) if text[:1] in _LEAD_OPENS else None
    if m is None and cur.dateline is None and _only_subheads(cur.body):
        m = LEAD_REPORT.match(text)
    if m is None:
        return 0
    by = _parse_byline(m.group("by"))
    if by is None or not any(c.title for c in by.credits):
        return 0
    cur.credits.extend(st.credits_of(cl.line, _moved(by, m.start("by"))))
    end: int = m.end()
    st.emit_at(BlockKind.BYLINE, cl.line, 0, end)
    return end


def _key_points(st: Assembly, cur: Draft, text: str) -> None:
    """Key points: lines without a full stop that open an article, as a box of their own.

    Under an edition line (e-paper exports print an article's key points
    between its source line and its body), lines that end without sentence
    punctuation are the summary; in a box of such points (``亮点``), the
    first line that ends a sentence is the body again.
    """
    if st.after_edition and not cur.body and not cur.summary and ends_open(text):
        st.summary_mode = True
        cur.points = True
    st.after_edition = False
    if st.summary_mode and st.points_box and not cur.summary and ends_open(text):
        cur.points = True
    if st.summary_mode and cur.points and cur.summary and not ends_open(text):
        st.summary_mode = False


HANDLERS: Final[dict[Shape, Callable[[Assembly, ClassifiedLine], None]]] = {
    Shape.FURNITURE: on_furniture,
    Shape.JUNK: on_junk,
    Shape.JUMP: on_jump,
    Shape.PAGE_CREDIT: on_page_credit,
    Shape.COLUMN: on_column,
    Shape.LABEL: on_label,
    Shape.DATELINE: on_dateline,
    Shape.CLOSING: on_closing,
    Shape.BYLINE: on_byline,
    Shape.CREDIT: on_byline,
    Shape.CAPTION_CREDIT: on_text,
    Shape.HEADING: on_heading,
    Shape.TEXT: on_text,
    Shape.VERSE: on_verse,
}
"""The handler of each line shape."""


def _caption_facts(lines: Sequence[ClassifiedLine]) -> tuple[list[int], list[bool]]:
    r"""What the captions of a page need, in one backward pass: ``after_caps`` and ``may_caption``.

    ``after_caps[k]`` is the first line at or after ``k`` that is not caption-like
    (``headings.caption_flags``); ``may_caption[k]`` whether ``_caption`` may read
    line ``k`` as a caption: a glued photo credit, a short block after a photo,
    or text with its photo credit on the next line. A line that is none of them
    is read by its shape's handler at once.

    >>> from newsparse.layout.lines import classify_lines
    >>> from newsparse.text import normalize
    >>> _caption_facts(classify_lines(normalize("标题\n\n图为江边。\n本报记者 赵六 摄").lines))
    ([0, 3, 3, 3], [False, True, False])
    """
    n = len(lines)
    shapes = [c.shape for c in lines]
    caps = caption_flags(lines, shapes)
    may = [c.caption_shaped for c in lines]
    after = [n] * (n + 1)
    glued, credit = Shape.CAPTION_CREDIT, Shape.CREDIT  # (locals: no enum lookup a line)
    first, credit_next = n, False  # the first line not caption-like so far, from the end
    for k in range(n - 1, -1, -1):
        shape = shapes[k]
        if not caps[k]:
            first = k
        after[k] = first
        if credit_next or shape is glued:
            may[k] = True
        credit_next = shape is credit
    return after, may


def _photo_gap_seen(st: Assembly) -> None:
    """A photo gap before a line closes a summary box and marks photos under a bare headline."""
    st.summary_mode = False
    cur = st.cur
    if cur is not None and cur.headline is not None and not cur.body:
        cur.photo = True


def assemble(
    nt: NormalizedText, lines: Sequence[ClassifiedLine], photo_gap: int | None = None
) -> Assembly:
    """Read the decided lines of a page into article drafts and blocks.

    >>> from newsparse.layout.headings import decide_headings
    >>> from newsparse.layout.lines import classify_lines
    >>> from newsparse.text import normalize
    >>> nt = normalize("正文，正文。")
    >>> [b.kind.value for b in assemble(nt, decide_headings(classify_lines(nt.lines))).blocks]
    []
    """
    gap = photo_gap_of(nt.lines) if photo_gap is None else photo_gap
    st = Assembly(nt, lines, gap, *_caption_facts(lines))
    handlers = HANDLERS
    for cl in lines:
        if cl.line.gap >= gap:
            _photo_gap_seen(st)
        handlers[cl.shape](st, cl)
    if st.pending_caps:  # captions that wait for a headline that never came
        st.current(len(lines) - 1).captions.extend(st.pending_caps)
        st.pending_caps = []
    return st
