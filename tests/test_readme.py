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


def _quick_start() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, flags=re.DOTALL)
    assert block is not None
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_quick_start_is_two_commands_and_ci_runs_the_test_command_verbatim() -> None:
    install_and_parse, install_and_test = _quick_start()
    assert install_and_parse.endswith("articlekit parse examples/defenddemocracy-sample.txt")
    assert install_and_test.endswith("&& pytest")
    # pip 23.2 (what `python -m venv` gives on 3.11/3.12) cannot resolve the plugins' requirement on
    # articlekit in the same command as the editable core: the core goes in first.
    assert install_and_test.startswith('pip install -e ".[test]" && pip install ./plugins/*/')
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert install_and_test in ci.splitlines()
    assert "--upgrade pip" not in ci, "CI runs the README command with the pip venv ships"
    assert "-U pip" not in ci


def test_ci_runs_the_suite_against_the_floors_it_declares() -> None:
    import tomllib

    from packaging.version import Version

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = {}
    for requirement in [*pyproject["project"]["dependencies"], *pyproject["project"]["optional-dependencies"]["test"]]:
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)(?:\[[a-z,]+\])?>=([0-9][0-9.]*)", requirement)
        assert match, f"{requirement!r}: declare a floor as name>=version"
        declared[match.group(1).lower()] = Version(match.group(2))
    pins = {}
    for raw in (ROOT / ".ci" / "floors.txt").read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            name, version = line.split("==")
            pins[name.strip().lower()] = Version(version)
    # Every runtime and test dependency is pinned at exactly the floor pyproject.toml declares.
    assert pins == declared
    assert "-c .ci/floors.txt" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_license_file_matches_the_declared_license() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert "Copyright (c) 2026 articlekit developers" in text


def test_declared_python_versions_include_the_running_one() -> None:
    import sys
    import tomllib

    classifiers = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["classifiers"]
    declared = {c.rsplit(" :: ", 1)[1] for c in classifiers if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)}
    assert {"3.11", "3.12", "3.13"} <= declared
    assert f"{sys.version_info.major}.{sys.version_info.minor}" in declared, "the suite runs on an undeclared Python"
