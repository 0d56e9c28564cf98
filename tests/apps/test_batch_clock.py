"""The time limit's clock: each page's starts when its worker begins it, not when the parent
looks (the parent waits for several answers at a time, so it reads them late)."""

from __future__ import annotations

import collections
import os
import selectors

import pytest

from newsparse import batch


def _worker(*sent: float) -> batch._Worker:
    """A worker's bookkeeping without a process: ready, holding one task per ``sent`` time."""
    worker = batch._Worker.__new__(batch._Worker)
    worker.tasks = collections.deque((i, f"p{i}.txt", 0) for i in range(len(sent)))
    worker.sent = collections.deque(sent)
    worker.deadline = None
    worker.ready = True
    worker.wide = True
    worker.drained = True
    worker.buffer = bytearray()
    return worker


def test_an_answer_starts_the_next_page_at_the_time_the_worker_sent_it() -> None:
    pool = batch._Pool(b"", 1, timeout=5.0)
    worker = _worker(100.0, 100.0, 107.0)
    pool._handle(worker, b"L", b"lines", 103.0)  # read at any later time
    assert worker.deadline == 108.0
    assert [t[0] for t in worker.tasks] == [1, 2]
    # the third page was sent after the second was done: its clock starts when sent
    pool._handle(worker, b"L", b"lines", 104.0)
    assert worker.deadline == 112.0
    pool._handle(worker, b"L", b"lines", 115.0)
    assert worker.deadline is None  # nothing left to parse
    assert sorted(pool.done) == [0, 1, 2]


def test_no_time_limit_no_clock() -> None:
    pool = batch._Pool(b"", 1, timeout=None)
    worker = _worker(1.0, 1.0)
    pool._handle(worker, b"L", b"lines", 2.0)
    assert worker.deadline is None


def test_a_sign_of_life_restarts_the_clock_and_ready_starts_it() -> None:
    pool = batch._Pool(b"", 1, timeout=2.0)
    worker = _worker(10.0)
    worker.ready = False
    pool._handle(worker, b"R", b"", 12.0)
    assert worker.ready
    assert worker.deadline == 14.0
    pool._handle(worker, b"K", b"", 13.5)  # a page of a PDF is done
    assert worker.deadline == 15.5


def _frames(*frames: tuple[bytes, bytes, float]) -> bytes:
    return b"".join(batch._frame(kind, payload, at) for kind, payload, at in frames)


def test_frames_read_whole_keep_their_times() -> None:
    worker = _worker()
    data = _frames((b"L", b"one", 5.0), (b"L", b"two", 6.0), (b"L", b"thr", 7.0))
    cut = len(data) - 2
    got = worker._complete(memoryview(data[:cut]), 0, 9.0, trusted=True)
    assert got == [(b"L", b"one", 5.0), (b"L", b"two", 6.0)]
    assert bytes(worker.buffer) == data[len(data) - len(batch._frame(b"L", b"thr")) : cut]


def test_a_frame_that_came_in_parts_or_in_a_crowded_read_is_timed_when_read() -> None:
    # the worker may have waited to write it (a full pipe): its own time would be too early
    worker = _worker()
    data = _frames((b"L", b"one", 5.0), (b"L", b"two", 6.0))
    first = len(batch._frame(b"L", b"one")) + 4
    worker.buffer = bytearray(data[:first])
    carried = len(worker.buffer)
    worker.buffer += data[first:]
    got = worker._complete(memoryview(worker.buffer), carried, 9.0, trusted=True)
    assert got == [(b"L", b"one", 9.0), (b"L", b"two", 9.0)]
    assert not worker.buffer
    crowded = worker._complete(memoryview(data), 0, 9.5, trusted=False)
    assert [at for _, _, at in crowded] == [9.5, 9.5]


def test_a_time_from_the_future_is_taken_as_now() -> None:
    worker = _worker()
    got = worker._complete(memoryview(_frames((b"L", b"x", 50.0))), 0, 9.0, trusted=True)
    assert got == [(b"L", b"x", 9.0)]


class _Checks:
    """A ``check`` that counts its calls and raises at the ``stop_at``-th one."""

    def __init__(self, stop_at: int = 0) -> None:
        self.calls = 0
        self.stop_at = stop_at

    def __call__(self) -> None:
        self.calls += 1
        if self.calls == self.stop_at:
            raise KeyboardInterrupt


def test_a_wait_without_an_end_calls_the_check_between_short_slices() -> None:
    # no time limit and no answer coming: the wait still calls the check, and stops with it
    checks = _Checks(stop_at=3)
    pool = batch._Pool(b"", 1, timeout=None, check=checks)
    try:
        with pytest.raises(KeyboardInterrupt):
            pool._select(None)
    finally:
        pool.close()
    assert checks.calls == 3


def test_a_wait_with_an_end_is_cut_into_slices_and_ends_empty() -> None:
    checks = _Checks()
    pool = batch._Pool(b"", 1, timeout=None, check=checks)
    try:
        assert pool._select(2.5 * batch._CHECK_INTERVAL) == []
    finally:
        pool.close()
    assert 3 <= checks.calls <= 5  # one a slice: the selector sleeps between them


def test_an_answer_waiting_costs_one_check() -> None:
    checks = _Checks()
    pool = batch._Pool(b"", 1, timeout=None, check=checks)
    read, write = os.pipe()
    try:
        pool.selector.register(read, selectors.EVENT_READ)
        os.write(write, b"x")
        assert len(pool._select(None)) == 1
    finally:
        pool.close()
        os.close(read)
        os.close(write)
    assert checks.calls == 1
