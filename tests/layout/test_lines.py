"""The line rule table: one row per shape, the first rule that matches wins."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse.layout.captions import CAPTION_POINTERS
from newsparse.layout.headlines import labelled_title, split_headline, title_after_dateline
from newsparse.layout.lines import (
    RULES,
    Shape,
    classify,
    classify_lines,
    opens_with_report,
    photo_gap_of,
)
from newsparse.layout.marks import LEAD_CHARS
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


def test_a_caption_pointer_makes_a_line_caption_shaped_without_a_photo_gap() -> None:
    page = "甲乙，丙丁。\n▲游人在海边嬉戏。\n乙丙，丁戊。"
    lines = classify_lines(normalize(page).lines)
    assert [c.caption_shaped for c in lines] == [False, True, False]
    assert lines[1].caption is not None
    assert lines[1].caption.text is not None
    assert lines[1].caption.text.text == "游人在海边嬉戏。"


def test_a_run_of_pointer_lines_is_a_list_not_captions() -> None:
    page = "甲乙，丙丁。\n▲坚持问题导向。\n△坚持系统观念。\n▲坚持守正创新。\n乙丙，丁戊。"
    lines = classify_lines(normalize(page).lines)
    assert not any(c.caption_shaped for c in lines)
    assert all(c.caption is None for c in lines)


def test_a_photo_gap_keeps_a_pointer_line_of_a_run_caption_shaped() -> None:
    page = "甲乙，丙丁。\n\n\n\n▲游人在海边嬉戏。\n▲坚持系统观念。"
    lines = classify_lines(normalize(page).lines)
    assert [c.caption_shaped for c in lines] == [False, True, False]


@pytest.mark.parametrize("pointer", list(CAPTION_POINTERS))
def test_every_caption_pointer_is_a_lead_mark(pointer: str) -> None:
    # _classified asks about a pointer only for a line opening with a lead mark
    assert pointer in LEAD_CHARS
    lines = classify_lines(normalize(f"甲乙，丙丁。\n{pointer}游人在海边嬉戏。").lines)
    assert lines[1].caption_shaped


def test_other_bullets_are_not_caption_pointers() -> None:
    lines = classify_lines(normalize("甲乙，丙丁。\n■游人在海边嬉戏。").lines)
    assert not lines[1].caption_shaped


def test_dash_marks() -> None:
    kicker, sub = classify_lines(normalize("某市推动科技发展——\n\n——写在签约之际").lines)
    assert kicker.dash_end == len("某市推动科技发展")
    assert not kicker.dash_start
    assert sub.sub_line


@pytest.mark.parametrize(
    ("line", "kicker", "headline"),
    [
        ("特写：江边的早市 灯火通明", "特写", "江边的早市 灯火通明"),
        ("頭條:記者眼中的老城", "頭條", "記者眼中的老城"),
        ("专访 : 一位老船长", "专访", "一位老船长"),
    ],
)
def test_title_labels(line: str, kicker: str, headline: str) -> None:
    lines = classify_lines(normalize(line).lines)
    assert lines[0].shape is Shape.HEADING
    parts = split_headline(line)
    assert parts.kicker is not None
    assert parts.headline is not None
    assert (parts.kicker.text, parts.headline.text) == (kicker, headline)


@pytest.mark.parametrize("line", ["记者：张三", "特写", "观察员：李四说，今天开会。"])
def test_not_title_labels(line: str) -> None:
    assert not labelled_title(line)


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("周一、记者吴二报道：清晨，江边一片忙碌。", True),
        ("记者周一、通讯员吴二报道:清晨，江边一片忙碌。", True),
        ("多家媒体报道：清晨，江边一片忙碌。", False),
        ("清晨，记者报道：江边一片忙碌。", False),
    ],
)
def test_opens_with_report(text: str, opens: bool) -> None:
    assert opens_with_report(text) is opens


@pytest.mark.parametrize(
    ("text", "pos", "title"),
    [
        ("新华社江城3月5日电 题：春到江城——一座老城的新生", 11, "春到江城——一座老城的新生"),
        ("新華社江城3月5日電 題:春到江城", 11, "春到江城"),
        ("新华社江城3月5日电 题：春天来了，江城的花开了。", 11, None),
        ("新华社江城3月5日电 题记里写着春天", 11, None),
    ],
)
def test_title_after_dateline(text: str, pos: int, title: str | None) -> None:
    found = title_after_dateline(text, pos)
    assert (None if found is None else text[found[1].start : found[1].end]) == title


@pytest.mark.parametrize(
    ("line", "tag"),
    [
        ("新华社江城十二月三十一日电 今天，新桥通车。", "新华社江城十二月三十一日电"),
        ("本报江城 3月5日电 今天，新桥通车。", "本报江城 3月5日电"),
        ("本报布宜诺斯艾利斯1月28日电记者周一报道:今天，新桥通车。", "本报布宜诺斯艾利斯1月28日电"),
        ("新华社江城电（记者 周一）今天，新桥通车。", "新华社江城电"),
        ("本報江城電 今日，新橋通車。", "本報江城電"),
        ("本报综合消息 今天，新桥通车。", "本报综合消息"),
        ("【本報消息】今日，新橋通車。", "【本報消息】"),
        ("【江城时报综合报道】今天，新桥通车。", "【江城时报综合报道】"),
    ],
)
def test_dateline_forms(line: str, tag: str) -> None:
    cl = classify_lines(normalize(line).lines)[0]
    assert cl.shape is Shape.DATELINE
    assert cl.dateline is not None
    assert cl.dateline.tag.text == normalize(tag).lines[0].text


def test_an_unbracketed_report_is_no_dateline() -> None:
    cl = classify_lines(normalize("记者周一报道 今天，新桥通车。").lines)[0]
    assert cl.shape is not Shape.DATELINE


def test_classified_lines_are_whole_tuples() -> None:
    # classify makes its tuple in C: every field is there, the decisions of headings at their defaults
    from newsparse.layout.lines import ClassifiedLine
    from newsparse.text import normalize

    for got in classify_lines(
        normalize("城市脚步 JIAOBU\n\n本报讯 今年以来，投资增长。\n\n记者 张三").lines
    ):
        assert len(got) == len(ClassifiedLine._fields)
        assert got == ClassifiedLine(*got[:10])
        assert (got.head, got.kicker, got.sub) == (False, False, False)


def test_the_rules_call_the_parsers_themselves() -> None:
    # (the parsers without their entry points' argument check: the same functions underneath)
    from newsparse.layout import bylines, lines

    assert lines._parse_dateline("本报讯 今天") == bylines.parse_dateline("本报讯 今天")
    assert lines._parse_byline is not bylines.parse_byline
    assert lines._parse_byline("记者 张三") == bylines.parse_byline("记者 张三")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("天更蓝水清。；;，,、：:的和与及 \n甲"), max_size=53))
def test_weak_heading_by_str_tests_is_the_pattern(text: str) -> None:
    from newsparse.layout.lines import _WEAK_HEADING, _weak_heading

    assert _weak_heading(text) is (_WEAK_HEADING.fullmatch(text) is not None)
