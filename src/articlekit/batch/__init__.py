"""Many documents at once: files, JSON Lines and WARC archives, in worker processes, streamed in order.

Each result is a :class:`BatchResult` holding either the :class:`~articlekit.Article` or the
error message for that one input, so one bad page never stops a run. Results come back in input
order while later inputs are still being parsed, and memory stays flat over long runs (each
worker parses one document at a time and keeps nothing between documents; archives are read as
streams).

    >>> from articlekit.batch import parse_many
    >>> results = list(parse_many([b"One\\n\\nBody one.", b"", b"Two\\n\\nBody two."], workers=1))
    >>> [r.article.title if r.ok else r.error for r in results]
    ['One', 'InputError: the document is empty', 'Two']

The parts: ``sources`` (inputs), ``workers`` (parsing), ``sinks`` (JSON Lines and Parquet
output), ``run`` (a whole resumable run, as ``articlekit batch`` does it) and
:mod:`articlekit.batch.dask` (the same work on a Dask cluster).
"""

from __future__ import annotations

from .run import BatchSummary, errors_path, run_batch
from .sinks import JsonLinesSink, ParquetSink, article_row, parquet_schema
from .sources import MissingDependencyError, expand_paths, iter_items, read_jsonl, read_warc
from .workers import DEFAULT_TIMEOUT, BatchItem, BatchResult, parse_many, parse_partition, result_record

__all__ = [
    "DEFAULT_TIMEOUT",
    "BatchItem",
    "BatchResult",
    "BatchSummary",
    "JsonLinesSink",
    "MissingDependencyError",
    "ParquetSink",
    "article_row",
    "errors_path",
    "expand_paths",
    "iter_items",
    "parquet_schema",
    "parse_many",
    "parse_partition",
    "read_jsonl",
    "read_warc",
    "result_record",
    "run_batch",
]
