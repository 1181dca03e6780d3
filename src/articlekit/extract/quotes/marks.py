"""Pass 1: quote marks paired paragraph by paragraph, and the text with quote contents masked."""

from __future__ import annotations

import bisect

import attrs

from .names import _NameIndex
from .words import (
    _DOUBLE_CLOSE,
    _DOUBLE_OPEN,
    _LATER_CLOSER,
    _MARKS,
    _MASK,
    _NOT_NEWLINE,
    _OPEN_BEFORE,
    _cue_pattern,
    _verb_words,
)


@attrs.define
class _Raw:
    """One pair of quote marks: content ``[start, end)`` in the text, marks at ``opener``/``closer``."""

    start: int
    end: int
    paragraph: int
    opener: int
    closer: int | None  # None: the quote ran to the end of its paragraph unclosed
    last_paragraph: int
    speaker: str | None = None
    cue: str | None = None
    direct: bool = False  # attributed by a cue right beside the quote
    sibling: bool = False  # a second partial quote sharing the previous one's verb
    keep: bool = True


class _Marks:
    """The state of one extraction (text, paragraphs, quotes found) and pass 1 over it."""

    def __init__(self, text: str, verbs: tuple[str, ...], blocks: frozenset[int]) -> None:
        self.text = text
        self.cues = _cue_pattern(verbs)
        self.folded_cues = _cue_pattern(verbs, folded=True)
        self.verb_words = _verb_words(verbs)
        self.paragraphs = text.split("\n\n")
        self.starts: list[int] = []
        offset = 0
        for paragraph in self.paragraphs:
            self.starts.append(offset)
            offset += len(paragraph) + 2
        self.blocks = blocks
        self.spans: list[tuple[int, int]] = []
        self.raws: list[_Raw] = []
        self.masked = ""
        self._index: _NameIndex | None = None
        self._lowered: str | None = None
        #: (position, speaker) of every quote resolved so far, for pronouns
        self._speakers: list[tuple[int, str]] = []

    def pair_marks(self) -> None:
        carry: tuple[int, int, str] | None = None  # (content start, paragraph, kind "d"/"s")
        for index, paragraph in enumerate(self.paragraphs):
            base = self.starts[index]
            if carry is not None:
                kind = carry[2]
                head = paragraph[:1]
                opens = head in _DOUBLE_OPEN or head == '"' if kind == "d" else head in "‘'‚"
                if not opens:
                    self._add_unclosed(carry, index - 1)
                    carry = None
            if index in self.blocks and carry is None and _MARKS.search(paragraph[:1]) is None:
                self._add_block(index)
                continue
            if carry is None and _MARKS.search(paragraph) is None:
                continue
            carry = self._pair_paragraph(paragraph, base, index, carry)
        if carry is not None:
            self._add_unclosed(carry, len(self.paragraphs) - 1)

    def _add_spans(self) -> None:
        """Quoted words without marks (``<q>``): the character before and the last one stand in
        for the marks; a span overlapping a quote found by its marks is dropped."""
        taken = [(r.start, r.end) for r in self.raws]
        for start, end in sorted(self.spans):
            if any(start < b and a < end for a, b in taken):
                continue
            paragraph = bisect.bisect_right(self.starts, start) - 1
            self.raws.append(_Raw(start, end, paragraph, start - 1, end - 1, paragraph))
            taken.append((start, end))
        self.raws.sort(key=lambda r: r.start)

    def _add_block(self, index: int) -> None:
        paragraph = self.paragraphs[index]
        stripped = paragraph.strip()
        if not stripped:
            return
        start = self.starts[index] + paragraph.index(stripped)
        self.raws.append(_Raw(start, start + len(stripped), index, start, start + len(stripped), index))

    def _add_unclosed(self, carry: tuple[int, int, str], last: int) -> None:
        start, first, _ = carry
        end = self.starts[last] + len(self.paragraphs[last])
        self._append(start, end, first, start - 1, None, last)

    def _append(self, start: int, end: int, first: int, opener: int, closer: int | None, last: int) -> None:  # noqa: PLR0917
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start and any(ch.isalnum() for ch in text[start : min(end, start + 400)]):
            self.raws.append(_Raw(start, end, first, opener, closer, last))

    def _pair_paragraph(
        self, paragraph: str, base: int, index: int, carry: tuple[int, int, str] | None
    ) -> tuple[int, int, str] | None:
        """Pair the marks of one paragraph; returns the quote still open at its end, if any."""
        kind: str | None = None
        open_at = -1  # content start (global)
        open_char = ""
        first = index
        skip_first = False
        if carry is not None:
            kind, first = carry[2], carry[1]
            open_at = carry[0]
            open_char = "“"
            skip_first = True  # the reopening mark of a continued quote
        size = len(paragraph)
        skip_next = False
        skip_until = -1
        straight_total = paragraph.count('"')
        straight_seen = 0
        for match in _MARKS.finditer(paragraph):
            i = match.start()
            if paragraph[i] == '"':
                straight_seen += 1
            if i <= skip_until:
                continue
            if skip_first:
                skip_first = False
                if i == 0:
                    continue
            if skip_next:
                skip_next = False
                continue
            mark = paragraph[i]
            prev = paragraph[i - 1] if i > 0 else " "
            nxt = paragraph[i + 1] if i + 1 < size else " "
            if mark in "’'" and prev.isalpha() and nxt.isalpha():
                continue  # the apostrophe of "don’t"
            opener_context = (prev in _OPEN_BEFORE or prev in _DOUBLE_OPEN or prev in "‘") and not nxt.isspace()
            if mark in "’'" and nxt == mark:
                # ’’ or '' : a double closing mark (or a nested single closed with its outer one)
                if kind == "s":
                    self._append(open_at, base + i + 1, first, open_at - 1, base + i + 1, index)
                    kind = None
                    skip_next = True
                    continue
                if kind == "d":
                    self._append(open_at, base + i, first, open_at - 1, base + i, index)
                    kind = None
                    skip_next = True
                    continue
                if kind is None and opener_context:
                    kind, open_at, open_char, first = "d", base + i + 2, mark, index
                    skip_next = True
                    continue
            if mark in "‘`" and nxt == mark:
                if kind is None:
                    kind, open_at, open_char, first = "d", base + i + 2, mark, index
                    skip_next = True
                continue
            if kind is None:
                if mark in _DOUBLE_OPEN or (mark in '"”' and opener_context):
                    kind, open_at, open_char, first = "d", base + i + 1, mark, index
                elif (mark in "‘‚" or (mark == "'" and nxt.isalpha())) and not prev.isalnum():
                    kind, open_at, open_char, first = "s", base + i + 1, mark, index
                continue
            if kind == "d":
                if mark in _DOUBLE_CLOSE or mark == '"':
                    if mark == '"' and open_char == '"' and prev.isspace() and nxt.isalnum():
                        # an opener while a straight quote is open: a nested quote when two more
                        # marks follow ("a "b" c"), else the first opener was never closed
                        if straight_total - straight_seen >= 2:
                            nested = paragraph.find('"', i + 1)
                            outer = paragraph.find('"', nested + 1)
                            self._append(open_at, base + outer, first, open_at - 1, base + outer, index)
                            kind = None
                            skip_until = outer
                            continue
                        self._append(open_at, base + i, first, open_at - 1, None, index)
                        open_at, first = base + i + 1, index
                        continue
                    self._append(open_at, base + i, first, open_at - 1, base + i, index)
                    kind = None
                elif mark == "“":
                    if open_char in "„‚" or not opener_context or not prev.isspace():
                        self._append(open_at, base + i, first, open_at - 1, base + i, index)
                        kind = None
                    else:
                        # an opener while one is open: the earlier one was never closed
                        self._append(open_at, base + i, first, open_at - 1, None, index)
                        open_at, open_char, first = base + i + 1, mark, index
                continue
            # kind == "s": outer single quotes; double marks inside are nested
            if mark in "’'" and not nxt.isalnum():
                word_after = paragraph[i + 2 : i + 3]
                if prev == "s" and nxt == " " and word_after.islower() and _LATER_CLOSER.search(paragraph, i + 1):
                    continue  # "the farmers’ money": a plural's apostrophe, the quote closes later
                if i > 0 and not prev.isspace():
                    self._append(open_at, base + i, first, open_at - 1, base + i, index)
                    kind = None
            elif mark == "‘" and prev.isspace() and nxt.isalpha() and base + i - open_at > 200:
                self._append(open_at, base + i, first, open_at - 1, None, index)
                open_at, first = base + i + 1, index
        if kind is None:
            return None
        opened = self.text[open_at : open_at + 1]
        lead = self.text[max(base, open_at - 3) : max(base, open_at - 1)].strip()
        if first == index and open_at - 1 > base and not (opened[:1].isupper() or lead.endswith((":", ","))):
            # "the “plan after…": an unpaired mark in mid-sentence does not open a long quote
            self._append(open_at, base + len(paragraph), first, open_at - 1, None, index)
            return None
        return (open_at, first, kind)

    # -- 2. attribution ------------------------------------------------------------------------

    def mask(self) -> None:
        """The text with quote contents blanked (end punctuation kept), for cue and name search."""
        pieces: list[str] = []
        done = 0
        for raw in self.raws:
            end = raw.end
            if end > raw.start and self.text[end - 1] in ".!?…":
                end -= 1
            start = max(raw.start, done)
            if end <= start:
                continue
            pieces.append(self.text[done:start])
            pieces.append(_NOT_NEWLINE.sub(_MASK, self.text[start:end]))
            done = end
        pieces.append(self.text[done:])
        self.masked = "".join(pieces)
