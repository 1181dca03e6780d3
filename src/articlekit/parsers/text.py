"""The generic plain-text parser, and the base class of plain-text publisher parsers.

Reads the layout articles have when republished as text::

    Title line

    by Jane Doe            (or "By Jane Doe and John Roe", "Jane Doe, Reuters")
    Oct 4, 2022            (or "4 October 2022", "2022-10-04 10:31 EDT", ...)

    First paragraph ...

Paragraphs are separated by blank lines; lines inside a paragraph are joined. Bare URLs
become ``inline`` links. Subclasses change what differs by setting :attr:`TextParser.related_markers`
and :attr:`TextParser.disclaimer_patterns`, or by overriding one of the small methods.
"""

from __future__ import annotations

import re
from typing import ClassVar

import attrs

from .._version import __version__
from ..document import Document
from ..extract.authors import parse_byline
from ..extract.dates import find_date, is_plausible
from ..extract.links import find_bare_urls
from ..models import Article, DateValue, Link, LinkKind, ParserInfo, Span, paragraph_starts
from .base import BaseParser

__all__ = ["Header", "TextParser", "normalise_space", "paragraph_starts"]

_BLANK_LINE = re.compile(r"\n[ \t\u00a0\u3000]*\n")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_DATELINE_LABEL = re.compile(
    r"^(?:published|posted|updated|last updated|first published|date|dated|on)\s*:?\s*", re.IGNORECASE
)
_MAX_TITLE = 250


@attrs.frozen
class Header:
    """What the lines before the body said."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: DateValue | None = None
    modified: DateValue | None = None
    #: How many lines of the text the header used.
    lines: int = 0


def normalise_space(text: str) -> str:
    """Collapse runs of spaces and tabs (and their Unicode kin) to one space; trim the ends."""
    return _SPACES.sub(" ", text).strip()


class TextParser(BaseParser):
    """Generic plain-text article parser (registered as ``text``)."""

    name: ClassVar[str] = "text"
    version: ClassVar[str] = __version__
    kinds = ("text",)
    generic = True

    #: Regular expressions for a line that introduces related articles (``Read also:``); the
    #: lines after it, up to the next blank line, are related-article titles.
    related_markers: ClassVar[tuple[str, ...]] = ()
    #: Regular expressions; the first block that matches one, and every block after it, is
    #: the footer (:attr:`Article.disclaimer <articlekit.Article.disclaimer>`), not body.
    disclaimer_patterns: ClassVar[tuple[str, ...]] = ()

    # -- the steps, each overridable ------------------------------------------------------

    def parse(self, document: Document) -> Article:
        lines = document.text.split("\n")
        header = self.read_header(lines)
        rest = "\n".join(lines[header.lines :])
        blocks = self.split_blocks(rest)
        blocks, disclaimer = self.split_disclaimer(blocks)
        blocks, related = self.split_related(blocks)
        paragraphs = [p for p in (self.join_lines(b) for b in blocks) if p]
        links = [*self.inline_links(paragraphs), *related]
        return Article(
            title=header.title,
            authors=header.authors,
            published=header.published,
            modified=header.modified,
            url=document.url,
            paragraphs=tuple(paragraphs),
            links=tuple(links),
            disclaimer=disclaimer,
            parser=ParserInfo(self.name, self.version),
        )

    def split_blocks(self, text: str) -> list[str]:
        """Split on blank lines; each block keeps its lines (joined later by :meth:`join_lines`)."""
        blocks = []
        for raw in _BLANK_LINE.split(text.strip("\n")):
            block = "\n".join(line.strip() for line in raw.split("\n") if line.strip())
            if block:
                blocks.append(block)
        return blocks

    def join_lines(self, block: str) -> str:
        """One paragraph from a block: its lines joined by a space, white space collapsed."""
        return normalise_space(block.replace("\n", " "))

    def read_header(self, lines: list[str]) -> Header:
        """Title, byline and dateline from the first lines; stops at the first body line."""
        index = 0
        while index < len(lines) and not lines[index].strip():
            index += 1
        title: str | None = None
        authors: tuple[str, ...] = ()
        published: DateValue | None = None
        modified: DateValue | None = None
        consumed = index
        # The first line is the title unless it is itself a byline or dateline, or reads like
        # body text (long, or ends a sentence and is followed directly by more text).
        if index < len(lines):
            first = normalise_space(lines[index])
            next_blank = index + 1 >= len(lines) or not lines[index + 1].strip()
            if (
                first
                and len(first) <= _MAX_TITLE
                and parse_byline(first) is None
                and self.dateline(first) is None
                and (next_blank or not first.endswith("."))
            ):
                title = first
                index += 1
                consumed = index
        scanned = 0
        while index < len(lines) and scanned < 6:
            line = normalise_space(lines[index])
            index += 1
            if not line:
                continue
            scanned += 1
            names = parse_byline(line) if not authors else None
            if names:
                authors = tuple(names)
                consumed = index
                continue
            when = self.dateline(line)
            if when is not None:
                if line.lower().startswith(("updated", "last updated")):
                    modified = modified or when
                else:
                    published = published or when
                consumed = index
                continue
            break
        if title is None and not authors and published is None:
            return Header()
        return Header(title=title, authors=authors, published=published, modified=modified, lines=consumed)

    def dateline(self, line: str) -> DateValue | None:
        """The date of a line that is a dateline (a date and little else), else ``None``."""
        if len(line) > 80:
            return None
        bare = _DATELINE_LABEL.sub("", line)
        value = find_date(bare)
        if value is None or not is_plausible(value):
            return None
        # Mostly date: few words that are not part of a date or a time.
        words = re.sub(r"[\d:,./|-]+", " ", bare).split()
        return value if len(words) <= 7 else None

    def split_disclaimer(self, blocks: list[str]) -> tuple[list[str], str | None]:
        """Cut the footer off: ``(body blocks, disclaimer or None)``."""
        if not self.disclaimer_patterns:
            return blocks, None
        patterns = [re.compile(p, re.IGNORECASE) for p in self.disclaimer_patterns]
        for i, block in enumerate(blocks):
            if any(p.search(self.join_lines(block)) for p in patterns):
                return blocks[:i], "\n\n".join(self.join_lines(b) for b in blocks[i:])
        return blocks, None

    def split_related(self, blocks: list[str]) -> tuple[list[str], list[Link]]:
        """Take related-article lines out of the blocks: ``(body blocks, related links)``.

        A line matching one of :attr:`related_markers` starts a run of titles: the rest of that
        line, if any, and each following line of the block, until a line that reads like body
        text (long, or a sentence of many words), which starts a body block again.
        """
        if not self.related_markers:
            return blocks, []
        patterns = [re.compile(p, re.IGNORECASE) for p in self.related_markers]
        body: list[str] = []
        related: list[Link] = []
        for block in blocks:
            kept: list[str] = []
            in_run = False
            for line in block.split("\n"):
                clean = normalise_space(line)
                match = next((m for p in patterns if (m := p.match(clean))), None)
                if match is not None:
                    in_run = True
                    clean = clean[match.end() :].strip()
                    if not clean:
                        continue
                elif in_run and self._reads_like_body(clean):
                    in_run = False
                if in_run:
                    related.extend(
                        Link(url=url, text=title, kind=LinkKind.RELATED) for title, url in self.related_titles(clean)
                    )
                else:
                    kept.append(line)
            if kept:
                body.append("\n".join(kept))
        return body, related

    @staticmethod
    def _reads_like_body(line: str) -> bool:
        return len(line) > 200 or (line.endswith((".", "”", '"')) and len(line.split()) > 20)

    def related_titles(self, line: str) -> list[tuple[str, str | None]]:
        """``(title, url or None)`` for one line of a related-articles run."""
        urls = list(find_bare_urls(line))
        if urls:
            url, start, end = urls[0]
            title = normalise_space(line[:start] + line[end:]).strip(" -–—|:")
            return [(title or url, url)]
        return [(line, None)]

    def inline_links(self, paragraphs: list[str]) -> list[Link]:
        """Bare URLs in the body, as ``inline`` links placed in :attr:`Article.text <articlekit.Article.text>`."""
        links: list[Link] = []
        for index, (paragraph, start) in enumerate(zip(paragraphs, paragraph_starts(paragraphs), strict=True)):
            for url, begin, end in find_bare_urls(paragraph):
                links.append(
                    Link(
                        url=url,
                        text=paragraph[begin:end],
                        kind=LinkKind.INLINE,
                        span=Span(start + begin, start + end),
                        paragraph=index,
                    )
                )
        return links
