"""What a parser is, and how strongly it claims a document.

Selection rule (see ``docs/explanation/selection.rst``): every registered parser is asked
:meth:`Parser.claim`; the highest score wins; ties go to a parser from a plugin over a built-in
one, then to the parser name in alphabetical order, so the choice never depends on load order.
The built-in generic parsers claim their kind of document with :data:`CLAIM_GENERIC`, so they
win only when nothing more specific does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar, Protocol, runtime_checkable

if TYPE_CHECKING:
    from ..document import Document, DocumentKind
    from ..models import Article

__all__ = [
    "CLAIM_GENERIC",
    "CLAIM_SIGNATURE",
    "CLAIM_URL",
    "CLAIM_URL_AND_SIGNATURE",
    "BaseParser",
    "Parser",
    "host_matches",
]

#: Score of a generic parser for its kind of document.
CLAIM_GENERIC = 1
#: Score of a parser whose content signature (e.g. a fixed footer) is in the document.
CLAIM_SIGNATURE = 50
#: Score of a parser whose host pattern matches the document's URL.
CLAIM_URL = 100
#: Score when both the URL and the signature match.
CLAIM_URL_AND_SIGNATURE = 150


@runtime_checkable
class Parser(Protocol):
    """The interface every parser follows (structural: no base class needed)."""

    @property
    def name(self) -> str:
        """Unique name, used by ``parse(..., parser=NAME)`` and shown in :attr:`Article.parser <articlekit.Article.parser>`."""
        ...  # pragma: no cover

    @property
    def version(self) -> str:
        """Version of the parser (usually its package's version)."""
        ...  # pragma: no cover

    def claim(self, document: Document) -> int | None:
        """How strongly this parser claims ``document``; ``None`` or ``0`` for not at all."""
        ...  # pragma: no cover

    def parse(self, document: Document) -> Article:
        """Turn ``document`` into an :class:`~articlekit.Article`."""
        ...  # pragma: no cover

    def describe(self) -> str:
        """One line saying what the parser claims, for ``articlekit plugins``."""
        ...  # pragma: no cover


def host_matches(host: str | None, patterns: Iterable[str]) -> bool:
    """Whether ``host`` is one of ``patterns`` or a subdomain of one (``www.`` ignored)."""
    if not host:
        return False
    host = host.lower().removeprefix("www.")
    return any(host == p or host.endswith("." + p) for p in patterns)


class BaseParser:
    """Declarative claiming for publisher parsers.

    Set :attr:`hosts` (URL hosts, subdomains included) and/or :attr:`signatures` (regular
    expressions searched in the decoded document) and, if the parser handles only one kind,
    :attr:`kinds`. :meth:`~BaseParser.claim` then scores documents by the module's rule. Generic parsers set
    :attr:`generic`.
    """

    name: ClassVar[str] = ""
    version: ClassVar[str] = ""
    #: Hosts this parser claims (``"example.com"`` also claims ``news.example.com``).
    hosts: ClassVar[tuple[str, ...]] = ()
    #: Regular expressions, matched case-insensitively; a document containing any of them is claimed.
    signatures: ClassVar[tuple[str, ...]] = ()
    #: Which kinds of document this parser reads.
    kinds: ClassVar[tuple[DocumentKind, ...]] = ("html", "text")
    #: Claim every document of :attr:`kinds` with :data:`CLAIM_GENERIC`.
    generic: ClassVar[bool] = False

    _compiled: ClassVar[tuple[tuple[re.Pattern[str], bool], ...] | None] = None

    @classmethod
    def _signature_patterns(cls) -> tuple[tuple[re.Pattern[str], bool], ...]:
        r"""Each signature compiled, with whether it runs on the lower-cased text.

        Signatures match case-insensitively. ``re.IGNORECASE`` turns off the regex engine's fast
        literal scanning, which made one signature cost milliseconds per page, for every page
        and every installed plugin; so a pattern without upper-case letters (nothing to fold,
        and no ``\S``-style escapes) runs case-sensitively on the document's lower-cased text,
        which is equivalent and an order of magnitude faster.
        """
        compiled = cls.__dict__.get("_compiled")
        if compiled is None:
            compiled = tuple(
                (re.compile(s), True) if s == s.lower() else (re.compile(s, re.IGNORECASE), False) for s in cls.signatures
            )
            cls._compiled = compiled
        return compiled

    def matches_signature(self, document: Document) -> bool:
        """Whether any of :attr:`signatures` occurs in the document's text (case-insensitively)."""
        return any(p.search(document.lowered if lowered else document.text) for p, lowered in self._signature_patterns())

    def claim(self, document: Document) -> int | None:
        """Score ``document`` by :attr:`hosts`, :attr:`signatures` and :attr:`kinds` (see the module rule)."""
        if document.kind not in self.kinds:
            return None
        by_url = host_matches(document.host, self.hosts)
        by_signature = bool(self.signatures) and self.matches_signature(document)
        if by_url and by_signature:
            return CLAIM_URL_AND_SIGNATURE
        if by_url:
            return CLAIM_URL
        if by_signature:
            return CLAIM_SIGNATURE
        return CLAIM_GENERIC if self.generic else None

    def describe(self) -> str:
        """What the parser claims, in words (shown by ``articlekit plugins``)."""
        parts: list[str] = []
        if self.generic:
            parts.append("any " + " or ".join(self.kinds) + " document (generic)")
        if self.hosts:
            parts.append("hosts " + ", ".join(self.hosts))
        if self.signatures:
            parts.append(f"{len(self.signatures)} content signature(s)")
        parts.append("kinds: " + "/".join(self.kinds))
        return "; ".join(parts)

    def parse(self, document: Document) -> Article:  # pragma: no cover - abstract
        """Turn the document into an :class:`~articlekit.Article` (subclasses implement it)."""
        raise NotImplementedError(f"{type(self).__name__} must implement parse()")

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r} {self.version}>"
