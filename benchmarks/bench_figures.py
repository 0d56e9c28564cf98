"""Throughput of the figures engine on the corpus pages, beside jionlp and cn2an.

    python benchmarks/bench_figures.py [--repeat N] [--corpus DIR]

Prints characters per second of ``newsparse.extract_quantities`` (and of
``newsparse.extract_dates`` when importable) on the page texts of
``../shared/corpus/*.txt``, then, where installed (the ``bench`` extra), the
same texts through ``jionlp.ner.extract_money`` and ``cn2an.transform``, each
as a ratio to ``extract_quantities``. All timings come from one run.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import time
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import newsparse  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Callable

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"


def throughput(fn: Callable[[str], object], texts: list[str], repeat: int) -> float:
    """Characters per second, best of ``repeat`` passes over ``texts``."""
    chars = sum(len(t) for t in texts)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - t0)
    return chars / best


def others() -> dict[str, Callable[[str], object]]:
    found: dict[str, Callable[[str], object]] = {}
    try:
        import datetime as dt  # noqa: PLC0415

        ref = dt.date(2019, 7, 30)

        def dates(t: str) -> object:
            return newsparse.extract_dates(t, ref)

        dates("2019年7月29日")
        found["newsparse.extract_dates"] = dates
    except Exception:  # noqa: BLE001 (a teammate's module may not take these arguments)
        with contextlib.suppress(Exception):
            newsparse.extract_dates("2019年7月29日")
            found["newsparse.extract_dates"] = newsparse.extract_dates
    try:
        with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import jionlp  # noqa: PLC0415 (optional, heavy: imported only when benchmarked)

        def jio(t: str) -> object:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return jionlp.ner.extract_money(t, with_parsing=True)

        found["jionlp.ner.extract_money"] = jio
    except ImportError:
        print("jionlp not installed (pip install newsparse[bench]): skipped", file=sys.stderr)
    try:
        import cn2an  # noqa: PLC0415 (optional: imported only when benchmarked)

        def c2a(t: str) -> object:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return cn2an.transform(t, "cn2an")

        found["cn2an.transform"] = c2a
    except ImportError:
        print("cn2an not installed: skipped", file=sys.stderr)
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args(argv)
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.corpus.glob("*.txt"))]
    if not texts:
        print(f"no page texts in {args.corpus}", file=sys.stderr)
        return 1
    chars = sum(len(t) for t in texts)
    n_q = sum(len(newsparse.extract_quantities(t)) for t in texts)
    print(f"{len(texts)} pages, {chars} characters, {n_q} quantities")
    base = throughput(newsparse.extract_quantities, texts, args.repeat)
    print(f"{'newsparse.extract_quantities':<32} {base:>12,.0f} chars/s   1.00x")
    for name, fn in others().items():
        fn(texts[0])  # warm up (lazy imports, dictionaries)
        rate = throughput(fn, texts, max(1, args.repeat // 2))
        print(
            f"{name:<32} {rate:>12,.0f} chars/s   {rate / base:.2f}x"
            f"   (extract_quantities is {base / rate:.1f}x as fast)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
