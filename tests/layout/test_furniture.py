"""Unit tests of the page furniture detectors (layout/furniture.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsparse.layout.furniture import (
    editor_names,
    editors_page,
    find_furniture,
    furniture_kind,
    merge_editions,
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
        ("江城日报 A04", FurnitureKind.EDITION, Edition("江城日报", None, "A04")),
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
    ["编辑部的故事", "编辑们说，稿子要改。", "A4纸", "2025.03.05", "2025-03-05，全市召开大会。"],
)
def test_text_is_no_furniture(line: str) -> None:
    assert furniture_kind(line) is None


def test_footer_between_dots() -> None:
    assert furniture_kind("·3·") is FurnitureKind.FOOTER
