"""The written-out constructors of the result types build what attrs would."""

from __future__ import annotations

import datetime as dt
import pickle
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
import pytest

from newsparse.model import (
    Approx,
    Block,
    BlockKind,
    Credit,
    CreditRole,
    DateMention,
    DatePrecision,
    Dimension,
    Quantity,
    Span,
    _block_at,
    _date_at,
    _quantity_at,
)

if TYPE_CHECKING:
    import enum

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


@pytest.mark.parametrize("cls", [BlockKind, CreditRole, Dimension])
def test_enum_members_hash_by_identity(cls: type[enum.Enum]) -> None:
    # the hot enums hash in C by identity; each member is one object, so sets,
    # dict keys and the hash of the attrs classes that hold them still agree
    members = list(cls)
    assert all(hash(m) == object.__hash__(m) for m in members)
    assert len(set(members)) == len(members)
    assert {m: m.value for m in members}[members[-1]] == members[-1].value
    assert cls(members[0].value) in set(members)
    a = Credit("张三", CreditRole.REPORTER, None, Span(0, 2))
    assert hash(a) == hash(Credit("张三", CreditRole.REPORTER, None, Span(0, 2)))


# the page build's one-call constructors make what the public constructors make


def _same(made: object, public: object) -> None:
    assert type(made) is type(public)
    assert made == public
    assert hash(made) == hash(public)
    assert repr(made) == repr(public)
    assert pickle.loads(pickle.dumps(made)) == public
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.text = "x"  # type: ignore[attr-defined]


@pytest.mark.parametrize("pieces", [(), (Span(10, 12), Span(13, 14))])
def test_quantity_at_is_with_span(pieces: tuple[Span, ...]) -> None:
    made = _quantity_at(QUANTITY, 10, 14, pieces)
    _same(made, QUANTITY.with_span(Span(10, 14), pieces))
    _same(made.span, Span(10, 14))


def test_block_at_is_a_block_of_one_span() -> None:
    made = _block_at(BlockKind.HEADLINE, "标题", 3, 5)
    _same(made, Block(BlockKind.HEADLINE, "标题", (Span(3, 5),)))
    _same(_block_at(BlockKind.HEADLINE, "", 4, 4), Block(BlockKind.HEADLINE, "", (Span(4, 4),)))


@pytest.mark.parametrize("first", [None, DAY])
def test_date_at_is_a_mention_whose_value_is_its_first_day(first: dt.date | None) -> None:
    pieces = (Span(2, 4), Span(5, 7))
    made = _date_at(
        "7月29日", 2, 7, first, first, DatePrecision.DAY, relative=True, lunar=True, pieces=pieces
    )
    public = DateMention(
        "7月29日", Span(2, 7), first, first, first, DatePrecision.DAY, relative=True, lunar=True
    )
    _same(made, attrs.evolve(public, pieces=pieces))


def test_one_call_constructors_refuse_a_reversed_span_as_span_does() -> None:
    with pytest.raises(ValueError, match="Span end 2 is before its start 5") as public:
        Span(5, 2)
    calls = [
        lambda: _quantity_at(QUANTITY, 5, 2, ()),
        lambda: _block_at(BlockKind.PARAGRAPH, "甲", 5, 2),
        lambda: _date_at(
            "今年", 5, 2, None, None, DatePrecision.YEAR, relative=True, lunar=False, pieces=()
        ),
    ]
    for call in calls:
        with pytest.raises(ValueError, match="Span end 2 is before its start 5") as made:
            call()
        assert str(made.value) == str(public.value)
