"""The layout engine: how a printed page is laid out, one module per phenomenon.

Each module is usable on its own: ``marks`` (bullets and markup before a
line), ``columns`` (栏目 markers), ``headlines`` (kicker / headline /
subheadline), ``bylines`` (datelines, bylines, credits), ``captions``
(captions and photo credits), ``reflow`` (paragraphs cut by the layout) and
``dedup`` (repeated blocks). [`newsparse.parse_page()`][newsparse.parse_page] composes them.

This package's ``__init__`` imports nothing, so that importing one module
(``from newsparse.layout.bylines import parse_byline``) loads only what that
module needs.
"""
