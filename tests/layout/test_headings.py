"""Heading decisions: table tests on small pages, and the linear pass on long runs."""

from __future__ import annotations

import pytest

from newsparse.layout.headings import decide_headings, next_significant
from newsparse.layout.lines import Shape, classify_lines
from newsparse.text import normalize


def _decided(page: str) -> list[tuple[str, bool]]:
    return [(c.shape.value, c.head) for c in decide_headings(classify_lines(normalize(page).lines))]


# (page, (shape, head) of each line)
CASES = [
    # first on the page, before a dateline
    ("工业投资增长\n\n本报讯 今年以来，投资增长。", [("heading", True), ("dateline", False)]),
    # inside an article, between paragraphs: an intertitle
    (
        "工业投资增长\n\n正文，正文。\n\n小标题\n\n正文，正文。",
        [("heading", True), ("text", False), ("heading", False), ("text", False)],
    ),
    # a comma inside: a headline only before a dateline
    ("天更蓝，水更清\n\n本报讯 今年以来，空气好转。", [("heading", True), ("dateline", False)]),
    ("正文。\n\n天更蓝，水更清\n\n正文。", [("text", False), ("text", False), ("text", False)]),
    # a bare column name before a headline
    (
        "城市印象\n\n空气质量持续好转\n\n本报讯 今年以来，空气好转。",
        [("column", False), ("heading", True), ("dateline", False)],
    ),
    # after a closing byline: the next article's headline
    (
        "甲标题\n\n正文，正文。\n\n本报记者 张三\n\n乙标题\n\n正文，正文。",
        [
            ("heading", True),
            ("text", False),
            ("byline", False),
            ("heading", True),
            ("text", False),
        ],
    ),
]


@pytest.mark.parametrize(("page", "expected"), CASES)
def test_decisions(page: str, expected: list[tuple[str, bool]]) -> None:
    assert _decided(page) == expected


def test_looks_past_captions_and_credits() -> None:
    page = "工业投资增长\n\n本报记者 赵六 摄\n\n本报讯 今年以来，投资增长。"
    lines = classify_lines(normalize(page).lines)
    assert next_significant(lines, [c.shape for c in lines]) == [2, 2, None]
    assert _decided(page)[0] == ("heading", True)


def _run_page(n: int) -> str:
    # a photo-news page: unpunctuated captions with commas, each followed by its credit
    return "".join(f"游客在湖边赏花{k}，拍照留念\n\n\n本报记者 赵六 摄\n\n\n" for k in range(n))


def test_long_runs_of_captions_stay_captions() -> None:
    # every weak line looks ahead past the whole run (the next significant line
    # comes from one backward pass; tests/test_pathological.py checks the cost)
    small, large = (classify_lines(normalize(_run_page(n)).lines) for n in (50, 500))
    for lines in (small, large):
        decided = decide_headings(lines)
        assert all(not c.head for c in decided)
        assert {c.shape for c in decided} <= {Shape.TEXT, Shape.CREDIT}


POEM = (
    "山中的早晨（诗歌）\n\n"
    "钱九\n\n"
    "雾从山谷里升起\n鸟在松枝上醒来\n溪水绕过石头\n把清凉送到村口\n\n"
    "炊烟一缕一缕\n牛铃一声一声\n早起的人们啊\n走进了金色的田野\n\n"
    "本报讯 全市今天召开大会。"
)


def test_lines_of_a_poem_are_verse_and_its_poet_the_byline() -> None:
    lines = decide_headings(classify_lines(normalize(POEM).lines))
    assert [(c.shape.value, c.head) for c in lines] == [
        ("heading", True),
        ("byline", False),
        *[("verse", False)] * 8,
        ("dateline", False),
    ]


def test_short_lines_set_solid_are_not_verse() -> None:
    # a page without blank lines between its blocks: adjacency is no evidence
    solid = "新闻标题\n本报讯 今天召开大会。\n会议指出\n要抓落实\n要见成效\n要重实干\n会议要求各地认真贯彻。"
    lines = decide_headings(classify_lines(normalize(solid).lines))
    assert Shape.VERSE not in {c.shape for c in lines}
    # nor is a title block set solid above its dateline
    titles = "正文一段。\n\n引题一行\n主标题一行\n——副标题一行\n本报讯 今天召开大会。\n\n正文。"
    lines = decide_headings(classify_lines(normalize(titles).lines))
    assert Shape.VERSE not in {c.shape for c in lines}


def test_a_poem_of_short_stanzas_is_verse() -> None:
    # couplets one blank line apart: four lines in all make a poem
    page = "海边\n\n吴二\n\n山那边\n是海\n\n海那边\n是家\n\n家门口\n有灯\n\n本报讯 诗歌节今天开幕。"
    lines = decide_headings(classify_lines(normalize(page).lines))
    assert [c.shape.value for c in lines][2:8] == ["verse"] * 6
    assert (lines[0].head, lines[1].shape) == (True, Shape.BYLINE)
    # one couplet alone is no poem; nor is a title over its author line, twice
    one = "海边\n\n山那边\n是海\n\n本报讯 诗歌节今天开幕。"
    assert Shape.VERSE not in {
        c.shape for c in decide_headings(classify_lines(normalize(one).lines))
    }
    titles = "一座新桥通到了江对岸的村子\n本报记者\n\n一条旧街换上了新的石板路\n王五\n\n正文。"
    lines = decide_headings(classify_lines(normalize(titles).lines))
    assert Shape.VERSE not in {c.shape for c in lines}


@pytest.mark.parametrize("page", ["今年上\n半年", "今年上半年", "春风吹过\n细雨落下\n新芽初生"])
def test_short_input_is_no_headline_over_nothing(page: str) -> None:
    import newsparse

    lines = decide_headings(classify_lines(normalize(page).lines))
    assert {c.shape for c in lines} == {Shape.TEXT}
    assert not any(c.head for c in lines)
    parsed = newsparse.parse_page(page)
    assert all(a.headline is None for a in parsed.articles)
    assert "".join(b.text for a in parsed.articles for b in a.body) == page.replace("\n", "")


def test_a_markdown_heading_alone_stays_a_headline() -> None:
    lines = decide_headings(classify_lines(normalize("## 今年上半年").lines))
    assert lines[0].head


def test_a_poem_set_apart_on_a_solid_page_is_verse() -> None:
    # paragraphs set solid; only the poem's stanzas have blank lines around them
    page = (
        "诗会侧记\n本报讯 昨晚的诗会来了两百多人。\n朗诵者念了一首新作。\n"
        "\n风从南方来\n带着泥土的气息\n燕子落在檐下\n\n河水解冻了\n柳枝冒出新芽\n"
        "\n诗会持续了两个小时。\n散场时已是深夜。\n不少人还在讨论。\n"
    )
    lines = decide_headings(classify_lines(normalize(page).lines))
    assert [c.text for c in lines if c.shape is Shape.VERSE] == [
        "风从南方来",
        "带着泥土的气息",
        "燕子落在檐下",
        "河水解冻了",
        "柳枝冒出新芽",
    ]
