"""Figures and dates: numerals, units, quantities and date mentions, typed and exact.

``numbers`` reads Chinese, Arabic and mixed numerals into ``Decimal`` or
``Fraction``; ``units`` maps printed unit words to the unit codes of
[`newsparse.model`][newsparse.model]; ``quantities`` finds figures in text; ``dates``
finds date mentions and resolves them against a reference date. The result
types (``Quantity``, ``Approx``, ``DateMention``, ``DatePrecision``,
``Dimension``, ``Unit``) live in [`newsparse.model`][newsparse.model].

This package's ``__init__`` imports nothing, so that importing one module
loads only what that module needs.
"""
