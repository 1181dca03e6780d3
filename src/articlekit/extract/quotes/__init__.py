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
   quote of any length governed by a verb of saying anywhere earlier in its sentence (``X said
   he was "very moved"``) or by a describing construction (``X called the move "historic"``,
   ``described it as "a lot"``); a colon quote takes the subject of the sentence the colon ends
   or the document it names (``From the council's report: "…"``), else a name right before the
   colon; a dash signature (``"…" — X``); a name and a past-tense verb after a quote ending in a
   comma (``"…," Lima fumed``), listed verb or not; a participle of saying takes ``with X`` before it, else
   the subject of its sentence's main clause, and keeps its quote when neither can be read.
   The verbs are :data:`~articlekit.extract.quotes.REPORTING_VERBS` plus any a plugin registers
   (:func:`articlekit.hookspecs.articlekit_reporting_verbs`).
3. **Filter.** Quote marks that do not hold speech are dropped: scare quotes and terms (one or
   two words with no reporting verb in their sentence, ``the "safety net"``; a longer quoted run
   in mid-sentence stays when it reads as a clause, a pronoun, an auxiliary or a negation in it,
   and takes the sentence's subject), titles of works and slogans (title case, or after ``titled``/``called``/``dubbed``… unless a lowercase
   characterisation follows a describing verb), nicknames between a first and a last
   name, signs (``"…," reads one``), the writer's own or hypothetical voice (``we were told``,
   ``as if to say``), and a paragraph that only repeats a quote found elsewhere (a pull quote).
4. **Speakers.** A name becomes the fullest form the text gives (``Peskov`` → ``Dmitry
   Peskov``), with titles (``President``, ``CEO``) and modifiers (``the 14th-ranked``) dropped,
   never a participle (``Hosting …``) or an adjective (``an Israeli official``); ``he``/``she``
   become the person the nearest preceding sentence names first (skipping people the text
   calls by the other pronoun); ``it`` the organisation that opens a recent sentence; ``they`` the last
   organisational speaker; ``the spokesman`` the person the text earlier calls spokesman, else
   the description as written (``Ukraine’s ambassador to Germany``).
   A quote with no cue of its own continues the previous speaker when it follows in the same
   paragraph or opens the next one; one opening the paragraph after a paragraph that ends with a
   colon takes the subject of that paragraph's last sentence. Unknown is ``None``, never a bare
   pronoun.

The passes live in modules of their own, each class extending the one before it: ``marks``
(pass 1 and the state it fills), ``attribution``, ``filter``, ``speakers``; ``names`` holds the
article's name index and the phrase helpers, ``words`` the vocabulary.

>>> from articlekit.extract.quotes import extract_quotes
>>> text = "Mayor Ana Lima spoke at noon.\\n\\n“We will rebuild,” Lima said. “All of it.”"
>>> [(q.text, q.speaker, q.cue) for q in extract_quotes(text)]
[('We will rebuild,', 'Ana Lima', 'said'), ('All of it.', 'Ana Lima', None)]
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from ...models import Quote, Span
from .speakers import _Speakers

__all__ = ["REPORTING_VERBS", "extract_quotes"]


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
    # judging aloud: praise, blame, accusation
    "accused", "accuses", "accusing", "blasted", "slammed", "criticized", "criticised", "criticizing",
    "criticising", "praised", "praising", "hailed", "touted", "dismissed", "mocked", "blamed",
    "credited", "thanked", "proclaimed", "proclaims", "pronounced", "derided", "decried", "condemned",
    "bemoaned", "vented", "remembered", "referred to", "refers to", "referring to", "promises",
    "pledges",
    # participles of saying (their subject is that of the clause they hang on)
    "stating", "arguing", "insisting", "declaring", "suggesting", "warning", "urging", "asking",
    "calling on", "describing", "adding that", "acknowledging", "conceding", "predicting",
    "complaining", "announcing", "boasting", "joking", "promising", "vowing", "yelling", "shouting",
    "chanting", "chanted", "screaming", "tweeting", "quipping", "replying", "responding",
    # describing: "called the move "historic"" (a title-case or capitalised quote after them is a
    # name or a title, see filter.py)
    "called", "calls", "calling", "dubbed", "branded", "labeled", "labelled", "termed",
    # a few of other languages' commonest
    "disse", "afirmou", "falou", "acrescentou", "declarou", "dijo", "afirmó", "añadió", "declaró",
    "a déclaré", "a dit", "a ajouté", "sagte", "erklärte",
    # "according to" is handled on its own: its speaker follows it
    "according to",
)  # fmt: skip


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


class _Extractor(_Speakers):
    """The four passes in order, each a layer of its own module."""

    def run(self) -> tuple[Quote, ...]:
        self.pair_marks()
        if self.spans:
            self._add_spans()
        if not self.raws:
            return ()
        self.mask()
        self.index_text()
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
