"""The batch on a Dask cluster: WARC (or any batch input) paths, or a bag of records, in; articles out.

Needs the ``dask`` extra (``dask[bag,dataframe]`` and ``distributed``). Each partition is parsed
by :func:`~articlekit.batch.parse_partition` in a Dask worker, which loads plugins through the
normal entry points, as any ``articlekit.parse`` call does; the records are those
``articlekit batch`` writes, in the same order, so the results equal a single-process run.

The per-document time bound (``timeout``) is an interval timer
that works only in a process's main thread; Dask runs tasks in threads, so on Dask rely on the
scheduler's own limits (or run the workers with one thread and the ``--lifetime`` options).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, cast

from .sinks import article_row, parquet_schema
from .sources import MissingDependencyError, item_from_record, iter_items
from .workers import DEFAULT_TIMEOUT, BatchItem, parse_partition

if TYPE_CHECKING:
    from dask.bag.core import Bag

#: A Dask DataFrame: its class lives in ``dask_expr`` or ``dask.dataframe`` by the Dask release,
#: which the type checker cannot follow across the releases articlekit supports.
DaskDataFrame = Any

__all__ = ["articles_bag", "articles_dataframe"]


def _parse_paths(
    paths: Iterable[str], parser: str | None, enrich: bool, timeout: float | None
) -> list[dict[str, Any]]:
    items = (item for path in paths for item in iter_items([path]))
    return list(parse_partition(items, parser=parser, enrich=enrich, timeout=timeout))


def _parse_records(
    records: Iterable[Any], parser: str | None, enrich: bool, timeout: float | None
) -> list[dict[str, Any]]:
    items = (r if isinstance(r, BatchItem) else item_from_record(r, str(i)) for i, r in enumerate(records))
    return list(parse_partition(items, parser=parser, enrich=enrich, timeout=timeout))


def _bag_module() -> Any:
    try:
        import dask.bag
    except ImportError as exc:
        raise MissingDependencyError('the Dask integration needs dask: pip install "articlekit[dask]"') from exc
    return dask.bag


def articles_bag(
    source: Sequence[str | os.PathLike[str]] | Bag,
    *,
    parser: str | None = None,
    enrich: bool = True,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Bag:
    """A Dask bag of result records (``{"key", "article"}`` or ``{"key", "error"}``), lazily.

    :param source: paths of WARC files (or any input ``articlekit batch`` reads), one partition
        per path; or a bag of records, mappings with ``html`` or ``text`` and optional ``url``
        and ``id`` (or :class:`~articlekit.batch.BatchItem` objects), parsed partition by partition.
    """
    bag = _bag_module()
    options = {"parser": parser, "enrich": enrich, "timeout": timeout}
    if isinstance(source, bag.Bag):
        return cast("Bag", source.map_partitions(_parse_records, **options))
    paths = [os.fspath(p) for p in source]
    return cast("Bag", bag.from_sequence(paths, npartitions=max(1, len(paths))).map_partitions(_parse_paths, **options))


def _has_article(record: dict[str, Any]) -> bool:
    return "article" in record


def articles_dataframe(
    source: Sequence[str | os.PathLike[str]] | Bag,
    *,
    parser: str | None = None,
    enrich: bool = True,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> DaskDataFrame:
    """The articles of :func:`articles_bag` as a Dask DataFrame, one row per article.

    Its columns are those of :func:`~articlekit.batch.parquet_schema` (errors are left out: take
    them from :func:`articles_bag`), so ``.to_parquet()`` writes the same rows as
    ``articlekit batch -o out.parquet``.
    """
    meta = parquet_schema().empty_table().to_pandas()
    bag: Any = articles_bag(source, parser=parser, enrich=enrich, timeout=timeout)
    return cast("DaskDataFrame", bag.filter(_has_article).map(article_row).to_dataframe(meta=meta))
