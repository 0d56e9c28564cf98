"""The output snapshot: digests of thousands of outputs, to check a refactor or speed-up against.

Every case is one call of the public API on one input: ``parse_page`` on the
corpus pages, the 人民日报 extractions, the bundled sample page, the layout
test page and the fuzz seeds, each as printed and as shuffled, cut,
re-spaced and hard-wrapped variants (made here with a fixed seed, never
stored), with and without a page date; ``extract_quantities`` and
``extract_dates`` on every text of the shared benchmark suites, with and
without a reference date, and on each of those pages as printed. The
digest of a case is the SHA-256 of its JSON.

    python tools/snapshot.py check          # compare with tests/snapshot/digests.json
    python tools/snapshot.py update         # rewrite the digests (say why in the commit)
    python tools/snapshot.py dump DIR       # write every output, to diff two trees

The pages and suites come from ``../shared`` beside the repository; cases
whose inputs are absent are left out of both sides of the comparison.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import newsparse

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DIGESTS = REPO / "tests" / "snapshot" / "digests.json"
PAGE_DATE = dt.date(2024, 5, 6)
VARIANTS_PER_PAGE = 6
WRAP_WIDTHS = (20, 26, 33, 40)

Case = tuple[str, Callable[[], str]]


def _base_pages() -> Iterator[tuple[str, str]]:
    yield "sample", newsparse.sample_text()
    yield "layout_page", (REPO / "tests" / "data" / "layout_page.txt").read_text(encoding="utf-8")
    for seed in sorted((REPO / "fuzz" / "seeds").glob("*.txt")):
        yield f"seed/{seed.stem}", seed.read_text(encoding="utf-8", errors="surrogateescape")
    for folder in (SHARED / "corpus", SHARED / "corpus" / "rmrb"):
        for page in sorted(folder.glob("*.txt")):
            yield f"{folder.name}/{page.stem}", page.read_text(encoding="utf-8")


def _blocks(text: str) -> list[str]:
    return [b for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]


def _shuffled(text: str, rng: random.Random) -> str:
    blocks = _blocks(text)
    rng.shuffle(blocks)
    return "\n\n".join(blocks)


def _cut(text: str, rng: random.Random) -> str:
    if len(text) < 4:
        return text
    a = rng.randrange(len(text) // 2)
    b = rng.randrange(a + 1, len(text) + 1)
    return text[a:b]


def _respaced(text: str, rng: random.Random) -> str:
    gap = "\n" * rng.choice((1, 3, 4))
    lines = text.split("\n")
    out = [("\u3000\u3000" + ln if ln and rng.random() < 0.3 else ln) for ln in lines]
    return gap.join("\n".join(out).split("\n\n"))


def _wrapped(text: str, width: int, *, blank: bool, indent: bool) -> str:
    out: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        body = ("\u3000\u3000" if indent else "") + line
        out.extend(body[i : i + width] for i in range(0, len(body), width))
        if blank:
            out.append("")
    return "\n".join(out)


def _page_cases() -> Iterator[Case]:
    for name, text in _base_pages():
        rng = random.Random(name)  # noqa: S311 - a fixed seed per page, not for security
        yield f"page/{name}", lambda t=text: newsparse.parse_page(t).to_json()
        yield f"page/{name}@date", lambda t=text: newsparse.parse_page(t, date=PAGE_DATE).to_json()
        variants: list[tuple[str, str]] = []
        for k in range(VARIANTS_PER_PAGE):
            variants.append((f"shuffle{k}", _shuffled(text, rng)))
            variants.append((f"cut{k}", _cut(text, rng)))
            variants.append((f"respace{k}", _respaced(text, rng)))
        for width in WRAP_WIDTHS:
            for blank in (False, True):
                flag = ("b" if blank else "") + ("i" if width % 2 else "")
                wrapped = _wrapped(text, width, blank=blank, indent=bool(width % 2))
                variants.append((f"wrap{width}{flag}", wrapped))
        for tag, variant in variants:
            yield f"page/{name}/{tag}", lambda t=variant: newsparse.parse_page(t).to_json()


def _suite_texts() -> Iterator[tuple[str, str, dt.date | None]]:
    bench = SHARED / "benchmarks"
    for path in sorted(bench.glob("quantities*/*.jsonl")) + sorted(bench.glob("dates/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            ref = case.get("reference")
            yield (
                f"{path.parent.name}/{case['id']}",
                case["text"],
                (dt.date.fromisoformat(ref) if ref else None),
            )


def _figure_cases() -> Iterator[Case]:
    def quantities(t: str) -> str:
        return json.dumps([q.to_dict() for q in newsparse.extract_quantities(t)], sort_keys=True)

    def dates(t: str, ref: dt.date | None) -> str:
        found = newsparse.extract_dates(t, reference=ref)
        return json.dumps([d.to_dict() for d in found], sort_keys=True)

    for key, text in _base_pages():  # (the figures of a whole page as printed, furniture too)
        yield f"quantities/page/{key}", lambda t=text: quantities(t)
        yield f"dates/page/{key}", lambda t=text: dates(t, None)
    for key, text, ref in _suite_texts():
        yield f"quantities/{key}", lambda t=text: quantities(t)
        yield f"dates/{key}", lambda t=text: dates(t, None)
        yield f"dates/{key}@ref", lambda t=text, r=ref or PAGE_DATE: dates(t, r)


def cases() -> Iterator[Case]:
    """Every snapshot case, as (key, a function giving its JSON output)."""
    yield from _page_cases()
    yield from _figure_cases()


def _digest(output: str) -> str:
    return hashlib.sha256(output.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def compute() -> dict[str, str]:
    """Digest of every case that can run here."""
    return {key: _digest(run()) for key, run in cases()}


def differences(stored: dict[str, str], now: dict[str, str]) -> list[str]:
    """Keys whose digest changed, or that one side has and the other lacks (only cases run)."""
    return sorted(k for k in now if stored.get(k) != now[k])


def main(argv: list[str]) -> int:
    """Run ``check``, ``update`` or ``dump DIR``; exit status 1 when ``check`` finds changes."""
    command = argv[0] if argv else "check"
    if command == "dump":
        out = Path(argv[1])
        for key, run in cases():
            target = out / (key.replace("@", "_at_") + ".json")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(run(), encoding="utf-8", errors="surrogatepass")
        return 0
    now = compute()
    if command == "update":
        DIGESTS.parent.mkdir(parents=True, exist_ok=True)
        DIGESTS.write_text(json.dumps(now, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{len(now)} digests written to {DIGESTS.relative_to(REPO)}")
        return 0
    stored = json.loads(DIGESTS.read_text(encoding="utf-8"))
    changed = differences(stored, now)
    print(f"{len(now)} cases, {len(changed)} changed")
    for key in changed:
        print("  changed:", key)
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
