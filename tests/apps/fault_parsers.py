"""Parsers that misbehave on purpose, for the fault tests of the batch runner.

They are passed as ``parser=`` to ``parse_many`` / ``run_batch``; worker
processes import this module by name (the tests put its folder on
``sys.path``, which the workers inherit). A page misbehaves only when its
text holds the marker; every other page is parsed normally.
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING

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
