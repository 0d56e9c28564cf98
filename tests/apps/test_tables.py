"""Typed tables: figures, dates, people and articles as records, CSV, JSON lines, Parquet, pandas."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from typing import TYPE_CHECKING

import pytest

import newsparse
from newsparse import MissingExtraError, tables
from newsparse.cli import main

if TYPE_CHECKING:
    from pathlib import Path

# A page whose headline starts with "=" and whose byline credits a photographer on a caption.
PAGE = (
    '=HYPERLINK("http://x")产业园开工\n\n'
    "本报讯 记者李明报道 今年上半年，新区产业园完成投资3.86亿元，同比增长16.8%。"
    "全市三分之一的企业完成改造。\n\n"
    "园区一角。本报记者 王海 摄\n"
)
DATE = dt.date(2024, 8, 1)


@pytest.fixture
def page_file(tmp_path: Path) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_figure_records_are_typed() -> None:
    page = newsparse.parse_page(PAGE, date=DATE)
    rows = tables.figure_records([page])
    by_text = {r["text"]: r for r in rows}
    money = by_text["3.86亿元"]
    assert money["value"] == "386000000"
    assert money["value_float"] == 386000000.0
    assert isinstance(money["start"], int)
    assert isinstance(money["article"], int)
    assert PAGE[money["start"] : money["end"]] == "3.86亿元"
    assert money["context"] == "今年上半年，新区产业园完成投资3.86亿元，同比增长16.8%。"
    third = by_text["三分之一"]
    assert (third["value"], third["value_float"]) == ("1/3", pytest.approx(1 / 3))
    assert by_text["16.8%"]["context"] == money["context"]


def test_jsonl_writes_numbers_as_numbers(
    capsys: pytest.CaptureFixture[str], page_file: Path
) -> None:
    lines = _run(capsys, "figures", str(page_file), "--format", "jsonl").splitlines()
    rows = [json.loads(x) for x in lines]
    assert rows
    for row in rows:
        assert type(row["start"]) is int
        assert type(row["end"]) is int
        assert type(row["article"]) is int
        assert row["value_float"] is None or type(row["value_float"]) is float
        assert row["value"] is None or type(row["value"]) is str
        assert row["pdf_page"] is None


def test_csv_neutralizes_formulas(capsys: pytest.CaptureFixture[str], page_file: Path) -> None:
    out = _run(capsys, "figures", str(page_file), "--bom")
    assert out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert rows
    for row in rows:
        assert row["headline"].startswith("'=HYPERLINK")
        for cell in row.values():
            assert not cell.startswith(("=", "+", "@", "\t", "\r"))
            assert not cell.startswith("-") or cell.lstrip("-").replace(".", "").isdigit()


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+86 123", "'+86 123"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-5", "-5"),
        ("-1/3", "-1/3"),
        ("正文", "正文"),
        (None, ""),
        (3, "3"),
        (True, "true"),
        (dt.date(2024, 1, 2), "2024-01-02"),
    ],
)
def test_csv_cell(cell: object, written: str) -> None:
    assert tables.csv_cell(cell) == written


def test_dates_and_people_commands(capsys: pytest.CaptureFixture[str], page_file: Path) -> None:
    rows = [
        json.loads(x)
        for x in _run(
            capsys, "dates", str(page_file), "--format", "jsonl", "--date", "2024-08-01"
        ).splitlines()
    ]
    assert [(r["text"], r["value"], r["last"], r["precision"]) for r in rows] == [
        ("今年上半年", "2024-01-01", "2024-06-30", "half_year")
    ]
    assert rows[0]["relative"] is True
    people = [
        json.loads(x)
        for x in _run(capsys, "people", str(page_file), "--format", "jsonl").splitlines()
    ]
    got = {(p["name"], p["role"], p["title"], p["credited_in"]) for p in people}
    assert ("李明", "reporter", "记者", "article") in got
    assert ("王海", "photographer", "本报记者", "caption") in got
    for p in people:
        assert p["headline"].startswith("=HYPERLINK")
        assert PAGE[p["start"] : p["end"]] == p["name"]


def test_parquet_keeps_types(tmp_path: Path, page_file: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    for command, columns in (
        ("figures", tables.FIGURES),
        ("dates", tables.DATES),
        ("people", tables.PEOPLE),
    ):
        out = tmp_path / f"{command}.parquet"
        assert (
            main(
                [
                    command,
                    str(page_file),
                    "--format",
                    "parquet",
                    "-o",
                    str(out),
                    "--date",
                    "2024-08-01",
                ]
            )
            == 0
        )
        table = pq.read_table(out)
        assert table.column_names == [name for name, _ in columns]
        assert table.num_rows > 0
        kinds = dict(columns)
        for field in table.schema:
            expected = {
                "int": "int64",
                "float": "double",
                "string": "string",
                "bool": "bool",
                "date": "date32[day]",
            }
            assert str(field.type) == expected[kinds[field.name]], field.name
    assert main(["figures", str(page_file), "--format", "parquet"]) == 2


def test_dataframes_have_proper_dtypes() -> None:
    pytest.importorskip("pandas")
    pages = [newsparse.parse_page(PAGE, date=DATE), newsparse.parse_page(newsparse.sample_text())]
    figures = tables.figures(pages)
    assert str(figures["start"].dtype) == "Int64"
    assert str(figures["value_float"].dtype) == "float64"
    assert str(figures["value"].dtype).startswith("string")
    assert len(figures) == sum(len(p.quantities) for p in pages)
    dates = tables.dates(pages)
    assert str(dates["value"].dtype).startswith("datetime64")
    assert str(dates["relative"].dtype) == "boolean"
    people = tables.people(pages)
    assert set(people["role"]) >= {"reporter", "photographer"}
    articles = tables.articles(pages)
    assert len(articles) == sum(len(p.articles) for p in pages)
    assert list(articles["figures"]) == [len(a.quantities) for p in pages for a in p.articles]
    empty = tables.figures([])
    assert list(empty.columns) == [name for name, _ in tables.FIGURES]
    assert str(empty["start"].dtype) == "Int64"


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # what a missing package looks like
    with pytest.raises(MissingExtraError, match=r'pip install "newsparse\[pandas\]"'):
        tables.figures([])
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingExtraError, match="pyarrow"):
        tables.write_parquet([], tables.FIGURES, "never-written.parquet")
