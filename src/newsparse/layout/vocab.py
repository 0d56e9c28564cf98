"""Word lists of the layout engine: data only, no logic.

Titles of reporters, dateline words, column and furniture words, role
marks: each list is documented with where it comes from in print, and the
modules of [`newsparse.layout`][newsparse.layout] import them from here.

>>> isinstance(__all__, list)
True
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "JUMP_WORDS",
    "LEAD_OPENERS",
    "LONE_SUMMARY_LABELS",
    "NOTE_SIGNATURES",
    "SUMMARY_LABELS",
]

# ------------------------------------------------------------------- lines, headings, assembly

SUMMARY_LABELS: Final = (
    "核心提示",
    "核心提要",
    "内容提要",
    "編者按",
    "编者按",
    "导读",
    "導讀",
)
"""Labels of a key-points box printed above a feature's summary (simplified and traditional)."""

LONE_SUMMARY_LABELS: Final = ("亮点", "亮點", "要点", "要點")
"""Labels of a key-points box that are also common words (``亮点纷呈``): a label
only alone on its line or before a colon."""

NOTE_SIGNATURES: Final = ("编者", "編者", "编者注", "編者注", "编辑", "編輯")
"""How an editor's note signs off after a dash (``……敬请关注。——编者``): the note
is the article's text, printed above its dateline or after its last paragraph."""

JUMP_WORDS: Final = (
    "上接",
    "下转",
    "紧接",
    "转接",
    "接",
    "转",
    "续",
    "下轉",
    "緊接",
    "轉接",
    "轉",
    "續",
)
"""Words of a jump line, which sends the reader to another page (``下转第三版``) or
says where the text comes from (``上接第一版``, ``紧接第2版``); simplified and traditional."""

# ------------------------------------------------------------------- bylines, datelines, credits

LEAD_OPENERS = (
    # when: time words a news lead opens with
    "近日",
    "日前",
    "近期",
    "近年",
    "目前",
    "今年",
    "今天",
    "今日",
    "今晨",
    "昨天",
    "昨日",
    "昨晚",
    "前天",
    "前日",
    "当天",
    "当日",
    "連日",
    "连日",
    "本月",
    "上月",
    "本周",
    "上周",
    "近来",
    "近來",
    # prepositions and conjunctions a lead sentence opens with
    "在",
    "從",
    "从",
    "據",
    "据",
    "隨著",
    "随着",
    "截至",
    "相對於",
    "相对于",
    "對於",
    "对于",
    "關於",
    "关于",
    "由於",
    "由于",
    "根據",
    "根据",
    "按照",
    "通過",
    "通过",
    "為了",
    "为了",
    "作為",
    "作为",
)
"""Words a news lead's first sentence opens with (time words, prepositions;
simplified and traditional): where a byline runs into the text with no
separator (``本报讯记者张三近日…``), the name ends where one of them starts."""

# ------------------------------------------------------------------- furniture, edition lines
