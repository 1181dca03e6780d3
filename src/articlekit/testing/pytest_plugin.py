"""pytest plugin: every ``fixture.json`` under the test paths becomes a test.

Installed with articlekit (entry point ``pytest11``), so a publisher plugin's ``tests/fixtures/``
folders are tested by a plain ``pytest``. Each test parses the saved input with the installed
parsers, compares the result with ``expected.json`` field by field (see
:func:`articlekit.testing.compare`) and checks that exactly one publisher parser claims it (see
:func:`articlekit.testing.check_claims`).

``pytest --articlekit-regenerate`` rewrites every collected ``expected.json`` from the current
parse instead of comparing: for after a deliberate change, to be reviewed with ``git diff``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from . import FIXTURE_FILE, Fixture, FixtureError, assert_fixture, check_claims, load_fixture, write_expected

__all__ = ["FixtureFile", "FixtureItem", "pytest_addoption", "pytest_collect_file"]

_REGENERATE = "--articlekit-regenerate"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("articlekit")
    group.addoption(
        _REGENERATE,
        action="store_true",
        default=False,
        help="rewrite the expected.json of every collected articlekit fixture from the current parse",
    )


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.name == FIXTURE_FILE:
        collector: FixtureFile = FixtureFile.from_parent(parent, path=file_path)
        return collector
    return None


class FixtureFile(pytest.File):
    """A ``fixture.json``: one test for its folder."""

    def collect(self) -> Iterator[pytest.Item]:
        """One item, named after the fixture's folder."""
        yield FixtureItem.from_parent(self, name=self.path.parent.name)


class FixtureItem(pytest.Item):
    """Parse the fixture's input and compare it with its expectation (or regenerate it)."""

    def runtest(self) -> None:
        """Compare the parse with ``expected.json`` and check the claims (or rewrite the file)."""
        fixture = load_fixture(self.path.parent)
        if self.config.getoption(_REGENERATE):
            if write_expected(fixture, fixture.parse()):
                self.add_report_section("call", "articlekit", f"rewrote {fixture.expected_path}")
            return
        assert_fixture(fixture)
        problems = check_claims([fixture])
        if problems:
            raise AssertionError("\n".join(problems))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: object = None) -> str:
        """The readable field-by-field diff, without a traceback into the kit."""
        if isinstance(excinfo.value, (AssertionError, FixtureError)):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        """Where the fixture is, for pytest's report."""
        return self.path.parent, 0, f"articlekit fixture {self.name}"

    @property
    def fixture(self) -> Fixture:
        """The fixture this item tests."""
        return load_fixture(self.path.parent)
