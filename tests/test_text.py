from __future__ import annotations

import itertools

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsparse.model import Span
from newsparse.text import is_blank, normalize, split_blocks


def test_line_endings_and_gaps() -> None:
    nt = normalize("甲\r\n\r\n乙\r丙\f丁\n\n\n\n戊")
    assert [line.text for line in nt.lines] == ["甲", "乙", "丙", "丁", "戊"]
    assert [line.gap for line in nt.lines] == [0, 1, 0, 0, 3]
    assert [line.page_break for line in nt.lines] == [False, False, False, True, False]


def test_offsets_map_back_to_the_input() -> None:
    text = "\ufeff  标\t题  \r\n\r\n正　文"
    nt = normalize(text)
    for i, ch in enumerate(nt.text):
        if ch not in " \n":
            assert text[nt.origin_of(i)] == ch
    assert nt.lines[0].span == Span(3, 6)


def test_letter_spacing_collapsed_but_real_gaps_kept() -> None:
    assert normalize("锦 州 市 聚 焦   科 技 创 新").text == "锦州市聚焦 科技创新"
    assert normalize("刘 佳 伟   本 报 记 者   高 华 庚").text == "刘佳伟 本报记者 高华庚"
    # two padded characters alone are not letter-spacing: the byline rule handles them
    assert normalize("刘 静 本报记者 文继红").text == "刘 静 本报记者 文继红"
    assert normalize("图 说   T U S H U O").text == "图说 TUSHUO"


def test_blank_characters() -> None:
    assert all(is_blank(ch) for ch in "\ufeff\u200b\u3000\t\n\f")
    assert not is_blank("。")
    assert normalize("\ufeff\u200b").lines == ()


def test_split_blocks_and_type_error() -> None:
    assert [b.text for b in split_blocks("a\n\nb")] == ["a", "b"]
    with pytest.raises(TypeError, match=r"^normalize\(\) argument 'text' must be str, not bytes$"):
        normalize(b"x")  # type: ignore[arg-type]


_TEXTS = st.text(alphabet=list("甲乙ab1 \t\n\r\f\u3000\ufeff\u200b。"), max_size=40)


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS, data=st.data())
def test_source_span_is_the_origin_of_both_ends(text, data):
    nt = normalize(text)
    size = len(nt.text)
    start = data.draw(st.integers(0, size))
    end = data.draw(st.integers(start, size))
    got = nt.source_span(start, end)
    if end > start:
        assert got == Span(nt.origin_of(start), nt.origin_of(end - 1) + 1)
    assert 0 <= got.start <= got.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS, data=st.data())
def test_source_spans_cut_a_range_at_its_joins_and_map_each_piece(text, data):
    import attrs

    nt = normalize(text)
    size = len(nt.text)
    joins = tuple(sorted(set(data.draw(st.lists(st.integers(1, max(size, 1)), max_size=3)))))
    nt = attrs.evolve(nt, joins=joins)
    start = data.draw(st.integers(0, size))
    end = data.draw(st.integers(start, size))
    cuts = [start, *(j for j in joins if start < j < end), end]
    want = [nt.source_span(a, b) for a, b in itertools.pairwise(cuts) if b > a]
    if joins:  # (an empty span is dropped only on a page with joins)
        want = [span for span in want if span.end > span.start]
    assert nt.source_spans(start, end) == tuple(want)


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS)
def test_offset_runs_start_only_where_the_offsets_jump(text: str) -> None:
    nt = normalize(text)
    origins = [nt.origin_of(i) for i in range(len(nt.text))]
    for i in range(1, len(origins)):
        if nt.text[i] in " \n":  # a space or a line break maps to the end of what it follows
            assert origins[i] == origins[i - 1] + 1
    starts, runs = nt.run_starts, nt.run_origins
    assert list(starts) == sorted(set(starts))
    for k in range(1, len(starts)):
        assert runs[k] != runs[k - 1] + starts[k] - starts[k - 1]  # a real jump
    jumps = sum(origins[i] != origins[i - 1] + 1 for i in range(1, len(origins)))
    assert len(starts) == (1 + jumps if origins else 0)


@settings(max_examples=500, deadline=None)
@given(piece=st.text(alphabet=list("甲乙ab1 。\u3000\t\u200b"), min_size=1, max_size=16))
@example(piece="本报记者 张三 摄")
@example(piece="锦 州 市")
@example(piece="图 说 T U")
def test_a_line_taken_whole_is_what_its_tokens_give(piece: str) -> None:
    # normalize takes most lines whole, as their input text: what reading
    # them token by token (spaces, letter-spacing) gives
    from newsparse import text as text_module

    tokens = [m.span() for m in text_module._TOKEN.finditer(piece)]
    if not tokens:
        return
    by_tokens = text_module._Builder(piece)
    by_tokens.add_line(tokens, 0, page_break=False)
    nt = normalize(piece)
    assert nt.lines == tuple(by_tokens.lines)
    assert (nt.run_starts, nt.run_origins) == (
        tuple(by_tokens.run_starts),
        tuple(by_tokens.run_origins),
    )


def test_lines_break_at_the_line_ends_of_the_rules() -> None:
    # normalize splits a page with str.splitlines: its line ends are the rules'
    from newsparse.text import _LINE_BREAKS

    for code in range(0x3100):
        ch = chr(code)
        pieces = f"甲{ch}乙".splitlines()
        assert pieces == (["甲", "乙"] if ch in _LINE_BREAKS else [f"甲{ch}乙"]), hex(code)
    assert "甲\r\n乙".splitlines() == ["甲", "乙"]
    assert all(ch not in _LINE_BREAKS for ch in "\ufeff\u200b\u3000\t\x1f")
    assert set("\u2028\u2029\x85") <= _LINE_BREAKS


def test_line_is_a_frozen_value_with_its_written_out_init() -> None:
    import attrs

    from newsparse.text import Line

    line = Line("正文", 3, Span(5, 7), 1, page_break=True)
    assert (line.text, line.start, line.span, line.gap, line.page_break, line.end) == (
        "正文",
        3,
        Span(5, 7),
        1,
        True,
        5,
    )
    assert line == Line("正文", 3, Span(5, 7), 1, page_break=True)
    assert hash(line) == hash(Line("正文", 3, Span(5, 7), 1, page_break=True))
    assert line != attrs.evolve(line, gap=0)
    assert attrs.evolve(line, gap=0).gap == 0
    assert repr(line) == (
        "Line(text='正文', start=3, span=Span(start=5, end=7), gap=1, page_break=True)"
    )
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        line.gap = 2  # type: ignore[misc]


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=list("甲乙a1 \n\r\f\t\u3000。"), max_size=40))
def test_a_plain_page_is_what_reading_it_line_by_line_gives(text: str) -> None:
    # normalize builds a page of plain lines (no blank to fold, single line
    # ends, no page break) in one pass: what the line-by-line reading gives
    from newsparse import text as text_module

    pieces = text.splitlines()
    by_lines = text_module._page(text, pieces, text_module._starts(text), set())
    nt = normalize(text)
    if "\r" not in text and "\f" not in text and nt.text == "\n".join(filter(None, pieces)):
        assert text_module._plain_page(text, pieces) == by_lines == nt


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=list("甲a \t\n\r\f\u3000"), max_size=40))
def test_a_page_break_is_a_form_feed_between_a_line_and_the_one_before(text: str) -> None:
    nt = normalize(text)
    end = 0
    for line in nt.lines:
        assert line.page_break == ("\f" in text[end : line.span.start])
        end = line.span.end
