"""The ``newsparse`` command.

::

    newsparse parse FILE... [--date D] [--encoding E] [--format json|jsonl|md] [-o OUT]
    newsparse figures FILE... [--format csv|jsonl|parquet] [--bom] [-o OUT]
    newsparse dates FILE... [--format csv|jsonl|parquet] [--bom] [-o OUT]
    newsparse people FILE... [--format csv|jsonl|parquet] [--bom] [-o OUT]
    newsparse batch INPUT... -o OUT.jsonl|- [--jobs N] [--date D] [--resume] [--timeout S]
    newsparse show FILE|DIR [--date D] [-o page.html | -o site/]

Every command that reads pages takes ``--max-chars N``, the size limit of a page.
    newsparse demo [--format text|md|json]

FILE and INPUT may be files (text pages, or PDFs: one page per PDF page),
folders (every ``*.txt`` and ``*.pdf`` below them) or glob patterns; FILE may be ``-``,
standard input, decoded like a file. User errors print one line on stderr and exit with a distinct
status (see [`EXIT_CODES`][newsparse.cli.EXIT_CODES]); [`main()`][newsparse.cli.main] returns the
status instead of
exiting, so the command can be driven in-process:

>>> main(["--version"])  # doctest: +ELLIPSIS
newsparse ...
0
>>> main(["parse", "no/such/page.txt"])
3
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import datetime as dt
import json
import os
import signal
import sys
import tempfile
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

from attrs import evolve

from newsparse import tables
from newsparse._chain import raised_from
from newsparse.batch import (
    DEFAULT_TIMEOUT,
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
from newsparse.errors import InputTooLargeError, MissingExtraError, NewsparseError
from newsparse.io import STDIN, decode, is_pdf
from newsparse.model import Source
from newsparse.page import MAX_CHARS, parse_page
from newsparse.render import page_markdown, page_text
from newsparse.sample import sample_text
from newsparse.show import page_html, site_files

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from types import FrameType

    from newsparse.model import Page

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
    EXIT_USAGE: "usage error: unknown command or option, bad option value, a missing extra",
    EXIT_NOT_FOUND: "input not found: missing file, folder or glob with no page, unreadable file",
    EXIT_DECODE: "a file is in none of the supported encodings, or not a readable PDF",
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


def _max_chars(value: str) -> int | None:
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(
            f"invalid character limit {value!r}: expected an integer >= 0 (0: no limit)"
        )
    return n or None


def _seconds(value: str) -> float | None:
    try:
        n = float(value)
    except ValueError:
        n = -1.0
    if not n >= 0 or n == float("inf"):
        raise argparse.ArgumentTypeError(
            f"invalid time limit {value!r}: expected seconds >= 0 (0: no limit)"
        )
    return n or None


def _add_max_chars(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-chars",
        type=_max_chars,
        default=MAX_CHARS,
        metavar="N",
        help=f"refuse pages longer than N characters (default {MAX_CHARS:,}; 0: no limit)",
    )


def _encoding(value: str) -> str:
    try:
        return codecs.lookup(value).name
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {value!r}") from None


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--date", type=_iso_date, help="the page date, YYYY-MM-DD")
    p.add_argument(
        "--encoding",
        type=_encoding,
        metavar="NAME",
        help="read text pages in this encoding instead of detecting it (gb18030, big5, ...)",
    )
    _add_max_chars(p)


def _add_table_command(sub: Any, name: str, what: str) -> None:  # noqa: ANN401 - argparse's type
    t = sub.add_parser(name, help=f"one row per {what} (CSV, JSON lines or Parquet)")
    t.add_argument("files", nargs="+", metavar="FILE", help="page files, folders, globs or -")
    _add_input_options(t)
    t.add_argument("--format", choices=("csv", "jsonl", "parquet"), default="csv")
    t.add_argument("--bom", action="store_true", help="start the CSV with a UTF-8 BOM (for Excel)")
    t.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")


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
    p.add_argument("files", nargs="+", metavar="FILE", help="page files, folders, globs or -")
    _add_input_options(p)
    p.add_argument("--format", choices=("json", "jsonl", "md"), default="json")
    p.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")

    _add_table_command(sub, "figures", "figure (quantity)")
    _add_table_command(sub, "dates", "date mention")
    _add_table_command(sub, "people", "credited person")

    b = sub.add_parser("batch", help="parse many pages in parallel into a JSON lines file")
    b.add_argument("inputs", nargs="+", metavar="INPUT", help="text or PDF files, folders, globs")
    b.add_argument(
        "-o", "--output", metavar="OUT.jsonl", required=True, help="'-' for stdout (errors: stderr)"
    )
    b.add_argument(
        "-j", "--jobs", type=_jobs, default=None, help="worker processes (default: one per CPU)"
    )
    b.add_argument("--date", type=_iso_date, help="the date of every page, YYYY-MM-DD")
    b.add_argument(
        "--encoding", type=_encoding, metavar="NAME", help="read every text page in this encoding"
    )
    b.add_argument("--resume", action="store_true", help="skip pages already in OUT.jsonl")
    b.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="S",
        help=f"give up on a page after S seconds (default {DEFAULT_TIMEOUT:g}; 0: no limit)",
    )
    _add_max_chars(b)

    s = sub.add_parser(
        "show", help="a self-contained HTML view of one page, or a site of many (-o DIR/)"
    )
    s.add_argument("file", metavar="FILE", help="a page file, a PDF, a folder, a glob or -")
    _add_input_options(s)
    s.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write here instead of stdout; a folder (or a name ending in /) gets "
        "index.html and one file per page",
    )

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
            if hasattr(os, "fchmod"):  # mkstemp makes it 0600: follow the umask instead
                os.fchmod(fd, 0o666 & ~_umask())
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
            Path(tmp).replace(target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as err:
        raise _CommandError(f"cannot write {output}: {err.strerror or err}", EXIT_OUTPUT) from None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _refuse_input_as_output(
    output: str | None, inputs: Sequence[str], *outputs: str, pages: Sequence[Path] | None = None
) -> None:
    """Exit 2 if ``output`` (or one of ``outputs``) is one of the pages named by ``inputs``.

    Any spelling of the page counts, and a link to it. ``pages`` are the pages of ``inputs``
    if the caller has found them already. Each page is looked at once, and only if one of the
    outputs exists.
    """
    targets: dict[tuple[int, int], str] = {}
    for name in (output, *outputs):
        if name is not None and name != "-":
            with contextlib.suppress(OSError):
                st = Path(name).stat()
                targets[st.st_dev, st.st_ino] = name
    if not targets:
        return  # a new file is no input
    if pages is None:
        try:
            pages = find_pages([i for i in inputs if i != "-"])
        except InputNotFoundError:
            return  # missing inputs are reported by the command
    for page in pages:
        try:
            st = page.stat()
        except OSError:
            continue
        hit = targets.get((st.st_dev, st.st_ino))
        if hit is not None:
            raise _CommandError(f"refusing to write {hit}: it is the input page {page}", EXIT_USAGE)


def _status_of(failure: PageFailure) -> int:
    if failure.kind is FailureKind.READ:
        return EXIT_NOT_FOUND
    if failure.kind is FailureKind.DECODE:
        return EXIT_DECODE
    if failure.kind is FailureKind.MISSING_EXTRA:
        return EXIT_USAGE
    return EXIT_PAGES_FAILED


def _parse_all(
    inputs: Sequence[str],
    date: dt.date | None,
    encoding: str | None = None,
    *,
    max_chars: int | None = MAX_CHARS,
    stop: Callable[[], None],
) -> list[PageResult]:
    """Every page named by ``inputs`` (stdin, PDFs, text pages), or a ``_CommandError``.

    ``stop`` is called after each page, and by ``parse_many`` while it waits on its
    workers (see ``_Signals.stop``). Whatever stops the loop closes ``parse_many``'s
    iterator there, so that its workers are killed before the command goes on.
    """
    if STDIN in inputs:
        if len(inputs) > 1:
            raise _CommandError("- (standard input) cannot be mixed with files", EXIT_USAGE)
        return [PageResult(STDIN, _read_stdin(date, encoding, max_chars))]
    try:
        paths = find_pages(inputs)
    except InputNotFoundError as err:
        raise _CommandError(str(err), EXIT_NOT_FOUND) from None
    processes = 1 if len(paths) <= _SERIAL_LIMIT else None
    results: list[PageResult] = []
    pages = parse_many(
        paths, processes=processes, date=date, encoding=encoding, max_chars=max_chars, check=stop
    )
    with contextlib.closing(pages):
        for result in pages:
            stop()
            if isinstance(result, PageFailure):
                raise _CommandError(result.reason, _status_of(result))
            results.append(result)  # a PDF gives one result per PDF page, in order
    return results


def _read_stdin(date: dt.date | None, encoding: str | None, max_chars: int | None) -> Page:
    """Standard input, decoded like a file and parsed within ``max_chars``."""
    stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else None
    data = stream.read() if stream is not None else sys.stdin.read().encode()
    try:
        found = decode(data, name="<stdin>", encoding=encoding)
        page = parse_page(found.text, date=date, max_chars=max_chars)
    except InputTooLargeError as err:
        raise _CommandError(f"<stdin>: {err}", EXIT_PAGES_FAILED) from None
    except NewsparseError as err:
        raise _CommandError(str(err), EXIT_DECODE) from None
    return evolve(page, source=Source(STDIN, found.encoding))


# ---------------------------------------------------------------- commands


def _cmd_parse(args: argparse.Namespace, stop: Callable[[], None]) -> int:
    _refuse_input_as_output(args.output, args.files)
    results = _parse_all(args.files, args.date, args.encoding, max_chars=args.max_chars, stop=stop)
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


_TABLES: dict[str, tuple[Callable[[list[Page]], list[dict[str, Any]]], tables.Columns]] = {
    "figures": (tables.figure_records, tables.FIGURES),
    "dates": (tables.date_records, tables.DATES),
    "people": (tables.people_records, tables.PEOPLE),
}


def _cmd_table(args: argparse.Namespace, stop: Callable[[], None]) -> int:
    records, columns = _TABLES[args.command]
    if args.format == "parquet" and args.output is None:
        raise _CommandError("--format parquet needs -o OUT.parquet", EXIT_USAGE)
    _refuse_input_as_output(args.output, args.files)
    results = _parse_all(args.files, args.date, args.encoding, max_chars=args.max_chars, stop=stop)
    pages = [r.page if r.page.source is not None else _sourced(r) for r in results]
    rows = records(pages)
    stop()
    if args.format == "parquet":
        try:
            tables.write_parquet(rows, columns, args.output)
        except MissingExtraError as err:
            raise _CommandError(str(err), EXIT_USAGE) from None
        except OSError as err:
            msg = f"cannot write {args.output}: {err.strerror or err}"
            raise _CommandError(msg, EXIT_OUTPUT) from None
        return EXIT_OK
    if args.format == "jsonl":
        text = tables.to_jsonl(rows, columns)
    else:
        text = tables.to_csv(rows, columns, bom=args.bom)
    _emit(text, args.output)
    return EXIT_OK


def _sourced(result: PageResult) -> Page:
    return evolve(result.page, source=Source(result.path))


def _cmd_show(args: argparse.Namespace, stop: Callable[[], None]) -> int:
    _refuse_input_as_output(args.output, [args.file])
    results = _parse_all([args.file], args.date, args.encoding, max_chars=args.max_chars, stop=stop)
    out = args.output
    to_site = out is not None and (out.endswith(("/", os.sep)) or Path(out).is_dir())
    if not to_site:
        if len(results) != 1:
            raise _CommandError(
                f"{args.file}: names {len(results)} pages; show writes one page to a file, "
                "or a site with -o DIR/",
                EXIT_USAGE,
            )
        (result,) = results
        _emit(page_html(result.page, title=Path(result.path).name), out)
        return EXIT_OK
    site = Path(out)
    try:
        site.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise _CommandError(f"cannot write {out}: {err.strerror or err}", EXIT_OUTPUT) from None
    for name, html in site_files([(r.path, r.page) for r in results]):
        stop()
        _emit(html, str(site / name))
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace, stop: Callable[[], None]) -> int:
    del stop  # one page: ``main`` checks once it returns
    page = parse_page(sample_text())
    if args.format == "json":
        text = page.to_json(indent=2) + "\n"
    elif args.format == "md":
        text = page_markdown(page, title="newsparse sample page")
    else:
        text = page_text(page) + "\n"
    _emit(text, None)
    return EXIT_OK


def _cmd_batch(args: argparse.Namespace, stop: Callable[[], None]) -> int:
    try:
        pages = find_pages(args.inputs)
    except InputNotFoundError as err:
        raise _CommandError(str(err), EXIT_NOT_FOUND) from None
    to_stdout = args.output == "-"
    out = Path(args.output)
    if to_stdout:
        if args.resume:
            raise _CommandError("--resume needs an output file, not '-o -'", EXIT_USAGE)
    else:
        _refuse_input_as_output(args.output, args.inputs, str(errors_path(out)), pages=pages)
        if not out.parent.is_dir():
            raise _CommandError(f"cannot write {out}: no such folder {out.parent}", EXIT_OUTPUT)
        if out.is_dir():
            raise _CommandError(f"cannot write {out}: it is a folder", EXIT_OUTPUT)
    unit = "files" if any(is_pdf(p) for p in pages) else "pages"  # a PDF holds several pages
    progress = Progress(len(pages), sys.stderr, force=False, unit=unit)
    if to_stdout:
        progress.enabled = False  # stderr carries the error lines
    started = time.monotonic()
    try:
        summary = run_batch(
            pages,
            out if not to_stdout else "-",
            processes=args.jobs,
            date=args.date,
            resume=args.resume,
            progress=progress,
            timeout=args.timeout,
            max_chars=args.max_chars,
            encoding=args.encoding,
            check=stop,
            warn=lambda message: _write_stream(sys.stderr, f"{_PROG}: warning: {message}\n"),
        )
    except BrokenPipeError:
        raise
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
        where = "the lines above" if to_stdout else str(errors_path(out))
        _write_stream(
            sys.stderr,
            f"{_PROG}: {summary.failed} of {summary.total} pages failed; see {where}\n",
        )
        return EXIT_PAGES_FAILED
    return EXIT_OK


_COMMANDS: dict[str, Callable[[argparse.Namespace, Callable[[], None]], int]] = {
    "parse": _cmd_parse,
    "figures": _cmd_table,
    "dates": _cmd_table,
    "people": _cmd_table,
    "batch": _cmd_batch,
    "show": _cmd_show,
    "demo": _cmd_demo,
}


class _Signals:
    """The run's SIGINT and SIGTERM: the first raises ``_Interrupted``; none is lost.

    Python cannot raise what a handler raises inside a weak reference's
    callback or a finalizer (the interpreter runs them as it frees objects):
    it hands the exception to ``sys.unraisablehook`` and goes on.
    ``unraisable`` drops that exception of ours (no traceback) and keeps it:
    the signal is then not handled, so a later one raises again, and ``stop``,
    which the long loops call between pages, raises it at a safe point.

    >>> signals = _Signals()
    >>> signals.stop()  # nothing caught: the run goes on
    >>> class Args:
    ...     exc_value = _Interrupted()
    >>> signals.unraisable(Args())
    >>> signals.swallowed, signals.raising
    (True, False)
    >>> try:
    ...     signals.stop()
    ... except _Interrupted:
    ...     print("stopped")
    stopped
    >>> signals.handler(signal.SIGINT, None)  # one is on its way: ignored while it stops
    """

    __slots__ = ("hook", "raising", "swallowed")

    def __init__(self, hook: Callable[[sys.UnraisableHookArgs], object] | None = None) -> None:
        self.hook = hook
        """The unraisable hook that hears of every other unraisable exception."""
        self.raising = False
        """An ``_Interrupted`` is on its way up: signals are ignored while the run stops."""
        self.swallowed = False
        """Python swallowed an ``_Interrupted``: ``stop`` raises one."""

    def handler(self, signum: int, frame: FrameType | None) -> None:
        del signum, frame
        if self.raising:  # a second Ctrl-C must not break the stopping (or its report)
            return
        self.raising = True
        raise _Interrupted

    def unraisable(self, args: sys.UnraisableHookArgs) -> None:
        if isinstance(args.exc_value, _Interrupted):
            self.raising = False  # it never got up: the signal is still to handle
            self.swallowed = True
        elif self.hook is not None:
            self.hook(args)

    def stop(self) -> None:
        """Raise ``_Interrupted`` if Python swallowed one (not if one is on its way)."""
        if self.swallowed and not self.raising:
            self.raising = True
            raise _Interrupted

    @property
    def caught(self) -> bool:
        """Whether a signal came (raised, or swallowed and still to raise)."""
        return self.raising or self.swallowed


@contextlib.contextmanager
def _interrupts(*, ignore_after: bool) -> Iterator[_Signals]:
    """Handle SIGINT and SIGTERM with a ``_Signals`` (the one yielded) while the run lasts.

    With ``ignore_after``, once a signal came, the signals stay ignored when
    it ends (the process exits); otherwise the previous handlers, and the
    previous unraisable hook, are restored.
    """
    signals = _Signals(sys.unraisablehook)
    try:
        previous = {
            sig: signal.signal(sig, signals.handler) for sig in (signal.SIGINT, signal.SIGTERM)
        }
    except ValueError:  # not the main thread: leave signals alone
        yield signals
        return
    sys.unraisablehook = signals.unraisable
    try:
        yield signals
    finally:
        for sig, old in previous.items():
            signal.signal(sig, signal.SIG_IGN if signals.caught and ignore_after else old)
        if sys.unraisablehook == signals.unraisable:
            sys.unraisablehook = signals.hook or sys.__unraisablehook__


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``newsparse`` command with ``argv`` (default ``sys.argv[1:]``); return the status.

    >>> main(["parse", "--format", "xml", "page.txt"])
    2
    """
    parser = _build_parser()
    # Run as the command (no argv), an interrupted process ignores further
    # signals until it exits; called in-process, the caller's handlers return.
    try:
        with _interrupts(ignore_after=argv is None) as signals:
            status = _run(parser, argv, signals.stop)
            signals.stop()  # swallowed as the command returned: still an interrupt
            return status
    except BaseException as exc:
        # the signal came as the command returned, before the handlers were restored, or
        # it was raised inside a ``__set_name__`` during the run (wrapped: ``raised_from``)
        if not raised_from(exc, _Interrupted):
            raise
        _write_stream(sys.stderr, f"{_PROG}: interrupted\n")
        return EXIT_INTERRUPTED


def _run(parser: _Parser, argv: Sequence[str] | None, stop: Callable[[], None]) -> int:
    """Run the command of ``argv``; ``stop`` raises ``_Interrupted`` once a signal was swallowed."""
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.error("choose a command: " + ", ".join(_COMMANDS))
        return _COMMANDS[args.command](args, stop)
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
