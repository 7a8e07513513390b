"""Rollups: small summary tables of ``events`` per day, kept exact by the one writer.

The dashboard's aggregate pages count *happenings* (distinct source code, target code, CAMEO code and
date) by quad class over time, by country pair, by actor and by place. Over ten million event rows that
is seconds of scanning and joining; over these tables it is milliseconds:

    ========================  ======================================  =================================
    table                     one row per                             holds
    ========================  ======================================  =================================
    ``rollup_days``           day, cameo, cameo_root, quad_class      happenings, mentions, mentions not
                                                                      historical (for the chart's span)
    ``rollup_dyads``          day, source key, target key             happenings, mentions, Goldstein
    ``rollup_places``         day, place key                          happenings, mentions, Goldstein
    ``rollup_actors``         day, actor code (either side)           happenings
    ``rollup_actor_names``    day, actor code, name as written        mentions of that side
    ========================  ======================================  =================================

Keys are those the dashboard groups by: the source key is ``coalesce(source_country, source_igo,
source_code)``, the place key ``coalesce(location_country, source_country)``. Every measure comes in
three variants for the filter's ``negated``: ``_pos`` (mentions not negated), ``_neg`` (negated) and,
for happenings, ``_any``; mention and Goldstein variants add up, happening counts do not.

**Why the counts are exact.** A count of distinct happenings does not add up across cells in general,
but a happening's date is part of its key, so it lies in one day; the count of one cell is a distinct
count, and summing cells over days (and over cameo, cameo_root and quad_class, which are functions of
the happening's CAMEO code) counts every happening once. A query may therefore sum rollup rows over
days and over those columns, and group by the others, and get exactly what the GROUP BY over events gives.

**How they stay exact.** Every rollup row of a day is a function of the events dated that day. The
writer (:class:`accord.store.Store`), in the transaction that adds or deletes an article's events,
recomputes the rollup rows of every day those events fall on (:func:`refresh`): one scan of the events
for those days, then the same GROUP BY as the backfill of ``migrations/009_rollups.sql``. Events
written around the writer (SQL by hand, ``bench_dyad.py``) leave the rollups stale; :func:`fresh`
notices (the rollups' mention count is not the events' count) and readers then fall back to the
events table, or :func:`rebuild` recomputes them.

**Two more, of version 10** (``migrations/010_event_keys.sql``). ``rollup_dyad_months`` is
``rollup_dyads`` summed per calendar month (exact for the same reason: a happening lies in one day, so in
one month); the writer recomputes the months of the days it refreshed, from ``rollup_dyads``.
``event_keys`` is one narrow row per event row: its key (article id, idx), its happening id and effective
date as ``event_facts`` computes them, negated, CAMEO code and quad class. The writer adds the rows of the
events it adds (:func:`add_keys`, read from ``event_facts`` so the happening id has one definition) and
deletes those of an article it deletes; :func:`keys_fresh` is the row-count check of :func:`fresh`.
``event_sides`` (version 11) is kept the same way: per event row the six side columns and what a dyad
page reads, in the order of the sides so that a dyad's pushed-down reads skip most row groups; rows the
writer adds go at the end, and :func:`sort_sides` sorts the table again when a quarter of it came since
its last sort (the order is for speed only: any order holds the same rows).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import duckdb

__all__ = ["KEYS", "MONTHS", "SIDES", "TABLES", "Rollup", "add_keys", "delete_keys", "fresh", "keys_fresh", "rebuild",
           "refresh", "select_sql", "sort_sides"]

# One row per event mention with what the rollups group and count by (over event_facts).
MENTIONS = """SELECT date AS day, hash(source_code, target_code, cameo, date) AS hap,
       coalesce(negated, false) AS neg, NOT coalesce(historical, false) AS recent,
       CAST(goldstein AS DECIMAL(18, 3)) AS goldstein,
       cameo, cameo_root, quad_class,
       coalesce(source_country, source_igo, source_code) AS source_key,
       coalesce(target_country, target_igo, target_code) AS target_key,
       coalesce(location_country, source_country) AS place_key,
       source_code, source_name, target_code, target_name
FROM event_facts"""

_H = ("count(DISTINCT hap) FILTER (WHERE NOT neg) AS h_pos, count(DISTINCT hap) FILTER (WHERE neg) AS h_neg,"
      " count(DISTINCT hap) AS h_any")
_M = "count(*) FILTER (WHERE NOT neg) AS m_pos, count(*) FILTER (WHERE neg) AS m_neg"
_G = ("sum(goldstein) FILTER (WHERE NOT neg) AS gs_pos, sum(goldstein) FILTER (WHERE neg) AS gs_neg,"
      " count(goldstein) FILTER (WHERE NOT neg) AS gn_pos, count(goldstein) FILTER (WHERE neg) AS gn_neg")
_R = "count(*) FILTER (WHERE NOT neg AND recent) AS r_pos, count(*) FILTER (WHERE neg AND recent) AS r_neg"
# An actor is counted on either side of an event (a happening whose source and target are the same
# actor counts once: the counts are distinct).
_SIDES = ("(SELECT day, hap, neg, source_code AS code, source_name AS name FROM {m}"
          " UNION ALL SELECT day, hap, neg, target_code, target_name FROM {m})")


@dataclass(frozen=True, slots=True)
class Rollup:
    """One rollup table: its grouping columns (with their types), its measures, what it reads."""

    name: str
    dims: tuple[tuple[str, str], ...]
    measures: tuple[str, ...]
    source: str = "{m}"  # the relation grouped, over the mentions relation {m}
    where: str = ""

    def select(self, mentions: str) -> str:
        dims = ", ".join(d for d, _ in self.dims)
        where = f" WHERE {self.where}" if self.where else ""
        return (f"SELECT {dims}, {', '.join(self.measures)} FROM {self.source.format(m=mentions)} AS m{where}"
                f" GROUP BY {dims}")


TABLES: tuple[Rollup, ...] = (
    Rollup("rollup_days", (("day", "DATE"), ("cameo", "VARCHAR"), ("cameo_root", "VARCHAR"), ("quad_class", "TINYINT")),
           (_H, _M, _R)),
    Rollup("rollup_dyads", (("day", "DATE"), ("source_key", "VARCHAR"), ("target_key", "VARCHAR")), (_H, _M, _G)),
    Rollup("rollup_places", (("day", "DATE"), ("place_key", "VARCHAR")), (_H, _M, _G)),
    Rollup("rollup_actors", (("day", "DATE"), ("code", "VARCHAR")), (_H,), _SIDES, "code IS NOT NULL"),
    Rollup("rollup_actor_names", (("day", "DATE"), ("code", "VARCHAR"), ("name", "VARCHAR")), (_M,), _SIDES,
           "code IS NOT NULL AND name IS NOT NULL"),
)


MONTHS = "rollup_dyad_months"
# rollup_dyads summed per month (exact: every happening lies in one day); {where} picks the days summed
_MONTHS_SQL = """SELECT CAST(date_trunc('month', day) AS DATE) AS month, source_key, target_key,
       sum(h_pos), sum(h_neg), sum(h_any), sum(m_pos), sum(m_neg), sum(gs_pos), sum(gs_neg), sum(gn_pos), sum(gn_neg)
FROM rollup_dyads WHERE {where} GROUP BY 1, 2, 3"""
KEYS = "event_keys"
# what event_keys holds of each event row, read from event_facts (the happening id is defined there)
_KEYS_SQL = """SELECT article_id, idx, happening_id, date, coalesce(negated, false), cameo, quad_class
FROM event_facts"""
SIDES = "event_sides"
# what event_sides holds of each event row (migrations/011_event_sides.sql), and the order it is kept in
_SIDES_SQL = """SELECT source_country, target_country, source_code, target_code, source_igo, target_igo,
       article_id, idx, date, historical, negated, cameo, cameo_root, quad_class, goldstein
FROM event_facts"""
SIDES_ORDER = ("source_country NULLS LAST, target_country NULLS LAST, source_code NULLS LAST, target_code NULLS LAST,"
               " article_id, idx")
# the writer sorts event_sides again when the rows appended since its last sort pass this share of it
SORT_AFTER = 0.25
SORT_AT_LEAST = 50_000
# the tables of one row per event row, kept by the writer: name and what each row holds
_PER_EVENT = ((KEYS, _KEYS_SQL), (SIDES, _SIDES_SQL))


def select_sql(table: str, mentions: str = f"({MENTIONS})") -> str:
    """The GROUP BY that computes ``table`` from the events (all of them, or the ``mentions`` relation)."""
    return next(t for t in TABLES if t.name == table).select(mentions)


def has_rollups(con: duckdb.DuckDBPyConnection) -> bool:
    return con.execute("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = ?",
                       [TABLES[0].name]).fetchone()[0] > 0


def rebuild(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute every rollup from the events (in the caller's transaction, if any)."""
    for t in TABLES:
        con.execute(f"DELETE FROM {t.name}")
        con.execute(f"INSERT INTO {t.name} {select_sql(t.name)}")
    if _has(con, MONTHS):
        con.execute(f"DELETE FROM {MONTHS}")
        con.execute(f"INSERT INTO {MONTHS} {_MONTHS_SQL.format(where='TRUE')}")
    for name, sql in _PER_EVENT:
        if _has(con, name):
            con.execute(f"DELETE FROM {name}")
            con.execute(f"INSERT INTO {name} {sql}")
    sort_sides(con, force=True)


def _has(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    return con.execute("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = ?",
                       [table]).fetchone()[0] > 0


def add_keys(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> None:
    """Add the ``event_keys`` and ``event_sides`` rows of the events of ``article_ids`` (just written, in
    the caller's transaction), then sort ``event_sides`` again if enough rows came since its last sort.
    The ids are a list of constants, so DuckDB looks them up in the article id index."""
    ids = sorted(set(article_ids))
    if not ids:
        return
    for name, sql in _PER_EVENT:
        if not _has(con, name):
            continue
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            con.execute(f"INSERT INTO {name} {sql} WHERE article_id IN ({', '.join('?' * len(chunk))})", chunk)
    sort_sides(con)


def delete_keys(con: duckdb.DuckDBPyConnection, article_id: str) -> None:
    """Remove the ``event_keys`` and ``event_sides`` rows of an article's events (in the caller's transaction)."""
    for name, _ in _PER_EVENT:
        if _has(con, name):
            con.execute(f"DELETE FROM {name} WHERE article_id = ?", [article_id])


def sort_sides(con: duckdb.DuckDBPyConnection, force: bool = False) -> bool:
    """Sort ``event_sides`` again (in the caller's transaction) when the rows appended since its last sort
    pass :data:`SORT_AFTER` of it and :data:`SORT_AT_LEAST`, or when ``force``; True when it did. The order
    only makes a dyad's read fast (its row groups' min/max skip the others); any order gives the same rows,
    and sorting again each time the table grows by a quarter costs the writer a few rewrites of it in all."""
    if not _has(con, SIDES) or not _has(con, f"{SIDES}_sorted"):
        return False
    rows, sorted_rows = con.execute(f"SELECT (SELECT count(*) FROM {SIDES}),"
                                    f" (SELECT coalesce(max(sorted_rows), 0) FROM {SIDES}_sorted)").fetchone()
    if not force and rows - sorted_rows < max(SORT_AT_LEAST, SORT_AFTER * sorted_rows):
        return False
    con.execute(f"CREATE OR REPLACE TEMP TABLE _accord_sides AS SELECT * FROM {SIDES} ORDER BY {SIDES_ORDER}")
    try:
        con.execute(f"DELETE FROM {SIDES}")
        con.execute(f"INSERT INTO {SIDES} SELECT * FROM _accord_sides ORDER BY {SIDES_ORDER}")
    finally:
        con.execute("DROP TABLE IF EXISTS _accord_sides")
    con.execute(f"DELETE FROM {SIDES}_sorted")
    con.execute(f"INSERT INTO {SIDES}_sorted VALUES (?)", [int(rows)])
    return True


def keys_fresh(con: duckdb.DuckDBPyConnection, table: str = KEYS) -> bool:
    """Whether ``table`` (``event_keys`` or ``event_sides``) exists and has a row per event row (events
    written around the writer, as ``bench_dyad.py`` does, make it stale until :func:`rebuild`)."""
    if not _has(con, table):
        return False
    keys, events = con.execute(f"SELECT (SELECT count(*) FROM {table}), (SELECT count(*) FROM events)").fetchone()
    return int(keys) == int(events)


def refresh(con: duckdb.DuckDBPyConnection, days: Iterable[dt.date | None]) -> None:
    """Recompute the rollup rows of ``days`` (None: the events with no date) from the events, in the
    caller's transaction: the writer calls this after adding or deleting an article's events."""
    days = set(days)
    if not days:
        return
    dated = sorted(d for d in days if d is not None)
    undated = None in days
    match = "(day IN (SELECT unnest(CAST(? AS DATE[]))) OR (? AND day IS NULL))"
    con.execute(f"CREATE OR REPLACE TEMP TABLE _accord_rollup_mentions AS SELECT * FROM ({MENTIONS}) WHERE {match}",
                [dated, undated])
    try:
        for t in TABLES:
            con.execute(f"DELETE FROM {t.name} WHERE {match}", [dated, undated])
            con.execute(f"INSERT INTO {t.name} {t.select('_accord_rollup_mentions')}")
        if _has(con, MONTHS):  # the months of those days, summed again from their days
            months = sorted({d.replace(day=1) for d in dated})
            month = "(month IN (SELECT unnest(CAST(? AS DATE[]))) OR (? AND month IS NULL))"
            con.execute(f"DELETE FROM {MONTHS} WHERE {month}", [months, undated])
            where = "(CAST(date_trunc('month', day) AS DATE) IN (SELECT unnest(CAST(? AS DATE[]))) OR (? AND day IS NULL))"
            con.execute(f"INSERT INTO {MONTHS} {_MONTHS_SQL.format(where=where)}", [months, undated])
    finally:
        con.execute("DROP TABLE IF EXISTS _accord_rollup_mentions")


def fresh(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the rollups exist and count every event row (a cheap check: events written around the
    writer make them stale, and the dashboard then reads the events instead)."""
    if not has_rollups(con):
        return False
    rolled, events = con.execute(
        "SELECT (SELECT coalesce(sum(m_pos + m_neg), 0) FROM rollup_days), (SELECT count(*) FROM events)").fetchone()
    return int(rolled) == int(events)
