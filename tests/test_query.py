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
    df = query.dyad_series(db, "USA", "IRN", by="month", count="mentions", date_basis="event")
    assert df.events.tolist() == [1, 2, 3, 0, 1, 1]
    assert query.dyad_series(db, "USA", "IRN", by="month", date_basis="event").events.tolist() == [1, 2, 1, 0, 1, 1]


def test_query_dyad_series_by_report_date_puts_a_happening_at_its_first_report(db):
    # a09 (published 2022-03-16) reports USA→IRN acts of January to June: reported, all are March
    df = query.dyad_series(db, "USA", "IRN", by="month")
    assert rows(df, "period", "events") == [("2022-03", 6)]
    assert query.dyad_series(db, "USA", "IRN", count="mentions").events.tolist() == [8]
    # 057 of 01-10 was first reported by a02 on 01-11, the 036 of 01-12 by a01 the same day
    days = query.dyad_series(db, "RUSGOV", "IRNGOV", by="day", start="2022-01-10", end="2022-01-16")
    assert days.events.tolist() == [0, 1, 1, 0, 0, 0, 0]
    with pytest.raises(ValueError):
        query.dyad_series(db, "USA", "IRN", date_basis="published")


@pytest.mark.parametrize(("by", "first", "n"), [("day", "2022-01-10", 1), ("week", "2022-01-10", 1),
                                                ("year", "2022", 2)])
def test_query_dyad_series_periods(db, by, first, n):
    df = query.dyad_series(db, "RUSGOV", "IRNGOV", by=by, start="2022-01-10", end="2022-01-16" if by != "year" else None,
                           date_basis="event")
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


# ----------------------------------------------------------------------- the two dates (issue 11, item 5)


GULF_ARTICLES = [("g1", "1987-03-02"), ("g2", "1987-04-06"), ("g3", None)]
GULF_EVENTS = [
    ("g1", 0, "1987-03-01"),
    ("g1", 1, "1980-09-22"),  # "the war that began in 1980": more than a year before its article
    ("g2", 0, "1987-04-05"),
    ("g2", 1, "1986-05-01"),  # eleven months before its article: not historical
    ("g3", 0, "1987-05-01"),  # an article with no publication date: reported on the event's date
]


def gulf_store(path, articles=GULF_ARTICLES, events=GULF_EVENTS):
    """Iraq→Iran attacks reported in 1987; one report recalls the start of the war in 1980 (historical)."""
    from analysis_fixture import apply_migrations

    con = duckdb.connect(str(path))
    apply_migrations(con)
    for aid, published in articles:
        con.execute("INSERT INTO articles (id, published, text, status, hash) VALUES (?, ?, 'text', 'coded', ?)",
                    [aid, published, aid])
    for aid, idx, day in events:
        con.execute(
            "INSERT INTO events (article_id, idx, source_code, source_country, target_code, target_country, cameo,"
            " cameo_root, quad_class, goldstein, event_date) VALUES (?, ?, 'IRQ', 'IRQ', 'IRN', 'IRN', '190', '19',"
            " 4, -10.0, ?)", [aid, idx, day])
    con.close()
    return path


@pytest.fixture(scope="module")
def gulf(tmp_path_factory):
    return gulf_store(tmp_path_factory.mktemp("gulf") / "gulf.duckdb")


def test_query_events_carry_both_dates_and_the_historical_flag(gulf):
    df = query.events(gulf)
    assert [(str(r.date)[:10], str(r.reported)[:10], r.historical) for r in df.itertuples()] == [
        ("1987-03-01", "1987-03-02", False), ("1980-09-22", "1987-03-02", True),
        ("1987-04-05", "1987-04-06", False), ("1986-05-01", "1987-04-06", False),
        ("1987-05-01", "1987-05-01", False),
    ]  # oldest report first, then in the article's order
    by_event = query.events(gulf, date_basis="event")
    assert str(by_event.date.iloc[0])[:10] == "1986-05-01" and not by_event.historical.any()
    assert len(query.events(gulf, date_basis="event", include_historical=True)) == 5


def test_query_historical_gives_a_year_or_month_its_last_day(tmp_path):
    # "last year" and "in 1985" resolve to January 1st, "in January 1986" to the 1st of the month
    path = gulf_store(tmp_path / "years.duckdb", [("r", "1987-03-25")], [
        ("r", 0, "1986-01-01"),  # "last year": may be December 1986, not historical
        ("r", 1, "1985-01-01"),  # "in 1985": all of it more than a year back
        ("r", 2, "1986-03-01"),  # "in March 1986": the 31st is within a year of 1987-03-25
        ("r", 3, "1986-02-01"),  # "in February 1986": historical
        ("r", 4, "1986-03-24"),  # a day a year and a day back: historical
    ])
    assert query.events(path).historical.tolist() == [False, True, False, True, True]


def test_query_dyad_series_of_a_1987_corpus_starts_in_1987_by_default(gulf):
    reported = query.dyad_series(gulf, "IRQ", "IRN", by="month")
    assert rows(reported, "period", "events") == [("1987-03", 2), ("1987-04", 2), ("1987-05", 1)]
    happened = query.dyad_series(gulf, "IRQ", "IRN", by="month", date_basis="event")
    assert happened.period.iloc[0] == "1986-05" and happened.events.sum() == 4  # the 1980 mention left out
    everything = query.dyad_series(gulf, "IRQ", "IRN", by="year", date_basis="event", include_historical=True)
    assert rows(everything, "period", "events")[0] == ("1980", 1) and everything.events.sum() == 5


def test_query_panel_and_top_dyads_follow_the_date_basis(gulf):
    assert query.panel(gulf, by="year").period.tolist() == ["1987", "1987"]  # IRN and IRQ
    assert query.panel(gulf, by="year", date_basis="event").period.tolist() == ["1986", "1987"] * 2
    top = query.top_dyads(gulf, date_basis="event").iloc[0]
    assert (top.events, str(top.first_date)[:10]) == (4, "1986-05-01")
    top = query.top_dyads(gulf).iloc[0]
    assert (top.events, str(top.first_date)[:10], str(top.last_date)[:10]) == (5, "1987-03-02", "1987-05-01")
    assert query.top_dyads(gulf, start="1987-04-01").events.tolist() == [3]  # reported from April


def test_query_store_before_the_event_dates_migration_gets_them_as_temp_views(tmp_path):
    from analysis_fixture import MIGRATIONS, fill

    path = tmp_path / "v3.duckdb"
    con = duckdb.connect(str(path))
    for name in ("001_initial.sql", "002_happenings.sql", "003_watched_files.sql"):
        con.execute((MIGRATIONS / name).read_text())
    fill(con)
    con.close()
    df = query.events(path)
    assert {"reported", "historical"} <= set(df.columns) and not df.historical.any()


def test_query_store_stats_count_historical_events(gulf, tmp_path):
    from accord.store import Store

    with Store(gulf, read_only=True) as store:
        assert store.stats()["historical_events"] == 1
    with Store(tmp_path / "new.duckdb") as store:
        assert store.stats()["historical_events"] == 0


# ----------------------------------------------------------------------- confidence (issue 12, item 8)
# the fixture's 112 accusations have 0.3, its 130 threat 0.45, a12 and a13 none, every other row 0.9


def test_query_events_carry_their_confidence_and_min_confidence_keeps_those_at_or_above_it(db):
    df = query.events(db)
    assert "confidence" in query.EVENT_COLUMNS and df.confidence.isna().sum() == 2  # a12, a13
    kept = query.events(db, min_confidence=0.5)
    assert len(kept) == 30 and (kept.confidence >= 0.5).all()
    assert "130" in set(query.events(db, min_confidence=0.45).cameo)  # at the threshold: kept
    assert len(query.events(db, min_confidence=0.0)) == 41  # a threshold leaves out rows without one
    assert len(query.events(db, min_confidence=None)) == 43


def test_query_min_confidence_thins_series_panels_and_dyads(db):
    rus_irn = query.dyad_series(db, "RUS", "IRN", end="2022-04-30", min_confidence=0.5)
    assert rus_irn.events.tolist() == [2, 0, 2, 0]  # April's only event was a 0.3 accusation
    assert query.dyad_series(db, "USA", "IRN", count="mentions", min_confidence=0.5).events.tolist() == [6]
    usa = query.panel(db, by="year", countries=["USA"], min_confidence=0.5).iloc[0]
    assert usa.events == 4 + 1  # the four 163 of USA→IRN and USA→UN; every accusation left out
    assert rows(query.top_dyads(db, top=3, min_confidence=0.5), "source", "target", "events", "mentions") == [
        ("IRNMIL", "IRQMIL", 6, 6), ("IRQMIL", "IRNMIL", 6, 6), ("USAGOV", "IRNGOV", 4, 6),
    ]
    assert len(query.network(db, min_confidence=0.5)[1]) == 11 - 3  # IRN→RUSGOV, IRN→USAGOV, USAGOV→USAOPP
    assert len(query.network(db, min_confidence=0.45)[1]) == 9


def test_query_map_points_count_a_happening_when_one_report_is_confident_enough(db):
    from accord.plots import map_points

    def places(**kw) -> dict[str, int]:
        return dict(map_points(db, **kw)[["name", "events"]].itertuples(index=False))

    assert places() == {"Baghdad": 12, "Tehran": 3, "Moscow": 2}
    assert places(min_confidence=0.5) == {"Baghdad": 12, "Tehran": 2, "Moscow": 2}  # IRN's 112 of a08 left out
    assert places(min_confidence=0.95) == {}


@pytest.mark.parametrize("bad", [1.5, -0.1, float("nan")])
def test_query_min_confidence_outside_0_to_1_is_refused(db, bad):
    with pytest.raises(ValueError, match="min_confidence"):
        query.events(db, min_confidence=bad)
    with pytest.raises(ValueError, match="min_confidence"):
        query.dyad_series(db, "RUS", "IRN", min_confidence=bad)


def test_query_store_before_the_confidence_migration_reads_as_having_none(tmp_path):
    from analysis_fixture import MIGRATIONS, fill

    path = tmp_path / "v6.duckdb"
    con = duckdb.connect(str(path))
    for sql_path in sorted(MIGRATIONS.glob("00[1-6]_*.sql")):
        con.execute(sql_path.read_text())
    fill(con)
    con.close()
    df = query.events(path)  # read-only: the store is not migrated, event_facts gets an empty column
    assert len(df) == 43 and df.confidence.isna().all()
    assert query.events(path, min_confidence=0.1).empty
    assert query.dyad_series(path, "RUS", "IRN", end="2022-04-30").events.tolist() == [2, 0, 2, 1]
