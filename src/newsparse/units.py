"""Deprecated alias of ``newsparse.figures.units``, kept for one release (removed in 0.3).

Import from ``newsparse.figures.units`` (or from ``newsparse`` itself) instead; this
module re-exports the public names of that module and nothing else.

>>> import newsparse.figures.units as new
>>> all(globals()[name] is getattr(new, name) for name in __all__)
True
"""

from newsparse.figures.units import *  # noqa: F403
from newsparse.figures.units import __all__  # noqa: F401 - the names re-exported above
