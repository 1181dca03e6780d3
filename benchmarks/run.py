"""Score articlekit and its peers on the same pages, in the same run.

    python benchmarks/run.py --corpus both            # every tool, both corpora
    python benchmarks/run.py --corpus readability --tools articlekit,trafilatura --limit 20

Each tool sits behind an adapter that returns an :class:`~score.Extraction` (body text, title,
authors, date, site name, description) from the page's HTML, without any network access. Tools
run one after the other in this process, each after a warm-up on the first pages; every call is
timed with :func:`time.perf_counter` (the median of ``--repeat`` calls per page). A tool that
raises on a page scores that page as empty output and the failure is counted.

Peak memory is measured separately, after the timing, in one fresh subprocess per tool (so it
cannot disturb the timings and one tool's garbage is not charged to the next): the process's
peak resident set size (``VmHWM``, reset after loading) after extracting every page, and its growth over the
same process after imports and loading the pages. RSS covers lxml's C memory, which
``tracemalloc`` would miss.

The lxml floor is ``lxml.html.document_fromstring`` on the same bytes, timed the same way: no
extractor can be faster than parsing the page once. Tools in turn meet the machine in different
moods (the floor's own total moves 10-50% between runs on a shared VM), so the ratio of
articlekit to the floor is also measured paired: each page parsed by lxml and by articlekit one
right after the other (which goes first alternates by round), for at least four rounds, each
page's best time kept for each. articlekit runs with ``enrich=False`` for the
comparison; the ``articlekit+quotes`` row runs it with enrichment (quote extraction) on.

Writes ``benchmarks/results/<corpus>.md`` (the table, also printed), ``<corpus>.png`` (chart)
and ``<corpus>.csv`` (one row per page and tool, for finding the worst pages).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import gc
import json
import math
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from score import (
    CORPORA,
    CORRECTABLE,
    METRICS,
    SNIPPET_COUNTS,
    SNIPPET_METRICS,
    Extraction,
    Page,
    articlekit_extraction,
    corrected,
    html_text,
    load_corpus,
    load_errata,
    score_page,
    summarise,
)

RESULTS = Path(__file__).resolve().parent / "results"
Adapter = Callable[[Page], Extraction]

# --------------------------------------------------------------------------- adapters


def _text(page: Page) -> str:
    return page.html.decode("utf-8", errors="replace")


def _names(value: object) -> list[str]:
    """Author names from whatever a tool returns (a string, a list, nested lists)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, (list, tuple, set)):
        return [name for item in value for name in _names(item)]
    return [str(value)]


def _optional_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return _optional_text(value[0]) if value else None
    return str(value)


def _clean(got: Extraction) -> Extraction:
    """The same shape from every tool: strings or None, a list of names."""
    return Extraction(
        text=str(got.text or ""),
        title=_optional_text(got.title),
        authors=_names(got.authors),
        published=got.published,
        site_name=_optional_text(got.site_name),
        description=_optional_text(got.description),
    )


def articlekit_adapter(enrich: bool) -> Adapter:
    def run(page: Page) -> Extraction:
        return articlekit_extraction(page, enrich=enrich)

    return run


def trafilatura_adapter() -> Adapter:
    import trafilatura

    def run(page: Page) -> Extraction:
        doc = trafilatura.bare_extraction(page.html, url=page.url, with_metadata=True)
        if doc is None:
            return Extraction()
        get: Callable[[str], Any] = doc.get if isinstance(doc, dict) else lambda name: getattr(doc, name, None)
        author = get("author")
        return Extraction(
            text=get("text") or "",
            title=get("title"),
            authors=[name.strip() for name in author.split(";")] if author else [],
            published=get("date"),
            site_name=get("sitename"),
            description=get("description"),
        )

    return run


def readability_adapter() -> Adapter:
    from readability import Document  # type: ignore[import-untyped]

    def run(page: Page) -> Extraction:
        doc = Document(_text(page), url=page.url)
        return Extraction(text=html_text(doc.summary(html_partial=True)), title=doc.short_title())

    return run


def newspaper_adapter() -> Adapter:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import newspaper  # type: ignore[import-untyped]

    config = newspaper.Config()
    config.fetch_images = False  # no network
    config.memorize_articles = False

    def run(page: Page) -> Extraction:
        article = newspaper.Article(page.url or "", config=config)
        article.download(input_html=_text(page))
        article.parse()
        return Extraction(
            text=article.text or "",
            title=article.title,
            authors=_names(article.authors),
            published=article.publish_date,
            site_name=getattr(article, "meta_site_name", None),
            description=getattr(article, "meta_description", None),
        )

    return run


def goose_adapter() -> Adapter:
    from goose3 import Goose  # type: ignore[import-untyped]

    goose = Goose({"enable_image_fetching": False, "use_meta_language": True})

    def run(page: Page) -> Extraction:
        article = goose.extract(url=page.url, raw_html=_text(page))
        opengraph = article.opengraph or {}
        return Extraction(
            text=article.cleaned_text or "",
            title=article.title,
            authors=_names(article.authors),
            published=article.publish_date or article.publish_datetime_utc,
            site_name=opengraph.get("site_name"),
            description=article.meta_description,
        )

    return run


def lxml_floor_adapter() -> Adapter:
    import lxml.html

    def run(page: Page) -> Extraction:
        lxml.html.document_fromstring(page.html)
        return Extraction()

    return run


FLOOR = "lxml parse (floor)"
ADAPTERS: dict[str, Callable[[], Adapter]] = {
    "articlekit": lambda: articlekit_adapter(enrich=False),
    "articlekit+quotes": lambda: articlekit_adapter(enrich=True),
    "trafilatura": trafilatura_adapter,
    "readability-lxml": readability_adapter,
    "newspaper4k": newspaper_adapter,
    "goose3": goose_adapter,
    FLOOR: lxml_floor_adapter,
}
DEFAULT_TOOLS = [name for name in ADAPTERS if name != FLOOR]
NOT_EXTRACTED = {"readability-lxml": {"byline", "date", "site_name", "description"}}
"""Fields a tool has no extractor for: shown as n/a rather than a score."""

# --------------------------------------------------------------------------- running


@dataclass
class ToolRun:
    tool: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    #: Each page's first timed call: the tool's caches hold only what earlier pages left there.
    first: list[float] = field(default_factory=list)
    failures: int = 0
    memory: dict[str, float] | None = None

    @property
    def total(self) -> float:
        return sum(self.seconds)


def run_tool(tool: str, pages: Sequence[Page], repeat: int, warmup: int) -> ToolRun:
    """Time and score one tool over the pages (warm-up first, median of ``repeat`` calls).

    Title and byline are also scored against the corrected reference (``errata.json``), in the
    row's ``title_corrected`` and ``byline_corrected``.
    """
    adapter = ADAPTERS[tool]()
    errata = load_errata()
    result = ToolRun(tool)
    for page in pages[:warmup]:
        with contextlib.suppress(Exception):  # peers crash on some pages; the timed pass counts it
            adapter(page)
    gc.collect()
    for page in pages:
        times: list[float] = []
        got = Extraction()
        for _ in range(repeat):
            start = time.perf_counter()
            try:
                got = _clean(adapter(page))
            except Exception as exc:
                got = Extraction(error=f"{type(exc).__name__}: {exc}"[:200])
            times.append(time.perf_counter() - start)
        result.seconds.append(statistics.median(times))
        result.first.append(times[0])
        if got.error:
            result.failures += 1
        row: dict[str, Any] = {"page": page.name, "tool": tool, **score_page(page, got)}
        fixed_page = corrected(page, errata)  # rescored only where the errata change something
        fixed = row if fixed_page is page else score_page(fixed_page, got)
        row.update({f"{name}_corrected": fixed[name] for name in CORRECTABLE})
        row["ms"] = 1000 * result.seconds[-1]
        row["error"] = got.error or ""
        result.rows.append(row)
    return result


@dataclass
class Paired:
    """articlekit and the lxml floor timed page by page in turn (see :func:`paired_floor`)."""

    rounds: int
    articlekit: float
    floor: float

    @property
    def ratio(self) -> float:
        return self.articlekit / self.floor


def paired_floor(pages: Sequence[Page], rounds: int) -> Paired:
    """The floor ratio measured so that machine noise cannot tilt it: for each page, the lxml
    parse and articlekit one right after the other (which goes first alternates by round, so
    neither always finds the page warm), ``rounds`` times over the corpus; each page's best time
    for each (noise only ever adds time), summed."""
    tools = {"articlekit": ADAPTERS["articlekit"](), FLOOR: ADAPTERS[FLOOR]()}
    best = {name: [math.inf] * len(pages) for name in tools}
    for page in pages[:3]:
        tools["articlekit"](page)
    gc.collect()
    for round_number in range(rounds):
        order = list(tools) if round_number % 2 else list(reversed(tools))
        for index, page in enumerate(pages):
            for name in order:
                start = time.perf_counter()
                with contextlib.suppress(Exception):  # a failure is counted by the main run
                    _clean(tools[name](page))
                best[name][index] = min(best[name][index], time.perf_counter() - start)
    return Paired(rounds, sum(best["articlekit"]), sum(best[FLOOR]))


def first_sight(corpus: str, shared: str | None, limit: int | None, processes: int = 3) -> Paired:
    """The paired floor ratio on pages articlekit has not met before: in fresh subprocesses
    (:func:`_first_sight_probe`), each page parsed once by lxml and once by articlekit, one right
    after the other, so articlekit's caches (class-name verdicts, resolved links) hold only what
    earlier pages left, as for a crawler meeting new pages. Each page's best over ``processes``
    processes is kept (each process is a first sight)."""
    runs: list[list[list[float]]] = [
        _in_subprocess(["--first-sight-probe"], corpus, shared, limit) for _ in range(processes)
    ]
    # Per page, per tool: the best over the processes.
    best = [[min(times) for times in zip(*page, strict=True)] for page in zip(*runs, strict=True)]
    return Paired(processes, sum(ours for ours, _ in best), sum(floor for _, floor in best))


def _first_sight_probe(corpus: str, shared: str | None, limit: int | None) -> None:
    """One pass over the corpus in this fresh process: per page, ``[articlekit s, floor s]``."""
    tools = {"articlekit": ADAPTERS["articlekit"](), FLOOR: ADAPTERS[FLOOR]()}
    pages = load_corpus(corpus, shared, limit)
    warm = load_corpus(next(name for name in CORPORA if name != corpus), shared, 3)
    for page in warm:  # imports and first-call costs, on pages of the other corpus
        tools["articlekit"](page)
        tools[FLOOR](page)
    gc.collect()
    times: list[list[float]] = []
    for index, page in enumerate(pages):
        spent = dict.fromkeys(tools, 0.0)
        for name in list(tools) if index % 2 else list(reversed(tools)):
            start = time.perf_counter()
            with contextlib.suppress(Exception):
                _clean(tools[name](page))
            spent[name] = time.perf_counter() - start
        times.append([spent["articlekit"], spent[FLOOR]])
    print(json.dumps(times))


def memory_probe(tool: str, corpus: str, shared: str | None, limit: int | None) -> dict[str, float]:
    """Run in a fresh subprocess: peak RSS (MiB) of extracting every page, and its growth."""
    result: dict[str, float] = _in_subprocess(["--memory-probe", tool], corpus, shared, limit)
    return result


def _in_subprocess(probe: list[str], corpus: str, shared: str | None, limit: int | None) -> Any:
    """This script run with the ``probe`` arguments in a fresh process: the JSON it prints last."""
    command = [sys.executable, __file__, *probe, "--corpus", corpus]
    if shared:
        command += ["--shared", shared]
    if limit:
        command += ["--limit", str(limit)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(probe)} failed: {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _status_mib(key: str) -> float:
    """A ``VmRSS``/``VmHWM`` figure of this process from ``/proc/self/status``, in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    raise KeyError(key)


def _probe(tool: str, corpus: str, shared: str | None, limit: int | None) -> None:
    adapter = ADAPTERS[tool]()
    pages = load_corpus(corpus, shared, limit)
    gc.collect()
    try:  # Linux: reset the high-water mark (ru_maxrss would include the parent's, kept across exec)
        Path("/proc/self/clear_refs").write_text("5")
        before = _status_mib("VmRSS")
    except OSError:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for page in pages:
        with contextlib.suppress(Exception):
            adapter(page)
    try:
        peak = _status_mib("VmHWM")
    except OSError:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"peak_mib": peak, "growth_mib": peak - before}))


# --------------------------------------------------------------------------- reporting


def _pct(value: float) -> str:
    return "—" if math.isnan(value) else f"{value:.1f}"


def table(
    corpus: str,
    runs: Sequence[ToolRun],
    pages: int,
    repeat: int,
    *,
    paired: Paired | None = None,
    first: Paired | None = None,
) -> str:
    """The markdown report for one corpus."""
    counts = summarise(runs[0].rows).counts if runs else {}
    head = (
        "| tool | body P | body R | body F1 mean | body F1 median | title exact | byline F1 | date same-day "
        "| site name | description | failures | docs/s | median ms/doc | peak RSS MiB (growth) |"
    )
    lines = [
        f"## {corpus}: {pages} pages",
        "",
        head,
        "|" + "---|" * (head.count("|") - 1),
    ]
    for run in runs:
        median_ms = 1000 * statistics.median(run.seconds) if run.seconds else math.nan
        docs = len(run.seconds) / run.total if run.total else math.nan
        memory = f"{run.memory['peak_mib']:.0f} ({run.memory['growth_mib']:+.0f})" if run.memory else "—"
        if run.tool == FLOOR:
            quality = ["—"] * 10
        else:
            summary = summarise(run.rows)
            quality = [
                _pct(summary.means["precision"]),
                _pct(summary.means["recall"]),
                _pct(summary.means["f1"]),
                _pct(summary.medians["f1"]),
                *(
                    "n/a" if metric in NOT_EXTRACTED.get(run.tool, ()) else _pct(summary.means[metric])
                    for metric in METRICS[3:]
                ),
                str(run.failures),
            ]
        lines.append(f"| {run.tool} | " + " | ".join([*quality, f"{docs:.1f}", f"{median_ms:.1f}", memory]) + " |")
    lines += [
        "",
        "Pages scored per metric (the reference has a value): "
        + ", ".join(f"{metric} {counts.get(metric, 0)}" for metric in METRICS[2:]),
        "",
    ]
    by_name = {run.tool: run for run in runs}
    ours = by_name.get("articlekit")
    if ours and FLOOR in by_name and by_name[FLOOR].total:
        floor = by_name[FLOOR]
        lines.append(
            f"In the table's run (tools in turn): articlekit total {ours.total:.2f} s; lxml parse-only floor "
            f"{floor.total:.2f} s; ratio {ours.total / floor.total:.2f}×."
        )
    if paired:
        lines.append(
            f"Paired (each page parsed by lxml and by articlekit in turn, best of {paired.rounds} rounds per page): "
            f"articlekit {paired.articlekit:.2f} s, floor {paired.floor:.2f} s; ratio **{paired.ratio:.2f}×**."
        )
    if first:
        lines.append(
            f"Paired at first sight (fresh processes: articlekit's caches hold only what earlier pages left; "
            f"best of {first.rounds} processes per page): articlekit {first.articlekit:.2f} s, "
            f"floor {first.floor:.2f} s; ratio **{first.ratio:.2f}×**."
        )
    lines += ["", *_corrected_table(corpus, runs), ""]
    quotes = by_name.get("articlekit+quotes")
    if ours and quotes and ours.total:
        lines.append(
            f"Enrichment (quotes) on: total {quotes.total:.2f} s, "
            f"{100 * (quotes.total / ours.total - 1):+.1f}% over articlekit with `enrich=False`."
        )
    trafilatura = by_name.get("trafilatura")
    if ours and trafilatura:
        ratio = statistics.median(ours.seconds) / statistics.median(trafilatura.seconds)
        first_ratio = statistics.median(ours.first) / statistics.median(trafilatura.first)
        lines.append(
            f"articlekit median ms/doc is {ratio:.2f}× trafilatura's; on each page's first call "
            f"(caches holding only earlier pages') {1000 * statistics.median(ours.first):.1f} ms against "
            f"{1000 * statistics.median(trafilatura.first):.1f} ms, {first_ratio:.2f}×."
        )
    peers = [run for run in runs if not run.tool.startswith("articlekit") and run.tool != FLOOR]
    if ours and peers:
        missed = [
            row["page"]
            for index, row in enumerate(ours.rows)
            if row["f1"] < 0.05 and any(peer.rows[index]["f1"] >= 0.5 for peer in peers)
        ]
        lines.append(
            f"Pages where articlekit's body is (nearly) empty (F1 < 5) but a peer's F1 is ≥ 50: {len(missed)}"
            + (f" ({', '.join(missed)})" if missed else "")
            + "."
        )
    lines += [
        "",
        f"Timing: one process, tools in turn, warm-up first, median of {repeat} call(s) per page "
        f"(`time.perf_counter`). Python {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} CPU(s). Peak RSS: a fresh subprocess per tool, `VmHWM` after all pages "
        "(growth = over the same process after imports and loading the pages).",
        "",
    ]
    return "\n".join(lines)


def _corrected_table(corpus: str, runs: Sequence[ToolRun]) -> list[str]:
    """Title and byline against the reference with ``errata.json``'s corrections (if any apply)."""
    tools = [run for run in runs if run.tool != FLOOR]
    if not tools:
        return []
    pages = {row["page"] for row in tools[0].rows}
    fixes = dict.fromkeys(CORRECTABLE, 0)
    for page, fields in load_errata().get(corpus, {}).items():
        if page in pages:
            for name in fields:
                fixes[name] += 1
    if not any(fixes.values()):
        return []
    lines = [
        f"Against the reference with the corrections of `benchmarks/errata.json` ({fixes['title']} titles, "
        f"{fixes['byline']} bylines that are Readability.js mistakes, each with its reason; the same for every tool):",
        "",
        "| tool | title exact (corrected) | byline F1 (corrected) |",
        "|---|---|---|",
    ]
    for run in tools:
        means = summarise({name: row[f"{name}_corrected"] for name in CORRECTABLE} for row in run.rows).means
        cells = ["n/a" if name in NOT_EXTRACTED.get(run.tool, ()) else _pct(means[name]) for name in CORRECTABLE]
        lines.append(f"| {run.tool} | " + " | ".join(cells) + " |")
    return lines


def chart(corpus: str, runs: Sequence[ToolRun], path: Path) -> None:
    """Quality bars per tool and metric, and median ms/doc per tool."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    tools = [run for run in runs if run.tool != FLOOR]
    metrics = [("f1", "body F1"), ("title", "title"), ("byline", "byline"), ("date", "date")]
    metrics += [("site_name", "site"), ("description", "description")]
    figure, (left, right) = plt.subplots(1, 2, figsize=(13, 4.8), gridspec_kw={"width_ratios": [3, 1.3]})
    width = 0.8 / max(len(tools), 1)
    for index, run in enumerate(tools):
        summary = summarise(run.rows)
        values = [0.0 if math.isnan(summary.means[key]) else summary.means[key] for key, _ in metrics]
        left.bar([m + index * width for m in range(len(metrics))], values, width, label=run.tool)
    left.set_xticks([m + width * (len(tools) - 1) / 2 for m in range(len(metrics))], [label for _, label in metrics])
    left.set_ylim(0, 100)
    left.set_ylabel("score (%)")
    left.set_title(f"{corpus}: quality (mean over scored pages)")
    left.legend(fontsize=8, ncols=3, loc="upper center", bbox_to_anchor=(0.5, -0.09))
    names = [run.tool for run in runs]
    medians = [1000 * statistics.median(run.seconds) for run in runs]
    right.barh(names, medians, color=["tab:gray" if name == FLOOR else "tab:blue" for name in names])
    right.invert_yaxis()
    right.set_xlabel("median ms per document (lower is better)")
    right.set_title("speed")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def write_csv(runs: Sequence[ToolRun], path: Path) -> None:
    columns = [
        "page",
        "tool",
        *METRICS,
        *SNIPPET_METRICS,
        *SNIPPET_COUNTS,
        *(f"{name}_corrected" for name in CORRECTABLE),
        "ms",
        "error",
    ]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        for run in runs:
            for row in run.rows:
                writer.writerow(
                    {
                        key: (f"{value:.4f}" if isinstance(value, float) else ("" if value is None else value))
                        for key, value in row.items()
                    }
                )


# --------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=[*CORPORA, "both"], default="both")
    parser.add_argument("--tools", help=f"comma-separated, from: {', '.join(DEFAULT_TOOLS)} (default: all)")
    parser.add_argument("--repeat", type=int, default=1, help="timed calls per page and tool (median kept)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed pages per tool first")
    parser.add_argument("--limit", type=int, help="first N pages of each corpus")
    parser.add_argument("--shared", help="the shared folder (default: $ARTICLEKIT_SHARED or ../shared)")
    parser.add_argument("--no-memory", action="store_true", help="skip the per-tool memory subprocesses")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where the .md/.png/.csv go")
    parser.add_argument("--memory-probe", help=argparse.SUPPRESS)
    parser.add_argument("--first-sight-probe", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    corpora = list(CORPORA) if args.corpus == "both" else [args.corpus]
    if args.memory_probe:
        _probe(args.memory_probe, corpora[0], args.shared, args.limit)
        return 0
    if args.first_sight_probe:
        _first_sight_probe(corpora[0], args.shared, args.limit)
        return 0
    tools = [name.strip() for name in args.tools.split(",")] if args.tools else DEFAULT_TOOLS
    unknown = [name for name in tools if name not in ADAPTERS]
    if unknown:
        parser.error(f"unknown tools {unknown}; choose from {DEFAULT_TOOLS}")
    if "articlekit" in tools and FLOOR not in tools:
        tools.append(FLOOR)
    args.out.mkdir(parents=True, exist_ok=True)
    warnings.simplefilter("ignore")  # peers' deprecation chatter
    for corpus in corpora:
        pages = load_corpus(corpus, args.shared, args.limit)
        runs = []
        for tool in tools:
            print(f"[{corpus}] {tool} …", file=sys.stderr, flush=True)
            runs.append(run_tool(tool, pages, args.repeat, args.warmup))
            gc.collect()
        if not args.no_memory:
            for run in runs:
                print(f"[{corpus}] memory: {run.tool} …", file=sys.stderr, flush=True)
                run.memory = memory_probe(run.tool, corpus, args.shared, args.limit)
        paired = first = None
        if "articlekit" in tools:
            print(f"[{corpus}] articlekit and the floor, paired …", file=sys.stderr, flush=True)
            paired = paired_floor(pages, max(4, args.repeat + args.repeat % 2))
            print(f"[{corpus}] articlekit and the floor, paired at first sight …", file=sys.stderr, flush=True)
            first = first_sight(corpus, args.shared, args.limit)
        report = table(corpus, runs, len(pages), args.repeat, paired=paired, first=first)
        print(report)
        (args.out / f"{corpus}.md").write_text(report, encoding="utf-8")
        chart(corpus, runs, args.out / f"{corpus}.png")
        write_csv(runs, args.out / f"{corpus}.csv")
    return 0


if __name__ == "__main__":
    sys.exit(main())
