"""Candidates: what is removed before scoring, and which elements score.

:func:`_preclean` removes what is never article text (scripts, controls, the caller's ``drop``
selectors); :meth:`_Candidates._prune_and_collect` then removes hidden elements, unlikely roles and
(strict pass) containers named like boilerplate, and lists the paragraph-like elements that score.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import lxml.html
from lxml import etree

from ...document import _html_parser
from .names import _F_BYLINE, _F_DISCLAIMER, _F_MAYBE, _F_RELATED, _F_SHARE, _F_UNLIKELY, _F_WIDGET, _name_flags
from .nodes import _HEADINGS, _contains, _has_block_child, _is_hidden, _near_ancestors, _remove
from .passes import _PassState

#: Removed before any scoring.
_ALWAYS_DROP = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "rt",
        "rp",
        "iframe",
        "svg",
        "canvas",
        "button",
        "input",
        "select",
        "textarea",
        "object",
        "embed",
        "link",
        "meta",
        "nav",
        "dialog",
        "audio",
        "video",
        "source",
        "track",
        "map",
        "area",
    ]
)
#: A removable element with more text than this is more likely broken markup swallowing the page.
_SWALLOWED = 3000
#: An element named like boilerplate but holding this share of the page's text is a wrapper.
_WRAPPER_SHARE = 0.8
#: Form controls and players: removed, unless one holds more than ``_SWALLOWED`` characters.
_CONTROLS = ("button", "select", "textarea", "audio", "video", "map")
#: Code, embedded documents and the rest of ``_ALWAYS_DROP``: removed whatever their size.
_NEVER_TEXT = tuple(sorted(_ALWAYS_DROP.difference(_CONTROLS)))
#: ``<script>`` types whose content is markup the page's JavaScript inserts: read as HTML.
_TEMPLATE_TYPES = frozenset(["text/template", "text/html", "text/x-template"])
#: A template's content is markup when it opens with a tag (not JSON, not ``<![CDATA[``).
_MARKUP = re.compile(r"\s*<[A-Za-z]")
#: A template or swallowing ``<nav>`` is parsed / unwrapped only up to this many per page.
_MAX_RESCUES = 20
#: Containers never removed for their class names.
_NEVER_UNLIKELY = frozenset(["article", "main", "body", "html"])
_UNLIKELY_ROLES = frozenset(["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"])
#: Paragraph-like elements whose text scores their ancestors.
_SCORED = frozenset(["p", "pre", "td", "section", "h2", "h3", "h4", "h5", "h6"])
#: The attributes that can hide an element or give it an unlikely role.
_HIDING_ATTRIBUTES = frozenset(["role", "hidden", "style", "aria-hidden"])


def _preclean(body: lxml.html.HtmlElement, drop: Sequence[str]) -> None:
    """Remove what is never article text; a control swallowing the page is unwrapped.

    Hidden elements and unlikely ARIA roles are removed later, in the same walk that scores.
    """
    # Broken markup (an unclosed <button>) can make a control hold the whole page: measured
    # before anything inside is removed.
    doomed: list[lxml.html.HtmlElement] = []
    unwrap: list[lxml.html.HtmlElement] = []
    for el in body.iter(*_CONTROLS):
        (unwrap if len(el.text_content()) > _SWALLOWED else doomed).append(el)
    # Broken markup (an unclosed menu item) can make a <nav> hold the article: navigation is
    # link text, so a <nav> with more than _SWALLOWED characters outside links is unwrapped.
    # Only the outermost of nested navs is measured, so each character is counted once.
    navs = [el for el in body.iter("nav") if next(el.iterancestors("nav"), None) is None]
    for el in navs[:_MAX_RESCUES]:
        if _prose_length(el) > _SWALLOWED:
            el.drop_tag()  # before the removal of <nav> below
    _read_templates(body)
    for selector in drop:
        try:
            doomed.extend(body.cssselect(selector) if not selector.startswith(("/", ".//")) else body.xpath(selector))
        except (etree.XPathError, ValueError, SyntaxError):
            continue
    # Tails stay (the text after a removed element is the page's).
    etree.strip_elements(body, *_NEVER_TEXT, with_tail=False)
    for el in doomed:
        _remove(el)
    for el in unwrap:
        if el.getparent() is not None:
            el.drop_tag()


def _prose_length(el: lxml.html.HtmlElement) -> int:
    """The characters of ``el``'s text outside links."""
    linked = sum(len(a.text_content()) for a in el.iterdescendants("a") if next(a.iterancestors("a"), None) is None)
    return len(el.text_content()) - linked


def _read_templates(body: lxml.html.HtmlElement) -> None:
    """Replace each ``<script type="text/template">`` (or ``text/html``) that opens with a tag with
    its markup, parsed: some blogs ship the article in one for their JavaScript to insert.

    What is not markup, or does not parse, is left for the removal of scripts.
    """
    templates = [
        el
        for el in body.iter("script")
        if (el.get("type") or "").strip().lower() in _TEMPLATE_TYPES and _MARKUP.match(el.text or "")
    ]
    for el in templates[:_MAX_RESCUES]:
        parent = el.getparent()
        if parent is None:
            continue
        try:
            content = lxml.html.fragment_fromstring(el.text, create_parent="div", parser=_html_parser())
        except (etree.ParserError, ValueError):
            continue
        content.tail = el.tail
        parent.replace(el, content)


class _Candidates(_PassState):
    """The first stage of a pass: prune the copy and collect what scores."""

    def _prune_and_collect(self) -> list[lxml.html.HtmlElement]:
        """Remove unlikely containers (strict pass) and list the elements that score.

        One walk from the top, in document order, that skips what it condemns. Changes wait for
        the end of the walk, so each element is judged on its subtree as the page wrote it.
        """
        body = self.body
        drop_hidden = self.options.drop_hidden
        removed: list[lxml.html.HtmlElement] = []
        wrappers: list[lxml.html.HtmlElement] = []
        # What scores, in document order: paragraph-like elements and divs without blocks inside
        # (unwrapping a div around a paragraph, below, keeps the paragraph where the div was).
        scoreable: list[lxml.html.HtmlElement] = []
        walk = etree.iterwalk(body, events=("start",), tag=etree.Element)
        next(walk)  # the body itself
        for _, el in walk:
            keys = el.keys()
            if keys:
                get = el.get
                doomed = False
                if not _HIDING_ATTRIBUTES.isdisjoint(keys):
                    # A landmark that holds nearly the whole page is broken markup (an unclosed
                    # <section role="complementary">), not a sidebar.
                    doomed = get("role") in _UNLIKELY_ROLES and not self._holds_the_page(el)
                    if not doomed and drop_hidden and _is_hidden(el):
                        doomed = True
                        self.relied_on.add("drop_hidden")
                if not doomed:
                    cls = get("class")
                    ident = get("id")
                    names = f"{cls} {ident}" if cls and ident else cls or ident
                    flags = _name_flags(names) if names and el.tag not in _NEVER_UNLIKELY else 0
                    if flags:
                        doomed = self._condemned(el, flags)
                if doomed:
                    removed.append(el)
                    walk.skip_subtree()  # what lies inside goes with it, unseen
                    continue
            tag = el.tag
            if tag == "div":
                if len(el) == 1 and el[0].tag == "p":
                    wrappers.append(el)
                elif not _has_block_child(el):
                    scoreable.append(el)
            elif tag in _SCORED:
                scoreable.append(el)
        for el in removed:
            el.drop_tree()
        for el in wrappers:
            # A div wrapping one paragraph is that paragraph (so its parent gets the score).
            parent = el.getparent()
            if parent is None or (el.text or "").strip():
                continue
            if not len(el):
                el.drop_tree()  # its paragraph was removed above, and the wrapper goes with it
                continue
            child = el[0]
            if not (child.tail or "").strip():
                child.tail = el.tail
                parent.replace(el, child)
        return scoreable

    def _condemned(self, el: lxml.html.HtmlElement, flags: int) -> bool:
        """Whether an element whose names raised ``flags`` goes (related lists and disclaimers
        are kept aside for later, share bars noted)."""
        if flags & _F_SHARE:
            self.shares.append(el)
        if (
            self.options.strip_unlikely
            and flags & _F_UNLIKELY
            and not flags & _F_MAYBE
            and _near_ancestors(el).isdisjoint(("table", "code"))
            and not (flags & _F_WIDGET and self._holds_prose(el))
            and not self._holds_the_page(el)
        ):
            self.relied_on.add("strip_unlikely")
            parent = el.getparent()
            if parent is None:
                return False
            if flags & _F_RELATED:
                self.related.append((el, parent))
            elif flags & _F_DISCLAIMER:
                self.disclaimers.append((el, parent))
            return True
        return bool(
            flags & _F_BYLINE
            and el.tag not in _HEADINGS
            and len(el.text_content()) < 100
            and not _contains(el, "p", "img")
        )

    def _holds_the_page(self, el: lxml.html.HtmlElement) -> bool:
        """Whether ``el`` holds nearly all the page's text (:data:`_WRAPPER_SHARE`): a wrapper with
        a misleading name (``ad-portal``, ``nav_drawer``, ``...-with-sidebar``) or one that broken
        markup made swallow the page; never boilerplate to remove whole."""
        return len(el.text_content()) >= _WRAPPER_SHARE * self.page_length > 0
