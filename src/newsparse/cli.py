"""The ``newsparse`` command.

::

    newsparse parse FILE... [--date D] [--format json|jsonl|md] [-o OUT]
    newsparse figures FILE... [--format csv|jsonl] [--bom] [-o OUT]
    newsparse batch INPUT... -o OUT.jsonl [--jobs N] [--date D] [--resume]
    newsparse show FILE [--date D] [-o page.html]
    newsparse demo [--format text|md|json]

FILE and INPUT may be files, folders (every ``*.txt`` below them) or glob
patterns. User errors print one line on stderr and exit with a distinct
status (see :data:`EXIT_CODES`); :func:`main` returns the status instead of
exiting, so the command can be driven in-process:

>>> main(["--version"])  # doctest: +ELLIPSIS
newsparse ...
0
>>> main(["parse", "no/such/page.txt"])
3
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import io
import json
import os
import signal
import sys
import tempfile
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import IO, TYPE_CHECKING, NoReturn

from newsparse.batch import (
    FailureKind,
    InputNotFoundError,
    PageFailure,
    PageResult,
    Progress,
    errors_path,
    find_pages,
    parse_many,
    run_batch,
)
from newsparse.page import parse_page
from newsparse.render import FIGURE_COLUMNS, figure_rows, page_markdown, page_text
from newsparse.sample import sample_text
from newsparse.show import page_html

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from types import FrameType

__all__ = [
    "EXIT_CODES",
    "EXIT_DECODE",
    "EXIT_INTERRUPTED",
    "EXIT_NOT_FOUND",
    "EXIT_OK",
    "EXIT_OUTPUT",
    "EXIT_PAGES_FAILED",
    "EXIT_USAGE",
    "main",
]

EXIT_OK = 0
EXIT_PAGES_FAILED = 1
EXIT_USAGE = 2
EXIT_NOT_FOUND = 3
EXIT_DECODE = 4
EXIT_OUTPUT = 5
EXIT_INTERRUPTED = 130

EXIT_CODES = {
    EXIT_OK: "success",
    EXIT_PAGES_FAILED: "some pages could not be parsed (batch: see OUT.errors.jsonl)",
    EXIT_USAGE: "usage error: unknown command or option, bad option value",
    EXIT_NOT_FOUND: "input not found: missing file, folder or glob with no page, unreadable file",
    EXIT_DECODE: "a file is in none of the supported encodings",
    EXIT_OUTPUT: "the output cannot be written",
    EXIT_INTERRUPTED: "interrupted (Ctrl-C or SIGTERM)",
}
"""Every exit status of the command and what it means."""

_PROG = "newsparse"
_SERIAL_LIMIT = 4
"""``parse`` and ``figures`` use worker processes only beyond this many files."""


class _UsageError(Exception):
    pass


class _CommandError(Exception):
    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class _Interrupted(BaseException):
    pass


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and never exit the process."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: {message} (see '{self.prog} --help')")


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {value!r}: expected YYYY-MM-DD") from None


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"invalid job count {value!r}: expected an integer >= 1")
    return n


def _version() -> str:
    try:
        return version("newsparse")
    except PackageNotFoundError:
        return "unknown"


def _build_parser() -> _Parser:
    parser = _Parser(
        prog=_PROG,
        description="Parse the raw text of Chinese newspaper pages into articles, "
        "credits, figures and dates.",
        epilog="exit status: " + "; ".join(f"{code} {text}" for code, text in EXIT_CODES.items()),
    )
    parser.add_argument("--version", action="version", version=f"{_PROG} {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("parse", help="parse pages and print them (JSON, JSON lines or Markdown)")
    p.add_argument("files", nargs="+", metavar="FILE", help="page files, folders or globs")
    p.add_argument("--date", type=_iso_date, help="the page date, YYYY-MM-DD")
    p.add_argument("--format", choices=("json", "jsonl", "md"), default="json")
    p.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")

    f = sub.add_parser("figures", help="one row per quantity (CSV or JSON lines)")
    f.add_argument("files", nargs="+", metavar="FILE", help="page files, folders or globs")
    f.add_argument("--date", type=_iso_date, help="the page date, YYYY-MM-DD")
    f.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    f.add_argument("--bom", action="store_true", help="start the CSV with a UTF-8 BOM (for Excel)")
    f.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")

    b = sub.add_parser("batch", help="parse many pages in parallel into a JSON lines file")
    b.add_argument("inputs", nargs="+", metavar="INPUT", help="page files, folders or globs")
    b.add_argument("-o", "--output", metavar="OUT.jsonl", required=True)
    b.add_argument(
        "-j", "--jobs", type=_jobs, default=None, help="worker processes (default: one per CPU)"
    )
    b.add_argument("--date", type=_iso_date, help="the date of every page, YYYY-MM-DD")
    b.add_argument("--resume", action="store_true", help="skip pages already in OUT.jsonl")

    s = sub.add_parser("show", help="a self-contained HTML view of one parsed page")
    s.add_argument("file", metavar="FILE")
    s.add_argument("--date", type=_iso_date, help="the page date, YYYY-MM-DD")
    s.add_argument("-o", "--output", metavar="OUT.html", help="write here instead of stdout")

    d = sub.add_parser("demo", help="parse the bundled sample page and print it")
    d.add_argument("--format", choices=("text", "md", "json"), default="text")
    return parser


# ---------------------------------------------------------------- output


def _write_stream(stream: IO[str], text: str) -> None:
    try:
        stream.write(text)
    except UnicodeEncodeError:
        buffer = getattr(stream, "buffer", None)
        if buffer is None:
            raise
        stream.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    stream.flush()


def _emit(text: str, output: str | None) -> None:
    """Write ``text`` to stdout, or atomically to ``output`` (a temporary file renamed)."""
    if output is None:
        _write_stream(sys.stdout, text)
        return
    target = Path(output)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
            Path(tmp).replace(target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as err:
        raise _CommandError(f"cannot write {output}: {err.strerror or err}", EXIT_OUTPUT) from None


def _status_of(failure: PageFailure) -> int:
    if failure.kind is FailureKind.READ:
        return EXIT_NOT_FOUND
    if failure.kind is FailureKind.DECODE:
        return EXIT_DECODE
    return EXIT_PAGES_FAILED


def _parse_all(inputs: Sequence[str], date: dt.date | None) -> list[PageResult]:
    """Every page named by ``inputs``, or a :class:`_Fail` for the first that fails."""
    try:
        paths = find_pages(inputs)
    except InputNotFoundError as err:
        raise _CommandError(str(err), EXIT_NOT_FOUND) from None
    processes = 1 if len(paths) <= _SERIAL_LIMIT else None
    results: list[PageResult] = []
    for result in parse_many(paths, processes=processes, date=date):
        if isinstance(result, PageFailure):
            raise _CommandError(result.reason, _status_of(result))
        results.append(result)
    return results


# ---------------------------------------------------------------- commands


def _cmd_parse(args: argparse.Namespace) -> int:
    results = _parse_all(args.files, args.date)
    if args.format == "json":
        if len(results) == 1:
            text = results[0].page.to_json(indent=2) + "\n"
        else:
            text = json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=2) + "\n"
    elif args.format == "jsonl":
        text = "".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in results)
    else:
        text = "\n---\n\n".join(page_markdown(r.page, title=r.path) for r in results)
    _emit(text, args.output)
    return EXIT_OK


def _cmd_figures(args: argparse.Namespace) -> int:
    results = _parse_all(args.files, args.date)
    rows = [row for r in results for row in figure_rows(r.page, r.path)]
    if args.format == "jsonl":
        text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    else:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=FIGURE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        text = ("\ufeff" if args.bom else "") + buf.getvalue()
    _emit(text, args.output)
    return EXIT_OK


def _cmd_show(args: argparse.Namespace) -> int:
    results = _parse_all([args.file], args.date)
    if len(results) != 1:
        raise _CommandError(
            f"{args.file}: names {len(results)} pages; show takes one page", EXIT_USAGE
        )
    (result,) = results
    _emit(page_html(result.page, title=Path(result.path).name), args.output)
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    page = parse_page(sample_text())
    if args.format == "json":
        text = page.to_json(indent=2) + "\n"
    elif args.format == "md":
        text = page_markdown(page, title="newsparse sample page")
    else:
        text = page_text(page) + "\n"
    _emit(text, None)
    return EXIT_OK


def _cmd_batch(args: argparse.Namespace) -> int:
    try:
        pages = find_pages(args.inputs)
    except InputNotFoundError as err:
        raise _CommandError(str(err), EXIT_NOT_FOUND) from None
    out = Path(args.output)
    if not out.parent.is_dir():
        raise _CommandError(f"cannot write {out}: no such folder {out.parent}", EXIT_OUTPUT)
    if out.is_dir():
        raise _CommandError(f"cannot write {out}: it is a folder", EXIT_OUTPUT)
    progress = Progress(len(pages), sys.stderr)
    started = time.monotonic()
    try:
        summary = run_batch(
            pages,
            out,
            processes=args.jobs,
            date=args.date,
            resume=args.resume,
            progress=progress,
        )
    except OSError as err:
        raise _CommandError(f"cannot write {out}: {err.strerror or err}", EXIT_OUTPUT) from None
    if progress.enabled:
        elapsed = time.monotonic() - started
        _write_stream(
            sys.stderr,
            f"{summary.written} pages written to {out}, {summary.skipped} skipped, "
            f"{summary.failed} failed in {elapsed:.1f} s\n",
        )
    if summary.failed:
        _write_stream(
            sys.stderr,
            f"{_PROG}: {summary.failed} of {summary.total} pages failed; see {errors_path(out)}\n",
        )
        return EXIT_PAGES_FAILED
    return EXIT_OK


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "parse": _cmd_parse,
    "figures": _cmd_figures,
    "batch": _cmd_batch,
    "show": _cmd_show,
    "demo": _cmd_demo,
}


@contextlib.contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """Turn SIGTERM into an exception so that workers are stopped and files closed."""

    def handler(signum: int, frame: FrameType | None) -> None:
        del signum, frame
        raise _Interrupted

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``newsparse`` command with ``argv`` (default ``sys.argv[1:]``); return the status.

    >>> main(["parse", "--format", "xml", "page.txt"])
    2
    """
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.error("choose a command: " + ", ".join(_COMMANDS))
        with _sigterm_interrupts():
            return _COMMANDS[args.command](args)
    except SystemExit as done:  # --help and --version
        return done.code if isinstance(done.code, int) else EXIT_OK
    except _UsageError as err:
        _write_stream(sys.stderr, f"{err}\n")
        return EXIT_USAGE
    except _CommandError as err:
        _write_stream(sys.stderr, f"{_PROG}: {err}\n")
        return err.status
    except (KeyboardInterrupt, _Interrupted):
        _write_stream(sys.stderr, f"{_PROG}: interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``newsparse parse ... | head``): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
