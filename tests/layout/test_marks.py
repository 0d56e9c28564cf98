"""Layout marks: what ``lead_marks`` reads, and ``Marks`` as a value."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsparse.chars import BULLETS
from newsparse.layout.marks import LEAD_CHARS, NO_MARKS, Marks, lead_marks, lead_marks_at


def test_marks_compare_and_hash_by_their_fields() -> None:
    assert Marks(2, 5) == Marks(2, 5)
    assert hash(Marks(2, 5)) == hash(Marks(2, 5))
    assert Marks(2, 5) != Marks(None, 5)
    assert Marks(2, 5) != Marks(2, 4)
    assert Marks(None, 0) == NO_MARKS
    assert {Marks(1, 2): "a"}[Marks(1, 2)] == "a"


def test_marks_never_equal_another_type() -> None:
    assert Marks(None, 0) != (None, 0)
    assert Marks(1, 2).__eq__((1, 2)) is NotImplemented


def test_marks_print_their_fields() -> None:
    assert repr(Marks(3, 4)) == "Marks(level=3, end=4)"
    assert repr(NO_MARKS) == "Marks(level=None, end=0)"


def test_a_line_without_marks_shares_the_one_value() -> None:
    assert lead_marks("正文") is NO_MARKS
    assert lead_marks("") is NO_MARKS


def test_hashes_and_a_bullet() -> None:
    assert lead_marks("## ● 要点") == Marks(2, 5)
    assert lead_marks("◆文章") == Marks(None, 1)


_LINE = st.text(alphabet=[*sorted(LEAD_CHARS), "本", "报", "记", "者", "文", "1"], max_size=12)


@given(_LINE)
def test_marks_are_the_same_at_an_offset(line: str) -> None:
    # a line read inside a longer text gives the same marks, moved by the offset
    prefix = "前文。"
    inside = lead_marks_at(prefix + line, len(prefix))
    alone = lead_marks(line)
    assert inside.level == alone.level
    assert inside.end == alone.end + len(prefix)
    assert all(c in LEAD_CHARS for c in line[: alone.end])


# The marks as a pattern (what lead_marks_at read with one before it read them by
# hand): up to six ``#`` (possessive), blanks, then a run of bullets and its blanks.
_AS_PATTERN = re.compile(rf"(#{{1,6}})?[ ]*(?:[{BULLETS}]+[ ]*)?")


@given(st.text(alphabet=["#", " ", "■", "●", "·", "文", "a", "N"], max_size=14))
def test_marks_read_as_the_pattern_reads_them(line: str) -> None:
    if not line or line[0] not in "# " + BULLETS:
        return  # (glyph letters and lines without marks: tested above)
    m = _AS_PATTERN.match(line)
    assert m is not None
    level = len(m.group(1)) if m.group(1) else None
    assert lead_marks_at(line, 0) == Marks(level, m.end())


def test_seven_hashes_are_a_level_six_and_a_hash() -> None:
    assert lead_marks("####### 题") == Marks(6, 6)
    assert lead_marks("  ■■  题") == Marks(None, 6)


def test_marks_are_frozen() -> None:
    import attrs

    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        NO_MARKS.end = 3  # type: ignore[misc]
    assert Marks(None, 0) == NO_MARKS
