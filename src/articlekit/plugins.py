"""The parser registry: a :mod:`pluggy` plugin manager behind a small typed facade.

Plugins come from three places, all through the same hooks (:mod:`articlekit.hookspecs`):

1. articlekit's own built-in parsers and enrichers (always loaded);
2. installed packages that declare an entry point in the ``articlekit`` group, loaded lazily,
   one by one, on first use: a plugin that fails to import is reported and skipped;
3. objects registered in process with :func:`register` (tests, notebooks).

Environment variables (read when the plugins are first loaded, see :func:`reload`):

``ARTICLEKIT_PLUGINS``
    Unset: load every installed plugin. Empty or ``none``: load none. Otherwise a comma-separated
    list of entry-point or distribution names to load.
``ARTICLEKIT_STRICT_PLUGINS``
    ``1``: raise :class:`~articlekit.PluginError` when a plugin fails, instead of reporting it
    and carrying on (for plugin authors' CI).
"""

from __future__ import annotations

import functools
import importlib.metadata
import logging
import os
import threading
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs
import pluggy

from . import hookspecs
from .document import Document
from .errors import ParserNotFoundError, PluginError
from .models import Article
from .parsers.base import Parser

__all__ = [
    "ENTRY_POINT_GROUP",
    "ENV_PLUGINS",
    "ENV_STRICT",
    "ParserEntry",
    "Registry",
    "default_registry",
    "hookimpl",
    "register",
    "reload",
    "unregister",
]

log = logging.getLogger("articlekit")

#: The entry-point group installed plugins declare.
ENTRY_POINT_GROUP = "articlekit"
#: Which installed plugins load.
ENV_PLUGINS = "ARTICLEKIT_PLUGINS"
#: Raise on plugin failures instead of reporting them.
ENV_STRICT = "ARTICLEKIT_STRICT_PLUGINS"

#: Marker for hook implementations: ``@articlekit.hookimpl``.
hookimpl = pluggy.HookimplMarker("articlekit")

_BUILTIN_MODULES = ("articlekit.parsers.builtin", "articlekit.parsers.enrich")


@attrs.frozen
class ParserEntry:
    """A registered parser and where it came from."""

    parser: Parser
    #: Name of the plugin that registered it (entry-point name, module or object name).
    plugin: str
    #: Distribution that provides it (``articlekit`` for the built-in parsers).
    package: str
    #: Whether it is one of articlekit's own parsers.
    builtin: bool

    @property
    def name(self) -> str:
        return self.parser.name


@attrs.frozen
class _Outcome:
    article: Article | None
    warnings: tuple[str, ...]


def _call_with_known_args(function: Callable[..., Any], argnames: tuple[str, ...], **kwargs: Any) -> Any:
    return function(**{name: value for name, value in kwargs.items() if name in argnames})


def _describe_error(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__


class Registry:
    """Parsers and enrichers from built-ins, entry points and in-process registration."""

    def __init__(self, *, entry_points: bool = True, environ: Mapping[str, str] | None = None) -> None:
        self._use_entry_points = entry_points
        self._environ = environ
        self._lock = threading.RLock()
        self._loaded = False
        self._pm = pluggy.PluginManager("articlekit")
        self._pm.add_hookspecs(hookspecs)
        self._parsers: dict[str, ParserEntry] | None = None
        self._verbs: tuple[str, ...] | None = None
        self._builtins: set[str] = set()
        self._packages: dict[str, str] = {}
        #: Problems met while loading plugins, reported on every article.
        self.load_errors: list[str] = []

    # -- configuration ----------------------------------------------------------------------

    @property
    def environ(self) -> Mapping[str, str]:
        return os.environ if self._environ is None else self._environ

    @property
    def strict(self) -> bool:
        return self.environ.get(ENV_STRICT, "").strip().lower() in {"1", "true", "yes", "on"}

    def _wanted(self) -> set[str] | None:
        """Names of installed plugins to load; ``None`` for all."""
        value = self.environ.get(ENV_PLUGINS)
        if value is None:
            return None
        names = {n.strip().lower() for n in value.split(",") if n.strip()}
        return set() if names <= {"none"} else names

    # -- loading ----------------------------------------------------------------------------

    def _report(self, message: str, exc: BaseException | None = None) -> None:
        log.warning("%s", message)
        if self.strict:
            raise PluginError(message) from exc

    def _ensure_loaded(self) -> None:
        if self._loaded:
            return
        with self._lock:
            if self._loaded:
                return
            for module_name in _BUILTIN_MODULES:
                module = importlib.import_module(module_name)
                self._pm.register(module, name=module_name)
                self._builtins.add(module_name)
                self._packages[module_name] = "articlekit"
            if self._use_entry_points:
                self._load_entry_points()
            self._pm.check_pending()
            self._loaded = True

    def _load_entry_points(self) -> None:
        wanted = self._wanted()
        if wanted == set():
            return
        for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
            dist = ep.dist.name if ep.dist is not None else ep.module
            if wanted is not None and ep.name.lower() not in wanted and dist.lower() not in wanted:
                continue
            if self._pm.has_plugin(ep.name):
                continue
            try:
                plugin = ep.load()
                self._pm.register(plugin, name=ep.name)
            except Exception as exc:
                message = f"plugin {ep.name!r} ({dist}) failed to load and was skipped: {_describe_error(exc)}"
                self.load_errors.append(message)
                self._report(message, exc)
                continue
            self._packages[ep.name] = dist

    def register(self, plugin: object, name: str | None = None) -> str:
        """Register a plugin object (a module, class or instance with hook implementations)."""
        self._ensure_loaded()
        with self._lock:
            try:
                registered = self._pm.register(plugin, name=name)
            except ValueError as exc:
                raise PluginError(f"plugin {name or plugin!r} is already registered") from exc
            if registered is None:
                raise PluginError(f"plugin {name or plugin!r} is blocked")
            self._pm.check_pending()
            self._parsers = None
            self._verbs = None
            return registered

    def unregister(self, plugin: object | None = None, name: str | None = None) -> None:
        """Remove a plugin registered with :meth:`register` (by object or by name)."""
        with self._lock:
            self._pm.unregister(plugin=plugin, name=name)
            self._parsers = None
            self._verbs = None

    def plugin_names(self) -> list[str]:
        """Names of every registered plugin, built-ins included."""
        self._ensure_loaded()
        return [name for name, _ in self._pm.list_name_plugin()]

    # -- the hooks, typed -------------------------------------------------------------------

    def _implementations(self, hook_name: str) -> Iterator[tuple[str, Callable[..., Any]]]:
        """Each implementation of a hook as ``(plugin name, call)``, in pluggy's call order.

        We call implementations one at a time (not through ``pm.hook``) so that one failing
        plugin cannot stop the others. As pluggy does, an implementation gets only the
        arguments it names, so hooks can grow new arguments without breaking plugins.
        """
        hook = getattr(self._pm.hook, hook_name)
        # pluggy calls later-registered implementations first; we keep that order (LIFO), with
        # tryfirst/trylast honoured, so a plugin can override the built-ins.
        for impl in reversed(hook.get_hookimpls()):
            yield impl.plugin_name, functools.partial(_call_with_known_args, impl.function, tuple(impl.argnames))

    def _collect_parsers(self) -> dict[str, ParserEntry]:
        parsers: dict[str, ParserEntry] = {}
        for plugin_name, function in self._implementations("articlekit_parsers"):
            found: list[object] = []
            try:
                function(register=found.append)
            except Exception as exc:
                self._record(f"plugin {plugin_name!r} failed while registering parsers and was skipped: {_describe_error(exc)}", exc)
                continue
            for parser in found:
                if not isinstance(parser, Parser) or not isinstance(getattr(parser, "name", None), str):
                    self._record(
                        f"plugin {plugin_name!r} registered {type(parser).__name__}, which is not a parser; skipped"
                    )
                    continue
                if parser.name in parsers:
                    self._record(
                        f"plugin {plugin_name!r} registered parser {parser.name!r}, a name already taken by "
                        f"{parsers[parser.name].plugin!r}; skipped"
                    )
                    continue
                parsers[parser.name] = ParserEntry(
                    parser=parser,
                    plugin=plugin_name,
                    package=self._packages.get(plugin_name, "(in process)"),
                    builtin=plugin_name in self._builtins,
                )
        return parsers

    def _record(self, message: str, exc: BaseException | None = None) -> None:
        if message not in self.load_errors:
            self.load_errors.append(message)
        self._report(message, exc)

    def parsers(self) -> dict[str, ParserEntry]:
        """Every registered parser by name."""
        self._ensure_loaded()
        with self._lock:
            if self._parsers is None:
                self._parsers = self._collect_parsers()
            return dict(self._parsers)

    def reporting_verbs(self) -> tuple[str, ...]:
        """Extra reporting verbs registered by plugins (:func:`~articlekit.hookspecs.articlekit_reporting_verbs`)."""
        self._ensure_loaded()
        with self._lock:
            if self._verbs is None:
                verbs: list[str] = []
                for plugin_name, function in self._implementations("articlekit_reporting_verbs"):
                    found: list[object] = []
                    try:
                        function(register=found.append)
                    except Exception as exc:
                        self._record(f"plugin {plugin_name!r} failed to register reporting verbs: {_describe_error(exc)}", exc)
                        continue
                    verbs.extend(v.strip() for v in found if isinstance(v, str) and v.strip())
                self._verbs = tuple(dict.fromkeys(verbs))
            return self._verbs

    # -- choosing and running a parser ------------------------------------------------------

    def rank(self, document: Document) -> tuple[list[tuple[int, ParserEntry]], list[str]]:
        """Parsers that claim ``document``, best first, and the problems met while asking."""
        claims: list[tuple[int, ParserEntry]] = []
        problems: list[str] = []
        for entry in self.parsers().values():
            try:
                score = entry.parser.claim(document)
            except Exception as exc:
                message = f"parser {entry.name!r} (plugin {entry.plugin!r}) failed while claiming and was skipped: {_describe_error(exc)}"
                problems.append(message)
                self._report(message, exc)
                continue
            if isinstance(score, bool) or not isinstance(score, (int, float)) or score <= 0:
                if score not in (None, 0, False):
                    problems.append(f"parser {entry.name!r} returned a claim of {score!r}, not a number; ignored")
                continue
            claims.append((int(score), entry))
        claims.sort(key=lambda c: (-c[0], c[1].builtin, c[1].name))
        return claims, problems

    def run_parser(self, entry: ParserEntry, document: Document) -> _Outcome:
        """Run one parser, turning any failure into a reported warning."""
        try:
            article = entry.parser.parse(document)
        except Exception as exc:
            message = f"parser {entry.name!r} (plugin {entry.plugin!r}) failed and was skipped: {_describe_error(exc)}"
            self._report(message, exc)
            return _Outcome(None, (message,))
        if not isinstance(article, Article):
            message = f"parser {entry.name!r} (plugin {entry.plugin!r}) returned {type(article).__name__}, not an Article; skipped"
            self._report(message)
            return _Outcome(None, (message,))
        return _Outcome(article, ())

    def candidates(self, document: Document, parser: str | None) -> tuple[list[ParserEntry], list[str]]:
        """The parsers to try for ``document``, in order, and the problems met choosing them."""
        ranked, problems = self.rank(document)
        order = [entry for _, entry in ranked]
        if parser is not None:
            entries = self.parsers()
            if parser not in entries:
                known = ", ".join(sorted(entries)) or "none"
                raise ParserNotFoundError(f"no parser named {parser!r}; registered parsers: {known}")
            forced = entries[parser]
            order = [forced, *(e for e in order if e is not forced)]
        return order, problems

    def enrich(self, article: Article, document: Document) -> Article:
        """Run every ``articlekit_enrich`` implementation over ``article``, isolating failures."""
        self._ensure_loaded()
        for plugin_name, function in self._implementations("articlekit_enrich"):
            try:
                result = function(article=article, document=document)
            except Exception as exc:
                message = f"plugin {plugin_name!r} failed while enriching and was skipped: {_describe_error(exc)}"
                self._report(message, exc)
                article = article.with_warning(message)
                continue
            if result is None:
                continue
            if not isinstance(result, Article):
                message = f"plugin {plugin_name!r} returned {type(result).__name__} from articlekit_enrich, not an Article; skipped"
                self._report(message)
                article = article.with_warning(message)
                continue
            article = result
        return article


_default: Registry | None = None
_default_lock = threading.Lock()


def default_registry() -> Registry:
    """The process-wide registry :func:`articlekit.parse` uses."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Registry()
    return _default


def reload() -> Registry:
    """Forget the loaded plugins and start a new default registry (re-reads the environment)."""
    global _default
    with _default_lock:
        _default = Registry()
    return _default


def register(plugin: object, name: str | None = None) -> str:
    """Register ``plugin`` with the default registry; returns the name it got."""
    return default_registry().register(plugin, name=name)


def unregister(plugin: object | None = None, name: str | None = None) -> None:
    """Remove a plugin from the default registry."""
    default_registry().unregister(plugin=plugin, name=name)
