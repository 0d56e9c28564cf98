"""PLACEHOLDER: replaced by the dates work (issue 3). Contract only."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from attrs import frozen

from newsparse.model import Span

__all__ = ["DateMention", "DatePrecision", "extract_dates"]


class DatePrecision(enum.Enum):
    """Precision of a date mention."""

    DAY = "day"
    YEAR = "year"


@frozen
class DateMention:
    """A date found in text."""

    text: str
    span: Span
    value: dt.date | None
    first: dt.date | None
    last: dt.date | None
    precision: DatePrecision
    relative: bool

    def to_dict(self) -> dict[str, Any]:
        """Stand-off dict."""
        return {"text": self.text, "start": self.span.start, "end": self.span.end}


def extract_dates(text: str, reference: dt.date | None = None) -> list[DateMention]:
    """Placeholder."""
    del text, reference
    return []
