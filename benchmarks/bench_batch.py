"""Batch throughput and the parent's share of the work: pages/s and parent CPU ms per page.

Runs :func:`newsparse.batch.run_batch` in this process over a folder of
pages, with 1 and 2 worker processes (and in-process, with no worker), and
prints per run: wall time, pages per second, and the CPU time of the parent
(this process: dispatching pages, reading the workers' lines, writing
them) and of the workers, per page. The parent should stay a small fraction
of a page's parse time, so that throughput grows with the workers.

    python benchmarks/bench_batch.py                  # 400 pages, best of 3
    python benchmarks/bench_batch.py --pages 2000 --repeat 1

Pages come from ``../shared/corpus/*.txt`` beside the repository (repeated
up to ``--pages``), or from the bundled sample page when the corpus is
absent. The numbers depend on the machine and on its load: compare runs
made one after the other.
"""

from __future__ import annotations

import argparse
import inspect
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from newsparse.batch import run_batch
from newsparse.sample import sample_text

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def _texts() -> list[str]:
    if CORPUS.is_dir():
        texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
        if texts:
            return texts
    return [sample_text()]


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _run(pages: list[Path], out: Path, **kwargs: Any) -> tuple[float, float, float]:
    """Wall seconds, parent CPU seconds and worker CPU seconds of one run."""
    parent0, children0 = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    summary = run_batch(pages, out, **kwargs)
    wall = time.perf_counter() - start
    assert summary.written == len(pages), summary
    parent = _cpu(resource.RUSAGE_SELF) - parent0
    return wall, parent, _cpu(resource.RUSAGE_CHILDREN) - children0


def main() -> None:
    """Print one row per configuration."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=400)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = _texts()
    has_timeout = "timeout" in inspect.signature(run_batch).parameters
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pages = []
        for i in range(args.pages):
            page = folder / f"p{i:05d}.txt"
            page.write_text(texts[i % len(texts)], encoding="utf-8")
            pages.append(page)
        chars = sum(len(texts[i % len(texts)]) for i in range(args.pages))
        print(f"{args.pages} pages, {chars / args.pages:,.0f} characters a page")
        head = f"{'run':<22} {'wall s':>7} {'pages/s':>8} {'parent ms/page':>15}"
        print(f"{head} {'workers ms/page':>16}")
        configs: list[tuple[str, dict[str, Any]]] = [
            ("in-process", {"processes": 1, **({"timeout": None} if has_timeout else {})}),
            ("1 worker process", {"processes": 1}),
            ("2 worker processes", {"processes": 2}),
        ]
        for name, kwargs in configs:
            if name == "1 worker process" and not has_timeout:
                continue  # before the time limit, processes=1 meant in-process
            best = min(
                (_run(pages, folder / "out.jsonl", **kwargs) for _ in range(args.repeat)),
                key=lambda r: r[0],
            )
            wall, parent, workers = best
            n = len(pages)
            print(
                f"{name:<22} {wall:>7.2f} {n / wall:>8.1f} {1000 * parent / n:>15.3f} "
                f"{1000 * workers / n:>16.3f}"
            )


if __name__ == "__main__":
    main()
