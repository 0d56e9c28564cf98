"""Golden-corpus quality gate (per-field floors, as trafilatura keeps them).

Scores ``parse_page`` on ``../shared/corpus`` plus the bundled sample page
with the corpus's own scorers and fails when a field drops below its floor
in ``tests/corpus/*.json``. Raise floors with
``python tests/corpus/update_baseline.py``; lowering one needs
``--allow-lower``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from types import ModuleType

SHARED_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
GATE_PATH = Path(__file__).resolve().parent / "corpus" / "update_baseline.py"

pytestmark = pytest.mark.skipif(
    not (SHARED_CORPUS / "score_pages.py").is_file(),
    reason=f"golden corpus not found at {SHARED_CORPUS} (put shared/ beside the repo)",
)

UPDATE_HINT = (
    "run `python tests/corpus/update_baseline.py` to re-measure "
    "(add --allow-lower only if the drop is intended)"
)


def _load_gate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_newsparse_corpus_gate", GATE_PATH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gate() -> ModuleType:
    return _load_gate()


@pytest.fixture(scope="module")
def predictions(gate: ModuleType) -> dict[str, dict[str, Any]]:
    pages = gate.gold_pages(".gold.json") + gate.gold_pages(".quantities.json")
    return {text: gate.parse(text) for _path, _gold, text in pages}


def _table(scores: dict[str, float], floors: dict[str, float]) -> str:
    return "\n".join(
        f"  {field:16} F1 {score:.4f}  floor {floors.get(field, 0.0):.3f}"
        for field, score in scores.items()
    )


def _check(
    gate: ModuleType,
    baseline_path: Path,
    pages: list[Any],
    scores: dict[str, float],
    log: list[str],
) -> None:
    baseline = gate.read_baseline(baseline_path)
    assert baseline["floors"], f"{baseline_path.name} has no floors; {UPDATE_HINT}"
    assert baseline["sha256"] == gate.digest(pages), (
        f"the gold files changed since {baseline_path.name} was measured; {UPDATE_HINT}"
    )
    missing = sorted(set(baseline["floors"]) - set(scores))
    assert not missing, f"floors for fields the scorer no longer reports: {missing}"
    failures = gate.below_floor(scores, baseline["floors"])
    details = "\n".join(log[:60])
    assert not failures, (
        "corpus quality dropped below the floor:\n"
        + "\n".join(failures)
        + "\n\n"
        + _table(scores, baseline["floors"])
        + "\n\nfirst differences:\n"
        + details
    )


def test_sample_page_gold_is_scored(gate: ModuleType) -> None:
    sources = [gold["source"] for _p, gold, _t in gate.gold_pages(".gold.json")]
    assert "sample_page.txt" in sources
    assert len(sources) >= 2


def test_page_fields_hold_their_floors(
    gate: ModuleType, predictions: dict[str, dict[str, Any]]
) -> None:
    pages = gate.gold_pages(".gold.json")
    scores, log = gate.score_pages(pages, predictions)
    assert set(scores) >= {"headline", "body", "credits", "overall"}
    _check(gate, gate.PAGES_BASELINE, pages, scores, log)


def test_real_extractions_hold_their_floors(gate: ModuleType) -> None:
    """The 人民日报 版 as pdftotext and PyMuPDF extract them (``../shared/corpus/rmrb``)."""
    pages = gate.rmrb_pages()
    if not pages:
        pytest.skip("no ../shared/corpus/rmrb")
    predictions = {text: gate.parse(text) for _p, _g, text in pages}
    scores, log = gate.score_pages(pages, predictions)
    _check(gate, gate.RMRB_BASELINE, pages, scores, log)


def test_two_extraction_tools_score_alike(gate: ModuleType) -> None:
    """pdftotext and PyMuPDF extractions of the same 版 score within 0.02 of each other."""
    pages = gate.rmrb_pages()
    if not pages:
        pytest.skip("no ../shared/corpus/rmrb")
    overall = {}
    for tool in ("pdftotext", "pymupdf"):
        chosen = [page for page in pages if f".{tool}." in page[0].name]
        scores, _ = gate.score_pages(chosen, {})
        overall[tool] = scores["overall"]
    assert abs(overall["pdftotext"] - overall["pymupdf"]) <= 0.02, overall


def _squeezed(page: dict[str, Any]) -> dict[str, Any]:
    def sq(t: str | None) -> str:
        return "".join((t or "").split())

    arts = page["articles"]
    return {
        "headlines": [sq(a["headline"]) for a in arts],
        "credits": sorted((sq(c["name"]), c["role"]) for a in arts for c in a["credits"]),
        "paragraphs": [sq(b["text"]) for a in arts for b in a["body"]],
        "furniture": [sq(f["text"]) for f in page["furniture"]],
    }


def test_two_extraction_tools_parse_alike(gate: ModuleType) -> None:
    """Each 版 as pdftotext and PyMuPDF extract it gives the same articles and paragraphs."""
    pages = {path.name: text for path, _gold, text in gate.rmrb_pages()}
    if not pages:
        pytest.skip("no ../shared/corpus/rmrb")
    for name, text in pages.items():
        if ".pdftotext." not in name:
            continue
        a = _squeezed(gate.parse(text))
        b = _squeezed(gate.parse(pages[name.replace(".pdftotext.", ".pymupdf.")]))
        assert a["headlines"] == b["headlines"], name
        assert a["paragraphs"] == b["paragraphs"], name
        # pdftotext moves a name past a footer now and then (see rmrb/README.md)
        assert len(a["furniture"]) == len(b["furniture"]), name
        assert sum(x != y for x, y in zip(a["furniture"], b["furniture"], strict=True)) <= 1, name
        assert len(set(a["credits"]) ^ set(b["credits"])) <= 1, name


def test_wrapped_variants_hold_their_floors(gate: ModuleType) -> None:
    """Every gold page hard-wrapped (widths 20 to 40, mixed), against the unchanged gold."""
    pages = gate.wrapped_pages()
    assert len(pages) >= 4 * len(gate.WRAP_WIDTHS)
    predictions = {text: gate.parse(text) for _p, _g, text in pages}
    scores, log = gate.score_pages(pages, predictions)
    _check(gate, gate.WRAPPED_BASELINE, pages, scores, log)


def test_quantities_hold_their_floors(
    gate: ModuleType, predictions: dict[str, dict[str, Any]]
) -> None:
    pages = gate.gold_pages(".quantities.json")
    scores, log = gate.score_quantities(pages, predictions)
    assert set(scores) == {"strict", "value_unit"}
    _check(gate, gate.QUANTITIES_BASELINE, pages, scores, log)


def test_gate_counts_like_the_scorer(gate: ModuleType) -> None:
    """A perfect prediction (the gold itself) scores 1.0 on every field."""
    pages = gate.gold_pages(".gold.json")
    perfect = {text: gold for _p, gold, text in pages}
    scores, _ = gate.score_pages(pages, perfect)
    assert all(score == pytest.approx(1.0) for score in scores.values()), scores


def test_floors_only_go_down_on_request(gate: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    pages = gate.gold_pages(".gold.json")
    gate._update(path, pages, {"body": 0.5}, allow_lower=False, digest_only=False)
    gate._update(path, pages, {"body": 0.25}, allow_lower=False, digest_only=False)
    assert gate.read_baseline(path)["floors"]["body"] == 0.5
    gate._update(path, pages, {"body": 0.25}, allow_lower=True, digest_only=False)
    assert gate.read_baseline(path)["floors"]["body"] == 0.25
    assert gate.below_floor({"body": 0.2}, {"body": 0.25}) == ["body: F1 0.2000 < floor 0.2500"]
