"""Round trip: ``Page.from_dict`` / ``from_json`` give back the page ``to_dict`` wrote."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import hypothesis.strategies as st
import pytest
from corpus_pages import CORPUS_PAGES, NO_CORPUS, page_texts
from hypothesis import HealthCheck, given, settings

import newsparse
from newsparse import Page, SchemaError
from newsparse.model import Block, BlockKind, Span

if TYPE_CHECKING:
    from pathlib import Path

page_text = page_texts(40)


def _round_trip(page: Page) -> Page:
    loaded = Page.from_json(page.to_json())
    assert loaded == page
    assert loaded.to_dict() == page.to_dict()
    return loaded


def test_sample_page_round_trips() -> None:
    page = newsparse.parse_page(newsparse.sample_text())
    loaded = _round_trip(page)
    assert loaded.articles[0].text == page.articles[0].text
    assert any(isinstance(q.value, Decimal) for q in loaded.quantities)


def test_fractions_stay_fractions() -> None:
    page = newsparse.parse_page("标题\n\n本报讯 全市三分之一的企业完成改造。")
    values = [q.value for q in _round_trip(page).quantities]
    assert values == [Fraction(1, 3)]
    assert isinstance(values[0], Fraction)


@pytest.mark.skipif(not CORPUS_PAGES, reason=NO_CORPUS)
@pytest.mark.parametrize("path", CORPUS_PAGES, ids=lambda p: p.name)
def test_corpus_pages_round_trip(path: Path) -> None:
    page = newsparse.parse_file(path)
    _round_trip(page)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(page_text, st.booleans())
def test_generated_pages_round_trip(text: str, dated: bool) -> None:
    import datetime as dt

    page = (
        newsparse.parse_page(text, date=dt.date(2024, 5, 6))
        if dated
        else newsparse.parse_page(text)
    )
    _round_trip(page)
    for span in page.spans():
        assert page.text[span.start : span.end] == span.text


def test_batch_output_loads_back(tmp_path: Path) -> None:
    pages = [tmp_path / "sample.txt", tmp_path / "gb.txt"]
    pages[0].write_text(newsparse.sample_text(), encoding="utf-8")
    pages[1].write_bytes("标题\n\n本报讯 记者张三报道 今年产值达3.86亿元。".encode("gb18030"))
    out = tmp_path / "out.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "newsparse", "batch", str(tmp_path), "-o", str(out), "-j", "1"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    for line in lines:
        record = json.loads(line)
        loaded = Page.from_json(line)  # a batch line: {"path", "provenance", "page"}
        original = newsparse.parse_file(record["path"])  # with its source: file and encoding
        assert loaded == original


def test_schema_10_json_needs_the_text() -> None:
    page = newsparse.parse_page("标题\n\n本报讯 今年产值达3.86亿元。")
    data = page.to_dict()
    del data["text"]
    data["schema_version"] = "1.0"
    with pytest.raises(SchemaError, match="pass text="):
        Page.from_dict(data)
    assert Page.from_dict(data, text=page.text) == page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("[]", "expected an object"),
        ('{"schema_version": "2.0"}', "is not 1.x"),
        (
            (
                '{"schema_version": "1.1", "text": "x", "articles": 3, "credits": [], "removed": [],'
                ' "unclassified": [], "blocks": []}'
            ),
            "page.articles: unexpected int",
        ),
        ("not json", "not JSON"),
        (
            (
                '{"schema_version": "1.1", "text": "x", "articles": [], "credits": [], "removed": [],'
                ' "unclassified": [], "blocks": [{"kind": "nonsense", "text": "x", "spans": [[0, 1]]}]}'
            ),
            "unknown BlockKind",
        ),
        (
            (
                '{"schema_version": "1.1", "text": "x", "articles": [], "credits": [], "removed": [],'
                ' "unclassified": [], "blocks": [{"kind": "headline", "text": "x", "spans": [[3, 1]]}]}'
            ),
            "before its start",
        ),
    ],
)
def test_bad_data_raises_schema_error(data: str, message: str) -> None:
    with pytest.raises(SchemaError, match=message):
        Page.from_json(data)


def test_spans_label_everything() -> None:
    page = newsparse.parse_page(newsparse.sample_text())
    spans = list(page.spans())
    assert spans == sorted(spans, key=lambda s: (s.start, s.end, s.label))
    labels = {s.label for s in spans}
    assert {"headline", "paragraph", "person", "quantity", "date", "dateline"} <= labels
    assert sum(s.label == "quantity" for s in spans) == len(page.quantities)
    assert sum(s.label == "date" for s in spans) == len(page.dates)
    people = len(page.credits) + sum(
        len(a.credits) + sum(len(c.credits) for c in a.captions) for a in page.articles
    )
    assert sum(s.label == "person" for s in spans) == people
    for s in spans:
        assert page.text[s.start : s.end] == s.text


def test_article_text_reads_in_order() -> None:
    text = "新区产业园开工建设\n\n本报讯 记者李明报道 近日，产业园开工。\n\n园区将引进企业20家。"
    article = newsparse.parse_page(text).articles[0]
    assert article.text == "新区产业园开工建设\n本报讯\n近日，产业园开工。\n园区将引进企业20家。"
    blocks = (Block(BlockKind.PARAGRAPH, "正文。", (Span(0, 3),)),)
    assert newsparse.Article(span=Span(0, 3), body=blocks).text == "正文。"
