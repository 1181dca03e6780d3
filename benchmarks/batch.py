"""Batch throughput at scale: a WARC of 10,000 records, 1 and 2 worker processes, a local Dask cluster.

Builds WARC.gz files in a temporary folder from the shared corpora's pages (readability-pages
and wcxb-articles, repeated to ``--records`` records, split into ``--files`` archives; nothing is
written into the repository), then times, each in a fresh subprocess so its memory is its own:

* reading the archives alone (``read_warc``, no parsing): the WARC overhead;
* ``articlekit batch`` with ``--workers 1`` and ``--workers 2`` (JSON Lines out);
* the Dask integration (``articles_bag``) on a ``LocalCluster`` of 2 worker processes.

For each: documents per second, and the peak resident memory of the whole process tree
(sampled every 0.5 s, children included) with the tree's memory at a quarter and at the end of
the run, to show it stays flat. Parallel efficiency = rate(2) / (2 x rate(1)).

    python benchmarks/batch.py                       # 10,000 records, all modes
    python benchmarks/batch.py --records 2000 --modes read,1,2
    python benchmarks/batch.py --json results.json   # also write the figures as JSON

The figures depend on the machine and on what else runs on it: record the load with them.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MODES = ("read", "1", "2", "dask")


def shared_dir(option: str | None) -> Path:
    return Path(option or os.environ.get("ARTICLEKIT_SHARED") or ROOT.parent / "shared")


def corpus_pages(shared: Path) -> list[tuple[str, bytes]]:
    """(url, html bytes) of every page of the two HTML corpora, in a stable order."""
    pages: list[tuple[str, bytes]] = []
    for corpus in ("readability-pages", "wcxb-articles"):
        folder = shared / "corpora" / corpus
        if not folder.is_dir():
            raise SystemExit(f"{folder} is absent: pass --shared or set ARTICLEKIT_SHARED")
        for page in sorted(p for p in folder.iterdir() if (p / "source.html").is_file()):
            url = f"https://{corpus}.example/{page.name}"
            meta = page / "meta.json"
            if meta.is_file():
                url = json.loads(meta.read_text(encoding="utf-8")).get("url") or url
            pages.append((url, (page / "source.html").read_bytes()))
    return pages


def build_warcs(pages: list[tuple[str, bytes]], records: int, files: int, folder: Path) -> list[Path]:
    """``records`` response records (pages repeated, each with a request record before it) in ``files`` WARC.gz files."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    paths = [folder / f"bench-{n:02d}.warc.gz" for n in range(files)]
    handles = [path.open("wb") for path in paths]
    writers = [WARCWriter(handle, gzip=True) for handle in handles]
    try:
        for i in range(records):
            url, body = pages[i % len(pages)]
            url = f"{url}?copy={i // len(pages)}" if i >= len(pages) else url
            writer = writers[i * files // records]
            request = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(request)
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
    finally:
        for handle in handles:
            handle.close()
    return paths


def tree_rss(pid: int) -> int:
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for proc in procs:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += proc.memory_info().rss
    return total


def measure(command: Sequence[str]) -> dict[str, Any]:
    """Run ``command``; wall time, and the process tree's peak RSS and RSS over time."""
    samples: list[tuple[float, int]] = []
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            samples.append((time.perf_counter() - start, tree_rss(proc.pid)))
            done.wait(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    done.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{command} failed with exit code {proc.returncode}")
    rss = [r for _, r in samples if r]

    def at(fraction: float) -> float:
        """The tree's memory at that point of the run (the last sample before it)."""
        moment = elapsed * fraction
        return next((r for t, r in reversed(samples) if t <= moment and r), 0) / 2**20

    return {
        "seconds": elapsed,
        # CPU time of the run and every process it waited for (workers included): unlike the wall
        # time, it hardly depends on what else the machine runs.
        "cpu_seconds": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
        "peak_rss_mib": max(rss, default=0) / 2**20,
        "rss_mib_at_25pct": at(0.25),
        "rss_mib_at_50pct": at(0.5),
        "rss_mib_at_95pct": at(0.95),
        "child_output": out.strip(),
    }


def child_read(paths: list[str]) -> None:
    from articlekit.batch import read_warc

    count = sum(1 for path in paths for _ in read_warc(path))
    print(count)


def child_dask(paths: list[str], out: str) -> None:
    import distributed

    from articlekit.batch.dask import articles_bag

    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster),
    ):
        started = time.perf_counter()
        count = articles_bag(paths).map(json.dumps).to_textfiles(os.path.join(out, "*.jsonl"))
        print(len(count), f"{time.perf_counter() - started:.3f}")


def rst_table(results: dict[str, Any]) -> str:
    """The figures as the table the how-to includes."""
    names = {"read": "reading the WARC only", "1": "1 worker process", "2": "2 worker processes", "dask": "Dask, 2 workers"}
    rows = [("run", "docs/s", "seconds", "CPU seconds", "peak MiB", "MiB at 25% / 50% / 95%")]
    for mode, run in results["runs"].items():
        rows.append((
            names.get(mode, mode),
            f"{run['docs_per_second']:,.1f}",
            f"{run['seconds']:,.0f}",
            f"{run['cpu_seconds']:,.0f}",
            f"{run['peak_rss_mib']:,.0f}",
            f"{run['rss_mib_at_25pct']:,.0f} / {run['rss_mib_at_50pct']:,.0f} / {run['rss_mib_at_95pct']:,.0f}",
        ))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    rule = "  ".join("=" * w for w in widths)
    lines = [rule, "  ".join(c.ljust(w) for c, w in zip(rows[0], widths, strict=True)).rstrip(), rule]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows[1:]]
    lines.append(rule)
    notes = [f"{results['records']:,} records in {results['files']} WARC.gz files ({results['warc_mib']:,.0f} MiB) on {results['cpus']} CPUs"]
    if "speedup_2_vs_1" in results:
        notes.append(f"2 workers: {results['speedup_2_vs_1']:.2f}x one (parallel efficiency {results['efficiency_2']:.0%})")
        notes.append(
            f"CPU efficiency of 2 workers (1-worker CPU time / 2-worker CPU time): {results['cpu_efficiency_2']:.0%},"
            f" that is {2 * results['cpu_efficiency_2']:.2f}x one worker on two free cores"
        )
    if "speedup_dask_vs_1" in results:
        notes.append(f"Dask, 2 workers: {results['speedup_dask_vs_1']:.2f}x one worker process")
    if "warc_read_share_of_1_worker_run" in results:
        notes.append(f"reading the WARC is {results['warc_read_share_of_1_worker_run']:.0%} of the 1-worker run's time")
    notes.append("load average before / after: " + " / ".join(f"{a[0]:.1f}" for a in (results["loadavg_before"], results["loadavg_after"])))
    return "\n".join(lines) + "\n\n" + "".join(f"* {note}\n" for note in notes)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--files", type=int, default=8, help="WARC files (Dask partitions) to split the records into")
    parser.add_argument("--modes", default=",".join(MODES), help=f"comma-separated, from {', '.join(MODES)}")
    parser.add_argument("--shared")
    parser.add_argument("--json", metavar="FILE", help="write the figures as JSON")
    parser.add_argument("--rst", metavar="FILE", help="write the figures as a reStructuredText table (for the docs)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kind, *rest = args.child
        child_read(rest) if kind == "read" else child_dask(rest[1:], rest[0])
        return 0
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    pages = corpus_pages(shared_dir(args.shared))
    results: dict[str, Any] = {"records": args.records, "files": args.files, "pages": len(pages), "cpus": os.cpu_count()}
    results["loadavg_before"] = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="articlekit-bench-") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        warcs = build_warcs(pages, args.records, args.files, folder)
        results["warc_build_seconds"] = time.perf_counter() - t0
        results["warc_mib"] = sum(p.stat().st_size for p in warcs) / 2**20
        names = [str(p) for p in warcs]
        runs: dict[str, dict[str, Any]] = {}
        for mode in modes:
            if mode == "read":
                command = [sys.executable, __file__, "--child", "read", *names]
            elif mode == "dask":
                (folder / "dask-out").mkdir()
                command = [sys.executable, __file__, "--child", "dask", str(folder / "dask-out"), *names]
            else:
                out = folder / f"out-{mode}.jsonl"
                command = [sys.executable, "-m", "articlekit", "batch", *names, "-o", str(out), "--workers", mode, "--no-progress"]
            print(f"running {mode} ...", file=sys.stderr, flush=True)
            run = measure(command)
            run["docs_per_second"] = args.records / run["seconds"]
            runs[mode] = run
            print(f"  {mode}: {run['seconds']:.1f} s, {run['docs_per_second']:.1f} docs/s, peak {run['peak_rss_mib']:.0f} MiB", file=sys.stderr)
        results["runs"] = runs
        if "1" in runs and "2" in runs:
            results["speedup_2_vs_1"] = runs["2"]["docs_per_second"] / runs["1"]["docs_per_second"]
            results["efficiency_2"] = results["speedup_2_vs_1"] / 2
            # What two free cores would give: the 1-worker CPU time over the 2-worker run's, per core.
            results["cpu_efficiency_2"] = runs["1"]["cpu_seconds"] / runs["2"]["cpu_seconds"]
        if "1" in runs and "dask" in runs:
            results["speedup_dask_vs_1"] = runs["dask"]["docs_per_second"] / runs["1"]["docs_per_second"]
        if "read" in runs and "1" in runs:
            results["warc_read_share_of_1_worker_run"] = runs["read"]["seconds"] / runs["1"]["seconds"]
    results["loadavg_after"] = os.getloadavg()
    text = json.dumps(results, indent=2)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n", encoding="utf-8")
    if args.rst:
        Path(args.rst).write_text(rst_table(results), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
