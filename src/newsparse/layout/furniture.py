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
from itertools import compress
from typing import TYPE_CHECKING, Final

import regex
from attrs import frozen

from newsparse.chars import EDITION_NUMERALS
from newsparse.errors import str_argument
from newsparse.layout.bylines import split_names
from newsparse.layout.vocab import JUMP_WORDS, NAV_WORDS
from newsparse.model import Edition, FurnitureKind

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = [
    "DETECTORS",
    "FURNITURE_HINT",
    "JUMP_LINE",
    "MAX_FURNITURE",
    "FurnitureLines",
    "archive_head_end",
    "editor_names",
    "editors_page",
    "find_furniture",
    "furniture_kind",
    "glued_jump",
    "head_end",
    "merge_editions",
    "meta_start",
    "opens_furniture",
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
# a section before its 版 (no 第 inside: the possessive section would take the 版's 第)
_SECTION_BEFORE = r"(?:[ ]?+[:：][ ]?+|[ ]++)(?!第)\p{Han}(?:[ ]?+(?!第)\p{Han}){1,9}+"
_SLOT = rf"(?:第[ ]?+{_PAGE_NO}[ ]?+版|{_PAGE_CODE}(?:[ ]?+版)?+|{_PAGE_NO}[ ]?+版)"
_DAY = rf"(?:{_DATE}[ ]?+(?:{_WEEKDAY}|[（(]{_WEEKDAY}[)）])|{_WEEKDAY}[ ]?+{_DATE})"
_LUNAR = r"(?:[ ]?+(?:农历|農曆)\p{Han}{2,10}+)"

_FOOTER: Final = regex.compile(
    r"(?:第[ ]?+[0-9０-９]{1,4}+[ ]?+[页頁](?:[ ]?+[/／共][ ]?+[0-9０-９]{1,4}+[ ]?+[页頁]?+)?+"
    r"|[-－—–][ ]?+[0-9０-９]{1,4}+[ ]?+[-－—–]|[·•][ ]?+[0-9０-９]{1,4}+[ ]?+[·•]"
    r"|(?:Page|PAGE|page)[ ]?+[0-9]{1,4}+(?:[ ]?+(?:of|/)[ ]?+[0-9]{1,4}+)?+"
    r"|[0-9]{1,4}+[ ]?+/[ ]?+[0-9]{1,4}+)"
)
_RUNNING_DATE = regex.compile(rf"{_DATE}[ ]?+(?:{_WEEKDAY}|[（(]{_WEEKDAY}[)）])$")
# A running head printed whole on one line: the page code, its sections and editors, the date
# with its weekday (``A26 要闻 责任编辑:甲 2015 年 8 月 10 日(星期一)``).
_RUNNING_HEAD = regex.compile(
    rf"[A-Z\uff21-\uff3a][0-9０-９]{{1,2}}+[ ]++[^。，,；;！？!?]{{0,80}}?"
    rf"{_DATE}[ ]?+(?:{_WEEKDAY}|[（(]{_WEEKDAY}[)）])"
)
_HEADER = regex.compile(rf"(?:{_PAGE_CODE}(?:[ ]?+[版])?+|{_DAY}{_LUNAR}?+)")
# A running head that names the 版: its date (and weekday) before or after the
# 版 and section (``2025年3月5日 星期三 第3版 要闻``, the section before the 版 as
# a PDF's wide head prints it: ``2025年3月5日 星期三 经济新闻 第3版``), or a lettered 版 and its
# section (``A04 要闻``), or the paper's name and its 版 (``江城日报 A04``).
_DATED_PAGE = regex.compile(
    rf"(?:{_DAY}{_LUNAR}?+|{_DATE})(?:{_SECTION_BEFORE})?+[ ]++{_SLOT}(?:{_SECTION})?+"
    rf"|{_SLOT}(?:{_SECTION})?+[ ]++{_DAY}"
    rf"|{_PAGE_CODE}{_SECTION}"
)
_EDITION: Final = regex.compile(
    rf"(?:[《〈](?P<paper>[^《》〈〉]{{2,12}}+)[》〉][ ]?+[（(]?+[ ]?+)?+"
    rf"(?:{_DATE}[ ]?+)?+"
    r"(?:当前版[ ]?+[:：][ ]?+)?+"  # an e-paper's index line: 当前版:04版
    rf"(?:第[ ]?+{_PAGE_NO}[ ]?+版|{_PAGE_NO}[ ]?+版)"
    r"(?:[ ]?+[）)])?+"
    # an archive's section in parentheses and its empty column field: 第6版(国际)专栏:
    r"(?:[ ]?+[（(]\p{Han}{0,10}+[)）])?+(?:[ ]?+(?:专栏|專欄)[ ]?+[:：])?+"
    r"(?:(?:[ ]?+[:：][ ]?+|[ ]++)\p{Han}(?:[ ]?+\p{Han}){1,9}+)?+"
    r"(?:[ ]?+[0-9]{4}+-[0-9]{1,2}+-[0-9]{1,2}+|[ ]?+PDF版阅读)?+"
)
_PAPER = r"(?P<paper>\p{Han}{2,8}?(?:日报|日報|晚报|晚報|时报|時報|商报|商報|报|報))"
# A masthead on a line of its own, as a PDF's text splits a running head (``江城日报``,
# then the date, then the 版): only the suffixes no column or headline ends with
_MASTHEAD = (
    r"(?P<paper>\p{Han}{2,6}?(?:日报|日報|晚报|晚報|时报|時報|商报|商報|都市报|都市報))"
    r"(?:[ ]?+(?:海外版|农村版|農村版|英文版))?+"
)
_PAPER_LINE = regex.compile(
    rf"{_PAPER}[ ]++{_DATE}(?:[ ]?+{_WEEKDAY})?+(?:[ ]?+{_SLOT}(?:{_SECTION})?+)?+"
    rf"|{_PAPER}[ ]++{_SLOT}(?:{_SECTION})?+(?:[ ]++{_DAY})?+"
    rf"|{_MASTHEAD}"
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
_WEB_VALUE: Final = (
    r"(?:[0-9０-９年月日期号號:：/.\- ]{0,24}+|\p{Han}{2,12}+(?:[-－—·]\p{Han}{2,12}+)?+)"
)
_WEB_META: Final = regex.compile(
    rf"{_WEB_LABEL}[ ]?+[:：][ ]?+{_WEB_VALUE}(?:[ ]++{_WEB_LABEL}[ ]?+[:：][ ]?+{_WEB_VALUE})*+"
)
# An e-paper's index entry of a 版: its number, a colon and the section (``03:社会广角镜``).
_PAGE_INDEX: Final = regex.compile(r"(?P<page>[0-9０-９]{2}+)[:：][ ]?+\p{Han}{2,10}+")
# A web copy's date stamp on its own (``[2004-03-31]``, ``2025/09/30 10:28``): when the
# page was posted, a running head of the copy.
_ZONE: Final = r"(?:[ ]?+(?:HKT|GMT|UTC|CST|北京时间|北京時間))?+"
_TIME: Final = r"[ ]?+[0-9]{1,2}+:[0-9]{2}+(?::[0-9]{2}+)?+"
# (a date in words or with dots is a stamp only with its time: alone, it may sign a notice)
_DATE_STAMP: Final = regex.compile(
    r"[\[【(（]?+[ ]?+"
    rf"(?:[0-9]{{4}}+[-/][0-9]{{1,2}}+[-/][0-9]{{1,2}}+{_ZONE}(?:{_TIME})?+"
    rf"|[0-9]{{4}}+[.][0-9]{{1,2}}+[.][0-9]{{1,2}}+{_ZONE}{_TIME}"
    rf"|[0-9０-９]{{4}}+[ ]?+年[ ]?+[0-9０-９]{{1,2}}+[ ]?+月[ ]?+[0-9０-９]{{1,2}}+[ ]?+日"
    rf"{_ZONE}{_TIME})"
    r"(?:[ ]?+[\]】)）])?+"
)
# An archive's header: the page, its section in parentheses, the column field (``第1版()专栏:``).
_ARCHIVE_HEAD: Final = regex.compile(
    rf"第[ ]?+{_PAGE_NO}[ ]?+版[（(]\p{{Han}}{{0,10}}+[)）](?:[ ]?+(?:专栏|專欄)[ ]?+[:：])?+"
)
# An archive's field label with nothing after it (``专栏:`` where an item has no column).
_EMPTY_FIELD: Final = regex.compile(r"(?:专栏|專欄|栏目|欄目)[ ]?+[:：]")
# An e-paper's chrome: the site's name (``某某日报 数字报纸``) and its navigation
# (``3上一版 下一版4``, ``下一篇4 2012年11月13日 放大 缩小 默认``, ``新闻搜索:``).
_SITE_NAME: Final = regex.compile(
    r"(?:\p{Han}{2,10}?(?:报|報|网|網)[ ]?+)?+(?:数字报纸|數字報紙|数字报|數字報|电子报|電子報"
    r"|电子版|電子版|数字版|數字版)"
)
_NAV_WORD: Final = "|".join(sorted(map(regex.escape, NAV_WORDS), key=len, reverse=True))
_NAV_ITEMS: Final = (  # links and dates, as navigation prints them
    rf"(?:[0-9０-９]{{0,3}}+(?:{_NAV_WORD})[0-9０-９]{{0,3}}+[ ]?+[:：]?+[ ]?+|{_DATE}[ ]?+)++"
)
# (a link at least: a date alone is no navigation)
_NAV_LINE: Final = regex.compile(rf"(?=[^\n]*?(?:{_NAV_WORD})){_NAV_ITEMS}")
# A web copy's source line: the address of the site, then the posting time and the source
# (``http://news.example.cn 2003年10月06日12:17 江城晚报``).
_URL_LINE: Final = regex.compile(
    r"https?+://[!-~]{1,200}+(?:[ ]++(?:[0-9０-９年月日:：/.\-]{2,24}+|\p{Han}{2,12}+))*+"
    r"(?:[ ]++\|[ |]*+)?+"  # the table rules a web page leaves after it
)
# A web page's breadcrumb trail (``当前位置：首页 > 新闻 > 本地``) and its share bar
# (``分享到：微信 微博``): the site's chrome.
_BREADCRUMB: Final = regex.compile(
    r"(?:(?:当前位置|當前位置|您的位置|你的位置|位置)[ ]?+[:：][ ]?+)?+"
    r"(?:首页|首頁|主页|主頁|网站首页|網站首頁)"
    r"(?:[ ]?+[>\uff1e»\u203a/][ ]?+[\p{Han}A-Za-z0-9]{1,12}+)++"
)
_SHARE_BAR: Final = regex.compile(r"(?:分享到|分享)[ ]?+[:：][ ]?+[\p{Han}A-Za-z0-9 ]{0,40}+")
# An e-paper's index of the 版: the title of each article, followed by a link mark (``~~~``).
_INDEX_ENTRY: Final = regex.compile(r"[^~～]{2,60}+[~～]{2,}+")
_BLANKS: Final = re.compile(" +")  # (a run of one character: the standard engine, cheaper)
# Metadata fields and posting dates, in any order: what a web copy prints after a title.
_META_FIELD: Final = rf"(?:{_WEB_META.pattern}|{_DATE_STAMP.pattern})"
_META_SEP: Final = r"(?:[ ]*+[|\uff5c][ ]*+|[ ]++)"  # blanks, or a bar between fields
_META_TAIL: Final = regex.compile(
    rf"(?:[|\uff5c][ ]*+)?+{_META_FIELD}(?:{_META_SEP}{_META_FIELD})*+"
)
# Web metadata fields in front of an editor field, on one line (``来源:X 责任编辑:Y``).
_META_PREFIX: Final = regex.compile(rf"(?:[|\uff5c][ ]*+)?+(?:{_META_FIELD}{_META_SEP})++")
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
    >>> _header("A3 要闻 江城新闻 2020年5月6日(星期三)")
    True
    """
    return _HEADER.fullmatch(line) is not None or (
        _RUNNING_HEAD.fullmatch(line) is not None and _EDITOR_LABEL.search(line) is None
    )


def _head_with_editors(line: str) -> int | None:
    """Where the date of a running head that names the page's editors starts, or ``None``."""
    if _RUNNING_HEAD.fullmatch(line) is None or _EDITOR_LABEL.search(line) is None:
        return None
    date = _RUNNING_DATE.search(line)
    return None if date is None else date.start()


@str_argument("line")
def archive_head_end(line: str) -> int | None:
    """Where an archive's header at the start of a longer line ends (``第1版()专栏: …``).

    >>> archive_head_end("第1版()专栏: 江边的早市"), archive_head_end("第1版 江边的早市")
    (8, None)
    """
    m = _ARCHIVE_HEAD.match(line)
    if m is None or m.end() >= len(line) or line[m.end()] != " ":
        return None
    end: int = m.end()
    return end


def meta_start(line: str) -> int | None:
    """Where a web copy's metadata fields printed after a title start (``None``: none there).

    >>> line = "江边的早市 来源：江城网 2021-03-04"
    >>> line[: meta_start(line)]
    '江边的早市'
    >>> meta_start("来源：江城网"), meta_start("江边的早市 时间过得真快")
    (None, None)
    """
    if len(line) > MAX_FURNITURE:
        return None
    size, table = len(line), _TAIL_OPENINGS.table  # (the table read here: no Python call a blank)
    for m in _BLANKS.finditer(line):
        at = m.end()
        if at == size:
            continue  # (nothing after the blank)
        opens = table.get(line[at])
        if not (_TAIL_OPENINGS.opens(line[at]) if opens is None else opens):
            continue  # (what no field or editor line opens with)
        rest = line[at:]
        if _TAIL_OPENINGS.pattern.fullmatch(rest) is None:
            continue  # (no field nor editor shape holds it whole: one search, not each rule's)
        if _META_TAIL.fullmatch(rest) is not None or _editors(rest):
            start: int = m.start()
            return start
    return None


@str_argument("line")
def head_end(line: str) -> int | None:
    """Where furniture printed at the start of a longer line ends (``None``: none there).

    Web copies run a page's head into the line after it: the running head
    (page code, sections, editors, date and weekday) into the first
    paragraph, the posting date into the title or byline, an archive's
    header (``第1版()专栏:``) into the title. The furniture ends at a blank.

    >>> head_end("A3 要闻 责任编辑:周甲 2020年5月6日(星期三) 本报讯 今天…")
    28
    >>> head_end("[2020-05-06] 特写:江边的早市"), head_end("第2版(要闻)专栏: 江边的早市")
    (12, 10)
    >>> head_end("A股上涨 2020年5月6日(星期三) 收盘"), head_end("2020-05-06的早市") is None
    (None, True)
    """
    for pattern in (_RUNNING_HEAD, _DATE_STAMP, _ARCHIVE_HEAD):
        m = pattern.match(line)
        if m is not None and m.end() < len(line) and line[m.end()] == " ":
            end: int = m.end()
            return end
    return None


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
    # (each pattern is tried only on a line that holds what it needs: 版, a paper's 报,
    # the digits of an index entry, 版 or the letter of a lettered 版)
    page = "版" in line
    return (
        (page and _EDITION.fullmatch(line) is not None)
        or (("报" in line or "報" in line) and _PAPER_LINE.fullmatch(line) is not None)
        or (line[:1] in _DIGIT_CHARS and _PAGE_INDEX.fullmatch(line) is not None)
        or (
            (page or _PAGE_LETTER.search(line) is not None)
            and _DATED_PAGE.fullmatch(line) is not None
        )
    )


_DIGIT_CHARS: Final = frozenset("0123456789" + "".join(chr(0xFF10 + k) for k in range(10)))
_PAGE_LETTER: Final = re.compile("[A-Z\uff21-\uff3a]")  # (a lettered 版, in ASCII or full width)


def _editors(line: str) -> bool:
    """The page's editor and designer line, or its mailbox line.

    >>> _editors("本版责编：王小明  李 强"), _editors("责任编辑：周甲 版式设计：吴乙")
    (True, True)
    >>> _editors("本版邮箱：abc@example.cn"), _editors("编辑部的故事")
    (True, False)
    >>> _editors("来源:江城晚报 责任编辑:周甲"), _editors("| 来源：江城晚报 | 责任编辑：周甲")
    (True, True)
    >>> _editors("B2 城事 责任编辑:周甲 2021年3月4日(星期四)")
    True
    """
    if _EDITOR_LINE.fullmatch(line) is not None or _MAILBOX.fullmatch(line) is not None:
        return True
    if _head_with_editors(line) is not None:
        return True  # a running head naming the page's editors
    end = _meta_end(line)  # web metadata fields before the editor field
    return end > 0 and _EDITOR_LINE.fullmatch(line, end) is not None


def _meta_end(line: str) -> int:
    """Where the web metadata fields in front of an editor field end (0: none there)."""
    m = _META_PREFIX.match(line)
    if m is None or _EDITOR_LABEL.match(line, m.end()) is None:
        return 0
    end: int = m.end()
    return end


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
    >>> _web_meta("来源：江城网－江城日报")
    True
    """
    return _WEB_META.fullmatch(line) is not None or _META_TAIL.fullmatch(line) is not None


def _web_stamp(line: str) -> bool:
    """A web copy's date stamp, or an archive's empty field label: a line of its own.

    >>> _web_stamp("[2004-03-31]"), _web_stamp("2025/09/30 10:28"), _web_stamp("专栏:")
    (True, True, True)
    >>> _web_stamp("2024年05月06日 08:00"), _web_stamp("2024-05-06 HKT 08:00")
    (True, True)
    >>> _web_stamp("2025年的计划"), _web_stamp("专栏:城市笔记"), _web_stamp("2024年5月6日")
    (False, False, False)
    """
    return _STAMP_OR_FIELD.fullmatch(line) is not None


_STAMP_OR_FIELD = regex.compile(f"(?:{_DATE_STAMP.pattern})|(?:{_EMPTY_FIELD.pattern})")


def _chrome(line: str) -> bool:
    """An e-paper's chrome: its address line, site name, navigation links, or index of the 版.

    >>> _chrome("江城日报 数字报纸"), _chrome("3上一版 下一版4"), _chrome("新闻搜索:")
    (True, True, True)
    >>> _chrome("下一篇4 2012年11月13日 放大 缩小 默认"), _chrome("某某社区开展义诊活动~~~")
    (True, True)
    >>> _chrome("http://news.example.cn 2003年10月06日12:17 江城晚报")
    True
    >>> _chrome("当前位置：首页 > 新闻中心 > 本地新闻"), _chrome("分享到：微信 微博 QQ空间")
    (True, True)
    >>> _chrome("数字报纸走进千家万户"), _chrome("上一版的新闻很精彩")
    (False, False)
    """
    if _CHROME.fullmatch(line) is not None:
        return True
    # (navigation is tried only on a line that names a link: its pattern looks ahead for one)
    return _NAV_HINT.search(line) is not None and _NAV_LINE.fullmatch(line) is not None


# (one alternation: a line is tried once, not once a kind of chrome)
_CHROME_SHAPES = tuple(
    p.pattern for p in (_URL_LINE, _BREADCRUMB, _SHARE_BAR, _SITE_NAME, _INDEX_ENTRY)
)
_CHROME = regex.compile("|".join(f"(?:{shape})" for shape in _CHROME_SHAPES))
_NAV_HINT = re.compile("|".join(map(re.escape, NAV_WORDS)))


_EDITORS_AFTER_META: Final = f"(?:{_META_PREFIX.pattern})(?:{_EDITOR_LINE.pattern})"
_EDITOR_SHAPES: Final = (
    _EDITOR_LINE.pattern,
    _MAILBOX.pattern,
    _RUNNING_HEAD.pattern,  # (a running head naming the editors)
    _EDITORS_AFTER_META,
)

DETECTORS: Final[tuple[tuple[FurnitureKind, Callable[[str], bool], tuple[str, ...]], ...]] = (
    (FurnitureKind.FOOTER, _footer, (_FOOTER.pattern,)),
    (FurnitureKind.HEADER, _header, (_HEADER.pattern, _RUNNING_HEAD.pattern)),
    (FurnitureKind.HEADER, _web_meta, (_WEB_META.pattern, _META_TAIL.pattern)),
    (FurnitureKind.HEADER, _web_stamp, (_STAMP_OR_FIELD.pattern,)),
    (
        FurnitureKind.HEADER,
        _chrome,
        (*_CHROME_SHAPES, _NAV_ITEMS),  # (navigation without its look-ahead: a wider shape)
    ),
    (
        FurnitureKind.EDITION,
        _edition,
        (_EDITION.pattern, _PAPER_LINE.pattern, _PAGE_INDEX.pattern, _DATED_PAGE.pattern),
    ),
    (
        FurnitureKind.EDITORS,
        _editors,
        _EDITOR_SHAPES,
    ),
    (FurnitureKind.ADVERT, _advert, (_ADVERT.pattern,)),
)
"""The furniture rules in the order they are tried; the first match wins.

Each row is a kind, its detector and its shapes: patterns one of which every
line the detector accepts matches whole (a necessary condition read off the
detector's own patterns). What a line can open with follows from them (see
``opens_furniture()``): most lines of a page are ruled out by their first character.
"""

# Shapes that may open with (almost) any character, and what every line of theirs
# holds instead: a site's name ends in 报纸, 电子版... (纸, 报, 版), an index entry in
# its link mark (~~), a paper's line names the paper (报) and a blank follows it.
_ANY_OPENING: Final = frozenset((_SITE_NAME.pattern, _INDEX_ENTRY.pattern, _PAPER_LINE.pattern))
_ANY_OPENING_ENDS: Final = "~～纸紙报報版"


class _Openings:
    """What the lines of some shapes can open with: one partial match a character, kept."""

    def __init__(self, shapes: tuple[str, ...]) -> None:
        self.pattern = regex.compile("|".join(f"(?:{shape})" for shape in shapes))
        self.table: dict[str, bool] = {}  # (filled as characters are met: a bounded table)

    def opens(self, char: str) -> bool:
        found = self.table.get(char)
        if found is None:
            found = self.pattern.fullmatch(char, partial=True) is not None
            self.table[char] = found
        return found


_OPENINGS: Final = _Openings(
    tuple(
        shape
        for _kind, _detect, shapes in DETECTORS
        for shape in shapes
        if shape not in _ANY_OPENING
    )
)
# The shapes left out of _OPENINGS, as one pattern: with _OPENINGS.pattern (the others),
# a line neither holds whole is no furniture, told by two searches instead of a call to
# each detector (and the helpers they call); no third large pattern compiled at import.
_ANY_OPENING_SHAPES: Final = regex.compile(
    "|".join(f"(?:{shape})" for shape in sorted(_ANY_OPENING))
)
# What a web copy's metadata fields after a title open with (see ``meta_start()``).
_TAIL_OPENINGS: Final = _Openings((_META_TAIL.pattern, *_EDITOR_SHAPES))


@str_argument("char")
def opens_furniture(char: str) -> bool:
    """Whether a furniture line of a shape in ``DETECTORS`` can open with ``char``.

    Read off the shapes themselves (a partial match of one character), once a
    character; the shapes that can open with any Han character are left out
    (the caller checks what those lines hold instead).

    >>> opens_furniture("第"), opens_furniture("2"), opens_furniture("近")
    (True, True, False)
    """
    return _OPENINGS.opens(char)


MAX_FURNITURE: Final = 100
"""A furniture line is at most this long (blanks stripped)."""
FURNITURE_HINT: Final = (
    "0123456789"
    + "".join(chr(0xFF10 + k) for k in range(10))  # full-width digits
    + "版页頁告邮郵箱編编辑輯Pp期间間源击擊览覽读讀号號栏欄数數电電索放~～首享报報"
)
"""Every furniture line holds one of these characters (a digit, a bracket of an edition
line, a label character): most lines are skipped by one search."""
_HINT: Final = re.compile(f"[{re.escape(FURNITURE_HINT)}]")


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
    if not text or len(text) > MAX_FURNITURE or _HINT.search(text) is None:
        return None
    opens = _OPENINGS.table.get(text[0])  # (the table first: no call once a character is met)
    if (
        not (_OPENINGS.opens(text[0]) if opens is None else opens)
        and text[-1] not in _ANY_OPENING_ENDS
        and "报 " not in text  # (a paper's line: its name ends in 报, a blank after it)
        and "報 " not in text
    ):
        return None  # (most lines: no furniture shape opens with their first character)
    if _OPENINGS.pattern.fullmatch(text) is None and _ANY_OPENING_SHAPES.fullmatch(text) is None:
        return None  # (the rest of a page's text: no detector's shape holds it whole)
    for kind, detect, _shapes in DETECTORS:
        if detect(text):
            return kind
    return None


def _int(text: str) -> int:
    return int(text.translate(_WIDE_DIGITS))


_WIDE_DIGITS: Final = {0xFF10 + k: str(k) for k in range(10)}  # full-width digits to ASCII


@str_argument("line")
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


@str_argument("line")
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


@str_argument("line")
def editor_names(line: str) -> list[tuple[str, int, int]]:
    """The people of an editor line, as ``(name, start, end)`` offsets into ``line``.

    Names padded to two characters' width (``姜 波``) are one name.

    >>> [n for n, _s, _e in editor_names("本版责编：陈 凌 石 羚 常 晋")]
    ['陈凌', '石羚', '常晋']
    >>> [n for n, _s, _e in editor_names("责任编辑：周甲 版式设计：吴乙丙")]
    ['周甲', '吴乙丙']
    >>> editor_names("本版邮箱：news@example.cn （来稿请注明栏目名）")
    []
    >>> [n for n, _s, _e in editor_names("来源:江城晚报 责任编辑:周甲")]
    ['周甲']
    >>> line = "B2 城事 责任编辑:周甲/吴乙 版面设计:陈丙 2021年3月4日(星期四)"
    >>> [n for n, _s, _e in editor_names(line)]
    ['周甲', '吴乙', '陈丙']
    """
    out: list[tuple[str, int, int]] = []
    end = len(line)
    pos = _meta_end(line)  # web metadata fields before the editor field name no one
    date = _head_with_editors(line)
    if date is not None:  # a running head: its editor fields, up to its date
        first = _EDITOR_LABEL.search(line)
        assert first is not None
        pos, end = first.start(), date
    elif _EDITOR_LINE.fullmatch(line.strip(), pos) is None:
        return out  # a mailbox line, or no editor line at all
    for label in _EDITOR_LABEL.finditer(line, pos, end):
        _collect(line, pos, label.start(), out)
        pos = label.end()
    _collect(line, pos, end, out)
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
    n = len(lines)
    # A piece of furniture opens on a line at most MAX_FURNITURE long (blanks stripped)
    # that holds a hint character: the other lines (most of a page) are ruled out in C,
    # by their lengths and one search each, before any Python call a line.
    fits = list(compress(range(n), map(_FITS, map(len, map(str.strip, lines)))))
    candidates = list(compress(fits, map(_HINT.search, map(lines.__getitem__, fits))))
    i = 0  # the lines before ``i`` are read
    for k in candidates:
        if k < i:
            continue  # (a name piece of the editor line before)
        kind = furniture_kind(lines[k])
        if kind is None:
            continue
        last = k
        if kind is FurnitureKind.EDITORS and _EDITOR_LABEL.match(lines[k].strip()):
            while last + 1 < n and _NAME_PIECE.fullmatch(lines[last + 1].strip()):
                last += 1
        out.append(FurnitureLines(kind, k, last))
        i = last + 1
    return out


_FITS: Final = MAX_FURNITURE.__ge__  # (a length a furniture line may have)


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
