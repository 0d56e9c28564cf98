"""The HTML view without a browser: Chinese labels, normalized values, the CSP hash, the site."""

from __future__ import annotations

import base64
import hashlib
import re
from typing import TYPE_CHECKING

import newsparse
from newsparse.cli import main
from newsparse.show import CREDIT_ROLE_LABELS, ROLE_LABELS, page_html, site_files

if TYPE_CHECKING:
    from pathlib import Path

TEXT = "港口吞吐量创新高\n\n本报讯 记者程朗报道 今年上半年，港口完成投资3.86亿元。\n"


def test_labels_are_chinese_and_values_normalized() -> None:
    doc = page_html(newsparse.parse_page(TEXT), title="t")
    for label in ROLE_LABELS.values():
        assert label in doc
    assert CREDIT_ROLE_LABELS["reporter"] in doc
    assert "3.86亿元 · 386,000,000 CNY" in doc  # the tooltip: as printed · as normalized
    assert "<td>386,000,000 CNY</td>" in doc
    assert "篇文章" in doc
    assert "量纲：金额" in doc


def test_the_policy_names_the_hash_of_the_one_script() -> None:
    doc = page_html(newsparse.parse_page(TEXT), title="t")
    policy = re.search(r'Content-Security-Policy" content="([^"]+)"', doc)
    assert policy is not None
    scripts = re.findall(r"<script>(.*?)</script>", doc, flags=re.DOTALL)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy.group(1)
    assert "unsafe-inline" not in policy.group(1).split("script-src")[1]
    assert "default-src 'none'" in policy.group(1)


def test_site_names_are_unique_and_safe() -> None:
    page = newsparse.parse_page(TEXT)
    names = [
        n for n, _ in site_files([("a/x.txt", page), ("b/x.txt", page), ("../index.txt", page)])
    ]
    assert names == ["index.html", "x.html", "x-2.html", "index-2.html"]


def test_show_dir_writes_a_site(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "第1版.txt").write_text(TEXT, encoding="utf-8")
    (folder / "第2版.txt").write_text(newsparse.sample_text(), encoding="utf-8")
    site = tmp_path / "out" / "site"
    assert main(["show", str(folder), "-o", f"{site}/"]) == 0
    assert sorted(p.name for p in site.iterdir()) == ["index.html", "第1版.html", "第2版.html"]
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "港口吞吐量创新高" in index
    assert 'href="第2版.html"' in index
    assert main(["show", str(folder), "-o", str(tmp_path / "one.html")]) == 2
