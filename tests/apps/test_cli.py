"""The ``newsparse`` command, driven in-process through ``main(argv)``."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import weakref
from pathlib import Path
from typing import IO, TYPE_CHECKING

import attrs
import jsonschema
import pytest

from newsparse import batch, cli, tables
from newsparse.batch import errors_path
from newsparse.model import Source
from newsparse.page import parse_page
from newsparse.sample import sample_text
from newsparse.schema import batch_line_schema, page_schema

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def page_file(tmp_path: Path) -> Path:
    path = tmp_path / "sample.txt"
    path.write_text(sample_text(), encoding="utf-8")
    return path


@pytest.fixture
def gb_file(tmp_path: Path) -> Path:
    path = tmp_path / "gb.txt"
    path.write_bytes(sample_text().encode("gb18030"))
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# ---------------------------------------------------------------- parse


def test_parse_json_is_the_page_dict(capsys: pytest.CaptureFixture[str], page_file: Path) -> None:
    status, out, err = run(capsys, "parse", str(page_file))
    assert (status, err) == (0, "")
    data = json.loads(out)
    jsonschema.validate(data, page_schema())
    assert data.pop("source") == {
        "path": page_file.as_posix(),
        "encoding": "utf-8",
        "pdf_page": None,
        "edition": None,
    }
    assert data == json.loads(parse_page(sample_text()).to_json())


def test_parse_date_option(capsys: pytest.CaptureFixture[str], page_file: Path) -> None:
    status, out, _ = run(capsys, "parse", str(page_file), "--date", "2023-07-29")
    assert status == 0
    data = json.loads(out)
    assert data["date"] == "2023-07-29"
    assert data["date_inferred"] is False


def test_parse_jsonl_has_one_record_per_file(
    capsys: pytest.CaptureFixture[str], page_file: Path, gb_file: Path
) -> None:
    status, out, _ = run(capsys, "parse", str(page_file), str(gb_file), "--format", "jsonl")
    assert status == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["path"] for r in records] == [page_file.as_posix(), gb_file.as_posix()]
    for record in records:
        jsonschema.validate(record, batch_line_schema())
    sources = [r["page"].pop("source") for r in records]
    assert [s["encoding"] for s in sources] == ["utf-8", "gb18030"]
    assert records[0]["page"] == records[1]["page"]  # GB18030 decodes to the same page


def test_parse_json_of_several_files_is_a_list(
    capsys: pytest.CaptureFixture[str], page_file: Path, gb_file: Path
) -> None:
    status, out, _ = run(capsys, "parse", str(page_file.parent))
    assert status == 0
    assert [r["path"] for r in json.loads(out)] == [gb_file.as_posix(), page_file.as_posix()]


def test_parse_markdown(capsys: pytest.CaptureFixture[str], page_file: Path) -> None:
    status, out, _ = run(capsys, "parse", str(page_file), "--format", "md")
    assert status == 0
    page = parse_page(sample_text())
    assert out.startswith(f"# {page_file.as_posix()}".replace("_", "\\_"))
    headings = [line[3:] for line in out.splitlines() if line.startswith("## ")]
    assert len(headings) == len(page.articles)
    first = page.articles[0]
    assert first.headline is not None
    assert first.headline.text in out
    assert first.body[0].text[:10] in out


def test_parse_writes_the_output_file(
    capsys: pytest.CaptureFixture[str], page_file: Path, tmp_path: Path
) -> None:
    out_file = tmp_path / "page.json"
    status, out, _ = run(capsys, "parse", str(page_file), "-o", str(out_file))
    assert (status, out) == (0, "")
    assert json.loads(out_file.read_text(encoding="utf-8"))["schema_version"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


# ---------------------------------------------------------------- figures


def _sample_rows(page_file: Path) -> list[dict[str, object]]:
    page = attrs.evolve(parse_page(sample_text()), source=Source(page_file.as_posix(), "utf-8"))
    return tables.figure_records([page])


def test_figures_csv(capsys: pytest.CaptureFixture[str], page_file: Path) -> None:
    status, out, _ = run(capsys, "figures", str(page_file))
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert tuple(next(csv.reader(io.StringIO(out)))) == tuple(n for n, _ in tables.FIGURES)
    expected = _sample_rows(page_file)
    assert len(rows) == len(expected) == len(parse_page(sample_text()).quantities)
    assert rows == [{k: tables.csv_cell(v) for k, v in row.items()} for row in expected]


def test_figures_jsonl_and_bom(capsys: pytest.CaptureFixture[str], page_file: Path) -> None:
    status, out, _ = run(capsys, "figures", str(page_file), "--format", "jsonl")
    assert status == 0
    assert [json.loads(line) for line in out.splitlines()] == _sample_rows(page_file)
    status, out, _ = run(capsys, "figures", str(page_file), "--bom")
    assert status == 0
    assert out.startswith("\ufefffile,pdf_page,article,headline,text,")


# ---------------------------------------------------------------- show and demo


def test_show_writes_a_self_contained_page(
    capsys: pytest.CaptureFixture[str], page_file: Path, tmp_path: Path
) -> None:
    out_file = tmp_path / "page.html"
    status, _, err = run(capsys, "show", str(page_file), "-o", str(out_file))
    assert (status, err) == (0, "")
    doc = out_file.read_text(encoding="utf-8")
    assert doc.startswith("<!DOCTYPE html>")
    for forbidden in ("http://", "https://", " src=", " href=", "@import", "url("):
        assert forbidden not in doc


def test_demo_prints_the_articles(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "demo")
    assert (status, err) == (0, "")
    page = parse_page(sample_text())
    for article in page.articles:
        assert article.headline is not None
        assert f"headline   {article.headline.text}" in out
    assert "dateline   本报讯" in out
    assert "caption" in out


def test_demo_json_validates(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "demo", "--format", "json")
    assert status == 0
    jsonschema.validate(json.loads(out), page_schema())


# ---------------------------------------------------------------- batch


def test_batch_is_quiet_and_writes_lines(
    capsys: pytest.CaptureFixture[str], page_file: Path, gb_file: Path, tmp_path: Path
) -> None:
    out_file = tmp_path / "out" / "pages.jsonl"
    out_file.parent.mkdir()
    status, out, err = run(
        capsys, "batch", str(page_file.parent / "*.txt"), "-o", str(out_file), "--jobs", "1"
    )
    assert (status, out, err) == (0, "", "")
    lines = out_file.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["path"] for line in lines] == [
        gb_file.as_posix(),
        page_file.as_posix(),
    ]
    assert errors_path(out_file).read_text(encoding="utf-8") == ""


def test_batch_reports_failures_with_status_1(
    capsys: pytest.CaptureFixture[str], page_file: Path, tmp_path: Path
) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xff")
    out_file = tmp_path / "pages.jsonl"
    status, _, err = run(capsys, "batch", str(tmp_path), "-o", str(out_file), "-j", "1")
    assert status == cli.EXIT_PAGES_FAILED
    assert err == f"newsparse: 1 of 2 pages failed; see {errors_path(out_file)}\n"
    error = json.loads(errors_path(out_file).read_text(encoding="utf-8"))
    assert error["error"] == "decode"


# ---------------------------------------------------------------- user errors


@pytest.mark.parametrize(
    ("argv", "status", "needle"),
    [
        ([], cli.EXIT_USAGE, "choose a command"),
        (["frobnicate"], cli.EXIT_USAGE, "invalid choice"),
        (["parse", "{page}", "--bogus"], cli.EXIT_USAGE, "unrecognized arguments: --bogus"),
        (["parse", "{page}", "--format", "xml"], cli.EXIT_USAGE, "invalid choice: 'xml'"),
        (["parse", "{page}", "--date", "29/07/2023"], cli.EXIT_USAGE, "expected YYYY-MM-DD"),
        (["batch", "{page}"], cli.EXIT_USAGE, "required: -o/--output"),
        (["batch", "{page}", "-o", "{tmp}/o.jsonl", "-j", "0"], cli.EXIT_USAGE, "integer >= 1"),
        (["show", "{tmp}"], cli.EXIT_USAGE, "or a site with -o DIR/"),
        (["parse", "{tmp}/missing.txt"], cli.EXIT_NOT_FOUND, "no such file or folder"),
        (["parse", "{tmp}/empty"], cli.EXIT_NOT_FOUND, "folder holds no *.txt or *.pdf page"),
        (["figures", "{tmp}/*.nope"], cli.EXIT_NOT_FOUND, "pattern matches no file"),
        (["batch", "{tmp}/empty", "-o", "{tmp}/o.jsonl"], cli.EXIT_NOT_FOUND, "no *.txt"),
        (["parse", "{bad}"], cli.EXIT_DECODE, "cannot decode"),
        (["show", "{bad}"], cli.EXIT_DECODE, "cannot decode"),
        (["parse", "{page}", "-o", "{tmp}/no/dir/o.json"], cli.EXIT_OUTPUT, "cannot write"),
        (["batch", "{page}", "-o", "{tmp}/no/o.jsonl"], cli.EXIT_OUTPUT, "cannot write"),
        (["batch", "{page}", "-o", "{tmp}"], cli.EXIT_OUTPUT, "it is a folder"),
    ],
)
def test_user_errors_are_one_line_with_a_distinct_status(  # noqa: PLR0917 - fixtures and parameters
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    page_file: Path,
    argv: list[str],
    status: int,
    needle: str,
) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "other.txt").write_text("标题", encoding="utf-8")
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x81\x30\xff\xff\xfe")
    args = [a.format(tmp=tmp_path, page=page_file, bad=bad) for a in argv]
    got, out, err = run(capsys, *args)
    assert got == status
    assert out == ""
    assert err.count("\n") == 1, err
    assert err.startswith("newsparse")
    assert needle in err
    assert "Traceback" not in err


def test_exit_codes_are_distinct_and_documented() -> None:
    assert len(set(cli.EXIT_CODES)) == len(cli.EXIT_CODES)
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for code in cli.EXIT_CODES:
        assert f"| {code} |" in doc


def test_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--help")
    assert status == 0
    assert "parse" in out
    assert "batch" in out
    status, out, _ = run(capsys, "batch", "--help")
    assert status == 0
    assert "--resume" in out
    status, out, _ = run(capsys, "--version")
    assert status == 0
    assert out.startswith("newsparse ")


def test_python_dash_m_runs_the_command(page_file: Path) -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), *filter(None, [env.get("PYTHONPATH")])])
    env["PYTHONIOENCODING"] = "ascii"  # the output must survive a non-UTF-8 terminal
    proc = subprocess.run(
        [sys.executable, "-m", "newsparse", "parse", str(page_file), "--format", "md"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "本报讯".encode() in proc.stdout


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_a_signal_as_the_command_returns_is_reported_not_raised(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The command has written its output and returns; the signal lands before the handlers
    # are restored (a run descheduled at that moment on a loaded machine).
    run = cli._run

    def returns_then_signalled(
        parser: cli._Parser, argv: list[str] | None, stop: Callable[[], None]
    ) -> int:
        status = run(parser, argv, stop)
        os.kill(os.getpid(), signal.SIGTERM)  # handled before this function returns
        return status

    monkeypatch.setattr(cli, "_run", returns_then_signalled)
    before = signal.getsignal(signal.SIGTERM)
    assert cli.main(["demo"]) == cli.EXIT_INTERRUPTED
    out, err = capsys.readouterr()
    assert "本报" in out  # the whole output was written first
    assert err == "newsparse: interrupted\n"
    assert signal.getsignal(signal.SIGTERM) is before  # called in-process: the caller's again


class _Freed:
    pass


def _signalled_in_a_callback() -> None:
    """SIGTERM inside a weak reference's callback: Python swallows what the handler raises."""
    freed = _Freed()
    ref = weakref.ref(freed, lambda dead: signal.raise_signal(signal.SIGTERM))
    del freed
    del ref


def _signal_again(stop: Callable[[], None]) -> None:
    del stop
    signal.raise_signal(signal.SIGTERM)  # not ignored: the first one was never handled


def _check(stop: Callable[[], None]) -> None:
    stop()  # the command's check between pages


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize("then", [_signal_again, _check], ids=["next signal", "next check"])
def test_a_signal_swallowed_in_a_callback_stops_the_command_at_the_next_signal_or_check(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    then: Callable[[Callable[[], None]], None],
) -> None:
    reached = []

    def swallowed_then(
        parser: cli._Parser, argv: list[str] | None, stop: Callable[[], None]
    ) -> int:
        del parser, argv
        _signalled_in_a_callback()
        reached.append("after the callback")
        then(stop)
        reached.append("after it")
        return cli.EXIT_OK

    monkeypatch.setattr(cli, "_run", swallowed_then)
    hook = sys.unraisablehook
    assert cli.main(["demo"]) == cli.EXIT_INTERRUPTED
    assert reached == ["after the callback"]
    assert capsys.readouterr().err == "newsparse: interrupted\n"  # no "Exception ignored"
    assert sys.unraisablehook is hook  # called in-process: the caller's again


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_a_stopped_parse_closes_its_pages_before_it_reports(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, page_file: Path
) -> None:
    # the workers of parse_many are stopped when its iterator is closed: at once, not when
    # reference counting collects it after the command has reported the interrupt
    events = []

    def pages(paths: list[Path], **kwargs: object) -> Iterator[object]:
        del kwargs
        try:
            _signalled_in_a_callback()  # swallowed: the command's check after the page stops it
            yield from batch.parse_many(paths, processes=1)
        finally:
            events.append("closed")

    write = cli._write_stream

    def reporting(stream: IO[str], text: str) -> None:
        events.append("reported")
        write(stream, text)

    monkeypatch.setattr(cli, "parse_many", pages)
    monkeypatch.setattr(cli, "_write_stream", reporting)
    assert cli.main(["parse", str(page_file)]) == cli.EXIT_INTERRUPTED
    assert events == ["closed", "reported"]
    assert capsys.readouterr() == ("", "newsparse: interrupted\n")


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_a_signal_inside_set_name_during_the_run_is_an_interrupt(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, page_file: Path
) -> None:
    # Python 3.11 hands what __set_name__ raises on as a RuntimeError (an enum class, made as
    # a module loads during the run, runs one per member): the one line and status 130
    def pages(paths: list[Path], **kwargs: object) -> Iterator[object]:
        del paths, kwargs

        class Named:
            def __set_name__(self, owner: type, name: str) -> None:
                signal.raise_signal(signal.SIGINT)

        class Owner:
            field = Named()

        yield Owner

    monkeypatch.setattr(cli, "parse_many", pages)
    assert cli.main(["parse", str(page_file)]) == cli.EXIT_INTERRUPTED
    assert capsys.readouterr() == ("", "newsparse: interrupted\n")


def _chains(kind: type[BaseException]) -> list[tuple[BaseException, bool]]:
    """Exceptions and whether each came from a ``kind``: raised from, during, looped, not."""
    wrapped = RuntimeError("Error calling __set_name__")
    wrapped.__cause__ = kind()
    during = ValueError("while stopping")
    during.__context__ = wrapped
    first, second = OSError("a"), OSError("b")
    first.__context__, second.__context__ = second, first  # a chain that loops back
    suppressed = RuntimeError("from None")
    suppressed.__context__ = kind()
    suppressed.__suppress_context__ = True  # still raised while one was handled
    return [
        (kind(), True),
        (wrapped, True),
        (during, True),
        (first, False),
        (suppressed, True),
        (RuntimeError("other"), False),
    ]


def test_the_entry_point_and_the_command_share_one_chain_walk() -> None:
    from newsparse import __main__ as entry
    from newsparse._chain import raised_from

    assert cli.raised_from is raised_from
    assert entry.raised_from is raised_from
    for kind in (cli._Interrupted, entry._Interrupted):
        for exc, expected in _chains(kind):
            assert raised_from(exc, kind) is expected, exc
