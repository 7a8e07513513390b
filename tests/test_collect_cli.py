"""``accord collect`` as a user runs it, in a subprocess: polling with --every, SIGTERM, and kill -9 then a
rerun (in this process, to load the model once less) that stores every item exactly once and fetches
no stored page again. Sites on 127.0.0.1 only."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time

import duckdb
import pytest
from test_collect_poll import STORIES
from test_collect_site import Resp, Site, article_html, rss

from accord.cli_collect import parse_duration
from accord.collect import CollectConfig, poll
from accord.store import Store

pytestmark = pytest.mark.model

DATE = "Fri, 03 May 2024 08:00:00 GMT"
PAGES = 12


def accord(*args: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()} | {"NO_PROXY": "127.0.0.1"}
    return subprocess.Popen([sys.executable, "-m", "accord.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


def lines_of(stream) -> queue.Queue:
    q: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [q.put(line) for line in stream], daemon=True).start()
    return q


def wait_for(q: queue.Queue, text: str, seconds: float = 60.0) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            line = q.get(timeout=0.1)
        except queue.Empty:
            continue
        if text in line:
            return line
    raise AssertionError(f"no {text!r} within {seconds} s")


@pytest.fixture
def site():
    s = Site()
    s.add("/rss.xml", Resp(body=rss([(s.url(f"/n/{i}"), f"Story {i}", DATE) for i in range(PAGES)]),
                           ctype="application/rss+xml"))
    for i in range(PAGES):  # a little slow, so that a kill lands while pages are on their way
        s.add(f"/n/{i}", Resp(body=article_html(f"Story {i}", f"Report {i}. " + STORIES[i % len(STORIES)]), delay=0.2))
    yield s
    s.close()


def test_collect_cli_killed_then_rerun_stores_every_item_exactly_once(site, tmp_path, resources):
    db = str(tmp_path / "c.duckdb")
    common = ["--db", db, "--contact", "test@example.org", "--delay", "0"]
    proc = accord("collect", site.url("/rss.xml"), *common, "--every", "0.1s", "--max-pages", "3")
    err = lines_of(proc.stderr)
    wait_for(err, "3 stored")  # round 1 is committed
    deadline = time.monotonic() + 30
    while sum(site.hits[f"/n/{i}"] for i in range(PAGES)) < 5 and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)  # in round 2: two of its pages fetched, none stored
    proc.wait(timeout=10)
    con = duckdb.connect(db, read_only=True)
    stored_before = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    assert 3 <= stored_before < PAGES
    served_before = dict(site.hits)

    with Store(db) as store:  # the rerun, in this process (its model is loaded already)
        rerun = poll(store, [site.url("/rss.xml")], CollectConfig(contact="test@example.org", delay=0.0,
                                                                   trust_env=False), resources=resources)
    con = duckdb.connect(db, read_only=True)
    articles = con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()
    sources = con.execute("SELECT kind, count(*) FROM article_sources GROUP BY 1").fetchall()
    states = con.execute("SELECT state, count(*) FROM frontier GROUP BY 1").fetchall()
    con.close()
    assert articles == (PAGES, PAGES) and sources == [("original", PAGES)] and states == [("stored", PAGES)]
    refetched = sum(site.hits[f"/n/{i}"] - served_before.get(f"/n/{i}", 0) for i in range(PAGES))
    assert refetched == PAGES - stored_before  # a stored page is never fetched again
    assert rerun.stored == PAGES - stored_before and rerun.failures == 0


def test_collect_cli_every_polls_until_sigterm_and_stops_cleanly(site, tmp_path):
    db = str(tmp_path / "c.duckdb")
    proc = accord("collect", site.url("/rss.xml"), "--db", db, "--contact", "test@example.org", "--delay", "0",
                  "--every", "0.2s")
    err = lines_of(proc.stderr)
    wait_for(err, f"{PAGES} stored")
    wait_for(err, "(0 new)")  # a second round: nothing new, nothing fetched
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 0
    con = duckdb.connect(db, read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == PAGES
    con.close()
    assert all(site.hits[f"/n/{i}"] == 1 for i in range(PAGES))


def test_collect_cli_needs_a_contact_and_sources_it_can_read(tmp_path):
    from click.testing import CliRunner

    from accord.cli import main

    runner = CliRunner()
    result = runner.invoke(main, ["collect", "https://example.com/rss.xml", "--db", str(tmp_path / "x.duckdb")],
                           env={"ACCORD_CONTACT": None})
    assert result.exit_code == 2 and "--contact" in result.output
    result = runner.invoke(main, ["collect", "not-a-url", "--contact", "me@example.org"])
    assert result.exit_code == 2 and "not an http(s) URL nor a file" in result.output


def test_collect_cli_durations():
    assert parse_duration("15m") == 900 and parse_duration("1h30m") == 5400 and parse_duration("90") == 90
    assert parse_duration("0.5s") == 0.5
    with pytest.raises(ValueError):
        parse_duration("soon")
