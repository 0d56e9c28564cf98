"""Pickling and copying the result types: what ``parse_many`` sends from its workers.

Each attrs class of ``newsparse.model`` pickles as the call that builds it (``cls(*fields)``):
the object that comes back must be the same, field for field and type for type.
"""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from typing import TYPE_CHECKING, Any

import attrs
import hypothesis.strategies as st
import pytest
from corpus_pages import CORPUS_PAGES, NO_CORPUS, page_texts
from hypothesis import HealthCheck, given, settings

import newsparse
from newsparse import model
from newsparse.batch import parse_many

if TYPE_CHECKING:
    from pathlib import Path

page_text = page_texts(30)

MODEL_CLASSES = [
    c
    for c in vars(model).values()
    if isinstance(c, type) and c.__module__ == model.__name__ and attrs.has(c)
]


def _same(a: Any, b: Any) -> None:
    """``a`` and ``b`` are equal and of the same type, all the way down."""
    assert type(a) is type(b), (a, b)
    if attrs.has(type(a)):
        for field in attrs.fields(type(a)):
            _same(getattr(a, field.name), getattr(b, field.name))
    elif isinstance(a, tuple):
        assert len(a) == len(b)
        for x, y in zip(a, b, strict=True):
            _same(x, y)
    else:
        assert a == b


def _trips(page: model.Page) -> None:
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        loaded = pickle.loads(pickle.dumps(page, protocol))
        _same(loaded, page)
        assert loaded.to_json() == page.to_json()
    for copied in (copy.copy(page), copy.deepcopy(page)):
        _same(copied, page)
        assert copied.to_dict() == page.to_dict()


def test_every_model_class_pickles_as_a_call() -> None:
    assert {"Page", "Article", "Block", "Span", "Quantity", "DateMention"} <= {
        c.__name__ for c in MODEL_CLASSES
    }
    for cls in MODEL_CLASSES:
        assert "__reduce__" in vars(cls), cls


def test_the_pickle_calls_the_class_with_its_fields() -> None:
    span = model.Span(3, 9)
    assert span.__reduce__() == (model.Span, (3, 9))
    block = model.Block(model.BlockKind.PARAGRAPH, "今年。", (span,))
    assert block.__reduce__() == (model.Block, (model.BlockKind.PARAGRAPH, "今年。", (span,)))


def test_a_subclass_pickles_with_its_own_fields() -> None:
    @attrs.frozen
    class Tagged(model.Span):
        tag: str = "x"

    globals()["Tagged"] = Tagged  # pickle finds a class by its module and name
    Tagged.__qualname__ = "Tagged"
    try:
        loaded = pickle.loads(pickle.dumps(Tagged(1, 2, "y")))
        assert (type(loaded), loaded.start, loaded.end, loaded.tag) == (Tagged, 1, 2, "y")
    finally:
        del globals()["Tagged"]


def test_sample_page_and_figures_trip() -> None:
    page = newsparse.parse_page(newsparse.sample_text(), date=dt.date(2024, 5, 6))
    assert page.quantities
    assert page.dates
    _trips(page)
    figures = newsparse.extract_quantities("耕地4.5万亩，每吨500元，三分之一")
    _same(pickle.loads(pickle.dumps(figures)), figures)
    units = model.unit_info("km")
    _same(pickle.loads(pickle.dumps(units)), units)


@pytest.mark.skipif(not CORPUS_PAGES, reason=NO_CORPUS)
@pytest.mark.parametrize("path", CORPUS_PAGES[:6], ids=lambda p: p.name)
def test_corpus_pages_trip(path: Path) -> None:
    _trips(newsparse.parse_file(path))


@settings(max_examples=120, suppress_health_check=[HealthCheck.too_slow])
@given(page_text, st.booleans())
def test_generated_pages_trip(text: str, dated: bool) -> None:
    page = newsparse.parse_page(text, date=dt.date(2024, 5, 6) if dated else None)
    _trips(page)


def test_parse_many_from_workers_gives_the_same_pages(tmp_path: Path) -> None:
    paths = []
    for i, text in enumerate(
        [newsparse.sample_text(), "标题\n\n本报讯 三分之一的企业达3.86亿元。"] * 3
    ):
        path = tmp_path / f"p{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    here = [r.page for r in parse_many(paths, processes=1)]  # type: ignore[union-attr]
    there = [r.page for r in parse_many(paths, processes=2)]  # type: ignore[union-attr]
    assert len(there) == len(paths)
    for a, b in zip(here, there, strict=True):
        _same(a, b)
