"""Scoring: paragraphs score their ancestors; the best container, and the siblings that join it.

Readability's method: every paragraph-like element adds to five ancestors (commas, length);
tag and class names set a container's initial score; link density corrects it. The best
candidate climbs to an ancestor when the article is split in sections or written as a run of
like blocks (same tag and class), and siblings that score well or read like prose join it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import lxml.html

from .. import boilerplate as bp
from .names import _class_weight
from .nodes import _ancestors, _comma_count, _has_block_child, _link_density, _text
from .passes import _PassState

#: What an element's score is divided by for its parent, grandparent and the three above.
_DIVIDERS = (1, 2, 6, 9, 12)
#: How many other strong candidates (75% of the best) must share an ancestor for it to win.
_MIN_ALTERNATIVES = 2
#: A block of prose outside the chosen content replaces it when the content holds less than
#: :data:`_MIN_PROSE` characters of prose and the block at least that, and this many times more.
_OUTWEIGHS = 2
_MIN_PROSE = 500
#: Candidates of the top candidate's tag and class scoring this share of it are its kin, and
#: their common ancestor this many levels up at most is the article (see ``_with_its_kin``).
_KIN_SHARE = 0.5
_KIN_DEPTH = 4
#: Site furniture says several of these things in little text.
_FURNITURE_MARKS = 3
_FURNITURE_LENGTH = 3000
_SENTENCE_END = re.compile(r"\.( |$)")
_TAG_WEIGHT = {
    "div": 5,
    "pre": -3 + 6,
    "td": 3,
    "blockquote": 3,
    "address": -3,
    "ol": -3,
    "ul": -3,
    "dl": -3,
    "dd": -3,
    "dt": -3,
    "li": -3,
    "form": -3,
    "h1": -5,
    "h2": -5,
    "h3": -5,
    "h4": -5,
    "h5": -5,
    "h6": -5,
    "th": -5,
}


class _Scoring(_PassState):
    """The second stage of a pass: score the candidates, choose the content."""

    def _initial(self, el: lxml.html.HtmlElement) -> float:
        score = float(_TAG_WEIGHT.get(el.tag, 0))
        if self.options.weight_classes:
            weight = _class_weight(el)
            if weight:
                self.relied_on.add("weight_classes")
                score += weight
        return score

    def _score(self, scoreable: Iterable[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
        """Each scoring element adds to its parent, grandparent and three more ancestors (with
        :data:`_DIVIDERS`); the ancestors so touched are the candidates, in first-touch order."""
        scores = self.scores
        prose = self.prose
        body = self.body
        candidates: list[lxml.html.HtmlElement] = []
        for el in scoreable:
            parent = el.getparent()
            if parent is None:
                continue
            text = el.text_content()
            length = len(text.strip())
            if length < 25:
                continue
            score = 1.0 + _comma_count(text) + min(length // 100, 3)
            prose[parent] = prose.get(parent, 0) + length
            ancestor: lxml.html.HtmlElement | None = parent
            for divider in _DIVIDERS:
                if ancestor is None or not isinstance(ancestor.tag, str):
                    break
                value = scores.get(ancestor)
                if value is None:
                    value = self._initial(ancestor)
                    candidates.append(ancestor)
                scores[ancestor] = value + score / divider
                if ancestor is body:
                    break
                ancestor = ancestor.getparent()
        return candidates

    def final(self, el: lxml.html.HtmlElement) -> float | None:
        """The candidate's score corrected for link density (computed on first use), or ``None``."""
        value = self.finals.get(el)
        if value is None:
            raw = self.scores.get(el)
            if raw is None:
                return None
            value = self.finals[el] = raw * (1 - _link_density(el, hash_links=self.hash_links))
        return value

    def _surely_below(self, el: lxml.html.HtmlElement, threshold: float) -> bool:
        """Whether ``el``'s final score is below ``threshold`` by its raw score alone: link density
        only ever lowers a score that is not negative, so it need not be measured."""
        raw = self.scores.get(el)
        return raw is not None and 0 <= raw < threshold

    def _ranked(self, candidates: list[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
        """Candidates by final score, best first: only those that can reach 75% of the best.

        The final score never exceeds a positive raw score, so candidates are visited by raw score
        and the walk stops once no raw score can reach 75% of the best final score found.
        """
        by_raw = sorted(candidates, key=lambda e: self.scores[e], reverse=True)
        best = float("-inf")
        seen: list[lxml.html.HtmlElement] = []
        for el in by_raw:
            raw = self.scores[el]
            if raw > 0 and best > 0 and raw < 0.75 * best:
                break
            value = self.final(el)
            assert value is not None
            best = max(best, value)
            seen.append(el)
        return sorted(seen, key=lambda e: self.finals[e], reverse=True)

    def _top_candidate(self, candidates: list[lxml.html.HtmlElement]) -> lxml.html.HtmlElement:
        if not candidates:
            return self.body
        ranked = self._ranked(candidates)
        top = ranked[0]
        if top is self.body:
            return top
        best = self.finals[top]
        scores = self.finals
        # Several strong candidates under one ancestor: the ancestor is the article.
        alternatives = [set(_ancestors(e)) for e in ranked[1:5] if scores[e] / max(best, 1e-9) >= 0.75]
        if len(alternatives) >= _MIN_ALTERNATIVES:
            parent = top.getparent()
            while parent is not None and parent is not self.body:
                if sum(parent in a for a in alternatives) >= _MIN_ALTERNATIVES:
                    top = parent
                    break
                parent = parent.getparent()
        top = self._with_its_kin(top, candidates, best)
        # Climb while the parent scores about as well (the article is split in sections).
        parent = top.getparent()
        last = self.final(top) or 0.0
        threshold = last / 3
        while parent is not None and parent is not self.body:
            if self._surely_below(parent, threshold):
                break
            parent_score = self.final(parent)
            if parent_score is None:
                parent = parent.getparent()
                continue
            if parent_score < threshold:
                break
            if parent_score > last:
                # ... unless the parent is mostly other things (a player, a feed) beside the article.
                parent_length = len(parent.text_content())
                if (
                    parent_length <= 4 * len(top.text_content())
                    or sum(len(p.text_content()) for p in parent.iter("p")) >= 0.5 * parent_length
                ):
                    top = parent
                break
            last = parent_score
            parent = parent.getparent()
        # A lone child says nothing its parent would not.
        parent = top.getparent()
        while parent is not None and parent is not self.body and len(parent) == 1:
            top = parent
            parent = top.getparent()
        if top not in self.scores:
            self.scores[top] = self._initial(top)
        return top

    def _with_its_kin(
        self, top: lxml.html.HtmlElement, candidates: list[lxml.html.HtmlElement], best: float
    ) -> lxml.html.HtmlElement:
        """The nearest ancestor (within :data:`_KIN_DEPTH` levels) that holds ``top`` and at least
        :data:`_MIN_ALTERNATIVES` other strong candidates of its tag and class, or ``top``: an
        article that a CMS writes as a run of like blocks, each in a wrapper of its own
        (``<div class="paragraph"><div class="paragraph-text">``), is the run, not its best block.
        """
        top_class = top.get("class")
        if not top_class:
            return top
        kin: list[set[lxml.html.HtmlElement]] = []
        for el in candidates:
            if el is top or el.tag != top.tag or el.get("class") != top_class:
                continue
            if self._surely_below(el, _KIN_SHARE * best) or (self.final(el) or 0.0) < _KIN_SHARE * best:
                continue
            kin.append(set(_ancestors(el)[:_KIN_DEPTH]))
        if len(kin) < _MIN_ALTERNATIVES:
            return top
        parent = top.getparent()
        for _ in range(_KIN_DEPTH):
            if parent is None or parent is self.body:
                break
            if sum(parent in ancestors for ancestors in kin) >= _MIN_ALTERNATIVES:
                return parent
            parent = parent.getparent()
        return top

    def _with_siblings(self, top: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
        parent = top.getparent()
        if parent is None or top is self.body:
            return [top]
        top_score = self.final(top) or 0.0
        threshold = max(10.0, top_score * 0.2)
        top_class = top.get("class")
        content: list[lxml.html.HtmlElement] = []
        for sibling in parent:
            if not isinstance(sibling.tag, str):
                continue
            if sibling is top:
                content.append(sibling)
                continue
            bonus = top_score * 0.2 if top_class and sibling.get("class") == top_class else 0.0
            score = None if self._surely_below(sibling, threshold - bonus) else self.final(sibling)
            if score is not None and score + bonus >= threshold:
                content.append(sibling)
            elif sibling.tag == "p" or (sibling.tag == "div" and not _has_block_child(sibling)):
                text = _text(sibling)
                density = _link_density(sibling, len(text), hash_links=self.hash_links)
                if (len(text) > 80 and density < 0.25) or (
                    0 < len(text) <= 80 and density == 0 and _SENTENCE_END.search(text)
                ):
                    content.append(sibling)
        return content

    def _prose_elsewhere(self, content: list[lxml.html.HtmlElement]) -> lxml.html.HtmlElement | None:
        """A block of prose outside ``content`` that outweighs it, when ``content`` holds little
        prose itself (see :data:`_OUTWEIGHS`) or reads like a site's footer (:func:`_reads_like_furniture`):
        the choice was site furniture (a disclosure, an imprint, a rating widget) that class names
        or commas favoured, and the block is the article. ``None`` when the choice holds."""
        prose = self.prose
        if not prose:
            return None
        # Sets, so that the walk stays linear however many blocks and siblings there are.
        chosen = set(content)
        above = {ancestor for node in content for ancestor in node.iterancestors()}
        inside = 0
        best: lxml.html.HtmlElement | None = None
        best_length = 0
        for el, length in prose.items():
            if el in chosen or not chosen.isdisjoint(el.iterancestors()):
                inside += length
            elif length > best_length and el not in above:
                best, best_length = el, length
        if best is None or best_length < _MIN_PROSE:
            return None
        little = inside < _MIN_PROSE and best_length > _OUTWEIGHS * inside
        if not little and not (best_length > inside and _reads_like_furniture(content)):
            return None
        if _link_density(best, hash_links=self.hash_links) > 0.3:
            return None
        return best


def _reads_like_furniture(content: list[lxml.html.HtmlElement]) -> bool:
    """Whether ``content`` is short and says what a site's footer says (at least
    :data:`_FURNITURE_MARKS` distinct :data:`~articlekit.extract.boilerplate.FURNITURE_TEXT` marks:
    a copyright, a registration number, a phone number...)."""
    length = 0
    texts: list[str] = []
    for node in content:
        text = node.text_content()
        length += len(text)
        if length > _FURNITURE_LENGTH:
            return False  # an article that ends with the imprint is still an article
        texts.append(text)
    marks = {found.group(0).lower() for found in bp.FURNITURE_TEXT.finditer(" ".join(texts))}
    return len(marks) >= _FURNITURE_MARKS
