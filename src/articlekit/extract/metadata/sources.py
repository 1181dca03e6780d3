"""The sources a page declares its metadata in, read once: ``<meta>``, ``<link>``, ``<base>``,
``<title>``, JSON-LD and microdata (:class:`Sources`), and the helpers every stage shares.

One C-filtered pass collects the elements read everywhere (``<meta>``, ``<link>``, ``<base>``,
``<title>``, ``<script>``, ``<h1>``, ``<time>``, ``<a>``); the JSON-LD blocks are parsed once;
microdata is queried only when a stage asks for it (:meth:`Sources.itemprop`).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any, cast

import attrs
import lxml.html
from lxml import etree

from ..authors import clean_author, split_authors
from ..body import resolve_url

__all__ = ["Sources", "base_href", "read_sources"]

_PASS_TAGS = ("meta", "link", "base", "title", "script", "h1", "time", "a")
# Element queries walk the descendant axis once and test the attribute in a predicate
# (``/descendant::*[@class[...]]``): linear on any page, and as fast as selecting attributes
# and stepping up. The short forms are not: ``//@class/..`` merges each parent into the result
# with a duplicate check against all before it, and ``//*[@class]`` merges per parent node too:
# quadratic on a page with thousands of matches (seconds at 8,000 on a wide page).
_ITEMPROP = etree.XPath("/descendant::*[@itemprop]")
_MICRODATA_PROPS = frozenset({"headline", "author", "creator", "datePublished", "dateModified", "dateCreated"})
_NOT_TEXT = frozenset({"script", "style", "meta", "link", "img", "html", "body", "head", "noscript", "template"})

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


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(name)
    return tuple(out)


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


# -- all sources -------------------------------------------------------------------------------------


@attrs.define
class Sources:
    """What a page declares, read once (see :func:`read_sources`); the stages read it from here."""

    tree: lxml.html.HtmlElement
    url: str | None
    #: The elements of the tags in :data:`_PASS_TAGS`, per tag, in document order.
    tagged: dict[str, list[lxml.html.HtmlElement]]
    #: ``<meta>`` contents per lower-cased key, in document order.
    metas: dict[str, list[str]]
    #: ``<link>`` hrefs per lower-cased ``rel``.
    links: dict[str, list[str]]
    #: The URL relative links resolve against (:func:`base_href`).
    base: str | None
    ld: _JsonLd
    _microdata: dict[str, list[lxml.html.HtmlElement]] | None = None

    def itemprop(self, *names: str) -> list[lxml.html.HtmlElement]:
        """Microdata elements (read only when an earlier source had no answer)."""
        if self._microdata is None:
            self._microdata = {}
            for el in _els(_ITEMPROP, self.tree):
                prop = el.get("itemprop") or ""
                if el.tag != "meta" and prop in _MICRODATA_PROPS:
                    self._microdata.setdefault(el.get("itemprop") or "", []).append(el)
        return [el for name in names for el in self._microdata.get(name, ())]

    def absolute(self, value: str | None) -> str | None:
        """``value`` resolved against :attr:`base`."""
        return resolve_url(value, self.base) if value else None


def read_sources(tree: lxml.html.HtmlElement, url: str | None) -> Sources:
    """Every declared source of the page ``tree`` (fetched from ``url``), in one pass."""
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
    ld = _read_json_ld(
        _json_ld_objects(
            el.text or ""
            for el in tagged["script"]
            if (el.get("type") or "").strip().lower() in {"application/ld+json", "application/json+ld"}
        )
    )
    return Sources(tree, url, tagged, metas, links, base_href(tagged["base"], url), ld)


def site_name_of(sources: Sources) -> str | None:
    """JSON-LD ``publisher.name``, else the first ``<meta>`` site name; not a URL, not a sentence."""
    site_name = sources.ld.site_name or _first(sources.metas, _META_SITE)
    if site_name and (site_name.startswith("http") or len(site_name) > 80):
        return None
    return site_name
