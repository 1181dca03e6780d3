"""The HTML parser over the real pages in ../shared/corpora (skipped when absent).

Only properties are checked here (no text of the pages is stored): every page gives a
non-empty body, link spans match the text, and the body shares most of its words with the
reference. The scored benchmark lives in ``benchmarks/``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import lxml.html
import pytest

import articlekit

from ..conftest import require_shared

_WORD = re.compile(r"\w+")


def _f1(got: str, want: str) -> float:
    a, b = Counter(_WORD.findall(got.lower())), Counter(_WORD.findall(want.lower()))
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def _pages(corpus: str) -> list[Path]:
    root = require_shared("corpora", corpus)
    return sorted(p for p in root.iterdir() if (p / "source.html").is_file())


def _check(article: articlekit.Article) -> None:
    assert article.paragraphs, "empty body"
    assert all(p == p.strip() and p for p in article.paragraphs)
    for link in article.links_of("inline"):
        assert link.span is not None
        assert article.text[link.span.start : link.span.end] == link.text
        assert link.url is not None
        assert link.url.startswith(("http://", "https://", "ftp://"))


def test_readability_pages() -> None:
    scores = []
    for page in _pages("readability-pages"):
        article = articlekit.parse(
            (page / "source.html").read_bytes(), url="http://fakehost/test/page.html", enrich=False
        )
        _check(article)
        expected = lxml.html.fromstring((page / "expected.html").read_bytes().decode("utf-8")).text_content()
        scores.append(_f1(article.text, expected))
    assert sum(scores) / len(scores) >= 0.96
    assert sum(s < 0.5 for s in scores) <= 2


def test_wcxb_articles() -> None:
    scores = []
    for page in _pages("wcxb-articles"):
        meta = json.loads((page / "meta.json").read_text(encoding="utf-8"))
        article = articlekit.parse((page / "source.html").read_bytes(), url=meta.get("url"), enrich=False)
        _check(article)
        scores.append(_f1(article.text, (page / "expected.txt").read_text(encoding="utf-8")))
    assert sum(scores) / len(scores) >= 0.93


@pytest.mark.parametrize("corpus", ["readability-pages"])
def test_parse_is_deterministic(corpus: str) -> None:
    for page in _pages(corpus)[:10]:
        data = (page / "source.html").read_bytes()
        assert articlekit.parse(data, url="https://example.com/") == articlekit.parse(data, url="https://example.com/")
