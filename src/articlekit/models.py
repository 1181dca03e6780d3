"""The typed data articlekit returns: :class:`Article`, :class:`Quote`, :class:`Link`.

All models are frozen, slotted ``attrs`` classes. Collections are tuples, so an article can be
hashed, compared and shared between threads. Offsets (:class:`Span`) count Python ``str``
characters (Unicode code points) in :attr:`Article.text`.

Use :func:`attrs.evolve` to derive a changed copy::

    >>> from articlekit import Article
    >>> a = Article(title="Hello", paragraphs=("One.", "Two."))
    >>> a.text
    'One.\\n\\nTwo.'
    >>> import attrs
    >>> attrs.evolve(a, title="Bye").title
    'Bye'
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable
from typing import Any

import attrs

__all__ = [
    "Article",
    "DateValue",
    "Link",
    "LinkKind",
    "ParserInfo",
    "Quote",
    "Span",
    "join_paragraphs",
    "paragraph_starts",
]

#: A publication date: a timezone-aware :class:`~datetime.datetime` when the time is known,
#: a :class:`~datetime.date` when only the day is.
DateValue = _dt.datetime | _dt.date

PARAGRAPH_SEPARATOR = "\n\n"


def join_paragraphs(paragraphs: tuple[str, ...]) -> str:
    """The body as one string: the paragraphs separated by a blank line."""
    return PARAGRAPH_SEPARATOR.join(paragraphs)


def paragraph_starts(paragraphs: tuple[str, ...] | list[str]) -> list[int]:
    """Offset in :attr:`Article.text` at which each paragraph starts."""
    starts: list[int] = []
    offset = 0
    for paragraph in paragraphs:
        starts.append(offset)
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    return starts


def _str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _quote_tuple(value: Iterable[Quote]) -> tuple[Quote, ...]:
    return tuple(value)


def _link_tuple(value: Iterable[Link]) -> tuple[Link, ...]:
    return tuple(value)


def _check_date(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(
                f"{attribute.name} must be timezone-aware when it has a time; "
                "use a datetime.date when only the day is known"
            )
        return
    if not isinstance(value, _dt.date):
        raise TypeError(f"{attribute.name} must be a datetime, a date or None, not {type(value).__name__}")


def _check_absolute_url(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        return
    scheme, sep, rest = value.partition(":")
    if not sep or not scheme or not rest or not scheme[0].isalpha():
        raise ValueError(f"{attribute.name} must be an absolute URL, got {value!r}")
    if scheme.lower() in {"javascript", "data", "vbscript"}:
        raise ValueError(f"{attribute.name} may not be a {scheme}: URL")


def _strings(_inst: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    for item in value:
        if not isinstance(item, str):
            raise TypeError(f"{attribute.name} must hold strings, got {type(item).__name__}")


@attrs.frozen(order=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets into :attr:`Article.text`."""

    start: int = attrs.field(validator=attrs.validators.ge(0))
    """Offset of the first character."""
    end: int = attrs.field()
    """Offset one past the last character."""

    @end.validator
    def _end_after_start(self, _attribute: attrs.Attribute[int], value: int) -> None:
        if value < self.start:
            raise ValueError(f"span end {value} is before its start {self.start}")

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, text: str) -> str:
        """The characters of ``text`` this span covers."""
        return text[self.start : self.end]


class LinkKind(enum.StrEnum):
    """What a :class:`Link` is to the article."""

    INLINE = "inline"
    """A link inside the body text."""
    RELATED = "related"
    """A related or recommended article (``Read also:``, "More on this story")."""
    SOURCE = "source"
    """Where the article was first published ("originally published at ...")."""
    CANONICAL = "canonical"
    """The canonical URL of this article."""
    IMAGE = "image"
    """The lead image."""


@attrs.frozen
class Link:
    """A link found in or about the article."""

    url: str | None = attrs.field(validator=_check_absolute_url)
    """Absolute URL, or ``None`` where the source gives only a title (e.g. a ``Read also:`` line)."""
    text: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    """Anchor text or title of the linked page."""
    kind: LinkKind = attrs.field(default=LinkKind.INLINE, converter=LinkKind)
    """What the link is: see :class:`LinkKind`."""
    span: Span | None = None
    """Where the anchor text sits in :attr:`Article.text` (``article.text[start:end] == text``)."""
    paragraph: int | None = attrs.field(default=None)
    """Index into :attr:`Article.paragraphs` of the paragraph holding the link, if in the body."""

    @paragraph.validator
    def _paragraph_with_span(self, _attribute: attrs.Attribute[int | None], value: int | None) -> None:
        if value is not None and value < 0:
            raise ValueError("paragraph index must be >= 0")
        if (value is None) != (self.span is None):
            raise ValueError("a link has both span and paragraph, or neither")


@attrs.frozen
class Quote:
    """A direct quotation in the body and who said it."""

    text: str = attrs.field(validator=attrs.validators.min_len(1))
    """The quoted words, without the outer quote marks: exactly ``article.text[span.start:span.end]``.

    A quote running over several paragraphs keeps the paragraph breaks and the marks that
    reopen each paragraph, so that it stays an exact slice of the body."""
    span: Span = attrs.field()
    """Where :attr:`text` sits in :attr:`Article.text` (``article.text[start:end] == text``)."""
    paragraph: int = attrs.field(validator=attrs.validators.ge(0))
    """Index into :attr:`Article.paragraphs` of the paragraph where the quote starts."""
    speaker: str | None = None
    """Who said it, as the fullest name the article gives; ``None`` when unknown."""
    cue: str | None = None
    """The reporting verb or phrase (``said``, ``told reporters``, ``according to``)."""

    @span.validator
    def _span_fits_text(self, _attribute: attrs.Attribute[Span], value: Span) -> None:
        if len(value) != len(self.text):
            raise ValueError(f"quote span covers {len(value)} characters, its text has {len(self.text)}")


@attrs.frozen
class ParserInfo:
    """Which parser produced an article."""

    name: str
    """Registered parser name, e.g. ``"text"``, ``"html"`` or a plugin's name."""
    version: str = ""
    """Version of the package that provides the parser."""


def _check_body_offsets(article: Article) -> None:
    size = len(article.text)
    count = len(article.paragraphs)
    for quote in article.quotes:
        if quote.paragraph >= count or quote.span.slice(article.text) != quote.text:
            raise ValueError(f"quote {quote.text[:30]!r} does not match the body at {quote.span}")
    for link in article.links:
        if link.span is None:
            continue
        if (link.paragraph or 0) >= count or link.span.end > size or link.span.slice(article.text) != link.text:
            raise ValueError(f"link text {link.text[:30]!r} does not match the body at {link.span}")


@attrs.frozen
class Article:
    """A parsed news article.

    Only :attr:`paragraphs` define the body; :attr:`text` is derived from them.
    """

    title: str | None = None
    """Headline, without the site-name suffix."""
    authors: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple, validator=_strings)
    """Author names, cleaned (no "By", no roles, no dates), in byline order."""
    published: DateValue | None = attrs.field(default=None, validator=_check_date)
    """Original publication time (aware datetime) or day (date)."""
    modified: DateValue | None = attrs.field(default=None, validator=_check_date)
    """Last modification time or day, when the source gives one."""
    url: str | None = attrs.field(default=None, validator=_check_absolute_url)
    """The article's URL: canonical when known, else the URL it was fetched from."""
    site_name: str | None = None
    """Publisher or site name."""
    language: str | None = None
    """Language tag, e.g. ``"en"`` or ``"pt-BR"``."""
    description: str | None = None
    """Summary or standfirst given by the publisher."""
    section: str | None = None
    """Section or category, e.g. ``"Politics"``."""
    tags: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple, validator=_strings)
    """Keywords or tags given by the publisher."""
    image: str | None = attrs.field(default=None, validator=_check_absolute_url)
    """Lead image URL."""
    paragraphs: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple, validator=_strings)
    """The body, in reading order: paragraphs, headings, list items, block quotes."""
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=_quote_tuple)
    """Direct quotations in the body, in text order."""
    links: tuple[Link, ...] = attrs.field(default=(), converter=_link_tuple)
    """Inline, related, source and canonical links."""
    disclaimer: str | None = None
    """Footer text that is not part of the article (disclaimers, republication notices)."""
    parser: ParserInfo | None = None
    """The parser that produced this article."""
    warnings: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple, validator=_strings)
    """What went wrong on the way, e.g. a plugin that failed and was skipped."""
    text: str = attrs.field(
        init=False,
        default=attrs.Factory(lambda self: join_paragraphs(self.paragraphs), takes_self=True),
    )
    """The body as one string: :attr:`paragraphs` joined by a blank line (derived)."""

    def __attrs_post_init__(self) -> None:
        _check_body_offsets(self)

    def with_warning(self, message: str) -> Article:
        """A copy of this article with ``message`` appended to :attr:`warnings`."""
        return attrs.evolve(self, warnings=[*self.warnings, message])

    def links_of(self, kind: LinkKind | str) -> tuple[Link, ...]:
        """The links of one kind, e.g. ``article.links_of("related")``."""
        wanted = LinkKind(kind)
        return tuple(link for link in self.links if link.kind is wanted)
