"""articlekit parser for Reviewed (reviewed.com): buying guides built of product modules.

Reviewed's guides and award pages put most of their text inside product cards
(``div.c-product-widget``): the verdict on each product, its pros and cons. The generic parser
reads the "widget" class names as boilerplate and keeps only the introduction. This parser names
the article container and keeps the cards, dropping what is not the article: the "where to
buy" offer lists and the "follow us" and price-accuracy notes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

import articlekit
from articlekit.extract.body import Pass
from articlekit.parsers import HtmlParser, Parser

__all__ = ["ReviewedParser", "articlekit_parsers"]


class ReviewedParser(HtmlParser):
    """The generic HTML parser, told where Reviewed keeps the article and that its cards are prose."""

    name: ClassVar[str] = "reviewed"
    version: ClassVar[str] = "0.1.0"
    generic = False
    hosts = ("reviewed.com",)
    #: Pages syndicated elsewhere keep Reviewed's page structure.
    signatures = (r"class=\"feature__content-block\"",)
    body_selectors = ("div.feature__page div.feature__content-block", "div.feature__content-block")
    #: The "where to buy" offer lists and the follow-us and price-accuracy notes.
    drop_selectors = ("div.where-to-buy", "div.social-text")
    #: The product cards are named "widget": class names must not condemn them.
    container_pass = Pass(strip_unlikely=False, weight_classes=False)


@articlekit.hookimpl
def articlekit_parsers(register: Callable[[Parser], None]) -> None:
    """Register the publisher's parser."""
    register(ReviewedParser())
