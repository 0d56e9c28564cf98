r"""Reading pages from bytes and files: encoding detection and decoding.

Pages come as UTF-8 (with or without a byte order mark), UTF-16 with a byte
order mark (little or big endian) or GB18030 (which includes GBK and
GB2312). Without an explicit encoding the bytes are read as follows:

1. a byte order mark decides: UTF-8, UTF-16-LE or UTF-16-BE;
2. otherwise bytes that are strict UTF-8 are UTF-8. Chinese text in GB18030
   almost never forms valid UTF-8 sequences for more than a character or
   two, so a page that decodes as UTF-8 is UTF-8;
3. bytes that are *mostly* UTF-8 (many valid multi-byte sequences, few bad
   bytes) are a damaged UTF-8 file: they raise :class:`DecodeError` rather
   than being read as GB18030, which would turn them into nonsense;
4. otherwise bytes that are strict GB18030 are GB18030;
5. anything else raises :class:`DecodeError` with the offset of the first
   bad byte under the more plausible of the two encodings.

Without a byte order mark a NUL byte is refused too: no page of text holds
one, and NUL bytes are the mark of UTF-16 written without a BOM.

Line ends are kept as they are (``\r\n`` stays ``\r\n``), and a leading
byte order mark is not part of the text: offsets into the decoded string
start at its first real character.

>>> decode_bytes("本报讯".encode("gb18030"))
'本报讯'
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import TYPE_CHECKING

from newsparse.errors import DecodeError

if TYPE_CHECKING:
    import datetime as dt

    from newsparse.model import Page

__all__ = ["decode_bytes", "parse_file"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_UTF8_MIN_CHARS = 8
"""Valid non-ASCII UTF-8 characters needed before bad bytes count as damage."""

_UTF8_RATIO = 4
"""Valid non-ASCII UTF-8 characters needed per bad sequence to call it damage."""


def _strict(data: bytes, encoding: str, name: str, skip: int = 0) -> str:
    """Decode ``data[skip:]`` strictly; a failure names the byte in ``data``."""
    try:
        return data[skip:].decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(name, skip + exc.start) from exc


def _utf8_profile(data: bytes) -> tuple[int, int]:
    """Count valid non-ASCII characters and bad sequences of ``data`` read as UTF-8."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    valid = sum(1 for ch in text if ch > "\x7f") - bad
    return valid, bad


def _first_error(data: bytes, encoding: str) -> int | None:
    """Offset of the first byte ``encoding`` cannot decode, or None."""
    try:
        data.decode(encoding)
    except UnicodeDecodeError as exc:
        return exc.start
    return None


def _bad_count(data: bytes, encoding: str) -> int:
    """Count the undecodable sequences of ``data`` under ``encoding``."""
    text = data.decode(encoding, errors="replace")
    return text.count("\ufffd")


def decode_bytes(data: bytes, *, name: str = "<bytes>", encoding: str | None = None) -> str:
    r"""Decode the bytes of a page, detecting UTF-8, UTF-16 (with BOM) or GB18030.

    ``name`` is what a :class:`~newsparse.DecodeError` calls the input (a
    file name). ``encoding`` forces a codec (any name Python knows); a
    leading byte order mark is then dropped from the text as well. Bytes
    that do not decode raise :class:`~newsparse.DecodeError` carrying
    ``name`` and the offset of the first bad byte; an unknown encoding name
    raises :class:`LookupError`.

    >>> decode_bytes("锦州脚步".encode())
    '锦州脚步'
    >>> decode_bytes(b"\xef\xbb\xbf" + "本报讯".encode())
    '本报讯'
    >>> decode_bytes("核心提示\r\n".encode("utf-16"))
    '核心提示\r\n'
    >>> decode_bytes("增长16.8%".encode("gb18030"))
    '增长16.8%'
    >>> decode_bytes(b"ok\xff\xfe\xfd", name="page.txt")
    Traceback (most recent call last):
    ...
    newsparse.errors.DecodeError: cannot decode page.txt: byte offset 2 is not valid ...
    >>> decode_bytes("圖說".encode("big5"), encoding="big5")
    '圖說'
    """
    if isinstance(data, str):
        raise TypeError("decode_bytes() needs bytes; got str (already decoded?)")
    data = bytes(data)
    if encoding is not None:
        text = _strict(data, encoding, name)
        return text.removeprefix("\ufeff")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec, name, skip=len(bom))
    nul = data.find(b"\x00")
    if nul >= 0:
        raise DecodeError(name, nul)
    utf8_error = _first_error(data, "utf-8")
    if utf8_error is None:
        return data.decode("utf-8")
    valid, bad = _utf8_profile(data)
    if valid >= _UTF8_MIN_CHARS and valid >= _UTF8_RATIO * bad:
        # A UTF-8 file with a few bad bytes: reading it as GB18030 would
        # "succeed" with garbage, so report the damage instead.
        raise DecodeError(name, utf8_error)
    gb_error = _first_error(data, "gb18030")
    if gb_error is None:
        return data.decode("gb18030")
    if _bad_count(data, "gb18030") < bad:
        raise DecodeError(name, gb_error)
    raise DecodeError(name, utf8_error)


def parse_file(
    path: str | Path,
    encoding: str | None = None,
    *,
    date: dt.date | None = None,
) -> Page:
    r"""Read a page file, decode it (see :func:`decode_bytes`) and parse it.

    The file is read as bytes, so line ends are kept as written; ``encoding``
    forces a codec instead of detection; ``date`` is the page date, passed on
    to :func:`~newsparse.parse_page` for relative dates (``今年``, ``去年``).
    A file that does not decode raises :class:`~newsparse.DecodeError`
    naming the file and the byte offset; a missing file raises
    :class:`FileNotFoundError`.

    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = pathlib.Path(tmp, "page.txt")
    ...     text = "标题\n\n本报讯 记者张三报道 今年产值达3.86亿元。"
    ...     _ = path.write_bytes(text.encode("gb18030"))
    ...     page = parse_file(path)
    >>> page.articles[0].headline.text
    '标题'
    """
    from newsparse.page import parse_page  # noqa: PLC0415 - page imports io's package

    p = Path(path)
    text = decode_bytes(p.read_bytes(), name=str(p), encoding=encoding)
    if date is None:
        return parse_page(text)
    return parse_page(text, date=date)
