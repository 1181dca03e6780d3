"""extract_body's cost grows linearly with the page: time for n and 4n in the same test, compared
as a ratio (never against the clock). A quadratic step would make the ratio about 16."""

from __future__ import annotations

from collections.abc import Callable

import lxml.html
import pytest

from articlekit.extract.body import extract_body

from ..conftest import cpu_seconds

SENTENCE = "The ferry, which had not run since spring, crossed the estuary twice before noon on Tuesday."


def _flat(n: int) -> str:
    return "<html><body><article>" + f"<p>{SENTENCE}</p>" * n + "</article></body></html>"


def _sibling_blocks(n: int) -> str:
    # Many small sibling containers: every one is a candidate, a sibling and a block of prose.
    return "<html><body>" + f"<div class='c'><p>{SENTENCE}</p><p>{SENTENCE}</p></div>" * n + "</body></html>"


def _teasers(n: int) -> str:
    # A short story beside many blocks of linked teasers (the sanity check's worst case).
    teaser = f"<div><p><a href='/t'>{SENTENCE}</a></p><p>{SENTENCE}</p></div>"
    return "<html><body><article><p>" + SENTENCE + "</p></article>" + teaser * n + "</body></html>"


def _menus_and_templates(n: int) -> str:
    # Many menus (each measured for prose outside links) and script templates (each parsed).
    menu = "<nav><ul>" + "<li><a href='/s'>Section</a> and a note</li>" * 4 + "</ul></nav>"
    template = f"<script type='text/template'><p>{SENTENCE}</p></script>"
    return "<html><body>" + (menu + template + f"<p>{SENTENCE}</p>") * n + "</body></html>"


def _best_time(html: str) -> float:
    tree = lxml.html.document_fromstring(html)
    return cpu_seconds(lambda: extract_body(tree))


@pytest.mark.parametrize("page", [_flat, _sibling_blocks, _teasers, _menus_and_templates])
def test_body_cost_grows_linearly(page: Callable[[int], str]) -> None:
    n = 800
    small, large = _best_time(page(n)), _best_time(page(4 * n))
    assert large / small < 9, f"{page.__name__}: 4x the page took {large / small:.1f}x the time"
