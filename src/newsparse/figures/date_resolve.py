"""Resolution of parsed date expressions to calendar days.

The forms of ``newsparse.figures.date_forms`` turn a match into an
``Atom`` (one expression: what part of a year, and how its year is
known) or a ``Range`` (``A至B``); this module turns those into the
inclusive interval of days they cover, against the page date.

>>> import datetime as dt
>>> resolve(Atom(0, 5, Kind.DAY, 7, 29), dt.date(2019, 7, 30))
(datetime.date(2019, 7, 29), datetime.date(2019, 7, 29))
>>> resolve(Atom(0, 5, Kind.HALF, 1, yoff=-1), dt.date(2019, 7, 30))
(datetime.date(2018, 1, 1), datetime.date(2018, 6, 30))
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from dateutil.relativedelta import relativedelta
from lunardate import LunarDate

from newsparse.figures import vocab
from newsparse.figures.solar_terms import solar_term
from newsparse.model import DatePrecision

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

__all__ = [
    "Atom",
    "Interval",
    "Kind",
    "Range",
    "nearest",
    "resolve",
    "resolve_range",
    "safe_date",
]


class Kind(enum.Enum):
    """What part of a year an ``Atom`` names; ``a``, ``b``, ``c`` say which."""

    YEAR = enum.auto()  # whole year
    YBOUND = enum.auto()  # a: 0 first day, 1 last day of the year
    HALF = enum.auto()  # a: 1 or 2
    QUARTER = enum.auto()  # a: 1..4
    QEND = enum.auto()  # a: quarter whose last day is meant
    QUARTERS = enum.auto()  # a: first a quarters
    SEASON = enum.auto()  # a: 1 spring .. 4 winter
    MONTH = enum.auto()  # a: month (0: from the relative month)
    XUN = enum.auto()  # a: month, b: 1..3
    MBOUND = enum.auto()  # a: month, b: 0 first day, 1 last day
    DAY = enum.auto()  # a: month, b: day
    DAYONLY = enum.auto()  # b: day of the reference's month
    LUNAR = enum.auto()  # a: lunar month, b: day (0: New Year's Eve), c: 1 if leap month
    RELDAY = enum.auto()  # a: offset in days
    VAGUE = enum.auto()
    FESTIVAL = enum.auto()  # a: index of the festival in vocab.FESTIVALS
    HOLIDAY = enum.auto()  # a: as FESTIVAL; the holiday period around it
    WEEKDAY = enum.auto()  # a: offset in weeks, b: weekday (Monday 0)
    WEEKEND = enum.auto()  # a: offset in weeks
    WEEK = enum.auto()  # a: offset in weeks
    NTHWEEK = enum.auto()  # a: month (0: the year), b: n, c: weekday + 1 (0: the week)
    ANCHORED = enum.auto()  # a: offset in days from the date mentioned last
    RELQ = enum.auto()  # a: offset in quarters, b: 0 the quarter, 1 its last day, 2 its first month
    MONTHS = enum.auto()  # a: count, b: 0 the first months, 1 the last ones, 2 the middle (年中)
    HALFMONTH = enum.auto()  # a: month, b: 1 days 1-15, 2 the rest
    MDAYS = enum.auto()  # a: month, b: count of first days (negative: last days)
    LUNARMONTH = enum.auto()  # a: lunar month, b: 1 if leap month
    NDAYS = enum.auto()  # a: offset in days, b: 1 for the days up to it (17天内)

    # The members are singletons: hash them by identity, in C, rather than by
    # ``Enum.__hash__`` (a Python call hashing the name) on every set and
    # dictionary lookup of the scan. No code iterates a set of kinds.
    __hash__ = object.__hash__

    @property
    def precision(self) -> DatePrecision:
        """The precision of a mention of this kind.

        >>> Kind.XUN.precision
        <DatePrecision.TEN_DAYS: 'ten_days'>
        """
        return _PRECISION[self]


_PRECISION: Final = {
    Kind.YEAR: DatePrecision.YEAR,
    Kind.YBOUND: DatePrecision.DAY,
    Kind.HALF: DatePrecision.HALF_YEAR,
    Kind.QUARTER: DatePrecision.QUARTER,
    Kind.QEND: DatePrecision.DAY,
    Kind.QUARTERS: DatePrecision.RANGE,
    Kind.SEASON: DatePrecision.SEASON,
    Kind.MONTH: DatePrecision.MONTH,
    Kind.XUN: DatePrecision.TEN_DAYS,
    Kind.MBOUND: DatePrecision.DAY,
    Kind.DAY: DatePrecision.DAY,
    Kind.DAYONLY: DatePrecision.DAY,
    Kind.LUNAR: DatePrecision.DAY,
    Kind.RELDAY: DatePrecision.DAY,
    Kind.VAGUE: DatePrecision.VAGUE,
    Kind.FESTIVAL: DatePrecision.DAY,
    Kind.HOLIDAY: DatePrecision.HOLIDAY,
    Kind.WEEKDAY: DatePrecision.DAY,
    Kind.WEEKEND: DatePrecision.WEEK,
    Kind.WEEK: DatePrecision.WEEK,
    Kind.NTHWEEK: DatePrecision.WEEK,
    Kind.ANCHORED: DatePrecision.DAY,
    Kind.RELQ: DatePrecision.QUARTER,
    Kind.MONTHS: DatePrecision.RANGE,
    Kind.HALFMONTH: DatePrecision.RANGE,
    Kind.MDAYS: DatePrecision.RANGE,
    Kind.LUNARMONTH: DatePrecision.MONTH,
    Kind.NDAYS: DatePrecision.DAY,
}
WITH_MONTH: Final = frozenset({Kind.MONTH, Kind.XUN, Kind.MBOUND, Kind.DAY})
"""Kinds that name a month: a day alone after one of them takes its month (``7月29日至31日``)."""
MERGEABLE: Final = frozenset(Kind) - {Kind.VAGUE, Kind.QUARTERS, Kind.NDAYS, Kind.HOLIDAY}
"""Kinds that two mentions joined by 至/到/- can be (the ends of a written range)."""


class Atom(NamedTuple):
    """One date expression: what part of a year, and how the year is known.

    A plain named tuple, not an attrs class: the scan makes one for every
    match and the user never sees it (a third of the cost of building one).

    >>> Atom(0, 4, Kind.MONTH, 7, yoff=0).has_basis
    True
    """

    start: int
    end: int
    kind: Kind
    a: int = 0
    b: int = 0
    c: int = 0
    year: int | None = None  # written year
    yoff: int | None = None  # 今年 0, 去年 -1, ...
    moff: int | None = None  # 本月 0, 上月 -1, ...
    yy: int | None = None  # a two-digit year (98年): its century is the reference's choice

    @property
    def precision(self) -> DatePrecision:
        """The precision of a mention of this atom (a quarter's last day is a day).

        >>> Atom(0, 4, Kind.RELQ, -1, 1).precision
        <DatePrecision.DAY: 'day'>
        """
        if self.kind is Kind.RELQ and self.b:
            return DatePrecision.DAY if self.b == 1 else DatePrecision.MONTH
        if self.kind is Kind.NTHWEEK and self.b % 10:
            return DatePrecision.DAY
        return _PRECISION[self.kind]  # (Kind.precision, without the call)

    @property
    def has_basis(self) -> bool:
        """Whether the atom says its year (written, or relative to the reference)."""
        return (
            self.year is not None
            or self.yoff is not None
            or self.moff is not None
            or self.yy is not None
        )


class Range(NamedTuple):
    """A written range ``A至B`` (a named tuple, as ``Atom``).

    ``inherit`` is 1 when the end takes its year from the start (or neither
    names one), 2 when the start takes it from the end, 0 when each writes
    its own.

    >>> Range(0, 9, Atom(0, 5, Kind.YEAR, year=2016), Atom(6, 9, Kind.YEAR, year=2018), 0).inherit
    0
    """

    start: int
    end: int
    a: Atom
    b: Atom
    inherit: int = 1


Interval = tuple[dt.date, dt.date]
_DAY: Final = dt.timedelta(days=1)


def _month_start(year: int, month: int) -> dt.date:
    """The first day of a month counted from January of ``year`` (13 is next January)."""
    carry, index = divmod(month - 1, 12)
    return dt.date(year + carry, index + 1, 1)


def _months(year: int, month: int, count: int) -> Interval:
    """The days of ``count`` months from ``month`` of ``year`` on."""
    return _month_start(year, month), _month_start(year, month + count) - _DAY


def _month_interval(year: int, month: int) -> Interval:
    first = dt.date(year, month, 1)  # ValueError for a month that does not exist
    return first, _month_start(year, month + 1) - _DAY


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist.

    >>> safe_date(2023, 2, 29) is None
    True
    """
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# --------------------------------------------------------------------------
# The days each kind covers in a given year: one function per kind.


def _year(_a: int, _b: int, year: int) -> Interval | None:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _ybound(a: int, _b: int, year: int) -> Interval | None:
    day = dt.date(year, 1, 1) if a == 0 else dt.date(year, 12, 31)
    return day, day


def _half(a: int, _b: int, year: int) -> Interval | None:
    return _months(year, 6 * a - 5, 6)


def _quarter(a: int, _b: int, year: int) -> Interval | None:
    return _months(year, 3 * a - 2, 3)


def _qend(a: int, _b: int, year: int) -> Interval | None:
    last = _months(year, 3 * a - 2, 3)[1]
    return last, last


def _quarters(a: int, _b: int, year: int) -> Interval | None:
    return dt.date(year, 1, 1), _months(year, 3 * a - 2, 3)[1]


def _season(a: int, _b: int, year: int) -> Interval | None:
    return _months(year, 3 * a, 3)  # spring is March to May; winter ends in February


def _month(a: int, _b: int, year: int) -> Interval | None:
    return _month_interval(year, a)


def _xun(a: int, b: int, year: int) -> Interval | None:
    first, last = _month_interval(year, a)
    return first + 10 * (b - 1) * _DAY, (last if b == 3 else first + (10 * b - 1) * _DAY)


def _mbound(a: int, b: int, year: int) -> Interval | None:
    first, last = _month_interval(year, a)
    return (first, first) if b == 0 else (last, last)


def _day(a: int, b: int, year: int) -> Interval | None:
    _month_interval(year, a)  # (a month that does not exist raises, as for the others)
    day = safe_date(year, a, b)
    return None if day is None else (day, day)


def _months_of_year(a: int, b: int, year: int) -> Interval | None:
    if not 1 <= a <= 12:
        return None
    if b == 2:  # 年中: the two middle months
        return _months(year, 6, 2)
    return _months(year, 1, a) if b == 0 else _months(year, 13 - a, a)


def _halfmonth(a: int, b: int, year: int) -> Interval | None:
    first, last = _month_interval(year, a)
    mid = first + 14 * _DAY
    return (first, mid) if b == 1 else (mid + _DAY, last)


def _mdays(a: int, b: int, year: int) -> Interval | None:
    first, last = _month_interval(year, a)
    if not 0 < abs(b) <= (last - first).days + 1:
        return None
    return (first, first + (b - 1) * _DAY) if b > 0 else (last + (b + 1) * _DAY, last)


def _nthweek(a: int, b: int, year: int) -> Interval | None:
    """Week ``n`` of a month (``a``; 0: of the year), from its first Monday; or its n-th weekday."""
    n, weekday = divmod(b, 10)
    first, last = _month_interval(year, a) if a else (dt.date(year, 1, 1), dt.date(year, 12, 31))
    if weekday:  # 八月的第一个周二: the n-th such weekday of the month
        day = first + ((weekday - 1 - first.weekday()) % 7 + 7 * (n - 1)) * _DAY
        return (day, day) if day <= last else None
    monday = first + ((-first.weekday()) % 7 + 7 * (n - 1)) * _DAY
    return (monday, monday + 6 * _DAY) if monday <= last else None


def _festival(a: int, _b: int, year: int) -> Interval | None:
    return _point(festival_day(a, year))


def _lunar_month(a: int, b: int, year: int) -> Interval | None:
    first = _lunar_to_solar(year, a, 1, b)
    if first is None:
        return None
    last = _lunar_to_solar(year, a, 30, b) or _lunar_to_solar(year, a, 29, b)
    return None if last is None else (first, last)


_IN_YEAR: Final[dict[Kind, Callable[[int, int, int], Interval | None]]] = {
    Kind.MONTHS: _months_of_year,
    Kind.HALFMONTH: _halfmonth,
    Kind.MDAYS: _mdays,
    Kind.NTHWEEK: _nthweek,
    Kind.FESTIVAL: _festival,
    Kind.HOLIDAY: _festival,
    Kind.LUNARMONTH: _lunar_month,
    Kind.YEAR: _year,
    Kind.YBOUND: _ybound,
    Kind.HALF: _half,
    Kind.QUARTER: _quarter,
    Kind.QEND: _qend,
    Kind.QUARTERS: _quarters,
    Kind.SEASON: _season,
    Kind.MONTH: _month,
    Kind.XUN: _xun,
    Kind.MBOUND: _mbound,
    Kind.DAY: _day,
}


def _interval(kind: Kind, a: int, b: int, year: int) -> Interval | None:
    """Return the days that part of ``year`` covers; None for an impossible date."""
    if not dt.MINYEAR < year < dt.MAXYEAR:
        return None
    return _IN_YEAR.get(kind, _month)(a, b, year)


# --------------------------------------------------------------------------
# Lunar dates.


@functools.lru_cache(maxsize=4096)
def _lunar_to_solar(year: int, month: int, day: int, leap: int) -> dt.date | None:
    """Gregorian date of a lunar date (day 0: New Year's Eve of ``year``)."""
    try:
        if day == 0:
            return _solar(LunarDate(year + 1, 1, 1)) - dt.timedelta(days=1)
        return _solar(LunarDate(year, month, day, bool(leap)))
    except ValueError:
        return None


def _solar(lunar: Any) -> dt.date:  # noqa: ANN401 - lunardate is untyped here
    # lunardate 0.3 deprecates toSolarDate for to_solar_date; older releases
    # have only the former.
    convert = getattr(lunar, "to_solar_date", None) or lunar.toSolarDate
    result: dt.date = convert()
    return result


# lunardate's table: lunar years 1900-2099, from 1900-01-31 (正月初一 1900).
_LUNAR_SPAN: Final = (dt.date(1900, 1, 31), dt.date(2099, 12, 31))


def _lunar_year_of(day: dt.date) -> int | None:
    if not _LUNAR_SPAN[0] <= day <= _LUNAR_SPAN[1]:
        return None
    convert = getattr(LunarDate, "from_solar_date", None) or LunarDate.fromSolarDate
    try:
        return int(convert(day.year, day.month, day.day).year)
    except (ValueError, IndexError):
        return None


def _resolve_lunar(atom: Atom, ref: dt.date) -> Interval | None:
    """The occurrence nearest to ``ref``, among the lunar years around it.

    The year is chosen by where the month falls (its first day plus the day
    number), so a day that one year lacks (正月三十 in a 29-day 正月) gives
    None rather than a date two years away.
    """
    lunar_year = _lunar_year_of(ref)
    if lunar_year is None:
        return None
    month, day, leap = atom.a, atom.b, atom.c
    approx: dict[dt.date, int] = {}
    for year in (lunar_year - 1, lunar_year, lunar_year + 1):
        anchor = _lunar_to_solar(year, month, min(day, 1), leap)
        if anchor is not None:
            approx[anchor + dt.timedelta(days=max(day - 1, 0))] = year
    found = nearest(approx, ref)
    if found is None:
        return None
    return _point(_lunar_to_solar(approx[found], month, day, leap))


_FESTIVAL_NAMES: Final = tuple(vocab.FESTIVALS)


def festival_index(name: str) -> int:
    """The index of a festival or solar term in ``FESTIVALS``.

    >>> _FESTIVAL_NAMES[festival_index("中秋节")]
    '中秋节'
    """
    return _FESTIVAL_NAMES.index(name)


@functools.lru_cache(maxsize=4096)
def festival_day(index: int, year: int) -> dt.date | None:
    """The day of a festival (by ``festival_index()``) in ``year`` (lunar year if lunar).

    >>> festival_day(festival_index("春节"), 2024), festival_day(festival_index("清明"), 2024)
    (datetime.date(2024, 2, 10), datetime.date(2024, 4, 4))
    >>> festival_day(festival_index("母亲节"), 2021)
    datetime.date(2021, 5, 9)
    """
    calendar, month, day = vocab.FESTIVALS[_FESTIVAL_NAMES[index]]
    if calendar == "lunar":
        return _lunar_to_solar(year, month, day, 0)
    if calendar == "solar":
        return safe_date(year, month, day)
    if calendar == "weekday":
        n, weekday = divmod(day, 10)
        first = dt.date(year, month, 1)
        return first + ((weekday - first.weekday()) % 7 + 7 * (n - 1)) * _DAY
    return solar_term(year, month)


# --------------------------------------------------------------------------
# Resolution against the reference.


def _point(day: dt.date | None) -> Interval | None:
    return None if day is None else (day, day)


def nearest(candidates: Iterable[dt.date | None], ref: dt.date) -> dt.date | None:
    """The candidate nearest to ``ref`` (the earlier one on a tie), None if none is given.

    >>> nearest([dt.date(2020, 1, 1), None, dt.date(2020, 1, 5)], dt.date(2020, 1, 3))
    datetime.date(2020, 1, 1)
    """
    valid = [d for d in candidates if d is not None]
    if not valid:
        return None
    return min(valid, key=lambda d: (abs((d - ref).days), d))


@functools.lru_cache(maxsize=1024)
def _shifted(ref: dt.date, *, years: int = 0, months: int = 0, days: int = 0) -> dt.date:
    """``ref + relativedelta(...)``, remembered: a page asks for the same few shifts of its date."""
    return ref + relativedelta(years=years, months=months, days=days)


def _week_of(ref: dt.date, weeks: int) -> dt.date:
    """The Monday of the reference's week, shifted by ``weeks``."""
    return ref - ref.weekday() * _DAY + 7 * weeks * _DAY


def _relday(atom: Atom, ref: dt.date) -> Interval | None:
    return _point(_shifted(ref, days=atom.a))


def _weekday(atom: Atom, ref: dt.date) -> Interval | None:
    return _point(_week_of(ref, atom.a) + atom.b * _DAY)


def _weekend(atom: Atom, ref: dt.date) -> Interval | None:
    monday = _week_of(ref, atom.a)
    return monday + 5 * _DAY, monday + 6 * _DAY


def _week(atom: Atom, ref: dt.date) -> Interval | None:
    monday = _week_of(ref, atom.a)
    return monday, monday + 6 * _DAY


def _relq(atom: Atom, ref: dt.date) -> Interval | None:
    index = ref.year * 4 + (ref.month - 1) // 3 + atom.a
    year, quarter = divmod(index, 4)
    first, last = _months(year, 3 * quarter + 1, 3)
    if atom.b == 1:
        return last, last
    if atom.b == 2:  # 四季度初: its first month
        return _month_interval(first.year, first.month)
    return first, last


def _ndays(atom: Atom, ref: dt.date) -> Interval | None:
    day = _shifted(ref, days=atom.a)
    return (min(ref, day), max(ref, day)) if atom.b else (day, day)


_FROM_REF: Final[dict[Kind, Callable[[Atom, dt.date], Interval | None]]] = {
    Kind.RELDAY: _relday,
    Kind.ANCHORED: _relday,  # (its reference is the date mentioned last)
    Kind.WEEKDAY: _weekday,
    Kind.WEEKEND: _weekend,
    Kind.WEEK: _week,
    Kind.RELQ: _relq,
    Kind.NDAYS: _ndays,
}
"""Kinds that are a shift of the reference day, whatever year is around them."""


_CENTURY_AHEAD: Final = 10
"""How far after the reference a two-digit year may fall: a paper names plans a
decade ahead (``到25年``); a year further on is the last century's (``33年``)."""


def _century(yy: int, ref: dt.date) -> int:
    """The year ending in ``yy`` nearest the reference, at most ``_CENTURY_AHEAD`` after it.

    >>> [_century(yy, dt.date(2021, 6, 14)) for yy in (98, 5, 24, 31, 33, 71, 72)]
    [1998, 2005, 2024, 2031, 1933, 1971, 1972]
    """
    base = ref.year - ref.year % 100 + yy
    candidates = [y for y in (base - 100, base, base + 100) if y <= ref.year + _CENTURY_AHEAD]
    return min(candidates, key=lambda y: (abs(y - ref.year), y))


def _nearest_year(atom: Atom, ref: dt.date) -> Interval | None:
    """A festival or lunar month without a year: the occurrence nearest the reference."""
    found = [_interval(atom.kind, atom.a, atom.b, y) for y in range(ref.year - 1, ref.year + 2)]
    best = nearest((f[0] for f in found if f is not None), ref)
    return next((f for f in found if f is not None and f[0] == best), None)


def _resolve_unwritten(atom: Atom, ref: dt.date) -> Interval | None:
    """Resolve an atom that does not write its year against the reference."""
    kind = atom.kind
    if kind is Kind.LUNAR and atom.yoff is None:
        return _resolve_lunar(atom, ref)
    if kind in {Kind.FESTIVAL, Kind.HOLIDAY, Kind.LUNARMONTH} and atom.yoff is None:
        return _nearest_year(atom, ref)
    if kind is Kind.DAYONLY:
        anchors = (_shifted(ref, months=k) for k in (-1, 0, 1))
        return _point(nearest((safe_date(d.year, d.month, atom.b) for d in anchors), ref))
    month = atom.a
    if atom.moff is not None:
        shifted = _shifted(ref, months=atom.moff)
        year, month = shifted.year, shifted.month
    elif atom.yoff is not None:
        year = _shifted(ref, years=atom.yoff).year
    else:
        year = ref.year
        if kind in WITH_MONTH:
            found = _interval(kind, month, atom.b, year)
            if found is not None and found[0] > _shifted(ref, months=6):
                year -= 1
    if kind is Kind.LUNAR:
        return _point(_lunar_to_solar(year, atom.a, atom.b, atom.c))
    return _interval(kind, month, atom.b, year)


def resolve(atom: Atom, ref: dt.date | None, year: int | None = None) -> Interval | None:
    """Resolve an atom against the reference date (or into a given year).

    >>> resolve(Atom(0, 2, Kind.RELDAY, -1), dt.date(2024, 3, 1))
    (datetime.date(2024, 2, 29), datetime.date(2024, 2, 29))
    """
    kind = atom.kind
    if kind is Kind.VAGUE:
        return None
    if kind in _FROM_REF:
        return None if ref is None else _FROM_REF[kind](atom, ref)
    if year is None or atom.moff is not None:
        year = atom.year
    if year is None and atom.yy is not None and ref is not None:
        year = _century(atom.yy, ref)
    if year is None:
        return None if ref is None else _resolve_unwritten(atom, ref)
    if kind is Kind.LUNAR:
        return _point(_lunar_to_solar(year, atom.a, atom.b, atom.c))
    if kind is Kind.DAYONLY:
        return None
    return _interval(kind, atom.a, atom.b, year)


def resolve_range(rng: Range, ref: dt.date | None) -> Interval | None:
    """Resolve a written range: from the first day of its start to the last day of its end.

    >>> a, b = Atom(0, 2, Kind.MONTH, 12), Atom(3, 5, Kind.MONTH, 3)
    >>> resolve_range(Range(0, 5, a, b), dt.date(2019, 12, 5))
    (datetime.date(2019, 12, 1), datetime.date(2020, 3, 31))
    """
    a, b = rng.a, rng.b
    if rng.inherit == 2:
        last = resolve(b, ref)
        first = None if last is None else _resolve_into(a, ref, last[1].year, -1, last[1])
    else:
        first = resolve(a, ref)
        if first is None:
            return None
        last = (
            resolve(b, ref)
            if rng.inherit == 0
            else _resolve_into(b, ref, first[0].year, 1, first[0])
        )
    if first is None or last is None or last[1] < first[0]:
        return None
    return first[0], last[1]


def _resolve_into(
    atom: Atom, ref: dt.date | None, year: int, step: int, bound: dt.date
) -> Interval | None:
    """Resolve the end of a range that shares the other end's year.

    ``12月至3月``: when the end would fall on the wrong side of ``bound``, it
    belongs to the next year (``step`` 1) or the start to the year before
    (``step`` -1). A relative month keeps its own arithmetic.
    """
    if atom.moff is not None:
        return resolve(atom, ref)
    if atom.kind is Kind.DAYONLY:  # 29日至31日: the start's month, or the next
        month = bound + relativedelta(day=1)
        day = safe_date(month.year, month.month, atom.b)
        if day is None or day < bound:
            month += relativedelta(months=1)
            day = safe_date(month.year, month.month, atom.b)
        return _point(day)
    found = resolve(atom, ref, year)
    if found is not None and (found[1] < bound if step > 0 else found[0] > bound):
        found = resolve(atom, ref, year + step)
    return found
