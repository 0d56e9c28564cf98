"""The compiled build is what a compiled run imports (``nox -s compiled``, ``.ci/run``).

With ``NEWSPARSE_EXPECT_COMPILED=1`` (set by the session that installs the
mypyc wheel and runs the tests against it) the engine modules must be C
extensions and ``model`` plain Python; without it (the ordinary run, from
``src/``) every module must be plain Python, so that a stray ``.so`` left in
the source tree cannot pass for the pure-Python package.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import os

import pytest

# The modules the build hook compiles (pyproject.toml, [tool.hatch.build.targets.wheel.hooks.mypyc]).
COMPILED = [
    "newsparse.chars",
    "newsparse.text",
    "newsparse.page",
    "newsparse.figures.numbers",
    "newsparse.figures.quantities",
    "newsparse.figures.units",
    "newsparse.figures.vocab",
    "newsparse.figures.dates",
    "newsparse.figures.date_forms",
    "newsparse.figures.date_resolve",
    "newsparse.figures.solar_terms",
    "newsparse.layout.lines",
    "newsparse.layout.headings",
    "newsparse.layout.bylines",
    "newsparse.layout.captions",
    "newsparse.layout.columns",
    "newsparse.layout.headlines",
    "newsparse.layout.marks",
    "newsparse.layout.reflow",
    "newsparse.layout.dedup",
    "newsparse.layout.summaries",
    "newsparse.layout.vocab",
    "newsparse.layout.furniture",
    "newsparse.layout.unwrap",
    "newsparse.layout.assemble",
]
INTERPRETED = ["newsparse.model", "newsparse.batch", "newsparse.cli"]
EXPECT_COMPILED = os.environ.get("NEWSPARSE_EXPECT_COMPILED") == "1"


def _is_extension(name: str) -> bool:
    origin = importlib.import_module(name).__file__ or ""
    return origin.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


@pytest.mark.parametrize("name", COMPILED)
def test_engine_module_kind(name: str) -> None:
    assert _is_extension(name) is EXPECT_COMPILED


@pytest.mark.parametrize("name", INTERPRETED)
def test_interpreted_modules_stay_python(name: str) -> None:
    assert not _is_extension(name)
