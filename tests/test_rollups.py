"""Rollups (accord/rollups.py, migrations/009_rollups.sql): summary tables of the events per day that the
one writer keeps equal to a GROUP BY over the events, whatever is written, repeated or deleted."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import duckdb
import pytest

from accord import rollups
from accord.store import Store, migrations
from accord.types import Actor, Article, ArticleResult, Event, Location
from accord.web import queries as Q
from accord.web.filters import Filters

ACTORS = [Actor("Iran", "IRN", "IRN"), Actor("the Iranian government", "IRNGOV", "IRN", role="GOV"),
          Actor("Iraq", "IRQ", "IRQ"), Actor("Iraqi troops", "IRQMIL", "IRQ", role="MIL"),
          Actor("the United Nations", "IGOUNO", None, igo="UN"), Actor("NATO", "IGONAT", None, igo="NATO"),
          Actor("Naxalite insurgents", None), Actor("militants", None, "IRQ"), None]
CODES = [("042", 1.9, 1), ("057", 8.0, 1), ("112", -2.0, 3), ("190", -10.0, 4), ("061", 6.4, 2)]
PLACES = [None, Location("Baghdad", "IRQ", 33.3, 44.4), Location("Tehran", "IRN", 35.7, 51.4)]
DAYS = ["2024-08-01", "2024-08-02", "2024-08-20", "2024-09-03", "1980-09-22", None]


def article(i: int, rng: random.Random, n_events: int = 4) -> ArticleResult:
    """An article of a few events over a handful of actors, codes and days, so happenings repeat across
    articles; some negated, some undated, some dated long before their article (historical)."""
    events = []
    for _ in range(n_events):
        cameo, goldstein, quad = rng.choice(CODES)
        events.append(Event(source=rng.choice(ACTORS), target=rng.choice(ACTORS), cameo=cameo, sentence=f"sentence {i}",
                            span=(0, 4), rule="test", goldstein=goldstein, quad_class=quad, negated=rng.random() < 0.2,
                            date=rng.choice(DAYS), location=rng.choice(PLACES)))
    published = rng.choice(["2024-08-02", "2024-08-21", "2024-09-04", None])
    text = f"Article {i}: " + " ".join(rng.choice(["talks", "troops", "border", "deal", "oil"]) + str(rng.random())
                                       for _ in range(30))
    return ArticleResult(article=Article(id=f"art-{i}", text=text, date=published, source=f"feed{i % 3}"),
                         events=events)


def table(con: duckdb.DuckDBPyConnection, name: str) -> list[tuple]:
    return sorted(con.execute(f"SELECT * FROM {name}").fetchall(), key=repr)


def regrouped(con: duckdb.DuckDBPyConnection, name: str) -> list[tuple]:
    """What ``name`` holds when computed afresh: the GROUP BY over every event."""
    return sorted(con.execute(rollups.select_sql(name)).fetchall(), key=repr)


def months_regrouped(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """What ``rollup_dyad_months`` holds when computed afresh: the day × dyad GROUP BY over every event,
    summed per month."""
    return sorted(con.execute(f"""SELECT CAST(date_trunc('month', day) AS DATE), source_key, target_key,
        sum(h_pos), sum(h_neg), sum(h_any), sum(m_pos), sum(m_neg), sum(gs_pos), sum(gs_neg), sum(gn_pos), sum(gn_neg)
        FROM ({rollups.select_sql("rollup_dyads")}) GROUP BY 1, 2, 3""").fetchall(), key=repr)


def keys_regrouped(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """What ``event_keys`` holds when computed afresh: the key, happening id and date the view gives."""
    return sorted(con.execute("SELECT article_id, idx, happening_id, date, coalesce(negated, false), cameo,"
                              " quad_class FROM event_facts").fetchall(), key=repr)


def assert_exact(con: duckdb.DuckDBPyConnection) -> None:
    for t in rollups.TABLES:
        assert table(con, t.name) == regrouped(con, t.name), t.name
    assert table(con, rollups.MONTHS) == months_regrouped(con)
    assert table(con, rollups.KEYS) == keys_regrouped(con)
    assert table(con, rollups.SIDES) == sorted(con.execute(rollups._SIDES_SQL).fetchall(), key=repr)
    assert rollups.fresh(con) and rollups.keys_fresh(con) and rollups.keys_fresh(con, rollups.SIDES)


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "s.duckdb") as s:
        yield s


def test_rollups_equal_a_group_by_over_the_events_after_every_write(store: Store):
    rng = random.Random(13)
    for i in range(0, 40, 8):  # batches of several articles, one transaction each
        store.write_batch([article(j, rng) for j in range(i, i + 8)])
        assert_exact(store.con)
    assert store.con.execute("SELECT sum(h_pos) FROM rollup_days").fetchone()[0] == store.con.execute(
        "SELECT count(DISTINCT (source_code, target_code, cameo, date)) FROM event_facts WHERE NOT negated").fetchone()[0]


def test_rollups_are_unchanged_by_an_article_read_again(store: Store):
    rng = random.Random(1)
    results = [article(i, rng) for i in range(10)]
    store.write_batch(results)
    before = {t.name: table(store.con, t.name) for t in rollups.TABLES}
    assert set(store.write_batch(results)) == {"known"}
    assert {t.name: table(store.con, t.name) for t in rollups.TABLES} == before


def test_rollups_stay_exact_when_an_article_is_deleted_or_replaced(store: Store):
    rng = random.Random(2)
    store.write_batch([article(i, rng) for i in range(20)])
    assert store.delete_article("art-3") and not store.delete_article("art-3")
    assert_exact(store.con)
    assert store.write(article(3, random.Random(99), n_events=6)) == "stored"  # stored anew, other events
    assert_exact(store.con)
    for i in range(20):
        store.delete_article(f"art-{i}")
    assert_exact(store.con)
    assert store.con.execute("SELECT count(*) FROM rollup_days").fetchone()[0] == 0


def test_rollups_of_a_store_written_before_them_are_backfilled_by_the_migration(tmp_path: Path):
    path = tmp_path / "old.duckdb"
    with Store(path) as s:
        s.write_batch([article(i, random.Random(i)) for i in range(30)])
        expected = {t.name: table(s.con, t.name) for t in rollups.TABLES}
    con = duckdb.connect(str(path))
    con.execute("DROP INDEX events_article_id")  # back to a store of version 8 (010 needs 009's rollups)
    for t in [t.name for t in rollups.TABLES] + [rollups.KEYS, rollups.MONTHS, rollups.SIDES, f"{rollups.SIDES}_sorted"]:
        con.execute(f"DROP TABLE {t}")
    con.execute("DELETE FROM schema_migrations WHERE version >= 9")
    con.close()
    with Store(path) as s:  # migration 009 runs again: its own SQL, not accord.rollups
        assert {t.name: table(s.con, t.name) for t in rollups.TABLES} == expected
        assert_exact(s.con)
    assert [v for v, _, _ in migrations()][-1] >= 9


def test_event_keys_sides_and_months_of_a_store_written_before_them_are_backfilled_by_migrations(tmp_path: Path):
    path = tmp_path / "old.duckdb"
    added = (rollups.KEYS, rollups.MONTHS, rollups.SIDES, f"{rollups.SIDES}_sorted")
    with Store(path) as s:
        s.write_batch([article(i, random.Random(i)) for i in range(30)])
        expected = {t: table(s.con, t) for t in added[:3]}
    con = duckdb.connect(str(path))
    con.execute("DROP INDEX events_article_id")  # back to a store of version 9
    for t in added:
        con.execute(f"DROP TABLE {t}")
    con.execute("DELETE FROM schema_migrations WHERE version >= 10")
    con.close()
    with Store(path) as s:  # migrations 010 and 011 run again: their own SQL, not accord.rollups
        assert {t: table(s.con, t) for t in added[:3]} == expected
        assert table(s.con, added[3]) == [(120,)]  # the backfill is sorted: all 120 rows
        in_order = s.con.execute(f"SELECT article_id, idx FROM {rollups.SIDES}").fetchall()
        assert in_order == s.con.execute(f"SELECT article_id, idx FROM {rollups.SIDES}"
                                         f" ORDER BY {rollups.SIDES_ORDER}").fetchall()
        assert_exact(s.con)
        assert s.con.execute("SELECT count(*) FROM duckdb_indexes() WHERE index_name = 'events_article_id'"
                             ).fetchone()[0] == 1


def test_events_written_around_the_writer_leave_the_rollups_stale_until_rebuilt(store: Store):
    store.write_batch([article(i, random.Random(i)) for i in range(5)])
    store.con.execute("INSERT INTO events (article_id, idx, cameo, cameo_root) VALUES ('art-0', 99, '190', '19')")
    assert not rollups.fresh(store.con) and not rollups.keys_fresh(store.con)
    rollups.rebuild(store.con)
    assert_exact(store.con)


FILTERS = [Filters(), Filters(negated="include"), Filters(negated="only"), Filters(start=dt.date(2024, 8, 2)),
           Filters(start=dt.date(2024, 8, 1), end=dt.date(2024, 8, 31)), Filters(end=dt.date(2024, 8, 20)),
           Filters(cameo="19"), Filters(quad=1, negated="include"), Filters(cameo="057", start=dt.date(2024, 9, 1))]


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: f.query() or "unfiltered")
def test_dashboard_answers_from_rollups_are_the_answers_from_the_events(store: Store, monkeypatch, f: Filters):
    rng = random.Random(7)
    store.write_batch([article(i, rng, n_events=6) for i in range(60)])
    cur = store.con.cursor()
    parts = {"counts": Q.store_counts, "matching": lambda c: Q.count_events(c, f), "timeline": lambda c: Q.timeline(c, f),
             "dyads": lambda c: Q.top_dyads(c, f, 50), "actors": lambda c: Q.top_actors(c, f, 50),
             "countries": lambda c: Q.countries(c, f), "surges": lambda c: Q.surges(c, f, 50, 1.0, 1),
             "roots": lambda c: Q.facet(c, f, "cameo_root"), "quads": lambda c: Q.facet(c, f, "quad")}
    assert Q.rolled(cur, f, "rollup_days") is not None
    from_rollups = {name: fn(cur) for name, fn in parts.items()}
    monkeypatch.setattr(Q, "USE_ROLLUPS", False)
    from_events = {name: fn(cur) for name, fn in parts.items()}
    assert from_rollups == from_events
    assert from_rollups["matching"]["events"] > 0 or f.negated == "only"


def test_filters_the_rollups_do_not_hold_are_answered_from_the_events(store: Store):
    store.write_batch([article(i, random.Random(i)) for i in range(5)])
    cur = store.con.cursor()
    for f in (Filters(actor="IRN"), Filters(country="IRQ"), Filters(q="talks"), Filters(min_conf=50),
              Filters(modality="intent"), Filters(min_mentions=2), Filters(plover="ASSAULT")):
        assert Q.rolled(cur, f) is None and Q.rolled(cur, f, "rollup_days") is None
    assert Q.rolled(cur, Filters(cameo="19")) is None  # only rollup_days holds the CAMEO code
    assert Q.rolled(cur, Filters(cameo="19"), "rollup_days") is not None


DYAD_FILTERS = FILTERS[:4] + [Filters(country="IRQ"), Filters(q="sentence 1"), Filters(modality="asserted"),
                              Filters(min_mentions=2, negated="include")]


@pytest.mark.parametrize("f", DYAD_FILTERS, ids=lambda f: f.query() or "unfiltered")
def test_a_dyad_read_in_one_scan_gives_what_each_part_reads_from_the_events(store: Store, f: Filters):
    store.write_batch([article(i, random.Random(i), n_events=6) for i in range(60)])
    cur = store.con.cursor()
    once = Q.dyad(cur, f, "IRN", "IRQ")
    span = Q.dyad_span(cur, f, "IRN", "IRQ")
    assert {k: once[k] for k in span} == span
    assert once["ab"] == Q.dyad_series(cur, f, "IRN", "IRQ", "ab", span)
    assert once["ba"] == Q.dyad_series(cur, f, "IRN", "IRQ", "ba", span)
    assert once["roots"] == Q.dyad_roots(cur, f, "IRN", "IRQ", span)
    assert once["events"] == Q.dyad_events(cur, f, "IRN", "IRQ") and once["events"]


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: f.query() or "unfiltered")
def test_newest_events_and_country_facets_through_event_keys_and_sides_are_those_of_the_events(store: Store, monkeypatch, f: Filters):
    rng = random.Random(11)
    store.write_batch([article(i, rng, n_events=6) for i in range(60)])
    cur = store.con.cursor()
    assert Q.keyed(cur, f) == rollups.KEYS

    def pages() -> list:
        out, after = [], None
        while True:  # every page of the events list, by its keyset tokens
            got, nxt = Q.events_page(cur, f, Q.Cursor.decode(after) if after else None, limit=7)
            out.append(got)
            if nxt is None:
                return out
            after = nxt

    def answers() -> dict:
        return {"latest": Q.latest(cur, f, 25), "pages": pages(),
                "facets": [Q.facet(cur, f, name) for name in ("source", "target")]}

    keyed = answers()
    monkeypatch.setattr(Q, "USE_KEYS", False)
    assert Q.keyed(cur, f) == "event_facts"
    assert keyed == answers()
    assert keyed["latest"] or f.negated == "only"


def test_every_happening_and_its_mentions_found_through_event_keys_are_those_of_the_view(store: Store, monkeypatch):
    rng = random.Random(5)
    store.write_batch([article(i, rng, n_events=6) for i in range(40)])
    store.delete_article("art-7")
    cur = store.con.cursor()
    ids = [r[0] for r in cur.execute("SELECT DISTINCT happening_id FROM event_facts ORDER BY 1").fetchall()]
    events = [Q.event(cur, a, i) for a, i in cur.execute("SELECT article_id, idx FROM events ORDER BY 1, 2").fetchall()]

    def answers() -> dict:
        haps = {h: Q.happening(cur, h) for h in ids + [12345]}  # 12345: no such happening
        return {"happenings": haps, "of_happenings": [Q.mentions(cur, h) for h in haps.values() if h],
                "of_events": [Q.mentions(cur, e) for e in events]}

    assert Q._view_sql(cur, "happenings") and Q._happening_articles(cur, ids[0])  # the keyed way is taken
    keyed = answers()
    monkeypatch.setattr(Q, "USE_KEYS", False)
    assert keyed == answers()
    assert keyed["happenings"][12345] is None and sum(h is not None for h in keyed["happenings"].values()) > 20


DYADS = [("IRN", "IRQ"), ("IR", "IGO"), ("UN", "NATO"), ("IRQ", "IRQ"), ("IRNGOV", "IRQMIL"), ("IRQ", "UN")]


def test_a_dyad_read_from_event_sides_is_the_dyad_read_from_the_events_sorted_or_not(store: Store, monkeypatch):
    """Sides match by country, organisation (any case) or code prefix ('IR' is Iran and Iraq, 'IGO' every
    organisation); an actor with a country and no code ('militants' of Iraq) still counts by country."""
    rng = random.Random(17)
    store.write_batch([article(i, rng, n_events=6) for i in range(50)])
    assert rollups.sort_sides(store.con, force=True)
    store.write_batch([article(i, rng, n_events=6) for i in range(50, 70)])  # appended after the sort
    assert not rollups.sort_sides(store.con)  # a small tail is left unsorted
    cur = store.con.cursor()
    filters = [Filters(), Filters(negated="include"), Filters(start=dt.date(2024, 8, 2), cameo="1"),
               Filters(quad=4, negated="only"), Filters(actor="IRN"),  # the dyad ignores the actor filter
               Filters(min_mentions=1)]  # a corroboration of 1 filters nothing (schemathesis found it a 500)
    assert all(Q._sided(cur, f) for f in filters)
    assert not Q._sided(cur, Filters(actor="IRN"), dyad=False)  # elsewhere the actor filter counts

    def dyads() -> list:
        return [Q.dyad(cur, f, a, b) for f in filters for a, b in DYADS]

    sided = dyads()
    monkeypatch.setattr(Q, "USE_KEYS", False)
    assert not Q._sided(cur, Filters())
    assert sided == dyads()
    assert all(d["events"] for d in sided[:len(DYADS)])


def test_the_writer_sorts_event_sides_again_when_a_quarter_of_it_came_since_the_last_sort(store: Store, monkeypatch):
    monkeypatch.setattr(rollups, "SORT_AT_LEAST", 10)
    rng = random.Random(3)
    store.write_batch([article(i, rng, n_events=6) for i in range(10)])
    sorted_rows = store.con.execute(f"SELECT sorted_rows FROM {rollups.SIDES}_sorted").fetchone()[0]
    assert sorted_rows == store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 60
    store.write_batch([article(i, rng, n_events=2) for i in range(10, 14)])  # 8 rows: not yet
    assert store.con.execute(f"SELECT sorted_rows FROM {rollups.SIDES}_sorted").fetchone()[0] == 60
    store.write_batch([article(i, rng, n_events=4) for i in range(14, 18)])  # 24 since: sorted again
    assert store.con.execute(f"SELECT sorted_rows FROM {rollups.SIDES}_sorted").fetchone()[0] == 84
    keys = f"SELECT article_id, idx FROM {rollups.SIDES}"
    assert store.con.execute(keys).fetchall() == store.con.execute(f"{keys} ORDER BY {rollups.SIDES_ORDER}").fetchall()
    assert_exact(store.con)
