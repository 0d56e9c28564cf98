"""Layout marks in front of a line: markdown ``#`` levels and bullets.

>>> lead_marks("## ■ 图说 TUSHUO")
Marks(level=2, end=5)
>>> lead_marks("正文")
Marks(level=None, end=0)
"""

from __future__ import annotations

from typing import Final

import regex
from attrs import frozen

from newsparse.chars import BULLETS

__all__ = ["BULLETS", "LEAD_CHARS", "NO_MARKS", "Marks", "lead_marks", "lead_marks_at"]


_MAX_LEVEL: Final = 6  # a markdown heading has one to six ``#``
_BULLETS: Final = frozenset(BULLETS)
# A bullet set in a symbol font comes out of PDF extraction as the ASCII letter
# of its code point (Wingdings: ``n`` ■, ``l`` ●, ``u`` ◆; a capital in some
# e-papers): such a letter is a mark only right before a byline's title.
_GLYPH_LETTERS: Final = "nNlLuU"
_GLYPH_MARK: Final = regex.compile(
    rf"[{_GLYPH_LETTERS}][ ]?+(?=本报|本報|本刊|记者|記者|通讯员|通訊員|特约|特約|实习生|實習生)"
)
LEAD_CHARS: Final = frozenset("# " + BULLETS + _GLYPH_LETTERS)
"""The characters marks are made of: a line that starts otherwise has none, and
every character before ``Marks.end`` is one of them."""


@frozen
class Marks:
    """The markdown level (``None`` without ``#``) and where the marks end.

    Frozen, as every result type: ``NO_MARKS`` is shared by every line without
    marks. (A plain class would be native in the compiled build and save
    about 1 % of a compiled page; it would also be writable in the pure one.)

    >>> Marks(2, 3) == Marks(2, 3), Marks(2, 3) == Marks(None, 3), Marks(None, 1)
    (True, False, Marks(level=None, end=1))
    """

    level: int | None
    end: int


NO_MARKS: Final = Marks(None, 0)
"""The marks of a line without any."""


def lead_marks(line: str) -> Marks:
    """Read the ``#`` marks and bullets at the start of a line.

    ``end`` is the offset of the first character after the marks and the
    blanks that follow them.

    >>> lead_marks("### 核心提示")
    Marks(level=3, end=4)
    >>> lead_marks("■图说")
    Marks(level=None, end=1)

    A symbol-font bullet extracted as a letter, before a byline's title:

    >>> lead_marks("N本报记者 林一"), lead_marks("No.1 榜单")
    (Marks(level=None, end=1), Marks(level=None, end=0))
    """
    if not line or line[0] not in LEAD_CHARS:
        return NO_MARKS  # (most lines: asked hundreds of times a page)
    return lead_marks_at(line, 0)


def lead_marks_at(text: str, pos: int) -> Marks:
    """Read the marks that start at ``pos`` of ``text``, as ``lead_marks()`` reads a line.

    Where ``text[pos:]`` starts a line of its own: the same marks as
    ``lead_marks(text[pos:])``, ``end`` an offset into ``text``, without
    copying the rest of the text.

    >>> lead_marks_at("图片说明。■ 本报记者 赵六 摄", 5)
    Marks(level=None, end=7)
    """
    if pos >= len(text) or text[pos] not in LEAD_CHARS:
        return Marks(None, pos) if pos else NO_MARKS
    if text[pos] in _GLYPH_LETTERS:
        glyph = _GLYPH_MARK.match(text, pos)
        return Marks(None, glyph.end()) if glyph else Marks(None, pos)
    # ``#`` up to six (the level), blanks, then a run of bullets and the blanks after
    # it: read by hand (a pattern match costs more than the loops on a short prefix)
    n = len(text)
    end = pos
    while end < n and end - pos < _MAX_LEVEL and text[end] == "#":
        end += 1
    level = end - pos or None
    while end < n and text[end] == " ":
        end += 1
    if end < n and text[end] in _BULLETS:
        end += 1
        while end < n and text[end] in _BULLETS:
            end += 1
        while end < n and text[end] == " ":
            end += 1
    return Marks(level, end)
