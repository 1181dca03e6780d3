"""The generic HTML parser (registered as ``html``), and the base class of publisher parsers.

:class:`HtmlParser` reads any news or blog page: metadata from
:func:`articlekit.extract.metadata.extract_metadata` (JSON-LD, OpenGraph, ``<meta>``, ...), the
body from :func:`articlekit.extract.body.extract_body`, and links in and around the body.

A publisher parser subclasses it and overrides only what differs; everything else falls back
to the generic extraction::

    class ExampleNewsParser(HtmlParser):
        name = "example-news"
        hosts = ("example-news.com",)
        generic = False
        body_selectors = ("div.story-body",)       # where the article is
        drop_selectors = (".inline-promo", "aside.newsletter")   # what to remove from it

        def authors(self, tree, metadata):          # a byline the generic rules miss
            return tuple(tree.xpath("//span[@class='writer']/text()"))

Extension points, in the order :meth:`HtmlParser.parse` uses them:

- :attr:`~HtmlParser.drop_selectors` - CSS selectors (or XPath) removed before extraction.
- :attr:`~HtmlParser.body_selectors` / :meth:`~HtmlParser.body_root` - the article container;
  without one, the container is found by scoring (Readability's method).
- :meth:`~HtmlParser.metadata` - all metadata at once; or the per-field methods
  :meth:`~HtmlParser.title`, :meth:`~HtmlParser.authors`, :meth:`~HtmlParser.published`,
  :meth:`~HtmlParser.modified`, :meth:`~HtmlParser.site_name`, :meth:`~HtmlParser.language`.
- :meth:`~HtmlParser.body` - the whole body step (paragraphs, links, disclaimer).
- :meth:`~HtmlParser.postprocess` - a last look at the finished :class:`~articlekit.Article`.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, ClassVar

import lxml.html
from lxml import etree

from .._version import __version__
from ..document import Document
from ..errors import ParseError
from ..extract.body import Body, Pass, extract_body
from ..extract.links import is_followable
from ..extract.metadata import Metadata, base_href, extract_metadata
from ..models import Article, DateValue, Link, LinkKind, ParserInfo
from .base import BaseParser

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["HtmlParser", "base_url"]

_SPACE = re.compile(r"\s+")
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")
_CLASS_LOOKBACK = 2_000
#: What follows schema.org's ``"isAccessibleForFree"`` on a page that marks itself paywalled.
_NOT_FREE = re.compile(r"""\s*:\s*["']?false""", re.IGNORECASE)
_JSON_LD_TYPES = frozenset(["newsarticle", "article", "blogposting", "reportagenewsarticle", "webpage", "report"])


def base_url(tree: lxml.html.HtmlElement, url: str | None) -> str | None:
    """The URL relative links resolve against: the first ``<base href>`` (itself resolved) or
    ``url``, as :func:`~articlekit.extract.metadata.extract_metadata` reads it."""
    return base_href(tree.iter("base"), url)


class HtmlParser(BaseParser):
    """Generic HTML article parser (registered as ``html``); subclass it for a publisher.

    See the module documentation for the extension points.
    """

    name: ClassVar[str] = "html"
    version: ClassVar[str] = __version__
    kinds = ("html",)
    generic = True

    #: CSS selectors (or XPath starting with ``/``) for the article container; the first that
    #: matches an element with text wins. Empty: find the container by scoring.
    body_selectors: ClassVar[tuple[str, ...]] = ()
    #: CSS selectors (or XPath starting with ``/`` or ``.//``) of elements to remove before the
    #: body is extracted (promos, share bars, author boxes the generic rules miss).
    drop_selectors: ClassVar[tuple[str, ...]] = ()
    #: Below this many characters the strict pass is not trusted and filters are relaxed.
    min_body_chars: ClassVar[int] = 500
    #: Which filters clean the container :attr:`body_selectors` found. By default everything but
    #: the removal of unlikely-named containers; a publisher whose class names mislead the
    #: generic vocabulary (articles built of "widget" or "promo" modules) turns off
    #: ``weight_classes`` too.
    container_pass: ClassVar[Pass] = Pass(strip_unlikely=False)

    # -- the steps -------------------------------------------------------------------------------

    def parse(self, document: Document) -> Article:
        tree = document.tree
        meta = self.metadata(tree, document.url)
        title = self.title(tree, meta)
        # extract_metadata has read <base href> already; a parser's own Metadata without one
        # resolves against the page URL, and without a URL against the canonical URL the page
        # declares.
        base = meta.base_url or document.url or _web_url(meta.canonical_url)
        body = self.body(tree, base, title)
        warnings: list[str] = []
        if base is None and _has_relative_links(tree):
            warnings.append("the page's relative links were left out: it gives no URL to resolve them against (pass url=)")
        paragraphs = body.paragraphs
        links = list(body.links)
        if not paragraphs:
            fallback = self.json_ld_body(tree)
            if fallback:
                paragraphs = fallback
                warnings.append("the page has no body text in its HTML; the body comes from its JSON-LD")
            else:
                warnings.append("no article body found in the page")
        if (
            paragraphs
            and (document.mentions("isAccessibleForFree") or document.mentions("paywall"))
            and _marks_paywall(document.text)
        ):
            warnings.append("the page marks its text as for subscribers only: the body may be truncated")
        canonical = meta.canonical_url
        if canonical:
            links.append(Link(url=canonical, text=title or "", kind=LinkKind.CANONICAL))
        if meta.source_url and not any(link.kind is LinkKind.SOURCE for link in links):
            links.append(Link(url=meta.source_url, kind=LinkKind.SOURCE))
        article = Article(
            title=title,
            authors=self.authors(tree, meta),
            published=self.published(tree, meta),
            modified=self.modified(tree, meta),
            url=canonical or document.url,
            site_name=self.site_name(tree, meta),
            language=self.language(tree, meta),
            description=meta.description,
            section=meta.section,
            tags=meta.tags,
            image=meta.image,
            paragraphs=paragraphs,
            links=tuple(links),
            disclaimer=body.disclaimer,
            parser=ParserInfo(self.name, self.version),
            warnings=tuple(warnings),
        )
        return self.postprocess(article, document)

    def metadata(self, tree: lxml.html.HtmlElement, url: str | None) -> Metadata:
        """All page metadata (see :mod:`articlekit.extract.metadata`), before per-field overrides.

        Its :attr:`~articlekit.extract.metadata.Metadata.base_url` is what relative links resolve
        against; an override that builds its own :class:`~articlekit.extract.metadata.Metadata`
        sets it (:func:`~articlekit.parsers.html.base_url` reads the page's ``<base href>``), or
        links resolve against the page URL.
        """
        return extract_metadata(tree, url)

    def title(self, tree: lxml.html.HtmlElement, metadata: Metadata) -> str | None:
        """The headline."""
        return metadata.title

    def authors(self, tree: lxml.html.HtmlElement, metadata: Metadata) -> tuple[str, ...]:
        """Author names, clean, in byline order."""
        return metadata.authors

    def published(self, tree: lxml.html.HtmlElement, metadata: Metadata) -> DateValue | None:
        """Original publication time."""
        return metadata.published

    def modified(self, tree: lxml.html.HtmlElement, metadata: Metadata) -> DateValue | None:
        """Last modification time."""
        return metadata.modified

    def site_name(self, tree: lxml.html.HtmlElement, metadata: Metadata) -> str | None:
        """The publisher's name."""
        return metadata.site_name

    def language(self, tree: lxml.html.HtmlElement, metadata: Metadata) -> str | None:
        """The page's language tag."""
        return metadata.language

    def body_root(self, tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
        """The article container from :attr:`body_selectors`, or ``None`` to find it by scoring."""
        for selector in self.body_selectors:
            try:
                found: Sequence[Any] = tree.xpath(selector) if selector.startswith("/") else tree.cssselect(selector)
            except (etree.XPathError, SyntaxError, ValueError) as exc:
                raise ParseError(f"{type(self).__name__}.body_selectors: bad selector {selector!r}: {exc}") from exc
            for el in found:
                if isinstance(el, lxml.html.HtmlElement) and el.text_content().strip():
                    return el
        return None

    def body(self, tree: lxml.html.HtmlElement, base: str | None, title: str | None) -> Body:
        """Paragraphs, inline/related/source links and the disclaimer."""
        return extract_body(
            tree,
            base_url=base,
            title=title,
            container=self.body_root(tree),
            drop=self.drop_selectors,
            min_chars=self.min_body_chars,
            container_pass=self.container_pass,
        )

    def json_ld_body(self, tree: lxml.html.HtmlElement) -> tuple[str, ...]:
        """Paragraphs of a JSON-LD ``articleBody``, for pages that render their text by script."""
        for script in tree.xpath("//script[@type='application/ld+json']"):
            try:
                data = json.loads(script.text or "")
            except (ValueError, RecursionError):
                continue
            body = _find_article_body(data)
            if body:
                paragraphs = [_SPACE.sub(" ", p).strip() for p in re.split(r"\n\s*\n|\r?\n", body)]
                return tuple(p for p in paragraphs if p)
        return ()

    def postprocess(self, article: Article, document: Document) -> Article:
        """A last change to the finished article; returns it unchanged by default."""
        return article


def _web_url(url: str | None) -> str | None:
    """``url`` when it is an absolute ``http(s)`` URL, else ``None``."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _has_relative_links(tree: lxml.html.HtmlElement) -> bool:
    """Whether any ``<a href>`` of the page is a relative link to a page."""
    for anchor in tree.iter("a"):
        href = (anchor.get("href") or "").strip()
        if href and is_followable(href) and not _SCHEME.match(href):
            return True
    return False


def _marks_paywall(text: str) -> bool:
    """Whether the page says its text is for subscribers: schema.org's ``isAccessibleForFree``
    set to false, or an element whose class names a paywall (in lower case, as CSS class names are
    written).

    Literal searches first, then a look at each place found: a case-insensitive regular
    expression over a whole page costs milliseconds on large pages.
    """
    start = text.find("isAccessibleForFree")
    while start >= 0:
        end = start + len("isAccessibleForFree")
        quoted = text[start - 1 : start] in ("'", '"') and text[end : end + 1] in ("'", '"')
        if quoted and _NOT_FREE.match(text, end + 1):
            return True
        start = text.find("isAccessibleForFree", end)
    start = text.find("paywall")
    while start >= 0:
        if not (start and (text[start - 1].isalnum() or text[start - 1] == "_")):
            # Inside a class attribute: the nearest quote before it opens ``class="``. Class
            # lists are short: looking back a bounded way keeps many mentions linear.
            window = max(0, start - _CLASS_LOOKBACK)
            quote = max(text.rfind('"', window, start), text.rfind("'", window, start))
            if quote >= 6 and text[quote - 6 : quote].lower() == "class=":
                return True
        start = text.find("paywall", start + len("paywall"))
    return False


def _find_article_body(data: Any, depth: int = 0) -> str | None:
    if depth > 6:
        return None
    if isinstance(data, list):
        for item in data:
            found = _find_article_body(item, depth + 1)
            if found:
                return found
        return None
    if not isinstance(data, dict):
        return None
    kind = data.get("@type")
    kinds = [kind] if isinstance(kind, str) else kind if isinstance(kind, list) else []
    body = data.get("articleBody") or data.get("text")
    if isinstance(body, str) and body.strip() and any(str(k).lower() in _JSON_LD_TYPES for k in kinds):
        return body
    graph = data.get("@graph")
    if graph is not None:
        return _find_article_body(graph, depth + 1)
    return None
