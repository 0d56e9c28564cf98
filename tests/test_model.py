"""The written-out constructors of the result types build what attrs would."""

from __future__ import annotations

import datetime as dt
import pickle
from decimal import Decimal

import attrs
import pytest

from newsparse.model import (
    Approx,
    Block,
    BlockKind,
    DateMention,
    DatePrecision,
    Dimension,
    Quantity,
    Span,
)

QUANTITY = Quantity("约5吨", Span(0, 3), Decimal(5), None, None, "t", Dimension.MASS, Approx.ABOUT)
DAY = dt.date(2024, 7, 29)
DATE = DateMention("7月29日", Span(2, 7), DAY, DAY, None, DatePrecision.DAY, relative=True)


@pytest.mark.parametrize(
    "item", [QUANTITY, DATE, Block(BlockKind.PARAGRAPH, "甲。", (Span(0, 2),))]
)
def test_constructor_by_position_keyword_and_evolve(item: object) -> None:
    fields = attrs.asdict(item, recurse=False)  # type: ignore[arg-type]
    cls = type(item)
    assert cls(**fields) == item
    assert cls(*fields.values()) == item
    assert attrs.evolve(item) == item  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(item)) == item
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        item.text = "x"  # type: ignore[attr-defined]


def test_defaults_of_the_written_out_init() -> None:
    assert (QUANTITY.per, QUANTITY.pieces) == (None, ())
    assert (DATE.lunar, DATE.pieces) == (False, ())
    assert [f.name for f in attrs.fields(Quantity)][-2:] == ["per", "pieces"]


@pytest.mark.parametrize("item", [QUANTITY, DATE])
def test_with_span_is_evolve_of_span_and_pieces(item: Quantity | DateMention) -> None:
    span, pieces = Span(10, 14), (Span(10, 12), Span(13, 14))
    moved = item.with_span(span, pieces)
    assert type(moved) is type(item)
    assert moved == attrs.evolve(item, span=span, pieces=pieces)
    assert item.with_span(span) == attrs.evolve(item, span=span, pieces=())
    assert hash(moved) == hash(attrs.evolve(item, span=span, pieces=pieces))
