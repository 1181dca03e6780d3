"""Quote extraction and attribution: every pattern of issue 4, on fixtures written for these tests."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import articlekit
from articlekit import Article, Quote, Span
from articlekit.document import Document
from articlekit.extract.quotes import REPORTING_VERBS, extract_quotes
from articlekit.parsers import enrich

from ..conftest import growth


def found(text: str, **kwargs: object) -> list[tuple[str, str | None, str | None]]:
    quotes = extract_quotes(text, **kwargs)  # type: ignore[arg-type]
    for quote in quotes:
        assert text[quote.span.start : quote.span.end] == quote.text
    return [(q.text, q.speaker, q.cue) for q in quotes]


def body(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


# -- what is a quote -----------------------------------------------------------------------------


def test_full_sentence_quote_followed_by_speaker() -> None:
    text = "“We will rebuild the bridge before winter,” Mayor Ana Lima said on Monday."
    assert found(text) == [("We will rebuild the bridge before winter,", "Ana Lima", "said")]


def test_quote_after_a_colon() -> None:
    text = "Ana Lima said: “The bridge opens in May, not a day later.”"
    assert found(text) == [("The bridge opens in May, not a day later.", "Ana Lima", "said")]


def test_speaker_told_reporters_before_the_quote() -> None:
    text = "Harbour master Olu Bankole told reporters, “Nobody sails until the storm has passed.”"
    assert found(text) == [("Nobody sails until the storm has passed.", "Olu Bankole", "told reporters")]


def test_partial_quote_inside_a_sentence() -> None:
    text = body(
        "Finance Minister Lars Berg read the letters from pensioners on Tuesday.",
        "The minister said he was “very moved” by what they wrote.",
    )
    assert found(text) == [("very moved", "Lars Berg", "said")]


@pytest.mark.parametrize(
    "text",
    [
        "Harbour master Ana Lima said the council has done an “awful” job with the pier.",
        "The council has done an “awful” job with the pier, Ana Lima said.",
        "Ana Lima said the council was “awful.”",
    ],
)
def test_one_word_quote_governed_by_a_verb_of_saying(text: str) -> None:
    assert found(text) == [(found(text)[0][0], "Ana Lima", "said")]
    assert found(text)[0][0].strip(".") == "awful"


@pytest.mark.parametrize(
    ("text", "quoted", "cue"),
    [
        ("Ana Lima called the move “historic” and left the hall.", "historic", "called"),
        ("Ana Lima called it “reckless.”", "reckless.", "called"),
        ("Ana Lima described the plan as “a lot” to ask of fishermen.", "a lot", "described"),
        ("Ana Lima called the closure a “temporary” measure.", "temporary", "called"),
    ],
)
def test_describing_construction_governs_a_partial_quote(text: str, quoted: str, cue: str) -> None:
    assert found(text) == [(quoted, "Ana Lima", cue)]


@pytest.mark.parametrize(
    "text",
    [
        "The film, called “Harbour Lights,” opens on Friday.",
        "A new ferry, dubbed “The Gull,” sails at noon.",
    ],
)
def test_a_name_after_a_describing_verb_is_no_quote(text: str) -> None:
    assert found(text) == []


def test_a_parenthesis_after_the_name_does_not_hide_the_speaker() -> None:
    text = "Senator Claire Ames (D-Vt.), who backs the plan, said the bill is “stronger” and “more humane.”"
    assert found(text) == [("stronger", "Claire Ames", "said"), ("more humane.", "Claire Ames", "said")]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Ana Lima accused the board of “wasting a whole summer.”", "accused"),
        ("Ana Lima left the meeting early, urging the board to “stop wasting a whole summer.”", "urging"),
        ("Ana Lima issued a statement describing the delay as “a waste of a whole summer.”", "describing"),
    ],
)
def test_more_verbs_of_saying_govern_partial_quotes(text: str, cue: str) -> None:
    assert [(speaker, got_cue) for _, speaker, got_cue in found(text)] == [("Ana Lima", cue)]


def test_a_contracted_first_person_is_the_writer_not_a_speaker() -> None:
    text = "If I ran the desk, I’d start by asking “how are the photos sent out?” every morning."
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Olu Bankole, who has fished the delta for forty years and chairs the cooperative of three towns, "
        "said the council is “asleep.”",
        "Yesterday Olu Bankole said the council is “asleep.”",
        "Olu Bankole left the hall early.\n\nAt the pier, he said the council is “asleep.”",
    ],
)
def test_the_subject_of_a_partial_quote_is_found(text: str) -> None:
    assert found(text)[-1] == ("asleep.", "Olu Bankole", "said")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a participle opening the sentence is no first name
        (
            "Hosting Olu Bankole at the pier, the mayor smiled. “We are proud of this town,” Bankole said.",
            "Olu Bankole",
        ),
        # a nationality or place before a noun is an adjective, not the speaker
        ("“The talks will resume on Monday,” said an Icelandic official.", "an Icelandic official"),
        # a ranking or a number before a name is a modifier
        ("Dana Whitfield lost in three sets. “I played badly,” the 14th-ranked Whitfield said.", "Dana Whitfield"),
        # a relative clause after a description is dropped
        (
            "“We will not wait,” said a harbour official who was not allowed to speak on the record.",
            "a harbour official",
        ),
    ],
)
def test_never_a_participle_an_adjective_or_a_modifier_as_a_name(text: str, speaker: str) -> None:
    assert [s for _, s, _ in found(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("The Harbour Board said in its annual report: “Traffic fell by a third.”", "Harbour Board", "said"),
        ("From the harbour report: “Traffic at the pier fell by a third in winter.”", "the harbour report", None),
        ("Ana Lima paused at the lectern, then leaned in and boomed: “We will rebuild the pier.”", "Ana Lima", None),
    ],
)
def test_colon_quotes_and_their_sources(text: str, speaker: str, cue: str | None) -> None:
    assert [(s, c) for _, s, c in found(text)] == [(speaker, cue)]


@pytest.mark.parametrize(
    "text",
    [
        "Lima said on Thursday, in Lagos, that states can pass such laws because “men should not decide.”",
        "Lima, meanwhile, who has no such endorsements, said the vote shows who is “ready to lead.”",
    ],
)
def test_nouns_and_asides_do_not_hide_the_speaker(text: str) -> None:
    assert [(s, c) for _, s, c in found(text)] == [("Lima", "said")]


def test_a_capitalised_modal_is_a_name() -> None:
    assert found("Will described the plan as “a mess.”") == [("a mess.", "Will", "described")]


@pytest.mark.parametrize(
    "text",
    [
        "“The sea gives and the sea takes.” — Ana Lima, harbour master",
        "“The sea gives and the sea takes.”\n\n- Ana Lima.\n\nThe pier reopens in May.",
    ],
)
def test_a_quote_signed_with_a_dash(text: str) -> None:
    assert found(text) == [("The sea gives and the sea takes.", "Ana Lima", None)]


def test_multi_paragraph_quote_keeps_the_break_and_the_reopening_mark() -> None:
    text = body(
        "Coach Dana Whitfield spoke after the match.",
        "“We played the first half as if we were asleep. Nobody pressed, nobody talked.",
        "“The second half was the team I know,” Whitfield said.",
    )
    quotes = extract_quotes(text)
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.paragraph == 1
    assert quote.text.startswith("We played the first half")
    assert "talked.\n\n“The second half" in quote.text
    assert quote.text.endswith("the team I know,")
    assert quote.speaker == "Dana Whitfield"
    assert text[quote.span.start : quote.span.end] == quote.text


def test_split_quote_gives_two_quotes_with_one_speaker() -> None:
    text = "“The water is rising,” said Ines Duarte, a hydrologist. “We have perhaps two days.”"
    assert found(text) == [
        ("The water is rising,", "Ines Duarte", "said"),
        ("We have perhaps two days.", "Ines Duarte", None),
    ]


def test_standalone_paragraph_continues_the_previous_speaker() -> None:
    text = body(
        "“Our orchards lost half their fruit,” said farmer Teodor Vance.",
        "“If the frost comes again in April, some of us will not plant next year.”",
    )
    assert [s for _, s, _ in found(text)] == ["Teodor Vance", "Teodor Vance"]


def test_quote_paragraph_before_its_attribution_in_the_same_paragraph() -> None:
    text = "“It was chaos.” “Nobody knew where to go,” said Priya Raman, who was on the platform."
    assert [s for _, s, _ in found(text)] == ["Priya Raman", "Priya Raman"]


def test_blockquote_paragraph_is_a_quote_without_marks() -> None:
    text = body(
        "In a letter to the council, resident Hal Moreno wrote:",
        "The noise from the depot begins at four in the morning and does not stop until midnight.",
    )
    quotes = extract_quotes(text, quoted_paragraphs={1})
    assert len(quotes) == 1
    assert quotes[0].paragraph == 1
    assert quotes[0].text.startswith("The noise from the depot")
    assert quotes[0].speaker == "Hal Moreno"
    assert quotes[0].cue == "wrote"


def test_enrichment_finds_blockquote_paragraphs_of_an_html_document() -> None:
    html = (
        "<html><body><article><p>The agency said in a statement:</p>"
        "<blockquote><p>All flights will resume on Friday morning after checks.</p></blockquote>"
        "</article></body></html>"
    )
    article = Article(
        paragraphs=("The agency said in a statement:", "All flights will resume on Friday morning after checks.")
    )
    assert enrich.blockquote_paragraphs(article, Document(html)) == {1}
    enriched = enrich.articlekit_enrich(article=article, document=Document(html))
    assert enriched is not None
    assert [q.paragraph for q in enriched.quotes] == [1]


# -- quote marks ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('"Straight marks work too," said Ana Lima.', "Straight marks work too,"),
        ('"A straight opener and a curly closer,” said Ana Lima.', "A straight opener and a curly closer,"),
        ("‘‘Two single marks open and close it,’’ said Ana Lima.", "Two single marks open and close it,"),
        ("«Les guillemets marchent aussi», said Ana Lima.", "Les guillemets marchent aussi"),
        ("„Die Anführungszeichen gehen auch“, said Ana Lima.", "Die Anführungszeichen gehen auch"),
        ("‘British papers use single marks,’ said Ana Lima.", "British papers use single marks,"),
    ],
)
def test_quote_mark_styles(text: str, quoted: str) -> None:
    assert found(text) == [(quoted, "Ana Lima", "said")]


def test_nested_single_quotes_stay_inside_the_outer_quote() -> None:
    text = "“The sign said ‘closed for repairs’ and nobody believed it,” said Ana Lima."
    assert found(text) == [("The sign said ‘closed for repairs’ and nobody believed it,", "Ana Lima", "said")]


def test_right_single_mark_as_apostrophe_does_not_end_a_single_quote() -> None:
    text = "‘It’s the farmers’ money and they don’t get it back,’ said Ana Lima."
    assert found(text) == [("It’s the farmers’ money and they don’t get it back,", "Ana Lima", "said")]


def test_nested_straight_quotes() -> None:
    text = 'The website says the agency looks for "firms giving a "low-ball" estimate to win customers."'
    assert [q for q, _, _ in found(text)] == ['firms giving a "low-ball" estimate to win customers.']


def test_an_unpaired_mark_spoils_only_its_own_paragraph() -> None:
    text = body(
        "The council voted 7-2 on the “plan after a long night.",
        "“We finally have a budget,” said council leader Ruth Okafor.",
    )
    assert ("We finally have a budget,", "Ruth Okafor", "said") in found(text)


# -- what is not a quote --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The so-called “reform” left most rules as they were.",
        "She starred in the film “The Long Night of the Harbour” in 2019.",
        "His book, titled “Rivers of Salt and Stone,” sold well.",
        "Boxer Ray “The Hammer” Ortiz retired on Sunday.",
        "Protesters chanted “No More Cuts” outside the hall.",
        "Their campaign slogan was “a fair deal for every street” and it stuck.",
        "There was a flicker on his face, as if to say “you cannot catch me,” before he smiled.",
        "We were told it was all part of “learning the trade.”",
    ],
)
def test_not_quotes(text: str) -> None:
    assert found(text) == []


def test_subhead_repeating_a_quote_is_not_a_second_quote() -> None:
    text = body(
        "“The river gave us everything”",
        "Fisher Mona Grieg has worked the delta for forty years.",
        "“The river gave us everything, and now it is taking it back,” Grieg said.",
    )
    quotes = extract_quotes(text)
    assert [q.paragraph for q in quotes] == [2]


# -- who said it ---------------------------------------------------------------------------------


def test_inverted_speaker_with_a_role() -> None:
    text = "“The numbers are grim,” said Tom Reyes, senior fellow at the Harbor Institute."
    assert found(text) == [("The numbers are grim,", "Tom Reyes", "said")]


def test_appositive_between_name_and_verb() -> None:
    text = "“The numbers are grim,” Reyes, a senior fellow at the Harbor Institute, said."
    text = "Tom Reyes studies port traffic.\n\n" + text
    assert found(text) == [("The numbers are grim,", "Tom Reyes", "said")]


@pytest.mark.parametrize(
    "text",
    [
        "“Prices will fall by spring,” according to Maria Costa, an economist.",
        "According to Maria Costa, “prices will fall by spring.”",
    ],
)
def test_according_to(text: str) -> None:
    assert [(s, c) for _, s, c in found(text)] == [("Maria Costa", text[text.find("ccording") - 1 :][:12])]


@pytest.mark.parametrize("verb", ["wrote", "tweeted", "added", "continued", "responded", "insisted", "warned"])
def test_reporting_verbs(verb: str) -> None:
    text = f"Senator Jo Alvarez answered questions on Friday. “The vote is not over,” Alvarez {verb}."
    assert found(text) == [("The vote is not over,", "Jo Alvarez", verb)]


def test_he_continued_resolves_to_the_fullest_name() -> None:
    text = (
        "Kremlin spokesman Dmitry Peskov told reporters, “The proposal deserves attention.” "
        "He continued, “But the conditions remain the same.”"
    )
    assert found(text) == [
        ("The proposal deserves attention.", "Dmitry Peskov", "told reporters"),
        ("But the conditions remain the same.", "Dmitry Peskov", "continued"),
    ]


def test_surname_becomes_the_fullest_name() -> None:
    text = body("Dmitry Peskov spoke on Tuesday.", "“We have no comment,” Peskov said.")
    assert found(text) == [("We have no comment,", "Dmitry Peskov", "said")]


def test_she_skips_a_man_named_more_recently() -> None:
    text = body(
        "Engineer Maria Lindqvist joined the project in 2019. She led the tunnel team.",
        "Her manager, Peter Holm, hired three more engineers.",
        "“The rock was softer than anyone expected,” she said.",
    )
    # Holm is referred to as "he" nowhere; Lindqvist as "she": the pronoun follows the gender.
    text = text.replace("hired three more engineers.", "hired three more engineers. He retired in 2022.")
    assert found(text) == [("The rock was softer than anyone expected,", "Maria Lindqvist", "said")]


def test_description_resolves_to_the_person() -> None:
    text = body(
        "The ministry's spokesman, Karl Brandt, declined to give figures.",
        "“We will publish everything in March,” the spokesman said later.",
    )
    assert found(text) == [("We will publish everything in March,", "Karl Brandt", "said")]


def test_unnamed_and_organisational_speakers_stay_as_described() -> None:
    text = body(
        "“We see no grounds for talks,” the Kremlin said in a statement.",
        "Ukraine’s ambassador to Germany responded on social media, saying, “The answer is no.”",
    )
    assert found(text) == [
        ("We see no grounds for talks,", "the Kremlin", "said"),
        ("The answer is no.", "Ukraine’s ambassador to Germany", "responded"),
    ]


def test_never_a_bare_pronoun() -> None:
    assert found("“We are ready to start,” he said.") == [("We are ready to start,", None, "said")]
    for quote in extract_quotes("“Nobody told us anything,” they said. “It was a shock,” she added."):
        assert quote.speaker is None or quote.speaker.lower() not in {"he", "she", "they", "it", "i", "we"}


def test_it_resolves_to_the_organisation_named_before() -> None:
    text = body(
        "The Food Safety Office warned shoppers about the recalled cheese.",
        "“Do not eat the product; return it to the shop,” it said in a statement.",
    )
    assert found(text)[0][1] == "the Food Safety Office"


def test_plugin_verbs_extend_the_list() -> None:
    # present tense: a past-tense verb after a comma quote is read without the list ("Obi harrumphed")
    text = "Grace Obi listened to the plan. “That will never work,” Obi harrumphs."
    assert found(text) == [("That will never work,", None, None)] or found(text) == []
    assert found(text, extra_verbs=["harrumphs"]) == [("That will never work,", "Grace Obi", "harrumphs")]


def test_registered_plugin_verbs_reach_the_enrichment() -> None:
    class Plugin:
        @articlekit.hookimpl
        def articlekit_reporting_verbs(self, register: object) -> None:
            register("harrumphs")  # type: ignore[operator]

    plugin = Plugin()
    articlekit.plugins.register(plugin, name="test-harrumph")
    try:
        article = articlekit.parse(
            "Plan B\n\nGrace Obi listened to the plan.\n\n“That will never work,” Obi harrumphs."
        )
    finally:
        articlekit.plugins.unregister(name="test-harrumph")
    assert [(q.speaker, q.cue) for q in article.quotes] == [("Grace Obi", "harrumphs")]


def test_reporting_verbs_are_documented_and_plentiful() -> None:
    assert len(REPORTING_VERBS) >= 60
    assert {"said", "told reporters", "according to", "wrote", "tweeted", "added", "continued", "responded"} <= set(
        REPORTING_VERBS
    )


# -- enrichment ---------------------------------------------------------------------------------


def test_parse_fills_article_quotes() -> None:
    article = articlekit.parse(
        "Harbour news\n\nby Jane Roe\n2024-05-01\n\nHarbour master Olu Bankole spoke on Monday.\n\n"
        "“Nobody sails until the storm has passed,” Bankole said."
    )
    assert [(q.speaker, q.cue, q.paragraph) for q in article.quotes] == [("Olu Bankole", "said", 1)]
    assert articlekit.from_json(articlekit.to_json(article)) == article


def test_enrichment_keeps_quotes_the_parser_set() -> None:
    paragraphs = ("“One,” said Ana Lima. “Two,” said Ana Lima.",)
    text = paragraphs[0]
    mine = Quote(text="Two,", span=Span(text.index("Two"), text.index("Two") + 4), paragraph=0, speaker="Parser")
    article = Article(paragraphs=paragraphs, quotes=(mine,))
    enriched = enrich.articlekit_enrich(article=article, document=Document(text))
    assert enriched is not None
    assert [(q.text, q.speaker) for q in enriched.quotes] == [("One,", "Ana Lima"), ("Two,", "Parser")]


def test_extract_quotes_is_exported() -> None:
    assert articlekit.extract_quotes is extract_quotes
    assert "extract_quotes" in articlekit.__all__


# -- robustness ----------------------------------------------------------------------------------

_pieces = st.one_of(
    st.sampled_from(
        [
            *"“”„«»\"'‘’ \n.,:;—",
            "\n\n",
            " said ",
            " he ",
            " Ana Lima ",
            "According to ",
            "’’",
            "‘‘",
            " told reporters, ",
        ]
    ),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12),
)
_quote_text = st.lists(_pieces, max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(_quote_text)
@example("\n said “ told reporters, ")  # a speaker phrase of nothing but a line break raised IndexError
def test_never_raises_and_spans_slice_in_order(text: str) -> None:
    quotes = extract_quotes(text)
    end = 0
    for quote in quotes:
        assert quote.span.start >= end
        assert text[quote.span.start : quote.span.end] == quote.text
        assert quote.paragraph == text.count("\n\n", 0, quote.span.start) or "\n\n\n" in text
        assert quote.speaker is None or quote.speaker.lower() not in {"he", "she", "they", "it"}
        end = quote.span.end
    Article(paragraphs=tuple(text.split("\n\n")), quotes=quotes)


_HOSTILE = [
    "“" * 200_000,
    '"a ' * 60_000,
    "’s " * 60_000,
    "“" + "said he said " * 20_000,
    ("“Yes,” said Ana Lima. " * 5_000),
    "Ana " * 50_000 + "said “no”",
    "\n\n".join(["“open"] * 20_000),
    ("The ministry's spokesman said, “" + "x " * 50_000),
]


@pytest.mark.parametrize("text", _HOSTILE)
def test_adversarial_input_gives_sound_quotes(text: str) -> None:
    quotes = extract_quotes(text)
    for quote in quotes[:100]:
        assert text[quote.span.start : quote.span.end] == quote.text


#: Units that, repeated, once made quote extraction quadratic: a storm of empty-ish quotes, of
#: attributed ones (cue search), of ``it``/``he``/``they`` (pronoun candidates), of one role
#: (description search), of repeated whole-paragraph quotes (the pull-quote test).
_STORMS = {
    "curly pairs": "“a ”",
    "straight opener": '"a ',
    "attributed": "“Yes,” he said. ",
    "organisation it": "The Harbour Board met. “No,” it said. ",
    "people they": "Ana Lima and Olu Bankole met. “No,” they said. “Yes,” she said. ",
    "role": "“No,” the spokesman said. ",
    "pull quotes": "“We will not open the old harbour gate tonight or tomorrow at all”\n\n",
    "sentences": "“Yes” is what the harbour master, Ana Lima, kept saying. ",
    "unattributed": "“We will rebuild the whole harbour before winter.” ",
}


class _Scanned:
    """A compiled pattern that counts the characters its searches are given to read."""

    def __init__(self, pattern: re.Pattern[str], tally: list[int]) -> None:
        self.pattern, self.tally = pattern, tally

    def _count(self, string: str, pos: int, endpos: int) -> None:
        self.tally[0] += max(0, min(endpos, len(string)) - pos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        self._count(string, pos, endpos)
        return self.pattern.finditer(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        self._count(string, pos, endpos)
        return self.pattern.search(string, pos, endpos)


def _characters_read(monkeypatch: pytest.MonkeyPatch, text: str) -> int:
    """Characters the cue, sentence-end and description searches and the pull-quote check read."""
    from articlekit.extract.quotes import attribution, filter, marks, speakers

    tally = [0]
    cue_pattern, description_pattern = marks._cue_pattern, speakers._description_pattern
    monkeypatch.setattr(marks, "_cue_pattern", lambda verbs, **kw: _Scanned(cue_pattern(verbs, **kw), tally))
    monkeypatch.setattr(speakers, "_description_pattern", lambda head: _Scanned(description_pattern(head), tally))
    monkeypatch.setattr(attribution, "_SENTENCE_END", _Scanned(attribution._SENTENCE_END, tally))
    repeated = filter._Filter._repeated

    def counted(self: filter._Filter, key: str) -> bool:
        searches = self._repeat_searches
        found = repeated(self, key)
        tally[0] += len(self.text) * (self._repeat_searches - searches > 0 and searches < filter._MAX_REPEAT_SEARCHES)
        return found

    monkeypatch.setattr(filter._Filter, "_repeated", counted)
    extract_quotes(text)
    return tally[0]


def _repeated(unit: str) -> Callable[[int], str]:
    return lambda size: unit * max(1, size // len(unit))


def _distinct_pull_quotes(size: int) -> str:
    return "\n\n".join(f"“The harbour gate number {i} stays shut tonight”" for i in range(size // 50))


@pytest.mark.parametrize(
    "make",
    [*(_repeated(unit) for unit in _STORMS.values()), _distinct_pull_quotes],
    ids=[*_STORMS, "distinct pull quotes"],
)
def test_quote_searches_read_the_text_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch, make: Callable[[int], str]
) -> None:
    """Work counted, not timed: the searches read each character a bounded number of times (a
    window re-read for every quote, or the whole text per quote, would read it hundreds). The
    bound is the pull-quote check's (at most 32 whole-text searches) plus a few passes."""
    for size in (5_000, 20_000):
        text = make(size)
        assert _characters_read(monkeypatch, text) <= 40 * len(text)


@pytest.mark.parametrize("unit", list(_STORMS.values()), ids=list(_STORMS))
def test_quote_cost_grows_linearly(unit: str) -> None:
    """Cost by growth, not by a clock limit: four times the text may cost about four times the
    work (8 allows for noise); a quadratic pass would cost sixteen times. 40,000 characters is
    about the least at which a quadratic string copy per quote (each reading its whole paragraph)
    shows above the linear work."""
    n = max(1, 40_000 // len(unit))
    assert growth(lambda k: extract_quotes(unit * k), n, repeat=2) <= 8


# -- the seed (Must show 1) ----------------------------------------------------------------------


def test_seed_quotes(seed_path: Path) -> None:
    article = articlekit.parse_file(seed_path)
    text = article.text
    got = [(q.speaker, q.cue, q.text) for q in article.quotes]
    assert [(s, c) for s, c, _ in got] == [
        ("Dmitry Peskov", "told reporters"),
        ("Dmitry Peskov", "continued"),
        ("Ukraine’s ambassador to Germany", "responded"),
        ("Elon Musk", "added"),
        ("Zelensky’s official order", "states"),
    ]
    expected_starts = ["It is very positive", "Compared to many", "F**k off is", "just a question", "The impossibility"]
    for quote, start in zip(article.quotes, expected_starts, strict=True):
        assert quote.text.startswith(start)
        assert text[quote.span.start : quote.span.end] == quote.text
        assert text[quote.span.start - 1] == "“"
        assert text[quote.span.end] == "”"
        assert text.count("\n\n", 0, quote.span.start) == quote.paragraph
    assert article.quotes[3].text == "just a question of how many die before"
    assert article.quotes[4].text.endswith("Vladimir Putin,")


def test_q_element_text_is_a_quote_with_its_speaker() -> None:
    paragraphs = ("Fisher Mona Grieg looked at the river.", "The delta is dying, Grieg said on Monday.")
    html = (
        "<html><body><p>Fisher Mona Grieg looked at the river.</p>"
        "<p><q>The delta is dying</q>, Grieg said on Monday.</p></body></html>"
    )
    article = Article(paragraphs=paragraphs)
    spans = enrich.q_spans(article, Document(html))
    assert [article.text[a:b] for a, b in spans] == ["The delta is dying"]
    enriched = enrich.articlekit_enrich(article=article, document=Document(html))
    assert enriched is not None
    assert [(q.text, q.speaker, q.cue) for q in enriched.quotes] == [("The delta is dying", "Mona Grieg", "said")]


def test_a_capital_inside_a_word_starts_no_name() -> None:
    from articlekit.extract.quotes.names import _name_runs

    runs = _name_runs("the iPhone maker and e.Gov chief Tim Cook", frozenset())
    assert [tokens for _start, _end, tokens, _possessive in runs] == [["Tim", "Cook"]]
