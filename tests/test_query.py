"""accord.query over a hand-made store whose counts are worked out in tests/analysis_fixture.py."""

from __future__ import annotations

import json
import math

import duckdb
import networkx as nx
import pytest
from analysis_fixture import EVENTS, build_store

from accord import query


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("store") / "fixture.duckdb")


def rows(df, *cols):
    return [tuple(r) for r in df[list(cols)].itertuples(index=False)]


def test_query_dyad_series_by_month_counts_happenings_and_fills_gaps(db):
    df = query.dyad_series(db, "RUS", "IRN", by="month", end="2022-05-31")
    assert list(df.columns) == query.DYAD_COLUMNS
    assert rows(df, "period", "events", "quad1", "quad2", "quad3", "quad4") == [
        ("2022-01", 2, 2, 0, 0, 0),  # 057 reported twice is one event
        ("2022-02", 0, 0, 0, 0, 0),  # a gap month is present, with zeros
        ("2022-03", 2, 0, 1, 0, 1),
        ("2022-04", 1, 0, 0, 1, 0),  # undated → the article's date; the negated 190 is not counted
        ("2022-05", 0, 0, 0, 0, 0),  # --to extends the range
    ]
    assert df.goldstein_sum.tolist() == [12.0, 0.0, -0.1, -2.0, 0.0]
    assert df.goldstein_mean.iloc[0] == 6.0 and math.isnan(df.goldstein_mean.iloc[1])
    assert df.tone_mean.iloc[0] == 2.0


def test_query_dyad_series_spans_min_to_max_date_without_bounds(db):
    df = query.dyad_series(db, "RUS", "IRN", by="month")
    assert df.period.iloc[0] == "2022-01" and df.period.iloc[-1] == "2023-01"
    assert len(df) == 13 and df.events.sum() == 6


def test_query_dyad_series_both_directions(db):
    df = query.dyad_series(db, "RUS", "IRN", by="month", both=True, end="2022-04-30")
    assert df.events.tolist() == [2, 1, 2, 2]
    assert df.quad3.tolist() == [0, 0, 0, 2]  # IRN→RUSGOV 130 joins RUS→IRN 112 in April


def test_query_dyad_series_counts_mentions_when_asked(db):
    df = query.dyad_series(db, "USA", "IRN", by="month", count="mentions")
    assert df.events.tolist() == [1, 2, 3, 0, 1, 1]
    assert query.dyad_series(db, "USA", "IRN", by="month").events.tolist() == [1, 2, 1, 0, 1, 1]


@pytest.mark.parametrize(("by", "first", "n"), [("day", "2022-01-10", 1), ("week", "2022-01-10", 1),
                                                ("year", "2022", 2)])
def test_query_dyad_series_periods(db, by, first, n):
    df = query.dyad_series(db, "RUSGOV", "IRNGOV", by=by, start="2022-01-10", end="2022-01-16" if by != "year" else None)
    assert df.period.iloc[0] == first
    if by == "day":
        assert len(df) == 7 and df.events.tolist() == [1, 0, 1, 0, 0, 0, 0]
    elif by == "week":  # weeks are labelled by their Monday
        assert df.events.tolist() == [2]
    else:
        assert df.events.tolist() == [5, 1]


def test_query_actor_matches_igo_acronym_code_prefix_and_country(db):
    assert query.dyad_series(db, "UN", "IRN").events.sum() == 1  # by acronym, any case
    assert query.dyad_series(db, "usa", "igouno").events.sum() == 1  # by code prefix
    assert query.dyad_series(db, "IRN", "SCO").events.sum() == 1  # 2 mentions, 1 event
    assert query.dyad_series(db, "IRNMIL", "IRQ").events.sum() == 6
    assert query.dyad_series(db, "IRNGOV", "IRQ").empty


def test_query_dyad_series_unknown_dyad_is_empty_and_bad_period_raises(db):
    assert query.dyad_series(db, "FRA", "DEU").empty
    assert len(query.dyad_series(db, "FRA", "DEU", start="2022-01-01", end="2022-03-31")) == 3
    with pytest.raises(ValueError):
        query.dyad_series(db, "RUS", "IRN", by="fortnight")


def test_query_events_filters(db):
    assert len(query.events(db)) == len(EVENTS) == 43
    rus = query.events(db, source="RUS", target="IRN")
    assert len(rus) == 9 and rus.negated.sum() == 1
    assert len(query.events(db, cameo="05")) == 5
    assert len(query.events(db, cameo="057", source="IRN")) == 2
    assert len(query.events(db, plover="coerce")) == 7
    dated = query.events(db, start="2022-04-01", end="2022-04-30")
    assert sorted(dated.cameo) == ["112", "112", "130", "190", "190", "190"]
    undated = dated[dated.event_date.isna()].iloc[0]
    assert (undated.cameo, str(undated.date)[:10]) == ("112", "2022-04-02")  # the article's date
    assert len(query.events(db, limit=5)) == 5


def test_query_panel_is_balanced_long_and_counts_source_or_target(db):
    df = query.panel(db, by="month", countries=["irq", "RUS"], end="2022-06-30")
    assert sorted(set(df.country)) == ["IRQ", "RUS"] and len(df) == 12
    irq = df[df.country == "IRQ"]
    assert irq.events.tolist() == [2] * 6 and irq.quad4.tolist() == [2] * 6
    assert irq.as_source.tolist() == [1] * 6 and irq.as_target.tolist() == [1] * 6
    rus = df[df.country == "RUS"].set_index("period")
    assert rus.loc["2022-01", "events"] == 3  # 057, 036 and the target-less 010
    assert rus.loc["2022-02", ["events", "as_source", "as_target"]].tolist() == [1, 0, 1]
    assert rus.loc["2022-05", "events"] == 0


def test_query_panel_all_countries(db):
    df = query.panel(db, by="year")
    assert sorted(set(df.country)) == ["IRN", "IRQ", "RUS", "USA"]
    usa_2022 = df[(df.country == "USA") & (df.period == "2022")].iloc[0]
    assert usa_2022.events == 6 + 1 + 1 + 6  # USA→IRN, IRN→USA, USA→UN, USA→USA (once each)


def test_query_top_dyads(db):
    df = query.top_dyads(db, top=3)
    assert rows(df, "source", "target", "events", "mentions") == [
        ("RUSGOV", "IRNGOV", 7, 8), ("USAGOV", "IRNGOV", 6, 8), ("IRNMIL", "IRQMIL", 6, 6),
    ]
    first = df.iloc[0]
    assert (first.quad1, first.quad2, first.quad3, first.quad4) == (4, 1, 1, 1)
    countries = query.top_dyads(db, top=None, level="country")
    irn_rus = countries[(countries.source == "IRN") & (countries.target == "RUS")].iloc[0]
    assert irn_rus.events == 2 and irn_rus.goldstein_mean == pytest.approx((1.9 - 4.4) / 2)
    assert ("UN", "IRN") in rows(countries, "source", "target")


def test_query_network_nodes_and_edges(db, tmp_path):
    nodes, edges = query.network(db)
    assert len(edges) == 11
    irngov = nodes.set_index("actor").loc["IRNGOV"]
    assert (irngov.as_source, irngov.as_target, irngov.events) == (2, 13, 15)
    assert irngov["name"] == "Iranian government"
    g = query.write_network(db, tmp_path / "net.graphml")
    back = nx.read_graphml(tmp_path / "net.graphml")
    assert back.number_of_edges() == 11 and back["USAGOV"]["IRNGOV"]["events"] == 6
    query.write_network(db, tmp_path / "net.json", level="country")
    data = json.loads((tmp_path / "net.json").read_text())
    assert {n["id"] for n in data["nodes"]} >= {"RUS", "IRN", "UN", "SCO"}
    assert g.number_of_nodes() == len(nodes)
    with pytest.raises(ValueError):
        query.write_network(db, tmp_path / "net.txt")


def test_query_happenings_view_counts_mentions_articles_sources(db):
    with duckdb.connect(str(db), read_only=True) as con:
        rows_ = con.execute("""
            SELECT date::VARCHAR, cameo, num_mentions, num_articles, num_sources, first_article_id
            FROM happenings WHERE source_code = 'USAGOV' AND cameo = '163' AND date = DATE '2022-03-15'
        """).fetchall()
        assert rows_ == [("2022-03-15", "163", 3, 5, 3, "a07")]  # wire+bbc+ap; a07 seen 3 times
        jan = con.execute("""SELECT num_mentions, num_articles, num_sources, first_article_id FROM happenings
                             WHERE cameo = '057' AND date = DATE '2022-01-10'""").fetchall()
        assert jan == [(2, 2, 2, "a02")]  # a02 was published first
        sco = con.execute("SELECT num_mentions, num_articles FROM happenings WHERE target_code = 'IGOASISCO'").fetchall()
        assert sco == [(2, 1)]
        assert con.execute("SELECT count(*) FROM happenings").fetchone()[0] == 38  # 43 - negated - 4 repeats
        ids = con.execute("SELECT count(DISTINCT happening_id) FROM happenings").fetchone()[0]
        assert ids == 38


def test_query_happening_id_is_stable_across_stores(tmp_path):
    a = build_store(tmp_path / "a.duckdb")
    b = build_store(tmp_path / "b.duckdb")
    sql = "SELECT happening_id FROM happenings ORDER BY happening_id"
    with duckdb.connect(str(a), read_only=True) as ca, duckdb.connect(str(b), read_only=True) as cb:
        assert ca.execute(sql).fetchall() == cb.execute(sql).fetchall()


def test_query_store_without_happenings_migration_gets_temp_views(tmp_path):
    from analysis_fixture import MIGRATIONS, fill

    path = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(path))
    sql = (MIGRATIONS / "001_initial.sql").read_text()
    con.execute(sql.replace("\n    at      TIMESTAMP", '\n    "at"    TIMESTAMP'))
    con.execute("CREATE VIEW happenings AS SELECT 1 AS x")  # a stale partial set is replaced too
    con.execute("DROP VIEW happenings")
    fill(con)
    con.close()
    assert query.dyad_series(path, "RUS", "IRN", end="2022-04-30").events.tolist() == [2, 0, 2, 1]


def test_query_accepts_an_open_connection(db):
    with duckdb.connect(str(db), read_only=True) as con:
        assert query.top_dyads(con, top=1).events.tolist() == [7]


def test_query_missing_store_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        query.events(tmp_path / "nope.duckdb")
