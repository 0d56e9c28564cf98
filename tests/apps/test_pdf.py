"""PDF input: pages drawn like a newspaper page with reportlab, read back with pypdfium2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytest.importorskip("pypdfium2")
from typing import TYPE_CHECKING

from newspaper_pdf import LEFT, RIGHT, write_newspaper_pdf

from newsparse import MissingExtraError, NewsparseError, parse_pdf
from newsparse.pdf import pdf_pages

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    return write_newspaper_pdf(tmp_path / "城市新闻.pdf", pages=2)


def test_pdf_text_is_extracted_with_blocks(pdf: Path) -> None:
    first = pdf_pages(pdf)[0]
    for line in [LEFT["headline"], *LEFT["lines"], RIGHT["headline"], *RIGHT["lines"]]:
        assert line in first.text
    # a blank line before each headline (larger type) and at the top of the second column
    assert f"\n\n{LEFT['headline']}\n\n" in first.text
    assert f"\n\n{RIGHT['headline']}\n\n" in first.text
    assert first.edition == "第01版"


def test_parse_pdf_one_page_per_pdf_page(pdf: Path) -> None:
    pages = parse_pdf(pdf)
    assert [p.source.pdf_page for p in pages if p.source] == [1, 2]
    assert [p.source.edition for p in pages if p.source] == ["第01版", "第02版"]
    heads = [a.headline.text for a in pages[0].articles if a.headline is not None]
    assert LEFT["headline"] in heads
    assert RIGHT["headline"] in heads
    left = next(a for a in pages[0].articles if a.headline and a.headline.text == LEFT["headline"])
    assert [c.name for c in left.credits] == ["林晓峰"]
    assert left.dateline is not None
    assert left.dateline.text == "本报讯"
    assert "3.86亿元" in [q.text for q in left.quantities]
    # the hard-wrapped lines are joined into one paragraph
    assert any("总投资3.86亿元，规划用地120亩" in b.text for b in left.body)
    right = next(
        a for a in pages[0].articles if a.headline and a.headline.text == RIGHT["headline"]
    )
    assert [(c.name, c.title) for c in right.credits] == [("周文涛", "本报记者")]
    assert [p.source.pdf_page for p in parse_pdf(pdf, pages=[2]) if p.source] == [2]


def test_the_pdf_page_label_names_the_edition_when_none_is_printed(tmp_path: Path) -> None:
    pdf = write_newspaper_pdf(tmp_path / "labelled.pdf", pages=2, labels="A")
    assert [(p.number, p.edition) for p in pdf_pages(pdf)] == [(1, "A1"), (2, "A2")]
    plain = write_newspaper_pdf(tmp_path / "plain.pdf", pages=1, labels=None)
    assert [p.edition for p in pdf_pages(plain)] == ["第01版"]


def test_bad_pdf_and_page_numbers(tmp_path: Path, pdf: Path) -> None:
    with pytest.raises(NewsparseError, match="no page 3"):
        parse_pdf(pdf, pages=[3])
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"not a pdf at all")
    with pytest.raises(NewsparseError, match="cannot read"):
        parse_pdf(fake)


def test_missing_extra_names_it(monkeypatch: pytest.MonkeyPatch, pdf: Path) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # what a missing package looks like
    with pytest.raises(MissingExtraError, match=r'pip install "newsparse\[pdf\]"'):
        parse_pdf(pdf)
    script = (
        "import sys; sys.modules['pypdfium2'] = None; from newsparse.cli import main; "
        "sys.exit(main(sys.argv[1:]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "figures", str(pdf)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 2
    assert (
        done.stderr
        == 'newsparse: reading PDF files needs pypdfium2: pip install "newsparse[pdf]"\n'
    )


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsparse", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_every_command_reads_pdfs(tmp_path: Path, pdf: Path) -> None:
    done = _cli("parse", str(pdf), "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    lines = [json.loads(x) for x in done.stdout.splitlines()]
    assert [x["page"]["source"]["pdf_page"] for x in lines] == [1, 2]
    done = _cli("figures", str(pdf), "--format", "jsonl")
    rows = [json.loads(x) for x in done.stdout.splitlines()]
    assert {r["pdf_page"] for r in rows} == {1, 2}
    assert {"3.86亿元", "25.6公里"} <= {r["text"] for r in rows}
    done = _cli("people", str(pdf), "--format", "jsonl")
    assert {json.loads(x)["name"] for x in done.stdout.splitlines()} == {"林晓峰", "周文涛"}
    site = tmp_path / "site"
    done = _cli("show", str(pdf), "-o", f"{site}/")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in site.iterdir()) == [
        "index.html",
        "城市新闻-p1.html",
        "城市新闻-p2.html",
    ]
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="城市新闻-p2.html"' in index
    assert "第02版" in index
