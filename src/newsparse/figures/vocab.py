"""Word lists of the figures: data only, no logic.

Numeral characters, unit and measure words that have context rules,
approximation words, date words: each list is documented with what it
stands for, and the modules of [`newsparse.figures`][newsparse.figures] import them from
here.

>>> isinstance(__all__, list)
True
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "ANCHORED_DAYS",
    "APPROX_PREFIXES",
    "BARE_FOLLOW",
    "BIG_UNITS",
    "CHENG_BAD_NEXT",
    "CHENG_BAD_PREV",
    "CLAUSE_BREAKS",
    "CLOCK_MARKS",
    "CNY_SUBUNITS",
    "CN_DIGITS",
    "COIN_UNITS",
    "CURRENCY_SYMBOLS",
    "DATE_DIGITS",
    "DATE_FOLD",
    "DATE_PREVIOUS",
    "DIGIT_PAIRS",
    "DURATION_AFTER",
    "DURATION_BEFORE",
    "FEN_BAD_NEXT",
    "FEN_WORDS",
    "FESTIVALS",
    "FESTIVAL_CONTEXT_AFTER",
    "FESTIVAL_NEEDS_CONTEXT",
    "FINANCIAL_DIGITS",
    "FRONT_UNITS",
    "GENERIC_YUAN",
    "HALF_NEXT_NOT",
    "HOLIDAY_WORDS",
    "INNER_APPROX",
    "INTRO_CHARS",
    "KILO_FOLLOW",
    "KUAI_OK",
    "LIST_SEPARATORS",
    "MONTH_WORDS",
    "MORE_REL_DAYS",
    "MORE_REL_YEARS",
    "NEGS",
    "NOT_CHAO_BEFORE",
    "NOT_JIN_BEFORE",
    "NOT_YUE_BEFORE",
    "NUMERAL_CHARS",
    "ONE_CHARS",
    "OPERATORS",
    "PHONE_WORDS",
    "PLAIN_NONZERO_DIGITS",
    "POINTS",
    "POST_APPROX",
    "PREFIX_VERBS",
    "PREV_OPERATORS",
    "RANGE_SEPARATORS",
    "RATE_WORDS",
    "REL_DAYS",
    "REL_YEARS",
    "SEASONS",
    "SHOU_NEXT",
    "SIGNS",
    "SKIP_WORDS",
    "SMALL_UNITS",
    "SURNAMES",
    "TAI_PLACE",
    "TENS",
    "TWOS",
    "UNIT_AFTER_MULT",
    "VERB_PREFIXES",
    "WEEKDAYS",
    "WEEK_SHIFTS",
    "ZEROS",
]

# ----------------------------------------------------------------------------- numbers

CN_DIGITS: Final[dict[str, int]] = {
    "零": 0, "〇": 0, "○": 0,  # noqa: RUF001
    "一": 1, "壹": 1, "弌": 1,
    "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2, "倆": 2, "弍": 2,
    "三": 3, "叁": 3, "參": 3, "叄": 3, "弎": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
"""Chinese digits (everyday, financial, traditional) and their values."""
ZEROS: Final = frozenset("零〇○")
"""The zeros: inside a numeral they mark a skipped place (``一千零五``)."""
TWOS: Final = frozenset("两兩倆")
"""The colloquial twos: never read digit by digit (``两三`` is a range, not 23)."""
SMALL_UNITS: Final[dict[str, int]] = {
    "十": 10,
    "拾": 10,
    "百": 100,
    "佰": 100,
    "千": 1000,
    "仟": 1000,
}
"""The place words below ten thousand."""
BIG_UNITS: Final[dict[str, int]] = {
    "万": 10**4,
    "萬": 10**4,
    "亿": 10**8,
    "億": 10**8,
    "兆": 10**12,
}
"""The magnitudes: each multiplies the section before it."""
TENS: Final[dict[str, int]] = {"廿": 20, "卅": 30, "卌": 40}
"""The single characters for 20, 30 and 40."""
POINTS: Final = frozenset("点點")
"""The decimal point written as a word (``三点八六``)."""
NEGS: Final = frozenset("负負")
"""The word for minus (``负3``)."""
SIGNS: Final = NEGS | frozenset("-")
"""What a negative numeral starts with."""
INNER_APPROX: Final = frozenset("余多几幾餘")
"""Approximation words inside a numeral (``十余万``, ``二百多亿``)."""
NUMERAL_CHARS: Final = frozenset(CN_DIGITS) | set(SMALL_UNITS) | set(BIG_UNITS) | set(TENS)
"""Every character that can be part of a Chinese numeral (digits and units)."""
ONE_CHARS: Final = frozenset(ch for ch, v in CN_DIGITS.items() if v == 1)
"""The characters for one (an indefinite article in ``一名党员``)."""
FINANCIAL_DIGITS: Final = frozenset("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟")
"""The financial (anti-forgery) numerals, which also write ordinary words (``队伍``)."""
PLAIN_NONZERO_DIGITS: Final = frozenset("一壹弌二贰貳三叁參四肆五伍六陆陸七柒八捌九玖")
"""Digits one to nine (without the colloquial twos) that write placeholder names (``李四``)."""
DIGIT_PAIRS: Final = frozenset(
    {(1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 8), (8, 9), (3, 5)}
)
"""Neighbouring digits that name a spoken range (``两三个``, ``三五百块``, ``七八十万``)."""
UNIT_AFTER_MULT: Final = frozenset("米克瓦伏帕赫字")
"""After 千/兆 these make a unit word (千米, 千克, 千瓦, 千伏, 兆瓦), not a multiplier."""
KILO_FOLLOW: Final = frozenset("元个個左上以多余-~至到%—–、,，。;；:：)）")
"""What may follow ``15k`` for the ``k`` to be a multiplier (not a model name)."""

# ----------------------------------------------------------------------------- quantities

SKIP_WORDS: Final = (
    # dates, clock times, ordinal-like words: the number before them is no quantity
    "周年", "年代", "年级", "年份", "年度", "月份", "月", "日", "号", "时", "点", "楼", "室",
    "后", "强", "世纪", "级", "版", "代", "季度", "季", "线", "路", "分之", "集团",
    # 首 + measure word: 首届, 首批 (first), not a count of 首
    "首届", "首次", "首批", "首个", "首家", "首位", "首台", "首款", "首座", "首部", "首条",
    "首场", "首期", "首发", "首创", "首轮", "首都", "首先", "首选", "首页",
)  # fmt: skip
"""Words after a number that make it a date, a time, a rank or a name: no quantity."""
APPROX_PREFIXES: Final = (
    ("将近", "under"), ("接近", "under"), ("不足", "under"), ("不到", "under"),
    ("近", "under"), ("大约", "about"), ("约", "about"), ("超过", "over"),
    ("突破", "over"), ("逾", "over"), ("超", "over"),
)  # fmt: skip
"""Approximation words printed before a figure, with the ``Approx`` value they mean."""
PREFIX_VERBS: Final = frozenset("有为占合计达")
"""Short verbs between an approximation word and the figure (``约有``, ``近达``)."""
VERB_PREFIXES: Final = frozenset({"约", "大约", "近", "将近", "超过"})
"""The approximation words that may stand before such a verb."""
NOT_JIN_BEFORE: Final = frozenset("最附临邻亲靠贴就远逼")
"""Before 近 these make a word (最近, 附近), not "nearly"."""
NOT_YUE_BEFORE: Final = frozenset("节签预制公条合契邀相违履特婚缔守践毁赴简隐集盟")
"""Before 约 these make a word (节约, 签约), not "about"."""
NOT_CHAO_BEFORE: Final = frozenset("赶高")
"""Before 超 these make a word (赶超, 高超), not "over"."""
POST_APPROX: Final = {
    "以上": "over", "以下": "under", "以内": "under", "左右": "about", "上下": "about",
    "出头": "over", "开外": "over",
}  # fmt: skip
"""Approximation words printed after a figure, with the ``Approx`` value they mean."""
RANGE_SEPARATORS: Final = ("至", "到", "~", "～", "——", "--", "—", "–", "-")
"""What joins the two ends of a range (``5至10个``, ``3~5年``)."""
SURNAMES: Final = frozenset("张王李赵刘陈孙周吴郑钱")
"""Surnames of placeholder names (``张三``, ``李四``): the digit is no figure."""
DATE_PREVIOUS: Final = frozenset("周期拜初月")
"""Before a Chinese numeral these make a date word (周三, 初五, 礼拜六)."""
INTRO_CHARS: Final = frozenset("是有为和与或到至了达共计等于值剩加减乘除以得要选给写说即约近超过逾")
"""Words a lone Chinese figure may follow without being part of a word."""
BARE_FOLLOW: Final = frozenset("的且和与或及而但却不也就都还了那这")
"""Words a bare number may be followed by without being part of a word."""
FEN_BAD_NEXT: Final = frozenset("钟之别析布配享成工公行局会队组类期批段摊散红子数")
"""After 分 these make a word (分钟, 分析), not a count of points."""
FEN_WORDS: Final = frozenset({"十", "万", "百", "千", "一"})
"""Numerals that make an adverb with 分 (十分重视, 万分感谢)."""
CHENG_BAD_NEXT: Final = frozenset("为立功员本果绩交都熟长型品效就规不")
"""After 成 these make a word (成为, 成立), not tenths."""
CHENG_BAD_PREV: Final = frozenset("建完形达促构组合集赞变分")
"""Before a figure in 成 these make a word (建成, 完成)."""
TAI_PLACE: Final = frozenset("山湾州北南中东西")
"""After 台 these make a place name (五台山, 台湾)."""
SHOU_NEXT: Final = frozenset("届次批个家位台款座部条场期发创轮")
"""After 首 these make "the first" (首届, 首批), not a count of songs."""
KUAI_OK: Final = frozenset("钱毛角半")
"""After 块 these keep it money (块钱, 块五毛); other words make it pieces (3块地)."""
PHONE_WORDS: Final = ("电话", "热线", "手机", "传真", "邮编", "号码", "编号", "代码", "QQ", "微信")
"""Words before a number that make it an identifier."""
OPERATORS: Final = frozenset("+:*/.×")  # noqa: RUF001
"""After a bare number these make it part of a formula, a score or a version."""
PREV_OPERATORS: Final = frozenset("+*/×")  # noqa: RUF001
"""Before an Arabic number these make it part of a formula."""
CURRENCY_SYMBOLS: Final = {"¥": "CNY", "$": "USD", "€": "EUR", "£": "GBP", "₩": "KRW", "₹": "INR"}
"""Currency signs printed before an amount."""
GENERIC_YUAN: Final = frozenset({"元", "圆", "块", "块钱", "元钱"})
"""Money words that say no currency (the currency printed before them decides)."""
COIN_UNITS: Final = frozenset({"元", "圆", "块", "块钱", "元钱", "美元", "日元"})
"""Money words after which smaller coins may follow (``3元5角``, ``5美元20美分``)."""
CNY_SUBUNITS: Final = {"角": (1, 10), "毛": (1, 10), "分": (1, 100)}
"""The smaller coins of the yuan, as fractions of one yuan."""
HALF_NEXT_NOT: Final = frozenset("上下前后大一多每个")
LIST_SEPARATORS: Final = frozenset("、和与及或")
"""What joins the items of a list of figures that share one unit (``3、5、7个``)."""
FRONT_UNITS: Final = {
    "摄氏": ("°C", "度"), "人民币": ("CNY", ""), "RMB": ("CNY", ""), "CNY": ("CNY", ""),
    "USD": ("USD", ""), "HKD": ("HKD", ""), "EUR": ("EUR", ""), "JPY": ("JPY", ""),
    "GBP": ("GBP", ""), "港币": ("HKD", ""), "美元": ("USD", ""), "欧元": ("EUR", ""),
}  # fmt: skip
"""Units printed before the number (``摄氏30度``, ``USD 30``, ``人民币100``): the code, and
the unit word that must follow (``""``: none)."""
RATE_WORDS: Final = {"月": "month", "日": "day", "时": "hour", "小时": "hour", "年": "year"}
"""Denominators of a rate that are no unit on their own (``元/月``, ``每日``)."""
CLAUSE_BREAKS: Final = frozenset("，,；;：:")
"""Punctuation that ends a clause inside a sentence."""
CLOCK_MARKS: Final = frozenset("时点")
"""After a number these make a clock time (``8时30分``, ``3点4分5秒``)."""
"""Before 半 these make a word (上半, 一半), not "half a"."""

# ----------------------------------------------------------------------------- dates

DATE_FOLD: Final[dict[str, str]] = {
    **{chr(0xFF10 + i): str(i) for i in range(10)},
    "\uff0e": ".",  # full-width full stop
    "\uff0d": "-",  # full-width hyphen-minus
    "\uff5e": "~",  # full-width tilde
    "\uff0f": "/",  # full-width solidus
    "\u2212": "-",  # minus sign
    **dict(
        zip(
            "臘農曆歷陰閏號後個數幾餘約達過週舊兩萬億這從於來經長當歲間"
            "節國慶聖誕婦兒黨軍親師勞動陽穀驚蟄滿種處樹華",
            "腊农历历阴闰号后个数几余约达过周旧两万亿这从于来经长当岁间"
            "节国庆圣诞妇儿党军亲师劳动阳谷惊蛰满种处树华",
            strict=True,
        )
    ),
}
"""Characters the date patterns read as another, one for one (offsets never move):
full-width digits and punctuation, and the traditional forms of the date words."""

REL_YEARS: Final[dict[str, int]] = {
    "今年": 0,
    "本年": 0,
    "去年": -1,
    "上年": -1,
    "明年": 1,
    "前年": -2,
}
"""Years named from the reference's: the offset in years."""

REL_DAYS: Final[dict[str, int]] = {
    "今天": 0,
    "今日": 0,
    "今晨": 0,
    "今晚": 0,
    "昨天": -1,
    "昨日": -1,
    "昨晚": -1,
    "昨夜": -1,
    "前天": -2,
    "明天": 1,
    "明日": 1,
}
"""Days named from the reference day: the offset in days."""

SEASONS: Final[dict[str, int]] = {"春": 1, "夏": 2, "秋": 3, "冬": 4}
"""The seasons' characters, in the order of the year (spring first)."""

DATE_DIGITS: dict[str, int] = {"\u3007": 0, "\u25cb": 0, "零": 0, "两": 2} | {
    c: i for i, c in enumerate("一二三四五六七八九", 1)
}
"""Chinese digits as dates write them (years digit by digit: 二〇一九)."""

MONTH_WORDS: Final[dict[str, int]] = {"元": 1, "正": 1, "冬": 11, "腊": 12, "卅": 30, "卅一": 31}
"""Month and day numerals that are words: 元月, 正月, 冬月, 腊月, 卅日."""

DURATION_BEFORE: Final = frozenset("近约逾超达过历经长余几数每第")
"""Characters before a bare ``2000年`` that make it a duration (``近2000年``)."""

DURATION_AFTER: Final = ("多", "余", "之久", "左右", "上下", "以上", "历史", "的历史", "代", "间")
"""Words after a bare ``2000年`` that make it a duration (``2000多年``)."""

_TERMS: Final = (
    "小寒大寒立春雨水惊蛰春分清明谷雨立夏小满芒种夏至"
    "小暑大暑立秋处暑白露秋分寒露霜降立冬小雪大雪冬至"
)

FESTIVALS: Final[dict[str, tuple[str, int, int]]] = {
    # lunar festivals: (calendar "lunar", month, day); day 0 is the last day of the year
    "春节": ("lunar", 1, 1),
    "农历新年": ("lunar", 1, 1),
    "除夕": ("lunar", 12, 0),
    "元宵节": ("lunar", 1, 15),
    "元宵": ("lunar", 1, 15),
    "端午节": ("lunar", 5, 5),
    "端午": ("lunar", 5, 5),
    "七夕节": ("lunar", 7, 7),
    "七夕": ("lunar", 7, 7),
    "中元节": ("lunar", 7, 15),
    "中秋节": ("lunar", 8, 15),
    "中秋": ("lunar", 8, 15),
    "重阳节": ("lunar", 9, 9),
    "重阳": ("lunar", 9, 9),
    "腊八节": ("lunar", 12, 8),
    "腊八": ("lunar", 12, 8),
    "小年": ("lunar", 12, 23),
    # civic days: (calendar "solar", month, day)
    "元旦": ("solar", 1, 1),
    "情人节": ("solar", 2, 14),
    "妇女节": ("solar", 3, 8),
    "三八妇女节": ("solar", 3, 8),
    "植树节": ("solar", 3, 12),
    "劳动节": ("solar", 5, 1),
    "五一劳动节": ("solar", 5, 1),
    "五一": ("solar", 5, 1),
    "青年节": ("solar", 5, 4),
    "五四青年节": ("solar", 5, 4),
    "儿童节": ("solar", 6, 1),
    "六一儿童节": ("solar", 6, 1),
    "建党节": ("solar", 7, 1),
    "七一": ("solar", 7, 1),
    "建军节": ("solar", 8, 1),
    "八一建军节": ("solar", 8, 1),
    "八一": ("solar", 8, 1),
    "教师节": ("solar", 9, 10),
    "国庆节": ("solar", 10, 1),
    "国庆": ("solar", 10, 1),
    "十一": ("solar", 10, 1),
    "万圣节": ("solar", 10, 31),
    "平安夜": ("solar", 12, 24),
    "圣诞节": ("solar", 12, 25),
    "圣诞": ("solar", 12, 25),
    # days fixed by a weekday: (calendar "weekday", month, n * 10 + weekday), Monday 0
    "母亲节": ("weekday", 5, 2 * 10 + 6),  # second Sunday of May
    "父亲节": ("weekday", 6, 3 * 10 + 6),  # third Sunday of June
    "感恩节": ("weekday", 11, 4 * 10 + 3),  # fourth Thursday of November
    # solar terms: (calendar "term", index from 小寒 0, 0); 清明 is the fifth of spring
    **{
        name: ("term", i, 0)
        for i, name in enumerate(
            _TERMS[k : k + 2]
            for k in range(0, len(_TERMS), 2)  # (every name has two characters)
        )
    },
    "清明节": ("term", 6, 0),
}
"""Festivals and solar terms by name, and how each is placed in a year.

Lunar ones are converted with the lunar calendar; civic days are fixed
Gregorian days; 母亲节, 父亲节, 感恩节 are the n-th weekday of a month; the
24 solar terms (节气) are computed from the Sun's apparent longitude."""

_NEEDY: Final = (
    "五一七一八一十一国庆元宵端午中秋重阳七夕腊八小年圣诞雨水小满小暑大暑白露小雪大雪清明寒露谷雨"
)
FESTIVAL_NEEDS_CONTEXT: Final = frozenset(_NEEDY[k : k + 2] for k in range(0, len(_NEEDY), 2))
"""Festival names that are also other words (十一 is eleven, 大雪 heavy snow, 清明
clear-minded): dates only before a holiday word, after a year, or in quotes."""

HOLIDAY_WORDS: Final = ("小长假", "黄金周", "长假", "假期", "期间", "前后", "假日")
"""Words after a festival that make the mention its holiday period (国庆假期, 春节期间)."""

FESTIVAL_CONTEXT_AFTER: Final = (
    *HOLIDAY_WORDS,
    "前夕",
    "当天",
    "当日",
    "这天",
    "那天",
    "节",
    "时节",
    "之际",
    "来临",
    "到来",
    "将至",
    "临近",
    "过后",
    "以来",
    "后",
    "前",
    "档",
    "节气",
)
"""Words after a festival name that need context (十一, 大雪) that make it a date."""

WEEKDAYS: Final[dict[str, int]] = {
    "一": 0,
    "二": 1,
    "三": 2,
    "四": 3,
    "五": 4,
    "六": 5,
    "日": 6,
    "天": 6,
    "末": 7,
}
"""Weekday characters after 周/星期/礼拜, Monday 0; 末 (周末) is the weekend, 7."""

WEEK_SHIFTS: Final[dict[str, int]] = {
    "上上": -2,
    "上上个": -2,
    "上": -1,
    "上个": -1,
    "上一个": -1,
    "本": 0,
    "这": 0,
    "这个": 0,
    "这一": 0,
    "下": 1,
    "下个": 1,
    "下一个": 1,
    "下下": 2,
    "下下个": 2,
    "下下下": 3,
    "下下下个": 3,
}
"""Words before 周/月/季度 that shift it from the reference's (上周 -1, 下下周 2)."""

MORE_REL_DAYS: Final[dict[str, int]] = {
    "大前天": -3,
    "前日": -2,
    "本日": 0,
    "后天": 2,
    "大后天": 3,
    "大大后天": 4,
    "大大前天": -4,
    "今夜": 0,
    "明晨": 1,
    "明晚": 1,
}
"""Days named from the reference day besides ``REL_DAYS`` (后天, 大后天, 前日)."""

ANCHORED_DAYS: Final[dict[str, int]] = {
    "当天": 0,
    "当日": 0,
    "次日": 1,
    "翌日": 1,
    "隔日": 1,
    "前一天": -1,
    "第二天": 1,
}
"""Days named from the date the text mentioned last (or the reference): 当天, 次日."""

MORE_REL_YEARS: Final[dict[str, int]] = {
    "后年": 2,
    "大前年": -3,
    "大后年": 3,
    "上一年": -1,
    "这一年": 0,
    "下一年": 1,
}
"""Years named from the reference's besides ``REL_YEARS``."""
