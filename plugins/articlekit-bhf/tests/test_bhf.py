"""The BHF parser: discovery, claims, its markup, and the corpus page.

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
URL = "https://www.bhf.org.uk/informationsupport/heart-matters-magazine/nutrition/weekday-lunches"


def test_the_installed_plugin_is_discovered() -> None:
    assert "bhf" in Registry().parsers()


def test_each_fixture_is_claimed_by_this_parser_alone() -> None:
    fixtures = find_fixtures(FIXTURES)
    assert fixtures
    assert check_claims(fixtures) == []


def test_hero_title_update_date_tables_and_no_promos() -> None:
    article = articlekit.parse((FIXTURES / "weekday-lunches" / "input.html").read_bytes(), url=URL)
    assert article.parser is not None
    assert article.parser.name == "bhf"
    assert article.title == "Five weekday lunches under two pounds"
    assert article.modified == dt.date(2025, 2, 18)
    assert "Tuna and sweetcorn wrap | £1.60" in article.paragraphs
    assert (
        "Prices were checked at three supermarkets in January and rounded to the nearest five pence."
        in article.paragraphs
    )
    for promo in ("On this page", "Sign up for our newsletter", "Related Links"):
        assert promo not in article.text
    generic = articlekit.parse(
        (FIXTURES / "weekday-lunches" / "input.html").read_bytes(), url=URL, registry=Registry(entry_points=False)
    )
    assert generic.title == "Lunch plan"  # the CMS page name the plugin corrects


def test_the_corpus_page_keeps_its_tables_and_headline() -> None:
    page = SHARED / "corpora" / "wcxb-articles" / "0096"
    if not page.is_dir():
        pytest.skip(f"{page} is absent: the shared corpora are not beside this checkout")
    meta = json.loads((page / "meta.json").read_text(encoding="utf-8"))
    article = articlekit.parse((page / "source.html").read_bytes(), url=meta["url"])
    assert article.parser is not None
    assert article.parser.name == "bhf"
    assert article.title == meta["title"]
    reference = (page / "expected.txt").read_text(encoding="utf-8")
    # Table rows are tab-separated in the reference, " | " in articlekit: compare the first cells.
    text = " ".join(article.text.split())
    cells = [line.split("\t")[0].strip() for line in reference.splitlines() if "\t" in line]
    found = sum(1 for cell in cells if cell and cell in text)
    assert found >= 0.9 * len(cells), f"{found} of {len(cells)} table rows found"
