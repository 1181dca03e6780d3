"""Direct quotations and who said them, in pure Python (no models, no downloads).

:func:`extract_quotes` reads a body whose paragraphs are separated by a blank line (exactly
:attr:`articlekit.Article.text`) and returns :class:`~articlekit.Quote` objects whose spans slice
that text. The work runs in four passes, each linear in the length of the text:

1. **Marks.** Quote marks are paired paragraph by paragraph: curly and straight double quotes
   (also mixed, a straight opener closed by a curly one), ``’’`` and ``''`` as closers,
   ``« »``, ``„ “``/``„ ”``, and single quotes ``‘ ’`` as the outer marks when no double quote
   is open. Single quotes inside a double quote are nested and never end it; ``’`` followed by a
   letter is an apostrophe. A paragraph that ends inside a quote and a next paragraph that opens
   with a quote mark form one multi-paragraph quote. An unpaired mark ends at its paragraph: it
   never spoils the rest of the article.
2. **Attribution.** Around each quote, inside its sentence: ``"…," X said`` and the inverted
   ``"…," said X, senior fellow at …``; ``X said: "…"``/``X told reporters, "…"``; an appositive
   between name and verb (``X, the Kremlin's spokesman, said``); ``according to X``; a partial
   quote in the middle of a sentence whose verb is elsewhere in it (``X said he was "very
   moved"``). The verbs are :data:`REPORTING_VERBS` plus any a plugin registers
   (:func:`articlekit.hookspecs.articlekit_reporting_verbs`).
3. **Filter.** Quote marks that do not hold speech are dropped: scare quotes (one or two words
   with no reporting verb at hand), titles of works and slogans (title case, or after
   ``titled``/``called``/``dubbed``…), nicknames between a first and a last name, and a
   paragraph that only repeats a quote found elsewhere (a pull quote or subhead).
4. **Speakers.** A name becomes the fullest form the text gives (``Peskov`` → ``Dmitry
   Peskov``), with titles (``President``, ``CEO``) dropped; ``he``/``she`` become the person the
   nearest preceding sentence names first; ``they`` the last organisational speaker; ``the
   spokesman`` the person the text earlier calls spokesman, else the description as written.
   A quote with no cue of its own continues the previous speaker when it follows in the same
   paragraph or opens the next one. Unknown is ``None``, never a bare pronoun.

>>> from articlekit.extract.quotes import extract_quotes
>>> text = "Mayor Ana Lima spoke at noon.\\n\\n“We will rebuild,” Lima said. “All of it.”"
>>> [(q.text, q.speaker, q.cue) for q in extract_quotes(text)]
[('We will rebuild,', 'Ana Lima', 'said'), ('All of it.', 'Ana Lima', None)]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable, Sequence

import attrs

from ..models import Quote, Span

__all__ = ["REPORTING_VERBS", "extract_quotes"]


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Reporting verbs and phrases, in the form that follows a speaker (``X said``, ``X told
#: reporters``). Multi-word cues win over their first word (``told reporters`` over ``told``).
#: Extend it per call with ``extract_quotes(text, extra_verbs=...)`` or, for every parse, from a
#: plugin implementing :func:`~articlekit.hookspecs.articlekit_reporting_verbs`.
REPORTING_VERBS: tuple[str, ...] = (
    # say, tell and write
    "said", "says", "say", "saying", "told reporters", "told journalists", "told the", "told",
    "tells", "telling", "wrote", "writes", "writing", "tweeted", "tweets", "posted", "posts",
    "texted", "emailed", "blogged", "messaged",
    # adding and going on
    "added", "adds", "adding", "continued", "continues", "went on", "goes on", "concluded",
    "concludes", "reiterated", "repeated", "recalled", "recalls", "recounted",
    # answering
    "responded", "responds", "replied", "replies", "answered", "answers", "countered",
    "counters", "retorted", "shot back", "fired back",
    # explaining and stating
    "explained", "explains", "explaining", "noted", "notes", "noting", "stated", "states",
    "remarked", "remarks", "observed", "observes", "commented", "comments", "described",
    "pointed out", "points out", "put it", "puts it", "summed up", "mused", "reflected",
    "reflects", "testified", "declared", "declares", "announced", "announces", "revealed",
    "confirmed", "confirms", "reported", "reports", "shared", "told us", "told me",
    # arguing, asserting, conceding
    "argued", "argues", "insisted", "insists", "claimed", "claims", "contended", "contends",
    "maintained", "maintains", "asserted", "asserts", "alleged", "alleges", "stressed",
    "stresses", "emphasized", "emphasised", "emphasizes", "emphasises", "acknowledged",
    "acknowledges", "admitted", "admits", "conceded", "concedes", "agreed", "agrees", "denied",
    "suggested", "suggests", "predicted", "predicts", "promised", "vowed", "vows", "pledged",
    "assured", "boasted", "bragged",
    # warning, urging, asking
    "warned", "warns", "cautioned", "urged", "urges", "pleaded", "begged", "demanded",
    "demands", "asked", "asks", "wondered", "wonders", "questioned",
    # manner of speaking
    "joked", "jokes", "quipped", "laughed", "sighed", "shouted", "yelled", "screamed",
    "exclaimed", "whispered", "muttered", "cried", "complained", "complains", "lamented",
    "laments", "conceded", "gushed", "raved", "chimed in", "interjected",
    # "according to" is handled on its own: its speaker follows it
    "according to",
)  # fmt: skip

#: Words before an opening mark that make the quoted words a name, a label or a title, not speech.
_LABELS = re.compile(
    r"(?:\b(?:called|calls|calling|dubbed|dubs|titled|entitled|named|nicknamed|known as|so-called|"
    r"term|terms|termed|word|words|phrase|phrases|slogan|motto|headline|headlined|labell?ed|branded|"
    r"hashtag|film|movie|book|novel|song|album|single|series|show|program|programme|podcast|episode|"
    r"article|essay|poem|play|column|report|campaign|brand|label|tagline|banner|sign|signs|"
    r"reads?|read|marked|meaning|as in|like|such as|spelled|spelt|pronounced|code-?named|codenamed)"
    r"(?:\s+(?:it|him|her|them|this|that|the|a|an|his|her|their|its|as))?\s*[,:]?\s*)$",
    re.IGNORECASE,
)
_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "it", "him", "her", "them", "one", "who"})
_PERSONAL = frozenset({"he", "she"})
#: Titles and roles dropped from the front of a name (``President Joe Biden`` → ``Joe Biden``).
_TITLES = _wordset(
    """president vice prime minister secretary chancellor senator sen sen. rep rep. representative
    gov gov. governor mayor judge justice chief ceo cfo coo cto chair chairman chairwoman chairperson
    director general gen gen. col col. lt lt. sgt sgt. capt capt. captain commander admiral adm adm.
    dr dr. doctor prof prof. professor mr mr. mrs mrs. ms ms. miss mx sir dame lord lady king queen
    prince princess pope rev rev. reverend father sister brother rabbi imam sheikh ambassador
    spokesman spokeswoman spokesperson coach officer detective inspector sheriff attorney lawyer
    deputy assistant acting former founder co-founder cofounder editor leader speaker premier
    commissioner councillor councilman councilwoman councilmember superintendent principal
    minister's st st. saint"""
)
#: Capitalised words that start sentences or name days and months, not people.
_STOP_CAPS = _wordset(
    """the a an in on at after before but and or when while as if so then this that these those
    there here it its his her their our my your we i he she they you however meanwhile yet also
    although though because since until unless for from with without by to of into during under
    over about last next this monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december today yesterday
    tomorrow earlier later now still even only just some many most more all both each every no not
    according asked speaking writing in an instead despite thanks what why how who where which
    mr mrs ms dr"""
)
_PARTICLES = frozenset(
    {
        "de",
        "van",
        "von",
        "der",
        "den",
        "bin",
        "al",
        "el",
        "la",
        "le",
        "da",
        "di",
        "du",
        "del",
        "dos",
        "das",
        "ter",
        "ten",
        "y",
        "ibn",
        "abu",
        "st.",
    }
)
_PREPOSITIONS = _wordset("to of at for in from with by on about against toward towards into over under near across")
_LEADING_JUNK = _wordset("and but then so while as also yet or now later earlier meanwhile however still instead when")
_TRAILING_ADVERBS = _wordset(
    """also later then again once previously recently further earlier simply just has have had was
    is will would could did does do had already quickly promptly repeatedly publicly privately
    bluntly angrily flatly tersely last first never often once only reportedly"""
)
_DETERMINERS = ("the ", "a ", "an ", "one ", "another ", "two ", "three ", "several ", "many ", "some ")

_DOUBLE_OPEN = "“„‟«〝"
_DOUBLE_CLOSE = "”»〞"
_MARKS = re.compile("[\"“”„‟«»〝〞‘’‚'`]")
_OPEN_BEFORE = set(" \t\u00a0([{—–-/\u2014\u2013")
_WORD = re.compile(r"[^\W\d_][\w’'.\-]*")
_ABBREVIATIONS = _wordset(
    "mr mrs ms dr st jr sr gen sen rep gov prof lt col sgt capt adm rev no vs etc inc co corp ltd u.s u.k"
)
_INTRODUCING = re.compile(r"\b(?:that|saying|as saying)\s*$")
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’»)]*\s+")
#: Work bounds: text this far around a quote is searched for its attribution.
_WINDOW = 300
_MAX_SUBJECT_WORDS = 10
_MASK = "\x00"


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
    keep: bool = True


@functools.lru_cache(maxsize=32)
def _cue_pattern(verbs: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted({v.strip().lower() for v in verbs if v.strip()}, key=lambda v: (-len(v), v))
    body = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in ordered)
    return re.compile(rf"(?<![\w’'-])(?:{body})(?![\w’'-])", re.IGNORECASE)


@functools.lru_cache(maxsize=32)
def _verb_words(verbs: tuple[str, ...]) -> frozenset[str]:
    return frozenset(v.strip().lower().split()[0] for v in verbs if v.strip())


def extract_quotes(
    text: str, *, extra_verbs: Iterable[str] = (), quoted_paragraphs: Collection[int] = ()
) -> tuple[Quote, ...]:
    """Direct quotations in ``text`` (paragraphs separated by ``"\\n\\n"``), in text order.

    :param text: the body, e.g. :attr:`articlekit.Article.text`.
    :param extra_verbs: reporting verbs or phrases besides :data:`REPORTING_VERBS`.
    :param quoted_paragraphs: indices of paragraphs that are quotations as a whole although they
        carry no quote marks (an HTML ``<blockquote>``).
    :returns: quotes whose spans slice ``text`` exactly, ordered and non-overlapping.
    """
    if not text:
        return ()
    verbs = tuple(dict.fromkeys((*REPORTING_VERBS, *extra_verbs)))
    return _Extractor(text, verbs, frozenset(quoted_paragraphs)).run()


class _Extractor:
    def __init__(self, text: str, verbs: tuple[str, ...], blocks: frozenset[int]) -> None:
        self.text = text
        self.cues = _cue_pattern(verbs)
        self.verb_words = _verb_words(verbs)
        self.paragraphs = text.split("\n\n")
        self.starts: list[int] = []
        offset = 0
        for paragraph in self.paragraphs:
            self.starts.append(offset)
            offset += len(paragraph) + 2
        self.blocks = blocks
        self.raws: list[_Raw] = []
        self.masked = ""
        self._mentions: list[tuple[int, str]] | None = None
        self._full: dict[str, str] | None = None

    # -- 1. marks ---------------------------------------------------------------------------

    def run(self) -> tuple[Quote, ...]:
        self.pair_marks()
        if not self.raws:
            return ()
        self.mask()
        for index, raw in enumerate(self.raws):
            self.attribute(index, raw)
        self.filter()
        self.resolve()
        return tuple(
            Quote(
                text=self.text[r.start : r.end],
                span=Span(r.start, r.end),
                paragraph=r.paragraph,
                speaker=r.speaker,
                cue=r.cue,
            )
            for r in self.raws
            if r.keep
        )

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
            carry = self._pair_paragraph(paragraph, base, index, carry)
        if carry is not None:
            self._add_unclosed(carry, len(self.paragraphs) - 1)

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
        for match in _MARKS.finditer(paragraph):
            i = match.start()
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
            opener_context = (prev in _OPEN_BEFORE or prev in _DOUBLE_OPEN or prev in "‘") and not nxt.isspace()
            if mark in "’'`‘" and nxt == mark and mark in "’'":
                # ’’ or '' : a double closing mark
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
                    if mark == '"' and opener_context and prev.isspace() and open_char == '"' and nxt.isalpha():
                        # two openers in a row: the first was unpaired
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
                if i > 0 and not prev.isspace():
                    self._append(open_at, base + i, first, open_at - 1, base + i, index)
                    kind = None
            elif mark == "‘" and prev.isspace() and nxt.isalpha() and base + i - open_at > 200:
                self._append(open_at, base + i, first, open_at - 1, None, index)
                open_at, first = base + i + 1, index
        if kind is None:
            return None
        return (open_at, first, kind)

    # -- 2. attribution ------------------------------------------------------------------------

    def mask(self) -> None:
        """The text with quote contents blanked (end punctuation kept), for cue and name search."""
        chars = list(self.text)
        for raw in self.raws:
            end = raw.end
            if end > raw.start and self.text[end - 1] in ".!?…":
                end -= 1
            for k in range(raw.start, end):
                if chars[k] != "\n":
                    chars[k] = _MASK
        self.masked = "".join(chars)

    def _sentence_bounds(self, raw: _Raw) -> tuple[int, int, int, int]:
        """(paragraph start, sentence start, sentence end, paragraph end) around ``raw``."""
        p_start = self.starts[raw.paragraph]
        p_end = self.starts[raw.last_paragraph] + len(self.paragraphs[raw.last_paragraph])
        masked = self.masked
        lo = max(p_start, raw.opener - _WINDOW)
        s_start = lo if lo > p_start else p_start
        for match in _SENTENCE_END.finditer(masked, lo, raw.opener if raw.opener >= lo else lo):
            if self._is_boundary(match):
                s_start = match.end()
        close = raw.closer if raw.closer is not None else raw.end
        hi = min(p_end, close + _WINDOW)
        s_end = hi
        for match in _SENTENCE_END.finditer(masked, close + 1 if close < hi else hi, hi):
            if self._is_boundary(match):
                s_end = match.start() + 1
                break
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
        if raw.opener == raw.start and raw.closer == raw.end and index < len(self.raws):
            # a block quotation: look for "X wrote:" ending the paragraph before it
            if raw.paragraph > 0:
                before = self.masked[self.starts[raw.paragraph - 1] : self.starts[raw.paragraph] - 2].rstrip()
                if before.endswith(":"):
                    self._from_before(raw, before[-_WINDOW:], direct=True)
            return
        _p_start, s_start, s_end, _p_end = self._sentence_bounds(raw)
        prev_close = -1
        if index > 0:
            previous = self.raws[index - 1]
            prev_close = (previous.closer if previous.closer is not None else previous.end) + 1
        next_open = self.raws[index + 1].opener if index + 1 < len(self.raws) else len(self.text)
        left = max(s_start, prev_close)
        before = self.masked[left : raw.opener] if raw.opener >= left else ""
        close = (raw.closer + 1) if raw.closer is not None else raw.end
        after = self.masked[close : min(s_end, next_open)] if close < min(s_end, next_open) else ""
        content = self.text[raw.start : raw.end]
        tail = content.rstrip()[-1:] if content.strip() else ""
        after_stripped = after.strip()
        before_stripped = before.rstrip()
        # "…," X said / "…?" asked X / "…" — X said
        attached = tail in ",!?—–-…" or after_stripped[:1] in {",", "—", "–", "-", "("} or after_stripped[:1].islower()
        if after_stripped and attached and self._from_after(raw, after, direct=True):
            return
        # X said: "…" / X told reporters, "…" / according to X, "…"
        introduced = before_stripped.endswith((":", ",", "—", "–")) or _INTRODUCING.search(before) is not None
        if introduced and self._from_before(raw, before, direct=True):
            return
        # a partial quote: the cue is elsewhere in the sentence
        sentence_before = self.masked[s_start : raw.opener] if raw.opener > s_start else ""
        if self._from_before(raw, sentence_before, direct=False):
            return
        if after_stripped:
            self._from_after(raw, after, direct=False)

    def _from_after(self, raw: _Raw, after: str, *, direct: bool) -> bool:
        match = self.cues.search(after, 0, 160)
        if match is None:
            return False
        cue = " ".join(match.group(0).split())
        lead = after[: match.start()]
        if _MASK in lead or len(lead.split()) > _MAX_SUBJECT_WORDS + 2:
            return False
        if cue.lower() == "according to":
            speaker = self._object_phrase(after[match.end() :])
            if speaker is None:
                return False
            raw.speaker, raw.cue, raw.direct = speaker, cue, direct
            return True
        subject = lead.strip(" ,—–-(\u00a0")
        speaker = self._subject_phrase(lead) if subject else self._object_phrase(after[match.end() :])
        if speaker is None and not subject:
            return False
        raw.speaker, raw.cue, raw.direct = speaker, cue, direct
        return True

    def _from_before(self, raw: _Raw, before: str, *, direct: bool) -> bool:
        found = None
        for match in self.cues.finditer(before):
            if _MASK in before[match.end() :] and not direct:
                continue
            found = match
        if found is None:
            return False
        cue = " ".join(found.group(0).split())
        gap = before[found.end() :]
        if not direct and len(gap.split()) > 12:
            return False
        if cue.lower() == "according to":
            speaker = self._object_phrase(gap)
            raw.speaker, raw.cue, raw.direct = speaker, cue, direct
            return speaker is not None
        lead = before[: found.start()]
        if cue.lower() in {"saying", "telling", "writing", "adding", "noting", "explaining"}:
            # "X responded on Twitter, saying, …": the subject is that of the main verb
            main = None
            for match in self.cues.finditer(lead):
                main = match
            if main is not None:
                cue = " ".join(main.group(0).split())
                lead = lead[: main.start()]
        if _MASK in lead:
            lead = lead[lead.rfind(_MASK) + 1 :]
            lead = lead.lstrip("\"”’»' ,")
        subject = lead.strip(" ,—–-(")
        # inverted when nothing precedes the verb: "said X: …"
        speaker = self._subject_phrase(lead) if subject else self._object_phrase(gap)
        if speaker is None and not subject:
            return False
        raw.speaker, raw.cue, raw.direct = speaker, cue, direct
        return True

    # -- phrases to speakers -------------------------------------------------------------------

    def _object_phrase(self, text: str) -> str | None:
        """The speaker after an inverted verb or ``according to``: up to the first comma."""
        phrase = re.split(r"[,.;:!?()\n—–]|\s-\s", text.lstrip(" \u00a0"), maxsplit=1)[0]
        words = phrase.split()
        if not words or len(words) > _MAX_SUBJECT_WORDS or _MASK in phrase:
            return None
        return self._speaker_from(" ".join(words))

    def _subject_phrase(self, text: str) -> str | None:
        """The speaker before a verb: the last clause, an appositive set off by commas dropped."""
        phrase = text.rstrip(" \u00a0")
        appositive = ""
        if phrase.endswith((",", ")")):
            closing = phrase[-1]
            body = phrase[:-1]
            cut = body.rfind("," if closing == "," else "(")
            if cut > 0:
                appositive = body[cut + 1 :].strip()
                phrase = body[:cut]
        chunk = re.split(r"[,;:!?()\n—–\"“”]|\s-\s", phrase)[-1]
        words = chunk.split()
        while words and words[0].lower() in _LEADING_JUNK:
            words.pop(0)
        while words and words[-1].lower() in _TRAILING_ADVERBS:
            words.pop()
        if not words:
            return self._speaker_from(appositive) if appositive else None
        if len(words) > _MAX_SUBJECT_WORDS:
            # not a plain subject: only a name right before the verb can be trusted
            words = words[-4:]
            if not all(w[:1].isupper() for w in words[-2:]):
                return None
        speaker = self._speaker_from(" ".join(words))
        if speaker is not None and appositive and speaker[:1].islower() and not speaker.startswith("the "):
            better = self._speaker_from(appositive)
            return better or speaker
        return speaker

    def _speaker_from(self, phrase: str) -> str | None:
        """A subject phrase as the speaker: a pronoun is marked for later resolution."""
        phrase = phrase.strip(" \u00a0.,'\"’”")
        if not phrase:
            return None
        lower = phrase.lower()
        if lower in _PRONOUNS:
            return "\x01" + lower  # resolved in pass 4
        if lower.split()[0] in {"who", "which", "that", "it", "this", "there", "what"}:
            return None
        runs = _name_runs(phrase, self.verb_words)
        if runs:
            start, end, tokens, possessive = runs[-1]
            rest = phrase[end:].strip()
            before = phrase[:start].split()
            after_prep = bool(before) and before[-1].lower() in _PREPOSITIONS
            if not rest and not possessive and not after_prep:
                name = _strip_titles(tokens)
                if name:
                    if before and before[-1].lower() == "the" and len(before) == 1:
                        return "the " + " ".join(tokens)
                    if before and before[-1].lower() == "the" and len(tokens) == 1:
                        return phrase[phrase.lower().rfind("the ") :]
                    return "\x02" + " ".join(name)  # a name: made full in pass 4
        if lower.startswith(_DETERMINERS) and len(phrase.split()) <= 5:
            return "\x03" + phrase  # a description: maybe resolved in pass 4
        if len(phrase.split()) > 8:
            return None
        if phrase[:1].islower() and len(phrase.split()) == 1:
            # a bare noun: "officials", "police", "critics"
            return phrase if phrase.isalpha() else None
        return phrase

    # -- 3. filter -------------------------------------------------------------------------

    def filter(self) -> None:
        text = self.text
        seen: dict[str, int] = {}
        for raw in self.raws:
            seen_key = " ".join(text[raw.start : raw.end].split()).strip(" .,").lower()
            seen[seen_key] = seen.get(seen_key, 0) + 1
        for raw in self.raws:
            content = text[raw.start : raw.end]
            words = content.split()
            count = len(words)
            if raw.opener == raw.start and raw.closer == raw.end:
                continue  # a block quotation
            p_start = self.starts[raw.paragraph]
            left = text[max(p_start, raw.opener - 40) : raw.opener]
            close = raw.closer if raw.closer is not None else raw.end
            right = text[close + 1 : close + 30]
            # a label, a title or a name in quote marks
            if _LABELS.search(left) and not (raw.direct and count >= 6):
                raw.keep = False
                continue
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
                continue
            if raw.closer is None and count < 4:
                raw.keep = False
                continue
            whole = p_start + len(self.paragraphs[raw.paragraph]) <= close + 1 and raw.opener == p_start
            if whole and raw.speaker is None and count <= 20:
                key = " ".join(content.split()).strip(" .,").lower()
                if self.text.lower().count(key) > 1 and seen.get(key, 0) == 1:
                    raw.keep = False  # a subhead or pull quote repeating a quote in the body
                    continue
            if raw.direct and raw.speaker is not None:
                continue
            if _title_case(words) and not (raw.direct and content.rstrip()[-1:] in ",.!?"):
                raw.keep = False
                continue
            sentence_like = content[:1].isupper() and content.rstrip()[-1:] in ".!?…,"
            if raw.cue is not None:
                if count <= 2 and not raw.direct:
                    gap = self.masked[max(p_start, raw.opener - 60) : raw.opener]
                    match = None
                    for found in self.cues.finditer(gap):
                        match = found
                    if match is None or len(gap[match.end() :].split()) > 5:
                        raw.keep = False
                continue
            if count <= 2 or (count <= 4 and not sentence_like and not left.rstrip().endswith(":")):
                raw.keep = False

    # -- 4. speakers ---------------------------------------------------------------------------

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

    def _continuation(self, index: int, kept: Sequence[_Raw], previous: _Raw | None) -> str | None:
        raw = kept[index]
        if previous is not None and previous.last_paragraph == raw.paragraph:
            return previous.speaker
        # a later quote in the same paragraph that is attributed: "…" "…," she said.
        for later in kept[index + 1 : index + 3]:
            if later.paragraph != raw.paragraph:
                break
            if later.cue is not None and later.speaker is not None and later.speaker[:1] not in "\x01\x02\x03":
                return later.speaker
            if later.cue is not None and later.speaker is not None:
                return self._resolve_speaker(later.speaker, later)
        if previous is not None and previous.last_paragraph == raw.paragraph - 1:
            lead = self.masked[self.starts[raw.paragraph] : raw.opener].strip()
            if not lead:
                return previous.speaker
        return None

    def _resolve_speaker(self, speaker: str, raw: _Raw) -> str | None:
        tag = speaker[:1]
        if tag == "\x01":
            return self._resolve_pronoun(speaker[1:], raw)
        if tag == "\x02":
            return self._full_name(speaker[1:])
        if tag == "\x03":
            return self._resolve_description(speaker[1:], raw.opener)
        return speaker

    def mentions(self) -> list[tuple[int, str]]:
        """Person names outside quotes, in text order, each as its fullest form."""
        if self._mentions is None:
            found: list[tuple[int, str]] = []
            full = self.full_names()
            for start, _end, tokens, _poss in _name_runs(self.masked, self.verb_words):
                name = _strip_titles(tokens)
                if not name:
                    continue
                joined = " ".join(name)
                if len(name) >= 2:
                    found.append((start, full.get(name[-1], joined)))
                elif name[0] in full and " " in full[name[0]]:
                    found.append((start, full[name[0]]))
            self._mentions = found
        return self._mentions

    def full_names(self) -> dict[str, str]:
        """Surname → the longest name (2–4 words, titles dropped) that ends with it."""
        if self._full is None:
            full: dict[str, str] = {}
            for _start, _end, tokens, _poss in _name_runs(self.text, self.verb_words):
                name = _strip_titles(tokens)
                if 2 <= len(name) <= 4:
                    joined = " ".join(name)
                    last = name[-1]
                    if len(joined) > len(full.get(last, "")):
                        full[last] = joined
            self._full = full
        return self._full

    def _full_name(self, name: str) -> str:
        full = self.full_names()
        tokens = name.split()
        candidate = full.get(tokens[-1])
        if candidate is not None and candidate.endswith(name) and len(candidate) > len(name):
            return candidate
        return name

    def _resolve_pronoun(self, pronoun: str, raw: _Raw) -> str | None:
        if pronoun in _PERSONAL:
            position = raw.opener
            mentions = self.mentions()
            # the nearest earlier sentence that names a person: its first name
            p_floor = self.starts[max(0, raw.paragraph - 2)]
            candidates = [(pos, name) for pos, name in mentions if p_floor <= pos < position]
            if not candidates:
                return None
            last_pos = candidates[-1][0]
            sentence_start = self._sentence_start(last_pos)
            for pos, name in candidates:
                if pos >= sentence_start:
                    return name
            return candidates[-1][1]
        if pronoun == "they":
            for other in reversed(self.raws):
                if other.opener >= raw.opener or not other.keep or other.speaker is None:
                    continue
                if other.paragraph < raw.paragraph - 3:
                    break
                if other.speaker[:1] not in "\x01\x02\x03" and " " not in other.speaker.strip():
                    return other.speaker
                if other.speaker[:1] not in "\x01\x02\x03" and other.speaker[:1].islower():
                    return other.speaker
            return None
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
        words = phrase.split()
        head = words[-1].lower().strip(".,")
        if words[0].lower() == "the" and len(words) <= 4 and head.isalpha():
            earlier = self.masked[max(0, position - 5000) : position]
            pattern = re.compile(
                rf"\b{re.escape(head)}\s+((?:[A-Z][\w’'.-]*\s+){{0,2}}[A-Z][\w’'-]*)"
                rf"|((?:[A-Z][\w’'.-]*\s+){{0,2}}[A-Z][\w’'-]*),\s+(?:the|a|an)\s+[^,.\x00]{{0,60}}?\b{re.escape(head)}\b",
            )
            best = None
            for match in pattern.finditer(earlier):
                best = match
            if best is not None:
                tokens = (best.group(1) or best.group(2)).split()
                name = _strip_titles(tokens)
                if name and name[0].lower() not in _STOP_CAPS:
                    return self._full_name(" ".join(name))
        return phrase


# -- helpers ---------------------------------------------------------------------------------


def _clean_token(word: str) -> str:
    if word.endswith(".") and len(word) > 2 and word.lower().rstrip(".") not in _ABBREVIATIONS and word.count(".") == 1:
        return word[:-1]
    return word


def _name_runs(text: str, verb_words: frozenset[str]) -> list[tuple[int, int, list[str], bool]]:
    """Runs of capitalised words: ``(start, end, tokens, possessive)``.

    A run breaks at anything but a single space (or a name particle such as ``de``/``van``),
    at a reporting verb, and after a possessive (``Ukraine’s``). Sentence openers, days and
    months (:data:`_STOP_CAPS`) are not names.
    """
    runs: list[tuple[int, int, list[str], bool]] = []
    tokens: list[str] = []
    run_start = run_end = -1
    pending: list[str] = []  # particles waiting for a capitalised word

    def close(possessive: bool = False) -> None:
        nonlocal tokens, run_start
        if tokens:
            runs.append((run_start, run_end, tokens, possessive))
        tokens = []
        run_start = -1

    for match in _WORD.finditer(text):
        word = match.group(0)
        start = match.start()
        gap = text[run_end:start] if tokens else ""
        if tokens and gap not in (" ", "\u00a0"):
            close()
            pending = []
        lower = word.lower()
        possessive = lower.endswith(("’s", "'s", "s’", "s'"))
        bare = word[:-2] if lower.endswith(("’s", "'s")) else word.rstrip("’'")
        if word[:1].isupper() and lower not in verb_words and bare.lower() not in _STOP_CAPS:
            if pending and tokens:
                tokens.extend(pending)
            pending = []
            if not tokens:
                run_start = start
            cleaned = _clean_token(bare)
            tokens.append(cleaned)
            run_end = match.end() if cleaned == bare else match.end() - 1
            if possessive:
                close(True)
            elif cleaned != bare:
                close()
        elif tokens and lower in _PARTICLES:
            pending.append(word)
            run_end = match.end()
        else:
            close()
            pending = []
    close()
    return runs


def _strip_titles(tokens: Sequence[str]) -> list[str]:
    """A name without the titles and roles in front of it: ``President Joe Biden`` → ``Joe Biden``."""
    cut = 0
    for i, token in enumerate(tokens):
        if token.lower() in _TITLES:
            cut = i + 1
    name = list(tokens[cut:])
    if name and all(t.isupper() and len(t) > 1 for t in name) and len(name) == 1:
        return name  # an acronym (NASA, UNICEF): an organisation
    return name


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
    return all(w[0].isupper() for w in significant) and words[-1][-1:] not in ".!?"
