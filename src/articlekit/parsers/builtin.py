"""articlekit's own plugin: the generic parsers, registered through the public hooks."""

from __future__ import annotations

from collections.abc import Callable

import pluggy

from .base import Parser
from .html import HtmlParser
from .text import TextParser

hookimpl = pluggy.HookimplMarker("articlekit")


@hookimpl
def articlekit_parsers(register: Callable[[Parser], None]) -> None:
    register(TextParser())
    register(HtmlParser())
