"""Direct quotations and who said them, in pure Python (no models, no downloads).

:func:`extract_quotes` reads a body whose paragraphs are separated by a blank line (exactly
:attr:`articlekit.Article.text`) and returns :class:`~articlekit.Quote` objects whose spans slice
that text. The work runs in four passes; each reads the text once or looks at a bounded window
around a quote, so no input can make it hang:

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
   moved"``). The verbs are :data:`~articlekit.extract.quotes.REPORTING_VERBS` plus any a plugin registers
   (:func:`articlekit.hookspecs.articlekit_reporting_verbs`).
3. **Filter.** Quote marks that do not hold speech are dropped: scare quotes and terms (one or
   two words with no reporting verb at hand, ``the "safety net"``), titles of works and slogans
   (title case, or after ``titled``/``called``/``dubbed``…), nicknames between a first and a last
   name, signs (``"…," reads one``), the writer's own or hypothetical voice (``we were told``,
   ``as if to say``), and a paragraph that only repeats a quote found elsewhere (a pull quote).
4. **Speakers.** A name becomes the fullest form the text gives (``Peskov`` → ``Dmitry
   Peskov``), with titles (``President``, ``CEO``) dropped; ``he``/``she`` become the person the
   nearest preceding sentence names first (skipping people the text calls by the other
   pronoun); ``it`` the organisation that opens a recent sentence; ``they`` the last
   organisational speaker; ``the spokesman`` the person the text earlier calls spokesman, else
   the description as written (``Ukraine’s ambassador to Germany``).
   A quote with no cue of its own continues the previous speaker when it follows in the same
   paragraph or opens the next one. Unknown is ``None``, never a bare pronoun.

>>> from articlekit.extract.quotes import extract_quotes
>>> text = "Mayor Ana Lima spoke at noon.\\n\\n“We will rebuild,” Lima said. “All of it.”"
>>> [(q.text, q.speaker, q.cue) for q in extract_quotes(text)]
[('We will rebuild,', 'Ana Lima', 'said'), ('All of it.', 'Ana Lima', None)]
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Collection, Iterable, Iterator, Sequence

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
    "assured", "boasted", "bragged", "retweeted", "retweets", "inquired", "queried",
    "shares", "reveals", "clarified", "clarifies", "instructed", "instructs", "advised", "advises",
    "recommended", "recommends", "highlighted", "highlights", "elaborated", "elaborates", "affirmed",
    "affirms", "weighed in", "weighs in", "cautions", "stressed", "recounts", "writes in",
    "had written", "has written",
    # warning, urging, asking
    "warned", "warns", "cautioned", "urged", "urges", "begged", "demanded",
    "demands", "asked", "asks", "wondered", "wonders", "questioned",
    # manner of speaking
    "joked", "jokes", "quipped", "laughed", "sighed", "shouted", "yelled", "screamed",
    "exclaimed", "whispered", "muttered", "cried", "complained", "complains", "lamented",
    "laments", "conceded", "gushed", "raved", "chimed in", "interjected",
    # a few of other languages' commonest
    "disse", "afirmou", "falou", "acrescentou", "declarou", "dijo", "afirmó", "añadió", "declaró",
    "a déclaré", "a dit", "a ajouté", "sagte", "erklärte",
    # "according to" is handled on its own: its speaker follows it
    "according to",
)  # fmt: skip

#: Words before an opening mark that make the quoted words a name, a label or a title, not speech.
_LABELS = re.compile(
    r"(?:\b(?:called|calls|calling|dubbed|dubs|titled|entitled|named|name|names|nicknamed|known as|so-called|"
    r"term|terms|termed|word|words|phrase|phrases|slogan|motto|headline|headlined|labell?ed|branded|"
    r"hashtag|film|movie|book|novel|song|album|single|series|show|program|programme|podcast|episode|"
    r"article|essay|poem|play|column|report|campaign|brand|label|tagline|banner|sign|signs|"
    r"reads?|read|marked|meaning|as in|like|such as|spelled|spelt|pronounced|code-?named|codenamed|"
    r"idea of|concept of|notion of|to say|mission is|mission statement is|motto is|stands for)"
    r"(?:\s+(?:it|him|her|them|this|that|the|a|an|his|her|their|its|as))?\s*[,:]?\s*)$",
    re.IGNORECASE,
)
_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "it", "him", "her", "them", "one", "who"})
_PERSONAL = frozenset({"he", "she"})
_FIRST_SECOND = frozenset({"i", "we", "you", "one"})
_PARTICIPLES = frozenset({"saying", "telling", "writing", "adding", "noting", "explaining"})
#: Cues that are also plural nouns: not a cue before "of", "for"… or after a determiner.
_NOUNISH = frozenset(
    {"notes", "states", "claims", "reports", "comments", "remarks", "posts", "answers", "demands", "counters",
     "laments", "reflects", "tweets", "writes", "observes", "concludes", "repeated", "shared", "described"}
)  # fmt: skip
_NOUN_NEXT = frozenset(
    {"of", "for", "from", "about", "and", "or", "with", "by", "on", "in", "at", "to", "were", "are", "have",
     "had", "show", "showed", "suggest", "suggested", "say", "said", "indicate", "is", "was"}
)  # fmt: skip
_DETERMINER_WORDS = frozenset(
    {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those", "some", "such"}
)
_CONNECTORS = frozenset(
    {"of", "and", "for", "on", "the", "&", "de", "du", "van", "von", "der", "la", "le", "in", "at", "y"}
)
_PUNCT_SPACE = " \u00a0,.;:—–-(\"'“”‘’»«"
#: Words that make a capitalised run an organisation or a place, not a person.
_ORG_WORDS = _wordset(
    """university college school institute center centre department ministry agency association council
    committee party company corporation corp corp. inc inc. ltd ltd. llc group foundation bank court house office
    police news times post journal magazine network museum club church hospital army navy league union
    board commission administration service services foods market markets state states street avenue road
    county city north south east west america american korea united kingdom republic nations fund labs lab
    media press studio studios games records airlines motors health care society program project initiative
    coalition alliance federation reserve bureau capitol congress senate parliament government cabinet
    assembly forces guard airport station island islands river lake mountain park bay valley coast"""
)
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
    minister's st st. saint owner co-owner manager partner analyst economist historian researcher
    scientist astronomer physician dean head chef expert consultant strategist pollster activist
    actor actress singer author writer novelist journalist reporter correspondent photographer artist
    designer engineer developer host anchor producer officer lead planner senior associate executive
    managing creative co-owner cofounder farmer fisher fisherman teacher nurse student resident worker
    driver pilot soldier mother skipper trader shopkeeper baker priest pastor volunteer witness"""
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
    once soon finally first indeed perhaps maybe unlike among besides nor like"""
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
    """that who which were are been being also later then again once previously recently further earlier simply just has have had was
    is will would could did does do had already quickly promptly repeatedly publicly privately
    bluntly angrily flatly tersely last first never often once only reportedly"""
)
_DETERMINERS = ("the ", "a ", "an ", "one ", "another ", "two ", "three ", "several ", "many ", "some ")

_DOUBLE_OPEN = "“„‟«〝"
_DOUBLE_CLOSE = "”»〞"
_MARKS = re.compile("[\"“”„‟«»〝〞‘’‚'`]")
_OPEN_BEFORE = set(" \t\u00a0([{—–-/\u2014\u2013")
_ABBREVIATIONS = _wordset(
    "mr mrs ms dr st jr sr gen sen rep gov prof lt col sgt capt adm rev no vs etc inc co corp ltd u.s u.k"
)
_LATER_CLOSER = re.compile(r"[^\s]’(?![\w])")
_FUNCTION_WORDS = _wordset(
    """by to not and or in at for of that because as when but than with without on from about against
    after before since until if while so then is was were are be been into over under toward towards
    during despite unless whether who which where what how why instead only even also too either nor
    he she they it we you i his her their its our my your this these those there here"""
)
_SIGN_READS = re.compile(r"^\s*,?\s*(?:reads?|read)\b", re.IGNORECASE)
_INTRODUCING = re.compile(r"\b(?:that|saying|as saying)\s*$")
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’»)]*\s+")
#: Work bounds: text this far around a quote is searched for its attribution.
_WINDOW = 300
#: The name index reads this much text before the first quote and after the last one.
_INDEX_BEFORE = 30_000
_INDEX_AFTER = 3_000
_MAX_SUBJECT_WORDS = 10
_MASK = "\x00"
_NOT_NEWLINE = re.compile(r"[^\n]")


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


_Trie = dict[str, "_Trie"]


def _trie_regex(words: Iterable[str]) -> str:
    """One regular expression matching any of ``words``, factored by common prefixes (much faster
    than a flat alternation of hundreds of words); longer words are tried first."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + build(node[char]) for char in sorted(k for k in node if k)
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(trie)


@functools.lru_cache(maxsize=32)
def _cue_pattern(verbs: tuple[str, ...]) -> re.Pattern[str]:
    body = _trie_regex({" ".join(v.lower().split()) for v in verbs if v.strip()})
    return re.compile(rf"(?<![\w’'-])(?:{body})(?![\w’'-])", re.IGNORECASE)


@functools.lru_cache(maxsize=32)
def _verb_words(verbs: tuple[str, ...]) -> frozenset[str]:
    return frozenset(v.strip().lower().split()[0] for v in verbs if v.strip())


def extract_quotes(
    text: str,
    *,
    extra_verbs: Iterable[str] = (),
    quoted_paragraphs: Collection[int] = (),
    quoted_spans: Collection[tuple[int, int]] = (),
) -> tuple[Quote, ...]:
    """Direct quotations in ``text`` (paragraphs separated by ``"\\n\\n"``), in text order.

    :param text: the body, e.g. :attr:`articlekit.Article.text`.
    :param extra_verbs: reporting verbs or phrases besides :data:`~articlekit.extract.quotes.REPORTING_VERBS`.
    :param quoted_paragraphs: indices of paragraphs that are quotations as a whole although they
        carry no quote marks (an HTML ``<blockquote>``).
    :param quoted_spans: ``(start, end)`` offsets of words that are quoted without quote marks
        (an HTML ``<q>``); they are attributed like any other quote.
    :returns: quotes whose spans slice ``text`` exactly, ordered and non-overlapping.
    """
    if not text:
        return ()
    verbs = tuple(dict.fromkeys((*REPORTING_VERBS, *extra_verbs)))
    extractor = _Extractor(text, verbs, frozenset(quoted_paragraphs))
    extractor.spans = [(a, b) for a, b in quoted_spans if 0 < a < b <= len(text) and "\n\n" not in text[a:b]]
    return extractor.run()


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
        self.spans: list[tuple[int, int]] = []
        self.raws: list[_Raw] = []
        self.masked = ""
        self._index: _NameIndex | None = None
        self._lowered: str | None = None
        #: (position, speaker) of every quote resolved so far, for pronouns
        self._speakers: list[tuple[int, str]] = []

    # -- 1. marks ---------------------------------------------------------------------------

    def run(self) -> tuple[Quote, ...]:
        self.pair_marks()
        if self.spans:
            self._add_spans()
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
        if raw.opener == raw.start and raw.closer == raw.end:
            # a block quotation: look for "X wrote:" ending the paragraph before it
            if raw.paragraph > 0:
                before = self.masked[self.starts[raw.paragraph - 1] : self.starts[raw.paragraph] - 2].rstrip()
                if before.endswith(":"):
                    self._from_before(raw, before[-_WINDOW:], direct=True)
            return
        p_start, s_start, s_end, _p_end = self._sentence_bounds(raw)
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
            if self._from_after(raw, after, direct=True, max_lead=_MAX_SUBJECT_WORDS if punctuated else 3):
                return
        # X said: "…" / X told reporters, "…" / according to X, "…"
        introduced = before_stripped.endswith((":", ",", "—", "–")) or _INTRODUCING.search(before) is not None
        if introduced and self._from_before(raw, before, direct=True):
            return
        # a partial quote: the cue is elsewhere in the sentence
        sentence_before = self.masked[s_start : raw.opener] if raw.opener > s_start else ""
        if self._from_before(raw, sentence_before, direct=False):
            return
        if after_stripped and self._from_after(raw, after, direct=False, max_lead=_MAX_SUBJECT_WORDS):
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
            speaker = self._clause_subject(self.masked[s_start : raw.opener])
            if speaker is not None:
                raw.speaker = speaker
                return
        # "…, Malone said. "…"": the sentence before ends with an attribution
        if not self.masked[s_start : raw.opener].strip() and s_start > p_start:
            raw.speaker = self._trailing_attribution(self.masked[max(p_start, s_start - _WINDOW) : s_start])

    def _valid_cues(self, text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        """Cue matches, without nouns that look like verbs (``the notes of``, ``its claims about``)."""
        for match in self.cues.finditer(text, start, len(text) if end is None else end):
            word = match.group(0).lower()
            if word in _NOUNISH:
                rest = text[match.end() : match.end() + 20].split()
                if rest and rest[0].lower().strip(",.") in _NOUN_NEXT:
                    continue
                before = text[max(0, match.start() - 15) : match.start()].split()
                if before and before[-1].lower() in _DETERMINER_WORDS:
                    continue
            yield match

    def _from_after(self, raw: _Raw, after: str, *, direct: bool, max_lead: int) -> bool:
        match = next(self._valid_cues(after, 0, min(len(after), 160)), None)
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

    def _from_before(self, raw: _Raw, before: str, *, direct: bool) -> bool:
        found = None
        for match in self._valid_cues(before):
            if _MASK in before[match.end() :] and not direct:
                continue
            found = match
        if found is None:
            return False
        cue = " ".join(found.group(0).split())
        gap = before[found.end() :]
        if not direct and len(gap.split()) > (20 if len(self.text[raw.start : raw.end].split()) >= 4 else 12):
            return False
        if cue.lower() == "according to":
            speaker = self._object_phrase(gap)
            raw.speaker, raw.cue, raw.direct = speaker, cue, direct
            return speaker is not None
        lead = before[: found.start()]
        if cue.lower() in _PARTICIPLES:
            # "X responded on Twitter, saying, …": the subject is that of the main verb
            main = None
            for match in self._valid_cues(lead):
                main = match
            if main is not None:
                cue = " ".join(main.group(0).split())
                lead = lead[: main.start()]
            else:
                speaker = self._clause_subject(lead)
                if speaker is None:
                    return False
                raw.speaker, raw.cue, raw.direct = speaker, cue, direct
                return True
        if _MASK in lead:
            lead = lead[lead.rfind(_MASK) + 1 :]
        subject = lead.strip(_PUNCT_SPACE)
        # inverted when nothing precedes the verb: "said X: …"
        speaker = self._subject_phrase(lead) if subject else self._object_phrase(gap)
        if speaker is None and (not subject or (not direct and len(self.text[raw.start : raw.end].split()) <= 4)):
            return False
        raw.speaker, raw.cue, raw.direct = speaker, cue, direct
        return True

    def _trailing_attribution(self, sentence: str) -> str | None:
        """The speaker of a sentence ending ``…, X said.`` (or ``X added.``), else ``None``."""
        found = None
        for match in self._valid_cues(sentence):
            found = match
        if found is not None and len(sentence[found.end() :].split()) > 3:
            # "Helmstetter says there's been a rise in…": the first cue, when a short subject opens it
            first = next(self._valid_cues(sentence), None)
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

    def _clause_subject(self, text: str) -> str | None:
        """The name or pronoun that opens the last clause of ``text`` (``Emery retweeted it, ``)."""
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
        appositive = ""
        if phrase.endswith((",", ")")):
            closing = phrase[-1]
            body = phrase[:-1]
            cut = body.rfind("," if closing == "," else "(")
            if cut > 0:
                appositive = body[cut + 1 :].strip()
                phrase = body[:cut]
        chunk = re.split(r"[,;:!?()\n—–\"“”\x00]|\s-\s", phrase)[-1]
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
        if appositive and (speaker is None or speaker[:1] == "\x03"):
            better = self._speaker_from(appositive)
            if better is not None and better[:1] == "\x02":
                return better
        return speaker

    def _speaker_from(self, phrase: str, *, inverted: bool = False) -> str | None:
        """A noun phrase as a speaker. Pronouns (``\\x01``), names (``\\x02``) and descriptions
        (``\\x03``) are marked for pass 4; an organisation's name is returned as written."""
        phrase = phrase.strip(_PUNCT_SPACE)
        if not phrase or _MASK in phrase:
            return None
        lower = phrase.lower()
        words = phrase.split()
        if lower in _PRONOUNS:
            return "\x01" + lower
        if words[0].lower() in {"who", "which", "that", "it", "this", "there", "what", "these", "those"}:
            return None
        if _is_proper(words):
            runs = _name_runs(phrase, self.verb_words)
            if len(runs) == 1 and runs[0][0] == 0 and runs[0][1] == len(phrase) and not runs[0][3]:
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
                eligible = [r for r in runs if _strip_titles(r[2]) and not _after_preposition(phrase, r[0])]
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
        if (lower.startswith(_DETERMINERS) or "’s " in phrase or "'s " in phrase) and len(words) <= 8:
            return "\x03" + phrase
        if len(words) <= 3 and all(w.islower() and w.isalpha() for w in words) and words[-1].endswith("s"):
            return phrase  # "officials", "police officers", "critics"
        return None

    # -- 3. filter -------------------------------------------------------------------------

    def filter(self) -> None:
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
        if _LABELS.search(left) and not (raw.direct and count >= 6):
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
            if self.lowered().count(key) > 1 and seen.get(key, 0) == 1:
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
            if count <= 2 and not raw.direct:
                gap = self.masked[max(p_start, raw.opener - 60) : raw.opener]
                match = None
                for found in self._valid_cues(gap):
                    match = found
                if match is None or len(gap[match.end() :].split()) > 5:
                    raw.keep = False
            return
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
            raw.keep = False  # an unattributed phrase in the middle of a sentence
        elif count <= 4 and not after_colon and not continuing:
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


# -- helpers ---------------------------------------------------------------------------------


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
        if lower in verb_words or bare.lower() in _STOP_CAPS or lower.endswith(("n’t", "n't")):
            if tokens:
                runs.append((run_start, run_end, tokens, False))
                tokens = []
            continue
        if not tokens:
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


def _strip_titles(tokens: Sequence[str]) -> list[str]:
    """A name without the titles and roles in front of it: ``President Joe Biden`` → ``Joe Biden``."""
    cut = 0
    for i, token in enumerate(tokens):
        if token.lower() in _TITLES:
            cut = i + 1
    return list(tokens[cut:]) if cut else list(tokens)


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
        if word[:1].isupper() or word[:1].isdigit():
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

    def organisation_before(self, position: int, floor: int) -> str | None:
        """The nearest organisation opening a sentence before ``position`` (for ``it``)."""
        for start, _end, tokens, possessive in reversed(self.runs):
            if start >= position:
                continue
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
