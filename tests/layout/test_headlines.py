"""Headline lines: the per-line split and the character gates before its patterns."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as hs

from newsparse.layout import headlines
from newsparse.layout.headlines import (
    DASH,
    TITLE_FIELD_STARTS,
    headline_parts,
    headline_ranges,
    split_headline,
    title_after_dateline,
)
from newsparse.layout.marks import lead_marks

_PIECES = hs.sampled_from(
    [
        *"江城新桥通车写在签约之际",
        "——",
        "—",
        "--",
        "－",
        "–",
        " ",
        "：",
        ":",
        "特写",
        "头条",
        "## ",
        "■",
        "题",
        "題",
        "，",
    ]
)
_LINES = hs.lists(_PIECES, min_size=1, max_size=16).map("".join)


@settings(max_examples=400, deadline=None)
@given(_LINES)
def test_headline_parts_is_split_headline(line: str) -> None:
    assert headline_parts(line) == split_headline(line)


@settings(max_examples=400, deadline=None)
@given(_LINES)
def test_headline_ranges_are_the_spans_of_the_parts(line: str) -> None:
    parts = headline_parts(line)
    spans = tuple(
        None if p is None else (p.span.start, p.span.end)
        for p in (parts.kicker, parts.headline, parts.subheadline)
    )
    assert headline_ranges(line) == headline_ranges(line, lead_marks(line).end) == spans
    for p in (parts.kicker, parts.headline, parts.subheadline):
        assert p is None or (p.text == line[p.span.start : p.span.end] == p.text.strip() != "")


@settings(max_examples=400, deadline=None)
@given(_LINES)
def test_the_gates_skip_only_lines_the_patterns_cannot_match(line: str) -> None:
    # every pattern the gates skip needs what the gate looks for
    if headlines._ANY_DASH.search(line) is None or " " not in line:
        assert headlines._SUB_START.search(line) is None
        assert headlines._KICKER_BREAK.search(line) is None
    if ":" not in line and "：" not in line:
        assert headlines._TITLE_LABEL.search(line) is None
    for pos in range(len(line) + 1):
        if line[pos : pos + 1] not in headlines._DASH_CHARS:
            assert headlines._DASH_ONLY.match(line, pos) is None
        if line[pos : pos + 1] not in TITLE_FIELD_STARTS:
            assert headlines._TITLE_FIELD.match(line, pos) is None


def test_every_dash_starts_with_a_dash_character() -> None:
    for code in [*range(0x20, 0x7F), *range(0x2000, 0x2600), *range(0xFF00, 0xFF10)]:
        ch = chr(code)
        if regex.match(DASH, ch * 3):
            assert ch in headlines._DASH_CHARS
    for ch in "-－":
        assert regex.match(DASH, ch * 2)


def test_the_parts_of_dashed_lines() -> None:
    parts = headline_parts("某市推动科技发展—— 向创新型城市迈进")
    assert (parts.kicker.text, parts.headline.text) == ("某市推动科技发展", "向创新型城市迈进")
    parts = headline_parts("校地融合 共育科技企业 ——写在签约之际")
    assert (parts.headline.text, parts.subheadline.text) == (
        "校地融合 共育科技企业",
        "写在签约之际",
    )
    assert headline_parts("——写在签约之际").subheadline.text == "写在签约之际"
    assert headline_parts("江城新桥通车").headline.text == "江城新桥通车"


def test_an_agency_title_is_read_after_its_field_only() -> None:
    text = "新华社江城3月5日电 题：春到江城"
    assert title_after_dateline(text, 11) is not None
    assert title_after_dateline("新华社江城3月5日电 春到江城", 11) is None


_SHAPES = hs.lists(
    hs.sampled_from([*"江城通车的与参向、。；;,，《a1 #■●", "参与", "\u3400", "\u4dbf", "N"]),
    max_size=70,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_SHAPES)
def test_headline_shape_is_its_definition_read_char_by_char(line: str) -> None:
    # the definition of the docstring, one character at a time: the function's substring
    # tests and its Han-first shortcut must agree with it
    from newsparse.chars import OPEN_HEADLINE_ENDS
    from newsparse.layout.vocab import CLOSED_ENDINGS

    body = line[lead_marks(line).end :].strip()
    han = any("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in body)
    want = (
        0 < len(body) <= headlines.MAX_HEADLINE
        and not any(ch in headlines.HEADLINE_STOPS for ch in body)
        and (body[-1] not in OPEN_HEADLINE_ENDS or body.endswith(CLOSED_ENDINGS))
        and han
    )
    assert headlines.is_headline_shaped(line) is want
