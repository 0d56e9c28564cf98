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

import regex
from attrs import frozen

from newsparse.layout.headlines import Piece
from newsparse.layout.marks import lead_marks
from newsparse.model import CreditRole, Span

__all__ = [
    "MAX_BYLINE",
    "Byline",
    "DatelineMatch",
    "NameCredit",
    "parse_byline",
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
    ("本报实习生", CreditRole.REPORTER),
    ("特约通讯员", CreditRole.CORRESPONDENT),
    ("本报记者", CreditRole.REPORTER),
    ("特约记者", CreditRole.REPORTER),
    ("见习记者", CreditRole.REPORTER),
    ("实习记者", CreditRole.REPORTER),
    ("首席记者", CreditRole.REPORTER),
    ("摄影记者", CreditRole.PHOTOGRAPHER),
    ("责任编辑", CreditRole.EDITOR),
    ("通讯员", CreditRole.CORRESPONDENT),
    ("实习生", CreditRole.REPORTER),
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
        _t.translate(str.maketrans("报约见实记摄讯员责编辑华闻", "報約見實記攝訊員責編輯華聞"))
    ] = _r

_TITLE_RE = regex.compile("|".join(sorted(map(regex.escape, _TITLES), key=len, reverse=True)))

# Suffixes after names (simplified and traditional spellings mixed freely).
_BOTH = r"文[并並和][摄攝]|文[/／][图圖]|[图圖][/／]文|[图圖]文"
_PHOTO = r"[摄攝]影[报報]道|[摄攝]影|[摄攝]"
_REPORT = r"[报報]道"
_BOTH_RE = regex.compile(_BOTH)
_PHOTO_RE = regex.compile(_PHOTO)
_SUFFIX_RE = regex.compile(rf"(?:{_BOTH}|{_PHOTO}|{_REPORT})$")
_PREFIX_RE = regex.compile(r"^(?:文/图|图/文|文/圖|圖/文|摄影|攝影|图片|圖片|文)[:：]?$")
# Characters of a dateline tag or a sentence, never of a personal name.
_NOT_NAME = regex.compile(r"[讯訊电電的了是在和与]")
_NAME_RE = regex.compile(r"\p{Han}{1,8}+(?:[·•]\p{Han}{1,8}+)?+")

# Common single-character surnames, used to split two names printed together.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左"
    "柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶"
    "解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬"
    "边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝武荆"
)
_COMPOUND_SURNAMES = frozenset(
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
_MARK_CHAR = re.compile("[记記员員习習编編版校摄攝道图圖文]")
MAX_BYLINE = 60
"""A byline is at most this many characters, after its lead marks."""
_BY_TOKEN = regex.compile(r"[^ :：/／]++")  # a byline token: names, titles, suffixes
_MAX_NAMES = 10


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


@frozen
class _Item:
    kind: str  # "title", "name", "suffix", "prefix"
    text: str
    start: int
    end: int


def _tokenize(line: str, start: int, end: int) -> list[_Item] | None:
    items: list[_Item] = []
    for m in _BY_TOKEN.finditer(line, start, end):
        tok, t0 = m.group(), m.start()
        if _PREFIX_RE.match(tok) and not items:
            items.append(_Item("prefix", tok, t0, m.end()))
            continue
        suffix = _SUFFIX_RE.search(tok)
        body_end = suffix.start() if suffix else len(tok)
        body = tok[:body_end]
        if body:
            cursor = 0
            for t in _TITLE_RE.finditer(body):
                if t.start() > cursor:
                    items.append(
                        _Item("name", body[cursor : t.start()], t0 + cursor, t0 + t.start())
                    )
                items.append(_Item("title", t.group(), t0 + t.start(), t0 + t.end()))
                cursor = t.end()
            if cursor < len(body):
                items.append(_Item("name", body[cursor:], t0 + cursor, t0 + len(body)))
        if suffix:
            items.append(_Item("suffix", suffix.group(), t0 + suffix.start(), t0 + len(tok)))
    for it in items:
        if it.kind == "name" and (not _NAME_RE.fullmatch(it.text) or _NOT_NAME.search(it.text)):
            return None
    return items


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


def _parse_items(line: str, start: int, end: int) -> Byline | None:
    if _MARK_CHAR.search(line, start, end) is None:
        return None  # no title, suffix or prefix can be there (most lines)
    items = _tokenize(line, start, end)
    if not items:
        return None
    has_marker = any(it.kind in ("title", "suffix", "prefix") for it in items)
    if not has_marker:
        return None
    # Groups: (title item or None, names, suffix or None)
    groups: list[tuple[_Item | None, list[_Item], list[str]]] = []
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
    credits: list[NameCredit] = []
    titled_after = [any(g2[0] is not None for g2 in groups[i + 1 :]) for i in range(len(groups))]
    for gi, (title, names, suffixes) in enumerate(groups):
        roles: list[CreditRole]
        if title is not None:
            roles = [_TITLES[title.text]]
        elif titled_after[gi]:
            roles = [CreditRole.CORRESPONDENT]
        elif suffixes or prefix:
            roles = [CreditRole.REPORTER]
        else:
            return None
        suffix = suffixes[-1] if suffixes else ""
        if _PHOTO_RE.fullmatch(suffix):
            roles = [CreditRole.PHOTOGRAPHER]
        elif _BOTH_RE.fullmatch(suffix) or (
            prefix in ("文/图", "图/文", "文/圖", "圖/文") and gi == 0
        ):
            roles = [r for r in roles if r is not CreditRole.PHOTOGRAPHER]
            roles = [*roles, CreditRole.PHOTOGRAPHER]
        elif prefix in ("摄影", "攝影", "图片", "圖片") and gi == 0:
            roles = [CreditRole.PHOTOGRAPHER]
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


_TAG = regex.compile(
    r"[【\[]?+(?P<tag>本[报報刊][讯訊]"
    r"|(?:本[报報]|新[华華]社|中新社|\p{Han}{2,6}?)\p{Han}{0,8}?[0-9０-９]{1,2}+月[0-9０-９]{1,2}+日[电電]"
    r"|\p{Han}{1,6}?[讯訊])[】\]]?+(?=[ （(：:【]|$)"
)
# Every tag ends with 讯 or 电, at most 22 characters from where it starts
# (a bracket, six and eight Han characters, a month and day of two digits,
# 月日电): parse_dateline looks for one of them before trying _TAG.
_TAG_END = re.compile("[讯訊电電]")
_TAG_REACH = 24
_PAREN_BY = regex.compile(r"[ ]?+[（(](?P<inner>[^（()）]{2,40}+)[)）]")
_PLAIN_BY = regex.compile(
    r"(?P<by>(?:"
    + _TITLE_RE.pattern
    + r")[^，,。：:；;“”\"（()）]{1,30}?(?:摄影报道|攝影報道|报道|報道))"
)


def parse_dateline(line: str) -> DatelineMatch | None:
    """Find a dateline (and its lead byline) at the start of a paragraph.

    >>> d = parse_dateline("本报讯 记者张三 李四报道 今年以来，...")
    >>> [c.name for c in d.byline.credits], d.byline_span
    (['张三', '李四'], Span(start=4, end=13))
    >>> d = parse_dateline("新华社北京7月29日电（记者 王五）日前，...")
    >>> d.tag.text, d.byline.credits[0].name
    ('新华社北京7月29日电', '王五')
    >>> parse_dateline("本报讯 今年以来，...").byline is None
    True
    >>> parse_dateline("资讯是新闻的一种。") is None
    True
    """
    start = lead_marks(line).end
    if _TAG_END.search(line, start, start + _TAG_REACH) is None:
        return None  # (most paragraphs: no tag can end near their start)
    m = _TAG.match(line, start)
    if m is None:
        return None
    tag = Piece(m.group("tag"), Span(m.start("tag"), m.end("tag")))
    pos = m.end()
    while pos < len(line) and line[pos] in " ：:":
        pos += 1
    byline: Byline | None = None
    by_span: Span | None = None
    p = _PAREN_BY.match(line, m.end())
    if p is not None:
        inner = p.group("inner")
        parsed = _parse_items(line, p.start("inner"), p.end("inner"))
        if parsed is not None and any(t in inner for t in _TITLES):
            byline, by_span = parsed, Span(p.start() + (line[p.start()] == " "), p.end())
            pos = p.end()
    if byline is None:
        b = _PLAIN_BY.match(line, pos)
        if b is not None:
            parsed = _parse_items(line, b.start("by"), b.end("by"))
            if parsed is not None:
                byline, by_span = parsed, Span(b.start("by"), b.end("by"))
                pos = b.end()
    while pos < len(line) and line[pos] == " ":
        pos += 1
    return DatelineMatch(tag, byline, by_span, pos)


_PAGE_CREDIT = regex.compile(
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
