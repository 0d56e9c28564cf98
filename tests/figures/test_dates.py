"""Date mentions: forms, resolution rules, lunar dates, page-date inference, properties."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st
from lunardate import LunarDate

from newsparse import DateMention, DatePrecision, Span, extract_dates
from newsparse.figures import date_forms, date_resolve, vocab
from newsparse.figures import dates as dates_module
from newsparse.figures.dates import date_fields_of, extract_dates_of, infer_reference

D = dt.date
P = DatePrecision
REF = D(2019, 7, 30)
SHARED_CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def one(text: str, reference: dt.date | None = REF) -> DateMention:
    found = extract_dates(text, reference)
    assert len(found) == 1, found
    return found[0]


def texts(text: str) -> list[str]:
    return [m.text for m in extract_dates(text)]


# --------------------------------------------------------------------------
# Forms named in the issue, resolved against 2019-07-30.


@pytest.mark.parametrize(
    ("text", "first", "last", "precision", "relative"),
    [
        ("2019年", D(2019, 1, 1), D(2019, 12, 31), P.YEAR, False),
        ("2019年度", D(2019, 1, 1), D(2019, 12, 31), P.YEAR, False),
        ("7月29日", D(2019, 7, 29), D(2019, 7, 29), P.DAY, True),
        ("7月29号", D(2019, 7, 29), D(2019, 7, 29), P.DAY, True),
        ("2023年1月末", D(2023, 1, 31), D(2023, 1, 31), P.DAY, False),
        ("2019年末", D(2019, 12, 31), D(2019, 12, 31), P.DAY, False),
        ("1至5月份", D(2019, 1, 1), D(2019, 5, 31), P.RANGE, True),
        ("1-5月", D(2019, 1, 1), D(2019, 5, 31), P.RANGE, True),
        ("1月至5月", D(2019, 1, 1), D(2019, 5, 31), P.RANGE, True),
        ("2016年至2018年", D(2016, 1, 1), D(2018, 12, 31), P.RANGE, False),
        ("2016-2018年", D(2016, 1, 1), D(2018, 12, 31), P.RANGE, False),
        ("2016\u20142018年", D(2016, 1, 1), D(2018, 12, 31), P.RANGE, False),
        ("今年", D(2019, 1, 1), D(2019, 12, 31), P.YEAR, True),
        ("去年", D(2018, 1, 1), D(2018, 12, 31), P.YEAR, True),
        ("明年", D(2020, 1, 1), D(2020, 12, 31), P.YEAR, True),
        ("前年", D(2017, 1, 1), D(2017, 12, 31), P.YEAR, True),
        ("上年", D(2018, 1, 1), D(2018, 12, 31), P.YEAR, True),
        ("上半年", D(2019, 1, 1), D(2019, 6, 30), P.HALF_YEAR, True),
        ("下半年", D(2019, 7, 1), D(2019, 12, 31), P.HALF_YEAR, True),
        ("今年上半年", D(2019, 1, 1), D(2019, 6, 30), P.HALF_YEAR, True),
        ("2018年下半年", D(2018, 7, 1), D(2018, 12, 31), P.HALF_YEAR, False),
        ("一季度", D(2019, 1, 1), D(2019, 3, 31), P.QUARTER, True),
        ("第三季度", D(2019, 7, 1), D(2019, 9, 30), P.QUARTER, True),
        ("2023年第4季度", D(2023, 10, 1), D(2023, 12, 31), P.QUARTER, False),
        ("今年一季度末", D(2019, 3, 31), D(2019, 3, 31), P.DAY, True),
        ("前三季度", D(2019, 1, 1), D(2019, 9, 30), P.RANGE, True),
        ("今年夏季", D(2019, 6, 1), D(2019, 8, 31), P.SEASON, True),
        ("去年夏天", D(2018, 6, 1), D(2018, 8, 31), P.SEASON, True),
        ("2019年冬季", D(2019, 12, 1), D(2020, 2, 29), P.SEASON, False),
        ("今年6月中旬", D(2019, 6, 11), D(2019, 6, 20), P.TEN_DAYS, True),
        ("6月上旬", D(2019, 6, 1), D(2019, 6, 10), P.TEN_DAYS, True),
        ("2月下旬", D(2019, 2, 21), D(2019, 2, 28), P.TEN_DAYS, True),
        ("6月底", D(2019, 6, 30), D(2019, 6, 30), P.DAY, True),
        ("6月初", D(2019, 6, 1), D(2019, 6, 1), P.DAY, True),
        ("2018年10月", D(2018, 10, 1), D(2018, 10, 31), P.MONTH, False),
        ("7月份", D(2019, 7, 1), D(2019, 7, 31), P.MONTH, True),
        ("年初", D(2019, 1, 1), D(2019, 1, 1), P.DAY, True),
        ("今年初", D(2019, 1, 1), D(2019, 1, 1), P.DAY, True),
        ("去年底", D(2018, 12, 31), D(2018, 12, 31), P.DAY, True),
        ("本月", D(2019, 7, 1), D(2019, 7, 31), P.MONTH, True),
        ("上月", D(2019, 6, 1), D(2019, 6, 30), P.MONTH, True),
        ("上个月底", D(2019, 6, 30), D(2019, 6, 30), P.DAY, True),
        ("下月初", D(2019, 8, 1), D(2019, 8, 1), P.DAY, True),
        ("本月上旬", D(2019, 7, 1), D(2019, 7, 10), P.TEN_DAYS, True),
        ("今天", REF, REF, P.DAY, True),
        ("昨天", D(2019, 7, 29), D(2019, 7, 29), P.DAY, True),
        ("前天", D(2019, 7, 28), D(2019, 7, 28), P.DAY, True),
        ("明天", D(2019, 7, 31), D(2019, 7, 31), P.DAY, True),
        ("7月29日至31日", D(2019, 7, 29), D(2019, 7, 31), P.RANGE, True),
        ("7月29-31日", D(2019, 7, 29), D(2019, 7, 31), P.RANGE, True),
        ("7月29日至8月2日", D(2019, 7, 29), D(2019, 8, 2), P.RANGE, True),
        ("2018年12月至2019年3月", D(2018, 12, 1), D(2019, 3, 31), P.RANGE, False),
        ("2018年12月至3月", D(2018, 12, 1), D(2019, 3, 31), P.RANGE, False),
        ("12月至2019年3月", D(2018, 12, 1), D(2019, 3, 31), P.RANGE, False),
        ("2019-07-29", D(2019, 7, 29), D(2019, 7, 29), P.DAY, False),
        ("2019.7.29", D(2019, 7, 29), D(2019, 7, 29), P.DAY, False),
        ("2019/7/29", D(2019, 7, 29), D(2019, 7, 29), P.DAY, False),
    ],
)
def test_forms(text, first, last, precision, relative):
    m = one(text)
    assert (m.text, m.span) == (text, Span(0, len(text)))
    assert (m.first, m.last, m.precision, m.relative) == (first, last, precision, relative)
    assert m.value == m.first
    assert not m.lunar


@pytest.mark.parametrize("text", ["近日", "日前", "近期", "前不久", "不久前"])
def test_vague(text):
    m = one(f"本报讯 {text},记者走进企业")
    assert (m.text, m.precision, m.vague, m.relative) == (text, P.VAGUE, True, True)
    assert (m.value, m.first, m.last) == (None, None, None)


def test_event_dates_in_quotes():
    text = "今年的“6·27”“7·14”两次洪涝灾害,“3.15”晚会,“6・18”,“9･11”"
    found = extract_dates(text, REF)
    assert [m.text for m in found] == ["今年", "6·27", "7·14", "3.15", "6・18", "9･11"]
    assert [m.value for m in found[1:]] == [
        D(2019, 6, 27),
        D(2019, 7, 14),
        D(2019, 3, 15),
        D(2019, 6, 18),
        D(2019, 9, 11),
    ]
    assert all(m.precision is P.DAY and m.relative for m in found[1:])


def test_decimal_without_quotes_is_no_date():
    assert texts("增长6.27个百分点,达3.15亿元") == []


def test_day_of_month_alone_in_dateline_position():
    found = extract_dates("本报讯 29日,记者获悉,30日起实施", D(2019, 8, 2))
    assert [(m.text, m.value) for m in found] == [
        ("29日", D(2019, 7, 29)),  # the nearest 29th: last month's
        ("30日", D(2019, 7, 30)),
    ]
    assert texts("仅用7日内完成,3日游,共5日") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("国家统计局19日发布数据", D(2019, 7, 19)),
        ("委员长某某19日在京会见来宾", D(2019, 7, 19)),
        ("记者30日从市政府获悉", D(2019, 7, 30)),
        ("代表团1日抵达", D(2019, 8, 1)),
        ("该厂2日上午开工", D(2019, 8, 2)),
    ],
)
def test_day_of_month_alone_between_subject_and_verb(text, value):
    # the commonest time of a news sentence: the day of the page's month, after its subject
    assert [(m.text, m.value) for m in extract_dates(text, D(2019, 8, 2))] == [
        (text[text.index(str(value.day)) : text.index("日") + 1], value)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "第3日在场上",
        "近7日在线人数",
        "持续3日在高位",
        "7日年化收益率",
        "兑换15日元",
        "仅3日就售出",
        "每月5日发布",
    ],
)
def test_day_count_or_ordinal_before_a_verb_is_no_date(text):
    assert texts(text) == []


# --------------------------------------------------------------------------
# Numerals, width, traditional characters.


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("二〇一九年七月二十九日", D(2019, 7, 29), P.DAY),
        ("二○一九年七月二十九日", D(2019, 7, 29), P.DAY),
        ("二零二三年", D(2023, 1, 1), P.YEAR),
        ("一九四九年十月一日", D(1949, 10, 1), P.DAY),
        ("２０１９年７月２９日", D(2019, 7, 29), P.DAY),
        ("2019年7月29號", D(2019, 7, 29), P.DAY),
        ("二〇二三年十二月三十一日", D(2023, 12, 31), P.DAY),
        ("二〇二三年十一月", D(2023, 11, 1), P.MONTH),
        ("二〇二三年元月", D(2023, 1, 1), P.MONTH),
        ("二〇二〇年二月廿九日", D(2020, 2, 29), P.DAY),
    ],
)
def test_numerals(text, value, precision):
    m = one(text)
    assert (m.text, m.value, m.precision, m.relative) == (text, value, precision, False)


def test_chinese_month_alone():
    m = one("十二月", D(2019, 12, 5))
    assert (m.first, m.last, m.precision) == (D(2019, 12, 1), D(2019, 12, 31), P.MONTH)


# --------------------------------------------------------------------------
# Calendar edge cases.


def test_leap_years():
    assert one("2024年2月29日").value == D(2024, 2, 29)
    assert one("2024年2月末").value == D(2024, 2, 29)
    assert one("2023年2月末").value == D(2023, 2, 28)
    assert one("2000年2月").last == D(2000, 2, 29)
    assert one("1900年2月").last == D(1900, 2, 28)


@pytest.mark.parametrize("text", ["2月30日", "2023年2月29日", "4月31日", "2019-02-30"])
def test_impossible_dates_are_kept_without_value(text):
    m = one(text)
    assert (m.text, m.precision, m.value, m.first, m.last) == (text, P.DAY, None, None, None)


@pytest.mark.parametrize("text", ["13月", "2019年13月", "7月32日", "2019-13-01", "0月1日"])
def test_out_of_range_numbers_are_no_dates(text):
    assert all(m.precision is not P.DAY or m.value is None for m in extract_dates(text, REF))
    assert "7月32日" not in texts(text)


def test_impossible_range_has_no_value():
    m = one("2018年至2016年")
    assert (m.precision, m.first, m.last) == (P.RANGE, None, None)


# --------------------------------------------------------------------------
# Relative resolution rules.


def test_without_reference_relative_mentions_have_no_value():
    found = extract_dates("7月29日,今年上半年,近日,正月十五,上月,昨天,2019年")
    assert [m.relative for m in found] == [True, True, True, True, True, True, False]
    assert all(m.value is None and m.first is None and m.last is None for m in found[:-1])
    assert found[-1].value == D(2019, 1, 1)


def test_month_day_from_a_january_page_is_last_december():
    assert one("12月28日", D(2019, 1, 5)).value == D(2018, 12, 28)
    assert one("12月", D(2019, 1, 5)).first == D(2018, 12, 1)
    assert one("3月1日", D(2019, 1, 5)).value == D(2019, 3, 1)  # within six months ahead
    assert one("1月15日", D(2019, 11, 30)).value == D(2019, 1, 15)  # behind: same year


def test_range_across_new_year_without_year():
    m = one("12至3月", D(2019, 1, 20))
    assert (m.first, m.last) == (D(2018, 12, 1), D(2019, 3, 31))


def test_datetime_reference_is_accepted():
    assert one("昨天", dt.datetime(2019, 7, 30, 23, 59)).value == D(2019, 7, 29)  # noqa: DTZ001


@pytest.mark.parametrize("reference", [dt.date.min, dt.date.max])
def test_references_at_the_ends_of_the_calendar(reference):
    found = extract_dates("去年,明年,上月,下月,昨天,明天,7月29日,12月,正月十五,29日,", reference)
    assert len(found) == 10


def test_relative_arithmetic_at_month_ends():
    assert one("上月", D(2019, 3, 31)).first == D(2019, 2, 1)
    assert one("上个月底", D(2024, 3, 31)).value == D(2024, 2, 29)
    assert one("去年", D(2024, 2, 29)).first == D(2023, 1, 1)
    assert one("昨天", D(2024, 3, 1)).value == D(2024, 2, 29)


# --------------------------------------------------------------------------
# Lunar dates. Expected values checked against lunardate and against known
# festival dates (Spring Festival, 腊八, 元宵, 端午, 中秋, 除夕).

SPRING_FESTIVALS = {
    2019: D(2019, 2, 5),
    2020: D(2020, 1, 25),
    2021: D(2021, 2, 12),
    2022: D(2022, 2, 1),
    2023: D(2023, 1, 22),
    2024: D(2024, 2, 10),
}


@pytest.mark.parametrize(("year", "day"), sorted(SPRING_FESTIVALS.items()))
def test_spring_festival(year, day):
    assert LunarDate(year, 1, 1).to_solar_date() == day
    assert one("正月初一", D(year, 3, 1)).value == day
    assert one("大年初一", D(year, 3, 1)).value == day
    assert one("除夕", D(year, 3, 1)).value == day - dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("农历腊月二十一", D(2024, 1, 20), D(2024, 1, 31)),  # lunar 2023, 腊八 = 2024-01-18
        ("农历腊月二十一", D(2023, 1, 15), D(2023, 1, 12)),  # lunar 2022, 腊八 = 2022-12-30
        ("腊月初八", D(2024, 1, 2), D(2024, 1, 18)),
        ("正月十五", D(2024, 2, 1), D(2024, 2, 24)),  # 元宵 2024
        ("正月十五", D(2024, 1, 20), D(2024, 2, 24)),  # before Spring Festival: the coming one
        ("五月初五", D(2023, 6, 1), D(2023, 6, 22)),  # 端午 2023
        ("农历五月初五", D(2024, 6, 1), D(2024, 6, 10)),  # 端午 2024
        ("农历八月十五", D(2023, 9, 1), D(2023, 9, 29)),  # 中秋 2023
        ("农历8月15日", D(2024, 9, 1), D(2024, 9, 17)),  # 中秋 2024
        ("除夕", D(2025, 1, 10), D(2025, 1, 28)),  # 29-day 腊月: eve is 腊月二十九
        ("大年三十", D(2024, 2, 1), D(2024, 2, 9)),
        ("农历闰二月初一", D(2023, 3, 1), D(2023, 3, 22)),  # 2023 had a leap second month
        ("農曆臘月廿一", D(2024, 1, 20), D(2024, 1, 31)),
    ],
)
def test_lunar_dates(text, reference, expected):
    m = one(text, reference)
    assert (m.text, m.value, m.precision, m.relative, m.lunar) == (
        text,
        expected,
        P.DAY,
        True,
        True,
    )


def test_gregorian_and_lunar_mentions_agree():
    found = extract_dates("1月12日(农历腊月二十一)", D(2023, 1, 15))
    assert [m.text for m in found] == ["1月12日", "农历腊月二十一"]
    assert found[0].value == found[1].value == D(2023, 1, 12)
    assert [m.lunar for m in found] == [False, True]


def test_impossible_lunar_dates():
    assert one("农历闰三月初一", D(2023, 5, 1)).value is None  # 2022-2024: no leap 3rd month
    assert one("正月三十", D(2024, 2, 1)).value is None  # 正月 2024: Feb 10 to Mar 9
    assert one("正月三十", D(2025, 2, 1)).value == D(2025, 2, 27)  # 二月初一 2025 = Feb 28
    assert one("除夕", D(1850, 1, 1)).value is None  # outside lunardate's 1900-2099


# --------------------------------------------------------------------------
# What is not a date.


@pytest.mark.parametrize(
    "text",
    [
        "近3年",
        "十年来",
        "三年",
        "连续三年",
        "98周年",
        "70周年之际",
        "近60年的时间",
        "3个月",
        "两个月",
        "5000年历史",
        "近2000年",
        "2000多年",
        "年产值达30亿元",
        "第七批",
        "一是",
        "16.8%",
        "3.86亿元",
        "5至10个",
        "2019锦州海洋文化旅游节",
        "节日前夕",
        "工作日前",
        "接近日本",
        "临近期末",
        "年初步完成",
        "节假日高峰",
        "连日来",
        "十年前年轻人",
        "月薪100元月均",
        "“8+3”产业",
        "“十四五”",
        "5G",
        "近年来",
    ],
)
def test_not_dates(text):
    assert texts(text) == []


def test_year_before_duration_word_is_kept_when_it_is_a_date():
    assert texts("锦州市对2017年以来引进的18个项目") == ["2017年"]
    assert texts("2023年收入达12.6万元") == ["2023年"]


# --------------------------------------------------------------------------
# Page-date inference.


def test_infer_prefers_full_dates():
    text = "到2025年全市完成,2016年至2018年共计,2019年7月29日,2019年"
    assert infer_reference(text) == D(2019, 7, 29)


def test_infer_from_years_and_month_days():
    text = "2018年,2019年,2019年度,去年,7月24日,7月30日,2018年10月"
    assert infer_reference(text) == D(2019, 7, 30)


def test_infer_year_only_gives_the_last_day():
    assert infer_reference("2021年,2020年") == D(2021, 12, 31)


def test_infer_ties_go_to_the_later_year_and_ranges_do_not_count():
    assert infer_reference("2020年,2021年,2016年至2018年") == D(2021, 12, 31)
    assert infer_reference("2016年至2018年,今年") is None
    assert infer_reference("") is None


def test_infer_from_mentions():
    mentions = extract_dates("2019年上半年,7月29日,近日")
    assert infer_reference(mentions) == D(2019, 7, 29)


def test_inferred_reference_resolves_every_month_day_into_its_year():
    text = "2019年,1月5日,12月28日,今年"
    ref = infer_reference(text)
    assert ref == D(2019, 12, 28)
    assert [m.value.year for m in extract_dates(text, ref) if m.value] == [2019] * 4


# --------------------------------------------------------------------------
# API contract.


def test_type_errors():
    with pytest.raises(
        TypeError, match=r"^extract_dates\(\) argument 'text' must be str, not NoneType$"
    ):
        extract_dates(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="reference must be"):
        extract_dates("今年", "2019-07-30")  # type: ignore[arg-type]


def test_to_dict_and_frozen():
    m = one("今年上半年")
    assert m.to_dict() == {
        "text": "今年上半年",
        "start": 0,
        "end": 5,
        "value": "2019-01-01",
        "first": "2019-01-01",
        "last": "2019-06-30",
        "precision": "half_year",
        "relative": True,
        "lunar": False,
    }
    with pytest.raises(AttributeError):
        m.text = "x"  # type: ignore[misc]


def test_offsets_index_the_original_text():
    text = "ｘ２０１９年７月，臘月廿一\r\n“6・27”"
    for m in extract_dates(text, REF):
        assert text[m.span.start : m.span.end] == m.text


# --------------------------------------------------------------------------
# Properties.

ALPHABET = list(
    "0123456789０１２３４５６７８９〇○零一二三四五六七八九十廿卅元正冬腊闰农历大除夕"
    "年月日号份度初末底旬上中下半季春夏秋冬天今去明前本这个昨近期不久第至到-—~.·・/"
    '“”"「」,，。、 \n以来多余周节假锦州市'
)
# Whole date words of every form, so that their combinations come up densely.
WORDS = [
    *"0123456789一二三十两年月日号周天前后初廿,、 “”",
    *[
        "上周",
        "下下",
        "本周",
        "星期",
        "礼拜",
        "周末",
        "上个",
        "个月",
        "季度",
        "本季度",
        "当天",
        "次日",
        "翌日",
        "后天",
        "大前天",
    ],
    *[
        "春节",
        "国庆",
        "十一",
        "五一",
        "假期",
        "期间",
        "中秋节",
        "清明",
        "冬至",
        "元旦",
        "除夕",
        "农历",
        "腊月",
        "正月",
        "初五",
    ],
    *[
        "今年",
        "去年",
        "明年",
        "后年",
        "98年",
        "二〇二三年",
        "第二周",
        "前三个月",
        "上半月",
        "年中",
        "年前",
        "天后",
        "天内",
    ],
    *["至", "到", "—", "-", ".", "/", "起至", "自", "从", "的", "第", "个"],
]
word_text = st.lists(st.sampled_from(WORDS), max_size=20).map("".join)
date_text = st.text(alphabet=ALPHABET, max_size=60) | st.text(max_size=30) | word_text
references = st.none() | st.dates(min_value=D(1901, 3, 1), max_value=D(2098, 10, 1))


@settings(max_examples=300, deadline=None)
@given(text=date_text, reference=references)
def test_spans_match_text_and_never_raise(text, reference):
    found = extract_dates(text, reference)
    end = 0
    for m in found:
        assert text[m.span.start : m.span.end] == m.text
        assert m.span.start >= end  # sorted, no overlaps
        end = m.span.end
        assert m.value == m.first
        assert (m.first is None) == (m.last is None)
        if m.first is not None and m.last is not None:
            assert m.first <= m.last
        if m.precision is P.DAY and m.first is not None:
            assert m.first == m.last
        if not m.relative:
            # an explicit date does not depend on the reference
            assert m in extract_dates(text, None)


_PLAIN = regex.compile(date_forms.ALTERNATION)


def _set_groups(m: regex.Match[str]) -> dict[str, str]:
    return {k: v for k, v in m.groupdict().items() if v is not None and not k.startswith("K_")}


def _plain_record(text: str) -> list[tuple[object, ...]]:
    folded = date_forms.fold(text)
    out = []
    for m in _PLAIN.finditer(folded):
        (form,) = [k[2:] for k, v in m.groupdict().items() if k.startswith("K_") and v is not None]
        out.append((m.span(), form, _set_groups(m)))
    return out


def _scan_record(text: str) -> list[tuple[object, ...]]:
    folded = date_forms.fold(text)
    return [(m.span(), f.name, _set_groups(m)) for m, f in date_forms.date_matches(folded)]


# Text where dates are dense and every character that can start one comes up,
# with other scripts' decimal digits (\d, as the alternation reads them).
_DENSE = st.text(alphabet=[*ALPHABET, "\u0663", "\u0967", "\uff10", "廿", "卅"], max_size=80)


@settings(max_examples=600, deadline=None)
@given(text=date_text | _DENSE)
@example(text="自2016\u2014\u20142018年度以来")  # the longest lead: 10 characters before 年
@example(text="2016~~2018年, 10\u2014\u201412月份, 十一至十二月")
@example(text="农历闰十二月初一, 前三个季度, 第四季度末, “6.27”, 12·31")
@example(text="\u0662\u0660\u0661\u0669年7月, 年初, 去年年底, 12.3.2019")
@example(text="一二三四五六七八九十一二三四五六七八九十一二三四5月")  # a lead past _LEAD
@example(text="4年清明,”二二〇二三年十一")  # a festival that needs context after no year
def test_date_scan_finds_what_the_plain_alternation_finds(text):
    # _date_matches tries the alternation only where a date can start (its
    # first character, an anchor within _LEAD characters) and only the
    # alternatives that can start with that character: the same matches.
    assert _scan_record(text) == _plain_record(text)


# Text with the characters fold maps (full-width digits, traditional forms).
_UNFOLDED = st.text(alphabet=[*ALPHABET, *sorted(vocab.DATE_FOLD)], max_size=80)


@settings(max_examples=300, deadline=None)
@given(text=date_text | _DENSE | _UNFOLDED)
@example(text="\uff12\uff10\uff11\uff19年7月, 今年")  # folded at its first character
@example(text="今年7月29日, 農曆臘月")  # folded after dates were found
def test_fold_and_match_is_fold_then_the_scan(text):
    folded, found = date_forms.fold_and_match(text)
    assert folded == date_forms.fold(text)
    assert [(m.span(), f.name, _set_groups(m)) for m, f in found] == _scan_record(text)


def test_date_scan_finds_what_the_plain_alternation_finds_on_pages():
    from newsparse.sample import sample_text

    pages = [sample_text()]
    if SHARED_CORPUS.is_dir():
        pages += [p.read_text(encoding="utf-8") for p in sorted(SHARED_CORPUS.glob("*.txt"))]
    for page in pages:
        found = _scan_record(page)
        assert found  # every page names dates
        assert found == _plain_record(page)


def test_each_start_pattern_matches_as_the_alternation_at_every_position():
    # at every position, the forms tried for its first character and the
    # first anchor after it give what the whole alternation gives there
    from newsparse.sample import sample_text

    text = date_forms.fold(sample_text() + "".join(ALPHABET) + "今年“五一”假期,上周三,春分")
    anchors = [m.start() for m in date_forms._ANCHOR_AT.finditer(text)]
    for p, ch in enumerate(text):
        plain = _PLAIN.match(text, p)
        a = next((a for a in anchors if a >= p), None)
        if a is None or a - p > date_forms._LEAD:
            assert plain is None, (p, ch)
            continue
        if regex.match(r"\d", ch):
            run = regex.compile(r"\d+").match(text, p).end()
            forms = date_forms.by_run(text[a], run - p, text[run]) if run <= a else ()
        else:
            forms = date_forms.by_first(text[a]).get(ch, ())
        mine = next((m for pat, _ in forms if (m := pat.match(text, p)) is not None), None)
        assert (mine is None) == (plain is None), (p, ch)
        if mine is not None and plain is not None:
            assert (mine.span(), _set_groups(mine)) == (plain.span(), _set_groups(plain))


@pytest.mark.parametrize("text", ["", "2019年", "\uff12\uff10\uff11\uff19年", "農曆臘月", "個數"])
def test_fold_is_the_translation_table(text):
    assert date_forms.fold(text) == text.translate(date_forms._FOLD)


@settings(max_examples=100, deadline=None)
@given(
    year=st.integers(1900, 2099),
    month=st.integers(1, 12),
    day=st.integers(1, 31),
    prefix=st.sampled_from(["", "本报讯 ", "截至", "在"]),
)
def test_full_dates_round_trip(year, month, day, prefix):
    text = f"{prefix}{year}年{month}月{day}日"
    m = one(text)
    assert m.span == Span(len(prefix), len(text))
    try:
        expected: dt.date | None = D(year, month, day)
    except ValueError:
        expected = None
    assert (m.value, m.relative) == (expected, False)


@pytest.mark.parametrize(
    "unit",
    [
        "1-",
        "1至",
        "2019年",
        "7月29日至",
        "〇",
        "农历",
        "“6·",
        "29日,",
        "日前",
        "20192019",
        "上周",
        "上上上",
        "十一假期",
        "春节到",
        "98年",
        "农历二〇二三年",
        "第2周",
        "3天后",
        "2023-05-",
        "周周周",
    ],
)
def test_linear_time_on_repetitive_input(unit):
    text = (unit * 5000).translate(date_forms._FOLD)
    # raises TimeoutError if a pattern backtracks catastrophically
    for pattern in map(date_forms.compiled, date_forms.FORMS):
        for _ in pattern.finditer(text, timeout=2.0):
            pass
    assert len(date_forms.date_matches(text)) <= len(text)


# --------------------------------------------------------------------------
# The shared corpus: the dates a reader sees, and nothing else.

corpus = pytest.mark.skipif(
    not SHARED_CORPUS.is_dir(), reason=f"corpus not found at {SHARED_CORPUS}"
)


@corpus
def test_corpus_page_003():
    text = (SHARED_CORPUS / "003_0fad52ceb7412b40.txt").read_text(encoding="utf-8")
    ref = infer_reference(text)
    assert ref == D(2021, 8, 11)
    found = extract_dates(text, ref)
    assert [m.text for m in found if m.precision is P.DAY] == [
        "8月10日",
        "3月12日",
        "6月21日",
        "8月11日",
        "6·27",
        "7·14",
    ]
    assert {m.text for m in found} == {
        "上半年",
        "今年",
        "2021年",
        "日前",
        "2020年",
        "近日",
        "8月10日",
        "3月12日",
        "6月21日",
        "7月份",
        "8月11日",
        "6·27",
        "7·14",
    }


@corpus
def test_corpus_page_000():
    text = (SHARED_CORPUS / "000_d7dfef569eca7147.txt").read_text(encoding="utf-8")
    ref = infer_reference(text)
    assert ref == D(2019, 7, 30)
    found = {m.text: m for m in extract_dates(text, ref)}
    assert found["1至5月份"].last == D(2019, 5, 31)
    assert found["2016年至2018年"].precision is P.RANGE
    assert found["今年6月中旬"].first == D(2019, 6, 11)
    assert found["2019年末"].value == D(2019, 12, 31)
    assert found["年初"].value == D(2019, 1, 1)
    assert not {"98周年", "70周年", "近60年", "三年", "近年"} & set(found)


def test_lunar_date_in_parentheses_names_the_gregorian_day_before_it() -> None:
    found = extract_dates("1月12日(农历腊月二十一)", dt.date(2023, 8, 1))
    assert [m.value for m in found] == [dt.date(2023, 1, 12), dt.date(2023, 1, 12)]


_FIELD_TEXTS = [
    "2019年7月29日召开大会。今年上半年,1月12日(农历腊月二十一)",
    "当天,次日,近日,2016年至2018年,上周三,春节期间",
    "",
]


@pytest.mark.parametrize("reference", [None, dt.date(2023, 1, 15)])
def test_date_fields_of_are_the_mentions_of_extract_dates_of(reference):
    ref, found = extract_dates_of(_FIELD_TEXTS, reference)
    ref_fields, fields = date_fields_of(_FIELD_TEXTS, reference)
    assert ref == ref_fields
    rebuilt = [
        [DateMention(t, Span(s, e), a, a, b, p, rel, lun) for t, s, e, a, b, p, rel, lun in f]
        for f in fields
    ]
    assert rebuilt == found
    assert any(found)


@settings(max_examples=150, deadline=None)
@given(text=date_text, reference=st.dates(dt.date(1901, 1, 1), dt.date(2098, 12, 31)) | st.none())
def test_the_resolution_memo_gives_what_resolution_gives(text, reference):
    # the memo keys an item by its fields without its offsets: the same
    # resolution as resolving it afresh, whatever was resolved before
    for item in dates_module._scan(text):
        assert dates_module._resolved(item, reference) == dates_module._resolve_item(
            item, reference
        )


def test_the_resolution_memo_is_bounded():
    for year in range(1000, 1000 + dates_module._RESOLVED_MAX + 10):
        dates_module._resolved(date_resolve.Atom(0, 5, date_resolve.Kind.YEAR, year=year), None)
    assert len(dates_module._RESOLVED) <= dates_module._RESOLVED_MAX


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("民國114年1月5日", D(2025, 1, 5), D(2025, 1, 5)),
        ("中華民國三十八年", D(1949, 1, 1), D(1949, 12, 31)),
        ("民国一一四年底", D(2025, 12, 31), D(2025, 12, 31)),
        ("民國元年", D(1912, 1, 1), D(1912, 12, 31)),
    ],
)
def test_years_of_the_republic(text, first, last):
    # Taiwan's papers count years from 1912 (民國元年)
    found = extract_dates(text, D(2026, 11, 20))
    assert [(m.text, m.first, m.last) for m in found] == [(text, first, last)]


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("春節", "春节"),
        ("中秋節", "中秋节"),
        ("國慶節", "国庆节"),
        ("聖誕節", "圣诞节"),
        ("母親節", "母亲节"),
        ("驚蟄", "惊蛰"),
        ("農曆新年", "春节"),
    ],
)
def test_festivals_in_traditional_script_are_the_simplified_ones(traditional, simplified):
    ref = D(2026, 11, 20)
    (found,) = extract_dates(traditional, ref)
    (expected,) = extract_dates(simplified, ref)
    assert (found.text, found.first, found.last) == (traditional, expected.first, expected.last)


def test_words_holding_the_republic_are_no_year():
    assert texts("国民党,人民国家,中华人民共和国") == []
