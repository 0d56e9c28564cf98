"""PDFs in ``parse_many``, ``run_batch`` and ``newsparse batch``: one line per PDF page.

The PDFs are drawn with reportlab (see ``newspaper_pdf``) and read back with
pypdfium2. The command runs as a real process with worker processes; the
interrupt trials signal it at a random moment and check that the output
holds whole files only (every page of a PDF, or none) and that resuming
gives the file of an uninterrupted run, byte for byte.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("pypdfium2")

from newspaper_pdf import LEFT, write_newspaper_pdf, write_pages_pdf

from newsparse import parse_pdf
from newsparse.batch import (
    FailureKind,
    PageFailure,
    PageResult,
    errors_path,
    find_pages,
    parse_many,
    run_batch,
)
from newsparse.sample import sample_text
from newsparse.schema import batch_line_schema, page_schema

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PDF_PAGES = 3


def _env(*front: Path) -> dict[str, str]:
    env = dict(os.environ)
    paths = [*map(str, front), str(ROOT / "src"), *filter(None, [env.get("PYTHONPATH")])]
    env["PYTHONPATH"] = os.pathsep.join(paths)
    return env


def _batch(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsparse", "batch", *args],
        env=env or _env(),
        capture_output=True,
        check=False,
        timeout=300,
    )


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_bytes().splitlines()]


def _text_page(path: Path, n: int) -> Path:
    path.write_text(f"第{n}版要闻\n\n{sample_text()}", encoding="utf-8")
    return path


def _mixed_folder(folder: Path, files: int) -> Path:
    """``files`` text pages and ``files`` PDFs of ``PDF_PAGES`` pages, names interleaved."""
    folder.mkdir()
    for i in range(files):
        _text_page(folder / f"p{2 * i:03d}.txt", 2 * i)
        write_newspaper_pdf(folder / f"p{2 * i + 1:03d}.pdf", pages=PDF_PAGES)
    return folder


def _pdf_page(line: dict[str, object]) -> object:
    page = line["page"]
    assert isinstance(page, dict)
    return page["source"]["pdf_page"]


def _check_whole_files(lines: list[dict[str, object]]) -> None:
    """Each PDF's lines stand together, pages 1..N in order, with one provenance."""
    i = 0
    while i < len(lines):
        provenance = lines[i]["provenance"]
        assert isinstance(provenance, dict)
        n = provenance.get("pdf_pages") or 1
        group = lines[i : i + n]
        assert [line["path"] for line in group] == [lines[i]["path"]] * n
        assert [line["provenance"] for line in group] == [provenance] * n
        if str(lines[i]["path"]).endswith(".pdf"):
            assert [_pdf_page(line) for line in group] == list(range(1, n + 1))
        i += n


# ---------------------------------------------------------------- find_pages, parse_many


def test_folders_contribute_text_pages_and_pdfs_sorted_together(tmp_path: Path) -> None:
    for name in ("b.txt", "a.pdf", "c.PDF", "sub/a.txt", "notes.md", "scan.png"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    found = find_pages([tmp_path, tmp_path / "a.pdf", f"{tmp_path}/*.pdf"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.pdf",
        "b.txt",
        "c.PDF",
        "sub/a.txt",
    ]


@pytest.mark.parametrize("processes", [1, 2])
def test_parse_many_gives_one_result_per_pdf_page_in_input_order(
    tmp_path: Path, processes: int
) -> None:
    pdf = write_newspaper_pdf(tmp_path / "城市.pdf", pages=PDF_PAGES)
    inputs = [
        _text_page(tmp_path / "a.txt", 1),
        pdf,
        tmp_path / "missing.pdf",
        _text_page(tmp_path / "b.txt", 2),
    ]
    # a time limit makes even processes=1 use a worker process
    results = list(parse_many(inputs, processes=processes, timeout=120))
    assert [r.path for r in results] == [
        inputs[0].as_posix(),
        *[pdf.as_posix()] * PDF_PAGES,
        inputs[2].as_posix(),
        inputs[3].as_posix(),
    ]
    assert isinstance(results[4], PageFailure)
    assert results[4].kind is FailureKind.READ
    pages = [r for r in results[1:4] if isinstance(r, PageResult)]
    assert [p.page.source.pdf_page for p in pages if p.page.source] == [1, 2, 3]
    assert [p.page.source.edition for p in pages if p.page.source] == ["第01版", "第02版", "第03版"]
    # the same pages as parse_pdf, and one provenance for the whole file
    expected = parse_pdf(pdf.as_posix())
    assert [p.page.to_dict() for p in pages] == [p.to_dict() for p in expected]
    assert {p.provenance for p in pages} == {pages[0].provenance}
    assert pages[0].provenance is not None
    assert pages[0].provenance.pdf_pages == PDF_PAGES


def test_max_chars_applies_to_each_pdf_page(tmp_path: Path) -> None:
    pdf = write_pages_pdf(tmp_path / "mixed.pdf", [["短讯一则。"], ["这一页很长。" * 40]])
    results = list(parse_many([pdf], processes=1, max_chars=100))
    assert [r.ok for r in results] == [True, False]
    failure = results[1]
    assert isinstance(failure, PageFailure)
    assert failure.kind is FailureKind.TOO_LARGE
    assert failure.pdf_page == 2
    assert "PDF page 2" in failure.reason
    assert "--max-chars" in failure.reason
    with pytest.raises(Exception, match="--max-chars"):
        parse_pdf(pdf, max_chars=100)
    assert len(parse_pdf(pdf, max_chars=None)) == 2


def test_encoding_does_not_apply_to_pdfs(tmp_path: Path) -> None:
    pdf = write_newspaper_pdf(tmp_path / "a.pdf", pages=1)
    (result,) = parse_many([pdf], processes=1, encoding="big5")
    assert isinstance(result, PageResult)
    assert LEFT["headline"] in result.page.text


def test_a_file_that_is_not_a_pdf_is_a_decode_failure(tmp_path: Path) -> None:
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"%PDF-1.4 but nothing else")
    (result,) = parse_many([fake], processes=1)
    assert isinstance(result, PageFailure)
    assert result.kind is FailureKind.DECODE
    assert "as a PDF" in result.reason


def test_each_pdf_page_has_its_own_time_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(HERE))
    import fault_parsers

    # four slow pages: together over the limit, each well within it
    lines = [[f"第0{n}版", f"{fault_parsers.SLEEPY}的一页。"] for n in range(1, 5)]
    pdf = write_pages_pdf(tmp_path / "slow.pdf", lines)
    limit = 2 * fault_parsers.SLEEPY_SECONDS + 0.5
    results = list(parse_many([pdf], processes=1, timeout=limit, parser=fault_parsers.sleepy))
    assert [r.ok for r in results] == [True] * 4, results


# ---------------------------------------------------------------- the command


def test_batch_writes_one_line_per_pdf_page_with_the_file_provenance(tmp_path: Path) -> None:
    folder = _mixed_folder(tmp_path / "in", 2)
    out = tmp_path / "out.jsonl"
    done = _batch(str(folder), "-o", str(out), "--jobs", "2")
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    lines = _lines(out)
    names = [Path(str(line["path"])).name for line in lines]
    assert names == ["p000.txt", *["p001.pdf"] * 3, "p002.txt", *["p003.pdf"] * 3]
    assert [_pdf_page(line) for line in lines] == [None, 1, 2, 3, None, 1, 2, 3]
    _check_whole_files(lines)
    provenance = lines[1]["provenance"]
    assert isinstance(provenance, dict)
    assert provenance["pdf_pages"] == PDF_PAGES
    assert provenance["path"] == os.path.realpath(folder / "p001.pdf")
    assert "pdf_pages" not in lines[0]["provenance"]  # type: ignore[operator]
    validator = _validator(batch_line_schema())
    for line in lines:
        validator.validate(line)
    # an uninterrupted resume keeps every line and parses nothing
    again = run_batch(find_pages([folder]), out, processes=1, timeout=None, resume=True)
    assert (again.written, again.skipped, again.stale) == (0, 8, 0)


def _validator(schema: dict[str, object]) -> object:
    jsonschema = pytest.importorskip("jsonschema")
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def test_error_kinds_and_error_lines_match_the_schema(tmp_path: Path) -> None:
    pdf = write_pages_pdf(tmp_path / "mixed.pdf", [["短讯一则。"], ["这一页很长。" * 40]])
    out = tmp_path / "out.jsonl"
    summary = run_batch([pdf], out, processes=1, timeout=None, max_chars=100)
    assert (summary.total, summary.written, summary.failed) == (2, 1, 1)
    schema = page_schema()
    errors = schema["$defs"]["batch_error_line"]
    assert errors["properties"]["error"]["enum"] == [k.value for k in FailureKind]
    validator = _validator({"$schema": schema["$schema"], **errors})
    (line,) = _lines(errors_path(out))
    validator.validate(line)
    assert (line["error"], line["pdf_page"]) == ("too_large", 2)


def test_a_pdf_with_a_failed_page_is_parsed_again_as_a_whole_on_resume(tmp_path: Path) -> None:
    pdf = write_pages_pdf(tmp_path / "mixed.pdf", [["短讯一则。"], ["这一页很长。" * 40]])
    text = tmp_path / "a.txt"
    text.write_text("标题\n\n正文。", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run_batch([pdf, text], out, processes=1, timeout=None, max_chars=100)
    first = out.read_bytes()
    warnings: list[str] = []
    summary = run_batch(
        [pdf, text],
        out,
        processes=1,
        timeout=None,
        max_chars=100,
        resume=True,
        warn=warnings.append,
    )
    assert (summary.written, summary.skipped, summary.failed, summary.stale) == (1, 1, 1, 1)
    assert len(warnings) == 1
    assert "from a PDF whose other pages are missing" in warnings[0]
    # the text page stays first; the PDF's page is written again after it
    lines = first.splitlines(keepends=True)
    assert out.read_bytes() == lines[1] + lines[0]


def test_missing_pdf_extra_is_a_failing_page_naming_it(tmp_path: Path) -> None:
    shadow = tmp_path / "shadow"
    (shadow / "pypdfium2").mkdir(parents=True)
    (shadow / "pypdfium2" / "__init__.py").write_text(
        "raise ImportError('pypdfium2 is not installed here')\n", encoding="utf-8"
    )
    folder = _mixed_folder(tmp_path / "in", 1)
    out = tmp_path / "out.jsonl"
    done = _batch(str(folder), "-o", str(out), "--jobs", "2", env=_env(shadow))
    assert done.returncode == 1, done.stderr
    assert b"Traceback" not in done.stderr
    assert [Path(str(x["path"])).name for x in _lines(out)] == ["p000.txt"]
    (error,) = _lines(errors_path(out))
    assert error["error"] == "missing_extra"
    assert error["reason"] == 'reading PDF files needs pypdfium2: pip install "newsparse[pdf]"'


def test_single_file_commands_apply_max_chars_to_pdf_pages(tmp_path: Path) -> None:
    pdf = write_newspaper_pdf(tmp_path / "a.pdf", pages=1)
    done = subprocess.run(
        [sys.executable, "-m", "newsparse", "parse", str(pdf), "--max-chars", "50"],
        env=_env(),
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 1
    assert b"--max-chars" in done.stderr
    assert b"PDF page 1" in done.stderr


# ---------------------------------------------------------------- resume


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """A folder of text pages and PDFs, and the output of an uninterrupted run over it."""
    root = tmp_path_factory.mktemp("pdf-batch")
    folder = _mixed_folder(root / "in", 30)
    out = root / "reference.jsonl"
    done = _batch(str(folder), "-o", str(out), "--jobs", "2")
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    _check_whole_files([json.loads(line) for line in data.splitlines()])
    return folder, data


def _torn(lines: list[dict[str, object]]) -> int:
    """Lines of the last file that has fewer lines than its PDF has pages (0 if none is torn)."""
    i = 0
    while i < len(lines):
        provenance = lines[i]["provenance"]
        assert isinstance(provenance, dict)
        n = provenance.get("pdf_pages") or 1
        if i + n > len(lines):
            return len(lines) - i
        i += n
    return 0


def test_resume_after_a_cut_anywhere_finishes_byte_identical(
    mixed: tuple[Path, bytes], tmp_path: Path
) -> None:
    folder, reference = mixed
    lines = reference.splitlines(keepends=True)
    ends = [sum(map(len, lines[: i + 1])) for i in range(len(lines))]
    rng = random.Random(13)
    # after each of the first PDF's pages, and at random bytes (inside lines, too)
    cuts = [ends[0], ends[1], ends[2], ends[3], *rng.sample(range(len(reference)), 8)]
    for cut in cuts:
        out = tmp_path / f"cut{cut}.jsonl"
        out.write_bytes(reference[:cut])
        whole = [
            json.loads(x) for x in reference[:cut].splitlines(keepends=True) if x[-1:] == b"\n"
        ]
        torn = _torn(whole)
        warnings: list[str] = []
        summary = run_batch(
            find_pages([folder]), out, processes=1, timeout=None, resume=True, warn=warnings.append
        )
        assert out.read_bytes() == reference, cut
        assert summary.total == len(lines)
        # the pages of a PDF cut short are dropped and parsed again, never kept in part
        assert summary.stale == torn, cut
        assert summary.skipped == len(whole) - torn, cut
        if torn:
            (warning,) = warnings
            assert "from a PDF whose other pages are missing" in warning
            assert f"{torn} page" in warning
        else:
            assert warnings == []
    assert _torn([json.loads(x) for x in lines[:2]]) == 1  # cuts[1] tears p001.pdf


def test_resume_parses_a_changed_pdf_again(mixed: tuple[Path, bytes], tmp_path: Path) -> None:
    src, reference = mixed
    folder = tmp_path / "in"
    folder.mkdir()
    for page in src.iterdir():
        (folder / page.name).write_bytes(page.read_bytes())
    out = tmp_path / "out.jsonl"
    run_batch(find_pages([folder]), out, processes=1, timeout=None)
    write_newspaper_pdf(folder / "p003.pdf", pages=2)  # the PDF lost a page
    warnings: list[str] = []
    summary = run_batch(
        find_pages([folder]), out, processes=1, timeout=None, resume=True, warn=warnings.append
    )
    assert (summary.written, summary.stale) == (2, PDF_PAGES)
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{PDF_PAGES} pages in {out} changed since it was written")
    lines = _lines(out)
    _check_whole_files(lines)
    changed = [x for x in lines if str(x["path"]).endswith("p003.pdf")]
    assert [_pdf_page(x) for x in changed] == [1, 2]
    assert lines[-2:] == changed  # parsed again, appended
    assert len(lines) == len(reference.splitlines()) - 1


def test_an_interrupted_batch_of_pdfs_leaves_whole_files_and_resumes(
    mixed: tuple[Path, bytes], tmp_path: Path
) -> None:
    if os.name != "posix":
        pytest.skip("POSIX signals and process groups")
    folder, reference = mixed
    interrupted = 0
    slowest = 0.0
    for seed in range(4):
        rng = random.Random(seed)
        out = tmp_path / f"o{seed}.jsonl"
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "newsparse",
                "batch",
                str(folder),
                "-o",
                str(out),
                "--jobs",
                "2",
            ],
            env=_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and (not out.exists() or out.stat().st_size == 0):
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.3))
        with_signal = signal.SIGINT if seed % 2 else signal.SIGTERM
        signalled = time.monotonic()
        with contextlib.suppress(ProcessLookupError):  # it had finished already
            os.killpg(proc.pid, with_signal)
        _, stderr = proc.communicate(timeout=60)
        slowest = max(slowest, time.monotonic() - signalled)
        assert b"Traceback" not in stderr, stderr
        data = out.read_bytes()
        if proc.returncode == 0:
            assert data == reference
            continue
        interrupted += 1
        assert proc.returncode == 130, stderr
        assert data == reference[: len(data)]
        assert data.endswith(b"\n")
        _check_whole_files([json.loads(line) for line in data.splitlines()])
        summary = run_batch(find_pages([folder]), out, processes=1, timeout=None, resume=True)
        assert summary.stale == 0
        assert summary.skipped == len(data.splitlines())
        assert out.read_bytes() == reference
    assert interrupted >= 2
    print(f"PDF batch: 4 trials, {interrupted} interrupted, slowest exit {slowest:.2f} s")  # noqa: T201


def test_the_pages_of_a_pdf_are_not_duplicates_but_a_second_copy_is(tmp_path: Path) -> None:
    folder = _mixed_folder(tmp_path / "in", 1)
    out = tmp_path / "out.jsonl"
    run_batch(find_pages([folder]), out, processes=1, timeout=None)
    reference = out.read_bytes()
    lines = reference.splitlines(keepends=True)
    # a second copy of the PDF's lines, then one more stray page of it
    out.write_bytes(reference + b"".join(lines[1 : 1 + PDF_PAGES]) + lines[2])
    warnings: list[str] = []
    summary = run_batch(
        find_pages([folder]), out, processes=1, timeout=None, resume=True, warn=warnings.append
    )
    assert (summary.written, summary.skipped, summary.stale) == (0, 1 + PDF_PAGES, PDF_PAGES + 1)
    assert len(warnings) == 1
    assert "written twice" in warnings[0]
    assert out.read_bytes() == reference
