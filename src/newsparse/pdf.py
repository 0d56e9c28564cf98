r"""Reading PDF pages: the text of each page, laid out as blocks, parsed into one Page each.

A newspaper PDF holds one printed page (版) per PDF page. Its text is taken
with ``pypdfium2`` (the optional extra ``[pdf]``: ``pip install
"newsparse[pdf]"``) in the order the PDF draws it, one line per printed
line. The parser reads blocks separated by blank lines, so a blank line is
put where the print leaves one: where the distance to the next line is
clearly more than the usual line spacing of the page (a headline in larger
type, the space before a new article), and where the next line starts
higher up the page than the previous one (the top of a new column).

Each page's [Source][newsparse.model.Source] carries the PDF page number
(1-based) and its 版: the edition mark the page prints in its first or last
lines (``第03版``), or else the page label the PDF gives the page (``A3``),
when it gives one other than the plain page number.

>>> edition_of("第03版 城市新闻\n标题\n正文。")
'第03版'
>>> edition_of("没有版次的页面")
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import evolve, frozen

from newsparse.errors import MissingExtraError, NewsparseError
from newsparse.model import Source
from newsparse.page import MAX_CHARS, parse_page

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from newsparse.model import Page

__all__ = ["PdfPage", "edition_of", "parse_pdf", "pdf_pages"]

_EDITION = re.compile(r"第\s*[0-9０-９一二三四五六七八九十百]{1,4}\s*版")
_EDITION_LINES = 3
"""An edition mark is looked for in this many lines at the top and at the bottom."""

_GAP_FACTOR = 1.5
"""A line gap this many times the page's usual line spacing leaves a blank line."""


@frozen
class PdfPage:
    """The text of one PDF page, with blank lines where the print leaves space.

    ``number`` is 1-based; ``edition`` the 版 the page prints, or ``None``.
    """

    number: int
    text: str
    edition: str | None


def edition_of(text: str) -> str | None:
    r"""The edition mark (``第03版``) printed in the first or last lines of ``text``, or ``None``.

    >>> edition_of("正文\n\n第 5 版")
    '第 5 版'
    """
    lines = [ln for ln in text.splitlines() if ln.strip()]
    for line in lines[:_EDITION_LINES] + lines[-_EDITION_LINES:]:
        found = _EDITION.search(line)
        if found is not None:
            return found.group()
    return None


def _pdfium() -> Any:  # noqa: ANN401 - an optional module without type stubs
    try:
        import pypdfium2  # noqa: PLC0415 - optional extra, imported when used
    except ImportError:
        raise MissingExtraError("pdf", "pypdfium2", "reading PDF files") from None
    return pypdfium2


def _line_starts(text: str) -> list[tuple[int, str]]:
    """``(index of the first character, line)`` for each line of pdfium's text."""
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\r\n"):
        out.append((pos, line))
        pos += len(line) + 2
    return out


def _layout(text: str, box: Any) -> str:  # noqa: ANN401 - a pdfium text page
    """Join pdfium's lines, leaving a blank line at wide gaps and column tops."""
    lines: list[tuple[str, float | None]] = []
    for start, line in _line_starts(text):
        offset = len(line) - len(line.lstrip())
        y = None
        if line.strip():
            y = float(box(start + offset)[1])
        lines.append((line.rstrip(), y))
    placed = [y for _, y in lines if y is not None]
    gaps = sorted(a - b for a, b in itertools.pairwise(placed) if a > b)
    usual = gaps[len(gaps) // 4] if gaps else 0.0  # the tight spacing inside paragraphs
    out: list[str] = []
    prev: float | None = None
    for line, y in lines:
        if y is None:
            continue
        if prev is not None and (y > prev or (usual and prev - y > _GAP_FACTOR * usual)):
            out.append("")
        out.append(line)
        prev = y
    return "\n".join(out) + ("\n" if out else "")


def _label(doc: Any, number: int) -> str | None:  # noqa: ANN401 - a pdfium document
    """The PDF's own label of a page (``/PageLabels``), unless it is just the number."""
    get = getattr(doc, "get_page_label", None)
    label = str(get(number - 1) or "").strip() if get is not None else ""
    return label if label and label != str(number) else None


def pdf_pages(
    path: str | Path, pages: Iterable[int] | None = None, *, data: bytes | None = None
) -> list[PdfPage]:
    """The text of the pages of a PDF (all, or the 1-based numbers in ``pages``), in order.

    ``data``, when given, is the file's content, already read: the PDF is
    read from it and ``path`` only names it (``newsparse batch`` hashes the
    bytes it parses this way). Raises
    [MissingExtraError][newsparse.MissingExtraError] without ``pypdfium2``,
    ``FileNotFoundError`` for a missing file and
    [NewsparseError][newsparse.NewsparseError] for a file that is not a PDF
    or a page number out of range.

    >>> pdf_pages("page.pdf", data=b"not a PDF")
    Traceback (most recent call last):
    ...
    newsparse.errors.NewsparseError: cannot read page.pdf as a PDF: ...
    """
    pdfium = _pdfium()
    p = Path(path)
    if data is None and not p.is_file():
        raise FileNotFoundError(2, "No such file or directory", str(p))
    try:
        doc = pdfium.PdfDocument(str(p) if data is None else data)
    except pdfium.PdfiumError as err:
        raise NewsparseError(f"cannot read {p} as a PDF: {err}") from None
    try:
        count = len(doc)
        wanted = list(range(1, count + 1)) if pages is None else list(pages)
        out: list[PdfPage] = []
        for number in wanted:
            if not 1 <= number <= count:
                raise NewsparseError(f"{p}: no page {number} (the PDF has {count})")
            page = doc[number - 1]
            textpage = page.get_textpage()
            try:
                text = _layout(textpage.get_text_range(), textpage.get_charbox)
            finally:
                textpage.close()
                page.close()
            out.append(PdfPage(number, text, edition_of(text) or _label(doc, number)))
        return out
    finally:
        doc.close()


def parse_pdf(
    path: str | Path,
    pages: Iterable[int] | None = None,
    *,
    date: dt.date | None = None,
    max_chars: int | None = MAX_CHARS,
) -> list[Page]:
    """Parse a newspaper PDF: one [Page][newsparse.model.Page] per PDF page (or per ``pages``).

    Each page's ``source`` names the file, the PDF page number and the 版
    the page prints; ``date`` and ``max_chars`` (the size limit of each
    page's text) are passed on to [parse_page][newsparse.parse_page], so a
    page longer than ``max_chars`` raises
    [InputTooLargeError][newsparse.errors.InputTooLargeError]. Needs the
    ``[pdf]`` extra (see ``pdf_pages()`` for the errors).

    >>> parse_pdf("no/such.pdf")
    Traceback (most recent call last):
    ...
    FileNotFoundError: [Errno 2] No such file or directory: 'no/such.pdf'
    """
    out: list[Page] = []
    for pdf_page in pdf_pages(path, pages):
        page = parse_page(pdf_page.text, date=date, max_chars=max_chars)
        source = Source(str(path), None, pdf_page.number, pdf_page.edition)
        out.append(evolve(page, source=source))
    return out
