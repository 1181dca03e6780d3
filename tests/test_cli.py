"""The command line: each command and exit code, in process and as ``python -m``."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import articlekit
from articlekit.cli import main

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "defenddemocracy-sample.txt"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), stdout=out)
    return code, out.getvalue()


def test_parse_json_is_the_article() -> None:
    code, out = run("parse", str(SAMPLE))
    assert code == 0
    article = articlekit.from_json(out)
    assert article == articlekit.parse_file(SAMPLE)
    assert article.parser is not None
    assert article.parser.name == "defenddemocracy"


def test_parse_text_and_markdown() -> None:
    code, text = run("parse", str(SAMPLE), "--format", "text")
    assert code == 0
    assert text.startswith("Harbour Town Votes")
    assert "Related:\n- Island councils weigh shared ferry timetables" in text
    code, md = run("parse", str(SAMPLE), "--format", "markdown")
    assert code == 0
    assert md.startswith("# Harbour Town Votes")
    assert "[https://portellery.example.org/ferry-vote-2024](https://portellery.example.org/ferry-vote-2024)" in md
    assert "## Related" in md


def test_parse_options(tmp_path: Path) -> None:
    code, out = run("parse", str(SAMPLE), "--parser", "text", "--url", "https://news.example/a", "--indent", "0", "--no-enrich")
    assert code == 0
    article = articlekit.from_json(out)
    assert article.parser is not None
    assert article.parser.name == "text"
    assert article.url == "https://news.example/a"
    assert "\n" not in out.strip()


def test_parse_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Title\n\nBody text.")))
    code, out = run("parse", "-")
    assert code == 0
    assert json.loads(out)["paragraphs"] == ["Body text."]


def test_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("parse", str(tmp_path / "missing.txt"))[0] == 1
    assert capsys.readouterr().err.startswith("articlekit: error: cannot read")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert run("parse", str(empty))[0] == 1
    assert capsys.readouterr().err.strip() == "articlekit: error: the document is empty"
    assert run("parse", str(SAMPLE), "--parser", "nope")[0] == 2
    assert "no parser named 'nope'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        run("parse")
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        run("frobnicate")
    assert exit_info.value.code == 2


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    with pytest.raises(articlekit.InputError):
        run("--debug", "parse", str(empty))


def test_plugins_lists_every_parser() -> None:
    code, out = run("plugins")
    assert code == 0
    lines = out.splitlines()
    assert any(line.startswith("defenddemocracy") and "articlekit-defenddemocracy" in line for line in lines)
    assert any(line.startswith("text") and "generic" in line for line in lines)
    code, out = run("plugins", "--json")
    names = {p["name"] for p in json.loads(out)["parsers"]}
    assert {"text", "defenddemocracy"} <= names


def test_schema_command() -> None:
    code, out = run("schema")
    assert code == 0
    assert json.loads(out) == articlekit.json_schema()


def test_python_dash_m_works_the_same() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "articlekit", "parse", str(SAMPLE), "--format", "text"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Harbour Town Votes")
    proc = subprocess.run([sys.executable, "-m", "articlekit", "parse", "/no/such/file"], capture_output=True, text=True, check=False)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--charset", "nosuch"], "--charset: unknown text encoding 'nosuch'"),
        (["--charset", "hex"], "--charset: unknown text encoding 'hex'"),
        (["--url", "notaurl"], "--url: url must be an absolute http(s) URL"),
        (["--url", "mailto:desk@news.example"], "--url: url must be an absolute http(s) URL"),
    ],
)
def test_bad_option_values_are_usage_errors(options: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("parse", str(SAMPLE), *options)[0] == 2
    assert capsys.readouterr().err.startswith(f"articlekit: error: {message}")


@pytest.mark.parametrize("indent", ["-1", "x", "99"])
def test_indent_must_be_a_small_whole_number(indent: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run("parse", str(SAMPLE), "--indent", indent)
    assert exit_info.value.code == 2
    assert "argument --indent" in capsys.readouterr().err


def test_text_format_lists_the_quotes(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Ferry stays\n\nThe board met on Tuesday.\n\n“We keep the late boat,” said Marta Quist.\n")
    code, text = run("parse", str(path), "--format", "text")
    assert code == 0
    assert text.endswith("Quotes:\n- “We keep the late boat,” — Marta Quist (said)\n")


def test_markdown_escapes_what_would_read_as_markup(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    paragraphs = ["# not a heading", "- not a list item", "1. not a numbered item", "> not a quote", "a *star*, an _under_ and <b>"]
    path.write_text("Ferry stays\n\n" + "\n\n".join(paragraphs) + "\n")
    code, md = run("parse", str(path), "--format", "markdown", "--no-enrich")
    assert code == 0
    blocks = md.strip().split("\n\n")
    for escaped in ("\\# not a heading", "\\- not a list item", "1\\. not a numbered item", "\\> not a quote", "a \\*star\\*, an \\_under\\_ and \\<b\\>"):
        assert escaped in blocks
