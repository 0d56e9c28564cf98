"""PLACEHOLDER: replaced by the figures work (issue 3)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

__all__ = ["parse_number"]


def parse_number(s: str) -> Decimal | Fraction:
    """Placeholder."""
    return Decimal(s)
