"""Where ``parse_page`` spends its time, stage by stage: CPU time and call counts.

    python benchmarks/profile_stages.py [--repeat N] [--pages N] [--texts DIR]

Runs the stages of ``parse_page`` one after another on the corpus pages
(``../shared/corpus/*.txt`` beside the repository, else the bundled sample
page; ``--texts DIR`` for the ``*.txt`` pages of another folder, such as the
real PDF extractions of ``corpus/rmrb``) and prints, for each stage, the CPU
time a page (``time.process_time``, best of N rounds) and the Python-level
and C-level calls a page, counted with ``sys.setprofile`` (a generator
resumed counts as a call). The counts do not depend on the machine's load:
compare them before and after a change, and the times only within one run.
The figures and the dates that ``build_page`` reads are counted apart from
it.

To compare with another checkout, run the same script with that checkout's
``src`` first on ``PYTHONPATH``.

Instructions of one stage (``--replay STAGE``): each page's inputs to the
stage are computed first, then the stage alone runs ``--rounds`` times on
every page inside one ``functools.reduce`` call, so that callgrind counts
only the stage when it collects inside that call::

    valgrind --tool=callgrind --toggle-collect=functools_reduce \
        python benchmarks/profile_stages.py --replay assemble --rounds 10

(the total divided by rounds times pages is the stage's instructions a page;
``build_page`` replays with the figures and dates of each article read from
a memo, so that only the page build and a memo lookup an article are
counted; ``parse_page`` is the whole page, ``extract_quantities`` and
``extract_dates`` the public calls on the whole page text, as ``bench_all.py``
times them; the garbage collector is off
during the replay, so that the count does not depend on where its passes
fall).
"""

from __future__ import annotations

import argparse
import functools
import gc
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import newsparse
import newsparse.page as page_module
from newsparse.layout.assemble import assemble
from newsparse.layout.glued import split_glued
from newsparse.layout.headings import decide_headings
from newsparse.layout.lines import classify_lines, photo_gap_of
from newsparse.layout.unwrap import unwrap
from newsparse.sample import sample_text
from newsparse.text import normalize

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import FrameType

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
STAGES = (
    "normalize",
    "unwrap",
    "glued",
    "classify",
    "headings",
    "assemble",
    "build_page",
    "figures",
    "dates",
)


def page_texts(limit: int | None, folder: Path | None = None) -> list[str]:
    """``folder``'s ``*.txt`` pages if given (``--texts``), else the corpus pages."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((folder or CORPUS).glob("*.txt"))]
    if not texts and folder is not None:
        raise SystemExit(f"profile_stages: no *.txt page in {folder}")
    return texts[:limit] if texts else [sample_text()]


class Stages:
    """Runs the stages of one page, charging time and calls to the stage that runs."""

    def __init__(self) -> None:
        self.current = "other"
        self.times = dict.fromkeys(STAGES, 0.0)
        self.calls: dict[tuple[str, str], int] = {}
        # the page's date extractor: date_fields_of since the fifth pass, extract_dates_of before
        # (so that the script also profiles an older checkout)
        self.dates_name = next(
            name for name in ("date_fields_of", "extract_dates_of") if hasattr(page_module, name)
        )
        quantities, dates = page_module.extract_quantities, getattr(page_module, self.dates_name)
        page_module.extract_quantities = lambda *a: self.run("figures", quantities, *a)  # type: ignore[assignment]
        setattr(page_module, self.dates_name, lambda *a: self.run("dates", dates, *a))

    def run(self, stage: str, func: Callable[..., Any], *args: Any) -> Any:
        outer, self.current = self.current, stage
        start = time.process_time()
        try:
            return func(*args)
        finally:
            spent = time.process_time() - start
            self.times[stage] += spent
            if outer in self.times:
                self.times[outer] -= spent  # the figures and dates are not build_page's
            self.current = outer

    def page(self, text: str) -> None:
        unwrapped = self.run("unwrap", unwrap, self.run("normalize", normalize, text)).nt
        nt = self.run("glued", split_glued, unwrapped).nt
        gap = photo_gap_of(nt.lines)
        lines = self.run(
            "headings", decide_headings, self.run("classify", classify_lines, nt.lines), gap
        )
        built = self.run("assemble", assemble, nt, lines, gap)
        self.run("build_page", page_module.build_page, built, None)

    def count(self, _frame: FrameType, event: str, _arg: object) -> None:
        if event in ("call", "c_call"):
            key = (self.current, event)
            self.calls[key] = self.calls.get(key, 0) + 1


REPLAYED = (
    "normalize",
    "unwrap",
    "glued",
    "classify",
    "headings",
    "assemble",
    "build_page",
    "parse_page",
    "extract_quantities",
    "extract_dates",
)


def _memo(func: Callable[..., Any]) -> Callable[..., Any]:
    """``func`` answering each argument list once (its figures or dates, for a replay)."""
    seen: dict[tuple[Any, ...], Any] = {}

    def memo(*args: Any) -> Any:
        key = tuple(tuple(a) if isinstance(a, list) else a for a in args)  # (texts: hashable)
        if key not in seen:
            seen[key] = func(*args)
        return seen[key]

    return memo


def replay(stage: str, texts: list[str], rounds: int) -> None:
    """Run ``stage`` alone ``rounds`` times on each page, inside one ``functools.reduce``."""
    runs: list[Callable[[], object]] = []
    for text in texts:
        normalized = normalize(text)
        unwrapped = unwrap(normalized).nt
        nt = split_glued(unwrapped).nt
        gap = photo_gap_of(nt.lines)
        classified = classify_lines(nt.lines)
        lines = decide_headings(classified, gap)
        built = assemble(nt, lines, gap)
        blocks = list(built.blocks)

        def build(built: Any = built, blocks: list[Any] = blocks) -> object:
            built.blocks[:] = blocks  # (the page build adds its blocks to the assembly's)
            return page_module.build_page(built, None)

        stages: dict[str, Callable[[], object]] = {
            "normalize": functools.partial(normalize, text),
            "unwrap": functools.partial(unwrap, normalized),
            "glued": functools.partial(split_glued, unwrapped),
            "classify": functools.partial(classify_lines, nt.lines),
            "headings": functools.partial(decide_headings, classified, gap),
            "assemble": functools.partial(assemble, nt, lines, gap),
            "build_page": build,
            "parse_page": functools.partial(page_module.parse_page, text),
            "extract_quantities": functools.partial(newsparse.extract_quantities, text),
            "extract_dates": functools.partial(newsparse.extract_dates, text),
        }
        runs.append(stages[stage])
    if stage == "build_page":
        for name in ("extract_quantities", "date_fields_of"):
            setattr(page_module, name, _memo(getattr(page_module, name)))
    for run in runs:  # warm up (and fill the memos)
        run()
    gc.collect()
    gc.disable()  # (its passes fall where the setup's allocations put them: counts would vary)
    functools.reduce(lambda _, run: run(), runs * rounds, None)
    gc.enable()
    print(f"replayed {stage}: {rounds} rounds of {len(texts)} pages ({rounds * len(texts)} runs)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=25, help="rounds; the best one counts")
    ap.add_argument("--pages", type=int, default=None, help="use at most this many pages")
    ap.add_argument("--texts", type=Path, help="the *.txt pages of this folder (default: corpus)")
    ap.add_argument("--replay", choices=REPLAYED, help="run this stage alone (for callgrind)")
    ap.add_argument("--rounds", type=int, default=10, help="rounds of --replay")
    args = ap.parse_args()
    texts = page_texts(args.pages, args.texts)
    if args.replay:
        replay(args.replay, texts, args.rounds)
        return 0
    stages = Stages()
    for text in texts:  # warm up: lazily compiled patterns, caches of the regex engines
        stages.page(text)
    best = dict.fromkeys(STAGES, float("inf"))
    for _ in range(args.repeat):
        stages.times = dict.fromkeys(STAGES, 0.0)
        for text in texts:
            stages.page(text)
        best = {s: min(best[s], stages.times[s]) for s in STAGES}
    sys.setprofile(stages.count)
    for text in texts:
        stages.page(text)
    sys.setprofile(None)
    n = len(texts)
    print(f"{n} pages, best of {args.repeat} rounds; python {sys.version.split()[0]}\n")
    print("| stage | ms a page (CPU) | Python calls a page | C calls a page |")
    print("| --- | ---: | ---: | ---: |")
    total = [0.0, 0, 0]
    for s in STAGES:
        py, c = stages.calls.get((s, "call"), 0) / n, stages.calls.get((s, "c_call"), 0) / n
        total = [total[0] + best[s], total[1] + py, total[2] + c]
        print(f"| {s} | {1000 * best[s] / n:.3f} | {py:,.0f} | {c:,.0f} |")
    print(f"| total | {1000 * total[0] / n:.3f} | {total[1]:,.0f} | {total[2]:,.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
