"""Encoding detection on real files: Big5, UTF-16 without BOM, GB18030, BOMs, --encoding."""

from __future__ import annotations

import codecs
import json
import subprocess
import sys
from typing import TYPE_CHECKING

import hypothesis.strategies as st
import pytest
from hypothesis import given, settings

from newsparse import DecodeError, parse_file
from newsparse.io import decode

if TYPE_CHECKING:
    from pathlib import Path

# Our own sentences: a Taiwanese-style page in traditional script, a mainland one in simplified.
TRADITIONAL = (
    "臺北市推動綠色交通\n\n"
    "本報訊 記者陳建宏報導 臺北市政府昨天宣布，明年將投入三億元擴建自行車道，"
    "預計五年內完成一百公里路網。市民普遍表示歡迎。\n"
)
SIMPLIFIED = (
    "新区产业园开工建设\n\n"
    "本报讯 记者李明报道 近日，新区产业园正式开工，总投资3.86亿元，"
    "预计带动就业1500人。园区负责人表示，将加快项目落地。\n"
)


def test_big5_file_is_read_as_big5(tmp_path: Path) -> None:
    path = tmp_path / "big5.txt"
    path.write_bytes(TRADITIONAL.encode("big5"))
    page = parse_file(path)
    assert page.text == TRADITIONAL
    assert page.source is not None
    assert page.source.encoding == "big5"
    assert page.articles[0].headline is not None
    assert page.articles[0].headline.text == "臺北市推動綠色交通"
    # No private-use characters, which is what GB18030 mojibake of Big5 gives.
    assert not any("\ue000" <= ch <= "\uf8ff" for ch in page.text)


def test_gb18030_is_still_preferred(tmp_path: Path) -> None:
    path = tmp_path / "gb.txt"
    path.write_bytes(SIMPLIFIED.encode("gb18030"))
    page = parse_file(path)
    assert page.text == SIMPLIFIED
    assert page.source is not None
    assert page.source.encoding == "gb18030"


def test_traditional_text_in_gbk_stays_gb18030() -> None:
    found = decode(TRADITIONAL.encode("gb18030"))
    assert (found.text, found.encoding) == (TRADITIONAL, "gb18030")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes(SIMPLIFIED.encode(codec))
    page = parse_file(path)
    assert page.text == SIMPLIFIED
    assert page.source is not None
    assert page.source.encoding == codec


@pytest.mark.parametrize(
    ("bom", "codec", "reported"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    ],
)
def test_byte_order_marks(bom: bytes, codec: str, reported: str) -> None:
    found = decode(bom + SIMPLIFIED.encode(codec))
    assert (found.text, found.encoding) == (SIMPLIFIED, reported)


def test_undecodable_keeps_file_and_offset() -> None:
    data = SIMPLIFIED.encode("gb18030")
    cut = len("新区产业园".encode("gb18030"))
    bad = data[:cut] + b"\xff\xff" + data[cut:]
    with pytest.raises(DecodeError) as info:
        decode(bad, name="bad.txt")
    assert info.value.path == "bad.txt"
    assert info.value.offset == cut


def _cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsparse", *args],
        input=stdin,
        capture_output=True,
        check=False,
        timeout=120,
    )


def test_encoding_option_forces_a_codec(tmp_path: Path) -> None:
    path = tmp_path / "big5.txt"
    path.write_bytes(TRADITIONAL.encode("big5"))
    done = _cli("parse", "--encoding", "gb18030", str(path))
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["source"]["encoding"] == "gb18030"
    assert data["text"] != TRADITIONAL  # forced: read as told, even if wrong
    done = _cli("parse", "--encoding", "big5", str(path))
    assert json.loads(done.stdout)["text"] == TRADITIONAL
    done = _cli("figures", "--encoding", "utf-8", str(path))
    assert done.returncode == 4
    assert b"is not valid utf-8" in done.stderr
    done = _cli("parse", "--encoding", "no-such-codec", str(path))
    assert done.returncode == 2
    assert b"unknown encoding" in done.stderr


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_raise_decode_error(data: bytes) -> None:
    failure: DecodeError | None = None
    try:
        found = decode(data, name="x.bin")
    except DecodeError as err:
        failure = err
    if failure is not None:
        assert failure.path == "x.bin"
        assert 0 <= failure.offset <= len(data)
    else:
        assert isinstance(found.text, str)
        assert codecs.lookup(found.encoding)


_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_PAGE_TEXT = st.text(
    alphabet=st.one_of(_HAN, st.sampled_from("，。、0123456789 \n")), min_size=1, max_size=200
)


@settings(max_examples=150, deadline=None)
@given(_PAGE_TEXT, st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
def test_unicode_text_reads_back(text: str, codec: str) -> None:
    assert decode(text.encode(codec)).text == text
