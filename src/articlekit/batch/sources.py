"""Where batch inputs come from: files, folders and globs; JSON Lines of pages; WARC archives.

Every reader is a generator of :class:`~articlekit.batch.BatchItem` objects that reads its
input as a stream, one record at a time, so an archive of any size is never loaded whole.
Records that are not pages (WARC requests, images, redirects...) are skipped and counted in the
``skipped`` counter the caller passes; a record that cannot be read becomes an item carrying its
error, so it is reported with its id like any other failure.
"""

from __future__ import annotations

import glob
import gzip
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from ..document import MAX_INPUT_BYTES
from ..errors import ArticlekitError
from .workers import BatchItem

__all__ = ["WARC_SUFFIXES", "MissingDependencyError", "count_files", "expand_paths", "item_from_record", "iter_items", "read_jsonl", "read_warc"]

#: File names read as WARC archives (compressed or not).
WARC_SUFFIXES = (".warc", ".warc.gz")
_JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_GLOB_CHARS = frozenset("*?[")


class MissingDependencyError(ArticlekitError, ImportError):
    """An optional dependency is needed for this input or output (the message says which extra)."""


def expand_paths(paths: Iterable[str | os.PathLike[str]], pattern: str = "*") -> Iterator[Path]:
    """Files named by ``paths``: a file as it is, a folder walked recursively for ``pattern``,
    a glob (``pages/**/*.html``) expanded, sorted."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob(pattern) if p.is_file())
        elif not path.exists() and _GLOB_CHARS & set(os.fspath(raw)):
            yield from sorted(Path(p) for p in glob.glob(os.fspath(raw), recursive=True) if Path(p).is_file())
        else:
            yield path


def _kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(_JSONL_SUFFIXES):
        return "jsonl"
    return "file"


def iter_items(
    paths: Iterable[str | os.PathLike[str]], pattern: str = "*", skipped: Counter[str] | None = None
) -> Iterator[BatchItem]:
    """The items of every input: pages from files, records from JSON Lines and WARC files."""
    for path in expand_paths(paths, pattern):
        kind = _kind(path)
        if kind == "warc":
            yield from read_warc(path, skipped)
        elif kind == "jsonl":
            yield from read_jsonl(path)
        else:
            yield BatchItem(path=str(path), key=str(path))


def count_files(paths: Iterable[str | os.PathLike[str]], pattern: str = "*") -> int | None:
    """How many items :func:`iter_items` will give, when every input is a plain page file (else ``None``)."""
    files = list(expand_paths(paths, pattern))
    return None if any(_kind(path) != "file" for path in files) else len(files)


def _open_text(path: Path) -> IO[str]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def read_jsonl(path: str | os.PathLike[str]) -> Iterator[BatchItem]:
    """Pages from a JSON Lines file, one object a line: ``{"url": ..., "html": ...}`` or ``{"url": ..., "text": ...}``.

    The key of each record is its ``id`` when it has one, else ``PATH:LINE``. An optional
    ``charset`` member is used as the charset hint.
    """
    file = Path(path)
    with _open_text(file) as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            key = f"{file}:{number}"
            try:
                record: Any = json.loads(line)
            except ValueError as exc:
                yield BatchItem(key=key, error=f"InputError: line {number} is not JSON: {exc}")
                continue
            if not isinstance(record, dict):
                yield BatchItem(key=key, error=f"InputError: line {number} is not a JSON object")
                continue
            yield item_from_record(record, key)


def item_from_record(record: Mapping[str, Any], key: str) -> BatchItem:
    """A page given as a mapping: ``html`` or ``text``, with optional ``url``, ``charset`` and ``id``
    (the key when present, else ``key``)."""
    if isinstance(record.get("id"), str) and record["id"]:
        key = record["id"]
    source = record.get("html", record.get("text"))
    url = record.get("url")
    if not isinstance(source, str | bytes) or not (url is None or isinstance(url, str)):
        return BatchItem(key=key, error='InputError: a record needs a string "html" or "text" (and "url" a string)')
    charset = record.get("charset")
    return BatchItem(source=source, url=url, key=key, charset=charset if isinstance(charset, str) else None)


def _charset(content_type: str) -> str | None:
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip(' "\''):
            return value.strip(' "\'')
    return None


def _cut_short(raw: Any) -> bool:
    """Whether a record's body ended before its declared length (the raw stream still owes bytes
    but has none)."""
    return bool(getattr(raw, "limit", 0)) and not raw.read(1 << 16)


def read_warc(path: str | os.PathLike[str], skipped: Counter[str] | None = None) -> Iterator[BatchItem]:
    """The HTML pages of a WARC or WARC.gz file, read as a stream (needs the ``warc`` extra: warcio).

    Each ``response`` record with a 2xx status and an HTML content type gives one item: the
    record's ``WARC-Record-ID`` as key, its ``WARC-Target-URI`` as URL, the charset of its HTTP
    ``Content-Type`` as charset hint, and the body with chunked transfer and gzip/deflate/brotli
    content encodings undone. Other records are skipped and counted in ``skipped``.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as exc:
        raise MissingDependencyError('reading WARC files needs warcio: pip install "articlekit[warc]"') from exc
    counts: Counter[str] = Counter() if skipped is None else skipped
    file = Path(path)
    position = 0
    with file.open("rb") as handle:
        records = ArchiveIterator(handle)
        while True:
            try:
                record = next(records)
            except StopIteration:
                return
            except Exception as exc:  # a damaged archive (ArchiveLoadFailed, bad gzip, cut headers) ends this file
                yield BatchItem(key=f"{file}@{position}", error=f"InputError: the archive cannot be read past record {position}: {exc}")
                return
            position += 1
            if record.rec_type != "response":
                counts[f"WARC {record.rec_type} record"] += 1
                continue
            http = record.http_headers
            if http is None or http.get_statuscode() is None:
                counts["response without HTTP headers"] += 1
                continue
            status = http.get_statuscode()
            if not status.startswith("2"):
                counts[f"HTTP status {status}"] += 1
                continue
            content_type = http.get_header("Content-Type") or ""
            mime = content_type.split(";")[0].strip().lower()
            if mime not in _HTML_TYPES:
                counts[f"content type {mime or 'missing'}"] += 1
                continue
            key = record.rec_headers.get_header("WARC-Record-ID") or f"{file}@{position}"
            url = record.rec_headers.get_header("WARC-Target-URI")
            try:
                data = record.content_stream().read(MAX_INPUT_BYTES + 1)
            except Exception as exc:  # a broken body (bad gzip, bad chunking) fails this record only
                yield BatchItem(key=key, url=url, error=f"InputError: the record's body cannot be decoded: {exc}")
                continue
            if len(data) <= MAX_INPUT_BYTES and _cut_short(record.raw_stream):
                yield BatchItem(key=key, url=url, error="InputError: the record is cut short (the archive ends inside it)")
                continue
            if len(data) > MAX_INPUT_BYTES:
                yield BatchItem(key=key, url=url, error=f"InputError: the record's body is over {MAX_INPUT_BYTES:,} bytes")
                continue
            yield BatchItem(source=data, url=url, key=key, charset=_charset(content_type))
