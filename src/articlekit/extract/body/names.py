"""What an element's class and id names say: boilerplate flags and Readability's class weight.

The vocabularies are in :mod:`articlekit.extract.boilerplate`; this module reads names with them,
caching the verdict on each name and on each class token.
"""

from __future__ import annotations

import functools
import re

import lxml.html

from .. import boilerplate as bp

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


def _names(el: lxml.html.HtmlElement) -> str:
    cls = el.get("class")
    ident = el.get("id")
    if cls and ident:
        return f"{cls} {ident}".lower()
    return (cls or ident or "").lower()


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


def _class_weight(el: lxml.html.HtmlElement) -> int:
    cls = el.get("class")
    ident = el.get("id")
    return (_name_weight(cls) if cls else 0) + (_name_weight(ident) if ident else 0)
