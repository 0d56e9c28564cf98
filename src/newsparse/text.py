r"""Text normalization with an offset map, and splitting into line blocks.

PDF and OCR extractions damage a page in ways that do not change its
meaning: CR/CRLF line ends, form feeds between pages, tabs and runs of
spaces, a byte-order mark, zero-width characters, and a space inserted
between every pair of Han characters (``锦 州 市 聚 焦``). :func:`normalize`
undoes these and keeps, for every character it outputs, the offset of the
input character it came from, so that every later stage can report spans
into the original string.

Rules, in order:

* line ends are ``\n``, ``\r\n``, ``\r``, ``\f`` (a page break), ``\v`` and
  the Unicode line and paragraph separators;
* blank characters are whitespace plus the BOM and zero-width characters
  (:data:`BLANK`); they never reach the output except as single spaces;
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

from typing import TYPE_CHECKING

import regex
from attrs import frozen

from newsparse.model import Span

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["BLANK", "Line", "NormalizedText", "is_blank", "normalize", "split_blocks"]

BLANK = frozenset(
    " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u202f\u205f\u3000\ufeff\u200b\u200c\u200d\u2060\u180e"
)
"""Characters that carry no content inside a line (besides line breaks)."""

_LINE_BREAKS = frozenset("\n\r\f\v\x1c\x1d\x1e\x85\u2028\u2029")
_HAN = regex.compile(r"\p{Han}")


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
    :attr:`NormalizedText.text`; ``span`` the input span from its first to
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

    ``origin[i]`` is the input offset of ``text[i]`` (a ``\n`` joining two
    lines maps to the end of the first).

    >>> nt = normalize("甲\t\t乙")
    >>> nt.text, list(nt.origin)
    ('甲 乙', [0, 1, 3])
    """

    source: str
    text: str
    origin: tuple[int, ...]
    lines: tuple[Line, ...]

    def source_span(self, start: int, end: int) -> Span:
        """The input span of normalized characters ``[start, end)``.

        >>> nt = normalize(" 本 报 讯 ")
        >>> nt.source_span(0, 3)
        Span(start=1, end=6)
        """
        if end <= start:
            pos = self.origin[start] if start < len(self.origin) else len(self.source)
            return Span(pos, pos)
        return Span(self.origin[start], self.origin[end - 1] + 1)


def _is_han(ch: str) -> bool:
    return bool(_HAN.match(ch))


def _clean_line(chars: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    """Collapse blanks in one line of ``(offset, char)`` pairs."""
    tokens: list[list[tuple[int, str]]] = []
    gaps: list[int] = []  # blanks before each token
    cur: list[tuple[int, str]] = []
    blanks = 0
    for pos, ch in chars:
        if ch in BLANK or ch.isspace():
            if cur:
                tokens.append(cur)
                cur = []
            blanks += 1
            continue
        if not cur:
            gaps.append(blanks)
            blanks = 0
        cur.append((pos, ch))
    if cur:
        tokens.append(cur)
    if not tokens:
        return []
    # OCR letter-spacing: runs of one-character tokens joined by single blanks.
    # A line is letter-spaced when one run has >= 3 tokens, mostly Han (or all
    # ASCII letters and digits); in such a line every run of >= 2 is glued.
    n = len(tokens)
    runs: list[tuple[int, int]] = []
    i = 0
    while i < n:
        j = i
        while j + 1 < n and len(tokens[j]) == 1 and len(tokens[j + 1]) == 1 and gaps[j + 1] == 1:
            j += 1
        if j > i:
            runs.append((i, j))
        i = j + 1
    spaced = False
    for i, j in runs:
        run_chars = [tokens[k][0][1] for k in range(i, j + 1)]
        size = j - i + 1
        if size >= 3 and (
            2 * sum(map(_is_han, run_chars)) >= size
            or all(ch.isascii() and (ch.isalnum() or ch == "#") for ch in run_chars)
        ):
            spaced = True
            break
    glue = [False] * n  # glue[k]: drop the blank between token k-1 and k
    if spaced:
        for i, j in runs:
            for k in range(i + 1, j + 1):
                glue[k] = True
    out: list[tuple[int, str]] = []
    for idx, tok in enumerate(tokens):
        if idx and not glue[idx]:
            prev_end = out[-1][0]
            out.append((prev_end + 1, " "))
        out.extend(tok)
    return out


def normalize(text: str) -> NormalizedText:
    r"""Normalize a page and keep the offset of every output character.

    Raises :class:`TypeError` when ``text`` is not a ``str``.

    >>> nt = normalize("\ufeff标题\r\n\r\n\r\n正文 ")
    >>> nt.text
    '标题\n正文'
    >>> [(line.text, line.gap, line.span) for line in nt.lines]
    [('标题', 0, Span(start=1, end=3)), ('正文', 2, Span(start=9, end=11))]
    """
    if not isinstance(text, str):
        msg = f"expected the page text as str, got {type(text).__name__}"
        raise TypeError(msg)
    out_chars: list[str] = []
    origin: list[int] = []
    lines: list[Line] = []
    gap = 0
    page_break = False
    cur: list[tuple[int, str]] = []
    pos = 0
    n = len(text)

    def flush() -> None:
        nonlocal gap, page_break
        cleaned = _clean_line(cur)
        if not cleaned:
            if lines:
                gap += 1
            return
        if out_chars:
            out_chars.append("\n")
            origin.append(origin[-1] + 1 if origin else 0)
        start = len(out_chars)
        for p, ch in cleaned:
            out_chars.append(ch)
            origin.append(p)
        first = cleaned[0][0]
        last = cleaned[-1][0]
        lines.append(
            Line(
                "".join(ch for _, ch in cleaned),
                start,
                Span(first, last + 1),
                gap if lines else 0,
                page_break,
            )
        )
        gap = 0
        page_break = False

    while pos < n:
        ch = text[pos]
        if ch in _LINE_BREAKS:
            flush()
            cur = []
            if ch == "\r" and pos + 1 < n and text[pos + 1] == "\n":
                pos += 1
            if ch == "\f":
                page_break = True
        else:
            cur.append((pos, ch))
        pos += 1
    flush()
    # A joining "\n" maps to the offset after the previous line's last char; keep
    # origins strictly inside the input.
    limit = max(len(text) - 1, 0)
    fixed = tuple(min(o, limit) for o in origin)
    return NormalizedText(text, "".join(out_chars), fixed, tuple(lines))


def split_blocks(text: str) -> list[Line]:
    r"""The non-blank lines of a page, each a block with its span and gap.

    >>> [(b.text, b.gap) for b in split_blocks("标题\n\n\n\n图片说明。\n\n正文。")]
    [('标题', 0), ('图片说明。', 3), ('正文。', 1)]
    """
    return list(normalize(text).lines)
