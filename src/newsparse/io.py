"""PLACEHOLDER: replaced by the packaging work (issue 2)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsparse.model import Page

__all__ = ["decode_bytes", "parse_file"]


def decode_bytes(data: bytes, *, name: str = "<bytes>") -> str:
    """Placeholder."""
    del name
    return data.decode("utf-8-sig")


def parse_file(path: str | Path, encoding: str | None = None) -> Page:
    """Placeholder."""
    from newsparse.page import parse_page

    p = Path(path)
    raw = p.read_bytes()
    text = raw.decode(encoding) if encoding else decode_bytes(raw, name=str(p))
    return parse_page(text)
