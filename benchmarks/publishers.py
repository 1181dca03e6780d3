"""Publisher plugins, before and after: the generic parser's scores on each plugin's corpus pages
against the plugin's, in one run.

Usage (from the repository root, with the plugins installed: ``pip install ./plugins/*/``)::

    python benchmarks/publishers.py                   # every installed publisher plugin
    python benchmarks/publishers.py --plugins bhf     # some

A plugin's pages are the corpus pages it claims (by host or signature), so the table shows
exactly where it changes the output. "generic" is articlekit without any plugin
(``Registry(entry_points=False)``); "plugin" is the same registry with that one plugin added.
Metrics are those of ``score.py`` (body F1 against the reference text, title exact, byline F1,
same-day date), in percent; ``—`` where the reference has no value.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import score  # noqa: E402

import articlekit  # noqa: E402
from articlekit.document import Document  # noqa: E402
from articlekit.parsers.base import CLAIM_GENERIC  # noqa: E402
from articlekit.plugins import ENTRY_POINT_GROUP, Registry  # noqa: E402

METRICS = ("f1", "title", "byline", "date")


def plugin_registry(name: str | None) -> Registry:
    """The built-in parsers alone, or with one installed plugin (by entry-point name)."""
    registry = Registry(entry_points=False)
    if name is not None:
        [entry] = [ep for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP) if ep.name == name]
        registry.register(entry.load(), name=name)
    return registry


def parser_used(page: score.Page, registry: Registry) -> str:
    article = articlekit.parse(page.html, url=page.url, enrich=False, registry=registry)
    return article.parser.name if article.parser else "?"


def claimed(pages: Sequence[score.Page], registry: Registry, names: set[str]) -> list[score.Page]:
    """The pages any of the parsers ``names`` claims more strongly than a generic parser, once each."""
    out = []
    for page in pages:
        ranked, _ = registry.rank(Document(page.html, url=page.url))
        if any(entry.name in names and claim > CLAIM_GENERIC for claim, entry in ranked):
            out.append(page)
    return out


def _cell(values: list[float]) -> str:
    return f"{100 * statistics.fmean(values):.1f}" if values else "—"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plugins", help="comma-separated entry-point names (default: every installed plugin)")
    parser.add_argument("--shared", help="the shared folder (default: $ARTICLEKIT_SHARED or ../shared)")
    args = parser.parse_args(argv)
    names = (
        args.plugins.split(",")
        if args.plugins
        else sorted(ep.name for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP))
    )
    pages = [page for corpus in score.CORPORA for page in score.load_corpus(corpus, args.shared)]
    generic = plugin_registry(None)
    print("| plugin | corpus pages | parser | body F1 | title | byline | date |")
    print("|---|---|---|---|---|---|---|")
    for name in names:
        registry = plugin_registry(name)
        mine = claimed(pages, registry, {p.name for p in registry.parsers().values() if not p.builtin})
        if not mine:
            print(f"| {name} | none claimed | | | | | |")
            continue
        labels = ", ".join(f"{page.corpus}/{page.name}" for page in mine)
        for label, reg in (("generic", generic), ("plugin", registry)):
            rows = []
            used = set()
            for page in mine:
                used.add(parser_used(page, reg))
                rows.append(score.score_page(page, score.articlekit_extraction(page, registry=reg)))
            cells = [_cell([r[m] for r in rows if r[m] is not None]) for m in METRICS]
            print(f"| {name} | {labels} | {label} ({', '.join(sorted(used))}) | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
