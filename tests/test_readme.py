"""The README's Python example runs as written (from the repository root), so it cannot rot."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_readme_python_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.DOTALL)
    assert len(blocks) == 1, "the README has one Python example"
    monkeypatch.chdir(ROOT)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(blocks[0], "README.md", "exec"), {})  # our own README, run as documented
    printed = out.getvalue().splitlines()
    # The comment beside the web-page print states what it prints: hold the README to it.
    promised = re.search(r"print\(web\..*#\s*(.+)", blocks[0])
    assert promised is not None
    assert promised.group(1).strip() in printed
    assert any(line.startswith("related: ") for line in printed)


def test_license_file_matches_the_declared_license() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert "Copyright (c) 2026 articlekit developers" in text
