"""The walk of an exception's chain, shared by the entry point and the command.

It imports nothing: ``newsparse.__main__`` loads it before it takes over the
signals, in a moment, and before the parsers (whose loading it guards) load.
"""

from __future__ import annotations


def raised_from(exc: BaseException, kind: type[BaseException]) -> bool:
    """Whether ``exc`` is a ``kind``, or was raised from one or while one was handled.

    Python 3.11 wraps what a descriptor's ``__set_name__`` raises in a
    ``RuntimeError`` (``Error calling __set_name__``), and an enum class runs
    one for each member as it is created: a signal that lands there, while
    the parsers load or a module loads during the run, reaches the command
    as that ``RuntimeError``, the interrupt as its cause.

    >>> class Stop(BaseException): ...
    >>> raised_from(Stop(), Stop)
    True
    >>> try:
    ...     try:
    ...         raise Stop
    ...     except Stop as cause:
    ...         raise RuntimeError("Error calling __set_name__") from cause
    ... except RuntimeError as wrapped:
    ...     raised_from(wrapped, Stop), raised_from(RuntimeError("other"), Stop)
    (True, False)
    """
    seen: set[int] = set()
    link: BaseException | None = exc
    while link is not None and id(link) not in seen:  # a chain may loop back
        if isinstance(link, kind):
            return True
        seen.add(id(link))
        link = link.__cause__ or link.__context__
    return False
