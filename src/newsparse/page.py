r"""``parse_page()``: the page pipeline, one stage after another.

The stages, each a function of its own module::

    normalize ─► unwrap ─► cut glued lines ─► classify lines ─► decide headings ─►
    (text)       (layout.  (layout.glued)     (layout.lines)    (layout.headings)
                  unwrap)
    ─► assemble ─► reflow ─► drop repeats ─►
       (layout.    (layout.  (layout.dedup)
        assemble)   reflow)
    ─► figures ─► Page
       (figures.quantities, figures.dates)

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

import functools
import itertools
import operator
from bisect import bisect_right
from typing import TYPE_CHECKING, NamedTuple, TypeAlias, TypeVar

from newsparse.errors import InputTooLargeError, str_argument
from newsparse.figures.dates import date_fields_of
from newsparse.figures.quantities import extract_quantities
from newsparse.layout.assemble import Assembly, Draft, ItemKind, Piece, assemble, page_editors
from newsparse.layout.dedup import repeats_of
from newsparse.layout.furniture import merge_editions
from newsparse.layout.glued import split_glued
from newsparse.layout.headings import decide_headings
from newsparse.layout.lines import PHOTO_GAP, classify_lines, photo_gap_of
from newsparse.layout.reflow import joins_of
from newsparse.layout.unwrap import unwrap
from newsparse.model import (
    Article,
    Block,
    BlockKind,
    Caption,
    Column,
    Credit,
    DateMention,
    DateSource,
    Page,
    RemovalReason,
    Removed,
    Span,
    _block_at,
    _date_at,
    _quantity_at,
)
from newsparse.text import NormalizedText, normalize

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable, Sequence

    from newsparse.figures.dates import DateFields
    from newsparse.layout.assemble import CaptionDraft
    from newsparse.model import CreditRole, Quantity

__all__ = ["MAX_CHARS", "PHOTO_GAP", "parse_page", "photo_gap_of"]

MAX_CHARS = 2_000_000
"""Default input size limit of [`parse_page()`][newsparse.parse_page], in characters.

A printed page is 5,000 to 30,000 characters. Memory grows linearly with
the input: about 30 bytes a character on real pages and up to about 400 on
hostile ones (see the *Performance* page of the documentation), so the default keeps one call under
about 1 GB whatever the input; raise it, or pass ``max_chars=None``, for
larger texts."""


Part: TypeAlias = tuple[Piece, int]
"""A piece of a reflowed text and ``skip``: its first ``skip`` characters are a doubled character.

The intermediates of the stages after assembly are plain tuples (no call to
build one), unpacked where they are read."""

Para: TypeAlias = tuple[ItemKind, tuple[Part, ...], str]
"""A body item after reflow: its kind, the pieces it joins, its text."""

ArticleFields: TypeAlias = tuple[
    Span,
    Column | None,
    Block | None,
    Block | None,
    Block | None,
    Block | None,
    tuple[Credit, ...],
    tuple[Block, ...],
    tuple[Block, ...],
    tuple[Caption, ...],
]
"""An article's fields before its figures, in ``Article``'s order (``span`` to ``captions``).

``build_page`` adds the quantities and the dates and calls ``Article`` once,
positionally: no partial object, no keyword arguments to merge."""


class Source(NamedTuple):
    """A text to read figures from, and where it comes from in the normalized text.

    A run-length map: the run ``k`` of ``text`` starts at ``starts[k]`` and
    maps, character by character, to the normalized text from
    ``origins[k]`` on, up to the next run; an origin of -1 marks a separator
    (one character), and a match across it is dropped.
    """

    text: str
    starts: list[int]
    origins: list[int]

    def offsets(self, start: int = 0, end: int | None = None) -> list[int]:
        r"""The normalized offset of each character of ``text[start:end]`` (-1: a separator).

        >>> Source("甲乙\n丙", [0, 2, 3], [5, -1, 9]).offsets()
        [5, 6, -1, 9]
        """
        stop = len(self.text) if end is None else end
        starts, origins = self.starts, self.origins
        out: list[int] = []
        k = max(bisect_right(starts, start) - 1, 0)
        while k < len(starts) and starts[k] < stop:
            a = max(starts[k], start)
            b = min(starts[k + 1] if k + 1 < len(starts) else len(self.text), stop)
            if origins[k] < 0:
                out.extend([-1] * (b - a))
            else:
                out.extend(range(origins[k] + a - starts[k], origins[k] + b - starts[k]))
            k += 1
        return out


# ``Source(*fields)`` in one C call (the named tuple's own ``__new__`` is a Python function)
_source: Callable[[tuple[str, list[int], list[int]]], Source] = functools.partial(
    tuple.__new__, Source
)


_Item = TypeVar("_Item", "Quantity", "DateMention")


class _ArticleText:
    r"""An article's texts joined by line breaks as they are read, with their run map.

    ``source()`` is the article's ``Source``: a
    separator (``\n``, origin -1) stands between two texts, so that a match
    spanning two texts is dropped; an empty text adds nothing.

    >>> joined = _ArticleText()
    >>> joined.add("甲乙", 5)
    >>> joined.add_source(Source("丙丁", [0, 1], [9, 12]))
    >>> joined.source()
    Source(text='甲乙\n丙丁', starts=[0, 2, 3, 4], origins=[5, -1, 9, 12])
    """

    __slots__ = ("maps", "texts")

    def __init__(self) -> None:
        self.texts: list[str] = []  # the texts added, none empty
        self.maps: list[int | Source] = []  # each one's origin (one run), or its Source

    def add(self, text: str, origin: int) -> None:
        """A text of one run: the normalized text from ``origin`` on."""
        if text:
            self.texts.append(text)
            self.maps.append(origin)

    def add_source(self, source: Source) -> None:
        """A text of several runs (a paragraph joined from pieces)."""
        if source.text:
            self.texts.append(source.text)
            self.maps.append(source)

    def source(self) -> Source:
        """The joined text and its run map, made in one pass when the article is complete."""
        starts: list[int] = []
        origins: list[int] = []
        size = 0
        for text, origin in zip(self.texts, self.maps, strict=True):
            if size:  # a newline before each text after the first (no input character)
                starts.append(size)
                origins.append(-1)
                size += 1
            if isinstance(origin, int):
                starts.append(size)
                origins.append(origin)
            else:
                starts += map(size.__add__, origin.starts)  # (in C: no comprehension call)
                origins += origin.origins
            size += len(text)
        return _source(("\n".join(self.texts), starts, origins))


class _Out:
    """The normalized page and the blocks recorded so far (the stages after assembly)."""

    def __init__(self, nt: NormalizedText, blocks: list[Block]) -> None:
        self.nt = nt
        self.blocks = blocks
        self.runs = nt.run_starts
        self.run_origins = nt.run_origins
        self.limit = len(nt.source) - 1

    def text_of(self, piece: Piece) -> str:
        return self.nt.text[piece.start : piece.end]

    def span_of(self, piece: Piece) -> Span:
        return self.input_span(piece.start, piece.end)

    def input_span(self, start: int, end: int) -> Span:
        """``nt.source_span(start, end)``, read from the run map here (``input_bounds``).

        >>> out = _Out(normalize(" 本 报 讯 "), [])
        >>> out.input_span(0, 3), out.input_span(1, 1)
        (Span(start=1, end=6), Span(start=3, end=3))
        """
        return Span(*self.input_bounds(start, end))

    def input_bounds(self, start: int, end: int) -> tuple[int, int]:
        """Start and end of ``nt.source_span(start, end)``, read from the run map here.

        >>> _Out(normalize(" 本 报 讯 "), []).input_bounds(0, 3)
        (1, 6)
        """
        runs = self.runs
        r = bisect_right(runs, start) - 1
        if end <= start or r < 0:
            span = self.nt.source_span(start, end)
            return span.start, span.end
        a = self.run_origins[r] + start - runs[r]
        if r + 1 < len(runs) and end > runs[r + 1]:  # the last character in a later run
            r = bisect_right(runs, end - 1, r + 1) - 1
        b = self.run_origins[r] + end - 1 - runs[r]
        if b >= self.limit or a > self.limit:  # (clamped to the input, as source_span does)
            a, b = min(a, self.limit), min(b, self.limit)
        return a, b + 1

    def spans_of(self, parts: Sequence[Part]) -> tuple[Span, ...]:
        """Input spans of joined pieces: one per source line each piece covers."""
        src = self.nt.source_spans
        if len(parts) == 1:  # most paragraphs: one piece (source_spans is empty when it is)
            p, skip = parts[0]
            return src(p.start + skip, p.end)
        spans: list[Span] = []  # (a loop: no comprehension call)
        for p, skip in parts:
            if p.start + skip < p.end:
                spans += src(p.start + skip, p.end)
        return tuple(spans)

    def source(self, parts: Sequence[Part]) -> Source:
        """Text of joined pieces and where each piece starts in the normalized text."""
        text = self.nt.text
        if len(parts) == 1:  # most paragraphs: one piece, one run
            p, skip = parts[0]
            a = p.start + skip
            return _source((text[a : p.end], [0], [a]) if a < p.end else ("", [], []))
        chunks: list[str] = []
        starts: list[int] = []
        origins: list[int] = []
        size = 0
        for p, skip in parts:
            a = p.start + skip
            if a < p.end:
                chunks.append(text[a : p.end])
                starts.append(size)
                origins.append(a)
                size += p.end - a
        return _source(("".join(chunks), starts, origins))

    def add(self, kind: BlockKind, text: str, parts: Sequence[Part]) -> Block:
        """Record a block of joined pieces, and the doubled characters its joins dropped."""
        block = Block(kind, text, self.spans_of(parts))
        self.blocks.append(block)
        if len(parts) != 1 or parts[0][1]:  # (one piece without a doubled character: none)
            self.doubled(parts)
        return block

    def add_text(self, kind: BlockKind, para: Para, joined: _ArticleText) -> Block:
        """Record a body or summary block, and add its text to the article's ``joined``.

        Most paragraphs are one piece without a doubled character: their
        block and their run are made here at once (``add`` and ``source`` do
        the general case).
        """
        _, parts, text = para
        if len(parts) == 1 and not parts[0][1]:
            piece = parts[0][0]
            block = (
                Block(kind, text, self.nt.source_spans(piece.start, piece.end))
                if self.nt.joins or piece.end <= piece.start
                else _block_at(kind, text, *self.input_bounds(piece.start, piece.end))
            )
            self.blocks.append(block)
            joined.add(text, piece.start)
            return block
        joined.add_source(self.source(parts))
        return self.add(kind, text, parts)

    def doubled(self, parts: Sequence[Part]) -> None:
        for p, skip in parts:
            if skip:
                pc = Piece(p.start, p.start + skip)
                self.blocks.append(Block(BlockKind.DOUBLED, self.text_of(pc), (self.span_of(pc),)))


@str_argument("text")
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
    newsparse.errors.InputTooLargeError: input of 30 characters exceeds the limit of 5 ...

    >>> parse_page("").articles
    ()
    >>> parse_page(b"x")
    Traceback (most recent call last):
    ...
    TypeError: parse_page() argument 'text' must be str, not bytes
    """
    if max_chars is not None and len(text) > max_chars:
        raise InputTooLargeError(len(text), max_chars)
    split = split_glued(unwrap(normalize(text)).nt)
    nt = split.nt
    gap = photo_gap_of(nt.lines)
    lines = decide_headings(classify_lines(nt.lines), gap)
    built = assemble(nt, lines, gap)
    built.blocks.extend(
        Block(BlockKind.MARKUP, nt.text[a:b], nt.source_spans(a, b)) for a, b in split.markup
    )
    return build_page(built, date)


def build_page(built: Assembly, date: dt.date | None) -> Page:
    """The stages after assembly: reflow, drop repeats, articles, figures, the Page."""
    nt = built.nt
    out = _Out(nt, built.blocks)
    paras = [reflow(out, draft) for draft in built.drafts]
    drafts, paras, removed, squashed = drop_repeated_articles(out, built.drafts, paras)
    removed += drop_repeats(out, paras, squashed)
    pending: list[ArticleFields] = []
    sources: list[Source] = []
    for draft, kept in zip(drafts, paras, strict=True):
        fields, source = build_article(out, draft, kept)
        pending.append(fields)
        sources.append(source)
    # figures and dates, one pass over each article's texts; the page date is
    # inferred from all of them when it is not given
    edition = merge_editions(built.editions)
    given = date if date is not None else (None if edition is None else edition.date)
    page_date, found_dates = date_fields_of([s.text for s in sources], given)
    articles = []
    for fields, source, found in zip(pending, sources, found_dates, strict=True):
        articles.append(Article(*fields, *figures(nt, source, found)))  # (one call, positional)
    blocks = _in_input_order(out.blocks, len(nt.source) + 1)
    return Page(
        text=nt.source,
        articles=tuple(articles),
        credits=tuple(_merge_credits([*built.page_credits, *page_editors(built)])),
        removed=tuple(removed),
        unclassified=tuple(built.unclassified),
        blocks=blocks,
        date=page_date,
        date_inferred=given is None and page_date is not None,
        furniture=tuple(built.furniture),
        edition=edition,
        date_source=_date_source(date, given, page_date),
    )


def _date_source(
    date: dt.date | None, given: dt.date | None, page_date: dt.date | None
) -> DateSource:
    """Where the page date came from: the caller, the edition line, or the page's dates."""
    if date is not None:
        return DateSource.GIVEN
    if given is not None:
        return DateSource.EDITION
    return DateSource.NONE if page_date is None else DateSource.INFERRED


def reflow(out: _Out, draft: Draft) -> list[Para]:
    """An article's body with broken paragraphs joined (an intertitle breaks a run)."""
    items: list[Para] = []
    run: list[Piece] = []
    text = out.nt.text
    for kind, piece in draft.body:
        if kind is ItemKind.PARAGRAPH:
            run.append(piece)
            continue
        if run:
            items += _joined(text, run)
            run = []
        items.append((kind, ((piece, 0),), text[piece.start : piece.end]))
    if run:
        items += _joined(text, run)
    return items


def _joined(text: str, run: Sequence[Piece]) -> list[Para]:
    """The paragraphs of a run of paragraph pieces (``reflow.joins_of``)."""
    if len(run) == 1:  # one piece is one paragraph (nothing to join)
        p = run[0]
        return [(ItemKind.PARAGRAPH, ((p, 0),), text[p.start : p.end])]
    paras: list[Para] = []
    for parts, joined in joins_of([text[p.start : p.end] for p in run]):
        pieces: list[Part] = []  # (a loop, not a comprehension an item: no call for each)
        for idx, skip in parts:
            pieces.append((run[idx], skip))
        paras.append((ItemKind.PARAGRAPH, tuple(pieces), joined))
    return paras


_TITLE_KINDS = frozenset(
    {
        BlockKind.KICKER,
        BlockKind.HEADLINE,
        BlockKind.SUBHEADLINE,
        BlockKind.DATELINE,
        BlockKind.BYLINE,
        BlockKind.CREDIT,
        BlockKind.COLUMN,
    }
)


def _article_key(out: _Out, draft: Draft, paras: Sequence[Para]) -> tuple[str, ...] | None:
    """What an article prints: its headline, body and captions (``None`` without a headline)."""
    head = draft.headline
    if head is None or not (paras or draft.captions):
        return None
    text = out.nt.text  # (the texts gathered in C: one comprehension an article, mostly)
    key = ["".join(t.split()) for t in [text[head.start : head.end], *map(_para_text, paras)]]
    if draft.summary or draft.captions:
        pieces = [*draft.summary, *map(_caption_piece, draft.captions)]
        key += ["".join(text[p.start : p.end].split()) for p in pieces]
    return tuple(key)


_para_text: Callable[[Para], str] = operator.itemgetter(2)
_caption_piece: Callable[[CaptionDraft], Piece] = operator.attrgetter("piece")


def drop_repeated_articles(
    out: _Out, drafts: Sequence[Draft], paras: list[list[Para]]
) -> tuple[list[Draft], list[list[Para]], list[Removed], list[tuple[str, ...] | None]]:
    """Drop an article the page prints again whole (an export that repeats a picture report).

    Its headline, credits, body and captions become removed blocks, each
    pointing at what it repeats; the articles and their paragraphs left are
    returned with the removed entries, and the key of each article left
    (``_article_key``: its paragraphs' texts without blanks follow the
    headline's, for ``drop_repeats``). Linear: one pass over the articles,
    one over the blocks.
    """
    seen: dict[tuple[str, ...], Draft] = {}
    kept: list[Draft] = []
    kept_paras: list[list[Para]] = []
    kept_keys: list[tuple[str, ...] | None] = []
    dropped: list[tuple[Span, Span]] = []  # (the repeat's input range, what it repeats)
    removed: list[Removed] = []
    lines = out.nt.lines
    for k, (draft, items) in enumerate(zip(drafts, paras, strict=True)):
        key = _article_key(out, draft, items)
        first = None if key is None else seen.get(key)
        if key is not None and first is None:
            seen[key] = draft
        if first is None:
            if len(draft.captions) > 1:  # (a repeat needs two)
                removed.extend(_drop_repeated_captions(out, draft))
            kept.append(draft)
            kept_paras.append(items)
            kept_keys.append(key)
            continue
        # the article runs to the line before the next one (its credit lines included)
        last = drafts[k + 1].start_line - 1 if k + 1 < len(drafts) else len(lines) - 1
        last = max(last, draft.last_line)
        rng = Span(lines[draft.start_line].span.start, lines[last].span.end)
        origin = Span(lines[first.start_line].span.start, lines[first.last_line].span.end)
        dropped.append((rng, origin))
        removed.extend(_removed_texts(out, draft, items, origin))
    if dropped:
        removed.extend(_removed_titles(out, dropped))
        removed.sort(key=lambda r: r.spans[0].start if r.spans else 0)
    return kept, kept_paras, removed, kept_keys


def _drop_repeated_captions(out: _Out, draft: Draft) -> list[Removed]:
    """A caption printed again in its article (web copies repeat a photo's caption)."""
    seen: dict[str, Span] = {}
    kept = []
    removed: list[Removed] = []
    for cap in draft.captions:
        key = "".join(out.text_of(cap.piece).split())
        first = seen.get(key)
        if first is None:
            seen[key] = out.span_of(cap.piece)
            kept.append(cap)
            continue
        block = out.add(BlockKind.REMOVED, out.text_of(cap.piece), [(cap.piece, 0)])
        removed.append(Removed(block.text, block.spans, RemovalReason.DUPLICATE, (first,)))
    draft.captions[:] = kept
    return removed


def _removed_texts(out: _Out, draft: Draft, items: Sequence[Para], origin: Span) -> list[Removed]:
    """The body, summary and captions of a repeated article, as removed blocks."""
    removed: list[Removed] = []
    for _, parts, text in items:
        block = out.add(BlockKind.REMOVED, text, parts)
        removed.append(Removed(text, block.spans, RemovalReason.DUPLICATE, (origin,)))
    for piece in [*draft.summary, *(cap.piece for cap in draft.captions)]:
        block = out.add(BlockKind.REMOVED, out.text_of(piece), [(piece, 0)])
        removed.append(Removed(block.text, block.spans, RemovalReason.DUPLICATE, (origin,)))
    return removed


def _removed_titles(out: _Out, dropped: Sequence[tuple[Span, Span]]) -> list[Removed]:
    """Headlines, datelines and credits inside the repeated articles' ranges become removed."""
    starts = [rng.start for rng, _ in dropped]
    removed: list[Removed] = []
    for k, block in enumerate(out.blocks):
        if block.kind not in _TITLE_KINDS:
            continue
        span = block.span
        j = bisect_right(starts, span.start) - 1
        if j < 0 or span.end > dropped[j][0].end:
            continue
        out.blocks[k] = Block(BlockKind.REMOVED, block.text, block.spans)
        removed.append(Removed(block.text, block.spans, RemovalReason.DUPLICATE, (dropped[j][1],)))
    return removed


def drop_repeats(
    out: _Out, paras: list[list[Para]], keys: Sequence[tuple[str, ...] | None]
) -> list[Removed]:
    """Remove the paragraphs that repeat an earlier one (in reading order), whole or its tail.

    The removed paragraphs leave ``paras`` and become ``removed`` blocks.
    An article's key (``_article_key``, or ``None``) holds its paragraphs'
    texts without blanks after its headline's: they are not squashed again.
    """
    flat = [
        (ai, ii)
        for ai, items in enumerate(paras)
        for ii, para in enumerate(items)
        if para[0] is ItemKind.PARAGRAPH
    ]
    removed: list[Removed] = []
    drop: set[tuple[int, int]] = set()
    squashed = [
        "".join(paras[ai][ii][2].split()) if (key := keys[ai]) is None else key[1 + ii]
        for ai, ii in flat
    ]
    for index, of, why, offset in repeats_of(squashed):
        ai, ii = flat[index]
        _, parts, text = paras[ai][ii]
        oi, oj = flat[of]
        drop.add((ai, ii))
        reason = RemovalReason.DUPLICATE if why == "duplicate" else RemovalReason.TAIL_REPEAT
        repeats = _repeat_spans(out, out.source(paras[oi][oj][1]), offset)
        block = out.add(BlockKind.REMOVED, text, parts)
        removed.append(Removed(text, block.spans, reason, repeats))
    if drop:
        for ai, items in enumerate(paras):
            items[:] = [p for ii, p in enumerate(items) if (ai, ii) not in drop]
    return removed


def build_article(out: _Out, draft: Draft, paras: Sequence[Para]) -> tuple[ArticleFields, Source]:
    """An article's fields but its figures (``ArticleFields``), and the text to read them from."""
    joined = _ArticleText()
    body = []
    for para in paras:
        kind = BlockKind.SUBHEAD if para[0] is ItemKind.SUBHEAD else BlockKind.PARAGRAPH
        body.append(out.add_text(kind, para, joined))
    text = out.nt.text
    points: list[Para] = []
    if draft.points:  # a box of key points: each line one
        points = [(ItemKind.PARAGRAPH, ((p, 0),), text[p.start : p.end]) for p in draft.summary]
    elif draft.summary:
        points = _joined(text, draft.summary)
    summary = [out.add_text(BlockKind.SUMMARY, para, joined) for para in points]
    captions = []
    for cap in draft.captions:
        cp = cap.piece
        ctext, cspan = text[cp.start : cp.end], out.input_span(cp.start, cp.end)
        captions.append(Caption(ctext, tuple(_merge_credits(cap.credits)), (cspan,)))
        out.blocks.append(Block(BlockKind.CAPTION, ctext, (cspan,)))
        joined.add(ctext, cap.piece.start)
    titles: list[Block | None] = []  # kicker, headline, subheadline, dateline
    for kind, pc in (
        (BlockKind.KICKER, draft.kicker),
        (BlockKind.HEADLINE, draft.headline),
        (BlockKind.SUBHEADLINE, draft.subheadline),
        (BlockKind.DATELINE, draft.dateline),
    ):
        if pc is None:
            titles.append(None)
            continue
        title = text[pc.start : pc.end]
        titles.append(_block_at(kind, title, *out.input_bounds(pc.start, pc.end)))
        if kind is not BlockKind.DATELINE:  # (the dateline is not read for figures)
            joined.add(title, pc.start)
    kicker, headline, subheadline, dateline = titles
    lines = out.nt.lines
    first = lines[draft.start_line].span.start if lines else 0
    last = lines[draft.last_line].span.end if lines else 0
    fields = (
        Span(first, max(first, last)),
        draft.column,
        kicker,
        headline,
        subheadline,
        dateline,
        tuple(_merge_credits(draft.credits)),
        tuple(summary),
        tuple(body),
        tuple(captions),
    )
    return fields, joined.source()


def figures(
    nt: NormalizedText, source: Source, dates: Sequence[DateFields]
) -> tuple[tuple[Quantity, ...], tuple[DateMention, ...]]:
    """An article's quantities and dates, with spans of the input, in reading order.

    ``dates`` are the fields of the article's date mentions (``date_fields_of``).
    """
    # bare numbers (no unit, no measure word) state no amount: not an article's figure
    quantities = _map_items(nt, [q for q in extract_quantities(source.text) if q.unit], source)
    width = len(nt.source) + 1  # (past every offset)
    return (
        _in_reading_order(quantities, width),
        _in_reading_order(_map_dates(nt, dates, source), width),
    )


def _in_reading_order(items: list[_Item], width: int) -> tuple[_Item, ...]:
    """Items sorted by where they start and end in the input (stable), the keys read in one pass.

    A key is one integer, ``start * width + end`` (``width`` exceeds every
    offset): the sort compares integers, not pairs.
    """
    if len(items) < 2:  # (nothing to sort)
        return tuple(items)
    keys = [(span := item.span).start * width + span.end for item in items]
    return tuple(map(items.__getitem__, sorted(range(len(keys)), key=keys.__getitem__)))


def _in_input_order(blocks: Sequence[Block], width: int) -> tuple[Block, ...]:
    """The blocks sorted by where they start and end in the input (stable).

    The keys are read in one pass (``Block.span`` without a new ``Span``, a
    block without spans first), each one integer (``start * width + end``,
    ``width`` past every end): the sort compares integers, not pairs.

    >>> b = [Block(BlockKind.PARAGRAPH, "乙", (Span(4, 5),)), Block(BlockKind.HEADLINE, "甲", ())]
    >>> [x.text for x in _in_input_order(b, 6)]
    ['甲', '乙']
    """
    keys = [s[0].start * width + s[-1].end if (s := block.spans) else 0 for block in blocks]
    return tuple(map(blocks.__getitem__, sorted(range(len(keys)), key=keys.__getitem__)))


def _repeat_spans(out: _Out, source: Source, offset: int) -> tuple[Span, ...]:
    r"""Input spans of an earlier paragraph from its ``offset``-th non-blank character.

    One span per source line a piece covers: a piece that unwrapping joined
    from several lines is split at each join, as the paragraph's own spans are.
    The character is found in C (``str.isspace`` mapped over the text); the
    runs of ``source`` from it on (a paragraph's: no separator), the
    contiguous ones merged, are the normalized ranges to map.

    >>> out = _Out(normalize("甲乙 丙丁\n\n戊己"), [])
    >>> _repeat_spans(out, Source("甲乙 丙丁戊己", [0, 5], [0, 6]), 2)
    (Span(start=3, end=5), Span(start=7, end=9))
    """
    text, starts, origins = source
    nonblank = itertools.compress(itertools.count(), map(operator.not_, map(str.isspace, text)))
    first = next(itertools.islice(nonblank, offset, None), len(text))
    if first >= len(text):
        return ()
    ranges: list[list[int]] = []  # [start, end) of the normalized text, contiguous ones merged
    k = bisect_right(starts, first) - 1
    for r in range(k, len(starts)):
        lo = max(starts[r], first)
        hi = starts[r + 1] if r + 1 < len(starts) else len(text)
        if hi <= lo:
            continue
        a, b = origins[r] + lo - starts[r], origins[r] + hi - starts[r]
        if ranges and ranges[-1][1] == a:
            ranges[-1][1] = b
        else:
            ranges.append([a, b])
    src = out.nt.source_spans
    return tuple([span for a, b in ranges for span in src(a, b)])


def _merge_credits(credits: Sequence[Credit]) -> list[Credit]:
    """Drop repeated (name, role) pairs, keeping the first mention and its title."""
    seen: set[tuple[str, CreditRole]] = set()
    merged: list[Credit] = []
    for c in credits:
        key = (c.name, c.role)
        if key in seen:
            continue
        seen.add(key)
        merged.append(c)
    return merged


def _map_items(nt: NormalizedText, items: Sequence[Quantity], source: Source) -> list[Quantity]:
    r"""Move quantities found in an article's joined text to spans of the input (``_moved``).

    Each quantity kept is copied once, at its input span (``with_span`` in one
    call with the span's, the model's ``_quantity_at``).

    >>> from newsparse.figures.quantities import extract_quantities
    >>> nt = normalize("标题\n\n全市投资  59.1亿元。")
    >>> source = Source("投资 59.1亿元。", [0], [nt.text.index("投资")])
    >>> [(q.text, q.span) for q in _map_items(nt, extract_quantities(source.text), source)]
    [('59.1亿元', Span(start=10, end=16))]
    """
    out: list[Quantity] = []
    for k, start, end, pieces in _moved(nt, map(_span_bounds, items), source):
        out.append(_quantity_at(items[k], start, end, pieces))
    return out


def _map_dates(
    nt: NormalizedText, found: Sequence[DateFields], source: Source
) -> list[DateMention]:
    r"""The date mentions of an article's joined text (``DateFields``), at spans of the input.

    Each mention is built once, at its input span (``_moved``): the fields
    that ``date_fields_of`` gives are placed, not a mention copied.

    >>> from newsparse.figures.dates import date_fields_of
    >>> nt = normalize("标题\n\n今年  7月29日。")
    >>> source = Source("今年 7月29日。", [0], [nt.text.index("今年")])
    >>> _, [found] = date_fields_of([source.text])
    >>> [(m.text, m.span) for m in _map_dates(nt, found, source)]
    [('今年', Span(start=4, end=6)), ('7月29日', Span(start=8, end=13))]
    """
    out: list[DateMention] = []
    for k, start, end, pieces in _moved(nt, map(_field_bounds, found), source):
        text, _, _, first, last, precision, relative, lunar = found[k]
        out.append(_date_at(text, start, end, first, last, precision, relative, lunar, pieces))
    return out


# (start, end) of a quantity's span and of a date's fields, read in C (no Python call an item)
_span_bounds: Callable[[Quantity], tuple[int, int]] = operator.attrgetter("span.start", "span.end")
_field_bounds: Callable[[DateFields], tuple[int, int]] = operator.itemgetter(1, 2)

Moved: TypeAlias = tuple[int, int, int, tuple[Span, ...]]
"""An item moved to the input: its index, its input span's start and end, its pieces.

(The pieces are empty for an item printed in one piece; the span is made with
the item, by the model's one-call constructors.)"""


def _moved(nt: NormalizedText, bounds: Iterable[tuple[int, int]], source: Source) -> list[Moved]:
    r"""Where items found at ``bounds`` of an article's joined text lie in the input.

    Most items lie in one run of ``source`` (one paragraph piece) and in no
    join of wrapped lines: their input span is read here, from the run maps of
    ``source`` and of ``nt``, with the arithmetic of ``nt.source_span`` (one
    search in each map, a second one in ``nt``'s when the item crosses one of
    its runs). A figure read across a join (a wrapped line joined back, a
    paragraph cut by a footer or a doubled character) keeps its outer span
    and gets the spans of its pieces (:func:`figure_pieces`). An empty item,
    or one across a separator of two texts, is left out.

    >>> nt = normalize("标题\n\n全市投资  59.1亿元。")
    >>> source = Source("投资 59.1亿元。", [0], [nt.text.index("投资")])
    >>> _moved(nt, [(3, 9), (4, 4)], source)
    [(0, 10, 16, ())]
    """
    moved: list[Moved] = []
    starts, origins, size = source.starts, source.origins, len(source.text)
    joins, runs, run_origins = nt.joins, nt.run_starts, nt.run_origins
    nsource, nruns, limit = len(starts), len(runs), len(nt.source) - 1
    for index, (s, e) in enumerate(bounds):
        if e <= s or e > size:
            continue
        k = bisect_right(starts, s) - 1
        if k + 1 < nsource and e > starts[k + 1]:  # across pieces of the source
            found = _map_across(nt, source.offsets(s, e), e - s)
            if found is not None:
                span, pieces = found
                moved.append((index, span.start, span.end, pieces))
            continue
        if origins[k] < 0:
            continue
        first = origins[k] + s - starts[k]  # inside one run: consecutive offsets
        last = first + e - s
        if joins:
            j = bisect_right(joins, first)
            if j < len(joins) and joins[j] < last:  # a join inside: the lines it covers
                pieces = nt.source_spans(first, last)
                span = nt.source_span(first, last)
                moved.append((index, span.start, span.end, pieces if len(pieces) > 1 else ()))
                continue
        r = bisect_right(runs, first) - 1
        if r < 0:  # (before the first run: no such text)
            span = nt.source_span(first, last)
            moved.append((index, span.start, span.end, ()))
            continue
        a = run_origins[r] + first - runs[r]
        if r + 1 < nruns and last > runs[r + 1]:  # the last character in a later run
            r = bisect_right(runs, last - 1, r + 1) - 1
        b = run_origins[r] + last - 1 - runs[r]
        if b >= limit or a > limit:  # (clamped to the input, as source_span does)
            a, b = min(a, limit), min(b, limit)
        moved.append((index, a, b + 1, ()))
    return moved


def _map_across(
    nt: NormalizedText, offs: list[int], size: int
) -> tuple[Span, tuple[Span, ...]] | None:
    """The span and pieces of an item read across pieces of an article's text.

    ``offs`` are its normalized offsets; ``None`` when it spans a separator of
    two texts (no figure is printed so).
    """
    if -1 in offs:
        return None
    first, last = offs[0], offs[-1] + 1
    span = nt.source_span(first, last)
    if last - first == size and not nt.joins:
        return span, ()
    pieces = figure_pieces(nt, offs)
    return span, pieces if len(pieces) > 1 else ()


def figure_pieces(nt: NormalizedText, offs: Sequence[int]) -> tuple[Span, ...]:
    r"""Input spans of the normalized characters at ``offs`` (increasing): one per piece.

    Characters at consecutive offsets of one source line are one piece; a gap
    (a paragraph cut, a doubled character) or a join of two wrapped lines
    (``NormalizedText.joins``) starts another, so the spans cover the figure's
    characters only.

    >>> from newsparse.text import normalize
    >>> nt = normalize("3.86亿\n第2版\n元")
    >>> figure_pieces(nt, [0, 1, 2, 3, 4, 10])
    (Span(start=0, end=5), Span(start=10, end=11))
    """
    pieces: list[Span] = []
    start = prev = offs[0]
    for off in offs[1:]:
        if off != prev + 1:
            pieces += nt.source_spans(start, prev + 1)
            start = off
        prev = off
    pieces += nt.source_spans(start, prev + 1)
    return tuple(pieces)
