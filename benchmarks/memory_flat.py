"""Memory stays flat over many documents: parse N documents (default 10,000) in one process.

The documents are written here (no corpus needed): web pages and plain-text articles whose
words, names, dates, links and sizes change with each one, so no cache can serve one page's
result to the next. The resident set size is read after a warm-up and then at checkpoints; the
growth from the warm-up to the end is the figure to watch (a leak of even 1 kB per document
would show as 10 MB over 10,000).

    python benchmarks/memory_flat.py               # 10,000 documents
    python benchmarks/memory_flat.py --count 2000  # quicker

Prints one line per checkpoint and, last, the JSON summary (``growth_mib`` among it).

Last run (2026-12-04, CPython 3.11.7, the shared 2-core machine, four bundled plugins installed):
37.1 MiB after the warm-up, 37.3 MiB after 10,000 more documents: +0.2 MiB in all (0.022 KiB a
document), +0.0 MiB over the second half.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
from pathlib import Path

import articlekit

FIRST = ["Ana", "Tomas", "Leila", "Kwame", "Ines", "Piotr", "Mei", "Farid", "Olga", "Rafael"]
LAST = ["Ruiz", "Okafor", "Lindqvist", "Haddad", "Novak", "Tanaka", "Moreau", "Silva", "Brennan", "Kaur"]
WORDS = [
    "council",
    "harbour",
    "budget",
    "river",
    "school",
    "bridge",
    "farmers",
    "rainfall",
    "vote",
    "market",
    "ferry",
    "library",
    "district",
    "hospital",
    "plan",
    "report",
    "season",
    "water",
    "road",
    "museum",
    "festival",
    "train",
    "workers",
    "tax",
]


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 20))]
    return f"{' '.join(words).capitalize()} number {n}."


def document(n: int) -> str:
    """The ``n``-th document: an HTML page or (every fifth) a plain-text article."""
    rng = random.Random(n)
    who = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    title = _sentence(rng, n).rstrip(".")
    day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    paragraphs = [_sentence(rng, n) + " " + _sentence(rng, n) for _ in range(rng.randint(3, 12))]
    paragraphs.insert(1, f"“{_sentence(rng, n)}” said {who}, who leads the {rng.choice(WORDS)} group.")
    if n % 5 == 0:
        return f"{title}\n\nby {who}\n{day}\n\n" + "\n\n".join(paragraphs)
    body = "".join(f"<p>{p} <a href='/story/{n}/{i}'>more {i}</a></p>" for i, p in enumerate(paragraphs))
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>{title} | The Valley Post</title>"
        f"<meta name='author' content='{who}'><meta property='article:published_time' content='{day}'>"
        f"</head><body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>"
        f"<p class='byline'>By {who}</p>{body}</article>"
        f"<aside><h2>Related</h2><a href='/related/{n}'>Another story</a></aside></body></html>"
    )


def rss_mib() -> float:
    """The current resident set size in MiB (Linux), else the peak so far."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=10_000, help="documents to parse (default 10,000)")
    ap.add_argument("--warmup", type=int, default=500, help="documents parsed before the first reading")
    args = ap.parse_args(argv)
    url = "https://valleypost.example/story/{}"
    for n in range(args.warmup):
        articlekit.parse(document(n), url=url.format(n))
    gc.collect()
    start = rss_mib()
    readings = [(args.warmup, start)]
    print(f"after {args.warmup:6d} warm-up documents: RSS {start:7.1f} MiB", flush=True)
    step = max(1, args.count // 10)
    for n in range(args.warmup, args.warmup + args.count):
        articlekit.parse(document(n), url=url.format(n))
        if (n - args.warmup + 1) % step == 0:
            gc.collect()
            readings.append((n + 1, rss_mib()))
            print(
                f"after {n + 1:6d} documents: RSS {readings[-1][1]:7.1f} MiB ({readings[-1][1] - start:+.1f})",
                flush=True,
            )
    end = readings[-1][1]
    # The second half alone: a leak grows there as in the first; a cache filling up does not.
    middle = readings[len(readings) // 2][1]
    summary = {
        "documents": args.count,
        "start_mib": round(start, 1),
        "end_mib": round(end, 1),
        "growth_mib": round(end - start, 1),
        "growth_second_half_mib": round(end - middle, 1),
        "kib_per_document": round((end - start) * 1024 / args.count, 3),
    }
    print(json.dumps(summary), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
