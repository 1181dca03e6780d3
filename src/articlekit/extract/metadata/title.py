"""The title stage: the declared headline, without the site's name around it (:func:`find_title`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from ..dates import find_date
from .sources import _META_SECTION, _META_TITLE, Sources, _clean, _first, _squash

__all__ = ["find_title"]

#: A title this long may have been cut at the 110 characters SEO plugins allow a JSON-LD headline.
_HEADLINE_CUT = 100
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|·|•|»|::|/|\\|@)\s+|:\s+")
#: A separator left dangling at the end of a title ("Story :: Site ::").
_DANGLING_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|·|•|»|::|/|\\)$")
#: What follows a whole title in a headline that repeats it: a separator and more.
_TRAILER = re.compile(r"\s*(?:\||–|—|·|•|»|::|/|\\|-\s)")
_HIERARCHY = re.compile(r"\s(?:\||-|–|—|\\|/|>|»)\s")
#: Suffixes that name a kind of page, not the article: "Story | Blog".
_GENERIC_SUFFIXES = ("Blog", "News", "Home", "Opinion", "Articles", "Magazine")


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
        if last and (last in exact or any(len(last) > 3 and (last in s or _mostly(s, last)) for s in sites)):
            head = _join_head(result, len(parts) - 1)
            if head:
                result, changed = head, True
                continue
        first = _squash(parts[0])
        if first and (first in sites or any(len(first) > 3 and (first in s or _mostly(s, first)) for s in sites)):
            tail = _join_tail(result, 1)
            if tail:
                result, changed = tail, True
    return result


def _mostly(site: str, part: str) -> bool:
    """Whether the squashed title part ``part`` is mostly the squashed site name ``site``
    ("Coast Gazette Online"), not a headline that mentions it."""
    return site in part and len(part) <= 2 * len(site)


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
    # Not a country code ("de", "at", "co"): two letters are inside too many words of a title.
    labels = [p for p in host.split(".") if len(p) > 2 and p not in {"www", "com", "org", "net", "edu", "gov"}]
    return [host, *labels[-1:]] if labels else [host]


def find_title(sources: Sources, site_name: str | None) -> str | None:
    """The page's headline, by the precedence of :mod:`articlekit.extract.metadata`."""
    ld, metas, tagged, url = sources.ld, sources.metas, sources.tagged, sources.url
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
    micro = sources.itemprop("headline") if not any(candidates) else None
    if micro:
        candidates.append(_clean(micro[0].text_content()))
    raw_title = next((c for c in candidates if c and len(c) <= 250), None)
    if raw_title and len(raw_title) >= _HEADLINE_CUT:
        # SEO plugins cut the schema.org headline near 110 characters: a declared title that goes
        # on from where it stops is the whole headline.
        cut = _squash(raw_title)
        raw_title = next(
            (
                c
                for c in (*candidates, html_title)
                if c and len(raw_title) < len(c) <= 250 and _squash(c).startswith(cut)
            ),
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
        # Not when the headline goes on with a site name or a date after a separator ("Story |
        # Site", "Story 02.02.2022 • Section"): the title was whole.
        short, full = _squash(title), _squash(h1s[0])
        rest = h1s[0][len(title) :] if h1s[0].startswith(title) else ""
        if (
            len(short) >= 20
            and full.startswith(short)
            and len(full) <= 2 * len(short)
            and not _TRAILER.match(rest)
            and find_date(rest) is None
        ):
            title = h1s[0]
    return title
