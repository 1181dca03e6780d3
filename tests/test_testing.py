"""articlekit.testing: fixture folders, field-by-field comparison, claims, and the pytest plugin."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

import articlekit
from articlekit import Link, LinkKind, Quote, Span
from articlekit.parsers import TextParser
from articlekit.parsers.base import Parser
from articlekit.plugins import Registry
from articlekit.testing import (
    FixtureError,
    FixtureMismatch,
    assert_fixture,
    check_claims,
    compare,
    find_fixtures,
    format_differences,
    load_fixture,
    write_expected,
)

TEXT = (
    "Harbour news\n\nBy Ada Moss\n\nThe ferry ran on time today, for the first time this year.\n\nFares stay the same."
)


def make_fixture(root: Path, name: str = "case", text: str = TEXT, **meta: object) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "fixture.json").write_text(json.dumps({"url": None, **meta}), encoding="utf-8")
    (folder / "input.txt").write_text(text, encoding="utf-8")
    return folder


def test_load_parse_write_and_assert(tmp_path: Path) -> None:
    fixture = load_fixture(make_fixture(tmp_path, url="https://harbour.example/a", note="ferry"))
    assert (fixture.name, fixture.url, fixture.note, fixture.input_path.name) == (
        "case",
        "https://harbour.example/a",
        "ferry",
        "input.txt",
    )
    article = fixture.parse()
    assert write_expected(fixture, article) is True
    assert write_expected(fixture, article) is False  # unchanged: not rewritten
    assert fixture.expected() == article
    assert assert_fixture(fixture) == article
    # The stored file is exactly articlekit's JSON of the article, pretty-printed.
    assert json.loads(fixture.expected_path.read_text(encoding="utf-8")) == json.loads(articlekit.to_json(article))


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({}, "has no fixture.json"),
        ({"fixture.json": "{not json"}, "not valid JSON"),
        ({"fixture.json": "[]"}, "'url' key"),
        ({"fixture.json": '{"url": null, "parsr": "x"}'}, "unknown key(s) parsr"),
        ({"fixture.json": '{"url": 3}'}, "'url' must be a string"),
        ({"fixture.json": '{"url": null}'}, "exactly one input.*"),
        ({"fixture.json": '{"url": null}', "input.txt": "a", "input.html": "b"}, "found input.html, input.txt"),
    ],
)
def test_bad_fixture_folders_are_named_and_explained(tmp_path: Path, files: dict[str, str], message: str) -> None:
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(FixtureError, match=message.replace("(", r"\(").replace(")", r"\)").replace("*", r"\*")):
        load_fixture(tmp_path)


def test_missing_expectation_says_how_to_write_it(tmp_path: Path) -> None:
    fixture = load_fixture(make_fixture(tmp_path))
    with pytest.raises(FixtureError, match="articlekit-regenerate"):
        assert_fixture(fixture)


def test_find_fixtures_walks_the_tree_in_order_and_skips_hidden_folders(tmp_path: Path) -> None:
    make_fixture(tmp_path, "b")
    make_fixture(tmp_path / "nested", "a")
    make_fixture(tmp_path / ".cache", "hidden")
    assert [f.path.relative_to(tmp_path).as_posix() for f in find_fixtures(tmp_path)] == ["b", "nested/a"]


def test_compare_reports_each_field_and_item() -> None:
    expected = articlekit.parse(TEXT, registry=Registry(entry_points=False))
    text = expected.text
    start = text.index("ferry")
    actual = attrs.evolve(
        expected,
        title="Other",
        authors=("Ada Moss", "Bo Li"),
        links=(
            Link(
                url="https://harbour.example/ferry",
                text="ferry",
                kind=LinkKind.INLINE,
                span=Span(start, start + 5),
                paragraph=0,
            ),
        ),
        quotes=(Quote(text="ferry", span=Span(start, start + 5), paragraph=0, speaker="Ada Moss"),),
    )
    fields = [d.field for d in compare(actual, expected)]
    assert fields == ["title", "authors", "quotes[0]", "links[0]"]
    assert compare(expected, expected) == []
    report = format_differences(compare(actual, expected))
    assert 'title: expected "Harbour news", got "Other"' in report
    assert 'authors: expected ["Ada Moss"], got ["Ada Moss", "Bo Li"]' in report
    # Items of a list compare key by key when both exist.
    moved = attrs.evolve(actual, links=(attrs.evolve(actual.links[0], url="https://harbour.example/other"),))
    assert [str(d) for d in compare(moved, actual)] == [
        'links[0].url: expected "https://harbour.example/ferry", got "https://harbour.example/other"'
    ]


def test_compare_ignores_the_derived_text_and_the_parser_version() -> None:
    article = articlekit.parse(TEXT, registry=Registry(entry_points=False))
    assert article.parser is not None
    bumped = attrs.evolve(article, parser=attrs.evolve(article.parser, version="9.9"))
    assert compare(bumped, article) == []
    renamed = attrs.evolve(article, parser=attrs.evolve(article.parser, name="other"))
    assert [str(d) for d in compare(renamed, article)] == ['parser.name: expected "text", got "other"']


def test_a_mismatch_names_the_fixture_and_how_to_regenerate(tmp_path: Path) -> None:
    fixture = load_fixture(make_fixture(tmp_path))
    write_expected(fixture, attrs.evolve(fixture.parse(), title="Stale title"))
    with pytest.raises(FixtureMismatch) as caught:
        assert_fixture(fixture)
    message = str(caught.value)
    assert str(fixture.path) in message
    assert 'title: expected "Stale title", got "Harbour news"' in message
    assert "--articlekit-regenerate" in message


class _Marked(TextParser):
    name = "marked"
    generic = False
    signatures = ("Harbour news",)


class _AlsoMarked(TextParser):
    name = "also-marked"
    generic = False
    signatures = ("ferry ran",)


def _plugin(*parsers: Parser) -> object:
    class Plugin:
        @articlekit.hookimpl
        def articlekit_parsers(self, register: Callable[[Parser], None]) -> None:
            for parser in parsers:
                register(parser)

    return Plugin()


def test_claims_exactly_one_publisher_parser(tmp_path: Path) -> None:
    fixture = load_fixture(make_fixture(tmp_path, parser="marked"))
    registry = Registry(entry_points=False)
    assert check_claims([fixture], registry) == [
        f"{fixture.path}: should be claimed by 'marked', but is claimed by only the generic parsers"
    ]
    registry.register(_plugin(_Marked()))
    assert check_claims([fixture], registry) == []
    registry.register(_plugin(_AlsoMarked()))
    [problem] = check_claims([fixture], registry)
    assert "claimed by 2 parsers (also-marked, marked)" in problem


def test_a_fixture_may_name_a_generic_parser(tmp_path: Path) -> None:
    fixture = load_fixture(make_fixture(tmp_path, parser="text"))
    assert check_claims([fixture], Registry(entry_points=False)) == []


def test_the_wrong_winning_parser_fails_the_fixture(tmp_path: Path) -> None:
    fixture = load_fixture(make_fixture(tmp_path, parser="marked"))
    write_expected(fixture, fixture.parse(Registry(entry_points=False)))
    with pytest.raises(FixtureMismatch, match=r'parser \(fixture.json\): expected "marked", got "text"'):
        assert_fixture(fixture, Registry(entry_points=False))


def _pytest(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # No timeout (no wall-clock limit in any test, however generous: a slow shared machine makes
    # it flaky); no standard input either, so the child cannot wait for any.
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(folder), str(folder), *args],
        capture_output=True,
        text=True,
        cwd=folder,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def test_pytest_plugin_collects_fixtures_compares_and_regenerates(tmp_path: Path) -> None:
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    fixture = load_fixture(make_fixture(tmp_path / "fixtures", "ferry"))
    write_expected(fixture, attrs.evolve(fixture.parse(), title="Stale title"))

    failed = _pytest(tmp_path)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert 'title: expected "Stale title", got "Harbour news"' in failed.stdout
    assert "fixture.json::ferry" in failed.stdout

    regenerated = _pytest(tmp_path, "--articlekit-regenerate")
    assert regenerated.returncode == 0, regenerated.stdout + regenerated.stderr
    assert fixture.expected().title == "Harbour news"

    passed = _pytest(tmp_path)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "1 passed" in passed.stdout


def test_check_fixtures_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from articlekit.cli import main

    fixture = load_fixture(make_fixture(tmp_path / "good", "ferry"))
    write_expected(fixture, fixture.parse())
    assert main(["check-fixtures", str(tmp_path / "good")]) == 0
    assert "1 fixture(s), 0 problem(s)" in capsys.readouterr().out
    write_expected(fixture, attrs.evolve(fixture.parse(), title="Stale title"))
    assert main(["check-fixtures", str(tmp_path / "good")]) == 1
    assert 'title: expected "Stale title"' in capsys.readouterr().out
    (tmp_path / "empty").mkdir()
    assert main(["check-fixtures", str(tmp_path / "empty")]) == 1
    assert "no fixture folders" in capsys.readouterr().err
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "fixture.json").write_text("{", encoding="utf-8")
    assert main(["check-fixtures", str(tmp_path / "broken")]) == 1
    assert "not valid JSON" in capsys.readouterr().err
