"""Newspaper-like PDF pages for the tests, drawn with reportlab in a CJK font.

The sentences are written for these tests. A page has an edition line, two
articles in two columns (headline in large type, a dateline with the
byline, body lines hard-wrapped at the column width) and a byline at the
end of the second article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

reportlab = pytest.importorskip("reportlab")

from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

if TYPE_CHECKING:
    from pathlib import Path

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

LEFT = {
    "headline": "滨江新区产业园开工建设",
    "lines": [
        "本报讯 记者林晓峰报道 近日，滨江新区",
        "产业园举行开工仪式，项目总投资3.86亿",
        "元，规划用地120亩，预计明年6月建成。",
        "园区将引进新能源企业20家，带动就业",
        "1500人。",
    ],
}
RIGHT = {
    "headline": "老城区完成管网改造",
    "lines": [
        "今年以来，老城区累计改造供水管网25.6",
        "公里，惠及居民8000余户。",
        "下一步，城区将加快推进雨污分流工程，",
        "力争年底前全部完工。",
    ],
    "byline": "本报记者 周文涛",
}
WIDTH_COLUMN = 250


def _article(c: canvas.Canvas, x: float, y: float, art: dict) -> None:
    c.setFont(FONT, 18)
    c.drawString(x, y, art["headline"])
    y -= 34
    c.setFont(FONT, 10.5)
    for line in art["lines"]:
        c.drawString(x, y, line)
        y -= 15
    if "byline" in art:
        y -= 12
        c.drawString(x, y, art["byline"])


def write_newspaper_pdf(path: Path, pages: int = 2, *, labels: str | None = None) -> Path:
    """Write a PDF of ``pages`` pages, page N printing ``第0N版``.

    With ``labels`` (a prefix such as ``"A"``), the pages print no edition
    line and the PDF labels them ``A1``, ``A2``... instead.
    """
    c = canvas.Canvas(str(path), pagesize=(560, 800))
    if labels is not None:
        c.addPageLabel(0, style="D", start=1, prefix=labels)
    for number in range(1, pages + 1):
        c.setFont(FONT, 9)
        if labels is None:
            c.drawString(30, 770, f"第0{number}版 城市新闻")
        _article(c, 30, 720, LEFT)
        _article(c, 30 + WIDTH_COLUMN + 20, 720, RIGHT)
        c.showPage()
    c.save()
    return path


def write_pages_pdf(path: Path, pages: list[list[str]]) -> Path:
    """Write a PDF with one page per item of ``pages``: its lines, in body type, top down."""
    c = canvas.Canvas(str(path), pagesize=(560, 800))
    for lines in pages:
        c.setFont(FONT, 10.5)
        y = 760.0
        for line in lines:
            c.drawString(30, y, line)
            y -= 15
        c.showPage()
    c.save()
    return path
