r"""Page furniture: the lines of a page that belong to the page, not to an article.

Running heads and footers (``第 66 页``, ``- 3 -``, ``A4``, a date with its
weekday), edition and source lines (``《人民日报》（2025年10月20日 第 04 版）``,
``第04版：要闻``), the page's editor lines (``本版责编：X``, ``责任编辑：X 版式设计：Y``,
``本版邮箱：…``) and ``广告`` markers. Each detector is one row of
:data:`DETECTORS`, tried in order on a whole (normalized) line; the first that
matches gives the line's :class:`~newsparse.model.FurnitureKind`.

>>> furniture_kind("第 66 页")
<FurnitureKind.FOOTER: 'footer'>
>>> furniture_kind("《人民日报》（2025年10月20日 第 04 版）")
<FurnitureKind.EDITION: 'edition'>
>>> furniture_kind("本版责编：王小明") is FurnitureKind.EDITORS
True
>>> furniture_kind("今年以来，全市完成投资59.1亿元。") is None
True

:func:`find_furniture` runs the detectors over the lines of a page in one
pass: an editor line that an extraction spread over several lines (one name
a line) is one piece of furniture. :func:`parse_edition` reads paper, date
and page from an edition line; :func:`editor_names` the people of an
editor line, who are the page's editors when the line is for this page
(``本版责编``, or ``三版责编`` on 版 03).

>>> parse_edition("《人民日报》（2025年10月20日 第 04 版）")
Edition(paper='人民日报', date=datetime.date(2025, 10, 20), page='04')
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Final

import regex
from attrs import frozen

from newsparse.chars import EDITION_NUMERALS
from newsparse.layout.bylines import split_names
from newsparse.layout.vocab import JUMP_WORDS
from newsparse.model import Edition, FurnitureKind

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = [
    "DETECTORS",
    "JUMP_LINE",
    "FurnitureLines",
    "editor_names",
    "editors_page",
    "find_furniture",
    "furniture_kind",
    "glued_jump",
    "merge_editions",
    "parse_edition",
]

_DIGITS = "0-9０-９"
_NUM = f"[{_DIGITS}]"
_WEEKDAY = r"(?:星期|週|周|礼拜|禮拜)[一二三四五六日天]"
_DATE = (
    rf"(?:(?P<y>{_NUM}{{4}})[ ]?+年[ ]?+(?P<m>{_NUM}{{1,2}})[ ]?+月[ ]?+(?P<d>{_NUM}{{1,2}})[ ]?+日"
    rf"|(?P<y>{_NUM}{{4}})(?P<sep>[-./])(?P<m>{_NUM}{{1,2}})(?P=sep)(?P<d>{_NUM}{{1,2}}))"
)
_PAGE_NO = r"(?P<page>[A-Za-z\uff21-\uff3a]?+[ ]?+[0-9０-９]{1,4}+)"
_PAGE_CODE = r"(?P<page>[A-Z\uff21-\uff3a][0-9０-９]{1,2}+)"  # A4, A04: a 版 of a lettered section
_SECTION = r"(?:[ ]?+[:：][ ]?+|[ ]++)\p{Han}(?:[ ]?+\p{Han}){1,9}+"  # 要闻, 国 际
_SLOT = rf"(?:第[ ]?+{_PAGE_NO}[ ]?+版|{_PAGE_CODE}(?:[ ]?+版)?+|{_PAGE_NO}[ ]?+版)"
_DAY = rf"(?:{_DATE}[ ]?+{_WEEKDAY}|{_WEEKDAY}[ ]?+{_DATE})"
_LUNAR = r"(?:[ ]?+(?:农历|農曆)\p{Han}{2,10}+)"

_FOOTER: Final = regex.compile(
    r"(?:第[ ]?+[0-9０-９]{1,4}+[ ]?+[页頁](?:[ ]?+[/／共][ ]?+[0-9０-９]{1,4}+[ ]?+[页頁]?+)?+"
    r"|[-－—–][ ]?+[0-9０-９]{1,4}+[ ]?+[-－—–]|[·•][ ]?+[0-9０-９]{1,4}+[ ]?+[·•]"
    r"|(?:Page|PAGE|page)[ ]?+[0-9]{1,4}+(?:[ ]?+(?:of|/)[ ]?+[0-9]{1,4}+)?+"
    r"|[0-9]{1,4}+[ ]?+/[ ]?+[0-9]{1,4}+)"
)
_HEADER = regex.compile(rf"(?:{_PAGE_CODE}(?:[ ]?+[版])?+|{_DAY}{_LUNAR}?+)")
# A running head that names the 版: its date (and weekday) before or after the
# 版 and section (``2025年3月5日 星期三 第3版 要闻``), or a lettered 版 and its
# section (``A04 要闻``), or the paper's name and its 版 (``江城日报 A04``).
_DATED_PAGE = regex.compile(
    rf"(?:{_DAY}{_LUNAR}?+|{_DATE})[ ]++{_SLOT}(?:{_SECTION})?+"
    rf"|{_SLOT}(?:{_SECTION})?+[ ]++{_DAY}"
    rf"|{_PAGE_CODE}{_SECTION}"
)
_EDITION: Final = regex.compile(
    rf"(?:[《〈](?P<paper>[^《》〈〉]{{2,12}}+)[》〉][ ]?+[（(]?+[ ]?+)?+"
    rf"(?:{_DATE}[ ]?+)?+"
    r"(?:当前版[ ]?+[:：][ ]?+)?+"  # an e-paper's index line: 当前版:04版
    rf"(?:第[ ]?+{_PAGE_NO}[ ]?+版|{_PAGE_NO}[ ]?+版)"
    r"(?:[ ]?+[）)])?+(?:(?:[ ]?+[:：][ ]?+|[ ]++)\p{Han}(?:[ ]?+\p{Han}){1,9}+)?+"
    r"(?:[ ]?+[0-9]{4}+-[0-9]{1,2}+-[0-9]{1,2}+|[ ]?+PDF版阅读)?+"
)
_PAPER = r"(?P<paper>\p{Han}{2,8}?(?:日报|日報|晚报|晚報|时报|時報|商报|商報|报|報))"
_PAPER_LINE = regex.compile(
    rf"{_PAPER}[ ]++{_DATE}(?:[ ]?+{_WEEKDAY})?+(?:[ ]?+{_SLOT}(?:{_SECTION})?+)?+"
    rf"|{_PAPER}[ ]++{_SLOT}(?:{_SECTION})?+(?:[ ]++{_DAY})?+"
)
_EDITOR_LABEL: Final = regex.compile(
    r"(?P<which>本|[一二三四五六七八九十]{1,3}+|第?+[0-9０-９]{1,2}+)?+[版]"
    r"(?:责编|責編|编辑|編輯|统筹|統籌|校对|校對|主编|主編)[ ]?+[:：]"
    r"|(?:本版)?+(?:责任编辑|責任編輯|版式设计|版式設計|美术编辑|美術編輯|美编|美編|版面设计"
    r"|版面設計|责任校对|責任校對|制图|製圖|责编|責編)[ ]?+[:：]?+"
    r"|(?:编辑|編輯|主编|主編|校对|校對|统筹|統籌|图片编辑|圖片編輯)[ ]?+[:：]"
)
_EDITOR_LINE: Final = regex.compile(
    r"(?:(?:" + _EDITOR_LABEL.pattern + r")[ ]?+[\p{Han}·• ]{1,40}?[ ]?)+"
)
_MAILBOX: Final = regex.compile(
    r"(?:本版|本刊|本报)?+(?:邮箱|郵箱|电子信箱|電子信箱|投稿邮箱|投稿郵箱|E-mail|Email)"
    r"[ ]?+[:：].{0,80}+"
)
_ADVERT: Final = regex.compile(r"[（(【\[]?+(?:广告|廣告)[）)】\]]?+")
# A web page's metadata fields (``发布日期:``, ``日期: 13年03月3期``, ``来源: X  点击:``):
# a label and a colon, the value a date, a time, a count, a short source name or
# nothing (the page's script filled it in). ``作者:`` is not one (its names are credits).
_WEB_LABEL: Final = (
    r"(?:发布日期|發佈日期|发布时间|發佈時間|更新时间|更新時間|日期|时间|時間|来源|來源"
    r"|点击|點擊|点击数|浏览|瀏覽|浏览次数|阅读|閱讀|阅读数|字号|字號)"
)
_WEB_VALUE: Final = r"(?:[0-9０-９年月日期号號:：/.\- ]{0,24}+|\p{Han}{2,12}+)"
_WEB_META: Final = regex.compile(
    rf"{_WEB_LABEL}[ ]?+[:：][ ]?+{_WEB_VALUE}(?:[ ]++{_WEB_LABEL}[ ]?+[:：][ ]?+{_WEB_VALUE})*+"
)
# An e-paper's index entry of a 版: its number, a colon and the section (``03:社会广角镜``).
_PAGE_INDEX: Final = regex.compile(r"(?P<page>[0-9０-９]{2}+)[:：][ ]?+\p{Han}{2,10}+")
_NAME_PIECE: Final = regex.compile(r"\p{Han}{1,3}+(?:[ ]\p{Han}{1,3}+){0,3}+")


def _footer(line: str) -> bool:
    """A running footer: a page number as PDF extraction prints it.

    >>> _footer("第 66 页"), _footer("- 3 -"), _footer("Page 3 of 12"), _footer("第3章")
    (True, True, True, False)
    """
    return _FOOTER.fullmatch(line) is not None


def _header(line: str) -> bool:
    """A running head: a page code (``A4``) or the date with its weekday.

    >>> _header("A4"), _header("2025年10月20日 星期一"), _header("A股上涨")
    (True, True, False)
    """
    return _HEADER.fullmatch(line) is not None


def _edition(line: str) -> bool:
    """An edition or source line: the paper, the date and the 版.

    >>> _edition("《人民日报》（2025年10月20日 第 04 版）"), _edition("第04版：要闻")
    (True, True)
    >>> _edition("某某晚报 2024年3月5日 星期二 第7版"), _edition("第二版的故事")
    (True, False)
    >>> _edition("第1版:一版要闻 2022-05-28"), _edition("当前版:04版")
    (True, True)
    >>> _edition("第03版:城 事 PDF版阅读"), _edition("第01版 城市新闻")
    (True, True)
    >>> _edition("05:城乡新貌"), _edition("10:30开始")
    (True, False)
    """
    return any(
        p.fullmatch(line) is not None for p in (_EDITION, _PAPER_LINE, _PAGE_INDEX, _DATED_PAGE)
    )


def _editors(line: str) -> bool:
    """The page's editor and designer line, or its mailbox line.

    >>> _editors("本版责编：王小明  李 强"), _editors("责任编辑：周甲 版式设计：吴乙")
    (True, True)
    >>> _editors("本版邮箱：abc@example.cn"), _editors("编辑部的故事")
    (True, False)
    """
    return _EDITOR_LINE.fullmatch(line) is not None or _MAILBOX.fullmatch(line) is not None


def _advert(line: str) -> bool:
    """A ``广告`` marker on a line of its own.

    >>> _advert("广告"), _advert("（廣告）"), _advert("广告费")
    (True, True, False)
    """
    return _ADVERT.fullmatch(line) is not None


def _web_meta(line: str) -> bool:
    """A web page's metadata line: publication date, source, clicks (a running head).

    >>> _web_meta("发布日期:"), _web_meta("日期: 24年05月2期"), _web_meta("来源: 江城晚报  点击:")
    (True, True, True)
    >>> _web_meta("时间：2026-01-05 10:20"), _web_meta("日期:今天全市召开大会，部署工作。")
    (True, False)
    """
    return _WEB_META.fullmatch(line) is not None


DETECTORS: Final[tuple[tuple[FurnitureKind, Callable[[str], bool]], ...]] = (
    (FurnitureKind.FOOTER, _footer),
    (FurnitureKind.HEADER, _header),
    (FurnitureKind.HEADER, _web_meta),
    (FurnitureKind.EDITION, _edition),
    (FurnitureKind.EDITORS, _editors),
    (FurnitureKind.ADVERT, _advert),
)
"""The furniture rules in the order they are tried; the first match wins."""

_MAX_FURNITURE: Final = 100
# Every furniture line holds one of these characters (a digit, a bracket of an
# edition line, a label character): most lines are skipped by one search.
_FURNITURE_HINT: Final = re.compile(r"[0-9０-９版页頁告邮郵箱編编辑輯Pp期间間源击擊览覽读讀号號]")


def furniture_kind(line: str) -> FurnitureKind | None:
    """The kind of furniture a whole (normalized) line is, or ``None``.

    >>> furniture_kind("- 3 -")
    <FurnitureKind.FOOTER: 'footer'>
    >>> furniture_kind("2025年10月20日 星期一")
    <FurnitureKind.HEADER: 'header'>
    >>> furniture_kind("广告")
    <FurnitureKind.ADVERT: 'advert'>
    """
    text = line.strip()
    if not text or len(text) > _MAX_FURNITURE or _FURNITURE_HINT.search(text) is None:
        return None
    for kind, detect in DETECTORS:
        if detect(text):
            return kind
    return None


def _int(text: str) -> int:
    return int(text.translate(_WIDE_DIGITS))


_WIDE_DIGITS: Final = {0xFF10 + k: str(k) for k in range(10)}  # full-width digits to ASCII


def parse_edition(line: str) -> Edition | None:
    """Paper, date and page (版) printed on an edition, source or header line.

    >>> parse_edition("第04版：要闻")
    Edition(paper=None, date=None, page='04')
    >>> parse_edition("2025年10月20日 星期一").date
    datetime.date(2025, 10, 20)
    >>> parse_edition("正文") is None
    True
    """
    text = line.strip()
    m = (
        _EDITION.fullmatch(text)
        or _PAPER_LINE.fullmatch(text)
        or _PAGE_INDEX.fullmatch(text)
        or _DATED_PAGE.fullmatch(text)
        or _HEADER.fullmatch(text)
    )
    if m is None:
        return None
    groups = m.groupdict()
    date = None
    if groups.get("y"):
        try:
            date = dt.date(_int(groups["y"]), _int(groups["m"]), _int(groups["d"]))
        except ValueError:
            date = None
    page = groups.get("page")
    if page is not None:
        page = page.replace(" ", "").translate(_WIDE_DIGITS)
    paper = groups.get("paper")
    if paper is None and date is None and page is None:
        return None
    return Edition(paper, date, page)


def merge_editions(editions: Sequence[Edition]) -> Edition | None:
    """One edition from every edition line of a page: the first value of each part.

    >>> merge_editions([Edition(None, None, "04"), Edition("人民日报", None, "05")])
    Edition(paper='人民日报', date=None, page='04')
    >>> merge_editions([]) is None
    True
    """
    if not editions:
        return None
    paper = next((e.paper for e in editions if e.paper), None)
    date = next((e.date for e in editions if e.date), None)
    page = next((e.page for e in editions if e.page), None)
    return Edition(paper, date, page)


_ORDINALS: Final = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}


def editors_page(line: str) -> str | None:
    """Which 版 an editor line is for: ``"本"`` (this one), a number, or ``None``.

    >>> editors_page("本版责编：甲乙"), editors_page("三版责编：甲乙"), editors_page("责任编辑：甲")
    ('本', '3', None)
    """
    m = _EDITOR_LABEL.match(line.strip())
    if m is None or m.group("which") is None:
        return None
    which: str = m.group("which").lstrip("第")
    if which == "本":
        return which
    if which[0] in _ORDINALS:
        if len(which) == 1:
            return str(_ORDINALS[which])
        if which[0] == "十":
            return str(10 + _ORDINALS.get(which[1], 0))
        return str(_ORDINALS[which[0]] * 10 + _ORDINALS.get(which[-1], 0) * (len(which) > 2))
    return str(_int(which))


def editor_names(line: str) -> list[tuple[str, int, int]]:
    """The people of an editor line, as ``(name, start, end)`` offsets into ``line``.

    Names padded to two characters' width (``姜 波``) are one name.

    >>> [n for n, _s, _e in editor_names("本版责编：陈 凌 石 羚 常 晋")]
    ['陈凌', '石羚', '常晋']
    >>> [n for n, _s, _e in editor_names("责任编辑：周甲 版式设计：吴乙丙")]
    ['周甲', '吴乙丙']
    >>> editor_names("本版邮箱：news@example.cn （来稿请注明栏目名）")
    []
    """
    out: list[tuple[str, int, int]] = []
    if _EDITOR_LINE.fullmatch(line.strip()) is None:
        return out  # a mailbox line, or no editor line at all
    pos = 0
    for label in _EDITOR_LABEL.finditer(line):
        _collect(line, pos, label.start(), out)
        pos = label.end()
    _collect(line, pos, len(line), out)
    return out


def _collect(line: str, start: int, end: int, out: list[tuple[str, int, int]]) -> None:
    pending: tuple[str, int, int] | None = None
    for m in regex.finditer(r"\p{Han}++(?:[·•]\p{Han}++)?+", line[start:end]):
        tok, s, e = m.group(), start + m.start(), start + m.end()
        if len(tok) == 1:
            if pending is None:
                pending = (tok, s, e)
            else:
                out.append((pending[0] + tok, pending[1], e))
                pending = None
            continue
        if pending is not None:
            out.append(pending)
            pending = None
        out.extend((tok[a:b], s + a, s + b) for a, b in split_names(tok))
    if pending is not None:
        out.append(pending)


@frozen
class FurnitureLines:
    """One piece of furniture found by :func:`find_furniture`: lines ``first..last``.

    >>> FurnitureLines(FurnitureKind.FOOTER, 3, 3).last
    3
    """

    kind: FurnitureKind
    first: int
    last: int


def find_furniture(lines: Sequence[str]) -> list[FurnitureLines]:
    """The furniture among the (normalized) lines of a page, in one pass.

    An editor line is followed by the lines an extraction broke off it (a
    name or a few names a line, no punctuation); they are the same piece.

    >>> find_furniture(["标题", "正文。", "第 3 页", "本版责编：陈", "凌", "石 羚", "第 4 页"])
    ... # doctest: +NORMALIZE_WHITESPACE
    [FurnitureLines(kind=<FurnitureKind.FOOTER: 'footer'>, first=2, last=2),
     FurnitureLines(kind=<FurnitureKind.EDITORS: 'editors'>, first=3, last=5),
     FurnitureLines(kind=<FurnitureKind.FOOTER: 'footer'>, first=6, last=6)]
    """
    out: list[FurnitureLines] = []
    i, n = 0, len(lines)
    while i < n:
        kind = furniture_kind(lines[i])
        if kind is None:
            i += 1
            continue
        last = i
        if kind is FurnitureKind.EDITORS and _EDITOR_LABEL.match(lines[i].strip()):
            while last + 1 < n and _NAME_PIECE.fullmatch(lines[last + 1].strip()):
                last += 1
        out.append(FurnitureLines(kind, i, last))
        i = last + 1
    return out


_JUMP_WORDS = "|".join(sorted(map(regex.escape, JUMP_WORDS), key=len, reverse=True))
_JUMP_TARGET = rf"(?:第?+[{EDITION_NUMERALS}]{{1,3}}+|[A-Z][0-9]{{1,2}}+)[ ]?+版"
JUMP_LINE = regex.compile(rf"[（(]?+[ ]?+(?:{_JUMP_WORDS})[ ]?+{_JUMP_TARGET}[ ]?+[)）]?+")
"""A jump line (``（下转第三版）``, ``上接A1版``), matched whole (``fullmatch``)."""
_BRACKETED_JUMP = rf"[（(][ ]?+(?:{_JUMP_WORDS})[ ]?+{_JUMP_TARGET}[ ]?+[)）]"
_JUMP_AT_END = regex.compile(rf"{_BRACKETED_JUMP}$")
_JUMP_AT_START = regex.compile(rf"{_BRACKETED_JUMP}[ ]*+")


def glued_jump(text: str) -> tuple[int, int] | None:
    """Where a jump line glued to a paragraph is: ``(start, end)`` in ``text``, or ``None``.

    An extraction that runs a jump line into the paragraph it cuts leaves it
    at the paragraph's end (``…。（下转第三版）``) or start (``（上接第一版）…``),
    always in brackets; blanks between the two belong to neither. A line that
    is a jump line and nothing else is not glued.

    >>> glued_jump("会议在北京举行。（下转第三版）")
    (8, 15)
    >>> glued_jump("（上接第1版） 会议指出，要抓落实。")
    (0, 7)
    >>> glued_jump("（下转第三版）") is None, glued_jump("转第三版的消息。") is None
    (True, True)
    """
    if "版" not in text:
        return None
    end = _JUMP_AT_END.search(text)
    if end is not None and text[: end.start()].strip(" "):
        return end.start(), len(text)
    start = _JUMP_AT_START.match(text)
    if start is not None and start.end() < len(text):
        return 0, len(text[: start.end()].rstrip(" "))
    return None
