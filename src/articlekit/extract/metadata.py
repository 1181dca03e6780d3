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
    (``/author/jane-doe``). Every candidate goes through ``split_authors`` and is
    cut at a date, "Updated", "Edited by" or a credential ("MD", "PhD"); lone words from
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
    as a date (``<span>Oct 4, 2022</span>``). A value that is not
    ``is_plausible`` (in the future, before 1990) is skipped, and ``published`` is
    never the modification date, even when that is the only date given; a date labelled
    "Updated", in its element or the one before it, is never taken. JSON-LD dates that are the
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
"""

from __future__ import annotations

import datetime as _dt
import html
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any, cast
from urllib.parse import urlsplit

import attrs
import lxml.html
from lxml import etree

from ..models import DateValue
from .authors import AGENCIES, clean_author, split_authors
from .body import resolve_url
from .dates import date_in_url, find_date, is_plausible, parse_date

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


# -- compiled queries ----------------------------------------------------------------------------

_PASS_TAGS = ("meta", "link", "base", "title", "script", "h1", "time", "a")
# Queries select attributes first and step up to their element (``//@class[...]/..``): libxml2
# then tests only the attributes that exist instead of every element, about twice as fast on
# large pages, with the same elements in the same (document) order.
_ITEMPROP = etree.XPath("//@itemprop/..")
_MICRODATA_PROPS = frozenset({"headline", "author", "creator", "datePublished", "dateModified", "dateCreated"})
#: Links to an author page (``/author/jane-doe``), a byline when nothing else names the author.
_AUTHOR_PATH = re.compile(r"/(?:authors?|writers|contributors|staff|producers|by)/")
#: Class names that mark a byline (case as written: ``Author`` but not ``AUTHOR``).
_BYLINE_CLASSES = ("byline", "Byline", "author", "Author", "by-line", "writer")
#: Elements that may be a byline (see :func:`_is_byline`): each ``contains`` costs a copy of
#: every class attribute, so ``yline`` and ``uthor`` stand for two words each here.
_BYLINES = etree.XPath(
    "//@class[contains(., 'yline') or contains(., 'uthor') or contains(., 'by-line') or contains(., 'writer')]/.."
    " | //@id[contains(., 'byline')]/.. | //@data-testid[contains(., 'byline')]/.."
)
#: Text that labels a byline in words: "Written by Jane Doe", or "Written by" before the element
#: holding the name (page builders put label and name in separate elements).
#: Only a literal ``contains`` per text node: any function applied to every text node first
#: (normalising its space) costs several times more on large pages.
_WRITTEN_BY = etree.XPath("/html/body//text()[contains(., 'ritten')]")
_WRITTEN_BY_LABEL = re.compile(r"\s*written\s+by\b", re.IGNORECASE)
_NOT_TEXT = frozenset({"script", "style", "meta", "link", "img", "html", "body", "head", "noscript", "template"})
_DATELINES = etree.XPath(
    "//@class[contains(., 'date') or contains(., 'time') "  # 'date' finds 'dateline' too
    "or contains(., 'published') or contains(., 'posted') or contains(., 'meta')]/parent::*[count(*) < 6]"
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

_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});")
_ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "techarticle",
        "scholarlyarticle", "report", "socialmediaposting", "liveblogposting", "posting",
        "medicalwebpage", "advertisertcontentarticle", "satiricalarticle", "howto",
    }
)  # fmt: skip
_PAGE_TYPES = frozenset({"webpage", "itempage", "aboutpage", "collectionpage", "medicalwebpage"})
_ORG_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "brand", "website"})
#: A title this long may have been cut at the 110 characters SEO plugins allow a JSON-LD headline.
_HEADLINE_CUT = 100
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|·|•|»|::|/|\\|@)\s+|:\s+")
#: A separator left dangling at the end of a title ("Story :: Site ::").
_DANGLING_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|·|•|»|::|/|\\)$")
_HIERARCHY = re.compile(r"\s(?:\||-|–|—|\\|/|>|»)\s")
_MONTH_NAMES = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
_BYLINE_TAIL = re.compile(
    r"\s+(?:[|•·—–-]\s*)?(?:last\s+)?(?:updated|published|posted|modified|reviewed|on)\b"
    r"|\s+(?:[|•·—–-]\s*)?(?:medically\s+)?(?:edited|reviewed|fact[- ]checked|illustrated|photographed)\s+by\b"
    r"|\s+(?:sponsored|advertorial|partner content)\b"
    r"|\s*(?:發表|发表)(?:在|於|于)"  # "Name 發表在 Site": posted at (Chinese blogs)
    r"|(?<=[a-z])(?-i:Updated|Published|Posted|" + _MONTH_NAMES.title() + r")"
    r"|\s(?:[|•·—–-]\s*)?(?:" + _MONTH_NAMES + r")\.?\s*\d|\s[|•·—–-]?\s*\d",
    re.IGNORECASE,
)
#: The words that end a team's name ("The Currency editors", "The Verge Staff").
_TEAM_NOUNS = ("editors", "staff", "team", "desk", "newsroom", "writers")
#: A publication's team as the byline: "The", its capitalised name, a :data:`_TEAM_NOUNS` word.
_TEAM = re.compile(r"^(?i:the)(?:\s+[A-Z][\w&.'’-]*){1,4}\s+(?i:" + "|".join(_TEAM_NOUNS) + r")$")
_AUTHOR_LABEL = re.compile(
    r"^(?:author|authors|autor|auteur|written by|words by|posted by|by)\s*:?\s*(?=\w)", re.IGNORECASE
)
_WITH = re.compile(r"\s*[()]\s*(?:(?:avec|with|mit|con|com)\s+)?|\s+(?:avec|with|mit|con|com)\s+", re.IGNORECASE)
#: "Surname, Given Names" as citation and library metadata write it.
_INVERTED = re.compile(r"^([^\W\d][\w'’-]+),\s+((?:[^\W\d][\w.'’-]*\s?){1,3})$")
_TRAILING_TITLE = re.compile(r"\s+\w+\s+(?:editor|writer|reporter|correspondent|columnist|producer)$", re.IGNORECASE)
_ROLE_NOUNS = frozenset({*_TEAM_NOUNS, "editorial", "admin"})
_COMPANY_WORDS = frozenset({"ltd", "inc", "llc", "gmbh", "corp", "limited", "plc", "llp", "s.a", "ag"})
_CREDENTIALS = frozenset(
    {
        "MA",
        "MD",
        "PHD",
        "RN",
        "MS",
        "MSC",
        "BSC",
        "MPH",
        "DO",
        "RD",
        "LD",
        "CPT",
        "MBA",
        "JD",
        "DDS",
        "NP",
        "PA-C",
        "FACP",
        "FACS",
        "JR",
        "SR",
        "II",
        "III",
    }
)
_MONTH_WORD = re.compile(r"\b(?:" + _MONTH_NAMES + r")\b", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d\b")
_PUBLISH_KEY = re.compile(r"publish|pubdate|release.?date|creation.?date", re.IGNORECASE)
#: Suffixes that name a kind of page, not the article: "Story | Blog".
_GENERIC_SUFFIXES = ("Blog", "News", "Home", "Opinion", "Articles", "Magazine")
_HANDLE = re.compile(r"^@\w+$")
_NOT_AUTHOR = re.compile(
    r"^(?:about|contact|follow|subscribe|share|comments?|more from|posts? by|all posts|view all|"
    r"see all|read more|menu|sign in|log in|full bio|bio)\b",
    re.IGNORECASE,
)
_UPDATED_LABEL = re.compile(r"\b(?:updated|modified|edited|last changed|aktualisiert|mis à jour)\b", re.IGNORECASE)
_LOCALE = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{4}))?(?:[-_]([A-Za-z]{2}|\d{3}))?\b")

#: ``<meta>`` keys (lower-cased ``name``/``property``/``itemprop``/``http-equiv``) per field, in order.
_META_TITLE = (
    "dc:title",
    "dcterm:title",
    "dcterms:title",
    "og:title",
    "twitter:title",
    "dc.title",
    "dcterms.title",
    "parsely-title",
    "sailthru.title",
    "citation_title",
    "title",
)
_META_AUTHOR = (
    "dc:creator",
    "dcterm:creator",
    "dcterms:creator",
    "author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "citation_author",
    "article:author", "og:article:author", "byl", "cxenseparse:author", "twitter:creator",
)  # fmt: skip
_META_PUBLISHED = (
    "article:published_time", "og:article:published_time", "article:published", "og:published_time",
    "datepublished", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
    "dc.date.created", "dcterms.created", "dc.date", "dcterms.date", "citation_publication_date",
    "citation_date", "citation_online_date", "pubdate", "publishdate", "publish-date", "publish_date",
    "date", "article.published", "article_date_original", "displaydate", "original-publish-date",
    "cxenseparse:recs:publishtime", "published_time", "pdate", "og:pubdate", "sort_date",
)  # fmt: skip
_META_MODIFIED = (
    "article:modified_time", "og:article:modified_time", "og:updated_time", "datemodified",
    "dc.date.modified", "dcterms.modified", "last-modified", "lastmod", "article.updated",
    "parsely-updated", "revised", "modified_time",
)  # fmt: skip
_META_SITE = ("og:site_name", "application-name", "apple-mobile-web-app-title", "publisher", "dc.publisher")
_META_DESCRIPTION = (
    "og:description",
    "description",
    "twitter:description",
    "dc.description",
    "dcterms.description",
    "sailthru.description",
)
_META_SECTION = ("article:section", "og:article:section", "parsely-section", "section", "category", "sailthru.section")
_META_TAGS = ("article:tag", "og:article:tag", "news_keywords", "parsely-tags", "sailthru.tags", "keywords")
_META_IMAGE = (
    "og:image",
    "og:image:url",
    "og:image:secure_url",
    "twitter:image",
    "twitter:image:src",
    "sailthru.image.full",
    "thumbnail",
)
_META_URL = ("og:url", "twitter:url", "parsely-link")
_META_LANGUAGE = ("content-language", "og:locale", "language", "dc.language", "inlanguage")
_META_SOURCE = ("original-source", "syndication-source", "dcterms.source")


def _els(query: etree.XPath, root: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The elements a compiled XPath query selects (typed for mypy)."""
    return cast("list[lxml.html.HtmlElement]", query(root))


def base_href(bases: Iterable[lxml.html.HtmlElement], url: str | None) -> str | None:
    """The URL relative links resolve against: the first of the ``<base>`` elements ``bases``
    with an ``href`` (itself resolved against ``url``), or ``url``."""
    for el in bases:
        href = el.get("href")
        if href:
            return resolve_url(href, url) or url
    return url


def _is_byline(el: lxml.html.HtmlElement) -> bool:
    """Whether ``el``'s class names a byline (:data:`_BYLINE_CLASSES`), or its id or test id does."""
    names = el.get("class") or ""
    return any(word in names for word in _BYLINE_CLASSES) or any(
        "byline" in (el.get(attribute) or "") for attribute in ("id", "data-testid")
    )


def _strs(query: etree.XPath, root: lxml.html.HtmlElement) -> list[str]:
    """The strings (attribute values, text) a compiled XPath query selects."""
    return [str(value) for value in cast("list[object]", query(root))]


def _clean(text: object) -> str:
    """``text`` as one line without surrounding space; entities escaped twice by the CMS undone."""
    if not isinstance(text, str):
        return ""
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text)
    return " ".join(text.split())


def _first(values: dict[str, list[str]], keys: Iterable[str]) -> str | None:
    for key in keys:
        for value in values.get(key, ()):
            if value:
                return value
    return None


# -- JSON-LD ---------------------------------------------------------------------------------------


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    names = kind if isinstance(kind, list) else [kind]
    return {n.rsplit("/", 1)[-1].lower() for n in names if isinstance(n, str)}


def _walk(node: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every object in a JSON-LD document (``@graph``, arrays, nested ``mainEntity``)."""
    if depth > 6:
        return
    if isinstance(node, list):
        for item in node:
            yield from _walk(item, depth + 1)
    elif isinstance(node, dict):
        yield node
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
            child = node.get(key)
            if isinstance(child, (list, dict)):
                yield from _walk(child, depth + 1)


def _json_ld_objects(blocks: Iterable[str]) -> list[dict[str, Any]]:
    objects: list[dict[str, Any]] = []
    for raw in blocks:
        text = raw.strip()
        if not text:
            continue
        try:
            data = json.loads(text)
        except RecursionError:  # absurdly deep nesting: no article data in there
            continue
        except ValueError:
            # Malformed blocks are skipped, not fatal; try once without trailing commas/CDATA.
            repaired = re.sub(r",\s*([}\]])", r"\1", text.replace("<![CDATA[", "").replace("]]>", ""))
            try:
                data = json.loads(repaired, strict=False)
            except (ValueError, RecursionError):
                continue
        objects.extend(_walk(data))
    return objects


def _ld_text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    text = _clean(value)
    return text or None


def _ld_url(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl") or value.get("@id")
    text = _clean(value)
    return text or None


def _ld_people(value: Any, people: list[str], orgs: list[str], ids: dict[str, dict[str, Any]]) -> None:
    """Names in a JSON-LD ``author`` value (string, object, array, ``@id`` reference)."""
    items = value if isinstance(value, list) else [value]
    for raw in items:
        item = raw
        if isinstance(item, str):
            if not item.startswith("http"):
                people.append(_clean(item))
        elif isinstance(item, dict):
            if "name" not in item and isinstance(item.get("@id"), str) and item["@id"] in ids:
                item = ids[item["@id"]]
            name = item.get("name")
            if isinstance(name, list):
                name = " and ".join(n for n in name if isinstance(n, str))
            if not isinstance(name, str) or not name.strip():
                given, family = item.get("givenName"), item.get("familyName")
                name = " ".join(n for n in (given, family) if isinstance(n, str))
            if not name:
                continue
            target = orgs if _types(item) & _ORG_TYPES else people
            if target is orgs:
                cleaned = clean_author(name)
                if cleaned:
                    orgs.append(cleaned)
            else:
                people.append(_clean(name))


@attrs.define
class _JsonLd:
    title: str | None = None
    name: str | None = None
    people: list[str] = attrs.field(factory=list)
    orgs: list[str] = attrs.field(factory=list)
    published: str | None = None
    modified: str | None = None
    site_name: str | None = None
    description: str | None = None
    section: str | None = None
    tags: list[str] = attrs.field(factory=list)
    image: str | None = None
    url: str | None = None
    language: str | None = None


def _read_json_ld(objects: list[dict[str, Any]]) -> _JsonLd:
    out = _JsonLd()
    if not objects:
        return out
    ids = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str) and ("name" in o)}
    articles = [o for o in objects if _types(o) & _ARTICLE_TYPES]
    pages = [o for o in objects if _types(o) & _PAGE_TYPES]
    main = articles[0] if articles else (pages[0] if pages else None)
    if main is not None:
        out.title = _ld_text(main.get("headline"))
        out.name = _ld_text(main.get("name"))
        for key in ("author", "creator"):
            if key in main:
                _ld_people(main[key], out.people, out.orgs, ids)
                if out.people or out.orgs:
                    break
        out.published = _ld_text(main.get("datePublished") or main.get("dateCreated"))
        out.modified = _ld_text(main.get("dateModified"))
        out.description = _ld_text(main.get("description"))
        section = main.get("articleSection")
        out.section = _ld_text(section)
        keywords = main.get("keywords")
        if isinstance(keywords, str):
            out.tags = [k.strip() for k in keywords.split(",") if k.strip()]
        elif isinstance(keywords, list):
            out.tags = [_clean(k) for k in keywords if isinstance(k, str) and _clean(k)]
        out.image = _ld_url(main.get("image") or main.get("thumbnailUrl"))
        out.url = _ld_url(main.get("url"))
        out.language = _ld_text(main.get("inLanguage"))
        publisher = main.get("publisher")
        if isinstance(publisher, dict) and "name" not in publisher and isinstance(publisher.get("@id"), str):
            publisher = ids.get(publisher["@id"], publisher)
        out.site_name = _ld_text(publisher)
    if out.published is None:
        # A WebPage object often carries the dates when the article object does not.
        for obj in pages:
            if obj.get("datePublished"):
                out.published = _ld_text(obj.get("datePublished"))
                out.modified = out.modified or _ld_text(obj.get("dateModified"))
                break
    if not out.site_name:
        for obj in objects:
            if _types(obj) & {"website", "newsmediaorganization"} and obj.get("name"):
                out.site_name = _ld_text(obj.get("name"))
                break
    if not out.people and not out.orgs:
        for obj in objects:
            if "person" in _types(obj) and obj.get("name") and obj is not main:
                # A lone Person in the graph is the author when the article does not say.
                if len([o for o in objects if "person" in _types(o)]) == 1 and main is not None:
                    out.people.extend(split_authors(str(obj["name"]), declared=True))
                break
    return out


# -- title -------------------------------------------------------------------------------------------


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


#: :data:`~articlekit.extract.authors.AGENCIES` as :func:`_squash` writes them.
_AGENCY_KEYS = frozenset(_squash(a) for a in AGENCIES)


def _initials(names: Iterable[str]) -> set[str]:
    """The initials of each name of three or more words ("World Future Awards" is "wfa")."""
    found = set()
    for name in names:
        words = [w for w in re.findall(r"\w+", name) if w[0].isupper()]
        if len(words) >= 3:
            found.add("".join(w[0] for w in words).casefold())
    return found


def _strip_site(title: str, site_names: list[str], h1s: list[str], also: Iterable[str | None] = ()) -> str:
    """``title`` without a site name suffix or prefix.

    A part is the site's when it is, contains or is contained in a name of ``site_names``, or
    equals one of ``also`` (the section) or a generic page kind ("Blog", "News").
    """
    title = _DANGLING_SEPARATOR.sub("", title)
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    sites = {_squash(s) for s in site_names if s}
    sites.discard("")
    exact = sites | {_squash(s) for s in (*_GENERIC_SUFFIXES, *also) if s} | _initials(site_names)
    squashed_h1 = {_squash(h) for h in h1s}
    # A remaining part that is the page's h1 wins outright.
    for cut in range(len(parts) - 1, 0, -1):
        head = _join_head(title, cut)
        if head and _squash(head) in squashed_h1:
            return head
    for cut in range(1, len(parts)):
        tail = _join_tail(title, cut)
        if tail and len(tail) > len(title) / 2 and _squash(tail) in squashed_h1:
            return tail
    # "Story | Site | Network": what follows a part that is exactly the site's name goes with it.
    for cut in range(1, len(parts) - 1):
        if _squash(parts[cut]) in sites:
            head = _join_head(title, cut)
            if head:
                return head
    # Cut trailing (then leading) parts that name the site.
    result = title
    changed = True
    while changed:
        changed = False
        parts = _TITLE_SEPARATORS.split(result)
        if len(parts) < 2:
            break
        last = _squash(parts[-1])
        if last and (last in exact or any(len(last) > 3 and (last in s or s in last) for s in sites)):
            head = _join_head(result, len(parts) - 1)
            if head:
                result, changed = head, True
                continue
        first = _squash(parts[0])
        if first and (first in sites or any(len(first) > 3 and (first in s or s in first) for s in sites)):
            tail = _join_tail(result, 1)
            if tail:
                result, changed = tail, True
    return result


def _cut_suffix(title: str) -> str:
    """A ``<title>`` without its last (or, when that leaves too little, first) part.

    Readability's rule for titles that do not name their site: ``Story - Site`` becomes
    ``Story`` unless fewer than three words would be left.
    """
    spans = [m.span() for m in _HIERARCHY.finditer(title)]
    if not spans:
        return title
    head = title[: spans[-1][0]].strip()
    if len(head.split()) < 3:
        head = title[spans[0][1] :].strip()
    return head if len(head.split()) > 4 or (len(head.split()) >= 3 and len(spans) == 1) else title


def _separator_spans(title: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TITLE_SEPARATORS.finditer(title)]


def _join_head(title: str, n: int) -> str:
    """The text before the ``n``-th separator (1-based)."""
    spans = _separator_spans(title)
    return title[: spans[n - 1][0]].strip() if 0 < n <= len(spans) else title


def _join_tail(title: str, n: int) -> str:
    """The text after the ``n``-th separator (1-based)."""
    spans = _separator_spans(title)
    return title[spans[n - 1][1] :].strip() if 0 < n <= len(spans) else title


def _host_names(url: str | None) -> list[str]:
    if not url:
        return []
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return []
    labels = [p for p in host.split(".") if p not in {"www", "com", "org", "net", "co", "uk", "edu", "gov", "io"}]
    return [host, *labels[-1:]] if labels else [host]


# -- authors -----------------------------------------------------------------------------------------


def _byline_names(text: str, orgs: list[str] | None = None, *, declared: bool = False) -> list[str]:
    """The person names in a visible byline or a ``<meta>`` author value.

    Team and desk names ("Health Desk", "The Editors") go to ``orgs`` instead. ``declared``: the
    text is a JSON-LD ``Person``'s name (see :func:`~articlekit.extract.authors.looks_like_name`).
    """
    text = _clean(text)
    if not text or len(text) > 150 or _NOT_AUTHOR.match(text):
        return []
    text = _AUTHOR_LABEL.sub("", text)
    # Cut a date or time the byline runs into ("Jane Doe Updated 4 Oct 2022", "Jane Doe 10:31 AM").
    text = _BYLINE_TAIL.split(text, maxsplit=1)[0]
    if _TEAM.match(text):
        if orgs is not None:
            orgs.append(text)
        return []
    text = _WITH.sub(", ", text)
    names: list[str] = []
    for raw in split_authors(text, declared=declared):
        name = _TRAILING_TITLE.sub("", raw)
        words = {w.strip(".,").casefold() for w in name.split()}
        if name.casefold() == "by" or name.replace(".", "").upper() in _CREDENTIALS:
            continue
        if name.split()[0].casefold() == "the" or words & _ROLE_NOUNS or words & _COMPANY_WORDS:
            if orgs is not None and len(name.split()) >= 2:
                orgs.append(name)
            continue
        if any(q in name for q in '"“”«»'):
            continue  # a quoted title, not a name
        first = name.split()[0]
        if (len(first) == 1 and first.isalpha()) or all(len(w.strip(".")) <= 1 for w in name.split()):
            continue  # initials on an avatar ("J J")
        if names and name.isupper() and len(name) <= 6:
            continue  # a credential after the name: "Jane Doe, MS, RD, FAND"
        names.append(name)
    return names


def _visible_byline_names(text: str, orgs: list[str] | None = None) -> list[str]:
    """Names in visible page text: as :func:`_byline_names`, but a lone word is not trusted."""
    return [n for n in _byline_names(text, orgs) if len(n.split()) >= 2 and "*" not in n]


def _written_by(tree: lxml.html.HtmlElement, teams: list[str]) -> list[str]:
    """Names after a "Written by" label (:data:`_WRITTEN_BY`), in its element or the next one."""
    labels = [n for n in cast("list[Any]", _WRITTEN_BY(tree)) if len(n) <= 200 and _WRITTEN_BY_LABEL.match(n)]
    for node in labels[:5]:
        holder = node.getparent()
        if holder is None or holder.tag in _NOT_TEXT:
            continue
        text = _clean(str(node) if node.is_tail else holder.text_content())
        if not node.is_tail and _AUTHOR_LABEL.sub("", text) == text:
            # Only the label here: the name is the next element's text.
            following = holder.getnext()
            text = "Written by " + following.text_content() if following is not None else ""
        names = _visible_byline_names(text, teams)
        if names:
            return names
    return []


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(name)
    return tuple(out)


# -- the extractor ---------------------------------------------------------------------------------


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


def _labelled_update(times: Iterable[lxml.html.HtmlElement], datelines: Iterable[lxml.html.HtmlElement]) -> DateValue | None:
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
        if not _MONTH_WORD.search(text) and not _NUMERIC_DATE.search(text):
            continue
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
    # One pass over the elements read everywhere (C-level tag filter, no per-node Python).
    tagged: dict[str, list[lxml.html.HtmlElement]] = {t: [] for t in _PASS_TAGS}
    for el in tree.iter(*_PASS_TAGS):
        tagged[el.tag].append(el)
    metas: dict[str, list[str]] = {}
    for el in tagged["meta"]:
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        if not key:
            continue
        content = _clean(el.get("content"))
        if content:
            for part in key.lower().split():
                metas.setdefault(part.strip(), []).append(content)
    links: dict[str, list[str]] = {}
    for el in tagged["link"]:
        for rel in (el.get("rel") or "").lower().split():
            links.setdefault(rel, []).append(el.get("href") or "")
    base = base_href(tagged["base"], url)
    ld = _read_json_ld(
        _json_ld_objects(
            el.text or ""
            for el in tagged["script"]
            if (el.get("type") or "").strip().lower() in {"application/ld+json", "application/json+ld"}
        )
    )

    def absolute(value: str | None) -> str | None:
        return resolve_url(value, base) if value else None

    microdata: dict[str, list[lxml.html.HtmlElement]] | None = None

    def itemprop(*names: str) -> list[lxml.html.HtmlElement]:
        """Microdata elements (read only when an earlier source had no answer)."""
        nonlocal microdata
        if microdata is None:
            microdata = {}
            for el in _els(_ITEMPROP, tree):
                prop = el.get("itemprop") or ""
                if el.tag != "meta" and prop in _MICRODATA_PROPS:
                    microdata.setdefault(el.get("itemprop") or "", []).append(el)
        return [el for name in names for el in microdata.get(name, ())]

    # Site name first: the title's suffix is cut against it.
    site_name = ld.site_name or _first(metas, _META_SITE)
    if site_name and (site_name.startswith("http") or len(site_name) > 80):
        site_name = None

    # -- title
    h1s = [_clean(h.text_content()) for h in tagged["h1"][:5]]
    title_el = tagged["title"]
    html_title = _clean(title_el[0].text_content()) if title_el else ""
    og_title = _first(metas, ("og:title",))
    ld_title = ld.title or ld.name
    if ld.title and ld.name and ld.title != ld.name:
        # schema.org pages put a summary in one of the two: keep the one the page title names.
        page_title = _squash(html_title or og_title or "")
        name = _squash(ld.name)
        if (
            name in page_title
            and _squash(ld.title) not in page_title
            and name not in {_squash(site_name or ""), _squash(ld.site_name or "")}
        ):
            ld_title = ld.name
    candidates = [ld_title, *(metas.get(k, [None])[0] for k in _META_TITLE)]
    micro = itemprop("headline") if not any(candidates) else None
    if micro:
        candidates.append(_clean(micro[0].text_content()))
    raw_title = next((c for c in candidates if c and len(c) <= 250), None)
    if raw_title and len(raw_title) >= _HEADLINE_CUT:
        # SEO plugins cut the schema.org headline near 110 characters: a declared title that goes
        # on from where it stops is the whole headline.
        cut = _squash(raw_title)
        raw_title = next(
            (c for c in (*candidates, html_title) if c and len(raw_title) < len(c) <= 250 and _squash(c).startswith(cut)),
            raw_title,
        )
    section_name = _first(metas, _META_SECTION) or ld.section
    site_names = [n for n in (site_name, ld.site_name, *_host_names(url)) if n]
    own_names = {_squash(n) for n in (site_name, ld.site_name) if n}
    if raw_title and html_title and _squash(raw_title) != _squash(html_title) and _squash(raw_title) in own_names:
        raw_title = None  # the site's own name and tagline in og:title: not this page's headline
    if raw_title:
        title: str | None = _strip_site(raw_title, site_names, h1s, (section_name,))
    elif html_title:
        title = _strip_site(html_title, site_names, h1s, (section_name,))
        if title == html_title:
            title = _cut_suffix(html_title)
    else:
        title = h1s[0] if len(h1s) == 1 and h1s[0] else None
    if title and len(h1s) == 1 and len(h1s[0]) > len(title):
        # A title cut short by the CMS ("... Solutions (Including") is completed by the headline.
        short, full = _squash(title), _squash(h1s[0])
        if len(short) >= 20 and full.startswith(short) and len(full) <= 2 * len(short):
            title = h1s[0]

    # -- authors
    site_keys = {_squash(n) for n in (site_name, ld.site_name) if n}
    people: list[str] = []
    teams: list[str] = []
    #: The publication named as author in ``<meta>`` (kept only when nobody else is named).
    site_authors: list[str] = []
    for name in ld.people:
        key = _squash(name)
        if key in site_keys or key in _AGENCY_KEYS:
            ld.orgs.append(name)  # an organisation typed as a Person
        else:
            people.extend(_byline_names(name, teams, declared=True))
    if not people:
        for key in _META_AUTHOR:
            for value in metas.get(key, ()):
                if value.startswith(("http", "www.")) or _HANDLE.match(value):
                    continue
                inverted = _INVERTED.match(value)
                if inverted and inverted.group(1).casefold() not in {"by", "and"}:
                    value = f"{inverted.group(2).strip()} {inverted.group(1)}"  # noqa: PLW2901
                for name in _byline_names(value, teams):
                    (site_authors if _squash(name) in site_keys else people).append(name)
            if people:
                break
    if not people:
        for el in itemprop("author", "creator"):
            named = el.find(".//*[@itemprop='name']")
            source = named if named is not None else el
            text = source.get("content") if source.tag == "meta" else " ".join(source.itertext())
            people.extend(_visible_byline_names(text or "", teams))
    if not people:
        rel_authors = [a for a in tagged["a"] if (rel := a.get("rel")) and (rel == "author" or "author " in rel)]
        for el in rel_authors[:4]:
            people.extend(_visible_byline_names(" ".join(el.itertext()), teams))
    if not people:
        for el in [e for e in _els(_BYLINES, tree) if e.tag not in _NOT_TEXT and _is_byline(e)][:20]:
            names = _visible_byline_names(" ".join(el.itertext()), teams)
            if names:
                people.extend(names)
                break
    if not people:
        parent = None
        author_links = [a for a in tagged["a"] if (href := a.get("href")) and _AUTHOR_PATH.search(href)]
        for el in author_links[:12]:
            if parent is not None and el.getparent() is not parent:
                break
            names = _visible_byline_names(el.text_content(), teams)
            if names:
                people.extend(names)
                parent = el.getparent()
    if not (people or teams or ld.orgs or site_authors):
        # The last resort, only when nothing at all names an author: it reads every text node.
        people.extend(_written_by(tree, teams))
    authors = _unique(people) or _unique(teams[:1]) or _unique(ld.orgs) or _unique(site_authors[:1])

    # -- dates
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

    # -- the rest
    language = _language(tree.get("lang") or tree.get("xml:lang"))
    if language is None:
        language = next((_language(v) for v in (_first(metas, (k,)) for k in _META_LANGUAGE) if _language(v)), None)
    if language is None:
        language = _language(ld.language)

    description = ld.description or _first(metas, _META_DESCRIPTION)
    section = section_name
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
        base_url=base,
    )
