"""Golden pages: hand-written HTML in the markup real publishing systems produce.

Each case is ``<case>/{input.html, url.txt, expected.json}``; the WHOLE ``articlekit.to_dict``
output must equal ``expected.json``. After a deliberate change, run
``python tests/golden/regenerate.py`` and review the diff before committing it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import articlekit

HERE = Path(__file__).resolve().parent
CASES = sorted(p.parent.name for p in HERE.glob("*/input.html"))


def test_every_golden_case_has_its_files() -> None:
    assert len(CASES) >= 7
    for name in CASES:
        for part in ("url.txt", "expected.json"):
            assert (HERE / name / part).is_file(), f"{name}/{part} is missing"


@pytest.mark.parametrize("name", CASES)
def test_golden_page(name: str) -> None:
    case = HERE / name
    url = (case / "url.txt").read_text(encoding="utf-8").strip() or None
    article = articlekit.parse((case / "input.html").read_bytes(), url=url)
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    got = json.loads(json.dumps(articlekit.to_dict(article), ensure_ascii=False))
    assert got == expected
    # And the expectation itself is a valid article.
    assert articlekit.from_dict(expected) == article


def test_latin1_pages_read_the_same_declared_or_not() -> None:
    declared = json.loads((HERE / "latin1-declared" / "expected.json").read_text(encoding="utf-8"))
    undeclared = json.loads((HERE / "latin1-undeclared" / "expected.json").read_text(encoding="utf-8"))
    assert declared["paragraphs"] == undeclared["paragraphs"]
    assert "Zoë Mercier" in declared["text"]
    assert "€18" in declared["text"]


def test_golden_expectations_say_what_the_issue_asks() -> None:
    """Spot checks on the stored expectations, so a careless regenerate cannot bless a regression."""

    def load(name: str) -> dict[str, object]:
        data: dict[str, object] = json.loads((HERE / name / "expected.json").read_text(encoding="utf-8"))
        return data

    wordpress = load("wordpress")
    assert "Share this" not in str(wordpress["text"])
    assert "Leave a Reply" not in str(wordpress["text"])
    arc = load("arc")
    assert "Hours | Ships" in list(arc["paragraphs"])  # type: ignore[call-overload]
    assert "Advertisement" not in str(arc["text"])
    paywall = load("paywall")
    assert "Subscribe" not in str(paywall["text"])
    assert any("truncated" in w for w in paywall["warnings"])  # type: ignore[attr-defined]
    related = load("related-disclaimer")
    kinds = [link["kind"] for link in related["links"]]  # type: ignore[attr-defined]
    assert kinds.count("related") == 3
    assert kinds.count("source") == 1
    assert str(related["disclaimer"]).startswith("This story was originally published")
    jsonld = load("jsonld-only")
    assert len(jsonld["paragraphs"]) == 3  # type: ignore[arg-type]
