"""Coverage-guided fuzzing of :func:`articlekit.parse` with atheris (not part of the test suite).

Two targets, chosen by ``--mode``:

``bytes``
    the fuzzer's bytes go to ``parse`` as they are (decoding, sniffing, both parser kinds);
``html``
    the bytes drive a small generator of HTML documents (nested tags from a vocabulary
    articlekit looks at, attributes, JSON-LD, meta tags, text with quotes and entities), so
    mutations explore page structure rather than byte soup.

A finding is anything but an :class:`~articlekit.ArticlekitError` escaping ``parse``, a JSON
round trip that does not give back the same article, or one input taking longer than
``--slow`` seconds. Findings do not stop the run: each distinct one (exception type and the
innermost articlekit frame) is saved once under ``--findings`` with its input, and the totals are
printed at the end. Every finding becomes a regression test in ``tests/test_fuzz_regressions.py``.

Usage (a virtualenv with articlekit, its plugins and ``atheris`` installed)::

    python fuzz/fuzz_parse.py --mode bytes --seconds 360 --findings /tmp/fuzz-findings
    python fuzz/fuzz_parse.py --mode html --seconds 360 --findings /tmp/fuzz-findings
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
import traceback
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["articlekit", "articlekit_defenddemocracy"]):
    import articlekit

ROOT = Path(__file__).resolve().parents[1]
SEEDS = [ROOT / "examples", ROOT / "tests" / "golden"]

TAGS = [
    "html", "head", "body", "title", "meta", "article", "main", "div", "section", "header", "footer",
    "nav", "aside", "p", "span", "a", "h1", "h2", "h3", "blockquote", "q", "figure", "figcaption",
    "time", "address", "ul", "ol", "li", "table", "tr", "td", "br", "script", "style", "noscript",
    "template", "pre", "code", "em", "strong", "img", "iframe", "form", "svg", "math", "link",
]
ATTRS = [
    "class", "id", "itemprop", "itemtype", "rel", "href", "name", "property", "content", "datetime",
    "lang", "charset", "hidden", "role", "type", "style", "src", "dir",
]
WORDS = [
    "said", "says", "“", "”", "\"", "'", "—", "by", "By", "Jane Doe", "2024-05-01", "&amp;", "&nbsp;",
    "&#0;", "&#x1F600;", "\r\n", "\n", "\t", "\u00a0", "\u200b", "\ufeff", "author", "byline", "related",
    "Read also:", "http://", "https://news.example/a", "../b", "javascript:x", "<!--", "-->", "<![CDATA[",
    "]]>", "application/ld+json", '{"@type":"NewsArticle","headline":"H","datePublished":"2024-01-02"}',
    "utf-8", "iso-8859-1", "text/html; charset=shift_jis", "og:title", "article:published_time",
]


class Generator:
    """HTML built from the fuzzer's bytes: every choice is one draw from the provider."""

    def __init__(self, data: bytes) -> None:
        self.fdp = atheris.FuzzedDataProvider(data)
        self.budget = 400

    def pick(self, options: list[str]) -> str:
        return options[self.fdp.ConsumeIntInRange(0, len(options) - 1)]

    def text(self) -> str:
        if self.fdp.ConsumeBool():
            return self.fdp.ConsumeUnicodeNoSurrogates(self.fdp.ConsumeIntInRange(0, 40))
        return " ".join(self.pick(WORDS) for _ in range(self.fdp.ConsumeIntInRange(0, 8)))

    def element(self, depth: int) -> str:
        self.budget -= 1
        if self.budget <= 0 or self.fdp.remaining_bytes() == 0:
            return self.text()
        tag = self.pick(TAGS)
        attrs = "".join(
            f' {self.pick(ATTRS)}="{self.text().replace(chr(34), "&quot;")}"'
            for _ in range(self.fdp.ConsumeIntInRange(0, 3))
        )
        children = "".join(
            self.element(depth + 1) if self.fdp.ConsumeBool() else self.text()
            for _ in range(self.fdp.ConsumeIntInRange(0, 6 if depth < 12 else 1))
        )
        close = "" if self.fdp.ConsumeIntInRange(0, 9) == 0 else f"</{tag}>"  # unclosed tags too
        return f"<{tag}{attrs}>{children}{close}"

    def document(self) -> str:
        doctype = "<!DOCTYPE html>" if self.fdp.ConsumeBool() else ""
        return doctype + self.element(0)


class Findings:
    def __init__(self, folder: Path, slow: float) -> None:
        self.folder = folder
        self.slow = slow
        self.seen: dict[str, int] = {}
        self.executions = 0
        folder.mkdir(parents=True, exist_ok=True)

    def record(self, kind: str, data: bytes, detail: str, key: str) -> None:
        signature = f"{kind}: {key}"
        first = signature not in self.seen
        self.seen[signature] = self.seen.get(signature, 0) + 1
        if first:
            digest = hashlib.sha1(data).hexdigest()[:12]
            (self.folder / f"{kind}-{digest}.input").write_bytes(data)
            (self.folder / f"{kind}-{digest}.txt").write_text(f"{signature}\n\n{detail}", encoding="utf-8")
            print(f"\n== new finding {signature} ({kind}-{digest})", file=sys.stderr, flush=True)


def _innermost_articlekit_frame(exc: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "articlekit" in f.filename]
    frame = frames[-1] if frames else traceback.extract_tb(exc.__traceback__)[-1]
    return f"{type(exc).__name__} at {Path(frame.filename).name}:{frame.lineno} ({frame.name})"


def check(source: str | bytes, data: bytes, findings: Findings) -> None:
    findings.executions += 1
    start = time.perf_counter()
    try:
        article = articlekit.parse(source)
    except articlekit.ArticlekitError:
        return
    except RecursionError as exc:  # a subclass of RuntimeError; keep it apart
        findings.record("crash", data, traceback.format_exc(), _innermost_articlekit_frame(exc))
        return
    except Exception as exc:
        findings.record("crash", data, traceback.format_exc(), _innermost_articlekit_frame(exc))
        return
    elapsed = time.perf_counter() - start
    if elapsed > findings.slow:
        findings.record("slow", data, f"{elapsed:.2f} s for {len(data)} bytes", f"{len(data) // 10_000 * 10} kB")
    try:
        again = articlekit.from_json(articlekit.to_json(article))
    except Exception as exc:
        findings.record("roundtrip", data, traceback.format_exc(), _innermost_articlekit_frame(exc))
        return
    if again != article:
        findings.record("roundtrip", data, json.dumps(articlekit.to_dict(article))[:2000], "not equal")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mode", choices=["bytes", "html"], default="bytes")
    ap.add_argument("--seconds", type=int, default=300)
    ap.add_argument("--findings", type=Path, default=Path("fuzz-findings"))
    ap.add_argument("--corpus", type=Path, help="a working corpus folder (seeded from examples/ and tests/golden/)")
    ap.add_argument("--slow", type=float, default=5.0, help="seconds after which one input counts as a finding")
    args, rest = ap.parse_known_args()
    findings = Findings(args.findings / args.mode, args.slow)

    deadline = time.monotonic() + args.seconds

    def one_input(data: bytes) -> None:
        if time.monotonic() > deadline:  # libFuzzer's own time limit ends the process without a word
            summary(findings, args.mode)
            os._exit(0)
        if args.mode == "bytes":
            check(data, data, findings)
        else:
            check(Generator(data).document(), data, findings)

    libfuzzer = [sys.argv[0], "-max_len=65536", "-timeout=60", "-print_final_stats=1"]
    if args.corpus is not None and args.mode == "bytes":
        args.corpus.mkdir(parents=True, exist_ok=True)
        for folder in SEEDS:
            for path in folder.rglob("*"):
                if path.suffix in {".html", ".txt"} and path.is_file():
                    (args.corpus / hashlib.sha1(path.read_bytes()).hexdigest()).write_bytes(path.read_bytes())
        libfuzzer.append(str(args.corpus))
    atheris.Setup([*libfuzzer, *rest], one_input)
    atheris.Fuzz()


def summary(findings: Findings, mode: str) -> None:
    print(f"\n{mode}: executions: {findings.executions}; distinct findings: {len(findings.seen)}", flush=True)
    for signature, count in sorted(findings.seen.items()):
        print(f"  {count:6d}  {signature}", flush=True)


if __name__ == "__main__":
    main()
