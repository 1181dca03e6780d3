"""Writing the body: paragraphs and link offsets built together, related links and notices split off.

Block elements become paragraphs (headings, list items, block quotes, table rows as
``cell | cell``, figure captions); ``<a href>`` inside become ``inline`` links whose offsets are
recorded while the text is built, so ``article.text[span] == link.text`` holds. White space is
collapsed and control characters are dropped as the text is written.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import lxml.html

from ...models import Link, LinkKind, Span, paragraph_starts
from .. import boilerplate as bp
from .nodes import _BLOCKS, _HEADINGS, _NOT_XML, _is_data_table, _text, _within, resolve_url
from .passes import _PassState


@attrs.frozen
class Body:
    """The body of a page: paragraphs and the links found in and around them."""

    paragraphs: tuple[str, ...] = ()
    #: ``inline`` links (with spans into the joined paragraphs), ``related`` and ``source`` links.
    links: tuple[Link, ...] = ()
    disclaimer: str | None = None
    #: Which pass produced the body (0 = strict).
    pass_index: int = 0


@attrs.define
class _Paragraph:
    text: str
    tag: str
    #: (url, start, end) relative to :attr:`text`.
    links: list[tuple[str, int, int]]


#: Elements the writer handles whole (a table row only outside an inline context).
_LEAVES = frozenset(["br", "img", "hr"])


class _Writer:
    """Builds paragraphs and link offsets together, collapsing white space as it goes."""

    def __init__(self, base: str | None) -> None:
        self.base = base
        self.paragraphs: list[_Paragraph] = []
        self.parts: list[str] = []
        self.length = 0
        self.pending_space = False
        self.links: list[tuple[str, int, int]] = []
        self.block_tag = "p"
        #: The last thing written was a ``<br>`` (with only white space since).
        self.after_br = False
        #: Whether each table met holds data (asked once per table, not once per row).
        self.data_tables: dict[lxml.html.HtmlElement, bool] = {}

    def add(self, raw: str | None) -> None:
        if not raw:
            return
        if raw[0].isspace():
            self.pending_space = self.length > 0
            if raw.isspace():
                return  # indentation between tags, mostly
        text = " ".join(raw.split())
        if not text.isprintable():  # rare: format characters, or control characters (dropped)
            text = " ".join(text.translate(_NOT_XML).split())
            if not text:
                return
        trailing = raw[-1].isspace()
        if self.pending_space:
            self.parts.append(" ")
            self.length += 1
        self.parts.append(text)
        self.length += len(text)
        self.pending_space = trailing

    def space(self) -> None:
        if self.length:
            self.pending_space = True

    def literal(self, text: str) -> None:
        self.pending_space = False
        self.parts.append(text)
        self.length += len(text)

    def flush(self) -> None:
        if not self.parts:
            return  # nothing written since the last flush (and so no space or link pending)
        text = "".join(self.parts).rstrip()
        if text.strip(" |"):
            links = [(u, s, e) for u, s, e in self.links if e <= len(text)]
            self.paragraphs.append(_Paragraph(text, self.block_tag, links))
        self.parts = []
        self.length = 0
        self.pending_space = False
        self.links = []

    def write(self, el: lxml.html.HtmlElement, *, inline: bool = False) -> None:
        tag = el.tag
        if not isinstance(tag, str) or tag in _LEAVES or (tag == "tr" and not inline):
            self._leaf(el, tag, inline=inline)
            return
        self.after_br = False
        block = not inline and tag in _BLOCKS
        if block:
            if self.parts:
                self.flush()
            if tag in _HEADINGS or tag in ("li", "blockquote", "pre", "figcaption", "dt", "dd", "caption"):
                self.block_tag = tag
            elif tag == "p" and self.block_tag not in ("blockquote", "li"):
                self.block_tag = "p"
        if tag == "a":
            self._anchor(el, inline=inline)
        else:
            text = el.text
            if text:
                self.add(text)
            write = self.write
            for child in el:
                write(child, inline=inline)
        tail = el.tail
        if block:
            if self.parts:
                self.flush()
            self.block_tag = "p"
            if tail and not tail.isspace():  # text after a block is a paragraph of its own
                self.add(tail)
                self.flush()
        elif tail:
            self.add(tail)

    def _leaf(self, el: lxml.html.HtmlElement, tag: object, *, inline: bool) -> None:
        """A line break, an image or rule, a table row (or a node that is not an element)."""
        tail = el.tail
        if tag == "br":
            # Two line breaks in a row end a paragraph (how many pages write paragraphs).
            if self.after_br and self.length:
                self.flush()
            else:
                self.space()
            self.add(tail)
            self.after_br = not (tail or "").strip()
            return
        if not isinstance(tag, str):
            self.add(tail)
            return
        self.after_br = False
        if tag == "hr" and not inline:
            self.flush()
        elif tag == "tr":
            self._row(el)
        self.add(tail)

    def _anchor(self, el: lxml.html.HtmlElement, *, inline: bool) -> None:
        start = self.length
        parts, first = self.parts, len(self.parts)
        self.add(el.text)
        for child in el:
            self.write(child, inline=inline)
        href = el.get("href")
        if href is None:
            return
        url = resolve_url(href, self.base)
        end = self.length
        if url is None or end <= start:
            return
        # The parts written since ``start`` (unless a block inside the link began a paragraph).
        text = "".join(parts[first:]) if self.parts is parts else "".join(self.parts)[start:end]
        stripped = text.lstrip()
        if stripped:
            self.links.append((url, end - len(stripped), end))

    def _is_data_table(self, table: lxml.html.HtmlElement) -> bool:
        known = self.data_tables.get(table)
        if known is None:
            known = self.data_tables[table] = _is_data_table(table)
        return known

    def _row(self, row: lxml.html.HtmlElement) -> None:
        self.flush()
        table = row.getparent()
        while table is not None and table.tag != "table":
            table = table.getparent()
        if table is not None and not self._is_data_table(table):
            # A layout table: its cells are containers, not data; each ends its own block, so
            # the words of neighbouring cells never run together.
            for cell in row:
                self.write(cell)
                self.flush()
            return
        first = True
        for cell in row:
            if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                continue
            if not _text(cell):
                continue
            if not first:
                self.literal(" | ")
            first = False
            self.add(cell.text)
            for child in cell:
                self.write(child, inline=True)
        self.block_tag = "tr"
        self.flush()
        self.block_tag = "p"


def _related_links(containers: Iterable[lxml.html.HtmlElement], base: str | None) -> list[Link]:
    links: list[Link] = []
    for container in containers:
        for a in container.iter("a"):
            href = a.get("href")
            text = _text(a)
            url = resolve_url(href, base) if href else None
            if url and text and len(text.split()) >= 2:
                links.append(Link(url=url, text=text, kind=LinkKind.RELATED))
    return links


def _serialise(content: list[lxml.html.HtmlElement], scorer: _PassState, base: str | None, index: int) -> Body:
    writer = _Writer(base)
    for node in content:
        writer.write(node)
        writer.flush()
    related = _related_links([el for el, parent in scorer.related if _within(parent, content)], base)
    disclaimers: list[str] = []
    sources: list[Link] = []
    for el, parent in scorer.disclaimers:
        if not _within(parent, content):
            continue
        marked = _text(el)
        disclaimers.append(marked)
        if bp.SOURCE_TEXT.search(marked):
            for a in el.iter("a"):
                url = resolve_url(a.get("href") or "", base)
                if url:
                    sources.append(Link(url=url, text=_text(a), kind=LinkKind.SOURCE))
                    break
    paragraphs = writer.paragraphs
    kept = [p for p in paragraphs if not _is_credit(p)]
    if len(kept) < len(paragraphs):
        scorer.credit_chars += sum(len(p.text) for p in paragraphs) - sum(len(p.text) for p in kept)
        paragraphs = kept
    paragraphs, more_related = _split_related(paragraphs)
    related.extend(more_related)
    paragraphs, leading = _split_leading_notices(paragraphs)
    disclaimers.extend(leading)
    paragraphs = _without_author_box(_without_trailing_prompts(paragraphs))
    paragraphs, notice, source = _split_disclaimer(paragraphs)
    if notice:
        disclaimers.append(notice)
    source = sources + source
    texts = tuple(p.text for p in paragraphs)
    links: list[Link] = []
    for number, (paragraph, start) in enumerate(zip(paragraphs, paragraph_starts(texts), strict=True)):
        for url, begin, end in paragraph.links:
            links.append(
                Link(
                    url=url,
                    text=paragraph.text[begin:end],
                    kind=LinkKind.INLINE,
                    span=Span(start + begin, start + end),
                    paragraph=number,
                )
            )
    links.extend(related)
    links.extend(source)
    disclaimer = "\n\n".join(d for d in disclaimers if d) or None
    return Body(paragraphs=texts, links=tuple(links), disclaimer=disclaimer, pass_index=index)


def _link_share(paragraph: _Paragraph) -> float:
    if not paragraph.text:
        return 0.0
    return sum(e - s for _, s, e in paragraph.links) / len(paragraph.text)


#: A credit line is short: a caption that opens with "Photo:" and goes on is a caption.
_CREDIT_LENGTH = 80
#: A caption that ends with its photo's credit is at most this long.
_CAPTION_LENGTH = 200
#: A credit holds one of these (a cheap test before the patterns).
_CREDIT_MARKS = frozenset(":©/|(")


def _is_credit(paragraph: _Paragraph) -> bool:
    """Whether a paragraph is only a photo credit (:data:`~articlekit.extract.boilerplate.CREDIT_TEXT`),
    or a short caption ending with one (:data:`~articlekit.extract.boilerplate.CAPTION_CREDIT`)."""
    text = paragraph.text
    if paragraph.tag == "tr" or len(text) > _CAPTION_LENGTH:
        return False
    credit = (len(text) <= _CREDIT_LENGTH and bp.CREDIT_TEXT.match(text)) or (
        not _CREDIT_MARKS.isdisjoint(text) and bp.CAPTION_CREDIT.search(text)
    )
    # "© 2024 Publisher" is the page's notice, kept as one.
    return bool(credit) and not bp.DISCLAIMER_TEXT.search(text)


def _split_related(paragraphs: list[_Paragraph]) -> tuple[list[_Paragraph], list[Link]]:
    """Take "Read also:" lines and link lists under a "Related" heading out of the body."""
    kept: list[_Paragraph] = []
    related: list[Link] = []
    in_list = False
    for paragraph in paragraphs:
        text = paragraph.text
        if paragraph.tag in _HEADINGS or (len(text) < 60 and not paragraph.links):
            if bp.RELATED_HEADINGS.match(text):
                in_list = True
                continue
            in_list = False
        elif in_list and paragraph.links and _link_share(paragraph) > 0.5:
            related.extend(_as_related(paragraph))
            continue
        else:
            in_list = False
        match = bp.READ_MORE_TEXT.match(text)
        if match and paragraph.links and len(text) < 300:
            rest = len(text) - match.end()
            if rest <= 0 or sum(e - s for _, s, e in paragraph.links) / max(rest, 1) > 0.6:
                related.extend(_as_related(paragraph))
                continue
        kept.append(paragraph)
    return kept, related


def _as_related(paragraph: _Paragraph) -> list[Link]:
    return [Link(url=url, text=paragraph.text[s:e], kind=LinkKind.RELATED) for url, s, e in paragraph.links]


#: A line after the article is a prompt only when it is short, and says so in its first words.
_PROMPT_LENGTH = 200
_PROMPT_OPENING = 40


def _without_trailing_prompts(paragraphs: list[_Paragraph]) -> list[_Paragraph]:
    """The body without the prompts it ends with (:data:`~articlekit.extract.boilerplate.PROMPT_TEXT`:
    "share this", "follow us", "no comments", "Tags: ..."), the first paragraph always kept."""
    end = len(paragraphs)
    while end > 1:
        text = paragraphs[end - 1].text
        found = bp.PROMPT_TEXT.search(text) if len(text) < _PROMPT_LENGTH else None
        # A prompt says so at once; words of the vocabulary deep in a sentence are the author's.
        if found is None or found.start() > _PROMPT_OPENING:
            break
        end -= 1
    return paragraphs[:end]


#: How far from the end an "About the author" heading may stand.
_AUTHOR_BOX_LINES = 4


def _without_author_box(paragraphs: list[_Paragraph]) -> list[_Paragraph]:
    """The body without the author's box it ends with: an "About the author" heading (or label,
    :data:`~articlekit.extract.boilerplate.AUTHOR_HEADINGS`) among the last lines, and what follows."""
    for index in range(len(paragraphs) - 1, max(0, len(paragraphs) - 1 - _AUTHOR_BOX_LINES), -1):
        text = paragraphs[index].text
        if len(text) < 60 and bp.AUTHOR_HEADINGS.match(text):
            return paragraphs[:index]
    return paragraphs


#: How many of the body's first lines may be notices or prompts.
_LEADING_LINES = 2


def _split_leading_notices(paragraphs: list[_Paragraph]) -> tuple[list[_Paragraph], list[str]]:
    """The body without the short lines it opens with that are an advertising disclosure
    (:data:`~articlekit.extract.boilerplate.DISCLOSURE_TEXT`, returned as notices) or a prompt
    ("back to the newsroom", dropped); the last paragraph always kept."""
    notices: list[str] = []
    start = 0
    while start < min(_LEADING_LINES, len(paragraphs) - 1):
        text = paragraphs[start].text
        if len(text) >= _PROMPT_LENGTH:
            break
        if bp.DISCLOSURE_TEXT.search(text):
            notices.append(text)
        else:
            found = bp.PROMPT_TEXT.search(text)
            if found is None or found.start() > 0:
                break
        start += 1
    return paragraphs[start:], notices


def _split_disclaimer(paragraphs: list[_Paragraph]) -> tuple[list[_Paragraph], str | None, list[Link]]:
    """Cut trailing disclaimers and republication notices off the body."""
    cut = len(paragraphs)
    index = len(paragraphs) - 1
    limit = max(0, len(paragraphs) - 4)
    while index >= limit and index > 0:
        paragraph = paragraphs[index]
        if len(paragraph.text) < 600 and bp.DISCLAIMER_TEXT.search(paragraph.text):
            cut = index
        elif cut == len(paragraphs) and len(paragraph.text) < 100:
            pass  # a short trailing line (a sign-off, a tag list) may follow the notice
        else:
            break
        index -= 1
    if cut == len(paragraphs):
        return paragraphs, None, []
    notice = paragraphs[cut:]
    sources: list[Link] = []
    for paragraph in notice:
        if bp.SOURCE_TEXT.search(paragraph.text):
            sources.extend(
                Link(url=url, text=paragraph.text[s:e], kind=LinkKind.SOURCE) for url, s, e in paragraph.links[:1]
            )
    return paragraphs[:cut], "\n\n".join(p.text for p in notice), sources
