"""Heading decisions: table tests on small pages, and the linear pass on long runs."""

from __future__ import annotations

import pytest

from newsparse.layout.headings import caption_flags, caption_like, decide_headings, next_significant
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


Titles = tuple[str | None, str | None, str | None, str | None]


def _titles(page: str) -> list[Titles]:
    from newsparse import parse_page

    def text(part: object) -> str | None:
        return None if part is None else str(getattr(part, "text", part))

    return [
        (text(a.kicker), text(a.headline), text(a.subheadline), text(a.dateline))
        for a in parse_page(page).articles
    ]


@pytest.mark.parametrize(
    ("page", "titles"),
    [
        # a unit's name set solid above the headline, the dateline left out (记者X报道：)
        (
            "某舟桥旅\n浮桥架设分秒必争\n记者周一、通讯员吴二报道：清晨，江边一片忙碌。",
            [("某舟桥旅", "浮桥架设分秒必争", None, None)],
        ),
        # a kicker with a comma first on the page, above the headline
        (
            (
                "第2版:要闻 2021-03-04\n清晨，记者在江边看到渡口如往常\n\n渡口重开 两岸相通\n\n"
                "①渡船靠岸\n\n今天清晨，渡口重新开放。"
            ),
            [("清晨，记者在江边看到渡口如往常", "渡口重开 两岸相通", None, None)],
        ),
        # the page's first line with a comma, a photo with its caption under it
        (
            "放心出游，安心回家\n\n游客在江边合影。 江城日报记者 周一摄\n\n假期将至，江城各景区做好准备。",
            [(None, "放心出游，安心回家", None, None)],
        ),
        # an agency's title after its dateline (题：)
        (
            "新华社江城3月5日电 题：春到江城——一座老城的新生\n新华社记者周一\n清晨，江边一片忙碌。",
            [(None, "春到江城——一座老城的新生", None, "新华社江城3月5日电")],
        ),
        # a web copy's page title repeats the title lines: headline and subheadline
        (
            (
                "江城新桥通车两岸往来更便捷\n\n第2版(要闻)<br/>专栏:<br/><br/>江城新桥通车<br/>"
                "两岸往来更便捷<br/>本报江城3月4日电记者周一报道:新桥今天通车。"
            ),
            [
                (None, "江城新桥通车两岸往来更便捷", None, None),
                (None, "江城新桥通车", "两岸往来更便捷", "本报江城3月4日电"),
            ],
        ),
        # without the page title, two solid lines above the dateline: kicker and headline
        (
            "江城新桥通车\n两岸往来更便捷\n本报江城3月4日电记者周一报道:新桥今天通车。",
            [("江城新桥通车", "两岸往来更便捷", None, "本报江城3月4日电")],
        ),
        # a title that ends with a word on 与 (参与)
        (
            "清扫街巷 居民共参与\n\n本报讯 今天，居民清扫街巷。",
            [(None, "清扫街巷 居民共参与", None, "本报讯")],
        ),
    ],
)
def test_title_blocks_of_other_papers(page: str, titles: list[Titles]) -> None:
    assert _titles(page) == titles


def test_comma_line_after_a_body_is_no_kicker() -> None:
    page = "本报讯 今天，江边一片忙碌。\n\n清晨，记者在江边看到渡口如往常\n\n渡口重开\n\n正文。"
    titles = _titles(page)
    assert all(kicker is None for kicker, _h, _s, _d in titles)


def test_first_comma_line_before_a_bare_credit_is_a_caption() -> None:
    # a caption with its photo credit on the next line opens a photo story, not a headline
    page = "游客在江边合影，笑容灿烂\n本报记者 周一 摄\n\n假期将至，江城各景区做好准备。"
    assert all(h != "游客在江边合影，笑容灿烂" for _k, h, _s, _d in _titles(page))


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("江城新桥通车_新闻中心_江城网", "江城新桥通车"),
        ("江城新桥通车 - 江城网", "江城新桥通车"),
        ("江城新桥通车|江城日报客户端", "江城新桥通车"),
        ("早安江城|假期开门红", "早安江城|假期开门红"),
    ],
)
def test_page_title_without_its_site(title: str, headline: str) -> None:
    from newsparse import parse_page

    page = parse_page(title + "\n\n本报讯 今天，新桥通车。")
    art = page.articles[0]
    assert art.headline is not None
    assert art.headline.text == headline
    site = [f.text for f in page.furniture]
    assert site == ([] if headline == title else [title[len(headline) :].strip()])


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


# -- the per-page vectors and the gates of the one pass ---------------------------------

CAPTION_PAGE = (
    "标题一行\n\n\n\n图为江边的早市。\n本报记者 赵六 摄\n\n"
    "本报讯 今天，江边早市开张。\n\n\n\n游人在湖边赏花，拍照留念\n\n"
    "——写在开市之际\n\n本报记者 赵六 摄"
)


def test_caption_flags_are_caption_like_line_by_line() -> None:
    lines = classify_lines(normalize(CAPTION_PAGE).lines)
    for shapes in (
        [c.shape for c in lines],
        [Shape.TEXT] * len(lines),
        [Shape.CREDIT] * len(lines),
    ):
        flags = caption_flags(lines, shapes)
        assert flags == [caption_like(c, s) for c, s in zip(lines, shapes, strict=True)]
        assert flags == [
            s in (Shape.CREDIT, Shape.CAPTION_CREDIT) or (s is Shape.TEXT and c.caption_shaped)
            for c, s in zip(lines, shapes, strict=True)
        ]
    assert any(caption_flags(lines, [c.shape for c in lines]))


def test_next_significant_with_known_flags_is_the_same() -> None:
    lines = classify_lines(normalize(CAPTION_PAGE).lines)
    shapes = [c.shape for c in lines]
    assert next_significant(lines, shapes, caption_flags(lines, shapes)) == next_significant(
        lines, shapes
    )


def test_no_character_after_the_last_space_is_whitespace() -> None:
    # page_title_run skips a line by its first character: past U+3000, never a blank
    from newsparse.layout.headings import _LAST_SPACE

    assert _LAST_SPACE.isspace()
    assert not any(chr(c).isspace() for c in range(ord(_LAST_SPACE) + 1, 0x110000))


@pytest.mark.parametrize(
    "page",
    [
        # the page title, then its lines set solid: headline and subheadline
        "江城新桥通车两岸往来更便捷\n\n第2版(要闻)\n\n江城新桥通车\n两岸往来更便捷\n本报讯 …",
        # a line led by a blank-like mark is still compared (the gate only skips what differs)
        "新桥通车\n\n新桥\n通车\n本报讯 …",
    ],
)
def test_page_title_run_finds_the_repeated_title(page: str) -> None:
    from newsparse.layout.headings import page_title_run

    run = page_title_run(classify_lines(normalize(page).lines))
    assert run is not None
    assert len(run) == 2


def test_page_title_run_is_none_without_a_repeat() -> None:
    from newsparse.layout.headings import page_title_run

    page = "江城新桥通车两岸往来更便捷\n\n第2版(要闻)\n\n江城新桥\n两岸往来\n本报讯 …"
    assert page_title_run(classify_lines(normalize(page).lines)) is None


def test_a_headline_decision_changes_only_shape_head_and_kicker() -> None:
    page = (
        "上午，记者在江边看到\n江城新桥通车了\n\n本报讯 今年以来，投资增长。\n\n"
        "天更蓝，水更清\n\n本报讯 今年以来，空气好转。"
    )
    before = classify_lines(normalize(page).lines)
    after = decide_headings(before)
    heads = [(a.number, a.kicker) for a in after if a.head]
    assert heads == [(0, True), (1, False), (3, False)]  # a kicker at the top, two headlines
    for a, b in zip(after, before, strict=True):
        if a.head:
            assert type(a) is type(b)
            assert a == b._replace(shape=Shape.HEADING, head=True, kicker=a.kicker)


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_sub_line_with_a_comma_under_its_headline_is_its_subheadline(gap: str) -> None:
    # a 副题 often holds a comma; before a dateline it was read as the headline of an article
    # of its own, leaving the headline above with no body
    page = (
        f"工业投资稳步增长{gap}——前三季度投资增长百分之六，高于全国{gap}本报讯 今年以来，投资增长。"
    )
    assert _titles(page) == [
        (None, "工业投资稳步增长", "前三季度投资增长百分之六，高于全国", "本报讯")
    ]


def test_a_sub_line_with_a_comma_after_a_paragraph_is_no_subheadline() -> None:
    # no headline above it: the dash line stays text of the article, as before
    page = "工业投资稳步增长\n\n本报讯 今年以来，投资增长。\n\n——摘自某部门的报告，有删节\n\n正文。"
    titles = _titles(page)
    assert [t[2] for t in titles] == [None]


@pytest.mark.parametrize("opening", ["日前，街道开课。", "本报讯 日前，街道开课。"])
def test_two_title_lines_set_solid_over_a_byline_are_one_title(opening: str) -> None:
    # a PDF's text of a title block printed solid: kicker and headline, the byline under them
    page = f"“银发课堂”开进社区\n老人学用手机不再犯难\n本报记者 赵甲 文\n{opening}"
    titles = _titles(page)
    assert [t[:2] for t in titles] == [("“银发课堂”开进社区", "老人学用手机不再犯难")]


def test_a_byline_under_one_title_line_changes_nothing() -> None:
    page = "老人学用手机不再犯难\n本报记者 赵甲\n日前，街道开课。"
    assert [t[:2] for t in _titles(page)] == [(None, "老人学用手机不再犯难")]
