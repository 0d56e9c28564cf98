"""Date mentions in Chinese news text, resolved to ``datetime.date``.

[`extract_dates()`][newsparse.extract_dates] finds the dates a reader sees: explicit dates
(``2019年``, ``2018年10月``, ``二〇一九年七月二十九日``, ``2019-07-29``),
dates that need the page date (``7月29日``, ``“6·27”``, ``今年``, ``去年``,
``上半年``, ``一季度``, ``上月``, ``昨天``), periods and ranges
(``2023年1月末``, ``今年6月中旬``, ``1至5月份``, ``2016年至2018年``,
``前三季度``, ``今年夏季``, ``本月第二周``), vague ones (``近日``, ``日前``,
``近期``), lunar dates (``农历腊月二十一``, ``正月十五``, ``大年初一``,
``2023年农历八月十五``), festivals and solar terms (``春节``, ``国庆假期``,
``清明``), weekdays and weeks (``周三``, ``上周二``, ``上周``), days counted
from the date mentioned last (``当天``, ``次日``) and two-digit years
(``98年``).
Relative arithmetic uses ``dateutil.relativedelta``; lunar dates are
converted with the ``lunardate`` library (lunar years 1900-2099).

The forms are a table (``newsparse.figures.date_forms``, one record a
form), resolution has its own module (``newsparse.figures.date_resolve``);
this module scans, joins written ranges and resolves.

>>> import datetime as dt
>>> [(m.text, str(m.value)) for m in extract_dates("7月29日,今年上半年", dt.date(2019, 7, 30))]
[('7月29日', '2019-07-29'), ('今年上半年', '2019-01-01')]

Durations and counts are not dates: ``近3年``, ``三年``, ``十年来``,
``98周年``, ``3个月`` give nothing, and neither does a four-digit number
without ``年`` (``2019锦州海洋文化旅游节`` names an event, it is not a
date mention).

>>> extract_dates("近3年,连续三年,十年来,建党98周年,2019锦州海洋文化旅游节")
[]
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

import regex

from newsparse.errors import str_argument
from newsparse.figures.date_forms import GAP_CONN, GAP_MAX, Item, scan_matches
from newsparse.figures.date_resolve import (
    MERGEABLE,
    WITH_MONTH,
    Atom,
    Kind,
    Range,
    resolve,
    resolve_range,
    safe_date,
)
from newsparse.model import DateMention, DatePrecision, Span

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = [
    "DateFields",
    "DateMention",
    "DatePrecision",
    "date_fields_of",
    "extract_dates",
    "extract_dates_of",
    "infer_reference",
]


def _scan(text: str) -> list[Item]:
    """All date expressions of ``text``, written ranges joined, in order."""
    folded, found = scan_matches(text)
    items: list[Item] = []
    prev: Item | None = None  # (items[-1])
    for m, form in found:
        item = form.read(m, folded)  # (parse, without the call)
        if item is None:
            continue
        # (the class by attribute, not isinstance(): no call for every item)
        if item.__class__ is Atom and prev is not None and prev.__class__ is Atom:
            atom, before = item, prev
            listed = _listed_day(atom, before, folded) if atom.kind is Kind.DAYONLY else None
            if listed is not None:
                item = listed
            elif (
                0 < atom.start - before.end <= GAP_MAX
                and before.kind in MERGEABLE
                and atom.kind in MERGEABLE
                and GAP_CONN.fullmatch(folded, before.end, atom.start)
            ):
                items[-1] = prev = _join(before, atom)
                continue
        items.append(item)
        prev = item
    return items


_LIST_GAP: Final = regex.compile(r"[、，,和及与 ]{1,2}+")


def _listed_day(item: Item, prev: Item | None, folded: str) -> Atom | None:
    """A day alone listed after a month-day (``9月10日、11日``), with its month and year."""
    if (
        isinstance(item, Atom)
        and isinstance(prev, Atom)
        and item.kind is Kind.DAYONLY
        and prev.kind is Kind.DAY
        and _LIST_GAP.fullmatch(folded, prev.end, item.start) is not None
    ):
        return prev._replace(start=item.start, end=item.end, b=item.b)
    return None


def _join(a: Atom, b: Atom) -> Range:
    """Join ``A至B``: the end takes the year and month its start names, or back."""
    if b.kind is Kind.DAYONLY and a.kind in WITH_MONTH:
        b = b._replace(kind=Kind.DAY, a=a.a)
    if a.has_basis and b.has_basis:
        return Range(a.start, b.end, a, b, inherit=0)
    if b.has_basis:
        return Range(a.start, b.end, a._replace(year=b.year, yoff=b.yoff, moff=b.moff), b, 2)
    return Range(a.start, b.end, a, b._replace(year=a.year, yoff=a.yoff, moff=a.moff), 1)


Resolved = tuple[dt.date | None, dt.date | None, DatePrecision, bool, bool]
"""What a mention says besides its text and span: first, last, precision, relative, lunar."""

# What each item resolves to against each reference, by the item's fields
# without its offsets: a page names the same few dates (今年, 上半年, the
# page date) again and again, and pages of one day share their reference.
# Resolution is pure, so the table is only a memo; it is emptied when full.
_RESOLVED: Final[dict[tuple[object, dt.date | None], Resolved]] = {}
_RESOLVED_MAX: Final = 4096


def _resolved(item: Item, ref: dt.date | None) -> Resolved:
    """What ``item`` says against ``ref``: its days, precision, and whether relative or lunar.

    >>> from newsparse.figures.date_resolve import Atom, Kind
    >>> _resolved(Atom(0, 5, Kind.DAY, 7, 29), dt.date(2019, 7, 30))[:3]
    (datetime.date(2019, 7, 29), datetime.date(2019, 7, 29), <DatePrecision.DAY: 'day'>)
    """
    if isinstance(item, Range):
        key: object = (item.a[2:], item.b[2:], item.inherit)
    else:
        key = item[2:]  # (the fields after the offsets)
    found = _RESOLVED.get((key, ref))
    if found is None:
        found = _resolve_item(item, ref)
        if len(_RESOLVED) >= _RESOLVED_MAX:
            _RESOLVED.clear()
        _RESOLVED[key, ref] = found
    return found


def _resolve_item(item: Item, ref: dt.date | None) -> Resolved:
    if isinstance(item, Range):
        precision = DatePrecision.RANGE
        relative = item.a.year is None or item.b.year is None
        lunar = False
    else:
        precision = item.precision
        relative = item.year is None
        lunar = item.kind is Kind.LUNAR
    try:
        found = resolve_range(item, ref) if isinstance(item, Range) else resolve(item, ref)
    except (ValueError, OverflowError):  # a reference at the ends of the calendar
        found = None
    first, last = found if found is not None else (None, None)
    return first, last, precision, relative, lunar


_GLUE: Final = regex.compile(r"[ （(，,、]*+")


def _check_reference(reference: object) -> dt.date | None:
    if reference is None:
        return None
    if isinstance(reference, dt.datetime):
        return reference.date()
    if isinstance(reference, dt.date):
        return reference
    raise TypeError(f"reference must be a datetime.date or None, not {type(reference).__name__}")


@str_argument("text")
def extract_dates(text: str, reference: dt.date | None = None) -> list[DateMention]:
    """Find the date mentions of ``text`` and resolve them against ``reference``.

    ``reference`` is the page date. Mentions that need it (``今年``,
    ``7月29日``, ``上半年``, lunar dates without a year) are resolved against
    it with ``dateutil.relativedelta.relativedelta``:

    - ``今年``/``去年``/``明年``/``前年`` and ``本月``/``上月``/``下月``,
      ``今天``/``昨天``/``前天``/``明天`` shift the reference;
    - a month, month-day or month range without a year (``7月29日``,
      ``“6·27”``, ``1至5月份``) takes the reference's year, or the year
      before when that would put it more than six months after the
      reference (a January page's ``12月28日`` is last December);
    - ``上半年``, ``一季度``, ``年初`` without a year are this year's;
    - a day alone (``29日,``) is the nearest such day to the reference;
    - a lunar date without a year (``腊月二十一``) is the occurrence nearest
      to the reference, or, printed in parentheses after a Gregorian date
      (``1月12日(农历腊月二十一)``), the occurrence nearest to that date.

    Without a reference those mentions keep their span and precision, with
    ``value``, ``first`` and ``last`` None. Offsets index ``text`` itself.

    >>> import datetime as dt
    >>> ref = dt.date(2023, 1, 15)
    >>> for m in extract_dates("1月12日(农历腊月二十一),2016年至2018年", ref):
    ...     print(m.text, m.first, m.last, m.precision.name, m.relative, m.lunar)
    1月12日 2023-01-12 2023-01-12 DAY True False
    农历腊月二十一 2023-01-12 2023-01-12 DAY True True
    2016年至2018年 2016-01-01 2018-12-31 RANGE False False
    >>> [str(m.value) for m in extract_dates("1月12日(农历腊月二十一)", dt.date(2023, 8, 1))]
    ['2023-01-12', '2023-01-12']
    >>> [m.value for m in extract_dates("今年的“6·27”")]
    [None, None]
    >>> extract_dates(b"2019")
    Traceback (most recent call last):
    ...
    TypeError: extract_dates() argument 'text' must be str, not bytes
    """
    return _mentions(text, _scan(text), _check_reference(reference))


DateFields = tuple[str, int, int, dt.date | None, dt.date | None, DatePrecision, bool, bool]
"""A mention as a plain tuple: text, start, end, first, last, precision, relative, lunar.

``DateMention(text, Span(start, end), first, first, last, precision, relative, lunar)``
is the mention (``date_fields_of`` gives these, for a caller that moves the
mentions to other spans before it builds them).
"""


def _fields(text: str, items: list[Item], ref: dt.date | None) -> list[DateFields]:
    """The mentions of ``items`` (scanned from ``text``) resolved against ``ref``, as tuples."""
    out: list[DateFields] = []
    last_day: dt.date | None = None  # the day the text mentioned last
    # the mention before: where it ends, and its day when it names one (not lunar)
    prev_end = -1
    prev_day: dt.date | None = None
    day, anchored, memo = DatePrecision.DAY, Kind.ANCHORED, _RESOLVED.get
    for item in items:
        start, end = item.start, item.end
        kind = item[2]  # (a Range's third field is an Atom, never a Kind)
        # 当天, 次日: from the day mentioned last, or the reference
        basis = (last_day or ref) if kind is anchored else ref
        # (the memo, looked up here: most items are found in it)
        key = (item[2:], basis) if kind.__class__ is Kind else None
        found = memo(key) if key is not None else None
        if found is None:
            found = _resolved(item, basis)
        first, last, precision, relative, lunar = found
        if lunar and prev_day is not None and _GLUE.fullmatch(text, prev_end, start):
            # 1月12日(农历腊月二十一): the lunar date names the same day as the one before
            first, last, precision, relative, lunar = _resolved(item, prev_day)
        if precision is day and first is not None:
            last_day = first
        prev_end = end
        prev_day = first if precision is day and not lunar else None
        out.append((text[start:end], start, end, first, last, precision, relative, lunar))
    return out


def _mentions(text: str, items: list[Item], ref: dt.date | None) -> list[DateMention]:
    return [
        DateMention(t, Span(s, e), first, first, last, precision, relative, lunar)
        for t, s, e, first, last, precision, relative, lunar in _fields(text, items, ref)
    ]


def infer_reference(source: str | Iterable[DateMention]) -> dt.date | None:
    """Guess the page date from the explicit dates of a page (None if it has none).

    ``source`` is the page text or mentions already extracted from it. The
    rule, in order:

    1. the year: the most frequent year among explicit full dates
       (``2019年7月29日``); if there are none, the most frequent year among
       every other mention that writes its year (``2019年``, ``2018年10月``,
       ``2019年末``; ranges like ``2016年至2018年`` are history and do not
       count); ties go to the later year;
    2. the day: the latest of the full dates in that year and of the
       month-day mentions without a year (``7月30日``, ``“6·27”``) placed in
       it; with none, 31 December of that year, so that every month-day of
       the page resolves into the inferred year.

    >>> infer_reference("2018年,2019年上半年,2019年末,7月24日,7月30日")
    datetime.date(2019, 7, 30)
    >>> infer_reference("2016年至2018年")
    >>> infer_reference("今年")
    """
    if isinstance(source, str):
        items = _scan(source)
    else:
        items = [item for m in source for item in _scan(m.text)]
    return _infer(items)


def extract_dates_of(
    texts: Sequence[str], reference: dt.date | None = None
) -> tuple[dt.date | None, list[list[DateMention]]]:
    """Date mentions of several texts of one page, with the page date.

    Each text is scanned once. Without ``reference`` the page date is
    inferred from all the texts together (as [`infer_reference()`][newsparse.infer_reference] does)
    and every mention is resolved against it. Returns the reference used
    and the mentions of each text.

    >>> ref, found = extract_dates_of(["2019年7月29日召开大会。", "今年上半年"])
    >>> ref, [[m.first.isoformat() for m in ms] for ms in found]
    (datetime.date(2019, 7, 29), [['2019-07-29'], ['2019-01-01']])
    """
    ref, fields = date_fields_of(texts, reference)
    return ref, [
        [
            DateMention(t, Span(s, e), first, first, last, precision, relative, lunar)
            for t, s, e, first, last, precision, relative, lunar in found
        ]
        for found in fields
    ]


def date_fields_of(
    texts: Sequence[str], reference: dt.date | None = None
) -> tuple[dt.date | None, list[list[DateFields]]]:
    """``extract_dates_of``, each mention as its ``DateFields`` tuple (no object built).

    For a caller that places the mentions elsewhere (``parse_page`` moves
    them to spans of the input) and builds each ``DateMention`` once, there.

    >>> date_fields_of(["2019年7月29日"])  # doctest: +NORMALIZE_WHITESPACE
    (datetime.date(2019, 7, 29), [[('2019年7月29日', 0, 10, datetime.date(2019, 7, 29),
      datetime.date(2019, 7, 29), <DatePrecision.DAY: 'day'>, False, False)]])
    """
    scans = [_scan(t) for t in texts]
    ref = _check_reference(reference)
    if ref is None:
        ref = _infer([item for scan in scans for item in scan])
    return ref, [_fields(t, scan, ref) for t, scan in zip(texts, scans, strict=True)]


def _infer(items: Sequence[Item]) -> dt.date | None:
    """The page date ``infer_reference`` gives for the scanned ``items``.

    Two passes over the atoms and no list or ``Counter`` between: the years
    of the full dates and of the other atoms are counted together.

    >>> from newsparse.figures.date_resolve import Atom, Kind
    >>> _infer([Atom(0, 5, Kind.YEAR, year=2018), Atom(6, 11, Kind.DAY, 7, 30)])
    datetime.date(2018, 7, 30)
    """
    day, lunar = Kind.DAY, Kind.LUNAR
    full: dict[int, int] = {}  # years of the full dates (2019年7月29日), counted
    other: dict[int, int] = {}  # years of the other atoms that write one
    any_full = False
    for x in items:
        if x.__class__ is not Atom:
            continue
        year, kind = x[6], x[2]  # (year, kind: fields read without a descriptor)
        if kind is day and year is not None:
            any_full = True
            if year:
                full[year] = full.get(year, 0) + 1
        if year and kind is not lunar:
            other[year] = other.get(year, 0) + 1
    counts = full if any_full else other
    if not counts:
        return None
    # the most frequent year; a tie goes to the later one
    year = max(zip(counts.values(), counts.keys(), strict=True))[1]
    found: dt.date | None = None
    for x in items:
        if x.__class__ is not Atom or x.kind is not day:
            continue
        # a full date of that year, or a month-day placed in it
        if (x.year == year) if x.year is not None else not x.has_basis:
            d = safe_date(year, x.a, x.b)
            if d is not None and (found is None or d > found):
                found = d
    return found if found is not None else dt.date(year, 12, 31)
