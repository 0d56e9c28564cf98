"""parse_bag on a real dask.distributed LocalCluster (two worker processes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from newsparse.batch import PageFailure, PageResult  # noqa: E402
from newsparse.distributed import parse_bag  # noqa: E402
from newsparse.io import parse_file  # noqa: E402
from newsparse.sample import sample_text  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def _inputs(tmp_path: Path) -> list[Path]:
    paths = []
    for i in range(6):
        p = tmp_path / f"p{i}.txt"
        p.write_text(f"第{i}版\n\n{sample_text()}", encoding="utf-8")
        paths.append(p)
    paths += sorted(CORPUS.glob("*.txt"))[:2] if CORPUS.is_dir() else []
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xff")
    return [*paths[:3], bad, *paths[3:], tmp_path / "missing.txt"]


def test_parse_bag_on_a_local_cluster_equals_local_parsing(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        bag = parse_bag(inputs, npartitions=4)
        results = bag.compute()
        dicts = bag.filter(lambda r: r.ok).map(lambda r: r.page.to_dict()).compute()
        workers = client.run(lambda: True)
    assert len(workers) == 2
    assert [r.path for r in results] == [p.as_posix() for p in inputs]
    pages = [r for r in results if isinstance(r, PageResult)]
    failures = [r for r in results if isinstance(r, PageFailure)]
    assert [f.kind.value for f in failures] == ["decode", "read"]
    for result in pages:
        local = parse_file(result.path)
        assert result.page == local
    assert [json.dumps(d, ensure_ascii=False) for d in dicts] == [
        json.dumps(r.page.to_dict(), ensure_ascii=False) for r in pages
    ]
