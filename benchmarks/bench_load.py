"""Benchmark: ``accord serve --watch`` under load — concurrent HTTP clients while the writer ingests.

    .venv/bin/python benchmarks/bench_load.py [--store 300] [--clients 50] [--seconds 60] [--no-write]

1. A store is made from the first ``--store`` Reuters-21578 articles (``accord ingest``, fresh temp dir).
2. ``accord serve --db F --watch DIR --interval 0.5`` starts on a free loopback port, as a subprocess.
3. For ``--seconds``, ``--clients`` asyncio tasks (httpx, one connection each) loop over ``/api/events``,
   ``/api/dyad?a=..&b=..``, ``/`` and ``/api/overview``, each with filters drawn at random from what the
   store holds (actors, dyads, countries, quad classes, CAMEO roots, date ranges, pages). Meanwhile a
   feeder drops JSONL files of ``--file-size`` further Reuters articles into DIR, keeping
   ``--backlog`` files waiting, so the writer is never idle: the articles it stores during the window
   are its throughput under load. The server's log (one line per file ingested) says when each landed.
4. The feeder stops; the backlog is drained; the server is stopped (SIGINT) and the store checked: every
   dropped file recorded once in ``watched_files``, every article stored once.

Latency is the client's: from sending the request to reading the whole body. A request that fails
(connection error, timeout of ``--timeout`` s) is an error; any 5xx is counted apart. Writes a section
to ``benchmarks/RESULTS.md`` (``--no-write``: print only). The machine's load average is recorded.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import duckdb
import httpx
from bench_ingest import read_slice  # the benchmarks' one corpus reader (run from benchmarks/)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl.gz"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
ACCORD = Path(sys.executable).with_name("accord")
ENDPOINTS = ("/api/events", "/api/dyad", "/", "/api/overview")
LOGGED = re.compile(r"--watch: (\S+): (\d+) stored")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_jsonl(path: Path, rows: list[dict]) -> None:
    """Written under a hidden name and renamed, as a downloader would: the watcher never sees half a file."""
    tmp = path.with_name("." + path.name)
    tmp.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    tmp.rename(path)


# --------------------------------------------------------------------------------------- the server


class Server:
    """``accord serve`` as a subprocess; its log lines (one per watched file) are read in a thread."""

    def __init__(self, db: Path, inbox: Path, port: int, extra: list[str] | None = None) -> None:
        cmd = [str(ACCORD), "serve", "--db", str(db), "--watch", str(inbox), "--port", str(port),
               *(extra or [])]
        self.url = f"http://127.0.0.1:{port}"
        self.proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        self.ingested: dict[str, tuple[float, int]] = {}  # file → (when its log line came, articles stored)
        self.repeats: list[str] = []
        self.log: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.log.append(line.rstrip())
            m = LOGGED.search(line)
            if m:
                if m.group(1) in self.ingested:
                    self.repeats.append(m.group(1))
                self.ingested[m.group(1)] = (time.monotonic(), int(m.group(2)))

    def wait_ready(self, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("accord serve exited: " + "\n".join(self.log[-20:]))
            try:
                if httpx.get(self.url + "/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError("accord serve did not answer /health in time")

    def stop(self, timeout: float = 60.0) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.reader.join(5)
        return self.proc.returncode


# ---------------------------------------------------------------------------------------- the load


def choices_of(db: Path) -> dict[str, list]:
    """Filter values the store holds: actors, dyads, countries, CAMEO roots, days."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        actors = [r[0] for r in con.execute(
            "SELECT source_code, count(*) n FROM events WHERE source_code IS NOT NULL AND length(source_code) >= 3 "
            "GROUP BY 1 ORDER BY n DESC LIMIT 20").fetchall()]
        dyads = con.execute(
            "SELECT source_code, target_code, count(*) n FROM events WHERE source_code IS NOT NULL AND "
            "target_code IS NOT NULL AND length(source_code) >= 3 AND length(target_code) >= 3 "
            "GROUP BY 1, 2 ORDER BY n DESC LIMIT 20").fetchall()
        days = [str(r[0]) for r in con.execute(
            "SELECT DISTINCT CAST(published AS DATE) FROM articles WHERE published IS NOT NULL").fetchall()]
    finally:
        con.close()
    countries = sorted({a[:3] for a in actors if a[:3].isalpha()}) or ["USA"]
    return {"actors": actors or ["USA"], "dyads": [d[:2] for d in dyads] or [("USA", "JPN")],
            "countries": countries, "days": sorted(days) or ["1987-03-01"]}


def filters(rng: random.Random, ch: dict[str, list]) -> dict[str, str]:
    """A random mix of the dashboard's filters (often none)."""
    f: dict[str, str] = {}
    if rng.random() < 0.4:
        f["actor"] = rng.choice(ch["actors"])
    if rng.random() < 0.2:
        f["country"] = rng.choice(ch["countries"])
    if rng.random() < 0.2:
        f["quad"] = str(rng.randint(1, 4))
    if rng.random() < 0.15:
        f["cameo"] = rng.choice(["01", "04", "05", "11", "12", "17", "19", "036", "042"])
    if rng.random() < 0.3:
        a, b = sorted(rng.sample(ch["days"], 2)) if len(ch["days"]) > 1 else (ch["days"][0],) * 2
        f["from"], f["to"] = a, b
    if rng.random() < 0.1:
        f["q"] = rng.choice(["oil", "talks", "trade", "minister", "'; DROP TABLE events; --"])
    return f


def request_for(rng: random.Random, ch: dict[str, list]) -> tuple[str, str, dict[str, str]]:
    kind = rng.choice(ENDPOINTS)
    params = filters(rng, ch)
    if kind == "/api/dyad":
        a, b = rng.choice(ch["dyads"])
        params = {**{k: v for k, v in params.items() if k not in ("actor",)}, "a": a, "b": b}
    elif kind == "/api/events":
        params["limit"] = str(rng.choice([20, 50, 100, 500]))
        if rng.random() < 0.3:
            params["facets"] = "0"
    return kind, kind, params


async def client(url: str, until: float, seed: int, ch: dict[str, list], timeout: float,
                 stats: dict[str, dict[str, list]]) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=url, timeout=timeout, limits=httpx.Limits(max_connections=1)) as http:
        while time.monotonic() < until:
            name, path, params = request_for(rng, ch)
            s = stats[name]
            t0 = time.perf_counter()
            try:
                r = await http.get(path, params=params)
                await r.aread()
            except httpx.HTTPError as exc:
                s["errors"].append(f"{type(exc).__name__}: {exc}"[:200])
                continue
            ms = (time.perf_counter() - t0) * 1000
            s["ms"].append(ms)
            s["status"].append(r.status_code)
            if r.status_code >= 500:
                s["5xx"].append(f"{r.status_code} {path}?{httpx.QueryParams(params)}: {r.text[:200]}")


async def load(url: str, clients: int, seconds: float, ch: dict[str, list], timeout: float,
               seed: int) -> dict[str, dict[str, list]]:
    stats: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    until = time.monotonic() + seconds
    await asyncio.gather(*(client(url, until, seed * 1000 + i, ch, timeout, stats) for i in range(clients)))
    return stats


class Feeder(threading.Thread):
    """Drops files of ``size`` articles into ``inbox``, keeping ``backlog`` of them not yet ingested."""

    def __init__(self, inbox: Path, rows: list[dict], size: int, backlog: int, server: Server) -> None:
        super().__init__(daemon=True)
        self.inbox, self.rows, self.size, self.backlog, self.server = inbox, rows, size, backlog, server
        self.dropped: dict[str, int] = {}  # file → articles in it
        self.stop = threading.Event()

    def run(self) -> None:
        i = 0
        while not self.stop.is_set() and i < len(self.rows):
            waiting = sum(1 for name in self.dropped if name not in self.server.ingested)
            if waiting < self.backlog:
                name = f"feed-{len(self.dropped):04d}.jsonl"
                chunk = self.rows[i:i + self.size]
                write_jsonl(self.inbox / name, chunk)
                self.dropped[name] = len(chunk)
                i += len(chunk)
            else:
                self.stop.wait(0.1)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    v = sorted(values)
    return v[min(len(v) - 1, int(round(q * (len(v) - 1))))]


def check_store(db: Path, dropped: dict[str, int], stored_before: int) -> dict[str, object]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        files = dict(con.execute("SELECT regexp_extract(path, '[^/]+$'), count(*) FROM watched_files GROUP BY 1").fetchall())
        articles = con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()
        sources = con.execute("SELECT count(*), count(DISTINCT (article_id, input_id)) FROM article_sources").fetchone()
    finally:
        con.close()
    missing = sorted(set(dropped) - set(files))
    twice = sorted(n for n, c in files.items() if c > 1)
    return {"files_recorded": len(files), "missing": missing, "recorded_twice": twice,
            "articles": articles[0], "distinct_ids": articles[1], "sources": sources[0],
            "distinct_sources": sources[1], "stored_before": stored_before}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=int, default=300, help="Reuters articles in the store at the start")
    ap.add_argument("--feed", type=int, default=3000, help="further articles the feeder may drop (at most; 0: no ingest during the load)")
    ap.add_argument("--file-size", type=int, default=10, help="articles per dropped file")
    ap.add_argument("--backlog", type=int, default=2, help="files waiting to be ingested, kept by the feeder")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--timeout", type=float, default=30.0, help="client timeout per request (s)")
    ap.add_argument("--baseline", type=float, default=30.0, help="seconds of ingest with no clients first (0: none)")
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--serve-arg", action="append", default=[], help="extra argument for accord serve (repeatable)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--no-write", action="store_true", help=f"print only; do not append to {RESULTS.name}")
    args = ap.parse_args()
    if not args.corpus.exists():
        sys.exit(f"no corpus at {args.corpus}")

    rows = read_slice(args.corpus, args.store + args.feed)
    with tempfile.TemporaryDirectory(prefix="accord-load-") as tmp:
        tmpd = Path(tmp)
        db, inbox = tmpd / "load.duckdb", tmpd / "inbox"
        inbox.mkdir()
        write_jsonl(tmpd / "start.jsonl", rows[: args.store])
        t0 = time.monotonic()
        subprocess.run([str(ACCORD), "ingest", str(tmpd / "start.jsonl"), "--db", str(db), "--no-progress"],
                       check=True, capture_output=True)
        print(f"store of {args.store} articles made in {time.monotonic() - t0:.0f} s", flush=True)
        ch = choices_of(db)
        con = duckdb.connect(str(db), read_only=True)
        stored_before, events_before = con.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)").fetchone()
        con.close()

        server = Server(db, inbox, free_port(), ["--interval", "0.5", *args.serve_arg])
        try:
            server.wait_ready()
            # the first file loads the model in the server: wait for it before anything is timed
            write_jsonl(inbox / "warm-up.jsonl", rows[args.store:args.store + 1])
            while "warm-up.jsonl" not in server.ingested and server.proc.poll() is None:
                time.sleep(0.2)
            feeder = Feeder(inbox, rows[args.store + 1:args.store + 1 + args.feed], args.file_size, args.backlog,
                            server)
            feeder.dropped["warm-up.jsonl"] = 1
            if args.feed:
                feeder.start()
            base_rate = None
            if args.baseline:
                b0 = time.monotonic()
                time.sleep(args.baseline)
                landed = [n for n, (t, _) in server.ingested.items() if b0 <= t]
                base_rate = sum(server.ingested[n][1] for n in landed) / args.baseline
                print(f"baseline, no clients: {base_rate:.1f} articles/s", flush=True)
            load_before = os.getloadavg()[0]
            w0 = time.monotonic()
            stats = asyncio.run(load(server.url, args.clients, args.seconds, ch, args.timeout, args.seed))
            w1 = time.monotonic()
            load_after = os.getloadavg()[0]
            in_window = [n for n, (t, _) in server.ingested.items() if w0 <= t <= w1]
            rate = sum(server.ingested[n][1] for n in in_window) / (w1 - w0)
            feeder.stop.set()
            if feeder.is_alive():
                feeder.join()
            deadline = time.monotonic() + 600
            while set(feeder.dropped) - set(server.ingested) and time.monotonic() < deadline:
                time.sleep(0.5)
        finally:
            code = server.stop()
        result = check_store(db, feeder.dropped, stored_before)
        con = duckdb.connect(str(db), read_only=True)
        events_after = con.execute("SELECT count(*) FROM events").fetchone()[0]
        con.close()

    fed = sum(feeder.dropped.values())
    total = {k: sum(len(s[k]) for s in stats.values()) for k in ("ms", "errors", "5xx")}
    lines = [
        f"## `accord serve --watch` under load: {args.clients} clients for {args.seconds:.0f} s on loopback "
        f"({datetime.now():%Y-%m-%d %H:%M})",
        "",
        f"`.venv/bin/python benchmarks/bench_load.py --store {args.store} --clients {args.clients} --seconds "
        f"{args.seconds:.0f} --file-size {args.file_size} --backlog {args.backlog} --baseline {args.baseline:.0f}"
        + "".join(f" --serve-arg={a}" for a in args.serve_arg) + "` — "
        f"store of {args.store} Reuters articles ({stored_before:,} stored, {events_before:,} events); "
        f"load average {load_before:.1f} before the clients, {load_after:.1f} after; 2 CPUs shared",
        "",
        "| endpoint | requests | errors | 5xx | p50 (ms) | p99 (ms) | max (ms) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name in ENDPOINTS:
        s = stats.get(name, {"ms": [], "errors": [], "5xx": []})
        lines.append(f"| `{name}` | {len(s['ms']) + len(s['errors']):,} | {len(s['errors'])} | {len(s['5xx'])} | "
                     f"{percentile(s['ms'], 0.5):,.0f} | {percentile(s['ms'], 0.99):,.0f} | "
                     f"{max(s['ms'], default=float('nan')):,.0f} |")
    all_ms = [m for s in stats.values() for m in s["ms"]]
    lines.append(f"| all | {total['ms'] + total['errors']:,} | {total['errors']} | {total['5xx']} | "
                 f"{percentile(all_ms, 0.5):,.0f} | {percentile(all_ms, 0.99):,.0f} | {max(all_ms, default=0):,.0f} |")
    statuses: dict[int, int] = defaultdict(int)
    for s in stats.values():
        for c in s["status"]:
            statuses[c] += 1
    lines += [
        "",
        f"- throughput: {len(all_ms) / args.seconds:,.1f} requests/s; statuses {dict(sorted(statuses.items()))}",
        f"- ingest during the load: **{rate:.1f} articles/s** ({len(in_window)} files of {args.file_size})"
        + (f"; with no clients, before: {base_rate:.1f} articles/s" if base_rate is not None else ""),
        f"- after: {len(feeder.dropped)} files ({fed:,} articles) dropped, {result['files_recorded']} recorded in "
        f"watched_files, missing {len(result['missing'])}, recorded twice {len(result['recorded_twice'])}, logged "
        f"twice {len(server.repeats)}; articles {result['articles']:,} rows = {result['distinct_ids']:,} ids "
        f"(were {stored_before:,}; sources {result['sources']:,} = {result['distinct_sources']:,} distinct); "
        f"{events_after:,} events; server exit {code}",
        "",
    ]
    errors = [e for s in stats.values() for e in s["errors"] + s["5xx"]]
    if errors:
        lines += ["First errors:", "", *[f"    {e}" for e in errors[:5]], ""]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        with RESULTS.open("a", encoding="utf-8") as f:
            f.write("\n" + text)


if __name__ == "__main__":
    main()
