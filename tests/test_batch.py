"""Batch parsing: order kept, errors isolated per input, worker processes, the CLI command."""

from __future__ import annotations

import io
import json
from pathlib import Path

import articlekit
from articlekit.batch import BatchItem, expand_paths, parse_many
from articlekit.cli import main


def test_results_keep_input_order_and_isolate_errors(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text("Alpha\n\nBody.", encoding="utf-8")
    items = [good, b"", BatchItem(source="Beta\n\nMore.", url="https://news.example/b", key="beta"), tmp_path / "missing.txt"]
    results = list(parse_many(items, workers=1))
    assert [r.key for r in results] == [str(good), "1", "beta", str(tmp_path / "missing.txt")]
    assert [r.ok for r in results] == [True, False, True, False]
    assert results[0].article is not None
    assert results[0].article.title == "Alpha"
    assert results[1].error == "InputError: the document is empty"
    assert results[2].article is not None
    assert results[2].article.url == "https://news.example/b"
    assert results[3].error is not None
    assert results[3].error.startswith("InputError: cannot read")


def test_worker_processes_give_the_same_articles(tmp_path: Path) -> None:
    sources = [f"Title {i}\n\nby Jo Bloggs\n2024-01-0{i % 9 + 1}\n\nBody {i}.".encode() for i in range(12)]
    serial = [r.article for r in parse_many(sources, workers=1)]
    parallel = [r.article for r in parse_many(sources, workers=2, window=3)]
    assert serial == parallel
    assert [a.title for a in parallel if a] == [f"Title {i}" for i in range(12)]


def test_expand_paths_walks_folders(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "x.html").write_text("<p>x</p>")
    (tmp_path / "d" / "y.txt").write_text("y")
    assert [p.name for p in expand_paths([tmp_path / "d"], "*.html")] == ["x.html"]


def test_cli_batch_writes_json_lines_and_errors_apart(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("One\n\nBody one.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("   ", encoding="utf-8")
    out_file = tmp_path / "out.jsonl"
    code = main(["batch", str(tmp_path), "--pattern", "*.txt", "--workers", "1", "-o", str(out_file)], stdout=io.StringIO())
    assert code == 1  # one input failed
    lines = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    assert [articlekit.from_dict(line["article"]).title for line in lines] == ["One"]
    errors = [json.loads(line) for line in (tmp_path / "out.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert errors == [{"key": str(tmp_path / "two.txt"), "error": "InputError: the document is empty"}]
    assert main(["batch", str(tmp_path / "one.txt"), "--workers", "0"], stdout=io.StringIO()) == 2


def test_cli_batch_to_standard_output_keeps_errors_inline(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("One\n\nBody one.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("   ", encoding="utf-8")
    out = io.StringIO()
    assert main(["batch", str(tmp_path), "--workers", "1"], stdout=out) == 1
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [sorted(line) for line in lines] == [["article", "key"], ["error", "key"]]
