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
    "CLOSED_ENDINGS",
    "DATELINE_PLACES",
    "JUMP_WORDS",
    "LEAD_OPENERS",
    "LONE_SUMMARY_LABELS",
    "NAV_WORDS",
    "NOTE_SIGNATURES",
    "SUMMARY_LABELS",
    "TITLE_LABELS",
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

TITLE_LABELS = (
    "特写",
    "特寫",
    "专访",
    "專訪",
    "侧记",
    "側記",
    "速写",
    "速寫",
    "综述",
    "綜述",
    "述评",
    "述評",
    "短评",
    "短評",
    "时评",
    "時評",
    "快评",
    "快評",
    "社评",
    "社評",
    "社论",
    "社論",
    "通讯",
    "通訊",
    "调查",
    "調查",
    "观察",
    "觀察",
    "独家",
    "獨家",
    "头条",
    "頭條",
    "焦点",
    "焦點",
    "花絮",
    "快讯",
    "快訊",
)
"""Genre and position labels a web copy prints before a title with a colon (``特写：…``,
``头条：…``): the label is the article's kicker, the rest its headline."""

CLOSED_ENDINGS = (
    "参与",
    "參與",
    "方向",
    "走向",
    "导向",
    "導向",
    "面对",
    "面對",
    "应对",
    "應對",
    "存在",
    "所在",
    "终于",
    "終於",
    "在于",
    "在於",
    "属于",
    "屬於",
    "合并",
    "合併",
)
"""Words that end on a character which alone leaves a line open (``与``, ``向``, ``对``,
``在``, ``于``, ``并``): a title may end with them (``扮美社区共参与``)."""

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

DATELINE_PLACES: Final = frozenset(
    (
        # Taiwan's cities and counties, where an agency files most of its stories
        "台北",
        "臺北",
        "新北",
        "台中",
        "臺中",
        "台南",
        "臺南",
        "高雄",
        "桃園",
        "桃园",
        "新竹",
        "基隆",
        "花蓮",
        "花莲",
        "台東",
        "臺東",
        "台东",
        "宜蘭",
        "宜兰",
        "嘉義",
        "嘉义",
        "屏東",
        "屏东",
        "苗栗",
        "彰化",
        "南投",
        "雲林",
        "云林",
        "澎湖",
        "金門",
        "金门",
        "馬祖",
        "马祖",
        # capitals and cities a correspondent files from
        "北京",
        "上海",
        "廣州",
        "广州",
        "深圳",
        "香港",
        "澳門",
        "澳门",
        "東京",
        "东京",
        "大阪",
        "首爾",
        "首尔",
        "華盛頓",
        "华盛顿",
        "紐約",
        "纽约",
        "洛杉磯",
        "洛杉矶",
        "舊金山",
        "旧金山",
        "芝加哥",
        "休士頓",
        "休斯敦",
        "多倫多",
        "多伦多",
        "溫哥華",
        "温哥华",
        "倫敦",
        "伦敦",
        "巴黎",
        "柏林",
        "羅馬",
        "罗马",
        "莫斯科",
        "布魯塞爾",
        "布鲁塞尔",
        "日內瓦",
        "日内瓦",
        "維也納",
        "维也纳",
        "雪梨",
        "悉尼",
        "墨爾本",
        "墨尔本",
        "新加坡",
        "曼谷",
        "河內",
        "河内",
        "馬尼拉",
        "马尼拉",
        "雅加達",
        "雅加达",
        "吉隆坡",
        "新德里",
        "杜拜",
        "迪拜",
        "開羅",
        "开罗",
        "耶路撒冷",
        "聯合國",
        "联合国",
    )
)
"""Places an agency's dateline names right after its reporter's name, glued to it
(``中央社記者X台北5日電``): where the name ends, the place starts. Without one of
them, the name is taken as three characters (two when only two are left)."""

# ------------------------------------------------------------------- furniture, edition lines

NAV_WORDS = (
    "上一版",
    "下一版",
    "上一期",
    "下一期",
    "上一篇",
    "下一篇",
    "版面导航",
    "版面導航",
    "新闻搜索",
    "新聞搜索",
    "返回目录",
    "返回目錄",
    "返回首页",
    "返回首頁",
    "放大",
    "缩小",
    "縮小",
    "默认",
    "默認",
    "打印",
    "关闭",
    "關閉",
    "往期回顾",
    "往期回顧",
)
"""Links of an e-paper's navigation bar (``3上一版 下一版4``, ``放大 缩小 默认``): a line
made of them is the site's chrome, not the page's text (simplified and traditional)."""
