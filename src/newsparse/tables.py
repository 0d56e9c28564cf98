r"""Typed tables of parsed pages: articles, figures, dates and people.

Each table is a list of columns with a type ([`FIGURES`][newsparse.tables.FIGURES],
[`DATES`][newsparse.tables.DATES],
[`PEOPLE`][newsparse.tables.PEOPLE], [`ARTICLES`][newsparse.tables.ARTICLES]);
[`figure_records()`][newsparse.tables.figure_records] and its siblings
give one dict per row with Python values of those types (``int`` offsets
and counts, ``float`` beside every exact value, which stays a decimal
string, ``None`` where a value is absent). The file and PDF page of a row
come from each page's ``source``. The same rows feed ``newsparse figures``,
``newsparse dates`` and ``newsparse people`` (CSV, JSON lines or Parquet)
and the pandas DataFrames of [`figures()`][newsparse.tables.figures],
[`dates()`][newsparse.tables.dates], [`people()`][newsparse.tables.people]
and [`articles()`][newsparse.tables.articles] (the optional extra ``[pandas]``: ``pip install
"newsparse[pandas]"``).

>>> from newsparse import parse_page
>>> page = parse_page("标题\n\n本报讯 记者张三报道 今年产值达3.86亿元，增长16.8%。")
>>> row = figure_records([page])[0]
>>> row["text"], row["value"], row["value_float"], row["start"], row["context"]
('3.86亿元', '386000000', 386000000.0, 20, '今年产值达3.86亿元，增长16.8%。')
>>> [(r["name"], r["role"], r["title"]) for r in people_records([page])]
[('张三', 'reporter', '记者')]

CSV cells are neutralized against formula injection as OWASP describes:
a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return gets a leading single quote, unless the whole cell is a
plain number (``-5``, ``1/3``).

>>> csv_cell("=HYPERLINK(1)"), csv_cell("-5"), csv_cell("@工作"), csv_cell(12)
("'=HYPERLINK(1)", '-5', "'@工作", '12')
"""

from __future__ import annotations

import bisect
import csv
import io
import json
import re
from typing import TYPE_CHECKING, Any

from newsparse.errors import MissingExtraError
from newsparse.render import format_number

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from decimal import Decimal
    from fractions import Fraction

    from newsparse.model import Article, Credit, Page, Span

__all__ = [
    "ARTICLES",
    "DATES",
    "FIGURES",
    "PEOPLE",
    "article_records",
    "articles",
    "csv_cell",
    "date_records",
    "dates",
    "figure_records",
    "figures",
    "people",
    "people_records",
    "to_csv",
    "to_jsonl",
    "write_parquet",
]

Columns = tuple[tuple[str, str], ...]
"""``(name, type)`` pairs; a type is ``string``, ``int``, ``float``, ``bool`` or ``date``."""

_WHERE: Columns = (
    ("file", "string"),
    ("pdf_page", "int"),
    ("article", "int"),
    ("headline", "string"),
)

FIGURES: Columns = (
    *_WHERE,
    ("text", "string"),
    ("value", "string"),
    ("value_float", "float"),
    ("low", "string"),
    ("low_float", "float"),
    ("high", "string"),
    ("high_float", "float"),
    ("unit", "string"),
    ("dimension", "string"),
    ("approx", "string"),
    ("si_value", "string"),
    ("si_value_float", "float"),
    ("si_low", "string"),
    ("si_high", "string"),
    ("si_unit", "string"),
    ("start", "int"),
    ("end", "int"),
    ("context", "string"),
)
"""The columns of ``figure_records()``: exact values as decimal strings (``p/q`` for a
fraction) beside a float; ``context`` is the sentence the figure stands in."""

DATES: Columns = (
    *_WHERE,
    ("text", "string"),
    ("value", "date"),
    ("first", "date"),
    ("last", "date"),
    ("precision", "string"),
    ("relative", "bool"),
    ("lunar", "bool"),
    ("start", "int"),
    ("end", "int"),
    ("context", "string"),
)
"""The columns of [`date_records()`][newsparse.tables.date_records]."""

PEOPLE: Columns = (
    *_WHERE,
    ("name", "string"),
    ("role", "string"),
    ("title", "string"),
    ("credited_in", "string"),
    ("start", "int"),
    ("end", "int"),
)
"""The columns of ``people_records()``; ``credited_in`` is ``article`` (byline or dateline),
``caption`` or ``page`` (a page-wide credit, with no article)."""

ARTICLES: Columns = (
    *_WHERE,
    ("column", "string"),
    ("kicker", "string"),
    ("subheadline", "string"),
    ("dateline", "string"),
    ("credits", "string"),
    ("paragraphs", "int"),
    ("captions", "int"),
    ("figures", "int"),
    ("dates", "int"),
    ("characters", "int"),
    ("start", "int"),
    ("end", "int"),
    ("text", "string"),
)
"""The columns of ``article_records()``; ``credits`` joins the names with ``、``."""

_SENTENCE_END = frozenset("。！？!?；;\n")
_CONTEXT_MAX = 200
"""At most this many characters of context on each side of a figure."""
_LINE_BREAK = re.compile(r"\s*\n\s*")
_NUMBER_CELL = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?(?:/[0-9]+)?")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _float(value: Decimal | Fraction | None) -> float | None:
    return None if value is None else float(value)


def _text(value: Decimal | Fraction | None) -> str | None:
    return None if value is None else format_number(value)


def context_of(text: str, span: Span, within: Span | None = None) -> str:
    r"""The sentence of ``text`` around ``span``: from the last sentence end before it to the next.

    A blank line ends a sentence too; line breaks inside it are removed (a
    hard-wrapped line), and at most 200 characters are taken on each side.
    ``within`` (the block the span stands in) bounds the sentence.

    >>> from newsparse.model import Span
    >>> context_of("第一句。产值达到\n3亿元，增长。第三句", Span(9, 12))
    '产值达到3亿元，增长。'
    """
    lo = span.start
    floor = max(0 if within is None else within.start, span.start - _CONTEXT_MAX)
    while lo > floor and not _ends(text, lo - 1):
        lo -= 1
    hi = span.end
    ceiling = min(len(text) if within is None else within.end, span.end + _CONTEXT_MAX)
    while hi < ceiling and not _ends(text, hi):
        hi += 1
    if hi < ceiling and text[hi] != "\n":
        hi += 1
    return _LINE_BREAK.sub("", text[lo:hi]).strip()


def _ends(text: str, i: int) -> bool:
    ch = text[i]
    if ch != "\n":
        return ch in _SENTENCE_END
    return text[i + 1 : i + 2] in {"\n", "\r"} or text[i - 1 : i] == "\n"


class _Blocks:
    """The spans of a page's blocks, to find the block a figure stands in."""

    def __init__(self, page: Page) -> None:
        spans = sorted(b.span for b in page.blocks if b.spans)
        self.starts = [s.start for s in spans]
        self.spans = spans

    def around(self, span: Span) -> Span | None:
        i = bisect.bisect_right(self.starts, span.start) - 1
        if i >= 0 and self.spans[i].end >= span.end:
            return self.spans[i]
        return None


def _where(page: Page, index: int | None, article: Article | None) -> dict[str, Any]:
    source = page.source
    headline = None if article is None or article.headline is None else article.headline.text
    return {
        "file": None if source is None else source.path,
        "pdf_page": None if source is None else source.pdf_page,
        "article": index,
        "headline": headline,
    }


def figure_records(pages: Iterable[Page]) -> list[dict[str, Any]]:
    """One row per figure of every article of ``pages``: the columns of ``FIGURES``."""
    rows: list[dict[str, Any]] = []
    for page in pages:
        blocks = _Blocks(page)
        for index, article in enumerate(page.articles, start=1):
            where = _where(page, index, article)
            for q in article.quantities:
                si = q.to_si()
                rows.append(
                    {
                        **where,
                        "text": q.text,
                        "value": _text(q.value),
                        "value_float": _float(q.value),
                        "low": _text(q.low),
                        "low_float": _float(q.low),
                        "high": _text(q.high),
                        "high_float": _float(q.high),
                        "unit": q.unit,
                        "dimension": q.dimension.value,
                        "approx": None if q.approx is None else q.approx.value,
                        "si_value": None if si is None else _text(si.value),
                        "si_value_float": None if si is None else _float(si.value),
                        "si_low": None if si is None else _text(si.low),
                        "si_high": None if si is None else _text(si.high),
                        "si_unit": None if si is None else si.unit,
                        "start": q.span.start,
                        "end": q.span.end,
                        "context": context_of(page.text, q.span, blocks.around(q.span)),
                    }
                )
    return rows


def date_records(pages: Iterable[Page]) -> list[dict[str, Any]]:
    r"""One row per date mention of every article of ``pages``: the columns of ``DATES``.

    >>> import datetime as dt
    >>> from newsparse import parse_page
    >>> page = parse_page("标题\n\n本报讯 今年上半年，产值增长。", date=dt.date(2024, 8, 1))
    >>> [(r["text"], r["value"], r["precision"]) for r in date_records([page])]
    [('今年上半年', datetime.date(2024, 1, 1), 'half_year')]
    """
    rows: list[dict[str, Any]] = []
    for page in pages:
        blocks = _Blocks(page)
        for index, article in enumerate(page.articles, start=1):
            where = _where(page, index, article)
            rows += [
                {
                    **where,
                    "text": d.text,
                    "value": d.value,
                    "first": d.first,
                    "last": d.last,
                    "precision": d.precision.value,
                    "relative": d.relative,
                    "lunar": d.lunar,
                    "start": d.span.start,
                    "end": d.span.end,
                    "context": context_of(page.text, d.span, blocks.around(d.span)),
                }
                for d in article.dates
            ]
    return rows


def _person(where: dict[str, Any], credit: Credit, credited_in: str) -> dict[str, Any]:
    return {
        **where,
        "name": credit.name,
        "role": credit.role.value,
        "title": credit.title,
        "credited_in": credited_in,
        "start": credit.span.start,
        "end": credit.span.end,
    }


def people_records(pages: Iterable[Page]) -> list[dict[str, Any]]:
    """Every credited person of ``pages`` (bylines, captions, page credits): ``PEOPLE``."""
    rows: list[dict[str, Any]] = []
    for page in pages:
        for index, article in enumerate(page.articles, start=1):
            where = _where(page, index, article)
            rows += [_person(where, c, "article") for c in article.credits]
            rows += [_person(where, c, "caption") for cap in article.captions for c in cap.credits]
        rows += [_person(_where(page, None, None), c, "page") for c in page.credits]
    return rows


def article_records(pages: Iterable[Page]) -> list[dict[str, Any]]:
    r"""One row per article of ``pages``: the columns of [`ARTICLES`][newsparse.tables.ARTICLES].

    >>> from newsparse import parse_page
    >>> page = parse_page("产业园开工建设\n\n本报讯 记者张三报道 今年产值达3.86亿元。")
    >>> row = article_records([page])[0]
    >>> row["headline"], row["credits"], row["figures"], row["paragraphs"]
    ('产业园开工建设', '张三', 1, 1)
    """
    rows: list[dict[str, Any]] = []
    for page in pages:
        for index, a in enumerate(page.articles, start=1):
            text = a.text
            rows.append(
                {
                    **_where(page, index, a),
                    "column": None if a.column is None else a.column.name,
                    "kicker": None if a.kicker is None else a.kicker.text,
                    "subheadline": None if a.subheadline is None else a.subheadline.text,
                    "dateline": None if a.dateline is None else a.dateline.text,
                    "credits": "、".join(c.name for c in a.credits),
                    "paragraphs": len(a.body),
                    "captions": len(a.captions),
                    "figures": len(a.quantities),
                    "dates": len(a.dates),
                    "characters": len(text),
                    "start": a.span.start,
                    "end": a.span.end,
                    "text": text,
                }
            )
    return rows


# ---------------------------------------------------------------- writing


def csv_cell(value: object) -> str:
    """A value as a CSV cell, neutralized against formula injection (see the module)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if not isinstance(value, str):
        return value.isoformat() if hasattr(value, "isoformat") else str(value)
    if value.startswith(_FORMULA_START) and _NUMBER_CELL.fullmatch(value) is None:
        return "'" + value
    return value


def to_csv(rows: Sequence[dict[str, Any]], columns: Columns, *, bom: bool = False) -> str:
    r"""The rows as CSV text with a header, every cell through ``csv_cell()``.

    >>> to_csv([{"a": 1, "b": "=1+1"}], (("a", "int"), ("b", "string")))
    "a,b\n1,'=1+1\n"
    """
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([name for name, _ in columns])
    writer.writerows([csv_cell(row.get(name)) for name, _ in columns] for row in rows)
    return ("\ufeff" if bom else "") + buf.getvalue()


def _json_value(value: object) -> object:
    return value.isoformat() if hasattr(value, "isoformat") else value


def to_jsonl(rows: Sequence[dict[str, Any]], columns: Columns) -> str:
    r"""The rows as JSON lines: numbers as numbers, dates as ISO strings, absent values as null.

    >>> to_jsonl([{"a": 1, "b": None}], (("a", "int"), ("b", "string")))
    '{"a": 1, "b": null}\n'
    """
    return "".join(
        json.dumps({name: _json_value(row.get(name)) for name, _ in columns}, ensure_ascii=False)
        + "\n"
        for row in rows
    )


def _import(name: str, feature: str) -> Any:  # noqa: ANN401 - optional modules without stubs
    import importlib  # noqa: PLC0415 - only for the optional extras

    try:
        return importlib.import_module(name)
    except ImportError:
        raise MissingExtraError("pandas", name, feature) from None


def _arrow_schema(columns: Columns) -> Any:  # noqa: ANN401 - a pyarrow schema
    pa = _import("pyarrow", "writing Parquet")
    types = {
        "string": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
    }
    return pa.schema([(name, types[kind]) for name, kind in columns])


def write_parquet(rows: Sequence[dict[str, Any]], columns: Columns, path: str) -> None:
    """Write the rows to a Parquet file with the column types of ``columns`` (needs pyarrow)."""
    pa = _import("pyarrow", "writing Parquet")
    pq = _import("pyarrow.parquet", "writing Parquet")
    names = [name for name, _ in columns]
    table = pa.Table.from_pylist(
        [{n: row.get(n) for n in names} for row in rows], _arrow_schema(columns)
    )
    pq.write_table(table, path)


def _frame(rows: Sequence[dict[str, Any]], columns: Columns) -> Any:  # noqa: ANN401 - a DataFrame
    pd = _import("pandas", "newsparse.tables DataFrames")
    dtypes = {
        "string": "string",
        "int": "Int64",
        "float": "float64",
        "bool": "boolean",
        "date": "datetime64[s]",
    }
    names = [name for name, _ in columns]
    frame = pd.DataFrame([{n: row.get(n) for n in names} for row in rows], columns=names)
    return frame.astype({name: dtypes[kind] for name, kind in columns})


def figures(pages: Iterable[Page]) -> Any:  # noqa: ANN401 - a pandas DataFrame
    r"""The figures of ``pages`` as a pandas DataFrame with the types of ``FIGURES``.

    >>> from newsparse import parse_page
    >>> df = figures([parse_page("标题\n\n本报讯 今年产值达3.86亿元。")])
    >>> str(df["start"].dtype), str(df["value_float"].dtype), df["value"][0]
    ('Int64', 'float64', '386000000')
    """
    return _frame(figure_records(pages), FIGURES)


def dates(pages: Iterable[Page]) -> Any:  # noqa: ANN401 - a pandas DataFrame
    """The date mentions of ``pages`` as a pandas DataFrame (``DATES``; dates as datetime64)."""
    return _frame(date_records(pages), DATES)


def people(pages: Iterable[Page]) -> Any:  # noqa: ANN401 - a pandas DataFrame
    """Every credited person of ``pages`` as a pandas DataFrame (``PEOPLE``)."""
    return _frame(people_records(pages), PEOPLE)


def articles(pages: Iterable[Page]) -> Any:  # noqa: ANN401 - a pandas DataFrame
    """The articles of ``pages`` as a pandas DataFrame ([`ARTICLES`][newsparse.tables.ARTICLES])."""
    return _frame(article_records(pages), ARTICLES)
