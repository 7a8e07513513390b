"""The dashboard's SQL: small functions of a DuckDB cursor and a :class:`Filters`, returning plain rows.

Every function reads the views of ``migrations/002_happenings.sql``; values from the URL arrive only as
parameters. Rows are lists of dicts with JSON-safe values (dates as ``YYYY-MM-DD``). Counts are of
*happenings* (one event however many articles report it) unless a name says mentions.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import math
import warnings
from dataclasses import dataclass
from functools import cache
from typing import Any

import duckdb

from accord import rollups
from accord.web.filters import BadParam, Filters

Row = dict[str, Any]
# Counting happenings: a 64-bit hash of the happening key (source, target, code, date) is four times
# cheaper than the view's md5-based happening_id and collides about never at these sizes.
HAP = "hash(source_code, target_code, cameo, date)"
# Above this many event rows, happenings are counted with HyperLogLog (approx_count_distinct: about 2%
# off, four times cheaper) so the aggregate pages of a very large store still answer; pages say so.
APPROX_ABOVE = 2_000_000


def approximate(cur: duckdb.DuckDBPyConnection) -> bool:
    """Whether counts on this store are approximate (a row count: DuckDB keeps it, so this is instant)."""
    return cur.execute("SELECT count(*) FROM events").fetchone()[0] > APPROX_ABOVE


def overview_approximate(cur: duckdb.DuckDBPyConnection, f: Filters) -> bool:
    """Whether the overview of ``f`` shows approximate counts: on a very large store, unless the rollups
    answer every part of it (they hold exact counts)."""
    return approximate(cur) and rolled(cur, f) is None


def counter(cur: duckdb.DuckDBPyConnection, key: str = HAP) -> str:
    """The SQL that counts happenings: exact, or approximate on a very large store."""
    return f"approx_count_distinct({key})" if approximate(cur) else f"count(DISTINCT {key})"


# ------------------------------------------------------------------------------------- rollups

# Read the rollups (accord/rollups.py) when a filter touches only what they hold; tests turn this off
# to check that both ways give the same rows.
USE_ROLLUPS = True
# The mean Goldstein score of mentions, summed as decimals: exact, so the same from rollups (which hold
# decimal sums) and from events, whatever the order of the sum (avg of doubles rounds 2.1 / 4 either way).
MEAN_GOLDSTEIN = "round(CAST(sum(CAST(goldstein AS DECIMAL(18, 3))) AS DOUBLE) / nullif(count(goldstein), 0), 2)"
_VARIANTS = {"exclude": "pos", "include": "any", "only": "neg"}


@dataclass(frozen=True, slots=True)
class Rolled:
    """A filter as conditions over a rollup table (``where``, ``params``) and the SQL of its measures."""

    where: str
    params: list[Any]
    variant: str  # pos | neg | any: the filter's negated

    @property
    def h(self) -> str:
        """Happenings of one rollup row."""
        return f"h_{self.variant}"

    @property
    def m(self) -> str:
        """Mentions of one rollup row."""
        return "(m_pos + m_neg)" if self.variant == "any" else f"m_{self.variant}"

    @property
    def r(self) -> str:
        """Mentions of one row not flagged historical."""
        return "(r_pos + r_neg)" if self.variant == "any" else f"r_{self.variant}"

    def goldstein(self) -> str:
        """The mean Goldstein score of the mentions of the rows summed, as :data:`MEAN_GOLDSTEIN`."""
        if self.variant == "any":
            return ("round(CAST(sum(coalesce(gs_pos, 0) + coalesce(gs_neg, 0)) AS DOUBLE)"
                    " / nullif(sum(gn_pos + gn_neg), 0), 2)")
        return f"round(CAST(sum(gs_{self.variant}) AS DOUBLE) / nullif(sum(gn_{self.variant}), 0), 2)"


def rolled(cur: duckdb.DuckDBPyConnection, f: Filters, table: str = "rollup_dyads") -> Rolled | None:
    """``f`` over the rollup ``table``, or None when the rollups cannot answer it exactly: the filter
    touches a column the table does not hold (every table holds the day and the negated variants;
    ``rollup_days`` also the CAMEO code and quad class), or the rollups are stale (:func:`rollups.fresh`)."""
    held = {"cameo": None, "quad": None} if table == "rollup_days" else {}
    rest = f.with_(start=None, end=None, negated="include", **held)
    if not USE_ROLLUPS or rest.where()[0] != "TRUE" or not rollups.fresh(cur):
        return None
    out, params = [], []
    for cond, value in (("day >= ?", f.start), ("day <= ?", f.end), ("starts_with(cameo, ?)", f.cameo),
                        ("quad_class = ?", f.quad)):
        if value:
            out.append(cond)
            params.append(value)
    return Rolled(" AND ".join(out) or "TRUE", params, _VARIANTS[f.negated])


PAGE = 50  # events per page
MAX_PAGE = 500
TOP = 10


def _safe(v: Any) -> Any:
    if isinstance(v, dt.datetime):
        return v.isoformat(sep=" ", timespec="seconds")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float) and (math.isnan(v) or math.isinf(v)):
        return None
    if isinstance(v, int) and abs(v) > 2**53:
        return str(v)  # happening ids are 60-bit: JavaScript would round them
    return v


def rows(cur: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[Row]:
    res = cur.execute(sql, params or [])
    names = [d[0] for d in res.description]
    return [{n: _safe(v) for n, v in zip(names, r, strict=True)} for r in res.fetchall()]


def one(cur: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> Row | None:
    got = rows(cur, sql, params)
    return got[0] if got else None


def has_column(cur: duckdb.DuckDBPyConnection, table: str, column: str) -> bool:
    return cur.execute("SELECT count(*) FROM duckdb_columns() WHERE table_name = ? AND column_name = ?",
                       [table, column]).fetchone()[0] > 0


def has_table(cur: duckdb.DuckDBPyConnection, name: str) -> bool:
    return cur.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND schema_name = 'main'",
                       [name]).fetchone()[0] > 0


# ------------------------------------------------------------------------------------- countries


@cache
def iso3_numeric() -> dict[str, str]:
    """ISO3 → ISO 3166-1 numeric (the ``id`` of world-atlas countries), from pycountry."""
    import pycountry

    return {c.alpha_3: c.numeric for c in pycountry.countries}


@cache
def country_names() -> dict[str, str]:
    import pycountry

    return {c.alpha_3: getattr(c, "common_name", None) or c.name for c in pycountry.countries}


# ------------------------------------------------------------------------------------- overview


def store_counts(cur: duckdb.DuckDBPyConnection) -> Row:
    """What the store holds, unfiltered."""
    if rolled(cur, Filters(), "rollup_days"):
        return one(cur, """
            SELECT (SELECT count(*) FROM articles) AS articles,
                   (SELECT count(*) FROM events) AS mentions,
                   (SELECT CAST(coalesce(sum(h_pos), 0) AS BIGINT) FROM rollup_days) AS events,
                   (SELECT count(*) FROM quotes) AS quotes,
                   (SELECT count(*) FROM article_sources WHERE kind <> 'original') AS duplicates,
                   (SELECT min(day) FROM rollup_days) AS first_date,
                   (SELECT max(day) FROM rollup_days) AS last_date""") or {}
    cnt = counter(cur)
    return one(cur, f"""
        SELECT (SELECT count(*) FROM articles) AS articles,
               (SELECT count(*) FROM events) AS mentions,
               (SELECT {cnt} FROM event_facts WHERE NOT coalesce(negated, false)) AS events,
               (SELECT count(*) FROM quotes) AS quotes,
               (SELECT count(*) FROM article_sources WHERE kind <> 'original') AS duplicates,
               (SELECT min(date) FROM event_facts) AS first_date,
               (SELECT max(date) FROM event_facts) AS last_date""") or {}


def period_unit(start: Any, end: Any) -> str:
    """day for a span up to 120 days, week up to 3 years, else month."""
    if not start or not end:
        return "month"
    days = (dt.date.fromisoformat(str(end)) - dt.date.fromisoformat(str(start))).days
    return "day" if days <= 120 else "week" if days <= 3 * 366 else "month"


def _step(d: dt.date, unit: str) -> dt.date:
    if unit == "day":
        return d + dt.timedelta(days=1)
    if unit == "week":
        return d + dt.timedelta(days=7)
    return dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def _trunc(d: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return d - dt.timedelta(days=d.weekday())
    return d.replace(day=1) if unit == "month" else d


def period_range(lo: Any, hi: Any, unit: str, cap: int = 2000) -> list[str]:
    """Every period label from the one holding ``lo`` to the one holding ``hi`` (at most ``cap``)."""
    if not lo or not hi:
        return []
    d, end, out = _trunc(dt.date.fromisoformat(str(lo)), unit), dt.date.fromisoformat(str(hi)), []
    while d <= end and len(out) < cap:
        out.append(d.isoformat())
        d = _step(d, unit)
    return out


def fill(periods: list[str], got: list[Row], zero: Row) -> list[Row]:
    """``got`` (rows keyed by ``period``) with a zero row for every period it lacks, in order."""
    have = {r["period"]: r for r in got}
    return [have.get(p) or {"period": p, **zero} for p in periods] if periods else got


_ZERO_QUADS = {"quad1": 0, "quad2": 0, "quad3": 0, "quad4": 0}


def chart_span(cur: duckdb.DuckDBPyConnection, f: Filters, where: str, params: list[Any],
               rel: str = "event_facts") -> Row:
    """The span a time chart shows: the filter's dates, else from the 2nd percentile of the events'
    dates to the last one up to a month after the newest article, so one stray date ("the war that
    began in 1980", a year misread as 2050) does not squeeze the rest into a few bars. ``{lo, hi, unit, periods, outside}``; ``outside`` counts the
    events left off the chart."""
    # events the store flags historical (dated over a year before their article, migration 004) do not
    # stretch a span the filter leaves open either
    recent = " FILTER (WHERE NOT coalesce(historical, false))" if has_column(cur, "event_facts", "historical") else ""
    lo = "min(date)" if f.start else f"coalesce(quantile_disc(date, 0.02){recent}, min(date))"
    # the newest events are always on the chart (a live dashboard); only dates more than a month after
    # the newest article (a misread year, 2050) are left off
    hi = "max(date)" if f.end else ("max(date) FILTER (WHERE date <= (SELECT max(published) FROM articles)"
                                    " + INTERVAL 31 DAY OR (SELECT max(published) FROM articles) IS NULL)")
    span = one(cur, f"SELECT {lo} AS lo, {hi} AS hi FROM {rel} WHERE {where} AND date IS NOT NULL",
               params) or {}
    return _periods(span, f, lambda first, after: one(
        cur, f"SELECT {counter(cur)} AS n FROM {rel} WHERE {where} AND (date < ? OR date >= ?)",
        params + [first, after]))


def _periods(span: Row, f: Filters, outside) -> Row:
    """A chart span from its first and last date: the period unit, the periods, and how many events fall
    outside them (``outside(first, after)`` counts them, asked only when the filter leaves a side open)."""
    if not span.get("lo"):
        return {"lo": None, "hi": None, "unit": "month", "periods": [], "outside": 0}
    unit = period_unit(span["lo"], span["hi"])
    first = _trunc(dt.date.fromisoformat(span["lo"]), unit)
    periods = period_range(first, span["hi"], unit)
    after = _step(dt.date.fromisoformat(periods[-1]), unit) if periods else first
    n = 0 if (f.start and f.end) else int((outside(first, after) or {}).get("n") or 0)
    return {"lo": first.isoformat(), "hi": (after - dt.timedelta(days=1)).isoformat(), "unit": unit,
            "periods": periods, "outside": n}


def _rolled_span(cur: duckdb.DuckDBPyConnection, f: Filters, r: Rolled) -> Row:
    """:func:`chart_span` over ``rollup_days``: the 2nd percentile of the mentions' dates from their
    counts per day (``quantile_disc`` takes the value at index floor((n - 1) q) of the sorted dates)."""
    hi = "max(day)" if f.end else ("max(day) FILTER (WHERE day <= (SELECT max(published) FROM articles)"
                                    " + INTERVAL 31 DAY OR (SELECT max(published) FROM articles) IS NULL)")
    lo = ("min(day)" if f.start else
          "coalesce(min(day) FILTER (WHERE recent > 0 AND cum > floor((n - 1) * 0.02)), min(day))")
    span = one(cur, f"""
        WITH d AS (SELECT day, sum({r.r}) AS recent FROM rollup_days
                   WHERE {r.where} AND day IS NOT NULL AND {r.m} > 0 GROUP BY day),
        c AS (SELECT day, recent, sum(recent) OVER (ORDER BY day) AS cum, sum(recent) OVER () AS n FROM d)
        SELECT {lo} AS lo, {hi} AS hi FROM c""", r.params) or {}
    return _periods(span, f, lambda first, after: one(
        cur, f"SELECT CAST(coalesce(sum({r.h}), 0) AS BIGINT) AS n FROM rollup_days"
             f" WHERE {r.where} AND (day < ? OR day >= ?)", r.params + [first, after]))


def timeline(cur: duckdb.DuckDBPyConnection, f: Filters) -> Row:
    """Events per period stacked by quad class: ``{unit, periods: [{period, quad1..quad4}], outside, lo, hi}``."""
    r = rolled(cur, f, "rollup_days")
    if r is not None:
        span = _rolled_span(cur, f, r)
        if not span["periods"]:
            return {**span, "periods": []}
        quads = ", ".join(f"CAST(coalesce(sum({r.h}) FILTER (WHERE quad_class = {q}), 0) AS BIGINT) AS quad{q}"
                          for q in (1, 2, 3, 4))
        got = rows(cur, f"""
            SELECT strftime(date_trunc('{span["unit"]}', day), '%Y-%m-%d') AS period, {quads}
            FROM rollup_days WHERE {r.where} AND {r.m} > 0 AND day >= ? AND day <= ?
            GROUP BY 1 ORDER BY 1""", r.params + [span["lo"], span["hi"]])
        return {**span, "periods": fill(span["periods"], got, _ZERO_QUADS)}
    where, params = f.where()
    cnt = counter(cur)
    span = chart_span(cur, f, where, params)
    if not span["periods"]:
        return {**span, "periods": []}
    # a happening's date and code are part of its key, so it falls in one period and one quad class
    got = rows(cur, f"""
        SELECT strftime(date_trunc('{span["unit"]}', date), '%Y-%m-%d') AS period,
               {cnt} FILTER (WHERE quad_class = 1) AS quad1, {cnt} FILTER (WHERE quad_class = 2) AS quad2,
               {cnt} FILTER (WHERE quad_class = 3) AS quad3, {cnt} FILTER (WHERE quad_class = 4) AS quad4
        FROM event_facts WHERE {where} AND date >= ? AND date <= ?
        GROUP BY 1 ORDER BY 1""", params + [span["lo"], span["hi"]])
    return {**span, "periods": fill(span["periods"], got, _ZERO_QUADS)}


def _country_key(side: str) -> str:
    return f"coalesce({side}_country, {side}_igo, {side}_code)"


_CELL = "source_key, target_key, h_pos, h_neg, h_any, m_pos, m_neg, gs_pos, gs_neg, gn_pos, gn_neg"


def dyad_cells(cur: duckdb.DuckDBPyConnection, f: Filters, r: Rolled) -> tuple[str, list[Any]]:
    """The day × dyad rollup cells of ``f``'s days as few rows as can be: the months the filter covers
    whole from ``rollup_dyad_months``, the days of the months it covers in part from ``rollup_dyads``
    (a relation and its parameters; sums over it are the sums over ``rollup_dyads`` itself)."""
    if not has_table(cur, rollups.MONTHS):
        return f"(SELECT {_CELL} FROM rollup_dyads WHERE {r.where})", list(r.params)
    # a month is whole when it starts on or after the start and ends on or before the end
    bounds = [(cond, v) for cond, v in (("{m} >= ?", f.start), ("last_day({m}) <= ?", f.end)) if v]
    whole = " AND ".join(c.format(m="month") for c, _ in bounds) or "TRUE"
    params = [v for _, v in bounds]
    rel = f"SELECT {_CELL} FROM {rollups.MONTHS} WHERE {whole}"
    if not bounds:  # every month whole, and the undated cells
        return f"({rel})", params
    in_whole = " AND ".join(c.format(m="date_trunc('month', day)") for c, _ in bounds)
    return (f"({rel} UNION ALL SELECT {_CELL} FROM rollup_dyads WHERE {r.where} AND NOT ({in_whole}))",
            params + list(r.params) + params)


def top_dyads(cur: duckdb.DuckDBPyConnection, f: Filters, n: int = TOP) -> list[Row]:
    r = rolled(cur, f)
    if r is not None:
        cells, params = dyad_cells(cur, f, r)
        return rows(cur, f"""
            SELECT source_key AS a, target_key AS b, CAST(sum({r.h}) AS BIGINT) AS events,
                   CAST(sum({r.m}) AS BIGINT) AS mentions, {r.goldstein()} AS goldstein
            FROM {cells} AS c WHERE {r.m} > 0 AND source_key IS NOT NULL AND target_key IS NOT NULL
            GROUP BY 1, 2 ORDER BY events DESC, mentions DESC, a, b LIMIT ?""", params + [n])
    where, params = f.where()
    cnt = counter(cur)
    s, t = _country_key("source"), _country_key("target")
    return rows(cur, f"""
        SELECT {s} AS a, {t} AS b, {cnt} AS events, count(*) AS mentions, {MEAN_GOLDSTEIN} AS goldstein
        FROM event_facts WHERE {where} AND {s} IS NOT NULL AND {t} IS NOT NULL
        GROUP BY 1, 2 ORDER BY events DESC, mentions DESC, a, b LIMIT ?""", params + [n])


def top_actors(cur: duckdb.DuckDBPyConnection, f: Filters, n: int = TOP) -> list[Row]:
    """The actor codes (either side) in the most happenings, each with the name it is most often written
    as (a tie goes to the name first in order)."""
    r = rolled(cur, f)
    if r is not None:
        top = rows(cur, f"""SELECT code, CAST(sum({r.h}) AS BIGINT) AS events FROM rollup_actors
            WHERE {r.where} AND {r.h} > 0 GROUP BY code ORDER BY events DESC, code LIMIT ?""", r.params + [n])
        names = cur.execute(f"""SELECT code, name, sum({r.m}) FROM rollup_actor_names
            WHERE {r.where} AND {r.m} > 0 AND code IN (SELECT unnest(CAST(? AS VARCHAR[]))) GROUP BY code, name""",
                            r.params + [[t["code"] for t in top]]).fetchall()
        return _named(top, names)
    where, params = f.where()
    sides = f"""WITH ev AS (SELECT {HAP} AS hap, source_code, source_name, target_code, target_name
                    FROM event_facts WHERE {where}),
        sides AS (SELECT hap, source_code AS code, source_name AS name FROM ev
                  UNION ALL SELECT hap, target_code, target_name FROM ev)"""
    top = rows(cur, f"""{sides} SELECT code, {counter(cur, "hap")} AS events FROM sides WHERE code IS NOT NULL
        GROUP BY code ORDER BY events DESC, code LIMIT ?""", params + [n])
    names = cur.execute(f"""{sides} SELECT code, name, count(*) FROM sides WHERE name IS NOT NULL
        AND code IN (SELECT unnest(CAST(? AS VARCHAR[]))) GROUP BY code, name""",
                        params + [[t["code"] for t in top]]).fetchall()
    return _named(top, names)


def _named(top: list[Row], names: list[tuple]) -> list[Row]:
    """``top`` rows (code, events) with the commonest name of each code, a tie broken by the name."""
    best: dict[str, tuple[int, str]] = {}
    for code, name, n in names:
        if code not in best or (-int(n), name) < (-best[code][0], best[code][1]):
            best[code] = (int(n), name)
    return [{"code": t["code"], "name": best[t["code"]][1] if t["code"] in best else None, "events": t["events"]}
            for t in top]


def countries(cur: duckdb.DuckDBPyConnection, f: Filters) -> list[Row]:
    """Events per country (where it happened, else its source's country), with the map's numeric id."""
    r = rolled(cur, f)
    if r is not None:
        got = rows(cur, f"""
            SELECT place_key AS iso3, CAST(sum({r.h}) AS BIGINT) AS events, {r.goldstein()} AS goldstein
            FROM rollup_places WHERE {r.where} AND {r.m} > 0 AND place_key IS NOT NULL
            GROUP BY 1 ORDER BY events DESC, iso3""", r.params)
    else:
        where, params = f.where()
        got = rows(cur, f"""
            SELECT coalesce(location_country, source_country) AS iso3, {counter(cur)} AS events,
                   {MEAN_GOLDSTEIN} AS goldstein
            FROM event_facts WHERE {where} AND coalesce(location_country, source_country) IS NOT NULL
            GROUP BY 1 ORDER BY events DESC, iso3""", params)
    numeric, names = iso3_numeric(), country_names()
    for r in got:
        r["id"] = numeric.get(r["iso3"])
        r["name"] = names.get(r["iso3"], r["iso3"])
    return got


EVENT_LIST = """article_id, idx, CAST(happening_id AS VARCHAR) AS happening_id, date, source_code, source_name,
    cameo, target_code, target_name, quad_class, goldstein, plover_type, modality, negated, trigger, sentence,
    location_name, location_country, confidence"""


def top_rows(cur: duckdb.DuckDBPyConnection, where: str, params: list[Any], order: str, n: int,
             rel: str = "event_facts") -> list[Row]:
    """The first ``n`` event rows in ``order``, in two steps: the keys are sorted without the view's
    happening id (an md5 per row), then only those rows are read whole."""
    keys = cur.execute(f"SELECT article_id, idx FROM {rel} WHERE {where} ORDER BY {order} LIMIT ?",
                       params + [n]).fetchall()
    if not keys:
        return []
    ids = sorted({a for a, _ in keys})
    # a list of constants (not a subquery: that is a join, a scan of every event) is looked up in the
    # article id index of migration 010
    got = rows(cur, f"SELECT {EVENT_LIST} FROM event_facts WHERE article_id IN ({', '.join('?' * len(ids))})", ids)
    by_key = {(r["article_id"], r["idx"]): r for r in got}
    return [by_key[k] for k in keys if k in by_key]


# Read event_keys (accord/rollups.py) when a filter touches only what it holds; tests turn this off to
# check that both ways give the same rows.
USE_KEYS = True


def keyed(cur: duckdb.DuckDBPyConnection, f: Filters) -> str:
    """The relation that finds the event rows of ``f`` in order: ``event_keys`` (one narrow row per event:
    key, date, negated, CAMEO code, quad class) when the filter touches nothing else and it is up to
    date, else ``event_facts``. ``f.where()`` reads the same over both."""
    rest = f.with_(start=None, end=None, negated="include", cameo=None, quad=None)
    if USE_KEYS and rest.where()[0] == "TRUE" and rollups.keys_fresh(cur):
        return rollups.KEYS
    return "event_facts"


def latest(cur: duckdb.DuckDBPyConnection, f: Filters, n: int = TOP) -> list[Row]:
    where, params = f.where()
    return top_rows(cur, where, params, "date DESC NULLS LAST, article_id, idx", n, keyed(cur, f))


def surges(cur: duckdb.DuckDBPyConnection, f: Filters, n: int = TOP, factor: float = 2.0,
           min_events: int = 3) -> list[Row]:
    """Countries and dyads whose last 7 days (to the last event in the filter) hold at least
    ``min_events`` events and ``factor`` times their weekly average over the 4 weeks before.

    Only the last 35 days are read (one pass for the last date, then that window). A happening counts
    for the country where it took place, else its source's country."""
    r = rolled(cur, f)
    if r is not None:
        return _rolled_surges(cur, r, n, factor, min_events)
    where, params = f.where()
    cnt = counter(cur, "hap")
    s, t = _country_key("source"), _country_key("target")
    hi = one(cur, f"SELECT max(date) AS hi FROM event_facts WHERE {where}", params) or {}
    if not hi.get("hi"):
        return []
    return rows(cur, f"""
        WITH ev AS (SELECT {HAP} AS hap, date, {s} AS s, {t} AS t, coalesce(location_country, source_country) AS c,
                           date > CAST(? AS DATE) - INTERVAL 7 DAY AS recent
                    FROM event_facts WHERE {where} AND date > CAST(? AS DATE) - INTERVAL 35 DAY),
        keyed AS (SELECT 'country' AS kind, c AS key, hap, recent FROM ev WHERE c IS NOT NULL
                  UNION ALL SELECT 'dyad', s || ' → ' || t, hap, recent FROM ev WHERE s IS NOT NULL AND t IS NOT NULL),
        counted AS (SELECT kind, key, {cnt} FILTER (WHERE recent) AS last_week,
                           {cnt} FILTER (WHERE NOT recent) / 4.0 AS weekly_before
                    FROM keyed GROUP BY kind, key)
        SELECT kind, key, last_week, round(weekly_before, 2) AS weekly_before,
               round(last_week / greatest(weekly_before, 0.5), 1) AS ratio
        FROM counted WHERE last_week >= ? AND last_week >= ? * weekly_before
        ORDER BY ratio DESC, last_week DESC, key LIMIT ?""", [hi["hi"]] + params + [hi["hi"], min_events, factor, n])


def _rolled_surges(cur: duckdb.DuckDBPyConnection, r: Rolled, n: int, factor: float, min_events: int) -> list[Row]:
    """:func:`surges` over ``rollup_places`` and ``rollup_dyads`` (a happening lies in one day)."""
    hi = (one(cur, f"SELECT max(day) AS hi FROM rollup_days WHERE {r.where} AND {r.m} > 0", r.params) or {}).get("hi")
    if not hi:
        return []
    window = f"{r.where} AND {r.h} > 0 AND day > CAST(? AS DATE) - INTERVAL 35 DAY"
    recent = "day > CAST(? AS DATE) - INTERVAL 7 DAY AS recent"
    return rows(cur, f"""
        WITH keyed AS (SELECT 'country' AS kind, place_key AS key, {r.h} AS h, {recent}
                       FROM rollup_places WHERE {window} AND place_key IS NOT NULL
                       UNION ALL SELECT 'dyad', source_key || ' → ' || target_key, {r.h}, {recent}
                       FROM rollup_dyads WHERE {window} AND source_key IS NOT NULL AND target_key IS NOT NULL),
        counted AS (SELECT kind, key, CAST(coalesce(sum(h) FILTER (WHERE recent), 0) AS BIGINT) AS last_week,
                           CAST(coalesce(sum(h) FILTER (WHERE NOT recent), 0) AS BIGINT) / 4.0 AS weekly_before
                    FROM keyed GROUP BY kind, key)
        SELECT kind, key, last_week, round(weekly_before, 2) AS weekly_before,
               round(last_week / greatest(weekly_before, 0.5), 1) AS ratio
        FROM counted WHERE last_week >= ? AND last_week >= ? * weekly_before
        ORDER BY ratio DESC, last_week DESC, key LIMIT ?""",
                [hi] + r.params + [hi, hi] + r.params + [hi, min_events, factor, n])


# ------------------------------------------------------------------------------------- events


@dataclass(frozen=True, slots=True)
class Cursor:
    """Keyset position: the last row shown (date, article id, idx) in the order date desc, id, idx."""

    date: str
    article_id: str
    idx: int

    def encode(self) -> str:
        raw = json.dumps([self.date, self.article_id, self.idx]).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str) -> Cursor:
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
            d, a, i = json.loads(raw)
            dt.date.fromisoformat(d)
            return cls(str(d), str(a), int(i))
        except (ValueError, TypeError, json.JSONDecodeError):
            raise BadParam("after", "not a page token from this server") from None


_NO_DATE = "0001-01-01"
_SORT = f"coalesce(date, DATE '{_NO_DATE}')"


def events_page(cur: duckdb.DuckDBPyConnection, f: Filters, after: Cursor | None = None,
                limit: int = PAGE) -> tuple[list[Row], str | None]:
    """One page of event mentions, newest first, and the token of the next page (None on the last)."""
    where, params = f.where()
    if after is not None:
        where += f" AND ({_SORT} < ? OR ({_SORT} = ? AND (article_id > ? OR (article_id = ? AND idx > ?))))"
        d = dt.date.fromisoformat(after.date)
        params += [d, d, after.article_id, after.article_id, after.idx]
    got = top_rows(cur, where, params, f"{_SORT} DESC, article_id, idx", limit + 1, keyed(cur, f))
    if len(got) <= limit:
        return got, None
    got = got[:limit]
    last = got[-1]
    return got, Cursor(last["date"] or _NO_DATE, last["article_id"], int(last["idx"])).encode()


def count_events(cur: duckdb.DuckDBPyConnection, f: Filters) -> Row:
    r = rolled(cur, f, "rollup_days")
    if r is not None:
        return one(cur, f"SELECT CAST(coalesce(sum({r.m}), 0) AS BIGINT) AS mentions,"
                        f" CAST(coalesce(sum({r.h}), 0) AS BIGINT) AS events FROM rollup_days WHERE {r.where}",
                   r.params) or {}
    where, params = f.where()
    cnt = counter(cur)
    return one(cur, f"SELECT count(*) AS mentions, {cnt} AS events FROM event_facts"
                    f" WHERE {where}", params) or {}


FACETS = {
    "cameo_root": "cameo_root",
    "plover": "plover_type",
    "quad": "quad_class",
    "source": "source_country",
    "target": "target_country",
    "modality": "coalesce(modality, 'asserted')",
}


def facet(cur: duckdb.DuckDBPyConnection, f: Filters, name: str, n: int = 12) -> list[Row]:
    """Counts of events per value of one facet (see FACETS)."""
    if name not in FACETS:
        raise BadParam("facet", f"must be one of {', '.join(FACETS)}")
    r = rolled(cur, f, "rollup_days") if name in ("cameo_root", "quad") else None
    if r is not None:
        return rows(cur, f"""SELECT CAST({FACETS[name]} AS VARCHAR) AS value, CAST(sum({r.h}) AS BIGINT) AS events
            FROM rollup_days WHERE {r.where} AND {r.m} > 0 AND {FACETS[name]} IS NOT NULL GROUP BY 1
            ORDER BY events DESC, value LIMIT ?""", r.params + [n])
    where, params = f.where()
    cnt = counter(cur)
    # the source and target countries are in event_sides, a fraction of the events' width
    rel = rollups.SIDES if name in ("source", "target") and _sided(cur, f, dyad=False) else "event_facts"
    return rows(cur, f"""SELECT CAST({FACETS[name]} AS VARCHAR) AS value, {cnt} AS events
        FROM {rel} WHERE {where} AND {FACETS[name]} IS NOT NULL GROUP BY 1 ORDER BY events DESC, value
        LIMIT ?""", params + [n])


# ------------------------------------------------------------------------------------- one event


def event(cur: duckdb.DuckDBPyConnection, article_id: str, idx: int) -> Row | None:
    return one(cur, "SELECT *, CAST(happening_id AS VARCHAR) AS happening_id FROM event_facts"
                    " WHERE article_id = ? AND idx = ?", [article_id, idx])


def _happening_articles(cur: duckdb.DuckDBPyConnection, happening_id: Any) -> list[str] | None:
    """The articles with an event row of the happening ``happening_id``, from ``event_keys`` (a scan of
    one BIGINT column); None when it cannot say (no event_keys, or not up to date)."""
    if not USE_KEYS or happening_id is None or not rollups.keys_fresh(cur):
        return None
    got = cur.execute(f"SELECT DISTINCT article_id FROM {rollups.KEYS} WHERE happening_id = ?",
                      [int(happening_id)]).fetchall()
    return sorted(r[0] for r in got)


def _among(ids: list[str] | None) -> tuple[str, list[Any]]:
    """A condition on ``article_id``: one of ``ids`` (constants, so the article id index is used)."""
    if ids is None:
        return "TRUE", []
    return (f"article_id IN ({', '.join('?' * len(ids))})" if ids else "FALSE"), list(ids)


def mentions(cur: duckdb.DuckDBPyConnection, key: Row, limit: int = 200) -> list[Row]:
    """Every mention of the happening of ``key`` (a row with source_code, target_code, cameo, date),
    found by the happening's key, which DuckDB can filter on before it computes the view's ids.

    With both codes known, every row of that key has the key's happening id (the md5 of the key), so
    only the articles ``event_keys`` gives for the id are searched; an actor with no code is keyed by
    its name in the id but not here, so then every event is searched, as before."""
    ids = (_happening_articles(cur, key.get("happening_id"))
           if key.get("source_code") is not None and key.get("target_code") is not None else None)
    among, among_params = _among(ids)
    return rows(cur, f"""SELECT {EVENT_LIST}, url FROM event_facts
        WHERE {among} AND cameo = ? AND source_code IS NOT DISTINCT FROM ? AND target_code IS NOT DISTINCT FROM ?
          AND date IS NOT DISTINCT FROM CAST(? AS DATE)
        ORDER BY published NULLS LAST, article_id, idx LIMIT ?""",
                among_params + [key["cameo"], key.get("source_code"), key.get("target_code"), key.get("date"), limit])


def _view_sql(cur: duckdb.DuckDBPyConnection, name: str) -> str | None:
    """The SELECT of the store's view ``name`` (as the migrations defined it), or None."""
    got = cur.execute("SELECT sql FROM duckdb_views() WHERE view_name = ? AND schema_name = 'main'"
                      " AND database_name = current_database()", [name]).fetchall()
    if not got:
        return None
    sql = got[0][0].strip().rstrip(";")
    head = f"CREATE VIEW {name} AS "
    return sql[len(head):] if sql.upper().startswith(head.upper()) else None


def happening(cur: duckdb.DuckDBPyConnection, happening_id: int) -> Row | None:
    """The row of the ``happenings`` view for ``happening_id``. The view groups every event row by an
    md5 id; with ``event_keys`` the store's own view is run over the events of the happening's articles
    only (the view's text, so the same definition; every row it groups into this id is among them)."""
    ids = _happening_articles(cur, happening_id)
    body = _view_sql(cur, "happenings") if ids is not None else None
    if ids is None or body is None:
        return one(cur, "SELECT *, CAST(happening_id AS VARCHAR) AS happening_id FROM happenings"
                        " WHERE happening_id = ?", [happening_id])
    if not ids:
        return None
    among, params = _among(ids)
    return one(cur, f"""WITH event_facts AS (SELECT * FROM main.event_facts WHERE {among}),
        article_docs AS (SELECT * FROM main.article_docs WHERE {among})
        SELECT *, CAST(happening_id AS VARCHAR) AS happening_id FROM ({body}) AS h WHERE happening_id = ?""",
               params + params + [happening_id])


def parse_happening_id(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise BadParam("happening", f"not a happening id: {value[:40]!r}") from None
    if not 0 <= n < 2**63:
        raise BadParam("happening", "out of range")
    return n


# ------------------------------------------------------------------------------------- article


def article(cur: duckdb.DuckDBPyConnection, article_id: str) -> Row | None:
    """The article with its events, quotes, amounts, places and duplicates."""
    a = one(cur, "SELECT id, source, url, title, published, text, language, language_reason, status, error,"
                 " words, tone, removed, ingested_at FROM articles WHERE id = ?", [article_id])
    if a is None:
        return None
    a["events"] = rows(cur, "SELECT idx, span_start, span_end, sentence_start, sentence_end, source_code,"
                            " source_name, target_code, target_name, cameo, plover_type, quad_class, goldstein,"
                            " negated, modality, trigger, rule, CAST(happening_id AS VARCHAR) AS happening_id, date,"
                            " confidence FROM event_facts WHERE article_id = ? ORDER BY idx", [article_id])
    a["quotes"] = rows(cur, "SELECT idx, speaker_name, speaker_code, text, span_start, span_end, how FROM quotes"
                            " WHERE article_id = ? ORDER BY idx", [article_id])
    a["amounts"] = rows(cur, "SELECT idx, value, unit, text, about, kind, span_start, span_end FROM amounts"
                             " WHERE article_id = ? ORDER BY idx", [article_id])
    a["places"] = rows(cur, "SELECT idx, name, country, kind, lat, lon, span_start, span_end FROM locations"
                            " WHERE article_id = ? ORDER BY idx", [article_id])
    a["duplicates"] = rows(cur, "SELECT input_id, source, url, kind, similarity FROM article_sources"
                                " WHERE article_id = ? AND kind <> 'original' ORDER BY input_id", [article_id])
    return a


# ------------------------------------------------------------------------------------- dyad, actor, country


def dyad_sides(f: Filters, a: str, b: str) -> dict[str, tuple[str, list[Any]]]:
    """WHERE conditions of each direction (``ab``: a → b, ``ba``) and of both (``both``)."""
    where, params = f.with_(actor=None).where()
    cond = ("(source_country = ? OR upper(source_igo) = ? OR starts_with(source_code, ?)) AND"
            " (target_country = ? OR upper(target_igo) = ? OR starts_with(target_code, ?))")
    sides = {name: (f"{where} AND {cond}", params + [x] * 3 + [y] * 3) for name, (x, y) in
             {"ab": (a, b), "ba": (b, a)}.items()}
    sides["both"] = (f"({sides['ab'][0]}) OR ({sides['ba'][0]})", sides["ab"][1] + sides["ba"][1])
    return sides


def dyad_span(cur: duckdb.DuckDBPyConnection, f: Filters, a: str, b: str, rel: str = "event_facts") -> Row:
    """The dyad chart's span (see :func:`chart_span`), both directions."""
    where, params = dyad_sides(f, a, b)["both"]
    return chart_span(cur, f, f"({where})", params, rel)


def dyad_series(cur: duckdb.DuckDBPyConnection, f: Filters, a: str, b: str, side: str, span: Row,
                rel: str = "event_facts") -> list[Row]:
    """One direction (``ab`` or ``ba``) per period: events by quad class, mean Goldstein of happenings."""
    where, params = dyad_sides(f, a, b)[side]
    unit = span["unit"]
    got = rows(cur, f"""
        WITH hap AS (SELECT {HAP} AS hap, any_value(date) AS date, any_value(quad_class) AS q,
                            any_value(goldstein) AS g FROM {rel} WHERE {where} AND date IS NOT NULL
                     GROUP BY hap)
        SELECT strftime(date_trunc('{unit}', date), '%Y-%m-%d') AS period, count(*) AS events,
               count(*) FILTER (WHERE q = 1) AS quad1, count(*) FILTER (WHERE q = 2) AS quad2,
               count(*) FILTER (WHERE q = 3) AS quad3, count(*) FILTER (WHERE q = 4) AS quad4,
               {MEAN_GOLDSTEIN.replace("goldstein", "g")} AS goldstein
        FROM hap GROUP BY 1 ORDER BY 1""", params)
    return fill(span["periods"], got, {"events": 0, **_ZERO_QUADS, "goldstein": None})


def dyad_roots(cur: duckdb.DuckDBPyConnection, f: Filters, a: str, b: str, span: Row,
               rel: str = "event_facts") -> list[Row]:
    """Events per period and CAMEO root, both directions."""
    where, params = dyad_sides(f, a, b)["both"]
    return rows(cur, f"""
        SELECT strftime(date_trunc('{span["unit"]}', date), '%Y-%m-%d') AS period, cameo_root AS root,
               {counter(cur)} AS events
        FROM {rel} WHERE ({where}) AND date IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2""", params)


def dyad_events(cur: duckdb.DuckDBPyConnection, f: Filters, a: str, b: str, rel: str = "event_facts") -> list[Row]:
    where, params = dyad_sides(f, a, b)["both"]
    return top_rows(cur, f"({where})", params, "date DESC NULLS LAST, article_id, idx", 100, rel)


_DYAD_COLUMNS = """article_id, idx, date, historical, source_code, source_country, source_igo, target_code,
    target_country, target_igo, cameo, cameo_root, quad_class, goldstein"""


def _filter_columns(f: Filters) -> str:
    """The columns ``f.where()`` reads beyond those of :data:`_DYAD_COLUMNS`."""
    need = [("negated", f.negated != "include"), ("location_country", bool(f.country)),
            ("plover_type", bool(f.plover)), ("modality", bool(f.modality)), ("confidence", bool(f.min_conf)),
            ("sentence", bool(f.q)), ("happening_id", (f.min_mentions or 0) > 1)]
    return "".join(f", {c}" for c, used in need if used)


def _side_terms(side: str, x: str) -> list[tuple[str, list[Any]]]:
    """The three ways a side matches ``x`` (see :func:`dyad_sides`), each a condition DuckDB pushes into a
    scan: the code prefix as the range of codes it starts (``x`` is letters and digits, so the code after
    every code starting with ``x`` is ``x`` with its last character raised by one), kept exact by
    ``starts_with``; the organisation only where there is one."""
    after = x[:-1] + chr(ord(x[-1]) + 1)
    return [(f"{side}_country = ?", [x]), (f"{side}_igo IS NOT NULL AND upper({side}_igo) = ?", [x]),
            (f"{side}_code >= ? AND {side}_code < ? AND starts_with({side}_code, ?)", [x, after, x])]


def _sided(cur: duckdb.DuckDBPyConnection, f: Filters, dyad: bool = True) -> bool:
    """Whether the dyad of ``f`` (which leaves out the actor filter), or with ``dyad=False`` anything of
    ``f``, can be read from ``event_sides``: the filter touches only what it holds (dates, negated, CAMEO
    code, quad class) and it is up to date."""
    rest = f.with_(actor=None if dyad else f.actor, start=None, end=None, negated="include", cameo=None, quad=None)
    return USE_KEYS and rest.where()[0] == "TRUE" and rollups.keys_fresh(cur, rollups.SIDES)


def _sided_rows(f: Filters, a: str, b: str, cols: str) -> tuple[str, list[Any]]:
    """The dyad's rows from ``event_sides`` as a UNION of conjunctive reads, one per way each side can
    match, in each direction (the OR of :func:`dyad_sides`, which DuckDB cannot push into the scan, spelt
    as conditions it can; the table is sorted by the sides, so each read skips all but a few row groups)."""
    where, params = f.with_(actor=None).where()
    parts, args = [], []
    for x, y in ((a, b), (b, a)):
        for s_cond, s_args in _side_terms("source", x):
            for t_cond, t_args in _side_terms("target", y):
                parts.append(f"SELECT {cols} FROM {rollups.SIDES} WHERE {where} AND {s_cond} AND {t_cond}")
                args += params + s_args + t_args
    return " UNION ".join(parts), args


def dyad(cur: duckdb.DuckDBPyConnection, f: Filters, a: str, b: str) -> Row:
    """Both directions of a dyad: per period, events by quad class and mean Goldstein; CAMEO roots over
    time; the latest events.

    The dyad's event rows (both directions, the filter applied) are read once, and every part is
    computed over them: the side conditions cannot be pushed into a scan of the events (an OR of
    country, organisation and code prefix), so each part reading the events itself would scan them all
    again (five scans: seconds at ten million rows). With ``event_sides`` (migration 011) the one read is
    a union of pushed-down reads of a table sorted by the sides (:func:`_sided_rows`)."""
    where, params = dyad_sides(f, a, b)["both"]
    name = "_accord_dyad_rows"
    # only the columns the parts and the filter read: DuckDB cannot skip the other columns of rows an
    # OR condition rejects, so every column read costs a pass over all the events (the sentence most)
    cols = _DYAD_COLUMNS + _filter_columns(f)
    with warnings.catch_warnings():  # the copy it warns of is of the dyad's rows only
        warnings.filterwarnings("ignore", "Arrow output on a DB-API result")
        if _sided(cur, f):  # the same rows, from the copy of the sides sorted for this read
            sql, args = _sided_rows(f, a, b, cols)
            got = cur.execute(sql, args).to_arrow_table()
        else:
            got = cur.execute(f"SELECT {cols} FROM event_facts WHERE ({where})", params).to_arrow_table()
    cur.register(name, got)
    try:
        span = dyad_span(cur, f, a, b, name)
        return {"a": a, "b": b, **span, "ab": dyad_series(cur, f, a, b, "ab", span, name),
                "ba": dyad_series(cur, f, a, b, "ba", span, name), "roots": dyad_roots(cur, f, a, b, span, name),
                "events": dyad_events(cur, f, a, b, name)}
    finally:
        cur.unregister(name)


def actor_profile(cur: duckdb.DuckDBPyConnection, f: Filters, code: str, *, country: bool = False) -> Row:
    """Partners, event types, quotes and places of an actor (code prefix) or a country (ISO3)."""
    if country:
        match_s = "source_country = ?"
        match_t = "target_country = ?"
        quote_match = "speaker_country = ?"
        args = [code]
    else:
        match_s = "(source_country = ? OR upper(source_igo) = ? OR starts_with(source_code, ?))"
        match_t = "(target_country = ? OR upper(target_igo) = ? OR starts_with(target_code, ?))"
        quote_match = "(speaker_country = ? OR upper(speaker_igo) = ? OR starts_with(speaker_code, ?))"
        args = [code] * 3
    where, params = f.with_(actor=None).where()
    cnt = counter(cur)
    s, t = _country_key("source"), _country_key("target")
    partner = f"CASE WHEN {match_s} THEN {t} ELSE {s} END"
    out: Row = {"code": code}
    if country:
        out["name"] = country_names().get(code, code)
    else:
        named = one(cur, f"SELECT mode(name) AS name FROM (SELECT source_name AS name FROM event_facts WHERE {match_s}"
                         f" UNION ALL SELECT target_name FROM event_facts WHERE {match_t})", args + args)
        out["name"] = (named or {}).get("name")
    both = f"({match_s} OR {match_t})"
    out["counts"] = one(cur, f"""SELECT {cnt} FILTER (WHERE {match_s}) AS as_source,
        {cnt} FILTER (WHERE {match_t}) AS as_target, {cnt} AS events
        FROM event_facts WHERE {where} AND {both}""", args + args + params + args + args)
    out["partners"] = rows(cur, f"""SELECT {partner} AS partner, {cnt} AS events,
        {MEAN_GOLDSTEIN} AS goldstein FROM event_facts WHERE {where} AND {both} AND {partner} IS NOT NULL
        GROUP BY 1 ORDER BY events DESC, partner LIMIT 15""", args + params + args + args + args)
    out["types"] = rows(cur, f"""SELECT coalesce(plover_type, 'CAMEO ' || cameo_root) AS type,
        {cnt} AS events FROM event_facts WHERE {where} AND {both}
        GROUP BY 1 ORDER BY events DESC, type""", params + args + args)
    out["places"] = rows(cur, f"""SELECT location_name AS name, location_country AS country,
        any_value(lat) AS lat, any_value(lon) AS lon, {cnt} AS events
        FROM event_facts WHERE {where} AND {both} AND location_name IS NOT NULL
        GROUP BY 1, 2 ORDER BY events DESC, name LIMIT 20""", params + args + args)
    out["quotes"] = rows(cur, f"""SELECT q.article_id, q.idx, q.speaker_name, q.speaker_code, q.text
        FROM quotes q WHERE {quote_match} ORDER BY q.article_id, q.idx LIMIT 20""", args)
    out["events"] = rows(cur, f"SELECT {EVENT_LIST} FROM event_facts WHERE {where} AND {both}"
                              " ORDER BY date DESC NULLS LAST, article_id, idx LIMIT 50", params + args + args)
    return out


# ------------------------------------------------------------------------------------- map, network


def points(cur: duckdb.DuckDBPyConnection, f: Filters, limit: int = 5000) -> list[Row]:
    """Located events (one per happening and place) with their date, for the map's time slider."""
    where, params = f.where()
    return rows(cur, f"""SELECT location_name AS name, location_country AS country, round(lat, 3) AS lat,
        round(lon, 3) AS lon, any_value(date) AS date, any_value(quad_class) AS quad, count(*) AS mentions,
        any_value(cameo) AS cameo, CAST(happening_id AS VARCHAR) AS happening_id
        FROM event_facts WHERE {where} AND lat IS NOT NULL AND lon IS NOT NULL
        GROUP BY happening_id, location_name, location_country, lat, lon ORDER BY date NULLS LAST LIMIT ?""",
                params + [limit])


def network(cur: duckdb.DuckDBPyConnection, f: Filters, edges: int = 150) -> Row:
    """The actor graph of the filter: the heaviest directed edges (actor codes) and their nodes."""
    where, params = f.where()
    cnt = counter(cur)
    links = rows(cur, f"""SELECT source_code AS source, target_code AS target, {cnt} AS events,
        {MEAN_GOLDSTEIN} AS goldstein FROM event_facts
        WHERE {where} AND source_code IS NOT NULL AND target_code IS NOT NULL
        GROUP BY 1, 2 ORDER BY events DESC, source, target LIMIT ?""", params + [edges])
    weight: dict[str, int] = {}
    for e in links:
        for k in ("source", "target"):
            weight[e[k]] = weight.get(e[k], 0) + int(e["events"])
    nodes = [{"id": k, "events": v} for k, v in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))]
    return {"nodes": nodes, "edges": links}


# ------------------------------------------------------------------------------------- sources


def sources(cur: duckdb.DuckDBPyConnection, limit: int = 500) -> Row:
    """The rows of the collector's ``feeds`` table, read generically (its columns are the collector's)."""
    if not has_table(cur, "feeds"):
        return {"available": False, "columns": [], "rows": []}
    got = rows(cur, "SELECT * FROM feeds LIMIT ?", [limit])
    cols = [d[0] for d in cur.execute("SELECT * FROM feeds LIMIT 0").description]
    return {"available": True, "columns": cols, "rows": got}
