"""The vocabulary of quote extraction: cue verbs as one regular expression, word lists, marks and bounds."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words before an opening mark that make the quoted words a name, a label or a title, not speech.
#: Searched in lowercased text (six times faster than with ``re.IGNORECASE``).
_LABELS = re.compile(
    r"(?:\b(?:called|calls|calling|dubbed|dubs|titled|entitled|named|name|names|nicknamed|known as|so-called|"
    r"term|terms|termed|word|words|phrase|phrases|slogan|motto|headline|headlined|labell?ed|branded|"
    r"hashtag|film|movie|book|novel|song|album|single|series|show|program|programme|podcast|episode|"
    r"article|essay|poem|play|column|report|campaign|brand|label|tagline|banner|sign|signs|"
    r"reads?|read|marked|meaning|as in|like|such as|spelled|spelt|pronounced|code-?named|codenamed|"
    r"idea of|concept of|notion of|to say|mission is|mission statement is|motto is|stands for)"
    r"(?:\s+(?:it|him|her|them|this|that|the|a|an|his|her|their|its|as))?\s*[,:]?\s*)$"
)
#: Label words that, before a lowercase quote, describe rather than name: "called it "reckless"".
_DESCRIBING = frozenset({"called", "calls", "calling", "dubbed", "dubs", "branded", "labeled", "labelled", "termed"})
#: The contracted verb of "I’d", "we’ll", "she's": what is left is the pronoun.
_CONTRACTION = re.compile(r"[’'](?:d|ll|m|re|s|ve)$")
_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "it", "him", "her", "them", "one", "who"})
_PERSONAL = frozenset({"he", "she"})
_FIRST_SECOND = frozenset({"i", "we", "you", "one"})
_PARTICIPLES = frozenset(
    {"saying", "telling", "writing", "adding", "noting", "explaining", "stating", "arguing", "insisting",
     "declaring", "suggesting", "warning", "urging", "asking", "calling on", "describing", "adding that",
     "acknowledging", "conceding", "predicting", "complaining", "announcing", "boasting", "joking", "promising",
     "vowing", "accusing", "criticizing", "criticising", "praising", "referring to", "calling",
     "yelling", "shouting", "chanting", "screaming", "tweeting", "quipping", "replying", "responding"}
)  # fmt: skip
#: Cues that are also plural nouns: not a cue before "of", "for"… or after a determiner.
_NOUNISH = frozenset(
    {"notes", "states", "claims", "reports", "comments", "remarks", "posts", "answers", "demands", "counters",
     "laments", "reflects", "tweets", "writes", "observes", "concludes", "repeated", "shared", "described",
     "calls"}
)  # fmt: skip
_NOUN_NEXT = frozenset(
    {"of", "for", "from", "about", "and", "or", "with", "by", "on", "in", "at", "to", "were", "are", "have",
     "had", "show", "showed", "suggest", "suggested", "say", "said", "indicate", "is", "was",
     "can", "could", "will", "would", "should", "must", "may", "might", "do", "does", "did"}
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
_OPEN_BEFORE = set(" \t\n\r\u00a0([{—–-/\u2014\u2013")
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
def _cue_pattern(verbs: tuple[str, ...], *, folded: bool = False) -> re.Pattern[str]:
    """The cues as one pattern; ``folded``: for lowercased text (several times faster than
    ``re.IGNORECASE``)."""
    body = _trie_regex({" ".join(v.lower().split()) for v in verbs if v.strip()})
    return re.compile(rf"(?<![\w’'-])(?:{body})(?![\w’'-])", 0 if folded else re.IGNORECASE)


@functools.lru_cache(maxsize=32)
def _verb_words(verbs: tuple[str, ...]) -> frozenset[str]:
    return frozenset(v.strip().lower().split()[0] for v in verbs if v.strip())
