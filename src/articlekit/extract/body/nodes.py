"""Tree helpers every stage of the body extraction uses: text and link measures, ancestry, URLs.

Nothing here decides what is article text; these are the measures the stages decide with.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Sequence
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from ..links import is_followable

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: Commas in any script.
_COMMAS = ",\u060c\ufe50\ufe10\ufe11\u2e41\u2e34\u2e32\uff0c\u3001"
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


def _has_block_child(el: lxml.html.HtmlElement) -> bool:
    # A comment's tag is a function: never in _BLOCKS.
    return bool(len(el)) and not _BLOCKS.isdisjoint([child.tag for child in el])


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


def _within(el: lxml.html.HtmlElement, roots: Sequence[lxml.html.HtmlElement]) -> bool:
    node: lxml.html.HtmlElement | None = el
    while node is not None:
        if any(node is r for r in roots):
            return True
        node = node.getparent()
    return False


def _norm_title(text: str | None) -> str:
    return " ".join((text or "").split()).lower()


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
