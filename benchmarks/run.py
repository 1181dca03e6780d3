"""Score articlekit and its peers on the same pages, in the same run.

    python benchmarks/run.py                          # every tool, every corpus (--corpus all)
    python benchmarks/run.py --corpus readability --tools articlekit,trafilatura --limit 20

Every quality figure is reported on the corpus's *validate* part, its *tune* part and all pages
(:func:`splits.part`); trafilatura-eval is scored by its snippets (``with`` found, ``without``
absent) instead of body P/R/F1. Each tool's *wrong pages* are counted: body F1 (snippet corpora:
share of must-contain snippets found) below :data:`WRONG_BELOW` on a page where another tool
reaches :data:`FOUND_FROM`. Speed is also given on *large pages* (at least :data:`LARGE_PAGE`
bytes of HTML), with the corpus's median page size.

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

Writes ``benchmarks/results/<corpus>.md`` (the tables, also printed), ``<corpus>.png`` (chart)
and ``<corpus>.csv`` (one row per page and tool, for finding the worst pages), and, when more
than one corpus ran, ``summary.md``: one table over every corpus and part, for the note.
Peers that take a string get the page decoded as UTF-8 when it is valid UTF-8, else in its
declared charset (27 trafilatura-eval pages are not UTF-8); articlekit and trafilatura take bytes.
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
import re
import resource
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from score import (
    ALL_CORPORA,
    CORPORA,
    CORRECTABLE,
    METRICS,
    SNIPPET_CORPORA,
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
from splits import PARTS

RESULTS = Path(__file__).resolve().parent / "results"
Adapter = Callable[[Page], Extraction]

#: Pages with at least this many bytes of HTML are "large" (the independent pages' median is 115 KB).
LARGE_PAGE = 100_000
#: A "wrong page": the tool's body scores below ``WRONG_BELOW`` (body F1, or share of the
#: must-contain snippets found) on a page where another tool scores at least ``FOUND_FROM``:
#: the tool returned a footer, a menu, a teaser list or nothing where the article was there to find.
WRONG_BELOW = 0.2
FOUND_FROM = 0.5

# --------------------------------------------------------------------------- adapters

_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _text(page: Page) -> str:
    """The page as text for tools that take a string: UTF-8 when the bytes are valid UTF-8, else the
    charset the page declares in a ``<meta>`` (invalid bytes replaced), as a browser would."""
    try:
        return page.html.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _DECLARED.search(page.html[:4096])
    if declared:
        with contextlib.suppress(LookupError):
            return page.html.decode(declared[1].decode("ascii"), errors="replace")
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
        row["chars"] = len(got.text)
        row["ms"] = 1000 * result.seconds[-1]
        row["error"] = got.error or ""
        result.rows.append(row)
    return result


@dataclass
class Paired:
    """articlekit and the lxml floor timed page by page in turn (see :func:`paired_floor`):
    each page's best time for each, in seconds, in page order."""

    rounds: int
    articlekit: list[float]
    floor: list[float]

    def totals(self, keep: Sequence[bool] | None = None) -> tuple[float, float]:
        """``(articlekit s, floor s)`` summed over the pages (those flagged in ``keep``)."""
        pairs = zip(self.articlekit, self.floor, keep or [True] * len(self.floor), strict=True)
        kept = [(ours, floor) for ours, floor, flag in pairs if flag]
        return sum(ours for ours, _ in kept), sum(floor for _, floor in kept)

    def ratio(self, keep: Sequence[bool] | None = None) -> float:
        ours, floor = self.totals(keep)
        return ours / floor if floor else math.nan


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
    return Paired(rounds, best["articlekit"], best[FLOOR])


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
    return Paired(processes, [ours for ours, _ in best], [floor for _, floor in best])


def _first_sight_probe(corpus: str, shared: str | None, limit: int | None) -> None:
    """One pass over the corpus in this fresh process: per page, ``[articlekit s, floor s]``."""
    tools = {"articlekit": ADAPTERS["articlekit"](), FLOOR: ADAPTERS[FLOOR]()}
    pages = load_corpus(corpus, shared, limit)
    warm = load_corpus(next(name for name in ALL_CORPORA if name != corpus), shared, 3)
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


def _key_metric(corpus: str) -> str:
    """The per-page score that says whether a tool found the article: body F1, or with-snippets found."""
    return "with" if corpus in SNIPPET_CORPORA else "f1"


def _family(tool: str) -> str:
    return "articlekit" if tool.startswith("articlekit") else tool


def wrong_pages(corpus: str, runs: Sequence[ToolRun]) -> dict[str, list[int]]:
    """Per tool, the indices of its "wrong pages" (see :data:`WRONG_BELOW`): below ``WRONG_BELOW``
    where a tool of another family (``articlekit+quotes`` is articlekit) reaches ``FOUND_FROM``.

    >>> low, high = ToolRun("a", rows=[{"f1": 0.1}, {"f1": 0.9}]), ToolRun("b", rows=[{"f1": 0.6}, {"f1": 0.0}])
    >>> wrong_pages("wcxb", [low, high])
    {'a': [0], 'b': [1]}
    """
    key = _key_metric(corpus)
    tools = [run for run in runs if run.tool != FLOOR]
    found: dict[str, list[int]] = {}
    for run in tools:
        others = [other for other in tools if _family(other.tool) != _family(run.tool)]
        found[run.tool] = [
            index
            for index, row in enumerate(run.rows)
            if row.get(key) is not None
            and row[key] < WRONG_BELOW
            and any((other.rows[index].get(key) or 0.0) >= FOUND_FROM for other in others)
        ]
    return found


#: Quality columns: (metric, header) for body corpora and for snippet corpora.
_BODY_COLUMNS = [
    ("precision", "body P"),
    ("recall", "body R"),
    ("f1", "body F1 mean"),
    ("f1_median", "body F1 median"),
]
_SNIPPET_COLUMNS = [("with", "with found"), ("without", "without absent")]
_META_COLUMNS = [
    ("title", "title exact"),
    ("byline", "byline F1"),
    ("date", "date same-day"),
    ("site_name", "site name"),
    ("description", "description"),
]


def _columns(corpus: str) -> list[tuple[str, str]]:
    return (_SNIPPET_COLUMNS if corpus in SNIPPET_CORPORA else _BODY_COLUMNS) + _META_COLUMNS


def quality(corpus: str, run: ToolRun, keep: Sequence[bool]) -> dict[str, float]:
    """The tool's figures (percent) over the pages flagged in ``keep``, by :func:`_columns` metric."""
    summary = summarise(row for row, flag in zip(run.rows, keep, strict=True) if flag)
    figures = dict(summary.means)
    figures["f1_median"] = summary.medians["f1"]
    for metric in NOT_EXTRACTED.get(run.tool, ()):
        figures[metric] = math.nan
    return figures


def _cell(run: ToolRun, metric: str, figures: Mapping[str, float]) -> str:
    return "n/a" if metric in NOT_EXTRACTED.get(run.tool, ()) else _pct(figures[metric])


def _parts(pages: Sequence[Page]) -> list[tuple[str, list[bool]]]:
    """``(label, flags)`` for the validate part, the tune part and all pages."""
    return [
        *((which, [page.part == which for page in pages]) for which in reversed(PARTS)),
        ("all", [True] * len(pages)),
    ]


def table(
    corpus: str,
    runs: Sequence[ToolRun],
    pages: Sequence[Page],
    repeat: int,
    *,
    paired: Paired | None = None,
    first: Paired | None = None,
) -> str:
    """The markdown report for one corpus: quality per part (validate, tune, all), then speed."""
    tools = [run for run in runs if run.tool != FLOOR]
    columns = [(metric, header) for metric, header in _columns(corpus) if _scored(metric, runs)]
    wrong = wrong_pages(corpus, runs)
    large = [len(page.html) >= LARGE_PAGE for page in pages]
    sizes = sorted(len(page.html) for page in pages)
    lines = [
        f"## {corpus}: {len(pages)} pages "
        f"({sum(page.part == 'tune' for page in pages)} tune, {sum(page.part == 'validate' for page in pages)} validate)",
        "",
    ]
    for label, keep in _parts(pages):
        count = sum(keep)
        head = "| tool | " + " | ".join(header for _, header in columns) + " | wrong page | empty | failures |"
        lines += [f"### Quality, {label} ({count} pages)", "", head, "|" + "---|" * (head.count("|") - 1)]
        for run in tools:
            figures = quality(corpus, run, keep)
            kept = [index for index, flag in enumerate(keep) if flag]
            cells = [_cell(run, metric, figures) for metric, _ in columns]
            cells += [
                str(sum(keep[index] for index in wrong[run.tool])),
                str(sum(run.rows[index].get("chars", 1) == 0 for index in kept)),
                str(sum(bool(run.rows[index].get("error")) for index in kept)),
            ]
            lines.append(f"| {run.tool} | " + " | ".join(cells) + " |")
        counts = summarise(row for row, flag in zip(tools[0].rows, keep, strict=True) if flag).counts if tools else {}
        scored = ", ".join(f"{metric} {counts.get(metric, 0)}" for metric, _ in columns if metric != "f1_median")
        lines += ["", f"Pages scored per metric (the reference has a value): {scored}.", ""]
    key = "body F1" if _key_metric(corpus) == "f1" else "the share of must-contain snippets found"
    lines += [
        f"Wrong page: {key} below {100 * WRONG_BELOW:.0f}% where another tool reaches {100 * FOUND_FROM:.0f}% "
        "(a footer, menu, teaser list or nothing returned instead of the article). Empty: no body text.",
        "",
    ]
    ours = next((run for run in runs if run.tool == "articlekit"), None)
    if ours is not None:  # named on the tune part only: validate pages are scored, not read
        names = [pages[index].name for index in wrong["articlekit"] if pages[index].part == "tune"]
        hidden = sum(pages[index].part == "validate" for index in wrong["articlekit"])
        lines += [f"articlekit's wrong pages: tune {', '.join(names) if names else 'none'}; validate {hidden}.", ""]
    lines += [
        "### Speed",
        "",
        f"HTML size: median {sizes[len(sizes) // 2] / 1000:.0f} KB; {sum(large)} large pages "
        f"(≥ {LARGE_PAGE // 1000} KB), their median "
        + (f"{statistics.median(s for s in sizes if s >= LARGE_PAGE) / 1000:.0f} KB." if any(large) else "—."),
        "",
        "| tool | docs/s | median ms/doc | total s | total s, large pages | peak RSS MiB (growth) |",
        "|---|---|---|---|---|---|",
    ]
    for run in runs:
        median_ms = 1000 * statistics.median(run.seconds) if run.seconds else math.nan
        docs = len(run.seconds) / run.total if run.total else math.nan
        memory = f"{run.memory['peak_mib']:.0f} ({run.memory['growth_mib']:+.0f})" if run.memory else "—"
        on_large = sum(seconds for seconds, flag in zip(run.seconds, large, strict=True) if flag)
        lines.append(f"| {run.tool} | {docs:.1f} | {median_ms:.1f} | {run.total:.2f} | {on_large:.2f} | {memory} |")
    lines.append("")
    by_name = {run.tool: run for run in runs}
    if ours and FLOOR in by_name and by_name[FLOOR].total:
        floor = by_name[FLOOR]
        lines.append(
            f"In the table's run (tools in turn): articlekit total {ours.total:.2f} s; lxml parse-only floor "
            f"{floor.total:.2f} s; ratio {ours.total / floor.total:.2f}×"
            + (f", on large pages {_ratio(ours.seconds, floor.seconds, large):.2f}×." if any(large) else ".")
        )
    for measured, how in (
        (paired, "Paired (each page parsed by lxml and by articlekit in turn, best of {} rounds per page)"),
        (
            first,
            "Paired at first sight (fresh processes: articlekit's caches hold only what earlier pages left; "
            "best of {} processes per page)",
        ),
    ):
        if measured is None:
            continue
        ours_s, floor_s = measured.totals()
        line = (
            how.format(measured.rounds)
            + f": articlekit {ours_s:.2f} s, floor {floor_s:.2f} s; ratio **{measured.ratio():.2f}×**"
        )
        if any(large):
            ours_large, floor_large = measured.totals(large)
            line += (
                f"; on the {sum(large)} large pages articlekit {ours_large:.2f} s, floor {floor_large:.2f} s, "
                f"ratio **{measured.ratio(large):.2f}×**"
            )
        lines.append(line + ".")
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
    lines += [
        "",
        f"Timing: one process, tools in turn, warm-up first, median of {repeat} call(s) per page "
        f"(`time.perf_counter`). Python {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} CPU(s). Peak RSS: a fresh subprocess per tool, `VmHWM` after all pages "
        "(growth = over the same process after imports and loading the pages).",
        "",
    ]
    return "\n".join(lines)


def _scored(metric: str, runs: Sequence[ToolRun]) -> bool:
    """Whether any page of the corpus has a reference value for the metric."""
    base = "f1" if metric == "f1_median" else metric
    return any(row.get(base) is not None for run in runs if run.tool != FLOOR for row in run.rows)


def _ratio(ours: Sequence[float], floor: Sequence[float], keep: Sequence[bool]) -> float:
    mine = sum(seconds for seconds, flag in zip(ours, keep, strict=True) if flag)
    base = sum(seconds for seconds, flag in zip(floor, keep, strict=True) if flag)
    return mine / base if base else math.nan


def _gap(points: float) -> str:
    return "—" if math.isnan(points) else f"{points:+.1f}"


def summary_table(results: Sequence[tuple[str, Sequence[Page], Sequence[ToolRun], Paired | None]]) -> str:
    """One table over every corpus of the run, tune and validate side by side, for the note."""
    head = (
        "| corpus | part | pages | tool | body F1 / with found | without absent | title exact | byline F1 "
        "| date same-day | wrong page |"
    )
    lines = ["## All corpora, one run", "", head, "|" + "---|" * (head.count("|") - 1)]
    for corpus, pages, runs, _ in results:
        wrong = wrong_pages(corpus, runs)
        for label, keep in _parts(pages):
            for run in runs:
                if run.tool in (FLOOR, "articlekit+quotes"):
                    continue
                figures = quality(corpus, run, keep)
                cells = [
                    _pct(figures[_key_metric(corpus)]),
                    _pct(figures["without"]),
                    *(_cell(run, metric, figures) for metric in ("title", "byline", "date")),
                    str(sum(keep[index] for index in wrong[run.tool])),
                ]
                lines.append(f"| {corpus} | {label} | {sum(keep)} | {run.tool} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "Tune-validate gap (validate minus tune, points; negative = worse on the pages not tuned on):",
        "",
        "| corpus | tool | body F1 / with found | without absent | title exact | byline F1 | date same-day |",
        "|---|---|---|---|---|---|---|",
    ]
    for corpus, pages, runs, _ in results:
        flags = dict(_parts(pages))
        for run in runs:
            if run.tool in (FLOOR, "articlekit+quotes"):
                continue
            tune, validate = quality(corpus, run, flags["tune"]), quality(corpus, run, flags["validate"])
            metrics = (_key_metric(corpus), "without", "title", "byline", "date")
            cells = [
                "n/a" if metric in NOT_EXTRACTED.get(run.tool, ()) else _gap(validate[metric] - tune[metric])
                for metric in metrics
            ]
            lines.append(f"| {corpus} | {run.tool} | " + " | ".join(cells) + " |")
    lines += [
        "",
        f"| corpus | pages | large pages (≥ {LARGE_PAGE // 1000} KB) | articlekit / lxml floor, paired: all | large |",
        "|---|---|---|---|---|",
    ]
    for corpus, pages, _, paired in results:
        large = [len(page.html) >= LARGE_PAGE for page in pages]
        ratios = ["—", "—"] if paired is None else [f"{paired.ratio():.2f}×", f"{paired.ratio(large):.2f}×"]
        lines.append(f"| {corpus} | {len(pages)} | {sum(large)} | " + " | ".join(ratios) + " |")
    return "\n".join([*lines, ""])


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
    if corpus in SNIPPET_CORPORA:
        metrics = [("with", "with found"), ("without", "without absent")]
    else:
        metrics = [("f1", "body F1")]
    metrics += [("title", "title"), ("byline", "byline"), ("date", "date")]
    metrics += [
        (key, label) for key, label in (("site_name", "site"), ("description", "description")) if _scored(key, runs)
    ]
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
        "chars",
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
    parser.add_argument(
        "--corpus",
        choices=[*ALL_CORPORA, "both", "all"],
        default="all",
        help="both = readability and wcxb; all (default) = with trafilatura-eval too",
    )
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

    corpora = {"both": list(CORPORA), "all": list(ALL_CORPORA)}.get(args.corpus, [args.corpus])
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
    results = []
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
        report = table(corpus, runs, pages, args.repeat, paired=paired, first=first)
        print(report)
        (args.out / f"{corpus}.md").write_text(report, encoding="utf-8")
        chart(corpus, runs, args.out / f"{corpus}.png")
        write_csv(runs, args.out / f"{corpus}.csv")
        results.append((corpus, pages, runs, paired))
    if len(results) > 1:
        summary = summary_table(results)
        print(summary)
        (args.out / "summary.md").write_text(summary, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
