"""Character classes shared by the layout engine and the figures: data only, no logic.

Each name is a ``frozenset`` of characters or a regular-expression class
body (a string to put between ``[`` and ``]``), documented with what it
stands for in print. Modules import them from here instead of writing their
own copies.

>>> "，" in FULL_WIDTH_PUNCTUATION
True
"""

from __future__ import annotations

__all__ = ["FULL_WIDTH_PUNCTUATION"]

# ----------------------------------------------------------------------------- layout
# (classes used by newsparse.layout)

# ----------------------------------------------------------------------------- figures
# (classes used by newsparse.figures)

# ----------------------------------------------------------------------------- shared

FULL_WIDTH_PUNCTUATION = frozenset("，。、；：？！“”‘’（）《》【】…—")
"""Full-width punctuation as Chinese typesetting prints it."""
