"""Parsers that misbehave on purpose, for the fault tests of the batch runner.

They are passed as ``parser=`` to ``parse_many`` / ``run_batch``; worker
processes import this module by name (the tests put its folder on
``sys.path``, which the workers inherit). A page misbehaves only when its
text holds the marker; every other page is parsed normally.
"""

from __future__ import annotations

import os
import time
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsparse.page import parse_page

if TYPE_CHECKING:
    import datetime as dt

    from newsparse.model import Page

SLOW = "【慢】"
POISON = "【毒】"
NOISY = "【吵】"


def slow(text: str, *, date: dt.date | None = None, max_chars: int | None = None) -> Page:
    """Hang (for ten minutes) on a page with :data:`SLOW`, like a pathological input."""
    if SLOW in text:
        time.sleep(600)
    return parse_page(text, date=date, max_chars=max_chars)


def poison(text: str, *, date: dt.date | None = None, max_chars: int | None = None) -> Page:
    """Kill the worker process on a page with :data:`POISON`, like a crash in C code."""
    if POISON in text:
        os._exit(7)
    return parse_page(text, date=date, max_chars=max_chars)


def noisy(text: str, *, date: dt.date | None = None, max_chars: int | None = None) -> Page:
    """Print to stdout (a parser that should not, but might) before parsing."""
    if NOISY in text:
        print("debug output that must not reach the batch output")  # noqa: T201
    return parse_page(text, date=date, max_chars=max_chars)


SLEEPY = "缓行"
SLEEPY_SECONDS = 1.0


def sleepy(text: str, *, date: dt.date | None = None, max_chars: int | None = None) -> Page:
    """Take :data:`SLEEPY_SECONDS` on a page with :data:`SLEEPY` (a slow page, not a hung one)."""
    if SLEEPY in text:
        time.sleep(SLEEPY_SECONDS)
    return parse_page(text, date=date, max_chars=max_chars)


CALLBACK = "【回调】"
CALLBACK_WAIT = 30.0
READY = "NEWSPARSE_TEST_READY"
"""The environment variable naming the file :func:`in_callback` creates once it waits."""


class _Freed:
    """An object with a weak reference, freed while a page is parsed."""


def in_callback(text: str, *, date: dt.date | None = None, max_chars: int | None = None) -> Page:
    """On a page with :data:`CALLBACK`, wait for a signal inside a weak reference's callback.

    The callback creates the file named by :data:`READY` and sleeps (up to
    :data:`CALLBACK_WAIT` seconds) until a signal handler raises: Python
    cannot raise from a callback, so it hands the exception to
    ``sys.unraisablehook`` and the parse goes on, as when a Ctrl-C lands
    while the interpreter frees an object with a weak reference (a module
    lock, a cache entry) or runs a finalizer.
    """
    if CALLBACK in text:

        def wait(ref: weakref.ref[_Freed]) -> None:
            del ref
            Path(os.environ[READY]).touch()
            deadline = time.monotonic() + CALLBACK_WAIT
            while time.monotonic() < deadline:
                time.sleep(0.01)

        freed = _Freed()
        ref = weakref.ref(freed, wait)
        del freed  # the callback runs here
        del ref
    return parse_page(text, date=date, max_chars=max_chars)


def command_with(parser: str, argv: list[str], *, workers: int | None = None) -> int:
    """Run ``python -m newsparse`` with ``argv``, the pages parsed by this module's ``parser``.

    For the real-process tests of the command: ``newsparse.cli``'s
    ``parse_many`` and ``run_batch`` get ``parser=`` (the command has no
    option for it); everything else is the command as installed. ``workers``
    sets the worker processes of ``parse`` and the table commands (which take
    one per CPU beyond a few files), so that a test has them on any machine.
    """
    # imported here: a worker that imports this module for a parser needs none of them
    import functools
    import sys

    from newsparse import __main__ as entry
    from newsparse import batch, cli

    chosen = globals()[parser]

    def parse_many(*args: Any, **kwargs: Any) -> Any:
        if workers is not None:
            kwargs["processes"] = workers
        return batch.parse_many(*args, parser=chosen, **kwargs)

    cli.parse_many = parse_many
    cli.run_batch = functools.partial(batch.run_batch, parser=chosen)  # type: ignore[assignment]
    sys.argv = ["newsparse", *argv]
    return entry.main()
