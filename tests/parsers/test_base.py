"""BaseParser's declarative claims: hosts and case-insensitive content signatures."""

from __future__ import annotations

import pytest

from articlekit.document import Document
from articlekit.parsers import CLAIM_GENERIC, CLAIM_SIGNATURE, CLAIM_URL, CLAIM_URL_AND_SIGNATURE, TextParser


class LowerSignature(TextParser):
    name = "lower-signature"
    generic = False
    hosts = ("outlet.example",)
    # No upper-case letters: searched case-sensitively in the lower-cased text.
    signatures = (r"we\s+remind\s+our\s+readers",)


class UpperSignature(TextParser):
    name = "upper-signature"
    generic = False
    # Upper-case letters and a \S escape: must not be lower-cased, so re.IGNORECASE does the work.
    signatures = (r"Read\s+Also:\s*\S",)


@pytest.mark.parametrize(
    ("parser", "text", "matches"),
    [
        (LowerSignature(), "Body.\n\nWE REMIND  OUR Readers that ...", True),
        (LowerSignature(), "Body.\n\nwe remind you", False),
        (UpperSignature(), "Body.\n\nread also: Older story", True),
        (UpperSignature(), "Body.\n\nREAD ALSO:   ", False),
    ],
)
def test_signatures_match_case_insensitively(parser: TextParser, text: str, matches: bool) -> None:
    assert parser.matches_signature(Document(text)) is matches


def test_claim_scores() -> None:
    parser = LowerSignature()
    marked = "Title\n\nWe remind our readers of this."
    assert parser.claim(Document(marked, url="https://www.outlet.example/a")) == CLAIM_URL_AND_SIGNATURE
    assert parser.claim(Document("Title\n\nText.", url="https://news.outlet.example/a")) == CLAIM_URL
    assert parser.claim(Document(marked, url="https://mirror.example/a")) == CLAIM_SIGNATURE
    assert parser.claim(Document("Title\n\nText.")) is None
    assert parser.claim(Document("<html><body><p>We remind our readers</p></body></html>")) is None  # text parser
    assert CLAIM_GENERIC < CLAIM_SIGNATURE
