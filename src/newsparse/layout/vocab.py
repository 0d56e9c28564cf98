"""Word lists of the layout engine: data only, no logic.

Titles of reporters, dateline words, column and furniture words, role
marks: each list is documented with where it comes from in print, and the
modules of [`newsparse.layout`][newsparse.layout] import them from here.

>>> isinstance(__all__, list)
True
"""

from __future__ import annotations

__all__: list[str] = []

# ------------------------------------------------------------------- lines, headings, assembly

# ------------------------------------------------------------------- bylines, datelines, credits

# ------------------------------------------------------------------- furniture, edition lines
