"""The command's outputs: never over an input page, the umask, stdout pipelines, --max-chars."""

from __future__ import annotations

import json
import os
import shlex
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from newsparse.cli import EXIT_OK, EXIT_PAGES_FAILED, EXIT_USAGE, main
from newsparse.sample import sample_text

ROOT = Path(__file__).resolve().parents[2]


def _page(folder: Path, name: str = "page.txt") -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(sample_text(), encoding="utf-8")
    return path


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT / "src"))


# ---------------------------------------------------------------- -o an input


@pytest.mark.parametrize(
    "command",
    [
        ["parse", "{in}", "-o", "{out}"],
        ["parse", "{folder}", "--format", "jsonl", "-o", "{out}"],
        ["figures", "{in}", "-o", "{out}"],
        ["show", "{in}", "-o", "{out}"],
        ["batch", "{folder}", "-o", "{out}", "--jobs", "1"],
    ],
    ids=lambda c: " ".join(c[:2]),
)
@pytest.mark.parametrize("spelling", ["same", "absolute", "symlink", "hard link"])
def test_an_output_that_is_an_input_page_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str], spelling: str
) -> None:
    folder = tmp_path / "in"
    page = _page(folder)
    _page(folder, "other.txt")
    before = page.read_bytes()
    if spelling == "same":
        out = page
    elif spelling == "absolute":
        out = page.resolve()
    elif spelling == "symlink":
        out = tmp_path / "link.txt"
        out.symlink_to(page)
    else:
        out = tmp_path / "hard.txt"
        os.link(page, out)
    argv = [a.format(**{"in": page, "folder": folder, "out": out}) for a in command]
    assert main(argv) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(f"newsparse: refusing to write {out}: it is the input page ")
    assert page.read_bytes() == before
    assert not (tmp_path / "in" / "page.errors.jsonl").exists()


def test_batch_refuses_an_errors_file_that_is_an_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = _page(tmp_path, "out.errors.jsonl")  # named as an input, it is one
    before = page.read_bytes()
    assert main(["batch", str(page), "-o", str(tmp_path / "out.jsonl")]) == EXIT_USAGE
    assert "refusing to write" in capsys.readouterr().err
    assert page.read_bytes() == before
    assert not (tmp_path / "out.jsonl").exists()


# ---------------------------------------------------------------- umask


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
@pytest.mark.parametrize("command", ["parse", "figures", "show", "batch"])
def test_output_files_follow_the_umask(tmp_path: Path, umask: int, mode: int, command: str) -> None:
    page = _page(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    extra = ["--jobs", "1"] if command == "batch" else []
    old = os.umask(umask)
    try:
        assert main([command, str(page), "-o", str(out), *extra]) == EXIT_OK
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == mode
    if command == "batch":
        assert stat.S_IMODE((tmp_path / "out.errors.jsonl").stat().st_mode) == mode


# ---------------------------------------------------------------- stdout


def test_batch_to_stdout_writes_the_same_lines_and_errors_to_stderr(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for i in range(6):
        _page(folder, f"p{i}.txt")
    (folder / "bad.txt").write_bytes(b"\xff\xfe\xff")
    to_file = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "newsparse", "batch", str(folder), "--jobs", "2"]
    done = subprocess.run([*cmd, "-o", str(to_file)], env=_env(), capture_output=True, check=False)
    assert done.returncode == EXIT_PAGES_FAILED
    piped = subprocess.run([*cmd, "-o", "-"], env=_env(), capture_output=True, check=False)
    assert piped.returncode == EXIT_PAGES_FAILED
    assert piped.stdout == to_file.read_bytes()
    error_line, summary = piped.stderr.decode().splitlines()
    assert json.loads(error_line)["error"] == "decode"
    assert summary == "newsparse: 1 of 7 pages failed; see the lines above"


def test_batch_to_stdout_refuses_resume(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    page = _page(tmp_path)
    assert main(["batch", str(page), "-o", "-", "--resume"]) == EXIT_USAGE
    assert "--resume needs an output file" in capsys.readouterr().err


@pytest.mark.skipif(os.name != "posix", reason="a POSIX shell pipeline")
def test_batch_into_head_stops_quietly(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for i in range(40):
        _page(folder, f"p{i:02d}.txt")
    cmd = shlex.join([sys.executable, "-m", "newsparse", "batch", str(folder), "-o", "-"])
    done = subprocess.run(
        f"{cmd} --jobs 2 | head -1", shell=True, env=_env(), capture_output=True, check=False
    )
    assert done.returncode == 0
    assert done.stderr == b""
    (line,) = done.stdout.splitlines()
    assert json.loads(line)["path"] == (folder / "p00.txt").as_posix()


# ---------------------------------------------------------------- --max-chars


@pytest.mark.parametrize("command", ["parse", "figures", "show"])
def test_max_chars_on_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    page = _page(tmp_path)
    assert main([command, str(page), "--max-chars", "100"]) == EXIT_PAGES_FAILED
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "exceeds the limit of 100 characters" in err
    assert "--max-chars" in err
    assert main([command, str(page), "--max-chars", "0"]) == EXIT_OK  # 0: no limit
    assert main([command, str(page), "--max-chars", str(len(sample_text()))]) == EXIT_OK


def test_batch_max_chars_and_timeout_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = _page(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(page), "-o", str(out), "--max-chars", "100"]) == EXIT_PAGES_FAILED
    (error,) = (tmp_path / "out.errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(error)["error"] == "too_large"
    capsys.readouterr()
    assert main(["batch", str(page), "-o", str(out), "--timeout", "0", "--jobs", "1"]) == EXIT_OK
    for bad in (["--timeout", "-1"], ["--timeout", "soon"], ["--max-chars", "-5"]):
        assert main(["batch", str(page), "-o", str(out), *bad]) == EXIT_USAGE
        assert capsys.readouterr().err.count("\n") == 1
