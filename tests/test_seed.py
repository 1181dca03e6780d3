"""Golden test on the seed article (read from ../shared/seed, never copied into the project).

The expected file holds values, short snippets and digests of the paragraphs, not the text.
Regenerate it deliberately, like every golden expectation, with
``pytest tests --articlekit-regenerate`` (the option of the :mod:`articlekit.testing` pytest
plugin), then review ``git diff tests/data/seed.expected.json``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

import articlekit

EXPECTED = Path(__file__).with_name("data") / "seed.expected.json"


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def snippet(text: str, words: int = 4) -> str:
    return " ".join(text.split()[:words])


def summarise(article: articlekit.Article) -> dict[str, Any]:
    """Values, snippets and digests of a parse: enough to catch any change, no article text."""
    return {
        "title": article.title,
        "authors": list(article.authors),
        "published": article.published.isoformat() if article.published else None,
        "parser": article.parser.name if article.parser else None,
        "paragraph_count": len(article.paragraphs),
        "paragraphs": [{"starts": snippet(p), "sha256": digest(p)} for p in article.paragraphs],
        "related": [{"text": link.text, "url": link.url} for link in article.links_of("related")],
        "inline_links": len(article.links_of("inline")),
        "disclaimer": {"starts": snippet(article.disclaimer or ""), "sha256": digest(article.disclaimer or "")},
        "warnings": list(article.warnings),
    }


def test_seed_parses_to_the_expected_article(seed_path: Path, request: pytest.FixtureRequest) -> None:
    article = articlekit.parse_file(seed_path)
    if request.config.getoption("--articlekit-regenerate"):
        text = json.dumps(summarise(article), indent=2, ensure_ascii=False) + "\n"
        EXPECTED.write_text(text, encoding="utf-8")
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert summarise(article) == expected
    # The must-shows, spelled out.
    assert article.authors == ("Kyle Anzalone",)
    assert article.published is not None
    assert article.published.isoformat() == "2022-10-04"
    assert len(article.paragraphs) == 11
    assert [link.text for link in article.links_of("related")] == [
        "Elon Musk’s Twitter mass bans tech reporters",
        "Why America Shouldn't Threaten Preemptive War",
    ]
    assert article.disclaimer is not None
    assert article.disclaimer.startswith("We remind our readers")
    assert not any("We remind our readers" in p or "Read also" in p for p in article.paragraphs)
    assert articlekit.from_json(articlekit.to_json(article)) == article


def test_seed_crlf_and_straight_apostrophes_give_the_same_body(seed_path: Path) -> None:
    raw = seed_path.read_bytes()
    variant = raw.replace(b"\n", b"\r\n").replace("’".encode(), b"'")
    a = articlekit.parse(raw)
    b = articlekit.parse(variant)
    assert len(b.paragraphs) == len(a.paragraphs)
    assert [p.replace("’", "'") for p in a.paragraphs] == list(b.paragraphs)
    assert b.disclaimer is not None
    assert len(b.links_of("related")) == 2
