"""Shared fixtures: where the shared corpora are, and an isolated plugin registry."""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable
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


# -- cost bounded by growth, never by a clock limit ------------------------------------------------
#
# Linear work makes four times the input cost about four times as much; a quadratic step costs
# sixteen times. The tests bound the ratio generously (8 to 10), take the least of a few runs, and
# count CPU time (``time.process_time``) with the garbage collector paused, so that other
# processes on a busy machine and a collection landing in one run do not move the ratio.

#: Below this, a run is too short to time; the ratio is taken against it instead.
FLOOR_SECONDS = 0.005


def cpu_seconds(run: Callable[[], object], repeat: int = 3) -> float:
    """The least CPU time of ``repeat`` calls of ``run``."""
    best = float("inf")
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.process_time()
            run()
            best = min(best, time.process_time() - start)
    finally:
        if enabled:
            gc.enable()
    return best


def growth(run: Callable[[int], object], n: int, repeat: int = 3) -> float:
    """How many times the CPU time of ``run(n)`` that of ``run(4 * n)`` is."""
    small = cpu_seconds(lambda: run(n), repeat)
    large = cpu_seconds(lambda: run(4 * n), repeat)
    return large / max(small, FLOOR_SECONDS)
