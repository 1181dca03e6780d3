"""Names in an article: capitalised runs, titles stripped, fullest forms, persons, genders, organisations."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence

from .words import (
    _ABBREVIATIONS,
    _CONNECTORS,
    _CONTRACTION,
    _ORG_WORDS,
    _PARTICLES,
    _PREPOSITIONS,
    _SENTENCE_END,
    _STOP_CAPS,
    _TITLES,
)


def _clean_token(word: str) -> str:
    if word.endswith(".") and len(word) > 2 and word.lower().rstrip(".") not in _ABBREVIATIONS and word.count(".") == 1:
        return word[:-1]
    return word


_UPPER = "".join(chr(c) for c in range(0x41, 0x2000) if chr(c).isupper())


#: A capitalised word. The "not inside a word" condition is checked in Python on the character
#: before the match: as a look-behind at the start of the pattern it kept the regex engine from
#: scanning for the capital letter and cost about a third of quote extraction.
_CAP_WORD = re.compile(rf"[{_UPPER}][\w’'.\-]*")
_INSIDE_WORD = frozenset("’'-.")
_PARTICLE_GAP = re.compile(r"(?: (?:" + "|".join(re.escape(p) for p in sorted(_PARTICLES)) + r"))+ ")


def _name_runs(text: str, verb_words: frozenset[str]) -> list[tuple[int, int, list[str], bool]]:
    """Runs of capitalised words: ``(start, end, tokens, possessive)``.

    A run breaks at anything but a single space (or a name particle such as ``de``/``van``),
    at a reporting verb, and after a possessive (``Ukraine’s``). Sentence openers, days and
    months (:data:`_STOP_CAPS`) are not names. Only capitalised words are visited, so the cost
    is in the number of names, not of words.
    """
    runs: list[tuple[int, int, list[str], bool]] = []
    tokens: list[str] = []
    run_start = run_end = -1

    for match in _CAP_WORD.finditer(text):
        start = match.start()
        if start and (text[start - 1] in _INSIDE_WORD or text[start - 1].isalnum() or text[start - 1] == "_"):
            continue  # a capital inside a word (iPhone): the whole run is no name
        word = match.group(0)
        if tokens:
            gap = text[run_end:start]
            if gap in (" ", "\u00a0"):
                pass
            elif gap[:1] == " " and _PARTICLE_GAP.fullmatch(gap):
                tokens.extend(gap.split())
            else:
                runs.append((run_start, run_end, tokens, False))
                tokens = []
        lower = word.lower()
        possessive = lower.endswith(("’s", "'s", "s’", "s'"))
        bare = word[:-2] if lower.endswith(("’s", "'s")) else word.rstrip("’'")
        stop = bare.lower() in _STOP_CAPS or _CONTRACTION.sub("", lower) in _STOP_CAPS
        if lower in verb_words or stop or lower.endswith(("n’t", "n't")):
            if tokens:
                runs.append((run_start, run_end, tokens, False))
                tokens = []
            continue
        if not tokens:
            if _participle_opening(text, start, match.end(), word):
                continue  # "Hosting Tim Cook, the mayor …": a participle, not a first name
            run_start = start
        cleaned = _clean_token(bare)
        tokens.append(cleaned)
        run_end = match.end() if cleaned == bare else match.end() - 1
        if possessive or cleaned != bare:
            runs.append((run_start, run_end, tokens, possessive))
            tokens = []
    if tokens:
        runs.append((run_start, run_end, tokens, False))
    return runs


def _participle_opening(text: str, start: int, end: int, word: str) -> bool:
    """Whether ``word`` (at ``start``) is an ``-ing`` form opening a sentence before a capitalised
    word: ``Hosting Cook``, ``Asked about …`` are clauses, not names."""
    if not (len(word) >= 6 and word.endswith("ing") and word[1:].islower()):
        return False
    lead = text[max(0, start - 3) : start].rstrip(" \u00a0\"“‘'")
    opening = not lead or lead[-1:] in ".!?\n"
    return opening and text[end : end + 1] == " " and text[end + 1 : end + 2].isupper()


def _strip_titles(tokens: Sequence[str]) -> list[str]:
    """A name without the titles and roles in front of it: ``President Joe Biden`` → ``Joe Biden``."""
    cut = 0
    for i, token in enumerate(tokens):
        if token.lower() in _TITLES:
            cut = i + 1
    return list(tokens[cut:]) if cut else list(tokens)


_CUT = re.compile(r"[,;:!?()\n—–\x00]|\s-\s|\.(?=\s|$)")


def _cut_phrase(text: str) -> tuple[str, str, str]:
    """``text`` split at the first clause break: ``(head, separator, rest)``.

    A full stop after an initial or an abbreviation (``Thomas W. Malone``, ``Dr. Joan``) is not a break.
    """
    for match in _CUT.finditer(text):
        if match.group(0) == ".":
            start = match.start()
            word_start = start
            while word_start > 0 and text[word_start - 1].isalpha():
                word_start -= 1
            word = text[word_start:start]
            if len(word) == 1 or word.lower() in _ABBREVIATIONS:
                continue
        return text[: match.start()], match.group(0), text[match.end() :]
    return text, "", ""


def _is_proper(words: Sequence[str]) -> bool:
    """Whether a phrase is a proper name: capitalised words joined by ``of``/``and``/``the``…"""
    capitalised = 0
    for i, word in enumerate(words):
        if word[:1].isupper() or word.isdigit():  # not "14th-ranked": a modifier
            capitalised += 1
        elif not (word.lower() in _CONNECTORS and (i > 0 or word.lower() == "the")):
            return False
    return capitalised >= 2 and words[-1][:1].isupper()


def _after_preposition(phrase: str, start: int) -> bool:
    """Whether the words before ``start`` end with a preposition (``ambassador to Germany``)."""
    before = [w.lower() for w in phrase[:start].split()]
    while before and before[-1] in {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your"}:
        before.pop()
    return bool(before) and before[-1] in _PREPOSITIONS


@functools.lru_cache(maxsize=256)
def _description_pattern(head: str) -> re.Pattern[str]:
    """``spokesman Karl Brandt``, ``Karl Brandt, the ministry's spokesman``, ``spokesman, Karl Brandt,``."""
    escaped = re.escape(head)
    name = r"((?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'-]*)"
    return re.compile(
        rf"\b(?i:{escaped})\s+{name}"
        rf"|{name},\s+(?:the|a|an|its|their)\s+[^,.\x00]{{0,60}}?\b(?i:{escaped})\b"
        rf"|(?i:{escaped}),\s+{name},"
    )


def _last_before(positions: list[int], position: int) -> int:
    """The last of the sorted ``positions`` before ``position``, or -1."""
    index = bisect.bisect_left(positions, position)
    return positions[index - 1] if index else -1


_PRONOUN_WORDS = re.compile(r"\b(he|him|his|she|her|hers)\b", re.IGNORECASE)


#: Names :meth:`_NameIndex.organisation_before` looks at, from the nearest back.
_MAX_RUNS_BACK = 200


class _NameIndex:
    """The names of an article (outside its quotes): full forms, persons, genders, organisations."""

    def __init__(
        self, masked: str, verb_words: frozenset[str], speakers: Iterable[str] = (), lo: int = 0, hi: int | None = None
    ) -> None:
        self.masked = masked
        self.lo = lo
        self.hi = len(masked) if hi is None else hi
        self.runs = [(a + lo, b + lo, t, p) for a, b, t, p in _name_runs(masked[lo : self.hi], verb_words)]
        singles: set[str] = set()
        by_last: dict[str, str] = {}
        by_first: dict[str, dict[str, int]] = {}
        titled: set[str] = set()
        #: first or last word → full name → positions of its mentions (names of 2–4 words)
        self.keyed: dict[str, dict[str, list[int]]] = {}
        stripped = [(run[0], _strip_titles(run[2])) for run in self.runs]
        for (start, name), run in zip(stripped, self.runs, strict=True):
            tokens = run[2]
            if len(name) == 1:
                singles.add(name[0])
            elif 2 <= len(name) <= 4:
                joined = " ".join(name)
                self.keyed.setdefault(name[-1], {}).setdefault(joined, []).append(start)
                self.keyed.setdefault(name[0], {}).setdefault(joined, []).append(start)
                if len(name) < len(tokens):
                    titled.add(joined)
                if len(joined) > len(by_last.get(name[-1], "")):
                    by_last[name[-1]] = joined
                names = by_first.setdefault(name[0], {})
                names[joined] = names.get(joined, 0) + 1
        self.by_last = by_last
        self.by_first: dict[str, str]
        self.by_first = {}
        for first, names in by_first.items():
            ranked = sorted(names.items(), key=lambda item: -item[1])
            if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
                self.by_first[first] = ranked[0][0]
        self.people: set[str] = set()
        for joined in {*by_last.values(), *(n for names in by_first.values() for n in names)}:
            tokens = joined.split()
            if any(t.lower().strip(".") in _ORG_WORDS for t in tokens) or all(t.isupper() for t in tokens):
                continue
            spoke = any(joined.lower().endswith(" " + s.lower()) or joined == s for s in speakers)
            if joined in titled or tokens[-1] in singles or spoke or tokens[0] in speakers:
                self.people.add(joined)
        self.persons: list[tuple[int, str]] = []
        for start, name in stripped:
            if name and (name[-1] in self.keyed or name[0] in self.by_first):
                full = self.full(" ".join(name), start + 1)
                if full in self.people:
                    self.persons.append((start, full))
        self.person_starts = [start for start, _name in self.persons]
        self.run_starts = [run[0] for run in self.runs]
        self._genders: dict[str, str | None] | None = None

    def full(self, name: str, position: int | None = None) -> str:
        """The fullest form of ``name``: the longest name ending with it (``Peskov`` → ``Dmitry
        Peskov``) or, for one word, starting with it; with ``position``, the one last mentioned
        before it (two people may share a surname)."""
        tokens = name.split()
        if not tokens:
            return name
        if position is not None:
            lowered = name.lower()
            best: tuple[int, str] | None = None
            size = 0
            for joined, positions in self.keyed.get(tokens[-1], {}).items():
                pos = _last_before(positions, position)
                if pos < 0 or not joined.lower().endswith(" " + lowered):
                    continue
                length = joined.count(" ")
                if best is None or length > size or (length == size and pos > best[0]):
                    best, size = (pos, joined), length
            if best is None and len(tokens) == 1 and tokens[0] not in self.by_last:
                for joined, positions in self.keyed.get(tokens[0], {}).items():
                    pos = _last_before(positions, position)
                    fits = pos >= 0 and joined.startswith(name + " ") and (best is None or pos > best[0])
                    if fits and not any(t.lower().strip(".") in _ORG_WORDS for t in joined.split()):
                        best = (pos, joined)
            if best is not None:
                return best[1]
        candidate = self.by_last.get(tokens[-1])
        if candidate is not None and candidate.lower().endswith(name.lower()) and len(candidate) > len(name):
            return candidate
        if len(tokens) == 1 and tokens[0] in self.by_first and tokens[0] not in self.by_last:
            first = self.by_first[tokens[0]]
            if not any(t.lower().strip(".") in _ORG_WORDS for t in first.split()):
                return first
        return name

    def is_person(self, name: str) -> bool:
        return name in self.people

    def gender(self, name: str) -> str | None:
        """``"m"``/``"f"`` from the pronouns of the sentences where the person is the subject."""
        if self._genders is None:
            counts: dict[str, list[int]] = {}
            subject: str | None = None
            persons = self.persons
            k = 0
            position = self.lo
            for match in _SENTENCE_END.finditer(self.masked[: self.hi] + " ", self.lo):
                end = match.end()
                first: str | None = None
                while k < len(persons) and persons[k][0] < end:
                    if first is None:
                        first = persons[k][1]
                    k += 1
                if first is not None:
                    subject = first
                if subject is not None:
                    tally = counts.setdefault(subject, [0, 0])
                    for pronoun in _PRONOUN_WORDS.finditer(self.masked, position, end):
                        tally[0 if pronoun.group(1).lower() in {"he", "him", "his"} else 1] += 1
                position = end
            self._genders = {n: ("m" if m > f else "f" if f > m else None) for n, (m, f) in counts.items()}
        return self._genders.get(name)

    def person_like_before(self, position: int, floor: int) -> str | None:
        """The nearest name of two or three plain words before ``position`` (for ``he``/``she``
        when the text has shown nobody to be a person): no organisation word, no possessive."""
        end = bisect.bisect_left(self.run_starts, position)
        for start, _end, tokens, possessive in reversed(self.runs[max(0, end - _MAX_RUNS_BACK) : end]):
            if start < floor:
                break
            name = _strip_titles(tokens)
            if possessive or not 2 <= len(name) <= 3:
                continue
            if all(t[:1].isupper() and t[1:].islower() and t.isalpha() for t in name) and not any(
                t.lower() in _ORG_WORDS for t in name
            ):
                return self.full(" ".join(name), start + 1)
        return None

    def organisation_before(self, position: int, floor: int) -> str | None:
        """The nearest organisation opening a sentence before ``position`` (for ``it``), among
        the :data:`_MAX_RUNS_BACK` names nearest."""
        end = bisect.bisect_left(self.run_starts, position)
        for start, _end, tokens, possessive in reversed(self.runs[max(0, end - _MAX_RUNS_BACK) : end]):
            if start < floor:
                break
            name = " ".join(tokens)
            if possessive or self.full(name) in self.people:
                continue
            lead = self.masked[max(0, start - 6) : start]
            opening = lead.rstrip().endswith((".", "\n")) or not lead.strip() or lead.endswith(("The ", "the "))
            if opening and len(tokens) >= 2:
                return ("the " + name) if lead.endswith(("The ", "the ")) else name
        return None
