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
from dataclasses import dataclass
from functools import cache
from typing import Any

import duckdb

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


def counter(cur: duckdb.DuckDBPyConnection, key: str = HAP) -> str:
    """The SQL that counts happenings: exact, or approximate on a very large store."""
    return f"approx_count_distinct({key})" if approximate(cur) else f"count(DISTINCT {key})"
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


def chart_span(cur: duckdb.DuckDBPyConnection, f: Filters, where: str, params: list[Any]) -> Row:
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
    span = one(cur, f"SELECT {lo} AS lo, {hi} AS hi FROM event_facts WHERE {where} AND date IS NOT NULL",
               params) or {}
    if not span.get("lo"):
        return {"lo": None, "hi": None, "unit": "month", "periods": [], "outside": 0}
    unit = period_unit(span["lo"], span["hi"])
    first = _trunc(dt.date.fromisoformat(span["lo"]), unit)
    periods = period_range(first, span["hi"], unit)
    after = _step(dt.date.fromisoformat(periods[-1]), unit) if periods else first
    outside = 0
    if not (f.start and f.end):
        outside = int((one(cur, f"SELECT {counter(cur)} AS n FROM event_facts WHERE {where}"
                                " AND (date < ? OR date >= ?)", params + [first, after]) or {}).get("n") or 0)
    return {"lo": first.isoformat(), "hi": (after - dt.timedelta(days=1)).isoformat(), "unit": unit,
            "periods": periods, "outside": outside}


def timeline(cur: duckdb.DuckDBPyConnection, f: Filters) -> Row:
    """Events per period stacked by quad class: ``{unit, periods: [{period, quad1..quad4}], outside, lo, hi}``."""
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


def top_dyads(cur: duckdb.DuckDBPyConnection, f: Filters, n: int = TOP) -> list[Row]:
    where, params = f.where()
    cnt = counter(cur)
    s, t = _country_key("source"), _country_key("target")
    return rows(cur, f"""
        SELECT {s} AS a, {t} AS b, {cnt} AS events, count(*) AS mentions,
               round(avg(goldstein), 2) AS goldstein
        FROM event_facts WHERE {where} AND {s} IS NOT NULL AND {t} IS NOT NULL
        GROUP BY 1, 2 ORDER BY events DESC, mentions DESC, a, b LIMIT ?""", params + [n])


def top_actors(cur: duckdb.DuckDBPyConnection, f: Filters, n: int = TOP) -> list[Row]:
    where, params = f.where()
    n_hap = counter(cur, "hap")
    return rows(cur, f"""
        WITH ev AS (SELECT {HAP} AS hap, source_code, source_name, target_code, target_name
                    FROM event_facts WHERE {where}),
        sides AS (SELECT hap, source_code AS code, source_name AS name FROM ev
                  UNION ALL SELECT hap, target_code, target_name FROM ev)
        SELECT code, mode(name) AS name, {n_hap} AS events
        FROM sides WHERE code IS NOT NULL GROUP BY code ORDER BY events DESC, code LIMIT ?""", params + [n])


def countries(cur: duckdb.DuckDBPyConnection, f: Filters) -> list[Row]:
    """Events per country (where it happened, else its source's country), with the map's numeric id."""
    where, params = f.where()
    cnt = counter(cur)
    got = rows(cur, f"""
        SELECT coalesce(location_country, source_country) AS iso3, {cnt} AS events,
               round(avg(goldstein), 2) AS goldstein
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


def top_rows(cur: duckdb.DuckDBPyConnection, where: str, params: list[Any], order: str, n: int) -> list[Row]:
    """The first ``n`` event rows in ``order``, in two steps: the keys are sorted without the view's
    happening id (an md5 per row), then only those rows are read whole."""
    keys = cur.execute(f"SELECT article_id, idx FROM event_facts WHERE {where} ORDER BY {order} LIMIT ?",
                       params + [n]).fetchall()
    if not keys:
        return []
    got = rows(cur, f"SELECT {EVENT_LIST} FROM event_facts WHERE article_id IN (SELECT unnest(?))",
               [sorted({a for a, _ in keys})])
    by_key = {(r["article_id"], r["idx"]): r for r in got}
    return [by_key[k] for k in keys if k in by_key]


def latest(cur: duckdb.DuckDBPyConnection, f: Filters, n: int = TOP) -> list[Row]:
    where, params = f.where()
    return top_rows(cur, where, params, "date DESC NULLS LAST, article_id, idx", n)


def surges(cur: duckdb.DuckDBPyConnection, f: Filters, n: int = TOP, factor: float = 2.0,
           min_events: int = 3) -> list[Row]:
    """Countries and dyads whose last 7 days (to the last event in the filter) hold at least
    ``min_events`` events and ``factor`` times their weekly average over the 4 weeks before.

    Only the last 35 days are read (one pass for the last date, then that window). A happening counts
    for the country where it took place, else its source's country."""
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
    got = top_rows(cur, where, params, f"{_SORT} DESC, article_id, idx", limit + 1)
    if len(got) <= limit:
        return got, None
    got = got[:limit]
    last = got[-1]
    return got, Cursor(last["date"] or _NO_DATE, last["article_id"], int(last["idx"])).encode()


def count_events(cur: duckdb.DuckDBPyConnection, f: Filters) -> Row:
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
    where, params = f.where()
    cnt = counter(cur)
    return rows(cur, f"""SELECT CAST({FACETS[name]} AS VARCHAR) AS value, {cnt} AS events
        FROM event_facts WHERE {where} AND {FACETS[name]} IS NOT NULL GROUP BY 1 ORDER BY events DESC, value
        LIMIT ?""", params + [n])


# ------------------------------------------------------------------------------------- one event


def event(cur: duckdb.DuckDBPyConnection, article_id: str, idx: int) -> Row | None:
    return one(cur, "SELECT *, CAST(happening_id AS VARCHAR) AS happening_id FROM event_facts"
                    " WHERE article_id = ? AND idx = ?", [article_id, idx])


def mentions(cur: duckdb.DuckDBPyConnection, key: Row, limit: int = 200) -> list[Row]:
    """Every mention of the happening of ``key`` (a row with source_code, target_code, cameo, date),
    found by the happening's key, which DuckDB can filter on before it computes the view's ids."""
    return rows(cur, f"""SELECT {EVENT_LIST}, url FROM event_facts
        WHERE cameo = ? AND source_code IS NOT DISTINCT FROM ? AND target_code IS NOT DISTINCT FROM ?
          AND date IS NOT DISTINCT FROM CAST(? AS DATE)
        ORDER BY published NULLS LAST, article_id, idx LIMIT ?""",
                [key["cameo"], key.get("source_code"), key.get("target_code"), key.get("date"), limit])


def happening(cur: duckdb.DuckDBPyConnection, happening_id: int) -> Row | None:
    return one(cur, "SELECT *, CAST(happening_id AS VARCHAR) AS happening_id FROM happenings"
                    " WHERE happening_id = ?", [happening_id])


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


def dyad_span(cur: duckdb.DuckDBPyConnection, f: Filters, a: str, b: str) -> Row:
    """The dyad chart's span (see :func:`chart_span`), both directions."""
    where, params = dyad_sides(f, a, b)["both"]
    return chart_span(cur, f, f"({where})", params)


def dyad_series(cur: duckdb.DuckDBPyConnection, f: Filters, a: str, b: str, side: str, span: Row) -> list[Row]:
    """One direction (``ab`` or ``ba``) per period: events by quad class, mean Goldstein of happenings."""
    where, params = dyad_sides(f, a, b)[side]
    unit = span["unit"]
    got = rows(cur, f"""
        WITH hap AS (SELECT {HAP} AS hap, any_value(date) AS date, any_value(quad_class) AS q,
                            any_value(goldstein) AS g FROM event_facts WHERE {where} AND date IS NOT NULL
                     GROUP BY hap)
        SELECT strftime(date_trunc('{unit}', date), '%Y-%m-%d') AS period, count(*) AS events,
               count(*) FILTER (WHERE q = 1) AS quad1, count(*) FILTER (WHERE q = 2) AS quad2,
               count(*) FILTER (WHERE q = 3) AS quad3, count(*) FILTER (WHERE q = 4) AS quad4,
               round(avg(g), 2) AS goldstein
        FROM hap GROUP BY 1 ORDER BY 1""", params)
    return fill(span["periods"], got, {"events": 0, **_ZERO_QUADS, "goldstein": None})


def dyad_roots(cur: duckdb.DuckDBPyConnection, f: Filters, a: str, b: str, span: Row) -> list[Row]:
    """Events per period and CAMEO root, both directions."""
    where, params = dyad_sides(f, a, b)["both"]
    return rows(cur, f"""
        SELECT strftime(date_trunc('{span["unit"]}', date), '%Y-%m-%d') AS period, cameo_root AS root,
               {counter(cur)} AS events
        FROM event_facts WHERE ({where}) AND date IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2""", params)


def dyad_events(cur: duckdb.DuckDBPyConnection, f: Filters, a: str, b: str) -> list[Row]:
    where, params = dyad_sides(f, a, b)["both"]
    return top_rows(cur, f"({where})", params, "date DESC NULLS LAST, article_id, idx", 100)


def dyad(cur: duckdb.DuckDBPyConnection, f: Filters, a: str, b: str) -> Row:
    """Both directions of a dyad: per period, events by quad class and mean Goldstein; CAMEO roots over
    time; the latest events (the API runs these parts concurrently)."""
    span = dyad_span(cur, f, a, b)
    return {"a": a, "b": b, **span, "ab": dyad_series(cur, f, a, b, "ab", span),
            "ba": dyad_series(cur, f, a, b, "ba", span), "roots": dyad_roots(cur, f, a, b, span),
            "events": dyad_events(cur, f, a, b)}


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
        round(avg(goldstein), 2) AS goldstein FROM event_facts WHERE {where} AND {both} AND {partner} IS NOT NULL
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
        round(avg(goldstein), 2) AS goldstein FROM event_facts
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
