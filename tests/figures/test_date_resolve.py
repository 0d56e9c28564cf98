"""Table tests of date resolution: each kind's days in a year, and against a reference."""

from __future__ import annotations

import datetime as dt

import pytest

from newsparse.figures.date_resolve import Atom, Kind, Range, resolve, resolve_range
from newsparse.model import DatePrecision

D = dt.date
REF = D(2019, 7, 30)

# kind, a, b: the days of 2019 it covers
IN_2019 = [
    (Kind.YEAR, 0, 0, D(2019, 1, 1), D(2019, 12, 31)),
    (Kind.YBOUND, 0, 0, D(2019, 1, 1), D(2019, 1, 1)),
    (Kind.YBOUND, 1, 0, D(2019, 12, 31), D(2019, 12, 31)),
    (Kind.HALF, 2, 0, D(2019, 7, 1), D(2019, 12, 31)),
    (Kind.QUARTER, 3, 0, D(2019, 7, 1), D(2019, 9, 30)),
    (Kind.QEND, 1, 0, D(2019, 3, 31), D(2019, 3, 31)),
    (Kind.QUARTERS, 3, 0, D(2019, 1, 1), D(2019, 9, 30)),
    (Kind.SEASON, 4, 0, D(2019, 12, 1), D(2020, 2, 29)),
    (Kind.MONTH, 2, 0, D(2019, 2, 1), D(2019, 2, 28)),
    (Kind.XUN, 2, 3, D(2019, 2, 21), D(2019, 2, 28)),
    (Kind.XUN, 2, 2, D(2019, 2, 11), D(2019, 2, 20)),
    (Kind.MBOUND, 2, 1, D(2019, 2, 28), D(2019, 2, 28)),
    (Kind.DAY, 7, 29, D(2019, 7, 29), D(2019, 7, 29)),
    (Kind.LUNAR, 1, 1, D(2019, 2, 5), D(2019, 2, 5)),
    (Kind.LUNAR, 12, 0, D(2020, 1, 24), D(2020, 1, 24)),
]


@pytest.mark.parametrize(("kind", "a", "b", "first", "last"), IN_2019)
def test_kind_in_a_written_year(kind, a, b, first, last):
    assert resolve(Atom(0, 1, kind, a, b, year=2019), None) == (first, last)


@pytest.mark.parametrize("kind", list(Kind))
def test_every_kind_has_a_precision(kind):
    assert isinstance(kind.precision, DatePrecision)


def test_impossible_day_is_none():
    assert resolve(Atom(0, 1, Kind.DAY, 2, 30, year=2019), None) is None


@pytest.mark.parametrize(
    ("atom", "first", "last"),
    [
        (Atom(0, 1, Kind.MONTH, 12), D(2019, 12, 1), D(2019, 12, 31)),
        (Atom(0, 1, Kind.MONTH, 0, moff=-1), D(2019, 6, 1), D(2019, 6, 30)),
        (Atom(0, 1, Kind.RELDAY, -2), D(2019, 7, 28), D(2019, 7, 28)),
        (Atom(0, 1, Kind.DAYONLY, 0, 31), D(2019, 7, 31), D(2019, 7, 31)),
        (Atom(0, 1, Kind.YEAR, yoff=-1), D(2018, 1, 1), D(2018, 12, 31)),
    ],
)
def test_against_the_reference(atom, first, last):
    assert resolve(atom, REF) == (first, last)
    assert resolve(atom, None) is None


def test_month_more_than_six_months_ahead_is_last_years():
    assert resolve(Atom(0, 1, Kind.MONTH, 12), D(2019, 1, 5)) == (D(2018, 12, 1), D(2018, 12, 31))


def test_vague_is_never_resolved():
    assert resolve(Atom(0, 1, Kind.VAGUE), REF) is None


def test_range_end_takes_the_next_year_when_it_would_fall_before_the_start():
    rng = Range(0, 1, Atom(0, 1, Kind.MONTH, 11, year=2019), Atom(0, 1, Kind.MONTH, 2, year=2019))
    assert resolve_range(rng, None) == (D(2019, 11, 1), D(2020, 2, 29))


def test_range_whose_end_is_before_its_start_is_none():
    a, b = Atom(0, 1, Kind.YEAR, year=2019), Atom(0, 1, Kind.YEAR, year=2018)
    assert resolve_range(Range(0, 1, a, b, inherit=0), None) is None
