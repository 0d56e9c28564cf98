r"""Parsing many pages: in parallel, in input order, errors as values.

[`parse_many()`][newsparse.parse_many] is the Python API: an iterator of
[`PageResult`][newsparse.PageResult]
(a parsed page) or [`PageFailure`][newsparse.PageFailure] (a page that could not be read,
decoded or parsed, with the reason), one per input, in input order. A bad
page never loses the others.

[`run_batch()`][newsparse.run_batch] is what ``newsparse batch`` runs: it writes one JSON line
per page to an output file, failures to a sibling ``.errors.jsonl`` file,
each line with a single write so that an interrupted run leaves no partial
line, and it can resume a run, skipping the pages already written.

[`find_pages()`][newsparse.find_pages] expands files, folders (every ``*.txt`` below them) and
glob patterns into a sorted, de-duplicated list of page paths.

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
import concurrent.futures
import enum
import glob
import json
import multiprocessing
import os
import signal
import sys
import time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from attrs import frozen

from newsparse.errors import DecodeError, InputNotFoundError, NewsparseError
from newsparse.io import decode_bytes
from newsparse.page import parse_page

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from newsparse.model import Page

__all__ = [
    "BatchSummary",
    "FailureKind",
    "InputNotFoundError",
    "PageFailure",
    "PageResult",
    "Progress",
    "errors_path",
    "find_pages",
    "parse_many",
    "run_batch",
]

_GLOB_CHARS = frozenset("*?[")
_WINDOW_PER_PROCESS = 4


class FailureKind(enum.Enum):
    """Why a page produced no result.

    >>> FailureKind("decode")
    <FailureKind.DECODE: 'decode'>
    """

    READ = "read"
    """The file could not be read (missing, a folder, no permission)."""
    DECODE = "decode"
    """The bytes are in none of the supported encodings."""
    PARSE = "parse"
    """The parser raised (a bug: please report it with the page)."""
    CRASH = "crash"
    """The worker process parsing the page died."""


@frozen
class PageResult:
    """A page parsed from ``path``.

    >>> from newsparse.model import Page
    >>> r = PageResult("a.txt", Page(text=""))
    >>> r.ok, r.to_dict()["path"], r.to_dict()["page"]["articles"]
    (True, 'a.txt', [])
    """

    path: str
    page: Page

    @property
    def ok(self) -> bool:
        """Always ``True``: the page was parsed."""
        return True

    def to_dict(self) -> dict[str, Any]:
        """``{"path", "page"}`` with ``page`` as ``newsparse.Page.to_dict()``."""
        return {"path": self.path, "page": self.page.to_dict()}


@frozen
class PageFailure:
    """A page that could not be read, decoded or parsed, and why.

    >>> f = PageFailure("b.txt", FailureKind.DECODE, "cannot decode b.txt")
    >>> f.ok, f.to_dict()
    (False, {'path': 'b.txt', 'error': 'decode', 'reason': 'cannot decode b.txt'})
    """

    path: str
    kind: FailureKind
    reason: str

    @property
    def ok(self) -> bool:
        """Always ``False``: there is no page."""
        return False

    def to_dict(self) -> dict[str, Any]:
        """``{"path", "error", "reason"}``."""
        return {"path": self.path, "error": self.kind.value, "reason": self.reason}


# ---------------------------------------------------------------- inputs


def _key(path: Path) -> str:
    return path.as_posix()


def find_pages(inputs: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Expand files, folders (recursive ``*.txt``) and globs into page paths.

    Each input contributes its pages in sorted order, inputs in the order
    given; a page named twice is kept at its first place. A file is taken
    whatever its suffix; a folder contributes its ``*.txt`` files.

    Raises [`InputNotFoundError`][newsparse.InputNotFoundError] for an input that is missing or that
    yields no page.

    >>> import tempfile
    >>> from pathlib import Path
    >>> tmp = Path(tempfile.mkdtemp())
    >>> (tmp / "sub").mkdir()
    >>> for name in ("b.txt", "a.txt", "sub/c.txt", "notes.md"):
    ...     _ = (tmp / name).write_text("x", encoding="utf-8")
    >>> [p.relative_to(tmp).as_posix() for p in find_pages([tmp, tmp / "b.txt"])]
    ['a.txt', 'b.txt', 'sub/c.txt']
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
            pages = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not pages:
                raise InputNotFoundError(item, "folder holds no *.txt page")
        elif path.exists():
            pages = [path]
        elif _GLOB_CHARS & set(item):
            matches = glob.glob(item, recursive=True)  # noqa: PTH207 - the pattern may be absolute
            pages = sorted(Path(p) for p in matches if Path(p).is_file())
            if not pages:
                raise InputNotFoundError(item, "pattern matches no file")
        else:
            raise InputNotFoundError(item, "no such file or folder")
        for page in pages:
            key = _key(page)
            if key not in seen:
                seen.add(key)
                found.append(page)
    return found


# ---------------------------------------------------------------- workers


def _parse_path(path: str, date: dt.date | None) -> PageResult | PageFailure:
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        return PageFailure(path, FailureKind.READ, f"cannot read {path}: {err.strerror or err}")
    try:
        text = decode_bytes(data, name=path)
    except DecodeError as err:
        return PageFailure(path, FailureKind.DECODE, str(err))
    except (UnicodeError, NewsparseError) as err:
        return PageFailure(path, FailureKind.DECODE, f"cannot decode {path}: {err}")
    try:
        page = parse_page(text) if date is None else parse_page(text, date=date)
    except Exception as err:  # noqa: BLE001 - one page's parser bug must not stop the others
        return PageFailure(path, FailureKind.PARSE, f"{type(err).__name__}: {err}")
    return PageResult(path, page)


def _parse_chunk(paths: Sequence[str], date: dt.date | None) -> list[PageResult | PageFailure]:
    return [_parse_path(p, date) for p in paths]


def _line_for(result: PageResult | PageFailure) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False) + "\n"


def _lines_chunk(paths: Sequence[str], date: dt.date | None) -> list[tuple[str, bool, str]]:
    # Serializing in the worker keeps the parent process from becoming the bottleneck.
    out: list[tuple[str, bool, str]] = []
    for path in paths:
        result = _parse_path(path, date)
        try:
            line = _line_for(result)
        except Exception as err:  # noqa: BLE001 - a page that cannot be serialized is a failure
            result = PageFailure(path, FailureKind.PARSE, f"{type(err).__name__}: {err}")
            line = _line_for(result)
        out.append((path, result.ok, line))
    return out


def _ignore_sigint() -> None:
    # Ctrl-C reaches the whole process group; the parent alone decides what to do.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _mp_context() -> multiprocessing.context.BaseContext:
    # Not fork: forking a process that runs threads can deadlock (and warns on 3.12+).
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _default_processes() -> int:
    return max(1, os.cpu_count() or 1)


def _chunks(paths: Iterable[str], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for p in paths:
        chunk.append(p)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _terminate(executor: concurrent.futures.ProcessPoolExecutor) -> None:
    executor.shutdown(wait=False, cancel_futures=True)
    terminate = getattr(executor, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
        return
    processes = getattr(executor, "_processes", None) or {}
    for proc in list(processes.values()):
        proc.terminate()


def _run_ordered(
    fn: Callable[[Sequence[str], dt.date | None], list[Any]],
    crashed: Callable[[str], Any],
    paths: Iterable[str],
    *,
    processes: int,
    chunksize: int,
    date: dt.date | None,
) -> Iterator[Any]:
    """Apply ``fn`` to chunks of ``paths`` on ``processes`` workers, yielding in order.

    At most ``processes * 4`` chunks are in flight, so memory stays bounded
    whatever the number of pages. If a worker dies, the chunks that were in
    flight are run again one page at a time in a fresh pool, and a page
    that kills its worker again is reported through ``crashed``.
    """
    if processes <= 1:
        for chunk in _chunks(paths, chunksize):
            yield from fn(chunk, date)
        return
    window = processes * _WINDOW_PER_PROCESS
    pending: collections.deque[tuple[list[str], concurrent.futures.Future[list[Any]]]]
    pending = collections.deque()
    chunks = _chunks(paths, chunksize)
    executor = concurrent.futures.ProcessPoolExecutor(
        processes, mp_context=_mp_context(), initializer=_ignore_sigint
    )
    try:
        for chunk in chunks:
            pending.append((chunk, executor.submit(fn, chunk, date)))
            if len(pending) >= window:
                chunk0, future = pending.popleft()
                try:
                    yield from future.result()
                except BrokenProcessPool:
                    _terminate(executor)
                    lost = [chunk0, *(c for c, _ in pending)]
                    pending.clear()
                    yield from _retry_singly(fn, crashed, lost, date)
                    executor = concurrent.futures.ProcessPoolExecutor(
                        processes, mp_context=_mp_context(), initializer=_ignore_sigint
                    )
        while pending:
            chunk0, future = pending.popleft()
            try:
                yield from future.result()
            except BrokenProcessPool:
                _terminate(executor)
                lost = [chunk0, *(c for c, _ in pending)]
                pending.clear()
                yield from _retry_singly(fn, crashed, lost, date)
    except BaseException:
        _terminate(executor)
        raise
    else:
        executor.shutdown(wait=True)


def _retry_singly(
    fn: Callable[[Sequence[str], dt.date | None], list[Any]],
    crashed: Callable[[str], Any],
    chunks: list[list[str]],
    date: dt.date | None,
) -> Iterator[Any]:
    for chunk in chunks:
        for path in chunk:
            with concurrent.futures.ProcessPoolExecutor(
                1, mp_context=_mp_context(), initializer=_ignore_sigint
            ) as single:
                try:
                    yield from single.submit(fn, [path], date).result()
                except BrokenProcessPool:
                    yield crashed(path)


def _chunksize(n: int | None, processes: int) -> int:
    if n is None:
        return 4
    return max(1, min(16, n // (processes * 8)))


def parse_many(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    processes: int | None = None,
    date: dt.date | None = None,
    chunksize: int | None = None,
) -> Iterator[PageResult | PageFailure]:
    r"""Parse page files in parallel; one result per input, in input order.

    ``inputs`` are paths of page files (use [`find_pages()`][newsparse.find_pages] to expand
    folders and globs). Each file is decoded as [`newsparse.decode_bytes()`][newsparse.decode_bytes]
    does and parsed with ``parse_page(text, date=date)``. A file that cannot
    be read, decoded or parsed gives a [`PageFailure`][newsparse.PageFailure] instead of
    raising, so one bad page never loses the others.

    ``processes`` is the number of worker processes (default: one per CPU);
    ``processes=1`` parses in the calling process, which is best for a few
    pages. Workers are started with ``forkserver`` (``spawn`` where that is
    unavailable), so a script that calls this must guard its entry point
    with ``if __name__ == "__main__":``. Pages are sent to workers in chunks
    of ``chunksize`` (chosen from the number of inputs by default).

    >>> import tempfile
    >>> from pathlib import Path
    >>> tmp = Path(tempfile.mkdtemp())
    >>> _ = (tmp / "a.txt").write_text("标题\n\n本报讯 产值达3.86亿元。", encoding="utf-8")
    >>> [r.ok for r in parse_many([tmp / "a.txt", tmp / "missing.txt"], processes=1)]
    [True, False]
    >>> failure = list(parse_many([tmp / "missing.txt"], processes=1))[0]
    >>> failure.kind
    <FailureKind.READ: 'read'>
    """
    n = len(inputs) if hasattr(inputs, "__len__") else None  # type: ignore[arg-type]
    procs = _default_processes() if processes is None else max(1, processes)
    if n is not None:
        procs = max(1, min(procs, n))
    size = chunksize if chunksize is not None else _chunksize(n, procs)
    paths = (_key(Path(os.fspath(p))) for p in inputs)
    crashed: Callable[[str], PageFailure] = _crash_failure
    yield from _run_ordered(
        _parse_chunk, crashed, paths, processes=procs, chunksize=max(1, size), date=date
    )


def _crash_failure(path: str) -> PageFailure:
    return PageFailure(path, FailureKind.CRASH, f"the worker parsing {path} died")


def _crash_line(path: str) -> tuple[str, bool, str]:
    return (path, False, _line_for(_crash_failure(path)))


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


def _done_keys(out: Path) -> set[str]:
    """Paths already written to ``out``; a trailing partial line is cut off the file."""
    done: set[str] = set()
    if not out.exists():
        return done
    decoder = json.JSONDecoder()
    prefix = b'{"path": '
    good_end = 0
    with out.open("rb") as fh:
        for line in fh:
            if not line.endswith(b"\n"):
                break
            try:
                if line.startswith(prefix):
                    key, _ = decoder.raw_decode(line[len(prefix) :].decode("utf-8"))
                else:
                    key = json.loads(line)["path"]
            except (ValueError, KeyError, TypeError):
                break  # a damaged line: everything from here is redone
            done.add(str(key))
            good_end += len(line)
    if good_end != out.stat().st_size:
        os.truncate(out, good_end)
    return done


def _write_all(fd: int, data: bytes) -> None:
    # One write call for a whole line; the loop only matters for a short write.
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


@frozen
class BatchSummary:
    """What a [`run_batch()`][newsparse.run_batch] call did.

    >>> BatchSummary(total=3, written=2, skipped=0, failed=1).ok
    False
    """

    total: int
    """Pages named by the inputs."""
    written: int
    """Pages parsed and written by this run."""
    skipped: int
    """Pages skipped because a previous run had written them (``resume``)."""
    failed: int
    """Pages recorded in the errors file by this run."""

    @property
    def ok(self) -> bool:
        """No page failed."""
        return self.failed == 0


class Progress:
    """A one-line progress bar (pages done, pages/s, ETA) on a terminal stream.

    Writes nothing unless ``stream`` is a terminal (or ``force`` is set), and
    redraws at most ten times a second.

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
    ) -> None:
        """Prepare a bar for ``total`` pages on ``stream`` (default ``sys.stderr``)."""
        self.total = total
        self.stream = sys.stderr if stream is None else stream
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = force or bool(isatty and isatty())
        self._clock = clock
        self._start = clock()
        self._last_draw = -1.0
        self._line = ""

    def update(self, done: int, failed: int = 0) -> None:
        """Record ``done`` pages processed by this run, ``failed`` of them failed."""
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
        line = f"[{bar}] {done:>{width}}/{self.total} pages{fail}  {rate:.1f} pages/s  ETA {eta}"
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
) -> BatchSummary:
    r"""Parse ``pages`` in parallel into ``out``: one JSON line per page, in order.

    Each line is ``{"path": ..., "page": Page.to_dict()}``, written with a
    single write and flushed, so a run stopped at any moment leaves only
    complete lines (and at worst one partial line that ``resume`` cuts
    off). Pages that fail are written to ``errors_path()`` as
    ``{"path", "error", "reason"}`` lines. Without ``resume`` both files
    are started afresh; with it, the pages already in ``out`` are skipped
    and the others (including those that failed before) are parsed and
    appended.

    >>> import json, tempfile
    >>> from pathlib import Path
    >>> tmp = Path(tempfile.mkdtemp())
    >>> _ = (tmp / "a.txt").write_text("标题\n\n本报讯 今年以来。", encoding="utf-8")
    >>> _ = (tmp / "b.txt").write_bytes(b"\xff\xfe\xff")
    >>> summary = run_batch(find_pages([tmp]), tmp / "out.jsonl", processes=1)
    >>> summary
    BatchSummary(total=2, written=1, skipped=0, failed=1)
    >>> json.loads((tmp / "out.errors.jsonl").read_text(encoding="utf-8"))["error"]
    'decode'
    >>> run_batch(find_pages([tmp]), tmp / "out.jsonl", processes=1, resume=True).skipped
    1
    """
    out_path = Path(out)
    err_path = errors_path(out_path)
    keys = [_key(p) for p in pages]
    done = _done_keys(out_path) if resume else set()
    todo = [k for k in keys if k not in done]
    skipped = len(keys) - len(todo)
    procs = _default_processes() if processes is None else max(1, processes)
    procs = max(1, min(procs, len(todo) or 1))
    written = failed = 0
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0)
    out_fd = os.open(out_path, flags | (0 if resume else os.O_TRUNC), 0o666)
    try:
        err_fd = os.open(err_path, flags | os.O_TRUNC, 0o666)
        try:
            results = _run_ordered(
                _lines_chunk,
                _crash_line,
                todo,
                processes=procs,
                chunksize=_chunksize(len(todo), procs),
                date=date,
            )
            for _path, ok, line in results:
                if ok:
                    _write_all(out_fd, line.encode("utf-8"))
                    written += 1
                else:
                    _write_all(err_fd, line.encode("utf-8"))
                    failed += 1
                if progress is not None:
                    progress.update(written + failed, failed)
        finally:
            os.close(err_fd)
    finally:
        os.close(out_fd)
        if progress is not None:
            progress.close()
    return BatchSummary(total=len(keys), written=written, skipped=skipped, failed=failed)
