"""The CI quality gate: articlekit alone on every development corpus, against a stored baseline.

    python benchmarks/gate.py            # check; exit status 1 when a score fell
    python benchmarks/gate.py --update   # rewrite benchmarks/baseline.json (commit it on its own)

For each corpus it computes, with :mod:`score`, articlekit's body F1 mean, the snippet scores
(``with`` found, ``without`` absent, pooled) and the mean metadata scores (title exact, byline F1,
date same-day, site name, description), in percent, and fails when any is more than
``tolerance`` points (stored in the baseline, 0.2 by default) below the baseline. The gated
pages are :data:`GATE_PARTS`: all of readability-pages and wcxb-articles, and trafilatura-eval's
*validate* part only (314 of its 972 pages: the whole set would add ~30 s on a 2-core machine,
and the validate part is the one a tuning change must not hurt). The figures on the tune and
validate parts are printed (and stored in the baseline, under ``parts``) for information;
only the gated pages' figures are compared. It also fails when the corpus no longer has the baseline's page count (the baseline
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

from score import Extraction, articlekit_extraction, load_corpus, score_page, summarise
from splits import PARTS, Part

BASELINE = Path(__file__).resolve().parent / "baseline.json"
GATED = ("f1", "with", "without", "title", "byline", "date", "site_name", "description")
DEFAULT_TOLERANCE = 0.2
#: The pages the gate measures, per corpus: all of them (``None``) or one part.
GATE_PARTS: dict[str, Part | None] = {"readability": None, "wcxb": None, "trafilatura-eval": "validate"}

Scores = dict[str, dict[str, Any]]


def _figures(rows: Sequence[Mapping[str, float | None]]) -> dict[str, Any]:
    summary = summarise(rows)
    figures: dict[str, Any] = {"pages": summary.pages}
    for metric in GATED:
        value = summary.means[metric]
        figures[metric] = None if math.isnan(value) else round(value, 2)
    return figures


def measure(shared: str | None = None) -> Scores:
    """articlekit's gated scores (percent, rounded to 0.01) per corpus, plus page and failure counts,
    the part measured (``all`` or one part) and the figures of each part measured (``parts``)."""
    scores: Scores = {}
    for corpus, gated_part in GATE_PARTS.items():
        rows = []
        parts: list[str] = []
        failures: list[str] = []
        for page in load_corpus(corpus, shared, part=gated_part):
            try:
                got = articlekit_extraction(page)
            except Exception as exc:  # scored as empty output, and listed
                got = Extraction()
                failures.append(f"{page.name}: {type(exc).__name__}: {exc}"[:200])
            rows.append(score_page(page, got))
            parts.append(page.part)
        entry = _figures(rows)
        entry = {"part": gated_part or "all", "pages": entry.pop("pages"), "failures": len(failures), **entry}
        entry["parts"] = {
            which: _figures([row for row, part in zip(rows, parts, strict=True) if part == which])
            for which in PARTS
            if which in parts
        }
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
        if got["pages"] != expected["pages"] or got.get("part", "all") != expected.get("part", "all"):
            problems.append(
                f"{corpus}: {got['pages']} pages ({got.get('part', 'all')}), the baseline has {expected['pages']} "
                f"({expected.get('part', 'all')}): update it"
            )
            continue
        for metric in GATED:
            floor = expected.get(metric)
            if floor is None:
                continue
            value = got.get(metric)
            if value is None or value < floor - tolerance:
                problems.append(f"{corpus}: {metric} {_show(value)} < baseline {floor:.2f} - {tolerance:g}")
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
    print(f"{'corpus':<17} {'metric':<12} {'now':>7} {'baseline':>9}   now/baseline: tune, validate")
    for corpus, scores in current.items():
        stored = baseline["corpora"].get(corpus, {}) if baseline else {}
        print(f"{corpus:<17} {'part':<12} {scores['part']:>7} {_show(stored.get('part')):>9}")
        for metric in ("pages", "failures", *GATED):
            if scores.get(metric) is None and stored.get(metric) is None:
                continue
            by_part = "  ".join(
                f"{_show(figures.get(metric))}/{_show(stored.get('parts', {}).get(which, {}).get(metric))}"
                for which, figures in scores["parts"].items()
                if metric in figures
            )
            print(
                f"{corpus:<17} {metric:<12} {_show(scores.get(metric)):>7} {_show(stored.get(metric)):>9}   {by_part}"
            )
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
