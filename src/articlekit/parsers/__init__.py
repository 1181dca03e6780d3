"""Built-in parsers and the base classes publisher parsers extend."""

from __future__ import annotations

from .base import CLAIM_GENERIC, CLAIM_SIGNATURE, CLAIM_URL, CLAIM_URL_AND_SIGNATURE, BaseParser, Parser, host_matches
from .html import HtmlParser
from .text import TextParser

__all__ = [
    "CLAIM_GENERIC",
    "CLAIM_SIGNATURE",
    "CLAIM_URL",
    "CLAIM_URL_AND_SIGNATURE",
    "BaseParser",
    "HtmlParser",
    "Parser",
    "TextParser",
    "host_matches",
]
