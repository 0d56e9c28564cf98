"""Table tests of the date forms: every row's examples, its starts, the derived patterns."""

from __future__ import annotations

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsparse.figures import date_forms
from newsparse.figures.date_forms import FORMS, date_matches, fold, parse

ROWS = [(form.name, text) for form in FORMS for text in form.examples]


def _split(example: str) -> tuple[str, int]:
    """The example's text and the length of its match (``|`` starts the context after it)."""
    match, _, after = example.partition("|")
    return match + after, len(match)


def test_names_are_unique_and_every_form_has_examples():
    names = [form.name for form in FORMS]
    assert len(names) == len(set(names))
    assert all(form.examples for form in FORMS)


@pytest.mark.parametrize(("name", "text"), ROWS)
def test_each_form_reads_its_examples_whole(name, text):
    text, length = _split(text)
    folded = fold(text)
    found = date_matches(folded)
    assert [m.span() for m, _ in found] == [(0, length)]
    # the form that wins is the row's own (no earlier row takes the text)
    assert found[0][1].name == name
    assert parse(found[0], folded) is not None


@pytest.mark.parametrize(("name", "text"), ROWS)
def test_the_first_anchor_of_each_example_is_one_of_the_rows_anchors(name, text):
    form = next(f for f in FORMS if f.name == name)
    text, _ = _split(text)
    first = next(c for c in fold(text) if c in date_forms._ANCHORS)
    assert first in form.anchors


@pytest.mark.parametrize(("name", "text"), ROWS)
def test_each_example_starts_with_one_of_the_rows_starts(name, text):
    form = next(f for f in FORMS if f.name == name)
    first = fold(text)[0]
    assert first in form.starts or ("0" in form.starts and regex.match(r"\d", first))


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.name)
def test_each_form_compiles_alone(form):
    pattern = regex.compile(form.expanded)
    assert f"K_{form.name}" in pattern.groupindex


def test_alternation_is_the_table_in_order():
    alternation = regex.compile(date_forms.ALTERNATION)
    names = [n for n in alternation.groupindex if n.startswith("K_")]
    assert names == [f"K_{form.name}" for form in FORMS]


def test_a_match_that_reads_as_nothing_is_dropped():
    # 13.5.2019 is no month: the iso row matches 2019.13.5 and drops it
    folded = fold("2019.13.5")
    (m,) = date_matches(folded)
    assert parse(m, folded) is None


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.name)
def test_a_form_that_starts_with_a_digit_says_how_its_run_of_digits_ends(form):
    # the scan tries such a form at a run of digits only where ``runs`` allows
    assert bool(form.runs) == ("0" in form.starts)
    assert all(1 <= n <= date_forms._MAX_RUN and after for n, after in form.runs)


@pytest.mark.parametrize(("name", "text"), ROWS)
def test_each_example_that_starts_with_a_digit_fits_the_rows_runs(name, text):
    form = next(f for f in FORMS if f.name == name)
    folded = fold(_split(text)[0])
    run = regex.compile(r"\d*+").match(folded).end()
    if run:
        assert any(n == run and folded[run] in after for n, after in form.runs)


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        ("2019年", ["yrange", "year"]),
        ("98年", ["year", "ndays"]),
        ("3%的年", []),
        ("3.5%", ["event"]),
        ("2019.5", ["iso", "ym"]),
    ],
)
def test_the_forms_tried_at_a_run_of_digits(text, forms):
    run = regex.compile(r"\d++").match(text).end()
    anchor = next(c for c in text if c in date_forms._ANCHORS)
    assert [f.name for _, f in date_forms.by_run(anchor, run, text[run])] == forms


LED = [form for form in FORMS if form.leads]
# the characters of every lead, the digits, and what stands around a match
_LEAD_ALPHABET = sorted(
    {c for form in LED for two in form.leads for c in two}
    | set("0123456789年月日号季度天周个半前后内以来初末底中旬节期“”,。 ")
)


@pytest.mark.parametrize(("name", "text"), [row for row in ROWS if "0" not in row[1][:1]])
def test_each_example_starts_with_a_lead_of_its_row(name, text):
    # the fast scan tries a form with leads only after one of them
    form = next(f for f in FORMS if f.name == name)
    if form.leads and not text[0].isdigit():
        assert text[:2] in form.leads


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=_LEAD_ALPHABET, max_size=24))
@example(text="二〇一九年七月")
@example(text="去年底,大后年,上一年")
@example(text="闰四月初三,十一月初五,大年三十,除夕")
@example(text="前两个季度,第4季度,首季度,一季度")
@example(text="二十天后,十五天内,两周前,十年前,3个月前")
def test_a_form_with_leads_matches_only_after_one_of_them(text):
    # where a form with leads matches at a character (not a digit: a run is
    # tried by its length), the match starts with one of its leads
    for form in LED:
        pattern = date_forms.compiled(form)
        for p, ch in enumerate(text):
            if not ch.isdigit() and pattern.match(text, p) is not None:
                assert text[p : p + 2] in form.leads, (form.name, text[p:])
