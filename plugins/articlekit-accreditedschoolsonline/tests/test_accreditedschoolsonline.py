"""The Accredited Schools Online parser: discovery, claims, its markup, and the corpus page.

Each folder under fixtures/ is also a test of its own (articlekit's pytest plugin compares the
parse with its expected.json).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import articlekit
import pytest
from articlekit.plugins import Registry
from articlekit.testing import check_claims, find_fixtures

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(os.environ.get("ARTICLEKIT_SHARED", Path(__file__).resolve().parents[3].parent / "shared"))
URL = "https://www.accreditedschoolsonline.org/online-degrees/certificate/nursing/"


def test_the_installed_plugin_is_discovered() -> None:
    assert "accreditedschoolsonline" in Registry().parsers()


def test_each_fixture_is_claimed_by_this_parser_alone() -> None:
    fixtures = find_fixtures(FIXTURES)
    assert fixtures
    assert check_claims(fixtures) == []


def test_school_write_ups_are_body_and_figures_are_not() -> None:
    article = articlekit.parse((FIXTURES / "nursing-certificates" / "input.html").read_bytes(), url=URL)
    assert article.parser is not None
    assert article.parser.name == "accreditedschoolsonline"
    assert any(p.startswith("Lakeside's informatics certificate") for p in article.paragraphs)
    assert any(p.startswith("Harbor offers the only") for p in article.paragraphs)
    assert any(p.startswith("For nurses who already hold") for p in article.paragraphs)
    for figure in ("$9,120", "Acceptance Rate", "Duluth, MN", "Related Pages", "Updated on"):
        assert figure not in article.text
    assert article.modified == dt.date(2025, 3, 3)
    assert article.published is None  # an update date is not the publication date


def test_the_corpus_page_is_read_whole() -> None:
    page = SHARED / "corpora" / "wcxb-articles" / "0267"
    if not page.is_dir():
        pytest.skip(f"{page} is absent: the shared corpora are not beside this checkout")
    url = json.loads((page / "meta.json").read_text(encoding="utf-8"))["url"]
    article = articlekit.parse((page / "source.html").read_bytes(), url=url)
    assert article.parser is not None
    assert article.parser.name == "accreditedschoolsonline"
    reference = (page / "expected.txt").read_text(encoding="utf-8")
    # Every reference line of some length is in the body (checked by its first words).
    text = " ".join(article.text.split())
    opening = [" ".join(line.split())[:40] for line in reference.splitlines() if len(line) > 100]
    found = sum(1 for words in opening if words in text)
    assert found >= 0.9 * len(opening), f"{found} of {len(opening)} reference lines found"
    assert "Avg. Undergrad Tuition" not in article.text
