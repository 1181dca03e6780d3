"""Every hook articlekit calls. The docstrings here are the hook reference.

Implement a hook by writing a function of the same name, decorated with
:data:`articlekit.hookimpl`, in a module or class you register: through the ``articlekit``
entry-point group of an installed package, or in process with
:func:`articlekit.plugins.register`. An implementation may accept fewer arguments than the
spec lists; articlekit always passes them by keyword.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from .document import Document
    from .models import Article
    from .parsers.base import Parser

__all__ = ["articlekit_enrich", "articlekit_parsers", "articlekit_reporting_verbs", "hookspec"]

#: Marker for the hook specifications below (for articlekit's own use).
hookspec = pluggy.HookspecMarker("articlekit")


@hookspec
def articlekit_parsers(register: Callable[[Parser], None]) -> None:
    """Register parsers: call ``register(parser)`` once for each.

    A parser is an object following :class:`articlekit.parsers.base.Parser`: it has a ``name``
    and a ``version``, says how strongly it claims a document (``claim``) and turns a document
    into an :class:`~articlekit.Article` (``parse``). Subclass
    :class:`~articlekit.parsers.TextParser` or :class:`~articlekit.parsers.HtmlParser` to
    override only what differs from the generic extraction.

    Parser names are unique; a second parser with a taken name is reported and skipped. The
    built-in parsers' names (``text``, ``html``) and ``fallback`` are reserved: a plugin parser
    that takes one is refused with a warning naming it, and the built-in parser stays.

    .. code-block:: python

        @articlekit.hookimpl
        def articlekit_parsers(register):
            register(MyOutletParser())
    """


@hookspec
def articlekit_enrich(article: Article, document: Document) -> Article | None:
    """Add to a parsed article; return the changed copy, or ``None`` to leave it as it is.

    Called for every parse, after the parser, once per implementation, each receiving the
    previous one's result (order: ``tryfirst``/``trylast`` markers, then registration).
    Use :func:`attrs.evolve` to return a changed copy. The built-in quote extractor is an
    implementation of this hook. An implementation that raises or returns something other
    than an :class:`~articlekit.Article` is reported in :attr:`Article.warnings <articlekit.Article.warnings>` and skipped.
    """


@hookspec
def articlekit_reporting_verbs(register: Callable[[str], None]) -> None:
    """Add reporting verbs or phrases for quote attribution: ``register("quipped")``.

    Each string is a cue the quote extractor recognises between a quote and its speaker
    (``"…," she quipped``), in the form that follows a speaker; multi-word cues
    (``"told lawmakers"``) are allowed. See :data:`articlekit.extract.quotes.REPORTING_VERBS`
    for the built-in list.
    """
