r"""Line classification: an ordered table of rules, each line with its parse.

Every line of the page gets one ``Shape`` from ``RULES``, a table of
small detectors tried in order; the first that recognizes the line wins and
its parse travels with the line (``ClassifiedLine``), so that later
stages never parse a line twice. The decisions that need the neighbouring
lines (which heading lines are headlines, which short names are columns)
come after, in ``newsparse.layout.headings``.

>>> from newsparse.text import normalize
>>> page = normalize("城市脚步 JIAOBU\n\n本报讯 今年以来，投资增长。\n\n本报记者 张三")
>>> lines = classify_lines(page.lines)
>>> [line.shape.value for line in lines]
['column', 'dateline', 'byline']
>>> lines[1].dateline.tag.text
'本报讯'
"""

from __future__ import annotations

import enum
import re
import string
from collections import Counter
from operator import attrgetter
from typing import TYPE_CHECKING, Final, NamedTuple

import regex

from newsparse.chars import DASH_CHARS, POINT_BULLETS
from newsparse.errors import unchecked
from newsparse.layout.bylines import (
    MAX_BYLINE,
    Byline,
    ClosingMatch,
    DatelineMatch,
    parse_byline,
    parse_closing,
    parse_dateline,
    parse_page_credit,
    parse_web_byline,
)
from newsparse.layout.captions import (
    CAPTION_POINTERS,
    CREDIT_HINT,
    CaptionParts,
    is_caption_shaped,
    may_hold_credit,
    parse_caption,
)
from newsparse.layout.columns import parse_column
from newsparse.layout.furniture import FURNITURE_HINT, JUMP_LINE, MAX_FURNITURE, furniture_kind
from newsparse.layout.headlines import (
    DASH,
    HEADLINE_STOPS,
    MAX_HEADLINE,
    is_headline_shaped,
    labelled_title,
)
from newsparse.layout.marks import LEAD_CHARS, NO_MARKS, Marks, lead_marks, lead_marks_at
from newsparse.layout.reflow import is_editor_note
from newsparse.layout.summaries import LABEL_STARTS, Label, parse_label
from newsparse.layout.vocab import JUMP_WORDS, NOTE_SIGNATURES, TITLE_LABELS
from newsparse.model import Column, FurnitureKind
from newsparse.text import Line

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence
    from typing import TypeAlias


__all__ = [
    "LEAD_REPORT",
    "PHOTO_GAP",
    "RULES",
    "TRIGGERS",
    "ClassifiedLine",
    "Hit",
    "Parse",
    "Shape",
    "Trigger",
    "candidates",
    "classify_lines",
    "opens_with_report",
    "photo_gap_of",
    "triggered_by",
]

_GAP: Final = attrgetter("gap")
PHOTO_GAP: Final = 2
"""Blank lines in a row that mark where a photo stood, on a page that puts
one blank line between blocks (see ``photo_gap_of()``)."""


class Shape(enum.Enum):
    """What a line looks like on its own, before its neighbours are read.

    >>> Shape.DATELINE.value
    'dateline'
    """

    # members are singletons: hashed by identity (Enum's own hash runs Python
    # code, and every line is dispatched on its shape)
    __hash__ = object.__hash__

    FURNITURE = "furniture"
    JUNK = "junk"
    JUMP = "jump"
    PAGE_CREDIT = "page_credit"
    COLUMN = "column"
    LABEL = "label"
    DATELINE = "dateline"
    CLOSING = "closing"
    BYLINE = "byline"
    CREDIT = "credit"
    CAPTION_CREDIT = "caption_credit"
    HEADING = "heading"
    TEXT = "text"
    VERSE = "verse"  # a line of a poem (decided from its neighbours, in headings)


Parse = Byline | Column | Label | DatelineMatch | ClosingMatch | CaptionParts | FurnitureKind | None
"""What a rule read in a line (``None`` for shapes that carry no parse)."""


class Hit(NamedTuple):
    """A rule's verdict on a line: its shape and what the rule parsed."""

    shape: Shape
    parse: Parse = None


# A short line without sentence punctuation at its end may be a headline even
# with commas inside ("天更蓝，水更清"); it counts as one only before a dateline
# or byline.
_WEAK_MAX: Final = 50
_WEAK_HEADING: Final = regex.compile(rf"[^。；;]{{2,{_WEAK_MAX}}}+(?<![。；;，,、：:的和与及])")
_WEAK_OPEN_ENDS: Final = "。；;，,、：:的和与及"


def _weak_heading(text: str) -> bool:
    """Whether ``_WEAK_HEADING`` matches the whole of ``text``, told by ``str`` tests alone.

    >>> _weak_heading("天更蓝，水更清"), _weak_heading("天更蓝。水更清"), _weak_heading("蓝天的")
    (True, False, False)
    """
    return (
        2 <= len(text) <= _WEAK_MAX
        and text[-1] not in _WEAK_OPEN_ENDS
        and "。" not in text  # (the stops the pattern's class leaves out)
        and "；" not in text
        and ";" not in text
    )


# A line with content: a Han character or a word of two letters (a lone page
# number or a row of marks is not).
_CONTENT: Final = regex.compile(r"\p{Han}|\p{L}{2}")
_HAN_CHAR: Final = re.compile("[\u4e00-\u9fff]")  # (some of \p{Han}, a plain class: found first)
_DASH_END: Final = regex.compile(rf"{DASH}$")
_IN_PARENS: Final = re.compile("[（(][^（()）]*[)）]")  # (a plain class: the standard engine)
_DASH_START: Final = regex.compile(rf"{DASH}")
_JUMP: Final = JUMP_LINE  # one pattern for jump lines, alone or glued (layout.furniture)

# A lead byline ending in 报道 and a colon that opens a paragraph without a dateline
# (``周一、记者吴二报道：…``: the paper leaves out its 本报讯).
LEAD_REPORT: Final = regex.compile(
    r"(?P<by>[^，,。：:；;“”「」（()）]{3,30}?(?:报道|報道))[ ]?+[:：]"
)

# Sentence punctuation, which no name, title or role mark of a byline holds, nor a web
# copy's timestamp or fields: a byline line holds it only in the place it was filed
# from (``发自北京，``), read by parse_byline.
_PROSE: Final = re.compile("[，,。；;！？!?“”]")

# A hit is made as ``_NEW_TUPLE(Hit, (shape, parse))``: the tuple in C, without the
# class's ``__new__`` (a Python function); a classified line the same way.
_NEW_TUPLE: Final = tuple.__new__
_JUNK: Final = Hit(Shape.JUNK)
_JUMP_HIT: Final = Hit(Shape.JUMP)
_TEXT: Final = Hit(Shape.TEXT)
_HEADING: Final = Hit(Shape.HEADING)

if TYPE_CHECKING:
    Rule: TypeAlias = Callable[[str, Marks], Hit | None]


class Trigger(NamedTuple):
    """What every line a rule recognizes is like: a necessary condition, read off the rule.

    ``size`` is the longest the line can be after its marks (blanks
    stripped); ``first`` the characters one of which stands right after the
    marks; ``chars`` the characters one of which the line holds; ``avoids``
    the characters none of which it holds (``None``: no condition);
    ``han_first`` whether the line may open with a Han character
    (U+4E00 to U+9FFF, before any marks).
    """

    size: int | None = None
    first: str | None = None
    chars: str | None = None
    avoids: str | None = None
    han_first: bool = True


TRIGGERS: dict[Rule, Trigger] = {}
"""Each rule's trigger, declared with the rule by ``triggered_by()``. A line runs
only the rules whose trigger it meets (see ``candidates()``); a rule without
one runs on every line.

>>> TRIGGERS[closing]
Trigger(size=None, first='(（', chars=None, avoids=None, han_first=True)
"""


def triggered_by(
    *,
    size: int | None = None,
    first: Iterable[str] = (),
    chars: Iterable[str] = (),
    avoids: Iterable[str] = (),
    han_first: bool = True,
) -> Callable[[Rule], Rule]:
    """Declare a rule's trigger (see ``Trigger``): what every line it recognizes is like.

    A trigger is a necessary condition read off the rule's own checks (the
    characters it needs, the longest line it takes), never a guess: a line
    that does not meet it cannot get the rule's shape.

    >>> @triggered_by(size=20, chars="版")
    ... def example(text, marks):
    ...     return None
    >>> TRIGGERS.pop(example)
    Trigger(size=20, first=None, chars='版', avoids=None, han_first=True)
    """

    def declare(rule: Rule) -> Rule:
        TRIGGERS[rule] = Trigger(size, _set(first), _set(chars), _set(avoids), han_first)
        return rule

    return declare


def _set(chars: Iterable[str]) -> str | None:
    """The characters of ``chars`` (strings of one or more), each once, sorted."""
    found = "".join(sorted({c for piece in chars for c in piece}))
    return found or None


# The parsers the rules call, without the argument check of their public entry points
# (``errors.str_argument``): a line's text is a str, and the check costs a call a line.
_parse_page_credit = unchecked(parse_page_credit)
_parse_column = unchecked(parse_column)
_parse_dateline = unchecked(parse_dateline)
_parse_closing = unchecked(parse_closing)
_parse_byline = unchecked(parse_byline)
_parse_web_byline = unchecked(parse_web_byline)
_parse_caption = unchecked(parse_caption)
_is_caption_shaped = unchecked(is_caption_shaped)
_parse_label = unchecked(parse_label)


# -- the rules, in the order they are tried --------------------------------------------


@triggered_by(size=MAX_FURNITURE, chars=FURNITURE_HINT)
def furniture(text: str, _marks: Marks) -> Hit | None:
    """A line of the page, not of an article: a footer, an edition or editor line.

    >>> furniture("第 66 页", lead_marks("")).parse
    <FurnitureKind.FOOTER: 'footer'>
    >>> furniture("《江畔日报》（2025年11月3日 第 06 版）", lead_marks("")).parse
    <FurnitureKind.EDITION: 'edition'>
    >>> furniture("第三版的故事", lead_marks("")) is None
    True
    """
    kind = furniture_kind(text)
    return None if kind is None else _NEW_TUPLE(Hit, (Shape.FURNITURE, kind))


@triggered_by(han_first=False)  # (a Han character first is content)
def junk(text: str, _marks: Marks) -> Hit | None:
    """A line without content: no Han character, no word of two letters.

    >>> junk("— 3 —", lead_marks("— 3 —")).shape.value
    'junk'
    >>> junk("正文", lead_marks("正文")) is None
    True
    """
    if text and "\u4e00" <= text[0] <= "\u9fff":
        return None  # (a Han character first: see its trigger)
    if _HAN_CHAR.search(text) is not None:
        return None  # (a Han character of the main block: the standard engine tells it)
    return None if _CONTENT.search(text) else _JUNK


@triggered_by(first=["（( ", *(w[0] for w in JUMP_WORDS)], chars="版")
def jump(text: str, marks: Marks) -> Hit | None:
    """A jump line, alone on its line: ``（下转第三版）``, ``(上接第1版)``, ``上接A1版``.

    >>> jump("（紧接第2版）", lead_marks("")).shape.value
    'jump'
    >>> jump("上接A1版", lead_marks("")).shape.value
    'jump'
    >>> jump("转第三版的消息", lead_marks("")) is None
    True
    """
    if "版" not in text:
        return None
    return _JUMP_HIT if _JUMP.fullmatch(text, marks.end) else None


# (after its marks; 本版 or 本报, then 图片, 照片 or 摄影: see bylines.parse_page_credit)
@triggered_by(first="本", chars="图圖照摄攝")
def page_credit(text: str, _marks: Marks) -> Hit | None:
    """A credit for the whole page: ``本版图片由本报记者赵六摄``.

    >>> page_credit("本版图片由本报记者赵六摄", lead_marks("")).parse.credits[0].name
    '赵六'
    """
    by = _parse_page_credit(text)
    return None if by is None else _NEW_TUPLE(Hit, (Shape.PAGE_CREDIT, by))


@triggered_by(chars=string.ascii_uppercase)  # (its Latin part)
def column(text: str, _marks: Marks) -> Hit | None:
    """A column marker with its Latin part: ``城市脚步 JIAOBU`` (a bare name needs context).

    >>> column("■ 图说 TUSHUO", lead_marks("■ 图说 TUSHUO")).parse.name
    '图说'
    >>> column("城市印象", lead_marks("城市印象")) is None
    True
    """
    col = _parse_column(text)
    return None if col is None or col.pinyin is None else _NEW_TUPLE(Hit, (Shape.COLUMN, col))


@triggered_by(first=LABEL_STARTS)
def label(text: str, marks: Marks) -> Hit | None:
    """A summary label, alone or glued before its text: ``### 核心提示``, ``核心提示：…``.

    >>> label("核心提示：全市投资增长。", lead_marks("核心提示")).parse
    Label(start=0, end=4, rest=5)
    """
    found = _parse_label(text, marks.end)
    return None if found is None else _NEW_TUPLE(Hit, (Shape.LABEL, found))


@triggered_by(chars="讯訊息电電道")  # (every dateline tag ends with one: see parse_dateline)
def dateline(text: str, _marks: Marks) -> Hit | None:
    """A paragraph opened by a dateline: ``本报讯 记者张三报道 近日，…``.

    >>> dateline("本报讯 近日，我市召开大会。", lead_marks("")).parse.tag.text
    '本报讯'
    """
    d = _parse_dateline(text)
    return None if d is None else _NEW_TUPLE(Hit, (Shape.DATELINE, d))


@triggered_by(first="（(")  # (blanks before it are marks)
def closing(text: str, _marks: Marks) -> Hit | None:
    """An article's closing dateline and byline in parentheses: ``（本报北京10月19日电 记者X）``.

    >>> closing("（本报江城3月9日电 记者冯雪、陆川）", lead_marks("")).parse.tag.text
    '本报江城3月9日电'
    >>> closing("（作者为某大学教授）", lead_marks("")) is None
    True
    """
    c = _parse_closing(text)
    return None if c is None or c.start or not c.whole else _NEW_TUPLE(Hit, (Shape.CLOSING, c))


# Bullets that mark the points of a key-points box (``● 新建公园三座``); ■ and □
# mark bylines and columns, and are not among them.


@triggered_by(chars=POINT_BULLETS)
def key_point(text: str, marks: Marks) -> Hit | None:
    """A point of a key-points box, marked by a bullet: a label of its own (none printed).

    Its label is empty, at the bullet; assembly reads it as a point of the
    summary above an article's body, as text inside one.

    >>> key_point("● 新建口袋公园三座", lead_marks("● 新建口袋公园三座")).parse
    Label(start=0, end=0, rest=2)
    >>> key_point("■ 图说", lead_marks("■ 图说")) is None
    True
    """
    if not marks.end or marks.end >= len(text):
        return None  # (most lines: no marks)
    start = next((k for k in range(marks.end) if text[k] in POINT_BULLETS), None)
    if start is None:
        return None
    return _NEW_TUPLE(Hit, (Shape.LABEL, Label(start, start, marks.end)))


@triggered_by(chars=[s[0] for s in NOTE_SIGNATURES])  # (the line holds its signature)
def editor_note(text: str, _marks: Marks) -> Hit | None:
    """An editor's note (``……敬请关注。——编者``) is text: never a heading or a byline.

    >>> editor_note("（本文有删节）——编者", lead_marks("")).shape.value
    'text'
    >>> editor_note("编者的话", lead_marks("")) is None
    True
    """
    return _TEXT if is_editor_note(text) else None


@triggered_by(first=[w[0] for w in TITLE_LABELS], chars=":：", avoids=HEADLINE_STOPS)
def title_label(text: str, _marks: Marks) -> Hit | None:
    """A title after a genre or position label (``特写：记者眼中的早市``): a heading, not a byline.

    >>> title_label("特写：记者眼中的早市", lead_marks("")).shape.value
    'heading'
    >>> title_label("记者：张三", lead_marks("")) is None
    True
    """
    return _HEADING if labelled_title(text) else None


# (a byline's title, suffix or prefix holds one of these characters, the same as
# bylines reads; a web byline's field its colon)
@triggered_by(size=MAX_BYLINE, chars="记記员員习習编編版校摄攝道导導理图圖文发發审審稿:：")
def byline(text: str, _marks: Marks) -> Hit | None:
    """A byline (``李四 本报记者 张三``), or a photo credit (``本报记者 赵六 摄``).

    >>> byline("李四 本报记者 张三", lead_marks("")).shape.value
    'byline'
    >>> byline("本报记者 赵六 摄", lead_marks("")).shape.value
    'credit'
    """
    if _PROSE.search(text) is not None and "发自" not in text and "發自" not in text:
        return None  # (a text line: see _PROSE)
    by = _parse_byline(text)
    if by is None:
        by = _parse_web_byline(text)  # 2024-05-06 09:30 来源:X 作者:Y
    if by is None:
        return None
    return _NEW_TUPLE(Hit, (Shape.CREDIT if by.is_photo_credit else Shape.BYLINE, by))


@triggered_by(chars=CREDIT_HINT)
def caption_credit(text: str, _marks: Marks) -> Hit | None:
    """A caption with its photo credit glued on: ``车间一角。本报记者 钱九 摄``.

    >>> caption_credit("车间一角。本报记者 钱九 摄", lead_marks("")).parse.text.text
    '车间一角。'
    """
    if not may_hold_credit(text):
        return None
    parts = _parse_caption(text)
    return None if parts.byline is None else _NEW_TUPLE(Hit, (Shape.CAPTION_CREDIT, parts))


@triggered_by(size=MAX_HEADLINE, avoids=HEADLINE_STOPS)  # (a headline has no stops)
def heading(text: str, _marks: Marks) -> Hit | None:
    """A headline-shaped line; its parse is the column it may be (``城市印象``), if any.

    >>> heading("工业投资增长16.8%", lead_marks("")).shape.value
    'heading'
    >>> heading("城市印象", lead_marks("")).parse.name
    '城市印象'
    >>> heading("（作者为某大学教授）", lead_marks("")) is None
    True
    """
    if text[:1] in "（(" and _IN_PARENS.fullmatch(text):
        return None  # a note in parentheses (（作者为…）) is text
    return (
        _NEW_TUPLE(Hit, (Shape.HEADING, _parse_column(text))) if is_headline_shaped(text) else None
    )


def text_line(_text: str, _marks: Marks) -> Hit:
    """Anything else is text (the last rule: it always matches).

    >>> text_line("今年以来，全市完成投资。", lead_marks("")).shape.value
    'text'
    """
    return _TEXT


RULES: tuple[Callable[[str, Marks], Hit | None], ...] = (
    furniture,
    junk,
    jump,
    page_credit,
    column,
    label,
    dateline,
    closing,
    editor_note,
    title_label,
    byline,
    key_point,
    caption_credit,
    heading,
    text_line,
)
"""The line rules, in the order they are tried: the first hit gives the shape."""


# -- classified lines --------------------------------------------------------------------


class ClassifiedLine(NamedTuple):
    r"""A line of the page with its shape and everything read from it.

    ``number`` is the line's position on the page; ``parse`` what the rule
    that gave the shape read; ``head`` whether ``newsparse.layout.headings``
    decided the line is a headline; ``weak`` whether a text line may be a
    headline with a comma inside; ``caption_shaped`` whether the line stands
    after a photo gap and is short enough to be a caption, and ``caption``
    its caption parse then; ``dash_start``/``dash_end``, for a heading or a
    weak line, whether the line
    starts with a dash after its marks (a sub-line ``——…``), where its final
    dash starts (a kicker line ``…——``); ``kicker`` that the headline pass
    read the line as a kicker printed above its headline, ``sub`` as a
    subheadline printed under it.

    >>> from newsparse.text import normalize
    >>> line = classify_lines(normalize("——写在签约之际").lines)[0]
    >>> line.shape.value, line.dash_start, line.sub_line
    ('heading', True, True)
    """

    number: int
    line: Line
    shape: Shape
    parse: Parse
    marks: Marks
    weak: bool = False
    caption_shaped: bool = False
    caption: CaptionParts | None = None
    dash_start: bool = False
    dash_end: int | None = None
    head: bool = False
    kicker: bool = False
    sub: bool = False

    @property
    def text(self) -> str:
        """The normalized text of the line."""
        return self.line.text

    @property
    def sub_line(self) -> bool:
        """A heading line that starts with a dash: a subheadline printed on its own line."""
        return self.shape is Shape.HEADING and self.dash_start

    @property
    def byline(self) -> Byline | None:
        """The byline or page credit the line was read as."""
        return self.parse if isinstance(self.parse, Byline) else None

    @property
    def column(self) -> Column | None:
        """The column marker the line was read as (or may be, for a heading)."""
        return self.parse if isinstance(self.parse, Column) else None

    @property
    def dateline(self) -> DatelineMatch | None:
        """The dateline the line opens with."""
        return self.parse if isinstance(self.parse, DatelineMatch) else None

    @property
    def furniture(self) -> FurnitureKind | None:
        """The kind of page furniture the line is."""
        return self.parse if isinstance(self.parse, FurnitureKind) else None

    @property
    def closing(self) -> ClosingMatch | None:
        """The closing credits in parentheses the line is."""
        return self.parse if isinstance(self.parse, ClosingMatch) else None

    @property
    def label(self) -> Label | None:
        """The summary label the line opens with."""
        return self.parse if isinstance(self.parse, Label) else None


def photo_gap_of(lines: Sequence[Line]) -> int:
    r"""Blank lines that mark a photo on this page: one more than between blocks.

    Pages put one blank line between blocks, some none, some two; a photo
    leaves more. The usual gap is the most frequent one.

    >>> from newsparse.text import normalize
    >>> photo_gap_of(normalize("甲\n\n乙\n\n丙\n\n\n\n丁").lines)
    2
    >>> photo_gap_of(normalize("甲\n乙\n丙\n\n丁").lines)
    1
    """
    counts = Counter(map(_GAP, lines[1:]))  # (one pass in C)
    if not counts:
        return PHOTO_GAP
    usual = max(sorted(counts), key=counts.__getitem__)
    return usual + 1 if usual != 1 else PHOTO_GAP


# -- dispatch: which rules a line runs --------------------------------------------------

# The rules tried in order; the last rule of RULES (text) is the verdict when none hits.
_TRIED: Final = RULES[:-1]
_TRIGGERS: Final = [TRIGGERS.get(rule, Trigger()) for rule in _TRIED]
# Line sizes fall in classes cut at each size a trigger names: 0 up to the smallest...
_SIZES: Final = sorted({t.size for t in _TRIGGERS if t.size is not None})
_CLASS_OF: Final = [sum(1 for b in _SIZES if n > b) for n in range(_SIZES[-1] + 1)]
_LONG: Final = len(_SIZES)  # ...the last for lines longer than every size named
_LONGEST: Final = _SIZES[-1]
# Characters some rule needs first (after the marks): the others all count as one.
_FIRSTS: Final = frozenset("".join(t.first for t in _TRIGGERS if t.first))
# Characters some rule needs in the line, or avoids: each stands for the rules (one bit
# each) that need it, or for the sets of characters (one bit each, after those) that
# hold it.
_NEEDS: Final = [k for k, t in enumerate(_TRIGGERS) if t.chars]
_AVOIDS: Final = sorted({t.avoids for t in _TRIGGERS if t.avoids})
_BITS: Final[dict[str, int]] = {}
for _bit, _chars in enumerate([_TRIGGERS[k].chars or "" for k in _NEEDS] + _AVOIDS):
    for _c in _chars:
        _BITS[_c] = _BITS.get(_c, 0) | 1 << _bit


def _least(size_class: int) -> int:
    """The smallest size of a line in a size class."""
    return 0 if size_class == 0 else _SIZES[size_class - 1] + 1


def _fits(trigger: Trigger, size_class: int) -> bool:
    """Whether the lines of a size class meet a trigger's size."""
    return trigger.size is None or trigger.size >= _least(size_class)


def _admits(trigger: Trigger, size_class: int, first: str) -> bool:
    """Whether a line of a size class meets a trigger's size and first character.

    ``first`` is the character after the line's marks, ``""`` for one that no
    trigger names.
    """
    return _fits(trigger, size_class) and (
        trigger.first is None or (first != "" and first in trigger.first)
    )


def _one_of(chars: Iterable[str]) -> re.Pattern[str]:
    """A pattern for one of ``chars`` (a plain class: the standard engine); none, never matches.

    >>> _one_of("甲乙").findall("甲丙乙"), _one_of("").search("甲") is None
    (['甲', '乙'], True)
    """
    found = "".join(sorted(set(chars)))
    return re.compile("[" + re.escape(found) + "]") if found else re.compile("(?!)")


_CLASSES: Final = range(_LONG + 1)
# For each size class, one search finds the characters a line holds that the rules
# of lines that size need: a rule whose size limit is below the class cannot run, and
# its characters are not looked for (the digits of furniture, the title characters of
# bylines: found hundreds of times a page in paragraphs).
_NEEDED_OF: Final = [
    _one_of(c for k in _NEEDS if _fits(_TRIGGERS[k], size_class) for c in _TRIGGERS[k].chars or "")
    for size_class in _CLASSES
]
# A set of characters rules avoid (the stops of a headline: in nearly every paragraph)
# is searched for on its own, up to the first one found, and only on a line where a
# rule that avoids it can run by its size and first character.
_AVOIDED: Final = [(1 << len(_NEEDS) + j, _one_of(avoids)) for j, avoids in enumerate(_AVOIDS)]
_AVOIDED_OF: Final = [
    {
        first: tuple(
            _AVOIDED[j]
            for j, avoids in enumerate(_AVOIDS)
            if any(t.avoids == avoids and _admits(t, size_class, first) for t in _TRIGGERS)
        )
        for first in [*_FIRSTS, ""]
    }
    for size_class in _CLASSES
]
# The rules a line runs, for each size class, first character, characters held and
# whether a Han character opens it (a bounded number of them): filled as they are
# met, the same on every page.
_RUNS: Final[dict[tuple[int, str, int, bool], tuple[Rule, ...]]] = {}


def _runs(key: tuple[int, str, int, bool]) -> tuple[Rule, ...]:
    """The rules a line runs: those whose trigger its size, first character, characters meet."""
    size_class, first, held, han = key
    runs = []
    for k, (rule, trigger) in enumerate(zip(_TRIED, _TRIGGERS, strict=True)):
        if not _admits(trigger, size_class, first):
            continue
        if trigger.chars is not None and not held >> _NEEDS.index(k) & 1:
            continue
        if trigger.avoids is not None and held >> len(_NEEDS) + _AVOIDS.index(trigger.avoids) & 1:
            continue
        if han and not trigger.han_first:
            continue
        runs.append(rule)
    _RUNS[key] = found = tuple(runs)
    return found


# The bits of each set of needed characters met, filled as sets are met (most lines hold
# none or one or two of them; bounded, so that a long run of odd pages cannot grow it).
_HELD: Final[dict[frozenset[str], int]] = {}
_HELD_MAX: Final = 4096


def _held(chars: frozenset[str]) -> int:
    """The bits of ``_BITS`` that a line holding ``chars`` sets, kept in ``_HELD``.

    >>> _held(frozenset("电")) == _BITS["电"], _held(frozenset()) == 0
    (True, True)
    """
    held = 0
    for c in chars:
        held |= _BITS[c]
    if len(_HELD) < _HELD_MAX:
        _HELD[chars] = held
    return held


def _key(text: str, marks: Marks) -> tuple[int, str, int, bool]:
    """A line's key in ``_RUNS``: its size class, first character, characters held, Han first.

    Only what some rule that a line of its size and first character can run
    looks at is read (see ``_NEEDED_OF``, ``_AVOIDED_OF``).

    >>> _key("本报记者 赵六 摄", NO_MARKS)[:2], _key("今年以来，全市" * 20, NO_MARKS)
    ((0, '本'), (3, '', 0, True))
    """
    end = marks.end
    size = len((text[end:] if end else text).strip())
    size_class = _CLASS_OF[size] if size <= _LONGEST else _LONG
    first = text[end] if end < len(text) else ""
    if first not in _FIRSTS:
        first = ""
    held = 0
    found = _NEEDED_OF[size_class].findall(text)
    if found:  # (a lookup of the set met, no loop over its characters: see _held)
        chars = frozenset(found)
        seen = _HELD.get(chars)
        held = _held(chars) if seen is None else seen
    for bit, avoided in _AVOIDED_OF[size_class][first]:
        if avoided.search(text) is not None:
            held |= bit
    return size_class, first, held, "\u4e00" <= text[:1] <= "\u9fff"


def candidates(text: str, marks: Marks | None = None) -> tuple[Rule, ...]:
    """The rules of ``RULES`` that can recognize a line, in order (the last rule apart).

    Those whose trigger the line meets (see ``TRIGGERS``): its size, the
    character after its marks and one search for the characters rules need
    tell. A line that none of them recognizes is text.

    >>> [rule.__name__ for rule in candidates("本报记者 赵六 摄")]
    ['furniture', 'page_credit', 'byline', 'caption_credit', 'heading']
    >>> paragraph = "今年以来，全市完成投资，同比增长一成，带动就业三千人。" * 3
    >>> candidates(paragraph)
    ()
    """
    key = _key(text, lead_marks(text) if marks is None else marks)
    runs = _RUNS.get(key)
    return _runs(key) if runs is None else runs


def classify(number: int, line: Line, photo_gap: int) -> ClassifiedLine:
    """Classify one line: the first rule of ``RULES`` that matches gives its shape.

    Only the rules that can match run (see ``candidates()``).

    >>> from newsparse.text import normalize
    >>> classify(0, normalize("本报记者 赵六 摄").lines[0], 2).shape.value
    'credit'
    """
    return _classified((line,), photo_gap, number)[0]


def classify_lines(lines: Sequence[Line], photo_gap: int | None = None) -> list[ClassifiedLine]:
    r"""Classify every line of a page (the photo gap read from the page itself by default).

    >>> from newsparse.text import normalize
    >>> [c.shape.value for c in classify_lines(normalize("标题\n\n正文，正文。").lines)]
    ['heading', 'text']
    """
    gap = photo_gap_of(lines) if photo_gap is None else photo_gap
    return _classified(lines, gap, 0)


def _classified(lines: Iterable[Line], photo_gap: int, number: int) -> list[ClassifiedLine]:
    """What ``classify()`` makes of each line, numbered from ``number``: one loop a page.

    Each line runs the rules of ``candidates()`` (the same ``_key()``, the
    same ``_RUNS``); the caption, weak-heading and dash fields follow.
    """
    out = []
    pointers = False  # (a line opening with a caption pointer seen)
    for line in lines:
        text = line.text
        if text and text[0] in LEAD_CHARS:  # (the caption pointers are lead marks too)
            marks = lead_marks_at(text, 0)
            pointed = text[0] in CAPTION_POINTERS  # (▲: a caption, a photo gap or not)
            pointers |= pointed
        else:
            marks, pointed = NO_MARKS, False
        end = marks.end
        key = _key(text, marks)  # (one definition of the key, shared with candidates())
        runs = _RUNS.get(key)
        hit = _TEXT  # (the verdict of the last rule, text_line)
        for rule in _runs(key) if runs is None else runs:
            found = rule(text, marks)
            if found is not None:
                hit = found
                break
        shape, parse = hit
        shaped = (line.gap >= photo_gap or pointed) and _is_caption_shaped(text)
        caption = parse if type(parse) is CaptionParts else None
        if caption is None and shaped and shape in (Shape.TEXT, Shape.HEADING):
            caption = _parse_caption(text)
        weak = shape is Shape.TEXT and len(text) <= _WEAK_MAX and _weak_heading(text)
        dash_start = False
        dash_end = None
        if weak or shape is Shape.HEADING:  # (only a heading is a sub-line or kicker line)
            dash_start = (
                end < len(text)
                and text[end] in DASH_CHARS
                and _DASH_START.match(text, end) is not None
            )
            if text[-1] in DASH_CHARS:
                m = _DASH_END.search(text)
                dash_end = None if m is None else m.start()
        # (every field given: the tuple is made in C, without the class's Python __new__;
        # head, kicker, sub last, decided in layout.headings; one tuple of all the fields)
        fields = (
            number, line, shape, parse, marks, weak, shaped, caption, dash_start, dash_end,
            False, False, False,
        )  # fmt: skip
        out.append(_NEW_TUPLE(ClassifiedLine, fields))
        number += 1
    return _pointer_lists(out, photo_gap) if pointers else out


def _pointer_lists(out: list[ClassifiedLine], photo_gap: int) -> list[ClassifiedLine]:
    r"""Lines that open with a caption pointer one after another are a list, not captions.

    A caption pointer (``▲``) stands before the one caption of a photo; a run
    of such lines, no photo gap between them, is a list printed with ``▲`` as
    its bullet. Its lines are caption-shaped only where a photo gap says so.

    >>> from newsparse.text import normalize
    >>> lines = normalize("▲坚持问题导向。\n▲坚持系统观念。\n\n\n▲游客在公园赏花。").lines
    >>> [c.caption_shaped for c in classify_lines(lines, 2)]
    [False, False, True]
    """
    pointed = [cl.line.text[:1] in CAPTION_POINTERS for cl in out]
    joined = [cl.line.gap < photo_gap for cl in out]  # (no photo gap above the line)
    n = len(out)
    for k, cl in enumerate(out):
        listed = pointed[k] and (
            (k > 0 and joined[k] and pointed[k - 1])
            or (k + 1 < n and joined[k + 1] and pointed[k + 1])
        )
        if listed and cl.caption_shaped and joined[k]:
            parse = cl.parse
            out[k] = cl._replace(
                caption_shaped=False, caption=parse if type(parse) is CaptionParts else None
            )
    return out


def opens_with_report(text: str) -> bool:
    """Whether a paragraph opens with a lead byline and a colon, its dateline left out.

    The byline names a title (``记者``, ``通讯员``): that is what tells it from
    a sentence that ends in ``报道：``.

    >>> opens_with_report("周一、记者吴二报道：春耕开始了。")
    True
    >>> opens_with_report("多家媒体报道：春耕开始了。")
    False
    """
    m = LEAD_REPORT.match(text)
    if m is None:
        return False
    by = parse_byline(m.group("by"))
    return by is not None and any(c.title for c in by.credits)
