"""``accord ingest --watch``: files dropped into a folder are stored once, across restarts."""

from __future__ import annotations

import json
import threading
import time

import pytest

from accord.store import Store
from accord.watch import watch

pytestmark = pytest.mark.model


def _run(folder, db, rounds):
    return watch(folder, db, interval=0.05, max_rounds=rounds)


def test_watch_ingests_files_dropped_while_it_runs_and_stops_when_asked(tmp_path):
    inbox, db = tmp_path / "inbox", tmp_path / "inbox" / "w.duckdb"  # the store may live in the folder
    inbox.mkdir()
    seen: list[str] = []
    stop = threading.Event()
    t = threading.Thread(target=watch, args=(inbox, db), daemon=True,
                         kwargs={"interval": 0.05, "stop": stop, "on_file": lambda p, r: seen.append(p.name)})
    t.start()
    time.sleep(0.2)
    (inbox / "one.txt").write_text("Iran and Russia signed a trade agreement in Moscow on Monday.", encoding="utf-8")
    rows = [{"id": "j1", "text": "Egypt condemned the attack on Friday.", "date": "2024-05-03"},
            {"id": "j2", "text": "Germany and France signed a treaty in Berlin.", "date": "2024-05-04"}]
    (inbox / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (inbox / "half.jsonl.part").write_text("{not yet", encoding="utf-8")  # a download in progress: ignored
    deadline = time.monotonic() + 60
    while len(seen) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    stop.set()
    t.join(timeout=30)

    assert not t.is_alive()
    assert sorted(seen) == ["feed.jsonl", "one.txt"]
    with Store(db, read_only=True) as s:
        assert s.stats()["articles"] == 3 and s.stats()["rejects"] == 0


def test_watch_restarted_reads_only_new_files_and_duplicates_nothing(tmp_path):
    inbox, db = tmp_path / "inbox", tmp_path / "w.duckdb"
    inbox.mkdir()
    (inbox / "one.txt").write_text("Iran and Russia signed a trade agreement in Moscow on Monday.", encoding="utf-8")
    rows = [{"id": "j1", "text": "Egypt condemned the attack on Friday.", "date": "2024-05-03"}]
    (inbox / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")

    first = _run(inbox, db, rounds=3)  # round 1 sees the files, round 2 finds them stable and reads them
    assert first.files == 2 and first.totals.stored == 2

    (inbox / "later.txt").write_text("Japan welcomed the agreement between Iran and Russia.", encoding="utf-8")
    again = _run(inbox, db, rounds=3)  # a restarted watcher reads only the new file
    assert again.files == 1 and again.totals.stored == 1 and again.totals.known == 0
    with Store(db, read_only=True) as s:
        assert s.stats()["articles"] == 3
        assert s.con.execute("SELECT count(*) FROM watched_files").fetchone()[0] == 3
        assert s.con.execute("SELECT count(*) - count(DISTINCT id) FROM articles").fetchone()[0] == 0


def test_watch_codes_every_file_in_one_pool_it_is_given(tmp_path):
    from accord.ingest import CodingPool

    inbox, db = tmp_path / "inbox", tmp_path / "w.duckdb"
    inbox.mkdir()
    (inbox / "one.txt").write_text("Iran and Russia signed a trade agreement in Moscow on Monday.", encoding="utf-8")
    with CodingPool(1) as pool:
        first = _watch_with(pool, inbox, db)
        pids = pool.pids
        (inbox / "two.txt").write_text("Japan welcomed the agreement between Iran and Russia.", encoding="utf-8")
        again = _watch_with(pool, inbox, db)
        assert len(pids) == 1 and pool.pids == pids  # the same process, its model loaded once
    assert (first.totals.stored, again.totals.stored) == (1, 1) and pool.pids == []


def _watch_with(pool, folder, db):
    return watch(folder, db, interval=0.05, max_rounds=3, pool=pool)
