"""parse_many and run_batch with faulty inputs: slow, crashing and noisy parsers, odd file
names, size limits, changed files on resume, scripts without a ``__main__`` guard."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import pytest

from newsparse import batch
from newsparse.batch import (
    FailureKind,
    PageFailure,
    WorkerError,
    errors_path,
    find_pages,
    parse_many,
    run_batch,
)
from newsparse.io import parse_file
from newsparse.sample import sample_text

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


@pytest.fixture
def parsers(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    """The misbehaving parsers, importable here and in the worker processes."""
    monkeypatch.syspath_prepend(str(HERE))
    import fault_parsers

    return fault_parsers


def _pages(folder: Path, n: int, *, marks: dict[int, str] | None = None) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"p{i:03d}.txt"
        mark = (marks or {}).get(i, "")
        p.write_text(f"{mark}第{i}版要闻\n\n{sample_text()}", encoding="utf-8")
        paths.append(p)
    return paths


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_bytes().splitlines()]


def _live_workers() -> list[int]:
    """Worker processes of this process that are still running (Linux /proc)."""
    me = str(os.getpid()).encode()
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                argv = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"_worker_main" in b" ".join(argv) and me in argv:
                found.append(int(entry.name))
    return found


# ---------------------------------------------------------------- time limit


def test_a_page_over_the_time_limit_is_a_timeout_and_the_batch_goes_on(
    tmp_path: Path, parsers: types.ModuleType
) -> None:
    pages = _pages(tmp_path / "in", 5, marks={1: parsers.SLOW})
    out = tmp_path / "out.jsonl"
    summary = run_batch(pages, out, processes=2, timeout=2, parser=parsers.slow)
    assert (summary.written, summary.failed) == (4, 1)
    assert [line["path"] for line in _lines(out)] == [
        p.as_posix() for i, p in enumerate(pages) if i != 1
    ]
    (error,) = _lines(errors_path(out))
    assert error["path"] == pages[1].as_posix()
    assert error["error"] == "timeout"
    assert "--timeout" in str(error["reason"])
    if Path("/proc").is_dir():
        assert _live_workers() == []  # the stuck worker was killed, the others stopped


def test_parse_many_with_a_timeout_uses_workers_even_for_one_page(
    tmp_path: Path, parsers: types.ModuleType
) -> None:
    (page,) = _pages(tmp_path / "in", 1, marks={0: parsers.SLOW})
    (result,) = parse_many([page], processes=1, timeout=1, parser=parsers.slow)
    assert isinstance(result, PageFailure)
    assert result.kind is FailureKind.TIMEOUT


# ---------------------------------------------------------------- workers


def test_a_parser_that_prints_does_not_spoil_the_output(
    tmp_path: Path, parsers: types.ModuleType
) -> None:
    pages = _pages(tmp_path / "in", 6, marks={2: parsers.NOISY})
    out = tmp_path / "out.jsonl"
    assert run_batch(pages, out, processes=2, parser=parsers.noisy).written == 6
    expected = parse_file(pages[2]).to_dict()
    assert _lines(out)[2]["page"] == json.loads(json.dumps(expected, ensure_ascii=False))


def test_a_parser_the_workers_cannot_import_is_one_clear_error(tmp_path: Path) -> None:
    module = types.ModuleType("only_in_the_parent")
    exec("def parse(text, **kw):\n    return None\n", module.__dict__)
    sys.modules["only_in_the_parent"] = module
    try:
        pages = _pages(tmp_path / "in", 6)
        with pytest.raises(WorkerError, match=r"cannot load its settings.*only_in_the_parent"):
            list(parse_many(pages, processes=2, parser=module.parse))
    finally:
        del sys.modules["only_in_the_parent"]


def test_a_parser_defined_in_main_is_refused_before_any_worker_starts(tmp_path: Path) -> None:
    def parse(text: str, **kw: object) -> None:
        return None

    parse.__module__ = "__main__"
    with pytest.raises(ValueError, match="defined in __main__"):
        list(parse_many(_pages(tmp_path / "in", 6), processes=2, parser=parse))


def test_few_pages_are_parsed_without_starting_a_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_process(*args: object, **kwargs: object) -> None:
        raise AssertionError("a worker process was started")

    monkeypatch.setattr(batch.subprocess, "Popen", no_process)
    pages = _pages(tmp_path / "in", 4)
    assert [r.ok for r in parse_many(pages, processes=4)] == [True] * 4


def test_a_script_without_a_main_guard_works_under_spawn(tmp_path: Path) -> None:
    pages = _pages(tmp_path / "in", 8)
    script = tmp_path / "script.py"
    script.write_text(
        textwrap.dedent(
            """\
            import multiprocessing
            import sys

            from newsparse.batch import parse_many

            multiprocessing.set_start_method("spawn")
            results = list(parse_many(sys.argv[1:], processes=2))
            print(sum(r.ok for r in results), len(results))
            """
        ),
        encoding="utf-8",
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run(
        [sys.executable, str(script), *map(str, pages)],
        env=env,
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().split() == ["8", "8"]
    assert done.stderr == b""


# ---------------------------------------------------------------- file names


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes")
def test_a_file_name_that_is_not_utf8_is_a_failing_page(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    pages = _pages(folder, 5)
    odd = os.fsdecode(os.fsencode(folder) + b"/\xd0\xc2\xce\xc5.txt")  # 新闻 in GBK
    Path(odd).write_text(sample_text(), encoding="utf-8")
    found = find_pages([folder])
    assert odd in [str(p) for p in found]
    out = tmp_path / "out.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "newsparse", "batch", str(folder), "-o", str(out), "--jobs", "2"],
        env=dict(os.environ, PYTHONPATH=str(ROOT / "src")),
        capture_output=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert b"Traceback" not in done.stderr
    assert [line["path"] for line in _lines(out)] == [p.as_posix() for p in pages]
    (error,) = _lines(errors_path(out))  # valid UTF-8 JSON
    assert error["error"] == "name"
    assert error["path"] == str(folder) + "/\\xd0\\xc2\\xce\\xc5.txt"
    (result,) = parse_many([odd], processes=1)
    assert isinstance(result, PageFailure)
    assert result.path == odd  # the Python value still opens the file
    assert result.kind is FailureKind.NAME


# ---------------------------------------------------------------- size limit


def test_max_chars_reaches_the_workers_and_says_how_to_raise_it(tmp_path: Path) -> None:
    pages = _pages(tmp_path / "in", 6)
    results = list(parse_many(pages, processes=2, max_chars=100))
    assert {r.kind for r in results if isinstance(r, PageFailure)} == {FailureKind.TOO_LARGE}
    assert len(results) == 6
    failure = results[0]
    assert isinstance(failure, PageFailure)
    assert "--max-chars" in failure.reason
    assert "max_chars=" in failure.reason
    out = tmp_path / "out.jsonl"
    summary = run_batch(pages, out, processes=2, max_chars=100)
    assert (summary.written, summary.failed) == (0, 6)
    assert {line["error"] for line in _lines(errors_path(out))} == {"too_large"}
    assert run_batch(pages, out, processes=2, max_chars=None).written == 6


def test_parse_bag_takes_max_chars(tmp_path: Path) -> None:
    pytest.importorskip("dask.bag")
    from newsparse.distributed import parse_bag

    pages = _pages(tmp_path / "in", 2)
    small = parse_bag(pages, max_chars=100).compute(scheduler="sync")
    assert [r.kind for r in small] == [FailureKind.TOO_LARGE] * 2
    assert all(r.ok for r in parse_bag(pages, max_chars=None).compute(scheduler="sync"))


# ---------------------------------------------------------------- resume


def _batch(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsparse", "batch", *args],
        env=dict(os.environ, PYTHONPATH=str(ROOT / "src")),
        cwd=cwd,
        capture_output=True,
        check=False,
    )


def test_every_line_records_its_provenance(tmp_path: Path) -> None:
    pages = _pages(tmp_path / "in", 2)
    out = tmp_path / "out.jsonl"
    run_batch(pages, out, processes=1, timeout=None, date=dt.date(2023, 7, 29))
    source = _lines(out)[1]["provenance"]
    assert isinstance(source, dict)
    assert source["path"] == str(pages[1].resolve())
    assert len(str(source["sha256"])) == 64
    assert source["date"] == "2023-07-29"
    assert source["version"] == batch._version()


def test_resume_matches_pages_by_file_not_by_spelling(tmp_path: Path) -> None:
    _pages(tmp_path / "in", 5)
    first = _batch("in", "-o", "out.jsonl", "--jobs", "2", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    before = (tmp_path / "out.jsonl").read_bytes()
    again = _batch(str(tmp_path / "in"), "-o", str(tmp_path / "out.jsonl"), "--resume", cwd=ROOT)
    assert again.returncode == 0, again.stderr
    assert again.stderr == b""
    assert (tmp_path / "out.jsonl").read_bytes() == before


def test_resume_parses_a_changed_page_again_and_says_so(tmp_path: Path) -> None:
    pages = _pages(tmp_path / "in", 5)
    out = tmp_path / "out.jsonl"
    run_batch(pages, out, processes=2)
    pages[3].write_text("新标题\n\n本报讯 改过的正文。", encoding="utf-8")
    warnings: list[str] = []
    summary = run_batch(pages, out, processes=2, resume=True, warn=warnings.append)
    assert (summary.skipped, summary.written, summary.stale) == (4, 1, 1)
    (message,) = warnings
    assert "1 page" in message
    assert "changed since it was written" in message
    assert "p003.txt" in message
    lines = _lines(out)
    assert sorted(str(line["path"]) for line in lines) == [p.as_posix() for p in pages]
    (changed,) = [line for line in lines if line["path"] == pages[3].as_posix()]
    assert changed["page"] == json.loads(
        json.dumps(parse_file(pages[3]).to_dict(), ensure_ascii=False)
    )


def test_resume_with_another_date_or_version_parses_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = _pages(tmp_path / "in", 3)
    out = tmp_path / "out.jsonl"
    run_batch(pages, out, processes=1, timeout=None)
    warnings: list[str] = []
    day = dt.date(2023, 7, 29)
    summary = run_batch(
        pages, out, processes=1, timeout=None, resume=True, date=day, warn=warnings.append
    )
    assert (summary.skipped, summary.written, summary.stale) == (0, 3, 3)
    assert len(warnings) == 1
    assert "parsed with another --date" in warnings[0]
    assert [line["provenance"]["date"] for line in _lines(out)] == ["2023-07-29"] * 3  # type: ignore[index]
    monkeypatch.setattr(batch, "_version", lambda: "9.9.9")
    warnings.clear()
    summary = run_batch(
        pages, out, processes=1, timeout=None, resume=True, date=day, warn=warnings.append
    )
    assert (summary.skipped, summary.stale) == (0, 3)
    assert "written by another newsparse version" in warnings[0]


def test_resume_drops_duplicates_and_lines_without_a_provenance(tmp_path: Path) -> None:
    pages = _pages(tmp_path / "in", 3)
    out = tmp_path / "out.jsonl"
    run_batch(pages, out, processes=1, timeout=None)
    lines = out.read_bytes().splitlines(keepends=True)
    old = json.loads(lines[2])
    del old["provenance"]  # as newsparse 0.1 wrote it
    stranger = b'{"path": "elsewhere.txt", "page": {}}\n'  # not one of these inputs: kept
    out.write_bytes(lines[0] + lines[1] + lines[0] + stranger + json.dumps(old).encode() + b"\n")
    warnings: list[str] = []
    summary = run_batch(pages, out, processes=1, timeout=None, resume=True, warn=warnings.append)
    assert (summary.skipped, summary.written, summary.stale) == (2, 1, 2)
    assert len(warnings) == 2
    assert out.read_bytes() == lines[0] + lines[1] + stranger + lines[2]
