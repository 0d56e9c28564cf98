"""Linear time and bounded memory: time per character and peak memory, per input size.

Parses inputs of 10 thousand to 10 million characters, of several classes
(concatenated pages and pathological ones), and prints one row per class and
size: microseconds per character, peak memory traced by :mod:`tracemalloc`
(MiB and bytes per character), and, per class, the max/min ratio of the
per-character cost across sizes. A ratio above 2 means super-linear time
(the DESIGN.md invariant 3) and is flagged.

    python benchmarks/bench_scaling.py            # 10K, 100K, 1M, 10M characters
    python benchmarks/bench_scaling.py --quick    # 10K, 100K, 300K
    python benchmarks/bench_scaling.py --classes digits,dashes --target extract_dates
    python benchmarks/bench_scaling.py --sizes 50000,500000,5000000 --target all --no-memory

Sizes count characters (a Han character is 3 bytes of UTF-8). Pages come
from ``../shared/corpus/*.txt`` beside the repository, or from the bundled
sample page when the corpus is absent. Time is the best of a few runs, in
CPU time of this process by default (``--clock cpu``: the parse is single
threaded, and on a machine shared with other work, wall time swings with the
load during a long run; ``--clock wall`` measures wall time); memory is
measured in a separate run with tracing on.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import tracemalloc
from pathlib import Path
from typing import TYPE_CHECKING

import newsparse
from newsparse.sample import sample_text

if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

FULL_SIZES = (10_000, 100_000, 1_000_000, 10_000_000)
QUICK_SIZES = (10_000, 100_000, 300_000)
MAX_RATIO = 2.0


def page_texts() -> list[str]:
    """The corpus pages if present, else the bundled sample page."""
    if CORPUS.is_dir():
        texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
        if texts:
            return texts
    return [sample_text()]


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _pages(size: int) -> str:
    return _repeat("\n\n\n".join(page_texts()) + "\n\n\n", size)


def _long_line(size: int) -> str:
    joined = "".join("".join(t.split()) for t in page_texts())
    return _repeat(joined, size)


def _blank_lines(size: int) -> str:
    # one text line, then nothing but line breaks (100,000 blank lines at 100K)
    head = "标题\n\n本报讯 今年以来，全市完成投资59.1亿元。"
    return head + "\n" * max(0, size - len(head) - 3) + "结尾。"


def _short_lines(size: int) -> str:
    # caption-shaped lines after photo gaps: every line is a caption candidate
    return _repeat("图片说明。\n\n\n", size)


def _credit_lines(size: int) -> str:
    return _repeat("本报记者 赵六 摄\n", size)


def _headings(size: int) -> str:
    return _repeat("标题\n\n\n", size)


def _numbered(template: str, size: int) -> str:
    out: list[str] = []
    total = k = 0
    while total < size:
        out.append(template.format(k=k))
        total += len(out[-1])
        k += 1
    return "".join(out)[:size]


def _wrapped(size: int, width: int, *, blank: bool = False, indent: bool = False) -> str:
    """The pages hard-wrapped every ``width`` characters, as pdftotext or ``fold`` cuts them."""
    lines: list[str] = []
    for block in _pages(size).split("\n"):
        if not block.strip():
            if blank:
                lines.append("")
            continue
        body = ("\u3000\u3000" if indent else "") + block
        lines.extend(body[i : i + width] for i in range(0, len(body), width))
    return "\n".join(lines)[:size]


def _wrapped_mixed(size: int) -> str:
    """Regions wrapped at two widths, as a page extracted column by column."""
    half = size // 2
    out: list[str] = []
    while sum(map(len, out)) < size:
        out.append(_wrapped(min(half, 20_000), 22))
        out.append(_wrapped(min(half, 20_000), 34, blank=True))
    return "\n".join(out)[:size]


def _pdf_footers(size: int) -> str:
    """A wrapped export with a page footer and a source line every 40 lines."""
    rows = _wrapped(size, 30).split("\n")
    out: list[str] = []
    for k, row in enumerate(rows):
        out.append(row)
        if k % 40 == 39:
            out.extend((f"第 {k // 40 + 1} 页", "《某报》（2025年10月20日 第 04 版）"))
    return "\n".join(out)[:size]


# Classes: a name, the function that builds an input of ``size`` characters.
CLASSES: dict[str, Callable[[int], str]] = {
    "pages": _pages,
    "long_line": _long_line,
    "blank_lines": _blank_lines,
    "short_lines": _short_lines,
    "credit_lines": _credit_lines,
    "headings": _headings,
    "digits": lambda n: _repeat("0123456789", n),
    "dashes": lambda n: _repeat("——", n),
    "quotes": lambda n: _repeat("“", n),
    "num_units": lambda n: _repeat("3.86亿元6万吨十余公里16.8%", n),
    "numeral_run": lambda n: _repeat("一万", n),
    "cn_digits": lambda n: _repeat("一二三四五六七八九〇", n),
    "wan_run": lambda n: "一" + "万" * (n - 1),
    # found super-linear before the fixes of this record (see docs/performance.md)
    "caption_credits": lambda n: _repeat("某公司车间一角。本报记者 钱九 摄\n", n),
    "ordinal_list": lambda n: "第" + _repeat("一、", n - 1),
    "counts": lambda n: _repeat("3个", n),
    # quadratic before the pipeline rebuild (issue 10): (a) runs of caption-like lines
    # after photo gaps, with credits or sub-lines between them; (b) paragraphs sharing
    # one 12-character ending (tests/test_pathological.py counts their operations)
    "photo_news": lambda n: _repeat("游客在湖边赏花，拍照留念\n\n本报记者 赵六 摄\n\n\n\n", n),
    "photo_sub_lines": lambda n: _repeat("游客在湖边赏花，拍照留念\n\n——记者手记\n\n\n\n", n),
    "caption_credit_runs": lambda n: (
        "标题\n\n"
        + _numbered(
            "车间一角{k}，工人忙碌\n\n车间一角。本报记者 钱九 摄\n\n本报记者 赵六 摄\n\n\n\n", n
        )
    ),
    "shared_endings": lambda n: _numbered("第{k}段，各地一起推进科技创新工作。\n\n", n),
    "shared_ending_tails": lambda n: _numbered(
        "本段第{k}次说明：全市上下一起推进科技创新工作。\n\n全市上下一起推进科技创新工作。\n\n", n
    ),
    # figures that read ahead or back a bounded way (issue 12)
    "figure_lists": lambda n: _repeat("3、", n),
    "rates_clocks": lambda n: _repeat("每吨500元,120元/天,3点4分5秒,摄氏30度,三块五,", n),
    # the date scan: every character an anchor or a possible start of a date
    "date_dense": lambda n: _repeat("2019年7月29日,8月1日至3日,今年上半年,农历腊月初一,", n),
    "date_starts": lambda n: _repeat("一二三今去上下前年月", n),
    "anchors": lambda n: _repeat("年月日-/.", n),
    # hard-wrapped extractions (issue 11): the unwrap stage reads every line's width
    "wrapped_20": lambda n: _wrapped(n, 20),
    "wrapped_36_bi": lambda n: _wrapped(n, 36, blank=True, indent=True),
    "wrapped_mixed": _wrapped_mixed,
    "pdf_footers": _pdf_footers,
    "name_lines": lambda n: _repeat("本报记者\n\n乔\n\n栋\n\n", n),
    # jump lines glued to the paragraphs they cut, split off before unwrapping
    "glued_jumps": lambda n: _repeat(
        "全市营造科技创新的氛围。（下转第3版）\n（上接第2版）各地一起推进。\n", n
    ),
    # festivals, weeks, relative and anchored days, short years (issue 12)
    "date_words": lambda n: _repeat("上周三到本月十日,国庆假期,今年春节,98年,当天,次日,周周", n),
}


def _parse_page(text: str) -> object:
    return newsparse.parse_page(text, max_chars=None)


TARGETS: dict[str, Callable[[str], object]] = {
    "parse_page": _parse_page,
    "extract_quantities": newsparse.extract_quantities,
    "extract_dates": newsparse.extract_dates,
}


def time_per_char(
    fn: Callable[[str], object], text: str, budget: float, clock: Callable[[], float]
) -> float:
    """Best time of a few runs (at least one, about ``budget`` seconds), per character."""
    best = float("inf")
    spent = 0.0
    runs = 0
    while runs < 5 and (runs == 0 or spent < budget):
        gc.collect()
        t0 = clock()
        fn(text)
        dt = clock() - t0
        best = min(best, dt)
        spent += dt
        runs += 1
    return best / max(1, len(text))


def peak_memory(fn: Callable[[str], object], text: str) -> int:
    """Peak bytes allocated while ``fn(text)`` runs (tracemalloc), the input excluded."""
    gc.collect()
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        base, _ = tracemalloc.get_traced_memory()
        result = fn(text)
        _, peak = tracemalloc.get_traced_memory()
        del result
    finally:
        tracemalloc.stop()
    return peak - base


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="sizes 10K, 100K, 300K")
    ap.add_argument("--sizes", help="comma-separated sizes in characters")
    ap.add_argument("--classes", help=f"comma-separated, of: {', '.join(CLASSES)}")
    ap.add_argument("--target", default="parse_page", help=f"one of {', '.join(TARGETS)}, or all")
    ap.add_argument("--no-memory", action="store_true", help="skip the tracemalloc run")
    ap.add_argument(
        "--memory-max", type=int, default=10_000_000, help="largest size traced for memory"
    )
    ap.add_argument("--budget", type=float, default=1.0, help="seconds of repeats per cell")
    ap.add_argument(
        "--clock",
        choices=("cpu", "wall"),
        default="cpu",
        help="cpu: this process's CPU time (steady on a shared machine, the default); wall",
    )
    args = ap.parse_args(argv)

    sizes = (
        tuple(int(s) for s in args.sizes.split(","))
        if args.sizes
        else (QUICK_SIZES if args.quick else FULL_SIZES)
    )
    classes = args.classes.split(",") if args.classes else list(CLASSES)
    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    targets = list(TARGETS) if args.target == "all" else [args.target]
    unknown = [c for c in classes if c not in CLASSES] + [t for t in targets if t not in TARGETS]
    if unknown:
        ap.error(f"unknown: {', '.join(unknown)}")

    print(f"python {sys.version.split()[0]}, newsparse {newsparse.__version__}, {args.clock} time")
    head = (
        f"{'target':<19} {'class':<13} {'chars':>10} {'us/char':>9} {'chars/s':>11} "
        f"{'peak MiB':>9} {'B/char':>7}"
    )
    print(head)
    print("-" * len(head))
    summary: list[tuple[str, str, float, float, float]] = []
    for target in targets:
        fn = TARGETS[target]
        for cls in classes:
            costs: list[float] = []
            for size in sizes:
                text = CLASSES[cls](size)
                fn(text[:1000])  # warm up (lazy imports, regex compilation)
                cost = time_per_char(fn, text, args.budget, clock)
                costs.append(cost)
                mem = ""
                per = ""
                if not args.no_memory and size <= args.memory_max:
                    peak = peak_memory(fn, text)
                    mem = f"{peak / 2**20:9.1f}"
                    per = f"{peak / len(text):7.0f}"
                print(
                    f"{target:<19} {cls:<13} {len(text):>10,} {cost * 1e6:9.3f} "
                    f"{1 / cost:>11,.0f} {mem:>9} {per:>7}",
                    flush=True,
                )
            summary.append((target, cls, max(costs) / min(costs), min(costs), max(costs)))
    print()
    print(f"{'target':<19} {'class':<13} {'max/min us/char':>16}  verdict")
    worst = 0.0
    for target, cls, ratio, _lo, _hi in summary:
        worst = max(worst, ratio)
        verdict = "linear" if ratio <= MAX_RATIO else "SUPER-LINEAR"
        print(f"{target:<19} {cls:<13} {ratio:>16.2f}  {verdict}")
    print(f"\nworst ratio {worst:.2f} (limit {MAX_RATIO})")
    return 0 if worst <= MAX_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
