"""``parse_many_json``: the results of ``parse_many`` as the JSON lines ``run_batch`` writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsparse.batch import PageRecord, parse_many, parse_many_json, run_batch
from newsparse.sample import sample_text


def _inputs(tmp_path: Path, n: int) -> list[Path]:
    text = sample_text()
    paths = []
    for i in range(n):
        page = tmp_path / f"p{i:02d}.txt"
        page.write_text(f"第{i}版\n\n{text}", encoding="utf-8")
        paths.append(page)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xff\x00\xd8")
    paths.insert(2, bad)
    paths.append(tmp_path / "missing.txt")
    return paths


@pytest.mark.parametrize("processes", [1, 2])
def test_the_records_are_the_lines_of_the_batch_and_the_results_of_parse_many(
    tmp_path: Path, processes: int
) -> None:
    inputs = _inputs(tmp_path, 6)
    out = tmp_path / "out.jsonl"
    run_batch(inputs, out, processes=processes, timeout=None if processes == 1 else 60)
    records = list(parse_many_json(inputs, processes=processes))
    assert all(isinstance(r, PageRecord) for r in records)
    assert [r.path for r in records] == [p.as_posix() for p in inputs]
    good = b"".join(r.line for r in records if r.ok)
    assert good == out.read_bytes()
    bad = b"".join(r.line for r in records if not r.ok)
    assert bad == (tmp_path / "out.errors.jsonl").read_bytes()
    results = list(parse_many(inputs, processes=processes))
    assert [r.ok for r in records] == [r.ok for r in results]
    assert [r.to_dict() for r in records] == [
        json.loads(json.dumps(r.to_dict(), ensure_ascii=False)) for r in results
    ]


def test_a_time_limit_gives_a_timeout_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(Path(__file__).parent))
    import fault_parsers

    inputs = _inputs(tmp_path, 2)
    inputs[1].write_text(f"{fault_parsers.SLOW}\n\n{sample_text()}", encoding="utf-8")
    records = list(parse_many_json(inputs, processes=2, timeout=2, parser=fault_parsers.slow))
    kinds = [r.to_dict().get("error") for r in records]
    assert kinds == [None, "timeout", "decode", "read"]
