"""Figures and dates printed in pieces: the spans of ``Quantity.pieces`` and ``DateMention.pieces``.

A figure read on the joined text (wrapped lines joined back, a paragraph
joined across a footer or a doubled character) keeps ``span`` as its outer
extent and gets one span per piece, covering its own characters only.
"""

from __future__ import annotations

import hypothesis.strategies as st
import jsonschema
from hypothesis import HealthCheck, given, settings

import newsparse
from newsparse.model import DateMention, Page, Quantity, Span
from newsparse.page import figure_pieces
from newsparse.schema import page_schema
from newsparse.text import is_blank, normalize

HEAD = "工业经济稳中有进\n\n"


def _figures(page: Page) -> list[Quantity | DateMention]:
    return [f for a in page.articles for f in (*a.quantities, *a.dates)]


def _find(page: Page, text: str) -> Quantity | DateMention:
    found = [f for f in _figures(page) if f.text == text]
    assert len(found) == 1, [f.text for f in _figures(page)]
    return found[0]


def _texts(page: Page, spans: tuple[Span, ...]) -> list[str]:
    return [page.text[s.start : s.end] for s in spans]


def _wrap(text: str, width: int) -> str:
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


BODY = (
    "　　本报讯 全市规模以上工业增加值累计完成3.86亿元，同比增长5%，今年上半年新增企业"
    "一百二十家，各项指标好于预期，带动就业人数稳步上升，全年目标有望完成。"
)


def test_a_figure_cut_by_a_wrapped_line_has_its_two_pieces() -> None:
    text = (
        HEAD
        + "　　本报讯 全市规模以上工业增加值累计完成3.8\n6亿元，同比增长5%，全市新增企业\n一百二十家，各项指标好于预期，带动\n就业人数稳步上升。\n"
    )
    page = newsparse.parse_page(text)
    q = _find(page, "3.86亿元")
    assert _texts(page, q.pieces) == ["3.8", "6亿元"]
    assert q.span == Span(q.pieces[0].start, q.pieces[-1].end)
    assert q.value == newsparse.parse_page(HEAD + BODY).articles[0].quantities[0].value


def test_a_figure_across_a_page_number_line_skips_the_footer() -> None:
    text = HEAD + "　　本报讯 全市规模以上工业增加值累计完成3.86亿\n\n第2版\n\n元，同比增长5%。\n"
    page = newsparse.parse_page(text)
    q = _find(page, "3.86亿元")
    assert _texts(page, q.pieces) == ["3.86亿", "元"]
    # the outer span still reaches over the footer, the pieces do not
    footer = next(f for f in page.furniture if f.text == "第2版")
    assert q.span.overlaps(footer.spans[0])
    assert not any(p.overlaps(footer.spans[0]) for p in q.pieces)


def test_a_figure_across_a_doubled_character_skips_the_reprint() -> None:
    text = HEAD + "　　本报讯 全市规模以上工业增加值累计完成3.86亿\n\n- 2 -\n\n亿元，同比增长5%。\n"
    page = newsparse.parse_page(text)
    q = _find(page, "3.86亿元")
    assert _texts(page, q.pieces) == ["3.86亿", "元"]
    doubled = [b for b in page.blocks if b.kind is newsparse.BlockKind.DOUBLED]
    assert [b.text for b in doubled] == ["亿"]
    assert not any(p.overlaps(doubled[0].spans[0]) for p in q.pieces)


def test_a_wrapped_half_year_is_one_date_and_no_duration() -> None:
    """``上\\n半年`` is read on the joined line: the date ``上半年``, never a ``半年`` quantity."""
    # a width that cuts the body right after 上
    width = next(w for w in range(16, 40) if (BODY.index("上半年") + 1) % w == 0)
    for text in (
        HEAD
        + "　　本报讯 全市经济在今年的上\n半年保持平稳增长态势，各项指标\n好于预期，新增企业一百二十家。\n",
        HEAD + _wrap(BODY, width) + "\n",
    ):
        assert "上\n半年" in text
        page = newsparse.parse_page(text)
        dates = [d for d in _figures(page) if isinstance(d, DateMention)]
        assert [d.precision for d in dates if "半年" in d.text] == [
            newsparse.DatePrecision.HALF_YEAR
        ]
        assert not [q for q in _figures(page) if isinstance(q, Quantity) and "半年" in q.text]


def test_a_figure_in_one_piece_has_no_pieces_and_no_key() -> None:
    page = newsparse.parse_page(HEAD + BODY)
    assert _figures(page)
    for f in _figures(page):
        assert f.pieces == ()
        assert "pieces" not in f.to_dict()
        assert page.text[f.span.start : f.span.end] == f.text


def test_pieces_round_trip_validate_and_label_piece_by_piece() -> None:
    text = HEAD + _wrap(BODY, 12) + "\n"
    page = newsparse.parse_page(text)
    cut = [f for f in _figures(page) if f.pieces]
    assert cut
    assert Page.from_json(page.to_json()) == page
    jsonschema.validate(page.to_dict(), page_schema())
    labels = {(s.start, s.end) for s in page.spans() if s.label in ("quantity", "date")}
    for f in cut:
        assert f.to_dict()["pieces"] == [p.to_list() for p in f.pieces]
        assert {(p.start, p.end) for p in f.pieces} <= labels
        assert (f.span.start, f.span.end) not in labels


def test_figure_pieces_splits_at_gaps_and_at_joins() -> None:
    nt = normalize("甲乙\n丙丁")
    assert figure_pieces(nt, [0, 1, 3, 4]) == (Span(0, 2), Span(3, 5))
    assert figure_pieces(nt, [1]) == (Span(1, 2),)


def test_a_run_of_consecutive_characters_has_the_pieces_of_its_source_lines() -> None:
    # page._map_items reads the pieces of a figure inside one run as the source
    # spans of its range: what figure_pieces gives for the same consecutive offsets
    from newsparse.layout.unwrap import unwrap

    body = "今年全市完成投资59.1亿元，同比增长16.8%，高于全省平均水平。" * 4
    for width in (12, 17, 23):
        nt = unwrap(normalize(HEAD + _wrap("　　本报讯 " + body, width) + "\n")).nt
        assert nt.joins, width
        for first in range(0, len(nt.text), 3):
            for last in range(first + 1, min(first + 30, len(nt.text)) + 1):
                offs = list(range(first, last))
                assert nt.source_spans(first, last) == figure_pieces(nt, offs)


# ------------------------------------------------------------- property: wrapped pages

_PHRASES = [
    "3.86亿元",
    "16.8%",
    "24.8个百分点",
    "三分之一",
    "7月29日",
    "今年上半年",
    "一季度",
    "2019年至2021年",
    "1.3万余件",
    "500万元至10亿元",
    "每吨500元",
    "近60年",
    "一百二十家",
    "全市经济",
    "同比增长",
    "，",
    "。",
    "新增企业",
    "本报记者",
]
_FOOTERS = ["第2版", "- 3 -", ""]

_sentences = st.lists(st.sampled_from(_PHRASES), min_size=4, max_size=30).map("".join)


def _page_of(body: str, width: int, footer_at: int, footer: str, doubled: bool) -> str:
    lines = _wrap("　　本报讯 " + body, width).split("\n")
    if footer and 0 < footer_at < len(lines):
        # a paragraph cut by a page-number line, optionally reprinting the last character
        tail = lines[footer_at - 1][-1:] if doubled else ""
        lines = [
            *lines[:footer_at],
            "",
            footer,
            "",
            tail + lines[footer_at],
            *lines[footer_at + 1 :],
        ]
    return HEAD + "\n".join(lines) + "\n"


def _visible(text: str) -> str:
    return "".join(ch for ch in text if not is_blank(ch))


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    _sentences,
    st.integers(min_value=6, max_value=40),
    st.integers(min_value=0, max_value=8),
    st.sampled_from(_FOOTERS),
    st.booleans(),
)
def test_pieces_are_inside_disjoint_ordered_and_spell_the_figure(
    body: str, width: int, footer_at: int, footer: str, doubled: bool
) -> None:
    text = _page_of(body, width, footer_at, footer, doubled)
    page = newsparse.parse_page(text)
    for f in _figures(page):
        if not f.pieces:
            # printed in one piece: its span is its text
            assert _visible(text[f.span.start : f.span.end]) == _visible(f.text), f
            continue
        assert len(f.pieces) >= 2
        assert f.span == Span(f.pieces[0].start, f.pieces[-1].end)
        for p in f.pieces:
            assert 0 <= p.start < p.end <= len(text)
        for a, b in zip(f.pieces, f.pieces[1:], strict=False):
            assert a.end < b.start, f.pieces
        # the pieces spell the figure: nothing but line breaks, a footer or a
        # reprinted character lies between them
        assert _visible("".join(text[p.start : p.end] for p in f.pieces)) == _visible(f.text)
