"""Pass 4: speakers resolved: fullest names, pronouns, descriptions, continued quotes."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence

from .filter import _Filter
from .marks import _Raw
from .names import _description_pattern, _NameIndex, _strip_titles
from .words import _INDEX_AFTER, _INDEX_BEFORE, _MASK, _PERSONAL, _STOP_CAPS, _WINDOW

#: How far back the text is searched for the person a description (``the spokesman``) names.
_DESCRIBED_BEFORE = 5000
#: Candidates a pronoun looks at, from the nearest back: a bound on the work per quote.
_MAX_CANDIDATES = 200


def _backwards(
    items: Sequence[tuple[int, str]], starts: Sequence[int], floor: int, position: int, keep: Callable[[str], bool]
) -> Iterator[tuple[int, str]]:
    """The ``(position, name)`` items in ``[floor, position)`` that ``keep`` accepts, nearest first,
    among the :data:`_MAX_CANDIDATES` nearest."""
    end = bisect.bisect_left(starts, position)
    begin = max(bisect.bisect_left(starts, floor), end - _MAX_CANDIDATES)
    for i in range(end - 1, begin - 1, -1):
        if keep(items[i][1]):
            yield items[i]


class _Speakers(_Filter):
    """Pass 4: the tagged phrases of pass 2 turned into the speakers the article names."""

    def resolve(self) -> None:
        self._speaker_starts: list[int] = []
        self._first_characters: dict[int, int] = {}
        #: per described role (``spokesman``): how far the text was searched, and the person found
        self._described: dict[str, tuple[int, int, str | None]] = {}
        kept = [r for r in self.raws if r.keep]
        previous: _Raw | None = None
        for index, raw in enumerate(kept):
            if raw.speaker is not None:
                raw.speaker = self._resolve_speaker(raw.speaker, raw)
            if raw.speaker is None and raw.cue is None:
                raw.speaker = self._continuation(index, kept, previous)
            if raw.speaker is not None:
                previous = raw
                self._speakers.append((raw.opener, raw.speaker))
                self._speaker_starts.append(raw.opener)

    def _continuation(self, index: int, kept: Sequence[_Raw], previous: _Raw | None) -> str | None:
        raw = kept[index]
        if previous is not None and previous.last_paragraph == raw.paragraph:
            return previous.speaker
        # a later quote in the same paragraph that is attributed: "…" "…," she said.
        for later in kept[index + 1 : index + 3]:
            if later.paragraph != raw.paragraph:
                break
            if later.cue is not None and later.speaker is not None:
                return self._resolve_speaker(later.speaker, later)
        opens = raw.opener <= self._first_character(raw.paragraph)  # nothing before it in its paragraph
        if opens and raw.paragraph > 0:
            # a paragraph ending with a colon introduces the quote after it ("Lima added:",
            # "The council released this statement:"): its last sentence's subject speaks
            at = self.starts[raw.paragraph - 1]
            before = self.masked[at : self.starts[raw.paragraph] - 2].rstrip()
            if before.endswith(":"):
                sentence = before[max(before.rfind(". "), before.rfind("? "), before.rfind("! ")) + 1 : -1]
                speaker = self._sentence_subject(sentence.replace(_MASK, ""))
                if speaker is not None:
                    return self._resolve_speaker(speaker, raw)
        if previous is not None and previous.last_paragraph == raw.paragraph - 1:
            if opens:
                return previous.speaker
        elif opens and raw.paragraph > 0:
            # a quote opening a paragraph after one that reports, without quoting, what someone said
            at = self.starts[raw.paragraph - 1]
            before = self.masked[at : self.starts[raw.paragraph] - 2]
            if _MASK not in before:
                found = None
                for match in self._valid_cues(before, at):
                    found = match
                if found is not None and found.group(0).lower() != "according to":
                    sentence = before[: found.start()]
                    cut = max(sentence.rfind(". "), sentence.rfind("? "), sentence.rfind("! "))
                    speaker = self._subject_phrase(sentence[cut + 1 :])
                    if speaker is not None:
                        return self._resolve_speaker(speaker, raw)
        return None

    def _first_character(self, paragraph: int) -> int:
        """Where the first character other than white space of ``paragraph`` is (found once)."""
        found = self._first_characters.get(paragraph)
        if found is None:
            text = self.paragraphs[paragraph]
            found = self.starts[paragraph] + len(text) - len(text.lstrip())
            self._first_characters[paragraph] = found
        return found

    def _resolve_speaker(self, speaker: str, raw: _Raw) -> str | None:
        tag = speaker[:1]
        if tag == "\x01":
            return self._resolve_pronoun(speaker[1:], raw)
        if tag == "\x02":
            return self._full_name(speaker[1:], raw.opener)
        if tag == "\x03":
            return self._resolve_description(speaker[1:], raw.opener)
        return speaker

    def _names(self) -> _NameIndex:
        if self._index is None:
            speakers = {r.speaker[1:] for r in self.raws if r.keep and r.speaker and r.speaker[:1] == "\x02"}
            kept = [r for r in self.raws if r.keep] or self.raws
            # The names an article's quotes need are in the article: on a page that kept its
            # boilerplate, the text far before the first quote or after the last is not read.
            lo = max(0, kept[0].opener - _INDEX_BEFORE)
            hi = min(len(self.masked), kept[-1].end + _INDEX_AFTER)
            self._index = _NameIndex(self.masked, self.verb_words, speakers, lo, hi)
        return self._index

    def _full_name(self, name: str, position: int | None = None) -> str:
        return self._names().full(name, position)

    def _resolve_pronoun(self, pronoun: str, raw: _Raw) -> str | None:
        index = self._names()
        position = raw.opener
        if pronoun in _PERSONAL:
            gender = "m" if pronoun == "he" else "f"

            def fits(name: str) -> bool:
                return index.is_person(name) and index.gender(name) in (gender, None)

            floor = self.starts[max(0, raw.paragraph - 3)]
            # the people named, and the speakers, from the nearest back (a bounded number of each)
            named = _backwards(index.persons, index.person_starts, floor, position, fits)
            spoke = _backwards(self._speakers, self._speaker_starts, floor, position, fits)
            heads = [head for head in (next(named, None), next(spoke, None)) if head is not None]
            if not heads:
                far = self.starts[max(0, raw.paragraph - 10)]
                last = next(_backwards(self._speakers, self._speaker_starts, far, position, fits), None)
                if last is not None:
                    return last[1]
                return index.person_like_before(position, self.starts[max(0, raw.paragraph - 1)])
            # the first person named in the sentence of the nearest one
            sentence_start = self._sentence_start(max(heads)[0])
            first = min(head for head in heads if head[0] >= sentence_start)
            for candidates in (named, spoke):
                for pos, name in candidates:
                    if pos < sentence_start:
                        break
                    first = min(first, (pos, name))
            return first[1]
        if pronoun == "it":
            return index.organisation_before(position, self.starts[max(0, raw.paragraph - 2)])
        if pronoun == "they":
            floor = self.starts[max(0, raw.paragraph - 3)]
            found = _backwards(
                self._speakers, self._speaker_starts, floor, position, lambda name: not index.is_person(name)
            )
            organisation = next(found, None)
            return organisation[1] if organisation is not None else None
        return None

    def _sentence_start(self, position: int) -> int:
        lo = max(0, position - _WINDOW)
        paragraph_start = self.text.rfind("\n\n", lo, position)
        start = lo if paragraph_start < 0 else paragraph_start + 2
        found = self._last_boundary(start, position)
        return start if found is None else found

    def _resolve_description(self, phrase: str, position: int) -> str | None:
        """``the spokesman`` → the person the text earlier calls spokesman, else the phrase."""
        words = phrase.split()
        head = words[-1].lower().strip(".,")
        if words[0].lower() == "the" and len(words) <= 4 and head.isalpha():
            lo = max(0, position - _DESCRIBED_BEFORE)
            # quotes come in text order: the search goes on from where the last one for this
            # role stopped, so the text is read once per role however often the role speaks
            searched, best_at, best = self._described.get(head, (lo, -1, None))
            if not lo <= searched <= position:
                searched, best_at, best = lo, -1, None
            index = self._names()
            for match in _description_pattern(head).finditer(self.masked, searched, position):
                tokens = (match.group(1) or match.group(2) or match.group(3)).split()
                name = _strip_titles(tokens)
                if name and name[0].lower() not in _STOP_CAPS:
                    full = index.full(" ".join(name), match.start() + 1)
                    if index.is_person(full) or len(name) >= 2:
                        best_at, best = match.start(), full
            self._described[head] = (position, best_at, best)
            if best is not None and best_at >= lo:
                return best
        return phrase
