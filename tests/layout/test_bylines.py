"""Unit tests of newsparse.layout.bylines: how other papers print their bylines."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse.layout import bylines
from newsparse.layout.bylines import (
    parse_byline,
    parse_closing,
    parse_dateline,
    parse_editor_fields,
    parse_tail,
    parse_web_byline,
)


def _credits(line: str) -> list[tuple[str, str, str | None]]:
    byline = parse_byline(line)
    assert byline is not None, line
    return [(c.name, c.role.value, c.title) for c in byline.credits]


def test_place_filed_from_after_the_name_is_no_reporter() -> None:
    # (記者 X 某地報道): the place where the story was filed, after a space
    assert _credits("（記者 鄧雨桐 廈門報道）") == [("鄧雨桐", "reporter", "記者")]
    assert _credits("(记者 孔令舟 兰州报道)") == [("孔令舟", "reporter", "记者")]
    # a place that starts with a surname character, but ends as places do
    assert _credits("（记者 孔令舟 武清区报道）") == [("孔令舟", "reporter", "记者")]
    # a second name before 报道 stays a reporter
    assert _credits("本报记者 孔令舟 郑雨报道") == [
        ("孔令舟", "reporter", "本报记者"),
        ("郑雨", "reporter", "本报记者"),
    ]


def test_text_and_picture_marks_credit_the_writer_only() -> None:
    assert _credits("记者 白露晞 通讯员 严知秋 文/图") == [
        ("白露晞", "reporter", "记者"),
        ("严知秋", "correspondent", "通讯员"),
    ]
    assert _credits("某某晚报记者宋青岚文图") == [("宋青岚", "reporter", "某某晚报记者")]
    assert _credits("文/圖：宋青嵐") == [("宋青嵐", "reporter", None)]
    # 摄 still makes a photographer, and so does 图 after a name of its own
    assert _credits("本报记者 宋青岚 文并摄")[1] == ("宋青岚", "photographer", "本报记者")
    assert _credits("宋青岚/文 白露晞/图") == [
        ("宋青岚", "reporter", None),
        ("白露晞", "photographer", None),
    ]


def test_paper_name_glued_after_the_last_name_is_dropped() -> None:
    assert _credits("記者方晴、葛一帆聯合報") == [
        ("方晴", "reporter", "記者"),
        ("葛一帆", "reporter", "記者"),
    ]
    assert _credits("记者 方晴 田园日报") == [("方晴", "reporter", "记者")]
    assert _credits("记者方晴田园报")[0] == ("方晴", "reporter", "记者")
    assert len(_credits("记者方晴田园报")) == 1


def test_title_cut_from_its_name_is_dropped() -> None:
    assert _credits("记者 方晴 通讯员") == [("方晴", "reporter", "记者")]
    assert parse_byline("通讯员") is None
    assert parse_byline("方晴 记者") is None  # a bare name needs a title after it with a name


def test_names_listed_with_a_reporter_by_a_comma_share_the_report() -> None:
    assert _credits("葛一帆、记者方晴报道") == [
        ("葛一帆", "reporter", None),
        ("方晴", "reporter", "记者"),
    ]
    # a bare name before the title, after a space: a correspondent by convention
    assert _credits("葛一帆 本报记者 方晴")[0] == ("葛一帆", "correspondent", None)
    assert _credits("记者方晴、通讯员葛一帆报道") == [
        ("方晴", "reporter", "记者"),
        ("葛一帆", "correspondent", "通讯员"),
    ]


def test_dateline_with_a_place_in_its_parenthesized_byline() -> None:
    d = parse_dateline("東海日報訊(記者 鄧雨桐 廈門報道)昨日,會展中心開幕。")
    assert d is not None
    assert d.byline is not None
    assert [c.name for c in d.byline.credits] == ["鄧雨桐"]
    assert d.tag.text == "東海日報訊"


def _tail(text: str) -> tuple[str, list[tuple[str, str, str | None]]] | None:
    found = parse_tail(text)
    if found is None:
        return None
    start, byline = found
    return text[start:], [(c.name, c.role.value, c.title) for c in byline.credits]


def test_byline_glued_after_the_last_sentence() -> None:
    assert _tail("人们在江边散步，孩子们追逐玩耍。”本报记者 卓晓岚 喻川") == (
        "本报记者 卓晓岚 喻川",
        [("卓晓岚", "reporter", "本报记者"), ("喻川", "reporter", "本报记者")],
    )
    assert _tail("活动将持续到月底。记者 卓晓岚 通讯员 喻川 文/图") == (
        "记者 卓晓岚 通讯员 喻川 文/图",
        [("卓晓岚", "reporter", "记者"), ("喻川", "correspondent", "通讯员")],
    )
    # glued names with a common surname need no blank: 记者卓晓岚
    assert _tail("活动将持续到月底。记者卓晓岚") == (
        "记者卓晓岚",
        [("卓晓岚", "reporter", "记者")],
    )
    # after a blank, as before
    assert _tail("活动将持续到月底。 本报记者 卓晓岚 整理") is not None


def test_text_after_the_last_sentence_that_is_no_byline() -> None:
    assert _tail("大家都说好。记者看到") is None  # 看到: no surname, glued
    assert _tail("大家都说好。”记者了解到") is None
    assert _tail("活动将持续到月底。") is None
    assert _tail("会上，记者卓晓岚说") is None  # no sentence end before it
    assert _tail("大家都说好。卓晓岚") is None  # one name without a title


def test_names_without_a_title_after_the_last_sentence() -> None:
    assert _tail("这样的事情再没有发生过。”卓晓岚 喻川") == (
        "卓晓岚 喻川",
        [("卓晓岚", "reporter", None), ("喻川", "reporter", None)],
    )
    # not names: no common surname
    assert _tail("这样的事情再没有发生过。”春风 细雨") is None


def _lead(text: str) -> tuple[str, list[tuple[str, str, str | None]], str] | None:
    d = parse_dateline(text)
    assert d is not None, text
    if d.byline is None:
        return None
    credits = [(c.name, c.role.value, c.title) for c in d.byline.credits]
    return d.tag.text, credits, text[d.rest :]


def test_byline_run_into_the_lead_ends_at_titles_and_the_first_sentence() -> None:
    assert _lead("江城讯江城晚报记者卓晓岚通讯员喻川近日，滨江公园开放。") == (
        "江城讯",
        [("卓晓岚", "reporter", "江城晚报记者"), ("喻川", "correspondent", "通讯员")],
        "近日，滨江公园开放。",
    )
    # three characters before a preposition, two before a time word
    assert _lead("本报讯记者喻川相对于去年，今年客流更多。")[1] == [("喻川", "reporter", "记者")]
    assert _lead("本报讯记者卓晓岚相对于去年，今年客流更多。")[1] == [
        ("卓晓岚", "reporter", "记者")
    ]
    assert _lead("本報訊記者鄧雨桐通訊員喻川昨日表示，")[1] == [
        ("鄧雨桐", "reporter", "記者"),
        ("喻川", "correspondent", "通訊員"),
    ]
    # a date or a quote after the name ends it too
    assert _lead("本报讯记者卓晓岚3月5日，滨江公园开放。")[2] == "3月5日，滨江公园开放。"


def test_run_in_text_that_gives_no_name() -> None:
    # no common surname, no place where the name ends, or two places it could end
    assert _lead("本报讯记者看到公园里人很多。") is None
    assert _lead("本报讯记者卓晓岚和同事们一起走访。") is None
    assert _lead("本报讯记者王明近日前往江边。") is None  # 王明 近日, or 王明近 日前?


def _web(line: str) -> list[tuple[str, str, str | None]] | None:
    byline = parse_web_byline(line)
    return None if byline is None else [(c.name, c.role.value, c.title) for c in byline.credits]


def test_web_metadata_lines_that_credit_people() -> None:
    assert _web("2023-08-09 07:15:02   來源: 東海日報   作者:鄧雨桐 喻川   點擊:") == [
        ("鄧雨桐", "reporter", None),
        ("喻川", "reporter", None),
    ]
    assert _web("2023-08-09 07:15:02 来源:江城网 责任编辑:卓晓岚") == [
        ("卓晓岚", "editor", "责任编辑")
    ]
    assert _web("2023/08/09 07:15 記者鄧雨桐／廈門報導") == [("鄧雨桐", "reporter", "記者")]
    assert _web("作者：卓晓岚  来源：江城晚报") == [("卓晓岚", "reporter", None)]


def test_web_metadata_lines_that_credit_nobody() -> None:
    assert _web("2023-08-09 07:15:02 来源: 江城网") is None  # furniture reads it
    assert _web("2023年8月9日 全市召开大会") is None  # a date, then text
    assert _web("作者：今天天气很好，大家出门。") is None
    assert _web("来源：江城晚报 作者：会议决定，明年启动。") is None


def test_a_field_label_before_a_colon_is_no_name() -> None:
    assert parse_byline("来源:江城网 责任编辑:卓晓岚") is None
    assert _web("来源:江城网 责任编辑:卓晓岚") == [("卓晓岚", "editor", "责任编辑")]
    # a title before a colon is a title, as before
    assert _credits("记者：卓晓岚 编辑：喻川") == [
        ("卓晓岚", "reporter", "记者"),
        ("喻川", "editor", "编辑"),
    ]


def test_editor_fields_of_a_running_head() -> None:
    by = parse_editor_fields("A5 综合新闻 责任编辑：卓晓岚、喻川 美编：鄧雨桐 星期三")
    assert by is not None
    assert [(c.name, c.role.value, c.title) for c in by.credits] == [
        ("卓晓岚", "editor", "责任编辑"),
        ("喻川", "editor", "责任编辑"),
        ("鄧雨桐", "editor", "美编"),
    ]
    assert parse_editor_fields("本报编辑部的故事") is None  # no colon after the label
    assert parse_editor_fields("总编辑:会议决定推迟") is None  # inside a word, no name


def test_titles_with_a_posting_or_a_newsroom_before_them() -> None:
    assert _credits("本报驻京记者 卓晓岚") == [("卓晓岚", "reporter", "本报驻京记者")]
    assert _credits("本報駐滬記者 鄧雨桐 喻川")[1] == ("喻川", "reporter", "本報駐滬記者")
    assert _credits("全媒体记者 卓晓岚 通讯员 喻川") == [
        ("卓晓岚", "reporter", "全媒体记者"),
        ("喻川", "correspondent", "通讯员"),
    ]
    assert _credits("江城日报融媒体记者 卓晓岚") == [("卓晓岚", "reporter", "江城日报融媒体记者")]
    assert _credits("视频记者 卓晓岚 摄") == [("卓晓岚", "photographer", "视频记者")]


def test_where_the_reporter_filed_from() -> None:
    assert _credits("某某报记者 卓晓岚 发自江城") == [("卓晓岚", "reporter", "某某报记者")]
    assert _credits("記者 鄧雨桐 發自香港") == [("鄧雨桐", "reporter", "記者")]


def test_labels_with_a_colon_inside_a_byline() -> None:
    assert _credits("撰文：卓晓岚 摄影：喻川") == [
        ("卓晓岚", "reporter", None),
        ("喻川", "photographer", None),
    ]
    assert _credits("文：卓晓岚 图：喻川 编辑：鄧雨桐") == [
        ("卓晓岚", "reporter", None),
        ("喻川", "photographer", None),
        ("鄧雨桐", "editor", "编辑"),
    ]
    assert _credits("文·图/卓晓岚") == [("卓晓岚", "reporter", None)]


def test_run_in_byline_with_blanks_between_its_parts() -> None:
    assert _lead("本报讯 记者 卓晓岚 通讯员 喻川 近日，滨江公园开放。") == (
        "本报讯",
        [("卓晓岚", "reporter", "记者"), ("喻川", "correspondent", "通讯员")],
        "近日，滨江公园开放。",
    )
    # two names of one title, the second with a blank after it
    assert _lead("本报讯 记者卓晓岚 喻川 近日，滨江公园开放。")[1] == [
        ("卓晓岚", "reporter", "记者"),
        ("喻川", "reporter", "记者"),
    ]
    # the text after a blank is no second name
    assert _lead("本报讯 记者卓晓岚 喻明是一名教师。")[1] == [("卓晓岚", "reporter", "记者")]
    assert _lead("本报讯 记者卓晓岚 记者发现，")[2] == "记者发现，"


def test_a_title_and_name_before_report_is_no_place() -> None:
    d = parse_dateline("本报讯记者卓晓岚 通讯员喻川报道 近日，")
    assert d is not None
    assert d.byline is not None
    assert [(c.name, c.role.value) for c in d.byline.credits] == [
        ("卓晓岚", "reporter"),
        ("喻川", "correspondent"),
    ]


def test_role_marks_before_the_names_they_label() -> None:
    assert _credits("文/卓晓岚 图/喻川") == [
        ("卓晓岚", "reporter", None),
        ("喻川", "photographer", None),
    ]
    assert _credits("文/卓晓岚 摄影/喻川")[1] == ("喻川", "photographer", None)
    # after the names, as before
    assert _credits("卓晓岚/文 喻川/图") == [
        ("卓晓岚", "reporter", None),
        ("喻川", "photographer", None),
    ]
    assert _credits("图/卓晓岚") == [("卓晓岚", "photographer", None)]
    assert _credits("圖／記者鄧雨桐") == [("鄧雨桐", "photographer", "記者")]


def test_a_news_site_before_the_title() -> None:
    assert _credits("江城新闻记者 卓晓岚 实习记者 喻川") == [
        ("卓晓岚", "reporter", "江城新闻记者"),
        ("喻川", "reporter", "实习记者"),
    ]


def test_traditional_surnames_tell_names_too() -> None:
    # 溫, 關: surnames as traditional script prints them
    assert _lead("本報訊記者溫雅婷通訊員關小芸昨日表示，")[1] == [
        ("溫雅婷", "reporter", "記者"),
        ("關小芸", "correspondent", "通訊員"),
    ]
    assert _tail("會議持續兩天。」溫雅婷 關小芸") is not None


def test_a_title_inside_a_web_field_is_no_name() -> None:
    assert _web("编辑:卓晓岚 美编:喻川") is None  # a byline of titles: parse_byline's
    assert _credits("编辑:卓晓岚 美编:喻川") == [
        ("卓晓岚", "editor", "编辑"),
        ("喻川", "editor", "美编"),
    ]


def test_editors_and_writers_of_web_and_magazine_credits() -> None:
    assert _credits("责编：卓晓岚") == [("卓晓岚", "editor", "责编")]
    assert _credits("編輯：鄧雨桐 審核：關小芸") == [
        ("鄧雨桐", "editor", "編輯"),
        ("關小芸", "editor", "審核"),
    ]
    assert _credits("特约撰稿人 卓晓岚") == [("卓晓岚", "reporter", "特约撰稿人")]
    assert _credits("撰稿：卓晓岚") == [("卓晓岚", "reporter", "撰稿")]


def test_a_label_before_a_title_gives_its_names_their_role() -> None:
    assert _credits("文/本报记者 卓晓岚 图/本报记者 喻川") == [
        ("卓晓岚", "reporter", "本报记者"),
        ("喻川", "photographer", "本报记者"),
    ]
    assert _credits("撰文：江城晚报记者 卓晓岚 摄影：江城晚报记者 喻川")[1] == (
        "喻川",
        "photographer",
        "江城晚报记者",
    )
    assert parse_byline("记者 通讯员 卓晓岚") is None  # a title with no name is no label


# -- the shortcuts that keep most lines off the slow patterns ---------------------------

# the characters the tag, tail and closing patterns turn on, and plain Han text
_MARKED = st.text(
    alphabet=st.sampled_from(
        list("讯訊息电電道日据本报報新华華社中【】[]（()）。！？!?”」』，,：:甲乙记者 \n")
    ),
    max_size=140,
)


@settings(max_examples=400, deadline=None)
@given(_MARKED, st.integers(min_value=0, max_value=140))
def test_one_pattern_tells_where_a_dateline_tag_may_start(line: str, start: int) -> None:
    # the four conditions of _may_open_tag, each tried on its own
    start = min(start, len(line))
    expected = (
        bylines._SHORT_TAG_END.search(line, start, start + bylines._SHORT_TAG) is not None
        or (
            "据" in line[start : start + 2]
            and bylines._TAG_END.search(line, start, start + bylines._SHORT_TAG) is not None
        )
        or bylines._DATED_TAG_END.search(line, start, start + bylines._TAG_REACH) is not None
        or bylines._UNDATED_TAG.match(line, start) is not None
    )
    assert bylines._may_open_tag(line, start) == expected


@settings(max_examples=400, deadline=None)
@given(_MARKED, st.integers(min_value=0, max_value=60), _MARKED)
def test_tail_and_closing_searches_near_the_end_find_what_a_whole_search_finds(
    head: str, blanks: int, tail: str
) -> None:
    text = head + " " * blanks + tail
    whole = bylines._TAIL.search(text)
    near = bylines._TAIL.search(text, bylines._tail_start(text))
    assert (whole and whole.span()) == (near and near.span())
    whole = bylines._CLOSING.search(text)
    near = bylines._CLOSING.search(text, max(len(text) - bylines._CLOSING_REACH, 0))
    assert (whole and whole.span()) == (near and near.span())


def test_a_long_paragraph_keeps_its_tail_byline_and_closing_credits() -> None:
    body = "会议持续两天，代表们讨论了规划。" * 12
    signed = parse_tail(body + "”本报记者 孔令舟 郑雨")
    assert signed is not None
    assert [c.name for c in signed[1].credits] == ["孔令舟", "郑雨"]
    closing = parse_closing(body + "（本报北京、上海、广州、深圳10月19日电 记者冯雪、陆川）")
    assert closing is not None
    assert closing.tag is not None
    assert closing.tag.text == "本报北京、上海、广州、深圳10月19日电"
    assert [c.name for c in closing.byline.credits] == ["冯雪", "陆川"]
    # no tag character in the parentheses: the tag pattern is not tried, the credits read
    note = parse_closing(body + "（作者为某大学教授，本报记者李四采访整理）")
    assert note is not None
    assert note.tag is None
    assert [c.name for c in note.byline.credits] == ["李四"]


@given(
    st.text(alphabet="福州北京台報报道導导发發自市张三李四 /／", min_size=1, max_size=9),
    st.sampled_from(["name", "title", "suffix"]),
    st.sampled_from([" ", "/", "／", "、"]),
)
@settings(max_examples=400, deadline=None)
def test_the_filed_gate_lets_every_filed_place_through(tok: str, kind: str, before: str) -> None:
    # _tokenize asks _filed_from only about a token its gate lets through: the gate
    # never hides a place where the story was filed
    from newsparse.layout.bylines import _FILED_ENDS, _filed_from, _Item

    line = "记者张三" + before + tok
    t0 = len(line) - len(tok)
    gate = tok[-1] in _FILED_ENDS or line[t0 - 1] in "/／" or tok[0] in "发發"
    if not gate:
        assert not _filed_from(line, t0, tok, _Item(kind, "张三", 2, 4))


def _opening(line: str) -> tuple[str, list[tuple[str, str | None]], str]:
    d = parse_dateline(line)
    assert d is not None, line
    names = [] if d.byline is None else [(c.name, c.title) for c in d.byline.credits]
    return d.tag.text, names, line[d.rest :]


def test_agency_dateline_in_parentheses_names_its_reporters_before_the_place() -> None:
    # a known place after the name decides where the name ends
    assert _opening("（中央社記者宋青嵐台北5日電）今天天氣晴。") == (
        "台北5日電",
        [("宋青嵐", "中央社記者")],
        "今天天氣晴。",
    )
    assert _opening("（中央社記者喻川華盛頓4日專電）今天天氣晴。")[:2] == (
        "華盛頓4日專電",
        [("喻川", "中央社記者")],
    )
    # two reporters, the last glued to the place; the simplified spelling
    assert _opening("（中央社记者葛一帆、方晴江城12日电）今天")[:2] == (
        "江城12日电",
        [("葛一帆", "中央社记者"), ("方晴", "中央社记者")],
    )
    # a known place with its 縣 after it; an unknown place after a name of three
    assert _opening("（中央社記者方晴嘉義縣5日電）今天")[:2] == (
        "嘉義縣5日電",
        [("方晴", "中央社記者")],
    )
    assert _opening("（中央社記者宋青嵐江城縣5日電）今天")[:2] == (
        "江城縣5日電",
        [("宋青嵐", "中央社記者")],
    )
    # a traditional compound surname keeps its four characters
    assert _opening("(中央社記者歐陽一帆高雄5日電)今天")[1] == [("歐陽一帆", "中央社記者")]
    # a blank between name and place; no reporter at all
    assert _opening("（中央社記者 方晴 台中5日電）今天")[:2] == (
        "台中5日電",
        [("方晴", "中央社記者")],
    )
    assert _opening("（中央社台北10月5日電）今天") == ("中央社台北10月5日電", [], "今天")


def test_agency_dateline_spans_leave_the_parentheses_apart() -> None:
    line = "（中央社記者宋青嵐台北5日電）今天"
    d = parse_dateline(line)
    assert d is not None
    assert d.byline is not None
    assert d.byline_span is not None
    assert line[d.byline_span.start : d.byline_span.end] == "中央社記者宋青嵐"
    assert line[d.tag.span.start : d.tag.span.end] == "台北5日電"
    assert d.byline_span.end <= d.tag.span.start  # no character read twice


def test_agency_parentheses_without_a_dateline_are_no_dateline() -> None:
    assert parse_dateline("（中央社記者今天表示）他說。") is None
    assert parse_dateline("（中央社記者江城5日電）今天") is None  # a place, but no name
    assert parse_dateline("（中央社記者甲台北5日電）今天") is None  # no name of one character


def test_posted_abroad_without_a_place_is_one_title() -> None:
    assert _credits("本报驻外记者 宋青岚") == [("宋青岚", "reporter", "本报驻外记者")]
    assert _credits("本報駐外記者 宋青嵐 攝") == [("宋青嵐", "photographer", "本報駐外記者")]
    assert _opening("本报讯 本报驻外记者宋青岚报道 今天，天气晴。")[1] == [
        ("宋青岚", "本报驻外记者")
    ]
    assert _opening("本报巴黎10月5日电（本报驻外记者 方晴）今天")[1] == [("方晴", "本报驻外记者")]
    closing = parse_closing("会议持续两天。（本报驻外记者方晴、喻川）")
    assert closing is not None
    assert [(c.name, c.title) for c in closing.byline.credits] == [
        ("方晴", "本报驻外记者"),
        ("喻川", "本报驻外记者"),
    ]
    assert parse_byline("本报驻外记者") is None  # the title alone names nobody


def test_short_paper_name_glued_before_the_title_is_part_of_it() -> None:
    # a byline line under the title: the paper's short name is no correspondent
    assert _credits("南都记者 宋青岚") == [("宋青岚", "reporter", "南都记者")]
    assert _credits("央视见习记者方晴 通讯员 喻川") == [
        ("方晴", "reporter", "央视见习记者"),
        ("喻川", "correspondent", "通讯员"),
    ]
    assert _credits("澎湃实习生 方晴") == [("方晴", "intern", "澎湃实习生")]
    assert _credits("红星记者 方晴 摄") == [("方晴", "photographer", "红星记者")]
    # in parentheses after a dateline, run into the lead, before 报道 and a colon
    assert _opening("本报讯（南都记者 宋青岚）近日，滨江公园开放。")[1] == [("宋青岚", "南都记者")]
    assert _opening("南都讯 南都记者宋青岚 近日，滨江公园开放。")[1] == [("宋青岚", "南都记者")]
    assert _opening("本报讯 京都记者宋青岚报道：近日，滨江公园开放。")[1] == [
        ("宋青岚", "京都记者")
    ]
    # signed after the last sentence
    tail = parse_tail("会议持续两天。”南都记者 宋青岚")
    assert tail is not None
    assert [(c.name, c.title) for c in tail[1].credits] == [("宋青岚", "南都记者")]


def test_short_paper_name_near_misses_stay_as_they_were() -> None:
    # printed apart from the title, a name before it is a correspondent
    assert _credits("宋青岚 记者 方晴")[0] == ("宋青岚", "correspondent", None)
    # a title that names its own paper takes no paper's name in front
    assert _credits("宋青岚 本报记者 方晴")[0] == ("宋青岚", "correspondent", None)
    assert parse_byline("南都记者") is None  # no name after the title
    # prose: a time word before 记者, or no name after it
    assert _opening("本报讯 昨天记者从市教育局获悉，今年全市新建学校三所。")[1] == []
    assert _opening("本报讯 近日记者走访了多个社区，发现垃圾分类见效。")[1] == []
    assert _opening("本报讯 多家媒体记者日前走访了滨江公园。")[1] == []
    assert parse_tail("会议持续两天。昨天记者 方晴") is None
    assert parse_tail("会议持续两天。记者了解到") is None


def test_words_after_a_report_ending_are_the_text_not_names() -> None:
    # the dateline's line broken before its first stop: the lead goes on after 报道
    assert _opening("本报讯 记者宋青岚报道 今年以来全市新建公园")[1:] == (
        [("宋青岚", "记者")],
        "今年以来全市新建公园",
    )
    assert parse_byline("记者 宋青岚 报道 今年以来") is None
    # a mark of its own, or a title, still makes a credit after 报道
    assert _credits("记者 宋青岚报道 方晴 摄")[1] == ("方晴", "photographer", "记者")
    assert _credits("记者 宋青岚 报道 编辑 方晴")[1] == ("方晴", "editor", "编辑")


def test_a_mark_alone_is_no_byline() -> None:
    for line in ("摄影：", "文/图", "图：", "（摄影）", "记者", "南都记者"):
        assert parse_byline(line) is None, line


def test_agency_dateline_without_its_parentheses_or_in_brackets() -> None:
    # a copy that drops the parentheses still names the reporter apart
    assert _opening("中央社記者宋青嵐台北5日電 今天天氣晴。") == (
        "台北5日電",
        [("宋青嵐", "中央社記者")],
        "今天天氣晴。",
    )
    assert _opening("【中央社記者宋青嵐台北5日電】今天")[:2] == (
        "台北5日電",
        [("宋青嵐", "中央社記者")],
    )
    # no reporter: the tag patterns read these as before
    assert _opening("中央社台北5日電 今天天氣晴。") == ("中央社台北5日電", [], "今天天氣晴。")
    assert _opening("【中央社台北5日電】今天")[:2] == ("【中央社台北5日電】", [])
    assert parse_dateline("中央社記者今天表示，天氣晴。") is None
