"""Quote recall, second round (issue 13): quoted runs that independent annotators count, on sentences written for these tests."""

from __future__ import annotations

from articlekit.extract.quotes import extract_quotes


def found(text: str) -> list[tuple[str, str | None, str | None]]:
    quotes = extract_quotes(text)
    for quote in quotes:
        assert text[quote.span.start : quote.span.end] == quote.text
    return [(q.text, q.speaker, q.cue) for q in quotes]


def test_participle_of_saying_keeps_its_quote_when_the_subject_is_hard_to_read() -> None:
    text = (
        "Ines Tavora, a sailor for forty years and the first woman in the post, "
        "backed the plan on Monday, saying the old pier had become “a danger to every boat in the bay.”"
    )
    assert found(text) == [("a danger to every boat in the bay.", "Ines Tavora", "saying")]


def test_participle_after_the_writers_own_voice_is_no_quote() -> None:
    text = "We spent the whole winter on the quay, asking “what would the fishermen do without the pier?”"
    assert found(text) == []


def test_a_quoted_clause_in_mid_sentence_is_kept_with_the_sentence_subject() -> None:
    text = "Ines Tavora worried that the old pier was becoming “a trap we will all pay for” before the storms."
    assert found(text) == [("a trap we will all pay for", "Ines Tavora", None)]


def test_a_quoted_noun_phrase_or_question_in_mid_sentence_stays_out() -> None:
    text = (
        "The firm was charged with “breach of a statutory harbour duty” last spring. "
        "The leaflet covers “how does a tide table work?” on its back page."
    )
    assert found(text) == []


def test_a_paragraph_ending_with_a_colon_gives_the_next_quote_its_speaker() -> None:
    text = (
        "“We are ready,” the mayor said.\n\n"
        "Ines Tavora, who has sailed the bay for forty years, was more cautious:\n\n"
        "“The pier will not hold through another winter.”"
    )
    assert found(text)[-1] == ("The pier will not hold through another winter.", "Ines Tavora", None)


def test_a_verb_of_saying_in_a_later_clause_takes_the_subject_of_an_earlier_one() -> None:
    text = (
        "Ines Tavora, speaking at the quay on Tuesday, thanked the crew "
        "and described the repairs as “far too slow for a working port.”"
    )
    assert found(text) == [("far too slow for a working port.", "Ines Tavora", "described")]


def test_a_capitalised_cue_inside_a_name_is_no_verb_of_saying() -> None:
    text = "Back from the United States, Ines Tavora rallied the crew, saying: “We sail at dawn.”"
    assert found(text) == [("We sail at dawn.", "Ines Tavora", "saying")]


def test_a_straight_quote_opening_a_line_after_a_single_line_break() -> None:
    text = 'Tavora spoke after the vote.\n"The pier will not hold," Tavora said. "Not another winter."'
    assert found(text) == [("The pier will not hold,", "Tavora", "said"), ("Not another winter.", "Tavora", None)]


def test_a_name_right_before_a_colon_speaks_the_quote_after_it() -> None:
    text = "The early result did not surprise pollster Ines Tavora: “Late deciders always break for the challenger.”"
    assert found(text) == [("Late deciders always break for the challenger.", "Ines Tavora", None)]


def test_a_participle_after_with_and_a_name_takes_that_name() -> None:
    text = "Protesters filled the square on Friday, with Ines Tavora telling the crowd: “We sail at dawn.”"
    assert found(text) == [("We sail at dawn.", "Ines Tavora", "telling")]


def test_a_name_and_a_past_tense_verb_after_a_comma_quote_attribute_it() -> None:
    text = "The vote was close.\n\n“The pier will not hold another winter,” Tavora fumed on Tuesday."
    assert found(text) == [("The pier will not hold another winter,", "Tavora", "fumed")]
