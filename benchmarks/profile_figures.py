"""Deterministic cost of the figures and dates: Python-level calls a page, by function.

Wall-clock times on a shared machine vary with the load; the number of
function calls ``cProfile`` counts does not. This runs ``extract_quantities``
and ``extract_dates`` (with and without a reference date) once over the
pages and prints, per function, the calls a page and the share of the
profiled own time, most called first.

    python benchmarks/profile_figures.py            # the corpus pages
    python benchmarks/profile_figures.py --top 40 --only dates

Pages come from ``../shared/corpus/*.txt`` beside the repository, else the
bundled sample page (as ``bench_all.py``).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import pstats
import sys
from pathlib import Path

import newsparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_all import page_texts

REF = dt.date(2024, 5, 6)


def _runs() -> dict[str, object]:
    return {
        "quantities": newsparse.extract_quantities,
        "dates": newsparse.extract_dates,
        "dates+ref": lambda t: newsparse.extract_dates(t, REF),
    }


def profile(name: str, fn: object, texts: list[str], top: int) -> None:
    for text in texts:  # warm up: compile what compiles lazily
        fn(text)  # type: ignore[operator]
    prof = cProfile.Profile()
    prof.enable()
    for text in texts:
        fn(text)  # type: ignore[operator]
    prof.disable()
    stats = pstats.Stats(prof)
    rows = stats.stats  # type: ignore[attr-defined]
    pages = len(texts)
    calls = sum(nc for (_, nc, _, _, _) in rows.values())
    own = sum(tt for (_, _, tt, _, _) in rows.values()) or 1.0
    print(f"## {name}: {calls / pages:,.0f} calls a page")
    ordered = sorted(rows.items(), key=lambda kv: (-kv[1][1], kv[0]))
    for (path, line, func), (_, nc, tt, _, _) in ordered[:top]:
        where = f"{Path(path).name}:{line}" if line else path
        print(f"{nc / pages:9,.1f}  {100 * tt / own:5.1f} %  {func}  ({where})")
    print()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=25, help="functions to list")
    ap.add_argument("--pages", type=int, default=None, help="use at most this many pages")
    ap.add_argument("--only", choices=sorted(_runs()), help="one function only")
    args = ap.parse_args(argv)
    source, texts = page_texts(args.pages)
    print(f"{source}, {sum(map(len, texts)):,} characters\n")
    for name, fn in _runs().items():
        if args.only in (None, name):
            profile(name, fn, texts, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
