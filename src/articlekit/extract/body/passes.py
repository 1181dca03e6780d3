"""What one extraction pass applies (:class:`Pass`), and the state its stages share.

A pass runs on a fresh, pre-cleaned copy of ``<body>``: candidates are collected
(``candidates``), scored and the best chosen with its siblings (``scoring``), then cleaned
(``cleaning``); :class:`_PassState` holds what those stages hand each other.
"""

from __future__ import annotations

import functools

import attrs
import lxml.html

from .names import _F_WIDGET, _name_flags, _names
from .nodes import _link_density, _norm_title


@attrs.frozen
class Pass:
    """Which filters one extraction pass applies (all on in the strict pass)."""

    strip_unlikely: bool = True
    weight_classes: bool = True
    clean_conditionally: bool = True
    #: Remove hidden elements (``hidden``, ``display:none``, ``aria-hidden``); relaxed passes keep
    #: them, as pages that stream their content into a hidden element reveal it by script.
    drop_hidden: bool = True


#: The strict pass, then each filter dropped in turn (Readability's order).
PASSES = (
    Pass(),
    Pass(strip_unlikely=False),
    Pass(strip_unlikely=False, weight_classes=False, drop_hidden=False),
    Pass(strip_unlikely=False, weight_classes=False, clean_conditionally=False, drop_hidden=False),
)


class _PassState:
    """The state one pass over a copy of the body builds up, stage after stage."""

    def __init__(self, body: lxml.html.HtmlElement, options: Pass, title: str | None) -> None:
        self.body = body
        self.options = options
        self.title = _norm_title(title)
        #: Raw scores of the candidate containers, and the link-density-corrected ones.
        self.scores: dict[lxml.html.HtmlElement, float] = {}
        self.finals: dict[lxml.html.HtmlElement, float] = {}
        #: Elements named like share bars (removed from the content when small).
        self.shares: list[lxml.html.HtmlElement] = []
        #: Related-article containers removed by the strict pass, with their former parent.
        self.related: list[tuple[lxml.html.HtmlElement, lxml.html.HtmlElement]] = []
        self.disclaimers: list[tuple[lxml.html.HtmlElement, lxml.html.HtmlElement]] = []
        #: The :class:`Pass` filters that changed this pass's course (removed an element, or
        #: weighed a class name other than zero): a pass without any of them would repeat this
        #: one step by step (see :func:`_repeats`).
        self.relied_on: set[str] = set()
        #: Characters of scoring text (paragraphs of 25 characters or more) each element holds as
        #: direct children: the page's blocks of prose, for the sanity check of the choice.
        self.prose: dict[lxml.html.HtmlElement, int] = {}
        #: Characters of photo credits the writer left out of this pass's body: they count when
        #: the pass is judged long enough to trust (leaving a credit out never distrusts a pass).
        self.credit_chars = 0

    @functools.cached_property
    def hash_links(self) -> bool:
        """Whether the tree holds an in-page link (``href="#..."``); when it holds none, link
        lengths skip their query. Removals only take links away, so the answer stays true."""
        for a in self.body.iter("a"):
            href = a.get("href")
            if href and href.startswith("#") and len(href) > 1:
                return True
        return False

    @functools.cached_property
    def page_length(self) -> int:
        """Characters of text in the (pre-cleaned) body, before anything is removed for its name."""
        return len(self.body.text_content())

    @staticmethod
    def _holds_prose(el: lxml.html.HtmlElement) -> bool:
        """A share/promo-named container that holds the article (a wrapper misnamed by a widget)."""
        prose = sum(len(p.text_content()) for p in el.iter("p"))
        return prose > 500 and _link_density(el) < 0.3

    def _widget_wrapper(self, el: lxml.html.HtmlElement) -> bool:
        """A container whose negative weight comes from a widget-like name but which holds the
        article (page builders wrap every block, the text too, in ``*-widget-container``): the
        strict pass keeps it (:meth:`_condemned`), so conditional cleaning does not drop it for
        its name either."""
        names = _names(el)
        return bool(names and _name_flags(names) & _F_WIDGET) and self._holds_prose(el)
