"""Assembly handlers, each on a hand-built list of classified lines."""

from __future__ import annotations

import newsparse
from newsparse.layout.assemble import HANDLERS, Assembly, ItemKind, assemble, page_editors
from newsparse.layout.lines import ClassifiedLine, Shape, classify
from newsparse.model import BlockKind, CreditRole, FurnitureKind
from newsparse.text import NormalizedText, normalize


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
