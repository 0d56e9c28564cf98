r"""Reading pages from bytes, files and stdin: encoding detection and decoding.

Pages come as UTF-8 (with or without a byte order mark), UTF-16 or UTF-32
(with a byte order mark, or UTF-16 without one), GB18030 (which includes
GBK and GB2312) or Big5. Without an explicit encoding the bytes are read
as follows, and [`decode()`][newsparse.decode] says which encoding it chose:

1. a byte order mark decides: UTF-8, UTF-32-LE/BE, UTF-16-LE/BE;
2. bytes with NUL bytes are UTF-16 without a byte order mark when one byte
   order gives readable text (NUL bytes in the odd places are the high
   halves of ASCII characters in little endian, in the even places in big
   endian); otherwise they are refused: no page of text holds a NUL;
3. bytes that are strict UTF-8 are UTF-8. Chinese text in GB18030 or Big5
   almost never forms valid UTF-8 sequences for more than a character or
   two, so a page that decodes as UTF-8 is UTF-8;
4. bytes that are *mostly* UTF-8 (many valid multi-byte sequences, few bad
   bytes) are a damaged UTF-8 file: they raise [DecodeError][newsparse.DecodeError]
   rather than being read as GB18030, which would turn them into nonsense;
5. bytes that are strict GB18030 and *plausible* as GB18030 are GB18030:
   no private-use characters, and nearly every Chinese character among the
   6,763 of GB2312 (Big5 bytes read as GB18030 give kana, rare characters
   and private-use code points instead);
6. otherwise ``charset-normalizer`` arbitrates between GB18030, Big5
   (CP950) and UTF-16; its choice must still decode strictly;
7. anything else raises [DecodeError][newsparse.DecodeError] with the
   offset of the first bad byte under the more plausible encoding.

Line ends are kept as they are (``\r\n`` stays ``\r\n``), and a leading
byte order mark is not part of the text: offsets into the decoded string
start at its first real character.

>>> decode_bytes("本报讯".encode("gb18030"))
'本报讯'
>>> decode("臺北訊 記者報導".encode("big5")).encoding
'big5'
"""

from __future__ import annotations

import codecs
import re
import sys
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from attrs import evolve, frozen

from newsparse.errors import DecodeError, NewsparseError
from newsparse.model import Source

if TYPE_CHECKING:
    import datetime as dt

    from newsparse.model import Page

__all__ = ["STDIN", "Decoded", "decode", "decode_bytes", "is_pdf", "parse_file", "read_pages"]

STDIN = "-"
"""The path that names standard input (``newsparse parse -``)."""

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # (UTF-32-LE's mark starts with UTF-16-LE's: test it first)
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)
"""(mark, codec for the rest, name reported)."""

_UTF8_MIN_CHARS = 8
"""Valid non-ASCII UTF-8 characters needed before bad bytes count as damage."""

_UTF8_RATIO = 4
"""Valid non-ASCII UTF-8 characters needed per bad sequence to call it damage."""

_GB2312_SHARE = 0.9
"""Share of the non-ASCII characters of a GB18030 reading that must be in GB2312."""

_READABLE_SHARE = 0.9
"""Share of readable characters a UTF-16 reading without byte order mark needs."""

_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_READABLE = re.compile(
    "[\t\n\r\x20-\x7e\u00a0-\u024f\u2000-\u206f\u2460-\u27bf"
    "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)
_ARBITER_CODECS = ("gb18030", "cp950", "big5", "utf_16_le", "utf_16_be")
_CODEC_NAMES = {"utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be", "cp950": "big5"}


@frozen
class Decoded:
    r"""Decoded text and the encoding it was read in (a Python codec name).

    >>> decode("标题\n".encode("utf-16-le"))
    Decoded(text='标题\n', encoding='utf-16-le')
    """

    text: str
    encoding: str


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
    valid = len(text) - len(text.encode("ascii", errors="ignore")) - bad
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


def _readable_share(text: str) -> float:
    if not text:
        return 1.0
    return len(_READABLE.findall(text)) / len(text)


def _plausible_gb18030(text: str) -> bool:
    """Whether a strict GB18030 reading looks like Chinese text written in GB18030.

    >>> _plausible_gb18030("今年产值达3.86亿元。")
    True
    >>> _plausible_gb18030("臺北訊".encode("big5").decode("gb18030"))
    False
    """
    if _PRIVATE_USE.search(text):
        return False
    wide = len(text) - len(text.encode("ascii", errors="ignore"))
    if not wide:
        return True
    outside = text.encode("gb2312", errors="replace").count(b"?") - text.count("?")
    return (wide - outside) >= _GB2312_SHARE * wide


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 without a byte order mark, told by where the NUL bytes fall."""
    if len(data) % 2:
        return None
    odd = data[1::2].count(0)
    even = data[0::2].count(0)
    codec = "utf-16-le" if odd >= even else "utf-16-be"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    if _readable_share(text) < _READABLE_SHARE:
        return None
    return Decoded(text, codec)


def _arbiter(data: bytes) -> Decoded | None:
    """charset-normalizer's best reading among the Chinese encodings, if it decodes strictly."""
    from charset_normalizer import from_bytes  # noqa: PLC0415 - costly import, needed rarely

    best = from_bytes(data, cp_isolation=list(_ARBITER_CODECS)).best()
    if best is None:
        return None
    codec = best.encoding
    choices = [codec]
    if codec.startswith("utf_16"):
        # A Chinese text in UTF-16 without any ASCII: the byte order that reads.
        choices += [c for c in ("utf_16_le", "utf_16_be") if c != codec]
    for choice in choices:
        try:
            text = data.decode(choice)
        except (UnicodeDecodeError, LookupError):
            continue
        if choice.startswith("utf_16") and _readable_share(text) < _READABLE_SHARE:
            continue
        return Decoded(text, _CODEC_NAMES.get(choice, choice))
    return None


def decode(data: bytes, *, name: str = "<bytes>", encoding: str | None = None) -> Decoded:
    r"""Decode the bytes of a page and say which encoding they were in (see the module).

    ``name`` is what a [DecodeError][newsparse.DecodeError] calls the input
    (a file name). ``encoding`` forces a codec (any name Python knows); a
    leading byte order mark is then dropped from the text as well. Bytes
    that do not decode raise [DecodeError][newsparse.DecodeError] carrying
    ``name`` and the offset of the first bad byte; an unknown encoding name
    raises ``LookupError``.

    >>> decode("增长16.8%".encode("gb18030"))
    Decoded(text='增长16.8%', encoding='gb18030')
    >>> decode(b"\xef\xbb\xbf" + "本报讯".encode())
    Decoded(text='本报讯', encoding='utf-8-sig')
    >>> decode("圖說".encode("big5"), encoding="big5")
    Decoded(text='圖說', encoding='big5')
    """
    if isinstance(data, str):
        raise TypeError("decode_bytes() needs bytes; got str (already decoded?)")
    data = bytes(data)
    if encoding is not None:
        return _forced(data, name, encoding)
    for bom, codec, reported in _BOMS:
        if data.startswith(bom):
            return Decoded(_strict(data, codec, name, skip=len(bom)), reported)
    nul = data.find(b"\x00")
    if nul >= 0:
        found = _utf16_without_bom(data)
        if found is None:
            raise DecodeError(name, nul)
        return found
    return _without_bom(data, name)


def _forced(data: bytes, name: str, encoding: str) -> Decoded:
    """``data`` in the codec the caller named; a leading byte order mark is dropped."""
    codec = codecs.lookup(encoding).name
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(name, exc.start, encoding=encoding) from exc
    return Decoded(text.removeprefix("\ufeff"), codec)


def _without_bom(data: bytes, name: str) -> Decoded:
    """Steps 3 to 7 of the module: UTF-8, damaged UTF-8, GB18030, the arbiter, the error."""
    utf8_error = _first_error(data, "utf-8")
    if utf8_error is None:
        return Decoded(data.decode("utf-8"), "utf-8")
    valid, bad = _utf8_profile(data)
    if valid >= _UTF8_MIN_CHARS and valid >= _UTF8_RATIO * bad:
        # A UTF-8 file with a few bad bytes: reading it as GB18030 would
        # "succeed" with garbage, so report the damage instead.
        raise DecodeError(name, utf8_error)
    gb_error = _first_error(data, "gb18030")
    if gb_error is None:
        text = data.decode("gb18030")
        if _plausible_gb18030(text):
            return Decoded(text, "gb18030")
    found = _arbiter(data)
    if found is not None:
        return found
    if gb_error is None:
        return Decoded(data.decode("gb18030"), "gb18030")
    if _bad_count(data, "gb18030") < bad:
        raise DecodeError(name, gb_error)
    raise DecodeError(name, utf8_error)


def decode_bytes(data: bytes, *, name: str = "<bytes>", encoding: str | None = None) -> str:
    r"""Decode the bytes of a page, detecting the encoding: [decode][newsparse.io.decode]'s text.

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
    return decode(data, name=name, encoding=encoding).text


def is_pdf(path: str | Path) -> bool:
    """Whether ``path`` names a PDF (by its suffix, any case).

    >>> is_pdf("版面/A03.PDF"), is_pdf("a.txt"), is_pdf("-")
    (True, False, False)
    """
    return (path if isinstance(path, PurePath) else Path(path)).suffix.lower() == ".pdf"


def _parse(text: str, date: dt.date | None, source: Source) -> Page:
    from newsparse.page import parse_page  # noqa: PLC0415 - page imports io's package

    page = parse_page(text) if date is None else parse_page(text, date=date)
    return evolve(page, source=source)


def parse_file(
    path: str | Path,
    encoding: str | None = None,
    *,
    date: dt.date | None = None,
) -> Page:
    r"""Read a page file, decode it (see [decode][newsparse.io.decode]) and parse it.

    The file is read as bytes, so line ends are kept as written; ``encoding``
    forces a codec instead of detection; ``date`` is the page date, passed on
    to [parse_page][newsparse.parse_page] for relative dates (``今年``, ``去年``).
    The page's ``source`` names the file and the encoding it was read in.
    A file that does not decode raises [DecodeError][newsparse.DecodeError]
    naming the file and the byte offset; a missing file raises
    ``FileNotFoundError``. A PDF holds several pages: read it with
    [parse_pdf][newsparse.parse_pdf] or [read_pages][newsparse.io.read_pages].

    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = pathlib.Path(tmp, "page.txt")
    ...     text = "标题\n\n本报讯 记者张三报道 今年产值达3.86亿元。"
    ...     _ = path.write_bytes(text.encode("gb18030"))
    ...     page = parse_file(path)
    >>> page.articles[0].headline.text, page.source.encoding
    ('标题', 'gb18030')
    """
    p = Path(path)
    if is_pdf(p):
        raise NewsparseError(f"{p} is a PDF, which holds several pages: use parse_pdf()")
    found = decode(p.read_bytes(), name=str(p), encoding=encoding)
    return _parse(found.text, date, Source(str(p), found.encoding))


def read_pages(
    path: str | Path,
    *,
    encoding: str | None = None,
    date: dt.date | None = None,
) -> list[Page]:
    r"""Parse what ``path`` names: a text page, every page of a PDF, or stdin (``"-"``).

    Standard input is read as bytes and decoded like a file (its ``source``
    path is ``"-"``). This is the reader behind every ``newsparse`` command.

    >>> import io, sys
    >>> sys.stdin = io.TextIOWrapper(io.BytesIO("标题\n\n正文。".encode("gb18030")))
    >>> [p.source.encoding for p in read_pages("-")]
    ['gb18030']
    >>> sys.stdin = sys.__stdin__
    """
    if str(path) == STDIN:
        stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else None
        data = stream.read() if stream is not None else sys.stdin.read().encode()
        found = decode(data, name="<stdin>", encoding=encoding)
        return [_parse(found.text, date, Source(STDIN, found.encoding))]
    if is_pdf(path):
        from newsparse.pdf import parse_pdf  # noqa: PLC0415 - optional extra, loaded when needed

        return parse_pdf(path, date=date)
    return [parse_file(path, encoding, date=date)]
