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
from typing import Final

import regex
from attrs import frozen

from newsparse.layout.headlines import Piece
from newsparse.layout.marks import lead_marks, lead_marks_at
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
    "parse_page_credit",
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
_ORG: Final = (
    r"(?:\p{Han}{1,8}?(?:日报|日報|晚报|晚報|报|報|社|网|網|台|传媒|傳媒|视频|視頻|客户端)"
    r"(?:[·•]\p{Han}{1,6}?(?:视频|視頻|网|網|客户端|台))?+)"
)
_TITLE_RE: Final = regex.compile(rf"(?:{_ORG}(?=(?:{_TITLE_WORDS})))?(?:{_TITLE_WORDS})")
# Every match of _TITLE_RE is a title word, after at most _ORG_MAX characters of a
# paper's name (8 Han and 日报-like 3, then · with 6 Han and 客户端-like 3): a match
# starts at most _ORG_MAX characters before the next title word, so _TITLE_RE is
# tried only from there (one scan for the words, where _TITLE_RE tries a paper's name
# at every position of the token).
_ORG_MAX: Final = 21
_TITLE_WORD: Final = re.compile(_TITLE_WORDS)


def _title_role(title: str) -> CreditRole:
    """The role a printed title gives, its paper's name in front of it ignored.

    >>> _title_role("南方日报记者"), _title_role("實習生")
    (<CreditRole.REPORTER: 'reporter'>, <CreditRole.INTERN: 'intern'>)
    """
    if title in _TITLES:
        return _TITLES[title]
    for size in range(min(len(title), 7), 0, -1):
        if title[-size:] in _TITLES:
            return _TITLES[title[-size:]]
    return CreditRole.REPORTER


# Suffixes after names (simplified and traditional spellings mixed freely).
_BOTH: Final = r"文[并並和][摄攝]|文[/／][图圖]|[图圖][/／]文|[图圖]文|文[图圖]"
_PHOTO: Final = r"[摄攝]影[报報]道|[摄攝]影|[摄攝]"
_REPORT: Final = r"[报報]道|[报報]导|[报報]導|采访整理|採訪整理|整理"
_BOTH_RE: Final = regex.compile(_BOTH)
_PHOTO_RE: Final = regex.compile(_PHOTO)
_SUFFIX_RE: Final = regex.compile(rf"(?:{_BOTH}|{_PHOTO}|{_REPORT})$")
_PREFIX_RE: Final = regex.compile(
    r"^(?:文/图|图/文|文/圖|圖/文|摄影|攝影|图片|圖片|拍摄者|拍攝者|摄影者|攝影者|文)[:：]?$"
)
# Characters of a dateline tag or a sentence, never of a personal name.
_NOT_NAME: Final = regex.compile(r"[讯訊电電的了是在和与片]")
_NAME_RE: Final = regex.compile(r"\p{Han}{1,8}+(?:[·•]\p{Han}{1,8}+)?+")

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
    )
)

# A byline needs a title, a suffix or a prefix (_parse_items), and each of
# them holds one of these characters (记者, 通讯员, 实习生, 编辑, 版式, 校对;
# 摄, 报道, 图; the prefix 文): a line without any is no byline.
_MARK_CHAR: Final = re.compile("[记記员員习習编編版校摄攝道导導理图圖文发發]")
MAX_BYLINE: Final = 90
"""A byline is at most this many characters, after its lead marks."""
_BY_TOKEN: Final = regex.compile(r"[^ :：/／、]++")  # a byline token: names, titles, suffixes
# Role marks printed as tokens of their own (after a slash or a space): 张三/文 李四/图.
_PHOTO_MARKS: Final = frozenset(("图", "圖", "摄", "攝", "摄影", "攝影"))
_BOTH_MARKS: Final = frozenset(("文图", "文圖", "图文", "圖文"))
_ROLE_MARKS: Final = _PHOTO_MARKS | _BOTH_MARKS | {"文"}
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
        return bool(self.credits) and all(c.role is CreditRole.PHOTOGRAPHER for c in self.credits)


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
    n = len(run)
    if n <= 3 or (n == 4 and run[:2] in _COMPOUND_SURNAMES):
        return [(0, n)]
    if n == 4:
        return [(0, 2), (2, 4)]
    # try a first name of 3 then 2 characters, preferring a surname at the cut
    for first in (3, 2) if run[3:4] and run[3] in SURNAMES else (2, 3):
        if first < n and (run[first] in SURNAMES or run[first : first + 2] in _COMPOUND_SURNAMES):
            return [(0, first)] + [(first + a, first + b) for a, b in split_names(run[first:])]
    half = 3 if n >= 6 else 2
    return [(0, half)] + [(half + a, half + b) for a, b in split_names(run[half:])]


class _Item:
    """A token of a byline: its kind (``title``, ``name``, ``suffix``, ``prefix``), text, range.

    A plain class with ``__slots__`` (a few for every line tokenized): the
    compiled build makes it a native class.
    """

    __slots__ = ("end", "kind", "start", "text")

    def __init__(self, kind: str, text: str, start: int, end: int) -> None:
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end


def _tokenize(line: str, start: int, end: int) -> list[_Item] | None:
    items: list[_Item] = []
    for m in _BY_TOKEN.finditer(line, start, end):
        tok, t0 = m.group(), m.start()
        if _PREFIX_RE.match(tok) and not items:
            items.append(_Item("prefix", tok, t0, m.end()))
            continue
        if items and t0 > 0 and line[t0 - 1] in "/／" and _PLACE_REPORT.fullmatch(tok):
            items.append(_Item("suffix", tok, t0, m.end()))  # 记者X／台北報導: where it was filed
            continue
        if tok in _ROLE_MARKS and items:
            # a role mark of its own after a slash or a space: 张三/文, 李四 文/图
            last = items[-1]
            if last.kind == "prefix":
                items[-1] = _Item("prefix", f"{last.text}/{tok}", last.start, m.end())
            else:
                items.append(_Item("suffix", tok, t0, m.end()))
            continue
        suffix = _SUFFIX_RE.search(tok)
        body_end = suffix.start() if suffix else len(tok)
        body = tok[:body_end]
        if body:
            _split_titles(body, t0, items)
        if suffix:
            items.append(_Item("suffix", suffix.group(), t0 + suffix.start(), t0 + len(tok)))
    for it in items:
        if it.kind == "name" and (not _NAME_RE.fullmatch(it.text) or _NOT_NAME.search(it.text)):
            return None
    return items


def _split_titles(body: str, t0: int, items: list[_Item]) -> None:
    """Titles and the names between them, in one token of a byline."""
    cursor = 0
    while (word := _TITLE_WORD.search(body, cursor)) is not None:
        t = _TITLE_RE.search(body, max(cursor, word.start() - _ORG_MAX))
        if t is None:  # pragma: no cover - the title word itself matches
            break
        if t.start() > cursor:
            items.append(_Item("name", body[cursor : t.start()], t0 + cursor, t0 + t.start()))
        items.append(_Item("title", t.group(), t0 + t.start(), t0 + t.end()))
        cursor = t.end()
    if cursor < len(body):
        items.append(_Item("name", body[cursor:], t0 + cursor, t0 + len(body)))


def _suffix_kind(suffix: str) -> str:
    """What a role mark after names says: ``photo``, ``both`` or ``write``.

    >>> _suffix_kind("摄影报道"), _suffix_kind("文/图"), _suffix_kind("文"), _suffix_kind("图")
    ('photo', 'both', 'write', 'photo')
    """
    if _BOTH_RE.fullmatch(suffix) or suffix in _BOTH_MARKS:
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
        if "·" in it.text or "•" in it.text:
            out.append((it.text, it.start, it.end))
        else:
            out.extend((it.text[a:b], it.start + a, it.start + b) for a, b in split_names(it.text))
        i += 1
    return out


def _prefix_kinds(prefix: str) -> set[str]:
    """What a mark in front of the names says (``文/图：``, ``摄影：``)."""
    if "/" in prefix or prefix in ("图文", "圖文", "文图", "文圖"):
        return {"both"}
    if prefix.rstrip(":：") in (
        "摄影",
        "攝影",
        "图片",
        "圖片",
        "拍摄者",
        "拍攝者",
        "摄影者",
        "攝影者",
    ):
        return {"photo"}
    return set()


_Group = tuple["_Item | None", list["_Item"], list[str]]
"""A byline group: its printed title (or None), its names, the suffixes closing it."""


def _group_items(items: list[_Item]) -> tuple[str | None, list[_Group]] | None:
    """The prefix and the (title, names, suffixes) groups of a tokenized line, or None."""
    groups: list[_Group] = []
    prefix: str | None = None
    for it in items:
        if it.kind == "prefix":
            prefix = it.text
        elif it.kind == "title":
            groups.append((it, [], []))
        elif it.kind == "name":
            if not groups or groups[-1][2]:
                groups.append((None, [], []))
            groups[-1][1].append(it)
        else:  # suffix closes the group before it
            if not groups or not groups[-1][1]:
                return None
            groups[-1][2].append(it.text)
    if any(not g[1] for g in groups):
        return None
    return prefix, groups


def _group_title(groups: list[_Group], gi: int) -> _Item | None:
    """The title a group prints, or the one it shares (本报记者 张三/文 李四/图)."""
    title = groups[gi][0]
    if title is None and gi and groups[gi - 1][0] is not None and groups[gi - 1][2]:
        return groups[gi - 1][0]
    return title


def _group_base(
    title: _Item | None, titled_after: bool, suffixes: list[str], prefix: str | None
) -> CreditRole | None:
    """The role of a group's names before role marks; None when nothing makes them credits."""
    if title is not None:
        return _title_role(title.text)
    if titled_after:
        return CreditRole.CORRESPONDENT
    if suffixes or prefix:
        return CreditRole.REPORTER
    return None


def _parse_items(line: str, start: int, end: int) -> Byline | None:
    if _MARK_CHAR.search(line, start, end) is None:
        return None  # no title, suffix or prefix can be there (most lines)
    items = _tokenize(line, start, end)
    if not items or not any(it.kind in ("title", "suffix", "prefix") for it in items):
        return None
    grouped = _group_items(items)
    if grouped is None:
        return None
    prefix, groups = grouped
    credits: list[NameCredit] = []
    titled_after = [any(g2[0] is not None for g2 in groups[i + 1 :]) for i in range(len(groups))]
    # a line that ends in 摄 credits the pictures to every name on it
    last_kinds = {_suffix_kind(x) for x in groups[-1][2]} if groups else set()
    line_photo = last_kinds == {"photo"}
    for gi, (_, names, suffixes) in enumerate(groups):
        title = _group_title(groups, gi)
        base = _group_base(title, titled_after[gi], suffixes, prefix)
        if base is None:
            return None
        kinds = {_suffix_kind(x) for x in suffixes}
        if not kinds and line_photo:
            kinds = {"photo"}
        if gi == 0 and prefix is not None:
            kinds |= _prefix_kinds(prefix)
        roles = _roles(base, kinds)
        title_text = None if title is None else title.text
        for name, s, e in _merge_names(names):
            credits.extend(NameCredit(name, role, title_text, Span(s, e)) for role in roles)
    if not credits or len({c.span for c in credits}) > _MAX_NAMES:
        return None
    return Byline(tuple(credits))


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
    marks = lead_marks(line)
    start, end = marks.end, len(line.rstrip())
    if end - start > MAX_BYLINE or start >= end:
        return None
    if line[start] in "（(" and line[end - 1] in ")）":  # a credit in parentheses
        start, end = start + 1, end - 1
    return _parse_items(line, start, end)


_AUTHOR_NAME: Final = regex.compile(r"\p{Han}{1,4}+(?:[·•]\p{Han}{1,8}+)?+")


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
        items.append(_Item("name", m.group(), m.start(), m.end()))
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


_DAY: Final = r"(?:[0-9０-９]{1,2}+月)?+[0-9０-９]{1,2}+日|[一二三四五六七八九十廿卅]{1,3}+日"
_PLACES: Final = r"\p{Han}{0,8}?(?:、\p{Han}{1,8}?){0,12}?"  # 本报北京、巴黎、开罗10月19日电
_TAG: Final = regex.compile(
    r"(?P<open>[【\[])?+(?P<tag>本[报報刊][讯訊]"
    r"|据\p{Han}{2,6}?[电電]"
    rf"|(?:本[报報]|新[华華]社|中新社|\p{{Han}}{{2,6}}?){_PLACES}(?:{_DAY})[电電讯訊]"
    r"|\p{Han}{1,6}?[专專]?+[讯訊]"
    r"|\p{Han}{2,6}?(?:报|報|网|網|社|台)消息)"
    r"(?(open)[】\]]|(?=[ （(：:【]|$|[题題][:：]|\p{Han}{0,8}?(?:记者|記者|通讯员|通訊員)))"
)
# Every tag ends with 讯, 电 or 息, at most _TAG_REACH characters from where it
# starts (a bracket, the places, a month and day, 月日电): parse_dateline looks
# for one of them before trying _TAG.
_TAG_END: Final = re.compile("[讯訊电電息]")
_TAG_REACH: Final = 120
_PAREN_BY: Final = regex.compile(r"[ ]?+[（(](?P<inner>[^（()）]{2,40}+)[)）]")
_PLAIN_BY: Final = regex.compile(
    r"(?P<by>(?:"
    + _TITLE_RE.pattern
    + r")[^，,。：:；;“”\"（()）]{1,30}?(?:摄影报道|攝影報道|报道|報道))"
)


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
    elif not any(t in inner for t in _TITLES):
        parsed = None
    if parsed is None:
        return None
    return parsed, Span(p.start() + (line[p.start()] == " "), p.end()), p.end()


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
    return None, None, pos


def parse_dateline(line: str, pos: int = 0) -> DatelineMatch | None:
    """Find a dateline (and its lead byline) where a paragraph starts (``pos`` of ``line``).

    >>> d = parse_dateline("本报讯 记者张三 李四报道 今年以来，...")
    >>> [c.name for c in d.byline.credits], d.byline_span
    (['张三', '李四'], Span(start=4, end=13))
    >>> d = parse_dateline("新华社北京7月29日电（记者 王五）日前，...")
    >>> d.tag.text, d.byline.credits[0].name
    ('新华社北京7月29日电', '王五')
    >>> parse_dateline("本报讯 今年以来，...").byline is None
    True
    >>> parse_dateline("资讯是新闻的一种。"), parse_dateline("图为雪景。本报讯 今年…", 5).tag.span
    (None, Span(start=5, end=8))
    """
    start = lead_marks_at(line, pos).end
    if _TAG_END.search(line, start, start + _TAG_REACH) is None:
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
_LAST_CLAUSE: Final = regex.compile(r"[，,；;](?P<last>[^，,；;]{2,40}+)$")


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
    m = _CLOSING.search(text)
    if m is None:
        return None
    a, b = m.start("inner"), m.end("inner")
    tag: Piece | None = None
    d = _TAG.match(text, a)
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


def parse_page_credit(line: str) -> Byline | None:
    """Parse a page-wide photo credit such as ``本版图片由本报记者赵六摄``.

    Every person named is a photographer.

    >>> [(c.name, c.title) for c in parse_page_credit("本版图片由本报记者赵六摄").credits]
    [('赵六', '本报记者')]
    >>> parse_page_credit("本报讯 记者崔治报道") is None
    True
    """
    start = lead_marks(line).end
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
