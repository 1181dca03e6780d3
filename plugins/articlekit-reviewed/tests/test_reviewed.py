"""The Reviewed parser: discovered when installed, claiming its fixtures, and on the corpus page.

Each folder under fixtures/ is also a test of its own (articlekit's pytest plugin compares the
parse with its expected.json).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import articlekit
import pytest
from articlekit.plugins import Registry
from articlekit.testing import check_claims, find_fixtures

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(os.environ.get("ARTICLEKIT_SHARED", Path(__file__).resolve().parents[3].parent / "shared"))


def test_the_installed_plugin_is_discovered() -> None:
    assert "reviewed" in Registry().parsers()


def test_each_fixture_is_claimed_by_this_parser_alone() -> None:
    fixtures = find_fixtures(FIXTURES)
    assert fixtures
    assert check_claims(fixtures) == []


def test_product_cards_are_body_and_offers_are_not() -> None:
    article = articlekit.parse(
        (FIXTURES / "kettle-awards" / "input.html").read_bytes(),
        url="https://www.reviewed.com/kitchen/features/best-kettles-of-the-year",
    )
    assert article.parser is not None
    assert article.parser.name == "reviewed"
    assert "Quickboil One" in article.paragraphs
    assert any(p.startswith("The double-walled Warmkeep Steel") for p in article.paragraphs)
    assert "$49" not in article.text
    assert "Prices were accurate" not in article.text
    generic = articlekit.parse(
        (FIXTURES / "kettle-awards" / "input.html").read_bytes(), registry=Registry(entry_points=False)
    )
    assert "Quickboil One" not in generic.paragraphs  # what the plugin is for


def test_the_corpus_page_keeps_its_product_cards() -> None:
    page = SHARED / "corpora" / "wcxb-articles" / "0010"
    if not page.is_dir():
        pytest.skip(f"{page} is absent: the shared corpora are not beside this checkout")
    url = json.loads((page / "meta.json").read_text(encoding="utf-8"))["url"]
    article = articlekit.parse((page / "source.html").read_bytes(), url=url)
    assert article.parser is not None
    assert article.parser.name == "reviewed"
    reference = (page / "expected.txt").read_text(encoding="utf-8")
    # Every reference line of some length is in the body (checked by its first words).
    text = " ".join(article.text.split())
    opening = [" ".join(line.split())[:40] for line in reference.splitlines() if len(line) > 100]
    found = sum(1 for words in opening if words in text)
    assert found >= 0.9 * len(opening), f"{found} of {len(opening)} reference lines found"
