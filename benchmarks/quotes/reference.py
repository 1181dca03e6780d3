"""The reference text of a corpus page: the one function used both to annotate and to evaluate.

Annotations (``annotations.json``) hold offsets into the string :func:`reference_text` returns,
so the page text itself stays in ``../shared/corpora`` and is rebuilt here at evaluation time.

* ``readability-pages/<name>``: the text of ``expected.html``, one paragraph per block element
  (``p``, headings, list items, ``blockquote``, ``div``…) or ``<br>``-separated line, white space
  collapsed, empty blocks dropped.
* ``wcxb-articles/<id>``: ``expected.txt``, one paragraph per non-empty line, white space collapsed.
* ``seed/<file>``: the body of the seed as :func:`articlekit.parse_file` gives it.

Paragraphs are joined with ``"\\n\\n"``, exactly as :attr:`articlekit.Article.text` is.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html

_BLOCK_NAMES = """address article aside blockquote body center dd details dialog div dl dt fieldset figcaption
figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th
thead tr ul"""
BLOCKS = frozenset(_BLOCK_NAMES.split())
SKIP = frozenset({"script", "style", "noscript", "template", "svg", "math"})
_SPACE = re.compile(r"\s+")


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def html_paragraphs(markup: str) -> list[str]:
    """Paragraphs of an HTML fragment: text split at block elements and ``<br>``."""
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = _clean("".join(current))
        if text:
            paragraphs.append(text)
        current.clear()

    def walk(element: lxml.html.HtmlElement) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in SKIP:
            if element.tail:
                current.append(element.tail)
            return
        block = tag in BLOCKS
        if block or tag == "br":
            flush()
        if element.text and isinstance(element.tag, str):
            current.append(element.text)
        for child in element:
            walk(child)
        if block:
            flush()
        if element.tail:
            current.append(element.tail)

    walk(root)
    flush()
    return paragraphs


def text_paragraphs(text: str) -> list[str]:
    """Paragraphs of a plain reference text: one per non-empty line."""
    return [p for p in (_clean(line) for line in text.split("\n")) if p]


def reference_text(corpora: Path, page: str) -> str:
    """The reference body of ``page`` (``"readability-pages/bbc-1"``, ``"wcxb-articles/0042"``,
    ``"seed/000_….txt"``) as one string, paragraphs joined by a blank line."""
    kind, _, name = page.partition("/")
    if kind == "readability-pages":
        markup = (corpora / page / "expected.html").read_text(encoding="utf-8")
        return "\n\n".join(html_paragraphs(markup))
    if kind == "wcxb-articles":
        return "\n\n".join(text_paragraphs((corpora / page / "expected.txt").read_text(encoding="utf-8")))
    if kind == "seed":
        import articlekit

        return articlekit.parse_file(corpora.parent / "seed" / name, enrich=False).text
    raise ValueError(f"unknown corpus page {page!r}")
