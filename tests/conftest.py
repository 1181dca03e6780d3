"""Shared fixtures: where the shared corpora are, and an isolated plugin registry."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from articlekit.plugins import Registry

# No wall-clock limit in any test: hypothesis's default deadline (200 ms per example) is one, and
# fails on a slow shared machine. Cost is bounded by counting work, or measured in benchmarks/.
settings.register_profile("articlekit", deadline=None)
settings.load_profile("articlekit")

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """``../shared`` beside the checkout (or ``$ARTICLEKIT_SHARED``)."""
    return Path(os.environ.get("ARTICLEKIT_SHARED", ROOT.parent / "shared"))


def require_shared(*parts: str) -> Path:
    """A path under the shared folder, or skip the test with the reason."""
    path = shared_dir().joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared corpora are not beside this checkout")
    return path


@pytest.fixture
def seed_path() -> Path:
    return require_shared("seed", "000_e04f594abac0f150.txt")


@pytest.fixture
def registry() -> Registry:
    """A fresh registry with built-ins only (no entry points), for in-process plugin tests."""
    return Registry(entry_points=False)
