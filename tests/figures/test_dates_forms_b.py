"""Festivals, solar terms, weekdays, relative days, short years, sub-periods, lunar years, ranges.

Every sentence is written here in news style; each row gives the mention's
text and its first and last day against the page date in ``REF``.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsparse import DatePrecision, extract_dates

D = dt.date
P = DatePrecision
REF = D(2024, 5, 8)  # a Wednesday


def found(text: str, ref: dt.date | None = REF) -> list[tuple[str, object, object]]:
    return [(m.text, m.first, m.last) for m in extract_dates(text, ref)]


CASES = [
    # festivals (lunar), with written and relative years
    ("今年春节期间,全市接待游客120万人次。", "今年春节期间", D(2024, 2, 10), D(2024, 2, 10)),
    ("2023年中秋节当天,市民赏月。", "2023年中秋节", D(2023, 9, 29), D(2023, 9, 29)),
    ("去年除夕,他在岗位上值班。", "去年除夕", D(2024, 2, 9), D(2024, 2, 9)),
    ("元宵节前后,灯会吸引了大批游客。", "元宵节前后", D(2024, 2, 24), D(2024, 2, 24)),
    ("端午节假期,龙舟赛如期举行。", "端午节假期", D(2024, 6, 10), D(2024, 6, 10)),
    ("七夕节前夕,花店生意红火。", "七夕节", D(2024, 8, 10), D(2024, 8, 10)),
    ("重阳节这天,志愿者看望老人。", "重阳节", D(2024, 10, 11), D(2024, 10, 11)),
    ("腊八节当天,寺院施粥。", "腊八节", D(2024, 1, 18), D(2024, 1, 18)),
    # solar terms, computed
    ("清明节前后,祭扫人数明显增加。", "清明节前后", D(2024, 4, 4), D(2024, 4, 4)),
    ("明年立春,新规正式施行。", "明年立春", D(2025, 2, 3), D(2025, 2, 3)),
    ("冬至当天,饺子馆排起长队。", "冬至", D(2023, 12, 22), D(2023, 12, 22)),
    # civic days
    ("元旦期间,商场客流同比增长。", "元旦期间", D(2024, 1, 1), D(2024, 1, 1)),
    ("三八妇女节,单位为女职工放假半天。", "三八妇女节", D(2024, 3, 8), D(2024, 3, 8)),
    ("“五一”假期,景区实行预约。", "五一", D(2024, 5, 1), D(2024, 5, 1)),
    ("五一劳动节,劳模代表受到表彰。", "五一劳动节", D(2024, 5, 1), D(2024, 5, 1)),
    ("青年节当天,团市委举办活动。", "青年节", D(2024, 5, 4), D(2024, 5, 4)),
    ("六一儿童节,孩子们表演节目。", "六一儿童节", D(2024, 6, 1), D(2024, 6, 1)),
    ("七一前夕,党员重温入党誓词。", "七一", D(2024, 7, 1), D(2024, 7, 1)),
    ("八一建军节,双拥慰问活动展开。", "八一建军节", D(2024, 8, 1), D(2024, 8, 1)),
    ("教师节前夕,表彰优秀教师。", "教师节", D(2024, 9, 10), D(2024, 9, 10)),
    ("国庆假期,全省铁路发送旅客500万人次。", "国庆假期", D(2024, 10, 1), D(2024, 10, 1)),
    ("十一黄金周,酒店入住率走高。", "十一黄金周", D(2024, 10, 1), D(2024, 10, 1)),
    ("圣诞节临近,外贸订单陆续发出。", "圣诞节", D(2023, 12, 25), D(2023, 12, 25)),
    # weekdays: the one in the reference week (Monday to Sunday)
    ("周三上午,市政府召开常务会议。", "周三", D(2024, 5, 8), D(2024, 5, 8)),
    ("星期五,展会落下帷幕。", "星期五", D(2024, 5, 10), D(2024, 5, 10)),
    ("礼拜天,公园里游人如织。", "礼拜天", D(2024, 5, 12), D(2024, 5, 12)),
    ("本周五将公布结果。", "本周五", D(2024, 5, 10), D(2024, 5, 10)),
    ("上周二,记者来到工地。", "上周二", D(2024, 4, 30), D(2024, 4, 30)),
    ("下周一起,新线路开通。", "下周一", D(2024, 5, 13), D(2024, 5, 13)),
    ("上周末,全市气温回升。", "上周末", D(2024, 5, 4), D(2024, 5, 5)),
    # relative days and weeks, months, quarters
    ("大前天,该车间完成检修。", "大前天", D(2024, 5, 5), D(2024, 5, 5)),
    ("前天夜里,一场大雨袭来。", "前天", D(2024, 5, 6), D(2024, 5, 6)),
    ("后天将迎来降温。", "后天", D(2024, 5, 10), D(2024, 5, 10)),
    ("大后天起,道路封闭施工。", "大后天", D(2024, 5, 11), D(2024, 5, 11)),
    ("前日,市场监管局通报了抽检结果。", "前日", D(2024, 5, 6), D(2024, 5, 6)),
    ("上周,全市新增就业岗位3000个。", "上周", D(2024, 4, 29), D(2024, 5, 5)),
    ("本周,各校陆续开学。", "本周", D(2024, 5, 6), D(2024, 5, 12)),
    ("下周,暴雨将影响本市。", "下周", D(2024, 5, 13), D(2024, 5, 19)),
    ("上个月,出口额增长5%。", "上个月", D(2024, 4, 1), D(2024, 4, 30)),
    ("下个月,新馆对外开放。", "下个月", D(2024, 6, 1), D(2024, 6, 30)),
    ("上半月,降水偏多。", "上半月", D(2024, 5, 1), D(2024, 5, 15)),
    ("下半月,气温将逐步回升。", "下半月", D(2024, 5, 16), D(2024, 5, 31)),
    ("本季度,全市计划开工项目30个。", "本季度", D(2024, 4, 1), D(2024, 6, 30)),
    ("上季度,工业增加值增长6%。", "上季度", D(2024, 1, 1), D(2024, 3, 31)),
    ("15年前,这里还是一片荒滩。", "15年前", D(2009, 1, 1), D(2009, 12, 31)),
    ("3个月前,项目签约落地。", "3个月前", D(2024, 2, 1), D(2024, 2, 29)),
    ("两周前,首批货物运抵港口。", "两周前", D(2024, 4, 22), D(2024, 4, 28)),
    ("明晚,音乐会将在广场举行。", "明晚", D(2024, 5, 9), D(2024, 5, 9)),
    # two-digit years: the century nearest the page date, at most a year ahead
    ("他98年参军入伍。", "98年", D(1998, 1, 1), D(1998, 12, 31)),
    ("05年3月1日,新厂房落成。", "05年3月1日", D(2005, 3, 1), D(2005, 3, 1)),
    ("21年底,项目全面竣工。", "21年底", D(2021, 12, 31), D(2021, 12, 31)),
    # sub-periods
    ("本月第二周,集中开展安全检查。", "本月第二周", D(2024, 5, 13), D(2024, 5, 19)),
    ("今年前三个月,全市外贸进出口增长。", "今年前三个月", D(2024, 1, 1), D(2024, 3, 31)),
    ("今年前半年,销量稳中有升。", "今年前半年", D(2024, 1, 1), D(2024, 6, 30)),
    ("去年后半年,订单回暖。", "去年后半年", D(2023, 7, 1), D(2023, 12, 31)),
    ("年中,各地将开展督查。", "年中", D(2024, 6, 1), D(2024, 7, 31)),
    ("每年二季度末进行盘点。", "二季度末", D(2024, 6, 30), D(2024, 6, 30)),
    # lunar dates with a written year, and marked lunar months
    ("2023年农历八月十五,全家团圆。", "2023年农历八月十五", D(2023, 9, 29), D(2023, 9, 29)),
    ("农历二〇二三年腊月廿三,小年。", "农历二〇二三年腊月廿三", D(2024, 2, 2), D(2024, 2, 2)),
    ("今年正月,村里办起了庙会。", "今年正月", D(2024, 2, 10), D(2024, 3, 9)),
    ("去年五月初五,龙舟下水。", "去年五月初五", D(2023, 6, 22), D(2023, 6, 22)),
    ("腊月,年货市场人头攒动。", "腊月", D(2024, 1, 11), D(2024, 2, 9)),
    # a Chinese month-day without 日 and without a lunar mark is Gregorian
    ("八月十五,新学期报名开始。", "八月十五", D(2024, 8, 15), D(2024, 8, 15)),
    # a day listed after a date takes its month
    ("9月10号、11号,展会向公众开放。", "11号", D(2024, 9, 11), D(2024, 9, 11)),
    # ranges whose ends differ in form, resolved as one period
    ("从上周三到本月十日,共检查企业86家。", "上周三到本月十日", D(2024, 5, 1), D(2024, 5, 10)),
    ("展览从上周四到十月一日。", "上周四到十月一日", D(2024, 5, 2), D(2024, 10, 1)),
    ("3月5日至4月2日,全市开展专项整治。", "3月5日至4月2日", D(2024, 3, 5), D(2024, 4, 2)),
    ("6月1日—15日,实行交通管制。", "6月1日—15日", D(2024, 6, 1), D(2024, 6, 15)),
    ("1998 - 2001年,他在外地工作。", "1998 - 2001年", D(1998, 1, 1), D(2001, 12, 31)),
    # numeric forms
    ("发布时间:2023/05/06", "2023/05/06", D(2023, 5, 6), D(2023, 5, 6)),
    ("2023.5.6,记者在现场看到", "2023.5.6", D(2023, 5, 6), D(2023, 5, 6)),
    ("截至2023-05,累计完成投资", "2023-05", D(2023, 5, 1), D(2023, 5, 31)),
]


@pytest.mark.parametrize(("text", "mention", "first", "last"), CASES)
def test_news_sentences(text, mention, first, last):
    assert (mention, first, last) in found(text)


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("国庆假期", P.HOLIDAY),
        ("春节期间", P.HOLIDAY),
        ("春节", P.DAY),
        ("上周", P.WEEK),
        ("上周末", P.WEEK),
        ("周三", P.DAY),
        ("上季度末", P.DAY),
    ],
)
def test_precisions(text, precision):
    assert extract_dates(text, REF)[0].precision is precision


def test_same_day_and_next_day_follow_the_date_mentioned_last():
    text = "3月12日,植树活动在郊区举行。当天,千余名志愿者参加;次日,又补种了200棵。"
    days = {m.text: m.first for m in extract_dates(text, REF)}
    assert days["当天"] == D(2024, 3, 12)
    assert days["次日"] == D(2024, 3, 13)


def test_same_day_without_an_earlier_date_is_the_reference():
    assert found("当天,记者来到现场。") == [("当天", REF, REF)]


@pytest.mark.parametrize(
    "text",
    [
        "十一个部门联合发文",  # eleven
        "五一路小学",  # a street
        "大雪纷飞,道路结冰",  # heavy snow
        "政治清明,风清气正",  # clear-minded
        "三五年内不会改变",  # an estimate of years
        "他已工作15年",  # a count of years
        "历时10年建成",  # idem, after a verb
        "每周三下午开放",  # a repeating day
        "每逢周五举行",  # idem
        "下周期的计划",  # the next cycle
        "2019年中央引导地方资金",  # 年中 is not 年中央
        "王国庆同志",  # a name
        "工作3年后调任",  # counted from an event
        "3年内完成改造",  # a duration
    ],
)
def test_not_dates(text):
    assert [m.text for m in extract_dates(text, REF) if m.precision is not P.YEAR] == []


def test_two_digit_year_never_more_than_ten_years_ahead():
    # a plan a decade ahead is this century's; a year further on, the last one's
    assert found("26年,计划完工", REF)[0][1] == D(2026, 1, 1)
    assert found("34年,计划完工", REF)[0][1] == D(2034, 1, 1)
    assert found("35年,他出生在这里", REF)[0][1] == D(1935, 1, 1)
    assert found("98年,他出生在这里", REF)[0][1] == D(1998, 1, 1)


def test_without_reference_relative_forms_have_no_value():
    assert [m.value for m in extract_dates("周三,春节,98年,当天", None)] == [None] * 4
