"""Development sessions: ``nox -l`` lists them, ``nox -s NAME`` runs one.

Default sessions: lint, typecheck, tests, corpus, docs. ``min`` (lowest
declared dependency versions), ``build`` (sdist + wheel) and ``compiled``
(the mypyc wheel, checked against the snapshot) run on request.
"""

from __future__ import annotations

import re
from pathlib import Path

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["lint", "typecheck", "tests", "corpus", "docs"]

ROOT = Path(__file__).resolve().parent
PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
LINT_PATHS = ["src", "tests", "benchmarks", "fuzz", "tools", "noxfile.py"]
FUZZ_TARGETS = ["parse_page", "extract_quantities", "extract_dates", "parse_number"]


def _group(*names: str) -> tuple[str, ...]:
    return nox.project.dependency_groups(PYPROJECT, *names)


@nox.session
def tests(session: nox.Session) -> None:
    """The whole pytest suite: tests/, doctests in src/ and the Markdown docs."""
    session.install(".[test]")
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff check (every rule, see pyproject.toml) and ruff format --check."""
    session.install(*_group("lint"))
    session.run("ruff", "check", *LINT_PATHS)
    session.run("ruff", "format", "--check", *LINT_PATHS)


@nox.session(name="format")
def format_check(session: nox.Session) -> None:
    """ruff format --check alone (also part of ``lint``)."""
    session.install(*_group("lint"))
    session.run("ruff", "format", "--check", *LINT_PATHS)


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict on the package (with the dask extra, as CI checks it)."""
    session.install(".[dask]", *_group("typecheck"))
    session.run("mypy", "--strict", "src")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the MkDocs site; warnings (broken links, missing pages) fail."""
    session.install(".", *_group("docs"))
    site = Path(session.create_tmp()) / "site"
    session.run("mkdocs", "build", "--strict", "--site-dir", str(site))


@nox.session(python=False)
def compiled(session: nox.Session) -> None:
    """The mypyc-compiled wheel: build, install in its own venv, check against the snapshot."""
    venv = Path(session.create_tmp()) / "compiled-venv"
    session.run("bash", str(ROOT / "tools" / "compiled.sh"), str(venv), external=True)


@nox.session
def corpus(session: nox.Session) -> None:
    """Score the golden corpus and hold the floors of tests/corpus/*.json."""
    session.install(".[test]")
    if not SHARED_CORPUS.is_dir():
        session.skip(f"no corpus at {SHARED_CORPUS} (../shared beside the repo)")
    session.run("python", str(SHARED_CORPUS / "score_pages.py"), str(SHARED_CORPUS))
    session.run("python", str(SHARED_CORPUS / "score_quantities.py"), str(SHARED_CORPUS))
    session.run("pytest", "tests/test_corpus.py", *session.posargs)


def _version(text: str):
    from packaging.version import InvalidVersion, Version  # noqa: PLC0415 - nox's own dependency

    try:
        return Version(text.strip())
    except InvalidVersion:
        return None


def _lowest_versions(session: nox.Session, requirements: list[str]) -> list[str]:
    """``name==V`` pins: the lowest release each requirement's specifier allows."""
    from packaging.requirements import Requirement  # noqa: PLC0415 - nox's own dependency

    pins = []
    for line in requirements:
        req = Requirement(line)
        if not req.specifier:
            continue
        out = session.run(
            "python", "-m", "pip", "index", "versions", req.name, silent=True, log=False
        )
        found = re.search(r"Available versions:\s*(.+)", str(out))
        if not found:
            session.error(f"cannot list the versions of {req.name}")
        versions = [_version(text) for text in found.group(1).split(",")]
        allowed = [v for v in versions if v and not v.is_prerelease and v in req.specifier]
        if not allowed:
            session.error(f"no release of {req.name} satisfies {req.specifier}")
        pins.append(f"{req.name}=={min(allowed)}")
    return pins


@nox.session(name="min")
def min_versions(session: nox.Session) -> None:
    """The suite on the lowest versions pyproject.toml declares (dependencies and [test])."""
    project = PYPROJECT["project"]
    declared = list(project["dependencies"]) + list(project["optional-dependencies"]["test"])
    pins = _lowest_versions(session, declared)
    constraints = Path(session.create_tmp()) / "lowest.txt"
    constraints.write_text("\n".join(pins) + "\n", encoding="utf-8")
    session.log("lowest versions: " + ", ".join(pins))
    session.install("-c", str(constraints), ".[test]")
    session.run("python", "-m", "pip", "freeze")
    session.run("pytest", *session.posargs)


@nox.session
def build(session: nox.Session) -> None:
    """Build the sdist and the wheel; the wheel ships the sample page and is pure Python."""
    session.install("build")
    outdir = Path(session.create_tmp()) / "dist"
    session.run("python", "-m", "build", "--outdir", str(outdir))
    wheels = sorted(outdir.glob("*.whl"))
    if not wheels:
        session.error("no wheel built")
    check = (
        "import sys, zipfile, json; names = zipfile.ZipFile(sys.argv[1]).namelist(); "
        "need = ['newsparse/data/sample_page.txt', 'newsparse/py.typed']; "
        "missing = [n for n in need if n not in names]; "
        "compiled = [n for n in names if n.endswith(('.so', '.pyd'))]; "
        "pure = sys.argv[1].endswith('-py3-none-any.whl') and not compiled; "
        "print(json.dumps({'wheel': sys.argv[1], 'files': len(names), 'missing': missing, "
        "'pure': pure})); "
        "sys.exit(1 if missing or not pure else 0)"
    )
    session.run("python", "-c", check, str(wheels[-1]))


@nox.session
def fuzz(session: nox.Session) -> None:
    """Run atheris on each entry point, then the property tests, thoroughly.

    posargs: seconds per target (default 300). Crashes land in the session's
    tmp folder; replay one with
    ``python fuzz/fuzz_targets.py --replay --target NAME FILE``.
    """
    session.install(".[test]", *_group("fuzz"))
    seconds = int(session.posargs[0]) if session.posargs else 300
    tmp = Path(session.create_tmp())
    session.run("python", "fuzz/fuzz_targets.py", "--replay", "--target", "all")
    for target in FUZZ_TARGETS:
        work = tmp / target
        work.mkdir(parents=True, exist_ok=True)
        session.run(
            "python",
            "fuzz/fuzz_targets.py",
            "--target",
            target,
            f"-max_total_time={seconds}",
            f"-artifact_prefix={work}/",
            str(work / "corpus"),
        )
    session.run(
        "pytest",
        "-p",
        "no:doctest",
        "tests/test_invariants.py",
        "tests/test_pathological.py",
        env={"HYPOTHESIS_PROFILE": "thorough"},
    )
