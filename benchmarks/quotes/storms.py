"""Quote extraction on hostile text: CPU time for n and 4n repetitions of a unit, and a 3.2 MB storm.

Usage (from the repository root)::

    python benchmarks/quotes/storms.py            # n = 5,000 repetitions of each unit, then 4n
    python benchmarks/quotes/storms.py --n 20000 --big

A linear extractor takes about four times as long on 4n; a quadratic pass shows as a ratio near
sixteen. ``--big`` also times 3.2 MB of ``“a ”`` (the issue's quote-mark storm). CPU time
(``time.process_time``), the best of ``--repeat`` runs, so other processes count little.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence

import articlekit

#: The same units as tests/extract/test_quotes.py's growth tests, one code path each.
UNITS = {
    "curly pairs": "“a ”",
    "straight opener": '"a ',
    "attributed": "“Yes,” he said. ",
    "organisation it": "The Harbour Board met. “No,” it said. ",
    "people they": "Ana Lima and Olu Bankole met. “No,” they said. “Yes,” she said. ",
    "role": "“No,” the spokesman said. ",
    "pull quotes": "“We will not open the old harbour gate tonight or tomorrow at all”\n\n",
    "unattributed": "“We will rebuild the whole harbour before winter.” ",
}


def cpu_seconds(text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        articlekit.extract_quotes(text)
        best = min(best, time.process_time() - start)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=5_000, help="repetitions of each unit (then four times as many)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the fastest counts")
    parser.add_argument("--big", action="store_true", help="also 3.2 MB of “a ”")
    args = parser.parse_args(argv)
    for name, unit in UNITS.items():
        small = cpu_seconds(unit * args.n, args.repeat)
        large = cpu_seconds(unit * 4 * args.n, args.repeat)
        ratio = large / small if small else float("inf")
        print(f"{name:<18} n={args.n}: {small:.2f} s   4n: {large:.2f} s   ratio {ratio:.1f}")
    if args.big:
        text = "“a ”" * 400_000  # 3.2 MB in UTF-8
        print(f"3.2 MB of “a ”: {cpu_seconds(text, args.repeat):.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
