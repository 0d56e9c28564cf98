"""What tests of the application modules share: the corpus pages and generated page texts.

``CORPUS_PAGES`` are the pages of ``../shared/corpus`` beside the repository
(and its ``rmrb`` folder), empty when it is absent: a test parametrized over
them is skipped then. ``page_texts()`` draws page-shaped texts from the pieces
newspapers print (datelines, bylines, figures, dates, line breaks) mixed with
arbitrary short strings.
"""

from __future__ import annotations

from pathlib import Path

import hypothesis.strategies as st

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
CORPUS_PAGES = sorted(CORPUS.glob("*.txt")) + sorted((CORPUS / "rmrb").glob("*.txt"))
NO_CORPUS = "../shared/corpus not found beside the repository"

PAGE_PIECES = [
    "本报讯",
    " 记者张三报道 ",
    "本报记者 李四",
    "王五 本报记者 赵六",
    "摄",
    "核心提示",
    "## ",
    "锦州脚步 JIAOBU",
    "——",
    "。",
    "，",
    "3.86亿元",
    "16.8%",
    "三分之一",
    "二分之一",
    "7月29日",
    "今年上半年",
    "农历腊月二十一",
    "1.3万余件",
    "500万元至10亿元",
    "每吨500元",
    "本版图片由本报记者赵六摄",
    "\n",
    "\n\n",
    "\n\n\n\n",
    "\r\n",
    " ",
]
"""Pieces of printed pages that generated texts are made of."""


def page_texts(max_pieces: int) -> st.SearchStrategy[str]:
    """Texts of up to ``max_pieces`` pieces: ``PAGE_PIECES`` and short arbitrary strings."""
    piece = st.one_of(st.sampled_from(PAGE_PIECES), st.text(max_size=4))
    return st.lists(piece, max_size=max_pieces).map("".join)
