"""Unit tests of the layout modules: columns, headlines, bylines, captions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse.layout.bylines import (
    _TITLE_RE,
    _split_titles,
    parse_byline,
    parse_dateline,
    parse_page_credit,
    split_names,
)
from newsparse.layout.captions import is_caption_shaped, parse_caption
from newsparse.layout.columns import is_column_candidate, parse_column
from newsparse.layout.headlines import is_headline_shaped, split_headline
from newsparse.layout.marks import lead_marks, lead_marks_at
from newsparse.model import Span


def _credits(line: str) -> list[tuple[str, str, str | None]]:
    byline = parse_byline(line)
    assert byline is not None, line
    return [(c.name, c.role.value, c.title) for c in byline.credits]


@pytest.mark.parametrize(
    ("line", "name", "pinyin", "level"),
    [
        ("锦州脚步 JIAOBU", "锦州脚步", "JIAOBU", None),
        ("■ 图说 TUSHUO", "图说", "TUSHUO", None),
        ("## 图说 TUSHUO", "图说", "TUSHUO", 2),
        ("城市印象", "城市印象", None, None),
        ("行走锦州XINGZOU", "行走锦州", "XINGZOU", None),
    ],
)
def test_columns(line: str, name: str, pinyin: str | None, level: int | None) -> None:
    col = parse_column(line)
    assert col is not None
    assert (col.name, col.pinyin, col.level) == (name, pinyin, level)
    assert line[col.span.start : col.span.end].startswith(name)


def test_not_columns() -> None:
    assert parse_column("工业固投同比增长16.8%") is None
    assert parse_column("海洋文化旅游节火爆今夏") is None  # too long without Latin part
    assert is_column_candidate("城市印象")
    assert not is_column_candidate("锦州脚步 JIAOBU")


def test_marks() -> None:
    assert lead_marks("### 核心提示").level == 3
    assert lead_marks("■ 图说").end == 2
    assert lead_marks("正文").level is None


@pytest.mark.parametrize(
    ("line", "end"),
    [
        ("n本报记者 周一 吴二", 1),
        ("N 记者 周一", 2),
        ("l通讯员 吴二", 1),
        ("No.1 的城市", 0),  # a letter that is no bullet: the line has no marks
        ("u盘里的资料", 0),
        ("Line 记者", 0),
    ],
)
def test_symbol_font_bullets(line: str, end: int) -> None:
    assert lead_marks(line).end == end
    assert lead_marks_at("前文。" + line, 3).end == 3 + end


def test_symbol_font_bullet_before_a_byline() -> None:
    assert _credits("N本报记者 周一 吴二") == [
        ("周一", "reporter", "本报记者"),
        ("吴二", "reporter", "本报记者"),
    ]


@pytest.mark.parametrize(
    ("line", "kicker", "headline", "sub"),
    [
        ("某市推动科技发展—— 向创新型城市迈进", "某市推动科技发展", "向创新型城市迈进", None),
        ("校地融合 共育科技企业 ——写在签约之际", None, "校地融合 共育科技企业", "写在签约之际"),
        ("英雄的原型——老战士讲党课", None, "英雄的原型——老战士讲党课", None),
        ("## ——锦州开展实践活动纪实", None, None, "锦州开展实践活动纪实"),
        ("# 办实事有力度 惠民生有温度", None, "办实事有力度 惠民生有温度", None),
        ("引题-- 主题 --副题", "引题", "主题", "副题"),
    ],
)
def test_split_headline(
    line: str, kicker: str | None, headline: str | None, sub: str | None
) -> None:
    parts = split_headline(line)
    got = tuple(
        None if p is None else p.text for p in (parts.kicker, parts.headline, parts.subheadline)
    )
    assert got == (kicker, headline, sub)
    for p in (parts.kicker, parts.headline, parts.subheadline):
        if p is not None:
            assert line[p.span.start : p.span.end] == p.text


def test_headline_shape() -> None:
    assert is_headline_shaped("凌海市 获评省“免申即享”改革十佳案例")
    assert not is_headline_shaped("为了从制度层面解决百姓的")  # cut after 的
    assert not is_headline_shaped("今年以来,锦州市为培育壮大新动能产业")
    assert not is_headline_shaped("2019")  # no Han character
    assert not is_headline_shaped("长" * 61)


def test_bylines() -> None:
    assert _credits("刘佳伟 本报记者 高华庚") == [
        ("刘佳伟", "correspondent", None),
        ("高华庚", "reporter", "本报记者"),
    ]
    assert _credits("祝中炎 李军 本报记者 文继红")[:2] == [
        ("祝中炎", "correspondent", None),
        ("李军", "correspondent", None),
    ]
    assert _credits("王东阳 本报记者 高华庚 文并摄") == [
        ("王东阳", "correspondent", None),
        ("高华庚", "reporter", "本报记者"),
        ("高华庚", "photographer", "本报记者"),
    ]
    assert _credits("本报特约记者 李铁成 摄") == [("李铁成", "photographer", "本报特约记者")]
    assert _credits("刘 静 本报记者 文继红")[0] == ("刘静", "correspondent", None)
    assert _credits("本报记者 翟新群 姜帆") == [
        ("翟新群", "reporter", "本报记者"),
        ("姜帆", "reporter", "本报记者"),
    ]
    assert _credits("记者 张三 通讯员 李四") == [
        ("张三", "reporter", "记者"),
        ("李四", "correspondent", "通讯员"),
    ]
    assert _credits("责任编辑 王五") == [("王五", "editor", "责任编辑")]
    assert _credits("本報記者 高華庚 攝") == [("高華庚", "photographer", "本報記者")]
    assert _credits("钱九摄") == [("钱九", "photographer", None)]


def test_not_bylines() -> None:
    for line in (
        "春色惹人醉 赏花正当时",
        "张三 李四",
        "本报讯 记者崔治报道",
        "今年以来，全市完成投资。",
    ):
        assert parse_byline(line) is None, line


def test_byline_spans_point_at_names() -> None:
    line = "刘 静 本报记者 文继红"
    byline = parse_byline(line)
    assert byline is not None
    assert [line[c.span.start : c.span.end] for c in byline.credits] == ["刘 静", "文继红"]


def test_split_names() -> None:
    assert split_names("狄伦王倩") == [(0, 2), (2, 4)]
    assert split_names("欧阳修文") == [(0, 4)]
    assert split_names("王小明李华") == [(0, 3), (3, 5)]


def test_datelines() -> None:
    d = parse_dateline("本报讯 记者崔治报道 “我们公司建设的平台获评。”")
    assert d is not None
    assert d.tag.text == "本报讯"
    assert d.byline is not None
    assert [(c.name, c.title) for c in d.byline.credits] == [("崔治", "记者")]
    assert d.rest == 11
    d = parse_dateline("本报讯 7月30日,记者自锦州市政府获悉")
    assert d is not None
    assert d.byline is None
    assert d.rest == 4
    d = parse_dateline("本報訊 記者張三報道 今年以來")
    assert d is not None
    assert d.byline is not None
    assert d.byline.credits[0].name == "張三"
    d = parse_dateline("本报北京7月29日电（记者 王五 通讯员 赵六）日前，")
    assert d is not None
    assert d.tag.text == "本报北京7月29日电"
    assert d.byline is not None
    assert [c.role.value for c in d.byline.credits] == ["reporter", "correspondent"]
    assert parse_dateline("资讯是新闻的一种。") is None
    assert parse_dateline("记者走进车间。") is None


@pytest.mark.parametrize(
    ("line", "tag"),
    [
        # the longest tags _TAG reads: the first 讯/电 is 21 characters in
        (
            "【" + "甲乙丙丁戊己" + "庚辛壬癸子丑寅卯" + "12月31日电】 正文",
            "【甲乙丙丁戊己庚辛壬癸子丑寅卯12月31日电】",  # a bracketed tag keeps its brackets
        ),
        (
            "## " + "甲乙丙丁戊己" + "庚辛壬癸子丑寅卯" + "１２月３１日電 正文",
            "甲乙丙丁戊己庚辛壬癸子丑寅卯１２月３１日電",
        ),
        ("甲乙丙丁戊己讯 正文", "甲乙丙丁戊己讯"),
        # the longest tags without a date (parse_dateline skips a paragraph with no
        # 讯/电/息 in its first _SHORT_TAG characters and no 日电/日讯 further on)
        ("【据甲乙丙丁戊己电】 正文", "【据甲乙丙丁戊己电】"),
        ("据甲乙丙丁戊己電 正文", "据甲乙丙丁戊己電"),
        ("【甲乙丙丁戊己专讯】 正文", "【甲乙丙丁戊己专讯】"),
        ("【甲乙丙丁戊己报消息】 正文", "【甲乙丙丁戊己报消息】"),
        ("甲乙丙丁戊己網消息 正文", "甲乙丙丁戊己網消息"),
    ],
)
def test_dateline_tags_at_their_longest(line: str, tag: str) -> None:
    d = parse_dateline(line)
    assert d is not None
    assert d.tag.text == tag


def test_editor_note_signature_at_its_longest() -> None:
    from newsparse.layout.reflow import is_editor_note

    assert is_editor_note("正文。" * 30 + "——— 編者注 ）")
    assert is_editor_note("正文。——编者\n")
    assert not is_editor_note("——编者注 ）" + "正文。" * 3)


def test_a_paragraph_with_an_early_dian_is_no_dateline() -> None:
    # 电 near the start (电力, 电子) ends no short tag unless 据 opens it
    assert parse_dateline("电力公司召开大会，部署全年工作。") is None
    assert parse_dateline("锦州城东智能变电站投入使用") is None
    assert parse_dateline("本报北京10月19日电 正文").tag.text == "本报北京10月19日电"


def test_dateline_tag_past_its_reach_is_none() -> None:
    # seven Han characters before 讯, or 15 before the date: not a tag
    assert parse_dateline("甲乙丙丁戊己庚讯 正文") is None
    assert parse_dateline("甲乙丙丁戊己庚辛壬癸子丑寅卯辰12月31日电 正文") is None


def test_page_credit() -> None:
    by = parse_page_credit("本版图片由本报记者赵六摄")
    assert by is not None
    assert [(c.name, c.role.value, c.title) for c in by.credits] == [
        ("赵六", "photographer", "本报记者")
    ]
    assert parse_page_credit("本版编辑 王五") is None


def test_captions() -> None:
    c = parse_caption("不断增加在锦州固投的阳光新能源责任有限公司。本报特约记者 李铁成 摄")
    assert c.text is not None
    assert c.text.text == "不断增加在锦州固投的阳光新能源责任有限公司。"
    assert c.byline is not None
    assert [(x.name, x.title) for x in c.byline.credits] == [("李铁成", "本报特约记者")]
    c = parse_caption("车间一角 钱九 摄")
    assert c.text is not None
    assert c.text.text == "车间一角"
    c = parse_caption("东湖森林公园内,李花在枝头争相绽放。")
    assert c.byline is None
    assert is_caption_shaped("东湖森林公园内,李花在枝头争相绽放。")
    assert not is_caption_shaped("甲。乙。丙。")
    assert not is_caption_shaped("长" * 100)


def test_every_byline_marker_holds_a_mark_character() -> None:
    # _parse_items skips a line without a mark character: every title, and
    # every suffix and prefix the patterns accept, must hold one.
    import itertools

    import regex

    from newsparse.layout import bylines

    for title in bylines._TITLES:
        assert bylines._MARK_CHAR.search(title), title
    marks = (bylines._BOTH, bylines._TEXT_PICTURE, bylines._PHOTO, bylines._REPORT)
    suffix = regex.compile(f"(?:{'|'.join(marks)})")
    patterns = [(suffix, "".join(marks))]
    patterns.append((bylines._PREFIX_RE, bylines._PREFIX_RE.pattern))
    checked = 0
    for pattern, source in patterns:
        alphabet = sorted({ch for ch in source if ch.isalpha() or ch in "/／:："})
        for size in range(1, 5):
            for chars in itertools.product(alphabet, repeat=size):
                text = "".join(chars)
                if pattern.fullmatch(text):
                    checked += 1
                    assert bylines._MARK_CHAR.search(text), text
                    # _tokenize tries the suffix pattern only on a token ending like one
                    assert pattern is not suffix or text[-1] in bylines._SUFFIX_ENDS, text
    assert checked > 20


def test_titles_hold_only_what_names_hold() -> None:
    # _tokenize gives up on a token with a character no name holds: titles hold none
    from newsparse.layout import bylines

    for title in bylines._TITLES:
        assert bylines._NOT_IN_NAMES.search(title) is None, title
    assert bylines._NOT_IN_NAMES.search("南方日报·视频") is None
    assert parse_byline("数据。本报记者 崔治 摄") is None
    # a paper's desk after a middle dot is part of the title (南方日报·视频记者, 南方日报·记者)
    for title in ("南方日报·视频记者", "南方日报·记者", "江城晚报·江城网记者"):
        byline = parse_byline(f"{title} 张三")
        assert byline is not None
        assert [(c.name, c.role.value, c.title) for c in byline.credits] == [
            ("张三", "reporter", title)
        ]


@pytest.mark.parametrize(
    ("line", "text", "start", "credit"),
    [
        ("▲游客在公园赏花。", "游客在公园赏花。", 1, None),
        ("▲ 游客在公园赏花。", "游客在公园赏花。", 2, None),
        ("▼游客在公园赏花。本报记者 赵六 摄", "游客在公园赏花。", 1, "赵六"),
        ("游客在公园赏花。", "游客在公园赏花。", 0, None),
    ],
)
def test_a_caption_pointer_is_not_caption_text(
    line: str, text: str, start: int, credit: str | None
) -> None:
    c = parse_caption(line)
    assert c.text is not None
    assert (c.text.text, c.text.span.start) == (text, start)
    names = None if c.byline is None else c.byline.credits[0].name
    assert names == credit


def test_a_pointer_alone_is_no_caption() -> None:
    assert parse_caption("▲ ").text is None


def test_caption_tails_too_long_for_a_byline_are_not_parsed() -> None:
    # A long line with many sentence ends: every cut used to hand the rest of
    # the line to parse_byline (a copy each time: quadratic on a one-line page).
    # parse_caption parses exactly the tails _credit_tails gives (a seam that
    # works alike in the compiled build, where monkeypatching cannot reach).
    from newsparse.layout import bylines, captions

    line = "图片说明。" * 2000 + "■ 本报记者 赵六 摄"
    tails = list(captions._credit_tails(line, len(line)))
    assert tails  # the credit's cuts are given
    assert max(len(line) - k for k in tails) <= bylines.MAX_BYLINE + 2  # (the ■ and its blank)
    assert len(line) - 11 in tails  # the credit with its mark
    c = captions.parse_caption(line)
    assert c.byline is not None
    assert [x.name for x in c.byline.credits] == ["赵六"]
    assert c.byline_span == Span(len(line) - 11, len(line))


def test_credit_tails_skip_only_tails_too_long_for_a_byline() -> None:
    from newsparse.layout import bylines, captions

    for size in (bylines.MAX_BYLINE - 1, bylines.MAX_BYLINE, bylines.MAX_BYLINE + 1):
        line = "说明。" + "甲" * size
        want = [3] if size <= bylines.MAX_BYLINE else []
        assert list(captions._credit_tails(line, len(line))) == want


def test_lead_marks_at_reads_as_lead_marks_of_the_rest() -> None:
    for text, pos in [("正文。■ 本报记者", 3), ("abc## 标题", 3), ("甲", 0), ("甲", 1), ("甲 ", 1)]:
        got = lead_marks_at(text, pos)
        want = lead_marks(text[pos:])
        assert (got.level, got.end) == (want.level, pos + want.end)


_TITLE_PIECES = [
    "本报",
    "记者",
    "通讯员",
    "日报",
    "南方",
    "网",
    "·",
    "视频",
    "客户端",
    "张三",
    "甲",
    "实习生",
    "编辑",
    "社",
    "台",
    "特约",
    "報",
    "記者",
    "，",
]
_TITLE_TEXT = st.lists(st.sampled_from([*_TITLE_PIECES, " "]), max_size=14).map("".join)


@given(_TITLE_TEXT | st.text(alphabet="本报记者日网社台·视频甲乙丙", max_size=40))
@settings(max_examples=400, deadline=None)
def test_titles_are_the_matches_of_the_title_pattern(body: str) -> None:
    expected = [(m.start(), m.end()) for m in _TITLE_RE.finditer(body)]
    assert [(a, b) for kind, _, a, b in _split(body) if kind == "title"] == expected


def _split(body: str) -> list[tuple[str, str, int, int]]:
    """The titles and names ``_split_titles`` reads in ``body``, checked to cover it in order."""
    items: list[tuple[str, str, int, int]] = []
    _split_titles(body, 0, items)  # type: ignore[arg-type]
    assert "".join(text for _, text, _, _ in items) == body
    assert all(body[a:b] == text for _, text, a, b in items)
    return items


def test_title_after_the_longest_paper_name() -> None:
    org = "甲" * 8 + "客户端" + "·" + "乙" * 6 + "客户端"  # the longest name _ORG reads
    body = "丙" * 30 + org + "记者"
    assert [text for kind, text, _, _ in _split(body) if kind == "title"] == [org + "记者"]
    assert [m.group() for m in _TITLE_RE.finditer(body)] == [org + "记者"]
