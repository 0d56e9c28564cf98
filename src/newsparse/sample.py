"""The bundled sample page: an invented regional-daily page for demos and tests.

The page (``newsparse/data/sample_page.txt``) is written for this package:
its city, people, companies and figures are made up. It shows every layout
phenomenon the parser handles: column markers with pinyin, a photo column,
kicker and subheadline, datelines with and without bylines, byline blocks,
glued and separate photo credits, a page-wide credit, captions before a
headline, a ``核心提示`` box with intertitles, broken and doubled
paragraphs, mixed punctuation, figures and dates.

>>> text = sample_text()
>>> text.splitlines()[2]
'加快建设区域性物流枢纽—— 澜州港上半年集装箱吞吐量创新高'
"""

from __future__ import annotations

from importlib import resources

__all__ = ["sample_text"]


def sample_text() -> str:
    r"""Return the raw text of the bundled sample page, exactly as stored (UTF-8).

    >>> text = sample_text()
    >>> "本报讯 记者孟晓川报道" in text and "本版图片由本报记者程朗摄" in text
    True
    >>> text.count("\n\n\n\n")  # three blank lines where each photo stood
    4
    """
    ref = resources.files("newsparse") / "data" / "sample_page.txt"
    return ref.read_bytes().decode("utf-8")
