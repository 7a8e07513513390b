"""Benchmark: every dashboard page and API call over a store (targets: Reuters under 300 ms median per call;
the 10M-event synthetic store of bench_dyad.py: the overview and a dyad under 1 s).

    .venv/bin/python benchmarks/bench_web.py --db reuters.duckdb            # a store you built
    .venv/bin/python benchmarks/bench_web.py --synthetic 10000000 [--keep]  # bench_dyad's synthetic store

Serves the store in-process (Starlette's test client: routing, the SQL on reader cursors, JSON and
Jinja rendering; no sockets) and times each page and its JSON twin: the first call with the server's
result cache emptied (cold), then the median of 5 more (served from the cache while the store is
unchanged, after a version check).
Appends the table to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
warnings.filterwarnings("ignore", message=".*httpx2.*")


def paths_for(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The pages to time, with an event, article and dyad taken from the store itself."""
    art, idx = con.execute("SELECT article_id, idx FROM events ORDER BY article_id, idx LIMIT 1").fetchone()
    a, b = con.execute("SELECT source_country, target_country FROM events WHERE source_country IS NOT NULL"
                       " AND target_country IS NOT NULL AND source_country <> target_country"
                       " GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 1").fetchone()
    hid = con.execute("SELECT happening_id FROM event_facts WHERE article_id = ? AND idx = ?", [art, idx]).fetchone()[0]
    a_, art_ = quote(a), quote(art, safe="")
    return ["/", "/events", f"/events?actor={a_}", f"/event/{art_}/{idx}", f"/happening/{hid}", f"/article/{art_}",
            f"/dyad?a={a_}&b={quote(b)}", f"/actor/{a_}", f"/country/{a_}", "/map", "/network"]


def time_calls(client, owner, path: str, repeat: int = 5) -> tuple[float, float, int]:
    """The first call with the result cache empty, then the median of ``repeat`` (cached when unchanged)."""
    times, status = [], 0
    owner.clear_cache()
    for _ in range(repeat + 1):
        t0 = time.perf_counter()
        r = client.get(path)
        times.append(time.perf_counter() - t0)
        status = r.status_code
    return times[0], statistics.median(times[1:]), status


def api_path(path: str) -> str:
    return "/api/overview" if path == "/" else "/api" + path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="An accord store to serve (copied to a temporary folder first).")
    ap.add_argument("--synthetic", type=int, help="Build bench_dyad's synthetic store with this many events.")
    ap.add_argument("--synthetic-db", default="/tmp/accord-bench-web.duckdb")
    ap.add_argument("--keep", action="store_true", help="Reuse an existing --synthetic-db.")
    ap.add_argument("--pages", nargs="*", help="Only these paths.")
    ap.add_argument("--no-results", action="store_true", help="Do not append to RESULTS.md.")
    args = ap.parse_args()
    build_s = None
    tmp = Path(tempfile.mkdtemp(prefix="accord-bench-web-"))
    if args.synthetic:
        import bench_dyad

        path = Path(args.synthetic_db)
        if not (args.keep and path.exists()):
            for p in (path, Path(str(path) + ".wal")):
                p.unlink(missing_ok=True)
            t0 = time.perf_counter()
            con = bench_dyad.create_store(path)
            bench_dyad.fill(con, args.synthetic)
            con.close()
            build_s = time.perf_counter() - t0
        label = f"synthetic store, {args.synthetic:,} events"
        db = path
    elif args.db:
        db = tmp / Path(args.db).name
        shutil.copy2(args.db, db)
        label = f"`{args.db}`"
    else:
        ap.error("give --db STORE or --synthetic N")

    from starlette.testclient import TestClient

    from accord.web.app import create_app
    from accord.web.owner import StoreOwner

    owner = StoreOwner.open(db, time_limit=60.0)
    with owner.store.con.cursor() as cur:
        n_events = cur.execute("SELECT count(*) FROM events").fetchone()[0]
        paths = args.pages or paths_for(cur)
    rows = []
    try:
        with TestClient(create_app(owner)) as client:
            for path in paths:
                for kind, p in (("page", path), ("api", api_path(path))):
                    first, median, status = time_calls(client, owner, p)
                    rows.append((kind, p, first, median, status))
                    print(f"{kind:4s} {p:44s} cold {first * 1000:7.1f} ms  then median of 5 {median * 1000:7.1f} ms  {status}")
    finally:
        owner.close()
        shutil.rmtree(tmp, ignore_errors=True)
    if args.no_results:
        return
    command = " ".join([".venv/bin/python benchmarks/bench_web.py", *sys.argv[1:]])
    lines = [
        f"\n## dashboard pages and API over {label} ({n_events:,} event rows; {datetime.now():%Y-%m-%d %H:%M})\n",
        f"`{command}` — DuckDB {duckdb.__version__}, Python {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"{platform.machine()}, in-process (no sockets)" + (f"; building the store took {build_s:.0f} s" if build_s else ""),
        "",
        "| kind | path | cold: first call, cache empty (ms) | then median of 5 (ms) | status |",
        "|---|---|---:|---:|---:|",
    ]
    lines += [f"| {k} | `{p}` | {f * 1000:.0f} | {m * 1000:.0f} | {s} |" for k, p, f, m, s in rows]
    with open(ROOT / "benchmarks" / "RESULTS.md", "a", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
