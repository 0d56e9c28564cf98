"""Hypothesis profiles, chosen with the ``HYPOTHESIS_PROFILE`` environment variable.

- ``ci`` (the default): few examples, derandomized, so a CI run is fast and
  gives the same verdict every time;
- ``thorough``: many examples and a random seed, for the nox ``fuzz`` session
  and for hunting bugs locally (``HYPOTHESIS_PROFILE=thorough pytest``).

No deadline in either: the parser's time per example depends on the machine.
A test that sets ``max_examples`` in its own ``@settings`` keeps that number.
"""

from __future__ import annotations

import ast
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

if TYPE_CHECKING:
    from collections.abc import Callable

settings.register_profile(
    "ci",
    max_examples=50,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile(
    "thorough",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def _source_docstring(obj: object) -> str | None:
    """The docstring of a function or class, read from its source when ``__doc__`` is gone.

    The compiled build (mypyc) keeps no docstrings on compiled functions and
    classes, but ships each module's ``.py`` beside its extension: the
    docstring is read from there, so the docstring tests check the compiled
    build too. In the pure-Python package ``__doc__`` is always used.
    """
    doc = getattr(obj, "__doc__", None)
    if doc == "mypyc filler docstring":  # what mypyc puts on the classes it builds
        doc = None
    module = sys.modules.get(getattr(obj, "__module__", "") or "")
    origin = getattr(module, "__file__", None)
    if doc or not origin:
        return doc
    source = Path(origin)
    source = source.with_name(source.name.split(".", 1)[0] + ".py")
    if not source.is_file():
        return None
    node: ast.AST = ast.parse(source.read_text(encoding="utf-8"))
    for part in getattr(obj, "__qualname__", "").split("."):
        defs = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
        found = [n for n in ast.iter_child_nodes(node) if isinstance(n, defs) and n.name == part]
        if not found:
            return None
        node = found[0]
    return ast.get_docstring(node, clean=False) if isinstance(node, defs) else None


@pytest.fixture
def source_doc() -> Callable[[object], str | None]:
    """``_source_docstring`` as a fixture (tests in subfolders cannot import conftest)."""
    return _source_docstring
