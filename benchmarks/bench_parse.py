"""Parse throughput and peak memory of newsparse on the golden corpus pages.

    python benchmarks/bench_parse.py [--repeat N] [--corpus DIR] [--json]

Times ``parse_page()`` (characters/s, pages/s) and ``extract_quantities()``
(characters/s) over every page of ``../shared/corpus`` (beside the
repository), or over the bundled sample page when the corpus is absent, and
measures the peak memory of one ``parse_page()`` call per page with
tracemalloc. Each measurement is the best of N repetitions.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
import tracemalloc
from pathlib import Path

import newsparse
from newsparse.sample import sample_text

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def load_pages(corpus: Path) -> tuple[str, list[str]]:
    files = sorted(corpus.glob("*.txt")) if corpus.is_dir() else []
    if files:
        return str(corpus), [f.read_text(encoding="utf-8") for f in files]
    return "bundled sample page", [sample_text()]


def best_of(repeat: int, func, pages: list[str]) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in pages:
            func(text)
        best = min(best, time.perf_counter() - start)
    return best


def peak_memory(pages: list[str]) -> int:
    peak = 0
    for text in pages:
        tracemalloc.start()
        newsparse.parse_page(text)
        peak = max(peak, tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    return peak


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5, help="repetitions (best is kept)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of *.txt pages")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(argv)
    source, pages = load_pages(args.corpus)
    chars = sum(len(p) for p in pages)
    for text in pages:  # warm up: imports, compiled patterns
        newsparse.parse_page(text)
        newsparse.extract_quantities(text)
    parse_s = best_of(args.repeat, newsparse.parse_page, pages)
    figures_s = best_of(args.repeat, newsparse.extract_quantities, pages)
    peak = peak_memory(pages)
    result = {
        "source": source,
        "pages": len(pages),
        "chars": chars,
        "repeat": args.repeat,
        "parse_chars_per_s": chars / parse_s,
        "parse_pages_per_s": len(pages) / parse_s,
        "parse_ms_per_page": 1000 * parse_s / len(pages),
        "figures_chars_per_s": chars / figures_s,
        "peak_memory_mib": peak / 2**20,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "newsparse": newsparse.__version__,
    }
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"input: {source} ({len(pages)} pages, {chars} chars), best of {args.repeat}")
    print(f"{'benchmark':24} {'chars/s':>12} {'pages/s':>10} {'ms/page':>9} {'peak MiB':>9}")
    print(
        f"{'parse_page()':24} {result['parse_chars_per_s']:12,.0f} "
        f"{result['parse_pages_per_s']:10.1f} {result['parse_ms_per_page']:9.2f} "
        f"{result['peak_memory_mib']:9.2f}"
    )
    print(f"{'extract_quantities()':24} {result['figures_chars_per_s']:12,.0f}")
    print(f"python {result['python']} on {result['machine']}, newsparse {result['newsparse']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
