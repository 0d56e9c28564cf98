"""Unit tests of the unwrap stage (layout/unwrap.py): regimes, joins, offsets."""

from __future__ import annotations

import datetime as dt
import unicodedata
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsparse.layout.unwrap import WIDE_RANGES, Regime, cells, detect_regime, unwrap
from newsparse.model import FurnitureKind
from newsparse.text import BLANK, normalize

if TYPE_CHECKING:
    from collections.abc import Sequence

    from newsparse.layout.unwrap import _Pair, _Rule

DATA = Path(__file__).resolve().parents[1] / "data" / "extractions"

PARAGRAPHS = [
    "清晨的菜市场里，摊主们正忙着把刚从地里摘下的青菜摆上货架，吆喝声此起彼伏。",
    "市场管理员老方说，今年新修的遮雨棚让摊位多了一倍，2025年前三季度成交额增长了一成。",
    "傍晚收摊。",
    "附近的居民都说，买菜的路近了，菜价也更实在了，周末还能带着孩子来逛一逛。",
    "入夜以后，市场旁的小广场亮起了灯，跳舞的、下棋的、遛弯的，热闹得像过节一样，直到十点才慢慢散去。",
]


def wrap(paragraphs: list[str], width: int, *, blank: bool = False, indent: bool = False) -> str:
    """Cut each paragraph every ``width`` characters, as a text tool wraps a page."""
    out: list[str] = []
    for para in paragraphs:
        body = ("\u3000\u3000" if indent else "") + para
        out.extend(body[i : i + width] for i in range(0, len(body), width))
        if blank:
            out.append("")
    return "\n".join(out)


def logical(text: str) -> list[str]:
    return [line.text for line in unwrap(normalize(text)).nt.lines]


def test_one_paragraph_a_line_is_left_alone() -> None:
    text = "\n".join(PARAGRAPHS)
    assert logical(text) == PARAGRAPHS
    assert unwrap(normalize(text)).regime.width is None


def test_wrapped_paragraphs_are_joined_at_every_regime() -> None:
    for width in (12, 16, 20, 23):
        for blank in (False, True):
            for indent in (False, True):
                if not (blank or indent) and any(len(p) % width == 0 for p in PARAGRAPHS):
                    continue  # see test_a_paragraph_ending_at_the_width_is_ambiguous
                assert logical(wrap(PARAGRAPHS, width, blank=blank, indent=indent)) == PARAGRAPHS


def test_a_paragraph_ending_at_the_width_is_ambiguous() -> None:
    # With neither blank lines nor indents, a paragraph whose last line is full
    # and ends a sentence looks like a line cut after a full stop: it is joined
    # (a sentence end at the width is more often inside a paragraph).
    assert len(PARAGRAPHS[3]) % 12 == 0
    lines = logical(wrap(PARAGRAPHS, 12))
    assert lines[3] == PARAGRAPHS[3] + PARAGRAPHS[4]
    assert logical(wrap(PARAGRAPHS, 12, blank=True)) == PARAGRAPHS


SHORT_PARAGRAPHS = [
    "河边的柳树发了新芽，早起的人多了。",
    "老街口的早点铺排起长队，油条刚出锅。",
    "公交站新换了候车亭，还装上了能查到站时间的电子屏。",
    "斑马线重新刷过，很醒目。",
]


def test_a_title_at_the_width_keeps_its_author_line() -> None:
    title = "老城区的早市又热闹起来了"
    text = wrap([title, "本报记者 程朗", *SHORT_PARAGRAPHS], 12)
    assert len(title) == 12
    assert logical(text)[:2] == [title, "本报记者 程朗"]
    # a name cut from a sentence is no author line: it joins
    assert logical(wrap(["市民代表在会上发言。本报", "记者 程朗", *SHORT_PARAGRAPHS], 12))[0] == (
        "市民代表在会上发言。本报记者 程朗"
    )


def test_a_closing_quote_cut_after_the_full_stop_stays_with_its_sentence() -> None:
    quoted = "“早市开到八点，买菜方便多了。"
    text = wrap([quoted + "”", *SHORT_PARAGRAPHS], len(quoted))
    assert text.split("\n")[1] == "”"
    assert logical(text) == [quoted + "”", *SHORT_PARAGRAPHS]


def test_a_short_line_ending_on_a_comma_is_no_heading() -> None:
    # a block cut mid-sentence (the rest follows after a photo) keeps its last words
    first = "摊主们说，今年的菜价稳住了。"
    rest = wrap(SHORT_PARAGRAPHS, len(first))
    assert logical(f"{first}\n进货的渠道多了，\n\n{rest}")[0] == first + "进货的渠道多了，"
    assert logical(f"{first}\n进货渠道多了\n\n{rest}")[:2] == [first, "进货渠道多了"]


def test_number_cut_across_the_break_is_one_number() -> None:
    text = wrap(["今年的游客人数达到了创纪录的水平，比2", *PARAGRAPHS], 19)
    assert "比2" in text.split("\n")[0]
    assert logical(
        "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申2\n025年的数字。\n" + wrap(PARAGRAPHS, 20)
    )[0].endswith("2025年的数字。")


def test_never_joins_into_a_dateline_or_a_short_heading() -> None:
    text = wrap(["甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉。", *PARAGRAPHS], 10)
    lines = logical(text + "\n本报讯 记者王平报道 今天上午，新馆开门。")
    assert lines[-1].startswith("本报讯")


def test_width_is_read_in_cells_on_a_pdf_extraction() -> None:
    u = unwrap(normalize((DATA / "wrapped_pymupdf.txt").read_text(encoding="utf-8")))
    assert u.regime.by_cells
    assert u.regime.width == 60
    assert u.regime.first == 56  # the dropped indent: first lines are two cells narrower


def test_footer_inside_a_paragraph_is_lifted_and_the_paragraph_joined() -> None:
    u = unwrap(normalize((DATA / "wrapped_pymupdf.txt").read_text(encoding="utf-8")))
    texts = [line.text for line in u.nt.lines]
    assert any(t.endswith("让村里的孩子也能借到新书。") and t.startswith("馆长何静") for t in texts)
    # the footer is a line of its own, after the paragraph it cut
    assert texts[texts.index(next(t for t in texts if t.startswith("馆长何静"))) + 1] == "第 12 页"
    kinds = [f.kind for f in u.furniture]
    assert kinds.count(FurnitureKind.FOOTER) == 3
    assert kinds.count(FurnitureKind.EDITION) == 3
    assert kinds.count(FurnitureKind.EDITORS) == 1


def test_wrapped_title_is_one_line() -> None:
    u = unwrap(normalize((DATA / "wrapped_pymupdf.txt").read_text(encoding="utf-8")))
    assert u.nt.lines[0].text == "一座小城的图书馆变迁（“十四五”的书香记忆）"


def test_two_extractions_give_the_same_logical_lines() -> None:
    def squeezed(name: str) -> list[str]:
        text = (DATA / name).read_text(encoding="utf-8")
        return ["".join(line.text.split()) for line in unwrap(normalize(text)).nt.lines]

    assert squeezed("wrapped_pymupdf.txt") == squeezed("wrapped_pdftotext.txt")


def test_author_spread_one_name_a_line_is_one_line() -> None:
    assert logical("标题\n本报记者\n\n林\n\n川\n\n季晓岚\n正文。") == [
        "标题",
        "本报记者 林 川 季晓岚",
        "正文。",
    ]


def test_spans_point_at_each_source_line() -> None:
    text = "甲乙丙丁\n戊己庚辛\n壬。\n子丑寅卯\n辰。"
    u = unwrap(normalize(text), width=4)
    assert [line.text for line in u.nt.lines] == ["甲乙丙丁戊己庚辛壬。", "子丑寅卯辰。"]
    first = u.nt.lines[0]
    spans = u.spans(first.start, first.end)
    assert [text[s.start : s.end] for s in spans] == ["甲乙丙丁", "戊己庚辛", "壬。"]


def test_regime_of_flat_page() -> None:
    assert detect_regime(["短。", "也短。"]) == Regime(None, 0, by_cells=False, tolerance=0)
    assert cells("ab中") == 4


def _cells_one_by_one(text: str) -> int:
    """The definition of ``cells()``: each character looked up, two cells a blank in a gap."""
    total = sum(2 if unicodedata.east_asian_width(ch) in "FWA" else 1 for ch in text)
    run = 0
    for ch in [*text, "x"]:
        if ch in " \u00a0":
            run += 1
            continue
        total += run if run >= 2 else 0
        run = 0
    return total


def test_wide_ranges_are_wide_in_this_unicode_version() -> None:
    for low, high in WIDE_RANGES:
        for code in range(ord(low), ord(high) + 1):
            assert unicodedata.east_asian_width(chr(code)) in "FWA", hex(code)


_CELL_CHARS = st.sampled_from(
    [
        " ",
        "\u00a0",
        "a",
        "3",
        "中",
        "。",
        "，",
        "“",
        "”",
        "—",
        "…",
        "·",
        "●",
        "■",
        "Ａ",
        "ｱ",
        "é",
        "\t",
    ]
)


@given(st.lists(_CELL_CHARS, max_size=40).map("".join) | st.text(max_size=40))
@settings(max_examples=300, deadline=None)
def test_cells_counts_each_character_as_its_width(text: str) -> None:
    assert cells(text) == _cells_one_by_one(text)


@given(st.lists(st.lists(_CELL_CHARS, max_size=12).map("".join) | st.text(max_size=12), max_size=8))
@settings(max_examples=300, deadline=None)
@example(["第3页", "“新”"])  # every character known wide: the one pass over the page
@example(["第3页", "café"])  # one line not: that line is looked up
def test_measures_of_a_page_are_the_cells_of_each_line(texts: list[str]) -> None:
    from newsparse.layout.unwrap import _measures

    assert _measures(texts, by_cells=True) == list(map(cells, texts))
    assert _measures(texts, by_cells=False) == list(map(len, texts))


def _covered(text: str) -> list[int]:
    nt = normalize(text)
    u = unwrap(nt)
    seen = [0] * len(text)
    for line in u.nt.lines:
        for span in u.spans(line.start, line.end):
            for k in range(span.start, span.end):
                seen[k] += 1
    return seen


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from([*PARAGRAPHS, "第 3 页", "本报记者", "林", ""]), max_size=12),
    st.integers(min_value=6, max_value=30),
    st.booleans(),
)
def test_lossless_on_wrapped_input(paras: list[str], width: int, blank: bool) -> None:
    text = wrap([p for p in paras if p], width, blank=blank) if paras else ""
    seen = _covered(text)
    for k, ch in enumerate(text):
        if ch in BLANK or ch.isspace():
            continue
        assert seen[k] == 1, (k, ch, text)


def test_deterministic() -> None:
    text = (DATA / "wrapped_pdftotext.txt").read_text(encoding="utf-8")
    assert unwrap(normalize(text)) == unwrap(normalize(text))


def test_two_tools_parse_the_same_page_alike() -> None:
    import newsparse

    def articles(name: str) -> list[tuple[str | None, list[str], list[tuple[str, str]]]]:
        page = newsparse.parse_page((DATA / name).read_text(encoding="utf-8"))
        return [
            (
                a.headline.text if a.headline else None,
                ["".join(b.text.split()) for b in a.body],
                [(c.name, c.role.value) for c in a.credits],
            )
            for a in page.articles
        ]

    mu, pt = articles("wrapped_pymupdf.txt"), articles("wrapped_pdftotext.txt")
    assert mu == pt
    assert [h for h, _b, _c in mu] == ["一座小城的图书馆变迁", "一座书城的温度"]
    assert mu[0][2] == [("林川", "reporter"), ("季晓岚", "reporter")]
    assert mu[1][2] == [("许诺", "reporter")]


def test_edition_and_editors_of_a_sample_export() -> None:
    import datetime as dt

    import newsparse

    page = newsparse.parse_page((DATA / "wrapped_pdftotext.txt").read_text(encoding="utf-8"))
    assert page.edition is not None
    assert (page.edition.paper, page.edition.date, page.edition.page) == (
        "江畔日报",
        dt.date(2025, 11, 3),
        "06",
    )
    assert page.date == dt.date(2025, 11, 3)
    assert page.date_source.value == "edition"
    assert [(c.name, c.role.value) for c in page.credits] == [
        ("程远", "editor"),
        ("韦一帆", "editor"),
    ]
    assert page.articles[1].column is not None
    assert page.articles[1].column.name == "编辑手记"
    assert page.articles[0].column is not None
    assert page.articles[0].column.name == "“十四五”的书香记忆"


def test_a_jump_line_glued_to_a_paragraph_is_a_block_of_its_own() -> None:
    import newsparse
    from newsparse.model import BlockKind

    ends = "新馆开门\n\n本报讯 区图书馆新馆今天开门，首日接待读者两千多人次。（下转第三版）"
    starts = "（上接第一版） 老街的夜市重新开张，摊位比去年多了一倍。\n\n又一段。"
    for text, jump, body in (
        (ends, "（下转第三版）", "区图书馆新馆今天开门，首日接待读者两千多人次。"),
        (starts, "（上接第一版）", "老街的夜市重新开张，摊位比去年多了一倍。"),
    ):
        page = newsparse.parse_page(text)
        jumps = [b for b in page.blocks if b.kind is BlockKind.JUMP]
        assert [text[s.start : s.end] for b in jumps for s in b.spans] == [jump]
        assert page.articles[0].body[0].text == body


def test_a_glued_jump_cutting_a_wrapped_paragraph() -> None:
    import newsparse

    para = "区图书馆新馆今天开门，首日接待读者两千多人次，借出图书一千余册。"
    lines = [para[i : i + 12] for i in range(0, len(para), 12)]
    # the paragraph goes on on page 3 mid-sentence: its first piece and the jump are apart
    text = "新馆开门\n\n" + "\n".join(lines[:2]) + "（下转第三版）\n" + "\n".join(lines[2:])
    page = newsparse.parse_page(text)
    assert [b.text for b in page.articles[0].body] == [para]
    assert [b.text for b in page.blocks if b.kind.value == "jump"] == ["（下转第三版）"]


def test_jump_split_is_lossless() -> None:
    text = "甲乙丙丁。（下转第2版）\n（上接第1版）戊己庚辛。"
    seen = _covered(text)
    assert all(seen[k] == 1 for k, ch in enumerate(text) if not ch.isspace())


def _outline(name: str) -> list[tuple[str | None, list[str]]]:
    import newsparse

    page = newsparse.parse_page((DATA / name).read_text(encoding="utf-8"))
    return [
        (a.headline.text if a.headline else None, ["".join(b.text.split()) for b in a.body])
        for a in page.articles
    ]


def test_other_pages_theory_international_verse() -> None:
    # a theory 版, an international 版 and a poem, as a PDF extraction gives them
    import newsparse

    text = (DATA / "other_pages_pdftotext.txt").read_text(encoding="utf-8")
    page = newsparse.parse_page(text)
    assert [(f.kind.value, f.text) for f in page.furniture] == [
        ("edition", "2025年3月5日 星期三 第7版 理论"),
        ("footer", "第7页"),
        ("edition", "江城日报 A08 国际"),
        ("editors", "责任编辑：周 甲 版式设计：吴乙丙"),
    ]
    assert page.edition is not None
    assert (page.edition.paper, page.edition.date, page.edition.page) == (
        "江城日报",
        dt.date(2025, 3, 5),
        "7",
    )
    outline = _outline("other_pages_pdftotext.txt")
    bodies = dict(outline)
    theory = next(body for body in bodies.values() if body and body[0].startswith("基层是"))
    # a paragraph ending at the width before a narrower first line ends there; the
    # footer cut the last one mid-sentence and it is joined across the footer
    assert len(theory) == 3
    assert theory[1].endswith("办事效率明显提高。")
    assert theory[2].endswith("还要把更多资源下沉到基层，让基层有人办事、有钱办事。")
    assert len(bodies["多国代表共商海洋生态保护"]) == 2
    assert "、渔业资源养护" in bodies["多国代表共商海洋生态保护"][0]
    # the poem: one paragraph a line, never joined at a short "width"
    assert bodies["春天的信"] == [
        "风从南方来",
        "带着泥土的气息",
        "燕子落在檐下",
        "说起远方的消息",
        "河水解冻了",
        "柳枝冒出新芽",
        "孩子们奔跑着",
        "追着一只风筝",
    ]


def test_other_pages_two_tools_parse_alike() -> None:
    assert _outline("other_pages_pdftotext.txt") == _outline("other_pages_pymupdf.txt")


def test_a_long_short_line_of_clauses_is_prose_cut_short() -> None:
    # a tool's cut: the block stops mid-sentence (it goes on after a photo); the
    # short line has a comma inside and fills most of the width: no heading
    first = "摊主们说，2025年的菜价稳住了。"
    rest = wrap([f"{p}第{k}个1000天。" for k, p in enumerate(SHORT_PARAGRAPHS)], len(first))
    cut = "进货的渠道多了，价格也稳住了些"
    assert logical(f"{first}\n{cut}\n\n{rest}")[0] == first + cut
    # a title listing with 、 stays a heading
    title = "菜篮子、米袋子稳住了"
    assert logical(f"{first}\n{title}\n\n{rest}")[:2] == [first, title]


_PAGE_LINES = st.sampled_from(
    [
        *["标题", "本报讯 记者张三报道 今年以来，全市投资增长。", "第 3 页", "", "  ", "a  b"],
        *["\u3000\u3000正文，", "本版编辑：王五", "游人在海边嬉戏。本报记者 赵六 摄", "\f"],
    ]
)


@given(st.lists(_PAGE_LINES, max_size=12).map("\n".join))
@settings(max_examples=200, deadline=None)
def test_a_page_without_joins_keeps_its_text_and_offset_map(text: str) -> None:
    # _rebuild's shortcut (no line joined) gives what building the text again gives
    from newsparse.layout import unwrap as unwrap_module

    nt = normalize(text)
    u = unwrap(nt)
    if u.joins or len(u.nt.lines) != len(nt.lines):
        return
    lifted = [False] * len(nt.lines)
    for item in unwrap_module.find_furniture([line.text for line in nt.lines]):
        for k in range(item.first, item.last + 1):
            lifted[k] = True
    groups = [[(k, "")] for k in range(len(nt.lines))]
    slow = unwrap_module._rebuild_joined(nt, groups, u.furniture, u.regime, lifted)
    assert u == slow


def _open_one_by_one(text: str) -> bool:
    """The definition of ``_open_bracket``: a stack of expected closers, character by character."""
    from newsparse.layout.unwrap import _PAIRS

    stack: list[str] = []
    for ch in text:
        if ch in _PAIRS:
            stack.append(_PAIRS[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
    return bool(stack)


@given(st.text(alphabet="“”‘’「」『』（）()【】《》〈〉甲。", max_size=20))
@settings(max_examples=300, deadline=None)
def test_open_bracket_reads_only_the_brackets(text: str) -> None:
    from newsparse.layout.unwrap import _open_bracket

    assert _open_bracket(text) == _open_one_by_one(text)


_FLAT_LINES = st.sampled_from(
    [
        *["本报记者", "乔", "栋", "张三摄影", "”说。", "，并且", "）", "第 3 页", ""],
        *["一个很长的标题（“十四五”的", "下）", "（上接第一版）", "本版编辑：王五"],
        *["游人在海边嬉戏。本报记者 赵六 摄", "本报讯 记者张三报道 今年以来，全市投资增长。"],
        *["短句", "一行一段，长短不一，写满了这一行的字。", "\u3000\u3000正文，", "——"],
        *["”他说，这是一条新路。", "），全市上下一起努力。", "城市的发展离不开每一个人的努力"],
        *["大家共同的美好家园", "一个标题（“甲乙”的", "丙丁）", "丙丁戊己庚辛）的故事"],
    ]
)


@given(
    st.lists(st.one_of(_FLAT_LINES, st.sampled_from(PARAGRAPHS)), max_size=14),
    st.sampled_from([None, 8, 13, 20]),
    st.booleans(),
)
@example(
    lines=["一个标题（“甲乙”的", "丙丁）", "城市的发展离不开每一个人的努力", "大家共同的美好家园"],
    width=None,
    blank=False,
)
@example(
    lines=["一行一段。", "一个很长的标题（“十四五”的", "丙丁戊己庚辛）的故事"],
    width=None,
    blank=False,
)
@example(
    lines=["长标题（“十四五”的", "下）", "长标题（“十四五”的", "下）", "短（甲", "乙丙丁戊己）的"],
    width=None,
    blank=False,
)
@example(lines=["游人在海边嬉戏。本报记者 赵六 摄", *PARAGRAPHS[:2]], width=17, blank=False)
@example(lines=[PARAGRAPHS[0][:17], "—" * 17, PARAGRAPHS[1][:17], "—" * 17], width=17, blank=False)
@example(lines=[PARAGRAPHS[0][:17], "（下转第三版）", *PARAGRAPHS[1:4]], width=17, blank=False)
@example(lines=[*PARAGRAPHS[:2], "（下转第三版）", *PARAGRAPHS[3:]], width=7, blank=False)
@settings(max_examples=300, deadline=None)
def test_pairs_without_a_sign_are_read_by_the_usual_rules(
    lines: list[str], width: int | None, blank: bool
) -> None:
    # _group asks only the usual rules (on a flat page: none) about a pair
    # showing no sign of a seldom rule: what asking every rule gives
    from newsparse.layout import unwrap as unwrap_module

    text = "\n".join(lines) if width is None else wrap(lines, width, blank=blank, indent=blank)
    nt = unwrap_module._split_jumps(normalize(text))
    lifted = [False] * len(nt.lines)
    for item in unwrap_module.find_furniture([line.text for line in nt.lines]):
        lifted[item.first : item.last + 1] = [True] * (item.last + 1 - item.first)
    ev = unwrap_module._evidence(nt, lifted, None)
    every = [True] * len(ev.texts)
    assert unwrap_module._group(ev) == unwrap_module._group(ev, (every, every))


def _support_one_by_one(lengths: list[int], tol: int, hang: int) -> tuple[int, int, int]:
    """The definition of the counts ``_support`` gives: each length against each width."""
    from newsparse.layout.unwrap import _support

    widths = _support(lengths, tol, hang)[0]
    low = 4 * (tol > 0)
    near = sum(any(v - tol <= n <= v + hang for v in widths) for n in lengths)
    first = sum(any(v - low - tol <= n < v - tol for v in widths) for n in lengths)
    beyond = sum(n > max(widths) + hang for n in lengths)
    return near, first, beyond


@given(
    st.lists(st.integers(min_value=1, max_value=70), min_size=1, max_size=80),
    st.sampled_from([(0, 1), (1, 2)]),
)
@settings(max_examples=300, deadline=None)
def test_support_counts_each_length_once(lengths: list[int], tol_hang: tuple[int, int]) -> None:
    from newsparse.layout.unwrap import _support

    tol, hang = tol_hang
    widths, (near, first), beyond = _support(lengths, tol, hang)
    assert (near, first, beyond) == _support_one_by_one(lengths, tol, hang)
    by_count = sorted(set(lengths), key=lambda w: (-lengths.count(w), -w))
    assert widths[0] in by_count[:3]


@given(st.lists(st.text(alphabet="甲。！？…；”’」）)\"'a", min_size=1, max_size=6), max_size=8))
@settings(max_examples=300, deadline=None)
def test_sentence_ends_of_a_page_are_those_of_each_line(texts: list[str]) -> None:
    from newsparse.layout.unwrap import _ends_sentence, _sentence_ends

    assert _sentence_ends(texts) == [_ends_sentence(t) for t in texts]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from([*PARAGRAPHS, "第 3 页", "甲 乙  丙", ""]), min_size=1, max_size=8),
    st.integers(min_value=6, max_value=30),
    st.data(),
)
def test_source_spans_are_one_span_a_source_line(
    paras: list[str], width: int, data: st.DataObject
) -> None:
    # source_spans: the source_span of each piece between two joins, empty ones left out
    nt = unwrap(normalize(wrap([p for p in paras if p], width))).nt
    start = data.draw(st.integers(0, len(nt.text)))
    end = data.draw(st.integers(start, len(nt.text)))
    cuts = [start, *(j for j in nt.joins if start < j < end), end]
    pieces = [nt.source_span(a, b) for a, b in pairwise(cuts) if b > a]
    want = tuple(s for s in pieces if s.end > s.start) if nt.joins else tuple(pieces)
    assert nt.source_spans(start, end) == (want if end > start else ())


def _in_order(pair: _Pair, rules: Sequence[_Rule]) -> str | None:
    """The definition: the answer of the first rule with an opinion, asked in order."""
    from newsparse.layout.unwrap import _PASS

    for rule in rules:
        answer = rule(pair)
        if answer is not _PASS:
            return answer if isinstance(answer, str) else None
    return None


@given(
    st.lists(st.one_of(_FLAT_LINES, st.sampled_from(PARAGRAPHS)), min_size=2, max_size=12),
    st.sampled_from([None, 8, 13, 20]),
)
@example(lines=["游人在海边嬉戏。本报记者 赵六 摄", *PARAGRAPHS[:2]], width=17)
@example(lines=["游人在海边嬉戏。本报记者 赵六 摄", "）", *PARAGRAPHS[:2]], width=None)
@example(lines=["张三摄", "，并且", "游人在海边嬉戏。本报记者 赵六 摄", "”说。"], width=None)
@settings(max_examples=300, deadline=None)
def test_the_veto_asked_last_gives_the_answer_of_every_rule_in_order(
    lines: list[str], width: int | None
) -> None:
    from newsparse.layout import unwrap as unwrap_module

    text = "\n".join(lines) if width is None else wrap(lines, width, blank=False, indent=False)
    nt = normalize(text)
    ev = unwrap_module._evidence(nt, [False] * len(nt.lines), None)
    assert unwrap_module._VETO in unwrap_module.JOIN_RULES
    for pos in range(1, len(ev.texts)):
        for first in (True, False):
            pair = unwrap_module._Pair(ev, pos, ev.texts[pos - 1], first=first)
            assert unwrap_module._ask_every(pair) == _in_order(pair, unwrap_module.JOIN_RULES)
            assert unwrap_module._VETO(pair) in (None, unwrap_module._PASS)  # it never joins


VILLAGE = [
    "村口的老槐树下新搭起了凉亭，乡亲们傍晚都爱来这里坐坐，聊聊一天的收成和家里的琐事。",
    "今年春天，村里请来农技员手把手教大家种新品种的番茄，不少人家的大棚里已经挂满了果子。",
    "合作社的账本每月公开一次，谁家入股多少、分红多少，写得清清楚楚，大家看了心里踏实。",
    "村小学的操场重新铺过，孩子们下课后在上面跑来跑去，笑声能传出很远很远。",
    "镇上的卫生院每周派医生来村里坐诊两天，老人们看病不用再坐车进城了，省了不少力气。",
    "路灯装好以后，夜里出门的人多了，小卖部的生意也跟着好了起来，老板说营业额翻了一番。",
    "下一步，村里打算把闲置的旧仓库改成图书室，让年轻人有个学习和交流的地方。",
]


def wrap_dropped(paragraphs: list[str], width: int, indent: int = 2) -> str:
    """Wrap as a PDF tool that drops the indent: a paragraph's first line is narrower."""
    out: list[str] = []
    for para in paragraphs:
        out.append(para[: width - indent])
        rest = para[width - indent :]
        out.extend(rest[i : i + width] for i in range(0, len(rest), width))
    return "\n".join(out)


def _full_at_width(para: str, width: int, offset: int) -> str:
    """``para`` cut short so that its last line is full (ending on a full stop)."""
    over = (len(para) + offset) % width
    return para if not over else para[: len(para) - 1 - over] + "。"


def test_a_paragraph_full_at_the_width_ends_where_the_page_shows_paragraph_starts() -> None:
    # The page's own evidence: an indent kept as full-width spaces, or a
    # narrower first line where the tool dropped it. Each paragraph in turn
    # ends exactly at the width on a full stop; none is joined to the next.
    width = 20
    for k in range(len(VILLAGE) - 1):
        kept = list(VILLAGE)
        kept[k] = _full_at_width(kept[k], width, 2)
        assert logical(wrap(kept, width, indent=True)) == kept
        dropped = list(VILLAGE)
        dropped[k] = _full_at_width(dropped[k], width, 2)
        assert logical(wrap_dropped(dropped, width)) == dropped


def test_a_sentence_ending_at_the_width_inside_a_paragraph_stays_joined() -> None:
    # The near miss: a full stop at the width, and the next line goes on in
    # the same paragraph (neither indented nor a first line's width).
    width = 20
    inner = "今年春天，村里请来了几位农技员上门。他们手把手教大家种新品种的番茄，大棚里挂满了果子。"
    assert inner.index("。") == width - 2 - 1  # (the first line's last character)
    for text in (
        wrap([*VILLAGE[:1], inner, *VILLAGE[2:]], width, indent=True),
        wrap_dropped([*VILLAGE[:1], inner, *VILLAGE[2:]], width),
    ):
        lines = logical(text)
        assert inner in lines
        assert len(lines) == len(VILLAGE)


def test_a_one_line_paragraph_after_a_full_line_has_no_evidence() -> None:
    # With the indent dropped, a short one-line paragraph after a paragraph
    # full at the width has the shape of a paragraph's short last sentence:
    # nothing on the page tells them apart, so the lines stay joined.
    width = 20
    paras = list(VILLAGE)
    paras[2] = _full_at_width(paras[2], width, 2)
    paras.insert(3, "天黑前雨停了。")
    lines = logical(wrap_dropped(paras, width))
    assert paras[2] + paras[3] in lines
    assert logical(wrap(paras, width, indent=True)) == paras
