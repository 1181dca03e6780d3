"""Pass 3: quote marks that hold no speech (scare quotes, titles, labels, pull quotes) are dropped."""

from __future__ import annotations

from collections.abc import Sequence

from .attribution import _Attribution
from .marks import _Raw
from .words import (
    _DESCRIBING,
    _DETERMINER_WORDS,
    _FIRST_SECOND,
    _FUNCTION_WORDS,
    _LABELS,
    _PREPOSITIONS,
    _SIGN_READS,
    _wordset,
)

_SMALL_WORDS = _wordset("a an the of and or in on at to for with by from is are as vs nor but")


def _title_case(words: Sequence[str]) -> bool:
    """Whether every significant word is capitalised (a title, a slogan, a name)."""
    if len(words) > 10:
        return False
    significant = [w.strip("\"“”‘’'(),.:;!?-") for w in words]
    significant = [w for w in significant if w and w[0].isalpha() and w.lower() not in _SMALL_WORDS]
    if not significant:
        return False
    if len(significant) == 1 and len(words) <= 2:
        return significant[0][0].isupper() and words[-1][-1:] not in ".!?,"
    end = words[-1][-1:]
    return all(w[0].isupper() for w in significant) and end not in "!?," and (end != "." or len(words) <= 6)


_CLAUSE_WORDS = _wordset(
    """i we you he she they it me us him them my our your his their its i'm we're you're it's
    is are was were be been being am will would can could should must may might shall have has had
    do does did not don't can't won't isn't wasn't didn't doesn't aren't"""
)


def _clause(words: Sequence[str]) -> bool:
    """Whether quoted words read as a clause someone said (a pronoun, an auxiliary, a negation),
    not a noun phrase the writer borrows (``conspiracy to commit wire fraud``); not a question."""
    if words[-1].rstrip("\"”’'")[-1:] == "?":
        return False
    return any(w.strip(".,;:!?\"“”‘’'()").replace("’", "'").lower() in _CLAUSE_WORDS for w in words)


#: Whole-text searches for a paragraph repeating a quote (a pull quote), at most, per article.
_MAX_REPEAT_SEARCHES = 32


class _Filter(_Attribution):
    """Pass 3: ``raw.keep`` cleared on quote marks that hold no speech."""

    def filter(self) -> None:
        self._repeat_searches = 0
        text = self.text
        seen: dict[str, int] = {}
        for raw in self.raws:
            seen_key = " ".join(text[raw.start : raw.end].split()).strip(" .,").lower()
            seen[seen_key] = seen.get(seen_key, 0) + 1
        previous_kept: _Raw | None = None
        for index, raw in enumerate(self.raws):
            following = self.raws[index + 1] if index + 1 < len(self.raws) else None
            if following is not None and (following.paragraph != raw.last_paragraph or not following.direct):
                following = None
            self._judge(raw, seen, previous_kept, following)
            if raw.keep:
                previous_kept = raw

    def _repeated(self, key: str) -> bool:
        """Whether ``key`` occurs twice in the text; each answer reads the whole text, so after
        :data:`_MAX_REPEAT_SEARCHES` of them a page is taken to have no more pull quotes."""
        self._repeat_searches += 1
        return self._repeat_searches <= _MAX_REPEAT_SEARCHES and self.lowered().count(key) > 1

    def lowered(self) -> str:
        if self._lowered is None:
            self._lowered = self.text.lower()
        return self._lowered

    def _judge(self, raw: _Raw, seen: dict[str, int], previous: _Raw | None, following: _Raw | None) -> None:
        text = self.text
        content = text[raw.start : raw.end]
        words = content.split()
        count = len(words)
        if raw.opener == raw.start and raw.closer == raw.end:
            return  # a block quotation
        p_start = self.starts[raw.paragraph]
        left = text[max(p_start, raw.opener - 40) : raw.opener]
        close = raw.closer if raw.closer is not None else raw.end
        right = text[close + 1 : close + 30]
        if raw.speaker is not None and raw.speaker[:1] == "\x01" and raw.speaker[1:] in _FIRST_SECOND:
            raw.keep = False  # the writer's own or a hypothetical voice: "we were told", "you will say"
            return
        # a label, a title or a name in quote marks
        label = _LABELS.search(left.lower())
        if label is not None and not (raw.direct and count >= 6):
            describing = label.group(0).split()[0] in _DESCRIBING and content[:1].islower()
            # "in its annual report: "Traffic fell by a third."": a sentence the document says
            cited = left.rstrip().endswith(":") and content[:1].isupper() and count >= 3 and not _title_case(words)
            if not (describing or cited):
                raw.keep = False
                return
        if (
            count <= 3
            and left.endswith(" ")
            and right.startswith(" ")
            and left.rstrip()[-1:].isalpha()
            and left.rstrip().split()[-1][:1].isupper()
            and right.strip()[:1].isupper()
            and not raw.direct
        ):
            raw.keep = False  # a nickname: Dwayne "The Rock" Johnson
            return
        if raw.closer is None and count < 4:
            raw.keep = False
            return
        whole = p_start + len(self.paragraphs[raw.paragraph]) <= close + 1 and raw.opener == p_start
        if whole and raw.speaker is None and count <= 20:
            key = " ".join(content.split()).strip(" .,").lower()
            if seen.get(key, 0) == 1 and self._repeated(key):
                raw.keep = False  # a subhead or pull quote repeating a quote in the body
                return
        if _title_case(words) and not (raw.direct and content.rstrip()[-1:] in ",!?"):
            raw.keep = False  # a title, a name or a slogan
            return
        if _SIGN_READS.match(right):
            raw.keep = False  # a sign or a label: "…," reads one
            return
        if raw.direct and raw.speaker is not None:
            return
        if raw.cue is not None or raw.sibling:
            return  # governed by a verb of saying in its sentence: "said the plan was "reckless""
        left_word = left.rstrip().split()[-1].lower() if left.strip() else ""
        if count <= 6 and left_word in _DETERMINER_WORDS and not raw.direct and (raw.cue is None or count < 3):
            raw.keep = False  # a term: the "safety net", a "fresh, wild-caught fillet"
            return
        next_word = right.split()[0].strip(".,;:!?)") if right[:1] == " " and right.split() else ""
        modifier = next_word.isalpha() and next_word.islower() and next_word not in _FUNCTION_WORDS
        if (
            count <= 2
            and not raw.direct
            and modifier
            and (left_word in _PREPOSITIONS or left_word in _DETERMINER_WORDS)
        ):
            raw.keep = False  # a modifier: labels with "natural" claims
            return
        if raw.sibling:
            return
        if raw.cue is not None:
            return  # governed by a verb of saying in its sentence: "said the plan was "reckless""
        sentence_like = content[:1].isupper() or content[:1] in "[(…." or not content[:1].isalpha()
        after_colon = left.rstrip().endswith(":")
        continuing = (
            previous is not None and previous.speaker is not None and previous.paragraph >= raw.paragraph - 1
        ) or (following is not None and sentence_like)
        if count <= 2:
            raw.keep = False
        elif (
            not sentence_like
            and not after_colon
            and not (continuing and previous is not None and previous.paragraph == raw.paragraph)
        ):
            if _clause(words):
                # a clause someone said, its verb of saying out of reach ("Lima worried that the
                # pier was "a danger to every boat""): the sentence's subject, if it names one
                _, s_start, _, _ = self._sentence_bounds(raw)
                raw.speaker = self._sentence_subject(self.masked[s_start : raw.opener])
            else:
                raw.keep = False  # an unattributed phrase in the middle of a sentence
        elif count <= 4 and not after_colon and not continuing:
            raw.keep = False
