#!/usr/bin/env bash
# The compiled build (mypyc), built, installed and checked in a venv of its own.
#
#   bash tools/compiled.sh [VENV]      # default VENV: .compiled-venv in the repository
#
# Builds the sdist, then the wheel from it with the mypyc build hook switched on
# (HATCH_BUILD_HOOK_ENABLE_MYPYC=1; building from the sdist keeps the
# extensions out of src/), installs that wheel into VENV, and runs against the
# installed package (not src/: pytest's pythonpath is emptied, the snapshot
# tool runs as a script): tests/test_compiled.py with
# NEWSPARSE_EXPECT_COMPILED=1 (the engine modules are .so, model.py is not),
# `python tools/snapshot.py check` (every output identical to the pure-Python
# package's digests) and a fast subset of the tests. Leaves the wheel in
# VENV/dist for benchmarks/bench_all.py --compiled VENV/bin/python.
set -euo pipefail

VENV="$(realpath -m "${1:-$(dirname "${BASH_SOURCE[0]}")/../.compiled-venv}")"
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO="$(pwd)"
PY="${PYTHON:-python3}"
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 PIP_PROGRESS_BAR=off

"$PY" -m venv --clear "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip build
rm -rf "$VENV/dist"
"$VENV/bin/python" -m build --sdist --outdir "$VENV/dist" "$REPO"
start=$SECONDS
HATCH_BUILD_HOOK_ENABLE_MYPYC=1 "$VENV/bin/python" -m pip wheel -q --no-deps \
    -w "$VENV/dist" "$VENV"/dist/newsparse-*.tar.gz
echo "compiled wheel built in $((SECONDS - start)) s: $(basename "$VENV"/dist/newsparse-*.whl)"
"$VENV/bin/python" -m pip install -q "$VENV"/dist/newsparse-*.whl pytest hypothesis jsonschema cn2an

cd "$REPO"
"$VENV/bin/python" -c 'import newsparse.page as p; print("newsparse.page:", p.__file__)'
"$VENV/bin/python" tools/snapshot.py check
# The fast subset: the engines' unit tests, the page and text tests, the public
# API (docstring examples, the TypeError of each text entry point),
# invariants and pathological inputs. Nothing is deselected: the compiled
# build must pass them as the pure-Python package does.
NEWSPARSE_EXPECT_COMPILED=1 "$VENV/bin/python" -m pytest -q -p no:cacheprovider \
    -o pythonpath= -o addopts= \
    tests/test_compiled.py tests/figures tests/layout tests/test_text.py tests/test_page.py \
    tests/test_public_api.py tests/test_invariants.py tests/test_pathological.py \
    tests/test_schema.py tests/test_figures_suite.py
