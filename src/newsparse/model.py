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
from typing import TYPE_CHECKING, Any

from attrs import field, frozen

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterator

    from newsparse.dates import DateMention
    from newsparse.quantities import Quantity

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Block",
    "BlockKind",
    "Caption",
    "Column",
    "Credit",
    "CreditRole",
    "Page",
    "RemovalReason",
    "Removed",
    "Span",
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
