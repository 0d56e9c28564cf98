"""The unit and currency table: printed unit words to unit codes and SI factors.

Unit codes are the keys of ``UNITS`` below (``CNY``, ``t``, ``km``,
``mu``, ``m2``, ``kW``, ``TEU``, ``%``, ``pp``, ``year``...). A count has
no code of its own: its unit is the measure word as printed (``家``, ``个``).

>>> resolve_unit("公里")
('km', Fraction(1, 1))
>>> resolve_unit("瓦")
('kW', Fraction(1, 1000))
>>> UNITS["mu"].si_factor, UNITS["mu"].si_unit
(Fraction(2000, 3), 'm2')
"""

from __future__ import annotations

from fractions import Fraction
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from newsparse.errors import str_argument
from newsparse.model import UNITS, Dimension, Unit, unit_info

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "COUNT_WORDS",
    "CURRENCY_PREFIXES",
    "SURFACES",
    "UNITS",
    "Dimension",
    "Unit",
    "resolve_unit",
    "unit_info",
]


_ONE: Final = Fraction(1)
_SURFACE_LIST: Final[list[tuple[str, str, Fraction]]] = [
    # money
    ("元", "CNY", _ONE), ("圆", "CNY", _ONE), ("块钱", "CNY", _ONE), ("块", "CNY", _ONE),
    ("元钱", "CNY", _ONE), ("人民币", "CNY", _ONE), ("元人民币", "CNY", _ONE),
    ("美元", "USD", _ONE), ("美金", "USD", _ONE), ("美刀", "USD", _ONE), ("美圆", "USD", _ONE),
    ("元美金", "USD", _ONE),
    ("欧元", "EUR", _ONE), ("港元", "HKD", _ONE), ("港币", "HKD", _ONE), ("元港币", "HKD", _ONE),
    ("日元", "JPY", _ONE), ("日币", "JPY", _ONE), ("元日币", "JPY", _ONE), ("日圆", "JPY", _ONE),
    ("英镑", "GBP", _ONE), ("韩元", "KRW", _ONE), ("澳元", "AUD", _ONE), ("加元", "CAD", _ONE),
    ("新台币", "TWD", _ONE), ("卢布", "RUB", _ONE), ("泰铢", "THB", _ONE),
    ("瑞士法郎", "CHF", _ONE), ("新加坡元", "SGD", _ONE), ("澳门元", "MOP", _ONE),
    ("角钱", "CNY", Fraction(1, 10)), ("毛钱", "CNY", Fraction(1, 10)),
    ("角", "CNY", Fraction(1, 10)), ("毛", "CNY", Fraction(1, 10)),
    ("印度卢比", "INR", _ONE), ("卢比", "INR", _ONE), ("印度卢布", "INR", _ONE),
    ("圓", "CNY", _ONE), ("美圓", "USD", _ONE), ("歐元", "EUR", _ONE), ("日圓", "JPY", _ONE),
    ("韓元", "KRW", _ONE), ("英鎊", "GBP", _ONE),
    # mass
    ("吨", "t", _ONE), ("公吨", "t", _ONE), ("公斤", "kg", _ONE), ("千克", "kg", _ONE),
    ("克", "g", _ONE), ("斤", "jin", _ONE), ("市斤", "jin", _ONE),
    ("kg", "kg", _ONE), ("KG", "kg", _ONE), ("g", "g", _ONE), ("mg", "g", Fraction(1, 1000)),
    ("噸", "t", _ONE), ("公噸", "t", _ONE), ("毫克", "g", Fraction(1, 1000)), ("t", "t", _ONE),
    # length
    ("公里", "km", _ONE), ("千米", "km", _ONE), ("米", "m", _ONE), ("厘米", "cm", _ONE),
    ("公分", "cm", _ONE), ("毫米", "mm", _ONE),
    ("km", "km", _ONE), ("KM", "km", _ONE), ("cm", "cm", _ONE), ("CM", "cm", _ONE),
    ("mm", "mm", _ONE), ("m", "m", _ONE),
    ("公裏", "km", _ONE), ("公裡", "km", _ONE), ("釐米", "cm", _ONE), ("毫米", "mm", _ONE),
    # area
    ("亩", "mu", _ONE), ("平方米", "m2", _ONE), ("平米", "m2", _ONE), ("平方公里", "km2", _ONE),
    ("平方千米", "km2", _ONE), ("公顷", "ha", _ONE), ("m2", "m2", _ONE), ("m²", "m2", _ONE),
    ("㎡", "m2", _ONE), ("km2", "km2", _ONE), ("km²", "km2", _ONE), ("㎢", "km2", _ONE),
    ("平方公裏", "km2", _ONE), ("平方公裡", "km2", _ONE), ("畝", "mu", _ONE), ("公頃", "ha", _ONE),
    # volume
    ("立方米", "m3", _ONE), ("m3", "m3", _ONE), ("m³", "m3", _ONE), ("㎥", "m3", _ONE),
    ("升", "L", _ONE), ("毫升", "L", Fraction(1, 1000)), ("L", "L", _ONE),
    ("ml", "L", Fraction(1, 1000)), ("mL", "L", Fraction(1, 1000)),
    # power, energy, voltage
    ("千伏", "kV", _ONE), ("伏", "kV", Fraction(1, 1000)), ("kV", "kV", _ONE),
    ("千瓦", "kW", _ONE), ("瓦", "kW", Fraction(1, 1000)), ("兆瓦", "kW", Fraction(1000)),
    ("kW", "kW", _ONE), ("MW", "kW", Fraction(1000)),
    ("千瓦时", "kWh", _ONE), ("度", "kWh", _ONE), ("kWh", "kWh", _ONE),
    ("千瓦·时", "kWh", _ONE), ("kW·h", "kWh", _ONE), ("kW•h", "kWh", _ONE),
    ("千瓦時", "kWh", _ONE),
    # containers
    ("标准箱", "TEU", _ONE), ("标箱", "TEU", _ONE), ("TEU", "TEU", _ONE),
    # temperature
    ("摄氏度", "°C", _ONE), ("℃", "°C", _ONE), ("°C", "°C", _ONE),
    # ratios
    ("%", "%", _ONE), ("‰", "%", Fraction(1, 10)), ("倍", "times", _ONE),
    ("成", "%", Fraction(10)),
    # durations
    ("年", "year", _ONE), ("个月", "month", _ONE), ("個月", "month", _ONE),
    ("个多月", "month", _ONE), ("个半月", "month", _ONE),
    ("周", "week", _ONE), ("个星期", "week", _ONE), ("星期", "week", _ONE),
    ("个礼拜", "week", _ONE), ("礼拜", "week", _ONE),
    ("天", "day", _ONE), ("个工作日", "day", _ONE), ("工作日", "day", _ONE),
    ("小时", "hour", _ONE), ("个小时", "hour", _ONE), ("个多小时", "hour", _ONE),
    ("个半小时", "hour", _ONE), ("钟头", "hour", _ONE), ("个钟头", "hour", _ONE),
    ("分钟", "minute", _ONE), ("秒钟", "second", _ONE), ("秒", "second", _ONE),
    ("小時", "hour", _ONE), ("個小時", "hour", _ONE), ("分鐘", "minute", _ONE),
    ("秒鐘", "second", _ONE), ("鐘頭", "hour", _ONE), ("個鐘頭", "hour", _ONE),
]  # fmt: skip

COUNT_WORDS: Final = frozenset(
    (
        "个", "個", "家", "项", "項", "名", "人", "户", "戶", "次", "人次", "台次", "批次", "架次",
        "车次", "航次", "班次", "件", "份", "场", "場", "种", "種", "只", "隻", "座", "条", "條",
        "所", "台", "辆", "輛", "艘", "基", "期", "双", "雙", "对", "對", "位", "支", "把", "张",
        "張", "本", "部", "篇", "首", "棵", "株", "头", "頭", "匹", "口", "间", "間", "套", "栋",
        "棟", "幢", "层", "處", "处", "片", "块", "塊", "颗", "顆", "粒", "枚", "根", "道", "组",
        "組", "队", "隊", "团", "類", "类", "款", "起", "宗", "例", "轮", "輪", "趟", "遍", "封",
        "箱", "袋", "包", "瓶", "盒", "杯", "岁", "歲", "分", "笔", "筆", "届", "屆", "门", "門",
        "节", "節", "堂", "幅", "件次", "人份", "台套", "部门", "吨次", "家次", "批", "户次",
        "卷", "册", "冊", "串", "盏", "盞", "朵", "辆次", "艘次", "场次", "项次", "国", "周岁",
        "虚岁",
    )
)  # fmt: skip
"""Measure words counted as such: the unit of a count is the measure word itself."""

CURRENCY_PREFIXES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "人民币": "CNY", "港币": "HKD", "港元": "HKD", "美元": "USD", "美金": "USD",
        "欧元": "EUR", "日元": "JPY", "日币": "JPY", "¥": "CNY", "$": "USD", "US$": "USD",
        "HK$": "HKD", "€": "EUR", "£": "GBP", "RMB": "CNY", "CNY": "CNY", "USD": "USD",
        "HKD": "HKD", "EUR": "EUR", "JPY": "JPY", "GBP": "GBP", "₩": "KRW", "韩元": "KRW",
    }
)  # fmt: skip
"""Currency words and signs printed before an amount (``港币两千九百六十元``, ``¥300``)."""

SURFACES: Final[Mapping[str, tuple[str, Fraction]]] = MappingProxyType(
    {s: (code, f) for s, code, f in _SURFACE_LIST}
    | {w: (w, _ONE) for w in COUNT_WORDS if w not in {s for s, _, _ in _SURFACE_LIST}}
)
"""Printed unit word to ``(code, factor)``: a value printed in the word is
``factor`` times the same value in ``code`` (``瓦`` is ``1/1000`` ``kW``)."""


@str_argument("word")
def resolve_unit(word: str) -> tuple[str, Fraction] | None:
    """The unit code and factor of a printed unit or measure word, or ``None``.

    >>> resolve_unit("万吨") is None, resolve_unit("吨")
    (True, ('t', Fraction(1, 1)))
    >>> resolve_unit("家")
    ('家', Fraction(1, 1))
    """
    return SURFACES.get(word)
