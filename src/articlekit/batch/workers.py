"""Parsing many inputs in worker processes: order kept, one error per bad input, a time bound per document."""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import FrameType
from typing import Any, TypeVar

import attrs

from ..api import parse, parse_file
from ..errors import ArticlekitError
from ..models import Article
from ..serialize import to_dict

__all__ = ["DEFAULT_TIMEOUT", "BatchItem", "BatchResult", "parse_many", "parse_partition", "result_record"]

#: Seconds one document may take before it is given up as an error (``None`` or ``0``: no bound).
DEFAULT_TIMEOUT = 60.0

T = TypeVar("T")


@attrs.frozen
class BatchItem:
    """One input of a batch: a path, or in-memory source with an optional URL."""

    source: str | bytes | None = None
    path: str | None = None
    url: str | None = None
    #: A label for the result (defaults to the path, or the position in the batch).
    key: str | None = None
    #: The charset an HTTP ``Content-Type`` header declared, if any.
    charset: str | None = None
    #: Why the input could not be read (e.g. a broken record in an archive): its result is this error.
    error: str | None = None


@attrs.frozen
class BatchResult:
    """The outcome of one input."""

    key: str
    article: Article | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.article is not None


class _Expired(BaseException):
    """Raised by the alarm inside a parse that ran out of time (a BaseException, so no parser swallows it)."""


def _expire(_signum: int, _frame: FrameType | None) -> None:
    raise _Expired


@contextlib.contextmanager
def _time_bound(seconds: float | None) -> Iterator[None]:
    """Interrupt the body after ``seconds`` (an interval timer; only in a process's main thread)."""
    if not seconds or seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _as_item(index: int, value: BatchItem | str | bytes | os.PathLike[str]) -> BatchItem:
    if isinstance(value, BatchItem):
        return value if value.key else attrs.evolve(value, key=value.path or str(index))
    if isinstance(value, bytes):
        return BatchItem(source=value, key=str(index))
    path = os.fspath(value)
    return BatchItem(path=path, key=path)


def _run(item: BatchItem, parser: str | None, enrich: bool, timeout: float | None = None) -> BatchResult:
    key = item.key or ""
    if item.error is not None:
        return BatchResult(key=key, error=item.error)
    try:
        with _time_bound(timeout):
            if item.path is not None:
                article = parse_file(item.path, url=item.url, parser=parser, charset=item.charset, enrich=enrich)
            elif item.source is not None:
                article = parse(item.source, url=item.url, parser=parser, charset=item.charset, enrich=enrich)
            else:
                return BatchResult(key=key, error="InputError: a batch item needs a path or a source")
    except _Expired:
        return BatchResult(key=key, error=f"TimeoutError: parsing took longer than {timeout:g} s and was stopped")
    except ArticlekitError as exc:
        return BatchResult(key=key, error=f"{type(exc).__name__}: {exc}")
    except Exception as exc:  # a bug must not end the whole batch; report it with its input
        return BatchResult(key=key, error=f"internal error {type(exc).__name__}: {exc}")
    return BatchResult(key=key, article=article)


def _hard_limit(timeout: float | None) -> float | None:
    """When a worker stuck past its time bound is ended: the bound, twice, plus five seconds."""
    return 2 * timeout + 5 if timeout and timeout > 0 else None


class _Watchdog:
    """A thread that ends this process when a deadline passes (armed and disarmed around each parse).

    Its own small thread rather than :func:`faulthandler.dump_traceback_later`, whose state a
    forked worker inherits from a parent that uses it (pytest does) and then waits on forever.
    """

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._deadline: float | None = None
        self._owner = 0

    def arm(self, seconds: float) -> None:
        with self._condition:
            if self._owner != os.getpid():  # first use in this process
                self._owner = os.getpid()
                threading.Thread(target=self._watch, name="articlekit-watchdog", daemon=True).start()
            self._deadline = time.monotonic() + seconds
            self._condition.notify()

    def disarm(self) -> None:
        with self._condition:
            self._deadline = None

    def _watch(self) -> None:
        with self._condition:
            while True:
                if self._deadline is None:
                    self._condition.wait()
                    continue
                left = self._deadline - time.monotonic()
                if left <= 0:
                    os._exit(70)  # the parent sees a broken pool and isolates this input
                self._condition.wait(left)


_watchdog = _Watchdog()


def _guarded(function: Callable[[BatchItem], T], hard_limit: float | None, item: BatchItem) -> T:
    """Run ``function`` in a worker process under the watchdog: when the interval timer cannot
    interrupt a parse (stuck inside C code, or with the alarm blocked), the worker is ended after
    ``hard_limit`` seconds, and the parent replaces it."""
    if not hard_limit:
        return function(item)
    _watchdog.arm(hard_limit)
    try:
        return function(item)
    finally:
        _watchdog.disarm()


class _Pool:
    """A process pool that can be replaced when one of its workers dies."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.executor = ProcessPoolExecutor(max_workers=workers)

    def restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = ProcessPoolExecutor(max_workers=self.workers)


def _ordered(
    function: Callable[[BatchItem], T],
    items: Iterable[BatchItem | str | bytes | os.PathLike[str]],
    workers: int | None,
    window: int | None,
    *,
    timeout: float | None,
    on_died: Callable[[BatchItem, str], T],
) -> Iterator[T]:
    """``function`` over the items, in ``workers`` processes, yielded in input order.

    A worker that dies (ended by the watchdog, or crashed) breaks the pool: the items that were in
    flight are then run again one at a time in a new pool, so the one that kills its worker again
    is found, and gets ``on_died`` as its result; the others are parsed as usual.
    """
    workers = max(1, workers or os.cpu_count() or 1)
    if workers == 1:
        for index, value in enumerate(items):
            yield function(_as_item(index, value))
        return
    window = max(1, window or 4 * workers)
    hard_limit = _hard_limit(timeout)
    died = "WorkerError: the worker process parsing this document ended" + (
        f" (it crashed, or was stopped after {hard_limit:g} s because the time bound could not interrupt the parse)"
        if hard_limit
        else " (it crashed)"
    )
    pool = _Pool(workers)
    pending: deque[tuple[BatchItem, Future[T]]] = deque()

    def oldest() -> list[T]:
        item, future = pending.popleft()
        try:
            return [future.result()]
        except BrokenProcessPool:
            pass
        suspects = [item, *(i for i, _ in pending)]
        pending.clear()
        pool.restart()
        results: list[T] = []
        for suspect in suspects:
            try:
                retry: Future[T] = pool.executor.submit(_guarded, function, hard_limit, suspect)
                results.append(retry.result())
            except BrokenProcessPool:
                results.append(on_died(suspect, died))
                pool.restart()
        return results

    try:
        for index, value in enumerate(items):
            item = _as_item(index, value)
            try:
                future: Future[T] = pool.executor.submit(_guarded, function, hard_limit, item)
            except BrokenProcessPool as exc:  # a worker died since the last result: sorted out in oldest()
                future = Future()
                future.set_exception(exc)
            pending.append((item, future))
            if len(pending) >= window:
                yield from oldest()
        while pending:
            yield from oldest()
    finally:
        pool.executor.shutdown(wait=True, cancel_futures=True)


def parse_many(
    items: Iterable[BatchItem | str | bytes | os.PathLike[str]],
    *,
    workers: int | None = None,
    parser: str | None = None,
    enrich: bool = True,
    window: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Iterator[BatchResult]:
    """Parse many inputs; yield one :class:`BatchResult` per input, in input order.

    :param items: paths (``str``/``PathLike``), raw ``bytes``, or :class:`BatchItem` objects.
    :param workers: worker processes; ``1`` parses in this process; default: CPU count.
    :param window: how many inputs may be in flight at once (default ``4 * workers``), which
        bounds memory however long the input iterable is.
    :param timeout: seconds one document may take (default ``DEFAULT_TIMEOUT``, 60); a document
        that takes longer is stopped and gets a ``TimeoutError`` result. The bound is an interval
        timer in the process that parses, so it holds in worker processes and, with ``workers=1``,
        when called from the main thread; ``None`` or ``0`` turns it off. In worker processes a
        watchdog also ends a worker that the timer cannot interrupt (a parse stuck in C code)
        after twice the bound plus five seconds; that input gets a ``WorkerError`` result, as
        does one whose worker crashed, and the run goes on with a new worker.
    """
    function = functools.partial(_run, parser=parser, enrich=enrich, timeout=timeout)
    return _ordered(function, items, workers, window, timeout=timeout, on_died=_died_result)


def _died_result(item: BatchItem, message: str) -> BatchResult:
    return BatchResult(key=item.key or "", error=message)


def _died_record(item: BatchItem, message: str) -> dict[str, Any]:
    return result_record(_died_result(item, message))


def result_record(result: BatchResult) -> dict[str, Any]:
    """A result as one JSON Lines object: ``{"key", "article"}`` or ``{"key", "error"}``."""
    if result.article is not None:
        return {"key": result.key, "article": to_dict(result.article)}
    return {"key": result.key, "error": result.error}


def _run_record(item: BatchItem, parser: str | None, enrich: bool, timeout: float | None) -> dict[str, Any]:
    return result_record(_run(item, parser, enrich, timeout))


def parse_partition(
    items: Iterable[BatchItem | str | bytes | os.PathLike[str]],
    *,
    parser: str | None = None,
    enrich: bool = True,
    timeout: float | None = DEFAULT_TIMEOUT,
    workers: int | None = 1,
    window: int | None = None,
) -> Iterator[dict[str, Any]]:
    """Parse inputs into :func:`result_record` objects, in input order (by default in this process).

    The building block of ``articlekit batch``, the Dask integration and the Spark recipe: give
    it the items of one partition (e.g. :func:`~articlekit.batch.read_warc` of a path) and it
    yields the records ``articlekit batch`` writes, in the same order. With ``workers`` > 1 the
    records are built (serialised) in the worker processes, as :func:`parse_many` parses. The time
    bound applies when the parse runs in a process's main thread (worker processes and Spark's
    Python workers do; Dask's threads do not).
    """
    function = functools.partial(_run_record, parser=parser, enrich=enrich, timeout=timeout)
    return _ordered(function, items, workers, window, timeout=timeout, on_died=_died_record)
