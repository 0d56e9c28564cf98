"""The compiled build is what a compiled run imports (``nox -s compiled``, ``.ci/run``).

With ``NEWSPARSE_EXPECT_COMPILED=1`` (set by the session that installs the
mypyc wheel and runs the tests against it) the engine modules must be C
extensions and ``model`` plain Python; without it (the ordinary run, from
``src/``) every module must be plain Python, so that a stray ``.so`` left in
the source tree cannot pass for the pure-Python package.
"""

from __future__ import annotations

import ast
import importlib
import importlib.machinery
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# The modules the build hook compiles (pyproject.toml, [tool.hatch.build.targets.wheel.hooks.mypyc]).
COMPILED = [
    "newsparse.chars",
    "newsparse.text",
    "newsparse.page",
    "newsparse.figures.numbers",
    "newsparse.figures.quantities",
    "newsparse.figures.units",
    "newsparse.figures.vocab",
    "newsparse.figures.dates",
    "newsparse.figures.date_forms",
    "newsparse.figures.date_resolve",
    "newsparse.figures.solar_terms",
    "newsparse.layout.lines",
    "newsparse.layout.headings",
    "newsparse.layout.bylines",
    "newsparse.layout.captions",
    "newsparse.layout.columns",
    "newsparse.layout.headlines",
    "newsparse.layout.marks",
    "newsparse.layout.reflow",
    "newsparse.layout.dedup",
    "newsparse.layout.summaries",
    "newsparse.layout.vocab",
    "newsparse.layout.furniture",
    "newsparse.layout.glued",
    "newsparse.layout.unwrap",
    "newsparse.layout.assemble",
]
INTERPRETED = ["newsparse.model", "newsparse.batch", "newsparse.cli"]
EXPECT_COMPILED = os.environ.get("NEWSPARSE_EXPECT_COMPILED") == "1"


def _is_extension(name: str) -> bool:
    origin = importlib.import_module(name).__file__ or ""
    return origin.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


@pytest.mark.parametrize("name", COMPILED)
def test_engine_module_kind(name: str) -> None:
    assert _is_extension(name) is EXPECT_COMPILED


@pytest.mark.parametrize("name", INTERPRETED)
def test_interpreted_modules_stay_python(name: str) -> None:
    assert not _is_extension(name)


def _compiled_by_the_hook() -> set[str]:
    """The modules the build hook compiles: its ``include`` less its ``exclude`` (pyproject.toml)."""
    tomllib = pytest.importorskip("tomllib")  # (Python 3.11+)
    root = Path(__file__).resolve().parents[1]
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    hook = config["tool"]["hatch"]["build"]["targets"]["wheel"]["hooks"]["mypyc"]

    def files(entries: list[str]) -> set[Path]:
        found: set[Path] = set()
        for entry in entries:
            path = root / entry.lstrip("/")
            found |= set(path.rglob("*.py")) if path.is_dir() else {path}
        return found

    chosen = files(hook["include"]) - files(hook.get("exclude", []))
    return {".".join(p.relative_to(root / "src").with_suffix("").parts) for p in chosen}


def test_the_lists_are_what_the_hook_compiles() -> None:
    # COMPILED is written out so that a module dropped from the hook's include fails here
    # instead of quietly running interpreted; this keeps the two in step both ways.
    compiled = _compiled_by_the_hook()
    assert compiled == set(COMPILED)
    assert compiled.isdisjoint(INTERPRETED)


# Every function of a module's __all__ whose first argument is a text (a ``str``) checks it
# with errors.str_argument, so that both builds raise the same TypeError. Exempt: the
# predicates and scanners the layout pass calls on every line (40 to 630 times a page): the
# check's wrapper is one more Python call each (about 2,700 a page, +10 % of parse_page's
# calls, where the parsers below add about 540); compiled, they keep mypyc's own message.
PER_LINE_HELPERS = {
    "newsparse.layout.unwrap.cells",
    "newsparse.layout.marks.lead_marks",
    "newsparse.layout.marks.lead_marks_at",
    "newsparse.layout.furniture.furniture_kind",
    "newsparse.layout.furniture.glued_jump",
    "newsparse.layout.furniture.meta_start",
    "newsparse.layout.reflow.is_editor_note",
    "newsparse.layout.reflow.ends_open",
    "newsparse.layout.captions.may_hold_credit",
    "newsparse.layout.headlines.labelled_title",
    "newsparse.layout.headlines.is_headline_shaped",
    "newsparse.layout.lines.opens_with_report",
    "newsparse.layout.lines.candidates",
    "newsparse.figures.date_forms.by_run",
}


def _source_of(module: str) -> Path:
    """The ``.py`` file of ``module``: beside the extension module in the compiled build."""
    mod = importlib.import_module(module)
    return Path(mod.__file__ or "").with_name(module.rpartition(".")[2] + ".py")


def _text_functions() -> list[tuple[str, str]]:
    """``(module.name, first argument)`` of every text function in an ``__all__``.

    Read from the source (compiled functions have no signature to inspect): the functions
    defined in the module, named in its ``__all__``, whose first argument is a ``str``.
    """
    found = []
    for module in COMPILED:
        public = set(getattr(importlib.import_module(module), "__all__", ()))
        tree = ast.parse(_source_of(module).read_text(encoding="utf-8"))
        for node in tree.body:
            if not isinstance(node, ast.FunctionDef) or node.name not in public:
                continue
            args = node.args.posonlyargs + node.args.args
            if f"{module}.{node.name}" in PER_LINE_HELPERS or not args:
                continue
            first = args[0].annotation
            if isinstance(first, ast.Name) and first.id == "str":
                found.append((f"{module}.{node.name}", args[0].arg))
    return found


TEXT_FUNCTIONS = _text_functions()


def test_the_text_functions_are_found() -> None:
    names = {n for n, _ in TEXT_FUNCTIONS}
    assert {
        "newsparse.layout.bylines.parse_byline",
        "newsparse.layout.bylines.parse_dateline",
        "newsparse.layout.captions.parse_caption",
        "newsparse.layout.summaries.parse_label",
        "newsparse.layout.columns.parse_column",
        "newsparse.layout.headlines.split_headline",
        "newsparse.page.parse_page",
    } <= names
    assert len(names) >= 30


@pytest.mark.parametrize(("qualname", "arg"), TEXT_FUNCTIONS)
def test_a_non_str_text_raises_our_type_error_in_both_builds(qualname: str, arg: str) -> None:
    module, _, name = qualname.rpartition(".")
    fn = getattr(importlib.import_module(module), name)
    want = rf"^{name}\(\) argument '{arg}' must be str, not "
    with pytest.raises(TypeError, match=want + "bytes$"):
        fn(b"12")
    with pytest.raises(TypeError, match=want + "NoneType$"):
        fn(None)
    with pytest.raises(TypeError, match=want + "int$"):
        fn(**{arg: 12})


# test_pathological.test_linear_page_shape counts Python-level calls, which compiled code does
# not make. Its counterpart for both builds: the work of the regular expressions, counted
# through a wrapper on every pattern the package compiles (``re.compile`` and
# ``regex.compile`` are wrapped before it is imported, in a child process): one for each call
# of a pattern's method, plus the characters of the window a search-like call scans
# (``finditer``, ``findall``: from ``pos`` to ``endpos``; ``sub``, ``split``: the string; a
# ``search``: up to the end of its match) and the characters a ``match`` consumed. A rule that rescans the rest of the text
# for every line is quadratic in this count; a linear pass is not.
_COUNT_REGEX = r"""
import json, re, sys
import regex

ops = 0
_SEARCHES = {"search", "finditer", "findall", "sub", "subn", "split", "splititer", "scanner"}
_MATCHES = {"match", "fullmatch"}


class Counted:
    __slots__ = ("_p",)

    def __init__(self, pattern):
        self._p = pattern

    def __getattr__(self, name):
        attr = getattr(self._p, name)
        if name not in _SEARCHES and name not in _MATCHES:
            return attr

        def call(string, *args, **kwargs):
            global ops
            out = attr(string, *args, **kwargs)
            if not isinstance(string, str):
                return out
            pos = (args[0] if args else kwargs.get("pos")) or 0
            end = args[1] if len(args) > 1 else kwargs.get("endpos")
            end = len(string) if end is None else min(end, len(string))
            if name in _MATCHES:  # what it consumed
                ops += 1 + (0 if out is None else out.end() - out.start())
            elif name == "search":  # up to the end of its match, or the whole window
                ops += 1 + max(0, (end if out is None else out.end()) - pos)
            elif name in {"finditer", "findall", "scanner"}:  # the whole window
                ops += 1 + max(0, end - pos)
            else:  # sub, split: the whole string
                ops += 1 + len(string)
            return out

        return call


for module in (re, regex):
    def compiled(*args, _compile=module.compile, **kwargs):
        return Counted(_compile(*args, **kwargs))

    module.compile = compiled
sys.path.insert(0, sys.argv[1])
import newsparse
from test_pathological import LARGE, SHAPES, SMALL

per_char = []
for n in (SMALL, LARGE):
    text = SHAPES[sys.argv[2]](n)
    ops = 0
    newsparse.parse_page(text, max_chars=None)
    per_char.append(ops / len(text))
print(json.dumps({"per_char": per_char, "compiled": newsparse.page.__file__.endswith(".so")}))
"""


def _shapes() -> list[str]:
    """Every shape in the compiled run; in the pure-Python run, where test_linear_page_shape
    counts every call of every shape, one: it checks the counter."""
    import test_pathological

    return sorted(test_pathological.SHAPES) if EXPECT_COMPILED else ["shared_endings"]


@pytest.mark.parametrize("name", _shapes())
def test_linear_page_shape_by_regex_work(name: str) -> None:
    here = Path(__file__).resolve().parent
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    done = subprocess.run(
        [sys.executable, "-c", _COUNT_REGEX, str(here), name],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["compiled"] is EXPECT_COMPILED
    small, large = report["per_char"]
    assert min(small, large) > 0.5, report  # the wrapper sees the patterns at work
    assert max(small, large) / min(small, large) <= 2.0, report
