"""No wall-clock limit in any test (cost is bounded by counting work, or measured in benchmarks/)."""

from __future__ import annotations

from hypothesis import settings


def test_hypothesis_has_no_deadline() -> None:
    """Hypothesis's default per-example deadline (200 ms) is a wall-clock limit; tests/conftest.py drops it."""
    assert settings().deadline is None
