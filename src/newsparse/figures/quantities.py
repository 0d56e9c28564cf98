"""Finding quantities in text: money, measures, counts, ratios and durations.

[`extract_quantities()`][newsparse.extract_quantities] reads a text once, left to right, and
returns the
figures it states as [`Quantity`][newsparse.Quantity] objects with offsets into the text.
Values are exact (``Decimal``, or ``Fraction``
for fractions); units are the codes of ``newsparse.figures.units.UNITS``; a count's
unit is its measure word.

>>> qs = extract_quantities("成交额达到3.86亿元，新增企业16家。")
>>> [(q.text, str(q.value), q.unit) for q in qs]
[('3.86亿元', '386000000', 'CNY'), ('16家', '16', '家')]

What is left out: dates and years (``2019年``, ``7月29日``), ordinals
(``第七批``), numbers inside short quoted names and slogans (``“8+3”产业``,
``“十四五”``), words that merely contain a numeral (``统一``, ``四川``,
``八千街道``, ``一二三产业``), list markers (``一是``), ``一`` used as an
indefinite article (``一名共产党员``), model names (``5G``), identifiers
(``3号``, phone numbers).
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

import regex

from newsparse.figures.numbers import (
    _CN1_STOP,
    BIG_UNITS,
    CN_DIGITS,
    NUMERAL_CHARS,
    Scanned,
    exact_value,
    fold_width,
    scan,
)
from newsparse.figures.units import CURRENCY_PREFIXES, SURFACES, unit_info
from newsparse.model import Approx, Dimension, Quantity, Span, Value

__all__ = ["Approx", "Dimension", "Quantity", "extract_quantities"]


# ----------------------------------------------------------------------------- tables

# (a plain character class: the standard ``re`` scans for it several times faster)
_CAND = re.compile("[0-9.\\-¥$€£" + "".join(sorted(NUMERAL_CHARS)) + "负負半]")

# Spans whose numbers are no quantities: URLs, e-mail, short quoted names and
# slogans, titles, dates written with separators, clock times.
_EXCLUDE = regex.compile(
    r"""
    (?:https?://|www\.)[!-~]++
  | (?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9.-]++
  | “[^“”\n，。,；;！？!?]{1,12}+”
  | ‘[^‘’\n，。,；;！？!?]{1,12}+’
  | 「[^「」\n，。,；;！？!?]{1,12}+」
  | "[^"\n，。,；;！？!?]{1,12}+"
  | 《[^《》\n]{1,40}+》
  | (?<!\d)\d{2,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[T\s]\d{1,2}:\d{2}(?::\d{2})?+[A-Za-z]?+)?+
  | \d{1,2}:\d{2}(?::\d{2})?+
  | \d{1,2}\s*+[·.]\s*+\d{1,2}(?=[”"」’])
  | (?<!\d)\d++\+\d++
    """,
    regex.VERBOSE,
)
# _EXCLUDE.finditer for a text whose only decimal digits are ASCII (no e-mail,
# no URL), with one ``re`` scan (the big alternation tried at every character
# is several times slower): a short quotation or title is matched here
# whole, exactly as _EXCLUDE matches it (no other alternative can start with
# its opening mark); a digit that a date, clock time, score or sum could start
# with is matched alone, and _EXCLUDE is tried there.
_EX_SCAN = re.compile(  # one leading class, so that ``re`` scans for it quickly
    r'[“‘「"《0-9](?:'
    r"(?<=“)[^“”\n，。,；;！？!?]{1,12}”"
    r"|(?<=‘)[^‘’\n，。,；;！？!?]{1,12}’"
    r"|(?<=「)[^「」\n，。,；;！？!?]{1,12}」"
    r'|(?<=")[^"\n，。,；;！？!?]{1,12}"'
    r"|(?<=《)[^《》\n]{1,40}》"
    r"|(?<=[0-9])(?<![0-9]{2})(?=[0-9]{1,3}[-/.][0-9]{1,2}[-/.]|[0-9]*\+[0-9])"  # 2019-7-1, 3+2
    r'|(?<=[0-9])(?=[0-9]?:[0-9]{2}|[0-9]?\s*[·.]\s*[0-9]{1,2}[”"」’])'  # 8:30, “3·15”
    ")"
)
# Any character outside these ranges may be a non-ASCII digit (\d): then
# _EXCLUDE scans the whole text (tests check the ranges hold no digit but 0-9).
_EX_NOT_ASCII_DIGITS = re.compile(
    "[^\x00-\u05ff\u2000-\u2bff\u2e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
    "\ufe10-\ufe6f\uff00-\uff0f\uff1a-\uffef]"
)

_SKIP_WORDS = (
    # dates, clock times, ordinal-like words: the number before them is no quantity
    "周年", "年代", "年级", "年份", "年度", "月份", "月", "日", "号", "时", "点", "楼", "室",
    "后", "强", "世纪", "级", "版", "代", "季度", "季", "线", "路", "分之", "集团",
    # 首 + measure word: 首届, 首批 (first), not a count of 首
    "首届", "首次", "首批", "首个", "首家", "首位", "首台", "首款", "首座", "首部", "首条",
    "首场", "首期", "首发", "首创", "首轮", "首都", "首先", "首选", "首页",
)  # fmt: skip
_UNIT_WORDS = sorted(set(SURFACES) | set(_SKIP_WORDS), key=lambda s: (-len(s), s))


def _unit_alt(word: str) -> str:
    esc: str = regex.escape(word)
    if word[-1].isascii() and word[-1].isalnum():
        return esc + "(?![A-Za-z0-9])"
    return esc


_UNIT_RE = regex.compile("(?:" + "|".join(_unit_alt(w) for w in _UNIT_WORDS) + ")")
# _UNIT_RE as a table: the words by first character, in _UNIT_WORDS order
# (longest first), each with whether it needs no ASCII letter or digit after it.
_UNIT_INDEX: dict[str, tuple[tuple[str, bool], ...]] = {}
for _w in _UNIT_WORDS:
    _UNIT_INDEX[_w[0]] = (*_UNIT_INDEX.get(_w[0], ()), (_w, _w[-1].isascii() and _w[-1].isalnum()))
del _w
_ASCII_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


def _unit_at(t: str, q: int) -> str:
    """The unit (or skip) word ``_UNIT_RE`` matches at ``q``, or ``""`` (a dict lookup)."""
    if q >= len(t):
        return ""
    group = _UNIT_INDEX.get(t[q])
    if group is None:
        return ""
    for word, ascii_end in group:
        if t.startswith(word, q):
            if ascii_end:
                e = q + len(word)
                if e < len(t) and t[e] in _ASCII_ALNUM:
                    continue
            return word
    return ""


_PP_RE = regex.compile(r"[个個]?+[ \t]*+[百佰][ \t]*+分[ \t]*+[点點]")


def _pp_end(t: str, q: int) -> int:
    """The end of the ``_PP_RE`` match at ``q`` (个百分点), or -1.

    By hand: the regex module looks ahead for the literals of a pattern
    before matching it, through the rest of the text (quadratic on ``3个3个…``).
    """
    n = len(t)
    k = q + 1 if q < n and t[q] in "个個" else q
    for chars in ("百佰", "分", "点點"):
        while k < n and t[k] in " \t":
            k += 1
        if k >= n or t[k] not in chars:
            return -1
        k += 1
    return k


_SKIP = frozenset(_SKIP_WORDS)

_PREFIXES: tuple[tuple[str, Approx], ...] = (
    ("将近", Approx.UNDER), ("接近", Approx.UNDER), ("不足", Approx.UNDER),
    ("不到", Approx.UNDER), ("近", Approx.UNDER), ("大约", Approx.ABOUT),
    ("约", Approx.ABOUT), ("超过", Approx.OVER), ("突破", Approx.OVER), ("逾", Approx.OVER),
    ("超", Approx.OVER),
)  # fmt: skip
_PREFIX_LAST = frozenset(w[-1] for w, _ in _PREFIXES)
_PREFIX_VERBS = frozenset("有为占合计达")
_PREFIX_BEFORE = _PREFIX_LAST | _PREFIX_VERBS
_NO_JIN = frozenset("最附临邻亲靠贴就远逼")
_NO_YUE = frozenset("节签预制公条合契邀相违履特婚缔守践毁赴简隐集盟")
_NO_CHAO = frozenset("赶高")
_POST = regex.compile(
    r"[ \t]*+(?:[(（]含[)）])?+[ \t]*+"
    r"(以上|以下|以内|左右|上下(?![游级班楼文水限面册卷半两一功])|出头|开外)"
)
_RANGE_SEP = regex.compile(r"[ \t]*+(?:[(（]含[)）])?+[ \t]*+(至|到|~|～|——|--|—|–|-)[ \t]*+")
_RANGE_FIRST = frozenset(" \t(（至到~～—–-")  # (what _RANGE_SEP can start with)
_POST_FIRST = frozenset(" \t(（以左上出开")  # (what _POST can start with)


def _post_at(t: str, i: int) -> regex.Match[str] | None:
    """``_POST.match(t, i)``, without the call when it cannot match."""
    if i >= len(t) or t[i] not in _POST_FIRST:
        return None
    return _POST.match(t, i)


_DIMENSIONS: dict[str, Dimension] = {}
# SURFACES with the dimension; an integral factor as an int (the same value,
# cheaper to compare and multiply by).
_SURFACE_INFO: dict[str, tuple[str, Fraction | int, Dimension]] = {
    w: (code, int(f) if f.denominator == 1 else f, unit_info(code).dimension)
    for w, (code, f) in SURFACES.items()
}


def _dimension(code: str) -> Dimension:
    """``unit_info(code).dimension``, remembered."""
    d = _DIMENSIONS.get(code)
    if d is None:
        d = _DIMENSIONS[code] = unit_info(code).dimension
    return d


_SUBUNIT_CNY = {"角": Fraction(1, 10), "毛": Fraction(1, 10), "分": Fraction(1, 100)}
_SURNAMES = frozenset("张王李赵刘陈孙周吴郑钱")
_DATE_PREV = frozenset("周期拜初月")
_INTRO = frozenset("是有为和与或到至了达共计等于值剩加减乘除以得要选给写说即约近超过逾")
_BARE_FOLLOW = frozenset("的且和与或及而但却不也就都还了那这")
_FEN_BAD_NEXT = frozenset("钟之别析布配享成工公行局会队组类期批段摊散红子数")
_CHENG_BAD_NEXT = frozenset("为立功员本果绩交都熟长型品效就规不")
_TAI_PLACE = frozenset("山湾州北南中东西")
_PHONE_WORDS = ("电话", "热线", "手机", "传真", "邮编", "号码", "编号", "代码", "QQ", "微信")
_SYMBOLS = {"¥": "CNY", "$": "USD", "€": "EUR", "£": "GBP"}
_GENERIC_YUAN = frozenset({"元", "圆", "块", "块钱", "元钱"})
_HALF_DIMS = frozenset(
    {Dimension.MONEY, Dimension.MASS, Dimension.LENGTH, Dimension.AREA, Dimension.VOLUME,
     Dimension.DURATION, Dimension.POWER, Dimension.ENERGY}
)  # fmt: skip
_SP = " \t\xa0"


def _is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


def _is_latin(c: str) -> bool:
    return ("a" <= c <= "z") or ("A" <= c <= "Z")


def _skip_sp(t: str, j: int, n: int) -> int:
    k = j
    while k < n and t[k] in _SP and k - j < 8:
        k += 1
    return k


# ----------------------------------------------------------------------------- tail of a figure


class _Tail:
    """What follows a numeral: approximation words, unit, sub-units (private)."""

    __slots__ = ("approx", "end", "skip", "surface", "unit_end", "unit_start")

    def __init__(self, end: int) -> None:
        self.end = end
        self.approx: Approx | None = None
        self.surface = ""
        self.unit_start = end
        self.unit_end = end
        self.skip = False


def _inner_approx(t: str, p: int, n: int) -> tuple[int, Approx | None]:
    """余/多/几/来 between the number and its unit."""
    if p < n:
        c = t[p]
        if c in "余多餘":
            return p + 1, Approx.OVER
        if c in "几幾":
            return p + 1, Approx.OVER
        if c == "来":
            w = _unit_at(t, p + 1)
            if w and w not in _SKIP:
                return p + 1, Approx.ABOUT
    return p, None


def _tail(t: str, num: Scanned, n: int) -> _Tail:
    tl = _Tail(num.end)
    if num.kind != "number":
        return tl
    p, tl.approx = _inner_approx(t, num.end, n)
    if num.approx_over:
        tl.approx = Approx.OVER
    tl.end = p
    q = _skip_sp(t, p, n)
    e = _pp_end(t, q) if q < n and t[q] in "个個百佰" else -1
    if e >= 0:
        tl.surface = "个百分点"
        tl.unit_start, tl.unit_end = q, e
        tl.end = e
        return tl
    word = _unit_at(t, q)
    if not word:
        return tl
    w_end = q + len(word)
    if word in _SKIP:
        tl.skip = True
        tl.end = w_end
        return tl
    tl.surface = word
    tl.unit_start, tl.unit_end = q, w_end
    tl.end = w_end
    return tl


def _sub_units(t: str, p: int, n: int, code: str) -> tuple[int, Fraction | int]:
    """角/毛/分 after 元, 美分 after 美元, 銭 after 日元: the smaller coins."""
    extra: Fraction | int = 0
    end = p
    k = p
    if code == "USD" and t.startswith("又", k):
        k += 1
    for _ in range(2):
        num = scan(t, k)
        if num is None or num.kind != "number" or num.is_pair or num.lo >= 100:
            break
        e = num.end
        c = t[e] if e < n else ""
        if code == "CNY" and c in _SUBUNIT_CNY:
            if c == "分" and e + 1 < n and t[e + 1] in _FEN_BAD_NEXT:
                break
            extra += num.lo * _SUBUNIT_CNY[c]
            end = k = e + 1
            continue
        if code == "USD" and t.startswith("美分", e):
            extra += Fraction(num.lo) / 100
            end = k = e + 2
            break
        if code == "JPY" and (t.startswith("日本銭", e) or t.startswith("銭", e)):
            extra += Fraction(num.lo) / 100
            end = k = e + (3 if t.startswith("日本銭", e) else 1)
            break
        break
    if extra and code == "CNY" and t.startswith("钱", end):
        end += 1
    return end, extra


class _Cand:
    """A candidate quantity being decided (private)."""

    __slots__ = ("approx", "code", "dim", "end", "factor", "hi", "lo", "num", "pre", "start",
                 "surface", "tl")  # fmt: skip

    def __init__(self, start: int, num: Scanned, tl: _Tail, pre: Approx | None) -> None:
        self.start = start
        self.num = num
        self.tl = tl
        self.pre = pre
        self.lo = num.lo
        self.hi = num.hi
        self.approx = pre or tl.approx
        self.end = tl.end
        self.surface = tl.surface
        self.code = ""
        self.factor: Fraction | int = 1
        self.dim = Dimension.NUMBER


def _same_unit(a: str, b: str) -> bool:
    if "个百分点" in {a, b}:
        return a == b
    return SURFACES.get(a) == SURFACES.get(b) and SURFACES.get(a) is not None


# ----------------------------------------------------------------------------- extraction


class _Scanner:
    """One left-to-right pass over a folded text (private)."""

    __slots__ = ("ex_ends", "ex_starts", "last_end", "n", "ord_from", "ord_stop", "out", "raw", "t")

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.t = fold_width(raw)
        self.n = len(raw)
        self.out: list[Quantity] = []
        self.last_end = 0
        self.ex_starts: list[int] = []
        self.ex_ends: list[int] = []
        self.ord_from = -2  # after_ordinal: the walk back from ord_from stopped at ord_stop
        self.ord_stop = -1
        self._excluded_spans()

    def _excluded_spans(self) -> None:
        """The spans of ``_EXCLUDE.finditer(t)``, trying the pattern only where it can match."""
        t = self.t
        starts, ends = self.ex_starts, self.ex_ends
        if "@" in t or "://" in t or "www." in t or _EX_NOT_ASCII_DIGITS.search(t):
            for m in _EXCLUDE.finditer(t):
                starts.append(m.start())
                ends.append(m.end())
            return
        pos = 0
        match = _EXCLUDE.match
        for tm in _EX_SCAN.finditer(t):
            p = tm.start()
            if p < pos:
                continue  # (a digit inside a date: no quotation mark is ever inside one)
            e = tm.end()
            if e - p > 1:  # a quotation or title
                starts.append(p)
                ends.append(e)
                pos = e
                continue
            m = match(t, p)
            if m is not None:
                starts.append(p)
                pos = m.end()
                ends.append(pos)

    def run(self) -> list[Quantity]:
        t, n = self.t, self.n
        starts, ends = self.ex_starts, self.ex_ends
        n_ex = len(starts)
        k = 0  # candidates come in increasing order: excluded spans are walked once
        pos = 0
        search = _CAND.search
        while True:
            m = search(t, pos)
            if m is None:
                break
            i = m.start()
            while k < n_ex and starts[k] <= i:
                k += 1
            if k > 0 and ends[k - 1] > i:  # inside an excluded span
                pos = ends[k - 1]
                continue
            nxt = self.at(i)
            pos = max(nxt, i + 1)
            if pos >= n:
                break
        return self.out

    # -- one candidate ------------------------------------------------------
    def at(self, i: int) -> int:
        t, n = self.t, self.n
        c = t[i]
        if "0" <= c <= "9":
            prev = t[i - 1] if i > 0 else ""
            if not (
                prev.isdigit()
                or prev == "_"
                or _is_latin(prev)
                or (prev == "." and i >= 2 and t[i - 2].isalnum())
            ):
                nxt = self.fast_digits(i)
                if nxt >= 0:
                    return nxt
        elif c in _QUICK_CN and i + 1 < n and t[i + 1] not in _QUICK_CN_STOP:
            nxt = self.quick_cn(i)
            if nxt >= 0:
                return nxt
        prev = t[i - 1] if i > 0 else ""
        symbol = ""
        j = i
        if c in _SYMBOLS:
            k = _skip_sp(t, i + 1, n)
            if k < n and "0" <= t[k] <= "9":
                symbol = _SYMBOLS[c]
                if c == "$" and prev in {"S", "K"}:
                    symbol = "USD" if prev == "S" else "HKD"
                j = k
            else:
                return i + 1
        elif c == "-":
            k = i + 1
            digit_next = k < n and (t[k].isdigit() or (t[k] == "." and t[k + 1 : k + 2].isdigit()))
            if not digit_next:
                return i + 1
            if prev and ((prev.isascii() and prev.isalnum()) or prev in "-~—–.+/_"):
                return i + 1
        elif c == ".":
            if not (i + 1 < n and t[i + 1].isdigit()) or (
                prev and ((prev.isascii() and prev.isalnum()) or prev == ".")
            ):
                return i + 1
        elif c in "负負":
            if i + 1 >= n or not (t[i + 1] in NUMERAL_CHARS or t[i + 1].isdigit()):
                return i + 1
        elif c == "半":
            return self.half(i)
        # what stands right before the numeral
        if prev == "." and i >= 2 and t[i - 2].isalnum():
            return self.skip_run(i)
        if _is_latin(prev) or prev == "_":
            return self.skip_run(i)
        if "0" <= c <= "9" and prev.isdigit():
            return self.skip_run(i)
        num = scan(t, j)
        if num is None:
            return i + 1
        end = num.end
        nc = t[end] if end < n else ""
        # what stands right after it: model names, versions, formulas
        if num.has_arabic and num.kind == "number":
            if _is_latin(nc) and not _unit_at(t, end):
                return self.skip_run(end)
            if nc == "." and end + 1 < n and t[end + 1].isdigit():
                return self.skip_run(end)
            if nc in ":+" and end + 1 < n and t[end + 1].isdigit():
                return self.skip_run(end)
        if prev == "第" or (prev == "、" and self.after_ordinal(i)):
            return self.skip_measure(num)
        if num.has_cn and not num.has_arabic and prev in _DATE_PREV and num.kind == "number":
            return self.skip_measure(num)
        # approximation words before it
        start, pre = self.prefix(j if not symbol else i, digitless=num.digitless)
        if symbol:
            start = min(start, i)
        tl = _tail(t, num, n)
        if tl.skip:
            return tl.end
        return self.finish(start, pre, symbol, num, tl)

    def quick_cn(self, i: int) -> int:
        """Where to go on after a lone Chinese digit or magnitude that is no quantity, or -1.

        ``一是``, ``进一步`` (a digit glued to a word), ``一个重要`` (an
        indefinite article), ``万得``, ``百姓`` (a magnitude without a digit):
        the general path rejects these, whatever stands before them, and goes
        on where this returns. -1: leave the candidate to the general path.
        The character after ``t[i]`` ends the numeral (``_QUICK_CN_STOP``).
        """
        t, n = self.t, self.n
        c = t[i]
        nc = t[i + 1]
        prev = t[i - 1] if i > 0 else ""
        if prev == "_" or _is_latin(prev) or (prev == "." and i >= 2 and t[i - 2].isalnum()):
            return -1  # (skip_run)
        word = _unit_at(t, i + 1)
        if c in CN_DIGITS and not word:
            if nc not in _CN1_NO_QUICK and _is_cjk(nc) and nc not in _BARE_FOLLOW:
                return i + 1  # a bare number inside a word (bare_ok)
            return -1
        if nc in _FAST_UNIT_PP and i + 2 < n and t[i + 2] in " \t百佰":
            return -1  # 个百分点
        end = i + 1 + len(word)
        if word in _SKIP:
            return end
        if end < n and t[end] in _RANGE_FIRST:
            return -1
        info = _SURFACE_INFO.get(word)
        if word and info is None:
            return end  # (resolve_unit)
        if c not in CN_DIGITS:
            # 万, 百: a magnitude without a digit needs 上/近/余/以上 (rules)
            if _post_at(t, end) is None and self.prefix(i, digitless=True)[1] is None:
                return end
            return -1
        if c in _ONE_CHARS and info is not None and info[2] is Dimension.COUNT:
            k = end
            while k < n and t[k].isspace():
                k += 1
            nx = t[k] if k < n else ""
            if (
                _is_cjk(nx)
                and nx not in NUMERAL_CHARS
                and self.prefix(i, digitless=False)[1] is None
            ):
                return end  # 一名共产党员: an indefinite article (count_rules)
        return -1

    def fast_digits(self, i: int) -> int:
        """The dominant shape, ``16家``, ``3.86亿元``, ``2019年``, decided in one go.

        An Arabic number (with an optional 万/亿) right before a unit word
        whose rules hold for any Arabic number, with nothing around that
        could make an approximation, a range, sub-units or a skipped word.
        Returns where to go on, exactly as the general path would, or -1 to
        leave the candidate to the general path (nothing was emitted then).
        """
        t, n = self.t, self.n
        k = i + 1
        while k < n and "0" <= t[k] <= "9" and k - i <= 40:
            k += 1
        whole_end = k
        point = False
        if k + 1 < n and t[k] == "." and "0" <= t[k + 1] <= "9":
            k += 2
            while k < n and "0" <= t[k] <= "9":
                k += 1
            point = True
        big = 1
        if k < n and t[k] in _FAST_BIG:
            big = BIG_UNITS[t[k]]
            k += 1
        end = k
        if end >= n or end - i > 40:
            return -1
        nc = t[end]
        if nc in _FAST_NEXT_STOP or nc.isdigit():
            return -1  # the numeral goes on, or what follows needs the general path
        if nc in _FAST_UNIT_PP and end + 1 < n and t[end + 1] in " \t百佰":
            return -1  # 个百分点
        prev = t[i - 1] if i > 0 else ""
        if prev in {"第", "、"}:
            return -1
        word = _unit_at(t, end)
        if not word:
            return -1
        w_end = end + len(word)
        if word in _SKIP:
            return w_end  # 2019年度, 3月: no quantity
        info = _FAST_UNITS.get(word)
        if info is None or (w_end < n and t[w_end] in _FAST_AFTER_STOP):
            return -1
        start: int = i
        pre: Approx | None = None
        if i - 1 >= self.last_end and t[i - 1] in _PREFIX_BEFORE:
            start, pre = self.prefix(i, digitless=False)
        if word in {"名", "位"} and start > 0 and t[start - 1] == "前":
            return -1  # 前3名
        val: Fraction | int
        if point:
            digits = t[i:whole_end] + t[whole_end + 1 : end - (big != 1)]
            num = int(digits) * big
            den = 10 ** (end - (big != 1) - whole_end - 1)
            val = num // den if num % den == 0 else Fraction(num, den)
        else:
            val = int(t[i:whole_end]) * big
        if (
            word == "年"
            and big == 1
            and not point
            and whole_end - i == 4
            and pre is None
            and 1000 <= val < 3000
        ):
            return w_end  # 2019年: a date
        code, factor, dim = info
        if dim is Dimension.MONEY and word in _GENERIC_YUAN:
            code = self.currency_before(start) or code
        if factor != 1:
            val *= factor
        # (emit, for a single value)
        value = Decimal(val) if type(val) is int else exact_value(val)
        self.out.append(
            Quantity(self.raw[start:w_end], Span(start, w_end), value, None, None, code, dim, pre)
        )
        self.last_end = w_end
        return w_end

    def after_ordinal(self, i: int) -> bool:
        """第一、二批: a list of ordinals after 第."""
        t = self.t
        k = i - 2
        # the walk back over numerals and 、 stops where the previous one from
        # ord_from stopped once it reaches ord_from (linear on 第一、二、三、…)
        lim = self.ord_from
        while k >= 0 and (t[k] in NUMERAL_CHARS or t[k] == "、"):
            if k == lim:
                k = self.ord_stop
                break
            k -= 1
        self.ord_from, self.ord_stop = i - 2, k
        return k >= 0 and t[k] == "第"

    def skip_run(self, i: int) -> int:
        t, n = self.t, self.n
        k = i
        while k < n and (t[k].isascii() and (t[k].isalnum() or t[k] in "._-+:/")):
            k += 1
        return max(k, i + 1)

    def skip_measure(self, num: Scanned) -> int:
        """Consume an ordinal or a date with the word after it."""
        return num.end + len(_unit_at(self.t, num.end))

    def prefix(self, j: int, *, digitless: bool) -> tuple[int, Approx | None]:
        """Approximation word (with an optional short verb) in front of ``j``."""
        t = self.t
        lo = self.last_end
        k = j
        if k - 1 < lo or (not digitless and t[k - 1] not in _PREFIX_BEFORE):
            return j, None  # (the loops below find nothing)
        # 上百, 数十, 几百: only before a bare magnitude
        if digitless and k - 1 >= lo:
            c = t[k - 1]
            if c == "上" and not (k - 2 >= 0 and t[k - 2] in "以之马"):
                return k - 1, Approx.OVER
            if c in "数几幾" and not (k - 2 >= 0 and t[k - 2] in "少多无"):
                return k - 1, Approx.VAGUE
        for skip_verb in (False, True):
            e = k
            if skip_verb:
                if e - 1 < lo or t[e - 1] not in _PREFIX_VERBS:
                    break
                e -= 1
            if e - 1 < lo or t[e - 1] not in _PREFIX_LAST:
                continue  # no approximation word ends here
            for word, ap in _PREFIXES:
                s = e - len(word)
                if s < lo or not t.startswith(word, s):
                    continue
                b = t[s - 1] if s > 0 else ""
                if word == "近" and b in _NO_JIN:
                    continue
                if word == "约" and b in _NO_YUE:
                    continue
                if word == "超" and b in _NO_CHAO:
                    continue
                if skip_verb and word not in {"约", "大约", "近", "将近", "超过"}:
                    continue
                return s, ap
        return j, None

    def half(self, i: int) -> int:
        """半斤, 半小时, 半个月, 半百."""
        t, n = self.t, self.n
        prev = t[i - 1] if i > 0 else ""
        if (prev and prev in "上下前后大一多这那每个") or i + 1 >= n:
            return i + 1
        nx = t[i + 1]
        if nx == "百":
            if not _is_cjk(t[i + 2] if i + 2 < n else ""):
                fifty = Fraction(50)
                self.emit(i, i + 2, lo=fifty, hi=fifty, code="", dim=Dimension.NUMBER, approx=None)
            return i + 2
        word = _unit_at(t, i + 1)
        if not word:
            return i + 1
        m_end = i + 1 + len(word)
        info = SURFACES.get(word)
        if word in _SKIP or word == "年" or info is None:
            return m_end
        code, factor = info
        dim = _dimension(code)
        if dim not in _HALF_DIMS or word in _GENERIC_YUAN:
            return m_end
        half = Fraction(1, 2) * factor
        self.emit(i, m_end, lo=half, hi=half, code=code, dim=dim, approx=None)
        return m_end

    # -- range -------------------------------------------------------------
    def range_high(self, num: Scanned, tl: _Tail) -> tuple[Scanned, _Tail] | None:
        """The upper end of ``5至10个``, ``1万-5万元``, ``两到三万港元``."""
        t, n = self.t, self.n
        if tl.end >= n or t[tl.end] not in _RANGE_FIRST:
            return None
        m = _RANGE_SEP.match(t, tl.end)
        if m is None:
            return None
        k = m.end()
        if k >= n:
            return None
        c = t[k]
        if not (c.isdigit() or c in NUMERAL_CHARS or (c in "百佰" and num.kind == "percent")):
            return None
        hi = scan(t, k)
        if hi is None or hi.kind != num.kind or hi.is_pair or num.is_pair:
            return None
        if hi.end + 1 < n and t[hi.end] == "." and t[hi.end + 1].isdigit():
            return None
        return hi, _tail(t, hi, n)

    # -- decision ----------------------------------------------------------
    def finish(self, start: int, pre: Approx | None, symbol: str, num: Scanned, tl: _Tail) -> int:
        """Join range, unit and approximation; apply the context rules; emit."""
        t, n = self.t, self.n
        c = _Cand(start, num, tl, pre)
        rng = None if (num.is_pair or num.pair_alt is not None) else self.range_high(num, tl)
        if rng is not None:
            hnum, htl = rng
            if htl.skip and tl.surface in {"", htl.surface}:
                return htl.end  # 1至5月份, 2016年至2018年: dates
            if not htl.skip and self.join_range(c, hnum, htl):
                c.tl = htl if htl.surface else tl
        elif num.pair_alt is not None:
            if c.surface:
                c.lo, c.hi = num.pair_alt  # 两三个
            elif not num.dbd_valid:
                return tl.end
        if not c.surface and num.kind == "number" and not num.is_pair and not num.dbd_valid:
            return tl.end
        if not self.resolve_unit(c, symbol):
            return c.end
        if not self.rules(c):
            return c.end
        self.complete(c)
        self.emit(c.start, c.end, lo=c.lo, hi=c.hi, code=c.code, dim=c.dim, approx=c.approx)
        del n, t
        return c.end

    def join_range(self, c: _Cand, hnum: Scanned, htl: _Tail) -> bool:
        """Make ``c`` the range up to ``hnum`` when units agree and low < high."""
        t = self.t
        if c.surface and htl.surface and not _same_unit(c.surface, htl.surface):
            return False
        lo, hi = c.num.lo, hnum.lo
        plain = not any(ch in BIG_UNITS or ch in "kKM" for ch in t[c.num.start : c.num.end])
        if plain and not c.surface:
            # 两到三万, 十八至三十万: the upper end lends its magnitude
            for mult in hnum.last_mult:
                if lo * mult <= hi:
                    lo *= mult
                    break
        if lo >= hi:
            return False
        c.lo, c.hi = lo, hi
        c.surface = c.surface or htl.surface
        c.approx = c.pre or htl.approx
        c.end = htl.end
        return True

    def resolve_unit(self, c: _Cand, symbol: str) -> bool:
        """Set ``code``, ``factor`` and ``dimension`` from the unit word or the sign."""
        kind = c.num.kind
        if kind == "percent":
            c.code, c.dim = "%", Dimension.PERCENT
        elif kind == "fraction":
            c.code, c.dim = "fraction", Dimension.FRACTION
        elif c.surface == "个百分点":
            c.code, c.dim = "pp", Dimension.PERCENTAGE_POINT
        elif c.surface:
            info = _SURFACE_INFO.get(c.surface)
            if info is None:
                return False
            c.code, c.factor, c.dim = info
        elif symbol:
            c.code, c.dim = symbol, Dimension.MONEY
        if c.dim is Dimension.MONEY and c.surface in _GENERIC_YUAN:
            # 港币两千九百六十元, ¥300元
            c.code = symbol or self.currency_before(c.start) or c.code
        return True

    def complete(self, c: _Cand) -> None:
        """Sub-units, 半, approximation words after the unit, 零下; then scale."""
        t, n = self.t, self.n
        extra: Fraction | int = 0
        end = c.end
        same = c.lo == c.hi
        if c.dim is Dimension.MONEY and c.surface in _COIN_UNITS and same:
            end2, extra = _sub_units(t, end, n, c.code)
            if extra:
                end = end2
        if (
            same
            and c.dim in _HALF_DIMS
            and end < n
            and t[end] == "半"
            and not extra
            and not (end + 1 < n and SURFACES.get(t[end + 1]) is not None)
        ):
            extra = Fraction(1, 2)  # 一吨半, 一年半
            end += 1
        m = _post_at(t, end)
        if m is not None:
            c.approx = c.approx or _POST_APPROX[m.group(1)]
            end = m.end()
        elif c.dim in _MORE_DIMS and end < n and t[end] in "多余" and c.approx is None:
            c.approx = Approx.OVER  # 三年多, 两倍多
            end += 1
        if "半" in c.surface:
            extra += Fraction(1, 2)  # 三个半小时
        if "多" in c.surface and c.approx is None:
            c.approx = Approx.OVER  # 两个多月
        if c.dim is Dimension.TEMPERATURE and t.startswith("零下", c.start - 2) and c.lo > 0:
            c.start -= 2
            c.lo, c.hi = -c.hi, -c.lo
        if extra:
            c.lo += extra
            c.hi += extra
        if c.factor != 1:
            c.lo *= c.factor
            c.hi *= c.factor
        c.end = end

    def currency_before(self, start: int) -> str:
        """A currency word printed right before the amount (``人民币 50元``)."""
        t = self.t
        k = start
        while k > 0 and t[k - 1] in _SP:
            k -= 1
        if k == 0 or t[k - 1] not in _CURRENCY_LAST:
            return ""
        for word in _CURRENCY_WORDS:
            if k - len(word) >= self.last_end and t.startswith(word, k - len(word)):
                return CURRENCY_PREFIXES[word]
        return ""

    def rules(self, c: _Cand) -> bool:
        """Context rules: whether the candidate is a quantity."""
        t, n = self.t, self.n
        num, surface, dim, end = c.num, c.surface, c.dim, c.end
        prev = t[c.start - 1] if c.start > 0 else ""
        first = t[num.start]
        if first in _SIGNS and num.end > num.start + 1:
            first = t[num.start + 1]
        cn_only = num.has_cn and not num.has_arabic
        single = cn_only and num.single and c.lo == c.hi
        nxt_i = end
        while nxt_i < n and t[nxt_i].isspace():
            nxt_i += 1
        nxt = t[nxt_i] if nxt_i < n else ""
        glued = nxt if nxt_i == end else ""
        if (
            num.kind == "number"
            and ((num.digitless and first not in "十拾") or first in BIG_UNITS)
            and c.approx is None
            and _post_at(t, end) is None
        ):
            return False  # 万, 亿元, 万一: a magnitude without a digit needs 上/近/余/以上
        if single and c.lo == 0 and dim is not Dimension.NUMBER:
            return False  # 零部件, 零售
        if single and first in _DIGIT_ONE_CHARS and prev in _SURNAMES:
            return False  # 李四, 王五: placeholder names
        if single and first in _FINANCIAL and _is_cjk(prev) and prev not in _INTRO:
            return False  # 队伍, 大陆, 收拾: a lone financial numeral belongs to a word
        if prev == "前" and surface in {"名", "位"}:
            return False  # 前三名: a rank
        if surface == "年" and not self.duration_year(c):
            return False
        if surface in {"届", "级"} and num.arabic_int_len == 4:
            return False  # 2024届: a cohort
        if dim is Dimension.COUNT and not self.count_rules(c, prev, first, nxt, glued):
            return False
        if surface == "块" and dim is Dimension.MONEY and _is_cjk(glued) and glued not in _KUAI_OK:
            return False  # 3块地: pieces, not yuan
        if surface == "度" and not (any(m >= 10**4 for m in num.last_mult) or glued == "电"):
            return False  # 30度: degrees, not kWh
        if surface == "成" and not (
            ((cn_only and num.single) or (num.has_arabic and not num.point and c.lo <= 10))
            and glued not in _CHENG_BAD_NEXT
            and prev not in _CHENG_BAD_PREV
        ):
            return False  # 建成, 一成不变
        if dim is Dimension.NUMBER and num.kind == "number":
            post = _post_at(t, end)
            return self.bare_ok(c, prev, post.end() if post is not None else end)
        return True

    def duration_year(self, c: _Cand) -> bool:
        """``近3年``, ``三年`` are durations; ``2019年``, ``二〇一九年`` are dates."""
        num = c.num
        year_like = num.dbd or (
            num.has_arabic and not num.has_cn and num.arabic_int_len == 4 and not num.point
        )
        if c.lo != c.hi:
            return not year_like
        return not (year_like and c.approx is None and (num.dbd or 1000 <= c.lo < 3000))

    def count_rules(self, c: _Cand, prev: str, first: str, nxt: str, glued: str) -> bool:
        """Measure words that double as other words."""
        num, surface = c.num, c.surface
        cn_only = num.has_cn and not num.has_arabic
        if num.dbd and c.lo == c.hi:
            return False  # 一一对应
        if (
            cn_only
            and num.single
            and first in _DIGIT_ONE_CHARS
            and c.lo == c.hi == 1
            and c.approx is None
            and _is_cjk(nxt)
            and nxt not in NUMERAL_CHARS
        ):
            return False  # 一名共产党员: an indefinite article
        if surface == "期" and cn_only:
            return False  # 二期工程: a phase
        if surface == "分" and (
            (cn_only and self.t[num.start : num.end] in _FEN_WORDS)
            or glued in _FEN_BAD_NEXT
            or (prev and prev in "时点")
        ):
            return False  # 十分重视, 3分钟, 8时30分
        if surface == "台" and glued in _TAI_PLACE:
            return False  # 五台山
        return not (surface == "首" and glued in _SHOU_NEXT)

    def bare_ok(self, c: _Cand, prev: str, end: int) -> bool:
        """A bare number must stand on its own: not inside a word, an identifier or a code."""
        t, num, start = self.t, c.num, c.start
        if num.lead_zero or (num.arabic_int_len > 8 and not num.commas):
            return False  # 003, 0416, phone and ID numbers
        nc = t[end] if end < self.n else ""
        if (_is_cjk(nc) and nc not in _BARE_FOLLOW) or _is_latin(nc) or (nc and nc in _OPERATORS):
            return False
        cn_only = num.has_cn and not num.has_arabic
        if cn_only and (num.single or num.dbd) and _is_cjk(prev) and prev not in _INTRO:
            return False  # 统一, 之一, 其一
        if prev == " " and start >= 2 and _is_latin(t[start - 2]):
            return False  # iPhone 11
        if num.has_arabic and prev and prev in _PREV_OPERATORS:
            return False
        k = start
        while k > 0 and t[k - 1] in ":  ":
            k -= 1
        return not any(t.startswith(w, k - len(w)) for w in _PHONE_WORDS)

    def emit(
        self,
        start: int,
        end: int,
        *,
        lo: Fraction | int,
        hi: Fraction | int,
        code: str,
        dim: Dimension,
        approx: Approx | None,
    ) -> None:
        """Append one quantity (exact values; Fraction for fractions)."""
        v_lo: Value
        if type(lo) is int and dim is not Dimension.FRACTION:
            v_lo = Decimal(lo)  # (exact_value of an int)
        else:
            v_lo = Fraction(lo) if dim is Dimension.FRACTION else exact_value(lo)
        if lo == hi:
            value, low, high = v_lo, None, None
        else:
            v_hi: Value = Fraction(hi) if dim is Dimension.FRACTION else exact_value(hi)
            value, low, high = None, v_lo, v_hi
        # (positional: text, span, value, low, high, unit, dimension, approx)
        self.out.append(
            Quantity(self.raw[start:end], Span(start, end), value, low, high, code, dim, approx)
        )
        self.last_end = end


_POST_APPROX = {
    "以上": Approx.OVER,
    "以下": Approx.UNDER,
    "以内": Approx.UNDER,
    "左右": Approx.ABOUT,
    "上下": Approx.ABOUT,
    "出头": Approx.OVER,
    "开外": Approx.OVER,
}
_SIGNS = frozenset("负負-")
_COIN_UNITS = frozenset({"元", "圆", "块", "块钱", "元钱", "美元", "日元"})
_MORE_DIMS = frozenset({Dimension.DURATION, Dimension.MULTIPLE})
_KUAI_OK = frozenset("钱毛角半") | NUMERAL_CHARS
_CHENG_BAD_PREV = frozenset("建完形达促构组合集赞变分")
_FEN_WORDS = frozenset({"十", "万", "百", "千", "一"})
_SHOU_NEXT = frozenset("届次批个家位台款座部条场期发创轮")
_OPERATORS = frozenset("+:*/.×")  # noqa: RUF001
_PREV_OPERATORS = frozenset("+*/×")  # noqa: RUF001
_CURRENCY_WORDS = ("人民币", "港币", "港元", "美元", "美金", "欧元", "日元", "日币")
_CURRENCY_LAST = frozenset(w[-1] for w in _CURRENCY_WORDS)
_FINANCIAL = frozenset("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟")
_DIGIT_ONE_CHARS = frozenset("一壹弌二贰貳三叁參四肆五伍六陆陸七柒八捌九玖")


# The fast path (_Scanner.fast_digits): characters after an Arabic number that
# send it to the general path (numeral characters, approximation words,
# blanks, letters, the signs of formulas, ranges and versions) ...
_FAST_BIG = frozenset("万萬亿億")
# after a lone Chinese digit: what may make it more than a digit glued to a word
_CN1_NO_QUICK = _CN1_STOP | _RANGE_FIRST | _POST_FIRST | frozenset("来个個")
# _Scanner.quick_cn: lone digits and magnitudes (十 makes a number on its own),
# and the characters after them that may go on with the numeral or its tail
_QUICK_CN = (CN_DIGITS.keys() | BIG_UNITS.keys() | frozenset("百佰千仟")) - {"十", "拾"}
_QUICK_CN_STOP = _CN1_STOP | frozenset("0123456789来米克瓦伏帕赫字")
_ONE_CHARS = frozenset(ch for ch, v in CN_DIGITS.items() if v == 1)
_FAST_NEXT_STOP = (
    NUMERAL_CHARS
    | frozenset("点點余多几幾餘来 \t\xa0kKMeE^/.,:+分又")
    | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
)
_FAST_UNIT_PP = frozenset("个個")
# ... characters after the unit that do (a range, an approximation word,
# sub-units, 半, 多) ...
_FAST_AFTER_STOP = (
    _RANGE_FIRST | _POST_FIRST | NUMERAL_CHARS | frozenset("0123456789.-负負半多余又")
)
# ... and the unit words whose rules hold for every Arabic number (the others
# have context rules, a 半 or 多 of their own, or a sign before them).
_FAST_UNITS = {
    w: info
    for w, info in _SURFACE_INFO.items()
    if w not in {"个百分点", "届", "分", "台", "首", "块", "度", "成"}
    and "半" not in w
    and "多" not in w
    and info[2] not in {Dimension.TEMPERATURE, Dimension.NUMBER, Dimension.FRACTION}
}


def extract_quantities(text: str) -> list[Quantity]:
    """Every quantity stated in ``text``, in order, with offsets into ``text``.

    One left-to-right pass; full-width digits and signs are read in place
    (offsets always index the string given). Never raises on a ``str``.

    >>> qs = extract_quantities("结余10.56亿元，二百余万元，两三个，近百个，三分之一")
    >>> for q in qs:
    ...     print(q.text, q.value, q.low, q.high, q.unit, q.approx)
    10.56亿元 1056000000 None None CNY None
    二百余万元 2000000 None None CNY over
    两三个 None 2 3 个 None
    近百个 100 None None 个 under
    三分之一 1/3 None None fraction None
    >>> [q.text for q in extract_quantities("“十四五”期间，第七批，一名共产党员，5G基站")]
    []
    >>> extract_quantities("增长\uff11\uff16\uff05")[0].span  # full-width 16%
    Span(start=2, end=5)
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_quantities() needs a str, not {type(text).__name__}")
    if not text:
        return []
    return _Scanner(text).run()
