"""Cleaning the chosen content: related lists, share bars, weak containers, the repeated headline."""

from __future__ import annotations

import lxml.html

from .. import boilerplate as bp
from .names import _class_weight
from .nodes import (
    _COUNTS,
    _HEADING_INSIDE,
    _comma_count,
    _contains,
    _is_data_table,
    _link_density,
    _link_length,
    _near_ancestors,
    _norm_title,
    _within,
)
from .passes import _PassState


class _Cleaning(_PassState):
    """The last stage of a pass: clean what was chosen, in place."""

    def _prepare(self, root: lxml.html.HtmlElement) -> None:
        self._take_related_lists(root)
        for el in self.shares:
            if el is not root and el.getparent() is not None and len(el.text_content()) < 500 and _within(el, [root]):
                el.drop_tree()
        if self.options.clean_conditionally:
            for tag in ("form", "fieldset", "table", "ul", "ol", "div", "section", "aside"):
                for el in reversed(list(root.iter(tag))):
                    if el is not root and self._should_clean(el):
                        self.relied_on.add("clean_conditionally")
                        el.drop_tree()
        for el in list(root.iter("h1", "h2")):
            if el is not root and self.options.weight_classes and _class_weight(el) < 0:
                self.relied_on.add("weight_classes")
                el.drop_tree()
        if self.title:
            for el in root.iter("h1", "h2"):
                if _repeats_title(_norm_title(el.text_content()), self.title):
                    el.drop_tree()
                    break

    def _take_related_lists(self, root: lxml.html.HtmlElement) -> None:
        """A "Related articles" heading and the link list after it: related links, not body."""
        found: list[tuple[lxml.html.HtmlElement, lxml.html.HtmlElement]] = []
        # Found from the list's side: lists are fewer than the paragraphs that could head them.
        for following in root.iter("ul", "ol", "div", "section"):
            heading = following.getprevious()
            if following is root or heading is None or heading.tag not in _LIST_HEADINGS or len(heading) > 2:
                continue
            text = heading.text_content()
            if len(text) > 60 or not bp.RELATED_HEADINGS.match(text):
                continue
            if _contains(following, "a") and _link_density(following, hash_links=self.hash_links) > 0.5:
                found.append((heading, following))
        for line in root.iter("p", "div", "li"):
            if len(line) > 3 or line is root:
                continue
            if not _contains(line, "a") or not _may_read_more(line.text):
                continue
            text = line.text_content()
            match = bp.READ_MORE_TEXT.match(text)
            if not match or len(text) >= 200:
                continue
            if _link_length(line, hash_links=self.hash_links) >= 0.6 * len(text[match.end() :].strip()):
                found.append((line, line))
        for heading, links in found:
            parent = links.getparent()
            if parent is None or not _within(links, [root]):
                continue  # inside a list already taken
            self.related.append((links, parent))
            links.drop_tree()
            if heading is not links and heading.getparent() is not None:
                heading.drop_tree()

    def _should_clean(self, el: lxml.html.HtmlElement) -> bool:
        tag = el.tag
        if tag == "table" and _is_data_table(el):
            return False
        near = _near_ancestors(el)
        if "code" in near or ("table" in near and tag != "table"):
            return False
        weight = _class_weight(el) if self.options.weight_classes else 0
        if weight:
            self.relied_on.add("weight_classes")
        if weight < 0:
            if not self._widget_wrapper(el):
                return True
            weight = 0  # weighed like any unnamed container, on what it holds
        raw = el.text_content()
        if not raw or raw.isspace():
            if not _contains(el, "img"):
                return True  # nothing to read or see
            length = 0
        elif raw.count(",") >= 10 or _comma_count(raw) >= 10:
            return False  # prose (decided before the costlier measures below)
        else:
            length = len(" ".join(raw.split()))
        is_list = tag in ("ul", "ol")
        counts = _COUNTS(el)
        paragraphs, images, items = (int(float(n)) for n in str(counts).split())
        items -= 100
        if length == 0 and images == 0:
            return True
        in_figure = "figure" in near
        if not is_list and (images > 1 and paragraphs / images < 0.5 and not in_figure):
            return True
        if not is_list and items > paragraphs:
            return True
        # Readability's "more inputs than a third of the paragraphs" cannot fire: pre-cleaning
        # removed every <input>.
        if not is_list and not in_figure and length < 25 and (images == 0 or images > 2) and not _HEADING_INSIDE(el):
            return True
        density = _link_density(el, length, hash_links=self.hash_links)
        if not is_list and weight < 25 and density > 0.2:
            return True
        if weight >= 25 and density > 0.5:
            return True
        return is_list and density > 0.5 and length > 0


#: Elements that can head a related-articles list.
_LIST_HEADINGS = frozenset(["h2", "h3", "h4", "h5", "h6", "p", "strong", "b", "div"])


def _may_read_more(lead: str | None) -> bool:
    """Whether a line whose own text (before any child element) is ``lead`` can start like
    :data:`~articlekit.extract.boilerplate.READ_MORE_TEXT`: a cheap test before the real one."""
    start = (lead or "").lstrip()[:11]
    if not start or not start.isascii():
        return True  # the text starts in a child element, or with letters case-folding may match
    start = start.lower()
    return any(start.startswith(word) or word.startswith(start) for word in bp.READ_MORE_OPENERS)


def _repeats_title(heading: str, title: str) -> bool:
    """Whether a heading is the headline (the title may carry a site suffix or prefix)."""
    if not heading:
        return False
    if heading == title:
        return True
    if title.startswith(heading):
        return title[len(heading) :].lstrip()[:1] in _TITLE_SEPARATORS
    if title.endswith(heading):
        return title[: -len(heading)].rstrip()[-1:] in _TITLE_SEPARATORS
    return False


_TITLE_SEPARATORS = frozenset("|-–—:·•»/")
