"""A self-contained HTML view of a parse: the source coloured by role, the articles beside it.

[`page_html()`][newsparse.show.page_html] returns one HTML document with inline CSS and JavaScript
only (no network, no external assets; a Content-Security-Policy forbids
any). The left pane is the source text with every block coloured by its
role (column, headline, byline, caption, summary, body, removed,
unclassified, markup), reflow joins marked ``⤷`` (hover a piece to light
up every piece of its paragraph), removed repeats struck through (hover to
light up the text they repeat), and quantities and dates highlighted with
their typed value on hover. The right pane lists the parsed articles; hover
a paragraph to find it in the source, click a headline to scroll there.
The legend counts the visible elements of each role and toggles them; the
search box keeps the articles that contain what is typed and marks its
matches in the source (``page.html#q=港口`` opens the page searched). Labels are in Chinese; each
figure shows its value
as printed and as normalized (``3.86亿元 · 386,000,000 CNY``).

The document's Content-Security-Policy allows no network access and runs
only the page's own script, named by its SHA-256 hash (``script-src
'sha256-...'``): an injected inline script would not run. Reading it needs
a font with Chinese characters (Noto Sans CJK, WenQuanYi Zen Hei, ...).
[`site_files()`][newsparse.show.site_files] writes many pages as a small site with an index page.

>>> from newsparse.model import Block, BlockKind, Page, Span
>>> page = Page(text="标题", blocks=(Block(BlockKind.HEADLINE, "标题", (Span(0, 2),)),))
>>> html = page_html(page, title="a <page>")
>>> html.startswith("<!DOCTYPE html>"), "a &lt;page&gt;" in html, "http" in html.split("<body")[1]
(True, True, False)
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import itertools
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import PurePath
from typing import TYPE_CHECKING

from newsparse.model import BlockKind
from newsparse.render import si_text

if TYPE_CHECKING:
    from newsparse.model import Article, Block, Credit, DateMention, Page, Quantity, Removed, Span

__all__ = [
    "CREDIT_ROLE_LABELS",
    "ROLES",
    "ROLE_LABELS",
    "normalized_value",
    "page_html",
    "role_of",
    "site_files",
]

ROLES = (
    "column",
    "headline",
    "byline",
    "caption",
    "summary",
    "body",
    "removed",
    "unclassified",
    "markup",
)
"""The roles a block is coloured by, in legend order."""

ROLE_LABELS = {
    "column": "栏目",
    "headline": "标题",
    "byline": "署名",
    "caption": "图片说明",
    "summary": "核心提示",
    "body": "正文",
    "removed": "重复（已删）",
    "unclassified": "未归类",
    "markup": "标记",
}
"""The Chinese label of each role, as the legend shows it."""

CREDIT_ROLE_LABELS = {
    "reporter": "记者",
    "correspondent": "通讯员",
    "photographer": "摄影",
    "editor": "编辑",
}
"""The Chinese label of each credit role."""

_DIMENSION_LABELS = {
    "money": "金额",
    "mass": "质量",
    "length": "长度",
    "area": "面积",
    "volume": "体积",
    "power": "功率",
    "energy": "能量",
    "voltage": "电压",
    "containers": "集装箱",
    "temperature": "温度",
    "percent": "百分比",
    "percentage_point": "百分点",
    "fraction": "分数",
    "multiple": "倍数",
    "duration": "时长",
    "count": "数量",
    "number": "数",
}
_PRECISION_LABELS = {
    "day": "日",
    "ten_days": "旬",
    "month": "月",
    "season": "季节",
    "quarter": "季度",
    "half_year": "半年",
    "year": "年",
    "range": "时段",
    "vague": "模糊",
}
_REASON_LABELS = {"duplicate": "重复段落", "tail_repeat": "重复的段尾"}

_ROLE_OF_KIND = {
    BlockKind.COLUMN: "column",
    BlockKind.KICKER: "headline",
    BlockKind.HEADLINE: "headline",
    BlockKind.SUBHEADLINE: "headline",
    BlockKind.DATELINE: "byline",
    BlockKind.BYLINE: "byline",
    BlockKind.CREDIT: "byline",
    BlockKind.PAGE_CREDIT: "byline",
    BlockKind.SUMMARY_LABEL: "summary",
    BlockKind.SUMMARY: "summary",
    BlockKind.SUBHEAD: "body",
    BlockKind.PARAGRAPH: "body",
    BlockKind.CAPTION: "caption",
    BlockKind.MARKUP: "markup",
    BlockKind.DOUBLED: "removed",
    BlockKind.REMOVED: "removed",
    BlockKind.UNCLASSIFIED: "unclassified",
}


def role_of(kind: BlockKind) -> str:
    """Return the colour role of a block kind (one of [`ROLES`][newsparse.show.ROLES]).

    >>> role_of(BlockKind.SUBHEADLINE), role_of(BlockKind.DATELINE), role_of(BlockKind.DOUBLED)
    ('headline', 'byline', 'removed')
    """
    return _ROLE_OF_KIND.get(kind, "unclassified")


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _grouped(value: Decimal | Fraction | None) -> str:
    if value is None:
        return "?"
    if isinstance(value, Fraction):
        if value.denominator != 1:
            return f"{value.numerator}/{value.denominator}"
        value = Decimal(value.numerator)
    return format(value, ",f")


def normalized_value(q: Quantity) -> str:
    """The value of a figure as normalized: digits grouped by thousands, then the unit.

    >>> from newsparse.quantities import extract_quantities
    >>> normalized_value(extract_quantities("3.86亿元")[0])
    '386,000,000 CNY'
    >>> normalized_value(extract_quantities("5至10公里")[0])
    '5~10 km'
    """
    ranged = q.value is None
    number = f"{_grouped(q.low)}~{_grouped(q.high)}" if ranged else _grouped(q.value)
    approx = {"over": "（以上）", "under": "（不足）", "about": "（约）", "vague": "（约数）"}
    tail = "" if q.approx is None else approx.get(q.approx.value, "")
    return f"{number} {q.unit}".strip() + tail


# ---------------------------------------------------------------- tooltips


def _quantity_tip(q: Quantity) -> str:
    parts = [f"{q.text} · {normalized_value(q)}"]
    dimension = getattr(q, "dimension", None)
    if dimension is not None:
        code = str(getattr(dimension, "value", dimension))
        parts.append(f"量纲：{_DIMENSION_LABELS.get(code, code)}")
    si = si_text(q)
    if si:
        parts.append(f"国际单位：{si}")
    parts.append(f"位置 {q.span.start}-{q.span.end}")
    return "\n".join(parts)


def _date_text(d: DateMention) -> str:
    value = getattr(d, "value", None)
    first = getattr(d, "first", None)
    last = getattr(d, "last", None)
    if first is not None and last is not None and first != last:
        out = f"{first.isoformat()} … {last.isoformat()}"
    elif value is not None:
        out = str(value.isoformat())
    elif first is not None or last is not None:
        a = "?" if first is None else first.isoformat()
        b = "?" if last is None else last.isoformat()
        out = f"{a} … {b}"
    else:
        out = "未解析"
    precision = getattr(d, "precision", None)
    if precision is not None:
        code = str(getattr(precision, "value", precision))
        out += f"（{_PRECISION_LABELS.get(code, code)}）"
    if getattr(d, "relative", False):
        out += "，相对于报纸日期"
    return out


def _date_tip(d: DateMention) -> str:
    return f"{d.text} = {_date_text(d)}\n位置 {d.span.start}-{d.span.end}"


def _removed_tip(r: Removed) -> str:
    where = ", ".join(f"{s.start}-{s.end}" for s in r.repeats)
    reason = _REASON_LABELS.get(r.reason.value, r.reason.value)
    return f"已删除（{reason}）：重复位置 {where}"


# ---------------------------------------------------------------- source pane


class _Item:
    """Something drawn over a span of the source: a block piece, a figure, a date, ..."""

    __slots__ = ("attrs", "cat", "end", "start")

    def __init__(self, cat: str, start: int, end: int, attrs: str) -> None:
        self.cat = cat
        self.start = start
        self.end = end
        self.attrs = attrs


_JOIN_MARK = '<span class="joinmark" title="段落拼接：接续上一段">⤷</span>'
_NEST = ("orig", "q", "d")
"""Inline marks, outermost first, drawn inside block pieces."""


def _items(page: Page) -> list[_Item]:
    items: list[_Item] = []
    removed_by_spans = {r.spans: (i, r) for i, r in enumerate(page.removed)}
    for b, block in enumerate(page.blocks):
        role = role_of(block.kind)
        extra = ""
        found = removed_by_spans.get(block.spans)
        if found is not None:
            ri, r = found
            extra = f' data-r="{ri}" title="{_e(_removed_tip(r))}"'
        elif block.kind is BlockKind.DOUBLED:
            extra = ' title="断开处两侧重复印出的字：只保留一次"'
        for p, span in enumerate(block.spans):
            join = " join" if p else ""
            attrs = (
                f'class="blk role-{role} kind-{block.kind.value}{join}" data-b="{b}" '
                f'data-s="{span.start}"{extra}'
            )
            items.append(_Item("blk", span.start, span.end, attrs))
    items.extend(
        _Item("orig", span.start, span.end, f'class="orig" data-o="{ri}"')
        for ri, r in enumerate(page.removed)
        for span in r.repeats
    )
    for qi, q in enumerate(page.quantities):
        tip = _e(_quantity_tip(q))
        items.append(
            _Item("q", q.span.start, q.span.end, f'class="q" data-q="{qi}" data-tip="{tip}"')
        )
    for di, d in enumerate(page.dates):
        tip = _e(_date_tip(d))
        items.append(
            _Item("d", d.span.start, d.span.end, f'class="d" data-d="{di}" data-tip="{tip}"')
        )
    n = len(page.text)
    return [it for it in items if 0 <= it.start < it.end <= n]


def _source_html(page: Page) -> str:
    """Render the source text, cut at every item boundary, each piece wrapped in its items."""
    text = page.text
    items = _items(page)
    bounds = sorted({0, len(text), *(it.start for it in items), *(it.end for it in items)})
    starts: dict[int, list[_Item]] = {}
    for it in items:
        starts.setdefault(it.start, []).append(it)
    active: list[_Item] = []
    out: list[str] = []
    open_blk: _Item | None = None  # one element per block piece, whatever marks cut it
    for a, b in itertools.pairwise(bounds):
        active = [it for it in active if it.end > a] + starts.get(a, [])
        piece = text[a:b]
        blk = next((it for it in active if it.cat == "blk"), None)
        inner = _e(piece)
        for cat in reversed(_NEST):
            for it in active:
                if it.cat == cat:
                    inner = f"<mark {it.attrs}>{inner}</mark>"
        if blk is not open_blk:
            if open_blk is not None:
                out.append("</span>")
            if blk is not None:
                out.append(f"<span {blk.attrs}>")
                if " join" in blk.attrs:
                    out.append(_JOIN_MARK)
            open_blk = blk
        if blk is None and piece.strip():
            out.append(f'<span class="uncovered" title="没有任何块覆盖这段文字">{inner}</span>')
        else:
            out.append(inner)
    if open_blk is not None:
        out.append("</span>")
    return "".join(out)


# ---------------------------------------------------------------- article pane


def _credits_html(people: tuple[Credit, ...]) -> str:
    return "; ".join(
        f'<span class="credit">{_e(c.title + " ") if c.title else ""}<b>{_e(c.name)}</b>'
        f" <small>{_e(CREDIT_ROLE_LABELS.get(c.role.value, c.role.value))}</small></span>"
        for c in people
    )


def _block_ref(index: dict[tuple[Span, ...], int], block: Block) -> str:
    b = index.get(block.spans)
    return "" if b is None else f' data-b="{b}"'


def _heading_html(article: Article, index: dict[tuple[Span, ...], int]) -> list[str]:
    out: list[str] = []
    if article.column is not None:
        pinyin = f" {article.column.pinyin}" if article.column.pinyin else ""
        out.append(f'<div class="p-column">{_e(article.column.name + pinyin)}</div>')
    if article.kicker is not None:
        out.append(
            f'<div class="p-kicker"{_block_ref(index, article.kicker)}>'
            f"{_e(article.kicker.text)}</div>"
        )
    headline = "（无标题）" if article.headline is None else article.headline.text
    ref = "" if article.headline is None else _block_ref(index, article.headline)
    out.append(f'<h2 class="p-headline"{ref} tabindex="0">{_e(headline)}</h2>')
    if article.subheadline is not None:
        out.append(
            f'<div class="p-sub"{_block_ref(index, article.subheadline)}>——'
            f"{_e(article.subheadline.text)}</div>"
        )
    meta = []
    if article.dateline is not None:
        meta.append(f'<b class="p-dateline">{_e(article.dateline.text)}</b>')
    if article.credits:
        meta.append(_credits_html(article.credits))
    if meta:
        out.append(f'<div class="p-meta">{" · ".join(meta)}</div>')
    return out


def _figures_html(article: Article) -> list[str]:
    out: list[str] = []
    if article.quantities:
        si = [si_text(q) for q in article.quantities]
        si_head = "<th>国际单位</th>" if any(si) else ""
        out.append(f'<table class="p-figs"><tr><th>原文</th><th>规范值</th>{si_head}</tr>')
        for q, si_q in zip(article.quantities, si, strict=True):
            si_cell = f"<td>{_e(si_q)}</td>" if si_head else ""
            out.append(f"<tr><td>{_e(q.text)}</td><td>{_e(normalized_value(q))}</td>{si_cell}</tr>")
        out.append("</table>")
    if article.dates:
        out.append('<ul class="p-dates">')
        out += [f"<li>{_e(d.text)} = {_e(_date_text(d))}</li>" for d in article.dates]
        out.append("</ul>")
    return out


def _article_html(article: Article, a: int, index: dict[tuple[Span, ...], int]) -> str:
    out = [f'<section class="art" data-a="{a}" data-start="{article.span.start}">']
    out += _heading_html(article, index)
    if article.summary:
        out.append('<div class="p-summary"><b>核心提示</b>')
        out += [f"<p{_block_ref(index, s)}>{_e(s.text)}</p>" for s in article.summary]
        out.append("</div>")
    for block in article.body:
        tag = "h3" if block.kind is BlockKind.SUBHEAD else "p"
        joined = (
            f' <small class="joined">⤷ 由 {len(block.spans)} 段拼接</small>'
            if len(block.spans) > 1
            else ""
        )
        out.append(f"<{tag}{_block_ref(index, block)}>{_e(block.text)}{joined}</{tag}>")
    for caption in article.captions:
        names = f" — {_credits_html(caption.credits)}" if caption.credits else ""
        out.append(f'<div class="p-caption">图：{_e(caption.text)}{names}</div>')
    out += _figures_html(article)
    out.append("</section>")
    return "\n".join(out)


_CSS = """
*{box-sizing:border-box}
body{margin:0;font:15px/1.7 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC",
"Microsoft YaHei","WenQuanYi Zen Hei",sans-serif;color:#222;background:#fafafa}
header{position:sticky;top:0;z-index:5;background:#fff;border-bottom:1px solid #ddd;
padding:6px 12px}
header h1{font-size:16px;margin:0 0 4px}
.stats{color:#555;font-size:13px}
.legend{display:flex;flex-wrap:wrap;gap:6px;margin-top:4px}
.legend label{font-size:12px;padding:1px 6px;border-radius:3px;cursor:pointer;user-select:none}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:0}
#source{white-space:pre-wrap;word-break:break-all;padding:12px 16px;margin:0;
font:inherit;border-right:1px solid #ddd;background:#fff}
#articles{padding:8px 16px;max-height:calc(100vh - 80px);overflow:auto;position:sticky;top:80px}
.blk{border-radius:2px;padding:0 1px}
.role-column{background:#e9d8fd;color:#44337a}
.role-headline{background:#fed7d7;color:#822727;font-weight:bold}
.role-byline{background:#c6f6d5;color:#22543d}
.role-caption{background:#feebc8;color:#7b341e;font-style:italic}
.role-summary{background:#bee3f8;color:#2a4365}
.role-body{background:#f4f4f0}
.role-removed{background:#e2e2e2;color:#777;text-decoration:line-through}
.role-unclassified{background:#fefcbf;outline:1px dashed #c53030}
.role-markup{color:#999}
.kind-summary_label,.kind-subhead,.kind-kicker,.kind-subheadline{text-decoration:underline}
.uncovered{background:#c53030;color:#fff}
.joinmark,.joinkey{color:#2b6cb0;font-weight:bold;text-decoration:none;padding-right:2px}
mark{background:none;color:inherit}
mark.q{border-bottom:2px solid #dd6b20;background:#fffaf0;cursor:help}
mark.d{border-bottom:2px solid #3182ce;background:#ebf8ff;cursor:help}
mark.orig{outline:1px dotted #718096}
.hl{box-shadow:0 0 0 2px #2b6cb0;background:#bee3f8 !important}
.hidden-role{background:none !important;color:inherit;font-weight:inherit;font-style:inherit;
text-decoration:none;outline:none}
#tip{position:fixed;display:none;z-index:10;background:#1a202c;color:#fff;font-size:12px;
padding:4px 8px;border-radius:4px;white-space:pre;pointer-events:none}
.art{border-bottom:1px solid #ddd;padding:6px 0}
.art h2{font-size:16px;margin:4px 0;cursor:pointer;color:#822727}
.art h3{font-size:14px;margin:4px 0}
.art p{margin:4px 0;font-size:14px}
.p-column{display:inline-block;background:#e9d8fd;color:#44337a;font-size:12px;padding:0 6px}
.p-kicker,.p-sub{font-size:13px;color:#555}
.p-meta{font-size:13px;color:#22543d}
.p-summary{background:#ebf8ff;padding:2px 6px;font-size:13px}
.p-caption{font-size:13px;font-style:italic;color:#7b341e}
.p-figs{font-size:12px;border-collapse:collapse;margin:4px 0}
.p-figs td,.p-figs th{border:1px solid #ddd;padding:0 4px}
.p-dates{font-size:12px;margin:2px 0}
.joined{color:#2b6cb0}
#search{font:inherit;font-size:13px;padding:1px 6px;margin-left:8px;width:14em}
#found{font-size:12px;color:#555;margin-left:6px}
.nomatch{display:none}
.found{box-shadow:0 0 0 2px #d69e2e}
"""

_JS = """
(function () {
  var roles = document.body.getAttribute("data-roles").split(" ");
  function visible(el) {
    if (!el.getClientRects().length) { return false; }
    var s = getComputedStyle(el);
    return s.visibility !== "hidden" && s.display !== "none";
  }
  function count() {
    var seen = [];
    roles.forEach(function (role) {
      var n = 0;
      document.querySelectorAll("#source .role-" + role).forEach(function (el) {
        if (visible(el) && !el.classList.contains("hidden-role")) { n += 1; }
      });
      var out = document.querySelector('.cnt[data-role="' + role + '"]');
      if (out) { out.textContent = String(n); }
      seen.push(role + ":" + n);
    });
    document.body.setAttribute("data-visible", seen.join(" "));
  }
  document.querySelectorAll(".legend input").forEach(function (box) {
    box.addEventListener("change", function () {
      var role = box.getAttribute("data-role");
      document.querySelectorAll("#source .role-" + role).forEach(function (el) {
        el.classList.toggle("hidden-role", !box.checked);
      });
      count();
    });
  });
  function light(selector, on) {
    document.querySelectorAll(selector).forEach(function (el) {
      el.classList.toggle("hl", on);
    });
  }
  function hover(el, on) {
    var b = el.getAttribute("data-b");
    if (b !== null) { light('#source [data-b="' + b + '"]', on); }
    var r = el.getAttribute("data-r");
    if (r !== null) { light('#source [data-o="' + r + '"]', on); }
  }
  document.querySelectorAll("[data-b]").forEach(function (el) {
    el.addEventListener("mouseenter", function () { hover(el, true); });
    el.addEventListener("mouseleave", function () { hover(el, false); });
  });
  var tip = document.getElementById("tip");
  document.querySelectorAll("mark[data-tip]").forEach(function (el) {
    el.addEventListener("mouseenter", function (ev) {
      tip.textContent = el.getAttribute("data-tip");
      tip.style.display = "block";
      tip.style.left = (ev.clientX + 12) + "px";
      tip.style.top = (ev.clientY + 12) + "px";
    });
    el.addEventListener("mouseleave", function () { tip.style.display = "none"; });
  });
  document.querySelectorAll(".art h2").forEach(function (h) {
    function go() {
      var start = Number(h.closest(".art").getAttribute("data-start"));
      var best = null;
      document.querySelectorAll("#source .blk").forEach(function (el) {
        var s = Number(el.getAttribute("data-s"));
        if (s >= start && (best === null || s < Number(best.getAttribute("data-s")))) {
          best = el;
        }
      });
      if (best) {
        best.scrollIntoView({block: "center"});
        best.classList.add("hl");
        setTimeout(function () { best.classList.remove("hl"); }, 1200);
      }
    }
    h.addEventListener("click", go);
    h.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { go(); } });
  });
  var search = document.getElementById("search");
  function find() {
    var q = search.value.trim();
    var shown = 0;
    document.querySelectorAll("#articles .art").forEach(function (art) {
      var hit = q === "" || art.textContent.indexOf(q) >= 0;
      art.classList.toggle("nomatch", !hit);
      if (hit) { shown += 1; }
    });
    var marks = 0;
    document.querySelectorAll("#source .blk").forEach(function (el) {
      var hit = q !== "" && el.textContent.indexOf(q) >= 0;
      el.classList.toggle("found", hit);
      if (hit) { marks += 1; }
    });
    document.getElementById("found").textContent = q === "" ? "" : shown + " 篇 · " + marks + " 处";
    document.body.setAttribute("data-found", shown + " " + marks);
  }
  search.addEventListener("input", find);
  var asked = /[#&]q=([^&]*)/.exec(location.hash);
  if (asked) { search.value = decodeURIComponent(asked[1]); find(); }
  document.body.setAttribute("data-ready", "1");
  count();
})();
"""


@functools.cache
def _csp() -> str:
    """The policy: no network, inline styles, and only the script whose hash it names."""
    digest = base64.b64encode(hashlib.sha256(_JS.encode()).digest()).decode()
    return f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'"


def _block_index(page: Page) -> dict[tuple[Span, ...], int]:
    index: dict[tuple[Span, ...], int] = {}
    for b, block in enumerate(page.blocks):
        index.setdefault(block.spans, b)
    return index


def _legend_html(page: Page) -> str:
    role_counts = dict.fromkeys(ROLES, 0)
    for block in page.blocks:
        role_counts[role_of(block.kind)] += 1
    legend = "".join(
        f'<label class="role-{role}"><input type="checkbox" checked data-role="{role}"> '
        f'{ROLE_LABELS[role]} <span class="cnt" data-role="{role}">{role_counts[role]}</span>'
        "</label>"
        for role in ROLES
    )
    return legend + (
        '<label><mark class="q">数字</mark> 数字</label>'
        '<label><mark class="d">日期</mark> 日期</label>'
        '<label><span class="joinkey">⤷</span> 段落拼接</label>'
    )


def _stats_html(page: Page) -> str:
    date = ""
    if page.date is not None:
        date = f" · 报纸日期 {_e(page.date.isoformat())}"
        date += "（推断）" if page.date_inferred else ""
    source = page.source
    where = ""
    if source is not None:
        bits = [f"编码 {source.encoding}" if source.encoding else ""]
        bits.append(f"PDF 第{source.pdf_page}页" if source.pdf_page else "")
        bits.append(source.edition or "")
        where = "".join(f" · {_e(b)}" for b in bits if b)
    return (
        f"{len(page.articles)} 篇文章 · {len(page.blocks)} 块 · "
        f"{len(page.quantities)} 个数字 · {len(page.dates)} 个日期 · "
        f"删除 {len(page.removed)} · 未归类 {len(page.unclassified)}{date}{where}"
    )


def page_html(page: Page, *, title: str = "newsparse") -> str:
    """Render the parse of ``page`` as one self-contained HTML document.

    ``title`` (typically the file name) heads the page. Every text from the
    page is HTML-escaped; the document loads nothing from anywhere.

    >>> from newsparse.model import Page
    >>> doc = page_html(Page(text="<script>alert(1)</script>"))
    >>> "<script>alert" in doc, "&lt;script&gt;alert(1)" in doc
    (False, True)
    """
    index = _block_index(page)
    legend = _legend_html(page)
    stats = _stats_html(page)
    search = (
        '<input id="search" type="search" placeholder="搜索文章" aria-label="搜索">'
        '<span id="found"></span>'
    )
    articles = "\n".join(_article_html(a, i, index) for i, a in enumerate(page.articles))
    if page.credits:
        articles += f'\n<section class="art"><b>本版</b> {_credits_html(page.credits)}</section>'
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_csp()}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)} · newsparse</title>\n<style>{_CSS}</style>\n</head>\n"
        f'<body data-roles="{" ".join(ROLES)}">\n'
        f'<header><h1>{_e(title)}{search}</h1><div class="stats">{stats}</div>'
        f'<div class="legend">{legend}</div></header>\n'
        f'<main><pre id="source">{_source_html(page)}</pre>\n'
        f'<aside id="articles">{articles}</aside></main>\n'
        f'<div id="tip"></div>\n<script>{_JS}</script>\n</body>\n</html>\n'
    )


# ---------------------------------------------------------------- site

_UNSAFE_NAME = re.compile(r"[^\w.-]+")


def _page_name(path: str, page: Page, taken: set[str]) -> str:
    stem = _UNSAFE_NAME.sub("_", PurePath(path).stem if path != "-" else "stdin") or "page"
    if page.source is not None and page.source.pdf_page is not None:
        stem += f"-p{page.source.pdf_page}"
    name, n = f"{stem}.html", 1
    while name in taken or name == "index.html":
        n += 1
        name = f"{stem}-{n}.html"
    taken.add(name)
    return name


def site_files(pages: list[tuple[str, Page]]) -> list[tuple[str, str]]:
    """A small site of parsed pages: ``index.html`` first, then one HTML file per page.

    ``pages`` pairs each page with the path it was read from; the index
    lists every page with its 版, counts and headlines, linked to its file.

    >>> from newsparse.model import Page
    >>> [name for name, _ in site_files([("a/第1版.txt", Page(text="")), ("b.txt", Page(text=""))])]
    ['index.html', '第1版.html', 'b.html']
    """
    taken: set[str] = set()
    files: list[tuple[str, str]] = []
    rows: list[str] = []
    for path, page in pages:
        name = _page_name(path, page, taken)
        label = PurePath(path).name
        if page.source is not None and page.source.pdf_page is not None:
            label += f" 第{page.source.pdf_page}页"
        files.append((name, page_html(page, title=label)))
        edition = "" if page.source is None or page.source.edition is None else page.source.edition
        heads = "；".join(a.headline.text for a in page.articles if a.headline is not None)
        rows.append(
            f'<tr><td><a href="{_e(name)}">{_e(label)}</a></td><td>{_e(edition)}</td>'
            f"<td>{len(page.articles)}</td><td>{len(page.quantities)}</td>"
            f"<td>{_e(heads)}</td></tr>"
        )
    index = (
        "<!DOCTYPE html>\n"
        '<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">\n"
        "<title>newsparse · 目录</title>\n<style>"
        'body{font:15px/1.6 "Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;margin:16px}'
        "td,th{border-bottom:1px solid #ddd;padding:2px 8px;text-align:left}</style>\n"
        f"</head>\n<body>\n<h1>目录 · {len(files)} 版</h1>\n<table>\n"
        "<tr><th>文件</th><th>版次</th><th>文章</th><th>数字</th><th>标题</th></tr>\n"
        + "\n".join(rows)
        + "\n</table>\n</body>\n</html>\n"
    )
    return [("index.html", index), *files]
