"""Fixtures for publisher plugins: saved inputs with their expected parse, compared field by field.

A *fixture* is a folder holding one saved input, the URL it came from, and the reviewed parse::

    tests/fixtures/opinion-column/
        fixture.json     {"url": "https://www.example-news.com/2024/05/01/story", "parser": "example-news"}
        input.html       the page as fetched (bytes; or input.txt for plain text)
        expected.json    articlekit's JSON of the reviewed parse (written by regeneration)

``fixture.json`` keys: ``url`` (required, may be ``null``), ``parser`` (optional: the parser that
must claim and win the input), ``charset`` (optional: as an HTTP header would give) and ``note``.

With articlekit installed, pytest turns every ``fixture.json`` under its test paths into a test
(the plugin :mod:`articlekit.testing.pytest_plugin`); ``pytest --articlekit-regenerate`` rewrites
the ``expected.json`` files after a deliberate change, for review with ``git diff``. The same
checks are plain functions for other runners:

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp()) / "short-note"
>>> folder.mkdir()
>>> _ = (folder / "fixture.json").write_text('{"url": null}')
>>> _ = (folder / "input.txt").write_text("Short note\\n\\nOne paragraph of text.")
>>> fixture = load_fixture(folder)
>>> write_expected(fixture, fixture.parse())
True
>>> assert_fixture(fixture).paragraphs
('One paragraph of text.',)
>>> expected = fixture.expected()
>>> changed = attrs.evolve(expected, paragraphs=("Another paragraph.",))
>>> print(format_differences(compare(changed, expected)))
paragraphs:
  --- expected
  +++ actual
  @@ -1 +1 @@
  -One paragraph of text.
  +Another paragraph.
"""

from __future__ import annotations

import difflib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from ..api import parse
from ..document import Document
from ..errors import ArticlekitError
from ..models import Article
from ..parsers.base import CLAIM_GENERIC
from ..plugins import Registry, default_registry
from ..serialize import from_json, to_dict

__all__ = [
    "EXPECTED_FILE",
    "FIXTURE_FILE",
    "Difference",
    "Fixture",
    "FixtureError",
    "FixtureMismatch",
    "assert_fixture",
    "check_claims",
    "compare",
    "find_fixtures",
    "format_differences",
    "load_fixture",
    "write_expected",
]

#: The file that makes a folder a fixture.
FIXTURE_FILE = "fixture.json"
#: The reviewed parse, as :func:`articlekit.to_json` writes it (see :func:`write_expected`).
EXPECTED_FILE = "expected.json"
_KEYS = frozenset(["url", "parser", "charset", "note"])
#: Fields left out of the comparison: ``text`` is derived from ``paragraphs``, and a parser's
#: version changes with every release without changing its output.
_DERIVED = frozenset(["text"])


class FixtureError(ArticlekitError):
    """A fixture folder that cannot be used: missing or malformed files."""


class FixtureMismatch(AssertionError):
    """A parse that differs from its fixture's expectation; the message is the readable diff."""


@attrs.frozen
class Fixture:
    """One fixture folder (see the module documentation)."""

    #: The folder.
    path: Path
    #: The saved input (``input.html`` or ``input.txt``).
    input_path: Path
    #: The URL the input came from (selects the parser, resolves links).
    url: str | None = None
    #: The parser that must claim and win the input, when the fixture says so.
    parser: str | None = None
    #: The charset an HTTP header gave, when the fixture says so.
    charset: str | None = None
    #: Free text about the case.
    note: str | None = None

    @property
    def name(self) -> str:
        """The folder's name."""
        return self.path.name

    @property
    def expected_path(self) -> Path:
        """Where the expected parse lives."""
        return self.path / EXPECTED_FILE

    def parse(self, registry: Registry | None = None) -> Article:
        """Parse the saved input as :func:`articlekit.parse` would (bytes in, URL and charset given)."""
        return parse(self.input_path.read_bytes(), url=self.url, charset=self.charset, registry=registry)

    def expected(self) -> Article:
        """The expected :class:`~articlekit.Article`; :class:`FixtureError` when it is missing or invalid."""
        try:
            data = self.expected_path.read_text(encoding="utf-8")
        except OSError as exc:
            raise FixtureError(
                f"{self.expected_path} is missing: write it with `pytest --articlekit-regenerate` and review it"
            ) from exc
        try:
            return from_json(data)
        except ArticlekitError as exc:
            raise FixtureError(f"{self.expected_path}: {exc}") from exc


def load_fixture(path: str | os.PathLike[str]) -> Fixture:
    """Read a fixture folder (or its ``fixture.json``); :class:`FixtureError` when it is not one."""
    folder = Path(path)
    if folder.name == FIXTURE_FILE:
        folder = folder.parent
    try:
        meta = json.loads((folder / FIXTURE_FILE).read_text(encoding="utf-8"))
    except OSError as exc:
        raise FixtureError(f"{folder} is not a fixture: it has no {FIXTURE_FILE}") from exc
    except ValueError as exc:
        raise FixtureError(f"{folder / FIXTURE_FILE} is not valid JSON: {exc}") from exc
    if not isinstance(meta, dict) or "url" not in meta:
        raise FixtureError(f"{folder / FIXTURE_FILE} must be an object with a 'url' key (null for none)")
    unknown = sorted(set(meta) - _KEYS)
    if unknown:
        raise FixtureError(
            f"{folder / FIXTURE_FILE}: unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(_KEYS))}"
        )
    for key in _KEYS:
        if meta.get(key) is not None and not isinstance(meta[key], str):
            raise FixtureError(f"{folder / FIXTURE_FILE}: {key!r} must be a string or null")
    inputs = sorted(p for p in folder.glob("input.*") if p.is_file())
    if len(inputs) != 1:
        found = ", ".join(p.name for p in inputs) or "none"
        raise FixtureError(f"{folder} must hold exactly one input.* file (input.html or input.txt); found {found}")
    return Fixture(
        path=folder,
        input_path=inputs[0],
        url=meta.get("url"),
        parser=meta.get("parser"),
        charset=meta.get("charset"),
        note=meta.get("note"),
    )


def find_fixtures(root: str | os.PathLike[str]) -> list[Fixture]:
    """Every fixture folder at or below ``root``, in path order (hidden folders are skipped)."""
    base = Path(root)
    found = [
        load_fixture(meta.parent)
        for meta in base.rglob(FIXTURE_FILE)
        if not any(part.startswith(".") for part in meta.relative_to(base).parts[:-1])
    ]
    return sorted(found, key=lambda fixture: fixture.path)


@attrs.frozen
class Difference:
    """One field (or one item of a list field) where a parse differs from its expectation."""

    #: The field, with an index for items: ``links[2].url``.
    field: str
    #: The expected and actual values, as JSON would write them.
    expected: Any
    actual: Any
    #: A unified diff, for long text.
    diff: tuple[str, ...] = ()

    def __str__(self) -> str:
        if self.diff:
            return f"{self.field}:\n" + "\n".join(f"  {line}" for line in self.diff)
        return f"{self.field}: expected {_show(self.expected)}, got {_show(self.actual)}"


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 200 else text[:197] + "..."


def _text_diff(expected: Any, actual: Any) -> tuple[str, ...]:
    def lines(value: Any) -> list[str]:
        if isinstance(value, list):
            return [str(item) for item in value]
        return str(value).splitlines() if value is not None else []

    diff = difflib.unified_diff(lines(expected), lines(actual), "expected", "actual", lineterm="", n=1)
    return tuple(diff)


def _compare_items(field: str, expected: list[Any], actual: list[Any]) -> Iterator[Difference]:
    for index in range(max(len(expected), len(actual))):
        if index >= len(actual):
            yield Difference(f"{field}[{index}]", expected[index], None)
        elif index >= len(expected):
            yield Difference(f"{field}[{index}]", None, actual[index])
        elif expected[index] != actual[index]:
            want, got = expected[index], actual[index]
            if isinstance(want, dict) and isinstance(got, dict):
                for key in sorted(set(want) | set(got)):
                    if want.get(key) != got.get(key):
                        yield Difference(f"{field}[{index}].{key}", want.get(key), got.get(key))
            else:
                yield Difference(f"{field}[{index}]", want, got)


def compare(actual: Article, expected: Article) -> list[Difference]:
    """The fields where ``actual`` differs from ``expected``: empty when they agree.

    Lists of links and quotes are compared item by item, long text as a unified diff; the
    derived ``text`` and the parser's version are left out.
    """
    want, got = to_dict(expected), to_dict(actual)
    differences: list[Difference] = []
    for field in attrs.fields(Article):
        name = field.name
        if name in _DERIVED or want.get(name) == got.get(name):
            continue
        if name == "parser":
            want_name = (want.get(name) or {}).get("name")
            got_name = (got.get(name) or {}).get("name")
            if want_name != got_name:
                differences.append(Difference("parser.name", want_name, got_name))
        elif name in ("links", "quotes"):
            differences.extend(_compare_items(name, want.get(name) or [], got.get(name) or []))
        elif name in ("paragraphs", "disclaimer", "description"):
            differences.append(
                Difference(name, want.get(name), got.get(name), _text_diff(want.get(name), got.get(name)))
            )
        else:
            differences.append(Difference(name, want.get(name), got.get(name)))
    return differences


def format_differences(differences: Iterable[Difference]) -> str:
    """The differences one per line (a diff indented under its field)."""
    return "\n".join(str(difference) for difference in differences)


def assert_fixture(fixture: Fixture, registry: Registry | None = None) -> Article:
    """Parse the fixture and compare it with its expectation; :class:`FixtureMismatch` on a difference.

    When the fixture names a ``parser``, that parser must be the one that produced the article.
    Returns the parsed article.
    """
    article = fixture.parse(registry)
    differences = compare(article, fixture.expected())
    if fixture.parser is not None and (article.parser is None or article.parser.name != fixture.parser):
        got = article.parser.name if article.parser else None
        differences.insert(0, Difference("parser (fixture.json)", fixture.parser, got))
    if differences:
        raise FixtureMismatch(
            f"{fixture.path}: the parse differs from {EXPECTED_FILE} in {len(differences)} place(s)\n"
            + format_differences(differences)
            + "\n(after a deliberate change: pytest --articlekit-regenerate, then review git diff)"
        )
    return article


def write_expected(fixture: Fixture, article: Article) -> bool:
    """Write ``article`` as the fixture's expectation; whether the file changed."""
    text = json.dumps(to_dict(article), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    path = fixture.expected_path
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def check_claims(fixtures: Iterable[Fixture], registry: Registry | None = None) -> list[str]:
    """Problems with who claims each fixture; empty when each is claimed as it should be.

    Each fixture must be claimed by exactly one non-generic parser (two publisher plugins must
    not fight over a URL or a signature), and by the fixture's ``parser`` when it names one. A
    fixture without a ``parser`` that only the generic parsers claim is fine.
    """
    registry = registry or default_registry()
    problems: list[str] = []
    for fixture in fixtures:
        document = Document(fixture.input_path.read_bytes(), url=fixture.url, charset=fixture.charset)
        ranked, errors = registry.rank(document)
        problems.extend(f"{fixture.path}: {error}" for error in errors)
        specific = [entry.name for score, entry in ranked if score > CLAIM_GENERIC]
        if len(specific) > 1:
            problems.append(
                f"{fixture.path}: claimed by {len(specific)} parsers ({', '.join(specific)}); exactly one may claim it"
            )
        elif fixture.parser is not None and specific != [fixture.parser]:
            if not specific and any(entry.name == fixture.parser for _, entry in ranked):
                continue  # the fixture names a generic parser, which claims it generically
            claimed = ", ".join(specific) or "only the generic parsers"
            problems.append(f"{fixture.path}: should be claimed by {fixture.parser!r}, but is claimed by {claimed}")
    return problems
