"""Unit tests of the page furniture detectors (layout/furniture.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse.layout.furniture import (
    DETECTORS,
    MAX_FURNITURE,
    editor_names,
    editors_page,
    find_furniture,
    furniture_kind,
    head_end,
    merge_editions,
    meta_start,
    opens_furniture,
    parse_edition,
)
from newsparse.model import Edition, FurnitureKind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("第 66 页", FurnitureKind.FOOTER),
        ("第12页", FurnitureKind.FOOTER),
        ("- 3 -", FurnitureKind.FOOTER),
        ("Page 3 of 12", FurnitureKind.FOOTER),
        ("A4", FurnitureKind.HEADER),
        ("2024年3月5日 星期二", FurnitureKind.HEADER),
        ("星期五 2023年12月1日", FurnitureKind.HEADER),
        ("《江畔日报》（2025年11月3日 第 06 版）", FurnitureKind.EDITION),
        ("《江畔日報》(2025年11月3日 第06版)", FurnitureKind.EDITION),
        ("第04版：要闻", FurnitureKind.EDITION),
        ("本版责编：程 远 韦一帆", FurnitureKind.EDITORS),
        ("三版责编：甲乙丙", FurnitureKind.EDITORS),
        ("责任编辑：周甲 版式设计：吴乙", FurnitureKind.EDITORS),
        ("本版邮箱：news@example.cn", FurnitureKind.EDITORS),
        ("广告", FurnitureKind.ADVERT),
        ("(廣告)", FurnitureKind.ADVERT),
        ("发布日期:", FurnitureKind.HEADER),
        ("日期: 24年05月2期", FurnitureKind.HEADER),
        ("来源: 江城晚报  点击:", FurnitureKind.HEADER),
        ("发布时间：2026-01-05 10:20", FurnitureKind.HEADER),
        ("05:城乡新貌", FurnitureKind.EDITION),
        # archive headers, web stamps, e-paper chrome
        ("第6版(经济)", FurnitureKind.EDITION),
        ("第1版()专栏:", FurnitureKind.EDITION),
        ("专栏:", FurnitureKind.HEADER),
        ("[2019-06-01]", FurnitureKind.HEADER),
        ("2021/03/04 09:15", FurnitureKind.HEADER),
        ("江城日报 数字报纸", FurnitureKind.HEADER),
        ("江城晚報 電子版", FurnitureKind.HEADER),
        ("3上一版 下一版4", FurnitureKind.HEADER),
        ("下一篇4 2021年3月4日 放大 缩小 默认", FurnitureKind.HEADER),
        ("新闻搜索:", FurnitureKind.HEADER),
        ("某某街道开展义诊活动~~~", FurnitureKind.HEADER),
        ("B2 城事 责任编辑:周甲 2021 年 3 月 4 日(星期四)", FurnitureKind.EDITORS),
        ("B2 城事 江城新闻 2021 年 3 月 4 日(星期四)", FurnitureKind.HEADER),
        ("2021年3月4日(星期四)", FurnitureKind.HEADER),
        ("http://news.example.cn 2003年10月06日12:17 江城晚报", FurnitureKind.HEADER),
        ("http://news.example.cn  2008年09月01日 07:31  江城网 | |||", FurnitureKind.HEADER),
        ("来源:江城晚报 责任编辑:周甲", FurnitureKind.EDITORS),
        ("当前位置：首页 > 新闻中心 > 本地新闻", FurnitureKind.HEADER),
        ("首頁 > 要聞", FurnitureKind.HEADER),
        ("分享到：微信 微博 QQ空间", FurnitureKind.HEADER),
        ("来源：江城网－江城日报", FurnitureKind.HEADER),
        ("2024年05月06日 08:00", FurnitureKind.HEADER),
        ("2024-05-06 HKT 08:00", FurnitureKind.HEADER),
        ("| 来源：江城日报 | 发布时间：2024-05-06", FurnitureKind.HEADER),
        ("| 来源：江城晚报 | 责任编辑：周甲", FurnitureKind.EDITORS),
    ],
)
def test_furniture_lines(line: str, kind: FurnitureKind) -> None:
    assert furniture_kind(line) is kind


@pytest.mark.parametrize(
    "line",
    [
        "第3页的内容很精彩。",
        "今年一季度，全市完成投资59.1亿元。",
        "广告业增长迅速",
        "编辑部的故事",
        "第二版",
        "2024年3月5日，全市召开大会。",
        "本报记者 张三",
        "日期：今天全市召开大会，部署春耕工作。",
        "来源于群众的智慧",
        "10:30开始",
        "作者:周一 吴二",
        "数字报纸走进千家万户",
        "放大镜下的老城",
        "2021年的计划",
        "专栏:城市笔记",
        "2024年5月6日",
        "第3版刊登了他的文章",
        "http://news.example.cn 上有一篇文章，写得很好。",
        "首页设计大赛开幕",
        "分享快乐的方法",
    ],
)
def test_not_furniture(line: str) -> None:
    assert furniture_kind(line) is None


def test_edition_parts() -> None:
    assert parse_edition("《江畔日报》（2025年11月3日 第 06 版）") == Edition(
        "江畔日报", dt.date(2025, 11, 3), "06"
    )
    assert parse_edition("第B2版：财经") == Edition(None, None, "B2")
    merged = merge_editions(
        [Edition(None, None, "06"), Edition("江畔日报", dt.date(2025, 1, 2), None)]
    )
    assert merged == Edition("江畔日报", dt.date(2025, 1, 2), "06")


def test_editor_lines() -> None:
    assert [n for n, _s, _e in editor_names("本版责编：程 远 韦一帆")] == ["程远", "韦一帆"]
    assert editors_page("本版责编：程远") == "本"
    assert editors_page("十二版责编：程远") == "12"
    assert editors_page("第3版编辑：程远") == "3"


def test_editor_line_spread_over_lines_is_one_piece() -> None:
    found = find_furniture(
        ["正文。", "本版责编：程", "远", "韦一帆", "《江畔日报》（2025年11月3日 第 06 版）"]
    )
    assert [(f.kind, f.first, f.last) for f in found] == [
        (FurnitureKind.EDITORS, 1, 3),
        (FurnitureKind.EDITION, 4, 4),
    ]


@pytest.mark.parametrize(
    ("line", "head"),
    [
        (
            "B2 城事 责任编辑:周甲 2021年3月4日(星期四) 本报讯 昨天…",
            "B2 城事 责任编辑:周甲 2021年3月4日(星期四)",
        ),
        ("[2019-06-01] 特写:江边的早市", "[2019-06-01]"),
        ("2021/03/04 09:15 记者周一／江城报导", "2021/03/04 09:15"),
        ("第2版(要闻)专栏: 江边的早市", "第2版(要闻)专栏:"),
        ("2021-03-04的早市", None),
        ("B股行情 2021年3月4日(星期四) 收盘", None),
        ("[2019-06-01]", None),
    ],
)
def test_head_end(line: str, head: str | None) -> None:
    end = head_end(line)
    assert (None if end is None else line[:end]) == head


@pytest.mark.parametrize(
    ("line", "kind", "edition"),
    [
        # running heads that name the 版, as other papers print them
        (
            "2025年3月5日 星期三 第3版 要闻",
            FurnitureKind.EDITION,
            Edition(None, dt.date(2025, 3, 5), "3"),
        ),
        (
            "第3版 2025年3月5日 星期三",
            FurnitureKind.EDITION,
            Edition(None, dt.date(2025, 3, 5), "3"),
        ),
        ("2025年3月5日 第A3版", FurnitureKind.EDITION, Edition(None, dt.date(2025, 3, 5), "A3")),
        # the section before the 版, as a PDF's wide running head prints it
        (
            "2025年3月5日 星期三 经济新闻 第3版",
            FurnitureKind.EDITION,
            Edition(None, dt.date(2025, 3, 5), "3"),
        ),
        (
            "2025年3月5日 星期三 经 济 新 闻 第03版",
            FurnitureKind.EDITION,
            Edition(None, dt.date(2025, 3, 5), "03"),
        ),
        ("江城日报 A04", FurnitureKind.EDITION, Edition("江城日报", None, "A04")),
        # the masthead alone, as a PDF's text splits a running head over lines
        ("江城日报", FurnitureKind.EDITION, Edition("江城日报", None, None)),
        ("南方都市报", FurnitureKind.EDITION, Edition("南方都市报", None, None)),
        ("江城日报 海外版", FurnitureKind.EDITION, Edition("江城日报", None, None)),
        ("江城日报 A04 要闻", FurnitureKind.EDITION, Edition("江城日报", None, "A04")),
        ("A04 国际新闻", FurnitureKind.EDITION, Edition(None, None, "A04")),
        ("2025-03-05 星期三", FurnitureKind.HEADER, Edition(None, dt.date(2025, 3, 5), None)),
        ("2025.3.5 周三", FurnitureKind.HEADER, Edition(None, dt.date(2025, 3, 5), None)),
    ],
)
def test_running_heads_of_other_papers(line: str, kind: FurnitureKind, edition: Edition) -> None:
    assert furniture_kind(line) is kind
    assert parse_edition(line) == edition


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("编辑：周甲", ["周甲"]),
        ("责编 周甲 美编 吴乙", ["周甲", "吴乙"]),
        ("本版责任编辑：周甲", ["周甲"]),
    ],
)
def test_editor_lines_of_other_papers(line: str, names: list[str]) -> None:
    assert furniture_kind(line) is FurnitureKind.EDITORS
    assert [n for n, _s, _e in editor_names(line)] == names


@pytest.mark.parametrize(
    "line",
    [
        "编辑部的故事",
        "编辑们说，稿子要改。",
        "A4纸",
        "2025.03.05",
        "2025-03-05，全市召开大会。",
        "2025年3月5日 星期三 统计局发布 第3版的数据",  # text after the 版: no running head
        "工作简报",  # a label ending in 报, no paper's suffix
        "江城日报社",
        "江城日报记者",
    ],
)
def test_text_is_no_furniture(line: str) -> None:
    assert furniture_kind(line) is None


def test_footer_between_dots() -> None:
    assert furniture_kind("·3·") is FurnitureKind.FOOTER


def detected(line: str) -> FurnitureKind | None:
    """The verdict of the detectors tried in order on a line, without the first-character gate."""
    text = line.strip()
    if not text or len(text) > MAX_FURNITURE:
        return None
    return next((kind for kind, detect, _shapes in DETECTORS if detect(text)), None)


# Pieces of furniture lines and of the text around them.
PIECES = [
    "第", "版", "页", "頁", " ", "  ", "3", "04", "１２", "A", "B2", "Page", "of", "/", "-", "—",
    "·", "•", "年", "月", "日", "2025", "星期一", "周三", "(", ")", "（", "）", "《", "》", "〈",
    "人民日报", "江城晚報", "要闻", "本版", "责编", "责任编辑", "编辑", "：", ":", "王小明", "邮箱",
    "abc@example.cn", "广告", "来源", "发布日期", "点击", "专栏", "[", "]", "【", "】", "10:20",
    "数字报纸", "电子版", "上一版", "下一版", "新闻搜索", "~~", "～～", "http://a.cn", "首页", ">",
    "分享到", "微信", "当前位置", "|", "｜", "，", "。", "今年以来", "全市", "投资", "农历", "正月初一",
    "本报讯", "报", "報",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=10).map("".join))
def test_first_character_gate_loses_no_furniture(line: str) -> None:
    assert furniture_kind(line) is detected(line)


@pytest.mark.parametrize(
    "line", ["江城日报 数字报纸", "某某街道开展义诊活动~~~", "江城日报 2024年3月5日 星期二"]
)
def test_shapes_that_open_with_any_character(line: str) -> None:
    # (a site's name, an index entry, a paper's line: told by what they hold, not their opening)
    assert not opens_furniture(line[0])
    assert furniture_kind(line) is detected(line) is not None


def test_most_text_opens_no_furniture() -> None:
    assert all(map(opens_furniture, "第本2"))
    assert not any(map(opens_furniture, "今近锦城市工业，。"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=10).map("".join))
def test_meta_start_gate_loses_no_field(line: str) -> None:
    from newsparse.layout.furniture import _BLANKS, _META_TAIL, _editors

    want = None
    if len(line) <= MAX_FURNITURE:
        for m in _BLANKS.finditer(line):
            rest = line[m.end() :]
            if _META_TAIL.fullmatch(rest) is not None or _editors(rest):
                want = m.start()
                break
    assert meta_start(line) == want


def test_a_running_head_split_over_lines_gives_one_edition() -> None:
    from newsparse import parse_page

    page = parse_page(
        "江城日报\n2025年3月5日 星期三\n第 5 版 社会\n标题\n本报讯 今年以来，投资增长。"
    )
    assert page.edition == Edition("江城日报", dt.date(2025, 3, 5), "5")
    assert [a.headline.text for a in page.articles if a.headline] == ["标题"]
