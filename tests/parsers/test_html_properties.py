"""Property tests: the HTML parser on arbitrary tag soup.

Whatever the markup, ``articlekit.parse`` gives an :class:`~articlekit.Article` that obeys every
model invariant (the models validate spans on construction), round-trips through JSON, and keeps
the prose of a plain article-like page; or it raises an ``ArticlekitError``; never anything else.
"""

from __future__ import annotations

from unittest import mock

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st

import articlekit
from articlekit.document import Document
from articlekit.extract import body as body_module
from articlekit.extract.metadata import extract_metadata
from articlekit.plugins import Registry

_TAGS = ["p", "div", "span", "a", "b", "i", "li", "ul", "h1", "h2", "table", "tr", "td", "blockquote", "br",
         "script", "style", "nav", "footer", "article", "section", "small", "q", "time", "button", "template"]
_ATTRS = ["", " class='content'", " class='share'", " id='main'", " href='/x'", " href='javascript:void(0)'",
          " hidden", " style='display:none'", " href='https://other.example/a b'", " datetime='2024-02-30'"]
_words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30)


#: Attributes each extraction filter acts on (unlikely names, class weights, hiding, roles).
_FILTERED_ATTRS = [*_ATTRS, " class='sidebar'", " class='comments'", " class='related-links'", " role='navigation'",
                   " class='article-body'", " class='widget'", " aria-hidden='true'", " class='byline'"]


#: Nodes that are not elements: articlekit's parser drops them, lxml's default parser keeps them.
_COMMENTS = ["<!-- note -->", "<?php echo 1 ?>", "<!---->"]


@st.composite
def tag_soup(
    draw: st.DrawFn, attrs: list[str] = _ATTRS, *, comments: bool = False, words: st.SearchStrategy[str] = _words
) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.integers(0, 4 if comments else 3))
        tag = draw(st.sampled_from(_TAGS))
        if kind == 0:
            parts.append(f"<{tag}{draw(st.sampled_from(attrs))}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 4:
            parts.append(draw(st.sampled_from(_COMMENTS)))
        else:
            parts.append(draw(words).replace("<", "&lt;"))
    head = draw(st.sampled_from(["", "<title>A title | Site</title>", "<meta charset='latin-1'>",
                                 "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": 3,"
                                 " \"datePublished\": \"yesterday\", \"author\": [null, {}]}</script>"]))
    return f"<html><head>{head}</head><body>{''.join(parts)}</body></html>"


def _check(article: articlekit.Article) -> None:
    assert articlekit.from_json(articlekit.to_json(article)) == article
    for link in article.links:
        if link.span is not None:
            assert article.text[link.span.start : link.span.end] == link.text
        if link.url is not None:
            assert not link.url.lower().startswith(("javascript:", "data:"))
    for quote in article.quotes:
        assert article.text[quote.span.start : quote.span.end] == quote.text


@settings(max_examples=150, deadline=None)
@given(tag_soup())
def test_any_markup_gives_a_valid_article_or_an_articlekit_error(page: str) -> None:
    try:
        article = articlekit.parse(page, url="https://news.example/2024/01/02/story", registry=Registry(entry_points=False))
    except articlekit.ArticlekitError:
        return
    _check(article)


#: Text with control characters, which lxml keeps in a parsed tree but will not write back.
_control_words = st.lists(st.sampled_from(["a", " ", "\x01", "\x0b", "\x0c", "\x1f", "\ufffe", "word"]), max_size=12).map("".join)


@settings(max_examples=150, deadline=None)
@given(tag_soup(_FILTERED_ATTRS, words=_control_words), st.sampled_from(["str", "bytes"]))
def test_control_characters_never_make_the_html_parser_fail(page: str, source: str) -> None:
    try:
        article = articlekit.parse(
            page.encode() if source == "bytes" else page, url="https://news.example/a", registry=Registry(entry_points=False)
        )
    except articlekit.ArticlekitError:
        return
    assert not any("failed and was skipped" in warning for warning in article.warnings)
    assert not any(ch in article.text for ch in "\x01\x0b\x0c\x1f\ufffe")
    _check(article)


_DATED = st.sampled_from(["", " March 9, 2023", " Updated 12 November 2025", " 2024-05-01"])


@settings(max_examples=150, deadline=None)
@given(tag_soup(_FILTERED_ATTRS, comments=True), _DATED)
def test_the_extractors_read_trees_that_keep_comments(page: str, date: str) -> None:
    # extract_metadata and extract_body are public: a caller may hand them a tree from lxml's own
    # parser, with comments and processing instructions where articlekit's parser has none.
    tree = lxml.html.document_fromstring(page.replace("</body>", f"<!-- c -->{date}</body>"))
    extract_metadata(tree, "https://news.example/story")
    body_module.extract_body(tree, base_url="https://news.example/")


_word = st.text(st.characters(categories=("L", "N")), min_size=1, max_size=12)
_sentence = st.lists(_word, min_size=10, max_size=40).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(_sentence, min_size=3, max_size=8))
def test_the_prose_of_a_plain_article_page_is_kept(paragraphs: list[str]) -> None:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = f"<html><head><title>Story</title></head><body><nav><a href='/'>Home</a></nav><article>{body}</article></body></html>"
    article = articlekit.parse(page, registry=Registry(entry_points=False))
    _check(article)
    assert article.text.split() == " ".join(paragraphs).split()


@settings(max_examples=150, deadline=None)
@given(tag_soup(_FILTERED_ATTRS))
def test_a_relaxed_pass_is_skipped_only_when_it_would_repeat_the_last(page: str) -> None:
    # Running every pass gives the same body as skipping those that would repeat the pass before.
    tree = Document(page).tree
    with mock.patch.object(body_module, "_repeats", return_value=False):
        every_pass = body_module.extract_body(tree, base_url="https://news.example/")
    assert body_module.extract_body(tree, base_url="https://news.example/") == every_pass


@settings(max_examples=100, deadline=None)
@given(tag_soup(_FILTERED_ATTRS), st.floats(0, 60))
def test_a_score_said_to_be_surely_below_a_threshold_is(page: str, threshold: float) -> None:
    # The raw-score shortcut that spares measuring link density never misjudges a candidate.
    body = Document(page).tree.find("body")
    assert body is not None
    scorer = body_module._Scorer(body, body_module.PASSES[0], None)
    scorer._score(scorer._prune_and_collect())
    for el in list(scorer.scores):
        if scorer._surely_below(el, threshold):
            final = scorer.final(el)
            assert final is not None
            assert final < threshold
