"""Word lists of the figures: data only, no logic.

Numeral characters, unit and measure words that have context rules,
approximation words, date words: each list is documented with what it
stands for, and the modules of :mod:`newsparse.figures` import them from
here.

>>> isinstance(__all__, list)
True
"""

from __future__ import annotations

__all__ = [
    "CN_DIGITS",
    "DATE_FOLD",
    "DURATION_AFTER",
    "DURATION_BEFORE",
    "MONTH_WORDS",
    "REL_DAYS",
    "REL_YEARS",
    "SEASONS",
]

# ----------------------------------------------------------------------------- numbers

# ----------------------------------------------------------------------------- quantities

# ----------------------------------------------------------------------------- dates

DATE_FOLD: dict[str, str] = {
    **{chr(0xFF10 + i): str(i) for i in range(10)},
    "\uff0e": ".",  # full-width full stop
    "\uff0d": "-",  # full-width hyphen-minus
    "\uff5e": "~",  # full-width tilde
    "\uff0f": "/",  # full-width solidus
    "\u2212": "-",  # minus sign
    **dict(
        zip(
            "臘農曆歷陰閏號後個數幾餘約達過週舊兩萬億這從於來經長當歲間",
            "腊农历历阴闰号后个数几余约达过周旧两万亿这从于来经长当岁间",
            strict=True,
        )
    ),
}
"""Characters the date patterns read as another, one for one (offsets never move):
full-width digits and punctuation, and the traditional forms of the date words."""

REL_YEARS: dict[str, int] = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "明年": 1, "前年": -2}
"""Years named from the reference's: the offset in years."""

REL_DAYS: dict[str, int] = {
    "今天": 0,
    "今日": 0,
    "今晨": 0,
    "今晚": 0,
    "昨天": -1,
    "昨日": -1,
    "昨晚": -1,
    "昨夜": -1,
    "前天": -2,
    "明天": 1,
    "明日": 1,
}
"""Days named from the reference day: the offset in days."""

SEASONS: dict[str, int] = {"春": 1, "夏": 2, "秋": 3, "冬": 4}
"""The seasons' characters, in the order of the year (spring first)."""

CN_DIGITS: dict[str, int] = {"\u3007": 0, "\u25cb": 0, "零": 0, "两": 2} | {
    c: i for i, c in enumerate("一二三四五六七八九", 1)
}
"""Chinese digits as dates write them (years digit by digit: 二〇一九)."""

MONTH_WORDS: dict[str, int] = {"元": 1, "正": 1, "冬": 11, "腊": 12, "卅": 30, "卅一": 31}
"""Month and day numerals that are words: 元月, 正月, 冬月, 腊月, 卅日."""

DURATION_BEFORE = frozenset("近约逾超达过历经长余几数每第")
"""Characters before a bare ``2000年`` that make it a duration (``近2000年``)."""

DURATION_AFTER = ("多", "余", "之久", "左右", "上下", "以上", "历史", "的历史", "代", "间")
"""Words after a bare ``2000年`` that make it a duration (``2000多年``)."""
