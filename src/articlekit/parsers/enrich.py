"""articlekit's own enricher: fills :attr:`Article.quotes` after any parse.

Quotes a parser already set are kept; the extractor's quotes are added where they do not
overlap them. Reporting verbs registered by plugins (``articlekit_reporting_verbs``) are used.
For HTML documents, a body paragraph that is the text of a ``<blockquote>``, and the text of a
``<q>`` element, become quotes even without quote marks.
"""

from __future__ import annotations

import itertools
import re

import attrs
import lxml.html
import pluggy

from ..document import Document
from ..extract.quotes import extract_quotes
from ..models import Article, Quote

__all__ = ["articlekit_enrich", "blockquote_paragraphs", "q_spans"]

hookimpl = pluggy.HookimplMarker("articlekit")

_SPACE = re.compile(r"\s+")
_BLOCKS = ("p", "div", "li")
_MAX_Q_ELEMENTS = 1000


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def blockquote_paragraphs(article: Article, document: Document) -> set[int]:
    """Indices of body paragraphs that come from a ``<blockquote>`` of the HTML document.

    Reads the document's tree, which the HTML parser has already built (no second parse).
    """
    if document.kind != "html":
        return set()
    texts: set[str] = set()
    for quote in document.tree.iter("blockquote"):
        if _inside(quote, "blockquote"):  # its blocks are the outer one's: read each text once
            continue
        blocks = [el for el in quote.iter(*_BLOCKS) if not any(child.tag in _BLOCKS for child in el)]
        for el in blocks or [quote]:
            clean = _clean(el.text_content())
            if len(clean.split()) >= 3:
                texts.add(clean)
    if not texts:
        return set()
    return {i for i, paragraph in enumerate(article.paragraphs) if _clean(paragraph) in texts}


def q_spans(article: Article, document: Document) -> list[tuple[int, int]]:
    """Offsets in :attr:`Article.text` of the text of each ``<q>`` element of an HTML document."""
    if document.kind != "html":
        return []
    text = article.text
    spans: list[tuple[int, int]] = []
    searched_from: dict[str, int] = {}
    # Each element costs a search of the text: the first _MAX_Q_ELEMENTS bound the work (a real
    # page has a handful); quote marks still find the others' words.
    outermost = (element for element in document.tree.iter("q") if not _inside(element, "q"))
    for element in itertools.islice(outermost, _MAX_Q_ELEMENTS):
        inner = _clean(element.text_content())
        if not inner:
            continue
        start = text.find(inner, searched_from.get(inner, 0))
        if start > 0:
            spans.append((start, start + len(inner)))
            searched_from[inner] = start + len(inner)
    return spans


def _inside(element: lxml.html.HtmlElement, tag: str) -> bool:
    """Whether an ancestor of ``element`` is a ``tag`` (nested text would be read once per level)."""
    return next(element.iterancestors(tag), None) is not None


def _overlaps(quote: Quote, others: tuple[Quote, ...]) -> bool:
    return any(quote.span.start < o.span.end and o.span.start < quote.span.end for o in others)


@hookimpl
def articlekit_enrich(article: Article, document: Document) -> Article | None:
    if not article.paragraphs:
        return None
    from ..plugins import default_registry  # noqa: PLC0415 - plugins imports this module

    blocks = blockquote_paragraphs(article, document)
    text = article.text
    limit = document.limits.max_quote_chars
    if len(text) > limit:
        # Whole paragraphs up to the limit, or the limit itself when no paragraph ends in its
        # second half: offsets into the prefix are offsets into the text.
        end = text.rfind("\n\n", limit // 2, limit)
        text = text[: end if end > 0 else limit]
        article = article.with_warning(
            f"quotes were looked for in the first {len(text):,} characters of the body only (max_quote_chars)"
        )
    found = extract_quotes(
        text,
        extra_verbs=default_registry().reporting_verbs(),
        quoted_paragraphs=blocks,
        quoted_spans=q_spans(article, document),
    )
    if not found:
        return article if len(text) < len(article.text) else None
    existing = article.quotes
    merged = sorted((*existing, *(q for q in found if not _overlaps(q, existing))), key=lambda q: q.span.start)
    return attrs.evolve(article, quotes=merged)
