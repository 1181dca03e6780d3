from __future__ import annotations

import datetime as dt

import attrs
import pytest

from articlekit import Article, Link, LinkKind, Quote, Span


def test_text_is_paragraphs_joined_by_blank_line() -> None:
    article = Article(paragraphs=["One.", "Two."])
    assert article.paragraphs == ("One.", "Two.")
    assert article.text == "One.\n\nTwo."


def test_models_are_frozen_and_slotted() -> None:
    article = Article(title="x")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article.title = "y"  # type: ignore[misc]
    assert not hasattr(article, "__dict__")
    assert hash(Article(title="x")) == hash(article)


def test_naive_datetime_is_refused_but_a_date_is_fine() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        Article(published=dt.datetime(2022, 10, 4, 9, 30))
    assert Article(published=dt.date(2022, 10, 4)).published == dt.date(2022, 10, 4)
    with pytest.raises(TypeError):
        Article(published="2022-10-04")  # type: ignore[arg-type]


@pytest.mark.parametrize("url", ["/relative", "javascript:alert(1)", "data:text/html,x", "example.com"])
def test_link_urls_must_be_absolute_and_safe(url: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011
        Link(url=url, text="x")


def test_link_span_and_paragraph_go_together() -> None:
    with pytest.raises(ValueError, match="both span and paragraph"):
        Link(url="https://a.example/", text="x", span=Span(0, 1))


def test_quote_must_be_an_exact_slice_of_the_body() -> None:
    body = ("He said “yes” twice.",)
    good = Quote(text="yes", span=Span(9, 12), paragraph=0)
    assert Article(paragraphs=body, quotes=[good]).quotes[0].span.slice("He said “yes” twice.") == "yes"
    with pytest.raises(ValueError, match="does not match the body"):
        Article(paragraphs=body, quotes=[Quote(text="yes", span=Span(0, 3), paragraph=0)])
    with pytest.raises(ValueError, match="span covers"):
        Quote(text="yes", span=Span(9, 13), paragraph=0)


def test_link_in_body_must_match_its_anchor_text() -> None:
    link = Link(url="https://a.example/", text="Two", span=Span(6, 9), paragraph=1)
    assert Article(paragraphs=["One.", "Two."], links=[link]).links == (link,)
    with pytest.raises(ValueError, match="does not match the body"):
        Article(paragraphs=["One.", "Two."], links=[attrs.evolve(link, span=Span(0, 3), paragraph=0)])


def test_span_validation() -> None:
    with pytest.raises(ValueError):  # noqa: PT011
        Span(-1, 2)
    with pytest.raises(ValueError, match="before its start"):
        Span(5, 2)
    assert len(Span(2, 5)) == 3


def test_links_of_and_with_warning() -> None:
    article = Article(links=[Link(url=None, text="R", kind="related"), Link(url="https://a.example/", text="C", kind="canonical")])
    assert [link.text for link in article.links_of("related")] == ["R"]
    assert article.links[0].kind is LinkKind.RELATED
    assert article.with_warning("w").warnings == ("w",)
