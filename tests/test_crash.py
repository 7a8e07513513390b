"""Crash consistency: ``kill -9`` an ingest at random moments, resume it each time, and the store ends up
exactly as an uninterrupted run leaves it (articles, sources, events, quotes, amounts, locations, rejects).

A 200-article slice of the Reuters corpus here (skipped when ../shared is absent); the whole corpus is
benchmarks/bench_crash.py. ``ACCORD_CRASH_SEED`` picks other moments (the default is fixed, so CI repeats).
"""

from __future__ import annotations

import gzip
import itertools
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from accord.store import Store

ROOT = Path(__file__).resolve().parent.parent
REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl.gz"
N = 200
KILLS = 3

# every stored column but the ones that name a run or a moment (ingested_at, run ids)
CONTENT = {
    "articles": "id, source, url, title, published, text, language, status, error, hash, words, tone, removed, meta",
    "article_sources": "article_id, input_id, kind, similarity",
    "events": "*", "quotes": "*", "amounts": "*", "locations": "*",
    "rejects": "input, item, reason",
}


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Everything the store holds about its articles, in a fixed order, free of run ids and times."""
    with Store(db, read_only=True) as s:
        out = {}
        for table, cols in CONTENT.items():
            out[table] = s.con.execute(f"SELECT {cols} FROM {table} ORDER BY ALL").fetchall()
        return out


def slice_of_reuters(path: Path, n: int) -> Path:
    with gzip.open(REUTERS, "rt", encoding="utf-8") as src, open(path, "w", encoding="utf-8") as out:
        out.writelines(itertools.islice(src, n))
    return path


def kill_after(cmd: list[str], delay: float, timeout: float = 240) -> bool:
    """Run ``cmd`` (an ingest with --progress) and ``kill -9`` it ``delay`` seconds after its first progress
    line (the model loaded, articles being coded; a batch commits every 2 s); False if it finished first."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                            env=dict(os.environ, PYTHONUNBUFFERED="1"))
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and proc.poll() is None:
            if "items" in proc.stderr.readline():
                time.sleep(delay)
                if proc.poll() is not None:
                    return False
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                return True
        return False
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.mark.model
@pytest.mark.skipif(not REUTERS.exists(), reason="../shared/corpora/reuters21578.jsonl.gz is not present")
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_crash_kill_9_three_times_then_resume_equals_an_uninterrupted_run(tmp_path: Path, resources):
    from accord.ingest import ingest

    src = slice_of_reuters(tmp_path / "reuters.jsonl", N)
    reference = tmp_path / "reference.duckdb"
    ingest([str(src)], reference, resources=resources)  # uninterrupted, in this process
    expected = snapshot(reference)
    assert len(expected["articles"]) > 150 and expected["events"]

    db = tmp_path / "killed.duckdb"
    cmd = [sys.executable, "-m", "accord.cli", "ingest", str(src), "--db", str(db), "--progress"]
    rng = random.Random(int(os.environ.get("ACCORD_CRASH_SEED", "15")))
    # seconds into the coding of each run: before, between and after its first commits (one every 2 s)
    moments = [round(rng.uniform(0.0, 1.5), 2) for _ in range(KILLS)]
    stored = []
    for moment in moments:
        assert kill_after(cmd, moment), f"the run finished before it was killed {moment} s in"
        stored.append(len(snapshot(db)["articles"]))
    assert stored[-1] < len(expected["articles"]), f"the kills at {moments} left nothing to resume ({stored})"

    done = subprocess.run(cmd[:-1], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    got = snapshot(db)
    for table in CONTENT:
        assert got[table] == expected[table], f"{table} differs after kills at {moments} s (stored: {stored})"
