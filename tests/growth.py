"""Cost bounded by growth, never by a clock limit: the CPU time of n and of 4n in one test.

Linear work makes four times the input cost about four times as much; a quadratic step costs
sixteen times. The tests bound the ratio generously (8 to 10), take the least of a few runs,
and count CPU time (``time.process_time``) with the garbage collector paused, so that other
processes on a busy machine and a collection landing in one run do not move the ratio.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

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
