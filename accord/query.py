"""Questions asked of the store: event lists, dyad series, panels, top dyads, the actor network.

Every function takes ``db`` (a path to an accord DuckDB file, or an open DuckDB connection) and returns
a pandas DataFrame. The SQL works on the views of ``migrations/002_happenings.sql`` and
``004_event_dates.sql``:

- an *event* is a happening (same source code, target code, CAMEO code and date, however many articles
  report it); counts are of happenings unless ``count="mentions"`` is asked for;
- every event has two dates, and ``date_basis`` picks the one periods, ``start``/``end`` and ordering
  use: ``"reported"`` (the default: its article's publication date, a happening's first report, as
  GDELT's DATEADDED) or ``"event"`` (the date it is said to have happened: its own date, else the
  publication date);
- an event dated more than a year before its article is *historical* ("the war that began in 1980"
  in a 1987 report): kept and flagged, counted by report date, but left out of ``"event"``-dated
  results unless ``include_historical=True``;
- negated events ("did not attack") are listed by :func:`events` but never counted;
- every event has a ``confidence`` in [0, 1] (:mod:`accord.confidence`; none on rows stored before
  migration 007): ``min_confidence`` keeps the reports at or above it (rows without one are left out only
  when a threshold is given), and a happening counts when one of its reports is kept.

Actor arguments (``source``, ``target``, ``a``, ``b``) match an ISO3 country (``IRN``), an organisation
acronym (``SCO``) or a prefix of the full actor code (``RUSGOV``, ``IGOUNO``), case-insensitively.

>>> from accord import query
>>> query.dyad_series("news.duckdb", "IRN", "IRQ", by="month", both=True)  # doctest: +SKIP
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pandas as pd

if TYPE_CHECKING:
    import networkx as nx

DB = str | os.PathLike | duckdb.DuckDBPyConnection
DateLike = str | date | None
DATE_BASES = ("reported", "event")  # the column of event_facts each reads: reported, date

# Period label formats; the week label is the ISO week's Monday, so every label parses as a date.
PERIODS = {"day": "%Y-%m-%d", "week": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
DYAD_COLUMNS = ["period", "events", "quad1", "quad2", "quad3", "quad4", "goldstein_sum", "goldstein_mean",
                "tone_mean"]
_VIEWS = ("article_docs", "event_facts", "happenings")
_VIEW_MIGRATIONS = ("002_happenings.sql", "004_event_dates.sql")
_QUADS = ", ".join(f"count(*) FILTER (WHERE q = {i}) AS quad{i}" for i in range(1, 5))


@contextmanager
def connect(db: DB) -> Iterator[duckdb.DuckDBPyConnection]:
    """An open connection to ``db``: yours if you pass one, else a read-only one closed afterwards.

    Read-only, so analysis can run beside nothing else writing; a store made before the happenings
    or event-dates migrations gets those views as temporary ones for this connection.
    """
    if isinstance(db, duckdb.DuckDBPyConnection):
        ensure_views(db)
        yield db
        return
    path = Path(db)
    if not path.exists():
        raise FileNotFoundError(f"no accord store at {path}")
    con = duckdb.connect(str(path), read_only=True)
    try:
        ensure_views(con)
        yield con
    finally:
        con.close()


def ensure_views(con: duckdb.DuckDBPyConnection) -> None:
    """Make sure ``con`` sees the current analysis views: a store not yet migrated to them (opened
    read-only) gets them as temporary views of this connection; one from before migration 007 gets an
    empty ``confidence`` column in ``event_facts``."""
    have = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}

    def has_column(table: str, column: str, temporary: bool = False) -> bool:
        sql = "SELECT count(*) FROM duckdb_columns() WHERE table_name = ? AND column_name = ?"
        # fetched to the end: DuckDB 2 keeps a half-read result open
        return bool(con.execute(sql + (" AND database_name = 'temp'" if temporary else ""), [table, column]).fetchall()[0][0])

    current = has_column("event_facts", "historical")
    # a view's own column list is fixed when it is made; `e.*` sees columns added later when it is read
    confident = has_column("events", "confidence") or has_column("event_facts", "confidence", temporary=True)
    if all(v in have for v in _VIEWS) and current and confident:
        return
    for name in _VIEW_MIGRATIONS:
        sql = resources.files("accord.migrations").joinpath(name).read_text(encoding="utf-8")
        if not confident:
            sql = sql.replace("    e.*,\n", "    e.*,\n    CAST(NULL AS DOUBLE) AS confidence,\n")
        con.execute(re.sub(r"CREATE (OR REPLACE )?VIEW", "CREATE OR REPLACE TEMP VIEW", sql))


def _df(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> pd.DataFrame:
    return con.execute(sql, params).df()


# ---------------------------------------------------------------------------------------------- filters


def actor_clause(side: str, actor: str, params: list[Any]) -> str:
    """SQL matching ``actor`` on ``side`` ("source" or "target"); appends its parameters to ``params``."""
    if side not in ("source", "target"):
        raise ValueError(f"side must be source or target, not {side!r}")
    value = actor.strip().upper()
    if not value:
        raise ValueError("empty actor")
    params += [value, value, value]
    return f"({side}_country = ? OR upper({side}_igo) = ? OR starts_with({side}_code, ?))"


def range_clauses(start: DateLike, end: DateLike, params: list[Any], column: str = "date") -> list[str]:
    """SQL keeping ``column`` within ``start``..``end`` (either may be None); appends their parameters."""
    out = []
    if start is not None:
        out.append(f"{column} >= CAST(? AS DATE)")
        params.append(str(start))
    if end is not None:
        out.append(f"{column} <= CAST(? AS DATE)")
        params.append(str(end))
    return out


def date_column(date_basis: str) -> str:
    """The column of ``event_facts`` (and ``happenings``) holding the date ``date_basis`` names."""
    if date_basis not in DATE_BASES:
        raise ValueError(f"date basis must be one of {', '.join(DATE_BASES)}, not {date_basis!r}")
    return "reported" if date_basis == "reported" else "date"


def _basis_clauses(date_basis: str, include_historical: bool) -> list[str]:
    """Rows dated on ``date_basis``; historical ones only by report date or when asked for."""
    out = [f"{date_column(date_basis)} IS NOT NULL"]
    if date_basis == "event" and not include_historical:
        out.append("NOT historical")
    return out


def confidence_clauses(min_confidence: float | None, params: list[Any], column: str = "confidence") -> list[str]:
    """SQL keeping rows whose ``column`` is at least ``min_confidence`` (none when it is None); appends
    its parameter. A row without a confidence fails any threshold."""
    if min_confidence is None:
        return []
    value = float(min_confidence)
    if not 0.0 <= value <= 1.0:  # also refuses NaN
        raise ValueError(f"min_confidence must be between 0 and 1, not {min_confidence!r}")
    params.append(value)
    return [f"{column} >= ?"]


def _where(clauses: list[str]) -> str:
    return ("WHERE " + " AND ".join(clauses)) if clauses else ""


def _period_sql(by: str) -> tuple[str, str]:
    if by not in PERIODS:
        raise ValueError(f"by must be one of {', '.join(PERIODS)}, not {by!r}")
    return by, PERIODS[by]


def _periods_cte(by: str, start: DateLike, end: DateLike, params: list[Any], source: str = "ev") -> str:
    """A CTE ``periods(period)`` from --from/--to, else from the min and max dated event in ``source``."""
    params += [None if start is None else str(start), None if end is None else str(end)]
    return f"""
    bounds AS (
        SELECT coalesce(CAST(? AS DATE), min(date)) AS lo, coalesce(CAST(? AS DATE), max(date)) AS hi FROM {source}
    ),
    periods AS (
        SELECT unnest(range(date_trunc('{by}', lo)::TIMESTAMP, date_trunc('{by}', hi)::TIMESTAMP + INTERVAL 1 {by},
                            INTERVAL 1 {by}))::DATE AS period
        FROM bounds WHERE lo IS NOT NULL AND hi IS NOT NULL AND lo <= hi
    )"""


# ---------------------------------------------------------------------------------------------- events


EVENT_COLUMNS = [
    "date", "source_code", "cameo", "target_code", "quad_class", "goldstein", "plover_type", "plover_mode",
    "negated", "modality", "source_name", "source_country", "source_igo", "source_role", "target_name",
    "target_country", "target_igo", "target_role", "plover_context", "event_date", "published", "tone",
    "location_name", "location_country", "location_fips", "lat", "lon", "trigger", "sentence", "rule",
    "article_id", "idx", "url", "happening_id", "reported", "historical", "confidence",
]


def events(
    db: DB,
    source: str | None = None,
    target: str | None = None,
    cameo: str | None = None,
    plover: str | None = None,
    start: DateLike = None,
    end: DateLike = None,
    limit: int | None = None,
    date_basis: str = "reported",
    include_historical: bool = False,
    min_confidence: float | None = None,
) -> pd.DataFrame:
    """Event rows (every mention, negated ones included and flagged), oldest first on ``date_basis``.

    ``cameo`` is a code prefix ("05" = all of root 05); ``plover`` a PLOVER type (AGREE). Every row has
    both dates: ``date`` (when it happened) and ``reported`` (its article's publication date), and its
    ``confidence``; ``min_confidence`` keeps the rows at or above it.
    """
    column = date_column(date_basis)
    params: list[Any] = []
    clauses = ["NOT historical"] if column == "date" and not include_historical else []
    if source:
        clauses.append(actor_clause("source", source, params))
    if target:
        clauses.append(actor_clause("target", target, params))
    if cameo:
        clauses.append("starts_with(cameo, ?)")
        params.append(cameo.strip())
    if plover:
        clauses.append("plover_type = ?")
        params.append(plover.strip().upper())
    clauses += confidence_clauses(min_confidence, params)
    clauses += range_clauses(start, end, params, column)
    sql = (f"SELECT {', '.join(EVENT_COLUMNS)} FROM event_facts {_where(clauses)}"
           f" ORDER BY {column} NULLS LAST, article_id, idx")
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    with connect(db) as con:
        return _df(con, sql, params)


# ---------------------------------------------------------------------------------------------- series


def dyad_series(
    db: DB,
    a: str,
    b: str,
    by: str = "month",
    both: bool = False,
    start: DateLike = None,
    end: DateLike = None,
    count: str = "events",
    date_basis: str = "reported",
    include_historical: bool = False,
    min_confidence: float | None = None,
) -> pd.DataFrame:
    """Counts of A→B events per period (and B→A with ``both``), every period in the range present.

    Columns: period, events, quad1..quad4, goldstein_sum, goldstein_mean, tone_mean. A period with no
    events has zero counts and sums and empty (NaN) means, since the mean of nothing is not 0.
    ``count="mentions"`` counts every report instead of every happening. ``date_basis="reported"``
    puts a happening in the period of its first report, ``"event"`` in the period it happened.
    ``min_confidence`` leaves out the reports below it (see the module docstring).
    """
    if count not in ("events", "mentions"):
        raise ValueError("count must be 'events' or 'mentions'")
    unit, fmt = _period_sql(by)
    params: list[Any] = []
    dyad = f"{actor_clause('source', a, params)} AND {actor_clause('target', b, params)}"
    if both:
        dyad = f"(({dyad}) OR ({actor_clause('source', b, params)} AND {actor_clause('target', a, params)}))"
    clauses = [dyad, "NOT coalesce(negated, false)", *_basis_clauses(date_basis, include_historical)]
    clauses += confidence_clauses(min_confidence, params)
    if count == "events":
        grouped = """SELECT min(day) AS date, any_value(quad_class) AS q, any_value(goldstein) AS g, avg(t) AS t
                     FROM ev GROUP BY happening_id"""
    else:
        grouped = "SELECT day AS date, quad_class AS q, goldstein AS g, t FROM ev"
    ev = f"""SELECT happening_id, {date_column(date_basis)} AS day, quad_class, goldstein,
                    coalesce(tone, article_tone) AS t
             FROM event_facts {_where(clauses)}"""
    # the range applies to a happening's date on the basis (its first report), not to each report
    in_range = _where(range_clauses(start, end, params))
    sql = f"""
    WITH ev AS ({ev}),
    units AS (SELECT * FROM ({grouped}) {in_range}),
    {_periods_cte(unit, start, end, params, source="units")}
    SELECT strftime(p.period, '{fmt}') AS period,
           count(u.date) AS events,
           {_QUADS.replace('count(*)', 'count(u.date)')},
           round(coalesce(sum(u.g), 0), 4) AS goldstein_sum,
           round(avg(u.g), 4) AS goldstein_mean,
           round(avg(u.t), 4) AS tone_mean
    FROM periods p
    LEFT JOIN units u ON date_trunc('{unit}', u.date)::DATE = p.period
    GROUP BY p.period
    ORDER BY p.period
    """
    with connect(db) as con:
        df = _df(con, sql, params)
    return _ints(df, ["events", "quad1", "quad2", "quad3", "quad4"])


def _ints(df: pd.DataFrame, cols: list[str]) -> pd.DataFrame:
    for c in cols:
        df[c] = df[c].astype("int64")
    return df


def panel(
    db: DB,
    by: str = "month",
    countries: list[str] | None = None,
    start: DateLike = None,
    end: DateLike = None,
    date_basis: str = "reported",
    include_historical: bool = False,
    min_confidence: float | None = None,
) -> pd.DataFrame:
    """A balanced country × period panel in long format: one row per country and period.

    An event counts for a country when the country is its source or its target (once if both);
    ``as_source``/``as_target`` split that, quad1..quad4 split it by QuadClass. Periods are of
    ``date_basis`` and ``min_confidence`` leaves out reports as in :func:`dyad_series`.
    """
    unit, fmt = _period_sql(by)
    params: list[Any] = []
    clauses = ["NOT coalesce(negated, false)", *_basis_clauses(date_basis, include_historical)]
    wanted = [c.strip().upper() for c in countries or [] if c.strip()]
    if wanted:
        clauses.append("(source_country IN (SELECT unnest(?)) OR target_country IN (SELECT unnest(?)))")
        params += [wanted, wanted]
    clauses += confidence_clauses(min_confidence, params)
    ev = f"""SELECT happening_id, {date_column(date_basis)} AS day, source_country, target_country, quad_class,
                    goldstein
             FROM event_facts {_where(clauses)}"""
    # parameters in the order their placeholders appear: ev, the range, the roles filter, the period
    # bounds, cells
    in_range = _where(range_clauses(start, end, params))
    period_params: list[Any] = []
    periods = _periods_cte(unit, start, end, period_params, source="hap")
    params += [wanted] if wanted else []
    params += period_params
    params += [wanted] if wanted else []
    country_filter = "WHERE country IN (SELECT unnest(?))" if wanted else ""
    sql = f"""
    WITH ev AS ({ev}),
    hap AS (
        SELECT * FROM (
            SELECT min(day) AS date, source_country, target_country, any_value(quad_class) AS q,
                   any_value(goldstein) AS g
            FROM ev GROUP BY happening_id, source_country, target_country
        ) {in_range}
    ),
    roles AS (
        SELECT * FROM (
            SELECT date_trunc('{unit}', date)::DATE AS period, q, g, source_country, target_country,
                   unnest(list_distinct([source_country, target_country]))  -- list_distinct drops NULLs
                       AS country
            FROM hap
        ) {country_filter}
    ),
    {periods},
    cells AS (
        SELECT c.country, p.period
        FROM (SELECT DISTINCT country FROM roles {'UNION SELECT unnest(?)' if wanted else ''}) c, periods p
    )
    SELECT c.country, strftime(c.period, '{fmt}') AS period,
           count(r.period) AS events,
           count(r.period) FILTER (WHERE r.country = r.source_country) AS as_source,
           count(r.period) FILTER (WHERE r.country = r.target_country) AS as_target,
           {_QUADS.replace('count(*)', 'count(r.period)')},
           round(avg(r.g), 4) AS goldstein_mean
    FROM cells c
    LEFT JOIN roles r ON r.country = c.country AND r.period = c.period
    GROUP BY c.country, c.period
    ORDER BY c.country, c.period
    """
    with connect(db) as con:
        df = _df(con, sql, params)
    return _ints(df, ["events", "as_source", "as_target", "quad1", "quad2", "quad3", "quad4"])


# ---------------------------------------------------------------------------------------------- dyads


def _actor_key(side: str, level: str) -> str:
    if level == "code":
        return f"{side}_code"
    if level == "country":
        return f"coalesce({side}_country, {side}_igo, {side}_code)"
    raise ValueError(f"level must be 'code' or 'country', not {level!r}")


def top_dyads(
    db: DB,
    top: int | None = 20,
    level: str = "code",
    start: DateLike = None,
    end: DateLike = None,
    date_basis: str = "reported",
    include_historical: bool = False,
    min_confidence: float | None = None,
) -> pd.DataFrame:
    """Directed dyads by number of events, with mentions, the QuadClass split and the mean Goldstein.

    ``level="country"`` folds actor codes into their country (or organisation): RUSGOV → RUS.
    ``first_date``/``last_date`` and ``start``/``end`` are of ``date_basis``; ``min_confidence`` leaves
    out reports (see :func:`dyad_series`).
    """
    s, t = _actor_key("source", level), _actor_key("target", level)
    params: list[Any] = []
    clauses = [f"{s} IS NOT NULL", f"{t} IS NOT NULL", "NOT coalesce(negated, false)"]
    if date_column(date_basis) == "date" and not include_historical:  # undated events count, as no range drops them
        clauses.append("NOT historical")
    clauses += confidence_clauses(min_confidence, params)
    in_range = _where(range_clauses(start, end, params, "d"))
    sql = f"""
    WITH hap AS (
        SELECT * FROM (
            SELECT {s} AS s, {t} AS t, any_value(quad_class) AS q, any_value(goldstein) AS g, count(*) AS m,
                   min({date_column(date_basis)}) AS d
            FROM event_facts {_where(clauses)}
            GROUP BY s, t, happening_id
        ) {in_range}
    )
    SELECT s AS source, t AS target, count(*) AS events, sum(m)::BIGINT AS mentions, {_QUADS},
           round(avg(g), 4) AS goldstein_mean, min(d) AS first_date, max(d) AS last_date
    FROM hap GROUP BY s, t
    ORDER BY events DESC, mentions DESC, source, target
    """
    if top is not None:
        sql += " LIMIT ?"
        params.append(int(top))
    with connect(db) as con:
        df = _df(con, sql, params)
    return _ints(df, ["events", "mentions", "quad1", "quad2", "quad3", "quad4"])


def network(
    db: DB, level: str = "code", start: DateLike = None, end: DateLike = None, date_basis: str = "reported",
    include_historical: bool = False, min_confidence: float | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The actor network as ``(nodes, edges)``: edges are :func:`top_dyads` rows (all of them); nodes are
    the actors in them with a name and their event counts as source, as target and in all."""
    edges = top_dyads(db, top=None, level=level, start=start, end=end, date_basis=date_basis,
                      include_historical=include_historical, min_confidence=min_confidence)
    s, t = _actor_key("source", level), _actor_key("target", level)
    sql = f"""
    SELECT actor, mode(name) AS name FROM (
        SELECT {s} AS actor, source_name AS name FROM event_facts
        UNION ALL SELECT {t}, target_name FROM event_facts
    ) WHERE actor IS NOT NULL GROUP BY actor
    """
    with connect(db) as con:
        names = dict(con.execute(sql).fetchall())
    out_n = edges.groupby("source")["events"].sum()
    in_n = edges.groupby("target")["events"].sum()
    loops = edges[edges.source == edges.target].set_index("source")["events"]
    actors = sorted(set(edges.source) | set(edges.target))
    nodes = pd.DataFrame({"actor": actors})
    nodes["name"] = [names.get(a) for a in actors]
    nodes["as_source"] = [int(out_n.get(a, 0)) for a in actors]
    nodes["as_target"] = [int(in_n.get(a, 0)) for a in actors]
    nodes["events"] = nodes.as_source + nodes.as_target - [int(loops.get(a, 0)) for a in actors]
    nodes = nodes.sort_values(["events", "actor"], ascending=[False, True], ignore_index=True)
    return nodes, edges


def to_graph(nodes: pd.DataFrame, edges: pd.DataFrame) -> nx.DiGraph:
    """A networkx DiGraph of :func:`network`'s frames (NaN and None attributes dropped)."""
    import networkx as nx

    g = nx.DiGraph()
    for row in nodes.to_dict("records"):
        g.add_node(row.pop("actor"), **_clean_attrs(row))
    for row in edges.to_dict("records"):
        g.add_edge(row.pop("source"), row.pop("target"), **_clean_attrs(row))
    return g


def _clean_attrs(row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in row.items():
        if v is None or (isinstance(v, float) and v != v):
            continue
        if hasattr(v, "isoformat"):
            v = v.isoformat()[:10]
        elif hasattr(v, "item"):  # numpy scalars → Python, so GraphML and JSON take them
            v = v.item()
        out[k] = v
    return out


def write_network(db: DB, out: str | os.PathLike, level: str = "code",
                  min_confidence: float | None = None) -> nx.DiGraph:
    """Write the actor network to ``out``: GraphML for ``.graphml``, node-link JSON for ``.json``."""
    import json

    import networkx as nx

    g = to_graph(*network(db, level=level, min_confidence=min_confidence))
    path = Path(out)
    if path.suffix == ".graphml":
        nx.write_graphml(g, path)
    elif path.suffix == ".json":
        data = nx.node_link_data(g, edges="edges")
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    else:
        raise ValueError(f"network output must end in .graphml or .json, not {path.name!r}")
    return g


def export(db: DB, fmt: str, out: str | os.PathLike) -> list[Path]:
    """Write the store in ``fmt`` (gdelt, gdelt-mentions, plover, parquet, csv); see :mod:`accord.export`."""
    from accord import export as _export

    return _export.export(db, fmt, out)
