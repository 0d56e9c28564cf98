"""Date mentions in Chinese news text, resolved to ``datetime.date``.

[`extract_dates()`][newsparse.extract_dates] finds the dates a reader sees: explicit dates
(``2019年``, ``2018年10月``, ``二〇一九年七月二十九日``, ``2019-07-29``),
dates that need the page date (``7月29日``, ``“6·27”``, ``今年``, ``去年``,
``上半年``, ``一季度``, ``上月``, ``昨天``), periods and ranges
(``2023年1月末``, ``今年6月中旬``, ``1至5月份``, ``2016年至2018年``,
``前三季度``, ``今年夏季``), vague ones (``近日``, ``日前``, ``近期``) and
lunar dates (``农历腊月二十一``, ``正月十五``, ``大年初一``, ``除夕``).
Relative arithmetic uses ``dateutil.relativedelta``; lunar dates are
converted with the ``lunardate`` library (lunar years 1900-2099).

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
import enum
import functools
import re
from collections import Counter
from typing import TYPE_CHECKING, Any

import regex
from attrs import evolve, frozen
from dateutil.relativedelta import relativedelta
from lunardate import LunarDate

from newsparse.model import DateMention, DatePrecision, Span

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = ["DateMention", "DatePrecision", "extract_dates", "extract_dates_of", "infer_reference"]


# --------------------------------------------------------------------------
# Normalization: one character for one character, so offsets never move.

_FOLD = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "\uff0e": ".",  # full-width full stop
        "\uff0d": "-",  # full-width hyphen-minus
        "\uff5e": "~",  # full-width tilde
        "\uff0f": "/",  # full-width solidus
        "\u2212": "-",  # minus sign
        "臘": "腊",
        "農": "农",
        "曆": "历",
        "歷": "历",
        "陰": "阴",
        "閏": "闰",
        "號": "号",
        "後": "后",
        "個": "个",
        "數": "数",
        "幾": "几",
        "餘": "余",
        "約": "约",
        "達": "达",
        "過": "过",
        "週": "周",
        "舊": "旧",
        "兩": "两",
        "萬": "万",
        "億": "亿",
        "這": "这",
        "從": "从",
        "於": "于",
        "來": "来",
        "經": "经",
        "長": "长",
        "當": "当",
        "歲": "岁",
        "間": "间",
    }
)
# (the standard library's engine scans a plain character class twice as fast)
_FOLD_ANY = re.compile("[" + re.escape("".join(chr(c) for c in sorted(_FOLD))) + "]")


def _fold(text: str) -> str:
    """``text`` with _FOLD applied; most pages hold none of its characters."""
    return text if _FOLD_ANY.search(text) is None else text.translate(_FOLD)


# --------------------------------------------------------------------------
# Patterns. One master pattern, scanned once; every alternative names its
# kind (K_...). Repetitions are possessive or inside atomic groups, so the
# scan is linear. ``{NAME}`` stands for the piece of that name below.

_PIECES: dict[str, str] = {
    # characters that glue a numeral to the one before (十二月 is not 二月)
    "NUMB": r"\d.\u3007\u25cb零一二三四五六七八九十百千万亿两几数多",
    "CNDIGIT": r"\u3007\u25cb零一二三四五六七八九",
    "ADAY": r"(?<![\d.])(?:3[01]|[12]\d|0?[1-9])(?!\d)",
    "AMONTH": r"(?<![\d.])(?:1[0-2]|0?[1-9])(?!\d)",
    "EDAY": r"(?:3[01]|[12]\d|0?[1-9])(?!\d)",  # after the dot of “3.15”
    "CNDAY": (
        r"(?>[二三]十[一二三四五六七八九]?+|十[一二三四五六七八九]?+"
        r"|廿[一二三四五六七八九]?+|卅一?+|[一二三四五六七八九])"
    ),
    "LMONTH": r"(?>正|冬|腊|十[一二]?+|[一二三四五六七八九])",
    "LDAY": (
        r"(?>初(?:十|[一二三四五六七八九])|二十[一二三四五六七八九]|三十|二十"
        r"|十[一二三四五六七八九]?+|廿[一二三四五六七八九]?+)"
    ),
    "CONN": r"(?:至|到|[-~\u2013\u2014]{1,2}+)",
    # 初 that starts a word (初步, 初次) or a lunar day (初一) is no boundary
    "NWI": r"(?![一二三四五六七八九十步次级期心中稿选审评赛试见具创始衷])",
    "HAO": r"(?:日|号(?!线|楼|院|令|文|门|码|机|桥|馆|车|位|房|台|仓|站|厂|地块))",
    "DOT": "[\u00b7\u30fb\u2022\u2027\uff65\u2219]",
    "OQ": "[\u201c\"\u300c\u300e\u2018']",
    "CQ": "[\u201d\"\u300d\u300f\u2019']",
}
_PIECES["MONTH"] = "(?:{AMONTH}|(?<![{NUMB}第每半个])(?>十[一二]?+|[一二三四五六七八九元]))"
_PIECES["DAY"] = "(?:{ADAY}|{CNDAY})"
_PIECES["MONTHISH"] = (
    "(?:(?P<m1>{MONTH})月?+{CONN}(?P<m2>{MONTH})月份?+"
    "|(?P<m>{MONTH})月(?P<d1>{DAY})[日号]?+{CONN}(?P<d2>{DAY}){HAO}"
    "|(?P<m>{MONTH})月份?+"
    "(?:(?P<d>{DAY}){HAO}|(?P<xun>[上中下])旬|(?P<mb>初{NWI}|末|底))?+)"
)
_PIECES["PERIOD"] = (
    "(?:(?P<half>[上下])半年"
    "|前(?P<nq>[二两三23])个?+季度"
    r"|(?<![\d.每])第?+(?P<q>[一二三四1-4])季度(?P<qend>末|底)?+)"
)
_PIECES["RELYEAR"] = (
    "(?P<ry>今年|去年|明年|本年|(?<![以马向往路跟])上年(?!轻|纪)|(?<![{NUMB}年之以])前年(?!轻|纪))"
)
_PIECES["YTAIL"] = (
    "(?:{PERIOD}|(?P<season>[春夏秋冬])[季天]|{MONTHISH}|(?P<yb>初{NWI}|末|底)|(?P<du>度))"
)

_ALTERNATIVES = (
    # 2019-07-29, 2019.7.29, 2019/7/29
    (
        r"(?P<K_iso>(?<![\d.])(?P<iy>\d{4})(?P<sep>[-/.])(?P<im>\d{1,2}+)(?P=sep)(?P<id>\d{1,2}+)"
        r"(?!\d|\.\d))"
    ),
    # 2016-2018年, 2016年至2018年
    r"(?P<K_yrange>(?<![\d.])(?P<y1>\d{4})年?+{CONN}(?P<y2>\d{4})(?!\d)年(?P<du>度)?+)",
    # 农历腊月二十一, 正月十五, 八月初五, 大年初一, 除夕
    (
        "(?P<K_lunar>(?P<lp>农历|阴历|夏历|旧历)(?P<leap>闰)?+(?P<lm>{LMONTH}|{AMONTH})月"
        "(?P<ld>{LDAY}|{ADAY})日?+"
        "|(?P<leap>闰)?+(?P<lm>正|冬|腊)月(?P<ld>{LDAY})"
        "|(?P<leap>闰)?+(?<![{NUMB}])(?P<lm>{LMONTH})月(?P<ld>初(?:十|[一二三四五六七八九]))"
        "|大年(?P<ld>初(?:十|[一二三四五六七八九])|三十)"
        "|(?P<eve>除夕))"
    ),
    # 2019年..., 二〇一九年..., 今年..., 去年...
    (
        r"(?P<K_year>(?:(?<![\d.])(?P<y>\d{4})(?!\d)"
        "|(?<![{CNDIGIT}十])(?P<ycn>[{CNDIGIT}]{4}))年(?:{YTAIL})?+"
        "|{RELYEAR}(?:{YTAIL})?+)"
    ),
    # 上半年, 一季度, 前三季度 (this year's)
    "(?P<K_period>{PERIOD})",
    # “6·27”, “6.27”
    (
        "(?P<K_event>(?<={OQ})(?P<em>{MONTH})[.](?P<ed>{EDAY})(?={CQ})"
        "|(?P<em>{AMONTH}){DOT}(?P<ed>{ADAY})(?!{DOT}))"
    ),
    # 7月29日, 1至5月份, 6月中旬, 十二月
    "(?P<K_month>{MONTHISH})",
    # 本月, 上月, 上个月底
    (
        "(?P<K_relm>(?P<rm>本月|上个?+月|下个?+月|这个月)"
        "(?:(?P<d>{DAY}){HAO}|(?P<xun>[上中下])旬|(?P<mb>初{NWI}|末|底))?+)"
    ),
    # 今天, 昨天, ...
    "(?P<K_reld>(?<![提之以向])(?P<rd>今天|昨天|前天|明天|今日|昨日|明日|今晨|今晚|昨晚|昨夜))",
    # 近日, 日前, 近期, 前不久
    (
        "(?P<K_vague>(?<![接靠临邻附贴逼将])近日(?![本元韩方资企语系])"
        "|(?<![{NUMB}廿卅节假生忌诞念作易期止到每当次终同今昨明前平本首吉旧往周末元朝白之])"
        "日前(?![往进行线哨])"
        "|(?<![接靠临逼将附])近期|前不久|不久前)"
    ),
    # 年初, 年底 (this year's)
    "(?P<K_yb>(?<![{NUMB}大新过跨当同次每])年(?P<yb>初{NWI}|末|底))",
    # 29日, (a day of the reference's month, in a dateline-like position)
    (
        r"(?P<K_day>(?<=^|[\s,，。;；:：、!！?？\u201c\"(（\[【至到于在自从]|截至|截止)"
        "(?P<dd>{ADAY}){HAO}(?=[,，、]|上午|中午|下午|傍晚|晚|凌晨|早|起|至|到|前))"
    ),
)


def _expand(pattern: str) -> str:
    """Substitute the ``{NAME}`` pieces (which may hold pieces) until none is left."""
    while "{" in pattern and any("{" + name + "}" in pattern for name in _PIECES):
        for name, piece in _PIECES.items():
            pattern = pattern.replace("{" + name + "}", piece)
    return pattern


# The characters each alternative can start with, in the order of
# _ALTERNATIVES ("0" stands for every digit, that is every character the
# ``regex`` module's ``\d`` matches). A superset is safe (a wrong start only
# fails); tests check that no match is lost against the plain alternation.
_DIGIT = "0"
_STARTS = (
    _DIGIT,  # K_iso
    _DIGIT,  # K_yrange
    "农阴夏旧闰正冬腊十一二三四五六七八九大除",  # K_lunar
    _DIGIT + "\u3007\u25cb零一二三四五六七八九今去明本上前",  # K_year
    _DIGIT + "上下前第一二三四",  # K_period
    _DIGIT + "十一二三四五六七八九元",  # K_event
    _DIGIT + "十一二三四五六七八九元",  # K_month
    "本上下这",  # K_relm
    "今昨前明",  # K_reld
    "近日前不",  # K_vague
    "年",  # K_yb
    _DIGIT,  # K_day
)
# Every alternative also holds one of these anchor characters, and its first
# anchor is at most _LEAD characters after its start (the longest lead is a
# year range such as 2016——2018年, 10 characters before 年).
_ANCHORS = "年月日号季天夕期久晨晚夜\\-/.\u00b7\u30fb\u2022\u2027\uff65\u2219"
_LEAD = 12
_ANCHOR_AT = re.compile(f"[{_ANCHORS}]")  # (a plain class: the standard engine is faster)
_ALTERNATION = "(?:" + "|".join(_expand(p) for p in _ALTERNATIVES) + ")"
_GROUP_NAMES = tuple(regex.compile(_ALTERNATION).groupindex)


def _first_patterns() -> dict[str, regex.Pattern[str]]:
    """For each character a date can start with, the alternatives that can start with it.

    Each pattern keeps the order of _ALTERNATIVES (so the alternative that
    wins is the same) and defines every group name of the whole alternation
    in a branch that never matches, so that ``m.group(name)`` works as on
    the whole alternation. Characters with the same alternatives share one
    compiled pattern.
    """
    by_key: dict[tuple[int, ...], regex.Pattern[str]] = {}
    out: dict[str, regex.Pattern[str]] = {}
    for ch in sorted({c for starts in _STARTS for c in starts}):
        key = tuple(i for i, starts in enumerate(_STARTS) if ch in starts)
        if key not in by_key:
            body = "|".join(_expand(_ALTERNATIVES[i]) for i in key)
            names = regex.compile(body).groupindex
            missing = "".join(f"(?P<{n}>)" for n in _GROUP_NAMES if n not in names)
            by_key[key] = regex.compile(f"(?:{body}|(?!){missing})" if missing else body)
        out[ch] = by_key[key]
    for digit in "123456789":  # (_DIGIT stands for them all)
        out[digit] = out[_DIGIT]
    return out


_BY_FIRST = _first_patterns()
_DIGIT_PATTERN = _BY_FIRST[_DIGIT]
# The positions worth a try (any other decimal digit takes _DIGIT_PATTERN).
_START_AT = regex.compile(
    r"(?<![\d.])\d|[" + regex.escape("".join(sorted(set("".join(_STARTS)) - set(_DIGIT)))) + "]"
)


def _date_matches(folded: str) -> list[regex.Match[str]]:
    """The matches ``regex.compile(_ALTERNATION).finditer(folded)`` gives, found faster.

    A date starts at most ``_LEAD`` characters before an anchor character,
    with a character that one of its alternatives can start with (a digit
    only where no digit or decimal point stands before it: every
    alternative that starts with a digit says so). Only such positions are
    tried, left to right, each from the end of the last match on (as
    ``finditer`` does), and each with only the alternatives its first
    character allows (``_BY_FIRST``): the same matches, without trying a
    dozen alternatives at every position of the page. Linear: the windows
    before the anchors are scanned once each and do not overlap, and every
    pattern is linear (possessive repeats, atomic groups).
    """
    out: list[regex.Match[str]] = []
    end = 0  # where the last match ended
    seen = 0  # positions below this were looked at
    get = _BY_FIRST.get
    starts = _START_AT.finditer
    for anchor in _ANCHOR_AT.finditer(folded):
        a = anchor.start()
        lo = max(seen, end, a - _LEAD)
        if lo > a:
            continue
        for first in starts(folded, lo, a + 1):
            p = first.start()
            if p < end:
                continue
            m = (get(folded[p]) or _DIGIT_PATTERN).match(folded, p)
            if m is not None:
                out.append(m)
                end = m.end()
        seen = a + 1
    return out


_GAP_CONN = regex.compile(_expand("{CONN}"))

_CN_DIGIT_VALUE = {"\u3007": 0, "\u25cb": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4}
_CN_DIGIT_VALUE |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "两": 2}

# Bare years: the context that makes ``2000年`` a duration, not a date.
_DURATION_BEFORE = frozenset("近约逾超达过历经长余几数每第")
_DURATION_AFTER = ("多", "余", "之久", "左右", "上下", "以上", "历史", "的历史", "代", "间")


def _small_number(s: str) -> int:
    """Value of a month/day numeral: ASCII digits or Chinese up to 三十九."""
    if s.isdigit():
        return int(s)
    specials = {"元": 1, "正": 1, "冬": 11, "腊": 12, "卅": 30, "卅一": 31}
    if s in specials:
        return specials[s]
    s = s.removeprefix("初")
    if s[0] == "廿":
        return 20 + (_CN_DIGIT_VALUE[s[1]] if len(s) > 1 else 0)
    if "十" in s:
        tens, _, units = s.partition("十")
        return (_CN_DIGIT_VALUE[tens] if tens else 1) * 10 + (
            _CN_DIGIT_VALUE[units] if units else 0
        )
    return _CN_DIGIT_VALUE[s]


def _year_number(s: str) -> int:
    if s.isdigit():
        return int(s)
    return int("".join(str(_CN_DIGIT_VALUE[c]) for c in s))


# --------------------------------------------------------------------------
# Parsed mentions before resolution.


class _Kind(enum.Enum):
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


_PRECISION = {
    _Kind.YEAR: DatePrecision.YEAR,
    _Kind.YBOUND: DatePrecision.DAY,
    _Kind.HALF: DatePrecision.HALF_YEAR,
    _Kind.QUARTER: DatePrecision.QUARTER,
    _Kind.QEND: DatePrecision.DAY,
    _Kind.QUARTERS: DatePrecision.RANGE,
    _Kind.SEASON: DatePrecision.SEASON,
    _Kind.MONTH: DatePrecision.MONTH,
    _Kind.XUN: DatePrecision.TEN_DAYS,
    _Kind.MBOUND: DatePrecision.DAY,
    _Kind.DAY: DatePrecision.DAY,
    _Kind.DAYONLY: DatePrecision.DAY,
    _Kind.LUNAR: DatePrecision.DAY,
    _Kind.RELDAY: DatePrecision.DAY,
    _Kind.VAGUE: DatePrecision.VAGUE,
}
_WITH_MONTH = frozenset({_Kind.MONTH, _Kind.XUN, _Kind.MBOUND, _Kind.DAY})
_MERGEABLE = frozenset(_PRECISION) - {_Kind.LUNAR, _Kind.RELDAY, _Kind.VAGUE, _Kind.QUARTERS}


@frozen
class _Atom:
    """One date expression: what part of a year, and how the year is known."""

    start: int
    end: int
    kind: _Kind
    a: int = 0
    b: int = 0
    c: int = 0
    year: int | None = None  # written year
    yoff: int | None = None  # 今年 0, 去年 -1, ...
    moff: int | None = None  # 本月 0, 上月 -1, ...

    @property
    def has_basis(self) -> bool:
        return self.year is not None or self.yoff is not None or self.moff is not None


@frozen
class _Range:
    """A written range ``A至B``.

    ``inherit`` is 1 when the end takes its year from the start (or neither
    names one), 2 when the start takes it from the end, 0 when each writes
    its own.
    """

    start: int
    end: int
    a: _Atom
    b: _Atom
    inherit: int = 1


_REL_YEARS = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "明年": 1, "前年": -2}
_REL_DAYS = {"今天": 0, "今日": 0, "今晨": 0, "今晚": 0, "昨天": -1, "昨日": -1, "昨晚": -1}
_REL_DAYS |= {"昨夜": -1, "前天": -2, "明天": 1, "明日": 1}
_SEASONS = {"春": 1, "夏": 2, "秋": 3, "冬": 4}


def _tail(m: regex.Match[str]) -> tuple[_Kind, int, int] | None:
    """Return the part of the year named after a year (or alone); None: the whole year."""
    g = m.group
    if g("half"):
        return _Kind.HALF, 1 if g("half") == "上" else 2, 0
    if g("nq"):
        return _Kind.QUARTERS, _small_number(g("nq").replace("两", "二")), 0
    if g("q"):
        q = _small_number(g("q"))
        return (_Kind.QEND if g("qend") else _Kind.QUARTER), q, 0
    if g("season"):
        return _Kind.SEASON, _SEASONS[g("season")], 0
    if g("yb"):
        return _Kind.YBOUND, 0 if g("yb") == "初" else 1, 0
    return _month_tail(m)


def _month_tail(m: regex.Match[str]) -> tuple[_Kind, int, int] | None:
    if m.group("m") is None:
        return None
    return _month_part(m, _small_number(m.group("m")))


def _month_part(m: regex.Match[str], month: int) -> tuple[_Kind, int, int]:
    """Return what part of ``month`` the match names (month 0: a relative month)."""
    g = m.group
    if g("d"):
        return _Kind.DAY, month, _small_number(g("d"))
    if g("xun"):
        return _Kind.XUN, month, "上中下".index(g("xun")) + 1
    if g("mb"):
        return _Kind.MBOUND, month, 0 if g("mb") == "初" else 1
    return _Kind.MONTH, month, 0


def _is_duration_year(folded: str, m: regex.Match[str]) -> bool:
    """``近2000年``, ``2000多年``: a bare four-digit year that is a duration."""
    start, end = m.span()
    if start > 0 and folded[start - 1] in _DURATION_BEFORE:
        return True
    return folded.startswith(_DURATION_AFTER, end)


def _atoms(m: regex.Match[str], folded: str) -> _Atom | _Range | None:
    """Turn one master match into an atom (or a written range); None to drop it."""
    g = m.group
    start, end = m.span()
    if g("K_iso") is not None:
        month, day = int(g("im")), int(g("id"))
        if not 1 <= month <= 12 or not 1 <= day <= 31:
            return None
        return _Atom(start, end, _Kind.DAY, month, day, year=int(g("iy")))
    if g("K_yrange") is not None:
        y1, y2 = int(g("y1")), int(g("y2"))
        return _Range(
            start,
            end,
            _Atom(start, end, _Kind.YEAR, year=y1),
            _Atom(start, end, _Kind.YEAR, year=y2),
            inherit=0,
        )
    if g("K_lunar") is not None:
        if g("eve"):
            return _Atom(start, end, _Kind.LUNAR, 12, 0)
        lm = _small_number(g("lm")) if g("lm") else 1
        ld_text = g("ld")
        ld = 0 if (g("lm") is None and ld_text == "三十") else _small_number(ld_text)
        if not 1 <= lm <= 12 or ld > 30:
            return None
        return _Atom(start, end, _Kind.LUNAR, lm, ld, 1 if g("leap") else 0)
    if g("K_year") is not None:
        basis: dict[str, int] = {}
        if g("ry"):
            basis["yoff"] = _REL_YEARS[g("ry")]
        else:
            year = _year_number(g("y") or g("ycn"))
            if not 1000 <= year <= 2999:
                return None
            basis["year"] = year
        return _with_tail(m, start, end, basis, folded)
    if g("K_period") is not None:
        tail = _tail(m)
        if tail is None:  # pragma: no cover - the pattern always names a part
            return None
        return _Atom(start, end, tail[0], tail[1], tail[2], yoff=0)
    if g("K_event") is not None:
        return _Atom(start, end, _Kind.DAY, _small_number(g("em")), _small_number(g("ed")))
    if g("K_month") is not None:
        return _with_tail(m, start, end, {}, folded)
    if g("K_relm") is not None:
        moff = {"本": 0, "这": 0, "上": -1, "下": 1}[g("rm")[0]]
        kind, _, b = _month_part(m, 0)
        return _Atom(start, end, kind, 0, b, moff=moff)
    if g("K_reld") is not None:
        return _Atom(start, end, _Kind.RELDAY, _REL_DAYS[g("rd")])
    if g("K_vague") is not None:
        return _Atom(start, end, _Kind.VAGUE)
    if g("K_yb") is not None:
        return _Atom(start, end, _Kind.YBOUND, 0 if g("yb") == "初" else 1, yoff=0)
    return _Atom(start, end, _Kind.DAYONLY, 0, int(g("dd")))


def _with_tail(
    m: regex.Match[str], start: int, end: int, basis: dict[str, int], folded: str
) -> _Atom | _Range | None:
    g = m.group
    if g("m1") is not None:  # 1至5月份
        m1, m2 = _small_number(g("m1")), _small_number(g("m2"))
        return _Range(
            start,
            end,
            _Atom(start, end, _Kind.MONTH, m1, **basis),
            _Atom(start, end, _Kind.MONTH, m2, **basis),
        )
    if g("d1") is not None:  # 7月29日至31日
        month = _small_number(g("m"))
        d1, d2 = _small_number(g("d1")), _small_number(g("d2"))
        if d1 > 31 or d2 > 31:
            return None
        return _Range(
            start,
            end,
            _Atom(start, end, _Kind.DAY, month, d1, **basis),
            _Atom(start, end, _Kind.DAY, month, d2, **basis),
        )
    tail = _tail(m)
    if tail is None:
        bare = "year" in basis and g("y") is not None and not g("du")
        if bare and (not 1800 <= basis["year"] <= 2199 or _is_duration_year(folded, m)):
            return None
        return _Atom(start, end, _Kind.YEAR, **basis)
    kind, a, b = tail
    if kind is _Kind.DAY and b > 31:
        return None
    return _Atom(start, end, kind, a, b, **basis)


def _scan(text: str) -> list[_Atom | _Range]:
    """All date expressions of ``text``, written ranges joined, in order."""
    folded = _fold(text)
    items: list[_Atom | _Range] = []
    for m in _date_matches(folded):
        item = _atoms(m, folded)
        if item is None:
            continue
        prev = items[-1] if items else None
        if (
            isinstance(item, _Atom)
            and isinstance(prev, _Atom)
            and prev.kind in _MERGEABLE
            and item.kind in _MERGEABLE
            and _GAP_CONN.fullmatch(folded, prev.end, item.start)
        ):
            items[-1] = _join(prev, item)
            continue
        items.append(item)
    return items


def _join(a: _Atom, b: _Atom) -> _Range:
    """Join ``A至B``: the end takes the year and month its start names, or back."""
    if b.kind is _Kind.DAYONLY and a.kind in _WITH_MONTH:
        b = evolve(b, kind=_Kind.DAY, a=a.a)
    if a.has_basis and b.has_basis:
        return _Range(a.start, b.end, a, b, inherit=0)
    if b.has_basis:
        return _Range(a.start, b.end, evolve(a, year=b.year, yoff=b.yoff, moff=b.moff), b, 2)
    return _Range(a.start, b.end, a, evolve(b, year=a.year, yoff=a.yoff, moff=a.moff), 1)


# --------------------------------------------------------------------------
# Resolution.

_Interval = tuple[dt.date, dt.date]


_DAY = dt.timedelta(days=1)


def _month_start(year: int, month: int) -> dt.date:
    """The first day of a month counted from January of ``year`` (13 is next January)."""
    carry, index = divmod(month - 1, 12)
    return dt.date(year + carry, index + 1, 1)


def _months(year: int, month: int, count: int) -> _Interval:
    """The days of ``count`` months from ``month`` of ``year`` on."""
    return _month_start(year, month), _month_start(year, month + count) - _DAY


def _month_interval(year: int, month: int) -> _Interval:
    first = dt.date(year, month, 1)  # ValueError for a month that does not exist
    return first, _month_start(year, month + 1) - _DAY


def _interval(kind: _Kind, a: int, b: int, year: int) -> _Interval | None:
    """Return the days that part of ``year`` covers; None for an impossible date."""
    if not dt.MINYEAR < year < dt.MAXYEAR:
        return None
    if kind is _Kind.YEAR:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if kind is _Kind.YBOUND:
        day = dt.date(year, 1, 1) if a == 0 else dt.date(year, 12, 31)
        return day, day
    if kind is _Kind.HALF:
        return _months(year, 6 * a - 5, 6)
    if kind in {_Kind.QUARTER, _Kind.QEND, _Kind.QUARTERS}:
        first, last = _months(year, 3 * a - 2, 3)
        if kind is _Kind.QEND:
            return last, last
        return (dt.date(year, 1, 1) if kind is _Kind.QUARTERS else first), last
    if kind is _Kind.SEASON:  # spring is March to May; winter ends in February
        return _months(year, 3 * a, 3)
    first, last = _month_interval(year, a)
    if kind is _Kind.XUN:
        return first + 10 * (b - 1) * _DAY, (last if b == 3 else first + (10 * b - 1) * _DAY)
    if kind is _Kind.MBOUND:
        return (first, first) if b == 0 else (last, last)
    if kind is _Kind.DAY:
        try:
            day = dt.date(year, a, b)
        except ValueError:
            return None
        return day, day
    return first, last


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
_LUNAR_SPAN = (dt.date(1900, 1, 31), dt.date(2099, 12, 31))


def _lunar_year_of(day: dt.date) -> int | None:
    if not _LUNAR_SPAN[0] <= day <= _LUNAR_SPAN[1]:
        return None
    convert = getattr(LunarDate, "from_solar_date", None) or LunarDate.fromSolarDate
    try:
        return int(convert(day.year, day.month, day.day).year)
    except (ValueError, IndexError):
        return None


def _point(day: dt.date | None) -> _Interval | None:
    return None if day is None else (day, day)


def _nearest(candidates: Iterable[dt.date | None], ref: dt.date) -> dt.date | None:
    valid = [d for d in candidates if d is not None]
    if not valid:
        return None
    return min(valid, key=lambda d: (abs((d - ref).days), d))


@functools.lru_cache(maxsize=1024)
def _shifted(ref: dt.date, *, years: int = 0, months: int = 0, days: int = 0) -> dt.date:
    """``ref + relativedelta(...)``, remembered: a page asks for the same few shifts of its date."""
    return ref + relativedelta(years=years, months=months, days=days)


def _resolve(atom: _Atom, ref: dt.date | None, year: int | None = None) -> _Interval | None:
    """Resolve an atom against the reference date (or into a given year)."""
    kind = atom.kind
    if kind is _Kind.VAGUE:
        return None
    month = atom.a
    if year is None or atom.moff is not None:
        year = atom.year
    if year is None:
        if ref is None:
            return None
        if kind is _Kind.RELDAY:
            return _point(_shifted(ref, days=atom.a))
        if kind is _Kind.LUNAR:
            return _resolve_lunar(atom, ref)
        if kind is _Kind.DAYONLY:
            anchors = (_shifted(ref, months=k) for k in (-1, 0, 1))
            return _point(_nearest((_safe_date(d.year, d.month, atom.b) for d in anchors), ref))
        if atom.moff is not None:
            shifted = _shifted(ref, months=atom.moff)
            year, month = shifted.year, shifted.month
        elif atom.yoff is not None:
            year = _shifted(ref, years=atom.yoff).year
        else:
            year = ref.year
            if kind in _WITH_MONTH:
                found = _interval(kind, month, atom.b, year)
                if found is not None and found[0] > _shifted(ref, months=6):
                    year -= 1
    if kind is _Kind.LUNAR:
        day = _lunar_to_solar(year, atom.a, atom.b, atom.c)
        return _point(day)
    if kind is _Kind.DAYONLY:
        return None
    return _interval(kind, month, atom.b, year)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _resolve_lunar(atom: _Atom, ref: dt.date) -> _Interval | None:
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
    nearest = _nearest(approx, ref)
    if nearest is None:
        return None
    return _point(_lunar_to_solar(approx[nearest], month, day, leap))


def _resolve_range(rng: _Range, ref: dt.date | None) -> _Interval | None:
    a, b = rng.a, rng.b
    if rng.inherit == 2:
        last = _resolve(b, ref)
        first = None if last is None else _resolve_into(a, ref, last[1].year, -1, last[1])
    else:
        first = _resolve(a, ref)
        if first is None:
            return None
        last = (
            _resolve(b, ref)
            if rng.inherit == 0
            else _resolve_into(b, ref, first[0].year, 1, first[0])
        )
    if first is None or last is None or last[1] < first[0]:
        return None
    return first[0], last[1]


def _resolve_into(
    atom: _Atom, ref: dt.date | None, year: int, step: int, bound: dt.date
) -> _Interval | None:
    """Resolve the end of a range that shares the other end's year.

    ``12月至3月``: when the end would fall on the wrong side of ``bound``, it
    belongs to the next year (``step`` 1) or the start to the year before
    (``step`` -1). A relative month keeps its own arithmetic.
    """
    if atom.moff is not None:
        return _resolve(atom, ref)
    if atom.kind is _Kind.DAYONLY:  # 29日至31日: the start's month, or the next
        month = bound + relativedelta(day=1)
        day = _safe_date(month.year, month.month, atom.b)
        if day is None or day < bound:
            month += relativedelta(months=1)
            day = _safe_date(month.year, month.month, atom.b)
        return _point(day)
    found = _resolve(atom, ref, year)
    if found is not None and (found[1] < bound if step > 0 else found[0] > bound):
        found = _resolve(atom, ref, year + step)
    return found


def _mention(text: str, item: _Atom | _Range, ref: dt.date | None) -> DateMention:
    if isinstance(item, _Range):
        precision = DatePrecision.RANGE
        relative = item.a.year is None or item.b.year is None
        lunar = False
    else:
        precision = _PRECISION[item.kind]
        relative = item.year is None
        lunar = item.kind is _Kind.LUNAR
    try:
        found = _resolve_range(item, ref) if isinstance(item, _Range) else _resolve(item, ref)
    except (ValueError, OverflowError):  # a reference at the ends of the calendar
        found = None
    first, last = found if found is not None else (None, None)
    return DateMention(
        text=text[item.start : item.end],
        span=Span(item.start, item.end),
        value=first,
        first=first,
        last=last,
        precision=precision,
        relative=relative,
        lunar=lunar,
    )


_GLUE = regex.compile(r"[ （(，,、]*+")


def _check_reference(reference: object) -> dt.date | None:
    if reference is None:
        return None
    if isinstance(reference, dt.datetime):
        return reference.date()
    if isinstance(reference, dt.date):
        return reference
    raise TypeError(f"reference must be a datetime.date or None, not {type(reference).__name__}")


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
    TypeError: text must be a str, not bytes
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    return _mentions(text, _scan(text), _check_reference(reference))


def _mentions(text: str, items: list[_Atom | _Range], ref: dt.date | None) -> list[DateMention]:
    out: list[DateMention] = []
    for item in items:
        mention = _mention(text, item, ref)
        prev = out[-1] if out else None
        if (
            mention.lunar
            and prev is not None
            and not prev.lunar
            and prev.precision is DatePrecision.DAY
            and prev.value is not None
            and _GLUE.fullmatch(text, prev.span.end, mention.span.start)
        ):
            # 1月12日(农历腊月二十一): the lunar date names the same day as the one before
            mention = _mention(text, item, prev.value)
        out.append(mention)
    return out


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
    scans = [_scan(t) for t in texts]
    ref = _check_reference(reference)
    if ref is None:
        ref = _infer([item for scan in scans for item in scan])
    return ref, [_mentions(t, scan, ref) for t, scan in zip(texts, scans, strict=True)]


def _infer(items: Sequence[_Atom | _Range]) -> dt.date | None:
    atoms = [item for item in items if isinstance(item, _Atom)]
    full = [x for x in atoms if x.kind is _Kind.DAY and x.year is not None]
    years = [x.year for x in (full or [x for x in atoms if x.kind is not _Kind.LUNAR]) if x.year]
    if not years:
        return None
    counts = Counter(years)
    year = max(counts, key=lambda y: (counts[y], y))
    days = [_safe_date(year, x.a, x.b) for x in full if x.year == year]
    days += [_safe_date(year, x.a, x.b) for x in atoms if x.kind is _Kind.DAY and not x.has_basis]
    found = [d for d in days if d is not None]
    return max(found) if found else dt.date(year, 12, 31)
