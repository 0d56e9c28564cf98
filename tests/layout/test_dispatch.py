"""The line dispatch: a line runs only the rules whose trigger it meets, never missing one.

Each rule of ``RULES`` declares a trigger (``TRIGGERS``), a necessary
condition; ``candidates()`` picks the rules a line runs. The first rule that
recognizes a line must be the same as when every rule is tried in order.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse.layout import bylines
from newsparse.layout.lines import RULES, TRIGGERS, Hit, Shape, candidates, classify, text_line
from newsparse.layout.marks import LEAD_CHARS, lead_marks
from newsparse.layout.summaries import LABEL_STARTS
from newsparse.model import Span
from newsparse.text import Line, normalize

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def try_all(text: str) -> Hit:
    """The verdict of the table with every rule tried in order (no dispatch)."""
    marks = lead_marks(text)
    for rule in RULES:
        hit = rule(text, marks)
        if hit is not None:
            return hit
    raise AssertionError  # pragma: no cover - the last rule always matches


def dispatched(text: str) -> Hit:
    line = Line(text, 0, Span(0, len(text)), 0, page_break=False)
    got = classify(0, line, 2)
    return Hit(got.shape, got.parse)


def check(text: str) -> None:
    want = try_all(text)
    assert dispatched(text) == want, text
    # a rule that recognizes the line is among those it runs
    marks = lead_marks(text)
    runs = candidates(text, marks)
    for rule in RULES[:-1]:
        if rule not in runs:
            assert rule(text, marks) is None, (rule.__name__, text)


# Pieces that rules look for: marks, tags, titles, labels, credits, furniture, brackets.
PIECES = [
    "本报讯", "本报记者", "记者", "通讯员", "摄", "图", "文", "报道", "新华社", "北京", "3月5日电",
    "（", "）", "(", ")", "【", "】", "[", "]", "：", ":", "，", "。", "；", "——", "—", "-", "编者",
    "编辑", "责任编辑", "本版", "第", "版", "页", "03", "A4", "2025年10月20日", "星期一", "广告",
    "核心提示", "特写", "上接", "下转", "JIAOBU", "TUSHUO", "■", "●", "◆", "#", "## ", "n", "N",
    " ", "  ", "\u3000", "\t", "张三", "李四", "城市印象", "今年以来", "全市", "投资增长", "1", "２",
    "http://a.cn", "首页", ">", "~~", "来源", "作者", "人民日报", "《", "》", "消息", "电", "息",
    "讯", "道", "報", "報導", "摄影", "编者按", "本刊", "图说", "发自", "發自", "、", "·", "！",
    "“", "”", "?", ",", "2024-05-06 09:30", "来源:", "本版图片", "本报照片", "由", "提供",
]  # fmt: skip

lines_from_pieces = st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(lines_from_pieces)
def test_dispatch_matches_trying_every_rule(text: str) -> None:
    check(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=120))
def test_dispatch_matches_on_any_text(text: str) -> None:
    check(text)


@pytest.mark.parametrize("size", [59, 60, 61, 89, 90, 91, 99, 100, 101])
def test_sizes_at_the_bounds(size: int) -> None:
    for stem in ("本报记者 张三", "第 3 页", "工业投资增长", "核心提示：", "本报讯 "):
        check((stem + "甲" * size)[:size])
        check("## " + (stem + "甲" * size)[:size])
        check((stem + "甲" * size)[:size] + "  ")


def _corpus_lines() -> list[str]:
    pages = sorted((SHARED / "corpus").glob("*.txt")) + sorted(
        (SHARED / "corpus" / "rmrb").glob("*.txt")
    )
    sample = Path(__file__).resolve().parents[1] / "data" / "layout_page.txt"
    texts = [p.read_text(encoding="utf-8") for p in [*pages, sample]]
    return [line.text for text in texts for line in normalize(text).lines]


def test_dispatch_matches_on_every_corpus_line() -> None:
    lines = _corpus_lines()
    if len(lines) < 100:  # pragma: no cover - ../shared absent
        pytest.skip("the shared corpus is not beside the repository")
    for text in lines:
        check(text)


def test_text_lines_run_no_rule() -> None:
    # a paragraph of plain text runs no detector at all (a Han character first rules out junk)
    text = "今年以来，全市完成投资，同比增长一成，带动就业三千人，新增企业两百家。" * 2
    assert candidates(text) == ()
    assert text_line("任何文字", lead_marks("")) == Hit(Shape.TEXT)


def test_a_line_with_stops_runs_no_heading_rule() -> None:
    from newsparse.layout.lines import heading, title_label

    assert heading in candidates("工业投资增长")
    assert heading not in candidates("工业投资，增长")
    assert title_label not in candidates("特写：江边，早市")
    assert TRIGGERS[heading].avoids is not None


def test_page_credit_runs_only_on_lines_naming_pictures() -> None:
    from newsparse.layout.lines import page_credit

    assert page_credit not in candidates("本报讯 今天上午，全市召开大会。")
    assert page_credit in candidates("本版图片由本报记者赵六摄")
    assert page_credit in candidates("本报照片 记者赵六")


def test_junk_runs_only_on_lines_opening_without_a_han_character() -> None:
    from newsparse.layout.lines import junk

    assert junk not in candidates("正文")
    assert junk in candidates("— 3 —")
    assert TRIGGERS[junk].han_first is False


@pytest.mark.parametrize(
    "text",
    [
        "本报记者 张三 发自北京，",
        "记者 张三 發自台北。",
        "本报记者 张三，李四",
        "2024-05-06 09:30 记者张三／台北報導",
        "作者:张三。",
        "记者张三、李四“报道”",
    ],
)
def test_bylines_with_sentence_punctuation(text: str) -> None:
    # the byline rule skips a line with sentence punctuation unless a place it was filed from
    # (发自…) may hold it: the verdict is the same as trying every rule
    check(text)


def test_every_rule_but_the_last_declares_a_trigger_or_runs_always() -> None:
    assert RULES[-1] is text_line
    assert text_line not in TRIGGERS
    assert set(TRIGGERS) <= set(RULES)


def test_first_character_triggers_are_no_marks() -> None:
    # a rule needing a character right after the marks: it is no mark itself (or a blank)
    for rule, trigger in TRIGGERS.items():
        if trigger.first is not None:
            assert not (set(trigger.first) & (LEAD_CHARS - {" "})), rule.__name__
    assert not set(LABEL_STARTS) & LEAD_CHARS


def test_byline_trigger_holds_every_mark_character_of_bylines() -> None:
    from newsparse.layout.lines import byline

    marks = re.findall(r"[^\[\]]", bylines._MARK_CHAR.pattern)
    chars = TRIGGERS[byline].chars
    assert chars is not None
    assert set(marks) <= set(chars)


def test_a_line_is_searched_only_for_what_rules_of_its_size_read() -> None:
    # a paragraph longer than every size limit is not searched for the digits of
    # furniture or the titles of bylines, and the stops a heading avoids are looked
    # for only where a rule avoiding them can run: the verdicts stay those of every rule
    from newsparse.layout.lines import _LONG, _NEEDED_OF, byline, furniture

    long_line = _NEEDED_OF[_LONG]
    assert long_line.search("2025年10月20日 记者") is None
    assert TRIGGERS[furniture].size is not None
    assert TRIGGERS[byline].size is not None
    paragraph = "本报讯 记者张三报道 2025年10月20日，全市完成投资59.1亿元，同比增长。" * 3
    for text in (paragraph, "特写：" + paragraph, "第 3 版 " + paragraph, paragraph[:58]):
        check(text)
