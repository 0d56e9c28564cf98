"""parse_number: Arabic, Chinese and mixed numerals, exactly; errors; round trips."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse import NumberError, parse_number
from newsparse.figures.numbers import FOLD, exact_value, fold_width, scan_numeral

CASES = [
    # the forms of the issue
    ("3.86亿", Decimal(386000000)),
    ("4160.51万", Decimal(41605100)),
    ("1,234.5", Decimal("1234.5")),
    ("一百二十三", Decimal(123)),
    ("两千", Decimal(2000)),
    ("十", Decimal(10)),
    ("一亿零五百万", Decimal(105000000)),
    ("三点八六", Decimal("3.86")),
    ("二〇一九", Decimal(2019)),
    ("负十二", Decimal(-12)),
    ("-3.8", Decimal("-3.8")),
    # traps
    ("16.4亿", Decimal(1640000000)),
    ("3万4000", Decimal(34000)),
    ("1,100万", Decimal(11000000)),
    ("1,100.9亿", Decimal(110090000000)),
    ("萬", Decimal(10000)),
    ("兩億", Decimal(200000000)),
    ("壹佰贰拾", Decimal(120)),
    ("肆佰叁拾萬", Decimal(4300000)),
    # abbreviated and zero-filled forms
    ("一万三", Decimal(13000)),
    ("两千四百五", Decimal(2450)),
    ("九十二万四", Decimal(924000)),
    ("一千零一", Decimal(1001)),
    ("一万零十二", Decimal(10012)),
    ("一百零十万", Decimal(1100000)),
    ("零十", Decimal(10)),
    ("廿二", Decimal(22)),
    ("千三", Decimal(1300)),
    # nested magnitudes
    ("四万万", Decimal(400000000)),
    ("一万五千亿", Decimal(1500000000000)),
    ("4.78万亿", Decimal(4780000000000)),
    ("五兆六十二亿四万五千二", Decimal(5006200045200)),
    ("一千一百一十一万一千一百一十一亿", Decimal(1111111100000000)),
    # mixed
    ("1千零1", Decimal(1001)),
    ("2千零30万", Decimal(20300000)),
    ("200亿零四千230", Decimal(20000004230)),
    ("7 万5 千4 百", Decimal(75400)),
    ("一百点123", Decimal("100.123")),
    ("两千万点五五四四", Decimal("20000000.5544")),
    ("四百亿点零五零", Decimal("40000000000.05")),
    ("一七二零点一三四", Decimal("1720.134")),
    ("零点零零一", Decimal("0.001")),
    # notation
    ("15k", Decimal(15000)),
    ("2e5", Decimal(200000)),
    ("2^-1", Decimal("0.5")),
    (".5", Decimal("0.5")),
    # fractions and percent
    ("三分之一", Fraction(1, 3)),
    ("百分之四十", Decimal("0.4")),
    ("三百五又三分之一", Fraction(1051, 3)),
    ("负3分之负一百五十七", Fraction(157, 3)),
    ("3/5", Fraction(3, 5)),
    ("1 3/5", Fraction(8, 5)),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_parse_number(text: str, expected: Decimal | Fraction) -> None:
    got = parse_number(text)
    assert got == expected
    assert type(got) is type(expected)


def test_never_float() -> None:
    for text, _ in CASES:
        assert not isinstance(parse_number(text), float)


def test_full_width_digits() -> None:
    assert parse_number("\uff13\uff0e\uff18\uff16亿") == Decimal(386000000)
    assert parse_number(" 十五 ") == Decimal(15)


@pytest.mark.parametrize(
    ("text", "position"),
    [("abc", 0), ("12个", 2), ("三分之", 1), ("", 0), ("1.2.3", 0), ("统一", 0), ("两三", 0)],
)
def test_junk_raises_number_error(text: str, position: int) -> None:
    with pytest.raises(NumberError) as info:
        parse_number(text)
    assert isinstance(info.value, ValueError)
    assert info.value.text == text
    assert info.value.position == position
    assert repr(text) in str(info.value)


def test_non_str_raises_type_error() -> None:
    with pytest.raises(TypeError):
        parse_number(12)  # type: ignore[arg-type]


def test_scan_numeral_shapes() -> None:
    n = scan_numeral("两三个", 0)
    assert n is not None
    assert n.pair_alt == (Fraction(2), Fraction(3))
    assert not n.dbd_valid
    n = scan_numeral("三五百块", 0)
    assert n is not None
    assert (n.lo, n.hi) == (300, 500)
    n = scan_numeral("二〇一九年", 0)
    assert n is not None
    assert n.dbd
    assert n.end == 4
    n = scan_numeral("一百千瓦", 0)  # 千瓦 is a unit, not a multiplier
    assert n is not None
    assert n.end == 2
    assert scan_numeral("003", 0).lead_zero  # type: ignore[union-attr]


def test_exact_value() -> None:
    assert exact_value(Fraction(5, 4)) == Decimal("1.25")
    assert str(exact_value(Fraction(10**20))) == "100000000000000000000"
    assert exact_value(Fraction(2, 3)) == Fraction(2, 3)


def test_fold_width_keeps_offsets() -> None:
    s = "达\uff13\uff0e\uff18\uff16亿元，增长\uff11\uff16\uff05"
    assert len(fold_width(s)) == len(s)
    assert fold_width(s) == "达3.86亿元，增长16%"


_FOLD_ALPHABET = st.sampled_from(
    [chr(c) for c in FOLD] + ["，", "亿", "元", "a", "1", " ", "\n", "\U0001f600"]
)


@given(st.text(_FOLD_ALPHABET, max_size=60))
@settings(max_examples=300, deadline=None)
def test_fold_width_is_the_whole_text_translate(s: str) -> None:
    # it folds only the runs that need it: the same text as translating every character
    assert fold_width(s) == s.translate(FOLD)


def test_fold_width_returns_a_text_without_runs_unchanged() -> None:
    s = "成交额，达到3.86亿元"
    assert fold_width(s) is s
    assert fold_width("（１）ａ（") == "(1)a("


# ----------------------------------------------------------------------------- properties

_SETTINGS = settings(max_examples=150, deadline=None)


@_SETTINGS
@given(st.integers(min_value=0, max_value=10**16 - 1))
def test_an2cn_round_trip(n: int) -> None:
    cn2an = pytest.importorskip("cn2an")
    assert parse_number(cn2an.an2cn(n)) == n
    assert parse_number(cn2an.an2cn(n, "up")) == n  # financial characters


@_SETTINGS
@given(st.decimals(min_value=-(10**8), max_value=10**8, places=3, allow_nan=False))
def test_an2cn_decimal_round_trip(d: Decimal) -> None:
    cn2an = pytest.importorskip("cn2an")
    text = cn2an.an2cn(format(d, "f"))
    assert parse_number(text) == d


@_SETTINGS
@given(
    st.decimals(min_value=0, max_value=99999, places=2, allow_nan=False),
    st.sampled_from([("万", 10**4), ("亿", 10**8), ("万亿", 10**12), ("千万", 10**7)]),
)
def test_magnitude_forms(d: Decimal, mag: tuple[str, int]) -> None:
    word, factor = mag
    assert parse_number(f"{d}{word}") == d * factor
    # with thousands separators, and full width
    grouped = f"{d:,}"
    assert parse_number(grouped + word) == d * factor
    assert parse_number(
        grouped.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789."}) + word
    ) == (d * factor)


@_SETTINGS
@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=0, max_value=9999))
def test_wan_with_remainder(high: int, low: int) -> None:
    cn2an = pytest.importorskip("cn2an")
    # 3万4000 style and 三万四千 style
    assert parse_number(f"{high}万{low:04d}" if low else f"{high}万") == high * 10**4 + low
    text = cn2an.an2cn(high * 10**4 + low)
    assert parse_number(text) == high * 10**4 + low


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="一二三四五六七八九十百千万亿零两点分之负0123456789.,个元%", max_size=12))
def test_parse_number_only_raises_number_error(s: str) -> None:
    try:
        v = parse_number(s)
    except NumberError:
        return
    assert isinstance(v, (Decimal, Fraction))


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet="一二两三四五六七八九十百千万亿零〇点分之又负0123456789.,个元% 来多余kKe^/",
        max_size=14,
    )
)
def test_scan_agrees_with_scan_numeral(text: str) -> None:
    # the quantity scanner's fast reader: same numeral, same values (an int may
    # stand for an integral Fraction)
    from newsparse.figures.numbers import scan

    for i in range(len(text)):
        want = scan_numeral(text, i)
        got = scan(text, i)
        if want is None:
            assert got is None
            continue
        assert got is not None
        assert got.numeral() == want
        assert got.is_pair == want.is_pair
