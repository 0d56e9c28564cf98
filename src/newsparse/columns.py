"""Deprecated alias of ``newsparse.layout.columns``, kept for one release (removed in 0.3).

Import from ``newsparse.layout.columns`` (or from ``newsparse`` itself) instead; this
module re-exports the public names of that module and nothing else.

>>> import newsparse.layout.columns as new
>>> all(globals()[name] is getattr(new, name) for name in __all__)
True
"""

from newsparse.layout.columns import *  # noqa: F403
from newsparse.layout.columns import __all__  # noqa: F401 - the names re-exported above
