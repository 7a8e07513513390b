"""The dashboard without a browser: filters, the JSON API and its schema, pages, security, feedback, exports,
and the store-ownership design (reader time limits, the writer thread, --watch, --collect, snapshots).

The store is demo/corpus.jsonl plus a hostile article (tests/test_web_fixture.py), ingested once.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path

import duckdb
import pytest

warnings.filterwarnings("ignore", message=".*httpx2.*")
from starlette.testclient import TestClient  # noqa: E402
from test_web_fixture import HOSTILE_ID, HOSTILE_TEXT, copy_store, web_db  # noqa: E402,F401

from accord.web import feedback as fb  # noqa: E402
from accord.web import queries as Q  # noqa: E402
from accord.web.app import create_app  # noqa: E402
from accord.web.filters import BadParam, Filters, parse_filters  # noqa: E402
from accord.web.highlight import Span, segments  # noqa: E402
from accord.web.openapi import spec  # noqa: E402
from accord.web.owner import QueryTimeout, ReadOnlyStore, StoreOwner, Writer, WriterConfig  # noqa: E402
from accord.web.server import ServeError, ServeSettings, check, parse_every  # noqa: E402

pytestmark = pytest.mark.model  # the store is coded by the model once per session


@pytest.fixture(scope="module")
def owner(web_db):  # noqa: F811 (the fixture of test_web_fixture)
    o = StoreOwner.open(web_db)
    yield o
    o.close()


@pytest.fixture(scope="module")
def client(owner):
    with TestClient(create_app(owner)) as c:
        yield c


# ------------------------------------------------------------------------------------------ filters


def test_filters_parse_url_parameters_into_typed_fields():
    f = parse_filters({"from": "2024-08", "to": "2024-12-31", "actor": "irn", "quad": "4", "q": "talks", "side": "source"})
    assert f.start.isoformat() == "2024-08-01" and f.end.isoformat() == "2024-12-31"
    assert (f.actor, f.quad, f.q, f.side) == ("IRN", 4, "talks", "source")
    assert parse_filters(f.params()) == f  # the URL round-trips


@pytest.mark.parametrize("params, name", [
    ({"from": "yesterday"}, "from"), ({"quad": "5"}, "quad"), ({"quad": "x"}, "quad"), ({"cameo": "1a"}, "cameo"),
    ({"plover": "HUG"}, "plover"), ({"country": "IRAN"}, "country"), ({"side": "up"}, "side"),
    ({"from": "2025-01-01", "to": "2024-01-01"}, "from"), ({"q": "x" * 201}, "q"), ({"actor": "IRN'; DROP"}, "actor"),
    ({"min_mentions": "0"}, "min_mentions"), ({"min_conf": "101"}, "min_conf"),
])
def test_filters_reject_bad_values_with_the_parameter_named(params, name):
    with pytest.raises(BadParam) as err:
        parse_filters(params)
    assert err.value.name == name


def test_minimum_confidence_keeps_the_events_the_coder_is_surer_of(client):
    every = client.get("/api/events?limit=500&facets=0").json()["rows"]
    sure = client.get("/api/events?min_conf=85&limit=500&facets=0").json()["rows"]
    assert every and len(sure) < len(every)
    assert all(r["confidence"] is not None and r["confidence"] >= 0.845 for r in sure)


def test_filter_values_reach_sql_only_as_parameters():
    f = Filters(actor="IRN", q="50%_off'--", country="ISR", cameo="19")
    sql, params = f.where()
    assert "IRN" not in sql and "off" not in sql and "ISR" not in sql
    assert "%50\\%\\_off'--%" in params  # LIKE wildcards in the text are escaped


def test_highlight_cuts_overlapping_spans_into_flat_segments():
    segs = segments("Iran pledged to join", [Span(0, 12, "event", "031"), Span(5, 12, "trigger", "t"),
                                             Span(30, 40, "place")])
    assert [(s.text, s.kinds) for s in segs] == [("Iran ", ("event",)), ("pledged", ("event", "trigger")),
                                                 (" to join", ())]


# ------------------------------------------------------------------------------------------ API


API_PATHS = ["/api/overview", "/api/events", "/api/event/demo-01/0", "/api/article/demo-01", "/api/dyad?a=IRN&b=ISR",
             "/api/actor/IRN", "/api/country/IRN", "/api/map", "/api/network", "/api/sources", "/api/feedback"]


def _matches_envelope(body: dict) -> None:
    schema = spec()["components"]["schemas"]["Envelope"]
    assert set(schema["required"]) <= set(body)
    assert body["ok"] is True and isinstance(body["rows"], list) and isinstance(body["truncated"], bool)
    assert body["next"] is None or isinstance(body["next"], str)
    assert isinstance(body["query_ms"], int | float)


@pytest.mark.parametrize("path", API_PATHS)
def test_every_api_endpoint_answers_the_envelope(client, path):
    r = client.get(path)
    assert r.status_code == 200, r.text
    _matches_envelope(r.json())


def test_openapi_lists_every_api_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in API_PATHS:
        bare = p.split("?")[0]
        assert any(re.fullmatch(re.sub(r"\{\w+\}", r"[^/]+", k), bare) for k in paths), bare


@pytest.mark.parametrize("path", [
    "/api/events?quad=9", "/api/events?from=2024-13-45", "/api/events?after=garbage", "/api/events?limit=100000",
    "/api/dyad?a=IRN", "/api/actor/%3Cscript%3E", "/api/country/IRAN", "/api/event/demo-01/x",
    "/api/happening/not-a-number", "/events?cameo=abc", "/export/xls", "/api/overview?negated=maybe",
])
def test_a_bad_parameter_is_a_4xx_with_a_message_never_a_500(client, path):
    r = client.get(path)
    assert 400 <= r.status_code < 500, (path, r.status_code)
    message = r.json()["error"] if path.startswith("/api/") else r.text
    assert message and "Traceback" not in message


def test_happening_page_marks_its_first_report_and_lists_its_mentions(client):
    ev = client.get("/api/event/demo-01/1").json()["data"]["event"]
    body = client.get(f"/api/happening/{ev['happening_id']}").json()
    assert len(body["rows"]) >= body["data"]["happening"]["num_mentions"] >= 1  # negated mentions listed too
    page = client.get(f"/happening/{ev['happening_id']}").text
    assert 'class="hl-trigger' in page or " hl-trigger" in page


def test_api_page_describes_every_endpoint_offline(client):
    page = client.get("/api").text
    assert "One coded event with its sentence and rule" in page and "<code>min_conf</code>" in page


def test_unknown_things_are_404(client):
    assert client.get("/api/article/nope").status_code == 404
    assert client.get("/api/event/demo-01/999").status_code == 404
    assert client.get("/api/happening/12345").status_code == 404
    assert client.get("/no/such/page").status_code == 404


def test_keyset_pages_walk_every_mention_once_newest_first(client):
    total = client.get("/api/events?negated=include&facets=0").json()["data"]["matching"]["mentions"]
    seen, after, pages = [], None, 0
    while True:
        url = "/api/events?negated=include&facets=0&limit=17" + (f"&after={after}" if after else "")
        body = client.get(url).json()
        seen += [(r["date"] or "", r["article_id"], r["idx"]) for r in body["rows"]]
        pages += 1
        after = body["next"]
        if after is None:
            break
    assert len(seen) == len(set(seen)) == total > 100
    assert pages == -(-total // 17)
    dates = [d for d, _, _ in seen if d]
    assert dates == sorted(dates, reverse=True)


def test_events_facets_count_the_filtered_events(client):
    body = client.get("/api/events?actor=IRN").json()
    facets = body["data"]["facets"]
    assert set(facets) == set(Q.FACETS) and not any(f["timed_out"] for f in facets.values())
    quads = {r["value"]: r["events"] for r in facets["quad"]["rows"]}
    assert sum(quads.values()) == body["data"]["matching"]["events"]


def test_overview_holds_counts_timeline_map_and_surges(client):
    data = client.get("/api/overview").json()["data"]
    assert data["counts"]["articles"] == 24  # 23 demo articles stored + the hostile one
    assert data["timeline"]["periods"] and {"quad1", "quad4"} <= set(data["timeline"]["periods"][0])
    assert any(c["iso3"] == "IRN" and c["id"] == "364" for c in data["countries"])  # world-atlas numeric id
    for s in data["surges"]:
        assert s["last_week"] >= 3 and s["last_week"] >= 2 * s["weekly_before"]


def test_very_large_stores_count_happenings_approximately(owner, monkeypatch):
    exact = owner.run_read(lambda cur: Q.count_events(cur, Filters()))
    monkeypatch.setattr(Q, "APPROX_ABOVE", 0)
    approx = owner.run_read(lambda cur: Q.count_events(cur, Filters()))
    assert approx["mentions"] == exact["mentions"]
    assert abs(approx["events"] - exact["events"]) <= 0.05 * exact["events"]
    with TestClient(create_app(owner)) as c:
        body = c.get("/api/overview?actor=IRN").json()  # a filter the rollups do not hold: counted on events
        assert body["data"]["approximate"] and "approximate" in c.get("/?actor=IRN").text
        # the rollups' counts are exact, whatever the size of the store (issue 13)
        assert not c.get("/api/overview?from=2024-09-01").json()["data"]["approximate"]
        assert "approximate" not in c.get("/?from=2024-09-01").text


def test_an_overview_part_past_its_time_limit_is_left_empty_and_named(owner, monkeypatch):
    import accord.web.api as api_mod

    def slow(cur, f):
        cur.execute("SELECT count(*) FROM range(100000000000)").fetchone()

    monkeypatch.setattr(api_mod.Q, "surges", slow)
    real_limit, owner.time_limit = owner.time_limit, 0.5
    try:
        with TestClient(create_app(owner)) as c:
            r = c.get("/api/overview?from=2024-10-01")
            page = c.get("/?from=2024-10-01")
    finally:
        owner.time_limit = real_limit
    assert r.status_code == 200 and r.json()["data"]["timed_out"] == ["surges"]
    assert r.json()["data"]["dyads"]  # the other parts answered
    assert page.status_code == 200 and "Timed out, shown empty: surges" in page.text


def test_dyad_counts_each_direction_s_happenings_in_every_period(client):
    d = client.get("/api/dyad?a=IRN&b=ISR").json()["data"]
    assert [p["period"] for p in d["ab"]] == [p["period"] for p in d["ba"]] == d["periods"]  # zeros filled in
    rows = client.get("/api/events?actor=IRN&side=source&limit=500&facets=0").json()["rows"]
    want = {(r["source_code"], r["target_code"], r["cameo"], r["date"]) for r in rows
            if (r["target_code"] or "").startswith("ISR") and r["date"]}
    assert sum(p["events"] for p in d["ab"]) == len(want) > 0


def test_the_library_dyad_gives_the_numbers_the_api_gathers_concurrently(owner, client):
    api = client.get("/api/dyad?a=IRN&b=ISR").json()
    lib = owner.run_read(lambda cur: Q.dyad(cur, Filters(), "IRN", "ISR"))
    assert api["data"]["ab"] == lib["ab"] and api["data"]["roots"] == lib["roots"]
    assert [r["idx"] for r in api["rows"]] == [r["idx"] for r in lib["events"]]


def test_stray_dates_do_not_stretch_the_timeline_but_are_counted(client):
    t = client.get("/api/overview").json()["data"]["timeline"]
    assert t["lo"] > "2012-12-31" and t["outside"] >= 1  # the demo's one event of 2012 is off the chart
    whole = client.get("/api/overview?from=2012-01-01&to=2025-12-31").json()["data"]["timeline"]
    assert whole["outside"] == 0 and whole["lo"] == "2012-01-01"
    shown = sum(p[f"quad{q}"] for p in t["periods"] for q in range(1, 5))
    assert shown + t["outside"] == sum(p[f"quad{q}"] for p in whole["periods"] for q in range(1, 5))


def test_brushed_dates_refilter_the_overview(client):
    all_events = client.get("/api/overview").json()["data"]["matching"]["events"]
    part = client.get("/api/overview?from=2024-08-01&to=2024-08-31").json()
    assert 0 < part["data"]["matching"]["events"] < all_events
    assert all("2024-08-01" <= r["date"] <= "2024-08-31" for r in part["rows"])


# ------------------------------------------------------------------------------------------ pages


@pytest.mark.parametrize("path", ["/", "/events", "/event/demo-01/0", "/article/demo-01", "/dyad?a=IRN&b=ISR", "/dyad",
                                  "/actor/IRN", "/country/IRN", "/map", "/network", "/sources", "/feedback", "/api"])
def test_every_page_renders_with_the_security_headers(client, path):
    r = client.get(path)
    assert r.status_code == 200
    assert r.headers["content-security-policy"] == "default-src 'self'"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in r.text.replace('<script type="application/json"', "")  # no inline code
    assert not re.search(r'src="(https?:)?//', r.text)  # nothing from elsewhere


def test_hostile_article_text_is_escaped_everywhere(client):
    for path in (f"/article/{HOSTILE_ID}", "/events?q=embassy", "/events?actor=IRN&q=Damascus", "/"):
        text = client.get(path).text
        assert "<script>window" not in text and "<img src=x" not in text and "<b onmouseover" not in text
    api = client.get(f"/api/article/{HOSTILE_ID}")  # JSON is data: the text as stored, never sniffed as HTML
    assert api.headers["content-type"] == "application/json" and api.headers["x-content-type-options"] == "nosniff"
    assert api.json()["data"]["article"]["text"] == HOSTILE_TEXT
    page = client.get(f"/article/{HOSTILE_ID}").text
    assert "&lt;script&gt;window.__pwned" in page and "&lt;script&gt;alert(&#39;title&#39;)" in page
    assert 'href="javascript:' not in page


def test_article_page_marks_events_quotes_and_places(client):
    page = client.get("/article/demo-01").text
    for kind in ("hl-event", "hl-quote", "hl-place", "hl-amount"):
        assert f'class="{kind}' in page or f" {kind}" in page, kind


# ------------------------------------------------------------------------------------------ security


def test_token_is_required_when_set_and_then_kept_in_a_cookie(owner):
    with TestClient(create_app(owner, token="s3cret")) as c:
        assert c.get("/api/overview").status_code == 401
        assert c.get("/api/overview", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        assert c.get("/?token=s3cret").status_code == 200
        assert c.get("/api/overview").status_code == 200  # the cookie
        c.cookies.clear()
        assert c.get("/api/overview?token=%C3%A9t%C3%A9").status_code == 401  # not ASCII: refused, not a 500


def test_serve_command_refuses_other_hosts_without_a_token(tmp_path):
    from click.testing import CliRunner

    from accord.cli import main

    out = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "x.duckdb"), "--host", "0.0.0.0"])
    assert out.exit_code != 0 and "--token" in out.output
    out = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "x.duckdb"), "--every", "often"])
    assert out.exit_code != 0 and "--every" in out.output


def test_serve_binds_elsewhere_only_with_a_token(tmp_path):
    with pytest.raises(ServeError, match="--token"):
        check(ServeSettings(db=str(tmp_path / "x.duckdb"), host="0.0.0.0"))
    check(ServeSettings(db=str(tmp_path / "x.duckdb"), host="0.0.0.0", token="t"))
    check(ServeSettings(db=str(tmp_path / "x.duckdb")))
    assert parse_every("15m") == 900 and parse_every("30s") == 30 and parse_every("2h") == 7200
    with pytest.raises(ServeError):
        parse_every("soon")


# ------------------------------------------------------------------------------------------ feedback


def _csrf(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def test_feedback_form_round_trips_and_exports(tmp_path, resources):
    db = copy_store(tmp_path, resources)
    o = StoreOwner.open(db)
    try:
        with TestClient(create_app(o)) as c:
            page = c.get("/event/demo-01/1").text
            token = _csrf(page)
            assert c.post("/event/demo-01/1/feedback", data={"csrf": "0.bad", "verdict": "no_event"}).status_code == 403
            assert c.post("/event/demo-01/1/feedback", data={"csrf": token, "verdict": "maybe"}).status_code == 400
            assert c.post("/event/demo-01/1/feedback", data={"csrf": token, "note": "x" * 30_000}).status_code == 400
            assert c.post("/event/demo-01/1/feedback", data={"csrf": token, "verdict": "wrong_code", "cameo": "999"}).status_code == 400
            r = c.post("/event/demo-01/1/feedback", data={"csrf": token, "verdict": "wrong_code", "cameo": "036",
                                                          "note": "<b>intent</b>"}, follow_redirects=False)
            assert r.status_code == 303 and r.headers["location"].endswith("?saved=1")
            r = c.post("/event/demo-01/1/feedback", data={"csrf": token, "verdict": "wrong_actors", "source": "rusgov"})
            assert r.status_code == 200 and "the correction is stored" in r.text and "&lt;b&gt;intent" in r.text
            c.post("/event/demo-01/2/feedback", data={"csrf": _csrf(c.get("/event/demo-01/2").text), "verdict": "no_event"})
            rows = c.get("/api/feedback").json()["rows"]
        assert sorted(r["verdict"] for r in rows) == ["no_event", "wrong_actors", "wrong_code"]
        counts = fb.export(o.store.con, tmp_path / "gold.json", tmp_path / "fix.yaml")
    finally:
        o.close()
    assert counts["corrections"] == 3 and counts["gold_records"] == 3 and counts["verbs"] == 1
    gold = json.loads((tmp_path / "gold.json").read_text())
    coded = [g for g in gold if g["event"] != "DOCUMENT"]
    assert {g["cameo"] for g in coded} >= {"036"} and all(g["text"] for g in gold)
    from accord.evaluate import gold_kind

    assert gold_kind(gold) == "plover"  # accord eval reads it
    from accord.actors import ActorDictionary
    from accord.events import VerbDictionary

    VerbDictionary.load((str(tmp_path / "fix.yaml"),))  # a valid user dictionary
    ActorDictionary.load((str(tmp_path / "fix.yaml"),))


def test_csrf_tokens_are_bound_to_their_form_and_expire():
    csrf = fb.Csrf(b"k" * 32)
    t = csrf.issue("/event/a/0", now=1000)
    assert csrf.check("/event/a/0", t, now=1001)
    assert not csrf.check("/event/a/1", t, now=1001)
    assert not csrf.check("/event/a/0", t, now=1000 + fb.TOKEN_SECONDS + 1)
    assert not csrf.check("/event/a/0", "garbage")


def test_feedback_export_command(tmp_path, resources):
    from click.testing import CliRunner

    from accord.cli import main

    db = copy_store(tmp_path, resources)
    out = CliRunner().invoke(main, ["feedback", "export", "--db", str(db), "--gold", str(tmp_path / "g.json")])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output) == {"corrections": 0, "gold_records": 0}


# ------------------------------------------------------------------------------------------ exports


def test_exports_stream_the_filtered_events(client):
    n = client.get("/api/events?actor=IRN&facets=0").json()["data"]["matching"]
    csv_text = client.get("/export/csv?actor=IRN").text
    lines = csv_text.strip().splitlines()
    assert lines[0].startswith("date,source_code") and len(lines) - 1 == n["mentions"]
    gdelt = client.get("/export/gdelt?actor=IRN").text.strip().splitlines()
    assert len(gdelt) == n["events"] and all(len(x.split("\t")) == 61 for x in gdelt)
    polecat = [json.loads(x) for x in client.get("/export/polecat?actor=IRN").text.splitlines()]
    assert len(polecat) == n["mentions"] and all("event_type" in p for p in polecat)


# ------------------------------------------------------------------------------------------ the owner


def test_a_slow_read_is_interrupted_at_its_time_limit(owner):
    started = time.monotonic()
    with pytest.raises(QueryTimeout):
        owner.run_read(lambda cur: cur.execute("SELECT count(*) FROM range(100000000000) a").fetchone(), 0.3)
    assert time.monotonic() - started < 5
    assert owner.run_read(lambda cur: cur.execute("SELECT 42").fetchone())[0] == 42  # the cursor still works


def test_writes_run_one_at_a_time_in_the_writer_thread(tmp_path, resources):
    db = copy_store(tmp_path, resources)
    polled: list[str] = []
    configs: list = []

    def fake_poll(store, sources, config, *, stop=None):
        polled.append(threading.current_thread().name)
        configs.append((config, stop))

    import accord.web.owner as owner_mod

    real = owner_mod.collect_poll
    owner_mod.collect_poll = lambda: fake_poll
    try:
        o = StoreOwner.open(db, writer=WriterConfig(collect=("feeds.txt",), every=0.2))
        try:
            names = [o.writer.submit(lambda store: threading.current_thread().name).result(5) for _ in range(3)]
            time.sleep(0.6)
        finally:
            o.close()
    finally:
        owner_mod.collect_poll = real
    assert names == ["accord-writer"] * 3
    assert len(polled) >= 2 and set(polled) == {"accord-writer"}
    # the collector is told the server's --every, and the server's stop flag ends a round
    config, stop = configs[0]
    assert config.every == 0.2 and stop is not None


def test_watch_ingests_new_files_through_the_one_writer_while_serving(tmp_path, resources):
    db = copy_store(tmp_path, resources)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    o = StoreOwner.open(db, writer=WriterConfig(watch=str(inbox), watch_interval=0.2))
    try:
        before = o.run_read(lambda cur: cur.execute("SELECT count(*) FROM articles").fetchone()[0])
        (inbox / "new.jsonl").write_text(json.dumps({"id": "live-1", "date": "2025-02-01",
                                                     "text": "Russia condemned the Ukrainian drone attack on Moscow."}) + "\n")
        deadline = time.monotonic() + 60
        after = before
        while after == before and time.monotonic() < deadline:
            time.sleep(0.3)
            after = o.run_read(lambda cur: cur.execute("SELECT count(*) FROM articles").fetchone()[0])
    finally:
        o.close()
    assert after == before + 1


WRITER = """import duckdb, sys, time
c = duckdb.connect(sys.argv[1])
print('open', flush=True)
sys.stdin.readline()
c.execute("INSERT INTO rejects (input, item, reason) VALUES ('other', '1', 'written meanwhile')")
c.execute('CHECKPOINT')
print('written', flush=True)
time.sleep(60)
"""


def test_a_store_another_process_writes_is_served_as_a_refreshed_read_only_snapshot(tmp_path, resources):
    import asyncio

    db = copy_store(tmp_path, resources)
    holder = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)

    def rejects(o: StoreOwner) -> int:
        return o.run_read(lambda cur: cur.execute("SELECT count(*) FROM rejects").fetchone()[0])

    try:
        assert holder.stdout.readline().strip() == "open"
        o = StoreOwner.open(db, refresh=0.0)
        try:
            assert o.read_only
            assert o.run_read(lambda cur: cur.execute("SELECT count(*) FROM articles").fetchone()[0]) == 24
            before = rejects(o)
            with pytest.raises(ReadOnlyStore):
                asyncio.run(o.write(lambda store: None))
            holder.stdin.write("go\n")
            holder.stdin.flush()
            assert holder.stdout.readline().strip() == "written"
            time.sleep(0.05)
            assert rejects(o) == before + 1  # the snapshot was taken again
        finally:
            o.close()
    finally:
        holder.kill()
        holder.wait()


def test_sources_page_reads_the_feeds_table_generically(tmp_path, resources):
    db = copy_store(tmp_path, resources)
    con = duckdb.connect(str(db))
    has_feeds = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'feeds'").fetchone()[0]
    if not has_feeds:
        con.execute("CREATE TABLE feeds (url VARCHAR, outlet VARCHAR)")
    con.execute("INSERT INTO feeds (url, outlet) VALUES ('https://example.org/rss', 'Example <News>')")
    con.close()
    o = StoreOwner.open(db)
    try:
        with TestClient(create_app(o)) as c:
            body = c.get("/api/sources").json()
            page = c.get("/sources").text
    finally:
        o.close()
    assert body["data"]["available"] and body["rows"][0]["outlet"] == "Example <News>"
    assert "Example &lt;News&gt;" in page


def test_cached_pages_are_recomputed_once_the_store_changes(tmp_path, resources):
    o = StoreOwner.open(copy_store(tmp_path, resources))
    try:
        with TestClient(create_app(o)) as c:
            first = c.get("/api/overview").json()["data"]["counts"]["articles"]
            assert c.get("/api/overview").json()["data"]["counts"]["articles"] == first  # from the cache
            o.writer.submit(lambda store: store.con.execute(
                "INSERT INTO articles (id, text, status, hash) VALUES ('new', 'x', 'skipped', 'h')")).result(5)
            assert c.get("/api/overview").json()["data"]["counts"]["articles"] == first + 1
    finally:
        o.close()


def test_writer_refuses_jobs_once_stopped(tmp_path, resources):
    from accord.store import Store

    store = Store(copy_store(tmp_path, resources))
    w = Writer(store, WriterConfig())
    w.start()
    w.stop()
    with pytest.raises(ReadOnlyStore):
        w.submit(lambda s: 1).result(2)
    store.close()


def test_package_ships_the_vendored_assets_with_their_record():
    from importlib import resources as res

    vendor = res.files("accord.web").joinpath("static", "vendor")
    record = json.loads(vendor.joinpath("VENDORED.json").read_text())
    import hashlib

    for r in record:
        data = vendor.joinpath(r["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == r["sha256"] and r["license"]
    assert Path(str(vendor.joinpath("LICENSE.echarts"))).exists()
