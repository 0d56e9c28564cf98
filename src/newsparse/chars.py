"""Character classes shared by the layout engine and the figures: data only, no logic.

Each name is a ``frozenset`` of characters or a regular-expression class
body (a string to put between ``[`` and ``]``), documented with what it
stands for in print. Modules import them from here instead of writing their
own copies.

>>> "，" in FULL_WIDTH_PUNCTUATION
True
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "ASCII_DIGITS",
    "ASCII_LETTERS",
    "BULLETS",
    "CLAUSE_ENDS",
    "CLOSING_MARKS",
    "DASH_CHARS",
    "EDITION_NUMERALS",
    "FULL_WIDTH_PUNCTUATION",
    "INLINE_BLANKS",
    "LAYOUT_MARKS",
    "NO_LINE_START",
    "OPEN_ENDS",
    "OPEN_HEADLINE_ENDS",
    "POINT_BULLETS",
    "SENTENCE_ENDS",
]

# ----------------------------------------------------------------------------- layout
# (classes used by newsparse.layout)

BULLETS: Final = "■□●○◆◇▲△▼▽★☆◎•·▪▫►▶"
"""Bullet characters printed before column names and intertitles."""

LAYOUT_MARKS: Final = frozenset("#" + BULLETS + "—─―‒–-－:：|/·•*_=~～ ")
"""Characters that carry layout only when a line's rules leave them over: markdown
``#``, bullets, dashes, colons, rules and blanks (a ``markup`` block)."""

EDITION_NUMERALS: Final = "0-9０-９一二三四五六七八九十〇零两"
"""Numerals of a page (edition) number, as a regular-expression class body:
Arabic, full-width and Chinese (``第3版``, ``第３版``, ``第三版``)."""

CLAUSE_ENDS: Final = frozenset("。！？!?…；;：:")
"""Characters that end a clause a paragraph may stop after: sentence ends, semicolons and colons."""

SENTENCE_ENDS: Final = frozenset("。！？!?…；;")
"""Characters that end a sentence (a colon does not: a list or a quote follows it)."""

CLOSING_MARKS: Final = frozenset("”’」』）)】》〉\"'")
"""Closing quotes and brackets, which may follow a sentence end."""

OPEN_ENDS: Final = frozenset("、，,：:“‘「『（(《〈")
"""Characters after which a line cannot end a paragraph: commas, colons, opening marks."""

NO_LINE_START: Final = frozenset("，。、；：？！”’」』）)】》〉,.;:?!%")
"""Characters typesetting never puts at the start of a line (they hang on the line before)."""

OPEN_HEADLINE_ENDS: Final = frozenset("的和与及并或在对为把将从向被以于而且、，,（(“《‘「『")
"""Endings that leave a line open (particles, conjunctions, commas, opening marks):
such a line is no headline of its own."""

POINT_BULLETS: Final = frozenset("●○◆◇")
"""Bullets that mark the points of a key-point box."""

DASH_CHARS: Final = frozenset("—─―‒–-－")
"""Dash characters a kicker or subheadline dash (——) is printed with."""

# ----------------------------------------------------------------------------- figures
# (classes used by newsparse.figures)

INLINE_BLANKS: Final = frozenset(" \t\xa0")
"""Blanks inside a line that may stand inside a figure (``3 000``, ``5 万``)."""
ASCII_LETTERS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
"""Latin letters: next to a number they make a model name or a code (``5G``, ``A4``)."""
ASCII_DIGITS: Final = frozenset("0123456789")
"""The Arabic digits after width folding."""

# ----------------------------------------------------------------------------- shared

FULL_WIDTH_PUNCTUATION: Final = frozenset("，。、；：？！“”‘’（）《》【】…—")
"""Full-width punctuation as Chinese typesetting prints it."""
