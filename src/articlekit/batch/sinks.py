"""Where batch results go: JSON Lines or Parquet, written so that a killed run can be resumed.

A sink knows the keys it already holds (:attr:`done`), so a rerun with the same output skips
them; it appends, never rewrites. JSON Lines files are flushed every few records; a line cut
short by a kill is dropped when the file is reopened, and its record is parsed again. Parquet
output is a folder of part files, each written under a temporary name and renamed when complete,
so a kill loses only the rows not yet in a part, and they are parsed again on the rerun.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import types
import typing
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol, Union

import attrs

from ..errors import InputError
from ..models import Article, LinkKind
from .sources import MissingDependencyError

if TYPE_CHECKING:
    import pyarrow

__all__ = ["JsonLinesSink", "ParquetSink", "Sink", "article_row", "parquet_schema"]

_FLUSH_EVERY = 50


class Sink(Protocol):
    """What :func:`~articlekit.batch.run_batch` writes results to."""

    #: Keys already written (by an earlier run, or this one).
    done: set[str]

    def write(self, record: dict[str, Any]) -> None:
        """Write one :func:`~articlekit.batch.result_record`."""

    def close(self) -> None:
        """Write what is buffered and close."""


class JsonLinesSink:
    """One JSON object a line (see :func:`~articlekit.batch.result_record`), appended to ``path``.

    ``path=None`` writes to ``stream`` instead (standard output), without resuming.
    """

    def __init__(self, path: str | os.PathLike[str] | None, stream: IO[str] | None = None) -> None:
        self.done: set[str] = set()
        self._since_flush = 0
        if path is None:
            if stream is None:
                raise ValueError("JsonLinesSink needs a path or a stream")
            self._handle, self._owned = stream, False
            return
        file = Path(path)
        if file.exists():
            self._recover(file)
        self._handle, self._owned = file.open("a", encoding="utf-8"), True

    def _recover(self, file: Path) -> None:
        """Read the keys written so far; cut off a last line a kill left unfinished."""
        good = 0
        with file.open("rb") as handle:
            for line in handle:
                if not line.endswith(b"\n"):
                    break
                try:
                    record = json.loads(line)
                except ValueError:
                    break
                if isinstance(record, dict) and isinstance(record.get("key"), str):
                    self.done.add(record["key"])
                good += len(line)
        if good != file.stat().st_size:
            with file.open("r+b") as handle:
                handle.truncate(good)

    def write(self, record: dict[str, Any]) -> None:
        self._handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.done.add(record["key"])
        self._since_flush += 1
        if self._since_flush >= _FLUSH_EVERY:
            self._handle.flush()
            self._since_flush = 0

    def close(self) -> None:
        self._handle.flush()
        if self._owned:
            self._handle.close()


def _arrow_type(tp: Any) -> pyarrow.DataType:
    import pyarrow as pa

    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        members = [a for a in typing.get_args(tp) if a is not type(None)]
        if set(members) == {dt.datetime, dt.date}:
            return pa.string()  # ISO 8601, exactly as in the JSON output
        (member,) = members
        return _arrow_type(member)
    if origin is tuple:
        return pa.list_(_arrow_type(typing.get_args(tp)[0]))
    if tp is str or tp is LinkKind:
        return pa.string()
    if tp is int:
        return pa.int64()
    if attrs.has(tp):
        hints = typing.get_type_hints(tp)
        return pa.struct([pa.field(f.name, _arrow_type(hints[f.name])) for f in attrs.fields(tp)])
    raise TypeError(f"no Arrow type for {tp!r}")  # pragma: no cover - guarded by the schema test


def _require_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise MissingDependencyError('Parquet output needs pyarrow: pip install "articlekit[parquet]"') from exc


def parquet_schema() -> pyarrow.Schema:
    """The Arrow schema of Parquet rows: ``key``, ``schema_version``, the article's fields, ``text``.

    Generated from the models, like the JSON Schema: nested quotes and links are lists of
    structs, dates are ISO 8601 strings as in the JSON output.
    """
    _require_pyarrow()
    import pyarrow as pa

    article: Any = _arrow_type(Article)
    fields = [pa.field("key", pa.string(), nullable=False), pa.field("schema_version", pa.int64(), nullable=False)]
    fields += [article.field(i) for i in range(article.num_fields)]
    return pa.schema(fields)


def article_row(record: dict[str, Any]) -> dict[str, Any]:
    """One Parquet row from a :func:`~articlekit.batch.result_record`: the key and the article's fields."""
    if "article" not in record:
        raise ValueError(f"{record['key']} has no article: {record.get('error')}")
    return {"key": record["key"], **record["article"]}


class ParquetSink:
    """Articles as rows of Parquet part files (``part-00000.parquet``, ...) in the folder ``path``."""

    def __init__(self, path: str | os.PathLike[str], rows_per_part: int = 1000) -> None:
        _require_pyarrow()
        import pyarrow.parquet as pq

        self.folder = Path(path)
        if self.folder.exists() and not self.folder.is_dir():
            raise InputError(f"{self.folder} is a file; Parquet output is a folder of part files")
        self.folder.mkdir(parents=True, exist_ok=True)
        self.rows_per_part = max(1, rows_per_part)
        self.done: set[str] = set()
        self._rows: list[dict[str, Any]] = []
        self._schema = parquet_schema()
        for stale in self.folder.glob("*.parquet.tmp"):
            stale.unlink()
        parts = sorted(self.folder.glob("part-*.parquet"))
        for part in parts:
            self.done.update(pq.read_table(part, columns=["key"]).column("key").to_pylist())
        self._next = 1 + max((int(p.stem.split("-")[1]) for p in parts), default=-1)

    def write(self, record: dict[str, Any]) -> None:
        self._rows.append(article_row(record))
        self.done.add(record["key"])
        if len(self._rows) >= self.rows_per_part:
            self._flush()

    def _flush(self) -> None:
        if not self._rows:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(self._rows, schema=self._schema)
        final = self.folder / f"part-{self._next:05d}.parquet"
        temporary = final.with_name(final.name + ".tmp")
        pq.write_table(table, temporary)
        os.replace(temporary, final)
        self._next += 1
        self._rows = []

    def close(self) -> None:
        self._flush()
