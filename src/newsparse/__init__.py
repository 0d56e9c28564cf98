r"""newsparse: Chinese newspaper pages into typed articles, credits, figures and dates.

>>> import newsparse
>>> page = newsparse.parse_page("标题\n\n本报讯 记者张三报道 今年产值达3.86亿元。")
>>> page.articles[0].headline.text
'标题'
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # not typing's: importing typing costs the command's start-up time
if TYPE_CHECKING:  # what type checkers and readers see; at run time, __getattr__ below
    from typing import Any

    from newsparse.batch import (
        BatchSummary,
        FailureKind,
        PageFailure,
        PageRecord,
        PageResult,
        find_pages,
        parse_many,
        parse_many_json,
        run_batch,
    )
    from newsparse.errors import (
        DecodeError,
        InputNotFoundError,
        InputTooLargeError,
        MissingExtraError,
        NewsparseError,
        NumberError,
        SchemaError,
    )
    from newsparse.figures.dates import (
        extract_dates,
        extract_dates_of,
        infer_reference,
    )
    from newsparse.figures.numbers import parse_number
    from newsparse.figures.quantities import extract_quantities
    from newsparse.io import Decoded, decode, decode_bytes, parse_file, read_pages
    from newsparse.layout.bylines import Byline, parse_byline, parse_dateline
    from newsparse.layout.captions import parse_caption
    from newsparse.layout.columns import parse_column
    from newsparse.layout.dedup import find_repeats
    from newsparse.layout.headlines import split_headline
    from newsparse.layout.reflow import join_pieces
    from newsparse.model import (
        Approx,
        Article,
        Block,
        BlockKind,
        Caption,
        Column,
        Credit,
        CreditRole,
        DateMention,
        DatePrecision,
        Dimension,
        Page,
        Quantity,
        RemovalReason,
        Removed,
        Source,
        Span,
        SpanLabel,
    )
    from newsparse.page import parse_page
    from newsparse.pdf import parse_pdf
    from newsparse.sample import sample_text
    from newsparse.text import NormalizedText, normalize, split_blocks

__version__ = "0.1.0"

__all__ = [
    "Approx",
    "Article",
    "BatchSummary",
    "Block",
    "BlockKind",
    "Byline",
    "Caption",
    "Column",
    "Credit",
    "CreditRole",
    "DateMention",
    "DatePrecision",
    "DecodeError",
    "Decoded",
    "Dimension",
    "FailureKind",
    "InputNotFoundError",
    "InputTooLargeError",
    "MissingExtraError",
    "NewsparseError",
    "NormalizedText",
    "NumberError",
    "Page",
    "PageFailure",
    "PageRecord",
    "PageResult",
    "Quantity",
    "RemovalReason",
    "Removed",
    "SchemaError",
    "Source",
    "Span",
    "SpanLabel",
    "__version__",
    "decode",
    "decode_bytes",
    "extract_dates",
    "extract_dates_of",
    "extract_quantities",
    "find_pages",
    "find_repeats",
    "infer_reference",
    "join_pieces",
    "normalize",
    "parse_byline",
    "parse_caption",
    "parse_column",
    "parse_dateline",
    "parse_file",
    "parse_many",
    "parse_many_json",
    "parse_number",
    "parse_page",
    "parse_pdf",
    "read_pages",
    "run_batch",
    "sample_text",
    "split_blocks",
    "split_headline",
]

_HOMES: dict[str, str] = {
    "Approx": "newsparse.model",
    "Article": "newsparse.model",
    "BatchSummary": "newsparse.batch",
    "Block": "newsparse.model",
    "BlockKind": "newsparse.model",
    "Byline": "newsparse.layout.bylines",
    "Caption": "newsparse.model",
    "Column": "newsparse.model",
    "Credit": "newsparse.model",
    "CreditRole": "newsparse.model",
    "DateMention": "newsparse.model",
    "DatePrecision": "newsparse.model",
    "DecodeError": "newsparse.errors",
    "Decoded": "newsparse.io",
    "Dimension": "newsparse.model",
    "FailureKind": "newsparse.batch",
    "InputNotFoundError": "newsparse.errors",
    "InputTooLargeError": "newsparse.errors",
    "MissingExtraError": "newsparse.errors",
    "NewsparseError": "newsparse.errors",
    "NormalizedText": "newsparse.text",
    "NumberError": "newsparse.errors",
    "Page": "newsparse.model",
    "PageFailure": "newsparse.batch",
    "PageRecord": "newsparse.batch",
    "PageResult": "newsparse.batch",
    "Quantity": "newsparse.model",
    "RemovalReason": "newsparse.model",
    "Removed": "newsparse.model",
    "SchemaError": "newsparse.errors",
    "Source": "newsparse.model",
    "Span": "newsparse.model",
    "SpanLabel": "newsparse.model",
    "decode": "newsparse.io",
    "decode_bytes": "newsparse.io",
    "extract_dates": "newsparse.figures.dates",
    "extract_dates_of": "newsparse.figures.dates",
    "extract_quantities": "newsparse.figures.quantities",
    "find_pages": "newsparse.batch",
    "find_repeats": "newsparse.layout.dedup",
    "infer_reference": "newsparse.figures.dates",
    "join_pieces": "newsparse.layout.reflow",
    "normalize": "newsparse.text",
    "parse_byline": "newsparse.layout.bylines",
    "parse_caption": "newsparse.layout.captions",
    "parse_column": "newsparse.layout.columns",
    "parse_dateline": "newsparse.layout.bylines",
    "parse_file": "newsparse.io",
    "parse_many": "newsparse.batch",
    "parse_many_json": "newsparse.batch",
    "parse_number": "newsparse.figures.numbers",
    "parse_page": "newsparse.page",
    "parse_pdf": "newsparse.pdf",
    "read_pages": "newsparse.io",
    "run_batch": "newsparse.batch",
    "sample_text": "newsparse.sample",
    "split_blocks": "newsparse.text",
    "split_headline": "newsparse.layout.headlines",
}
"""The module that defines each public name (the imports above, for the run time)."""


def __getattr__(name: str) -> Any:  # noqa: ANN401 - any public name
    """Import a public name's module on first use (PEP 562), so ``import newsparse`` is quick.

    ``import newsparse`` loads no parser: the first use of a name imports the module that
    defines it, and binds the name here, so later uses cost nothing.

    >>> import newsparse
    >>> newsparse.parse_page is newsparse.page.parse_page
    True
    >>> newsparse.no_such_name
    Traceback (most recent call last):
    ...
    AttributeError: module 'newsparse' has no attribute 'no_such_name'
    """
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    __import__(home)
    value = getattr(sys.modules[home], name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The module's names: the public ones, loaded or not, and those bound already.

    >>> "parse_page" in dir(__import__("newsparse"))
    True
    """
    return sorted(set(globals()) | set(__all__))
