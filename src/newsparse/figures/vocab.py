"""Word lists of the figures: data only, no logic.

Numeral characters, unit and measure words that have context rules,
approximation words, date words: each list is documented with what it
stands for, and the modules of [`newsparse.figures`][newsparse.figures] import them from
here.

>>> isinstance(__all__, list)
True
"""

from __future__ import annotations

__all__: list[str] = []

# ----------------------------------------------------------------------------- numbers

CN_DIGITS: dict[str, int] = {
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
ZEROS = frozenset("零〇○")
"""The zeros: inside a numeral they mark a skipped place (``一千零五``)."""
TWOS = frozenset("两兩倆")
"""The colloquial twos: never read digit by digit (``两三`` is a range, not 23)."""
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
"""The place words below ten thousand."""
BIG_UNITS: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12}
"""The magnitudes: each multiplies the section before it."""
TENS: dict[str, int] = {"廿": 20, "卅": 30, "卌": 40}
"""The single characters for 20, 30 and 40."""
POINTS = frozenset("点點")
"""The decimal point written as a word (``三点八六``)."""
NEGS = frozenset("负負")
"""The word for minus (``负3``)."""
SIGNS = NEGS | frozenset("-")
"""What a negative numeral starts with."""
INNER_APPROX = frozenset("余多几幾餘")
"""Approximation words inside a numeral (``十余万``, ``二百多亿``)."""
NUMERAL_CHARS = frozenset(CN_DIGITS) | set(SMALL_UNITS) | set(BIG_UNITS) | set(TENS)
"""Every character that can be part of a Chinese numeral (digits and units)."""
ONE_CHARS = frozenset(ch for ch, v in CN_DIGITS.items() if v == 1)
"""The characters for one (an indefinite article in ``一名党员``)."""
FINANCIAL_DIGITS = frozenset("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟")
"""The financial (anti-forgery) numerals, which also write ordinary words (``队伍``)."""
PLAIN_NONZERO_DIGITS = frozenset("一壹弌二贰貳三叁參四肆五伍六陆陸七柒八捌九玖")
"""Digits one to nine (without the colloquial twos) that write placeholder names (``李四``)."""
DIGIT_PAIRS = frozenset({(1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 8), (8, 9), (3, 5)})
"""Neighbouring digits that name a spoken range (``两三个``, ``三五百块``, ``七八十万``)."""
UNIT_AFTER_MULT = frozenset("米克瓦伏帕赫字")
"""After 千/兆 these make a unit word (千米, 千克, 千瓦, 千伏, 兆瓦), not a multiplier."""
KILO_FOLLOW = frozenset("元个個左上以多余-~至到%—–、,，。;；:：)）")
"""What may follow ``15k`` for the ``k`` to be a multiplier (not a model name)."""

# ----------------------------------------------------------------------------- quantities

SKIP_WORDS = (
    # dates, clock times, ordinal-like words: the number before them is no quantity
    "周年", "年代", "年级", "年份", "年度", "月份", "月", "日", "号", "时", "点", "楼", "室",
    "后", "强", "世纪", "级", "版", "代", "季度", "季", "线", "路", "分之", "集团",
    # 首 + measure word: 首届, 首批 (first), not a count of 首
    "首届", "首次", "首批", "首个", "首家", "首位", "首台", "首款", "首座", "首部", "首条",
    "首场", "首期", "首发", "首创", "首轮", "首都", "首先", "首选", "首页",
)  # fmt: skip
"""Words after a number that make it a date, a time, a rank or a name: no quantity."""
APPROX_PREFIXES = (
    ("将近", "under"), ("接近", "under"), ("不足", "under"), ("不到", "under"),
    ("近", "under"), ("大约", "about"), ("约", "about"), ("超过", "over"),
    ("突破", "over"), ("逾", "over"), ("超", "over"),
)  # fmt: skip
"""Approximation words printed before a figure, with the ``Approx`` value they mean."""
PREFIX_VERBS = frozenset("有为占合计达")
"""Short verbs between an approximation word and the figure (``约有``, ``近达``)."""
VERB_PREFIXES = frozenset({"约", "大约", "近", "将近", "超过"})
"""The approximation words that may stand before such a verb."""
NOT_JIN_BEFORE = frozenset("最附临邻亲靠贴就远逼")
"""Before 近 these make a word (最近, 附近), not "nearly"."""
NOT_YUE_BEFORE = frozenset("节签预制公条合契邀相违履特婚缔守践毁赴简隐集盟")
"""Before 约 these make a word (节约, 签约), not "about"."""
NOT_CHAO_BEFORE = frozenset("赶高")
"""Before 超 these make a word (赶超, 高超), not "over"."""
POST_APPROX = {
    "以上": "over", "以下": "under", "以内": "under", "左右": "about", "上下": "about",
    "出头": "over", "开外": "over",
}  # fmt: skip
"""Approximation words printed after a figure, with the ``Approx`` value they mean."""
RANGE_SEPARATORS = ("至", "到", "~", "～", "——", "--", "—", "–", "-")
"""What joins the two ends of a range (``5至10个``, ``3~5年``)."""
SURNAMES = frozenset("张王李赵刘陈孙周吴郑钱")
"""Surnames of placeholder names (``张三``, ``李四``): the digit is no figure."""
DATE_PREVIOUS = frozenset("周期拜初月")
"""Before a Chinese numeral these make a date word (周三, 初五, 礼拜六)."""
INTRO_CHARS = frozenset("是有为和与或到至了达共计等于值剩加减乘除以得要选给写说即约近超过逾")
"""Words a lone Chinese figure may follow without being part of a word."""
BARE_FOLLOW = frozenset("的且和与或及而但却不也就都还了那这")
"""Words a bare number may be followed by without being part of a word."""
FEN_BAD_NEXT = frozenset("钟之别析布配享成工公行局会队组类期批段摊散红子数")
"""After 分 these make a word (分钟, 分析), not a count of points."""
FEN_WORDS = frozenset({"十", "万", "百", "千", "一"})
"""Numerals that make an adverb with 分 (十分重视, 万分感谢)."""
CHENG_BAD_NEXT = frozenset("为立功员本果绩交都熟长型品效就规不")
"""After 成 these make a word (成为, 成立), not tenths."""
CHENG_BAD_PREV = frozenset("建完形达促构组合集赞变分")
"""Before a figure in 成 these make a word (建成, 完成)."""
TAI_PLACE = frozenset("山湾州北南中东西")
"""After 台 these make a place name (五台山, 台湾)."""
SHOU_NEXT = frozenset("届次批个家位台款座部条场期发创轮")
"""After 首 these make "the first" (首届, 首批), not a count of songs."""
KUAI_OK = frozenset("钱毛角半")
"""After 块 these keep it money (块钱, 块五毛); other words make it pieces (3块地)."""
PHONE_WORDS = ("电话", "热线", "手机", "传真", "邮编", "号码", "编号", "代码", "QQ", "微信")
"""Words before a number that make it an identifier."""
OPERATORS = frozenset("+:*/.×")  # noqa: RUF001
"""After a bare number these make it part of a formula, a score or a version."""
PREV_OPERATORS = frozenset("+*/×")  # noqa: RUF001
"""Before an Arabic number these make it part of a formula."""
CURRENCY_SYMBOLS = {"¥": "CNY", "$": "USD", "€": "EUR", "£": "GBP", "₩": "KRW", "₹": "INR"}
"""Currency signs printed before an amount."""
GENERIC_YUAN = frozenset({"元", "圆", "块", "块钱", "元钱"})
"""Money words that say no currency (the currency printed before them decides)."""
COIN_UNITS = frozenset({"元", "圆", "块", "块钱", "元钱", "美元", "日元"})
"""Money words after which smaller coins may follow (``3元5角``, ``5美元20美分``)."""
CNY_SUBUNITS = {"角": (1, 10), "毛": (1, 10), "分": (1, 100)}
"""The smaller coins of the yuan, as fractions of one yuan."""
HALF_NEXT_NOT = frozenset("上下前后大一多每个")
LIST_SEPARATORS = frozenset("、和与及或")
"""What joins the items of a list of figures that share one unit (``3、5、7个``)."""
FRONT_UNITS = {
    "摄氏": ("°C", "度"), "人民币": ("CNY", ""), "RMB": ("CNY", ""), "CNY": ("CNY", ""),
    "USD": ("USD", ""), "HKD": ("HKD", ""), "EUR": ("EUR", ""), "JPY": ("JPY", ""),
    "GBP": ("GBP", ""), "港币": ("HKD", ""), "美元": ("USD", ""), "欧元": ("EUR", ""),
}  # fmt: skip
"""Units printed before the number (``摄氏30度``, ``USD 30``, ``人民币100``): the code, and
the unit word that must follow (``""``: none)."""
RATE_WORDS = {"月": "month", "日": "day", "时": "hour", "小时": "hour", "年": "year"}
"""Denominators of a rate that are no unit on their own (``元/月``, ``每日``)."""
CLAUSE_BREAKS = frozenset("，,；;：:")
"""Punctuation that ends a clause inside a sentence."""
CLOCK_MARKS = frozenset("时点")
"""After a number these make a clock time (``8时30分``, ``3点4分5秒``)."""
"""Before 半 these make a word (上半, 一半), not "half a"."""

# ----------------------------------------------------------------------------- dates
