"""Unit tests for :func:`articlekit.extract.metadata.extract_metadata`, one metadata source at a time."""

from __future__ import annotations

import datetime as dt
import html

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articlekit.extract.metadata import Metadata, extract_metadata

from ..conftest import growth

URL = "https://news.example.com/2022/10/04/harbour-reopens"


def meta_of(head: str = "", body: str = "", *, lang: str = "", url: str | None = URL) -> Metadata:
    attr = f' lang="{lang}"' if lang else ""
    tree = lxml.html.fromstring(f"<html{attr}><head>{head}</head><body>{body}</body></html>")
    return extract_metadata(tree, url)


# -- JSON-LD -----------------------------------------------------------------------------------


def test_json_ld_news_article_fields() -> None:
    head = """<script type="application/ld+json">{
      "@context": "https://schema.org", "@type": "NewsArticle",
      "headline": "Harbour reopens after storm",
      "author": [{"@type": "Person", "name": "Ana Ruiz"}, {"@type": "Person", "name": "Tom Lee"}],
      "datePublished": "2022-10-04T09:30:00+02:00", "dateModified": "2022-10-05T11:00:00+02:00",
      "publisher": {"@type": "Organization", "name": "Coast Gazette"},
      "articleSection": "Local", "keywords": "harbour, storms",
      "image": {"@type": "ImageObject", "url": "/img/harbour.jpg"}, "inLanguage": "pt-br"
    }</script>"""
    meta = meta_of(head)
    assert meta.title == "Harbour reopens after storm"
    assert meta.authors == ("Ana Ruiz", "Tom Lee")
    assert meta.published == dt.datetime(2022, 10, 4, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert meta.modified == dt.datetime(2022, 10, 5, 11, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert meta.site_name == "Coast Gazette"
    assert meta.section == "Local"
    assert meta.tags == ("harbour", "storms")
    assert meta.image == "https://news.example.com/img/harbour.jpg"
    assert meta.language == "pt-BR"


def test_json_ld_graph_with_author_reference_and_a_malformed_block() -> None:
    head = """<script type="application/ld+json">{ this is not json </script>
    <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "name": "Field Notes"},
      {"@type": "Person", "@id": "#jane", "name": "Jane Doe"},
      {"@type": ["BlogPosting"], "headline": "Counting swifts", "author": {"@id": "#jane"},
       "datePublished": "2021-06-01"}
    ]}</script>"""
    meta = meta_of(head)
    assert meta.title == "Counting swifts"
    assert meta.authors == ("Jane Doe",)
    assert meta.published == dt.date(2021, 6, 1)
    assert meta.site_name == "Field Notes"


def test_json_ld_organisation_author_only_when_no_person() -> None:
    org_only = """<script type="application/ld+json">{"@type": "Article", "headline": "Rates rise",
      "author": {"@type": "Organization", "name": "Gazette Staff Desk"}}</script>"""
    assert meta_of(org_only).authors == ("Gazette Staff Desk",)
    with_byline = org_only + '<meta name="author" content="By Priya Nair">'
    assert meta_of(with_byline).authors == ("Priya Nair",)


def test_meta_author_that_is_the_site_only_when_no_person() -> None:
    head = '<meta property="og:site_name" content="Harbour Radio"><meta property="article:author" content="Harbour Radio">'
    assert meta_of(head).authors == ("Harbour Radio",)
    assert meta_of(head, '<p class="byline">By Tom Ashe</p>').authors == ("Tom Ashe",)


def test_json_ld_author_strings_and_an_agency_typed_as_person() -> None:
    head = """<script type="application/ld+json">[{"@type": "ReportageNewsArticle", "headline": "Vote count",
      "author": [{"@type": "Person", "name": "AFP"}]}]</script>"""
    body = '<p class="byline">Par Léa Martin</p>'
    assert meta_of(head, body).authors == ("Léa Martin",)
    strings = """<script type="application/ld+json">{"@type": "Article", "headline": "x",
      "author": "Sam Ortiz and Kim Park"}</script>"""
    assert meta_of(strings).authors == ("Sam Ortiz", "Kim Park")


def test_json_ld_name_versus_headline_follows_the_page_title() -> None:
    head = """<title>Lake Baikal - Encyclopaedia</title><script type="application/ld+json">
      {"@type": "Article", "name": "Lake Baikal", "headline": "rift lake in Siberia"}</script>"""
    assert meta_of(head).title == "Lake Baikal"


# -- OpenGraph, Twitter, <meta name> ----------------------------------------------------------------


def test_open_graph_and_article_properties() -> None:
    head = """<meta property="og:title" content="Bridge vote delayed | Valley Times">
    <meta property="og:site_name" content="Valley Times">
    <meta property="og:description" content="Council postpones the decision.">
    <meta property="og:image" content="//cdn.example.com/bridge.jpg">
    <meta property="og:url" content="https://valley.example/bridge">
    <meta property="og:locale" content="en_GB">
    <meta property="article:published_time" content="2023-03-01T08:00:00Z">
    <meta property="article:modified_time" content="2023-03-02T08:00:00Z">
    <meta property="article:author" content="https://valley.example/staff/ana">
    <meta property="article:section" content="Politics">
    <meta property="article:tag" content="Council"><meta property="article:tag" content="Bridges">"""
    meta = meta_of(head)
    assert meta.title == "Bridge vote delayed"
    assert meta.site_name == "Valley Times"
    assert meta.description == "Council postpones the decision."
    assert meta.image == "https://cdn.example.com/bridge.jpg"
    assert meta.canonical_url == "https://valley.example/bridge"
    assert meta.language == "en-GB"
    assert meta.published == dt.datetime(2023, 3, 1, 8, 0, tzinfo=dt.UTC)
    assert meta.modified == dt.datetime(2023, 3, 2, 8, 0, tzinfo=dt.UTC)
    assert meta.authors == ()  # an author URL is not a name
    assert meta.section == "Politics"
    assert meta.tags == ("Council", "Bridges")


def test_twitter_card_and_plain_meta_names() -> None:
    head = """<meta name="twitter:title" content="Night trains return">
    <meta name="twitter:description" content="Sleeper services resume.">
    <meta name="twitter:image" content="https://img.example/t.jpg">
    <meta name="twitter:creator" content="@railfan">
    <meta name="parsely-author" content="Ola Berg">
    <meta name="parsely-pub-date" content="2020-01-15T06:00:00-05:00">"""
    meta = meta_of(head)
    assert meta.title == "Night trains return"
    assert meta.description == "Sleeper services resume."
    assert meta.image == "https://img.example/t.jpg"
    assert meta.authors == ("Ola Berg",)
    assert meta.published == dt.datetime(2020, 1, 15, 6, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))


def test_dublin_core_and_citation_meta() -> None:
    head = """<meta name="DC.title" content="Soil carbon in upland farms">
    <meta name="citation_author" content="Okafor, Chidi">
    <meta name="dc.date" content="2019-11-20">"""
    meta = meta_of(head)
    assert meta.title == "Soil carbon in upland farms"
    assert meta.published == dt.date(2019, 11, 20)


def test_space_separated_properties_and_double_escaped_entities() -> None:
    head = '<meta property="og:title twitter:title" content="Fish &amp;amp; chips &#8211; a history">'
    assert meta_of(head).title == "Fish & chips – a history"


# -- microdata, <time>, rel=author, bylines, the URL ---------------------------------------------------


def test_microdata_headline_author_and_date() -> None:
    body = """<article itemscope itemtype="https://schema.org/NewsArticle">
      <h1 itemprop="headline">Orchard frost warning</h1>
      <span itemprop="author" itemscope><span itemprop="name">Mira Holt</span></span>
      <time itemprop="datePublished" datetime="2024-04-02">2 April</time></article>"""
    meta = meta_of("", body, url=None)
    assert meta.title == "Orchard frost warning"
    assert meta.authors == ("Mira Holt",)
    assert meta.published == dt.date(2024, 4, 2)


def test_time_element_skips_an_update() -> None:
    body = """<p>Updated <time datetime="2024-05-09T10:00:00Z">9 May</time></p>
    <p>Posted <time class="entry-date" datetime="2024-05-01T10:00:00Z">1 May</time></p>"""
    assert meta_of("", body, url=None).published == dt.datetime(2024, 5, 1, 10, 0, tzinfo=dt.UTC)


def test_rel_author_and_visible_byline() -> None:
    assert meta_of("", '<a rel="author" href="/u/1">Dan Cole</a>').authors == ("Dan Cole",)
    byline = '<div class="article-byline">By Rosa Díaz and Ken Ito, Staff Writers Updated 4 Oct 2022</div>'
    assert meta_of("", byline).authors == ("Rosa Díaz", "Ken Ito")


def test_bylines_found_by_the_case_of_their_class_names_id_and_test_id() -> None:
    # The query looks for "yline" and "uthor": a skyline or an AUTHORS list is not a byline.
    skyline = '<div class="skyline">By Night Harbour</div>'
    assert meta_of("", skyline + '<div class="Byline">By Ana Ruiz</div>').authors == ("Ana Ruiz",)
    assert meta_of("", '<div class="AUTHORS">Ana Ruiz</div>').authors == ()
    assert meta_of("", '<div class="Author-box">By Ana Ruiz</div>').authors == ("Ana Ruiz",)
    assert meta_of("", '<span id="story-byline">Ken Ito</span>').authors == ("Ken Ito",)
    assert meta_of("", '<span data-testid="byline-name">Ken Ito</span>').authors == ("Ken Ito",)


def test_byline_glued_to_its_date_and_credentials() -> None:
    body = '<div class="author-meta"><span>Nina Patel</span><span>March 3, 2024</span></div>'
    assert meta_of("", body, url=None).authors == ("Nina Patel",)
    assert meta_of('<meta name="author" content="Dylan Brook, MS, RD">').authors == ("Dylan Brook",)


@pytest.mark.parametrize(
    "byline",
    [
        "Veröffentlicht von Lotte Brandt",
        "Eingestellt von Lotte Brandt",
        "Publié par Lotte Brandt",
        "Publicado por Lotte Brandt",
        "Opublikowane przez Lotte Brandt",
        "Lotte Brandt Chefredakteurin",
        "Lotte Brandt Donnerstag, 9. November 2023",
        "Lotte Brandt Fr, 10.11.2023",
        "Lotte Brandt vor 3 Stunden",
        "Lotte Brandt Hace 2 horas",
        "Lotte Brandt @lbrandt",
        "Lotte Brandt Alle Artikel",
        "Lotte Brandt Foto: Jonas Weil",
        "Lotte Brandt Illustration von Jonas Weil",
        "Lotte Brandt (Sponsored Post)",
        "Lotte Brandt Editor",
        "Text & Fotos: Lotte Brandt",
    ],
)
def test_byline_labels_and_tails_in_other_languages(byline: str) -> None:
    assert meta_of("", f'<div class="byline">{byline}</div>', url=None).authors == ("Lotte Brandt",)


def test_a_role_alone_is_not_cut_from_a_one_word_name() -> None:
    assert meta_of('<meta name="author" content="Rasender Reporter">').authors == ("Rasender Reporter",)


@pytest.mark.parametrize(
    "body",
    [
        "<h2>Harbour</h2><p> von <em>Lotte Brandt</em></p><p>Text.</p>",
        '<div class="x"> par <span>Lotte Brandt</span>, 21 juin 2018</div>',
        "<div><h5>Autor: </h5>Lotte Brandt</div>",
        "<p><strong>Text:</strong> Lotte Brandt</p>",
        "<div>Posted on September 21, 2020 by Lotte Brandt</div>",
    ],
)
def test_byline_label_in_words_anywhere_in_the_page(body: str) -> None:
    assert meta_of("", body, url=None).authors == ("Lotte Brandt",)


def test_label_followed_by_words_is_not_a_byline() -> None:
    body = "<p>By clicking below you agree to our <a>Privacy Policy</a>.</p>"
    assert meta_of("", body, url=None).authors == ()


def test_a_licence_link_is_not_an_author_page() -> None:
    body = '<a rel="license" href="https://creativecommons.org/licenses/by/4.0/">Creative Commons Attribution</a>'
    assert meta_of("", body, url=None).authors == ()


def test_author_page_link_as_the_last_resort() -> None:
    body = '<p><a href="/blog/author/lena-fox">Lena Fox</a> · 5 min read</p><a href="/blog/author/">All authors</a>'
    assert meta_of("", body).authors == ("Lena Fox",)
    # A byline found by an earlier source wins over author-page links elsewhere.
    body += '<p class="byline">By Omar Haddad</p>'
    assert meta_of("", body).authors == ("Omar Haddad",)


def test_companies_and_link_labels_are_not_people() -> None:
    head = """<script type="application/ld+json">{"@type": "Article", "headline": "x",
      "author": {"@type": "Person", "name": "Brightside Media Ltd"}}</script>"""
    assert meta_of(head, '<span class="author-name">Jo Park</span>').authors == ("Jo Park",)
    assert meta_of("", '<a class="author-bio-link">Full Bio</a>').authors == ()


def test_posted_at_ends_a_chinese_byline() -> None:
    # A personal blog: the site is named after its author, and the visible byline glues on
    # "posted at <network>".
    head = '<meta property="og:site_name" content="林小雨"><meta name="author" content="林小雨 (linxy)">'
    body = '<p class="author">林小雨 發表在 <a href="https://blog.example.tw/">城市部落 BLOG</a> 留言(3)</p>'
    assert meta_of(head, body, url=None).authors == ("林小雨",)


def test_a_sponsored_label_ends_the_byline() -> None:
    body = '<div class="author"><a href="/author/desk/">Harbour Digest</a> <span>Sponsored</span> May 2, 2025</div>'
    assert meta_of("", body, url=None).authors == ("Harbour Digest",)


def test_a_team_byline_is_kept_when_nobody_is_named() -> None:
    body = '<h4 class="author-name">By <a href="/the-ledger/editors">The Ledger editors</a></h4>'
    assert meta_of("", body, url=None).authors == ("The Ledger editors",)
    assert meta_of("", body + '<span class="byline">By Ken Ito</span>', url=None).authors == ("Ken Ito",)
    # Words in lower case after "the" are no publication's name.
    assert meta_of("", '<p class="byline">By the best editors</p>', url=None).authors == ()


def test_edited_by_ends_the_byline() -> None:
    body = '<div class="byline">Written by Rob Ellis Edited by Betty Bauer</div>'
    assert meta_of("", body).authors == ("Rob Ellis",)


def test_json_ld_person_name_in_lower_case() -> None:
    head = """<script type="application/ld+json">{"@type": "BlogPosting", "headline": "x",
      "author": {"@type": "Person", "name": "lena fox"}}</script>"""
    assert meta_of(head).authors == ("lena fox",)
    # The same words in a <meta name=author> are not declared a person's name.
    assert meta_of('<meta name="author" content="lena fox">').authors == ()


def test_written_by_label_in_its_own_element_or_before_the_name() -> None:
    label_apart = '<div><p class="label">Written by</p><p class="value">Omar Haddad</p></div><p>Text.</p>'
    assert meta_of("", label_apart).authors == ("Omar Haddad",)
    same_line = '<p class="text-basic">Written by <a href="/team/ines">Ines Moreau</a></p>'
    assert meta_of("", same_line).authors == ("Ines Moreau",)
    # An earlier source wins; prose that happens to start with the words names nobody.
    assert meta_of("", same_line + '<span class="byline">By Ken Ito</span>').authors == ("Ken Ito",)
    assert meta_of("", "<p>Written by hand, the notes were hard to read.</p>").authors == ()
    # Read only when nothing names an author: an organisation the page declares stays.
    org = """<script type="application/ld+json">{"@type": "Article", "headline": "x",
      "author": {"@type": "Organization", "name": "Harbour Digest"}}</script>"""
    assert meta_of(org, same_line).authors == ("Harbour Digest",)


def test_lone_word_in_a_visible_byline_is_not_trusted() -> None:
    assert meta_of("", '<span class="author-avatar">NB</span>').authors == ()


def test_date_from_url_and_from_visible_text() -> None:
    assert meta_of("", "<p>text</p>").published == dt.date(2022, 10, 4)
    body = "<div><span>Published on July 18, 2025</span></div>"
    assert meta_of("", body, url="https://example.org/post").published == dt.date(2025, 7, 18)


@pytest.mark.parametrize(
    "written",
    [
        "Veröffentlicht am 19. Mai 2020",
        "publié le 19 mai 2020",
        "19 de mayo de 2020",
        "19 maja 2020",
        "2020년 5월 19일",
    ],
)
def test_visible_date_in_another_language(written: str) -> None:
    body = f"<h1>Storm</h1><div><span>{written}</span></div>"
    assert meta_of("", body, url="https://example.org/post").published == dt.date(2020, 5, 19)


def test_json_ld_date_written_the_java_way() -> None:
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "Tue May 19 15:28:56 CEST 2020"}</script>'
    published = meta_of(head, url=None).published
    assert published == dt.datetime(2020, 5, 19, 15, 28, 56, tzinfo=dt.timezone(dt.timedelta(hours=2)))


def test_dates_in_tables_lists_and_links_are_not_the_publication_date() -> None:
    body = """<table><tr><th>Founded</th><td>28 February 1998</td></tr></table>
    <ul><li>March 3, 2001: first release</li></ul><a href="/old">Oct 4, 2010</a><p>Some text.</p>"""
    assert meta_of("", body, url=None).published is None


def test_future_date_is_skipped() -> None:
    head = '<meta property="article:published_time" content="2999-01-01T00:00:00Z">'
    assert meta_of(head, url=None).published is None


def _json_ld_dates(published: str, modified: str) -> str:
    return (
        '<script type="application/ld+json">{"@type": "BlogPosting", "headline": "Tide tables",'
        f' "datePublished": "{published}", "dateModified": "{modified}"}}</script>'
    )


_BYLINE_DATE = (
    '<div class="post-meta"><div class="post-author">Ines Caro</div><div class="post-date">March 9, 2023</div></div>'
)


def test_restamped_json_ld_dates_give_way_to_the_date_beside_the_byline() -> None:
    # Both declared dates the same day and without a time: the CMS's last (re)publication.
    meta = meta_of(_json_ld_dates("Jun 24, 2025", "Jun 24, 2025"), _BYLINE_DATE, url=None)
    assert meta.published == dt.date(2023, 3, 9)
    assert meta.modified == dt.date(2025, 6, 24)


def test_json_ld_date_stays_when_the_earlier_date_is_not_beside_a_byline() -> None:
    card = '<div class="card"><h3>Older story</h3><time class="card-date">March 9, 2023</time></div>'
    meta = meta_of(_json_ld_dates("Jun 24, 2025", "Jun 24, 2025"), card, url=None)
    assert meta.published == dt.date(2025, 6, 24)


_PROSE = "<p>" + "The harbour board met on Tuesday and agreed to keep the night crossing running. " * 3 + "</p>"


def test_restamped_json_ld_dates_give_way_to_a_date_alone_under_the_headline() -> None:
    header = '<h1>Tide tables</h1><div class="flex"><p>January 31, 2024</p></div>'
    meta = meta_of(_json_ld_dates("Nov 05, 2025", "Nov 05, 2025"), header + _PROSE, url=None)
    assert meta.published == dt.date(2024, 1, 31)
    assert meta.modified == dt.date(2025, 11, 5)


def test_json_ld_modified_before_published_is_a_restamp_too() -> None:
    header = '<h1>Tide tables</h1><div class="details"><p>November 2, 2022</p></div>'
    meta = meta_of(_json_ld_dates("Jun 12, 2025", "Jun 10, 2025"), header + _PROSE, url=None)
    assert meta.published == dt.date(2022, 11, 2)


@pytest.mark.parametrize(
    "body",
    [
        # A teaser's date after the article's text.
        f'<h1>Tide tables</h1>{_PROSE}<article class="card"><h3>Older story</h3><span>March 9, 2023</span></article>',
        # A date in a sentence.
        "<h1>Tide tables</h1><p>As of March 9, 2023, the board had met twice.</p>",
        # A date with no headline before it.
        "<div><span>March 9, 2023</span></div><h2>Tide tables</h2>",
    ],
)
def test_restamped_json_ld_dates_stay_without_a_date_in_the_header(body: str) -> None:
    meta = meta_of(_json_ld_dates("Jun 24, 2025", "Jun 24, 2025"), body, url=None)
    assert meta.published == dt.date(2025, 6, 24)


def test_json_ld_dates_with_times_are_trusted_even_when_equal() -> None:
    # A first publication never updated: both timestamps alike, to the second.
    stamp = "2025-06-24T08:00:00Z"
    meta = meta_of(_json_ld_dates(stamp, stamp), _BYLINE_DATE, url=None)
    assert meta.published == dt.datetime(2025, 6, 24, 8, 0, tzinfo=dt.UTC)


def test_dateline_labelled_updated_by_the_element_before_it_is_not_the_publication() -> None:
    body = '<div class="hero"><div class="date-type">Page updated:</div><div class="date">12 November 2025</div></div>'
    assert meta_of("", body, url=None).published is None


def test_modified_from_a_time_the_page_labels_updated() -> None:
    # WordPress writes both: the publication and the update, told apart by class.
    body = (
        '<a href="/post/" rel="bookmark"><time class="entry-date published" datetime="2020-06-29T15:00:23-05:00">'
        'June 29, 2020</time><time class="updated" datetime="2021-11-12T10:41:18-06:00">November 12, 2021</time></a>'
    )
    meta = meta_of("", body, url=None)
    assert meta.published == dt.datetime(2020, 6, 29, 15, 0, 23, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert meta.modified == dt.datetime(2021, 11, 12, 10, 41, 18, tzinfo=dt.timezone(dt.timedelta(hours=-6)))


def test_modified_from_a_time_without_datetime_after_an_updated_label() -> None:
    # HTML reads a <time> without a datetime attribute by its text; the label is its own element.
    body = '<div class="meta"><p class="label">Last updated</p><time class="grey">Aug 04, 2025</time></div>'
    meta = meta_of("", body, url=None)
    assert meta.modified == dt.date(2025, 8, 4)
    assert meta.published is None  # an update is never the publication date


def test_a_time_labelled_updated_by_the_element_before_it_is_never_the_publication() -> None:
    body = '<div class="meta"><p>Last updated</p><time datetime="2024-05-09T10:00:00Z">9 May</time></div>'
    meta = meta_of("", body, url=None)
    assert (meta.published, meta.modified) == (None, dt.datetime(2024, 5, 9, 10, 0, tzinfo=dt.UTC))


def test_modified_from_a_dateline_labelled_updated() -> None:
    body = '<div class="hero-date">Last updated on: October 1, 2025</div>'
    meta = meta_of("", body, url=None)
    assert (meta.published, meta.modified) == (None, dt.date(2025, 10, 1))


def test_an_update_shown_before_the_publication_is_not_the_modification() -> None:
    head = '<meta property="article:published_time" content="2024-05-01T10:00:00Z">'
    body = '<p>Updated <time datetime="2023-01-01">1 January 2023</time></p>'
    assert meta_of(head, body, url=None).modified is None


def test_comment_before_a_short_date_is_read_past() -> None:
    # A tree parsed with comments kept (as lxml.html.fromstring does) reaches the same answer.
    body = '<div><p class="label">Updated</p><!-- stamp --><div class="date">12 November 2025</div></div>'
    assert meta_of("", body, url=None).published is None
    assert meta_of("", "<div><!-- stamp --><span>July 18, 2025</span></div>", url=None).published == dt.date(
        2025, 7, 18
    )
    assert meta_of("", "<div><!-- stamp -->July 18, 2025</div>", url=None).published == dt.date(2025, 7, 18)


# -- title suffixes, language, links ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Harbour reopens after storm | Coast Gazette",
        "Harbour reopens after storm - Coast Gazette",
        "Harbour reopens after storm — Coast Gazette",
        "Coast Gazette: Harbour reopens after storm",
    ],
)
def test_site_suffix_cut(title: str) -> None:
    head = f'<meta property="og:title" content="{title}"><meta property="og:site_name" content="Coast Gazette">'
    assert meta_of(head).title == "Harbour reopens after storm"


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Top 100 harbour firms | CGN", "Coast Gazette Network", "Top 100 harbour firms"),
        ("Top 100 harbour firms | CGN", "Coast Gazette", "Top 100 harbour firms | CGN"),  # two words: no initials
        ("Top 100 harbour firms | NGC", "Coast Gazette Network", "Top 100 harbour firms | NGC"),
    ],
)
def test_site_suffix_written_as_the_sites_initials(title: str, site: str, expected: str) -> None:
    head = f'<meta property="og:title" content="{title}"><meta property="og:site_name" content="{site}">'
    assert meta_of(head, url="https://coast.example/story").title == expected


_WHOLE = (
    "Ask the Gardener: Our Readers Send In Their Balcony Problems and We Answer Six of Them (Including One Plan"
    " That Works in Any Weather)"
)


@pytest.mark.parametrize(("headline", "expected"), [(_WHOLE[:104], _WHOLE), ("Ask the Gardener", "Ask the Gardener")])
def test_json_ld_headline_cut_by_a_seo_plugin_is_completed_by_og_title(headline: str, expected: str) -> None:
    # Cut near 110 characters, the headline gives way to the declared title that continues it;
    # a short headline is the site's choice and stays.
    head = (
        f'<script type="application/ld+json">{{"@type": "Article", "headline": "{headline}"}}</script>'
        f'<meta property="og:title" content="{_WHOLE} - Balcony Weekly">'
        '<meta property="og:site_name" content="Balcony Weekly">'
    )
    assert meta_of(head, url="https://balcony.example/ask").title == expected


def test_blog_title_story_at_blog_on_a_hosting_network() -> None:
    # "Story @ Blog :: Network ::" (blog hosts): the blog is the site; the network after it goes too.
    head = (
        '<meta property="og:title" content="Maples at the ridge campsite (2) @ Lin on the Road :: Blogville ::">'
        '<meta property="og:site_name" content="Lin on the Road">'
    )
    body = "<h1>Blogville</h1><h1>Lin on the Road</h1><h2>Maples at the ridge campsite (2)</h2>"
    assert meta_of(head, body).title == "Maples at the ridge campsite (2)"


def test_dangling_separator_at_the_end_of_a_title_is_dropped() -> None:
    assert meta_of('<meta property="og:title" content="Harbour reopens after storm |">').title == (
        "Harbour reopens after storm"
    )


def test_base_url_is_the_first_base_href_resolved_against_the_page() -> None:
    assert meta_of('<base href="/archive/"><base href="/other/">').base_url == "https://news.example.com/archive/"
    assert meta_of().base_url == URL
    assert meta_of(url=None).base_url is None


def test_title_kept_when_the_suffix_is_not_the_site_and_h1_decides() -> None:
    head = '<meta property="og:title" content="Evolve: Shared Mutable History">'
    assert meta_of(head).title == "Evolve: Shared Mutable History"
    head = "<title>Storm damage: what we know | Coast</title>"
    assert meta_of(head, "<h1>Storm damage: what we know</h1>", url=None).title == "Storm damage: what we know"


def test_section_and_page_kind_suffixes_cut_but_not_words_containing_them() -> None:
    head = '<meta property="og:title" content="Why rents rise | Opinion"><meta property="article:section" content="Opinion">'
    assert meta_of(head).title == "Why rents rise"
    assert meta_of('<meta property="og:title" content="Seven kitchen trends | Blog">').title == "Seven kitchen trends"
    kept = '<meta property="og:title" content="Yahoo - Latest News and Headlines">'
    assert meta_of(kept, url=None).title == "Yahoo - Latest News and Headlines"


def test_truncated_title_completed_by_the_headline() -> None:
    head = '<meta property="og:title" content="We help four readers rearrange their living rooms (Including">'
    body = "<h1>We help four readers rearrange their living rooms (Including one trick)</h1>"
    assert meta_of(head, body).title == "We help four readers rearrange their living rooms (Including one trick)"


def test_html_title_without_site_name_loses_its_last_part() -> None:
    assert meta_of("<title>Five ways to cut energy bills – My Blog</title>", url=None).title == (
        "Five ways to cut energy bills"
    )


@pytest.mark.parametrize(
    ("raw", "expected"), [("EN", "en"), ("en_us", "en-US"), ("pt-br", "pt-BR"), ("zh-Hant-TW", "zh-Hant-TW")]
)
def test_language_normalised(raw: str, expected: str) -> None:
    assert meta_of(lang=raw).language == expected


def test_language_from_content_language_meta() -> None:
    assert meta_of('<meta http-equiv="Content-Language" content="de-DE">').language == "de-DE"


def test_canonical_image_and_source_made_absolute_against_base() -> None:
    head = """<base href="https://mirror.example/news/">
    <link rel="canonical" href="story-1">
    <link rel="image_src" href="img/lead.png">
    <link rel="original-source" href="https://origin.example/story">"""
    meta = meta_of(head)
    assert meta.canonical_url == "https://mirror.example/news/story-1"
    assert meta.image == "https://mirror.example/news/img/lead.png"
    assert meta.source_url == "https://origin.example/story"


def test_empty_page_gives_empty_metadata() -> None:
    meta = extract_metadata(lxml.html.fromstring("<html><body></body></html>"), None)
    assert meta == Metadata()


# -- bad input: never a traceback ---------------------------------------------------------------------


def test_absurdly_nested_json_ld_is_skipped() -> None:
    deep = "[" * 50_000 + "]" * 50_000
    head = f'<script type="application/ld+json">{deep}</script><meta property="og:title" content="Still here">'
    assert meta_of(head).title == "Still here"


def test_json_ld_values_of_the_wrong_type() -> None:
    head = """<script type="application/ld+json">null</script>
    <script type="application/ld+json">[1, "a", {"@type": 5, "author": 7}, {"@type": "NewsArticle",
      "headline": {"x": 1}, "author": [null, 3, {"name": ["Eva Lind", 4]}], "image": [{}],
      "keywords": [1, {}], "publisher": [], "@id": ["x"], "datePublished": ["2020"]}]</script>"""
    meta = meta_of(head, url=None)
    assert meta.authors == ("Eva Lind",)
    assert meta.title is None
    assert meta.published is None
    assert meta.image is None


@given(
    st.text(max_size=60),
    st.text(max_size=60),
    st.sampled_from(["author", "og:title", "article:published_time", "description", "og:locale"]),
)
@settings(max_examples=60, deadline=None)
def test_any_values_give_metadata_not_a_traceback(value: str, text: str, key: str) -> None:
    escaped = html.escape(value)
    page = (
        f'<html lang="{escaped}"><head><meta name="{key}" content="{escaped}">'
        f'<script type="application/ld+json">{{"@type": "Article", "author": "{escaped}"}}</script></head>'
        f'<body><div class="byline">{html.escape(text)}</div><time datetime="{escaped}">x</time></body></html>'
    )
    meta = extract_metadata(lxml.html.fromstring(page), None)
    assert isinstance(meta, Metadata)
    assert all(name and name == name.strip() for name in meta.authors)


def test_og_title_that_is_only_the_site_name_gives_way_to_the_page_title() -> None:
    meta = meta_of(
        "<title>Ferry strike ends after two days</title>"
        "<meta property='og:title' content='Harbour Herald - News and Views'>"
        "<meta property='og:site_name' content='Harbour Herald - News and Views'>",
        "<h1>Ferry strike ends after two days</h1>",
    )
    assert meta.title == "Ferry strike ends after two days"


@pytest.mark.parametrize("url", ["https://www.hafenblatt.de/a/1", "https://hafen.example.at/a/1", "https://x.co.uk/a"])
def test_a_country_code_in_the_host_is_not_a_site_name_inside_the_headline(url: str) -> None:
    # "de", "at", "co" are inside words of the headline ("Der", "Gästen", "Hafencodex").
    head = "<title>Sturm: Der Hafen schließt vor den Gästen</title>"
    assert meta_of(head, url=url).title == "Sturm: Der Hafen schließt vor den Gästen"
    head = "<title>Sturm: Der Hafen schließt | hafenblatt.de</title>"
    assert meta_of(head, url="https://www.hafenblatt.de/a/1").title == "Sturm: Der Hafen schließt"


def test_a_headline_part_that_mentions_the_site_is_not_its_suffix() -> None:
    site = '<meta property="og:site_name" content="Hafenblatt">'
    head = site + "<title>Sturm: Hafenblatt-Leser melden überflutete Keller</title>"
    assert meta_of(head, url=None).title == "Sturm: Hafenblatt-Leser melden überflutete Keller"
    head = site + "<title>Sturm: Keller überflutet | Hafenblatt Online</title>"
    assert meta_of(head, url=None).title == "Sturm: Keller überflutet"


@pytest.mark.parametrize("tail", [" | Hafen Anzeiger", " 02.02.2022 • Region, Presse", " – Hafen Anzeiger"])
def test_a_headline_that_repeats_the_title_with_a_suffix_does_not_lengthen_it(tail: str) -> None:
    head = '<meta property="og:title" content="Fähren fahren wieder nach dem Sturm">'
    body = f"<h1>Fähren fahren wieder nach dem Sturm{tail}</h1>"
    assert meta_of(head, body, url=None).title == "Fähren fahren wieder nach dem Sturm"


@pytest.mark.parametrize("label", ["Actualizado:", "Mis à jour le", "Atualizado em", "Aggiornato il", "Zaktualizowano"])
def test_an_update_labelled_in_another_language_is_not_the_publication(label: str) -> None:
    body = f'<h1>Storm</h1><p>{label} <time datetime="2020-05-21">21/05</time></p><div><span>19.05.2020</span></div>'
    meta = meta_of("", body, url=None)
    assert (meta.published, meta.modified) == (dt.date(2020, 5, 19), dt.date(2020, 5, 21))


def _hostile_page(n: int) -> lxml.html.HtmlElement:
    """A page that makes every metadata source search and fail: labels followed by no name, dates
    that are not dates, author links, bylines and datelines with nothing in them."""
    block = (
        '<div class="byline-x meta"><span>by clicking 2020</span> <a href="/author/">Mehr</a>'
        '<span class="date">Autor: 19.99.2020</span></div><p>von unten 2019</p><h2>A | B | C</h2>'
    )
    title = "<title>" + " | ".join(["Hafen"] * 40) + "</title>"
    return lxml.html.fromstring(f"<html><head>{title}</head><body><h1>Hafen</h1>{block * n}</body></html>")


def test_metadata_cost_grows_linearly_on_a_hostile_page() -> None:
    trees = {n: _hostile_page(n) for n in (500, 2000)}
    assert growth(lambda n: extract_metadata(trees[n], "https://hafen.example.de/a"), 500) < 10
