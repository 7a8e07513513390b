"""Crash consistency: ``kill -9`` an ingest at random moments, resume it each time, and the store ends up
exactly as an uninterrupted run leaves it (articles, sources, events, quotes, amounts, locations, rejects).

A 200-article slice of the Reuters corpus here (skipped when ../shared is absent); the whole corpus is
benchmarks/bench_crash.py. The same for ``ingest --dask local`` (client and cluster killed together; slow:
each run starts a cluster and loads the model in each worker — the fast sibling is
tests/test_distributed.py's rerun after a killed client) and for ``accord collect`` killed mid-poll
(frontier and store agree after the rerun). ``ACCORD_CRASH_SEED`` picks other moments (the default is
fixed, so CI repeats).
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
# unbuffered, and no proxy between the tests and their sites on 127.0.0.1
ENV = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()} | {"NO_PROXY": "127.0.0.1", "PYTHONUNBUFFERED": "1"}

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


def kill_after(cmd: list[str], delay: float, timeout: float = 240, signal_line: str = "items") -> bool:
    """Run ``cmd`` (an ingest with --progress) and ``kill -9`` it ``delay`` seconds after its first progress
    line (the model loaded, articles being coded; a batch commits every 2 s); False if it finished first.

    The command runs in a session of its own and the whole session is killed: with ``--dask local`` the
    cluster's scheduler and workers die with the client, as on a machine that lost power."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                            env=ENV, start_new_session=True)
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and proc.poll() is None:
            if signal_line in proc.stderr.readline():
                time.sleep(delay)
                if proc.poll() is not None:
                    return False
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                return True
        return False
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
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


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.skipif(not REUTERS.exists(), reason="../shared/corpora/reuters21578.jsonl.gz is not present")
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_crash_dask_killed_twice_with_its_cluster_then_resumed_equals_an_uninterrupted_run(tmp_path: Path, resources):
    pytest.importorskip("distributed")
    from accord.ingest import ingest

    src = slice_of_reuters(tmp_path / "reuters.jsonl", 200)
    reference = tmp_path / "reference.duckdb"
    ingest([str(src)], reference, resources=resources)  # uninterrupted, one machine, in this process
    expected = snapshot(reference)

    db = tmp_path / "killed.duckdb"
    cmd = [sys.executable, "-m", "accord.cli", "ingest", str(src), "--db", str(db), "--dask", "local", "--workers", "2",
           "--partition-size", "10", "--progress"]
    rng = random.Random(int(os.environ.get("ACCORD_CRASH_SEED", "15")))
    moments = [round(rng.uniform(0.0, 1.5), 2) for _ in range(2)]  # after the first partition's merge
    stored = []
    for moment in moments:
        assert kill_after(cmd, moment), f"the run finished before it was killed {moment} s in"
        stored.append(len(snapshot(db)["articles"]) if db.exists() else 0)
    assert stored[-1] < len(expected["articles"]), f"the kills at {moments} left nothing to resume ({stored})"

    done = subprocess.run(cmd[:-1], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    got = snapshot(db)
    for table in CONTENT:
        assert got[table] == expected[table], f"{table} differs after kills at {moments} s (stored: {stored})"
    assert not (tmp_path / "killed.duckdb.parts").exists()  # every partition file merged, then removed


@pytest.mark.model
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_crash_collect_killed_twice_mid_poll_then_rerun_loses_and_repeats_nothing(tmp_path: Path, resources):
    from test_collect_poll import STORIES
    from test_collect_site import Resp, Site, article_html, rss

    from accord.collect import CollectConfig, poll

    pages = 16
    site = Site()
    try:
        site.add("/rss.xml", Resp(body=rss([(site.url(f"/n/{i}"), f"Story {i}", "Fri, 03 May 2024 08:00:00 GMT")
                                            for i in range(pages)]), ctype="application/rss+xml"))
        for i in range(pages):  # a little slow, so that kills land while pages are on their way or being coded
            site.add(f"/n/{i}", Resp(body=article_html(f"Story {i}", f"Report {i}. " + STORIES[i % len(STORIES)]),
                                     delay=0.1))
        db = tmp_path / "c.duckdb"
        cmd = [sys.executable, "-m", "accord.cli", "collect", site.url("/rss.xml"), "--db", str(db),
               "--contact", "test@example.org", "--delay", "0", "--every", "0.1s", "--max-pages", "3"]
        rng = random.Random(int(os.environ.get("ACCORD_CRASH_SEED", "15")))
        moments = [round(rng.uniform(0.0, 1.5), 2) for _ in range(2)]
        stored_urls: list[set[str]] = []
        hits_then: list[dict[str, int]] = []
        for moment in moments:  # seconds after the run's first committed round
            assert kill_after(cmd, moment, timeout=120, signal_line="stored"), f"finished before the kill at {moment} s"
            hits_then.append(dict(site.hits))
            with Store(db, read_only=True) as s:
                stored_urls.append({r[0] for r in s.con.execute("SELECT url FROM articles").fetchall()})
                assert s.con.execute("SELECT count(*) = count(DISTINCT url) FROM articles").fetchone()[0]
        assert len(stored_urls[-1]) < pages, f"the kills at {moments} left nothing to collect"

        with Store(db) as store:  # the rerun, in this process (its model is loaded already)
            poll(store, [site.url("/rss.xml")], CollectConfig(contact="test@example.org", delay=0.0, trust_env=False),
                 resources=resources)
        with Store(db, read_only=True) as s:
            articles = s.con.execute("SELECT count(*), count(DISTINCT id), count(DISTINCT url) FROM articles").fetchone()
            kinds = s.con.execute("SELECT kind, count(*) FROM article_sources GROUP BY 1").fetchall()
            frontier = s.con.execute("SELECT f.state, count(*), count(a.id) FROM frontier f "
                                     "LEFT JOIN articles a ON a.id = f.article_id GROUP BY 1").fetchall()
    finally:
        site.close()
    assert articles == (pages, pages, pages) and kinds == [("original", pages)]
    assert frontier == [("stored", pages, pages)]  # every URL stored, each pointing at its article
    for urls, before in zip(stored_urls, hits_then, strict=True):
        again = {u for u in urls if site.hits[u.split(site.base, 1)[-1]] > before.get(u.split(site.base, 1)[-1], 0)}
        assert not again, f"pages stored before a kill were fetched again: {sorted(again)}"
