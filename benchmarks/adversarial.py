"""Seconds per MB on prose and on hostile inputs, and how the time grows from 1 to 4 MB (issue 14).

    python benchmarks/adversarial.py                        # every case at 1 and 4 MB
    python benchmarks/adversarial.py --cases quote-storm,attribute-storm --sizes 0.5,2
    python benchmarks/adversarial.py --no-enrich            # without quote extraction
    python benchmarks/adversarial.py --repeat 3             # fastest of three runs (a busy machine)

Every input is synthetic (written here, no corpus needed). Each measurement runs
:func:`articlekit.parse` once in a fresh process, so one slow case cannot hold the others and its
peak memory is its own; a case that passes ``--timeout`` is reported as such. Cost that is linear
in the input shows as a flat seconds-per-MB column and a growth near 4x from 1 to 4 MB; a
quadratic step shows as a growth near 16x.

Cases: ``prose-html`` (a news page of paragraphs with quotes and links), ``prose-text`` (the same
as plain text), ``quote-storm`` (``“a ”`` repeated), ``attribute-storm`` (one element with as many
attributes as fit), ``long-values`` (attribute values of 1 MB), ``deep-nesting`` (``<div>`` inside
``<div>``), ``huge-line`` (one line of words with no line break), ``json-ld`` (one huge JSON-LD
block), ``gzip`` (a gzipped prose page).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable

MB = 1024 * 1024

_WORDS = (
    "the", "council", "harbour", "ferry", "vote", "timetable", "island", "mayor", "budget",
    "report", "week", "residents", "said", "would", "new", "plan", "road", "school", "winter",
    "market", "river", "bridge", "night", "library", "morning", "water", "public", "late", "early",
    "board",
)
_NAMES = ("Ana Lima", "Tomas Berg", "Ines Moreau", "Kofi Mensah")


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 20))]
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random) -> str:
    body = " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))
    if rng.random() < 0.3:
        body += f" “{_sentence(rng)[:-1]},” said {rng.choice(_NAMES)}."
    return body


def prose_html(size: int) -> bytes:
    rng = random.Random(1)
    head = "<!DOCTYPE html><html><head><title>Harbour council votes</title></head><body><article><h1>Harbour council votes</h1>"
    parts = [head]
    length = len(head)
    while length < size:
        piece = f'<p>{_paragraph(rng)} <a href="/story/{length}">More</a></p>\n'
        parts.append(piece)
        length += len(piece)
    parts.append("</article></body></html>")
    return "".join(parts).encode()


def prose_text(size: int) -> bytes:
    rng = random.Random(2)
    parts = ["Harbour council votes\n\nby Ana Lima\n2024-05-01\n\n"]
    length = len(parts[0])
    while length < size:
        piece = _paragraph(rng) + "\n\n"
        parts.append(piece)
        length += len(piece)
    return "".join(parts).encode()


def quote_storm(size: int) -> bytes:
    return ("“a ”" * (size // 8)).encode()


def attribute_storm(size: int) -> bytes:
    count = size // 10
    attributes = " ".join(f"a{i}=x" for i in range(count))
    return f"<html><head><title>Storm</title></head><body><p {attributes}>Words after the storm.</p></body></html>".encode()


def long_values(size: int) -> bytes:
    value = "v" * MB
    tags = "".join(f'<p class="{value}">Words in a paragraph {i}.</p>' for i in range(max(1, size // MB)))
    return f"<html><head><title>Long</title></head><body>{tags}</body></html>".encode()


def deep_nesting(size: int) -> bytes:
    depth = size // 11
    return ("<html><body>" + "<div>" * depth + "Deep words." + "</div>" * depth + "</body></html>").encode()


def huge_line(size: int) -> bytes:
    rng = random.Random(3)
    return " ".join(rng.choice(_WORDS) for _ in range(size // 6)).encode()


def json_ld(size: int) -> bytes:
    rng = random.Random(4)
    data = {"@type": "NewsArticle", "headline": "Big", "articleBody": " ".join(_sentence(rng) for _ in range(size // 90))}
    return (
        '<html><head><title>Big</title><script type="application/ld+json">'
        + json.dumps(data)
        + "</script></head><body><p>Short body.</p></body></html>"
    ).encode()


def gzipped(size: int) -> bytes:
    return gzip.compress(prose_html(size), mtime=0)


CASES: dict[str, Callable[[int], bytes]] = {
    "prose-html": prose_html,
    "prose-text": prose_text,
    "quote-storm": quote_storm,
    "attribute-storm": attribute_storm,
    "long-values": long_values,
    "deep-nesting": deep_nesting,
    "huge-line": huge_line,
    "json-ld": json_ld,
    "gzip": gzipped,
}


def _one(case: str, megabytes: float, enrich: bool) -> None:
    """Child process: build the input, parse it once, print seconds, peak MB and the outcome."""
    import articlekit  # imported here so the parent stays light

    data = CASES[case](int(megabytes * MB))
    articlekit.parse("Warm up.\n\nOne paragraph.")
    start = time.perf_counter()
    try:
        article = articlekit.parse(data, enrich=enrich)
        outcome = f"{len(article.paragraphs)} paragraphs, {len(article.quotes)} quotes, {len(article.warnings)} warnings"
    except articlekit.ArticlekitError as exc:
        outcome = f"{type(exc).__name__}: {str(exc)[:60]}"
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "outcome": outcome}))


def _measure(case: str, megabytes: float, enrich: bool, timeout: float) -> dict[str, object] | None:
    argv = [sys.executable, __file__, "--one", case, "--sizes", str(megabytes)]
    if not enrich:
        argv.append("--no-enrich")
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    except subprocess.CalledProcessError as exc:
        return {"seconds": float("nan"), "peak_mb": float("nan"), "outcome": "crashed: " + exc.stderr.strip().splitlines()[-1]}
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated cases (default: all)")
    parser.add_argument("--sizes", default="1,4", help="input sizes in MB, comma-separated (default: 1,4)")
    parser.add_argument("--no-enrich", action="store_true", help="skip enrichment (quote extraction)")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds before a measurement is abandoned")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement, the fastest kept (default: 1)")
    parser.add_argument("--one", metavar="CASE", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sizes = [float(s) for s in args.sizes.split(",")]
    if args.one:
        _one(args.one, sizes[0], not args.no_enrich)
        return 0
    header = "| case | " + " | ".join(f"s/MB at {s:g} MB | peak MB at {s:g} MB" for s in sizes)
    header += f" | growth {sizes[0]:g}→{sizes[-1]:g} MB | outcome at {sizes[-1]:g} MB |" if len(sizes) > 1 else " | outcome |"
    print(header)
    print("|" + " --- |" * (header.count("|") - 1))
    for case in args.cases.split(","):
        cells: list[str] = []
        seconds: list[float] = []
        outcome = ""
        for size in sizes:
            runs = [_measure(case, size, not args.no_enrich, args.timeout) for _ in range(max(1, args.repeat))]
            result = None if any(run is None for run in runs) else min(runs, key=lambda run: float(str(run["seconds"])))  # type: ignore[index]
            if result is None:
                cells += [f"> {args.timeout / size:.1f} (timeout)", "-"]
                seconds.append(float("inf"))
                outcome = "timeout"
                continue
            secs = float(str(result["seconds"]))
            seconds.append(secs)
            cells += [f"{secs / size:.3f}", f"{float(str(result['peak_mb'])):.0f}"]
            outcome = str(result["outcome"])
        growth = f"{seconds[-1] / seconds[0]:.1f}x" if len(sizes) > 1 and seconds[0] > 0 else ""
        row = f"| {case} | " + " | ".join(cells) + (f" | {growth}" if len(sizes) > 1 else "") + f" | {outcome} |"
        print(row, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
