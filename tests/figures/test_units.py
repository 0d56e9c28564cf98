"""The unit table: codes of QUANTITIES.md, surfaces, SI factors."""

from __future__ import annotations

from fractions import Fraction

import pytest

from newsparse.figures.units import COUNT_WORDS, SURFACES, UNITS, Dimension, resolve_unit, unit_info

QUANTITIES_MD_CODES = {
    "CNY", "USD", "EUR", "HKD", "JPY", "t", "kg", "g", "jin", "km", "m", "cm", "mm", "mu",
    "m2", "km2", "ha", "m3", "L", "kV", "kW", "kWh", "TEU", "%", "pp", "fraction", "times",
    "year", "month", "week", "day", "hour",
}  # fmt: skip


def test_every_code_of_the_gold_schema_is_known() -> None:
    assert set(UNITS) >= QUANTITIES_MD_CODES


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("元", "CNY"), ("人民币", "CNY"), ("美元", "USD"), ("欧元", "EUR"), ("港元", "HKD"),
        ("日元", "JPY"), ("吨", "t"), ("公斤", "kg"), ("千克", "kg"), ("克", "g"), ("斤", "jin"),
        ("公里", "km"), ("千米", "km"), ("米", "m"), ("亩", "mu"), ("平方米", "m2"),
        ("平方公里", "km2"), ("公顷", "ha"), ("立方米", "m3"), ("千伏", "kV"), ("千瓦", "kW"),
        ("千瓦时", "kWh"), ("度", "kWh"), ("标准箱", "TEU"), ("摄氏度", "°C"), ("℃", "°C"),
        ("倍", "times"), ("个月", "month"), ("小时", "hour"), ("天", "day"), ("周", "week"),
    ],
)  # fmt: skip
def test_surfaces(word: str, code: str) -> None:
    got = resolve_unit(word)
    assert got is not None
    assert got[0] == code


def test_scaled_surfaces() -> None:
    assert resolve_unit("瓦") == ("kW", Fraction(1, 1000))
    assert resolve_unit("兆瓦") == ("kW", Fraction(1000))
    assert resolve_unit("毫升") == ("L", Fraction(1, 1000))
    assert resolve_unit("成") == ("%", Fraction(10))
    assert resolve_unit("万吨") is None  # 万 is a multiplier, never part of a unit


def test_count_words_are_their_own_unit() -> None:
    for w in ("家", "个", "项", "名", "人", "户", "人次", "台次", "批次", "件", "份", "场", "基"):
        assert w in COUNT_WORDS
        assert resolve_unit(w) == (w, Fraction(1))
        assert unit_info(w).dimension is Dimension.COUNT


def test_si_factors() -> None:
    assert UNITS["mu"].si_factor == Fraction(2000, 3)
    assert UNITS["t"].si_factor == 1000
    assert UNITS["km"].si_factor == 1000
    assert UNITS["kWh"].si_factor == 3_600_000
    assert UNITS["°C"].si_offset == Fraction(27315, 100)
    assert UNITS["CNY"].si_factor is None


def test_dimensions() -> None:
    assert unit_info("CNY").dimension is Dimension.MONEY
    assert unit_info("pp").dimension is Dimension.PERCENTAGE_POINT
    assert unit_info("%").dimension is Dimension.PERCENT
    assert unit_info("").dimension is Dimension.NUMBER
    assert all(isinstance(v, tuple) for v in SURFACES.values())
