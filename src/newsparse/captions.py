"""Deprecated alias of ``newsparse.layout.captions``, kept for one release (removed in 0.3).

Import from ``newsparse.layout.captions`` (or from ``newsparse`` itself) instead; this
module re-exports the public names of that module and nothing else.

>>> import newsparse.layout.captions as new
>>> all(globals()[name] is getattr(new, name) for name in __all__)
True
"""

from newsparse.layout.captions import *  # noqa: F403
from newsparse.layout.captions import __all__  # noqa: F401 - the names re-exported above
