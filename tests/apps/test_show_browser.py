"""``newsparse show`` in a real headless browser: every role present and visible, a screenshot.

Needs Debian's ``chromium`` and a font with Chinese characters
(``.ci/run`` installs ``chromium`` and ``fonts-wqy-zenhei``). Without them
the tests skip, except under CI (``CI`` set), where a missing browser or
font is a failure.
The screenshot is saved as ``artifacts/show.png`` (gitignored).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsparse import cli
from newsparse.model import (
    Article,
    Block,
    BlockKind,
    Caption,
    Column,
    Credit,
    CreditRole,
    Page,
    RemovalReason,
    Removed,
    Span,
)
from newsparse.page import parse_page
from newsparse.sample import sample_text
from newsparse.show import ROLES, page_html, role_of

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed, and CI is set: .ci/run must install it")
        pytest.skip(
            "chromium is not installed (apt-get install chromium); set CI to make this fail"
        )
    return found


def _cjk_font() -> None:
    """Make sure a font with Chinese characters is installed (fontconfig's ``:lang=zh``)."""
    fc_list = shutil.which("fc-list")
    found = ""
    if fc_list is not None:
        found = subprocess.run(
            [fc_list, ":lang=zh", "family"], capture_output=True, text=True, check=False
        ).stdout.strip()
    if not found:
        if os.environ.get("CI"):
            pytest.fail("no CJK font, and CI is set: .ci/run must install fonts-wqy-zenhei")
        pytest.skip("no CJK font (apt-get install fonts-wqy-zenhei); set CI to make this fail")


def _browser(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    _cjk_font()
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    cmd = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=90, check=True)


class _Dom(HTMLParser):
    """The attributes of every element of a dumped DOM, and the body's."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.body: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.elements.append((tag, values))
        if tag == "body":
            self.body = values

    def having(self, cls: str) -> list[dict[str, str]]:
        return [a for _, a in self.elements if cls in a.get("class", "").split()]


def _dump(tmp_path: Path, doc: str) -> _Dom:
    page = tmp_path / "page.html"
    page.write_text(doc, encoding="utf-8")
    proc = _browser(tmp_path, "--dump-dom", page.as_uri())
    dom = _Dom()
    dom.feed(proc.stdout)
    return dom


def _visible(dom: _Dom) -> dict[str, int]:
    """``role -> visible elements``, as counted by the page's script after layout."""
    assert "data-visible" in dom.body, "the page script did not run"
    pairs = (item.split(":") for item in dom.body["data-visible"].split())
    return {role: int(n) for role, n in pairs}


def _pieces(page: Page) -> dict[str, int]:
    counts = dict.fromkeys(ROLES, 0)
    for block in page.blocks:
        counts[role_of(block.kind)] += len(block.spans)
    return counts


def _every_role_page() -> Page:
    """A small page whose blocks take every role, built by hand from the model."""
    parts = [
        ("column", "要闻 YAOWEN"),
        ("headline", "港口吞吐量创新高"),
        ("dateline", "本报讯"),
        ("paragraph", "今年以来，港口"),
        ("caption", "码头一角。"),
        ("paragraph", "持续增长。"),
        ("summary", "核心提示：一季度增长。"),
        ("byline", "本报记者 程朗"),
        ("removed", "持续增长。"),
        ("unclassified", "■■"),
    ]
    text = ""
    spans: dict[str, list[Span]] = {}
    for kind, piece in parts:
        start = len(text)
        text += piece + "\n\n"
        spans.setdefault(kind, []).append(Span(start, start + len(piece)))

    def block(kind: BlockKind, key: str, i: int = 0) -> Block:
        span = spans[key][i]
        return Block(kind, span.slice(text), (span,))

    paragraph = Block(
        BlockKind.PARAGRAPH,
        "今年以来，港口持续增长。",
        (spans["paragraph"][0], spans["paragraph"][1]),  # a reflow join
    )
    removed = Removed(
        "持续增长。", (spans["removed"][0],), RemovalReason.DUPLICATE, (spans["paragraph"][1],)
    )
    column = Column("要闻", "YAOWEN", spans["column"][0])
    byline_span = spans["byline"][0]
    credit = Credit(
        "程朗", CreditRole.REPORTER, "本报记者", Span(byline_span.end - 2, byline_span.end)
    )
    caption = Caption("码头一角。", (), (spans["caption"][0],))
    blocks = (
        block(BlockKind.COLUMN, "column"),
        block(BlockKind.HEADLINE, "headline"),
        block(BlockKind.DATELINE, "dateline"),
        paragraph,
        block(BlockKind.CAPTION, "caption"),
        block(BlockKind.SUMMARY, "summary"),
        block(BlockKind.BYLINE, "byline"),
        block(BlockKind.REMOVED, "removed"),
        block(BlockKind.UNCLASSIFIED, "unclassified"),
    )
    blocks = tuple(sorted(blocks, key=lambda b: b.spans[0].start))
    article = Article(
        span=Span(0, byline_span.end),
        column=column,
        headline=block(BlockKind.HEADLINE, "headline"),
        dateline=block(BlockKind.DATELINE, "dateline"),
        credits=(credit,),
        summary=(block(BlockKind.SUMMARY, "summary"),),
        body=(paragraph,),
        captions=(caption,),
    )
    return Page(
        text=text,
        articles=(article,),
        removed=(removed,),
        unclassified=(block(BlockKind.UNCLASSIFIED, "unclassified"),),
        blocks=blocks,
    )


def test_every_role_is_present_and_visible(tmp_path: Path) -> None:
    page = _every_role_page()
    dom = _dump(tmp_path, page_html(page, title="every role"))
    visible = _visible(dom)
    expected = _pieces(page)
    for role in ("column", "headline", "byline", "caption", "summary", "body", "removed"):
        assert visible[role] == expected[role] > 0, role
    assert visible["unclassified"] == expected["unclassified"] == 1
    # the reflow join is marked, and the removed repeat points at what it repeats
    assert len(dom.having("joinmark")) == 1
    (struck,) = [a for a in dom.having("role-removed") if "data-b" in a]
    assert "重复位置" in struck["title"]
    assert len(dom.having("orig")) == 1
    # the side panel lists the article
    assert len(dom.having("art")) == 1


def test_the_sample_page_in_a_browser_with_a_screenshot(tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    source = tmp_path / "sample.txt"
    source.write_text(sample_text(), encoding="utf-8")
    html_file = ARTIFACTS / "show.html"
    assert cli.main(["show", str(source), "-o", str(html_file)]) == 0
    page = parse_page(sample_text())

    dom = _dump(tmp_path, html_file.read_text(encoding="utf-8"))
    visible = _visible(dom)
    expected = _pieces(page)
    assert visible == expected
    for role in ("column", "headline", "byline", "caption", "summary", "body", "removed"):
        assert visible[role] > 0, f"the sample page shows no {role}"
    joins = sum(len(b.spans) - 1 for b in page.blocks)
    assert len(dom.having("joinmark")) == joins
    figures = {a["data-q"] for a in dom.having("q") if "data-q" in a}
    dates = {a["data-d"] for a in dom.having("d") if "data-d" in a}
    assert len(figures) == len(page.quantities)
    assert len(dates) == len(page.dates)
    assert all(a["data-tip"] for a in dom.having("q") + dom.having("d") if "data-tip" in a)
    assert len(dom.having("art")) == len(page.articles) + (1 if page.credits else 0)
    assert not dom.having("uncovered"), "some non-blank text is in no block"

    shot = ARTIFACTS / "show.png"
    shot.unlink(missing_ok=True)
    _browser(tmp_path, f"--screenshot={shot}", "--window-size=1400,1000", html_file.as_uri())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 10_000


def _two_article_page() -> Page:
    return parse_page(
        "港口吞吐量创新高\n\n本报讯 记者程朗报道 今年上半年，港口完成吞吐量6万吨。\n\n"
        "老城区完成管网改造\n\n本报讯 记者王海报道 今年以来，老城区改造管网25.6公里。\n"
    )


def test_the_search_box_filters_articles_and_marks_the_source(tmp_path: Path) -> None:
    page = _two_article_page()
    assert len(page.articles) == 2
    doc = page_html(page, title="search")
    html_file = tmp_path / "page.html"
    html_file.write_text(doc, encoding="utf-8")
    dom = _Dom()
    dom.feed(_browser(tmp_path, "--dump-dom", html_file.as_uri() + "#q=管网").stdout)
    assert dom.body.get("data-ready") == "1"
    arts = dom.having("art")
    hidden = dom.having("nomatch")
    assert len(arts) == 2
    assert len(hidden) == 1  # the port article has no 管网
    assert dom.body["data-found"].split()[0] == "1"
    assert int(dom.body["data-found"].split()[1]) >= 2  # headline and paragraph in the source
    assert dom.having("found")
    # without a query nothing is hidden
    dom = _dump(tmp_path, doc)
    assert not dom.having("nomatch")
    assert 'id="search"' in doc
    assert "搜索" in doc


def test_the_csp_blocks_an_injected_inline_script(tmp_path: Path) -> None:
    doc = page_html(_two_article_page(), title="csp")
    assert "'unsafe-inline'" not in doc.split("script-src", 1)[1].split('"', 1)[0]
    injected = doc.replace(
        "<main>",
        '<script>document.body.setAttribute("data-injected", "1")</script>'
        "<img src=\"x.png\" onerror=\"document.body.setAttribute('data-onerror', '1')\">"
        "<main>",
        1,
    )
    dom = _dump(tmp_path, injected)
    assert dom.body.get("data-ready") == "1", "the page's own script (named by its hash) must run"
    assert "data-injected" not in dom.body
    assert "data-onerror" not in dom.body
    # the same injection runs under a policy that allows inline script: the test can fail
    lax = injected.replace("script-src 'sha256-", "script-src 'unsafe-inline' 'sha256-none-")
    dom = _dump(tmp_path, lax)
    assert dom.body.get("data-injected") == "1"


def test_a_site_of_pages_in_a_browser(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text(sample_text(), encoding="utf-8")
    (folder / "b.txt").write_bytes(sample_text().encode("gb18030"))
    site = tmp_path / "site"
    assert cli.main(["show", str(folder), "-o", f"{site}/"]) == 0
    assert sorted(p.name for p in site.iterdir()) == ["a.html", "b.html", "index.html"]
    dom = _dump(tmp_path, (site / "index.html").read_text(encoding="utf-8"))
    links = [a["href"] for tag, a in dom.elements if tag == "a"]
    assert links == ["a.html", "b.html"]
    page = _dump(tmp_path, (site / "b.html").read_text(encoding="utf-8"))
    assert page.body.get("data-ready") == "1"
