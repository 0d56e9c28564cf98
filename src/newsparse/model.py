"""The data model: frozen attrs classes, every text carrying its offsets.

Offsets are Python code-point indices into the string given to
[`newsparse.parse_page()`][newsparse.parse_page], end exclusive (``text[span.start:span.end]``).
Objects are immutable; derive new ones with ``attrs.evolve()``.
Dictionaries appear only at the edge, in ``to_dict()`` (stand-off JSON as
described on the *Output schema* page of the documentation, and in the JSON
Schema shipped in ``newsparse.schema``, see ``page_schema()``).

>>> s = Span(3, 7)
>>> s.slice("0123456789")
'3456'
>>> len(s)
4
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from attrs import evolve, field, frozen

from newsparse.errors import SchemaError

if TYPE_CHECKING:
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
    "DateSource",
    "Dimension",
    "Edition",
    "Furniture",
    "FurnitureKind",
    "Page",
    "Quantity",
    "RemovalReason",
    "Removed",
    "Source",
    "Span",
    "SpanLabel",
    "Unit",
    "Value",
    "exact_value",
    "unit_info",
]

SCHEMA_VERSION = "1.2"
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
    JUMP = "jump"
    MARKUP = "markup"
    DOUBLED = "doubled"
    REMOVED = "removed"
    FURNITURE = "furniture"
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
    {'name': '锦州脚步', 'pinyin': 'JIAOBU', 'start': 0, 'end': 11, 'level': None}
    """

    name: str
    pinyin: str | None
    span: Span
    level: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """``{"name", "pinyin", "start", "end", "level"}``."""
        return {
            "name": self.name,
            "pinyin": self.pinyin,
            "start": self.span.start,
            "end": self.span.end,
            "level": self.level,
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
    INTERN = "intern"


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


@frozen
class Source:
    """Where a page's text came from: the file, the encoding it was read in, the PDF page.

    Set by [`newsparse.parse_file()`][newsparse.parse_file],
    [`newsparse.parse_pdf()`][newsparse.parse_pdf] and the
    command line; ``None`` fields are unknown. ``encoding`` is the Python
    codec name the bytes were decoded with (``utf-8``, ``utf-8-sig``,
    ``utf-16-le``, ``gb18030``, ``big5``...); ``pdf_page`` is the 1-based page
    number in a PDF; ``edition`` is the 版 the PDF page names (``第03版``).

    >>> Source("a.txt", "gb18030").to_dict()
    {'path': 'a.txt', 'encoding': 'gb18030', 'pdf_page': None, 'edition': None}
    """

    path: str | None = None
    encoding: str | None = None
    pdf_page: int | None = None
    edition: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """``{"path", "encoding", "pdf_page", "edition"}``."""
        return {
            "path": self.path,
            "encoding": self.encoding,
            "pdf_page": self.pdf_page,
            "edition": self.edition,
        }


def _opt_text(block: Block | None) -> str | None:
    return None if block is None else block.text


@frozen
class Article:
    """One article of a page, with every layout field.

    Text fields (``kicker``, ``headline``, ``subheadline``, ``dateline``) are
    [`Block`][newsparse.Block] objects so that they carry their spans; ``to_dict()``
    writes their text and their spans side by side.

    >>> a = Article(headline=Block(BlockKind.HEADLINE, "标题", (Span(0, 2),)), span=Span(0, 2))
    >>> a.to_dict()["headline"], a.to_dict()["headline_spans"]
    ('标题', [[0, 2]])

    Attributes:
        span: From the article's first block to the end of its last.
        column: The column (栏目) the article stands under, or ``None``.
        kicker: The kicker (引题), or ``None``.
        headline: The headline (主题), or ``None``.
        subheadline: The subheadline (副题), or ``None``.
        dateline: The lead tag (``本报讯``), or ``None``.
        credits: Every person credited in the byline or dateline, in print order.
        summary: The paragraphs of a ``核心提示`` box.
        body: Paragraphs and intertitles, after reflow and de-duplication.
        captions: Photo captions with their credits.
        quantities: The figures of the article (headline, body, summary, captions).
        dates: The date expressions of the article.
        text: The article as one string (a property: see below).

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

    @property
    def text(self) -> str:
        r"""The article as one string: its heading lines, dateline, key points and body.

        One line per piece, in reading order: kicker, headline, subheadline,
        dateline, summary paragraphs, then body paragraphs and subheads (the
        dateline printed glued to the first paragraph is on its own line).
        The column marker and the captions are not part of the running text.

        >>> a = Article(
        ...     span=Span(0, 9),
        ...     headline=Block(BlockKind.HEADLINE, "标题", (Span(0, 2),)),
        ...     body=(Block(BlockKind.PARAGRAPH, "今年以来。", (Span(4, 9),)),),
        ... )
        >>> a.text
        '标题\n今年以来。'
        """
        return _article_text(self)

    def to_dict(self) -> dict[str, Any]:
        """The article in stand-off form (see the schema page of the docs), with offsets."""
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


class FurnitureKind(enum.Enum):
    """What a line of page furniture is (a line of the page, not of an article).

    >>> FurnitureKind("footer")
    <FurnitureKind.FOOTER: 'footer'>
    """

    HEADER = "header"
    FOOTER = "footer"
    EDITION = "edition"
    EDITORS = "editors"
    ADVERT = "advert"


@frozen
class Furniture:
    """One printed line of page furniture: a running head or footer, an edition line.

    >>> Furniture(FurnitureKind.FOOTER, "第 66 页", (Span(0, 6),)).to_dict()
    {'kind': 'footer', 'text': '第 66 页', 'spans': [[0, 6]]}
    """

    kind: FurnitureKind
    text: str
    spans: tuple[Span, ...]

    def to_dict(self) -> dict[str, Any]:
        """``{"kind", "text", "spans"}``."""
        return {
            "kind": self.kind.value,
            "text": self.text,
            "spans": [s.to_list() for s in self.spans],
        }


@frozen
class Edition:
    """What the furniture says of the page itself: paper, date and page (版).

    Any part may be ``None`` when the page does not print it.

    >>> import datetime
    >>> Edition("人民日报", datetime.date(2025, 10, 20), "04").to_dict()
    {'paper': '人民日报', 'date': '2025-10-20', 'page': '04'}
    """

    paper: str | None
    date: dt.date | None
    page: str | None

    def to_dict(self) -> dict[str, Any]:
        """``{"paper", "date", "page"}`` (the date as ISO text)."""
        return {
            "paper": self.paper,
            "date": None if self.date is None else self.date.isoformat(),
            "page": self.page,
        }


class DateSource(enum.Enum):
    """Where ``Page.date`` came from.

    >>> DateSource("edition")
    <DateSource.EDITION: 'edition'>
    """

    GIVEN = "given"
    EDITION = "edition"
    INFERRED = "inferred"
    NONE = "none"


@frozen
class Page:
    """The parse of one page: articles, page credits and the lossless account.

    ``blocks`` covers every non-blank character of ``text`` exactly once,
    in input order; ``removed`` holds the repeats dropped from the articles;
    ``unclassified`` the blocks no rule claimed. ``date`` is the page date
    given to [`newsparse.parse_page()`][newsparse.parse_page], or the one inferred from the page
    (``date_inferred`` says which).

    >>> p = Page(text="")
    >>> p.to_dict()["articles"], p.quantities
    ([], ())

    Attributes:
        text: The parsed text; every offset indexes it.
        articles: The articles, in reading order.
        credits: Page-wide credits (``本版图片由本报记者赵六摄``).
        removed: Blocks dropped because the page repeats them.
        unclassified: Blocks no rule claimed (kept, never lost).
        blocks: The lossless account: every piece of the input with its role.
        date: The page date, given or inferred, or ``None``.
        date_inferred: Whether ``date`` was inferred from the page.
        source: Where the text came from (file, encoding, PDF page), or ``None``.
        quantities: Every article's figures, in reading order (a property).
        dates: Every article's dates, in reading order (a property).

    """

    text: str
    articles: tuple[Article, ...] = ()
    credits: tuple[Credit, ...] = ()
    removed: tuple[Removed, ...] = ()
    unclassified: tuple[Block, ...] = ()
    blocks: tuple[Block, ...] = ()
    date: dt.date | None = None
    date_inferred: bool = False
    source: Source | None = None
    furniture: tuple[Furniture, ...] = ()
    edition: Edition | None = None
    date_source: DateSource = DateSource.NONE

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

    def spans(self) -> Iterator[SpanLabel]:
        """Every labelled span of the page, spaCy-style, ordered by start then end.

        Each block piece is labelled with its kind (``headline``,
        ``paragraph``, ``caption``...), each credited person ``person``, each
        figure ``quantity`` and each date ``date``; ``text`` is always
        ``page.text[start:end]``.

        >>> p = Page(text="标题", blocks=(Block(BlockKind.HEADLINE, "标题", (Span(0, 2),)),))
        >>> list(p.spans())
        [SpanLabel(label='headline', start=0, end=2, text='标题')]
        """
        return _page_spans(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, text: str | None = None) -> Page:
        """The page that ``to_dict()`` wrote, equal to the original.

        ``data`` may also be a line of ``newsparse batch`` output (``{"path",
        "page"}``). ``text`` supplies the page text when ``data`` has none (JSON
        written before schema 1.1). Raises [`newsparse.SchemaError`][newsparse.SchemaError] on
        data that is not a page.

        >>> page = Page(text="标题", blocks=(Block(BlockKind.HEADLINE, "标题", (Span(0, 2),)),))
        >>> Page.from_dict(page.to_dict()) == page
        True
        """
        return _page_from_dict(data, text)

    @classmethod
    def from_json(cls, data: str | bytes, *, text: str | None = None) -> Page:
        """The page that ``to_json()`` (or one line of ``newsparse batch``) wrote.

        >>> Page.from_json(Page(text="空").to_json()).text
        '空'
        """
        try:
            loaded = json.loads(data)
        except ValueError as err:
            raise SchemaError(f"not JSON: {err}") from None
        return _page_from_dict(loaded, text)

    def to_dict(self) -> dict[str, Any]:
        """The page in stand-off form (see the schema page of the docs), with its text.

        ``source`` is present when known; ``from_dict()`` reads the result back.
        """
        return {
            "schema_version": SCHEMA_VERSION,
            "date": None if self.date is None else self.date.isoformat(),
            "date_inferred": self.date_inferred,
            "date_source": self.date_source.value,
            "edition": None if self.edition is None else self.edition.to_dict(),
            "furniture": [f.to_dict() for f in self.furniture],
            "credits": [c.to_dict() for c in self.credits],
            "articles": [a.to_dict() for a in self.articles],
            "removed": [r.to_dict() for r in self.removed],
            "unclassified": [b.to_dict() for b in self.unclassified],
            "quantities": [q.to_dict() for q in self.quantities],
            "blocks": [b.to_dict() for b in self.blocks],
            **({} if self.source is None else {"source": self.source.to_dict()}),
            "text": self.text,
        }

    def to_json(self, *, indent: int | None = None) -> str:
        """``to_dict()`` as JSON text (UTF-8 characters kept, not escaped).

        >>> Page(text="").to_json()[:26]
        '{"schema_version": "1.2", '
        """
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


# ----------------------------------------------------------------------------- figures
# The result types of newsparse.figures: values, units, quantities and date mentions.


def exact_value(value: Fraction | int) -> Decimal | Fraction:
    """``value`` as a ``Decimal`` when it has a finite decimal expansion.

    Otherwise the ``Fraction`` itself. Integers have no exponent.

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

    # Members are singletons compared by identity: hash them by identity too,
    # in C (Enum's own hash is a Python method, and dimensions are dict keys
    # and set members on the hot path of the quantity scanner).
    __hash__ = object.__hash__

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
    _u("CHF", _D.MONEY), _u("SGD", _D.MONEY), _u("MOP", _D.MONEY), _u("INR", _D.MONEY),
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
    """The [`Unit`][newsparse.model.Unit] of a code; a count's measure word is a ``COUNT`` unit.

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
    instead. ``unit`` is a code of ``newsparse.figures.units.UNITS`` (``CNY``,
    ``t``, ``km``, ``%``, ``pp``, ``year``...), a count's measure word
    (``家``), or ``""`` for a bare number.

    >>> from newsparse import extract_quantities
    >>> q = extract_quantities("耕地4.5万亩")[0]
    >>> q.text, q.value, q.unit, q.dimension.value, q.start, q.end
    ('4.5万亩', Decimal('45000'), 'mu', 'area', 2, 7)
    >>> q.to_si().value, q.to_si().unit
    (Decimal('30000000'), 'm2')

    A rate names its denominator in ``per`` (a unit code, or a count's
    measure word); ``per`` is ``None`` for every other figure.

    >>> r = extract_quantities("每吨500元，门票120元/人")
    >>> [(q.text, q.unit, q.per) for q in r]
    [('每吨500元', 'CNY', 't'), ('120元/人', 'CNY', '人')]
    """

    text: str
    span: Span
    value: Value | None
    low: Value | None
    high: Value | None
    unit: str
    dimension: Dimension
    approx: Approx | None
    per: str | None = None
    """The denominator of a rate (``元/天``: ``day``), or ``None``."""
    pieces: tuple[Span, ...] = ()
    """The input spans of a figure cut by a line break or a paragraph cut, in
    order (``span`` is their outer extent); empty when the figure is printed in
    one piece."""

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

    def with_span(self, span: Span, pieces: tuple[Span, ...] = ()) -> Quantity:
        """The same quantity at another span (found in a derived text, moved to its source).

        ``pieces`` are the spans of a figure printed in several pieces.

        >>> from newsparse import extract_quantities
        >>> extract_quantities("6万吨")[0].with_span(Span(10, 13)).span
        Span(start=10, end=13)
        >>> q = extract_quantities("6万吨")[0].with_span(Span(10, 14), (Span(10, 12), Span(13, 14)))
        >>> q.to_dict()["pieces"]
        [[10, 12], [13, 14]]
        """
        return Quantity(
            self.text, span, self.value, self.low, self.high, self.unit, self.dimension,
            self.approx, self.per, pieces,
        )  # fmt: skip

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
        if self.per is not None:
            out["per"] = self.per
        si = self.to_si()
        if si is not None:
            if si.value is not None:
                out["si_value"] = _fmt(si.value)
            else:
                out["si_low"] = _fmt(si.low)
                out["si_high"] = _fmt(si.high)
            out["si_unit"] = si.unit
        if self.pieces:
            out["pieces"] = [p.to_list() for p in self.pieces]
        return out


class DatePrecision(enum.Enum):
    """How much of the calendar a date mention pins down.

    ``first``/``last`` of a [`DateMention`][newsparse.DateMention] give the inclusive range the
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
    ``value`` is ``first`` (the day itself for a [`DatePrecision.DAY`][newsparse.DatePrecision.DAY]
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
    pieces: tuple[Span, ...] = ()
    """The input spans of a mention cut by a line break or a paragraph cut, in
    order (``span`` is their outer extent); empty when it is printed in one piece."""

    def with_span(self, span: Span, pieces: tuple[Span, ...] = ()) -> DateMention:
        """The same mention at another span (found in a derived text, moved to its source).

        ``pieces`` are the spans of a mention printed in several pieces.

        >>> from newsparse import extract_dates
        >>> extract_dates("2019年")[0].with_span(Span(7, 12)).span
        Span(start=7, end=12)
        >>> m = extract_dates("上半年")[0].with_span(Span(3, 7), (Span(3, 4), Span(5, 7)))
        >>> m.to_dict()["pieces"]
        [[3, 4], [5, 7]]
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
            pieces,
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
        out: dict[str, Any] = {
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
        if self.pieces:
            out["pieces"] = [p.to_list() for p in self.pieces]
        return out


def _iso(d: dt.date | None) -> str | None:
    return None if d is None else d.isoformat()


# ---------------------------------------------------------------- labelled spans, loading back


@frozen
class SpanLabel:
    """One labelled span of a page (see ``Page.spans()``): ``text`` is ``page.text[start:end]``.

    >>> SpanLabel("quantity", 3, 9, "3.86亿元").to_dict()
    {'label': 'quantity', 'start': 3, 'end': 9, 'text': '3.86亿元'}
    """

    label: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        """``{"label", "start", "end", "text"}``."""
        return {"label": self.label, "start": self.start, "end": self.end, "text": self.text}


def _article_text(article: Article) -> str:
    parts = [
        b.text
        for b in (article.kicker, article.headline, article.subheadline, article.dateline)
        if b is not None
    ]
    parts += [b.text for b in article.summary]
    parts += [b.text for b in article.body]
    return "\n".join(parts)


def _page_spans(page: Page) -> Iterator[SpanLabel]:
    found: list[tuple[int, int, str]] = []
    for block in page.blocks:
        found += [(s.start, s.end, block.kind.value) for s in block.spans]
    people = list(page.credits)
    for article in page.articles:
        people += article.credits
        people += [c for cap in article.captions for c in cap.credits]
        # a figure printed in pieces is labelled piece by piece
        found += [
            (s.start, s.end, "quantity") for q in article.quantities for s in q.pieces or (q.span,)
        ]
        found += [(s.start, s.end, "date") for d in article.dates for s in d.pieces or (d.span,)]
    found += [(c.span.start, c.span.end, "person") for c in people]
    found.sort()
    text = page.text
    return (SpanLabel(label, start, end, text[start:end]) for start, end, label in found)


def _get(data: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:  # noqa: ANN401 - JSON values
    try:
        value = data[key]
    except (KeyError, TypeError):
        raise SchemaError(f"{where}: missing {key!r}") from None
    if not isinstance(value, kind):
        raise SchemaError(f"{where}.{key}: unexpected {type(value).__name__}")
    return value


def _span_of(pair: Any, where: str) -> Span:  # noqa: ANN401 - JSON values
    if not (isinstance(pair, list) and len(pair) == 2 and all(type(v) is int for v in pair)):
        raise SchemaError(f"{where}: expected [start, end]")
    return Span(pair[0], pair[1])


def _spans_of(items: Any, where: str) -> tuple[Span, ...]:  # noqa: ANN401 - JSON values
    if not isinstance(items, list):
        raise SchemaError(f"{where}: expected a list of spans")
    return tuple(_span_of(p, where) for p in items)


def _pieces_of(data: dict[str, Any], where: str) -> tuple[Span, ...]:
    """A figure's optional ``pieces`` (empty when absent)."""
    items = data.get("pieces")
    return () if items is None else _spans_of(items, f"{where}.pieces")


def _start_end(data: dict[str, Any], where: str) -> Span:
    return Span(_get(data, "start", int, where), _get(data, "end", int, where))


def _enum_of(cls: type[enum.Enum], value: Any, where: str) -> Any:  # noqa: ANN401 - JSON values
    try:
        return cls(value)
    except ValueError:
        raise SchemaError(f"{where}: unknown {cls.__name__} {value!r}") from None


def _block_of(data: dict[str, Any], where: str) -> Block:
    kind = _enum_of(BlockKind, _get(data, "kind", str, where), where)
    return Block(kind, _get(data, "text", str, where), _spans_of(data.get("spans"), where))


def _credit_of(data: dict[str, Any], where: str) -> Credit:
    title = data.get("title")
    if title is not None and not isinstance(title, str):
        raise SchemaError(f"{where}.title: unexpected {type(title).__name__}")
    return Credit(
        _get(data, "name", str, where),
        _enum_of(CreditRole, _get(data, "role", str, where), where),
        title,
        _start_end(data, where),
    )


def _credits_of(items: Any, where: str) -> tuple[Credit, ...]:  # noqa: ANN401 - JSON values
    if not isinstance(items, list):
        raise SchemaError(f"{where}: expected a list")
    return tuple(_credit_of(c, f"{where}[{i}]") for i, c in enumerate(items))


def _list(data: dict[str, Any], key: str, where: str) -> list[Any]:
    return list(_get(data, key, list, where))


def _heading(data: dict[str, Any], name: str, kind: BlockKind, where: str) -> Block | None:
    text = data.get(name)
    if text is None:
        return None
    if not isinstance(text, str):
        raise SchemaError(f"{where}.{name}: unexpected {type(text).__name__}")
    return Block(kind, text, _spans_of(data.get(f"{name}_spans"), f"{where}.{name}_spans"))


def _number_of(value: Any) -> Decimal | Fraction | None:  # noqa: ANN401 - JSON values
    if value is None:
        return None
    if not isinstance(value, str):
        raise SchemaError(f"expected a number as text, got {value!r}")
    if "/" in value:
        return Fraction(value)
    return Decimal(value)


def _quantity_of(data: dict[str, Any], where: str) -> Quantity:
    approx = data.get("approx")
    return Quantity(
        _get(data, "text", str, where),
        _start_end(data, where),
        _number_of(data.get("value")),
        _number_of(data.get("low")),
        _number_of(data.get("high")),
        _get(data, "unit", str, where),
        _enum_of(Dimension, data.get("dimension"), where),
        None if approx is None else _enum_of(Approx, approx, where),
        _optional_str(data, "per", where),
        _pieces_of(data, where),
    )


def _optional_str(data: dict[str, Any], key: str, where: str) -> str | None:
    """An optional string field (``None`` when absent)."""
    value = data.get(key)
    if value is None or isinstance(value, str):
        return value
    raise SchemaError(f"{where}.{key}: not a string: {value!r}")


def _iso_of(value: Any, where: str) -> dt.date | None:  # noqa: ANN401 - JSON values
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise SchemaError(f"{where}: not an ISO date: {value!r}") from None


def _date_of(data: dict[str, Any], where: str) -> DateMention:
    return DateMention(
        _get(data, "text", str, where),
        _start_end(data, where),
        _iso_of(data.get("value"), where),
        _iso_of(data.get("first"), where),
        _iso_of(data.get("last"), where),
        _enum_of(DatePrecision, data.get("precision"), where),
        bool(_get(data, "relative", bool, where)),
        bool(data.get("lunar", False)),
        _pieces_of(data, where),
    )


def _article_of(data: dict[str, Any], where: str) -> Article:
    col = data.get("column")
    column = None
    if col is not None:
        level = col.get("level") if isinstance(col, dict) else None
        column = Column(
            _get(col, "name", str, f"{where}.column"),
            col.get("pinyin"),
            _start_end(col, f"{where}.column"),
            level,
        )
    captions = tuple(
        Caption(
            _get(c, "text", str, f"{where}.captions[{i}]"),
            _credits_of(c.get("credits", []), f"{where}.captions[{i}].credits"),
            _spans_of(c.get("spans"), f"{where}.captions[{i}]"),
        )
        for i, c in enumerate(_list(data, "captions", where))
    )
    return Article(
        span=_start_end(data, where),
        column=column,
        kicker=_heading(data, "kicker", BlockKind.KICKER, where),
        headline=_heading(data, "headline", BlockKind.HEADLINE, where),
        subheadline=_heading(data, "subheadline", BlockKind.SUBHEADLINE, where),
        dateline=_heading(data, "dateline", BlockKind.DATELINE, where),
        credits=_credits_of(data.get("credits"), f"{where}.credits"),
        summary=tuple(
            Block(
                BlockKind.SUMMARY,
                _get(b, "text", str, f"{where}.summary[{i}]"),
                _spans_of(b.get("spans"), f"{where}.summary[{i}]"),
            )
            for i, b in enumerate(_list(data, "summary", where))
        ),
        body=tuple(
            _block_of(b, f"{where}.body[{i}]") for i, b in enumerate(_list(data, "body", where))
        ),
        captions=captions,
        quantities=tuple(
            _quantity_of(q, f"{where}.quantities[{i}]")
            for i, q in enumerate(_list(data, "quantities", where))
        ),
        dates=tuple(
            _date_of(d, f"{where}.dates[{i}]") for i, d in enumerate(_list(data, "dates", where))
        ),
    )


def _page_from_dict(data: Any, text: str | None) -> Page:  # noqa: ANN401 - JSON values
    if isinstance(data, dict) and "page" in data and "schema_version" not in data:
        data = data["page"]  # a line of ``newsparse batch`` output
    if not isinstance(data, dict):
        raise SchemaError(f"expected an object, got {type(data).__name__}")
    version = _get(data, "schema_version", str, "page")
    major = SCHEMA_VERSION.partition(".")[0]
    if version.partition(".")[0] != major:
        raise SchemaError(f"schema_version {version} is not {major}.x")
    if text is None:
        text = data.get("text")
        if not isinstance(text, str):
            raise SchemaError("no page text (JSON of schema 1.0): pass text=")
    date = _iso_of(data.get("date"), "page.date")
    src = data.get("source")
    source = None
    if isinstance(src, dict):
        source = Source(
            src.get("path"), src.get("encoding"), src.get("pdf_page"), src.get("edition")
        )
    try:
        return _page_of(data, text, date, source)
    except (AttributeError, TypeError, ValueError, ArithmeticError) as err:
        if isinstance(err, SchemaError):
            raise
        raise SchemaError(f"{type(err).__name__}: {err}") from None


def _page_of(data: dict[str, Any], text: str, date: dt.date | None, source: Source | None) -> Page:
    removed = tuple(
        Removed(
            _get(r, "text", str, f"removed[{i}]"),
            _spans_of(r.get("spans"), f"removed[{i}]"),
            _enum_of(RemovalReason, r.get("reason"), f"removed[{i}]"),
            _spans_of(r.get("repeats"), f"removed[{i}]"),
        )
        for i, r in enumerate(_list(data, "removed", "page"))
    )
    return Page(
        text=text,
        articles=tuple(
            _article_of(a, f"articles[{i}]") for i, a in enumerate(_list(data, "articles", "page"))
        ),
        credits=_credits_of(data.get("credits"), "credits"),
        removed=removed,
        unclassified=tuple(
            _block_of(b, f"unclassified[{i}]")
            for i, b in enumerate(_list(data, "unclassified", "page"))
        ),
        blocks=tuple(
            _block_of(b, f"blocks[{i}]") for i, b in enumerate(_list(data, "blocks", "page"))
        ),
        date=date,
        date_inferred=bool(data.get("date_inferred", False)),
        source=source,
        furniture=tuple(
            Furniture(
                _enum_of(FurnitureKind, f.get("kind"), f"furniture[{i}]"),
                _get(f, "text", str, f"furniture[{i}]"),
                _spans_of(f.get("spans"), f"furniture[{i}]"),
            )
            for i, f in enumerate(data.get("furniture") or [])
        ),
        edition=_edition_of(data.get("edition")),
        date_source=_enum_of(DateSource, data.get("date_source", "none"), "page.date_source"),
    )


def _edition_of(data: Any) -> Edition | None:  # noqa: ANN401 - JSON values
    if not isinstance(data, dict):
        return None
    return Edition(data.get("paper"), _iso_of(data.get("date"), "edition.date"), data.get("page"))
