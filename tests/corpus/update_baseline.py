"""Golden-corpus gate: score newsparse on the gold pages and keep per-field floors.

The scoring is the corpus's own: ``score_pages.py`` and ``score_quantities.py``
from ``../shared/corpus`` (beside the repository) are imported and their
``Tally``/``score_page`` and ``key``/``predicted``/``prf`` reused, so the gate
and the scorers cannot disagree. The pages scored are every gold page there
plus the bundled sample page (``tests/data/sample_page.*.json``).

Floors live in ``tests/corpus/baseline.json`` (page fields and overall F1),
``tests/corpus/rmrb_baseline.json`` (the real PDF extractions of
``../shared/corpus/rmrb``), ``tests/corpus/wrapped_baseline.json`` (every gold
page hard-wrapped at widths 20 to 40 and mixed, with and without blank lines
and indents, against the unchanged gold) and
``tests/corpus/quantities_baseline.json`` (strict and value+unit F1), each
beside the sha256 of the gold files and texts it was measured on.

Run as a script to rewrite the floors from the current scores::

    python tests/corpus/update_baseline.py                # raise floors only
    python tests/corpus/update_baseline.py --allow-lower  # also lower them
    python tests/corpus/update_baseline.py --digest-only  # re-hash, keep floors

A floor never goes down without ``--allow-lower``; floors are the measured
scores rounded down to three decimals.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import importlib.util
import json
import math
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from types import ModuleType

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SHARED_CORPUS = REPO.parent / "shared" / "corpus"
DATA = REPO / "tests" / "data"
PAGES_BASELINE = HERE / "baseline.json"
QUANTITIES_BASELINE = HERE / "quantities_baseline.json"
RMRB_BASELINE = HERE / "rmrb_baseline.json"
WRAPPED_BASELINE = HERE / "wrapped_baseline.json"
RMRB = SHARED_CORPUS / "rmrb"
WRAP_WIDTHS = tuple(range(20, 41, 2))
MIXED_WIDTHS = ((20, 32), (24, 40))
SAMPLE_SOURCE = "sample_page.txt"


def load_scorer(name: str) -> ModuleType:
    """Import ``../shared/corpus/<name>.py`` as a module."""
    path = SHARED_CORPUS / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"_newsparse_corpus_{name}", path)
    if spec is None or spec.loader is None:
        msg = f"cannot load {path}"
        raise ImportError(msg)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sample_text() -> str:
    from newsparse.sample import sample_text

    return sample_text()


def gold_pages(suffix: str) -> list[tuple[Path, dict[str, Any], str]]:
    """``(gold path, gold, page text)`` of every page with a ``*<suffix>`` gold file."""
    out = []
    for gold_path in sorted(SHARED_CORPUS.glob(f"*{suffix}")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (SHARED_CORPUS / gold["source"]).read_text(encoding="utf-8")
        out.append((gold_path, gold, text))
    sample_gold = DATA / f"sample_page{suffix}"
    if sample_gold.is_file():
        gold = json.loads(sample_gold.read_text(encoding="utf-8"))
        if gold["source"] != SAMPLE_SOURCE:
            msg = f"{sample_gold} must describe {SAMPLE_SOURCE}"
            raise ValueError(msg)
        out.append((sample_gold, gold, _sample_text()))
    return out


def rmrb_pages() -> list[tuple[Path, dict[str, Any], str]]:
    """``(gold path, gold, text)`` of the real extractions in ``../shared/corpus/rmrb``."""
    out = []
    for gold_path in sorted(RMRB.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        out.append((gold_path, gold, (RMRB / gold["source"]).read_text(encoding="utf-8")))
    return out


def wrap_page(
    text: str,
    width: int,
    *,
    blank: bool,
    indent: bool,
    second: int | None = None,
) -> str:
    """A page hard-wrapped every ``width`` characters, as a text tool cuts it.

    ``blank`` keeps the blank line between blocks (without it, the blocks
    follow each other and only the wider gap of a photo is left, one blank
    line narrower); ``indent`` puts two full-width spaces before each block;
    with ``second``, every other run of seven blocks is wrapped at that width
    instead (a page extracted column by column, the columns of two widths).
    """
    out: list[str] = []
    gap = 0
    n = 0
    for line in text.split("\n"):
        if not line.strip():
            gap += 1
            continue
        if out:
            out.extend([""] * (gap if blank else max(gap - 1, 0)))
        gap = 0
        w = second if second is not None and (n // 7) % 2 else width
        n += 1
        body = ("\u3000\u3000" if indent else "") + line
        out.extend(body[i : i + w] for i in range(0, len(body), w))
    return "\n".join(out)


def wrapped_pages() -> list[tuple[Path, dict[str, Any], str]]:
    """Every gold page hard-wrapped at widths 20 to 40 and mixed, scored against its gold."""
    out = []
    for gold_path, gold, text in gold_pages(".gold.json"):
        for blank in (False, True):
            for indent in (False, True):
                out.extend(
                    (gold_path, gold, wrap_page(text, width, blank=blank, indent=indent))
                    for width in WRAP_WIDTHS
                )
                for a, b in MIXED_WIDTHS:
                    wrapped = wrap_page(text, a, blank=blank, indent=indent, second=b)
                    out.append((gold_path, gold, wrapped))
    return out


def digest(pages: list[tuple[Path, dict[str, Any], str]]) -> str:
    """sha256 over the gold files and page texts, in order."""
    h = hashlib.sha256()
    for gold_path, _gold, text in pages:
        h.update(gold_path.name.encode())
        h.update(b"\0")
        h.update(gold_path.read_bytes())
        h.update(b"\0")
        h.update(text.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def parse(text: str) -> dict[str, Any]:
    """``newsparse.parse_page(text).to_dict()``."""
    import newsparse

    result: dict[str, Any] = newsparse.parse_page(text).to_dict()
    return result


def score_pages(
    pages: list[tuple[Path, dict[str, Any], str]],
    predictions: dict[str, dict[str, Any]],
) -> tuple[dict[str, float], list[str]]:
    """Per-field F1 plus ``overall``, exactly as ``score_pages.py`` counts them."""
    scorer = load_scorer("score_pages")
    tally = scorer.Tally()
    log: list[str] = []
    for gold_path, gold, text in pages:
        log.append(gold_path.name)
        scorer.score_page(tally, gold, predictions.get(text) or parse(text), log.append)
    scores = {field: tally.prf(field)[2] for field in scorer.FIELDS}
    scores["overall"] = tally.overall()
    return scores, log


def score_quantities(
    pages: list[tuple[Path, dict[str, Any], str]],
    predictions: dict[str, dict[str, Any]],
) -> tuple[dict[str, float], list[str]]:
    """Strict and value+unit F1, exactly as ``score_quantities.py`` counts them."""
    scorer = load_scorer("score_quantities")
    counts = {"strict": [0, 0, 0], "value_unit": [0, 0, 0]}
    log: list[str] = []
    for gold_path, gold, text in pages:
        ignore = {unicodedata.normalize("NFKC", t) for t in gold.get("ignore") or []}
        pred = [
            q
            for q in scorer.predicted(predictions.get(text) or parse(text))
            if unicodedata.normalize("NFKC", str(q.get("text", ""))) not in ignore
        ]
        for mode, approx in (("strict", True), ("value_unit", False)):
            g = collections.Counter(scorer.key(q, approx) for q in gold["quantities"])
            p = collections.Counter(scorer.key(q, approx) for q in pred)
            c = counts[mode]
            c[0] += sum((g & p).values())
            c[1] += sum((p - g).values())
            c[2] += sum((g - p).values())
            if mode == "strict":
                log.extend(f"{gold_path.name}: missed {k}" for k in g - p)
                log.extend(f"{gold_path.name}: extra {k}" for k in p - g)
    scores = {mode: scorer.prf(*c)[2] for mode, c in counts.items()}
    return scores, log


def read_baseline(path: Path) -> dict[str, Any]:
    """The stored floors, or an empty baseline."""
    if not path.is_file():
        return {"sha256": None, "floors": {}}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def below_floor(scores: dict[str, float], floors: dict[str, float]) -> list[str]:
    """Descriptions of every field whose score fell below its floor."""
    return [
        f"{field}: F1 {scores.get(field, 0.0):.4f} < floor {floor:.4f}"
        for field, floor in sorted(floors.items())
        if scores.get(field, 0.0) < floor - 1e-9
    ]


def _floor3(x: float) -> float:
    return math.floor(x * 1000) / 1000


def _write(path: Path, sha: str, floors: dict[str, float], pages: int) -> None:
    data = {"sha256": sha, "pages": pages, "floors": dict(sorted(floors.items()))}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def _update(
    path: Path,
    pages: list[tuple[Path, dict[str, Any], str]],
    scores: dict[str, float],
    *,
    allow_lower: bool,
    digest_only: bool,
) -> None:
    old = read_baseline(path)
    floors: dict[str, float] = dict(old.get("floors") or {})
    for field, score in scores.items():
        current = floors.get(field, 0.0)
        new = _floor3(score)
        if digest_only:
            floors.setdefault(field, 0.0)
        elif new >= current or allow_lower:
            floors[field] = new
        else:
            print(f"  {field}: keeping floor {current:.3f} (score {score:.4f}; --allow-lower)")
    _write(path, digest(pages), floors, len(pages))
    print(f"wrote {path.name}")
    for field, floor in sorted(floors.items()):
        print(f"  {field:16} floor {floor:.3f}  score {scores.get(field, 0.0):.4f}")


def main(argv: list[str] | None = None) -> int:
    """Rewrite the floor files from the current scores."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--allow-lower", action="store_true", help="let floors go down")
    ap.add_argument("--digest-only", action="store_true", help="re-hash the corpus, keep floors")
    args = ap.parse_args(argv)
    if not SHARED_CORPUS.is_dir():
        print(f"no corpus at {SHARED_CORPUS}", file=sys.stderr)
        return 2
    page_gold = gold_pages(".gold.json")
    quantity_gold = gold_pages(".quantities.json")
    predictions = {text: parse(text) for _p, _g, text in page_gold + quantity_gold}
    scores, _ = score_pages(page_gold, predictions)
    _update(
        PAGES_BASELINE,
        page_gold,
        scores,
        allow_lower=args.allow_lower,
        digest_only=args.digest_only,
    )
    for path, pages in ((RMRB_BASELINE, rmrb_pages()), (WRAPPED_BASELINE, wrapped_pages())):
        more = {text: parse(text) for _p, _g, text in pages}
        set_scores, _ = score_pages(pages, more)
        _update(path, pages, set_scores, allow_lower=args.allow_lower, digest_only=args.digest_only)
    qscores, _ = score_quantities(quantity_gold, predictions)
    _update(
        QUANTITIES_BASELINE,
        quantity_gold,
        qscores,
        allow_lower=args.allow_lower,
        digest_only=args.digest_only,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
