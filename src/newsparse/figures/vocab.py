"""Word lists of the figures: data only, no logic.

Numeral characters, unit and measure words that have context rules,
approximation words, date words: each list is documented with what it
stands for, and the modules of [`newsparse.figures`][newsparse.figures] import them from
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

_TERMS = (
    "小寒大寒立春雨水惊蛰春分清明谷雨立夏小满芒种夏至"
    "小暑大暑立秋处暑白露秋分寒露霜降立冬小雪大雪冬至"
)

FESTIVALS: dict[str, tuple[str, int, int]] = {
    # lunar festivals: (calendar "lunar", month, day); day 0 is the last day of the year
    "春节": ("lunar", 1, 1),
    "除夕": ("lunar", 12, 0),
    "元宵节": ("lunar", 1, 15),
    "元宵": ("lunar", 1, 15),
    "端午节": ("lunar", 5, 5),
    "端午": ("lunar", 5, 5),
    "七夕节": ("lunar", 7, 7),
    "七夕": ("lunar", 7, 7),
    "中元节": ("lunar", 7, 15),
    "中秋节": ("lunar", 8, 15),
    "中秋": ("lunar", 8, 15),
    "重阳节": ("lunar", 9, 9),
    "重阳": ("lunar", 9, 9),
    "腊八节": ("lunar", 12, 8),
    "腊八": ("lunar", 12, 8),
    "小年": ("lunar", 12, 23),
    # civic days: (calendar "solar", month, day)
    "元旦": ("solar", 1, 1),
    "情人节": ("solar", 2, 14),
    "妇女节": ("solar", 3, 8),
    "三八妇女节": ("solar", 3, 8),
    "植树节": ("solar", 3, 12),
    "劳动节": ("solar", 5, 1),
    "五一劳动节": ("solar", 5, 1),
    "五一": ("solar", 5, 1),
    "青年节": ("solar", 5, 4),
    "五四青年节": ("solar", 5, 4),
    "儿童节": ("solar", 6, 1),
    "六一儿童节": ("solar", 6, 1),
    "建党节": ("solar", 7, 1),
    "七一": ("solar", 7, 1),
    "建军节": ("solar", 8, 1),
    "八一建军节": ("solar", 8, 1),
    "八一": ("solar", 8, 1),
    "教师节": ("solar", 9, 10),
    "国庆节": ("solar", 10, 1),
    "国庆": ("solar", 10, 1),
    "十一": ("solar", 10, 1),
    "万圣节": ("solar", 10, 31),
    "平安夜": ("solar", 12, 24),
    "圣诞节": ("solar", 12, 25),
    "圣诞": ("solar", 12, 25),
    # days fixed by a weekday: (calendar "weekday", month, n * 10 + weekday), Monday 0
    "母亲节": ("weekday", 5, 2 * 10 + 6),  # second Sunday of May
    "父亲节": ("weekday", 6, 3 * 10 + 6),  # third Sunday of June
    "感恩节": ("weekday", 11, 4 * 10 + 3),  # fourth Thursday of November
    # solar terms: (calendar "term", index from 小寒 0, 0); 清明 is the fifth of spring
    **{
        name: ("term", i, 0)
        for i, name in enumerate(
            _TERMS[k : k + 2]
            for k in range(0, len(_TERMS), 2)  # (every name has two characters)
        )
    },
    "清明节": ("term", 6, 0),
}
"""Festivals and solar terms by name, and how each is placed in a year.

Lunar ones are converted with the lunar calendar; civic days are fixed
Gregorian days; 母亲节, 父亲节, 感恩节 are the n-th weekday of a month; the
24 solar terms (节气) are computed from the Sun's apparent longitude."""

_NEEDY = (
    "五一七一八一十一国庆元宵端午中秋重阳七夕腊八小年圣诞雨水小满小暑大暑白露小雪大雪清明寒露谷雨"
)
FESTIVAL_NEEDS_CONTEXT = frozenset(_NEEDY[k : k + 2] for k in range(0, len(_NEEDY), 2))
"""Festival names that are also other words (十一 is eleven, 大雪 heavy snow, 清明
clear-minded): dates only before a holiday word, after a year, or in quotes."""

HOLIDAY_WORDS = ("小长假", "黄金周", "长假", "假期", "期间", "前后", "假日")
"""Words after a festival that make the mention its holiday period (国庆假期, 春节期间)."""

FESTIVAL_CONTEXT_AFTER = (
    *HOLIDAY_WORDS,
    "前夕",
    "当天",
    "当日",
    "这天",
    "那天",
    "节",
    "时节",
    "之际",
    "来临",
    "到来",
    "将至",
    "临近",
    "过后",
    "以来",
    "后",
    "前",
    "档",
    "节气",
)
"""Words after a festival name that need context (十一, 大雪) that make it a date."""

WEEKDAYS: dict[str, int] = {
    "一": 0,
    "二": 1,
    "三": 2,
    "四": 3,
    "五": 4,
    "六": 5,
    "日": 6,
    "天": 6,
    "末": 7,
}
"""Weekday characters after 周/星期/礼拜, Monday 0; 末 (周末) is the weekend, 7."""

WEEK_SHIFTS: dict[str, int] = {
    "上上": -2,
    "上上个": -2,
    "上": -1,
    "上个": -1,
    "上一个": -1,
    "本": 0,
    "这": 0,
    "这个": 0,
    "这一": 0,
    "下": 1,
    "下个": 1,
    "下一个": 1,
    "下下": 2,
    "下下个": 2,
    "下下下": 3,
    "下下下个": 3,
}
"""Words before 周/月/季度 that shift it from the reference's (上周 -1, 下下周 2)."""

MORE_REL_DAYS: dict[str, int] = {
    "大前天": -3,
    "前日": -2,
    "本日": 0,
    "后天": 2,
    "大后天": 3,
    "大大后天": 4,
    "大大前天": -4,
    "今夜": 0,
    "明晨": 1,
    "明晚": 1,
}
"""Days named from the reference day besides ``REL_DAYS`` (后天, 大后天, 前日)."""

ANCHORED_DAYS: dict[str, int] = {
    "当天": 0,
    "当日": 0,
    "次日": 1,
    "翌日": 1,
    "隔日": 1,
    "前一天": -1,
    "第二天": 1,
}
"""Days named from the date the text mentioned last (or the reference): 当天, 次日."""

MORE_REL_YEARS: dict[str, int] = {
    "后年": 2,
    "大前年": -3,
    "大后年": 3,
    "上一年": -1,
    "这一年": 0,
    "下一年": 1,
}
"""Years named from the reference's besides ``REL_YEARS``."""
