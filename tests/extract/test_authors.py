"""Unit tests for :mod:`articlekit.extract.authors`."""

from __future__ import annotations

import pytest

from articlekit.extract.authors import AGENCIES, clean_author, looks_like_name, parse_byline, split_authors


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("  by:  Jane   Doe ", "Jane Doe"),
        ("Jane Doe, Staff Writer", "Jane Doe"),
        ("Jane Doe jane@example.com", "Jane Doe"),
        ("Par Léa Martin", "Léa Martin"),
        ("Ben Okri, Sr. Director of Operations, Harbour Movers", "Ben Okri"),
        ("Mia Lund, Shipping Expert", "Mia Lund"),
        ("Ada Obi - Registered Dietitian", "Ada Obi"),
    ],
)
def test_clean_author(raw: str, expected: str) -> None:
    assert clean_author(raw) == expected


@pytest.mark.parametrize("text", ["Jane Doe", "Ludwig van Beethoven", "Associated Press", "José da Silva"])
def test_names(text: str) -> None:
    assert looks_like_name(text)


@pytest.mark.parametrize(
    "text",
    ["", "Staff", "Updated 4 Oct", "http://example.com/jane", "follow us", "the rain in spain", "Senior Writer"],
)
def test_not_names(text: str) -> None:
    assert not looks_like_name(text)


def test_a_declared_name_may_be_written_in_lower_case() -> None:
    # In a byline "the rain in spain" is prose; as a schema.org Person's name, lower case is
    # just how the person typed it into the CMS. A lone word is not trusted even then.
    assert not looks_like_name("kirstin boatto")
    assert looks_like_name("kirstin boatto", declared=True)
    assert not looks_like_name("admin", declared=True)
    assert split_authors("ana ruiz and tom lee", declared=True) == ["ana ruiz", "tom lee"]


def test_a_lone_word_cut_from_a_phrase_is_not_a_name() -> None:
    # "and" inside an organisation's name is no list of people.
    assert split_authors("Center for Drug Evaluation and Research") == []
    assert split_authors("Office of Policy and Ana Ruiz") == ["Ana Ruiz"]
    # A handle beside a name is no phrase: the name stays, even as one word.
    assert split_authors("Ikaika, kai_w") == ["Ikaika"]
    assert split_authors("Jane and John Doe") == ["Jane", "John Doe"]


def test_split_authors() -> None:
    assert split_authors("By Jane Doe and John Roe") == ["Jane Doe", "John Roe"]
    assert split_authors("Ana Ruiz, Tom Lee & Kim Park") == ["Ana Ruiz", "Tom Lee", "Kim Park"]
    assert split_authors("Jane Doe | Jane Doe") == ["Jane Doe"]


def test_parse_byline_agency() -> None:
    assert parse_byline("Jane Doe, Reuters") == ["Jane Doe"]
    assert parse_byline("Reporting by staff, Reuters") == ["Reuters"]
    assert "Reuters" in AGENCIES


def test_parse_byline_rejects_sentences() -> None:
    assert parse_byline("The council met on Tuesday.") is None
    assert parse_byline("x" * 200) is None


@pytest.mark.parametrize("label", ["Artikel von", "Publié par", "Posted by", "von"])
def test_a_label_without_a_name_is_no_author(label: str) -> None:
    assert split_authors(label) == []
