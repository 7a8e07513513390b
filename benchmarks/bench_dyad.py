"""Benchmark: a dyad series over 10 million synthetic events (target: under 1 s).

    .venv/bin/python benchmarks/bench_dyad.py [--events 10000000] [--db /tmp/accord-bench.duckdb] [--keep]

Builds the store with accord's migrations and fills it in SQL (1 article per 10 events, 40 countries with
GOV/MIL/none roles, 24 CAMEO codes, dates over 25 years, a tenth of events undated so their article's
date is used), then times :func:`accord.query.dyad_series` through the public API (opening the file
read-only each time, as the CLI does). Appends the numbers to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from accord import query  # noqa: E402

COUNTRIES = ["USA", "RUS", "CHN", "IRN", "IRQ", "ISR", "PSE", "SYR", "TUR", "SAU", "EGY", "GBR", "FRA", "DEU",
             "UKR", "IND", "PAK", "AFG", "JPN", "KOR", "PRK", "BRA", "MEX", "NGA", "ZAF", "ETH", "SDN", "LBY",
             "YEM", "LBN", "JOR", "KWT", "QAT", "ARE", "OMN", "AZE", "ARM", "GEO", "KAZ", "UZB"]
CODES = {"010": (0.0, 1), "036": (4.0, 1), "042": (1.9, 1), "043": (2.8, 1), "046": (7.0, 1), "057": (8.0, 1),
         "061": (6.4, 2), "070": (7.0, 2), "071": (7.4, 2), "081": (5.0, 2), "112": (-2.0, 3), "120": (-4.0, 3),
         "130": (-4.4, 3), "138": (-7.0, 3), "141": (-6.5, 4), "163": (-6.5, 4), "172": (-5.0, 4),
         "173": (-5.0, 4), "180": (-9.0, 4), "181": (-9.0, 4), "190": (-10.0, 4), "193": (-10.0, 4),
         "195": (-10.0, 4), "200": (-10.0, 4)}


def create_store(path: Path) -> duckdb.DuckDBPyConnection:
    """A fresh store at ``path`` with every migration applied (through accord.store when it exists)."""
    try:
        from accord.store import Store  # type: ignore[import-not-found]
    except ImportError:
        Store = None  # noqa: N806
    if Store is not None:
        store = Store(path)
        close = getattr(store, "close", None)
        if close:
            close()
        return duckdb.connect(str(path))
    con = duckdb.connect(str(path))
    for sql_path in sorted((ROOT / "accord" / "migrations").glob("[0-9][0-9][0-9]_*.sql")):
        sql = sql_path.read_text(encoding="utf-8")
        con.execute(sql)
    return con


def fill(con: duckdb.DuckDBPyConnection, n_events: int) -> None:
    n_articles = max(1, n_events // 10)
    countries = "[" + ", ".join(f"'{c}'" for c in COUNTRIES) + "]"
    codes = "[" + ", ".join(f"'{c}'" for c in CODES) + "]"
    gold = "[" + ", ".join(str(g) for g, _ in CODES.values()) + "]"
    quad = "[" + ", ".join(str(q) for _, q in CODES.values()) + "]"
    nc, nk = len(COUNTRIES), len(CODES)
    con.execute(f"""
        INSERT INTO articles (id, source, url, published, text, status, hash, tone)
        SELECT 'a' || i, 'feed' || (i % 50), 'https://news.example/' || i, DATE '2000-01-01' + CAST(i % 9125 AS INTEGER),
               'synthetic', 'coded', md5(CAST(i AS VARCHAR)), (i % 21) - 10.0
        FROM range({n_articles}) t(i)
    """)
    # hash() spreads the picks so the dyads and codes are not correlated with the article order
    con.execute(f"""
        INSERT INTO events (article_id, idx, source_code, source_country, target_code, target_country,
                            cameo, cameo_root, quad_class, goldstein, negated, event_date, tone)
        SELECT 'a' || (i // 10), CAST(i % 10 AS INTEGER),
               sc || ['GOV', 'MIL', ''][1 + CAST(hash(i + 3 * 1000000000000) % 3 AS INTEGER)], sc,
               tc || ['GOV', 'MIL', ''][1 + CAST(hash(i + 4 * 1000000000000) % 3 AS INTEGER)], tc,
               {codes}[k], left({codes}[k], 2), {quad}[k], {gold}[k], hash(i + 5 * 1000000000000) % 50 = 0,
               CASE WHEN i % 10 = 9 THEN NULL
                    ELSE DATE '2000-01-01' + CAST((i // 10) % 9125 - (i % 3) AS INTEGER) END,
               (hash(i + 6 * 1000000000000) % 21) - 10.0
        FROM (
            SELECT i, {countries}[1 + CAST(hash(i + 1 * 1000000000000) % {nc} AS INTEGER)] AS sc,
                   {countries}[1 + CAST(hash(i + 2 * 1000000000000) % {nc} AS INTEGER)] AS tc,
                   1 + CAST(hash(i + 7 * 1000000000000) % {nk} AS INTEGER) AS k
            FROM range({n_events}) t(i)
        )
    """)
    # the events were written around the store's writer: bring its rollups (migration 009) up to date
    try:
        from accord import rollups
    except ImportError:
        return
    if rollups.has_rollups(con):
        rollups.rebuild(con)


def timed(fn, repeat: int = 5) -> tuple[float, float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return times[0], statistics.median(times), result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--db", default="/tmp/accord-bench.duckdb")
    ap.add_argument("--keep", action="store_true", help="Reuse an existing --db instead of rebuilding it.")
    args = ap.parse_args()
    path = Path(args.db)
    build_s = None
    if not (args.keep and path.exists()):
        for p in (path, Path(str(path) + ".wal")):
            p.unlink(missing_ok=True)
        t0 = time.perf_counter()
        con = create_store(path)
        fill(con, args.events)
        con.close()
        build_s = time.perf_counter() - t0
    with duckdb.connect(str(path), read_only=True) as con:
        n = con.execute("SELECT count(*) FROM events").fetchone()[0]

    cases = [
        ("IRN→IRQ by month", lambda: query.dyad_series(path, "IRN", "IRQ", by="month")),
        ("IRN↔IRQ by month (--both)", lambda: query.dyad_series(path, "IRN", "IRQ", by="month", both=True)),
        ("IRNGOV→IRQMIL by week", lambda: query.dyad_series(path, "IRNGOV", "IRQMIL", by="week")),
        ("USA↔RUS by day, mentions", lambda: query.dyad_series(path, "USA", "RUS", by="day", both=True,
                                                               count="mentions")),
    ]
    rows = []
    for label, fn in cases:
        first, median, df = timed(fn)
        rows.append((label, first, median, len(df), int(df.events.sum())))
        print(f"{label:32s} first {first:.3f} s  median of 5 {median:.3f} s  ({len(df)} periods, "
              f"{int(df.events.sum())} events)")

    command = " ".join([".venv/bin/python benchmarks/bench_dyad.py", *sys.argv[1:]])
    lines = [
        f"\n## dyad_series over {n:,} events ({datetime.now():%Y-%m-%d %H:%M})\n",
        f"`{command}` — DuckDB {duckdb.__version__}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {platform.machine()}" + (f"; building the store took {build_s:.0f} s" if build_s else ""),
        "",
        "| query | first call (s) | median of 5 (s) | periods | events |",
        "|---|---:|---:|---:|---:|",
        *(f"| {lbl} | {f:.3f} | {m:.3f} | {p} | {e} |" for lbl, f, m, p, e in rows),
        "",
        "Each call opens the file read-only, checks the views and runs the query, as `accord dyad` does.",
    ]
    results = ROOT / "benchmarks" / "RESULTS.md"
    if not results.exists():
        results.write_text("# Benchmark results\n", encoding="utf-8")
    with results.open("a", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    print(f"appended to {results}")


if __name__ == "__main__":
    main()
