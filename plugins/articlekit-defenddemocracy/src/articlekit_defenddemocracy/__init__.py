"""articlekit plugin for Defend Democracy Press republications (plain-text form)."""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from typing import ClassVar

import articlekit
from articlekit.parsers import Parser, TextParser

try:
    __version__ = version("articlekit-defenddemocracy")
except PackageNotFoundError:  # pragma: no cover - source tree not installed
    __version__ = "0+unknown"

__all__ = ["DefendDemocracyTextParser", "articlekit_parsers"]

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


@articlekit.hookimpl
def articlekit_parsers(register: Callable[[Parser], None]) -> None:
    """Register the outlet's parser."""
    register(DefendDemocracyTextParser())
