r"""Glued lines: one extracted line that holds lines the paper printed apart.

Web copies and archive exports run printed lines together: HTML line
breaks left in the text (``第6版(国际)<br/>专栏:<br/>标题<br/>本报讯…``), a
title run into its dateline (``某某工程开工 某某日报讯(记者甲)…``), a
running head, a posting date or an archive's header run into the line
after it (``[2004-03-31] 特写:…``), a title with the copy's metadata fields
after it (``标题 来源：X网``). This stage, between unwrapping and line
classification, cuts such a line into the lines it holds. Each row of
:data:`SPLITS` is one phenomenon: a function that finds where a line is
cut; the rows are tried in order, each on the pieces the rows before it
left. A cut drops only blanks and markup tags, which become markup blocks
(``Split.markup``), so every character stays accounted for.

>>> from newsparse.text import normalize
>>> s = split_glued(normalize("江边早市开张 某某日报讯(记者甲乙)今天上午，早市开张。"))
>>> [line.text for line in s.nt.lines]
['江边早市开张', '某某日报讯(记者甲乙)今天上午，早市开张。']
>>> s = split_glued(normalize("第2版(要闻)<br/>江边早市开张<br/>本报讯 今天上午，早市开张。"))
>>> [line.text for line in s.nt.lines], [s.nt.text[a:b] for a, b in s.markup]
(['第2版(要闻)', '江边早市开张', '本报讯 今天上午，早市开张。'], ['<br/>', '<br/>'])
"""

from __future__ import annotations

import re
import string
from itertools import compress, repeat
from operator import attrgetter, contains, or_
from typing import TYPE_CHECKING, Final, NamedTuple

import regex
from attrs import evolve, frozen

from newsparse.layout.bylines import parse_dateline
from newsparse.layout.furniture import archive_head_end, furniture_kind, head_end, meta_start
from newsparse.layout.headlines import is_headline_shaped
from newsparse.text import Line

if TYPE_CHECKING:
    from collections.abc import Callable

    from newsparse.text import NormalizedText

__all__ = ["SPLITS", "Cut", "Split", "split_glued"]


class Cut(NamedTuple):
    """Where a line is cut: ``start:end`` is dropped (blanks, tags).

    ``gap`` is the number of blank lines the cut stands for.
    """

    start: int
    end: int
    gap: int = 0


@frozen
class Split:
    """The page with its glued lines cut: the new normalized text and the markup dropped.

    ``markup`` holds ``(start, end)`` offsets into ``nt.text`` of each tag a
    cut dropped (the blanks are not kept).
    """

    nt: NormalizedText
    markup: tuple[tuple[int, int], ...]


_BREAK_TAG = regex.compile(r"<[ ]?+/?+[ ]?+(?:br|BR|Br|p|P)[ ]?+/?+[ ]?+>")
_BREAKS = regex.compile(r"(?:[ ]*+" + _BREAK_TAG.pattern + r")++[ ]*+")
# (one character or one class: the standard engine, several times cheaper a call than ``regex``)
_BLANK = re.compile(" ")
_HAN = regex.compile(r"\p{Han}")
# How furniture run into a line starts: a page code, a date, a bracket, 第 (see furniture.head_end).
# (a set of characters, tested on the first: no pattern call a line with a blank)
_HEAD_START = frozenset(
    string.ascii_uppercase + "".join(map(chr, range(0xFF21, 0xFF3B))) + string.digits + "[【(（第"
)
_TAG_ENDS = re.compile(r"[讯訊电電息】\]]")  # what every dateline tag ends with
# The tags that open an article's dateline firmly (a paper's or agency's name, a date
# and 电 or 讯, brackets): a weaker one (``X讯``) after a title may be the title's last word.
_FIRM_TAG = regex.compile(r"(?:[】\]]|[报報刊网網社台专專日][讯訊]|[电電]|消息)$")
_MAX_TITLE = 60  # a title run into its dateline is at most this long
_MAX_TITLE_LINES = 3  # kicker, headline, subheadline
# A title with a comma inside (``放心出游，安心回家``): short, no sentence end, not cut open.
_WEAK_TITLE = regex.compile(r"[^。；;！？!?]{2,30}+(?<![。；;，,、：:的和与及“（(《])")


def html_breaks(text: str) -> list[Cut]:
    """HTML line breaks left in the text (``<br/>``, ``<br>``, ``<p>``): each is a line break.

    Two tags in a row stand for a blank line.

    >>> html_breaks("标题<br/><br/>正文。")
    [Cut(start=2, end=12, gap=1)]
    >>> html_breaks("a<b>c")
    []
    """
    if "<" not in text:
        return []
    out = []
    for m in _BREAKS.finditer(text):
        tags = len(_BREAK_TAG.findall(m.group()))
        out.append(Cut(m.start(), m.end(), 1 if tags > 1 else 0))
    return out


def archive_fields(text: str) -> list[Cut]:
    """An archive's line whose line breaks the copy turned into blanks: header, title, text.

    An archive export prints its header (``第1版()专栏:``), the title's
    lines (kicker, headline, subheadline) and the text on lines of their
    own; a copy that joins them with blanks leaves one line. After such a
    header, up to a firm dateline, each blank is a line break, where the
    pieces (at most three) are title-shaped.

    >>> text = "第1版()专栏: 去年全年 江城新桥通车 两岸往来更便捷 【新华社江城五日电】新桥…"
    >>> [text[c.start : c.end] for c in archive_fields(text)]
    [' ', ' ', ' ', ' ']
    >>> archive_fields("第1版()专栏: 新桥通车了，两岸往来更便捷 【新华社江城五日电】新桥…")
    [Cut(start=8, end=9, gap=0)]
    """
    if not text.startswith("第"):
        return []
    end = archive_head_end(text)
    if end is None:
        return []
    cuts = [Cut(end, end + 1)]
    blanks = list(_BLANK.finditer(text, end + 1, min(len(text), end + 1 + 3 * _MAX_TITLE)))
    for k, m in enumerate(blanks):
        if not _firm_dateline(text, m.end()):
            continue
        inner = blanks[:k]
        starts = [end + 1] + [b.end() for b in inner]
        stops = [b.start() for b in inner] + [m.start()]
        pieces = [text[a:b] for a, b in zip(starts, stops, strict=True)]
        if len(pieces) <= _MAX_TITLE_LINES and all(map(is_headline_shaped, pieces)):
            cuts.extend(Cut(b.start(), b.end()) for b in [*inner, m])
        break
    return cuts


def _firm_dateline(text: str, pos: int) -> bool:
    """Whether a firm dateline (see :func:`title_dateline`) starts at ``pos`` of ``text``."""
    d = parse_dateline(text, pos)
    return d is not None and d.tag.span.start == pos and _FIRM_TAG.search(d.tag.text) is not None


def furniture_head(text: str) -> list[Cut]:
    """Furniture run into the line after it: a running head, a posting date, an archive header.

    >>> furniture_head("[2020-05-06] 特写:江边的早市")
    [Cut(start=12, end=13, gap=0)]
    >>> furniture_head("2020年的早市")
    []
    """
    if " " not in text or text[:1] not in _HEAD_START:
        return []
    end = head_end(text)
    return [] if end is None else [Cut(end, end + 1)]


def title_meta(text: str) -> list[Cut]:
    """A title and the web copy's metadata fields after it (``标题 来源：X网 2021-03-04``).

    >>> title_meta("江边早市开张 来源：江城网 2021-03-04")
    [Cut(start=6, end=7, gap=0)]
    >>> title_meta("江边早市开张，来源：江城网")
    []
    """
    if " " not in text:
        return []
    start = meta_start(text)
    if start is None or not is_headline_shaped(text[:start]):
        return []
    return [Cut(start, start + 1)]


def title_dateline(text: str) -> list[Cut]:
    """A title and its dateline on one line, a blank between (``标题 某某日报讯(记者甲)…``).

    The part before the blank is headline-shaped (or a short title with a
    comma inside) and the dateline a firm one (a paper's or agency's
    ``…报讯``, ``…电``, ``…消息``, or in brackets).

    >>> title_dateline("江边早市开张 【新华社江城五日电】今天上午，早市开张。")
    [Cut(start=6, end=7, gap=0)]
    >>> title_dateline("早市开张，灯火通明 本报讯 今天上午，早市开张。")
    [Cut(start=9, end=10, gap=0)]
    >>> title_dateline("据悉 通讯员说，早市开张。"), title_dateline("本报讯 今天，早市开张。")
    ([], [])
    """
    if " " not in text[: _MAX_TITLE + 1] or _TAG_ENDS.search(text) is None:
        return []
    for m in _BLANK.finditer(text, 0, min(len(text), _MAX_TITLE + 1)):
        if not _firm_dateline(text, m.end()):
            continue
        if parse_dateline(text) is not None:
            return []  # (asked only now: most lines have no firm dateline after a blank)
        title = text[: m.start()]
        weak = _WEAK_TITLE.fullmatch(title) is not None and _HAN.search(title) is not None
        if weak or is_headline_shaped(title):
            return [Cut(m.start(), m.end())]
        return []
    return []


SPLITS: tuple[tuple[str, Callable[[str], list[Cut]]], ...] = (
    ("<", html_breaks),
    ("第", archive_fields),
    (" ", furniture_head),
    (" ", title_meta),
    (" ", title_dateline),
)
"""The cutting rules, in order: each runs on the pieces the rules before it left.

Each row is a character that every line the rule cuts holds, and the rule:
a line without it is passed over without a call (most lines hold no tag,
and no 第)."""


def _pieces(text: str, rule: int) -> list[tuple[int, int, int]]:
    """The pieces of ``text`` after rules ``rule…``: ``(start, end, gap)``, blank ones dropped.

    A piece that is furniture as a whole stays one line (checked only where a
    rule after the HTML breaks would cut it).
    """
    for k in range(rule, len(SPLITS)):
        needed, cut_at = SPLITS[k]
        if needed in text and (cuts := cut_at(text)):
            break
    else:
        return [(0, len(text), 0)]  # (most lines a rule is asked about)
    rule = k + 1
    if rule > 1 and furniture_kind(text) is not None:
        return [(0, len(text), 0)]  # a whole line of furniture stays one line
    out: list[tuple[int, int, int]] = []
    pos, gap = 0, 0
    for cut in [*cuts, Cut(len(text), len(text))]:
        piece = text[pos : cut.start]
        lead = len(piece) - len(piece.lstrip(" "))
        piece = piece.strip(" ")
        if piece:
            a = pos + lead
            out.extend(
                (a + s, a + e, g if k else gap) for k, (s, e, g) in enumerate(_pieces(piece, rule))
            )
            gap = 0
        gap = max(gap, cut.gap)
        pos = cut.end
    return out


def split_glued(nt: NormalizedText) -> Split:
    r"""Cut the glued lines of a page (see :data:`SPLITS`); other lines stay as they are.

    Only the lines change: ``nt.text`` and its offset map stay, so every
    span keeps pointing into the same input.

    >>> from newsparse.text import normalize
    >>> nt = normalize("标题\n\n正文。")
    >>> split_glued(nt).nt is nt
    True
    """
    lines = nt.lines
    # (every rule cuts at a blank or a tag: the other lines, most, are passed over in C,
    # by two substring tests a line, which scan a line faster than a character class does)
    texts = list(map(_TEXT_OF, lines))
    blank = map(contains, texts, repeat(" "))
    maybe = compress(range(len(lines)), map(or_, blank, map(contains, texts, repeat("<"))))
    cut: dict[int, list[tuple[int, int, int]]] = {}
    for k in maybe:
        text = lines[k].text
        pieces = _pieces(text, 0)
        if len(pieces) != 1 or pieces[0][:2] != (0, len(text)):
            cut[k] = pieces
    if not cut:
        return Split(nt, ())
    out: list[Line] = []
    markup: list[tuple[int, int]] = []
    for k, line in enumerate(lines):
        if k not in cut:
            out.append(line)
            continue
        pos = 0
        for i, (a, b, gap) in enumerate(cut[k]):
            markup.extend(_tags(line, pos, a))
            start = line.start + a
            span = nt.source_span(start, line.start + b)
            out.append(
                Line(
                    line.text[a:b],
                    start,
                    span,
                    line.gap if i == 0 else gap,
                    line.page_break and i == 0,
                )
            )
            pos = b
        markup.extend(_tags(line, pos, len(line.text)))
    return Split(evolve(nt, lines=tuple(out)), tuple(markup))


_TEXT_OF: Final = attrgetter("text")


def _tags(line: Line, start: int, end: int) -> list[tuple[int, int]]:
    """The markup between two pieces of a line, as offsets into the normalized text."""
    return [
        (line.start + m.start(), line.start + m.end())
        for m in regex.finditer(r"[^ ]++", line.text, pos=start, endpos=end)
    ]
