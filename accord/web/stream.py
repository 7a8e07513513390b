"""Streaming exports of the current filter: CSV, JSONL, GDELT 2.0 events and POLECAT-style PLOVER.

The GDELT and POLECAT rows are ``accord.export``'s own SELECTs, restricted to the filter's events, so a
download from the dashboard is the same file ``accord export`` writes, cut to what is on screen. Rows
are fetched ``CHUNK`` at a time on a cursor of the server's connection and sent as they come.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
from collections.abc import AsyncIterator
from typing import Any

import duckdb

from accord import export as ex
from accord.web.filters import BadParam, Filters
from accord.web.owner import StoreOwner

CHUNK = 2000
MAX_ROWS = 1_000_000
FORMATS = {  # name → (media type, file suffix)
    "csv": ("text/csv; charset=utf-8", "csv"),
    "jsonl": ("application/x-ndjson", "jsonl"),
    "gdelt": ("text/tab-separated-values; charset=utf-8", "tsv"),
    "polecat": ("application/x-ndjson", "jsonl"),
}
CSV_COLUMNS = ["date", "source_code", "source_name", "cameo", "target_code", "target_name", "quad_class",
               "goldstein", "plover_type", "plover_mode", "modality", "negated", "trigger", "sentence",
               "location_name", "location_country", "lat", "lon", "article_id", "idx", "url", "happening_id"]


def export_sql(fmt: str, f: Filters) -> tuple[str, list[Any]]:
    """The SELECT of ``fmt`` restricted to the events of ``f``."""
    if fmt not in FORMATS:
        raise BadParam("format", f"must be one of {', '.join(FORMATS)}")
    where, params = f.where()
    if fmt in ("csv", "jsonl"):
        cols = ", ".join("CAST(happening_id AS VARCHAR) AS happening_id" if c == "happening_id" else c
                         for c in CSV_COLUMNS)
        return (f"SELECT {cols} FROM event_facts WHERE {where} ORDER BY date NULLS LAST, article_id, idx LIMIT ?",
                params + [MAX_ROWS])
    if fmt == "gdelt":
        return (f"SELECT * FROM ({ex.gdelt_events_sql()}) g WHERE g.GLOBALEVENTID IN"
                f" (SELECT happening_id FROM event_facts WHERE {where}) ORDER BY g.SQLDATE, g.GLOBALEVENTID LIMIT ?",
                params + [MAX_ROWS])
    return (f"SELECT p.* FROM ({ex.plover_sql()}) p SEMI JOIN (SELECT article_id, idx FROM event_facts"
            f" WHERE {where}) f ON p.article_id = f.article_id AND p.event_id = f.article_id || '-' || f.idx"
            " ORDER BY p.event_date NULLS LAST, p.event_id LIMIT ?", params + [MAX_ROWS])


def _line(fmt: str, names: list[str], row: tuple) -> str:
    if fmt == "jsonl" or fmt == "polecat":
        return json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False, default=str) + "\n"
    if fmt == "gdelt":
        return "\t".join("" if v is None else str(v) for v in row) + "\n"
    buf = io.StringIO()
    csv.writer(buf).writerow(["" if v is None else v for v in row])
    return buf.getvalue()


async def stream(owner: StoreOwner, fmt: str, f: Filters) -> AsyncIterator[str]:
    """The export's text, a chunk of rows at a time (a CSV starts with its header)."""
    sql, params = export_sql(fmt, f)
    loop = asyncio.get_running_loop()

    def start(cur: duckdb.DuckDBPyConnection) -> tuple[duckdb.DuckDBPyConnection, list[str]]:
        own = cur.cursor()  # its own cursor: the export outlives this read
        if fmt == "gdelt":
            own.register("accord_countries", ex.country_table())
        own.execute(sql, params)
        return own, [d[0] for d in own.description]

    cur, names = await owner.read(start)
    try:
        if fmt == "csv":
            yield _line("csv", [], tuple(names))
        while True:
            chunk = await loop.run_in_executor(owner.pool, cur.fetchmany, CHUNK)
            if not chunk:
                break
            yield "".join(_line(fmt, names, r) for r in chunk)
    finally:
        cur.close()
