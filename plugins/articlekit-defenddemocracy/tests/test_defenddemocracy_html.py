"""The outlet's web pages: the same two marks in HTML (pages written for these tests).

The fixture folder under fixtures/ is also a test of its own (articlekit's pytest plugin compares
the parse with its expected.json).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import articlekit
from articlekit.plugins import Registry
from articlekit.testing import check_claims, find_fixtures

FIXTURES = Path(__file__).parent / "fixtures"
URL = "https://www.defenddemocracy.press/a-republished-story/"
FOOTER = (
    "We remind our readers that publication of articles on our site does not mean that we agree with "
    "what is written. Our policy is to publish anything which we consider of interest."
)
PARA = "The harbour board met on Tuesday and agreed to keep the night crossing running through the winter months."


def registry() -> Registry:
    reg = Registry(entry_points=False)
    reg.register(__import__("articlekit_defenddemocracy"), name="defenddemocracy")
    return reg


def page(*blocks: str) -> str:
    body = "".join(blocks)
    return (
        "<html><head><title>Night crossing stays &#8211; Defend Democracy Press</title></head><body>"
        f"<article class='post'><h1 class='entry-title'>Night crossing stays</h1><div class='entry-content'>{body}</div>"
        "</article></body></html>"
    )


def parse(html: str, url: str | None = URL) -> articlekit.Article:
    return articlekit.parse(html, url=url, registry=registry())


def test_the_fixture_is_claimed_by_the_html_parser_alone() -> None:
    fixtures = find_fixtures(FIXTURES)
    assert [f.name for f in fixtures] == ["html-republication"]
    assert check_claims(fixtures, registry()) == []


@pytest.mark.parametrize(
    "after_mark",
    [
        "",
        # lxml keeps U+0001 in the parsed text but refuses to write it back when an element is
        # removed (its tail moves): the parser edits a copy that articlekit has scrubbed of them.
        "\x01\n",
    ],
    ids=["plain", "stray-control-character"],
)
def test_read_also_with_a_linked_title_on_the_next_block(after_mark: str) -> None:
    article = parse(
        page(
            f"<p>{PARA}</p>\n",
            f"<p><strong>Read also:</strong></p>{after_mark}",
            "<p><a href='/older-story/'>Older story title</a></p>",
            f"<p>{PARA}</p>",
            f"<p>{FOOTER}</p>",
        )
    )
    assert article.parser is not None
    assert article.parser.name == "defenddemocracy-html"
    assert not article.warnings
    assert article.paragraphs == (PARA, PARA)
    related = article.links_of("related")
    assert [(link.url, link.text) for link in related] == [
        ("https://www.defenddemocracy.press/older-story/", "Older story title")
    ]
    assert article.disclaimer == FOOTER


@pytest.mark.parametrize(
    "mark",
    [
        "<p>Read also:<br>Older story title</p>",
        "<p>Read also: Older story title</p>",
        "<p>READ ALSO：Older story title</p>",
        "<div>Read also:</div><div>Older story title</div>",
    ],
)
def test_read_also_forms(mark: str) -> None:
    article = parse(page(f"<p>{PARA}</p>", mark, f"<p>{PARA}</p>"))
    assert article.paragraphs == (PARA, PARA)
    assert [(link.url, link.text) for link in article.links_of("related")] == [(None, "Older story title")]
    assert article.disclaimer is None


def test_several_related_titles_in_a_row() -> None:
    marks = "".join(f"<p>Read also:</p><p><a href='/s{i}/'>Story {i}</a></p>" for i in range(3))
    article = parse(page(f"<p>{PARA}</p>", marks, f"<p>{PARA}</p>"))
    assert [link.text for link in article.links_of("related")] == ["Story 0", "Story 1", "Story 2"]
    assert article.paragraphs == (PARA, PARA)


def test_a_reworded_footer_served_from_elsewhere_is_claimed_by_its_signature() -> None:
    footer = "We remind our readers that the publication of articles on this website does not imply that we endorse everything written."
    article = parse(page(f"<p>{PARA}</p>", f"<p>{PARA}</p>", f"<p>{footer}</p>"), url="https://mirror.example/story")
    assert article.parser is not None
    assert article.parser.name == "defenddemocracy-html"
    assert article.disclaimer == footer
    assert footer not in article.text


def test_the_opening_by_line_gives_the_authors() -> None:
    article = parse(page("<p>By Halvor Dahl and Sima Rahimi</p>", f"<p>{PARA}</p>", f"<p>{PARA}</p>"))
    assert article.authors == ("Halvor Dahl", "Sima Rahimi")
    assert article.paragraphs == (PARA, PARA)


def test_a_page_without_marks_is_the_generic_parse() -> None:
    html = page(f"<p>{PARA}</p>", f"<p>{PARA} Read also the board's minutes.</p>")
    ours = parse(html)
    generic = articlekit.parse(html, url=URL, registry=Registry(entry_points=False))
    assert ours.paragraphs == generic.paragraphs
    assert ours.links == generic.links
