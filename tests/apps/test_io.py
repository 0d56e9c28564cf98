"""Decoding page bytes: BOMs, UTF-8 against GB18030, undecodable input, files."""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING

import attrs
import pytest

import newsparse
from newsparse import DecodeError, NewsparseError, decode_bytes, parse_file
from newsparse.sample import sample_text

if TYPE_CHECKING:
    from pathlib import Path

PAGE = "城市脚步 JIAOBU\n\n工业固投同比增长16.8%\n\n本报讯 记者张三报道 上半年完成投资3.86亿元。\n"


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("gb18030", b""),
        ("gbk", b""),
        ("gb2312", b""),
    ],
)
def test_each_encoding_round_trips(encoding: str, bom: bytes) -> None:
    assert decode_bytes(bom + PAGE.encode(encoding)) == PAGE


def test_utf16_with_native_bom() -> None:
    # Python's "utf-16" codec writes the machine's byte order with a BOM.
    assert decode_bytes(PAGE.encode("utf-16")) == PAGE


def test_bom_is_not_part_of_the_text() -> None:
    text = decode_bytes(codecs.BOM_UTF8 + "标题".encode())
    assert text == "标题"
    assert not text.startswith("\ufeff")


def test_whole_sample_page_in_gb18030() -> None:
    page = sample_text()
    assert decode_bytes(page.encode("gb18030")) == page


def test_gb18030_four_byte_characters() -> None:
    text = "𠀀字与€符号，增长5.31%"
    data = text.encode("gb18030")
    assert decode_bytes(data) == text


def test_strict_utf8_wins_over_gb18030() -> None:
    # These bytes are valid in both encodings; valid UTF-8 is decisive.
    data = "中文".encode()
    assert data.decode("gb18030") != "中文"
    assert decode_bytes(data) == "中文"


def test_crlf_is_preserved() -> None:
    text = "标题\r\n\r\n本报讯 今年以来,\r\n"
    for enc in ("utf-8", "gb18030"):
        assert decode_bytes(text.encode(enc)) == text
    assert decode_bytes(text.encode("utf-16")) == text


def test_empty_input() -> None:
    assert decode_bytes(b"") == ""


def test_undecodable_bytes_report_name_and_offset() -> None:
    data = b"abc\xff\xfe\xfd"
    with pytest.raises(DecodeError) as info:
        decode_bytes(data, name="page.txt")
    err = info.value
    assert err.offset == 3
    assert err.path == "page.txt"
    assert "page.txt" in str(err)
    assert "byte offset 3" in str(err)
    assert isinstance(err, NewsparseError)
    assert isinstance(err, ValueError)


def test_damaged_utf8_is_not_read_as_gb18030() -> None:
    good = "今年上半年，锦州市引进省外资金到位额129.43亿元。".encode()
    cut = len("今年上半年".encode())
    data = good[:cut] + b"\xff" + good[cut:]
    # GB18030 would accept something here, but the file is clearly UTF-8.
    with pytest.raises(DecodeError) as info:
        decode_bytes(data, name="damaged.txt")
    assert info.value.offset == cut


def test_damaged_gb18030_reports_gb18030_offset() -> None:
    good = sample_text().encode("gb18030")
    cut = len("\n\n加快建设".encode("gb18030"))
    data = good[:cut] + b"\xff" + good[cut:]
    with pytest.raises(DecodeError) as info:
        decode_bytes(data, name="gb.txt")
    assert info.value.offset == cut


def test_bad_bytes_after_utf8_bom() -> None:
    data = codecs.BOM_UTF8 + b"ab\xffcd"
    with pytest.raises(DecodeError) as info:
        decode_bytes(data)
    assert info.value.offset == 5


def test_odd_length_utf16() -> None:
    data = codecs.BOM_UTF16_LE + "标题".encode("utf-16-le") + b"\x00"
    with pytest.raises(DecodeError) as info:
        decode_bytes(data, name="odd.txt")
    assert info.value.offset == 6


def test_nul_bytes_that_are_not_utf16_are_refused() -> None:
    data = b"\x01\x02\x03\x00\xff\xfe\x00\x00\x9f\x9f" * 4
    with pytest.raises(DecodeError) as info:
        decode_bytes(data)
    assert info.value.offset == 3


def test_explicit_encoding_is_honoured() -> None:
    data = "圖說".encode("big5")
    assert decode_bytes(data, encoding="big5") == "圖說"
    # Without the hint the same bytes are read as something else or refused.
    assert decode_bytes("中文".encode("gb18030"), encoding="gb18030") == "中文"


def test_explicit_encoding_failure_has_offset() -> None:
    data = "标题".encode("gb18030")
    with pytest.raises(DecodeError) as info:
        decode_bytes(data, name="x.txt", encoding="utf-8")
    assert info.value.offset == 0
    assert "x.txt" in str(info.value)


def test_explicit_encoding_drops_bom() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + b"ok", encoding="utf-8") == "ok"


def test_unknown_encoding_name() -> None:
    with pytest.raises(LookupError):
        decode_bytes(b"ok", encoding="no-such-codec")


def test_str_is_refused() -> None:
    with pytest.raises(TypeError):
        decode_bytes("已经是文本")  # type: ignore[arg-type]


def test_bytearray_is_accepted() -> None:
    assert decode_bytes(bytearray("版".encode())) == "版"  # type: ignore[arg-type]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030"])
def test_parse_file_detects_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"page-{encoding}.txt"
    path.write_bytes(PAGE.encode(encoding))
    page = parse_file(path)
    assert isinstance(page, newsparse.Page)
    assert page.text == PAGE


def test_parse_file_keeps_crlf(tmp_path: Path) -> None:
    text = PAGE.replace("\n", "\r\n")
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.encode("gb18030"))
    assert parse_file(str(path)).text == text


def test_parse_file_explicit_encoding(tmp_path: Path) -> None:
    path = tmp_path / "big5.txt"
    path.write_bytes("圖說 TUSHUO\n\n標題\n".encode("big5"))
    assert parse_file(path, encoding="big5").text == "圖說 TUSHUO\n\n標題\n"
    with pytest.raises(DecodeError) as info:
        parse_file(path, encoding="ascii")
    assert str(path) in str(info.value)
    assert info.value.offset == 0


def test_parse_file_undecodable_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(b"title\n\n\x80\x80\xff")
    with pytest.raises(DecodeError) as info:
        parse_file(path)
    assert info.value.path == str(path)
    assert str(path) in str(info.value)
    assert info.value.offset == 7


def test_parse_file_missing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        parse_file(tmp_path / "absent.txt")


def test_parse_file_matches_parse_page(tmp_path: Path) -> None:
    text = sample_text()
    path = tmp_path / "sample.txt"
    path.write_bytes(text.encode("utf-16"))
    page = parse_file(path)
    assert page.source is not None
    assert page.source.encoding == "utf-16-le"
    assert attrs.evolve(page, source=None) == newsparse.parse_page(text)
