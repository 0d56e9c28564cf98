"""The performance record: one table of throughput against the installed anchors.

Runs, on the same page texts, ``parse_page`` (the whole pipeline),
``extract_quantities`` (the figures alone), ``extract_dates``, and the anchors
that are installed: JioNLP's money extraction (``jionlp.ner.extract_money``),
cn2an's numeral transform (``cn2an.transform(text, "cn2an")``) and Microsoft
Recognizers-Text (``recognize_number`` in Chinese). An anchor that is not
installed is skipped with a note. Prints one Markdown table: characters per
second, pages per second, and the ratio of each row to JioNLP's money
extraction (higher is faster). The last line checks the goal: ``parse_page``
at least 3 times as fast as JioNLP's money extraction alone.

    python benchmarks/bench_all.py            # best of 9 interleaved rounds
    python benchmarks/bench_all.py --repeat 2 --pages 3

Pages come from ``../shared/corpus/*.txt`` beside the repository, else the
bundled sample page. ``pip install jionlp cn2an recognizers-text-suite`` for
the anchors (``newsparse[bench]`` installs JioNLP).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import platform
import sys
import time
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

import newsparse
from newsparse.sample import sample_text

if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
GOAL = 3.0  # parse_page must be this many times as fast as JioNLP's money extraction


def page_texts(limit: int | None) -> tuple[str, list[str]]:
    if CORPUS.is_dir():
        texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
        if texts:
            return f"{len(texts[:limit])} corpus pages", texts[:limit]
    return "the bundled sample page", [sample_text()]


def _quiet_import(name: str) -> object | None:
    """Import an anchor without its banner on stdout; None when not installed."""
    try:
        with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return __import__(name)
    except Exception:  # noqa: BLE001 - any failure to import means "not installed"
        return None


def anchors() -> tuple[dict[str, Callable[[str], object]], list[str]]:
    """The anchor functions that are installed, and notes on those that are not."""
    found: dict[str, Callable[[str], object]] = {}
    notes: list[str] = []
    jio = _quiet_import("jionlp")
    if jio is not None:
        extract_money = jio.ner.extract_money  # type: ignore[attr-defined]
        found["jionlp.ner.extract_money"] = extract_money
    else:
        notes.append("jionlp not installed: `pip install jionlp` (the reference row)")
    cn2an = _quiet_import("cn2an")
    if cn2an is not None:

        def transform(text: str) -> object:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # a UserWarning per failed match
                return cn2an.transform(text, "cn2an")  # type: ignore[attr-defined]

        found["cn2an.transform"] = transform
    else:
        notes.append("cn2an not installed")
    suite = _quiet_import("recognizers_suite")
    if suite is not None:
        culture = suite.Culture.Chinese  # type: ignore[attr-defined]

        def recognize(text: str) -> object:
            return suite.recognize_number(text, culture)  # type: ignore[attr-defined]

        found["recognizers recognize_number (zh)"] = recognize
    else:
        notes.append("Recognizers-Text not installed: `pip install recognizers-text-suite`")
    return found, notes


def best_times(
    rows: dict[str, Callable[[str], object]], texts: list[str], repeat: int
) -> dict[str, float]:
    """Best wall time of each function over all the texts, rounds interleaved.

    Every round runs each function once over all the texts, so that a change
    in the machine's load during the run weighs on every row alike and the
    ratios stay comparable. One warm-up round first.
    """
    for fn in rows.values():
        for text in texts:
            fn(text)
    best = dict.fromkeys(rows, float("inf"))
    for _ in range(repeat):
        for name, fn in rows.items():
            t0 = time.perf_counter()
            for text in texts:
                fn(text)
            best[name] = min(best[name], time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=9, help="rounds; the best one counts")
    ap.add_argument("--pages", type=int, default=None, help="use at most this many pages")
    args = ap.parse_args(argv)

    source, texts = page_texts(args.pages)
    chars = sum(map(len, texts))
    rows: dict[str, Callable[[str], object]] = {
        "newsparse.parse_page": newsparse.parse_page,
        "newsparse.extract_quantities": newsparse.extract_quantities,
        "newsparse.extract_dates": newsparse.extract_dates,
    }
    found, notes = anchors()
    rows.update(found)

    print(
        f"{source}, {chars:,} characters; python {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} CPUs; newsparse {newsparse.__version__}"
    )
    print()
    times = best_times(rows, texts, args.repeat)
    ref_name = "jionlp.ner.extract_money"
    ref = times.get(ref_name)
    print("| function | chars/s | pages/s | x jionlp money |")
    print("| --- | ---: | ---: | ---: |")
    for name, seconds in times.items():
        ratio = f"{ref / seconds:.2f}" if ref else "n/a"
        print(f"| `{name}` | {chars / seconds:,.0f} | {len(texts) / seconds:,.1f} | {ratio} |")
    print()
    for note in notes:
        print(f"note: {note}")
    if ref is None:
        print("goal not checked: jionlp is not installed")
        return 0
    speedup = ref / times["newsparse.parse_page"]
    verdict = "met" if speedup >= GOAL else "NOT met"
    print(
        f"parse_page is {speedup:.2f}x as fast as jionlp money extraction (goal {GOAL}x: {verdict})"
    )
    return 0 if speedup >= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
