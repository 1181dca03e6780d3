"""Main-content extraction from an HTML tree: paragraphs, inline links, related links, disclaimer.

The algorithm follows Readability's idea, re-implemented for :mod:`lxml`:

1. **Pre-clean** a copy of ``<body>``: scripts, styles, forms controls, hidden elements,
   navigation roles and the caller's ``drop`` selectors go.
2. **Strict pass**: containers named like boilerplate (``articlekit.extract.boilerplate``) are removed (their
   links are kept as ``related`` links when they are related-article lists inside the article);
   every paragraph-like element scores its ancestors (commas, length); class names weigh in;
   the best container, corrected for link density, is the top candidate; siblings that score
   well or read like prose join it; weak tables, lists and divs inside are cleaned out.
3. **Relaxed passes**, when the strict pass keeps less than ``min_chars``: first without
   removing unlikely containers, then without class weights, then without conditional
   cleaning. The longest result wins.
4. **Serialise**: block elements become paragraphs (headings, list items, block quotes, table
   rows as ``cell | cell``, figure captions); ``<a href>`` inside become ``inline`` links whose
   offsets are recorded while the text is built, so ``article.text[span] == link.text`` holds.
   White space is collapsed and control characters are dropped as the text is written.
   "Read also:" lines and lists under a "Related" heading become ``related`` links; trailing
   disclaimers and republication notices become ``Body.disclaimer``, and the link of an
   "originally published at" notice a ``source`` link.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar
from urllib.parse import urljoin

import attrs
import lxml.html
from lxml import etree

from ..models import Link, LinkKind, Span, paragraph_starts
from . import boilerplate as bp
from .links import is_followable

__all__ = ["Body", "Pass", "editable_copy", "extract_body", "resolve_url"]

_T = TypeVar("_T")

#: Concepts that name small widgets; a container so named but holding much prose is kept.
_WIDGET_WORDS = (*bp.SHARE, *bp.NEWSLETTER, *bp.WIDGETS)
_WIDGET = bp.compile_names(_WIDGET_WORDS)
#: The rest of :data:`~articlekit.extract.boilerplate.UNLIKELY`: a name is unlikely content when
#: it matches either pattern (see :func:`_token_flags`).
_NOT_WIDGET = bp.compile_names(tuple(word for word in bp.UNLIKELY if word not in _WIDGET_WORDS))
_MAYBE = bp.compile_names(bp.MAYBE)
_POSITIVE = bp.compile_names(bp.POSITIVE)
_NEGATIVE = bp.compile_names(bp.NEGATIVE)
_RELATED = bp.compile_names(bp.RELATED)
_DISCLAIMER = bp.compile_names(bp.DISCLAIMER)
_SHARE = bp.compile_names(bp.SHARE)
_BYLINE = re.compile(r"byline|\bauthor|dateline|writtenby|p-author|\bdate\b|timestamp|\bpubdate")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: Commas in any script.
_COMMAS = ",\u060c\ufe50\ufe10\ufe11\u2e41\u2e34\u2e32\uff0c\u3001"
#: What an element's score is divided by for its parent, grandparent and the three above.
_DIVIDERS = (1, 2, 6, 9, 12)
#: How many other strong candidates (75% of the best) must share an ancestor for it to win.
_MIN_ALTERNATIVES = 2
_SENTENCE_END = re.compile(r"\.( |$)")

#: Removed before any scoring.
_ALWAYS_DROP = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
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
#: Containers never removed for their class names.
_NEVER_UNLIKELY = frozenset(["article", "main", "body", "html"])
_UNLIKELY_ROLES = frozenset(["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"])
#: Paragraph-like elements whose text scores their ancestors.
_SCORED = frozenset(["p", "pre", "td", "section", "h2", "h3", "h4", "h5", "h6"])
#: Elements that start a new paragraph when the body is serialised.
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
        "caption",
    ]
)
_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
_TAG_WEIGHT = {
    "div": 5,
    "pre": -3 + 6,
    "td": 3,
    "blockquote": 3,
    "address": -3,
    "ol": -3,
    "ul": -3,
    "dl": -3,
    "dd": -3,
    "dt": -3,
    "li": -3,
    "form": -3,
    "h1": -5,
    "h2": -5,
    "h3": -5,
    "h4": -5,
    "h5": -5,
    "h6": -5,
    "th": -5,
}


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


@attrs.frozen
class Body:
    """The body of a page: paragraphs and the links found in and around them."""

    paragraphs: tuple[str, ...] = ()
    #: ``inline`` links (with spans into the joined paragraphs), ``related`` and ``source`` links.
    links: tuple[Link, ...] = ()
    disclaimer: str | None = None
    #: Which pass produced the body (0 = strict).
    pass_index: int = 0


@functools.lru_cache(maxsize=4096)
def resolve_url(href: str, base: str | None) -> str | None:
    """``href`` made absolute against ``base``; ``None`` if it is not a followable web link."""
    href = href.strip()
    if not is_followable(href):
        return None
    try:
        url = urljoin(base, href) if base else href
    except ValueError:
        return None
    scheme, sep, rest = url.partition(":")
    if not sep or not rest or not scheme[:1].isalpha() or scheme.lower() not in {"http", "https", "ftp"}:
        return None
    return url


def _names(el: lxml.html.HtmlElement) -> str:
    cls = el.get("class")
    ident = el.get("id")
    if cls and ident:
        return f"{cls} {ident}".lower()
    return (cls or ident or "").lower()


def _text(el: lxml.html.HtmlElement) -> str:
    return " ".join(el.text_content().split())


_LINK_TEXT = etree.XPath(
    "descendant-or-self::a[not(starts-with(@href, '#')) or @href = '#']//text()", smart_strings=False
)
_HASH_LINK_TEXT = etree.XPath(
    "descendant-or-self::a[starts-with(@href, '#') and string-length(@href) > 1]//text()", smart_strings=False
)
#: The length of an element's text with XML white space collapsed (see :func:`_link_density`).
_NORMALISED_LENGTH = etree.XPath("string-length(normalize-space(.))")
#: Descendant counts used by conditional cleaning, in one query (no element proxies made).
_COUNTS = etree.XPath("concat(count(.//p), ' ', count(.//img), ' ', count(.//li))")
#: Asked only of the few short containers the counts leave undecided (six subtree walks).
_HEADING_INSIDE = etree.XPath("boolean(.//h1|.//h2|.//h3|.//h4|.//h5|.//h6)")


def _comma_count(text: str) -> int:
    """Commas in ``text``, in any script (ASCII text needs only the fast count)."""
    return text.count(",") if text.isascii() else sum(text.count(comma) for comma in _COMMAS)


def _strings(query: etree.XPath, el: lxml.html.HtmlElement) -> list[str]:
    found = query(el)
    return [str(s) for s in found] if isinstance(found, list) else []


def _link_length(el: lxml.html.HtmlElement, *, hash_links: bool = True) -> int:
    """Characters of link text in ``el`` (in-page ``#`` links count for 30%).

    ``hash_links=False`` says the tree holds no in-page link, which spares their query.
    """
    if next(el.iter("a"), None) is None:
        return 0  # no link at all (a walk in C that stops at the first link, no query)
    length = _collapsed_length(_strings(_LINK_TEXT, el))
    hashed = _strings(_HASH_LINK_TEXT, el) if hash_links else []
    if hashed:
        length += int(_collapsed_length(hashed) * 0.3)
    return length


def _collapsed_length(texts: list[str]) -> int:
    """Length of the text nodes with white space collapsed inside each (and none between)."""
    return sum(len(" ".join(t.split())) for t in texts)


@functools.lru_cache(maxsize=1 << 16)
def _name_flags(names: str) -> int:
    """What an element's class/id names say, as bit flags (cached by the whole string).

    No vocabulary pattern matches white space, so the verdict is the union of the verdicts on
    each class token, which are cached (tokens repeat across pages even where whole class
    strings, as with utility-class CSS, do not).
    """
    raw = 0
    for token in names.lower().split():
        raw |= _token_flags(token)
    flags = raw & (_F_MAYBE | _F_BYLINE | _F_SHARE)
    if raw & _F_UNLIKELY:
        flags |= raw & (_F_UNLIKELY | _F_RELATED | _F_DISCLAIMER)
        if raw & _F_WIDGET and not raw & _F_NOT_WIDGET:
            flags |= _F_WIDGET
    return flags


@functools.lru_cache(maxsize=1 << 17)
def _token_flags(token: str) -> int:
    """What one class token says. Most tokens of a page are new to the cache (utility classes,
    hashed names), so each is read with few searches: ``UNLIKELY`` is split between
    :data:`_WIDGET` and :data:`_NOT_WIDGET`, and each of those holds the narrower vocabularies
    searched only after it matched (half the time of searching all eight)."""
    token = _unscaffolded(token)
    flags = 0
    if _WIDGET.search(token):
        flags = _F_UNLIKELY | _F_WIDGET
        if _SHARE.search(token):
            flags |= _F_SHARE
    if _NOT_WIDGET.search(token):
        flags |= _F_UNLIKELY | _F_NOT_WIDGET
        if _RELATED.search(token):
            flags |= _F_RELATED
        if _DISCLAIMER.search(token):
            flags |= _F_DISCLAIMER
    if _MAYBE.search(token):
        flags |= _F_MAYBE
    if _BYLINE.search(token):
        flags |= _F_BYLINE
    return flags


_F_UNLIKELY, _F_RELATED, _F_DISCLAIMER, _F_WIDGET, _F_MAYBE, _F_BYLINE, _F_SHARE, _F_NOT_WIDGET = (
    1 << i for i in range(8)
)


def _unscaffolded(names: str) -> str:
    """``names`` (lower-cased) without page builders' scaffolding
    (:data:`~articlekit.extract.boilerplate.BUILDER_SCAFFOLDING`): ``elementor-widget-text-editor``
    reads as ``-text-editor``."""
    return bp.BUILDER_SCAFFOLDING.sub("", names) if "widget" in names else names


@functools.lru_cache(maxsize=1 << 16)
def _name_weight(value: str) -> int:
    value = _unscaffolded(value.lower())
    weight = 0
    if _NEGATIVE.search(value):
        weight -= 25
    if _POSITIVE.search(value):
        weight += 25
    return weight


def _normalised_length(el: lxml.html.HtmlElement) -> int:
    found = _NORMALISED_LENGTH(el)
    return int(found) if isinstance(found, float) else 0


def _link_density(el: lxml.html.HtmlElement, text_length: int | None = None, *, hash_links: bool = True) -> float:
    """Link characters per text character; the text measured by libxml2 unless given.

    libxml2's ``normalize-space`` collapses only XML white space (a no-break space counts as a
    character), three times faster than collapsing in Python on large containers; on the corpora
    no decision changes.
    """
    length = _normalised_length(el) if text_length is None else text_length
    if length == 0:
        return 0.0
    return _link_length(el, hash_links=hash_links) / length


def _class_weight(el: lxml.html.HtmlElement) -> int:
    cls = el.get("class")
    ident = el.get("id")
    return (_name_weight(cls) if cls else 0) + (_name_weight(ident) if ident else 0)


def _is_hidden(el: lxml.html.HtmlElement) -> bool:
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    return el.get("aria-hidden") == "true" and "fallback-image" not in (el.get("class") or "")


def _remove(el: lxml.html.HtmlElement) -> None:
    """Remove ``el`` but keep its tail text."""
    if el.getparent() is not None:
        el.drop_tree()


#: The attributes that can hide an element or give it an unlikely role.
_HIDING_ATTRIBUTES = frozenset(["role", "hidden", "style", "aria-hidden"])


def _has_block_child(el: lxml.html.HtmlElement) -> bool:
    # A comment's tag is a function: never in _BLOCKS.
    return bool(len(el)) and not _BLOCKS.isdisjoint([child.tag for child in el])


class _Scorer:
    """One extraction pass over a fresh copy of the body."""

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

    @functools.cached_property
    def hash_links(self) -> bool:
        """Whether the tree holds an in-page link (``href="#..."``); when it holds none, link
        lengths skip their query. Removals only take links away, so the answer stays true."""
        for a in self.body.iter("a"):
            href = a.get("href")
            if href and href.startswith("#") and len(href) > 1:
                return True
        return False

    # -- the pass ----------------------------------------------------------------------------

    def run(self) -> list[lxml.html.HtmlElement]:
        scoreable = self._prune_and_collect()
        candidates = self._score(scoreable)
        top = self._top_candidate(candidates)
        content = self._with_siblings(top)
        for node in content:
            self._prepare(node)
        return content

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
                    doomed = get("role") in _UNLIKELY_ROLES
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

    @functools.cached_property
    def page_length(self) -> int:
        """Characters of text in the (pre-cleaned) body, before anything is removed for its name."""
        return len(self.body.text_content())

    def _holds_the_page(self, el: lxml.html.HtmlElement) -> bool:
        """Whether ``el`` holds nearly all the page's text (:data:`_WRAPPER_SHARE`): a wrapper with
        a misleading name (``ad-portal``, ``nav_drawer``, ``...-with-sidebar``) or one that broken
        markup made swallow the page; never boilerplate to remove whole."""
        return len(el.text_content()) >= _WRAPPER_SHARE * self.page_length > 0

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

    def _initial(self, el: lxml.html.HtmlElement) -> float:
        score = float(_TAG_WEIGHT.get(el.tag, 0))
        if self.options.weight_classes:
            weight = _class_weight(el)
            if weight:
                self.relied_on.add("weight_classes")
                score += weight
        return score

    def _score(self, scoreable: Iterable[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
        """Each scoring element adds to its parent, grandparent and three more ancestors (with
        :data:`_DIVIDERS`); the ancestors so touched are the candidates, in first-touch order."""
        scores = self.scores
        body = self.body
        candidates: list[lxml.html.HtmlElement] = []
        for el in scoreable:
            parent = el.getparent()
            if parent is None:
                continue
            text = el.text_content()
            length = len(text.strip())
            if length < 25:
                continue
            score = 1.0 + _comma_count(text) + min(length // 100, 3)
            ancestor: lxml.html.HtmlElement | None = parent
            for divider in _DIVIDERS:
                if ancestor is None or not isinstance(ancestor.tag, str):
                    break
                value = scores.get(ancestor)
                if value is None:
                    value = self._initial(ancestor)
                    candidates.append(ancestor)
                scores[ancestor] = value + score / divider
                if ancestor is body:
                    break
                ancestor = ancestor.getparent()
        return candidates

    def final(self, el: lxml.html.HtmlElement) -> float | None:
        """The candidate's score corrected for link density (computed on first use), or ``None``."""
        value = self.finals.get(el)
        if value is None:
            raw = self.scores.get(el)
            if raw is None:
                return None
            value = self.finals[el] = raw * (1 - _link_density(el, hash_links=self.hash_links))
        return value

    def _surely_below(self, el: lxml.html.HtmlElement, threshold: float) -> bool:
        """Whether ``el``'s final score is below ``threshold`` by its raw score alone: link density
        only ever lowers a score that is not negative, so it need not be measured."""
        raw = self.scores.get(el)
        return raw is not None and 0 <= raw < threshold

    def _ranked(self, candidates: list[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
        """Candidates by final score, best first: only those that can reach 75% of the best.

        The final score never exceeds a positive raw score, so candidates are visited by raw score
        and the walk stops once no raw score can reach 75% of the best final score found.
        """
        by_raw = sorted(candidates, key=lambda e: self.scores[e], reverse=True)
        best = float("-inf")
        seen: list[lxml.html.HtmlElement] = []
        for el in by_raw:
            raw = self.scores[el]
            if raw > 0 and best > 0 and raw < 0.75 * best:
                break
            value = self.final(el)
            assert value is not None
            best = max(best, value)
            seen.append(el)
        return sorted(seen, key=lambda e: self.finals[e], reverse=True)

    def _top_candidate(self, candidates: list[lxml.html.HtmlElement]) -> lxml.html.HtmlElement:
        if not candidates:
            return self.body
        ranked = self._ranked(candidates)
        top = ranked[0]
        if top is self.body:
            return top
        best = self.finals[top]
        scores = self.finals
        # Several strong candidates under one ancestor: the ancestor is the article.
        alternatives = [set(_ancestors(e)) for e in ranked[1:5] if scores[e] / max(best, 1e-9) >= 0.75]
        if len(alternatives) >= _MIN_ALTERNATIVES:
            parent = top.getparent()
            while parent is not None and parent is not self.body:
                if sum(parent in a for a in alternatives) >= _MIN_ALTERNATIVES:
                    top = parent
                    break
                parent = parent.getparent()
        # Climb while the parent scores about as well (the article is split in sections).
        parent = top.getparent()
        last = self.final(top) or 0.0
        threshold = last / 3
        while parent is not None and parent is not self.body:
            if self._surely_below(parent, threshold):
                break
            parent_score = self.final(parent)
            if parent_score is None:
                parent = parent.getparent()
                continue
            if parent_score < threshold:
                break
            if parent_score > last:
                # ... unless the parent is mostly other things (a player, a feed) beside the article.
                parent_length = len(parent.text_content())
                if (
                    parent_length <= 4 * len(top.text_content())
                    or sum(len(p.text_content()) for p in parent.iter("p")) >= 0.5 * parent_length
                ):
                    top = parent
                break
            last = parent_score
            parent = parent.getparent()
        # A lone child says nothing its parent would not.
        parent = top.getparent()
        while parent is not None and parent is not self.body and len(parent) == 1:
            top = parent
            parent = top.getparent()
        if top not in self.scores:
            self.scores[top] = self._initial(top)
        return top

    def _with_siblings(self, top: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
        parent = top.getparent()
        if parent is None or top is self.body:
            return [top]
        top_score = self.final(top) or 0.0
        threshold = max(10.0, top_score * 0.2)
        top_class = top.get("class")
        content: list[lxml.html.HtmlElement] = []
        for sibling in parent:
            if not isinstance(sibling.tag, str):
                continue
            if sibling is top:
                content.append(sibling)
                continue
            bonus = top_score * 0.2 if top_class and sibling.get("class") == top_class else 0.0
            score = None if self._surely_below(sibling, threshold - bonus) else self.final(sibling)
            if score is not None and score + bonus >= threshold:
                content.append(sibling)
            elif sibling.tag == "p" or (sibling.tag == "div" and not _has_block_child(sibling)):
                text = _text(sibling)
                density = _link_density(sibling, len(text), hash_links=self.hash_links)
                if (len(text) > 80 and density < 0.25) or (
                    0 < len(text) <= 80 and density == 0 and _SENTENCE_END.search(text)
                ):
                    content.append(sibling)
        return content

    # -- cleaning the chosen content ------------------------------------------------------------

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


def _contains(el: lxml.html.HtmlElement, *tags: str) -> bool:
    """Whether ``el`` has a descendant with one of these tags."""
    return next(el.iterdescendants(*tags), None) is not None


def _near_ancestors(el: lxml.html.HtmlElement, depth: int = 6) -> set[str]:
    """The tags of ``el``'s ``depth`` nearest ancestors."""
    tags: set[str] = set()
    parent = el.getparent()
    for _ in range(depth):
        if parent is None:
            break
        tags.add(parent.tag)
        parent = parent.getparent()
    return tags


def _ancestors(el: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    out = []
    parent = el.getparent()
    while parent is not None:
        out.append(parent)
        parent = parent.getparent()
    return out


def _is_data_table(table: lxml.html.HtmlElement) -> bool:
    if table.get("role") == "presentation" or table.get("datatable") == "0":
        return False
    if table.get("summary") or _contains(table, "caption"):
        return True
    if _contains(table, "table"):
        return False
    if _contains(table, "th", "thead", "tfoot"):
        return True
    rows = list(table.iterdescendants("tr"))
    columns = max((len(r) for r in rows), default=0)
    if len(rows) <= 1 or columns <= 1:
        return False
    if len(rows) >= 10 or columns > 4:
        return True
    return len(rows) * columns > 10


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


def _norm_title(text: str | None) -> str:
    return " ".join((text or "").split()).lower()


# -- serialisation -------------------------------------------------------------------------------


@attrs.define
class _Paragraph:
    text: str
    tag: str
    #: (url, start, end) relative to :attr:`text`.
    links: list[tuple[str, int, int]]


#: Elements the writer handles whole (a table row only outside an inline context).
_LEAVES = frozenset(["br", "img", "hr"])


class _Writer:
    """Builds paragraphs and link offsets together, collapsing white space as it goes."""

    def __init__(self, base: str | None) -> None:
        self.base = base
        self.paragraphs: list[_Paragraph] = []
        self.parts: list[str] = []
        self.length = 0
        self.pending_space = False
        self.links: list[tuple[str, int, int]] = []
        self.block_tag = "p"
        #: The last thing written was a ``<br>`` (with only white space since).
        self.after_br = False
        #: Whether each table met holds data (asked once per table, not once per row).
        self.data_tables: dict[lxml.html.HtmlElement, bool] = {}

    def add(self, raw: str | None) -> None:
        if not raw:
            return
        if raw[0].isspace():
            self.pending_space = self.length > 0
            if raw.isspace():
                return  # indentation between tags, mostly
        text = " ".join(raw.split())
        if not text.isprintable():  # rare: format characters, or control characters (dropped)
            text = " ".join(text.translate(_NOT_XML).split())
            if not text:
                return
        trailing = raw[-1].isspace()
        if self.pending_space:
            self.parts.append(" ")
            self.length += 1
        self.parts.append(text)
        self.length += len(text)
        self.pending_space = trailing

    def space(self) -> None:
        if self.length:
            self.pending_space = True

    def literal(self, text: str) -> None:
        self.pending_space = False
        self.parts.append(text)
        self.length += len(text)

    def flush(self) -> None:
        if not self.parts:
            return  # nothing written since the last flush (and so no space or link pending)
        text = "".join(self.parts).rstrip()
        if text.strip(" |"):
            links = [(u, s, e) for u, s, e in self.links if e <= len(text)]
            self.paragraphs.append(_Paragraph(text, self.block_tag, links))
        self.parts = []
        self.length = 0
        self.pending_space = False
        self.links = []

    def write(self, el: lxml.html.HtmlElement, *, inline: bool = False) -> None:
        tag = el.tag
        if not isinstance(tag, str) or tag in _LEAVES or (tag == "tr" and not inline):
            self._leaf(el, tag, inline=inline)
            return
        self.after_br = False
        block = not inline and tag in _BLOCKS
        if block:
            if self.parts:
                self.flush()
            if tag in _HEADINGS or tag in ("li", "blockquote", "pre", "figcaption", "dt", "dd", "caption"):
                self.block_tag = tag
            elif tag == "p" and self.block_tag not in ("blockquote", "li"):
                self.block_tag = "p"
        if tag == "a":
            self._anchor(el, inline=inline)
        else:
            text = el.text
            if text:
                self.add(text)
            write = self.write
            for child in el:
                write(child, inline=inline)
        tail = el.tail
        if block:
            if self.parts:
                self.flush()
            self.block_tag = "p"
            if tail and not tail.isspace():  # text after a block is a paragraph of its own
                self.add(tail)
                self.flush()
        elif tail:
            self.add(tail)

    def _leaf(self, el: lxml.html.HtmlElement, tag: object, *, inline: bool) -> None:
        """A line break, an image or rule, a table row (or a node that is not an element)."""
        tail = el.tail
        if tag == "br":
            # Two line breaks in a row end a paragraph (how many pages write paragraphs).
            if self.after_br and self.length:
                self.flush()
            else:
                self.space()
            self.add(tail)
            self.after_br = not (tail or "").strip()
            return
        if not isinstance(tag, str):
            self.add(tail)
            return
        self.after_br = False
        if tag == "hr" and not inline:
            self.flush()
        elif tag == "tr":
            self._row(el)
        self.add(tail)

    def _anchor(self, el: lxml.html.HtmlElement, *, inline: bool) -> None:
        start = self.length
        parts, first = self.parts, len(self.parts)
        self.add(el.text)
        for child in el:
            self.write(child, inline=inline)
        href = el.get("href")
        if href is None:
            return
        url = resolve_url(href, self.base)
        end = self.length
        if url is None or end <= start:
            return
        # The parts written since ``start`` (unless a block inside the link began a paragraph).
        text = "".join(parts[first:]) if self.parts is parts else "".join(self.parts)[start:end]
        stripped = text.lstrip()
        if stripped:
            self.links.append((url, end - len(stripped), end))

    def _is_data_table(self, table: lxml.html.HtmlElement) -> bool:
        known = self.data_tables.get(table)
        if known is None:
            known = self.data_tables[table] = _is_data_table(table)
        return known

    def _row(self, row: lxml.html.HtmlElement) -> None:
        self.flush()
        table = row.getparent()
        while table is not None and table.tag != "table":
            table = table.getparent()
        if table is not None and not self._is_data_table(table):
            # A layout table: its cells are containers, not data; each ends its own block, so
            # the words of neighbouring cells never run together.
            for cell in row:
                self.write(cell)
                self.flush()
            return
        first = True
        for cell in row:
            if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                continue
            if not _text(cell):
                continue
            if not first:
                self.literal(" | ")
            first = False
            self.add(cell.text)
            for child in cell:
                self.write(child, inline=True)
        self.block_tag = "tr"
        self.flush()
        self.block_tag = "p"


# -- the entry point -----------------------------------------------------------------------------


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


def _related_links(containers: Iterable[lxml.html.HtmlElement], base: str | None) -> list[Link]:
    links: list[Link] = []
    for container in containers:
        for a in container.iter("a"):
            href = a.get("href")
            text = _text(a)
            url = resolve_url(href, base) if href else None
            if url and text and len(text.split()) >= 2:
                links.append(Link(url=url, text=text, kind=LinkKind.RELATED))
    return links


def _within(el: lxml.html.HtmlElement, roots: Sequence[lxml.html.HtmlElement]) -> bool:
    node: lxml.html.HtmlElement | None = el
    while node is not None:
        if any(node is r for r in roots):
            return True
        node = node.getparent()
    return False


#: What XML 1.0 forbids in text: control characters (form feed and vertical tab read as spaces)
#: and the two non-characters. lxml keeps them in a parsed page's text but refuses to write a
#: string holding one, as moving a removed element's tail does.
_NOT_XML = {**dict.fromkeys([*range(0x09), *range(0x0E, 0x20), 0xFFFE, 0xFFFF]), 0x0B: " ", 0x0C: " "}


def editable_copy(element: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """A deep copy of ``element`` (a page's tree, or part of one) that can be edited freely.

    For a publisher parser that removes or moves elements before the generic extraction (see
    :meth:`~articlekit.parsers.HtmlParser.body`): the page's own tree stays as it was, for the
    other steps and the enrichment hooks. Stray control characters (U+0001 ...), which lxml
    keeps in a parsed page's text but refuses to write back, as removing an element does when
    it moves the element's tail, are taken out of the copy's text (form feed and vertical tab
    become spaces). That takes one walk over the copy.

    >>> import lxml.html
    >>> page = lxml.html.fromstring(f"<div><p>Kept</p>{chr(1)}<p>Dropped</p> tail</div>")
    >>> work = editable_copy(page)
    >>> work[1].drop_tree()  # on ``page`` itself, lxml would raise ValueError
    >>> work.text_content(), len(page)
    ('Kept tail', 2)
    """
    work = copy.deepcopy(element)
    for el in work.iter():
        if el.text:
            el.text = el.text.translate(_NOT_XML)
        if el.tail:
            el.tail = el.tail.translate(_NOT_XML)
    return work


def _on_copy(source: lxml.html.HtmlElement, drop: Sequence[str], step: Callable[[lxml.html.HtmlElement], _T]) -> _T:
    """``step`` run on a pre-cleaned copy of ``source``: the page's own tree is never changed.

    When lxml refuses to write back a text the page holds (stray control characters: it raises
    ``ValueError``), ``step`` runs once more, on a copy scrubbed of them; pages without any pay
    nothing for the check.
    """
    work = copy.deepcopy(source)
    try:
        _preclean(work, drop)
        return step(work)
    except ValueError:
        work = editable_copy(source)
        _preclean(work, drop)
        return step(work)


def _run_pass(
    body: lxml.html.HtmlElement, options: Pass, title: str | None, drop: Sequence[str]
) -> tuple[list[lxml.html.HtmlElement], _Scorer]:
    def run(work: lxml.html.HtmlElement) -> tuple[list[lxml.html.HtmlElement], _Scorer]:
        scorer = _Scorer(work, options, title)
        return scorer.run(), scorer

    return _on_copy(body, drop, run)


def extract_body(
    root: lxml.html.HtmlElement,
    *,
    base_url: str | None = None,
    title: str | None = None,
    container: lxml.html.HtmlElement | None = None,
    drop: Sequence[str] = (),
    min_chars: int = 500,
    container_pass: Pass | None = None,
) -> Body:
    """The main content of ``root`` (a parsed page), as :class:`Body`.

    :param base_url: resolves relative links (the ``<base href>`` already applied to the page URL).
    :param title: the headline; a heading in the body that repeats it is left out.
    :param container: the element that holds the article, when the caller knows it (a publisher
        parser's selector); scoring is then skipped, but cleaning still runs, as ``container_pass``
        says (default: everything but the removal of unlikely-named containers).
    :param drop: CSS selectors (or XPath expressions starting with ``/`` or ``.//``) of elements to
        remove before anything else.
    :param min_chars: below this many characters the strict pass is not trusted and the filters are
        relaxed one at a time.
    """
    body = root.find("body") if root.tag != "body" else root
    if body is None:
        body = root
    if container is not None:

        def clean(work: lxml.html.HtmlElement) -> Body:
            scorer = _Scorer(work, container_pass or Pass(strip_unlikely=False), title)
            scorer._prepare(work)
            return _serialise([work], scorer, base_url, 0)

        return _on_copy(container, drop, clean)
    best: Body | None = None
    best_length = -1
    last: _Scorer | None = None
    for index, options in enumerate(PASSES):
        if last is not None and _repeats(last, options):
            continue  # its result would be the last pass's, already weighed
        content, scorer = _run_pass(body, options, title, drop)
        last = scorer
        result = _serialise(content, scorer, base_url, index)
        length = sum(len(p) for p in result.paragraphs)
        if length > best_length:
            best, best_length = result, length
        if length >= min_chars:
            break
    assert best is not None
    return best


def _repeats(done: _Scorer, options: Pass) -> bool:
    """Whether a pass with ``options`` would repeat the pass ``done`` step by step: it only turns
    off filters that changed nothing there (so every decision, and the result, would be the same).
    """
    for field in attrs.fields(Pass):
        was, now = getattr(done.options, field.name), getattr(options, field.name)
        if now != was and (now or field.name in done.relied_on):
            return False
    return True


def _serialise(content: list[lxml.html.HtmlElement], scorer: _Scorer, base: str | None, index: int) -> Body:
    writer = _Writer(base)
    for node in content:
        writer.write(node)
        writer.flush()
    related = _related_links([el for el, parent in scorer.related if _within(parent, content)], base)
    disclaimers: list[str] = []
    sources: list[Link] = []
    for el, parent in scorer.disclaimers:
        if not _within(parent, content):
            continue
        marked = _text(el)
        disclaimers.append(marked)
        if bp.SOURCE_TEXT.search(marked):
            for a in el.iter("a"):
                url = resolve_url(a.get("href") or "", base)
                if url:
                    sources.append(Link(url=url, text=_text(a), kind=LinkKind.SOURCE))
                    break
    paragraphs = writer.paragraphs
    paragraphs, more_related = _split_related(paragraphs)
    related.extend(more_related)
    paragraphs, notice, source = _split_disclaimer(paragraphs)
    if notice:
        disclaimers.append(notice)
    source = sources + source
    texts = tuple(p.text for p in paragraphs)
    links: list[Link] = []
    for number, (paragraph, start) in enumerate(zip(paragraphs, paragraph_starts(texts), strict=True)):
        for url, begin, end in paragraph.links:
            links.append(
                Link(
                    url=url,
                    text=paragraph.text[begin:end],
                    kind=LinkKind.INLINE,
                    span=Span(start + begin, start + end),
                    paragraph=number,
                )
            )
    links.extend(related)
    links.extend(source)
    disclaimer = "\n\n".join(d for d in disclaimers if d) or None
    return Body(paragraphs=texts, links=tuple(links), disclaimer=disclaimer, pass_index=index)


def _link_share(paragraph: _Paragraph) -> float:
    if not paragraph.text:
        return 0.0
    return sum(e - s for _, s, e in paragraph.links) / len(paragraph.text)


def _split_related(paragraphs: list[_Paragraph]) -> tuple[list[_Paragraph], list[Link]]:
    """Take "Read also:" lines and link lists under a "Related" heading out of the body."""
    kept: list[_Paragraph] = []
    related: list[Link] = []
    in_list = False
    for paragraph in paragraphs:
        text = paragraph.text
        if paragraph.tag in _HEADINGS or (len(text) < 60 and not paragraph.links):
            if bp.RELATED_HEADINGS.match(text):
                in_list = True
                continue
            in_list = False
        elif in_list and paragraph.links and _link_share(paragraph) > 0.5:
            related.extend(_as_related(paragraph))
            continue
        else:
            in_list = False
        match = bp.READ_MORE_TEXT.match(text)
        if match and paragraph.links and len(text) < 300:
            rest = len(text) - match.end()
            if rest <= 0 or sum(e - s for _, s, e in paragraph.links) / max(rest, 1) > 0.6:
                related.extend(_as_related(paragraph))
                continue
        kept.append(paragraph)
    return kept, related


def _as_related(paragraph: _Paragraph) -> list[Link]:
    return [Link(url=url, text=paragraph.text[s:e], kind=LinkKind.RELATED) for url, s, e in paragraph.links]


def _split_disclaimer(paragraphs: list[_Paragraph]) -> tuple[list[_Paragraph], str | None, list[Link]]:
    """Cut trailing disclaimers and republication notices off the body."""
    cut = len(paragraphs)
    index = len(paragraphs) - 1
    limit = max(0, len(paragraphs) - 4)
    while index >= limit and index > 0:
        paragraph = paragraphs[index]
        if len(paragraph.text) < 600 and bp.DISCLAIMER_TEXT.search(paragraph.text):
            cut = index
        elif cut == len(paragraphs) and len(paragraph.text) < 100:
            pass  # a short trailing line (a sign-off, a tag list) may follow the notice
        else:
            break
        index -= 1
    if cut == len(paragraphs):
        return paragraphs, None, []
    notice = paragraphs[cut:]
    sources: list[Link] = []
    for paragraph in notice:
        if bp.SOURCE_TEXT.search(paragraph.text):
            sources.extend(
                Link(url=url, text=paragraph.text[s:e], kind=LinkKind.SOURCE) for url, s, e in paragraph.links[:1]
            )
    return paragraphs[:cut], "\n\n".join(p.text for p in notice), sources
