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

import functools
import re
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Final

import regex

from newsparse.chars import ASCII_DIGITS, ASCII_LETTERS, INLINE_BLANKS
from newsparse.errors import str_argument
from newsparse.figures.numbers import (
    _CN1_STOP,
    _MAX_SP,
    FOLD,
    Scanned,
    _scan_full,
    exact_value,
    fold_width,
    scan,
)
from newsparse.figures.units import CURRENCY_PREFIXES, SURFACES, unit_info
from newsparse.figures.vocab import (
    APPROX_PREFIXES,
    BARE_FOLLOW,
    BIG_UNITS,
    CHENG_BAD_NEXT,
    CHENG_BAD_PREV,
    CLAUSE_BREAKS,
    CLOCK_MARKS,
    CN_DIGITS,
    CNY_SUBUNITS,
    COIN_UNITS,
    CURRENCY_SYMBOLS,
    DATE_PREVIOUS,
    FEN_BAD_NEXT,
    FEN_WORDS,
    FINANCIAL_DIGITS,
    FRONT_UNITS,
    GENERIC_YUAN,
    HALF_NEXT_NOT,
    INNER_APPROX,
    INTRO_CHARS,
    KUAI_OK,
    LIST_SEPARATORS,
    NEGS,
    NOT_CHAO_BEFORE,
    NOT_JIN_BEFORE,
    NOT_YUE_BEFORE,
    NUMERAL_CHARS,
    ONE_CHARS,
    OPERATORS,
    PHONE_WORDS,
    PLAIN_NONZERO_DIGITS,
    POST_APPROX,
    PREFIX_VERBS,
    PREV_OPERATORS,
    RATE_WORDS,
    SHOU_NEXT,
    SIGNS,
    SKIP_WORDS,
    SURNAMES,
    TAI_PLACE,
    UNIT_AFTER_MULT,
    VERB_PREFIXES,
)
from newsparse.model import Approx, Dimension, Quantity, Span, Value

__all__ = ["Approx", "Dimension", "Quantity", "extract_quantities"]


# ----------------------------------------------------------------------------- tables

# (a plain character class: the standard ``re`` scans for it several times faster)
_CAND: Final = re.compile(
    "[0-9.\\-" + "".join(sorted(CURRENCY_SYMBOLS)) + "".join(sorted(NUMERAL_CHARS)) + "负負半]"
)
_CAND_CHARS: Final = frozenset("0123456789.-负負半") | frozenset(CURRENCY_SYMBOLS) | NUMERAL_CHARS

# Spans whose numbers are no quantities: URLs, e-mail, short quoted names and
# slogans, titles, dates written with separators, clock times.
_EXCLUDE: Final = regex.compile(
    r"""
    (?:https?://|www\.)[!-~]++
  | (?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9.-]++
  | “[^“”\n，。,；;！？!?]{1,12}+”
  | ‘[^‘’\n，。,；;！？!?]{1,12}+’
  | 「[^「」\n，。,；;！？!?]{1,12}+」
  | "[^"\n，。,；;！？!?]{1,12}+"
  | 《[^《》\n]{1,40}+》
  | (?<!\d)\d{2,4}[-/.·]\d{1,2}[-/.·]\d{1,4}(?:[T\s]\d{1,2}:\d{2}(?::\d{2})?+[A-Za-z]?+)?+
  | \d{1,2}:\d{2}(?::\d{2})?+
  | \d{1,2}\s*+[·.]\s*+\d{1,2}(?=[”"」’])
  | (?<!\d)\d++\+\d++
    """,
    regex.VERBOSE,
)
# Any character outside these ranges may be a non-ASCII digit (\d): then
# _EXCLUDE scans the whole text (tests check the ranges hold no digit but 0-9).
_ASCII_DIGITS_ONLY = (
    (0x0000, 0x05FF), (0x2000, 0x2BFF), (0x2E00, 0x9FFF), (0xAC00, 0xD7AF),
    (0xF900, 0xFAFF), (0xFE10, 0xFE6F), (0xFF00, 0xFF0F), (0xFF1A, 0xFFEF),
)  # fmt: skip


def _ranges(ranges: tuple[tuple[int, int], ...], leave_out: frozenset[int]) -> str:
    """The inside of a character class: ``ranges`` without the characters in ``leave_out``.

    >>> _ranges(((0x30, 0x39),), frozenset({0x35}))
    '0-46-9'
    """
    parts: list[str] = []
    for lo, hi in ranges:
        start = lo
        for c in sorted(x for x in leave_out if lo <= x <= hi):
            if start < c:
                parts.append(f"{re.escape(chr(start))}-{re.escape(chr(c - 1))}")
            start = c + 1
        if start <= hi:
            parts.append(f"{re.escape(chr(start))}-{re.escape(chr(hi))}")
    return "".join(parts)


def _outside(ranges: tuple[tuple[int, int], ...], also: frozenset[int]) -> re.Pattern[str]:
    """A class of the characters outside ``ranges``, and of those in ``also``.

    >>> _outside(((0x30, 0x39),), frozenset({0x35})).pattern
    '[^0-46-9]'
    """
    return re.compile("[^" + _ranges(ranges, also) + "]")


# _EXCLUDE.finditer for a text whose only decimal digits are ASCII (no e-mail,
# no URL), with one ``re`` scan (the big alternation tried at every character
# is several times slower): a short quotation or title is matched here
# whole, exactly as _EXCLUDE matches it (no other alternative can start with
# its opening mark). A date, clock time, score or sum holds a separator right
# after the run of digits it starts in (2019-7-1, 8:30, 3+2; the score's
# point may come after blanks, “3 . 15”): the scan stops at such a separator,
# not at each digit (a page has ten times as many digits), and
# ``_Scanner._digits_before`` tries _EXCLUDE at the digits of that run where
# one of these shapes may start (``_EX_DIGIT``).
_EX_MARKS: Final = '“‘「"《'
_EX_SEPARATORS: Final = "-/.·:+"
# A quotation or title (not one in ASCII "…") whose text holds no character
# a figure may start with (_CAND), no mark, nothing to fold and no other
# digit is not matched: no candidate, no other excluded span and nothing to
# fold is inside it, and the scan goes on through it finding nothing (this
# leaves out most quotations: their spans are never asked).
_EX_NO_FIGURE: Final = _ranges(
    _ASCII_DIGITS_ONLY,
    frozenset(FOLD) | {ord(c) for c in _CAND_CHARS | set(_EX_MARKS + "”’」》\n，。,；;！？!?")},
)
_EX_QUOTES: Final = (
    f"(?<=[{_EX_MARKS}])(?:"
    f"(?<=“)(?![{_EX_NO_FIGURE}]{{1,12}}”)"
    r"[^“”\n，。,；;！？!?]{1,12}”"
    f"|(?<=‘)(?![{_EX_NO_FIGURE}]{{1,12}}’)"
    r"[^‘’\n，。,；;！？!?]{1,12}’"
    f"|(?<=「)(?![{_EX_NO_FIGURE}]{{1,12}}」)"
    r"[^「」\n，。,；;！？!?]{1,12}」"
    r'|(?<=")[^"\n，。,；;！？!?]{1,12}"'
    f"|(?<=《)(?![{_EX_NO_FIGURE}]{{1,40}}》)"
    r"[^《》\n]{1,40}》"
    ")"
)
# ... a separator after a digit (a score's point also after a blank) followed
# by what the shape needs after it: most separators on a page are decimal
# points (16.8%), which fail here and cost no Python
_EX_ALTERNATIVES: Final = (
    _EX_QUOTES
    + r"|(?<=[0-9][-/.·])(?=[0-9]{1,2}[-/.·])"  # 2019-7-1
    + r"|(?<=[0-9]:)(?=[0-9]{2})"  # 8:30
    + r'|(?<=[0-9\s][·.])(?=\s*[0-9]{1,2}[”"」’])'  # “3·15”, “3 . 15”
    + r"|(?<=[0-9]\+)(?=[0-9])"  # 3+2
)
# The digits where an excluded date, clock time, score or sum may start: the
# digit at ``p`` and what a look around it finds (a sign or blank within
# four characters first: most digits stop there), tried with ``match(t, p)``.
_EX_DIGIT: Final = re.compile(
    r"[0-9](?=[0-9]{0,3}[-/.·:\s])(?:(?<![0-9]{2})(?=[0-9]{1,3}[-/.·][0-9]{1,2}[-/.·])"  # 2019-7-1
    r'|(?=[0-9]?:[0-9]{2}|[0-9]?\s*[·.]\s*[0-9]{1,2}[”"」’]))'  # 8:30, “3·15”
    r"|[0-9](?<![0-9]{2})(?=[0-9]*\+[0-9])"  # 3+2
)
_EX_SCAN: Final = re.compile(  # one leading class, so that ``re`` scans for it quickly
    f"[{_EX_MARKS}{re.escape(_EX_SEPARATORS)}](?:{_EX_ALTERNATIVES})"
)
_EX_NOT_ASCII_DIGITS = _outside(_ASCII_DIGITS_ONLY, frozenset())
# ... or a character that fold_width maps: a text with none of these (most
# texts) needs neither folding nor the whole-text _EXCLUDE scan, and one
# scan tells (instead of one for each).
_FOLD_OR_OTHER_DIGITS = _outside(_ASCII_DIGITS_ONLY, frozenset(FOLD))
# _EX_SCAN on the text as given, which also matches (alone) any character of
# _FOLD_OR_OTHER_DIGITS: one scan finds the excluded spans of a simple text
# and tells when the text is not simple.
_EX_SCAN_RAW: Final = re.compile(
    _outside(
        _ASCII_DIGITS_ONLY, frozenset(FOLD) | {ord(c) for c in _EX_MARKS + _EX_SEPARATORS}
    ).pattern
    + f"(?:{_EX_ALTERNATIVES}|(?<![{_EX_MARKS}{re.escape(_EX_SEPARATORS)}]))"
)

_UNIT_WORDS: Final = sorted(set(SURFACES) | set(SKIP_WORDS), key=lambda s: (-len(s), s))


def _unit_alt(word: str) -> str:
    esc: str = regex.escape(word)
    if word[-1].isascii() and word[-1].isalnum():
        return esc + "(?![A-Za-z0-9])"
    return esc


@functools.cache
def _unit_re() -> regex.Pattern[str]:
    """Every unit and skip word as one alternation, longest first (what ``_UNIT_INDEX`` matches).

    Compiled on first use only (the tests): the scanner reads the table.
    """
    return regex.compile("(?:" + "|".join(_unit_alt(w) for w in _UNIT_WORDS) + ")")


def _word_trie(words: list[str]) -> str:
    """``words`` as one regex that matches what their longest-first alternation matches.

    A trie: ``re`` tries the branches of an alternation one after the other,
    a trie reads each character once. A word ending in an ASCII letter or
    digit must not run on into another one, as in ``_unit_re()``; the branches
    of a node that continue a word come before the word ending there.

    >>> _word_trie(["万元", "万", "元", "kg"])
    '(?:kg(?![A-Za-z0-9])|万(?:元|)|元)'
    """
    return _trie_node(words, 0, "")


def _trie_node(words: list[str], depth: int, last: str) -> str:
    """The regex of ``words``, which share their first ``depth`` characters (``last`` the last)."""
    branches: dict[str, list[str]] = {}
    ends_here = False
    for word in words:
        if len(word) == depth:
            ends_here = True  # a word ends here
        else:
            branches.setdefault(word[depth], []).append(word)
    alts = [re.escape(ch) + _trie_node(ws, depth + 1, ch) for ch, ws in sorted(branches.items())]
    if ends_here:
        alts.append("(?![A-Za-z0-9])" if last.isascii() and last.isalnum() else "")
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


# _unit_re() as a table: the words by first character, then by second character
# (in _UNIT_WORDS order: longest first), each with whether it needs no ASCII
# letter or digit after it; the one-character word, if any, comes last.
_Entry = tuple[str, bool]
_UNIT_INDEX: dict[str, tuple[dict[str, tuple[_Entry, ...]], _Entry | None]] = {}
for _w in _UNIT_WORDS:
    _longer, _single = _UNIT_INDEX.get(_w[0], ({}, None))
    _entry = (_w, _w[-1].isascii() and _w[-1].isalnum())
    if len(_w) == 1:
        _single = _entry
    else:
        _longer[_w[1]] = (*_longer.get(_w[1], ()), _entry)
    _UNIT_INDEX[_w[0]] = (_longer, _single)
del _w, _longer, _single, _entry
_ASCII_ALNUM: Final = ASCII_LETTERS | ASCII_DIGITS


def _unit_at(t: str, q: int) -> str:
    """The unit (or skip) word ``_unit_re()`` matches at ``q``, or ``""`` (two dict lookups).

    (Slices, empty past the end, read the characters: no ``len`` call.)
    """
    group = _UNIT_INDEX.get(t[q : q + 1])
    if group is None:
        return ""
    longer, single = group
    for word, ascii_end in longer.get(t[q + 1 : q + 2], ()):
        if t.startswith(word, q):
            e = q + len(word)
            if ascii_end and t[e : e + 1] in _ASCII_ALNUM:
                continue
            return word
    if single is None:
        return ""
    word, ascii_end = single
    if ascii_end and t[q + 1 : q + 2] in _ASCII_ALNUM:
        return ""
    return word


_PP_RE: Final = regex.compile(r"[个個]?+[ \t]*+[百佰][ \t]*+分[ \t]*+[点點]")


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


_SKIP: Final = frozenset(SKIP_WORDS)

_PREFIXES: Final[tuple[tuple[str, Approx], ...]] = tuple((w, Approx(a)) for w, a in APPROX_PREFIXES)
_PREFIX_LAST: Final = frozenset(w[-1] for w, _ in _PREFIXES)
_PREFIX_BY_LAST: Final = {
    last: tuple(entry for entry in _PREFIXES if entry[0][-1] == last) for last in _PREFIX_LAST
}  # (in _PREFIXES order: the first that matches counts)
_PREFIX_BEFORE: Final = _PREFIX_LAST | PREFIX_VERBS
_NO_BEFORE: Final = {"近": NOT_JIN_BEFORE, "约": NOT_YUE_BEFORE, "超": NOT_CHAO_BEFORE}
_POST: Final = regex.compile(
    r"[ \t]*+(?:[(（]含[)）])?+[ \t]*+"
    r"(以上|以下|以内|左右|上下(?![游级班楼文水限面册卷半两一功])|出头|开外)"
)
_RANGE_SEP: Final = regex.compile(
    r"[ \t]*+(?:[(（]含[)）])?+[ \t]*+(至|到|~|～|——|--|—|–|-)[ \t]*+"
)
_RANGE_FIRST: Final = frozenset(" \t(（至到~～—–-")  # (what _RANGE_SEP can start with)
_POST_FIRST: Final = frozenset(" \t(（以左上出开")  # (what _POST can start with)


def _post_at(t: str, i: int) -> regex.Match[str] | None:
    """``_POST.match(t, i)``, without the call when it cannot match."""
    if i >= len(t) or t[i] not in _POST_FIRST:
        return None
    return _POST.match(t, i)


_DIMENSIONS: dict[str, Dimension] = {}
# SURFACES with the dimension; an integral factor as an int (the same value,
# cheaper to compare and multiply by).
_SURFACE_INFO: Final[dict[str, tuple[str, Fraction | int, Dimension]]] = {
    w: (code, int(f) if f.denominator == 1 else f, unit_info(code).dimension)
    for w, (code, f) in SURFACES.items()
}


def _dimension(code: str) -> Dimension:
    """``unit_info(code).dimension``, remembered."""
    d = _DIMENSIONS.get(code)
    if d is None:
        d = _DIMENSIONS[code] = unit_info(code).dimension
    return d


_SUBUNIT_CNY: Final = {c: Fraction(a, b) for c, (a, b) in CNY_SUBUNITS.items()}
_HALF_DIMS: Final = frozenset(
    {Dimension.MONEY, Dimension.MASS, Dimension.LENGTH, Dimension.AREA, Dimension.VOLUME,
     Dimension.DURATION, Dimension.POWER, Dimension.ENERGY}
)  # fmt: skip
_SP: Final = INLINE_BLANKS


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


def _sub_units(t: str, p: int, code: str, *, general: bool) -> tuple[int, Fraction | int]:
    """角/毛/分 after 元, 美分 after 美元, 銭 after 日元: the smaller coins."""
    n = len(t)
    extra: Fraction | int = 0
    end = p
    k = p
    if code == "USD" and t.startswith("又", k):
        k += 1
    for _ in range(2):
        num = _scan_full(t, k) if general else scan(t, k)
        if num is None or num.kind != "number" or num.is_pair or num.lo >= 100:
            break
        e = num.end
        c = t[e] if e < n else ""
        if code == "CNY" and c in _SUBUNIT_CNY:
            if c == "分" and e + 1 < n and t[e + 1] in FEN_BAD_NEXT:
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


def _spoken_tenth(t: str, p: int, *, general: bool) -> tuple[int, Fraction] | None:
    """A lone digit after 块 or 成 that says tenths (三块五 is 3.5 yuan, 三成五 is 35 %).

    The digit must end the figure: no unit word, measure word or noun after it.

    >>> [(q.text, str(q.value)) for q in extract_quantities("白菜三块五，复工率三成五")]
    [('三块五', '3.5'), ('三成五', '35')]
    >>> [(q.text, str(q.value)) for q in extract_quantities("两块五一斤")]
    [('两块五', '2.5'), ('一斤', '1')]
    """
    n = len(t)
    num = _scan_full(t, p) if general else scan(t, p)
    if num is not None and num.dbd and num.end == p + 2 and t[p + 1] in ONE_CHARS:
        d = CN_DIGITS.get(t[p], 0)
        if d and _unit_at(t, p + 2):
            return p + 1, Fraction(d, 10)  # 两块五一斤: 2.5 yuan, for one jin
    if num is None or num.kind != "number" or num.is_pair or not (0 < num.lo < 10):
        return None
    if not (num.single or (num.has_arabic and num.end == p + 1)):
        return None
    e = num.end
    if e < n and ((_is_cjk(t[e]) and t[e] not in BARE_FOLLOW) or t[e] in ASCII_DIGITS):
        return None
    return e, Fraction(num.lo) / 10


class _Cand:
    """A candidate quantity being decided (private).

    ``context`` sets what the context rules read around it: the
    character before it (``prev``), the first digit of its numeral
    (``first``), the next non-blank character after it (``nxt``) and that
    character when nothing stands between (``glued``).
    """

    __slots__ = (
        "approx", "cn_only", "code", "dim", "end", "factor", "first", "glued", "hi", "lo", "num",
        "nxt", "per", "pre", "prev", "single", "start", "surface", "tl",
    )  # fmt: skip

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
        self.prev = self.first = self.nxt = self.glued = ""
        self.cn_only = self.single = False
        self.per: str | None = None

    def context(self, t: str, n: int) -> None:
        """Read the characters around the candidate for the rules."""
        num = self.num
        self.prev = t[self.start - 1] if self.start > 0 else ""
        first = t[num.start]
        if first in SIGNS and num.end > num.start + 1:
            first = t[num.start + 1]
        self.first = first
        self.cn_only = num.has_cn and not num.has_arabic
        self.single = self.cn_only and num.single and self.lo == self.hi
        k = self.end
        while k < n and t[k].isspace():
            k += 1
        self.nxt = t[k] if k < n else ""
        self.glued = self.nxt if k == self.end else ""


def _same_unit(a: str, b: str) -> bool:
    if "个百分点" in {a, b}:
        return a == b
    return SURFACES.get(a) == SURFACES.get(b) and SURFACES.get(a) is not None


# ----------------------------------------------------------------------------- extraction


# ----------------------------------------------------------------------------- context rules
# Whether a candidate is a quantity, as three tables of small predicates
# (each returns False to reject, with an example in its docstring):
# _NUMERAL_RULES for the shape of the numeral (they apply to Chinese
# numerals only), _UNIT_RULES keyed by the unit word, and _DIMENSION_RULES
# keyed by the dimension. The fast path of plain Arabic numbers
# (_Scanner.fast_digits) applies _UNIT_RULES itself; the other two tables
# never reject a plain Arabic number (tests/figures/test_quantity_rules.py
# checks both paths agree on every unit word).

_Rule = Callable[[_Cand, str], bool]
_Num = int | Fraction
_CHINESE_ONLY: Final[set[_Rule]] = set()


def _chinese_only(rule: _Rule) -> _Rule:
    """Mark a rule that only ever rejects Chinese numerals (skipped for other numerals)."""
    _CHINESE_ONLY.add(rule)
    return rule


def _magnitude_needs_digit(c: _Cand, t: str) -> bool:
    """A magnitude without a digit needs 上/近/余/以上 to be a figure.

    >>> [q.text for q in extract_quantities("万一出现问题，上万人参加")]
    ['上万人']
    """
    num = c.num
    return not (
        num.kind == "number"
        and ((num.digitless and c.first not in "十拾") or c.first in BIG_UNITS)
        and c.approx is None
        and _post_at(t, c.end) is None
    )


def _zero_in_word(c: _Cand, t: str) -> bool:  # noqa: ARG001 (a rule's signature)
    """A lone 零 before a unit word is part of a word (零部件, 零售).

    >>> extract_quantities("汽车零部件企业")
    []
    """
    return not (c.single and c.lo == 0 and c.dim is not Dimension.NUMBER)


def _placeholder_name(c: _Cand, t: str) -> bool:  # noqa: ARG001 (a rule's signature)
    """A digit after a surname is a placeholder name (张三, 李四).

    >>> extract_quantities("李四家的果园")
    []
    """
    return not (c.single and c.first in PLAIN_NONZERO_DIGITS and c.prev in SURNAMES)


def _financial_in_word(c: _Cand, t: str) -> bool:  # noqa: ARG001 (a rule's signature)
    """A lone financial numeral belongs to a word (队伍, 大陆, 收拾).

    >>> extract_quantities("队伍建设")
    []
    """
    return not (
        c.single and c.first in FINANCIAL_DIGITS and _is_cjk(c.prev) and c.prev not in INTRO_CHARS
    )


def _every_one(c: _Cand, t: str) -> bool:  # noqa: ARG001 (a rule's signature)
    """每一 is "every single" (每一次, 每一个人), not a count of one.

    >>> extract_quantities("每一次都认真对待")
    []
    """
    return not (c.single and c.lo == 1 and c.prev == "每")


_NUMERAL_RULES: Final[tuple[_Rule, ...]] = (_magnitude_needs_digit,)
"""Rules for every numeral with a Chinese character in it."""
_LONE_DIGIT_RULES: Final[tuple[_Rule, ...]] = (
    _every_one,
    _zero_in_word,
    _placeholder_name,
    _financial_in_word,
)
"""Rules for a lone Chinese digit, a single value (``c.single``): the digit may belong to a word."""


def _rank(c: _Cand, t: str) -> bool:  # noqa: ARG001 (a rule's signature)
    """名, 位 after 前 make a rank (前三名, 前3位), not a count of people.

    >>> [q.text for q in extract_quantities("位列前3名，共有5名选手")]
    ['5名']
    """
    return c.prev != "前"


def _year(c: _Cand, t: str) -> bool:
    """``近3年``, ``三年`` are durations; ``2019年``, ``二〇一九年`` are dates.

    >>> [q.text for q in extract_quantities("2019年以来，近3年间")]
    ['近3年']
    """
    num = c.num
    year_like = num.dbd or (
        num.has_arabic and not num.has_cn and num.arabic_int_len == 4 and not num.point
    )
    if c.lo != c.hi:
        return not year_like
    if year_like and c.approx is None and (num.dbd or 1000 <= c.lo < 3000):
        return False
    return _year_date(c, t)


def _cohort(c: _Cand, t: str) -> bool:  # noqa: ARG001 (a rule's signature)
    """A year before 届 is a cohort (2024届毕业生), not a count of sessions.

    >>> [q.text for q in extract_quantities("2024届毕业生，连续3届")]
    ['3届']
    """
    return c.num.arabic_int_len != 4


@_chinese_only
def _qi_together(c: _Cand, t: str) -> bool:  # noqa: ARG001 (a rule's signature)
    """一起 is "together" (坐在一起) or an article (一起事故), never a count of 起.

    >>> [q.text for q in extract_quantities("大家坐在一起，共发生3起事故")]
    ['3起']
    """
    return not (c.cn_only and c.lo == c.hi == 1)


@_chinese_only
def _kou(c: _Cand, t: str) -> bool:  # noqa: ARG001 (a rule's signature)
    """小两口, 老两口 are a couple, not two mouths to feed.

    >>> [q.text for q in extract_quantities("小两口养了3口猪")]
    ['3口']
    """
    return not (c.cn_only and c.prev in "小老")


@_chinese_only
def _guo(c: _Cand, t: str) -> bool:  # noqa: ARG001 (a rule's signature)
    """国 counts countries after digits (47国); after a Chinese numeral it names (两国, 三国).

    >>> [q.text for q in extract_quantities("两国元首出席，扩大至47国")]
    ['47国']
    """
    return not c.cn_only


def _kuai(c: _Cand, t: str) -> bool:  # noqa: ARG001 (a rule's signature)
    """块 before a noun counts pieces (3块地), not yuan.

    >>> [q.unit for q in extract_quantities("3块钱，3块地")]
    ['CNY']
    """
    return not (
        c.dim is Dimension.MONEY
        and _is_cjk(c.glued)
        and c.glued not in KUAI_OK
        and c.glued not in NUMERAL_CHARS
    )


def _du(c: _Cand, t: str) -> bool:  # noqa: ARG001 (a rule's signature)
    """度 is kWh only with a magnitude or 电 after it (50万度, 100度电), not degrees.

    >>> [q.text for q in extract_quantities("气温30度，节电50万度")]
    ['50万度']
    """
    if c.dim is Dimension.TEMPERATURE:
        return True  # 摄氏30度 (front_unit)
    return any(m >= 10**4 for m in c.num.last_mult) or c.glued == "电"


def _cheng(c: _Cand, t: str) -> bool:  # noqa: ARG001 (a rule's signature)
    """成 is tenths after one digit (三成, 7成) but a word in 建成, 一成不变.

    >>> [q.text for q in extract_quantities("三成企业已建成投产，一成不变")]
    ['三成']
    """
    num = c.num
    cn_only = num.has_cn and not num.has_arabic
    return (
        ((cn_only and num.single) or (num.has_arabic and not num.point and c.lo <= 10))
        and c.glued not in CHENG_BAD_NEXT
        and c.prev not in CHENG_BAD_PREV
    )


def _fen(c: _Cand, t: str) -> bool:
    """分 is an adverb in 十分重视, a word in 3分钟, and a clock's minutes (8时30分, 八点三十分).

    >>> [q.text for q in extract_quantities("十分重视，八点三十分开赛，得了95分")]
    ['95分']
    """
    num = c.num
    return not (
        (c.cn_only and t[num.start : num.end] in FEN_WORDS)
        or c.glued in FEN_BAD_NEXT
        or (c.prev and c.prev in CLOCK_MARKS)
        or (c.cn_only and num.point)  # 五点五分, 十三点零五分: a clock time
    )


def _second(c: _Cand, t: str) -> bool:
    """秒 after a clock time is its seconds (3点4分5秒, 一点五分十秒), not a duration.

    >>> [q.text for q in extract_quantities("3点4分5秒发车，用时1分30秒")]
    ['30秒']
    """
    return not _clock_before(t, c.start)


def _clock_before(t: str, start: int) -> bool:
    """Whether a clock time (``3点``, ``9时``, ``3点4分``) ends right before ``start``."""
    k = start - 1
    if k < 1:
        return False
    if t[k] == "分":
        k -= 1
        while k >= 0 and (t[k] in NUMERAL_CHARS or t[k] in ASCII_DIGITS):
            k -= 1
        if k < 1 or k == start - 2:
            return False
    return t[k] in CLOCK_MARKS and (t[k - 1] in NUMERAL_CHARS or t[k - 1] in ASCII_DIGITS)


def _year_date(c: _Cand, t: str) -> bool:
    """Two digits with a leading zero (``05年``) and years after 公元 (``公元前202年``) are dates.

    >>> [q.text for q in extract_quantities("05年，公元前202年，历时12年")]
    ['12年']
    """
    s = c.start
    if c.num.lead_zero and c.num.arabic_int_len == 2:
        return False
    return not ((s >= 2 and t[s - 2 : s] == "公元") or (s >= 3 and t[s - 3 : s] == "公元前"))


def _tai(c: _Cand, t: str) -> bool:  # noqa: ARG001 (a rule's signature)
    """台 before 山, 湾 makes a place name (五台山).

    >>> [q.text for q in extract_quantities("五台山下，新增5台设备")]
    ['5台']
    """
    return c.glued not in TAI_PLACE


def _shou(c: _Cand, t: str) -> bool:  # noqa: ARG001 (a rule's signature)
    """首 before 届, 批 means "first" (一首届), not a count of songs.

    >>> [q.text for q in extract_quantities("演唱了3首歌曲")]
    ['3首']
    """
    return c.glued not in SHOU_NEXT


@_chinese_only
def _qi(c: _Cand, t: str) -> bool:  # noqa: ARG001 (a rule's signature)
    """A Chinese numeral before 期 names a phase (二期工程), not a count.

    >>> [q.text for q in extract_quantities("二期工程，已举办3期")]
    ['3期']
    """
    return not c.cn_only


@_chinese_only
def _jiao(c: _Cand, t: str) -> bool:  # noqa: ARG001 (a rule's signature)
    """角 after a Chinese numeral is a corner or a shape (一角, 五角大楼); dimes need digits.

    >>> [q.text for q in extract_quantities("车间一角，车票3角")]
    ['3角']
    """
    return not c.cn_only


@_chinese_only
def _mao(c: _Cand, t: str) -> bool:  # noqa: ARG001 (a rule's signature)
    """毛 is ten fen (5毛, 找回五毛，) but a word before a noun (一毛不拔, 三毛的书).

    >>> [q.text for q in extract_quantities("一毛不拔，冰棍卖五毛。")]
    ['五毛']
    """
    return not (c.cn_only and _is_cjk(c.glued))


@_chinese_only
def _once(c: _Cand, t: str) -> bool:
    """``有一次，`` opening a clause tells a story ("once"), it counts nothing.

    >>> [q.text for q in extract_quantities("有一次，我们去了工地。全年检查一次。")]
    ['一次']
    """
    if not (c.cn_only and c.lo == c.hi == 1 and c.prev == "有" and c.glued in CLAUSE_BREAKS):
        return True
    k = c.start - 1
    return k > 0 and t[k - 1] not in CLAUSE_BREAKS and t[k - 1] not in "。！？\n”“"


_UNIT_RULES: Final[dict[str, _Rule]] = {
    "名": _rank, "位": _rank, "年": _year, "届": _cohort, "块": _kuai, "度": _du,
    "成": _cheng, "分": _fen, "台": _tai, "首": _shou, "期": _qi, "角": _jiao, "毛": _mao,
    "秒": _second, "起": _qi_together, "口": _kou, "国": _guo, "次": _once,
}  # fmt: skip
"""Unit words that double as other words, each with the rule that tells them apart."""
_PLAIN_UNIT_RULES: Final = {w: r for w, r in _UNIT_RULES.items() if r not in _CHINESE_ONLY}
"""The unit-word rules that may reject a plain Arabic number (the fast path applies them)."""


@_chinese_only
def _one_by_one(c: _Cand, t: str) -> bool:  # noqa: ARG001 (a rule's signature)
    """Digits read one by one before a measure word are no count (一一对应).

    >>> extract_quantities("一一对应")
    []
    """
    return not (c.num.dbd and c.lo == c.hi)


@_chinese_only
def _indefinite_article(c: _Cand, t: str) -> bool:  # noqa: ARG001 (a rule's signature)
    """一 before a measure word and a noun is an article (一名共产党员), not a count.

    >>> [q.text for q in extract_quantities("他是一名共产党员，有一名")]
    ['一名']
    """
    return not (
        c.cn_only
        and c.num.single
        and c.first in PLAIN_NONZERO_DIGITS
        and c.lo == c.hi == 1
        and c.approx is None
        and _is_cjk(c.nxt)
        and c.nxt not in NUMERAL_CHARS
    )


def _bare_number(c: _Cand, t: str) -> bool:
    """A bare number stands on its own: not inside a word, an identifier or a code.

    >>> [q.text for q in extract_quantities("统一部署，电话 66668888，得分是 95")]
    ['95']
    """
    if c.num.kind != "number":
        return True
    post = _post_at(t, c.end)
    end = post.end() if post is not None else c.end
    num, start, prev = c.num, c.start, c.prev
    if num.lead_zero or _identifier_digits(t, c):
        return False  # 003, 0416, phone and ID numbers
    nc = t[end] if end < len(t) else ""
    if (_is_cjk(nc) and nc not in BARE_FOLLOW) or _is_latin(nc) or (nc and nc in OPERATORS):
        return False
    if c.cn_only and (num.single or num.dbd) and _is_cjk(prev) and prev not in INTRO_CHARS:
        return False  # 统一, 之一, 其一
    if prev == " " and start >= 2 and _is_latin(t[start - 2]):
        return False  # iPhone 11
    if num.has_arabic and prev and prev in PREV_OPERATORS:
        return False
    k = start
    while k > 0 and t[k - 1] in ":  ":
        k -= 1
    if k == 0 or t[k - 1] not in _PHONE_LAST:
        return True
    return not any(t.startswith(w, k - len(w)) for w in PHONE_WORDS)


def _identifier_digits(t: str, c: _Cand) -> bool:
    """Long digit strings shaped like identifiers: mobile and ID numbers.

    Mobile numbers have 11 digits from 13 to 19, ID and card numbers 15 or
    more; other long numbers are amounts (``123456789``).

    >>> [q.text for q in extract_quantities("全年为 123456789，号码 13912345678")]
    ['123456789']
    """
    num = c.num
    digits = num.arabic_int_len
    if digits <= 8 or num.commas or num.point:
        return False
    if digits >= 15:
        return True
    return digits == 11 and t[num.start] == "1" and t[num.start + 1] in "3456789"


_DIMENSION_RULES: Final[dict[Dimension, tuple[_Rule, ...]]] = {
    Dimension.COUNT: (_one_by_one, _indefinite_article),
    Dimension.NUMBER: (_bare_number,),
}
_ARABIC_DIMENSION_RULES: Final = {
    dim: tuple(r for r in rules if r not in _CHINESE_ONLY)
    for dim, rules in _DIMENSION_RULES.items()
}
"""The dimension rules that may reject a numeral without Chinese characters."""


def _keep(c: _Cand, t: str) -> bool:
    """Whether every rule that applies to ``c`` keeps it (``c.context`` is set)."""
    if c.num.has_cn:  # (the numeral rules read Chinese numerals only)
        for rule in _LONE_DIGIT_RULES if c.single else ():
            if not rule(c, t):
                return False
        for rule in _NUMERAL_RULES:
            if not rule(c, t):
                return False
    unit_rule = _UNIT_RULES.get(c.surface)
    if unit_rule is not None and not unit_rule(c, t):
        return False
    table = _DIMENSION_RULES if c.num.has_cn else _ARABIC_DIMENSION_RULES
    for rule in table.get(c.dim, ()):  # noqa: SIM110 (a loop: no generator to build)
        if not rule(c, t):
            return False
    return True


# ----------------------------------------------------------------------------- extraction


class _Scanner:
    """One left-to-right pass over a folded text (private)."""

    __slots__ = (
        "ex_ends", "ex_starts", "general", "last_end", "mei", "n", "ord_from", "ord_stop", "out",
        "plain", "raw", "simple", "t",
    )  # fmt: skip

    def __init__(self, raw: str, *, general: bool = False) -> None:
        self.raw = raw
        # general: decide every candidate on the general path, without the fast
        # paths and shortcuts (_SCAN's shape, quick_cn, numbers.scan): the tests
        # check they change no result, in both builds
        self.general = general
        self.n = len(raw)
        self.out: list[Quantity] = []
        self.last_end = 0
        self.ex_starts: list[int] = []
        self.ex_ends: list[int] = []
        self.ord_from = -2  # after_ordinal: the walk back from ord_from stopped at ord_stop
        self.ord_stop = -1
        self.plain: _Cand | None = None  # (fast_cand)
        # (simple: nothing to fold and no digit but 0-9, as most texts)
        self.simple = True
        self.t = raw
        if "@" in raw or "://" in raw or "www." in raw or not self._scan_excluded(_EX_SCAN_RAW):
            self.simple = _FOLD_OR_OTHER_DIGITS.search(raw) is None
            self.t = raw if self.simple else fold_width(raw)
            self._excluded_spans()
        self.mei = "每" in self.t  # (a rate may be written 每吨500元: rate)

    def _excluded_spans(self) -> None:
        """The spans of ``_EXCLUDE.finditer(t)``, trying the pattern only where it can match."""
        t = self.t
        self.ex_starts, self.ex_ends = [], []
        other_digits = not self.simple and _EX_NOT_ASCII_DIGITS.search(t) is not None
        if "@" in t or "://" in t or "www." in t or other_digits:
            for m in _EXCLUDE.finditer(t):
                self.ex_starts.append(m.start())
                self.ex_ends.append(m.end())
            return
        self._scan_excluded(_EX_SCAN)

    def _scan_excluded(self, pattern: re.Pattern[str]) -> bool:
        """Excluded spans with ``_EX_SCAN`` or ``_EX_SCAN_RAW``; False at a character to fold."""
        t = self.t
        starts, ends = self.ex_starts, self.ex_ends
        pos = 0
        for tm in pattern.finditer(t):
            p = tm.start()
            e = tm.end()
            if e - p > 1:  # a quotation or title
                if p >= pos:  # (no quotation mark is ever inside a date)
                    starts.append(p)
                    ends.append(e)
                    pos = e
                continue
            if t[p] not in _EX_SEPARATORS:
                return False  # (_EX_SCAN_RAW: not a simple text)
            if p > pos:  # (a separator inside a date: its digits are, too)
                pos = self._digits_before(p, pos)
        return True

    def _digits_before(self, s: int, pos: int) -> int:
        """The excluded span that starts in the digits before the separator at ``s``, if any.

        Where ``_EX_DIGIT`` finds a date, clock time, score or sum may start
        (the run's first digit, its last two), in order, not before ``pos``,
        ``_EXCLUDE`` is tried; returns the end of the span it matches, or ``pos``.

        >>> sc = _Scanner("于2019-7-1 8:30，比分3+2")
        >>> list(zip(sc.ex_starts, sc.ex_ends))
        [(1, 14), (17, 20)]
        """
        t = self.t
        k = s
        if t[s] in "·.":  # (a score's point may come after blanks: 3 . 5”)
            while k > pos and t[k - 1].isspace():
                k -= 1
        r = k - 1  # the run of digits before ends at k
        while r > pos and "0" <= t[r - 1] <= "9":
            r -= 1
        if r < pos or not ("0" <= t[r] <= "9"):
            return pos
        for p in (r, k - 2, k - 1) if k - r > 3 else range(r, k):
            if p >= pos and _EX_DIGIT.match(t, p) is not None:
                m = _EXCLUDE.match(t, p)
                if m is not None:
                    end: int = m.end()
                    self.ex_starts.append(p)
                    self.ex_ends.append(end)
                    return end
        return pos

    def run(self) -> list[Quantity]:
        """Every quantity of the text, in order."""
        t, n = self.t, self.n
        starts, ends = self.ex_starts, self.ex_ends
        n_ex = len(starts)
        k = 0  # candidates come in increasing order: excluded spans are walked once
        pos = 0
        search = (_CAND if self.general else _SCAN).search
        quick = _NO_CHARS if self.general else _QUICK_CN  # (the general path: no quick_cn)
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
            # the fast paths first (see quick_cn), then the general one
            if m.lastindex is not None:  # digits and a unit word (_SCAN)
                over, word = m.group(1, 2)
                pos = self.fast_digits(i, m.end(), word, over is not None)  # (-1 or past i)
            elif t[i] in quick and i + 1 < n and t[i + 1] not in _QUICK_CN_STOP:
                pos = self.quick_cn(i)
            else:
                pos = -1
            if pos < 0:
                pos = self.at(i)
                if pos <= i:  # (max() would be a call a candidate)
                    pos = i + 1
            if pos >= n:
                break
        return self.out

    # -- one candidate ------------------------------------------------------
    def at(self, i: int) -> int:
        """Decide the candidate at ``i`` (the fast paths declined); return where to go on."""
        t, n = self.t, self.n
        c = t[i]
        prev = t[i - 1] if i > 0 else ""
        j, symbol = i, ""
        if c in _LEAD_CHARS:
            j, symbol, stop = self.lead(i, c, prev)
            if stop >= 0:
                return stop
        glue = prev in _GLUE_PREV or prev.isdigit()
        if not symbol and glue and _glued_before(t, i, c, prev):
            return self.skip_run(i)
        num = _scan_full(t, j) if self.general else scan(t, j)
        if num is None:
            return i + 1
        glued = self.glued_after(num) if num.has_arabic else -1
        if glued >= 0:
            return glued
        if prev in _ORDINAL_PREV and self.ordinal_or_date(num, prev, i):
            return self.skip_measure(num)
        if symbol:
            return self.finish_symbol(i, symbol, num)
        start, pre = self.prefix(j, digitless=num.digitless)  # approximation words before it
        tl = _tail(t, num, n)
        if tl.skip:
            return tl.end
        return self.finish(start, pre, symbol, num, tl)

    def finish_symbol(self, i: int, symbol: str, num: Scanned) -> int:
        """``at`` for an amount after a currency sign (``$35``, ``US$3亿``)."""
        t = self.t
        sym_start = i - 2 if t[i - 2 : i] in _LETTERED_DOLLARS else i  # US$, HK$
        start, pre = self.prefix(sym_start, digitless=num.digitless)
        start = min(start, sym_start)
        tl = _tail(t, num, self.n)
        if tl.skip:
            return tl.end
        return self.finish(start, pre, symbol, num, tl)

    def lead(self, i: int, c: str, prev: str) -> tuple[int, str, int]:
        """A currency sign, minus sign, point or 半 at ``i``: ``(numeral start, currency, stop)``.

        ``stop`` is where to go on when there is no numeral here, else -1.
        """
        t, n = self.t, self.n
        if c in CURRENCY_SYMBOLS:
            k = _skip_sp(t, i + 1, n)
            if not (k < n and "0" <= t[k] <= "9"):
                return i, "", i + 1
            symbol = CURRENCY_SYMBOLS[c]
            if c == "$" and prev in {"S", "K"}:
                symbol = "USD" if prev == "S" else "HKD"
            return k, symbol, -1
        if c == "-":
            k = i + 1
            digit_next = k < n and (t[k].isdigit() or (t[k] == "." and t[k + 1 : k + 2].isdigit()))
            digit_next = digit_next or t[k : k + 3] in {"百分之", "佰分之"}  # -百分之1
            if not digit_next or (
                prev and ((prev.isascii() and prev.isalnum()) or prev in "-~—–.+/_")
            ):
                return i, "", i + 1
        elif c == ".":
            if not (i + 1 < n and t[i + 1].isdigit()) or (
                prev and ((prev.isascii() and prev.isalnum()) or prev == ".")
            ):
                return i, "", i + 1
        elif c in NEGS:
            if i + 1 >= n or not (t[i + 1] in NUMERAL_CHARS or t[i + 1].isdigit()):
                return i, "", i + 1
        elif c == "半":
            return i, "", self.half(i)
        return i, "", -1

    def glued_after(self, num: Scanned) -> int:
        """Model names, versions, formulas after an Arabic number: where to go on, or -1."""
        t, n = self.t, self.n
        if not (num.has_arabic and num.kind == "number"):
            return -1
        end = num.end
        nc = t[end] if end < n else ""
        if _is_latin(nc) and not _unit_at(t, end):
            return self.skip_run(end)
        if nc in ".:+" and end + 1 < n and t[end + 1].isdigit():
            return self.skip_run(end)
        return -1

    def ordinal_or_date(self, num: Scanned, prev: str, i: int) -> bool:
        """第七批, 第一、二批 (ordinals) and 周三, 初五 (dates) before the numeral.

        Also 第 and blanks (``第 82 页``, ``第 3 届``: PDF extractions set
        blanks around the Arabic digits of a line, ``_ordinal_across_blanks``).

        >>> [q.text for q in extract_quantities("第 82 页，第 3 届，共 3 届")]
        ['3 届']
        """
        if prev == "第" or self.ordinal_before(i, prev):
            return True
        return num.has_cn and not num.has_arabic and prev in DATE_PREVIOUS and num.kind == "number"

    def quick_cn(self, i: int) -> int:
        """Where to go on after a lone Chinese digit or magnitude that is no quantity, or -1.

        ``一是``, ``进一步``, ``零部件`` (a digit in a word), ``一个重要`` (an
        indefinite article), ``万得``, ``百姓`` (a magnitude without a digit):
        the general path rejects these, whatever stands before them, and goes
        on where this returns; ``第二届``, ``周三`` (an ordinal or a date: the
        digit with the measure word after it, as ``skip_measure`` reads it).
        -1: leave the candidate to the general path.
        The character after ``t[i]`` ends the numeral (``_QUICK_CN_STOP``).
        (The candidate scan already passes over most digits glued to a word,
        ``_DIGIT_IN_WORD``: the rest, before a character a unit word may start
        with, come here.)
        """
        t, n = self.t, self.n
        c = t[i]
        nc = t[i + 1]
        prev = t[i - 1] if i > 0 else ""
        if prev in _LATIN_OR_UNDERSCORE or (prev == "." and i >= 2 and t[i - 2].isalnum()):
            return -1  # (skip_run)
        word = _unit_at(t, i + 1) if nc in _UNIT_INDEX else ""  # (most often no unit word)
        if prev in _ORDINAL_OR_DATE_PREV and c in CN_DIGITS:
            return i + 1 + len(word)  # 第二届, 周三: an ordinal or a date (skip_measure)
        if c in CN_DIGITS and not word:
            if nc not in _CN1_NO_QUICK and nc not in BARE_FOLLOW and _is_cjk(nc):
                return i + 1  # a bare number inside a word (_bare_number)
            return -1
        if nc in _FAST_UNIT_PP and i + 2 < n and t[i + 2] in " \t百佰":
            return -1  # 个百分点
        end = i + 1 + len(word)
        if word in _SKIP:
            return end
        if end < n and t[end] in _RANGE_FIRST:
            return -1
        return self.quick_cn_word(i, word, end)

    def quick_cn_word(self, i: int, word: str, end: int) -> int:
        """``quick_cn`` for a lone digit or magnitude before a unit word."""
        t, n = self.t, self.n
        c = t[i]
        info = _SURFACE_INFO.get(word)
        if word and info is None:
            return end  # (resolve_unit)
        if c not in CN_DIGITS:
            # 万, 百: a magnitude without a digit needs 上/近/余/以上 (_magnitude_needs_digit)
            if _post_at(t, end) is None and self.prefix(i, digitless=True)[1] is None:
                return end
            return -1
        if CN_DIGITS[c] == 0 and info is not None and info[2] is not Dimension.NUMBER:
            return end  # 零部件, 零售: a lone zero in a word (_zero_in_word)
        if c in ONE_CHARS and info is not None and info[2] is Dimension.COUNT:
            k = end
            while k < n and t[k].isspace():
                k += 1
            nx = t[k] if k < n else ""
            if (
                _is_cjk(nx)
                and nx not in NUMERAL_CHARS
                and self.prefix(i, digitless=False)[1] is None
            ):
                return end  # 一名共产党员: an indefinite article (_indefinite_article)
        return -1

    def fast_digits(self, i: int, w_end: int, word: str, over: bool) -> int:
        """The dominant shape, ``t[i:w_end]`` as ``_SCAN`` matched it, decided in one go.

        An Arabic number (万/亿, maybe 余/多/几: ``over``) and its unit word; the word's rule
        decides as on the general path (no other rule rejects such a number). Returns where
        to go on, as the general path would, or -1: the general path decides.

        >>> [(q.text, q.approx.value) for q in extract_quantities("引进1.3万余人，投资10亿元以上")]
        [('1.3万余人', 'over'), ('10亿元以上', 'over')]
        >>> [(q.text, q.unit) for q in extract_quantities("提高3.2个百分点")]
        [('3.2个百分点', 'pp')]
        """
        t = self.t
        end = w_end - len(word) - over
        prev = t[i - 1 : i]  # ("" at 0: t[-1:0])
        if end - i > _MAX_FAST or (prev in _LIST_OR_BLANK and self.ordinal_before(i, prev)):
            return -1  # 第一、3批, 第 3 批: an ordinal (a code or unit before: _FAST_PREV_SAFE)
        entry = _FAST_WORDS.get(word)
        after = t[w_end : w_end + 1]
        if entry == _SKIPPED:  # (not "is": the compiled build boxes a Final tuple anew at each use)
            return w_end  # 2019年度, 3月: no quantity
        if entry is None or after in _FAST_AFTER_NO:  # (but a year of a date: _date_ahead)
            return w_end if entry is not None and not over and _date_ahead(t, i, end, word) else -1
        start: int = i
        pre: Approx | None = None
        if prev in _PREFIX_BEFORE and (prev in _PREFIX_LAST or t[i - 2 : i - 1] in _PREFIX_LAST):
            start, pre = self.prefix(i, digitless=False)  # (where it may find one: 近, 约有)
        if (
            self.mei  # (a 每 within reach, then per_before: 每吨500元, a rate's unit before it)
            and t.rfind("每", start - _PER_REACH if start > _PER_REACH else 0, start) >= 0
            and self.per_before(start) is not None
        ):
            return -1  # (rate reads it)
        digits = t[i:end]  # (most often digits alone: no call for the value)
        val, big, whole_end = (int(digits), 1, end) if digits.isdigit() else _plain_value(t, i, end)
        approx = (pre or _OVER) if over else pre
        code, factor, dim, rule, yuan, info = entry
        if rule is not None:
            cand = self.fast_cand(
                (i, end, whole_end, w_end), val, big, start, pre, approx, word, info
            )
            if not rule(cand, t):
                return w_end
        f_end = w_end
        if after in _FAST_POST:  # 以上, 左右 (approx_after)
            f_end, approx = self.fast_post(w_end, approx)
            if f_end < 0:
                return -1
        if yuan and t[start - 1 : start] in _CURRENCY_GATE:  # (start > 0: no slice t[-1:0])
            code = self.currency_before(start) or code
        if factor != 1:
            val *= factor
        value = Decimal(val) if type(val) is int else exact_value(val)
        self.out.append(
            Quantity(
                self.raw[start:f_end], Span(start, f_end), value, None, None, code, dim, approx
            )
        )
        self.last_end = f_end
        return f_end

    def fast_post(self, end: int, approx: Approx | None) -> tuple[int, Approx | None]:
        """The end and approximation with 以上, 左右 after a fast-path unit (``approx_after``).

        ``(-1, None)`` when a rate's ``/`` or a (含) follows: the general path reads it.

        >>> [q.text for q in extract_quantities("投资172亿元（含）以上，3万吨(其中)")]
        ['172亿元（含）以上', '3万吨']
        """
        t = self.t
        post = _POST.match(t, end)
        if post is None:  # (含) may open a range (range_high): the general path reads it
            return (-1, None) if t[end + 1 : end + 2] == "含" else (end, approx)
        f_end: int = post.end()
        if t[f_end : f_end + 1] == "/":
            return -1, None
        return f_end, approx or _POST_APPROX[post.group(1)]

    def fast_cand(  # noqa: PLR0917 (the pieces the fast path has read)
        self,
        ends: tuple[int, int, int, int],
        val: _Num,
        big: int,
        start: int,
        pre: Approx | None,
        approx: Approx | None,
        word: str,
        info: tuple[str, Fraction | int, Dimension],
    ) -> _Cand:
        """The candidate the general path would build for a fast-path number, in context.

        One candidate per scanner, refilled each time (the rules keep no reference).
        """
        t, n = self.t, self.n
        i, end, whole_end, w_end = ends
        point = whole_end < end - (big != 1)
        c = self.plain
        if c is None:
            num = Scanned.plain_arabic(i, end, val, big, point=point, int_len=whole_end - i)
            c = self.plain = _Cand(start, num, _NO_TAIL, pre)
        else:
            num = c.num.refill(i, end, val, big, point=point, int_len=whole_end - i)
        c.start, c.pre, c.lo, c.hi, c.approx = start, pre, val, val, approx
        c.end, c.surface = w_end, word
        c.code, c.factor, c.dim = info
        c.first = t[i]
        c.prev = t[start - 1] if start > 0 else ""
        k = w_end
        while k < n and t[k].isspace():
            k += 1
        c.nxt = t[k] if k < n else ""
        c.glued = c.nxt if k == w_end else ""
        return c

    def ordinal_before(self, i: int, prev: str) -> bool:
        """第一、二批 (a list of ordinals) or 第 and blanks (``第 3 批``) before ``t[i]``."""
        if prev == "、":
            return self.after_ordinal(i)
        return prev in _SP and _ordinal_across_blanks(self.t, i)

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
        """Where a run of ASCII letters, digits and code signs ends (a model name, a code)."""
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
        if digitless:
            found = _vague_prefix(t, k)
            if found is not None:
                return found
        found = _prefix_word(t, k, lo, skip_verb=False)
        if found is None and t[k - 1] in PREFIX_VERBS:
            found = _prefix_word(t, k - 1, lo, skip_verb=True)
        return found if found is not None else (j, None)

    def half(self, i: int) -> int:
        r"""半斤, 半小时, 半个月, 半百; not 上半年, even wrapped as ``上\n半年``.

        >>> [q.text for q in extract_quantities("用了半年，今年上\n半年")]
        ['半年']
        """
        t, n = self.t, self.n
        prev = t[i - 1] if i > 0 else ""
        if prev == "一" and i - 1 >= self.last_end:
            return self.one_half(i)
        if prev == "\n":  # a hard-wrapped line: the word goes on from the line before
            k = i - 1
            while k > 0 and t[k - 1] in "\r\n \t\u3000":
                k -= 1
            prev = t[k - 1] if k > 0 else ""
        if (prev and prev in HALF_NEXT_NOT) or i + 1 >= n:
            return i + 1
        if t[i + 1] == "百":
            if not _is_cjk(t[i + 2] if i + 2 < n else ""):
                fifty = Fraction(50)
                self.emit(i, i + 2, lo=fifty, hi=fifty, code="", dim=Dimension.NUMBER, approx=None)
            return i + 2
        word = _unit_at(t, i + 1)
        if not word:
            return i + 1
        m_end = i + 1 + len(word)
        info = SURFACES.get(word)
        if word in _SKIP or info is None:
            return m_end
        code, factor = info
        dim = _dimension(code)
        if dim in _HALF_DIMS and word not in GENERIC_YUAN:
            half = Fraction(1, 2) * factor
            self.emit(i, m_end, lo=half, hi=half, code=code, dim=dim, approx=None)
        return m_end

    def one_half(self, i: int) -> int:
        """一半: the fraction one half (``超过一半``, ``近一半``, ``一半以上``).

        >>> [(q.text, str(q.value), q.approx) for q in extract_quantities("超过一半的企业")]
        [('超过一半', '1/2', <Approx.OVER: 'over'>)]
        """
        t, n = self.t, self.n
        before = t[i - 2] if i >= 2 else ""
        if before in "多大" or (i + 1 < n and (_unit_at(t, i + 1) or _is_cjk_noun_half(t[i + 1]))):
            return i + 1  # 大一半, 一半天: no fraction
        start, pre = self.prefix(i - 1, digitless=False)
        end = i + 1
        m = _post_at(t, end)
        if m is not None:
            pre = pre or _POST_APPROX[m.group(1)]
            end = m.end()
        half = Fraction(1, 2)
        self.emit(start, end, lo=half, hi=half, code="fraction", dim=Dimension.FRACTION, approx=pre)
        return end

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
        hi = _scan_full(t, k) if self.general else scan(t, k)
        if hi is None or hi.is_pair or num.is_pair:
            return None
        if hi.kind != num.kind and not (num.kind == "percent" and hi.kind == "number"):
            return None  # (百分之二十到三十: the upper end shares the 百分之)
        if hi.end + 1 < n and t[hi.end] == "." and t[hi.end + 1].isdigit():
            return None
        return hi, _tail(t, hi, n)

    # -- decision ----------------------------------------------------------
    def finish(self, start: int, pre: Approx | None, symbol: str, num: Scanned, tl: _Tail) -> int:
        """Join range, unit and approximation; apply the context rules; emit."""
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
        if not c.surface and not symbol and num.kind == "number" and c.end < self.n:
            c.surface = self.list_unit(c.end)  # 3、5、7个: each item its 个
        if not self.resolve_unit(c, symbol):
            return c.end
        c.context(self.t, self.n)
        if not _keep(c, self.t):
            return c.end
        self.complete(c)
        self.emit(
            c.start, c.end, lo=c.lo, hi=c.hi, code=c.code, dim=c.dim, approx=c.approx, per=c.per
        )
        return c.end

    def list_unit(self, end: int) -> str:
        """The unit word of the last item of a list the number starts (``3、5、7个``), or ``""``.

        A list is numbers joined by 、, 和, 与, 及 or 或, the unit printed once
        after the last (at most ``_MAX_LIST`` items are read ahead: linear).

        >>> [(q.text, q.unit) for q in extract_quantities("分别增长3、5、7个百分点")]
        [('3', 'pp'), ('5', 'pp'), ('7个百分点', 'pp')]
        >>> [(q.text, q.unit) for q in extract_quantities("1万、2万和3万吨")]
        [('1万', 't'), ('2万', 't'), ('3万吨', 't')]
        """
        t, n = self.t, self.n
        k = end
        for _ in range(_MAX_LIST):
            if k >= n or t[k] not in LIST_SEPARATORS:
                return ""
            num = _scan_full(t, k + 1) if self.general else scan(t, k + 1)
            if num is None or num.kind != "number" or num.is_pair or num.start != k + 1:
                return ""
            tl = _tail(t, num, n)
            if tl.skip:
                return ""
            if tl.surface:
                return tl.surface
            k = tl.end
        return ""

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
        """Set ``code``, ``factor`` and ``dimension`` from the unit word, sign or word before."""
        kind = c.num.kind
        if not symbol and kind == "number" and c.surface in {"", "度"}:
            front = self.front_unit(c.start, c.surface)
            if front is not None:
                c.start, c.code = front
                c.dim = _dimension(c.code)
                return True
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
        if c.dim is Dimension.MONEY and c.surface in GENERIC_YUAN:
            # 港币两千九百六十元, ¥300元
            c.code = symbol or self.currency_before(c.start) or c.code
        return True

    def complete(self, c: _Cand) -> None:
        """Sub-units, 半, approximation words after the unit, 零下; then scale."""
        t, n = self.t, self.n
        extra: Fraction | int = 0
        end = c.end
        same = c.lo == c.hi
        if c.dim is Dimension.MONEY and c.surface in COIN_UNITS and same:
            end2, extra = _sub_units(t, end, c.code, general=self.general)
            if extra:
                end = end2
        if same and not extra and c.surface in {"块", "成"}:
            end, extra = self.tenths(c, end)
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
        end = self.approx_after(c, end)
        end = self.rate(c, end)
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

    def tenths(self, c: _Cand, end: int) -> tuple[int, Fraction | int]:
        """三块五 (3.5 yuan), 一成半 (15 %), 三成五 (35 %): tenths spoken after 块 or 成."""
        t, n = self.t, self.n
        if c.surface == "成" and end < n and t[end] == "半":
            return end + 1, Fraction(1, 2)
        if end >= n or not (t[end] in CN_DIGITS or t[end] in ASCII_DIGITS):
            return end, 0
        tenth = _spoken_tenth(t, end, general=self.general)
        if tenth is None:
            return end, 0
        return tenth

    def rate(self, c: _Cand, end: int) -> int:
        """``120元/天``, ``每吨500元``: the denominator of a rate (``c.per``); the new end.

        >>> [(q.text, q.per) for q in extract_quantities("补贴10万元/人，3.5元/公斤，每吨500元")]
        [('10万元/人', '人'), ('3.5元/公斤', 'kg'), ('每吨500元', 't')]
        """
        t, n = self.t, self.n
        if not c.surface:
            return end
        if end + 1 < n and t[end] == "/":
            word = _unit_at(t, end + 1)
            code = _per_code(word)
            if code:
                c.per = code
                return end + 1 + len(word)
        found = self.per_before(c.start) if self.mei else None  # (no 每: no call)
        if found is not None:
            c.per, c.start = found
        return end

    def per_before(self, s: int) -> tuple[str, int] | None:
        """每 and a rate's unit right before ``s`` (``每吨500元``): the unit's code and where 每 is.

        >>> [(q.text, q.per) for q in extract_quantities("每户给予10万元，每吨500元")]
        [('10万元', None), ('每吨500元', 't')]
        """
        t = self.t
        if t.rfind("每", max(0, s - _PER_REACH), s) < 0:
            return None
        for size in range(1, _MAX_PER_WORD + 1):
            k = s - size
            if k < 1 or k - 1 < self.last_end:
                break
            if t[k - 1] == "每" and _unit_at(t, k) == t[k:s]:
                code = _per_code(t[k:s])
                if code:
                    return code, k - 1
        return None

    def approx_after(self, c: _Cand, end: int) -> int:
        """以上, 左右 after the unit; 多, 余 after a duration, a multiple or 成 (三年多, 三成多)."""
        t = self.t
        m = _post_at(t, end)
        if m is not None:
            c.approx = c.approx or _POST_APPROX[m.group(1)]
            post_end: int = m.end()
            return post_end
        more = c.dim in _MORE_DIMS or c.surface == "成"
        if more and end < self.n and t[end] in "多余" and c.approx is None:
            c.approx = Approx.OVER  # 三年多, 两倍多, 三成多
            return end + 1
        return end

    def front_unit(self, start: int, surface: str) -> tuple[int, str] | None:
        """A unit printed before the number (``FRONT_UNITS``): its start and code, or ``None``.

        >>> [(q.text, q.unit) for q in extract_quantities("摄氏30度，USD 30，人民币100")]
        [('摄氏30度', '°C'), ('USD 30', 'USD'), ('人民币100', 'CNY')]
        """
        t = self.t
        k = start
        while k > 0 and t[k - 1] in _SP:
            k -= 1
        if k == 0 or t[k - 1] not in _FRONT_LAST:
            return None
        for word, (code, after) in FRONT_UNITS.items():
            s = k - len(word)
            if s < self.last_end or not t.startswith(word, s) or surface != after:
                continue
            if word[0].isascii() and s > 0 and t[s - 1] in ASCII_LETTERS:
                continue  # part of a longer code or word
            return s, code
        return None

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
        per: str | None = None,
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
            Quantity(
                self.raw[start:end], Span(start, end), value, low, high, code, dim, approx, per
            )
        )
        self.last_end = end


def _per_code(word: str) -> str:
    """The code of a rate's denominator word (``天``: ``day``, ``人``: ``人``), or ``""``."""
    if word in RATE_WORDS:
        return RATE_WORDS[word]
    if not word or word in _SKIP:
        return ""
    info = _SURFACE_INFO.get(word)
    if info is None or info[2] is Dimension.MONEY:
        return ""
    return info[0]


def _is_cjk_noun_half(c: str) -> bool:
    """After 一半 these make a word (一半天 is "a while"): no fraction."""
    return c in "天晌"


def _digit_may_start(t: str, i: int) -> bool:
    """Whether the digit at ``i`` may start a plain number (no digit, letter or code before)."""
    if i == 0:
        return True
    prev = t[i - 1]
    return not (
        prev.isdigit()
        or prev == "_"
        or _is_latin(prev)
        or (prev == "." and i >= 2 and t[i - 2].isalnum())
    )


def _glued_before(t: str, i: int, c: str, prev: str) -> bool:
    """A numeral glued to a code before it: ``A3``, ``v2.5``, ``x_1``, ``123`` inside digits."""
    if prev == "." and i >= 2 and t[i - 2].isalnum():
        return True
    if _is_latin(prev) or prev == "_":
        return True
    return "0" <= c <= "9" and prev.isdigit()


def _vague_prefix(t: str, k: int) -> tuple[int, Approx] | None:
    """上百, 数十, 几百: the words that make a bare magnitude approximate."""
    c = t[k - 1]
    if c == "上" and not (k - 2 >= 0 and t[k - 2] in "以之马"):
        return k - 1, Approx.OVER
    if c in "数几幾" and not (k - 2 >= 0 and t[k - 2] in "少多无"):
        return k - 1, Approx.VAGUE
    return None


def _prefix_word(t: str, e: int, lo: int, *, skip_verb: bool) -> tuple[int, Approx] | None:
    """The approximation word that ends at ``e`` (not before ``lo``), if any."""
    if e - 1 < lo:
        return None
    for word, ap in _PREFIX_BY_LAST.get(t[e - 1], ()):  # (none: no approximation word ends here)
        s = e - len(word)
        if s < lo or not t.startswith(word, s):
            continue
        b = t[s - 1] if s > 0 else ""
        no_before = _NO_BEFORE.get(word)
        if no_before is not None and b in no_before:
            continue  # 最近, 节约, 赶超: words
        if skip_verb and word not in VERB_PREFIXES:
            continue
        return s, ap
    return None


def _plain_value(t: str, i: int, end: int) -> tuple[_Num, int, int]:
    """The number ``t[i:end]`` that ``_SCAN`` read: exact value, 万/亿, end of the integer part.

    >>> _plain_value("共3.86亿元", 1, 6)
    (386000000, 100000000, 2)
    >>> _plain_value("0.125", 0, 5)
    (Fraction(1, 8), 1, 1)
    """
    big = _FAST_BIG.get(t[end - 1], 1)
    digits_end = end - 1 if big != 1 else end
    whole_end = t.find(".", i, digits_end)
    if whole_end < 0:
        return int(t[i:digits_end]) * big, big, digits_end
    num = int(t[i:whole_end] + t[whole_end + 1 : digits_end]) * big
    den = 10 ** (digits_end - whole_end - 1)
    return (num // den if num % den == 0 else Fraction(num, den)), big, whole_end


_NO_TAIL: Final = _Tail(0)
"""The tail of a fast-path candidate (the rules never read it)."""
_POST_APPROX: Final = {w: Approx(a) for w, a in POST_APPROX.items()}
_OVER: Final = Approx.OVER
_LETTERED_DOLLARS: Final = frozenset({"US", "HK"})
_LEAD_CHARS: Final = frozenset(CURRENCY_SYMBOLS) | frozenset("-.半") | NEGS  # (what lead reads)
_GLUE_PREV: Final = ASCII_LETTERS | ASCII_DIGITS | frozenset("._")  # (what _glued_before reads)
_LATIN_OR_UNDERSCORE: Final = ASCII_LETTERS | frozenset("_")  # (_is_latin, or _)
_LIST_OR_BLANK: Final = frozenset("、") | _SP  # (where ordinal_before may find an ordinal)
_ORDINAL_PREV: Final = DATE_PREVIOUS | frozenset("第") | _LIST_OR_BLANK  # (ordinal_or_date)
# ... where it finds a lone Chinese digit an ordinal or a date whatever follows (quick_cn)
_ORDINAL_OR_DATE_PREV: Final = DATE_PREVIOUS | frozenset("第")
_PHONE_LAST: Final = frozenset(w[-1] for w in PHONE_WORDS)
_FRONT_LAST: Final = frozenset(w[-1] for w in FRONT_UNITS)
_FAST_PREV_STOP: Final = _FRONT_LAST | frozenset("第、")
# ... and those that glue a number to a code before it (_digit_may_start); 、
# only after an ordinal (after_ordinal: 第一、3批), which the fast path asks
_FAST_PREV_NO: Final = (_FAST_PREV_STOP - {"、"}) | ASCII_LETTERS | ASCII_DIGITS | frozenset("_")
_MAX_FAST: Final = 40  # characters of a number the fast path reads
_MAX_LIST: Final = 10  # items read ahead for a list's shared unit
_MAX_PER_WORD: Final = max(len(w) for w in SURFACES)
_PER_REACH: Final = _MAX_PER_WORD + 1  # how far before a number a 每 may stand
_COIN_UNITS: Final = COIN_UNITS
_MORE_DIMS: Final = frozenset({Dimension.DURATION, Dimension.MULTIPLE})
_CURRENCY_WORDS: Final = tuple(w for w in CURRENCY_PREFIXES if not w[0].isascii() and len(w) > 1)
_CURRENCY_LAST: Final = frozenset(w[-1] for w in _CURRENCY_WORDS)


# The fast path (_Scanner.fast_digits): characters after an Arabic number that
# send it to the general path (numeral characters, approximation words,
# blanks, letters, the signs of formulas, ranges and versions) ...
_FAST_BIG: Final = {c: BIG_UNITS[c] for c in "万萬亿億"}
# after a lone Chinese digit: what may make it more than a digit glued to a word
_CN1_NO_QUICK: Final = _CN1_STOP | _RANGE_FIRST | _POST_FIRST | frozenset("来个個")
# _Scanner.quick_cn: lone digits and magnitudes (十 makes a number on its own),
# and the characters after them that may go on with the numeral or its tail
_QUICK_CN: Final = (CN_DIGITS.keys() | BIG_UNITS.keys() | frozenset("百佰千仟")) - {"十", "拾"}
_NO_CHARS: Final[frozenset[str]] = frozenset()
_QUICK_CN_STOP: Final = _CN1_STOP | frozenset("0123456789来米克瓦伏帕赫字")
_FAST_NEXT_STOP: Final = (
    NUMERAL_CHARS
    | frozenset("点點余多几幾餘来 \t\xa0kKMeE^/.,:+分又")
    | ASCII_LETTERS
    | frozenset("_")
)
_FAST_UNIT_PP: Final = frozenset("个個")
# ... characters after the unit that do (a range, an approximation word,
# sub-units, 半, 多) ...
_FAST_AFTER_STOP: Final = (
    _RANGE_FIRST | _POST_FIRST | NUMERAL_CHARS | ASCII_DIGITS | frozenset(".-负負半多余又/")
)
# ... but for the approximation words after a unit (以上, 左右) and a bracket
# not opening (含) (172亿元（其中…）), which the fast path reads
_FAST_POST: Final = _POST_FIRST - (
    _RANGE_FIRST | NUMERAL_CHARS | ASCII_DIGITS | frozenset(".-负負半多余又/")
) | frozenset("(（")
# ... and the unit words that need the general path: with a 半 or 多 of
# their own, a temperature (零下 before it), or no unit at all. The unit
# words with rules of their own (_UNIT_RULES) stay: the fast path applies them.
_FAST_UNITS: Final = {
    w: info
    for w, info in _SURFACE_INFO.items()
    if "半" not in w
    and "多" not in w
    and info[2] not in {Dimension.TEMPERATURE, Dimension.NUMBER, Dimension.FRACTION}
}
# ... each as code, factor and dimension, its rule, if any, whether the
# currency printed before it decides (GENERIC_YUAN: 人民币 50元), and the
# three first fields as one tuple (what fast_cand reads), read with one
# lookup; a skip word (SKIP_WORDS: 2019年度) maps to _SKIPPED, read with the
# same lookup and told by equality (no unit's code is empty, so no unit's
# entry equals it)
_Info = tuple[str, Fraction | int, Dimension]
_FastEntry = tuple[str, Fraction | int, Dimension, _Rule | None, bool, _Info]


def _fast_entry(word: str, info: _Info) -> _FastEntry:
    """The ``_FAST_WORDS`` entry of a unit word the fast path reads.

    >>> _fast_entry("元", _SURFACE_INFO["元"])[:5]
    ('CNY', 1, <Dimension.MONEY: 'money'>, None, True)
    """
    code, factor, dim = info
    yuan = dim is Dimension.MONEY and word in GENERIC_YUAN
    return code, factor, dim, _PLAIN_UNIT_RULES.get(word), yuan, info


_SKIPPED: Final[_FastEntry] = ("", 1, Dimension.NUMBER, None, False, ("", 1, Dimension.NUMBER))
_FAST_WORDS: Final = {w: _fast_entry(w, info) for w, info in _FAST_UNITS.items()}
# 个百分点 printed without blanks (each of its spellings), as _tail reads it (_pp_end)
_PP_INFO: Final[_Info] = ("pp", 1, Dimension.PERCENTAGE_POINT)
_FAST_WORDS.update(
    {
        a + b + "分" + c: _fast_entry("个百分点", _PP_INFO)
        for a in "个個"
        for b in "百佰"
        for c in "点點"
    }
)
_FAST_WORDS.update(dict.fromkeys(_SKIP, _SKIPPED))  # (a skip word is read as skipped first)
_FAST_AFTER_NO: Final = _FAST_AFTER_STOP - _FAST_POST
# (currency_before finds a word only after these: its last character or a blank)
_CURRENCY_GATE: Final = _CURRENCY_LAST | _SP
# The characters before an Arabic number that leave it to the fast path: no
# letter, digit (of any script: the ranges hold no other digit, tests check),
# underscore, point (v2.3), 第 or last character of a unit printed before
# (_FAST_PREV_STOP: 摄氏30度).
_DIGIT_FREE: Final = (
    (0x0000, 0x00B1), (0x00BA, 0x02FF), (0x2000, 0x206F), (0x2190, 0x245F), (0x2500, 0x2775),
    (0x2E80, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0xFE10, 0xFE6F), (0xFF00, 0xFF0F),
    (0xFF1A, 0xFFEF),
)  # fmt: skip
_FAST_PREV_SAFE: Final = _ranges(_DIGIT_FREE, frozenset(ord(c) for c in _FAST_PREV_NO | {"."}))
# The scan for candidates: any character a figure may start with (_CAND); at
# an ASCII digit, also the fast path's shape, matched in the same step: the
# number (at most _MAX_FAST characters, a point, 万 or 亿), maybe 余/多/几
# (INNER_APPROX, as _inner_approx reads them), and the unit or skip word
# right after it (the longest, as _unit_at reads it). A word that
# starts with what may go on with the numeral (_FAST_NEXT_STOP: 分, 千米,
# km...) is left out; 个百分点 is read whole (printed with blanks, the
# general path reads it). (No possessive quantifiers, unknown to ``re`` before Python
# 3.11: where the unit word fails, no shorter reading of the number can
# match, since no word starts with a digit, a point, 万 or 亿.)
# A lone Chinese digit glued to the word after it (一是, 进一步) is no
# quantity (_bare_number), as _Scanner.quick_cn decides it: the scan does
# not stop there. The digit (not 十: 十 makes a number on its own) has no
# letter, underscore or ``x.`` code before it, and the character after it
# is a CJK character that cannot go on with the numeral or its tail
# (_QUICK_CN_STOP, _CN1_NO_QUICK), is no word a bare number may stand before
# (BARE_FOLLOW) and starts no unit or skip word (one class: no word starts
# with it; when a word may start there, quick_cn decides).
_IN_WORD_DIGITS: Final = "".join(sorted(_QUICK_CN & frozenset(CN_DIGITS)))
_IN_WORD_NEXT: Final = _ranges(
    ((0x3400, 0x4DBF), (0x4E00, 0x9FFF)),
    frozenset(
        ord(c) for c in _QUICK_CN_STOP | _CN1_NO_QUICK | BARE_FOLLOW | frozenset(_UNIT_INDEX)
    ),
)
_DIGIT_IN_WORD: Final = (
    f"(?<=[{_IN_WORD_DIGITS}])(?=[{_IN_WORD_NEXT}])"
    f"(?<![A-Za-z_][{_IN_WORD_DIGITS}])(?<![^\\W_]\\.[{_IN_WORD_DIGITS}])"
)
# ... and a lone Chinese digit at the end of a word before a sign or a
# letter (之一。, 队伍，), which _bare_number rejects: after a CJK character
# that no figure may follow (INTRO_CHARS), that ends no approximation word
# or unit printed before (_PREFIX_BEFORE, _FRONT_LAST), and before a
# character outside the CJK ranges that neither goes on with the numeral,
# its tail or a list (_QUICK_CN_STOP, _CN1_NO_QUICK, LIST_SEPARATORS) nor
# starts a unit or skip word.
_CJK_RANGES: Final = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF))
_WORD_END_PREV: Final = _ranges(
    _CJK_RANGES, frozenset(ord(c) for c in INTRO_CHARS | _PREFIX_BEFORE | _FRONT_LAST)
)
_WORD_END_NEXT: Final = _ranges(_CJK_RANGES, frozenset()) + "".join(
    re.escape(c)
    for c in sorted(_QUICK_CN_STOP | _CN1_NO_QUICK | LIST_SEPARATORS | frozenset(_UNIT_INDEX))
)
_DIGIT_ENDS_WORD: Final = f"(?<=[{_WORD_END_PREV}][{_IN_WORD_DIGITS}])(?=[^{_WORD_END_NEXT}])"


def _fast_word(word: str) -> bool:
    """Whether the fast path reads ``word`` after a number: not when it may go on with the numeral.

    A word that starts with a digit or with what may go on with the numeral
    (_FAST_NEXT_STOP: 分, 千, km...) is left to the general path, but for the
    units of 千 and 兆 (千米, 兆瓦) that end the numeral before them, as
    numbers.scan reads them (UNIT_AFTER_MULT).

    >>> [w for w in ("千米", "千卡", "分钟", "元", "3D") if _fast_word(w)]
    ['千米', '元']
    """
    if word[0].isdigit():
        return False
    return word[0] not in _FAST_NEXT_STOP or (word[0] in "千兆" and word[1:2] in UNIT_AFTER_MULT)


_SCAN: Final = re.compile(
    _CAND.pattern
    + f"(?!{_DIGIT_IN_WORD}|{_DIGIT_ENDS_WORD})"
    + f"(?:(?<=[0-9])(?<![^{_FAST_PREV_SAFE}][0-9])"
    + "[0-9]{0,39}(?:\\.[0-9]{1,39})?[万萬亿億]?(["
    + "".join(sorted(INNER_APPROX))
    + "])?((?![个個][ \t百佰])"
    + _word_trie([w for w in _UNIT_WORDS if _fast_word(w)])
    + "|[个個][百佰]分[点點]))?"
)


def _ordinal_across_blanks(t: str, i: int) -> bool:
    """Whether 第 stands before the blanks before ``t[i]`` (at most ``_MAX_SP`` of them).

    >>> _ordinal_across_blanks("第 82 页", 2), _ordinal_across_blanks("共 82 页", 2)
    (True, False)
    """
    k = i - 1
    while k > 0 and t[k - 1] in _SP and i - k < _MAX_SP:
        k -= 1
    return t[k - 1 : k] == "第"


def _date_ahead(t: str, i: int, end: int, word: str) -> bool:
    """Whether the digits ``t[i:end]`` before 年 and a digit are the year of a date.

    Such a year (``2025年10月``: four digits from 1000, no approximation word
    before it, ``_year``) is no quantity, and what follows is read on its own,
    as the general path reads it: the fast path goes on after 年 (dated pages
    print one in every header and dateline). The caller checks that no 余 or
    多 stands between the digits and 年 (``over``).

    >>> [q.text for q in extract_quantities("（2025年10月20日），历时3年10个月")]
    ['3年', '10个月']
    >>> [_date_ahead(t, 1, 5, "年") for t in ("于2025年1月", "约2025年1月", "于0205年1月")]
    [True, False, False]
    """
    return (
        word == "年"
        and t[end + 1 : end + 2] in ASCII_DIGITS
        and end - i == 4
        and "1" <= t[i] <= "2"
        and t[i:end].isdigit()
        and t[i - 1 : i] not in _PREFIX_BEFORE  # (an approximation word may end there)
    )


@str_argument("text")
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
    if not text:
        return []
    return _Scanner(text).run()


def _extract_general(text: str) -> list[Quantity]:
    """``extract_quantities`` by the general path alone (``_Scanner``'s ``general``).

    The same results, slower: the tests compare the two on every shape the
    fast paths read.

    >>> [q.text for q in _extract_general("新增企业16家，一是")]
    ['16家']
    """
    return _Scanner(text, general=True).run() if text else []
