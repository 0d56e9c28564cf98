"""MkDocs hook: show the doctest examples of docstrings as console code blocks.

Docstrings carry runnable ``>>>`` examples without Markdown fences. Left as
they are, Markdown reads ``>>>`` as nested quotes and ``[[0, 3]]`` as a link
reference. This hook adds a Markdown preprocessor that wraps every run of
non-blank lines starting with ``>>>`` (outside existing fences) in a
```` ```pycon ```` fence, for the pages and for the docstrings that
mkdocstrings renders with the same Markdown extensions.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_PROMPT = re.compile(r"^(\s*)>>>(?: |$)")


class _DoctestBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        fence: str | None = None
        i = 0
        while i < len(lines):
            line = lines[i]
            opener = _FENCE.match(line)
            if opener:
                if fence is None:
                    fence = opener.group(1)
                elif line.strip().startswith(fence):
                    fence = None
                out.append(line)
                i += 1
                continue
            prompt = _PROMPT.match(line) if fence is None else None
            if prompt is None:
                out.append(line)
                i += 1
                continue
            indent = prompt.group(1)
            block: list[str] = []
            while i < len(lines) and lines[i].strip():
                block.append(lines[i].removeprefix(indent))
                i += 1
            out.extend(["", indent + "```pycon", *(indent + b for b in block), indent + "```", ""])
        return out


class DoctestBlocksExtension(Extension):
    """Register the preprocessor before the fenced-code preprocessors run."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API name
        """Add the preprocessor to ``md``."""
        md.preprocessors.register(_DoctestBlocks(md), "newsparse_doctest_blocks", 40)


def on_config(config: Any, **_: Any) -> Any:  # noqa: ANN401 - MkDocs passes its config object
    """Append the extension to the site's Markdown extensions."""
    config.markdown_extensions.append(DoctestBlocksExtension())
    return config
