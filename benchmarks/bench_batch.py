"""Parallel paths: pages/s and the parent's CPU time per page, and Dask's overhead.

For each way of parsing many pages in parallel, runs it in this process over
a folder of pages and prints: wall time, pages per second, the CPU time of
the parent (this process: dispatching pages, moving the workers' bytes,
writing them; ``resource.getrusage(RUSAGE_SELF)``) and of the workers
(``RUSAGE_CHILDREN``), per page. The parent should stay a small fraction
of a page's parse time, so that throughput grows with the workers.

The paths: ``run_batch`` (what ``newsparse batch`` runs) with 1 and 2
worker processes; the ``newsparse batch`` command itself (``cli.main`` in
this process: its file search included); ``parse_many`` returning ``Page``
objects; ``parse_many_json`` returning JSON lines; and, with the ``[dask]``
extra, ``parse_bag`` on a local cluster of worker processes with the
results reduced on the workers (the parent is the client; the cluster and
its scheduler run in a process of their own, as on a real cluster).

``--dask`` also measures Dask's overhead: the same pages parsed by
``parse_bag`` on N worker processes (results kept on the workers, one
number per partition back), against the same partitions parsed by N plain
processes one after the other (``parse_partition`` in a process pool):
overhead = Dask's wall time / the plain wall time - 1. The worker
processes are started and warmed (newsparse imported) before the clock
starts, for both. It also shows where Dask's time goes, in CPU seconds a
run (less sensitive to the machine's load than wall time): its worker
processes against the plain ones, and the cluster's own process (the
scheduler and the nannies), and, split by thread inside each task
(``time.thread_time()`` against ``time.process_time()``), the CPU of the
parsing itself against what the rest of the worker's process used
meanwhile (Dask's event loop, heartbeats, profiler): the split that a
loaded machine disturbs least.

    python benchmarks/bench_batch.py                   # 300 pages, best of 3
    python benchmarks/bench_batch.py --pages 600 --repeat 5 --dask

Pages come from ``../shared/corpus/*.txt`` beside the repository (repeated
up to ``--pages``), or from the bundled sample page when the corpus is
absent. The numbers depend on the machine and on its load: compare runs
made one after the other. Each column is the best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsparse import batch, cli
from newsparse.sample import sample_text

if TYPE_CHECKING:
    from collections.abc import Callable

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


def _measure(run: Callable[[], int]) -> tuple[float, float, float]:
    """Wall seconds, parent CPU seconds and worker CPU seconds of ``run()``, which must count."""
    parent0, children0 = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run()
    wall = time.perf_counter() - start
    return wall, _cpu(resource.RUSAGE_SELF) - parent0, _cpu(resource.RUSAGE_CHILDREN) - children0


def _fresh(out: Path) -> Path:
    """``out``, with a previous run's output removed (its deletion is not this run's work)."""
    out.unlink(missing_ok=True)
    batch.errors_path(out).unlink(missing_ok=True)
    return out


def _paths(pages: list[Path], out: Path, has_timeout: bool) -> list[tuple[str, Callable[[], int]]]:
    """The configurations: a name and a function that parses every page once."""
    n = len(pages)

    def run_batch(**kwargs: Any) -> Callable[[], int]:
        def go() -> int:
            summary = batch.run_batch(pages, _fresh(out), **kwargs)
            assert summary.written == n, summary
            return n

        return go

    def command() -> int:
        args = ["batch", str(pages[0].parent), "-o", str(_fresh(out)), "--jobs", "2"]
        assert cli.main(args) == 0
        return n

    def many() -> int:
        assert sum(r.ok for r in batch.parse_many(pages, processes=2)) == n
        return n

    def many_json() -> int:
        assert sum(r.ok for r in batch.parse_many_json(pages, processes=2)) == n  # type: ignore[attr-defined]
        return n

    configs: list[tuple[str, Callable[[], int]]] = [
        ("in-process", run_batch(processes=1, **({"timeout": None} if has_timeout else {}))),
    ]
    if has_timeout:  # before the time limit, processes=1 meant in-process
        configs.append(("run_batch, 1 worker", run_batch(processes=1)))
    configs += [
        ("run_batch, 2 workers", run_batch(processes=2)),
        ("newsparse batch -j 2", command),
        ("parse_many, 2 workers", many),
    ]
    if hasattr(batch, "parse_many_json"):
        configs.append(("parse_many_json, 2", many_json))
    return configs


def _table(pages: list[Path], out: Path, repeat: int) -> None:
    has_timeout = "timeout" in batch.run_batch.__code__.co_varnames
    head = f"{'path':<24} {'wall s':>7} {'pages/s':>8} {'parent ms/page':>15}"
    print(f"{head} {'workers ms/page':>16}")
    n = len(pages)
    for name, run in _paths(pages, out, has_timeout):
        runs = [_measure(run) for _ in range(repeat)]
        wall, parent, workers = (min(r[k] for r in runs) for k in range(3))  # each the best
        print(
            f"{name:<24} {wall:>7.2f} {n / wall:>8.1f} {1000 * parent / n:>15.3f} "
            f"{1000 * workers / n:>16.3f}"
        )


def _articles(result: Any) -> int:
    return len(result.page.articles) if result.ok else 0


def _plain_partition(paths: list[str]) -> int:
    from newsparse.distributed import parse_partition  # noqa: PLC0415 - in the pool's process

    return sum(_articles(r) for r in parse_partition(paths))


def _timed_partition(paths: list[str]) -> tuple[float, float]:
    """Parse a partition: the CPU seconds of this thread, and of its whole process, meanwhile."""
    from newsparse.distributed import parse_partition  # noqa: PLC0415 - in the worker

    thread, process = time.thread_time(), time.process_time()
    parse_partition(paths)
    return time.thread_time() - thread, time.process_time() - process


def _split(name: str, results: list[tuple[float, float]]) -> str:
    """One line: the parsing threads' CPU, and what the rest of their processes used meanwhile."""
    thread = sum(t for t, _ in results)
    rest = sum(p for _, p in results) - thread
    return (
        f"  {name}: parsing threads {thread:.2f} s CPU, "
        f"the rest of their processes {rest:.2f} s ({100 * rest / thread:+.1f} %)"
    )


def _warm(_: object = None) -> int:
    import newsparse.distributed  # noqa: PLC0415, F401 - what the Dask workers import too

    return os.getpid()


_CLUSTER = """\
import sys
import dask
from dask.distributed import LocalCluster
if sys.argv[2] == "quiet":  # no sampling profiler, no GIL monitor in the workers
    dask.config.set({"distributed.worker.profile.enabled": False,
                     "distributed.admin.system-monitor.gil.enabled": False})
cluster = LocalCluster(n_workers=int(sys.argv[1]), threads_per_worker=1, processes=True,
                       dashboard_address=":0")
print(cluster.scheduler_address, flush=True)
sys.stdin.read()  # until the benchmark closes the pipe
cluster.close()
"""
"""A local cluster in a process of its own: the scheduler's work is not the client's."""


def _cpu_of(pids: list[int]) -> float:
    """CPU seconds (user and system) the processes ``pids`` have used so far."""
    import psutil  # noqa: PLC0415 - comes with the [dask] extra

    total = 0.0
    for pid in pids:
        times = psutil.Process(pid).cpu_times()
        total += times.user + times.system
    return total


def _cluster_pids(host: int) -> tuple[list[int], list[int]]:
    """The cluster's own process (scheduler, nannies) and its worker processes."""
    import psutil  # noqa: PLC0415 - comes with the [dask] extra

    return [host], [p.pid for p in psutil.Process(host).children(recursive=True)]


def _dask(pages: list[Path], repeat: int, processes: int, *, quiet: bool) -> None:
    """Dask's overhead against plain processes, and the client's CPU per page."""
    try:
        from dask.distributed import Client  # noqa: PLC0415
    except ImportError:
        print("dask: not installed (the [dask] extra), skipped")
        return
    from newsparse.distributed import parse_bag  # noqa: PLC0415

    keys = [p.as_posix() for p in pages]
    parts = processes * max(1, round(len(keys) / 64 / processes))  # whole rounds of partitions
    size = -(-len(keys) // parts)
    chunks = [keys[i : i + size] for i in range(0, len(keys), size)]
    n = len(keys)
    with concurrent.futures.ProcessPoolExecutor(processes) as pool:
        list(pool.map(_warm, range(processes * 2)))
        pool_pids = list(pool._processes)  # noqa: SLF001 - a benchmark's look at its own pool
        before = _cpu_of(pool_pids)
        plain = [_measure(lambda: sum(pool.map(_plain_partition, chunks))) for _ in range(repeat)]
        plain_cpu = (_cpu_of(pool_pids) - before) / repeat
        plain_split = list(pool.map(_timed_partition, chunks))
    host = subprocess.Popen(
        [sys.executable, "-c", _CLUSTER, str(processes), "quiet" if quiet else "default"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert host.stdout is not None
    assert host.stdin is not None
    try:
        address = host.stdout.readline().strip()
        with Client(address) as client:
            client.run(_warm)
            bag = parse_bag(keys, npartitions=len(chunks))

            def on_dask() -> int:
                return int(bag.map(_articles).sum().compute())

            own, workers = _cluster_pids(host.pid)
            own0, workers0 = _cpu_of(own), _cpu_of(workers)
            on = [_measure(on_dask) for _ in range(repeat)]
            own_cpu = (_cpu_of(own) - own0) / repeat
            workers_cpu = (_cpu_of(workers) - workers0) / repeat
            dask_split = client.gather(client.map(_timed_partition, chunks, pure=False))
    finally:
        host.stdin.close()
        host.wait(timeout=60)
    best_plain = min(w for w, _, _ in plain)
    best_dask = min(w for w, _, _ in on)
    print(
        f"dask{' (quiet workers)' if quiet else ''}, {processes} worker processes, "
        f"{len(chunks)} partitions: "
        f"plain {best_plain:.2f} s, dask {best_dask:.2f} s, "
        f"overhead {100 * (best_dask / best_plain - 1):+.1f} %, "
        f"client CPU {1000 * min(c for _, c, _ in on) / n:.3f} ms/page"
    )
    print(
        f"  CPU s a run: plain workers {plain_cpu:.2f}; dask workers {workers_cpu:.2f}, "
        f"scheduler and nannies {own_cpu:.2f}: "
        f"{100 * ((workers_cpu + own_cpu) / plain_cpu - 1):+.1f} % CPU"
    )
    print(_split("plain", plain_split))
    print(_split("dask", dask_split))


def main() -> None:
    """Print one row per path, then Dask's overhead if asked."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--dask", action="store_true", help="measure Dask's overhead too")
    ap.add_argument("--only-dask", action="store_true", help="only Dask's overhead")
    ap.add_argument("--processes", type=int, default=2, help="worker processes for --dask")
    args = ap.parse_args()
    texts = _texts()
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        pages = []
        for i in range(args.pages):
            page = folder / f"p{i:05d}.txt"
            page.write_text(texts[i % len(texts)], encoding="utf-8")
            pages.append(page)
        chars = sum(len(texts[i % len(texts)]) for i in range(args.pages))
        print(f"{args.pages} pages, {chars / args.pages:,.0f} characters a page")
        if not args.only_dask:
            _table(pages, Path(tmp) / "out.jsonl", args.repeat)
        if args.dask or args.only_dask:
            _dask(pages, args.repeat, args.processes, quiet=False)
            _dask(pages, args.repeat, args.processes, quiet=True)
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
