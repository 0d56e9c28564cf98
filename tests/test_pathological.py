"""Pathological and hostile input: every fuzz finding, and each input class at ~200 KB.

Each case runs in a child process (this file, run as a script) with a generous
time budget, so that a hang or a runaway regex fails one test instead of
stalling the suite; nothing here asserts a wall-clock limit. The child checks
the DESIGN.md invariants (lossless, block text equals the input at its spans)
and reports back as JSON. The page shapes that were quadratic (``SHAPES``)
are checked for linear cost by counting the function calls per character at
two sizes (deterministic, whatever the load of the machine); time itself is
measured by ``benchmarks/bench_scaling.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import newsparse
from newsparse.errors import InputTooLargeError, NewsparseError, NumberError
from newsparse.page import MAX_CHARS

if TYPE_CHECKING:
    from collections.abc import Callable

SIZE = 200_000  # bytes of UTF-8 per pathological page
BUDGET = 60  # seconds a child may take (30 times what it needs) before it counts as a hang
ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def _fill(unit: str, size: int = SIZE) -> str:
    """``unit`` repeated to about ``size`` bytes of UTF-8."""
    per = max(1, len(unit.encode("utf-8", "surrogatepass")))
    return unit * max(1, size // per)


def _pages() -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    if not texts:
        from newsparse.sample import sample_text

        texts = [sample_text()]
    return _fill("\n\n\n".join(texts) + "\n\n\n")


# Input classes of the issue: name -> builder of one page of about SIZE bytes.
PAGES: dict[str, Callable[[], str]] = {
    "pages": _pages,
    "one_long_line": lambda: "".join(_pages().split()),
    "blank_lines": lambda: "标题\n" + "\n" * SIZE + "正文。",
    "digits": lambda: _fill("0123456789"),
    "dashes": lambda: _fill("——"),
    "unmatched_quotes": lambda: _fill("“"),
    "numerals_and_units": lambda: _fill("3.86亿元6万吨十余公里16.8%"),
    "numeral_run": lambda: _fill("一万"),
    "chinese_digit_run": lambda: _fill("一二三四五六七八九〇"),
    "caption_credit_lines": lambda: _fill("某公司车间一角。本报记者 钱九 摄\n"),
    "credit_lines": lambda: _fill("本报记者 赵六 摄\n\n\n"),
    "ordinal_list": lambda: "第" + _fill("一、"),
    "counts": lambda: _fill("3个"),
    "control_chars": lambda: _fill("标题\x00\x01\x07\x1b[0m\x7f\x0b\x0c\x1c\x85正文。\u2028"),
    "lone_surrogates": lambda: _fill("标题\ud800正文\udfff。\udc80\n"),
    "replacement_chars": lambda: _fill("\ufffd"),
    "mixed_scripts": lambda: _fill("Москва 北京 Tōkyō 서울 القاهرة 😀👍🏽 𠀀𪚥 ①②③ Ⅻ\n"),
    "traditional": lambda: _fill(
        "本報訊 記者張三報道 錦州市經濟發展，兩萬餘人參加。\n\n本報記者 趙六 攝\n"
    ),
    "html_remnants": lambda: _fill(
        '<div class="t"><h1>标题</h1><p>本报讯&nbsp;今年&amp;去年</p></div>\n'
    ),
    "long_latin_token": lambda: _fill("a"),
    "long_han_token": lambda: _fill("正"),
}

# Fuzz findings (and their neighbours), each once through parse_number,
# extract_quantities, extract_dates and, inside a sentence, parse_page.
FINDINGS: dict[str, str] = {
    # ZeroDivisionError: 0 to a negative power
    "zero_negative_power": "0^-1",
    "zero_negative_power_wan": "0.0^-2亿",
    # minutes of big-int arithmetic: huge exponents (atheris timeout: 1e-566225)
    "negative_exponent": "1e-566225",
    "positive_exponent": "1e999999",
    "power": "9^9999999",
    # ValueError from int(): more than 4300 digits
    "long_integer": "1" * 5000,
    "long_decimal_after_dian": "三点" + "1" * 5000,
    "long_percent_decimal": "百分之三点" + "1" * 5000,
    "long_numerator": "1" * 5000 + "/3",
    "long_denominator": "1/" + "3" * 5000,
    "long_mixed_fraction": "1 " + "1" * 5000 + "/3",
    # quadratic big-int growth
    "wan_chain": "一" + "万" * 20000,
    "chinese_decimal_chain": "三点" + "一" * 50000,
    "digit_by_digit_chain": "一二三四五六七八九〇" * 5000,
}


# Page shapes that were quadratic (issue 10) and their neighbours: name -> builder of
# a page of about ``n`` characters. Their cost per character is counted, not timed.
def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def _numbered(template: str, n: int) -> str:
    out: list[str] = []
    size = k = 0
    while size < n:
        out.append(template.format(k=k))
        size += len(out[-1])
        k += 1
    return "".join(out)[:n]


# A caption line stands after a photo gap (three blank lines, more than the page's
# usual one); its credit or sub-line follows after one blank line.
SHAPES: dict[str, Callable[[int], str]] = {
    # (a) a photo-news page: unpunctuated captions with commas, each followed by its credit
    "captions_and_credits": lambda n: _repeat(
        "游客在湖边赏花，拍照留念\n\n本报记者 赵六 摄\n\n\n\n", n
    ),
    # (a) the same with sub-lines between the captions
    "captions_and_sub_lines": lambda n: _repeat(
        "游客在湖边赏花，拍照留念\n\n——记者手记\n\n\n\n", n
    ),
    # (a) numbered captions, glued caption credits and bare credits, under one headline
    "caption_credit_runs": lambda n: (
        "标题\n\n"
        + _numbered(
            "车间一角{k}，工人忙碌\n\n车间一角。本报记者 钱九 摄\n\n本报记者 赵六 摄\n\n\n\n", n
        )
    ),
    # (a) weak headlines before bylines that each open an article
    "weak_heads_and_bylines": lambda n: _repeat(
        "天更蓝，水更清\n\n本报记者 张三\n\n正文，正文。\n\n", n
    ),
    # jump lines glued to the paragraphs they cut, at their ends and starts
    "glued_jumps": lambda n: _repeat(
        "全市营造科技创新的氛围，成效明显。（下转第3版）\n（上接第2版）各地一起推进。\n\n", n
    ),
    # one long line of opened jump lines that never close
    "open_jumps_on_one_line": lambda n: _repeat("（下转第三（上接第", n - 2) + "版）",
    # (b) thousands of paragraphs sharing the same 12-character ending
    "shared_endings": lambda n: _numbered("第{k}段，各地一起推进科技创新工作。\n\n", n),
    # (b) paragraphs that repeat the tails of earlier ones, all with one ending
    "shared_ending_tails": lambda n: _numbered(
        "本段第{k}次说明：全市上下一起推进科技创新工作。\n\n全市上下一起推进科技创新工作。\n\n", n
    ),
}
SMALL, LARGE = 10_000, 250_000  # characters; a quadratic shape costs 25 times more per character
MAX_RATIO = 2.0


def _operations(text: str) -> int:
    """Function calls (Python and built-in) made by ``parse_page(text)``: a count, not a time."""
    count = 0

    def profile(_frame: object, _event: str, _arg: object) -> None:
        nonlocal count
        count += 1

    sys.setprofile(profile)
    try:
        newsparse.parse_page(text, max_chars=None)
    finally:
        sys.setprofile(None)
    return count


def _check_shape(name: str) -> dict[str, object]:
    small, large = (SHAPES[name](n) for n in (SMALL, LARGE))
    per_char = [_operations(t) / len(t) for t in (small, large)]
    return {"per_char": per_char, "ratio": max(per_char) / min(per_char)}


def _check_page(text: str) -> dict[str, object]:
    """parse_page and the two invariants on spans; the numbers the parent asserts on."""
    page = newsparse.parse_page(text, max_chars=None)
    n = len(text)
    cover = bytearray(n)
    for block in page.blocks:
        pieces = []
        for span in block.spans:
            assert 0 <= span.start <= span.end <= n, (block.kind, span)
            for k in range(span.start, span.end):
                cover[k] = min(cover[k] + 1, 2)
            pieces.append(text[span.start : span.end])
        joined = "".join(ch for ch in "".join(pieces) if not newsparse.text.is_blank(ch))
        own = "".join(ch for ch in block.text if not newsparse.text.is_blank(ch))
        assert own == joined, f"block text differs from its spans: {block.kind} {own[:40]!r}"
    for k, ch in enumerate(text):
        if cover[k] != 1 and not newsparse.text.is_blank(ch):
            msg = f"character {k} ({ch!r}) covered {cover[k]} times"
            raise AssertionError(msg)
    blocks = set(map(id, page.blocks))
    assert all(id(b) in blocks for b in page.unclassified)
    return {"blocks": len(page.blocks), "unclassified": len(page.unclassified)}


def _check_finding(text: str) -> dict[str, object]:
    try:
        value = newsparse.parse_number(text)
    except NumberError:
        outcome = "NumberError"
    else:
        outcome = type(value).__name__
    spans = [(q.start, q.end) for q in newsparse.extract_quantities(text)]
    assert all(0 <= a < b <= len(text) for a, b in spans)
    newsparse.extract_dates(text)
    page = _check_page("投资" + text + "元。")
    return {"parse_number": outcome, "quantities": len(spans), **page}


def _child(group: str, name: str) -> None:
    """Run one case and print its report as JSON (the child side)."""
    try:
        if group == "shape":
            report = _check_shape(name)
        elif group == "page":
            report = _check_page(PAGES[name]())
        else:
            report = _check_finding(FINDINGS[name])
        report["ok"] = True
    except BaseException as err:  # noqa: BLE001 - the parent reports any failure
        report = {"ok": False, "error": f"{type(err).__name__}: {str(err)[:500]}"}
    print(json.dumps(report))  # noqa: T201 - the child's report to the parent


def _run(group: str, name: str) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    try:
        done = subprocess.run(
            [sys.executable, __file__, group, name],
            capture_output=True,
            text=True,
            timeout=BUDGET,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name}: no result after {BUDGET} s (a hang or super-linear time)")
    lines = done.stdout.strip().splitlines()
    assert done.returncode == 0, done.stderr[-2000:]
    assert lines, done.stderr[-2000:]
    report: dict[str, object] = json.loads(lines[-1])
    return report


@pytest.mark.parametrize("name", sorted(PAGES))
def test_pathological_page(name: str) -> None:
    report = _run("page", name)
    assert report["ok"], report.get("error")


@pytest.mark.skipif(
    os.environ.get("NEWSPARSE_EXPECT_COMPILED") == "1",
    reason="counts Python-level calls, which compiled code does not make (the same source "
    "is checked in the pure-Python run)",
)
@pytest.mark.parametrize("name", sorted(SHAPES))
def test_linear_page_shape(name: str) -> None:
    # operations per character at 10K and 250K characters: within 2x (a quadratic
    # shape gives about 25x); counted, so the load of the machine does not matter
    report = _run("shape", name)
    assert report["ok"], report.get("error")
    assert isinstance(report["ratio"], float)
    assert report["ratio"] <= MAX_RATIO, report["per_char"]


@pytest.mark.parametrize("name", sorted(FINDINGS))
def test_fuzz_finding(name: str) -> None:
    report = _run("finding", name)
    assert report["ok"], report.get("error")
    assert report["parse_number"] in {"NumberError", "Decimal", "Fraction"}


@pytest.mark.parametrize(
    "text", ["\ufffd" * 50, "\x00\x01\x02\x03", "<<>>", "\ud800\udfff", "①②③ Ⅻ ℃ 1"]
)
def test_what_no_rule_claims_is_unclassified(text: str) -> None:
    page = newsparse.parse_page(text)
    assert page.articles == ()
    assert page.unclassified
    found = "".join(s.slice(text) for b in page.unclassified for s in b.spans)
    assert [ch for ch in found if not newsparse.text.is_blank(ch)] == [
        ch for ch in text if not newsparse.text.is_blank(ch)
    ]


def test_input_size_limit() -> None:
    text = "正文。" * 10
    with pytest.raises(InputTooLargeError) as info:
        newsparse.parse_page(text, max_chars=29)
    err = info.value
    assert (err.size, err.limit) == (30, 29)
    assert isinstance(err, NewsparseError)
    assert isinstance(err, ValueError)
    assert "30 characters" in str(err)
    assert "29 characters" in str(err)
    assert newsparse.parse_page(text, max_chars=30).text == text  # the limit is inclusive
    assert newsparse.parse_page(text, max_chars=None).text == text  # None lifts it


def test_input_size_limit_default() -> None:
    assert MAX_CHARS >= 1_000_000  # a page is 5,000-30,000 characters
    with pytest.raises(InputTooLargeError):
        newsparse.parse_page(" " * (MAX_CHARS + 1))


def test_input_size_limit_checked_before_work() -> None:
    # a multi-megabyte input past a small limit fails at once, even a hostile one
    with pytest.raises(InputTooLargeError):
        newsparse.parse_page("某公司车间一角。本报记者 钱九 摄\n" * 200_000, max_chars=1000)


if __name__ == "__main__":
    _child(sys.argv[1], sys.argv[2])
