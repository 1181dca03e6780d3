"""The generic plain-text parser."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import articlekit
from articlekit.plugins import Registry


def parse(text: str) -> articlekit.Article:
    return articlekit.parse(text, registry=Registry(entry_points=False))


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("by Kim Lee", ("Kim Lee",)),
        ("By Kim Lee and Ravi Patel", ("Kim Lee", "Ravi Patel")),
        ("Kim Lee, Reuters", ("Kim Lee",)),
        ("BY KIM LEE, ROSA DIAZ & OMAR FARUK", ("KIM LEE", "ROSA DIAZ", "OMAR FARUK")),
    ],
)
def test_bylines(byline: str, authors: tuple[str, ...]) -> None:
    article = parse(f"The title\n\n{byline}\nOct 4, 2022\n\nBody.")
    assert article.authors == authors
    assert article.title == "The title"


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [
        ("Oct 4, 2022", dt.date(2022, 10, 4)),
        ("4 October 2022", dt.date(2022, 10, 4)),
        ("2022-10-04", dt.date(2022, 10, 4)),
        ("October 4, 2022 10:31 AM EDT", dt.datetime(2022, 10, 4, 10, 31, tzinfo=dt.timezone(dt.timedelta(hours=-4)))),
        ("Published: 2022-10-04T08:00:00Z", dt.datetime(2022, 10, 4, 8, 0, tzinfo=dt.UTC)),
        ("Oct 4, 2022 10:31", dt.date(2022, 10, 4)),  # no zone: the time is not invented
    ],
)
def test_datelines(dateline: str, expected: dt.date) -> None:
    article = parse(f"The title\n\nby Kim Lee\n{dateline}\n\nBody.")
    assert article.published == expected
    assert article.paragraphs == ("Body.",)


def test_updated_line_is_modified_not_published() -> None:
    article = parse("T\n\nPublished Oct 4, 2022\nUpdated Oct 6, 2022\n\nBody.")
    assert article.published == dt.date(2022, 10, 4)
    assert article.modified == dt.date(2022, 10, 6)


def test_paragraphs_join_wrapped_lines_and_normalise_space() -> None:
    article = parse("Title\n\nFirst line\nwrapped   here.\r\n\r\n\tSecond\u00a0para.\n\n\n\nThird.")
    assert article.paragraphs == ("First line wrapped here.", "Second para.", "Third.")


def test_no_header_means_all_body() -> None:
    text = "This is a first paragraph that reads like body text and ends with a period.\nIt goes on.\n\nSecond."
    article = parse(text)
    assert article.title is None
    assert article.paragraphs[0].startswith("This is a first paragraph")


def test_missing_dateline_and_byline() -> None:
    article = parse("Only a title\n\nBody one.\n\nBody two.")
    assert article.title == "Only a title"
    assert article.authors == ()
    assert article.published is None
    assert article.paragraphs == ("Body one.", "Body two.")


def test_bare_urls_become_placed_inline_links() -> None:
    article = parse("T\n\nSee https://a.example/x, and www.b.example.\n\nAlso (https://c.example/y_(z)).")
    links = article.links_of("inline")
    assert [link.url for link in links] == ["https://a.example/x", "https://www.b.example", "https://c.example/y_(z)"]
    for link in links:
        assert link.span is not None
        assert article.text[link.span.start : link.span.end] == link.text
    assert [link.paragraph for link in links] == [0, 0, 1]


def test_future_date_is_not_a_dateline() -> None:
    article = parse("T\n\nby Kim Lee\nOct 4, 2999\n\nBody.")
    assert article.published is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=600))
def test_any_text_parses_without_losing_words(text: str) -> None:
    registry = Registry(entry_points=False)
    # A leading BOM is the encoding's signature, not text, and control characters are not text
    # either: Document drops them (and refuses a text made mostly of them).
    try:
        cleaned = articlekit.Document(text).text
    except articlekit.InputError:
        cleaned = ""
    if not cleaned.strip():
        with pytest.raises(articlekit.InputError):
            articlekit.parse(text, registry=registry, parser="text")
        return
    article = articlekit.parse(text, registry=registry, parser="text")
    assert articlekit.from_json(articlekit.to_json(article)) == article
    kept = " ".join(filter(None, [article.title or "", *article.paragraphs])).split()
    words = cleaned.split()
    # Every word of the input survives somewhere (title, body) unless it was read as byline/date.
    if not article.authors and article.published is None and article.modified is None:
        assert sorted(kept) == sorted(words)
