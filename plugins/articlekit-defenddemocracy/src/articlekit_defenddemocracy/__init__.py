"""articlekit plugin for Defend Democracy Press republications, as plain text and as web pages.

The outlet marks its republications in two ways, in either form: ``Read also:`` before a
related article's title, set between paragraphs, and a disclaimer footer. Both parsers turn each
``Read also:`` title into a ``related`` link and put the footer in ``Article.disclaimer``; neither
is body. Everything else is articlekit's generic extraction.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from typing import ClassVar

import attrs
import lxml.html

import articlekit
from articlekit.extract.authors import parse_byline
from articlekit.extract.body import Body, editable_copy, resolve_url
from articlekit.extract.metadata import Metadata
from articlekit.models import Link, LinkKind
from articlekit.parsers import HtmlParser, Parser, TextParser

try:
    __version__ = version("articlekit-defenddemocracy")
except PackageNotFoundError:  # pragma: no cover - source tree not installed
    __version__ = "0+unknown"

__all__ = ["DefendDemocracyHtmlParser", "DefendDemocracyTextParser", "articlekit_parsers"]

# The footer, loosely: any white space between words, curly or straight apostrophes, "our site"
# or "this site/website", "does not mean" or "does not imply".
_FOOTER = (
    r"we\s+remind\s+our\s+readers\s+that\s+(?:the\s+)?publication\s+of\s+(?:the\s+)?articles",
    r"publication\s+of\s+(?:the\s+)?articles\s+on\s+(?:our|this)\s+(?:web\s*)?site\s+does\s+not\s+(?:mean|imply)",
    r"does\s+not\s+(?:mean|imply)\s+that\s+we\s+(?:agree|endorse)\s+(?:with\s+)?(?:what|everything)\s+(?:is\s+)?written",
)
# "Read also:" alone on its line, or followed by the title on the same line.
_READ_ALSO = r"read\s+(?:also|more)\s*[:：]\s*"


class DefendDemocracyTextParser(TextParser):
    """The outlet's plain-text form: the generic text parser minus its two marks."""

    name: ClassVar[str] = "defenddemocracy"
    version: ClassVar[str] = __version__
    kinds = ("text",)
    generic = False
    hosts = ("defenddemocracy.press",)
    signatures = (*_FOOTER, r"(?m)^[ \t]*read\s+also\s*[:：][ \t]*$")
    related_markers = (_READ_ALSO,)
    disclaimer_patterns = _FOOTER


_FOOTER_RE = re.compile("|".join(_FOOTER), re.IGNORECASE)
_READ_ALSO_RE = re.compile(r"^\s*read\s+also\s*[:：]\s*", re.IGNORECASE)
_BLOCKS = ("p", "div", "h2", "h3", "h4", "h5", "h6", "li", "blockquote")


def _text(el: lxml.html.HtmlElement) -> str:
    return " ".join(el.text_content().split())


def _href(el: lxml.html.HtmlElement, base: str | None) -> str | None:
    for a in el.iter("a"):
        url = resolve_url(a.get("href") or "", base)
        if url:
            return url
    return None


class DefendDemocracyHtmlParser(HtmlParser):
    """The outlet's web pages: the generic HTML parser minus the two marks and the byline line."""

    name: ClassVar[str] = "defenddemocracy-html"
    version: ClassVar[str] = __version__
    generic = False
    hosts = ("defenddemocracy.press",)
    #: The footer's wording, wherever the page is served from.
    signatures = _FOOTER

    def body(self, tree: lxml.html.HtmlElement, base: str | None, title: str | None) -> Body:
        """The generic body of a copy of the page without the marks, plus the marks as data."""
        tree = editable_copy(tree)
        related: list[Link] = []
        disclaimers: list[str] = []
        for el in list(tree.iter(*_BLOCKS)):
            if el.getparent() is None or any(child.tag in _BLOCKS for child in el):
                continue  # removed already, or a container of blocks
            text = _text(el)
            marker = _READ_ALSO_RE.match(text)
            if marker:
                rest = text[marker.end() :]
                target = el
                if not rest:  # the title is the next block
                    following = el.getnext()
                    if following is None or following.tag not in _BLOCKS:
                        continue
                    rest, target = _text(following), following
                    following.drop_tree()
                if rest:
                    related.append(Link(url=_href(target, base), text=rest, kind=LinkKind.RELATED))
                el.drop_tree()
            elif _FOOTER_RE.search(text) and len(text) < 1000:
                disclaimers.append(text)
                el.drop_tree()
            elif self._byline(el) is not None:
                el.drop_tree()
        body = super().body(tree, base, title)
        disclaimer = " ".join(filter(None, [*disclaimers, body.disclaimer])) or None
        return attrs.evolve(body, links=(*body.links, *related), disclaimer=disclaimer)

    def authors(self, tree: lxml.html.HtmlElement, metadata: Metadata) -> tuple[str, ...]:
        """The page's metadata authors, else the "By ..." line the republished text opens with."""
        if metadata.authors:
            return metadata.authors
        for el in tree.xpath(
            "//*[contains(concat(' ', normalize-space(@class), ' '), ' entry-content ')]/p[position() <= 2]"
        ):
            names = self._byline(el)
            if names:
                return tuple(names)
        return ()

    @staticmethod
    def _byline(el: lxml.html.HtmlElement) -> list[str] | None:
        if el.tag != "p" or el.getparent() is None:
            return None
        parent = el.getparent()
        if parent is None or "entry-content" not in (parent.get("class") or "").split():
            return None
        if parent.index(el) > 1:
            return None
        text = _text(el)
        return parse_byline(text) if text.lower().startswith("by ") and len(text) < 120 else None


@articlekit.hookimpl
def articlekit_parsers(register: Callable[[Parser], None]) -> None:
    """Register the outlet's parsers: its plain-text form and its web pages."""
    register(DefendDemocracyTextParser())
    register(DefendDemocracyHtmlParser())
