"""Deprecated alias of ``newsparse.figures.numbers``, kept for one release (removed in 0.3).

Import from ``newsparse.figures.numbers`` (or from ``newsparse`` itself) instead; this
module re-exports the public names of that module and nothing else.

>>> import newsparse.figures.numbers as new
>>> all(globals()[name] is getattr(new, name) for name in __all__)
True
"""

from newsparse.figures.numbers import *  # noqa: F403
from newsparse.figures.numbers import __all__  # noqa: F401 - the names re-exported above
