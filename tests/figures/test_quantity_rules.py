"""The context rules of the quantities, as tables: one row per rule, kept and rejected."""

from __future__ import annotations

import pytest

from newsparse import extract_quantities
from newsparse.figures import quantities


def texts(sentence: str) -> list[str]:
    return [q.text for q in extract_quantities(sentence)]


# unit word -> (a sentence where the word is a unit, a sentence where the rule rejects it)
UNIT_ROWS: dict[str, tuple[str, str, str, str]] = {
    "名": ("全县共有12名志愿者。", "12名", "他的成绩位列前3名。", "3名"),
    "位": ("到场的有5位专家。", "5位", "综合排名进入前5位。", "5位"),
    "年": ("这项工程历时3年。", "3年", "2019年，工程开工。", "2019年"),
    "届": ("大会已连续举办8届。", "8届", "2024届毕业生就业率高。", "2024届"),
    "块": ("一斤白菜卖3块钱。", "3块钱", "村里新开垦了3块地。", "3块"),
    "度": ("全年节电50万度。", "50万度", "室外气温30度。", "30度"),
    "成": ("约三成企业已经复工。", "约三成", "管理方式一成不变。", "一成"),
    "分": ("他在决赛中得了95分。", "95分", "各方十分重视这项工作。", "十分"),
    "台": ("车间新增5台机床。", "5台", "游客登上五台山。", "五台"),
    "首": ("晚会上演唱了3首歌曲。", "3首", "机场新增3首发航线。", "3首"),
    "期": ("培训班已举办3期。", "3期", "二期工程顺利推进。", "二期"),
    "角": ("公交票价下调5角。", "5角", "记者来到车间一角。", "一角"),
    "毛": ("一根冰棍涨了五毛。", "五毛", "他从来一毛不拔。", "一毛"),
    "秒": ("他以1分30秒夺冠。", "30秒", "列车3点4分5秒发车。", "5秒"),
    "起": ("全年共发生3起事故。", "3起", "一家人坐在一起。", "一起"),
    "口": ("农户家里养了3口猪。", "3口", "小两口商量着装修。", "两口"),
    "国": ("免签范围扩大至47国。", "47国", "两国元首举行会谈。", "两国"),
    "次": ("全年共检查一次。", "一次", "有一次，我们去了工地。", "一次"),
}


def test_every_unit_rule_has_a_row() -> None:
    assert set(UNIT_ROWS) == set(quantities._UNIT_RULES)


@pytest.mark.parametrize("word", sorted(UNIT_ROWS))
def test_unit_rule(word: str) -> None:
    keep, kept, reject, rejected = UNIT_ROWS[word]
    assert kept in texts(keep)
    assert rejected not in texts(reject), texts(reject)


@pytest.mark.parametrize("word", sorted(quantities._UNIT_RULES))
def test_fast_path_applies_the_unit_rules(word: str) -> None:
    # the fast path (plain Arabic numbers) decides every unit word with a rule
    # exactly as the general path does, in every context the rules read
    sentences = [
        f"{before}{number}{word}{after}"
        for before in ("", "前", "是", "建", "约", "第")
        for number in ("3", "12", "2024", "3.5", "5万", "10")
        for after in ("", "钱", "地", "电", "钟", "为", "山", "届", "工程", "。")
    ]
    fast = [[q.to_dict() for q in extract_quantities(s)] for s in sentences]
    general = [[q.to_dict() for q in quantities._extract_general(s)] for s in sentences]
    assert fast == general


NUMERAL_ROWS = [
    # (rule, kept sentence and text, rejected sentence and text)
    (quantities._magnitude_needs_digit, "上万人参加。", "上万人", "万一出现问题。", "万"),
    (quantities._zero_in_word, "零下3摄氏度。", "零下3摄氏度", "汽车零部件企业。", "零"),
    (quantities._placeholder_name, "有四家企业。", "四家", "李四家的果园。", "四家"),
    (quantities._financial_in_word, "共计伍佰元。", "伍佰元", "加强队伍建设。", "伍"),
    (quantities._one_by_one, "共有一百个。", "一百个", "一一对应。", "一一"),
    (quantities._indefinite_article, "只有一名。", "一名", "他是一名共产党员。", "一名"),
    (quantities._bare_number, "得分是 95。", "95", "请拨打电话 66668888。", "66668888"),
    (quantities._every_one, "只用了一天。", "一天", "每一天都很充实。", "一天"),
]


def test_every_numeral_and_dimension_rule_has_a_row() -> None:
    rules = (
        set(quantities._NUMERAL_RULES)
        | set(quantities._LONE_DIGIT_RULES)
        | {r for rs in quantities._DIMENSION_RULES.values() for r in rs}
    )
    assert rules == {row[0] for row in NUMERAL_ROWS}


@pytest.mark.parametrize(
    ("keep", "kept", "reject", "rejected"),
    [row[1:] for row in NUMERAL_ROWS],
    ids=[row[0].__name__ for row in NUMERAL_ROWS],
)
def test_numeral_and_dimension_rules(keep: str, kept: str, reject: str, rejected: str) -> None:
    assert kept in texts(keep)
    assert rejected not in texts(reject), texts(reject)


def test_every_rule_has_an_example(source_doc) -> None:
    rules = [*quantities._UNIT_RULES.values(), *quantities._NUMERAL_RULES]
    rules += quantities._LONE_DIGIT_RULES
    rules += [r for rs in quantities._DIMENSION_RULES.values() for r in rs]
    for rule in rules:
        doc = source_doc(rule)
        assert doc is not None, rule.__name__
        assert ">>> " in doc, rule.__name__
