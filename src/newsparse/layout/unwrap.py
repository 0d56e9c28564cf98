r"""Unwrapping: the stage that joins hard-wrapped lines into logical lines.

Extraction tools give a page in one of three regimes, told apart on each
page from the page's own evidence:

1. **one paragraph per line** (no wrap width stands out): nothing is joined;
2. **hard-wrapped at a column width** (``pdftotext``, PyMuPDF, ``fold``): the
   wrap width is the page's most common line length, and most lines have
   it; a line at the width continues on the next line, a shorter one ends
   its paragraph. Blank lines or an indent (full-width spaces) may mark
   paragraph starts; where the extraction dropped the indent, a paragraph's
   first line is narrower by it, and a line that ends a sentence at the
   width before such a line ends its paragraph. Lengths are measured in
   character cells (a Han character or full-width sign two, a digit or Latin
   letter one) or in characters, whichever makes the wrap width stand out;
3. **mixed widths** (a multi-column page extracted column by column): the
   width is measured per region, over a window of neighbouring lines.

Besides, a wrapped title is one line (a bracket it opens is closed on the
next line, or the next line starts with closing punctuation), and an
author line spread one name a line (``本报记者`` / ``乔`` / ``栋``) is one line.

It never joins across a paragraph end, into a heading, a dateline or a
byline, and it keeps page furniture (:mod:`newsparse.layout.furniture`) as
lines of its own, never joined to text: a paragraph a footer cut is joined
across it, and the footer follows the paragraph. Each joined piece keeps its
span in the input (:meth:`Unwrapped.spans`).

>>> from newsparse.text import normalize
>>> page = "全市上半年完成固定资产投资同比增长\n百分之十，增速居全省前列。\n第 3 页\n新段落。"
>>> u = unwrap(normalize(page), width=17)
>>> [line.text for line in u.nt.lines]
['全市上半年完成固定资产投资同比增长百分之十，增速居全省前列。', '第3页', '新段落。']
>>> u.spans(0, 30)
(Span(start=0, end=17), Span(start=18, end=31))
>>> [f.kind.value for f in u.furniture]
['footer']
"""

from __future__ import annotations

import enum
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import compress, pairwise
from operator import attrgetter, eq, itemgetter, methodcaller, mul, not_, or_, sub
from typing import Final

import regex
from attrs import frozen

from newsparse.chars import CLOSING_MARKS, LAYOUT_MARKS, NO_LINE_START, OPEN_ENDS, SENTENCE_ENDS
from newsparse.layout.bylines import parse_byline, parse_dateline
from newsparse.layout.captions import parse_caption
from newsparse.layout.furniture import JUMP_LINE, FurnitureLines, find_furniture, glued_jump
from newsparse.model import Furniture, Span
from newsparse.text import BLANK, Line, NormalizedText

__all__ = ["JOIN_RULES", "Regime", "Unwrapped", "cells", "detect_regime", "unwrap"]

_OPENERS: Final = "“‘「『（(【《〈"
_PAIRS: Final = {
    "“": "”",
    "‘": "’",
    "「": "」",
    "『": "』",
    "（": "）",
    "(": ")",
    "【": "】",
    "《": "》",
    "〈": "〉",
}
_SENTENCE_END: Final = re.compile("[" + re.escape("".join(sorted(SENTENCE_ENDS))) + "]")
_OPENER: Final = re.compile("[" + re.escape("".join(_PAIRS)) + "]")
_BRACKET_CHARS: Final = re.compile(
    "[" + re.escape("".join(_PAIRS) + "".join(_PAIRS.values())) + "]"
)
# A line never starts with these in Chinese typesetting: the line before was cut.
# A line that ends on one of these stops mid-sentence (a list, a clause, a quotation opened).
_MIN_MEASURED: Final = 8  # lines shorter than this (in cells) say nothing about the width
_MIN_SUPPORT: Final = 0.3  # share of the measured lines at the width, for a page to be wrapped
_MIN_LINES: Final = 4
# Counting characters must beat counting cells by this share to be chosen: real
# extractions wrap by printed width, a character count only fits a text cut by a tool.
_CELLS_PREFERENCE: Final = 0.05
_SECOND_SHARE: Final = 0.1  # share of the measured lines a second wrap width needs
# characters of the narrowest column prose is wrapped at: shorter lines of one
# length are verse, a list or a table, never a second wrap width
_MIN_COLUMN: Final = 8
_WINDOW: Final = 12  # lines on each side that tell a line's local wrap width
_MAX_TITLE: Final = 60  # a wrapped title is at most this long

_COMMAS: Final = frozenset("，,、")  # a heading never ends on one; a block cut mid-sentence may
_MAX_TRAIL: Final = 4  # trailing blanks of a line that count to its width (more are padding)
_WIDE_GAP: Final = re.compile("[ \u00a0]{2,}")
# Blocks in which every character is two cells wide (East Asian Width F, W or A)
# in every Unicode version: CJK radicals, symbols and punctuation, kana, Han,
# Hangul syllables, compatibility ideographs, vertical and full-width forms, and
# the ambiguous-width punctuation Chinese text sets (the middle dot, dashes,
# curly quotes, daggers and bullets, the ellipsis). ``cells()`` counts them in
# one pass and looks only the rest up one by one; a test checks each range
# against ``unicodedata``.
WIDE_RANGES = (
    ("\u00b7", "\u00b7"),
    ("\u2013", "\u2016"),
    ("\u2018", "\u2019"),
    ("\u201c", "\u201d"),
    ("\u2020", "\u2022"),
    ("\u2024", "\u2027"),
    ("\u2e80", "\u303e"),
    ("\u3041", "\u33ff"),
    ("\u3400", "\u4dbf"),
    ("\u4e00", "\u9fff"),
    ("\uac00", "\ud7a3"),
    ("\uf900", "\ufaff"),
    ("\ufe30", "\ufe4f"),
    ("\uff01", "\uff60"),
    ("\uffe0", "\uffe6"),
)
_WIDE_CHARS: Final = re.compile("[" + "".join(f"{a}-{b}" for a, b in WIDE_RANGES) + "]+")
_NON_ASCII: Final = re.compile("[^\x00-\x7f]")
_NOT_KNOWN_WIDE: Final = re.compile(
    "[^\x00-\x7f" + "".join(f"{a}-{b}" for a, b in WIDE_RANGES) + "]"
)
_KNOWN_WIDE_RUN: Final = re.compile(
    "[\x00-\x7f" + "".join(f"{a}-{b}" for a, b in WIDE_RANGES) + "]*+"
)  # (``fullmatch``: no character outside; one tight C loop, faster than a search)
_NAME_LINE: Final = regex.compile(r"\p{Han}{1,3}+(?:[摄攝]影?+)?+")
_NAME_MAX: Final = 5  # the longest line _NAME_LINE matches (three names and 摄影)
_AUTHOR_TITLE: Final = regex.compile(
    r"(?:本报|本報|新华社|新華社|中新社|人民网|人民網|央视网|央視網)?+"
    r"(?:特约|特約|首席|见习|見習|实习|實習|摄影|攝影)?+(?:记者|記者|评论员|評論員|通讯员|通訊員)"
    r"(?:[ ]\p{Han}{1,3}+)*+"
)


_TWICE: Final = (2).__mul__
_ASCII_PART: Final = methodcaller("encode", "ascii", "ignore")  # (a line's ASCII characters)
# bound once: the compiled build calls it without a module attribute lookup per character
_east_asian_width: Final = unicodedata.east_asian_width


def cells(text: str) -> int:
    """The printed width of ``text`` in character cells (Han and full-width: 2).

    A run of two or more blanks inside a line stands for a wider gap in print
    (a full-width space each): two cells a blank.

    >>> cells("第3页"), cells("“新”"), cells("甲  乙")
    (5, 6, 8)
    """
    total = len(text)
    if text.isascii():
        pass
    elif _NOT_KNOWN_WIDE.search(text) is None:
        # every non-ASCII character is known to be wide (most lines): one more cell each
        total += len(text) - len(text.encode("ascii", "ignore"))
    else:
        # known-wide characters counted in one C pass; only the rest are looked up
        rest = _WIDE_CHARS.sub("", text)
        total += len(text) - len(rest)
        if not rest.isascii():
            width = unicodedata.east_asian_width
            total += sum(width(ch) in "FWA" for ch in _NON_ASCII.findall(rest))
    if "  " in text or "\u00a0" in text:
        total += sum(len(m.group()) for m in _WIDE_GAP.finditer(text))
    return total


def _measures(texts: Sequence[str], *, by_cells: bool) -> list[int]:
    """The length of every line of a page, in cells (:func:`cells`) or in characters.

    The cells of a page whose every non-ASCII character is known to be wide
    and which has no wide gap (most pages) are counted in one pass over the
    page: a wide character is one cell more than its one character.

    >>> _measures(["第3页", "“新”", "甲  乙"], by_cells=True), _measures(["第3页"], by_cells=False)
    ([5, 6, 8], [3])
    """
    if not by_cells:
        return list(map(len, texts))
    page = "\n".join(texts)
    if "  " not in page and _KNOWN_WIDE_RUN.fullmatch(page) is not None:
        # (twice the characters less the ASCII ones, in C passes over the lines)
        return list(map(sub, map(_TWICE, map(len, texts)), map(len, map(_ASCII_PART, texts))))
    return [
        cells(t)
        if "  " in t or _NOT_KNOWN_WIDE.search(t)
        else 2 * len(t) - len(t.encode("ascii", "ignore"))
        for t in texts
    ]


@frozen
class Regime:
    """What the page's line lengths say: the wrap width and how it is measured.

    ``width`` is ``None`` on a page of one paragraph per line. ``first``
    is the width of a paragraph's first line where the extraction dropped
    the indent (``width`` otherwise); ``by_cells`` tells the measure.
    """

    width: int | None
    first: int
    by_cells: bool
    tolerance: int
    widths: tuple[int, ...] = ()

    def at(self, width: int) -> Regime:
        """The same regime in a region wrapped at ``width`` (the first line as narrower).

        >>> Regime(60, 56, by_cells=True, tolerance=1).at(40).first
        36
        """
        if self.width is None or width == self.width:
            return self
        return Regime(width, width - (self.width - self.first), self.by_cells, self.tolerance)

    def measure(self, text: str) -> int:
        """A line's length in this regime's measure."""
        return cells(text) if self.by_cells else len(text)


_FLAT: Final = Regime(None, 0, by_cells=False, tolerance=0)
_COUNT_THEN_LENGTH: Final = itemgetter(1, 0)


def _support(lengths: Sequence[int], tol: int, hang: int) -> tuple[list[int], tuple[int, int], int]:
    """The wrap widths (most common first), the lengths at one and a first line's, those beyond.

    A second width counts when it holds a share of its own (a page of two
    regions wrapped at two widths, as a multi-column page extracted column
    by column gives).
    """
    counts = Counter(lengths)
    # most common first, of as common ones the wider (C sorts: no Python call a length)
    order = [w for w, _ in sorted(counts.items(), key=_COUNT_THEN_LENGTH, reverse=True)[:3]]
    widths = [order[0]]
    # where most paragraphs are short, their first lines (narrower by a dropped
    # indent) may outnumber the full lines: the width is the wider length then
    wider = [w for w in order[1:3] if order[0] + hang < w <= order[0] + 4 * (tol + hang)]
    if wider and sum([c for w, c in counts.items() if w > order[0] + hang]) > len(lengths) // 10:
        widths = [wider[0]]
    for w in order[1:3]:
        if (
            counts[w] >= max(3, len(lengths) * _SECOND_SHARE)
            and w >= _MIN_COLUMN * (1 + (tol > 0))
            and all(abs(w - v) > 2 * (tol + hang) for v in widths)
        ):
            widths.append(w)
    # a first line narrower by a dropped indent (two cells a character) is at the width too
    return widths, *_near_first_beyond(counts, widths, tol, hang)


def _near_first_beyond(
    counts: Counter[int], widths: Sequence[int], tol: int, hang: int
) -> tuple[tuple[int, int], int]:
    """The lengths at a width, at a first line's width, and beyond every width.

    A first line narrower by a dropped indent (two cells a character) is at
    the width too. Each sum is over the set of lengths it counts (a length
    near two widths counts once), looked up in ``counts``.
    """
    low = 4 * (tol > 0)
    top = max(widths) + hang
    get = counts.get
    near = sum([get(w, 0) for w in {w for v in widths for w in range(v - tol, v + hang + 1)}])
    first = sum([get(w, 0) for w in {w for v in widths for w in range(v - low - tol, v - tol)}])
    beyond = sum(map(counts.__getitem__, filter(top.__lt__, counts)))
    return (near, first), beyond


def detect_regime(texts: Sequence[str], indents: Sequence[bool] | None = None) -> Regime:
    """Tell from a page's raw line texts whether and at what width it is wrapped.

    >>> r = detect_regime(["甲乙丙丁戊己庚辛壬癸" * 2] * 5 + ["短句。"])
    >>> r.width, r.by_cells
    (40, True)
    >>> flat = ["一行一段，长短不一。", "第二段更长一些，也不一样。", "第三段。"]
    >>> detect_regime(flat).width is None
    True
    """
    by_cells = _measures(texts, by_cells=True), _measures(texts, by_cells=False)
    return _detect(by_cells, indents)


def _detect(measured_by: tuple[list[int], list[int]], indents: Sequence[bool] | None) -> Regime:
    """``detect_regime`` of the line lengths in cells and in characters."""
    best = _FLAT
    best_share = 0.0
    for by_cells, lengths in zip((True, False), measured_by, strict=True):
        floor = _MIN_MEASURED * (1 + by_cells) // 2
        measured = list(filter(floor.__le__, lengths))
        if len(measured) < _MIN_LINES:
            continue
        tol, hang = (1, 2) if by_cells else (0, 1)
        widths, (near, firsts), beyond = _support(measured, tol, hang)
        share = near / len(measured)
        if (
            near < _MIN_LINES
            or (near + firsts) / len(measured) < _MIN_SUPPORT
            or beyond > max(2, len(measured) // 10)
        ):
            continue
        if share > best_share + (_CELLS_PREFERENCE if best.by_cells else 0.0):
            width = widths[0]
            first = _first_width(lengths, width, tol, by_cells=by_cells, indents=indents)
            best, best_share = Regime(width, first, by_cells, tol, tuple(widths)), share
    return best


def _first_width(
    lengths: Sequence[int],
    width: int,
    tol: int,
    *,
    by_cells: bool,
    indents: Sequence[bool] | None,
) -> int:
    """The usual width of a paragraph's first line: narrower where the indent was dropped."""
    if not by_cells or (indents is not None and sum(indents) >= 2):
        return width  # a tool's cut keeps the indent as characters; only print drops it
    indent = 4 if by_cells else 2
    short, low = width - indent - tol, width - indent - 2 * tol
    after_short = Counter([b for a, b in pairwise(lengths) if a < short and low <= b < width])
    if sum(after_short.values()) >= 2:
        return max(sorted(after_short), key=lambda w: after_short[w])
    return width


def _title_width(
    lengths: Sequence[int],
    texts: Sequence[str],
    ends: Sequence[bool],
    regime: Regime,
    open_tails: Sequence[bool],
) -> int | None:
    """The width titles wrap at: the usual width of title lines cut inside brackets.

    A short line that leaves a bracket open, or whose next line starts with
    closing punctuation, is the first part of a wrapped title; where the page
    has some, their most common width is where its titles wrap. ``lengths``
    are the lines' raw lengths in the regime's measure, ``ends`` whether
    they end a sentence, ``open_tails`` whether their last ``_MAX_TITLE``
    characters leave a bracket open (:func:`_open_tails`: a longer line is
    read whole here).

    >>> lines = ["一个标题（“甲乙”的", "丙丁）", "又一个标题（“甲", "乙”）"]
    >>> ends = [False] * 4
    >>> _title_width([len(t) for t in lines], lines, ends, _FLAT, _open_tails(lines, ends))
    10
    """
    cut = [
        k
        for k, (text, after) in enumerate(pairwise(texts))
        if not ends[k]
        and (
            after[0] in CLOSING_MARKS
            or (
                open_tails[k]
                if len(text) <= _MAX_TITLE
                else _OPENER.search(text) is not None and _open_bracket(text)
            )
        )
    ]
    widths: Counter[int] = Counter()
    for k in cut:
        width = lengths[k]
        if regime.width is None or width < regime.first - regime.tolerance:
            widths[width] += 1
    if not widths:
        return None
    return max(widths, key=lambda w: (widths[w], w))


def _open_tails(texts: Sequence[str], ends: Sequence[bool]) -> list[bool]:
    """Per line: it ends no sentence and its last ``_MAX_TITLE`` characters leave a bracket open.

    (Read once a page: the title width and the signs of a wrapped title ask it.)

    >>> _open_tails(["标题（上", "标题（上）", "（好。"], [False, False, True])
    [True, False, False]
    """
    # (a tail without an opener leaves none open: the opener is looked for in the whole line)
    return [
        not e and _OPENER.search(t) is not None and _open_bracket(t[-_MAX_TITLE:])
        for t, e in zip(texts, ends, strict=True)
    ]


def _local_widths(lengths: Sequence[int], regime: Regime) -> list[int | None]:
    """Each line's wrap width: of the page's widths, the one most lines near it have.

    One pass with a sliding window of counts, so linear in the lines.

    >>> _local_widths([5] * 3 + [9] * 3, Regime(5, 5, False, 0, (5, 9)))
    [5, 5, 5, 9, 9, 9]
    """
    n = len(lengths)
    if regime.width is None or len(regime.widths) < 2:
        return [regime.width] * n
    tol = regime.tolerance
    hang = 2 * tol + 1 if regime.by_cells else 1
    tags = [next((w for w in regime.widths if w - tol <= m <= w + hang), None) for m in lengths]
    counts: Counter[int | None] = Counter(tags[: _WINDOW + 1])
    out: list[int | None] = []
    for k in range(n):
        if k + _WINDOW + 1 <= n - 1:
            counts[tags[k + _WINDOW + 1]] += 1
        if k - _WINDOW - 1 >= 0:
            counts[tags[k - _WINDOW - 1]] -= 1
        best = max(regime.widths, key=lambda w: (counts[w], w == tags[k]))
        out.append(best)
    return out


def _indent_of(nt: NormalizedText, line: Line) -> bool:
    """Whether the source line starts with an indent (a full-width space or two blanks)."""
    pos = line.span.start
    k = pos
    while k > 0 and nt.source[k - 1] in BLANK:
        k -= 1
    chunk = nt.source[k:pos]
    return "\u3000" in chunk or len(chunk) >= 2


def _raw_text(nt: NormalizedText, line: Line) -> str:
    """The source text of a line, its leading indent and trailing blanks included.

    A tool that cuts a line after a blank leaves it at the end of the line
    (``…签约落地 `` / ``上半年…``): it counts to the line's width.
    """
    source = nt.source
    start, end = line.span.start, line.span.end
    while start > 0 and source[start - 1] in BLANK:
        start -= 1
    while end < len(source) and source[end] in BLANK and end - line.span.end < _MAX_TRAIL:
        end += 1
    return source[start:end]


def _raws_and_indents(nt: NormalizedText, content: Sequence[int]) -> tuple[list[str], list[bool]]:
    r"""The raw text (:func:`_raw_text`) of each content line, and whether it is indented.

    A line with no blank right before or after it in the input (most lines)
    is its input text, not indented.

    >>> from newsparse.text import normalize
    >>> _raws_and_indents(normalize("标题\n\u3000\u3000正文 \n"), [0, 1])
    (['标题', '\u3000\u3000正文 '], [False, True])
    """
    source, lines = nt.source, nt.lines
    picked = list(map(lines.__getitem__, content))
    starts = list(map(_SPAN_START, picked))
    ends = list(map(_SPAN_END, picked))
    raws = list(map(source.__getitem__, map(slice, starts, ends)))
    indents = [False] * len(picked)
    # (C passes: the character before and after each line, the input padded with a
    # line end that is no blank, so that ``padded[a]`` is the one before offset ``a``)
    padded = f"\n{source}\n"
    before = map(_IS_BLANK, map(padded.__getitem__, starts))
    after = map(_IS_BLANK, map(padded.__getitem__, map(_PLUS_ONE, ends)))
    for i in compress(range(len(picked)), map(or_, before, after)):
        raws[i] = _raw_text(nt, picked[i])
        indents[i] = _indent_of(nt, picked[i])
    return raws, indents


_SPAN_START: Final = attrgetter("span.start")
_SPAN_END: Final = attrgetter("span.end")
_IS_BLANK: Final = BLANK.__contains__
_GAP: Final = attrgetter("gap")
_TEXT: Final = attrgetter("text")
_PLUS_ONE: Final = (1).__add__


def _open_bracket(text: str) -> bool:
    """Whether a line leaves a bracket or quotation open at its end.

    >>> _open_bracket("一座老城焕发新生（“十四五”的"), _open_bracket("“好”的（上）")
    (True, False)
    """
    stack: list[str] = []
    for ch in _BRACKET_CHARS.findall(text):  # other characters neither open nor close
        if ch in _PAIRS:
            stack.append(_PAIRS[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
    return bool(stack)


def _ends_sentence(text: str) -> bool:
    body = text.rstrip()
    i = len(body) - 1
    while i >= 0 and body[i] in CLOSING_MARKS:
        i -= 1
    return i >= 0 and body[i] in SENTENCE_ENDS


@frozen
class Unwrapped:
    """The page as logical lines, its furniture, and the joins.

    ``nt`` is a normalized text whose lines are the logical lines (its
    ``source`` is the input); ``joins`` the offsets in ``nt.text`` where two
    source lines were joined; ``furniture`` the furniture found, in source
    order; ``regime`` what the page's line lengths said.
    """

    nt: NormalizedText
    joins: tuple[int, ...]
    furniture: tuple[Furniture, ...]
    regime: Regime

    def spans(self, start: int, end: int) -> tuple[Span, ...]:
        r"""Input spans of ``nt.text[start:end]``, one per source line it covers.

        >>> from newsparse.text import normalize
        >>> u = unwrap(normalize("甲乙丙丁\n戊己。"), width=4)
        >>> u.nt.text, u.spans(2, 6)
        ('甲乙丙丁戊己。', (Span(start=2, end=4), Span(start=5, end=7)))
        """
        return self.nt.source_spans(start, end)


def unwrap(nt: NormalizedText, *, width: int | None = None) -> Unwrapped:
    r"""Join the wrapped lines of a normalized page into logical lines.

    ``width`` forces a wrap width in characters (tests and callers who know
    it); by default it is read from the page (:func:`detect_regime`).

    >>> from newsparse.text import normalize
    >>> u = unwrap(normalize("短标题\n\n一行一段。\n又一段，不一样长。"))
    >>> [line.text for line in u.nt.lines], u.regime.width
    (['短标题', '一行一段。', '又一段，不一样长。'], None)
    """
    nt = _split_jumps(nt)
    lines = nt.lines
    found = find_furniture([line.text for line in lines])
    lifted = [False] * len(lines)
    furniture: list[Furniture] = []
    for item in found:
        pieces = lines[item.first : item.last + 1]
        lifted[item.first : item.last + 1] = [True] * len(pieces)
        text = " ".join(p.text for p in pieces)
        # (a line's span is the input span of its text: ``nt.source_span(p.start, p.end)``)
        furniture.append(Furniture(item.kind, text, tuple(p.span for p in pieces)))
    ev = _evidence(nt, lifted, width)
    groups = _group(ev)
    return _rebuild(nt, _with_furniture(groups, found), tuple(furniture), ev.regime, lifted)


def _evidence(nt: NormalizedText, lifted: list[bool], width: int | None) -> _Evidence:
    """What the join rules read of a page whose ``lifted`` lines are furniture."""
    lines = nt.lines
    content = list(compress(range(len(lines)), map(not_, lifted)))
    raws, indents = _raws_and_indents(nt, content)
    by_cells = _measures(raws, by_cells=True), _measures(raws, by_cells=False)
    if width is not None:
        regime = Regime(width, width, by_cells=False, tolerance=0)
    else:
        regime = _detect(by_cells, indents)
    texts = list(map(_TEXT, map(lines.__getitem__, content)))
    lengths = by_cells[0] if regime.by_cells else by_cells[1]
    local = _local_widths(lengths, regime)
    at = {w: regime if w is None else regime.at(w) for w in set(local)}
    ends = _sentence_ends(texts)
    open_tails = _open_tails(texts, ends)
    # the lines between two content lines are furniture: its blank lines are its own
    # (C passes: a line's gap, times whether it follows the content line before it)
    below = content[1:]
    follows = map(eq, below, map(_PLUS_ONE, content))
    gaps = [0, *map(mul, map(_GAP, map(lines.__getitem__, below)), follows)]
    return _Evidence(
        nt,
        content,
        raws,
        texts,
        indents,
        lifted,
        regime,
        local,
        _title_width(lengths, texts, ends, regime, open_tails),
        lengths,
        [at[w] for w in local],
        ends,
        gaps,
        open_tails,
    )


def _sentence_ends(texts: Sequence[str]) -> list[bool]:
    """``_ends_sentence`` of every line, read off its last character (most lines).

    >>> _sentence_ends(["好。", "“好。”", "好”", "好"])
    [True, True, False, False]
    """
    ends = list(map(SENTENCE_ENDS.__contains__, map(_LAST, texts)))  # (a C pass: most lines)
    for k in compress(range(len(ends)), map(CLOSING_MARKS.__contains__, map(_LAST, texts))):
        ends[k] = _ends_sentence(texts[k])  # (a closing mark may follow the sentence end)
    return ends


_LAST: Final = itemgetter(-1)


def _split_jumps(nt: NormalizedText) -> NormalizedText:
    r"""The lines with each jump line glued to a paragraph made a line of its own.

    >>> from newsparse.text import normalize
    >>> nt = _split_jumps(normalize("会议在北京举行。（下转第三版）\n（上接第一版）会议指出。"))
    >>> [(line.text, line.span.start, line.span.end) for line in nt.lines]
    [('会议在北京举行。', 0, 8), ('（下转第三版）', 8, 15),
     ('（上接第一版）', 16, 23), ('会议指出。', 23, 28)]
    """
    if "版" not in nt.text:
        return nt
    # (a jump names a page: lines without 版 hold none)
    if not [line for line in nt.lines if "版" in line.text and glued_jump(line.text) is not None]:
        return nt
    out: list[Line] = []
    for line in nt.lines:
        cut = glued_jump(line.text) if "版" in line.text else None
        if cut is None:
            out.append(line)
            continue
        a, b = cut
        text = line.text
        pieces = [(0, a), (a, b), (b, len(text))] if a else [(0, b), (b, len(text))]
        for k, (x, y) in enumerate(p for p in pieces if p[1] > p[0]):
            piece = text[x:y].strip(" ")
            if not piece:
                continue
            start = line.start + x + (len(text[x:y]) - len(text[x:y].lstrip(" ")))
            span = nt.source_span(start, start + len(piece))
            gap, page_break = (line.gap, line.page_break) if k == 0 else (0, False)
            out.append(Line(piece, start, span, gap, page_break))
    # (the constructor, not attrs.evolve: evolve reads every field by name in Python)
    return NormalizedText(nt.source, nt.text, nt.run_starts, nt.run_origins, tuple(out), nt.joins)


def _with_furniture(
    groups: list[list[tuple[int, str]]], found: Sequence[FurnitureLines]
) -> list[list[tuple[int, str]]]:
    """The logical lines with each piece of furniture as a line of its own.

    A piece of furniture follows the logical line its last line before it
    belongs to (a footer that cut a paragraph comes after the paragraph);
    its lines, when an extraction spread it over several, join with spaces.
    One sweep over both lists.
    """
    out: list[list[tuple[int, str]]] = []
    g = 0
    for item in found:
        while g < len(groups) and groups[g][0][0] < item.first:
            out.append(groups[g])
            g += 1
        out.append([(k, " " if k > item.first else "") for k in range(item.first, item.last + 1)])
    out.extend(groups[g:])
    return out


@frozen
class _Evidence:
    """What the join rules read of a page: its content lines, raw and normalized."""

    nt: NormalizedText
    content: Sequence[int]  # indices into nt.lines of the lines not lifted out
    raws: Sequence[str]  # each content line as in the input, its indent included
    texts: Sequence[str]  # each content line normalized
    indents: Sequence[bool]
    lifted: Sequence[bool]  # per line of nt.lines: furniture lifted out
    regime: Regime
    local: Sequence[int | None]  # each content line's wrap width (regions may differ)
    title_width: int | None  # where titles wrap, as the page's bracket-wrapped titles show
    lengths: Sequence[int]  # each content line's raw length in the regime's measure
    regimes: Sequence[Regime]  # each content line's regime: its region's (``Regime.at``)
    ends: Sequence[bool]  # each content line ends a sentence (``_ends_sentence``)
    gaps: Sequence[int]  # blank lines above each content line (none counted across furniture)
    open_tails: Sequence[bool]  # each content line ends no sentence, a bracket open (_open_tails)


def _group(
    ev: _Evidence, signs: tuple[Sequence[bool], Sequence[bool]] | None = None
) -> list[list[tuple[int, str]]]:
    """Logical lines as lists of (line index, separator before it), in one pass.

    A pair of lines that shows the sign of no seldom rule (:func:`_signs`)
    is read by the other rules only; on a page of one paragraph per line
    none of those joins, so such a pair starts a logical line at once.
    ``signs`` replaces what ``_signs`` reads (tests: every rule on every pair).
    """
    groups: list[list[tuple[int, str]]] = []
    first = True  # the current line starts a logical line
    split = 0  # width of a printed line that pdftotext split at wide gaps, so far
    sofar = ""  # the text of the logical line so far
    alone, joined = _signs(ev) if signs is None else signs
    wrapped = ev.regime.width is not None
    content = ev.content
    # (on a page of one paragraph per line only the lines of a pair with a sign are
    # walked, found in C: the lines between them start logical lines of their own)
    walked = (
        range(len(content)) if wrapped else compress(range(len(content)), map(or_, alone, joined))
    )
    done = 0  # the lines before ``done`` are grouped
    for pos in walked:
        if done < pos:
            groups.extend([[(k, "")] for k in content[done:pos]])
            first, split, sofar = True, 0, ev.texts[pos - 1]
        done = pos + 1
        k = content[pos]
        sep = None
        if groups:
            sign = (joined if len(groups[-1]) > 1 else alone)[pos]
            if sign or wrapped:
                sep = _join(ev, pos, sofar, first=first, rules=JOIN_RULES if sign else _USUAL_RULES)
                if sep is None:
                    sep, split = _split_piece(ev, pos, split, first=first)
                else:
                    split = 0
        if sep is not None:
            groups[-1].append((k, sep))
            first = first and split > 0  # pieces of a first line are of the first line
            if len(sofar) < _MAX_TITLE:
                sofar += sep + ev.texts[pos]
            continue
        groups.append([(k, "")])
        first = True
        split = 0
        sofar = ev.texts[pos]
    groups.extend([[(k, "")] for k in content[done:]])
    return groups


_GAP_CELLS: Final = 4  # the wide gap pdftotext breaks a line at: two full-width spaces


def _split_piece(ev: _Evidence, pos: int, split: int, *, first: bool) -> tuple[str | None, int]:
    """A line pdftotext split at a wide gap into pieces with blank lines between.

    The pieces of one printed line add up to its width; after such a full
    line that ends mid-sentence the paragraph goes on below the blank line.
    Returns the separator (``None``: no join) and the printed width so far.
    """
    lines = ev.nt.lines
    regime = ev.regimes[pos - 1]
    i, j = ev.content[pos - 1], ev.content[pos]
    if regime.width is None or not regime.by_cells or lines[j].gap != 1 or j != i + 1:
        return None, 0
    cur = ev.texts[pos]
    if ev.ends[pos - 1]:
        return None, 0
    if first and (parse_dateline(cur) is not None or parse_byline(cur) is not None):
        return None, 0  # a title, then its byline: two lines of their own
    cap, tol = (regime.first if first else regime.width), regime.tolerance
    done = split or ev.lengths[pos - 1]
    if done >= cap - tol:
        return "", 0  # the printed line was full: its paragraph goes on
    total = done + _GAP_CELLS + ev.lengths[pos]
    if cap - 2 * tol - _GAP_CELLS <= total <= cap + 2 * tol:
        return " ", total
    return None, 0


class _Pair:
    """Two neighbouring content lines as the join rules see them.

    A plain class (built for every pair of lines, read by every rule): the
    texts of both lines and whether furniture stands between them are read
    once, when it is built.
    """

    __slots__ = ("cur", "ev", "first", "gap", "pos", "prev", "regime", "sofar")

    def __init__(self, ev: _Evidence, pos: int, sofar: str, *, first: bool) -> None:
        self.ev = ev
        self.pos = pos  # the lower line, ``ev.content[pos]``
        self.sofar = sofar  # the logical line the upper one ends (its first _MAX_TITLE chars)
        self.first = first  # the upper line starts its logical line
        self.gap = ev.gaps[pos]  # blank lines between them (none counted across lifted furniture)
        self.regime = ev.regimes[pos - 1]  # the regime of the upper line's region
        self.prev = ev.texts[pos - 1]
        self.cur = ev.texts[pos]

    @property
    def adjacent(self) -> bool:
        """No furniture stands between the two lines."""
        return self.ev.content[self.pos] == self.ev.content[self.pos - 1] + 1

    @property
    def short(self) -> bool:
        """The upper line is shorter than a paragraph's first line (or nothing is wrapped)."""
        r = self.regime
        return r.width is None or self.ev.lengths[self.pos - 1] < r.first - r.tolerance


class _Pass(enum.Enum):
    """A rule's answer when it has no opinion on a pair of lines."""

    NO_OPINION = enum.auto()


_PASS: Final = _Pass.NO_OPINION


def _cut_mid_sentence(p: _Pair) -> str | _Pass | None:
    """On a wrapped page, a line that ends on a comma or a list mark goes on below."""
    if p.regime.width is not None and not p.gap and p.prev[-1] in OPEN_ENDS:
        return "" if not p.ev.indents[p.pos] else None
    return _PASS


def _spread_author(p: _Pair) -> str | _Pass | None:
    """``本报记者`` / ``乔`` / ``栋``: an author line one name a line joins with spaces."""
    if (
        p.adjacent
        and p.gap <= 1
        and _NAME_LINE.fullmatch(p.cur)
        and _AUTHOR_TITLE.fullmatch(p.sofar)
    ):
        return " "
    return _PASS


def _padded_name(p: _Pair) -> str | _Pass | None:
    """``洪`` / ``勇``: a two-character name padded to a wider cell, one character a line."""
    if (
        p.adjacent
        and p.gap <= 1
        and len(p.sofar) == 1 == len(p.cur)
        and _NAME_LINE.match(p.sofar + p.cur)
    ):
        return " "
    return _PASS


def _marks_only(text: str) -> bool:
    """A row of layout marks (rules, dashes, bullets), no text."""
    return not text.lstrip(_MARK_CHARS)  # every character a mark (one C pass)


_MARK_CHARS: Final = "".join(sorted(LAYOUT_MARKS))


def _block_end(p: _Pair) -> str | _Pass | None:
    """A line that ends with a photo credit, or a row of marks, is a block of its own.

    A run of caption lines each ending in ``X 摄``, or of rules (``————``), can
    have one width all through: they are not wrapped text.
    """
    if _marks_only(p.prev) or _marks_only(p.cur):
        return None
    if p.prev[-1] in "摄攝":
        by = parse_caption(p.prev).byline
        if by is not None and any(c.title for c in by.credits):
            return None
    return _PASS


def _paragraph_start(p: _Pair) -> str | _Pass | None:
    """An indent, a blank line or a dateline starts a paragraph."""
    r = p.regime
    if p.ev.indents[p.pos] and r.width is not None and r.width == r.first:
        return None
    if p.gap or parse_dateline(p.cur) is not None:
        return None
    return _PASS


def _cut_before_punctuation(p: _Pair) -> str | _Pass | None:
    """A line never starts with closing punctuation: the one before was cut.

    After a sentence end, a closing quotation mark or bracket is still the
    sentence's (``…合作。`` / ``”``): no paragraph starts with one.
    """
    if p.cur[0] in NO_LINE_START and (not p.ev.ends[p.pos - 1] or p.cur[0] in CLOSING_MARKS):
        return ""
    return _PASS


def _bracket_title(p: _Pair) -> str | _Pass | None:
    """A short line inside an open bracket: a title wrapped inside its brackets."""
    if not p.short or p.ev.ends[p.pos - 1] or not _open_bracket(p.sofar[-_MAX_TITLE:]):
        return _PASS
    if _closes_in(p.sofar, p.cur) or (
        len(p.sofar) + len(p.cur) <= _MAX_TITLE
        and not p.ev.ends[p.pos]
        and parse_byline(p.cur) is None
    ):
        return ""
    return None


def _title_width_rule(p: _Pair) -> str | _Pass | None:
    """A title line full at the page's title width goes on below it."""
    if p.short and _title_wrapped(p.ev, p.pos, p.regime):
        return ""
    return _PASS


def _width_rule(p: _Pair) -> str | _Pass | None:
    """The wrap width: a full line continues, a short one ends its paragraph."""
    if p.regime.width is None:
        return None
    return _join_wrapped(p.ev, p.pos, p.regime, first=p.first)


def _jump_alone(p: _Pair) -> str | _Pass | None:
    """A jump line (``（下转第三版）``) is a line of its own: nothing joins it, or into it."""
    if JUMP_LINE.fullmatch(p.cur) or JUMP_LINE.fullmatch(p.prev):
        return None
    return _PASS


JOIN_RULES = (
    _jump_alone,
    _spread_author,
    _padded_name,
    _block_end,
    _cut_mid_sentence,
    _paragraph_start,
    _cut_before_punctuation,
    _bracket_title,
    _title_width_rule,
    _width_rule,
)
"""The join rules in the order they are tried; the first with an opinion decides."""

_Rule = Callable[[_Pair], "str | _Pass | None"]
_SELDOM: Final = frozenset(
    {
        _jump_alone,
        _spread_author,
        _padded_name,
        _block_end,
        _cut_before_punctuation,
        _bracket_title,
        _title_width_rule,
    }
)
"""The join rules that speak only on a pair showing their sign (:func:`_signs`)."""
_VETO: Final = _block_end
"""The join rule that answers only ``None`` or no opinion and parses a caption
(:func:`_ask_every` asks it last)."""
_BEFORE_VETO: Final = JOIN_RULES[: JOIN_RULES.index(_VETO)]
_AFTER_VETO: Final = JOIN_RULES[JOIN_RULES.index(_VETO) + 1 :]
_USUAL_RULES: Final = tuple(rule for rule in JOIN_RULES if rule not in _SELDOM)
_TITLE_STOPS: Final = SENTENCE_ENDS | CLOSING_MARKS


def _signs(ev: _Evidence) -> tuple[list[bool], list[bool]]:
    r"""Per content line: whether the pair it ends shows the sign of a seldom join rule.

    Each rule of ``_SELDOM`` has no opinion on a pair without its sign, so a
    pair without any needs only the other rules. The signs, read off the
    whole page at once: a jump line (``_jump_alone``); a lower line short
    enough to be a name (``_spread_author``, ``_padded_name``); a row of
    marks, or an upper line ending on a photo credit (``_block_end``); a
    lower line starting with closing punctuation (``_cut_before_punctuation``);
    an upper line shorter than a first line and ending no sentence
    (``_bracket_title``, ``_title_width_rule``) that, when it is a logical line of its own, leaves
    a bracket open, or is as long as the page's wrapped titles with neither a
    stop at its end nor as long a line below it. The first list
    is for an upper line that is a logical line of its own, the second for one
    that ends a joined logical line.

    >>> from newsparse.text import normalize
    >>> nt = normalize("一行一段。\n（文章的标题\n下）\n本报记者\n乔")
    >>> texts = [line.text for line in nt.lines]
    >>> _signs(_evidence(nt, [False] * 5, None))[0]
    [False, False, True, True, True]
    """
    texts, lengths, title, ends = ev.texts, ev.lengths, ev.title_width, ev.ends
    tails = ev.open_tails
    alone, joined = [False] * len(texts), [False] * len(texts)
    upper = open_end = False  # (of the line above)
    prev = ""
    for k, (t, short) in enumerate(zip(texts, _short_lines(ev), strict=True)):
        # a line of its own (a row of marks, a jump line: ``"版" in t`` first, a jump names a page)
        solo = not t.lstrip(_MARK_CHARS) or ("版" in t and JUMP_LINE.fullmatch(t) is not None)
        if k:
            usual = upper or solo or len(t) <= _NAME_MAX or t[0] in NO_LINE_START
            # (a title line full at the title width, ``_title_wrapped``, ends on no
            # stop and has a shorter line below it)
            alone[k] = usual or (
                open_end
                and (
                    tails[k - 1]
                    or (
                        title is not None
                        and lengths[k - 1] >= title - 1
                        and lengths[k] < title
                        and prev[-1] not in _TITLE_STOPS
                    )
                )
            )
            joined[k] = usual or open_end
        upper = solo or t[-1] in "摄攝"
        # short and ending no sentence (the two rules after a join: any sofar)
        open_end = short and not ends[k]
        prev = t
    return alone, joined


def _short_lines(ev: _Evidence) -> list[bool]:
    """Per content line: shorter than a paragraph's first line in its region (``_Pair.short``)."""
    r = ev.regime
    if r.width is None:
        return [True] * len(ev.texts)
    indent = r.width - r.first  # a region's first lines are narrower by the page's indent
    return [
        n < (r.width if w is None else w) - indent - r.tolerance
        for n, w in zip(ev.lengths, ev.local, strict=True)
    ]


def _join(
    ev: _Evidence, pos: int, sofar: str, *, first: bool, rules: Sequence[_Rule] = JOIN_RULES
) -> str | None:
    """How content line ``pos`` joins the logical line before it: ``""``, ``" "`` or not.

    ``rules`` are the join rules to ask, in order (those of ``JOIN_RULES``
    that may speak on the pair).
    """
    pair = _Pair(ev, pos, sofar, first=first)
    answer: str | _Pass | None = _PASS
    if rules is JOIN_RULES:
        answer = _ask_every(pair)
    else:  # (``_ask``, written out: asked for most pairs of a wrapped page)
        for rule in rules:
            answer = rule(pair)
            if answer is not _PASS:
                break
    if answer == "" and ev.raws[pos - 1][-1:] in BLANK:
        return " "  # the line was cut after a blank: the blank stays (a headline break)
    return None if answer is _PASS else answer


def _ask(pair: _Pair, rules: Sequence[_Rule]) -> str | _Pass | None:
    """The answer of the first of ``rules`` with an opinion on ``pair`` (``_PASS``: none has)."""
    for rule in rules:
        answer = rule(pair)
        if answer is not _PASS:  # (the one member of _Pass)
            return answer
    return _PASS


def _ask_every(pair: _Pair) -> str | _Pass | None:
    """``_ask(pair, JOIN_RULES)``, with the veto rule asked only where it can change the answer.

    The veto (``_VETO``) only ever keeps the lines apart: the rules after it
    are asked first, and it only when they would join the lines (the same
    join as asking in order, ``None`` for no opinion, without its parse on
    most pairs).
    """
    answer = _ask(pair, _BEFORE_VETO)
    if answer is not _PASS:
        return answer
    rest = _ask(pair, _AFTER_VETO)
    return None if rest is None or rest is _PASS or _VETO(pair) is None else rest


def _title_wrapped(ev: _Evidence, pos: int, regime: Regime) -> bool:
    """A title line full at the page's title width, and a short rest of the title below it."""
    if ev.title_width is None:
        return False
    prev, cur = ev.texts[pos - 1], ev.texts[pos]
    if ev.ends[pos - 1] or prev[-1] in CLOSING_MARKS or ev.ends[pos]:
        return False
    lengths = ev.lengths
    if lengths[pos - 1] < ev.title_width - 1 or lengths[pos] >= ev.title_width:
        return False
    if regime.width is not None and lengths[pos] >= regime.first - regime.tolerance:
        return False
    return parse_byline(cur) is None and parse_dateline(cur) is None


def _closes_in(before: str, after: str) -> bool:
    """Whether ``after`` closes a bracket that ``before`` left open."""
    return _open_bracket(before) and not _open_bracket(before + after)


def _join_wrapped(ev: _Evidence, pos: int, regime: Regime, *, first: bool) -> str | None:
    """The width rules: line ``pos`` continues line ``pos - 1`` when that one is full."""
    assert regime.width is not None
    tol = regime.tolerance
    lengths, ends = ev.lengths, ev.ends
    prev, cur = ev.texts[pos - 1], ev.texts[pos]
    cap = regime.first if first else regime.width
    if lengths[pos - 1] < cap - tol:
        return None  # a short line ends its paragraph
    nxt = lengths[pos]
    if not ends[pos - 1]:
        return None if first and _title_over_byline(prev, cur, nxt, regime) else ""
    # a sentence ends at the width: does a new paragraph start on the next line?
    if _first_shaped(nxt, regime) and not (
        ends[pos] and pos + 1 < len(lengths) and lengths[pos + 1] < regime.width - tol
    ):
        return None  # the next line has a first line's width and goes on after it
    if parse_dateline(cur) is not None or parse_byline(cur) is not None:
        return None
    short = nxt < regime.width - tol
    if short and not ends[pos] and not _cut_block_end(cur, nxt, regime):
        return None  # a short line without a sentence end: a heading
    return ""


def _cut_block_end(text: str, measure: int, regime: Regime) -> bool:
    """A short line of prose cut short (the block goes on after a photo), not a heading.

    A heading never ends on a comma. In print, a paragraph's first line that
    lost its indent is narrower by the indent only, so a comma-ended line must
    be narrower still; a tool's cut keeps indents as characters, and there a
    line with a comma inside that fills three quarters of the width is prose
    too (a title lists with ``、``, seldom with a comma, and is shorter).

    >>> cut = Regime(20, 20, False, 0)
    >>> prose, title = "甲乙，丙丁戊己庚辛壬癸子丑寅卯", "甲乙丙丁、戊己庚辛壬癸子丑寅卯"
    >>> _cut_block_end("打响河道整治战，", 8, cut), _cut_block_end(prose, 15, cut)
    (True, True)
    >>> _cut_block_end("天更蓝，水更清", 7, cut), _cut_block_end(title, 15, cut)
    (False, False)
    >>> _cut_block_end("甲" * 17 + "，", 36, Regime(40, 40, True, 1))
    False
    """
    if regime.by_cells:
        return text[-1] in _COMMAS and measure < regime.first - 4 - regime.tolerance
    assert regime.width is not None
    return text[-1] in _COMMAS or (
        4 * measure >= 3 * regime.width and ("，" in text or "," in text)
    )


def _title_over_byline(prev: str, cur: str, nxt: int, regime: Regime) -> bool:
    """A title line that fills the width, and under it a short author line with a title.

    >>> _title_over_byline("一条新路通山乡", "本报记者 程朗", 12, Regime(14, 14, False, 0))
    True
    >>> _title_over_byline("山乡通路。本报", "记者 程朗", 5, Regime(14, 14, False, 0))
    False
    """
    assert regime.width is not None
    return (
        nxt < regime.width - regime.tolerance
        and _SENTENCE_END.search(prev) is None
        and _titled_byline(cur)
    )


def _titled_byline(text: str) -> bool:
    """A line that is a byline with a title (``本报记者 X``), not a name a line could hold.

    >>> _titled_byline("本报记者 程朗 文并摄"), _titled_byline("程朗摄")
    (True, False)
    """
    by = parse_byline(text)
    return by is not None and any(c.title for c in by.credits)


def _first_shaped(measure: int, regime: Regime) -> bool:
    """Whether a line has the width of a paragraph's first line (narrower than the rest)."""
    assert regime.width is not None
    tol = regime.tolerance
    return regime.first < regime.width - tol and regime.first - tol <= measure < regime.width - tol


class _Text:
    r"""The logical-line text being built, with its run-length offset map and joins.

    A run starts only where the offsets jump (:class:`newsparse.text.NormalizedText`):
    a separator maps to the end of the line before it, and so does the ``\n``
    after a logical line, so both go on the run of that line.
    """

    __slots__ = ("joins", "lines", "nt", "parts", "run_origins", "run_starts", "size")

    def __init__(self, nt: NormalizedText) -> None:
        self.nt = nt
        self.parts: list[str] = []
        self.run_starts: list[int] = []
        self.run_origins: list[int] = []
        self.joins: list[int] = []
        self.lines: list[Line] = []
        self.size = 0

    def add_group(self, group: Sequence[tuple[int, str]], gap: int) -> None:
        """One logical line: its source lines with the separators between them."""
        lines, starts, origins = self.nt.lines, self.run_starts, self.run_origins
        size = self.size
        if self.lines:
            self.parts.append("\n")
            _add_run(starts, origins, size, min(self.lines[-1].span.end, len(self.nt.source) - 1))
            size += 1
        start = size
        pieces: list[str] = []
        joins = self.joins
        for idx, (k, sep) in enumerate(group):
            line = lines[k]
            text, span = line.text, line.span
            if idx:
                joins.append(size)
                if sep:  # (on the run of the line before: it maps to that line's end)
                    pieces.append(sep)
                    size += len(sep)
            a = span.start
            if span.end - a != len(text):  # a jump inside the line
                _copy_runs(self.nt, line, size, starts, origins)
            elif not starts or origins[-1] + size - starts[-1] != a:  # (``_add_run``)
                starts.append(size)
                origins.append(a)
            pieces.append(text)
            size += len(text)
        self.size = size
        text = "".join(pieces)
        self.parts.append(text)
        head, tail = lines[group[0][0]], lines[group[-1][0]]
        self.lines.append(
            Line(text, start, Span(head.span.start, tail.span.end), gap, head.page_break)
        )


def _add_run(starts: list[int], origins: list[int], at: int, origin: int) -> None:
    """Map offset ``at`` on to ``origin``: a new run unless the last one goes on there."""
    if not starts or origins[-1] + at - starts[-1] != origin:
        starts.append(at)
        origins.append(origin)


def _rebuild(
    nt: NormalizedText,
    groups: Sequence[Sequence[tuple[int, str]]],
    furniture: tuple[Furniture, ...],
    regime: Regime,
    lifted: Sequence[bool],
) -> Unwrapped:
    """A normalized text of the logical lines, mapping back to the same input.

    The blank lines next to a piece of furniture are the furniture's (an
    extraction sets a footer or a source line apart): the line after it has
    no gap of its own, so that they never read as a photo's.
    """
    # every line in a group (and once): as many groups as lines is one line a group
    unjoined = len(groups) == len(nt.lines) and [g[0][0] for g in groups] == list(
        range(len(groups))
    )
    if unjoined and not nt.joins:
        return _unjoined(nt, furniture, regime, lifted)
    return _rebuild_joined(nt, groups, furniture, regime, lifted)


def _rebuild_joined(
    nt: NormalizedText,
    groups: Sequence[Sequence[tuple[int, str]]],
    furniture: tuple[Furniture, ...],
    regime: Regime,
    lifted: Sequence[bool],
) -> Unwrapped:
    """``_rebuild`` of a page where lines were joined: a new text and offset map."""
    lines = nt.lines
    out = _Text(nt)
    for group in groups:
        out.add_group(group, _gap_of(lines, lifted, group[0][0], first=not out.lines))
    joins = tuple(out.joins)
    new = NormalizedText(
        nt.source,
        "".join(out.parts),
        tuple(out.run_starts),
        tuple(out.run_origins),
        tuple(out.lines),
        joins,
    )
    return Unwrapped(new, joins, furniture, regime)


def _gap_of(lines: Sequence[Line], lifted: Sequence[bool], k0: int, *, first: bool) -> int:
    """The gap of a logical line starting at line ``k0``: none after lifted furniture."""
    if first or (k0 > 0 and lifted[k0 - 1] and not lifted[k0]):
        return 0
    return lines[k0].gap


def _unjoined(
    nt: NormalizedText, furniture: tuple[Furniture, ...], regime: Regime, lifted: Sequence[bool]
) -> Unwrapped:
    """``_rebuild`` where every line is a logical line of its own, in order.

    The text, its offset runs and the lines' offsets are those of ``nt``
    (what ``_rebuild_joined`` would build again, run by run), so only a gap
    after lifted furniture needs a new ``Line``.
    """
    lines = nt.lines
    out_lines = list(lines)
    # only the first line and one right after lifted furniture lose their gap
    after = [k for k, (up, down) in enumerate(pairwise(lifted), 1) if up and not down]
    for k in [0, *after] if lines else []:
        line = lines[k]
        gap = _gap_of(lines, lifted, k, first=not k)
        if gap != line.gap:
            out_lines[k] = Line(line.text, line.start, line.span, gap, line.page_break)
    new = NormalizedText(nt.source, nt.text, nt.run_starts, nt.run_origins, tuple(out_lines), ())
    return Unwrapped(new, (), furniture, regime)


def _copy_runs(
    nt: NormalizedText, line: Line, at: int, run_starts: list[int], run_origins: list[int]
) -> None:
    """Append the offset runs of one source line, moved to offset ``at``."""
    starts, origins = nt.run_starts, nt.run_origins
    a, b = line.start, line.end
    k = max(bisect_right(starts, a) - 1, 0)
    while k < len(starts) and starts[k] < b:
        s = max(starts[k], a)
        _add_run(run_starts, run_origins, at + s - a, origins[k] + s - starts[k])
        k += 1
