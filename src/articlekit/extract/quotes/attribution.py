"""Pass 2: the cue and speaker phrase around each quote, inside its sentence."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from .marks import _Marks, _Raw
from .names import _after_preposition, _cut_phrase, _is_proper, _name_runs, _strip_titles
from .words import (
    _ABBREVIATIONS,
    _CONTRACTION,
    _DETERMINER_WORDS,
    _DETERMINERS,
    _FIRST_SECOND,
    _FUNCTION_WORDS,
    _INTRODUCING,
    _LEADING_JUNK,
    _MASK,
    _MAX_SUBJECT_WORDS,
    _NOUN_NEXT,
    _NOUNISH,
    _PARTICIPLES,
    _PERSONAL,
    _PREPOSITIONS,
    _PRONOUNS,
    _PUNCT_SPACE,
    _SENTENCE_END,
    _STOP_CAPS,
    _TITLES,
    _TRAILING_ADVERBS,
    _WINDOW,
)

#: A short parenthesis after a word (``Ames (D-Vt.)``, ``the agency (FDA)``), dropped from a subject.
_PARENTHESIS = re.compile(r"(?<=\w) \([^()\n]{1,30}\)(?=,|$)")


#: A name or pronoun and a past-tense verb (``Lima fumed``, ``she shrugged``) after a quote.
_NAME_VERBED = re.compile(r"\s*((?:[A-Z][\w’'.-]+ ){1,3}|(?:he|she|they) )([a-z]{3,}ed)\b")
#: ``with X`` right before a participle of saying (``…, with Ana Lima reportedly telling``).
_WITH_SUBJECT = re.compile(r"\bwith\s+([^,;:()\x00]{2,60}?)\s*$")


#: A sentence adverb set off by commas after a subject (``Lima, meanwhile, said``).
_ASIDE = re.compile(r",\s*(?:meanwhile|however|too|also|though|in turn|for (?:his|her|their|its) part)(?=,|$)")
#: A relative clause set off by commas after a subject (``Ames, who lives …,``).
_RELATIVE = re.compile(r",\s+(?:who|whose|whom)\b")


_NOMINATIVE = frozenset({"he", "she", "they", "i", "we"})


def _modifies(phrase: str, start: int, end: int) -> bool:
    """Whether the capitalised words ``phrase[start:end]``, after an article, qualify a lowercase
    noun (``an Israeli official``, ``a Texas rancher``): an adjective, not a speaker's name."""
    before = phrase[:start].split()
    after = phrase[end:].split()
    if not before or before[-1].lower() not in {"a", "an", "the"} or not after or phrase[end : end + 1] != " ":
        return False
    word = after[0].strip(",.;:")
    return word.isalpha() and word.islower() and word not in _FUNCTION_WORDS and word not in _PREPOSITIONS


#: Paragraphs before a quote's own that its searches read (pronoun candidates go back three).
_PARAGRAPHS_BACK = 3
#: The longest signature after a quote (``— Ana Lima, harbour master``), in characters.
_SIGNATURE = 150
#: A document a colon quote comes from: ``From the council's report: "…"``.
_FROM_SOURCE = re.compile(
    r"\b(?:[Ff]rom|[Ii]n)\s+((?:the|a|an|his|her|its|their|[A-Z][\w.-]*[’']s)\s+[^\s,:;\x00][^,:;\x00]{0,60}?)\s*:\s*$"
)


class _Cue:
    """A cue found in the masked text, with its offsets in the piece of it being read."""

    __slots__ = ("_end", "_start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self._start, self._end, self.text = start, end, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, _index: int = 0) -> str:
        return self.text


class _Attribution(_Marks):
    """Pass 2: ``raw.speaker`` as a tagged phrase (pronoun, name, description) and ``raw.cue``.

    The cues and the sentence ends of the masked text are found once, by one regex pass each
    (:meth:`index_text`); every quote then looks them up by bisection in its window, so the cost
    is linear in the text however densely quote marks are packed.
    """

    def index_text(self) -> None:
        """The cues and the sentence ends of :attr:`masked`, each in text order, in the
        paragraphs a quote's search can reach: its own and the three before it (a pronoun's
        candidates), so a long page with a few quotes is not read whole."""
        lowered = self.masked.lower()
        # a lowercased text whose offsets are the text's is searched without re.IGNORECASE
        cues, haystack = (self.folded_cues, lowered) if len(lowered) == len(self.masked) else (self.cues, self.masked)
        self._cue_matches: list[re.Match[str]] = []
        for start, end in self._reach(1):  # cues: a quote's paragraph and the one before
            self._cue_matches += cues.finditer(haystack, start, end)
        ends: list[re.Match[str]] = []
        for start, end in self._reach(_PARAGRAPHS_BACK):
            ends += (m for m in _SENTENCE_END.finditer(self.masked, start, end) if self._is_boundary(m))
        self._cue_starts = [match.start() for match in self._cue_matches]
        self._boundary_starts = [match.start() for match in ends]
        self._boundary_ends = [match.end() for match in ends]

    def _reach(self, back: int) -> list[tuple[int, int]]:
        """The spans of the paragraphs holding a quote and the ``back`` paragraphs before each,
        merged, in text order (the paragraph break after each included)."""
        ranges: list[tuple[int, int]] = []
        for raw in self.raws:
            start = self.starts[max(0, raw.paragraph - back)]
            last = raw.last_paragraph
            end = min(len(self.masked), self.starts[last] + len(self.paragraphs[last]) + 2)
            if ranges and start <= ranges[-1][1]:
                ranges[-1] = (ranges[-1][0], max(ranges[-1][1], end))
            else:
                ranges.append((start, end))
        return ranges

    def _last_boundary(self, lo: int, hi: int) -> int | None:
        """The end of the last sentence end lying within ``[lo, hi)``, if any."""
        index = bisect.bisect_right(self._boundary_ends, hi) - 1
        if index >= 0 and self._boundary_starts[index] >= lo:
            return self._boundary_ends[index]
        return None

    def _first_boundary(self, lo: int, hi: int) -> int | None:
        """The start of the first sentence end lying within ``[lo, hi)``, if any."""
        index = bisect.bisect_left(self._boundary_starts, lo)
        if index < len(self._boundary_starts) and self._boundary_ends[index] <= hi:
            return self._boundary_starts[index]
        return None

    def _sentence_bounds(self, raw: _Raw) -> tuple[int, int, int, int]:
        """(paragraph start, sentence start, sentence end, paragraph end) around ``raw``."""
        p_start = self.starts[raw.paragraph]
        p_end = self.starts[raw.last_paragraph] + len(self.paragraphs[raw.last_paragraph])
        lo = max(p_start, raw.opener - _WINDOW)
        s_start = lo if lo > p_start else p_start
        found = self._last_boundary(lo, raw.opener if raw.opener >= lo else lo)
        if found is not None:
            s_start = found
        close = raw.closer if raw.closer is not None else raw.end
        hi = min(p_end, close + _WINDOW)
        s_end = hi
        first = self._first_boundary(close + 1 if close < hi else hi, hi)
        if first is not None:
            s_end = first + 1
        return p_start, s_start, s_end, p_end

    def _is_boundary(self, match: re.Match[str]) -> bool:
        end = match.end()
        if end < len(self.masked):
            nxt = self.masked[end]
            if nxt.islower():
                return False
        dot = match.start()
        if self.masked[dot] == ".":
            word_start = dot
            while word_start > 0 and (self.masked[word_start - 1].isalpha() or self.masked[word_start - 1] == "."):
                word_start -= 1
            word = self.masked[word_start:dot].lower()
            if word in _ABBREVIATIONS or len(word) == 1:
                return False
        return True

    def attribute(self, index: int, raw: _Raw) -> None:
        if raw.opener == raw.start and raw.closer == raw.end:
            # a block quotation: look for "X wrote:" ending the paragraph before it
            if raw.paragraph > 0:
                before = self.masked[self.starts[raw.paragraph - 1] : self.starts[raw.paragraph] - 2].rstrip()
                if before.endswith(":"):
                    at = self.starts[raw.paragraph - 1] + max(0, len(before) - _WINDOW)
                    self._from_before(raw, before[-_WINDOW:], at, direct=True)
            return
        p_start, s_start, s_end, p_end = self._sentence_bounds(raw)
        if self._signed(raw, p_end):
            return
        prev_close = -1
        previous = self.raws[index - 1] if index > 0 else None
        if previous is not None:
            prev_close = (previous.closer if previous.closer is not None else previous.end) + 1
        next_open = self.raws[index + 1].opener if index + 1 < len(self.raws) else len(self.text)
        left = max(s_start, prev_close)
        before = self.masked[left : raw.opener] if raw.opener >= left else ""
        close = (raw.closer + 1) if raw.closer is not None else raw.end
        stop = min(s_end, next_open)
        after = self.masked[close:stop] if close < stop else ""
        content = self.text[raw.start : raw.end]
        tail = content.rstrip()[-1:]
        after_stripped = after.strip()
        before_stripped = before.rstrip()
        if tail == "." and after_stripped[:1].isupper():
            after = after_stripped = ""  # the quote ended its sentence: what follows is another one
        # "…," X said / "…?" asked X / "…" — X said / "…" he said
        if after_stripped:
            punctuated = tail in ",!?—–-…" or after_stripped[:1] in {",", "—", "–", "-", "("}
            if self._from_after(raw, after, close, direct=True, max_lead=_MAX_SUBJECT_WORDS if punctuated else 3):
                return
            # ""…," Lima fumed.": a name and a past-tense verb right after a quote ending in a comma
            signed = _NAME_VERBED.match(after) if tail == "," else None
            if signed is not None:
                speaker = self._subject_phrase(signed.group(1))
                if speaker is not None and speaker[:1] in "\x01\x02":
                    raw.speaker, raw.cue, raw.direct = speaker, signed.group(2), True
                    return
        # X said: "…" / X told reporters, "…" / according to X, "…"
        introduced = before_stripped.endswith((":", ",", "—", "–")) or _INTRODUCING.search(before) is not None
        if introduced and self._from_before(raw, before, left, direct=True):
            return
        # a partial quote: the cue is elsewhere in the sentence
        sentence_before = self.masked[s_start : raw.opener] if raw.opener > s_start else ""
        if self._from_before(raw, sentence_before, s_start, direct=False):
            return
        if after_stripped and self._from_after(raw, after, close, direct=False, max_lead=_MAX_SUBJECT_WORDS):
            return
        # "and "…"": a second partial quote hanging on the first one's verb
        if (
            previous is not None
            and previous.cue is not None
            and prev_close - 1 >= s_start
            and raw.paragraph == previous.paragraph
        ):
            raw.speaker, raw.cue, raw.sibling = previous.speaker, previous.cue, True
            return
        # "X, in her book: "…"": the subject of the sentence the colon ends
        if before_stripped.endswith(":"):
            speaker = self._clause_subject(self.masked[s_start : raw.opener], any_clause=True)
            if speaker is None:
                # "… surprised pollster Ana Lima: "…"": a name right before the colon
                named = self._subject_phrase(before_stripped[:-1])
                speaker = named if named is not None and named[:1] == "\x02" else None
            source = _FROM_SOURCE.search(self.masked, s_start, raw.opener)
            if speaker is None and source is not None:
                speaker = "\x03" + source.group(1)  # "From the council's report: "…""
            if speaker is not None:
                raw.speaker = speaker
                return
        # "…, Malone said. "…"": the sentence before ends with an attribution
        if not self.masked[s_start : raw.opener].strip() and s_start > p_start:
            at = max(p_start, s_start - _WINDOW)
            raw.speaker = self._trailing_attribution(self.masked[at:s_start], at)

    def _signed(self, raw: _Raw, p_end: int) -> bool:
        """A quote signed with a dash after it, at the end of its paragraph or as the next one:
        ``"…" — Ana Lima, harbour master``."""
        close = (raw.closer + 1) if raw.closer is not None else raw.end
        if p_end - close > _SIGNATURE:
            return False  # more than a signature follows the quote
        rest = self.masked[close:p_end].strip()
        following = raw.last_paragraph + 1
        if not rest and following < len(self.paragraphs) and len(self.paragraphs[following]) <= _SIGNATURE:
            rest = self.paragraphs[following].strip()
        if rest[:1] not in {"-", "–", "—"} or _MASK in rest or len(rest.split()) > 12:
            return False
        head, _, _ = _cut_phrase(rest.lstrip("-–— \u00a0"))
        speaker = self._speaker_from(head) if head else None
        if speaker is None or speaker[:1] != "\x02":
            return False
        raw.speaker, raw.direct = speaker, True
        return True

    def _valid_cues(self, text: str, at: int, end: int | None = None) -> Iterator[_Cue]:
        """The cues in ``text``, the piece of :attr:`masked` starting at ``at`` (up to ``end`` in
        it), without nouns that look like verbs (``the notes of``, ``its claims about``)."""
        stop = at + (len(text) if end is None else end)
        matches = self._cue_matches
        for i in range(bisect.bisect_left(self._cue_starts, at), len(matches)):
            match = matches[i]
            if match.end() > stop:
                return
            start, finish = match.start() - at, match.end() - at
            word = match.group(0).lower()
            if self.masked[match.start()].isupper() and start > 0:
                previous = text[max(0, start - 20) : start].split()
                if previous and previous[-1][:1].isupper() and previous[-1][-1:].isalpha():
                    continue  # part of a name: "the United States", "Daily Reports"
            if word in _NOUNISH:
                rest = text[finish : finish + 20].split()
                if rest and rest[0].lower().strip(",.") in _NOUN_NEXT:
                    continue
                before = text[max(0, start - 15) : start].split()
                if before and before[-1].lower() in _DETERMINER_WORDS:
                    continue
            yield _Cue(start, finish, self.masked[match.start() : match.end()])

    def _from_after(self, raw: _Raw, after: str, at: int, *, direct: bool, max_lead: int) -> bool:
        match = next(self._valid_cues(after, at, min(len(after), 160)), None)
        if match is None:
            return False
        cue = " ".join(match.group(0).split())
        lead = after[: match.start()]
        if _MASK in lead or len(lead.split()) > max_lead:
            return False
        if cue.lower() == "according to":
            speaker = self._object_phrase(after[match.end() :])
            if speaker is None:
                return False
            raw.speaker, raw.cue, raw.direct = speaker, cue, direct
            return True
        subject = lead.strip(_PUNCT_SPACE)
        speaker = self._subject_phrase(lead) if subject else self._object_phrase(after[match.end() :])
        if speaker is None and (not subject or not direct or max_lead <= 3):
            return False
        raw.speaker, raw.cue, raw.direct = speaker, cue, direct
        return True

    def _from_before(self, raw: _Raw, before: str, at: int, *, direct: bool) -> bool:
        found = None
        for match in self._valid_cues(before, at):
            if _MASK in before[match.end() :] and not direct:
                continue
            found = match
        if found is None:
            return False
        cue = " ".join(found.group(0).split())
        gap = before[found.end() :]
        if cue.lower() == "according to":
            speaker = self._object_phrase(gap)
            raw.speaker, raw.cue, raw.direct = speaker, cue, direct
            return speaker is not None
        lead = before[: found.start()]
        if cue.lower() in _PARTICIPLES:
            # "…, with Ana Lima telling reporters": the name the participle follows
            absolute = _WITH_SUBJECT.search(lead)
            if absolute is not None:
                speaker = self._subject_phrase(absolute.group(1))
                if speaker is not None and speaker[:1] in "\x01\x02":
                    raw.speaker, raw.cue, raw.direct = speaker, cue, direct
                    return True
            # "X responded on Twitter, saying, …": the subject is that of the main verb
            main = None
            for match in self._valid_cues(lead, at):
                main = match
            if main is not None:
                cue = " ".join(main.group(0).split())
                lead = lead[: main.start()]
            else:
                speaker = self._clause_subject(lead)
                if speaker is None and _FIRST_SECOND.isdisjoint(lead.lower().split()):
                    # the verb is found though its subject cannot be read ("…, endorsed Cruz,
                    # saying he "…""): a quote all the same, its speaker unknown here; not when
                    # the writer or the reader speaks ("we spent the year asking "…"")
                    raw.speaker, raw.cue = self._sentence_subject(lead), cue
                    return True
                if speaker is None:
                    return False
                raw.speaker, raw.cue, raw.direct = speaker, cue, direct
                return True
        if _MASK in lead:
            lead = lead[lead.rfind(_MASK) + 1 :]
        subject = lead.strip(_PUNCT_SPACE)
        # inverted when nothing precedes the verb: "said X: …"
        speaker = self._subject_phrase(lead) if subject else self._object_phrase(gap)
        if speaker is None and subject:
            # "Ames, who lives in …, said": the name or pronoun opening the clause, else one
            # opening an earlier clause ("Ames praised it but described the plan as …")
            speaker = self._clause_subject(lead) or self._sentence_subject(lead)
        if speaker is None and not subject:
            return False
        raw.speaker, raw.cue, raw.direct = speaker, cue, direct
        return True

    def _trailing_attribution(self, sentence: str, at: int) -> str | None:
        """The speaker of a sentence ending ``…, X said.`` (or ``X added.``), else ``None``."""
        found = None
        for match in self._valid_cues(sentence, at):
            found = match
        if found is not None and len(sentence[found.end() :].split()) > 3:
            # "Helmstetter says there's been a rise in…": the first cue, when a short subject opens it
            first = next(self._valid_cues(sentence, at), None)
            opening = sentence[: first.start()].split() if first is not None else []
            if first is None or not 0 < len(opening) <= 4 or _MASK in sentence[: first.start()]:
                return None
            found = first
        if found is None or found.group(0).lower() == "according to":
            return None
        lead = sentence[: found.start()]
        if _MASK in lead:
            lead = lead[lead.rfind(_MASK) + 1 :]
        if not lead.strip(_PUNCT_SPACE):
            return self._object_phrase(sentence[found.end() :])
        return self._subject_phrase(lead)

    def _sentence_subject(self, text: str) -> str | None:
        """The name or pronoun opening a clause of ``text``, the last such clause first, else the
        name opening it whole (``Ana Lima, a sailor for forty years, backed it, saying``)."""
        speaker = self._clause_subject(text, any_clause=True)
        if speaker is None:
            head = self._speaker_from(re.split(r"[,;:(]", text, maxsplit=1)[0])
            speaker = head if head is not None and head[:1] in "\x01\x02" else None
        return speaker

    def _clause_subject(self, text: str, *, any_clause: bool = False) -> str | None:
        """The name or pronoun that opens the last clause of ``text`` (``Emery retweeted it, ``),
        or with ``any_clause`` the last clause that opens with one (``Lima paused, then added:``)."""
        for chunk in reversed(re.split(r"[,;:()\x00]", text)):
            words = chunk.split()
            while words and (
                words[0].lower() in _LEADING_JUNK
                or (
                    words[0].lower() in _STOP_CAPS
                    and words[0][:1].isupper()
                    and len(words) > 1
                    and words[1][:1].isupper()
                )
            ):
                words.pop(0)
            if not words:
                continue
            if words[0].lower() in _PERSONAL or words[0].lower() == "they":
                return "\x01" + words[0].lower()
            joined = " ".join(words)
            runs = _name_runs(joined, self.verb_words)
            if runs and runs[0][0] == 0 and not runs[0][3] and joined[runs[0][1] :].strip():
                name = _strip_titles(runs[0][2])
                if name:
                    return "\x02" + " ".join(name)
            if not any_clause:
                return None
        return None

    # -- phrases to speakers -------------------------------------------------------------------

    def _object_phrase(self, text: str) -> str | None:
        """The speaker after an inverted verb or ``according to``: ``said Jane Doe, senior fellow``."""
        head, _, rest = _cut_phrase(text.lstrip(" \u00a0"))
        words = head.split()[:_MAX_SUBJECT_WORDS]
        if not words:
            return None
        speaker = self._speaker_from(" ".join(words), inverted=True)
        if speaker is None or speaker[:1] == "\x03" or words[-1].lower() in _TITLES:
            # "says Maxi Moving's Vice President, Ivan Cheptenari": the name follows the role
            follow, _, _ = _cut_phrase(rest.lstrip(" \u00a0"))
            runs = _name_runs(follow.strip(), self.verb_words)
            if runs and runs[0][0] == 0 and runs[0][1] == len(follow.strip()) and len(runs[0][2]) >= 2:
                return "\x02" + " ".join(_strip_titles(runs[0][2]))
        return speaker

    def _subject_phrase(self, text: str) -> str | None:
        """The speaker before a verb: the last clause, an appositive set off by commas dropped."""
        phrase = text.rstrip(_PUNCT_SPACE.replace(",", "").replace(")", ""))
        # "Claire Ames (D-Vt.), who …,": a parenthesis right after the name is no clause
        phrase = _PARENTHESIS.sub("", phrase)
        phrase = _ASIDE.sub("", phrase)  # "Lima, meanwhile, said"
        relative = _RELATIVE.search(phrase)
        if relative is not None and phrase.endswith(","):
            phrase = phrase[: relative.start()]  # "Ames, who lives in Vermont, said": Ames
        appositive = ""
        if phrase.endswith((",", ")")):
            closing = phrase[-1]
            body = phrase[:-1]
            cut = body.rfind("," if closing == "," else "(")
            if cut > 0:
                appositive = body[cut + 1 :].strip()
                phrase = body[:cut]
            elif closing == ",":
                phrase = body  # "Ana Lima, calling it …": the subject before a participle clause
        chunk = re.split(r"[,;:!?()\n—–\"“”\x00]|\s-\s", phrase)[-1]
        words = chunk.split()
        while words and words[0].lower() in _LEADING_JUNK:
            words.pop(0)
        while words and words[-1][:1].islower() and words[-1] in _TRAILING_ADVERBS:
            words.pop()  # not "Will", a name
        if not words:
            return self._speaker_from(appositive) if appositive else None
        if len(words) > 1 and words[-1].lower() in _NOMINATIVE and words[-2].lower() not in _FUNCTION_WORDS:
            return "\x01" + words[-1].lower()  # "in the hall he said": a subject pronoun before the verb
        if len(words) > _MAX_SUBJECT_WORDS:
            # not a plain subject: only a name right before the verb can be trusted
            words = words[-4:]
            if not all(w[:1].isupper() for w in words[-2:]):
                return None
        speaker = self._speaker_from(" ".join(words))
        if appositive and (speaker is None or speaker[:1] == "\x03"):
            better = self._speaker_from(appositive)
            if better is not None and better[:1] == "\x02":
                return better
        return speaker

    def _speaker_from(self, phrase: str, *, inverted: bool = False) -> str | None:
        """A noun phrase as a speaker. Pronouns (``\\x01``), names (``\\x02``) and descriptions
        (``\\x03``) are marked for pass 4; an organisation's name is returned as written."""
        phrase = phrase.strip(_PUNCT_SPACE)
        words = phrase.split()
        if not words or _MASK in phrase:  # nothing but spaces and line breaks left is no speaker
            return None
        lower = phrase.lower()
        bare = _CONTRACTION.sub("", lower)  # "I’d", "we’ll", "she's": the pronoun
        if bare in _PRONOUNS:
            return "\x01" + bare
        if words[0].lower() in {"who", "which", "that", "it", "this", "there", "what", "these", "those"}:
            return None
        if _is_proper(words):
            runs = _name_runs(phrase, self.verb_words)
            opening = phrase[: runs[0][0]].split() if runs else []
            if (
                len(runs) == 1
                and all(w.lower() in _STOP_CAPS for w in opening)  # "Yesterday Ana Lima"
                and runs[0][1] == len(phrase)
                and not runs[0][3]
            ):
                name = _strip_titles(runs[0][2])
                return "\x02" + " ".join(name) if name else None
            titled = [i for i, w in enumerate(words) if w.lower() in _TITLES]
            if runs and titled and runs[-1][1] == len(phrase) and not runs[-1][3]:
                # "Estera Events Co-Owner and Lead Planner Bianca Hall": the name after the roles
                name = _strip_titles(runs[-1][2])
                if name and not any(w.lower() in _TITLES for w in name):
                    return "\x02" + " ".join(name)
            if words[0].lower() == "the":
                return "the " + " ".join(words[1:])
            return phrase
        runs = [r for r in _name_runs(phrase, self.verb_words) if not r[3]]
        if runs:
            chosen = None
            if inverted:
                eligible = [
                    r
                    for r in runs
                    if _strip_titles(r[2])
                    and not _after_preposition(phrase, r[0])
                    and not _modifies(phrase, r[0], r[1])
                ]
                if eligible:
                    chosen = eligible[-1]
            else:
                last = runs[-1]
                if not phrase[last[1] :].strip() and not _after_preposition(phrase, last[0]):
                    chosen = last
            if chosen is not None:
                name = _strip_titles(chosen[2])
                before = phrase[: chosen[0]].split()
                if name and before and before[-1].lower() == "the" and len(before) == 1:
                    return "the " + " ".join(chosen[2])
                if name:
                    return "\x02" + " ".join(name)
        if lower.startswith(_DETERMINERS) or "’s " in phrase or "'s " in phrase:
            # "a Mexican official who was not authorized to speak": the description before "who"
            relative = next((i for i, w in enumerate(words) if i > 1 and w.lower() in {"who", "whose", "which"}), None)
            if relative is not None:
                words = words[:relative]
                phrase = " ".join(words)
            if len(words) <= 8:
                return "\x03" + phrase
        if len(words) <= 3 and all(w.islower() and w.isalpha() for w in words) and words[-1].endswith("s"):
            return phrase  # "officials", "police officers", "critics"
        return None
