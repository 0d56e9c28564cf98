"""parse_page() on a page written for these tests (tests/data/layout_page.txt)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsparse
from newsparse.model import BlockKind

if TYPE_CHECKING:
    from newsparse.model import Span
    from newsparse.page import Source
    from newsparse.text import NormalizedText

PAGE = (Path(__file__).parent / "data" / "layout_page.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def page() -> newsparse.Page:
    return newsparse.parse_page(PAGE)


def _credits(items: tuple[newsparse.Credit, ...]) -> list[tuple[str, str]]:
    return [(c.name, c.role.value) for c in items]


def test_articles_and_columns(page: newsparse.Page) -> None:
    heads = [a.headline.text if a.headline else None for a in page.articles]
    assert heads == [
        "向创新型城市迈进",
        "港口吞吐量再创新高",
        "校企携手 共育人才",
        "春暖花开",
        "街道整治见成效",
    ]
    cols = [a.column.name if a.column else None for a in page.articles]
    # the photo column 城市印象 covers its photo story only
    assert cols == ["城市脚步", "城市脚步", "城市脚步", "城市印象", "城市脚步"]


def test_kicker_subheadline_dateline(page: newsparse.Page) -> None:
    first, _, feature, *_ = page.articles
    assert first.kicker is not None
    assert first.kicker.text == "河港市推动科技发展"
    assert first.dateline is not None
    assert first.dateline.text == "本报讯"
    assert feature.subheadline is not None
    assert feature.subheadline.text == "写在河港大学建校六十周年之际"
    assert feature.dateline is None


def test_credits(page: newsparse.Page) -> None:
    first, second, feature, photo, _ = page.articles
    assert _credits(first.credits) == [
        ("张三", "reporter"),
        ("李四", "reporter"),
        ("孙七", "correspondent"),
        ("周八", "correspondent"),
        ("赵六", "reporter"),
    ]
    assert _credits(second.credits) == [("刘静", "correspondent"), ("赵六", "reporter")]
    assert _credits(feature.credits) == [("赵六", "reporter"), ("赵六", "photographer")]
    assert _credits(photo.credits) == [("赵六", "photographer")]
    assert _credits(page.credits) == [("赵六", "photographer")]


def test_captions_and_their_credits(page: newsparse.Page) -> None:
    first, second, feature, photo, _ = page.articles
    assert [(c.text, _credits(c.credits)) for c in first.captions] == [
        ("新区一家企业的车间一角。", [("钱九", "photographer")])
    ]
    # a separate 钱九摄 block after the caption is the caption's credit
    assert [(c.text, _credits(c.credits)) for c in second.captions] == [
        ("码头上繁忙的装卸场面。", [("钱九", "photographer")])
    ]
    assert [c.text for c in feature.captions] == ["学生在实验室里做实验。"]
    # a caption printed before a photo story's headline belongs to it
    assert [c.text for c in photo.captions] == ["公园里的樱花竞相开放。"]


def test_a_pointed_caption_between_paragraphs_is_the_articles() -> None:
    text = (
        "市民踏青赏花忙\n\n本报讯（记者王小明）连日来，东湖公园的李花竞相开放，吸引大批市民。\n"
        "▲游客在公园内赏花拍照。\n据介绍，公园还推出了夜游项目。\n"
    )
    page = newsparse.parse_page(text)
    (article,) = page.articles
    assert [c.text for c in article.captions] == ["游客在公园内赏花拍照。"]
    assert [b.text for b in article.body] == [
        "连日来，东湖公园的李花竞相开放，吸引大批市民。",
        "据介绍，公园还推出了夜游项目。",
    ]
    marks = [s for s in page.spans() if s.label == "markup"]
    assert [text[s.start : s.end] for s in marks] == ["▲"]


def test_reflow_across_a_caption(page: newsparse.Page) -> None:
    body = page.articles[0].body
    assert len(body) == 1
    assert body[0].text.endswith("营造科技创新浓厚氛围,高新技术企业达到120家。")
    assert len(body[0].spans) == 2


def test_summary_subheads_and_doubled_character(page: newsparse.Page) -> None:
    feature = page.articles[2]
    assert [s.text for s in feature.summary] == [
        "六十年来,河港大学为地方培养了大批人才。",
        "学校与企业共建实验室二十多个。",
    ]
    kinds = [(b.kind.value, b.text[:4]) for b in feature.body]
    assert kinds == [
        ("subhead", "携手攻关"),
        ("paragraph", "学校与企"),
        ("subhead", "面向未来"),
        ("paragraph", "学校将继"),
    ]
    assert "带动新增产值" in feature.body[1].text
    assert [b.text for b in page.iter_blocks(BlockKind.DOUBLED)] == ["动"]


def test_duplicates_removed(page: newsparse.Page) -> None:
    assert [(r.text, r.reason.value) for r in page.removed] == [
        ("近日,河港市完成老旧街道整治工程。", "duplicate")
    ]
    removed = page.removed[0]
    assert removed.repeats[0].slice(PAGE) == "近日,河港市完成老旧街道整治工程。"
    assert len(page.articles[-1].body) == 1


def test_to_dict_follows_the_schema(page: newsparse.Page) -> None:
    d = page.to_dict()
    assert set(d) >= {"credits", "articles", "removed", "unclassified", "quantities", "blocks"}
    art = d["articles"][0]
    for key in (
        "column",
        "kicker",
        "headline",
        "subheadline",
        "dateline",
        "credits",
        "summary",
        "body",
        "captions",
    ):
        assert key in art
    assert art["column"] == {
        "name": "城市脚步",
        "pinyin": "JIAOBU",
        "start": art["column"]["start"],
        "end": art["column"]["end"],
        "level": None,
    }
    assert d["removed"][0]["text"] == "近日,河港市完成老旧街道整治工程。"


@pytest.mark.parametrize(
    "transform",
    [
        lambda t: t.replace("\n", "\r\n"),
        lambda t: t.replace("\n", "\r"),
        lambda t: "\ufeff" + t,
        lambda t: t.replace("\n\n\n\n", "\n\f\n"),
        lambda t: t.replace("本报讯", "本報訊").replace("本报记者", "本報記者").replace("摄", "攝"),
        lambda t: t.replace(" ", "\t"),
    ],
    ids=["crlf", "cr", "bom", "formfeed", "traditional", "tabs"],
)
def test_robust_to_extraction_damage(page: newsparse.Page, transform: object) -> None:
    assert callable(transform)
    other = newsparse.parse_page(transform(PAGE))
    assert [a.headline.text if a.headline else None for a in other.articles] == [
        a.headline.text if a.headline else None for a in page.articles
    ]
    assert [len(a.credits) for a in other.articles] == [len(a.credits) for a in page.articles]
    assert [len(a.body) for a in other.articles] == [len(a.body) for a in page.articles]


def test_letter_spaced_ocr_page(page: newsparse.Page) -> None:
    spaced = "\n".join(" ".join(line) for line in PAGE.split("\n"))
    other = newsparse.parse_page(spaced)
    assert [b.text for a in other.articles for b in a.body] == [
        b.text for a in page.articles for b in a.body
    ]


def test_pages_without_structure() -> None:
    assert newsparse.parse_page("").articles == ()
    assert newsparse.parse_page("\n\n \t\n").blocks == ()
    page = newsparse.parse_page("今年以来，全市经济平稳运行。\n\n工业生产稳步增长。")
    assert len(page.articles) == 1
    assert page.articles[0].headline is None
    assert [b.text for b in page.articles[0].body] == [
        "今年以来，全市经济平稳运行。",
        "工业生产稳步增长。",
    ]
    junk = newsparse.parse_page("—— ■ 3 ——")
    assert [b.kind for b in junk.blocks] == [BlockKind.UNCLASSIFIED]
    assert junk.unclassified[0].text == "—— ■ 3 ——"


def test_markdown_level_ends_the_column() -> None:
    text = "## 城市脚步 JIAOBU\n\n### 甲项目开工\n\n本报讯 甲项目开工。\n\n# 大标题新闻\n\n本报讯 正文。"
    page = newsparse.parse_page(text)
    assert [a.column.name if a.column else None for a in page.articles] == ["城市脚步", None]


def test_summary_forms() -> None:
    for label in ("核心提示", "### 核心提示", "核心提示："):
        text = f"标题\n\n本报记者 赵六\n\n{label}\n\n要点一。\n\n\n\n图片说明。\n\n正文。"
        page = newsparse.parse_page(text)
        assert [s.text for s in page.articles[0].summary] == ["要点一。"], label
    body = "正文开始，" + "全市上下齐心协力推进各项工作，" * 6 + "取得了明显成效。"
    glued = newsparse.parse_page(f"标题\n\n本报记者 赵六\n\n核心提示：要点一。\n\n\n\n{body}")
    assert [s.text for s in glued.articles[0].summary] == ["要点一。"]
    assert [b.text for b in glued.articles[0].body] == [body]


def test_type_error() -> None:
    with pytest.raises(
        TypeError, match=r"^parse_page\(\) argument 'text' must be str, not NoneType$"
    ):
        newsparse.parse_page(None)  # type: ignore[arg-type]


def test_headline_with_a_comma_needs_a_dateline_or_opening_byline() -> None:
    text = (
        "标题新闻\n\n本报讯 记者张三报道 今年以来，全市空气质量持续改善。\n\n他表示，将继续努力\n\n"
        "刘佳伟 本报记者 高华庚\n\n天更蓝，水更清\n\n本报记者 赵六\n\n正文。"
    )
    page = newsparse.parse_page(text)
    assert [a.headline.text if a.headline else None for a in page.articles] == [
        "标题新闻",
        "天更蓝，水更清",
    ]
    assert page.articles[0].body[-1].text == "他表示，将继续努力"


def test_editor_line_above_the_first_article_is_a_page_credit() -> None:
    page = newsparse.parse_page(
        "责任编辑：王五 版式：赵六\n\n标题新闻\n\n本报讯 记者张三报道 正文。"
    )
    assert [(c.name, c.role.value) for c in page.credits] == [
        ("王五", "editor"),
        ("赵六", "editor"),
    ]
    assert [c.name for c in page.articles[0].credits] == ["张三"]


def test_pages_without_blank_lines_use_one_blank_line_as_a_photo() -> None:
    text = "标题新闻\n本报讯 记者张三报道 今年以来，全市经济运行平稳。\n\n车间一角。\n工业生产增长较快。"
    page = newsparse.parse_page(text)
    assert [c.text for c in page.articles[0].captions] == ["车间一角。"]
    assert [b.text for b in page.articles[0].body] == [
        "今年以来，全市经济运行平稳。",
        "工业生产增长较快。",
    ]


@given(
    st.lists(
        st.lists(st.tuples(st.integers(0, 30), st.integers(0, 6)), max_size=4),
        max_size=4,
    ),
    st.integers(0, 60),
    st.integers(0, 60),
)
@settings(max_examples=300, deadline=None)
def test_source_offsets_are_each_characters_normalized_offset(
    texts: list[list[tuple[int, int]]], start: int, end: int
) -> None:
    # the run-length map of an article's joined texts gives, character by
    # character, what a list of every offset gives (-1 at each separator)
    from newsparse.layout.assemble import Piece
    from newsparse.page import _ArticleText, _Out
    from newsparse.text import normalize

    nt = normalize("甲乙丙丁戊己庚辛壬癸" * 4)
    out = _Out(nt, [])
    sources = []
    expected: list[int] = []
    for pieces in texts:
        parts = [(Piece(a, min(a + n, 40)), 0) for a, n in pieces if a < 40]
        source = out.source(parts)
        offs = [k for p, _ in parts for k in range(p.start, p.end)]
        assert source.offsets() == offs
        assert source.text == "".join(nt.text[k] for k in offs)
        sources.append(source)
        if offs:
            expected += ([-1] if expected else []) + offs
    article = _ArticleText()
    for source in sources:
        article.add_source(source)
    joined = article.source()
    assert joined.offsets() == expected
    assert joined.offsets(start, end) == expected[start:end]


# The input spans the page pipeline reads from the run maps itself (_Out.input_span and
# input_bounds, _map_items) are what NormalizedText.source_span gives, on texts with
# collapsed blanks, letter-spacing, blank lines and wrapped lines joined back.
_PAGE_BITS = st.lists(
    st.sampled_from(["本报讯", "甲", "乙丙", " ", "  ", "\t", "\n", "\n\n", "3.5", "亿元", "。"]),
    max_size=30,
)


@given(_PAGE_BITS, st.integers(0, 80), st.integers(0, 80))
@settings(max_examples=300, deadline=None)
def test_input_span_is_the_source_span(bits: list[str], start: int, size: int) -> None:
    from newsparse.page import _Out
    from newsparse.text import normalize

    nt = normalize("".join(bits))
    end = min(start + size, len(nt.text))
    start = min(start, end)
    assert _Out(nt, []).input_span(start, end) == nt.source_span(start, end)


def _drawn_source(bits: list[str], data: st.DataObject) -> tuple[NormalizedText, Source, int]:
    """The unwrapped page of ``bits`` and one range of it drawn as a one-run ``Source``; its start."""
    from newsparse.layout.unwrap import unwrap
    from newsparse.page import Source
    from newsparse.text import normalize

    nt = unwrap(normalize("".join(bits))).nt
    n = len(nt.text)
    a = data.draw(st.integers(0, n))
    b = data.draw(st.integers(a, n))
    return nt, Source(nt.text[a:b], [0], [a]) if a < b else Source("", [], []), a


@given(_PAGE_BITS, st.data())
@settings(max_examples=200, deadline=None)
def test_mapped_items_keep_the_source_span(bits: list[str], data: st.DataObject) -> None:
    from newsparse.model import Dimension, Quantity, Span
    from newsparse.page import _map_items

    nt, source, a = _drawn_source(bits, data)
    items = []
    for _ in range(data.draw(st.integers(0, 4))):
        s = data.draw(st.integers(0, len(source.text)))
        e = data.draw(st.integers(s, len(source.text)))
        items.append(Quantity("x", Span(s, e), None, None, None, "", Dimension.NUMBER, None))
    moved = _map_items(nt, items, source)
    kept = [q for q in items if q.span.end > q.span.start]
    assert len(moved) == len(kept)
    for old, new in zip(kept, moved, strict=True):
        first, last = a + old.span.start, a + old.span.end
        assert new.span == nt.source_span(first, last)
        assert new.pieces in ((), nt.source_spans(first, last))
        assert (new.text, new.value, new.unit) == (old.text, old.value, old.unit)


_DATE_BITS = st.lists(
    st.sampled_from(["今年", "7月29日", "2019年", "上半年", " ", "\n", "\n\n", "召开。", "次日"]),
    max_size=20,
)


@given(_DATE_BITS, st.data())
@settings(max_examples=200, deadline=None)
def test_mapped_dates_are_the_mentions_moved(bits: list[str], data: st.DataObject) -> None:
    # the mentions _map_dates builds once from date_fields_of are the mentions
    # extract_dates_of gives, each moved to the same input span and pieces
    from newsparse.figures.dates import date_fields_of, extract_dates_of
    from newsparse.model import Span
    from newsparse.page import _map_dates, _moved

    nt, source, _ = _drawn_source(bits, data)
    _, [fields] = date_fields_of([source.text])
    _, [mentions] = extract_dates_of([source.text])
    moved = _moved(nt, [(m.span.start, m.span.end) for m in mentions], source)
    expected = [mentions[k].with_span(Span(a, b), pieces) for k, a, b, pieces in moved]
    assert _map_dates(nt, fields, source) == expected
    assert len(expected) == len([m for m in mentions if m.span.end > m.span.start])


def _spans_char_by_char(nt: NormalizedText, source: Source, offset: int) -> tuple[Span, ...]:
    """What ``_repeat_spans`` gives, read one character at a time (its first version)."""
    offs = source.offsets()
    nonblank = [k for k, ch in enumerate(source.text) if not ch.isspace()]
    if offset >= len(nonblank):
        return ()
    spans: list[Span] = []
    run_start = prev = offs[nonblank[offset]]
    for off in offs[nonblank[offset] + 1 :]:
        if off != prev + 1:
            spans.extend(nt.source_spans(run_start, prev + 1))
            run_start = off
        prev = off
    spans.extend(nt.source_spans(run_start, prev + 1))
    return tuple(spans)


@given(_PAGE_BITS, st.data())
@settings(max_examples=300, deadline=None)
def test_repeat_spans_read_by_runs_are_read_by_characters(
    bits: list[str], data: st.DataObject
) -> None:
    # the source of a paragraph joined from pieces (some contiguous, some not), and
    # every offset into its non-blank characters, past the end too
    from newsparse.layout.assemble import Piece
    from newsparse.layout.unwrap import unwrap
    from newsparse.page import Source, _Out, _repeat_spans
    from newsparse.text import normalize

    nt = unwrap(normalize("".join(bits))).nt
    n = len(nt.text)
    cuts = sorted(data.draw(st.lists(st.integers(0, n), max_size=8)))
    parts = [(Piece(a, b), 0) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]
    out = _Out(nt, [])
    source = out.source(parts) if parts else Source("", [], [])
    for offset in range(len(source.text) + 2):
        assert _repeat_spans(out, source, offset) == _spans_char_by_char(nt, source, offset)
