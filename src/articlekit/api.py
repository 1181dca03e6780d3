"""``parse()``: bytes or text in, :class:`~articlekit.Article` out.

Data flows one way: source → :class:`~articlekit.document.Document` → the chosen parser →
enrichment (quotes, plugins) → :class:`~articlekit.Article`.
"""

from __future__ import annotations

import asyncio
import html
import os
import re
from pathlib import Path
from typing import Any

import attrs

from ._version import __version__
from .document import DEFAULT_LIMITS, Document, Limits, _size, clean_controls, has_controls
from .errors import InputError, InputTooLargeError, ParseError
from .models import Article, ParserInfo
from .plugins import Registry, default_registry

__all__ = ["parse", "parse_async", "parse_document", "parse_file"]

_TAGS = re.compile(r"<[^<>]*>")
_SCRIPT_OPEN = re.compile(r"<(script|style|noscript|template)\b", re.IGNORECASE)
_SCRIPT_CLOSE = {
    name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in ("script", "style", "noscript", "template")
}


def parse(
    source: str | bytes,
    *,
    url: str | None = None,
    parser: str | None = None,
    charset: str | None = None,
    enrich: bool = True,
    registry: Registry | None = None,
    limits: Limits | None = None,
) -> Article:
    """Parse one article, HTML or plain text (detected), into an :class:`~articlekit.Article`.

    :param source: the page or text; ``bytes`` are decompressed when gzip or zlib, then decoded
        (BOM, ``charset``, ``<meta charset>``, UTF-8, cp1252).
    :param url: where the document came from, an absolute ``http(s)`` URL: helps choose a
        publisher parser and resolves relative links.
    :param parser: force a registered parser by name (see ``articlekit plugins``).
    :param charset: the encoding an HTTP ``Content-Type`` header gave, if any.
    :param enrich: run the enrichment hooks (quote extraction and plugins); ``False`` skips them.
    :param registry: a :class:`~articlekit.plugins.Registry` other than the default one.
    :param limits: bounds on the work the document may cost (default
        :data:`~articlekit.document.DEFAULT_LIMITS`); past one, the result is truncated and says
        so in :attr:`Article.warnings <articlekit.Article.warnings>`.
    :raises InputError: the source is not ``str``/``bytes``, is empty, too large, or not a text
        document (an image, a PDF, an archive, an executable); ``url`` is not an absolute
        ``http(s)`` URL.
    :raises ParserNotFoundError: ``parser`` names no registered parser.

    >>> import articlekit
    >>> article = articlekit.parse("A title\\n\\nby Jane Doe\\n2024-05-01\\n\\nFirst paragraph.")
    >>> article.title, article.authors, article.published.isoformat(), article.paragraphs
    ('A title', ('Jane Doe',), '2024-05-01', ('First paragraph.',))
    """
    document = Document(source, url=url, charset=charset, limits=limits)
    return parse_document(document, parser=parser, enrich=enrich, registry=registry)


def parse_document(
    document: Document,
    *,
    parser: str | None = None,
    enrich: bool = True,
    registry: Registry | None = None,
) -> Article:
    """Parse an already built :class:`~articlekit.document.Document` (see :func:`parse`)."""
    if not isinstance(document, Document):
        raise InputError(f"document must be a Document, not {type(document).__name__} (parse() takes str or bytes)")
    if parser is not None and not isinstance(parser, str):
        raise InputError(f"parser must be a parser's name, not {type(parser).__name__}")
    if document.blank:
        raise InputError("the document is empty")
    registry = registry or default_registry()
    candidates, problems = registry.candidates(document, parser)
    warnings: list[str] = [*registry.load_errors, *problems]
    article: Article | None = None
    for entry in candidates:
        outcome = registry.run_parser(entry, document)
        warnings.extend(outcome.warnings)
        if outcome.article is not None:
            article = attrs.evolve(
                outcome.article,
                parser=ParserInfo(entry.name, entry.parser.version),
                url=outcome.article.url or document.url,
            )
            kinds = getattr(entry.parser, "kinds", ())
            if parser is not None and entry.name == parser and kinds and document.kind not in kinds:
                warnings.append(
                    f"the parser {parser!r} reads {' or '.join(kinds)} documents but this one is {document.kind}: "
                    "the article may hold raw markup"
                )
            break
    if article is None:
        article = _last_resort(document)
        warnings.append("no parser produced an article; the text was kept as it is, without metadata")
    elif document.truncated and not article.paragraphs:
        # The tree lost the article to the parser's depth limit: keep the page's text instead.
        kept = tuple(p for p in _last_resort(document).paragraphs if p != article.title)
        article = attrs.evolve(article, paragraphs=kept)
        warnings.append("the body is the page's text as it is, since the HTML tree was cut short")
    warnings.extend(document.warnings)
    if enrich:
        article = registry.enrich(article, document)
    if warnings:
        article = attrs.evolve(article, warnings=[*dict.fromkeys(warnings), *article.warnings])
    strings: list[str] = []
    _collect_strings(article, strings)
    if not has_controls("\n".join(strings)):
        return article
    cleaned: Article = _without_controls(article)
    return cleaned


_FIELDS: dict[type, tuple[tuple[str, str], ...]] = {}


def _init_fields(cls: type) -> tuple[tuple[str, str], ...]:
    """``(attribute name, init alias)`` of each field of an attrs class set by ``__init__`` (a
    derived field such as :attr:`Article.text` is rebuilt from the others); ``()`` for any other
    class."""
    fields = _FIELDS.get(cls)
    if fields is None:
        fields = tuple((f.name, f.alias) for f in attrs.fields(cls) if f.init) if attrs.has(cls) else ()
        _FIELDS[cls] = fields
    return fields


def _collect_strings(value: object, into: list[str]) -> None:
    """Every string in ``value`` (an article or a part of one), appended to ``into``."""
    if isinstance(value, str):
        into.append(value)
    elif isinstance(value, tuple):
        for item in value:
            if type(item) is str:
                into.append(item)
            else:
                _collect_strings(item, into)
    else:
        for name, _alias in _init_fields(type(value)):
            _collect_strings(getattr(value, name), into)


def _without_controls(value: Any) -> Any:
    """``value`` (an article, or a part of one) with every string passed through
    :func:`~articlekit.document.clean_controls`; the same object when nothing changed. Lengths
    are kept, so spans stay valid."""
    if isinstance(value, str):
        return clean_controls(value)
    if isinstance(value, tuple):
        items = tuple(_without_controls(item) for item in value)
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if _init_fields(type(value)):
        changes = {}
        for name, alias in _init_fields(type(value)):
            old = getattr(value, name)
            new = _without_controls(old)
            if new is not old:
                changes[alias] = new
        return attrs.evolve(value, **changes) if changes else value
    return value


def _last_resort(document: Document) -> Article:
    """Every line of text the document has, as paragraphs: nothing is silently lost."""
    text = document.text
    if document.kind == "html":
        text = html.unescape(_TAGS.sub("\n", _without_scripts(text)))
    paragraphs = tuple(" ".join(line.split()) for line in text.split("\n") if line.strip())
    if not paragraphs:
        raise ParseError("no parser produced an article and the document has no text")
    return Article(url=document.url, paragraphs=paragraphs, parser=ParserInfo("fallback", __version__))


def _without_scripts(text: str) -> str:
    """``text`` without its script, style, noscript and template elements: one pass (an element
    never closed is kept, for its tags to be stripped)."""
    pieces: list[str] = []
    pos = 0
    while (opening := _SCRIPT_OPEN.search(text, pos)) is not None:
        closing = _SCRIPT_CLOSE[opening.group(1).lower()].search(text, opening.end())
        if closing is None:
            break
        pieces.append(text[pos : opening.start()])
        pos = closing.end()
    return "".join(pieces) + text[pos:] if pieces else text


def parse_file(
    path: str | os.PathLike[str],
    *,
    url: str | None = None,
    parser: str | None = None,
    charset: str | None = None,
    enrich: bool = True,
    registry: Registry | None = None,
    limits: Limits | None = None,
) -> Article:
    """Read a file (bytes, so the page's own charset is honoured) and :func:`parse` it."""
    limit = (limits or DEFAULT_LIMITS).max_input_bytes
    try:
        file = Path(path)
        size = file.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except (TypeError, ValueError) as exc:  # a path with a NUL byte, or not a path at all
        raise InputError(f"cannot read {path!r}: {exc}") from exc
    if size > limit:
        raise InputTooLargeError(f"{file} is {_size(size)}; the limit is {_size(limit)}")
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {file}: {exc.strerror or exc}") from exc
    return parse(data, url=url, parser=parser, charset=charset, enrich=enrich, registry=registry, limits=limits)


async def parse_async(
    source: str | bytes,
    *,
    url: str | None = None,
    parser: str | None = None,
    charset: str | None = None,
    enrich: bool = True,
    registry: Registry | None = None,
    limits: Limits | None = None,
) -> Article:
    """:func:`parse` for ``asyncio`` code: runs in a worker thread so the event loop stays free.

    >>> import asyncio, articlekit
    >>> asyncio.run(articlekit.parse_async("Hello\\n\\nWorld.")).paragraphs
    ('World.',)
    """
    return await asyncio.to_thread(
        parse, source, url=url, parser=parser, charset=charset, enrich=enrich, registry=registry, limits=limits
    )
