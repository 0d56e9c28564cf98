r"""newsparse: Chinese newspaper pages into typed articles, credits, figures and dates.

>>> import newsparse
>>> page = newsparse.parse_page("标题\n\n本报讯 记者张三报道 今年产值达3.86亿元。")
>>> page.articles[0].headline.text
'标题'
"""

from __future__ import annotations

from newsparse.batch import (
    BatchSummary,
    FailureKind,
    PageFailure,
    PageResult,
    find_pages,
    parse_many,
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
    "parse_number",
    "parse_page",
    "parse_pdf",
    "read_pages",
    "run_batch",
    "sample_text",
    "split_blocks",
    "split_headline",
]
