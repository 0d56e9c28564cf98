"""Fuzz the public entry points and check the DESIGN.md invariants on every input.

Targets: ``parse_page``, ``extract_quantities``, ``extract_dates``,
``parse_number`` (``all`` runs the four on each input). With atheris
installed this is a coverage-guided libFuzzer harness; every argument that is
not ours goes to libFuzzer::

    python fuzz/fuzz_targets.py --target parse_page -max_total_time=600
    python fuzz/fuzz_targets.py --target parse_number -runs=100000

Without atheris (or with ``--replay``) it is a plain replay: every seed in
``fuzz/seeds/``, the corpus pages of ``../shared/corpus/*.txt`` when present,
and the files or directories given on the command line run through the
checks once, which is the CI smoke test::

    python fuzz/fuzz_targets.py --replay --target all
    python fuzz/fuzz_targets.py --replay --target parse_page crash-1234abcd

Input bytes become text as UTF-8 with ``surrogateescape`` (an invalid byte
becomes a lone surrogate, so seeds stay readable and mutations reach lone
surrogates); bytes starting with ``FF FE`` are read as UTF-16-LE with
``surrogatepass``, which reaches every code point. A failed check raises
:class:`InvariantError` with the input's repr, so libFuzzer saves the input as
a crash file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(__file__).resolve().parent / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus"

# Page dates the date targets resolve against, picked by the input's length:
# none, an ordinary day, a leap day and the ends of the calendar.
REFERENCES: tuple[dt.date | None, ...] = (
    None,
    dt.date(2019, 7, 30),
    dt.date(2020, 2, 29),
    dt.date.min,
    dt.date.max,
)
# parse_number reads at most 40 digits in a row (longer runs are identifiers):
# .23^54 is a number, its 78 decimals written out are not.
ROUND_TRIP_DIGITS = 40
LIBFUZZER_DEFAULTS = ("-max_len=8192", "-timeout=20", "-rss_limit_mb=4096")

np: Any = None  # the newsparse package, imported (instrumented) by load()


class InvariantError(AssertionError):
    """An input broke one of the DESIGN.md invariants."""


def load(*, instrument: bool) -> None:
    """Import newsparse, instrumented for coverage when fuzzing with atheris."""
    global np  # noqa: PLW0603 - the harness imports the package once, after atheris setup
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    if instrument:
        import atheris  # noqa: PLC0415 - optional dependency

        with atheris.instrument_imports():
            import newsparse  # noqa: PLC0415
    else:
        import newsparse  # noqa: PLC0415
    np = newsparse


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 with surrogateescape, or UTF-16-LE after an ``FF FE`` mark."""
    if data[:2] == b"\xff\xfe":
        body = data[2:]
        return body[: len(body) // 2 * 2].decode("utf-16-le", "surrogatepass")
    return data.decode("utf-8", "surrogateescape")


def _fail(what: str, text: str, detail: object = "") -> InvariantError:
    shown = repr(text) if len(text) <= 300 else repr(text[:300]) + f"... ({len(text)} chars)"
    return InvariantError(f"{what}: {detail} on input {shown}")


def _nonblank(text: str) -> str:
    return "".join(ch for ch in text if not np.text.is_blank(ch))


# ----------------------------------------------------------------------------- checks


def check_parse_page(text: str) -> None:
    """Invariants 1-4 of DESIGN.md, the size limit, and a JSON round."""
    page = np.parse_page(text)
    if not isinstance(page, np.Page):
        raise _fail("not a Page", text, type(page))
    n = len(text)
    cover = [0] * n
    for block in page.blocks:
        pieces = []
        for span in block.spans:
            if not 0 <= span.start <= span.end <= n:
                raise _fail("span out of bounds", text, (block.kind, span))
            for k in range(span.start, span.end):
                cover[k] += 1
            pieces.append(text[span.start : span.end])
        # invariant 2: the block's text is the input at its spans (blanks aside)
        if _nonblank(block.text) != _nonblank("".join(pieces)):
            raise _fail("block text differs from its spans", text, block)
    # invariant 1: every non-blank character exactly once
    for k, ch in enumerate(text):
        if not np.text.is_blank(ch) and cover[k] != 1:
            raise _fail("not lossless", text, (k, ch, cover[k]))
    block_ids = {id(b) for b in page.blocks}
    for block in page.unclassified:
        if id(block) not in block_ids and block not in page.blocks:
            raise _fail("unclassified block missing from Page.blocks", text, block)
    for art in page.articles:
        for item in (*art.quantities, *art.dates):
            if not 0 <= item.span.start <= item.span.end <= n:
                raise _fail("figure span out of bounds", text, item)
    # invariant 4: deterministic, and serializable
    first = page.to_json()
    if np.parse_page(text).to_json() != first:
        raise _fail("not deterministic", text)
    # the size limit: one character less than the input raises, before any work
    if n:
        try:
            np.parse_page(text, max_chars=n - 1)
        except np.InputTooLargeError as err:
            if err.size != n or err.limit != n - 1:
                raise _fail("InputTooLargeError fields", text, (err.size, err.limit)) from err
        else:
            raise _fail("max_chars not enforced", text, n - 1)


def _is_number(v: object) -> bool:
    return isinstance(v, Fraction) or (isinstance(v, Decimal) and v.is_finite())


def check_extract_quantities(text: str) -> None:
    """Spans inside the input and on its text; exact values; ordered ranges."""
    found = np.extract_quantities(text)
    n = len(text)
    for q in found:
        if not 0 <= q.start < q.end <= n:
            raise _fail("quantity span out of bounds", text, q)
        if q.text != text[q.start : q.end]:
            raise _fail("quantity text is not the input at its span", text, q)
        for v in (q.value, q.low, q.high):
            if v is not None and not _is_number(v):
                raise _fail("quantity value not exact", text, q)
        if q.low is not None and q.high is not None and q.low > q.high:
            raise _fail("quantity range reversed", text, q)
    if np.extract_quantities(text) != found:
        raise _fail("extract_quantities not deterministic", text)


def check_extract_dates(text: str) -> None:
    """Spans on the input, ordered and consistent resolutions, for several page dates."""
    n = len(text)
    for ref in (REFERENCES[0], REFERENCES[1 + n % (len(REFERENCES) - 1)]):
        found = np.extract_dates(text, ref)
        for m in found:
            if not 0 <= m.span.start < m.span.end <= n:
                raise _fail("date span out of bounds", text, (ref, m))
            if m.text != text[m.span.start : m.span.end]:
                raise _fail("date text is not the input at its span", text, (ref, m))
            if m.value != m.first:
                raise _fail("date value is not its first day", text, (ref, m))
            if m.first is not None and m.last is not None and m.first > m.last:
                raise _fail("date range reversed", text, (ref, m))
            if (m.first is None) != (m.last is None):
                raise _fail("date range half open", text, (ref, m))
        if np.extract_dates(text, ref) != found:
            raise _fail("extract_dates not deterministic", text, ref)
    np.dates.infer_reference(text)


def check_parse_number(text: str) -> None:
    """A Decimal or Fraction, or NumberError; never another exception, never a float."""
    try:
        value = np.parse_number(text)
    except np.NumberError as err:
        if not 0 <= err.position <= len(text) or err.text != text:
            raise _fail("NumberError fields", text, (err.text, err.position)) from err
        return
    if not _is_number(value):
        raise _fail("parse_number returned a non-exact value", text, repr(value))
    plain = format(value, "f") if isinstance(value, Decimal) else ""
    if plain and sum(ch.isdigit() for ch in plain) <= ROUND_TRIP_DIGITS:
        # the value written back in plain digits reads as the same number
        again = np.parse_number(plain)
        if again != value:
            raise _fail("parse_number round trip", text, (value, again))


CHECKS: dict[str, Callable[[str], None]] = {
    "parse_page": check_parse_page,
    "extract_quantities": check_extract_quantities,
    "extract_dates": check_extract_dates,
    "parse_number": check_parse_number,
}


def check_all(text: str) -> None:
    """Every target on one input."""
    for check in CHECKS.values():
        check(text)


def checker(target: str) -> Callable[[str], None]:
    """The check function of a target name (or ``all``)."""
    return check_all if target == "all" else CHECKS[target]


# ----------------------------------------------------------------------------- inputs


def seed_files(extra: list[str] | None = None) -> Iterator[Path]:
    """The seeds: ``fuzz/seeds/*``, the shared corpus pages, and ``extra`` paths."""
    yield from sorted(p for p in SEEDS.glob("*") if p.is_file())
    if CORPUS.is_dir():
        yield from sorted(CORPUS.glob("*.txt"))
    for name in extra or []:
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file())
        elif path.is_file():
            yield path


def seed_texts(extra: list[str] | None = None) -> Iterator[tuple[str, str]]:
    """``(name, text)`` for every seed, whole, plus its lines one by one."""
    for path in seed_files(extra):
        text = decode(path.read_bytes())
        yield path.name, text
        lines = [line for line in text.splitlines() if line.strip()]
        if len(lines) > 1:
            for k, line in enumerate(lines):
                yield f"{path.name}:{k + 1}", line


def replay(target: str, extra: list[str] | None = None) -> int:
    """Run the checks over every seed once; the number of failures is the exit code."""
    load(instrument=False)
    check = checker(target)
    runs = failures = 0
    for name, text in seed_texts(extra):
        runs += 1
        try:
            check(text)
        except Exception as err:  # noqa: BLE001 - report every failure, keep going
            failures += 1
            print(f"FAIL {name}: {type(err).__name__}: {str(err)[:500]}")
    print(f"replayed {runs} inputs on {target}: {failures} failures")
    return min(failures, 100)


def fuzz(target: str, libfuzzer_args: list[str]) -> None:
    """Run atheris on one target; seeds are copied into a working corpus directory."""
    import atheris  # noqa: PLC0415 - optional dependency

    load(instrument=True)
    check = checker(target)
    dirs = [a for a in libfuzzer_args if not a.startswith("-")]
    flags = [a for a in libfuzzer_args if a.startswith("-")]
    if not dirs:
        work = Path(tempfile.mkdtemp(prefix=f"newsparse-fuzz-{target}-"))
        dirs = [str(work)]
    work = Path(dirs[0])
    work.mkdir(parents=True, exist_ok=True)
    for path in seed_files():
        dest = work / f"seed-{path.name}"
        if not dest.exists():
            shutil.copyfile(path, dest)
    names = {f.split("=", 1)[0] for f in flags}
    flags += [d for d in LIBFUZZER_DEFAULTS if d.split("=", 1)[0] not in names]
    print(f"fuzzing {target}: corpus {work}, flags {' '.join(flags)}", flush=True)

    def one_input(data: bytes) -> None:
        check(decode(data))

    atheris.Setup([sys.argv[0], *flags, *dirs], one_input)
    atheris.Fuzz()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--target", default="all", choices=[*CHECKS, "all"])
    ap.add_argument("--replay", action="store_true", help="replay the seeds, no fuzzing")
    args, rest = ap.parse_known_args(argv)
    try:
        import atheris  # noqa: F401, PLC0415 - optional dependency
    except ImportError:
        if not args.replay:
            print("atheris is not installed: replaying the seeds instead")
        return replay(args.target, rest)
    if args.replay:
        return replay(args.target, rest)
    fuzz(args.target, rest)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
