"""Where articlekit's time goes: cProfile over a corpus, top functions by own and cumulative time.

    python benchmarks/profile_articlekit.py --corpus both --top 25
    python benchmarks/profile_articlekit.py --corpus readability --enrich      # with quote extraction
    python benchmarks/profile_articlekit.py --corpus both --stages             # time per pipeline stage
    python benchmarks/profile_articlekit.py --corpus all --min-kb 100 --stages # large pages only

The lxml parse-only floor is printed alongside, so the share of the time spent beyond parsing
the page is visible. Profiling slows Python code (not lxml's C code) down, so the shares are
indicative; use ``run.py`` for timings. ``--stages`` instead times each stage of the pipeline
(decoding and parsing, metadata, the body's steps) with ``time.perf_counter`` around a handful
of calls per page, which does not slow the code inside them: the best of three warm passes.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import importlib
import io
import pstats
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import lxml.html
from score import ALL_CORPORA, CORPORA, generic_registry, load_corpus


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="cProfile articlekit over a corpus")
    parser.add_argument(
        "--corpus",
        choices=[*ALL_CORPORA, "both", "all"],
        default="both",
        help="both = readability and wcxb; all = with trafilatura-eval too",
    )
    parser.add_argument("--shared", help="the shared folder (default: $ARTICLEKIT_SHARED or ../shared)")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--min-kb", type=float, default=0, help="only pages with at least this many KB of HTML")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--enrich", action="store_true", help="run the enrichment hooks (quotes) too")
    parser.add_argument("--stages", action="store_true", help="wall-clock time per pipeline stage instead of cProfile")
    args = parser.parse_args(argv)
    import articlekit

    registry = generic_registry()
    corpora = {"both": list(CORPORA), "all": list(ALL_CORPORA)}.get(args.corpus, [args.corpus])
    pages = [page for corpus in corpora for page in load_corpus(corpus, args.shared, args.limit)]
    pages = [page for page in pages if len(page.html) >= 1000 * args.min_kb]
    if args.stages:
        return stages(pages, enrich=args.enrich)
    for page in pages[:3]:  # warm-up: imports, caches
        articlekit.parse(page.html, url=page.url, enrich=args.enrich, registry=registry)

    start = time.perf_counter()
    for page in pages:
        lxml.html.document_fromstring(page.html)
    floor = time.perf_counter() - start
    start = time.perf_counter()
    for page in pages:
        articlekit.parse(page.html, url=page.url, enrich=args.enrich, registry=registry)
    plain = time.perf_counter() - start

    profiler = cProfile.Profile()
    profiler.enable()
    for page in pages:
        articlekit.parse(page.html, url=page.url, enrich=args.enrich, registry=registry)
    profiler.disable()

    print(f"{len(pages)} pages: articlekit {plain:.2f} s, lxml parse-only {floor:.2f} s ({plain / floor:.2f}x)")
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order)
        stats.print_stats(args.top)
        print(f"\n=== top {args.top} by {order} ===")
        print(out.getvalue().split("\n\n", 1)[-1].rstrip())
    return 0


#: The stages timed by ``--stages``: (label, module, attribute). The body's steps are nested in
#: "body"; a pass's steps repeat for each relaxed pass a page needs. ``copy.deepcopy`` is patched
#: in the ``copy`` module itself: in this pipeline only the body extraction calls it.
_STAGES = (
    ("decode and classify", "articlekit.document", "Document.__init__"),
    ("parse the HTML", "articlekit.document", "Document.tree"),
    ("metadata", "articlekit.parsers.html", "HtmlParser.metadata"),
    ("body", "articlekit.parsers.html", "HtmlParser.body"),
    ("  copy of <body>", "copy", "deepcopy"),
    ("  pre-clean", "articlekit.extract.body", "_preclean"),
    ("  prune and collect", "articlekit.extract.body.candidates", "_Candidates._prune_and_collect"),
    ("  score", "articlekit.extract.body.scoring", "_Scoring._score"),
    ("  top candidate", "articlekit.extract.body.scoring", "_Scoring._top_candidate"),
    ("  siblings", "articlekit.extract.body.scoring", "_Scoring._with_siblings"),
    ("  clean the content", "articlekit.extract.body.cleaning", "_Cleaning._prepare"),
    ("  serialise", "articlekit.extract.body", "_serialise"),
    ("enrich (quotes)", "articlekit.plugins", "Registry.enrich"),
)
#: The stages that together make up a parse (the rest is choosing the parser, building the Article).
_TOP_LEVEL = ("decode and classify", "parse the HTML", "metadata", "body", "enrich (quotes)")


def stages(pages: Sequence[Any], *, enrich: bool) -> int:
    """Time each of :data:`_STAGES` over the pages (best of three warm passes) and print them."""
    import articlekit

    registry = generic_registry()
    spent: dict[str, float] = dict.fromkeys((label for label, _, _ in _STAGES), 0.0)
    for label, module_name, path in _STAGES:
        owner: Any = importlib.import_module(module_name)
        *parents, name = path.split(".")
        for part in parents:
            owner = getattr(owner, part)
        original = vars(owner)[name]
        if isinstance(original, functools.cached_property):
            original.func = _timed(original.func, label, spent)
        else:
            setattr(owner, name, _timed(original, label, spent))
    best: dict[str, float] = {}
    floor = whole = float("inf")
    for round_ in range(4):  # one cold pass, then three warm ones
        spent.update(dict.fromkeys(spent, 0.0))
        start = time.perf_counter()
        for page in pages:
            lxml.html.document_fromstring(page.html)
        floor = min(floor, time.perf_counter() - start)
        total = 0.0
        for page in pages:
            start = time.perf_counter()
            articlekit.parse(page.html, url=page.url, enrich=enrich, registry=registry)
            total += time.perf_counter() - start
        if round_:
            whole = min(whole, total)
            best = {key: min(best.get(key, value), value) for key, value in spent.items()}
    print(f"{len(pages)} pages: articlekit {whole:.3f} s, lxml parse-only floor {floor:.3f} s ({whole / floor:.2f}x)")
    for label, value in best.items():
        if value:
            print(f"{label:24s} {value:7.3f} s  {100 * value / whole:5.1f}%")
    other = whole - sum(best[label] for label in _TOP_LEVEL)
    print(f"{'other':24s} {other:7.3f} s  {100 * other / whole:5.1f}%  (choosing the parser, the Article, warnings)")
    return 0


def _timed(function: Any, label: str, spent: dict[str, float]) -> Any:
    @functools.wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] += time.perf_counter() - start

    return timed


if __name__ == "__main__":
    sys.exit(main())
