"""``-`` reads standard input as bytes, decoded like a file, in every single-input command."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

PAGE = (
    "港口吞吐量创新高\n\n本报讯 记者王海报道 今年上半年，港口完成货物吞吐量6万吨，同比增长16.8%。\n"
)


def _cli(*args: str, stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsparse", *args],
        input=stdin,
        capture_output=True,
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize("codec", ["utf-8", "gb18030", "utf-16-le"])
def test_parse_stdin(codec: str) -> None:
    done = _cli("parse", "-", stdin=PAGE.encode(codec))
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["text"] == PAGE
    assert data["source"]["path"] == "-"
    assert data["source"]["encoding"] == codec
    assert data["articles"][0]["headline"] == "港口吞吐量创新高"


def test_figures_stdin() -> None:
    done = _cli("figures", "-", "--format", "csv", stdin=PAGE.encode("gb18030"))
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout.decode())))
    assert [r["text"] for r in rows] == ["6万吨", "16.8%"]
    assert rows[0]["file"] == "'-"  # neutralized like any cell starting with -


def test_people_dates_and_show_stdin() -> None:
    done = _cli("people", "-", "--format", "jsonl", stdin=PAGE.encode())
    assert [json.loads(x)["name"] for x in done.stdout.splitlines()] == ["王海"]
    done = _cli("dates", "-", "--format", "jsonl", "--date", "2024-08-01", stdin=PAGE.encode())
    assert json.loads(done.stdout.splitlines()[0])["value"] == "2024-01-01"
    done = _cli("show", "-", stdin=PAGE.encode())
    assert done.returncode == 0
    assert "港口吞吐量创新高" in done.stdout.decode()


def test_undecodable_stdin_is_one_line() -> None:
    done = _cli("parse", "-", stdin=b"abc\xff\xfe\xfd")
    assert done.returncode == 4
    assert done.stderr.decode().count("\n") == 1
    assert "<stdin>" in done.stderr.decode()
