"""The outlet plugin on variants of its plain-text format (samples written for these tests)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from articlekit_defenddemocracy import DefendDemocracyTextParser

import articlekit
from articlekit.plugins import Registry

FOOTER = (
    "We remind our readers that publication of articles on our site does not mean that we agree with "
    "what is written. Our policy is to publish anything which we consider of interest."
)

BASE = """Council Approves New Library Hours

by Ada Brennan
June 2, 2023

The council voted on Monday to open the central library on Sundays.

“Reading rooms should be open when people are free,” said councillor Ruth Obi.

Read also:
Town budget leaves room for repairs

The change starts next month.

{footer}
"""


def registry() -> Registry:
    reg = Registry(entry_points=False)
    reg.register(__import__("articlekit_defenddemocracy"), name="defenddemocracy")
    return reg


def parse(text: str | bytes, url: str | None = None) -> articlekit.Article:
    return articlekit.parse(text, url=url, registry=registry())


def test_base_form() -> None:
    article = parse(BASE.format(footer=FOOTER))
    assert article.parser is not None
    assert article.parser.name == "defenddemocracy"
    assert article.title == "Council Approves New Library Hours"
    assert article.authors == ("Ada Brennan",)
    assert article.published == dt.date(2023, 6, 2)
    assert len(article.paragraphs) == 3
    assert [(link.text, link.url) for link in article.links_of("related")] == [
        ("Town budget leaves room for repairs", None)
    ]
    assert article.disclaimer is not None
    assert article.disclaimer.startswith("We remind our readers")
    assert all("remind our readers" not in p and "Read also" not in p for p in article.paragraphs)


@pytest.mark.parametrize(
    "footer",
    [
        FOOTER,
        FOOTER.replace(" ", "  "),
        FOOTER.replace("our site", "this website").replace("does not mean", "does not imply"),
        FOOTER.replace("We remind our readers that publication", "We  remind\tour readers that the publication"),
    ],
)
def test_footer_variants(footer: str) -> None:
    article = parse(BASE.format(footer=footer))
    assert article.disclaimer is not None
    assert len(article.paragraphs) == 3


def test_footer_absent_still_claimed_by_read_also() -> None:
    article = parse(BASE.format(footer=""))
    assert article.parser is not None
    assert article.parser.name == "defenddemocracy"
    assert article.disclaimer is None
    assert len(article.links_of("related")) == 1


def test_no_related_links_with_footer() -> None:
    text = BASE.replace("Read also:\nTown budget leaves room for repairs\n\n", "").format(footer=FOOTER)
    article = parse(text)
    assert article.links_of("related") == ()
    assert article.disclaimer is not None
    assert len(article.paragraphs) == 3


def test_several_related_links_in_a_row_and_inline_title() -> None:
    text = BASE.replace(
        "Read also:\nTown budget leaves room for repairs",
        "Read also:\nTown budget leaves room for repairs\nRead also: Bridge works https://defenddemocracy.press/bridge-works/\nSchools plan longer days",
    ).format(footer=FOOTER)
    article = parse(text)
    assert [(link.text, link.url) for link in article.links_of("related")] == [
        ("Town budget leaves room for repairs", None),
        ("Bridge works", "https://defenddemocracy.press/bridge-works/"),
        ("Schools plan longer days", None),
    ]
    assert len(article.paragraphs) == 3


def test_crlf_curly_and_straight_apostrophes_missing_dateline_several_authors() -> None:
    text = (
        BASE.replace("by Ada Brennan\nJune 2, 2023", "By Ada Brennan and Tom O'Neill")
        .replace("“", '"')
        .replace("”", '"')
        .format(footer=FOOTER.replace("'", "’"))
        .replace("\n", "\r\n")
    )
    article = parse(text.encode("utf-8"))
    assert article.authors == ("Ada Brennan", "Tom O'Neill")
    assert article.published is None
    assert article.disclaimer is not None
    assert len(article.paragraphs) == 3


def test_related_title_followed_directly_by_body_text() -> None:
    body_line = (
        "The change starts next month, the council said, after a consultation that drew more replies than any "
        "other this year and a petition signed by hundreds of residents."
    )
    text = BASE.replace(
        "Town budget leaves room for repairs\n\nThe change starts next month.",
        "Town budget leaves room for repairs\n" + body_line,
    )
    article = parse(text.format(footer=FOOTER))
    assert [link.text for link in article.links_of("related")] == ["Town budget leaves room for repairs"]
    assert article.paragraphs[-1] == body_line


def test_claims_by_host_even_without_marks() -> None:
    parser = DefendDemocracyTextParser()
    doc = articlekit.Document("Plain title\n\nBody.", url="https://www.defenddemocracy.press/some-story/")
    assert parser.claim(doc) == articlekit.parsers.CLAIM_URL
    assert parser.claim(articlekit.Document("Plain title\n\nBody.")) is None
    assert parse("Plain title\n\nBody.").parser.name == "text"  # type: ignore[union-attr]


def test_bundled_sample_is_claimed_and_split() -> None:
    sample = Path(__file__).resolve().parents[3] / "examples" / "defenddemocracy-sample.txt"
    article = parse(sample.read_bytes())
    assert article.parser.name == "defenddemocracy"  # type: ignore[union-attr]
    assert len(article.links_of("related")) == 3
    assert article.disclaimer is not None
