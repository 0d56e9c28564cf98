r"""Parsing many pages: in parallel, in input order, errors as values.

[`parse_many()`][newsparse.parse_many] is the Python API: an iterator of
[`PageResult`][newsparse.PageResult] (a parsed page) or
[`PageFailure`][newsparse.PageFailure] (a page that could not be read,
decoded or parsed, with the reason), one per input, in input order. A bad
page never loses the others.

[`run_batch()`][newsparse.run_batch] is what ``newsparse batch`` runs: it writes one JSON line
per page to an output file (or stdout), failures to a sibling
``.errors.jsonl`` file, the lines of each file with a single write, and it
can resume a run, skipping the files already written that have not changed
since.

A PDF file (``.pdf``, any case) gives one page per PDF page, each with the
PDF page number in its ``source`` (as [`parse_pdf()`][newsparse.parse_pdf]
sets it): ``parse_many`` yields one result per PDF page, ``run_batch``
writes one line per PDF page, all of them in one write, and its resume takes
or redoes the lines of one PDF together.

[`find_pages()`][newsparse.find_pages] expands files, folders (every ``*.txt`` and ``*.pdf``
below them) and glob patterns into a sorted, de-duplicated list of page paths.

How the worker processes are run, and why an interrupt cannot hang:

- each worker is a plain child process (``python -c``, started with
  ``subprocess`` in a session of its own) that reads page paths from
  its stdin and writes one length-prefixed frame per file to its stdout:
  the finished JSON lines (``run_batch``) or the pickled results
  (``parse_many``), one per page (a PDF has several). Nothing is shared
  but these two pipes; there is no executor, no result thread and no queue feeder thread;
- the parent owns all writing and all decisions. It waits on the workers'
  pipes with a selector, one page in flight per worker, so it always knows
  which page a worker holds: a worker that dies costs that page only (run
  once more in a fresh worker, then reported as ``crash``), and a worker
  over the time limit is killed and its page reported as ``timeout``;
- workers live in their own session, so Ctrl-C or a signal to the process
  group reaches the parent alone. On any exception, an interrupt included,
  the parent kills every worker (``SIGKILL``) and reaps it, with SIGINT and
  SIGTERM blocked meanwhile: nothing is left to wait for, so the exit is
  bounded. A half-written frame from a killed worker is simply dropped;
- a worker checks that its parent is alive: it exits at the end of its
  stdin, on a broken stdout, and when a watchdog thread sees its parent
  process change (the parent was killed, even with ``SIGKILL``);
- workers do not re-import the caller's ``__main__`` module, so a script
  needs no ``if __name__ == "__main__":`` guard.

>>> import tempfile
>>> from pathlib import Path
>>> tmp = Path(tempfile.mkdtemp())
>>> _ = (tmp / "a.txt").write_text("标题\n\n本报讯 今年产值达3.86亿元。", encoding="utf-8")
>>> _ = (tmp / "b.txt").write_bytes(b"\xff\xfe\xff")
>>> [r.ok for r in parse_many(sorted(tmp.glob("*.txt")), processes=1)]
[True, False]
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import enum
import functools
import glob
import hashlib
import json
import os
import pickle
import selectors
import signal
import struct
import subprocess
import sys
import threading
import time
import warnings
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeAlias

from attrs import define, evolve, frozen

from newsparse.errors import (
    DecodeError,
    InputNotFoundError,
    InputTooLargeError,
    MissingExtraError,
    NewsparseError,
)
from newsparse.io import decode, is_pdf
from newsparse.model import Page, Source
from newsparse.page import MAX_CHARS, parse_page
from newsparse.pdf import pdf_pages

if TYPE_CHECKING:
    from collections.abc import Callable, Generator, Iterable, Iterator, Sequence


__all__ = [
    "DEFAULT_TIMEOUT",
    "BatchSummary",
    "FailureKind",
    "InputNotFoundError",
    "PageFailure",
    "PageRecord",
    "PageResult",
    "Progress",
    "Provenance",
    "WorkerError",
    "errors_path",
    "find_pages",
    "parse_many",
    "parse_many_json",
    "run_batch",
]

_GLOB_CHARS = frozenset("*?[")
_WINDOW_PER_PROCESS = 32
"""Pages dispatched but not yet consumed, per worker: bounds memory and reordering."""

_DEPTH = 16
"""Pages sent to a worker ahead of its answers, so that it never waits for the next one and
the parent can wait for several answers at a time (see ``_Pool._linger``)."""

_LINGER = 0.25
"""Longest the parent waits before it looks at the pipes (seconds), so that a wake-up takes
several answers: each wake-up costs the parent more than moving a page's bytes. It delays
results, never a time limit: each answer carries the time the worker sent it, which starts
the next page's clock."""

_PIPE_SHARE = 0.75
"""Share of a worker's pipe that the answers arriving while the parent lingers may fill."""

_PACE = 16
"""Answers whose times tell the workers' pace (seconds a page)."""

_SERIAL_PAGES = 4
"""``parse_many`` parses this many pages or fewer in the calling process."""

_ATTEMPTS = 2
"""Workers a page may kill before it is reported as a ``crash``."""

_WATCH_INTERVAL = 0.2
"""Seconds between a worker's checks that its parent is alive."""

_CHECK_INTERVAL = 0.1
"""Longest the parent waits on its workers between two calls of the caller's ``check``
(``run_batch(check=)``, ``parse_many(check=)``): a wait longer than this is cut into slices."""

DEFAULT_TIMEOUT = 60.0
"""Default per-page time limit of ``run_batch()`` and ``newsparse batch``, in seconds."""


class FailureKind(enum.Enum):
    """Why a page produced no result.

    >>> FailureKind("timeout")
    <FailureKind.TIMEOUT: 'timeout'>
    """

    READ = "read"
    """The file could not be read (missing, a folder, no permission)."""
    NAME = "name"
    """The file name is not valid UTF-8, so no output line could name it."""
    DECODE = "decode"
    """The bytes are in none of the supported encodings, or the file is not a readable PDF."""
    MISSING_EXTRA = "missing_extra"
    """Reading the file needs an optional extra that is not installed (PDFs: ``[pdf]``)."""
    TOO_LARGE = "too_large"
    """The text is longer than ``max_chars`` (``--max-chars``)."""
    PARSE = "parse"
    """The parser raised (a bug: please report it with the page)."""
    CRASH = "crash"
    """The worker process parsing the page died, twice."""
    TIMEOUT = "timeout"
    """The page took longer than the time limit (``timeout``, ``--timeout``)."""


class WorkerError(RuntimeError):
    """The worker processes cannot run at all (they fail as they start).

    >>> str(WorkerError("cannot start"))
    'cannot start'
    """


def _display(path: str) -> str:
    r"""``path`` as valid UTF-8 text: bytes that are not UTF-8 as ``\xNN``.

    >>> _display("页.txt"), _display(os.fsdecode(b"p\xff.txt"))
    ('页.txt', 'p\\xff.txt')
    """
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        try:
            raw = path.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            return path.encode("utf-8", "backslashreplace").decode("utf-8")
        return raw.decode("utf-8", "backslashreplace")
    return path


@functools.cache
def _version() -> str:
    try:
        return version("newsparse")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


@frozen
class Provenance:
    """Where a parsed page came from: what ``--resume`` checks before skipping it.

    ``path`` is the file's resolved absolute path, ``sha256`` the hash of its
    bytes, ``version`` the newsparse version that parsed it and ``date`` the
    page date it was given (``--date``), if any. ``pdf_pages`` is the number
    of pages of a PDF file (``None`` for a text page): every page of a PDF
    carries the same provenance, and a resume keeps them only all together.

    >>> s = Provenance("/data/a.txt", "ab" * 32, "0.1.0", dt.date(2023, 7, 29))
    >>> s.to_dict()["date"], Provenance.from_dict(s.to_dict()) == s
    ('2023-07-29', True)
    >>> Provenance("/data/a.pdf", "ab" * 32, "0.1.0", pdf_pages=4).to_dict()["pdf_pages"]
    4
    """

    path: str
    sha256: str
    version: str
    date: dt.date | None = None
    pdf_pages: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """``{"path", "sha256", "version", "date"}``, and ``"pdf_pages"`` for a PDF.

        ``date`` is ISO text or ``None``.
        """
        data: dict[str, Any] = {
            "path": _display(self.path),
            "sha256": self.sha256,
            "version": self.version,
            "date": None if self.date is None else self.date.isoformat(),
        }
        if self.pdf_pages is not None:
            data["pdf_pages"] = self.pdf_pages
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Provenance:
        """The ``Provenance`` that ``to_dict()`` wrote."""
        day = data.get("date")
        pages = data.get("pdf_pages")
        return cls(
            path=str(data["path"]),
            sha256=str(data["sha256"]),
            version=str(data["version"]),
            date=None if day is None else dt.date.fromisoformat(str(day)),
            pdf_pages=None if pages is None else int(pages),
        )


@frozen
class PageResult:
    """A page parsed from ``path``, and the ``Provenance`` it was parsed from.

    >>> from newsparse.model import Page
    >>> r = PageResult("a.txt", Page(text=""))
    >>> r.ok, r.to_dict()["path"], r.to_dict()["page"]["articles"]
    (True, 'a.txt', [])
    """

    path: str
    page: Page
    provenance: Provenance | None = None

    @property
    def ok(self) -> bool:
        """Always ``True``: the page was parsed."""
        return True

    def to_dict(self) -> dict[str, Any]:
        """``{"path", "provenance", "page"}`` with ``page`` as ``newsparse.Page.to_dict()``.

        ``provenance`` is left out when it is not known.
        """
        data: dict[str, Any] = {"path": _display(self.path)}
        if self.provenance is not None:
            data["provenance"] = self.provenance.to_dict()
        data["page"] = self.page.to_dict()
        return data


@frozen
class PageFailure:
    """A page that could not be read, decoded or parsed, and why.

    ``pdf_page`` is the number of the PDF page that failed, when one page of
    a PDF fails (``None`` for a text page and for a PDF that fails as a whole).

    >>> f = PageFailure("b.txt", FailureKind.DECODE, "cannot decode b.txt")
    >>> f.ok, f.to_dict()
    (False, {'path': 'b.txt', 'error': 'decode', 'reason': 'cannot decode b.txt'})
    >>> PageFailure("a.pdf", FailureKind.TOO_LARGE, "too long", pdf_page=3).to_dict()["pdf_page"]
    3
    """

    path: str
    kind: FailureKind
    reason: str
    pdf_page: int | None = None

    @property
    def ok(self) -> bool:
        """Always ``False``: there is no page."""
        return False

    def to_dict(self) -> dict[str, Any]:
        """``{"path", "error", "reason"}``, and ``"pdf_page"`` for one page of a PDF."""
        data: dict[str, Any] = {
            "path": _display(self.path),
            "error": self.kind.value,
            "reason": self.reason,
        }
        if self.pdf_page is not None:
            data["pdf_page"] = self.pdf_page
        return data


@frozen
class PageRecord:
    r"""One page's result as the JSON line ``run_batch`` writes for it.

    [`parse_many_json()`][newsparse.parse_many_json] yields these. ``line``
    is UTF-8 JSON ending in a newline: ``PageResult.to_dict()`` when ``ok``,
    ``PageFailure.to_dict()`` when not. ``path`` is the input it came from
    (for a PDF, each of its pages has a record).

    >>> r = PageRecord("a.txt", False, b'{"path": "a.txt", "error": "read", "reason": "gone"}\n')
    >>> r.to_dict()["error"]
    'read'
    """

    path: str
    ok: bool
    line: bytes

    def to_dict(self) -> dict[str, Any]:
        """The record decoded: the ``to_dict()`` of the result or of the failure."""
        data: dict[str, Any] = json.loads(self.line)
        return data


# ---------------------------------------------------------------- inputs


def _key(path: Path) -> str:
    return path.as_posix()


def _is_page_name(name: str) -> bool:
    """Whether a folder's entry named ``name`` is a page file: ``*.txt``, or a PDF (any case).

    >>> _is_page_name("a.txt"), _is_page_name("A.PDF"), _is_page_name(".txt"), _is_page_name("a.md")
    (True, True, False, False)
    """
    ext = os.path.splitext(name)[1]  # noqa: PTH122 - a name, not a path: no Path per entry
    return ext == ".txt" or ext.lower() == ".pdf"


def _pages_below(folder: str) -> list[tuple[Path, str]]:
    """The page files below ``folder``, sorted as paths, each with its resolved path.

    One walk with ``os.scandir``: the entries' types come with them, and a
    file's resolved path is its resolved folder's joined with its name unless
    it is a symbolic link, so no file needs a system call of its own.
    Symbolic links to folders are not followed; to files, they are.
    """
    found: list[tuple[tuple[str, ...], str, str]] = []
    todo: list[tuple[str, str, tuple[str, ...]]] = [(folder, os.path.realpath(folder), ())]
    while todo:
        here, resolved, parts = todo.pop()
        try:
            with os.scandir(here) as it:
                entries = list(it)
        except OSError:
            continue
        for entry in entries:
            with contextlib.suppress(OSError):
                link = entry.is_symlink()
                name = entry.name
                if entry.is_dir() and not link:
                    todo.append((entry.path, os.path.join(resolved, name), (*parts, name)))  # noqa: PTH118
                elif _is_page_name(name) and entry.is_file():
                    real = os.path.realpath(entry.path) if link else os.path.join(resolved, name)  # noqa: PTH118
                    found.append(((*parts, name), entry.path, real))
    found.sort(key=lambda f: f[0])
    return [(Path(path), real) for _, path, real in found]


def find_pages(inputs: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Expand files, folders (recursive ``*.txt`` and ``*.pdf``) and globs into page paths.

    Each input contributes its pages in sorted order, inputs in the order
    given; a page named twice (in any spelling) is kept at its first place. A file is taken
    whatever its suffix; a folder contributes its ``*.txt`` files and its PDFs
    (``*.pdf``, any case), sorted together by path. A PDF is one path here;
    ``parse_many`` and ``run_batch`` give one page per PDF page.

    Raises [`InputNotFoundError`][newsparse.InputNotFoundError] for an input that is missing or that
    yields no page.

    >>> import tempfile
    >>> from pathlib import Path
    >>> tmp = Path(tempfile.mkdtemp())
    >>> (tmp / "sub").mkdir()
    >>> for name in ("b.txt", "a.txt", "sub/c.txt", "notes.md", "a1.PDF"):
    ...     _ = (tmp / name).write_text("x", encoding="utf-8")
    >>> [p.relative_to(tmp).as_posix() for p in find_pages([tmp, tmp / "b.txt"])]
    ['a.txt', 'a1.PDF', 'b.txt', 'sub/c.txt']
    >>> find_pages([tmp / "missing.txt"])
    Traceback (most recent call last):
    ...
    newsparse.errors.InputNotFoundError: .../missing.txt: no such file or folder
    """
    found: list[Path] = []
    seen: set[str] = set()
    for raw in inputs:
        item = os.fspath(raw)
        path = Path(item)
        if path.is_dir():
            pages = _pages_below(item)
            if not pages:
                raise InputNotFoundError(item, "folder holds no *.txt or *.pdf page")
        elif path.exists():
            pages = [(path, os.path.realpath(path))]
        elif _GLOB_CHARS & set(item):
            matches = glob.glob(item, recursive=True)  # noqa: PTH207 - the pattern may be absolute
            pages = [(p, os.path.realpath(p)) for p in sorted(map(Path, matches)) if p.is_file()]
            if not pages:
                raise InputNotFoundError(item, "pattern matches no file")
        else:
            raise InputNotFoundError(item, "no such file or folder")
        for page, key in pages:  # key: the resolved path, one file however it is spelled
            if key not in seen:
                seen.add(key)
                found.append(page)
    return found


# ---------------------------------------------------------------- one page


@frozen
class _Job:
    """How every page of a run is read and parsed (sent to each worker once)."""

    date: dt.date | None = None
    max_chars: int | None = MAX_CHARS
    parser: Callable[..., Page] | None = None
    encoding: str | None = None


_Outcome: TypeAlias = PageResult | PageFailure


def _parse_file(path: str, job: _Job, tick: Callable[[], None] | None = None) -> list[_Outcome]:
    """Read and parse one file: one result per page (a PDF has several); failures are values.

    ``tick`` is called after each page of a PDF (a worker's sign of life).
    """
    shown = _display(path)
    if shown != path:
        return [PageFailure(path, FailureKind.NAME, f"{shown}: the file name is not valid UTF-8")]
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        return [PageFailure(path, FailureKind.READ, f"cannot read {path}: {err.strerror or err}")]
    provenance = Provenance(
        os.path.realpath(path), hashlib.sha256(data).hexdigest(), _version(), job.date
    )
    if is_pdf(path):
        return _parse_pdf(path, data, job, provenance, tick)
    try:
        found = decode(data, name=path, encoding=job.encoding)
    except DecodeError as err:
        return [PageFailure(path, FailureKind.DECODE, str(err))]
    except (UnicodeError, LookupError, NewsparseError) as err:
        return [PageFailure(path, FailureKind.DECODE, f"cannot decode {path}: {err}")]
    return [_parse_text(path, found.text, job, Source(path, found.encoding), provenance)]


def _parse_pdf(
    path: str, data: bytes, job: _Job, provenance: Provenance, tick: Callable[[], None] | None
) -> list[_Outcome]:
    """Every page of the PDF ``data``, each with its number and 版; ``--encoding`` plays no part."""
    try:
        texts = pdf_pages(path, data=data)
    except MissingExtraError as err:
        return [PageFailure(path, FailureKind.MISSING_EXTRA, str(err))]
    except NewsparseError as err:
        return [PageFailure(path, FailureKind.DECODE, str(err))]
    except Exception as err:  # noqa: BLE001 - pdfium's own errors: the file is not readable
        reason = f"cannot read {path} as a PDF: {type(err).__name__}: {err}"
        return [PageFailure(path, FailureKind.DECODE, reason)]
    if not texts:
        return [PageFailure(path, FailureKind.DECODE, f"{path}: the PDF has no page")]
    provenance = evolve(provenance, pdf_pages=len(texts))
    out: list[_Outcome] = []
    for pdf_page in texts:
        source = Source(path, None, pdf_page.number, pdf_page.edition)
        result = _parse_text(path, pdf_page.text, job, source, provenance, pdf_page=pdf_page.number)
        out.append(result)
        if tick is not None:
            tick()
    return out


def _parse_text(
    path: str,
    text: str,
    job: _Job,
    source: Source,
    provenance: Provenance,
    *,
    pdf_page: int | None = None,
) -> _Outcome:
    """Parse one page's text; its ``source`` is set unless the parser set one."""
    parse = parse_page if job.parser is None else job.parser
    where = path if pdf_page is None else f"{path} (PDF page {pdf_page})"
    try:
        page = parse(text, date=job.date, max_chars=job.max_chars)
    except InputTooLargeError as err:
        return PageFailure(path, FailureKind.TOO_LARGE, f"{where}: {err}", pdf_page)
    except Exception as err:  # noqa: BLE001 - one page's parser bug must not stop the others
        reason = f"{type(err).__name__}: {err}"
        if pdf_page is not None:
            reason = f"{where}: {reason}"
        return PageFailure(path, FailureKind.PARSE, reason, pdf_page)
    if isinstance(page, Page) and page.source is None:
        page = evolve(page, source=source)
    return PageResult(path, page, provenance)


def _line_of(result: _Outcome) -> tuple[bool, bytes]:
    """``(ok, the JSON line)``; a page that cannot be serialized is a ``parse`` failure."""
    try:
        text = json.dumps(result.to_dict(), ensure_ascii=False) + "\n"
        return result.ok, text.encode("utf-8")
    except Exception as err:  # noqa: BLE001 - a page that cannot be serialized is a failure
        failure = PageFailure(result.path, FailureKind.PARSE, f"{type(err).__name__}: {err}")
        text = json.dumps(failure.to_dict(), ensure_ascii=False) + "\n"
        return False, text.encode("utf-8", "backslashreplace")


_COUNTS = struct.Struct("!QII")
"""The head of a file's lines: bytes of output lines, output lines, error lines."""


def _lines_of(results: Sequence[_Outcome]) -> bytes:
    r"""The output lines and the error lines of one file's results, as one payload.

    The payload is a head (the length of the output lines, and how many output and error lines
    there are), the output lines, then the error lines: the parent writes both parts
    without decoding them or counting their newlines; ``_split_lines`` takes it apart.

    >>> payload = _lines_of([PageFailure("a", FailureKind.READ, "x")])
    >>> good, bad, n_good, n_bad = _split_lines(payload)
    >>> bytes(good), bytes(bad), n_good, n_bad
    (b'', b'{"path": "a", "error": "read", "reason": "x"}\n', 0, 1)
    """
    out: list[bytes] = []
    err: list[bytes] = []
    for result in results:
        ok, line = _line_of(result)
        (out if ok else err).append(line)
    good = b"".join(out)
    return _COUNTS.pack(len(good), len(out), len(err)) + good + b"".join(err)


_Lines: TypeAlias = tuple["bytes | memoryview", "bytes | memoryview", int, int]
"""A file's output lines, its error lines, and how many of each (views into one payload)."""


def _split_lines(payload: bytes) -> _Lines:
    """``(output lines, error lines, output count, error count)`` of a ``_lines_of`` payload.

    The parts are views of ``payload`` (bytes for an empty part): nothing is copied.
    """
    n, good_lines, bad_lines = _COUNTS.unpack_from(payload)
    start = _COUNTS.size
    view = memoryview(payload)
    good = view[start : start + n] if n else b""
    bad = view[start + n :] if bad_lines else b""
    return good, bad, good_lines, bad_lines


def _json_lines_of(results: Sequence[_Outcome]) -> bytes:
    """One file's results as ``(ok, JSON line)`` pairs, pickled: ``parse_many_json``'s payload."""
    return pickle.dumps([_line_of(r) for r in results], pickle.HIGHEST_PROTOCOL)


# ---------------------------------------------------------------- frames
#
# Parent and worker talk in frames: one kind byte, an 8-byte big-endian
# length, the sender's time.monotonic() (a double, 0 from the parent; the
# clock is the system's, the same in every process), the payload.
# Parent to worker: b"I" (the pickled settings, once), then b"T" (a file's
# path, as file-system bytes) per file. Worker to parent: b"R" (ready), then
# per file b"L" (its output and error lines, see _lines_of), b"J" (its
# results as pickled (ok, JSON line) pairs) or b"P" (its pickled list of
# results), preceded for a PDF by one b"K" (a sign of life that restarts the
# time limit) per page parsed; b"X" (a one-line message) if it cannot start.
# The time of each frame starts the clock of the worker's next page.

_HEADER = struct.Struct("!cQd")
_READ_SIZE = 1 << 18
_PIPE_SIZE = 1 << 20
"""Bytes a worker's pipes hold (Linux): a page's frame fits whole, so it arrives in one read."""


def _widen_pipe(fd: int) -> bool:
    """Let the pipe ``fd`` hold ``_PIPE_SIZE`` bytes where the system allows; whether it does."""
    try:
        import fcntl  # noqa: PLC0415 - POSIX only, like the worker processes

        return bool(fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), _PIPE_SIZE) >= _PIPE_SIZE)
    except (ImportError, OSError):  # not Linux, or over the user's pipe quota: the default size
        return False


def _write_parts(fd: int, parts: list[bytes | memoryview]) -> None:
    """Write ``parts`` one after the other with as few system calls as possible (one, usually)."""
    todo = [p for p in parts if len(p)]
    while todo:
        written = os.writev(fd, todo)
        while todo and written >= len(todo[0]):
            written -= len(todo[0])
            todo.pop(0)
        if written:
            todo[0] = memoryview(todo[0])[written:]


def _write_all(fd: int, data: bytes) -> None:
    # One write call for a whole line; the loop only matters for a short write.
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _frame(kind: bytes, payload: bytes, at: float = 0.0) -> bytes:
    return _HEADER.pack(kind, len(payload), at) + payload


def _read_exact(fd: int, n: int) -> bytes | None:
    chunks: list[bytes] = []
    while n:
        chunk = os.read(fd, min(n, _READ_SIZE))
        if not chunk:
            return None
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def _read_frame(fd: int) -> tuple[bytes, bytes] | None:
    head = _read_exact(fd, _HEADER.size)
    if head is None:
        return None
    kind, n, _ = _HEADER.unpack(head)
    payload = _read_exact(fd, n) if n else b""
    return None if payload is None else (kind, payload)


# ---------------------------------------------------------------- worker side

_BOOT = """\
import signal, sys
signal.signal(signal.SIGINT, signal.SIG_IGN)
if hasattr(signal, "pthread_sigmask"):
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
from newsparse.batch import _worker_main
_worker_main(int(sys.argv[1]))
"""
"""What a worker process runs (``python -c``); its argument is the parent's process id."""


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_WATCH_INTERVAL)
    os._exit(0)  # the parent is gone: nobody will read what this worker makes


def _worker_main(parent: int) -> None:
    """Serve pages to the parent process ``parent`` until its pipe closes (or it dies)."""
    if os.getppid() != parent:
        os._exit(0)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    out = os.dup(1)
    os.dup2(2, 1)  # a stray print() in a parser goes to stderr, never into a frame
    with contextlib.suppress(BrokenPipeError, KeyboardInterrupt):
        _serve(0, out)
    os._exit(0)


def _serve(fd_in: int, fd_out: int) -> None:
    first = _read_frame(fd_in)
    if first is None:
        return
    try:
        settings = pickle.loads(first[1])  # noqa: S301 - our own parent's settings
        job, form = settings
    except Exception as err:  # noqa: BLE001 - reported to the parent in one line
        message = f"the worker cannot load its settings: {type(err).__name__}: {err}"
        _write_all(fd_out, _frame(b"X", message.encode("utf-8", "backslashreplace")))
        return
    _write_all(fd_out, _frame(b"R", b"", time.monotonic()))
    answer = _ANSWERS[form]
    while (frame := _read_frame(fd_in)) is not None:
        path = os.fsdecode(frame[1])
        results = _parse_file(path, job, lambda: _write_all(fd_out, _alive()))
        _write_all(fd_out, _frame(form, answer(results), time.monotonic()))


def _alive() -> bytes:
    """A sign of life (a page of a PDF is parsed): it restarts the time limit."""
    return _frame(b"K", b"", time.monotonic())


_ANSWERS: dict[bytes, Callable[[Sequence[_Outcome]], bytes]] = {
    b"L": _lines_of,
    b"J": _json_lines_of,
    b"P": lambda results: pickle.dumps(list(results), pickle.HIGHEST_PROTOCOL),
}
"""How a worker sends a file's results, by the kind of frame its settings ask for."""


# ---------------------------------------------------------------- parent side


@contextlib.contextmanager
def _signals_blocked() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back (they are delivered on exit) where the platform can."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _worker_env() -> dict[str, str]:
    env = dict(os.environ)
    paths = [p or str(Path.cwd()) for p in sys.path]
    env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    return env


class _Worker:
    """One worker process and what the parent knows of it."""

    def __init__(self, settings: bytes, env: dict[str, str]) -> None:
        flags = ["-P"] if sys.version_info >= (3, 11) else []
        with _signals_blocked():  # inherited: a signal can't kill it before it ignores SIGINT
            self.proc = subprocess.Popen(  # noqa: S603 - our own interpreter and code
                [sys.executable, *flags, "-c", _BOOT, str(os.getpid())],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                bufsize=0,
                env=env,
                start_new_session=True,  # Ctrl-C and group signals reach the parent only
            )
        assert self.proc.stdin is not None
        assert self.proc.stdout is not None
        self.fd_in = self.proc.stdin.fileno()
        self.fd_out = self.proc.stdout.fileno()
        os.set_blocking(self.fd_out, False)
        self.wide = _widen_pipe(self.fd_out)
        """Whether the pipe holds answers while the parent lingers (else a worker would wait)."""
        self.buffer = bytearray()
        """The start of a frame that has not arrived whole."""
        self.chunk = memoryview(bytearray(_PIPE_SIZE))
        """Where each read lands (reused: no allocation per read)."""
        self.drained = True
        """Whether the last read emptied the pipe."""
        self.ready = False
        self.tasks: collections.deque[tuple[int, str, int]] = collections.deque()
        """Pages sent and not yet answered, in order: the first is being parsed."""
        self.sent: collections.deque[float] = collections.deque()
        """When each of ``tasks`` was sent."""
        self.deadline: float | None = None
        """When the first of ``tasks`` is over the time limit."""
        self.outbox: list[bytes] = []
        """Frames of the pages given and not sent yet (see ``flush``)."""
        self.send(_frame(b"I", settings))

    def send(self, data: bytes) -> None:
        with contextlib.suppress(OSError):  # a dead worker shows as the end of its stdout
            _write_all(self.fd_in, data)

    def give(self, task: tuple[int, str, int]) -> None:
        self.tasks.append(task)
        self.outbox.append(_frame(b"T", os.fsencode(task[1])))

    def flush(self, timeout: float | None) -> None:
        """Send the pages given since the last flush, in one write; an idle worker starts now."""
        if not self.outbox:
            return
        self.send(b"".join(self.outbox))
        now = time.monotonic()
        self.sent.extend([now] * len(self.outbox))
        if len(self.outbox) == len(self.tasks) and self.ready and timeout is not None:
            self.deadline = now + timeout  # it was waiting: it starts the first page now
        self.outbox.clear()

    def restart(self, at: float, timeout: float | None) -> None:
        """The worker starts its first task at ``at``, or when it was sent if that is later."""
        if timeout is not None and self.sent:
            self.deadline = max(at, self.sent[0]) + timeout
        else:
            self.deadline = None

    def answered(self, at: float, timeout: float | None) -> tuple[int, str, int]:
        """Take the first task off: its result came, sent at ``at``; the worker starts the next."""
        task = self.tasks.popleft()
        self.sent.popleft()
        self.restart(at, timeout)
        return task

    def frames(self, now: float) -> list[_Frame] | None:
        """The frames that arrived complete, or ``None`` at the end of the worker's stdout.

        One read into a reused buffer; a frame that arrived whole is copied out once, the start
        of one that did not waits in ``buffer``. Each frame comes with the time it was sent, or
        ``now`` if the worker may have waited to write it (the pipe could have been full: the
        frame came in parts, or with more than ``_TRUSTED_READ`` bytes), so that a time limit
        never starts before the page does.
        """
        try:
            n = os.readv(self.fd_out, [self.chunk])
        except BlockingIOError:
            return []
        except OSError:
            n = 0
        if n == 0:
            return None
        trusted = self.wide and self.drained and n <= _TRUSTED_READ
        self.drained = n < len(self.chunk)
        if self.buffer:
            carried = len(self.buffer)
            self.buffer += self.chunk[:n]
            return self._complete(memoryview(self.buffer), carried, now, trusted=trusted)
        return self._complete(self.chunk[:n], 0, now, trusted=trusted)

    def _complete(
        self, data: memoryview, carried: int, now: float, *, trusted: bool
    ) -> list[_Frame]:
        """The whole frames in ``data``, whose first ``carried`` bytes are ``buffer``'s."""
        out = []
        at = 0
        n = len(data)
        while n - at >= _HEADER.size:
            kind, size, sent = _HEADER.unpack_from(data, at)
            end = at + _HEADER.size + size
            if n < end:
                break
            whole = trusted and at >= carried  # all of it came in this read
            payload = bytes(data[at + _HEADER.size : end])
            out.append((kind, payload, min(sent, now) if whole else now))
            at = end
        if carried:
            data.release()  # before the bytearray can shrink
            del self.buffer[:at]
        else:
            self.buffer = bytearray(data[at:])
        return out

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.proc.kill()
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=10)


_Frame: TypeAlias = tuple[bytes, bytes, float]
"""A frame from a worker: its kind, its payload, when the worker sent it (see ``frames``)."""

_TRUSTED_READ = _PIPE_SIZE // 2
"""Bytes a read may bring and leave the times of its whole frames trusted: less than a full
pipe, so the worker did not wait to write them."""

_Answer: TypeAlias = "tuple[bytes, bytes, str] | PageFailure"
"""A file's answer: ``(frame kind, payload, path)`` from its worker, or why it has none."""


class _Pool:
    """Worker processes, one page each at a time; results yielded in input order.

    ``run`` yields lists: every answer that is ready in order, so that the caller can write
    them with one system call. ``check``, if given, is called as the parent starts to wait on
    the workers' pipes and then at least every ``_CHECK_INTERVAL`` while it waits: what it
    raises stops the run (the workers are killed), however long the pages take.
    """

    def __init__(
        self,
        settings: bytes,
        processes: int,
        timeout: float | None,
        check: Callable[[], None] | None = None,
    ) -> None:
        self.settings = settings
        self.processes = processes
        self.timeout = timeout
        self.check = check
        self.env = _worker_env()
        self.workers: list[_Worker] = []
        self.selector = selectors.DefaultSelector()
        self.done: dict[int, _Answer] = {}
        self.retry: collections.deque[tuple[int, str, int]] = collections.deque()
        self.started = False
        self.answers: collections.deque[float] = collections.deque(maxlen=_PACE)
        """When the workers sent the last answers."""
        self.sizes: collections.deque[int] = collections.deque(maxlen=_PACE)
        """Bytes of the last answers."""

    def run(self, paths: Iterable[str]) -> Iterator[list[_Answer]]:
        it = iter(paths)
        exhausted = False
        sent = taken = 0
        window = self.processes * _WINDOW_PER_PROCESS
        try:
            while True:
                while self.retry or (not exhausted and sent - taken < window):
                    worker = self._idle()
                    if worker is None:
                        break
                    if self.retry:
                        task = self.retry.popleft()
                    else:
                        path = next(it, None)
                        if path is None:
                            exhausted = True
                            break
                        task = (sent, path, 0)
                        sent += 1
                    worker.give(task)
                for worker in self.workers:
                    worker.flush(self.timeout)
                if taken in self.done:
                    ready = []
                    while taken in self.done:
                        ready.append(self.done.pop(taken))
                        taken += 1
                    yield ready
                    continue
                if exhausted and taken == sent:
                    return
                self._wait()
        finally:
            self.close()

    def _idle(self) -> _Worker | None:
        """A worker with room for a page: the least busy, or a new one."""
        least = min(self.workers, key=lambda w: len(w.tasks), default=None)
        if least is not None and not least.tasks:
            return least
        if len(self.workers) < self.processes:
            worker = _Worker(self.settings, self.env)
            self.workers.append(worker)
            self.selector.register(worker.fd_out, selectors.EVENT_READ, worker)
            return worker
        return least if least is not None and len(least.tasks) < _DEPTH else None

    def _linger(self) -> float:
        """Seconds to wait before looking at the pipes: while every worker has pages to go on.

        Half the time the workers take to parse the pages each holds beyond the one in hand (at
        the pace of the last answers), and no longer than their answers take to fill
        ``_PIPE_SHARE`` of a pipe (a worker would wait to write), at most ``_LINGER``; none
        while a worker is short of pages.
        """
        if len(self.answers) < 2 or len(self.workers) < self.processes:
            return 0.0
        if not all(w.wide for w in self.workers):
            return 0.0
        spare = min(len(w.tasks) for w in self.workers) - 1
        if spare <= 0:
            return 0.0
        span = max(self.answers) - min(self.answers)  # several workers: not in order
        pace = self.processes * span / (len(self.answers) - 1)  # seconds a page, a worker
        fit = _PIPE_SHARE * _PIPE_SIZE * len(self.sizes) / max(1, sum(self.sizes))
        return min(_LINGER, pace * min(spare / 2, fit))

    def _timeout(self) -> float | None:
        """Seconds until the nearest time limit, ``None`` without one."""
        deadlines = [w.deadline for w in self.workers if w.deadline is not None]
        return None if not deadlines else max(0.0, min(deadlines) - time.monotonic())

    def _wait(self) -> None:
        wait = self._timeout()
        linger = self._linger()
        if linger and (wait is None or linger < wait):
            time.sleep(linger)  # answers pile up in the pipes meanwhile (they hold a MiB each)
            wait = self._timeout()
        events = self._select(wait)
        now = time.monotonic()
        for key, _ in events:
            worker: _Worker = key.data
            frames = worker.frames(now)
            if frames is None:
                self._lost(worker)
                continue
            for kind, payload, at in frames:
                self._handle(worker, kind, payload, at)
            if worker.buffer:
                worker.deadline = None  # a result is arriving: the page is parsed
        for worker in list(self.workers):
            if worker.deadline is not None and worker.deadline <= now and worker.tasks:
                index, path, _ = worker.tasks.popleft()
                self.done[index] = PageFailure(
                    path,
                    FailureKind.TIMEOUT,
                    f"{_display(path)}: not parsed within {self.timeout:g} s (the time limit: "
                    "--timeout, timeout=)",
                )
                self.retry.extendleft(reversed(worker.tasks))  # not started: no attempt spent
                self._remove(worker)

    def _select(self, wait: float | None) -> list[tuple[selectors.SelectorKey, int]]:
        """The pipes ready within ``wait`` seconds (``None``: until one is), ``check`` between.

        Without a ``check``, one wait. With one, ``check`` is called first, and the wait is cut
        into slices of at most ``_CHECK_INTERVAL`` with a call after each one that saw nothing:
        the parent sleeps in the selector all along (no busy loop), and a page costs no more
        than the one call of the wait that takes its answer.
        """
        check = self.check
        if check is None:
            return self.selector.select(wait)
        end = None if wait is None else time.monotonic() + wait
        while True:
            check()
            left = _CHECK_INTERVAL if end is None else min(_CHECK_INTERVAL, end - time.monotonic())
            events = self.selector.select(max(0.0, left))
            if events or (end is not None and time.monotonic() >= end):
                return events

    def _handle(self, worker: _Worker, kind: bytes, payload: bytes, at: float) -> None:
        """Take in one frame of ``worker``, sent at ``at``: each one starts a page's clock."""
        if kind == b"R":
            worker.ready = self.started = True
            worker.restart(at, self.timeout)
        elif kind == b"X":
            raise WorkerError(payload.decode("utf-8", "replace"))
        elif kind == b"K":
            if worker.tasks and self.timeout is not None:  # a page of a PDF is done
                worker.deadline = at + self.timeout
        elif worker.tasks:
            index, path, _ = worker.answered(at, self.timeout)
            self.done[index] = (kind, payload, path)
            self.answers.append(at)
            self.sizes.append(len(payload))

    def _lost(self, worker: _Worker) -> None:
        """``worker`` died: its page goes to a fresh worker, or is a ``crash`` the second time."""
        self._remove(worker)
        if not worker.ready and not self.started:
            status = worker.proc.returncode
            raise WorkerError(
                f"the newsparse worker processes cannot start ({sys.executable} exited with "
                f"status {status}; see the messages above)"
            )
        if worker.tasks:
            index, path, attempts = worker.tasks.popleft()  # the page it was parsing
            self.retry.extendleft(reversed(worker.tasks))  # not started: no attempt spent
            if attempts + 1 < _ATTEMPTS:
                self.retry.appendleft((index, path, attempts + 1))
            else:
                self.done[index] = PageFailure(
                    path, FailureKind.CRASH, f"the worker parsing {_display(path)} died"
                )

    def _remove(self, worker: _Worker) -> None:
        with contextlib.suppress(KeyError, ValueError):
            self.selector.unregister(worker.fd_out)
        with _signals_blocked():
            worker.kill()
        self.workers.remove(worker)

    def close(self) -> None:
        """Kill and reap every worker; SIGINT and SIGTERM wait until it is done."""
        with _signals_blocked():
            for worker in self.workers:
                with contextlib.suppress(OSError):
                    worker.proc.kill()
            for worker in self.workers:
                worker.kill()
            self.workers.clear()
            self.selector.close()


def _default_processes() -> int:
    return max(1, os.cpu_count() or 1)


def _in_process(n: int | None, processes: int, timeout: float | None) -> bool:
    """Parse in the calling process: one process asked, or few pages, and no time limit."""
    if os.name != "posix":
        return True  # the worker pipes and sessions are POSIX
    if timeout is not None:
        return False  # only a separate process can be stopped in the middle of a page
    return processes <= 1 or (n is not None and n <= _SERIAL_PAGES)


def _settings(job: _Job, form: bytes) -> bytes:
    """The settings frame of the workers: the job, and the frame kind of their answers."""
    parser = job.parser
    if parser is not None and getattr(parser, "__module__", None) == "__main__":
        raise ValueError(
            f"parser {getattr(parser, '__qualname__', parser)!r} is defined in __main__: "
            "worker processes can only use a parser they can import (put it in a module)"
        )
    return pickle.dumps((job, form), pickle.HIGHEST_PROTOCOL)


def parse_many(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    processes: int | None = None,
    date: dt.date | None = None,
    chunksize: int | None = None,
    max_chars: int | None = MAX_CHARS,
    timeout: float | None = None,
    parser: Callable[..., Page] | None = None,
    encoding: str | None = None,
    check: Callable[[], None] | None = None,
) -> Generator[PageResult | PageFailure, None, None]:
    r"""Parse page files in parallel; one result per page, in input order.

    ``inputs`` are paths of text pages and PDFs (see
    [`find_pages()`][newsparse.find_pages] for folders and globs). A text is
    decoded as [`newsparse.io.decode()`][newsparse.io.decode] does (or in
    ``encoding``) and parsed with ``parse_page(text, date=date,
    max_chars=max_chars)``; its ``source`` names the file and the encoding.
    A PDF gives one result per PDF page, in order, each parsed the same way,
    its ``source`` as [`parse_pdf()`][newsparse.parse_pdf] sets it. A file
    that cannot be read, decoded or parsed gives a
    [`PageFailure`][newsparse.PageFailure] instead of raising (one for the
    file, or one per failing PDF page, ``pdf_page`` set): one bad page never
    loses the others. Too long a page is a ``too_large`` failure
    (``max_chars=None`` lifts the limit); a PDF without the ``[pdf]`` extra is
    a ``missing_extra`` failure.

    ``processes`` worker processes (default: one per CPU) parse the pages;
    with ``processes=1``, or four pages or fewer, the calling process does,
    unless ``timeout`` is set: a page that takes longer is stopped (its
    worker killed) and is a ``timeout`` failure (for the whole file: each page
    of a PDF has the limit). Workers are separate
    ``python`` processes: no ``if __name__ == "__main__":`` guard is needed.
    ``parser`` replaces [`parse_page()`][newsparse.parse_page] (called the
    same way; with workers, importable from a module). ``chunksize`` is
    unused (kept for compatibility). Rebuilding each ``Page`` costs the caller
    about 1 ms a page; [`parse_many_json()`][newsparse.parse_many_json] is the fast path.

    ``check``, if given, is called before each file parsed in the calling
    process and, with workers, while the caller waits on them: as the wait
    starts and at least every tenth of a second of it. What it raises stops
    the run (the workers are killed) and reaches the caller, however long a
    page takes; the command uses it for an interrupt that Python swallowed
    (a signal inside a weak reference's callback or a finalizer). Closing
    the iterator early (``close()``, or ``contextlib.closing``) stops the
    workers at once.

    Longer than 60 lines because this docstring documents each keyword; the
    body is six lines.

    >>> import tempfile
    >>> from pathlib import Path
    >>> tmp = Path(tempfile.mkdtemp())
    >>> _ = (tmp / "a.txt").write_text("标题\n\n本报讯 产值达3.86亿元。", encoding="utf-8")
    >>> [r.ok for r in parse_many([tmp / "a.txt", tmp / "missing.txt"], processes=1)]
    [True, False]
    >>> list(parse_many([tmp / "missing.txt"], processes=1))[0].kind
    <FailureKind.READ: 'read'>
    >>> list(parse_many([tmp / "a.txt"], processes=1, max_chars=5))[0].kind
    <FailureKind.TOO_LARGE: 'too_large'>
    """
    del chunksize
    job = _Job(date, max_chars, parser, encoding)
    n = len(inputs) if hasattr(inputs, "__len__") else None  # type: ignore[arg-type]
    wanted = _default_processes() if processes is None else processes
    procs = max(1, min(wanted, n or sys.maxsize))
    paths = (_key(Path(os.fspath(p))) for p in inputs)
    yield from _results(paths, n, procs, job, timeout, check)


def parse_many_json(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    processes: int | None = None,
    date: dt.date | None = None,
    max_chars: int | None = MAX_CHARS,
    timeout: float | None = None,
    parser: Callable[..., Page] | None = None,
    encoding: str | None = None,
    check: Callable[[], None] | None = None,
) -> Generator[PageRecord, None, None]:
    r"""[`parse_many()`][newsparse.parse_many], each result as its JSON line: the fast path.

    Takes the arguments of ``parse_many`` and yields, in the same order, one
    [`PageRecord`][newsparse.batch.PageRecord] per page: the page's path,
    whether it parsed, and the JSON line ``newsparse batch`` would write for
    it. The worker processes serialize the pages, so the calling process
    only passes bytes on (a few microseconds a page) instead of rebuilding
    each ``Page`` from its pickle (about a millisecond a page, which caps
    ``parse_many`` near a thousand pages a second however many workers
    parse): use it to store or forward pages, and ``parse_many`` to work on
    them in Python. ``check`` is called as in ``parse_many``.

    >>> import tempfile
    >>> from pathlib import Path
    >>> tmp = Path(tempfile.mkdtemp())
    >>> _ = (tmp / "a.txt").write_text("标题\n\n本报讯 产值达3.86亿元。", encoding="utf-8")
    >>> records = list(parse_many_json([tmp / "a.txt", tmp / "missing.txt"], processes=1))
    >>> [(r.ok, r.line.endswith(b"\n")) for r in records]
    [(True, True), (False, True)]
    >>> records[0].to_dict()["page"]["articles"][0]["headline"]
    '标题'
    """
    job = _Job(date, max_chars, parser, encoding)
    n = len(inputs) if hasattr(inputs, "__len__") else None  # type: ignore[arg-type]
    wanted = _default_processes() if processes is None else processes
    procs = max(1, min(wanted, n or sys.maxsize))
    paths = (_key(Path(os.fspath(p))) for p in inputs)
    if _in_process(n, procs, timeout):
        for path in paths:
            if check is not None:
                check()
            for result in _parse_file(path, job):
                yield PageRecord(path, *_line_of(result))
        return
    for ready in _Pool(_settings(job, b"J"), procs, timeout, check).run(paths):
        for answer in ready:
            if isinstance(answer, PageFailure):
                yield PageRecord(answer.path, *_line_of(answer))
            else:
                pairs: list[tuple[bool, bytes]] = pickle.loads(answer[1])  # noqa: S301 - our worker
                path = answer[2]
                for ok, line in pairs:
                    yield PageRecord(path, ok, line)


def _results(  # noqa: PLR0917 - parse_many's arguments, passed on
    paths: Iterable[str],
    n: int | None,
    procs: int,
    job: _Job,
    timeout: float | None,
    check: Callable[[], None] | None,
) -> Iterator[_Outcome]:
    """``parse_many``'s results: in this process, or from ``procs`` workers."""
    if _in_process(n, procs, timeout):
        for path in paths:
            if check is not None:
                check()
            yield from _parse_file(path, job)
        return
    for ready in _Pool(_settings(job, b"P"), procs, timeout, check).run(paths):
        for answer in ready:
            if isinstance(answer, PageFailure):
                yield answer
            else:
                results: list[_Outcome] = pickle.loads(answer[1])  # noqa: S301 - our worker
                yield from results


# ---------------------------------------------------------------- batch runner


def errors_path(out: str | os.PathLike[str]) -> Path:
    """Where ``newsparse batch`` records failures for output ``out``.

    >>> errors_path("run/pages.jsonl").as_posix()
    'run/pages.errors.jsonl'
    >>> errors_path("pages.out").as_posix()
    'pages.out.errors.jsonl'
    """
    path = Path(out)
    if path.suffix == ".jsonl":
        return path.with_suffix(".errors.jsonl")
    return path.with_name(path.name + ".errors.jsonl")


_PATH_PREFIX = b'{"path": '
_PROVENANCE_SEP = ', "provenance": '
_HEAD_BYTES = 1 << 16
"""Bytes of a line decoded to find its path and provenance (the page after them is skipped)."""


def _head_of(line: bytes) -> tuple[str, dict[str, Any] | None]:
    """The ``path`` and ``provenance`` of an output line, without decoding its page."""
    decoder = json.JSONDecoder()
    if line.startswith(_PATH_PREFIX):
        head = line[: _HEAD_BYTES + len(_PATH_PREFIX)].decode("utf-8", "ignore")
        with contextlib.suppress(ValueError):
            path, end = decoder.raw_decode(head, len(_PATH_PREFIX))
            if head.startswith(_PROVENANCE_SEP, end):
                source, _ = decoder.raw_decode(head, end + len(_PROVENANCE_SEP))
                if isinstance(source, dict):
                    return str(path), source
            return str(path), None
    record = json.loads(line)
    source = record.get("provenance")
    return str(record["path"]), source if isinstance(source, dict) else None


def _sha256_of(path: str) -> str | None:
    try:
        with Path(path).open("rb") as fh:
            digest = hashlib.sha256()
            while chunk := fh.read(_READ_SIZE):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


_STALE_REASONS = {
    "changed": "changed since it was written",
    "version": "written by another newsparse version",
    "date": "parsed with another --date",
    "unknown": "written without a provenance record",
    "duplicate": "written twice",
    "incomplete": "from a PDF whose other pages are missing",
}


@define
class _Unit:
    """The lines of one file met so far in an output: a text page's line, or a PDF's lines.

    The lines of a file are written with one write, so they stand together
    in the output, in page order; a PDF's provenance says how many there are.
    """

    path: str
    source: dict[str, Any] | None
    expected: int
    reason: str | None
    last: int
    ranges: list[tuple[int, int]]

    def takes(self, index: int, source: dict[str, Any] | None) -> bool:
        """Whether the line ``index`` with ``source`` continues this unit."""
        return index == self.last + 1 and source == self.source and len(self.ranges) < self.expected


def _expected_lines(source: dict[str, Any] | None) -> int:
    """Lines a file gives when whole: a PDF's page count (its provenance says), else one."""
    pages = None if source is None else source.get("pdf_pages")
    return pages if isinstance(pages, int) and pages >= 1 else 1


class _ResumePlan:
    """What ``--resume`` keeps of an output, fed its lines in order.

    A file's lines are kept (the file skipped) when they are all there, one
    after the other as they were written, with a provenance that still
    holds (the same bytes, version and date); otherwise they are all
    dropped and the file parsed again. Lines of a file kept already are
    duplicates. Lines of files not among the inputs are not looked at.
    """

    def __init__(self, wanted: set[str], day: str | None) -> None:
        self.wanted = wanted
        self.day = day
        self.keep: dict[str, int] = {}
        """Resolved path of each file kept, and its lines."""
        self.drops: list[tuple[int, int]] = []
        self.stale: dict[str, list[str]] = {}
        self._open: dict[str, _Unit] = {}
        self._digests: dict[str, str | None] = {}

    def line(self, index: int, span: tuple[int, int], path: str, source: Any) -> None:  # noqa: ANN401 - any JSON
        """Take the output's line number ``index`` (bytes ``span``), of ``path``."""
        source = source if isinstance(source, dict) else None
        resolved = os.path.realpath(path) if source is None else str(source.get("path"))
        if resolved not in self.wanted:
            return
        unit = self._open.get(resolved)
        if unit is not None and unit.takes(index, source):
            unit.ranges.append(span)
            unit.last = index
        else:
            if unit is not None:
                self._close(resolved, unit)
            if resolved in self.keep:
                self._drop("duplicate", path, [span])
                return
            reason = self._reason(resolved, source)
            unit = _Unit(path, source, _expected_lines(source), reason, index, [span])
            self._open[resolved] = unit
        if len(unit.ranges) == unit.expected:
            self._close(resolved, unit)

    def finish(self) -> None:
        """The end of the output: a file still open lacks lines."""
        for resolved, unit in list(self._open.items()):
            self._close(resolved, unit)
        self.drops.sort()

    def _reason(self, resolved: str, source: dict[str, Any] | None) -> str | None:
        """Why a line of ``resolved`` no longer stands for its file, or ``None`` if it does."""
        if source is None:
            return "unknown"
        if source.get("version") != _version():
            return "version"
        if source.get("date") != self.day:
            return "date"
        if resolved not in self._digests:
            self._digests[resolved] = _sha256_of(resolved)
        if source.get("sha256") != self._digests[resolved]:
            return "changed"
        return None

    def _close(self, resolved: str, unit: _Unit) -> None:
        del self._open[resolved]
        reason = unit.reason
        if reason is None and len(unit.ranges) < unit.expected:
            reason = "incomplete"
        if reason is None:
            self.keep[resolved] = len(unit.ranges)
        else:
            self._drop(reason, unit.path, unit.ranges)

    def _drop(self, reason: str, path: str, ranges: list[tuple[int, int]]) -> None:
        self.stale.setdefault(reason, []).extend([path] * len(ranges))
        self.drops.extend(ranges)


def _plan_resume(
    out: Path, keys: Sequence[str], date: dt.date | None, warn: Callable[[str], None]
) -> _ResumePlan:
    """Check ``out`` against the pages: what to skip, and the lines dropped (see ``_ResumePlan``).

    Lines of the files that fail the check are removed from ``out`` (the
    file is rewritten atomically) and those files parsed again; each kind of
    mismatch is reported through ``warn``. Lines of files not in ``keys``
    are kept. A damaged tail (a partial last line) is cut off. The file is
    read once, line by line: memory holds the paths, not the lines.
    """
    plan = _ResumePlan(
        {os.path.realpath(k) for k in keys}, None if date is None else date.isoformat()
    )
    if not out.exists():
        return plan
    good_end = 0
    with out.open("rb") as fh:
        for index, line in enumerate(fh):
            if not line.endswith(b"\n"):
                break
            try:
                path, source = _head_of(line)
            except (ValueError, KeyError, TypeError, AttributeError):
                break  # a damaged line: everything from here is redone
            start, good_end = good_end, good_end + len(line)
            plan.line(index, (start, good_end), path, source)
    plan.finish()
    if good_end != out.stat().st_size:
        os.truncate(out, good_end)
    if plan.drops:
        _copy_without(out, plan.drops)
    for reason, paths in plan.stale.items():
        n = len(paths)
        what = "page" if n == 1 else "pages"
        again = "parsed again" if reason != "duplicate" else "the extra lines removed"
        warn(f"{n} {what} in {out} {_STALE_REASONS[reason]} (first: {_display(paths[0])}): {again}")
    return plan


def _copy_without(out: Path, drops: list[tuple[int, int]]) -> None:
    """Rewrite ``out`` without the byte ranges ``drops`` (sorted), atomically."""
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    size = out.stat().st_size
    keep = []
    at = 0
    for start, end in drops:
        keep.append((at, start))
        at = end
    keep.append((at, size))
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with out.open("rb") as src:
            for start, end in keep:
                src.seek(start)
                left = end - start
                while left > 0:
                    chunk = src.read(min(left, _READ_SIZE))
                    if not chunk:
                        break
                    _write_all(fd, chunk)
                    left -= len(chunk)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    os.close(fd)
    tmp.replace(out)


@frozen
class BatchSummary:
    """What a [`run_batch()`][newsparse.run_batch] call did.

    >>> BatchSummary(total=3, written=2, skipped=0, failed=1).ok
    False
    """

    total: int
    """Pages of the inputs: ``written + skipped + failed`` (a text file is one page, a PDF
    one page per PDF page, a file that fails as a whole one)."""
    written: int
    """Pages parsed and written by this run (lines of the output)."""
    skipped: int
    """Pages skipped because a previous run had written them (``resume``)."""
    failed: int
    """Pages recorded in the errors file by this run (lines of the errors file)."""
    stale: int = 0
    """Lines of a previous run removed because they no longer matched their file (``resume``)."""

    @property
    def ok(self) -> bool:
        """No page failed."""
        return self.failed == 0


class Progress:
    """A one-line progress bar (pages done, pages/s, ETA) on a terminal stream.

    Writes nothing unless ``stream`` is a terminal (or ``force`` is set), and
    redraws at most ten times a second. ``unit`` names what is counted
    (``newsparse batch`` counts files when some of them are PDFs).

    >>> import io
    >>> out = io.StringIO()
    >>> bar = Progress(4, out, force=True, clock=iter([0.0, 2.0]).__next__)
    >>> bar.update(2, 1)
    >>> bar.close()
    >>> print(out.getvalue().strip())
    [##############..............] 2/4 pages  1 failed  1.0 pages/s  ETA 0:00:02
    """

    _WIDTH = 28

    def __init__(
        self,
        total: int,
        stream: IO[str] | None = None,
        *,
        force: bool = False,
        clock: Callable[[], float] = time.monotonic,
        unit: str = "pages",
    ) -> None:
        """Prepare a bar for ``total`` pages on ``stream`` (default ``sys.stderr``)."""
        self.total = total
        self.unit = unit
        self.stream = sys.stderr if stream is None else stream
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = force or bool(isatty and isatty())
        self._clock = clock
        self._start = clock()
        self._last_draw = -1.0
        self._line = ""

    def update(self, done: int, failed: int = 0) -> None:
        """Record ``done`` pages (or files) processed by this run, and ``failed`` pages."""
        if not self.enabled:
            return
        now = self._clock()
        if now - self._last_draw < 0.1 and done < self.total:
            return
        self._last_draw = now
        elapsed = max(now - self._start, 1e-9)
        rate = done / elapsed
        remaining = max(self.total - done, 0)
        eta = "--:--:--" if rate <= 0 else _hms(remaining / rate)
        filled = round(self._WIDTH * done / self.total) if self.total else self._WIDTH
        bar = "#" * filled + "." * (self._WIDTH - filled)
        width = len(str(self.total))
        fail = f"  {failed} failed" if failed else ""
        unit = self.unit
        line = f"[{bar}] {done:>{width}}/{self.total} {unit}{fail}  {rate:.1f} {unit}/s  ETA {eta}"
        self.stream.write("\r" + line.ljust(len(self._line)))  # blank out a longer last frame
        self._line = line
        self.stream.flush()

    def close(self) -> None:
        """End the bar's line."""
        if self.enabled and self._line:
            self.stream.write("\n")
            self.stream.flush()


def _hms(seconds: float) -> str:
    s = round(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def run_batch(
    pages: Sequence[Path],
    out: str | os.PathLike[str],
    *,
    processes: int | None = None,
    date: dt.date | None = None,
    resume: bool = False,
    progress: Progress | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_chars: int | None = MAX_CHARS,
    parser: Callable[..., Page] | None = None,
    warn: Callable[[str], None] | None = None,
    encoding: str | None = None,
    check: Callable[[], None] | None = None,
) -> BatchSummary:
    r"""Parse ``pages`` into ``out``: one JSON line per page, in order; failures aside.

    Lines are ``{"path", "provenance", "page"}`` (see ``Provenance``); the
    lines of one file (one per page of a PDF, all with the file's provenance)
    are written with one write while SIGINT and SIGTERM wait: a stopped run
    leaves whole files. Failures go to ``errors_path(out)``; with ``out="-"``,
    lines go to stdout and failures to stderr. ``resume`` skips a file whose
    lines are all there and still match it (resolved path, SHA-256, version,
    date), removes lines that do not (``warn``, by default ``warnings.warn``,
    hears of each kind) and parses the rest: a PDF is skipped or parsed again
    as a whole. ``timeout`` (seconds a page) and ``max_chars`` are limits
    (``None``: none); ``parser`` and ``encoding`` are as in
    [`parse_many()`][newsparse.parse_many]. ``check`` is called between files,
    before each write and after it, and while the run waits on its workers
    (as the wait starts and at least every tenth of a second of it, however
    long a page takes): what it raises stops the run as a signal's
    exception would (workers stopped, the files written so far whole); the
    command uses it for an interrupt that Python swallowed (a signal inside a
    weak reference's callback or a finalizer), which raises nothing there.

    Longer than 60 lines because this docstring documents each keyword; the
    body is about twenty lines.

    >>> import json, tempfile
    >>> from pathlib import Path
    >>> tmp = Path(tempfile.mkdtemp())
    >>> _ = (tmp / "a.txt").write_text("标题\n\n本报讯 今年以来。", encoding="utf-8")
    >>> _ = (tmp / "b.txt").write_bytes(b"\xff\xfe\xff")
    >>> run_batch(find_pages([tmp]), tmp / "out.jsonl", processes=1)
    BatchSummary(total=2, written=1, skipped=0, failed=1, stale=0)
    >>> json.loads((tmp / "out.errors.jsonl").read_text(encoding="utf-8"))["error"]
    'decode'
    >>> run_batch(find_pages([tmp]), tmp / "out.jsonl", processes=1, resume=True).skipped
    1
    """
    to_stdout = os.fspath(out) == "-"
    if to_stdout and resume:
        raise ValueError("resume needs an output file: stdout cannot be read back")
    out_path = Path(out)
    keys = [_key(p) for p in pages]
    todo, skipped, stale = _to_do(out_path, keys, date, warn or _warn) if resume else (keys, 0, 0)
    procs = _default_processes() if processes is None else max(1, processes)
    procs = max(1, min(procs, len(todo) or 1))
    out_fd, err_fd = _open_outputs(out_path, to_stdout=to_stdout, resume=resume)
    job = _Job(date, max_chars, parser, encoding)
    outcomes = _outcomes(todo, processes=procs, job=job, timeout=timeout, check=check)
    try:
        written, failed = _write_outcomes(
            outcomes, out_fd, err_fd, guarded=not to_stdout, progress=progress, check=check
        )
    finally:
        if not to_stdout:
            os.close(err_fd)
            os.close(out_fd)
    return BatchSummary(written + skipped + failed, written, skipped, failed, stale)


def _to_do(
    out: Path, keys: list[str], date: dt.date | None, warn: Callable[[str], None]
) -> tuple[list[str], int, int]:
    """The files a resumed run parses, the pages it skips and the lines it dropped."""
    plan = _plan_resume(out, keys, date, warn)
    resolved = [os.path.realpath(k) for k in keys]
    todo = [k for k, r in zip(keys, resolved, strict=True) if r not in plan.keep]
    return todo, sum(plan.keep.get(r, 0) for r in resolved), len(plan.drops)


def _warn(message: str) -> None:
    warnings.warn(message, stacklevel=3)


def _open_outputs(out: Path, *, to_stdout: bool, resume: bool) -> tuple[int, int]:
    """File descriptors of the output and of the errors file (stdout and stderr for ``-``)."""
    if to_stdout:
        sys.stdout.flush()
        sys.stderr.flush()
        return sys.stdout.fileno(), sys.stderr.fileno()
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0)
    out_fd = os.open(out, flags | (0 if resume else os.O_TRUNC), 0o666)
    try:
        err_fd = os.open(errors_path(out), flags | os.O_TRUNC, 0o666)
    except BaseException:
        os.close(out_fd)
        raise
    return out_fd, err_fd


def _write_outcomes(
    outcomes: Generator[list[_Lines], None, None],
    out_fd: int,
    err_fd: int,
    *,
    guarded: bool,
    progress: Progress | None,
    check: Callable[[], None] | None = None,
) -> tuple[int, int]:
    """Write the lines of the files as they come, in order; the pages written and failed.

    The files ready together are written with one write to each output (the parent
    moves the workers' bytes, never decoding them). With ``guarded`` (files) the
    writes hold SIGINT and SIGTERM back; a pipe's reader may stall, so writes to
    a pipe are not guarded. ``check`` is called before each write and after it.
    """
    guard = _signals_blocked if guarded else contextlib.nullcontext
    written = failed = files = 0
    try:
        for ready in outcomes:
            if check is not None:
                check()
            with guard():
                _write_parts(out_fd, [r[0] for r in ready])
                _write_parts(err_fd, [r[1] for r in ready])
            written += sum(r[2] for r in ready)
            failed += sum(r[3] for r in ready)
            files += len(ready)
            if progress is not None:
                progress.update(files, failed)
            if check is not None:
                check()
    finally:
        outcomes.close()  # stops the workers now, not when the generator is collected
        if progress is not None:
            progress.close()
    return written, failed


def _outcomes(
    todo: Sequence[str],
    *,
    processes: int,
    job: _Job,
    timeout: float | None,
    check: Callable[[], None] | None = None,
) -> Generator[list[_Lines], None, None]:
    """The lines of the files of ``todo``, in order, serialized by the workers; lists of files.

    ``check`` goes to the workers' pool (in this process, ``_write_outcomes`` calls it).
    """
    if _in_process(len(todo), processes, timeout):
        for path in todo:
            yield [_split_lines(_lines_of(_parse_file(path, job)))]
        return
    for ready in _Pool(_settings(job, b"L"), processes, timeout, check).run(todo):
        yield [
            _split_lines(_lines_of([answer]) if isinstance(answer, PageFailure) else answer[1])
            for answer in ready
        ]
