"""A whole batch run, as ``articlekit batch`` does it: inputs in, sinks out, resumable, with progress."""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

import attrs

from ..errors import InputError
from .progress import Progress
from .sinks import JsonLinesSink, ParquetSink, Sink
from .sources import count_files, expand_paths, iter_items
from .workers import DEFAULT_TIMEOUT, BatchItem, parse_partition

__all__ = ["BatchSummary", "errors_path", "run_batch"]

FORMATS = ("jsonl", "parquet")


@attrs.define
class BatchSummary:
    """What a run did."""

    #: Inputs parsed into articles by this run.
    parsed: int = 0
    #: Inputs that gave an error in this run.
    failed: int = 0
    #: Inputs skipped as already done: by an earlier run with the same output, or met before in this run.
    resumed: int = 0
    #: Archive records skipped because they are not pages, by reason.
    skipped: Counter[str] = attrs.Factory(Counter)

    def describe(self) -> str:
        """One line for the end of a run."""
        text = f"{self.parsed} parsed, {self.failed} failed"
        if self.resumed:
            text += f", {self.resumed} already done"
        if self.skipped:
            text += f", {sum(self.skipped.values())} records skipped (" + ", ".join(f"{n} {why}" for why, n in self.skipped.most_common()) + ")"
        return text


def errors_path(output: str | os.PathLike[str]) -> Path:
    """Where the errors of a run writing to ``output`` go by default: ``NAME.errors.jsonl`` beside it."""
    path = Path(output)
    stem = path.name
    for suffix in (".jsonl", ".parquet", ".ndjson", ".json"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    return path.with_name(stem + ".errors.jsonl")


def run_batch(
    inputs: Sequence[str | os.PathLike[str]],
    output: str | os.PathLike[str] | None = None,
    *,
    output_format: str | None = None,
    errors: str | os.PathLike[str] | None = None,
    pattern: str = "*",
    workers: int | None = None,
    parser: str | None = None,
    enrich: bool = True,
    timeout: float | None = DEFAULT_TIMEOUT,
    rows_per_part: int = 1000,
    stdout: TextIO | None = None,
    progress: bool | None = None,
    progress_stream: TextIO | None = None,
) -> BatchSummary:
    """Parse every page of ``inputs`` into ``output``; rerunning with the same output resumes.

    :param inputs: files, folders (walked for ``pattern``), globs, JSON Lines (``.jsonl``) and
        WARC (``.warc``, ``.warc.gz``) files.
    :param output: a JSON Lines file, or a folder of Parquet part files (``output_format``
        ``"parquet"``, the default when the name ends in ``.parquet``); ``None`` writes JSON
        Lines, errors included, to ``stdout``.
    :param errors: the JSON Lines file for errors (``{"key", "error"}``); default
        :func:`errors_path` of ``output``.
    :param progress: show a progress line on ``progress_stream`` (standard error); default: only
        when it is a terminal.
    :raises InputError: an input file does not exist.
    """
    files = list(expand_paths(inputs, pattern))
    missing = [str(f) for f in files if not f.exists()]
    if missing:
        raise InputError(f"no such file: {missing[0]}")
    fmt = output_format or ("parquet" if output is not None and str(output).lower().endswith(".parquet") else "jsonl")
    if fmt not in FORMATS:
        raise InputError(f"unknown output format {fmt!r}; choose from {', '.join(FORMATS)}")
    if fmt == "parquet" and output is None:
        raise InputError("Parquet output needs an output folder")
    sink: Sink
    if fmt == "parquet" and output is not None:
        sink = ParquetSink(output, rows_per_part)
    else:
        sink = JsonLinesSink(output, stdout or sys.stdout)
    if errors is None and output is None:
        error_sink: Sink = sink
    else:
        error_sink = JsonLinesSink(errors if errors is not None else errors_path(output or ""))
    summary = BatchSummary()
    done = sink.done | error_sink.done
    meter = Progress(progress_stream or sys.stderr, count_files(files), enabled=progress)

    def pending() -> Iterator[BatchItem]:
        for item in iter_items(files, pattern, summary.skipped):  # read here, parsed in the workers
            if item.key in done:
                summary.resumed += 1
                meter.resumed += 1
                continue
            done.add(item.key or "")  # a key met twice in the inputs is written once
            yield item

    try:
        records = parse_partition(pending(), workers=workers, parser=parser, enrich=enrich, timeout=timeout)
        for record in records:
            ok = "article" in record
            if ok:
                sink.write(record)
                summary.parsed += 1
            else:
                error_sink.write(record)
                summary.failed += 1
            meter.update(ok=ok)
    finally:
        sink.close()
        if error_sink is not sink:
            error_sink.close()
        meter.close()
    return summary
