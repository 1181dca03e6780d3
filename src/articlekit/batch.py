"""Many documents at once: files or in-memory sources, in worker processes, streamed in order.

Each result is a :class:`BatchResult` holding either the :class:`~articlekit.Article` or the
error message for that one input, so one bad page never stops a run. Results come back in input
order while later inputs are still being parsed, and memory stays flat over long runs (each
worker parses one document at a time and keeps nothing between documents).

    >>> from articlekit.batch import parse_many
    >>> results = list(parse_many([b"One\\n\\nBody one.", b"", b"Two\\n\\nBody two."], workers=1))
    >>> [r.article.title if r.ok else r.error for r in results]
    ['One', 'InputError: the document is empty', 'Two']
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

import attrs

from .api import parse, parse_file
from .errors import ArticlekitError
from .models import Article

__all__ = ["BatchItem", "BatchResult", "expand_paths", "parse_many"]


@attrs.frozen
class BatchItem:
    """One input of a batch: a path, or in-memory source with an optional URL."""

    source: str | bytes | None = None
    path: str | None = None
    url: str | None = None
    #: A label for the result (defaults to the path, or the position in the batch).
    key: str | None = None


@attrs.frozen
class BatchResult:
    """The outcome of one input."""

    key: str
    article: Article | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.article is not None


def _as_item(index: int, value: BatchItem | str | bytes | os.PathLike[str]) -> BatchItem:
    if isinstance(value, BatchItem):
        return value if value.key else attrs.evolve(value, key=value.path or str(index))
    if isinstance(value, bytes):
        return BatchItem(source=value, key=str(index))
    path = os.fspath(value)
    return BatchItem(path=path, key=path)


def _run(item: BatchItem, parser: str | None, enrich: bool) -> BatchResult:
    key = item.key or ""
    try:
        if item.path is not None:
            article = parse_file(item.path, url=item.url, parser=parser, enrich=enrich)
        elif item.source is not None:
            article = parse(item.source, url=item.url, parser=parser, enrich=enrich)
        else:
            return BatchResult(key=key, error="InputError: a batch item needs a path or a source")
    except ArticlekitError as exc:
        return BatchResult(key=key, error=f"{type(exc).__name__}: {exc}")
    except Exception as exc:  # a bug must not end the whole batch; report it with its input
        return BatchResult(key=key, error=f"internal error {type(exc).__name__}: {exc}")
    return BatchResult(key=key, article=article)


def parse_many(
    items: Iterable[BatchItem | str | bytes | os.PathLike[str]],
    *,
    workers: int | None = None,
    parser: str | None = None,
    enrich: bool = True,
    window: int | None = None,
) -> Iterator[BatchResult]:
    """Parse many inputs; yield one :class:`BatchResult` per input, in input order.

    :param items: paths (``str``/``PathLike``), raw ``bytes``, or :class:`BatchItem` objects.
    :param workers: worker processes; ``1`` parses in this process; default: CPU count.
    :param window: how many inputs may be in flight at once (default ``4 * workers``), which
        bounds memory however long the input iterable is.
    """
    workers = max(1, workers or os.cpu_count() or 1)
    if workers == 1:
        for index, value in enumerate(items):
            yield _run(_as_item(index, value), parser, enrich)
        return
    window = max(1, window or 4 * workers)
    pending: deque[Future[BatchResult]] = deque()
    with ProcessPoolExecutor(max_workers=workers) as executor:
        for index, value in enumerate(items):
            pending.append(executor.submit(_run, _as_item(index, value), parser, enrich))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def expand_paths(paths: Iterable[str | os.PathLike[str]], pattern: str = "*") -> Iterator[Path]:
    """Files named by ``paths``: a file as it is, a folder walked recursively for ``pattern``."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob(pattern) if p.is_file())
        else:
            yield path
