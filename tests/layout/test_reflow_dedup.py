from __future__ import annotations

from newsparse.layout.dedup import find_repeats
from newsparse.layout.reflow import doubled_at_cut, ends_open, join_pieces


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
