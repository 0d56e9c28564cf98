"""Chinese, Arabic and mixed numerals to exact values.

[`parse_number()`][newsparse.parse_number] reads one numeral and returns a ``Decimal``
(or a ``Fraction`` for fractions such as ``三分之一``); it never
goes through ``float``. The arithmetic is done on exact fractions, so
``4160.51万`` is exactly ``41605100`` and ``16.4亿`` exactly ``1640000000``.

Forms read:

- Arabic numbers, with thousands separators, decimals, a sign, full-width
  digits, ``k``/``M`` suffixes and ``e``/``^`` notation: ``1,234.5``,
  ``-3.8``, ``15k``, ``2e5`` (full-width digits and signs are folded first);
- Chinese numerals in everyday, financial and traditional characters:
  ``一百二十三``, ``两千``, ``十``, ``一亿零五百万``, ``壹佰贰拾``, ``兩萬``;
  abbreviated forms (``一万三`` is 13000, ``两千四百五`` is 2450);
- digit-by-digit numerals: ``二〇一九``, ``一二点三零``;
- mixed numerals: ``3.86亿``, ``4160.51万``, ``3万4000``, ``1千零1``;
- decimals with ``点``: ``三点八六``, ``两千万点五五``;
- fractions: ``三分之一``, ``百分之四十``, ``三百五又三分之一``, ``3/5``, ``1 3/5``;
- negatives: ``负``, ``負``, ``-``.

>>> parse_number("3.86亿")
Decimal('386000000')
>>> parse_number("一亿零五百万")
Decimal('105000000')
>>> parse_number("三分之一")
Fraction(1, 3)
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from fractions import Fraction
from typing import TYPE_CHECKING, Final

import regex
from attrs import frozen

from newsparse.chars import INLINE_BLANKS
from newsparse.errors import NumberError, str_argument
from newsparse.figures.vocab import (
    BIG_UNITS,
    CN_DIGITS,
    DIGIT_PAIRS,
    INNER_APPROX,
    KILO_FOLLOW,
    NEGS,
    NUMERAL_CHARS,
    POINTS,
    SIGNS,
    SMALL_UNITS,
    TENS,
    TWOS,
    UNIT_AFTER_MULT,
    ZEROS,
)
from newsparse.model import exact_value

if TYPE_CHECKING:
    from decimal import Decimal

__all__ = ["Numeral", "exact_value", "fold_width", "parse_number", "scan_numeral"]

# ----------------------------------------------------------------------------- characters

_FOLD_MAP: Final[dict[int, int]] = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F) if c != 0xFF0C}
_FOLD_MAP.update(
    {
        0x3000: 0x20,  # ideographic space
        0x2212: 0x2D,  # minus sign
        0xFE6A: 0x25,  # small percent sign
        0xFFE5: 0xA5,  # full-width yen sign
        0xFFE0: 0xA2,
        0xFE50: 0x2C,
    }
)
FOLD: Final = _FOLD_MAP
"""``str.translate`` table mapping full-width ASCII (digits, ``％``, ``．``, ``－``...)
to ASCII, one character to one character, so offsets are unchanged.
The full-width comma ``，`` is kept: it separates clauses, never thousands."""


# The runs of characters to fold, kept by ``split`` (its group); the pieces between
# them are copied as they are. (A plain character class: the standard ``re``
# scans for it several times faster.)
_FOLD_RUNS: Final = re.compile("([" + "".join(chr(c) for c in sorted(_FOLD_MAP)) + "]+)")


@str_argument("text")
def fold_width(text: str) -> str:
    """Map full-width digits, letters and signs to ASCII, keeping every offset.

    >>> fold_width("\uff13\uff0e\uff18\uff16亿元，\uff11\uff16\uff05")  # full-width 3.86, 16%
    '3.86亿元，16%'
    >>> fold_width("（记者 李华）")  # full-width brackets
    '(记者 李华)'
    """
    # str.translate with a dict costs a lookup per character (about 60 ns a
    # character of a Chinese text, the misses dearest), while most texts hold a
    # few full-width brackets and colons: only the runs to fold are translated,
    # the pieces between them are kept (one C-level split; the same text as a
    # whole-text translate, about 6x faster on a page of real print, as fast on
    # a text that is all full-width)
    parts = _FOLD_RUNS.split(text)
    if len(parts) == 1:
        return text
    parts[1::2] = [run.translate(_FOLD_MAP) for run in parts[1::2]]
    return "".join(parts)


_SP: Final = INLINE_BLANKS
_MAX_SP: Final = 8
_MAX_DIGITS: Final = 60  # longer digit strings are identifiers; also caps exponents
_MAX_TOKENS: Final = 48  # a numeral has at most this many characters (bounds the arithmetic)
_ARABIC: Final = regex.compile(r"(?:\d{1,3}(?:,\d{3})++(?![\d,])|\d++)(?:\.\d++)?+|\.\d++")
_EXPONENT: Final = regex.compile(r"[eE][-+]?+\d++(?![A-Za-z0-9])|\^-?+\d++(?![A-Za-z0-9])")

_Num = int | Fraction
"""Exact values while scanning: ints as long as possible (much faster than Fraction)."""
_ONE: Final[_Num] = 1
_ZERO: Final[_Num] = 0


def _sp(t: str, j: int, n: int) -> int:
    """Index of the first non-blank character at or after ``j`` (at most 8 blanks)."""
    k = j
    while k < n and t[k] in _SP and k - j < _MAX_SP:
        k += 1
    return k


# ----------------------------------------------------------------------------- results


@frozen
class Numeral:
    """One numeral found by ``scan_numeral()``: its extent, value and shape.

    ``lo`` and ``hi`` are equal for a single value; they differ for the
    ranges that Chinese writes with two neighbouring digits (``两三``,
    ``三五百``). ``kind`` is ``"number"``, ``"percent"`` (``百分之…``) or
    ``"fraction"`` (``三分之一``, ``3/5``).

    >>> n = scan_numeral("共3.86亿元", 1)
    >>> (n.start, n.end, n.lo, n.kind)
    (1, 6, Fraction(386000000, 1), 'number')
    """

    start: int
    end: int
    lo: Fraction | int
    hi: Fraction | int
    kind: str = "number"
    has_cn: bool = False
    has_arabic: bool = False
    digitless: bool = False
    single: bool = False
    dbd: bool = False
    lead_zero: bool = False
    approx_over: bool = False
    last_mult: tuple[int, ...] = ()
    dbd_valid: bool = True
    pair_alt: tuple[Fraction, Fraction] | None = None
    arabic_int_len: int = 0
    commas: bool = False
    point: bool = False

    @property
    def is_pair(self) -> bool:
        """Whether the numeral names a two-value range (``两三``)."""
        return self.lo != self.hi


class Scanned:
    """What the scanner found: the fields of ``Numeral``, built cheaply (private).

    The extraction of quantities reads numerals through [`scan()`][newsparse.figures.numbers.scan]
    and
    these plain objects (an attrs frozen instance costs several times more to
    build); [`scan_numeral()`][newsparse.figures.numbers.scan_numeral] hands out the
    [`Numeral`][newsparse.figures.numbers.Numeral]. ``is_pair``
    is computed once.
    """

    __slots__ = (
        "approx_over", "arabic_int_len", "commas", "dbd", "dbd_valid", "digitless", "end",
        "has_arabic", "has_cn", "hi", "is_pair", "kind", "last_mult", "lead_zero", "lo",
        "pair_alt", "point", "single", "start",
    )  # fmt: skip

    def __init__(
        self,
        start: int,
        end: int,
        lo: Fraction | int,
        hi: Fraction | int,
        *,
        kind: str = "number",
        has_cn: bool = False,
        has_arabic: bool = False,
        digitless: bool = False,
        single: bool = False,
        dbd: bool = False,
        lead_zero: bool = False,
        approx_over: bool = False,
        last_mult: tuple[int, ...] = (),
        dbd_valid: bool = True,
        pair_alt: tuple[Fraction, Fraction] | None = None,
        arabic_int_len: int = 0,
        commas: bool = False,
        point: bool = False,
        is_pair: bool | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.lo = lo
        self.hi = hi
        self.kind = kind
        self.has_cn = has_cn
        self.has_arabic = has_arabic
        self.digitless = digitless
        self.single = single
        self.dbd = dbd
        self.lead_zero = lead_zero
        self.approx_over = approx_over
        self.last_mult = last_mult
        self.dbd_valid = dbd_valid
        self.pair_alt = pair_alt
        self.arabic_int_len = arabic_int_len
        self.commas = commas
        self.point = point
        self.is_pair = lo != hi if is_pair is None else is_pair

    @classmethod
    def plain_arabic(
        cls, start: int, end: int, val: Fraction | int, big: int, *, point: bool, int_len: int
    ) -> Scanned:
        """A plain Arabic number (``16``, ``3.86``, ``2.5万``): the shape the fast paths read.

        The same fields as the general constructor gives it, set directly
        (this object is built for most figures of a page).
        """
        self = cls(start, end, val, val, has_arabic=True, is_pair=False)
        return self.refill(start, end, val, big, point=point, int_len=int_len)

    def refill(
        self, start: int, end: int, val: Fraction | int, big: int, *, point: bool, int_len: int
    ) -> Scanned:
        """Make this ``plain_arabic`` number another plain Arabic number (no new object)."""
        self.start = start
        self.end = end
        self.lo = self.hi = val
        self.point = point
        if big != 1:
            self.has_cn = True
            self.lead_zero = False
            self.last_mult = (big,)
            self.arabic_int_len = 0
        else:
            self.has_cn = False
            self.lead_zero = int_len > 1 and val < 10 ** (int_len - 1)
            self.last_mult = ()
            self.arabic_int_len = int_len
        return self

    def numeral(self) -> Numeral:
        """The public [`Numeral`][newsparse.figures.numbers.Numeral]."""
        return Numeral(
            start=self.start, end=self.end, lo=self.lo, hi=self.hi, kind=self.kind,
            has_cn=self.has_cn, has_arabic=self.has_arabic, digitless=self.digitless,
            single=self.single, dbd=self.dbd, lead_zero=self.lead_zero,
            approx_over=self.approx_over, last_mult=self.last_mult, dbd_valid=self.dbd_valid,
            pair_alt=self.pair_alt, arabic_int_len=self.arabic_int_len, commas=self.commas,
            point=self.point,
        )  # fmt: skip


class _Pend(enum.Enum):
    """What the digits read since the last place word are (the scanner's state)."""

    NONE = enum.auto()  # nothing pending: start, or right after a place word
    CN1 = enum.auto()  # one Chinese digit (三)
    AR1 = enum.auto()  # a one-digit Arabic integer (3)
    AR = enum.auto()  # a longer or decimal Arabic number (30, 3.5)
    PAIR = enum.auto()  # two neighbouring digits naming a range (两三)
    DBD = enum.auto()  # digits read one by one (二〇一九)
    DEC = enum.auto()  # a decimal with 点 (三点八六)


_ONE_DIGIT: Final = (_Pend.CN1, _Pend.AR1)
_ARABIC_PEND: Final = (_Pend.AR, _Pend.AR1)


class _State:
    """Mutable accumulator of the integer scanner (private).

    ``start`` is where the numeral starts, ``end`` where the characters
    read so far end (blanks are only read before a continuation).
    """

    __slots__ = (
        "approx_over", "arabic_int_len", "commas", "digits", "end", "has_arabic", "has_cn",
        "last_small", "last_unit", "n_cn", "pend", "pend_after_unit", "pend_digit", "pend_kind",
        "point", "sec_hi", "sec_lo", "stack", "start", "twos", "units", "zero",
    )  # fmt: skip

    def __init__(self, start: int) -> None:
        self.start = start
        self.end = start
        self.approx_over = False
        self.stack: list[tuple[int, _Num, _Num]] = []
        self.sec_lo = _ZERO
        self.sec_hi = _ZERO
        self.pend: tuple[_Num, _Num] | None = None
        self.pend_kind = _Pend.NONE
        self.pend_digit = -1
        self.pend_after_unit = False
        self.last_small = 0
        self.last_unit = 0
        self.zero = False
        self.units = False
        self.digits = False
        self.has_cn = False
        self.has_arabic = False
        self.n_cn = 0
        self.arabic_int_len = 0
        self.commas = False
        self.point = False
        self.twos = False

    def took_unit(self, j: int) -> int:
        """Close a Chinese unit read at ``j`` (十百千 or 万亿兆); the offset after it."""
        self.pend = None
        self.pend_kind = _Pend.NONE
        self.zero = False
        self.units = self.has_cn = True
        self.n_cn += 1
        self.end = j + 1
        return j + 1

    def pend_value(self) -> tuple[_Num, _Num]:
        """The pending digits, with the abbreviation rule (一万三 is 13000)."""
        if self.pend is None:
            return _ZERO, _ZERO
        lo, hi = self.pend
        if (
            self.pend_kind in _ONE_DIGIT
            and self.pend_after_unit
            and not self.zero
            and self.last_unit >= 100
        ):
            m = self.last_unit // 10
            return lo * m, hi * m
        return lo, hi

    def total(self) -> tuple[_Num, _Num]:
        """The value read so far (low and high ends)."""
        plo, phi = self.pend_value()
        lo = self.sec_lo + plo
        hi = self.sec_hi + phi
        for _, slo, shi in self.stack:
            lo += slo
            hi += shi
        return lo, hi


def _arabic_value(digits: str) -> _Num:
    """The exact value of ``123`` or ``12.5`` (no separators)."""
    if "." not in digits:
        return int(digits)
    whole, frac = digits.split(".", 1)
    return Fraction(int(whole + frac), 10 ** len(frac))


def _exponent(t: str, end: int, val: _Num) -> tuple[int, _Num]:
    """``2e5``, ``10^3`` after an Arabic number: the new end and value."""
    e = _EXPONENT.match(t, end)
    if e is None:
        return end, val
    ex: str = e.group()
    power = int(ex[1:]) if len(ex) < 8 else _MAX_DIGITS + 1
    if abs(power) > _MAX_DIGITS or (val == 0 and power < 0):
        return end, val
    if ex[0] == "^":
        return e.end(), Fraction(val) ** power
    return e.end(), val * 10**power if power >= 0 else val * Fraction(1, 10**-power)


def _arabic_at(t: str, j: int, st: _State) -> int:
    """Read an Arabic number at ``j`` into ``st.pend``; return its end (or ``j``)."""
    m = _ARABIC.match(t, j)
    if m is None:
        return j
    s: str = m.group()
    end: int = m.end()
    if end < len(t) and t[end] == "." and end + 1 < len(t) and t[end + 1].isdigit():
        return j  # 1.2.3: a version or date, not a number
    digits = s.replace(",", "")
    if len(digits) > _MAX_DIGITS:
        return j  # a digit string this long is an identifier, not an amount
    end, val = _exponent(t, end, _arabic_value(digits))
    st.pend = (val, val)
    int_part = digits.split(".", 1)[0]
    st.pend_kind = _Pend.AR1 if len(int_part) == 1 and "." not in digits else _Pend.AR
    st.has_arabic = True
    st.digits = True
    st.arabic_int_len = len(int_part)
    st.commas = "," in s
    st.point = st.point or "." in digits
    return end


def _decimal_digits(t: str, j: int, n: int) -> tuple[int, _Num] | None:
    """Digits after 点: Chinese digits (spaces allowed) or Arabic digits."""
    k = _sp(t, j, n)
    if k < n and "0" <= t[k] <= "9":
        e = k
        while e < n and "0" <= t[e] <= "9" and e - k < _MAX_DIGITS:
            e += 1
        return e, Fraction(int(t[k:e]), 10 ** (e - k))
    num = 0
    count = 0
    end = j
    while k < n and t[k] in CN_DIGITS and count < _MAX_DIGITS:
        num = num * 10 + CN_DIGITS[t[k]]
        count += 1
        end = k + 1
        k = _sp(t, end, n)
    if count == 0:
        return None
    return end, Fraction(num, 10**count)


# -- the step functions: one per character class -------------------------------------
# Each reads the character at ``j`` (and what it needs after it) into ``st``
# and returns where the scan goes on, or -1 when the numeral ends before ``j``.


def _step_blank(t: str, j: int, n: int, st: _State) -> int:
    """Blanks inside a numeral (``3 000``, ``5 万``): read only before a continuation."""
    if st.end == st.start:
        return -1
    k = _sp(t, j, n)
    if k >= n:
        return -1
    d = t[k]
    if (
        d in CN_DIGITS
        or d in SMALL_UNITS
        or d in BIG_UNITS
        or d in POINTS
        or d in INNER_APPROX
        or (d.isdigit() and d.isascii() and st.pend is None and st.units)
        or (d in "kKM" and st.pend_kind in _ARABIC_PEND)
    ):
        return k
    return -1


def _step_arabic(t: str, j: int, n: int, st: _State) -> int:
    """An Arabic number, alone or after a Chinese place word (``3万4000``)."""
    c = t[j]
    if c == "." and not (j + 1 < n and "0" <= t[j + 1] <= "9"):
        return -1
    if st.pend is not None or (st.has_cn and not st.units):
        return -1
    if c == "." and (st.units or st.has_cn):
        return -1
    after_unit = st.units and not st.zero
    k = _arabic_at(t, j, st)
    if k == j:
        return -1
    st.pend_after_unit = after_unit
    st.end = k
    return k


def _step_digit(t: str, j: int, n: int, st: _State) -> int:
    """A Chinese digit: a zero after a place word, a new digit, or the next of a run."""
    c = t[j]
    if c in ZEROS and st.units:
        if st.pend is not None:
            return -1
        st.zero = True
        st.has_cn = True
        st.end = j + 1
        return j + 1
    if st.pend is not None:
        return _digit_after_digit(t, j, n, st)
    dv = CN_DIGITS[c]
    st.pend = (dv, dv)
    st.pend_kind = _Pend.CN1
    st.pend_digit = dv
    st.pend_after_unit = st.units
    st.has_cn = True
    st.digits = True
    st.n_cn += 1
    st.end = j + 1
    return j + 1


def _digit_after_digit(t: str, j: int, n: int, st: _State) -> int:
    """A Chinese digit after another: a spoken range (两三) or digits one by one (二〇一九)."""
    c = t[j]
    dv = CN_DIGITS[c]
    k = j + 1
    nxt = t[k] if k < n else ""
    is_pair = st.pend_kind is _Pend.CN1 and (st.pend_digit, dv) in DIGIT_PAIRS
    lo, _ = st.pend  # type: ignore[misc]
    if is_pair and (
        nxt in SMALL_UNITS
        or nxt in BIG_UNITS
        or (st.units and nxt not in CN_DIGITS and nxt not in POINTS)
    ):
        st.pend = (lo, lo - st.pend_digit + dv)
        st.pend_kind = _Pend.PAIR
        st.n_cn += 1
        st.end = k
        return k
    if st.units or st.pend_kind not in (_Pend.CN1, _Pend.DBD):
        return -1
    if c in TWOS or t[st.end - 1] in TWOS:
        if not (is_pair and st.n_cn == 1):
            return -1
        st.twos = True
    v = lo * 10 + dv
    st.pend = (v, v)
    st.pend_kind = _Pend.DBD
    st.n_cn += 1
    st.end = k
    return k


def _step_tens(t: str, j: int, n: int, st: _State) -> int:  # noqa: ARG001 (a step's signature)
    """廿, 卅, 卌: twenty, thirty, forty in one character."""
    if st.pend is not None or st.units:
        return -1
    v = TENS[t[j]]
    st.sec_lo += v
    st.sec_hi += v
    st.last_small = 10
    st.last_unit = 10
    st.units = st.has_cn = st.digits = True
    st.n_cn += 1
    st.end = j + 1
    return j + 1


def _step_small(t: str, j: int, n: int, st: _State) -> int:
    """十, 百, 千: a place word multiplies the digit before it (or one)."""
    u = SMALL_UNITS[t[j]]
    if st.pend_kind is _Pend.DBD:
        return -1
    if u == 1000 and j + 1 < n and t[j + 1] in UNIT_AFTER_MULT:
        return -1  # 千米, 千克: a unit word
    if st.last_small and u >= st.last_small:
        return -1
    if st.pend is None and st.has_arabic:
        return -1
    plo, phi = st.pend if st.pend is not None else (_ONE, _ONE)
    if st.pend_kind is _Pend.CN1 and st.pend_digit == 0:
        plo = phi = _ONE  # 零十 is ten
    st.sec_lo += plo * u
    st.sec_hi += phi * u
    st.last_small = st.last_unit = u
    return st.took_unit(j)


def _step_big(t: str, j: int, n: int, st: _State) -> int:
    """万, 亿, 兆: a magnitude multiplies the whole section before it."""
    c = t[j]
    big = BIG_UNITS[c]
    if st.pend_kind is _Pend.DBD:
        return -1
    if c == "兆" and j + 1 < n and t[j + 1] in UNIT_AFTER_MULT:
        return -1  # 兆瓦: a unit word
    plo, phi = st.pend if st.pend is not None else (_ZERO, _ZERO)
    seg_lo = st.sec_lo + plo
    seg_hi = st.sec_hi + phi
    stack = st.stack
    if st.pend is None and st.last_small == 0:
        if not stack:
            seg_lo = seg_hi = _ONE
        else:
            # 万万, 十万多亿: the magnitude multiplies what precedes it
            while stack and stack[-1][0] <= big:
                _, a, b = stack.pop()
                seg_lo += a
                seg_hi += b
    else:
        while stack and stack[-1][0] < big:
            _, a, b = stack.pop()
            seg_lo += a
            seg_hi += b
    stack.append((big, seg_lo * big, seg_hi * big))
    st.sec_lo = st.sec_hi = _ZERO
    st.last_small = 0
    st.last_unit = big
    return st.took_unit(j)


def _step_point(t: str, j: int, n: int, st: _State) -> int:
    """点: the decimal point of a Chinese numeral (``三点八六``, ``两千万点五五``)."""
    if st.point or not (st.has_cn or st.units) or st.pend_kind is _Pend.PAIR:
        return -1
    dec = _decimal_digits(t, j + 1, n)
    if dec is None:
        return -1
    k, frac = dec
    lo, hi = st.pend_value()
    st.pend = (lo + st.sec_lo + frac, hi + st.sec_hi + frac)
    st.sec_lo = st.sec_hi = _ZERO
    st.pend_kind = _Pend.DEC
    st.point = True
    st.last_small = 0
    st.end = k
    return k


def _step_inner_approx(t: str, j: int, n: int, st: _State) -> int:
    """余/多/几 before a magnitude (``十余万``, ``二百多亿``): "over", inside the numeral."""
    if st.end == st.start:
        return -1
    k = _sp(t, j + 1, n)
    if k < n and t[k] in BIG_UNITS and st.pend_kind not in (_Pend.DBD, _Pend.PAIR):
        st.approx_over = True
        return k
    return -1


def _step_kilo(t: str, j: int, n: int, st: _State) -> int:
    """``15k``, ``3M``: a thousand or a million after an Arabic number."""
    c = t[j]
    if st.pend_kind not in _ARABIC_PEND or st.units:
        return -1
    k = j + 1
    nxt = t[k] if k < n else ""
    if not (nxt == "" or nxt in _SP or nxt in KILO_FOLLOW):
        return -1
    m = 1000 if c != "M" else 10**6
    lo, hi = st.pend  # type: ignore[misc]
    st.stack.append((m, lo * m, hi * m))
    st.pend = None
    st.pend_kind = _Pend.NONE
    st.last_unit = m
    st.units = True
    st.end = k
    return k


_Step = Callable[[str, int, int, _State], int]
_STEP_CLASSES: Final[tuple[tuple[frozenset[str] | dict[str, int] | str, _Step], ...]] = (
    (_SP, _step_blank),
    ("0123456789.", _step_arabic),
    (CN_DIGITS, _step_digit),
    (TENS, _step_tens),
    (SMALL_UNITS, _step_small),
    (BIG_UNITS, _step_big),
    (POINTS, _step_point),
    (INNER_APPROX, _step_inner_approx),
    ("kKM", _step_kilo),
)
"""The character classes of a numeral, each with its step function (no character in two)."""
_STEPS: Final[dict[str, _Step]] = {c: step for chars, step in _STEP_CLASSES for c in chars}


def _scan_integer(t: str, i: int, n: int) -> _State | None:
    """Scan a Chinese, Arabic or mixed numeral starting at ``i`` (no sign).

    One step function per character class (``_STEPS``); the scan ends at
    the first character no step accepts, or after ``_MAX_TOKENS``.
    """
    st = _State(i)
    j = i
    steps = _STEPS
    while j < n and j - i < _MAX_TOKENS:
        step = steps.get(t[j])
        if step is None:
            break
        j = step(t, j, n, st)
        if j < 0:
            break
    return None if st.end == i else st


def _last_mult(t: str, end: int) -> tuple[int, ...]:
    """Candidate multipliers a range's upper end lends to its lower end (largest first)."""
    c = t[end - 1]
    if c in BIG_UNITS:
        m = BIG_UNITS[c]
        k = end - 2
        if k >= 0 and t[k] in SMALL_UNITS:
            return (m * SMALL_UNITS[t[k]], m)
        return (m,)
    if c in SMALL_UNITS:
        return (SMALL_UNITS[c],)
    if c in "kK":
        return (1000,)
    if c == "M":
        return (10**6,)
    return ()


def _numeral(t: str, i: int, n: int, *, signed: bool) -> Scanned | None:
    """A plain numeral (with an optional sign) at ``i``."""
    neg = False
    j = i
    if signed and j < n and (t[j] in NEGS or t[j] == "-"):
        k = j + 1
        if k < n and (t[k] in NUMERAL_CHARS or t[k] in "0123456789."):
            neg = True
            j = k
    st = _scan_integer(t, j, n)
    if st is None:
        return None
    end, approx_over = st.end, st.approx_over
    lo, hi = st.total()
    digitless = not st.digits
    if neg:
        lo, hi = -hi, -lo
    first = t[j]
    lead_zero = (
        (first in ZEROS or first == "0")
        and st.pend_kind in (_Pend.DBD, _Pend.AR, _Pend.AR1)
        and ((st.pend_kind is _Pend.DBD) or (st.arabic_int_len > 1 and not st.units))
    )
    if first in ZEROS and st.pend_kind is _Pend.DBD and st.point:
        lead_zero = False
    pair_alt: tuple[Fraction, Fraction] | None = None
    if st.pend_kind is _Pend.DBD and not st.point and st.n_cn == 2:
        a = CN_DIGITS.get(t[end - 2], -1)
        b = CN_DIGITS.get(t[end - 1], -1)
        if (a, b) in DIGIT_PAIRS:
            pair_alt = (Fraction(a), Fraction(b))
    return Scanned(
        start=i,
        end=end,
        lo=lo,
        hi=hi,
        has_cn=st.has_cn,
        has_arabic=st.has_arabic,
        digitless=digitless,
        single=st.n_cn == 1 and not st.has_arabic and not st.point,
        dbd=st.pend_kind is _Pend.DBD,
        lead_zero=lead_zero,
        approx_over=approx_over,
        dbd_valid=not st.twos,
        last_mult=_last_mult(t, end),
        pair_alt=pair_alt,
        arabic_int_len=st.arabic_int_len if not st.has_cn else 0,
        commas=st.commas,
        point=st.point,
    )


_FEN_ZHI: Final = regex.compile(r"[ \t]*+分[ \t]*+之[ \t]*+")
_PERCENT_HEAD: Final = regex.compile(r"[百佰][ \t]*+分[ \t]*+之[ \t]*+")
_YOU: Final = regex.compile(r"[ \t]*+又[ \t]*+")
# at most _MAX_DIGITS (60) digits a part: int() refuses 4300 digits, and 1/3333... is no fraction
_SLASH: Final = regex.compile(r"([-负負]?+)(\d{1,60}+)/(\d{1,60}+)(?![\d/.])")
_MIXED: Final = regex.compile(r"(\d{1,60}+) ++(\d{1,60}+)/(\d{1,60}+)(?![\d/.])")


def _frac_tail(t: str, den: Scanned, n: int) -> tuple[int, Fraction] | None:
    """``分之`` + numerator after a denominator numeral."""
    # (each regex below is tried only when its literal is in place: the regex
    # module would otherwise search ahead for the literal, which is not linear)
    if t[_sp(t, den.end, len(t)) : _sp(t, den.end, len(t)) + 1] != "分":
        return None
    m = _FEN_ZHI.match(t, den.end)
    if m is None or den.lo != den.hi or den.lo == 0:
        return None
    num = _numeral(t, m.end(), n, signed=True)
    if num is None or num.is_pair or num.digitless:
        return None
    return num.end, Fraction(num.lo) / den.lo


# Characters a numeral can start with (anything else: no numeral).
_START: Final = frozenset("0123456789.-") | NUMERAL_CHARS | NEGS
# The dominant shapes are read without the full scanner when the character
# after them cannot continue the numeral: an Arabic number with an optional
# 万/亿 (``16``, ``3.86亿``), read by one regex, and a lone Chinese digit (``一``).
_FAST: Final = regex.compile(r"[0-9]++(?:\.[0-9]++)?+([万萬亿億])?+")
_FAST_STOP: Final = (
    NUMERAL_CHARS | POINTS | INNER_APPROX | _SP | frozenset("kKMeE^/.,分又")
)  # after these the full scanner decides (and after any digit)
_CN1_STOP: Final = NUMERAL_CHARS | POINTS | INNER_APPROX | _SP | frozenset("分又")


def _fast_arabic(t: str, i: int, n: int) -> Scanned | None:
    """``scan()`` for a plain Arabic number (+ 万/亿) at ``i``, or ``None`` to scan fully.

    The same numeral as the full scanner's, with the same values (an integral
    value as an ``int``). Blanks after it end it when what follows them cannot
    go on with it (``第 03 版``, as PDF extractions print figures): a digit, a
    numeral character, a point or 分/又 after them leaves the numeral to the
    full scanner (``3 000``, ``1 3/5``, ``5 万``).

    >>> _fast_arabic("第 03 版", 2, 6).end, _fast_arabic("3 000", 0, 5)
    (4, None)
    """
    m = _FAST.match(t, i)
    if m is None:
        return None
    end: int = m.end()
    if end - i > 40:
        return None  # long tokens: the full scanner applies its limits
    if end < n:
        nc = t[end]
        if nc in _SP:  # blanks end it unless a continuation follows them (_step_blank)
            k = _sp(t, end, n)
            nc = t[k] if k < n else ""
        if nc in _FAST_STOP or nc.isdigit():
            return None
    big_c = m.group(1)
    s: str = t[i : end - 1] if big_c else t[i:end]
    val: _Num
    point = "." in s
    big = BIG_UNITS[big_c] if big_c else 1
    if point:
        whole, frac = s.split(".", 1)
        num = int(whole + frac) * big
        den = 10 ** len(frac)
        val = num // den if num % den == 0 else Fraction(num, den)
    else:
        whole = s
        val = int(s) * big
    return Scanned.plain_arabic(i, end, val, big, point=point, int_len=len(whole))


def scan(text: str, i: int) -> Scanned | None:
    """``scan_numeral()`` as a ``Scanned`` (private: for the quantity scanner).

    Values are equal to the [`Numeral`][newsparse.figures.numbers.Numeral]'s, though an integral
    one may be
    an ``int`` where the [`Numeral`][newsparse.figures.numbers.Numeral] has a ``Fraction``.
    """
    n = len(text)
    if i >= n:
        return None
    c = text[i]
    if "0" <= c <= "9":
        fast = _fast_arabic(text, i, n)
        if fast is not None:
            return fast
    elif c in CN_DIGITS and (i + 1 >= n or text[i + 1] not in _CN1_STOP):
        dv = CN_DIGITS[c]
        return Scanned(i, i + 1, dv, dv, has_cn=True, single=True, is_pair=False)
    return _scan_full(text, i)


def _percent_at(text: str, i: int, n: int) -> Scanned | None:
    """``百分之X``: a percentage (``百分之四十``, ``百分之3.5``)."""
    if text[_sp(text, i + 1, n) : _sp(text, i + 1, n) + 1] != "分":
        return None
    m = _PERCENT_HEAD.match(text, i)
    if m is None:
        return None
    num = _numeral(text, m.end(), n, signed=True)
    if num is None or num.is_pair:
        return None
    return Scanned(
        start=i, end=num.end, lo=num.lo, hi=num.hi, kind="percent", has_cn=True,
        has_arabic=num.has_arabic, digitless=False, last_mult=num.last_mult, point=num.point,
    )  # fmt: skip


def _slash_fraction_at(text: str, i: int, n: int) -> Scanned | None:
    """Arabic fractions: ``3/5``, ``-3/2``, ``1 3/5`` (a whole number and a fraction)."""
    k = i + 1 if text[i] in SIGNS else i
    while k < n and "0" <= text[k] <= "9":
        k += 1
    nxt = text[k] if i < k < n else ""
    if nxt == " ":
        k2 = k
        while k2 < n and text[k2] == " ":
            k2 += 1
        while k2 < n and "0" <= text[k2] <= "9":
            k2 += 1
        if text[k2 : k2 + 1] != "/":
            return None
    elif nxt != "/":
        return None
    m = _MIXED.match(text, i) if nxt == " " else None
    if m is not None and int(m.group(3)) != 0:
        val = int(m.group(1)) + Fraction(int(m.group(2)), int(m.group(3)))
        return Scanned(start=i, end=m.end(), lo=val, hi=val, kind="fraction", has_arabic=True)
    m = _SLASH.match(text, i)
    if m is None or int(m.group(3)) == 0:
        return None
    val = Fraction(int(m.group(2)), int(m.group(3)))
    if m.group(1):
        val = -val
    return Scanned(start=i, end=m.end(), lo=val, hi=val, kind="fraction", has_arabic=True)


def _mixed_fraction(text: str, base: Scanned, n: int) -> Scanned | None:
    """``A又B分之C``: a whole number and a fraction (``三百五又三分之一``)."""
    k = _sp(text, base.end, n)
    m = _YOU.match(text, base.end) if text[k : k + 1] == "又" else None
    if m is None or base.lo != base.hi:
        return None
    if text[m.end() : m.end() + 1].isdigit():  # 1又1/5
        slash = _slash_fraction_at(text, m.end(), n)
        if slash is not None and slash.lo >= 0:
            val = base.lo + slash.lo if base.lo >= 0 else base.lo - slash.lo
            return Scanned(
                start=base.start, end=slash.end, lo=val, hi=val, kind="fraction", has_cn=True
            )
    den = _numeral(text, m.end(), n, signed=False)
    if den is None:
        return None
    tail = _frac_tail(text, den, n)
    if tail is None:
        return None
    f_end, part = tail
    whole = base.lo
    mixed = whole - part if whole < 0 else whole + part
    return Scanned(start=base.start, end=f_end, lo=mixed, hi=mixed, kind="fraction", has_cn=True)


_SLASH_START: Final = frozenset("0123456789") | SIGNS
"""What an Arabic fraction (``3/5``, ``负1/3``) starts with."""


def _scan_full(text: str, i: int) -> Scanned | None:
    """The full scanner behind [`scan_numeral()`][newsparse.figures.numbers.scan_numeral].

    Each form in turn, the first that reads.
    """
    n = len(text)
    if i >= n:
        return None
    c = text[i]
    if c not in _START:
        return None
    if c in "百佰":
        pct = _percent_at(text, i, n)
        if pct is not None:
            return pct
    if c in SIGNS and text[i + 1 : i + 2] in {"百", "佰"}:  # 负百分之二, -百分之1
        pct = _percent_at(text, i + 1, n)
        if pct is not None:
            pct.start, pct.lo, pct.hi = i, -pct.hi, -pct.lo
            return pct
    if c in _SLASH_START:
        frac = _slash_fraction_at(text, i, n)
        if frac is not None:
            return frac
    base = _numeral(text, i, n, signed=True)
    if base is None:
        return None
    return _fraction_after(text, base, n) or base


def _fraction_after(text: str, base: Scanned, n: int) -> Scanned | None:
    """``X分之Y`` (``三分之一``) or ``A又…`` (``1又1/5``) from the numeral ``base`` on."""
    k = _sp(text, base.end, n)
    c = text[k : k + 1]
    if c == "分":
        tail = _frac_tail(text, base, n)
        if tail is not None:
            end, val = tail
            return Scanned(start=base.start, end=end, lo=val, hi=val, kind="fraction", has_cn=True)
        return None
    return _mixed_fraction(text, base, n) if c == "又" else None


@str_argument("text")
def scan_numeral(text: str, i: int) -> Numeral | None:
    """The longest numeral that starts at ``text[i]``, or ``None``.

    ``text`` should be folded with [`fold_width()`][newsparse.figures.numbers.fold_width]
    (full-width digits are
    otherwise not read). The scan never looks further than the numeral
    itself, so calling it at successive positions stays linear.

    >>> scan_numeral("两千四百五十个", 0).lo
    2450
    >>> n = scan_numeral("两三个", 0)
    >>> n.pair_alt
    (Fraction(2, 1), Fraction(3, 1))
    >>> scan_numeral("百分之四十", 0).kind
    'percent'
    >>> scan_numeral("统一", 0) is None
    True
    """
    res = _scan_full(text, i)
    return None if res is None else res.numeral()


# ----------------------------------------------------------------------------- values


@str_argument("s")
def parse_number(s: str) -> Decimal | Fraction:
    """Read one numeral, exactly.

    Returns a ``Decimal`` (a ``Fraction`` for a
    fraction that has no finite decimal expansion, e.g. ``三分之一``). Never a
    float. Surrounding blanks are ignored; anything else that is not part of
    the numeral raises [`NumberError`][newsparse.errors.NumberError] (a
    ``ValueError``) naming the input and the position.

    >>> parse_number("4160.51万")
    Decimal('41605100')
    >>> parse_number("1,234.5")
    Decimal('1234.5')
    >>> parse_number("一百二十三"), parse_number("两千"), parse_number("十")
    (Decimal('123'), Decimal('2000'), Decimal('10'))
    >>> parse_number("三点八六"), parse_number("二〇一九")
    (Decimal('3.86'), Decimal('2019'))
    >>> parse_number("负\uff11\uff16\uff0e\uff14亿")  # full-width 16.4
    Decimal('-1640000000')
    >>> parse_number("百分之四十")
    Decimal('0.4')
    >>> parse_number("3万4000"), parse_number("兩萬")
    (Decimal('34000'), Decimal('20000'))
    >>> parse_number("12个")
    Traceback (most recent call last):
    ...
    newsparse.errors.NumberError: not a numeral: '12个' (unexpected '个' at position 2)
    """
    t = fold_width(s)
    i = 0
    n = len(t)
    while i < n and t[i].isspace():
        i += 1
    while n > i and t[n - 1].isspace():
        n -= 1
    if i == n:
        raise NumberError(f"not a numeral: {s!r} (empty)", text=s, position=0)
    num = scan_numeral(t[:n], i)
    if num is None:
        raise NumberError(
            f"not a numeral: {s!r} (unexpected {s[i]!r} at position {i})", text=s, position=i
        )
    if num.end != n:
        pos = num.end
        raise NumberError(
            f"not a numeral: {s!r} (unexpected {s[pos]!r} at position {pos})",
            text=s,
            position=pos,
        )
    if num.is_pair or not num.dbd_valid:
        raise NumberError(f"not a single number: {s!r} is a range", text=s, position=i)
    if num.kind == "percent":
        return exact_value(Fraction(num.lo) / 100)
    if num.kind == "fraction":
        return Fraction(num.lo)
    return exact_value(num.lo)
