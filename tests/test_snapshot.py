"""The output snapshot gate: every public output is what ``tests/snapshot/digests.json`` records.

A refactor or a speed-up must leave every digest unchanged; a change of
behaviour rewrites them on purpose (``python tools/snapshot.py update``) and
names the changed outputs in its commit. Cases read ``../shared``; without
it only the bundled pages are compared.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

TOOL = Path(__file__).resolve().parents[1] / "tools" / "snapshot.py"


def _tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("newsparse_snapshot", TOOL)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_every_output_matches_the_snapshot() -> None:
    tool = _tool()
    stored = json.loads(tool.DIGESTS.read_text(encoding="utf-8"))
    now = tool.compute()
    assert len(now) >= 100
    changed = tool.differences(stored, now)
    assert not changed, f"{len(changed)} outputs changed, e.g. {changed[:20]}"


def test_the_comparison_sees_a_changed_output() -> None:
    tool = _tool()
    assert tool.differences({"a": "1", "b": "2"}, {"a": "1", "b": "3"}) == ["b"]
    assert tool.differences({}, {"a": "1"}) == ["a"]
