r"""Parsing corpora beyond one machine with Dask (the optional ``newsparse[dask]`` extra).

[`parse_bag()`][newsparse.distributed.parse_bag] builds a ``dask.bag.Bag`` with one element per page
path: a [`PageResult`][newsparse.batch.PageResult] or a
[`PageFailure`][newsparse.batch.PageFailure], exactly what
[`newsparse.parse_many()`][newsparse.parse_many]
gives locally, so a bad page is a value in the bag, never a failed task.
The paths are read by the workers, so they must be visible there (a shared
file system). Dask is imported only when the function is called; the rest
of newsparse does not need it.

>>> import pytest; _ = pytest.importorskip("dask.bag")  # the examples need the extra
>>> import tempfile
>>> from pathlib import Path
>>> tmp = Path(tempfile.mkdtemp())
>>> _ = (tmp / "a.txt").write_text("标题\n\n本报讯 今年以来。", encoding="utf-8")
>>> bag = parse_bag([tmp / "a.txt", tmp / "missing.txt"], npartitions=1)
>>> [r.ok for r in bag.compute(scheduler="sync")]
[True, False]
>>> records = parse_bag([tmp / "a.txt"]).filter(lambda r: r.ok).map(lambda r: r.to_dict())
>>> [rec["page"]["articles"][0]["headline"] for rec in records.compute(scheduler="sync")]
['标题']
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from newsparse.batch import parse_many
from newsparse.page import MAX_CHARS

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from newsparse.batch import PageFailure, PageResult

__all__ = ["parse_bag", "parse_partition"]

_DEFAULT_PARTITION = 64
"""Pages per partition when ``npartitions`` is not given."""


def parse_partition(
    paths: Iterable[str], date: dt.date | None = None, max_chars: int | None = MAX_CHARS
) -> list[PageResult | PageFailure]:
    """Parse one partition of page paths in the calling process, in order.

    This is the function [`parse_bag()`][newsparse.distributed.parse_bag] maps over partitions; it
    is also
    what a Spark ``mapPartitions`` job calls (see the *Scaling out* page of the documentation).

    ``max_chars`` is the size limit of each page (``None``: no limit).

    >>> parse_partition(["missing.txt"])[0].kind.value
    'read'
    """
    return list(parse_many(list(paths), processes=1, date=date, max_chars=max_chars))


def parse_bag(
    paths: Iterable[str | os.PathLike[str]],
    *,
    date: dt.date | None = None,
    npartitions: int | None = None,
    max_chars: int | None = MAX_CHARS,
) -> Any:  # noqa: ANN401 - a dask.bag.Bag; dask is optional and untyped
    """Build a ``dask.bag.Bag`` of the pages at ``paths``, parsed by the Dask workers.

    Each element is a [`PageResult`][newsparse.batch.PageResult] or
    [`PageFailure`][newsparse.batch.PageFailure], in the order of ``paths``
    (a PDF gives one element per PDF page, as in ``parse_many``).
    ``npartitions`` defaults to one partition per 64 pages; a page longer
    than ``max_chars`` characters is a ``too_large`` failure (``None``: no
    limit). Use [`newsparse.find_pages()`][newsparse.find_pages] first to
    expand folders and globs.

    Requires the ``dask`` extra (``pip install "newsparse[dask]"``).

    >>> import pytest; _ = pytest.importorskip("dask.bag")
    >>> parse_bag(["a.txt", "b.txt"], npartitions=5).npartitions
    2
    """
    try:
        import dask.bag as db  # noqa: PLC0415 - optional extra, imported on use
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError('parse_bag needs Dask: pip install "newsparse[dask]"') from None
    keys = [os.fspath(p) for p in paths]
    parts = npartitions or max(1, -(-len(keys) // _DEFAULT_PARTITION))
    parts = max(1, min(parts, len(keys) or 1))
    bag = db.from_sequence(keys, npartitions=parts)  # type: ignore[no-untyped-call]
    return bag.map_partitions(parse_partition, date=date, max_chars=max_chars)
