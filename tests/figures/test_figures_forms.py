"""The forms of issue 12 in news sentences: each form, its exact value, and what is no figure."""

from __future__ import annotations

import pytest

from newsparse import extract_quantities


def brief(text: str) -> list[tuple[str, str, str, str | None, str | None]]:
    out = []
    for q in extract_quantities(text):
        v = str(q.value) if q.value is not None else f"{q.low}~{q.high}"
        out.append((q.text, v, q.unit, None if q.approx is None else q.approx.value, q.per))
    return out


def Q(text: str, value: str, unit: str, approx: str | None = None, per: str | None = None):  # noqa: N802
    return (text, value, unit, approx, per)


FORMS: dict[str, list[tuple[str, list[tuple[str, str, str, str | None, str | None]]]]] = {
    "clock times": [
        ("比赛于八点三十分开始，9时15分结束。", []),
        ("列车10:30到站，记者11时05分赶到现场。", []),
        ("首班车3点4分5秒发出，全程用时1分30秒。", [Q("30秒", "30", "second")]),
        ("十三点零五分，会议进入第二阶段。", []),
    ],
    "negative values": [
        ("一季度利润同比下降负3%。", [Q("负3%", "-3", "%")]),
        ("出口额同比-5.2%。", [Q("-5.2%", "-5.2", "%")]),
        ("居民消费价格指数为负百分之二。", [Q("负百分之二", "-2", "%")]),
        ("当地最低气温零下12摄氏度。", [Q("零下12摄氏度", "-12", "°C")]),
        ("比上年同期变化-百分之1。", [Q("-百分之1", "-1", "%")]),
        ("误差为负1/3。", [Q("负1/3", "-1/3", "fraction")]),
    ],
    "colloquial money": [
        ("菜市场里，一把青菜三块五。", [Q("三块五", "3.5", "CNY")]),
        ("猪肉卖到十二块八毛。", [Q("十二块八毛", "12.8", "CNY")]),
        ("一根冰棍涨了五毛。", [Q("五毛", "0.5", "CNY")]),
        ("公交票价下调3角。", [Q("3角", "0.3", "CNY")]),
        ("售货员找回两块零五分。", [Q("两块零五分", "2.05", "CNY")]),
        ("鸡蛋两块五一斤。", [Q("两块五", "2.5", "CNY"), Q("一斤", "1", "jin")]),
    ],
    "spoken ranges": [
        ("村口站着两三个人。", [Q("两三个", "2~3", "个")]),
        ("三五十人围在展台前。", [Q("三五十人", "30~50", "人")]),
        ("月收入七八千元。", [Q("七八千元", "7000~8000", "CNY")]),
        ("队员们二十五六岁。", [Q("二十五六岁", "25~26", "岁")]),
        ("一千二三百人参加了招聘会。", [Q("一千二三百人", "1200~1300", "人")]),
    ],
    "ranges and lists sharing a unit": [
        ("增幅为百分之二十到三十。", [Q("百分之二十到三十", "20~30", "%")]),
        ("每户补贴3万至5万元。", [Q("3万至5万元", "30000~50000", "CNY")]),
        ("菜价在1.2元到1.5元之间。", [Q("1.2元到1.5元", "1.2~1.5", "CNY")]),
        (
            "三个片区分别新建3、5、7个站点。",
            [
                Q("三个", "3", "个"),
                Q("3", "3", "个"),
                Q("5", "5", "个"),
                Q("7个", "7", "个"),
            ],
        ),
        (
            "三条产线产量分别为1万、2万和3万吨。",
            [
                Q("三条", "3", "条"),
                Q("1万", "10000", "t"),
                Q("2万", "20000", "t"),
                Q("3万吨", "30000", "t"),
            ],
        ),
    ],
    "traditional-script and symbol units": [
        (
            "全程32公裏，用时2小時，休息15分鐘。",
            [
                Q("32公裏", "32", "km"),
                Q("2小時", "2", "hour"),
                Q("15分鐘", "15", "minute"),
            ],
        ),
        ("年產3萬噸，佔地4平方公裏。", [Q("3萬噸", "30000", "t"), Q("4平方公裏", "4", "km2")]),
        (
            "包装为5kg，全程12km，面积80m²，容积3m³。",
            [
                Q("5kg", "5", "kg"),
                Q("12km", "12", "km"),
                Q("80m²", "80", "m2"),
                Q("3m³", "3", "m3"),
            ],
        ),
        (
            "装有500ml，含量20mg，油箱50L，耗电3kW·h。",
            [
                Q("500ml", "0.5", "L"),
                Q("20mg", "0.02", "g"),
                Q("50L", "50", "L"),
                Q("3kW·h", "3", "kWh"),
            ],
        ),
    ],
    "temperatures": [
        ("病人体温37℃。", [Q("37℃", "37", "°C")]),
        ("白天气温摄氏30度。", [Q("摄氏30度", "30", "°C")]),
        ("夜间最低零下5摄氏度。", [Q("零下5摄氏度", "-5", "°C")]),
    ],
    "currency in front": [
        ("售价￥120，门票$35。", [Q("￥120", "120", "CNY"), Q("$35", "35", "USD")]),
        ("公司融资US$3亿，票价HK$5。", [Q("US$3亿", "300000000", "USD"), Q("HK$5", "5", "HKD")]),
        ("兑换港币3.5元。", [Q("3.5元", "3.5", "HKD")]),
        ("投资人民币1.2亿元。", [Q("1.2亿元", "120000000", "CNY")]),
        (
            "报价CNY 1.25，合同金额USD 30。",
            [Q("CNY 1.25", "1.25", "CNY"), Q("USD 30", "30", "USD")],
        ),
        ("韩国票价₩100。", [Q("₩100", "100", "KRW")]),
    ],
    "proportions": [
        ("收入增长一成半。", [Q("一成半", "15", "%")]),
        ("投资回收三成五。", [Q("三成五", "35", "%")]),
        ("近七成受访者表示满意。", [Q("近七成", "70", "%", "under")]),
        ("超过一半的企业已复工。", [Q("超过一半", "1/2", "fraction", "over")]),
    ],
    "rates": [
        ("人才补贴10万元/人。", [Q("10万元/人", "100000", "CNY", per="人")]),
        ("住宿标准120元/天。", [Q("120元/天", "120", "CNY", per="day")]),
        ("白菜3.5元/公斤。", [Q("3.5元/公斤", "3.5", "CNY", per="kg")]),
        ("收购价每吨500元。", [Q("每吨500元", "500", "CNY", per="t")]),
        ("租金2000元/月。", [Q("2000元/月", "2000", "CNY", per="month")]),
    ],
    "long numbers": [
        ("全国总数为123456789。", [Q("123456789", "123456789", "")]),
        ("资产1,234,567元。", [Q("1,234,567元", "1234567", "CNY")]),
        ("共计 123123123.5。", [Q("123123123.5", "123123123.5", "")]),
    ],
}

CASES = [(kind, text, want) for kind, rows in FORMS.items() for text, want in rows]


@pytest.mark.parametrize(("kind", "text", "want"), CASES, ids=[f"{k}:{t}" for k, t, _ in CASES])
def test_form(
    kind: str, text: str, want: list[tuple[str, str, str, str | None, str | None]]
) -> None:
    assert brief(text) == want, kind


NO_FIGURES = [
    # names, slogans, plan names
    "张三、李四和王五一起参加了活动。",
    "“十四五”规划开局良好，推进“一带一路”建设。",
    "开展“两学一做”学习教育，落实“三严三实”要求。",
    "实施863计划和973计划，建设“双一流”高校。",
    "记者王一鸣报道，万一出现问题立即上报。",
    "一定要统一思想，进一步抓好落实。",
    # phone numbers, IDs, plates, model names
    "咨询电话：010-12345678，手机13912345678。",
    "热线 12345 全天开放。",
    "身份证号110101199003071234的当事人到场。",
    "车牌号京A12345的车辆已被扣押。",
    "iPhone 15正式发布，5G基站建成。",
    # scores, dates, ordinals, clock times
    "主队以3:1战胜客队。",
    "会议于2024年3月5日召开，05年建成的大楼。",
    "第七批名单公布，第一、二批已完成。",
    "公元前202年，西汉建立。",
    "晚上八点三十分，列车10:30到站。",
    # words that hold a numeral
    "大家坐在一起，小两口商量着装修。",
    "每一次都认真对待，车间一角摆满了设备。",
]


@pytest.mark.parametrize("text", NO_FIGURES)
def test_no_figure(text: str) -> None:
    assert brief(text) == []


def test_per_is_in_the_dict_only_for_rates() -> None:
    rate, plain = extract_quantities("住宿120元/天，门票120元")
    assert rate.to_dict()["per"] == "day"
    assert "per" not in plain.to_dict()


def test_list_lookahead_is_bounded() -> None:
    # a list longer than the lookahead: the items past it keep no borrowed unit,
    # and the scan stays linear (each item looks at most _MAX_LIST items ahead)
    from newsparse.figures.quantities import _MAX_LIST

    text = "、".join(str(i) for i in range(1, 3 * _MAX_LIST)) + "个"
    got = extract_quantities(text)
    assert got[-1].unit == "个"
    assert got[0].unit == ""
