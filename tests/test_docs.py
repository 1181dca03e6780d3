"""The reference documents everything public: names, hooks, commands, options, variables.

The check reads the reST sources under ``docs/`` (no Sphinx build here: CI builds the docs
with warnings as errors, which catches broken references; this catches what is missing).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

import articlekit
import articlekit.hookspecs
import articlekit.plugins
import articlekit.testing
from articlekit.cli import _build_parser

DOCS = Path(__file__).resolve().parents[1] / "docs"
_DIRECTIVE = re.compile(r"^\s*\.\. (auto\w+|py:\w+|module|currentmodule|program|option|envvar):: *(.+?)\s*$")
_MEMBERS = re.compile(r"^\s+:members:(.*)$")


def _sources() -> list[Path]:
    if not DOCS.is_dir():
        pytest.skip("docs/ is not in this checkout")
    return sorted(DOCS.rglob("*.rst"))


def documented_objects() -> set[str]:
    """Fully qualified names the reST sources document with autodoc or py: directives."""
    names: set[str] = set()
    for path in _sources():
        module = ""
        last_auto: str | None = None
        last_kind = ""
        for line in path.read_text(encoding="utf-8").splitlines():
            found = _DIRECTIVE.match(line)
            if found:
                kind, target = found.groups()
                last_auto = None
                if kind in ("module", "currentmodule", "py:module"):
                    module = target
                    names.add(target)
                elif kind.startswith("auto"):
                    names.add(target)
                    last_auto, last_kind = target, kind
                elif kind.startswith("py:"):
                    names.add(target if "." in target or not module else f"{module}.{target}")
                continue
            members = _MEMBERS.match(line)
            if members and last_auto is not None:
                listed = [m.strip() for m in members.group(1).split(",") if m.strip()]
                if not listed and last_kind == "automodule":  # bare :members: documents __all__
                    obj = __import__(last_auto, fromlist=["__all__"])
                    listed = list(getattr(obj, "__all__", []))
                names.update(f"{last_auto}.{member}" for member in listed)
    return names


def test_every_public_name_is_in_the_reference() -> None:
    documented = documented_objects()
    missing = [name for name in articlekit.__all__ if f"articlekit.{name}" not in documented]
    assert missing == [], f"public names without a reference entry: {missing}"


def test_the_test_kit_is_in_the_reference() -> None:
    documented = documented_objects()
    missing = [name for name in articlekit.testing.__all__ if f"articlekit.testing.{name}" not in documented]
    assert missing == [], f"articlekit.testing names without a reference entry: {missing}"


def test_every_hook_is_in_the_reference() -> None:
    documented = documented_objects()
    hooks = [name for name in dir(articlekit.hookspecs) if name.startswith("articlekit_")]
    assert len(hooks) >= 3
    missing = [hook for hook in hooks if f"articlekit.hookspecs.{hook}" not in documented]
    assert missing == [], f"hooks without a reference entry: {missing}"
    for hook in hooks:
        assert getattr(articlekit.hookspecs, hook).__doc__, f"{hook} has no docstring: it is the hook's reference"


def _documented_options() -> dict[str, set[str]]:
    """program -> its documented options, from the CLI reference."""
    options: dict[str, set[str]] = {}
    program = ""
    for line in (DOCS / "reference" / "cli.rst").read_text(encoding="utf-8").splitlines():
        found = _DIRECTIVE.match(line)
        if not found:
            continue
        kind, target = found.groups()
        if kind == "program":
            program = target
            options.setdefault(program, set())
        elif kind == "option":
            for spelling in target.split(","):
                options[program].add(spelling.strip().split(" ")[0])
    return options


def test_every_command_and_option_is_in_the_cli_reference() -> None:
    _sources()
    documented = _documented_options()
    parser = _build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    hidden = {"--debug", "-h", "--help"}  # --debug is documented once, on the program
    problems: list[str] = []
    for name, sub in commands.choices.items():
        program = f"articlekit {name}"
        if program not in documented:
            problems.append(f"command {name!r} is not documented")
            continue
        for action in sub._actions:
            spellings = action.option_strings or [str(action.metavar or action.dest).split("|")[0]]
            if set(spellings) & hidden:
                continue
            if not set(spellings) & documented[program]:
                problems.append(f"{program}: {'/'.join(spellings)} is not documented")
    assert problems == []
    assert {"--version", "--debug"} <= documented["articlekit"]


def test_every_environment_variable_is_in_the_reference() -> None:
    text = "\n".join(path.read_text(encoding="utf-8") for path in _sources())
    for variable in (articlekit.plugins.ENV_PLUGINS, articlekit.plugins.ENV_STRICT):
        assert f".. envvar:: {variable}" in text, f"{variable} has no envvar entry"


def test_the_docs_examples_are_doctests_not_plain_code() -> None:
    """Examples with ``>>>`` must sit in ``.. doctest::`` blocks, which CI runs."""
    for path in _sources():
        text = path.read_text(encoding="utf-8")
        for block in re.findall(r"\.\. code-block:: (?:python|pycon)\n\n((?:[ \t]+.*\n|\n)+)", text):
            assert ">>>" not in block, f"{path.name}: a >>> example outside a doctest block"
