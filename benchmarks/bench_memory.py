"""Benchmark: peak memory of ``accord ingest --workers N`` per process, over a Reuters slice or the whole corpus.

    nice -n 19 .venv/bin/python benchmarks/bench_memory.py [--limit 5000] [--workers 2] [--no-write]

Runs ``accord ingest`` (the installed CLI, a fresh temporary store) as a child process and samples the
resident set size of it and of every process it starts (the pool's workers, the forkserver) every half
second with psutil. Reports the largest peak of a coding worker, the parent's (the reader and the one
writer) and the run's totals, and appends a section to ``benchmarks/RESULTS.md``. The issue's bound:
under 1.5 GB per worker on the whole corpus (``--limit 0``).
"""

from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl.gz"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
ACCORD = Path(sys.executable).with_name("accord")
LAST = [""]  # ingest's last line of output


def write_slice(corpus: Path, limit: int, target: Path) -> int:
    """The first ``limit`` lines of the corpus (all when 0) as a JSONL file; the number written."""
    n = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as src, target.open("w", encoding="utf-8") as out:
        for line in src:
            if line.strip():
                out.write(line)
                n += 1
                if limit and n >= limit:
                    break
    return n


def sample(proc: subprocess.Popen, every: float = 0.5, report: float = 60.0) -> dict[int, tuple[str, float]]:
    """Peak RSS (MB) of ``proc`` and each of its descendants until it exits: pid → (role, MB). Every
    ``report`` seconds the peaks so far and ingest's last progress line are printed."""
    root = psutil.Process(proc.pid)
    peaks: dict[int, tuple[str, float]] = {}
    last = LAST
    threading.Thread(target=_last_line, args=(proc, last), daemon=True).start()
    t0 = next_report = time.monotonic()
    while proc.poll() is None:
        if time.monotonic() >= next_report:
            next_report += report
            print(f"{time.monotonic() - t0:,.0f} s: peaks {sorted((round(mb) for _, mb in peaks.values()), reverse=True)} MB;"
                  f" {last[0]}", flush=True)
        try:
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            procs = []
        for p in procs:
            try:
                rss = p.memory_info().rss / 2**20
                role = "parent" if p.pid == root.pid else " ".join(p.cmdline()[-2:])[-60:]
            except psutil.Error:
                continue
            old = peaks.get(p.pid, (role, 0.0))
            peaks[p.pid] = (old[0], max(old[1], rss))
        time.sleep(every)
    return peaks


def _last_line(proc: subprocess.Popen, last: list[str]) -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip():
            last[0] = line.strip()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=5000, help="articles from the start of the corpus (0: all)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--no-write", action="store_true", help=f"print only; do not append to {RESULTS.name}")
    args = ap.parse_args()
    if not args.corpus.exists():
        sys.exit(f"no corpus at {args.corpus}")
    with tempfile.TemporaryDirectory(prefix="accord-mem-") as tmp:
        src = Path(tmp) / "slice.jsonl"
        n = write_slice(args.corpus, args.limit, src)
        db = Path(tmp) / "mem.duckdb"
        cmd = [str(ACCORD), "ingest", str(src), "--db", str(db), "--workers", str(args.workers), "--progress"]
        load_before = os.getloadavg()[0]
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        peaks = sample(proc)
        seconds = time.perf_counter() - t0
        load_after = os.getloadavg()[0]
    parent = peaks.pop(proc.pid, ("parent", 0.0))[1]
    workers = sorted((mb for _, mb in peaks.values()), reverse=True)
    top = workers[: args.workers]
    summary = LAST[0] or "(no output)"
    what = "the whole corpus" if not args.limit else f"the first {n:,} articles"
    lines = [
        f"## peak memory per process, `accord ingest --workers {args.workers}`, {what} of Reuters-21578 "
        f"({datetime.now():%Y-%m-%d %H:%M})",
        "",
        f"`nice -n 19 .venv/bin/python benchmarks/bench_memory.py --limit {args.limit} --workers {args.workers}` "
        f"— {n:,} articles, {seconds:,.0f} s, exit {proc.returncode}, load average {load_before:.1f} before, "
        f"{load_after:.1f} after; RSS sampled every 0.5 s with psutil",
        "",
        f"- largest coding worker: **{top[0] if top else 0:,.0f} MB** (the workers: "
        f"{', '.join(f'{mb:,.0f}' for mb in top)} MB; the issue's bound 1,536 MB)",
        f"- the parent (reader, one writer, DuckDB): {parent:,.0f} MB",
        f"- ingest's summary: {summary}",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        with RESULTS.open("a", encoding="utf-8") as f:
            f.write("\n" + text)


if __name__ == "__main__":
    main()
