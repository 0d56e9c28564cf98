"""Word lists of the figures: data only, no logic.

Numeral characters, unit and measure words that have context rules,
approximation words, date words: each list is documented with what it
stands for, and the modules of [`newsparse.figures`][newsparse.figures] import them from
here.

>>> isinstance(__all__, list)
True
"""

from __future__ import annotations

__all__: list[str] = []

# ----------------------------------------------------------------------------- numbers

# ----------------------------------------------------------------------------- quantities

# ----------------------------------------------------------------------------- dates
