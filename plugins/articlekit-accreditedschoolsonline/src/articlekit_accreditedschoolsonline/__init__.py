"""articlekit parser for Accredited Schools Online (accreditedschoolsonline.org) guides.

Its program guides are ranking pages: an introduction, then a card per school with a write-up
and a grid of figures (tuition, acceptance rate, enrolment), then more sections. The generic
parser scores the ranking block as the article and loses the rest; this parser names the
article container, keeps the write-ups and drops the figure grids, the hero banner and the
related-pages box. The only date the pages show is "Updated on ...": it becomes ``modified``,
never ``published``.
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

__all__ = ["AccreditedSchoolsOnlineParser", "articlekit_parsers"]


class AccreditedSchoolsOnlineParser(HtmlParser):
    """The generic HTML parser, told where the guide is and which of its cards are figures."""

    name: ClassVar[str] = "accreditedschoolsonline"
    version: ClassVar[str] = "0.1.0"
    generic = False
    hosts = ("accreditedschoolsonline.org",)
    body_selectors = ("article div.content-wrapper",)
    drop_selectors = (
        "div.ss-hero",
        "div.ss-featuredpost-container",
        "section.ss-design-system-ranking-card .grid.grid-cols-2",
        "ul.info-items-with-tooltips",
    )
    #: The write-ups sit in "ranking" and "slider" modules: class names must not condemn them.
    container_pass = Pass(strip_unlikely=False, weight_classes=False)

    def modified(self, tree: lxml.html.HtmlElement, metadata: Metadata) -> DateValue | None:
        """The hero's "Updated on <date>", else what the generic rules found."""
        for label in tree.xpath(
            "//div[contains(@class,'ss-contributorbyline')]//*[starts-with(normalize-space(.),'Updated on')]"
        ):
            found = parse_date(" ".join(label.text_content().split()).removeprefix("Updated on").strip())
            if found is not None:
                return found
        return metadata.modified


@articlekit.hookimpl
def articlekit_parsers(register: Callable[[Parser], None]) -> None:
    """Register the publisher's parser."""
    register(AccreditedSchoolsOnlineParser())
