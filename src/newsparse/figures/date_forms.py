"""The date forms: one record per form (its pattern, where it can start, how it reads).

``FORMS`` is the table, in the order the forms are tried: at a position
of the text the first form that matches wins. Each ``DateForm`` holds
its pattern (with ``{NAME}`` pieces from ``PIECES``), the characters a
match can start with, and the function that turns a match into an
``Atom`` or a
``Range`` (None to drop it). The
scanning patterns (``ALTERNATION``, one pattern per first character,
compiled on first use)
are derived from the table, so adding a form is adding a row.

>>> [f.name for f in FORMS][:3]
['iso', 'yrange', 'lunar']
>>> [m.group() for m, _ in date_matches("2019年7月29日至31日")]
['2019年7月29日至31日']
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping
from typing import Any, Final

import regex
from attrs import frozen

from newsparse.errors import str_argument
from newsparse.figures import vocab
from newsparse.figures.date_resolve import Atom, Kind, Range, festival_index

__all__ = [
    "ALTERNATION",
    "FORMS",
    "GAP_CONN",
    "GAP_MAX",
    "SHAPES",
    "DateForm",
    "Item",
    "Shape",
    "by_first",
    "by_run",
    "compiled",
    "date_matches",
    "fold",
    "fold_and_match",
    "parse",
]

Item = Atom | Range

# --------------------------------------------------------------------------
# Normalization: one character for one character, so offsets never move.

_FOLD: Final = str.maketrans(vocab.DATE_FOLD)
# (the standard library's engine scans a plain character class twice as fast)
_FOLD_ANY: Final = re.compile("[" + re.escape("".join(sorted(vocab.DATE_FOLD))) + "]")


@str_argument("text")
def fold(text: str) -> str:
    """``text`` with ``DATE_FOLD`` applied (most pages hold none).

    >>> fold("２０１９年農曆")
    '2019年农历'
    """
    return text if _FOLD_ANY.search(text) is None else text.translate(_FOLD)


# --------------------------------------------------------------------------
# Pattern pieces. Repetitions are possessive or inside atomic groups, so each
# pattern is linear. ``{NAME}`` stands for the piece of that name.

CONN_FIRST: Final = "至到-~\u2013\u2014"
"""The characters a range's connector (``{CONN}``) starts with."""

PIECES: Final[dict[str, str]] = {
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
    "CONN": r"(?:至|到|[-~\u2013\u2014]{1,2}+)",  # (its first characters: CONN_FIRST)
    # 初 that starts a word (初步, 初次) or a lunar day (初一) is no boundary
    "NWI": r"(?![一二三四五六七八九十步次级期心中稿选审评赛试见具创始衷])",
    # a day alone as the time of a sentence, between its subject and its verb
    # (``国家统计局19日发布``, ``铁凝19日在京``): what may stand before it (a name, a
    # body; never an ordinal, a count or a span: ``第3日``, ``近7日``, ``仅3日就``, nor a
    # month or year, read by the forms that hold them) and the words that follow such a
    # time (a place word, a time of day, a reporting or meeting verb)
    "NOT_BEFORE_DAY": (
        "[第每近前后逐隔约数几共满当次翌本上下这那头首末初月年仅只用花]"
        "|历时|耗时|历经|为期|连续|持续|长达|不到|超过|不足|相隔|间隔"
    ),
    "AFTER_DAY": (
        "在|从|赴|前往|抵达|飞抵|回到|返回|起|至|到"
        "|上午|中午|下午|傍晚|晚|夜|凌晨|清晨|早|晨"
        "|发布|公布|宣布|表示|指出|强调|称|说|介绍|透露|证实|通报|报道|获悉|了解到|披露"
        "|召开|举行|举办|开幕|闭幕|启动|开通|开工|竣工|揭牌|上线|落幕|开赛|开学"
        "|会见|会晤|出席|主持|发表|签署|致电|致信|接见|看望|考察|调研|访问"
        "|通过|审议|批准|决定|作出|印发|出台|公开|回应|接受"
        "|正式|首次|再次|同|与|向|对|就|将|又|也|还|已|已经|分别|共同"
    ),
    "HAO": r"(?:日|号(?!线|楼|院|令|文|门|码|机|桥|馆|车|位|房|台|仓|站|厂|地块))",
    "DOT": "[\u00b7\u30fb\u2022\u2027\uff65\u2219]",
    "OQ": "[\u201c\"\u300c\u300e\u2018']",
    "CQ": "[\u201d\"\u300d\u300f\u2019']",
}


# The anchors of the date words, and the context words that hold one.
_BASE_ANCHORS: Final = "年月日号季天夕期久晨晚夜周拜节假-/.\u00b7\u30fb\u2022\u2027\uff65\u2219"
_COMMON: Final = frozenset(
    "分至种明水降满露"
)  # (common characters: a name ending in one is found by its first)
_CONTEXT_AFTER: Final = tuple(
    w for w in vocab.FESTIVAL_CONTEXT_AFTER if any(c in _BASE_ANCHORS for c in w)
)


def _festival_pattern(*, after_year: bool) -> str:
    """The festival names, longest first; those that are also other words need context.

    Context is a word after the name (``十一假期``, ``“五一”前夕``) or, in the
    tail of a year (``after_year``), the end of the clause (``今年五一,``).
    """
    names = sorted(vocab.FESTIVALS, key=len, reverse=True)
    plain = "|".join(n for n in names if n not in vocab.FESTIVAL_NEEDS_CONTEXT)
    needy = "|".join(n for n in names if n in vocab.FESTIVAL_NEEDS_CONTEXT)
    after = "|".join(sorted(_CONTEXT_AFTER, key=len, reverse=True))
    return (
        f"(?P<fest>{plain}|(?:{needy})(?={{CQ}}?+(?:{after}))"
        + (f"|(?:{needy})(?=[，。,、；;！？\\s)）]|$)" if after_year else "")
        + ")"
        f"(?P<hol>{'|'.join(vocab.HOLIDAY_WORDS)})?+"
    )


PIECES["FEST"] = _festival_pattern(after_year=False)
PIECES["YFEST"] = _festival_pattern(after_year=True)
PIECES["MIDEND"] = r"(?=[，,。、；;：:\s的前后以时]|$)"  # 年中 ends there (not 年中央)
# 15年前 is years ago, not 2015 (but 五八年前七个月 is the first months of 1958)
PIECES["NOTAGO"] = "(?!年(?:以|之)?+[前后内来间](?!{CNNUM}个?+月|半年))"
PIECES["CNNUM"] = (
    r"(?>\d{1,2}+|[二三四五六七八九]?+十[一二三四五六七八九]?+|[一二两三四五六七八九])"
)
PIECES["SHIFT"] = r"(?:上上个?+|上一?+个?+|下下下个?+|下下个?+|下一?+个?+|本|当|这一?+个?+)"
PIECES["WEEKWORD"] = "(?:周|星期|礼拜)"
PIECES["MONTH"] = "(?:{AMONTH}|(?<![{NUMB}第每半个])(?>十[一二]?+|[一二三四五六七八九元]))"
PIECES["DAY"] = "(?:{ADAY}|{CNDAY})"
# a day only the lunar calendar writes so (初五, 廿三): it marks the date lunar
PIECES["MARKED"] = "(?:初(?:十|[一二三四五六七八九])|廿[一二三四五六七八九]?+)"
# The characters a month's tail can start with (its gate below; the fast
# shapes read a month alone only before none of them).
MTAIL_FIRST: Final = "\\d一二三四五六七八九十廿卅上中下初末底前头最后的第"
PIECES["MTAIL"] = (
    "(?:(?=[" + MTAIL_FIRST + "])"
    "(?:(?P<d>{DAY}){HAO}|(?P<xun>[上中下])旬|(?P<mb>初{NWI}|末|底)|(?P<hm>[上下])半月"
    "|(?P<fd>前|头|最后|后)(?P<fdn>{CNNUM})天"
    "|的?+第(?P<wn>{CNNUM})个?+{WEEKWORD}(?P<wnd>[一二三四五六日天])?+"
    # a day without 日 (1月3, 十月31): not before another digit, a unit or a measure word
    r"|(?P<d>{ADAY})(?![\d.:：点时分万亿千百个人元家名位项次%％天日号年岁期届])"
    "|(?P<d>{CNDAY})(?![一二三四五六七八九十百千万亿个人元家名位项次岁年月日号天周])"
    "))"
)
PIECES["MONTHISH"] = (
    "(?:(?P<m1>{MONTH})月?+{CONN}(?P<m2>{MONTH})月份?+"
    "|(?P<m>{MONTH})月(?P<d1>{DAY})[日号]?+{CONN}(?P<d2>{DAY}){HAO}"
    "|(?P<m>{MONTH})月份?+"
    "{MTAIL}?+)"
)
PIECES["PERIOD"] = (
    "(?:(?P<half>[上下])半年"
    "|前(?P<nq>[二两三23])个?+季度|(?P<q1>首)季度"
    r"|(?<![\d.每])第?+(?P<q>[一二三四1-4])季度(?P<qend>末|底|初{NWI})?+)"
)
PIECES["RELYEAR"] = (
    "(?P<ry>今年|去年|明年|本年|大前年|大后年|(?<![{NUMB}年之以])后年|上一年|这一年|下一年|(?<![以马向往路跟])上年(?!轻|纪)|(?<![{NUMB}年之以大])前年(?!轻|纪))"
)
PIECES["LUNARTAIL"] = (
    "(?:(?P<lp>农历|阴历|夏历|旧历)(?P<leap>闰)?+(?P<lm>{LMONTH}|{AMONTH})月"
    "(?:(?P<ld>{LDAY}|{ADAY})[日号]?+)?+"
    "|(?P<leap>闰)?+(?P<lm>正|冬|腊)月(?:(?P<ld>{LDAY}|{ADAY})(?![\\d日号一二三四五六七八九十]))?+"
    "|(?P<lm>{LMONTH})月(?P<ld>{MARKED})(?![日号一二三四五六七八九十])"
    "|大年(?P<ld>初(?:十|[一二三四五六七八九])|三十))"
)
_FEST_FIRST: Final = "".join(sorted({name[0] for name in vocab.FESTIVALS}))
# Each alternative of a tail is gated by a lookahead on the characters it can
# start with: the ``regex`` engine then rejects a tail that is not there (2019年，)
# at once instead of trying every branch.
YTAIL_FIRST: Final = (
    "农阴夏旧闰正冬腊大上下前后第首春秋初末底中度的\\d十一二三四五六七八九元" + _FEST_FIRST
)
"""The characters a year's tail can start with (the gate of ``YTAIL``)."""
PIECES["YTAIL"] = (
    "(?=[" + YTAIL_FIRST + "])"
    "(?:(?=[农阴夏旧闰正冬腊大十一二三四五六七八九]){LUNARTAIL}"
    "|(?=[上下前第首一二三四1-4]){PERIOD}|(?P<season>[春夏秋冬])[季天]"
    "|(?=[\\d十一二三四五六七八九元]){MONTHISH}"
    "|(?P<yb>初{NWI}|末|底|中{MIDEND})|(?P<du>度)"
    "|前(?P<nm>{CNNUM})个?+月|后(?P<lnm>{CNNUM})个?+月|(?P<fm>首)月|第(?P<mth>{CNNUM})个月"
    "|(?P<half>[前后])半年|的?+第(?P<wn>{CNNUM})个?+{WEEKWORD}(?![一二三四五六日天末])"
    "|的?+(?=[" + _FEST_FIRST + "]){YFEST})"
)


def _expand(pattern: str) -> str:
    """Substitute the ``{NAME}`` pieces (which may hold pieces) until none is left."""
    while "{" in pattern and any("{" + name + "}" in pattern for name in PIECES):
        for name, piece in PIECES.items():
            pattern = pattern.replace("{" + name + "}", piece)
    return pattern


# --------------------------------------------------------------------------
# Numerals.


Getter = Callable[[str], Any]
"""A match's groups by name (``Match.group``, None for an unset or undefined group)."""

_NAMES: Final[dict[regex.Pattern[str], tuple[str, ...]]] = {}


def _named(m: regex.Match[str]) -> Getter:
    """``m.group`` by name: the groups of ``m`` read once, then looked up by name.

    A name the form's pattern does not define reads as None (an unset
    group). One dictionary of the groups a match (``m.groups()`` is one
    call, ``m.groupdict()`` of the ``regex`` engine ten times slower), and
    the readers pass the getter on rather than reading the match again.

    >>> g = _named(regex.match("(?P<y>[0-9]+)年(?P<m>[0-9]+)?", "2019年"))
    >>> g("y"), g("m"), g("nothing")
    ('2019', None, None)
    """
    names = _NAMES.get(m.re)
    if names is None:
        index = {number: name for name, number in m.re.groupindex.items()}
        names = tuple(index.get(n, "") for n in range(1, m.re.groups + 1))
        names = _NAMES.setdefault(m.re, names)
    return dict(zip(names, m.groups(), strict=True)).get


def _small_number(s: str) -> int:
    """Value of a month/day numeral: ASCII digits or Chinese up to 三十九."""
    if s.isdigit():
        return int(s)
    if s in vocab.MONTH_WORDS:
        return vocab.MONTH_WORDS[s]
    s = s.removeprefix("初")
    digits = vocab.DATE_DIGITS
    if s == "十":
        return 10
    if s[0] == "廿":
        return 20 + (digits[s[1]] if len(s) > 1 else 0)
    if "十" in s:
        tens, _, units = s.partition("十")
        return (digits[tens] if tens else 1) * 10 + (digits[units] if units else 0)
    return digits[s]


_ROC_FIRST_YEAR: Final = 1912
"""Year 1 of the Republic of China (民国元年), the calendar of Taiwan's papers."""


def _roc_number(s: str) -> int:
    """The number of a year of the Republic: ``114``, ``一一四``, ``三十八``, ``十``.

    >>> _roc_number("114"), _roc_number("一一四"), _roc_number("三十八"), _roc_number("元")
    (114, 114, 38, 1)
    """
    if s == "元":
        return 1
    if "十" not in s:
        return _year_number(s)
    tens, _, ones = s.partition("十")
    return 10 * (vocab.DATE_DIGITS[tens] if tens else 1) + (vocab.DATE_DIGITS[ones] if ones else 0)


def _year_number(s: str) -> int:
    if s.isdigit():
        return int(s)
    return int("".join(str(vocab.DATE_DIGITS[c]) for c in s))


# --------------------------------------------------------------------------
# Reading a match: the part of a year it names.

Tail = tuple[Kind, int, int]


def _tail(g: Getter) -> Tail | None:
    """Return the part of the year named after a year (or alone); None: the whole year."""
    if g("half"):
        return Kind.HALF, 1 if g("half") in "上前" else 2, 0
    if g("nq"):
        return Kind.QUARTERS, _small_number(g("nq").replace("两", "二")), 0
    if g("q"):
        q = _small_number(g("q"))
        if g("qend") == "初":  # 四季度初: the quarter's first month
            return Kind.MONTH, 3 * q - 2, 0
        return (Kind.QEND if g("qend") else Kind.QUARTER), q, 0
    if g("season"):
        return Kind.SEASON, vocab.SEASONS[g("season")], 0
    if g("yb"):
        if g("yb") == "中":  # 年中: the two middle months
            return Kind.MONTHS, 2, 2
        return Kind.YBOUND, 0 if g("yb") == "初" else 1, 0
    return _year_part(g)


def _year_part(g: Getter) -> Tail | None:
    """The months, weeks and festivals of a year (前三个月, 第8个月, 第52周, 春节)."""
    if g("q1"):
        return Kind.QUARTER, 1, 0
    if g("nm") or g("lnm"):
        return Kind.MONTHS, _small_number(g("nm") or g("lnm")), 0 if g("nm") else 1
    if g("fm") or g("mth"):
        return Kind.MONTH, _small_number(g("mth")) if g("mth") else 1, 0
    if g("fest"):
        kind = Kind.HOLIDAY if g("hol") else Kind.FESTIVAL
        return kind, festival_index(g("fest")), 0
    if g("m") is None:
        if g("wn"):  # 第52周 of a year
            return Kind.NTHWEEK, 0, _small_number(g("wn")) * 10
        return None
    return _month_part(g, _small_number(g("m")))


def _month_part(g: Getter, month: int) -> Tail:
    """Return what part of ``month`` the match names (month 0: a relative month)."""
    if g("d"):
        return Kind.DAY, month, _small_number(g("d"))
    if g("xun"):
        return Kind.XUN, month, "上中下".index(g("xun")) + 1
    if g("mb"):
        return Kind.MBOUND, month, 0 if g("mb") == "初" else 1
    if g("hm"):
        return Kind.HALFMONTH, month, 1 if g("hm") == "上" else 2
    if g("fd"):
        count = _small_number(g("fdn"))
        return Kind.MDAYS, month, count if g("fd") in "前头" else -count
    if g("wn"):
        weekday = vocab.WEEKDAYS[g("wnd")] + 1 if g("wnd") else 0
        return Kind.NTHWEEK, month, _small_number(g("wn")) * 10 + weekday
    return Kind.MONTH, month, 0


def _is_duration_year(folded: str, start: int, end: int) -> bool:
    """``近2000年``, ``2000多年``: a bare four-digit year (at ``start:end``) that is a duration."""
    if start > 0 and folded[start - 1] in vocab.DURATION_BEFORE:
        return True
    return folded.startswith(vocab.DURATION_AFTER, end)


# Where a two-digit year alone can stand: after a clause break, a preposition
# of time or a pronoun (他98年参军); after a verb it counts years (坚持10年).
_SHORT_YEAR_BEFORE: Final = frozenset(
    ' \t\n\u3000，,。.；;：:、！!？?（(“"「『《〈【[—-在于从自到至是和与及他她我你它们'
)
_SHORT_YEAR_AFTER: Final = (*vocab.DURATION_AFTER, "来", "里", "内", "中", "了", "前", "后", "以")


def _bare_short_year(
    m: regex.Match[str], g: Getter, basis: dict[str, int], folded: str
) -> Item | None:
    """``98年``, ``三三年`` alone: a year where a date stands, not a count (``坚持10年``).

    Chinese digits that are an estimate (``三五年``, ``七八年``) are a count.
    """
    start, end = m.span()
    if start > 0 and folded[start - 1] not in _SHORT_YEAR_BEFORE:
        return None
    if folded[end : end + 4].lstrip().startswith(_SHORT_YEAR_AFTER):
        return None
    digits = g("yycn")
    if digits and (vocab.DATE_DIGITS[digits[1]] - vocab.DATE_DIGITS[digits[0]] in (1, 2)):
        return None
    return Atom(start, end, Kind.YEAR, **basis)


def _lunar_atom(g: Getter, start: int, end: int, basis: dict[str, int]) -> Item | None:
    """A lunar month or day after a year (``2023年农历八月十五``, ``今年腊月``)."""
    if g("lm") is None:  # 大年初一, 大年三十 (New Year's Eve)
        eve = g("ld") == "三十"
        return Atom(
            start, end, Kind.LUNAR, 12 if eve else 1, 0 if eve else _small_number(g("ld")), **basis
        )
    lm = _small_number(g("lm"))
    leap = 1 if g("leap") else 0
    if not 1 <= lm <= 12:
        return None
    if not g("ld"):
        return Atom(start, end, Kind.LUNARMONTH, lm, leap, **basis)
    ld = _small_number(g("ld"))
    if ld > 30:
        return None
    return Atom(start, end, Kind.LUNAR, lm, ld, leap, **basis)


def _written_range(m: regex.Match[str], g: Getter, basis: dict[str, int]) -> Item | None:
    """``1至5月份``, ``7月29日至31日``: a range written inside one month form."""
    start, end = m.span()
    if g("m1") is not None:  # 1至5月份
        m1, m2 = _small_number(g("m1")), _small_number(g("m2"))
        return Range(
            start,
            end,
            Atom(start, end, Kind.MONTH, m1, **basis),
            Atom(start, end, Kind.MONTH, m2, **basis),
        )
    month = _small_number(g("m"))
    d1, d2 = _small_number(g("d1")), _small_number(g("d2"))
    if d1 > 31 or d2 > 31:
        return None
    return Range(
        start,
        end,
        Atom(start, end, Kind.DAY, month, d1, **basis),
        Atom(start, end, Kind.DAY, month, d2, **basis),
    )


def _with_tail(m: regex.Match[str], g: Getter, basis: dict[str, int], folded: str) -> Item | None:
    """The year (``basis``: written or relative) and the part of it written after it."""
    start, end = m.span()
    if g("m1") is not None or g("d1") is not None:
        return _written_range(m, g, basis)
    if g("ld") is not None or g("lm") is not None:  # 2023年农历八月十五, 今年腊月
        return _lunar_atom(g, start, end, basis)
    tail = _tail(g)
    if tail is None:
        if "yy" in basis:
            return _bare_short_year(m, g, basis, folded)
        bare = "year" in basis and g("y") is not None and not g("du")
        if bare and (not 1800 <= basis["year"] <= 2199 or _is_duration_year(folded, start, end)):
            return None
        return Atom(start, end, Kind.YEAR, **basis)
    kind, a, b = tail
    if kind is Kind.DAY and b > 31:
        return None
    return Atom(start, end, kind, a, b, **basis)


# --------------------------------------------------------------------------
# The forms.


@frozen
class DateForm:
    """One date form: its pattern, the characters it can start with, and its reader.

    ``starts`` may be a superset (a wrong start only fails to match); ``"0"``
    stands for every decimal digit. ``read`` takes the match and the folded
    text and returns the parsed expression, or None to drop the match.
    ``examples`` are texts the form reads whole (the table tests run them;
    ``|`` starts what a form that looks ahead needs to see after its match).
    ``runs``, for a form that can start with a digit, says how: the lengths
    of the run of digits a match starts with, each with the characters that
    can come right after that run (the scan tries the form at a run of
    digits only then). ``leads``, when not empty, holds the first two
    characters of every match that does not start with a digit (the fast
    scan tries the form only at a position that starts with one of them,
    or at a run of digits as ``runs`` says).

    >>> FORMS[0].name, FORMS[0].starts, FORMS[0].examples
    ('iso', '0', ('2019-07-29', '2019.7.29', '2019/7/29'))
    >>> sorted(next(f for f in FORMS if f.name == "yb").leads)
    ['年中', '年初', '年底', '年末']
    """

    name: str
    pattern: str
    starts: str
    read: Callable[[regex.Match[str], str], Item | None]
    examples: tuple[str, ...]
    anchors: str
    runs: tuple[tuple[int, str], ...] = ()
    leads: frozenset[str] = frozenset()

    @property
    def expanded(self) -> str:
        """The pattern with its pieces substituted, as the named group ``K_<name>``."""
        return f"(?P<K_{self.name}>{_expand(self.pattern)})"


def _runs(followers: str, *lengths: int) -> tuple[tuple[int, str], ...]:
    """``runs`` of a form: runs of each of ``lengths`` digits, each before ``followers``."""
    return tuple((n, followers) for n in lengths)


def _read_iso(m: regex.Match[str], _folded: str) -> Item | None:
    """``2019-07-29``, ``2019.7.29``, ``2019/7/29``."""
    g = _named(m)
    month, day = int(g("im")), int(g("id"))
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    start, end = m.span()
    return Atom(start, end, Kind.DAY, month, day, year=int(g("iy")))


def _read_yrange(m: regex.Match[str], _folded: str) -> Item | None:
    """``2016-2018年``, ``2016年至2018年``."""
    g = _named(m)
    start, end = m.span()
    y1, y2 = int(g("y1")), int(g("y2"))
    a = Atom(start, end, Kind.YEAR, year=y1)
    return Range(start, end, a, Atom(start, end, Kind.YEAR, year=y2), inherit=0)


def _read_lunar(m: regex.Match[str], _folded: str) -> Item | None:
    """``农历腊月二十一``, ``正月十五``, ``大年初一``, ``除夕``."""
    g = _named(m)
    start, end = m.span()
    if g("eve"):
        return Atom(start, end, Kind.LUNAR, 12, 0)
    if g("ly") or (g("lm") and not g("ld")):  # 农历二〇二三年腊月廿三, 腊月
        basis = {"year": _year_number(g("ly"))} if g("ly") else {}
        return _lunar_atom(g, start, end, basis)
    lm = _small_number(g("lm")) if g("lm") else 1
    ld_text = g("ld")
    ld = 0 if (g("lm") is None and ld_text == "三十") else _small_number(ld_text)
    if not 1 <= lm <= 12 or ld > 30:
        return None
    return Atom(start, end, Kind.LUNAR, lm, ld, 1 if g("leap") else 0)


_REL_YEARS: Final = vocab.REL_YEARS | vocab.MORE_REL_YEARS


def _read_year(m: regex.Match[str], folded: str) -> Item | None:
    """``2019年...``, ``二〇一九年...``, ``今年...``, ``去年...``, ``民国114年...``."""
    g = _named(m)
    if g("ry"):
        return _with_tail(m, g, {"yoff": _REL_YEARS[g("ry")]}, folded)
    if g("yy") or g("yycn"):
        return _with_tail(m, g, {"yy": _year_number(g("yy") or g("yycn"))}, folded)
    if g("roc"):
        return _with_tail(m, g, {"year": _ROC_FIRST_YEAR - 1 + _roc_number(g("roc"))}, folded)
    year = _year_number(g("y") or g("ycn"))
    if not 1000 <= year <= 2999:
        return None
    return _with_tail(m, g, {"year": year}, folded)


def _read_period(m: regex.Match[str], _folded: str) -> Item | None:
    """``上半年``, ``一季度``, ``前三季度`` (this year's)."""
    tail = _tail(_named(m))
    if tail is None:  # pragma: no cover - the pattern always names a part
        return None
    start, end = m.span()
    return Atom(start, end, tail[0], tail[1], tail[2], yoff=0)


def _read_event(m: regex.Match[str], _folded: str) -> Item | None:
    """``“6·27”``, ``“6.27”``."""
    g = _named(m)
    start, end = m.span()
    return Atom(start, end, Kind.DAY, _small_number(g("em")), _small_number(g("ed")))


def _read_month(m: regex.Match[str], folded: str) -> Item | None:
    """``7月29日``, ``1至5月份``, ``6月中旬``, ``十二月``."""
    return _with_tail(m, _named(m), {}, folded)


def _read_relm(m: regex.Match[str], _folded: str) -> Item | None:
    """``本月``, ``上月``, ``上个月底``."""
    g = _named(m)
    word = g("rm") or ""
    moff = word.count("下") - word.count("上")
    kind, _, b = _month_part(g, 0)
    start, end = m.span()
    return Atom(start, end, kind, 0, b, moff=moff)


def _read_reld(m: regex.Match[str], _folded: str) -> Item | None:
    """``今天``, ``昨天``, ``前天``, ``明天``, ``今晨``, ``昨晚``."""
    g = _named(m)
    start, end = m.span()
    return Atom(start, end, Kind.RELDAY, _REL_DAYS[g("rd")])


_REL_DAYS: Final = vocab.REL_DAYS | vocab.MORE_REL_DAYS


def _read_vague(m: regex.Match[str], _folded: str) -> Item | None:
    """``近日``, ``日前``, ``近期``, ``前不久``, ``不久前``."""
    start, end = m.span()
    return Atom(start, end, Kind.VAGUE)


def _read_yb(m: regex.Match[str], _folded: str) -> Item | None:
    """``年初``, ``年底`` (this year's)."""
    g = _named(m)
    start, end = m.span()
    if g("yb") == "中":
        return Atom(start, end, Kind.MONTHS, 2, 2, yoff=0)
    return Atom(start, end, Kind.YBOUND, 0 if g("yb") == "初" else 1, yoff=0)


def _read_day(m: regex.Match[str], _folded: str) -> Item | None:
    """``29日,`` (a day of the reference's month, in a dateline-like position)."""
    g = _named(m)
    start, end = m.span()
    return Atom(start, end, Kind.DAYONLY, 0, int(g("dd")))


def _read_week(m: regex.Match[str], _folded: str) -> Item | None:
    """``周三``, ``上周二``, ``下周周六``, ``上周末`` (a weekday of a week), ``上周`` (the week)."""
    g = _named(m)
    start, end = m.span()
    shift = g("ws") or ""
    weeks = shift.count("下") - shift.count("上")
    if g("wd") is None:
        return Atom(start, end, Kind.WEEK, weeks)
    weekday = vocab.WEEKDAYS[g("wd")]
    if weekday == vocab.WEEKDAYS["末"]:
        return Atom(start, end, Kind.WEEKEND, weeks)
    return Atom(start, end, Kind.WEEKDAY, weeks, weekday)


def _read_relq(m: regex.Match[str], _folded: str) -> Item | None:
    """``本季度``, ``上个季度``, ``下下个季度``, ``上季度末``."""
    g = _named(m)
    start, end = m.span()
    shift = g("qs")
    bound = {None: 0, "末": 1, "底": 1}.get(g("qb"), 2)
    return Atom(start, end, Kind.RELQ, shift.count("下") - shift.count("上"), bound)


def _read_anchored(m: regex.Match[str], _folded: str) -> Item | None:
    """``当天``, ``次日``, ``翌日``: from the date the text mentioned last."""
    g = _named(m)
    start, end = m.span()
    return Atom(start, end, Kind.ANCHORED, vocab.ANCHORED_DAYS[g("an")])


def _read_ndays(m: regex.Match[str], _folded: str) -> Item | None:
    """``20天后``, ``三天前``, ``17天内`` (the days from the reference to then).

    Weeks, months and years ago are that week, month or year (``两周前``,
    ``3个月前``, ``15年前``); ahead (``3年后``) they count from an event as
    often as from the page date, and ``3年内`` is a duration: neither is a date.
    """
    g = _named(m)
    start, end = m.span()
    count = _small_number(g("nd"))
    way, unit = g("ndir"), g("nu")[-1]
    if unit == "天":
        if way.endswith("内"):
            return Atom(start, end, Kind.NDAYS, count, 1)
        return Atom(start, end, Kind.NDAYS, -count if way.endswith("前") else count)
    if not way.endswith("前"):
        return None
    shift = -count
    if unit == "年":
        return Atom(start, end, Kind.YEAR, yoff=shift)
    if unit == "月":
        return Atom(start, end, Kind.MONTH, 0, moff=shift)
    return Atom(start, end, Kind.WEEK, shift)


def _read_twoyears(m: regex.Match[str], _folded: str) -> Item | None:
    """``今明两年``: this year and the next."""
    g = _named(m)
    start, end = m.span()
    first = 0 if g("ty") == "今明" else -1
    a = Atom(start, end, Kind.YEAR, yoff=first)
    return Range(start, end, a, Atom(start, end, Kind.YEAR, yoff=first + 1), inherit=0)


def _read_ym(m: regex.Match[str], _folded: str) -> Item | None:
    """``2023-05``, ``2023/5``, ``1999.08``: a month."""
    g = _named(m)
    start, end = m.span()
    return Atom(start, end, Kind.MONTH, int(g("ymm")), year=int(g("ymy")))


def _read_md(m: regex.Match[str], _folded: str) -> Item | None:
    """``09-01``: a month and day, both with two digits."""
    g = _named(m)
    start, end = m.span()
    return Atom(start, end, Kind.DAY, int(g("mdm")), int(g("mdd")))


def _read_festival(m: regex.Match[str], _folded: str) -> Item | None:
    """``春节``, ``中秋节``, ``清明``, ``国庆假期`` (the holiday period), ``“十一”``."""
    g = _named(m)
    start, end = m.span()
    kind = Kind.HOLIDAY if g("hol") else Kind.FESTIVAL
    return Atom(start, end, kind, festival_index(g("fest")))


def _festival_anchors() -> str:
    """The characters festival mentions are found by: the first anchor of the name or its context.

    A name that needs no context and holds none of the general anchors gives
    its own: its last character, or its first when the last is a common one
    (春分 by 春). A name that needs context is found by its context word.
    Another name's own anchor can come first in a name (春 in 春节): the
    first anchor of each is looked for among all of them.
    """
    plain = [n for n in vocab.FESTIVALS if n not in vocab.FESTIVAL_NEEDS_CONTEXT]
    own = {
        n[0] if n[-1] in _COMMON else n[-1] for n in plain if not any(c in _BASE_ANCHORS for c in n)
    }
    every = set(_BASE_ANCHORS) | own
    out: set[str] = set()
    for name in vocab.FESTIVALS:
        for word in _CONTEXT_AFTER if name in vocab.FESTIVAL_NEEDS_CONTEXT else ("",):
            out.add(next(c for c in name + word if c in every))
    return "".join(sorted(out))


_FESTIVAL_ANCHORS: Final = _festival_anchors()
_D: Final = "0"  # stands for every decimal digit in ``starts``


def _pairs(firsts: str, seconds: str) -> frozenset[str]:
    """Each character of ``firsts`` before each of ``seconds``: ``leads`` of a form.

    >>> sorted(_pairs("上下", "半"))
    ['上半', '下半']
    """
    return frozenset(a + b for a in firsts for b in seconds)


# The first two characters of the forms that start with a Chinese numeral or
# a word (a match that starts with a digit is tried by its run instead): the
# fast scan tries them only there, not at every numeral before 年 (第三位,
# 一大亮点, 连续三年).
_CN_DIGITS: Final = "\u3007\u25cb零一二三四五六七八九"  # (the piece CNDIGIT)
_ONE_TO_NINE: Final = "一二三四五六七八九"
_YEAR_WORDS: Final = (
    "今年去年明年本年大前大后后年上一这一下一上年前年民国中华"  # RELYEAR; 民国114年
)
_YEAR_LEADS: Final = (
    _pairs(_CN_DIGITS, _CN_DIGITS)
    | frozenset(  # 二〇一九年, and the words
        _YEAR_WORDS[k : k + 2] for k in range(0, len(_YEAR_WORDS), 2)
    )
)
_LUNAR_LEADS: Final = (
    frozenset(("农历", "阴历", "夏历", "旧历", "大年", "除夕", "十一", "十二"))
    | _pairs("闰", "正冬腊十" + _ONE_TO_NINE)  # 闰四月
    | _pairs("正冬腊十" + _ONE_TO_NINE, "月")  # 腊月, 八月初五
)
_PERIOD_LEADS: Final = (
    _pairs("上下", "半")  # 上半年
    | _pairs("前", "二两三23")  # 前三季度
    | _pairs("第", "一二三四1234")  # 第四季度
    | _pairs("首一二三四", "季")  # 一季度
)
_NDAYS_LEADS: Final = (
    _pairs("二三四五六七八九", "十")  # 二十天
    | _pairs("十", _ONE_TO_NINE)  # 十五天
    | _pairs("十一二两三四五六七八九", "天个周星礼月年")  # 三天前, 两周前, 十年前
)

FORMS: Final[tuple[DateForm, ...]] = (
    DateForm(
        "iso",
        r"(?<![\d.])(?P<iy>\d{4})(?P<sep>[-/.])(?P<im>\d{1,2}+)(?P=sep)(?P<id>\d{1,2}+)(?!\d|\.\d)",
        _D,
        _read_iso,
        ("2019-07-29", "2019.7.29", "2019/7/29"),
        anchors="-/.",
        runs=((4, "-/."),),
    ),
    DateForm(
        "yrange",
        r"(?<![\d.])(?P<y1>\d{4})年?+ ?+{CONN} ?+(?P<y2>\d{4})(?!\d)年(?P<du>度)?+",
        _D,
        _read_yrange,
        ("2016-2018年", "2016年至2018年", "2016——2018年度"),
        anchors="-年",
        runs=((4, "年 至到-~\u2013\u2014"),),
    ),
    DateForm(
        "lunar",
        "(?P<lp>农历|阴历|夏历|旧历)(?P<ly>[{CNDIGIT}]{4}|\\d{4})年(?P<leap>闰)?+"
        "(?P<lm>{LMONTH}|{AMONTH})月(?:(?P<ld>{LDAY}|{ADAY})[日号]?+)?+"
        "|(?P<lp>农历|阴历|夏历|旧历)(?P<leap>闰)?+(?P<lm>{LMONTH}|{AMONTH})月"
        "(?P<ld>{LDAY}|{ADAY})[日号]?+"
        "|(?P<leap>闰)?+(?<![{NUMB}])(?P<lm>正|冬|腊)月(?:(?P<ld>{LDAY}|{ADAY})(?![\\d日号一二三四五六七八九十]))?+"
        "|(?P<leap>闰)?+(?<![{NUMB}])(?P<lm>{LMONTH})月"
        "(?P<ld>{MARKED})(?![日号一二三四五六七八九十])"
        "|大年(?P<ld>初(?:十|[一二三四五六七八九])|三十)"
        "|(?P<eve>除夕)",
        "农阴夏旧闰正冬腊十一二三四五六七八九大除",
        _read_lunar,
        ("农历腊月二十一", "正月十五", "八月初五", "大年初一", "除夕", "阴历闰四月初三"),
        anchors="月年夕冬",  # (冬月: 冬 is an anchor, of 冬至)
        leads=_LUNAR_LEADS,
    ),
    DateForm(
        "festival",
        "{FEST}",
        "".join(sorted({name[0] for name in vocab.FESTIVALS})),
        _read_festival,
        (
            "春节",
            "中秋节",
            "国庆假期",
            "春节期间",
            "十一假期",
            "清明|时节",
            "冬至",
            "五一|前夕",
            "元旦",
        ),
        anchors=_FESTIVAL_ANCHORS,
        leads=frozenset(name[:2] for name in vocab.FESTIVALS),  # (every name has two or more)
    ),
    DateForm(
        "year",
        r"(?:(?<![\d.])(?P<y>\d{4})(?!\d)"
        "|(?<![{CNDIGIT}十])(?P<ycn>[{CNDIGIT}]{4})"
        r"|(?<![\d.])(?P<yy>\d{2})(?!\d){NOTAGO}|(?<![{CNDIGIT}十])(?P<yycn>[{CNDIGIT}]{2}){NOTAGO}"
        # a year of the Republic (民國114年: 2025), as papers of Taiwan print it
        r"|(?:中华)?+民国(?P<roc>\d{1,3}+(?!\d)|[{CNDIGIT}]{1,3}+|[一二三四五六七八九]?+十[一二三四五六七八九]?+|元))"
        "年(?:{YTAIL})?+"
        "|{RELYEAR}(?:{YTAIL})?+",
        _D + "\u3007\u25cb零一二三四五六七八九今去明本上前大后这下民中",
        _read_year,
        (
            "2019年",
            "二〇一九年七月",
            "今年上半年",
            "去年底",
            "2018年10月",
            "2019年度",
            "民国114年1月5日",
            "中华民国三十八年",
        ),
        anchors="年",
        runs=((2, "年"), (4, "年")),
        leads=_YEAR_LEADS,
    ),
    DateForm(
        "period",
        "{PERIOD}",
        _D + "上下前第一二三四",
        _read_period,
        ("上半年", "一季度", "前三季度", "第四季度末"),
        anchors="年季",
        runs=((1, "季"),),
        leads=_PERIOD_LEADS,
    ),
    DateForm(
        "event",
        "(?<={OQ})(?P<em>{MONTH})[.](?P<ed>{EDAY})(?={CQ})"
        "|(?P<em>{AMONTH}){DOT}(?P<ed>{ADAY})(?!{DOT})",
        _D + "十一二三四五六七八九元",
        _read_event,
        ("6·27", "12·31"),
        anchors="." + "\u00b7\u30fb\u2022\u2027\uff65\u2219",
        runs=_runs(".\u00b7\u30fb\u2022\u2027\uff65\u2219", 1, 2),
    ),
    DateForm(
        "month",
        "{MONTHISH}",
        _D + "十一二三四五六七八九元",
        _read_month,
        ("7月29日", "1至5月份", "6月中旬", "十二月", "7月29日至31日"),
        anchors="月-",
        runs=_runs("月至到-~\u2013\u2014", 1, 2),
    ),
    DateForm(
        "relm",
        "(?P<rm>本月|当月|上上个?+月|上一?+个?+月|下下个?+月|下一?+个?+月|这个月)"
        "{MTAIL}?+|(?<![{NUMB}])(?P<hm>[上下])半月",
        "本上下这当",
        _read_relm,
        ("本月", "上月", "上个月底", "下月5日"),
        anchors="月",
    ),
    DateForm(
        "reld",
        "(?<![提之以向])(?P<rd>大大前天|大大后天|大前天|大后天|今天|昨天|前天|明天|今日|昨日|明日"
        "|今晨|今晚|今夜|昨晚|昨夜|明晨|明晚|(?<![先])后天(?![性形])|前日|本日)",
        "今昨前明大后本",
        _read_reld,
        ("今天", "昨天", "前天", "明日", "今晨"),
        anchors="天日晨晚夜",
    ),
    DateForm(
        "vague",
        "(?<![接靠临邻附贴逼将])近日(?![本元韩方资企语系])"
        "|(?<![{NUMB}廿卅节假生忌诞念作易期止到每当次终同今昨明前平本首吉旧往周末元朝白之])"
        "日前(?![往进行线哨])"
        "|(?<![接靠临逼将附])近期|前不久|不久前",
        "近日前不",
        _read_vague,
        ("近日", "日前", "近期", "前不久", "不久前"),
        anchors="日期久",
        leads=frozenset(("近日", "日前", "近期", "前不", "不久")),
    ),
    DateForm(
        "yb",
        "(?<![{NUMB}大新过跨当同次每])年(?P<yb>初{NWI}|末|底|中{MIDEND})",
        "年",
        _read_yb,
        ("年初", "年底", "年中|,"),
        anchors="年",
        leads=frozenset(("年初", "年末", "年底", "年中")),
    ),
    DateForm(
        "week",
        "(?<![{NUMB}第每逢])(?P<ws>{SHIFT})?+{WEEKWORD}(?:{WEEKWORD}|的)?+(?P<wd>[一二三四五六日天末])"
        "(?![年月岁届])"
        "|(?P<ws>{SHIFT}){WEEKWORD}(?![一二三四五六日天末年期刊报])",
        "上下本当这周星礼",
        _read_week,
        ("周三", "星期五", "礼拜天", "本周五", "上周二", "下周一", "上周末", "下周周六", "上周"),
        anchors="周拜期",
    ),
    DateForm(
        "relq",
        "(?P<qs>{SHIFT})季度(?P<qb>末|底|初{NWI})?+",
        "上下本当这",
        _read_relq,
        ("上季度", "本季度", "上个季度", "下下个季度", "上季度末"),
        anchors="季",
    ),
    DateForm(
        "anchored",
        # (not a quoted slogan: “当天到”“次日达”)
        '(?<![\u201c"「『])(?P<an>当天|当日|次日|翌日|隔日|第二天|前一天)',
        "当次翌隔第前",
        _read_anchored,
        ("当天", "次日", "翌日", "当日"),
        anchors="天日",
    ),
    DateForm(
        "ndays",
        "(?<![{NUMB}第近约])(?P<nd>{CNNUM})(?P<nu>天|个?+(?:周|星期|礼拜)|个?+月|年)"
        "(?P<ndir>以后|之后|以内|之内|以前|之前|后|内|前)(?![往进来夕期列线排沿年])",
        _D + "一二两三四五六七八九十",
        _read_ndays,
        ("20天后", "17天内", "三天前", "两周前", "3个月前", "15年前"),
        anchors="天周期拜月年",
        runs=_runs("天个周星礼月年", 1, 2),
        leads=_NDAYS_LEADS,
    ),
    DateForm(
        "twoyears",
        "(?P<ty>今明|去今)两年",
        "今去",
        _read_twoyears,
        ("今明两年",),
        anchors="年",
    ),
    DateForm(
        "ym",
        r"(?<![\d./])(?P<ymy>(?:19|20)\d{2})(?:(?P<yms>[-/])(?P<ymm>1[0-2]|0?[1-9])"
        r"|\.(?P<ymm>0[1-9]|1[0-2]))(?![\d万亿千百元%％]|[-/.]\d{1,2}(?!\d))",
        _D,
        _read_ym,
        ("2023-05", "2023/5", "1999.08"),
        anchors="-/.",
        runs=((4, "-/."),),
    ),
    DateForm(
        "md",
        r"(?<![\d.\-/:：])(?P<mdm>0[1-9]|1[0-2])-(?P<mdd>0[1-9]|[12]\d|3[01])(?![\d\-:：月])",
        _D,
        _read_md,
        ("09-01",),
        anchors="-",
        runs=((2, "-"),),
    ),
    DateForm(
        "day",
        r"(?<=^|[\s,，。;；:：、!！?？\u201c\"(（\[【至到于在自从]|截至|截止)"
        "(?P<dd>{ADAY}){HAO}(?=[,，、。；;]|上午|中午|下午|傍晚|晚|凌晨|早|起|至|到|前|$)",
        _D,
        _read_day,
        ("29日|,", "29日|上午"),
        anchors="日号",
        runs=_runs("日号", 1, 2),
    ),
    DateForm(
        "dayverb",
        "(?<=^|[\u4e00-\u9fff])(?<!{NOT_BEFORE_DAY})(?P<dd>{ADAY})日(?={AFTER_DAY})",
        _D,
        _read_day,
        ("19日|发布", "5日|在京"),
        anchors="日",
        runs=_runs("日", 1, 2),
    ),
)

# Every form's match holds one of its anchor characters, the first of them at
# most _LEAD characters after its start (the longest lead is a year range such
# as 2016——2018年, 10 characters before 年). The anchors are the table's.
_ANCHORS: Final = "".join(sorted({c for form in FORMS for c in form.anchors}))
_LEAD: Final = 12
_ANCHOR_AT: Final = re.compile(
    f"[{re.escape(_ANCHORS)}]"
)  # (a plain class: the standard engine is faster)


# --------------------------------------------------------------------------
# Fast shapes: the common whole dates, each matched by one light pattern of the
# standard engine before the forms are tried at a position.


@frozen
class Shape:
    """A common shape of one form, matched whole by a light pattern tried before the forms.

    Where the scan would try the forms at a position (``starts``, ``anchors``
    and ``runs`` as a ``DateForm``'s, within its ``form``'s), it tries the
    shape first; where the shape matches, the forms would give the same
    match (the first of them that matches is ``form``, over the same span)
    and ``read`` gives what that form's reader gives for it, without the
    form's many groups. Each shape ends with a guard: a lookahead refusing
    the characters after which a form could go on (a tail, a range), so
    that where the shape does not match whole the forms decide, as before.
    The standard engine compiles the pattern (no possessive repeats are
    needed: it has no repetition that could backtrack far).

    >>> SHAPES[0].name, SHAPES[0].form, SHAPES[0].examples[:2]
    ('written', 'year', ('2019年', '2019年7月'))
    """

    name: str
    form: str
    pattern: str
    starts: str
    read: Callable[[re.Match[str], str], Item | None]
    examples: tuple[str, ...]
    anchors: str
    runs: tuple[tuple[int, str], ...] = ()

    @property
    def expanded(self) -> str:
        """The pattern with its pieces substituted."""
        return _expand(self.pattern)


# After a day (日, 号): not a connector (7月29日至31日 is a range of the form).
# After a month alone: no tail of a month, no 份, no connector (1月至3月).
# After a year alone: no tail of a year, no space or connector (2016年至2018年).
_SHAPE_TAIL: Final = (
    "(?:(?P<m>{AMONTH})月(?:(?P<d>{ADAY}){HAO}(?![" + re.escape(CONN_FIRST) + "])"
    "|(?![份" + re.escape(CONN_FIRST) + MTAIL_FIRST + "]))"
    "|(?![ " + re.escape(CONN_FIRST) + YTAIL_FIRST + "]))"
)


def _read_ymd_shape(m: re.Match[str], folded: str) -> Item | None:
    """``2019年``, ``2019年7月``, ``2019年7月29日``: as ``_read_year`` reads them.

    (The shapes' readers build their atoms with positional fields, a third
    cheaper than by keyword: they read most of a page's dates.)
    """
    y, month, day = m.groups()
    year = int(y)
    if not 1000 <= year <= 2999:
        return None
    start, end = m.span()
    if day is not None:
        return Atom(start, end, Kind.DAY, int(month), int(day), 0, year)
    if month is not None:
        return Atom(start, end, Kind.MONTH, int(month), 0, 0, year)
    if not 1800 <= year <= 2199 or _is_duration_year(folded, start, end):
        return None
    return Atom(start, end, Kind.YEAR, 0, 0, 0, year)


def _read_rel_shape(m: re.Match[str], _folded: str) -> Item | None:
    """``今年``, ``去年7月``, ``明年3月1日``: as ``_read_year`` reads them."""
    word, month, day = m.groups()
    start, end = m.span()
    yoff = _REL_YEARS[word]
    if day is not None:
        return Atom(start, end, Kind.DAY, int(month), int(day), 0, None, yoff)
    if month is not None:
        return Atom(start, end, Kind.MONTH, int(month), 0, 0, None, yoff)
    return Atom(start, end, Kind.YEAR, 0, 0, 0, None, yoff)


def _read_md_shape(m: re.Match[str], _folded: str) -> Item | None:
    """``7月``, ``7月29日``: as ``_read_month`` reads them."""
    month, day = m.groups()
    start, end = m.span()
    if day is not None:
        return Atom(start, end, Kind.DAY, int(month), int(day))
    return Atom(start, end, Kind.MONTH, int(month))


SHAPES: Final[tuple[Shape, ...]] = (
    Shape(
        "written",
        "year",
        r"(?<![\d.])(?P<y>\d{4})年" + _SHAPE_TAIL,
        _D,
        _read_ymd_shape,
        ("2019年", "2019年7月", "2019年7月29日", "2019年07月05号", "2019年|，"),
        anchors="年",
        runs=((4, "年"),),
    ),
    Shape(
        "relative",
        "year",
        "(?P<ry>今年|去年|明年|本年)" + _SHAPE_TAIL,
        "今去明本",
        _read_rel_shape,
        ("今年", "去年7月", "明年3月1日", "本年|，"),
        anchors="年",
    ),
    Shape(
        "monthday",
        "month",
        "(?P<m>{AMONTH})月(?:(?P<d>{ADAY}){HAO}(?![" + re.escape(CONN_FIRST) + "])"
        "|(?![份" + re.escape(CONN_FIRST) + MTAIL_FIRST + "]))",
        _D,
        _read_md_shape,
        ("7月29日", "12月", "07月05日", "7月29号", "7月|，"),
        anchors="月",
        runs=((1, "月"), (2, "月")),
    ),
)
"""The fast shapes, each tried first where its form would be (see ``Shape``)."""

_SHAPE_PATTERNS: Final = {shape.name: re.compile(shape.expanded) for shape in SHAPES}


ALTERNATION: Final = "(?:" + "|".join(form.expanded for form in FORMS) + ")"
"""All the forms as one alternation, in table order (what the scan is equivalent to)."""


Found = tuple[regex.Match[str], DateForm | Shape]
"""A match, and the form (or fast shape) whose pattern matched."""


# The forms' patterns are compiled on first use, not when the module loads
# (compiling them all takes about 45 ms, most of a page's worth of work): a
# text without 季 never compiles the quarter forms. Compiling is pure, so
# whichever thread compiles a pattern first, every thread gets the same one;
# the lock only keeps two threads from compiling it twice.
_COMPILED: Final[dict[str, regex.Pattern[str]]] = {}
_COMPILE_LOCK: Final = threading.Lock()


def compiled(form: DateForm) -> regex.Pattern[str]:
    """The form's pattern (``form.expanded``), compiled once, on first use.

    >>> compiled(FORMS[0]) is compiled(FORMS[0])
    True
    """
    pattern = _COMPILED.get(form.name)
    if pattern is None:
        with _COMPILE_LOCK:
            pattern = _COMPILED.get(form.name)
            if pattern is None:
                pattern = _COMPILED[form.name] = regex.compile(form.expanded)
    return pattern


_Forms = tuple[tuple[regex.Pattern[str], DateForm | Shape], ...]
_FormsOnly = tuple[tuple[regex.Pattern[str], DateForm], ...]
_FIRSTS: Final = sorted({c for form in FORMS for c in form.starts})


def _with_shapes(forms: _FormsOnly, fitting: list[Shape]) -> _Forms:
    """``forms`` after those of the ``fitting`` shapes whose form is one of them."""
    names = {form.name for _, form in forms}
    return (*((_SHAPE_PATTERNS[s.name], s) for s in fitting if s.form in names), *forms)


def _first_patterns(anchor: str) -> dict[str, _FormsOnly]:
    """For each first character, the forms a date can be there before ``anchor``, in table order.

    A position is tried in the window of the first anchor at or after it,
    and a form's match holds that anchor as its first (any anchor inside a
    match before its own first would be its first): so only the forms that
    can start with the position's character and whose first anchor can be
    that one are tried. Trying them one after the other is the alternation
    (its first branch that matches wins), and faster with the ``regex``
    engine than one pattern holding them all.
    """
    return {
        ch: tuple((compiled(f), f) for f in FORMS if ch in f.starts and anchor in f.anchors)
        for ch in _FIRSTS
        if ch != _D
    }


def _first_shapes(anchor: str) -> dict[str, _Forms]:
    """``_first_patterns`` for the fast scan, by first character or by the first two.

    The fast shapes that fit go in front. A form with ``leads`` is left out
    of the entry of its first character and kept in the entries of its
    leads (``"年初"``): the scan looks the first two characters up first.
    """
    table: dict[str, _Forms] = {}
    for ch, forms in by_first(anchor).items():
        fitting = [s for s in SHAPES if ch in s.starts and anchor in s.anchors]
        table[ch] = _with_shapes(tuple(x for x in forms if not x[1].leads), fitting)
        leads = {two for _, f in forms for two in f.leads if two[0] == ch}
        for two in leads:
            kept = tuple(x for x in forms if not x[1].leads or two in x[1].leads)
            table[two] = _with_shapes(kept, fitting)
    return table


_BY_RUN: Final[dict[tuple[str, int, str], _FormsOnly]] = {}
_MAX_RUN: Final = max(n for form in FORMS for n, _ in form.runs)
_FOLLOWERS: Final = frozenset(c for form in FORMS for _, after in form.runs for c in after)


def by_run(anchor: str, length: int, follower: str) -> _FormsOnly:
    """The forms to try before ``anchor`` at a run of ``length`` digits before ``follower``.

    Those whose ``runs`` allow the run (``2019年`` is a year, a year range
    or nothing, never an ISO date), in table order; none for a run no form
    starts with (``3.5%`` is no date, ``20192019`` neither).

    >>> [form.name for _, form in by_run("年", 4, "年")]
    ['yrange', 'year']
    >>> by_run(".", 1, "%")
    ()
    """
    if length > _MAX_RUN or follower not in _FOLLOWERS:
        return ()
    key = (anchor, length, follower)
    forms = _BY_RUN.get(key)
    if forms is None:
        forms = tuple(
            (compiled(f), f)
            for f in FORMS
            if anchor in f.anchors and any(n == length and follower in c for n, c in f.runs)
        )
        forms = _BY_RUN.setdefault(key, forms)
    return forms


_SHAPES_BY_RUN: Final[dict[tuple[str, int, str], _Forms]] = {}


def shapes_by_run(anchor: str, length: int, follower: str) -> _Forms:
    """``by_run``, with the fast shapes that fit the run in front (the forms the scan tries).

    >>> [form.name for _, form in shapes_by_run("年", 4, "年")]
    ['written', 'yrange', 'year']
    """
    key = (anchor, length, follower)
    forms = _SHAPES_BY_RUN.get(key)
    if forms is None:
        fitting = [
            s
            for s in SHAPES
            if anchor in s.anchors and any(n == length and follower in c for n, c in s.runs)
        ]
        forms = _with_shapes(by_run(anchor, length, follower), fitting)
        forms = _SHAPES_BY_RUN.setdefault(key, forms)
    return forms


_BY_FIRST: Final[dict[str, dict[str, _FormsOnly]]] = {}


@str_argument("anchor")
def by_first(anchor: str) -> dict[str, _FormsOnly]:
    """The forms to try before ``anchor``, by first character (a digit: ``by_run``).

    Built (and its patterns compiled) the first time a text holds the
    anchor; the same table every time after.

    >>> [form.name for _, form in by_first("年")["今"]]
    ['year', 'twoyears']
    """
    table = _BY_FIRST.get(anchor)
    if table is None:
        if anchor not in _ANCHORS:
            raise KeyError(anchor)
        table = _BY_FIRST.setdefault(anchor, _first_patterns(anchor))
    return table


_SHAPES_BY_FIRST: Final[dict[str, dict[str, _Forms]]] = {}


def shapes_by_first(anchor: str) -> dict[str, _Forms]:
    """``by_first``, with the fast shapes that fit each first character in front.

    A form with ``leads`` is in the entries of its leads only (see ``_first_shapes``).

    >>> [form.name for _, form in shapes_by_first("年")["今年"]]
    ['relative', 'year', 'twoyears']
    >>> [form.name for _, form in shapes_by_first("年")["今"]]
    ['twoyears']
    """
    table = _SHAPES_BY_FIRST.get(anchor)
    if table is None:
        table = _SHAPES_BY_FIRST.setdefault(anchor, _first_shapes(anchor))
    return table


# The positions worth a try before an anchor: a run of decimal digits (whole),
# or a character some form with that anchor starts with. (The standard engine,
# searched once a position and once more an anchor: a window holds one or
# two, and a ``finditer`` costs several searches.)
_START_AT_BY_ANCHOR: Final[dict[str, re.Pattern[str]]] = {}


def start_at(anchor: str) -> re.Pattern[str]:
    """The pattern of the positions worth a try before ``anchor``.

    Only the characters that a form with the anchor can start with: the
    others (most of a window) have no form to try there.

    >>> start_at("久").pattern
    '[不前日近]'
    >>> start_at("年").search("在2019年").group()
    '2019'
    """
    pattern = _START_AT_BY_ANCHOR.get(anchor)
    if pattern is None:
        forms = [f for f in FORMS if anchor in f.anchors]
        chars = "".join(sorted({c for f in forms for c in f.starts} - set(_D)))
        alternatives = [r"(?<![\d.])\d+"] if any(_D in f.starts for f in forms) else []
        alternatives += [f"[{re.escape(chars)}]"] if chars else []
        pattern = re.compile("|".join(alternatives) or "(?!)")
        pattern = _START_AT_BY_ANCHOR.setdefault(anchor, pattern)
    return pattern


_SHAPE_STARTS: Final[dict[str, re.Pattern[str]]] = {}


def shape_start_at(anchor: str) -> re.Pattern[str]:
    """``start_at`` for the fast scan: only the positions where it has a form or shape to try.

    A character whose own entry of ``shapes_by_first`` is empty (its forms
    all have ``leads``) counts only before the second character of one of
    its leads (``春`` before ``节``); a run of digits only with a length and
    a character after it that some form's ``runs`` allows (``3.86`` is no
    date before ``.``, ``2019`` is one before ``年``). The scan then never
    stops where it would find nothing to try.

    >>> shape_start_at("年").search("在47户,2019年").group()
    '2019'
    >>> [m.group() for m in shape_start_at("节").finditer("春天,春节")]
    ['春']
    """
    pattern = _SHAPE_STARTS.get(anchor)
    if pattern is None:
        pattern = _SHAPE_STARTS.setdefault(anchor, re.compile(_shape_starts(anchor) or "(?!)"))
    return pattern


def _shape_starts(anchor: str) -> str:
    r"""The pattern of ``shape_start_at(anchor)``: characters, leads, digit runs.

    The leads are one class of first characters before one class of second
    ones (a few superset positions cost a dictionary lookup that finds
    nothing; a branch for every lead would cost more at every position).
    The pattern opens with one class of every character a position can
    hold, and the kinds are told apart after it by looking back at that
    character: the standard engine then skips the other characters of a
    window in its search loop (a pattern that opens with an alternation or
    a lookbehind is tried at every position, a third of the scan's time).

    >>> _shape_starts("晨")
    '[今前后大明昨本]'
    >>> print(_shape_starts("号"))
    [\d](?<![\d.]\d)\d{0,1}(?=[号日])
    >>> print(*_shape_starts("季").split("|"), sep="\n")
    [上下当本这一三二前四第\d](?:(?<=[上下当本这])
    (?<=[一三二前四第])(?=[1234一三两二四季])
    (?<=[\d])(?<![\d.]\d)\d{0,0}(?=[季]))
    """
    table = shapes_by_first(anchor)
    plain = "".join(sorted(c for c in table if len(c) == 1 and table[c]))
    led = {key for key, forms in table.items() if len(key) == 2 and forms and not table[key[0]]}
    firsts = "".join(sorted({key[0] for key in led}))
    seconds = "".join(sorted({key[1] for key in led}))
    followers: set[str] = set()
    longest = 0  # the longest run of digits a form starts with (0: none)
    for form in FORMS:
        if anchor in form.anchors:
            for n, after in form.runs:
                followers.update(after)
                longest = max(longest, n)
    # (no follower is a digit: a run found is a whole run of exactly its length)
    run = (
        rf"(?<![\d.]\d)\d{{0,{longest - 1}}}(?=[{re.escape(''.join(sorted(followers)))}])"
        if longest
        else ""
    )
    kinds = [
        (plain, re.escape(plain), ""),
        (firsts, re.escape(firsts), f"(?=[{re.escape(seconds)}])"),
        (run, r"\d", run),
    ]
    kinds = [k for k in kinds if k[0]]
    if not kinds:
        return ""
    if len(kinds) == 1:
        return f"[{kinds[0][1]}]{kinds[0][2]}"
    branches = "|".join(f"(?<=[{chars}]){rest}" for _, chars, rest in kinds)
    return f"[{''.join(chars for _, chars, _ in kinds)}](?:{branches})"


@str_argument("folded")
def date_matches(folded: str) -> list[Found]:
    """The matches ``regex.compile(ALTERNATION).finditer(folded)`` gives, found faster.

    A date starts at most ``_LEAD`` characters before an anchor character,
    with a character that one of its forms can start with (a digit only
    where no digit or decimal point stands before it: every form that
    starts with a digit says so). Only such positions are tried, left to
    right, each from the end of the last match on (as ``finditer`` does),
    and each with only the forms its first character allows
    and the anchor of the window (``by_first``), in table order: the
    same matches, without trying every form at every position of the page.
    Linear: the windows before
    the anchors are scanned once each and do not overlap, and every
    pattern is linear (possessive repeats, atomic groups).

    >>> [(m.group(), form.name) for m, form in date_matches("今年上半年,7月29日")]
    [('今年上半年', 'year'), ('7月29日', 'month')]
    """
    return _matches(folded, _ANCHOR_AT, frozenset(), shapes=False) or []


# The anchors and the characters ``fold`` maps, in one class: fold_and_match
# scans a text that needs no folding (most pages) once, not twice.
_ANCHOR_OR_FOLD: Final = re.compile(
    "[" + re.escape("".join(sorted(set(_ANCHORS) | set(vocab.DATE_FOLD)))) + "]"
)
_FOLD_SOURCES: Final = frozenset(vocab.DATE_FOLD)


@str_argument("text")
def fold_and_match(text: str, *, shapes: bool = False) -> tuple[str, list[Found]]:
    """``fold(text)`` and the ``date_matches`` of it, in one scan when nothing needs folding.

    The anchors are looked for together with the characters ``fold`` maps;
    at the first of those the text is folded and scanned again from its
    start (what was found before is dropped: a match may look ahead past
    the character). Most pages hold none, and then ``fold`` is one scan
    less. With ``shapes``, a match of a fast shape (``SHAPES``) comes with
    its shape, whose ``read`` gives what its form gives for that match.

    >>> folded, found = fold_and_match("\uff12\uff10\uff11\uff19年，今年")
    >>> folded, [m.group() for m, _ in found]
    ('2019年，今年', ['2019年', '今年'])
    >>> [form.name for _, form in fold_and_match("2019年，今年", shapes=True)[1]]
    ['written', 'relative']
    """
    return scan_matches(text, shapes=shapes)


def scan_matches(text: str, *, shapes: bool = True) -> tuple[str, list[Found]]:
    """``fold_and_match`` without the check of its argument (the scan's own call).

    Internal (not in ``__all__``): the scan of ``dates`` calls it with a
    ``str`` it already has; the public entry points check their argument.

    >>> [(m.group(), form.name) for m, form in scan_matches("2019年")[1]]
    [('2019年', 'written')]
    """
    found = _matches(text, _ANCHOR_OR_FOLD, _FOLD_SOURCES, shapes=shapes)
    if found is not None:
        return text, found
    folded = text.translate(_FOLD)
    return folded, _matches(folded, _ANCHOR_AT, frozenset(), shapes=shapes) or []


_Entry = tuple[Mapping[str, _Forms], Callable[[str, int, int], re.Match[str] | None]]
_ENTRIES: Final[dict[bool, dict[str, _Entry]]] = {True: {}, False: {}}


def _entry(anchor: str, *, shapes: bool) -> _Entry:
    """What the scan needs at an anchor: its forms by first character, and its start search."""
    entry: _Entry = (
        (shapes_by_first(anchor), shape_start_at(anchor).search)
        if shapes
        else (by_first(anchor), start_at(anchor).search)
    )
    return _ENTRIES[shapes].setdefault(anchor, entry)


def _matches(
    folded: str, anchor_at: re.Pattern[str], stop: frozenset[str], *, shapes: bool
) -> list[Found] | None:
    """``date_matches`` with ``anchor_at`` finding the anchors; None where it finds a ``stop``.

    With ``shapes``, each position tries the fast shapes first, and only
    the positions ``shape_start_at`` finds are tried.
    """
    out: list[Found] = []
    floor = 0  # positions below this were looked at, or lie inside a match
    entry_get = _ENTRIES[shapes].get
    runs_get, run_forms = (_SHAPES_BY_RUN.get, shapes_by_run) if shapes else (_BY_RUN.get, by_run)
    for anchor in anchor_at.finditer(folded):
        a = anchor.start()
        ch = folded[a]
        if ch in stop:
            return None
        # (comparisons: a max() call, once an anchor, costs 3 % of the scan)
        lo = a - _LEAD
        if lo < floor:  # noqa: PLR1730
            lo = floor
        if lo > a:  # (inside the last match)
            continue
        table, search = entry_get(ch) or _entry(ch, shapes=shapes)
        # (one character past the anchor: a lead's lookahead sees its second
        # character; a position past the anchor is the next window's)
        while (first := search(folded, lo, a + 2)) is not None:
            p = first.start()  # (never inside the last match: lo is past it)
            if p > a:
                break
            lo = first.end()
            forms = table.get(folded[p : p + 2]) if shapes else None
            if forms is None:
                forms = table.get(folded[p])
            if forms is None:  # a run of digits
                key = (ch, lo - p, folded[lo])
                forms = runs_get(key) or run_forms(*key)
            for pattern, form in forms:
                m = pattern.match(folded, p)
                if m is not None:
                    out.append((m, form))
                    lo = max(lo, m.end())
                    break
        floor = lo if lo > a else a + 1
    return out


def parse(found: Found, folded: str) -> Item | None:
    """Read one match with the reader of its form (None: not a date).

    >>> parse(date_matches("去年底")[0], "去年底")  # doctest: +NORMALIZE_WHITESPACE
    Atom(start=0, end=3, kind=<Kind.YBOUND: 2>, a=1, b=0, c=0, year=None, yoff=-1,
         moff=None, yy=None)
    """
    m, form = found
    return form.read(m, folded)


GAP_CONN: Final = regex.compile(_expand("[ \u3000]?+起?+{CONN}[ \u3000]?+"))
"""What joins two mentions into a written range (``A至B``, ``A-B``)."""
GAP_MAX: Final = 5
"""The longest gap ``GAP_CONN`` joins (a space, 起, two dashes, a space): longer is no range."""
