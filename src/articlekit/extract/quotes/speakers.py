"""Pass 4: speakers resolved: fullest names, pronouns, descriptions, continued quotes."""

from __future__ import annotations

from collections.abc import Sequence

from .filter import _Filter
from .marks import _Raw
from .names import _description_pattern, _NameIndex, _strip_titles
from .words import _INDEX_AFTER, _INDEX_BEFORE, _MASK, _PERSONAL, _SENTENCE_END, _STOP_CAPS, _WINDOW


class _Speakers(_Filter):
    """Pass 4: the tagged phrases of pass 2 turned into the speakers the article names."""

    def resolve(self) -> None:
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
        lead = self.masked[self.starts[raw.paragraph] : raw.opener].strip()
        if previous is not None and previous.last_paragraph == raw.paragraph - 1:
            if not lead:
                return previous.speaker
        elif not lead and raw.paragraph > 0:
            # a quote opening a paragraph after one that reports, without quoting, what someone said
            before = self.masked[self.starts[raw.paragraph - 1] : self.starts[raw.paragraph] - 2]
            if _MASK not in before:
                found = None
                for match in self._valid_cues(before):
                    found = match
                if found is not None and found.group(0).lower() != "according to":
                    sentence = before[: found.start()]
                    cut = max(sentence.rfind(". "), sentence.rfind("? "), sentence.rfind("! "))
                    speaker = self._subject_phrase(sentence[cut + 1 :])
                    if speaker is not None:
                        return self._resolve_speaker(speaker, raw)
        return None

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
            floor = self.starts[max(0, raw.paragraph - 3)]
            candidates = [(pos, name) for pos, name in index.persons if floor <= pos < position]
            candidates += [
                (pos, name) for pos, name in self._speakers if floor <= pos < position and index.is_person(name)
            ]
            candidates = [c for c in candidates if index.gender(c[1]) in (gender, None)]
            if not candidates:
                far = self.starts[max(0, raw.paragraph - 10)]
                candidates = [(pos, n) for pos, n in self._speakers if far <= pos < position and index.is_person(n)]
                candidates = [c for c in candidates if index.gender(c[1]) in (gender, None)]
                return candidates[-1][1] if candidates else None
            candidates.sort()
            last_pos = candidates[-1][0]
            sentence_start = self._sentence_start(last_pos)
            for pos, name in candidates:
                if pos >= sentence_start:
                    return name
            return candidates[-1][1]
        if pronoun == "it":
            return index.organisation_before(position, self.starts[max(0, raw.paragraph - 2)])
        if pronoun == "they":
            for pos, name in reversed(self._speakers):
                if pos < self.starts[max(0, raw.paragraph - 3)]:
                    break
                if not index.is_person(name):
                    return name
        return None

    def _sentence_start(self, position: int) -> int:
        lo = max(0, position - _WINDOW)
        paragraph_start = self.text.rfind("\n\n", lo, position)
        start = lo if paragraph_start < 0 else paragraph_start + 2
        for match in _SENTENCE_END.finditer(self.masked, start, position):
            if self._is_boundary(match):
                start = match.end()
        return start

    def _resolve_description(self, phrase: str, position: int) -> str | None:
        """``the spokesman`` → the person the text earlier calls spokesman, else the phrase."""
        words = phrase.split()
        head = words[-1].lower().strip(".,")
        if words[0].lower() == "the" and len(words) <= 4 and head.isalpha():
            earlier = self.masked[max(0, position - 5000) : position]
            pattern = _description_pattern(head)
            index = self._names()
            best = None
            for match in pattern.finditer(earlier):
                tokens = (match.group(1) or match.group(2) or match.group(3)).split()
                name = _strip_titles(tokens)
                if name and name[0].lower() not in _STOP_CAPS:
                    full = index.full(" ".join(name), max(0, position - 5000) + match.start() + 1)
                    if index.is_person(full) or len(name) >= 2:
                        best = full
            if best is not None:
                return best
        return phrase
