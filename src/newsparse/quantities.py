"""PLACEHOLDER: replaced by the figures work (issue 3). Contract only."""

from __future__ import annotations

import enum
from decimal import Decimal
from fractions import Fraction
from typing import Any

from attrs import frozen

from newsparse.model import Span

__all__ = ["Approx", "Dimension", "Quantity", "extract_quantities"]


class Approx(enum.Enum):
    """Approximation of a figure."""

    OVER = "over"
    UNDER = "under"
    ABOUT = "about"
    VAGUE = "vague"


class Dimension(enum.Enum):
    """What a quantity measures."""

    MONEY = "money"
    COUNT = "count"


@frozen
class Quantity:
    """A typed figure found in text."""

    text: str
    span: Span
    value: Decimal | Fraction | None
    low: Decimal | Fraction | None
    high: Decimal | Fraction | None
    unit: str
    dimension: Dimension
    approx: Approx | None

    @property
    def start(self) -> int:
        """Offset of the first character."""
        return self.span.start

    @property
    def end(self) -> int:
        """Offset after the last character."""
        return self.span.end

    def to_dict(self) -> dict[str, Any]:
        """Stand-off dict."""
        return {"text": self.text, "start": self.start, "end": self.end}


def extract_quantities(text: str) -> list[Quantity]:
    """Placeholder."""
    del text
    return []
