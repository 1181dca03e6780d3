"""Main-content extraction from an HTML tree: paragraphs, inline links, related links, disclaimer.

The algorithm follows Readability's idea, re-implemented for :mod:`lxml`:

1. **Pre-clean** a copy of ``<body>``: scripts, styles, forms controls, hidden elements,
   navigation roles and the caller's ``drop`` selectors go; markup in a ``<script
   type="text/template">`` is read as markup, and a ``<nav>`` that swallowed the article is unwrapped.
2. **Strict pass**: containers named like boilerplate (``articlekit.extract.boilerplate``) are removed (their
   links are kept as ``related`` links when they are related-article lists inside the article);
   every paragraph-like element scores its ancestors (commas, length); class names weigh in;
   the best container, corrected for link density, is the top candidate; siblings that score
   well or read like prose join it. A **sanity check** then rejects a choice that holds little
   prose, or reads like a site's footer (copyright, registration numbers, address), when a
   larger block of prose stands elsewhere on the page, and takes that block instead. Weak
   tables, lists and divs inside the content are cleaned out.
3. **Relaxed passes**, when the strict pass keeps less than ``min_chars``: first without
   removing unlikely containers, then without class weights, then without conditional
   cleaning. A relaxed pass's result replaces the stricter one only with twice its text.
4. **Serialise**: block elements become paragraphs (headings, list items, block quotes, table
   rows as ``cell | cell``, figure captions); ``<a href>`` inside become ``inline`` links whose
   offsets are recorded while the text is built, so ``article.text[span] == link.text`` holds.
   White space is collapsed and control characters are dropped as the text is written.
   Ruby readings (``<rt>``) are not text. "Read also:" lines and lists under a "Related"
   heading become ``related`` links; photo credits (and short captions ending with one) are
   left out; the share, follow and subscribe prompts the body ends with, and an author's box under an
   "About the author" heading, are cut; advertising
   disclosures it opens with, trailing disclaimers and republication notices become
   ``Body.disclaimer``, and the link of an "originally published at" notice a ``source`` link.
   The text vocabularies (``articlekit.extract.boilerplate``) speak the languages of the
   development corpora: English, German, Spanish, French, Polish, Portuguese, Italian.

The package follows those stages: ``candidates`` (pre-cleaning, pruning, what scores),
``scoring`` (scores, the top candidate and its siblings), ``cleaning`` (the chosen
content cleaned), ``writing`` (paragraphs, links, notices); ``passes`` holds :class:`Pass`
and the state a pass's stages share, ``names`` the reading of class names, ``nodes`` the
tree measures they all use. This module runs the passes and keeps the best.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from typing import TypeVar

import attrs
import lxml.html

from . import passes as _passes
from .candidates import _Candidates, _preclean
from .cleaning import _Cleaning
from .nodes import editable_copy, resolve_url
from .passes import Pass
from .scoring import _Scoring
from .writing import Body, _serialise

__all__ = ["PASSES", "Body", "Pass", "editable_copy", "extract_body", "resolve_url"]

_T = TypeVar("_T")

#: A relaxed pass replaces the result of the passes before it only with this many times its
#: text: lifting a filter can bring back a toolbar or a teaser list a little longer than a short
#: article, and the stricter choice is the one to trust.
_RELAXED_OUTWEIGHS = 2

#: The strict pass, then each filter dropped in turn (Readability's order).
PASSES: tuple[Pass, ...] = _passes.PASSES


class _Scorer(_Candidates, _Scoring, _Cleaning):
    """One extraction pass over a fresh copy of the body: candidates, scoring, cleaning."""

    def run(self) -> list[lxml.html.HtmlElement]:
        scoreable = self._prune_and_collect()
        candidates = self._score(scoreable)
        top = self._top_candidate(candidates)
        content = self._with_siblings(top)
        elsewhere = self._prose_elsewhere(content)
        if elsewhere is not None:
            # The sanity check rejected the choice as furniture: the prose block found instead,
            # with its siblings, but never the rejected choice again.
            rejected = set(content)
            content = [node for node in self._with_siblings(self._top_candidate([elsewhere])) if node not in rejected]
        for node in content:
            self._prepare(node)
        return content


def _on_copy(source: lxml.html.HtmlElement, drop: Sequence[str], step: Callable[[lxml.html.HtmlElement], _T]) -> _T:
    """``step`` run on a pre-cleaned copy of ``source``: the page's own tree is never changed.

    When lxml refuses to write back a text the page holds (stray control characters: it raises
    ``ValueError``), ``step`` runs once more, on a copy scrubbed of them; pages without any pay
    nothing for the check.
    """
    work = copy.deepcopy(source)
    try:
        _preclean(work, drop)
        return step(work)
    except ValueError:
        work = editable_copy(source)
        _preclean(work, drop)
        return step(work)


def _run_pass(
    body: lxml.html.HtmlElement, options: Pass, title: str | None, drop: Sequence[str]
) -> tuple[list[lxml.html.HtmlElement], _Scorer]:
    def run(work: lxml.html.HtmlElement) -> tuple[list[lxml.html.HtmlElement], _Scorer]:
        scorer = _Scorer(work, options, title)
        return scorer.run(), scorer

    return _on_copy(body, drop, run)


def extract_body(
    root: lxml.html.HtmlElement,
    *,
    base_url: str | None = None,
    title: str | None = None,
    container: lxml.html.HtmlElement | None = None,
    drop: Sequence[str] = (),
    min_chars: int = 500,
    container_pass: Pass | None = None,
) -> Body:
    """The main content of ``root`` (a parsed page), as :class:`Body`.

    :param base_url: resolves relative links (the ``<base href>`` already applied to the page URL).
    :param title: the headline; a heading in the body that repeats it is left out.
    :param container: the element that holds the article, when the caller knows it (a publisher
        parser's selector); scoring is then skipped, but cleaning still runs, as ``container_pass``
        says (default: everything but the removal of unlikely-named containers).
    :param drop: CSS selectors (or XPath expressions starting with ``/`` or ``.//``) of elements to
        remove before anything else.
    :param min_chars: below this many characters the strict pass is not trusted and the filters are
        relaxed one at a time.
    """
    body = root.find("body") if root.tag != "body" else root
    if body is None:
        body = root
    if container is not None:

        def clean(work: lxml.html.HtmlElement) -> Body:
            scorer = _Scorer(work, container_pass or Pass(strip_unlikely=False), title)
            scorer._prepare(work)
            return _serialise([work], scorer, base_url, 0)

        return _on_copy(container, drop, clean)
    best: Body | None = None
    best_length = -1
    last: _Scorer | None = None
    for index, options in enumerate(PASSES):
        if last is not None and _repeats(last, options):
            continue  # its result would be the last pass's, already weighed
        content, scorer = _run_pass(body, options, title, drop)
        last = scorer
        result = _serialise(content, scorer, base_url, index)
        length = sum(len(p) for p in result.paragraphs) + scorer.credit_chars
        if best is None or length > _RELAXED_OUTWEIGHS * best_length:
            best, best_length = result, length
        if length >= min_chars:
            break
    assert best is not None
    return best


def _repeats(done: _Scorer, options: Pass) -> bool:
    """Whether a pass with ``options`` would repeat the pass ``done`` step by step: it only turns
    off filters that changed nothing there (so every decision, and the result, would be the same).
    """
    for field in attrs.fields(Pass):
        was, now = getattr(done.options, field.name), getattr(options, field.name)
        if now != was and (now or field.name in done.relied_on):
            return False
    return True
