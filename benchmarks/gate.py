"""The CI quality gate: articlekit alone on both corpora, against a stored baseline.

    python benchmarks/gate.py            # check; exit status 1 when a score fell
    python benchmarks/gate.py --update   # rewrite benchmarks/baseline.json (commit it on its own)

For each corpus it computes, with :mod:`score`, articlekit's body F1 mean and the mean metadata
scores (title exact, byline F1, date same-day, site name, description), in percent, and fails
when any is more than ``tolerance`` points (stored in the baseline, 0.2 by default) below the
baseline. It also fails when the corpus no longer has the baseline's page count (the baseline
would compare different things) or when articlekit raises on a page it did not raise on before.
articlekit runs with ``enrich=False``: the gate is about extraction, and stays cheap (seconds).
``tests/test_quality_gate.py`` runs the same check in the test suite.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from score import CORPORA, Extraction, articlekit_extraction, load_corpus, score_page, summarise

BASELINE = Path(__file__).resolve().parent / "baseline.json"
GATED = ("f1", "title", "byline", "date", "site_name", "description")
DEFAULT_TOLERANCE = 0.2

Scores = dict[str, dict[str, Any]]


def measure(shared: str | None = None) -> Scores:
    """articlekit's gated scores (percent, rounded to 0.01) per corpus, plus page and failure counts."""
    scores: Scores = {}
    for corpus in CORPORA:
        rows = []
        failures: list[str] = []
        for page in load_corpus(corpus, shared):
            try:
                got = articlekit_extraction(page)
            except Exception as exc:  # scored as empty output, and listed
                got = Extraction()
                failures.append(f"{page.name}: {type(exc).__name__}: {exc}"[:200])
            rows.append(score_page(page, got))
        summary = summarise(rows)
        entry: dict[str, Any] = {"pages": summary.pages, "failures": len(failures)}
        for metric in GATED:
            value = summary.means[metric]
            entry[metric] = None if math.isnan(value) else round(value, 2)
        entry["failed_pages"] = failures
        scores[corpus] = entry
    return scores


def compare(current: Mapping[str, Mapping[str, Any]], baseline: Mapping[str, Any]) -> list[str]:
    """What fell below the baseline (empty when the gate passes).

    >>> base = {"tolerance": 0.2, "corpora": {"c": {"pages": 2, "failures": 0, "f1": 90.0, "title": None}}}
    >>> compare({"c": {"pages": 2, "failures": 0, "f1": 89.85, "title": 50.0}}, base)
    []
    >>> compare({"c": {"pages": 2, "failures": 1, "f1": 89.7, "title": None}}, base)
    ['c: f1 89.70 < baseline 90.00 - 0.2', 'c: articlekit raised on 1 page(s) (baseline 0)']
    """
    tolerance = float(baseline.get("tolerance", DEFAULT_TOLERANCE))
    problems: list[str] = []
    for corpus, expected in baseline["corpora"].items():
        got = current.get(corpus)
        if got is None:
            problems.append(f"{corpus}: not measured")
            continue
        if got["pages"] != expected["pages"]:
            problems.append(f"{corpus}: {got['pages']} pages, the baseline has {expected['pages']}: update it")
            continue
        for metric in GATED:
            floor = expected.get(metric)
            if floor is None:
                continue
            value = got.get(metric)
            if value is None or value < floor - tolerance:
                problems.append(f"{corpus}: {metric} {value:.2f} < baseline {floor:.2f} - {tolerance:g}")
        if got["failures"] > expected.get("failures", 0):
            problems.append(
                f"{corpus}: articlekit raised on {got['failures']} page(s) (baseline {expected.get('failures', 0)})"
            )
    return problems


def load_baseline(path: Path = BASELINE) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="articlekit quality gate against benchmarks/baseline.json")
    parser.add_argument("--update", action="store_true", help="rewrite the baseline with the current scores")
    parser.add_argument("--shared", help="the shared folder (default: $ARTICLEKIT_SHARED or ../shared)")
    parser.add_argument("--baseline", type=Path, default=BASELINE)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    current = measure(args.shared)
    elapsed = time.perf_counter() - start
    baseline = load_baseline(args.baseline) if args.baseline.exists() else None
    print(f"{'corpus':<12} {'metric':<12} {'now':>7} {'baseline':>9}")
    for corpus, scores in current.items():
        for metric in ("pages", "failures", *GATED):
            before = baseline["corpora"].get(corpus, {}).get(metric) if baseline else None
            print(f"{corpus:<12} {metric:<12} {_show(scores[metric]):>7} {_show(before):>9}")
        for failure in scores["failed_pages"]:
            print(f"  raised: {failure}")
    print(f"measured in {elapsed:.1f} s")
    if args.update:
        tolerance = baseline.get("tolerance", DEFAULT_TOLERANCE) if baseline else DEFAULT_TOLERANCE
        stored = {
            "tolerance": tolerance,
            "note": "articlekit (enrich=False) scores in percent; written by `python benchmarks/gate.py --update`",
            "corpora": {
                corpus: {key: value for key, value in scores.items() if key != "failed_pages"}
                for corpus, scores in current.items()
            },
        }
        args.baseline.write_text(json.dumps(stored, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.baseline}")
        return 0
    if baseline is None:
        print(f"no baseline at {args.baseline}: run with --update", file=sys.stderr)
        return 1
    problems = compare(current, baseline)
    for problem in problems:
        print(f"REGRESSION {problem}", file=sys.stderr)
    if not problems:
        print("quality gate passed")
    return 1 if problems else 0


def _show(value: Any) -> str:
    if value is None:
        return "—"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


if __name__ == "__main__":
    sys.exit(main())
