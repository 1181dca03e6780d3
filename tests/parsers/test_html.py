"""The generic HTML parser: body, links and their placement, related/disclaimer/source, subclasses."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import ClassVar

import lxml.html
import pytest

import articlekit
from articlekit.document import Document
from articlekit.extract.body import Pass
from articlekit.extract.metadata import Metadata
from articlekit.models import LinkKind
from articlekit.parsers import HtmlParser, Parser
from articlekit.parsers.html import base_url
from articlekit.plugins import Registry

PROSE = (
    "The council voted on Tuesday to extend the tram line to the harbour, after a debate that ran "
    "late into the evening and drew residents from every district of the city."
)


def wrap(article: str, *, head: str = "", around: str = "") -> str:
    return (
        f"<html lang='en'><head><title>Harbour tram | City Times</title>{head}</head><body>"
        "<nav class='site-nav'><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
        f"<div id='main'><article class='post'>{article}</article>{around}</div>"
        "<footer class='site-footer'><p>City Times, 1 Dock Road. Contact us for advertising, careers and more.</p></footer>"
        "</body></html>"
    )


def parse(html: str, url: str | None = "https://news.example.com/2024/05/01/tram.html") -> articlekit.Article:
    return articlekit.parse(html, url=url)


def test_html_parser_is_registered_and_chosen_for_pages() -> None:
    article = parse(wrap(f"<p>{PROSE}</p>"))
    assert article.parser is not None
    assert article.parser.name == "html"


def test_body_keeps_headings_lists_quotes_and_table_rows_in_order() -> None:
    html = wrap(
        f"<h1>Harbour tram</h1><p>{PROSE}</p><h2>What changes</h2>"
        "<ul><li>Four new stops along the quay.</li><li>Trams every six minutes at peak hours.</li></ul>"
        "<blockquote><p>We have waited twenty years for this line, and it is finally coming.</p></blockquote>"
        "<table><thead><tr><th>Stop</th><th>Opens</th></tr></thead>"
        "<tbody><tr><td>Quay</td><td>2026</td></tr><tr><td>Ferry port</td><td>2027</td></tr></tbody></table>"
        f"<figure><img src='/t.jpg'><figcaption>A tram on the test track near the depot.</figcaption></figure><p>{PROSE}</p>"
    )
    article = parse(html)
    assert article.paragraphs == (
        PROSE,
        "What changes",
        "Four new stops along the quay.",
        "Trams every six minutes at peak hours.",
        "We have waited twenty years for this line, and it is finally coming.",
        "Stop | Opens",
        "Quay | 2026",
        "Ferry port | 2027",
        "A tram on the test track near the depot.",
        PROSE,
    )


def test_boilerplate_is_left_out() -> None:
    html = wrap(
        f"<p>{PROSE}</p><p>{PROSE} Two.</p><p>{PROSE} Three.</p>"
        "<div class='share-bar'><a href='https://twitter.com/share'>Share on X</a> <a href='#'>Email</a></div>"
        "<div class='newsletter-signup'><p>Sign up to our morning newsletter for the day's news.</p></div>"
        f"<p>{PROSE} Again.</p>"
        "<div class='author-bio'><p>Ann Writer covers transport for the City Times.</p></div>",
        around="<section id='comments' class='comments'><p>Great news, finally a tram, said a reader.</p></section>"
        "<div id='cookie-consent'><p>We use cookies to improve your experience on our site.</p></div>",
    )
    text = parse(html).text
    assert PROSE in text
    for junk in ("Share on X", "newsletter", "Ann Writer", "Great news", "cookies", "Home", "Dock Road"):
        assert junk not in text


def test_text_in_small_and_span_and_across_ads_is_kept_whole() -> None:
    html = wrap(
        f"<p>{PROSE}</p><div class='ad-slot'><span>Advertisement</span></div>"
        f"<p><span>Part two: </span>{PROSE}</p><div class='ad-slot'></div>"
        f"<p><small>Part three, in small print: {PROSE}</small></p>"
    )
    article = parse(html)
    assert len(article.paragraphs) == 3
    assert article.paragraphs[1].startswith("Part two: The council")
    assert article.paragraphs[2].startswith("Part three, in small print")
    assert "Advertisement" not in article.text


@pytest.mark.parametrize("source", ["str", "bytes"])
def test_stray_control_characters_neither_break_the_parser_nor_reach_the_text(source: str) -> None:
    # lxml keeps U+0001 in a parsed page's text but refuses to write it back, as removing the
    # button (and moving the text after it) does: the body is read from a scrubbed copy instead.
    html = wrap(
        f"<h1>Harbour tram</h1><p>{PROSE}</p>"
        f"<p>The vote\x01 passed<button>Share</button>\x01 by nine to four.\x0cResidents cheered.</p>"
    )
    article = parse(html.encode() if source == "bytes" else html)
    assert article.parser is not None
    assert article.parser.name == "html"
    assert not any("failed" in warning for warning in article.warnings)
    assert article.title == "Harbour tram"
    assert article.paragraphs == (PROSE, "The vote passed by nine to four. Residents cheered.")


def test_control_characters_are_dropped_from_the_text_even_when_no_edit_meets_them() -> None:
    article = parse(wrap(f"<p>{PROSE}</p><p>The vote\x01 passed <a href='/vote'>by\x02 nine</a> to four.</p>"))
    assert article.paragraphs[1] == "The vote passed by nine to four."
    (link,) = [link for link in article.links if link.kind is LinkKind.INLINE]
    assert article.text[link.span.start : link.span.end] == link.text == "by nine"


def test_inline_links_are_absolute_and_placed_in_text() -> None:
    html = wrap(
        f"<p>{PROSE} Read <a href='/docs/plan.pdf'>the  full\n plan</a> or "
        "<a href='https://other.example.org/x?a=1&amp;b=2'>the critique</a>.</p>"
        f"<p>{PROSE} <a href='javascript:void(0)'>Click</a> <a href='data:text/plain,hi'>data</a> "
        "<a href='mailto:desk@example.com'>mail us</a> <a href='#top'>top</a></p>"
    )
    article = parse(html)
    inline = article.links_of("inline")
    assert [(link.url, link.text) for link in inline] == [
        ("https://news.example.com/docs/plan.pdf", "the full plan"),
        ("https://other.example.org/x?a=1&b=2", "the critique"),
    ]
    for link in inline:
        assert link.span is not None
        assert article.text[link.span.start : link.span.end] == link.text
        assert link.paragraph == 0
    assert "Click" in article.text  # dropped as a link, kept as text


def test_links_resolve_against_base_href() -> None:
    html = wrap(f"<p>{PROSE} See <a href='report.html'>the report</a>.</p>", head="<base href='/archive/2024/'>")
    article = parse(html, url="https://news.example.com/story")
    (link,) = article.links_of("inline")
    assert link.url == "https://news.example.com/archive/2024/report.html"


def test_base_url_without_page_url() -> None:
    tree = lxml.html.fromstring("<html><head><base href='https://cdn.example.com/a/'></head><body></body></html>")
    assert base_url(tree, None) == "https://cdn.example.com/a/"
    assert base_url(lxml.html.fromstring("<html><body></body></html>"), None) is None


def test_absolute_base_href_without_page_url() -> None:
    html = wrap(f"<p>{PROSE} See <a href='report.html'>the report</a>.</p>", head="<base href='https://cdn.example.com/a/'>")
    (link,) = parse(html, url=None).links_of("inline")
    assert link.url == "https://cdn.example.com/a/report.html"


def test_a_parser_s_own_metadata_without_a_base_resolves_against_the_page_url() -> None:
    class OwnMetadata(HtmlParser):
        name = "own-metadata"

        def metadata(self, tree: lxml.html.HtmlElement, url: str | None) -> Metadata:
            return Metadata(title="Harbour tram")

    html = wrap(f"<p>{PROSE} See <a href='/plan.pdf'>the plan</a>.</p>")
    article = OwnMetadata().parse(Document(html, url="https://news.example.com/2024/05/01/tram.html"))
    assert [link.url for link in article.links_of("inline")] == ["https://news.example.com/plan.pdf"]


def test_relative_links_without_any_base_are_dropped_not_invalid() -> None:
    article = parse(wrap(f"<p>{PROSE} See <a href='/x'>this</a>.</p>"), url=None)
    assert article.links_of("inline") == ()


def test_link_offsets_across_paragraphs() -> None:
    paragraphs = "".join(f"<p>Paragraph {i} says <a href='/p{i}'>link {i}</a> and more. {PROSE}</p>" for i in range(5))
    article = parse(wrap(paragraphs))
    inline = article.links_of("inline")
    assert [link.paragraph for link in inline] == [0, 1, 2, 3, 4]
    for link in inline:
        assert link.span is not None
        assert article.text[link.span.start : link.span.end] == link.text
        assert link.text in article.paragraphs[link.paragraph or 0]


def test_related_list_becomes_related_links() -> None:
    html = wrap(
        f"<p>{PROSE}</p><p>{PROSE}</p><p>{PROSE} Three.</p><h3>Related articles</h3>"
        "<ul><li><a href='/2024/04/bus.html'>Bus lanes come to the ring road</a></li>"
        "<li><a href='/2024/03/ferry.html'>Ferry timetable changes in spring</a></li></ul>"
        "<p><strong>Read also:</strong> <a href='/2024/02/bridge.html'>The bridge that was never built</a></p>"
    )
    article = parse(html)
    related = article.links_of("related")
    assert [link.text for link in related] == [
        "Bus lanes come to the ring road",
        "Ferry timetable changes in spring",
        "The bridge that was never built",
    ]
    assert related[0].url == "https://news.example.com/2024/04/bus.html"
    assert "Bus lanes" not in article.text
    assert "Related articles" not in article.text
    assert "bridge" not in article.text


def test_related_container_by_class_gives_related_links() -> None:
    html = wrap(
        f"<p>{PROSE}</p><p>{PROSE}</p><p>{PROSE} Three.</p>"
        "<div class='related-stories'><a href='/a.html'>Night buses return to the old town</a>"
        "<a href='/b.html'>Cycle lanes on the bridge get a date</a></div>"
    )
    article = parse(html)
    assert [link.url for link in article.links_of("related")] == [
        "https://news.example.com/a.html",
        "https://news.example.com/b.html",
    ]
    assert "Night buses" not in article.text


def test_republication_notice_becomes_disclaimer_and_source_link() -> None:
    html = wrap(
        f"<p>{PROSE}</p><p>{PROSE} Second.</p>"
        "<p>This article was originally published on <a href='https://origin.example.net/tram'>Harbour Weekly</a>"
        " and is republished here under a Creative Commons license.</p>"
    )
    article = parse(html)
    assert article.disclaimer is not None
    assert article.disclaimer.startswith("This article was originally published on Harbour Weekly")
    assert "originally published" not in article.text
    (source,) = article.links_of("source")
    assert source.url == "https://origin.example.net/tram"
    assert source.span is None
    assert all(link.url != source.url for link in article.links_of("inline"))


def test_canonical_link_and_url() -> None:
    html = wrap(f"<p>{PROSE}</p>", head="<link rel='canonical' href='https://news.example.com/tram'>")
    article = parse(html, url="https://news.example.com/tram?utm_source=x")
    (canonical,) = article.links_of("canonical")
    assert canonical.url == "https://news.example.com/tram"
    assert article.url == "https://news.example.com/tram"


def test_relaxed_pass_finds_text_the_strict_pass_drops() -> None:
    # Everything sits in a container whose name reads like a sidebar: the strict pass removes it.
    html = (
        "<html><body><div class='sidebar-layout'>"
        + "".join(f"<p>{PROSE} Number {i}.</p>" for i in range(4))
        + "</div></body></html>"
    )
    article = parse(html)
    assert len(article.paragraphs) == 4


def test_json_ld_body_when_html_has_none() -> None:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "H", "articleBody": "One.\n\nTwo."}
    html = f"<html><head><script type='application/ld+json'>{json.dumps(data)}</script></head><body></body></html>"
    article = parse(html)
    assert article.paragraphs == ("One.", "Two.")
    assert any("JSON-LD" in w for w in article.warnings)


@pytest.mark.parametrize(
    "html",
    [
        "<html></html>",
        "<html><body><div></div></body></html>",
        "<p>only a fragment with <a href='x'>a link</a></p>",
        "<html><body><table><tr><td><table><tr><td>nested</td></tr></table></td></tr></table></body></html>",
        "<html><body>" + "<div>" * 400 + "deep" + "</div>" * 400 + "</body></html>",
        "<html><body><button><p>" + PROSE * 30 + "</p></body></html>",
    ],
)
def test_odd_pages_give_an_article_not_a_traceback(html: str) -> None:
    article = articlekit.parse(html, url="https://example.com/")
    assert isinstance(article, articlekit.Article)


def test_unclosed_button_does_not_swallow_the_article() -> None:
    article = parse("<html><body><button>Menu<div>" + f"<p>{PROSE}</p>" * 30 + "</div></body></html>")
    assert PROSE in article.text


class ExampleParser(HtmlParser):
    """A publisher parser that overrides the container, a drop selector and the authors."""

    name: ClassVar[str] = "example-news"
    hosts = ("example-news.com",)
    generic = False
    body_selectors = ("div.story-text",)
    drop_selectors = (".inline-promo",)

    def authors(self, tree: lxml.html.HtmlElement, metadata: Metadata) -> tuple[str, ...]:
        return tuple(str(s).strip() for s in tree.xpath("//span[@class='writer']/text()"))


class ExamplePlugin:
    @articlekit.hookimpl
    def articlekit_parsers(self, register: Callable[[Parser], None]) -> None:
        register(ExampleParser())


def test_subclass_overrides_only_what_differs(registry: Registry) -> None:
    registry.register(ExamplePlugin())
    html = (
        "<html><head><title>Story</title></head><body><span class='writer'>Jo Bloggs</span>"
        "<div class='story-text'><p>Short.</p><div class='inline-promo'>Subscribe now</div>"
        "<p>Also short, <a href='/more'>more</a>.</p></div>"
        f"<div class='other'>{'<p>' + PROSE + '</p>' * 5}</div></body></html>"
    )
    article = articlekit.parse(html, url="https://www.example-news.com/s", registry=registry)
    assert article.parser is not None
    assert article.parser.name == "example-news"
    assert article.paragraphs == ("Short.", "Also short, more.")
    assert article.authors == ("Jo Bloggs",)
    assert article.title  # the generic metadata still applies
    (link,) = article.links_of("inline")
    assert link.url == "https://www.example-news.com/more"


def test_parse_takes_a_document_directly() -> None:
    doc = Document(wrap(f"<p>{PROSE}</p>"), url="https://example.com/a")
    article = HtmlParser().parse(doc)
    assert article.paragraphs == (PROSE,)
    assert LinkKind.CANONICAL not in {link.kind for link in article.links}


def test_bad_body_selector_is_an_articlekit_error() -> None:
    class Broken(HtmlParser):
        body_selectors = ("div[[[",)

    with pytest.raises(articlekit.ArticlekitError, match="bad selector"):
        Broken().parse(Document(wrap(f"<p>{PROSE}</p>"), url="https://example.com/a"))


class ModularParser(HtmlParser):
    name = "modular"
    generic = False
    hosts = ("modular.example",)
    body_selectors = ("div.guide",)


class TrustingModularParser(ModularParser):
    name = "modular-trusting"
    hosts = ("trusting.example",)
    container_pass = Pass(strip_unlikely=False, weight_classes=False)


def test_container_pass_decides_whether_class_names_clean_the_container(registry: Registry) -> None:
    class Plugin:
        @articlekit.hookimpl
        def articlekit_parsers(self, register: Callable[[Parser], None]) -> None:
            register(ModularParser())
            register(TrustingModularParser())

    registry.register(Plugin())
    html = (
        "<html><body><div class='guide'><p>" + PROSE + "</p>"
        "<div class='product-widget'><h3>The kettle we liked</h3><p>It boiled a litre in under two minutes.</p></div>"
        "</div></body></html>"
    )
    default = articlekit.parse(html, url="https://modular.example/guide", registry=registry)
    trusting = articlekit.parse(html, url="https://trusting.example/guide", registry=registry)
    assert default.parser is not None
    assert default.parser.name == "modular"
    assert "It boiled a litre in under two minutes." not in default.paragraphs
    assert trusting.parser is not None
    assert trusting.parser.name == "modular-trusting"
    assert trusting.paragraphs == (PROSE, "The kettle we liked", "It boiled a litre in under two minutes.")


_PROSE = "<p>" + "The council met on Tuesday to weigh the budget for the coming year. " * 10 + "</p>"


@pytest.mark.parametrize(
    ("marker", "warned"),
    [
        ('<script type="application/ld+json">{"isAccessibleForFree": false}</script>', True),
        ("<script type='application/ld+json'>{'isAccessibleForFree' : 'False'}</script>", True),
        ('<script type="application/ld+json">{"isAccessibleForFree": true}</script>', False),
        ('<div class="story paywall-gate">Subscribe</div>', True),
        ("<div CLASS='x paywall'>Subscribe</div>", True),
        ('<div class="nopaywall">Subscribe</div>', False),
        ('<div data-note="paywall">x</div>', False),
        ("<p>Readers asked about the paywall.</p>", False),
    ],
)
def test_paywall_warning_needs_a_schema_flag_or_a_class(marker: str, warned: bool) -> None:
    page = f"<html><head>{marker}</head><body><article>{_PROSE}</article></body></html>"
    article = articlekit.parse(page, url="https://news.example/a", enrich=False)
    assert any("subscribers only" in w for w in article.warnings) is warned
