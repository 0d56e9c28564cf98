"""Table tests of the fast date shapes: each reads what its form reads, where it matches."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsparse.figures import date_forms
from newsparse.figures.date_forms import FORMS, SHAPES, fold, fold_and_match

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
FORM = {form.name: form for form in FORMS}
ROWS = [(shape.name, text) for shape in SHAPES for text in shape.examples]


def _split(example: str) -> tuple[str, int]:
    match, _, after = example.partition("|")
    return match + after, len(match)


def _read(text: str, *, shapes: bool) -> list[tuple[tuple[int, int], object]]:
    """Every match of the scan, as its span and what its reader makes of it."""
    folded, found = fold_and_match(text, shapes=shapes)
    return [(m.span(), form.read(m, folded)) for m, form in found]


def test_names_are_unique_and_every_shape_has_examples_and_a_form():
    names = [shape.name for shape in SHAPES]
    assert len(names) == len(set(names))
    assert not set(names) & set(FORM)
    for shape in SHAPES:
        assert shape.examples
        assert shape.form in FORM


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: s.name)
def test_a_shape_is_tried_only_where_its_form_is(shape):
    form = FORM[shape.form]
    assert set(shape.starts) <= set(form.starts)
    assert set(shape.anchors) <= set(form.anchors)
    for n, after in shape.runs:
        assert any(n == m and set(after) <= set(c) for m, c in form.runs)
    assert bool(shape.runs) == ("0" in shape.starts)


@pytest.mark.parametrize(("name", "text"), ROWS)
def test_each_shape_reads_its_examples_whole_as_its_form_does(name, text):
    text, length = _split(text)
    folded, found = fold_and_match(text, shapes=True)
    assert [(m.span(), form.name) for m, form in found] == [((0, length), name)]
    shape = found[0][1]
    (full,) = date_forms.date_matches(fold(text))
    assert full[1].name == shape.form
    assert full[0].span() == (0, length)
    item = shape.read(found[0][0], folded)
    assert item is not None
    assert item == date_forms.parse(full, fold(text))


@pytest.mark.parametrize(
    "text",
    [
        "2019年7月29日至31日",  # a range of days: the month form's
        "2019年7月29号楼",  # 号 of a building is no day
        "2019年7月至9月",  # a range of months
        "2019年7月份",
        "2019年7月中旬",
        "2019年上半年",  # a tail of the year
        "2016年至2018年",  # a range of years
        "2016年 —2018年",
        "2019年度",
        "今年前三季度",
        "7月29日-31日",
        "7月初",
        "12月31",  # a day without 日
        "13月",
    ],
)
def test_no_shape_matches_where_a_form_goes_on(text):
    found = fold_and_match(text, shapes=True)[1]
    assert not any(isinstance(form, date_forms.Shape) for _, form in found[:1])
    assert _read(text, shapes=True) == _read(text, shapes=False)


# Text dense in what the shapes read and in what their guards refuse: digits,
# the date characters, connectors, the first characters of every tail, and
# the words around a duration (2000多年, 近2000年).
_ALPHABET = list(
    "0123456789\u0663年月日号份度初末底旬上中下半季春夏秋冬今去明本前后第的"
    "至到-—~–.一二三十廿 ,，。、楼线多余近约代以来间"
)
_SHAPED = st.lists(
    st.sampled_from(
        [
            *_ALPHABET,
            "2019年",
            "7月",
            "29日",
            "今年",
            "本年",
            "1999年12月",
            "02月",
            "31号",
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=800, deadline=None)
@given(text=_SHAPED | st.text(alphabet=_ALPHABET, max_size=40))
@example(text="近2019年")  # a duration: the shape reads it as its form does, as nothing
@example(text="2019年多")
@example(text="0999年7月")  # a year out of range
@example(text="2019年7月29日至")
@example(text="2019年7月29日\u0663")
def test_the_shapes_read_what_the_forms_read(text):
    assert _read(text, shapes=True) == _read(text, shapes=False)


def test_the_shapes_read_what_the_forms_read_on_pages_and_suites():
    texts = [p.read_text(encoding="utf-8") for p in sorted(SHARED.glob("corpus/**/*.txt"))]
    suite = SHARED / "benchmarks" / "dates" / "jionlp_time.jsonl"
    if suite.is_file():
        lines = suite.read_text(encoding="utf-8").splitlines()
        texts += [json.loads(line)["text"] for line in lines if line.strip()]
    if not texts:
        pytest.skip("../shared is absent")
    shaped = 0
    for text in texts:
        found = fold_and_match(text, shapes=True)[1]
        shaped += sum(isinstance(form, date_forms.Shape) for _, form in found)
        assert _read(text, shapes=True) == _read(text, shapes=False)
    assert shaped  # the pages do print the common shapes


def test_the_guards_know_every_character_a_connector_starts_with():
    conn = re.compile(date_forms._expand("{CONN}").replace("{1,2}+", "{1,2}"))
    chars = {chr(c) for c in range(0x20, 0x3000)} | set("至到")
    assert {c for c in chars if conn.match(c)} == set(date_forms.CONN_FIRST)


@settings(max_examples=300, deadline=None)
@given(gap=st.text(alphabet=[" ", "\u3000", "起", *date_forms.CONN_FIRST, "年"], max_size=9))
@example(gap="\u3000起——\u3000")
def test_no_gap_longer_than_gap_max_joins_a_range(gap):
    # the range join tries GAP_CONN only on gaps of 1 to GAP_MAX characters
    if date_forms.GAP_CONN.fullmatch(gap):
        assert 0 < len(gap) <= date_forms.GAP_MAX


def test_the_longest_joining_gap_is_gap_max_long():
    assert date_forms.GAP_CONN.fullmatch("\u3000起——\u3000")
    assert len("\u3000起——\u3000") == date_forms.GAP_MAX


@pytest.mark.parametrize("anchor", sorted(date_forms._ANCHORS))
def test_the_positions_before_an_anchor_are_those_with_a_form_to_try(anchor):
    # start_at skips a character only where no form with the anchor starts with it
    pattern = date_forms.start_at(anchor)
    table = date_forms.by_first(anchor)
    for ch in date_forms._FIRSTS:
        if ch != "0":
            assert bool(pattern.fullmatch(ch)) == bool(table.get(ch)), ch
    digit_forms = [f for f in FORMS if anchor in f.anchors and "0" in f.starts]
    assert bool(pattern.match("7")) == bool(digit_forms)


@pytest.mark.parametrize("anchor", sorted(date_forms._ANCHORS))
def test_the_fast_scan_stops_wherever_it_has_something_to_try(anchor):
    # shape_start_at may find a few positions with nothing to try, never miss one
    pattern = date_forms.shape_start_at(anchor)
    table = date_forms.shapes_by_first(anchor)
    for key, forms in table.items():
        if forms:
            text = key if len(key) == 2 else key + "\u3000"
            assert pattern.match(text) is not None, key
    for form in FORMS:
        if anchor in form.anchors:
            for n, after in form.runs:
                for c in after:
                    text = "7" * n + c
                    assert pattern.match(text) is not None, text
                    assert date_forms.shapes_by_run(anchor, n, c)
    # a run too long for every form, and a character no form starts with, are passed over
    assert pattern.match("7" * (date_forms._MAX_RUN + 1) + anchor) is None
    assert pattern.match("\u3000") is None


def test_the_fast_scan_passes_over_runs_and_words_that_start_no_date():
    assert date_forms.shape_start_at(".").search("增长10000.5%") is None
    assert date_forms.shape_start_at("年").search("47户,近年") is None
    assert date_forms.shape_start_at("节").search("春天") is None
    assert date_forms.shape_start_at("节").search("春节").group() == "春"


def _plain_alternation(anchor: str) -> re.Pattern[str]:
    """What ``shape_start_at(anchor)`` finds, written as the plain alternation of its kinds."""
    table = date_forms.shapes_by_first(anchor)
    plain = "".join(c for c in table if len(c) == 1 and table[c])
    led = [key for key, forms in table.items() if len(key) == 2 and forms and not table[key[0]]]
    runs = [(n, after) for f in FORMS if anchor in f.anchors for n, after in f.runs]
    branches = [f"[{re.escape(plain)}]"] if plain else []
    if led:
        firsts = re.escape("".join({k[0] for k in led}))
        branches.append(f"[{firsts}](?=[{re.escape(''.join({k[1] for k in led}))}])")
    if runs:
        after = re.escape("".join({c for _, cs in runs for c in cs}))
        branches.append(rf"(?<![\d.])\d{{1,{max(n for n, _ in runs)}}}(?=[{after}])")
    return re.compile("|".join(branches) or "(?!)")


_START_CHARS = sorted(
    {c for a in date_forms._ANCHORS for key in date_forms.shapes_by_first(a) for c in key}
    | set("0123456789.。，、“”\u3000中的")
    | set(date_forms._ANCHORS)
)


@pytest.mark.parametrize("anchor", sorted(date_forms._ANCHORS))
def test_the_fast_scan_positions_open_with_one_class(anchor):
    # the standard engine skips the characters outside a pattern's opening class in C
    pattern = date_forms.shape_start_at(anchor).pattern
    assert pattern.startswith("["), pattern
    assert not pattern.startswith("[^"), pattern


@settings(max_examples=400, deadline=None)
@given(
    text=st.text(alphabet=_START_CHARS, max_size=24),
    anchor=st.sampled_from(sorted(date_forms._ANCHORS)),
    lo=st.integers(0, 24),
)
@example(text="以“8+3”产业,3.86亿元", anchor="-", lo=0)
@example(text="12345年,三季度", anchor="季", lo=0)
def test_the_fast_scan_positions_are_those_of_the_plain_alternation(text, anchor, lo):
    # one class first, the kinds told apart after it: the same positions as the alternation
    fast, plain = date_forms.shape_start_at(anchor), _plain_alternation(anchor)
    for end in (lo + 2, lo + 13, len(text)):
        found, expected = fast.search(text, lo, end), plain.search(text, lo, end)
        assert (found and found.span()) == (expected and expected.span())
