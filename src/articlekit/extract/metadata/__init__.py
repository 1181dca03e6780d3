"""Page metadata from every source an HTML page offers: :func:`extract_metadata`.

Sources are read once each (one C-filtered pass collects ``<meta>``, ``<link>``, ``<base>``,
``<title>``, ``<script>``, ``<h1>`` and ``<time>``; the JSON-LD blocks are parsed once; the
costlier body queries run only when the sources before them had no answer) and combined per
field in this precedence, the first non-empty plausible value winning:

title
    JSON-LD ``headline`` of the article object (its ``name`` instead when the page title names
    that one), ``dc:title``, ``og:title``, ``twitter:title``, ``parsely-title``,
    ``sailthru.title``, ``citation_title``, microdata ``itemprop=headline``, then ``<title>``.
    The site suffix (`` | Site``, `` - Site``, `` — Site``, ``: Site``, or a prefix
    ``Site | ``) is cut when it names the site (site name, host, the initials of a site name of
    three or more words: `` | WFA`` for World Future Awards) or when the part left is the
    page's ``<h1>``; a ``<title>`` that does not name its site loses its last part
    (Readability's rule) when three or more words remain. A headline of 100 characters or more
    that another declared title continues was cut by an SEO plugin (which stops JSON-LD headlines
    near 110): the longer one is read instead.
authors
    JSON-LD ``author``/``creator`` persons (``@id`` references followed); ``dc:creator``,
    ``<meta name=author>``, ``parsely-author``, ``sailthru.author``, ``citation_author``
    (``Surname, Given`` turned round), ``article:author`` and ``twitter:creator`` when they are
    names, not URLs or handles; microdata ``itemprop=author``; ``rel=author`` links; visible
    bylines (``.byline``, ``[class*=author]`` ...); links to an author page
    (``/author/jane-doe``); last, when nothing else names anyone, a byline labelled in words
    anywhere on the page ("Written by", "von", "par", "por", "przez", "Autor:", "Text:",
    "Posted on <date> by"). Every candidate goes through ``split_authors`` and is
    cut at a date, a weekday, "Updated", "Edited by", a photo credit, a role ("Senior Editor",
    "Chefredakteur") or a credential ("MD", "PhD"); lone words from
    visible text, avatar initials and quoted titles are dropped. Organisations (JSON-LD
    ``Organization``, a news agency or the site itself typed as a Person, "... Team",
    "... Desk") are kept only when no person is named anywhere.
published / modified
    JSON-LD ``datePublished`` (``dateCreated``) / ``dateModified``; ``article:published_time``
    / ``article:modified_time`` (``og:updated_time``); other ``<meta>`` dates (``date``,
    ``pubdate``, ``dc.date``, ``dcterms.created``, ``parsely-pub-date``, ``sailthru.date``,
    ``citation_publication_date`` ..., then any key naming a publication date); microdata
    ``datePublished``; ``<time datetime>`` (``pubdate`` first, never one labelled "Updated");
    the URL (``/2022/10/04/``); a dateline (``.date``, ``.published`` ...); a short text written
    as a date (``<span>Oct 4, 2022</span>``, ``19. Mai 2020``, ``2020년 5월 19일``: the forms and
    month names of ``articlekit.extract.dates``). A value that is not
    ``is_plausible`` (in the future, before 1990) is skipped, and ``published`` is
    never the modification date, even when that is the only date given; a date labelled
    "Updated" ("Aktualisiert", "Actualizado", "Mis à jour" ...), in its element or the one
    before it, is never taken. JSON-LD dates that are the
    same day and carry no time, or whose modification precedes the publication, are a CMS's
    stamp of its last (re)publication: an earlier dateline beside the byline element, or a
    date written alone between the headline and the first paragraph of prose, is then the
    publication date. ``modified`` falls back on
    what the page labels "Updated": a ``<time>`` (``class="updated"``, "Last updated <time>";
    its text when it has no ``datetime``), then a dateline when datelines were read for the
    publication date; never a date before the publication.
site_name
    JSON-LD ``publisher.name``, ``og:site_name``, ``application-name``,
    ``apple-mobile-web-app-title``.
language
    ``<html lang>``, ``content-language``, ``og:locale``, JSON-LD ``inLanguage``; normalised
    (``en``, ``pt-BR``, ``zh-Hant-TW``).
description
    JSON-LD ``description``, ``og:description``, ``<meta name=description>``,
    ``twitter:description``, ``dc.description``.
canonical_url / image / source_url
    ``<link rel=canonical>``, ``og:url``, JSON-LD ``url``; ``og:image``, ``twitter:image``,
    JSON-LD ``image``, ``<link rel=image_src>``; ``<link rel=original-source>``,
    ``syndication-source``, ``<meta name=original-source>`` (an "originally published at"
    notice in the text is found by the body extractor). All made absolute against
    ``<base href>`` and the page URL.
section / tags
    ``article:section``, ``parsely-section``, JSON-LD ``articleSection``; ``article:tag``,
    ``news_keywords``, ``parsely-tags``, ``keywords``, JSON-LD ``keywords``.

Entities a CMS escaped twice (``&amp;amp;``, ``&#8217;`` inside an attribute) are undone.

The work is done in stages, one module each in this package: ``sources`` reads what the page
declares (``<meta>``, JSON-LD, microdata), ``title``, ``byline`` and ``page_dates`` pick the
title, the authors and the dates from it (and from the visible page where it says nothing); the
other fields are read here. (``page_dates`` decides which of a page's dates is which;
``articlekit.extract.dates`` reads one date string.)
"""

from __future__ import annotations

import re

import attrs
import lxml.html

from ...models import DateValue
from .byline import find_authors
from .page_dates import find_dates
from .sources import (
    _META_DESCRIPTION,
    _META_IMAGE,
    _META_LANGUAGE,
    _META_SECTION,
    _META_SOURCE,
    _META_TAGS,
    _META_URL,
    _first,
    _unique,
    base_href,
    read_sources,
    site_name_of,
)
from .title import find_title

__all__ = ["Metadata", "base_href", "extract_metadata"]


@attrs.frozen
class Metadata:
    """Everything :func:`extract_metadata` found about a page; ``None``/empty when absent."""

    title: str | None = None
    """Headline without the site suffix."""
    authors: tuple[str, ...] = ()
    """Author names, persons first (organisations only when no person is named)."""
    published: DateValue | None = None
    """Original publication time (aware datetime) or day (date)."""
    modified: DateValue | None = None
    """Last modification time or day."""
    site_name: str | None = None
    """Publisher or site name."""
    language: str | None = None
    """Language tag such as ``en`` or ``pt-BR``."""
    description: str | None = None
    """The page's own summary (meta/OpenGraph description)."""
    section: str | None = None
    """Section or category."""
    tags: tuple[str, ...] = ()
    """Keywords and tags, in page order, without duplicates."""
    image: str | None = None
    """Absolute URL of the lead image."""
    canonical_url: str | None = None
    """Absolute canonical URL."""
    source_url: str | None = None
    """Absolute URL of the original publication ("originally published at ...")."""
    base_url: str | None = None
    """The URL relative links resolve against: the page's first ``<base href>`` (resolved against
    the page URL), else the page URL."""


_LOCALE = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{4}))?(?:[-_]([A-Za-z]{2}|\d{3}))?\b")


def _language(value: str | None) -> str | None:
    if not value:
        return None
    match = _LOCALE.match(value.strip())
    if not match:
        return None
    lang, script, region = match.groups()
    tag = lang.lower()
    if script:
        tag += "-" + script.title()
    if region:
        tag += "-" + region.upper()
    return tag


def extract_metadata(tree: lxml.html.HtmlElement, url: str | None) -> Metadata:
    """All metadata of the page ``tree`` (fetched from ``url``), by the precedence above.

    >>> page = lxml.html.fromstring(
    ...     '<html lang="en-us"><head><title>Rain in Spain | The Daily</title>'
    ...     '<meta property="og:site_name" content="The Daily">'
    ...     '<meta name="author" content="By Ana Ruiz and Tom Lee">'
    ...     '<meta property="article:published_time" content="2022-10-04T09:30:00Z"></head>'
    ...     '<body><h1>Rain in Spain</h1></body></html>'
    ... )
    >>> meta = extract_metadata(page, "https://daily.example/2022/10/04/rain")
    >>> meta.title, meta.authors, meta.published.isoformat(), meta.language
    ('Rain in Spain', ('Ana Ruiz', 'Tom Lee'), '2022-10-04T09:30:00+00:00', 'en-US')
    """
    sources = read_sources(tree, url)
    ld, metas, links = sources.ld, sources.metas, sources.links
    absolute = sources.absolute
    # Site name first: the title's suffix is cut against it.
    site_name = site_name_of(sources)
    title = find_title(sources, site_name)
    authors = find_authors(sources, site_name)
    published, modified = find_dates(sources)

    # -- the rest
    language = _language(tree.get("lang") or tree.get("xml:lang"))
    if language is None:
        language = next((_language(v) for v in (_first(metas, (k,)) for k in _META_LANGUAGE) if _language(v)), None)
    if language is None:
        language = _language(ld.language)

    description = ld.description or _first(metas, _META_DESCRIPTION)
    section = _first(metas, _META_SECTION) or ld.section
    tags: list[str] = []
    for key in _META_TAGS:
        for value in metas.get(key, ()):
            tags.extend(t.strip() for t in value.split(",") if key != "article:tag" and t.strip())
            if key == "article:tag":
                tags.append(value)
        if tags:
            break
    if not tags:
        tags = ld.tags
    image = None
    for candidate in (*(metas.get(k, [None])[0] for k in _META_IMAGE), ld.image, *(links.get("image_src", [])[:1])):
        image = absolute(candidate)
        if image:
            break
    canonical = None
    for candidate in (*links.get("canonical", [])[:1], _first(metas, _META_URL), ld.url):
        canonical = absolute(candidate)
        if canonical:
            break
    source = None
    for candidate in (
        *links.get("original-source", [])[:1],
        *links.get("syndication-source", [])[:1],
        _first(metas, _META_SOURCE),
    ):
        source = absolute(candidate)
        if source:
            break

    return Metadata(
        title=title or None,
        authors=authors,
        published=published,
        modified=modified,
        site_name=site_name,
        language=language,
        description=description,
        section=section,
        tags=_unique(t for t in tags if len(t) < 80),
        image=image,
        canonical_url=canonical,
        source_url=source,
        base_url=sources.base,
    )
