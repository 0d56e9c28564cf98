"""Fault tests of ``newsparse batch`` with real processes and signals.

Each trial starts the command on its own process group, signals it at a
random moment once the command runs (while its workers start, or while
lines are being written; a signal during Python's own start-up, before
newsparse is imported, gets Python's default behaviour)
and checks: exit status 130 (or 0 when the run finished first), the one
line ``newsparse: interrupted`` on stderr and no traceback, whole JSON
lines only, no worker process left behind, and that resuming gives a file
byte-identical to an uninterrupted run. A busy process keeps the CPUs
loaded meanwhile, as on a shared machine.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import select
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from newsparse.batch import find_pages, run_batch
from newsparse.sample import sample_text

if TYPE_CHECKING:
    from collections.abc import Iterator

ROOT = Path(__file__).resolve().parents[2]
PAGES = 60
TRIALS = 10
EXIT_BOUND = 20.0
"""Seconds a signalled run may take to exit: far beyond what it needs, to catch a hang."""

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals and process groups")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), *filter(None, [env.get("PYTHONPATH")])])
    return env


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsparse", *args]


def _start(argv: list[str], env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """Start ``argv`` in a session (a process group) of its own, its output piped."""
    return subprocess.Popen(
        argv,
        env=env or _env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def _kill(proc: subprocess.Popen[bytes]) -> bytes:
    """Kill the process group of ``proc`` (its workers too), collect it, return its stderr."""
    with contextlib.suppress(ProcessLookupError):  # the whole group had exited already
        os.killpg(proc.pid, signal.SIGKILL)
    return proc.communicate()[1]


def _wait_for(proc: subprocess.Popen[bytes], ready: Path, what: str) -> None:
    """Return once ``ready`` exists; fail with ``what`` and the stderr if it never does."""
    deadline = time.monotonic() + EXIT_BOUND
    while not ready.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    if not ready.exists():
        pytest.fail(f"{what}: {_kill(proc).decode(errors='replace')}")


def _exit_of(proc: subprocess.Popen[bytes], what: str) -> tuple[bytes, bytes]:
    """The stdout and stderr of ``proc`` once it exits; fail if it runs ``EXIT_BOUND`` s more."""
    try:
        return proc.communicate(timeout=EXIT_BOUND)
    except subprocess.TimeoutExpired:
        _kill(proc)
        pytest.fail(f"{what}: no exit within {EXIT_BOUND} s")


def _workers_of(parent: int, *, orphans: bool = False) -> list[int]:
    """Process ids of the live newsparse workers started by process ``parent`` (Linux /proc).

    Only ``parent``'s children are looked at, unless ``orphans``: then every
    process (a worker whose parent died has another parent).
    """
    children = Path(f"/proc/{parent}/task/{parent}/children")
    if orphans or not children.exists():
        entries = [e for e in Path("/proc").iterdir() if e.name.isdigit()]
    else:
        try:
            entries = [Path("/proc", pid) for pid in children.read_text().split()]
        except OSError:  # the parent is gone: so are its children, or they are orphans
            entries = []
    found = []
    for entry in entries:
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if b"_worker_main" in b" ".join(argv) and str(parent).encode() in argv and state != "Z":
            found.append(int(entry.name))
    return found


@pytest.fixture(scope="module")
def busy() -> Iterator[None]:
    """A process spinning on one CPU for the duration of the module."""
    proc = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        yield
    finally:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """A folder of pages and the output of an uninterrupted run over it."""
    root = tmp_path_factory.mktemp("interrupts")
    folder = root / "in"
    folder.mkdir()
    text = sample_text()
    for i in range(PAGES):
        (folder / f"p{i:03d}.txt").write_text(f"第{i}版要闻\n\n{text}", encoding="utf-8")
    out = root / "reference.jsonl"
    done = subprocess.run(
        _command("batch", str(folder), "-o", str(out), "--jobs", "2"),
        env=_env(),
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return folder, out.read_bytes()


# The statuses of a run that had written all its output when the signal came.
_FINISHED_FIRST = (0, -signal.SIGINT, -signal.SIGTERM)


def _signal(proc: subprocess.Popen[bytes], scenario: str, rng: random.Random) -> None:
    try:
        if scenario == "double SIGINT":
            os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C twice in a terminal
            time.sleep(rng.uniform(0.0, 0.15))
            os.killpg(proc.pid, signal.SIGINT)
        elif scenario == "SIGTERM to the group":
            os.killpg(proc.pid, signal.SIGTERM)
        else:
            os.kill(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass  # it had finished already


def _trial(
    folder: Path, reference: bytes, scenario: str, seed: int, out: Path
) -> tuple[float, bool]:
    """One interrupted run and its resumption: seconds from the signal to the exit, interrupted?"""
    rng = random.Random(seed)
    proc = _start(_command("batch", str(folder), "-o", str(out), "--jobs", "2"))
    deadline = time.monotonic() + 30
    if seed % 2:  # while the workers start (the parent has its signal handlers by then)
        while time.monotonic() < deadline and not _workers_of(proc.pid):
            time.sleep(0.03)
        time.sleep(rng.uniform(0.0, 0.8))
    else:  # while lines are being written
        while time.monotonic() < deadline and (not out.exists() or out.stat().st_size == 0):
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.15))
    signalled = time.monotonic()
    _signal(proc, scenario, rng)
    stdout, stderr = _exit_of(proc, f"{scenario} (seed {seed})")
    elapsed = time.monotonic() - signalled
    what = f"{scenario} (seed {seed}): {stderr.decode(errors='replace')}"
    assert stdout == b"", what
    assert b"Traceback" not in stderr, what
    assert _workers_of(proc.pid, orphans=True) == [], what
    if proc.returncode in _FINISHED_FIRST:  # the run ended before the signal arrived
        # status 0, or the signal's own death: once the command has returned, its
        # handlers are reset and a signal ends the exiting process as any other
        assert stderr == b"", what
        assert out.read_bytes() == reference, what
        return elapsed, False
    assert proc.returncode == 130, what
    assert stderr.decode() == "newsparse: interrupted\n", what
    data = out.read_bytes() if out.exists() else b""
    assert data == b"" or data.endswith(b"\n"), what
    lines = data.splitlines()
    assert [json.loads(line)["path"] for line in lines] == [
        json.loads(line)["path"] for line in reference.splitlines()[: len(lines)]
    ], what
    assert data == reference[: len(data)], what
    if seed % 5 == 0:  # the command itself resumes
        resumed = subprocess.run(
            _command("batch", str(folder), "-o", str(out), "--jobs", "2", "--resume"),
            env=_env(),
            capture_output=True,
            check=False,
        )
        assert resumed.returncode == 0, resumed.stderr
        assert resumed.stderr == b"", resumed.stderr
    else:  # the same resumption, in this process (no start-up time)
        summary = run_batch(find_pages([folder]), out, processes=1, timeout=None, resume=True)
        assert summary.skipped == len(lines), what
        assert summary.stale == 0, what
    assert out.read_bytes() == reference, what
    return elapsed, True


@pytest.mark.parametrize("scenario", ["double SIGINT", "SIGTERM to the group", "SIGTERM alone"])
def test_an_interrupted_batch_exits_promptly_with_whole_lines_and_resumes(
    busy: None, corpus: tuple[Path, bytes], tmp_path: Path, scenario: str
) -> None:
    del busy
    folder, reference = corpus
    base = random.randrange(1 << 30)
    with ThreadPoolExecutor(2) as pool:  # two trials at a time: more load, less waiting
        trials = list(
            pool.map(
                lambda i: _trial(folder, reference, scenario, base + i, tmp_path / f"o{i}.jsonl"),
                range(TRIALS),
            )
        )
    stopped = [t for t, interrupted in trials if interrupted]
    assert len(stopped) >= TRIALS // 2  # most signals land while the run is going
    print(  # noqa: T201
        f"{scenario}: {len(trials)} trials, {len(stopped)} interrupted, "
        f"slowest exit {max(t for t, _ in trials):.2f} s"
    )


def test_workers_exit_when_the_parent_is_killed(
    busy: None, corpus: tuple[Path, bytes], tmp_path: Path
) -> None:
    del busy
    if not Path("/proc/self/cmdline").exists():
        pytest.skip("needs /proc to find the worker processes")
    folder, _ = corpus
    more = tmp_path / "more"
    more.mkdir()
    for i in range(8):  # enough pages that the run is still going when it is killed
        for page in folder.iterdir():
            (more / f"{i}-{page.name}").write_bytes(page.read_bytes())
    out = tmp_path / "out.jsonl"
    proc = _start(_command("batch", str(more), "-o", str(out), "--jobs", "2"))
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size == 0):
        time.sleep(0.01)
    workers = _workers_of(proc.pid)
    assert len(workers) == 2
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and _workers_of(proc.pid, orphans=True):
        time.sleep(0.05)
    assert _workers_of(proc.pid, orphans=True) == []
    assert proc.stdout is not None
    assert proc.stderr is not None
    for stream in (proc.stdout, proc.stderr):  # nothing holds the caller's pipes open
        with stream:
            ready, _, _ = select.select([stream], [], [], 5)
            assert ready
            assert stream.read() == b""


FAULTS = Path(__file__).resolve().parent
_WITH_PARSER = (
    "import sys; sys.path.insert(0, sys.argv[1]); import fault_parsers; "
    "sys.exit(fault_parsers.command_with(sys.argv[2], sys.argv[3:]))"
)


def signal_in_callback(
    args: list[str], ready: Path, sig: signal.Signals
) -> tuple[int, bytes, bytes]:
    """Run the command on pages parsed by ``fault_parsers.in_callback``; signal it in the callback.

    The signal is sent once the weak reference's callback of the marked page
    has created ``ready``: Python swallows what the handler raises there.
    Returns the status, stdout and stderr.
    """
    env = _env()
    env["NEWSPARSE_TEST_READY"] = str(ready)
    proc = _start([sys.executable, "-c", _WITH_PARSER, str(FAULTS), "in_callback", *args], env)
    _wait_for(proc, ready, "the marked page's callback never ran")
    proc.send_signal(sig)
    stdout, stderr = _exit_of(proc, f"{args} after {sig.name}")
    return proc.returncode, stdout, stderr


@pytest.mark.parametrize("command", ["batch", "parse"])
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=lambda s: s.name)
def test_a_signal_swallowed_in_a_weakref_callback_stops_the_run(
    tmp_path: Path, sig: signal.Signals, command: str
) -> None:
    # Python hands what a handler raises inside a weak reference's callback to
    # sys.unraisablehook and goes on: the run must still stop, before the next page
    folder = tmp_path / "in"
    folder.mkdir()
    text = sample_text()
    for i in range(8 if command == "batch" else 3):  # parse: few files, parsed in-process
        mark = "【回调】" if i == 1 else ""
        (folder / f"p{i}.txt").write_text(f"第{i}版要闻{mark}\n\n{text}", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    if command == "batch":
        args = ["batch", str(folder), "-o", str(out), "--jobs", "1", "--timeout", "0"]
    else:
        args = ["parse", str(folder), "--format", "jsonl"]
    status, stdout, stderr = signal_in_callback(args, tmp_path / "ready", sig)
    assert (status, stderr.decode(), stdout) == (130, "newsparse: interrupted\n", b"")
    if command == "batch":  # whole lines, none after the marked page
        data = out.read_bytes()
        assert data.endswith(b"\n")
        paths = [Path(json.loads(line)["path"]).name for line in data.splitlines()]
        assert paths in (["p0.txt"], ["p0.txt", "p1.txt"])


# The command, with a garbage collector's callback (run where Python swallows what
# it raises, as in a finalizer) that waits for a signal at the first collection of
# the parent once a line is written, outside a write that holds signals back.
_SIGNAL_IN_GC_CALLBACK = """
import gc, signal, sys, time
from pathlib import Path

ready, out = Path(sys.argv[1]), Path(sys.argv[2])

def wait(phase, info):
    if phase != "start" or ready.exists() or not out.exists() or not out.stat().st_size:
        return
    if signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, []):
        return
    ready.touch()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        time.sleep(0.01)

gc.set_threshold(20)
gc.callbacks.append(wait)
sys.argv = ["newsparse", *sys.argv[3:]]
from newsparse.__main__ import main
sys.exit(main())
"""


def test_a_signal_swallowed_in_the_parent_stops_the_workers_too(
    corpus: tuple[Path, bytes], tmp_path: Path
) -> None:
    if not Path("/proc/self/cmdline").exists():
        pytest.skip("needs /proc to find the worker processes")
    folder, reference = corpus
    out, ready = tmp_path / "out.jsonl", tmp_path / "ready"
    args = ["batch", str(folder), "-o", str(out), "--jobs", "2"]
    proc = _start([sys.executable, "-c", _SIGNAL_IN_GC_CALLBACK, str(ready), str(out), *args])
    _wait_for(proc, ready, "no collection waited for the signal")
    workers = _workers_of(proc.pid)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = _exit_of(proc, "SIGINT")
    assert (proc.returncode, stderr.decode(), stdout) == (130, "newsparse: interrupted\n", b"")
    assert workers  # they were running, and none is left
    assert _workers_of(proc.pid, orphans=True) == []
    data = out.read_bytes()
    assert data.endswith(b"\n")
    assert len(data) < len(reference)
    assert data == reference[: len(data)]


# The command, its pages parsed by fault_parsers.slow (a page marked 【慢】 hangs) in two
# workers. The first time the parent waits on its workers' pipes once the output has a line
# ("-": at once), it frees an object with a weak reference whose callback waits for the
# signal: Python swallows what the handler raises there. The page in the workers' hands
# never comes: before the pool looked in on the command while it waited, the run hung there.
_SIGNAL_IN_THE_POOL = """
import selectors, sys, time, weakref
from pathlib import Path

sys.path.insert(0, sys.argv[1])
import fault_parsers

ready, out = Path(sys.argv[2]), sys.argv[3]

class Freed:
    pass

def wait(ref):
    ready.touch()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        time.sleep(0.01)

select = selectors.DefaultSelector.select

def waiting(self, timeout=None):
    if not ready.exists() and (out == "-" or Path(out).exists() and Path(out).stat().st_size):
        freed = Freed()
        ref = weakref.ref(freed, wait)
        del freed
    return select(self, timeout)

selectors.DefaultSelector.select = waiting
sys.exit(fault_parsers.command_with("slow", sys.argv[4:], workers=2))
"""


@pytest.mark.parametrize("command", ["batch", "parse"])
def test_a_signal_swallowed_while_the_parent_waits_on_a_slow_page_stops_the_run(
    tmp_path: Path, command: str
) -> None:
    if not Path("/proc/self/cmdline").exists():
        pytest.skip("needs /proc to find the worker processes")
    folder = tmp_path / "in"
    folder.mkdir()
    text = sample_text()
    slow = 1 if command == "batch" else 0  # batch: a line is written before the hung page
    for i in range(24):
        mark = "【慢】" if i == slow else ""
        (folder / f"p{i:02d}.txt").write_text(f"第{i}版要闻{mark}\n\n{text}", encoding="utf-8")
    out, ready = tmp_path / "out.jsonl", tmp_path / "ready"
    if command == "batch":  # no time limit: only the interrupt ends the wait
        args = ["batch", str(folder), "-o", str(out), "--jobs", "2", "--timeout", "0"]
    else:  # more than a few files: parsed by workers
        args = ["parse", str(folder), "--format", "jsonl"]
    where = str(out) if command == "batch" else "-"
    proc = _start(
        [sys.executable, "-c", _SIGNAL_IN_THE_POOL, str(FAULTS), str(ready), where, *args]
    )
    _wait_for(proc, ready, "the parent never waited for the signal")
    workers = _workers_of(proc.pid)
    proc.send_signal(signal.SIGINT)
    signalled = time.monotonic()
    stdout, stderr = _exit_of(proc, f"{command} after SIGINT")
    print(f"{command}: exit {time.monotonic() - signalled:.2f} s after the signal")  # noqa: T201
    assert (proc.returncode, stderr.decode(), stdout) == (130, "newsparse: interrupted\n", b"")
    assert len(workers) == 2  # they were running, and none is left
    assert _workers_of(proc.pid, orphans=True) == []
    if command == "batch":  # whole lines: those before the hung page
        data = out.read_bytes()
        assert [Path(json.loads(line)["path"]).name for line in data.splitlines()] == ["p00.txt"]
        assert data.endswith(b"\n")
