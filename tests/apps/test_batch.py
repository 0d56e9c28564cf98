"""parse_many and the batch runner: order, errors as values, atomic lines, resume, interrupts."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsparse import batch
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
from newsparse.io import parse_file
from newsparse.sample import sample_text

ROOT = Path(__file__).resolve().parents[2]


def _pages(tmp_path: Path, n: int) -> list[Path]:
    """``n`` distinct pages (the sample page with a numbered headline in front)."""
    text = sample_text()
    paths = []
    for i in range(n):
        p = tmp_path / f"p{i:03d}.txt"
        p.write_text(f"第{i}版要闻\n\n{text}", encoding="utf-8")
        paths.append(p)
    return paths


# ---------------------------------------------------------------- find_pages


def test_find_pages_expands_folders_globs_and_files_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    for name in ("b/2.txt", "b/1.txt", "a/x.txt", "a/y.md", "top.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = find_pages(
        [tmp_path / "top.txt", tmp_path / "b", str(tmp_path / "a" / "*.txt"), tmp_path]
    )
    rel = [p.relative_to(tmp_path).as_posix() for p in found]
    assert rel == ["top.txt", "b/1.txt", "b/2.txt", "a/x.txt"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing.txt", "no such file or folder"),
        ("empty", "folder holds no *.txt or *.pdf page"),
        ("*.nothing", "pattern matches no file"),
    ],
)
def test_find_pages_rejects_inputs_without_pages(tmp_path: Path, name: str, message: str) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputNotFoundError, match=message.replace("*", r"\*")):
        find_pages([tmp_path / name])


# ---------------------------------------------------------------- parse_many


def test_parse_many_keeps_input_order_and_returns_errors_as_values(tmp_path: Path) -> None:
    pages = _pages(tmp_path, 6)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x81\x30\xff\xff\xfe")
    inputs = [pages[0], bad, *pages[1:4], tmp_path / "missing.txt", *pages[4:]]
    serial = list(parse_many(inputs, processes=1))
    parallel = list(parse_many(inputs, processes=3, chunksize=1))
    assert [r.path for r in parallel] == [p.as_posix() for p in inputs]
    assert parallel == serial
    kinds = [r.kind if isinstance(r, PageFailure) else None for r in parallel]
    assert kinds == [None, FailureKind.DECODE, None, None, None, FailureKind.READ, None, None]
    first = parallel[0]
    assert isinstance(first, PageResult)
    assert first.page == parse_file(pages[0])


def test_parse_many_passes_the_date(tmp_path: Path) -> None:
    import datetime as dt

    (page,) = _pages(tmp_path, 1)
    day = dt.date(2023, 7, 29)
    (result,) = parse_many([page], processes=1, date=day)
    assert isinstance(result, PageResult)
    assert result.page.date == day
    assert result.page == parse_file(page, date=day)


def test_a_parser_bug_is_a_failure_not_an_exception(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = _pages(tmp_path, 2)

    def boom(text: str, *, date: object = None, max_chars: object = None) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(batch, "parse_page", boom)
    results = list(parse_many(pages, processes=1))
    assert [r.ok for r in results] == [False, False]
    assert isinstance(results[0], PageFailure)
    assert results[0].kind is FailureKind.PARSE
    assert results[0].reason == "RuntimeError: bug"


def test_a_dying_worker_loses_only_its_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parent))
    import fault_parsers

    pages = _pages(tmp_path, 8)
    text = pages[5].read_text(encoding="utf-8")
    pages[5].write_text(fault_parsers.POISON + text, encoding="utf-8")
    out = list(parse_many(pages, processes=2, parser=fault_parsers.poison))
    assert [o.path for o in out] == [p.as_posix() for p in pages]
    assert [o.ok for o in out] == [True] * 5 + [False] + [True] * 2
    assert isinstance(out[5], PageFailure)
    assert out[5].kind is FailureKind.CRASH


# ---------------------------------------------------------------- run_batch


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_run_batch_writes_one_line_per_page_in_order(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    pages = _pages(tmp_path / "in", 5)
    (tmp_path / "in" / "p002.txt").write_bytes(b"\xff\xfe\xff")  # undecodable
    out = tmp_path / "out.jsonl"
    summary = run_batch(find_pages([tmp_path / "in"]), out, processes=2)
    assert (summary.total, summary.written, summary.skipped, summary.failed) == (5, 4, 0, 1)
    lines = _lines(out)
    assert [line["path"] for line in lines] == [
        p.as_posix() for p in pages if not p.name.startswith("p002")
    ]
    expected = parse_file(pages[0]).to_dict()
    assert lines[0]["page"] == json.loads(json.dumps(expected, ensure_ascii=False))
    (error,) = _lines(errors_path(out))
    assert error["path"] == pages[2].as_posix()
    assert error["error"] == "decode"
    assert "p002.txt" in str(error["reason"])


def test_resume_cuts_a_partial_line_and_finishes_byte_identical(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    _pages(tmp_path / "in", 6)
    found = find_pages([tmp_path / "in"])
    full = tmp_path / "full.jsonl"
    run_batch(found, full, processes=1)
    data = full.read_bytes()
    cut = tmp_path / "cut.jsonl"
    first_two = data.index(b"\n", data.index(b"\n") + 1) + 1
    cut.write_bytes(data[: first_two + 100])  # two lines and a partial third
    summary = run_batch(found, cut, processes=2, resume=True)
    assert (summary.skipped, summary.written, summary.failed) == (2, 4, 0)
    assert cut.read_bytes() == data


def test_resume_retries_the_pages_that_failed(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    pages = _pages(tmp_path / "in", 3)
    good = pages[1].read_bytes()
    pages[1].write_bytes(b"\xff\xfe\xff")
    out = tmp_path / "out.jsonl"
    assert run_batch(find_pages([tmp_path / "in"]), out, processes=1).failed == 1
    pages[1].write_bytes(good)
    summary = run_batch(find_pages([tmp_path / "in"]), out, processes=1, resume=True)
    assert (summary.skipped, summary.written, summary.failed) == (2, 1, 0)
    assert errors_path(out).read_text(encoding="utf-8") == ""
    assert sorted(line["path"] for line in _lines(out)) == [p.as_posix() for p in pages]


def test_without_resume_the_output_starts_afresh(tmp_path: Path) -> None:
    (page,) = _pages(tmp_path, 1)
    out = tmp_path / "out.jsonl"
    out.write_text('{"path": "old"}\npartial', encoding="utf-8")
    run_batch([page], out, processes=1)
    assert [line["path"] for line in _lines(out)] == [page.as_posix()]


# ---------------------------------------------------------------- progress


def test_progress_is_quiet_when_not_a_terminal() -> None:
    stream = io.StringIO()
    bar = Progress(10, stream)
    bar.update(5)
    bar.close()
    assert not bar.enabled
    assert stream.getvalue() == ""


def test_progress_shows_rate_and_eta() -> None:
    stream = io.StringIO()
    ticks = iter([0.0, 1.0, 2.0, 4.0])
    bar = Progress(10, stream, force=True, clock=lambda: next(ticks))
    bar.update(2)
    bar.update(4)
    bar.update(10, 1)
    bar.close()
    frames = stream.getvalue().split("\r")[1:]
    assert "2/10 pages" in frames[0]
    assert "2.0 pages/s" in frames[0]
    assert "ETA 0:00:04" in frames[0]
    assert "10/10 pages  1 failed" in frames[-1]
    assert stream.getvalue().endswith("\n")


# ---------------------------------------------------------------- interrupted runs


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), *filter(None, [env.get("PYTHONPATH")])])
    return env


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_batch_leaves_whole_lines_and_resumes(
    tmp_path: Path, sig: signal.Signals
) -> None:
    (tmp_path / "in").mkdir()
    pages = 200  # enough that the signal lands before the batch ends, however fast parsing is
    _pages(tmp_path / "in", pages)
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "newsparse", "batch", str(tmp_path / "in"), "-o", str(out)]
    proc = subprocess.Popen(
        [*cmd, "--jobs", "2"],
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size == 0):
        time.sleep(0.02)
    os.killpg(proc.pid, sig)  # like Ctrl-C in a terminal: the whole process group
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130, stderr
    assert stderr.decode().strip() == "newsparse: interrupted"
    data = out.read_bytes()
    assert data.endswith(b"\n")
    done = [json.loads(line)["path"] for line in data.splitlines()]
    assert 0 < len(done) < pages
    resumed = subprocess.run(
        [*cmd, "--resume", "--jobs", "2"], env=_env(), capture_output=True, check=False
    )
    assert resumed.returncode == 0, resumed.stderr
    paths = [json.loads(line)["path"] for line in out.read_bytes().splitlines()]
    assert paths == [p.as_posix() for p in find_pages([tmp_path / "in"])]
