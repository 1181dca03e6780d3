"""articlekit parser for the British Heart Foundation (bhf.org.uk) magazine and advice pages.

The article sits in one column of several ``section.text-layout`` blocks, with promo boxes
between them; the generic parser takes the first blocks and stops before the shopping-list
tables (whose "scrollable" wrappers read as boilerplate). This parser names the column, drops
the promo boxes and the "On this page" jump links, and keeps the tables.

The pages' JSON-LD ``headline`` is the CMS's internal page name ("Sample menus"), not the
headline readers see, which the hero banner, ``og:title`` and ``<title>`` all carry: this parser
reads the hero's ``<h1>``, and the hero's "Page updated:" date as ``modified`` (never as
``published``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

import articlekit
import lxml.html
from articlekit.extract.body import Pass
from articlekit.extract.dates import parse_date
from articlekit.extract.metadata import Metadata
from articlekit.models import DateValue
from articlekit.parsers import HtmlParser, Parser

__all__ = ["BhfParser", "articlekit_parsers"]


class BhfParser(HtmlParser):
    """The generic HTML parser with the BHF hero banner's title and update date."""

    name: ClassVar[str] = "bhf"
    version: ClassVar[str] = "0.1.0"
    generic = False
    hosts = ("bhf.org.uk",)
    body_selectors = ("section.inline-and-sidebar-container div.col-lg-7",)
    #: The "On this page" jump links and the promo boxes between the article's blocks.
    drop_selectors = ("section.inline-anchor-links", "section.highlighted-info-block")
    #: The tables' "scrollable" wrappers must not condemn them.
    container_pass = Pass(strip_unlikely=False, weight_classes=False)

    def title(self, tree: lxml.html.HtmlElement, metadata: Metadata) -> str | None:
        """The hero banner's headline, else what the generic rules found."""
        for heading in tree.xpath("//h1[contains(@class,'hero')]"):
            text = " ".join(heading.text_content().split())
            if text:
                return text
        return metadata.title

    def modified(self, tree: lxml.html.HtmlElement, metadata: Metadata) -> DateValue | None:
        """The hero's "Page updated:" date, else what the generic rules found."""
        for label in tree.xpath(
            "//time[.//*[contains(normalize-space(.),'Page updated')]]//*[contains(@class,'date') and not(contains(@class,'type'))]"
        ):
            found = parse_date(" ".join(label.text_content().split()))
            if found is not None:
                return found
        return metadata.modified


@articlekit.hookimpl
def articlekit_parsers(register: Callable[[Parser], None]) -> None:
    """Register the publisher's parser."""
    register(BhfParser())
