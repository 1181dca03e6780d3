"""The pluggy registry: selection, isolation of failing plugins, entry points, the env variable."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

import pytest

import articlekit
from articlekit import Article, Document, ParserNotFoundError, PluginError
from articlekit.parsers import BaseParser, Parser, TextParser
from articlekit.plugins import ENV_PLUGINS, Registry

TEXT = "A headline\n\nby Jo Bloggs\n2024-02-03\n\nThe body.\n\nOUTLET-MARK 42"


class MarkParser(TextParser):
    name: ClassVar[str] = "mark"
    version: ClassVar[str] = "9.9"
    generic = False
    signatures = (r"OUTLET-MARK \d+",)
    disclaimer_patterns = (r"^OUTLET-MARK",)


class HostParser(TextParser):
    name: ClassVar[str] = "host"
    version: ClassVar[str] = "1"
    generic = False
    hosts = ("news.example",)


def plugin_with(*parsers: object) -> object:
    class Plugin:
        @articlekit.hookimpl
        def articlekit_parsers(self, register: Callable[[Parser], None]) -> None:
            for p in parsers:
                register(p)  # type: ignore[arg-type]

    return Plugin()


def test_builtin_generic_parser_handles_text(registry: Registry) -> None:
    article = articlekit.parse(TEXT, registry=registry)
    assert article.parser is not None
    assert article.parser.name == "text"
    assert article.paragraphs[-1] == "OUTLET-MARK 42"


def test_in_process_plugin_wins_over_generic_for_what_it_claims(registry: Registry) -> None:
    registry.register(plugin_with(MarkParser()), name="mark-plugin")
    article = articlekit.parse(TEXT, registry=registry)
    assert article.parser == articlekit.ParserInfo("mark", "9.9")
    assert article.disclaimer == "OUTLET-MARK 42"
    assert article.paragraphs == ("The body.",)
    # ... and does not claim what it does not recognise.
    other = articlekit.parse("Title\n\nJust text.", registry=registry)
    assert other.parser is not None
    assert other.parser.name == "text"


def test_url_claim_beats_signature_claim(registry: Registry) -> None:
    registry.register(plugin_with(MarkParser(), HostParser()))
    assert articlekit.parse(TEXT, url="https://www.news.example/a", registry=registry).parser.name == "host"  # type: ignore[union-attr]
    assert articlekit.parse(TEXT, url="https://elsewhere.example/a", registry=registry).parser.name == "mark"  # type: ignore[union-attr]


def test_parser_argument_forces_a_parser(registry: Registry) -> None:
    registry.register(plugin_with(MarkParser()))
    assert articlekit.parse("Title\n\nText.", parser="mark", registry=registry).parser.name == "mark"  # type: ignore[union-attr]
    with pytest.raises(ParserNotFoundError, match="no parser named 'nope'"):
        articlekit.parse("x", parser="nope", registry=registry)


class Boom(BaseParser):
    name: ClassVar[str] = "boom"
    version: ClassVar[str] = "0"
    signatures = ("OUTLET-MARK",)

    def parse(self, document: Document) -> Article:
        raise RuntimeError("kaput")


class ClaimBoom(Boom):
    name: ClassVar[str] = "claimboom"

    def claim(self, document: Document) -> int | None:
        raise KeyError("claim failed")


class WrongType(Boom):
    name: ClassVar[str] = "wrongtype"

    def parse(self, document: Document) -> Article:
        return "not an article"  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("parser", "needle"),
    [
        (Boom(), "parser 'boom' (plugin 'bad') failed and was skipped: RuntimeError: kaput"),
        (ClaimBoom(), "failed while claiming and was skipped: KeyError"),
        (WrongType(), "returned str, not an Article"),
    ],
)
def test_raising_plugin_is_reported_and_skipped(registry: Registry, parser: BaseParser, needle: str) -> None:
    registry.register(plugin_with(parser), name="bad")
    article = articlekit.parse(TEXT, registry=registry)
    assert article.parser is not None
    assert article.parser.name == "text"
    assert article.title == "A headline"
    assert any(needle in w for w in article.warnings), article.warnings


def test_plugin_failing_to_register_and_to_enrich_is_reported(registry: Registry) -> None:
    class Broken:
        @articlekit.hookimpl
        def articlekit_parsers(self, register: Callable[[Parser], None]) -> None:
            raise ValueError("cannot register")

        @articlekit.hookimpl
        def articlekit_enrich(self, article: Article, document: Document) -> Article | None:
            raise ValueError("cannot enrich")

    class Wrong:
        @articlekit.hookimpl
        def articlekit_enrich(self) -> object:
            return 42

    registry.register(Broken(), name="broken")
    registry.register(Wrong(), name="wrong")
    article = articlekit.parse(TEXT, registry=registry)
    assert article.title == "A headline"
    joined = "\n".join(article.warnings)
    assert "plugin 'broken' failed while registering parsers" in joined
    assert "plugin 'broken' failed while enriching and was skipped: ValueError: cannot enrich" in joined
    assert "plugin 'wrong' returned int from articlekit_enrich" in joined


def test_enrich_hook_changes_the_article(registry: Registry) -> None:
    import attrs

    class Shout:
        @articlekit.hookimpl
        def articlekit_enrich(self, article: Article) -> Article:
            return attrs.evolve(article, title=(article.title or "").upper())

    registry.register(Shout())
    assert articlekit.parse(TEXT, registry=registry).title == "A HEADLINE"
    assert articlekit.parse(TEXT, registry=registry, enrich=False).title == "A headline"


def test_strict_mode_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    strict = Registry(entry_points=False, environ={"ARTICLEKIT_STRICT_PLUGINS": "1"})
    strict.register(plugin_with(Boom()))
    with pytest.raises(PluginError, match="kaput"):
        articlekit.parse(TEXT, registry=strict)


def test_duplicate_parser_names_are_reported(registry: Registry) -> None:
    registry.register(plugin_with(MarkParser()), name="one")
    registry.register(plugin_with(MarkParser()), name="two")
    assert "mark" in registry.parsers()
    assert any("already taken" in e for e in registry.load_errors)


def test_same_plugin_twice_is_an_error(registry: Registry) -> None:
    plugin = plugin_with(MarkParser())
    registry.register(plugin, name="p")
    with pytest.raises(PluginError, match="already registered"):
        registry.register(plugin, name="p")
    registry.unregister(name="p")
    assert "mark" not in registry.parsers()


def test_entry_point_plugin_is_discovered() -> None:
    """The seed outlet's plugin is pip-installed (CI does it); the registry finds it."""
    registry = Registry(environ={})
    entries = registry.parsers()
    assert "defenddemocracy" in entries, "install ./plugins/articlekit-defenddemocracy"
    entry = entries["defenddemocracy"]
    assert entry.package == "articlekit-defenddemocracy"
    assert not entry.builtin


@pytest.mark.parametrize(("value", "loaded"), [("", False), ("none", False), ("defenddemocracy", True), ("other", False), ("articlekit-defenddemocracy", True)])
def test_environment_variable_selects_installed_plugins(value: str, loaded: bool) -> None:
    registry = Registry(environ={ENV_PLUGINS: value})
    assert ("defenddemocracy" in registry.parsers()) is loaded
    assert "text" in registry.parsers()  # built-ins always load


def test_broken_entry_point_is_reported_not_fatal(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.metadata

    real = importlib.metadata.entry_points

    def fake(**kwargs: str) -> object:
        eps = list(real(**kwargs))
        eps.append(importlib.metadata.EntryPoint(name="ghost", value="no_such_module_xyz", group="articlekit"))
        return eps

    monkeypatch.setattr(importlib.metadata, "entry_points", fake)
    registry = Registry(environ={})
    article = articlekit.parse(TEXT, registry=registry)
    assert any("plugin 'ghost'" in w and "failed to load" in w for w in article.warnings)
    assert article.title == "A headline"


class FakeHtml(TextParser):
    """A plugin parser that takes a built-in's name (and claims everything, as a generic would)."""

    name: ClassVar[str] = "html"
    version: ClassVar[str] = "6.6"


class FakeFallback(TextParser):
    name: ClassVar[str] = "fallback"
    version: ClassVar[str] = "6.6"


@pytest.mark.parametrize("impostor", [FakeHtml(), FakeFallback()], ids=["html", "fallback"])
def test_builtin_parser_names_are_reserved(registry: Registry, impostor: TextParser) -> None:
    registry.register(plugin_with(impostor, MarkParser()), name="impostor")
    entries = registry.parsers()
    assert entries["html"].builtin
    assert entries["html"].parser.version != "6.6"
    assert entries["mark"].plugin == "impostor"  # the plugin's other parsers still load
    assert "fallback" not in entries
    refusal = f"plugin 'impostor' registered parser {impostor.name!r}, a name reserved for articlekit's built-in parsers"
    assert any(refusal in e for e in registry.load_errors), registry.load_errors
    # Pages still reach the built-in parsers, and the refusal is on every article.
    page = articlekit.parse("<html><body><article><p>" + "Some words. " * 20 + "</p></article></body></html>", registry=registry)
    assert page.parser is not None
    assert page.parser.name == "html"
    assert page.parser.version != "6.6"
    assert any(refusal in w for w in page.warnings)


def test_reserved_name_in_strict_mode_is_an_error() -> None:
    strict = Registry(entry_points=False, environ={"ARTICLEKIT_STRICT_PLUGINS": "1"})
    strict.register(plugin_with(FakeHtml()), name="impostor")
    with pytest.raises(PluginError, match="reserved for articlekit's built-in parsers"):
        strict.parsers()
