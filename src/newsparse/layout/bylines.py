"""Datelines, bylines, photo credits and the names in them.

A byline is a short line of names and titles: ``刘佳伟 本报记者 高华庚``
(a bare name before ``本报记者`` is a correspondent), ``本报记者 高华庚 文并摄``
(wrote it and took the pictures), ``本报特约记者 李铁成 摄`` (photographer).
A dateline opens the first paragraph: ``本报讯 记者崔治报道 近日，...`` or
``新华社北京7月29日电（记者 张三）``. Names are normalized: padding inside a
two-character name goes (``刘 静`` → ``刘静``) and two names run together are
split where the byline shows two people (``狄伦王倩`` → ``狄伦``, ``王倩``).

>>> [(c.name, c.role.value, c.title) for c in parse_byline("刘佳伟 本报记者 高华庚").credits]
[('刘佳伟', 'correspondent', None), ('高华庚', 'reporter', '本报记者')]
>>> d = parse_dateline("本报讯 记者崔治报道 近日，我市召开大会。")
>>> d.tag.text, [c.name for c in d.byline.credits], d.rest
('本报讯', ['崔治'], 11)
"""

from __future__ import annotations

import re
from itertools import pairwise
from operator import itemgetter
from typing import Final, NamedTuple

import regex
from attrs import evolve, frozen

from newsparse.errors import str_argument
from newsparse.layout.headlines import Piece
from newsparse.layout.marks import LEAD_CHARS, lead_marks, lead_marks_at
from newsparse.layout.vocab import DATELINE_PLACES, LEAD_OPENERS
from newsparse.model import CreditRole, Span

__all__ = [
    "MAX_BYLINE",
    "Byline",
    "ClosingMatch",
    "DatelineMatch",
    "NameCredit",
    "parse_author",
    "parse_byline",
    "parse_closing",
    "parse_dateline",
    "parse_editor_fields",
    "parse_page_credit",
    "parse_tail",
    "parse_web_byline",
    "split_names",
]

# Titles printed in front of names, longest first so that alternation prefers them.
_TITLES: dict[str, CreditRole] = {}
for _t, _r in (
    ("本报特约记者", CreditRole.REPORTER),
    ("本报见习记者", CreditRole.REPORTER),
    ("本报实习记者", CreditRole.REPORTER),
    ("本报首席记者", CreditRole.REPORTER),
    ("本报摄影记者", CreditRole.PHOTOGRAPHER),
    ("新华社记者", CreditRole.REPORTER),
    ("中新社记者", CreditRole.REPORTER),
    ("本报通讯员", CreditRole.CORRESPONDENT),
    ("本报实习生", CreditRole.INTERN),
    ("特约通讯员", CreditRole.CORRESPONDENT),
    ("特约报道员", CreditRole.CORRESPONDENT),
    ("本报特约评论员", CreditRole.REPORTER),
    ("新华社发", CreditRole.REPORTER),  # 新华社发 X 摄: a picture the agency sent out
    ("中新社发", CreditRole.REPORTER),
    ("新华军事记者", CreditRole.REPORTER),
    ("本报评论员", CreditRole.REPORTER),
    ("特约评论员", CreditRole.REPORTER),
    ("特派记者", CreditRole.REPORTER),
    ("报道员", CreditRole.CORRESPONDENT),
    ("评论员", CreditRole.REPORTER),
    ("编译", CreditRole.REPORTER),
    ("版式设计", CreditRole.EDITOR),
    ("版面设计", CreditRole.EDITOR),
    ("美术编辑", CreditRole.EDITOR),
    ("组版", CreditRole.EDITOR),
    ("本报记者", CreditRole.REPORTER),
    ("特约记者", CreditRole.REPORTER),
    ("见习记者", CreditRole.REPORTER),
    ("实习记者", CreditRole.REPORTER),
    ("首席记者", CreditRole.REPORTER),
    ("摄影记者", CreditRole.PHOTOGRAPHER),
    ("责任编辑", CreditRole.EDITOR),
    ("通讯员", CreditRole.CORRESPONDENT),
    ("实习生", CreditRole.INTERN),
    ("记者", CreditRole.REPORTER),
    ("编辑", CreditRole.EDITOR),
    ("美编", CreditRole.EDITOR),
    ("版式", CreditRole.EDITOR),
    ("校对", CreditRole.EDITOR),
    ("检校", CreditRole.EDITOR),
    ("责编", CreditRole.EDITOR),
    ("审核", CreditRole.EDITOR),
    ("審核", CreditRole.EDITOR),
    ("审校", CreditRole.EDITOR),
    ("審校", CreditRole.EDITOR),
    ("特约撰稿人", CreditRole.REPORTER),
    ("特約撰稿人", CreditRole.REPORTER),
    ("撰稿人", CreditRole.REPORTER),
    ("撰稿", CreditRole.REPORTER),
):
    _TITLES[_t] = _r
    # the traditional-character spelling of the same title
    _TITLES[
        _t.translate(
            str.maketrans(
                "报约见实记摄讯员责编辑华闻译论设组术习评",
                "報約見實記攝訊員責編輯華聞譯論設組術習評",
            )
        )
    ] = _r

_TITLE_WORDS: Final = "|".join(sorted(map(regex.escape, _TITLES), key=len, reverse=True))
# A paper's or agency's name printed in front of a title (南方日报记者, 台传媒通讯员,
# 大河报·豫视频记者): it is part of the title, not a name.
_ORG = (
    r"(?:\p{Han}{1,8}?(?:日报|日報|晚报|晚報|报|報|社|网|網|台|传媒|傳媒|视频|視頻|客户端|新闻|新聞)"
    r"(?:[·•](?:\p{Han}{0,6}?(?:视频|視頻|网|網|客户端|台))?+)?+)"
)
# What papers print between their name and the title: where the reporter is
# posted (本报驻京记者, 驻站记者), the newsroom (全媒体记者, 融媒记者, 视频记者), a rank.
_QUALIFIER = (
    r"(?:(?:本[报報])?+[驻駐]\p{Han}{1,5}?|全媒体|全媒體|融媒体|融媒體|融媒|视频|視頻"
    r"|资深|資深|主任|高级|高級)"
)
_QUALIFIED = rf"(?:{_QUALIFIER})?(?:{_TITLE_WORDS})"
_TITLE_RE = regex.compile(rf"(?:{_ORG}(?={_QUALIFIED}))?{_QUALIFIED}")
# Labels before a colon in the middle of a byline: 撰文：X 摄影：Y (at its start, a prefix).
_LABELS: dict[str, CreditRole] = {
    "撰文": CreditRole.REPORTER,
    "文字": CreditRole.REPORTER,
    "文": CreditRole.REPORTER,
    "作者": CreditRole.REPORTER,
    "摄影": CreditRole.PHOTOGRAPHER,
    "攝影": CreditRole.PHOTOGRAPHER,
    "图片": CreditRole.PHOTOGRAPHER,
    "圖片": CreditRole.PHOTOGRAPHER,
    "图": CreditRole.PHOTOGRAPHER,
    "圖": CreditRole.PHOTOGRAPHER,
    "摄": CreditRole.PHOTOGRAPHER,
    "攝": CreditRole.PHOTOGRAPHER,
}
# A title word alone (the standard library scans a plain alternation fast), and how
# far before one a title can start: the longest paper's name _ORG matches (8 + 3,
# then 1 + 6 + 3 characters) and the longest qualifier (本报驻 + 5). A title match
# starts at most that far before the first title word it holds, so the slow
# pattern is tried only from there.
_TITLE_WORD = re.compile(_TITLE_WORDS)
_MAX_ORG = 21 + 8


def _title_role(title: str) -> CreditRole:
    """The role a printed title gives, its paper's name in front of it ignored.

    >>> _title_role("南方日报记者").value, _title_role("實習生").value, _title_role("摄影").value
    ('reporter', 'intern', 'photographer')
    """
    if title in _TITLES:
        return _TITLES[title]
    if title in _LABELS:
        return _LABELS[title]
    for size in range(min(len(title), 7), 0, -1):
        if title[-size:] in _TITLES:
            return _TITLES[title[-size:]]
    return CreditRole.REPORTER


# Suffixes after names (simplified and traditional spellings mixed freely).
_BOTH = r"文[并並和][摄攝]"
# 文/图, 图文: the writer's byline over text and pictures; only 摄 makes a photographer
_TEXT_PICTURE = r"文[/／][图圖]|[图圖][/／]文|[图圖]文|文[图圖]"
_PHOTO = r"[摄攝]影[报報]道|[摄攝]影|[摄攝]"
_REPORT = r"[报報]道|[报報]导|[报報]導|采访整理|採訪整理|整理"
_BOTH_RE = regex.compile(_BOTH)
_PHOTO_RE = regex.compile(_PHOTO)
_SUFFIX_RE = regex.compile(rf"(?:{_BOTH}|{_TEXT_PICTURE}|{_PHOTO}|{_REPORT})$")
# the last characters of the suffixes (``$`` also matches before a final line break)
_SUFFIX_ENDS = frozenset("摄攝图圖文道影导導理\n")
_PREFIX_RE = regex.compile(
    r"^(?:文/图|图/文|文/圖|圖/文|文[·•][图圖]|[图圖][·•]文|摄影|攝影|图片|圖片|拍摄者|拍攝者|摄影者|攝影者"
    r"|文|图|圖)[:：]?$"
)
# Characters of a dateline tag or a sentence, never of a personal name.
_NOT_NAME = re.compile("[讯訊电電的了是在和与片]")
_NAME_RE = regex.compile(r"\p{Han}{1,8}+(?:[·•]\p{Han}{1,8}+)?+")
# A character neither a name (_NAME_RE) nor a title (_TITLE_RE: Han, a paper's name
# with a middle dot) holds: a token body with one is no byline's.
_NOT_IN_NAMES = regex.compile(r"[^\p{Han}·•]")

# Common single-character surnames, used to split two names printed together.
SURNAMES: Final = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左"
    "柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶"
    "解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬"
    "边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝武荆"
    "洪谌阎冼植"
    # the same surnames as traditional script prints them
    "張陳劉黃趙吳楊葉蘇鄭謝羅許鄧馮蕭盧蔣韓賴閆錢呂孫馬鄒湯魯龍顧賀歐陸鍾譚廖嚴"
    "賈韋龔萬溫齊喬龐顏莊聶關蘭紀畢單駱藍鮑華饒陽時農繆簡車項連蘆麥婁竇黨費衛應閔鄔邊師"
    "欒榮鞏鄺諶閻"
    # common surnames missing above, in both scripts
    "赖傅"
)
_COMPOUND_SURNAMES: Final = frozenset(
    (
        "欧阳",
        "司马",
        "诸葛",
        "上官",
        "东方",
        "皇甫",
        "令狐",
        "慕容",
        "尉迟",
        "公孙",
        "长孙",
        "宇文",
        "司徒",
        "夏侯",
        "轩辕",
        "端木",
        "独孤",
        "南宫",
        "西门",
        "澹台",
        "呼延",
        "申屠",
        # the same surnames as traditional script prints them
        "歐陽",
        "司馬",
        "諸葛",
        "東方",
        "長孫",
        "軒轅",
        "獨孤",
        "南宮",
        "西門",
        "澹臺",
    )
)

# A byline needs a title, a suffix or a prefix (_parse_items), and each of
# them holds one of these characters (记者, 通讯员, 实习生, 编辑, 版式, 校对,
# 审核, 撰稿; 摄, 报道, 图; the prefix 文): a line without any is no byline.
_MARK_CHAR = re.compile("[记記员員习習编編版校摄攝道导導理图圖文发發审審稿]")
MAX_BYLINE = 90
"""A byline is at most this many characters, after its lead marks."""
# a byline token: names, titles, suffixes (plain classes: the standard engine is quicker)
_BY_TOKEN = re.compile("[^ :：/／、]+")
# Role marks printed as tokens of their own (after a slash or a space): 张三/文 李四/图.
_PHOTO_MARKS = frozenset(("图", "圖", "摄", "攝", "摄影", "攝影"))
_TEXT_PICTURE_MARKS = frozenset(("文图", "文圖", "图文", "圖文"))
_ROLE_MARKS = _PHOTO_MARKS | _TEXT_PICTURE_MARKS | {"文"}
# 记者X／台北報導, and the paper's name some web copies glue after it (／桃園報導聯合報)
_PLACE_REPORT: Final = regex.compile(
    r"\p{Han}{1,6}?(?:报道|報道|报导|報導)(?:\p{Han}{1,5}?[报報])?+"
)
_MAX_NAMES: Final = 20  # a credits roll (记者：甲 乙 丙… 编辑：丁) names a team


@frozen
class NameCredit:
    """One credited person in a parsed byline; ``span`` is relative to the line.

    >>> NameCredit("崔治", CreditRole.REPORTER, "记者", Span(2, 4)).name
    '崔治'
    """

    name: str
    role: CreditRole
    title: str | None
    span: Span


@frozen
class Byline:
    """The credits of a byline, in the order printed (one entry per role).

    >>> [c.role.value for c in parse_byline("本报记者 高华庚 文并摄").credits]
    ['reporter', 'photographer']
    """

    credits: tuple[NameCredit, ...]

    @property
    def is_photo_credit(self) -> bool:
        """Whether every credit is a photographer (a ``X 摄`` line).

        >>> parse_byline("本报记者 崔治 摄").is_photo_credit
        True
        """
        for c in self.credits:
            if c.role is not CreditRole.PHOTOGRAPHER:
                return False
        return bool(self.credits)


@str_argument("run")
def split_names(run: str) -> list[tuple[int, int]]:
    """Split a run of Han characters into personal names, as ``(start, end)`` pairs.

    Two or three characters are one name. Four are one name when they start
    with a compound surname (``欧阳``), else two names of two. Longer runs
    split where a common surname starts the second name.

    >>> split_names("高华庚"), split_names("狄伦王倩"), split_names("欧阳修文")
    ([(0, 3)], [(0, 2), (2, 4)], [(0, 4)])
    >>> split_names("翟新群姜帆")
    [(0, 3), (3, 5)]
    """
    return _split_run(run)


def _split_run(run: str) -> list[tuple[int, int]]:
    """``split_names`` without the check of its argument (the byline parser's own calls)."""
    n = len(run)
    if n <= 3:  # (most names)
        return [(0, n)]
    if n == 4 and run[:2] in _COMPOUND_SURNAMES:
        return [(0, n)]
    if n == 4:
        return [(0, 2), (2, 4)]
    # try a first name of 3 then 2 characters, preferring a surname at the cut
    for first in (3, 2) if run[3:4] and run[3] in SURNAMES else (2, 3):
        if first < n and (run[first] in SURNAMES or run[first : first + 2] in _COMPOUND_SURNAMES):
            return [(0, first)] + [(first + a, first + b) for a, b in _split_run(run[first:])]
    half = 3 if n >= 6 else 2
    return [(0, half)] + [(half + a, half + b) for a, b in _split_run(run[half:])]


class _Item(NamedTuple):
    """A token of a byline (a tuple: a few are built for every byline-shaped line).

    The parser makes them as ``_NEW_TUPLE(_Item, (kind, text, start, end))``:
    the tuple in C, without the class's ``__new__`` (a Python function).
    """

    kind: str  # "title", "name", "suffix", "prefix"
    text: str
    start: int
    end: int


_NEW_TUPLE = tuple.__new__
_KIND = itemgetter(0)  # (an item's kind)


def _tokenize(line: str, start: int, end: int) -> list[_Item] | None:
    items: list[_Item] = []
    for m in _BY_TOKEN.finditer(line, start, end):
        tok, t0 = m.group(), m.start()
        if not items and _PREFIX_RE.match(tok):
            items.append(_NEW_TUPLE(_Item, ("prefix", tok, t0, m.end())))
            continue
        after_prefix = bool(items) and items[-1].kind == "prefix"
        if tok in _LABELS and not after_prefix and _labels_next(line, m.end(), end):
            items.append(
                _NEW_TUPLE(_Item, ("label", tok, t0, m.end()))
            )  # 撰文：X 摄影：Y, 文/X 图/Y
            continue
        # (a place where it was filed follows a slash, or ends with 报道 or 報導, or is 发自…)
        if (
            items
            and (tok[-1] in _FILED_ENDS or line[t0 - 1] in "/／" or tok[0] in "发發")
            and _filed_from(line, t0, tok, items[-1])
        ):
            items.append(
                _NEW_TUPLE(_Item, ("suffix", tok, t0, m.end()))
            )  # 记者X／台北報導: where it was filed
            continue
        if tok in _ROLE_MARKS and items:
            _role_mark(line, tok, t0, items)
            continue
        suffix = _SUFFIX_RE.search(tok) if tok[-1] in _SUFFIX_ENDS else None
        body_end = suffix.start() if suffix else len(tok)
        body = tok[:body_end]
        if body:
            if _NOT_IN_NAMES.search(body):
                return None  # a name would hold it (titles are Han): not a byline
            _split_titles(body, t0, items)
        if suffix:
            items.append(
                _NEW_TUPLE(_Item, ("suffix", suffix.group(), t0 + suffix.start(), t0 + len(tok)))
            )
    if (
        items
        and items[0].kind == "name"
        and items[1:2]
        and items[1].kind == "title"
        and items[0].end == items[1].start
    ):
        _fold_short_org(line, items)  # 南都记者 X: a paper's short name, glued (a few lines)
    for it in items:
        if (
            it.kind == "name"
            and (
                not _NAME_RE.fullmatch(it.text)
                or _NOT_NAME.search(it.text)
                # a field's label (来源：X 责任编辑：Y), not a name
                or line[it.end : it.end + 1] in (":", "：")
            )
        ):
            return None
    return items


def _labels_next(line: str, pos: int, end: int) -> bool:
    """Whether a label ends at ``pos``: a colon, or a slash before a name.

    ``图/李四`` labels 李四; ``文/图`` is one mark, after the names or before them.

    >>> _labels_next("撰文：张三", 2, 5), _labels_next("图/李四", 1, 4), _labels_next("文/图", 1, 3)
    (True, True, False)
    """
    mark = line[pos : pos + 1]
    if mark in (":", "："):
        return True
    if mark not in ("/", "／"):
        return False
    nxt = _BY_TOKEN.match(line, pos + 1, end)
    return nxt is not None and nxt.group() not in _ROLE_MARKS


def _role_mark(line: str, tok: str, t0: int, items: list[_Item]) -> None:
    """A role mark of its own after a slash or a space: ``张三/文``, ``李四 文/图``.

    Marks joined by a slash are one mark (``文/图``), after names or in front of them.
    """
    last = items[-1]
    slashed = last.kind == "suffix" and last.end == t0 - 1 and line[last.end] in "/／"
    if last.kind == "prefix" or slashed:
        items[-1] = _NEW_TUPLE(_Item, (last.kind, f"{last.text}/{tok}", last.start, t0 + len(tok)))
    else:
        items.append(_NEW_TUPLE(_Item, ("suffix", tok, t0, t0 + len(tok))))


# Where a story was filed, after the reporter's name and a space: 福州報道, 北京报道.
_FILED = regex.compile(r"(?P<place>\p{Han}{2,6}?)(?:报道|報道|报导|報導)")
# The last characters of _FILED's matches (报道, 報導...): a token ending otherwise is not one.
_FILED_ENDS = frozenset("道導")
# Last characters of a place's name that a personal name does not end with.
_PLACE_ENDS = frozenset("市县縣区區省州镇鎮乡鄉港岛島")


def _filed_from(line: str, t0: int, tok: str, last: _Item) -> bool:
    """Whether a token is where the story was filed (``台北報導``), not a name and 报道.

    After a slash (``记者X／台北報導``) it always is; after a name and a space
    (``（记者 张三 福州报道）``) when the place cannot be a name: it does not
    start with a common surname, or it ends the way place names end (``市``, ``县``).

    >>> _filed_from("记者 张三 福州报道", 6, "福州报道", _Item("name", "张三", 3, 5))
    True
    >>> _filed_from("记者 张三 李四报道", 6, "李四报道", _Item("name", "张三", 3, 5))
    False
    """
    if line[t0 - 1] in "/／":
        return _PLACE_REPORT.fullmatch(tok) is not None
    if tok.startswith(("发自", "發自")) and 3 <= len(tok) <= 10 and last.kind == "name":
        return True  # 新京报记者 X 发自北京
    m = _FILED.fullmatch(tok)
    if m is None or line[t0 - 1] != " " or last.kind != "name":
        return False
    place = m.group("place")
    if _TITLE_RE.search(place) is not None:
        return False  # 通讯员李四报道: a title and a name
    surname = place[0] in SURNAMES or place[:2] in _COMPOUND_SURNAMES
    return not surname or place[-1] in _PLACE_ENDS


def _split_titles(body: str, t0: int, items: list[_Item]) -> None:
    """Titles and the names between them, in one token of a byline.

    The titles are the matches of ``_TITLE_RE.finditer(body)``, each searched
    for from at most ``_MAX_ORG`` characters before the next title word.

    >>> items = []
    >>> _split_titles("南方日报记者张三通讯员李四", 0, items)
    >>> [(it.kind, it.text) for it in items]
    [('title', '南方日报记者'), ('name', '张三'), ('title', '通讯员'), ('name', '李四')]
    """
    cursor = 0
    while (word := _TITLE_WORD.search(body, cursor)) is not None:
        t = _TITLE_RE.search(body, max(cursor, word.start() - _MAX_ORG))
        if t is None:  # pragma: no cover - the title word itself always matches
            break
        a, b = t.span()
        if a > cursor:
            items.append(_NEW_TUPLE(_Item, ("name", body[cursor:a], t0 + cursor, t0 + a)))
        items.append(_NEW_TUPLE(_Item, ("title", t.group(), t0 + a, t0 + b)))
        cursor = b
    if cursor < len(body):
        items.append(_NEW_TUPLE(_Item, ("name", body[cursor:], t0 + cursor, t0 + len(body))))


def _suffix_kind(suffix: str) -> str:
    """What a role mark after names says: ``photo``, ``both`` or ``write``.

    ``文并摄`` says the writer took the pictures too (``both``); ``文/图`` and
    ``文图`` mark the writer's byline over an item of text and pictures, and
    credit the writer only: a photographer is named by ``摄``, or by ``图`` of
    its own after a name of its own (``张三/文 李四/图``).

    >>> _suffix_kind("摄影报道"), _suffix_kind("文并摄"), _suffix_kind("文/图"), _suffix_kind("图")
    ('photo', 'both', 'write', 'photo')
    """
    if _BOTH_RE.fullmatch(suffix):
        return "both"
    if _PHOTO_RE.fullmatch(suffix) or suffix in _PHOTO_MARKS:
        return "photo"
    return "write"


def _roles(base: CreditRole, kinds: set[str]) -> list[CreditRole]:
    """The roles of a group of names: its title's, and the pictures its marks claim."""
    if "both" in kinds or {"photo", "write"} <= kinds:
        return [base] if base is CreditRole.PHOTOGRAPHER else [base, CreditRole.PHOTOGRAPHER]
    if "photo" in kinds:
        return [CreditRole.PHOTOGRAPHER]
    return [base]


def _merge_names(names: list[_Item]) -> list[tuple[str, int, int]]:
    """Merge padded single characters pairwise, split names run together."""
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(names):
        it = names[i]
        if len(it.text) == 1 and i + 1 < len(names) and len(names[i + 1].text) == 1:
            nxt = names[i + 1]
            out.append((it.text + nxt.text, it.start, nxt.end))
            i += 2
            continue
        text = it.text
        if len(text) <= 3 and text[-1:] not in "报報":
            out.append((text, it.start, it.start + len(text)))  # (most names: one, whole)
        elif "·" in text or "•" in text:
            out.append((text, it.start, it.end))
        else:
            for a, b in _person_pieces(i, it):
                out.append((it.text[a:b], it.start + a, it.start + b))
        i += 1
    return out


def _person_pieces(i: int, it: _Item) -> list[tuple[int, int]]:
    """The names of a run, without the paper's name a web copy prints after them.

    Glued to the last name (``記者王五聯合報``) it is the last piece of the
    run; printed apart after a name (``记者 王五 田园日报``), the whole token.

    >>> _person_pieces(0, _Item("name", "楊湛聯合報", 0, 5))
    [(0, 2)]
    >>> _person_pieces(1, _Item("name", "田园日报", 0, 4))
    []
    """
    if not it.text.endswith(("报", "報")):
        return _split_run(it.text)
    if i and 3 <= len(it.text) <= 4:
        return []
    pieces = _split_run(it.text)
    return pieces[:-1] if len(pieces) > 1 else pieces


def _prefix_kinds(prefix: str) -> set[str]:
    """What a mark in front of the names says (``摄影：``; ``文/图：`` is the writer's)."""
    if prefix.rstrip(":：") in (
        "摄影",
        "攝影",
        "图片",
        "圖片",
        "图",
        "圖",
        "拍摄者",
        "拍攝者",
        "摄影者",
        "攝影者",
    ):
        return {"photo"}
    return set()


_Group = tuple["_Item | None", list["_Item"], list[str]]
"""A byline group: its printed title (or None), its names, the suffixes closing it."""


def _group_items(
    items: list[_Item], labelled: dict[int, CreditRole]
) -> tuple[str | None, list[_Group]] | None:
    """The prefix and the (title, names, suffixes) groups of a tokenized line, or None.

    A label right before a title (``图/本报记者 李四``) gives that title's group
    its role: ``labelled`` maps the group's index to it.
    """
    groups: list[_Group] = []
    prefix: str | None = None
    for it in items:
        if it.kind == "prefix":
            prefix = it.text
        elif it.kind == "title" and groups and (label := _bare_label(groups[-1])) is not None:
            labelled[len(groups) - 1] = _LABELS[label.text]
            groups[-1] = (it, [], [])
        elif it.kind in ("title", "label"):
            groups.append((it, [], []))
        elif it.kind == "name":
            if not groups or groups[-1][2]:
                groups.append((None, [], []))
            groups[-1][1].append(it)
        else:  # suffix closes the group before it
            if not groups or not groups[-1][1]:
                return None
            groups[-1][2].append(it.text)
    if len(groups) > 1 and groups[-1][0] is not None and not groups[-1][1]:
        groups.pop()  # a title the extraction cut from its name: 记者张三 通讯员
    for group in groups:
        if not group[1]:
            return None
    # (most bylines end with a title's names or a mark: no call)
    if groups[1:] and groups[-1][0] is None and not groups[-1][2] and _names_after_report(groups):
        return None
    return prefix, groups


_REPORT_RE: Final = regex.compile(_REPORT)


def _names_after_report(groups: list[_Group]) -> bool:
    """Whether words follow a report ending (``报道``) with no title or mark of their own.

    ``报道`` is the last word of a byline: what follows it untitled is the
    text (``记者X报道 今年以来``, the line broken before its first stop),
    unless a mark of its own makes it a credit (``记者X报道 Y 摄``).

    >>> it = _Item("name", "宋青岚", 2, 5)
    >>> _names_after_report([(None, [it], ["报道"]), (None, [it], [])])
    True
    >>> _names_after_report([(None, [it], ["报道"]), (None, [it], ["摄"])])
    False
    """
    for before, (title, _, suffixes) in pairwise(groups):
        if title is None and not suffixes and _REPORT_RE.fullmatch(before[2][-1]):
            return True
    return False


def _bare_label(group: _Group) -> _Item | None:
    """The label a group holds with no name yet (``图/`` before a title), if any."""
    label, names, _ = group
    return label if label is not None and label.kind == "label" and not names else None


def _untitled_base(titled_after: str, suffixes: list[str], prefix: str | None) -> CreditRole | None:
    """The role of a group's names printed without a title; None when nothing makes them credits.

    (A group with a title takes its title's role.) ``titled_after`` is empty
    when no title follows the group, else the character printed before the
    next title: bare names before a title are correspondents (``刘佳伟 本报记者
    高华庚``), but names listed with a reporter by ``、`` share the reporting
    (``张三、记者李四报道``).

    >>> _untitled_base(" ", [], None).value, _untitled_base("、", [], None).value
    ('correspondent', 'reporter')
    >>> _untitled_base("", ["摄"], None).value, _untitled_base("", [], None)
    ('reporter', None)
    """
    if titled_after:
        return CreditRole.REPORTER if titled_after == "、" else CreditRole.CORRESPONDENT
    if suffixes or prefix:
        return CreditRole.REPORTER
    return None


def _titled_after(line: str, groups: list[_Group]) -> list[str]:
    """For each group, the character before the next title printed after it ("" if none)."""
    out: list[str] = []
    after = ""
    for title, _, _ in reversed(groups):
        out.append(after)
        if title is not None and title.kind == "title":  # (a label 摄影： makes no correspondent)
            after = line[title.start - 1] if title.start else " "
    return out[::-1]


# the kinds of token that make a line a byline: names alone do not
_MARKER_KINDS: Final = frozenset(("title", "label", "suffix", "prefix"))


# A paper's or agency's short name that _ORG does not know (南都, 央视, 澎湃), glued in
# front of a reporter's, correspondent's or intern's title where a byline starts.
_SHORT_ORG_TITLE: Final = regex.compile(rf"(?P<org>\p{{Han}}{{2,5}}?)(?P<title>{_QUALIFIED})")
_ORG_ROLE_ENDS: Final = ("记者", "記者", "通讯员", "通訊員", "实习生", "實習生")
# titles that name their own paper or agency already: nothing glued before them is a paper
_OWN_PAPER: Final = ("本报", "本報", "新华", "新華", "中新")


def _short_org_title(line: str, pos: int, end: int) -> int | None:
    """Where a title ends that a paper's short name opens at ``pos`` (``南都记者``), or None.

    The name has two to five Han characters, glued to the title (记者,
    通讯员, 实习生, with a qualifier: 见习记者, 全媒体记者); a title that
    names its own paper (本报记者, 新华社记者) takes none, and a time word a
    lead opens with (``昨天记者…``) or a title word is no paper's name.

    >>> _short_org_title("南都记者 宋青岚", 0, 8), _short_org_title("央视见习记者方晴", 0, 8)
    (4, 6)
    >>> _short_org_title("昨天记者从市里获悉", 0, 9), _short_org_title("宋青岚本报记者", 0, 7)
    (None, None)
    """
    m = _SHORT_ORG_TITLE.match(line, pos, end)
    if m is None:
        return None
    title, org = m.group("title"), m.group("org")
    if not title.endswith(_ORG_ROLE_ENDS) or title.startswith(_OWN_PAPER):
        return None
    if _OPENER_RE.match(org) or _NOT_NAME.search(org) or _TITLE_WORD.search(org):
        return None
    title_end: int = m.end()
    return title_end


def _fold_short_org(line: str, items: list[_Item]) -> None:
    """Read a paper's short name glued before a byline's first title as part of it.

    The tokens ``南都`` (a name) and ``记者`` (a title), printed together
    where the byline opens, become the title ``南都记者`` (``_short_org_title``);
    printed apart, or after other names, the characters stay a name.

    >>> items = [_Item("name", "南都", 0, 2), _Item("title", "记者", 2, 4)]
    >>> _fold_short_org("南都记者宋青岚", items)
    >>> [(it.kind, it.text) for it in items]
    [('title', '南都记者')]
    """
    first, title = items[0], items[1]
    if first.end == title.start and _short_org_title(line, first.start, title.end) == title.end:
        items[0:2] = [
            _NEW_TUPLE(_Item, ("title", line[first.start : title.end], first.start, title.end))
        ]


def _parse_items(line: str, start: int, end: int) -> Byline | None:
    if _MARK_CHAR.search(line, start, end) is None:
        return None  # no title, suffix or prefix can be there (most lines)
    items = _tokenize(line, start, end)
    if not items or _MARKER_KINDS.isdisjoint(map(_KIND, items)):
        return None  # names alone
    labelled: dict[int, CreditRole] = {}
    grouped = _group_items(items, labelled)
    if grouped is None:
        return None
    prefix, groups = grouped
    credits: list[NameCredit] = []
    titled_after = _titled_after(line, groups) if len(groups) > 1 else [""]
    # a line that ends in 摄 credits the pictures to every name on it
    last_kinds = set(map(_suffix_kind, groups[-1][2])) if groups else set()
    line_photo = last_kinds == {"photo"}
    final = len(groups) - 1
    for gi, (printed, names, suffixes) in enumerate(groups):
        # untitled after a titled group with marks: its title (本报记者 张三/文 李四/图)
        title = groups[gi - 1][0] if printed is None and gi and groups[gi - 1][2] else printed
        # the names a prefix (文：X) opens are writers, whatever titles follow them
        after = "" if gi == 0 and prefix is not None else titled_after[gi]
        base = (
            _TITLES.get(title.text) or _title_role(title.text)
            if title is not None
            else _untitled_base(after, suffixes, prefix)
        )
        if base is None:
            return None
        kinds = last_kinds if gi == final else set(map(_suffix_kind, suffixes))
        if not kinds and line_photo:
            kinds = {"photo"}
        if gi == 0 and prefix is not None:
            kinds = kinds | _prefix_kinds(prefix)
        roles = _roles(base, kinds) if kinds else [base]
        if labelled.get(gi) is CreditRole.PHOTOGRAPHER:
            roles = [CreditRole.PHOTOGRAPHER]  # 图/本报记者 李四
        title_text = None if title is None or title.kind == "label" else title.text
        for name, s, e in _merge_names(names):
            span = Span(s, e)  # (one for the name's credits, one a role)
            if len(roles) == 1:
                credits.append(NameCredit(name, roles[0], title_text, span))
            else:
                credits += [NameCredit(name, role, title_text, span) for role in roles]
    if not credits or (len(credits) > _MAX_NAMES and not _names_fit(credits)):
        return None
    return Byline(tuple(credits))


def _names_fit(credits: list[NameCredit]) -> bool:
    """Whether a byline names someone, and at most ``_MAX_NAMES`` people (a set past that only).

    >>> _names_fit([]), _names_fit([NameCredit("崔治", CreditRole.REPORTER, None, Span(0, 2))])
    (False, True)
    """
    if not credits:
        return False
    return len(credits) <= _MAX_NAMES or len({c.span for c in credits}) <= _MAX_NAMES


@str_argument("line")
def parse_byline(line: str) -> Byline | None:
    """Parse a whole line as a byline or photo credit; ``None`` if it is not one.

    The line must consist of names and titles only, with at least one title
    (``本报记者``...) or a closing ``摄``/``报道``. Spans are relative to ``line``.

    >>> [(c.name, c.role.value) for c in parse_byline("刘 静 本报记者 文继红").credits]
    [('刘静', 'correspondent'), ('文继红', 'reporter')]
    >>> [c.name for c in parse_byline("孙七周八 本报记者 赵六").credits]
    ['孙七', '周八', '赵六']
    >>> parse_byline("钱九摄").credits[0].role.value
    'photographer'
    >>> parse_byline("春色惹人醉 赏花正当时") is None
    True
    >>> [(c.name, c.role.value) for c in parse_byline("责任编辑：王五 版式：赵六").credits]
    [('王五', 'editor'), ('赵六', 'editor')]
    >>> parse_byline("（本报记者 张三/摄）").credits[0].role.value
    'photographer'
    """
    # (lead_marks(line).end, without a call on a line without marks: most lines)
    start = lead_marks_at(line, 0).end if line and line[0] in LEAD_CHARS else 0
    end = len(line.rstrip())
    if end - start > MAX_BYLINE or start >= end:
        return None
    if line[start] in "（(" and line[end - 1] in ")）":  # a credit in parentheses
        start, end = start + 1, end - 1
    return _parse_items(line, start, end)


_AUTHOR_NAME: Final = regex.compile(r"\p{Han}{1,4}+(?:[·•]\p{Han}{1,8}+)?+")


@str_argument("line")
def parse_author(line: str) -> Byline | None:
    """Names alone on a line, printed as an article's author line (no title).

    Only where the layout says the line is an author line (under a title,
    above an edition line, as e-paper exports print them) is such a line
    read this way; each name is a writer.

    >>> [(c.name, c.role.value) for c in parse_author("洪 勇").credits]
    [('洪勇', 'reporter')]
    >>> [c.name for c in parse_author("安娜·彼得罗娃").credits]
    ['安娜·彼得罗娃']
    >>> parse_author("图片报道 新闻") is None, parse_author("坛举行了。") is None
    (True, True)
    """
    text = line.rstrip()
    marks = lead_marks(text)
    tokens = list(_BY_TOKEN.finditer(text, marks.end))
    if not tokens or len(tokens) > _MAX_NAMES or len(text) - marks.end > MAX_BYLINE:
        return None
    items = []
    for m in tokens:
        if not _AUTHOR_NAME.fullmatch(m.group()) or _NOT_NAME.search(m.group()):
            return None
        items.append(_NEW_TUPLE(_Item, ("name", m.group(), m.start(), m.end())))
    credits = tuple(
        NameCredit(name, CreditRole.REPORTER, None, Span(s, e))
        for name, s, e in _merge_names(items)
    )
    for c in credits:
        if "·" in c.name or "•" in c.name:
            continue  # a foreign name, its parts joined by a middle dot
        if len(c.name) < 2 or len(c.name) > 4:
            return None
        if c.name[0] not in SURNAMES and c.name[:2] not in _COMPOUND_SURNAMES:
            return None  # without a title, only a common surname tells a name
    return Byline(credits) if credits else None


# The text after a paragraph's last sentence (its end mark, a closing quote).
_TAIL = regex.compile(r"[。！？!?”」』][ ]*+(?P<by>[^。！？!?，,、“”「」『』：:；;]{4,40}+)$")
# A match of _TAIL ends the text (or its final line break) and holds at most 40
# characters after its mark and blanks: it starts at most _TAIL_REACH characters
# from the end, or before a run of blanks that reaches there.
_TAIL_REACH: Final = 43
# Characters a tail byline cannot hold: a text that ends with one (most paragraphs end
# with 。) has no match of _TAIL (its byline runs to the end, or to a final line break).
_NOT_IN_TAIL: Final = frozenset("。！？!?，,、“”「」『』：:；;")


def _tail_start(text: str) -> int:
    """Where a search for ``_TAIL`` in ``text`` may start and still find its match.

    No end mark stands inside a match after its first character (the byline's
    characters exclude them), so a paragraph has one match at most, opening at
    its last end mark: only the end of a long paragraph is scanned.

    >>> _tail_start("甲" * 100), _tail_start("甲" * 10), _tail_start("甲。" + " " * 60 + "乙" * 5)
    (57, 0, 1)
    """
    pos = max(len(text) - _TAIL_REACH, 0)
    while pos > 0 and text[pos] == " ":
        pos -= 1
    return pos


@str_argument("text")
def parse_tail(text: str) -> tuple[int, Byline] | None:
    """A byline printed after a paragraph's last sentence: where it starts, and its credits.

    Papers sign an item at the end of its last paragraph, after a blank
    (``…治理一下。 本报记者 李四 整理``) or glued to the last sentence
    (``…热闹。”本报记者 王五 赵六``, ``…建设。记者 王五 通讯员 赵六 文/图``).
    Glued, the byline must open with its title, and each name is printed
    apart from it or starts with a common surname. Names without a title
    sign the item only as two or more names, spaced, each with a common
    surname (``…发生。”王五 赵六``). Spans are relative to ``text``.

    >>> start, by = parse_tail("会议持续两天。”本报记者 孔令舟 郑雨")
    >>> start, [(c.name, c.title) for c in by.credits]
    (8, [('孔令舟', '本报记者'), ('郑雨', '本报记者')])
    >>> [c.name for c in parse_tail("大家都很满意。”宋青岚 葛一帆")[1].credits]
    ['宋青岚', '葛一帆']
    >>> parse_tail("会后，记者看到") is None, parse_tail("他笑着说。记者看到") is None
    (True, True)
    """
    if text[-1:] in _NOT_IN_TAIL:
        return None  # (most paragraphs: they end with their last sentence)
    m = _TAIL.search(text, _tail_start(text))
    if m is None:
        return None
    start, end = m.start("by"), len(text.rstrip())
    glued = start == m.start() + 1
    by = _parse_items(text, start, end)
    if by is not None and any(c.title for c in by.credits):
        if glued and (not _titled_at(text, start, end) or not _apart_or_surnamed(text, by)):
            return None
        return start, by
    names = parse_author(text[start:end])
    if names is None or len(names.credits) < 2 or " " not in text[start:end]:
        return None
    moved = (evolve(c, span=Span(c.span.start + start, c.span.end + start)) for c in names.credits)
    return start, Byline(tuple(moved))


def _titled_at(text: str, start: int, end: int) -> bool:
    """Whether a title opens the text at ``start``, a paper's short name in front too."""
    if _TITLE_RE.match(text, start) is not None:
        return True
    return _short_org_title(text, start, end) is not None  # 南都记者 X


def _apart_or_surnamed(text: str, by: Byline) -> bool:
    """Every name of a byline printed apart from what precedes it, or with a common surname."""
    for c in by.credits:
        s = c.span.start
        if not 2 <= len(c.name) <= 4:
            return False
        surnamed = c.name[0] in SURNAMES or c.name[:2] in _COMPOUND_SURNAMES
        if text[s - 1] != " " and not surnamed:
            return False
    return True


# A web copy's metadata line: a timestamp (``2024-05-06 09:30:00``, ``2024/05/06 09:30``),
# then ``label: value`` fields or a byline.
_WEB_TIME = regex.compile(
    r"[ ]*+[0-9]{4}+[-/.年][0-9]{1,2}+[-/.月][0-9]{1,2}+日?+"
    r"(?:[ ]*+[0-9]{1,2}+[:：][0-9]{2}+(?:[:：][0-9]{2}+)?+)?+[ ]*+"
)
_WEB_CREDIT_LABELS: dict[str, tuple[CreditRole, bool]] = {
    # label: (role, whether the label is the people's printed title)
    "作者": (CreditRole.REPORTER, False),
    "記者": (CreditRole.REPORTER, True),
    "记者": (CreditRole.REPORTER, True),
    "通讯员": (CreditRole.CORRESPONDENT, True),
    "通訊員": (CreditRole.CORRESPONDENT, True),
    "责任编辑": (CreditRole.EDITOR, True),
    "責任編輯": (CreditRole.EDITOR, True),
    "编辑": (CreditRole.EDITOR, True),
    "編輯": (CreditRole.EDITOR, True),
}
_WEB_FIELD = regex.compile(
    r"(?P<label>"
    + "|".join(sorted(_WEB_CREDIT_LABELS, key=len, reverse=True))
    + r"|来源|來源|稿件来源|稿件來源|点击|點擊|浏览|瀏覽|阅读|閱讀|字号|字號)[ ]?+[:：][ ]*+"
)
_WEB_VALUE = regex.compile(r"[^，,。；;！？!?“”「」]{0,24}+")


@str_argument("line")
def parse_web_byline(line: str) -> Byline | None:
    """A web copy's metadata line that credits people: a timestamp, then fields or a byline.

    Fields are ``label: value``: the people of ``作者`` (writers), ``记者``,
    ``通讯员``, ``责任编辑`` and ``编辑``, beside the source and click
    counters the page prints (``来源: X``, ``点击:``); or, after the
    timestamp, a byline (``2024/05/06 09:30 記者X／台北報導``). A line that
    credits nobody is no byline (furniture reads it).

    >>> by = parse_web_byline("2024-05-06 09:30:00   来源: 江城晚报   作者:卓晓岚 喻川   点击:")
    >>> [(c.name, c.role.value, c.title) for c in by.credits]
    [('卓晓岚', 'reporter', None), ('喻川', 'reporter', None)]
    >>> by = parse_web_byline("2024/05/06 09:30 記者鄧雨桐／廈門報導")
    >>> [(c.name, c.role.value) for c in by.credits]
    [('鄧雨桐', 'reporter')]
    >>> parse_web_byline("来源: 江城晚报 点击:"), parse_web_byline("作者:今天天气很好。")
    (None, None)
    """
    end = len(line.rstrip())
    if end > MAX_BYLINE or ("：" not in line and ":" not in line and not line[:1].isdigit()):
        return None
    t = _WEB_TIME.match(line)
    pos = t.end() if t is not None else 0
    if t is not None and _WEB_FIELD.match(line, pos) is None:
        return _parse_items(line, pos, end)  # a byline after the timestamp
    credits: list[NameCredit] = []
    while pos < end:
        f = _WEB_FIELD.match(line, pos)
        if f is None:
            return None
        nxt = _WEB_FIELD.search(line, f.end(), end)
        stop = nxt.start() if nxt is not None else end
        if _WEB_VALUE.fullmatch(line, f.end(), stop) is None:
            return None
        role = _WEB_CREDIT_LABELS.get(f.group("label"))
        if role is not None:
            names = _web_names(line, f.end(), stop, role[0], f.group("label") if role[1] else None)
            if names is None:
                return None
            credits.extend(names)
        pos = stop
    return Byline(tuple(credits)) if credits else None


def _web_names(
    line: str, start: int, end: int, role: CreditRole, title: str | None
) -> list[NameCredit] | None:
    """The names of a labelled field (``作者:卓晓岚 喻川``); None if a token is no name."""
    items = []
    for m in _BY_TOKEN.finditer(line, start, end):
        tok = m.group()
        if not _AUTHOR_NAME.fullmatch(tok) or _NOT_NAME.search(tok) or _TITLE_RE.search(tok):
            return None  # (a title: a byline's field, 编辑:X 美编:Y, read by parse_byline)
        items.append(_NEW_TUPLE(_Item, ("name", tok, m.start(), m.end())))
    return [NameCredit(n, role, title, Span(s, e)) for n, s, e in _merge_names(items)]


# Editors' fields a running head carries: 責任編輯:X/Y 版面設計:Z (names joined by / or 、).
_EDITOR_FIELD = regex.compile(
    r"(?<![\p{Han}])(?P<label>责任编辑|責任編輯|版面设计|版面設計|版式设计|版式設計|美术编辑|美術編輯"
    r"|美编|美編|编辑|編輯)[ ]?+[:：][ ]?+"
    r"(?P<names>\p{Han}{2,4}+(?:[/／、]\p{Han}{2,4}+)*+)(?![\p{Han}])"
)


_NAME_SEPARATORS: Final = regex.compile("[/／、]")


@str_argument("line")
def parse_editor_fields(line: str) -> Byline | None:
    """The editors named in fields of a running head, among its other parts.

    Web and e-paper copies print the page's head on one line: the 版, its
    section, the editors and designers, the date (``A12 要聞 責任編輯:X/Y
    版面設計:Z 2024年5月6日``). Each label with a colon, then names joined by
    ``/`` or ``、``, credits those people as editors, the label their title.

    >>> by = parse_editor_fields("A12 要聞 責任編輯:鄧雨桐/喻川 版面設計:卓晓岚 2024年5月6日")
    >>> [(c.name, c.title) for c in by.credits]
    [('鄧雨桐', '責任編輯'), ('喻川', '責任編輯'), ('卓晓岚', '版面設計')]
    >>> parse_editor_fields("A12 要聞 2024年5月6日") is None
    True
    """
    if ":" not in line and "：" not in line:
        return None  # every field has its colon (most running heads: none)
    credits: list[NameCredit] = []
    for m in _EDITOR_FIELD.finditer(line):
        label = m.group("label")
        pos = m.start("names")
        for name in _NAME_SEPARATORS.split(m.group("names")):
            credits.append(NameCredit(name, CreditRole.EDITOR, label, Span(pos, pos + len(name))))
            pos += len(name) + 1
    return Byline(tuple(credits)) if credits else None


@frozen
class DatelineMatch:
    """A dateline at the start of a paragraph.

    ``tag`` is the lead tag (``本报讯``); ``byline`` the lead byline, if any,
    with ``byline_span`` covering it as printed (``记者崔治报道``); ``rest``
    the offset where the paragraph text starts. Offsets are relative to the
    line parsed.
    """

    tag: Piece
    byline: Byline | None
    byline_span: Span | None
    rest: int


_DAY: Final = (
    r"(?:[0-9０-９]{1,2}+月)?+[0-9０-９]{1,2}+日"
    r"|(?:[一二三四五六七八九十]{1,3}+月)?+[一二三四五六七八九十廿卅]{1,3}+日"
)
_PLACES: Final = r"\p{Han}{0,8}?(?:、\p{Han}{1,8}?){0,12}?"  # 本报北京、巴黎、开罗10月19日电
_TAG: Final = regex.compile(
    r"(?P<open>[【\[])?+(?P<tag>本[报報刊][讯訊]"
    r"|据\p{Han}{2,6}?[电電]"
    rf"|(?:本[报報]|新[华華]社|中新社){_PLACES}(?:[ ]?+(?:{_DAY}))?+[电電讯訊]"
    rf"|\p{{Han}}{{2,6}}?{_PLACES}[ ]?+(?:{_DAY})[电電讯訊]"
    r"|\p{Han}{1,6}?[专專]?+[讯訊]"
    r"|\p{Han}{2,6}?(?:报|報|网|網|社|台)消息"
    r"|本[报報刊](?:综合|綜合)?+消息"
    # a paper's report tag, in brackets only (【某某时报综合报道】): unbracketed, X报道 is a byline
    r"|(?(open)\p{Han}{2,10}?(?:报道|報道)|(?!)))"
    r"(?(open)[】\]]|(?=[ （(：:【]|$|[题題][:：]|\p{Han}{0,8}?(?:记者|記者|通讯员|通訊員)))"
)
# Every tag ends with 讯, 电, 息 or 道 (a bracketed 报道), at most _TAG_REACH characters
# from where it starts (a bracket, the places, a month and day, 月日电): parse_dateline looks
# for one of them before trying _TAG.
_TAG_END = re.compile("[讯訊电電息道]")
_TAG_REACH = 120
# Only a tag with a date (本报北京10月19日电) reaches past the first _SHORT_TAG
# characters (a bracket and 据, a name of six, 专讯 or 报消息: at most 11), and it
# ends in 日电 or 日讯; a short tag ends in 讯 or 息, or in 电 after 据. A paragraph
# with none of them skips the tag pattern (电 alone is common: 电力, 电子).
_SHORT_TAG = 12
_SHORT_TAG_END = re.compile("[讯訊息]")
_DATED_TAG_END = re.compile("日[电電讯訊]")
_UNDATED_TAG = regex.compile(
    r"(?:本[报報]|新[华華]社|中新社)\p{Han}{0,8}?[电電]|[【\[]\p{Han}{2,10}?(?:报道|報道)[】\]]"
)
# the first characters of _UNDATED_TAG's alternatives
_UNDATED_OPENS: Final = "本新中【["


def _may_open_tag(line: str, start: int) -> bool:
    """Whether a dateline tag can start at ``start``: its end is within reach.

    It is when a 讯 or 息 stands in the first ``_SHORT_TAG`` characters (or a
    电 or 道 after 据), a 日电 or 日讯 in the first ``_TAG_REACH``, or an
    undated 电 of the paper or an agency (新华社江城电) or a bracketed report
    tag (【某某时报综合报道】) starts there (the last pattern is tried only on
    a line that starts with one of its first characters).

    >>> _may_open_tag("本报讯 今年", 0), _may_open_tag("新华社江城电 今天", 0)
    (True, True)
    >>> _may_open_tag("电力公司召开大会。", 0), _may_open_tag("据新华社电", 0)
    (False, True)
    """
    if _SHORT_TAG_END.search(line, start, start + _SHORT_TAG) is not None:
        return True
    if "据" in line[start : start + 2] and _TAG_END.search(line, start, start + _SHORT_TAG):
        return True
    if _DATED_TAG_END.search(line, start, start + _TAG_REACH) is not None:
        return True
    # an undated 电 of the paper or an agency (新华社江城电), a bracketed report tag
    # (【某某时报综合报道】): both start where the paragraph starts
    return line[start : start + 1] in _UNDATED_OPENS and _UNDATED_TAG.match(line, start) is not None


_PAREN_BY = regex.compile(r"[ ]?+[（(](?P<inner>[^（()）]{2,40}+)[)）]")
_PLAIN_BY = regex.compile(
    r"(?P<by>(?:"
    + _TITLE_RE.pattern
    + r")[^，,。：:；;“”\"（()）]{1,30}?(?:摄影报道|攝影報道|报道|報道))"
)
# the names and the 报道 after a title that _short_org_title reads (南都记者X报道：)
_PLAIN_AFTER_ORG = regex.compile(r"[^，,。：:；;“”\"（()）]{1,30}?(?:摄影报道|攝影報道|报道|報道)")


_BARE_NAME: Final = regex.compile(r"\p{Han}{2,4}+")
_STOPS: Final = re.compile("[，,。：:；;！？!?“”]")


def _bare_name(line: str, start: int, end: int) -> Byline | None:
    """A name alone in parentheses after a dateline: the reporter (``(梁钦卿)``)."""
    m = _BARE_NAME.fullmatch(line, start, end)
    if m is None or _NOT_NAME.search(m.group()) or _TITLE_RE.search(m.group()):
        return None
    return Byline((NameCredit(m.group(), CreditRole.REPORTER, None, Span(start, end)),))


def _paren_byline(line: str, tag_end: int) -> tuple[Byline, Span, int] | None:
    """A byline in parentheses right after a dateline tag: ``（记者金歆）``, ``(张三)``."""
    p = _PAREN_BY.match(line, tag_end)
    if p is None:
        return None
    inner = p.group("inner")
    parsed = _parse_items(line, p.start("inner"), p.end("inner"))
    if parsed is None:
        parsed = _bare_name(line, p.start("inner"), p.end("inner"))
    elif _TITLE_WORD.search(inner) is None:  # (one scan for every title word)
        parsed = None
    if parsed is None:
        return None
    return parsed, Span(p.start() + (line[p.start()] == " "), p.end()), p.end()


_OPENER_RE = regex.compile("|".join(sorted(map(regex.escape, LEAD_OPENERS), key=len, reverse=True)))
_HAN = regex.compile(r"\p{Han}")
# After a name: the sentence or a figure starts (a date, a quote), or a blank.
_AFTER_NAME = regex.compile(r"[0-9０-９ ，,。：:；;“「（(]")


def _name_ends(line: str, pos: int) -> tuple[int, bool] | None:
    """Where a name at ``pos`` ends, run into what follows, and whether a title follows it.

    The name has a common surname and two or three characters (four with a
    compound surname); it ends where a title, a stop or a lead's opening
    word starts, the longer opening word where it could end at two
    (``喻川相对于`` is 喻川, not 喻川相 before ``对于``). A name that could
    end at two places as well is not read.
    """
    size = 2 if line[pos : pos + 2] in _COMPOUND_SURNAMES else 1
    if size == 1 and line[pos : pos + 1] not in SURNAMES:
        return None
    ends: list[tuple[int, int, bool]] = []  # (evidence, end, a title follows)
    for n in (size + 1, size + 2):
        end = pos + n
        if end >= len(line) or not _HAN.match(line, end - 1):
            break
        if _NOT_NAME.search(line, pos, end) or _TITLE_RE.search(line, pos + 1, end):
            break
        opener = _OPENER_RE.match(line, end)
        if _TITLE_RE.match(line, end) or _AFTER_NAME.match(line, end):
            ends.append((9, end, _TITLE_RE.match(line, end) is not None))
        elif opener is not None:
            ends.append((len(opener.group()), end, False))
    ends.sort(reverse=True)
    if not ends or (len(ends) > 1 and ends[0][0] == ends[1][0]):
        return None
    return ends[0][1], ends[0][2]


def _run_in_byline(
    line: str, pos: int, org_end: int | None = None
) -> tuple[Byline, Span, int] | None:
    """Titles and names run into the lead with no separator: ``记者张三通讯员李四近日…``.

    Each name ends at the next title; the last where the lead's first
    sentence starts (``_name_ends``). Blanks may stand between a title and
    its name, between a name and the next title, and between two names of
    one title (``记者张三 李四 近日…``: a second name needs a blank or a title
    after it).

    >>> by, span, rest = _run_in_byline("本报讯记者孔令舟通讯员喻川近日，", 3)
    >>> [(c.name, c.role.value) for c in by.credits], span, rest
    ([('孔令舟', 'reporter'), ('喻川', 'correspondent')], Span(start=3, end=13), 13)
    """
    credits: list[NameCredit] = []
    cursor, title, last = pos, "", -1
    while True:
        t = _TITLE_RE.match(line, cursor)
        titled = t is not None
        if t is not None:
            title, at = t.group(), _skip_blanks(line, t.end())
        elif not credits and org_end is not None:  # (a paper's short name and title at pos)
            title, at, titled = line[cursor:org_end], _skip_blanks(line, org_end), True
        elif credits and cursor > last:
            at = cursor  # after a blank: another name of the same title?
        else:
            break
        found = _name_ends(line, at)
        if found is None or (not titled and not found[1] and line[found[0] : found[0] + 1] != " "):
            break
        end = found[0]
        credits.append(NameCredit(line[at:end], _title_role(title), title, Span(at, end)))
        last = end
        cursor = _skip_blanks(line, end)
    if not credits:
        return None
    return Byline(tuple(credits)), Span(pos, last), last


def _skip_blanks(line: str, pos: int) -> int:
    while pos < len(line) and line[pos] == " ":
        pos += 1
    return pos


def _lead_byline(line: str, tag_end: int, pos: int) -> tuple[Byline | None, Span | None, int]:
    """The byline after a dateline tag (in parentheses, the rest of the line, or plain)."""
    found = _paren_byline(line, tag_end)
    if found is not None:
        return found
    if len(line) - pos <= MAX_BYLINE and not _STOPS.search(line, pos):
        # the rest of the line is a byline of its own: 中文导报讯 记者 张石
        parsed = _parse_items(line, pos, len(line.rstrip()))
        if parsed is not None and any(c.title for c in parsed.credits):
            return parsed, Span(pos, len(line.rstrip())), len(line)
    b = _PLAIN_BY.match(line, pos)
    if b is not None:
        parsed = _parse_items(line, b.start("by"), b.end("by"))
        if parsed is not None:
            return parsed, Span(b.start("by"), b.end("by")), b.end()
    short = _SHORT_ORG_TITLE.match(line, pos)  # (most leads: none, no call)
    org_end = None if short is None else _short_org_title(line, pos, len(line))
    b = None if org_end is None else _PLAIN_AFTER_ORG.match(line, org_end)
    if b is not None:
        parsed = _parse_items(line, pos, b.end())
        if parsed is not None and parsed.credits[0].title == line[pos:org_end]:
            return parsed, Span(pos, b.end()), b.end()
    run_in = _run_in_byline(line, pos, org_end)
    if run_in is not None:
        return run_in
    return None, None, pos


# An agency's dateline in parentheses, its reporters printed inside, before the place
# (Taiwan's Central News Agency): （中央社記者X台北5日電）, （中央社記者X、Y台北5日電）,
# （中央社台北5日電）, a special report's 專電, a roundup's 綜合外電報導.
_AGENCY_PAREN: Final = regex.compile(
    r"(?P<open>[（(【\[])?+(?P<agency>中央社)(?P<title>[记記]者)?+[ ]?+"
    r"(?P<run>[\p{Han}、 ]{2,40}?)[ ]?+"
    rf"(?:{_DAY})(?:[专專]?+[电電]|(?:综合|綜合)外[电電](?:报道|報導|報道))(?(open)[)）】\]])"
)


def _name_place_cut(run: str) -> int | None:
    """Where a reporter's name ends in a name glued to the dateline's place (``陳家倫台北``).

    A cut that leaves a known place (``DATELINE_PLACES``, or one with its
    ``市`` or ``縣`` after it) after a name of three, two or (with a compound
    surname) four characters wins; else the
    name is three characters, two when only four are printed. A place has
    at least two characters.

    >>> _name_place_cut("陳家倫台北"), _name_place_cut("王五華盛頓"), _name_place_cut("宋青岚江城")
    (3, 2, 3)
    >>> _name_place_cut("喻川江城"), _name_place_cut("江城"), _name_place_cut("方晴嘉義縣")
    (2, None, 2)
    """
    most = 4 if run[:2] in _COMPOUND_SURNAMES else 3
    cuts = [c for c in (3, 2, 4) if c <= most and len(run) - c >= 2]
    for cut in cuts:
        place = run[cut:]
        if place in DATELINE_PLACES or (place[-1] in _PLACE_ENDS and place[:-1] in DATELINE_PLACES):
            return cut  # (a known place, or one with its 市, 縣 printed: 嘉義縣)
    if not cuts:
        return None
    return min(most, len(run) - 2)


def _agency_paren(line: str, start: int) -> DatelineMatch | None:
    """A dateline in parentheses with the agency's reporters inside: ``（中央社記者X台北5日電）``.

    The reporters (``記者X、Y``, the last glued to the place) are the lead
    byline, titled ``中央社記者``; the tag is the place, day and ``電`` after
    them (the whole ``中央社台北5日電`` when no reporter is named). The
    parentheses (or brackets) are left to the page's accounting. A copy
    that drops them (``中央社記者X台北5日電 …``) is read when a reporter is
    named; without one, and in brackets, the tag patterns read it as before.

    >>> d = _agency_paren("（中央社記者陳家倫台北5日電）今天，", 0)
    >>> d.tag.text, [(c.name, c.title) for c in d.byline.credits], d.byline_span, d.rest
    ('台北5日電', [('陳家倫', '中央社記者')], Span(start=1, end=9), 15)
    >>> _agency_paren("（中央社台北5日電）今天，", 0).tag.text
    '中央社台北5日電'
    """
    m = _AGENCY_PAREN.match(line, start)
    if m is None:
        return None
    run_start = m.start("run")
    run = m.group("run").rstrip()
    rest = _skip_blanks(line, m.end())
    tag_end = m.end() - 1 if m.group("open") else m.end()
    if m.group("title") is None:
        if m.group("open") not in ("（", "(") or not _HAN_RUN.fullmatch(run) or len(run) > 8:
            return None  # (in parentheses, the place alone: （中央社台北5日電）)
        tag = Piece(line[m.start("agency") : tag_end], Span(m.start("agency"), tag_end))
        return DatelineMatch(tag, None, None, rest)
    found = _agency_reporters(line, run_start, run, m.group("agency") + m.group("title"))
    if found is None:
        return None
    credits, place_at = found
    place_text = line[place_at:tag_end]
    if not _HAN.match(place_text):
        return None
    tag = Piece(place_text, Span(place_at, tag_end))
    return DatelineMatch(
        tag, Byline(tuple(credits)), Span(m.start("agency"), credits[-1].span.end), rest
    )


def _agency_reporters(
    line: str, pos: int, run: str, title: str
) -> tuple[list[NameCredit], int] | None:
    """The reporters of an agency's dateline (``run`` at ``pos``), and where the place starts.

    Names are joined by ``、``; the last ends at a blank or where the place
    glued to it starts (``_name_place_cut``). Each has two to four Han
    characters.

    >>> credits, place_at = _agency_reporters("記者方晴、喻川花蓮", 2, "方晴、喻川花蓮", "記者")
    >>> [c.name for c in credits], place_at
    (['方晴', '喻川'], 7)
    """
    parts = run.split("、")
    credits: list[NameCredit] = []
    place_at = pos
    for k, part in enumerate(parts):
        name = part.strip()
        at = pos + part.index(name[:1]) if name else pos
        if k == len(parts) - 1:
            if " " in name:  # 記者X 台北: a blank ends the name
                name = name.split(" ")[0]
                place_at = _skip_blanks(line, at + len(name))
            else:
                cut = _name_place_cut(name)
                if cut is None:
                    return None
                name = name[:cut]
                place_at = at + cut
        if not _HAN_RUN.fullmatch(name) or not 2 <= len(name) <= 4 or _NOT_NAME.search(name):
            return None
        credits.append(NameCredit(name, CreditRole.REPORTER, title, Span(at, at + len(name))))
        pos += len(part) + 1
    return credits, place_at


_HAN_RUN: Final = regex.compile(r"\p{Han}+")


@str_argument("line")
def parse_dateline(line: str, pos: int = 0) -> DatelineMatch | None:
    """Find a dateline (and its lead byline) where a paragraph starts (``pos`` of ``line``).

    >>> d = parse_dateline("本报讯 记者张三 李四报道 今年以来，...")
    >>> [c.name for c in d.byline.credits], d.byline_span
    (['张三', '李四'], Span(start=4, end=13))
    >>> d = parse_dateline("新华社北京7月29日电（记者 王五）日前，...")
    >>> d.tag.text, d.byline.credits[0].name
    ('新华社北京7月29日电', '王五')
    >>> parse_dateline("新华社江城十二月三十一日电 今天，...").tag.text
    '新华社江城十二月三十一日电'
    >>> parse_dateline("本报江城 3月5日电 今天，...").tag.text
    '本报江城 3月5日电'
    >>> parse_dateline("新华社江城电（记者 王五）今天，...").tag.text
    '新华社江城电'
    >>> parse_dateline("本报综合消息 今天，...").tag.text
    '本报综合消息'
    >>> parse_dateline("【江城时报综合报道】今天").tag.text
    '【江城时报综合报道】'
    >>> parse_dateline("记者王五报道 今天，...") is None
    True
    >>> parse_dateline("本报讯 今年以来，...").byline is None
    True
    >>> parse_dateline("资讯是新闻的一种。"), parse_dateline("图为雪景。本报讯 今年…", 5).tag.span
    (None, Span(start=5, end=8))
    """
    # (the marks' end, without a call where no mark starts: most paragraphs)
    start = lead_marks_at(line, pos).end if pos < len(line) and line[pos] in LEAD_CHARS else pos
    agency_at = start + 1 if line[start : start + 1] in "（(【[" else start
    if line[agency_at : agency_at + 3] == "中央社":  # (no call on most paragraphs)
        agency = _agency_paren(line, start)
        if agency is not None:
            return agency
    if not _may_open_tag(line, start):
        return None  # (most paragraphs: no tag can end near their start)
    m = _TAG.match(line, start)
    if m is None:
        return None
    # a bracketed tag keeps its brackets: 【新华社开城二十一日电】
    tag = (
        Piece(m.group(), Span(m.start(), m.end()))
        if m.group("open")
        else (Piece(m.group("tag"), Span(m.start("tag"), m.end("tag"))))
    )
    pos = m.end()
    while pos < len(line) and line[pos] in " ：:":
        pos += 1
    byline, by_span, pos = _lead_byline(line, m.end(), pos)
    while pos < len(line) and line[pos] in " ：:":
        pos += 1
    return DatelineMatch(tag, byline, by_span, pos)


@frozen
class ClosingMatch:
    """Credits in parentheses that close a paragraph: ``（本报北京10月19日电 记者X、Y）``.

    ``start`` is where the parenthesis opens (the paragraph text ends there,
    blanks before it excluded); ``tag`` the dateline inside, if any; offsets
    are relative to the text parsed.
    """

    start: int
    tag: Piece | None
    byline: Byline
    whole: bool = True  # the parentheses hold the credits only (else a note ending with them)


_CLOSING: Final = regex.compile(r"[（(](?P<inner>[^（()）]{2,80}+)[)）][ 。.]?+$")
# A match of _CLOSING ends the text (or its final line break) and its parentheses
# hold at most 80 characters: it starts at most _CLOSING_REACH characters from the end.
_CLOSING_REACH: Final = 85
_LAST_CLAUSE: Final = regex.compile(r"[，,；;](?P<last>[^，,；;]{2,40}+)$")


@str_argument("text")
def parse_closing(text: str) -> ClosingMatch | None:
    """Find the credits in parentheses at the end of an article's last paragraph.

    >>> c = parse_closing("会议持续两天。（本报江城3月9日电 记者冯雪、陆川）")
    >>> c.start, c.tag.text, [x.name for x in c.byline.credits]
    (7, '本报江城3月9日电', ['冯雪', '陆川'])
    >>> [x.name for x in parse_closing("清除垃圾死角。(记者 黄翠林)").byline.credits]
    ['黄翠林']
    >>> parse_closing("他说（笑）。") is None
    True
    >>> c = parse_closing("（作者为某大学教授，本报记者李四采访整理）")
    >>> [x.name for x in c.byline.credits], c.whole
    (['李四'], False)
    """
    if not text or text.rstrip()[-1:] not in ")）。." or ("(" not in text and "（" not in text):
        return None
    m = _CLOSING.search(text, max(len(text) - _CLOSING_REACH, 0))
    if m is None:
        return None
    a, b = m.start("inner"), m.end("inner")
    tag: Piece | None = None
    # a tag inside ends with one of _TAG_END's characters (most closings hold none)
    d = None if _TAG_END.search(text, a, b) is None else _TAG.match(text, a)
    if d is not None and d.end() < b:
        tag = Piece(d.group("tag"), Span(d.start("tag"), d.end("tag")))
        a = d.end()
        while a < b and text[a] in " ：:":
            a += 1
    byline = _parse_items(text, a, b)
    whole = True
    if byline is None and tag is None:
        # a note ending with its credits: （作者为…，本报记者X采访整理）
        last = _LAST_CLAUSE.search(text, a, b)
        if last is not None:
            byline = _parse_items(text, last.start("last"), last.end("last"))
            whole = False
    if byline is None or not any(c.title for c in byline.credits):
        return None
    start = m.start()
    while start > 0 and text[start - 1] == " ":
        start -= 1
    return ClosingMatch(start, tag, byline, whole)


_PAGE_CREDIT: Final = regex.compile(
    r"本[版报報](?:图片|圖片|照片|摄影|攝影)[均皆]?+(?:由|为|為)?+[ ：:]?+(?P<by>.{2,40}?)"
    r"[ ]?+(?:摄影?|攝影?|提供)?+[。.]?+$"
)


@str_argument("line")
def parse_page_credit(line: str) -> Byline | None:
    """Parse a page-wide photo credit such as ``本版图片由本报记者赵六摄``.

    Every person named is a photographer.

    >>> [(c.name, c.title) for c in parse_page_credit("本版图片由本报记者赵六摄").credits]
    [('赵六', '本报记者')]
    >>> parse_page_credit("本报讯 记者崔治报道") is None
    True
    """
    start = lead_marks(line).end
    if not line.startswith("本", start):
        return None  # every page credit opens with 本版 or 本报 (most lines: none)
    m = _PAGE_CREDIT.match(line.rstrip(), start)
    if m is None:
        return None
    items = _tokenize(line, m.start("by"), m.end("by"))
    if not items or any(it.kind not in ("title", "name") for it in items):
        return None
    credits: list[NameCredit] = []
    title: str | None = None
    names: list[_Item] = []

    def flush() -> None:
        for name, s, e in _merge_names(names):
            credits.append(NameCredit(name, CreditRole.PHOTOGRAPHER, title, Span(s, e)))
        names.clear()

    for it in items:
        if it.kind == "title":
            flush()
            title = it.text
        else:
            names.append(it)
    flush()
    return Byline(tuple(credits)) if credits else None
