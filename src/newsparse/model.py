"""The data model: frozen attrs classes, every text carrying its offsets.

Offsets are Python code-point indices into the string given to
:func:`newsparse.parse_page`, end exclusive (``text[span.start:span.end]``).
Objects are immutable; derive new ones with :func:`attrs.evolve`.
Dictionaries appear only at the edge, in ``to_dict()`` (stand-off JSON as
described in ``docs/schema.md``).

>>> s = Span(3, 7)
>>> s.slice("0123456789")
'3456'
>>> len(s)
4
"""

from __future__ import annotations

import enum
import json
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from attrs import evolve, field, frozen

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterator, Mapping

__all__ = [
    "SCHEMA_VERSION",
    "UNITS",
    "Approx",
    "Article",
    "Block",
    "BlockKind",
    "Caption",
    "Column",
    "Credit",
    "CreditRole",
    "DateMention",
    "DatePrecision",
    "Dimension",
    "Page",
    "Quantity",
    "RemovalReason",
    "Removed",
    "Span",
    "Unit",
    "Value",
    "exact_value",
    "unit_info",
]

SCHEMA_VERSION = "1.0"
"""Version of the ``to_dict()`` layout; bumped on any incompatible change."""


def _check_span(instance: Span, attribute: object, value: int) -> None:
    del attribute
    if value < instance.start:
        msg = f"Span end {value} is before its start {instance.start}"
        raise ValueError(msg)


@frozen(order=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets into the input.

    >>> Span(0, 2).overlaps(Span(1, 5)), Span(0, 1).overlaps(Span(1, 2))
    (True, False)
    >>> Span(5, 2)
    Traceback (most recent call last):
    ...
    ValueError: Span end 2 is before its start 5
    """

    start: int
    end: int = field(validator=_check_span)

    def __len__(self) -> int:
        """Number of characters covered."""
        return self.end - self.start

    def slice(self, text: str) -> str:
        """The characters of ``text`` this span covers.

        >>> Span(1, 3).slice("abcd")
        'bc'
        """
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def to_list(self) -> list[int]:
        """``[start, end]``, the stand-off form used by ``to_dict()``.

        >>> Span(4, 9).to_list()
        [4, 9]
        """
        return [self.start, self.end]


class BlockKind(enum.Enum):
    """The role of a piece of the page in the lossless account (``Page.blocks``).

    >>> BlockKind.HEADLINE.value
    'headline'
    """

    COLUMN = "column"
    KICKER = "kicker"
    HEADLINE = "headline"
    SUBHEADLINE = "subheadline"
    DATELINE = "dateline"
    BYLINE = "byline"
    CREDIT = "credit"
    PAGE_CREDIT = "page_credit"
    SUMMARY_LABEL = "summary_label"
    SUMMARY = "summary"
    SUBHEAD = "subhead"
    PARAGRAPH = "paragraph"
    CAPTION = "caption"
    MARKUP = "markup"
    DOUBLED = "doubled"
    REMOVED = "removed"
    UNCLASSIFIED = "unclassified"


@frozen
class Block:
    """A piece of text with its role and the input spans it was read from.

    ``text`` is the normalized text of ``spans`` joined in order (a reflowed
    paragraph has one span per source piece).

    >>> b = Block(BlockKind.PARAGRAPH, "今年以来。", (Span(0, 3), Span(5, 7)))
    >>> b.span
    Span(start=0, end=7)
    >>> b.to_dict()["spans"]
    [[0, 3], [5, 7]]
    """

    kind: BlockKind
    text: str
    spans: tuple[Span, ...]

    @property
    def span(self) -> Span:
        """From the first character of the first span to the end of the last."""
        if not self.spans:
            return Span(0, 0)
        return Span(self.spans[0].start, self.spans[-1].end)

    def to_dict(self) -> dict[str, Any]:
        """``{"kind", "text", "spans"}``."""
        return {
            "kind": self.kind.value,
            "text": self.text,
            "spans": [s.to_list() for s in self.spans],
        }


@frozen
class Column:
    """A newspaper column marker (栏目) such as ``锦州脚步 JIAOBU``.

    ``level`` is the number of markdown ``#`` in front of it, or ``None``.

    >>> Column("锦州脚步", "JIAOBU", Span(0, 11)).to_dict()
    {'name': '锦州脚步', 'pinyin': 'JIAOBU', 'start': 0, 'end': 11}
    """

    name: str
    pinyin: str | None
    span: Span
    level: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """``{"name", "pinyin", "start", "end"}``."""
        return {
            "name": self.name,
            "pinyin": self.pinyin,
            "start": self.span.start,
            "end": self.span.end,
        }


class CreditRole(enum.Enum):
    """What a credited person did for an article or picture.

    >>> CreditRole("photographer")
    <CreditRole.PHOTOGRAPHER: 'photographer'>
    """

    REPORTER = "reporter"
    CORRESPONDENT = "correspondent"
    PHOTOGRAPHER = "photographer"
    EDITOR = "editor"


@frozen
class Credit:
    """A person credited in a byline, dateline, caption or page credit.

    ``name`` is normalized (padding removed); ``span`` covers the name as
    printed; ``title`` is the printed title in front of it, or ``None``.

    >>> c = Credit("高华庚", CreditRole.REPORTER, "本报记者", Span(9, 12))
    >>> c.to_dict()
    {'name': '高华庚', 'role': 'reporter', 'title': '本报记者', 'start': 9, 'end': 12}
    """

    name: str
    role: CreditRole
    title: str | None
    span: Span

    def to_dict(self) -> dict[str, Any]:
        """``{"name", "role", "title", "start", "end"}``."""
        return {
            "name": self.name,
            "role": self.role.value,
            "title": self.title,
            "start": self.span.start,
            "end": self.span.end,
        }


@frozen
class Caption:
    """A photo caption with the credits printed with it.

    >>> Caption("车间一角。", (), (Span(0, 5),)).to_dict()
    {'text': '车间一角。', 'credits': [], 'spans': [[0, 5]]}
    """

    text: str
    credits: tuple[Credit, ...]
    spans: tuple[Span, ...]

    def to_dict(self) -> dict[str, Any]:
        """``{"text", "credits", "spans"}``."""
        return {
            "text": self.text,
            "credits": [c.to_dict() for c in self.credits],
            "spans": [s.to_list() for s in self.spans],
        }


class RemovalReason(enum.Enum):
    """Why a block was dropped from the articles.

    >>> RemovalReason.DUPLICATE.value
    'duplicate'
    """

    DUPLICATE = "duplicate"
    """The block repeats an earlier block word for word."""
    TAIL_REPEAT = "tail_repeat"
    """The block repeats the tail of an earlier paragraph."""


@frozen
class Removed:
    """A block dropped because the page repeats it, with the span it repeats.

    >>> r = Removed("重复。", (Span(10, 13),), RemovalReason.DUPLICATE, (Span(0, 3),))
    >>> r.to_dict()["repeats"]
    [[0, 3]]
    """

    text: str
    spans: tuple[Span, ...]
    reason: RemovalReason
    repeats: tuple[Span, ...]

    def to_dict(self) -> dict[str, Any]:
        """``{"text", "spans", "reason", "repeats"}``."""
        return {
            "text": self.text,
            "spans": [s.to_list() for s in self.spans],
            "reason": self.reason.value,
            "repeats": [s.to_list() for s in self.repeats],
        }


def _opt_text(block: Block | None) -> str | None:
    return None if block is None else block.text


@frozen
class Article:
    """One article of a page, with every layout field.

    Text fields (``kicker``, ``headline``, ``subheadline``, ``dateline``) are
    :class:`Block` objects so that they carry their spans; ``to_dict()``
    writes their text and their spans side by side.

    >>> a = Article(headline=Block(BlockKind.HEADLINE, "标题", (Span(0, 2),)), span=Span(0, 2))
    >>> a.to_dict()["headline"], a.to_dict()["headline_spans"]
    ('标题', [[0, 2]])
    """

    span: Span
    column: Column | None = None
    kicker: Block | None = None
    headline: Block | None = None
    subheadline: Block | None = None
    dateline: Block | None = None
    credits: tuple[Credit, ...] = ()
    summary: tuple[Block, ...] = ()
    body: tuple[Block, ...] = ()
    captions: tuple[Caption, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The article as SCHEMA.md lays it out, plus offsets."""
        out: dict[str, Any] = {
            "column": None if self.column is None else self.column.to_dict(),
            "kicker": _opt_text(self.kicker),
            "headline": _opt_text(self.headline),
            "subheadline": _opt_text(self.subheadline),
            "dateline": _opt_text(self.dateline),
            "credits": [c.to_dict() for c in self.credits],
            "summary": [
                {"text": b.text, "spans": [s.to_list() for s in b.spans]} for b in self.summary
            ],
            "body": [b.to_dict() for b in self.body],
            "captions": [c.to_dict() for c in self.captions],
            "quantities": [q.to_dict() for q in self.quantities],
            "dates": [d.to_dict() for d in self.dates],
            "start": self.span.start,
            "end": self.span.end,
        }
        for name in ("kicker", "headline", "subheadline", "dateline"):
            block: Block | None = getattr(self, name)
            out[f"{name}_spans"] = None if block is None else [s.to_list() for s in block.spans]
        return out


@frozen
class Page:
    """The parse of one page: articles, page credits and the lossless account.

    ``blocks`` covers every non-blank character of ``text`` exactly once,
    in input order; ``removed`` holds the repeats dropped from the articles;
    ``unclassified`` the blocks no rule claimed. ``date`` is the page date
    given to :func:`newsparse.parse_page`, or the one inferred from the page
    (``date_inferred`` says which).

    >>> p = Page(text="")
    >>> p.to_dict()["articles"], p.quantities
    ([], ())
    """

    text: str
    articles: tuple[Article, ...] = ()
    credits: tuple[Credit, ...] = ()
    removed: tuple[Removed, ...] = ()
    unclassified: tuple[Block, ...] = ()
    blocks: tuple[Block, ...] = ()
    date: dt.date | None = None
    date_inferred: bool = False

    @property
    def quantities(self) -> tuple[Quantity, ...]:
        """Every quantity of every article, in reading order."""
        return tuple(q for a in self.articles for q in a.quantities)

    @property
    def dates(self) -> tuple[DateMention, ...]:
        """Every date of every article, in reading order."""
        return tuple(d for a in self.articles for d in a.dates)

    def iter_blocks(self, kind: BlockKind) -> Iterator[Block]:
        """The blocks of one kind, in input order.

        >>> list(Page(text="").iter_blocks(BlockKind.HEADLINE))
        []
        """
        return (b for b in self.blocks if b.kind is kind)

    def to_dict(self) -> dict[str, Any]:
        """The page as ``corpus/SCHEMA.md`` lays it out, plus stand-off offsets."""
        return {
            "schema_version": SCHEMA_VERSION,
            "date": None if self.date is None else self.date.isoformat(),
            "date_inferred": self.date_inferred,
            "credits": [c.to_dict() for c in self.credits],
            "articles": [a.to_dict() for a in self.articles],
            "removed": [r.to_dict() for r in self.removed],
            "unclassified": [b.to_dict() for b in self.unclassified],
            "quantities": [q.to_dict() for q in self.quantities],
            "blocks": [b.to_dict() for b in self.blocks],
        }

    def to_json(self, *, indent: int | None = None) -> str:
        """``to_dict()`` as JSON text (UTF-8 characters kept, not escaped).

        >>> Page(text="").to_json()[:26]
        '{"schema_version": "1.0", '
        """
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


# ----------------------------------------------------------------------------- figures
# The result types of newsparse.figures: values, units, quantities and date mentions.


def exact_value(value: Fraction | int) -> Decimal | Fraction:
    """``value`` as a :class:`~decimal.Decimal` when it has a finite decimal expansion.

    Otherwise the :class:`~fractions.Fraction` itself. Integers have no exponent.

    >>> exact_value(Fraction(386000000))
    Decimal('386000000')
    >>> exact_value(Fraction(1, 8))
    Decimal('0.125')
    >>> exact_value(Fraction(1, 3))
    Fraction(1, 3)
    """
    num, den = value.numerator, value.denominator
    if den == 1:
        return Decimal(num)
    twos = fives = 0
    d = den
    while d % 2 == 0:
        d //= 2
        twos += 1
    while d % 5 == 0:
        d //= 5
        fives += 1
    if d != 1:
        return Fraction(value)
    k = max(twos, fives)
    scaled = num * (10**k // den)
    return Decimal(scaled).scaleb(-k)


class Dimension(enum.Enum):
    """What a quantity measures.

    ``NUMBER`` is a bare number (no unit, no measure word).

    >>> Dimension("money")
    <Dimension.MONEY: 'money'>
    """

    MONEY = "money"
    MASS = "mass"
    LENGTH = "length"
    AREA = "area"
    VOLUME = "volume"
    POWER = "power"
    ENERGY = "energy"
    VOLTAGE = "voltage"
    CONTAINERS = "containers"
    TEMPERATURE = "temperature"
    PERCENT = "percent"
    PERCENTAGE_POINT = "percentage_point"
    FRACTION = "fraction"
    MULTIPLE = "multiple"
    DURATION = "duration"
    COUNT = "count"
    NUMBER = "number"


@frozen
class Unit:
    """A unit code with its dimension and its conversion to SI.

    ``si_factor`` multiplies a value in this unit into ``si_unit`` (then
    ``si_offset`` is added: only temperatures have one). Money, counts and
    ratios have no SI form (``si_factor`` is ``None``).

    >>> UNITS["km"].si_factor, UNITS["km"].si_unit
    (Fraction(1000, 1), 'm')
    """

    code: str
    dimension: Dimension
    si_factor: Fraction | None = None
    si_unit: str | None = None
    si_offset: Fraction = Fraction(0)


def _u(
    code: str, dim: Dimension, factor: Fraction | int | None = None, si: str | None = None
) -> Unit:
    return Unit(code, dim, None if factor is None else Fraction(factor), si)


_D = Dimension
_YEAR_S = 31_557_600  # Julian year (365.25 days), as astronomy and ISO 80000-3 use
_UNIT_LIST = [
    _u("CNY", _D.MONEY), _u("USD", _D.MONEY), _u("EUR", _D.MONEY), _u("HKD", _D.MONEY),
    _u("JPY", _D.MONEY), _u("GBP", _D.MONEY), _u("KRW", _D.MONEY), _u("AUD", _D.MONEY),
    _u("CAD", _D.MONEY), _u("TWD", _D.MONEY), _u("RUB", _D.MONEY), _u("THB", _D.MONEY),
    _u("CHF", _D.MONEY), _u("SGD", _D.MONEY), _u("MOP", _D.MONEY),
    _u("t", _D.MASS, 1000, "kg"), _u("kg", _D.MASS, 1, "kg"),
    _u("g", _D.MASS, Fraction(1, 1000), "kg"),
    _u("jin", _D.MASS, Fraction(1, 2), "kg"),
    _u("km", _D.LENGTH, 1000, "m"), _u("m", _D.LENGTH, 1, "m"),
    _u("cm", _D.LENGTH, Fraction(1, 100), "m"), _u("mm", _D.LENGTH, Fraction(1, 1000), "m"),
    _u("mu", _D.AREA, Fraction(2000, 3), "m2"), _u("m2", _D.AREA, 1, "m2"),
    _u("km2", _D.AREA, 10**6, "m2"), _u("ha", _D.AREA, 10**4, "m2"),
    _u("m3", _D.VOLUME, 1, "m3"), _u("L", _D.VOLUME, Fraction(1, 1000), "m3"),
    _u("kV", _D.VOLTAGE, 1000, "V"), _u("kW", _D.POWER, 1000, "W"),
    _u("kWh", _D.ENERGY, 3_600_000, "J"),
    _u("TEU", _D.CONTAINERS),
    _u("%", _D.PERCENT), _u("pp", _D.PERCENTAGE_POINT), _u("fraction", _D.FRACTION),
    _u("times", _D.MULTIPLE),
    _u("year", _D.DURATION, _YEAR_S, "s"), _u("month", _D.DURATION, _YEAR_S // 12, "s"),
    _u("week", _D.DURATION, 604_800, "s"), _u("day", _D.DURATION, 86_400, "s"),
    _u("hour", _D.DURATION, 3600, "s"), _u("minute", _D.DURATION, 60, "s"),
    _u("second", _D.DURATION, 1, "s"),
    Unit("°C", _D.TEMPERATURE, Fraction(1), "K", Fraction(27315, 100)),
    # SI units that to_si() converts into
    _u("W", _D.POWER, 1, "W"), _u("J", _D.ENERGY, 1, "J"), _u("V", _D.VOLTAGE, 1, "V"),
    _u("s", _D.DURATION, 1, "s"), Unit("K", _D.TEMPERATURE, Fraction(1), "K"),
]  # fmt: skip
UNITS: Mapping[str, Unit] = MappingProxyType({u.code: u for u in _UNIT_LIST})
"""Every unit code, with its dimension and SI conversion."""


def unit_info(code: str) -> Unit:
    """The :class:`Unit` of a code; a count's measure word is a ``COUNT`` unit.

    >>> unit_info("kWh").si_factor
    Fraction(3600000, 1)
    >>> unit_info("家").dimension
    <Dimension.COUNT: 'count'>
    >>> unit_info("").dimension
    <Dimension.NUMBER: 'number'>
    """
    u = UNITS.get(code)
    if u is not None:
        return u
    if code == "":
        return Unit("", Dimension.NUMBER)
    return Unit(code, Dimension.COUNT)


class Approx(str, enum.Enum):
    """How a figure is approximate. Members compare equal to their strings.

    >>> Approx.OVER == "over", str(Approx.ABOUT)
    (True, 'about')
    """

    OVER = "over"
    """余, 多, 逾, 超过, 突破, 以上, 上百: more than the figure."""
    UNDER = "under"
    """近, 将近, 不足, 不到, 以下, 以内: less than the figure."""
    ABOUT = "about"
    """约, 大约, 左右, 上下, 来: close to the figure."""
    VAGUE = "vague"
    """数十, 几百: an order of magnitude only."""

    def __str__(self) -> str:
        """The code, e.g. ``'over'``."""
        return self.value


Value = Decimal | Fraction


def _fmt(v: Value | None) -> str | None:
    if v is None:
        return None
    if isinstance(v, Fraction):
        return str(v.numerator) if v.denominator == 1 else f"{v.numerator}/{v.denominator}"
    return format(v, "f")


@frozen
class Quantity:
    """A typed figure found in text.

    ``value`` holds a single figure; a range has ``low`` and ``high``
    instead. ``unit`` is a code of ``corpus/QUANTITIES.md`` (``CNY``,
    ``t``, ``km``, ``%``, ``pp``, ``year``...), a count's measure word
    (``家``), or ``""`` for a bare number.

    >>> from newsparse import extract_quantities
    >>> q = extract_quantities("耕地4.5万亩")[0]
    >>> q.text, q.value, q.unit, q.dimension.value, q.start, q.end
    ('4.5万亩', Decimal('45000'), 'mu', 'area', 2, 7)
    >>> q.to_si().value, q.to_si().unit
    (Decimal('30000000'), 'm2')
    """

    text: str
    span: Span
    value: Value | None
    low: Value | None
    high: Value | None
    unit: str
    dimension: Dimension
    approx: Approx | None

    @property
    def start(self) -> int:
        """Offset of the first character."""
        return self.span.start

    @property
    def end(self) -> int:
        """Offset after the last character."""
        return self.span.end

    @property
    def is_range(self) -> bool:
        """Whether the quantity is a range (``low``/``high``).

        >>> from newsparse import extract_quantities
        >>> extract_quantities("5至10个")[0].is_range
        True
        """
        return self.value is None

    def with_span(self, span: Span) -> Quantity:
        """The same quantity at another span (found in a derived text, moved to its source).

        >>> from newsparse import extract_quantities
        >>> extract_quantities("6万吨")[0].with_span(Span(10, 13)).span
        Span(start=10, end=13)
        """
        return Quantity(
            self.text, span, self.value, self.low, self.high, self.unit, self.dimension, self.approx
        )

    def to_si(self) -> Quantity | None:
        """The same quantity in SI units (kg, m, m2, m3, W, J, V, s, K), or ``None``.

        Money, counts and ratios have no SI form. Exact: ``1亩`` is ``2000/3`` m².

        >>> from newsparse import extract_quantities
        >>> q = extract_quantities("6万吨")[0].to_si()
        >>> q.value, q.unit
        (Decimal('60000000'), 'kg')
        >>> extract_quantities("3亩")[0].to_si().value
        Decimal('2000')
        >>> extract_quantities("3.86亿元")[0].to_si() is None
        True
        """
        u = UNITS.get(self.unit)
        if u is None or u.si_factor is None or u.si_unit is None:
            return None
        f, off = u.si_factor, u.si_offset

        def conv(v: Value | None) -> Value | None:
            return None if v is None else exact_value(Fraction(v) * f + off)

        return evolve(
            self, value=conv(self.value), low=conv(self.low), high=conv(self.high), unit=u.si_unit
        )

    def to_dict(self) -> dict[str, Any]:
        """Stand-off dict: values as strings (``p/q`` for fractions), SI form when known.

        >>> from newsparse import extract_quantities
        >>> extract_quantities("近60年")[0].to_dict()  # doctest: +NORMALIZE_WHITESPACE
        {'text': '近60年', 'start': 0, 'end': 4, 'value': '60', 'unit': 'year',
         'dimension': 'duration', 'approx': 'under', 'si_value': '1893456000', 'si_unit': 's'}
        >>> extract_quantities("500万元至10亿元")[0].to_dict()["low"]
        '5000000'
        """
        out: dict[str, Any] = {"text": self.text, "start": self.start, "end": self.end}
        if self.value is not None:
            out["value"] = _fmt(self.value)
        else:
            out["low"] = _fmt(self.low)
            out["high"] = _fmt(self.high)
        out["unit"] = self.unit
        out["dimension"] = self.dimension.value
        out["approx"] = None if self.approx is None else self.approx.value
        si = self.to_si()
        if si is not None:
            if si.value is not None:
                out["si_value"] = _fmt(si.value)
            else:
                out["si_low"] = _fmt(si.low)
                out["si_high"] = _fmt(si.high)
            out["si_unit"] = si.unit
        return out


class DatePrecision(enum.Enum):
    """How much of the calendar a date mention pins down.

    ``first``/``last`` of a :class:`DateMention` give the inclusive range the
    precision covers; ``value`` is its first day.

    >>> DatePrecision.HALF_YEAR.value
    'half_year'
    """

    DAY = "day"
    """One day: ``7月29日``, ``2023年1月末`` (a month end), ``昨天``, ``正月十五``."""
    TEN_DAYS = "ten_days"
    """A 旬 of a month: ``上旬`` (1-10), ``中旬`` (11-20), ``下旬`` (21-end)."""
    MONTH = "month"
    """A calendar month: ``2018年10月``, ``7月份``, ``上月``."""
    SEASON = "season"
    """A season, meteorological: spring is March-May, winter December-February."""
    QUARTER = "quarter"
    """A quarter: ``一季度``, ``2023年第三季度``."""
    HALF_YEAR = "half_year"
    """A half year: ``上半年`` (January-June), ``下半年`` (July-December)."""
    YEAR = "year"
    """A calendar year: ``2019年``, ``2019年度``, ``今年``, ``去年``."""
    RANGE = "range"
    """A written span: ``2016年至2018年``, ``1至5月份``, ``7月29日至31日``, ``前三季度``."""
    VAGUE = "vague"
    """An unspecified recent time: ``近日``, ``日前``, ``近期``, ``前不久``; never resolved."""
    WEEK = "week"
    """A week, Monday to Sunday: ``上周``, ``本周``, ``本月第二周``, ``周末`` (Saturday-Sunday)."""
    HOLIDAY = "holiday"
    """A holiday period named by its festival: ``国庆假期``, ``春节期间``, ``五一小长假``.

    ``first`` and ``last`` are the festival's own day (the days off around it
    are set each year by the State Council, and are not computed)."""


@frozen
class DateMention:
    """A date found in text, with its offsets and its resolved calendar range.

    ``first`` and ``last`` are the inclusive range the mention covers;
    ``value`` is ``first`` (the day itself for a :attr:`DatePrecision.DAY`
    mention). ``relative`` is true when the mention needed the reference date
    to resolve (``今年``, ``7月29日``, lunar dates without a year, vague
    mentions); without a reference those have ``value``, ``first`` and
    ``last`` set to None. An impossible date (``2月30日``) is kept with None
    values. ``lunar`` is true when the text was a lunar (农历) date.

    >>> from newsparse import extract_dates
    >>> m = extract_dates("2023年1月末")[0]
    >>> m.value, m.precision, m.relative
    (datetime.date(2023, 1, 31), <DatePrecision.DAY: 'day'>, False)
    >>> m.span.slice("2023年1月末")
    '2023年1月末'
    """

    text: str
    span: Span
    value: dt.date | None
    first: dt.date | None
    last: dt.date | None
    precision: DatePrecision
    relative: bool
    lunar: bool = False

    def with_span(self, span: Span) -> DateMention:
        """The same mention at another span (found in a derived text, moved to its source).

        >>> from newsparse import extract_dates
        >>> extract_dates("2019年")[0].with_span(Span(7, 12)).span
        Span(start=7, end=12)
        """
        return DateMention(
            self.text,
            span,
            self.value,
            self.first,
            self.last,
            self.precision,
            self.relative,
            self.lunar,
        )

    @property
    def vague(self) -> bool:
        """Whether the mention names no definite time (``近日``, ``日前``, ``近期``).

        >>> from newsparse import extract_dates
        >>> extract_dates("近日,记者走进企业")[0].vague
        True
        """
        return self.precision is DatePrecision.VAGUE

    def to_dict(self) -> dict[str, Any]:
        """Stand-off dict: offsets, ISO dates (or None), precision and flags.

        >>> from newsparse import extract_dates
        >>> extract_dates("2019年")[0].to_dict()  # doctest: +NORMALIZE_WHITESPACE
        {'text': '2019年', 'start': 0, 'end': 5, 'value': '2019-01-01',
         'first': '2019-01-01', 'last': '2019-12-31', 'precision': 'year',
         'relative': False, 'lunar': False}
        """
        return {
            "text": self.text,
            "start": self.span.start,
            "end": self.span.end,
            "value": _iso(self.value),
            "first": _iso(self.first),
            "last": _iso(self.last),
            "precision": self.precision.value,
            "relative": self.relative,
            "lunar": self.lunar,
        }


def _iso(d: dt.date | None) -> str | None:
    return None if d is None else d.isoformat()
