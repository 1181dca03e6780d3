"""A one-line progress display for long runs: documents, documents per second, errors, ETA."""

from __future__ import annotations

import time
from typing import TextIO

__all__ = ["Progress"]


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


class Progress:
    """Redraws one status line on ``stream`` at most every ``every`` seconds; silent when disabled.

    ``enabled=None`` shows it only when ``stream`` is a terminal, so pipes and logs stay quiet.
    """

    def __init__(self, stream: TextIO, total: int | None = None, *, enabled: bool | None = None, every: float = 0.5) -> None:
        self.stream = stream
        self.total = total
        self.enabled = stream.isatty() if enabled is None else enabled
        self.every = every
        self.done = 0
        self.errors = 0
        self.resumed = 0
        self._start = time.monotonic()
        self._last = 0.0

    def line(self) -> str:
        """The status line as it stands now."""
        elapsed = max(time.monotonic() - self._start, 1e-9)
        rate = self.done / elapsed
        parts = [f"{self.done:,} docs" + (f" / {self.total - self.resumed:,}" if self.total is not None else "")]
        parts.append(f"{rate:,.1f} docs/s")
        parts.append(f"{self.errors:,} errors")
        if self.resumed:
            parts.append(f"{self.resumed:,} done before")
        if self.total is not None and rate > 0:
            parts.append("ETA " + _clock(max(self.total - self.resumed - self.done, 0) / rate))
        return "articlekit: " + ", ".join(parts)

    def update(self, *, ok: bool) -> None:
        self.done += 1
        self.errors += not ok
        now = time.monotonic()
        if self.enabled and now - self._last >= self.every:
            self._last = now
            self.stream.write("\r" + self.line() + "\x1b[K")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + self.line() + "\x1b[K\n")
            self.stream.flush()
