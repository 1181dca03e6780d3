"""Links in plain text: bare ``http(s)://`` and ``www.`` URLs, located by offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["TRAILING_PUNCTUATION", "find_bare_urls", "is_followable"]

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”‘’«»]+", re.IGNORECASE)
TRAILING_PUNCTUATION = ".,;:!?)]}'\"’”»…"
_SKIP_SCHEMES = ("javascript:", "data:", "vbscript:", "mailto:", "tel:", "about:", "#")


def find_bare_urls(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield ``(absolute url, start, end)`` for every bare URL in ``text``.

    Trailing sentence punctuation is left out, and a closing bracket is kept only if the URL
    opened one (``https://en.wikipedia.org/wiki/Foo_(bar)``).

    >>> list(find_bare_urls("See https://example.org/a. Or www.example.com!"))
    [('https://example.org/a', 4, 25), ('https://www.example.com', 30, 45)]
    """
    for match in _URL.finditer(text):
        raw = match.group(0)
        opened, closed = raw.count("("), raw.count(")")  # counted once: a long tail stays linear
        end = len(raw)
        while end and raw[end - 1] in TRAILING_PUNCTUATION:
            if raw[end - 1] == ")":
                if opened >= closed:
                    break
                closed -= 1
            end -= 1
        raw = raw[:end]
        if len(raw) < 8:
            continue
        url = raw if raw.lower().startswith("http") else "https://" + raw
        yield url, match.start(), match.start() + len(raw)


def is_followable(href: str) -> bool:
    """Whether ``href`` points at a page (not ``javascript:``, ``data:``, ``mailto:``, a fragment)."""
    href = href.strip().lower()
    return bool(href) and not href.startswith(_SKIP_SCHEMES)
