"""Where articlekit's time goes: cProfile over a corpus, top functions by own and cumulative time.

    python benchmarks/profile_articlekit.py --corpus both --top 25
    python benchmarks/profile_articlekit.py --corpus readability --enrich      # with quote extraction

The lxml parse-only floor is printed alongside, so the share of the time spent beyond parsing
the page is visible. Profiling slows Python code (not lxml's C code) down, so the shares are
indicative; use ``run.py`` for timings.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import lxml.html
from score import CORPORA, generic_registry, load_corpus


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="cProfile articlekit over a corpus")
    parser.add_argument("--corpus", choices=[*CORPORA, "both"], default="both")
    parser.add_argument("--shared", help="the shared folder (default: $ARTICLEKIT_SHARED or ../shared)")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--enrich", action="store_true", help="run the enrichment hooks (quotes) too")
    args = parser.parse_args(argv)
    import articlekit

    registry = generic_registry()
    corpora = list(CORPORA) if args.corpus == "both" else [args.corpus]
    pages = [page for corpus in corpora for page in load_corpus(corpus, args.shared, args.limit)]
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


if __name__ == "__main__":
    sys.exit(main())
