"""Deprecated alias of ``newsparse.layout.reflow``, kept for one release (removed in 0.3).

Import from ``newsparse.layout.reflow`` (or from ``newsparse`` itself) instead; this
module re-exports the public names of that module and nothing else.

>>> import newsparse.layout.reflow as new
>>> all(globals()[name] is getattr(new, name) for name in __all__)
True
"""

from newsparse.layout.reflow import *  # noqa: F403
from newsparse.layout.reflow import __all__  # noqa: F401 - the names re-exported above
