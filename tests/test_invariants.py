"""Property tests for the four invariants of DESIGN.md."""

from __future__ import annotations

import hypothesis.strategies as st
from hypothesis import HealthCheck, given, settings

import newsparse
from newsparse.model import Block, BlockKind
from newsparse.text import is_blank, normalize

# Text made of the pieces newspaper pages are made of, so that the generator
# reaches the layout rules, not only random noise.
_PIECES = [
    "本报讯",
    "本報訊",
    " 记者张三报道 ",
    "本报记者 李四",
    "王五 本报记者 赵六",
    "刘 静 ",
    "摄",
    "文并摄",
    "核心提示",
    "### ",
    "## ",
    "# ",
    "■ ",
    "锦州脚步 JIAOBU",
    "图说 TUSHUO",
    "——",
    "—— ",
    " ——",
    "。",
    "，",
    ",",
    "、",
    "“",
    "”",
    "3.86亿元",
    "16.8%",
    "24.8个百分点",
    "三分之一",
    "7月29日",
    "今年",
    "农历腊月二十一",
    "近百个",
    "1.3万余件",
    "500万元至10亿元",
    "党员干部",
    "部变",
    "工业固投同比增长",
    "今年以来，全市",
    "本版图片由本报记者赵六摄",
    "\n",
    "\n\n",
    "\n\n\n\n",
    "\r\n",
    "\f",
    "\t",
    " ",
    "\u3000",
    "\ufeff",
    "\u200b",
    "锦 州 市 聚 焦",
    "A",
    "5G",
    "（",
    "）",
    "一是",
    # real extractions: furniture, title blocks, closing credits, key points
    "第 3 页",
    "- 3 -",
    "《某报》（2025年1月2日 第 03 版）",
    "本版责编：甲 乙",
    "本报记者\n\n乔\n\n栋",
    "（本报北京1月2日电 记者张三、李四）",
    "（编辑手记）",
    "亮点",
    "图为",
    "林晓岚\n",
    # glued lines: HTML breaks, a title run into its dateline, furniture run into a line
    "<br/>",
    "<br/><br/>",
    " 江城日报讯(记者 周一)",
    " 【新华社江城五日电】",
    "[2019-06-01] 特写:",
    "第2版()专栏: ",
    "3上一版 下一版4",
    "~~~",
    "_新闻中心_江城网",
    "首页 > 要闻",
    "新华社江城5月6日电 题：",
]
page_text = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=6)), max_size=40).map(
    "".join
)


def _coverage(text: str, blocks: tuple[Block, ...]) -> list[int]:
    cover = [0] * len(text)
    for block in blocks:
        for span in block.spans:
            for k in range(span.start, span.end):
                if not is_blank(text[k]):
                    cover[k] += 1
    return cover


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(page_text)
def test_lossless_and_spans(text: str) -> None:
    page = newsparse.parse_page(text)
    cover = _coverage(text, page.blocks)
    for k, ch in enumerate(text):
        assert is_blank(ch) or cover[k] == 1, (k, ch, cover[k])
    nt = normalize(text)
    for block in page.blocks:
        # every block's text is the normalized input at its spans
        assert block.text.replace(" ", "") == "".join(
            "".join(ch for ch in text[s.start : s.end] if not is_blank(ch)) for s in block.spans
        ).replace(" ", ""), block
        for s in block.spans:
            assert 0 <= s.start <= s.end <= len(text)
    assert nt.source == text


def _wrap(text: str, width: int) -> str:
    return "\n".join(
        line[i : i + width] for line in text.split("\n") for i in range(0, max(len(line), 1), width)
    )


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(page_text, st.integers(min_value=4, max_value=40))
def test_lossless_on_hard_wrapped_pages(text: str, width: int) -> None:
    """The same pages cut every ``width`` characters: still every character once."""
    wrapped = _wrap(text, width)
    page = newsparse.parse_page(wrapped)
    cover = _coverage(wrapped, page.blocks)
    for k, ch in enumerate(wrapped):
        assert is_blank(ch) or cover[k] == 1, (k, ch, cover[k])
    assert newsparse.parse_page(wrapped).to_json() == page.to_json()


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_never_raises_and_deterministic(text: str) -> None:
    first = newsparse.parse_page(text).to_json()
    assert newsparse.parse_page(text).to_json() == first


@settings(max_examples=100, deadline=None)
@given(page_text)
def test_quantities_and_dates_slice_the_input(text: str) -> None:
    page = newsparse.parse_page(text)
    for art in page.articles:
        for item in (*art.quantities, *art.dates):
            assert 0 <= item.span.start < item.span.end <= len(text)
            assert item.span.slice(text).replace(" ", "")[:1] == item.text.replace(" ", "")[:1]


def test_removed_blocks_are_in_the_account() -> None:
    text = "标题\n\n本报讯 今年以来，全市工业增长较快，完成投资59.1亿元。\n\n今年以来，全市工业增长较快，完成投资59.1亿元。"
    page = newsparse.parse_page(text)
    assert [r.reason.value for r in page.removed] == ["duplicate"]
    assert any(b.kind is BlockKind.REMOVED for b in page.blocks)
    assert len(page.articles[0].body) == 1
