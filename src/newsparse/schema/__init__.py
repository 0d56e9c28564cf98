"""The JSON Schema of ``newsparse.Page.to_dict()``, shipped with the package.

The schema (JSON Schema draft 2020-12) describes one page; its ``$defs``
also describe a line of ``newsparse batch`` output (``batch_line``) and of
its errors file (``batch_error_line``). Validate with any JSON Schema
library, for example ``jsonschema``:

>>> schema = page_schema()
>>> schema["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> sorted(schema["required"])[:3]
['articles', 'blocks', 'credits']
>>> import jsonschema
>>> from newsparse.model import Page
>>> jsonschema.validate(Page(text="").to_dict(), schema)
"""

from __future__ import annotations

import copy
import functools
import json
from importlib import resources
from typing import Any

__all__ = ["batch_line_schema", "page_schema"]

_SCHEMA_FILE = "page.schema.json"
_WRAPPER_KEYS = frozenset({"$schema", "$id", "$defs"})


@functools.cache
def _load() -> dict[str, Any]:
    text = resources.files(__name__).joinpath(_SCHEMA_FILE).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def page_schema() -> dict[str, Any]:
    """Return the JSON Schema of ``Page.to_dict()``, as a fresh ``dict`` (safe to modify).

    >>> page_schema()["title"]
    'newsparse page'
    """
    return copy.deepcopy(_load())


def batch_line_schema() -> dict[str, Any]:
    """Return the JSON Schema of one ``newsparse batch`` output line: ``{"path", "page"}``.

    The page schema's ``$defs`` are kept so its references resolve.

    >>> import jsonschema
    >>> from newsparse.model import Page
    >>> line = {"path": "a.txt", "page": Page(text="").to_dict()}
    >>> jsonschema.validate(line, batch_line_schema())
    """
    page = page_schema()
    line: dict[str, Any] = {
        "$schema": page["$schema"],
        "$defs": {
            **page["$defs"],
            "page": {k: v for k, v in page.items() if k not in _WRAPPER_KEYS},
        },
        **page["$defs"]["batch_line"],
    }
    line["properties"] = {**line["properties"], "page": {"$ref": "#/$defs/page"}}
    rebased: dict[str, Any] = _rebase(line)
    return rebased


def _rebase(node: Any) -> Any:  # noqa: ANN401 - walks arbitrary JSON
    """Point the page's ``"#"`` self-references at ``#/$defs/page`` in a wrapping schema."""
    if isinstance(node, dict):
        return {
            k: ("#/$defs/page" if k == "$ref" and v == "#" else _rebase(v)) for k, v in node.items()
        }
    if isinstance(node, list):
        return [_rebase(v) for v in node]
    return node
