"""The line rule table: one row per shape, the first rule that matches wins."""

from __future__ import annotations

import pytest

from newsparse.layout.lines import RULES, Shape, classify, classify_lines, photo_gap_of
from newsparse.text import normalize

# (line, shape it gets on its own)
CASES = [
    ("— — —", Shape.JUNK),
    ("— 3 —", Shape.FURNITURE),
    ("第 66 页", Shape.FURNITURE),
    ("《江畔日报》（2025年11月3日 第 06 版）", Shape.FURNITURE),
    ("本版责编：程远", Shape.FURNITURE),
    ("（下转第三版）", Shape.JUMP),
    ("(上接第1版)", Shape.JUMP),
    ("上接A1版", Shape.JUMP),
    ("■ （紧接第２版）", Shape.JUMP),
    ("本版图片由本报记者赵六摄", Shape.PAGE_CREDIT),
    ("城市脚步 JIAOBU", Shape.COLUMN),
    ("## 图说 TUSHUO", Shape.COLUMN),
    ("### 核心提示", Shape.LABEL),
    ("核心提示：今年全市投资增长。", Shape.LABEL),
    ("● 全年新增绿地12公顷", Shape.LABEL),  # a point of a key-points box
    ("◆沿江步道全线贯通。", Shape.LABEL),
    ("本报讯 记者张三报道 近日，我市召开大会。", Shape.DATELINE),
    ("李四 本报记者 张三", Shape.BYLINE),
    ("2023-08-09 07:15:02 来源: 江城网 作者: 张三", Shape.BYLINE),  # a web copy's metadata
    ("本报记者 赵六 摄", Shape.CREDIT),
    ("车间一角。本报记者 钱九 摄", Shape.CAPTION_CREDIT),
    # a caption, its credit and the next article's dateline, run together
    ("车间一角。本报记者钱九摄本报讯（记者钱九）厂里新上了一条生产线。", Shape.CAPTION_CREDIT),
    ("工业投资增长16.8%", Shape.HEADING),
    ("——写在签约之际", Shape.HEADING),
    ("（本文有删节）——编者", Shape.TEXT),  # an editor's note is never an intertitle
    ("本版今起推出系列报道，敬请关注。——編者", Shape.TEXT),
    ("今年以来，全市完成投资59.1亿元。", Shape.TEXT),
]


@pytest.mark.parametrize(("text", "shape"), CASES)
def test_rule_table(text: str, shape: Shape) -> None:
    line = normalize(text).lines[0]
    assert classify(0, line, 2).shape is shape


def test_first_rule_wins_and_the_last_always_matches() -> None:
    # a page credit is also a byline-shaped line: the earlier rule takes it
    line = normalize("本版图片由本报记者赵六摄").lines[0]
    assert classify(0, line, 2).shape is Shape.PAGE_CREDIT
    assert RULES[-1]("任何文字", classify(0, line, 2).marks) is not None


def test_each_line_carries_its_parse() -> None:
    lines = classify_lines(
        normalize("本报讯 近日，我市召开大会。\n\n李四 本报记者 张三\n\n城市印象").lines
    )
    assert lines[0].dateline is not None
    assert lines[0].dateline.tag.text == "本报讯"
    assert lines[1].byline is not None
    assert [c.name for c in lines[1].byline.credits] == ["李四", "张三"]
    # a bare column name is a heading that carries the column it may be
    assert lines[2].shape is Shape.HEADING
    assert lines[2].column is not None
    assert lines[2].column.name == "城市印象"


def test_caption_parse_and_shape_after_a_photo_gap() -> None:
    page = "甲乙。\n\n乙丙。\n\n丙丁。\n\n\n\n游人在海边嬉戏。"
    lines = classify_lines(normalize(page).lines)
    assert photo_gap_of(normalize(page).lines) == 2
    last = lines[-1]
    assert last.caption_shaped
    assert last.caption is not None
    assert last.caption.text is not None
    assert last.caption.text.text == "游人在海边嬉戏。"
    assert not lines[1].caption_shaped


def test_dash_marks() -> None:
    kicker, sub = classify_lines(normalize("某市推动科技发展——\n\n——写在签约之际").lines)
    assert kicker.dash_end == len("某市推动科技发展")
    assert not kicker.dash_start
    assert sub.sub_line
