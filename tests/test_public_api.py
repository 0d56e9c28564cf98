"""The public API: ``__all__`` matches what ``__init__`` defines, and each name is documented."""

from __future__ import annotations

import ast
import inspect
import subprocess
import sys
from pathlib import Path

import pytest

import newsparse

INIT = Path(newsparse.__file__)


def _imports_of_init() -> dict[str, str]:
    """Name -> module of the ``from newsparse... import`` statements of ``__init__.py``.

    They sit in its ``if TYPE_CHECKING:`` block (the names are loaded on first use).
    """
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("newsparse"):
            found.update({alias.asname or alias.name: str(node.module) for alias in node.names})
    return found


def _public_names_of_init() -> set[str]:
    """Names ``__init__.py`` imports or defines at its top level (no ``_`` prefix)."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    names = set(_imports_of_init())
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
    return {n for n in names if not n.startswith("_")}


def test_each_lazy_name_is_loaded_from_the_module_it_is_imported_from() -> None:
    assert _imports_of_init() == newsparse._HOMES


def test_importing_newsparse_loads_no_parser() -> None:
    code = (
        "import sys, newsparse; print(sorted(m for m in sys.modules if m.startswith('newsparse')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['newsparse']"


def test_from_import_and_dir_see_the_lazy_names() -> None:
    namespace: dict[str, object] = {}
    exec("from newsparse import extract_dates", namespace)
    assert callable(namespace["extract_dates"])
    assert set(newsparse.__all__) <= set(dir(newsparse))


def test_all_is_the_sorted_public_names() -> None:
    expected = sorted(_public_names_of_init() | {"__version__"})
    assert newsparse.__all__ == expected


def test_every_exported_name_exists() -> None:
    missing = [name for name in newsparse.__all__ if not hasattr(newsparse, name)]
    assert not missing


def test_no_duplicates_in_all() -> None:
    assert len(set(newsparse.__all__)) == len(newsparse.__all__)


def test_version_is_a_string() -> None:
    assert isinstance(newsparse.__version__, str)
    assert newsparse.__version__.count(".") >= 1


@pytest.mark.parametrize("name", [n for n in newsparse.__all__ if n != "__version__"])
def test_exported_name_has_runnable_example(name: str, source_doc) -> None:
    obj = getattr(newsparse, name)
    doc = source_doc(obj) if inspect.isclass(obj) or callable(obj) else inspect.getdoc(obj)
    assert doc, f"newsparse.{name} has no docstring"
    assert ">>>" in doc, f"the docstring of newsparse.{name} has no >>> example"


def test_star_import_gives_exactly_all() -> None:
    namespace: dict[str, object] = {}
    exec("from newsparse import *", namespace)
    assert sorted(k for k in namespace if k != "__builtins__") == sorted(newsparse.__all__)


# The text entry points and the name of their text argument (errors.str_argument).
TEXT_ENTRY_POINTS = [
    ("parse_page", "text"),
    ("extract_quantities", "text"),
    ("extract_dates", "text"),
    ("parse_number", "s"),
    ("normalize", "text"),
]


@pytest.mark.parametrize(("name", "arg"), TEXT_ENTRY_POINTS)
def test_a_non_str_text_names_the_function_and_the_argument(name: str, arg: str) -> None:
    # the same message from the pure-Python package and the compiled build
    # (tools/compiled.sh runs this file against the mypyc wheel)
    fn = getattr(newsparse, name)
    want = rf"^{name}\(\) argument '{arg}' must be str, not "
    with pytest.raises(TypeError, match=want + "bytes$"):
        fn(b"12")
    with pytest.raises(TypeError, match=want + "NoneType$"):
        fn(**{arg: None})
    with pytest.raises(TypeError, match="missing"):  # no text at all: Python's own error
        fn()
    assert fn(**{arg: "12"}) is not None  # a str by keyword passes the check
