"""Golden pages: hand-written HTML in the markup real publishing systems produce.

Each case is an :mod:`articlekit.testing` fixture folder (``fixture.json``, ``input.html``,
``expected.json``): the pytest plugin that ships with articlekit parses every one and compares the
WHOLE output with ``expected.json``. After a deliberate change, run
``pytest tests/golden --articlekit-regenerate`` and review ``git diff tests/golden``.

The checks here look across cases and at the stored expectations themselves.
"""

from __future__ import annotations

import json
from pathlib import Path

import articlekit
from articlekit.testing import find_fixtures

HERE = Path(__file__).resolve().parent


def test_every_golden_case_is_a_complete_fixture() -> None:
    fixtures = find_fixtures(HERE)
    assert len(fixtures) >= 7
    for fixture in fixtures:
        assert fixture.expected_path.is_file(), f"{fixture.name}/expected.json is missing"
        # The expectation itself is a valid article, and the stored JSON is what to_json writes.
        assert articlekit.from_dict(json.loads(fixture.expected_path.read_text(encoding="utf-8"))) == fixture.expected()


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
