"""Unit tests of the glued-line cuts (layout/glued.py) and their effect on a page."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse import parse_page
from newsparse.layout.glued import split_glued
from newsparse.model import BlockKind
from newsparse.text import normalize


def _lines(text: str) -> list[str]:
    return [line.text for line in split_glued(normalize(text)).nt.lines]


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        # HTML line breaks left in a web copy
        (
            "第3版(经济)<br/>专栏:<br/><br/>  湖港新航线开通<br/> 本报讯 昨天，新航线开通。",
            ["第3版(经济)", "专栏:", "湖港新航线开通", "本报讯 昨天，新航线开通。"],
        ),
        ("乡村书屋开门迎客<BR>本报讯 书屋开门。", ["乡村书屋开门迎客", "本报讯 书屋开门。"]),
        # a title run into its dateline: a paper's 讯, an agency's 电, in brackets
        (
            "湖港新航线开通 江城日报讯(记者 周一 吴二)昨天上午，新航线开通。",
            ["湖港新航线开通", "江城日报讯(记者 周一 吴二)昨天上午，新航线开通。"],
        ),
        (
            "湖港新航線開通 江城晚報訊 昨天上午,新航線開通。",
            ["湖港新航線開通", "江城晚報訊 昨天上午,新航線開通。"],
        ),
        (
            "新航线开通 货运更便捷 【新华社江城五日电】五日，新航线开通。",
            ["新航线开通 货运更便捷", "【新华社江城五日电】五日，新航线开通。"],
        ),
        # furniture run into the next line: a running head, a posting date, an archive header
        (
            "B2 城事 责任编辑:周甲 2021 年 3 月 4 日(星期四) 本报讯 昨天，新航线开通。",
            ["B2 城事 责任编辑:周甲 2021 年 3 月 4 日(星期四)", "本报讯 昨天，新航线开通。"],
        ),
        ("[2019-06-01] 特写:江边的早市", ["[2019-06-01]", "特写:江边的早市"]),
        ("2021/03/04 09:15 记者周一／江城报导", ["2021/03/04 09:15", "记者周一／江城报导"]),
        (
            "第2版()专栏: 新航线开通 【新华社江城五日电】五日，新航线开通。",
            ["第2版()专栏:", "新航线开通", "【新华社江城五日电】五日，新航线开通。"],
        ),
        # an archive's line, its breaks turned to blanks: header, kicker, headline, sub, text
        (
            "第2版()专栏: 去年全年 新航线运货百万吨 货运更便捷 【新华社江城五日电】五日，…",
            [
                "第2版()专栏:",
                "去年全年",
                "新航线运货百万吨",
                "货运更便捷",
                "【新华社江城五日电】五日，…",
            ],
        ),
        # a title with the web copy's metadata after it
        ("江边早市开张 来源：江城网 2021-03-04", ["江边早市开张", "来源：江城网 2021-03-04"]),
        ("江边早市开张 来源:江城网 责任编辑:周甲", ["江边早市开张", "来源:江城网 责任编辑:周甲"]),
        # a title with a comma inside, run into its dateline
        (
            "航线开通，货运便捷 江城日报讯 昨天上午，新航线开通。",
            ["航线开通，货运便捷", "江城日报讯 昨天上午，新航线开通。"],
        ),
    ],
)
def test_cuts(text: str, lines: list[str]) -> None:
    # (normalization glues letter-spaced runs: compare with the lines as normalized)
    assert _lines(text) == [normalize(line).lines[0].text for line in lines]


@pytest.mark.parametrize(
    "text",
    [
        "今天上午，江城召开大会。",
        "本报讯 今天上午，江城召开大会。",
        # a weak tag after a title may be its last word; a sentence is no title
        "大家都来看资讯 今天上午开会",
        "今天上午，江城召开大会。 本报讯 今天上午。",
        "今天上午，江城召开大会的 本报讯 今天上午。",
        "今天上午，江城召开大会 时间过得真快",
        # a title longer than any title
        "甲" * 70 + " 本报讯 今天上午，江城召开大会。",
        # the whole line is furniture
        "第01版 城市新闻",
        "a<b>c 江城日报讯 今天上午，江城召开大会。",
    ],
)
def test_no_cut(text: str) -> None:
    assert _lines(text) == [normalize(text).lines[0].text]


def test_page_is_lossless_and_reads_the_title() -> None:
    text = "湖港新航线开通 江城日报讯(记者 周一)昨天上午，新航线开通。<br/>货运更便捷。"
    page = parse_page(text)
    art = page.articles[0]
    assert art.headline is not None
    assert art.headline.text == "湖港新航线开通"
    assert art.dateline is not None
    assert art.dateline.text == "江城日报讯"
    markup = [b.text for b in page.blocks if b.kind is BlockKind.MARKUP]
    assert markup == ["<br/>"]
    covered = sorted(
        k for b in page.blocks for s in b.spans for k in range(s.start, s.end) if text[k] != " "
    )
    assert covered == [k for k, ch in enumerate(text) if not ch.isspace()]


def test_cut_lines_keep_their_input_spans() -> None:
    text = "标题一行\n\n乡村书屋开门迎客 江城日报讯 书屋开门。"
    nt = split_glued(normalize(text)).nt
    for line in nt.lines:
        assert text[line.span.start : line.span.end] == line.text
    assert [line.gap for line in nt.lines] == [0, 1, 0]


# Pieces of glued lines and of plain text.
GLUED_PIECES = [
    " ", "  ", "<br/>", "<p>", "第1版()专栏:", "[2020-05-06]", "A3 要闻 2020年5月6日(星期三)",
    "本报讯", "江城日报讯", "【新华社江城五日电】", "新华社江城电", "(记者甲乙)", "来源：江城网",
    "2021-03-04", "责任编辑:周甲", "江边早市开张", "灯火通明", "，", "。", "今天上午", "早市开张",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(GLUED_PIECES), min_size=1, max_size=8).map("".join))
def test_lines_without_a_blank_or_tag_are_never_cut(text: str) -> None:
    from newsparse.layout.glued import SPLITS

    nt = normalize(text)
    lines = [*split_glued(nt).nt.lines, *nt.lines]
    for line in lines:  # (the stage skips such lines: no rule may cut them)
        if " " not in line.text and "<" not in line.text:
            assert not any(cut_at(line.text) for _needed, cut_at in SPLITS)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(GLUED_PIECES), min_size=1, max_size=8).map("".join))
def test_a_rule_cuts_only_lines_that_hold_its_character(text: str) -> None:
    # (``_pieces`` asks a rule only about a line holding the character of its row)
    from newsparse.layout.glued import SPLITS

    for needed, cut_at in SPLITS:
        assert needed in text or not cut_at(text)
        assert needed in text[1:] or not cut_at(text[1:])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(GLUED_PIECES), min_size=1, max_size=8).map("".join))
def test_title_dateline_asks_the_whole_line_last(text: str) -> None:
    # the cut is the same as when the whole line is asked first whether it is a dateline
    from newsparse.layout.bylines import parse_dateline
    from newsparse.layout.glued import title_dateline

    cuts = title_dateline(text)
    if parse_dateline(text) is not None:
        assert cuts == []


def test_furniture_run_into_a_line_opens_as_its_shapes_do() -> None:
    # a page code (A3, Ａ３), a date, a bracket or 第 first: the characters of the
    # class the head's shapes open with, over the whole basic plane
    import regex

    from newsparse.layout import glued

    opening = regex.compile(r"[A-Z\uff21-\uff3a0-9\[【(（第]")
    assert {chr(c) for c in range(0x10000) if opening.match(chr(c))} == glued._HEAD_START
    assert [(c.start, c.end) for c in glued.furniture_head("[2020-05-06] 特写:江边")] == [(12, 13)]
    assert glued.furniture_head("江边 2020-05-06 特写") == []  # (a Han character first, not 第)
