"""Rewrite ``expected.json`` of the golden cases from what articlekit gives now.

Run deliberately, after a change whose effect on the golden pages you have read and accept::

    python tests/golden/regenerate.py            # every case
    python tests/golden/regenerate.py arc paywall  # some cases

Then review ``git diff tests/golden`` before committing: the diff is the change in behaviour.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import articlekit

HERE = Path(__file__).resolve().parent


def cases() -> list[Path]:
    """Every case folder: one holding ``input.html``."""
    return sorted(p.parent for p in HERE.glob("*/input.html"))


def render(case: Path) -> dict[str, object]:
    """The whole ``to_dict`` output for one case (bytes in, so the page's charset is honoured)."""
    url = (case / "url.txt").read_text(encoding="utf-8").strip() or None
    article = articlekit.parse((case / "input.html").read_bytes(), url=url)
    return articlekit.to_dict(article)


def main(names: list[str]) -> int:
    chosen = [c for c in cases() if not names or c.name in names]
    for case in chosen:
        data = render(case)
        text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        (case / "expected.json").write_text(text, encoding="utf-8")
        print(f"wrote {case.name}/expected.json")
    return 0 if chosen else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
