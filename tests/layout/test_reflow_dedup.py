from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse.layout.dedup import find_repeats, repeats_of
from newsparse.layout.reflow import doubled_at_cut, ends_open, join_pieces, joins_of


def test_ends_open() -> None:
    assert ends_open("营造科技创新")
    assert ends_open("高等院校、")
    assert ends_open("素有“山海福地,锦绣之州”")
    assert not ends_open("他说:“好。”")
    assert not ends_open("主要措施如下：")
    assert not ends_open("已全面完善……")
    assert not ends_open("")


def test_join_across_pieces() -> None:
    joined = join_pieces(["甲乙", "丙丁", "戊。", "己。"])
    assert [j.text for j in joined] == ["甲乙丙丁戊。", "己。"]
    assert joined[0].parts == ((0, 0), (1, 0), (2, 0))


def test_doubled_character() -> None:
    assert doubled_at_cut("党员干部", "部变上访为下访")
    assert not doubled_at_cut("一件件", "件难事")  # a real reduplication
    assert not doubled_at_cut("增长16", "6%")  # digits are never dropped
    joined = join_pieces(["党员干部", "部变上访。"])
    assert joined[0].text == "党员干部变上访。"
    assert joined[0].parts == ((0, 0), (1, 1))


def test_repeats() -> None:
    long_par = "在培育壮大新字号方面，全市将推进大数据同实体经济深度融合。"
    texts = [long_par, "其他段落。", long_par[8:], long_par]
    reps = find_repeats(texts)
    assert [(r.index, r.of, r.reason) for r in reps] == [
        (2, 0, "tail_repeat"),
        (3, 0, "duplicate"),
    ]
    assert reps[0].offset == 8


def test_short_tails_and_inner_repeats_stay() -> None:
    texts = [
        "全市注册科技型中小企业181家，同比增长。",
        "同比增长。",
        "注册科技型中小企业181家，效果明显。",
    ]
    assert find_repeats(texts) == []


def _wrapped(text: str, width: int) -> str:
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


def test_a_repeat_of_a_wrapped_paragraph_points_at_each_source_line() -> None:
    import newsparse

    para = "傍晚的河堤上散步的人多了起来，新装的路灯一盏接一盏亮起，照着刚铺好的塑胶步道。"
    first = _wrapped(para, 12)
    for again in (para, para[15:]):  # printed twice whole, or its tail again
        text = f"河堤亮灯\n{first}\n另一段话。\n{_wrapped(again, 12)}\n"
        [removed] = newsparse.parse_page(text).removed
        pieces = [text[s.start : s.end] for s in removed.repeats]
        assert all("\n" not in p for p in pieces), pieces
        assert "".join(pieces) == again
        # each piece lies inside the earlier paragraph's own lines
        start = text.index(first)
        assert all(start <= s.start and s.end <= start + len(first) for s in removed.repeats)


_PIECES = st.lists(
    st.sampled_from(
        ["甲乙", "丙。", "部", "部变", "丁！”", "他说：", "素有“锦绣之州”", "", " ", "——编者"]
    ),
    max_size=8,
)


@given(_PIECES)
@settings(max_examples=300, deadline=None)
def test_joins_of_is_join_pieces_as_tuples(pieces: list[str]) -> None:
    # the page pipeline's tuple form: the same joins, and a closing mark decided as ends_open does
    assert [(j.parts, j.text) for j in join_pieces(pieces)] == joins_of(pieces)
    # every piece in one paragraph, in order
    assert [i for parts, _ in joins_of(pieces) for i, _ in parts] == list(range(len(pieces)))


@given(
    st.lists(
        st.sampled_from(
            [
                "甲乙丙丁戊己庚辛壬癸子丑。",
                "丙丁戊己庚辛壬癸子丑。",
                "短。",
                "",
                "子丑寅卯辰巳午未申酉。",
            ]
        ),
        max_size=30,
    )
)
@settings(max_examples=300, deadline=None)
def test_repeats_of_is_find_repeats_as_tuples(texts: list[str]) -> None:
    # more than _SCAN blocks share an ending here: the hash index is exercised too
    expected = [(r.index, r.of, r.reason, r.offset) for r in find_repeats(texts, min_tail=10)]
    assert repeats_of(["".join(t.split()) for t in texts], 10) == expected
