"""The tune / validate split of every development corpus: a stable hash of the page id.

A rule or constant is tuned while looking at the *tune* part only; the *validate* part (about a
third of each corpus) is scored, never read, and a change is kept only when it helps *validate*
or leaves it unchanged. The split depends on nothing but the corpus name and the page id, so it
is the same on every machine, in every run, and for pages added later.

    >>> part("wcxb", "0001") in {"tune", "validate"}
    True
    >>> part("wcxb", "0001") == part("wcxb", "0001")
    True

PolNeAR ships its own split: its ``train`` articles are the tune part and its ``dev`` articles
the validate part (:func:`polnear_part`); its held-out test split is not in ``../shared``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Literal, TypeVar

__all__ = ["PARTS", "Part", "part", "polnear_part", "select"]

Part = Literal["tune", "validate"]
PARTS: tuple[Part, ...] = ("tune", "validate")

#: One page in ``VALIDATE_ONE_IN`` validates.
VALIDATE_ONE_IN = 3

T = TypeVar("T")


def part(corpus: str, page_id: str) -> Part:
    """``"validate"`` for about a third of the pages of ``corpus``, ``"tune"`` for the rest.

    ``corpus`` is the short corpus name (``readability``, ``wcxb``, ``trafilatura-eval``,
    ``quotes``), ``page_id`` the page's folder name or id in that corpus.
    """
    digest = hashlib.sha256(f"{corpus}/{page_id}".encode()).digest()
    return "validate" if int.from_bytes(digest[:8], "big") % VALIDATE_ONE_IN == 0 else "tune"


def polnear_part(article_id: str) -> Part:
    """PolNeAR's own split: ``polnear-train-*`` tunes, ``polnear-dev-*`` validates."""
    return "validate" if article_id.startswith("polnear-dev-") else "tune"


def select(items: Iterable[T], which: Part | None, key: Callable[[T], Part]) -> list[T]:
    """The items of one part (``which``), or all of them when ``which`` is ``None``."""
    return [item for item in items if which is None or key(item) == which]
