r"""Text normalization with an offset map, and splitting into line blocks.

PDF and OCR extractions damage a page in ways that do not change its
meaning: CR/CRLF line ends, form feeds between pages, tabs and runs of
spaces, a byte-order mark, zero-width characters, and a space inserted
between every pair of Han characters (``锦 州 市 聚 焦``). [`normalize()`][newsparse.normalize]
undoes these and keeps, for every character it outputs, the offset of the
input character it came from, so that every later stage can report spans
into the original string.

Rules, in order:

* line ends are ``\n``, ``\r\n``, ``\r``, ``\f`` (a page break), ``\v`` and
  the Unicode line and paragraph separators;
* blank characters are whitespace plus the BOM and zero-width characters
  ([`BLANK`][newsparse.text.BLANK]); they never reach the output except as single spaces;
* in a line, a run of blanks becomes one ASCII space, and leading and
  trailing blanks go;
* a run of three or more single Han characters separated by single spaces is
  OCR letter-spacing: those spaces go (``锦 州 市`` → ``锦州市``), while a
  wider gap inside such a line (two or more blanks) stays as one space.

>>> nt = normalize("锦 州 市 聚 焦  科技\r\n\r\n本报讯")
>>> [line.text for line in nt.lines]
['锦州市聚焦 科技', '本报讯']
>>> nt.lines[1].gap
1
>>> nt.source_span(nt.lines[0].start, nt.lines[0].start + 3)
Span(start=0, end=5)
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Final

import regex
from attrs import frozen

from newsparse.errors import str_argument
from newsparse.model import Span

__all__ = ["BLANK", "Line", "NormalizedText", "is_blank", "normalize", "split_blocks"]

BLANK: Final = frozenset(
    " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u202f\u205f\u3000\ufeff\u200b\u200c\u200d\u2060\u180e"
)
"""Characters that carry no content inside a line (besides line breaks)."""

_LINE_BREAKS: Final = frozenset("\n\r\f\v\x1c\x1d\x1e\x85\u2028\u2029")
_HAN: Final = regex.compile(r"\p{Han}")


@str_argument("ch")
def is_blank(ch: str) -> bool:
    r"""Whether a character carries no content (whitespace, BOM, zero-width).

    >>> is_blank("\ufeff"), is_blank("\u3000"), is_blank("字")
    (True, True, False)
    """
    return ch in BLANK or ch in _LINE_BREAKS or ch.isspace()


@frozen
class Line:
    r"""One non-blank line of the normalized text.

    ``text`` is the normalized line; ``start`` its offset in
    [`NormalizedText.text`][newsparse.NormalizedText.text]; ``span`` the input span from its first
    to
    its last non-blank character; ``gap`` the number of blank lines before it
    (a run of them marks a photo); ``page_break`` whether a form feed came
    between it and the line before.

    >>> normalize("a\n\n\nb").lines[1].gap
    2
    """

    text: str
    start: int
    span: Span
    gap: int
    page_break: bool

    @property
    def end(self) -> int:
        """Offset after the line's last character in the normalized text."""
        return self.start + len(self.text)


@frozen
class NormalizedText:
    r"""The normalized text of an input, its lines and the map back to the input.

    The map is stored as runs (``run_starts[k]`` in the normalized text maps
    to ``run_origins[k]`` in the input, and so on character by character up
    to the next run), which keeps it small on large inputs.
    ``origin_of()`` gives the input offset of one character; a ``\n``
    joining two lines maps to the end of the first.

    >>> nt = normalize("甲\t\t乙")
    >>> nt.text, [nt.origin_of(i) for i in range(len(nt.text))]
    ('甲 乙', [0, 1, 3])
    """

    source: str
    text: str
    run_starts: tuple[int, ...]
    run_origins: tuple[int, ...]
    lines: tuple[Line, ...]
    joins: tuple[int, ...] = ()
    """Offsets of ``text`` where two source lines were joined into one logical
    line (:mod:`newsparse.layout.unwrap`), in order; empty for a normalized page."""

    def origin_of(self, index: int) -> int:
        """Input offset of the normalized character at ``index``.

        >>> normalize("  本报讯").origin_of(0)
        2
        """
        k = bisect_right(self.run_starts, index) - 1
        if k < 0:
            return 0
        return min(self.run_origins[k] + index - self.run_starts[k], max(len(self.source) - 1, 0))

    @property
    def origin(self) -> tuple[int, ...]:
        """The input offset of every normalized character (built on demand).

        >>> normalize("甲 乙").origin
        (0, 1, 2)
        """
        return tuple(self.origin_of(i) for i in range(len(self.text)))

    def source_span(self, start: int, end: int) -> Span:
        """The input span of normalized characters ``[start, end)``.

        >>> nt = normalize(" 本 报 讯 ")
        >>> nt.source_span(0, 3)
        Span(start=1, end=6)
        """
        if end <= start:
            pos = self.origin_of(start) if start < len(self.text) else len(self.source)
            return Span(pos, pos)
        # origin_of for both ends, with one search when they share a run
        starts, origins = self.run_starts, self.run_origins
        limit = max(len(self.source) - 1, 0)
        k = bisect_right(starts, start) - 1
        first = 0 if k < 0 else min(origins[k] + start - starts[k], limit)
        last = end - 1
        if k + 1 >= len(starts) or last >= starts[k + 1]:
            k = bisect_right(starts, last, max(k, 0)) - 1
        return Span(first, (0 if k < 0 else min(origins[k] + last - starts[k], limit)) + 1)

    def source_spans(self, start: int, end: int) -> tuple[Span, ...]:
        r"""Input spans of ``text[start:end]``, one per source line it covers.

        On a page whose wrapped lines were joined, a range across a join maps
        to one span on each side of it (whatever stood between in the input,
        a footer lifted out of a paragraph, keeps its own span); elsewhere it
        is ``(source_span(start, end),)``.

        >>> normalize("甲乙").source_spans(0, 2)
        (Span(start=0, end=2),)
        """
        if end <= start:
            return ()
        if not self.joins:
            return (self.source_span(start, end),)
        out: list[Span] = []
        k = bisect_right(self.joins, start)
        pos = start
        while k < len(self.joins) and self.joins[k] < end:
            cut = self.joins[k]
            if cut > pos:
                out.append(self.source_span(pos, cut))
            pos = cut
            k += 1
        out.append(self.source_span(pos, end))
        return tuple(span for span in out if span.end > span.start)


def _is_han(ch: str) -> bool:
    return bool(_HAN.match(ch))


_BREAK = re.compile(r"\r\n|[\n\r\f\v\x1c\x1d\x1e\x85\u2028\u2029]")  # the standard engine
# Everything str.isspace() accepts, plus the BOM and zero-width characters.
_BLANKS: Final = (
    r"\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f"
    r"\u3000\ufeff\u2060\u180e"
)
# Plain classes: the standard engine scans them three times as fast (a run of
# one class cannot backtrack, so the greedy repeat is as linear as a possessive one).
_TOKEN: Final = re.compile(f"[^{_BLANKS}]+")
_BLANK: Final = re.compile(f"[{_BLANKS}]")


def _glue(tokens: list[tuple[int, int]], gaps: list[int], text: str) -> list[bool]:
    """Which blanks between tokens are OCR letter-spacing (to be dropped).

    A line is letter-spaced when a run of three or more one-character tokens
    joined by single blanks is mostly Han (or all ASCII letters and digits);
    in such a line every run of two or more one-character tokens is glued.
    """
    n = len(tokens)
    glue = [False] * n
    runs: list[tuple[int, int]] = []
    i = 0
    while i < n:
        j = i
        while (
            j + 1 < n
            and tokens[j][1] - tokens[j][0] == 1
            and tokens[j + 1][1] - tokens[j + 1][0] == 1
            and gaps[j + 1] == 1
        ):
            j += 1
        if j > i:
            runs.append((i, j))
        i = j + 1
    spaced = False
    for i, j in runs:
        chars = [text[tokens[k][0]] for k in range(i, j + 1)]
        size = j - i + 1
        if size >= 3 and (
            2 * sum(map(_is_han, chars)) >= size
            or all(ch.isascii() and (ch.isalnum() or ch == "#") for ch in chars)
        ):
            spaced = True
            break
    if spaced:
        for i, j in runs:
            for k in range(i + 1, j + 1):
                glue[k] = True
    return glue


@str_argument("text")
def normalize(text: str) -> NormalizedText:
    r"""Normalize a page and keep the offset of every output character.

    Raises ``TypeError`` when ``text`` is not a ``str``. Time and memory
    are linear in the input size.

    >>> nt = normalize("\ufeff标题\r\n\r\n\r\n正文 ")
    >>> nt.text
    '标题\n正文'
    >>> [(line.text, line.gap, line.span) for line in nt.lines]
    [('标题', 0, Span(start=1, end=3)), ('正文', 2, Span(start=9, end=11))]
    """
    out = _Builder(text)
    pos = 0
    breaks = [m.span() for m in _BREAK.finditer(text)]
    breaks.append((len(text), len(text)))
    for b_start, b_end in breaks:
        if pos >= b_start:
            tokens = []  # an empty line
        elif _BLANK.search(text, pos, b_start) is None:
            tokens = [(pos, b_start)]  # most lines: one token, nothing to measure
        else:
            tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, pos, b_start)]
        if tokens:
            out.add_line(tokens)
        elif out.lines:
            out.gap += 1
        if b_start < b_end and text[b_start] == "\f":
            out.page_break = True
        pos = b_end
    return NormalizedText(
        text, "".join(out.parts), tuple(out.run_starts), tuple(out.run_origins), tuple(out.lines)
    )


class _Builder:
    """The normalized text as it grows, line by line, with its run-length offset map.

    A plain class (not attrs): the compiled build makes it a native class,
    whose list fields attrs' ``Factory`` defaults would not type-check.
    """

    __slots__ = ("gap", "lines", "page_break", "parts", "run_origins", "run_starts", "size", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.parts: list[str] = []
        self.run_starts: list[int] = []
        self.run_origins: list[int] = []
        self.lines: list[Line] = []
        self.size = 0  # length of the normalized text so far
        self.gap = 0  # blank lines since the last line
        self.page_break = False  # a form feed since the last line

    def add_line(self, tokens: list[tuple[int, int]]) -> None:
        """Append one line of tokens (single spaces between them unless glued)."""
        text, starts, origins = self.text, self.run_starts, self.run_origins
        size = self.size
        if self.parts:
            self.parts.append("\n")
            starts.append(size)
            origins.append(min(self.lines[-1].span.end, max(len(text) - 1, 0)))
            size += 1
        line_start = size
        if len(tokens) == 1:  # most lines: one token, one run
            a, b = tokens[0]
            line_text = text[a:b]
            starts.append(size)
            origins.append(a)
            size += b - a
        else:
            line_text, size = self._tokens(tokens, size)
        self.size = size
        self.parts.append(line_text)
        span = Span(tokens[0][0], tokens[-1][1])
        self.lines.append(
            Line(line_text, line_start, span, self.gap if self.lines else 0, self.page_break)
        )
        self.gap = 0
        self.page_break = False

    def _tokens(self, tokens: list[tuple[int, int]], size: int) -> tuple[str, int]:
        """A line of several tokens: its text, runs appended from ``size`` on, the new size."""
        text, starts, origins = self.text, self.run_starts, self.run_origins
        gaps = [0] + [tokens[k][0] - tokens[k - 1][1] for k in range(1, len(tokens))]
        glue = _glue(tokens, gaps, text) if len(tokens) > 2 else [False] * len(tokens)
        pieces: list[str] = []
        for k, (a, b) in enumerate(tokens):
            if k and not glue[k]:
                pieces.append(" ")
                starts.append(size)
                origins.append(tokens[k - 1][1])
                size += 1
            pieces.append(text[a:b])
            starts.append(size)
            origins.append(a)
            size += b - a
        return "".join(pieces), size


@str_argument("text")
def split_blocks(text: str) -> list[Line]:
    r"""The non-blank lines of a page, each a block with its span and gap.

    >>> [(b.text, b.gap) for b in split_blocks("标题\n\n\n\n图片说明。\n\n正文。")]
    [('标题', 0), ('图片说明。', 3), ('正文。', 1)]
    """
    return list(normalize(text).lines)
