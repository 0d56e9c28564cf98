"""The performance record: one table of throughput against the installed anchors.

Runs, on the same page texts, ``parse_page`` (the whole pipeline),
``extract_quantities`` (the figures alone), ``extract_dates``, and the anchors
that are installed: JioNLP's money extraction (``jionlp.ner.extract_money``),
cn2an's numeral transform (``cn2an.transform(text, "cn2an")``) and Microsoft
Recognizers-Text (``recognize_number`` in Chinese). An anchor that is not
installed is skipped with a note. Prints one Markdown table: characters per
second, pages per second, and the ratio of each row to JioNLP's money
extraction (higher is faster). The last lines check the goals of issue 14:
``parse_page`` at least 1.25 times as fast as JioNLP's money extraction alone,
``extract_quantities`` 5 times, ``extract_dates`` 6 times, the compiled
``parse_page`` 1.6 times.

Times are CPU times of the process that runs the function
(``time.process_time``), best of the rounds, so that the other processes of
a loaded machine weigh less; the load average is printed with the table.
``--compiled PYTHON`` adds the rows of the compiled build: that interpreter
(a venv with the mypyc wheel, ``tools/compiled.sh``) runs them in a worker
process, one function at a time, interleaved with the local rows.

    python benchmarks/bench_all.py            # best of 9 interleaved rounds
    python benchmarks/bench_all.py --repeat 2 --pages 3
    python benchmarks/bench_all.py --compiled .compiled-venv/bin/python
    python benchmarks/bench_all.py --texts ../shared/corpus/rmrb

Pages come from ``../shared/corpus/*.txt`` beside the repository, else the
bundled sample page; ``--texts DIR`` times the ``*.txt`` pages of another
folder (the real PDF extractions of ``corpus/rmrb``, which print full-width
brackets, blanks around figures and page furniture).
``pip install jionlp cn2an recognizers-text-suite`` for the anchors
(``newsparse[bench]`` installs JioNLP).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import platform
import subprocess
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
# Issue 14's goals: each row this many times as fast as JioNLP's money extraction.
GOALS = {
    "newsparse.parse_page": 1.25,
    "newsparse.extract_quantities": 5.0,
    "newsparse.extract_dates": 6.0,
    "compiled parse_page": 1.6,
}
OURS = {
    "parse_page": newsparse.parse_page,
    "extract_quantities": newsparse.extract_quantities,
    "extract_dates": newsparse.extract_dates,
}


def page_texts(limit: int | None, folder: Path | None = None) -> tuple[str, list[str]]:
    """The pages to time: ``folder``'s ``*.txt`` if given, else the corpus pages."""
    where = folder or CORPUS
    if where.is_dir():
        texts = [p.read_text(encoding="utf-8") for p in sorted(where.glob("*.txt"))]
        if texts:
            name = f"pages of {folder.name}/" if folder else "corpus pages"
            return f"{len(texts[:limit])} {name}", texts[:limit]
    if folder is not None:
        raise SystemExit(f"bench_all: no *.txt page in {folder}")
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


class Worker:
    """The compiled build's rows, run by another interpreter (one process, kept alive)."""

    def __init__(self, python: str, pages: int | None, folder: Path | None) -> None:
        argv = [python, str(Path(__file__).resolve()), "--worker"]
        if pages is not None:
            argv += ["--pages", str(pages)]
        if folder is not None:
            argv += ["--texts", str(folder)]
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.info = json.loads(self.ask("info"))

    def ask(self, line: str) -> str:
        assert self.proc.stdin is not None
        assert self.proc.stdout is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        return self.proc.stdout.readline().strip()

    def timer(self, name: str) -> Callable[[], float]:
        return lambda: float(self.ask(name))

    def close(self) -> None:
        self.ask("quit")
        self.proc.wait(timeout=60)


def worker(pages: int | None, folder: Path | None) -> int:
    """Serve ``info`` and one CPU time per function name read on stdin, until ``quit``."""
    _, texts = page_texts(pages, folder)
    for line in sys.stdin:
        name = line.strip()
        if name == "quit":
            print("bye", flush=True)
            return 0
        if name == "info":
            page = sys.modules["newsparse.page"].__file__ or ""
            print(json.dumps({"page_module": Path(page).name}), flush=True)
            continue
        print(_cpu_time(OURS[name], texts), flush=True)
    return 0


def _cpu_time(fn: Callable[[str], object], texts: list[str]) -> float:
    t0 = time.process_time()
    for text in texts:
        fn(text)
    return time.process_time() - t0


def best_times(rows: dict[str, Callable[[], float]], repeat: int) -> dict[str, float]:
    """Best CPU time of each row over all the texts, rounds interleaved.

    Every round runs each row once over all the texts, so that a change in
    the machine's load during the run weighs on every row alike and the
    ratios stay comparable. One warm-up round first.
    """
    for timer in rows.values():
        timer()
    best = dict.fromkeys(rows, float("inf"))
    for _ in range(repeat):
        for name, timer in rows.items():
            best[name] = min(best[name], timer())
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=9, help="rounds; the best one counts")
    ap.add_argument("--pages", type=int, default=None, help="use at most this many pages")
    ap.add_argument("--compiled", metavar="PYTHON", help="interpreter with the compiled build")
    ap.add_argument(
        "--texts", metavar="DIR", type=Path, help="time the *.txt pages of DIR (default: corpus)"
    )
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        return worker(args.pages, args.texts)

    source, texts = page_texts(args.pages, args.texts)
    chars = sum(map(len, texts))
    fns: dict[str, Callable[[str], object]] = {f"newsparse.{k}": v for k, v in OURS.items()}
    found, notes = anchors()
    fns.update(found)
    rows: dict[str, Callable[[], float]] = {
        name: (lambda fn=fn: _cpu_time(fn, texts)) for name, fn in fns.items()
    }
    remote = Worker(args.compiled, args.pages, args.texts) if args.compiled else None
    if remote is not None:
        for name in OURS:
            rows[f"compiled {name}"] = remote.timer(name)

    print(
        f"{source}, {chars:,} characters; python {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} CPUs; newsparse {newsparse.__version__}"
    )
    if remote is not None:
        print(f"compiled build: {args.compiled} (newsparse.page is {remote.info['page_module']})")
    load = os.getloadavg()
    print(f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print()
    times = best_times(rows, args.repeat)
    if remote is not None:
        remote.close()
    ref = times.get("jionlp.ner.extract_money")
    print("| function | chars/s | pages/s (1 core) | x jionlp money |")
    print("| --- | ---: | ---: | ---: |")
    for name, seconds in times.items():
        ratio = f"{ref / seconds:.2f}" if ref else "n/a"
        print(f"| `{name}` | {chars / seconds:,.0f} | {len(texts) / seconds:,.1f} | {ratio} |")
    print()
    load = os.getloadavg()
    print(f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    for note in notes:
        print(f"note: {note}")
    if ref is None:
        print("goals not checked: jionlp is not installed")
        return 0
    met = True
    for name, goal in GOALS.items():
        if name in times:
            ratio = ref / times[name]
            verdict = "met" if ratio >= goal else "NOT met"
            met = met and ratio >= goal
            print(f"{name}: {ratio:.2f}x jionlp money extraction (goal {goal}x: {verdict})")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
