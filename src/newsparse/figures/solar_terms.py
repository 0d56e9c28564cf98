"""The 24 solar terms (节气), computed from the Sun's apparent longitude.

A solar term begins when the Sun's apparent ecliptic longitude reaches a
multiple of 15° (春分 0°, 清明 15°, ..., 小寒 285°). The longitude comes from
the low-precision solar position of J. Meeus, *Astronomical Algorithms*
(2nd ed., chapter 25: mean longitude, equation of the centre, nutation and
aberration), good to about 0.01°, that is a quarter of an hour: the day of
the term, in China Standard Time (UTC+8), is right except when the instant
falls within minutes of midnight. No table of years: any year works.

>>> solar_term(2024, 6)  # 清明 2024
datetime.date(2024, 4, 4)
>>> solar_term(2023, 23)  # 冬至 2023
datetime.date(2023, 12, 22)
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Final

__all__ = ["solar_term"]

_J2000: Final = 2451545.0  # Julian day of 2000-01-01 12:00 TT
_UNIX_JD: Final = 2440587.5  # Julian day of 1970-01-01 00:00 UTC
_TROPICAL_YEAR: Final = 365.2422
_CST: Final = 8 / 24  # China Standard Time, in days after UTC


def _apparent_longitude(jd: float) -> float:
    """The Sun's apparent ecliptic longitude in degrees (Meeus, chapter 25, low precision)."""
    t = (jd - _J2000) / 36525
    l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t
    m = math.radians(357.52911 + 35999.05029 * t - 0.0001537 * t * t)
    centre = (
        (1.914602 - 0.004817 * t - 0.000014 * t * t) * math.sin(m)
        + (0.019993 - 0.000101 * t) * math.sin(2 * m)
        + 0.000289 * math.sin(3 * m)
    )
    omega = math.radians(125.04 - 1934.136 * t)
    return (l0 + centre - 0.00569 - 0.00478 * math.sin(omega)) % 360


def _julian_day(day: dt.date) -> float:
    return _UNIX_JD + (day - dt.date(1970, 1, 1)).days


def solar_term(year: int, index: int) -> dt.date:
    """The day (China Standard Time) solar term ``index`` of ``year`` begins; 小寒 is 0, 冬至 23.

    The terms of a Gregorian year run from 小寒 (early January, 285°) to
    冬至 (December, 270°), fifteen degrees apart.

    >>> solar_term(2024, 2), solar_term(2024, 11)  # 立春, 夏至
    (datetime.date(2024, 2, 4), datetime.date(2024, 6, 21))
    """
    target = (285 + 15 * index) % 360
    jd = _julian_day(dt.date(year, 1, 6)) + index * _TROPICAL_YEAR / 24
    for _ in range(6):  # Newton steps on a longitude that moves about a degree a day
        error = (target - _apparent_longitude(jd) + 180) % 360 - 180
        jd += error * _TROPICAL_YEAR / 360
        if abs(error) < 1e-6:
            break
    return dt.date(1970, 1, 1) + dt.timedelta(days=math.floor(jd + _CST - _UNIX_JD))
