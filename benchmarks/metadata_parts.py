"""Metadata scores (title, byline, date, site name) on the tune and validate parts of every page corpus.

The metadata counterpart of ``score.py``: it runs only the metadata stage
(:func:`articlekit.extract.metadata.extract_metadata` on the page's tree, which is what the
generic HTML parser reports), so a run over the three page corpora takes a minute, and it
scores the pages of each part of :mod:`splits` apart, so every figure comes with its
tune-validate gap. ``--tools articlekit,trafilatura`` scores trafilatura's metadata
(``bare_extraction(..., with_metadata=True)``) on the same pages in the same run.

Corpora as ``score.py`` loads them (on ``trafilatura-eval``, ``""`` in ``expected.json`` means the
annotators recorded none, so the field is not scored; a list of authors is joined). The metrics
are ``score.py``'s: title exact, byline token F1, date same-day, site name.

    python benchmarks/metadata_parts.py                        # all corpora, both parts
    python benchmarks/metadata_parts.py --corpus trafilatura-eval --tools articlekit,trafilatura
    python benchmarks/metadata_parts.py --misses date          # the TUNE pages that miss a field
    python benchmarks/metadata_parts.py --dump /tmp/meta.json  # every page's metadata, to diff

``--misses`` lists tune pages only: the validate part is scored, never read.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))

from score import (
    Extraction,
    Page,
    byline_f1,
    load_corpus,
    same_day,
    site_name_match,
    title_match,
)
from splits import PARTS, part

CORPORA = ("readability", "wcxb", "trafilatura-eval")
FIELDS = ("title", "byline", "date", "site_name")


def metadata_of(page: Page) -> Any:
    """articlekit's :class:`~articlekit.extract.metadata.Metadata` for a page."""
    from articlekit.document import Document
    from articlekit.extract.metadata import extract_metadata

    return extract_metadata(Document(page.html, url=page.url).tree, page.url)


def articlekit_metadata(page: Page) -> Extraction:
    meta = metadata_of(page)
    return Extraction(title=meta.title, authors=meta.authors, published=meta.published, site_name=meta.site_name)


def trafilatura_metadata(page: Page) -> Extraction:
    """trafilatura's metadata for a page, through ``run.py``'s adapter (``bare_extraction``)."""
    from run import trafilatura_adapter

    global _TRAFILATURA
    if _TRAFILATURA is None:
        _TRAFILATURA = trafilatura_adapter()
    return _TRAFILATURA(page)


_TRAFILATURA: Callable[[Page], Extraction] | None = None

TOOLS: dict[str, Callable[[Page], Extraction]] = {
    "articlekit": articlekit_metadata,
    "trafilatura": trafilatura_metadata,
}


def score(page: Page, got: Extraction) -> dict[str, float | None]:
    return {
        "title": None if page.title is None else float(title_match(got.title, page.title)),
        "byline": None if page.byline is None else byline_f1(got.authors, page.byline),
        "date": None if page.published is None else float(same_day(got.published, page.published)),
        "site_name": None if page.site_name is None else float(site_name_match(got.site_name, page.site_name)),
    }


def _shown(field: str, got: Extraction) -> object:
    return {
        "title": got.title,
        "byline": list(got.authors),
        "date": None if got.published is None else str(got.published),
        "site_name": got.site_name,
    }[field]


def _reference(field: str, page: Page) -> object:
    return {"title": page.title, "byline": page.byline, "date": page.published, "site_name": page.site_name}[field]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=[*CORPORA, "all"], default="all")
    parser.add_argument("--tools", default="articlekit", help=f"comma-separated, of {sorted(TOOLS)}")
    parser.add_argument("--shared", help="the shared folder (default: $ARTICLEKIT_SHARED or ../shared)")
    parser.add_argument("--misses", choices=FIELDS, help="list the TUNE pages that miss this field (articlekit)")
    parser.add_argument("--dump", help="write every page's full articlekit metadata to this JSON file")
    args = parser.parse_args(argv)
    tools = [tool.strip() for tool in args.tools.split(",") if tool.strip()]
    corpora = list(CORPORA) if args.corpus == "all" else [args.corpus]
    dump: dict[str, dict[str, Any]] = {}
    print(f"{'corpus':<17} {'tool':<12} {'part':<9} " + " ".join(f"{f:>16}" for f in FIELDS))
    for corpus in corpora:
        pages = load_corpus(corpus, args.shared)
        for tool in tools:
            rows: dict[str, list[dict[str, float | None]]] = {p: [] for p in PARTS}
            misses = []
            for page in pages:
                try:
                    got = TOOLS[tool](page)
                except Exception as exc:  # a crash is a finding: report it, score empty
                    print(f"{corpus}/{page.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
                    got = Extraction()
                which = part(corpus, page.name)
                row = score(page, got)
                rows[which].append(row)
                if tool == "articlekit" and args.dump:
                    dump[f"{corpus}/{page.name}"] = {
                        key: value if isinstance(value, (str, int, type(None))) else repr(value)
                        for key, value in attrs.asdict(metadata_of(page), recurse=False).items()
                    }
                if (
                    tool == "articlekit"
                    and args.misses
                    and which == "tune"
                    and (value := row[args.misses]) is not None
                    and value < 1.0
                ):
                    misses.append((page.name, value, _shown(args.misses, got), _reference(args.misses, page)))
            for which in PARTS:
                cells = []
                for field in FIELDS:
                    values = [v for r in rows[which] if (v := r[field]) is not None]
                    mean = 100 * statistics.fmean(values) if values else math.nan
                    cells.append(f"{mean:5.1f} (n={len(values):>3})")
                print(f"{corpus:<17} {tool:<12} {which:<9} " + " ".join(f"{c:>16}" for c in cells), flush=True)
            for name, value, got_value, expected in misses:
                print(f"    {name:<30} {100 * value:5.1f}  {got_value!r} | {expected!r}")
    if args.dump:
        Path(args.dump).write_text(json.dumps(dump, indent=1, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
