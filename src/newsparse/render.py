r"""Readable renderings of a parsed page: Markdown, plain text, and a figures table.

[`page_markdown()`][newsparse.render.page_markdown] writes the articles as Markdown (``newsparse
parse
--format md``); [`page_text()`][newsparse.render.page_text] as labelled plain text (``newsparse
demo``); [`figure_rows()`][newsparse.render.figure_rows] flattens the quantities into table rows
(``newsparse figures``).

>>> from newsparse.model import Article, Block, BlockKind, Page, Span
>>> text = "标题\n\n今年以来。"
>>> art = Article(
...     span=Span(0, 9),
...     headline=Block(BlockKind.HEADLINE, "标题", (Span(0, 2),)),
...     body=(Block(BlockKind.PARAGRAPH, "今年以来。", (Span(4, 9),)),),
... )
>>> print(page_markdown(Page(text=text, articles=(art,))))
## 标题
<BLANKLINE>
今年以来。
<BLANKLINE>
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from newsparse.model import BlockKind

if TYPE_CHECKING:
    from newsparse.model import Article, Caption, Credit, Page, Quantity

__all__ = [
    "FIGURE_COLUMNS",
    "figure_rows",
    "format_number",
    "page_markdown",
    "page_text",
    "quantity_value",
    "si_fields",
    "si_text",
]

FIGURE_COLUMNS = (
    "file",
    "article",
    "headline",
    "text",
    "value",
    "low",
    "high",
    "unit",
    "dimension",
    "approx",
    "si_value",
    "si_low",
    "si_high",
    "si_unit",
    "start",
    "end",
)
"""The columns of ``figure_rows()`` (and of ``newsparse figures``), in order."""

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])")


def format_number(value: object) -> str:
    """Write an exact number as text: no exponent, fractions as ``n/d``, ``None`` as ``""``.

    >>> from decimal import Decimal
    >>> from fractions import Fraction
    >>> format_number(Decimal("3.86E+8")), format_number(Fraction(1, 3)), format_number(None)
    ('386000000', '1/3', '')
    >>> format_number(Fraction(6, 2)), format_number(Decimal("16.80"))
    ('3', '16.80')
    """
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, tuple | list):
        return format_number(value[0]) if value else ""
    return str(value)


def _enum_text(value: object) -> str:
    if value is None:
        return ""
    return str(getattr(value, "value", value))


def si_fields(quantity: Quantity) -> dict[str, str]:
    """Return the SI form of a quantity as text: ``si_value``, ``si_low``, ``si_high``, ``si_unit``.

    Taken from ``quantity.to_si()`` (a quantity in SI units, or ``None`` for
    money, counts and ratios, whose fields are then empty). An error in
    ``to_si()`` counts as no SI form.

    >>> from newsparse.figures.quantities import extract_quantities
    >>> si_fields(extract_quantities("6万吨")[0])
    {'si_value': '60000000', 'si_low': '', 'si_high': '', 'si_unit': 'kg'}
    >>> si_fields(extract_quantities("3.86亿元")[0])["si_unit"]
    ''
    """
    empty = {"si_value": "", "si_low": "", "si_high": "", "si_unit": ""}
    to_si = getattr(quantity, "to_si", None)
    if to_si is None:
        return empty
    try:
        si = to_si()
    except (ArithmeticError, NotImplementedError, TypeError, ValueError):
        return empty
    if si is None:
        return empty
    if isinstance(si, tuple | list):  # a bare (value, unit) pair
        return {
            **empty,
            "si_value": format_number(si[0] if si else None),
            "si_unit": _enum_text(si[1] if len(si) > 1 else None),
        }
    if not hasattr(si, "unit"):  # a bare number
        return {**empty, "si_value": format_number(si)}
    return {
        "si_value": format_number(getattr(si, "value", None)),
        "si_low": format_number(getattr(si, "low", None)),
        "si_high": format_number(getattr(si, "high", None)),
        "si_unit": _enum_text(si.unit),
    }


def si_text(quantity: Quantity) -> str:
    """Return the SI form of a quantity in one string, or ``""``.

    >>> from newsparse.figures.quantities import extract_quantities
    >>> si_text(extract_quantities("5至10公里")[0])
    '5000~10000 m'
    """
    si = si_fields(quantity)
    number = si["si_value"] or (
        f"{si['si_low']}~{si['si_high']}" if si["si_low"] or si["si_high"] else ""
    )
    return f"{number} {si['si_unit']}".strip() if number else ""


def figure_rows(page: Page, file: str = "") -> list[dict[str, str]]:
    """One row per quantity of ``page``: the columns of ``FIGURE_COLUMNS``.

    ``article`` is the 1-based index of the article; values are exact
    numbers as text (see [`format_number()`][newsparse.render.format_number]).

    >>> from newsparse.model import Page
    >>> figure_rows(Page(text=""), "a.txt")
    []
    """
    rows: list[dict[str, str]] = []
    for index, article in enumerate(page.articles, start=1):
        headline = "" if article.headline is None else article.headline.text
        for q in article.quantities:
            span = getattr(q, "span", None)
            rows.append(
                {
                    "file": file,
                    "article": str(index),
                    "headline": headline,
                    "text": q.text,
                    "value": format_number(getattr(q, "value", None)),
                    "low": format_number(getattr(q, "low", None)),
                    "high": format_number(getattr(q, "high", None)),
                    "unit": _enum_text(getattr(q, "unit", None)),
                    "dimension": _enum_text(getattr(q, "dimension", None)),
                    "approx": _enum_text(getattr(q, "approx", None)),
                    **si_fields(q),
                    "start": "" if span is None else str(span.start),
                    "end": "" if span is None else str(span.end),
                }
            )
    return rows


def quantity_value(quantity: Quantity) -> str:
    """Write the value of a quantity as text: the value, or ``low~high`` for a range.

    >>> from newsparse.model import Span
    >>> class Q:
    ...     value, low, high, unit = None, Decimal(5), Decimal(10), "个"
    >>> quantity_value(Q())
    '5~10 个'
    """
    value = getattr(quantity, "value", None)
    if value is None:
        low = format_number(getattr(quantity, "low", None))
        high = format_number(getattr(quantity, "high", None))
        number = f"{low}~{high}" if (low or high) else "?"
    else:
        number = format_number(value)
    unit = _enum_text(getattr(quantity, "unit", None))
    approx = _enum_text(getattr(quantity, "approx", None))
    out = f"{number} {unit}".strip()
    return f"{out} ({approx})" if approx else out


# ---------------------------------------------------------------- Markdown


def _md(text: str) -> str:
    r"""Escape Markdown syntax in running text.

    >>> _md("“8+3”产业 *重点* #1")
    '“8+3”产业 \\*重点\\* \\#1'
    >>> _md("1. 第一")
    '1\\. 第一'
    """
    text = _MD_SPECIAL.sub(r"\\\1", text)
    match = _MD_LINE_START.match(text)
    if match:
        head = match.group(2)
        text = text[: match.start(2)] + head[:-1] + "\\" + head[-1] + text[match.end(2) :]
    return text


def _credit_text(credit: Credit) -> str:
    title = f"{credit.title} " if credit.title else ""
    return f"{title}{credit.name} ({credit.role.value})"


def _caption_md(caption: Caption) -> str:
    names = "; ".join(_credit_text(c) for c in caption.credits)
    return f"> 图：{_md(caption.text)}" + (f" — {_md(names)}" if names else "")


def _heading_markdown(article: Article) -> list[str]:
    out: list[str] = []
    if article.column is not None:
        pinyin = f" {article.column.pinyin}" if article.column.pinyin else ""
        out += [f"**【{_md(article.column.name)}{_md(pinyin)}】**", ""]
    if article.kicker is not None:
        out += [f"*{_md(article.kicker.text)}*", ""]
    headline = article.headline.text if article.headline is not None else "(无标题)"
    out += [f"## {_md(headline)}", ""]
    if article.subheadline is not None:
        out += [f"### ——{_md(article.subheadline.text)}", ""]
    lead = []
    if article.dateline is not None:
        lead.append(f"**{_md(article.dateline.text)}**")
    if article.credits:
        lead.append(_md("; ".join(_credit_text(c) for c in article.credits)))
    if lead:
        out += [" · ".join(lead), ""]
    return out


def _body_markdown(article: Article) -> list[str]:
    out: list[str] = []
    if article.summary:
        out.append("> **核心提示**")
        for block in article.summary:
            out += [">", f"> {_md(block.text)}"]
        out.append("")
    for block in article.body:
        if block.kind is BlockKind.SUBHEAD:
            out += [f"#### {_md(block.text)}", ""]
        else:
            out += [_md(block.text), ""]
    for caption in article.captions:
        out += [_caption_md(caption), ""]
    if article.quantities:
        out += ["| 数字 | 值 | 位置 |", "| --- | --- | --- |"]
        out += [
            f"| {_md(q.text)} | {_md(quantity_value(q))} | {q.span.start}-{q.span.end} |"
            for q in article.quantities
        ]
        out.append("")
    return out


def _article_markdown(article: Article) -> list[str]:
    return _heading_markdown(article) + _body_markdown(article)


def page_markdown(page: Page, *, title: str | None = None) -> str:
    r"""Render the page's articles as Markdown.

    Each article is a level-2 heading (its headline) preceded by its column
    and kicker and followed by its subheadline (level 3), dateline and
    credits, key points (as a quote), body paragraphs (subheads at level
    4), captions and a table of its figures. Page credits come last.
    ``title`` adds a level-1 heading. Text is escaped so that it reads
    as printed.

    >>> from newsparse.model import Page
    >>> page_markdown(Page(text=""), title="a.txt")
    '# a.txt\n\n_(no articles)_\n'
    """
    out: list[str] = []
    if title is not None:
        out += [f"# {_md(title)}", ""]
    if page.date is not None:
        inferred = " (inferred)" if page.date_inferred else ""
        out += [f"*{page.date.isoformat()}{inferred}*", ""]
    for index, article in enumerate(page.articles):
        if index:
            out += ["---", ""]
        out += _article_markdown(article)
    if not page.articles:
        out += ["_(no articles)_", ""]
    if page.credits:
        out += ["---", "", "本版: " + _md("; ".join(_credit_text(c) for c in page.credits)), ""]
    return "\n".join(out)


# ---------------------------------------------------------------- plain text


def _field(label: str, value: str) -> str:
    return f"  {label:<10} {value}"


def _article_text(index: int, article: Article) -> list[str]:
    out = [f"Article {index}"]
    if article.column is not None:
        pinyin = f" ({article.column.pinyin})" if article.column.pinyin else ""
        out.append(_field("column", article.column.name + pinyin))
    for name in ("kicker", "headline", "subheadline", "dateline"):
        block = getattr(article, name)
        if block is not None:
            out.append(_field(name, block.text))
    if article.credits:
        out.append(_field("credits", "; ".join(_credit_text(c) for c in article.credits)))
    out += [_field("summary", block.text) for block in article.summary]
    for block in article.body:
        label = "subhead" if block.kind is BlockKind.SUBHEAD else "body"
        out.append(_field(label, block.text))
    for caption in article.captions:
        names = "; ".join(_credit_text(c) for c in caption.credits)
        out.append(_field("caption", caption.text + (f" — {names}" if names else "")))
    out += [_field("figure", f"{q.text} = {quantity_value(q)}") for q in article.quantities]
    out.append("")
    return out


def page_text(page: Page) -> str:
    """Render the page's articles as labelled plain text, for reading in a terminal.

    >>> from newsparse.model import Article, Block, BlockKind, Page, Span
    >>> art = Article(span=Span(0, 2), headline=Block(BlockKind.HEADLINE, "标题", (Span(0, 2),)))
    >>> print(page_text(Page(text="标题", articles=(art,))))
    Article 1
      headline   标题
    <BLANKLINE>
    """
    out: list[str] = []
    if page.date is not None:
        inferred = " (inferred from the page)" if page.date_inferred else ""
        out += [f"Page date: {page.date.isoformat()}{inferred}", ""]
    for index, article in enumerate(page.articles, start=1):
        out += _article_text(index, article)
    if page.credits:
        out += ["Page credits: " + "; ".join(_credit_text(c) for c in page.credits), ""]
    if page.removed:
        out.append(f"Removed repeats: {len(page.removed)}")
    if page.unclassified:
        out.append(f"Unclassified blocks: {len(page.unclassified)}")
    return "\n".join(out)
