"""The shipped JSON Schema of ``Page.to_dict()``: valid, loadable, and true of real outputs."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from newsparse.batch import PageFailure, PageResult, find_pages, parse_many
from newsparse.model import Page
from newsparse.page import parse_page
from newsparse.sample import sample_text
from newsparse.schema import batch_line_schema, page_schema

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
CORPUS_PAGES = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


def _validator(schema: dict[str, object]) -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _roundtrip(data: dict[str, object]) -> dict[str, object]:
    """What a reader of the JSON sees (tuples become lists, and so on)."""
    loaded: dict[str, object] = json.loads(json.dumps(data, ensure_ascii=False))
    return loaded


def test_the_schema_is_valid_draft_2020_12() -> None:
    _validator(page_schema())
    _validator(batch_line_schema())


def test_page_schema_returns_a_fresh_copy() -> None:
    schema = page_schema()
    schema["title"] = "changed"
    assert page_schema()["title"] == "newsparse page"


def test_the_schema_is_packaged_as_a_resource() -> None:
    from importlib import resources

    text = resources.files("newsparse.schema").joinpath("page.schema.json").read_text("utf-8")
    assert json.loads(text) == page_schema()


def test_the_empty_page_validates() -> None:
    _validator(page_schema()).validate(_roundtrip(Page(text="").to_dict()))


def test_the_sample_page_validates() -> None:
    data = _roundtrip(parse_page(sample_text()).to_dict())
    _validator(page_schema()).validate(data)
    assert data["articles"], "the sample page should give articles"


def test_the_schema_rejects_what_to_dict_never_writes() -> None:
    data = _roundtrip(parse_page(sample_text()).to_dict())
    validator = _validator(page_schema())
    broken = json.loads(json.dumps(data))
    broken["articles"][0]["headline"] = 42
    assert not validator.is_valid(broken)
    broken = json.loads(json.dumps(data))
    broken["blocks"][0]["kind"] = "sidebar"
    assert not validator.is_valid(broken)
    broken = json.loads(json.dumps(data))
    broken["surprise"] = True
    assert not validator.is_valid(broken)


@pytest.mark.skipif(not CORPUS_PAGES, reason="the shared corpus (../shared/corpus) is absent")
@pytest.mark.parametrize("path", CORPUS_PAGES, ids=lambda p: p.name)
def test_corpus_pages_validate(path: Path) -> None:
    (result,) = parse_many([path], processes=1)
    assert isinstance(result, PageResult), result
    _validator(batch_line_schema()).validate(_roundtrip(result.to_dict()))


def test_batch_error_lines_validate(tmp_path: Path) -> None:
    (failure,) = parse_many([tmp_path / "missing.txt"], processes=1)
    assert isinstance(failure, PageFailure)
    schema = page_schema()
    error_schema = {"$schema": schema["$schema"], **schema["$defs"]["batch_error_line"]}
    _validator(error_schema).validate(failure.to_dict())


def test_batch_lines_on_disk_validate(tmp_path: Path) -> None:
    from newsparse.batch import run_batch

    (tmp_path / "a.txt").write_text(sample_text(), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run_batch(find_pages([tmp_path]), out, processes=1)
    validator = _validator(batch_line_schema())
    for line in out.read_text(encoding="utf-8").splitlines():
        validator.validate(json.loads(line))
