"""The dates stage: when the page was published and last modified (:func:`find_dates`).

Not to be confused with :mod:`articlekit.extract.dates`, which reads one date string: this
module decides which of the page's dates is which.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from typing import Any, cast

import lxml.html
from lxml import etree

from ...models import DateValue
from ..dates import date_in_url, find_date, is_plausible, parse_date
from .byline import _is_byline
from .sources import _META_MODIFIED, _META_PUBLISHED, _NOT_TEXT, Sources, _clean, _els

__all__ = ["find_dates"]

#: Elements named like a dateline, of fewer than six child elements (not a section holding one).
_DATELINES = etree.XPath(
    "/descendant::*[@class[contains(., 'date') or contains(., 'time') "  # 'date' finds 'dateline' too
    "or contains(., 'published') or contains(., 'posted') or contains(., 'meta')]][count(*) < 6]"
)
#: Short text nodes holding a year, outside links, menus and footers: undecorated visible dates.
_DATE_TEXTS = etree.XPath(
    "//text()[contains(., '20') or contains(., '19')]"
    "[string-length(normalize-space(.)) >= 6 and string-length(normalize-space(.)) <= 80]"
    "[not(ancestor::script or ancestor::style or ancestor::a or ancestor::footer or ancestor::nav "
    "or ancestor::noscript or ancestor::template or ancestor::option or ancestor::table or ancestor::aside "
    "or ancestor::li or ancestor::blockquote)]"
)

#: The longest text that is a date alone ("Wednesday, 12 September 2025, 10:45 am").
_ALONE = 40
#: A paragraph at least this long (white space collapsed) is prose: the article's text has begun.
_PROSE = 150
_PUBLISH_KEY = re.compile(r"publish|pubdate|release.?date|creation.?date", re.IGNORECASE)
_UPDATED_LABEL = re.compile(
    r"\b(?:updated|modified|edited|last changed|aktualisiert|geändert|mis à jour|mise à jour|actualisé|actualizado|"
    r"actualizada|atualizado|atualizada|aggiornato|aggiornamento|zaktualizowano|aktualizacja|bijgewerkt)\b",
    re.IGNORECASE,
)


def _date(value: str | None) -> DateValue | None:
    parsed = parse_date(value) if value else None
    if parsed is not None and is_plausible(parsed):
        return parsed
    return None


def _with_label(el: lxml.html.HtmlElement, text: str) -> str:
    """``text`` (``el``'s) after the words of the element before it when it is short: a label such
    as "Page updated:" is often an element of its own."""
    previous = el.getprevious()
    while previous is not None and not isinstance(previous.tag, str):
        previous = previous.getprevious()  # a comment (in trees parsed with comments kept)
    if previous is not None and len(text) < 40:
        return _clean(previous.text_content())[-40:] + " " + text
    return text


def _time_label(el: lxml.html.HtmlElement) -> str:
    """The words that label a ``<time>``: its class, its parent's, the text just before it
    ("Updated <time>", or an element of its own: "<p>Last updated</p><time>") and its own."""
    parent = el.getparent()
    parent_class = (parent.get("class") or "") if parent is not None else ""
    previous = el.getprevious()
    before = (previous.tail if previous is not None else parent.text if parent is not None else "") or ""
    return f"{el.get('class') or ''} {parent_class} {_with_label(el, before[-30:])} {el.text_content()[:60]}"


def _labelled_update(
    times: Iterable[lxml.html.HtmlElement], datelines: Iterable[lxml.html.HtmlElement]
) -> DateValue | None:
    """The date the page itself labels "Updated" (in the element, its class, or the element
    before it): a ``<time>`` (its ``datetime``, or its text, as HTML reads a ``<time>`` without
    one), else the date after the label in a dateline."""
    for el in times:
        value = el.get("datetime") or _clean(el.text_content())
        if value and _UPDATED_LABEL.search(_time_label(el)):
            found = _date(value) or find_date(value)
            if found is not None and is_plausible(found):
                return found
    for el in datelines:
        text = _clean(el.text_content())
        if not text or len(text) > 120:
            continue
        label = _UPDATED_LABEL.search(text)
        if label is None and not _UPDATED_LABEL.search(_with_label(el, text)):
            continue
        found = find_date(text[label.end() :] if label else text)
        if found is not None and is_plausible(found):
            return found
    return None


def _beside_byline(el: lxml.html.HtmlElement) -> bool:
    """Whether an element of ``el``'s parent other than ``el`` is named as a byline."""
    parent = el.getparent()
    return parent is not None and any(
        sibling is not el and isinstance(sibling.tag, str) and _is_byline(sibling) for sibling in parent
    )


def _day(value: DateValue) -> _dt.date:
    """The calendar day of a date or time (as written, in its own time zone)."""
    return value.date() if isinstance(value, _dt.datetime) else value


def _header(tree: lxml.html.HtmlElement) -> set[lxml.html.HtmlElement]:
    """The elements after the first ``<h1>`` (not inside it) and before the first paragraph of
    prose that follows it: where an article's header shows its date. One walk, that stops there."""
    headline = next(tree.iter("h1"), None)
    if headline is None:
        return set()
    inside = set(headline.iter())
    found: set[lxml.html.HtmlElement] = set()
    seen = False
    for el in tree.iter():
        if el is headline:
            seen = True
        elif seen and el not in inside:
            if el.tag == "p" and len(_clean(el.text_content())) > _PROSE:
                break
            found.add(el)
    return found


def _visible_date(tree: lxml.html.HtmlElement, *, in_header: bool = False) -> DateValue | None:
    """The first undecorated date written in the page (``<span>Oct 4, 2022</span>``), not an update.

    ``in_header``: only a date written alone (not in a sentence) between the headline and the
    first paragraph of prose, where a page shows when the article appeared (not a date in the
    text or a teaser's further down).
    """
    header = _header(tree) if in_header else set()
    for node in cast("list[Any]", _DATE_TEXTS(tree))[:40]:
        text = _clean(str(node))
        if in_header and (len(text) > _ALONE or node.getparent() not in header):
            continue
        found = find_date(text)
        if found is None or not is_plausible(found):
            continue
        parent = node.getparent()
        while parent is not None and not isinstance(parent.tag, str):
            parent = parent.getparent()  # the text after a comment (in trees parsed with comments kept)
        context = _with_label(parent, _clean(parent.text_content())[:120]) if parent is not None else text
        if _UPDATED_LABEL.search(context):
            continue
        return found
    return None


def find_dates(sources: Sources) -> tuple[DateValue | None, DateValue | None]:
    """The page's publication and modification dates, by the precedence of
    :mod:`articlekit.extract.metadata`."""
    ld, metas, tagged, tree, url = sources.ld, sources.metas, sources.tagged, sources.tree, sources.url
    itemprop = sources.itemprop
    published = ld_published = _date(ld.published)
    if published is None:
        for key in _META_PUBLISHED:
            for value in metas.get(key, ()):
                published = _date(value)
                if published is not None:
                    break
            if published is not None:
                break
    if published is None:
        # Any other publication-date key a CMS invents ("w-published-date", "article-publish-time").
        for key, values in metas.items():
            if _PUBLISH_KEY.search(key) and not _UPDATED_LABEL.search(key.replace("_", " ").replace("-", " ")):
                published = next((d for d in map(_date, values) if d is not None), None)
                if published is not None:
                    break
    if published is None:
        for el in itemprop("datePublished", "dateCreated"):
            published = _date(el.get("datetime") or el.get("content") or el.text_content())
            if published is not None:
                break
    if published is None:
        times = [t for t in tagged["time"] if t.get("datetime")]
        ordered = [t for t in times if t.get("pubdate") is not None] + [t for t in times if t.get("pubdate") is None]
        for el in ordered[:10]:
            if _UPDATED_LABEL.search(_time_label(el)):
                continue
            published = _date(el.get("datetime"))
            if published is not None:
                break
    if published is None:
        from_url = date_in_url(url)
        if from_url is not None and is_plausible(from_url):
            published = from_url
    ld_modified = _date(ld.modified)
    # Both JSON-LD dates the same day, without a time, or the "modification" before the
    # publication: a CMS's stamp of its last (re)publication (Webflow writes "Jun 24, 2025"
    # twice), and an earlier date beside the author's name, or alone under the headline, shows
    # when the article first appeared.
    restamped = (
        ld_published is not None
        and ld_modified is not None
        and (
            (not isinstance(ld_published, _dt.datetime) and _day(ld_published) == _day(ld_modified))
            or _day(ld_modified) < _day(ld_published)
        )
    )
    # Elements named like a dateline: queried (once) only when an earlier source had no answer.
    datelines: list[lxml.html.HtmlElement] = []
    if published is None or restamped:
        datelines = [e for e in _els(_DATELINES, tree) if e.tag not in _NOT_TEXT][:15]
        for el in datelines:
            text = _clean(el.text_content())
            if not text or len(text) > 120 or _UPDATED_LABEL.search(_with_label(el, text)):
                continue
            if published is not None and not _beside_byline(el):
                continue
            found = find_date(text)
            if found is not None and is_plausible(found):
                if published is None or _day(found) < _day(published):
                    published = found
                break
    if published is None:
        published = _visible_date(tree)
    elif restamped and published == ld_published:
        shown = _visible_date(tree, in_header=True)
        if shown is not None and _day(shown) < _day(published):
            published = shown
    modified = ld_modified
    if modified is None:
        for key in _META_MODIFIED:
            modified = next((d for d in (_date(v) for v in metas.get(key, ())) if d is not None), None)
            if modified is not None:
                break
    if modified is None:
        for el in itemprop("dateModified"):
            modified = _date(el.get("datetime") or el.get("content") or el.text_content())
            if modified is not None:
                break
    if modified is None:
        # Datelines only when the publication date needed them already (the query is costly).
        modified = _labelled_update(tagged["time"][:10], datelines)
        if modified is not None and published is not None and _day(modified) < _day(published):
            modified = None  # an "update" shown before the publication is some other date
    return published, modified
