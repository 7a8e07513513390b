"""Crash consistency over the whole Reuters corpus (not run in CI; tests/test_crash.py is the small version).

    .venv/bin/python benchmarks/bench_crash.py [--limit N] [--kills 5] [--workers 1] [--seed 15] [--dir /tmp/x]
    .venv/bin/python benchmarks/bench_crash.py --dask --workers 2 ...     # ingest --dask local, cluster and all

Ingests the corpus once uninterrupted (the reference), then again into a second store, ``kill -9``-ing that
ingest at ``--kills`` random moments spread over the reference's duration and resuming each time, and
checks that the two stores hold exactly the same articles, sources, events, quotes, amounts, locations and
rejects. Appends what it ran and found to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import os
import random
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_crash import CONTENT, REUTERS, snapshot  # noqa: E402


def ingest_cmd(src: Path, db: Path, workers: int, dask: bool = False) -> list[str]:
    return [sys.executable, "-m", "accord.cli", "ingest", str(src), "--db", str(db), "--workers", str(workers),
            "--no-progress", *(["--dask", "local"] if dask else [])]


def run(cmd: list[str], kill_after: float | None = None) -> tuple[float, bool]:
    """``(seconds, killed)``: the command to its end, or ``kill -9`` after ``kill_after`` seconds."""
    started = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        proc.wait(timeout=kill_after)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.read().decode()[-2000:]}")
        return time.monotonic() - started, False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the ingest and its workers, as a power cut would
        proc.wait()
        return time.monotonic() - started, True


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--limit", type=int, default=None, help="First N articles only (default: all).")
    ap.add_argument("--kills", type=int, default=5)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--dir", type=Path, default=Path("/tmp/accord-bench-crash"))
    ap.add_argument("--dask", action="store_true", help="ingest --dask local (a LocalCluster of --workers), both runs")
    ap.add_argument("--no-write", action="store_true", help="print only; do not append to RESULTS.md")
    args = ap.parse_args()
    if not REUTERS.exists():
        raise SystemExit(f"{REUTERS} is not present")
    args.dir.mkdir(parents=True, exist_ok=True)
    src = args.dir / "reuters.jsonl"
    with gzip.open(REUTERS, "rt", encoding="utf-8") as fin, open(src, "w", encoding="utf-8") as out:
        out.writelines(itertools.islice(fin, args.limit))
    n = sum(1 for _ in open(src, encoding="utf-8"))
    reference, killed = args.dir / "reference.duckdb", args.dir / "killed.duckdb"
    for db in (reference, killed):
        for f in (db, Path(f"{db}.wal")):
            f.unlink(missing_ok=True)

    ref_seconds, _ = run(ingest_cmd(src, reference, args.workers, args.dask))
    rng = random.Random(args.seed)
    moments = sorted(rng.uniform(0.05, 0.95) * ref_seconds for _ in range(args.kills))
    log, total = [], 0.0
    for moment in moments:
        # each run resumes; the moment is counted from the start of the whole (interrupted) ingest
        seconds, was_killed = run(ingest_cmd(src, killed, args.workers, args.dask), kill_after=max(moment - total, 1.0))
        total += seconds
        stored = len(snapshot(killed)["articles"]) if killed.exists() else 0
        log.append(f"{moment:.0f} s ({'killed' if was_killed else 'finished'}, {stored:,} articles stored)")
    final_seconds, _ = run(ingest_cmd(src, killed, args.workers, args.dask))
    expected, got = snapshot(reference), snapshot(killed)
    diffs = [t for t in CONTENT if expected[t] != got[t]]
    rows = {t: len(expected[t]) for t in CONTENT}
    verdict = "identical" if not diffs else f"DIFFERENT in {', '.join(diffs)}"
    report = (
        f"\n## crash consistency: kill -9 ×{args.kills} and resume{', ingest --dask local' if args.dask else ''}, "
        f"{n:,} Reuters-21578 articles "
        f"({datetime.now():%Y-%m-%d %H:%M})\n\n"
        f"`.venv/bin/python benchmarks/bench_crash.py{f' --limit {args.limit}' if args.limit else ''} --kills {args.kills} "
        f"--workers {args.workers} --seed {args.seed}{' --dask' if args.dask else ''}`\n\n"
        f"- uninterrupted: {ref_seconds:.0f} s; rows {rows}\n"
        f"- killed at {'; '.join(log)}; the last resume {final_seconds:.0f} s\n"
        f"- final store vs uninterrupted: **{verdict}**\n"
    )
    print(report)
    if args.no_write:
        return
    with open(ROOT / "benchmarks" / "RESULTS.md", "a", encoding="utf-8") as fh:
        fh.write(report)
    if diffs:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
