"""Batch at scale: WARC and JSON Lines inputs, Parquet output, resuming, the time bound, progress, Dask."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest

import articlekit
import articlekit.plugins
from articlekit import Article, Document
from articlekit.batch import (
    BatchItem,
    MissingDependencyError,
    article_row,
    parquet_schema,
    parse_many,
    parse_partition,
    read_jsonl,
    read_warc,
    run_batch,
)
from articlekit.batch import run as batch_run
from articlekit.batch.progress import Progress
from articlekit.cli import main
from articlekit.parsers import Parser, TextParser

warcio = pytest.importorskip("warcio", reason="the warc extra (warcio) is not installed")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
STREETS = ("Mill Street", "Harbour Road", "Orchard Lane", "Station Square", "Linden Avenue")


def page(i: int, title: str | None = None) -> str:
    """A small news page of our own writing, different for each ``i``."""
    street = STREETS[i % len(STREETS)]
    title = title or f"Bakery number {i} opens on {street}"
    return textwrap.dedent(f"""\
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>{title} | Valley Post</title>
        <meta property="og:site_name" content="Valley Post"></head>
        <body><nav><a href="/">Home</a> <a href="/local">Local</a></nav>
        <article><h1>{title}</h1><p class="byline">By Mara Quint</p>
        <p>The bakery on {street} opened its doors on Saturday morning, and by nine the queue reached the corner
        of the block, neighbours said. It is shop number {i} on the street to open this year.</p>
        <p>"We baked twice as much as we thought we would need, and it was gone by noon," said Ole Brandt, who runs it
        with his sister.</p>
        <p>The council granted the licence in <a href="https://valleypost.example/local/licences">March</a> after a
        long wait over parking.</p></article>
        <footer>Copyright Valley Post</footer></body></html>
        """)


def http_response(writer: WARCWriter, url: str, body: bytes, headers: list[tuple[str, str]], status: str = "200 OK") -> None:
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))


def chunked(data: bytes, size: int = 100) -> bytes:
    pieces = [data[i : i + size] for i in range(0, len(data), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces) + b"0\r\n\r\n"


def build_warc(path: Path, count: int, *, compress: bool = True) -> None:
    """``count`` HTML pages as plain responses, plus records that are not pages."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=compress)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "articlekit tests"}))
        for i in range(count):
            url = f"https://valleypost.example/local/{i}"
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            http_response(writer, url, page(i).encode(), [("Content-Type", "text/html; charset=utf-8")])
            if i % 3 == 0:
                http_response(writer, url + ".png", b"\x89PNG\r\n", [("Content-Type", "image/png")])


# --------------------------------------------------------------------------- WARC input


def test_warc_records_with_encodings_charsets_and_skips(tmp_path: Path) -> None:
    latin = page(1, title="Café reopens on Mill Street").encode("utf-8").replace(b'<meta charset="utf-8">', b"")
    latin = latin.decode("utf-8").encode("latin-1")
    html = page(2).encode()
    archive = tmp_path / "mixed.warc.gz"
    with archive.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        http_response(writer, "https://valleypost.example/a", latin, [("Content-Type", 'text/html; charset="ISO-8859-1"')])
        http_response(
            writer,
            "https://valleypost.example/b",
            chunked(gzip.compress(html)),
            [("Content-Type", "application/xhtml+xml"), ("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")],
        )
        http_response(writer, "https://valleypost.example/gone", b"<p>gone</p>", [("Content-Type", "text/html")], "404 Not Found")
        http_response(writer, "https://valleypost.example/style.css", b"p{}", [("Content-Type", "text/css")])
        writer.write_record(writer.create_warc_record("https://valleypost.example/a", "request", payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n")))
    skipped: Counter[str] = Counter()
    items = list(read_warc(archive, skipped))
    assert [item.url for item in items] == ["https://valleypost.example/a", "https://valleypost.example/b"]
    assert items[0].charset == "ISO-8859-1"
    assert items[1].source == html  # chunks joined, gzip undone
    assert all(item.key and item.key.startswith("<urn:uuid:") for item in items)
    assert skipped == Counter({"HTTP status 404": 1, "content type text/css": 1, "WARC request record": 1})
    titles = [r.article.title for r in parse_many(items, workers=1) if r.article]
    assert titles == ["Café reopens on Mill Street", "Bakery number 2 opens on Orchard Lane"]


def test_warc_uncompressed_and_streamed_one_record_at_a_time(tmp_path: Path) -> None:
    archive = tmp_path / "plain.warc"
    build_warc(archive, 5, compress=False)
    items = read_warc(archive)
    first = next(items)  # a generator: the archive is read as it is consumed
    assert first.url == "https://valleypost.example/local/0"
    assert len(list(items)) == 4


def test_broken_record_body_and_truncated_archive_become_errors(tmp_path: Path) -> None:
    archive = tmp_path / "broken.warc.gz"
    with archive.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        http_response(writer, "https://valleypost.example/bad", b"not gzip at all", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")])
        http_response(writer, "https://valleypost.example/good", page(3).encode(), [("Content-Type", "text/html")])
    results = list(parse_many(read_warc(archive), workers=1))
    assert [r.ok for r in results][-1]
    assert all(r.ok or (r.error or "").startswith("InputError") for r in results)
    data = archive.read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) - 40])
    cut = list(read_warc(tmp_path / "cut.warc.gz"))
    assert cut[-1].error == "InputError: the record is cut short (the archive ends inside it)"


def test_read_warc_needs_warcio(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    with pytest.raises(MissingDependencyError, match=r"articlekit\[warc\]"):
        list(read_warc(tmp_path / "x.warc"))


# --------------------------------------------------------------------------- JSON Lines input


def test_json_lines_records(tmp_path: Path) -> None:
    source = tmp_path / "pages.jsonl"
    lines = [
        json.dumps({"url": "https://valleypost.example/1", "html": page(1)}),
        "",
        json.dumps({"id": "note-7", "text": "Short note\n\nOne paragraph of text."}),
        "{not json",
        json.dumps({"url": 5, "html": "x"}),
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_jsonl(source))
    assert [item.key for item in items] == [f"{source}:1", "note-7", f"{source}:4", f"{source}:5"]
    results = list(parse_many(items, workers=1))
    assert [r.ok for r in results] == [True, True, False, False]
    assert results[0].article is not None
    assert results[0].article.url == "https://valleypost.example/1"


# --------------------------------------------------------------------------- outputs and the CLI


def test_cli_warc_to_json_lines_equals_parsing_each_page(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc.gz"
    build_warc(archive, 6)
    out = tmp_path / "articles.jsonl"
    err = io.StringIO()
    assert main(["batch", str(archive), "-o", str(out), "--workers", "2"], stdout=io.StringIO()) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    expected = [articlekit.parse(page(i).encode(), url=f"https://valleypost.example/local/{i}") for i in range(6)]
    assert [articlekit.from_dict(r["article"]) for r in records] == expected
    assert (tmp_path / "articles.errors.jsonl").read_text(encoding="utf-8") == ""
    assert err.getvalue() == ""


def test_parquet_rows_round_trip_and_match_the_schema(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    archive = tmp_path / "crawl.warc.gz"
    build_warc(archive, 7)
    out = tmp_path / "articles.parquet"
    summary = run_batch([archive], out, workers=1, rows_per_part=3, progress=False)
    assert (summary.parsed, summary.failed) == (7, 0)
    assert sorted(p.name for p in out.iterdir()) == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    table = pq.read_table(out)
    assert table.schema == parquet_schema()
    rows = table.to_pylist()
    jsonl = list(parse_partition(read_warc(archive)))
    assert [row["key"] for row in rows] == [r["key"] for r in jsonl]
    for row, record in zip(rows, jsonl, strict=True):
        del row["key"]
        assert articlekit.from_dict(row) == articlekit.from_dict(record["article"])
    quotes = table.schema.field("quotes").type
    assert str(quotes.value_type.field("span").type) == "struct<start: int64, end: int64>"


def test_parquet_schema_is_documented() -> None:
    pytest.importorskip("pyarrow")
    howto = (ROOT / "docs" / "howto" / "batch.rst").read_text(encoding="utf-8")
    for field in parquet_schema():
        assert f"``{field.name}``" in howto, f"docs/howto/batch.rst does not document the Parquet column {field.name}"


def test_article_row_refuses_an_error() -> None:
    (record,) = parse_partition([b""])
    with pytest.raises(ValueError, match="has no article"):
        article_row(record)


def test_inputs_mix_files_globs_folders_jsonl(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    for i in range(3):
        (tmp_path / "pages" / f"{i}.html").write_text(page(i), encoding="utf-8")
    (tmp_path / "more.jsonl").write_text(json.dumps({"id": "j", "html": page(9)}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = run_batch([str(tmp_path / "pages" / "*.html"), tmp_path / "more.jsonl"], out, workers=1, progress=False)
    assert summary.parsed == 4
    keys = [json.loads(line)["key"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert keys == [str(tmp_path / "pages" / f"{i}.html") for i in range(3)] + ["j"]


def test_missing_input_is_a_clear_error(tmp_path: Path) -> None:
    assert main(["batch", str(tmp_path / "nope.warc.gz"), "-o", str(tmp_path / "o.jsonl")], stdout=io.StringIO()) == 1
    assert main(["batch", str(tmp_path), "--format", "parquet"], stdout=io.StringIO()) == 2
    (tmp_path / "page.html").write_text(page(1), encoding="utf-8")
    (tmp_path / "taken.parquet").write_text("a file, not a folder", encoding="utf-8")
    assert main(["batch", str(tmp_path / "page.html"), "-o", str(tmp_path / "taken.parquet")], stdout=io.StringIO()) == 1


# --------------------------------------------------------------------------- resuming


def test_interrupted_run_resumes_without_duplicates_or_losses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = tmp_path / "crawl.warc.gz"
    build_warc(archive, 12)
    out = tmp_path / "out.jsonl"
    real = batch_run.iter_items

    def stops_midway(*args: Any, **kwargs: Any) -> Iterator[BatchItem]:
        for n, item in enumerate(real(*args, **kwargs)):
            if n == 5:
                raise KeyboardInterrupt
            yield item

    monkeypatch.setattr(batch_run, "iter_items", stops_midway)
    with pytest.raises(KeyboardInterrupt):
        run_batch([archive], out, workers=1, progress=False)
    monkeypatch.setattr(batch_run, "iter_items", real)
    first = out.read_text(encoding="utf-8").splitlines()
    assert len(first) == 5
    # A kill can also leave half a line: it is cut off, and that record parsed again.
    with out.open("a", encoding="utf-8") as handle:
        handle.write('{"key": "<urn:uuid:half')
    summary = run_batch([archive], out, workers=2, progress=False)
    assert (summary.parsed, summary.resumed) == (7, 5)
    keys = [json.loads(line)["key"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert keys == [item.key for item in read_warc(archive)]
    again = run_batch([archive], out, workers=1, progress=False)
    assert (again.parsed, again.failed, again.resumed) == (0, 0, 12)


KILLER = """
import os, signal, sys
import articlekit, articlekit.plugins
from articlekit.cli import main

class Killer:
    @articlekit.hookimpl
    def articlekit_enrich(self, article, document):
        if article.title and article.title.startswith("Bakery number 17 ") and not os.environ.get("SPARE"):
            os.kill(os.getpid(), signal.SIGKILL)
        return None

articlekit.plugins.register(Killer(), name="killer")
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_killed_run_resumes_without_duplicates_or_losses(tmp_path: Path, fmt: str) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    archive = tmp_path / "crawl.warc.gz"
    build_warc(archive, 30)
    script = tmp_path / "killer.py"
    script.write_text(KILLER, encoding="utf-8")
    out = tmp_path / ("out.parquet" if fmt == "parquet" else "out.jsonl")
    command = [sys.executable, str(script), "batch", str(archive), "-o", str(out), "--workers", "1", "--rows-per-part", "4"]
    env = {k: v for k, v in os.environ.items() if k != "SPARE"}
    killed = subprocess.run([*command, "--format", fmt], env=env, capture_output=True, check=False)
    assert killed.returncode == -signal.SIGKILL
    resumed = subprocess.run([*command, "--format", fmt], env={**env, "SPARE": "1"}, capture_output=True, text=True, check=False)
    assert resumed.returncode == 0, resumed.stderr
    if fmt == "parquet":
        import pyarrow.parquet as pq

        keys = pq.read_table(out, columns=["key"]).column("key").to_pylist()
    else:
        keys = [json.loads(line)["key"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(keys) == sorted(item.key for item in read_warc(archive))
    assert len(keys) == len(set(keys)) == 30
    assert "already done" in resumed.stderr


# --------------------------------------------------------------------------- the time bound


class Sleepy(TextParser):
    name: ClassVar[str] = "sleepy"
    version: ClassVar[str] = "0"
    generic = False

    def parse(self, document: Document) -> Article:
        if "wedge" in document.text:  # stuck where the alarm cannot reach it, as in a long C call
            signal.signal(signal.SIGALRM, signal.SIG_IGN)
            while True:
                time.sleep(0.05)
        if "crash" in document.text:
            os._exit(3)
        if "stall" in document.text:
            while True:  # a pathological page: never returns by itself
                time.sleep(0.05)
        return super().parse(document)


def _plugin_with(parser: Parser) -> object:
    class Plugin:
        @articlekit.hookimpl
        def articlekit_parsers(self, register: Callable[[Parser], None]) -> None:
            register(parser)

    return Plugin()


@pytest.fixture
def sleepy() -> Iterator[None]:
    plugin = _plugin_with(Sleepy())
    articlekit.plugins.register(plugin, name="sleepy-plugin")
    try:
        yield
    finally:
        articlekit.plugins.unregister(name="sleepy-plugin")


@pytest.mark.usefixtures("sleepy")
@pytest.mark.parametrize("workers", [1, 2])
def test_a_stuck_document_becomes_an_error_and_the_run_goes_on(workers: int) -> None:
    sources = [b"First\n\nfine text.", b"Second\n\nthis one will stall forever.", b"Third\n\nfine again."]
    results = list(parse_many(sources, workers=workers, parser="sleepy", timeout=0.3))
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].error == "TimeoutError: parsing took longer than 0.3 s and was stopped"


@pytest.mark.usefixtures("sleepy")
def test_a_worker_the_alarm_cannot_stop_is_replaced_and_a_crash_is_isolated() -> None:
    sources = [f"Page {i}\n\nfine text.".encode() for i in range(6)]
    sources[1] = b"Wedged\n\nthis one will wedge its worker."
    sources[4] = b"Crashing\n\nthis one will crash its worker."
    records = list(parse_partition(sources, workers=2, window=3, parser="sleepy", timeout=0.2))
    assert ["article" in r for r in records] == [True, False, True, True, False, True]
    assert records[1]["error"].startswith("WorkerError: the worker process parsing this document ended")
    assert "stopped after 5.4 s" in records[1]["error"]
    assert records[4]["error"].startswith("WorkerError")
    assert [r["key"] for r in records] == [str(i) for i in range(6)]


# --------------------------------------------------------------------------- progress


def test_progress_line_counts_and_stays_quiet_in_pipes() -> None:
    stream = io.StringIO()
    quiet = Progress(stream, total=4)  # StringIO is not a terminal
    for ok in (True, False):
        quiet.update(ok=ok)
    quiet.close()
    assert stream.getvalue() == ""
    assert quiet.line().startswith("articlekit: 2 docs / 4, ")
    assert ", 1 errors, ETA " in quiet.line()
    shown = Progress(stream, total=None, enabled=True, every=0)
    shown.update(ok=True)
    shown.close()
    assert "1 docs, " in stream.getvalue()
    assert "ETA" not in stream.getvalue()
    assert stream.getvalue().endswith("\n")


# --------------------------------------------------------------------------- Dask


def test_dask_local_cluster_gives_the_single_process_results(tmp_path: Path) -> None:
    pytest.importorskip("dask.bag", reason="the dask extra is not installed")
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    from articlekit.batch.dask import articles_bag, articles_dataframe

    archives = []
    for n in range(3):
        archive = tmp_path / f"part{n}.warc.gz"
        build_warc(archive, 4 + n)
        archives.append(archive)
    expected = [record for archive in archives for record in parse_partition(read_warc(archive))]
    records = [{"id": f"r{i}", "url": f"https://valleypost.example/r/{i}", "html": page(i)} for i in range(5)]
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster),
    ):
        assert articles_bag(archives).compute() == expected
        import dask.bag

        from_records = articles_bag(dask.bag.from_sequence(records, npartitions=2)).compute()
        frame = articles_dataframe(archives).compute()
    assert from_records == list(parse_partition(BatchItem(source=r["html"], url=r["url"], key=r["id"]) for r in records))
    assert list(frame["key"]) == [r["key"] for r in expected]
    assert list(frame["title"]) == [r["article"]["title"] for r in expected]
