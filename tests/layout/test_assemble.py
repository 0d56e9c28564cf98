"""Assembly handlers, each on a hand-built list of classified lines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

import newsparse
from newsparse.layout import assemble as assemble_module
from newsparse.layout.assemble import HANDLERS, Assembly, ItemKind, assemble, page_editors
from newsparse.layout.bylines import parse_tail
from newsparse.layout.columns import parse_column_prefix, parse_series_tag
from newsparse.layout.headings import caption_like, decide_headings
from newsparse.layout.headlines import site_suffix
from newsparse.layout.lines import ClassifiedLine, Shape, classify, classify_lines
from newsparse.model import BlockKind, CreditRole, FurnitureKind
from newsparse.text import Line, NormalizedText, normalize


def _lines(*rows: tuple[str, Shape, bool]) -> tuple[NormalizedText, list[ClassifiedLine]]:
    """A page of the given lines, each with the shape and headline decision given."""
    nt = normalize("\n\n".join(text for text, _, _ in rows))
    built = [
        classify(i, line, 2)._replace(shape=shape, head=head)
        for i, (line, (_, shape, head)) in enumerate(zip(nt.lines, rows, strict=True))
    ]
    return nt, built


def _text(nt: NormalizedText, piece: tuple[int, int] | None) -> str | None:
    return None if piece is None else nt.text[piece[0] : piece[1]]


def test_every_shape_has_a_handler() -> None:
    assert set(HANDLERS) == set(Shape)


def test_headline_then_dateline_then_byline() -> None:
    nt, lines = _lines(
        ("工业投资增长", Shape.HEADING, True),
        ("本报讯 记者张三报道 今年以来，投资增长。", Shape.DATELINE, False),
        ("李四 本报记者 张三", Shape.BYLINE, False),
    )
    out = assemble(nt, lines)
    (draft,) = out.drafts
    assert _text(nt, draft.headline) == "工业投资增长"
    assert _text(nt, draft.dateline) == "本报讯"
    # the lead byline's and the closing byline's credits (merged when the Page is built)
    assert [(c.name, c.role) for c in draft.credits] == [
        ("张三", CreditRole.REPORTER),
        ("李四", CreditRole.CORRESPONDENT),
        ("张三", CreditRole.REPORTER),
    ]
    assert draft.closed  # a byline after the body closes the article
    assert [kind for kind, _ in draft.body] == [ItemKind.PARAGRAPH]


def test_editors_note_above_the_dateline_is_the_articles_body() -> None:
    nt, lines = _lines(
        ("江边的一所小学", Shape.HEADING, True),
        ("本报今起推出系列报道，敬请关注——编者", Shape.TEXT, False),
        ("本报讯 清晨六点，校园里已有读书声。", Shape.DATELINE, False),
        ("另一条消息", Shape.HEADING, True),
        ("他说完就走了。", Shape.TEXT, False),
        ("本报讯 全市今天召开大会。", Shape.DATELINE, False),
    )
    first, second, third = assemble(nt, lines).drafts
    assert _text(nt, first.dateline) == "本报讯"
    assert [_text(nt, item.piece) for item in first.body] == [
        "本报今起推出系列报道，敬请关注——编者",
        "清晨六点，校园里已有读书声。",
    ]
    # a body of real paragraphs still ends at a dateline
    assert _text(nt, second.headline) == "另一条消息"
    assert third.headline is None
    assert _text(nt, third.dateline) == "本报讯"


def test_caption_credit_and_dateline_run_together_on_one_line() -> None:
    nt, lines = _lines(
        ("春耕时节田间忙", Shape.HEADING, True),
        ("农机手在田里作业。本报记者钱九摄", Shape.CAPTION_CREDIT, False),
        ("本报讯 今年全县春播面积扩大。", Shape.DATELINE, False),
        (
            "农民在集市上挑选种子。本报记者钱九摄本报讯（记者钱九 通讯员孙七）连日来，集市上人头攒动。",
            Shape.CAPTION_CREDIT,
            False,
        ),
        ("种子站延长了营业时间。", Shape.TEXT, False),
    )
    first, second = assemble(nt, lines).drafts
    assert [_text(nt, c.piece) for c in first.captions] == ["农机手在田里作业。"]
    # the run-on line: the caption and credit of the article its dateline opens
    (cap,) = second.captions
    assert _text(nt, cap.piece) == "农民在集市上挑选种子。"
    assert [(c.name, c.role) for c in cap.credits] == [("钱九", CreditRole.PHOTOGRAPHER)]
    assert _text(nt, second.dateline) == "本报讯"
    assert [(c.name, c.role) for c in second.credits] == [
        ("钱九", CreditRole.REPORTER),
        ("孙七", CreditRole.CORRESPONDENT),
    ]
    assert [_text(nt, item.piece) for item in second.body] == [
        "连日来，集市上人头攒动。",
        "种子站延长了营业时间。",
    ]


def test_caption_run_on_under_a_headline_is_that_articles() -> None:
    page = newsparse.parse_page(
        "集市上的种子\n\n农民挑选种子。本报记者钱九摄本报讯（记者钱九）连日来，集市上人头攒动。"
    )
    (art,) = page.articles
    assert art.headline is not None
    assert art.headline.text == "集市上的种子"
    assert [c.text for c in art.captions] == ["农民挑选种子。"]
    assert art.dateline is not None
    assert art.dateline.text == "本报讯"
    assert [b.text for b in art.body] == ["连日来，集市上人头攒动。"]
    assert not page.unclassified


def test_bulleted_points_above_the_body_are_a_key_points_box() -> None:
    nt, lines = _lines(
        ("老街换新颜", Shape.HEADING, True),
        ("● 改造房屋两百余间", Shape.LABEL, False),
        ("● 新增停车位三百个", Shape.LABEL, False),
        ("本报讯 经过一年改造，老街重新开放。", Shape.DATELINE, False),
        ("● 留住老街记忆", Shape.LABEL, False),
        ("改造保留了老街的石板路。", Shape.TEXT, False),
    )
    (draft,) = assemble(nt, lines).drafts
    assert draft.points  # each point a paragraph of its own, never joined
    assert [_text(nt, p) for p in draft.summary] == ["改造房屋两百余间", "新增停车位三百个"]
    # in the body, a bulleted line is an intertitle
    assert [(kind, _text(nt, pc)) for kind, pc in draft.body] == [
        (ItemKind.PARAGRAPH, "经过一年改造，老街重新开放。"),
        (ItemKind.SUBHEAD, "留住老街记忆"),
        (ItemKind.PARAGRAPH, "改造保留了老街的石板路。"),
    ]


def test_verse_lines_are_paragraphs_never_joined() -> None:
    page = newsparse.parse_page(
        "山中的早晨\n\n钱九\n\n雾从山谷里升起\n鸟在松枝上醒来\n溪水绕过石头\n把清凉送到村口"
    )
    (art,) = page.articles
    assert art.headline is not None
    assert art.headline.text == "山中的早晨"
    assert [(c.name, c.role) for c in art.credits] == [("钱九", CreditRole.REPORTER)]
    assert [(b.kind, b.text) for b in art.body] == [
        (BlockKind.PARAGRAPH, "雾从山谷里升起"),
        (BlockKind.PARAGRAPH, "鸟在松枝上醒来"),
        (BlockKind.PARAGRAPH, "溪水绕过石头"),
        (BlockKind.PARAGRAPH, "把清凉送到村口"),
    ]


def test_byline_ending_in_report_and_colon_opens_the_first_paragraph() -> None:
    nt, lines = _lines(
        ("车队出发", Shape.HEADING, True),
        ("周一、记者吴二报道：“出发！”初春时节，车队出发了。", Shape.TEXT, False),
        ("记者吴二报道：这一句在正文里，不是署名。", Shape.TEXT, False),
    )
    (draft,) = assemble(nt, lines).drafts
    # a name listed with the reporter by 、 shares the 报道: a writer too
    assert [(c.name, c.role) for c in draft.credits] == [
        ("周一", CreditRole.REPORTER),
        ("吴二", CreditRole.REPORTER),
    ]
    # only the first paragraph of an article opens with its byline
    assert [_text(nt, item.piece) for item in draft.body] == [
        "“出发！”初春时节，车队出发了。",
        "记者吴二报道：这一句在正文里，不是署名。",
    ]


def test_report_byline_under_a_line_left_as_an_intertitle() -> None:
    # a unit's name above the title, read as the headline: the title stays an
    # intertitle, and the byline still opens the first paragraph
    nt, lines = _lines(
        ("某部队某旅", Shape.HEADING, True),
        ("演练淬锋芒", Shape.HEADING, False),
        ("记者方晴、通讯员葛一帆报道：初春时节，一场演练打响。", Shape.TEXT, False),
    )
    (draft,) = assemble(nt, lines).drafts
    assert [(c.name, c.role) for c in draft.credits] == [
        ("方晴", CreditRole.REPORTER),
        ("葛一帆", CreditRole.CORRESPONDENT),
    ]
    assert [item.kind for item in draft.body] == [ItemKind.SUBHEAD, ItemKind.PARAGRAPH]
    assert _text(nt, draft.body[1].piece) == "初春时节，一场演练打响。"


def test_heading_not_head_is_an_intertitle() -> None:
    nt, lines = _lines(
        ("正文，正文。", Shape.TEXT, False),
        ("小标题", Shape.HEADING, False),
        ("正文，正文。", Shape.TEXT, False),
    )
    (draft,) = assemble(nt, lines).drafts
    assert [kind for kind, _ in draft.body] == [
        ItemKind.PARAGRAPH,
        ItemKind.SUBHEAD,
        ItemKind.PARAGRAPH,
    ]


def test_kicker_line_waits_for_its_headline() -> None:
    nt, lines = _lines(
        ("某市推动科技发展——", Shape.HEADING, True),
        ("向创新型城市迈进", Shape.HEADING, False),  # made a headline by the kicker
        ("正文，正文。", Shape.TEXT, False),
    )
    (draft,) = assemble(nt, lines).drafts
    assert _text(nt, draft.kicker) == "某市推动科技发展"
    assert _text(nt, draft.headline) == "向创新型城市迈进"


def test_label_opens_a_summary_box() -> None:
    nt, lines = _lines(
        ("核心提示", Shape.LABEL, False),
        ("全市投资增长。", Shape.TEXT, False),
        ("本报讯 今年以来，投资增长。", Shape.DATELINE, False),
    )
    (draft,) = assemble(nt, lines).drafts
    assert [_text(nt, p) for p in draft.summary] == ["全市投资增长。"]
    assert len(draft.body) == 1


def test_credit_after_a_caption_is_the_captions() -> None:
    nt, lines = _lines(
        ("工业投资增长", Shape.HEADING, True),
        ("正文，正文。", Shape.TEXT, False),
        ("车间一角。本报记者 钱九 摄", Shape.CAPTION_CREDIT, False),
        ("本报记者 赵六 摄", Shape.CREDIT, False),
    )
    (draft,) = assemble(nt, lines).drafts
    (cap,) = draft.captions
    assert [c.name for c in cap.credits] == ["钱九", "赵六"]
    assert not draft.credits


def test_editors_above_the_first_article_are_the_pages() -> None:
    nt, lines = _lines(
        ("责任编辑 王五", Shape.FURNITURE, False),
        ("工业投资增长", Shape.HEADING, True),
    )
    out = assemble(nt, lines)
    assert [c.name for c in page_editors(out)] == ["王五"]
    assert out.blocks[0].kind is BlockKind.FURNITURE
    assert [f.kind for f in out.furniture] == [FurnitureKind.EDITORS]
    assert out.drafts[0].credits == []


def test_editor_line_of_another_page_credits_nobody() -> None:
    nt, lines = _lines(
        ("《某报》（2025年1月2日 第 03 版）", Shape.FURNITURE, False),
        ("一版责编：王五", Shape.FURNITURE, False),
        ("三版责编：赵六", Shape.FURNITURE, False),
    )
    assert [c.name for c in page_editors(assemble(nt, lines))] == ["赵六"]


def test_one_handler_on_its_own() -> None:
    nt, lines = _lines(("— 3 —", Shape.JUNK, False))
    st = Assembly(nt, lines, 2, [1, 1])
    HANDLERS[Shape.JUNK](st, lines[0])
    assert [b.kind for b in st.blocks] == [BlockKind.UNCLASSIFIED]
    assert st.unclassified == st.blocks
    assert st.drafts == []


def test_jump_line_is_furniture_and_the_paragraph_is_rejoined() -> None:
    page = newsparse.parse_page(
        "工业投资增长\n\n本报讯 今年以来，全市坚持营造科技\n\n（下转第三版）\n\n"
        "（上接第一版）\n\n创新的浓厚氛围，投资增长。"
    )
    (art,) = page.articles
    assert [b.text for b in art.body] == ["今年以来，全市坚持营造科技创新的浓厚氛围，投资增长。"]
    assert [b.text for b in page.iter_blocks(BlockKind.JUMP)] == [
        "（下转第三版）",
        "（上接第一版）",
    ]


def test_editors_named_in_a_running_head_are_the_page_editors() -> None:
    nt, lines = _lines(
        ("B3 城事 責任編輯:鄧雨桐/喻川 版面設計:卓晓岚 2024年5月6日", Shape.FURNITURE, False),
        ("江城讯 滨江公园昨日开放。", Shape.DATELINE, False),
    )
    lines[0] = lines[0]._replace(parse=FurnitureKind.HEADER)
    st = assemble(nt, lines)
    assert [(c.name, c.role, c.title) for c in page_editors(st)] == [
        ("鄧雨桐", CreditRole.EDITOR, "責任編輯"),
        ("喻川", CreditRole.EDITOR, "責任編輯"),
        ("卓晓岚", CreditRole.EDITOR, "版面設計"),
    ]
    # spans point at the names in the input
    assert [nt.text[c.span.start : c.span.end] for c in page_editors(st)][2] == "卓晓岚"


def test_lead_byline_in_square_or_tortoise_brackets() -> None:
    for opening in ("\u3014記者鄧雨桐／廈門報導\u3015", "【記者鄧雨桐／廈門報導】"):
        page = newsparse.parse_page(f"港區會展今開幕\n{opening}會展中心今天開幕，人潮湧入。")
        (art,) = page.articles
        assert [(c.name, c.role) for c in art.credits] == [("鄧雨桐", CreditRole.REPORTER)]
        assert [b.text for b in art.body] == ["會展中心今天開幕，人潮湧入。"]


# -- the cheap gates before the rules: each a necessary condition of its rule ------------

# Han characters, names and titles, blanks, and every character the gates name
_PIECES = hs.sampled_from(
    [
        *"江城新桥通车李四王五赵六摄图",
        "本报记者",
        "记者",
        "整理",
        " ",
        "。",
        "”",
        "，",
        "（",
        "）",
        "(",
        ")",
        "|",
        "_",
        "＿",
        "｜",
        "／",
        "/",
        "\\",
        "-",
        "!",
        "[",
        "]",
        "![]()",
        " - ",
        "网",
        "报",
    ]
)
_TEXTS = hs.lists(_PIECES, min_size=1, max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXTS, hs.sampled_from(assemble_module._NO_TAIL_ENDS))
def test_no_byline_after_a_paragraph_that_ends_on_a_mark(text: str, end: str) -> None:
    assert parse_tail(text + end) is None
    assert parse_tail("会议持续两天。本报记者 李四" + end) is None


def test_a_tail_byline_is_still_read() -> None:
    nt = normalize(
        "工业投资增长\n\n本报讯 今年以来，投资增长。\n\n会后大家很满意。”本报记者 孔令舟 郑雨"
    )
    out = assemble(nt, decide_headings(classify_lines(nt.lines)))
    assert [c.name for c in out.drafts[0].credits] == ["孔令舟", "郑雨"]


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_a_headline_without_the_extras_characters_has_no_extras(text: str) -> None:
    gate = assemble_module._TITLE_EXTRAS
    if gate.search(text) is not None or text.endswith(assemble_module._TAG_ENDS):
        return
    assert site_suffix(text) is None
    assert parse_column_prefix(text) is None
    assert parse_series_tag(text) is None
    m = assemble_module._REMNANTS.search(text)
    assert m is None or m.start() == 0


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_a_lead_byline_opens_with_one_of_its_brackets(text: str) -> None:
    if assemble_module._LEAD_PARENS.match(text) is not None:
        assert text[:1] in assemble_module._LEAD_OPENS


def test_caption_facts_are_the_line_by_line_reading() -> None:
    page = (
        "标题一行\n\n\n\n图为江边的早市。\n本报记者 赵六 摄\n\n本报讯 今天，江边早市开张。\n\n\n\n"
        "游人在湖边赏花，拍照留念\n\n本报记者 赵六 摄\n\n学生在操场上练习。本报记者赵六摄"
    )
    lines = decide_headings(classify_lines(normalize(page).lines))
    after, may = assemble_module._caption_facts(lines)
    n = len(lines)
    for k in range(n + 1):
        j = k
        while j < n and caption_like(lines[j], lines[j].shape):
            j += 1
        assert after[k] == j
    for k, c in enumerate(lines):
        credit_next = k + 1 < n and lines[k + 1].shape is Shape.CREDIT
        assert may[k] == (c.caption_shaped or c.shape is Shape.CAPTION_CREDIT or credit_next)
    assert any(may)


def test_a_column_moved_to_the_input_is_its_evolved_copy() -> None:
    from attrs import evolve

    from newsparse.model import Column, Span

    for col in (Column("图说", "TUSHUO", Span(0, 9), 2), Column("城市印象", None, Span(1, 5))):
        assert assemble_module._column_at(col, Span(7, 9)) == evolve(col, span=Span(7, 9))


_LINE_CHARS = hs.text(alphabet="甲乙 ■●#a", min_size=1, max_size=12)


def _state(text: str) -> tuple[Assembly, Line]:
    nt = normalize("标题\n\n" + text)
    return Assembly(nt, classify_lines(nt.lines), 2, []), nt.lines[-1]


@settings(max_examples=200, deadline=None)
@given(_LINE_CHARS, hs.integers(0, 12), hs.integers(0, 12))
def test_emit_at_records_the_trimmed_piece(text: str, start: int, end: int) -> None:
    from newsparse.model import Block

    st, line = _state(text)
    end = min(end, len(line.text))
    start = min(start, end)
    piece = st.piece(line, start, end)
    assert st.emit_at(BlockKind.UNCLASSIFIED, line, start, end) == piece
    nt = st.nt
    expected = (
        []
        if piece is None
        else [Block(BlockKind.UNCLASSIFIED, nt.text[slice(*piece)], nt.source_spans(*piece))]
    )
    assert st.blocks == st.unclassified == expected


def _rest_by_chunks(st: Assembly, line: Line, claimed: list[tuple[int, int]]) -> None:
    """What emit_rest reads, chunk by chunk: every gap between the claimed ranges."""
    pos = 0
    for s, e in sorted(claimed):
        if s > pos:
            st._leftover(line, pos, s)
        pos = max(pos, e)
    st._leftover(line, pos, len(line.text))


@settings(max_examples=300, deadline=None)
@given(_LINE_CHARS, hs.lists(hs.tuples(hs.integers(0, 12), hs.integers(0, 12)), max_size=3))
def test_emit_rest_reads_every_gap_between_the_claimed_ranges(
    text: str, ranges: list[tuple[int, int]]
) -> None:
    st, line = _state(text)
    n = len(line.text)
    claimed = [(min(a, b, n), min(max(a, b), n)) for a, b in ranges]
    st.emit_rest(line, claimed)
    ref, _ = _state(text)
    _rest_by_chunks(ref, line, claimed)
    assert [(b.kind, b.text, b.spans) for b in st.blocks] == [
        (b.kind, b.text, b.spans) for b in ref.blocks
    ]


def test_emit_rest_skips_blanks_and_keeps_marks_and_text() -> None:
    st, line = _state("■ 甲乙 丙")
    st.emit_rest(line, [(2, 4)])
    assert [(b.kind, b.text) for b in st.blocks] == [
        (BlockKind.MARKUP, "■"),
        (BlockKind.UNCLASSIFIED, "丙"),
    ]


def _blocks(page: newsparse.Page, *kinds: BlockKind) -> list[tuple[str, str]]:
    return [(b.kind.value, b.text) for b in page.blocks if b.kind in kinds]


def test_closing_credits_under_a_bare_headline_are_its_byline() -> None:
    page = newsparse.parse_page(
        "江城新区建设提速\n\n（本报记者 陈思远）\n\n本报讯 近日，江城新区多个重点项目集中开工。\n"
    )
    (article,) = page.articles
    assert article.headline is not None
    assert article.headline.text == "江城新区建设提速"
    assert article.dateline is not None
    assert [(c.name, c.title) for c in article.credits] == [("陈思远", "本报记者")]
    assert _blocks(page, BlockKind.BYLINE, BlockKind.UNCLASSIFIED) == [
        ("byline", "（本报记者 陈思远）")
    ]


def test_a_brief_with_its_credits_in_parentheses_on_the_dateline_line() -> None:
    page = newsparse.parse_page(
        "江城新区建设提速\n\n本报讯 近日，江城新区多个重点项目集中开工。（本报记者 陈思远）\n"
    )
    (article,) = page.articles
    assert [b.text for b in article.body] == ["近日，江城新区多个重点项目集中开工。"]
    assert [c.name for c in article.credits] == ["陈思远"]
    assert _blocks(page, BlockKind.BYLINE, BlockKind.UNCLASSIFIED) == [
        ("byline", "（本报记者 陈思远）")
    ]


@pytest.mark.parametrize(
    ("closing", "byline", "role"),
    [
        ("（編輯：林小華）", "（編輯：林小華）", CreditRole.EDITOR),
        ("（记者 陈思远）", "（记者 陈思远）", CreditRole.REPORTER),
        ("（本报江城3月9日电 记者陈思远）", "记者陈思远）", CreditRole.REPORTER),
    ],
)
def test_closing_parentheses_are_accounted_for(closing: str, byline: str, role: CreditRole) -> None:
    page = newsparse.parse_page(f"江城新区建设提速\n\n近日，多个项目集中开工。\n{closing}\n")
    (article,) = page.articles
    assert [c.role for c in article.credits] == [role]
    found = _blocks(page, BlockKind.BYLINE, BlockKind.UNCLASSIFIED, BlockKind.MARKUP)
    assert ("byline", byline) in found
    assert all(kind != "unclassified" for kind, _ in found)
