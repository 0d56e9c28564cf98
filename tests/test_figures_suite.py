"""The external quantity suite (721 cases from Recognizers-Text, JioNLP, cn2an) as a gate.

Runs the scorer of ``../shared/benchmarks/score_suite.py`` in-process on
``extract_quantities`` and holds the overall "full" F1 (value, unit and
approximation all right) above the floor measured when the rules were written.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from types import ModuleType

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SCORER = SHARED / "benchmarks" / "score_suite.py"
SUITE = SHARED / "benchmarks" / "quantities"

# Measured 0.998 (all), 0.997 (qty), 0.999 (bare); the floor leaves a small margin.
FLOOR_ALL = 0.97
FLOOR_QTY = 0.96

pytestmark = pytest.mark.skipif(
    not SCORER.is_file() or not SUITE.is_dir(),
    reason="../shared/benchmarks (score_suite.py and quantities/*.jsonl) is not beside the repo",
)


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("newsparse_score_suite", SCORER)
    assert spec is not None
    assert spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def result() -> dict:  # type: ignore[type-arg]
    mod = _scorer()
    files = mod.load_suite(str(SUITE / "*.jsonl"))
    assert sum(len(c) for c in files.values()) == 721
    with contextlib.redirect_stdout(io.StringIO()):
        return mod.run_impl(mod.NewsparseAdapter(), files, 0)  # type: ignore[no-any-return]


def test_suite_overall_full_f1(result: dict) -> None:  # type: ignore[type-arg]
    overall = result["overall"]
    assert overall["all"]["errors"] == 0
    assert overall["all"]["full"]["f1"] >= FLOOR_ALL
    assert overall["qty"]["full"]["f1"] >= FLOOR_QTY


def test_suite_no_file_collapses(result: dict) -> None:  # type: ignore[type-arg]
    for name, views in result["files"].items():
        assert views["all"]["full"]["f1"] >= 0.9, name


# ----------------------------------------------------------------------------- more sets
# Each floor is the score measured when the rules were written, rounded down,
# less a small margin; raise it when the rules improve, never lower it silently.

SUITE_2 = SHARED / "benchmarks" / "quantities-2"
# NeMo text-processing cases: measured 1.000 (all and qty, full F1) in issue 12.
FLOOR_2_ALL = 0.98
FLOOR_2_QTY = 0.97
# The 721 cases above: measured 0.999 (all) in issue 12; the issue holds them at 0.99.
FLOOR_721_ALL = 0.99
RMRB = SHARED / "corpus" / "rmrb"
QUANTITY_SCORER = SHARED / "corpus" / "score_quantities.py"
# 人民日报 pages as PDF extractions: strict F1 measured 0.993 in issue 12.
FLOOR_RMRB_STRICT = 0.98


def test_suite_721_holds_the_issue_floor(result: dict) -> None:  # type: ignore[type-arg]
    assert result["overall"]["all"]["full"]["f1"] >= FLOOR_721_ALL


@pytest.mark.skipif(not SUITE_2.is_dir(), reason="../shared/benchmarks/quantities-2 is absent")
def test_quantities_2_suite_holds_its_floor() -> None:
    mod = _scorer()
    files = mod.load_suite(str(SUITE_2 / "*.jsonl"))
    assert sum(len(c) for c in files.values()) == 592
    with contextlib.redirect_stdout(io.StringIO()):
        res = mod.run_impl(mod.NewsparseAdapter(), files, 0)
    overall = res["overall"]
    assert overall["all"]["errors"] == 0
    assert overall["all"]["full"]["f1"] >= FLOOR_2_ALL
    assert overall["qty"]["full"]["f1"] >= FLOOR_2_QTY


@pytest.mark.skipif(
    not QUANTITY_SCORER.is_file() or not RMRB.is_dir(),
    reason="../shared/corpus/rmrb and score_quantities.py are absent",
)
def test_rmrb_quantities_hold_their_floor() -> None:
    import json

    spec = importlib.util.spec_from_file_location("newsparse_score_quantities", QUANTITY_SCORER)
    assert spec is not None
    assert spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert mod.main([str(RMRB), "--json"]) == 0
    scores = json.loads(out.getvalue())
    assert scores["pages"] >= 8
    assert scores["strict"]["f"] >= FLOOR_RMRB_STRICT
